"""The lock that keeps writers of companies from crossing on PostgreSQL.

SQLite lets one transaction write at a time. On PostgreSQL, ingest batches (crawls, imports)
hold an advisory lock until they commit; a command that moves or deletes companies (a merge
in ``leadgen review``, ``leadgen split``, ``leadgen forget``) takes it too, so it never runs
between a batch's reading of a company and its commit (records were left with no company,
and the two deadlocked).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

INGEST_LOCK_KEY = 0x6C65616467656E  # "leadgen"


def hold_ingest_lock(connection: Connection) -> None:
    """On PostgreSQL, wait for the ingest lock and hold it until ``connection``'s transaction
    ends; on SQLite nothing (its write lock does the same)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INGEST_LOCK_KEY})
