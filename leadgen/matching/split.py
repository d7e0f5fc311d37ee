"""Undo a wrong merge: move some of a company's records to a company of their own.

The records keep their ids and provenance; both companies' fields are recomputed from their
records by the survivorship rules, their matching profiles and blocking keys rebuilt, and the
decision is kept (anchored on the records) so that ``leadgen dedupe`` does not merge them back.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from leadgen.exceptions import InputError
from leadgen.ingest.records import contact_rows
from leadgen.matching.review import (
    drop_departed_contacts,
    rebuild_company,
    record_decision,
    record_pair_decision,
)
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.storage.ids import fresh_id
from leadgen.storage.locks import hold_ingest_lock
from leadgen.storage.runs import customer_record_ids
from leadgen.storage.tables import COMPANIES, CONTACTS, RECORDS


def split_company(engine: Engine, company_id: int, record_ids: list[int],
                  rules: MatchingRules | None = None) -> int:
    """Move ``record_ids`` (records of ``company_id``) to a new company; returns its id.

    Raises :class:`InputError` when the company does not exist, a record is not one of its
    records, or every record would leave (nothing would be split)."""
    rules = rules or load_rules()
    moving = sorted(set(record_ids))
    with engine.begin() as connection:
        hold_ingest_lock(connection)
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
        moving = _with_versions(connection, company_id, moving)
        if len(moving) == len(records):
            raise InputError(f"these are all the records of company {company_id}: keep at "
                             "least one")
        now = datetime.now(UTC)
        fresh = fresh_id(connection, COMPANIES)  # no merged-away company's id (SQLite)
        new_id = connection.execute(insert(COMPANIES).values(
            **({"id": fresh} if fresh is not None else {}), display_name="", name_key="",
            categories=[], size={}, social=[], extra={}, status="new", field_sources={},
            first_seen=now, last_seen=now,
        ).returning(COMPANIES.c.id)).scalar_one()
        connection.execute(update(RECORDS).where(RECORDS.c.id.in_(moving)).values(
            company_id=new_id, match_evidence={"decision": "split", "via": "review",
                                               "from_company": company_id,
                                               "company_id": new_id}))
        # Contacts found on the moved records' pages go with them; those also on a page that
        # stays, and those found elsewhere (the company's own website), stay.
        drop_departed_contacts(connection, [(company_id, records[record_id])
                                            for record_id in moving])
        leads = rebuild_company(connection, new_id, None, moving, rules, now)
        contacts = list({(row["kind"], row["value"]): row for lead in leads
                         for row in contact_rows(lead, new_id, now)}.values())
        if contacts:
            connection.execute(insert(CONTACTS), contacts)
        rebuild_company(connection, company_id, row, moving, rules, now)
        _customer_status(connection, {new_id: moving, company_id: sorted(set(records) - set(
            moving))}, row.status)
        record_decision(connection, company_id, new_id, "different")
        # Each side's records stay together: a "different" between the two sides' first
        # records alone let dedupe put a moved record back, or keep the moved records and
        # send the company's first one away (a record matching both sides went where it
        # matched best, and took its side with it).
        for side in (sorted(set(records) - set(moving)), moving):
            for other in side[1:]:
                record_pair_decision(connection, side[0], other, "same", via="split")
    return int(new_id)


def _customer_status(connection: Connection, sides: dict[int, list[int]], status: str) -> None:
    """A side holding a record imported ``--as customers`` is a customer, and a customer's
    other side, holding none, is not (records imported before imports were logged tell
    nothing: then the status stays with the company, as ``status`` was)."""
    customers = customer_record_ids(connection, [i for ids in sides.values() for i in ids])
    if not customers:
        return
    for company_id, record_ids in sides.items():
        if customers & set(record_ids):
            if status != "excluded":
                connection.execute(update(COMPANIES).where(COMPANIES.c.id == company_id)
                                   .values(status="customer"))
        elif status == "customer":
            connection.execute(update(COMPANIES).where(COMPANIES.c.id == company_id)
                               .values(status="new"))


def _with_versions(connection: Connection, company_id: int, moving: list[int]) -> list[int]:
    """``moving`` with the older versions of each record in it (history goes with its
    record). An older version cannot move without its newest: alone it made a company of
    what the list no longer says, which took the company's contacts."""
    versions: dict[tuple[str, str], list[int]] = {}
    for record_id, source_id, key in connection.execute(
            select(RECORDS.c.id, RECORDS.c.source_id, RECORDS.c.record_key)
            .where(RECORDS.c.company_id == company_id).order_by(RECORDS.c.id)):
        versions.setdefault((source_id, key), []).append(record_id)
    chosen = set(moving)
    for ids in versions.values():
        newest, older = ids[-1], ids[:-1]
        if newest in chosen:
            chosen.update(older)
        elif stray := sorted(chosen & set(older)):
            raise InputError(f"record {stray[0]} is an older version of record {newest} (the "
                             f"same row of its source): move record {newest}, and its older "
                             "versions go with it")
    return sorted(chosen)
