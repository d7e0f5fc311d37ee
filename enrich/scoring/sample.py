"""Put plain lead facts straight into the database: for tests, the benchmark and evaluations.

Scoring only reads companies and contacts, so a test can set up exactly the facts a rule looks at
without a crawl. SQLite gets one raw ``executemany`` per table (a million leads in seconds);
other databases go through SQLAlchemy Core.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection, Engine

from enrich.scoring.text import fold
from leadgen.storage.models import Company, ContactPoint


@dataclass
class SampleContact:
    """A contact point: kind email/phone/website/person, with its check status."""

    kind: str
    value: str
    status: str | None = None
    decision_maker: bool = False
    title: str | None = None


@dataclass
class SampleLead:
    """The facts of one company, as the crawl and enrichment would have stored them."""

    name: str
    country: str | None = None
    region: str | None = None
    city: str | None = None
    categories: list[str] = field(default_factory=list)
    description: str | None = None
    products: list[str] = field(default_factory=list)
    size: dict[str, Any] = field(default_factory=dict)
    domain: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    status: str = "new"
    outcome: str | None = None
    contacts: list[SampleContact] = field(default_factory=list)


def _chunks(items: Iterable[SampleLead], size: int) -> Iterator[list[SampleLead]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _company_values(company_id: int, lead: SampleLead, now: str | datetime) -> dict[str, Any]:
    return {
        "id": company_id, "display_name": lead.name, "name_key": fold(lead.name),
        "registered_domain": lead.domain, "website": lead.website, "email": lead.email,
        "phone": lead.phone, "city": lead.city, "region": lead.region, "country": lead.country,
        "categories": lead.categories, "description": lead.description, "size": lead.size,
        "social": [], "extra": {"products": lead.products} if lead.products else {},
        "status": lead.status, "outcome": lead.outcome, "field_sources": {},
        "first_seen": now, "last_seen": now,
    }


def insert_leads(engine: Engine, leads: Iterable[SampleLead], batch: int = 50_000) -> list[int]:
    """Insert ``leads`` (and their contacts); returns the new company ids in order."""
    ids: list[int] = []
    with engine.begin() as connection:
        next_id = (connection.execute(select(func.max(Company.id))).scalar() or 0) + 1
        for chunk in _chunks(leads, batch):
            chunk_ids = list(range(next_id, next_id + len(chunk)))
            next_id += len(chunk)
            if connection.dialect.name == "sqlite":
                _insert_sqlite(connection, chunk_ids, chunk)
            else:
                _insert_core(connection, chunk_ids, chunk)
            ids.extend(chunk_ids)
    return ids


def _insert_core(connection: Connection, ids: list[int], leads: list[SampleLead]) -> None:
    now = datetime.now(UTC)
    connection.execute(insert(Company), [_company_values(i, lead, now) for i, lead in zip(
        ids, leads, strict=True)])
    contacts: list[dict[str, Any]] = [
        {"company_id": i, "kind": c.kind, "value": c.value, "status": c.status,
         "decision_maker": c.decision_maker, "title": c.title, "details": {},
         "person_name": c.value if c.kind == "person" else None, "found_at": now}
        for i, lead in zip(ids, leads, strict=True) for c in lead.contacts
    ]
    if contacts:
        connection.execute(insert(ContactPoint), contacts)


_COMPANY_COLUMNS = (
    "id", "display_name", "name_key", "registered_domain", "website", "email", "phone", "city",
    "region", "country", "categories", "description", "size", "social", "extra", "status",
    "outcome", "field_sources", "first_seen", "last_seen",
)
_JSON_COLUMNS = {"categories", "size", "social", "extra", "field_sources"}


def _insert_sqlite(connection: Connection, ids: list[int], leads: list[SampleLead]) -> None:
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    rows = []
    for company_id, lead in zip(ids, leads, strict=True):
        values = _company_values(company_id, lead, now)
        rows.append(tuple(
            json.dumps(values[c], ensure_ascii=False) if c in _JSON_COLUMNS else values[c]
            for c in _COMPANY_COLUMNS
        ))
    marks = ", ".join("?" for _ in _COMPANY_COLUMNS)
    connection.exec_driver_sql(
        f"INSERT INTO companies ({', '.join(_COMPANY_COLUMNS)}) VALUES ({marks})", rows
    )
    contacts = [
        (i, c.kind, c.value, c.value if c.kind == "person" else None, c.title,
         int(c.decision_maker), c.status, "{}", now)
        for i, lead in zip(ids, leads, strict=True) for c in lead.contacts
    ]
    if contacts:
        connection.exec_driver_sql(
            "INSERT INTO contacts (company_id, kind, value, person_name, title, decision_maker, "
            "status, details, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            contacts,
        )
