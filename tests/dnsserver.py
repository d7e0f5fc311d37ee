"""A tiny real DNS server on 127.0.0.1 (UDP) with known answers, for offline tests.

``records`` maps a name to ``{rdtype: [rdata text]}``: a name that is absent answers NXDOMAIN, a
name present without the asked type answers NOERROR with no records (NoAnswer). Names in
``servfail`` answer SERVFAIL. Every query is logged in ``queries``.
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset


class LocalDNSServer:
    """Serve ``records`` on 127.0.0.1 on a free UDP port until closed."""

    def __init__(
        self, records: dict[str, dict[str, list[str]]], servfail: set[str] | None = None
    ) -> None:
        self.records = {_key(name): answers for name, answers in records.items()}
        self.servfail = {_key(name) for name in servfail or set()}
        self.queries: list[tuple[str, str]] = []
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.port: int = self._socket.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> LocalDNSServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and free the port."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)
        self._socket.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self._socket.recvfrom(4096)
            except (TimeoutError, OSError):
                continue
            try:
                reply = self._answer(dns.message.from_wire(data))
            except Exception:  # a malformed packet must not stop the server
                continue
            self._socket.sendto(reply.to_wire(), peer)

    def _answer(self, query: dns.message.Message) -> dns.message.Message:
        reply = dns.message.make_response(query)
        reply.flags |= dns.flags.AA
        question = query.question[0]
        name = _key(question.name.to_text())
        rdtype = dns.rdatatype.to_text(question.rdtype)
        self.queries.append((name, rdtype))
        if name in self.servfail:
            reply.set_rcode(dns.rcode.SERVFAIL)
            return reply
        if name not in self.records:
            reply.set_rcode(dns.rcode.NXDOMAIN)
            return reply
        values = self.records[name].get(rdtype, [])
        if values:
            reply.answer.append(
                dns.rrset.from_text_list(question.name, 300, dns.rdataclass.IN, rdtype, values)
            )
        return reply


def _key(name: str) -> str:
    return name.lower().rstrip(".")
