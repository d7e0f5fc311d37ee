"""``leadgen enrich`` through the CLI: crawl + checks with a local DNS server, --check-only,
the contact summary that export shows, and the one-line refusal of private hosts."""

from __future__ import annotations

import json

from sqlalchemy import select
from typer.testing import CliRunner

from enrich.report import contact_summary
from leadgen.cli import app
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, ContactPoint
from tests.dnsserver import LocalDNSServer
from tests.test_enrich_crawl import make_company, routes
from tests.test_enrich_support import LocalSite

runner = CliRunner()
DNS = {
    "varonex-test.de": {"MX": ["10 mx.varonex-test.de."]},
    "a-only-test.de": {"A": ["192.0.2.7"]},
}


def test_enrich_cli_crawls_and_checks(sqlite_url: str, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LEADGEN_ALLOW_PRIVATE", "")
    with LocalDNSServer(DNS) as dns_server, LocalSite(routes()) as site:
        company_id = make_company(sqlite_url, site.url + "/")
        result = runner.invoke(app, [
            "enrich", "--db", sqlite_url, "--allow-private", "--json",
            "--dns-server", f"127.0.0.1:{dns_server.port}", "--max-pages", "6",
        ])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["companies"] == 1 and data["pages"] >= 4
        assert ("varonex-test.de", "MX") in dns_server.queries
    with session_scope(init_db(sqlite_url)) as session:
        summary = contact_summary(session, company_id)
    emails = {e["value"]: (e["status"], e["reason"]) for e in summary["emails"]}
    assert emails["info@varonex-test.de"] == ("risky", "role_account")
    assert emails["a.schneider@varonex-test.de"] == ("valid", "accept_all_unknown")
    assert summary["emails"][0]["value"] == "a.schneider@varonex-test.de", "valid ones first"
    phones = {p["value"]: (p["status"], p["reason"]) for p in summary["phones"]}
    assert phones["+49521123456"] == ("valid", "fixed_line")  # "123456-0": its switchboard
    makers = {p["name"]: p for p in summary["decision_makers"]}
    assert set(makers) == {"Klaus Weber", "Anna Schneider"}
    assert makers["Anna Schneider"]["email_status"] == "valid"
    assert summary["social"][0]["network"] == "linkedin"
    assert summary["websites"][0]["status"] == "valid"
    assert all(e["source_url"].startswith(site.url) for e in summary["emails"])


def test_check_only_makes_no_crawl(sqlite_url: str, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LEADGEN_ALLOW_PRIVATE", "")
    with LocalDNSServer(DNS) as dns_server, LocalSite(routes()) as site:
        company_id = make_company(sqlite_url, site.url + "/")
        with session_scope(init_db(sqlite_url)) as session:
            for kind, value in [("email", "anna@a-only-test.de"), ("email", "x@nowhere-test.de"),
                                ("phone", "+15550100000")]:
                session.add(ContactPoint(company_id=company_id, kind=kind, value=value))
        result = runner.invoke(app, [
            "enrich", "--check-only", "--db", sqlite_url, "--allow-private", "--json",
            "--dns-server", f"127.0.0.1:{dns_server.port}",
        ])
        assert result.exit_code == 0, result.output
        assert site.log == ["/"], "only the website check's one request"
    with session_scope(init_db(sqlite_url)) as session:
        rows = {c.value: c for c in session.scalars(select(ContactPoint))}
        company = session.get(Company, company_id)
        assert company is not None and company.enriched_at is None
    assert (rows["anna@a-only-test.de"].status,
            rows["anna@a-only-test.de"].status_reason) == ("risky", "no_mx_a_fallback")
    assert rows["x@nowhere-test.de"].status_reason == "no_domain"
    assert rows["+15550100000"].status == "invalid"
    website = next(c for c in rows.values() if c.kind == "website")
    assert (website.status, website.status_reason) == ("valid", "ok")


def test_check_only_refuses_private_website_without_flag(sqlite_url: str,
                                                          monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LEADGEN_ALLOW_PRIVATE", "")
    with LocalDNSServer(DNS) as dns_server, LocalSite(routes()) as site:
        make_company(sqlite_url, site.url + "/")
        result = runner.invoke(app, [
            "enrich", "--check-only", "--db", sqlite_url, "--json",
            "--dns-server", f"127.0.0.1:{dns_server.port}",
        ])
        assert result.exit_code == 0, result.output
        assert site.log == []
    with session_scope(init_db(sqlite_url)) as session:
        website = session.scalars(select(ContactPoint).where(ContactPoint.kind == "website")).one()
    assert (website.status, website.status_reason) == ("invalid", "unsafe")
    assert "loopback" in website.details["check"]["error"]


def test_nothing_stale_message(sqlite_url: str) -> None:
    init_db(sqlite_url)
    result = runner.invoke(app, ["enrich", "--db", sqlite_url])
    assert result.exit_code == 0
    assert "Nothing to enrich" in result.output
