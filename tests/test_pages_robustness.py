"""Page objects never crash on odd input: random bytes, broken markup, hostile URLs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadgen.exceptions import ExtractionError
from spiders.pages import ListingPage, decode_html, extract_json_records, extract_records

_TAGS = st.sampled_from(["<p>", "</p>", "<div class='card'>", "</div>", "<br>", "<a href='",
                         "'>", "</a>", "<h3>", "</h3>", "<script>", "</script>", "<table><tr><td>",
                         "</td></tr></table>", "<!--", "-->", "<base href='http://[x'>",
                         "Tel. 030 1234567", "info [at] x [dot] de", "©", "GmbH", "10115 Berlin",
                         "Hauptstr. 1", "<li>", "</li>", "mailto:", "&amp;", "&#64;"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_decode_html_never_fails_except_with_extraction_error(body: bytes) -> None:
    try:
        text = decode_html(body)
    except ExtractionError:
        return
    assert isinstance(text, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TAGS, st.text(max_size=30)), max_size=60),
       st.sampled_from(["http://example.com/", "https://a.example.de/x?page=2", "file:///tmp/x",
                        "not a url", ""]))
def test_page_objects_never_crash(parts: list[str], url: str) -> None:
    html = "".join(parts)
    records = extract_records(html, url)
    assert isinstance(records, list)
    page = ListingPage(html.encode("utf-8", "surrogatepass"), url)
    assert isinstance(page.next_page_urls, list)
    assert isinstance(page.detail_urls, list)


@settings(max_examples=60, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.sampled_from(["name", "phone", "email", "url", "address", "items",
                                       "city", "zip"]), children, max_size=5),
    max_leaves=30,
))
def test_json_records_never_crash(data: object) -> None:
    assert isinstance(extract_json_records(data, "http://example.com/api"), list)
