"""Resumable runs, the HTTP cache and the depth cap, on the fixture site with real Scrapy."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from leadgen.crawler import host_groups
from leadgen.profile import SourceConfig
from tests.sites.crawl import crawl, require_page_objects
from tests.sites.directory_site import MEMBERS, DirectorySite
from tests.sites.server import SiteServer

require_page_objects()

#: Members whose detail page can be fetched (not robots-disallowed, not on another host).
FETCHABLE = {m.number for m in MEMBERS} - {7, 12}


def _source(server: SiteServer, **kwargs: object) -> SourceConfig:
    return SourceConfig(id="site", start_urls=[f"{server.base_url}/members"], **kwargs)


def test_jobdir_resumes_where_the_page_cap_stopped(tmp_path: Path) -> None:
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        first, _, _ = crawl(tmp_path / "a", [_source(server, max_pages=5)],
                            jobdir=tmp_path / "job")
        seen_first = {hit.path for hit in server.access_log if hit.path != "/robots.txt"}
        server.access_log.clear()
        second, leads, _ = crawl(tmp_path / "b", [_source(server, max_pages=500)],
                                 jobdir=tmp_path / "job")
        seen_second = [hit.path for hit in server.access_log if hit.path != "/robots.txt"]
    assert first.sources["site"].finish_reason == "closespider_pagecount"
    assert len(seen_first) == 5
    assert second.sources["site"].finish_reason == "finished"
    assert seen_second and not set(seen_second) & seen_first  # nothing fetched twice
    fetched = {int(p.rsplit("/", 1)[1]) for p in seen_first | set(seen_second)
               if p.startswith("/member/")}
    assert fetched == FETCHABLE


def test_http_cache_replays_without_touching_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache works from any working directory (no scrapy.cfg there), relative dir or not."""
    monkeypatch.chdir(tmp_path)
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    cache = {"HTTPCACHE_ENABLED": True, "HTTPCACHE_DIR": "cache"}
    with SiteServer(site) as server:
        site.port = server.port
        _, first, _ = crawl(tmp_path / "a", [_source(server)], **cache)
        server.access_log.clear()
        result, second, _ = crawl(tmp_path / "b", [_source(server)], **cache)
        pages = [hit for hit in server.access_log if hit.path != "/robots.txt"]
    # Only the 500 page comes back: errors are not cached (HTTPCACHE_IGNORE_HTTP_CODES).
    assert {hit.path for hit in pages} == {"/member/9"}
    assert result.sources["site"].stats["httpcache/hit"] > 10
    assert (tmp_path / ".scrapy" / "cache").is_dir()
    assert sorted(lead["name"] for lead in second) == sorted(lead["name"] for lead in first)


def test_depth_cap_counts_hops_not_listing_pages(tmp_path: Path) -> None:
    """With max_depth 1 all four listing pages and their detail pages are still crawled."""
    site = DirectorySite(port=0, crawl_delay=0.01, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        result, leads, _ = crawl(tmp_path, [_source(server, max_depth=1)])
        paths = {hit.path.split("&")[0] for hit in server.access_log}
    assert {"/members", "/members?page=2", "/members?page=3", "/members?page=4"} <= paths
    assert {f"/member/{n}" for n in FETCHABLE} <= paths
    assert result.sources["site"].stats["request_depth_max"] == 1


def test_two_sources_on_one_host_share_its_crawl_delay(tmp_path: Path) -> None:
    """Sources on one host crawl one after another, so together they keep its Crawl-delay."""
    delay = 0.2
    site = DirectorySite(port=0, crawl_delay=delay, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        sources = [
            SourceConfig(id="api", start_urls=[f"{server.base_url}/api/members"]),
            SourceConfig(id="html", start_urls=[f"{server.base_url}/members?page=3"],
                         max_pages=4),
        ]
        result, _, _ = crawl(tmp_path, sources)
        times = sorted(hit.at for hit in server.access_log)
    assert {r.finish_reason for r in result.sources.values()} <= {
        "finished", "closespider_pagecount"
    }
    assert len(times) >= 7
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= delay


def test_host_groups() -> None:
    def source(source_id: str, url: str, *domains: str) -> SourceConfig:
        return SourceConfig(id=source_id, start_urls=[url], allowed_domains=list(domains))

    sources = [
        source("a", "http://x.example/a"),
        source("b", "http://y.example/"),
        source("c", "http://www.x.example/c", "x.example"),
        source("d", "http://z.example/"),
        source("e", "http://z.example/other"),
    ]
    assert [[s.id for s in group] for group in host_groups(sources)] == [
        ["a", "c"], ["b"], ["d", "e"]
    ]


def _crawler_children() -> list[int]:
    """PIDs of this process's ``python -m leadgen.crawler`` children (Linux /proc)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and b"leadgen.crawler" in cmdline:
            pids.append(int(stat.parent.name))
    return pids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_then_resume_with_jobdir(tmp_path: Path) -> None:
    """SIGINT mid-crawl: graceful shutdown; the same JOBDIR resumes without refetching."""
    site = DirectorySite(port=0, crawl_delay=0.3, slow_seconds=0)
    with SiteServer(site) as server:
        site.port = server.port
        outcome: dict[str, object] = {}
        worker = threading.Thread(
            target=lambda: outcome.update(
                first=crawl(tmp_path / "a", [_source(server)], jobdir=tmp_path / "job")
            )
        )
        worker.start()
        deadline = time.monotonic() + 60
        while len(server.access_log) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in _crawler_children():
            os.kill(pid, signal.SIGINT)
        worker.join(timeout=120)
        first_result = outcome["first"][0]  # type: ignore[index]
        seen_first = {hit.path for hit in server.access_log if hit.path != "/robots.txt"}
        server.access_log.clear()
        second, _, _ = crawl(tmp_path / "b", [_source(server)], jobdir=tmp_path / "job")
        seen_second = [hit.path for hit in server.access_log if hit.path != "/robots.txt"]
    assert first_result.sources["site"].finish_reason == "shutdown"
    assert second.sources["site"].finish_reason == "finished"
    # Nothing fetched twice, except the 500 page whose pending retry was saved with the job.
    assert seen_second and set(seen_second) & seen_first <= {"/member/9"}
    fetched = {int(p.rsplit("/", 1)[1]) for p in seen_first | set(seen_second)
               if p.startswith("/member/")}
    assert fetched == FETCHABLE


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_sigterm_to_leadgen_crawl_stops_its_crawler_too(tmp_path: Path) -> None:
    """A service manager's SIGTERM to `leadgen crawl` alone killed it and left the Scrapy
    child crawling on as an orphan, its run "running" for ever."""
    import sqlite3
    import subprocess
    import sys

    site = DirectorySite(port=0, crawl_delay=0.5, slow_seconds=0)
    db = tmp_path / "leads.db"
    with SiteServer(site) as server:
        site.port = server.port
        cli = subprocess.Popen(
            [sys.executable, "-c", "from leadgen.cli import main; main()", "crawl",
             f"{server.base_url}/members", "--region", "DE", "--db", f"sqlite:///{db}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while len(server.access_log) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        children = [int(line.split()[0]) for line in subprocess.run(
            ["ps", "-o", "pid=,ppid=,args=", "-e"], capture_output=True, text=True,
            check=True).stdout.splitlines()
            if "leadgen.crawler" in line and int(line.split()[1]) == cli.pid]
        assert children
        cli.send_signal(signal.SIGTERM)
        cli.wait(timeout=60)
        time.sleep(0.5)
        fetched = len(server.access_log)
        time.sleep(2)  # an orphan would go on fetching
        assert len(server.access_log) == fetched
    assert not Path(f"/proc/{children[0]}").exists()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT status FROM crawl_runs").fetchall() == [
            ("shutdown",)]  # Scrapy's graceful stop, as after Ctrl-C (a JOBDIR resumes)
