"""Crawl the demo web (50 companies) through its proxy with real Scrapy, checked against truth.

Every ground-truth listing is found, robots.txt is obeyed to the letter, the gaps between requests
to the host with a Crawl-delay never drop below it (from the server's own access log), the traps
cost a bounded number of requests, and the GBK directory gives Chinese names and +86 numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from protego import Protego

from leadgen.profile import SourceConfig
from tests.sites.crawl import crawl, require_page_objects

require_page_objects()

from leadgen.demoweb import DemoWebServer, DemoWorld  # noqa: E402

CRAWL_DELAY = 0.3
BUDGET = 4
REGIONS = {"demo-association": None, "demo-cn-directory": "CN"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    world = DemoWorld.generate(seed=11, companies=50, crawl_delay=CRAWL_DELAY, slow_delay=1.0)
    truth = world.truth()
    sources = [
        SourceConfig(id=source_id, start_urls=spec["start_urls"], region=REGIONS.get(source_id))
        for source_id, spec in truth["sources"].items()
    ]
    with DemoWebServer(world) as server:
        result, leads, log = crawl(
            tmp_path_factory.mktemp("demo-crawl"), sources, proxy=server.proxy_url,
            TRAPS_DATE_PATTERN_BUDGET=BUDGET,
        )
        hits = list(server.access_log)
        robots = {host: world.handle(host, "/robots.txt", "") for host in truth["disallowed"]}
    return {"world": world, "truth": truth, "result": result, "leads": leads, "log": log,
            "hits": hits, "robots": robots}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[\W_]+", "", text)


def test_every_source_finishes(demo: dict[str, Any]) -> None:
    reasons = {sid: r.finish_reason for sid, r in demo["result"].sources.items()}
    assert set(reasons.values()) == {"finished"}, reasons


def _missing_listings(demo: dict[str, Any]) -> tuple[list[tuple[str, str, str]], int]:
    """Listings with no lead from that source carrying that record id or that name."""
    leads = demo["leads"]
    by_record = {(lead["source"]["source_id"], lead["source"]["record_id"]) for lead in leads}
    by_name = {(lead["source"]["source_id"], _key(lead["name"])) for lead in demo["leads"]}
    missing = []
    total = 0
    for company in demo["truth"]["companies"]:
        for listing in company["listings"]:
            total += 1
            if (listing["source"], listing["url"]) in by_record:
                continue
            if (listing["source"], _key(listing["name"])) in by_name:
                continue
            missing.append((listing["source"], listing["name"], listing["url"]))
    return missing, total


def test_every_ground_truth_listing_is_found(demo: dict[str, Any]) -> None:
    missing, total = _missing_listings(demo)
    print(f"\nlistings found: {total - len(missing)}/{total}")
    assert total >= 50
    assert not missing, missing


def test_no_request_to_robots_disallowed_urls(demo: dict[str, Any]) -> None:
    parsers = {
        host: Protego.parse(response.body.decode("utf-8"))
        for host, response in demo["robots"].items()
    }
    forbidden = [
        hit.url for hit in demo["hits"]
        if hit.host in parsers and not parsers[hit.host].can_fetch(hit.url, "leadgen")
    ]
    assert forbidden == []


def test_crawl_delay_gaps_from_access_log(demo: dict[str, Any]) -> None:
    for host, delay in demo["truth"]["crawl_delay"].items():
        times = sorted(hit.monotonic for hit in demo["hits"] if hit.host == host)
        assert len(times) > 5, host
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps) >= delay, (host, sorted(gaps)[:3])


def test_traps_cost_a_bounded_number_of_requests(demo: dict[str, Any]) -> None:
    hits = demo["hits"]
    calendar = [hit for hit in hits if hit.path.startswith("/events/calendar")]
    assert len(calendar) <= BUDGET
    # Session ids: no page is fetched twice under different session ids.
    params = demo["truth"]["traps"]["session_ids"]
    host = params["host"]
    names = "|".join(params["params"])
    strip = re.compile(rf"[;?&](?:{names})=[^;?&#/]*", re.I)
    pages = Counter(strip.sub("", hit.path) for hit in hits if hit.host == host)
    assert [page for page, count in pages.items() if count > 1] == []
    # Every URL is fetched at most once (retries of the 500 pages aside).
    repeated = Counter(hit.url for hit in hits if hit.status != 500 and "robots" not in hit.path)
    assert [url for url, count in repeated.items() if count > 1] == []


def test_gbk_directory_chinese_names_and_e164_phones(demo: dict[str, Any]) -> None:
    cn_truth = {
        listing["url"]: company
        for company in demo["truth"]["companies"]
        for listing in company["listings"]
        if listing["source"] == "demo-cn-directory"
    }
    leads = [lead for lead in demo["leads"] if lead["source"]["source_id"] == "demo-cn-directory"]
    assert cn_truth and len(leads) >= len(cn_truth)
    checked = 0
    for lead in leads:
        company = cn_truth.get(lead["source"]["record_id"])
        if company is None:
            continue
        checked += 1
        assert re.search(r"[\u4e00-\u9fff]", lead["name"]), lead["name"]
        assert _key(lead["name"]) in {_key(v) for v in company["name_variants"]}
        e164 = {
            phonenumbers.format_number(
                phonenumbers.parse(phone, "CN"), phonenumbers.PhoneNumberFormat.E164
            )
            for phone in lead["phones"]
        }
        assert e164 and all(number.startswith("+86") for number in e164)
        assert e164 & set(company["phones"]), (lead["phones"], company["phones"])
    assert checked == len(cn_truth)


def test_requests_go_through_the_proxy(demo: dict[str, Any], tmp_path: Path) -> None:
    """Demo hostnames resolve nowhere: every request, robots.txt included, came via the proxy."""
    assert demo["hits"] and all(hit.proxied for hit in demo["hits"])
    assert any(hit.path == "/robots.txt" for hit in demo["hits"])
