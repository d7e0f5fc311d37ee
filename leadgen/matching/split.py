"""Undo a wrong merge: move some of a company's records to a company of their own.

The records keep their ids and provenance; both companies' fields are recomputed from their
records by the survivorship rules, their matching profiles and blocking keys rebuilt, and the
decision is kept (anchored on the records) so that ``leadgen dedupe`` does not merge them back.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from leadgen.exceptions import InputError
from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.ingest.records import contact_rows
from leadgen.ingest.survivorship import COMPANY_COLUMNS, FIELD_GROUPS
from leadgen.items import NormalizedLead
from leadgen.matching.review import (
    drop_departed_contacts,
    from_records,
    record_decision,
    record_pair_decision,
    replace_keys,
)
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.storage.tables import COMPANIES, CONTACTS, RECORDS

#: The empty value of a company column no record offers any more.
_EMPTY: dict[str, Any] = {"categories": [], "size": {}, "social": []}


def split_company(engine: Engine, company_id: int, record_ids: list[int],
                  rules: MatchingRules | None = None) -> int:
    """Move ``record_ids`` (records of ``company_id``) to a new company; returns its id.

    Raises :class:`InputError` when the company does not exist, a record is not one of its
    records, or every record would leave (nothing would be split)."""
    rules = rules or load_rules()
    moving = sorted(set(record_ids))
    with engine.begin() as connection:
        row = connection.execute(select(COMPANIES).where(COMPANIES.c.id == company_id)).first()
        if row is None:
            raise InputError(f"no company with id {company_id}")
        records = dict(connection.execute(select(RECORDS.c.id, RECORDS.c.page_url).where(
            RECORDS.c.company_id == company_id)).all())
        strangers = [record_id for record_id in moving if record_id not in records]
        if strangers:
            raise InputError(f"record {strangers[0]} is not a record of company {company_id}; "
                             f"its records: {', '.join(map(str, sorted(records)))} "
                             "(leadgen explain shows them)")
        if len(moving) == len(records):
            raise InputError(f"these are all the records of company {company_id}: keep at "
                             "least one")
        now = datetime.now(UTC)
        new_id = connection.execute(insert(COMPANIES).values(
            display_name="", name_key="", categories=[], size={}, social=[], extra={},
            status="new", field_sources={}, first_seen=now, last_seen=now,
        ).returning(COMPANIES.c.id)).scalar_one()
        connection.execute(update(RECORDS).where(RECORDS.c.id.in_(moving)).values(
            company_id=new_id, match_evidence={"decision": "split", "via": "review",
                                               "from_company": company_id,
                                               "company_id": new_id}))
        # Contacts found on the moved records' pages go with them; those also on a page that
        # stays, and those found elsewhere (the company's own website), stay.
        drop_departed_contacts(connection, [(company_id, records[record_id])
                                            for record_id in moving])
        leads = _rebuild(connection, new_id, None, moving, rules, now)
        contacts = list({(row["kind"], row["value"]): row for lead in leads
                         for row in contact_rows(lead, new_id, now)}.values())
        if contacts:
            connection.execute(insert(CONTACTS), contacts)
        _rebuild(connection, company_id, row, moving, rules, now)
        record_decision(connection, company_id, new_id, "different")
        # Each side's records stay together: a "different" between the two sides' first
        # records alone let dedupe put a moved record back, or keep the moved records and
        # send the company's first one away (a record matching both sides went where it
        # matched best, and took its side with it).
        for side in (sorted(set(records) - set(moving)), moving):
            for other in side[1:]:
                record_pair_decision(connection, side[0], other, "same", via="split")
    return int(new_id)


def _rebuild(connection: Connection, company_id: int, old: Any, moved: list[int],
             rules: MatchingRules, now: datetime) -> list[NormalizedLead]:
    """Recompute a company's fields, profile and keys from its records; ``old``: its row
    before the split (None for the new company). A field no record offers keeps its old value
    (set by enrichment, say) unless a moved record was where it came from."""
    state, sources, profile, leads = from_records(connection, company_id, rules)
    values: dict[str, Any] = {}
    old_sources = dict(old.field_sources or {}) if old is not None else {}
    for group, columns in FIELD_GROUPS.items():
        if group in sources:
            continue
        source = old_sources.get(group) or {}
        came_from = set(source.get("records") or [source.get("record")])
        if old is not None and not came_from & set(moved):
            values.update({column: getattr(old, column) for column in columns})
            if group in old_sources:
                sources[group] = old_sources[group]
    for column in COMPANY_COLUMNS:
        values.setdefault(column, state.get(column, _EMPTY.get(column)))
    extra = dict(old.extra or {}) if old is not None else {}
    extra[PROFILE_KEY] = profile.to_json()
    values.update(field_sources=sources, extra=extra, last_seen=now)
    connection.execute(update(COMPANIES).where(COMPANIES.c.id == company_id).values(**values))
    replace_keys(connection, company_id, profile, rules)
    return leads
