"""Engine set-up: SQLite (WAL) by default, PostgreSQL via ``LEADGEN_DATABASE_URL``."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from leadgen.exceptions import StorageError


def _not_a_pipeline_note(record: logging.LogRecord) -> bool:
    """psycopg's note that it ended a batch the database refused ("error ignored terminating
    <psycopg.Pipeline ...>"), which the ingestor then matches again and says so itself."""
    return not str(record.msg).startswith("error ignored terminating")


logging.getLogger("psycopg").addFilter(_not_a_pipeline_note)

DEFAULT_SQLITE_PATH = Path("data") / "leads.db"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The PostgreSQL advisory lock that one migration at a time holds.
_MIGRATION_LOCK = 7_146_590_311


def database_url(url: str | None = None) -> str:
    """The database URL: the argument, else ``LEADGEN_DATABASE_URL``, else ``data/leads.db``."""
    return url or os.environ.get("LEADGEN_DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
    # SQLite's lower() folds ASCII letters only ("BÄCKEREI" stayed "bÄckerei")
    dbapi_connection.create_function("unicode_lower", 1, _lower, deterministic=True)


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _not_a_database_url(url: str, exc: Exception) -> str:
    """Why ``url`` opens no database, in one line (without the password it may hold)."""
    use = "(--db or LEADGEN_DATABASE_URL); use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
    try:
        scheme = make_url(url).drivername
    except ArgumentError:
        return f"the database URL is no URL {use}"
    if isinstance(exc, NoSuchModuleError):
        return f"unknown database URL scheme {scheme!r} {use}"
    if isinstance(exc, ImportError):
        return f"database URL scheme {scheme!r}: its driver is not installed ({exc}) {use}"
    return f"database URL scheme {scheme!r}: {str(exc).splitlines()[0]} {use}"


def make_engine(url: str | None = None, *, existing: bool = False) -> Engine:
    """Create an engine; SQLite files get WAL mode, foreign keys and a busy timeout. With
    ``existing``, a SQLite file that is not there is an error, not a new empty database."""
    url = database_url(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        where, _, options = url.removeprefix("sqlite:///").partition("?")
        path = Path(where.removeprefix("file:") if "uri=true" in options else where)
        if existing and not path.is_file():
            # a mistyped --db, or the default data/leads.db in another folder: an empty
            # database made there answered "0 companies", as if the leads were gone
            raise StorageError(f"no database at {path}; check --db or LEADGEN_DATABASE_URL "
                               "(leadgen import or crawl makes one)")
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the database folder {folder}: {exc.strerror}; "
                "choose another path with --db or LEADGEN_DATABASE_URL"
            ) from exc
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(_not_a_database_url(url, exc)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def init_db(url: str | None = None, *, existing: bool = False) -> Engine:
    """Open the database and bring its schema to the newest migration; with ``existing``, a
    SQLite database that is not there is an error (see :func:`make_engine`)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    engine = make_engine(url, existing=existing)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        head = ScriptDirectory.from_config(config).get_current_head()
        with engine.connect() as connection:
            if MigrationContext.configure(connection).get_current_revision() == head:
                return engine  # nothing to migrate: no write lock taken
        with engine.begin() as connection:
            # Two commands starting on a new database both found it empty and both created
            # the tables ("table companies already exists"): the second now waits for the
            # first, then finds the schema done.
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            elif engine.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StorageError(
            f"cannot open or migrate database {engine.url.render_as_string()}: "
            f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}"
        ) from exc
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
