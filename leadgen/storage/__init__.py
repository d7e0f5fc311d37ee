"""The lead database: SQLAlchemy models, engine set-up and migrations."""

from leadgen.storage.db import database_url, init_db, make_engine, session_scope

__all__ = ["database_url", "init_db", "make_engine", "session_scope"]
