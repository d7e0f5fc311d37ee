"""Forgetting one person (their own e-mail) takes them out of every company that lists them,
on what is stored and on every later ingest, enrichment and export; the companies stay."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from enrich.pages import CompanySitePage
from enrich.store import store_site_result
from leadgen.cli import app
from leadgen.ingest import Ingestor
from leadgen.items import Contact, Lead, SourceMeta
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import ContactPoint, SourceRecord, Suppression
from leadgen.suppression import SuppressionList, classify_target
from pipelines.suppress import SuppressionPipeline
from tests.test_enrich_crawl import TEAM, make_company

runner = CliRunner()

LIST = ("Firma,Telefon,E-Mail,Ansprechpartner,Position,Contact Email,Contact Phone,Ort\n"
        "Alpha Drucktechnik GmbH,030 1234567,info@alpha-druck.de,Hans Müller,"
        "Geschäftsführer,Hans.Mueller@alpha-druck.de,0171 5555555,Berlin\n"
        "Beta Maschinenbau KG,089 7654321,anna.schmidt@beta-mb.de,Anna Schmidt,Einkauf,"
        "anna.schmidt@beta-mb.de,0172 6666666,München\n")


def _import(url: str, path: Path) -> str:
    result = runner.invoke(app, ["import", str(path), "--source", "fair", "--region", "DE",
                                 "--db", url])
    assert result.exit_code == 0, result.output
    return result.output


def _exported(url: str) -> dict[str, dict[str, object]]:
    output = runner.invoke(app, ["export", "--format", "json", "--db", url]).output
    return {document["name"]: document for document in json.loads(output)}


def _stored_text(url: str) -> str:
    """Everything stored about companies, as text."""
    engine = init_db(url)
    with session_scope(engine) as session:
        parts = [json.dumps(record.data) + json.dumps(record.match_evidence)
                 for record in session.scalars(select(SourceRecord))]
        parts += [f"{c.value} {c.person_name} {json.dumps(c.details)}"
                  for c in session.scalars(select(ContactPoint))]
    return "\n".join(parts)


def test_a_persons_own_email_is_a_person_entry_a_role_address_the_companys() -> None:
    assert classify_target("Hans.Mueller@Alpha-Druck.de") == (
        "person", "hans.mueller@alpha-druck.de")
    assert classify_target("info@alpha-druck.de") == ("email", "info@alpha-druck.de")


def test_forgetting_a_person_keeps_the_company_and_a_list_giving_them_again(
        db_url: str, tmp_path: Path) -> None:
    """A GDPR request from one employee erased the whole company (and blocked it for good)."""
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    _import(db_url, path)
    assert "Hans Müller" in _stored_text(db_url)
    for person in ("hans.mueller@alpha-druck.de", "Anna.Schmidt@beta-mb.de"):
        result = runner.invoke(app, ["forget", person, "--db", db_url])
        assert result.exit_code == 0, result.output
        assert "taken out of 1 companies (the companies stay)" in result.output
    companies = _exported(db_url)
    assert sorted(companies) == ["Alpha Drucktechnik", "Beta Maschinenbau"]
    alpha, beta = companies["Alpha Drucktechnik"], companies["Beta Maschinenbau"]
    assert [e["value"] for e in alpha["emails"]] == ["info@alpha-druck.de"]  # type: ignore
    assert [p["value"] for p in alpha["phones"]] == ["+49301234567"]  # type: ignore
    assert alpha["decision_makers"] == []
    assert beta["email"] is None, "the company e-mail was hers"
    assert [p["value"] for p in beta["phones"]] == ["+49897654321"]  # type: ignore
    stored = _stored_text(db_url)
    for trace in ("Müller", "mueller", "Schmidt", "schmidt@", "5555555", "6666666"):
        assert trace not in stored, trace
    records = list(csv.DictReader(io.StringIO(runner.invoke(
        app, ["export", "records", "--db", db_url]).output)))
    assert len(records) == 2
    explain = runner.invoke(app, ["explain", "Alpha Drucktechnik", "--db", db_url])
    assert explain.exit_code == 0 and "Alpha Drucktechnik" in explain.output
    assert "Müller" not in explain.output and "5555555" not in explain.output
    # The same list again: the people stay out, and nothing is a new version or a new company.
    assert "unchanged 2" in _import(db_url, path)
    assert sorted(_exported(db_url)) == ["Alpha Drucktechnik", "Beta Maschinenbau"]
    assert "Müller" not in _stored_text(db_url)


def test_a_do_not_contact_list_of_people_and_a_role_address(sqlite_url: str,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    _import(sqlite_url, path)
    dnc = tmp_path / "dnc.txt"
    dnc.write_text("hans.mueller@alpha-druck.de\ninfo@beta-mb.de\n", encoding="utf-8")
    result = runner.invoke(app, ["forget", "--file", str(dnc), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "erased 0 companies; people taken out of 1 companies" in result.output
    assert sorted(_exported(sqlite_url)) == ["Alpha Drucktechnik", "Beta Maschinenbau"]
    assert "Müller" not in _stored_text(sqlite_url)


def _lead(source: str = "web") -> Lead:
    return Lead(name="Alpha Drucktechnik GmbH", phones=["+49 30 1234567"],
                emails=["info@alpha-druck.de", "hans.mueller@alpha-druck.de"],
                contacts=[Contact(name="Hans Müller", title="Geschäftsführer",
                                  email="hans.mueller@alpha-druck.de", phone="+49 171 5555555")],
                source=SourceMeta(source_id=source, page_url="http://dir.example/alpha"))


def test_a_crawled_lead_is_stored_without_a_forgotten_person(sqlite_url: str) -> None:
    """Both the crawl's suppression pipeline and the ingestor itself (a person forgotten
    while a crawl or import runs) leave the person out."""
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        session.add(Suppression(kind="person", value="hans.mueller@alpha-druck.de"))
    pipeline = SuppressionPipeline.__new__(SuppressionPipeline)
    pipeline.suppressions = SuppressionList.load(engine)
    piped = pipeline.process_item(normalize_lead(_lead()))
    assert [e.address for e in piped.emails] == ["info@alpha-druck.de"]
    assert piped.lead.contacts == []
    ingestor = Ingestor(engine)
    outcome = ingestor.ingest(normalize_lead(_lead("other")))  # straight to the ingestor
    ingestor.close()
    assert outcome.status == "new"
    stored = _stored_text(sqlite_url)
    assert "info@alpha-druck.de" in stored and "+49301234567" in stored
    assert "Müller" not in stored and "hans.mueller" not in stored and "5555555" not in stored


def test_enrichment_leaves_a_forgotten_person_out_whole(sqlite_url: str) -> None:
    company_id = make_company(sqlite_url, "http://www.varonex-test.de/")
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        session.add(Suppression(kind="person", value="a.schneider@varonex-test.de"))
    page = CompanySitePage(TEAM, "http://www.varonex-test.de/team").facts().as_dict()
    assert [p["name"] for p in page["people"]] == ["Anna Schneider", "Jonas Becker"]
    with session_scope(engine) as session:
        store_site_result(session, {"company_id": company_id, "region": "DE", "pages": [page],
                                    "start_url": "http://www.varonex-test.de/"})
    stored = _stored_text(sqlite_url)
    assert "Jonas Becker" in stored
    assert "Schneider" not in stored and "schneider" not in stored


def test_a_person_only_an_older_version_of_a_row_names_is_forgotten(sqlite_url: str,
                                                                     tmp_path: Path) -> None:
    """The list's new version named someone else: no contact showed her any more, so forget
    found "0 companies" and the old version kept her name, e-mail and direct line."""
    header = "id,Firma,Telefon,Ansprechpartner,Position,Contact Email,Contact Phone\n"
    for name, row in (("v1.csv", "P1,Omega GmbH,0511 777777,Jane Roe,Einkauf,"
                                 "jane.roe@omega.de,0511 777777-12\n"),
                      ("v2.csv", "P1,Omega GmbH,0511 777777,Tom Neu,Einkauf,"
                                 "tom.neu@omega.de,0511 777777-13\n")):
        path = tmp_path / name
        path.write_text(header + row, encoding="utf-8")
        result = runner.invoke(app, ["import", str(path), "--source", "p", "--id-column", "id",
                                     "--region", "DE", "--db", sqlite_url])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["forget", "jane.roe@omega.de", "--db", sqlite_url])
    assert "taken out of 1 companies" in result.output
    stored = _stored_text(sqlite_url)
    assert "Jane" not in stored and "jane.roe" not in stored and "777777-12" not in stored
    assert "Tom Neu" in stored


def test_a_person_forgotten_while_an_ingest_runs_leaves_its_batch_too(sqlite_url: str) -> None:
    """The batch in flight was checked against the list as it was and stored after the
    forget had erased what it could see: her rows stayed (15 of a 40,000-row import)."""
    engine = init_db(sqlite_url)
    ingestor = Ingestor(engine, background=True)  # a bulk import's writer process
    ingestor.ingest(normalize_lead(_lead()))
    with session_scope(engine) as session:  # leadgen forget, before the batch is committed
        session.add(Suppression(kind="person", value="hans.mueller@alpha-druck.de"))
    ingestor.close()
    stored = _stored_text(sqlite_url)
    assert "info@alpha-druck.de" in stored
    assert "Müller" not in stored and "hans.mueller" not in stored and "5555555" not in stored


@pytest.mark.parametrize(("header", "row"), [
    # Pipedrive's people export: a work and a mobile number of one person
    ("Person - Name,Person - Organization,Person - Email - Work,Person - Phone - Work,"
     "Person - Phone - Mobile,Person - Job title",
     "Hans Müller,Alpha Drucktechnik GmbH,hans.mueller@alpha-druck.de,030 1234567,"
     "0171 5555555,Geschäftsführer"),
    # a CRM's contact columns, numbered
    ("Firma,Ansprechpartner,Contact Email,Contact Phone,Contact Phone 2,Position,Ort",
     "Alpha Drucktechnik GmbH,Hans Müller,hans.mueller@alpha-druck.de,030 1234567,"
     "0171 5555555,Geschäftsführer,Berlin"),
])
def test_a_persons_second_phone_is_imported_as_theirs(sqlite_url: str, tmp_path: Path,
                                                      header: str, row: str) -> None:
    """A people list's mobile number beside the work number was "not imported". Now both
    are the company's numbers as the person's direct lines (the first is the person's own),
    and forgetting the person takes both."""
    path = tmp_path / "people.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    output = " ".join(_import(sqlite_url, path).split())
    assert "not imported" not in output, output
    company = _exported(sqlite_url)["Alpha Drucktechnik"]
    assert sorted(phone["value"] for phone in company["phones"]) == [  # type: ignore[attr-defined]
        "+491715555555", "+49301234567"]
    assert [(person["name"], person["phone"]) for person in company["people"]] == [  # type: ignore[attr-defined]
        ("Hans Müller", "+49301234567")]
    result = runner.invoke(app, ["forget", "hans.mueller@alpha-druck.de", "--db", sqlite_url])
    assert "taken out of 1 companies" in result.output, result.output
    stored = _stored_text(sqlite_url)
    assert "5555555" not in stored and "1234567" not in stored and "Müller" not in stored
