"""``leadgen dedupe``: re-cluster the whole database from ``source_records`` in batch.

Every record is normalized again (so normalizer fixes apply), blocked and compared per the
current rules, and clustered with union-find. Only clusters whose membership changed are
rewritten: their company keeps the id most of its records had (so status, scores and contacts
stay), absorbed companies hand over their contacts and status, and survivorship is recomputed.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection, Engine

from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.ingest.records import contact_rows
from leadgen.ingest.survivorship import COMPANY_COLUMNS, candidate_values, recompute
from leadgen.ingest.writer import BatchWriter
from leadgen.items import Lead, NormalizedLead
from leadgen.matching.cluster import cluster
from leadgen.matching.profile import MatchProfile, blocking_keys, profile_of
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.normalize import normalize_lead
from leadgen.storage.models import STATUS_PRECEDENCE
from leadgen.storage.tables import COMPANIES, CONTACTS, KEYS, POSSIBLE, RECORDS

logger = logging.getLogger(__name__)



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
           default_region: str | None = None) -> DedupeReport:
    """Re-cluster every source record; returns what changed (nothing is written on dry run)."""
    rules = rules or load_rules()
    started = time.monotonic()
    report = DedupeReport()
    records, profiles = _load(engine, rules, default_region, report)
    clustering = cluster(profiles, rules)
    report.comparisons = clustering.comparisons
    members: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(clustering.labels):
        members[label].append(index)
    with engine.connect() as connection:
        report.companies_before = connection.execute(
            select(func.count()).select_from(COMPANIES)
        ).scalar_one()
    current: dict[int, set[int]] = defaultdict(set)
    for index, record in enumerate(records):
        if record.company_id is not None:
            current[record.company_id].add(index)
    assignment = _assign_ids(members, records, current)
    changed = [label for label, company_id in assignment.items()
               if company_id is None or current.get(company_id) != set(members[label])]
    report.clusters_changed = len(changed)
    report.companies_after = len(members)
    if dry_run:
        report.seconds = round(time.monotonic() - started, 2)
        return report
    writer = BatchWriter(engine)
    try:
        leads = _reload(engine, records, [i for label in changed for i in members[label]],
                        default_region)
        _write(writer, rules, records, leads, profiles, members, assignment, changed, current,
               clustering, report)
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    report.seconds = round(time.monotonic() - started, 2)
    return report


def _load(engine: Engine, rules: MatchingRules, region: str | None, report: DedupeReport,
          ) -> tuple[list[_Record], list[MatchProfile]]:
    records: list[_Record] = []
    profiles: list[MatchProfile] = []
    query = select(RECORDS.c.id, RECORDS.c.source_id, RECORDS.c.data, RECORDS.c.company_id,
                   RECORDS.c.fetched_at).order_by(RECORDS.c.id)
    with engine.connect() as connection:
        for row in connection.execution_options(yield_per=2000).execute(query):
            report.records += 1
            try:
                lead = normalize_lead(Lead.model_validate(row.data), region)
            except ValidationError:
                report.unreadable += 1
                continue
            records.append(_Record(row.id, row.source_id, lead.lead.source.fetched_at.isoformat(),
                                   row.company_id))
            profiles.append(profile_of(lead, rules))
    return records, profiles


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


def _assign_ids(members: dict[int, list[int]], records: list[_Record],
                current: dict[int, set[int]]) -> dict[int, int | None]:
    """Each cluster keeps the company id most of its records had, biggest clusters first."""
    assignment: dict[int, int | None] = {}
    taken: set[int] = set()
    for label in sorted(members, key=lambda lab: -len(members[lab])):
        votes = Counter(records[i].company_id for i in members[label]
                        if records[i].company_id is not None)
        choice = next((cid for cid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
                       if cid not in taken), None)
        if choice is not None:
            taken.add(choice)
        assignment[label] = choice
    return assignment


def _write(writer: BatchWriter, rules: MatchingRules, records: list[_Record],
           leads: dict[int, NormalizedLead], profiles: list[MatchProfile],
           members: dict[int, list[int]],
           assignment: dict[int, int | None], changed: list[int],
           current: dict[int, set[int]], clustering: Any, report: DedupeReport) -> None:
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
            link = clustering.links.get(i)
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
    # Contacts of absorbed companies move to the survivor (keeping their check results).
    for old, new in contact_moves:
        existing: set[tuple[str, str]] = {
            (row.kind, row.value) for row in connection.execute(
                select(CONTACTS.c.kind, CONTACTS.c.value).where(CONTACTS.c.company_id == new))}
        for contact_id, kind, value in connection.execute(
                select(CONTACTS.c.id, CONTACTS.c.kind, CONTACTS.c.value)
                .where(CONTACTS.c.company_id == old)).all():
            if (kind, value) not in existing:
                connection.execute(update(CONTACTS).where(CONTACTS.c.id == contact_id)
                                   .values(company_id=new))
                existing.add((kind, value))
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
