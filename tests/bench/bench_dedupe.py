"""``leadgen dedupe`` (whole-database re-clustering) speed and memory at 10k, 100k and 1M records.

Per size, one subprocess ingests generated leads into a fresh SQLite file (not timed), then a
second subprocess runs ``dedupe`` twice on it: the first run re-normalizes, blocks, compares and
clusters every source record; the second finds the database as the first left it and stops
after checking that. Peak memory is the dedupe subprocess's own max RSS
(and that of its worker processes, if any), so the ingest does not count.

``LEADGEN_BENCH_DB_DIR=DIR`` keeps the ingested databases in DIR and reuses them (a copy per run),
to time dedupe changes without re-ingesting.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 10_000)
REPO = Path(__file__).resolve().parents[2]


def build(count: int, db_path: str) -> None:
    """Ingest ``count`` generated leads into a new SQLite file (called in a subprocess)."""
    from leadgen.ingest import Ingestor
    from leadgen.ingest.bulk import bulk_gc
    from leadgen.storage import init_db
    from tests.bench.bench_ingest import generate

    engine = init_db(f"sqlite:///{db_path}")
    ingestor = Ingestor(engine, background=True)  # bulk batches
    with bulk_gc():
        for _lead, normalized in generate(count):
            ingestor.ingest(normalized)
    ingestor.close()
    engine.dispose()


def measure(db_path: str) -> dict[str, float]:
    """Run ``dedupe`` twice on an ingested database (called in a subprocess)."""
    from leadgen.matching.dedupe import dedupe
    from leadgen.storage import init_db

    engine = init_db(f"sqlite:///{db_path}")
    started, cpu_started = time.perf_counter(), time.process_time()
    first = dedupe(engine, default_region="DE")
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    workers_cpu = _children_cpu()
    peak_first = _peak_mb()
    started = time.perf_counter()
    second = dedupe(engine, default_region="DE")
    again = time.perf_counter() - started
    engine.dispose()
    return {"records": first.records, "seconds": seconds, "cpu_seconds": cpu,
            "workers_cpu_seconds": workers_cpu,
            "peak_mb": peak_first, "workers_peak_mb": _children_peak_mb(),
            "clusters_changed": first.clusters_changed, "companies": first.companies_after,
            "comparisons": first.comparisons, "second_seconds": again,
            "second_changed": second.clusters_changed}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=str(REPO))
    if out.returncode:
        raise RuntimeError(f"benchmark subprocess failed:\n{out.stderr[-3000:]}")
    return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""


def _subprocess(count: int) -> dict[str, float]:
    keep = os.environ.get("LEADGEN_BENCH_DB_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        work = str(Path(tmp) / "dedupe.db")
        cached = Path(keep) / f"dedupe-{count}.db" if keep else None
        started = time.perf_counter()
        if cached is None or not cached.is_file():
            target = str(cached) if cached else work
            _python(f"from tests.bench.bench_dedupe import build; build({count}, {target!r})")
        ingest_seconds = time.perf_counter() - started
        if cached is not None:
            shutil.copyfile(cached, work)
        line = _python(f"import json; from tests.bench.bench_dedupe import measure; "
                       f"print(json.dumps(measure({work!r})))")
        result: dict[str, float] = json.loads(line)
        result["count"] = count
        result["ingest_seconds"] = ingest_seconds
        return result


def run(quick: bool = False) -> str:
    sizes = QUICK_SIZES if quick else SIZES
    results = [_subprocess(size) for size in sizes]
    # The ratio's smaller side again, after the bigger: this VM's speed drifts between runs.
    again = _subprocess(sizes[-2])
    lines = [
        "## Dedupe: `leadgen dedupe` re-clusters a whole SQLite database",
        "",
        "| records | seconds | records/s | CPU s (main + workers) | peak RSS MB (main / workers) "
        "| companies | comparisons | clusters changed | 2nd run s (changed) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {int(r['records']):,} | {r['seconds']:.1f} | {r['records'] / r['seconds']:,.0f} "
            f"| {r['cpu_seconds']:.1f} + {r.get('workers_cpu_seconds', 0.0):.1f} "
            f"| {r['peak_mb']:.0f} / {r['workers_peak_mb']:.0f} "
            f"| {int(r['companies']):,} | {int(r['comparisons']):,} "
            f"| {int(r['clusters_changed']):,} | {r['second_seconds']:.1f} "
            f"({int(r['second_changed']):,}) |")
    lines.append("")
    for small, big in zip(results, results[1:], strict=False):
        lines.append(f"Time ratio {int(big['count']):,} / {int(small['count']):,}: "
                     f"{big['seconds'] / small['seconds']:.2f} "
                     f"(size ratio {big['count'] / small['count']:.0f}; bar: at most 1.2 x the "
                     "size ratio).")
    for small, big in zip(results, results[1:], strict=False):
        cpu = [r["cpu_seconds"] + r.get("workers_cpu_seconds", 0.0) for r in (small, big)]
        lines.append(f"CPU ratio {int(big['count']):,} / {int(small['count']):,}: "
                     f"{cpu[1] / cpu[0]:.2f}.")
    small, big = results[-2], results[-1]
    mean = (small["seconds"] + again["seconds"]) / 2
    lines.append(f"The {int(small['count']):,} run repeated after the {int(big['count']):,} one "
                 f"took {again['seconds']:.1f} s; against the mean of the two runs the time "
                 f"ratio is {big['seconds'] / mean:.2f}.")
    lines += ["", "The ingest that builds each database is not timed here (see the ingest "
              "benchmark). Workers: 2 processes normalize records from 20,000 records on. "
              "Peak RSS of workers is the largest worker process's. The 2nd run finds the "
              "database as the 1st left it (same fingerprint) and stops early. Wall-clock "
              "times depend on what else runs on the machine; CPU seconds are steadier.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
