"""The demo web's HTTP server: a forward proxy on 127.0.0.1 that answers for every demo host.

Clients send proxy-form requests (``GET http://host/path HTTP/1.1``) or origin-form requests with
a ``Host`` header. Unknown hosts get 502; nothing is ever forwarded off the machine. A
:class:`~leadgen.demoweb.dns.DemoDNSServer` starts and stops with it (``dns_address``) so e-mail
checks can look up MX records of demo domains.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import IO
from urllib.parse import urlsplit

from leadgen.demoweb.dns import DemoDNSServer
from leadgen.demoweb.html import Response
from leadgen.demoweb.world import DemoWorld


@dataclass(frozen=True, slots=True)
class AccessLogEntry:
    """One request the demo web answered."""

    host: str
    path: str
    """Path plus ``?query`` as requested (``;jsessionid=`` kept)."""
    status: int
    method: str
    user_agent: str
    monotonic: float
    """``time.monotonic()`` when the request arrived (for Crawl-delay gaps)."""
    wall: float
    """``time.time()`` when the request arrived."""
    proxied: bool
    """True when the request came in proxy form (absolute URI)."""

    @property
    def url(self) -> str:
        return f"http://{self.host}{self.path}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "demoweb/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # the access log replaces stderr logging

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._answer(head=False)

    def do_CONNECT(self) -> None:  # HTTPS tunnels would leave the demo web: refuse
        self._send(Response(502, b"demo web: CONNECT is not supported, use http:// URLs\n",
                            "text/plain"), self.path, "", False, head=False)

    def _answer(self, head: bool) -> None:
        arrived_mono, arrived_wall = time.monotonic(), time.time()
        target = self.path
        proxied = target.startswith(("http://", "https://"))
        if proxied:
            parts = urlsplit(target)
            host = parts.hostname or ""
            path, query = parts.path or "/", parts.query
        else:
            host = (self.headers.get("Host") or "").split(":")[0]
            path, _, query = target.partition("?")
        host = host.lower()
        world = self.server.world
        try:
            response = world.handle(host, path, query)
        except Exception as exc:  # a bug in a renderer must not kill the server thread
            response = Response(500, f"demo web error: {exc!r}\n".encode(), "text/plain")
        if response is None:
            response = Response(502, f"demo web: unknown host {host!r}\n".encode(),
                                "text/plain; charset=utf-8")
        full_path = path + (f"?{query}" if query else "")
        self.server.record(AccessLogEntry(
            host=host, path=full_path, status=response.status, method=self.command,
            user_agent=self.headers.get("User-Agent", ""), monotonic=arrived_mono,
            wall=arrived_wall, proxied=proxied,
        ))
        delay = response.delay if self.server.slow_delay is None else min(
            response.delay, self.server.slow_delay)
        if delay > 0:
            time.sleep(delay)
        self._send(response, host, full_path, proxied, head)

    def _send(self, response: Response, host: str, path: str, proxied: bool,
              head: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for key, value in response.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(response.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # crawlers open many proxy connections at once
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], world: DemoWorld, owner: DemoWebServer,
                 log_file: IO[str] | None, slow_delay: float | None) -> None:
        super().__init__(address, _Handler)
        self.world = world
        self.log = owner._log
        self.lock = owner._lock
        self.log_file = log_file
        self.slow_delay = slow_delay

    def record(self, entry: AccessLogEntry) -> None:
        with self.lock:
            self.log.append(entry)
            if self.log_file is not None:
                self.log_file.write(json.dumps(asdict(entry)) + "\n")
                self.log_file.flush()


class DemoWebServer:
    """Serve a :class:`DemoWorld` on 127.0.0.1 in a background thread.

    >>> with DemoWebServer(DemoWorld.generate(seed=1, companies=50)) as server:
    ...     proxy = server.proxy_url   # "http://127.0.0.1:PORT"
    ...     dns = server.dns_address   # "127.0.0.1:PORT" (UDP), unless dns=False
    """

    def __init__(self, world: DemoWorld, port: int = 0, host: str = "127.0.0.1", *,
                 access_log_file: str | Path | None = None,
                 slow_delay: float | None = None, dns: bool = True) -> None:
        self.world = world
        self._dns = DemoDNSServer(world, host=host) if dns else None
        self._address = (host, port)
        self._log_path = Path(access_log_file) if access_log_file else None
        self._slow_delay = slow_delay
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._log_fh: IO[str] | None = None
        self._log: list[AccessLogEntry] = []
        self._lock = threading.Lock()

    def start(self) -> DemoWebServer:
        if self._server is not None:
            return self
        if self._log_path is not None:
            self._log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log_fh = self._log_path.open("a", encoding="utf-8")
        self._server = _Server(self._address, self.world, self, self._log_fh, self._slow_delay)
        if self._dns is not None:
            try:
                self._dns.start()
            except OSError:  # no UDP port: leave nothing half-started
                self._server.server_close()
                self._server = None
                if self._log_fh is not None:
                    self._log_fh.close()
                    self._log_fh = None
                raise
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name="demoweb", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._dns is not None:
            self._dns.stop()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._log_fh is not None:
            self._log_fh.close()
            self._log_fh = None
        self._server = None

    def serve_forever(self) -> None:
        """Block until interrupted (for the CLI)."""
        self.start()
        assert self._thread is not None
        while self._thread.is_alive():
            self._thread.join(0.5)

    def __enter__(self) -> DemoWebServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("demo web server is not running; call start() first")
        return int(self._server.server_address[1])

    @property
    def proxy_url(self) -> str:
        """``http://127.0.0.1:PORT``: set it as the HTTP proxy of any client."""
        return f"http://{self._address[0]}:{self.port}"

    @property
    def dns_address(self) -> str:
        """``127.0.0.1:PORT`` of the demo DNS (UDP): ``EnrichOptions(dns_servers=[...])``."""
        if self._dns is None:
            raise RuntimeError("demo web server was created with dns=False: no DNS address")
        if self._server is None:
            raise RuntimeError("demo web server is not running; call start() first")
        return self._dns.address

    @property
    def access_log(self) -> list[AccessLogEntry]:
        """A copy of every request so far, in arrival order (kept after :meth:`stop`)."""
        with self._lock:
            return list(self._log)

    def clear_access_log(self) -> None:
        with self._lock:
            self._log.clear()
