"""The typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="leadgen",
    help="Find B2B sales leads on the public web and turn them into a clean, scored lead database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DatabaseOption = typer.Option(
    None,
    "--db",
    envvar="LEADGEN_DATABASE_URL",
    help="Database URL (default: sqlite:///data/leads.db).",
)
