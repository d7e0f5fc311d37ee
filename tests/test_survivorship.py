"""Which value a company shows when several records describe it (survivorship), on import
and after ``leadgen dedupe --force``: a table of records in the order they arrive and the
values a sales user expects to see."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.ingest import Ingestor
from leadgen.items import Address, Lead, SourceMeta
from leadgen.normalize import normalize_lead
from leadgen.normalize.lead import normalize_phones
from leadgen.storage import init_db
from leadgen.storage.models import Company

_COLUMNS = ("display_name", "legal_form", "email", "phone", "street", "postal_code", "city")


def lead(name: str, source: str, *, street: str | None = None, city: str | None = None,
         postal_code: str | None = None, country: str = "DE", **fields: Any) -> Lead:
    """A record of a list: ``source`` "customers" has the bundled rules' trust 4, "import"
    3, any other 1."""
    meta = SourceMeta(source_id=source, page_url=f"http://{source}.test/list",
                      record_id=f"{source}-{name}")
    return Lead(name=name, source=meta, website="weber-elektro.de", address=Address(
        street=street, city=city, postal_code=postal_code, country=country), **fields)


CASES: list[tuple[str, list[Lead], dict[str, Any]]] = [
    # A customer list (trust 4) from an ERP that writes everything in capitals: its values
    # win, written as the CRM (trust 3) writes the same name and address.
    ("capitals-of-a-trusted-list", [
        lead("Weber Elektrotechnik AG", "import", street="Zeil 10", city="Frankfurt am Main",
             postal_code="60313"),
        lead("WEBER ELEKTROTECHNIK AG", "customers", street="ZEIL 10",
             city="FRANKFURT AM MAIN", postal_code="60313", phones=["069 1234560"])],
     {"display_name": "Weber Elektrotechnik", "legal_form": "AG", "street": "Zeil 10",
      "city": "Frankfurt am Main", "phone": "+49691234560"}),
    # A later list of one trust gives the same address in capitals, the umlauts written out.
    ("capitals-of-a-later-list", [
        lead("Weber Elektrotechnik GmbH", "dir-a", street="Hauptstraße 5", city="München",
             postal_code="80331"),
        lead("WEBER ELEKTROTECHNIK GMBH", "dir-b", street="HAUPTSTR. 5", city="MUENCHEN",
             postal_code="80331")],
     {"display_name": "Weber Elektrotechnik", "legal_form": "GmbH", "street": "Hauptstraße 5",
      "city": "München"}),
    # Another address is another value: the newer one stays, in capitals as written.
    ("a-move-is-no-respelling", [
        lead("Weber Elektrotechnik GmbH", "dir-a", street="Via Roma 1", city="Milano",
             postal_code="20121", country="IT", phones=["02 12345678"]),
        lead("WEBER ELEKTROTECHNIK GMBH", "dir-b", street="VIA TORINO 20", city="MILANO",
             postal_code="20123", country="IT", phones=["+39 02 12345678"])],
     {"street": "VIA TORINO 20", "postal_code": "20123", "city": "MILANO"}),
    # A CRM's e-mail column holds someone's gmail: the company's own address wins, from any
    # source.
    ("free-mail-of-someone-else", [
        lead("Weber Elektrotechnik GmbH", "dir-a", emails=["info@weber-elektro.de"]),
        lead("Weber Elektrotechnik GmbH", "customers", emails=["k.weber1970@gmail.com"])],
     {"email": "info@weber-elektro.de"}),
    ("free-mail-beside-a-role-address-in-one-record", [
        lead("Weber Elektrotechnik GmbH", "dir-a",
             emails=["k.weber1970@gmail.com", "info@weber-elektro.de"])],
     {"email": "info@weber-elektro.de"}),
    ("a-free-mail-address-alone-stays", [
        lead("Weber Elektrotechnik GmbH", "dir-a", emails=["weber.elektro@gmail.com"]),
        lead("Weber Elektrotechnik GmbH", "dir-b", phones=["089 123456"])],
     {"email": "weber.elektro@gmail.com"}),
    # A street address over a post-office box a later list gives.
    ("post-office-box", [
        lead("Weber Elektrotechnik GmbH", "dir-a", street="Königstraße 10", city="Nürnberg",
             postal_code="90402"),
        lead("Weber Elektrotechnik GmbH", "dir-b", street="Postfach 1234", city="Nürnberg",
             postal_code="90001")],
     {"street": "Königstraße 10", "postal_code": "90402"}),
    # A CRM's newer, more trusted record gives one employee's mobile: the company's landline
    # (its switchboard, another list's) stays its phone; a record listing a mobile first
    # offers its landline.
    ("a-mobile-of-one-employee", [
        lead("Weber Elektrotechnik GmbH", "dir-a", phones=["0911 445566-0"]),
        lead("Weber Elektrotechnik GmbH", "import", phones=["0171 2345678"])],
     {"phone": "+49911445566"}),
    ("a-mobile-listed-first", [
        lead("Weber Elektrotechnik GmbH", "dir-a", phones=["Mobil 0171 2345678",
                                                          "Tel. 0911 445566"])],
     {"phone": "+49911445566"}),
    ("a-mobile-alone-stays", [
        lead("Weber Elektrotechnik GmbH", "dir-a", emails=["info@weber-elektro.de"]),
        lead("Weber Elektrotechnik GmbH", "import", phones=["0171 2345678"])],
     {"phone": "+491712345678"}),
    # A newer list gives one person's direct line (the switchboard's number and two digits
    # more, as German lists write it): the switchboard stays the company's number, from
    # either list, in either order; another number of the company is no direct line.
    ("a-direct-line-after-the-switchboard", [
        lead("Weber Elektrotechnik GmbH", "dir-a", phones=["0911 445566-0"]),
        lead("Weber Elektrotechnik GmbH", "dir-b", phones=["0911 445566-23"])],
     {"phone": "+49911445566"}),
    ("the-switchboard-after-a-direct-line", [
        lead("Weber Elektrotechnik GmbH", "import", phones=["0911 445566-23"]),
        lead("Weber Elektrotechnik GmbH", "dir-b", phones=["0911 445566-0"])],
     {"phone": "+49911445566"}),
    ("another-number-is-no-direct-line", [
        lead("Weber Elektrotechnik GmbH", "dir-a", phones=["0911 445566-0"]),
        lead("Weber Elektrotechnik GmbH", "dir-b", phones=["0911 445577"])],
     {"phone": "+49911445577"}),
    # A fax number alone in a list's phone column is no number to call.
    ("fax-in-the-phone-column", [
        lead("Weber Elektrotechnik GmbH", "dir-a", phones=["030 4567890"]),
        lead("Weber Elektrotechnik GmbH", "dir-b", phones=["Fax: 030 4567891"])],
     {"phone": "+49304567890"}),
]


def _columns(engine: Any) -> dict[str, Any]:
    with engine.connect() as conn:
        (row,) = conn.execute(select(*(getattr(Company, c) for c in _COLUMNS))).all()
    return dict(zip(_COLUMNS, row, strict=True))


@pytest.mark.parametrize(("leads", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_the_company_shows_the_value_a_sales_user_expects(
        sqlite_url: str, leads: list[Lead], expected: dict[str, Any]) -> None:
    engine = init_db(sqlite_url)
    for item in leads:  # a batch per record: each merge reads the stored company back
        with Ingestor(engine) as ingestor:
            ingestor.ingest(normalize_lead(item, "DE"))
    shown = _columns(engine)
    assert {column: shown[column] for column in expected} == expected
    result = CliRunner().invoke(app, ["dedupe", "--db", sqlite_url, "--force"])
    assert result.exit_code == 0, result.output
    assert _columns(engine) == shown  # the batch recompute gives the same survivors


def test_explain_names_the_record_a_value_is_written_as(sqlite_url: str) -> None:
    engine = init_db(sqlite_url)
    for item in CASES[0][1]:
        with Ingestor(engine) as ingestor:
            ingestor.ingest(normalize_lead(item, "DE"))
    with engine.connect() as conn:
        company_id = conn.execute(select(Company.id)).scalar_one()
    result = CliRunner().invoke(app, ["explain", str(company_id), "--db", sqlite_url])
    text = result.output
    assert "street: Zeil 10  <- record 2 (customers), written as record 1 (import) has it" in text


@pytest.mark.parametrize(("fields", "numbers"), [
    (["Fax: 312-555-0101"], []),
    (["Telefax 030 4567891"], []),
    (["030 4567890 / Fax 030 4567891"], ["+49304567890"]),
    (["Tel. 030 4567890"], ["+49304567890"]),
])
def test_a_fax_number_alone_in_a_phone_field_is_no_phone(
        fields: list[str], numbers: list[str]) -> None:
    assert [phone.e164 for phone in normalize_phones(fields, "US" if "312" in fields[0]
                                                     else "DE")] == numbers
