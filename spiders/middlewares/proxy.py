"""Send every request, robots.txt included, through one HTTP proxy (``LEADGEN_PROXY``).

The demo web serves realistic hostnames that exist in no DNS through a local proxy. Scrapy's own
``HttpProxyMiddleware`` uses ``meta["proxy"]``, but the robots.txt requests Scrapy builds itself
carry no meta of ours; this middleware, placed before it, sets the proxy on all of them. With an
HTTP proxy Scrapy connects to the proxy and never resolves the target hostname.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler


class ProxyMiddleware:
    """Downloader middleware setting ``meta["proxy"]`` on requests that have none."""

    def __init__(self, proxy: str):
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        proxy = crawler.settings.get("LEADGEN_PROXY")
        if not proxy:
            raise NotConfigured
        return cls(proxy)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        request.meta.setdefault("proxy", self.proxy)
