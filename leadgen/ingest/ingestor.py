"""The ingestor: match each normalized lead incrementally and store it, in batches.

Each record is matched through indexed blocking keys against the companies already known
(never against every company), then stored with its evidence. Re-ingesting the same record
(same source, record key and content hash) adds no rows at all.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from leadgen.forget_person import holds_people, without_people
from leadgen.ingest.bulk import BULK_BATCH_SECONDS, BULK_BATCH_SIZE, collect_young
from leadgen.ingest.index import KeyIndex, RecordIndex, SeenRecord
from leadgen.ingest.person_titles import update_titles, with_title_trust
from leadgen.ingest.prepared import PreparedLead, prepare
from leadgen.ingest.records import CONTACT_COLUMNS, same_but_where
from leadgen.ingest.renew import newest_versions, renew_fields, stored_offers
from leadgen.ingest.retire import retire_contacts
from leadgen.ingest.survivorship import COMPANY_COLUMNS, apply_record
from leadgen.ingest.writer import BatchWriter
from leadgen.items import Lead, NormalizedLead
from leadgen.matching.cluster import GROUPED_NAMES, spelling_groups
from leadgen.matching.compare import MatchResult, SharedCount, compare, names_may_match
from leadgen.matching.profile import MatchProfile
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.normalize import normalize_lead
from leadgen.normalize.address import city_aliases, city_key
from leadgen.sqlite_writer import json_text
from leadgen.storage.models import STATUS_PRECEDENCE
from leadgen.storage.runs import source_kinds
from leadgen.storage.tables import COMPANIES, CONTACTS, KEYS, POSSIBLE, RECORDS, SUPPRESSIONS
from leadgen.suppression import SuppressionList, erase_added_since

logger = logging.getLogger(__name__)


PROFILE_KEY = "_match"  # companies.extra[PROFILE_KEY]: the company's matching profile
#: The profile's entry for its records' first names (see Ingestor._holders).
_RECORD_NAMES = "record_names"
_KEY_COLUMNS = ("company_id", "kind", "value")
_RECORD_COLUMNS = ("id", "source_id", "record_key", "record_id", "page_url", "fetched_at",
                   "content_hash", "data", "company_id", "match_evidence", "crawl_run_id",
                   "created_at")
# JSON encoded when the row is made, while its values are fresh in the CPU cache (encoding a
# batch's cold values at write time cost several times more).
_ENCODED_RECORD_COLUMNS = frozenset({"data", "match_evidence"})
_ENCODED_CONTACT_COLUMNS = frozenset({"details"})


@dataclass
class IngestOutcome:
    """What ingesting one lead did."""

    status: str
    """new (a new company), merged (joined a company), unchanged (seen before, nothing added),
    possible (a new company with a possible match kept for review), suppressed (on the
    suppression list: nothing stored)."""
    company_id: int
    source_record_id: int | None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Offer:
    record_id: int
    source_id: str
    trust: int
    at: str
    values: dict[str, dict[str, Any]]
    extra: dict[str, Any]
    key: str = ""
    """The record's key within its source."""
    renews: bool = False
    """A new version of a record the company has."""


class Ingestor:
    """Matches and stores normalized leads; call :meth:`flush` to commit the pending batch."""

    def __init__(
        self,
        engine: Engine,
        *,
        rules: MatchingRules | None = None,
        crawl_run_id: int | None = None,
        batch_size: int | None = None,
        max_batch_seconds: float | None = None,
        background: bool = False,
        dry_run: bool = False,
    ):
        """``background``: write each batch in a writer process while the next is matched
        (SQLite files only; for bulk loads that are the database's only writer). A batch is
        written at ``batch_size`` records or after ``max_batch_seconds``: by default 500 and
        2 s, or a bulk load's :data:`BULK_BATCH_SIZE` and :data:`BULK_BATCH_SECONDS` in the
        background.

        ``dry_run``: match as an ingest would, store nothing. Each batch is dropped where it
        would be written (memory stays one batch however long the input), the matching index
        keeps what the dropped rows added (later rows match them as they would stored ones),
        and no write lock is taken, so crawls and imports can write beside it."""
        self.engine = engine
        self.dry_run = dry_run
        self.rules = rules or load_rules()
        self.crawl_run_id = crawl_run_id
        if batch_size is None:
            batch_size = BULK_BATCH_SIZE if background else 500
        if max_batch_seconds is None:
            max_batch_seconds = BULK_BATCH_SECONDS if background else 2.0
        self.batch_size = batch_size
        self.max_batch_seconds = max_batch_seconds
        self.writer = BatchWriter(engine, background=background, read_only=dry_run)
        self.records = RecordIndex()
        self.profiles: dict[int, MatchProfile] = {}
        # The names its records give first, of a company whose profile holds more names than
        # those (a trade name, a Latin spelling: one record's other names); see _holders.
        self._record_names: dict[int, tuple[str, ...]] = {}
        self.counts: dict[str, int] = {"new": 0, "merged": 0, "unchanged": 0, "possible": 0}
        self._trusts: dict[str, int] = {}  # per source, once its kind is read (see _load)
        self._source_kinds: dict[str, str] = {}
        self._block_limits = {rule.key: rule.max_block_size or self.rules.max_block_size
                              for rule in self.rules.blocking}
        # A block past its rule's limit is never compared: the index keeps only its size.
        self.keys = KeyIndex(caps=self._block_limits)
        self._name_screens = {rule.key: rule.min_name_similarity * 100
                              for rule in self.rules.blocking if rule.min_name_similarity}
        self._loaded = False
        # Batches written here, under a lock, take in what other writers stored before each
        # one begins (see _begin_batch); the highest source record id taken in so far:
        self._catch_up = not self.writer.background and not dry_run
        self._caught_up_to = 0
        self._replaying = False
        # The suppression list, read again when it changed (leadgen forget during a crawl):
        # its callers check leads against the list as it was when they started.
        self._suppressions: SuppressionList | None = None
        self._suppressions_seen = 0  # the highest suppression id read
        self._suppression_floor: int | None = None  # the highest suppression id at the start
        self._reset_batch()

    # -- public API -----------------------------------------------------------------------

    def ingest(self, lead: NormalizedLead, *, status: str | None = None) -> IngestOutcome:
        """Match ``lead`` and queue its rows; ``status`` (e.g. "customer") marks its company."""
        return self.ingest_prepared(prepare(lead, self.rules), status=status)

    def ingest_prepared(self, item: PreparedLead, *, status: str | None = None,
                        run_id: int | None = None) -> IngestOutcome:
        """:meth:`ingest` for a lead already prepared (e.g. in a worker process) with the same
        rules. ``run_id``: the run a new record is stored under, when not this ingestor's
        (an import's rows of customers: see :func:`leadgen.storage.runs.customer_record_ids`)."""
        self._load()
        if self._catch_up:
            if self.writer.connection is None:
                self._begin_batch()
            self._items.append((item, status, run_id))
        elif self._started is None and not self.dry_run:  # a bulk batch begins
            with self.engine.connect() as connection:
                self._read_suppressions(connection, changed_only=True)
        if self._suppressions is not None and (
                reason := self._suppressions.reason_for_prepared(item)):
            self.counts["suppressed"] = self.counts.get("suppressed", 0) + 1
            return IngestOutcome("suppressed", 0, None,
                                 {"decision": "suppressed", "reason": reason})
        if self._suppressions is not None and (people := self._suppressions.people) and (
                holds_people(item.contacts, people)):
            item = self._without_people(item, people)
        source_id, key, full_digest = item.source_id, item.record_key, item.content_hash
        digest = full_digest[:16]  # in memory: 64 bits tell versions of one record apart
        seen = self.records.get(source_id, key)
        previous: int | None = None
        if seen is not None:
            if seen.content_hash == digest:
                return self._unchanged(seen, status)
            stored = self._stored_versions(source_id, key, full_digest, seen.record_id,
                                           item.text)
            if stored == "same":
                return self._unchanged(seen, status)
            if stored == "other":
                previous = seen.company_id

        profile = item.profile
        keys = item.keys
        hashes = list(map(hash, keys))  # each key's index slot, looked up then added
        if previous and self._company_exists(previous):
            company_id, result, candidates = previous, None, 1
            decision = "merged"
            evidence: dict[str, Any] = {"decision": "match", "reason": "new version of a record"}
            if compare(profile, self._profile(previous), self.rules,
                       self._holders(profile)).decision == "no_match":
                # nothing in common with its company: a corrected row, or a list that reuses
                # another's ids under its --source (the importer warns)
                evidence["names_another_company"] = True
        else:
            best_id, result, candidates, also = self._best_candidate(profile, keys, hashes)
            decision = result.decision if result else "no_match"
            if also is not None:
                decision = "possible"  # it fits two companies at two places: never guess
            evidence = {"decision": decision, "candidates": candidates}
            if result is not None:
                evidence.update(result.as_dict(), candidate=best_id, decision=decision)
            if also is not None:
                evidence["also_matches"] = also
            company_id = best_id if decision == "match" and best_id is not None else 0

        record_id = self.writer.next_id(RECORDS)
        self._top_record = record_id
        now = self._now()
        if company_id:
            status_name = "merged"
            self._merge_into(company_id, profile)
            if previous == company_id and seen is not None:
                # A new version: the contacts the old one gave and this one does not go
                self._retired.append((company_id, seen.record_id,
                                      [f"{row[0]}|{row[1]}" for row in item.contacts]))
        else:
            company_id = self.writer.next_id(COMPANIES)
            status_name = "possible" if decision == "possible" else "new"
            self._create(company_id, item, now)
            self.profiles[company_id] = profile
            if len(profile.names) > 1:
                self._record_names[company_id] = profile.names[:1]
            if decision == "possible" and evidence.get("candidate"):
                other = int(evidence["candidate"])
                self._possible.append({
                    "id": self.writer.next_id(POSSIBLE),  # never a deleted pair's id
                    "company_a": min(company_id, other), "company_b": max(company_id, other),
                    "score": float(evidence.get("score", 0.0)), "evidence": evidence,
                    "status": "open", "created_at": now,
                })
        evidence["company_id"] = company_id
        trust = self._trust(source_id)
        self._offer(company_id, item, record_id, trust,
                    previous is not None and previous == company_id)
        if status:
            self._status[company_id] = status
        self.keys.add_all(keys, hashes, company_id, self._keys)
        if item.contacts:
            self._contacts += [(company_id, *with_title_trust(row, trust), now)
                               for row in item.contacts]
        self._records.append((
            record_id, source_id[:120], key, item.record_id, item.page_url, item.fetched_at,
            full_digest, item.text, company_id, json_text(evidence),
            self.crawl_run_id if run_id is None else run_id, now,
        ))
        self.records.put(source_id, key, SeenRecord(digest, record_id, company_id))
        self.counts[status_name] += 1
        self._after_write()
        return IngestOutcome(status_name, company_id, record_id, evidence)

    def flush(self) -> None:
        """Write and commit the pending batch (drop it, in a dry run)."""
        if self.dry_run:
            self._reset_batch()
            collect_young()
            return
        if not self.writer.active and not self._touched_ids():
            return
        items, counts = self._items, self._counts_before
        try:
            self._write_batch()
            self.writer.commit()
        except BaseException as exc:
            self.writer.rollback()
            self._reset_batch()
            collect_young()
            if (self._catch_up and not self._replaying
                    and isinstance(exc, sqlite3.IntegrityError | IntegrityError)):
                self._replay(items, counts, exc)
                return
            raise
        self._caught_up_to = max(self._caught_up_to, self._top_record)
        self._reset_batch()
        collect_young()

    def _replay(self, items: list[tuple[PreparedLead, str | None, int | None]],
                counts: dict[str, int],
                error: Exception) -> None:
        """Match a batch the database refused again, against indexes loaded afresh.

        Another program changed companies the batch pointed to after this ingestor cached
        them: ``leadgen dedupe``, a merge in ``leadgen review``, ``leadgen split`` or
        ``leadgen forget`` moved their records elsewhere or removed them, so a lead merged into
        a company that is gone (a foreign key the database refuses, and every lead of the
        batch was lost). Such changes are rare and rewrite companies wholesale, so everything
        is read again; the outcomes already returned for the batch's leads may differ from
        what is stored (``counts`` follow what is stored). A second refusal is raised."""
        logger.warning("ingest: the database refused a batch (%s): companies it points to were "
                       "changed by another program; matching its %s leads again",
                       str(error).splitlines()[0], len(items))
        self.keys = KeyIndex(caps=self._block_limits)
        self.records = RecordIndex()
        self.profiles.clear()
        self._record_names.clear()
        self._loaded = False
        self.counts = dict(counts)
        self._replaying = True
        try:
            for item, status, run_id in items:
                self.ingest_prepared(item, status=status, run_id=run_id)
            self.flush()
        finally:
            self._replaying = False

    def flush_if_due(self) -> bool:
        """Flush the pending batch if it is ``max_batch_seconds`` old; True when it did.

        For callers with a timer (a crawl's store pipeline): a batch is otherwise written
        when the next lead comes, and a polite crawl can wait minutes for it while the batch
        holds SQLite's write lock (taken with its first record), so that any other writer
        (an import, ``leadgen enrich``) gives up with "database is locked"."""
        if self._started is None or time.monotonic() - self._started < self.max_batch_seconds:
            return False
        self.flush()
        return True

    def close(self) -> None:
        """Commit what is pending and release the connection; then erase what entries
        ``leadgen forget`` added meanwhile match (see :func:`erase_added_since`)."""
        try:
            self.flush()
        finally:
            if self.dry_run:
                self.writer.rollback()
            self.writer.close()
        if self._suppression_floor is not None and not self.dry_run:
            with Session(self.engine) as session, session.begin():
                erased = erase_added_since(session, self._suppression_floor)
            if erased.companies or erased.people_from:
                logger.info("ingest: entries forgotten during the run erased %s companies and "
                            "took people out of %s", erased.companies, erased.people_from)

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            self.close()
        else:
            self.writer.rollback()
            try:
                self.writer.close()
            except Exception:  # noqa: BLE001 - the first error is the one to report
                logger.exception("ingest: the writer process failed too")

    def _begin_batch(self) -> None:
        """Take the batch's write lock (SQLite's, or an advisory lock on PostgreSQL), then take
        in what other writers (a second crawl, an import) stored since this ingestor last
        looked: their records, and the keys and profiles of the companies those joined. No
        lead is then matched against a stale index (which made duplicate companies) and no
        record is stored twice (which failed the whole batch on the unique record key). The
        suppression list is read again when ``leadgen forget`` added to it meanwhile: no lead
        it names is stored after the forget, however long ago the crawl started.

        New records are told by their id: ids are handed out under that lock, so those of a
        later batch are higher. (A PostgreSQL writer that is not an ingestor, such as
        ``leadgen enrich``, takes ids outside it; one of its records can be missed, costing
        a blocking key until the next start, never a wrong merge.)"""
        connection = self.writer.begin()
        self._read_suppressions(connection)
        companies: set[int] = set()
        self._caught_up_to = self.records.load(connection, self._caught_up_to, companies)
        if companies:
            self.keys.load(connection, companies)
            for company_id in companies:
                self.profiles.pop(company_id, None)  # read again, as the other writer left it
                self._record_names.pop(company_id, None)
            logger.info("ingest: took in %s companies other writers stored or changed",
                        len(companies))

    def _read_suppressions(self, connection: Connection, *, changed_only: bool = False,
                           ) -> None:
        """Read the suppression list when its entries changed since last read (or were never
        read, unless ``changed_only``: a bulk load checks only what changed after its start,
        its caller having checked every row against the list as it was then)."""
        top = _last_suppression(connection)
        if top == self._suppressions_seen and (self._suppressions is not None or changed_only):
            return
        self._suppressions = SuppressionList.load(connection)
        self._suppressions_seen = top

    def _without_people(self, item: PreparedLead, people: set[str]) -> PreparedLead:
        """``item`` prepared again without the forgotten people it names (forgotten while this
        ingest ran: its caller left out those forgotten before). The record is read back
        from its text, in its country as the phone region."""
        countries = item.profile.countries
        lead = normalize_lead(Lead.model_validate_json(item.text),
                              countries[0] if countries else None)
        return prepare(without_people(lead, people), self.rules)

    # -- matching --------------------------------------------------------------------------

    def _best_candidate(
        self, profile: MatchProfile, keys: tuple[tuple[str, str], ...], hashes: list[int],
    ) -> tuple[int | None, MatchResult | None, int, int | None]:
        """Compare with the companies sharing a blocking key, rule by rule in the rules' order
        (strongest first); once a rule's candidates give a match, weaker rules are skipped.
        At most ``max_candidates`` companies are compared; those a weak block's name screen
        turns away do not count (a business park's other tenants must not use up the budget
        before the company itself comes up). ``hashes``: ``hash(key)`` of each key (its slot
        in the key index).

        Returns the best candidate, its comparison, the number compared, and another
        matching company at another place of one brand than the best (see :meth:`_other_match`),
        or None."""
        seen: set[int] = set()
        compared = 0
        best_id: int | None = None
        best: MatchResult | None = None
        matched: list[int] = []
        rules, blocks = self.rules, self.keys.blocks
        block_limits, name_screens = self._block_limits, self._name_screens
        max_candidates, generic = rules.max_candidates, rules.generic_name_words
        names = profile.names
        shared = self._holders(profile)
        index, total = 0, len(keys)
        while index < total and compared < max_candidates:
            kind = keys[index][0]
            limit = block_limits.get(kind, rules.max_block_size)
            batch: list[int] = []
            while index < total and keys[index][0] == kind:
                found = blocks.get(hashes[index])
                index += 1
                if found is None:
                    continue
                if type(found) is int:
                    batch.append(found)
                elif type(found) is list and len(found) <= limit:
                    batch.extend(found)  # a huge block (or an overflow) is no evidence
            if not batch:
                continue
            screen = name_screens.get(kind)
            for company_id in dict.fromkeys(batch) if len(batch) > 1 else batch:
                if company_id in seen:
                    continue
                if compared >= max_candidates:
                    break
                seen.add(company_id)
                candidate = self._profile(company_id)
                if screen and not names_may_match(names, candidate.names, screen, generic):
                    continue
                compared += 1
                result = compare(profile, candidate, rules, shared)
                if result.decision == "match":
                    matched.append(company_id)
                if best is None or result.score > best.score:
                    best_id, best = company_id, result
            if best is not None and best.decision == "match":
                break
        also = self._other_match(best_id, matched) if len(matched) > 1 else None
        return best_id, best, compared, also

    def _other_match(self, best_id: int | None, matched: list[int]) -> int | None:
        """A company of ``matched`` (those a record matches) that is another company than
        ``best_id`` a record may fit alike (:attr:`MatchResult.two_companies`): two branches
        of a chain, two namesakes in one town, a group's two companies on one switchboard.
        A record matching both ("Starbucks", New York) could be either, so it goes to review
        instead of into the best one. Matching companies that match each other too are
        duplicates (``leadgen dedupe`` joins them): the best one is taken."""
        if best_id is None:
            return None
        best = self._profile(best_id)
        shared = self._holders(best)
        for company_id in matched:
            if company_id == best_id:
                continue
            result = compare(best, self._profile(company_id), self.rules, shared)
            if result.two_companies:
                return company_id
        return None

    def _holders(self, record: MatchProfile) -> SharedCount:
        """How many companies hold a phone, website, mailbox or register number, counted as
        ``leadgen dedupe`` counts them (:func:`spelling_groups`): by the names of the
        companies holding it and of ``record``, each name of a company on its own. Counting
        the companies themselves, tenants of one business centre that merged on its
        reception phone were one company holding it, and every later tenant merged too.
        A company's names are those its records give first, as dedupe counts each record's
        first name: "Acme Inc. d/b/a Joe's Pizza" is one company's two names, not two
        companies (it made the phone it shares with "Bella Napoli" a switchboard's, which
        the other import order did not)."""
        own = record.names[:1]
        record_names = self._record_names

        def holders(kind: str, value: str) -> int:
            companies = self.keys.get(kind, value)
            if companies is None or len(companies) > GROUPED_NAMES:
                return self.keys.count(kind, value)
            names: set[tuple[str, ...]] = {
                (name,) for company_id in companies
                for name in record_names.get(company_id) or self._profile(company_id).names}
            if own:
                names.add(own)
            if len(names) < self.rules.shared_key_companies:  # (too few to weigh nothing)
                return max(len(names), 1)
            return spelling_groups(names, self.rules)

        return holders

    def _profile(self, company_id: int) -> MatchProfile:
        profile = self.profiles.get(company_id)
        if profile is None:
            rows = self.writer.read(
                select(COMPANIES.c.extra, COMPANIES.c.name_key, COMPANIES.c.registered_domain,
                       COMPANIES.c.phone, COMPANIES.c.postal_code, COMPANIES.c.city,
                       COMPANIES.c.country).where(COMPANIES.c.id == company_id)
            )
            profile = stored_profile(rows[0]) if rows else MatchProfile()
            self.profiles[company_id] = profile
            if rows and (names := ((rows[0].extra or {}).get(PROFILE_KEY) or {}).get(
                    _RECORD_NAMES)):
                self._record_names[company_id] = tuple(names)
        return profile

    def _profile_json(self, company_id: int) -> dict[str, Any]:
        """A company's profile as stored, with its records' first names where they are not
        all its names (whatever rewrites the profile, ``leadgen dedupe`` or a review's merge,
        leaves them out, and the company counts every name it holds again)."""
        data: dict[str, Any] = self.profiles[company_id].to_json()
        if (names := self._record_names.get(company_id)) is not None:
            data[_RECORD_NAMES] = list(names)
        return data

    def _company_exists(self, company_id: int) -> bool:
        if company_id in self._new or (
                self.dry_run and self.writer.handed_out(COMPANIES, company_id)):
            return True
        return bool(self.writer.read(select(COMPANIES.c.id).where(COMPANIES.c.id == company_id)))

    # -- pending batch ---------------------------------------------------------------------

    def _reset_batch(self) -> None:
        self._new: dict[int, dict[str, Any]] = {}
        self._offers: dict[int, list[_Offer]] = {}
        self._records: list[tuple[Any, ...]] = []  # in _RECORD_COLUMNS order
        self._keys: list[tuple[int, str, str]] = []
        self._contacts: list[tuple[Any, ...]] = []  # in CONTACT_COLUMNS order
        # Records replaced by a newer version: (company, old record id, its contacts to keep)
        self._retired: list[tuple[int, int, list[str]]] = []
        self._possible: list[dict[str, Any]] = []
        self._seen: set[int] = set()
        self._status: dict[int, str] = {}
        self._dirty_profiles: set[int] = set()
        self._started: float | None = None
        self._batch_now: datetime | None = None
        self._top_record = 0  # the highest source record id this batch made
        # What a refused batch is matched again from (see _replay): its leads, and the
        # counts before it.
        self._items: list[tuple[PreparedLead, str | None, int | None]] = []
        self._counts_before = dict(self.counts)

    def _now(self) -> datetime:
        """The batch's timestamp (rows of one batch are written in one transaction)."""
        if self._batch_now is None:
            self._batch_now = datetime.now(UTC)
        return self._batch_now

    def _touched_ids(self) -> bool:
        return bool(self._seen or self._status)

    def _after_write(self) -> None:
        if self._started is None:
            self._started = time.monotonic()
        if (len(self._records) >= self.batch_size
                or time.monotonic() - self._started >= self.max_batch_seconds):
            self.flush()

    def _unchanged(self, seen: SeenRecord, status: str | None) -> IngestOutcome:
        company_id = seen.company_id or 0
        if company_id:
            self._seen.add(company_id)
            if self._started is None:
                self._started = time.monotonic()
            if status:
                self._status[company_id] = status
        self.counts["unchanged"] += 1
        return IngestOutcome("unchanged", company_id, seen.record_id, {"decision": "unchanged"})

    def _stored_versions(self, source_id: str, key: str, digest: str, record_id: int,
                         text: str) -> str | None:
        """"same" when this content is stored (A -> B -> A; also read from another page or
        file: the list saved under another name), "other" when only other versions are, None
        when the record is not stored at all (an index hash collision). ``record_id``: the
        record the index holds for this key; in a dry run, one made by an earlier (dropped)
        batch counts as another version."""
        batch = [r for r in self._records if r[1] == source_id and r[2] == key]
        stored = self.writer.read(select(RECORDS.c.content_hash, RECORDS.c.data).where(
            RECORDS.c.source_id == source_id, RECORDS.c.record_key == key))
        hashes = {r[6] for r in batch} | {row[0] for row in stored}
        if digest in hashes:
            return "same"
        if any(same_but_where(data, text) for data in [r[7] for r in batch] + [
                row[1] for row in stored]):
            return "same"
        if not hashes and self.dry_run and self.writer.handed_out(RECORDS, record_id):
            return "other"
        return "other" if hashes else None

    def _create(self, company_id: int, item: PreparedLead, now: datetime) -> None:
        row: dict[str, Any] = dict.fromkeys(COMPANY_COLUMNS)
        row.update(
            id=company_id, display_name=item.display_name, name_key=item.name_key,
            categories=[], size={}, social=[], extra={}, status="new", outcome=None,
            field_sources={}, first_seen=now, last_seen=now, enriched_at=None,
        )
        self._new[company_id] = row

    def _merge_into(self, company_id: int, profile: MatchProfile) -> None:
        before = self._profile(company_id)
        merged = self.profiles[company_id] = before.merged(profile)
        # (a company read from the database counts every name it holds, as before)
        names = self._record_names.get(company_id, before.names)
        if profile.names and profile.names[0] not in names and profile.names[0] in merged.names:
            names += profile.names[:1]
        if names != merged.names:
            self._record_names[company_id] = names
        else:
            self._record_names.pop(company_id, None)
        self._dirty_profiles.add(company_id)
        self._seen.add(company_id)

    def _offer(self, company_id: int, item: PreparedLead, record_id: int, trust: int,
               renews: bool) -> None:
        """Apply the record's values to a company new in this batch, or keep them (an
        :class:`_Offer`) for one stored before, applied when the batch is written."""
        at = item.fetched_at.isoformat()
        row = self._new.get(company_id)
        if row is None:
            self._offers.setdefault(company_id, []).append(_Offer(
                record_id, item.source_id, trust, at, item.values, item.extra,
                item.record_key, renews))
            return
        apply_record(row, row["field_sources"], item.values, record_id=record_id,
                     source_id=item.source_id, trust=trust, at=at,
                     rules=self.rules.survivorship)
        extra = row["extra"]
        for name, value in item.extra.items():
            extra.setdefault(name, value)

    # -- writing ---------------------------------------------------------------------------

    def _write_batch(self) -> None:
        now = datetime.now(UTC)
        for company_id, row in self._new.items():
            row["extra"][PROFILE_KEY] = self._profile_json(company_id)
            if company_id in self._status:
                row["status"] = self._status[company_id]
        self.writer.insert(COMPANIES, list(self._new.values()))
        self._update_existing(now)
        self.writer.insert_tuples(RECORDS, _RECORD_COLUMNS, self._records,
                                  encoded=_ENCODED_RECORD_COLUMNS)
        self.writer.insert_tuples(KEYS, _KEY_COLUMNS, self._keys, ignore_conflicts=True)
        retire_contacts(self.writer, self._retired)
        self.writer.insert_tuples(CONTACTS, CONTACT_COLUMNS, self._contacts,
                                  ignore_conflicts=True, encoded=_ENCODED_CONTACT_COLUMNS)
        # A person named again (a company merged into, not one new in this batch) takes the
        # title the newer record gives, unless a more trusted source gave the stored one.
        update_titles(self.writer, [
            (row[0], row[2], row[4], row[5], orjson.loads(row[6])["title_trust"], row[7])
            for row in self._contacts
            if row[1] == "person" and row[4] and row[0] not in self._new])
        self.writer.insert(POSSIBLE, self._possible, ignore_conflicts=True)

    def _update_existing(self, now: datetime) -> None:
        existing = (set(self._offers) | self._seen | set(self._status)) - set(self._new)
        if not existing:
            return
        full = sorted(set(self._offers) | self._dirty_profiles | set(self._status))
        full = [company_id for company_id in full if company_id not in self._new]
        updates: list[dict[str, Any]] = []
        columns = [COMPANIES.c.id, COMPANIES.c.extra, COMPANIES.c.field_sources,
                   COMPANIES.c.status] + [COMPANIES.c[name] for name in COMPANY_COLUMNS]
        for start in range(0, len(full), 500):
            chunk = full[start:start + 500]
            rows = self.writer.read(select(*columns).where(COMPANIES.c.id.in_(chunk)))
            for db_row in rows:
                row = dict(db_row._mapping)
                row["extra"] = dict(row["extra"] or {})
                row["field_sources"] = dict(row["field_sources"] or {})
                for offer in self._offers.get(row["id"], []):
                    apply_record(row, row["field_sources"], offer.values,
                                 record_id=offer.record_id, source_id=offer.source_id,
                                 trust=offer.trust, at=offer.at, rules=self.rules.survivorship)
                    for name, value in offer.extra.items():
                        row["extra"].setdefault(name, value)
                if row["id"] in self.profiles:
                    row["extra"][PROFILE_KEY] = self._profile_json(row["id"])
                if (given := self._status.get(row["id"])) is not None:
                    # a customer list does not undo a stronger mark: `leadgen mark X excluded`
                    row["status"] = next(status for status in STATUS_PRECEDENCE
                                         if status in (given, row["status"]))
                row["last_seen"] = now
                updates.append(row)
        self._renew([row for row in updates
                     if any(offer.renews for offer in self._offers.get(row["id"], []))])
        self.writer.update_by_id(COMPANIES, updates)
        bumped = set(full)
        self.writer.update_by_id(
            COMPANIES, [{"id": cid, "last_seen": now} for cid in sorted(existing - bumped)]
        )

    def _renew(self, rows: list[dict[str, Any]]) -> None:
        """Recompute the fields of companies that got a new version of a record from the
        newest version of each record (stored, or in this batch): folding the new version in
        keeps what only the old one said (an e-mail the list has since removed)."""
        for start in range(0, len(rows), 500):
            chunk = {row["id"]: row for row in rows[start:start + 500]}
            stored: dict[int, list[Any]] = {}
            for record in self.writer.read(
                    select(RECORDS.c.id, RECORDS.c.source_id, RECORDS.c.record_key,
                           RECORDS.c.data, RECORDS.c.company_id)
                    .where(RECORDS.c.company_id.in_(list(chunk)))):
                stored.setdefault(record.company_id, []).append(tuple(record[:4]))
            for company_id, row in chunk.items():
                batch = {offer.record_id: offer for offer in self._offers[company_id]}
                current = newest_versions(stored.get(company_id, []) + [
                    (offer.record_id, offer.source_id, offer.key, None)
                    for offer in batch.values()])
                offers = stored_offers([r for r in current if r[0] not in batch], self._trust)
                offers += [(o.record_id, o.source_id, o.trust, o.at, o.values)
                           for o in (batch[r[0]] for r in current if r[0] in batch)]
                renew_fields(row, offers, self.rules.survivorship)

    def _trust(self, source_id: str) -> int:
        """A source's trust in survivorship (by its id, or as an import of customers)."""
        trust = self._trusts.get(source_id)
        if trust is None:
            trust = self._trusts[source_id] = self.rules.survivorship.trust_of(
                source_id, self._source_kinds.get(source_id))
        return trust

    def _load(self) -> None:
        if self._loaded:
            return
        with self.engine.connect() as connection:
            self._source_kinds = source_kinds(connection)
            self._trusts.clear()
            if self._suppression_floor is None:  # (not again when a batch is replayed)
                self._suppression_floor = _last_suppression(connection)
            # Records first: a record stored after this read is taken in by _begin_batch,
            # with its company's keys, whether or not the key read below saw them.
            self._caught_up_to = self.records.load(connection)
            self.keys.load(connection)
            if self._catch_up:
                self._read_suppressions(connection)
            elif not self.dry_run:
                self._suppressions_seen = _last_suppression(connection)
        self._loaded = True
        logger.info("ingest: loaded %s keys and %s records", len(self.keys), len(self.records))


def _last_suppression(connection: Connection) -> int:
    """The id of the newest suppression entry (0 for none): it grows with each one added."""
    return int(connection.execute(select(func.max(SUPPRESSIONS.c.id))).scalar() or 0)


def stored_profile(row: Any) -> MatchProfile:
    """A company's matching profile as stored (a ``companies`` row or :class:`Company`)."""
    extra = row.extra or {}
    if extra.get(PROFILE_KEY):
        return MatchProfile.from_json(extra[PROFILE_KEY])
    # A company written by something other than the ingestor: use its canonical values.
    return MatchProfile(
        names=(row.name_key,) if row.name_key else (),
        domains=(row.registered_domain,) if row.registered_domain else (),
        phones=(row.phone,) if row.phone else (),
        postals=(row.postal_code,) if row.postal_code else (),
        cities=city_aliases(city_key(row.city)),
        countries=(row.country,) if row.country else (),
    )
