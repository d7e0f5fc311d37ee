"""``leadgen dedupe``: re-cluster the whole database from ``source_records`` in batch.

Every record is normalized again (so normalizer fixes apply), blocked and compared per the
current rules, and clustered with union-find. Only clusters whose membership changed are
rewritten: their company keeps the id most of its records had (so status, scores and contacts
stay), absorbed companies hand over their contacts and status, and survivorship is recomputed.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing as mp
import os
import time
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Text, bindparam, cast, delete, func, select, update
from sqlalchemy.engine import Connection, Engine

from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.ingest.records import contact_rows
from leadgen.ingest.survivorship import COMPANY_COLUMNS, candidate_values, recompute
from leadgen.ingest.writer import BatchWriter
from leadgen.items import Lead, NormalizedLead
from leadgen.matching.cluster import Clustering, cluster
from leadgen.matching.profile import MatchProfile, blocking_keys, profile_of
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.normalize import normalize_lead
from leadgen.storage.models import STATUS_PRECEDENCE
from leadgen.storage.tables import COMPANIES, CONTACTS, KEYS, POSSIBLE, RECORDS

logger = logging.getLogger(__name__)

CHUNK = 4000
"""Records per read and per worker task."""
MIN_PARALLEL_RECORDS = 20_000

@dataclass
class DedupeReport:
    records: int = 0
    unreadable: int = 0
    companies_before: int = 0
    companies_after: int = 0
    clusters_changed: int = 0
    companies_removed: int = 0
    companies_created: int = 0
    comparisons: int = 0
    possible_matches: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return [f"{name.replace('_', ' ')}: {value}" for name, value in vars(self).items()]


@dataclass(slots=True)
class _Record:
    """What clustering keeps per record; the lead itself is read again only if its cluster
    changed, so memory stays at a few hundred bytes per record."""

    id: int
    source_id: str
    fetched_at: str
    company_id: int | None


def dedupe(engine: Engine, rules: MatchingRules | None = None, *, dry_run: bool = False,
           default_region: str | None = None, workers: int | None = None) -> DedupeReport:
    """Re-cluster every source record; returns what changed (nothing is written on dry run).

    ``workers``: processes normalizing records (default: :func:`workers_for` the record count;
    1 normalizes in this process). The result does not depend on it.
    """
    rules = rules or load_rules()
    started = time.monotonic()
    report = DedupeReport()
    if workers is None:
        with engine.connect() as connection:
            workers = workers_for(connection.execute(
                select(func.count()).select_from(RECORDS)).scalar_one())
    with _batch_gc():
        records, profiles = _load(engine, rules, default_region, report, workers)
        gc.freeze()  # a million records' objects: no collection needs to look at them again
        clustering = cluster(profiles, rules)
        report.comparisons = clustering.comparisons
        members: dict[int, list[int]] = defaultdict(list)
        for index, label in enumerate(clustering.labels):
            members[label].append(index)
        with engine.connect() as connection:
            report.companies_before = connection.execute(
                select(func.count()).select_from(COMPANIES)
            ).scalar_one()
        sizes = Counter(record.company_id for record in records)
        assignment = _assign_ids(members, records)
        changed = [label for label, company_id in assignment.items()
                   if not _unchanged(company_id, members[label], records, sizes)]
        report.clusters_changed = len(changed)
        report.companies_after = len(members)
        if dry_run:
            report.seconds = round(time.monotonic() - started, 2)
            return report
        writer = BatchWriter(engine)
        try:
            leads = _reload(engine, records, [i for label in changed for i in members[label]],
                            default_region)
            _write(writer, rules, records, leads, profiles, members, assignment, changed,
                   clustering, report)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        report.seconds = round(time.monotonic() - started, 2)
        return report


def _load(engine: Engine, rules: MatchingRules, region: str | None, report: DedupeReport,
          workers: int) -> tuple[list[_Record], list[MatchProfile]]:
    """Every readable record's clustering facts and profile, in id order.

    Normalizing is most of a dedupe's work and each record's is independent, so with
    ``workers`` > 1 chunks of raw JSON go to worker processes, which send back compact
    ``(fetched_at, profile)`` tuples; the order of the results does not depend on the pool.
    """
    records: list[_Record] = []
    profiles: list[MatchProfile] = []
    # Postal codes, cities and countries repeat: one tuple each instead of one per record.
    common: dict[tuple[str, ...], tuple[str, ...]] = {}

    def take(rows: list[tuple[int, str, int | None]], results: list[_Facts | None]) -> None:
        for (record_id, source_id, company_id), facts in zip(rows, results, strict=True):
            report.records += 1
            if facts is None:
                report.unreadable += 1
                continue
            records.append(_Record(record_id, source_id, facts[0], company_id))
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
    return records, profiles


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


def _reload(engine: Engine, records: list[_Record], indexes: list[int],
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


@contextmanager
def _batch_gc() -> Iterator[None]:
    """Objects that live through the batch are frozen (left out of garbage collections, which
    would otherwise walk millions of them again and again); thawed when the batch ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _unchanged(company_id: int | None, indexes: list[int], records: list[_Record],
               sizes: Counter[int | None]) -> bool:
    """The cluster is exactly the records its company has now."""
    return (company_id is not None and sizes[company_id] == len(indexes)
            and all(records[i].company_id == company_id for i in indexes))


def _assign_ids(members: dict[int, list[int]],
                records: list[_Record]) -> dict[int, int | None]:
    """Each cluster keeps the company id most of its records had, biggest clusters first."""
    assignment: dict[int, int | None] = {}
    taken: set[int] = set()
    for label in sorted(members, key=lambda lab: -len(members[lab])):
        ids = [records[i].company_id for i in members[label]]
        if ids[0] is not None and ids.count(ids[0]) == len(ids):
            ranked: list[int] = [ids[0]]  # the common case: one company, nothing to count
        else:
            votes = Counter(cid for cid in ids if cid is not None)
            ranked = [cid for cid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))]
        choice = next((cid for cid in ranked if cid not in taken), None)
        if choice is not None:
            taken.add(choice)
        assignment[label] = choice
    return assignment


def _write(writer: BatchWriter, rules: MatchingRules, records: list[_Record],
           leads: dict[int, NormalizedLead], profiles: list[MatchProfile],
           members: dict[int, list[int]],
           assignment: dict[int, int | None], changed: list[int],
           clustering: Clustering, report: DedupeReport) -> None:
    connection = writer.begin()
    now = datetime.now(UTC)
    touched_old: set[int] = set()
    final_ids: dict[int, int] = {}
    for label in changed:
        company_id = assignment[label]
        if company_id is None:
            company_id = writer.next_id(COMPANIES)
            report.companies_created += 1
            writer.insert(COMPANIES, [_blank_company(company_id, now)])
        final_ids[label] = company_id
        for index in members[label]:
            if records[index].company_id is not None:
                touched_old.add(records[index].company_id)  # type: ignore[arg-type]
    kept = set(final_ids.values())
    statuses = _statuses(connection, touched_old)
    record_updates: list[dict[str, Any]] = []
    company_updates: list[dict[str, Any]] = []
    key_rows: list[dict[str, Any]] = []
    contact_moves: list[tuple[int, int]] = []
    for label in changed:
        company_id = final_ids[label]
        indexes = members[label]
        old_ids = {records[i].company_id for i in indexes if records[i].company_id is not None}
        for old in old_ids - kept:
            contact_moves.append((old, company_id))  # type: ignore[arg-type]
        offers = [(records[i].id, records[i].source_id,
                   rules.survivorship.trust_of(records[i].source_id), records[i].fetched_at,
                   candidate_values(leads[i])) for i in indexes]
        state, sources = recompute(offers, rules.survivorship)
        profile = MatchProfile()
        for i in indexes:
            profile = profile.merged(profiles[i])
        extra = dict(statuses.get(company_id, {}).get("extra") or {})
        extra[PROFILE_KEY] = profile.to_json()
        status_candidates = [statuses[o]["status"] for o in old_ids if o in statuses]
        company_updates.append({
            "id": company_id, **{k: v for k, v in state.items()}, "field_sources": sources,
            "extra": extra, "status": _strongest(status_candidates), "last_seen": now,
        })
        for i in indexes:
            link = clustering.link(i, profiles, rules)
            evidence: dict[str, Any] = {"decision": "match" if link else "new", "via": "dedupe",
                                        "company_id": company_id}
            if link:
                evidence.update(link[1].as_dict(), linked_record=records[link[0]].id)
            record_updates.append({"id": records[i].id, "company_id": company_id,
                                   "match_evidence": evidence})
        for kind, value in dict.fromkeys(key for i in indexes
                                         for key in blocking_keys(profiles[i], rules)):
            key_rows.append({"company_id": company_id, "kind": kind, "value": value})
    affected = sorted(set(final_ids.values()) | touched_old)
    for start in range(0, len(affected), 500):
        chunk = affected[start:start + 500]
        connection.execute(delete(KEYS).where(KEYS.c.company_id.in_(chunk)))
    _move_contacts(connection, contact_moves)
    writer.update_by_id(RECORDS, record_updates)
    _update_companies(writer, company_updates)
    writer.insert(KEYS, key_rows, ignore_conflicts=True)
    contacts: list[dict[str, Any]] = []
    for label in changed:
        for i in members[label]:
            contacts.extend(contact_rows(leads[i], final_ids[label], now))
    writer.insert(CONTACTS, contacts, ignore_conflicts=True)
    gone = sorted(touched_old - kept)
    for start in range(0, len(gone), 500):
        connection.execute(delete(COMPANIES).where(COMPANIES.c.id.in_(gone[start:start + 500])))
    report.companies_removed = len(gone)
    label_company = {label: (final_ids.get(label) or assignment[label])
                     for label in members}
    possible_rows = []
    for a, b, outcome in clustering.possible:
        ca, cb = label_company[clustering.labels[a]], label_company[clustering.labels[b]]
        if ca and cb and ca != cb:
            possible_rows.append({"company_a": min(ca, cb), "company_b": max(ca, cb),
                                  "score": outcome.score, "evidence": outcome.as_dict(),
                                  "status": "open", "created_at": now})
    writer.insert(POSSIBLE, possible_rows, ignore_conflicts=True)
    report.possible_matches = len(possible_rows)


def _move_contacts(connection: Connection, moves: list[tuple[int, int]]) -> None:
    """Contacts of absorbed companies move to the survivor (keeping their check results),
    except those the survivor already has; read and written in batches, not per company."""
    if not moves:
        return
    involved = sorted({company for move in moves for company in move})
    held: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for start in range(0, len(involved), 500):
        for row in connection.execute(
                select(CONTACTS.c.id, CONTACTS.c.company_id, CONTACTS.c.kind, CONTACTS.c.value)
                .where(CONTACTS.c.company_id.in_(involved[start:start + 500]))
                .order_by(CONTACTS.c.id)):
            held[row.company_id].append((row.id, row.kind, row.value))
    existing: dict[int, set[tuple[str, str]]] = {}
    updates: list[dict[str, Any]] = []
    for old, new in moves:
        have = existing.setdefault(new, {(kind, value) for _, kind, value in held[new]})
        for contact_id, kind, value in held[old]:
            if (kind, value) not in have:
                updates.append({"contact_id": contact_id, "new_company": new})
                have.add((kind, value))
    if updates:
        connection.execute(update(CONTACTS).where(CONTACTS.c.id == bindparam("contact_id"))
                           .values(company_id=bindparam("new_company")), updates)


def _blank_company(company_id: int, now: datetime) -> dict[str, Any]:
    return {"id": company_id, "display_name": "", "name_key": "", "categories": [], "size": {},
            "social": [], "extra": {}, "status": "new", "field_sources": {},
            "first_seen": now, "last_seen": now}


def _statuses(connection: Connection, ids: set[int]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        for row in connection.execute(
                select(COMPANIES.c.id, COMPANIES.c.status, COMPANIES.c.extra)
                .where(COMPANIES.c.id.in_(ordered[start:start + 500]))):
            found[row.id] = {"status": row.status, "extra": row.extra}
    return found


def _strongest(statuses: list[str]) -> str:
    for status in STATUS_PRECEDENCE:
        if status in statuses:
            return status
    return "new"


def _update_companies(writer: BatchWriter, rows: list[dict[str, Any]]) -> None:
    full = []
    for row in rows:
        complete: dict[str, Any] = {column: None for column in COMPANY_COLUMNS}
        complete.update(row)
        if complete.get("categories") is None:
            complete["categories"] = []
        if complete.get("social") is None:
            complete["social"] = []
        if complete.get("size") is None:
            complete["size"] = {}
        full.append(complete)
    writer.update_by_id(COMPANIES, full)
