"""A contact person's title as the newest record gives it: a person is one contact row per
company (keyed by their name), which a later record naming them again left as it was, so a
promotion (Konstrukteur -> Geschäftsführer) never reached the authority score."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, or_, update

from leadgen.ingest.writer import BatchWriter
from leadgen.storage.tables import CONTACTS

#: :func:`update_titles` in SQLite (?1 company, ?2 person key, ?3 title, ?4 decision maker).
_UPDATE_SQLITE = (
    "UPDATE contacts SET title = ?3, decision_maker = ?4 WHERE company_id = ?1"
    " AND kind = 'person' AND value = ?2 AND (title IS NULL OR title != ?3)")


def update_titles(writer: BatchWriter, rows: list[tuple[Any, ...]]) -> None:
    """For each (company, person key, title, decision maker) of the batch's records: the
    person's stored title and decision-maker flag become these. Run after the batch's
    contacts are inserted (those already stored were kept by the insert)."""
    if not rows:
        return
    if writer.dialect == "sqlite":  # through the writer process on bulk loads
        writer.execute_sqlite(_UPDATE_SQLITE, rows)
        return
    writer.begin().execute(
        update(CONTACTS).where(and_(
            CONTACTS.c.company_id == bindparam("b_company"), CONTACTS.c.kind == "person",
            CONTACTS.c.value == bindparam("b_value"),
            or_(CONTACTS.c.title.is_(None), CONTACTS.c.title != bindparam("b_title"))))
        .values(title=bindparam("b_title"), decision_maker=bindparam("b_decision")),
        [{"b_company": company, "b_value": value, "b_title": title, "b_decision": decision}
         for company, value, title, decision in rows])
