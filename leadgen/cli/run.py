"""``leadgen run``: the main job for a profile — crawl, enrich, score — in one command."""

from __future__ import annotations

import typer
from rich.console import Console

from leadgen.cli.app import DatabaseOption, app
from leadgen.crawl_run import run_profile_job
from leadgen.profile import load_profile
from leadgen.stats import database_stats
from leadgen.storage import init_db, session_scope

console = Console(stderr=True)


@app.command("run")
def run_job(
    profile: str = typer.Option(..., "--profile", "-p", help="Profile name or YAML path."),
    enrich: bool = typer.Option(True, "--enrich/--no-enrich", help="Visit company websites."),
    score: bool = typer.Option(True, "--score/--no-score", help="Score leads for the profile."),
    db: str | None = DatabaseOption,
) -> None:
    """Crawl a profile's sources, enrich the companies' websites and score every lead.

    The demo profile serves the bundled demo web for all three stages. This is what
    `make crawl INDUSTRY=NAME` runs.

    Example: leadgen run --profile demo
    """
    chosen = load_profile(profile)
    with console.status("crawling...") as status:

        def progress(companies: int, records: int) -> None:
            status.update(f"crawling... {records} records, {companies} companies")

        def stage(name: str) -> None:
            status.update(f"{name}...")
            if name != "crawl":
                console.print(f"{name}...", highlight=False)

        job = run_profile_job(
            chosen, database_url=db, enrich=enrich, score=score,
            on_progress=progress, on_stage=stage,
        )
    crawl = job.crawl
    console.print(
        f"crawl run {crawl.run_id} {crawl.status}: "
        f"{crawl.stats.get('response_received_count', 0)} pages, {crawl.new_records} new "
        f"records, {crawl.new_companies} new companies",
        highlight=False,
    )
    if job.enrich is not None:
        console.print(
            f"enrich: {job.enrich.targets} company websites visited ({job.enrich.status})",
            highlight=False,
        )
    if job.score is not None:
        counts = job.score.grade_counts
        console.print("score: grades " + ", ".join(f"{g}={n}" for g, n in sorted(counts.items())),
                      highlight=False)
    with session_scope(init_db(db)) as session:
        data = database_stats(session)
    console.print(
        f"database: {data['companies']} companies, {data['source_records']} source records",
        highlight=False,
    )
    if crawl.status != "finished":
        raise typer.Exit(1)
