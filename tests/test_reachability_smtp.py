"""The optional SMTP probe against a tiny real SMTP server on 127.0.0.1 (never on by default)."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator

import pytest

from enrich.checks import check_email, make_resolver
from enrich.checks.smtp import smtp_probe
from tests.dnsserver import LocalDNSServer


class _SMTPHandler(socketserver.StreamRequestHandler):
    accept_all = False
    mailboxes = {"anna@probe-test.de"}

    def _say(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self) -> None:
        self._say("220 localhost ESMTP test")
        for raw in self.rfile:
            command = raw.decode().strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self._say("250 localhost")
            elif verb == "MAIL":
                self._say("250 OK")
            elif verb == "RCPT":
                address = command.split(":", 1)[1].strip(" <>").lower()
                ok = self.accept_all or address in self.mailboxes
                self._say("250 OK" if ok else "550 no such user")
            elif verb in ("RSET", "NOOP"):
                self._say("250 OK")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("502 not implemented")


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, type[_SMTPHandler]]]:
    handler = type("Handler", (_SMTPHandler,), {})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], handler
    server.shutdown()
    server.server_close()


def test_probe_accepts_rejects_and_detects_accept_all(smtp_server) -> None:  # noqa: ANN001
    port, handler = smtp_server
    probe = smtp_probe(allow_private=True, port=port, timeout=3)
    assert probe("anna@probe-test.de", ["127.0.0.1"])[0] == "accepted"
    assert probe("nobody@probe-test.de", ["127.0.0.1"])[0] == "rejected"
    handler.accept_all = True
    assert probe("nobody@probe-test.de", ["127.0.0.1"])[0] == "accept_all"


def test_probe_refuses_private_mail_hosts_unless_allowed(smtp_server) -> None:  # noqa: ANN001
    port, _ = smtp_server
    verdict, detail = smtp_probe(port=port, timeout=3)("anna@probe-test.de", ["127.0.0.1"])
    assert verdict == "unknown" and "loopback" in detail


def test_check_email_with_probe(smtp_server) -> None:  # noqa: ANN001
    port, _ = smtp_server
    records = {"probe-test.de": {"MX": ["10 127.0.0.1."]}}
    with LocalDNSServer(records) as dns_server:
        resolver = make_resolver(["127.0.0.1"], port=dns_server.port, timeout=1)
        probe = smtp_probe(allow_private=True, port=port, timeout=3)
        good = check_email("anna@probe-test.de", resolver, smtp_probe=probe)
        bad = check_email("nobody@probe-test.de", resolver, smtp_probe=probe)
    assert (good.status, good.reason) == ("valid", "smtp_accepted")
    assert (bad.status, bad.reason) == ("invalid", "smtp_rejected")
