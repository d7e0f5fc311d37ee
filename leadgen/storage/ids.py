"""Fresh ids on SQLite that no deleted row had (see :class:`leadgen.storage.models.IdWatermark`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.engine import Connection

from leadgen.storage.models import IdWatermark, MergedCompany, utcnow

WATERMARKS: Table = IdWatermark.__table__  # type: ignore[assignment]
#: The largest id a row can have (SQLite's integers are 64 bits): a larger one names no row,
#: and the database refuses even to look it up.
MAX_ID = 2**63 - 1


def top_id_query(table: Table) -> Any:
    """A query of the highest id ``table`` holds or held (0 when none): new ids go above."""
    held = select(func.max(table.c.id)).scalar_subquery()
    deleted = select(WATERMARKS.c.top).where(WATERMARKS.c.name == table.name).scalar_subquery()
    return select(func.max(func.coalesce(held, 0), func.coalesce(deleted, 0)))


def fresh_id(connection: Connection, table: Table) -> int | None:
    """An id for a new row of ``table`` that no row had before, on SQLite (take it under the
    write lock); None on PostgreSQL, whose sequence gives one."""
    if connection.dialect.name != "sqlite":
        return None
    return int(connection.execute(top_id_query(table)).scalar() or 0) + 1


MERGED: Table = MergedCompany.__table__  # type: ignore[assignment]


def record_merges(connection: Connection, merges: list[tuple[int, int]]) -> None:
    """Keep where each (merged-away company, company that took its records) went."""
    if not merges:
        return
    now = utcnow()
    connection.execute(delete(MERGED).where(MERGED.c.id.in_([gone for gone, _ in merges])))
    connection.execute(insert(MERGED), [{"id": gone, "into_id": into, "merged_at": now}
                                        for gone, into in merges])


def row_id(text: str) -> int | None:
    """The id ``text`` writes ("42"), or None where it writes none, or one no row can have
    (beyond :data:`MAX_ID`)."""
    text = text.strip()
    if not text.isdecimal() or len(text) > len(str(MAX_ID)):  # (int() refuses 4,301 digits)
        return None
    number = int(text)
    return number if number <= MAX_ID else None


def merged_into(connection: Connection, company_id: int,
                exists: Callable[[int], bool]) -> int | None:
    """The company a merged-away ``company_id`` went into, following later merges (``exists``
    tells whether an id is a company now); None when it was never merged."""
    seen = {company_id}
    current = company_id
    while (into := connection.execute(select(MERGED.c.into_id).where(
            MERGED.c.id == current)).scalar()) is not None and into not in seen:
        if exists(into):
            return int(into)
        seen.add(into)
        current = into
    return None
