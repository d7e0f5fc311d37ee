"""A row imported again with other values is a new version of its record: the company's
fields follow the newest versions of its records, on import and in ``leadgen dedupe``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.storage import init_db
from leadgen.storage.models import Company

runner = CliRunner()

HEADER = "id,Firma,Straße,PLZ,Ort,Telefon,E-Mail,Website,Mitarbeiter\n"
MUELLER_V1 = ("P1,Müller Verpackung GmbH,Marienplatz 1,80331,München,089 1234560,"
              "info@mueller-verpackung.de,mueller-verpackung.de,50\n")
MUELLER_V2 = ("P1,Müller Verpackung GmbH,Marienplatz 1,80331,München,089 1234561,,"
              "mueller-verpackung.de,\n")


def _import(db: str, tmp_path: Path, name: str, rows: str, source: str,
            *extra: str) -> None:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--source", source, "--id-column", "id",
                                 "--region", "DE", *extra, "--db", db])
    assert result.exit_code == 0, result.output


def _companies(db: str) -> list[tuple[int, str, str | None, str | None, dict[str, int]]]:
    with init_db(db).connect() as connection:
        return [tuple(row) for row in connection.execute(  # type: ignore[misc]
            select(Company.id, Company.display_name, Company.email, Company.phone,
                   Company.size).order_by(Company.id))]


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_value_a_new_version_removes_leaves_the_company(tmp_path: Path, workers: str) -> None:
    """The e-mail and head count the list removed stayed on the company from the old version
    (and the export showed an e-mail its own contact list no longer had)."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    _import(db, tmp_path, "v1.csv", MUELLER_V1, "purchased", "--workers", workers)
    _import(db, tmp_path, "v2.csv", MUELLER_V2, "purchased", "--workers", workers)
    assert _companies(db) == [(1, "Müller Verpackung", None, "+49891234561", {})]


def test_another_sources_value_takes_the_place_of_one_a_new_version_removes(
        tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    _import(db, tmp_path, "fair.csv", "F1,Müller Verpackung GmbH,Marienplatz 1,80331,München,"
            "089 1234569,vertrieb@mueller-verpackung.de,mueller-verpackung.de,60\n", "fair")
    _import(db, tmp_path, "v1.csv", MUELLER_V1, "purchased")  # newer: its values win
    assert _companies(db)[0][2:] == ("info@mueller-verpackung.de", "+49891234560",
                                     {"employees": 50})
    _import(db, tmp_path, "v2.csv", MUELLER_V2, "purchased")
    assert _companies(db)[0][2:] == ("vertrieb@mueller-verpackung.de", "+49891234561",
                                     {"employees": 60})


def test_dedupe_keeps_each_company_id_where_the_newest_versions_are(tmp_path: Path) -> None:
    """A row corrected to name another company: dedupe moved it there, but its old version
    still voted for the old company's id, so the other company took that id and the first
    one came back under a new id (an id a CRM export already carried)."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    _import(db, tmp_path, "fair.csv",
            "F1,Müller Verpackung GmbH,Marienplatz 1,80331,München,089 1234569,,"
            "mueller-verpackung.de,60\n"
            "F3,Weber Maschinenbau AG,Industriestraße 10,70173,Stuttgart,0711 3456780,,"
            "weber-mb.de,900\n", "fair")
    _import(db, tmp_path, "p1.csv", MUELLER_V1, "purchased")
    _import(db, tmp_path, "p2.csv", "P1,Weber Maschinenbau AG,Industriestraße 10,70173,"
            "Stuttgart,0711 3456780,info@weber-mb.de,weber-mb.de,1000\n", "purchased")
    result = runner.invoke(app, ["dedupe", "--workers", "0", "--db", db])
    assert result.exit_code == 0, result.output
    assert [row[:2] for row in _companies(db)] == [(1, "Müller Verpackung"),
                                                   (2, "Weber Maschinenbau")]


def test_a_forced_dedupe_recomputes_every_companys_fields(tmp_path: Path) -> None:
    """"Most frequent" is a batch rule: a forced run applies it to companies whose records
    did not move as well (it recomputed only the moved ones, so the same records gave a
    name by history)."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    row = ("{id},{name},Hauptstraße 5,10115,Berlin,030 2345670,,schmidt-logistik.de,200\n")
    for source, name in (("a", "Schmidt Logistik GmbH"), ("b", "Schmidt Logistik GmbH"),
                         ("c", "Schmidt-Logistik GmbH")):
        _import(db, tmp_path, f"{source}.csv", row.format(id=source, name=name), source)
    assert _companies(db)[0][1] == "Schmidt-Logistik"  # the newest, on import
    plain = runner.invoke(app, ["dedupe", "--workers", "0", "--db", db])
    assert plain.exit_code == 0 and _companies(db)[0][1] == "Schmidt-Logistik"
    forced = runner.invoke(app, ["dedupe", "--force", "--workers", "0", "--db", db])
    assert forced.exit_code == 0, forced.output
    assert _companies(db)[0][1] == "Schmidt Logistik"  # two of three records say so


SCHMIDT = ("{id},Schmidt Logistik GmbH,Hauptstraße {no},10115,Berlin,030 234567{phone},"
           "info@schmidt-logistik.de,schmidt-logistik.de,200\n")


@pytest.mark.parametrize("how", ["split", "dedupe"])
def test_the_customer_is_the_company_holding_the_customer_list_record(tmp_path: Path,
                                                                      how: str) -> None:
    """Split off (by hand, or by dedupe after the CRM row moved street and phone), the CRM's
    record made a "new" company while the directory records kept "customer"."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    _import(db, tmp_path, "fair.csv", SCHMIDT.format(id="F2", no=5, phone=0), "fair")
    _import(db, tmp_path, "crm.csv", SCHMIDT.format(id="C2", no=5, phone=1), "crm",
            "--as", "customers")
    with init_db(db).connect() as connection:
        assert connection.execute(select(Company.status)).scalars().all() == ["customer"]
    if how == "split":
        result = runner.invoke(app, ["split", "1", "--record", "2", "--db", db])
    else:
        _import(db, tmp_path, "crm2.csv", SCHMIDT.format(id="C2", no=7, phone=2), "crm")
        result = runner.invoke(app, ["dedupe", "--workers", "0", "--db", db])
    assert result.exit_code == 0, result.output
    with init_db(db).connect() as connection:
        statuses = connection.execute(
            select(Company.id, Company.status).order_by(Company.id)).all()
    assert [tuple(row) for row in statuses] == [(1, "new"), (2, "customer")]


@pytest.mark.parametrize("own_mark", [False, True])
def test_a_mark_merged_in_with_a_corrected_row_does_not_outrank_the_customer(
        tmp_path: Path, own_mark: bool) -> None:
    """A list's row marked excluded (the firm it named) was corrected to name a customer;
    dedupe merged it into the customer, which became "excluded" and left every customer
    filter. The customer's own mark still counts."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    foo = "R1,Foo Anlagenbau GmbH,Teststraße 1,10115,Berlin,030 1111111,,foo-anlagen.de,\n"
    bar = "{id},Bar Verpackung GmbH,Papierweg 3,28195,Bremen,0421 3333333,,bar-verpackung.de,\n"
    _import(db, tmp_path, "list.csv", foo, "list")
    _import(db, tmp_path, "crm.csv", bar.format(id="K1"), "crm", "--as", "customers")
    marks = [("Foo Anlagenbau", "excluded")] + [("Bar Verpackung", "excluded")] * own_mark
    for name, status in marks:
        assert runner.invoke(app, ["mark", name, status, "--db", db]).exit_code == 0
    _import(db, tmp_path, "list2.csv", bar.format(id="R1"), "list")  # the vendor's correction
    result = runner.invoke(app, ["dedupe", "--workers", "0", "--db", db])
    assert result.exit_code == 0, result.output
    with init_db(db).connect() as connection:
        statuses = connection.execute(select(Company.display_name, Company.status)).all()
    assert [tuple(row) for row in statuses] == [
        ("Bar Verpackung", "excluded" if own_mark else "customer")]


@pytest.mark.parametrize("again", ["unchanged", "new"])
def test_a_customer_list_imported_again_keeps_a_company_marked_excluded(
        tmp_path: Path, again: str) -> None:
    """`leadgen mark X excluded` on a customer, then the CRM's customer list imported again
    (the same rows, or a new one of the company): the company was a customer again, its
    mark undone without a word (dedupe and split keep "excluded")."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    bar = "{id},Bar Verpackung GmbH,Papierweg 3,28195,Bremen,0421 3333333,,bar-verpackung.de,\n"
    _import(db, tmp_path, "crm.csv", bar.format(id="K1"), "crm", "--as", "customers")
    assert runner.invoke(app, ["mark", "Bar Verpackung", "excluded", "--db", db]).exit_code == 0
    rows = bar.format(id="K1") + (bar.format(id="K2") if again == "new" else "")
    _import(db, tmp_path, "crm_2.csv", rows, "crm", "--as", "customers")
    with init_db(db).connect() as connection:
        assert connection.execute(select(Company.status)).scalars().all() == ["excluded"]


def test_an_older_version_moves_only_with_its_newest(tmp_path: Path) -> None:
    """Split off alone, the old version made a company of what the list no longer says, and
    took the company's contacts with it; a forced dedupe then stopped on a nameless company."""
    from leadgen.matching.review import record_pair_decision

    db = f"sqlite:///{tmp_path / 'leads.db'}"
    _import(db, tmp_path, "v1.csv", MUELLER_V1, "purchased")
    _import(db, tmp_path, "v2.csv", MUELLER_V2, "purchased")
    _import(db, tmp_path, "fair.csv", "F1,Müller Verpackung GmbH,Marienplatz 1,80331,München,"
            "089 1234569,,mueller-verpackung.de,60\n", "fair")
    refused = runner.invoke(app, ["split", "1", "--record", "1", "--db", db])
    assert refused.exit_code != 0
    assert "record 1 is an older version of record 2" in str(refused.exception)
    moved = runner.invoke(app, ["split", "1", "--record", "2", "--db", db])
    assert moved.exit_code == 0, moved.output
    with init_db(db).connect() as connection:
        from leadgen.storage.models import SourceRecord

        assert dict(connection.execute(select(SourceRecord.id, SourceRecord.company_id)).all()) == {
            1: 2, 2: 2, 3: 1}  # the row's versions together, the fair's record stays
        # A database split before this: a reviewer's decision keeps an old version apart.
        record_pair_decision(connection, 1, 2, "different", via="split")
        connection.commit()
    forced = runner.invoke(app, ["dedupe", "--force", "--workers", "0", "--db", db])
    assert forced.exit_code == 0, forced.output


def test_explain_marks_an_older_version_and_shows_each_record_s_time(tmp_path: Path) -> None:
    """Explain listed both versions alike and without times: "email <- record 1" did not
    tell that record 1 was history."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    _import(db, tmp_path, "v1.csv", MUELLER_V1, "purchased")
    _import(db, tmp_path, "v2.csv", MUELLER_V2, "purchased")
    result = runner.invoke(app, ["explain", "1", "--db", db])
    assert result.exit_code == 0, result.output
    [first] = [line for line in result.output.splitlines() if line.strip().startswith("record 1 ")]
    assert "older version of record 2" in first and "+00:00" in first
    [second] = [line for line in result.output.splitlines() if line.strip().startswith("record 2 ")]
    assert "older version" not in second


@pytest.mark.parametrize("workers", ["0", "2"])
def test_the_same_list_saved_under_another_name_is_no_new_version(
        tmp_path: Path, workers: str) -> None:
    """A list delivered weekly as list_v1.csv, list_v2.csv, ... (same --source and
    --id-column): every row of the copy was a new version ("merged 10"), doubling the
    records and hiding the one row that changed."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    other = "P2,Beta Logistik AG,Hafenstraße 2,20095,Hamburg,040 7654321,,,\n"
    outputs = []
    for name, rows in (("list_v1.csv", MUELLER_V1 + other), ("list_v2.csv", MUELLER_V1 + other),
                       ("list_v3.csv", MUELLER_V2 + other)):
        path = tmp_path / name
        path.write_text(HEADER + rows, encoding="utf-8")
        result = runner.invoke(app, ["import", str(path), "--source", "list", "--id-column",
                                     "id", "--region", "DE", "--workers", workers, "--db", db])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert "2 rows: unchanged 2" in outputs[1]
    assert "2 rows: merged 1, unchanged 1" in outputs[2]  # the row that changed, only
    records = runner.invoke(app, ["export", "records", "--db", db]).output
    assert len(records.strip().splitlines()) == 1 + 3
    # the row that changed is there twice, its older version marked as such
    versions = sorted((row["record_id"], row["version"]) for row in csv.DictReader(
        io.StringIO(records.lstrip("\ufeff"))))
    assert versions == [("P1", "current"), ("P1", "older"), ("P2", "current")]


def test_a_row_read_with_another_guessed_region_but_alike_is_no_new_version(
        tmp_path: Path) -> None:
    """A CRM export without one row, imported again without --region: four German rows of
    five named Germany, three of four do not, so the rows read without a region hint and
    every row that was the same was a new version ("merged 3" for one changed row)."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    header = "Record ID,Company name,Phone Number,City,Country/Region\n"
    rows = ["1,Müller Verpackung GmbH,+49 89 1234560,München,Germany\n",
            "2,Beta Logistik AG,+49 40 7654321,Hamburg,Germany\n",
            "3,Huaqiang Electronics,+86 755 83212345,Shenzhen,China\n",
            "4,Gamma Druck GmbH,+49 30 1234567,Berlin,Germany\n",
            "5,Delta Bau GmbH,+49 221 445566,Köln,Germany\n"]
    outputs = []
    for name, kept in (("crm.csv", rows), ("crm_v2.csv", [rows[0], rows[1].replace(
            "7654321", "7654322"), rows[2], rows[3]])):
        path = tmp_path / name
        path.write_text(header + "".join(kept), encoding="utf-8")
        result = runner.invoke(app, ["import", str(path), "--source", "crm", "--id-column",
                                     "Record ID", "--db", db])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert "region: DE" in outputs[0] and "region:" not in outputs[1]
    assert "4 rows: merged 1, unchanged 3" in outputs[1]
    # a row that reads otherwise in the other region is a new version still
    _import(db, tmp_path, "p.csv", "P9,Epsilon Werk GmbH,,,,030 1234567,,,\n", "p")
    path = tmp_path / "p_it.csv"
    path.write_text(HEADER + "P9,Epsilon Werk GmbH,,,,030 1234567,,,\n", encoding="utf-8")
    other = runner.invoke(app, ["import", str(path), "--source", "p", "--id-column", "id",
                                "--region", "IT", "--db", db])
    assert "1 rows: merged 1;" in other.output


def test_a_row_that_now_names_another_company_is_named_in_a_warning(tmp_path: Path) -> None:
    """Last year's and this year's fair lists imported under one --source with ids from 1:
    each row of the second replaced a company of the first without a word."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    _import(db, tmp_path, "fair_2024.csv", MUELLER_V1, "fair")
    path = tmp_path / "fair_2025.csv"
    path.write_text(HEADER + MUELLER_V2 + "P1,Zeta Logistik GmbH,Hafenstraße 9,20457,Hamburg,"
                    "040 555666,,,\n", encoding="utf-8")
    corrected = runner.invoke(app, ["import", str(path), "--source", "fair", "--id-column",
                                    "id", "--region", "DE", "--db", db])
    # The first row is a new version of the same company (its phone changed): no warning;
    # the second repeats the id with another firm (a record of its own, as before).
    assert "named another company" not in corrected.output
    path.write_text(HEADER + "P1,Zeta Logistik GmbH,Hafenstraße 9,20457,Hamburg,040 555666,,,"
                    "\n", encoding="utf-8")
    reused = runner.invoke(app, ["import", str(path), "--source", "fair", "--id-column", "id",
                                 "--region", "DE", "--db", db])
    assert "fair_2025.csv:2: record 'P1' of source 'fair' named another company when " \
        "imported before: stored as a corrected row of company 1" in reused.output


def test_stats_counts_a_record_once_and_its_older_versions_apart(tmp_path: Path) -> None:
    """A list imported again with a corrected row gave "3 source records" for its 2 rows:
    the row's older version was counted with the source's records. Now a record counts once
    (its newest version), and the versions it replaced are shown beside it."""
    import json

    db = f"sqlite:///{tmp_path / 'leads.db'}"
    acme = "P2,Acme GmbH,Hauptstraße 5,10115,Berlin,030 1234567,,acme.de,\n"
    _import(db, tmp_path, "v1.csv", MUELLER_V1 + acme, "purchased")
    _import(db, tmp_path, "v2.csv", MUELLER_V2 + acme, "purchased")
    _import(db, tmp_path, "fair.csv", "F1,Acme GmbH,Hauptstraße 5,10115,Berlin,,,acme.de,\n",
            "fair")
    result = runner.invoke(app, ["stats", "--json", "--db", db])
    data = json.loads(result.output)
    assert (data["companies"], data["source_records"], data["older_versions"]) == (2, 3, 1)
    assert data["per_source"] == [
        {"source": "fair", "records": 1, "older_versions": 0, "companies": 1},
        {"source": "purchased", "records": 2, "older_versions": 1, "companies": 2}]
    shown = " ".join(runner.invoke(app, ["stats", "--db", db]).output.split())
    assert ("2 companies from 3 source records (and 1 older version of them a later import "
            "replaced)") in shown
