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


def test_generated_leads_come_normalized_as_normalize_lead_gives_them() -> None:
    """The ingest and dedupe benchmarks hand over generated leads already normalized: their
    keys must be the ones ``normalize_lead`` gives (else ``leadgen dedupe`` finds every stored
    key stale and re-keys the whole database, and the benchmark times that)."""
    from leadgen.normalize import normalize_lead
    from tests.bench.bench_ingest import generate

    fields = ("name_key", "display_name", "city", "country", "postal_code",
              "registered_domain")
    pairs = list(generate(600))
    assert any(" tech" in normalized.lead.name.lower() for _, normalized in pairs)
    for lead, normalized in pairs:
        real = normalize_lead(lead, "DE")
        assert [getattr(real, f) for f in fields] == [getattr(normalized, f) for f in fields]
        assert [p.e164 for p in real.phones] == [p.e164 for p in normalized.phones]
