"""Item pipeline: store each finished site's findings in the database, one transaction a site.

Setting: ``LEADGEN_DATABASE_URL``. Stats: ``enrich_store/sites``, ``enrich_store/contacts_added``,
``enrich_store/source_records``, ``enrich_store/unfinished`` (sites stored at close after a stop).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from enrich.store import store_site_result
from leadgen.storage import make_engine, session_scope
from leadgen.suppression import SuppressionList

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class StoreSitePipeline:
    """Write ``site_result`` items with :func:`enrich.store.store_site_result`."""

    def __init__(self, crawler: Crawler, database_url: str | None) -> None:
        self.crawler = crawler
        self.engine = make_engine(database_url)
        with session_scope(self.engine) as session:
            self.suppressions = SuppressionList.load(session)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, crawler.settings.get("LEADGEN_DATABASE_URL"))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, dict) and item.get("kind") == "site_result":
            self._store(item)
        return item

    def _store(self, item: dict[str, Any]) -> None:
        stats = self.crawler.stats
        assert stats is not None
        with session_scope(self.engine) as session:
            result = store_site_result(session, item, self.suppressions)
        stats.inc_value("enrich_store/sites")
        stats.inc_value("enrich_store/contacts_added", result.contacts_added)
        if result.source_record_added:
            stats.inc_value("enrich_store/source_records")

    def close_spider(self, spider: Spider | None = None) -> None:
        spider = spider or self.crawler.spider
        for state in getattr(spider, "unfinished", lambda: [])():
            state.done = True
            self._store(state.result())
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("enrich_store/unfinished")
        self.engine.dispose()
