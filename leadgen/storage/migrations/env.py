"""Alembic environment: runs migrations on the connection ``init_db`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from leadgen.storage.db import database_url
from leadgen.storage.models import Base

target_metadata = Base.metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # invoked from the alembic command line
        engine = engine_from_config(
            {"sqlalchemy.url": database_url()}, prefix="sqlalchemy.", poolclass=pool.NullPool
        )
        with engine.connect() as connection:
            _migrate(connection)
    else:
        _migrate(connection)


def _migrate(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
