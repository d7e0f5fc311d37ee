"""Downloader middleware: resolve each request's host and refuse private and metadata addresses.

It also keeps the crawl on each company's registered domain (``meta["enrich_domain"]``): a
redirect to another domain is refused before it is fetched.

Runs before robots.txt is fetched (so an unsafe host costs no request at all) and again for
every redirect, which Scrapy schedules as a new request. The host resolver follows the run:
``LEADGEN_PROXY`` set → every host is the proxy's address (the demo web); otherwise the system
resolver, or dnspython against ``ENRICH_DNS_SERVERS`` ("127.0.0.1:5353") in tests.

Settings: ``ENRICH_SAFETY_ENABLED`` (default True), ``ENRICH_ALLOW_PRIVATE`` (default False, or
``LEADGEN_ALLOW_PRIVATE=1``), ``ENRICH_DNS_SERVERS``.
Stats: ``enrich_safety/checked``, ``enrich_safety/refused``, ``enrich_safety/refused/<reason>``,
``enrich_safety/offsite``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from enrich.pages.site import site_domain
from enrich.safety import (
    DnsHostResolver,
    HostResolver,
    ProxyHostResolver,
    SystemHostResolver,
    URLGuard,
    allow_private_from_env,
)
from leadgen.exceptions import UnsafeURLError

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def resolver_from_settings(proxy: str | None, dns_servers: list[str]) -> HostResolver:
    """The host resolver a run's settings ask for."""
    if proxy:
        return ProxyHostResolver(proxy)
    if dns_servers:
        from enrich.checks.dns import make_resolver

        host, _, port = dns_servers[0].partition(":")
        return DnsHostResolver(make_resolver([host], port=int(port or 53), timeout=2.0))
    return SystemHostResolver()


class SafetyMiddleware:
    """Refuse requests whose host resolves to a loopback, private or metadata address."""

    def __init__(self, crawler: Crawler, guard: URLGuard) -> None:
        self.crawler = crawler
        self.guard = guard

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("ENRICH_SAFETY_ENABLED", True):
            raise NotConfigured
        resolver = resolver_from_settings(
            settings.get("LEADGEN_PROXY"), settings.getlist("ENRICH_DNS_SERVERS")
        )
        allow = settings.getbool("ENRICH_ALLOW_PRIVATE") or allow_private_from_env()
        return cls(crawler, URLGuard(resolver, allow_private=allow))

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("enrich_safety/checked")
        host = (urlsplit(request.url).hostname or "").lower()
        try:
            if host in self.guard.cache or request.meta.get("proxy"):
                self.guard.check(request.url)
            else:  # a DNS look-up may take a while: keep it off the reactor thread
                await maybe_deferred_to_future(deferToThread(self.guard.check, request.url))
        except UnsafeURLError as exc:
            reason = "unresolvable" if "cannot resolve" in str(exc) else "private"
            stats.inc_value("enrich_safety/refused")
            stats.inc_value(f"enrich_safety/refused/{reason}")
            request.meta["enrich_unsafe"] = str(exc)
            logger.warning("%s", exc)
            raise IgnoreRequest(str(exc)) from exc
        domain = request.meta.get("enrich_domain")
        if domain and site_domain(request.url) != domain:
            # A redirect would take us off the company's own domain: record it, never fetch it.
            stats.inc_value("enrich_safety/offsite")
            request.meta["enrich_offsite"] = request.url
            raise IgnoreRequest(f"offsite: {request.url} is not on {domain}")
