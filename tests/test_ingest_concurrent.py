"""Two ingestors writing to one database (two crawls, a crawl and an import): each takes in
what the other stored before its next batch, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from leadgen.ingest import Ingestor
from leadgen.matching.review import merge_companies
from leadgen.matching.rules import load_rules
from leadgen.matching.split import split_company
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db, session_scope
from leadgen.storage.locks import hold_ingest_lock
from leadgen.storage.tables import RECORDS
from leadgen.suppression import forget
from tests.test_ingest import LEADS, counts


def test_each_writer_takes_in_what_the_other_stored_since_it_loaded(db_url: str) -> None:
    engine = init_db(db_url)
    first, second = Ingestor(engine), Ingestor(engine)
    try:
        second.ingest(normalize_lead(LEADS[5], "GB"))  # loads its indexes now
        second.flush()
        first.ingest(normalize_lead(LEADS[0], "GB"))
        first.flush()
        # The same company from another directory joins what the first writer stored (a stale
        # index made it a second company) ...
        assert second.ingest(normalize_lead(LEADS[1], "GB")).status == "merged"
        # ... and the very record the first stored is known (storing it again broke the
        # unique record key and failed the whole batch).
        assert second.ingest(normalize_lead(LEADS[0], "GB")).status == "unchanged"
        second.ingest(normalize_lead(LEADS[2], "GB"))
        second.flush()
        # The other way round, with a company the second writer made.
        assert first.ingest(normalize_lead(LEADS[3], "GB")).status == "merged"
        first.flush()
    finally:
        first.close()
        second.close()
    assert counts(engine)["companies"] == 3
    assert counts(engine)["source_records"] == 5


def test_a_company_merged_away_meanwhile_does_not_cost_the_batch(db_url: str) -> None:
    """A reviewer merges two companies while a crawl runs: the crawl's cached index still
    points at the company merged away, and its next batch (every lead in it) was refused on
    the foreign key. The batch is matched again against the indexes read afresh."""
    engine = init_db(db_url)
    crawl = Ingestor(engine)
    try:
        acme = crawl.ingest(normalize_lead(LEADS[0], "GB")).company_id
        other = crawl.ingest(normalize_lead(LEADS[4], "GB")).company_id
        crawl.flush()
        with engine.begin() as connection:  # `leadgen review`, in another program
            merge_companies(connection, keep=other, absorb=acme, rules=load_rules(),
                            evidence={"decision": "match", "via": "test"})
        leads = [LEADS[1], LEADS[6]]  # Acme again (its keys now at the kept company), another
        for lead in leads:
            crawl.ingest(normalize_lead(lead, "GB"))
        crawl.flush()
    finally:
        crawl.close()
    assert counts(engine)["source_records"] == 4
    assert counts(engine)["companies"] == 2
    assert crawl.counts == {"new": 3, "merged": 1, "unchanged": 0, "possible": 0}


def test_a_forget_during_a_crawl_is_honoured_by_its_next_batch(db_url: str) -> None:
    """`leadgen forget acme-packaging.de` while a crawl runs: the crawl checked its leads
    against the list as it was when it started, and stored Acme again (its cached index even
    merged it into the erased company, and the batch failed)."""
    engine = init_db(db_url)
    crawl = Ingestor(engine)
    try:
        crawl.ingest(normalize_lead(LEADS[0], "GB"))
        crawl.flush()
        with session_scope(engine) as session:  # `leadgen forget`, in another program
            assert forget(session, "acme-packaging.de")["companies_erased"] == 1
        outcome = crawl.ingest(normalize_lead(LEADS[1], "GB"))  # Acme, from another directory
        crawl.ingest(normalize_lead(LEADS[4], "GB"))
        crawl.flush()
    finally:
        crawl.close()
    assert (outcome.status, outcome.evidence["reason"]) == (
        "suppressed", "domain acme-packaging.de is suppressed")
    assert counts(engine)["companies"] == 1  # the bakery only
    assert counts(engine)["source_records"] == 1


def test_a_bulk_load_honours_a_forget_from_its_next_batch(sqlite_url: str) -> None:
    engine = init_db(sqlite_url)
    load = Ingestor(engine, background=True, batch_size=2)
    try:
        load.ingest(normalize_lead(LEADS[0], "GB"))
        load.ingest(normalize_lead(LEADS[4], "GB"))  # the batch goes to the writer process
        load.writer.wait()
        with session_scope(engine) as session:
            forget(session, "acme-packaging.de")
        assert load.ingest(normalize_lead(LEADS[1], "GB")).status == "suppressed"
        assert load.ingest(normalize_lead(LEADS[6], "GB")).status == "new"
    finally:
        load.close()
    assert counts(engine)["companies"] == 2  # the bakery and the garden


def _waits_for_an_ingest_batch(engine: Engine, work: Callable[[], object]) -> None:
    """Run ``work`` while an ingest batch holds its lock (PostgreSQL): it must wait for the
    batch to commit, not move or erase companies under it (records were left with no
    company, and the two deadlocked)."""
    batch = engine.connect()
    batch.begin()
    hold_ingest_lock(batch)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(work()))
    worker.start()
    try:
        waiting = False
        for _ in range(200):  # until it waits for the advisory lock (at most 10 s)
            with engine.connect() as probe:
                waiting = bool(probe.execute(text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                    "AND NOT granted")).scalar_one())
            if waiting or not worker.is_alive():
                break
            time.sleep(0.05)
        assert waiting and not done
    finally:
        batch.commit()
        batch.close()
        worker.join(30)
    assert done


@pytest.mark.postgres
def test_forget_and_split_wait_for_an_ingest_batch_on_postgresql(pg_url: str) -> None:
    engine = init_db(pg_url)
    crawl = Ingestor(engine)
    try:
        acme = crawl.ingest(normalize_lead(LEADS[0], "GB")).company_id
        crawl.ingest(normalize_lead(LEADS[1], "GB"))  # Acme from another directory
        crawl.ingest(normalize_lead(LEADS[4], "GB"))
        crawl.flush()
    finally:
        crawl.close()
    assert acme is not None
    with engine.connect() as connection:
        record = connection.execute(select(RECORDS.c.id).where(
            RECORDS.c.company_id == acme).order_by(RECORDS.c.id)).scalars().first()
    assert record is not None
    _waits_for_an_ingest_batch(engine, lambda: split_company(engine, acme, [record]))
    assert counts(engine)["companies"] == 3

    def forget_acme() -> object:
        with session_scope(engine) as session:
            return forget(session, "acme-packaging.de")

    _waits_for_an_ingest_batch(engine, forget_acme)
    assert counts(engine)["companies"] == 1
