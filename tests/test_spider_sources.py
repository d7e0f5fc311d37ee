"""Source options on the fixture site: a JSON API listing, hints, ``follow_details: false``."""

from __future__ import annotations

from pathlib import Path

from leadgen.profile import SourceConfig, SourceHints
from tests.sites.crawl import crawl, require_page_objects
from tests.sites.directory_site import (
    ALPHABET,
    BY_NUMBER,
    CATEGORIES,
    MEMBERS,
    PAGES,
    DirectorySite,
)
from tests.sites.server import Page, SiteServer

require_page_objects()


def test_json_api_listing_pages_and_record_ids(tmp_path: Path) -> None:
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        source = SourceConfig(id="api", start_urls=[f"{server.base_url}/api/members"])
        result, leads, _ = crawl(tmp_path, [source])
        paths = [hit.path for hit in server.access_log]
    assert {"/api/members", "/api/members?page=2", "/api/members?page=3"} <= set(paths)
    assert sorted(lead["name"] for lead in leads) == sorted(m.name for m in MEMBERS)
    ids = {lead["name"]: lead["source"]["record_id"] for lead in leads}
    assert ids == {m.name: str(1000 + m.number) for m in MEMBERS}
    assert result.sources["api"].stats["leadgen/leads"] == len(MEMBERS)


def test_cards_only_and_nameless_records_are_counted(tmp_path: Path) -> None:
    """``follow_details: false`` fetches no detail page; a hint naming nothing drops every card."""
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    hints = SourceHints(record="div.member-card", fields={"name": "h4"})
    with SiteServer(site) as server:
        site.port = server.port
        source = SourceConfig(
            id="cards", start_urls=[f"{server.base_url}/members"], follow_details=False,
            hints=hints,
        )
        result, leads, _ = crawl(tmp_path, [source])
        paths = [hit.path for hit in server.access_log]
    assert not [p for p in paths if "/member/" in p]
    assert leads == []
    cards = sum(len(numbers) for numbers in PAGES.values())
    assert result.sources["cards"].stats["leadgen/dropped/no_name"] == cards


def test_failed_start_url_is_one_log_line(tmp_path: Path) -> None:
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        urls = [f"{server.base_url}/no-such-list", f"{server.base_url}/api/members"]
        source = SourceConfig(id="gone", start_urls=urls)
        result, leads, log = crawl(tmp_path, [source])
    lines = [line for line in log.splitlines() if "/no-such-list" in line]
    assert len(lines) == 1 and "listing page" in lines[0] and "404" in lines[0], lines
    assert result.sources["gone"].stats["leadgen/listing_failed"] == 1
    assert len(leads) == len(MEMBERS)  # the other start URL is crawled in full


def test_pagination_that_repeats_itself_stops(tmp_path: Path) -> None:
    """A "next" page showing only records already seen ends the walk (no date, no trap rule)."""
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        source = SourceConfig(id="endless", start_urls=[f"{server.base_url}/endless"])
        result, leads, _ = crawl(tmp_path, [source])
        listing_pages = [hit.path for hit in server.access_log if hit.path.startswith("/endless")]
    assert listing_pages == ["/endless", "/endless?page=2"]
    assert result.sources["endless"].stats["leadgen/pagination_stopped"] == 1
    assert sorted(lead["name"] for lead in leads) == sorted(m.name for m in MEMBERS[:3])


def test_pagination_with_a_changing_token_stops_too(tmp_path: Path) -> None:
    """A pager link carrying a token that changes on every page ("&t=kqzmwe") made each page
    a listing of its own: the walk ran to the page cap (60 pages, 180 records of 3)."""
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        source = SourceConfig(id="token", start_urls=[f"{server.base_url}/endless?t=start"],
                              max_pages=30)
        result, leads, _ = crawl(tmp_path, [source])
        listing_pages = [hit.path for hit in server.access_log if hit.path.startswith("/endless")]
    assert len(listing_pages) == 2, listing_pages
    assert result.sources["token"].stats["leadgen/pagination_stopped"] == 1
    assert len(leads) == 3


def test_pagination_of_overlapping_categories_is_walked_to_the_end(tmp_path: Path) -> None:
    """Page 2 of category b shows only members already seen in category a; page 3 is new."""
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        urls = [f"{server.base_url}/cat/a", f"{server.base_url}/cat/b"]
        _, leads, _ = crawl(tmp_path, [SourceConfig(id="cats", start_urls=urls)])
        paths = {hit.path for hit in server.access_log}
    assert "/cat/b?page=3" in paths
    expected = {n for pages in CATEGORIES.values() for page in pages for n in page}
    assert {lead["name"] for lead in leads} == {BY_NUMBER[n].name for n in expected}


def test_directory_split_by_initial_is_walked_letter_by_letter(tmp_path: Path) -> None:
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        source = SourceConfig(id="az", start_urls=[f"{server.base_url}/az"], max_depth=1)
        _, leads, _ = crawl(tmp_path, [source])
        paths = {hit.path for hit in server.access_log}
    assert {f"/az?l={key}" for key in ALPHABET} - {"/az?l=a-c"} <= paths
    expected = {BY_NUMBER[n].name for numbers in ALPHABET.values() for n in numbers}
    assert {lead["name"] for lead in leads} == expected


def _redirecting_site(path: str, query: dict[str, list[str]]) -> Page:
    """A listing of three members: one's detail link redirects off the site (a tracking
    host), one's to its page elsewhere on the site, one's page is plain."""
    if path == "/robots.txt":
        return Page(b"User-agent: *\nDisallow:\n", content_type="text/plain")
    if path == "/members":
        cards = "".join(
            f'<div class="member-card"><h3><a href="/d/{slug}">{name}</a></h3>'
            f"<p>Hauptstraße {n}, 10115 Berlin</p><p>Tel. 030 100000{n}</p></div>"
            for n, (slug, name) in enumerate((("away", "Weg Fuenf GmbH"),
                                              ("moved", "Umzug Sechs GmbH"),
                                              ("plain", "Bleibt Sieben GmbH")), start=1))
        return Page(f"<html><body><h1>Mitglieder</h1>{cards}</body></html>".encode())
    if path == "/d/away":
        return Page(b"", status=302, headers={"Location": "http://elsewhere.invalid/grab"})
    if path == "/d/moved":
        return Page(b"", status=301, headers={"Location": "/firma/umzug-sechs"})
    if path in ("/firma/umzug-sechs", "/d/plain"):
        name = "Umzug Sechs GmbH" if "umzug" in path else "Bleibt Sieben GmbH"
        return Page(f"<html><body><h1>{name}</h1><p>Tel. 030 2000000</p>"
                    f"<p>info@{path.rsplit('/', 1)[1]}.de</p></body></html>".encode())
    return Page(b"not found", status=404)


def test_a_detail_link_redirecting_off_the_site_keeps_its_card(tmp_path: Path) -> None:
    """Scrapy dropped the off-site redirect without calling the errback: the company was
    lost without a word; an on-site redirect is followed."""
    with SiteServer(_redirecting_site) as server:
        source = SourceConfig(id="redir", start_urls=[f"{server.base_url}/members"])
        result, leads, log = crawl(tmp_path, [source])
        paths = [hit.path for hit in server.access_log]
    by_name = {lead["name"]: lead for lead in leads}
    assert sorted(by_name) == ["Bleibt Sieben GmbH", "Umzug Sechs GmbH", "Weg Fuenf GmbH"]
    assert by_name["Umzug Sechs GmbH"]["emails"] == ["info@umzug-sechs.de"]
    assert "/firma/umzug-sechs" in paths
    assert result.sources["redir"].stats["leadgen/detail_redirected_offsite"] == 1
    assert "redirects to http://elsewhere.invalid/grab, off the allowed domains" in log


def _busy_site(path: str, query: dict[str, list[str]]) -> Page:
    """A site whose robots.txt answers 503 (overloaded, or throttling bots)."""
    if path == "/robots.txt":
        return Page(b"<h1>Service Unavailable</h1>", status=503)
    return Page(b"<html><body><h1>Acme GmbH</h1><p>Tel. 030 1234567</p></body></html>")


def test_a_robots_txt_answering_503_disallows_the_site(tmp_path: Path) -> None:
    """The 503 page was read as rules, none, so everything was crawled (RFC 9309: an
    unreachable robots.txt means complete disallow)."""
    with SiteServer(_busy_site) as server:
        source = SourceConfig(id="busy", start_urls=[f"{server.base_url}/members"])
        result, leads, log = crawl(tmp_path, [source], RETRY_TIMES=0)
        paths = {hit.path for hit in server.access_log}
    assert paths == {"/robots.txt"} and leads == []
    assert result.sources["busy"].stats["leadgen/robots_unreachable"] == 1
    assert "answered 503: the site is treated as disallowing every page" in log
