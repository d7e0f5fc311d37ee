"""Strip session ids and tracking parameters from URLs before they reach the scheduler.

Sites that put the session in the URL (``;jsessionid=``, ``?sid=``, ``PHPSESSID``) hand every
visitor, and often every page view, a new URL for the same page; without this the duplicate filter
sees them all as new pages and record ids on the source change from visit to visit.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.exceptions import NotConfigured
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

#: Query keys (lower-cased) that identify a session or a campaign, never a page.
SESSION_KEYS = frozenset(
    {
        "sid",
        "sessid",
        "sessionid",
        "session_id",
        "session",
        "phpsessid",
        "jsessionid",
        "aspsessionid",
        "cfid",
        "cftoken",
        "s",  # vBulletin-style session hash; only dropped when it looks like a hash (below)
        "fbclid",
        "gclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
    }
)
_TRACKING_PREFIXES = ("utm_",)
#: Path parameters such as ``;jsessionid=ABC`` (Java) or ``;sid=...``.
_PATH_SESSION = re.compile(r";(?:jsessionid|sid|sessionid|phpsessid)=[^/?#;]*", re.IGNORECASE)
_HASHLIKE = re.compile(r"^[0-9a-fA-F]{16,}$|^[A-Za-z0-9]{24,}$")


def _is_session_key(key: str, value: str) -> bool:
    lowered = key.lower()
    if lowered.startswith(_TRACKING_PREFIXES) or lowered.startswith("aspsessionid"):
        return True
    if lowered == "s":
        return bool(_HASHLIKE.match(value))
    return lowered in SESSION_KEYS


def canonical_url(url: str) -> str:
    """The URL without session ids, tracking parameters and fragment; other parts unchanged.

    >>> canonical_url("http://a.example/m/1;jsessionid=AB12?sid=9f&page=2&utm_source=x#top")
    'http://a.example/m/1?page=2'
    """
    parts = urlsplit(url)
    path = _PATH_SESSION.sub("", parts.path)
    # Some servers append the path parameter after the query too: ``?page=2;jsessionid=...``.
    raw_query = _PATH_SESSION.sub("", parts.query)
    pairs = parse_qsl(raw_query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if not _is_session_key(key, value)]
    query = urlencode(kept) if len(kept) != len(pairs) else raw_query
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


class CanonicalizeUrlMiddleware(BaseSpiderMiddleware):
    """Rewrite every request the spider yields to its :func:`canonical_url`.

    Stats: ``canonicalize/rewritten``. Off with ``LEADGEN_CANONICALIZE_URLS = False`` (for a site
    that needs its session id in the URL).
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("LEADGEN_CANONICALIZE_URLS", True):
            raise NotConfigured
        return cls(crawler)

    def get_processed_request(self, request: Request, response: Response | None) -> Request:
        url = canonical_url(request.url)
        if url == request.url.split("#", 1)[0]:
            return request
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("canonicalize/rewritten")
        logger.debug("canonicalized %s -> %s", request.url, url)
        return request.replace(url=url)
