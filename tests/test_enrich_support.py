"""Helpers for the enrichment tests (no tests here): a small real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Route:
    """What one path answers."""

    body: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"


class LocalSite:
    """Serve ``routes`` (path → :class:`Route`) on 127.0.0.1; record every request's path."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.log: list[str] = []
        self.times: list[float] = []
        """``time.monotonic()`` of each request, in the order of ``log``."""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                site.log.append(self.path)
                site.times.append(time.monotonic())
                route = site.routes.get(self.path) or Route("not found", status=404)
                payload = route.body.encode("utf-8")
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
