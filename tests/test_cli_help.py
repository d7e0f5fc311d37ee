"""Every command has --help with an example (sqlite-utils' "every command is documented")."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from leadgen.cli import app

runner = CliRunner()


def _command_paths() -> list[list[str]]:
    root = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, [*path, name])
        else:
            paths.append(path)

    walk(root, [])
    return paths


COMMANDS = _command_paths()


def test_core_commands_exist() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"stats", "query", "export", "forget"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_help_has_an_example(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"leadgen {' '.join(path)} --help shows no example"
