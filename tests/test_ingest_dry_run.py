"""A dry run (``Ingestor(dry_run=True)``, ``leadgen import --dry-run``): matches as an ingest
would, stores nothing, keeps one batch in memory and takes no write lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from leadgen.importer import import_file
from leadgen.ingest import Ingestor
from leadgen.items import Address, Lead
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db
from tests.test_ingest import LEADS, counts, lead

STORED_FIRST = LEADS[:2]
LATER = [
    *LEADS[2:],
    LEADS[0],  # seen before, same content: unchanged
    # A new version of a record a dropped batch made (the brewery renamed): it stays with its
    # company, though its name alone would not match.
    lead("Crimson Ales Ltd", record="Red Brewery", phones=["+44 113 496 0000"],
         address=Address(city="Leeds")),
    lead("Violet Velvet Ltd", source="dir-c", phones=["+44 20 7946 0999"]),
    LEADS[3],  # seen in a dropped batch, same content: unchanged
]


def _run(engine: object, leads: list[Lead], *, dry_run: bool) -> list[tuple[str, int]]:
    """(status, index of the first lead in the same company) for each lead."""
    with Ingestor(engine, batch_size=3, dry_run=dry_run) as ingestor:  # type: ignore[arg-type]
        outcomes = [ingestor.ingest(normalize_lead(item, "GB")) for item in leads]
    first: dict[int, int] = {}
    return [(o.status, first.setdefault(o.company_id, n)) for n, o in enumerate(outcomes)]


def test_a_dry_run_decides_as_an_ingest_across_dropped_batches(db_url: str) -> None:
    engine = init_db(db_url)
    _run(engine, STORED_FIRST, dry_run=False)
    before = counts(engine)
    dry = _run(engine, LATER, dry_run=True)
    assert counts(engine) == before
    real = _run(engine, LATER, dry_run=False)
    assert dry == real
    statuses = [status for status, _ in real]
    assert statuses[-4:] == ["unchanged", "merged", "new", "unchanged"]
    assert statuses.count("merged") >= 2  # the Chinese spellings, the brewery's new version


def test_a_dry_run_takes_no_write_lock(tmp_path: Path) -> None:
    """Checking a file must not stop a crawl or an import writing to the same database."""
    path = tmp_path / "leads.db"
    engine = init_db(f"sqlite:///{path}")
    ingestor = Ingestor(engine, dry_run=True)
    try:
        ingestor.ingest(normalize_lead(LEADS[0], "GB"))
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # "database is locked" if the dry run held it
        other.execute("INSERT INTO suppressions (kind, value, reason, created_at) "
                      "VALUES ('email', 'x@y.de', 'test', '2026-12-04')")
        other.execute("COMMIT")
        other.close()
        assert ingestor.ingest(normalize_lead(LEADS[1], "GB")).status == "merged"
    finally:
        ingestor.close()
    assert counts(engine)["companies"] == 0


def test_import_dry_run_with_small_batches_reports_what_the_import_does(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("id,name,phone,city\n1,Acme Verpackung GmbH,030 1234567,Berlin\n"
                    "2,Beta Logistik AG,040 7654321,Hamburg\n3,Gamma Druck KG,089 111222,München\n"
                    "4,ACME Verpackung,+49 30 1234567,Berlin\n5,,,\n"
                    "6,Beta Logistik,+49 40 7654321,Hamburg\n", encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    options = {"source": "list", "id_column": "id", "mapping": ["name=name", "phone=phone",
                                                                  "city=city"],
               "region": "DE", "batch_size": 2}
    dry = import_file(engine, path, dry_run=True, **options)  # type: ignore[arg-type]
    assert counts(engine)["source_records"] == 0
    real = import_file(engine, path, **options)  # type: ignore[arg-type]
    assert dry.outcomes == real.outcomes == {"new": 3, "merged": 2}
    assert dry.rejected == real.rejected and len(real.rejected) == 1
    assert dry.company_ids == real.company_ids
