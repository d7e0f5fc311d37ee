"""Website checks against a real local server, and phone checks with phonenumbers."""

from __future__ import annotations

import pytest

from enrich.checks import check_phone, classify_website, fetch_website
from enrich.safety import URLGuard
from tests.test_enrich_support import LocalSite, Route

PARKED = """<html><head><title>acme-parts.com</title>
<script src="https://www.googlesyndication.com/afs/ads.js"></script></head>
<body><h1>acme-parts.com</h1><p>This domain is parked free, courtesy of a registrar.</p>
</body></html>"""
FOR_SALE = """<html><body><h1>The domain acme-parts.com is for sale!</h1>
<a href="https://dan.com/buy-domain/acme-parts.com">Buy now</a></body></html>"""
COMPANY = """<html><head><title>Acme Parts GmbH</title></head><body><h1>Acme Parts</h1>
<p>Wir fertigen Präzisionsteile seit 1982. Kontakt: info@acme-parts.de</p></body></html>"""
ROUTES = {
    "/": Route(COMPANY),
    "/parked": Route(PARKED),
    "/sale": Route(FOR_SALE),
    "/gone": Route("gone", status=404),
    "/oops": Route("oops", status=503),
    "/moved": Route(status=301, headers={"Location": "/"}),
}


@pytest.fixture(scope="module")
def site():
    with LocalSite(ROUTES) as running:
        yield running


@pytest.mark.parametrize(
    ("path", "status", "reason"),
    [
        ("/", "valid", "ok"),
        ("/moved", "valid", "ok"),
        ("/parked", "invalid", "parked"),
        ("/sale", "invalid", "for_sale"),
        ("/gone", "invalid", "http_404"),
        ("/oops", "unknown", "http_503"),
    ],
)
def test_fetch_website(site: LocalSite, path: str, status: str, reason: str) -> None:
    result = fetch_website(site.url + path, URLGuard(allow_private=True))
    assert (result.status, result.reason) == (status, reason), result.details


def test_redirect_is_recorded(site: LocalSite) -> None:
    result = fetch_website(site.url + "/moved", URLGuard(allow_private=True))
    assert result.details["final_url"] == site.url + "/"
    assert result.details["redirects"] == [site.url + "/moved"]


def test_redirect_to_another_domain_is_risky() -> None:
    result = classify_website("http://www.acme-parts.de/", "https://www.bigholding.com/brands",
                              200, COMPANY, ["http://www.acme-parts.de/"])
    assert (result.status, result.reason) == ("risky", "redirects_offsite")
    assert result.details["final_domain"] == "bigholding.com"


def test_www_and_https_redirect_stays_valid() -> None:
    result = classify_website("http://acme-parts.de/", "https://www.acme-parts.de/", 200, COMPANY)
    assert result.status == "valid"


def test_closed_port_is_unknown() -> None:
    with LocalSite({}) as closed:
        url = closed.url + "/"
    result = fetch_website(url, URLGuard(allow_private=True), timeout=2)
    assert (result.status, result.reason) == ("unknown", "no_answer")


@pytest.mark.parametrize(
    ("number", "region", "status", "reason"),
    [
        ("+49 30 12345678", None, "valid", "fixed_line"),
        ("0171 1234567", "DE", "valid", "mobile"),
        ("+86 138 0013 8000", None, "valid", "mobile"),
        ("0571-88886666", "CN", "valid", "fixed_line"),
        ("1-800-624-4488", "US", "valid", "toll_free"),
        ("+49 900 1234567", None, "risky", "premium_rate"),
        ("+1 202 555 01234", None, "invalid", "not_possible"),
        ("+1 555 010 0000", None, "invalid", "not_valid"),
        ("call us", "DE", "invalid", "syntax"),
    ],
)
def test_check_phone(number: str, region: str | None, status: str, reason: str) -> None:
    result = check_phone(number, region)
    assert (result.status, result.reason) == (status, reason), result.details
