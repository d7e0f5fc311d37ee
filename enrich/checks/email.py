"""E-mail reachability: syntax, domain and MX in DNS, disposable / free-mail / role account.

The rule, worst finding first (:data:`enrich.checks.result.STATUS_ORDER`):

========== ================== ==========================================================
status     reason             when
========== ================== ==========================================================
invalid    syntax             the address is not an e-mail address (email-validator)
invalid    no_domain          the domain does not exist (NXDOMAIN)
invalid    null_mx            the domain publishes ``MX 0 .``: it accepts no mail (RFC 7505)
invalid    no_mx              no MX and no A/AAAA record: nowhere to deliver
invalid    disposable         a throw-away mailbox provider
invalid    smtp_rejected      (SMTP probing on) the server refused the mailbox
unknown    dns_error          DNS did not answer (timeout, SERVFAIL): try again later
risky      no_mx_a_fallback   no MX but an A record: RFC 5321 allows delivery to it, few
                              real mail domains rely on it
risky      role_account       a team mailbox (info@, sales@): delivered, not a person
risky      free_mail          a free-mail provider: a private box, not the company domain
risky      accept_all         (SMTP probing on) the server accepts any address
valid      accept_all_unknown MX found, a personal address; the mailbox itself is not
                              probed (SMTP off), so accept-all is unknown
valid      smtp_accepted      (SMTP probing on) the server accepted this mailbox only
========== ================== ==========================================================

No SMTP connection is ever made unless ``smtp_probe`` is given (``--smtp-probe``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dns.resolver
from email_validator import EmailNotValidError, validate_email

from enrich.checks.dns import DomainMail, lookup_mail
from enrich.checks.lists import is_disposable, is_free_mail, is_role_account
from enrich.checks.result import CheckResult, Status, worst

#: ``probe(address, mx_hosts) -> ("accepted" | "rejected" | "accept_all" | "unknown", detail)``
SmtpProbe = Callable[[str, list[str]], tuple[str, str]]


def check_email(
    address: str,
    resolver: dns.resolver.Resolver | None,
    smtp_probe: SmtpProbe | None = None,
    mail_cache: dict[str, DomainMail] | None = None,
) -> CheckResult:
    """Check one e-mail address. ``resolver=None`` skips DNS (status from syntax and lists)."""
    try:
        parsed = validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return CheckResult("invalid", "syntax", {"error": str(exc)})
    domain = parsed.ascii_domain.lower()
    local = parsed.local_part
    details: dict[str, Any] = {"domain": domain, "smtp": "not_checked"}
    findings: list[tuple[Status, str]] = []

    role = is_role_account(local)
    free = is_free_mail(domain)
    details.update(role_account=role, free_mail=free, disposable=is_disposable(domain))
    if details["disposable"]:
        findings.append(("invalid", "disposable"))

    mail: DomainMail | None = None
    if resolver is not None:
        if mail_cache is not None and domain in mail_cache:
            mail = mail_cache[domain]
        else:
            mail = lookup_mail(domain, resolver)
            if mail_cache is not None:
                mail_cache[domain] = mail
        details.update(mx=mail.mx, domain_exists=mail.exists)
        findings.extend(_dns_findings(mail))
        if mail.error:
            details["dns_error"] = mail.error
    else:
        details["dns"] = "not_checked"

    if role:
        findings.append(("risky", "role_account"))
    if free:
        findings.append(("risky", "free_mail"))

    if smtp_probe is not None and mail is not None and mail.mx:
        verdict, detail = smtp_probe(parsed.normalized, mail.mx)
        details["smtp"] = verdict
        details["smtp_detail"] = detail
        findings.append(_SMTP_FINDINGS.get(verdict, ("unknown", "smtp_unknown")))
    elif resolver is not None:
        findings.append(("valid", "accept_all_unknown"))
    else:
        findings.append(("unknown", "dns_not_checked"))

    status, reason = worst(findings)
    details["findings"] = [f"{s}:{r}" for s, r in findings]
    return CheckResult(status, reason, details)


_SMTP_FINDINGS: dict[str, tuple[Status, str]] = {
    "accepted": ("valid", "smtp_accepted"),
    "rejected": ("invalid", "smtp_rejected"),
    "accept_all": ("risky", "accept_all"),
    "unknown": ("unknown", "smtp_unknown"),
}


def _dns_findings(mail: DomainMail) -> list[tuple[Status, str]]:
    if mail.error and mail.exists is None:
        return [("unknown", "dns_error")]
    if mail.exists is False:
        return [("invalid", "no_domain")]
    if mail.null_mx:
        return [("invalid", "null_mx")]
    if mail.mx:
        return []
    if mail.has_address:
        return [("risky", "no_mx_a_fallback")]
    if mail.error:
        return [("unknown", "dns_error")]
    return [("invalid", "no_mx")]
