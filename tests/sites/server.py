"""A threaded HTTP server on 127.0.0.1 that records every request it receives.

``SiteServer(routes)`` serves ``routes(path, query) -> Page``; ``access_log`` lists every request
as :class:`Hit` with its arrival time (``time.monotonic()``), ``Host`` header, path and status.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Page:
    """One response."""

    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it."""

    at: float
    host: str
    path: str
    status: int
    user_agent: str


Routes = Callable[[str, dict[str, list[str]]], Page]


class SiteServer:
    """Serve ``routes`` on 127.0.0.1 (a free port) in a background thread; a context manager."""

    def __init__(self, routes: Routes):
        self.routes = routes
        self.access_log: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                arrived = time.monotonic()
                parts = urlsplit(self.path)
                try:
                    page = server.routes(parts.path, parse_qs(parts.query))
                except Exception as exc:  # a bug in a route must show up as a 500, not a hang
                    page = Page(f"route error: {exc}".encode(), status=500)
                with server._lock:
                    server.access_log.append(
                        Hit(
                            arrived,
                            self.headers.get("Host", ""),
                            self.path,
                            page.status,
                            self.headers.get("User-Agent", ""),
                        )
                    )
                if page.delay:
                    time.sleep(page.delay)
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                for key, value in page.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(page.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def hits(self, prefix: str = "/") -> list[Hit]:
        """Requests whose path starts with ``prefix``."""
        with self._lock:
            return [hit for hit in self.access_log if hit.path.startswith(prefix)]
