"""Run a crawl for a profile or an ad-hoc URL, recorded in ``crawl_runs``.

Orchestration only: the spiders navigate, the pipelines store; this module starts the demo web
when the profile asks for it, records the run with its stats, and reports a summary.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from sqlalchemy import func, select

from leadgen.profile import Profile, SourceConfig
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, SourceRecord
from leadgen.storage.runs import finish_run, scalar_stats, start_run


@dataclass
class CrawlSummary:
    """What a crawl did, for the CLI and for tests."""

    run_id: int
    status: str
    stats: dict[str, Any] = field(default_factory=dict)
    companies_before: int = 0
    companies_after: int = 0
    records_before: int = 0
    records_after: int = 0

    @property
    def new_companies(self) -> int:
        return self.companies_after - self.companies_before

    @property
    def new_records(self) -> int:
        return self.records_after - self.records_before


def adhoc_source(url: str, region: str | None = None, max_pages: int | None = None) -> SourceConfig:
    """A one-off source for ``leadgen crawl URL``: its id is the URL's host."""
    host = urlsplit(url).hostname or "adhoc"
    source = SourceConfig(id=host.lower(), start_urls=[url], region=region)
    if max_pages:
        source.max_pages = max_pages
    return source


class DemoWebAddresses(NamedTuple):
    """Where a served demo web answers: its HTTP proxy and its DNS."""

    proxy: str
    """``http://127.0.0.1:PORT``."""
    dns: str
    """``127.0.0.1:PORT`` (UDP), the form of ``EnrichOptions.dns_servers``."""


@contextmanager
def demo_web_for(profile: Profile) -> Iterator[DemoWebAddresses | None]:
    """Serve the bundled demo web while the block runs when the profile asks for it."""
    if profile.demo_web is None:
        yield None
        return
    from leadgen.demoweb import DemoWebServer, DemoWorld

    world = DemoWorld.generate(seed=profile.demo_web.seed, companies=profile.demo_web.companies)
    with DemoWebServer(world) as server:
        yield DemoWebAddresses(server.proxy_url, server.dns_address)


def _counts(engine: Any) -> tuple[int, int]:
    with session_scope(engine) as session:
        return (
            session.scalar(select(func.count(Company.id))) or 0,
            session.scalar(select(func.count(SourceRecord.id))) or 0,
        )


@contextmanager
def _polling(engine: Any, on_progress: Callable[[int, int], None] | None) -> Iterator[None]:
    """Report company/record counts every second while a crawl runs (for a progress display)."""
    if on_progress is None:
        yield
        return
    stop = threading.Event()

    def poll() -> None:
        while not stop.wait(1.0):
            try:
                on_progress(*_counts(engine))
            except Exception:  # noqa: BLE001 - progress is best effort, never breaks a crawl
                pass

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def run_profile_crawl(
    profile: Profile,
    *,
    database_url: str | None = None,
    only_sources: list[str] | None = None,
    settings_overrides: dict[str, Any] | None = None,
    jobdir: str | None = None,
    proxy: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> CrawlSummary:
    """Crawl the profile's sources into the database and record the run."""
    from leadgen.crawler import run_crawl
    from leadgen.storage.db import database_url as resolve_url

    sources = [s for s in profile.sources if not only_sources or s.id in only_sources]
    url = resolve_url(database_url)
    engine = init_db(url)
    companies_before, records_before = _counts(engine)
    run_id = start_run(engine, "crawl", profile=profile.name, sources=[s.id for s in sources])
    settings: dict[str, Any] = {
        "LEADGEN_DATABASE_URL": url,
        "LEADGEN_CRAWL_RUN_ID": run_id,
        "CONCURRENT_REQUESTS_PER_DOMAIN": profile.crawl.concurrent_requests_per_domain,
        "AUTOTHROTTLE_ENABLED": profile.crawl.autothrottle,
        "DOWNLOAD_MAXSIZE": profile.crawl.max_response_bytes,
        "HTTPCACHE_ENABLED": profile.crawl.http_cache,
    }
    if profile.crawl.download_delay:
        settings["DOWNLOAD_DELAY"] = profile.crawl.download_delay
    if profile.crawl.user_agent:
        settings["USER_AGENT"] = profile.crawl.user_agent
    settings.update(settings_overrides or {})
    status, stats = "failed", {}
    try:
        with demo_web_for(profile) as demo, _polling(engine, on_progress):
            result = run_crawl(sources, settings_overrides=settings,
                               proxy=proxy or (demo.proxy if demo else None), jobdir=jobdir)
        stats = dict(getattr(result, "stats", {}) or {})
        reason = stats.get("finish_reason", "finished")
        status = "finished" if reason in ("finished", "closespider_pagecount") else str(reason)
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        finish_run(engine, run_id, status, scalar_stats(stats))
    companies_after, records_after = _counts(engine)
    return CrawlSummary(run_id, status, stats, companies_before, companies_after,
                        records_before, records_after)


@dataclass
class JobSummary:
    """What ``leadgen run`` did: the crawl, the enrichment and the scoring."""

    crawl: CrawlSummary
    enrich: Any = None
    score: Any = None


def run_profile_job(
    profile: Profile,
    *,
    database_url: str | None = None,
    enrich: bool = True,
    score: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> JobSummary:
    """The main job for a profile: crawl its sources, enrich the companies' websites, score.

    The demo web, when the profile asks for it, is served once for all three stages.
    """
    from leadgen.storage.db import database_url as resolve_url

    url = resolve_url(database_url)
    stage = on_stage or (lambda _name: None)
    with demo_web_for(profile) as demo:
        demo_proxy = demo.proxy if demo else None
        crawl_profile = profile.model_copy(update={"demo_web": None})
        stage("crawl")
        crawled = run_profile_crawl(
            crawl_profile, database_url=url, proxy=demo_proxy, on_progress=on_progress
        )
        summary = JobSummary(crawl=crawled)
        if enrich:
            from enrich.run import EnrichOptions
            from enrich.run import enrich as enrich_websites

            stage("enrich")
            # The demo web is served on 127.0.0.1: its sites are private addresses by design.
            # Its own DNS answers MX look-ups, so the e-mail checks run instead of "unknown".
            options = EnrichOptions(proxy=demo_proxy, allow_private=demo is not None,
                                    dns_servers=[demo.dns] if demo else [])
            summary.enrich = enrich_websites(url, options)
    if score and profile.icp:
        from enrich.scoring.service import rescore

        stage("score")
        summary.score = rescore(init_db(url), profile.name, profile.icp, None, False, write=True)
    return summary
