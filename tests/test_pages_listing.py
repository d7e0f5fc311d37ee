"""Listing pages: repeated record blocks, hints, pagination and JSON API records."""

from __future__ import annotations

from pathlib import Path

import pytest

from spiders.pages import ListingPage, SourceHints, extract_json_records, extract_records

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
BASE = "http://dir.example.com/members?page=1"

CARDS = """<html><body><ul class="results">
<li class="hit"><h2><a href="/c/1">Alpha Foods Ltd</a></h2><p>12 High Street, Leeds LS1 4AB</p>
  <p>Tel: 0113 496 0000</p></li>
<li class="hit"><h2><a href="/c/2">Beta Metals plc</a></h2><p>3 Mill Lane, York YO1 7HH</p>
  <p>Tel: 01904 496 000</p></li>
<li class="hit"><h2><a href="/c/3">Gamma Print Co</a></h2><p>9 Dock Road, Hull HU1 1AA</p>
  <p>Tel: 01482 496 000</p></li>
</ul>{pager}</body></html>"""


def test_cards_become_one_record_each_with_detail_links() -> None:
    page = ListingPage(CARDS.format(pager=""), "http://dir.example.co.uk/leeds")
    assert [r.name for r in page.records] == ["Alpha Foods Ltd", "Beta Metals plc",
                                               "Gamma Print Co"]
    assert page.records[1].address == "3 Mill Lane, York YO1 7HH"
    assert page.records[2].phones == ["01482 496 000"]
    assert page.detail_urls == [f"http://dir.example.co.uk/c/{i}" for i in (1, 2, 3)]
    assert page.records[0].evidence["name"].startswith("card[0]")


def test_table_rows_are_records() -> None:
    html = """<table><tr><th>Firma</th><th>Ort</th><th>Telefon</th></tr>
    <tr><td><a href="/f/a">Anton Bau GmbH</a></td><td>Hauptstr. 1, 80331 München</td>
        <td>089 1234567</td></tr>
    <tr><td><a href="/f/b">Berta Holz KG</a></td><td>Ringstr. 2, 90402 Nürnberg</td>
        <td>0911 1234567</td></tr>
    <tr><td><a href="/f/c">Cäsar Stahl AG</a></td><td>Weg 3, 93047 Regensburg</td>
        <td>0941 1234567</td></tr></table>"""
    records = extract_records(html, "https://verband.example.de/mitglieder")
    assert [r.name for r in records] == ["Anton Bau GmbH", "Berta Holz KG", "Cäsar Stahl AG"]
    assert records[0].phones == ["089 1234567"]


def test_a_navigation_menu_is_not_a_listing() -> None:
    html = """<nav><ul><li><a href="/a">About us</a></li><li><a href="/p">Products</a></li>
    <li><a href="/c">Contact</a></li><li><a href="/n">News</a></li></ul></nav>
    <ul class="links"><li><a href="/x">Privacy</a></li><li><a href="/y">Terms</a></li>
    <li><a href="/z">Jobs</a></li></ul>"""
    assert extract_records(html, "http://example.com/") == []


def test_hints_override_the_automatic_way() -> None:
    html = """<div id="list"><section data-x="1"><span class="nm">Delta Oy</span>
    <span class="ph">+358 9 4242 4242</span><a class="go" href="/d">more</a></section>
    <section data-x="2"><span class="nm">Epsilon AB</span><span class="ph">+46 8 123 456 78</span>
    <a class="go" href="/e">more</a></section></div>"""
    hints = SourceHints(record="#list > section", detail_link="a.go",
                        fields={"name": ".nm", "phones": ".ph", "booth": "@data-x"})
    page = ListingPage(html, "http://fair.example.com/exhibitors", hints=hints)
    assert [r.name for r in page.records] == ["Delta Oy", "Epsilon AB"]
    assert page.records[0].phones == ["+358 9 4242 4242"]
    assert page.records[0].evidence["name"] == "card[0] hint .nm"
    assert page.detail_urls == ["http://fair.example.com/d", "http://fair.example.com/e"]


@pytest.mark.parametrize(
    ("pager", "expected"),
    [
        ('<link rel="next" href="/members?page=2">', "http://dir.example.com/members?page=2"),
        ('<a href="/members?page=2" class="btn next"><i class="icon-chevron-right"></i></a>',
         "http://dir.example.com/members?page=2"),
        ('<a href="/members/seite/2">weiter</a>', "http://dir.example.com/members/seite/2"),
        ('<a href="list_2.html">下一页</a>', "http://dir.example.com/list_2.html"),
        ('<a href="/m?p=2" aria-label="Next page">›</a>', "http://dir.example.com/m?p=2"),
        ('<ul class="pagination"><li class="active"><a href="?page=1">1</a></li>'
         '<li><a href="?page=2">2</a></li><li><a href="?page=3">3</a></li></ul>',
         "http://dir.example.com/members?page=2"),
        ('<a href="/members?page=5">5</a><a href="/members?page=2">2</a>',
         "http://dir.example.com/members?page=2"),
        ('<button class="load-more" data-url="/api/members?offset=20">Load more</button>',
         "http://dir.example.com/api/members?offset=20"),
    ],
)
def test_next_page_urls(pager: str, expected: str) -> None:
    page = ListingPage(CARDS.format(pager=pager), BASE)
    assert page.next_page_urls[0] == expected


def test_load_more_urls_are_listed_apart() -> None:
    pager = '<div id="more" data-next="/api/list.json?page=2">Mehr laden</div>'
    page = ListingPage(CARDS.format(pager=pager), BASE)
    assert page.load_more_urls == ["http://dir.example.com/api/list.json?page=2"]


def test_no_next_page_on_the_last_page() -> None:
    page = ListingPage(CARDS.format(pager='<a class="btn prev" href="?page=0">‹</a>'),
                       "http://dir.example.com/members?page=1")
    assert page.next_page_urls == []


def test_json_api_records() -> None:
    data = {"meta": {"total": 2}, "data": {"exhibitors": [
        {"id": 7, "companyName": "Zeta Packaging Sp. z o.o.", "phone": "+48 12 345 67 89",
         "email": "biuro@zeta.example.pl", "website": "https://zeta.example.pl",
         "address": {"street": "ul. Długa 1", "zip": "31-147", "city": "Kraków"},
         "url": "/exhibitor/7", "booth": "B12"},
        {"id": 8, "companyName": "Eta Foods", "categories": ["Food", "Snacks"]},
    ]}}
    records = extract_json_records(data, "https://fair.example.com/api/exhibitors?page=1")
    assert [r.name for r in records] == ["Zeta Packaging Sp. z o.o.", "Eta Foods"]
    assert records[0].detail_url == "https://fair.example.com/exhibitor/7"
    assert records[0].address == "ul. Długa 1, 31-147 Kraków"
    assert records[0].websites == ["https://zeta.example.pl"]
    assert records[1].categories == ["Food", "Snacks"]


def test_to_lead_builds_the_item_contract() -> None:
    record = ListingPage(CARDS.format(pager=""), "http://dir.example.co.uk/leeds").records[0]
    lead = record.to_lead("uk-dir", "http://dir.example.co.uk/leeds", country_hint="GB")
    assert lead.name == "Alpha Foods Ltd"
    assert lead.source.record_id == "http://dir.example.co.uk/c/1"
    assert lead.address is not None and lead.address.full == record.address
    assert lead.source.evidence["name"]


def test_a_staff_list_is_not_a_company_list() -> None:
    html = "<ul class='staff'>" + "".join(
        f"<li><h4>{title}</h4><p>Tel. 202.939.23{i}0</p><p>{mail}@ceip.example.org</p></li>"
        for i, (title, mail) in enumerate(
            [("Chief Development Officer", "mf"), ("Grants Manager", "hm"),
             ("Associate Director, Development", "nd")]
        )
    ) + "</ul>"
    records = extract_records(html, "http://ceip.example.org/about/development/")
    assert len(records) <= 1
    assert all(r.name is None or "Officer" not in r.name for r in records)


def test_a_country_picker_is_not_a_listing() -> None:
    html = "<ul class='countries'>" + "".join(
        f"<li><a href='/{c[:2].lower()}'>{c}</a></li>"
        for c in ["Österreich", "Belgique", "Canada", "Deutschland", "España", "France"]
    ) + "</ul>"
    assert extract_records(html, "https://shop.example.com/") == []


def test_a_single_member_card_on_the_last_page_is_found() -> None:
    html = """<section class="members"><article class="member-card"><h3>
    <a href="/members/sahoton">Sahoton &amp; Krüger Pharma GmbH</a></h3>
    <p class="location">Cologne, Germany</p></article></section>
    <p>© 2026 Packaging Association e.V. · +49 69 2573 8800</p>"""
    records = extract_records(html, "http://assoc.example.org/members?page=5")
    assert [r.name for r in records] == ["Sahoton & Krüger Pharma GmbH"]


def test_price_tiles_and_footer_columns_are_not_listings() -> None:
    tiles = "<div class='deals'>" + "".join(
        f"<div class='deal'><h3>${p}.00</h3><p>12 High Street, Leeds LS1 4AB</p></div>"
        for p in (120, 105, 95)
    ) + "</div>"
    records = extract_records(tiles, "http://deals.example.co.uk/")
    assert len(records) <= 1 and all(r.name is None for r in records)
    footer = "<div class='footer-columns'>" + "".join(
        f"<div class='col'><h4>{h}</h4><p>{body}</p></div>" for h, body in [
            ("EXPERIENCE", "Home Floor Plans"), ("ABOUT", "Our Design Center"),
            ("CONTACT", "105 Von Braun Drive<br>Huntsville, AL 35806<br>Phone: (256) 759-7925"),
            ("CREDITS", "Website Design By Rocket Town Media"),
        ]
    ) + "</div>"
    names = [r.name for r in extract_records(footer, "http://www.homes.example.com/p/1")]
    assert "Rocket Town Media" not in names and "EXPERIENCE" not in names


def test_field_hints_apply_to_a_company_page() -> None:
    html = """<div id="hdr"><span class="brand">Omega Pack Sp. z o.o.</span></div>
    <p>Tel. +48 12 345 67 89</p><div class="nip">NIP 6832085719</div>"""
    hints = SourceHints(fields={"name": "#hdr .brand", "nip": ".nip"})
    record = extract_records(html, "http://omega.example.pl/kontakt", hints=hints)[0]
    assert record.name == "Omega Pack Sp. z o.o."
    assert record.evidence["name"] == "hint #hdr .brand"
    assert record.extra["nip"] == "NIP 6832085719"
    assert record.phones == ["+48 12 345 67 89"]


def test_event_page_gives_the_venue_not_the_ticket_site() -> None:
    import json as _json

    event = {"@context": "http://schema.org", "@type": "MusicEvent", "name": "Elysian Fields",
             "location": {"@type": "Place", "name": "The Owl Music Parlor",
                          "address": {"@type": "PostalAddress", "streetAddress": "497 Rogers Ave",
                                      "addressLocality": "Brooklyn", "addressRegion": "NY",
                                      "postalCode": "11225", "addressCountry": "US"}}}
    html = f"""<script type="application/ld+json">{_json.dumps(event)}</script>
    <h1>Elysian Fields</h1><p>The Owl Music Parlor</p><p>497 Rogers Ave<br>Brooklyn, NY 11225</p>
    <p>(718) 774-0042</p><footer>© 2017 Songkick · support@songkick.example.com</footer>"""
    records = extract_records(html, "http://www.songkick.example.com/concerts/1")
    assert [r.name for r in records] == ["The Owl Music Parlor"]
    assert records[0].emails == []
    assert records[0].phones == ["(718) 774-0042"]


def test_member_list_with_own_email_domains_is_a_listing() -> None:
    members = [("Alpha Verpackung GmbH", "alpha-pack"), ("Beta Folien AG", "beta-folien"),
               ("Gamma Karton KG", "gamma-karton")]
    html = "<ul class='members'>" + "".join(
        f"<li><h3>{name}</h3><p>Kontakt: <a href='mailto:info@{d}.example.de'>"
        f"info@{d}.example.de</a></p></li>" for name, d in members
    ) + "</ul>"
    records = extract_records(html, "https://verband.example.de/mitglieder")
    assert [r.name for r in records] == [name for name, _ in members]
    assert records[1].emails == ["info@beta-folien.example.de"]


def test_cards_show_location_category_tier_and_booth() -> None:
    members = """<section class="members">""" + "".join(
        f"""<article class="member-card"><h3><a href="/m/{i}">{name}</a></h3>
        <p class="location">{loc}</p><p class="category">Dairy products</p>
        <span class="tier">Gold member</span></article>"""
        for i, (name, loc) in enumerate([("Alpha Dairy Ltd", "Bristol, United Kingdom"),
                                         ("Beta Melk BV", "Utrecht, Netherlands"),
                                         ("Gamma Molkerei AG", "Bern, Switzerland")])
    ) + "</section>"
    record = extract_records(members, "http://assoc.example.org/members")[1]
    assert (record.name, record.city, record.country) == ("Beta Melk BV", "Utrecht",
                                                          "Netherlands")
    assert record.address == "Utrecht, Netherlands"
    assert record.categories == ["Dairy products"]
    assert record.extra["membership_tier"] == "Gold member"
    table = """<table><thead><tr><th>Company</th><th>Country</th><th>Hall / Booth</th>
    <th>Booth size</th></tr></thead><tbody>""" + "".join(
        f"<tr class='exhibitor'><td class='name'>{n}</td><td>{c}</td><td>Hall {i} / B0{i}</td>"
        f"<td>{9 * i} m²</td></tr>"
        for i, (n, c) in enumerate([("Delta Oy", "Finland"), ("Epsilon AB", "Sweden"),
                                    ("Zeta Sp. z o.o.", "Poland")], start=1)
    ) + "</tbody></table>"
    row = extract_records(table, "http://fair.example.com/exhibitors")[2]
    assert (row.name, row.country) == ("Zeta Sp. z o.o.", "Poland")
    assert row.extra["booth"] == "Hall 3 / B03"
    assert row.extra["booth_size"] == "27 m²"
