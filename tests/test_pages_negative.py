"""Pages that show no business yield no record: nothing is invented."""

from __future__ import annotations

import pytest

from spiders.pages import extract_records

PAGES = {
    "error page": "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
    "<p>The requested URL was not found on this server.</p></body></html>",
    "login page": "<html><body><h1>Sign in</h1><form><label>E-mail</label><input name=e>"
    "<label>Password</label><input type=password name=p><button>Log in</button></form>"
    "</body></html>",
    "empty": "",
    "news article": "<html><head><title>Rain expected on Sunday | City News</title></head>"
    "<body><article><h1>Rain expected on Sunday</h1><time>12.03.2016</time><p>Forecasters "
    "expect 25 mm of rain between 10:00 and 18:00; order no. 2016-0312-4471.</p></article>"
    "<footer>Photos by John Smith</footer></body></html>",
    "blog listing": "<html><body><div class='posts'>"
    + "".join(
        f"<div class='post'><h2><a href='/p/{i}'>Ten tips for spring {i}</a></h2>"
        f"<span>May {i}, 2016</span><p>Gardening ideas for the weekend.</p></div>"
        for i in range(1, 6)
    )
    + "</div></body></html>",
    "directory search page": "<html><head><title>Bedrijvengids - zoeken</title></head><body>"
    + " ".join(f"<a href='/letter/{c}'>{c}</a>" for c in "ABCDEFGHIJKLMNOPRSTUVWZ")
    + "<p>Copyright (c) 2007 - 2016, Zoeken.nu. All rights reserved.</p></body></html>",
    "only an agency credit": "<html><body><p>Coming soon.</p><p>Website by Pixel Media "
    "Ltd</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_record_on_pages_without_a_business(name: str) -> None:
    assert extract_records(PAGES[name], "http://www.zoeken.nu/zoeken") == []


DETAIL_WITH_SITE_FOOTER = """<html><body><h1>Müller Verpackung GmbH</h1>
<p>Industriestraße 5, 70565 Stuttgart</p><p>Tel. 0711 123456</p>
<p>E-Mail: info@mueller-verpackung.de</p><p>Web: www.mueller-verpackung.de</p>
<{tag}>Firmenverzeichnis Deutschland GmbH · Musterweg 1 · 10115 Berlin · Tel. 030 9999999 ·
service@firmenverzeichnis.de · www.firmenverzeichnis.de</{end}></body></html>"""


@pytest.mark.parametrize(("tag", "end"), [("footer", "footer"), ('div id="footer"', "div"),
                                          ("aside", "aside")])
def test_a_directory_page_about_a_company_leaves_out_the_directory_s_contacts(
        tag: str, end: str) -> None:
    """Without a © line in its footer, a directory's detail page gave every company the
    directory's switchboard and support e-mail."""
    from spiders.pages.listing_page import ListingPage

    html = DETAIL_WITH_SITE_FOOTER.format(tag=tag, end=end)
    page = ListingPage(html, "https://www.firmenverzeichnis.de/firma/mueller-verpackung",
                       region_hint="DE", directory_page=True)
    [record] = page.records
    assert (record.name, record.phones, record.emails) == (
        "Müller Verpackung GmbH", ["0711 123456"], ["info@mueller-verpackung.de"])
    assert [w for w in record.websites if "firmenverzeichnis" in w] == []


def test_an_unlabelled_japanese_address_on_a_card_is_read() -> None:
    """A card's "〒100-0005 東京都千代田区丸の内1-1-1" or "大阪府大阪市北区梅田2-2-2" line gave no
    address (only a line labelled 住所 did): Japanese companies were stored without one."""
    html = ('<html><body><h1>会員企業一覧</h1><ul>'
            '<li class="co"><h3>株式会社山田製作所</h3><p>〒100-0005 東京都千代田区丸の内1-1-1</p>'
            '<p>電話：03-1234-5678</p></li>'
            '<li class="co"><h3>鈴木食品株式会社</h3><p>大阪府大阪市北区梅田2-2-2</p>'
            '<p>TEL 06-6345-6789</p></li></ul></body></html>')
    records = extract_records(html, "https://kaiin.example.jp/list", region_hint="JP")
    assert [(r.name, r.address, r.postal_code) for r in records] == [
        ("株式会社山田製作所", "〒100-0005 東京都千代田区丸の内1-1-1", "100-0005"),
        ("鈴木食品株式会社", "大阪府大阪市北区梅田2-2-2", None)]


@pytest.mark.parametrize(("lines", "street"), [
    (["Straße des 17. Juni 4, 10623 Berlin"], "Straße des 17. Juni 4"),
    (["Straße des 17. Juni 4", "10623 Berlin"], "Straße des 17. Juni 4"),
    (["Rue du 4 Septembre 12, 75002 Paris"], "Rue du 4 Septembre 12"),
])
def test_a_street_named_after_a_date_is_a_street(lines: list[str], street: str) -> None:
    """Its month was masked as a date, so the address was not read."""
    from spiders.pages.addresses import find_addresses

    assert [found.street for found in find_addresses(lines)] == [street]


def test_a_date_is_still_no_street() -> None:
    from spiders.pages.addresses import find_addresses

    assert find_addresses(["Open 4 March 2024", "10623 Berlin"]) == []
    assert find_addresses(["March 4, 2016 Pop Style"]) == []
