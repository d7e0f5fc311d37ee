"""Background writing (a writer process stores each batch while the next is matched) stores
exactly what writing in the ingesting process stores, and stops cleanly on a foreign writer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import DateTime, func, select, text
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.engine import Engine

from leadgen.exceptions import StorageError
from leadgen.ingest import Ingestor
from leadgen.ingest.writer import SQLITE_DATETIME_FORMAT, sqlite_datetime
from leadgen.items import NormalizedLead
from leadgen.storage import init_db
from leadgen.storage.models import Company, CompanyKey, ContactPoint, PossibleMatch, SourceRecord
from tests.bench.bench_ingest import generate


def _leads(count: int, seed: int = 3) -> list[NormalizedLead]:
    return [normalized for _, normalized in generate(count, seed=seed)]


def _snapshot(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        return {
            "companies": conn.execute(select(
                Company.id, Company.display_name, Company.phone, Company.registered_domain,
                Company.field_sources, Company.extra).order_by(Company.id)).all(),
            "records": conn.execute(select(
                SourceRecord.id, SourceRecord.company_id, SourceRecord.content_hash,
                SourceRecord.match_evidence).order_by(SourceRecord.id)).all(),
            "keys": conn.execute(select(CompanyKey.company_id, CompanyKey.kind, CompanyKey.value)
                                 .order_by(CompanyKey.company_id, CompanyKey.kind,
                                           CompanyKey.value)).all(),
            "contacts": conn.execute(select(ContactPoint.company_id, ContactPoint.kind,
                                            ContactPoint.value).order_by(ContactPoint.id)).all(),
            "possible": conn.execute(select(func.count()).select_from(PossibleMatch)).scalar(),
        }


def _ingest(path: Path, leads: list[NormalizedLead], background: bool) -> Engine:
    engine = init_db(f"sqlite:///{path}")
    # Small batches: many hand-overs, and records merging into companies of earlier batches.
    with Ingestor(engine, batch_size=97, background=background) as ingestor:
        for normalized in leads:
            ingestor.ingest(normalized)
    return engine


def test_background_writer_stores_the_same_rows(tmp_path: Path) -> None:
    leads = _leads(1500)
    rng_order = leads[::2] + leads[1::2]  # copies of a company land in different batches
    here = _snapshot(_ingest(tmp_path / "here.db", rng_order, background=False))
    there_engine = _ingest(tmp_path / "there.db", rng_order, background=True)
    there = _snapshot(there_engine)
    assert len(here["companies"]) < len(rng_order)  # merges happened, across batches too
    assert there == here
    # A second load of the same records, in the background, adds nothing.
    with Ingestor(there_engine, batch_size=97, background=True) as ingestor:
        outcomes = {ingestor.ingest(n).status for n in rng_order}
    assert outcomes == {"unchanged"}
    assert _snapshot(there_engine) == here


def _first_batch_stored(engine: Engine, leads: list[NormalizedLead]) -> Ingestor:
    """A background ingestor whose first batch of 100 is stored by the writer process."""
    ingestor = Ingestor(engine, batch_size=100, background=True)
    for normalized in leads[:100]:
        ingestor.ingest(normalized)  # the 100th ingest hands the first batch over
    ingestor.writer.wait()
    return ingestor


def _rest_fails(ingestor: Ingestor, leads: list[NormalizedLead], error: str) -> None:
    """Loading the other leads stops with ``error``; the ingestor is then cleaned up."""
    with pytest.raises(StorageError, match=error):
        for normalized in leads[100:]:
            ingestor.ingest(normalized)
        ingestor.close()
    ingestor.writer.rollback()
    ingestor.writer.close()


def _stored(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(SourceRecord)).scalar_one())


def _rerun_resumes(engine: Engine, leads: list[NormalizedLead]) -> None:
    with Ingestor(engine, background=True) as again:
        statuses = [again.ingest(normalized).status for normalized in leads]
    assert statuses.count("unchanged") == 100
    assert _stored(engine) == len(leads)


def test_another_writer_between_batches_stops_the_load_and_a_rerun_resumes(
        tmp_path: Path) -> None:
    leads = _leads(600)
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    ingestor = _first_batch_stored(engine, leads)
    with engine.begin() as conn:  # someone else adds a company meanwhile
        conn.execute(text(
            "INSERT INTO companies (display_name, name_key, categories, size, social, extra, "
            "status, field_sources, first_seen, last_seen) VALUES ('Other', 'other', '[]', "
            "'{}', '[]', '{}', 'new', '{}', '2026-01-01', '2026-01-01')"))
    _rest_fails(ingestor, leads, "another program wrote to table companies")
    assert _stored(engine) == 100  # the first batch is kept, the refused one left no rows
    _rerun_resumes(engine, leads)


def test_a_killed_writer_process_stops_the_load_and_a_rerun_resumes(tmp_path: Path) -> None:
    leads = _leads(400)
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    ingestor = _first_batch_stored(engine, leads)
    process = ingestor.writer._process
    process.kill()
    process.wait()
    _rest_fails(ingestor, leads, "the writer process stopped")
    assert _stored(engine) == 100
    _rerun_resumes(engine, leads)


@pytest.mark.parametrize("value", [
    datetime(2026, 11, 22, 14, 49, 59, 749402, tzinfo=UTC),
    datetime(2026, 11, 22, 14, 49, 59, tzinfo=UTC),
    datetime(2026, 11, 22, 14, 49, 59, 5, tzinfo=timezone(timedelta(hours=8))),
    datetime(999, 1, 2, 3, 4, 5, 6),
    datetime(1, 1, 1, tzinfo=timezone(-timedelta(hours=5, minutes=30, seconds=15))),
    date(2026, 11, 22),
    None,
])
def test_fast_sqlite_datetime_writes_what_sqlalchemy_writes(value: Any) -> None:
    impl = DateTime(timezone=True).dialect_impl(sqlite_dialect())
    assert impl._storage_format == SQLITE_DATETIME_FORMAT  # type: ignore[attr-defined]
    slow = impl.bind_processor(sqlite_dialect())
    assert slow is not None
    assert sqlite_datetime(slow)(value) == slow(value)


def test_a_failed_statement_rolls_its_job_back_and_the_next_job_is_read_whole(
        tmp_path: Path) -> None:
    """A job travels as a header and one frame per statement: after a failing statement the
    writer still reads the job's other frames, answers with the error, stores nothing of that
    job and runs the next one."""
    import io
    import sqlite3

    from leadgen.sqlite_writer import encode_job, receive, send, serve, write_frames

    path = tmp_path / "w.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    insert = "INSERT INTO t (id, name) VALUES (?, ?)"
    jobs = io.BytesIO()
    write_frames(jobs, encode_job([("t", 1)], [(insert, [(1, "kept back")]),
                                               (insert, [(2, None)]),
                                               (insert, [(3, "never run")])]))
    write_frames(jobs, encode_job([("t", 1)], [(insert, [(1, "alpha"), (2, "bravo")])]))
    send(jobs, None)
    jobs.seek(0)
    answers = io.BytesIO()
    serve(str(path), 1024, jobs, answers)
    answers.seek(0)
    assert "NOT NULL constraint failed: t.name" in receive(answers)
    assert receive(answers) is None
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT id, name FROM t ORDER BY id").fetchall() == [
            (1, "alpha"), (2, "bravo")]
