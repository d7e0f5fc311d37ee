"""``leadgen import`` of JSON and JSON Lines files (CRM and tool exports), on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from leadgen.exceptions import InputError
from leadgen.importer import import_file
from leadgen.json_rows import json_rows
from leadgen.storage import init_db
from leadgen.storage.models import Company, ContactPoint, SourceRecord


def test_json_lines_with_nested_objects_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "crm.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": 1, "name": "Huber Holz KG", "domain": "huber-holz.at",
                    "address": {"street": "Hauptstr. 1", "city": "Wien",
                                "postal_code": "1010", "country": "AT"},
                    "phones": ["+43 1 234567", "+43 664 1234567"]}),
        "",  # a blank line is no row
        # A key the first object lacks still maps: columns come from the first rows, all.
        json.dumps({"id": 2, "name": "Gruber Bau GmbH", "email": "office@gruber-bau.at",
                    "employees": 35.0}),
    ]), encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="crm", id_column="id")
    assert report.rows == 2 and report.outcomes["new"] == 2 and not report.rejected
    assert report.columns["street"] == ("address.street",)
    with engine.connect() as conn:
        companies = {row.display_name: row for row in conn.execute(select(Company))}
        phones = sorted(conn.execute(select(ContactPoint.value).where(
            ContactPoint.kind == "phone")).scalars())
        ids = sorted(conn.execute(select(SourceRecord.record_id)).scalars())
    huber = companies["Huber Holz"]
    assert (huber.city, huber.postal_code, huber.country, huber.registered_domain) == (
        "Wien", "1010", "AT", "huber-holz.at")
    assert phones == ["+431234567", "+436641234567"]
    assert companies["Gruber Bau"].email == "office@gruber-bau.at"
    assert companies["Gruber Bau"].size == {"employees": 35}
    assert ids == ["1", "2"]


def test_a_contacts_phone_and_email_without_a_person_are_the_companys(tmp_path: Path) -> None:
    """A tool exporting ``"contact": {"phone": ..., "email": ...}`` names no person: the
    company's phone and e-mail, kept as such (they were dropped); with a person's name they
    are that person's."""
    path = tmp_path / "tool.json"
    path.write_text(json.dumps([
        {"id": 1, "name": "Beta AG", "contact": {"phone": "+49 89 123456",
                                                 "email": "Beta Info <info@beta.de>"}},
        {"id": 2, "name": "Gamma GmbH", "contact": {"name": "Eva Weber",
                                                    "email": "e.weber@gamma.de"}},
    ]), encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="tool", id_column="id", region="DE")
    assert report.columns["contact_phone"] == ("contact.phone",)
    with engine.connect() as conn:
        companies = {row.display_name: row for row in conn.execute(select(Company))}
        people = conn.execute(select(ContactPoint.person_name, ContactPoint.details).where(
            ContactPoint.kind == "person")).all()
    assert (companies["Beta"].phone, companies["Beta"].email) == ("+4989123456",
                                                                  "info@beta.de")
    assert companies["Gamma"].email is None
    assert [(name, details["email"]) for name, details in people] == [
        ("Eva Weber", "e.weber@gamma.de")]


def test_a_json_array_wrapped_in_an_object_with_schema_org_names(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"data": [{
        "@type": "Organization", "name": "Bauer Metall GmbH",
        "legalName": "Bauer Metall Gesellschaft mit beschränkter Haftung",
        "telephone": "+49 89 123456",
        "address": {"streetAddress": "Marienplatz 1", "addressLocality": "München",
                    "postalCode": "80331", "addressCountry": "DE"},
        "sameAs": ["https://www.linkedin.com/company/bauer-metall"],
    }], "total": 1}), encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="ld")
    assert report.unused == ["@type"]
    with engine.connect() as conn:
        bauer = conn.execute(select(Company)).one()
    assert (bauer.display_name, bauer.legal_name, bauer.phone, bauer.street, bauer.city,
            bauer.postal_code, bauer.social) == (
        "Bauer Metall", "Bauer Metall Gesellschaft mit beschränkter Haftung", "+4989123456",
        "Marienplatz 1", "München", "80331", ["https://www.linkedin.com/company/bauer-metall"])


def test_a_broken_line_stops_there_and_keeps_the_rows_before(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"name": "Huber Holz KG"}\n{"name": broken\n{"name": "Later GmbH"}\n',
                    encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    with pytest.raises(InputError, match=r"broken.jsonl:2: not JSON .*the 1 rows before it "
                                         r"are imported"):
        import_file(engine, path, source="x")
    with engine.connect() as conn:
        assert conn.execute(select(Company.display_name)).scalars().all() == ["Huber Holz"]


@pytest.mark.parametrize(("name", "text", "message"), [
    ("scalar.json", "42", "expected an array of objects, found int"),
    ("items.json", '[{"name": "A"}, 7]', "items.json:2: expected an object, found int"),
    ("lines.jsonl", '{"name": "A"}\n[1, 2]\n', "lines.jsonl:2: expected an object, found list"),
    ("bad.json", '[{"name": "A"},\n {"name": }]', "bad.json:2: not JSON"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "deep.json: JSON nested too deeply to read"),
    ("nested.jsonl", '{"a": ' * 12 + "1" + "}" * 12 + "\n",
     "nested.jsonl:1: objects nested more than 10 levels deep"),
])
def test_json_that_is_not_rows_is_one_clear_error(tmp_path: Path, name: str, text: str,
                                                  message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(json_rows(path))


def test_a_field_that_first_appears_after_the_rows_columns_are_read_from_is_named(
        tmp_path: Path) -> None:
    path = tmp_path / "crm.jsonl"
    lines = [json.dumps({"id": n, "name": f"Firma {n} GmbH"}) for n in range(1, 1002)]
    lines.append(json.dumps({"id": 1002, "name": "Spät GmbH", "fax": "+49 30 1234568",
                             "note": "x"}))
    lines.append(json.dumps({"id": 1003, "name": "Später GmbH", "fax": "+49 30 1234569"}))
    path.write_text("\n".join(lines), encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="crm", id_column="id", region="DE")
    assert report.rows == 1003 and not report.rejected
    assert report.warnings == [
        "crm.jsonl:1002: field 'fax' first appears here, after the first 1,000 objects the "
        "columns are read from: it is not imported",
        "crm.jsonl:1002: field 'note' first appears here, after the first 1,000 objects the "
        "columns are read from: it is not imported",
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_leadgens_own_json_export_imports_again_without_losing_a_field(
        tmp_path: Path, fmt: str) -> None:
    """Its phones and people are lists of objects: each phone was warned of as no number
    ('[{"value": "+49…", "status": null, …}]') and a person was named by the JSON text."""
    from typer.testing import CliRunner

    from leadgen.cli import app

    runner = CliRunner()
    first, second = (f"sqlite:///{tmp_path / name}" for name in ("a.db", "b.db"))
    source = tmp_path / "in.csv"
    source.write_text("id,Firma,Telefon,E-Mail,Geschäftsführer\n1,Müller & Söhne GmbH,"
                      "0351 1234567 Durchwahl 12,info@mueller-soehne.de,Hans Müller\n",
                      encoding="utf-8")
    assert runner.invoke(app, ["import", str(source), "--source", "crm", "--id-column", "id",
                               "--region", "DE", "--db", first]).exit_code == 0
    exported = tmp_path / f"out.{fmt}"
    assert runner.invoke(app, ["export", "--format", fmt, "-o", str(exported),
                               "--db", first]).exit_code == 0
    report = import_file(init_db(second), exported, source="again", id_column="id")
    assert not report.warnings and not report.rejected
    with init_db(second).connect() as conn:
        contacts = set(conn.execute(select(ContactPoint.kind, ContactPoint.value,
                                           ContactPoint.title)).all())
    assert contacts == {("phone", "+493511234567", None),
                        ("email", "info@mueller-soehne.de", None),
                        ("person", "hans muller", "Geschäftsführer")}


def test_a_hubspot_api_answer_and_a_list_beside_an_empty_one_are_read(tmp_path: Path) -> None:
    """HubSpot's API nests each company's fields in "properties" (no column mapped to the
    name), and {"companies": [...], "errors": []} was read as one row."""
    hubspot = tmp_path / "hubspot.json"
    hubspot.write_text(json.dumps({"results": [
        {"id": "101", "properties": {"name": "Acme Packaging", "domain": "acmepack.com",
                                     "phone": "+1 312 555 0134", "city": "Chicago"},
         "archived": False}]}), encoding="utf-8")
    report = import_file(init_db(f"sqlite:///{tmp_path / 'a.db'}"), hubspot, source="hs",
                         id_column="id")
    assert report.outcomes["new"] == 1 and not report.rejected
    with init_db(f"sqlite:///{tmp_path / 'a.db'}").connect() as conn:
        assert conn.execute(select(Company.display_name, Company.registered_domain,
                                   Company.city)).one() == ("Acme Packaging", "acmepack.com",
                                                            "Chicago")
    wrapped = tmp_path / "api.json"
    wrapped.write_text(json.dumps({"companies": [{"name": "Acme GmbH"}, {"name": "Beta AG"}],
                                   "errors": []}), encoding="utf-8")
    report = import_file(init_db(f"sqlite:///{tmp_path / 'b.db'}"), wrapped, source="api")
    assert (report.rows, report.outcomes["new"]) == (2, 2)


def test_an_integer_too_long_for_python_is_read_as_written(tmp_path: Path) -> None:
    """An integer of over 4,300 digits stopped the import with a traceback."""
    digits = "1" * 4301
    for name, text in (("big.json", f'[{{"ID": 1, "Employees": {digits}}}]'),
                       ("big.jsonl", f'{{"ID": 1, "Employees": {digits}}}\n')):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert list(json_rows(path)) == [(1, {"ID": "1", "Employees": digits})]


def test_schema_org_contact_points_employees_and_headcount_are_imported(tmp_path: Path) -> None:
    path = tmp_path / "organizations.json"
    path.write_text(json.dumps([{
        "@type": "Organization", "name": "Acme Widgets GmbH", "telephone": "+49 30 1234567",
        "address": {"@type": "PostalAddress", "addressLocality": "Berlin",
                    "addressCountry": "DE"},
        "contactPoint": [
            {"@type": "ContactPoint", "contactType": "sales", "telephone": "+49 30 1234568",
             "email": "sales@acme-widgets.de"},
            {"@type": "ContactPoint", "contactType": "support", "faxNumber": "+49 30 1234569"}],
        "employee": [{"@type": "Person", "name": "Eva Weber", "jobTitle": "Einkauf",
                      "email": "e.weber@acme-widgets.de"}],
        "numberOfEmployees": {"@type": "QuantitativeValue", "value": 120},
    }]), encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="ld")
    assert report.columns["phone"] == ("telephone", "contactPoint.telephone")
    assert "contactPoint.contactType" in report.unused  # said, not silently dropped
    with engine.connect() as conn:
        acme = conn.execute(select(Company)).one()
        contacts = conn.execute(select(ContactPoint.kind, ContactPoint.value,
                                       ContactPoint.person_name)).all()
        record = conn.execute(select(SourceRecord.data)).scalar_one()
    assert acme.display_name == "Acme Widgets"
    assert record["size"]["employees"] == 120
    assert {(kind, value) for kind, value, _ in contacts if kind in ("phone", "email")} == {
        ("phone", "+49301234567"), ("phone", "+49301234568"),
        ("email", "sales@acme-widgets.de"), ("email", "e.weber@acme-widgets.de")}
    assert [name for kind, _, name in contacts if kind == "person"] == ["Eva Weber"]
