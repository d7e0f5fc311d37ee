"""DNS look-ups for the reachability checks, through an injectable dnspython resolver."""

from __future__ import annotations

from dataclasses import dataclass, field

import dns.exception
import dns.resolver


def make_resolver(
    nameservers: list[str] | None = None, port: int = 53, timeout: float = 3.0
) -> dns.resolver.Resolver:
    """A dnspython resolver: the system's (``/etc/resolv.conf``) unless name servers are given.

    Tests pass ``nameservers=["127.0.0.1"], port=N`` to use a local DNS server with known answers.
    """
    if nameservers:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = list(nameservers)
        resolver.port = port
    else:
        resolver = dns.resolver.Resolver(configure=True)
    resolver.timeout = timeout
    resolver.lifetime = timeout * 2
    return resolver


@dataclass
class DomainMail:
    """What DNS says about a domain's mail: does it exist, where does its mail go."""

    domain: str
    exists: bool | None = None
    """False on NXDOMAIN, None when DNS did not answer."""
    mx: list[str] = field(default_factory=list)
    """MX hosts, most preferred first."""
    null_mx: bool = False
    """RFC 7505 null MX (``MX 0 .``): the domain says it accepts no mail."""
    has_address: bool = False
    """The domain has an A or AAAA record (the implicit MX of RFC 5321)."""
    error: str | None = None
    """Why DNS did not answer (timeout, SERVFAIL)."""


def lookup_mail(domain: str, resolver: dns.resolver.Resolver) -> DomainMail:
    """Look up MX (and, without MX, A/AAAA) records of ``domain``."""
    result = DomainMail(domain=domain)
    try:
        answer = resolver.resolve(domain, "MX")
        records = sorted(answer, key=lambda r: r.preference)
        hosts = [r.exchange.to_text().rstrip(".") for r in records]
        result.exists = True
        result.null_mx = len(hosts) == 1 and hosts[0] == ""
        result.mx = [h for h in hosts if h]
        return result
    except dns.resolver.NXDOMAIN:
        result.exists = False
        return result
    except dns.resolver.NoAnswer:
        result.exists = True
    except dns.resolver.NoNameservers as exc:
        result.error = f"no name server answered ({exc.__class__.__name__})"
        return result
    except dns.exception.Timeout:
        result.error = "DNS timeout"
        return result
    except dns.exception.DNSException as exc:
        result.error = exc.__class__.__name__
        return result
    for rdtype in ("A", "AAAA"):
        try:
            resolver.resolve(domain, rdtype)
            result.has_address = True
            break
        except (dns.resolver.NoAnswer, dns.resolver.NXDOMAIN):
            continue
        except dns.exception.DNSException as exc:
            result.error = exc.__class__.__name__
    return result
