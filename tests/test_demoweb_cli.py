"""``leadgen demo-web``: --write-truth writes the same truth the library returns."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.demoweb import DemoWorld


def test_write_truth(tmp_path: Path) -> None:
    out = tmp_path / "truth.json"
    result = CliRunner().invoke(
        app, ["demo-web", "--seed", "5", "--companies", "30", "--write-truth", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(DemoWorld.generate(seed=5, companies=30).truth()))
    assert written["company_count"] == 30


def test_bad_company_count_is_one_line_error() -> None:
    result = CliRunner().invoke(app, ["demo-web", "--companies", "0", "--write-truth", "x.json"])
    assert result.exit_code != 0
