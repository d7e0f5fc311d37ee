"""A request fingerprinter that ignores session ids, so URL variants of one page are one page.

The spider's requests are already canonical (:mod:`.canonicalize`); this also covers requests that
never pass the spider middlewares, such as a redirect to ``/page;jsessionid=...``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.utils.request import RequestFingerprinter

from spiders.middlewares.canonicalize import canonical_url

if TYPE_CHECKING:
    from scrapy import Request


class CanonicalRequestFingerprinter(RequestFingerprinter):
    """Scrapy's fingerprint of the request with its URL passed through :func:`canonical_url`."""

    def fingerprint(self, request: Request) -> bytes:
        url = canonical_url(request.url)
        if url != request.url:
            request = request.replace(url=url)
        return super().fingerprint(request)
