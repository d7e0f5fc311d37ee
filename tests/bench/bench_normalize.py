"""normalize_lead speed on generated leads: first pass (memos cleared) vs a repeated pass.

Same-run ratio: repeated pass / first pass.
"""

from __future__ import annotations

import time

from leadgen.items import Lead
from leadgen.normalize import clear_caches, normalize_lead
from tests.bench.bench_ingest import generate


def _rate(leads: list[Lead], region: str = "DE") -> float:
    start = time.process_time()
    for lead in leads:
        normalize_lead(lead, region)
    return len(leads) / (time.process_time() - start)


def run(quick: bool = False) -> str:
    count = 5_000 if quick else 20_000
    leads = [lead for lead, _ in generate(count)]
    normalize_lead(leads[0], "DE")  # one-time tables (suffix list, phone metadata)
    clear_caches()
    first = _rate(leads)
    again = _rate(leads)
    return "\n".join([
        "## normalize_lead", "",
        f"{count:,} generated leads (about 1.8 records per company), CPU time.", "",
        "| pass | leads/s | ratio |", "|---|---:|---:|",
        f"| first (memos cleared) | {first:,.0f} | 1.00 |",
        f"| again (memos warm) | {again:,.0f} | {again / first:.1f} |", "",
    ])


if __name__ == "__main__":
    print(run())
