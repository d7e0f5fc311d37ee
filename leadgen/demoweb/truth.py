"""The ground truth of a demo world: what a perfect crawl would find, plus the hidden fit label."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from leadgen.demoweb.dns import dns_truth
from leadgen.demoweb.hosts import (
    ASSOCIATION_HOST,
    CN_HOST,
    EXPO_HOST,
    SOURCE_HOSTS,
    YELLOW_HOST,
)
from leadgen.demoweb.html import path_quote
from leadgen.demoweb.sites.company import legal_ids, site_paths

if TYPE_CHECKING:
    from leadgen.demoweb.world import DemoWorld


def company_truth(world: DemoWorld, index: int) -> dict[str, Any]:
    """One company's truth record."""
    core = world.cores[index]
    det = world.details(index)
    listings = world.listings(index)
    shown_people = bool(core.domain or core.in_association or core.in_yellow or core.in_cn)
    people = det.people if shown_people else []
    variants: list[str] = []
    for name in [core.name, core.short_name, core.name_en, *(x["name"] for x in listings)]:
        if name and name not in variants:
            variants.append(name)
    emails = list(det.emails)
    for person in people:
        if person.email and person.email not in emails:
            emails.append(person.email)
    return {
        "id": index,
        "name": core.name,
        "name_en": core.name_en,
        "name_variants": variants,
        "legal_form": core.legal_form,
        "country": core.country,
        "city": det.city_latin,
        "city_local": det.city,
        "postal_code": det.postal_code,
        "street": det.street,
        "address_lines": det.address_lines,
        "address_lines_en": det.address_lines_en,
        "website": core.website,
        "domain": core.domain,
        "emails": emails,
        "phones": [det.phone, *det.extra_phones],
        "fax": det.fax,
        "social": det.social,
        "people": [
            {"name": p.name, "title": p.title, "decision_maker": p.decision_maker,
             "email": p.email}
            for p in people
        ],
        "trap_emails": det.trap_emails,
        "listings": listings,
        "industry": core.industry,
        "employees": core.employees,
        "founded_year": core.founded_year,
        "description": det.description,
        "legal_ids": legal_ids(core, det) if core.domain else {},
        "language": det.lang,
        "site_pages": site_paths(det.lang, core.country, bool(det.site.get("team")),
                                 int(str(det.site["path_variant"]))) if core.domain else {},
        "fit": core.fit,
    }


def _traps(world: DemoWorld, errors: list[str], slow: list[str]) -> dict[str, Any]:
    return {
        "calendar": f"http://{ASSOCIATION_HOST}/events/calendar?month=2026-11",
        "session_ids": {"host": YELLOW_HOST, "params": ["jsessionid", "sid"]},
        "error_500": [f"http://{ASSOCIATION_HOST}/news", *errors],
        "slow": [f"http://{EXPO_HOST}/exhibitors/floorplan", *slow],
        "slow_delay": world.slow_delay,
        "robots_linked": [
            f"http://{ASSOCIATION_HOST}/members/search",
            f"http://{ASSOCIATION_HOST}/private/login",
            f"http://{YELLOW_HOST}/admin/login",
            f"http://{CN_HOST}/member/login.html",
        ],
    }


def _walk(world: DemoWorld) -> Iterator[tuple[dict[str, Any], str | None, str | None]]:
    """Each company's truth with its slow page and its failing page (URLs or None)."""
    for truth in world.iter_truth():
        site = world.details(truth["id"]).site
        base = (truth["website"] or "").rstrip("/")
        slow = error = None
        if base and site.get("about_slow"):
            slow = base + path_quote(truth["site_pages"]["about"])
        if base and site.get("news_500"):
            error = base + path_quote(truth["site_pages"]["news"])
        yield truth, slow, error


def _header(world: DemoWorld) -> dict[str, Any]:
    return {
        "seed": world.seed,
        "company_count": len(world.cores),
        "sources": {
            source: {"host": host, "start_urls": world.start_urls()[source]}
            for source, host in SOURCE_HOSTS.items()
        },
        "hosts": world.hosts(),
        "crawl_delay": {ASSOCIATION_HOST: world.crawl_delay},
        "disallowed": world.disallowed(),
        "dns": dns_truth(world),
    }


def world_truth(world: DemoWorld) -> dict[str, Any]:
    """The whole truth document (JSON-serializable)."""
    companies, slow, errors = [], [], []
    for truth, slow_url, error_url in _walk(world):
        companies.append(truth)
        slow += [slow_url] if slow_url else []
        errors += [error_url] if error_url else []
    return {
        **_header(world),
        "fit_count": sum(1 for c in companies if c["fit"]),
        "traps": _traps(world, errors, slow),
        "companies": companies,
    }


def write_truth(world: DemoWorld, out: TextIO) -> None:
    """Write :func:`world_truth` as JSON, one company at a time (constant memory at any size)."""
    header = json.dumps(_header(world), ensure_ascii=False, indent=1)
    out.write(header[:-2] + ',\n "companies": [\n')
    slow, errors, fit = [], [], 0
    for number, (truth, slow_url, error_url) in enumerate(_walk(world)):
        out.write((",\n" if number else "") + json.dumps(truth, ensure_ascii=False))
        slow += [slow_url] if slow_url else []
        errors += [error_url] if error_url else []
        fit += truth["fit"]
    tail = {"fit_count": fit, "traps": _traps(world, errors, slow)}
    out.write("\n ],\n" + json.dumps(tail, ensure_ascii=False, indent=1)[2:] + "\n")
