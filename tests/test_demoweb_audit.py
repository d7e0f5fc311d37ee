"""Politeness checks over the demo web's access log (used by the crawler's tests)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from leadgen.demoweb import DemoWebServer, DemoWorld
from leadgen.demoweb.audit import (
    canonical_path,
    crawl_delay_violations,
    robots_violations,
    trap_costs,
)


def _get(server: DemoWebServer, url: str) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
    try:
        with opener.open(url, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


def test_audit_finds_each_violation() -> None:
    world = DemoWorld.generate(seed=1, companies=40, crawl_delay=0.3, slow_delay=0.0)
    listing = next(x["url"] for c in world.iter_truth() for x in c["listings"]
                   if x["source"] == "demo-yellowpages")
    with DemoWebServer(world) as server:
        _get(server, "http://www.packaging-association.org/robots.txt")
        _get(server, "http://www.packaging-association.org/members")
        _get(server, "http://www.packaging-association.org/members/search?q=x")  # too soon + banned
        time.sleep(0.35)
        _get(server, "http://www.packaging-association.org/events/calendar?month=2026-11")
        _get(server, listing + ";jsessionid=AAA")
        _get(server, listing + ";jsessionid=BBB")
        _get(server, listing.rsplit("/", 1)[0] + "/" + listing.rsplit("/", 1)[1] + "/print")
        _get(server, "http://elsewhere.example/")
        log = server.access_log
    banned = [(e.host, e.path) for e in robots_violations(world, log)]
    assert banned == [
        ("www.packaging-association.org", "/members/search?q=x"),
        ("www.bizdirectory-online.com", listing.split("/", 3)[3].join(["/", "/print"])),
    ]
    delays = crawl_delay_violations(world, log)
    assert delays and all(v.gap < 0.3 for v in delays)
    assert all(v.host == "www.packaging-association.org" for v in delays)
    costs = trap_costs(log)
    assert costs["calendar"] == 1
    assert costs["session_duplicates"] == 1
    assert costs["unknown_hosts"] == 1


def test_polite_log_has_no_violations() -> None:
    world = DemoWorld.generate(seed=1, companies=20, crawl_delay=0.1)
    with DemoWebServer(world) as server:
        for url in ("http://www.packaging-association.org/robots.txt",
                    "http://www.packaging-association.org/members"):
            _get(server, url)
            time.sleep(0.12)
        log = server.access_log
    assert robots_violations(world, log) == []
    assert crawl_delay_violations(world, log) == []


def test_canonical_path_drops_session_ids() -> None:
    assert canonical_path("/company/10001-acme;jsessionid=AB12") == "/company/10001-acme"
    assert canonical_path("/category/retail?page=2&sid=XYZ") == "/category/retail?page=2"
    assert canonical_path("/category/retail?sid=XYZ&page=2") == "/category/retail?page=2"
    assert canonical_path("/admin/login?sid=XYZ") == "/admin/login"
