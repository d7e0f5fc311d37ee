"""Reading every source record for ``leadgen dedupe``: normalized again, reduced to a profile.

Normalizing is most of a dedupe's work and each record's is independent, so for big databases
chunks of raw JSON go to worker processes (two: one per core of a small machine), which send back
compact ``(fetched_at, profile)`` tuples, consumed in id order: the result does not depend on the
pool.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Text, cast, select
from sqlalchemy.engine import Engine

from leadgen.items import Lead, NormalizedLead
from leadgen.matching.profile import MatchProfile, profile_of
from leadgen.matching.rules import MatchingRules
from leadgen.normalize import normalize_lead
from leadgen.storage.tables import RECORDS

CHUNK = 4000
"""Records per read and per worker task."""
MIN_PARALLEL_RECORDS = 20_000


@dataclass(slots=True)
class Record:
    """What clustering keeps per record; the lead itself is read again only if its cluster
    changed, so memory stays at a few hundred bytes per record."""

    id: int
    source_id: str
    fetched_at: str
    company_id: int | None


@dataclass
class Loaded:
    """The readable records (in id order) with their profiles, and the counts."""

    records: list[Record]
    profiles: list[MatchProfile]
    total: int = 0
    unreadable: int = 0


def load(engine: Engine, rules: MatchingRules, region: str | None, workers: int) -> Loaded:
    """Every readable record's clustering facts and profile, in id order (``workers`` > 1:
    normalized in that many worker processes)."""
    loaded = Loaded([], [])
    records, profiles = loaded.records, loaded.profiles
    # Postal codes, cities and countries repeat: one tuple each instead of one per record.
    common: dict[tuple[str, ...], tuple[str, ...]] = {}

    def take(rows: list[tuple[int, str, int | None]], results: list[_Facts | None]) -> None:
        for (record_id, source_id, company_id), facts in zip(rows, results, strict=True):
            loaded.total += 1
            if facts is None:
                loaded.unreadable += 1
                continue
            records.append(Record(record_id, source_id, facts[0], company_id))
            profile = facts[1]
            profiles.append(profile._replace(
                postals=common.setdefault(profile.postals, profile.postals),
                cities=common.setdefault(profile.cities, profile.cities),
                countries=common.setdefault(profile.countries, profile.countries)))

    query = select(RECORDS.c.id, RECORDS.c.source_id, RECORDS.c.company_id,
                   cast(RECORDS.c.data, Text)).order_by(RECORDS.c.id)
    with _pool(workers, rules, region) as pool, engine.connect() as connection:
        pending: deque[tuple[list[tuple[int, str, int | None]], Future[list[_Facts | None]]]]
        pending = deque()
        for chunk in connection.execution_options(yield_per=CHUNK).execute(query).partitions():
            rows = [(row[0], row[1], row[2]) for row in chunk]
            texts = [row[3] for row in chunk]
            if pool is None:
                take(rows, _facts(texts, rules, region))
                continue
            pending.append((rows, pool.submit(_facts_in_worker, texts)))
            if len(pending) > 2 * workers:  # bounded: raw JSON of a few chunks in flight
                done_rows, future = pending.popleft()
                take(done_rows, future.result())
        while pending:
            done_rows, future = pending.popleft()
            take(done_rows, future.result())
    return loaded


#: What a worker sends back per record: ISO fetch time and profile (None: unreadable).
_Facts = tuple[str, MatchProfile]
_WORKER: dict[str, Any] = {}


def _facts(texts: list[str | None], rules: MatchingRules, region: str | None,
           ) -> list[_Facts | None]:
    out: list[_Facts | None] = []
    for text in texts:
        try:
            lead = normalize_lead(Lead.model_validate(json.loads(text or "null")), region)
        except (ValidationError, ValueError):
            out.append(None)  # bad JSON or a record the item model no longer accepts
            continue
        out.append((lead.lead.source.fetched_at.isoformat(), profile_of(lead, rules)))
    return out


def _start_worker(rules: MatchingRules, region: str | None) -> None:
    _WORKER.update(rules=rules, region=region)


def _facts_in_worker(texts: list[str | None]) -> list[_Facts | None]:
    return _facts(texts, _WORKER["rules"], _WORKER["region"])


@contextmanager
def _pool(workers: int, rules: MatchingRules, region: str | None,
          ) -> Iterator[ProcessPoolExecutor | None]:
    if workers <= 1:
        yield None
        return
    # Fork is cheapest (the workers inherit the imported normalizers); spawn elsewhere.
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context(method),
                               initializer=_start_worker, initargs=(rules, region))
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def workers_for(records: int) -> int:
    """Worker processes for normalizing ``records`` records: up to two (one per core of a small
    machine), none for small databases, where starting processes costs more than it saves."""
    if records < MIN_PARALLEL_RECORDS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(2, cores or 1))


def reload(engine: Engine, records: list[Record], indexes: list[int],
            region: str | None) -> dict[int, NormalizedLead]:
    """The normalized leads of the given record indexes (those in changed clusters)."""
    by_id = {records[i].id: i for i in indexes}
    leads: dict[int, NormalizedLead] = {}
    ids = sorted(by_id)
    with engine.connect() as connection:
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            for row in connection.execute(
                    select(RECORDS.c.id, RECORDS.c.data).where(RECORDS.c.id.in_(chunk))):
                leads[by_id[row.id]] = normalize_lead(Lead.model_validate(row.data), region)
    return leads
