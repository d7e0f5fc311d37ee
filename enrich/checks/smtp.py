"""Optional SMTP mailbox probing (``leadgen enrich --smtp-probe``; off by default).

Asks the domain's mail server whether it would accept the address (``RCPT TO``) and a random
one on the same domain (accept-all detection), then quits without sending anything. Many servers
greylist or block such probes and it talks to other people's servers: only on the user's request.
"""

from __future__ import annotations

import secrets
import smtplib

from enrich.checks.email import SmtpProbe
from enrich.safety import URLGuard
from leadgen.exceptions import UnsafeURLError


def smtp_probe(allow_private: bool = False, port: int = 25, timeout: float = 10.0,
               helo: str = "leadgen.invalid", sender: str = "") -> SmtpProbe:
    """A probe function for :func:`enrich.checks.email.check_email`."""
    guard = URLGuard(allow_private=allow_private)

    def probe(address: str, mx_hosts: list[str]) -> tuple[str, str]:
        domain = address.rpartition("@")[2]
        last = "no MX host answered"
        for host in mx_hosts[:2]:
            try:
                guard.check(f"http://{host}/")
            except UnsafeURLError as exc:
                return "unknown", str(exc)
            try:
                with smtplib.SMTP(host, port, timeout=timeout, local_hostname=helo) as smtp:
                    smtp.mail(sender)
                    code, message = smtp.rcpt(address)
                    if code >= 500:
                        return "rejected", f"{code} {message.decode(errors='replace')[:120]}"
                    if code >= 400:
                        return "unknown", f"{code} (temporary, maybe greylisting)"
                    random_code, _ = smtp.rcpt(f"{secrets.token_hex(8)}@{domain}")
                    if random_code < 300:
                        return "accept_all", f"{code}; a random address is accepted too"
                    return "accepted", str(code)
            except (OSError, smtplib.SMTPException) as exc:
                last = f"{host}: {exc.__class__.__name__}"
                continue
        return "unknown", last

    return probe
