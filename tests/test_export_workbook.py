"""Exports for spreadsheets: .xlsx workbooks and CSV files that Excel opens as written."""

from __future__ import annotations

import codecs
import csv
import gc
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.export import (
    EXPORT_FIELDS,
    column_sets,
    export_fields,
    iter_documents,
    spreadsheet_safe,
)
from leadgen.query import LeadFilter
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, ContactPoint, SourceRecord, Suppression

runner = CliRunner()
#: A name a hostile page could give: a formula, with a control character in it.
HOSTILE = '=HYPERLINK("http://evil.example","Click")\x07'


def _seed(url: str) -> None:
    engine = init_db(url)
    with session_scope(engine) as session:
        for i, (name, domain, country) in enumerate([
            ("Acme Verpackung", "acme.de", "DE"), ("杭州华宇包装机械", "huayu.cn", "CN"),
            (HOSTILE, "evil.example", "US"), ("Hidden Holz", "hidden.de", "DE"),
        ]):
            company = Company(display_name=name, name_key=name.lower(),
                              registered_domain=domain, country=country,
                              phone=f"+4930123456{i}")
            session.add(company)
            session.flush()
            session.add(SourceRecord(source_id="fair", record_key=f"r{i}", record_id=f"r{i}",
                                     page_url="http://dir/1", fetched_at=datetime.now(UTC),
                                     content_hash="h", data={"name": name},
                                     company_id=company.id))
        session.add(Suppression(kind="domain", value="hidden.de"))


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output + str(result.exception)
    return result.output


def _sheet(path: Path) -> list[list[openpyxl.cell.Cell]]:
    book = openpyxl.load_workbook(path)
    return [list(row) for row in book.worksheets[0].iter_rows()]


def test_companies_export_as_a_workbook_with_text_kept_text(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed(url)
    out = tmp_path / "leads.xlsx"
    assert "exported 3 companies" in _invoke("export", "--format", "xlsx", "-o", str(out),
                                             "--db", url)
    rows = _sheet(out)
    header = [cell.value for cell in rows[0]]
    by_name = {row[header.index("name")].value: row for row in rows[1:]}
    # The suppressed company is not exported; the others keep their names exactly, the
    # formula stays text and loses only the control character.
    assert set(by_name) == {"Acme Verpackung", "杭州华宇包装机械", HOSTILE[:-1]}
    hostile = by_name[HOSTILE[:-1]][header.index("name")]
    assert hostile.data_type == "s"
    phone = by_name["Acme Verpackung"][header.index("phone")]
    assert (phone.value, phone.data_type) == ("+49301234560", "s")
    assert isinstance(by_name["Acme Verpackung"][header.index("id")].value, int)


def test_records_export_as_a_workbook(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed(url)
    out = tmp_path / "records.xlsx"
    _invoke("export", "records", "--format", "xlsx", "-o", str(out), "--db", url)
    rows = [[cell.value for cell in row] for row in _sheet(out)]
    assert rows[0][:3] == ["source_id", "record_id", "company_id"]
    assert [row[1] for row in rows[1:]] == ["r0", "r1", "r2"]  # r3: the suppressed company


def test_a_workbook_needs_an_output_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xlsx", "--db",
                                 f"sqlite:///{tmp_path / 'leads.db'}"])
    assert result.exit_code != 0 and "give --output FILE.xlsx" in result.output


def test_a_csv_file_starts_with_a_byte_order_mark_and_imports_back(tmp_path: Path) -> None:
    """Excel reads a CSV file without the mark in the Windows code page; leadgen import
    reads it back either way."""
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed(url)
    out = tmp_path / "leads.csv"
    _invoke("export", "-o", str(out), "--db", url)
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and "杭州华宇包装机械".encode() in data
    assert not _invoke("export", "--db", url).startswith("\ufeff")  # not on stdout
    again = f"sqlite:///{tmp_path / 'again.db'}"
    assert "3 rows: new 3" in _invoke("import", str(out), "--source", "export", "--id-column",
                                      "id", "--db", again)


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_quoted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed(url)
    rows = list(csv.DictReader(io.StringIO(_invoke("export", "--db", url))))
    names = {row["name"] for row in rows}
    assert "'" + HOSTILE in names and "Acme Verpackung" in names
    assert {row["phone"] for row in rows} == {"+49301234560", "+49301234561", "+49301234562"}


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+1", "'=1+1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("+HYPERLINK(\"x\")", "'+HYPERLINK(\"x\")"),
    ("-2+3", "'-2+3"),  # a sum
    ("-5", "-5"),  # a number with a sign
    ("+49 30 1234567", "+49 30 1234567"),
    ("\tcmd", "'\tcmd"),
    ("Acme = Best", "Acme = Best"),
    (5, 5),
])
def test_spreadsheet_safe(value: object, safe: object) -> None:
    assert spreadsheet_safe({"cell": value}) == {"cell": safe}


def _seed_crm(url: str) -> None:
    engine = init_db(url)
    with session_scope(engine) as session:
        company = Company(display_name="Kessler Antriebe", name_key="kessler antriebe",
                          legal_form="GmbH", registered_domain="kessler.de", website="https://www.kessler.de/",
                          phone="+49301234567", street="Hafenstraße 9", postal_code="20095",
                          city="Hamburg", country="DE", categories=["drives", "motors"],
                          description="Antriebe seit 1950.",
                          size={"employees_band": "50-199", "revenue_band": "EUR 10-50M",
                                "founded_year": 1950})
        session.add(company)
        session.flush()
        session.add_all([
            ContactPoint(company_id=company.id, kind="social",
                         value="https://www.linkedin.com/company/kessler"),
            ContactPoint(company_id=company.id, kind="person", value="Eva Kessler",
                         person_name="Eva Kessler", title="Geschäftsführerin",
                         decision_maker=True, details={"email": "eva@kessler.de"}),
        ])


def test_a_crms_columns_tell_a_customer_from_a_lead(tmp_path: Path) -> None:
    """A customer (`import --as customers`) went to a CRM's import like any new lead: no
    column of the hubspot, salesforce or pipedrive set said it was one."""
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed_crm(url)
    with session_scope(init_db(url)) as session:
        session.execute(update(Company).values(status="customer"))
    for columns in ("hubspot", "salesforce", "pipedrive"):
        rows = list(csv.DictReader(io.StringIO(_invoke("export", "--columns", columns,
                                                       "--db", url))))
        assert rows[0]["leadgen status"] == "customer", columns


def test_an_export_file_is_written_in_the_format_its_name_says(tmp_path: Path) -> None:
    """`leadgen export -o leads.xlsx` (no --format) wrote CSV text under the .xlsx name: a
    file Excel refuses to open; records too, and "-o leads.json" was CSV as well."""
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed_crm(url)
    _invoke("export", "-o", str(tmp_path / "leads.xlsx"), "--db", url)
    _invoke("export", "records", "-o", str(tmp_path / "records.xlsx"), "--db", url)
    header, values = [[cell.value for cell in row] for row in _sheet(tmp_path / "leads.xlsx")]
    assert dict(zip(header, values, strict=True))["name"] == "Kessler Antriebe"
    assert [cell.value for cell in _sheet(tmp_path / "records.xlsx")[0]][0] == "source_id"
    _invoke("export", "-o", str(tmp_path / "leads.json"), "--db", url)
    assert json.loads((tmp_path / "leads.json").read_text())[0]["name"] == "Kessler Antriebe"
    mismatch = runner.invoke(app, ["export", "--format", "csv", "-o",
                                   str(tmp_path / "other.xlsx"), "--db", url])
    assert "the name says xlsx, --format says csv; give --format xlsx or name the file .csv" in (
        str(mismatch.exception))
    assert not (tmp_path / "other.xlsx").exists()


def test_companies_export_in_a_crms_columns(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed_crm(url)
    hubspot = list(csv.DictReader(io.StringIO(_invoke("export", "--columns", "hubspot",
                                                      "--db", url))))
    assert list(hubspot[0])[:3] == ["Company name", "Company Domain Name", "Website URL"]
    row = hubspot[0]
    assert (row["Company name"], row["Company Domain Name"], row["Phone Number"],
            row["Street Address"], row["Postal Code"], row["Country/Region"]) == (
        "Kessler Antriebe GmbH", "kessler.de", "+49301234567", "Hafenstraße 9", "20095", "DE")
    assert (row["Industry"], row["Number of Employees"], row["Annual Revenue"],
            row["Year Founded"], row["LinkedIn Company Page"]) == (
        "drives; motors", "50-199", "EUR 10-50M", "1950",
        "https://www.linkedin.com/company/kessler")
    out = tmp_path / "pipedrive.xlsx"
    _invoke("export", "--columns", "pipedrive", "--format", "xlsx", "-o", str(out), "--db", url)
    header, values = [[cell.value for cell in row] for row in _sheet(out)]
    pipedrive = dict(zip(header, values, strict=True))
    assert pipedrive["Organization - Address"] == "Hafenstraße 9, 20095 Hamburg, DE"
    assert (pipedrive["Person - Name"], pipedrive["Person - Job title"],
            pipedrive["Person - Email"]) == ("Eva Kessler", "Geschäftsführerin", "eva@kessler.de")


def test_a_company_without_a_decision_maker_exports_its_other_contacts(tmp_path: Path) -> None:
    """People who are no decision makers were in no export: the CSV lists every person with
    their e-mail, and a CRM's person columns take one of them when no decision maker is
    known."""
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    engine = init_db(url)
    with session_scope(engine) as session:
        company = Company(display_name="Beta", name_key="beta", legal_form="Inc.",
                          country="US")
        session.add(company)
        session.flush()
        session.add_all([
            ContactPoint(company_id=company.id, kind="person", value="katrin schulz",
                         person_name="Katrin Schulz", title="Sales",
                         details={"email": "k.schulz@beta.com"}),
            ContactPoint(company_id=company.id, kind="person", value="tim berger",
                         person_name="Tim Berger"),
        ])
    rows = list(csv.DictReader(io.StringIO(_invoke("export", "--db", url).lstrip("\ufeff"))))
    assert rows[0]["people"] == "Katrin Schulz (Sales) <k.schulz@beta.com>; Tim Berger"
    assert rows[0]["decision_makers"] == ""
    out = tmp_path / "pipedrive.csv"
    _invoke("export", "--columns", "pipedrive", "-o", str(out), "--db", url)
    pipedrive = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert (pipedrive["Organization - Name"], pipedrive["Person - Name"],
            pipedrive["Person - Email"]) == ("Beta Inc.", "Katrin Schulz", "k.schulz@beta.com")


def test_column_sets_name_known_fields_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    assert {"hubspot", "salesforce", "pipedrive"} <= set(column_sets())
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed_crm(url)
    with session_scope(init_db(url)) as session:
        doc = next(iter_documents(session, LeadFilter()))
    assert tuple(export_fields(doc)) == EXPORT_FIELDS
    wrong = runner.invoke(app, ["export", "--columns", "zoho", "--db", url])
    assert "--columns 'zoho': no such column set; use one of hubspot, pipedrive, salesforce" in (
        str(wrong.exception))
    json_too = runner.invoke(app, ["export", "--columns", "hubspot", "--format", "json",
                                   "--db", url])
    assert json_too.exit_code != 0 and "--columns is for companies exported as csv or xlsx" in (
        json_too.output)


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize(("fmt", "suffix"), [("csv", ".csv"), ("jsonl", ".jsonl"),
                                             ("xlsx", ".xlsx")])
def test_an_interrupted_export_leaves_the_previous_file_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, suffix: str) -> None:
    """``export -o leads.csv`` opened the file in place: stopped halfway (Ctrl-C, SIGTERM, a
    full disk) it left the previous complete export cut to a valid-looking part of it, which
    a cron job or a CRM upload would take as whole."""
    import leadgen.cli.data as data_cli
    import leadgen.export as export_module

    url = f"sqlite:///{tmp_path / 'leads.db'}"
    _seed(url)
    out = tmp_path / f"leads{suffix}"
    assert runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", url]
                         ).exit_code == 0
    previous = out.read_bytes()

    def interrupted(rows: object) -> object:
        for number, row in enumerate(rows):  # type: ignore[call-overload]
            if number == 1:
                raise KeyboardInterrupt
            yield row

    for module in (data_cli, export_module):
        for name in ("iter_leads", "company_rows"):
            if hasattr(module, name):
                real = getattr(module, name)
                monkeypatch.setattr(module, name, lambda *args, _real=real, **kwargs:
                                    interrupted(_real(*args, **kwargs)))
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", url])
    assert result.exit_code != 0
    del result  # its traceback holds the sheet
    gc.collect()  # a sheet's stream left open printed two tracebacks when collected
    assert out.read_bytes() == previous
    assert [path.name for path in tmp_path.iterdir()
            if not path.name.startswith("leads.db")] == [out.name]  # no partial file left
