"""Deciding possible matches in a spreadsheet: ``leadgen review --export`` / ``--decisions``."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.storage import init_db
from leadgen.storage.models import Company, PossibleMatch
from tests.review_pairs import PAIRS

runner = CliRunner()


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output + str(result.exception)
    return result.output


def _database(tmp_path: Path) -> str:
    path = tmp_path / "pairs.csv"
    path.write_text(PAIRS, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    assert "possible 3" in _invoke("import", str(path), "--source", "s", "--id-column", "id",
                                   "--db", db)
    return db


def _state(db: str) -> tuple[int, dict[str, str]]:
    with init_db(db).connect() as conn:
        companies = len(conn.execute(select(Company.id)).all())
        pairs = {name: status for name, status in conn.execute(
            select(Company.display_name, PossibleMatch.status)
            .join(Company, Company.id == PossibleMatch.company_a))}
    return companies, pairs


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_pairs_decided_in_a_sheet(tmp_path: Path, suffix: str) -> None:
    db = _database(tmp_path)
    sheet = tmp_path / f"review{suffix}"
    assert "wrote 3 open pairs" in _invoke("review", "--export", str(sheet), "--db", db)
    if suffix == ".csv":
        with sheet.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        header = list(rows[0])
    else:
        book = openpyxl.load_workbook(sheet)
        values = list(book.worksheets[0].iter_rows(values_only=True))
        header = list(values[0])
        rows = [dict(zip(header, row, strict=True)) for row in values[1:]]
    assert header[:2] == ["pair", "decision"] and "street_b" in header
    names = [row["name_a"] for row in rows]
    assert sorted(names) == ["Adlon Kempinski Restaurant and Dining Room",
                             "Ritz-Carlton Restaurant and Dining Room",
                             "Sacher Restaurant and Dining Room"]
    # The reviewer merges one, rejects one, leaves one open.
    decisions = {"Ritz-Carlton Restaurant and Dining Room": "Merge",
                 "Adlon Kempinski Restaurant and Dining Room": " different ",
                 "Sacher Restaurant and Dining Room": ""}
    for row in rows:
        row["decision"] = decisions[row["name_a"]]
    if suffix == ".csv":
        with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)
    else:
        sheet_out = book.worksheets[0]
        for number, row in enumerate(rows, start=2):
            sheet_out.cell(number, 2, row["decision"] or None)
        book.save(sheet)
    assert "merged 1 pairs, rejected 1; 0 rows not applied" in _invoke(
        "review", "--decisions", str(sheet), "--db", db)
    companies, pairs = _state(db)
    assert companies == 5
    assert pairs == {"Adlon Kempinski Restaurant and Dining Room": "rejected",
                     "Sacher Restaurant and Dining Room": "open"}
    # Applying the sheet again changes nothing and names each row it cannot apply.
    again = _invoke("review", "--decisions", str(sheet), "--db", db)
    assert "merged 0 pairs, rejected 0; 2 rows not applied" in again
    assert "is already rejected" in again


def test_a_decision_word_that_is_not_merge_or_reject_is_named(tmp_path: Path) -> None:
    db = _database(tmp_path)
    sheet = tmp_path / "review.csv"
    _invoke("review", "--export", str(sheet), "--db", db)
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["decision"] = "maybe"
    with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = _invoke("review", "--decisions", str(sheet), "--db", db)
    assert "not applied review.csv:2: decision 'maybe': write merge or reject" in out
    assert _state(db)[0] == 6


def test_a_sheet_excel_saved_on_a_chinese_windows_is_read(tmp_path: Path) -> None:
    """Re-saved by Excel as GBK, the sheet was refused with a hint to an --encoding option
    review did not have; it is read as the encoding it looks like, as imports are."""
    db = _database(tmp_path)
    sheet = tmp_path / "review.csv"
    _invoke("review", "--export", str(sheet), "--db", db)
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row, name in zip(rows, ("深圳市华强电子科技有限公司", "杭州华联包装材料有限公司",
                                "宁波海天塑料制品有限公司"), strict=True):
        row["decision"] = "不同"  # "different"
        row["name_a"] = name  # a reviewer's sheet of Chinese leads
    with sheet.open("w", encoding="gbk", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = _invoke("review", "--decisions", str(sheet), "--db", db)
    assert "merged 0 pairs, rejected 3; 0 rows not applied" in out
    assert "read as gb" in out


_CEDAR_A = ("id,Company,Street,PLZ,City,Country,Phone,Website\n"
            "A1,Cedar Dental Group,10 Elm St,02139,Cambridge,US,617-555-0101,cedardental.com\n"
            "A2,Hoffmann Druck GmbH,Am Markt 1,04109,Leipzig,DE,0341 5556667,hoffmann-druck.de\n")
_CEDAR_B = ("id,Company,Street,PLZ,City,Country,Phone,Website\n"
            "B1,Cedar Dental Group,300 Broadway,02139,Cambridge,US,617-555-0222,\n")
_HOFFMANN_C = ("id,Company,Street,PLZ,City,Country,Phone,Website\n"
               "D1,Hoffmann Druck GmbH,Karl-Liebknecht-Str. 9,04109,Leipzig,DE,0341 9990001,\n")


def _sheet_rows(sheet: Path) -> list[dict[str, str]]:
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _write_sheet(sheet: Path, rows: list[dict[str, str]]) -> None:
    with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_stale_sheet_decides_no_pair_it_does_not_show(tmp_path: Path) -> None:
    """A pair merged after the sheet was exported gave its id to the next new pair (SQLite
    reuses the highest id), and the old sheet's "merge" joined two Hoffmann Druck companies
    at two streets that nobody reviewed. Now no pair id is given twice, and a row whose
    companies are not the pair's is refused."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    for name, text in (("a", _CEDAR_A), ("b", _CEDAR_B)):
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        _invoke("import", str(tmp_path / f"{name}.csv"), "--source", name, "--id-column", "id",
                "--db", db)
    sheet = tmp_path / "sheet.csv"
    _invoke("review", "--export", str(sheet), "--db", db)
    rows = _sheet_rows(sheet)
    assert [(row["pair"], row["name_a"]) for row in rows] == [("1", "Cedar Dental Group")]
    rows[0]["decision"] = "merge"
    _write_sheet(sheet, rows)
    _invoke("review", "--merge", "1", "--db", db)  # a colleague decided it meanwhile
    (tmp_path / "c.csv").write_text(_HOFFMANN_C, encoding="utf-8")
    assert "possible 1" in _invoke("import", str(tmp_path / "c.csv"), "--source", "c",
                                   "--id-column", "id", "--db", db)
    out = " ".join(_invoke("review", "--decisions", str(sheet), "--db", db).split())
    assert "merged 0 pairs, rejected 0; 1 rows not applied" in out
    assert "no possible match with id 1 (or it went with a company merged since)" in out
    with init_db(db).connect() as conn:
        hoffmann = conn.execute(select(PossibleMatch.id, PossibleMatch.company_a,
                                       PossibleMatch.company_b, PossibleMatch.status)
                                .where(PossibleMatch.status == "open")).all()
    assert [tuple(row) for row in hoffmann] == [(2, 2, 4, "open")]  # no reused id: 1 or 3
    # A row naming other companies than its pair's (a sheet of an older database, whose ids
    # were reused) is refused too.
    rows = [{**rows[0], "pair": "2", "company_a": "1", "company_b": "3"}]
    _write_sheet(sheet, rows)
    out = " ".join(_invoke("review", "--decisions", str(sheet), "--db", db).split())
    assert ("possible match 2 is now companies 2 and 4, not 1 and 3 as the sheet says (merged "
            "or decided since): export the sheet again") in out
    assert _state(db) == (3, {"Hoffmann Druck": "open"})  # nothing merged by the sheet
