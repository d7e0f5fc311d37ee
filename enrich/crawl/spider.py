"""The enrichment spider: each company's home page, then its contact/imprint/about/team pages.

It only navigates: :class:`enrich.pages.CompanySitePage` extracts. Per site it fetches at most
``max_pages`` pages, never leaves the company's registered domain (social profiles are recorded
from the links, never fetched), and when the last request of a site has answered it yields one
``SiteResult`` dict for :class:`enrich.crawl.pipeline.StoreSitePipeline`.

Stats: ``enrich/sites``, ``enrich/sites_done``, ``enrich/pages``, ``enrich/links_offsite``,
``enrich/failures/<kind>``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from enrich.checks.website import classify_website
from enrich.pages import CompanySitePage, site_domain
from enrich.pages.links import FactLink, canonical_page_url

logger = logging.getLogger(__name__)

#: Let 4xx/5xx home pages reach the callback: the website check needs them.
_ERROR_CODES = list(range(400, 600))
#: Links from pages deeper than this are not followed (home = 0; a contact page may link the
#: imprint, a language root the contact page).
_MAX_LINK_DEPTH = 2
#: A home page that is only a language or splash page links its real home: "/de/", "/en-us/".
_LANGUAGE_ROOT = re.compile(r"^/(?:[a-z]{2}(?:[-_][a-z]{2})?|home|start|index\.\w+)/?$", re.I)


@dataclass
class SiteState:
    """One company's website while it is being crawled."""

    company_id: int
    start_url: str
    region: str | None
    max_pages: int
    domain: str = ""
    scheduled: set[str] = field(default_factory=set)
    outstanding: int = 0
    pages: list[dict[str, Any]] = field(default_factory=list)
    website_check: dict[str, Any] | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    done: bool = False
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def result(self) -> dict[str, Any]:
        """The ``SiteResult`` item: what the pipeline stores."""
        return {
            "kind": "site_result",
            "company_id": self.company_id,
            "start_url": self.start_url,
            "domain": self.domain,
            "region": self.region,
            "fetched_at": self.started_at,
            "pages": self.pages,
            "website_check": self.website_check,
            "errors": self.errors,
            "requested": sorted(self.scheduled),
        }


class SiteEnrichSpider(scrapy.Spider):
    """Visit company websites; ``targets`` are dicts with company_id, website, region."""

    name = "enrich_sites"

    def __init__(self, targets: list[dict[str, Any]] | None = None, max_pages: int = 8,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.targets = targets or []
        self.max_pages = max(1, int(max_pages))
        self.sites: dict[int, SiteState] = {}

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for target in self.targets:
            state = SiteState(
                company_id=int(target["company_id"]), start_url=target["website"],
                region=target.get("region"), max_pages=self.max_pages,
                domain=site_domain(target["website"]),
            )
            self.sites[state.company_id] = state
            self._inc("enrich/sites")
            request = self._request(state, state.start_url, "home", 0)
            if request is not None:
                yield request

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def _request(self, state: SiteState, url: str, kind: str, depth: int) -> scrapy.Request | None:
        key = canonical_page_url(url)
        if key in state.scheduled or len(state.scheduled) >= state.max_pages:
            return None
        state.scheduled.add(key)
        state.outstanding += 1
        meta: dict[str, Any] = {"company_id": state.company_id, "page_kind": kind,
                                "link_depth": depth, "enrich_domain": state.domain}
        if kind == "home":
            meta["handle_httpstatus_list"] = _ERROR_CODES
        # dont_filter: sites are deduplicated per company here (two companies may share a URL).
        # Deeper pages first: a site in progress finishes before new home pages start, which
        # keeps the sites held in memory few on runs over many companies.
        return scrapy.Request(url, callback=self.parse_page, errback=self.page_failed, meta=meta,
                              dont_filter=True, priority=depth)

    def parse_page(self, response: Response) -> Iterator[Any]:
        state = self.sites[response.meta["company_id"]]
        state.outstanding -= 1
        kind = response.meta["page_kind"]
        text = response.text if isinstance(response, TextResponse) else ""
        if kind == "home":
            redirects = [str(u) for u in response.meta.get("redirect_urls", [])]
            state.website_check = classify_website(
                state.start_url, response.url, response.status, text, redirects
            ).as_dict()
        if isinstance(response, TextResponse) and response.status < 400 and text:
            self._inc("enrich/pages")
            try:
                page = CompanySitePage(response.body, response.url, region_hint=state.region)
                facts = page.facts().as_dict()
            except Exception as exc:  # noqa: BLE001 - one odd page must not lose its site
                self._inc("enrich/extraction_errors")
                logger.warning("cannot extract %s: %s: %s", response.url,
                               exc.__class__.__name__, exc)
                state.errors.append({"url": response.url, "error": "extraction",
                                     "message": f"{exc.__class__.__name__}: {exc}"[:300]})
            else:
                facts["page_kind"] = kind
                state.pages.append(facts)
                if response.meta["link_depth"] < _MAX_LINK_DEPTH:
                    yield from self._follow(state, page, response)
        yield from self._finish_if_done(state)

    def _follow(self, state: SiteState, page: CompanySitePage,
                response: Response) -> Iterator[scrapy.Request]:
        allowed = {state.domain}
        links = []
        for link in page.fact_links(base_url=response.url):
            if site_domain(link.url) in allowed:
                links.append(link)
            else:
                self._inc("enrich/links_offsite")
        # The best link of each kind first (contact, about, team...), then the rest by score.
        firsts: list[FactLink] = []
        rest: list[FactLink] = []
        kinds: set[str] = set()
        for link in links:
            (rest if link.kind in kinds else firsts).append(link)
            kinds.add(link.kind)
        depth = response.meta["link_depth"] + 1
        for link in firsts + rest:
            request = self._request(state, link.url, link.kind, depth)
            if request is not None:
                yield request
        if not links and response.meta["page_kind"] == "home":
            yield from self._language_roots(state, page, response, allowed)

    def _language_roots(self, state: SiteState, page: CompanySitePage, response: Response,
                        allowed: set[str]) -> Iterator[scrapy.Request]:
        """A splash home with no contact links: follow up to two language roots as homes."""
        followed = 0
        for href in page.root.xpath("//a/@href"):
            url = canonical_page_url(response.urljoin(str(href)))
            path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
            if followed < 2 and site_domain(url) in allowed and _LANGUAGE_ROOT.match("/" + path):
                request = self._request(state, url, "home_language", 0)
                if request is not None:
                    followed += 1
                    yield request

    def page_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        state = self.sites[request.meta["company_id"]]
        state.outstanding -= 1
        kind, status, reason = _failure_kind(failure, request)
        self._inc(f"enrich/failures/{kind}")
        state.errors.append({"url": request.url, "error": kind,
                             "message": str(failure.value)[:300]})
        if request.meta["page_kind"] == "home" and state.website_check is None:
            details = {"error": str(failure.value)[:300],
                       "redirects": [str(u) for u in request.meta.get("redirect_urls", [])]}
            if request.meta.get("enrich_offsite"):
                details["final_url"] = request.meta["enrich_offsite"]
                details["final_domain"] = site_domain(request.meta["enrich_offsite"])
            state.website_check = {"status": status, "reason": reason, "details": details}
        yield from self._finish_if_done(state)

    def _finish_if_done(self, state: SiteState) -> Iterator[dict[str, Any]]:
        if state.outstanding <= 0 and not state.done:
            state.done = True
            self._inc("enrich/sites_done")
            yield state.result()

    def unfinished(self) -> list[SiteState]:
        """Sites whose requests did not all answer (the crawl was stopped)."""
        return [s for s in self.sites.values() if not s.done]


def _failure_kind(failure: Failure, request: scrapy.Request) -> tuple[str, str, str]:
    """(stat key, website status, website reason) of a failed request."""
    from scrapy.exceptions import IgnoreRequest
    from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TimeoutError

    message = str(failure.value)
    if failure.check(IgnoreRequest):
        if request.meta.get("enrich_offsite"):
            return "offsite", "risky", "redirects_offsite"
        if request.meta.get("enrich_unsafe"):
            if "cannot resolve" in request.meta["enrich_unsafe"]:
                return "no_domain", "invalid", "no_domain"
            return "unsafe", "invalid", "unsafe"
        if "robots.txt" in message:
            return "robots", "unknown", "robots_disallowed"
        return "ignored", "unknown", "not_fetched"
    if "download max size" in message or "maxsize" in message.lower():
        return "too_large", "unknown", "too_large"
    if failure.check(DNSLookupError):
        return "no_domain", "invalid", "no_domain"
    if failure.check(TimeoutError, ConnectionRefusedError):
        return "no_answer", "unknown", "no_answer"
    return "error", "unknown", "no_answer"
