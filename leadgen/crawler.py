"""Run crawls from Python: ``run_crawl(sources) -> CrawlResult``.

Twisted's reactor starts once per process, and a CLI command, a test or a benchmark may want several
crawls. So :func:`run_crawl` runs each crawl in a child process (``python -m leadgen.crawler
SPEC RESULT``, the spec and the result as JSON files) which runs Scrapy's ``CrawlerProcess`` with
one crawler per source: sources on different hosts side by side, sources sharing a host one after
another (:func:`host_groups`, so together they keep its Crawl-delay). Items flow through
``ITEM_PIPELINES`` in the child; with ``items_path`` every lead is also written there as one JSON
line (:class:`leadgen.items.Lead` serialized by Scrapy's feed exporter).

Each source gets its own caps: ``DEPTH_LIMIT`` = ``max_depth``, ``LEADGEN_MAX_PAGES`` =
``max_pages``, and with ``jobdir`` its own ``JOBDIR`` (``<jobdir>/<source id>``), so a run stopped
by Ctrl-C (graceful: finish reason ``shutdown``) or by its page cap resumes where it stopped when
started again with the same ``jobdir``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from leadgen.exceptions import LeadgenError
from leadgen.interrupts import sigterm_as_ctrl_c
from leadgen.profile import SourceConfig

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred


@dataclass
class SourceResult:
    """How the crawl of one source went."""

    source_id: str
    finish_reason: str
    """Scrapy's reason: ``finished``, ``shutdown`` (Ctrl-C), ``closespider_...``."""
    stats: dict[str, Any] = field(default_factory=dict)
    """Scrapy's stats; ours are namespaced (``leadgen/leads``, ``crawldelay/delayed``...)."""

    @property
    def leads(self) -> int:
        return int(self.stats.get("leadgen/leads", 0))


@dataclass
class CrawlResult:
    """The outcome of :func:`run_crawl`: per source, its finish reason and stats."""

    sources: dict[str, SourceResult]
    items_path: str | None = None
    returncode: int = 0

    @property
    def leads(self) -> int:
        return sum(result.leads for result in self.sources.values())

    @property
    def finish_reason(self) -> str:
        """``finished`` when every source finished, else the first other reason."""
        reasons = [result.finish_reason for result in self.sources.values()]
        return next((reason for reason in reasons if reason != "finished"), "finished")

    @property
    def stats(self) -> dict[str, Any]:
        """Numeric stats summed over all sources (maxima for ``*_max``), plus ``finish_reason``."""
        total: dict[str, Any] = {}
        for result in self.sources.values():
            for key, value in result.stats.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    if key.endswith("max") or key.endswith("max_delay"):
                        total[key] = max(total.get(key, value), value)
                    else:
                        total[key] = total.get(key, 0) + value
        total["finish_reason"] = self.finish_reason
        return total


def run_crawl(
    sources: list[SourceConfig],
    *,
    settings_overrides: dict[str, Any] | None = None,
    proxy: str | None = None,
    jobdir: str | Path | None = None,
    items_path: str | Path | None = None,
    timeout: float | None = None,
) -> CrawlResult:
    """Crawl ``sources`` with real Scrapy in a child process and return its stats.

    ``settings_overrides`` must be JSON-serializable (they cross the process boundary).
    ``proxy`` sends every request through that HTTP proxy (the demo web). On Ctrl-C the crawl
    shuts down gracefully (saving ``jobdir`` state) and its sources report finish reason
    ``shutdown``. Raises :class:`~leadgen.exceptions.LeadgenError` when the child dies without
    a result or runs past ``timeout`` seconds.
    """
    if not sources:
        raise LeadgenError("run_crawl: no sources to crawl; give at least one start URL")
    spec = {
        "sources": [source.model_dump(mode="json") for source in sources],
        "settings": settings_overrides or {},
        "proxy": proxy,
        "jobdir": str(jobdir) if jobdir else None,
        "items_path": str(items_path) if items_path else None,
    }
    with tempfile.TemporaryDirectory(prefix="leadgen-crawl-") as tmp:
        spec_path = Path(tmp, "spec.json")
        result_path = Path(tmp, "result.json")
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        env.setdefault("SCRAPY_SETTINGS_MODULE", "leadgen.settings")
        # The child has a session of its own: a signal for the crawl reaches it through this
        # process only, once (SIGTERM or SIGINT to this process alone left it crawling on,
        # an orphan writing to the database).
        child = subprocess.Popen(
            [sys.executable, "-m", "leadgen.crawler", str(spec_path), str(result_path)], env=env,
            start_new_session=True,
        )
        interrupted = False
        with sigterm_as_ctrl_c():
            try:
                returncode = child.wait(timeout=timeout)
            except subprocess.TimeoutExpired as exc:
                _stop(child)
                raise LeadgenError(f"crawl did not finish within {timeout:.0f}s; raise the "
                                   "timeout or lower the sources' max_pages") from exc
            except KeyboardInterrupt:
                # Ctrl-C or SIGTERM: Scrapy shuts down gracefully and saves the JOBDIR state.
                # Let it; a second one stops it at once.
                interrupted = True
                child.send_signal(signal.SIGINT)
                try:
                    returncode = child.wait()
                except KeyboardInterrupt:
                    child.kill()
                    child.wait()
                    raise
        if not result_path.exists():
            if interrupted:
                raise KeyboardInterrupt
            raise LeadgenError(
                f"crawl process exited with code {returncode} without a result; "
                "see the log above for the cause"
            )
        data = json.loads(result_path.read_text(encoding="utf-8"))
    return CrawlResult(
        sources={
            source_id: SourceResult(source_id, item["finish_reason"], item["stats"])
            for source_id, item in data["sources"].items()
        },
        items_path=str(items_path) if items_path else None,
        returncode=returncode,
    )


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Ask the crawl to shut down gracefully, then insist."""
    child.send_signal(signal.SIGINT)
    try:
        child.wait(timeout=30)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


# --- the child process ---------------------------------------------------------------------------


def _domains(source: SourceConfig) -> set[str]:
    hosts = source.allowed_domains or [urlsplit(url).hostname or "" for url in source.start_urls]
    return {host.lower() for host in hosts if host}


def _overlap(a: set[str], b: set[str]) -> bool:
    return any(x == y or x.endswith("." + y) or y.endswith("." + x) for x in a for y in b)


def host_groups(sources: list[SourceConfig]) -> list[list[SourceConfig]]:
    """Sources grouped so that no two groups share a host; profile order is kept.

    Each crawler has its own downloader, so two crawlers on one host would each keep its
    Crawl-delay and together break it: sources of one group crawl one after another, groups
    side by side.
    """
    groups: list[tuple[set[str], list[SourceConfig]]] = []
    for source in sources:
        domains = _domains(source)
        touching = [group for group in groups if _overlap(group[0], domains)]
        merged_domains = set(domains).union(*(group[0] for group in touching))
        merged_sources = [s for group in touching for s in group[1]] + [source]
        groups = [group for group in groups if group not in touching]
        groups.append((merged_domains, merged_sources))
    order = {source.id: index for index, source in enumerate(sources)}
    return sorted(
        (sorted(group, key=lambda s: order[s.id]) for _, group in groups),
        key=lambda group: order[group[0].id],
    )


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def crawl_in_this_process(spec: dict[str, Any]) -> dict[str, Any]:
    """Run the crawl a :func:`run_crawl` spec describes, here; once per process (reactor)."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings
    from twisted.internet.defer import succeed

    from spiders.directory import DirectorySpider

    settings = Settings()
    settings.setmodule("leadgen.settings", priority="project")
    settings.update(spec.get("settings") or {}, priority="cmdline")
    contact_priority = settings.getpriority("LEADGEN_CONTACT_URL") or 0
    if contact_priority > (settings.getpriority("USER_AGENT") or 0):
        # Only the contact URL was overridden: the User-Agent must show the new one.
        from leadgen.settings import _VERSION

        contact = settings["LEADGEN_CONTACT_URL"]
        settings.set("USER_AGENT", f"leadgen/{_VERSION} (+{contact})", priority=contact_priority)
    if spec.get("proxy"):
        settings.set("LEADGEN_PROXY", spec["proxy"], priority="cmdline")
    cache_dir = Path(settings["HTTPCACHE_DIR"]).expanduser()
    if not cache_dir.is_absolute():
        # Scrapy resolves a relative cache folder against the scrapy.cfg it finds, and quietly
        # turns the cache off when run from elsewhere: anchor it in the working directory.
        cache_dir = Path.cwd() / ".scrapy" / cache_dir
        priority = settings.getpriority("HTTPCACHE_DIR") or "project"
        settings.set("HTTPCACHE_DIR", str(cache_dir), priority=priority)

    items_path = spec.get("items_path")
    sources = [SourceConfig.model_validate(item) for item in spec["sources"]]
    process = CrawlerProcess(settings)
    crawlers: list[tuple[SourceConfig, Crawler]] = []
    parts: list[Path] = []
    for source in sources:
        crawler = process.create_crawler(DirectorySpider)
        crawler.settings.set("DEPTH_LIMIT", source.max_depth, priority="spider")
        crawler.settings.set("LEADGEN_MAX_PAGES", source.max_pages, priority="spider")
        if spec.get("jobdir"):
            crawler.settings.set("JOBDIR", str(Path(spec["jobdir"], source.id)), priority="spider")
        if items_path:
            part = Path(f"{items_path}.{source.id}.part")
            part.unlink(missing_ok=True)
            parts.append(part)
            feeds = {str(part): {"format": "jsonlines", "encoding": "utf-8"}}
            crawler.settings.set("FEEDS", feeds, priority="spider")
        crawlers.append((source, crawler))
    by_id = {source.id: crawler for source, crawler in crawlers}

    def start_next(_: object, source: SourceConfig) -> Deferred[None]:
        return process.crawl(by_id[source.id], source=source)

    for group in host_groups(sources):
        chain: Deferred[Any] = succeed(None)
        for source in group:
            chain.addBoth(start_next, source)
    process.start()

    if items_path:
        with open(items_path, "wb") as out:
            for part in parts:
                if part.exists():
                    out.write(part.read_bytes())
                    part.unlink()
    results = {}
    for source, crawler in crawlers:
        raw = crawler.stats.get_stats() if crawler.crawling or crawler.spider else {}
        stats = {key: _json_safe(value) for key, value in raw.items()}
        results[source.id] = {
            "finish_reason": stats.get("finish_reason", "unknown"),
            "stats": stats,
        }
    return {"sources": results}


def main(argv: list[str] | None = None) -> int:
    """``python -m leadgen.crawler SPEC.json RESULT.json``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m leadgen.crawler SPEC.json RESULT.json", file=sys.stderr)
        return 2
    spec = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    result = crawl_in_this_process(spec)
    Path(args[1]).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
