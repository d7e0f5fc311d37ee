"""``make bench``: run every ``tests/bench/bench_*.py`` and write ``tests/bench/RESULTS.md``.

Each benchmark module has ``run(quick: bool = False) -> str`` returning a markdown section with
its figures as ratios against a baseline measured in the same run. Usage::

    python -m tests.bench [--quick] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names (ingest, ...)")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    names = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    if args.only:
        names = [n for n in names if n in args.only]
    sections = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()}, {_cpu_count()} cores"
        + (" (quick mode)" if args.quick else "") + ".",
        "",
    ]
    failed = 0
    for name in names:
        print(f"== bench {name}", flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"tests.bench.bench_{name}")
            section = module.run(quick=args.quick)
        except Exception:  # a broken benchmark is reported, the others still run
            failed += 1
            section = f"## {name}\n\nFAILED:\n\n```\n{traceback.format_exc()}```\n"
        elapsed = time.perf_counter() - started
        sections += [section.rstrip(), "", f"_({name}: {elapsed:.0f} s wall)_", ""]
        print(section, flush=True)
    args.output.write_text("\n".join(sections) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 1 if failed else 0


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
