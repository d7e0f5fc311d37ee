"""Ingest speed and memory at 10k, 100k and 1M generated leads (with duplicates), on SQLite.

Each size runs in its own subprocess (so peak memory is that size's own) against a fresh
database. Leads are generated already normalized (the generator knows the canonical values),
in chunks, outside the clock; the clock covers ``Ingestor.ingest`` + ``flush``: hashing,
blocking, matching, survivorship and writing every row. ``normalize_lead`` (phonenumbers,
email-validator, tldextract, names) is measured apart on a sample, since a crawl or an import
runs it in its own pipeline stage. Peak memory is the subprocess's max RSS.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from leadgen.items import Address, EmailAddress, Lead, NormalizedLead, PhoneNumber, SourceMeta

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 10_000)
CHUNK = 5_000
DEDUPE_MAX = 100_000  # `leadgen dedupe` (whole-database re-clustering) timed up to this size
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
                name_key=base.lower(), legal_form=form or None,
                website=website and website.rstrip("/"), registered_domain=website and domain,
                emails=[EmailAddress.model_construct(address=e, domain=domain, role=True,
                                                     free_mail=False) for e in emails],
                phones=[PhoneNumber.model_construct(e164=f"+49{phone}", raw=printed,
                                                    extension=None, kind="fixed_line")],
                country="DE", postal_code=postal, city=city.lower(),
            )
            yield lead, normalized
            produced += 1


def measure(count: int, db_path: str) -> dict[str, float]:
    """Ingest ``count`` generated leads into a fresh SQLite file; called in a subprocess."""
    from leadgen.ingest import Ingestor
    from leadgen.normalize import normalize_lead
    from leadgen.storage import init_db

    engine = init_db(f"sqlite:///{db_path}")
    ingestor = Ingestor(engine, batch_size=5000, max_batch_seconds=30.0)
    clock = 0.0
    chunk: list[NormalizedLead] = []
    statuses: dict[str, int] = {}
    sample: list[Lead] = []

    cpu = [0.0]

    def run_chunk() -> float:
        started, cpu_started = time.perf_counter(), time.process_time()
        for normalized in chunk:
            outcome = ingestor.ingest(normalized)
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        cpu[0] += time.process_time() - cpu_started
        return time.perf_counter() - started

    for lead, normalized in generate(count):
        if len(sample) < 5000:
            sample.append(lead)
        chunk.append(normalized)
        if len(chunk) >= CHUNK:
            clock += run_chunk()
            chunk = []
    clock += run_chunk()
    started, cpu_started = time.perf_counter(), time.process_time()
    ingestor.close()
    clock += time.perf_counter() - started
    cpu[0] += time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    for lead in sample:
        normalize_lead(lead, "DE")
    normalize_rate = len(sample) / (time.perf_counter() - started)
    dedupe_seconds = float("nan")
    if count <= DEDUPE_MAX:
        from leadgen.matching.dedupe import dedupe

        started = time.perf_counter()
        dedupe(engine, default_region="DE")
        dedupe_seconds = time.perf_counter() - started
    return {"count": count, "seconds": clock, "leads_per_s": count / clock, "peak_mb": peak_mb,
            "cpu_seconds": cpu[0], "leads_per_cpu_s": count / cpu[0],
            "normalize_per_s": normalize_rate, "dedupe_seconds": dedupe_seconds,
            **{f"status_{k}": v for k, v in statuses.items()}}


def _subprocess(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        code = (f"import json; from tests.bench.bench_ingest import measure; "
                f"print(json.dumps(measure({count}, {str(Path(tmp) / 'bench.db')!r})))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=str(Path(__file__).resolve().parents[2]))
        return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(quick: bool = False) -> str:
    sizes = QUICK_SIZES if quick else SIZES
    results = [_subprocess(size) for size in sizes]
    lines = [
        "## Ingest: match + store generated leads into SQLite (`Ingestor`)",
        "",
        "| leads | seconds | leads/s | CPU s | leads per CPU s | peak RSS (MB) | new | merged "
        "| possible | normalize_lead/s (5k sample) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(f"| {int(r['count']):,} | {r['seconds']:.1f} | {r['leads_per_s']:,.0f} | "
                     f"{r['cpu_seconds']:.1f} | {r['leads_per_cpu_s']:,.0f} | "
                     f"{r['peak_mb']:.0f} | {int(r.get('status_new', 0)):,} | "
                     f"{int(r.get('status_merged', 0)):,} | {int(r.get('status_possible', 0)):,} "
                     f"| {r['normalize_per_s']:,.0f} |")
    timed = [r for r in results if r["dedupe_seconds"] == r["dedupe_seconds"]]
    if timed:
        lines += ["", "`leadgen dedupe` (re-normalize, block, compare, union-find over every "
                  "source record): " + ", ".join(f"{int(r['count']):,} records in "
                                          f"{r['dedupe_seconds']:.1f} s" for r in timed) + "."]
    if len(results) >= 2:
        big, small = results[-1], results[-2]
        ratio = big["seconds"] / small["seconds"]
        cpu_ratio = big["cpu_seconds"] / small["cpu_seconds"]
        lines += ["", f"Time ratio {int(big['count']):,} / {int(small['count']):,}: {ratio:.2f} "
                  f"wall, {cpu_ratio:.2f} CPU (size ratio {big['count'] / small['count']:.0f}; "
                  "bar <= 12 for 1M/100k)."]
    lines += ["", "Bar: >= 10,000 leads/s at 1M on 2 cores, peak memory < 2 GB. Wall-clock rates",
              "depend on what else runs on the machine; CPU seconds of the ingesting process",
              "are the steadier figure (the ingest is one process; SQLite writes add I/O wait).",
              ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
