"""E-mail checks against a real DNS server on 127.0.0.1 with known answers (no internet)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from enrich.checks import check_email, make_resolver
from tests.dnsserver import LocalDNSServer

RECORDS = {
    "acme-mx.de": {"MX": ["10 mail.acme-mx.de.", "20 backup.acme-mx.de."], "A": ["192.0.2.10"]},
    "a-only.de": {"A": ["192.0.2.20"]},
    "txt-only.de": {"TXT": ['"v=spf1 -all"']},
    "nullmx.de": {"MX": ["0 ."]},
    "gmail.com": {"MX": ["5 gmail-smtp-in.l.google.com."]},
    "mailinator.com": {"MX": ["10 mail.mailinator.com."]},
}


@pytest.fixture(scope="module")
def dns_server() -> Iterator[LocalDNSServer]:
    with LocalDNSServer(RECORDS, servfail={"broken-dns.de"}) as server:
        yield server


@pytest.fixture
def resolver(dns_server: LocalDNSServer):  # noqa: ANN201 - dnspython resolver
    return make_resolver(nameservers=["127.0.0.1"], port=dns_server.port, timeout=1.0)


# description, address, expected status, expected reason
CASES = [
    ("personal address, domain with MX", "max.mustermann@acme-mx.de", "valid",
     "accept_all_unknown"),
    ("role account with MX", "info@acme-mx.de", "risky", "role_account"),
    ("A record only: implicit MX, risky", "anna@a-only.de", "risky", "no_mx_a_fallback"),
    ("neither MX nor A: invalid", "anna@txt-only.de", "invalid", "no_mx"),
    ("null MX: accepts no mail", "anna@nullmx.de", "invalid", "null_mx"),
    ("domain does not exist", "anna@does-not-exist.de", "invalid", "no_domain"),
    ("free-mail provider", "max.mustermann@gmail.com", "risky", "free_mail"),
    ("disposable provider", "max@mailinator.com", "invalid", "disposable"),
    ("syntax error", "max@@acme-mx.de", "invalid", "syntax"),
    ("DNS fails: unknown", "anna@broken-dns.de", "unknown", "dns_error"),
]


@pytest.mark.parametrize(("description", "address", "status", "reason"), CASES,
                         ids=[c[0] for c in CASES])
def test_email_status(resolver, description: str, address: str, status: str,
                      reason: str) -> None:
    result = check_email(address, resolver)
    assert (result.status, result.reason) == (status, reason), result.details


def test_mx_hosts_are_recorded_in_preference_order(resolver) -> None:
    result = check_email("max@acme-mx.de", resolver)
    assert result.details["mx"] == ["mail.acme-mx.de", "backup.acme-mx.de"]
    assert result.details["smtp"] == "not_checked"


def test_queries_really_reach_the_local_server(dns_server: LocalDNSServer, resolver) -> None:
    check_email("someone@a-only.de", resolver)
    assert ("a-only.de", "MX") in dns_server.queries
    assert ("a-only.de", "A") in dns_server.queries


def test_domain_cache_avoids_repeat_lookups(dns_server: LocalDNSServer, resolver) -> None:
    cache: dict = {}
    before = len(dns_server.queries)
    check_email("a@acme-mx.de", resolver, mail_cache=cache)
    check_email("b@acme-mx.de", resolver, mail_cache=cache)
    assert len(dns_server.queries) - before == 1


def test_smtp_probe_is_only_used_when_given(resolver) -> None:
    calls: list[tuple[str, list[str]]] = []

    def probe(address: str, mx: list[str]) -> tuple[str, str]:
        calls.append((address, mx))
        return "rejected", "550 no such user"

    assert check_email("max@acme-mx.de", resolver).details["smtp"] == "not_checked"
    assert calls == []
    result = check_email("max@acme-mx.de", resolver, smtp_probe=probe)
    assert (result.status, result.reason) == ("invalid", "smtp_rejected")
    assert calls == [("max@acme-mx.de", ["mail.acme-mx.de", "backup.acme-mx.de"])]
