"""Reachability checks of e-mails, phones and websites, with sales-tool statuses.

Statuses: valid / risky / invalid / unknown, each with one deciding reason and the details.
"""

from enrich.checks.dns import make_resolver
from enrich.checks.email import check_email
from enrich.checks.phone import check_phone
from enrich.checks.result import CheckResult
from enrich.checks.website import classify_website, fetch_website

__all__ = [
    "CheckResult",
    "check_email",
    "check_phone",
    "classify_website",
    "fetch_website",
    "make_resolver",
]
