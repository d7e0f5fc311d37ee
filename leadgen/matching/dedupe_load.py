"""Reading every source record for ``leadgen dedupe``: normalized again, reduced to a profile.

Normalizing is most of a dedupe's work and each record's is independent, so for big databases
chunks of raw JSON go to worker processes (two: one per core of a small machine), which send back
compact profiles (tuples of strings), consumed in id order: the result does not depend on the
pool.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from pydantic import ValidationError
from sqlalchemy import Text, cast, select
from sqlalchemy.engine import Engine

from leadgen.ingest.parallel import start_worker, usable_cores
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
    company_id: int | None


@dataclass
class Loaded:
    """The readable records (in id order) with their profiles, and the counts."""

    records: list[Record]
    profiles: list[MatchProfile]
    total: int = 0
    unreadable: int = 0
    last_id: int | None = None


def load(engine: Engine, rules: MatchingRules, region: str | None,
         pool: ProcessPoolExecutor | None = None) -> Loaded:
    """Every readable record's clustering facts and profile, in id order (normalized in the
    ``pool``'s worker processes if given)."""
    loaded = Loaded([], [])
    records, profiles = loaded.records, loaded.profiles
    # Sources, postal codes, cities and countries repeat: one object each, not one per record.
    common: dict[tuple[str, ...], tuple[str, ...]] = {}
    sources: dict[str, str] = {}
    query = select(RECORDS.c.id, RECORDS.c.source_id, RECORDS.c.company_id,
                   cast(RECORDS.c.data, Text)).order_by(RECORDS.c.id)
    with engine.connect() as connection:
        chunks = (([(row[0], row[1], row[2]) for row in chunk], [row[3] for row in chunk])
                  for chunk in connection.execution_options(yield_per=CHUNK)
                  .execute(query).partitions())
        for rows, results in _ordered(pool, chunks, partial(_profiles, rules=rules, region=region)):
            for (record_id, source_id, company_id), profile in zip(rows, results, strict=True):
                loaded.total += 1
                loaded.last_id = record_id
                if profile is None:
                    loaded.unreadable += 1
                    continue
                records.append(Record(record_id, sources.setdefault(source_id, source_id),
                                      company_id))
                profiles.append(profile._replace(
                    postals=common.setdefault(profile.postals, profile.postals),
                    cities=common.setdefault(profile.cities, profile.cities),
                    countries=common.setdefault(profile.countries, profile.countries),
                    states=common.setdefault(profile.states, profile.states)))
    return loaded


def reload(engine: Engine, records: list[Record], indexes: list[int], region: str | None,
           pool: ProcessPoolExecutor | None = None) -> dict[int, NormalizedLead]:
    """The normalized leads of the given record indexes (those in changed clusters)."""
    by_id = {records[i].id: i for i in indexes}
    ids = sorted(by_id)
    leads: dict[int, NormalizedLead] = {}
    with engine.connect() as connection:
        def chunks() -> Iterator[tuple[list[int], list[str | None]]]:
            for start in range(0, len(ids), 1000):
                rows = connection.execute(
                    select(RECORDS.c.id, cast(RECORDS.c.data, Text))
                    .where(RECORDS.c.id.in_(ids[start:start + 1000]))).all()
                yield [row[0] for row in rows], [row[1] for row in rows]

        for chunk_ids, results in _ordered(pool, chunks(), partial(_leads, region=region)):
            for record_id, lead in zip(chunk_ids, results, strict=True):
                if lead is not None:  # readable when loaded: only a concurrent edit changes that
                    leads[by_id[record_id]] = lead
    return leads


_IN_FLIGHT = 4
"""Chunks handed to the pool ahead of the one being consumed (bounds the raw JSON in memory)."""
M = TypeVar("M")
R = TypeVar("R")


def _ordered(pool: ProcessPoolExecutor | None, chunks: Iterable[tuple[M, list[str | None]]],
             work: Callable[[list[str | None]], list[R]]) -> Iterator[tuple[M, list[R]]]:
    """``work`` applied to each chunk's texts, here or in the pool, results in chunk order."""
    if pool is None:
        for meta, texts in chunks:
            yield meta, work(texts)
        return
    pending: deque[tuple[M, Future[list[R]]]] = deque()
    for meta, texts in chunks:
        pending.append((meta, pool.submit(work, texts)))
        if len(pending) > _IN_FLIGHT:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


def _lead(text: str | None, region: str | None) -> NormalizedLead | None:
    try:
        return normalize_lead(Lead.model_validate(json.loads(text or "null")), region)
    except (ValidationError, ValueError):
        return None  # bad JSON or a record the item model no longer accepts


def _profiles(texts: list[str | None], rules: MatchingRules, region: str | None,
              ) -> list[MatchProfile | None]:
    """Profiles of raw records (None: unreadable)."""
    out: list[MatchProfile | None] = []
    for text in texts:
        lead = _lead(text, region)
        out.append(None if lead is None else profile_of(lead, rules))
    return out


def _leads(texts: list[str | None], region: str | None) -> list[NormalizedLead | None]:
    return [_lead(text, region) for text in texts]


@contextmanager
def open_pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``workers`` processes (None for one: work in this process)."""
    if workers <= 1:
        yield None
        return
    # Fork is cheapest (the workers inherit the imported normalizers); spawn elsewhere.
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    # Workers leave Ctrl-C to this process and end with it (see start_worker).
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context(method),
                               initializer=start_worker, initargs=(None, (), os.getpid()))
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def workers_for(records: int) -> int:
    """Worker processes for normalizing ``records`` records: up to two (one per core of a small
    machine), none for small databases, where starting processes costs more than it saves."""
    if records < MIN_PARALLEL_RECORDS:
        return 1
    return min(2, usable_cores())
