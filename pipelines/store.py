"""Match each lead against the database and store it with its provenance."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

from leadgen.ingest import Ingestor
from leadgen.items import NormalizedLead
from leadgen.storage import init_db
from leadgen.storage.db import database_url

logger = logging.getLogger(__name__)

#: One ingestor per database for all crawlers of this process. Several sources crawl side by
#: side in one process; separate ingestors would each hold SQLite's write lock for a batch and
#: block one another (and the reactor). Sharing one also shares its matching caches.
_SHARED: dict[str, tuple[Ingestor, int]] = {}

#: How often a crawl checks whether its pending batch is due (``Ingestor.max_batch_seconds``
#: old): a batch is written within this long of being due even when no lead comes.
FLUSH_CHECK_SECONDS = 1.0


def _acquire(url: str, crawl_run_id: int | None) -> Ingestor:
    if url in _SHARED:
        ingestor, users = _SHARED[url]
        _SHARED[url] = (ingestor, users + 1)
        return ingestor
    ingestor = Ingestor(init_db(url), crawl_run_id=crawl_run_id)
    _SHARED[url] = (ingestor, 1)
    return ingestor


def _release(url: str) -> None:
    ingestor, users = _SHARED[url]
    if users > 1:
        _SHARED[url] = (ingestor, users - 1)
        ingestor.flush()
        return
    del _SHARED[url]
    ingestor.flush()
    ingestor.close()


class StoreLeadPipeline:
    """Hands every lead to the :class:`~leadgen.ingest.Ingestor`; counts new/merged/unchanged."""

    def __init__(self, stats: StatsCollector, url: str | None, crawl_run_id: int | None,
                 clock: Any = None):
        """``clock``: the reactor the flush timer runs on (tests pass a Twisted ``Clock``)."""
        self.stats = stats
        self.url = database_url(url)
        self.crawl_run_id = crawl_run_id
        self.ingestor: Ingestor | None = None
        self._timer = task.LoopingCall(self._flush_if_due)
        if clock is not None:
            self._timer.clock = clock

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreLeadPipeline:
        assert crawler.stats is not None
        run_id = crawler.settings.getint("LEADGEN_CRAWL_RUN_ID") or None
        return cls(crawler.stats, crawler.settings.get("LEADGEN_DATABASE_URL"), run_id)

    def open_spider(self) -> None:
        self.ingestor = _acquire(self.url, self.crawl_run_id)
        self._timer.start(FLUSH_CHECK_SECONDS, now=False)

    def _flush_if_due(self) -> None:
        """Write the pending batch once it is due, though no lead has come to write it (and
        release SQLite's write lock). An error is logged, as a lead's own write error would
        be, and the timer goes on."""
        if self.ingestor is None:
            return
        try:
            self.ingestor.flush_if_due()
        except Exception:  # noqa: BLE001 - a timer must not stop; the error is logged here
            logger.exception("store: writing the pending batch failed")

    def process_item(self, item: NormalizedLead) -> NormalizedLead:
        assert self.ingestor is not None
        outcome = self.ingestor.ingest(item)
        self.stats.inc_value(f"leadgen/store/{outcome.status}")
        return item

    def close_spider(self) -> None:
        if self._timer.running:
            self._timer.stop()
        if self.ingestor is not None:
            _release(self.url)
            self.ingestor = None
