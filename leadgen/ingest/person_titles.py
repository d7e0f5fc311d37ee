"""A contact person's title as the newest record gives it, unless a more trusted source gave
the stored one: a person is one contact row per company (keyed by their name), which a later
record naming them again left as it was, so a promotion (Konstrukteur -> Geschäftsführer)
never reached the authority score; and a purchased list must not demote the managing
director a customer's own CRM export names ("Geschäftsführer" -> "Assistant").

The trust of the source that gave a stored title is kept in the contact's ``details``
(``title_trust``), and the record that changed it (``title_url``, which ``leadgen explain``
shows)."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import text

from leadgen.ingest.writer import BatchWriter
from leadgen.sqlite_writer import json_text

#: :func:`update_titles` in SQLite (?1 company, ?2 person key, ?3 title, ?4 decision maker,
#: ?5 the source's trust, ?6 the record's page).
_UPDATE_SQLITE = (
    "UPDATE contacts SET title = ?3, decision_maker = ?4, details = json_set("
    "coalesce(details, '{}'), '$.title_trust', ?5, '$.title_url', ?6) WHERE company_id = ?1"
    " AND kind = 'person' AND value = ?2 AND (title IS NULL OR title != ?3)"
    " AND coalesce(json_extract(details, '$.title_trust'), 0) <= ?5")
_UPDATE_POSTGRESQL = text(
    "UPDATE contacts SET title = :title, decision_maker = :decision, details = ("
    "coalesce(details::jsonb, '{}'::jsonb) || jsonb_build_object('title_trust', "
    "CAST(:trust AS float), 'title_url', CAST(:url AS text)))::json"
    " WHERE company_id = :company AND kind = 'person' AND value = :value"
    " AND (title IS NULL OR title != :title)"
    " AND coalesce((details::jsonb ->> 'title_trust')::float, 0) <= :trust")


def with_title_trust(row: tuple[Any, ...], trust: float) -> tuple[Any, ...]:
    """A contact row (:data:`leadgen.ingest.records.CONTACT_COLUMNS` without company and
    time, details as JSON text) with its source's trust in a person's details when it gives
    a title."""
    if row[0] != "person" or not row[3]:
        return row
    return (*row[:5], json_text({**orjson.loads(row[5] or "{}"), "title_trust": trust}),
            *row[6:])


def update_titles(writer: BatchWriter, rows: list[tuple[Any, ...]]) -> None:
    """For each (company, person key, title, decision maker, trust, record page) of the
    batch's records: the person's stored title and decision-maker flag become these, unless
    a more trusted source gave the stored title. Run after the batch's contacts are inserted
    (those already stored were kept by the insert)."""
    if not rows:
        return
    if writer.dialect == "sqlite":  # through the writer process on bulk loads
        writer.execute_sqlite(_UPDATE_SQLITE, rows)
        return
    writer.begin().execute(_UPDATE_POSTGRESQL, [
        {"company": company, "value": value, "title": title, "decision": decision,
         "trust": trust, "url": url}
        for company, value, title, decision, trust, url in rows])
