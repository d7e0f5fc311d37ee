"""Storage: migrations, WAL mode, constraints and idempotent writes on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from leadgen.exceptions import StorageError
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import (
    Company,
    CompanyKey,
    PossibleMatch,
    SourceRecord,
    Suppression,
)

EXPECTED_TABLES = {
    "companies", "company_keys", "contacts", "crawl_runs", "possible_matches", "scores",
    "source_records", "suppressions", "id_watermarks", "merged_companies",
}


def test_migrations_create_every_table_and_rerun_cleanly(db_url: str) -> None:
    engine = init_db(db_url)
    assert EXPECTED_TABLES <= set(inspect(engine).get_table_names())
    init_db(db_url)  # a second upgrade is a no-op, not an error
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == _head()


def _head() -> str:
    from alembic.script import ScriptDirectory

    from leadgen.storage.db import MIGRATIONS_DIR

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()  # type: ignore[return-value]


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    """The migrations and ``models.py`` describe the same tables, columns and indexes."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from leadgen.storage.models import Base

    engine = init_db(db_url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diffs if d[0] in {"add_table", "remove_table", "add_column",
                                        "remove_column", "add_index", "remove_index"}] == []


def test_upgrade_from_0001_drops_duplicate_indexes_rekeys_company_keys_and_keeps_rows(
        db_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from leadgen.storage.db import MIGRATIONS_DIR, make_engine

    engine = make_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text("INSERT INTO companies (id, display_name, name_key, categories, "
                                "size, social, extra, status, field_sources, first_seen, "
                                "last_seen) VALUES (1, 'Acme', 'acme', '[]', '{}', '[]', '{}', "
                                "'new', '{}', '2026-01-01', '2026-01-01')"))
        connection.execute(text("INSERT INTO company_keys (company_id, kind, value) "
                                "VALUES (1, 'domain', 'acme.de'), (1, 'phone', '+4930123')"))
    assert "ix_company_keys_lookup" in {i["name"] for i in inspect(engine).get_indexes(
        "company_keys")}
    engine.dispose()
    engine = init_db(db_url)
    schema = inspect(engine)
    assert schema.get_indexes("company_keys") == []  # the primary key serves by company
    assert schema.get_pk_constraint("company_keys")["constrained_columns"] == [
        "company_id", "kind", "value"]
    assert "ix_source_records_source_id" not in {
        i["name"] for i in schema.get_indexes("source_records")}
    assert "ix_contacts_company_id" not in {i["name"] for i in schema.get_indexes("contacts")}
    with engine.begin() as conn:
        assert conn.execute(text("SELECT kind, value FROM company_keys ORDER BY kind")).all() == [
            ("domain", "acme.de"), ("phone", "+4930123")]
        if engine.dialect.name == "sqlite":
            sql = conn.execute(text("SELECT sql FROM sqlite_master "
                                    "WHERE name = 'company_keys'")).scalar_one()
            assert "WITHOUT ROWID" in sql
        with pytest.raises(IntegrityError):  # still one row per (company, kind, value)
            conn.execute(text("INSERT INTO company_keys (company_id, kind, value) "
                              "VALUES (1, 'domain', 'acme.de')"))
    engine.dispose()


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    engine = init_db(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_source_record_identity_is_unique(db_url: str) -> None:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        company = Company(display_name="Acme", name_key="acme")
        session.add(company)
        session.flush()
        record = {
            "source_id": "s", "record_key": "r1", "page_url": "http://x/1", "content_hash": "h",
            "data": {"name": "Acme"}, "company_id": company.id,
        }
        from datetime import UTC, datetime

        session.add(SourceRecord(fetched_at=datetime.now(UTC), **record))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        from datetime import UTC, datetime

        session.add(SourceRecord(fetched_at=datetime.now(UTC), **record))
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(SourceRecord.id))) == 1


def test_deleting_a_company_cascades_to_keys(db_url: str) -> None:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        company = Company(display_name="Acme", name_key="acme")
        session.add(company)
        session.flush()
        session.add(CompanyKey(company_id=company.id, kind="domain", value="acme.com"))
    with session_scope(engine) as session:
        session.delete(session.scalars(select(Company)).one())
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(CompanyKey)) == 0


def test_suppression_entries_are_unique(db_url: str) -> None:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        session.add(Suppression(kind="email", value="a@b.com"))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(Suppression(kind="email", value="a@b.com"))


def test_unreachable_database_gives_one_line_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError) as info:
        init_db(f"sqlite:///{blocker}/sub/leads.db")
    assert "\n" not in str(info.value)


def test_commands_starting_together_on_a_new_database_all_open_it(db_url: str) -> None:
    """Each found the database empty and created the tables; all but the first then
    stopped ("table companies already exists", a unique violation on PostgreSQL)."""
    import subprocess
    import sys

    code = "import sys; from leadgen.storage import init_db; init_db(sys.argv[1])"
    processes = [subprocess.Popen([sys.executable, "-c", code, db_url],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                 for _ in range(6)]
    outcomes = [(process.wait(timeout=120), process.stdout.read())  # type: ignore[union-attr]
                for process in processes]
    assert [code for code, _ in outcomes] == [0] * 6, outcomes
    engine = init_db(db_url)
    assert "companies" in inspect(engine).get_table_names()


def test_no_company_id_or_pair_id_is_given_twice(db_url: str, tmp_path: Path) -> None:
    """SQLite gives a new row max(id) + 1: a merge that took company 3 away gave 3 to the
    next new company, and ``leadgen mark 3 lost``, typed from last week's export, marked
    another company. Ids of companies and possible matches now only grow, through review
    merges, imports, split and dedupe."""
    from typer.testing import CliRunner

    from leadgen.cli import app

    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "--db", db_url])
        assert result.exit_code == 0, result.output + str(result.exception)
        return result.output

    def imported(name: str, rows: str) -> None:
        path = tmp_path / f"{name}.csv"
        path.write_text("id,Company,Street,PLZ,City,Country,Phone\n" + rows, encoding="utf-8")
        run("import", str(path), "--source", name, "--id-column", "id")

    def ids(table: Any) -> list[int]:
        with init_db(db_url).connect() as conn:
            return sorted(conn.execute(select(table.id)).scalars())

    seen: dict[Any, set[int]] = {Company: set(), PossibleMatch: set()}

    def only_new_ids() -> None:
        """Every id now held is either held before or above every id ever seen."""
        for table, before in seen.items():
            now = set(ids(table))
            assert all(new > max(before, default=0) for new in now - before), table
            before |= now

    imported("a", "A1,Cedar Dental Group,10 Elm St,02139,Cambridge,US,617-555-0101\n"
                  "A2,Hoffmann Druck GmbH,Am Markt 1,04109,Leipzig,DE,0341 5556667\n")
    imported("b", "B1,Cedar Dental Group,300 Broadway,02139,Cambridge,US,617-555-0222\n")
    only_new_ids()
    (pair,) = ids(PossibleMatch)
    gone = max(ids(Company))
    run("review", "--merge", str(pair))  # the newest company and the pair go
    assert gone not in ids(Company) and not ids(PossibleMatch)
    imported("c", "C1,Hoffmann Druck GmbH,Karl-Liebknecht-Str. 9,04109,Leipzig,DE,"
                  "0341 9990001\n")
    only_new_ids()
    result = runner.invoke(app, ["mark", str(gone), "lost", "--db", db_url])
    kept = min(ids(Company))  # Cedar Dental Group's first company took its records
    assert str(result.exception) == (
        f"company {gone} was merged into company {kept} (Cedar Dental Group): give {kept}")
    (pair,) = ids(PossibleMatch)
    run("review", "--merge", str(pair))  # the newest company goes again
    with init_db(db_url).connect() as conn:
        record, company = conn.execute(select(SourceRecord.id, SourceRecord.company_id).where(
            SourceRecord.record_id == "C1")).one()
    run("split", str(company), "--record", str(record))
    only_new_ids()
    run("dedupe", "--force")
    only_new_ids()
    imported("d", "D1,Nordlicht Optik GmbH,Hauptstr. 1,10115,Berlin,DE,030 1234567\n")
    only_new_ids()
    assert len(seen[Company]) == 6 and len(seen[PossibleMatch]) == 2  # a, b, c, split, d
