"""Website enrichment: sites/s and pages/s through the demo web, against the page objects alone.

Baseline: the same company pages parsed by :class:`enrich.pages.CompanySitePage` in one process
without any crawling (what extraction costs). The crawl figure adds Scrapy, the safety check,
storage and the child process; the ratio shows what the crawl costs on top of extraction.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from enrich.pages import CompanySitePage
from enrich.run import EnrichOptions, enrich
from leadgen.demoweb import DemoWebServer, DemoWorld
from leadgen.normalize import normalize_website
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company

FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING",
        "CONCURRENT_REQUESTS_PER_DOMAIN": 4}


def _parse_baseline(world: DemoWorld, truth: dict) -> tuple[int, float]:
    pages = []
    for item in truth["companies"]:
        if not item["website"]:
            continue
        host = item["website"].split("/")[2]
        for path in item["site_pages"].values():
            response = world.handle(host, path, "")
            if response is not None and response.status == 200:
                pages.append((response.body, f"http://{host}{path}"))
    started = time.perf_counter()
    for body, url in pages:
        CompanySitePage(body, url).facts()
    return len(pages), time.perf_counter() - started


def run(quick: bool = False) -> str:
    """Enrich every company site of a demo world; markdown table of the figures."""
    companies = 40 if quick else 300
    world = DemoWorld.generate(seed=21, companies=companies, crawl_delay=0.0, slow_delay=0.2)
    truth = world.truth()
    parsed, parse_seconds = _parse_baseline(world, truth)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'leads.db'}"
        with session_scope(init_db(url)) as session:
            for item in truth["companies"]:
                site = normalize_website(item["website"] or "")
                if site:
                    session.add(Company(display_name=item["name"], name_key=item["name"].lower(),
                                        website=item["website"], registered_domain=site[1]))
        with DemoWebServer(world, port=0) as server:
            started = time.perf_counter()
            summary = enrich(url, EnrichOptions(allow_private=True, proxy=server.proxy_url,
                                                check=False, settings=FAST))
            crawl_seconds = time.perf_counter() - started
    pages = int(summary.stats.get("enrich/pages", 0))
    sites = summary.targets
    parse_rate = parsed / parse_seconds if parse_seconds else 0.0
    crawl_rate = pages / crawl_seconds if crawl_seconds else 0.0
    return "\n".join([
        "## Website enrichment",
        "",
        f"{sites} company sites of a {companies}-company demo world, no delays, checks off.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| page objects alone (baseline) | {parse_rate:.1f} pages/s ({parsed} pages) |",
        f"| enrichment crawl | {crawl_rate:.1f} pages/s, {sites / crawl_seconds:.2f} sites/s "
        f"({pages} pages, {crawl_seconds:.1f} s incl. start-up) |",
        f"| crawl / baseline rate | {crawl_rate / parse_rate:.2f} |" if parse_rate else "",
        "",
    ])


if __name__ == "__main__":
    print(run(quick=True))
