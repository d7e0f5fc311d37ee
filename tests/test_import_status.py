"""leadgen's own export imported again keeps each company's status; another list's status
column is not read as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.storage import init_db
from leadgen.storage.models import Company, CrawlRun, SourceRecord
from leadgen.storage.runs import customer_record_ids, source_kinds

runner = CliRunner()

LIST = ("Firma,Telefon,Ort,Land\nAcme GmbH,030 1234567,Berlin,DE\nBeta AG,089 7654321,München,DE\n"
        "Gamma KG,040 555555,Hamburg,DE\nDelta GmbH,0221 444444,Köln,DE\n")
MARKS = {"Acme": "customer", "Beta": "excluded", "Gamma": "contacted", "Delta": "new"}


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output + str(result.exception)
    return result.output


def _statuses(db: str) -> dict[str, str]:
    with init_db(db).connect() as conn:
        return {name: status for name, status in conn.execute(
            select(Company.display_name, Company.status))}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "jsonl"])
def test_leadgens_own_export_imported_again_keeps_each_companys_status(
        tmp_path: Path, fmt: str) -> None:
    """The export's status column was "not imported": a customer, or a lead marked
    excluded, came into another database as a new lead. Now each status is carried over, and
    a customer's row is a record of a customer, as a row imported --as customers is."""
    first, again = (f"sqlite:///{tmp_path / name}" for name in ("a.db", "b.db"))
    listed = tmp_path / "list.csv"
    listed.write_text(LIST, encoding="utf-8")
    _invoke("import", str(listed), "--source", "list", "--db", first)
    ids = {name: company_id for company_id, name in _ids(first).items()}
    for name, status in MARKS.items():
        if status != "new":
            _invoke("mark", str(ids[name]), status, "--db", first)
    exported = tmp_path / f"leads.{fmt}"
    _invoke("export", "-o", str(exported), "--db", first)

    output = _invoke("import", str(exported), "--source", "old-db", "--id-column", "id",
                     "--db", again)
    assert "status=status" in output
    assert "statuses carried over from leadgen's export: contacted 1, customer 1, excluded 1" in (
        " ".join(output.split()))
    assert _statuses(again) == MARKS
    engine = init_db(again)
    with engine.connect() as conn:
        customers = customer_record_ids(conn)
        company_of = dict(conn.execute(select(SourceRecord.id, SourceRecord.company_id)).all())
    assert {_ids(again)[company_of[record]] for record in customers} == {"Acme"}
    # imported again unchanged: no second run of customers, statuses as they were
    _invoke("import", str(exported), "--source", "old-db", "--id-column", "id", "--db", again)
    assert _statuses(again) == MARKS


def _ids(db: str) -> dict[int, str]:
    with init_db(db).connect() as conn:
        return {company_id: name for company_id, name in conn.execute(
            select(Company.id, Company.display_name))}


def test_a_customer_row_of_the_export_stays_the_customer_when_split(tmp_path: Path) -> None:
    """The customer's record is what tells the customer apart: split off the company, a list
    row of the same firm that merged into it is no customer."""
    first, again = (f"sqlite:///{tmp_path / name}" for name in ("a.db", "b.db"))
    listed = tmp_path / "list.csv"
    listed.write_text(LIST, encoding="utf-8")
    _invoke("import", str(listed), "--source", "list", "--db", first)
    _invoke("mark", "1", "customer", "--db", first)
    exported = tmp_path / "leads.csv"
    _invoke("export", "-o", str(exported), "--db", first)
    _invoke("import", str(exported), "--source", "old-db", "--id-column", "id", "--db", again)
    _invoke("import", str(listed), "--source", "list", "--db", again)  # merges into each
    with init_db(again).connect() as conn:
        acme = conn.execute(select(Company.id).where(Company.display_name == "Acme")).scalar()
        listed_record = conn.execute(select(SourceRecord.id).where(
            SourceRecord.company_id == acme, SourceRecord.source_id == "list")).scalar()
    _invoke("split", str(acme), "--record", str(listed_record), "--db", again)
    with init_db(again).connect() as conn:
        rows = conn.execute(select(Company.id, Company.status).where(
            Company.display_name == "Acme")).all()
    assert sorted(status for _, status in rows) == ["customer", "new"]
    assert dict(rows)[acme] == "customer"


@pytest.mark.parametrize(("header", "cells", "carried"), [
    # a CRM's own status columns say something else
    ("Firma,Status,Ort", ["Open", "Customer", "customer"], False),
    ("Firma,Lead Status,Ort", ["Open", "customer", "excluded"], False),
    # a list's own "status" column, without the columns leadgen's export writes beside it
    ("name,status,city", ["customer", "excluded", "new"], False),
    # leadgen's export in a CRM's columns (--columns hubspot) names its status so
    ("Company name,leadgen status,City", ["customer", "excluded", "new"], True),
])
def test_only_leadgens_own_status_column_is_carried_over(
        tmp_path: Path, header: str, cells: list[str], carried: bool) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    path = tmp_path / "list.csv"
    names = ["Acme GmbH", "Beta AG", "Gamma KG"]
    path.write_text(header + "\n" + "".join(f"{name},{cell},Berlin\n"
                                            for name, cell in zip(names, cells, strict=True)),
                    encoding="utf-8")
    _invoke("import", str(path), "--source", "list", "--region", "DE", "--db", db)
    statuses = _statuses(db)
    expected = ["customer", "excluded", "new"] if carried else ["new"] * 3
    assert [statuses[name.split()[0]] for name in names] == expected
    with init_db(db).connect() as conn:
        kinds = conn.execute(select(CrawlRun.kind)).scalars().all()
        assert source_kinds(conn) == {"list": "customers" if carried else "import"}
    assert kinds == (["import", "customer-import"] if carried else ["import"])


def test_a_status_leadgen_does_not_know_is_named_and_not_carried(tmp_path: Path) -> None:
    """A hand-edited export's "Kunde" is named in a warning; no run of customers is left
    behind when no row was a customer."""
    db = f"sqlite:///{tmp_path / 'a.db'}"
    path = tmp_path / "leads.csv"
    path.write_text("id,name,status,sources,first_seen,last_seen\n"
                    "1,Acme GmbH,Kunde,list,,\n2,Beta AG,Excluded,list,,\n", encoding="utf-8")
    output = " ".join(_invoke("import", str(path), "--source", "old", "--region", "DE",
                              "--db", db).split())
    assert ("leads.csv:2: status 'Kunde' is none of leadgen's (new, qualified, contacted, "
            "customer, former, excluded): not carried over") in output
    assert _statuses(db) == {"Acme": "new", "Beta": "excluded"}
    with init_db(db).connect() as conn:
        assert conn.execute(select(CrawlRun.kind)).scalars().all() == ["import"]
