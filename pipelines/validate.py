"""Validate each scraped record against the :class:`~leadgen.items.Lead` contract."""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from pydantic import ValidationError
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from leadgen.items import Lead

logger = logging.getLogger(__name__)


class ValidateLeadPipeline:
    """Turn dicts into ``Lead`` models; drop invalid ones with a counted reason."""

    def __init__(self, stats: StatsCollector):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidateLeadPipeline:
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Lead:
        if isinstance(item, Lead):
            self.stats.inc_value("leadgen/validate/ok")
            return item
        try:
            lead = Lead.model_validate(ItemAdapter(item).asdict())
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "item"
            self.stats.inc_value(f"leadgen/validate/dropped/{field}")
            page = ItemAdapter(item).get("source", {}) or {}
            url = page.get("page_url") if isinstance(page, dict) else None
            raise DropItem(
                f"invalid lead from {url or 'unknown page'}: {field}: {first['msg']}"
            ) from None
        self.stats.inc_value("leadgen/validate/ok")
        return lead
