"""Drop leads on the suppression list (do-not-contact / forget), and forgotten people from
the rest, before anything is stored."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from leadgen.items import NormalizedLead
from leadgen.suppression import SuppressionList

logger = logging.getLogger(__name__)


class SuppressionPipeline:
    """Loads the suppression list once per crawl, drops every lead that matches it and leaves
    forgotten people out of the others."""

    def __init__(self, stats: StatsCollector, database_url: str | None):
        self.stats = stats
        self.database_url = database_url
        self.suppressions = SuppressionList()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SuppressionPipeline:
        assert crawler.stats is not None
        return cls(crawler.stats, crawler.settings.get("LEADGEN_DATABASE_URL"))

    def open_spider(self) -> None:
        from leadgen.storage import init_db

        engine = init_db(self.database_url)
        self.suppressions = SuppressionList.load(engine)
        engine.dispose()

    def process_item(self, item: NormalizedLead) -> NormalizedLead:
        reason = self.suppressions.reason_for(item)
        if reason:
            self.stats.inc_value("leadgen/suppressed")
            logger.info("suppressed lead from %s: %s", item.lead.source.page_url, reason)
            raise DropItem(f"suppressed: {reason}")
        return self.suppressions.without_people(item)  # a forgotten person, not the company



