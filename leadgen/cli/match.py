"""``leadgen import``, ``dedupe``, ``explain`` and ``review``: getting records in and merged."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from leadgen.cli.app import DatabaseOption, RegionOption, app, ids_of
from leadgen.exceptions import InputError
from leadgen.explain import explain as explain_sections
from leadgen.explain import find_company
from leadgen.export import writable_place, write_sheet
from leadgen.importer import (
    DEFAULT_ENCODING,
    ImportReport,
    ImportStopped,
    as_of_date,
    import_file,
    numbered_rows,
)
from leadgen.ingest.parallel import default_workers
from leadgen.matching.dedupe import dedupe as dedupe_db
from leadgen.matching.review import (
    REVIEW_COLUMNS,
    apply_decisions,
    merge_pair,
    open_pair_count,
    reject,
    review_sheet,
    side_text,
)
from leadgen.matching.rules import load_rules
from leadgen.matching.split import split_company
from leadgen.storage import init_db, session_scope

console = Console()
err = Console(stderr=True)
RulesOption = typer.Option(None, "--rules", help="Matching rules YAML (default: bundled).")


#: Rejected rows and warnings an import shows on screen, of each (``--report`` keeps all).
SHOWN_LINES = 20


@app.command("import")
def import_command(
    file: Path = typer.Argument(
        ..., help="CSV file (delimiter , ; tab or |; UTF-8 by default), .xlsx workbook, or JSON "
        "(.json, .jsonl)."),
    source: str = typer.Option(..., "--source", help="Source id for provenance (crm, fair-2025)."),
    id_column: str | None = typer.Option(None, "--id-column", help="Column with the row's id."),
    mapping: list[str] = typer.Option(
        [], "--map", help="FIELD=COLUMN, repeatable (name, phone, email, website, street, city, "
        "postal_code, country, category, contact_name, ...). Columns named like a field in "
        "English, German, French, Spanish, Italian or Chinese (Firma, 公司名称, Telefon, 电话) "
        "map by themselves; a --map decides its field."),
    as_what: str | None = typer.Option(None, "--as", help="customers: mark rows as customers."),
    region: str | None = RegionOption(
        "Default country/phone region (DE). Without it, the region the first rows clearly name "
        "(country column, web and e-mail domains, how the phone numbers are written) is used "
        "and printed."),
    encoding: str = typer.Option(
        DEFAULT_ENCODING, "--encoding", help="File encoding (gbk, cp1252; default UTF-8, "
        "UTF-16/32 when the file starts with their byte order mark, or the encoding a file "
        "that is not UTF-8 looks like, which the import names)."),
    sheet: str | None = typer.Option(
        None, "--sheet", help="The sheet of an .xlsx workbook to import (default: the first)."),
    workers: int | None = typer.Option(
        None, "--workers", min=0, help="Processes that validate and normalize rows while this "
        "one matches and stores them (default: none for files under 1 MB, else one per core)."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Check and match every row, report what would happen, store "
        "nothing."),
    report_path: Path | None = typer.Option(
        None, "--report", help="Write every rejected row and warning, with its row and reason, "
        "to this .csv or .xlsx file (the screen shows the first "
        f"{SHOWN_LINES} of each)."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="The date the file's data was current (YYYY-MM-DD; default: "
        "today): of two lists trusted alike, the more recent data wins a field, not the "
        "later import."),
    rules: Path | None = RulesOption,
    db: str | None = DatabaseOption,
) -> None:
    """Import a spreadsheet (CSV, .xlsx, JSON) through the same validation, normalization and
    matching as a crawl.

    Example: leadgen import fair.csv --source fair-2025 --id-column ID --map name=Company
    --map phone=Tel --map email=Mail --region DE

    Example: leadgen import crm.csv --source crm --id-column id --as customers

    Example: leadgen import bought.xlsx --source list-2026 --dry-run
    """
    if as_what not in (None, "customers"):
        raise InputError(f"--as {as_what!r}: the only choice is --as customers")
    if report_path is not None:
        writable_place(report_path)  # before the import, not after it
    data_date = as_of_date(as_of) if as_of is not None else None
    engine = init_db(db)
    try:
        report = import_file(
            engine, file, source=source, id_column=id_column, mapping=mapping,
            as_customers=as_what == "customers", region=region, encoding=encoding, sheet=sheet,
            rules=load_rules(rules) if rules else None,
            workers=_import_workers(file) if workers is None else workers, dry_run=dry_run,
            as_of=data_date,
        )
    except ImportStopped as exc:  # the rows before the line that stopped it are told of
        _tell(exc.report, report_path)
        raise
    _tell(report, report_path)
    outcomes = ", ".join(f"{name} {count}" for name, count in sorted(report.outcomes.items()))
    if dry_run:
        console.print(f"{report.rows} rows would be: {outcomes or 'nothing'}; "
                      f"{report.rejected_count} rejected, {len(report.warnings)} warnings "
                      "(dry run: nothing stored)", soft_wrap=True)
        return
    console.print(f"{report.rows} rows: {outcomes or 'nothing stored'}; "
                  f"{report.rejected_count} rejected, {len(report.warnings)} warnings",
                  soft_wrap=True)


def _tell(report: ImportReport, report_path: Path | None) -> None:
    """An import's columns, region, rejected rows and warnings on the screen (the first
    :data:`SHOWN_LINES` of each), and all of them in ``--report``."""
    if report.columns:
        err.print(f"columns: {report.columns_line()}", markup=False, highlight=False,
                  soft_wrap=True)
    if report.region_guess:
        err.print(f"region: {report.region_guess.region}, as no --region was given "
                  f"({report.region_guess.why}); give --region to choose another",
                  markup=False, highlight=False, soft_wrap=True)
    if report.statuses:
        err.print("statuses carried over from leadgen's export: " + ", ".join(
            f"{name} {count}" for name, count in sorted(report.statuses.items())),
            markup=False, highlight=False, soft_wrap=True)
    for word, lines in (("rejected", report.rejected), ("warning", report.warnings)):
        for line in lines[:SHOWN_LINES]:
            err.print(f"{word} {line}", markup=False, highlight=False, soft_wrap=True)
        if len(lines) > SHOWN_LINES:
            where = f"all in {report_path}" if report_path else "--report FILE keeps them all"
            err.print(f"... and {len(lines) - SHOWN_LINES:,} more {word} lines ({where})",
                      markup=False, highlight=False, soft_wrap=True)
    if report_path is not None:
        write_sheet(report_path, "import report", ["kind", "row", "reason"], (
            {"kind": word, "row": line.split(": ", 1)[0], "reason": line.split(": ", 1)[-1]}
            for word, lines in (("rejected", report.rejected), ("warning", report.warnings))
            for line in lines))


def _import_workers(file: Path) -> int:
    """Worker processes pay off once their start-up (about a second) is small beside the work."""
    try:
        big = file.stat().st_size >= 1_000_000
    except OSError:
        return 0  # import_file reports the missing file
    return default_workers() if big else 0


@app.command()
def dedupe(
    rules: Path | None = RulesOption,
    dry_run: bool = typer.Option(False, "--dry-run", help="Only report what would change."),
    region: str | None = RegionOption("Default phone region (DE)."),
    force: bool = typer.Option(False, "--force", help="Re-cluster even when nothing changed "
                               "since the last run (records, companies, rules, code)."),
    workers: int | None = typer.Option(None, "--workers", min=0, help="Processes that "
                                       "normalize records (default: 2 from 20,000 records)."),
    db: str | None = DatabaseOption,
) -> None:
    """Re-cluster the whole database from its source records (after changing the rules).

    Example: leadgen dedupe --rules my-rules.yaml --dry-run
    """
    engine = init_db(db, existing=True)
    report = dedupe_db(engine, load_rules(rules) if rules else None, dry_run=dry_run,
                       default_region=region, force=force, workers=workers)
    for line in report.lines():
        console.print(line)


@app.command()
def explain(
    company: str = typer.Argument(..., help="Company id, domain or name."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    db: str | None = DatabaseOption,
) -> None:
    """Show a company's merged records and why they were merged (levels, weights, scores).

    Example: leadgen explain "Acme Packaging"
    """
    engine = init_db(db, existing=True)
    with session_scope(engine) as session:
        found = find_company(session, company)
        sections = explain_sections(session, found)
        if as_json:
            print(json.dumps({s.title: s.data for s in sections}, indent=2, ensure_ascii=False,
                             default=str))
            return
        for section in sections:
            console.print(f"[bold]{section.title}[/]")
            for line in section.lines:
                console.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def review(
    merge: list[int] = typer.Option([], "--merge", help="Merge the pair with this id.",
                                    callback=ids_of("possible match")),
    reject_ids: list[int] = typer.Option([], "--reject", help="Reject the pair with this id.",
                                         callback=ids_of("possible match")),
    limit: int = typer.Option(50, "--limit", help="How many open pairs to list."),
    export: Path | None = typer.Option(
        None, "--export", help="Write every open pair to a sheet (.csv or .xlsx) with an empty "
        "decision column to fill in with merge or reject."),
    decisions: Path | None = typer.Option(
        None, "--decisions", help="Apply a filled-in sheet from --export (.csv or .xlsx)."),
    encoding: str = typer.Option(
        DEFAULT_ENCODING, "--encoding", help="The --decisions sheet's encoding, when it is a "
        ".csv file (default UTF-8, or the encoding it looks like: GBK, cp1252)."),
    rules: Path | None = RulesOption,
    db: str | None = DatabaseOption,
) -> None:
    """List possible matches, or decide them with --merge ID / --reject ID, or in a sheet.

    Example: leadgen review --merge 12 --reject 13

    Example: leadgen review --export review.xlsx, then leadgen review --decisions review.xlsx
    """
    engine = init_db(db, existing=True)
    loaded = load_rules(rules) if rules else None
    if export is not None:
        sheet = review_sheet(engine)
        write_sheet(export, "review", REVIEW_COLUMNS, sheet)
        console.print(f"wrote {len(sheet)} open pairs to {export}; fill in the decision column "
                      f"(merge or reject) and run leadgen review --decisions {export}",
                      highlight=False, soft_wrap=True)
        return
    if decisions is not None:
        notes: list[str] = []  # a sheet Excel saved as GBK or cp1252 is read as such
        merged, rejected, problems = apply_decisions(
            engine, numbered_rows(decisions, encoding, notes=notes), loaded,
            where=decisions.name)
        for line in notes:
            err.print(f"note: {line}", markup=False, highlight=False, soft_wrap=True)
        for line in problems:
            err.print(f"not applied {line}", markup=False, highlight=False, soft_wrap=True)
        console.print(f"merged {merged} pairs, rejected {rejected}; {len(problems)} rows not "
                      "applied", highlight=False, soft_wrap=True)
        return
    for match_id in merge:
        kept = merge_pair(engine, match_id, loaded)
        console.print(f"merged pair {match_id} into company {kept}")
    for match_id in reject_ids:
        reject(engine, match_id)
        console.print(f"rejected pair {match_id}")
    if merge or reject_ids:
        return
    pairs = review_sheet(engine, limit)
    if not pairs:
        console.print("no open possible matches")
        return
    for pair in pairs:
        console.print(f"#{pair['pair']} score {pair['score']:+.1f}: {pair['evidence']}",
                      markup=False, highlight=False, soft_wrap=True)
        for side in "ab":
            console.print(f"  {side} {side_text(pair, side)}", markup=False, highlight=False,
                          soft_wrap=True)
    total = open_pair_count(engine)
    shown = (f"{len(pairs)} of {total} open pairs" if total > len(pairs)
             else f"{total} open pair{'s' if total > 1 else ''}")
    console.print(f"{shown}; decide with leadgen review --merge ID / --reject ID, or in a sheet: "
                  "leadgen review --export review.xlsx", highlight=False, soft_wrap=True)


@app.command()
def split(
    company: int = typer.Argument(..., help="The company id (leadgen query or explain show it).",
                                  callback=ids_of("company")),
    records: list[int] = typer.Option(
        ..., "--record", help="A record to move to a company of its own; repeatable.",
        callback=ids_of("record")),
    rules: Path | None = RulesOption,
    db: str | None = DatabaseOption,
) -> None:
    """Undo a wrong merge: move records (ids as leadgen explain lists them) to a new company.

    Both companies are recomputed from their records, and leadgen dedupe keeps them apart.

    Example: leadgen split 42 --record 1187 --record 1190
    """
    engine = init_db(db, existing=True)
    new_id = split_company(engine, company, records, load_rules(rules) if rules else None)
    console.print(f"moved {len(set(records))} records of company {company} to new company "
                  f"{new_id}; leadgen dedupe keeps the two apart", highlight=False,
                  soft_wrap=True)
