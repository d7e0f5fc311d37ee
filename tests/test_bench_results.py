"""``make bench`` results file: rerunning some benchmarks keeps the other sections."""

from __future__ import annotations

from pathlib import Path

from tests.bench.__main__ import HERE, _sections, main

OLD = """# Benchmark results

On x86_64.

## crawl

| a | b |
|---|---|

_(crawl: 69 s wall, run 2026-11-22 13:38 UTC)_

## Ingest: generated leads

text

_(ingest: 921 s wall, run 2026-12-03 22:35 UTC)_
"""


def test_sections_are_found_by_their_closing_line() -> None:
    sections = _sections(OLD)
    assert list(sections) == ["crawl", "ingest"]
    assert sections["crawl"].startswith("## crawl\n")
    assert sections["ingest"].endswith("_(ingest: 921 s wall, run 2026-12-03 22:35 UTC)_")


def test_every_section_of_the_committed_results_is_found() -> None:
    names = {p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py")}
    assert set(_sections((HERE / "RESULTS.md").read_text(encoding="utf-8"))) == names


def test_only_keeps_the_sections_not_rerun(tmp_path: Path) -> None:
    output = tmp_path / "RESULTS.md"
    output.write_text(OLD, encoding="utf-8")
    assert main(["--only", "no-such-benchmark", "--output", str(output)]) == 0
    assert _sections(output.read_text(encoding="utf-8")) == _sections(OLD)
