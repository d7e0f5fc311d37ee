"""The demo web's DNS: a small UDP name server on 127.0.0.1 that answers from a demo world.

The enrichment's e-mail checks ask DNS for MX records; behind the demo web's HTTP proxy there was
no DNS, so every demo e-mail came out ``unknown``. :class:`DemoDNSServer` answers:

- directory hosts: ``A 127.0.0.1``;
- each company domain (and the agencies' and free-mail domains used in e-mails): ``A 127.0.0.1``
  for ``<domain>``, ``www.<domain>`` and ``mail.<domain>``, and ``MX 10 mail.<domain>``;
- a seeded few company domains (:func:`no_mx_domains`, ``truth["dns"]["no_mx"]``) have no MX, only
  A records, so their e-mails are ``risky`` (``no_mx_a_fallback``) under the enrichment's rules;
- every other name: NXDOMAIN; a known name asked for another type: NOERROR without records.

Answers are computed per query from the world's domain set, so a 100k-company world costs no
zone building.
"""

from __future__ import annotations

import hashlib
import socket
import threading
from types import TracebackType
from typing import TYPE_CHECKING

import dns.flags
import dns.message
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset

from leadgen.demoweb.hosts import AGENCIES, SOURCE_HOSTS
from leadgen.demoweb.pools import FREE_MAIL

if TYPE_CHECKING:
    from leadgen.demoweb.world import DemoWorld

#: Share of company domains (in percent) planted without an MX record.
NO_MX_PERCENT = 8
ADDRESS = "127.0.0.1"
TTL = 300


def _planted_no_mx(seed: int, domain: str) -> bool:
    # A hash, not the world's random stream: a domain's fate does not depend on world size.
    digest = hashlib.blake2b(f"{seed}/dns/{domain}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % 100 < NO_MX_PERCENT


def no_mx_domains(world: DemoWorld) -> list[str]:
    """Company domains that answer A but no MX (sorted): their e-mails are risky."""
    return sorted(c.domain for c in world.cores
                  if c.domain and _planted_no_mx(world.seed, c.domain.lower()))


def free_mail_domains() -> list[str]:
    """Free-mail domains the demo companies use; they get MX records."""
    return sorted({d for domains in FREE_MAIL.values() for d in domains})


def dns_truth(world: DemoWorld) -> dict[str, list[str]]:
    """The truth's ``dns`` section."""
    return {"no_mx": no_mx_domains(world), "free_mail": free_mail_domains()}


class DemoZone:
    """What the demo DNS knows: ``lookup(name, rdtype)`` gives rdata texts or None (NXDOMAIN)."""

    def __init__(self, world: DemoWorld) -> None:
        self.seed = world.seed
        self.hosts = {h.lower() for h in SOURCE_HOSTS.values()}
        self.mail_domains = {c.domain.lower() for c in world.cores if c.domain}
        self.mail_domains |= {agency[1] for agency in AGENCIES}
        self.mail_domains |= set(free_mail_domains())
        self.no_mx = {d.lower() for d in no_mx_domains(world)}

    def lookup(self, name: str, rdtype: str) -> list[str] | None:
        name = name.lower().rstrip(".")
        if name in self.hosts:
            return [ADDRESS] if rdtype == "A" else []
        if name in self.mail_domains:
            if rdtype == "A":
                return [ADDRESS]
            if rdtype == "MX" and name not in self.no_mx:
                return [f"10 mail.{name}."]
            return []
        label, _, parent = name.partition(".")
        if parent in self.mail_domains and (
            label == "www" or (label == "mail" and parent not in self.no_mx)
        ):
            return [ADDRESS] if rdtype == "A" else []
        return None


class DemoDNSServer:
    """Answer :class:`DemoZone` queries over UDP on 127.0.0.1 in a background thread."""

    def __init__(self, world: DemoWorld, port: int = 0, host: str = ADDRESS) -> None:
        self.zone = DemoZone(world)
        self._address = (host, port)
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self) -> DemoDNSServer:
        if self._socket is not None:
            return self
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(self._address)
        sock.settimeout(0.2)  # wake up to notice stop()
        self._socket = sock
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, args=(sock,), name="demoweb-dns",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._socket is None:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self._socket.close()
        self._socket = None

    def __enter__(self) -> DemoDNSServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def address(self) -> str:
        """``127.0.0.1:PORT``, the form of ``EnrichOptions.dns_servers``."""
        if self._socket is None:
            raise RuntimeError("demo DNS server is not running; call start() first")
        host, port = self._socket.getsockname()[:2]
        return f"{host}:{port}"

    def _serve(self, sock: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                data, peer = sock.recvfrom(4096)
            except (TimeoutError, OSError):
                continue
            try:
                reply = self.answer(dns.message.from_wire(data))
                sock.sendto(reply.to_wire(), peer)
            except Exception:  # noqa: BLE001 - a malformed packet must not stop the server
                continue

    def answer(self, query: dns.message.Message) -> dns.message.Message:
        """The reply to one query (authoritative; NXDOMAIN for unknown names)."""
        reply = dns.message.make_response(query)
        reply.flags |= dns.flags.AA
        if not query.question:
            reply.set_rcode(dns.rcode.FORMERR)
            return reply
        question = query.question[0]
        rdtype = dns.rdatatype.to_text(question.rdtype)
        values = self.zone.lookup(question.name.to_text(), rdtype)
        if values is None:
            reply.set_rcode(dns.rcode.NXDOMAIN)
        elif values:
            reply.answer.append(dns.rrset.from_text_list(
                question.name, TTL, dns.rdataclass.IN, rdtype, values))
        return reply
