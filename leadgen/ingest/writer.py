"""Batched writes: one transaction per batch, ids handed out up front, executemany inserts.

SQLite: the batch takes the write lock (``BEGIN IMMEDIATE``) when it starts, so the ids it hands
out (``max(id) + 1 ...``) cannot collide with another writer's. PostgreSQL: ids come from the
tables' sequences in blocks, which is safe with concurrent writers.

Background mode (SQLite files, for bulk loads): each committed batch goes to a writer process
(:mod:`leadgen.sqlite_writer`) and the next batch is matched while it is written. Ids then
come from counters kept here; the writer process checks under the write lock that nobody else
took them and otherwise stops the load with a clear error (nothing of that batch is stored).
"""

from __future__ import annotations

import fcntl
import json
import operator
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Table, bindparam, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from leadgen.exceptions import StorageError
from leadgen.sqlite_writer import encode_job, receive, send, write_frames
from leadgen.storage.ids import top_id_query
from leadgen.storage.locks import hold_ingest_lock

_ID_BLOCK = 512
_PIPE_BYTES = 1 << 20
SQLITE_CACHE_KIB = 256 * 1024


class RawJSON(str):
    """A value already serialized as JSON text; the SQLite fast path stores it as is."""


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, RawJSON):
        return str(value)  # a plain str: the writer process takes plain data only
    if not value and isinstance(value, dict | list):
        return "[]" if isinstance(value, list) else "{}"
    return orjson.dumps(value, default=str).decode()


#: How SQLAlchemy stores a DATETIME in SQLite by default (the time zone is not stored).
SQLITE_DATETIME_FORMAT = ("%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:"
                          "%(second)02d.%(microsecond)06d")


def sqlite_datetime(fallback: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLAlchemy's SQLite DATETIME converter, six times faster for datetimes (every record
    has its own fetch time): the same text, ``isoformat`` in C instead of a %-format. The
    time zone is cut off the text (its first 26 characters are the wall time, the year
    always four digits), not off the value: ``replace`` cost a third of the conversion."""
    def convert(value: Any) -> Any:
        if type(value) is datetime:
            return value.isoformat(" ", "microseconds")[:26]
        return fallback(value)
    return convert


def _constant(column: tuple[Any, ...], process: Callable[[Any], Any] | None) -> str | None:
    """The SQL literal of a column that holds one value on every row of a batch (its time, a
    run id, NULLs), converted by ``process``; None when the values differ or have no literal.

    Written as a literal, the value is converted once and neither bound nor, in background
    mode, sent per row."""
    first = column[0]
    if column.count(first) != len(column):
        return None
    kind = type(first)
    if first is not None and kind is not str and len(set(map(type, column))) > 1:
        return None  # 1 == 1.0 == True: equal, but not stored alike
    value = process(first) if process is not None else first
    if value is None:
        return "NULL"
    if type(value) is str or type(value) is RawJSON:
        return None if "\x00" in value else "'" + value.replace("'", "''") + "'"
    if type(value) is int or type(value) is bool:
        return str(int(value))
    return None


def _with_literals(sql: str, literals: list[str | None]) -> str:
    """``sql`` (one ``?`` per column, in order) with the given columns' literals in place."""
    pieces = sql.split("?")
    if len(pieces) != len(literals) + 1:
        raise ValueError(f"expected {len(literals)} placeholders in {sql!r}")
    out = [pieces[0]]
    for literal, piece in zip(literals, pieces[1:], strict=True):
        out.append("?" if literal is None else literal)
        out.append(piece)
    return "".join(out)


class BatchWriter:
    """Owns the open transaction of the current batch and allocates ids inside it."""

    def __init__(self, engine: Engine, *, background: bool = False, read_only: bool = False):
        """``read_only``: a dry run's writer. It never takes a write lock (SQLite: a deferred
        transaction, which other writers can write beside), hands out ids from counters (a
        PostgreSQL sequence would be used up) and refuses writes."""
        self.engine = engine
        self.read_only = read_only
        self._first: dict[str, int] = {}  # read-only: the first id handed out per table
        self.dialect = engine.dialect.name
        self.connection: Connection | None = None
        self._next: dict[str, int] = {}
        self._pool: dict[str, list[int]] = {}
        self._plans: dict[tuple[Any, ...], tuple[str, list[Any]]] = {}
        database = engine.url.database
        self.background = bool(background and not read_only and self.dialect == "sqlite"
                               and database
                               and database != ":memory:" and not database.startswith("file:"))
        self._job: list[tuple[str, list[Any]]] = []
        self._guards: dict[str, int] = {}
        self._process: Any = None
        self._sending: threading.Thread | None = None  # the batch in flight, until waited for
        self._send_error: OSError | None = None

    @property
    def active(self) -> bool:
        return self.connection is not None or bool(self._job) or bool(self._guards)

    def read(self, statement: Any) -> list[Any]:
        """Rows of a query, seeing every batch committed so far."""
        if not self.background:
            return list(self.begin().execute(statement))
        self.wait()
        with self.engine.connect() as connection:
            return list(connection.execute(statement))

    def begin(self) -> Connection:
        """Start the batch transaction if not started yet: it takes SQLite's write lock, or on
        PostgreSQL the ingest advisory lock (:data:`INGEST_LOCK_KEY`), until it ends."""
        if self.background:
            raise RuntimeError("a background BatchWriter has no batch connection; use read()")
        if self.connection is None:
            connection = self.engine.connect()
            if self.dialect == "sqlite":
                # Index inserts land on random pages: a big page cache keeps them in memory
                # (SQLite's default is 2 MB). Negative means KiB.
                connection.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
                connection.exec_driver_sql("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
            elif self.dialect == "postgresql" and not self.read_only:
                # ingest batches of several processes follow one another, as SQLite's write
                # lock makes them do
                hold_ingest_lock(connection)
            self.connection = connection
            self._next.clear()
            self._pool.clear()
        return self.connection

    def next_id(self, table: Table) -> int:
        """A fresh primary key for ``table``, valid within this batch."""
        if self.background or self.read_only:
            return self._counted_id(table)
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
        if name not in self._next:  # above any id a deleted row had (SQLite reuses them)
            current = connection.execute(top_id_query(table)).scalar()
            self._next[name] = (current or 0) + 1
        value = self._next[name]
        self._next[name] = value + 1
        return value

    def _counted_id(self, table: Table) -> int:
        """Counters live across batches; in the background the writer process guards them
        (see module doc)."""
        name = table.name
        if name not in self._next:
            (current,) = self.read(top_id_query(table) if self.dialect == "sqlite"
                                   else select(func.max(table.c.id)))[0]
            self._next[name] = (current or 0) + 1
            self._first[name] = self._next[name]
        value = self._next[name]
        self._next[name] = value + 1
        if self.background:
            self._guards.setdefault(name, value)
        return value

    def _check_writable(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only BatchWriter (a dry run) stores nothing")

    def handed_out(self, table: Table, row_id: int) -> bool:
        """Read-only mode: whether ``row_id`` of ``table`` is one this writer handed out
        (a row a dry run made and did not store)."""
        first = self._first.get(table.name)
        return first is not None and row_id >= first

    def insert(self, table: Table, rows: list[dict[str, Any]], *, ignore_conflicts: bool = False,
               ) -> None:
        self._check_writable()
        if not rows:
            return
        if self.background:
            self._sqlite_executemany(None, table, rows, ignore_conflicts)
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

    def insert_tuples(self, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                      *, ignore_conflicts: bool = False, encoded: frozenset[str] = frozenset(),
                      ) -> None:
        """:meth:`insert` for rows given as tuples in ``columns`` order (cheaper to build).

        ``encoded``: JSON columns whose values are already JSON text (encoded while the value
        was fresh in the CPU cache: a batch's thousands of values, walked again at write time,
        cost several times more)."""
        self._check_writable()
        if not rows:
            return
        if self.dialect != "sqlite":
            positions = [columns.index(name) for name in encoded]
            self.insert(table, [dict(zip(columns, [
                RawJSON(value) if position in positions and value is not None else value
                for position, value in enumerate(row)], strict=True)) for row in rows],
                ignore_conflicts=ignore_conflicts)
            return
        connection = None if self.background else self.begin()
        self._sqlite_execute(connection, self._insert_plan(table, columns, ignore_conflicts,
                                                           encoded), rows)

    def _sqlite_executemany(self, connection: Connection | None, table: Table,
                            rows: list[dict[str, Any]], ignore_conflicts: bool) -> None:
        """Plain DB-API executemany with the dialect's own value formats (no ORM overhead)."""
        columns = tuple(rows[0])
        self._sqlite_run(connection, self._insert_plan(table, columns, ignore_conflicts), columns,
                         rows)

    def _insert_plan(self, table: Table, columns: tuple[str, ...], ignore_conflicts: bool,
                     encoded: frozenset[str] = frozenset()) -> tuple[str, list[Any]]:
        key = (table.name, columns, ignore_conflicts, encoded)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._sqlite_plan(table, columns, ignore_conflicts, encoded)
            self._plans[key] = plan
        return plan

    def _sqlite_run(self, connection: Connection | None, plan: tuple[str, list[Any]],
                    columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
        getter: Callable[[dict[str, Any]], Any] = operator.itemgetter(*columns)
        if len(columns) == 1:
            column = columns[0]
            getter = lambda row: (row[column],)  # noqa: E731 - itemgetter of one is no tuple
        self._sqlite_execute(connection, plan, [getter(row) for row in rows])

    def _sqlite_execute(self, connection: Connection | None, plan: tuple[str, list[Any]],
                        rows: list[tuple[Any, ...]]) -> None:
        """Convert the values that need it and run (or, in background mode, queue) the rows."""
        sql, processors = plan
        params: list[Any] = rows
        if processors and len(rows) > 1:
            # Column by column: ``map`` runs each converter in a C loop (a batch is thousands
            # of rows; converting row by row in Python cost a fifth of the ingesting process).
            columns = list(zip(*rows, strict=True))
            converters = dict(processors)
            literals: list[str | None] = []
            for position, column in enumerate(columns):
                process = converters.get(position)
                literal = _constant(column, process)
                if literal is None and process is not None:
                    columns[position] = tuple(map(process, column))
                literals.append(literal)
            if any(literal is not None for literal in literals):
                sql = _with_literals(sql, literals)
                columns = [column for column, literal in zip(columns, literals, strict=True)
                           if literal is None]
            params = list(zip(*columns, strict=True)) if columns else [()] * len(rows)
        elif processors:
            params = [tuple(row) for row in rows]
            for position, process in processors:
                params = [(*row[:position], process(row[position]), *row[position + 1:])
                          for row in params]
        if connection is None:  # background mode: written by the writer process on commit
            self._job.append((sql, params))
            return
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(sql, params)
        finally:
            cursor.close()

    def _sqlite_update(self, connection: Connection | None, table: Table,
                       rows: list[dict[str, Any]]) -> None:
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(k for k in row if k != "id") + ("id",), []).append(row)
        for columns, group in groups.items():
            key = (table.name, columns, "update")
            plan = self._plans.get(key)
            if plan is None:
                _, processors = self._sqlite_plan(table, columns, False)
                sets = ", ".join(f"{name} = ?" for name in columns[:-1])
                plan = (f"UPDATE {table.name} SET {sets} WHERE id = ?", processors)
                self._plans[key] = plan
            self._sqlite_run(connection, plan, columns, group)

    def _sqlite_plan(self, table: Table, columns: tuple[str, ...], ignore_conflicts: bool,
                     encoded: frozenset[str] = frozenset()) -> tuple[str, list[Any]]:
        dialect = self.engine.dialect
        processors: list[tuple[int, Callable[[Any], Any]]] = []
        for position, name in enumerate(columns):
            column_type = table.c[name].type
            if name in encoded:
                continue  # JSON text already: stored as it is
            if isinstance(column_type, JSON):
                processors.append((position, _json))
            elif isinstance(column_type, Boolean):
                continue  # sqlite3 stores bool as 0/1 itself
            else:
                impl = column_type.dialect_impl(dialect)
                process: Callable[[Any], Any] | None = impl.bind_processor(dialect)
                if process is not None and getattr(impl, "_storage_format", None) == (
                        SQLITE_DATETIME_FORMAT):
                    process = sqlite_datetime(process)
                if process is not None:  # SQLAlchemy's converters pass None through
                    processors.append((position, process))
        verb = "INSERT OR IGNORE" if ignore_conflicts else "INSERT"
        sql = (f"{verb} INTO {table.name} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        return sql, processors

    def execute_sqlite(self, sql: str, params: list[tuple[Any, ...]]) -> None:
        """Run a plain SQLite statement once per row of ``params`` in the batch (queued for
        the writer process in background mode, so it runs in order with the batch's rows)."""
        self._check_writable()
        if params:
            self._sqlite_execute(None if self.background else self.begin(), (sql, []), params)

    def update_by_id(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Executemany UPDATE keyed by ``id`` (rows must share the same columns)."""
        self._check_writable()
        if not rows:
            return
        if self.background:
            self._sqlite_update(None, table, rows)
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

    def commit(self) -> None:
        if self.background:
            self._submit()
            return
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

    def _submit(self) -> None:
        """Hand the batch to the writer process (after the previous one is stored).

        The frames are written from a thread: the writer process reads a statement only
        after running the one before, so writing them from here would hold the matching of
        the next batch until this one is nearly stored."""
        if not self._job:
            self._guards.clear()
            return
        self.wait()
        if self._process is None:
            self._start()
        guards = [(str(name), first) for name, first in sorted(self._guards.items())]
        try:
            frames = encode_job(guards, self._job)
        except ValueError as exc:  # a value marshal cannot carry: a bug, not bad input
            raise StorageError(f"cannot write ingest batch to {self.engine.url.database}: "
                               f"a row holds a value of an unsupported type ({exc})") from exc
        self._job, self._guards = [], {}
        self._sending = threading.Thread(target=self._send_frames, args=(frames,),
                                         name="leadgen-batch-send", daemon=True)
        self._sending.start()

    def _send_frames(self, frames: list[bytes]) -> None:
        try:
            write_frames(self._process.stdin, frames)
        except OSError as exc:
            self._send_error = exc

    def _start(self) -> None:
        # A plain child process (not multiprocessing): it works from any calling script,
        # guarded by ``if __name__ == "__main__"`` or not.
        self._process = subprocess.Popen(
            [sys.executable, "-m", "leadgen.sqlite_writer",
             os.path.abspath(str(self.engine.url.database)), str(SQLITE_CACHE_KIB)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        if hasattr(fcntl, "F_SETPIPE_SZ"):  # Linux: a batch is megabytes; the default 64 KiB
            try:                             # pipe switches processes every 64 KiB
                fcntl.fcntl(self._process.stdin.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
            except OSError:
                pass  # above /proc/sys/fs/pipe-max-size: the default size works too

    def wait(self) -> None:
        """Block until the batch in the writer process is stored; raise if it was not."""
        if self._sending is None:
            return
        self._sending.join()
        self._sending = None
        if self._send_error is not None:
            exc, self._send_error = self._send_error, None
            raise StorageError(f"cannot write ingest batch to {self.engine.url.database}: "
                               f"the writer process stopped ({exc})") from exc
        try:
            error = receive(self._process.stdout)
        except (EOFError, ValueError, OSError):
            error = f"the writer process stopped (exit status {self._process.poll()})"
        if error:
            raise StorageError(f"cannot write ingest batch to {self.engine.url.database}: {error}")

    def close(self) -> None:
        """Wait for the last batch and stop the writer process (background mode)."""
        if self._process is None:
            return
        try:
            self.wait()
        finally:
            process, self._process = self._process, None
            try:
                send(process.stdin, None)
                process.stdin.close()
            except OSError:
                pass
            process.wait(timeout=60)
            process.stdout.close()

    def rollback(self) -> None:
        self._job, self._guards = [], {}
        if self.connection is not None:
            self.connection.rollback()
            self.connection.close()
            self.connection = None
