"""Ingest speed and memory at 10k, 100k and 1M generated leads (with duplicates), on SQLite.

Each size runs in its own subprocess (so peak memory is that size's own) against a fresh
database. Leads are generated already normalized (the generator knows the canonical values),
in chunks, outside the clock; the clock covers ``Ingestor.ingest`` + ``flush``: hashing,
blocking, matching, survivorship and writing every row. The same leads are then imported end to
end from a CSV file (``leadgen import``: validation and normalization included). Peak memory is
the subprocess's max RSS. ``leadgen dedupe`` is timed in ``bench_dedupe.py``.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from leadgen.ingest.bulk import BULK_BATCH_SIZE
from leadgen.ingest.parallel import usable_cores
from leadgen.items import Address, EmailAddress, Lead, NormalizedLead, PhoneNumber, SourceMeta
from leadgen.normalize.address import city_key
from leadgen.normalize.name import name_key

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 10_000)
CHUNK = 5_000
_WORDS = ("alpha beta gamma delta nord sud ost west blue red green star sun moon river lake "
          "stone iron steel paper pack box craft tech data soft logic metal wood glass tool "
          "print media food agro bio chem pharma auto motor trans cargo port sea air fly "
          "north south east hill field bridge tower castle garden forest ocean cloud").split()
_SYLLABLES = ("ka ri no ve la to mi sa ro du be ga li xo ne pa ru fi mo ta se vi ko "
              "ha ze lu").split()
_FORMS = ("GmbH", "AG", "Ltd", "Inc.", "S.r.l.", "B.V.", "GmbH & Co. KG", "LLC", "", "")
_CITIES = [("Berlin", "10115"), ("Hamburg", "20095"), ("München", "80331"), ("Köln", "50667"),
           ("Frankfurt", "60311"), ("Stuttgart", "70173"), ("Leipzig", "04109"),
           ("Dresden", "01067"), ("Bremen", "28195"), ("Hannover", "30159")]
_SOURCES = ("association", "expo", "yellow", "import")


def generate(count: int, seed: int = 1) -> Iterator[tuple[Lead, NormalizedLead]]:
    """``count`` leads about ``count * 0.6`` companies, each seen by 1-3 sources, each with
    the normalized form a correct ``normalize_lead`` gives."""
    rng = random.Random(seed)
    produced = 0
    company = 0
    while produced < count:
        company += 1
        # A made-up brand (tens of thousands of distinct ones) plus one or two common trade
        # words, as real company names mix rare and common words.
        brand = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        words = [brand.capitalize()] + [rng.choice(_WORDS).capitalize()
                                        for _ in range(rng.randint(1, 2))]
        base = " ".join(words) + f" {company}"
        domain = "-".join(w.lower() for w in words) + f"{company}.de"
        city, postal = rng.choice(_CITIES)
        phone = f"{rng.randint(30, 89)}{company:07d}"
        street = f"{rng.choice(_WORDS).capitalize()}straße {rng.randint(1, 200)}"
        copies = rng.choice((1, 1, 2, 2, 3))
        for copy in range(min(copies, count - produced)):
            source = _SOURCES[copy]
            form = rng.choice(_FORMS)
            name = f"{base} {form}".strip() if copy % 2 == 0 else f"{base.upper()} {form}".strip()
            printed = f"0{phone[:2]} {phone[2:]}" if copy != 1 else f"+49 {phone[:2]} {phone[2:]}"
            website = f"https://www.{domain}/" if copy != 2 else None
            emails = [f"info@{domain}"] if copy == 0 else []
            lead = Lead(
                name=name,
                source=SourceMeta(source_id=source, page_url=f"https://{source}.example/c/{company}",
                                  record_id=f"{source}-{company}"),
                website=website, emails=emails, phones=[printed],
                address=Address(street=street, city=city, postal_code=postal, country="DE"),
                categories=[rng.choice(_WORDS)],
            )
            normalized = NormalizedLead.model_construct(
                lead=lead, display_name=base if copy % 2 == 0 else base.upper(),
                name_key=name_key(base), legal_form=form or None,
                website=website and website.rstrip("/"), registered_domain=website and domain,
                emails=[EmailAddress.model_construct(address=e, domain=domain, role=True,
                                                     free_mail=False) for e in emails],
                phones=[PhoneNumber.model_construct(e164=f"+49{phone}", raw=printed,
                                                    extension=None, kind="fixed_line")],
                country="DE", postal_code=postal, city=city_key(city),
            )
            yield lead, normalized
            produced += 1


class PeakMemory:
    """Peak resident memory (VmHWM) of this process and, sampled twice a second, of each child
    process. ``ru_maxrss`` is not used: Linux carries a forking parent's size over into it."""

    def __init__(self) -> None:
        import threading

        self.children: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def hwm_mb(pid: int | str = "self") -> float:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _sample(self) -> None:
        me = str(os.getpid())
        while not self._stop.wait(0.5):
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                        parent = stat.read().rsplit(")", 1)[1].split()[1]
                except OSError:
                    continue
                if parent == me:
                    peak = self.hwm_mb(entry)
                    self.children[int(entry)] = max(self.children.get(int(entry), 0.0), peak)

    def stop(self) -> tuple[float, float]:
        """(this process's peak, the sum of the children's peaks) in MB."""
        self._stop.set()
        self._thread.join()
        return self.hwm_mb(), sum(self.children.values())


def measure(count: int, db_path: str) -> dict[str, float]:
    """Ingest ``count`` generated, already normalized leads into a fresh SQLite file, in this
    process (matching, survivorship and writes; what a crawl's store pipeline does)."""
    from leadgen.ingest import Ingestor
    from leadgen.ingest.bulk import bulk_gc
    from leadgen.normalize import normalize_lead
    from leadgen.storage import init_db

    engine = init_db(f"sqlite:///{db_path}")
    ingestor = Ingestor(engine, background=True)  # bulk batches
    children_cpu = _children_cpu()
    memory = PeakMemory()
    clock = [0.0, 0.0]  # wall and CPU seconds of this process inside the clock
    chunk: list[NormalizedLead] = []
    statuses: dict[str, int] = {}
    sample: list[Lead] = []

    def timed(work: Callable[[], None]) -> None:
        started, cpu_started = time.perf_counter(), time.process_time()
        work()
        clock[0] += time.perf_counter() - started
        clock[1] += time.process_time() - cpu_started

    def ingest_chunk() -> None:
        for normalized in chunk:
            outcome = ingestor.ingest(normalized)
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1

    # One bulk_gc block for the whole load, as `leadgen import` has (leaving it after each
    # chunk let the collector run a full collection over every index entry made so far).
    with bulk_gc():
        for lead, normalized in generate(count):
            if len(sample) < 5000:
                sample.append(lead)
            chunk.append(normalized)
            if len(chunk) >= CHUNK:
                timed(ingest_chunk)
                chunk = []
        timed(ingest_chunk)
        timed(ingestor.close)
    seconds, cpu = clock
    peak_mb, writer_peak_mb = memory.stop()
    children_cpu = _children_cpu() - children_cpu  # the writer process, waited for by close()
    started = time.perf_counter()
    for lead in sample:
        normalize_lead(lead, "DE")
    normalize_rate = len(sample) / (time.perf_counter() - started)
    return {"count": count, "seconds": seconds, "leads_per_s": count / seconds,
            "peak_mb": peak_mb, "child_peak_mb": writer_peak_mb, "cpu_seconds": cpu,
            "children_cpu_seconds": children_cpu,
            "leads_per_cpu_s": count / cpu,
            "normalize_per_s": normalize_rate,
            **{f"status_{k}": v for k, v in statuses.items()}}


CSV_COLUMNS = ("id", "source", "name", "phone", "website", "email", "street", "city",
               "postal_code", "country", "category")  # "source": the list a row came from


def write_csv(count: int, path: Path) -> None:
    """The generated leads as a spreadsheet, one row per lead (its source in a column)."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for lead, _ in generate(count):
            address = lead.address
            assert address is not None
            writer.writerow([lead.source.record_id, lead.source.source_id, lead.name,
                             lead.phones[0], lead.website or "", ";".join(lead.emails),
                             address.street, address.city, address.postal_code,
                             address.country, ";".join(lead.categories)])


def measure_import(count: int, db_path: str, workers: int) -> dict[str, float]:
    """``leadgen import`` end to end: CSV rows validated, normalized, matched and stored."""
    from leadgen.importer import import_file
    from leadgen.storage import init_db

    csv_path = Path(db_path).with_suffix(".csv")
    write_csv(count, csv_path)  # outside the clock
    engine = init_db(f"sqlite:///{db_path}")
    memory = PeakMemory()
    children_cpu = _children_cpu()
    started, cpu_started = time.perf_counter(), time.process_time()
    report = import_file(engine, csv_path, source="import", id_column="id",
                         mapping=[f"{c}={c}" for c in CSV_COLUMNS[2:]], region="DE",
                         workers=workers)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    assert report.rows == count and not report.rejected, report.rejected[:3]
    peak_mb, children_mb = memory.stop()
    children_cpu = _children_cpu() - children_cpu  # workers and writer, all waited for
    return {"count": count, "seconds": seconds, "leads_per_s": count / seconds,
            "cpu_seconds": cpu, "children_cpu_seconds": children_cpu, "workers": workers,
            "peak_mb": peak_mb, "child_peak_mb": children_mb,
            **{f"status_{k}": v for k, v in report.outcomes.items()}}


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _subprocess(count: int, kind: str = "store", workers: int = 1) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        call = (f"measure({count}, {db!r})" if kind == "store"
                else f"measure_import({count}, {db!r}, {workers})")
        code = (f"import json; from tests.bench.bench_ingest import measure, measure_import; "
                f"print(json.dumps({call}))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=str(Path(__file__).resolve().parents[2]))
        return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _ratio_line(results: list[dict[str, float]], what: str,
                again: dict[str, float] | None = None) -> list[str]:
    """The 1M/100k time ratio; ``again``: the smaller size measured a second time, after the
    bigger one, so that the VM's speed drifting during the run (up to 3x here) weighs on
    both sides of the ratio alike."""
    if len(results) < 2:
        return []
    big, small = results[-1], results[-2]
    cpu = (f", {big['cpu_seconds'] / small['cpu_seconds']:.2f} CPU of this process"
           if "cpu_seconds" in big else "")
    line = (f"{what}: time ratio {int(big['count']):,} / {int(small['count']):,} = "
            f"{big['seconds'] / small['seconds']:.2f} wall{cpu} (size ratio "
            f"{big['count'] / small['count']:.0f}; bar <= 12 for 1M/100k).")
    if again is not None:
        mean = (small["seconds"] + again["seconds"]) / 2
        line += (f" The {int(small['count']):,} run repeated after the {int(big['count']):,} "
                 f"one took {again['seconds']:.1f} s ({again['leads_per_s']:,.0f} leads/s, "
                 f"{again['cpu_seconds']:.1f} s CPU); against the mean of the two runs the "
                 f"ratio is {big['seconds'] / mean:.2f} wall, "
                 f"{big['cpu_seconds'] / ((small['cpu_seconds'] + again['cpu_seconds']) / 2):.2f}"
                 " CPU.")
    return ["", line]


def run(quick: bool = False) -> str:
    sizes = QUICK_SIZES if quick else SIZES
    store = [_subprocess(size) for size in sizes]
    store_again = _subprocess(sizes[-2])  # the ratio's smaller side again, after the bigger
    from leadgen.ingest.parallel import default_workers

    workers = default_workers()  # as `leadgen import` uses for a big file
    imports = [_subprocess(size, "import", workers=workers) for size in sizes]
    imports_again = _subprocess(sizes[-2], "import", workers=workers)
    lines = [
        "## Ingest: generated leads into a fresh SQLite database",
        "",
        "Two measurements per size, each in its own process. **Store**: leads generated already",
        "normalized, ingested by `Ingestor.ingest` (hashing, blocking, matching, survivorship,",
        f"building every row) with a writer process storing each batch of {BULK_BATCH_SIZE:,}",
        "while the next is matched (`background=True`, as bulk loads use). **Import**:",
        "`leadgen import` of the same leads as a CSV file, end to end (parse, validate,",
        f"normalize, suppression check, match, store), with {workers} worker processes (one per",
        "core, `leadgen import`'s default for a big file) preparing rows while the main process",
        "matches and stores.",
        "",
        "| leads | path | seconds | leads/s | CPU s (main + children) | CPU µs per lead (main + "
        "children) | peak RSS main + children (MB) | new | merged | possible |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, results in (("store", store), ("import", imports)):
        for r in results:
            lines.append(
                f"| {int(r['count']):,} | {label} | {r['seconds']:.1f} | "
                f"{r['leads_per_s']:,.0f} | "
                f"{r['cpu_seconds']:.1f} + {r['children_cpu_seconds']:.1f} | "
                f"{r['cpu_seconds'] / r['count'] * 1e6:.0f} + "
                f"{r['children_cpu_seconds'] / r['count'] * 1e6:.0f} | "
                f"{r['peak_mb']:.0f} + {r['child_peak_mb']:.0f} | "
                f"{int(r.get('status_new', 0)):,} | {int(r.get('status_merged', 0)):,} | "
                f"{int(r.get('status_possible', 0)):,} |")
    lines += ["", "Children: the SQLite writer process (store and import) and the import's "
              "workers (CPU: each child's user + system time, counted when it has ended); "
              "peaks are each process's VmHWM (children sampled twice a second), and "
              "they need not coincide, so their sum bounds the total.",
              "", "`normalize_lead` alone (5k-lead sample, one process): " + ", ".join(
                  f"{r['normalize_per_s']:,.0f} leads/s" for r in store[-1:]) + "."]
    lines += _ratio_line(store, "Store", store_again)
    lines += _ratio_line(imports, "Import", imports_again)
    for label, results in (("Store", store), ("Import", imports)):
        big = results[-1]
        total = (big["cpu_seconds"] + big["children_cpu_seconds"]) / big["count"]
        cores = usable_cores()
        lines += ["", f"{label} at {int(big['count']):,}: {total * 1e6:.0f} µs of CPU per lead in "
                  f"all; spread perfectly over {cores} cores that work allows at most "
                  f"{cores / total:,.0f} leads/s."]
    lines += ["", "Bar: >= 10,000 leads/s at 1M on 2 cores, peak memory < 2 GB, ratio <= 12.",
              "Wall-clock rates depend on what else runs on the machine; CPU seconds of the",
              "ingesting process are the steadier figure.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
