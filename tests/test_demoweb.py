"""The demo web: determinism, hosts, robots, traps, proxying, access log and ground truth."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
import tldextract
from hypothesis import given, settings
from hypothesis import strategies as st

from leadgen.demoweb import DemoWebServer, DemoWorld

EXTRACT = tldextract.TLDExtract(suffix_list_urls=())


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return DemoWorld.generate(seed=7, companies=60, crawl_delay=0.5, slow_delay=0.05)


@pytest.fixture(scope="module")
def truth(world: DemoWorld) -> dict[str, Any]:
    return world.truth()


@pytest.fixture(scope="module")
def server(world: DemoWorld) -> Iterator[DemoWebServer]:
    with DemoWebServer(world) as srv:
        yield srv


def fetch(server: DemoWebServer, url: str, headers: dict[str, str] | None = None
          ) -> tuple[int, dict[str, str], bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def decode(content_type: str, body: bytes) -> str:
    """Decode by the HTTP charset, else the meta charset (gb2312 read as its superset GBK)."""
    match = re.search(r"charset=([\w-]+)", content_type) or re.search(
        rb'<meta charset="([\w-]+)"', body)
    assert match is not None, content_type
    label = match.group(1)
    charset = label.decode() if isinstance(label, bytes) else label
    return body.decode("gbk" if charset.lower() == "gb2312" else charset)


def test_same_seed_same_truth_and_other_seed_differs() -> None:
    first = DemoWorld.generate(seed=3, companies=40).truth()
    again = DemoWorld.generate(seed=3, companies=40).truth()
    other = DemoWorld.generate(seed=4, companies=40).truth()
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert [c["name"] for c in first["companies"]] != [c["name"] for c in other["companies"]]


def test_truth_is_json_and_every_company_is_listed(truth: dict[str, Any]) -> None:
    json.dumps(truth)
    assert truth["company_count"] == len(truth["companies"]) == 60
    for company in truth["companies"]:
        assert company["listings"], company["name"]
        for listing in company["listings"]:
            assert listing["source"] in truth["sources"]
            assert listing["name"] in company["name_variants"]


def test_truth_domains_and_phones_are_consistent(truth: dict[str, Any]) -> None:
    domains = [c["domain"] for c in truth["companies"] if c["domain"]]
    assert len(domains) == len(set(domains)), "two companies share a domain"
    for company in truth["companies"]:
        if company["domain"]:
            assert EXTRACT(company["website"]).top_domain_under_public_suffix == company["domain"]
            for email in company["emails"]:
                assert email.endswith("@" + company["domain"]) or "@" in email
        for email in company["trap_emails"]:
            assert email not in company["emails"]
        assert company["phones"]
        for phone in company["phones"]:
            number = phonenumbers.parse(phone)
            assert phonenumbers.is_valid_number(number), phone
            assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone
            assert phonenumbers.region_code_for_number(number) == company["country"]


def test_fit_share_and_label_noise() -> None:
    from leadgen.demoweb.industries import INDUSTRY_BY_KEY

    truth = DemoWorld.generate(seed=11, companies=2000).truth()
    share = truth["fit_count"] / truth["company_count"]
    assert 0.2 <= share <= 0.33, share
    rule = {
        c["id"]: INDUSTRY_BY_KEY[c["industry"]].target and c["employees"] >= 20
        and c["country"] in {"DE", "AT", "CH", "NL", "GB", "US", "CN"}
        for c in truth["companies"]
    }
    noise = sum(rule[c["id"]] != c["fit"] for c in truth["companies"]) / len(rule)
    assert 0.01 <= noise <= 0.06, noise


def test_company_page_through_proxy(server: DemoWebServer, truth: dict[str, Any]) -> None:
    company = next(c for c in truth["companies"] if c["website"])
    status, headers, body = fetch(server, company["website"])
    assert status == 200
    text = decode(headers["Content-Type"], body)
    short = company["name_variants"][1]
    assert short in text


def test_host_header_form_works(server: DemoWebServer, world: DemoWorld) -> None:
    url = f"http://127.0.0.1:{server.port}/robots.txt"
    request = urllib.request.Request(url, headers={"Host": "www.packaging-association.org"})
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request) as resp:
        assert b"Crawl-delay: 0.5" in resp.read()


def test_unknown_host_is_502(server: DemoWebServer) -> None:
    status, _, _ = fetch(server, "http://www.example.com/")
    assert status == 502


def test_robots_txt(server: DemoWebServer, truth: dict[str, Any]) -> None:
    _, _, body = fetch(server, "http://www.packaging-association.org/robots.txt")
    text = body.decode()
    assert "Crawl-delay: 0.5" in text
    assert "Disallow: /members/search" in text and "Disallow: /private/" in text
    _, _, body = fetch(server, "http://www.bizdirectory-online.com/robots.txt")
    assert "Disallow: /company/*/print" in body.decode()
    assert truth["crawl_delay"]["www.packaging-association.org"] == 0.5


def test_disallowed_urls_are_linked(server: DemoWebServer) -> None:
    _, _, body = fetch(server, "http://www.packaging-association.org/members")
    assert b'href="/members/search' in body and b'href="/private/' in body


def test_gbk_directory(server: DemoWebServer, truth: dict[str, Any]) -> None:
    status, headers, body = fetch(server, "http://www.zhongguo-gongying.cn/list_1.html")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=gbk"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gbk")
    assert '<meta charset="gbk">' in text
    assert "有限公司" in text
    listing = next(x for c in truth["companies"] for x in c["listings"]
                   if x["source"] == "demo-cn-directory")
    _, _, detail = fetch(server, listing["url"])
    assert listing["name"] in detail.decode("gbk")
    assert "电话" in detail.decode("gbk")


def test_session_ids_serve_the_same_content(server: DemoWebServer, truth: dict[str, Any]) -> None:
    listing = next(x for c in truth["companies"] for x in c["listings"]
                   if x["source"] == "demo-yellowpages")
    first = fetch(server, listing["url"] + ";jsessionid=AAA111")[2].decode()
    second = fetch(server, listing["url"] + ";jsessionid=BBB222")[2].decode()
    assert listing["name"] in first
    assert re.search(r"jsessionid=([0-9A-F]+)", first).group(1) != re.search(  # type: ignore[union-attr]
        r"jsessionid=([0-9A-F]+)", second).group(1)  # type: ignore[union-attr]
    strip = re.compile(r"(;jsessionid=|sid=)[0-9A-F]+")
    assert strip.sub("", first) == strip.sub("", second)


def test_calendar_is_infinite(server: DemoWebServer) -> None:
    url = "http://www.packaging-association.org/events/calendar?month=2026-11"
    seen = set()
    for _ in range(30):
        status, _, body = fetch(server, url)
        assert status == 200
        seen.add(url)
        nxt = re.search(rb'rel="next" href="([^"]+)"', body)
        assert nxt is not None
        url = "http://www.packaging-association.org" + nxt.group(1).decode()
    assert len(seen) == 30 and url.endswith("2029-05")


def test_error_and_slow_pages(server: DemoWebServer, truth: dict[str, Any]) -> None:
    for url in truth["traps"]["error_500"]:
        assert fetch(server, url)[0] == 500
    assert fetch(server, truth["traps"]["slow"][0])[0] == 200


def test_listings_resolve(server: DemoWebServer, truth: dict[str, Any]) -> None:
    for company in truth["companies"][:25]:
        for listing in company["listings"]:
            status, headers, body = fetch(server, listing["url"])
            assert status == 200, listing["url"]
            text = decode(headers["Content-Type"], body)
            assert listing["name"] in text.replace("&amp;", "&").replace("&#x27;", "'")


def test_expo_json_api_follows_next(server: DemoWebServer, world: DemoWorld) -> None:
    _, _, html = fetch(server, "http://expo.packtech-fair.com/exhibitors")
    names = []
    more = re.search(rb'data-load-more="([^"]+)"', html)
    url = "/api/exhibitors?page=1"
    while url:
        _, _, body = fetch(server, "http://expo.packtech-fair.com" + url)
        data = json.loads(body)
        names += [item["name"] for item in data["items"]]
        url = data["next"]
    assert len(names) == len(world.exhibitors)
    assert more is None or more.group(1) == b"/api/exhibitors?page=2"


def test_alias_host_redirects(server: DemoWebServer, truth: dict[str, Any]) -> None:
    company = next(c for c in truth["companies"] if c["website"])
    host = company["website"].split("/")[2]
    alias = host[4:] if host.startswith("www.") else "www." + host
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
    with opener.open(f"http://{alias}/", timeout=10) as resp:
        assert resp.url == company["website"]


def test_company_pages_and_traps(server: DemoWebServer, truth: dict[str, Any]) -> None:
    checked = 0
    for company in truth["companies"]:
        if not company["website"]:
            continue
        base = company["website"].rstrip("/")
        text = ""
        for path in company["site_pages"].values():
            status, headers, body = fetch(server, base + urllib.request.quote(path))
            if status == 200:
                text += decode(headers["Content-Type"], body)
        for trap in company["trap_emails"]:
            assert trap in text  # present in the markup, but hidden, commented or an agency's
        for person in company["people"]:
            assert person["name"] in text
        for value in company["legal_ids"].values():
            assert value in text, value
        checked += 1
    assert checked > 10


def test_access_log_records_requests(world: DemoWorld) -> None:
    with DemoWebServer(world) as srv:
        fetch(srv, "http://www.packaging-association.org/members?page=1",
              {"User-Agent": "leadgen-test/1.0"})
        fetch(srv, "http://nowhere.invalid/")
        log = srv.access_log
    assert [(e.host, e.path, e.status) for e in log] == [
        ("www.packaging-association.org", "/members?page=1", 200),
        ("nowhere.invalid", "/", 502),
    ]
    assert log[0].user_agent == "leadgen-test/1.0" and log[0].proxied
    assert log[0].monotonic <= log[1].monotonic and log[0].wall > 0


def test_start_urls(world: DemoWorld) -> None:
    urls = world.start_urls()
    assert set(urls) == {"demo-association", "demo-expo", "demo-yellowpages", "demo-cn-directory"}


def test_truth_does_not_depend_on_hash_randomization() -> None:
    code = ("import json,hashlib; from leadgen.demoweb import DemoWorld; "
            "t=DemoWorld.generate(seed=9, companies=30).truth(); "
            "print(hashlib.sha256(json.dumps(t, sort_keys=True).encode()).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2")
    }
    local = DemoWorld.generate(seed=9, companies=30).truth()
    assert digests == {hashlib.sha256(json.dumps(local, sort_keys=True).encode()).hexdigest()}


def _page_text(world: DemoWorld, url: str) -> str:
    from html import unescape
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    response = world.handle(parts.hostname or "", parts.path, parts.query)
    assert response is not None and response.status in (200, 500), url
    return unescape(decode(response.content_type, response.body))


def _emails_in(text: str) -> set[str]:
    text = re.sub(r"\s*\[at\]\s*", "@", text)
    text = re.sub(r"\s*\[dot\]\s*", ".", text)
    return {m.lower() for m in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)}


def test_every_truth_email_and_phone_is_observable(world: DemoWorld,
                                                    truth: dict[str, Any]) -> None:
    """What the truth promises can be found on some page (so a 100% recall is possible)."""
    api = ""
    page = 1
    while True:
        body = _page_text(world, f"http://expo.packtech-fair.com/api/exhibitors?page={page}")
        api += body
        if json.loads(body)["next"] is None:
            break
        page += 1
    for company in truth["companies"]:
        urls = [x["url"] for x in company["listings"]]
        if company["website"]:
            base = company["website"].rstrip("/")
            urls += [base + urllib.request.quote(p) for p in company["site_pages"].values()]
        text = "\n".join(_page_text(world, url) for url in urls) + api
        assert set(company["emails"]) <= _emails_in(text), company["name"]
        found = {
            phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
            for m in phonenumbers.PhoneNumberMatcher(text, company["country"])
        }
        assert set(company["phones"]) <= found, (company["name"], company["phones"])


def test_some_chinese_sites_only_say_gb2312_in_a_meta_tag() -> None:
    world = DemoWorld.generate(seed=2, companies=300)
    legacy = []
    for core in world.cores:
        if core.host and core.country == "CN":
            response = world.handle(core.host, "/", "")
            assert response is not None
            if response.content_type == "text/html":
                assert b'<meta charset="gb2312">' in response.body
                assert core.name in response.body.decode("gbk")
                legacy.append(core.host)
    assert legacy


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31), companies=st.integers(1, 40))
def test_truth_invariants_hold_for_any_seed(seed: int, companies: int) -> None:
    world = DemoWorld.generate(seed=seed, companies=companies)
    truth = world.truth()
    assert truth["company_count"] == companies
    domains = [c["domain"] for c in truth["companies"] if c["domain"]]
    assert len(domains) == len(set(domains))
    for company in truth["companies"]:
        assert company["listings"]
        assert {x["name"] for x in company["listings"]} <= set(company["name_variants"])
        for phone in company["phones"]:
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), phone
        for listing in company["listings"]:
            parts = urllib.parse.urlsplit(listing["url"])
            response = world.handle(parts.hostname or "", parts.path, parts.query)
            assert response is not None and response.status == 200, listing["url"]
        host = (company["website"] or "/").split("/")[2:3]
        for name, path in company["site_pages"].items():
            response = world.handle(host[0], path, "")
            assert response is not None and response.status in (200, 500), (name, path)
            assert response.status == 200 or name == "news"


def test_access_log_file(world: DemoWorld, tmp_path: Path) -> None:
    path = tmp_path / "logs" / "access.jsonl"
    with DemoWebServer(world, access_log_file=path) as srv:
        fetch(srv, "http://expo.packtech-fair.com/api/exhibitors?page=1")
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(x["host"], x["path"], x["status"]) for x in lines] == [
        ("expo.packtech-fair.com", "/api/exhibitors?page=1", 200)]
