"""Run the reachability checks over stored contacts and write status, reason and details.

E-mails use DNS (an injectable dnspython resolver; one look-up per domain), phones use
phonenumbers with the company's country, websites are fetched only in ``--check-only`` runs (the
crawl judges them from the home page it already fetched).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

import dns.resolver
from sqlalchemy import or_, select
from sqlalchemy.engine import Engine

from enrich.checks.dns import DomainMail, lookup_mail
from enrich.checks.email import SmtpProbe, check_email
from enrich.checks.phone import check_phone
from enrich.checks.result import CheckResult
from enrich.checks.website import fetch_website
from enrich.safety import URLGuard
from leadgen.normalize import normalize_website, region_from_domain
from leadgen.storage import session_scope
from leadgen.storage.models import Company, ContactPoint

_BATCH = 500


@dataclass
class CheckSummary:
    """Counts of the statuses written, per kind."""

    checked: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {"checked": dict(self.checked), "statuses": dict(self.statuses)}


def company_region(company: Company) -> str | None:
    """The phone region of a company: its country, else its domain's country TLD."""
    return company.country or region_from_domain(company.registered_domain)


def run_checks(
    engine: Engine,
    *,
    company_ids: Iterable[int] | None = None,
    resolver: dns.resolver.Resolver | None = None,
    smtp_probe: SmtpProbe | None = None,
    recheck: bool = False,
    websites: bool = False,
    guard: URLGuard | None = None,
    proxy_url: str | None = None,
) -> CheckSummary:
    """Check e-mails and phones (and websites when ``websites``) not yet checked, or all."""
    summary = CheckSummary()
    mail_cache: dict[str, DomainMail] = {}
    ids = list(company_ids) if company_ids is not None else None
    kinds = ["email", "phone"] + (["website"] if websites else [])
    if websites:
        _ensure_website_rows(engine, ids)
    fetch = partial(fetch_website, guard=guard or URLGuard(), proxy_url=proxy_url)
    chunks = [ids[i:i + _BATCH] for i in range(0, len(ids), _BATCH)] if ids is not None else [
        None]
    for chunk in chunks:
        with session_scope(engine) as session:
            query = select(ContactPoint, Company).join(Company).where(ContactPoint.kind.in_(kinds))
            if chunk is not None:
                query = query.where(ContactPoint.company_id.in_(chunk))
            if not recheck:
                query = query.where(or_(ContactPoint.checked_at.is_(None),
                                        ContactPoint.status.is_(None)))
            rows = list(session.execute(query))
            if resolver is not None:
                _prefetch_mail(
                    {c.value.rpartition("@")[2] for c, _ in rows if c.kind == "email"},
                    resolver, mail_cache,
                )
            sites = [c.value for c, _ in rows if c.kind == "website"]
            fetched: dict[str, CheckResult] = {}
            if sites:  # websites answer slowly: fetch many at once
                with ThreadPoolExecutor(max_workers=min(16, len(sites))) as pool:
                    fetched = dict(zip(sites, pool.map(fetch, sites), strict=True))
            for contact, company in rows:
                if contact.kind == "email":
                    result = check_email(contact.value, resolver, smtp_probe, mail_cache)
                elif contact.kind == "phone":
                    region = company_region(company)
                    result = check_phone(contact.value, region)
                    if region and result.details.get("region") not in (None, region):
                        result.details["other_country_than_company"] = region
                else:
                    result = fetched[contact.value]
                contact.status = result.status
                contact.status_reason = result.reason
                contact.details = {**(contact.details or {}), "check": result.details}
                contact.checked_at = datetime.now(UTC)
                summary.checked[contact.kind] += 1
                summary.statuses[f"{contact.kind}:{result.status}"] += 1
    return summary


def _prefetch_mail(domains: set[str], resolver: dns.resolver.Resolver,
                   cache: dict[str, DomainMail], workers: int = 16) -> None:
    """Look up the MX records of many domains at once (a slow name server costs seconds each)."""
    todo = sorted(d for d in domains if d and d not in cache)
    if not todo:
        return
    with ThreadPoolExecutor(max_workers=min(workers, len(todo))) as pool:
        for domain, mail in zip(todo, pool.map(lambda d: lookup_mail(d, resolver), todo),
                                strict=True):
            cache[domain] = mail


def _ensure_website_rows(engine: Engine, ids: list[int] | None) -> None:
    """A ``website`` contact row for every company with a website, to hold its check."""
    with session_scope(engine) as session:
        query = select(Company).where(Company.website.is_not(None))
        if ids is not None:
            query = query.where(Company.id.in_(ids))
        for company in session.scalars(query):
            site = normalize_website(company.website or "")
            if site is None:
                continue
            exists = session.scalar(select(ContactPoint.id).where(
                ContactPoint.company_id == company.id, ContactPoint.kind == "website",
                ContactPoint.value == site[0]))
            if not exists:
                session.add(ContactPoint(company_id=company.id, kind="website", value=site[0],
                                         source_url=company.website, details={}))
