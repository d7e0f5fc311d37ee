"""``leadgen enrich``: pick the stale companies, crawl their websites, check what was found.

Incremental: only companies with a website that were never enriched, or longer ago than
``max_age_days``, are visited; with nothing stale no crawl starts and no request is made.
Every run is recorded in ``crawl_runs`` (``kind="enrich"``) with its stats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine

from enrich.checkrun import CheckSummary, company_region, run_checks
from enrich.checks.dns import make_resolver
from enrich.checks.smtp import smtp_probe as default_smtp_probe
from enrich.crawl.runner import run_enrich_crawl
from enrich.crawl.safety import resolver_from_settings
from enrich.safety import URLGuard, allow_private_from_env
from leadgen.normalize import normalize_website
from leadgen.storage import init_db, session_scope
from leadgen.storage.db import database_url as resolve_url
from leadgen.storage.models import Company
from leadgen.storage.runs import finish_run, scalar_stats, start_run
from leadgen.suppression import SuppressionList


@dataclass
class EnrichOptions:
    """How one enrichment run behaves (the CLI's options)."""

    max_pages: int = 8
    max_age_days: float = 30.0
    allow_private: bool = False
    proxy: str | None = None
    """HTTP proxy for every request (the demo web); hosts then count as the proxy's address."""
    dns_servers: list[str] = field(default_factory=list)
    """``IP[:PORT]`` name servers for the e-mail checks and host safety; default: the system's."""
    check: bool = True
    """Run the reachability checks after the crawl."""
    smtp_probe: bool = False
    """Probe mailboxes over SMTP (off by default: it talks to other people's mail servers)."""
    limit: int | None = None
    company_ids: list[int] | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    """Scrapy setting overrides (tests: no delays)."""


@dataclass
class EnrichSummary:
    """What a run did, for the CLI and for tests."""

    run_id: int | None
    targets: int
    stats: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)
    status: str = "finished"


def select_targets(engine: Engine, options: EnrichOptions,
                   now: datetime | None = None) -> list[dict[str, Any]]:
    """Companies with a website, never enriched or enriched before ``max_age_days`` ago."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=options.max_age_days)
    targets: list[dict[str, Any]] = []
    with session_scope(engine) as session:
        suppressed = SuppressionList.load(session).entries
        query = (
            select(Company)
            .where(or_(Company.website.is_not(None), Company.registered_domain.is_not(None)))
            .where(or_(Company.enriched_at.is_(None), Company.enriched_at < cutoff))
            .where(Company.status != "excluded")
            .order_by(Company.id)
        )
        if options.company_ids is not None:
            query = query.where(Company.id.in_(options.company_ids))
        if options.limit:
            query = query.limit(options.limit)
        for company in session.scalars(query):
            website = company.website or f"http://{company.registered_domain}/"
            site = normalize_website(website)
            if site is None or site[1] in suppressed.get("domain", set()) or (
                    company.name_key in suppressed.get("name_key", set())):
                continue  # never visit what the user asked to forget
            targets.append({
                "company_id": company.id,
                "website": website if "://" in website else f"http://{website}",
                "region": company_region(company),
            })
    return targets


def _resolver(options: EnrichOptions) -> Any:
    """The DNS resolver of the e-mail checks; None (no DNS) behind a proxy without servers."""
    if options.proxy and not options.dns_servers:
        # Behind a proxy (the demo web) the hosts exist only there, not in DNS: asking the
        # system resolver would only time out. E-mails are then judged without DNS.
        return None
    if options.dns_servers:
        host, _, port = options.dns_servers[0].partition(":")
        return make_resolver([host], port=int(port or 53))
    return make_resolver()


def enrich(database_url: str | None, options: EnrichOptions) -> EnrichSummary:
    """Crawl stale companies' websites and check their contacts; record the run."""
    url = resolve_url(database_url)
    engine = init_db(url)
    targets = select_targets(engine, options)
    if not targets:
        return EnrichSummary(run_id=None, targets=0, status="nothing to do")
    allow = options.allow_private or allow_private_from_env()
    run_id = start_run(engine, "enrich", sources=["website"],
                       stats={"targets": len(targets), "max_pages": options.max_pages})
    settings = {
        "LEADGEN_DATABASE_URL": url,
        "LEADGEN_PROXY": options.proxy,
        "ENRICH_ALLOW_PRIVATE": allow,
        "ENRICH_DNS_SERVERS": options.dns_servers,
        **options.settings,
    }
    status, stats, checks = "failed", {}, CheckSummary()
    try:
        stats = run_enrich_crawl(targets, max_pages=options.max_pages, settings=settings)
        reason = str(stats.get("finish_reason", "finished"))
        status = "finished" if reason == "finished" else reason
        if options.check:
            checks = run_checks(
                engine, company_ids=[t["company_id"] for t in targets],
                resolver=_resolver(options),
                smtp_probe=default_smtp_probe(allow) if options.smtp_probe else None,
            )
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        finish_run(engine, run_id, status, {**scalar_stats(stats), "targets": len(targets),
                                            "checks": checks.as_dict()})
    engine.dispose()
    return EnrichSummary(run_id, len(targets), stats, checks.as_dict(), status)


def check_only(database_url: str | None, options: EnrichOptions,
               recheck: bool = False) -> CheckSummary:
    """Run the reachability checks (websites fetched too) without crawling."""
    engine = init_db(resolve_url(database_url))
    allow = options.allow_private or allow_private_from_env()
    guard = URLGuard(resolver_from_settings(options.proxy, options.dns_servers),
                     allow_private=allow)
    summary = run_checks(
        engine, company_ids=options.company_ids, resolver=_resolver(options),
        smtp_probe=default_smtp_probe(allow) if options.smtp_probe else None,
        recheck=recheck, websites=True, guard=guard, proxy_url=options.proxy,
    )
    engine.dispose()
    return summary
