"""What the ``leadgen`` script prints when the database or a file cannot be written: one
line, never a traceback, and nothing done that cannot be kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LEADGEN = [sys.executable, "-c", "from leadgen.cli import main; main()"]
LIST = "Firma,Ort\nAcme Verpackung GmbH,Berlin\nGesamt: 1 Firma,\n"


def _leadgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LEADGEN, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, check=False)


def test_a_read_only_database_is_one_line(tmp_path: Path) -> None:
    """An import into a database it may not write printed a 94-line traceback."""
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    db = tmp_path / "leads.db"
    assert _leadgen("import", "list.csv", "--source", "a", "--region", "DE", "--db",
                    f"sqlite:///{db}", cwd=tmp_path).returncode == 0
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    for args in (("import", "list.csv", "--source", "b", "--region", "DE"),
                 ("mark", "1", "lost")):
        done = _leadgen(*args, "--db", read_only, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().splitlines()[-1] == (
            "leadgen: database error: attempt to write a readonly database; what was "
            "committed before it is kept")


def test_a_report_or_export_into_a_missing_folder_is_refused_before_any_work(
        tmp_path: Path) -> None:
    """The report into a folder that was not there failed with a traceback after the rows
    were stored; an export's the same way."""
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    done = _leadgen("import", "list.csv", "--source", "a", "--region", "DE", "--report",
                    "reports/rejected.csv", "--db", db, cwd=tmp_path)
    assert (done.returncode, done.stderr.strip()) == (
        2, "leadgen: error: reports/rejected.csv: the folder reports does not exist; create "
        "it or write elsewhere")
    assert not (tmp_path / "leads.db").exists()  # refused before the import began
    done = _leadgen("export", "-o", "exports/leads.csv", "--db", db, cwd=tmp_path)
    assert done.returncode == 2 and "the folder exports does not exist" in done.stderr
    assert "Traceback" not in done.stderr


def test_stats_lists_the_recent_runs_as_its_help_says(tmp_path: Path) -> None:
    """The tables left the runs out (only --json gave them)."""
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    assert _leadgen("import", "list.csv", "--source", "a", "--region", "DE", "--db", db,
                    cwd=tmp_path).returncode == 0
    shown = _leadgen("stats", "--db", db, cwd=tmp_path)
    assert "Recent runs" in shown.stdout
    run = next(line for line in shown.stdout.splitlines() if " import " in line)
    assert "finished" in run and " 2 " in run  # its rows (the line of totals too)


def test_a_region_no_country_has_is_one_line_naming_it(tmp_path: Path) -> None:
    """``--region XX`` was taken as every company's country; ``ZZZ`` and ``Germany`` too."""
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    for args, said in (
            (("import", "list.csv", "--source", "a", "--region", "XX"),
             "--region 'XX': not a country's ISO 3166 two-letter code (DE, CN, US, ...)"),
            (("import", "list.csv", "--source", "a", "--region", "Germany"),
             "--region 'Germany': give the country's ISO 3166 two-letter code, DE"),
            (("dedupe", "--region", "ZZZ"),
             "--region 'ZZZ': not a country's ISO 3166 two-letter code (DE, CN, US, ...)")):
        done = _leadgen(*args, "--db", db, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (2, f"leadgen: error: {said}\n")
    assert not (tmp_path / "leads.db").exists()  # refused before anything was opened


def test_an_id_beyond_the_databases_integers_is_no_such_id(tmp_path: Path) -> None:
    """SQLite refused to look such an id up, and the command stopped with a traceback."""
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    assert _leadgen("import", "list.csv", "--source", "a", "--region", "DE", "--db", db,
                    cwd=tmp_path).returncode == 0
    big = "99999999999999999999"
    for args, said in (
            (("explain", big), f"no company with id {big} (forgotten since"),
            (("mark", big, "lost"), f"no company with id {big} (forgotten since"),
            (("review", "--reject", big), f"no possible match with id {big} (no id is"),
            (("split", "1", "--record", big), f"no record with id {big} (no id is"),
            (("explain", "²"), "no company named like '²'")):  # a digit, but not for int()
        done = _leadgen(*args, "--db", db, cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith(f"leadgen: error: {said}")
        assert done.stderr.count("\n") == 1


def test_a_database_url_of_no_database_is_one_line(tmp_path: Path) -> None:
    """A URL scheme SQLAlchemy has no dialect for stopped every command with a traceback."""
    use = "(--db or LEADGEN_DATABASE_URL); use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
    for url, said in (("nope://x", f"unknown database URL scheme 'nope' {use}"),
                      ("no url at all", f"the database URL is no URL {use}")):
        done = _leadgen("export", "--db", url, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (2, f"leadgen: error: {said}\n")


def test_a_command_reading_leads_from_no_database_says_so(tmp_path: Path) -> None:
    """`leadgen stats` or `query` with a mistyped --db, or run from another folder (the
    default data/leads.db is relative), made an empty database there and answered "0
    companies", as if the leads were gone."""
    from typer.testing import CliRunner

    from leadgen.cli import app

    missing = tmp_path / "typo" / "leeds.db"
    for args in (("stats",), ("query",), ("export",), ("explain", "1"), ("review",),
                 ("mark", "1", "won"), ("dedupe",)):
        done = CliRunner().invoke(app, [*args, "--db", f"sqlite:///{missing}"])
        assert done.exit_code != 0, args
        assert f"no database at {missing}; check --db or LEADGEN_DATABASE_URL" in str(
            done.exception), args
    assert not missing.parent.exists()
