"""A process that writes prepared SQLite batches, so that a bulk load's B-tree work runs on
another core while the loading process matches the next batch.

Deliberately small and outside the ``ingest`` package (only ``sqlite3`` and ``orjson`` are
imported): it starts
in a fresh interpreter in a fraction of a second. Jobs and answers travel as length-prefixed
:mod:`marshal` frames (plain ints, strings and None: faster both ways than pickle, and nothing
but data can arrive). A job is a header frame (the id guards and the number of statements)
followed by one frame per statement, so this process holds one statement's rows at a time
(a bulk batch of 15,000 records is tens of megabytes). Each job is one transaction: the id
guards are checked under the write lock (the loading process hands out ids itself, so another
writer slipping in between two batches must stop the load, never collide with it), then every
statement runs with ``executemany`` and the batch commits.
"""

from __future__ import annotations

import gc
import marshal
import signal
import sqlite3
import struct
import sys
from typing import Any, BinaryIO

import orjson

#: (table, first id this batch uses); (SQL, parameter rows)
Guard = tuple[str, int]
Statement = tuple[str, list[Any]]
_LENGTH = struct.Struct("<Q")


def json_text(value: Any) -> str:
    """A JSON column's value as the text stored (what SQLAlchemy's JSON type stores)."""
    if not value and isinstance(value, dict | list | None):
        return "[]" if isinstance(value, list) else "{}"
    return orjson.dumps(value, default=str).decode()


def send(stream: BinaryIO, value: Any) -> None:
    """Write one marshal frame (``value`` holds only plain data) and flush it."""
    write_frames(stream, [marshal.dumps(value)])


def encode_job(guards: list[Guard], statements: list[Statement]) -> list[bytes]:
    """A job's frames: its header, then each statement in a frame of its own. Every frame is
    encoded before the first is written (ValueError: a value marshal cannot carry), so a
    job is either sent whole or not at all."""
    frames = [marshal.dumps((guards, len(statements)))]
    frames += [marshal.dumps(statement) for statement in statements]
    return frames


def write_frames(stream: BinaryIO, frames: list[bytes]) -> None:
    """Write encoded frames, each after its length, and flush."""
    for data in frames:
        stream.write(_LENGTH.pack(len(data)))
        stream.write(data)
    stream.flush()


def receive(stream: BinaryIO) -> Any:
    """Read one frame written by :func:`send`; EOFError at the end of the stream."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError("end of stream")
    (size,) = _LENGTH.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("stream ended inside a frame")
    return marshal.loads(data)


def serve(path: str, cache_kib: int, jobs: BinaryIO, answers: BinaryIO) -> None:
    """Run jobs from ``jobs`` until None or the end of the stream; answer each with None
    (stored) or an error line."""
    database = sqlite3.connect(path, isolation_level=None, timeout=30.0)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                   "busy_timeout=30000", f"cache_size=-{cache_kib}"):
        database.execute(f"PRAGMA {pragma}")
    try:
        while True:
            try:
                header = receive(jobs)
            except EOFError:
                return
            if header is None:
                return
            guards, count = header
            send(answers, _run(database, guards, count, jobs))
    finally:
        database.close()


def _run(database: sqlite3.Connection, guards: list[Guard], count: int, jobs: BinaryIO,
         ) -> str | None:
    """Run a job's ``count`` statements, read one by one from ``jobs``, in one transaction.
    After an error the job's remaining frames are still read (and dropped), so the next job
    starts at its header."""
    error: str | None = None
    try:
        database.execute("BEGIN IMMEDIATE")
        for table, first_id in guards:
            (top,) = database.execute(f"SELECT max(id) FROM {table}").fetchone()  # noqa: S608
            if top is not None and top >= first_id:
                error = (f"another program wrote to table {table} during the bulk load (id "
                         f"{top} exists, this batch starts at {first_id}); nothing of this "
                         "batch was stored: run the load again to resume (with --workers 0 "
                         "it writes batch by batch beside other writers, more slowly)")
                break
    except sqlite3.Error as exc:
        error = f"{exc.__class__.__name__}: {exc}"
    for _ in range(count):
        sql, rows = receive(jobs)
        if error is None:
            try:
                database.executemany(sql, rows)
            except sqlite3.Error as exc:
                error = f"{exc.__class__.__name__}: {exc}"
        del rows
    try:
        if error is None:
            database.execute("COMMIT")
    except sqlite3.Error as exc:
        error = f"{exc.__class__.__name__}: {exc}"
    if error is not None and database.in_transaction:
        database.execute("ROLLBACK")
    return error


if __name__ == "__main__":  # python -m leadgen.sqlite_writer PATH CACHE_KIB (jobs on stdin)
    # Ctrl-C reaches the whole process group: the loading process decides what happens, and
    # this one finishes the batch in hand (a transaction either commits or leaves no trace).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A job is thousands of small rows and holds no reference cycles: the cyclic collector
    # would only re-traverse them (it cost a fifth of this process's time); refcounting frees.
    gc.disable()
    serve(sys.argv[1], int(sys.argv[2]), sys.stdin.buffer, sys.stdout.buffer)
