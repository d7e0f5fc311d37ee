"""``leadgen crawl``: crawl a profile's sources, or one directory URL, into the database."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from leadgen.cli.app import DatabaseOption, RegionOption, app
from leadgen.crawl_run import adhoc_source, run_profile_crawl
from leadgen.exceptions import InputError
from leadgen.profile import Profile, load_profile

console = Console(stderr=True)


@app.command()
def crawl(
    url: str | None = typer.Argument(None, help="A directory URL to crawl without a profile."),
    profile: str | None = typer.Option(
        None, "--profile", "-p", help="Bundled profile name (demo, ...) or a YAML path."
    ),
    source: list[str] | None = typer.Option(None, "--source", help="Only these source ids."),
    region: str | None = RegionOption("Phone region hint for a URL (DE)."),
    max_pages: int | None = typer.Option(None, "--max-pages", help="Page cap per source."),
    cache: bool = typer.Option(False, "--cache", help="Use Scrapy's HTTP cache (developing)."),
    jobdir: Path | None = typer.Option(None, "--jobdir", help="Folder to make the run resumable."),
    proxy: str | None = typer.Option(None, "--proxy", help="HTTP proxy for every request."),
    db: str | None = DatabaseOption,
) -> None:
    """Crawl directories and store the leads they list.

    Example: leadgen crawl --profile demo

    Example: leadgen crawl https://members.example.org/directory --region DE --max-pages 50
    """
    if (url is None) == (profile is None):
        raise InputError("give either a directory URL or --profile NAME (not both, not neither)")
    if profile is not None:
        chosen = load_profile(profile)
        if max_pages:
            for src in chosen.sources:
                src.max_pages = max_pages
    else:
        assert url is not None
        chosen = Profile(name="adhoc", sources=[adhoc_source(url, region, max_pages)])
    if cache:
        chosen.crawl.http_cache = True
    with console.status("crawling...") as status:

        def progress(companies: int, records: int) -> None:
            status.update(f"crawling... {records} records, {companies} companies")

        summary = run_profile_crawl(
            chosen, database_url=db, only_sources=source, jobdir=str(jobdir) if jobdir else None,
            proxy=proxy, on_progress=progress,
        )
    stats = summary.stats
    dropped = sum(v for k, v in stats.items() if k.startswith("leadgen/validate/dropped"))
    console.print(
        f"crawl run {summary.run_id} {summary.status}: {stats.get('response_received_count', 0)} "
        f"pages, {stats.get('item_scraped_count', 0)} leads stored ("
        f"{summary.new_records} new records, {summary.new_companies} new companies), "
        f"{dropped} dropped as invalid, {stats.get('leadgen/suppressed', 0)} suppressed",
        highlight=False,
    )
    if summary.status != "finished":
        raise typer.Exit(1)
