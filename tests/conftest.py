"""Shared fixtures: fresh databases (SQLite and, where available, PostgreSQL) per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_admin_url() -> str | None:
    return os.environ.get("LEADGEN_TEST_PG_URL")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL of a new SQLite database file."""
    return f"sqlite:///{tmp_path / 'leads.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL of a new, empty PostgreSQL database, dropped after the test."""
    admin = _pg_admin_url()
    if not admin:
        if os.environ.get("LEADGEN_REQUIRE_PG"):
            pytest.fail("LEADGEN_REQUIRE_PG is set but LEADGEN_TEST_PG_URL is not")
        pytest.skip("no PostgreSQL server (set LEADGEN_TEST_PG_URL)")
    from sqlalchemy import create_engine, text

    name = f"leadgen_t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = admin.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))
