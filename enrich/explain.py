"""The "website" section of ``leadgen explain COMPANY``: what enrichment found and where.

Registered with :func:`leadgen.explain.register_section` on import (list this module in
``leadgen.explain.SECTION_MODULES``). Shows when the site was visited, the website check, the pages
read and each company fact with the page it came from, and every reachability status with its
reason.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrich.store import SOURCE_ID
from leadgen.storage.models import Company, ContactPoint, SourceRecord, utc_iso

_FACTS = ("description", "language", "founded_year", "employees", "legal_name", "icp", "address")


def website_section_data(session: Session, company: Company) -> dict[str, Any] | None:
    """The section as data, or None when the company's website was never enriched."""
    record = session.scalars(
        select(SourceRecord)
        .where(SourceRecord.company_id == company.id, SourceRecord.source_id == SOURCE_ID)
        .order_by(SourceRecord.fetched_at.desc())
    ).first()
    website = session.scalars(select(ContactPoint).where(
        ContactPoint.company_id == company.id, ContactPoint.kind == "website")).first()
    if record is None and company.enriched_at is None:
        return None
    data: dict[str, Any] = {
        "enriched_at": utc_iso(company.enriched_at),
        "website": website.value if website else company.website,
        "website_status": website.status if website else None,
        "website_reason": website.status_reason if website else None,
        "pages": [], "facts": {},
    }
    if record is not None:
        lead = record.data
        evidence = (lead.get("source") or {}).get("evidence") or {}
        extra = lead.get("extra") or {}
        data["pages"] = extra.get("pages", [])
        values = {
            "description": lead.get("description"), "legal_name": lead.get("legal_name"),
            "founded_year": (lead.get("size") or {}).get("founded_year"),
            "employees": (lead.get("size") or {}).get("employees"),
            "language": extra.get("language"), "icp": extra.get("icp"),
            "address": (lead.get("address") or {}).get("full"),
        }
        data["facts"] = {key: {"value": values[key], "source_url": evidence.get(key)}
                         for key in _FACTS if values.get(key)}
    return data


def website_section(session: Session, company: Company) -> Any:
    """The explain section (an ``ExplainSection``), or None when never enriched."""
    from leadgen.explain import ExplainSection

    data = website_section_data(session, company)
    if data is None:
        return None
    lines = [f"visited {data['enriched_at'] or 'never'}: {data['website']} "
             f"[{data['website_status'] or 'unchecked'}"
             + (f": {data['website_reason']}" if data["website_reason"] else "") + "]"]
    lines += [f"read {url}" for url in data["pages"]]
    for key, fact in data["facts"].items():
        value = str(fact["value"])
        value = value if len(value) <= 80 else value[:77] + "..."
        lines.append(f"{key}: {value}  <- {fact['source_url'] or 'website'}")
    return ExplainSection("Website enrichment", lines, data)


def _register() -> None:
    try:
        from leadgen.explain import register_section
    except ImportError:  # explain is optional for enrichment
        return
    register_section("website", website_section, order=45)


_register()
