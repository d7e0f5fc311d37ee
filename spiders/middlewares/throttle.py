"""AutoThrottle that never sets a slot's delay below the slot's configured floor.

Scrapy's AutoThrottle moves each slot's delay between ``DOWNLOAD_DELAY`` and
``AUTOTHROTTLE_MAX_DELAY`` from observed latency. A fast site would thus see its robots.txt
Crawl-delay undercut. Here the delay set for a slot in ``DOWNLOAD_SLOTS`` (where
:class:`spiders.middlewares.crawldelay.CrawlDelayMiddleware` writes each host's Crawl-delay) is a
floor that wins over both bounds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.extensions.throttle import AutoThrottle

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.http import Response


class FloorAutoThrottle(AutoThrottle):
    """AutoThrottle respecting per-slot delay floors. Stats: ``throttle/floored``."""

    def _response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        super()._response_downloaded(response, request, spider)
        key, slot = self._get_slot(request, spider)
        if key is None or slot is None:
            return
        assert self.crawler.engine is not None
        floor = self.crawler.engine.downloader.per_slot_settings.get(key, {}).get("delay")
        if floor is not None and slot.delay < float(floor):
            slot.delay = float(floor)
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("throttle/floored")
