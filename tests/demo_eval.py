"""Measure a crawled database against the demo web's ground truth.

A source record is matched to a truth listing of the same source whose URL (detail page, listing
page or API page) is the record's id or page URL and whose listed name is closest to the
record's name; when no listing has that URL (``/exhibitors`` is ``/exhibitors?page=1``), to the
same source's listing with the closest name (at least 90% alike). From that: listings found,
companies found (any listing found, with its records),
and pairwise precision/recall of the merge (two records in one company vs one truth company).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.engine import Engine

from leadgen.normalize import normalize_name
from leadgen.storage import session_scope
from leadgen.storage.models import SourceRecord


@dataclass
class CrawlEvaluation:
    """The figures of one evaluation."""

    truth_companies: int
    companies_found: int
    listings: int
    listings_found: int
    records: int
    records_unmatched: int
    pair_precision: float
    pair_recall: float

    @property
    def company_recall(self) -> float:
        return self.companies_found / self.truth_companies if self.truth_companies else 0.0

    @property
    def listing_recall(self) -> float:
        return self.listings_found / self.listings if self.listings else 0.0

    @property
    def pair_f1(self) -> float:
        p, r = self.pair_precision, self.pair_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def table(self) -> str:
        return "\n".join([
            "| measure | value |",
            "| --- | --- |",
            f"| companies found | {self.companies_found}/{self.truth_companies} "
            f"({self.company_recall:.1%}) |",
            f"| listings found | {self.listings_found}/{self.listings} "
            f"({self.listing_recall:.1%}) |",
            f"| source records (not matched to a listing) | {self.records} "
            f"({self.records_unmatched}) |",
            f"| merge pairwise precision / recall / F1 | {self.pair_precision:.3f} / "
            f"{self.pair_recall:.3f} / {self.pair_f1:.3f} |",
        ])


def _key(name: str) -> str:
    return normalize_name(name).name_key


def evaluate_crawl(engine: Engine, truth: dict[str, Any]) -> CrawlEvaluation:
    """Compare the database behind ``engine`` with ``truth`` (``DemoWorld.truth()``)."""
    by_url: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    by_source: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    listing_count = 0
    for company in truth["companies"]:
        for number, listing in enumerate(company["listings"]):
            listing_count += 1
            ident = (company["id"], number, listing["name"])
            by_source[listing["source"]].append(ident)
            urls = {listing["url"], listing.get("api_url"), listing.get("list_url")}
            for url in filter(None, urls):
                by_url[(listing["source"], url)].append(ident)
    with session_scope(engine) as session:
        # Only the directories' records: enrichment adds records from the companies' websites.
        rows = session.execute(
            select(SourceRecord.id, SourceRecord.source_id, SourceRecord.record_id,
                   SourceRecord.page_url, SourceRecord.data, SourceRecord.company_id)
            .where(SourceRecord.source_id.in_(list(truth["sources"])))
        ).all()
    found_listings: set[tuple[int, int]] = set()
    record_truth: dict[int, int] = {}
    record_company: dict[int, int | None] = {}
    unmatched = 0
    for rec_id, source, record_id, page_url, data, company_id in rows:
        name = (data or {}).get("name") or ""
        candidates = by_url.get((source, record_id or ""), []) or by_url.get((source, page_url), [])
        threshold = 80.0
        if not candidates:
            candidates, threshold = by_source.get(source, []), 90.0
        best, best_score = None, 0.0
        for truth_id, number, listed in candidates:
            score = max(fuzz.ratio(_key(name), _key(listed)), fuzz.ratio(name, listed))
            if score > best_score:
                best, best_score = (truth_id, number), score
        if best is None or best_score < threshold:
            unmatched += 1
            continue
        found_listings.add(best)
        record_truth[rec_id] = best[0]
        record_company[rec_id] = company_id
    tp = fp = fn = 0
    for a, b in combinations(sorted(record_truth), 2):
        same_truth = record_truth[a] == record_truth[b]
        same_db = record_company[a] is not None and record_company[a] == record_company[b]
        tp += same_truth and same_db
        fp += same_db and not same_truth
        fn += same_truth and not same_db
    return CrawlEvaluation(
        truth_companies=len(truth["companies"]),
        companies_found=len({truth_id for truth_id, _ in found_listings}),
        listings=listing_count,
        listings_found=len(found_listings),
        records=len(rows),
        records_unmatched=unmatched,
        pair_precision=tp / (tp + fp) if tp + fp else 1.0,
        pair_recall=tp / (tp + fn) if tp + fn else 1.0,
    )
