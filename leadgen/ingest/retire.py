"""A record's new version retires the contacts only its old version gave.

Which record gave which contact is not stored (a contact row keeps the page it was first found
on), so contacts go only when the company has no record of another source: none is dropped
that another source may still give.
"""

from __future__ import annotations

import json

from sqlalchemy import and_, delete, exists, not_, select

from leadgen.ingest.writer import BatchWriter
from leadgen.storage.tables import CONTACTS, RECORDS

#: :func:`retire_contacts` in SQLite (?1 company, ?2 old record, ?3 JSON list of "kind|value").
_RETIRE_SQLITE = (
    "DELETE FROM contacts WHERE company_id = ?1"
    " AND source_url IN (SELECT version.page_url FROM source_records version, source_records"
    " old WHERE old.id = ?2 AND version.source_id = old.source_id"
    " AND version.record_key = old.record_key)"
    " AND NOT EXISTS (SELECT 1 FROM source_records other, source_records old"
    " WHERE old.id = ?2 AND other.company_id = ?1"
    " AND NOT (other.source_id = old.source_id AND other.record_key = old.record_key))"
    " AND (kind || '|' || value) NOT IN (SELECT value FROM json_each(?3))")


def retire_contacts(writer: BatchWriter, rows: list[tuple[int, int, list[str]]]) -> None:
    """For each (company, old record id, contacts to keep as "kind|value"): delete the
    company's contacts found on the page of any version of the record (a file imported under
    another name each time: each version names its own) that the record's newer version does
    not give, when the company has no other record (a version of that one aside). Run in the
    batch before the newer version's contacts are inserted."""
    if not rows:
        return
    if writer.dialect == "sqlite":  # through the writer process on bulk loads
        writer.execute_sqlite(_RETIRE_SQLITE, [(company, old, json.dumps(keep))
                                               for company, old, keep in rows])
        return
    connection = writer.begin()
    other, old_record = RECORDS.alias("other"), RECORDS.alias("old")
    version = RECORDS.alias("version")
    for company, old, keep in rows:
        connection.execute(delete(CONTACTS).where(
            CONTACTS.c.company_id == company,
            CONTACTS.c.source_url.in_(select(version.c.page_url).where(
                old_record.c.id == old, version.c.source_id == old_record.c.source_id,
                version.c.record_key == old_record.c.record_key)),
            not_(exists().where(
                old_record.c.id == old, other.c.company_id == company,
                not_(and_(other.c.source_id == old_record.c.source_id,
                          other.c.record_key == old_record.c.record_key)))),
            (CONTACTS.c.kind + "|" + CONTACTS.c.value).not_in(keep)))
