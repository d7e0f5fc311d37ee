"""Enrichment refuses hosts that resolve to private, loopback, link-local or metadata addresses."""

from __future__ import annotations

import ipaddress

import pytest

from enrich.checks import fetch_website, make_resolver
from enrich.safety import DnsHostResolver, ProxyHostResolver, URLGuard, unsafe_reason
from leadgen.exceptions import UnsafeURLError
from tests.dnsserver import LocalDNSServer
from tests.test_enrich_support import LocalSite, Route

RECORDS = {
    "www.public-co.com": {"A": ["93.184.215.14"]},
    "intranet.evil-co.com": {"A": ["10.1.2.3"]},
    "meta.evil-co.com": {"A": ["169.254.169.254"]},
    "meta6.evil-co.com": {"AAAA": ["fd00:ec2::254"]},
    "mixed.evil-co.com": {"A": ["93.184.215.14", "192.168.1.5"]},
    "loop.evil-co.com": {"A": ["127.0.0.1"]},
}


@pytest.fixture(scope="module")
def dns_server():
    with LocalDNSServer(RECORDS) as server:
        yield server


def guard(dns_server: LocalDNSServer, allow_private: bool = False) -> URLGuard:
    resolver = make_resolver(["127.0.0.1"], port=dns_server.port, timeout=1.0)
    return URLGuard(DnsHostResolver(resolver), allow_private=allow_private)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.0.1", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "shared"),
        ("::ffff:10.0.0.1", "private"),
        ("93.184.215.14", None),
        ("2606:2800:220:1::1", None),
    ],
)
def test_unsafe_reason(address: str, reason: str | None) -> None:
    assert unsafe_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    "url",
    [
        "http://intranet.evil-co.com/",
        "http://meta.evil-co.com/latest/meta-data/",
        "http://meta6.evil-co.com/",
        "http://mixed.evil-co.com/",
        "http://loop.evil-co.com/",
        "http://127.0.0.1:8080/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_private_hosts_are_refused(dns_server: LocalDNSServer, url: str) -> None:
    with pytest.raises(UnsafeURLError) as info:
        guard(dns_server).check(url)
    assert "\n" not in str(info.value) and "refused" in str(info.value)


def test_public_host_passes(dns_server: LocalDNSServer) -> None:
    addresses = guard(dns_server).check("https://www.public-co.com/kontakt")
    assert [str(a) for a in addresses] == ["93.184.215.14"]


def test_allow_private_allows_private_but_never_metadata(dns_server: LocalDNSServer) -> None:
    allowing = guard(dns_server, allow_private=True)
    assert allowing.is_safe("http://intranet.evil-co.com/")
    assert allowing.is_safe("http://loop.evil-co.com/")
    assert not allowing.is_safe("http://meta.evil-co.com/")
    assert not allowing.is_safe("http://meta6.evil-co.com/")


def test_unresolvable_host_and_bad_scheme_are_refused(dns_server: LocalDNSServer) -> None:
    with pytest.raises(UnsafeURLError, match="cannot resolve"):
        guard(dns_server).check("http://nowhere.evil-co.com/")
    with pytest.raises(UnsafeURLError, match="only http"):
        guard(dns_server).check("file:///etc/passwd")


def test_proxy_resolver_counts_every_host_as_the_proxy_address() -> None:
    proxied = URLGuard(ProxyHostResolver("http://127.0.0.1:8899"))
    with pytest.raises(UnsafeURLError, match="loopback"):
        proxied.check("http://www.acme-verpackung.de/")
    assert URLGuard(ProxyHostResolver("http://127.0.0.1:8899"), allow_private=True).is_safe(
        "http://www.acme-verpackung.de/"
    )


def test_website_on_private_address_is_refused_without_a_request() -> None:
    with LocalSite({"/": Route("<title>Acme</title>")}) as site:
        refused = fetch_website(site.url + "/", URLGuard())
        assert (refused.status, refused.reason) == ("invalid", "unsafe")
        assert site.log == []
        allowed = fetch_website(site.url + "/", URLGuard(allow_private=True))
        assert (allowed.status, allowed.reason) == ("valid", "ok")
        assert site.log == ["/"]


def test_redirect_to_metadata_is_refused() -> None:
    routes = {"/": Route(status=302, headers={"Location": "http://169.254.169.254/latest/"})}
    with LocalSite(routes) as site:
        result = fetch_website(site.url + "/", URLGuard(allow_private=True))
    assert (result.status, result.reason) == ("invalid", "unsafe")
    assert result.details["redirects"] == [site.url + "/"]
