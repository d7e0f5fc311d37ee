"""``leadgen score`` and ``leadgen mark``: grade every lead against a profile, record outcomes."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from enrich.scoring.icp import DIMENSIONS
from enrich.scoring.learn import learn as learn_weights
from enrich.scoring.service import ScoreRun, rescore
from enrich.scoring.store import mark_outcome, prune_history
from leadgen.cli.app import DatabaseOption, app
from leadgen.exceptions import ConfigError, InputError
from leadgen.explain import find_company
from leadgen.profile import load_profile
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import COMPANY_STATUSES, Company

console = Console()


@app.command()
def score(
    profile: str = typer.Option(..., "--profile", "-p", help="Profile name or YAML path."),
    db: str | None = DatabaseOption,
    grading: str | None = typer.Option(
        None, "--grading", help="percentile (A top 1%, B to 5%, C to 20%) or thresholds; "
        "default: the profile's icp.grading.scheme."
    ),
    diff: bool = typer.Option(False, "--diff", help="List the leads whose score moved most."),
    learn: bool = typer.Option(
        False, "--learn", help="Fit learned weights on recorded outcomes and compare AUCs."
    ),
    rebuild: bool = typer.Option(
        False, "--rebuild-features", help="Recompute the cached lead features from the database."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Score but do not store the scores."),
    top: int = typer.Option(10, "--top", help="How many top leads (and movers) to show."),
    truth: str | None = typer.Option(
        None, "--truth", help="Demo-web truth JSON (leadgen demo-web --write-truth): print the "
        "AUC and A precision of the stored scores against its hidden fit label."
    ),
    keep_runs: int | None = typer.Option(
        None, "--keep-runs", help="Afterwards delete all but the N newest scorings of the profile "
        "(default: keep every scoring)."
    ),
) -> None:
    """Score every lead for a profile (no recrawl): fit 0-100, sub-scores, reasons and grade.

    Example: leadgen score --profile demo --diff
    """
    if grading not in (None, "percentile", "thresholds"):
        raise InputError(f"--grading {grading!r}: use percentile or thresholds")
    if keep_runs is not None and keep_runs < 1:  # told before anything is scored
        raise InputError(f"--keep-runs {keep_runs}: keep at least the current scoring (1)")
    loaded = load_profile(profile)
    if loaded.icp.is_empty:
        raise ConfigError(f"{loaded.path}: profile {loaded.name!r} has no icp: rules; add "
                          "need/pay/authority/reach/eligible rules")
    engine = init_db(db)
    run = rescore(engine, loaded.name, loaded.icp, grading, rebuild, write=not dry_run)
    _print_summary(engine, run, top)
    if diff and run.diff is not None:
        _print_movers(engine, run)
    if learn:
        report = learn_weights(run.features, run.result)
        console.print(report.markdown())
    if truth is not None and not dry_run:
        from enrich.scoring.demo_eval import evaluate_database

        evaluation = evaluate_database(engine, truth, loaded.name)
        console.print(f"Against the truth file: {evaluation.line()}")
    if keep_runs is not None and not dry_run:
        deleted = prune_history(engine, loaded.name, keep_runs)
        console.print(f"Deleted {deleted} score rows older than the {keep_runs} newest scorings.")


def _names(engine: object, ids: list[int]) -> dict[int, str]:
    with session_scope(engine) as session:  # type: ignore[arg-type]
        rows = session.execute(select(Company.id, Company.display_name).where(Company.id.in_(ids)))
        return {int(company_id): name for company_id, name in rows}


def _print_summary(engine: object, run: ScoreRun, top: int) -> None:
    counts = run.grade_counts
    t = run.timings
    console.print(
        f"Scored [bold]{run.features.n}[/] leads for profile [bold]{run.profile}[/] in "
        f"{t['total']:.2f}s (features {t['features']:.2f}s, {run.features.extra.get('cache')}; "
        f"scoring {t['score']:.2f}s; writing {t.get('write', 0.0):.2f}s)"
    )
    console.print("Grades: " + ", ".join(f"{g}={counts[g]}" for g in "ABCD"))
    if run.diff is not None:
        console.print(run.diff.summary())
    result = run.result
    if not len(result.ids) or top <= 0:
        return
    order = [int(i) for i in (-result.score).argsort(kind="stable")[:top]]
    names = _names(engine, [int(result.ids[i]) for i in order])
    table = Table("id", "company", "grade", "fit", *DIMENSIONS, "why", title="Top leads")
    for i in order:
        company_id = int(result.ids[i])
        table.add_row(
            str(company_id), names.get(company_id, "?"), str(result.grade[i]),
            f"{result.score[i]:g}", *(f"{result.sub[d][i]:.0f}" for d in DIMENSIONS),
            "; ".join(result.reasons_of(i)[:3]),
        )
    console.print(table)


def _print_movers(engine: object, run: ScoreRun) -> None:
    assert run.diff is not None
    if not run.diff.movers:
        console.print("No lead moved.")
        return
    names = _names(engine, [m[0] for m in run.diff.movers])
    table = Table("id", "company", "before", "now", "grade", title="Largest moves")
    for company_id, old, new, old_grade, new_grade in run.diff.movers:
        table.add_row(str(company_id), names.get(company_id, "?"), f"{old:g}", f"{new:g}",
                      f"{old_grade} -> {new_grade}")
    console.print(table)


@app.command()
def mark(
    company: str = typer.Argument(..., help="Company id, domain or exact name."),
    outcome: str = typer.Argument(..., help="won, lost or clear (a sales outcome), or a "
                                  "status: new, qualified, contacted, customer, former, "
                                  "excluded."),
    db: str | None = DatabaseOption,
) -> None:
    """Record a sales outcome for a lead (`leadgen score --learn` learns from these), or set
    its status (a profile's rules read it: an excluded lead or a customer is vetoed).

    Example: leadgen mark 42 won

    Example: leadgen mark "Acme GmbH" excluded
    """
    if outcome not in ("won", "lost", "clear", *COMPANY_STATUSES):
        raise InputError(f"{outcome!r}: use won, lost or clear, or a status: "
                         + ", ".join(COMPANY_STATUSES))
    engine = init_db(db, existing=True)
    with session_scope(engine) as session:
        found = find_company(session, company)
        if outcome in COMPANY_STATUSES:  # "excluded" could be set by no command
            found.status = outcome
            session.add(found)
            console.print(f"{found.id} {found.display_name}: status {outcome}")
            return
        mark_outcome(session, found, None if outcome == "clear" else outcome)
        console.print(f"{found.id} {found.display_name}: outcome {outcome}")
