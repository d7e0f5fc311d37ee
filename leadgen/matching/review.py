"""Possible matches: list them, merge a pair into one company, or reject it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Connection, Engine

from leadgen.exceptions import InputError
from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.ingest.renew import EMPTY, newest_versions
from leadgen.ingest.survivorship import (
    COMPANY_COLUMNS,
    FIELD_GROUPS,
    offer_of,
    recompute,
)
from leadgen.items import Lead, NormalizedLead
from leadgen.matching.profile import MatchProfile, blocking_keys, profile_of
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.normalize import normalize_lead
from leadgen.storage.ids import record_merges
from leadgen.storage.locks import hold_ingest_lock
from leadgen.storage.models import STATUS_PRECEDENCE
from leadgen.storage.runs import source_kinds
from leadgen.storage.tables import COMPANIES, CONTACTS, DECISIONS, KEYS, POSSIBLE, RECORDS


def open_possible_matches(engine: Engine, limit: int = 50) -> list[dict[str, Any]]:
    """Open possible matches, highest score first, with both companies' names."""
    a, b = COMPANIES.alias("a"), COMPANIES.alias("b")
    query = (
        select(POSSIBLE.c.id, POSSIBLE.c.score, POSSIBLE.c.evidence, POSSIBLE.c.company_a,
               POSSIBLE.c.company_b, a.c.display_name.label("name_a"),
               b.c.display_name.label("name_b"))
        .join(a, a.c.id == POSSIBLE.c.company_a)
        .join(b, b.c.id == POSSIBLE.c.company_b)
        .where(POSSIBLE.c.status == "open")
        .order_by(POSSIBLE.c.score.desc(), POSSIBLE.c.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def open_pair_count(engine: Engine) -> int:
    """How many possible matches are open."""
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(POSSIBLE).where(
            POSSIBLE.c.status == "open")).scalar() or 0)


def evidence_text(evidence: dict[str, Any] | None, separator: str = ", ") -> str:
    """A possible match's evidence in one line: each field's level, and the other company a
    record fits as well when that is why it was not merged."""
    evidence = evidence or {}
    parts = [f"{hit['field']}: {hit['level']}" for hit in evidence.get("levels", [])]
    if evidence.get("also_matches"):
        parts.append(f"also fits company {evidence['also_matches']} (another place of one "
                     "brand): not merged into either")
    return separator.join(parts)


def _get_pair(connection: Connection, match_id: int,
              companies: tuple[int, int] | None = None) -> Any:
    row = connection.execute(select(POSSIBLE).where(POSSIBLE.c.id == match_id)).first()
    if row is None:
        raise InputError(f"no possible match with id {match_id} (or it went with a company "
                         "merged since); list the open ones with leadgen review")
    if row.status != "open":
        raise InputError(f"possible match {match_id} is already {row.status}")
    if companies is not None and sorted(companies) != [row.company_a, row.company_b]:
        raise InputError(f"possible match {match_id} is now companies {row.company_a} and "
                         f"{row.company_b}, not {min(companies)} and {max(companies)} as the "
                         "sheet says (merged or decided since): export the sheet again")
    return row


def reject(engine: Engine, match_id: int, companies: tuple[int, int] | None = None) -> None:
    """Mark a possible match as not the same company: it is not proposed again, and
    ``leadgen dedupe`` keeps the two apart. With ``companies`` (a review sheet's), only when
    the pair still names them."""
    with engine.begin() as connection:
        pair = _get_pair(connection, match_id, companies)
        connection.execute(update(POSSIBLE).where(POSSIBLE.c.id == match_id)
                           .values(status="rejected"))
        record_decision(connection, pair.company_a, pair.company_b, "different")


def merge_pair(engine: Engine, match_id: int, rules: MatchingRules | None = None,
               companies: tuple[int, int] | None = None) -> int:
    """Merge the two companies of a possible match; returns the id that remains.
    ``leadgen dedupe`` keeps them together afterwards. With ``companies`` (a review sheet's),
    only when the pair still names them."""
    with engine.begin() as connection:
        hold_ingest_lock(connection)
        pair = _get_pair(connection, match_id, companies)
        keep, absorb = pair.company_a, pair.company_b
        connection.execute(update(POSSIBLE).where(POSSIBLE.c.id == match_id)
                           .values(status="merged"))
        record_decision(connection, keep, absorb, "same")
        merge_companies(connection, keep, absorb, rules or load_rules(),
                        evidence={"decision": "match", "via": "review", "possible_match": match_id,
                                  "score": pair.score})
    return int(keep)


def record_decision(connection: Connection, company_a: int, company_b: int, decision: str,
                    via: str = "review") -> bool:
    """Keep a decision ("same" or "different") about two companies, anchored on the first
    record of each; a later decision about the same anchors replaces it. False when a company
    has no record to anchor on (nothing is kept)."""
    anchors = []
    for company_id in (company_a, company_b):
        anchor = connection.execute(select(func.min(RECORDS.c.id)).where(
            RECORDS.c.company_id == company_id)).scalar()
        if anchor is None:
            return False
        anchors.append(int(anchor))
    record_pair_decision(connection, anchors[0], anchors[1], decision, via)
    return True


def record_pair_decision(connection: Connection, record_a: int, record_b: int, decision: str,
                         via: str = "review") -> None:
    """Keep a decision about two records; a later one about the same two replaces it."""
    low, high = sorted((record_a, record_b))
    connection.execute(delete(DECISIONS).where(DECISIONS.c.record_a == low,
                                               DECISIONS.c.record_b == high))
    connection.execute(DECISIONS.insert().values(record_a=low, record_b=high, decision=decision,
                                                 via=via, decided_at=datetime.now(UTC)))


def decisions(connection: Connection) -> list[tuple[int, int, str]]:
    """Every kept decision as (record a, record b, "same" or "different"), oldest first."""
    return [(row.record_a, row.record_b, row.decision) for row in connection.execute(
        select(DECISIONS.c.record_a, DECISIONS.c.record_b, DECISIONS.c.decision)
        .order_by(DECISIONS.c.id))]


def merge_companies(connection: Connection, keep: int, absorb: int, rules: MatchingRules,
                    evidence: dict[str, Any]) -> None:
    """Move every record, contact and key of ``absorb`` to ``keep``, then recompute ``keep``."""
    rows = {row.id: row for row in connection.execute(
        select(COMPANIES).where(COMPANIES.c.id.in_([keep, absorb])))}
    if keep not in rows or absorb not in rows:
        raise InputError(f"company {keep if keep not in rows else absorb} no longer exists")
    connection.execute(update(RECORDS).where(RECORDS.c.company_id == absorb)
                       .values(company_id=keep, match_evidence={**evidence, "company_id": keep}))
    existing = set(connection.execute(
        select(CONTACTS.c.kind, CONTACTS.c.value).where(CONTACTS.c.company_id == keep)).all())
    for contact_id, kind, value in connection.execute(
            select(CONTACTS.c.id, CONTACTS.c.kind, CONTACTS.c.value)
            .where(CONTACTS.c.company_id == absorb)).all():
        if (kind, value) not in existing:
            connection.execute(update(CONTACTS).where(CONTACTS.c.id == contact_id)
                               .values(company_id=keep))
    state, sources, profile, _ = from_records(connection, keep, rules)
    extra = {**(rows[absorb].extra or {}), **(rows[keep].extra or {}),
             PROFILE_KEY: profile.to_json()}
    status = next((s for s in STATUS_PRECEDENCE if s in (rows[keep].status, rows[absorb].status)),
                  "new")
    values = {column: state.get(column, getattr(rows[keep], column)) for column in COMPANY_COLUMNS}
    values.update(field_sources=sources, extra=extra, status=status,
                  outcome=merged_outcome([rows[keep].outcome, rows[absorb].outcome]),
                  first_seen=min(rows[keep].first_seen, rows[absorb].first_seen),
                  last_seen=max(rows[keep].last_seen, rows[absorb].last_seen))
    connection.execute(delete(KEYS).where(KEYS.c.company_id == absorb))
    replace_keys(connection, keep, profile, rules)
    _repoint_pairs(connection, keep, absorb)
    record_merges(connection, [(absorb, keep)])
    connection.execute(delete(COMPANIES).where(COMPANIES.c.id == absorb))
    connection.execute(update(COMPANIES).where(COMPANIES.c.id == keep).values(**values))


def merged_outcome(outcomes: list[str | None]) -> str | None:
    """The sales outcome of companies merged into one: won if any was won, else lost if any
    was, else none."""
    return "won" if "won" in outcomes else "lost" if "lost" in outcomes else None


def _repoint_pairs(connection: Connection, keep: int, absorb: int) -> None:
    """The possible matches of ``absorb`` become ``keep``'s, keeping their ids (a review
    sheet names them), so that they are not deleted with it: a third outlet's pair with the
    one merged away stays open for review. A pair ``keep`` already has, or one of the two
    companies with each other, goes."""
    pairs = connection.execute(select(POSSIBLE.c.id, POSSIBLE.c.company_a, POSSIBLE.c.company_b)
                               .where(or_(POSSIBLE.c.company_a == absorb,
                                          POSSIBLE.c.company_b == absorb))).all()
    taken = {(row.company_a, row.company_b) for row in connection.execute(
        select(POSSIBLE.c.company_a, POSSIBLE.c.company_b).where(
            or_(POSSIBLE.c.company_a == keep, POSSIBLE.c.company_b == keep)))}
    for pair_id, company_a, company_b in pairs:
        other = company_b if company_a == absorb else company_a
        low, high = sorted((keep, other))
        if other == keep or (low, high) in taken:
            connection.execute(delete(POSSIBLE).where(POSSIBLE.c.id == pair_id))
            continue
        taken.add((low, high))
        connection.execute(update(POSSIBLE).where(POSSIBLE.c.id == pair_id)
                           .values(company_a=low, company_b=high))


def drop_departed_contacts(connection: Connection, departed: list[tuple[int, str]]) -> None:
    """Delete the contacts each (company, page) pair's company had from the page of a record
    that left it for another company (which gets them from that record), unless a record it
    keeps names that page too. Contacts found elsewhere (the company's own website) stay.
    Run after the records moved (split, dedupe)."""
    if not departed:
        return
    companies = sorted({company for company, _ in departed})
    kept_pages: set[tuple[int, str]] = set()
    for start in range(0, len(companies), 500):
        kept_pages.update((row[0], row[1]) for row in connection.execute(
            select(RECORDS.c.company_id, RECORDS.c.page_url).where(
                RECORDS.c.company_id.in_(companies[start:start + 500]))))
    for company, page in set(departed) - kept_pages:
        connection.execute(delete(CONTACTS).where(CONTACTS.c.company_id == company,
                                                  CONTACTS.c.source_url == page))


def from_records(connection: Connection, company_id: int, rules: MatchingRules,
                 ) -> tuple[dict[str, Any], dict[str, Any], MatchProfile, list[NormalizedLead]]:
    """A company as its records make it: survivorship state and field sources, matching
    profile, and the records normalized again (unreadable ones, and older versions of a
    record, left out)."""
    offers, profile, leads = [], MatchProfile(), []
    kinds = source_kinds(connection)
    for record in newest_versions(connection.execute(
            select(RECORDS.c.id, RECORDS.c.source_id, RECORDS.c.record_key, RECORDS.c.data)
            .where(RECORDS.c.company_id == company_id)).all()):
        try:
            lead = normalize_lead(Lead.model_validate(record.data))
        except ValidationError:
            continue
        leads.append(lead)
        trust = rules.survivorship.trust_of(record.source_id, kinds.get(record.source_id))
        offers.append(offer_of(record.id, record.source_id, trust, lead))
        profile = profile.merged(profile_of(lead, rules))
    state, sources = recompute(offers, rules.survivorship)
    return state, sources, profile, leads


def rebuild_company(connection: Connection, company_id: int, old: Any, moved: list[int],
                    rules: MatchingRules, now: datetime) -> list[NormalizedLead]:
    """Recompute a company's fields, profile and keys from its records; ``old``: its row
    before the split (None for the new company). A field no record offers keeps its old value
    (set by enrichment, say) unless a moved record was where it came from."""
    state, sources, profile, leads = from_records(connection, company_id, rules)
    values: dict[str, Any] = {}
    old_sources = dict(old.field_sources or {}) if old is not None else {}
    for group, columns in FIELD_GROUPS.items():
        if group in sources:
            continue
        source = old_sources.get(group) or {}
        came_from = set(source.get("records") or [source.get("record")])
        if old is not None and not came_from & set(moved):
            values.update({column: getattr(old, column) for column in columns})
            if group in old_sources:
                sources[group] = old_sources[group]
    for column in COMPANY_COLUMNS:
        values.setdefault(column, state.get(column, EMPTY.get(column)))
    extra = dict(old.extra or {}) if old is not None else {}
    extra[PROFILE_KEY] = profile.to_json()
    values.update(field_sources=sources, extra=extra, last_seen=now)
    connection.execute(update(COMPANIES).where(COMPANIES.c.id == company_id).values(**values))
    replace_keys(connection, company_id, profile, rules)
    return leads


def replace_keys(connection: Connection, company_id: int, profile: MatchProfile,
                 rules: MatchingRules) -> None:
    """A company's blocking keys rebuilt from its profile."""
    connection.execute(delete(KEYS).where(KEYS.c.company_id == company_id))
    keys = [{"company_id": company_id, "kind": kind, "value": value}
            for kind, value in dict.fromkeys(blocking_keys(profile, rules))]
    if keys:
        connection.execute(KEYS.insert(), keys)


#: The columns of a review sheet: the pair, the reviewer's decision, then both companies.
_SIDE_COLUMNS = ("company", "name", "website", "phone", "email", "street", "postal_code",
                 "city", "country")
REVIEW_COLUMNS = ["pair", "decision", "score", "evidence",
                  *(f"{column}_{side}" for side in "ab" for column in _SIDE_COLUMNS)]
#: What a reviewer may write in the decision column (case and spaces do not matter).
MERGE_WORDS = frozenset({"merge", "m", "same", "yes", "y", "ja", "j", "x", "是", "合并"})
REJECT_WORDS = frozenset({"reject", "r", "different", "no", "n", "nein", "否", "不同"})


def review_sheet(engine: Engine, limit: int | None = None) -> list[dict[str, Any]]:
    """Open possible matches as rows of :data:`REVIEW_COLUMNS` (decision empty), highest
    score first: a sheet to decide in a spreadsheet and read back with :func:`apply_decisions`."""
    a, b = COMPANIES.alias("a"), COMPANIES.alias("b")
    fields = ("id", "display_name", "website", "phone", "email", "street", "postal_code", "city",
              "country")
    query = (
        select(POSSIBLE.c.id, POSSIBLE.c.score, POSSIBLE.c.evidence,
               *(a.c[name].label(f"{name}_a") for name in fields),
               *(b.c[name].label(f"{name}_b") for name in fields))
        .join(a, a.c.id == POSSIBLE.c.company_a)
        .join(b, b.c.id == POSSIBLE.c.company_b)
        .where(POSSIBLE.c.status == "open")
        .order_by(POSSIBLE.c.score.desc(), POSSIBLE.c.id)
        .limit(limit)
    )
    rows = []
    with engine.connect() as connection:
        for pair in connection.execute(query):
            data = pair._mapping
            row: dict[str, Any] = {
                "pair": pair.id, "decision": "", "score": round(pair.score, 2),
                "evidence": evidence_text(pair.evidence, "; "),
            }
            for side in "ab":
                for column, name in zip(_SIDE_COLUMNS, fields, strict=True):
                    row[f"{column}_{side}"] = data[f"{name}_{side}"]
            rows.append(row)
    return rows


def side_text(row: dict[str, Any], side: str) -> str:
    """One company of a :func:`review_sheet` row in a line: its id and name, then its address,
    phone, website and e-mail where it has them (what a reviewer decides by)."""
    def value(column: str) -> str:
        return str(row.get(f"{column}_{side}") or "").strip()

    town = " ".join(part for part in (value("postal_code"), value("city")) if part)
    address = ", ".join(part for part in (value("street"), town, value("country")) if part)
    facts = [part for part in (address, value("phone"), value("website"), value("email"))
             if part]
    return (f"company {row[f'company_{side}']} {value('name')!r}: "
            + (" · ".join(facts) or "no address, phone, website or e-mail"))


def apply_decisions(engine: Engine, rows: Iterable[tuple[int, dict[str, str]]],
                    rules: MatchingRules | None = None, where: str = "sheet",
                    ) -> tuple[int, int, list[str]]:
    """Merge or reject each pair a filled-in review sheet decides ((row number, row) with
    "pair" and "decision"); a row left blank is skipped. Returns (merged, rejected, one
    "WHERE:ROW: why" line per row not applied): a pair decided already, a company gone in an
    earlier merge or an unknown decision word stops that row only."""
    merged = rejected = 0
    problems: list[str] = []
    loaded = rules or load_rules()
    for number, row in rows:
        decision = (row.get("decision") or "").strip().casefold()
        if not decision:
            continue
        pair = (row.get("pair") or "").strip()
        sides = [str(row.get(f"company_{side}") or "").strip() for side in "ab"]
        # The companies the sheet shows: a pair merged or decided since and its id given to
        # another pair (an old database), or re-pointed by a merge, is not decided blind.
        companies = (int(sides[0]), int(sides[1])) if all(
            side.isdigit() for side in sides) else None
        try:
            if not pair.isdigit():
                raise InputError(f"pair {pair!r} is not a pair id")
            if decision in MERGE_WORDS:
                merge_pair(engine, int(pair), loaded, companies)
                merged += 1
            elif decision in REJECT_WORDS:
                reject(engine, int(pair), companies)
                rejected += 1
            else:
                raise InputError(f"decision {decision!r}: write merge or reject (or leave it "
                                 "empty)")
        except InputError as exc:
            problems.append(f"{where}:{number}: {exc}")
    return merged, rejected, problems
