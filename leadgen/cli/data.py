"""``leadgen stats``, ``query``, ``export`` and ``forget``: reading and erasing the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from leadgen.cli.app import DatabaseOption, app
from leadgen.export import (
    RECORD_COLUMNS,
    column_set,
    company_headers,
    company_rows,
    csv_row,
    iter_documents,
    output_format,
    record_rows,
    replaced_when_done,
    writable_place,
    write_export,
    write_records,
    write_workbook,
)
from leadgen.query import LeadFilter, count_leads, scored_profile
from leadgen.stats import database_stats
from leadgen.storage import init_db, session_scope
from leadgen.suppression import (
    Erased,
    read_targets,
    suppress_and_erase,
    target_entries,
    would_erase,
)
from leadgen.suppression import forget as forget_target

console = Console()
err = Console(stderr=True)


@app.command()
def stats(
    db: str | None = DatabaseOption,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Counts per source, field coverage, contact statuses and recent runs.

    Example: leadgen stats --json
    """
    engine = init_db(db, existing=True)
    with session_scope(engine) as session:
        data = database_stats(session)
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    count = data["older_versions"]
    older = (f" (and {count} older {'version' if count == 1 else 'versions'} of them a later "
             "import replaced)") if count else ""
    console.print(f"[bold]{data['companies']}[/] companies from "
                  f"[bold]{data['source_records']}[/] source records{older}")
    table = Table("source", "records", "older versions", "companies", title="Per source")
    for row in data["per_source"]:
        table.add_row(row["source"], str(row["records"]), str(row["older_versions"]),
                      str(row["companies"]))
    console.print(table)
    table = Table("field", "filled", "coverage", title="Field coverage")
    for label, cov in data["coverage"].items():
        table.add_row(label, str(cov["filled"]), f"{cov['share']:.0%}")
    console.print(table)
    if data["contacts"]:
        table = Table("kind", "status", "count", title="Contacts")
        for row in data["contacts"]:
            table.add_row(row["kind"], row["status"], str(row["count"]))
        console.print(table)
    if data["grades"]:
        console.print(f"Grades ({data['grades_profile']}): "
                      + ", ".join(f"{g}={n}" for g, n in data["grades"].items()))
    if data["recent_runs"]:
        table = Table("id", "kind", "profile", "status", "started", "finished", "items",
                      title="Recent runs")
        for run in data["recent_runs"]:
            table.add_row(str(run["id"]), run["kind"], run["profile"] or "", run["status"],
                          (run["started_at"] or "")[:19], (run["finished_at"] or "")[:19],
                          "" if run["items"] is None else str(run["items"]))
        console.print(table)


def _filter(
    name: str | None, country: list[str] | None, category: str | None, status: str | None,
    grade: list[str] | None, profile: str | None, min_score: float | None, has_email: bool,
    has_phone: bool, has_website: bool, decision_maker: bool, limit: int | None,
) -> LeadFilter:
    return LeadFilter(
        name=name, country=country or None, category=category, status=status,
        grade=grade or None, profile=profile, min_score=min_score, has_email=has_email,
        has_phone=has_phone, has_website=has_website, has_decision_maker=decision_maker,
        limit=limit,
    )


NameOpt = typer.Option(None, "--name", help="Substring of the company name.")
CountryOpt = typer.Option(None, "--country", help="ISO country code; repeat for several.")
CategoryOpt = typer.Option(None, "--category", help="Substring of a category.")
StatusOpt = typer.Option(None, "--status", help="new, qualified, contacted, customer, ...")
GradeOpt = typer.Option(None, "--grade", help="Current grade A/B/C/D; repeat for several.")
ProfileOpt = typer.Option(None, "--profile", help="Profile (name or file) whose scores "
                          "--grade and --min-score use (default: the one scored last).")
MinScoreOpt = typer.Option(None, "--min-score", help="Minimum fit score (0-100).")
HasEmailOpt = typer.Option(False, "--has-email", help="Only leads with an e-mail.")
HasPhoneOpt = typer.Option(False, "--has-phone", help="Only leads with a phone.")
HasWebsiteOpt = typer.Option(False, "--has-website", help="Only leads with a website.")
DecisionOpt = typer.Option(False, "--decision-maker", help="Only leads with a decision maker.")


@app.command()
def query(
    name: str | None = NameOpt,
    country: list[str] | None = CountryOpt,
    category: str | None = CategoryOpt,
    status: str | None = StatusOpt,
    grade: list[str] | None = GradeOpt,
    profile: str | None = ProfileOpt,
    min_score: float | None = MinScoreOpt,
    has_email: bool = HasEmailOpt,
    has_phone: bool = HasPhoneOpt,
    has_website: bool = HasWebsiteOpt,
    decision_maker: bool = DecisionOpt,
    limit: int = typer.Option(50, "--limit", help="At most this many rows (0: all)."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    db: str | None = DatabaseOption,
) -> None:
    """List leads that match filters, best score first.

    Example: leadgen query --country DE --grade A --has-email
    """
    if fmt not in ("table", "json", "csv"):  # "xlsx" printed the table to the terminal
        raise typer.BadParameter(f"unknown format {fmt!r}; use table, json or csv (leadgen "
                                 "export writes xlsx and jsonl)")
    flt = _filter(name, country, category, status, grade, profile, min_score, has_email,
                  has_phone, has_website, decision_maker, limit or None)
    engine = init_db(db, existing=True)
    with session_scope(engine) as session:
        if flt.profile:
            flt.profile = scored_profile(session, flt.profile)
        if fmt in ("json", "csv"):
            write_export(session, flt, fmt, sys.stdout)
        else:
            table = Table("id", "name", "country", "city", "website", "phone", "grade",
                          "score")
            for doc in iter_documents(session, flt):
                row = csv_row(doc)
                table.add_row(
                    str(row["id"]), row["name"], row["country"] or "", row["city"] or "",
                    row["domain"] or "", row["phone"] or "", row["grade"] or "",
                    "" if row["score"] is None else f"{row['score']:.0f}",
                )
            console.print(table)
        # the rows stop at --limit without a word: a list of 50 read as all the leads there are
        if flt.limit and (total := count_leads(session, flt)) > flt.limit:
            err.print(f"the first {flt.limit} of {total} leads; --limit 0 lists all",
                      highlight=False)


@app.command()
def export(
    what: str = typer.Argument("companies", help="companies (the merged leads) or records."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default, or -: stdout)."
    ),
    fmt: str | None = typer.Option(
        None, "--format", help="csv, json, jsonl or xlsx (needs --output); default: the one "
        "the --output file's name ends in, else csv."),
    columns: str | None = typer.Option(
        None, "--columns", help="A CRM's import columns instead of leadgen's (csv, xlsx): "
        "hubspot, salesforce or pipedrive (leadgen/crm_columns.yaml)."),
    name: str | None = NameOpt,
    country: list[str] | None = CountryOpt,
    category: str | None = CategoryOpt,
    status: str | None = StatusOpt,
    grade: list[str] | None = GradeOpt,
    profile: str | None = ProfileOpt,
    min_score: float | None = MinScoreOpt,
    has_email: bool = HasEmailOpt,
    has_phone: bool = HasPhoneOpt,
    has_website: bool = HasWebsiteOpt,
    decision_maker: bool = DecisionOpt,
    db: str | None = DatabaseOption,
) -> None:
    """Export leads with contacts, statuses and scores for spreadsheets and CRMs.

    Suppressed companies, e-mails, phones and domains are never exported. ``records`` lists
    every source record with its source id, record id and the company it was merged into.

    Example: leadgen export --format csv --grade A --grade B -o leads.csv

    Example: leadgen export records --format csv -o records.csv

    Example: leadgen export --format xlsx --country DE -o leads.xlsx

    Example: leadgen export --columns hubspot --grade A -o hubspot.csv
    """
    if fmt is not None and fmt not in ("csv", "json", "jsonl", "xlsx"):
        raise typer.BadParameter(f"unknown format {fmt!r}; use csv, json, jsonl or xlsx")
    if output is not None and str(output) == "-":
        output = None  # "-o -": standard output, as Unix tools take it
    fmt = output_format(output, fmt)  # "-o leads.xlsx" wrote CSV text Excel would not open
    if fmt == "xlsx" and output is None:
        raise typer.BadParameter("--format xlsx writes a workbook file: give --output FILE.xlsx")
    if output is not None:
        writable_place(output)
    column_pairs = column_set(columns) if columns else None
    if column_pairs and (what != "companies" or fmt not in ("csv", "xlsx")):
        raise typer.BadParameter("--columns is for companies exported as csv or xlsx")
    if what not in ("companies", "records"):
        raise typer.BadParameter(f"unknown export {what!r}; use companies or records")
    flt = _filter(name, country, category, status, grade, profile, min_score, has_email,
                  has_phone, has_website, decision_maker, None)
    engine = init_db(db, existing=True)
    with session_scope(engine) as session:
        if flt.profile:
            flt.profile = scored_profile(session, flt.profile)

        def write(handle: Any) -> int:
            if what == "records":
                return write_records(session, flt, fmt, handle)
            return write_export(session, flt, fmt, handle, column_pairs)

        if output is None:
            count = write(sys.stdout)
        elif fmt == "xlsx":
            with replaced_when_done(output) as partial:  # the file appears when complete
                if what == "records":
                    count = write_workbook(partial, what, RECORD_COLUMNS, record_rows(session))
                else:
                    count = write_workbook(partial, what, company_headers(column_pairs),
                                           company_rows(session, flt, column_pairs))
        else:
            # A CSV file starts with a UTF-8 byte order mark: without it Excel reads the file
            # in the Windows code page and shows 有限公司 and umlauts as garbage.
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            with replaced_when_done(output) as partial, partial.open(
                    "w", encoding=encoding, newline="") as handle:
                count = write(handle)
    if output is not None:
        console.print(f"exported {count} {what} to {output}", highlight=False)


@app.command()
def forget(
    target: str | None = typer.Argument(
        None, help="An e-mail, a domain, a phone (+CC...) or a name."),
    file: Path | None = typer.Option(
        None, "--file", help="A do-not-contact list: one e-mail, domain, phone or name per line "
        "(of a .csv file or .xlsx workbook, its first column)."),
    reason: str | None = typer.Option(None, "--reason", help="Why (kept with the entry)."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Name the companies it would erase; change nothing."),
    encoding: str | None = typer.Option(
        None, "--encoding", help="The --file's encoding (gbk, cp1252; default UTF-8, or the "
        "encoding a file that is not UTF-8 looks like, which it names)."),
    db: str | None = DatabaseOption,
) -> None:
    """Suppress a contact or company for good: erase what is stored, never store or export it again.

    A person's own e-mail (not a role address such as info@) forgets that person: their
    e-mail, name, title and direct line leave every company that lists them; the companies
    stay.

    Example: leadgen forget info@example.com --reason "asked to be removed"

    A role address (info@, vertrieb@), a domain, a phone or a name forgets every company
    that has it, customers too: `--dry-run` names them first.

    Example: leadgen forget --file do-not-contact.txt --reason "DNC list 2026-12"
    """
    if (target is None) == (file is None):
        raise typer.BadParameter("give one TARGET or --file FILE")
    if encoding is not None and file is None:
        raise typer.BadParameter("--encoding reads a --file; give one")
    notes: list[str] = []
    entries, problems = read_targets(file, encoding, notes) if file is not None else ([], [])
    for line in notes:
        err.print(f"warning {line}", markup=False, highlight=False, soft_wrap=True)
    engine = init_db(db)
    if dry_run:
        if target is not None:
            entries = target_entries(target)
        for line in problems:  # the lines the run would refuse, before it is run
            err.print(f"refused {line}", markup=False, highlight=False, soft_wrap=True)
        refused = f" ({len(problems)} lines refused)" if file is not None else ""
        with Session(engine) as session:
            would = would_erase(session, entries)
        console.print(f"would suppress {len(set(entries))} entries{refused} and erase "
                      f"{would.companies} companies (nothing changed)", highlight=False,
                      soft_wrap=True)
        _print_named(would)
        return
    if file is None:
        assert target is not None
        with session_scope(engine) as session:
            result = forget_target(session, target, reason)
        if result["kind"] == "person":
            console.print(
                f"suppressed person {result['value']}; taken out of "
                f"{result['people_erased_from']} companies (the companies stay)",
                highlight=False, soft_wrap=True,
            )
        else:
            console.print(
                f"suppressed {result['kind']} {result['value']}; "
                f"erased {result['companies_erased']} companies",
                highlight=False,
            )
            _print_named(result["erased"])
        return
    for line in problems:
        err.print(f"refused {line}", markup=False, highlight=False, soft_wrap=True)
    with session_scope(engine) as session:
        erased = suppress_and_erase(session, entries, reason)
    people = (f"; people taken out of {erased.people_from} companies"
              if any(kind == "person" for kind, _ in entries) else "")
    console.print(f"suppressed {len(set(entries))} entries from {file.name} "
                  f"({len(problems)} lines refused); erased {erased.companies} companies"
                  f"{people}", highlight=False, soft_wrap=True)
    _print_named(erased)


def _print_named(erased: Erased) -> None:
    """The companies erased (or that would be), a customer marked as such."""
    for company_id, name, status in erased.named:
        mark = " (a customer)" if status == "customer" else ""
        console.print(f"  {company_id} {name}{mark}", markup=False, highlight=False)
    if erased.companies > len(erased.named):
        console.print(f"  ... and {erased.companies - len(erased.named)} more", highlight=False)
