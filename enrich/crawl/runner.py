"""Run the enrichment spider with the project's Scrapy settings, in a child process.

Twisted's reactor cannot be restarted within one process, and the CLI, tests and notebooks may
run enrichment more than once: each crawl therefore runs in a freshly spawned process that writes
to the database itself and hands its stats back.
"""

from __future__ import annotations

import multiprocessing
import queue
from typing import Any

#: Settings of the enrichment crawl on top of ``leadgen.settings``.
ENRICH_SETTINGS: dict[str, Any] = {
    "ITEM_PIPELINES": {"enrich.crawl.pipeline.StoreSitePipeline": 900},
    # The per-site cap is the spider's; the per-source page cap does not apply.
    "LEADGEN_MAX_PAGES": 0,
    # Company pages are small; a bigger answer is not a contact page (and may be an attack).
    "DOWNLOAD_MAXSIZE": 2_000_000,
    "DOWNLOAD_WARNSIZE": 1_000_000,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 20,
    "REDIRECT_MAX_TIMES": 5,
    "LOG_LEVEL": "WARNING",
}
#: Refuse unsafe hosts before anything else, robots.txt included (RobotsTxtMiddleware is 100).
SAFETY_MIDDLEWARE = {"enrich.crawl.safety.SafetyMiddleware": 50}


def enrich_settings(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The full settings dict: ``leadgen.settings``, the enrichment layer, then ``overrides``."""
    from scrapy.settings import Settings

    base = Settings()
    base.setmodule("leadgen.settings", priority="project")
    settings: dict[str, Any] = {k: v for k, v in base.copy_to_dict().items() if k.isupper()}
    settings.update(ENRICH_SETTINGS)
    middlewares = dict(settings.get("DOWNLOADER_MIDDLEWARES") or {})
    middlewares.update(SAFETY_MIDDLEWARE)
    settings["DOWNLOADER_MIDDLEWARES"] = middlewares
    settings.update(overrides or {})
    return settings


def _child(targets: list[dict[str, Any]], max_pages: int, settings: dict[str, Any],
           out: Any) -> None:
    from scrapy.crawler import CrawlerProcess

    from enrich.crawl.spider import SiteEnrichSpider

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SiteEnrichSpider)
    process.crawl(crawler, targets=targets, max_pages=max_pages)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    out.put({k: (v if isinstance(v, int | float | str) else str(v)) for k, v in stats.items()})


def run_enrich_crawl(
    targets: list[dict[str, Any]], *, max_pages: int, settings: dict[str, Any]
) -> dict[str, Any]:
    """Crawl ``targets`` (dicts: company_id, website, region) and return the crawl's stats."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    child = context.Process(target=_child, args=(targets, max_pages, settings, out),
                            name="leadgen-enrich")
    child.start()
    try:
        while True:
            try:
                stats: dict[str, Any] = out.get(timeout=0.5)
                break
            except queue.Empty:
                if not child.is_alive():
                    stats = {"finish_reason": f"crashed (exit code {child.exitcode})"}
                    break
    finally:
        child.join(timeout=30)
    return stats
