"""One person named by several lists and by the company's website is one contact person of the
company: names keyed without salutations, academic titles and degrees, in either name order and
umlaut spelling."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from enrich.pages import CompanySitePage
from enrich.store import store_site_result
from leadgen.importer import import_file
from leadgen.matching.dedupe import dedupe
from leadgen.normalize.person import person_key, person_name
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, ContactPoint

PERSONS = [
    # raw, display name, key
    ("Herr Dr. Hans Müller", "Hans Müller", "hans muller"),
    ("Smt. Sunita Reddy", "Sunita Reddy", "sunita reddy"),  # India's salutations
    ("Shri Ramesh Kumar", "Ramesh Kumar", "ramesh kumar"),
    ("Sri Mulyani Indrawati", "Sri Mulyani Indrawati", "sri mulyani indrawati"),
    ("Müller, Hans", "Hans Müller", "hans muller"),
    ("Hans Mueller", "Hans Mueller", "hans muller"),
    ("HANS MÜLLER", "HANS MÜLLER", "hans muller"),
    ("Prof. Dr. h.c. Anna Weber", "Anna Weber", "anna weber"),
    ("Weber, Anna, MBA", "Anna Weber", "anna weber"),
    ("Frau Dipl.-Ing. Eva Groß", "Eva Groß", "eva gross"),
    ("Mme Claire Dubois", "Claire Dubois", "claire dubois"),
    ("王伟先生", "王伟", "王伟"),
    # Without a first name the salutation tells two people apart: kept.
    ("Herr Müller", "Herr Müller", "herr muller"),
    ("Frau Müller", "Frau Müller", "frau muller"),
    ("王先生", "王先生", "王先生"),
    # A family name of two characters, or one after a department, is still no name
    ("欧阳先生", "欧阳先生", "欧阳先生"), ("欧阳小姐", "欧阳小姐", "欧阳小姐"),
    ("采购部 李小姐", "采购部 李小姐", "采购部李小姐"),
    ("Vertrieb", "Vertrieb", "vertrieb"),  # no name: kept as it is
    # A title after the comma is no first name.
    ("Hans Müller, Geschäftsführer", "Hans Müller, Geschäftsführer",
     "hans muller geschaftsfuhrer"),
    # The family name first with titles on either side, as German lists write it (each was
    # a contact of its own: "muller dr hans", "hans dr muller"), and a page's markup.
    ("Müller, Dr. Hans", "Hans Müller", "hans muller"),
    ("Dr. Müller, Hans", "Hans Müller", "hans muller"),
    ("Prof. Dr. Müller, Hans", "Hans Müller", "hans muller"),  # read twice, it changed
    ("Herr Müller, Hans", "Hans Müller", "hans muller"),
    ("Hans M&uuml;ller", "Hans Müller", "hans muller"),
    ("Hans Mül\u00adler", "Hans Müller", "hans muller"),  # a soft hyphen
    ("Weber, Herr", "Weber, Herr", "weber herr"),  # no first name: kept as it is
    # Dr.-Ing. (each spelling a contact of its own: "dr ing hans muller"), the Gulf's "Eng.",
    # Spain's "Dña.", Turkey's "Sn."; "Eng" and "Habil" without a dot are names.
    ("Dr.-Ing. Hans Müller", "Hans Müller", "hans muller"),
    ("Prof. Dr.-Ing. habil. Hans Müller", "Hans Müller", "hans muller"),
    ("Dr.Ing. Hans Müller", "Hans Müller", "hans muller"),
    ("Eng. Ahmed Ali", "Ahmed Ali", "ahmed ali"),
    ("Dña. María López", "María López", "maria lopez"),
    ("Sn. Ahmet Yılmaz", "Ahmet Yılmaz", "ahmet yilmaz"),
    ("Eng Lim Tan", "Eng Lim Tan", "eng lim tan"),
    ("Habil Kaya Demir", "Habil Kaya Demir", "habil kaya demir"),
]


@pytest.mark.parametrize(("raw", "display", "key"), PERSONS)
def test_person_names_and_keys(raw: str, display: str, key: str) -> None:
    assert (person_name(raw), person_key(raw)) == (display, key)


@pytest.mark.parametrize(("raw", "display", "key"), PERSONS)
def test_person_keys_are_the_keys_of_their_display_names(raw: str, display: str,
                                                         key: str) -> None:
    assert person_name(display) == display and person_key(display) == key


IMPRESSUM = """<html lang="de"><body><h1>Impressum</h1><p>Müller Verpackungen GmbH</p>
<p>Geschäftsführer: Dr. Hans Müller</p><p>Registergericht Berlin HRB 12345</p></body></html>"""


def store_imprint(engine: Engine, company_id: int, html: str) -> None:
    """Store the imprint page ``html`` of mueller-verpackung.de as the website enrichment of
    company ``company_id``."""
    page = CompanySitePage(html, "http://www.mueller-verpackung.de/impressum").facts()
    with session_scope(engine) as session:
        store_site_result(session, {
            "company_id": company_id, "start_url": "http://www.mueller-verpackung.de/",
            "domain": "mueller-verpackung.de", "region": "DE", "pages": [page.as_dict()],
            "fetched_at": datetime.now(UTC).isoformat()})


def test_one_person_from_two_lists_and_the_website_is_one_contact(tmp_path: Path,
                                                                    sqlite_url: str) -> None:
    first = tmp_path / "fair.csv"
    first.write_text("Firma;Ort;Telefon;Ansprechpartner;Position\n"
                     "Müller Verpackungen GmbH;Berlin;030 1234567;Herr Dr. Hans Müller;"
                     "Geschäftsführer\n", encoding="utf-8")
    second = tmp_path / "crm.csv"
    second.write_text("Company,City,Phone,Contact Person,Title\n"
                      "Mueller Verpackungen,Berlin,+49 30 1234567,\"Mueller, Hans\",CEO\n",
                      encoding="utf-8")
    engine = init_db(sqlite_url)
    for path, source in ((first, "fair"), (second, "crm")):
        report = import_file(engine, path, source=source, region="DE")
        assert not report.rejected
    with session_scope(engine) as session:
        (company_id,) = session.scalars(select(Company.id)).all()  # one company
    store_imprint(engine, company_id, IMPRESSUM)
    with session_scope(engine) as session:
        people = session.scalars(select(ContactPoint).where(
            ContactPoint.company_id == company_id, ContactPoint.kind == "person")).all()
        assert [(p.value, p.person_name, p.title, p.decision_maker) for p in people] == [
            ("hans muller", "Hans Müller", "CEO", True)]  # the newer list's title


def test_dedupe_rekeys_contacts_stored_under_old_keys(tmp_path: Path, db_url: str) -> None:
    """Contacts an earlier version stored under the name as given (two keys for one person)
    become one contact with what each knew; a contact whose key another one takes is moved on
    to its own current key first, whatever order the updates run in."""
    listing = tmp_path / "fair.csv"
    listing.write_text("Firma;Ort;Telefon\nMüller Verpackungen GmbH;Berlin;030 1234567\n",
                       encoding="utf-8")
    engine = init_db(db_url)
    import_file(engine, listing, source="fair", region="DE")
    checked = datetime(2026, 1, 2, tzinfo=UTC)
    with session_scope(engine) as session:
        (company_id,) = session.scalars(select(Company.id)).all()
        session.add_all([
            ContactPoint(company_id=company_id, kind="person", value="Herr Dr. Hans Müller",
                         person_name="Herr Dr. Hans Müller", details={"phone": "+49301234567"},
                         found_at=datetime(2025, 5, 1, tzinfo=UTC)),
            ContactPoint(company_id=company_id, kind="person", value="Müller, Hans",
                         person_name="Müller, Hans", title="CEO", decision_maker=True,
                         status="valid", status_reason="mx ok", checked_at=checked,
                         details={"email": "h.mueller@mueller.de", "phone": "+49309999"},
                         found_at=datetime(2025, 6, 1, tzinfo=UTC)),
            # Held "hans muller" before its name's key became a key of its own.
            ContactPoint(company_id=company_id, kind="person", value="hans muller",
                         person_name="Hans Müller, Geschäftsführer",
                         found_at=datetime(2025, 7, 1, tzinfo=UTC)),
            ContactPoint(company_id=company_id, kind="email", value="info@mueller.de"),
        ])
    report = dedupe(engine, default_region="DE")
    assert report.contacts_rekeyed == 3  # two kept contacts keyed anew, one merged away
    with session_scope(engine) as session:
        people = session.scalars(select(ContactPoint).where(
            ContactPoint.company_id == company_id, ContactPoint.kind == "person")
            .order_by(ContactPoint.value)).all()
        assert [(p.value, p.person_name, p.title, p.decision_maker, p.status, p.status_reason,
                 p.details) for p in people] == [
            ("hans muller", "Hans Müller", "CEO", True, "valid", "mx ok",
             {"phone": "+49301234567", "email": "h.mueller@mueller.de"}),
            ("hans muller geschaftsfuhrer", "Hans Müller, Geschäftsführer", None, False, None,
             None, {}),
        ]
        assert people[0].found_at.replace(tzinfo=UTC) == datetime(2025, 5, 1, tzinfo=UTC)
        assert people[0].checked_at.replace(tzinfo=UTC) == checked
        assert session.scalars(select(ContactPoint.value).where(
            ContactPoint.kind == "email")).all() == ["info@mueller.de"]
    assert dedupe(engine, default_region="DE", force=True).contacts_rekeyed == 0


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_person_named_again_takes_the_newer_title(db_url: str, tmp_path: Path,
                                                    workers: str) -> None:
    """Karl Huber, Konstrukteur on one list and Geschäftsführer on a newer one (or in the
    same row imported again) stayed Konstrukteur, no decision maker: the authority score
    never saw the promotion."""
    from typer.testing import CliRunner

    from leadgen.cli import app

    for number, (source, title) in enumerate((("fair", "Konstrukteur"),
                                              ("crm", "Geschäftsführer"))):
        path = tmp_path / f"{source}.csv"
        path.write_text("Firma,Telefon,Ansprechpartner,Position\n"
                        f"Gamma Technik GmbH,030 1234567,Karl Huber,{title}\n", encoding="utf-8")
        result = CliRunner().invoke(app, ["import", str(path), "--source", source, "--region",
                                          "DE", "--workers", workers, "--db", db_url])
        assert result.exit_code == 0, result.output
        with session_scope(init_db(db_url)) as session:
            people = session.scalars(select(ContactPoint).where(
                ContactPoint.kind == "person")).all()
            assert [(p.person_name, p.title, p.decision_maker) for p in people] == [
                ("Karl Huber", title, number == 1)]


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_less_trusted_list_does_not_demote_a_customers_contact(
        db_url: str, tmp_path: Path, workers: str) -> None:
    """A customer's CRM export (``--as customers``) names Hans Müller Geschäftsführer; a
    purchased list made him "Assistant", no decision maker, and ``leadgen explain`` credited
    the CRM with that title. Now the stored title stays, and an equally trusted newer list
    still changes a title (showing which record gave it)."""
    from typer.testing import CliRunner

    from leadgen.cli import app

    def imported(source: str, title: str, *extra: str) -> list[tuple[Any, ...]]:
        path = tmp_path / f"{source}.csv"
        path.write_text("id,Firma,Telefon,Ansprechpartner,Position\n"
                        f"1,Müller Maschinenbau GmbH,030 1234567,Hans Müller,{title}\n",
                        encoding="utf-8")
        result = CliRunner().invoke(app, [
            "import", str(path), "--source", source, "--id-column", "id", "--region", "DE",
            "--workers", workers, *extra, "--db", db_url])
        assert result.exit_code == 0, result.output
        with session_scope(init_db(db_url)) as session:
            return [(p.title, p.decision_maker, p.source_url.rsplit("/", 1)[1],
                     p.details.get("title_url", "").rsplit("/", 1)[-1])
                    for p in session.scalars(select(ContactPoint).where(
                        ContactPoint.kind == "person"))]

    assert imported("crm", "Geschäftsführer", "--as", "customers") == [
        ("Geschäftsführer", True, "crm.csv#1", "")]
    assert imported("bought", "Assistant") == [("Geschäftsführer", True, "crm.csv#1", "")]
    assert imported("fair", "Assistant") == [("Geschäftsführer", True, "crm.csv#1", "")]
    assert imported("crm2", "CEO", "--as", "customers") == [
        ("CEO", True, "crm.csv#1", "crm2.csv#1")]
    explained = CliRunner().invoke(app, ["explain", "1", "--db", db_url]).output
    assert "person: Hans Müller (CEO)  <- file://" in explained
    assert explained.split("person: Hans Müller (CEO)")[1].split("\n")[0].endswith(
        ", title <- " + (tmp_path / "crm2.csv").as_uri() + "#1")
