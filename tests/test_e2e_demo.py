"""End to end: the demo profile's sources crawled with real Scrapy through the demo web.

Checks the promises of the main job: at least 95% of the ground-truth companies found, each with
its source records; a second run adds no rows; no robots-disallowed URL requested.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from leadgen.crawl_run import CrawlSummary, run_profile_crawl
from leadgen.demoweb import DemoWebServer, DemoWorld
from leadgen.demoweb.audit import robots_violations
from leadgen.profile import load_profile
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, CompanyKey, ContactPoint, SourceRecord
from tests.demo_eval import evaluate_crawl

LEAD_TABLES = (Company, SourceRecord, CompanyKey, ContactPoint)


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return DemoWorld.generate(seed=7, companies=60, crawl_delay=0.2, slow_delay=0.3)


@pytest.fixture(scope="module")
def server(world: DemoWorld) -> Iterator[DemoWebServer]:
    with DemoWebServer(world) as running:
        yield running


def _crawl(url: str, proxy: str) -> CrawlSummary:
    profile = load_profile("demo")
    profile.demo_web = None  # the test serves its own, smaller demo web
    return run_profile_crawl(profile, database_url=url, proxy=proxy)


def _row_counts(url: str) -> dict[str, int]:
    with session_scope(init_db(url)) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in LEAD_TABLES
        }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory, server: DemoWebServer) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'leads.db'}"
    first = _crawl(url, server.proxy_url)
    counts = _row_counts(url)
    log_size = len(server.access_log)
    return {"url": url, "first": first, "counts": counts, "log_size": log_size}


def test_demo_crawl_finds_95_percent_of_companies(
    crawled: dict[str, Any], world: DemoWorld
) -> None:
    assert crawled["first"].status == "finished"
    evaluation = evaluate_crawl(init_db(crawled["url"]), world.truth())
    print("\n" + evaluation.table())
    assert evaluation.company_recall >= 0.95
    assert evaluation.records_unmatched <= 0.05 * evaluation.records


def test_every_company_has_its_source_records(crawled: dict[str, Any]) -> None:
    with session_scope(init_db(crawled["url"])) as session:
        orphans = session.scalar(
            select(func.count(Company.id)).where(
                ~select(SourceRecord.id).where(SourceRecord.company_id == Company.id).exists()
            )
        )
        unmerged = session.scalar(
            select(func.count(SourceRecord.id)).where(SourceRecord.company_id.is_(None))
        )
    assert crawled["counts"]["companies"] > 0
    assert orphans == 0
    assert unmerged == 0


def test_no_robots_disallowed_request(
    crawled: dict[str, Any], world: DemoWorld, server: DemoWebServer
) -> None:
    log = server.access_log[: crawled["log_size"]]
    assert log, "the crawl made no request"
    assert robots_violations(world, log) == []


def test_second_run_adds_no_rows(crawled: dict[str, Any], server: DemoWebServer) -> None:
    second = _crawl(crawled["url"], server.proxy_url)
    assert second.status == "finished"
    assert _row_counts(crawled["url"]) == crawled["counts"]
    assert second.new_records == 0 and second.new_companies == 0
