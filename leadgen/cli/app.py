"""The typer application every command module registers on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from leadgen.exceptions import InputError
from leadgen.normalize.address import normalize_country
from leadgen.storage.ids import MAX_ID

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


def region_code(value: str | None) -> str | None:
    """A ``--region`` value as its ISO 3166-1 alpha-2 code ("de" and "DE": DE, "UK": GB), or
    an error naming it: a code no country has would be stored as every record's country."""
    if value is None:
        return None
    text = value.strip()
    code = normalize_country(text) if len(text) == 2 else None
    if code is None:
        shown = f"--region {text[:40]!r}"
        if named := normalize_country(text[:100]):
            raise InputError(f"{shown}: give the country's ISO 3166 two-letter code, {named}")
        raise InputError(f"{shown}: not a country's ISO 3166 two-letter code (DE, CN, US, ...)")
    return code


def RegionOption(help: str) -> Any:  # noqa: N802 (an option, as DatabaseOption is)
    """The ``--region`` option of every command taking one, checked by :func:`region_code`."""
    return typer.Option(None, "--region", help=help, callback=region_code)


def ids_of(kind: str) -> Callable[[Any], Any]:
    """The callback of an id argument or option: an id no row can have (the database refuses
    even to look one up beyond 64 bits) is refused as a missing ``kind`` is."""
    def check(value: Any) -> Any:
        for number in value if isinstance(value, list | tuple) else [value]:
            if number is not None and abs(number) > MAX_ID:
                raise InputError(f"no {kind} with id {number} (no id is that large)")
        return value
    return check
