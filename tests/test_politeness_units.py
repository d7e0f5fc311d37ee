"""The pure parts of the polite-crawling components, as tables."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spiders.middlewares.canonicalize import canonical_url
from spiders.middlewares.traps import dates_in_url, has_repeated_segments, url_shape
from spiders.navigation import json_next_urls, main_record, merge_records
from spiders.pages import ExtractedRecord


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://a.example/m/1;jsessionid=AB12CD", "http://a.example/m/1"),
        ("http://a.example/m/1;JSESSIONID=AB12CD?page=2", "http://a.example/m/1?page=2"),
        ("http://a.example/list?page=2&sid=9f8e7d", "http://a.example/list?page=2"),
        ("http://a.example/list?PHPSESSID=0123abcd&page=3", "http://a.example/list?page=3"),
        ("http://a.example/x?sessionid=1&utm_source=n&utm_medium=m", "http://a.example/x"),
        ("http://a.example/x?gclid=abc&q=packaging", "http://a.example/x?q=packaging"),
        ("http://a.example/x?s=0123456789abcdef0123", "http://a.example/x"),
        ("http://a.example/search?s=packaging", "http://a.example/search?s=packaging"),
        ("http://a.example/m/1#contact", "http://a.example/m/1"),
        ("http://a.example/m/1?page=2&cat=7", "http://a.example/m/1?page=2&cat=7"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@given(st.sampled_from(["http://a.example/m/1", "http://a.example/l?page=2"]),
       st.text(alphabet="0123456789abcdef", min_size=4, max_size=32),
       st.sampled_from([";jsessionid={}", "?sid={}", "&sid={}", "?PHPSESSID={}"]))
def test_canonical_url_is_idempotent_and_drops_sessions(base: str, sid: str, form: str) -> None:
    if form.startswith("&") and "?" not in base:
        form = "?" + form[1:]
    if form.startswith("?") and "?" in base:
        form = "&" + form[1:]
    url = base + form.format(sid)
    once = canonical_url(url)
    assert once == canonical_url(once) == base


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x/events/calendar?month=2026-11", [date(2026, 11, 1)]),
        ("http://x/cal/2027/03/05", [date(2027, 3, 5)]),
        ("http://x/e?year=2031&month=4", [date(2031, 4, 1)]),
        ("http://x/archive/20261105", [date(2026, 11, 5)]),
        ("http://x/member/1234", []),
        ("http://x/members?page=20", []),
        ("http://x/tel/2024567890", []),
        ("http://x/cal/2026-13", []),
    ],
)
def test_dates_in_url(url: str, expected: list[date]) -> None:
    assert dates_in_url(url) == expected


def test_url_shape_and_repeated_segments() -> None:
    assert url_shape("http://x/cal?month=2026-11") == url_shape("http://x/cal?month=2031-02")
    assert url_shape("http://x/cal?month=2026-11") != url_shape("http://x/members?page=2")
    assert has_repeated_segments("http://x/a/b/a/b/a/b", 3)
    assert not has_repeated_segments("http://x/a/b/a/b", 3)


@pytest.mark.parametrize(
    ("data", "url", "expected"),
    [
        ({"items": [], "next": "/api?page=2"}, "http://x/api?page=1", ["http://x/api?page=2"]),
        ({"items": [], "next": None, "page": 3, "pages": 3}, "http://x/api?page=3", []),
        ({"items": [], "page": 1, "pages": 3}, "http://x/api", ["http://x/api?page=2"]),
        ({"data": [], "links": {"next": "http://x/api?p=2"}}, "http://x/api", ["http://x/api?p=2"]),
        ({"items": [], "meta": {"current_page": 2, "last_page": 5}}, "http://x/a?page=2",
         ["http://x/a?page=3"]),
        ([{"name": "A"}], "http://x/api", []),
        ({"items": [], "offset": 0, "limit": 20, "total": 45}, "http://x/api?limit=20",
         ["http://x/api?limit=20&offset=20"]),
        ({"items": [], "offset": 40, "limit": 20, "total": 45}, "http://x/api?offset=40", []),
    ],
)
def test_json_next_urls(data: object, url: str, expected: list[str]) -> None:
    assert json_next_urls(data, url) == expected


def test_merge_records_detail_wins_and_card_fills_gaps() -> None:
    card = ExtractedRecord(
        name="Acme Pack", phones=["030 1234"], categories=["Packaging"],
        detail_url="http://x/m/1", evidence={"name": "card h3", "categories": "card p"},
    )
    detail = ExtractedRecord(
        name="Acme Pack GmbH", phones=["+49 30 1234"], emails=["info@acme.example"],
        evidence={"name": "h1", "phones": "tel: link"},
    )
    merged = merge_records(card, detail)
    assert merged.name == "Acme Pack GmbH"
    assert merged.phones == ["+49 30 1234"]
    assert merged.emails == ["info@acme.example"]
    assert merged.categories == ["Packaging"]
    assert merged.evidence["categories"] == "listing card: card p"
    assert merged.detail_url == "http://x/m/1"
    assert merge_records(None, detail) is detail


def test_main_record_prefers_the_card_name() -> None:
    records = [ExtractedRecord(name="Web Agentur XY"), ExtractedRecord(name="Acme Pack GmbH")]
    assert main_record(records, ExtractedRecord(name="Acme Pack")) is records[1]
    assert main_record(records, None) is records[0]
    assert main_record([], None) is None


_segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.;=", min_size=0, max_size=12)
_query_key = st.sampled_from(["page", "sid", "q", "utm_source", "PHPSESSID", "s", "cat", "id"])


@given(
    st.lists(_segment, max_size=4),
    st.lists(st.tuples(_query_key, _segment), max_size=4),
    st.sampled_from(["", "#top"]),
)
def test_canonicalizing_twice_equals_once(
    segments: list[str], pairs: list[tuple[str, str]], fragment: str
) -> None:
    query = "&".join(f"{key}={value}" for key, value in pairs)
    url = "http://a.example/" + "/".join(segments) + (f"?{query}" if query else "") + fragment
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert "#" not in once
