"""robots.txt as RFC 9309 reads it: a robots.txt the server cannot give (a 5xx answer, or no
answer at all) disallows the whole site until it can; one that does not exist (4xx) allows it.

Scrapy's middleware read a 503 page as rules (none: everything allowed) and a failed download
as no robots.txt: the overloaded or bot-throttling sites a crawler must leave alone were
crawled in full.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.misc import build_from_crawler

if TYPE_CHECKING:
    from scrapy.http import Request, Response

logger = logging.getLogger(__name__)

#: The rules an unreachable robots.txt stands for.
_DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class UnreachableRobotsDisallowMiddleware(RobotsTxtMiddleware):
    """:class:`RobotsTxtMiddleware` whose unreachable robots.txt disallows the host."""

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._warn(netloc, f"answered {response.status}")
            response = response.replace(body=_DISALLOW_ALL)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, IgnoreRequest):
            super()._robots_error(exc, netloc)
            return
        self._warn(netloc, f"could not be fetched ({type(exc).__name__})")
        rp_dfd = self._parsers[netloc]
        parser = build_from_crawler(self._parserimpl, self.crawler, _DISALLOW_ALL)
        self._parsers[netloc] = parser
        rp_dfd.callback(parser)  # type: ignore[union-attr]

    def _warn(self, netloc: str, what: str) -> None:
        self._stats.inc_value("leadgen/robots_unreachable")
        logger.warning("robots.txt of %s %s: the site is treated as disallowing every page "
                       "until it answers (RFC 9309)", netloc, what)
