"""Hand-made pair tables imported through the ingestor (tests/test_matching_groups.py,
tests/test_matching_scripts.py): two lists' records of one company or of two, the companies
they end in, and the precision and recall of the merges over a table."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from leadgen.ingest import Ingestor
from leadgen.items import Lead
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db


def companies_of(first: Lead, second: Lead, database: Path) -> tuple[int, int, dict[str, Any]]:
    """The company ids two lists' records end in, imported one after the other into a fresh
    SQLite database, and the second record's match evidence."""
    engine = init_db(f"sqlite:///{database}")
    with Ingestor(engine) as ingestor:
        left = ingestor.ingest(normalize_lead(first))
        right = ingestor.ingest(normalize_lead(second))
    engine.dispose()
    return left.company_id, right.company_id, right.evidence or {}


def merge_scores(decided: Iterable[tuple[bool, bool]]) -> tuple[float, float]:
    """Precision and recall of the merges: each pair as (merged, one company expected); the
    pairs of one company are the positives."""
    merged = true_merged = positives = 0
    for was_merged, one in decided:
        merged += was_merged
        true_merged += was_merged and one
        positives += one
    return (true_merged / merged if merged else 1.0,
            true_merged / positives if positives else 1.0)
