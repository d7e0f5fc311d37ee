"""Possible matches: list them, merge a pair into one company, or reject it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection, Engine

from leadgen.exceptions import InputError
from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.ingest.survivorship import COMPANY_COLUMNS, candidate_values, recompute
from leadgen.items import Lead
from leadgen.matching.profile import MatchProfile, blocking_keys, profile_of
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.normalize import normalize_lead
from leadgen.storage.models import STATUS_PRECEDENCE
from leadgen.storage.tables import COMPANIES, CONTACTS, KEYS, POSSIBLE, RECORDS


def open_possible_matches(engine: Engine, limit: int = 50) -> list[dict[str, Any]]:
    """Open possible matches, highest score first, with both companies' names."""
    a, b = COMPANIES.alias("a"), COMPANIES.alias("b")
    query = (
        select(POSSIBLE.c.id, POSSIBLE.c.score, POSSIBLE.c.evidence, POSSIBLE.c.company_a,
               POSSIBLE.c.company_b, a.c.display_name.label("name_a"),
               b.c.display_name.label("name_b"))
        .join(a, a.c.id == POSSIBLE.c.company_a)
        .join(b, b.c.id == POSSIBLE.c.company_b)
        .where(POSSIBLE.c.status == "open")
        .order_by(POSSIBLE.c.score.desc(), POSSIBLE.c.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def _get_pair(connection: Connection, match_id: int) -> Any:
    row = connection.execute(select(POSSIBLE).where(POSSIBLE.c.id == match_id)).first()
    if row is None:
        raise InputError(f"no possible match with id {match_id}; list them with leadgen review")
    if row.status != "open":
        raise InputError(f"possible match {match_id} is already {row.status}")
    return row


def reject(engine: Engine, match_id: int) -> None:
    """Mark a possible match as not the same company (it will not be proposed again)."""
    with engine.begin() as connection:
        _get_pair(connection, match_id)
        connection.execute(update(POSSIBLE).where(POSSIBLE.c.id == match_id)
                           .values(status="rejected"))


def merge_pair(engine: Engine, match_id: int, rules: MatchingRules | None = None) -> int:
    """Merge the two companies of a possible match; returns the id that remains."""
    with engine.begin() as connection:
        pair = _get_pair(connection, match_id)
        keep, absorb = pair.company_a, pair.company_b
        connection.execute(update(POSSIBLE).where(POSSIBLE.c.id == match_id)
                           .values(status="merged"))
        merge_companies(connection, keep, absorb, rules or load_rules(),
                        evidence={"decision": "match", "via": "review", "possible_match": match_id,
                                  "score": pair.score})
    return int(keep)


def merge_companies(connection: Connection, keep: int, absorb: int, rules: MatchingRules,
                    evidence: dict[str, Any]) -> None:
    """Move every record, contact and key of ``absorb`` to ``keep``, then recompute ``keep``."""
    now = datetime.now(UTC)
    rows = {row.id: row for row in connection.execute(
        select(COMPANIES).where(COMPANIES.c.id.in_([keep, absorb])))}
    if keep not in rows or absorb not in rows:
        raise InputError(f"company {keep if keep not in rows else absorb} no longer exists")
    connection.execute(update(RECORDS).where(RECORDS.c.company_id == absorb)
                       .values(company_id=keep, match_evidence={**evidence, "company_id": keep}))
    existing = set(connection.execute(
        select(CONTACTS.c.kind, CONTACTS.c.value).where(CONTACTS.c.company_id == keep)).all())
    for contact_id, kind, value in connection.execute(
            select(CONTACTS.c.id, CONTACTS.c.kind, CONTACTS.c.value)
            .where(CONTACTS.c.company_id == absorb)).all():
        if (kind, value) not in existing:
            connection.execute(update(CONTACTS).where(CONTACTS.c.id == contact_id)
                               .values(company_id=keep))
    records = connection.execute(
        select(RECORDS.c.id, RECORDS.c.source_id, RECORDS.c.data)
        .where(RECORDS.c.company_id == keep)).all()
    offers, profile = [], MatchProfile()
    for record in records:
        try:
            lead = normalize_lead(Lead.model_validate(record.data))
        except ValidationError:
            continue
        offers.append((record.id, record.source_id, rules.survivorship.trust_of(record.source_id),
                       lead.lead.source.fetched_at.isoformat(), candidate_values(lead)))
        profile = profile.merged(profile_of(lead, rules))
    state, sources = recompute(offers, rules.survivorship)
    extra = {**(rows[absorb].extra or {}), **(rows[keep].extra or {}),
             PROFILE_KEY: profile.to_json()}
    status = next((s for s in STATUS_PRECEDENCE if s in (rows[keep].status, rows[absorb].status)),
                  "new")
    values = {column: state.get(column, getattr(rows[keep], column)) for column in COMPANY_COLUMNS}
    values.update(field_sources=sources, extra=extra, status=status, last_seen=now)
    connection.execute(delete(KEYS).where(KEYS.c.company_id.in_([keep, absorb])))
    keys = [{"company_id": keep, "kind": k, "value": v}
            for k, v in dict.fromkeys(blocking_keys(profile, rules))]
    if keys:
        connection.execute(KEYS.insert(), keys)
    connection.execute(delete(COMPANIES).where(COMPANIES.c.id == absorb))
    connection.execute(update(COMPANIES).where(COMPANIES.c.id == keep).values(**values))
