"""``leadgen demo-web``: --write-truth writes the same truth the library returns."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
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


def test_serves_until_terminated() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from leadgen.cli import main; main()", "demo-web", "--port", "0",
         "--companies", "20"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"proxy (http://127\.0\.0\.1:\d+)", first)
        assert match, first
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": match.group(1)}))
        with opener.open("http://www.packaging-association.org/robots.txt", timeout=10) as resp:
            assert b"Crawl-delay" in resp.read()
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert "demo web stopped" in out
    assert proc.returncode == 0
