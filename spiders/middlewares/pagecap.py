"""A hard cap on the pages one crawl downloads (the source's ``max_pages``).

``CLOSESPIDER_PAGECOUNT`` closes the spider once the count is reached, but requests already in
flight still complete, so a crawl may exceed it by the concurrency. This middleware refuses every
request past the cap before it is sent, so the number of pages fetched never exceeds it, and
closes the spider with reason ``closespider_pagecount`` as soon as the cap is reached: requests
still queued stay in the ``JOBDIR`` queue, so a resumed run with a higher cap continues from there
(the few already handed to the downloader are refused and lost).
robots.txt requests are not pages and are neither counted nor refused.

Stats: ``pagecap/counted``, ``pagecap/ignored``; setting ``LEADGEN_MAX_PAGES`` (0 = no cap).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import _schedule_coro

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class PageCapMiddleware:
    """Downloader middleware refusing requests once ``LEADGEN_MAX_PAGES`` pages were sent."""

    def __init__(self, crawler: Crawler, max_pages: int):
        self.crawler = crawler
        self.max_pages = max_pages
        self.count = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        max_pages = crawler.settings.getint("LEADGEN_MAX_PAGES")
        if max_pages <= 0:
            raise NotConfigured
        return cls(crawler, max_pages)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if request.meta.get("dont_obey_robotstxt") and request.url.endswith("/robots.txt"):
            return
        stats = self.crawler.stats
        assert stats is not None
        if self.count >= self.max_pages:
            stats.inc_value("pagecap/ignored")
            raise IgnoreRequest(f"page cap of {self.max_pages} reached")
        self.count += 1
        stats.inc_value("pagecap/counted")
        if self.count == self.max_pages:
            logger.info("page cap of %d reached; closing the spider", self.max_pages)
            assert self.crawler.engine is not None
            _schedule_coro(self.crawler.engine.close_spider_async(reason="closespider_pagecount"))
