"""A bulk ``leadgen import`` stopped with Ctrl-C keeps every batch it stored, and a re-run
resumes: the stored rows come back "unchanged", the rest are added, nothing twice."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bench.bench_ingest import CSV_COLUMNS, write_csv

LEADGEN = [sys.executable, "-c", "from leadgen.cli import main; main()"]
ROWS = 30_000
INTERRUPTED = ("leadgen: interrupted; the database keeps what was stored so far (run the same "
               "command again to resume), and no file was half written")


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM source_records").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def _wait_for_a_stored_batch(process: subprocess.Popen[str], db: Path) -> None:
    """Until the import has stored its first batch, and is still running."""
    deadline = time.monotonic() + 240
    while _stored(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert process.poll() is None, "the import ended before it could be stopped"


def test_ctrl_c_keeps_stored_batches_and_a_rerun_resumes(tmp_path: Path) -> None:
    csv_path = tmp_path / "leads.csv"
    write_csv(ROWS, csv_path)
    db = tmp_path / "leads.db"
    command = [*LEADGEN, "import", str(csv_path), "--source", "list", "--id-column", "id",
               "--region", "DE", "--workers", "1", "--db", f"sqlite:///{db}",
               *[arg for column in CSV_COLUMNS[2:] for arg in ("--map", f"{column}={column}")]]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    _wait_for_a_stored_batch(process, db)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr.strip().splitlines() == [INTERRUPTED], stderr  # one line, no traceback
    kept = _stored(db)
    assert 0 < kept < ROWS

    again = subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)
    assert f"{ROWS} rows:" in again.stdout
    assert f"unchanged {kept}" in again.stdout, again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM source_records").fetchone()[0] == ROWS
        assert conn.execute("SELECT count(*) FROM (SELECT DISTINCT source_id, record_key "
                            "FROM source_records)").fetchone()[0] == ROWS


def _command(tmp_path: Path, rows: int, workers: str) -> tuple[list[str], Path]:
    csv_path = tmp_path / "leads.csv"
    write_csv(rows, csv_path)
    db = tmp_path / "leads.db"
    return [*LEADGEN, "import", str(csv_path), "--source", "list", "--id-column", "id",
            "--region", "DE", "--workers", workers, "--db", f"sqlite:///{db}",
            *[arg for column in CSV_COLUMNS[2:] for arg in ("--map", f"{column}={column}")]], db


def _session_processes(session: int) -> list[str]:
    """The processes still running in a session (ps; an ended one its new parent has not
    reaped yet, a zombie, runs no more)."""
    listing = subprocess.run(["ps", "-s", str(session), "-o", "stat=,pid=,args="],
                             capture_output=True, text=True, check=False).stdout
    return [line for line in listing.splitlines() if line.strip() and line.split()[0][0] != "Z"]


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


@pytest.mark.parametrize(("stop", "status"), [("ctrl-c", 130), ("sigterm", 143)])
def test_ctrl_c_while_the_workers_start_ends_the_import(
        tmp_path: Path, stop: str, status: int) -> None:
    """Ctrl-C in the first seconds, while the worker processes were still importing: each
    printed a traceback, the pool broke, and the import never exited (it had to be killed
    with kill -9). Workers are now born ignoring Ctrl-C, and neither Ctrl-C nor SIGTERM
    stops this process halfway through starting one."""
    command, db = _command(tmp_path, 5_000, "2")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)  # the workers (and the writer) are starting
    assert process.poll() is None and _stored(db) == 0
    if stop == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C: the process group
    else:
        process.send_signal(signal.SIGTERM)  # kill PID
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status
    assert stderr.strip().splitlines() == [INTERRUPTED], stderr
    time.sleep(0.5)
    assert _session_processes(process.pid) == []


def test_sigterm_stops_an_import_as_ctrl_c_does_and_its_workers_end(tmp_path: Path) -> None:
    """``kill PID`` (a service manager, ``timeout``) ended the import without a word, left
    its run "running" for good and its worker processes running with no parent."""
    command, db = _command(tmp_path, ROWS, "2")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    _wait_for_a_stored_batch(process, db)
    process.send_signal(signal.SIGTERM)  # the main process only, as kill PID does
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143
    assert stderr.strip().splitlines() == [INTERRUPTED], stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT kind, status FROM crawl_runs").fetchall() == [
            ("import", "interrupted")]
    deadline = time.monotonic() + 10
    while _session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _session_processes(process.pid) == []


def test_a_killed_import_takes_its_workers_with_it(tmp_path: Path) -> None:
    """SIGKILL of the import (the out-of-memory killer, kill -9) left its two workers, about
    200 MB each, blocked for good."""
    command, db = _command(tmp_path, ROWS, "2")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    _wait_for_a_stored_batch(process, db)
    assert len(_children(process.pid)) >= 2
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _session_processes(process.pid) == []



def test_a_run_that_cannot_be_logged_as_ended_is_one_line(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A full disk refused the run's closing row too: 65 lines of chained tracebacks came
    before the one-line error that ended the import."""
    from leadgen import importer

    def refused(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full\n[SQL: UPDATE crawl_runs ...]")

    monkeypatch.setattr(importer, "finish_run", refused)
    with caplog.at_level(logging.WARNING, logger=importer.logger.name):
        importer._close_run(None, 7, importer.ImportReport(), "list.csv", "failed")  # type: ignore[arg-type]
    assert [(record.getMessage(), record.exc_info) for record in caplog.records] == [
        ("import: could not log the end of run 7: database or disk is full", None)]
