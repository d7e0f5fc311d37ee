"""The directory spider on a fixture site served from 127.0.0.1, with real Scrapy.

One crawl of the whole site (module fixture) is checked from three sides: the leads it yields,
the server's access log, and the crawl stats.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from leadgen.profile import SourceConfig
from tests.sites.crawl import crawl, require_page_objects
from tests.sites.directory_site import MEMBERS, PAGES, DirectorySite
from tests.sites.server import SiteServer

require_page_objects()

CRAWL_DELAY = 0.25
BUDGET = 3


@pytest.fixture(scope="module")
def fixture_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("fixture-crawl")
    site = DirectorySite(port=0, crawl_delay=CRAWL_DELAY)
    with SiteServer(site) as server:
        site.port = server.port
        source = SourceConfig(
            id="fixture",
            start_urls=[f"{server.base_url}/members", f"{server.base_url}/events/2026-11"],
            region="DE",
        )
        result, leads, log = crawl(
            tmp, [source], TRAPS_DATE_PATTERN_BUDGET=BUDGET, RETRY_TIMES=1,
            DOWNLOAD_MAXSIZE=50_000, DOWNLOAD_WARNSIZE=20_000,
            LEADGEN_CONTACT_URL="https://leads.example.org/bot",
        )
        hits = list(server.access_log)
    return {
        "result": result,
        "stats": result.sources["fixture"].stats,
        "leads": leads,
        "log": log,
        "hits": hits,
        "port": server.port,
    }


def _by_name(leads: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {lead["name"]: lead for lead in leads}


def test_crawl_finishes(fixture_crawl: dict[str, Any]) -> None:
    assert fixture_crawl["result"].sources["fixture"].finish_reason == "finished"


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: str(m.number))
def test_every_member_is_a_lead(fixture_crawl: dict[str, Any], member: Any) -> None:
    """Members behind robots.txt, a 500, undecodable bytes or another host keep their card."""
    leads = _by_name(fixture_crawl["leads"])
    assert member.name in leads
    digits = [re.sub(r"\D", "", phone) for phone in leads[member.name]["phones"]]
    assert re.sub(r"\D", "", member.phone) in digits


@pytest.mark.parametrize("number", [2, 3, 4, 5, 8, 11, 13, 14, 15])
def test_detail_page_completes_the_card(fixture_crawl: dict[str, Any], number: int) -> None:
    member = next(m for m in MEMBERS if m.number == number)
    lead = _by_name(fixture_crawl["leads"])[member.name]
    assert member.email in lead["emails"]
    assert lead["source"]["record_id"] == f"http://127.0.0.1:{fixture_crawl['port']}/member/{number}"


def test_each_member_yields_one_lead(fixture_crawl: dict[str, Any]) -> None:
    names = Counter(lead["name"] for lead in fixture_crawl["leads"])
    assert all(names[member.name] == 1 for member in MEMBERS), names


def test_session_id_variants_fetched_once(fixture_crawl: dict[str, Any]) -> None:
    """Member 1 is linked as ``;jsessionid=`` and ``?sid=``; page 2 with ``PHPSESSID``."""
    paths = [hit.path for hit in fixture_crawl["hits"]]
    assert sum(1 for p in paths if re.match(r"/member/1(?!\d)", p)) == 1
    assert sum(1 for p in paths if p.startswith("/members?page=2")) == 1
    assert not any(re.search(r"jsessionid|sid=|PHPSESSID", p, re.I) for p in paths)
    assert fixture_crawl["stats"]["canonicalize/rewritten"] >= 2
    record_id = _by_name(fixture_crawl["leads"])[MEMBERS[0].name]["source"]["record_id"]
    assert record_id.endswith("/member/1")


def test_robots_disallowed_never_requested(fixture_crawl: dict[str, Any]) -> None:
    assert not [hit for hit in fixture_crawl["hits"] if hit.path.startswith("/private/")]
    assert fixture_crawl["stats"]["robotstxt/forbidden"] >= 1


def test_crawl_delay_gaps(fixture_crawl: dict[str, Any]) -> None:
    """The server never sees two requests closer together than its Crawl-delay."""
    times = sorted(hit.at for hit in fixture_crawl["hits"])
    assert len(times) > 15
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert min(gaps) >= CRAWL_DELAY, sorted(gaps)[:3]
    stats = fixture_crawl["stats"]
    assert stats["crawldelay/hosts"] == 1
    assert stats["crawldelay/delayed"] == len(times) - 1  # every request but robots.txt
    # AutoThrottle (start delay 0.02 s, fast local server) wanted less and was held at the floor.
    assert stats["throttle/floored"] >= 1


def test_calendar_trap_is_bounded(fixture_crawl: dict[str, Any]) -> None:
    events = [hit for hit in fixture_crawl["hits"] if hit.path.startswith("/events/")]
    assert 1 <= len(events) <= BUDGET
    assert fixture_crawl["stats"]["traps/ignored"] >= 1


def test_off_domain_links_not_followed(fixture_crawl: dict[str, Any]) -> None:
    hosts = {hit.host for hit in fixture_crawl["hits"]}
    assert hosts == {f"127.0.0.1:{fixture_crawl['port']}"}
    assert fixture_crawl["stats"]["leadgen/detail_offsite"] == 1


def test_error_and_slow_pages_do_not_stop_the_crawl(fixture_crawl: dict[str, Any]) -> None:
    hits = fixture_crawl["hits"]
    assert [hit.status for hit in hits if hit.path == "/member/9"] == [500, 500]  # 1 retry
    assert any(hit.path.startswith("/members?page=4") for hit in hits)  # the slow page
    assert all(f"/members?page={n}" in {h.path for h in hits} for n in PAGES if n > 1)


def test_malformed_page_logs_one_line(fixture_crawl: dict[str, Any]) -> None:
    lines = [line for line in fixture_crawl["log"].splitlines() if "/member/10" in line]
    assert len(lines) == 1, lines
    assert "malformed page" in lines[0]
    assert fixture_crawl["stats"]["leadgen/malformed_page"] == 1


def test_user_agent_names_the_contact_url(fixture_crawl: dict[str, Any]) -> None:
    agents = {hit.user_agent for hit in fixture_crawl["hits"]}
    assert len(agents) == 1
    assert re.fullmatch(r"leadgen/\S+ \(\+https://leads\.example\.org/bot\)", agents.pop())


def test_page_cap(tmp_path: Path) -> None:
    site = DirectorySite(port=0, crawl_delay=0.01)
    with SiteServer(site) as server:
        site.port = server.port
        source = SourceConfig(id="capped", start_urls=[f"{server.base_url}/members"], max_pages=4)
        result, leads, _ = crawl(tmp_path, [source])
        pages = [hit for hit in server.access_log if hit.path != "/robots.txt"]
    assert len(pages) == 4
    assert result.sources["capped"].finish_reason == "closespider_pagecount"
    assert leads  # what was fetched before the cap is kept


def test_oversized_page_is_cancelled_and_its_card_kept(fixture_crawl: dict[str, Any]) -> None:
    """Member 6's detail page is larger than DOWNLOAD_MAXSIZE: cancelled, the card survives."""
    lead = _by_name(fixture_crawl["leads"])[MEMBERS[5].name]
    assert lead["emails"] == []  # the e-mail is only on the cancelled detail page
    assert lead["source"]["record_id"].endswith("/member/6")
    assert "larger than download max size" in fixture_crawl["log"]
