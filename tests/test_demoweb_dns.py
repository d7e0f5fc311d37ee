"""The demo web's DNS: real UDP on 127.0.0.1, asked by a dnspython resolver, and the enrichment's
e-mail checks judged through it (valid / risky instead of ``unknown / dns_not_checked``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import dns.resolver
import pytest
from sqlalchemy import select

from enrich.checks.dns import make_resolver
from enrich.checks.email import check_email
from enrich.run import EnrichOptions, enrich
from leadgen.crawl_run import demo_web_for
from leadgen.demoweb import DemoWebServer, DemoWorld
from leadgen.demoweb.hosts import SOURCE_HOSTS
from leadgen.normalize import normalize_website
from leadgen.profile import load_profile
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, ContactPoint

SEED, COMPANIES = 11, 60


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return DemoWorld.generate(seed=SEED, companies=COMPANIES, crawl_delay=0.0, slow_delay=0.3)


@pytest.fixture(scope="module")
def truth(world: DemoWorld) -> dict[str, Any]:
    return world.truth()


@pytest.fixture(scope="module")
def server(world: DemoWorld) -> Iterator[DemoWebServer]:
    with DemoWebServer(world, port=0) as running:
        yield running


@pytest.fixture(scope="module")
def resolver(server: DemoWebServer) -> dns.resolver.Resolver:
    host, _, port = server.dns_address.partition(":")
    return make_resolver([host], port=int(port), timeout=2.0)


def _texts(resolver: dns.resolver.Resolver, name: str, rdtype: str) -> list[str]:
    return [r.to_text() for r in resolver.resolve(name, rdtype)]


def _mail_domains(truth: dict[str, Any]) -> list[str]:
    no_mx = set(truth["dns"]["no_mx"])
    return [c["domain"] for c in truth["companies"] if c["domain"] and c["domain"] not in no_mx]


def test_company_domain_answers_mx_and_addresses(
    truth: dict[str, Any], resolver: dns.resolver.Resolver
) -> None:
    domains = _mail_domains(truth)
    assert domains
    for domain in domains[:5]:
        assert _texts(resolver, domain, "MX") == [f"10 mail.{domain}."]
        assert _texts(resolver, f"mail.{domain}", "A") == ["127.0.0.1"]
        assert _texts(resolver, f"www.{domain}", "A") == ["127.0.0.1"]
        with pytest.raises(dns.resolver.NoAnswer):  # known name, no such record
            resolver.resolve(domain, "AAAA")


def test_planted_no_mx_domain_has_only_an_address(
    truth: dict[str, Any], resolver: dns.resolver.Resolver
) -> None:
    no_mx = truth["dns"]["no_mx"]
    with_domain = [c["domain"] for c in truth["companies"] if c["domain"]]
    assert no_mx and set(no_mx) <= set(with_domain)
    assert len(no_mx) < len(with_domain) / 3  # "a few", not most
    for domain in no_mx:
        with pytest.raises(dns.resolver.NoAnswer):
            resolver.resolve(domain, "MX")
        assert _texts(resolver, domain, "A") == ["127.0.0.1"]
        with pytest.raises(dns.resolver.NXDOMAIN):
            resolver.resolve(f"mail.{domain}", "A")


def test_unknown_names_are_nxdomain(resolver: dns.resolver.Resolver) -> None:
    for name in ("no-such-company-demo.de", "example.com", "mail.example.org"):
        with pytest.raises(dns.resolver.NXDOMAIN):
            resolver.resolve(name, "MX")


def test_directory_hosts_and_free_mail(
    truth: dict[str, Any], resolver: dns.resolver.Resolver
) -> None:
    for host in SOURCE_HOSTS.values():
        assert _texts(resolver, host, "A") == ["127.0.0.1"]
    used = {e.rpartition("@")[2] for c in truth["companies"] for e in c["emails"]}
    free_used = used & set(truth["dns"]["free_mail"])
    assert free_used, "the demo companies use some free-mail domains"
    for domain in free_used:
        assert _texts(resolver, domain, "MX") == [f"10 mail.{domain}."]


def test_no_mx_planting_is_seeded(truth: dict[str, Any]) -> None:
    again = DemoWorld.generate(seed=SEED, companies=COMPANIES).truth()["dns"]
    other = DemoWorld.generate(seed=SEED + 1, companies=COMPANIES).truth()["dns"]
    assert again == truth["dns"]
    assert other["no_mx"] != truth["dns"]["no_mx"]


def test_dns_can_be_turned_off(world: DemoWorld) -> None:
    with DemoWebServer(world, port=0, dns=False) as plain:
        assert plain.proxy_url.startswith("http://127.0.0.1:")
        with pytest.raises(RuntimeError):
            _ = plain.dns_address


def _truth_emails(truth: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for company in truth["companies"]:
        out += company["emails"] + [p["email"] for p in company["people"] if p["email"]]
    return out


def test_email_checks_through_demo_dns(
    truth: dict[str, Any], resolver: dns.resolver.Resolver
) -> None:
    emails = _truth_emails(truth)
    no_mx = set(truth["dns"]["no_mx"])
    results = {e: check_email(e, resolver) for e in emails}
    statuses = Counter(r.status for r in results.values())
    assert statuses["unknown"] == 0, statuses
    assert statuses["valid"] and statuses["risky"], statuses
    for address, result in results.items():
        domain = address.rpartition("@")[2]
        findings = result.details["findings"]
        assert ("risky:no_mx_a_fallback" in findings) == (domain in no_mx), (address, findings)
        assert result.status != "invalid", (address, result)
    assert any(a.rpartition("@")[2] in no_mx for a in emails), "a planted domain has e-mails"
    # Without DNS the same addresses are all unknown: what this server fixes.
    assert {check_email(e, None).status for e in emails} == {"unknown"}


@pytest.fixture(scope="module")
def enriched(
    tmp_path_factory: pytest.TempPathFactory, world: DemoWorld, truth: dict[str, Any],
    server: DemoWebServer,
) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('dns') / 'leads.db'}"
    no_mx = set(truth["dns"]["no_mx"])
    # A slice of the world plus every planted no-MX company, to keep the crawl short.
    chosen = [c for c in truth["companies"] if c["id"] < 20 or c["domain"] in no_mx]
    with session_scope(init_db(url)) as session:
        for item in chosen:
            site = normalize_website(item["website"] or "")
            if site is None:
                continue
            session.add(Company(display_name=item["name"], name_key=item["name"].lower(),
                                website=item["website"], registered_domain=site[1]))
    summary = enrich(url, EnrichOptions(
        allow_private=True, proxy=server.proxy_url, dns_servers=[server.dns_address],
        max_pages=6,
        settings={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "ERROR"},
    ))
    assert summary.status == "finished", summary.stats
    return url


def test_enrichment_run_checks_emails_with_demo_dns(
    enriched: str, truth: dict[str, Any]
) -> None:
    no_mx = set(truth["dns"]["no_mx"])
    with session_scope(init_db(enriched)) as session:
        rows = [(r.value, r.status, r.status_reason) for r in session.scalars(
            select(ContactPoint).where(ContactPoint.kind == "email"))]
    assert rows
    statuses = Counter(status for _, status, _ in rows)
    assert statuses["unknown"] == 0, statuses
    assert statuses["risky"] > 0 and statuses["valid"] > 0, statuses
    planted = [(v, s, r) for v, s, r in rows if v.rpartition("@")[2] in no_mx]
    assert planted, "the planted no-MX companies' e-mails were found"
    assert all(s == "risky" for _, s, _ in planted), planted


def test_demo_web_for_yields_proxy_and_dns() -> None:
    profile = load_profile("demo")
    assert profile.demo_web is not None
    profile.demo_web.companies = 10
    with demo_web_for(profile) as demo:
        assert demo is not None
        assert demo.proxy.startswith("http://127.0.0.1:")
        host, _, port = demo.dns.partition(":")
        answer = make_resolver([host], port=int(port), timeout=2.0).resolve(
            SOURCE_HOSTS["demo-association"], "A")
        assert [r.to_text() for r in answer] == ["127.0.0.1"]
    profile.demo_web = None
    with demo_web_for(profile) as nothing:
        assert nothing is None
