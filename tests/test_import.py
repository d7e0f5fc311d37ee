"""``leadgen import``, ``explain``, ``review`` and ``dedupe`` through the CLI, on SQLite."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.exceptions import InputError
from leadgen.importer import import_file, read_rows
from leadgen.storage import init_db
from leadgen.storage.models import Company, ContactPoint, PossibleMatch, SourceRecord

runner = CliRunner()

CSV = """ID;Firma;Telefon;Web;Ort;PLZ;Mail
1;Acme Verpackung GmbH;030 1234567;acme-verpackung.de;Berlin;10115;info@acme-verpackung.de
2;;030 7654321;;Berlin;10115;
3;ACME Verpackung;+49 30 1234567;;Berlin;10115;
4;Beta Logistik AG;not a phone;;Hamburg;20095;beta@gmail.com
"""
MAP = ["--map", "name=Firma", "--map", "phone=Telefon", "--map", "website=Web",
       "--map", "city=Ort", "--map", "postal_code=PLZ", "--map", "email=Mail"]


def run(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output + str(result.exception)
    return result


def test_import_reports_rejects_and_merges(tmp_path: Path) -> None:
    path = tmp_path / "fair.csv"
    path.write_text(CSV, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = run("import", str(path), "--source", "fair", "--id-column", "ID", "--region", "DE",
                 *MAP, "--db", db)
    out = result.output  # type: ignore[attr-defined]
    assert "fair.csv:3: no company name" in out  # the row without a name, one line with its reason
    assert "fair.csv:5: phone not a phone" in out
    assert "4 rows: merged 1, new 2; 1 rejected, 1 warnings" in out
    engine = init_db(db)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Company)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(SourceRecord)).scalar_one() == 3
    again = run("import", str(path), "--source", "fair", "--id-column", "ID", "--region", "DE",
                *MAP, "--db", db)
    assert "unchanged 3" in again.output  # type: ignore[attr-defined]
    explained = run("explain", "Acme Verpackung", "--db", db).output  # type: ignore[attr-defined]
    assert "Merged records (2)" in explained and "same E.164 phone" in explained


def test_a_website_the_normalizer_reads_draws_no_warning(tmp_path: Path) -> None:
    """A field listing two addresses or holding a link's markup gives its first address, so
    it is no "not a web address" warning; text that holds none is."""
    path = tmp_path / "sites.csv"
    path.write_text("ID,Firma,Web\n1,Acme GmbH,www.acme.de;www.acme.com\n"
                    '2,Beta GmbH,"<a href=""https://beta.de/"">Beta</a>"\n'
                    "3,Gamma GmbH,siehe Katalog\n"
                    "4,Delta GmbH,www.gelbeseiten.de/delta\n",
                    encoding="utf-8")
    out = run("import", str(path), "--source", "sites", "--id-column", "ID", "--region", "DE",
              "--map", "name=Firma", "--map", "website=Web",
              "--db", f"sqlite:///{tmp_path / 'leads.db'}").output  # type: ignore[attr-defined]
    assert "sites.csv:4: website 'siehe Katalog' is not a web address" in out
    # a valid address, on a directory: said so, not "not a web address"
    assert ("sites.csv:5: website 'www.gelbeseiten.de/delta' is a page on a directory or "
            "social network") in " ".join(out.split())
    assert "4 rows: new 4; 0 rejected, 2 warnings" in out


def test_an_email_warning_names_the_addresses_that_are_none(tmp_path: Path) -> None:
    """A field listing a good and a mistyped address warns about the mistyped one by name (a
    count comparison let it pass unnamed, or unwarned when another field listed two)."""
    path = tmp_path / "mails.csv"
    path.write_text("ID,Firma,Mail,Mail2\n"
                    "1,Acme GmbH,info@acme.de; sales@acme.con,vertrieb@acme.de\n"
                    "2,Beta GmbH,kontakt@beta.de,\n", encoding="utf-8")
    out = run("import", str(path), "--source", "mails", "--id-column", "ID", "--region", "DE",
              "--map", "name=Firma", "--map", "email=Mail", "--map", "email=Mail2",
              "--db", f"sqlite:///{tmp_path / 'leads.db'}").output  # type: ignore[attr-defined]
    assert "mails.csv:2: e-mail 'sales@acme.con' is not an address (kept in the record)" in out
    assert "2 rows: new 2; 0 rejected, 1 warnings" in out


def test_a_nul_in_a_file_is_dropped_and_every_row_stored(tmp_path: Path, db_url: str) -> None:
    """A NUL character in a cell (a broken export) is no text: it is dropped, so PostgreSQL,
    which refuses to store one, stores the batch like SQLite does."""
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,name,phone\n1\x00,Acme\x00 GmbH,030 123456\n2,Beta GmbH,030 654321\n")
    out = run("import", str(path), "--source", "n", "--id-column", "id", "--region", "DE",
              "--db", db_url).output  # type: ignore[attr-defined]
    assert "2 rows: new 2; 0 rejected, 0 warnings" in out
    with init_db(db_url).connect() as conn:
        names = set(conn.execute(select(Company.display_name)).scalars())
        ids = set(conn.execute(select(SourceRecord.record_id)).scalars())
    assert (names, ids) == ({"Acme", "Beta"}, {"1", "2"})


@pytest.mark.parametrize(("name", "content", "said"), [
    ("empty.csv", b"", "empty.csv: no rows found: the file is empty"),
    ("header.csv", b"id,name\n", "header.csv: no rows found below the header"),
    ("list.xlsx", b"not a workbook", "list.xlsx: no rows found, and it is no .xlsx workbook"),
])
def test_a_file_without_rows_says_why(tmp_path: Path, name: str, content: bytes,
                                      said: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = run("import", str(path), "--source", "x", "--id-column", "id",
              "--db", f"sqlite:///{tmp_path / 'leads.db'}").output  # type: ignore[attr-defined]
    assert said in out and "0 rows: nothing stored; 0 rejected, 1 warnings" in out


def _fair_database(tmp_path: Path) -> str:
    """A database with :data:`CSV` imported as the fair's list."""
    path = tmp_path / "fair.csv"
    path.write_text(CSV, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    run("import", str(path), "--source", "fair", "--id-column", "ID", "--region", "DE", *MAP,
        "--db", db)
    return db


def test_import_as_customers_marks_existing_company(tmp_path: Path) -> None:
    db = _fair_database(tmp_path)
    crm = tmp_path / "crm.csv"
    crm.write_text("id,company,phone\nc1,Acme Verpackung GmbH,+49 30 1234567\n", encoding="utf-8")
    run("import", str(crm), "--source", "crm", "--id-column", "id", "--as", "customers",
        "--db", db)
    with init_db(db).connect() as conn:
        statuses = dict(conn.execute(select(Company.name_key, Company.status)).all())
    assert statuses["acme verpackung"] == "customer"
    assert statuses["beta logistik"] == "new"


@pytest.mark.parametrize("crm_first", [True, False])
def test_a_customer_list_outranks_a_purchased_list_and_a_crawl_in_either_order(
        tmp_path: Path, crm_first: bool) -> None:
    """The rules' trust ``customers: 4`` and ``import: 3`` rank the sources ``leadgen
    import`` brought in: they applied only to sources named "customers" and "import", so a
    CRM imported as ``--source crm --as customers`` ranked as a crawl, and the list imported
    last replaced the customer's own e-mail."""
    from leadgen.ingest import Ingestor
    from leadgen.items import Lead, SourceMeta
    from leadgen.matching.review import from_records
    from leadgen.matching.rules import load_rules
    from leadgen.normalize import normalize_lead

    db = f"sqlite:///{tmp_path / 'leads.db'}"
    crm = tmp_path / "crm.csv"
    crm.write_text("id,company,phone,email,website\n"
                   "c1,Acme Verpackung GmbH,+49 30 1234567,einkauf@acme-verpackung.de,"
                   "acme-verpackung.de\n", encoding="utf-8")
    bought = tmp_path / "bought.csv"
    bought.write_text("id,company,phone,email,website\n"
                      "p1,Acme Verpackung GmbH,+49 30 1234567,info@acme-verpackung.de,"
                      "acme-verpackung.de\n", encoding="utf-8")
    imports = [["import", str(crm), "--source", "crm", "--id-column", "id", "--as",
                "customers"],
               ["import", str(bought), "--source", "bought", "--id-column", "id"]]
    for args in imports if crm_first else imports[::-1]:
        run(*args, "--db", db)
    engine = init_db(db)
    with Ingestor(engine) as ingestor:  # a directory crawled last: trust 1
        ingestor.ingest(normalize_lead(Lead(
            name="Acme Verpackung GmbH", phones=["+49 30 1234567"],
            emails=["vertrieb@acme-verpackung.de"], website="acme-verpackung.de",
            source=SourceMeta(source_id="directory", page_url="http://dir.example/acme"))))
    with engine.connect() as conn:
        (company_id, email), = conn.execute(select(Company.id, Company.email)).all()
        state, sources, _, _ = from_records(conn, company_id, load_rules())
    assert email == "einkauf@acme-verpackung.de"
    # the e-mail's rank: an address of the company's own domain first, then the trust
    assert (state["email"], sources["email"]["source"], sources["email"]["rank"][:2]) == (
        "einkauf@acme-verpackung.de", "crm", [1, 4])  # a split or merge recomputes the same
    rules = load_rules().survivorship
    assert rules.trust_of("bought", "import") == 3 and rules.trust_of("directory") == 1


def test_import_errors_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--source", "s", "--db",
                                 f"sqlite:///{tmp_path / 'l.db'}"])
    assert result.exit_code != 0
    assert "add --map name=COLUMN" in str(result.exception)


def test_review_merge_and_reject_and_dedupe(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    # Same name and city, nothing else: a possible match, not a certain one.
    path.write_text("id,name,city,street\n1,Nordwind Handel,Kiel,Hafenweg 1\n"
                    "2,Nordwind Handels,Kiel,\n3,Südwind Bau,Kiel,Am Markt 9\n"
                    "4,Sudwind Bau,Eckernförde,Am Markt 8\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    run("import", str(path), "--source", "s", "--id-column", "id", "--region", "DE", "--db", db)
    engine = init_db(db)
    with engine.connect() as conn:
        pairs = conn.execute(select(PossibleMatch.id).order_by(PossibleMatch.id)).scalars().all()
        companies = conn.execute(select(func.count()).select_from(Company)).scalar_one()
    assert len(pairs) == 2 and companies == 4
    listing = run("review", "--db", db).output  # type: ignore[attr-defined]
    assert f"#{pairs[0]}" in listing
    run("review", "--merge", str(pairs[0]), "--reject", str(pairs[1]), "--db", db)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Company)).scalar_one() == 3
        assert conn.execute(select(PossibleMatch.status)).scalars().all() == ["rejected"]
    report = run("dedupe", "--dry-run", "--db", db).output  # type: ignore[attr-defined]
    assert "records: 4" in report


def test_import_with_worker_processes_stores_what_a_single_process_stores(tmp_path: Path) -> None:
    """Rows prepared in a worker process give the same outcomes, companies, keys and rejects."""
    import random

    from leadgen.importer import import_file
    from leadgen.storage.models import CompanyKey, ContactPoint

    rng = random.Random(7)
    lines = ["ID;Firma;Telefon;Web;Ort;PLZ;Mail"]
    for number in range(1, 2501):
        company = rng.randint(1, 1200)  # about half the rows repeat a company
        name = rng.choice([f"Firma {company} GmbH", f"FIRMA {company}", ""])
        phone = rng.choice([f"030 {company:07d}", f"+49 30 {company:07d}", "kein Telefon"])
        lines.append(f"{number};{name};{phone};firma{company}.de;Berlin;10115;"
                     f"info@firma{company}.de")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = ["name=Firma", "phone=Telefon", "website=Web", "city=Ort", "postal_code=PLZ",
               "email=Mail"]

    def stored(workers: int) -> tuple[object, ...]:
        engine = init_db(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        report = import_file(engine, path, source="fair", id_column="ID", mapping=mapping,
                             region="DE", workers=workers, batch_size=300)
        with engine.connect() as conn:
            companies = conn.execute(select(Company.id, Company.display_name, Company.phone)
                                     .order_by(Company.id)).all()
            keys = conn.execute(select(CompanyKey.company_id, CompanyKey.kind, CompanyKey.value)
                                .order_by(CompanyKey.company_id, CompanyKey.kind,
                                          CompanyKey.value)).all()
            contacts = conn.execute(select(func.count()).select_from(ContactPoint)).scalar_one()
        return (dict(report.outcomes), report.rejected, report.warnings, report.company_ids,
                companies, keys, contacts)

    single, parallel = stored(0), stored(1)
    assert single[0]["merged"] > 0 and single[1]  # the data has merges and rejects
    assert parallel == single


def test_dedupe_cli_skips_an_unchanged_database_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "fair.csv"
    path.write_text(CSV, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    run("import", str(path), "--source", "fair", "--id-column", "ID", "--region", "DE", *MAP,
        "--db", db)
    first = run("dedupe", "--db", db).output  # type: ignore[attr-defined]
    assert "unchanged since run" not in first and "records: 3" in first
    second = run("dedupe", "--db", db).output  # type: ignore[attr-defined]
    assert "unchanged since run" in second
    forced = run("dedupe", "--force", "--workers", "0", "--db", db).output  # type: ignore[attr-defined]
    assert "unchanged since run" not in forced and "records: 3" in forced


def _records(db: str) -> int:
    with init_db(db).connect() as conn:
        return conn.execute(select(func.count()).select_from(SourceRecord)).scalar_one()


def test_a_line_in_another_encoding_stops_the_import_there_and_keeps_the_rows_before(
        tmp_path: Path) -> None:
    """A UTF-8 export with one Windows-1252 line near its end (a row pasted in later): the
    rows before it are stored (even those the reader had decoded ahead) and the error names
    the line, without suggesting another encoding for the whole file, which would garble the
    rows before it. (Had the rows before been ASCII alone, the file would read as cp1252
    whole, as below.)"""
    path = tmp_path / "fair.csv"
    rows = [f"{i},Firma {i} GmbH,Köln" for i in range(1, 2501)]  # UTF-8 beyond ASCII
    path.write_bytes(("id,name,city\n" + "\n".join(rows) + "\n").encode()
                     + "2501,Müller Söhne GmbH,München\n".encode("cp1252"))
    for workers in ("0", "2"):
        db = f"sqlite:///{tmp_path / f'leads{workers}.db'}"
        result = runner.invoke(app, ["import", str(path), "--source", "fair", "--id-column",
                                     "id", "--workers", workers, "--db", db])
        assert result.exit_code != 0
        message = str(result.exception)
        assert "fair.csv: line 2502: not utf-8-sig text" in message, message
        # --encoding cp1252 would garble every row before it ("KÃ¶ln"): not suggested
        assert "the lines before it were, so the line was pasted in from elsewhere" in message
        assert "--encoding" not in message and "2,500 rows before it" in message
        assert _records(db) == 2500
    plain = tmp_path / "plain.csv"
    plain.write_bytes(("id,name,city\n" + "\n".join(row.replace("ö", "oe") for row in rows)
                       + "\n").encode() + "2501,Müller Söhne GmbH,München\n".encode("cp1252"))
    read = run("import", str(plain), "--source", "fair", "--id-column", "id", "--db", db)
    assert "2501 rows: merged 2500, new 1" in read.output  # type: ignore[attr-defined]
    assert "read as cp1252" in read.output  # type: ignore[attr-defined]


def test_a_file_in_another_encoding_is_read_as_it_looks_and_utf16_files_import(
        tmp_path: Path) -> None:
    """Excel's CSV on a Chinese or German Windows is GBK or cp1252: read as such without
    --encoding, saying so; --encoding still decides."""
    gbk = tmp_path / "cn.csv"
    gbk.write_bytes("id,公司名称,城市\n1,深圳市华强电子科技有限公司,深圳\n2,杭州华联包装有限公司,杭州\n"
                    "3,华强电子科技(深圳)有限公司,深圳\n".encode("gbk"))
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    read = run("import", str(gbk), "--source", "cn", "--id-column", "id", "--db", db).output  # type: ignore[attr-defined]
    assert "3 rows: merged 1, new 2" in read
    assert "cn.csv: not UTF-8 text: read as gb18030" in read
    with init_db(db).connect() as conn:
        names = set(conn.execute(select(Company.display_name)).scalars())
    assert len(names) == 2 and "杭州华联包装" in names
    assert any("华强电子科技" in name for name in names)
    given = run("import", str(gbk), "--source", "cn2", "--id-column", "id", "--encoding", "gbk",
                "--db", db).output  # type: ignore[attr-defined]
    assert "merged 3" in given and "not UTF-8" not in given
    german = tmp_path / "aussteller.csv"
    german.write_bytes("Ausstellerliste 2026;;;\n;;;\nFirma;Straße;PLZ;Ort\n"
                       "Bäckerei Weiß GmbH;Hauptstraße 5;80331;München\n".encode("cp1252"))
    read = run("import", str(german), "--source", "messe", "--region", "DE", "--db", db).output  # type: ignore[attr-defined]
    assert "1 rows: new 1" in read and "read as cp1252" in read
    with init_db(db).connect() as conn:
        assert "Bäckerei Weiß" in set(conn.execute(select(Company.display_name)).scalars())
    excel = tmp_path / "excel.txt"  # Excel's "Unicode text": UTF-16, tab-separated
    excel.write_text("id\tname\tcity\n1\tMüller & Söhne GmbH\tMünchen\n", encoding="utf-16")
    assert "1 rows: new 1" in run("import", str(excel), "--source", "xl", "--id-column", "id",
                                  "--encoding", "utf-16", "--db", db).output  # type: ignore[attr-defined]
    # Its byte order mark says what it is: no --encoding needed, in either byte order or
    # as UTF-32.
    for codec, owner in (("utf-16-le", "Huber"), ("utf-16-be", "Gruber"),
                         ("utf-32-le", "Bauer"), ("utf-32-be", "Wimmer")):
        marked = tmp_path / f"{codec}.txt"
        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
               "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
        marked.write_bytes(bom + f"id\tname\tcity\n{codec}\t{owner} & Söhne KG\tWien\n"
                           .encode(codec))
        assert "1 rows: new 1" in run("import", str(marked), "--source", codec, "--id-column",
                                      "id", "--db", db).output  # type: ignore[attr-defined]
    unknown = runner.invoke(app, ["import", str(excel), "--source", "xl", "--encoding", "nope",
                                  "--db", db])
    assert "--encoding 'nope': no such encoding" in str(unknown.exception)


def test_utf16_without_its_mark_is_read_and_a_codec_that_is_no_text_encoding_is_named(
        tmp_path: Path) -> None:
    """--encoding utf-16 on a file without a byte order mark, and --encoding hex, stopped
    with a traceback."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    for name, text in (("list.csv", "id,name\n1,Müller & Söhne GmbH\n"),
                       ("list.json", '[{"id": 1, "name": "Weber Söhne KG"}]')):
        unmarked = tmp_path / name
        unmarked.write_bytes(text.encode("utf-16-le"))  # as Windows writes it
        assert "1 rows: new 1" in run("import", str(unmarked), "--source", name, "--id-column",
                                      "id", "--encoding", "utf-16", "--db", db).output  # type: ignore[attr-defined]
        for codec in ("hex", "base64", "rot13"):
            refused = runner.invoke(app, ["import", str(unmarked), "--source", "x",
                                          "--encoding", codec, "--db", db])
            assert str(refused.exception) == (
                f"--encoding '{codec}': not a text encoding (give one such as utf-8, gbk or "
                "cp1252)")


@pytest.mark.parametrize("written", ["utf-16-le", "utf-16-be"])
def test_a_utf16_list_without_its_mark_is_read_without_being_told(
        tmp_path: Path, written: str) -> None:
    """A UTF-16 CSV without a byte order mark was read as UTF-8 with its NULs dropped: its
    columns were "I D" and "C o m p a n y", and no row had a name."""
    path = tmp_path / "list.csv"
    path.write_bytes("ID,Company,City\r\n1,Müller & Söhne GmbH,Köln\r\n".encode(written))
    report = import_file(init_db(f"sqlite:///{tmp_path / 'leads.db'}"), path, source="s",
                         id_column="ID", region="DE")
    assert report.outcomes == {"new": 1}, report.rejected


def test_a_huge_cell_is_quoted_shortened_in_its_warning(tmp_path: Path) -> None:
    """A 10 MB junk phone cell was printed whole, in a warning line of 10 million characters."""
    path = tmp_path / "huge.csv"
    junk = "1 " * 100_000
    path.write_text(f"ID,Company,Phone,Email\n1,Acme GmbH,{junk},{'x' * 500}\n",
                    encoding="utf-8")
    report = import_file(init_db(f"sqlite:///{tmp_path / 'leads.db'}"), path, source="s",
                         id_column="ID", region="DE")
    assert report.outcomes["new"] == 1  # the row is kept, its junk too (the cell stripped)
    assert report.warnings == [
        f"huge.csv:2: phone {junk[:80]}… (199,999 characters) is not a valid number (kept in "
        "the record)",
        f"huge.csv:2: e-mail {'x' * 80!r}… (500 characters) is not an address (kept in the "
        "record)"]


def test_a_lone_cr_line_end_in_a_crlf_file_ends_a_line(tmp_path: Path) -> None:
    """One line ending in a bare CR (pasted from an old Mac file) refused the whole file:
    "new-line character seen in unquoted field", nothing stored."""
    path = tmp_path / "eol.csv"
    path.write_bytes(b'ID,Company\r\n1,Acme GmbH\r2,Beta AG\r\n3,"Gamma\rKG"\r\n')
    report = import_file(init_db(f"sqlite:///{tmp_path / 'leads.db'}"), path, source="s",
                         id_column="ID", region="DE")
    assert report.rows == 3 and report.outcomes["new"] == 3 and not report.rejected
    # Lines as the CSV reader counts them (a lone CR ends one), in an error too.
    with path.open("ab") as handle:
        handle.write(b"4,Delta \xff\r\n")
    with pytest.raises(InputError, match=r"eol.csv: line 6: not utf-8 text"):
        list(read_rows(path, "utf-8"))


def test_a_file_separated_by_bars_imports(tmp_path: Path) -> None:
    """Some CRM and ERP exports separate cells with "|"; a name may hold a comma."""
    piped = tmp_path / "export.txt"
    piped.write_text("id|name|city|phone\n1|Acme Inc.|Boston|617 555 0100\n"
                     "2|Beta, Gamma & Co LLC|Austin|512 555 0199\n", encoding="utf-8")
    out = run("import", str(piped), "--source", "erp", "--id-column", "id", "--region", "US",
              "--db", f"sqlite:///{tmp_path / 'leads.db'}").output  # type: ignore[attr-defined]
    assert "2 rows: new 2" in out and "name=name" in out, out


def test_lines_above_the_table_are_skipped_and_lines_keep_their_numbers(tmp_path: Path,
                                                                        ) -> None:
    """Excel's "sep=;" line, or a title and a blank line above the header (as a show's list
    often has), are not the header; empty rows (Excel's trailing ";;") are no records; cells
    beyond the header are named; rejected rows keep their line in the file."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    files = {
        "sep.csv": "sep=;\nid;Firma;Ort\n1;Acme GmbH;Berlin\n2;;Köln\n",
        "title.csv": "Ausstellerliste 2026\n\nid;Firma;Ort\n1;Acme GmbH;Berlin\n2;;Köln\n;;\n",
        "title-cells.csv": "Exhibitors 2026,,\n,,\nid,name,city\n1,Acme GmbH,Berlin\n2,,Köln\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out = run("import", str(path), "--source", name, "--id-column", "id", "--region", "DE",
                  "--db", db).output  # type: ignore[attr-defined]
        line = text.splitlines().index("2;;Köln" if ";" in text else "2,,Köln") + 1
        assert f"rejected {name}:{line}: no company name" in out, out
        assert "2 rows: " in out and "; 1 rejected" in out, out  # no title, no empty row
    listed = tmp_path / "names.csv"  # one column: its first line stays its header
    listed.write_text("name\nZeta, Inc\nOmega GmbH\n", encoding="utf-8")
    out = run("import", str(listed), "--source", "names", "--region", "DE",
              "--db", db).output  # type: ignore[attr-defined]
    assert "columns: name=name" in out and "2 rows: new 2" in out, out
    assert ("names.csv:2: a name's legal form after an unquoted comma read as part of it: "
            "Zeta, Inc") in out, out


def test_a_one_line_address_column_matches_split_addresses(tmp_path: Path) -> None:
    """A fair's list has street, postal code and city columns; a CRM export has one address
    column. The same company in both becomes one, and its city and postal code are filled."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    fair = tmp_path / "fair.csv"
    fair.write_text("id,name,street,postal_code,city\n1,Kessler Antriebe GmbH,Marienplatz 1,"
                    "80331,München\n2,Kessler Antriebe GmbH,Hafenstraße 9,20095,Hamburg\n",
                    encoding="utf-8")
    run("import", str(fair), "--source", "fair", "--id-column", "id", "--region", "DE",
        "--db", db)
    crm = tmp_path / "crm.csv"
    crm.write_text('id,company,address\nc1,Kessler Antriebe,"Marienplatz 1, 80331 München, '
                   'Germany"\n', encoding="utf-8")
    out = run("import", str(crm), "--source", "crm", "--id-column", "id", "--map",
              "name=company", "--map", "address=address", "--db", db).output  # type: ignore[attr-defined]
    assert "1 rows: merged 1" in out, out
    with init_db(db).connect() as conn:
        record, evidence = conn.execute(select(SourceRecord.company_id,
                                               SourceRecord.match_evidence).where(
            SourceRecord.source_id == "crm")).one()
        munich = conn.execute(select(SourceRecord.company_id).where(
            SourceRecord.record_id == "1")).scalar_one()
    assert record == munich
    levels = {hit["field"]: hit["level"] for hit in evidence["levels"]}
    assert levels["street"] == "same street address"  # "Marienplatz 1", not the whole line
    assert levels["postal"] == "same postal code" and levels["city"] == "same city"


def test_sister_companies_sharing_a_site_and_switchboard_go_to_review(tmp_path: Path) -> None:
    """Two companies of one family at one address with one switchboard stay two, with a
    possible match for review; the second listing of each still merges into it."""
    path = tmp_path / "park.csv"
    path.write_text(
        "id,name,phone,street,postal,city\n"
        "1,Siemens Energy GmbH,09131 7000,Werner-von-Siemens-Str. 1,91052,Erlangen\n"
        "2,Siemens Healthcare GmbH,+49 9131 7000,Werner-von-Siemens-Straße 1,91052,Erlangen\n"
        "3,SIEMENS ENERGY,09131-7000,Werner-von-Siemens-Str. 1,91052,Erlangen\n"
        "4,Siemens Healthcare,09131 7000,Werner-von-Siemens-Str. 1,91052,Erlangen\n",
        encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    run("import", str(path), "--source", "fair", "--id-column", "id", "--region", "DE",
        "--map", "name=name", "--map", "phone=phone", "--map", "street=street",
        "--map", "postal_code=postal", "--map", "city=city", "--db", db)
    with init_db(db).connect() as conn:
        rows = conn.execute(select(SourceRecord.record_id, SourceRecord.company_id)).all()
        companies = {record_id: company_id for record_id, company_id in rows}
        possible = conn.execute(select(func.count()).select_from(PossibleMatch)).scalar_one()
    assert companies["1"] == companies["3"] != companies["2"] == companies["4"]
    assert possible == 1


def test_several_phone_columns_and_a_chinese_address_read_as_china(tmp_path: Path) -> None:
    """A list with a landline and a mobile column gives both phones; numbers written the
    local Chinese way are read in China's plan because the address is in simplified Chinese."""
    path = tmp_path / "expo.csv"
    path.write_text(
        "编号,公司名称,联系电话,手机,地址\n"
        "1,广州中光食品有限公司,020-87654321,13800138000,广州市天河区体育西路88号\n"
        "2,Guangzhou Zhongguang Food Co.，Ltd,+86 20 8765 4321,,Guangzhou\n",
        encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = run("import", str(path), "--source", "expo", "--id-column", "编号",
                 "--map", "name=公司名称", "--map", "phone=联系电话", "--map", "phone=手机",
                 "--map", "address=地址", "--db", db)
    assert "0 warnings" in result.output  # type: ignore[attr-defined]
    with init_db(db).connect() as conn:
        companies = conn.execute(select(SourceRecord.company_id)).scalars().all()
        phones = conn.execute(select(ContactPoint.value).where(
            ContactPoint.kind == "phone")).scalars().all()
    assert len(set(companies)) == 1
    assert {"+862087654321", "+8613800138000"} <= set(phones)


def test_a_field_mapped_twice_is_refused_unless_it_takes_several(tmp_path: Path) -> None:
    path = tmp_path / "fair.csv"
    path.write_text(CSV, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--source", "fair", "--map", "city=Ort",
                                 "--map", "city=Firma", "--db", f"sqlite:///{tmp_path / 'l.db'}"])
    assert result.exit_code != 0
    assert "city is already column 'Ort'" in result.output + str(result.exception)


def test_a_dry_run_reports_what_an_import_would_do_and_stores_nothing(tmp_path: Path) -> None:
    db = _fair_database(tmp_path)
    bought = tmp_path / "bought.csv"
    bought.write_text("id,company,phone,city\nb1,ACME Verpackung GmbH,+49 30 1234567,Berlin\n"
                      "b2,Gamma Druck GmbH,040 555123,Hamburg\nb3,,,\n", encoding="utf-8")
    engine = init_db(db)

    def counts() -> tuple[int, ...]:
        with engine.connect() as conn:
            return tuple(conn.execute(select(func.count()).select_from(table)).scalar_one()
                         for table in (Company, SourceRecord, ContactPoint, PossibleMatch))

    before = counts()
    dry = run("import", str(bought), "--source", "bought", "--id-column", "id", "--region",
              "DE", "--dry-run", "--db", db).output  # type: ignore[attr-defined]
    assert ("3 rows would be: merged 1, new 1; 1 rejected, 0 warnings (dry run: nothing "
            "stored)") in dry
    assert counts() == before
    real = run("import", str(bought), "--source", "bought", "--id-column", "id", "--region",
               "DE", "--db", db).output  # type: ignore[attr-defined]
    assert "3 rows: merged 1, new 1; 1 rejected" in real
    assert counts()[:2] == (before[0] + 1, before[1] + 2)


def test_a_quote_never_closed_stops_there_instead_of_swallowing_the_rest(tmp_path: Path) -> None:
    """Read leniently, the rest of the file would become one cell of one row, and every row
    after it would be lost without a word."""
    path = tmp_path / "list.csv"
    path.write_text('name,description\nAcme GmbH,ok\n"Beta GmbH,never closed\nGamma AG,ok\n'
                    "Delta KG,ok\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "x", "--db", db])
    assert ('list.csv: line 3: not readable as CSV: a quoted cell ("...) is never closed (the 1 '
            "rows before it are imported") in str(result.exception)
    assert _records(db) == 1
    dry = runner.invoke(app, ["import", str(path), "--source", "y", "--dry-run", "--db", db])
    assert str(dry.exception).endswith("(the 1 rows before it are checked)")  # none stored


def test_a_file_that_stops_tells_of_the_rows_rejected_before(tmp_path: Path) -> None:
    """The count said "the 2 rows before it are imported" while one was rejected, and its
    reason was never shown."""
    path = tmp_path / "list.csv"
    path.write_bytes("ID,Company\n1,Acme GmbH\n2,\u200b\n3,Müller GmbH\n".encode()
                     + b"4,Bad \xed\xa0\xbd name\n5,Gamma AG\n")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    report = tmp_path / "report.csv"
    result = runner.invoke(app, ["import", str(path), "--source", "x", "--id-column", "ID",
                                 "--region", "DE", "--report", str(report), "--db", db])
    assert "rejected list.csv:3: no company name in '\\u200b'" in result.output
    assert str(result.exception).endswith(
        "(of the 3 rows before it, 2 imported and 1 rejected; a re-run skips the imported ones)")
    assert _records(db) == 2
    assert "list.csv:3,no company name" in report.read_text(encoding="utf-8-sig")
    dry = runner.invoke(app, ["import", str(path), "--source", "y", "--id-column", "ID",
                              "--region", "DE", "--dry-run", "--db", db])
    assert "rejected list.csv:3:" in dry.output
    assert str(dry.exception).endswith("(the 3 rows before it are checked, 1 rejected)")


def test_a_long_cell_is_read(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f"name,description\nAcme GmbH,{'x' * 300_000}\nBeta AG,short\n",
                    encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    assert "2 rows: new 2" in run("import", str(path), "--source", "x", "--db", db).output  # type: ignore[attr-defined]


def test_a_quote_not_doubled_inside_a_cell_is_read_leniently_and_noted(tmp_path: Path) -> None:
    """Many exports wrap cells in quotes without doubling the quotes inside; a strict reader
    stopped the whole import at the first such row."""
    path = tmp_path / "list.csv"
    path.write_text('name,phone,city\n"Acme "Best" Verpackung GmbH",030 1234567,Berlin\n'
                    '"Beta" Logistik AG,040 7654321,Hamburg\nGamma Druck KG,"089 111222",München\n'
                    '"Delta ""Quoted"" KG",0221 333444,Köln\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    out = " ".join(run("import", str(path), "--source", "x", "--region", "DE",
                       "--db", db).output.split())  # type: ignore[attr-defined]
    assert "4 rows: new 4; 0 rejected, 2 warnings" in out
    assert ('list.csv:2: a quote inside a cell is not doubled; read leniently as: Acme "Best" '
            "Verpackung GmbH | 030 1234567 | Berlin") in out
    assert "list.csv:3: a quote inside a cell is not doubled" in out
    with init_db(db).connect() as conn:
        names = set(conn.execute(select(Company.display_name)).scalars())
    assert names == {'Acme "Best" Verpackung', "Beta Logistik", "Gamma Druck", 'Delta "Quoted"'}


def test_read_leniently_repairs_one_record_or_gives_up() -> None:
    import csv

    from leadgen.importer import read_leniently

    class Tabs(csv.excel):
        delimiter = "\t"

    cases = [
        (['"Acme "Best" GmbH",1\n'], csv.excel, ['Acme "Best" GmbH', "1"]),
        (['"Acme" GmbH,1\n'], csv.excel, ["Acme GmbH", "1"]),
        (['"Acme "Best" GmbH"\t1\n'], Tabs, ['Acme "Best" GmbH', "1"]),
        (['"multi\n', 'line" x;2\n'], type("Semi", (csv.excel,), {"delimiter": ";"}),
         ["multi\nline x", "2"]),
        (["\n", '"Acme" GmbH,1\n'], csv.excel, ["Acme GmbH", "1"]),  # a blank line before
        ([], csv.excel, None),
    ]
    for lines, dialect, expected in cases:
        assert read_leniently(lines, dialect) == expected, lines


def test_a_long_list_of_warnings_is_cut_on_screen_and_kept_whole_in_the_report(
        tmp_path: Path) -> None:
    import csv

    path = tmp_path / "list.csv"
    path.write_text("name,phone\n" + "".join(f"Firma {n} GmbH,not a phone {n}\n"
                                             for n in range(25)) + ",030 1234567\n",
                    encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    out = run("import", str(path), "--source", "x", "--region", "DE",
              "--db", db).output  # type: ignore[attr-defined]
    assert out.count("\nwarning list.csv:") + out.startswith("warning") == 20
    assert "... and 5 more warning lines (--report FILE keeps them all)" in out
    report = tmp_path / "report.csv"
    out = run("import", str(path), "--source", "y", "--region", "DE", "--report", str(report),
              "--db", db).output  # type: ignore[attr-defined]
    assert f"... and 5 more warning lines (all in {report})" in " ".join(out.split())
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["kind"] for row in rows] == ["rejected"] + ["warning"] * 25
    assert rows[0]["row"] == "list.csv:27" and rows[0]["reason"].startswith("no company name")
    assert rows[25] == {"kind": "warning", "row": "list.csv:26",
                        "reason": "phone not a phone 24 is not a valid number (kept in the record)"}


@pytest.mark.parametrize("workers", [0, 1])
def test_a_repeated_id_never_replaces_the_earlier_rows_company(tmp_path: Path,
                                                                 workers: int) -> None:
    """An id column that is not unique: a row with an earlier row's id and other content is a
    record of its own (taken as a new version of the earlier row, it turned Acme into Beta);
    the same row again stays one record."""
    path = tmp_path / "list.csv"
    path.write_text("id,Company,City,Phone\n1,Acme GmbH,Berlin,030 1234567\n"
                    "1,Beta AG,Hamburg,040 7654321\n2,Gamma KG,Köln,0221 123456\n"
                    "2,Gamma KG,Köln,0221 123456\n", encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    for outcomes in ({"new": 3, "unchanged": 1}, {"unchanged": 4}):
        report = import_file(engine, path, source="list", id_column="id", region="DE",
                             workers=workers)
        assert dict(report.outcomes) == outcomes
        assert report.warnings == [
            "list.csv:3: id '1' is an earlier row's too; imported as record '1 (line 3)'"]
        with engine.connect() as conn:
            records = conn.execute(select(SourceRecord.record_id, Company.display_name)
                                   .join(Company, Company.id == SourceRecord.company_id)
                                   .order_by(SourceRecord.id)).all()
        assert [tuple(row) for row in records] == [
            ("1", "Acme"), ("1 (line 3)", "Beta"), ("2", "Gamma")]


def test_phones_unread_for_want_of_a_region_are_explained_once(tmp_path: Path) -> None:
    """Too few rows to guess a region from: the numbers without a country code are kept but
    not read, and one line says why and what to do."""
    path = tmp_path / "small.csv"
    path.write_text("Company,City,Phone\nAcme GmbH,Berlin,030 1234567\n"
                    "Beta AG,Hamburg,+49 40 7654321\n", encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    report = import_file(engine, path, source="list")
    assert report.region_guess is None
    assert report.warnings[0].startswith("small.csv: no --region was given")
    assert report.warnings[1:] == [
        "small.csv:2: phone 030 1234567 is not a valid number (kept in the record)"]
    again = import_file(engine, path, source="list", region="DE")
    assert not again.warnings


def test_a_repeated_header_and_a_line_of_totals_are_rejected_as_no_company(
        tmp_path: Path) -> None:
    """Exports put together repeat their header; lists end with a line of totals. Neither is
    a company ("Total Solutions GmbH" is one)."""
    path = tmp_path / "aussteller.csv"
    path.write_text("Firma;Straße;PLZ;Ort;Telefon\n"
                    "Acme GmbH;Hauptstr. 5;10115;Berlin;030 1234567\n"
                    "Firma;Straße;PLZ;Ort;Telefon\n"
                    "Beta AG;Marktplatz 1;80331;München;089 7654321\n"
                    "Total Solutions GmbH;Ring 1;10115;Berlin;\n"
                    "Gesamt: 3 Aussteller;;;;\n"
                    "Summe;;;;3\n"
                    "合计：3家;;;;\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    output = run("import", str(path), "--source", "messe", "--region", "DE", "--db", db).output  # type: ignore[attr-defined]
    assert "7 rows: new 3; 4 rejected" in output
    assert "aussteller.csv:3: the header again, not a company" in output
    for line in (6, 7, 8):
        assert f"aussteller.csv:{line}: a line of totals, not a company" in output
    with init_db(db).connect() as conn:
        names = set(conn.execute(select(Company.display_name)).scalars())
    assert names == {"Acme", "Beta", "Total Solutions"}


def test_a_name_that_is_no_name_is_rejected_and_a_phone_padded_with_spaces_is_read(
        tmp_path: Path) -> None:
    """Names of markup or invisible characters only made nameless companies; a phone cell
    padded with thousands of no-break spaces took seconds per row (quadratic patterns)."""
    path = tmp_path / "odd.csv"
    path.write_text("Firma,Telefon\n&nbsp;,030 1234567\n<b></b>,030 1234568\n"
                    "Alpha GmbH,+49 30" + "\u00a0" * 5000 + "1234569\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    output = run("import", str(path), "--source", "odd", "--region", "DE",
                 "--db", db).output  # type: ignore[attr-defined]
    assert "odd.csv:2: no company name (the 'Firma' column is empty)" in output  # &nbsp;
    assert "odd.csv:3: no company name in '<b></b>'" in output
    with init_db(db).connect() as conn:
        assert conn.execute(select(Company.display_name, Company.phone)).all() == [
            ("Alpha", "+49301234569")]


def test_an_entity_s_semicolon_splits_no_cell(tmp_path: Path) -> None:
    """"Metall &amp; Kunststoff" was two categories, "Metall &amp" and "Kunststoff", and "Dr.
    J&ouml;rg Wei&szlig;" two people, "Dr. J&ouml" and "rg Wei&szlig"."""
    path = tmp_path / "ent.csv"
    path.write_text('Firma,Telefon,Branche,Ansprechpartner,Strasse,Ort\n"M&uuml;ller GmbH",'
                    '030 1111111,"Metall &amp; Kunststoff; Holz","Dr. J&ouml;rg Wei&szlig;",'
                    'Stra&szlig;e des 17. Juni 5,M&uuml;nchen\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    run("import", str(path), "--source", "e", "--region", "DE", "--db", db)
    with init_db(db).connect() as conn:
        assert conn.execute(select(Company.categories)).scalar_one() == [
            "Metall & Kunststoff", "Holz"]
        assert conn.execute(select(ContactPoint.person_name).where(
            ContactPoint.kind == "person")).scalars().all() == ["Jörg Weiß"]
        assert conn.execute(select(Company.street, Company.city)).one() == (
            "Straße des 17. Juni 5", "München")


@pytest.mark.parametrize(("second_street", "filled"), [
    ("Elbchaussee 1", True),
    # another street of the town is another place: its postal code is no gap to fill
    ("Jungfernstieg 7", False)])
def test_a_newer_list_without_the_postal_code_keeps_the_one_an_older_list_gave(
        tmp_path: Path, second_street: str, filled: bool) -> None:
    """The address travels as one group: a newer list with the street, town and state but
    no postal code (a tie on completeness) took the company's postal code away."""
    older, newer = tmp_path / "older.csv", tmp_path / "newer.csv"
    older.write_text("Firma;Straße;PLZ;Ort;Telefon\n"
                     "Nordwind Solar GmbH;Elbchaussee 1;22763;Hamburg;040 998877\n",
                     encoding="utf-8")
    newer.write_text("Firma;Straße;Ort;Bundesland;Telefon\n"
                     f"Nordwind Solar GmbH;{second_street};Hamburg;Hamburg;040 998877\n",
                     encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    import_file(engine, older, source="older", region="DE")
    import_file(engine, newer, source="newer", region="DE")
    _assert_postal_code_kept(engine, second_street, filled)


def test_a_less_trusted_list_gives_the_postal_code_the_trusted_one_leaves_out(
        tmp_path: Path) -> None:
    """The customer list (trust 4) wins the address; the purchased list's postal code at the
    same street fills its gap, on import and in a forced dedupe."""
    customers, bought = tmp_path / "customers.csv", tmp_path / "bought.csv"
    customers.write_text("Firma;Straße;Ort;Bundesland;Telefon\n"
                         "Nordwind Solar GmbH;Elbchaussee 1;Hamburg;Hamburg;040 998877\n",
                         encoding="utf-8")
    bought.write_text("Firma;Straße;PLZ;Ort;Telefon\n"
                      "Nordwind Solar GmbH;Elbchaussee 1;22763;Hamburg;040 998877\n",
                      encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    import_file(engine, customers, source="crm", region="DE", as_customers=True)
    import_file(engine, bought, source="bought", region="DE")
    _assert_postal_code_kept(engine, "Elbchaussee 1", True)


@pytest.mark.parametrize("dated", [True, False], ids=["as-of given", "import time"])
def test_an_older_list_imported_later_keeps_the_newer_address(tmp_path: Path,
                                                              dated: bool) -> None:
    """Two lists trusted alike, the purchased one older but imported after the CRM: with
    ``as_of`` its records are of their own date, and the CRM's newer address stays (in a
    forced dedupe too); without it the later import's address wins, as "recent" says."""
    from leadgen.matching.dedupe import dedupe

    crm, bought = tmp_path / "crm.csv", tmp_path / "bought.csv"
    crm.write_text("Firma;Straße;PLZ;Ort;Telefon\n"
                   "Nordwind Solar GmbH;Elbchaussee 1;22763;Hamburg;040 998877\n",
                   encoding="utf-8")
    bought.write_text("Firma;Straße;PLZ;Ort;Telefon\n"
                      "Nordwind Solar GmbH;Elbchaussee 9;22763;Hamburg;040 998877\n",
                      encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    import_file(engine, crm, source="crm", region="DE",
                as_of=datetime(2026, 5, 1, tzinfo=UTC) if dated else None)
    import_file(engine, bought, source="bought", region="DE",
                as_of=datetime(2024, 1, 1, tzinfo=UTC) if dated else None)
    for run in ("import", "dedupe"):
        with engine.connect() as conn:
            (company,) = conn.execute(select(Company)).all()
            dates = {row.source_id: row.fetched_at for row in conn.execute(
                select(SourceRecord.source_id, SourceRecord.fetched_at))}
        assert company.street == ("Elbchaussee 1" if dated else "Elbchaussee 9"), run
        assert (dates["bought"].year == 2024) is dated, run
        dedupe(engine, force=True)


def test_as_of_is_a_past_date(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Firma;Ort\nNordwind Solar GmbH;Hamburg\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    for given, said in (("30.06.2025", "as YYYY-MM-DD"), ("2999-01-01", "in the future")):
        result = CliRunner().invoke(app, ["import", str(path), "--source", "bought",
                                          "--as-of", given, "--db", db])
        assert isinstance(result.exception, InputError) and said in str(result.exception)
    result = CliRunner().invoke(app, ["import", str(path), "--source", "bought", "--region",
                                      "DE", "--as-of", "2025-06-30", "--db", db])
    assert result.exit_code == 0, result.output
    engine = init_db(db)
    with engine.connect() as conn:
        (fetched,) = conn.execute(select(SourceRecord.fetched_at)).scalars()
    assert (fetched.year, fetched.month, fetched.day, fetched.hour) == (2025, 6, 30, 0)


def _assert_postal_code_kept(engine: Engine, street: str, filled: bool) -> None:
    from leadgen.matching.dedupe import dedupe

    for run in ("import", "dedupe"):
        with engine.connect() as conn:
            company = conn.execute(select(Company)).one()
        assert (company.street, company.region) == (street, "Hamburg"), run
        assert company.postal_code == ("22763" if filled else None), run
        fills = company.field_sources["address"].get("filled") or {}
        assert ("postal_code" in fills) is filled, run
        dedupe(engine, force=True)
