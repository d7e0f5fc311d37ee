"""A hard cap on the pages one crawl downloads (the source's ``max_pages``).

``CLOSESPIDER_PAGECOUNT`` closes the spider once the count is reached, but requests already in
flight still complete, so a crawl may exceed it by the concurrency. This middleware refuses every
request past the cap before it is sent, so the number of pages fetched never exceeds it, and
closes the spider with reason ``closespider_pagecount`` as soon as the cap is reached. With a
``JOBDIR``, requests still queued stay in its queue, and the few already handed to the downloader
are put back there before being refused, so a resumed run with a higher cap continues from there.
robots.txt requests are not pages and are neither counted nor refused.

Stats: ``pagecap/counted``, ``pagecap/ignored``, ``pagecap/requeued``; setting
``LEADGEN_MAX_PAGES`` (0 = no cap).
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

    def __init__(self, crawler: Crawler, max_pages: int, requeue: bool):
        self.crawler = crawler
        self.max_pages = max_pages
        self.requeue = requeue
        self.count = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        max_pages = crawler.settings.getint("LEADGEN_MAX_PAGES")
        if max_pages <= 0:
            raise NotConfigured
        return cls(crawler, max_pages, requeue=bool(crawler.settings.get("JOBDIR")))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if request.meta.get("dont_obey_robotstxt") and request.url.endswith("/robots.txt"):
            return
        stats = self.crawler.stats
        assert stats is not None
        if self.count >= self.max_pages:
            stats.inc_value("pagecap/ignored")
            assert self.crawler.engine is not None
            if self.requeue:
                # Back to the JOBDIR queue (the dupefilter has seen it already); the engine
                # stops taking requests from the queue once the spider is closing.
                self.crawler.engine.crawl(request.replace(dont_filter=True))
                stats.inc_value("pagecap/requeued")
            raise IgnoreRequest(f"page cap of {self.max_pages} reached")
        self.count += 1
        stats.inc_value("pagecap/counted")
        if self.count == self.max_pages:
            logger.info("page cap of %d reached; closing the spider", self.max_pages)
            assert self.crawler.engine is not None
            _schedule_coro(self.crawler.engine.close_spider_async(reason="closespider_pagecount"))
