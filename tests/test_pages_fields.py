"""Labelled company facts — categories and size signals — in EN/DE/ZH markup, and on the demo
web's directories checked against its ground truth."""

from __future__ import annotations

import json
import urllib.request
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from leadgen.demoweb import DemoWebServer, DemoWorld
from spiders.pages import (
    ExtractedRecord,
    ListingPage,
    decode_html,
    extract_json_records,
    extract_records,
)
from spiders.pages.dom import parse_html
from spiders.pages.labelled import labelled_fields


def _dl(label: str, value: str) -> str:
    return f"<dl><dt>{label}</dt><dd>{value}</dd></dl>"


def _table(label: str, value: str) -> str:
    return f"<table><tr><th>{label}</th><td>{value}</td></tr></table>"


def _line(label: str, value: str) -> str:
    return f"<p>{label}: {value}</p>"


LAYOUTS = {"dl": _dl, "table": _table, "line": _line}

#: (label, value as shown, field, expected value)
CASES: list[tuple[str, str, str, Any]] = [
    ("Category", "Food manufacturing", "categories", ["Food manufacturing"]),
    ("Categories", "Bakery; Confectionery", "categories", ["Bakery", "Confectionery"]),
    ("Industry", "Beverages &amp; brewing", "categories", ["Beverages & brewing"]),
    ("Branche", "Lebensmittelherstellung", "categories", ["Lebensmittelherstellung"]),
    ("Kategorie", "Verpackung", "categories", ["Verpackung"]),
    ("所属行业", "建筑工程", "categories", ["建筑工程"]),
    ("主营产品", "塑料包装、纸箱", "categories", ["塑料包装", "纸箱"]),
    ("经营范围", "食品加工", "categories", ["食品加工"]),
    ("Employees", "250", "employees", 250),
    ("Employees", "50-199", "employees_band", "50-199"),
    ("Employees", "1,200", "employees", 1200),
    ("Mitarbeiter", "ca. 85", "employees", 85),
    ("Beschäftigte", "10 – 49", "employees_band", "10-49"),
    ("Medewerkers", "1000+", "employees_band", "1000+"),
    ("员工人数", "3人", "employees", 3),
    ("Employees", "over 500", "employees_band", "500+"),
    ("员工人数", "100余人", "employees_band", "100+"),
    ("员工人数", "50-99人", "employees_band", "50-99"),
    ("Founded", "1974", "founded_year", 1974),
    ("Established", "in 2001", "founded_year", 2001),
    ("Gegründet", "1898", "founded_year", 1898),
    ("成立时间", "1974年", "founded_year", 1974),
    ("成立年份", "2005-03-01", "founded_year", 2005),
    ("Membership", "Gold member", "membership_tier", "Gold member"),
    ("Mitgliedschaft", "Fördermitglied", "membership_tier", "Fördermitglied"),
    ("Booth size", "51 m²", "booth_size", "51 m²"),
    ("Standfläche", "24 qm", "booth_size", "24 qm"),
    ("展位面积", "36平方米", "booth_size", "36平方米"),
    ("Revenue", "EUR 10-50M", "revenue_band", "EUR 10-50M"),
    ("Umsatz", "5 Mio. EUR", "revenue_band", "5 Mio. EUR"),
]


def _record(body: str) -> ExtractedRecord:
    record = ExtractedRecord(name="Acme")
    labelled_fields(parse_html(f"<html><body><main>{body}</main></body></html>"), record, "t")
    return record


def _value(record: ExtractedRecord, field: str) -> Any:
    return record.categories if field == "categories" else record.extra.get(field)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(("label", "shown", "field", "expected"), CASES)
def test_labelled_field(layout: str, label: str, shown: str, field: str, expected: Any) -> None:
    record = _record(LAYOUTS[layout](label, shown))
    assert _value(record, field) == expected
    assert field in record.evidence and label in record.evidence[field]


#: Labels and values that must give nothing: never invent a value.
NEGATIVES = [
    ("Category manager", "Jane Doe"),  # a person's job, not a category
    ("Employees", "many"),
    ("Employees", "12 in 2019"),  # two numbers: which one?
    ("Founded", "long ago"),
    ("Founded", "1990 or 1991"),
    ("Booth size", "large"),
    ("Revenue", "confidential"),
    ("Phone", "+49 30 1234567"),
]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(("label", "shown"), NEGATIVES)
def test_unlabelled_or_malformed_gives_nothing(layout: str, label: str, shown: str) -> None:
    record = _record(LAYOUTS[layout](label, shown))
    assert record.categories == []
    assert record.extra == {}


def test_site_furniture_is_not_the_company() -> None:
    record = _record("<aside><p>Categories: News, Events</p></aside>"
                     "<footer><p>Founded: 1950</p></footer><p>Employees: 40</p>")
    assert record.categories == []
    assert record.extra == {"employees": 40}


COMPANY_PAGE = """<html lang="de"><head><title>Muster Verpackung GmbH</title></head><body>
<main><h1>Muster Verpackung GmbH</h1>
<p>Hauptstraße 5<br>10115 Berlin</p><p>Tel.: +49 30 1234567</p>
<table><tr><th>Branche</th><td>Verpackungsmaschinen</td></tr>
<tr><th>Mitarbeiter</th><td>120</td></tr><tr><th>Gegründet</th><td>1988</td></tr></table>
</main></body></html>"""


def test_company_page_record_carries_size_signals() -> None:
    records = extract_records(COMPANY_PAGE, "http://www.muster-verpackung.de/ueber-uns")
    assert len(records) == 1
    lead = records[0].to_lead("t", "http://www.muster-verpackung.de/ueber-uns")
    assert lead.categories == ["Verpackungsmaschinen"]
    assert (lead.size.employees, lead.size.founded_year) == (120, 1988)


CATEGORY_PAGE = """<html><body><h1>{title}</h1><ul class="results">{items}</ul></body></html>"""
ITEM = """<li class="listing"><h2><a href="/company/{i}">Firma {n} GmbH</a></h2>
<div class="addr">Hauptstraße {i}, 10115 Berlin, Germany</div>
<div class="phone">Tel: +49 30 123456{i}</div></li>"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/category/food?page=2", ["Food manufacturers"]),
    ("/branche/lebensmittel", ["Food manufacturers"]),
    ("/search?q=food", []),  # a search page's heading is no category
    ("/members", []),
])
def test_category_page_heading_files_every_listing(path: str, expected: list[str]) -> None:
    items = "".join(ITEM.format(i=i, n=n) for i, n in enumerate(("Alpha", "Beta", "Gamma"), 1))
    html = CATEGORY_PAGE.format(title="Food manufacturers", items=items)
    records = extract_records(html, "http://www.example-directory.com" + path)
    assert len(records) == 3
    assert all(r.categories == expected for r in records)


def test_json_listing_size_keys() -> None:
    data = {"items": [
        {"id": 1, "name": "Alpha AG", "boothSize": "51 m²", "booth": "Hall 3 / B4",
         "industry": "Food", "employees": "120", "foundingDate": "1990-04-01"},
        {"id": 2, "name": "Beta AG", "booth_size": "big", "employees": "50-199"},
    ]}
    first, second = extract_json_records(data, "http://expo.example.com/api/exhibitors")
    assert first.categories == ["Food"]
    assert first.extra == {"booth_size": "51 m²", "booth": "Hall 3 / B4", "employees": 120,
                           "founded_year": 1990}
    assert second.extra == {"employees_band": "50-199"}  # "big" is no booth size


# --- the demo web, checked against its truth ------------------------------------------------



def _in_band(band: str, employees: int) -> bool:
    if band.endswith("+"):
        return employees >= int(band[:-1])
    low, high = (int(x) for x in band.split("-"))
    return low <= employees <= high


def _crawl(world: DemoWorld, server: DemoWebServer) -> dict[str, list[ExtractedRecord]]:
    """Every listing, detail and JSON page of each directory, records keyed by source."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
    truth = world.truth()
    out: dict[str, list[ExtractedRecord]] = {}
    for source_id, spec in truth["sources"].items():
        todo, seen, records = list(spec["start_urls"]), set(), []
        while todo and len(seen) < 60:
            url = todo.pop(0)
            if url in seen or urlsplit(url).hostname != spec["host"]:
                continue
            seen.add(url)
            with opener.open(url, timeout=10) as response:
                body, kind = response.read(), response.headers.get_content_type()
                charset = response.headers.get_content_charset()
            if kind == "application/json":
                data = json.loads(body)
                records += extract_json_records(data, url)
                if data.get("next"):
                    todo.append(urljoin(url, data["next"]))
                continue
            page = ListingPage(decode_html(body, charset), url)
            records += page.records
            todo += page.detail_urls + page.next_page_urls + page.load_more_urls
            # The category index links are plain links, not record detail links.
            todo += [urljoin(url, a.get("href") or "") for a in page.context.root.iter("a")
                     if "/category/" in (a.get("href") or "")]
        out[source_id] = records
    return out


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    world = DemoWorld.generate(seed=3, companies=40, crawl_delay=0.0)
    with DemoWebServer(world, port=0) as server:
        records = _crawl(world, server)
    truth = world.truth()
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for company in truth["companies"]:
        for listing in company["listings"]:
            by_name[(listing["source"], listing["name"])] = company
    return {"records": records, "by_name": by_name}


def _matched(demo: dict[str, Any], source: str) -> list[tuple[ExtractedRecord, dict[str, Any]]]:
    pairs = [(r, demo["by_name"].get((source, r.name))) for r in demo["records"][source]]
    matched = [(r, c) for r, c in pairs if c is not None]
    assert len(matched) >= max(1, len(pairs) // 2), f"{source}: too few records match truth"
    return matched


@pytest.mark.parametrize("source", ["demo-association", "demo-expo", "demo-yellowpages",
                                    "demo-cn-directory"])
def test_demo_records_have_categories(demo: dict[str, Any], source: str) -> None:
    matched = _matched(demo, source)
    if source == "demo-expo":  # the fair shows no categories; booths instead
        assert all(r.extra.get("booth_size", "").endswith("m²") for r, _ in matched)
        return
    assert all(r.categories for r, _ in matched), source


def test_demo_association_tiers(demo: dict[str, Any]) -> None:
    matched = _matched(demo, "demo-association")
    assert all(r.to_lead("t", "http://x/").size.membership_tier for r, _ in matched)


def test_demo_employees_and_founded_agree_with_truth(demo: dict[str, Any]) -> None:
    counted = banded = founded = 0
    for source in ("demo-association", "demo-expo", "demo-yellowpages", "demo-cn-directory"):
        for record, company in _matched(demo, source):
            size = record.to_lead("t", "http://x/").size
            if size.employees is not None:
                assert size.employees == company["employees"], record.name
                counted += 1
            if size.employees_band is not None:
                assert _in_band(size.employees_band, company["employees"]), record.name
                banded += 1
            if size.founded_year is not None:
                assert size.founded_year == company["founded_year"], record.name
                founded += 1
    # The GBK directory's detail pages show employees and founding year; yellow pages a band.
    assert counted and founded and banded
