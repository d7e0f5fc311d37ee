"""``leadgen import`` of Excel workbooks (.xlsx): real files written with openpyxl, on SQLite."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.exceptions import InputError
from leadgen.importer import import_file
from leadgen.storage import init_db
from leadgen.storage.models import Company, ContactPoint, SourceRecord
from leadgen.workbook import cell_text

runner = CliRunner()


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


#: A trade-show list as exhibitors send it: a title above the table, numbers typed as
#: numbers (a phone without its leading 0, a postal code that lost its leading 0, ids), a
#: blank row, a row without a name.
EXHIBITORS = [
    ["Aussteller Messe 2026"],
    [],
    ["Nr", "Firma", "Telefon", "PLZ", "Ort", "Land", "Seit"],
    [1, "Kessler Antriebe GmbH", 3512345678, 1067, "Dresden", "DE", date(2019, 5, 1)],
    [2, "深圳华强电子有限公司", "0755-83030000", 518031, "深圳", "CN", None],
    [],
    [3, None, "030 1234567", 10115, "Berlin", "DE", None],
    [4.0, "KESSLER ANTRIEBE", "+49 351 2345678", "01067", "Dresden", "DE", None],
]


@pytest.mark.parametrize("name", ["messe.xlsx", "messe.csv"])  # a workbook saved as .csv
def test_a_workbook_imports_like_a_csv_file(tmp_path: Path, name: str) -> None:
    """A workbook is read for what it is, whatever its name says (openpyxl refused one
    named .csv by its extension)."""
    path = _workbook(tmp_path / name, {"Aussteller": EXHIBITORS})
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "messe", "--id-column", "Nr",
                                 "--map", "name=Firma", "--map", "phone=Telefon", "--map",
                                 "postal_code=PLZ", "--map", "city=Ort", "--map",
                                 "country=Land", "--region", "DE", "--db", db])
    assert result.exit_code == 0, result.output + str(result.exception)
    # The row without a name is named by its row in the sheet (7), as Excel numbers it.
    assert f"{name}:7: no company name" in result.output
    assert "4 rows: merged 1, new 2; 1 rejected" in result.output
    with init_db(db).connect() as conn:
        companies = {row.display_name: row for row in conn.execute(select(Company))}
        record_ids = sorted(conn.execute(select(SourceRecord.record_id)).scalars())
    kessler = companies["Kessler Antriebe"]
    assert (kessler.phone, kessler.postal_code, kessler.city) == ("+493512345678", "01067",
                                                                 "Dresden")
    assert companies["深圳华强电子"].phone == "+8675583030000"
    assert record_ids == ["1", "2", "4"]  # numbers as a person reads them: no "4.0"


def test_another_sheet_is_chosen_by_name_and_a_wrong_name_lists_the_sheets(
        tmp_path: Path) -> None:
    path = _workbook(tmp_path / "lists.xlsx", {
        "Notes": [["read me"]],
        "Leads": [["name", "website"], ["Huber Holz KG", "huber-holz.at"]],
    })
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="lists", sheet="Leads")
    assert report.rows == 1 and report.outcomes["new"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(Company.registered_domain)).scalar_one() == "huber-holz.at"
    with pytest.raises(InputError, match=r"--sheet 'Kunden': no such sheet in lists.xlsx; "
                                         r"sheets: Notes, Leads"):
        import_file(engine, path, source="lists", sheet="Kunden")


def test_a_big_workbook_imports_the_same_with_worker_processes(tmp_path: Path) -> None:
    rows: list[list[object]] = [["id", "name", "phone", "city"]]
    rows += [[n, f"Firma {chr(65 + n % 26)}{n} Werkzeug", f"030 {1000000 + n}", "Berlin"]
             for n in range(300)]
    path = _workbook(tmp_path / "big.xlsx", {"Sheet": rows})
    counts = []
    for workers in (0, 2):
        engine = init_db(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        report = import_file(engine, path, source="big", id_column="id", region="DE",
                             workers=workers)
        counts.append((report.rows, dict(report.outcomes), report.rejected))
    assert counts[0] == counts[1] and counts[0][0] == 300
    # A dry run with workers against the filled database: every row is seen before.
    engine = init_db(f"sqlite:///{tmp_path / 'w0.db'}")
    dry = import_file(engine, path, source="big", id_column="id", region="DE", workers=2,
                      dry_run=True)
    assert dict(dry.outcomes) == {"unchanged": 300}


@pytest.mark.parametrize(("content", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
     "an Excel 97-2003 workbook (.xls), which cannot be read; save it as .xlsx or CSV"),
    (b"PK\x03\x04 not really a zip", "not a readable .xlsx workbook"),
])
def test_a_workbook_that_cannot_be_read_is_one_clear_error(
        tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(content)
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    with pytest.raises(InputError, match=re.escape(message)):
        import_file(engine, path, source="x")


def test_sheet_is_refused_for_a_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name\nHuber Holz KG\n", encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    with pytest.raises(InputError, match="list.csv is a text file, not an .xlsx workbook"):
        import_file(engine, path, source="x", sheet="Leads")


@pytest.mark.parametrize(("value", "text"), [
    (None, ""),
    ("030 1234567", "030 1234567"),
    (4930123456, "4930123456"),
    (4930123456.0, "4930123456"),  # a phone typed as a number, stored as a float
    (2.5, "2.5"),
    (1e20, "1e+20"),
    (True, "true"),
    (date(2026, 12, 4), "2026-12-04"),
    (datetime(2026, 12, 4), "2026-12-04"),
    (datetime(2026, 12, 4, 9, 30), "2026-12-04 09:30:00"),
    (time(9, 30), "09:30:00"),
])
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_repeated_column_names_in_a_workbook_are_all_read(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "liste.xlsx", {"Sheet": [
        ["Firma", "Telefon", "Telefon"], ["Acme GmbH", "030 1111111", "0171 2222222"]]})
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="x", region="DE")
    assert report.columns["phone"] == ("Telefon", "Telefon 2")
    with engine.connect() as conn:
        assert conn.execute(select(Company.phone)).scalar_one() == "+49301111111"


def test_a_company_cell_merged_down_its_contacts_rows_names_each_row(tmp_path: Path) -> None:
    """A company's cells merged down the rows of its contacts (one row per person): only the
    top row holds the name, and the rows below were rejected without one, their contacts
    lost. Each row takes the merged cell's text."""
    path = tmp_path / "kontakte.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Firma", "Ort", "Ansprechpartner", "Position"],
                ["Alpha Druck GmbH", "Dresden", "Hans Müller", "Geschäftsführer"],
                [None, None, "Anna Schmidt", "Einkaufsleiterin"],
                [None, None, "Peter Lang", "Vertrieb"],
                ["Beta Metall GmbH", "Köln", "Eva Groß", "Inhaberin"],
                [None, "Bonn", "Jan Roth", "Einkauf"]):
        sheet.append(row)
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("B2:B4")
    book.save(path)
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "show", "--region", "DE",
                                 "--db", db])
    assert result.exit_code == 0, result.output + str(result.exception)
    assert "kontakte.xlsx:6: no company name" in result.output  # no merge: no name
    with init_db(db).connect() as conn:
        people = conn.execute(select(Company.display_name, ContactPoint.person_name).join(
            ContactPoint, ContactPoint.company_id == Company.id).where(
            ContactPoint.kind == "person").order_by(ContactPoint.id)).all()
    assert [tuple(row) for row in people] == [
        ("Alpha Druck", "Hans Müller"), ("Alpha Druck", "Anna Schmidt"),
        ("Alpha Druck", "Peter Lang"), ("Beta Metall", "Eva Groß")]


@pytest.mark.parametrize("size", ["A1:C3", "A1"])
def test_a_workbook_with_a_stale_size_imports_every_row(tmp_path: Path, size: str) -> None:
    """Some exporters write a sheet's size wrong; read-only openpyxl trusted it and the import
    kept 2 rows of 10 ("A1:C3") or called the file no workbook ("A1")."""
    import zipfile

    rows: list[list[object]] = [["ID", "Firma", "Ort"]]
    rows += [[number, f"Firma Nummer{number} GmbH", "Berlin"] for number in range(1, 11)]
    good = _workbook(tmp_path / "good.xlsx", {"Liste": rows})
    stale = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(stale, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]+"/>',
                              b'<dimension ref="' + size.encode() + b'"/>', data)
            target.writestr(item, data)
    report = import_file(init_db(f"sqlite:///{tmp_path / 'leads.db'}"), stale, source="x",
                         id_column="ID", region="DE")
    assert (report.rows, report.outcomes.get("new")) == (10, 10)


def test_a_workbook_whose_first_sheet_has_no_rows_names_its_other_sheets(tmp_path: Path) -> None:
    """A cover sheet first was called "no .xlsx workbook (it holds text)"."""
    path = _workbook(tmp_path / "purchased.xlsx", {
        "Hinweise": [["Gekaufte Adressen, Stand 2026"]],
        "Adressen": [["Firma", "Ort"], ["Acme GmbH", "Berlin"]]})
    report = import_file(init_db(f"sqlite:///{tmp_path / 'leads.db'}"), path, source="x",
                         region="DE")
    assert report.warnings == ["purchased.xlsx: no rows found below the header in its first "
                               "sheet (Hinweise); give --sheet NAME to read another: Adressen"]


def test_a_website_or_email_cell_showing_a_word_gives_its_link(tmp_path: Path) -> None:
    """Exhibitor lists link "Homepage" and "E-Mail" to the value: the website was refused as
    no web address (read-only openpyxl gives no links). A linked name stays the name."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Firma", "Website", "E-Mail"])
    sheet.append(["Acme GmbH", "Homepage", "E-Mail"])
    sheet.append(["Beta AG", "www.beta.de", "info@beta.de"])
    sheet["A2"].hyperlink = "https://expo.example/exhibitors/acme"
    sheet["B2"].hyperlink = "https://www.acme.de/"
    sheet["C2"].hyperlink = "mailto:vertrieb@acme.de?subject=Messe"
    sheet["B3"].hyperlink = "https://tracking.example/?u=beta"  # the text is the value
    path = tmp_path / "expo.xlsx"
    book.save(path)
    report = import_file(init_db(f"sqlite:///{tmp_path / 'leads.db'}"), path, source="expo",
                         region="DE")
    assert not report.warnings and report.outcomes["new"] == 2
    with init_db(f"sqlite:///{tmp_path / 'leads.db'}").connect() as conn:
        rows = conn.execute(select(Company.display_name, Company.registered_domain,
                                   Company.email).order_by(Company.id)).all()
    assert [tuple(row) for row in rows] == [("Acme", "acme.de", "vertrieb@acme.de"),
                                            ("Beta", "beta.de", "info@beta.de")]


def test_a_link_under_a_title_row_is_read_by_the_real_header(tmp_path: Path) -> None:
    """With a title above the table, the links' columns were judged by the title."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Aussteller 2026"])
    sheet.append(["Website", "Firma"])
    sheet.append(["Homepage", "Acme GmbH"])
    sheet["A3"].hyperlink = "https://www.acme.de/"
    path = tmp_path / "expo.xlsx"
    book.save(path)
    import_file(init_db(f"sqlite:///{tmp_path / 'leads.db'}"), path, source="expo",
                region="DE")
    with init_db(f"sqlite:///{tmp_path / 'leads.db'}").connect() as conn:
        assert conn.execute(select(Company.registered_domain)).scalar_one() == "acme.de"
