"""``make bench``: run every ``tests/bench/bench_*.py`` and write ``tests/bench/RESULTS.md``.

Each benchmark module has ``run(quick: bool = False) -> str`` returning a markdown section with
its figures as ratios against a baseline measured in the same run. Usage::

    python -m tests.bench [--quick] [--only NAME ...]

With ``--only`` the other sections of the existing results file are kept as they are; each
section ends with when it ran.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import re
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from leadgen.ingest.parallel import usable_cores

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
    previous = _sections(args.output.read_text(encoding="utf-8")) if (
        args.only and args.output.exists()) else {}
    done: dict[str, str] = {}
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
        done[name] = (f"{section.rstrip()}\n\n_({name}: {elapsed:.0f} s wall, "
                      f"run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
                      + (", quick mode" if args.quick else "") + ")_")
        print(section, flush=True)
    merged = {**previous, **done}
    header = ["# Benchmark results", "",
              f"On {platform.machine()}, Python {platform.python_version()}, "
              f"{usable_cores()} cores. "
              "Each section ends with its wall time and when it ran (`make bench` runs them all; "
              "`--only NAME` reruns some and keeps the others).", ""]
    body = [merged[name] + "\n" for name in sorted(merged)]
    args.output.write_text("\n".join(header + body), encoding="utf-8")
    print(f"wrote {args.output}")
    return 1 if failed else 0


_END = re.compile(r"^_\((\w+): [^\n]*\)_$", re.MULTILINE)


def _sections(text: str) -> dict[str, str]:
    """The sections of a results file by benchmark name: from its ``## `` heading to its
    closing ``_(name: ... s wall, run ...)_`` line."""
    sections: dict[str, str] = {}
    start = 0
    for end in _END.finditer(text):
        heading = text.find("\n## ", start, end.start())
        if heading >= 0:
            sections[end.group(1)] = text[heading + 1:end.end()]
        start = end.end()
    return sections



if __name__ == "__main__":
    sys.exit(main())
