"""Company register and tax numbers: checked, written as one key per company, and the
strongest evidence for and against a pair."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.items import Address, Lead, SourceMeta
from leadgen.matching import compare, load_rules, profile_of
from leadgen.normalize import normalize_lead
from leadgen.normalize.registry import register_of, registry_key, registry_keys

RULES = load_rules()


@pytest.mark.parametrize(("raw", "country", "key"), [
    # EU VAT IDs, however written, with a label, or without their letters in their country
    ("DE 136 695 976", None, "vat:DE136695976"),
    ("USt-IdNr.: DE136695976", None, "vat:DE136695976"),
    ("136695976", "DE", "vat:DE136695976"),
    ("ATU13585627", None, "vat:ATU13585627"),
    ("NL 8200.98.395.B01", None, "vat:NL820098395B01"),
    ("GB 980 7806 84", None, "vat:GB980780684"),
    # France: a SIRET and a VAT ID name the company's SIREN
    ("FR 44 732829320", None, "siren:732829320"),
    ("732 829 320 00074", None, "siren:732829320"),
    ("732829320", "FR", "siren:732829320"),
    # Switzerland's UID, also as its VAT ID; China's unified social credit code; India,
    # Brazil, Australia
    ("CHE-116.281.710 MWST", None, "uid:CHE116281710"),
    ("统一社会信用代码：91110000600037341L", None, "uscc:91110000600037341L"),
    ("27AAPFU0939F1ZV", None, "pan:AAPFU0939F"),  # a GSTIN per state: the company's PAN
    ("29AAPFU0939F1ZR", None, "pan:AAPFU0939F"),
    ("AAPFU0939F", "IN", "pan:AAPFU0939F"),
    ("00.000.000/0001-91", "BR", "cnpj:00000000"),  # a head office and a branch: one root
    ("11.222.333/0001-81", "BR", "cnpj:11222333"),
    ("11.222.333/0002-62", "BR", "cnpj:11222333"),
    ("980 7806 84", "GB", "vat:GB980780684"),  # a British VAT number without its letters
    ("556036-0793", "SE", "vat:SE556036079301"),  # an organisationsnummer
    ("5260250274", "PL", "vat:PL5260250274"),  # a NIP
    ("51 824 753 556", "AU", "abn:51824753556"),
    # A label without a colon, as lists write it; a country's letters stay with the number
    ("NIP 525-241-00-88", "PL", "vat:PL5252410088"),
    ("SIRET 552 032 534 00018", "FR", "siren:552032534"),
    ("CNPJ 00.000.000/0001-91", "BR", "cnpj:00000000"),
    ("VAT No. GB980780684", None, "vat:GB980780684"),
    ("N° TVA FR44732829320", None, "siren:732829320"),
    ("统一社会信用代码 91110000600037341L", None, "uscc:91110000600037341L"),
    # Norway's organisasjonsnummer (its VAT ID with "MVA"), a Mexican company's RFC
    ("NO 923 609 016 MVA", None, "vat:NO923609016"),
    ("923609016", "NO", "vat:NO923609016"),
    ("RFC VSO-120910-LV5", "MX", "rfc:VSO120910LV5"),
    ("VSO120910LV4", "MX", None),  # a wrong check digit
    ("11913502", "TW", "ubn:11913502"),  # Taiwan's unified business number (統一編號)
    ("11913503", "TW", None),
    # Japan's corporate number (法人番号), and as the invoice registration number anywhere
    ("1180301018771", "JP", "jpcn:1180301018771"),
    ("法人番号 1-1803-0101-8771", "JP", "jpcn:1180301018771"),
    ("T1180301018771", None, "jpcn:1180301018771"),
    ("1180301018772", "JP", None),  # a wrong check digit
    ("1180301018771", None, None),  # thirteen digits anywhere
    # A wrong check digit, a number of no known register, or nine digits anywhere: no key
    ("DE123456789", None, None),
    ("HRB 12345", None, None),
    ("732829320", None, None),
    ("12345", "DE", None),
])
def test_registry_key(raw: str, country: str | None, key: str | None) -> None:
    assert registry_key(raw, country) == key
    if key is not None:
        assert registry_key(key.partition(":")[2], country) in (key, None)


def test_registry_keys_read_the_numbers_a_page_or_a_list_gives() -> None:
    extra = {"ustidnr": "DE136695976", "vat": ["DE 136 695 976", "ATU13585627"],
             "icp": "京ICP备12345678号", "registry_id": "not a number"}
    assert registry_keys(extra, "DE") == ("vat:DE136695976", "vat:ATU13585627")
    assert register_of("vat:DE136695976") == "vat:DE" != register_of("vat:ATU13585627")


def _profile(name: str, city: str, **extra: str):  # type: ignore[no-untyped-def]
    lead = Lead(name=name, source=SourceMeta(source_id="t", page_url="https://dir.test/x"),
                country_hint="DE", address=Address(city=city), extra=extra)
    return profile_of(normalize_lead(lead), RULES)


@pytest.mark.parametrize(("left", "right", "label", "decision"), [
    # One VAT ID: one company, however its names and towns differ
    (_profile("Acme Verpackung GmbH", "Berlin", vat="DE136695976"),
     _profile("ACME Packaging Solutions", "München", ustidnr="DE 136 695 976"),
     "same company register or tax number", "match"),
    # Two VAT IDs of one country: two companies, though their names and town are one
    (_profile("Acme GmbH", "Berlin", vat="DE136695976"),
     _profile("Acme GmbH", "Berlin", vat="DE129273398"),
     "another number in the same register", "no_match"),
    # A German and an Austrian VAT ID: one company may hold both, no evidence either way
    (_profile("Acme GmbH", "Berlin", vat="DE136695976"),
     _profile("Acme GmbH", "Berlin", vat="ATU13585627"),
     "numbers of different registers (not comparable)", "match"),
])
def test_register_numbers_decide_pairs(left, right, label: str,  # type: ignore[no-untyped-def]
                                       decision: str) -> None:
    result = compare(left, right, RULES)
    assert next(hit.label for hit in result.levels if hit.field == "registry") == label
    assert result.decision == decision


def _group_company(name: str, cnpj: str):  # type: ignore[no-untyped-def]
    """A company of a group at its head office: the group's phone, street and domain."""
    lead = Lead(name=name, source=SourceMeta(source_id="t", page_url="https://dir.test/x"),
                country_hint="BR", website="https://www.itau.com.br",
                phones=["+55 11 2794-7000"], extra={"cnpj": cnpj},
                address=Address(street="Praça Alfredo Egydio de Souza Aranha, 100",
                                postal_code="04344-902", city="São Paulo", region="SP"))
    return profile_of(normalize_lead(lead), RULES)


@pytest.mark.parametrize(("left", "right", "decision"), [
    # Two CNPJs: two companies of one group, though they share its name words, phone,
    # street and domain
    (_group_company("Itaú Unibanco Holding S.A.", "60.872.504/0001-23"),
     _group_company("Itaú Unibanco S.A.", "60.701.190/0001-04"), "no_match"),
    (_group_company("Itaú Unibanco S.A.", "60.872.504/0001-23"),
     _group_company("ITAU UNIBANCO S.A.", "60.701.190/0001-04"), "no_match"),
    # one CNPJ root: the head office and a branch
    (_group_company("Itaú Unibanco S.A.", "60.701.190/0001-04"),
     _group_company("Itaú Unibanco S.A. - Agência Paulista", "60.701.190/0002-87"), "match"),
])
def test_another_number_of_one_register_outweighs_all_else_shared(  # type: ignore[no-untyped-def]
        left, right, decision: str) -> None:
    assert compare(left, right, RULES).decision == decision


def test_an_import_merges_by_vat_id_and_keeps_two_vat_ids_apart(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Firma;USt-IdNr.;Ort\n"
                    "Acme Verpackung GmbH;DE136695976;Berlin\n"
                    "ACME Packaging;DE 136 695 976;Hamburg\n"
                    "Acme Verpackung GmbH;DE129273398;Berlin\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = CliRunner().invoke(app, ["import", str(path), "--source", "liste", "--db", db])
    assert result.exit_code == 0, result.output + str(result.exception)
    assert "registry_id=USt-IdNr." in result.output
    assert "3 rows: merged 1, new 2" in result.output
    out = tmp_path / "leads.csv"
    exported = CliRunner().invoke(app, ["export", "--db", db, "-o", str(out)])
    assert exported.exit_code == 0, exported.output + str(exported.exception)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        ids = sorted(row["registry_ids"] for row in csv.DictReader(handle))
    assert ids == ["vat:DE129273398", "vat:DE136695976"]



@pytest.mark.parametrize(("header", "rows", "outcome"), [
    # Polish namesakes with two NIPs (the column was "not imported": they merged on name
    # and town); one Brazilian company's head office and branch; one Indian company's GSTINs
    # in two states
    ("Company,City,Country,NIP", ["Piekarnia Nowak,Gdańsk,PL,5260250274",
                                  "Piekarnia Nowak,Gdansk,PL,7792311847"], "new 2"),
    ("Company,City,Country,CNPJ", ["Plásticos Silva Ltda,São Paulo,BR,11.222.333/0001-81",
                                   "Plásticos Silva Ltda,Campinas,BR,11.222.333/0002-62"],
     "merged 1, new 1"),
    ("Company,City,Country,GSTIN", ["Sharma Textiles Pvt Ltd,Mumbai,IN,27AAPFU0939F1ZV",
                                    "Sharma Textiles Pvt Ltd,Bengaluru,IN,29AAPFU0939F1ZR"],
     "merged 1, new 1"),
    # Japan's corporate number: one company in Japanese and in English, at two addresses
    ("会社名,所在地,国,法人番号",
     ["トヨタ自動車株式会社,愛知県豊田市トヨタ町1番地,JP,1180301018771",
      "Toyota Motor Corporation,Tokyo,JP,1180301018771"],
     "merged 1, new 1"),
])
def test_an_import_reads_national_register_columns(tmp_path: Path, header: str,
                                                   rows: list[str], outcome: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = CliRunner().invoke(app, ["import", str(path), "--source", "list", "--db", db])
    assert result.exit_code == 0, result.output + str(result.exception)
    assert f"registry_id={header.rpartition(',')[2]}" in result.output
    assert f"2 rows: {outcome};" in result.output


def test_one_number_held_by_many_companies_weighs_nothing() -> None:
    """A list that fills its VAT column with one number (its own, or a placeholder that passes
    the check): held by several companies it weighs nothing, like a switchboard's phone."""
    left = _profile("Acme Verpackung GmbH", "Berlin", vat="DE136695976")
    right = _profile("Acme Logistik GmbH", "Hamburg", vat="DE136695976")
    alone = compare(left, right, RULES, lambda kind, value: 1)
    shared = compare(left, right, RULES, lambda kind, value: 5 if kind == "registry" else 1)
    hit = next(hit for hit in shared.levels if hit.field == "registry")
    assert hit.label == "same company register or tax number (shared by 5 companies: weak)"
    assert hit.weight == 0.0 and shared.score == alone.score - 20.0


IMPRESSUM = """<html lang="de"><body><h1>Impressum</h1><p>Müller Verpackungen GmbH</p>
<p>Hauptstraße 5, 10115 Berlin</p><p>USt-IdNr.: DE 136 695 976</p></body></html>"""


def test_the_vat_id_on_a_companys_imprint_meets_a_list_that_gives_it(tmp_path: Path) -> None:
    """Enrichment reads the imprint's VAT ID; a purchased list naming the company otherwise
    (another name, another town) but giving that number merges into it at once."""
    from sqlalchemy import func, select

    from leadgen.importer import import_file
    from leadgen.storage import init_db, session_scope
    from leadgen.storage.models import Company, SourceRecord
    from tests.test_contact_persons import store_imprint

    listing = tmp_path / "fair.csv"
    listing.write_text("Firma;Ort\nMüller Verpackungen GmbH;Berlin\n", encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    import_file(engine, listing, source="fair", region="DE")
    with session_scope(engine) as session:
        (company_id,) = session.scalars(select(Company.id)).all()
    store_imprint(engine, company_id, IMPRESSUM)
    bought = tmp_path / "bought.csv"
    bought.write_text("Company;VAT;City\nMV Packaging Solutions;DE136695976;Hamburg\n",
                      encoding="utf-8")
    report = import_file(engine, bought, source="bought", region="DE")
    assert report.outcomes.get("merged") == 1, report.outcomes
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 1
        assert session.scalar(select(func.count()).select_from(SourceRecord).where(
            SourceRecord.company_id == company_id)) == 3  # list, website, bought list
