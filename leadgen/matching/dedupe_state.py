"""What a ``leadgen dedupe`` run left behind, so that a run over an unchanged database stops early.

A finished run is logged in ``crawl_runs`` (kind ``dedupe``) with a fingerprint of its inputs
(the rules, the default region, the code and library versions that normalize and match) and of
the records afterwards (each record's id, content hash and company). A run finding the same
fingerprint would re-normalize and re-cluster only to change nothing, so it stops there.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Engine

from leadgen.matching.rules import MatchingRules
from leadgen.storage.models import CrawlRun, utcnow
from leadgen.storage.tables import DECISIONS, RECORDS

KIND = "dedupe"
_RUNS: Table = CrawlRun.__table__  # type: ignore[assignment]
_PACKAGE = Path(__file__).resolve().parents[1]
#: Code whose changes can change a record's profile or a comparison.
_CODE = ("normalize", "matching", "items.py")
_LIBRARIES = ("phonenumbers", "tldextract", "email-validator", "cleanco", "pycountry",
              "rapidfuzz", "pydantic")


@dataclass
class State:
    """A fingerprint of the inputs and records, with what it counted on the way."""

    fingerprint: str
    records: int
    clusters: int
    last_id: int | None = None


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the normalizing and matching code and of the libraries they use."""
    digest = hashlib.sha256()
    paths: list[Path] = []
    for part in _CODE:
        path = _PACKAGE / part
        paths.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    for path in paths:
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}=={version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"{library} missing".encode())
    return digest.hexdigest()


def _inputs(rules: MatchingRules, region: str | None) -> bytes:
    data: dict[str, Any] = rules.model_dump()
    return json.dumps([code_version(), region, data], sort_keys=True,
                      default=_sorted_set).encode()


def _sorted_set(value: Any) -> Any:
    """A set as a sorted list: a set's order varies from process to process (string hashes
    are salted), and so did the fingerprint, so that no run found the last one's unchanged."""
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def blocking_digest(rules: MatchingRules) -> str:
    """A digest of the blocking rules and the code that builds keys: when it differs from the
    last run's, every company's stored blocking keys are stale, not only the changed ones'."""
    data = [code_version(), [rule.model_dump(mode="json") for rule in rules.blocking]]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def current(engine: Engine, rules: MatchingRules, region: str | None) -> State:
    """The fingerprint of a dedupe with these rules over the database as it is now."""
    digest = hashlib.sha256(_inputs(rules, region))
    records = 0
    last_id = None
    companies: set[int] = set()
    loose = 0
    query = select(RECORDS.c.id, RECORDS.c.content_hash, RECORDS.c.company_id).order_by(
        RECORDS.c.id)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # A scan reads every page once: a big page cache (a writer may have set one on this
            # pooled connection) would only fill up with them.
            connection.exec_driver_sql("PRAGMA cache_size=-2048")
        for rows in connection.execution_options(yield_per=20_000).execute(query).partitions():
            digest.update("".join(f"{r[0]},{r[1]},{r[2]}\n" for r in rows).encode())
            records += len(rows)
            last_id = rows[-1][0]
            for row in rows:
                if row[2] is None:
                    loose += 1
                else:
                    companies.add(row[2])
        # Reviewers' decisions weigh on the clusters as the records do.
        for row in connection.execute(select(DECISIONS.c.record_a, DECISIONS.c.record_b,
                                             DECISIONS.c.decision).order_by(DECISIONS.c.id)):
            digest.update(f"decision {row[0]},{row[1]},{row[2]}\n".encode())
    return State(digest.hexdigest(), records, len(companies) + loose, last_id)


def last_run(engine: Engine) -> tuple[int, dict[str, Any]] | None:
    """Id and stats (with its fingerprint) of the latest finished dedupe run."""
    with engine.connect() as connection:
        row = connection.execute(
            select(_RUNS.c.id, _RUNS.c.stats)
            .where(_RUNS.c.kind == KIND, _RUNS.c.status == "finished")
            .order_by(_RUNS.c.id.desc()).limit(1)).first()
    if row is None or not isinstance(row.stats, dict) or "fingerprint" not in row.stats:
        return None
    return row.id, row.stats


def record_run(engine: Engine, state: State, stats: dict[str, Any], started: Any) -> int:
    """Log a finished run with the fingerprint of the database it left."""
    with engine.begin() as connection:
        run_id = connection.execute(insert(_RUNS).values(
            kind=KIND, profile=None, sources=[], started_at=started, finished_at=utcnow(),
            status="finished", stats={**stats, "fingerprint": state.fingerprint},
        ).returning(_RUNS.c.id)).scalar_one()
    return int(run_id)

