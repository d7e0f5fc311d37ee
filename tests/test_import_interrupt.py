"""A bulk ``leadgen import`` stopped with Ctrl-C keeps every batch it stored, and a re-run
resumes: the stored rows come back "unchanged", the rest are added, nothing twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.bench_ingest import CSV_COLUMNS, write_csv

LEADGEN = [sys.executable, "-c", "from leadgen.cli import main; main()"]
ROWS = 30_000


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM source_records").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def test_ctrl_c_keeps_stored_batches_and_a_rerun_resumes(tmp_path: Path) -> None:
    csv_path = tmp_path / "leads.csv"
    write_csv(ROWS, csv_path)
    db = tmp_path / "leads.db"
    command = [*LEADGEN, "import", str(csv_path), "--source", "list", "--id-column", "id",
               "--region", "DE", "--workers", "1", "--db", f"sqlite:///{db}",
               *[arg for column in CSV_COLUMNS[2:] for arg in ("--map", f"{column}={column}")]]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 240
    while _stored(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert process.poll() is None, "the import ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr.strip().splitlines() == [  # one line, no traceback
        "leadgen: interrupted; what was stored so far is kept: run the same command again to "
        "resume"], stderr
    kept = _stored(db)
    assert 0 < kept < ROWS

    again = subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)
    assert f"{ROWS} rows:" in again.stdout
    assert f"unchanged {kept}" in again.stdout, again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM source_records").fetchone()[0] == ROWS
        assert conn.execute("SELECT count(*) FROM (SELECT DISTINCT source_id, record_key "
                            "FROM source_records)").fetchone()[0] == ROWS
