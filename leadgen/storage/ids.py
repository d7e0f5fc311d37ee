"""Fresh ids on SQLite that no deleted row had (see :class:`leadgen.storage.models.IdWatermark`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from leadgen.storage.models import IdWatermark

WATERMARKS: Table = IdWatermark.__table__  # type: ignore[assignment]


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
