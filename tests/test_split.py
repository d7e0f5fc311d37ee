"""``leadgen split``: undo a wrong merge, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.exceptions import InputError
from leadgen.importer import import_file
from leadgen.matching.dedupe import dedupe
from leadgen.matching.split import split_company
from leadgen.storage import init_db
from leadgen.storage.models import Company, CompanyKey, ContactPoint, SourceRecord

runner = CliRunner()
#: A service subsidiary at its parent's address and switchboard, merged into the parent.
ROWS = """id,name,phone,street,city,email
1,Kessler Antriebe GmbH,030 1234567,Hafenstrasse 9,Hamburg,info@kessler.de
2,KESSLER ANTRIEBE,030 1234567,Hafenstrasse 9,Hamburg,
3,Kessler Antriebe Service,030 1234567,Hafenstrasse 9,Hamburg,service@kessler-service.de
"""


def test_split_moves_records_recomputes_both_and_dedupe_keeps_them_apart(
        db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(ROWS, encoding="utf-8")
    engine = init_db(db_url)
    report = import_file(engine, path, source="fair", id_column="id", region="DE")
    assert len(set(report.company_ids.values())) == 1  # all three merged
    parent = report.company_ids["1"]
    with engine.connect() as conn:
        service_record = conn.execute(select(SourceRecord.id).where(
            SourceRecord.record_id == "3")).scalar_one()
        assert conn.execute(select(Company.email).where(Company.id == parent)).scalar_one() == (
            "service@kessler-service.de")  # the fuller record won survivorship
    service = split_company(engine, parent, [service_record])
    with engine.connect() as conn:
        companies = {row.id: row for row in conn.execute(select(Company))}
        owners = dict(conn.execute(select(SourceRecord.record_id, SourceRecord.company_id)).all())
        contacts = {(row.company_id, row.value) for row in conn.execute(
            select(ContactPoint.company_id, ContactPoint.value).where(
                ContactPoint.kind == "email"))}
        domains = {(row.company_id, row.value) for row in conn.execute(
            select(CompanyKey.company_id, CompanyKey.value).where(CompanyKey.kind == "domain"))}
        evidence = conn.execute(select(SourceRecord.match_evidence).where(
            SourceRecord.id == service_record)).scalar_one()
    assert owners == {"1": parent, "2": parent, "3": service}
    assert (companies[parent].display_name, companies[parent].email) == (
        "Kessler Antriebe", "info@kessler.de")
    assert (companies[service].display_name, companies[service].email) == (
        "Kessler Antriebe Service", "service@kessler-service.de")
    assert companies[service].field_sources["email"]["record"] == service_record
    assert contacts == {(parent, "info@kessler.de"), (service, "service@kessler-service.de")}
    assert domains == {(parent, "kessler.de"), (service, "kessler-service.de")}
    assert evidence["decision"] == "split" and evidence["from_company"] == parent
    # The rules would merge them again; the decision keeps them apart.
    result = dedupe(engine, force=True)
    assert result.kept_apart and result.clusters_changed == 0
    with engine.connect() as conn:
        assert dict(conn.execute(select(SourceRecord.record_id, SourceRecord.company_id)
                                 ).all()) == owners


def test_split_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(ROWS, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    engine = init_db(db)
    parent = import_file(engine, path, source="fair", id_column="id",
                         region="DE").company_ids["1"]
    with pytest.raises(InputError, match="no company with id 99"):
        split_company(engine, 99, [1])
    with pytest.raises(InputError, match=f"record 42 is not a record of company {parent}; "
                                         "its records: 1, 2, 3"):
        split_company(engine, parent, [42])
    with pytest.raises(InputError, match="these are all the records"):
        split_company(engine, parent, [1, 2, 3])
    result = runner.invoke(app, ["split", str(parent), "--record", "3", "--db", db])
    assert result.exit_code == 0, result.output
    assert f"moved 1 records of company {parent} to new company" in result.output
    new_id = result.output.split("new company ")[1].split(";")[0]
    explained = runner.invoke(app, ["explain", new_id, "--db", db]).output
    assert f"different as record 1 (company {parent}), by review" in explained


def _owners(engine: object) -> dict[str, int]:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        return dict(conn.execute(select(SourceRecord.record_id, SourceRecord.company_id)).all())


@pytest.mark.parametrize(("rows", "moving"), [
    # the record split off matches the company's other record better than the first one does
    ("id,name,street,postal_code,city,phone,website\n"
     "a,Müller Maschinenbau GmbH,Industriestraße 12,70565,Stuttgart,,\n"
     "b,Müller Maschinenbau GmbH,Industriestraße 12,70565,Stuttgart,0711 9876543,mm.de\n"
     "c,Müller Maschinenbau GmbH,Industriestraße 12,70565,Stuttgart,0711 9876543,mm.de\n",
     ["b"]),
    # two records split off together, each matching the first by one phone
    ("id,name,street,postal_code,city,phone,website\n"
     "1,Brandt Elektro GmbH,Gartenstraße 4,10115,Berlin,030 4455660 / 030 4455770,brandt.de\n"
     "2,Brandt Elektro GmbH,,,Berlin,030 4455660,\n"
     "3,Brandt Elektro GmbH,,,Berlin,030 4455770,brandt.de\n", ["2", "3"]),
])
def test_a_split_stays_as_the_reviewer_split_it_through_dedupe(
        tmp_path: Path, rows: str, moving: list[str]) -> None:
    """Only the two sides' first records were kept apart: dedupe then put a moved record
    back, or kept the moved one with the company's other record and sent the first away."""
    path = tmp_path / "rows.csv"
    path.write_text(rows, encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="list", id_column="id", region="DE")
    company = report.company_ids[moving[0]]
    assert len(set(report.company_ids.values())) == 1
    with engine.connect() as conn:
        ids = dict(conn.execute(select(SourceRecord.record_id, SourceRecord.id)).all())
    split_company(engine, company, [ids[record] for record in moving])
    after_split = _owners(engine)
    dedupe(engine, force=True, default_region="DE")
    assert _owners(engine) == after_split
    assert {after_split[record] for record in moving} != {company}
