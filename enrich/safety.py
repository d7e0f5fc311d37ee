"""Refuse URLs that would make the enrichment crawl reach into private networks.

Enrichment follows URLs found on untrusted pages, so a page can point it at ``localhost``, the
office LAN or a cloud metadata service (SSRF). Every host is resolved *before* a request is made and
each address is checked; a host with any unsafe address is refused, because a resolver can answer
with a public and a private address at once.

Resolution is a :class:`HostResolver`: the system resolver by default, dnspython against chosen
name servers (tests), or :class:`ProxyHostResolver` when every request goes through one HTTP proxy
(the demo web), where the proxy's own address is what gets connected to.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from leadgen.exceptions import UnsafeURLError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Cloud metadata endpoints, named so the refusal says what was avoided.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
        ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
        ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
    }
)

ALLOW_PRIVATE_ENV = "LEADGEN_ALLOW_PRIVATE"
_HOW_TO_ALLOW = {
    False: f"(use --allow-private or {ALLOW_PRIVATE_ENV}=1 to allow)",
    True: "(cloud metadata is never fetched)",
}


def allow_private_from_env() -> bool:
    """True when ``LEADGEN_ALLOW_PRIVATE`` is set to 1/true/yes."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def unsafe_reason(address: IPAddress) -> str | None:
    """Why an address must not be fetched from (``"metadata"``, ``"private"``...), or None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return unsafe_reason(address.ipv4_mapped)
    if address in METADATA_ADDRESSES:
        return "metadata"
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("shared", isinstance(address, ipaddress.IPv4Address)
         and address in ipaddress.ip_network("100.64.0.0/10")),
    )
    for reason, hit in checks:
        if hit:
            return reason
    return None


class HostResolver(Protocol):
    """Turns a host name into the addresses a connection would go to."""

    def resolve(self, host: str) -> list[IPAddress]:
        """The addresses of ``host``; raise :class:`OSError` when it does not resolve."""
        ...


class SystemHostResolver:
    """The operating system's resolver (``getaddrinfo``): what real users' connections use."""

    def resolve(self, host: str) -> list[IPAddress]:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        return _unique(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos)


@dataclass
class DnsHostResolver:
    """Resolve A and AAAA records with a dnspython resolver (injectable name servers)."""

    resolver: object
    """A ``dns.resolver.Resolver``."""

    def resolve(self, host: str) -> list[IPAddress]:
        import dns.exception
        import dns.resolver

        found: list[IPAddress] = []
        for rdtype in ("A", "AAAA"):
            try:
                answer = self.resolver.resolve(host, rdtype)  # type: ignore[attr-defined]
            except (dns.resolver.NoAnswer, dns.resolver.NXDOMAIN):
                continue
            except dns.exception.DNSException as exc:
                raise OSError(f"DNS lookup of {host} failed: {exc.__class__.__name__}") from exc
            found.extend(ipaddress.ip_address(r.to_text()) for r in answer)
        if not found:
            raise OSError(f"{host} has no A or AAAA record")
        return _unique(found)


@dataclass
class ProxyHostResolver:
    """Every host is served through one HTTP proxy, so each 'resolves' to the proxy's address.

    Used with the demo web: its hostnames do not exist in DNS, the proxy on 127.0.0.1 serves them,
    so they count as loopback and are fetched only when private addresses are allowed.
    """

    proxy_url: str
    fallback: HostResolver = field(default_factory=SystemHostResolver)

    def resolve(self, host: str) -> list[IPAddress]:
        proxy_host = urlsplit(self.proxy_url).hostname or ""
        return _address_or_resolve(proxy_host, self.fallback)


@dataclass
class URLGuard:
    """Checks URLs before they are fetched: scheme, host resolution, address ranges."""

    resolver: HostResolver = field(default_factory=SystemHostResolver)
    allow_private: bool = False
    cache: dict[str, list[IPAddress]] = field(default_factory=dict)

    def check(self, url: str) -> list[IPAddress]:
        """The addresses ``url`` would connect to; raise :class:`UnsafeURLError` if refused."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise UnsafeURLError(f"refused {url}: only http and https URLs are fetched")
        host = (parts.hostname or "").rstrip(".").lower()
        if not host:
            raise UnsafeURLError(f"refused {url}: no host name in the URL")
        addresses = self._addresses(host, url)
        for address in addresses:
            reason = unsafe_reason(address)
            # Metadata services hand out cloud credentials: never allowed, even on a LAN.
            if reason and (reason == "metadata" or not self.allow_private):
                raise UnsafeURLError(
                    f"refused {url}: {host} resolves to {reason} address {address} "
                    f"{_HOW_TO_ALLOW[reason == 'metadata']}"
                )
        return addresses

    def is_safe(self, url: str) -> bool:
        """True when :meth:`check` passes."""
        try:
            self.check(url)
        except UnsafeURLError:
            return False
        return True

    def _addresses(self, host: str, url: str) -> list[IPAddress]:
        if host in self.cache:
            return self.cache[host]
        try:
            addresses = _address_or_resolve(host, self.resolver)
        except (OSError, UnicodeError) as exc:
            raise UnsafeURLError(f"refused {url}: cannot resolve {host} ({exc})") from exc
        self.cache[host] = addresses
        return addresses


def _address_or_resolve(host: str, resolver: HostResolver) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        return resolver.resolve(host)


def _unique(addresses: Iterable[IPAddress]) -> list[IPAddress]:
    seen: list[IPAddress] = []
    for address in addresses:
        if address not in seen:
            seen.append(address)
    return seen
