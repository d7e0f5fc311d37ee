"""One person named by several lists and by the company's website is one contact person of the
company: names keyed without salutations, academic titles and degrees, in either name order and
umlaut spelling."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from enrich.pages import CompanySitePage
from enrich.store import store_site_result
from leadgen.importer import import_file
from leadgen.normalize.person import person_key, person_name
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, ContactPoint

PERSONS = [
    # raw, display name, key
    ("Herr Dr. Hans Müller", "Hans Müller", "hans muller"),
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
    ("Vertrieb", "Vertrieb", "vertrieb"),  # no name: kept as it is
    # A title after the comma is no first name.
    ("Hans Müller, Geschäftsführer", "Hans Müller, Geschäftsführer",
     "hans muller geschaftsfuhrer"),
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
    page = CompanySitePage(IMPRESSUM, "http://www.mueller-verpackung.de/impressum").facts()
    with session_scope(engine) as session:
        store_site_result(session, {
            "company_id": company_id, "start_url": "http://www.mueller-verpackung.de/",
            "domain": "mueller-verpackung.de", "region": "DE", "pages": [page.as_dict()],
            "fetched_at": datetime.now(UTC).isoformat()})
    with session_scope(engine) as session:
        people = session.scalars(select(ContactPoint).where(
            ContactPoint.company_id == company_id, ContactPoint.kind == "person")).all()
        assert [(p.value, p.person_name, p.title, p.decision_maker) for p in people] == [
            ("hans muller", "Hans Müller", "Geschäftsführer", True)]
