"""Depth that counts navigation hops, not listing pages: pagination keeps its listing's depth.

With Scrapy's DepthMiddleware a directory of 40 listing pages reaches depth 40 through its "next"
links, so any useful ``DEPTH_LIMIT`` would cut it short. A request the spider marks with
``meta["leadgen_pagination"] = True`` keeps the depth of the page that linked it; endless
pagination is bounded by the page cap and :mod:`.traps` instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.spidermiddlewares.depth import DepthMiddleware

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response


class PaginationDepthMiddleware(DepthMiddleware):
    """DepthMiddleware where pagination requests do not go one level deeper."""

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if response is None or not request.meta.get("leadgen_pagination"):
            return super().get_processed_request(request, response)
        request.meta.pop("depth_reset", None)
        depth = response.meta.get("depth", 0)
        request.meta["depth"] = depth
        if self.prio:
            request.priority -= depth * self.prio
        return request
