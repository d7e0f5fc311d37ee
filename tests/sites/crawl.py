"""Shared helpers for crawl tests: run a real crawl in a child process and read its leads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leadgen.crawler import CrawlResult, run_crawl
from leadgen.profile import SourceConfig

#: Test crawls: no pipelines (the leads go to a JSON-lines file), short delays, fixed "today".
FAST: dict[str, Any] = {
    "ITEM_PIPELINES": {},
    "DOWNLOAD_DELAY": 0.02,
    "AUTOTHROTTLE_START_DELAY": 0.02,
    "AUTOTHROTTLE_MAX_DELAY": 1.0,
    "DOWNLOAD_TIMEOUT": 10,
    "TRAPS_TODAY": "2026-11-22",
    "LOG_LEVEL": "INFO",
}


def require_page_objects() -> None:
    """Skip the calling module until the page objects' listing API exists."""
    pages = pytest.importorskip("spiders.pages")
    if not hasattr(pages, "ListingPage") or not hasattr(pages, "extract_json_records"):
        pytest.skip("spiders.pages.ListingPage not available yet", allow_module_level=True)


def crawl(
    tmp: Path, sources: list[SourceConfig], **overrides: Any
) -> tuple[CrawlResult, list[dict[str, Any]], str]:
    """Crawl ``sources``; return the result, the leads as dicts and the crawl log."""
    tmp.mkdir(parents=True, exist_ok=True)
    log = tmp / "crawl.log"
    items = tmp / "leads.jsonl"
    proxy = overrides.pop("proxy", None)
    jobdir = overrides.pop("jobdir", None)
    settings = {**FAST, "LOG_FILE": str(log), **overrides}
    result = run_crawl(
        sources, settings_overrides=settings, items_path=items, proxy=proxy, jobdir=jobdir,
        timeout=240,
    )
    leads = [json.loads(line) for line in items.read_text(encoding="utf-8").splitlines() if line]
    return result, leads, log.read_text(encoding="utf-8")
