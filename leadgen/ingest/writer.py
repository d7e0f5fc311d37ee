"""Batched writes: one transaction per batch, ids handed out up front, executemany inserts.

SQLite: the batch takes the write lock (``BEGIN IMMEDIATE``) when it starts, so the ids it hands
out (``max(id) + 1 ...``) cannot collide with another writer's. PostgreSQL: ids come from the
tables' sequences in blocks, which is safe with concurrent writers.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Table, bindparam, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from leadgen.exceptions import StorageError

_ID_BLOCK = 512
SQLITE_CACHE_KIB = 256 * 1024


class RawJSON(str):
    """A value already serialized as JSON text; the SQLite fast path stores it as is."""


def _json(value: Any) -> str:
    if isinstance(value, RawJSON):
        return value
    if not value and isinstance(value, dict | list):
        return "[]" if isinstance(value, list) else "{}"
    return orjson.dumps(value, default=str).decode()


class BatchWriter:
    """Owns the open transaction of the current batch and allocates ids inside it."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name
        self.connection: Connection | None = None
        self._next: dict[str, int] = {}
        self._pool: dict[str, list[int]] = {}
        self._plans: dict[tuple[str, tuple[str, ...], bool], tuple[str, list[Any]]] = {}

    @property
    def active(self) -> bool:
        return self.connection is not None

    def begin(self) -> Connection:
        """Start the batch transaction (taking SQLite's write lock) if not started yet."""
        if self.connection is None:
            connection = self.engine.connect()
            if self.dialect == "sqlite":
                # Index inserts land on random pages: a big page cache keeps them in memory
                # (SQLite's default is 2 MB). Negative means KiB.
                connection.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            self.connection = connection
            self._next.clear()
            self._pool.clear()
        return self.connection

    def next_id(self, table: Table) -> int:
        """A fresh primary key for ``table``, valid within this batch."""
        connection = self.begin()
        name = table.name
        if self.dialect == "postgresql":
            pool = self._pool.setdefault(name, [])
            if not pool:
                sequence = connection.execute(
                    text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": name}
                ).scalar_one()
                rows = connection.execute(
                    text("SELECT nextval(:s) FROM generate_series(1, :n)"),
                    {"s": sequence, "n": _ID_BLOCK},
                )
                pool.extend(sorted((row[0] for row in rows), reverse=True))
            return pool.pop()
        if name not in self._next:
            current = connection.execute(select(func.max(table.c.id))).scalar()
            self._next[name] = (current or 0) + 1
        value = self._next[name]
        self._next[name] = value + 1
        return value

    def insert(self, table: Table, rows: list[dict[str, Any]], *, ignore_conflicts: bool = False,
               ) -> None:
        if not rows:
            return
        connection = self.begin()
        if self.dialect == "sqlite":
            self._sqlite_executemany(connection, table, rows, ignore_conflicts)
            return
        rows = [{k: (json.loads(v) if isinstance(v, RawJSON) else v) for k, v in row.items()}
                for row in rows]
        if ignore_conflicts:
            dialect_insert = pg_insert if self.dialect == "postgresql" else sqlite_insert
            statement = dialect_insert(table).on_conflict_do_nothing()
            connection.execute(statement, rows)
        else:
            connection.execute(table.insert(), rows)

    def _sqlite_executemany(self, connection: Connection, table: Table,
                            rows: list[dict[str, Any]], ignore_conflicts: bool) -> None:
        """Plain DB-API executemany with the dialect's own value formats (no ORM overhead)."""
        columns = tuple(rows[0])
        plan = self._plans.get((table.name, columns, ignore_conflicts))
        if plan is None:
            plan = self._sqlite_plan(table, columns, ignore_conflicts)
            self._plans[(table.name, columns, ignore_conflicts)] = plan
        self._sqlite_run(connection, plan, columns, rows)

    @staticmethod
    def _sqlite_run(connection: Connection, plan: tuple[str, list[Any]],
                    columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
        sql, processors = plan
        getter: Callable[[dict[str, Any]], Any] = operator.itemgetter(*columns)
        if len(columns) == 1:
            column = columns[0]
            getter = lambda row: (row[column],)  # noqa: E731 - itemgetter of one is no tuple
        if not processors:
            params: list[Any] = [getter(row) for row in rows]
        else:
            params = []
            for row in rows:
                values = list(getter(row))
                for position, process in processors:
                    value = values[position]
                    if value is not None:
                        values[position] = process(value)
                params.append(values)
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(sql, params)
        finally:
            cursor.close()

    def _sqlite_update(self, connection: Connection, table: Table,
                       rows: list[dict[str, Any]]) -> None:
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(k for k in row if k != "id") + ("id",), []).append(row)
        for columns, group in groups.items():
            key = (table.name, columns, "update")
            plan = self._plans.get(key)  # type: ignore[arg-type]
            if plan is None:
                _, processors = self._sqlite_plan(table, columns, False)
                sets = ", ".join(f"{name} = ?" for name in columns[:-1])
                plan = (f"UPDATE {table.name} SET {sets} WHERE id = ?", processors)
                self._plans[key] = plan  # type: ignore[index]
            self._sqlite_run(connection, plan, columns, group)

    def _sqlite_plan(self, table: Table, columns: tuple[str, ...], ignore_conflicts: bool,
                     ) -> tuple[str, list[Any]]:
        dialect = self.engine.dialect
        processors: list[tuple[int, Callable[[Any], Any]]] = []
        for position, name in enumerate(columns):
            column_type = table.c[name].type
            if isinstance(column_type, JSON):
                processors.append((position, _json))
            elif isinstance(column_type, Boolean):
                continue  # sqlite3 stores bool as 0/1 itself
            else:
                process = column_type.dialect_impl(dialect).bind_processor(dialect)
                if process is not None:
                    processors.append((position, lru_cache(maxsize=256)(process)))
        verb = "INSERT OR IGNORE" if ignore_conflicts else "INSERT"
        sql = (f"{verb} INTO {table.name} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        return sql, processors

    def update_by_id(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Executemany UPDATE keyed by ``id`` (rows must share the same columns)."""
        if not rows:
            return
        connection = self.begin()
        if self.dialect == "sqlite":
            self._sqlite_update(connection, table, rows)
            return
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            columns = tuple(sorted(k for k in row if k != "id"))
            by_columns.setdefault(columns, []).append({**row, "_id": row["id"]})
        for columns, group in by_columns.items():
            params = [{f"b_{k}": v for k, v in row.items() if k != "id"} for row in group]
            statement = (
                update(table)
                .where(table.c.id == bindparam("b__id"))
                .values({column: bindparam(f"b_{column}") for column in columns})
            )
            connection.execute(statement, params)

    def select_rows(self, statement: Any) -> Iterable[Any]:
        return self.begin().execute(statement)

    def commit(self) -> None:
        if self.connection is None:
            return
        try:
            self.connection.commit()
        except Exception as exc:  # pragma: no cover - surfaced as one line by the CLI
            self.connection.rollback()
            raise StorageError(f"cannot commit ingest batch: {exc}") from exc
        finally:
            self.connection.close()
            self.connection = None

    def rollback(self) -> None:
        if self.connection is not None:
            self.connection.rollback()
            self.connection.close()
            self.connection = None
