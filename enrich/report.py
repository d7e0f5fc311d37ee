"""How to reach one company: its e-mails, phones, social links and decision makers, with statuses.

``contact_summary(session, company_id)`` is what ``leadgen export`` shows per company (JSON, and
flattened in CSV). Best first: valid before risky before unknown before invalid, then personal
before role accounts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leadgen.storage.models import ContactPoint, utc_iso

_STATUS_RANK = {"valid": 0, "risky": 1, None: 2, "unknown": 2, "invalid": 3}


def _channel(contact: ContactPoint) -> dict[str, Any]:
    details = contact.details or {}
    item: dict[str, Any] = {
        "value": contact.value,
        "status": contact.status,
        "reason": contact.status_reason,
        "source_url": contact.source_url,
        "found_at": utc_iso(contact.found_at),
    }
    if contact.kind == "social":
        item["network"] = details.get("network")
    if contact.kind == "email" and details.get("person"):
        item["person"] = details["person"]
    if contact.kind in ("phone", "fax"):
        # the check's (enrichment) or, unchecked, the type read on ingest
        item["type"] = (details.get("check") or {}).get("type") or details.get("kind")
        item["extension"] = details.get("extension")
    return item


def contact_summary(session: Session, company_id: int) -> dict[str, Any]:
    """E-mails, phones, fax, social links, website, decision makers and people of a company."""
    rows = list(session.scalars(
        select(ContactPoint).where(ContactPoint.company_id == company_id)
    ))
    rows.sort(key=lambda c: (_STATUS_RANK.get(c.status, 2),
                             c.status_reason == "role_account", c.found_at is None, c.value))
    summary: dict[str, Any] = {"emails": [], "phones": [], "fax": [], "social": [],
                               "websites": [], "decision_makers": [], "people": []}
    by_kind = {"email": "emails", "phone": "phones", "fax": "fax", "social": "social",
               "website": "websites"}
    statuses = {(c.kind, c.value): (c.status, c.status_reason) for c in rows}
    for contact in rows:
        if contact.kind in by_kind:
            summary[by_kind[contact.kind]].append(_channel(contact))
        elif contact.kind == "person":
            details = contact.details or {}
            email, phone = details.get("email"), details.get("phone")
            person = {
                "name": contact.person_name or contact.value,
                "title": contact.title,
                "email": email,
                "email_status": statuses.get(("email", str(email)), (None, None))[0],
                "phone": phone,
                "decision_maker": contact.decision_maker,
                "source_url": contact.source_url,
            }
            summary["people"].append(person)
            if contact.decision_maker:
                summary["decision_makers"].append(person)
    return summary
