"""The generic directory spider: listing pages -> pagination -> detail pages -> leads.

It only navigates. Page objects in :mod:`spiders.pages` (no Scrapy there) find the records, the
detail links and the pagination; this spider follows them within the source's domains and caps,
merges each listing card with its detail page (detail-page fields win) and yields
:class:`leadgen.items.Lead` items, which Scrapy handles as items through itemadapter's pydantic
support. The record id on the source is the canonical detail-page URL, or the id a JSON API gives.

A page that cannot be decoded or parsed logs one line naming the URL and the problem, is counted
in ``leadgen/malformed_page``, and the crawl goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from leadgen.items import Lead
from leadgen.profile import SourceConfig
from spiders.middlewares.canonicalize import canonical_url
from spiders.navigation import (
    ContentLinks,
    json_next_urls,
    json_record_ids,
    listing_key,
    main_record,
    merge_records,
)
from spiders.pages import (
    ExtractedRecord,
    ListingPage,
    SourceHints,
    decode_html,
    extract_json_records,
)

logger = logging.getLogger(__name__)

#: Scheduler priority of detail pages over listing pages (higher is fetched first).
DETAIL_PRIORITY = 10
#: Detail requests take their redirects here (see ``_detail_redirect``), not in Scrapy's
#: middleware, which drops one that leaves the allowed domains without calling the errback.
_REDIRECTS_HERE = {"handle_httpstatus_list": [301, 302, 303, 307, 308]}
MAX_DETAIL_REDIRECTS = 5
_NOT_PAGES = (b"image/", b"audio/", b"video/", b"font/", b"application/pdf", b"application/zip")


class DirectorySpider(scrapy.Spider):
    """Crawl one source (a :class:`~leadgen.profile.SourceConfig`) and yield its leads."""

    name = "directory"

    def __init__(self, source: SourceConfig | dict[str, Any] | str, **kwargs: Any):
        if isinstance(source, str):  # ``scrapy crawl directory -a source='{...}'``
            source = json.loads(source)
        self.source = SourceConfig.model_validate(source)
        super().__init__(**kwargs)
        domains = self.source.allowed_domains or [
            _hostname(url) or "" for url in self.source.start_urls
        ]
        self.allowed_domains = sorted({domain.lower() for domain in domains if domain})
        self.hints = SourceHints.model_validate(self.source.hints.model_dump())
        #: Per listing (see :func:`listing_key`), the records its pages showed (canonical detail
        #: URL, else name): a "next" page showing nothing new ends that listing, or is a trap.
        self._seen_records: dict[str, set[str]] = {}

    async def start(self) -> AsyncIterator[Any]:
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.listing_failed)

    # --- callbacks --------------------------------------------------------------------------

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """A listing page (HTML or JSON): its records, detail pages and next pages."""
        self._count("pages/listing")
        if _is_json(response):
            yield from self._json_listing(response)
            return
        html = self._decode(response)
        if html is None:
            return
        page = self._listing_page(response, html)
        if page is not None:
            yield from self._listing(response, page, html)

    def parse_detail(
        self, response: Response, card: ExtractedRecord | None = None, listing_url: str = ""
    ) -> Iterator[Any]:
        """A company's own page, completing the listing card it was linked from.

        A page reached as a detail link that shows several records (a category page of a
        yellow-pages site, say) is a listing, and is walked as one.
        """
        if response.status in _REDIRECTS_HERE["handle_httpstatus_list"]:
            yield from self._detail_redirect(response, card, listing_url)
            return
        html = self._decode(response)
        if html is None:
            if card is not None:
                page_url = listing_url or response.url
                yield from self._lead(card, page_url, canonical_url(response.url))
            return
        # One page object reads the page either way (its records are ``extract_records``'); a
        # detail page is the directory's page about a company it lists.
        page = self._listing_page(response, html, detail=True)
        if card is None and page is not None and len(page.records) >= 2:
            self._count("pages/listing")
            yield from self._listing(response, page, html)
            return
        self._count("pages/detail")
        record = main_record(page.records if page is not None else [], card)
        merged = merge_records(card, record) if record is not None else card
        if merged is not None:
            # On its own page, a record's detail URL is that page (not a print or map link).
            here = canonical_url(response.url)
            merged = merged.model_copy(update={"detail_url": here})
            yield from self._lead(merged, response.url, here)

    def listing_failed(self, failure: Failure) -> None:
        """A listing page that failed: one line naming the URL and why; the crawl goes on."""
        request = failure.request  # type: ignore[attr-defined]
        self._count("listing_failed")
        logger.warning("listing page %s failed: %s", request.url, _why(failure))

    def detail_failed(self, failure: Failure) -> Iterator[Any]:
        """A detail page that failed (500, timeout, robots, off-site): keep its listing card."""
        request = failure.request  # type: ignore[attr-defined]
        self._count("detail_failed")
        card = request.cb_kwargs.get("card")
        if card is not None:
            listing_url = request.cb_kwargs.get("listing_url") or request.url
            yield from self._lead(card, listing_url, canonical_url(request.url))

    def _detail_redirect(self, response: Response, card: ExtractedRecord | None,
                         listing_url: str) -> Iterator[Any]:
        """A detail link that redirects: followed on the site; off the site (a tracking host,
        a directory that moved) never fetched, and the listing card kept, with one line
        saying so (the redirect was dropped without a word, and the card with it)."""
        location = (response.headers.get("Location") or b"").decode("latin-1").strip()
        target = response.urljoin(location) if location else ""
        hops = response.meta.get("leadgen_redirects", 0)
        if target and self._on_site(target) and hops < MAX_DETAIL_REDIRECTS:
            yield response.follow(
                target, self.parse_detail, cb_kwargs={"card": card, "listing_url": listing_url},
                errback=self.detail_failed, priority=DETAIL_PRIORITY, dont_filter=True,
                meta={**_REDIRECTS_HERE, "leadgen_redirects": hops + 1})
            return
        self._count("detail_redirected_offsite" if target else "detail_failed")
        logger.warning("detail page %s redirects to %s, off the allowed domains (or too many "
                       "redirects): not fetched; the listing card is kept", response.url,
                       target or "nowhere")
        if card is not None:
            yield from self._lead(card, listing_url or response.url, canonical_url(response.url))

    # --- helpers ----------------------------------------------------------------------------

    def _listing_page(self, response: Response, html: str, *, detail: bool = False,
                      ) -> ListingPage | None:
        try:
            page = ListingPage(
                html, response.url, hints=self.hints, region_hint=self.source.region,
                directory_page=detail,
            )
            # Touch the lazy parts here, so a failure is caught and reported here.
            page.records, page.detail_urls, page.next_page_urls, page.load_more_urls  # noqa: B018
        except Exception as exc:  # a page object failing on one page must not stop the crawl
            self._malformed(response, exc)
            return None
        return page

    def _listing(self, response: Response, page: ListingPage, html: str) -> Iterator[Any]:
        records = page.records
        next_urls = [*page.next_page_urls, *page.load_more_urls]
        links = ContentLinks(html, response.url)
        if any(not record.detail_url for record in records):
            # Tie cards to their detail pages by the link that carries the card's name.
            records = [
                record.model_copy(update={"detail_url": url})
                if not record.detail_url and (url := links.link_for(record.name))
                else record
                for record in records
            ]
        yield from self._records(response, records, page.detail_urls)
        yield from self._next_pages(response, records, next_urls)
        # A directory split by initial: every letter is a listing of its own, at this depth.
        for url in links.letter_urls:
            yield response.follow(
                url, self.parse_listing, errback=self.listing_failed,
                meta={"leadgen_pagination": True},
            )
        paginated = response.meta.get("leadgen_pagination")
        if not records and not next_urls and not links.letter_urls and not paginated:
            # An index page (categories, regions, letters): its content links lead to listings.
            self._count("pages/index")
            for url in links.urls:
                yield response.follow(url, self.parse_listing, errback=self.listing_failed)

    def _records(
        self, response: Response, records: list[ExtractedRecord], detail_urls: list[str]
    ) -> Iterator[Any]:
        follow = self.source.follow_details
        claimed: set[str] = set()
        for record in records:
            detail_url = response.urljoin(record.detail_url) if record.detail_url else None
            if detail_url and not self._on_site(detail_url):
                # Off-site detail pages are never fetched; the card is all we get.
                self._count("detail_offsite")
                yield from self._lead(record, response.url, canonical_url(detail_url))
            elif follow and detail_url:
                claimed.add(canonical_url(detail_url))
                # Details before further listing pages: the queue of cards waiting for their
                # detail page stays one listing page long, however large the directory.
                yield response.follow(
                    detail_url,
                    self.parse_detail,
                    cb_kwargs={"card": record, "listing_url": response.url},
                    errback=self.detail_failed,
                    priority=DETAIL_PRIORITY,
                    meta=_REDIRECTS_HERE,
                )
            else:
                yield from self._lead(record, response.url, _json_id(record))
        if follow:
            for url in detail_urls:
                if canonical_url(response.urljoin(url)) not in claimed:
                    yield response.follow(url, self.parse_detail, priority=DETAIL_PRIORITY)

    def _json_listing(self, response: Response) -> Iterator[Any]:
        try:
            data = json.loads(response.body)
            records = extract_json_records(data, response.url)
        except Exception as exc:  # a page object failing on one page must not stop the crawl
            self._malformed(response, exc)
            return
        ids = json_record_ids(data)
        records = [
            record.model_copy(update={"extra": {**record.extra, "id": ids[record.name]}})
            if record.name in ids and "id" not in record.extra
            else record
            for record in records
        ]
        yield from self._records(response, records, [])
        yield from self._next_pages(response, records, json_next_urls(data, response.url))

    def _next_pages(
        self, response: Response, records: list[ExtractedRecord], next_urls: list[str]
    ) -> Iterator[scrapy.Request]:
        """Follow pagination, unless this page was itself a next page that showed nothing new."""
        keys = {
            canonical_url(response.urljoin(r.detail_url)) if r.detail_url else f"name:{r.name}"
            for r in records
        }
        # A next page belongs to the listing that linked it, whatever its URL says (a token
        # that changes on every page made each one a listing of its own: never "nothing new")
        listing = response.meta.get("leadgen_listing") or listing_key(response.url)
        seen = self._seen_records.setdefault(listing, set())
        fresh = keys - seen
        seen |= keys
        if response.meta.get("leadgen_pagination") and not fresh:
            if next_urls:
                self._count("pagination_stopped")
            return
        for url in next_urls:
            yield response.follow(
                url, self.parse_listing, errback=self.listing_failed,
                meta={"leadgen_pagination": True, "leadgen_listing": listing},
            )

    def _lead(
        self, record: ExtractedRecord, page_url: str, record_id: str | None
    ) -> Iterator[Lead]:
        if not record.name:
            self._count("dropped/no_name")
            return
        if record.detail_url:
            # Session ids in a card's link must not reach the stored record: a re-crawl would
            # hash differently and store the same record again.
            record = record.model_copy(update={"detail_url": canonical_url(record.detail_url)})
        try:
            lead = record.to_lead(
                self.source.id, page_url, record_id=record_id, country_hint=self.source.region
            )
        except Exception as exc:  # an invalid record is dropped and counted, never fatal
            self._count(f"dropped/invalid/{type(exc).__name__}")
            logger.warning("dropped a record on %s: %s", page_url, str(exc).splitlines()[0])
            return
        self._count("leads")
        yield lead

    def _decode(self, response: Response) -> str | None:
        content_type = response.headers.get(b"Content-Type") or b""
        if content_type.lower().startswith(_NOT_PAGES):
            self._count("skipped/not_html")
            return None
        declared = _charset(content_type)
        try:
            return decode_html(response.body, declared)
        except Exception as exc:
            self._malformed(response, exc)
            return None

    def _malformed(self, response: Response, exc: Exception) -> None:
        message = str(exc).splitlines()[0] if str(exc) else ""
        logger.warning("malformed page %s: %s: %s", response.url, type(exc).__name__, message)
        self._count("malformed_page")

    def _on_site(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"leadgen/{key}")


def _hostname(url: str) -> str | None:
    return urlsplit(url).hostname


def _why(failure: Failure) -> str:
    """One line saying why a request failed: the HTTP status, or the error."""
    response = getattr(failure.value, "response", None)
    if isinstance(response, Response):
        return f"HTTP {response.status}"
    message = failure.getErrorMessage().splitlines()
    name = failure.type.__name__ if failure.type else "error"
    return f"{name}: {message[0]}" if message else name


def _charset(content_type: bytes) -> str | None:
    for part in content_type.decode("latin-1").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _is_json(response: Response) -> bool:
    content_type = (response.headers.get(b"Content-Type") or b"").lower()
    if b"json" in content_type:
        return True
    return response.body.lstrip()[:1] in (b"{", b"[") and b"html" not in content_type


def _json_id(record: ExtractedRecord) -> str | None:
    value = record.extra.get("id") if record.extra else None
    return str(value) if value is not None else None
