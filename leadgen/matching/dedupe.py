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
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from typing import Any

from sqlalchemy import bindparam, delete, func, select, tuple_, update
from sqlalchemy.engine import Connection, Engine

from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.ingest.records import contact_rows
from leadgen.ingest.survivorship import COMPANY_COLUMNS, offer_of, recompute
from leadgen.ingest.writer import BatchWriter
from leadgen.items import NormalizedLead
from leadgen.matching import dedupe_state
from leadgen.matching.cluster import Clustering, cluster
from leadgen.matching.contact_keys import rekey_persons
from leadgen.matching.dedupe_load import Record, load, open_pool, reload, workers_for
from leadgen.matching.profile import MatchProfile, blocking_keys
from leadgen.matching.review import decisions, drop_departed_contacts, merged_outcome
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.storage.ids import record_merges
from leadgen.storage.models import STATUS_PRECEDENCE
from leadgen.storage.runs import customer_record_ids, source_kinds
from leadgen.storage.tables import COMPANIES, CONTACTS, KEYS, POSSIBLE, RECORDS

logger = logging.getLogger(__name__)

SLICE = 20_000
"""Records of changed clusters re-read, merged and written at a time."""


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
    kept_apart: int | None = None
    """Matches the rules found that were not made: a reviewer decided the records differ."""
    other_places: int | None = None
    """Matches not made because they would put two places of one brand (a chain's branches
    that do not match each other) in one company."""
    ambiguous: int | None = None
    """Records that match two places of one brand: joined to neither, kept for review."""
    companies_rekeyed: int = 0
    """Companies whose blocking keys were rebuilt although their records stayed together
    (the blocking rules changed since the last run)."""
    contacts_rekeyed: int = 0
    """Contact persons given the key their name gives now, or merged into another contact
    of their company that is the same person (see :mod:`leadgen.matching.contact_keys`)."""
    seconds: float = 0.0
    unchanged_since_run: int | None = None
    """Set when nothing changed since that run (``crawl_runs`` id): nothing was re-clustered."""

    def lines(self) -> list[str]:
        return [f"{name.replace('_', ' ')}: {value}" for name, value in vars(self).items()
                if value is not None]


def dedupe(engine: Engine, rules: MatchingRules | None = None, *, dry_run: bool = False,
           default_region: str | None = None, workers: int | None = None,
           force: bool = False) -> DedupeReport:
    """Re-cluster every source record; returns what changed (nothing is written on dry run).

    When the records, their companies, the rules and the code are what the last run left, there
    is nothing to do and nothing is re-read (``force`` re-clusters anyway).
    ``workers``: processes normalizing records (default: :func:`workers_for` the record count;
    1 normalizes in this process). The result does not depend on it.
    """
    rules = rules or load_rules()
    started, started_at = time.monotonic(), datetime.now(UTC)
    report = DedupeReport()
    before = dedupe_state.current(engine, rules, default_region)
    previous = dedupe_state.last_run(engine)
    last = None if force else previous
    if last is not None and last[1].get("fingerprint") == before.fingerprint:
        with engine.connect() as connection:
            report.companies_before = connection.execute(
                select(func.count()).select_from(COMPANIES)).scalar_one()
        report.records, report.companies_after = before.records, before.clusters
        report.unreadable = int(last[1].get("unreadable") or 0)
        report.unchanged_since_run = last[0]
        report.seconds = round(time.monotonic() - started, 2)
        return report
    if workers is None:
        workers = workers_for(before.records)
    with open_pool(workers) as pool:
        loaded = load(engine, rules, default_region, pool)
        records, profiles = loaded.records, loaded.profiles
        report.records, report.unreadable = loaded.total, loaded.unreadable
        logger.info("dedupe: %s records normalized (%s workers) in %.1f s", report.records,
                    workers, time.monotonic() - started)
        same, different = _decided_pairs(engine, records)
        # An older version of a record (a list imported again with other values) is history:
        # it follows its newest version and offers nothing to match or keep.
        older = _older_versions(engine, records)
        for index, newest in older.items():
            profiles[index] = MatchProfile()
            same.append((newest, index))  # the older one is linked to the newest
        clustering = cluster(profiles, rules, same, different)
        report.kept_apart = clustering.kept_apart or None
        report.other_places = clustering.other_places or None
        report.ambiguous = clustering.ambiguous or None
        report.comparisons = clustering.comparisons
        logger.info("dedupe: %s comparisons, %s pairs screened by name, clustered at %.1f s",
                    clustering.comparisons, clustering.screened, time.monotonic() - started)
        members: dict[int, list[int]] = defaultdict(list)
        for index, label in enumerate(clustering.labels):
            members[label].append(index)
        with engine.connect() as connection:
            report.companies_before = connection.execute(
                select(func.count()).select_from(COMPANIES)
            ).scalar_one()
        sizes = Counter(record.company_id for record in records)
        assignment = _assign_ids(members, records, older)
        changed = [label for label, company_id in assignment.items()
                   if not _unchanged(company_id, members[label], records, sizes)]
        report.clusters_changed = len(changed)
        if force:  # every company's fields recomputed from its records, not only the moved
            changed = list(assignment)
        report.companies_after = len(members)
        if dry_run:
            report.seconds = round(time.monotonic() - started, 2)
            return report
        rekey = (previous[1].get("blocking") != dedupe_state.blocking_digest(rules)
                 if previous is not None
                 else _keys_differ(engine, rules, profiles, members, assignment, changed))
        writer = BatchWriter(engine)
        try:
            _write(writer, rules, records, profiles, members, assignment, changed, clustering,
                   report, partial(reload, engine, records, region=default_region, pool=pool),
                   started_at, older)
            if rekey:
                _rekey_unchanged(writer, rules, profiles, members, assignment, changed, report)
            report.contacts_rekeyed = rekey_persons(writer.begin())
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
    report.seconds = round(time.monotonic() - started, 2)
    after = dedupe_state.current(engine, rules, default_region)
    # Records added meanwhile (an ingest running alongside) were not clustered: the next run
    # must not take this state as done.
    if (after.records, after.last_id) == (loaded.total, loaded.last_id):
        stats = {k: v for k, v in vars(report).items() if v is not None}
        stats["blocking"] = dedupe_state.blocking_digest(rules)
        dedupe_state.record_run(engine, after, stats, started_at)
    return report


def _current_or_all(indexes: list[int], older: dict[int, int]) -> list[int]:
    """The cluster's records that are no older version of another, or all of them when it
    holds old versions only (a reviewer's decision kept one apart from its newest version:
    its company still needs a name, which NOT NULL demanded with a traceback)."""
    return [i for i in indexes if i not in older] or indexes


def _decided_pairs(engine: Engine, records: list[Record],
                   ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Reviewers' "same" and "different" decisions as pairs of record indexes (decisions
    whose records are unreadable now are left out)."""
    with engine.connect() as connection:
        kept = decisions(connection)
    if not kept:
        return [], []
    position = {record.id: index for index, record in enumerate(records)}
    same: list[tuple[int, int]] = []
    different: list[tuple[int, int]] = []
    for record_a, record_b, decision in kept:
        if record_a in position and record_b in position:
            pairs = same if decision == "same" else different
            pairs.append((position[record_a], position[record_b]))
    return same, different


def _older_versions(engine: Engine, records: list[Record]) -> dict[int, int]:
    """The records that are an older version of another (same source and record key, a
    later id) as record index -> the index of the newest version (both readable)."""
    keyed = (RECORDS.c.source_id, RECORDS.c.record_key)
    repeated = select(*keyed).group_by(*keyed).having(func.count() > 1)
    with engine.connect() as connection:
        rows = connection.execute(select(RECORDS.c.id, *keyed).where(
            tuple_(*keyed).in_(repeated)).order_by(RECORDS.c.id)).all()
    if not rows:
        return {}
    newest: dict[tuple[str, str], int] = {}
    for record_id, source_id, key in rows:
        newest[(source_id, key)] = record_id  # in id order: the last one is the newest
    position = {record.id: index for index, record in enumerate(records)}
    older: dict[int, int] = {}
    for record_id, source_id, key in rows:
        latest = newest[(source_id, key)]
        if record_id != latest and record_id in position and latest in position:
            older[position[record_id]] = position[latest]
    return older


def _unchanged(company_id: int | None, indexes: list[int], records: list[Record],
               sizes: Counter[int | None]) -> bool:
    """The cluster is exactly the records its company has now."""
    return (company_id is not None and sizes[company_id] == len(indexes)
            and all(records[i].company_id == company_id for i in indexes))


def _assign_ids(members: dict[int, list[int]], records: list[Record],
                older: Collection[int] = ()) -> dict[int, int | None]:
    """Each cluster keeps the company id most of its records had, biggest clusters first
    (of two alike, the one with the earlier record); on a tie, the id of its earliest record
    (the one its company began with, if it is there). An older version of a record does not
    vote, nor count: its company was the record's before."""
    assignment: dict[int, int | None] = {}
    taken: set[int] = set()

    def voters_of(label: int) -> list[int]:
        return [i for i in members[label] if i not in older] or members[label]

    def order(label: int) -> tuple[int, int]:
        voters = voters_of(label)
        return -len(voters), min(records[i].id for i in voters)

    for label in sorted(members, key=order):
        voters = voters_of(label)
        ids = [records[i].company_id for i in voters]
        if ids[0] is not None and ids.count(ids[0]) == len(ids):
            ranked: list[int] = [ids[0]]  # the common case: one company, nothing to count
        else:
            votes = Counter(cid for cid in ids if cid is not None)
            earliest: dict[int, int] = {}
            for i in voters:
                if (cid := records[i].company_id) is not None:
                    earliest[cid] = min(earliest.get(cid, records[i].id), records[i].id)
            ranked = [cid for cid, _ in sorted(votes.items(),
                                               key=lambda kv: (-kv[1], earliest[kv[0]]))]
        choice = next((cid for cid in ranked if cid not in taken), None)
        if choice is not None:
            taken.add(choice)
        assignment[label] = choice
    return assignment


def _write(writer: BatchWriter, rules: MatchingRules, records: list[Record],
           profiles: list[MatchProfile], members: dict[int, list[int]],
           assignment: dict[int, int | None], changed: list[int], clustering: Clustering,
           report: DedupeReport, reread: Callable[[list[int]], dict[int, NormalizedLead]],
           started_at: datetime, older: dict[int, int] | None = None) -> None:
    older = older or {}
    connection = writer.begin()
    now = datetime.now(UTC)
    touched_old: set[int] = set()
    final_ids: dict[int, int] = {}
    blanks: list[dict[str, Any]] = []
    for label in changed:
        company_id = assignment[label]
        if company_id is None:
            company_id = writer.next_id(COMPANIES)
            blanks.append(_blank_company(company_id, now))
        final_ids[label] = company_id
        for index in members[label]:
            if records[index].company_id is not None:
                touched_old.add(records[index].company_id)  # type: ignore[arg-type]
    writer.insert(COMPANIES, blanks)  # one executemany, not one statement per new company
    report.companies_created = len(blanks)
    kept = set(final_ids.values())
    statuses = _statuses(connection, touched_old)
    kinds = source_kinds(connection)
    customers = customer_record_ids(connection)
    customer_companies = {record.company_id for record in records if record.id in customers}
    contact_moves: list[tuple[int, int]] = []
    heirs: dict[int, Counter[int]] = defaultdict(Counter)  # absorbed -> where its records went
    for label in changed:
        old_ids = {records[i].company_id for i in members[label]
                   if records[i].company_id is not None}
        contact_moves.extend((old, final_ids[label]) for old in old_ids - kept)  # type: ignore[misc]
        for i in members[label]:
            if (old := records[i].company_id) is not None and old not in kept:
                heirs[old][final_ids[label]] += 1
    _delete_keys(connection, sorted(set(final_ids.values()) | touched_old))
    _move_contacts(connection, contact_moves)
    departed: list[tuple[int, str]] = []  # (a company that stays, a page its record left for)
    # Changed clusters are merged and written a slice at a time: only a slice's leads (the
    # heavy objects) are in memory at once, however many clusters a rules change touches.
    for labels in _slices(changed, members):
        leads = reread([i for label in labels for i in members[label]])
        record_updates: list[dict[str, Any]] = []
        company_updates: list[dict[str, Any]] = []
        key_rows: list[dict[str, Any]] = []
        contacts: list[dict[str, Any]] = []
        for label in labels:
            company_id = final_ids[label]
            indexes = members[label]
            old_ids = {records[i].company_id for i in indexes
                       if records[i].company_id is not None}
            offers = [offer_of(records[i].id, records[i].source_id,
                               rules.survivorship.trust_of(records[i].source_id,
                                                           kinds.get(records[i].source_id)),
                               leads[i])
                      for i in _current_or_all(indexes, older)]
            state, sources = recompute(offers, rules.survivorship)
            profile = MatchProfile()
            for i in indexes:
                profile = profile.merged(profiles[i])
            extra = dict(statuses.get(company_id, {}).get("extra") or {})
            extra[PROFILE_KEY] = profile.to_json()
            # A company's status (customer, excluded) stays with it, and goes with it where
            # it is merged away; a cluster split off a company that goes on does not take it.
            status_candidates = [statuses[o]["status"] for o in old_ids
                                 if o in statuses and (o == company_id or o not in kept)]
            status = _strongest(status_candidates)
            # A sales outcome (won, lost: --learn's training data) goes the same way.
            times = [(statuses[o]["first_seen"], statuses[o]["last_seen"]) for o in old_ids
                     if o in statuses and statuses[o]["first_seen"] and statuses[o]["last_seen"]]
            sales_outcome = merged_outcome([statuses[o]["outcome"] for o in old_ids
                                            if o in statuses and (
                                                o == company_id or o not in kept)])
            # The cluster holding a record imported --as customers is the customer (a mark
            # that came with a company merged into it, "excluded" for the firm a list row
            # named before its correction, does not outrank that; its own mark does), and one
            # whose customer status came from such records that went elsewhere is not.
            if customers and any(records[i].id in customers for i in indexes):
                own = statuses.get(company_id, {}).get("status")
                status = "excluded" if own == "excluded" else "customer"
            elif status == "customer" and old_ids & customer_companies:
                status = "new"
            company_updates.append({
                "id": company_id, **{k: v for k, v in state.items()}, "field_sources": sources,
                "extra": extra, "status": status, "outcome": sales_outcome,
                # when its companies were first and last seen in a list, not when dedupe ran
                "first_seen": min(seen[0] for seen in times) if times else now,
                "last_seen": max(seen[1] for seen in times) if times else now,
            })
            for i in indexes:
                previous = records[i].company_id
                if previous is not None and previous != company_id and previous in kept:
                    departed.append((previous, leads[i].lead.source.page_url[:2000]))
                if i in older:
                    record_updates.append({"id": records[i].id, "company_id": company_id,
                                           "match_evidence": {
                                               "decision": "match", "via": "dedupe",
                                               "reason": "an older version of a record",
                                               "newer_record": records[older[i]].id,
                                               "company_id": company_id}})
                    continue
                link = clustering.link(i, profiles, rules)
                evidence: dict[str, Any] = {"decision": "match" if link else "new",
                                            "via": "dedupe", "company_id": company_id}
                if link and i in clustering.reviewed:
                    evidence.update(reason="a reviewer decided these are the same company",
                                    via="review", linked_record=records[link[0]].id)
                elif link:
                    evidence.update(link[1].as_dict(), linked_record=records[link[0]].id)
                record_updates.append({"id": records[i].id, "company_id": company_id,
                                       "match_evidence": evidence})
                contacts.extend(contact_rows(leads[i], company_id, now))
            key_rows += _key_rows(company_id, indexes, profiles, rules)
        writer.update_by_id(RECORDS, record_updates)
        _update_companies(writer, company_updates)
        writer.insert(KEYS, key_rows, ignore_conflicts=True)
        writer.insert(CONTACTS, contacts, ignore_conflicts=True)
    drop_departed_contacts(connection, departed)
    gone = sorted(touched_old - kept)
    # Records another program stored since this run read the database, into a company it
    # merges away, go where most of that company's records went (deleting it would leave
    # them in no company: the foreign key sets theirs to NULL).
    if strays := [{"absorbed": company, "heir": heirs[company].most_common(1)[0][0]}
                  for company in gone if heirs.get(company)]:
        connection.execute(
            update(RECORDS).where(RECORDS.c.company_id == bindparam("absorbed"))
            .values(company_id=bindparam("heir")), strays)
        # An id an export still carries leads to the company that took its records.
        record_merges(connection, [(row["absorbed"], row["heir"]) for row in strays])
    for start in range(0, len(gone), 500):
        connection.execute(delete(COMPANIES).where(COMPANIES.c.id.in_(gone[start:start + 500])))
    report.companies_removed = len(gone)
    label_company = {label: (final_ids.get(label) or assignment[label])
                     for label in members}
    possible_rows = []
    for a, b, outcome in clustering.possible:
        ca, cb = label_company[clustering.labels[a]], label_company[clustering.labels[b]]
        if ca and cb and ca != cb:
            evidence = outcome.as_dict()
            other = clustering.also_fits.get((a, b))
            if other is not None:  # the record fits two places of one brand (see cluster)
                evidence["also_matches"] = label_company[clustering.labels[other]]
            possible_rows.append({"id": writer.next_id(POSSIBLE),
                                  "company_a": min(ca, cb), "company_b": max(ca, cb),
                                  "score": outcome.score, "evidence": evidence,
                                  "status": "open", "created_at": now})
    _renew_open_pairs(connection, writer, possible_rows, started_at)
    report.possible_matches = len(possible_rows)


def _renew_open_pairs(connection: Connection, writer: BatchWriter,
                      proposed: list[dict[str, Any]], started_at: datetime) -> None:
    """Make the open review pairs this run's: a pair it proposes again gets its new score and
    evidence (keeping its id), one it no longer proposes goes (its companies merged, or the
    rules or records changed: review listed such pairs with evidence from before), the rest
    are added. Pairs an ingest added during the run, and decided ones, stay."""
    fresh = {(row["company_a"], row["company_b"]): row for row in proposed}
    known = connection.execute(
        select(POSSIBLE.c.id, POSSIBLE.c.company_a, POSSIBLE.c.company_b).where(
            POSSIBLE.c.status == "open", POSSIBLE.c.created_at < started_at)).all()
    stale: list[int] = []
    renewed: list[dict[str, Any]] = []
    for pair_id, a, b in known:
        row = fresh.pop((a, b), None)
        if row is None:
            stale.append(pair_id)
        else:
            renewed.append({"pair_id": pair_id, "new_score": row["score"],
                            "new_evidence": row["evidence"]})
    for start in range(0, len(stale), 500):
        connection.execute(delete(POSSIBLE).where(POSSIBLE.c.id.in_(stale[start:start + 500])))
    if renewed:
        connection.execute(update(POSSIBLE).where(POSSIBLE.c.id == bindparam("pair_id")).values(
            score=bindparam("new_score"), evidence=bindparam("new_evidence")), renewed)
    # the new ones (a pair an ingest added during the run keeps its row)
    writer.insert(POSSIBLE, list(fresh.values()), ignore_conflicts=True)


def _cluster_keys(indexes: list[int], profiles: list[MatchProfile],
                  rules: MatchingRules) -> dict[tuple[str, str], None]:
    """The blocking keys of one cluster's records, each once, in order."""
    return dict.fromkeys(key for i in indexes for key in blocking_keys(profiles[i], rules))


def _key_rows(company_id: int, indexes: list[int], profiles: list[MatchProfile],
              rules: MatchingRules) -> list[dict[str, Any]]:
    return [{"company_id": company_id, "kind": kind, "value": value}
            for kind, value in _cluster_keys(indexes, profiles, rules)]


def _delete_keys(connection: Connection, company_ids: list[int]) -> None:
    for start in range(0, len(company_ids), 500):
        chunk = company_ids[start:start + 500]
        connection.execute(delete(KEYS).where(KEYS.c.company_id.in_(chunk)))


def _kept_clusters(members: dict[int, list[int]], assignment: dict[int, int | None],
                   changed: list[int]) -> Iterator[tuple[int, list[int]]]:
    """``(company id, record indexes)`` of each cluster that is exactly its company already."""
    done = set(changed)
    for label, indexes in members.items():
        company_id = assignment[label]
        if label not in done and company_id is not None:
            yield company_id, indexes


def _keys_differ(engine: Engine, rules: MatchingRules, profiles: list[MatchProfile],
                 members: dict[int, list[int]], assignment: dict[int, int | None],
                 changed: list[int], sample: int = 2000) -> bool:
    """With no earlier run to compare blocking rules with: whether the stored keys of up to
    ``sample`` companies that keep their records differ from what ``rules`` give them (a
    database built under other blocking rules)."""
    expected = {company_id: set(_cluster_keys(indexes, profiles, rules))
                for company_id, indexes in islice(
                    _kept_clusters(members, assignment, changed), sample)}
    if not expected:
        return False
    stored: dict[int, set[tuple[str, str]]] = {company_id: set() for company_id in expected}
    ids = list(expected)
    with engine.connect() as connection:
        for start in range(0, len(ids), 500):
            for row in connection.execute(select(KEYS.c.company_id, KEYS.c.kind, KEYS.c.value)
                                          .where(KEYS.c.company_id.in_(ids[start:start + 500]))):
                stored[row.company_id].add((row.kind, row.value))
    return stored != expected


def _rekey_unchanged(writer: BatchWriter, rules: MatchingRules, profiles: list[MatchProfile],
                     members: dict[int, list[int]], assignment: dict[int, int | None],
                     changed: list[int], report: DedupeReport) -> None:
    """Rebuild the blocking keys of the clusters :func:`_write` left alone (it rebuilt the
    changed ones'), so that the next ingest finds every company by the current rules."""
    connection = writer.begin()
    company_ids: list[int] = []
    key_rows: list[dict[str, Any]] = []
    for company_id, indexes in _kept_clusters(members, assignment, changed):
        company_ids.append(company_id)
        key_rows += _key_rows(company_id, indexes, profiles, rules)
        if len(key_rows) >= 50_000:
            _delete_keys(connection, company_ids)
            writer.insert(KEYS, key_rows, ignore_conflicts=True)
            report.companies_rekeyed += len(company_ids)
            company_ids, key_rows = [], []
    _delete_keys(connection, company_ids)
    writer.insert(KEYS, key_rows, ignore_conflicts=True)
    report.companies_rekeyed += len(company_ids)


def _slices(labels: list[int], members: dict[int, list[int]]) -> Iterator[list[int]]:
    """Consecutive runs of ``labels`` holding about :data:`SLICE` records each."""
    batch: list[int] = []
    size = 0
    for label in labels:
        batch.append(label)
        size += len(members[label])
        if size >= SLICE:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


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
                select(COMPANIES.c.id, COMPANIES.c.status, COMPANIES.c.outcome,
                       COMPANIES.c.extra, COMPANIES.c.first_seen, COMPANIES.c.last_seen)
                .where(COMPANIES.c.id.in_(ordered[start:start + 500]))):
            found[row.id] = {"status": row.status, "outcome": row.outcome, "extra": row.extra,
                             "first_seen": row.first_seen, "last_seen": row.last_seen}
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
