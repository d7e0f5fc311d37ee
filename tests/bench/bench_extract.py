"""Page-object speed: ``extract_records`` over saved real pages and generated demo-web pages.

Baseline, measured in the same run on the same pages: parsing the HTML with lxml and taking its
visible text (what any extractor must at least do). The ratio says what the layers cost on top.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import lxml.html

from leadgen.demoweb import DemoWorld
from spiders.pages import extract_records
from tests.paths import REAL_PAGES


def _pages(quick: bool) -> list[tuple[bytes, str]]:
    pages: list[tuple[bytes, str]] = []
    if REAL_PAGES.is_dir():
        import json

        for gt in sorted(REAL_PAGES.glob("*.gt.json")):
            data = json.loads(gt.read_text(encoding="utf-8"))
            pages.append((gt.with_name(data["file"]).read_bytes(), data["url"]))
    world = DemoWorld.generate(seed=11, companies=60 if quick else 300)
    truth = world.truth()
    for company in truth["companies"]:
        urls = [x["url"] for x in company["listings"]]
        if company["website"]:
            urls += [company["website"].rstrip("/") + p for p in company["site_pages"].values()]
        for url in urls:
            parts = urlsplit(url)
            response = world.handle(parts.hostname or "", parts.path, parts.query)
            if response is not None and response.status == 200:
                pages.append((response.body, url))
    return pages


def _time(fn, pages: list[tuple[bytes, str]]) -> float:
    start = time.perf_counter()
    for body, url in pages:
        fn(body, url)
    return time.perf_counter() - start


def run(quick: bool = False) -> str:
    pages = _pages(quick)
    size = sum(len(b) for b, _ in pages) / 1e6

    def baseline(body: bytes, url: str) -> None:
        lxml.html.document_fromstring(body).text_content()

    base = _time(baseline, pages)
    records = 0

    def extract(body: bytes, url: str) -> None:
        nonlocal records
        records += len(extract_records(body, url))

    took = _time(extract, pages)
    return "\n".join([
        "## Page objects: extract_records",
        "",
        f"{len(pages)} pages ({size:.1f} MB: the shared real pages and demo-web listing, detail "
        f"and company pages), {records} records found.",
        "",
        "| step | seconds | pages/s | ms/page | × baseline |",
        "|---|---|---|---|---|",
        f"| lxml parse + text (baseline) | {base:.2f} | {len(pages) / base:.0f} | "
        f"{1000 * base / len(pages):.1f} | 1.0 |",
        f"| extract_records | {took:.2f} | {len(pages) / took:.0f} | "
        f"{1000 * took / len(pages):.1f} | {took / base:.1f} |",
        "",
    ])


if __name__ == "__main__":
    print(run(quick=True))
