"""``ListingPage``: a directory page object — its records, detail links and next pages."""

from __future__ import annotations

from functools import cached_property

from spiders.pages.extract import PageContext, extract_page
from spiders.pages.models import ExtractedRecord, SourceHints
from spiders.pages.pagination import load_more_urls, next_page_urls
from spiders.pages.selectors import select
from spiders.pages.urls import absolute, base_url


class ListingPage:
    """A listing or directory page (or any page: a company page has one record, no pages)."""

    def __init__(
        self,
        html: str | bytes,
        url: str,
        hints: SourceHints | None = None,
        region_hint: str | None = None,
        *,
        directory_page: bool = False,
    ) -> None:
        self.url = url
        self.hints = hints
        self.context = PageContext(html, url, region_hint, directory_page=directory_page)

    @cached_property
    def records(self) -> list[ExtractedRecord]:
        """Every company on the page."""
        return extract_page(self.context, self.hints)

    @cached_property
    def detail_urls(self) -> list[str]:
        """Links to the companies' own detail pages, in page order."""
        urls: list[str] = []
        if self.hints and self.hints.detail_link and not self.hints.record:
            base = base_url(self.context.root, self.url)
            for a in select(self.context.root, self.hints.detail_link):
                resolved = absolute(base, a.get("href"))
                if resolved:
                    urls.append(resolved)
        urls += [r.detail_url for r in self.records if r.detail_url]
        return list(dict.fromkeys(u for u in urls if u != self.url))

    @cached_property
    def next_page_urls(self) -> list[str]:
        """Links to the following page(s) of the listing, most certain first."""
        if self.hints and self.hints.next_page:
            base = base_url(self.context.root, self.url)
            urls = [
                absolute(base, el.get("href") or el.get("data-url"))
                for el in select(self.context.root, self.hints.next_page)
            ]
            return list(dict.fromkeys(u for u in urls if u and u != self.url))
        return next_page_urls(self.context.root, self.url)

    @cached_property
    def load_more_urls(self) -> list[str]:
        """"Load more" endpoints (often JSON) found in ``data-*`` attributes."""
        return load_more_urls(self.context.root, self.url)
