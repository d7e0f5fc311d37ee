"""Check a crawl against the demo web's rules, from the server's access log.

Tests of the crawler use these to prove politeness::

    log = server.access_log
    assert robots_violations(world, log) == []
    assert crawl_delay_violations(world, log) == []
    assert trap_costs(log)["calendar"] <= 20
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from protego import Protego

from leadgen.demoweb.hosts import ASSOCIATION_HOST, EXPO_HOST, YELLOW_HOST
from leadgen.demoweb.server import AccessLogEntry
from leadgen.demoweb.world import DemoWorld

_SESSION = re.compile(r";jsessionid=[^?/]*|([?&])sid=[^&]*&?")


@dataclass(frozen=True)
class DelayViolation:
    """Two requests to one host closer together than its Crawl-delay."""

    host: str
    first: AccessLogEntry
    second: AccessLogEntry
    gap: float
    required: float


def _robots(world: DemoWorld, host: str) -> Protego | None:
    response = world.handle(host, "/robots.txt", "")
    if response is None or response.status != 200:
        return None
    return Protego.parse(response.body.decode("utf-8", errors="replace"))


def robots_violations(world: DemoWorld, log: Iterable[AccessLogEntry],
                      user_agent: str = "*") -> list[AccessLogEntry]:
    """Requests robots.txt disallows (robots.txt itself is always allowed)."""
    cache: dict[str, Protego | None] = {}
    bad = []
    for entry in log:
        if entry.path == "/robots.txt":
            continue
        if entry.host not in cache:
            cache[entry.host] = _robots(world, entry.host)
        rules = cache[entry.host]
        if rules is not None and not rules.can_fetch(entry.url, user_agent):
            bad.append(entry)
    return bad


def crawl_delay_violations(world: DemoWorld, log: Iterable[AccessLogEntry],
                           tolerance: float = 0.02) -> list[DelayViolation]:
    """Pairs of consecutive requests to a host with a Crawl-delay that came too close.

    ``tolerance`` (seconds) absorbs clock granularity between the crawler's timer and ours.
    """
    delays = {ASSOCIATION_HOST: world.crawl_delay}
    last: dict[str, AccessLogEntry] = {}
    bad = []
    for entry in sorted(log, key=lambda e: e.monotonic):
        required = delays.get(entry.host)
        if not required:
            continue
        previous = last.get(entry.host)
        if previous is not None:
            gap = entry.monotonic - previous.monotonic
            if gap + tolerance < required:
                bad.append(DelayViolation(entry.host, previous, entry, gap, required))
        last[entry.host] = entry
    return bad


def canonical_path(path: str) -> str:
    """The path without session ids (what the page really is)."""
    return _SESSION.sub(lambda m: m.group(1) or "", path).rstrip("?&")


def trap_costs(log: Iterable[AccessLogEntry]) -> dict[str, int]:
    """How many requests each trap cost.

    ``calendar``: requests to the endless calendar; ``session_duplicates``: yellow-pages requests
    for a page already fetched under another session id; ``errors``: 5xx answers; ``slow``:
    requests to the slow floor plan; ``unknown_hosts``: 502s for hosts outside the demo web.
    """
    costs = {"calendar": 0, "session_duplicates": 0, "errors": 0, "slow": 0,
             "unknown_hosts": 0}
    seen: dict[str, set[str]] = defaultdict(set)
    for entry in log:
        if entry.host == ASSOCIATION_HOST and entry.path.startswith("/events/calendar"):
            costs["calendar"] += 1
        if entry.host == YELLOW_HOST:
            canon = canonical_path(entry.path)
            if canon in seen[entry.host]:
                costs["session_duplicates"] += 1
            seen[entry.host].add(canon)
        if entry.status == 502:
            costs["unknown_hosts"] += 1
        elif entry.status >= 500:
            costs["errors"] += 1
        if entry.host == EXPO_HOST and entry.path.startswith("/exhibitors/floorplan"):
            costs["slow"] += 1
    return costs
