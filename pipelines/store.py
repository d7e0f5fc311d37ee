"""Match each lead against the database and store it with its provenance."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from leadgen.ingest import Ingestor
from leadgen.items import NormalizedLead
from leadgen.storage import init_db

logger = logging.getLogger(__name__)


class StoreLeadPipeline:
    """Hands every lead to the :class:`~leadgen.ingest.Ingestor`; counts new/merged/unchanged."""

    def __init__(self, stats: StatsCollector, database_url: str | None, crawl_run_id: int | None):
        self.stats = stats
        self.database_url = database_url
        self.crawl_run_id = crawl_run_id
        self.ingestor: Ingestor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreLeadPipeline:
        assert crawler.stats is not None
        run_id = crawler.settings.getint("LEADGEN_CRAWL_RUN_ID") or None
        return cls(crawler.stats, crawler.settings.get("LEADGEN_DATABASE_URL"), run_id)

    def open_spider(self) -> None:
        engine = init_db(self.database_url)
        self.ingestor = Ingestor(engine, crawl_run_id=self.crawl_run_id)

    def process_item(self, item: NormalizedLead) -> NormalizedLead:
        assert self.ingestor is not None
        outcome = self.ingestor.ingest(item)
        self.stats.inc_value(f"leadgen/store/{outcome.status}")
        return item

    def close_spider(self) -> None:
        if self.ingestor is not None:
            self.ingestor.flush()
            self.ingestor.close()
