"""An import without ``--region`` takes the region its first rows clearly name."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.cli.app import region_code
from leadgen.import_region import countries_of_form, guess_region
from leadgen.normalize import normalize_name
from leadgen.normalize.phone import likely_region
from tests.paths import RESTAURANTS

US = ["310/246-1501", "818-762-1221", "(212) 555-0100", "415 296 7465"]
CN = ["0571-8888 6666", "020-87654321", "010 6552 9988", "0755-83212345", "13800138000"]
FR = ["01 42 68 53 00", "04 91 55 11 11", "03 88 15 20 00"]
TORONTO = ["416 555 0199", "647 555 0123", "905 555 0144"]
DE = ["030 1234567", "089 123456", "040 555123", "0221 333444"]


@pytest.mark.parametrize(("numbers", "region"), [
    (US * 3, "US"),
    (CN * 2, "CN"),
    (FR * 4, "FR"),
    (TORONTO * 4, "CA"),  # +1 like the US, but Canadian area codes
    (DE * 3, None),  # 030 1234567 is also a number in Brescia: German numbers alone say nothing
    (US * 2 + TORONTO * 2, None),  # no region stands out
    (["+49 30 1234567", "+1 212 555 0100"] * 10, None),  # every number has its country code
    (US[:3], None),  # too few to tell
])
def test_likely_region_of_numbers_without_a_country_code(numbers: list[str],
                                                         region: str | None) -> None:
    guess = likely_region(numbers)
    assert (guess.region if guess else None) == region


FIELDS = {"name": ("Firma",), "website": ("Web",), "email": ("Mail",), "phone": ("Tel",),
          "country": ("Land",)}


def test_rows_naming_their_country_by_web_and_mail_domains() -> None:
    rows = [{"Firma": f"Firma {n}", "Web": f"firma{n}.de" if n % 3 else "", "Tel": "030 1234567",
             "Mail": f"info@firma{n}.de" if n % 2 else "", "Land": ""} for n in range(30)]
    rows[4]["Web"] = "firma4.at"  # one Austrian row among them
    choice = guess_region(rows, FIELDS)
    assert choice is not None and choice.region == "DE"
    assert choice.why.startswith("24 of 25 sampled rows")


@pytest.mark.parametrize(("row", "region"), [
    ({"State": "WI", "Zip": "53590"}, "US"),  # a state and a ZIP code
    ({"State": "Wisconsin", "Zip": "53590-1234"}, "US"),
    ({"State": "NSW", "Zip": "2000"}, "AU"),
    ({"State": "WA", "Zip": "6000"}, "AU"),  # Western Australia, not Washington
    ({"Zip": "M5V 2T6"}, "CA"),  # a postal code of one country's shape
    ({"Address": "10 Downing St, London SW1A 2AA"}, "GB"),  # a one-line address
    ({"State": "BY", "Zip": "80331"}, None),  # five digits and no state of a listed country
    ({"State": "MO"}, "US"),  # a state column of codes one country alone has: Missouri
    ({"State": "Missouri"}, "US"),
    ({"Province": "ON"}, "CA"),
    ({"State": "Maharashtra"}, "IN"),
    ({"State": "WA"}, None),  # Washington or Western Australia
    ({"State": "Bayern"}, None),
])
def test_rows_naming_their_country_by_address(row: dict[str, str], region: str | None) -> None:
    fields = {"region": ("State", "Province"), "postal_code": ("Zip",),
              "address": ("Address",)}
    choice = guess_region([row] * 12, fields)
    assert (choice.region if choice else None) == region
    assert choice is None or "address" in choice.why


def test_a_short_list_is_told_by_all_its_rows() -> None:
    """Two rows with .de e-mail domains name Germany (ten were needed, so a short list's
    local numbers went unread); one of two naming another country leaves it open."""
    rows = [{"Firma": "Alpha Drucktechnik GmbH", "Tel": "0351 12345",
             "Mail": "info@alpha-druck.de"},
            {"Firma": "Beta Maschinenbau KG", "Tel": "089 12345678", "Mail": "kontakt@beta.de"}]
    choice = guess_region(rows, FIELDS)
    assert choice is not None and choice.region == "DE"
    assert choice.why.startswith("2 of 2 sampled rows")
    rows[1]["Mail"] = "kontakt@beta.fr"
    choice = guess_region(rows, FIELDS)
    assert choice is None or not choice.why.startswith("1 of")


def test_rows_split_between_countries_name_none() -> None:
    rows = [{"Land": "Deutschland" if n % 2 else "Österreich"} for n in range(30)]
    assert guess_region(rows, FIELDS) is None


def test_import_without_region_reads_the_numbers_as_the_list_writes_them(tmp_path: Path) -> None:
    with RESTAURANTS.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:40]
    path = tmp_path / "guide.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["name", "addr", "city", "phone"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = CliRunner().invoke(app, ["import", str(path), "--source", "guide", "--db", db])
    out = " ".join(result.output.split())
    assert result.exit_code == 0, out
    assert ("region: US, as no --region was given (40 of 40 sampled phone numbers without a "
            "country code are written as US numbers)") in out
    assert "not a valid number" not in out
    given = CliRunner().invoke(app, ["import", str(path), "--source", "guide2", "--region", "US",
                                     "--db", db])
    assert "region:" not in given.output


@pytest.mark.parametrize(("names", "numbers", "region"), [
    # Numbers that fit several plans alike: the legal forms decide among those.
    (["Müller Maschinenbau GmbH", "Schmidt & Söhne KG", "Weber Logistik GmbH & Co. KG"],
     DE, "DE"),
    (["Rossi Imballaggi S.r.l.", "Bianchi Meccanica S.p.A.", "Verdi S.r.l."],
     ["02 1234 5678", "06 1234 5678", "011 123 4567", "030 1234567"], "IT"),
    (["Acme Ltd", "Beta Inc", "Gamma LLC"], DE, None),  # forms used everywhere name none
    (["Acme GmbH", "Beta S.r.l.", "Gamma AG", "Delta S.p.A."], DE, None),  # half and half
])
def test_numbers_that_fit_several_plans_are_told_apart_by_legal_forms(
        names: list[str], numbers: list[str], region: str | None) -> None:
    rows = [{"Firma": names[n % len(names)], "Tel": numbers[n % len(numbers)]}
            for n in range(24)]
    choice = guess_region(rows, {"name": ("Firma",), "phone": ("Tel",)})
    assert (choice.region if choice else None) == region
    if choice:
        assert choice.why.endswith(f"24 of 24 sampled names have a legal form of {region}")


@pytest.mark.parametrize(("name", "countries"), [
    ("Acme Gıda San. ve Tic. Ltd. Şti.", {"TR"}), ("ACME GIDA SANAYI VE TICARET A.Ş.", {"TR"}),
    ("Acme Verpackung GmbH & Co. KG", {"DE", "AT", "CH"}), ("Acme S.r.l.", {"IT"}),
    ("ACME IND E COM LTDA", {"BR", "PT"}), ("Acme Indústria e Comércio Ltda.", {"BR", "PT"}),
    ("Fiat Società per Azioni", {"IT"}), ("Volvo Aktiebolag", {"SE"}),
    ("Acme Trading FZE", {"AE"}), ("Acme Trading FZ-LLC", {"AE"}),
    ("Acme W.L.L.", {"BH", "QA", "KW", "AE"}), ("Toyota Kabushiki Kaisha", {"JP"}),
    ("Renault Société Anonyme", {"FR", "BE", "LU", "CH"}),
    ("Acme (Malaysia) Sendirian Berhad", {"MY"}), ("Acme (Singapore) Pte. Ltd.", {"SG"}),
    ("Acme (SMC-Pvt.) Ltd.", {"PK"}), ("Perseroan Terbatas Acme", {"ID"}),
])
def test_the_legal_form_a_name_is_read_with_names_its_countries(name: str,
                                                                countries: set[str]) -> None:
    """The forms table is keyed as the name normalizer writes a form (case, dots, spaces)."""
    form = normalize_name(name).legal_form
    assert form is not None
    assert countries_of_form(form) == countries


@pytest.mark.parametrize(("given", "region"), [("DE", "DE"), ("de", "DE"), (" cn ", "CN"),
                                               ("UK", "GB"), (None, None)])
def test_a_region_option_is_a_country_code(given: str | None, region: str | None) -> None:
    assert region_code(given) == region
