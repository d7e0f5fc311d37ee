"""Suppression (forget) is honoured on ingest checks and on every export; exports carry contacts."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.exceptions import InputError
from leadgen.items import Lead, SourceMeta
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, ContactPoint, SourceRecord, Suppression
from leadgen.suppression import SuppressionList, classify_target, forget

runner = CliRunner()


def _seed(url: str) -> None:
    engine = init_db(url)
    with session_scope(engine) as session:
        for i, (name, domain, country) in enumerate(
            [("Acme Verpackung", "acme.de", "DE"), ("杭州华宇包装机械", "huayu.cn", "CN")]
        ):
            company = Company(
                display_name=name, name_key=name.lower(), registered_domain=domain,
                website=f"http://www.{domain}/", email=f"info@{domain}", country=country,
                phone=f"+4930123456{i}",
            )
            session.add(company)
            session.flush()
            session.add_all([
                ContactPoint(company_id=company.id, kind="email", value=f"info@{domain}",
                             status="valid", status_reason="mx", source_url=f"http://{domain}/"),
                ContactPoint(company_id=company.id, kind="person", value="Jane Roe",
                             person_name="Jane Roe", title="CEO", decision_maker=True),
                SourceRecord(source_id="demo", record_key=f"r{i}", page_url="http://dir/1",
                             fetched_at=datetime.now(UTC), content_hash="h", data={"name": name},
                             company_id=company.id),
            ])


def test_export_json_carries_contacts_statuses_and_decision_makers(sqlite_url: str) -> None:
    _seed(sqlite_url)
    result = runner.invoke(app, ["export", "--format", "json", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.output)
    assert {d["name"] for d in docs} == {"Acme Verpackung", "杭州华宇包装机械"}
    acme = next(d for d in docs if d["domain"] == "acme.de")
    email = acme["emails"][0]
    assert (email["value"], email["status"], email["reason"], email["source_url"]) == (
        "info@acme.de", "valid", "mx", "http://acme.de/"
    )
    assert acme["decision_makers"][0]["title"] == "CEO"
    assert acme["sources"] == ["demo"]


@pytest.mark.parametrize("output", [[], ["-o", "-"]])  # "-" wrote a file named "-"
def test_export_csv_and_country_filter(sqlite_url: str, output: list[str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _seed(sqlite_url)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "--country", "CN", *output, "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["domain"] for r in rows] == ["huayu.cn"]
    assert rows[0]["email_statuses"] == "info@huayu.cn=valid"
    assert rows[0]["decision_makers"] == "Jane Roe (CEO)"


def test_forget_erases_and_suppresses_then_export_and_ingest_skip_it(sqlite_url: str) -> None:
    _seed(sqlite_url)
    result = runner.invoke(app, ["forget", "info@acme.de", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Company.id))) == 1
        assert session.scalar(select(func.count(SourceRecord.id))) == 1
        assert session.scalars(select(Suppression.value)).all() == ["info@acme.de"]
        suppressions = SuppressionList.load(session)
    lead = Lead(name="ACME Verpackung GmbH", emails=["Info@ACME.de"],
                source=SourceMeta(source_id="other", page_url="http://x/"))
    assert suppressions.reason_for(normalize_lead(lead)) == "e-mail info@acme.de is suppressed"
    exported = json.loads(runner.invoke(app, ["export", "--format", "json",
                                              "--db", sqlite_url]).output)
    assert [d["domain"] for d in exported] == ["huayu.cn"]


def test_forget_dry_run_names_the_companies_and_changes_nothing(sqlite_url: str) -> None:
    """A role address forgets the whole company, a customer too: --dry-run names them first
    (a customer marked), and the real run names what it erased."""
    _seed(sqlite_url)
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        session.execute(Company.__table__.update().where(Company.registered_domain == "acme.de")
                        .values(status="customer"))
    result = runner.invoke(app, ["forget", "info@acme.de", "--dry-run", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "would suppress 1 entries and erase 1 companies" in result.output
    assert "Acme Verpackung (a customer)" in result.output
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Company.id))) == 2
        assert session.scalar(select(func.count(Suppression.id))) == 0
    result = runner.invoke(app, ["forget", "info@acme.de", "--db", sqlite_url])
    assert "erased 1 companies" in result.output
    assert "Acme Verpackung (a customer)" in result.output


def test_suppressed_domain_hides_a_company_that_arrived_before(sqlite_url: str) -> None:
    _seed(sqlite_url)
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        session.add(Suppression(kind="domain", value="huayu.cn"))
    exported = json.loads(runner.invoke(app, ["export", "--format", "json",
                                              "--db", sqlite_url]).output)
    assert [d["domain"] for d in exported] == ["acme.de"]


def test_forget_by_domain_and_name(sqlite_url: str) -> None:
    _seed(sqlite_url)
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        assert forget(session, "www.huayu.cn")["kind"] == "domain"
        assert session.scalar(select(func.count(Company.id))) == 1
        assert forget(session, "Nobody Ltd")["companies_erased"] == 0


@pytest.mark.parametrize("entry", ["+4989123456", "+49891234560"])
def test_a_switchboards_number_is_suppressed_by_an_entry_old_or_new(entry: str) -> None:
    """A switchboard's "-0" is read as extension 0 now (089 123456-0 is +4989123456); an
    entry stored when it was read as a last digit (+49891234560) still keeps it out."""
    lead = normalize_lead(Lead(name="Acme GmbH", phones=["089 123456-0"],
                               source=SourceMeta(source_id="t", page_url="http://x.test/")),
                          "DE")
    assert [phone.e164 for phone in lead.phones] == ["+4989123456"]
    assert SuppressionList.of([("phone", entry)]).reason_for(lead) is not None
    other = normalize_lead(Lead(name="Beta GmbH", phones=["+33 1 23 45 67 80"],
                                source=SourceMeta(source_id="t", page_url="http://x.test/")))
    assert SuppressionList.of([("phone", "+33123456780")]).reason_for(other) is not None


@pytest.mark.parametrize(("target", "kind", "value"), [
    ("Info@Acme.DE", "email", "info@acme.de"),
    ("info(at)acme(dot)de", "email", "info@acme.de"),  # as an imprint writes it
    ("+49 89 123456", "phone", "+4989123456"),
    ("+49 89 123456-0", "phone", "+4989123456"),  # its switchboard's extension 0
    ("www.acme.de", "domain", "acme.de"),
    ("Acme Verpackung GmbH", "name_key", "acme verpackung"),
    ("7-Eleven", "name_key", "7 eleven"),  # digits in a name are no phone
])
def test_forget_targets_are_classified(target: str, kind: str, value: str) -> None:
    assert classify_target(target) == (kind, value)


@pytest.mark.parametrize(("target", "message"), [
    ("089 123456", "without its country code"),  # not a company named "089 123456"
    ("info@", "not a valid e-mail address"),
    ("+1 2", "not a valid phone number"),
])
def test_forget_targets_that_cannot_be_told_apart_are_refused(target: str, message: str,
                                                               ) -> None:
    with pytest.raises(InputError, match=message):
        classify_target(target)


def test_forget_a_do_not_contact_file(sqlite_url: str, tmp_path: Path) -> None:
    _seed(sqlite_url)
    dnc = tmp_path / "dnc.txt"
    dnc.write_text("email\n# from the CRM, 2026-12\ninfo@acme.de\n\nhuayu.cn\n089 123456\n"
                   "+49 30 9999999\nNobody Ltd\n", encoding="utf-8")
    # the dry run, there to check the list, named no line it could not read
    dry = runner.invoke(app, ["forget", "--file", str(dnc), "--dry-run", "--db", sqlite_url])
    assert "refused dnc.txt:6: '089 123456' looks like a phone number" in dry.output
    assert "would suppress 4 entries (1 lines refused) and erase 2 companies" in dry.output
    result = runner.invoke(app, ["forget", "--file", str(dnc), "--reason", "DNC list",
                                 "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "refused dnc.txt:6: '089 123456' looks like a phone number" in result.output
    assert "suppressed 4 entries from dnc.txt (1 lines refused); erased 2 companies" in (
        result.output)
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Company.id))) == 0
        assert session.scalar(select(func.count(SourceRecord.id))) == 0
        assert sorted(session.execute(select(Suppression.kind, Suppression.value)).all()) == [
            ("domain", "huayu.cn"), ("email", "info@acme.de"), ("name_key", "nobody"),
            ("phone", "+49309999999")]
        assert set(session.scalars(select(Suppression.reason))) == {"DNC list"}
    again = runner.invoke(app, ["forget", "--file", str(dnc), "--db", sqlite_url])
    assert "suppressed 4 entries" in again.output  # nothing twice
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Suppression.id))) == 4


def test_forget_wants_one_target_or_a_file(sqlite_url: str) -> None:
    result = runner.invoke(app, ["forget", "--db", sqlite_url])
    assert result.exit_code != 0 and "give one TARGET or --file FILE" in result.output


def test_records_export_leaves_out_a_suppressed_company(sqlite_url: str) -> None:
    _seed(sqlite_url)
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        session.add(Suppression(kind="domain", value="huayu.cn"))
    rows = list(csv.DictReader(io.StringIO(runner.invoke(
        app, ["export", "records", "--db", sqlite_url]).output)))
    assert [row["record_id"] for row in rows] == ["r0"]


def test_forget_a_do_not_contact_workbook(sqlite_url: str, tmp_path: Path) -> None:
    import openpyxl

    _seed(sqlite_url)
    book = openpyxl.Workbook()
    for row in (["E-Mail", "Grund"], ["info@acme.de", "Widerspruch"], ["not an email@", ""]):
        book.active.append(row)
    path = tmp_path / "sperrliste.xlsx"
    book.save(path)
    result = runner.invoke(app, ["forget", "--file", str(path), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "refused sperrliste.xlsx:3: 'not an email@' is not a valid e-mail address" in (
        result.output)
    assert "suppressed 1 entries from sperrliste.xlsx (1 lines refused); erased 1 companies" in (
        result.output)


def _import(tmp_path: Path, url: str, name: str, text: str, source: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--source", source, "--region", "DE",
                                 "--db", url])
    assert result.exit_code == 0, result.output
    return result.output


def _exported_names(url: str) -> list[str]:
    output = runner.invoke(app, ["export", "--format", "json", "--db", url]).output
    return sorted(document["name"] for document in json.loads(output))


def test_a_forgotten_phone_of_a_contact_person_is_neither_stored_nor_exported(
        sqlite_url: str, tmp_path: Path) -> None:
    """A person's direct line is the company's number too: forgotten, it keeps the row out
    (it was stored in the person's details and exported in the CRM's person columns), and
    forgetting it later erases the company."""
    rows = ("Firma,Telefon,Ansprechpartner,Contact Phone\n"
            "Alpha Drucktechnik GmbH,030 1234567,Hans Müller,0171 5555555\n"
            "Beta Maschinenbau KG,089 7654321,Anna Schmidt,0172 6666666\n")
    forgotten = runner.invoke(app, ["forget", "+49 171 5555555", "--db", sqlite_url])
    assert forgotten.exit_code == 0, forgotten.output
    output = _import(tmp_path, sqlite_url, "list.csv", rows, "fair")
    assert "suppressed (phone +491715555555 is suppressed)" in output
    assert _exported_names(sqlite_url) == ["Beta Maschinenbau"]
    again = runner.invoke(app, ["forget", "+49 172 6666666", "--db", sqlite_url])
    assert "erased 1 companies" in again.output
    assert _exported_names(sqlite_url) == []


def test_a_company_forgotten_by_name_stays_out_under_the_names_the_matcher_knows(
        sqlite_url: str, tmp_path: Path) -> None:
    """Forgotten as "Müller & Söhne GmbH", a company came back as "Mueller und Soehne GmbH";
    "深圳市华强电子有限公司" came back as "华强电子（深圳）有限公司" (the matcher knows each as
    the same company). And a name a merged company goes by besides its own is forgotten
    with it."""
    for name in ("Müller & Söhne GmbH", "深圳市华强电子有限公司"):
        runner.invoke(app, ["forget", name, "--db", sqlite_url])
    output = _import(tmp_path, sqlite_url, "b.csv",
                     "Firma,Ort\nMueller und Soehne GmbH,Köln\n华强电子（深圳）有限公司,深圳\n"
                     "Gamma Logistik GmbH,Bonn\n", "b")
    assert output.count("suppressed (company name") == 2
    assert _exported_names(sqlite_url) == ["Gamma Logistik"]
    _import(tmp_path, sqlite_url, "alias.csv", "Firma,USt-IdNr\n"
            "Acme Trading GmbH,DE136695976\nAcme Verpackung GmbH,DE136695976\n", "c")
    merged = _exported_names(sqlite_url)  # one company, under one of its two names
    assert len(merged) == 2 and merged[0] in ("Acme Trading", "Acme Verpackung")
    other = "Acme Trading GmbH" if merged[0] == "Acme Verpackung" else "Acme Verpackung GmbH"
    forgotten = runner.invoke(app, ["forget", other, "--db", sqlite_url])
    assert "erased 1 companies" in forgotten.output
    assert _exported_names(sqlite_url) == ["Gamma Logistik"]


def test_a_do_not_contact_list_separated_by_semicolons(sqlite_url: str, tmp_path: Path) -> None:
    """Excel writes ";" where "," is the decimal mark: the first column is the entry (the
    whole line was read as a company name: "beta-log.de;dnc")."""
    _seed(sqlite_url)
    dnc = tmp_path / "dnc.csv"
    dnc.write_text("E-Mail;Grund\nhuayu.cn;dnc\ninfo@acme.de;Kunde\n", encoding="utf-8")
    result = runner.invoke(app, ["forget", "--file", str(dnc), "--db", sqlite_url])
    assert "erased 2 companies" in result.output, result.output
    engine = init_db(sqlite_url)
    with session_scope(engine) as session:
        assert sorted(session.scalars(select(Suppression.value))) == ["huayu.cn", "info@acme.de"]


def test_exported_times_carry_their_utc_offset_on_every_database(db_url: str) -> None:
    """SQLite gave them back without an offset and PostgreSQL with one: two exports of the
    same leads differed, and a spreadsheet could read the first as local time."""
    _seed(db_url)
    docs = json.loads(runner.invoke(app, ["export", "--format", "json", "--db", db_url]).output)
    assert docs and all(doc["first_seen"].endswith("+00:00") for doc in docs)
    records = list(csv.DictReader(io.StringIO(runner.invoke(
        app, ["export", "records", "--db", db_url]).output)))
    assert records and all(row["fetched_at"].endswith("+00:00") for row in records)


def test_a_long_reason_is_cut_and_an_overlong_target_refused(db_url: str) -> None:
    """PostgreSQL refused a reason of over 200 characters (a DSGVO ticket's text) and a
    target over 320 with a traceback; SQLite stored them."""
    _seed(db_url)
    reason = "Kunde verlangt Löschung nach DSGVO Art. 17; Ticket 4711. " * 5
    result = runner.invoke(app, ["forget", "info@acme.de", "--reason", reason, "--db", db_url])
    assert result.exit_code == 0, result.output
    with session_scope(init_db(db_url)) as session:
        assert session.scalars(select(Suppression.reason)).one() == reason[:200]
    with pytest.raises(InputError, match="characters; no e-mail, domain, phone or company"):
        with session_scope(init_db(db_url)) as session:
            forget(session, "Sehr langer Firmenname " * 16 + "GmbH")


def test_a_do_not_contact_lists_header_in_german_or_chinese_is_no_entry(
        sqlite_url: str, tmp_path: Path) -> None:
    """A German list's header "Firma" was suppressed as a company name ("3 entries" for
    one company), as was "Telefon" or "公司名称": only English header words were known."""
    _seed(sqlite_url)
    for header in ("Firma", "Telefon", "公司名称"):
        dnc = tmp_path / "dnc.csv"
        dnc.write_text(f"{header};Grund\nhuayu.cn;dnc\n", encoding="utf-8")
        result = runner.invoke(app, ["forget", "--file", str(dnc), "--db", sqlite_url])
        assert "suppressed 1 entries from dnc.csv (0 lines refused)" in result.output, (
            result.output)
    with session_scope(init_db(sqlite_url)) as session:
        assert list(session.scalars(select(Suppression.value))) == ["huayu.cn"]


_NAMES = ("Firma,Ort,Land\nMüller Verpackung GmbH,Berlin,DE\n杭州华宇包装机械有限公司,杭州,CN\n"
          "Acme GmbH,Berlin,DE\n")


@pytest.mark.parametrize(("name", "text", "encoding", "read_as", "erased"), [
    # Excel's CSV on a Chinese and on a Western European Windows
    ("dnc.txt", "Firma\n杭州华宇包装机械有限公司\n", "gbk", "gb18030", "杭州华宇包装机械"),
    ("dnc.csv", "Firma;Grund\nMüller Verpackung GmbH;Widerspruch\n", "cp1252", "cp1252",
     "Müller Verpackung"),
    # Excel's "Unicode text" (UTF-16 with its mark), and UTF-8 with its mark: no guess
    ("dnc.csv", "Firma\tGrund\nMüller Verpackung GmbH\tdnc\n", "utf-16", None,
     "Müller Verpackung"),
    ("dnc.csv", "杭州华宇包装机械有限公司\n", "utf-8-sig", None, "杭州华宇包装机械"),
])
def test_forget_a_do_not_contact_file_in_another_encoding(
        sqlite_url: str, tmp_path: Path, name: str, text: str, encoding: str,
        read_as: str | None, erased: str) -> None:
    """A list saved by Excel on a Chinese or German Windows was refused ("not UTF-8 text;
    save it as UTF-8"), where `leadgen import` reads such a file. Now it is read in the
    encoding it looks like, and the command names that encoding."""
    _import(tmp_path, sqlite_url, "list.csv", _NAMES, "list")
    dnc = tmp_path / name
    dnc.write_bytes(text.encode(encoding))
    result = runner.invoke(app, ["forget", "--file", str(dnc), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    note = (f"warning {name}: not UTF-8 text: read as {read_as}, which it looks like (give "
            "--encoding to read it as another)")
    assert (note in result.output) == (read_as is not None), result.output
    assert "0 lines refused" in result.output and f" {erased}\n" in result.output
    assert erased not in _exported_names(sqlite_url)


@pytest.mark.parametrize(("data", "options", "error"), [
    # a line pasted in from a file in another encoding, after UTF-8 lines
    ("Müller Verpackung GmbH\n".encode() + "Acmé GmbH\n".encode("cp1252"), [],
     "dnc.txt: line 2: not utf-8 text (invalid continuation byte); the lines before it "
     "were, so the line was pasted in from elsewhere: save it again in the file's encoding, "
     "or remove it"),
    ("Acme GmbH\n杭州华宇\n".encode("gbk"), ["--encoding", "ascii"],
     "dnc.txt: line 2: not ascii text (ordinal not in range(128)); give another --encoding"),
])
def test_a_do_not_contact_file_that_does_not_decode_is_refused_in_one_line(
        sqlite_url: str, tmp_path: Path, data: bytes, options: list[str], error: str) -> None:
    dnc = tmp_path / "dnc.txt"
    dnc.write_bytes(data)
    result = runner.invoke(app, ["forget", "--file", str(dnc), *options, "--db", sqlite_url])
    assert result.exit_code != 0
    assert " ".join(str(result.exception).split()).endswith(error), result.output
