"""The enrichment crawl end to end against real local sites: pages found, facts stored, safety,
robots.txt, page cap, incremental re-runs that make no request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from enrich.run import EnrichOptions, enrich
from leadgen.items import Lead
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, ContactPoint, CrawlRun, SourceRecord
from tests.test_enrich_support import LocalSite, Route

FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "ERROR"}

HOME = """<!doctype html><html lang="de"><head><title>Varonex Verpackung GmbH</title>
<meta name="description" content="Varonex fertigt Faltschachteln und Versandverpackungen für
Lebensmittelhersteller in ganz Europa."></head><body>
<nav><a href="/">Start</a> <a href="/ueber-uns">Über uns</a> <a href="/kontakt">Kontakt</a>
<a href="/impressum">Impressum</a> <a href="/team">Team</a> <a href="/produkte">Produkte</a>
<a href="/intern/">Intern</a> <a href="http://www.other-company.de/kontakt">Partner</a></nav>
<h1>Varonex Verpackung</h1><p>Gegründet 1982, heute 140 Mitarbeiter am Standort Bielefeld.</p>
<footer><a href="https://www.linkedin.com/company/varonex-verpackung">LinkedIn</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=x">Teilen</a>
<p>Webdesign by <a href="https://pixelwerk-agentur.de">Pixelwerk Agentur</a>
info@pixelwerk-agentur.de</p></footer></body></html>"""
KONTAKT = """<html lang="de"><head><title>Kontakt</title></head><body><h1>Kontakt</h1>
<p>Varonex Verpackung GmbH<br>Industriestraße 12<br>33602 Bielefeld</p>
<p>Tel.: +49 521 123456-0<br>Fax: +49 521 123456-99<br>E-Mail: info@varonex-test.de</p>
<p>Vertrieb: vertrieb [at] varonex-test [dot] de</p></body></html>"""
IMPRESSUM = """<html lang="de"><body><h1>Impressum</h1><p>Varonex Verpackung GmbH</p>
<p>Geschäftsführer: Dr. Klaus Weber</p><p>Registergericht Bielefeld HRB 12345</p></body></html>"""
TEAM = """<html lang="de"><body><h1>Unser Team</h1>
<div><h3>Anna Schneider</h3><p>Leiterin Einkauf</p><p>a.schneider@varonex-test.de</p></div>
<div><h3>Jonas Becker</h3><p>Marketing-Assistent</p></div></body></html>"""
ROBOTS = "User-agent: *\nDisallow: /intern/\n"


def routes() -> dict[str, Route]:
    return {
        "/": Route(HOME), "/kontakt": Route(KONTAKT), "/impressum": Route(IMPRESSUM),
        "/team": Route(TEAM), "/ueber-uns": Route(HOME), "/intern/": Route("secret"),
        "/robots.txt": Route(ROBOTS, content_type="text/plain"),
    }


def make_company(url: str, website: str, name: str = "Varonex Verpackung") -> int:
    engine = init_db(url)
    with session_scope(engine) as session:
        company = Company(display_name=name, name_key=name.lower(), website=website,
                          registered_domain=website.split("/")[2], country="DE")
        session.add(company)
        session.flush()
        return company.id


def options(**kw: object) -> EnrichOptions:
    base = {"allow_private": True, "check": False, "settings": FAST, "max_pages": 6}
    base.update(kw)
    return EnrichOptions(**base)  # type: ignore[arg-type]


def contacts_of(url: str, company_id: int) -> dict[str, list[ContactPoint]]:
    engine = init_db(url)
    found: dict[str, list[ContactPoint]] = {}
    with session_scope(engine) as session:
        for row in session.scalars(select(ContactPoint).where(
                ContactPoint.company_id == company_id)):
            found.setdefault(row.kind, []).append(row)
    return found


def test_enrichment_finds_and_stores_contacts(sqlite_url: str) -> None:
    with LocalSite(routes()) as site:
        company_id = make_company(sqlite_url, site.url + "/")
        summary = enrich(sqlite_url, options())
        log = list(site.log)
    assert summary.targets == 1 and summary.status == "finished"
    assert summary.stats.get("enrich/links_offsite", 0) >= 1, "other-company.de is not followed"
    found = contacts_of(sqlite_url, company_id)
    emails = {c.value for c in found["email"]}
    assert {"info@varonex-test.de", "vertrieb@varonex-test.de",
            "a.schneider@varonex-test.de"} <= emails
    assert not any("pixelwerk" in e for e in emails), "a web agency's credit is not a contact"
    assert {c.value for c in found["phone"]} == {"+495211234560"}
    assert {c.value for c in found["fax"]} == {"+4952112345699"}
    assert [c.value for c in found["social"]] == ["https://linkedin.com/company/varonex-verpackung"]
    people = {c.person_name: c for c in found["person"]}
    assert people["Klaus Weber"].decision_maker and people["Klaus Weber"].title == "Geschäftsführer"
    assert people["Anna Schneider"].decision_maker
    assert not people["Jonas Becker"].decision_maker
    assert (people["Anna Schneider"].details or {}).get("email") == "a.schneider@varonex-test.de"
    info = next(c for c in found["email"] if c.value == "info@varonex-test.de")
    assert info.source_url == site.url + "/kontakt" and info.found_at is not None
    website = found["website"][0]
    assert (website.status, website.status_reason) == ("valid", "ok")
    # robots.txt obeyed, other domains never fetched, each page once
    assert "/intern/" not in log
    assert log.count("/kontakt") == 1
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        company = session.get(Company, company_id)
        assert company is not None and company.enriched_at is not None
        assert company.size.get("founded_year") == 1982
        assert company.size.get("employees") == 140
        assert company.extra.get("language") == "de"
        assert company.description and company.description.startswith("Varonex fertigt")
        record = session.scalars(select(SourceRecord).where(
            SourceRecord.company_id == company_id)).one()
        assert record.source_id == "website"
        assert site.url + "/kontakt" in record.data["extra"]["pages"]
        assert Lead.model_validate(record.data).source.source_id == "website", "dedupe can read it"
        run = session.scalars(select(CrawlRun).where(CrawlRun.kind == "enrich")).one()
        assert run.status == "finished"


def test_rerun_with_nothing_stale_makes_no_request(sqlite_url: str) -> None:
    with LocalSite(routes()) as site:
        make_company(sqlite_url, site.url + "/")
        enrich(sqlite_url, options())
        requests_after_first = len(site.log)
        assert requests_after_first > 0
        again = enrich(sqlite_url, options())
        assert again.targets == 0 and again.status == "nothing to do"
        assert len(site.log) == requests_after_first
        # a company older than --max-age-days is visited again
        engine = init_db(sqlite_url)
        with session_scope(engine) as session:
            for company in session.scalars(select(Company)):
                company.enriched_at = datetime.now(UTC) - timedelta(days=40)
        stale = enrich(sqlite_url, options(max_age_days=30))
        assert stale.targets == 1 and len(site.log) > requests_after_first
    with session_scope(engine) as session:
        assert session.scalars(select(SourceRecord)).all().__len__() == 1, "same facts: no new row"


def test_page_cap_per_site(sqlite_url: str) -> None:
    with LocalSite(routes()) as site:
        make_company(sqlite_url, site.url + "/")
        enrich(sqlite_url, options(max_pages=2))
        pages = [p for p in site.log if p != "/robots.txt"]
    assert len(pages) == 2 and pages[0] == "/"


def test_private_address_refused_without_allow_private(sqlite_url: str) -> None:
    with LocalSite(routes()) as site:
        company_id = make_company(sqlite_url, site.url + "/")
        summary = enrich(sqlite_url, options(allow_private=False))
        assert site.log == [], "not even robots.txt is fetched from a refused host"
    assert summary.stats.get("enrich_safety/refused", 0) >= 1
    website = contacts_of(sqlite_url, company_id)["website"][0]
    assert (website.status, website.status_reason) == ("invalid", "unsafe")


def test_redirect_to_metadata_is_refused_even_with_allow_private(sqlite_url: str) -> None:
    metadata = "http://169.254.169.254/latest/meta-data/"
    site_routes = routes()
    site_routes["/"] = Route(status=302, headers={"Location": metadata})
    with LocalSite(site_routes) as site:
        company_id = make_company(sqlite_url, site.url + "/")
        summary = enrich(sqlite_url, options(allow_private=True))
    assert summary.stats.get("enrich_safety/refused", 0) >= 1
    assert summary.stats.get("downloader/response_status_count/302", 0) == 1
    website = contacts_of(sqlite_url, company_id)["website"][0]
    assert (website.status, website.status_reason) == ("invalid", "unsafe")
    assert "metadata" in website.details["check"]["error"]


def test_crawl_delay_is_obeyed(sqlite_url: str) -> None:
    site_routes = routes()
    site_routes["/robots.txt"] = Route(ROBOTS + "Crawl-delay: 0.5\n", content_type="text/plain")
    with LocalSite(site_routes) as site:
        make_company(sqlite_url, site.url + "/")
        enrich(sqlite_url, options(max_pages=4))
        pages = [t for path, t in zip(site.log, site.times, strict=True) if path != "/robots.txt"]
    assert len(pages) == 4
    gaps = [b - a for a, b in zip(pages, pages[1:], strict=False)]
    assert min(gaps) >= 0.5, gaps


def test_oversized_pages_are_cut_off(sqlite_url: str) -> None:
    site_routes = routes()
    site_routes["/"] = Route(HOME.replace("</body>", "<p>" + "x" * 60_000 + "</p></body>"))
    with LocalSite(site_routes) as site:
        company_id = make_company(sqlite_url, site.url + "/")
        summary = enrich(sqlite_url, options(settings={**FAST, "DOWNLOAD_MAXSIZE": 20_000}))
    assert summary.stats.get("enrich/pages", 0) == 0
    website = contacts_of(sqlite_url, company_id)["website"][0]
    assert (website.status, website.status_reason) == ("unknown", "too_large")
