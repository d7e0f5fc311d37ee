"""Table-driven tests of the text layer: encodings, phones, e-mails, addresses, names."""

from __future__ import annotations

import pytest

from leadgen.exceptions import ExtractionError
from spiders.pages import decode_html, extract_records
from spiders.pages.addresses import find_addresses
from spiders.pages.emails import find_emails
from spiders.pages.names import copyright_name, is_agency_credit
from spiders.pages.phones import find_phones, region_for

TEXT = "联系我们：北京市朝阳区 — 電話 — 東京都千代田区 — Grüße aus Köln — Žluťoučký kůň"


@pytest.mark.parametrize(
    ("description", "body", "declared", "expected"),
    [
        ("GBK declared in meta", '<meta charset="gbk"><p>北京市朝阳区联系电话</p>'.encode("gbk"),
         None, "北京市朝阳区联系电话"),
        ("gb2312 label on GB18030 bytes", '<meta charset="gb2312"><p>© 杭州</p>'.encode(
            "gb18030"), None, "© 杭州"),
        ("Big5 from the HTTP header", "<p>台北市信義區 電話</p>".encode("big5"), "big5",
         "台北市信義區 電話"),
        ("Shift_JIS in meta", '<meta http-equiv="Content-Type" content="text/html; '
         'charset=Shift_JIS"><p>東京都千代田区 電話番号</p>'.encode("shift_jis"), None,
         "東京都千代田区 電話番号"),
        ("cp1252 mislabelled as utf-8", '<meta charset="utf-8"><p>Café Müller – Straße</p>'
         .encode("cp1252"), None, "Café Müller – Straße"),
        ("utf-8 mislabelled as windows-1250", '<meta charset="windows-1250"><p>třída Osvobození'
         '</p>'.encode(), None, "třída Osvobození"),
        ("utf-8 with BOM beats the label", b"\xef\xbb\xbf" + '<meta charset="gbk"><p>宁夏</p>'
         .encode(), None, "宁夏"),
        ("no label, detected", ("<p>" + "Žluťoučký kůň úpěl ďábelské ódy. " * 20 + "</p>")
         .encode("cp1250"), None, "Žluťoučký kůň"),
    ],
)
def test_decode_html(description: str, body: bytes, declared: str | None, expected: str) -> None:
    assert expected in decode_html(body, declared), description


def test_decode_html_accepts_text_and_raises_extraction_error_type() -> None:
    assert decode_html("<p>already text</p>") == "<p>already text</p>"
    assert issubclass(ExtractionError, Exception)


@pytest.mark.parametrize(
    ("text", "region", "phones", "faxes"),
    [
        ("Tel. +49 (0) 89 20 80 27 250", "DE", ["+49 (0) 89 20 80 27 250"], []),
        ("Tel. +49 (0) 99 73 84 59 – 0", "DE", ["+49 (0) 99 73 84 59 – 0"], []),
        ("Telefon: 030 1234567 · Fax: 030 1234568", "DE", ["030 1234567"], ["030 1234568"]),
        ("Anschrift: Hauptstr. 1, 10115 Berlin, Telefax 030 9876543", "DE", [],
         ["030 9876543"]),
        ("电话：0571-8888 6666 传真：0571-8888 6667", "CN", ["0571-8888 6666"],
         ["0571-8888 6667"]),
        ("联系电话：400-166-0656", "CN", ["400-166-0656"], []),
        ("宁ICP备16000187号-1", "CN", [], []),
        ("телефон: +7 495 123-45-67", "RU", ["+7 495 123-45-67"], []),
        ("Fax 0049-6251-1035-99*8 Rappen /Minute", "CH", [], ["0049-6251-1035-99"]),
        ("phone: 510-440-1800 | fax: 510-440-1526", "US", ["510-440-1800"], ["510-440-1526"]),
        ("Order no. 4711-0815-2016 shipped 12.03.2016", "DE", [], []),
        ("IBAN: CZ5301 0000 0043 7314 8502 37", "CZ", [], []),
        ("NIP: 6832085719, REGON:361257067, KRS 0000552395", "PL", [], []),
        ("LBT-1042OTEAR(U), 10\" Resistive Touchscreen Monitor", "US", [], []),
        ("Model 2012-2016 fits 50.032892, 20.191637", "PL", [], []),
        ("Schrieb am 25.04.2016 über Sedum", "CH", [], []),
        ("5,555 fans, 296,302 miles", "US", [], []),
    ],
)
def test_find_phones(text: str, region: str, phones: list[str], faxes: list[str]) -> None:
    found = find_phones(text, region)
    assert [p.raw for p in found if not p.fax] == phones
    assert [p.raw for p in found if p.fax] == faxes


@pytest.mark.parametrize(
    ("url", "lang", "text", "expected"),
    [
        ("http://www.example.cz/kontakt", None, "", "CZ"),
        ("http://example.com/", "de-CH", "", "CH"),
        ("http://www.zoeken.nu/x", "nl", "bel (078) 6 531 531", "NL"),
        ("http://caltron.example.com/", "en-gb", "phone: 510-440-1800", "US"),
        ("http://jslcae.com/", None, "联系电话：400-166-0656 宁夏金丝路文化艺术品" * 3, "CN"),
    ],
)
def test_region_for(url: str, lang: str | None, text: str, expected: str) -> None:
    assert region_for(url, lang, None, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("info [at] example [dot] com", ["info@example.com"]),
        ("office(at)firma(punkt)de", ["office@firma.de"]),
        ("kontakt {at} firma {dot} co {dot} uk", ["kontakt@firma.co.uk"]),
        ("sales ＠ example.jp", ["sales@example.jp"]),
        ("E-Mail: steuer-DE@viehbacher.com.", ["steuer-DE@viehbacher.com"]),
        ("邮箱：sales@youzhi-pack.cn", ["sales@youzhi-pack.cn"]),
        ("We meet at example.com tomorrow", []),
        ("logo@2x.png", []),
        ("a@b", []),
    ],
)
def test_find_emails(text: str, expected: list[str]) -> None:
    assert find_emails(text) == expected


def test_entity_encoded_email_is_read_after_html_decoding() -> None:
    html = "<p>Schreiben Sie an: info&#64;example&#46;de</p><p>Tel. 030 1234567</p>" \
           "<p>© 2024 Example GmbH</p>"
    records = extract_records(html, "http://example.de/kontakt")
    assert records[0].emails == ["info@example.de"]


def test_mailto_keeps_what_the_visitor_reads() -> None:
    html = """<div><b>Acme Sp. z o.o.</b><br>ul. Długa 5, 31-147 Kraków<br>
    e-mail: <a href="http://biuro@other-domain.com">biuro@acme.pl</a><br>
    <a href="mailto:sales@acme.pl">Napisz do nas</a>
    <span style="display:none">hidden@acme.pl</span>
    <!-- old@acme.pl --><script>var e = "script@acme.pl";</script></div>"""
    record = extract_records(html, "http://acme.pl/kontakt")[0]
    assert record.emails == ["biuro@acme.pl", "sales@acme.pl"]
    assert record.evidence["emails"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Stadtplatz 3", "DE-93437 Furth im Wald"], "Stadtplatz 3, DE-93437 Furth im Wald"),
        (["Anschrift: Hauptstraße 12, 10115 Berlin"], "Hauptstraße 12, 10115 Berlin"),
        (["2140 Merritt Dr", "Garland, TX 75041 Phone: 800-624-4488"],
         "2140 Merritt Dr, Garland, TX 75041"),
        (["Wilgenbos 1", "3311 JX DORDRECHT"], "Wilgenbos 1, 3311 JX DORDRECHT"),
        (["ul. Grabska 11, 32-005 Niepołomice, woj. małopolskie, Polska"],
         "ul. Grabska 11, 32-005 Niepołomice, woj. małopolskie, Polska"),
        (["třída Osvobození 65, CZ - 550 01 Broumov"], "třída Osvobození 65, CZ - 550 01 Broumov"),
        (["地 址：银川市金凤区阅海湾中央商务区", "万寿路142号18层1813室", "邮 编：750000"],
         "银川市金凤区阅海湾中央商务区万寿路142号18层1813室"),
        (["адрес: 101000, г. Москва, ул. Мясницкая, д. 1"],
         "101000, г. Москва, ул. Мясницкая, д. 1"),
        (["162 Business Park, Cork T12 J679, Ireland"],
         "162 Business Park, Cork T12 J679, Ireland"),
        (["Via 5 Maggio, 81, 16147 Genova T +39 010 3747811"], "Via 5 Maggio, 81, 16147 Genova"),
        (["Copyright © 2015 Stoneridge Homes"], None),
        (["Since 1981 Lahej & Sultan"], None),
    ],
)
def test_find_addresses(lines: list[str], expected: str | None) -> None:
    found = find_addresses(lines)
    assert (found[0].text if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Copyright © 2016 BALDUR-Garten GmbH", "BALDUR-Garten GmbH"),
        ("© 2011 Lahej & Sultan | Home | Privacy Policy", "Lahej & Sultan"),
        ("© Caltron Industries 2014", "Caltron Industries"),
        ("Copyright © 2010-2016 宁夏金丝路文化艺术品交易中心有限公司版权所有 宁ICP备16000187号-1",
         "宁夏金丝路文化艺术品交易中心有限公司"),
        ("© 2015, HS Flamingo s.r.o. – všechna práva vyhrazena", "HS Flamingo s.r.o."),
        ("Website Design By Rocket Town Media ©", None),
    ],
)
def test_copyright_name(text: str, expected: str | None) -> None:
    assert copyright_name(text) == expected


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Webové stránky vytvořila eBRÁNA s.r.o.", True),
        ("Created by: ROXX Media", True),
        ("Website Design By Rocket Town Media", True),
        ("Realizace: eBRÁNA", True),
        ("技术支持：某某网络", True),
        ("Red Rooster Poland Sp. z o.o.", False),
        ("Dallas Sign Repair", False),
    ],
)
def test_agency_credit(text: str, credit: bool) -> None:
    assert is_agency_credit(text) is credit


def test_chinese_labels_give_name_phone_fax_address_and_contact() -> None:
    html = """<div><p>公司名称：深圳华强电子有限公司</p><p>地址：深圳市福田区华强北路1号</p>
    <p>电话：0755-8320 1234</p><p>传真：0755-8320 1235</p><p>联系人：李先生</p></div>"""
    record = extract_records(html, "http://huaqiang.example.com/lxwm")[0]
    assert record.name == "深圳华强电子有限公司"
    assert record.phones == ["0755-8320 1234"]
    assert record.fax == ["0755-8320 1235"]
    assert record.address == "深圳市福田区华强北路1号"
    assert record.contacts == [{"name": "李先生"}]


def test_german_impressum_labels() -> None:
    html = """<h1>Impressum</h1><p>Müller Maschinenbau GmbH<br>Anschrift: Industriestr. 7,
    70565 Stuttgart<br>Tel.: 0711 123456-0<br>Fax: 0711 123456-99<br>
    E-Mail: info(at)mueller-maschinenbau.de<br>USt-IdNr.: DE123456789</p>
    <p>Realisierung: Webagentur Pixel GmbH</p>"""
    record = extract_records(html, "https://www.mueller-maschinenbau.de/impressum")[0]
    assert record.name == "Müller Maschinenbau GmbH"
    assert record.phones == ["0711 123456-0"]
    assert record.fax == ["0711 123456-99"]
    assert record.emails == ["info@mueller-maschinenbau.de"]
    assert record.address == "Industriestr. 7, 70565 Stuttgart"
    assert record.extra["ustidnr"] == "DE123456789"


def test_russian_labels() -> None:
    html = """<div class="contacts"><p>ООО «Ромашка»</p><p>Адрес: 101000, г. Москва,
    ул. Мясницкая, д. 1</p><p>Телефон: +7 (495) 123-45-67</p><p>Факс: +7 (495) 123-45-68</p>
    <p>E-mail: info@romashka.ru</p></div>"""
    record = extract_records(html, "http://romashka.ru/contacts")[0]
    assert record.name == "ООО «Ромашка»"
    assert record.phones == ["+7 (495) 123-45-67"]
    assert record.fax == ["+7 (495) 123-45-68"]
    assert record.emails == ["info@romashka.ru"]
    assert record.address.startswith("101000, г. Москва")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Beitrag vom 04.01.2005, 07.03.2016", "DE"),
        ("30.12.2015 23:45 Antwort", "RU"),
        ("Saison 2012-2013 26 Spiele", "GR"),
        ("EAN 04013389455930", "DE"),
        ("Bahnhofstraße 169 · 70091 Stuttgart", "DE"),
    ],
)
def test_dates_codes_and_addresses_are_not_phones(text: str, region: str) -> None:
    assert find_phones(text, region) == []


@pytest.mark.parametrize(
    "lines",
    [
        ["Started by andrew", "11 Replies", "1227 Views"],
        ["December 1, 2014 krisjanis Games 5 Comments"],
        ["Vortex Combo 1/18 7500KV mit"],
        ["Copyright 2006 - 2016 Tomandlorenzo LLC. All Rights Reserved."],
        ["Huntsville, AL 35806"],
    ],
)
def test_prose_and_bare_postal_codes_are_not_addresses(lines: list[str]) -> None:
    assert find_addresses(lines) == []


def test_offices_named_by_their_city_are_one_company() -> None:
    html = """<h1>Contact</h1><div><h3>London</h3><p>20-22 Bedford Row<br>London WC1R 4JS</p>
    <p>Tel +44 20 7946 0000</p></div><div><h3>Bethesda</h3><p>6903 Rockledge Drive<br>
    Bethesda, MD 20817</p><p>Tel (301) 968-4290</p></div><p>© 2016 Arxan Technologies, Inc.</p>"""
    records = extract_records(html, "https://www.arxan.example.com/contact/")
    assert [r.name for r in records] == ["Arxan Technologies, Inc."]
    assert len(records[0].phones) == 2


def test_directory_detail_page_keeps_the_company_not_the_directory() -> None:
    html = """<header>BizDirectory Online</header><h1>Vagomont Builders DAC</h1>
    <p>Construction</p><p>35 Dock Road, Dublin D02 G792, Ireland</p><p>Phone: (01) 331 9160</p>
    <footer><p>© 2026 BizDirectory Online Ltd · +1 212 555 0100 · office@bizdir.example.com</p>
    </footer>"""
    records = extract_records(html, "http://www.bizdir.example.com/company/1-vagomont")
    assert len(records) == 1
    record = records[0]
    assert record.name == "Vagomont Builders DAC"
    assert record.phones == ["(01) 331 9160"]  # read as Irish: the address names Ireland
    assert record.emails == []


def test_cloudflare_protected_email_is_what_the_visitor_sees() -> None:
    key, address = 0x42, "info@example.com"
    encoded = f"{key:02x}" + "".join(f"{ord(c) ^ key:02x}" for c in address)
    html = (f"<p>Acme GmbH</p><p>Hauptstr. 1<br>10115 Berlin</p><p>E-Mail: "
            f"<a href='/cdn-cgi/l/email-protection#{encoded}'><span class='__cf_email__' "
            f"data-cfemail='{encoded}'>[email&#160;protected]</span></a></p>")
    assert extract_records(html, "http://acme.example.de/kontakt")[0].emails == [address]


def test_websites_on_a_company_page_are_its_own_or_labelled() -> None:
    html = """<h1>Kontakt</h1><p>Müller Druck GmbH<br>Marktplatz 1<br>93047 Regensburg<br>
    Tel. 0941 1234567<br>Web: www.mueller-druck-partner.example</p>
    <p>Unser Blogtipp: www.some-other-blog.example/2016/03/tipps lesen!</p>
    <p>© 2016 Müller Druck GmbH · www.mueller-druck.example</p>"""
    record = extract_records(html, "https://www.mueller-druck.example/kontakt")[0]
    assert record.websites == ["www.mueller-druck-partner.example", "www.mueller-druck.example"]


def test_phone_region_from_the_page_language_when_lang_is_missing() -> None:
    prose = ("Wir sind ein Familienunternehmen und für Sie da. Die Qualität ist für uns das "
             "wichtigste und wir beraten Sie gern, mit Erfahrung und mit Herz. Sie finden uns in "
             "der Altstadt, die Anfahrt ist nicht schwer und wir freuen uns auf Ihren Besuch. ")
    html = (f"<p>{prose * 2}</p><p>Bäckerei Huber GmbH<br>Hauptstraße 5<br>80331 München<br>"
            "Telefon 089 1234567</p>")
    record = extract_records(html, "http://www.baeckerei-huber.com/kontakt")[0]
    assert record.phones == ["089 1234567"]


def test_three_line_address_with_a_suite_and_a_shared_phone_fax_number() -> None:
    html = """<p>Arxan Technologies, Inc.<br>6903 Rockledge Drive<br>Suite 1250<br>
    Bethesda, MD 20817<br>Tel./Fax: (301) 968-4290</p>"""
    record = extract_records(html, "https://www.arxan.example.com/contact/")[0]
    assert record.address == "6903 Rockledge Drive, Suite 1250, Bethesda, MD 20817"
    assert record.phones == ["(301) 968-4290"]


@pytest.mark.parametrize("text", ["QQ：123456789", "客服QQ: 800012345", "微信：13800138000"])
def test_chat_ids_are_not_phones(text: str) -> None:
    assert find_phones(text, "CN") == []


@pytest.mark.parametrize(("text", "fax"), [("Tel No: 030 1234567", False),
                                            ("Fax No.: 030 1234568", True)])
def test_number_labels_after_phone_labels(text: str, fax: bool) -> None:
    assert [p.fax for p in find_phones(text, "DE")] == [fax]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["130 E Randolph St.", "7th Floor", "Chicago, IL 60601, USA"],
         "130 E Randolph St., 7th Floor, Chicago, IL 60601, USA"),
        (["6B Liberty, Suite 200", "Aliso Viejo, CA 92656"],
         "6B Liberty, Suite 200, Aliso Viejo, CA 92656"),
        (["2025 Central Park Drive #1121", "Okemos, MI 48864"],
         "2025 Central Park Drive #1121, Okemos, MI 48864"),
    ],
)
def test_us_addresses_with_units(lines: list[str], expected: str) -> None:
    assert find_addresses(lines)[0].text == expected


def test_emails_hidden_by_utility_classes_are_not_seen() -> None:
    html = """<div><b>Acme Ltd</b><br>12 High Street<br>Leeds LS1 4AB<br>
    <span class="d-none">old@acme.example.co.uk</span><span class="sr-only">Tel 0113 496 0999</span>
    E-mail: sales@acme.example.co.uk</div>"""
    record = extract_records(html, "http://acme.example.co.uk/contact")[0]
    assert record.emails == ["sales@acme.example.co.uk"]
    assert record.phones == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Contact: John Anderson (Managing Director)",
         {"name": "John Anderson", "title": "Managing Director"}),
        ("Ansprechpartner: Max Muster, Einkauf", {"name": "Max Muster", "title": "Einkauf"}),
        ("联系人：王经理", {"name": "王经理"}),
    ],
)
def test_contact_people(line: str, expected: dict) -> None:
    html = f"<p>Acme GmbH<br>Hauptstr. 1<br>10115 Berlin<br>Tel. 030 1234567</p><p>{line}</p>"
    assert extract_records(html, "http://acme.example.de/k")[0].contacts == [expected]
