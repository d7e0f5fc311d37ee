"""Normalize each lead: phones to E.164, e-mails, website to registered domain, name key."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from leadgen.items import Lead, NormalizedLead
from leadgen.normalize import normalize_lead


class NormalizeLeadPipeline:
    """``Lead`` in, :class:`NormalizedLead` out; counts values that did not normalize."""

    def __init__(self, stats: StatsCollector, default_region: str | None):
        self.stats = stats
        self.default_region = default_region

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizeLeadPipeline:
        assert crawler.stats is not None
        return cls(crawler.stats, crawler.settings.get("LEADGEN_DEFAULT_REGION"))

    def process_item(self, item: Lead) -> NormalizedLead:
        normalized = normalize_lead(item, default_region=self.default_region)
        if not normalized.name_key:  # "&nbsp;", "<b></b>", a zero-width space: no name
            self.stats.inc_value("leadgen/normalize/no_name")
            raise DropItem(f"no company name in {item.name!r} ({item.source.page_url})")
        self.stats.inc_value("leadgen/normalize/ok")
        lost_phones = len(item.phones) - len(normalized.phones)
        if lost_phones > 0:
            self.stats.inc_value("leadgen/normalize/phone_invalid", lost_phones)
        lost_emails = len(item.emails) - len(normalized.emails)
        if lost_emails > 0:
            self.stats.inc_value("leadgen/normalize/email_invalid", lost_emails)
        return normalized
