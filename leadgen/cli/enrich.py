"""``leadgen enrich``: visit each company's own website and check how to reach it."""

from __future__ import annotations

import json

import typer
from rich.console import Console

from leadgen.cli.app import DatabaseOption, app, ids_of

console = Console(stderr=True)


@app.command()
def enrich(
    db: str | None = DatabaseOption,
    max_pages: int = typer.Option(8, "--max-pages", min=1, help="Pages per website at most."),
    max_age_days: float = typer.Option(
        30.0, "--max-age-days", min=0,
        help="Re-visit companies enriched longer ago than this; newer ones are skipped."),
    allow_private: bool = typer.Option(
        False, "--allow-private", envvar="LEADGEN_ALLOW_PRIVATE",
        help="Allow hosts on loopback/private addresses (local test sites, the demo web)."),
    proxy: str | None = typer.Option(
        None, "--proxy", envvar="LEADGEN_PROXY",
        help="HTTP proxy for every request, e.g. the demo web's (leadgen demo-web)."),
    dns_server: list[str] = typer.Option(
        [], "--dns-server", help="Name server IP[:PORT] for the checks (default: the system's)."),
    check_only: bool = typer.Option(
        False, "--check-only", help="Only run reachability checks, no crawl (fetches websites)."),
    recheck: bool = typer.Option(
        False, "--recheck", help="With --check-only: check again what was checked before."),
    no_check: bool = typer.Option(False, "--no-check", help="Crawl only, skip the checks."),
    smtp_probe: bool = typer.Option(
        False, "--smtp-probe", help="Ask mail servers whether mailboxes exist (off by default)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many companies."),
    company: list[int] = typer.Option(
        [], "--company", help="Only this company id (repeat for several).",
        callback=ids_of("company")),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Crawl company websites (home, contact, imprint, about, team) and check their contacts.

    Only companies never enriched or older than --max-age-days are visited; robots.txt and
    Crawl-delay are obeyed; hosts on private addresses are refused unless --allow-private.

    Example: leadgen enrich --max-pages 6 --max-age-days 30
    """
    from enrich.run import EnrichOptions
    from enrich.run import check_only as run_check_only
    from enrich.run import enrich as run_enrich

    options = EnrichOptions(
        max_pages=max_pages, max_age_days=max_age_days, allow_private=allow_private,
        proxy=proxy, dns_servers=list(dns_server), check=not no_check, smtp_probe=smtp_probe,
        limit=limit, company_ids=list(company) or None,
    )
    if check_only:
        checks = run_check_only(db, options, recheck=recheck)
        data = {"mode": "check-only", **checks.as_dict()}
    else:
        summary = run_enrich(db, options)
        stats = summary.stats
        data = {
            "mode": "crawl", "run_id": summary.run_id, "status": summary.status,
            "companies": summary.targets,
            "pages": stats.get("enrich/pages", 0),
            "requests": stats.get("downloader/request_count", 0),
            "refused_unsafe": stats.get("enrich_safety/refused", 0),
            "contacts_added": stats.get("enrich_store/contacts_added", 0),
            "checks": summary.checks,
        }
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if data["mode"] == "crawl" and not data["companies"]:
        console.print("Nothing to enrich: every company was enriched within "
                      f"{max_age_days:g} days (use --max-age-days 0 to revisit all).")
        return
    for key, value in data.items():
        console.print(f"{key}: {value}")
    if data["mode"] == "crawl" and data["refused_unsafe"] and not data["pages"]:
        console.print("Every host was refused as a private address. Local sites and the demo "
                      "web need --allow-private (or LEADGEN_ALLOW_PRIVATE=1).")
