"""The enrichment crawl end to end against real local sites: pages found, facts stored, safety,
robots.txt, Crawl-delay, page cap, size cap, incremental re-runs that make no request.

Starting a crawl costs a child process, so one run visits several local sites (each its own
"domain": 127.0.0.1 with its own port), each set up to show one behaviour."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from enrich.pages import CompanySitePage
from enrich.run import EnrichOptions, enrich, select_targets
from enrich.store import store_site_result
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


@dataclass
class Sites:
    """The shared run: database URL, the sites, company ids and the run's stats."""

    url: str
    main: LocalSite
    metadata: LocalSite
    oversized: LocalSite
    delayed: LocalSite
    splash: LocalSite
    moved: LocalSite
    elsewhere: LocalSite
    ids: dict[str, int]
    stats: dict


MAX_PAGES = 5
DELAYED_LINKS = "".join(f'<a href="/kontakt-{n}">Kontakt {n}</a>' for n in range(8))


def delayed_routes() -> dict[str, Route]:
    pages = {f"/kontakt-{n}": Route(KONTAKT) for n in range(8)}
    return {
        "/": Route(f"<html><body><h1>Delayed GmbH</h1>{DELAYED_LINKS}</body></html>"),
        "/robots.txt": Route("User-agent: *\nCrawl-delay: 0.5\n", content_type="text/plain"),
        **pages,
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    url = f"sqlite:///{tmp_path_factory.mktemp('crawl') / 'leads.db'}"
    metadata_routes = {"/": Route(status=302, headers={
        "Location": "http://169.254.169.254/latest/meta-data/"})}
    oversized_routes = {"/": Route(HOME.replace("</body>", "<p>" + "x" * 150_000 + "</p></body>"))}
    splash_routes = {
        "/": Route('<html><body><a href="/de/">Deutsch</a> <a href="/en/">English</a></body>'),
        "/de/": Route('<html><body><a href="/de/kontakt">Kontakt</a></body></html>'),
        "/de/kontakt": Route("<html><body><p>E-Mail: info@splash-test.de</p></body></html>"),
        "/robots.txt": Route("User-agent: *\nDisallow: /en/\n", content_type="text/plain"),
    }
    with LocalSite(routes()) as main, LocalSite(metadata_routes) as metadata, \
            LocalSite(oversized_routes) as oversized, LocalSite(delayed_routes()) as delayed, \
            LocalSite(splash_routes) as splash, LocalSite(routes()) as elsewhere, \
            LocalSite({"/": Route(status=301, headers={"Location": elsewhere.url + "/"})}) as moved:
        ids = {
            "main": make_company(url, main.url + "/"),
            "metadata": make_company(url, metadata.url + "/", "Meta Co"),
            "oversized": make_company(url, oversized.url + "/", "Big Co"),
            "delayed": make_company(url, delayed.url + "/", "Delayed GmbH"),
            "splash": make_company(url, splash.url + "/", "Splash GmbH"),
            "moved": make_company(url, moved.url + "/", "Moved GmbH"),
        }
        summary = enrich(url, options(max_pages=MAX_PAGES,
                                      settings={**FAST, "DOWNLOAD_MAXSIZE": 100_000}))
        assert summary.targets == 6 and summary.status == "finished", summary.stats
        yield Sites(url, main, metadata, oversized, delayed, splash, moved, elsewhere, ids,
                    summary.stats)


def test_enrichment_finds_and_stores_contacts(sites: Sites) -> None:
    site, sqlite_url, company_id = sites.main, sites.url, sites.ids["main"]
    log = list(site.log)
    assert sites.stats.get("enrich/links_offsite", 0) >= 1, "other-company.de is not followed"
    found = contacts_of(sqlite_url, company_id)
    emails = {c.value for c in found["email"]}
    assert {"info@varonex-test.de", "vertrieb@varonex-test.de",
            "a.schneider@varonex-test.de"} <= emails
    assert not any("pixelwerk" in e for e in emails), "a web agency's credit is not a contact"
    assert {c.value for c in found["phone"]} == {"+49521123456"}  # "123456-0": ext. 0
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
        run = session.scalars(select(CrawlRun).where(CrawlRun.kind == "enrich")).first()
        assert run is not None
        assert run.status == "finished"


def test_rerun_with_nothing_stale_makes_no_request(sites: Sites) -> None:
    all_sites = (sites.main, sites.metadata, sites.oversized, sites.delayed, sites.splash)
    logs = [len(s.log) for s in all_sites]
    again = enrich(sites.url, options())
    assert again.targets == 0 and again.status == "nothing to do"
    assert [len(s.log) for s in all_sites] == logs


def test_only_stale_companies_are_selected(sqlite_url: str) -> None:
    now = datetime.now(UTC)
    ids = [make_company(sqlite_url, f"http://www.site{n}-test.de/", f"Co {n}") for n in range(4)]
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        for company_id, age in zip(ids, [None, 10, 40, None], strict=True):
            company = session.get(Company, company_id)
            assert company is not None
            company.enriched_at = None if age is None else now - timedelta(days=age)
            if company_id == ids[3]:
                company.status = "excluded"
    chosen = [t["company_id"] for t in select_targets(engine, options(max_age_days=30))]
    assert chosen == [ids[0], ids[2]]
    assert [t["company_id"] for t in select_targets(engine, options(max_age_days=5))] == ids[:3]
    assert select_targets(engine, options())[0]["region"] == "DE"
    from leadgen.storage.models import Suppression

    with session_scope(engine) as session:
        session.add(Suppression(kind="domain", value="site0-test.de", reason="forget"))
    assert [t["company_id"] for t in select_targets(engine, options())] == [ids[2]]


def test_storing_the_same_findings_twice_adds_nothing(db_url: str) -> None:
    sqlite_url = db_url  # SQLite and PostgreSQL
    company_id = make_company(sqlite_url, "http://www.varonex-test.de/")
    page = CompanySitePage(KONTAKT, "http://www.varonex-test.de/kontakt").facts().as_dict()
    result = {"company_id": company_id, "start_url": "http://www.varonex-test.de/",
              "domain": "varonex-test.de", "region": "DE", "pages": [page],
              "website_check": {"status": "valid", "reason": "ok", "details": {}},
              "fetched_at": datetime.now(UTC).isoformat()}
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        first = store_site_result(session, result)
    with session_scope(engine) as session:
        second = store_site_result(session, {**result,
                                             "fetched_at": datetime.now(UTC).isoformat()})
        assert len(session.scalars(select(SourceRecord)).all()) == 1
    assert first.contacts_added >= 4 and first.source_record_added
    assert second.contacts_added == 0 and not second.source_record_added


def test_page_cap_and_crawl_delay(sites: Sites) -> None:
    pages = [t for path, t in zip(sites.delayed.log, sites.delayed.times, strict=True)
             if path != "/robots.txt"]
    assert len(pages) == MAX_PAGES and sites.delayed.log[1] == "/"
    gaps = [b - a for a, b in zip(pages, pages[1:], strict=False)]
    assert min(gaps) >= 0.5, gaps


def test_private_address_refused_without_allow_private(db_url: str) -> None:
    sqlite_url = db_url  # the crawl child and its pipeline write to SQLite and PostgreSQL
    with LocalSite(routes()) as site:
        company_id = make_company(sqlite_url, site.url + "/")
        summary = enrich(sqlite_url, options(allow_private=False))
        assert site.log == [], "not even robots.txt is fetched from a refused host"
    assert summary.stats.get("enrich_safety/refused", 0) >= 1
    website = contacts_of(sqlite_url, company_id)["website"][0]
    assert (website.status, website.status_reason) == ("invalid", "unsafe")


def test_redirect_to_metadata_is_refused_even_with_allow_private(sites: Sites) -> None:
    assert sites.metadata.log == ["/robots.txt", "/"]
    assert sites.stats.get("enrich_safety/refused", 0) >= 1
    website = contacts_of(sites.url, sites.ids["metadata"])["website"][0]
    assert (website.status, website.status_reason) == ("invalid", "unsafe")
    assert "metadata" in website.details["check"]["error"]


def test_oversized_pages_are_cut_off(sites: Sites) -> None:
    website = contacts_of(sites.url, sites.ids["oversized"])["website"][0]
    assert (website.status, website.status_reason) == ("unknown", "too_large")
    assert "email" not in contacts_of(sites.url, sites.ids["oversized"])


def test_splash_home_leads_to_language_root(sites: Sites) -> None:
    assert "/de/" in sites.splash.log and "/de/kontakt" in sites.splash.log
    assert "/en/" not in sites.splash.log, "robots.txt disallows it"
    assert sites.stats.get("enrich/failures/robots", 0) >= 1, "its errback ran: the site finished"
    emails = {c.value for c in contacts_of(sites.url, sites.ids["splash"]).get("email", [])}
    assert "info@splash-test.de" in emails


def test_redirect_to_another_domain_is_recorded_not_followed(sites: Sites) -> None:
    assert sites.elsewhere.log == [], "the crawl never leaves the company's domain"
    found = contacts_of(sites.url, sites.ids["moved"])
    website = found["website"][0]
    assert (website.status, website.status_reason) == ("risky", "redirects_offsite")
    assert website.details["check"]["final_url"] == sites.elsewhere.url + "/"
    assert "email" not in found


def test_explain_website_section(sites: Sites) -> None:
    from enrich.explain import website_section

    with session_scope(init_db(sites.url)) as session:
        company = session.get(Company, sites.ids["main"])
        assert company is not None
        section = website_section(session, company)
    assert section.title == "Website enrichment"
    assert section.data["website_status"] == "valid"
    assert sites.main.url + "/kontakt" in section.data["pages"]
    assert section.data["facts"]["founded_year"] == {"value": 1982,
                                                     "source_url": sites.main.url + "/"}
    assert any(line.startswith("employees: 140") for line in section.lines)


def test_suppressed_contacts_are_never_stored(sqlite_url: str) -> None:
    from leadgen.storage.models import Suppression

    company_id = make_company(sqlite_url, "http://www.varonex-test.de/")
    page = CompanySitePage(KONTAKT, "http://www.varonex-test.de/kontakt").facts().as_dict()
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        session.add(Suppression(kind="email", value="info@varonex-test.de", reason="opt-out"))
        session.add(Suppression(kind="phone", value="+495211234560", reason="opt-out"))
    with session_scope(engine) as session:
        stats = store_site_result(session, {
            "company_id": company_id, "start_url": "http://www.varonex-test.de/",
            "region": "DE", "pages": [page]})
    found = contacts_of(sqlite_url, company_id)
    assert stats.suppressed == 2
    assert {c.value for c in found["email"]} == {"vertrieb@varonex-test.de"}
    assert "phone" not in found
    with session_scope(engine) as session:
        record = session.scalars(select(SourceRecord)).one()
        assert "info@varonex-test.de" not in str(record.data["emails"])
        assert record.data["phones"] == []
        assert "info@varonex-test.de" not in str(record.data), "not even in the page facts"
