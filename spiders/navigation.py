"""Navigation helpers with no Scrapy import: where a listing continues, which links an index
page leads to, which listing a page belongs to, and how a card and its detail page merge.

The spider only decides where to go next; these small functions keep its callbacks short and are
tested on their own.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from rapidfuzz import fuzz

from spiders.pages import ExtractedRecord

_NEXT_KEYS = (
    "next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_page", "nextPage"
)
_PAGE_KEYS = ("page", "current_page", "currentPage", "pageNumber")
_PAGES_KEYS = ("pages", "total_pages", "totalPages", "last_page", "lastPage", "pageCount")
_CONTAINERS = ("pagination", "paging", "meta", "links", "_links")


def _with_query(url: str, key: str, value: int) -> str:
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key]
    pairs.append((key, str(value)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(pairs), ""))


def _next_in(mapping: dict[str, Any], url: str) -> str | None:
    for key in _NEXT_KEYS:
        value = mapping.get(key)
        if isinstance(value, dict):
            value = value.get("href") or value.get("url")
        if isinstance(value, str) and value.strip():
            return urljoin(url, value.strip())
        if isinstance(value, int) and not isinstance(value, bool):
            return _with_query(url, "page", value)
    page = next((mapping[k] for k in _PAGE_KEYS if isinstance(mapping.get(k), int)), None)
    pages = next((mapping[k] for k in _PAGES_KEYS if isinstance(mapping.get(k), int)), None)
    if page is not None and pages is not None and page < pages:
        query = dict(parse_qsl(urlsplit(url).query))
        key = next((k for k in (*_PAGE_KEYS, "p") if k in query), "page")
        return _with_query(url, key, page + 1)
    offset, limit, total = (mapping.get(k) for k in ("offset", "limit", "total"))
    if all(isinstance(v, int) and not isinstance(v, bool) for v in (offset, limit, total)):
        assert isinstance(offset, int) and isinstance(limit, int) and isinstance(total, int)
        if limit > 0 and offset + limit < total:
            return _with_query(url, "offset", offset + limit)
    return None


def json_next_urls(data: Any, url: str) -> list[str]:
    """The next page of a JSON listing: a ``next`` link, or ``page`` < ``pages`` -> ``?page=N+1``.

    >>> json_next_urls({"items": [], "page": 1, "pages": 3}, "http://x.example/api?page=1")
    ['http://x.example/api?page=2']
    >>> json_next_urls({"items": [], "links": {"next": "/api?page=2"}}, "http://x.example/api")
    ['http://x.example/api?page=2']
    """
    if not isinstance(data, dict):
        return []
    found = _next_in(data, url)
    if found is None:
        for key in _CONTAINERS:
            inner = data.get(key)
            if isinstance(inner, dict) and (found := _next_in(inner, url)):
                break
    return [found] if found and found != url else []


_CHROME = {"header", "nav", "footer", "aside", "form"}
_MAIN = "//main | //*[@role='main'] | //*[@id='content' or @id='main' or @id='main-content']"


def listing_key(url: str) -> str:
    """The listing a page belongs to: its URL with numbers masked and numeric parameters dropped.

    >>> listing_key("http://x.example/category/food?page=2") == listing_key(
    ...     "http://x.example/category/food")
    True
    >>> listing_key("http://x.example/list_2.html") == listing_key("http://x.example/list_1.html")
    True
    >>> listing_key("http://x.example/category/food") == listing_key("http://x.example/category/tea")
    False
    """
    parts = urlsplit(url)
    path = re.sub(r"\d+", "9", parts.path)
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not v.isdigit())
    return f"{parts.netloc}{path}?{urlencode(query)}"


_ID_KEYS = ("id", "_id", "uuid", "recordid", "exhibitorid", "companyid", "memberid", "listingid")


def json_record_ids(data: Any, depth: int = 0) -> dict[str, str]:
    """Name -> id of every object in a JSON listing that has both, for record ids on the source.

    >>> json_record_ids({"items": [{"id": 7, "name": "Acme GmbH"}, {"name": "No Id Ltd"}]})
    {'Acme GmbH': '7'}
    """
    found: dict[str, str] = {}
    if depth > 4:
        return found
    if isinstance(data, dict):
        keys = {key.lower().replace("-", "").replace("_", ""): key for key in data}
        id_key = next((keys[k] for k in _ID_KEYS if k in keys), None)
        name = next(
            (data[key] for key in data if key.lower() in ("name", "company", "companyname",
                                                          "company_name", "title")), None
        )
        value = data.get(id_key) if id_key else None
        if isinstance(name, str) and isinstance(value, str | int) and not isinstance(value, bool):
            found[" ".join(name.split())] = str(value)
        children: Any = data.values()
    elif isinstance(data, list):
        children = data
    else:
        return found
    for child in children:
        if isinstance(child, dict | list):
            for name, value in json_record_ids(child, depth + 1).items():
                found.setdefault(name, value)
    return found


def _text_key(text: str) -> str:
    return " ".join(text.split()).casefold()


class ContentLinks:
    """Same-host links in a page's main content, outside header, menus, footer and forms.

    An index page (a directory's categories, regions or letters) shows no company but links to
    the listings that do: :attr:`urls` are the links to walk from it. Menus, footers and forms are
    left out: they lead to logins, searches, calendars and legal pages. :meth:`link_for` finds a
    record's detail link by its name when the page objects did not tie them together.
    :attr:`letter_urls` is the A-Z bar of a directory split by initial, wherever it sits.
    """

    def __init__(self, html: str, url: str):
        self.urls: list[str] = []
        self.letter_urls: list[str] = []
        self._by_text: dict[str, str] = {}
        try:
            root = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.ParserError):
            return
        body = root.find("body")
        containers = root.xpath(_MAIN) or [body if body is not None else root]
        host = urlsplit(url).hostname
        self.letter_urls = _letter_urls(body if body is not None else root, url, host)
        for container in containers:
            for anchor in container.iter("a"):
                if any(parent.tag in _CHROME for parent in anchor.iterancestors()):
                    continue
                href = (anchor.get("href") or "").strip()
                if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
                    continue
                target = urljoin(url, href).split("#", 1)[0]
                if urlsplit(target).hostname != host or target == url:
                    continue
                if target not in self.urls:
                    self.urls.append(target)
                self._by_text.setdefault(_text_key(anchor.text_content()), target)

    def link_for(self, name: str | None) -> str | None:
        """The content link whose visible text is exactly ``name`` (case and spaces aside)."""
        return self._by_text.get(_text_key(name)) if name else None


#: "A", "Ä", "0-9", "#", "A-C", "A – F": the labels of an alphabet bar.
_LETTER = re.compile(r"^(?:[^\W\d_]|0\s*[-–]\s*9|#|[^\W\d_]\s*[-–]\s*[^\W\d_])$")
#: An alphabet bar has at least this many letter links.
MIN_LETTERS = 5


def _letter_urls(root: Any, url: str, host: str | None) -> list[str]:
    found: list[str] = []
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        if not _LETTER.match(" ".join(anchor.text_content().split())):
            continue
        target = urljoin(url, href).split("#", 1)[0]
        if urlsplit(target).hostname == host and target not in found:
            found.append(target)
    return found if len(found) >= MIN_LETTERS else []


def merge_records(card: ExtractedRecord | None, detail: ExtractedRecord) -> ExtractedRecord:
    """The detail page's record completed by its listing card: detail-page fields win.

    A field the detail page leaves empty takes the card's value; its evidence says so.
    """
    if card is None:
        return detail
    update: dict[str, Any] = {}
    evidence = dict(detail.evidence)
    for field, value in card:
        if field in {"evidence", "detail_url"} or value in (None, "", [], {}):
            continue
        if getattr(detail, field) in (None, "", [], {}):
            update[field] = value
            if field in card.evidence:
                evidence[field] = f"listing card: {card.evidence[field]}"
    update["evidence"] = evidence
    update["detail_url"] = detail.detail_url or card.detail_url
    return detail.model_copy(update=update)


def main_record(
    records: list[ExtractedRecord], card: ExtractedRecord | None
) -> ExtractedRecord | None:
    """The record a detail page is about: the one named most like the card, else the first named."""
    named = [record for record in records if record.name]
    if not named:
        return records[0] if records else None
    if card is None or not card.name:
        return named[0]
    card_name = card.name
    return max(named, key=lambda record: fuzz.token_set_ratio(card_name, record.name or ""))
