"""Table-driven tests of the company-website page objects: titles, people, facts, links, social."""

from __future__ import annotations

import pytest

from enrich.pages import CompanySitePage, find_people, is_decision_maker, score_link
from enrich.pages.facts import employees, founded_year, icp_licence
from enrich.values import normalize_social, social_network
from leadgen.normalize.titles import clean_person_name

# title, decision maker?
TITLES = [
    ("CEO", True), ("Chief Executive Officer", True), ("Founder & CEO", True), ("Owner", True),
    ("Managing Director", True), ("Head of Purchasing", True), ("Procurement Manager", True),
    ("Buyer", True), ("President", True), ("Geschäftsführer", True),
    ("Geschäftsführerin", True), ("Inhaber", True), ("Leiter Einkauf", True),
    ("Einkaufsleiterin", True), ("Prokurist", True), ("Directeur général", True),
    ("Directrice", True), ("Director General", True), ("Directora General", True),
    ("Jefe de Compras", True), ("Algemeen directeur", True), ("Inkoopmanager", True),
    ("Prezes Zarządu", True), ("Jednatel", True), ("总经理", True), ("董事长", True),
    ("采购经理", True), ("代表取締役", True),
    ("總經理", True), ("採購經理", True), ("董事長", True),  # Taiwan, Hong Kong
    ("Assistant to the CEO", False), ("Marketing Assistant", False),
    ("Marketing-Assistentin", False), ("Praktikant", False), ("Intern", False),
    ("Sales Representative", False), ("Office Manager", False), ("Buchhaltung", False),
    ("Becario", False), ("Stagiair", False), ("行政助理", False), ("实习生", False),
    ("销售代表", False), ("客服经理", False), ("销售经理", False), ("部门经理", False),
    # no longer there (were decision makers)
    ("Ex-CEO", False), ("Former CEO", False), ("ehemaliger Geschäftsführer", False),
    ("原总经理", False), ("Geschäftsführer Export", True),
    ("", False),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t or "empty" for t, _ in TITLES])
def test_decision_maker_rules(title: str, expected: bool) -> None:
    assert is_decision_maker(title) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Max Müller", "Max Müller"), ("Dr. Anna Weber", "Anna Weber"),
        ("Jan van den Berg", "Jan van den Berg"), ("José García", "José García"),
        ("王伟", "王伟"), ("董事长", None), ("Contact Us", None),
        ("Our Team", None), ("Über uns", None), ("Geschäftsführer", None),
        ("Vision Mission Values", None), ("info@acme.de", None), ("ACME GMBH", None),
        ("MAX MÜLLER", "MAX MÜLLER"), ("OUR PRODUCTS", None), ("Max mustermann", None),
        ("LCD Sign Display", None), ("J. R. Smith", "J. R. Smith"),
    ],
)
def test_person_names(text: str, name: str | None) -> None:
    assert clean_person_name(text) == name


PEOPLE_CASES = [
    ("labelled line (de)", ["Geschäftsführer: Dr. Klaus Weber"],
     [("Klaus Weber", "Geschäftsführer", True)]),
    ("labelled, two names", ["Geschäftsführer: Klaus Weber, Maria Schulz"],
     [("Klaus Weber", "Geschäftsführer", True)]),
    ("name, title", ["Jane Smith, Head of Purchasing"],
     [("Jane Smith", "Head of Purchasing", True)]),
    ("name (title)", ["Jane Smith (CEO)"], [("Jane Smith", "CEO", True)]),
    ("name – title", ["Tom Baker – Sales Representative"],
     [("Tom Baker", "Sales Representative", False)]),
    ("card: name line, title line", ["Emma de Jong", "Inkoopmanager", "emma@acme.nl"],
     [("Emma de Jong", "Inkoopmanager", True)]),
    ("card: title line, name line", ["Managing Director", "Peter Hall"],
     [("Peter Hall", "Managing Director", True)]),
    ("chinese labelled", ["总经理：王伟"], [("王伟", "总经理", True)]),
    ("chinese cards", ["张强", "总经理", "郭涛", "实习生"],
     [("张强", "总经理", True), ("郭涛", "实习生", False)]),
    ("no people in prose", ["We are a family business since 1950.", "Contact us today"], []),
    ("menu is not a person", ["Home", "About Us", "Our Team", "Contact"], []),
]


@pytest.mark.parametrize(("description", "lines", "expected"), PEOPLE_CASES,
                         ids=[c[0] for c in PEOPLE_CASES])
def test_find_people(description: str, lines: list[str],
                     expected: list[tuple[str, str, bool]]) -> None:
    found = [(p.name, p.title, p.decision_maker) for p in find_people(lines)]
    assert found == expected


def test_person_email_is_personal_and_stops_at_next_person() -> None:
    people = find_people(["Anna Weber", "CEO", "info@acme.de", "anna.weber@acme.de",
                          "Tom Baker", "Buyer", "tom.baker@acme.de"])
    assert [(p.name, p.email) for p in people] == [
        ("Anna Weber", "anna.weber@acme.de"), ("Tom Baker", "tom.baker@acme.de")]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Founded in 1982, we make boxes.", 1982), ("Gegründet 1954 in Bielefeld", 1954),
        ("Seit 1999 Ihr Partner", 1999), ("Opgericht in 2003", 2003),
        ("Fundada en 1975", 1975), ("公司成立于1998年", 1998), ("2005年成立", 2005),
        ("Call 1982 3344 today", None), ("We ship 2000 parcels a day", None),
    ],
)
def test_founded_year(text: str, year: int | None) -> None:
    assert founded_year(text)[0] == year


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Today 140 employees work here.", 140), ("rund 1.200 Mitarbeiter", 1200),
        ("Employees: 85", 85), ("met 45 medewerkers", 45), ("现有员工200余人", 200),
        ("员工人数：350人", 350), ("since 1990 employees", None), ("no size given", None),
    ],
)
def test_employees(text: str, count: int | None) -> None:
    assert employees(text)[0] == count


def test_schema_org_values_win() -> None:
    assert founded_year("Gegründet 1954", "1961-01-01") == (1961, "schema.org foundingDate")
    assert employees("140 Mitarbeiter", {"value": 90}) == (90, "schema.org numberOfEmployees")


@pytest.mark.parametrize(
    ("text", "icp"),
    [
        ("版权所有 京ICP备12345678号-1", "京ICP备12345678号-1"),
        ("浙ICP证B2-20080001号", "浙ICP证B2-20080001号"),
        ("粤 ICP 备 08112233 号", "粤ICP备08112233号"),
        ("ICP licence pending", None),
    ],
)
def test_icp_licence(text: str, icp: str | None) -> None:
    assert icp_licence(text) == icp


@pytest.mark.parametrize(
    ("text", "url", "kind"),
    [
        ("Kontakt", "http://acme.de/kontakt", "contact"),
        ("Impressum", "http://acme.de/imp", "contact"),
        ("", "http://acme.de/contact-us/", "contact"),
        ("联系我们", "http://a.cn/lxwm.html", "contact"),
        ("お問い合わせ", "http://a.jp/inquiry", "contact"), ("O nas", "http://a.pl/o-nas", "about"),
        ("O firmě", "http://a.cz/firma", "about"), ("Über uns", "http://a.de/x", "about"),
        ("关于我们", "http://a.cn/gywm.html", "about"), ("Unser Team", "http://a.de/team", "team"),
        ("Warenkorb", "http://a.de/cart", ""), ("Datenschutz", "http://a.de/datenschutz", ""),
        ("Produkte", "http://a.de/produkte", ""),
    ],
)
def test_fact_links(text: str, url: str, kind: str) -> None:
    assert score_link(text, url)[1] == kind


@pytest.mark.parametrize(
    ("raw", "value", "network"),
    [
        ("https://www.linkedin.com/company/acme/", "https://linkedin.com/company/acme", "linkedin"),
        ("http://twitter.com/acme?ref=footer", "https://twitter.com/acme", "x"),
        ("https://x.com/acme", "https://x.com/acme", "x"),
        ("https://m.facebook.com/acme", "https://facebook.com/acme", "facebook"),
        ("https://www.facebook.com/profile.php?id=123&ref=x",
         "https://facebook.com/profile.php?id=123", "facebook"),
        ("https://www.youtube.com/@acme", "https://youtube.com/@acme", "youtube"),
        ("https://weibo.com/acmecn", "https://weibo.com/acmecn", "weibo"),
        ("https://www.facebook.com/sharer/sharer.php?u=x", None, "facebook"),
        ("https://twitter.com/intent/tweet?text=hi", None, "x"),
        ("https://www.linkedin.com/", None, "linkedin"),
        ("https://www.acme.de/", None, None),
        ("wechat:acme_pack", "wechat:acme_pack", "wechat"),
    ],
)
def test_social_profiles(raw: str, value: str | None, network: str | None) -> None:
    assert normalize_social(raw) == value
    assert social_network(raw) == network


PAGE = """<html lang="en"><head><title>Acme Boxes Ltd</title>
<meta property="og:description" content="Acme Boxes makes corrugated boxes for food brands.">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "name": "Acme Boxes", "legalName": "Acme Boxes Limited", "foundingDate": "1971",
 "numberOfEmployees": {"@type": "QuantitativeValue", "value": 120},
 "founder": {"@type": "Person", "name": "Harold Green", "jobTitle": "Founder"}}</script>
</head><body><h1>Acme Boxes</h1><p>Call +44 20 7946 0000 or write to sales@acmeboxes.co.uk</p>
<p class="hp" style="display:none">trap@acmeboxes.co.uk</p><!-- old: old@acmeboxes.co.uk -->
<footer><a href="https://www.linkedin.com/company/acme-boxes">LinkedIn</a>
<p>Website by <a href="https://pixelhaus.example.com">Pixelhaus</a> hello@pixelhaus.com</p>
</footer></body></html>"""


def test_company_page_facts() -> None:
    facts = CompanySitePage(PAGE, "https://www.acmeboxes.co.uk/").facts()
    assert facts.emails == ["sales@acmeboxes.co.uk"]
    assert facts.phones and facts.region == "GB"
    assert facts.social == ["https://www.linkedin.com/company/acme-boxes"]
    assert facts.description == "Acme Boxes makes corrugated boxes for food brands."
    assert (facts.language, facts.founded_year, facts.employees) == ("en", 1971, 120)
    assert facts.legal_name == "Acme Boxes Limited"
    assert [(p["name"], p["decision_maker"]) for p in facts.people] == [("Harold Green", True)]
    assert facts.evidence["description"] == "og:description"


def test_wechat_account_in_text() -> None:
    html = "<html><body><p>电话：0571-88886666</p><p>微信：hzhy_pack2020</p></body></html>"
    facts = CompanySitePage(html, "http://www.hzhy-pack.cn/lxwm.html").facts()
    assert "wechat:hzhy_pack2020" in facts.social


def test_switchboard_is_not_a_persons_phone() -> None:
    html = """<html lang="de"><body><h1>Impressum</h1><p>Muster Verpackung GmbH</p>
    <p>Musterstraße 1, 33602 Bielefeld</p><p>Geschäftsführer: Klaus Weber</p>
    <p>Telefon: +49 521 123456-0</p></body></html>"""
    facts = CompanySitePage(html, "http://www.muster-test.de/impressum").facts()
    assert facts.phones
    assert [(p["name"], p["phone"]) for p in facts.people] == [("Klaus Weber", None)]
