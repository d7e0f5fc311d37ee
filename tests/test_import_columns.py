"""Which field a spreadsheet column holds: by its name in several languages, or by --map."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner, Result

from leadgen.cli import app
from leadgen.columns import column_key, field_of_column, known_fields, unique_columns
from leadgen.exceptions import InputError
from leadgen.importer import FIELDS, parse_mapping, size_signals
from leadgen.storage import init_db
from leadgen.storage.models import Company, ContactPoint, SourceRecord

runner = CliRunner()


def _imported(tmp_path: Path, name: str, text: str, *options: str) -> tuple[str, Result]:
    """Write ``text`` to the file ``name`` and import it into a fresh database with
    ``options``: the database's URL and the import's result (which succeeded)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), *options, "--db", db])
    assert result.exit_code == 0, result.output + str(result.exception)
    return db, result


@pytest.mark.parametrize(("name", "key"), [
    ("E-Mail:", "e_mail"),
    ("e_mail", "e_mail"),
    ("  Company  Name ", "company_name"),
    ("Straße", "strasse"),
    ("Ｅｍａｉｌ", "email"),  # full-width, as Chinese spreadsheets often have
    ("电话：", "电话"),
    ("PLZ*", "plz"),
    ("Tel.", "tel"),
])
def test_column_key(name: str, key: str) -> None:
    assert column_key(name) == key


@pytest.mark.parametrize(("name", "field"), [
    ("Firma", "name"), ("Firmenname", "name"), ("公司名称", "name"), ("企业名称", "name"),
    ("Raison sociale", "name"), ("Razón social", "name"), ("Company Name", "name"),
    ("Telefon", "phone"), ("电话", "phone"), ("手机号码", "phone"), ("Téléphone", "phone"),
    ("E-Mail", "email"), ("邮箱", "email"), ("Courriel", "email"),
    ("Webseite", "website"), ("网址", "website"), ("官网", "website"),
    ("Straße", "street"), ("Strasse", "street"), ("地址", "address"), ("Anschrift", "address"),
    ("PLZ", "postal_code"), ("邮编", "postal_code"), ("Code postal", "postal_code"),
    ("Ort", "city"), ("城市", "city"), ("locality", "city"), ("Municipality", "city"),
    ("Bundesland", "region"), ("省份", "region"),
    ("Land", "country"), ("国家", "country"),
    ("Branche", "category"), ("所属行业", "category"),
    ("Ansprechpartner", "contact_name"), ("联系人", "contact_name"),
    ("Position", "contact_title"), ("职务", "contact_title"), ("Title", "contact_title"),
    ("First Name", "contact_first_name"), ("Vorname", "contact_first_name"),
    ("Last Name", "contact_last_name"), ("Nachname", "contact_last_name"),
    ("姓", "contact_last_name"), ("名", "contact_first_name"), ("氏名", "contact_name"),
    ("Geschäftsführer", "executive"), ("Dirigeant", "executive"), ("法定代表人", "executive"),
    ("USt-IdNr.", "registry_id"), ("VAT ID", "registry_id"), ("统一社会信用代码", "registry_id"),
    ("Mitarbeiter", "employees"), ("员工人数", "employees"), ("# Employees", "employees"),
    ("Mobile Phone", "phone"), ("Work Phone", "phone"),
    ("Hausnummer", "house_number"), ("Haus-Nr.", "house_number"), ("HNr", "house_number"),
    ("Umsatz", "revenue"), ("营业额", "revenue"),
    ("Gründungsjahr", "founded_year"), ("成立日期", "founded_year"),
    ("Name of the Firm", "name"), ("Mobile No.", "phone"), ("Email ID", "email"),  # India
    ("PIN Code", "postal_code"), ("Pincode", "postal_code"), ("GST No", "registry_id"),
    ("Contact First", "contact_first_name"), ("Contact Last", "contact_last_name"),
    ("phone", "phone"), ("postal_code", "postal_code"),  # a field's own name
    ("Bemerkung", None), ("备注", None), ("Notes", None),
    # Numbered columns hold what the name without the number holds...
    ("Telefon 2", "phone"), ("phone_1", "phone"), ("E-Mail2", "email"), ("Name 1", "name"),
    # ...but a second address line is the street's second line, and "address1" is a street.
    ("Address 2", "address_line_2"), ("address_line_2", "address_line_2"),
    ("Straße 2", "address_line_2"), ("address1", "street"), ("Address 1", "street"),
    # CRM exports: Salesforce's billing address, HubSpot's and Pipedrive's names.
    ("Billing Street", "street"), ("Billing Zip/Postal Code", "postal_code"),
    ("Billing State/Province", "region"), ("Shipping Country", "country"),
    ("State/Region", "region"), ("Country/Region", "country"),
    # Salesforce's API names, as Data Loader and the weekly export write them
    ("BillingStreet", "street"), ("BillingPostalCode", "postal_code"),
    ("BillingState", "region"), ("BillingCountry", "country"), ("MailingCity", "city"),
    ("NumberOfEmployees", "employees"), ("AccountId", None),
    # Zoho CRM's accounts: its postal code was not imported
    ("Billing Code", "postal_code"), ("Shipping_Code", "postal_code"), ("Code", None),
    # Pipedrive's people export: the person's organization is the company
    ("Person - Organization", "name"), ("Person - Email - Work", "contact_email"),
    ("Person - Phone - Mobile", "contact_phone"),
    ("Organization - Phone", "phone"), ("Company Phone", "phone"), ("Account Owner", None),
    ("Organization - Name", "name"), ("Person - Name", "contact_name"),
    ("Person - Email", "contact_email"), ("Person - Job title", "contact_title"),
    ("Contact Mobile", "contact_phone"), ("Contact Notes", None),
    ("Designation", "contact_title"), ("No. of Employees", "employees"),
    # Traditional Chinese (Taiwan, Hong Kong) as simplified, Japanese and Korean.
    ("公司名稱", "name"), ("電話", "phone"), ("網址", "website"), ("傳真", "fax"),
    ("電子郵件", "email"), ("郵遞區號", "postal_code"), ("聯絡人", "contact_name"),
    ("職稱", "contact_title"), ("縣市", "city"),
    ("会社名", "name"), ("電話番号", "phone"), ("住所", "address"), ("郵便番号", "postal_code"),
    ("国", "country"), ("国名", "country"),  # a Japanese list's country (was not imported)
    ("ホームページ", "website"), ("メールアドレス", "email"), ("都道府県", "region"),
    ("担当者", "contact_name"),
    ("회사명", "name"), ("전화번호", "phone"), ("주소", "address"), ("우편번호", "postal_code"),
    ("홈페이지", "website"), ("이메일", "email"), ("팩스", "fax"), ("담당자", "contact_name"),
    # Everyday names of Hong Kong, Taiwan, Japan and Korea, and a register export's (企查查)
    ("手提電話", "phone"), ("電郵", "email"), ("行動電話", "phone"), ("產業類別", "category"),
    ("携帯", "phone"), ("Eメール", "email"), ("業種", "category"), ("핸드폰", "phone"),
    ("업종", "category"), ("更多电话", "phone"), ("更多邮箱", "email"), ("所属省份", "region"),
    ("所属城市", "city"), ("企业地址", "address"),
    # Taiwan's register of listed companies (TWSE/MOPS): none was imported
    ("住址", "address"), ("總機電話", "phone"), ("電子郵件信箱", "email"),
    ("傳真機號碼", "fax"), ("營利事業統一編號", "registry_id"),
])
def test_field_of_column(name: str, field: str | None) -> None:
    assert field_of_column(name) == field


def test_every_field_columns_yaml_names_is_a_field_the_importer_reads() -> None:
    assert known_fields() <= set(FIELDS)


def test_columns_map_by_name_and_a_map_overrides_only_its_field() -> None:
    header = ["Nr", "Firma", "Name", "Telefon", "Mobil", "Straße", "Adresse", "Notiz"]
    # "Name" beside "Firma" is the contact person's (it was not imported)
    assert parse_mapping([], header) == {
        "name": ("Firma",), "contact_name": ("Name",), "phone": ("Telefon", "Mobil"),
        "street": ("Straße",), "address": ("Adresse",)}
    # The user's --map decides its field; the other columns still map by their names, and
    # an address mapped one way is not also read the other way.
    assert parse_mapping(["name=Name", "address=Adresse"], header) == {
        "name": ("Name",), "address": ("Adresse",), "phone": ("Telefon", "Mobil")}
    assert parse_mapping(["phone=Telefon"], header)["phone"] == ("Telefon",)
    with pytest.raises(InputError, match=r"add --map name=COLUMN \(columns: Nr, Notiz\)"):
        parse_mapping([], ["Nr", "Notiz"])


@pytest.mark.parametrize(("employees", "revenue", "founded", "expected"), [
    ("1.200", None, None, {"employees": 1200}),
    ("1,200", None, None, {"employees": 1200}),
    ("35", None, None, {"employees": 35}),
    ("50-99人", None, None, {"employees_band": "50-99人"}),
    ("500+", None, None, {"employees_band": "500+"}),
    ("many", None, None, {}),
    # A number too long to be a count was stored as one: beyond SQLite's integers, or
    # Python's (over 4,300 digits), it stopped the import with a traceback.
    ("100000000000000000000", None, None, {"employees_band": "100000000000000000000"}),
    ("1" * 4301, None, None, {"employees_band": "1" * 60}),
    (None, "EUR 10-50 Mio.", None, {"revenue_band": "EUR 10-50 Mio."}),
    (None, None, "2019-05-01", {"founded_year": 2019}),
    (None, None, "2001年5月", {"founded_year": 2001}),
    (None, None, "seit 1887", {"founded_year": 1887}),
    (None, None, "12345", {}),
])
def test_size_signals(employees: str | None, revenue: str | None, founded: str | None,
                      expected: dict[str, object]) -> None:
    size = size_signals(employees, revenue, founded)
    assert size.model_dump(exclude_none=True) == expected


def import_one_company(path: Path, *options: str) -> tuple[str, Any, list[str]]:
    """``leadgen import`` of a one-company list into a database beside it: the output, the
    company and its phones (sorted)."""
    db = f"sqlite:///{path.parent / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), *options, "--db", db])
    assert result.exit_code == 0, result.output + str(result.exception)
    with init_db(db).connect() as conn:
        company = conn.execute(select(Company)).one()
        phones = sorted(conn.execute(select(ContactPoint.value).where(
            ContactPoint.kind == "phone")).scalars())
    return result.output, company, phones


def test_a_chinese_list_imports_without_any_map(tmp_path: Path) -> None:
    """A purchased list as Excel on a Chinese Windows saves it: GBK, Chinese column names,
    the address on one line, a notes column that is not imported."""
    path = tmp_path / "客户名单.csv"
    path.write_bytes(
        "序号,公司名称,电话,手机,网址,地址,员工人数,成立日期,备注\n"
        "1,深圳华强电子有限公司,0755-83030000,13812345678,www.huaqiang.com,"
        "广东省深圳市福田区华强北路1号,100-499人,2001年5月,老客户\n".encode("gbk"))
    output, company, phones = import_one_company(
        path, "--source", "buy", "--id-column", "序号", "--region", "CN", "--encoding", "gbk")
    assert ("columns: name=公司名称, phone=电话+手机, website=网址, address=地址, "
            "employees=员工人数, founded_year=成立日期; not imported: 备注") in output
    assert (company.display_name, company.registered_domain, company.city) == (
        "深圳华强电子", "huaqiang.com", "深圳")
    assert company.size == {"employees_band": "100-499人", "founded_year": 2001}
    assert phones == ["+8613812345678", "+8675583030000"]


def test_a_taiwanese_big5_list_imports_without_any_map(tmp_path: Path) -> None:
    """A Taiwanese list: Big5, column names in traditional characters (none mapped before),
    a Taipei address that names the country whose plan reads the phone."""
    path = tmp_path / "廠商名錄.csv"
    path.write_bytes(
        "編號,公司名稱,電話,網址,地址,聯絡人,職稱\n"
        "1,台灣精密工業股份有限公司,02-2345-6789,www.twprecision.com.tw,"
        "台北市信義區信義路五段7號,陳志明,總經理\n".encode("big5"))
    output, company, phones = import_one_company(
        path, "--source", "tw", "--id-column", "編號", "--encoding", "big5")
    assert ("columns: name=公司名稱, phone=電話, website=網址, address=地址, "
            "contact_name=聯絡人, contact_title=職稱") in output
    assert (company.display_name, company.registered_domain, company.country) == (
        "台灣精密工業", "twprecision.com.tw", "TW")
    assert phones == ["+886223456789"]


def test_a_register_export_keeps_names_whole_and_imports_every_column(tmp_path: Path) -> None:
    """A 企查查 export: its company type (企业类型) is no legal form to join to a name that has
    one ("深圳市华强电子(自然人投资或控股)", legal form "有限公司 有限责任公司"), and its
    city, province, address and further numbers were not imported."""
    path = tmp_path / "qcc.csv"
    path.write_text(
        "企业名称,所属省份,所属城市,电话,更多电话,企业类型,企业地址\n"
        "深圳市华强电子有限公司,广东省,深圳市,0755-83212345,13812345678；0755-83212399,"
        "有限责任公司(自然人投资或控股),深圳市南山区科技园南区高新南一道9号\n", encoding="utf-8")
    output, company, phones = import_one_company(path, "--source", "qcc", "--region", "CN")
    assert "not imported" not in output
    assert (company.display_name, company.legal_form, company.city, company.street) == (
        "深圳市华强电子", "有限公司", "深圳市", "南山区科技园南区高新南一道9号")
    assert phones == ["+8613812345678", "+8675583212345", "+8675583212399"]
    other = tmp_path / "other" / "list.csv"
    other.parent.mkdir()
    other.write_text("Firma,Rechtsform\nMüller & Söhne,GmbH\nAcme Trading,Prospect\n",
                     encoding="utf-8")
    db = f"sqlite:///{other.parent / 'leads.db'}"
    assert runner.invoke(app, ["import", str(other), "--source", "crm", "--region", "DE",
                               "--db", db]).exit_code == 0
    with init_db(db).connect() as conn:
        names = set(conn.execute(select(Company.display_name, Company.legal_form)).all())
    assert names == {("Müller & Söhne", "GmbH"), ("Acme Trading", None)}


def test_people_in_one_cell_split_at_chinese_separators(tmp_path: Path) -> None:
    """"王大明／李娜" and "王大明；李娜" were one person (、 and ， split already)."""
    path = tmp_path / "list.csv"
    path.write_text("公司名称,联系人,职位\n"
                    "深圳市华强电子有限公司,王大明／李娜,总经理／采购经理\n"
                    "广州市天河贸易有限公司,张伟；刘洋,董事长；经理\n"
                    "苏州市金鸡精密有限公司,赵军/周涛,总经理/经理\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "s", "--region", "CN",
                                 "--db", db])
    assert result.exit_code == 0, result.output
    with init_db(db).connect() as conn:
        people = set(conn.execute(select(ContactPoint.value, ContactPoint.title).where(
            ContactPoint.kind == "person")).all())
    assert people == {("王大明", "总经理"), ("李娜", "采购经理"), ("张伟", "董事长"),
                      ("刘洋", "经理"), ("赵军", "总经理"), ("周涛", "经理")}


def test_a_phones_type_read_on_import_is_exported_before_any_check(tmp_path: Path) -> None:
    """Mobile, fixed line or shared cost (400) were stored but exported as type None."""
    path = tmp_path / "list.csv"
    path.write_text("公司名称,电话\n深圳市华强电子有限公司,0755-83212345、13812345678、400-800-8888\n",
                    encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    assert runner.invoke(app, ["import", str(path), "--source", "s", "--region", "CN",
                               "--db", db]).exit_code == 0
    exported = runner.invoke(app, ["export", "--format", "json", "--db", db])
    phones = {phone["value"]: phone["type"] for phone in json.loads(exported.output)[0]["phones"]}
    assert phones == {"+8675583212345": "fixed_line", "+8613812345678": "mobile",
                      "+864008008888": "shared_cost"}


def test_a_badge_scan_names_its_person_in_name_and_its_company_in_company(
        tmp_path: Path) -> None:
    """"Name" beside "Company" is the person's name: each person was stored as a company and
    the company column was not imported."""
    path = tmp_path / "badges.csv"
    path.write_text(
        "Badge ID,Name,Company,Job Title,Email,Country\n"
        "B-1,Hans Müller,Müller Maschinenbau GmbH,Geschäftsführer,hans.mueller@mueller-mb.de,"
        "Germany\n", encoding="utf-8")
    output, company, _ = import_one_company(path, "--source", "fair", "--id-column", "Badge ID")
    assert "contact_name=Name, name=Company" in output and "not imported" not in output
    assert company.display_name == "Müller Maschinenbau"
    with init_db(f"sqlite:///{tmp_path / 'leads.db'}").connect() as conn:
        people = conn.execute(select(ContactPoint.person_name, ContactPoint.decision_maker)
                              .where(ContactPoint.kind == "person")).all()
    assert people == [("Hans Müller", True)]


def test_a_people_list_takes_the_companys_address_not_the_persons(tmp_path: Path) -> None:
    """A lead export with the person's City and State beside the company's: the person's
    home town was stored as the company's city and "Company City" was not imported."""
    path = tmp_path / "people.csv"
    path.write_text(
        "First Name,Last Name,Company,City,State,Company Address,Company City,Company State,"
        "Contact Id\n"
        "Jane,Roe,Acme Packaging Inc.,Evanston,Illinois,\"121 E Main St, Chicago, Illinois, "
        "United States, 60601\",Chicago,Illinois,64a1\n", encoding="utf-8")
    output, company, _ = import_one_company(path, "--source", "apollo", "--id-column",
                                            "Contact Id")
    assert "not imported: City, State" in output
    assert (company.street, company.city, company.postal_code, company.country) == (
        "121 E Main St", "Chicago", "60601", "US")


def test_a_crm_lead_export_gives_its_person_and_whether_they_decide(tmp_path: Path) -> None:
    """A CRM's lead export names its person in "First Name" and "Last Name" and their job in
    "Title": one contact, a decision maker by the same title rules as the website
    enrichment (so the lead's authority counts in its score)."""
    db, result = _imported(
        tmp_path, "leads.csv",
        "Lead ID,First Name,Last Name,Title,Company,Email\n"
        "00Q1,Eva,Weber,Head of Purchasing,Acme GmbH,e.weber@acme.de\n"
        "00Q2,Jan,Roth,Assistant to the Managing Director,Beta AG,\n",
        "--source", "crm", "--id-column", "Lead ID", "--region", "DE")
    assert ("columns: contact_first_name=First Name, contact_last_name=Last Name, "
            "contact_title=Title, name=Company, email=Email") in result.output
    with init_db(db).connect() as conn:
        people = conn.execute(select(ContactPoint.person_name, ContactPoint.title,
                                     ContactPoint.decision_maker).where(
            ContactPoint.kind == "person").order_by(ContactPoint.person_name)).all()
    assert [tuple(row) for row in people] == [
        ("Eva Weber", "Head of Purchasing", True),
        ("Jan Roth", "Assistant to the Managing Director", False)]


def test_a_list_of_people_gives_each_person_the_email_written_from_their_name(
        tmp_path: Path) -> None:
    """Lead exports and badge scans list people: an "Email" written from the person's name
    ("e.weber@", "hans.mueller@" for Hans Müller, "lina@" for 李娜) is theirs as well as the
    company's; a role address ("info@") is the company's only."""
    db, result = _imported(
        tmp_path, "scans.csv",
        "First Name,Last Name,Title,Company,Email\n"
        "Eva,Weber,Head of Purchasing,Acme GmbH,e.weber@acme.de\n"
        "Hans,Müller,CEO,Beta AG,hans.mueller@beta.de\n"
        "Jan,Roth,Buyer,Gamma KG,info@gamma.de\n"
        "娜,李,销售经理,杭州华联包装有限公司,lina@hlbz.cn\n"
        "Na,Li,Sales Manager,Lotus Trading Co. Ltd.,li.na@lotus.cn\n",  # short words: whole
        "--source", "fair", "--region", "DE")
    with init_db(db).connect() as conn:
        people = {name: details.get("email") for name, details in conn.execute(
            select(ContactPoint.person_name, ContactPoint.details).where(
                ContactPoint.kind == "person"))}
        company_emails = set(conn.execute(select(ContactPoint.value).where(
            ContactPoint.kind == "email")).scalars())
    assert people == {"Eva Weber": "e.weber@acme.de", "Hans Müller": "hans.mueller@beta.de",
                      "Jan Roth": None, "李娜": "lina@hlbz.cn", "Na Li": "li.na@lotus.cn"}
    assert company_emails == {"e.weber@acme.de", "hans.mueller@beta.de", "info@gamma.de",
                              "lina@hlbz.cn", "li.na@lotus.cn"}


def test_a_title_column_without_a_person_is_named_in_a_warning(tmp_path: Path) -> None:
    """A title belongs to a person: with no contact name column it cannot be imported, and
    the import says so instead of listing it as mapped only."""
    path = tmp_path / "list.csv"
    path.write_text("Company,Person,Title\nAcme GmbH,Eva Weber,CEO\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'list.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "fair", "--region", "DE",
                                 "--db", db])
    assert result.exit_code == 0, result.output
    assert "no contact name column" in " ".join(result.output.split())
    named = runner.invoke(app, ["import", str(path), "--source", "fair2", "--region", "DE",
                                "--map", "contact_name=Person", "--db", db])
    assert "no contact name column" not in " ".join(named.output.split())
    with init_db(db).connect() as conn:
        people = conn.execute(select(ContactPoint.person_name, ContactPoint.title).where(
            ContactPoint.kind == "person")).all()
    assert [tuple(row) for row in people] == [("Eva Weber", "CEO")]


def test_repeated_column_names_are_numbered_and_all_read(tmp_path: Path) -> None:
    """Two columns both named "Telefon" (office and mobile): the second used to hide the
    first, in CSV files and workbooks alike."""
    path = tmp_path / "liste.csv"
    path.write_text("Firma;Telefon;Telefon;E-Mail 1;E-Mail 2\n"
                    "Acme GmbH;030 1111111;0171 2222222;info@acme.de;vertrieb@acme.de\n",
                    encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "x", "--region", "DE",
                                 "--db", db])
    assert "phone=Telefon+Telefon 2, email=E-Mail 1+E-Mail 2" in result.output
    with init_db(db).connect() as conn:
        contacts = sorted(conn.execute(select(ContactPoint.kind, ContactPoint.value)).all())
    assert contacts == [("email", "info@acme.de"), ("email", "vertrieb@acme.de"),
                        ("phone", "+491712222222"), ("phone", "+49301111111")]


def test_unique_columns() -> None:
    assert unique_columns(["a", "b", "a", "a", "a 2"]) == ["a", "b", "a 2", "a 3", "a 2 2"]


def test_a_house_number_column_joins_the_street_as_its_country_writes_it(tmp_path: Path) -> None:
    """German lists give "Strasse" and "Hausnummer" apart: the street keeps its number
    ("Hauptstraße 5a"; "121 Main St", "12 rue de Rivoli"), and one already in the street
    column is not added twice."""
    path = tmp_path / "liste.csv"
    path.write_text("Firmenname;Strasse;Hausnummer;PLZ;Ort\n"
                    "Acme Verpackung GmbH;Hauptstraße;5a;10115;Berlin\n"
                    "Beta Inc;Main St;121;53590;Sun Prairie\n"
                    "Gamma SARL;rue de Rivoli;12;75004;Paris\n"
                    "Delta GmbH;Marktplatz 1;1;80331;München\n"
                    "Epsilon AG;Straße des 17. Juni;135;10623;Berlin\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "liste", "--db", db])
    assert result.exit_code == 0, result.output
    assert "house_number=Hausnummer" in result.output
    with init_db(db).connect() as conn:
        streets = dict(conn.execute(select(Company.display_name, Company.street)).all())
    assert streets == {"Acme Verpackung": "Hauptstraße 5a", "Beta": "121 Main St",
                       "Gamma": "12 rue de Rivoli", "Delta": "Marktplatz 1",
                       "Epsilon": "Straße des 17. Juni 135"}


@pytest.mark.parametrize(("text", "region", "streets"), [
    # Brazil's register: "AV" is Avenida, its number after it, by the list's region or the
    # row's country (a French "av." takes it before)
    ("empresa;logradouro;numero;municipio\nAMBEV S.A.;AV ANTARCTICA;1891;JAGUARIUNA\n",
     "BR", {"AMBEV": "AV ANTARCTICA 1891"}),
    ("Company;Street;No;City;Country\nAmbev S.A.;Av. Antarctica;1891;Jaguariúna;Brazil\n"
     "Gamma SARL;av. de l'Opéra;12;Paris;France\n",
     None, {"Ambev": "Av. Antarctica 1891", "Gamma": "12 av. de l'Opéra"}),
])
def test_a_house_number_column_follows_the_street_where_the_country_writes_it_so(
        tmp_path: Path, text: str, region: str | None, streets: dict[str, str]) -> None:
    path = tmp_path / "lista.csv"
    path.write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["import", str(path), "--source", "lista", "--db", db,
                                 "--map", "street=" + text.split(";")[1],
                                 "--map", "house_number=" + text.split(";")[2],
                                 *(["--region", region] if region else [])])
    assert result.exit_code == 0, result.output
    with init_db(db).connect() as conn:
        assert dict(conn.execute(select(Company.display_name, Company.street)).all()) == streets


def test_a_column_named_by_a_role_gives_a_contact_with_that_title(tmp_path: Path) -> None:
    """Company registers and purchased lists name the managing director in a column named by
    the role ("Geschäftsführer", "Dirigeant", 法定代表人): a contact titled so, a decision
    maker (the lead's authority counts in its score), several in one cell each."""
    path = tmp_path / "register.csv"
    path.write_text("Firma;Geschäftsführer;Ort\n"
                    "Acme GmbH;Hans Müller, Eva Weber;Berlin\n"
                    "Beta GmbH;;Hamburg\n", encoding="utf-8")
    chinese = tmp_path / "qcc.csv"
    chinese.write_text("企业名称,法定代表人,城市\n深圳市华强电子科技有限公司,王伟,深圳\n",
                       encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    for file in (path, chinese):
        result = runner.invoke(app, ["import", str(file), "--source", file.stem, "--db", db])
        assert result.exit_code == 0, result.output + str(result.exception)
        assert "executive=" in result.output
    with init_db(db).connect() as conn:
        people = conn.execute(select(ContactPoint.person_name, ContactPoint.title,
                                     ContactPoint.decision_maker).where(
            ContactPoint.kind == "person").order_by(ContactPoint.id)).all()
    assert [tuple(row) for row in people] == [
        ("Hans Müller", "Geschäftsführer", True), ("Eva Weber", "Geschäftsführer", True),
        ("王伟", "法定代表人", True)]


def test_a_second_address_line_joins_the_street(tmp_path: Path) -> None:
    """"Address 1" and "Address 2" (or "Straße" and "Adresszusatz"): one street, its second
    line after a comma (the street key leaves the suite out, so the company still meets its
    records without it)."""
    us = tmp_path / "us.csv"
    us.write_text("Company,Address 1,Address 2,City,State,Zip\n"
                  "Acme Inc,350 5th Ave,Suite 3300,New York,NY,10118\n", encoding="utf-8")
    full = tmp_path / "full.csv"
    full.write_text("Company,Address,Address 2,City,State,Zip\n"
                    "Beta Inc,121 E Main St,Suite 100,Sun Prairie,WI,53590\n", encoding="utf-8")
    german = tmp_path / "de.csv"
    german.write_text("Firma;Straße;Adresszusatz;PLZ;Ort\n"
                      "Gamma GmbH;Hauptstr. 5;Hinterhaus;10115;Berlin\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    for path in (us, full, german):
        result = runner.invoke(app, ["import", str(path), "--source", path.stem, "--db", db])
        assert result.exit_code == 0, result.output + str(result.exception)
        assert "address_line_2=" in result.output and "not imported" not in result.output
    with init_db(db).connect() as conn:
        streets = dict(conn.execute(select(Company.display_name, Company.street)).all())
    assert streets == {"Acme": "350 5th Ave, Suite 3300", "Beta": "121 E Main St, Suite 100",
                       "Gamma": "Hauptstr. 5, Hinterhaus"}


def test_excel_s_text_mark_before_a_value_is_no_part_of_it(tmp_path: Path) -> None:
    """Users type "'" before a number or an address to keep Excel from changing it; the
    e-mail "'info@…" and the street "'12 Main St" were stored with it. A Dutch town's own
    apostrophe stays."""
    db, result = _imported(
        tmp_path, "list.csv",
        "Company,Street,City,Zip,Phone,Email\n"
        "Gamma Electric Inc,'12 Main St,'s-Hertogenbosch,'05211,'+1 608 555 0100,"
        "'info@gammaelectric.com\n",
        "--source", "list", "--region", "US")
    with init_db(db).connect() as conn:
        row = conn.execute(select(Company.street, Company.city, Company.postal_code,
                                  Company.phone, Company.email)).one()
    assert tuple(row) == ("12 Main St", "'s-Hertogenbosch", "05211", "+16085550100",
                          "info@gammaelectric.com")


def test_a_cell_that_says_it_has_no_value_is_empty(tmp_path: Path) -> None:
    """"N/A", "#N/A", "NULL", "nan", "-", "k.A.", "暂无" are how lists leave a cell empty: no
    street "N/A" two companies share, no city "NULL", no warning of a phone "-". The country
    code "NA" (Namibia) is a value."""
    db, result = _imported(
        tmp_path, "list.csv",
        "id,name,phone,website,email,street,city,zip,country\n"
        "1,Acme Widgets LLC,N/A,#N/A,n/a,N/A,Springfield,62701,US\n"
        "2,Acme Widget Works LLC,-,null,NONE,N/A,Springfield,62701,US\n"
        "3,Beta GmbH,k.A.,nan,--,Hauptstr. 5,NULL,10115,DE\n"
        "4,华强电子有限公司,暂无,无,不详,暂无,深圳,518000,CN\n"
        "5,Namib Freight Ltd,,,,1 Independence Ave,Windhoek,10005,NA\n",
        "--source", "list", "--id-column", "id", "--map", "postal_code=zip")
    assert "0 rejected, 0 warnings" in result.output
    with init_db(db).connect() as conn:
        rows = conn.execute(select(Company.display_name, Company.phone, Company.website,
                                   Company.email, Company.street, Company.city,
                                   Company.country).order_by(Company.id)).all()
    assert [tuple(row) for row in rows] == [
        ("Acme Widgets", None, None, None, None, "Springfield", "US"),
        ("Acme Widget Works", None, None, None, None, "Springfield", "US"),
        ("Beta", None, None, None, "Hauptstr. 5", None, "DE"),
        ("华强电子", None, None, None, None, "深圳", "CN"),
        ("Namib Freight", None, None, None, "1 Independence Ave", "Windhoek", "NA"),
    ]


def test_without_an_id_column_rows_are_told_apart_by_content_not_by_line(tmp_path: Path) -> None:
    """A line number is no record id: a second list imported under the same source (its own
    rows on the same lines) or the same list sorted otherwise kept moving companies ("new
    version of a record"), and one company vanished. Each row is now its content's record:
    the same list imported again, in any order, adds no company."""
    hall1, hall2, sorted_again = (tmp_path / name for name in ("h1.csv", "h2.csv", "h1s.csv"))
    hall1.write_text("Firma;Ort;Telefon\nAlpha Druck GmbH;Dresden;0351 111111\n"
                     "Beta Metall GmbH;Chemnitz;0371 222222\n", encoding="utf-8")
    hall2.write_text("Firma;Ort;Telefon\nGamma Textil AG;Augsburg;0821 333333\n",
                     encoding="utf-8")
    sorted_again.write_text("Firma;Ort;Telefon\nBeta Metall GmbH;Chemnitz;0371 222222\n"
                            "Alpha Druck GmbH;Dresden;0351 111111\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    outputs = []
    for path in (hall1, hall2, sorted_again, hall1):
        result = runner.invoke(app, ["import", str(path), "--source", "messe", "--region", "DE",
                                     "--db", db])
        assert result.exit_code == 0, result.output + str(result.exception)
        outputs.append(result.output)
    assert "new 1;" in outputs[1] and "merged" not in outputs[1]
    assert "new" not in outputs[2] and "new" not in outputs[3]
    assert "unchanged 2" in runner.invoke(app, ["import", str(hall1), "--source", "messe",
                                                "--region", "DE", "--db", db]).output
    with init_db(db).connect() as conn:
        companies = dict(conn.execute(select(Company.display_name, Company.phone)).all())
    assert companies == {"Alpha Druck": "+49351111111", "Beta Metall": "+49371222222",
                         "Gamma Textil": "+49821333333"}


def test_two_traders_with_free_mail_under_a_country_suffix_stay_apart(tmp_path: Path) -> None:
    """"yahoo.co.in" is free mail as "yahoo.com" is: two traders in two towns writing from it
    merged on "same registered domain"."""
    db, result = _imported(
        tmp_path, "traders.csv",
        "Company,City,Email\n"
        "Balaji Traders,Mumbai,balajitraders@yahoo.co.in\n"
        "Sri Balaji Traders,Chennai,sribalaji.chennai@yahoo.co.in\n",
        "--source", "traders", "--region", "IN")
    assert "2 rows: new 2;" in result.output


def test_an_address_column_of_a_street_without_a_number_is_the_street(tmp_path: Path) -> None:
    """"Am Markt", "Route de Lyon": a street without a house number in the address column,
    beside postal code and city columns, was dropped (the company had no street)."""
    db, result = _imported(
        tmp_path, "liste.csv",
        "Firma;Adresse;PLZ;Ort\nKanzlei Weiß;Am Markt;99084;Erfurt\n"
        "Transports Lefèvre SARL;Route de Lyon;01000;Bourg-en-Bresse\n"
        "Beta GmbH;Erfurt;99084;Erfurt\n",
        "--source", "liste")
    with init_db(db).connect() as conn:
        streets = dict(conn.execute(select(Company.display_name, Company.street)).all())
    assert streets == {"Kanzlei Weiß": "Am Markt", "Transports Lefèvre": "Route de Lyon",
                       "Beta": None}


def test_page_footers_notes_and_rows_without_a_name_are_rejected_with_the_reason(
        tmp_path: Path) -> None:
    """"Page 1 of 3", "Total records: 120", "Stand: 01.03.2026" were stored as companies; a
    row without a name was rejected with pydantic's "String should have at least 1
    character". A company whose name starts so ("Stand Up Paddle GmbH") is one."""
    db, result = _imported(
        tmp_path, "liste.csv",
        "Firma;Ort;Telefon\nAlpha GmbH;Berlin;030 123456\nPage 1 of 3;;\n"
        "Total records: 1;;\nSeite 1 von 2;;\nStand: 01.03.2026;;\n"
        "Quelle: IHK Berlin;;\n;Hamburg;040 1234567\nStand Up Paddle GmbH;Kiel;\n",
        "--source", "liste", "--region", "DE")
    for line in range(3, 8):
        assert f"liste.csv:{line}: a page footer or a note, not a company" in result.output
    assert "liste.csv:8: no company name (the 'Firma' column is empty)" in result.output
    assert "8 rows: new 2; 6 rejected" in result.output


def test_a_legal_form_after_an_unquoted_comma_stays_with_its_name(tmp_path: Path) -> None:
    """Suppliers' lists that do not quote their cells split "Co.,Ltd." and ", Inc." into a
    cell of their own, so every later column moved one on (city "China", no phone). The form
    is put back with the name and a warning names the row; other extra cells stay left out."""
    db, result = _imported(
        tmp_path, "exhibitors.csv",
        "Exhibitor,Country,City,Tel\n"
        "Shenzhen Huaqiang Electronics Co.,Ltd.,China,Shenzhen,+86 755 8321 2345\n"
        "Acme, Inc.,USA,Madison,+1 608 555 0100\n"
        "Beta Tools,USA,Madison,+1 608 555 0101,extra\n",
        "--source", "show")
    assert ("exhibitors.csv:2: a name's legal form after an unquoted comma read as part of it: "
            "Shenzhen Huaqiang Electronics Co.,Ltd.") in result.output
    assert "exhibitors.csv:4: more cells than the header's 4 columns; left out: extra" in (
        result.output)
    with init_db(db).connect() as conn:
        rows = conn.execute(select(Company.display_name, Company.legal_form, Company.city,
                                   Company.country, Company.phone).order_by(Company.id)).all()
    assert [tuple(row) for row in rows] == [
        ("Shenzhen Huaqiang Electronics", "Co.,Ltd.", "Shenzhen", "CN", "+8675583212345"),
        ("Acme", "Inc.", "Madison", "US", "+16085550100"),
        ("Beta Tools", None, "Madison", "US", "+16085550101"),
    ]


def test_a_bilingual_name_s_form_after_an_unquoted_comma_stays_with_it(tmp_path: Path) -> None:
    """"深圳华强电子有限公司 (Shenzhen Huaqiang Electronics Co., Ltd.)" unquoted: "Ltd.)" was
    a cell of its own, so the phone read "Ltd.)" and the city the phone number."""
    db, result = _imported(
        tmp_path, "cn.csv",
        "公司名称,电话,城市\n"
        "深圳华强电子有限公司 (Shenzhen Huaqiang Electronics Co., Ltd.),0755-83212345,深圳\n"
        "深圳美佳电器有限公司（Shenzhen Meijia Electric Co.,Ltd.）,0755-83219999,深圳\n",
        "--source", "cn")
    assert "cn.csv:2: a name's legal form after an unquoted comma" in result.output
    with init_db(db).connect() as conn:
        rows = conn.execute(select(Company.display_name, Company.city, Company.phone)
                            .order_by(Company.id)).all()
    assert [tuple(row) for row in rows] == [("深圳华强电子", "深圳", "+8675583212345"),
                                            ("深圳美佳电器", "深圳", "+8675583219999")]


def test_two_people_in_one_contact_cell_are_two_contacts_with_their_titles(
        tmp_path: Path) -> None:
    """"Hans Müller / Anna Schmidt" with "Geschäftsführer / Einkauf" was one person of that
    whole name and title; each is a contact of their own, their e-mail written from their
    name theirs."""
    db, result = _imported(
        tmp_path, "liste.csv",
        "Firma,Ort,Ansprechpartner,Position,E-Mail\n"
        "Delta Dach GmbH,Köln,Hans Müller / Anna Schmidt,Geschäftsführer / Einkauf,"
        '"h.mueller@delta-dach.de; a.schmidt@delta-dach.de"\n'
        'Beta GmbH,Bonn,Eva Weber,"Leitung Einkauf, Logistik",\n',
        "--source", "liste")
    with init_db(db).connect() as conn:
        people = conn.execute(select(ContactPoint.person_name, ContactPoint.title,
                                     ContactPoint.details).where(
            ContactPoint.kind == "person").order_by(ContactPoint.id)).all()
    assert [(name, title, details.get("email")) for name, title, details in people] == [
        ("Hans Müller", "Geschäftsführer", "h.mueller@delta-dach.de"),
        ("Anna Schmidt", "Einkauf", "a.schmidt@delta-dach.de"),
        ("Eva Weber", "Leitung Einkauf, Logistik", None)]


def test_sap_s_name_1_and_name_2_are_one_company_name(tmp_path: Path) -> None:
    """SAP and DATEV exports split a name over "Name 1" and "Name 2": the company was stored
    as "Stadtwerke", and "--map name=… --map name=…" was refused. Numbered name columns are
    joined; other name-like columns are not ("Company" beside "Account Name" stays one)."""
    db, result = _imported(
        tmp_path, "sap.csv",
        "Kunde;Name 1;Name 2;Ort\n100234;Müller Verpackungstechnik;GmbH & Co. KG;"
        "Göppingen\n100235;Stadtwerke;Göppingen GmbH;Göppingen\n",
        "--source", "sap", "--id-column", "Kunde")
    assert "name=Name 1+Name 2" in result.output
    with init_db(db).connect() as conn:
        names = conn.execute(select(Company.display_name, Company.legal_form).order_by(
            Company.id)).all()
    assert [tuple(row) for row in names] == [("Müller Verpackungstechnik", "GmbH & Co. KG"),
                                             ("Stadtwerke Göppingen", "GmbH")]
    assert parse_mapping([], ["Company", "Account Name"])["name"] == ("Company",)
    assert parse_mapping(["name=Company", "name=Account Name"],
                         ["Company", "Account Name"])["name"] == ("Company", "Account Name")


def test_a_contact_person_s_email_reaches_the_company_too(tmp_path: Path) -> None:
    """A Pipedrive export gives the e-mail in "Person - Email" only: it was the person's and
    no e-mail of the company's, so "--has-email" left the company out."""
    db, result = _imported(
        tmp_path, "pipedrive.csv",
        "Organization - Name,Person - Name,Person - Email\n"
        "Acme Packaging Inc.,Katrin Schulz,k.schulz@acme-packaging.com\n",
        "--source", "crm", "--region", "US")
    with init_db(db).connect() as conn:
        emails = conn.execute(select(ContactPoint.value, ContactPoint.details).where(
            ContactPoint.kind == "email")).all()
    assert [(value, details.get("person")) for value, details in emails] == [
        ("k.schulz@acme-packaging.com", "Katrin Schulz")]
    listed = runner.invoke(app, ["query", "--has-email", "--db", db])
    assert "Acme Packaging" in listed.output, listed.output


def test_a_row_of_column_groups_above_the_header_is_no_header(tmp_path: Path) -> None:
    """Spreadsheets made for reading put a row of column groups ("Stammdaten", "Kontakt")
    above the header: the import found no name column and told to map one of the groups. The
    row below is read as the header, and a warning says so."""
    db, result = _imported(
        tmp_path, "lieferanten.csv",
        "Stammdaten;;;Kontakt;\nFirma;PLZ;Ort;Telefon;E-Mail\n"
        "Alpha Druck GmbH;01067;Dresden;0351 111111;info@alpha-druck.de\n"
        "Beta Metall GmbH;50667;Köln;0221 222222;info@beta-metall.de\n",
        "--source", "liste", "--region", "DE")
    assert "the row below it is read as the header (Firma, PLZ, Ort, ...)" in result.output
    assert "2 rows: new 2;" in result.output
    with init_db(db).connect() as conn:
        rows = conn.execute(select(Company.display_name, Company.city, Company.phone).order_by(
            Company.id)).all()
    assert [tuple(row) for row in rows] == [("Alpha Druck", "Dresden", "+49351111111"),
                                            ("Beta Metall", "Köln", "+49221222222")]


def test_namesakes_in_towns_of_one_name_in_two_states_stay_two_companies(
        tmp_path: Path) -> None:
    """A US list of name, city and state only: "ABC Plumbing" in Springfield, IL and in
    Springfield, MO are two companies (they merged on name and city); written with the
    state's name, Illinois is IL. The state column says the list is American."""
    db, result = _imported(
        tmp_path, "list.csv",
        "Company,City,State\n"
        "ABC Plumbing,Springfield,IL\n"
        "ABC Plumbing Inc.,Springfield,MO\n"
        "ABC Plumbing LLC,Springfield,Illinois\n",
        "--source", "list")
    assert "0 rejected" in result.output
    with init_db(db).connect() as conn:
        companies = conn.execute(select(Company.display_name, Company.country)).all()
        records = conn.execute(select(SourceRecord.company_id, SourceRecord.data)
                               .order_by(SourceRecord.id)).all()
    assert sorted(tuple(row) for row in companies) == [("ABC Plumbing", "US")] * 2
    company_of = {data["address"]["region"]: company for company, data in records}
    assert company_of["IL"] == company_of["Illinois"] != company_of["MO"]


def test_leadgens_own_export_imports_again_without_losing_a_field(tmp_path: Path) -> None:
    """The export's legal form, register numbers and contact people came back as "not
    imported": a company lost its "GmbH", its VAT number (the strongest match key) and its
    people. Now exporting the re-imported list gives the same rows."""
    db, _ = _imported(
        tmp_path, "list.csv",
        "Firma,Rechtsform,USt-IdNr,Telefon,E-Mail,Ort,Land,Ansprechpartner,Position\n"
        "Müller & Söhne,GmbH,DE136695976,089 123456,info@mueller-soehne.de,München,DE,"
        "Dr. Hans Müller,Geschäftsführer\n"
        "华强电子,有限公司,,0755 8321 2345 转 808,hq@huaqiang.cn,深圳,CN,李娜,总经理\n",
        "--source", "list")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert runner.invoke(app, ["export", "-o", str(first), "--db", db]).exit_code == 0
    again = f"sqlite:///{tmp_path / 'again.db'}"
    result = runner.invoke(app, ["import", str(first), "--source", "export", "--db", again])
    assert result.exit_code == 0 and "legal_form=legal_form" in result.output, result.output
    assert "people=people" in result.output and "registry_id=registry_ids" in result.output
    assert runner.invoke(app, ["export", "-o", str(second), "--db", again]).exit_code == 0

    def rows(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [{key: value for key, value in row.items()
                     if key not in ("sources", "first_seen", "last_seen")}
                    for row in csv.DictReader(handle)]
    exported = rows(first)
    assert [(row["name"], row["legal_form"], row["registry_ids"]) for row in exported] == [
        ("Müller & Söhne", "GmbH", "vat:DE136695976"), ("华强电子", "有限公司", "")]
    assert exported[0]["people"] == "Hans Müller (Geschäftsführer)"
    assert exported[1]["phone"] == "+8675583212345 ext. 808"  # the extension was left out
    assert rows(second) == exported


def _exported_by_name(db: str) -> dict[str, dict[str, Any]]:
    """The companies ``leadgen export --format jsonl`` gives, by name."""
    exported = runner.invoke(app, ["export", "--format", "jsonl", "--db", db]).output
    return {row["name"]: row for row in map(json.loads, exported.splitlines())}


def test_a_date_or_a_vat_id_in_the_phone_column_is_no_phone(tmp_path: Path) -> None:
    """A hand-made list with a column moved: "2024-01-15" became +4920240115 and
    "DE136695976" +49136695976, numbers nobody can call and match keys that glue
    companies. Now a date is a number that is not valid, and a VAT id is read as one."""
    db, result = _imported(
        tmp_path, "list.csv",
        "Firma,Telefon,Ort\nAcme GmbH,2024-01-15,Berlin\nBeta GmbH,DE136695976,Hamburg\n"
        "Gamma GmbH,030 1234567,Berlin\n", "--source", "list", "--region", "DE")
    out = " ".join(result.output.split())
    assert "list.csv:2: phone 2024-01-15 is not a valid number (kept in the record)" in out
    assert "list.csv:3: phone DE136695976 is a tax or register number, read as one" in out
    rows = _exported_by_name(db)
    assert [[phone["value"] for phone in rows[name]["phones"]]
            for name in ("Acme", "Beta", "Gamma")] == [[], [], ["+49301234567"]]
    assert rows["Beta"]["registry_ids"] == ["vat:DE136695976"]


def test_a_country_cell_leadgen_cannot_read_is_named_in_a_warning(tmp_path: Path) -> None:
    """"Україна" in a German list gave country DE and the number +49441234567 without a
    word; now it is read, and a name leadgen does not know is named (its phones were read
    in the list's region)."""
    db, result = _imported(
        tmp_path, "list.csv",
        "name,country,city,phone\nТОВ «Сонях»,Україна,Київ,044 123 4567\n"
        "Acme GmbH,Wakanda,Berlin,030 1234567\n", "--source", "l", "--region", "DE")
    out = " ".join(result.output.split())
    assert ("list.csv:3: country 'Wakanda' is no country name or code leadgen knows (the "
            "list's region is used)") in out
    assert "list.csv:2" not in out
    rows = _exported_by_name(db)
    assert (rows["Сонях"]["address"]["country"], rows["Сонях"]["phone"]) == ("UA", "+380441234567")



def test_excel_text_formulas_and_a_count_of_people_are_read_as_what_they_hold(
        tmp_path: Path) -> None:
    """An ERP export writes ="000123" to keep a cell text: the company was named '="Acme
    GmbH"', its e-mail refused and its id kept the formula. A CRM's count of an
    organization's people ("Organization - People": 3) was a person named "3"."""
    db, result = _imported(
        tmp_path, "erp.csv",
        'Kundennr;Firma;PLZ;E-Mail;Organization - People\n'
        '="000123";="Acme ""Best"" GmbH";="01067";="info@acme.de";3\n',
        "--source", "erp", "--id-column", "Kundennr", "--region", "DE")
    assert "0 rejected, 0 warnings" in result.output
    with init_db(db).connect() as conn:
        company = conn.execute(select(Company)).one()
        record = conn.execute(select(SourceRecord.record_id)).scalar_one()
        kinds = set(conn.execute(select(ContactPoint.kind, ContactPoint.value)).all())
    assert (company.display_name, company.legal_form, company.postal_code, record) == (
        'Acme "Best"', "GmbH", "01067", "000123")
    assert kinds == {("email", "info@acme.de")}


def test_a_bad_number_in_a_row_naming_its_country_asks_for_no_region(tmp_path: Path) -> None:
    """A mixed list with a country column read every number, yet one typo ("12") made the
    import say numbers could not be read for want of --region."""
    _, result = _imported(
        tmp_path, "fair.csv",
        "Firma,Telefon,Ort,Land\nMüller GmbH,030 1234567,Berlin,Deutschland\n"
        "Dupont SARL,01 42 68 53 00,Paris,Frankreich\nHuber GmbH,01 234567,Wien,Österreich\n"
        "Rossi S.r.l.,02 1234 5678,Milano,Italien\nTypo GmbH,12,Hamburg,Deutschland\n",
        "--source", "fair")
    assert "fair.csv:6: phone 12 is not a valid number in DE (kept in the record)" in (
        result.output)
    assert "--region" not in result.output
