"""Run the enrichment spider with the project's Scrapy settings, in a child process.

Twisted's reactor cannot be restarted within one process, and the CLI, tests and notebooks may
run enrichment more than once: each crawl therefore runs in a child Python process
(``python -m enrich.crawl.runner``) that writes to the database itself and hands its stats back
in a JSON file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
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
    import leadgen.settings as project

    # Only the project's own settings: Scrapy fills in its defaults (copying those would
    # re-set deprecated ones and warn).
    settings: dict[str, Any] = {k: getattr(project, k) for k in dir(project) if k.isupper()}
    settings.update(ENRICH_SETTINGS)
    middlewares = dict(settings.get("DOWNLOADER_MIDDLEWARES") or {})
    middlewares.update(SAFETY_MIDDLEWARE)
    settings["DOWNLOADER_MIDDLEWARES"] = middlewares
    settings.update(overrides or {})
    return settings


def crawl_in_this_process(spec: dict[str, Any]) -> dict[str, Any]:
    """Run the crawl of ``spec`` (targets, max_pages, settings overrides) here; return stats."""
    from scrapy.crawler import CrawlerProcess

    from enrich.crawl.spider import SiteEnrichSpider

    process = CrawlerProcess(enrich_settings(spec["settings"]))
    crawler = process.create_crawler(SiteEnrichSpider)
    process.crawl(crawler, targets=spec["targets"], max_pages=spec["max_pages"])
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return {k: (v if isinstance(v, int | float | str) else str(v)) for k, v in stats.items()}


def run_enrich_crawl(
    targets: list[dict[str, Any]], *, max_pages: int, settings: dict[str, Any]
) -> dict[str, Any]:
    """Crawl ``targets`` (dicts: company_id, website, region) in a child process; its stats.

    ``settings`` are overrides on top of :func:`enrich_settings` (JSON-serializable values).
    """
    with tempfile.TemporaryDirectory(prefix="leadgen-enrich-") as tmp:
        spec_path, stats_path = Path(tmp) / "spec.json", Path(tmp) / "stats.json"
        spec = {"targets": targets, "max_pages": max_pages, "settings": settings}
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        completed = subprocess.run(
            [sys.executable, "-m", "enrich.crawl.runner", str(spec_path), str(stats_path)],
            check=False,
        )
        if not stats_path.exists():
            return {"finish_reason": f"crashed (exit code {completed.returncode})"}
        stats: dict[str, Any] = json.loads(stats_path.read_text(encoding="utf-8"))
        return stats


def main(argv: list[str] | None = None) -> int:
    """``python -m enrich.crawl.runner SPEC.json STATS.json``: the child process's entry."""
    spec_file, stats_file = (argv or sys.argv[1:])[:2]
    spec = json.loads(Path(spec_file).read_text(encoding="utf-8"))
    stats = crawl_in_this_process(spec)
    Path(stats_file).write_text(json.dumps(stats), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
