"""``leadgen explain``: why a company looks the way it does, in sections.

Sections come from providers: callables that take a session and a company and return an
:class:`ExplainSection` (or None to stay silent). Matching registers its own below; another
stage adds one with :func:`register_section` from a module listed in ``SECTION_MODULES``
(imported on first use, so the CLI needs no change), e.g. the fit-score breakdown.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from leadgen.exceptions import InputError
from leadgen.ingest.survivorship import SPELLING_COLUMNS
from leadgen.normalize import normalize_name
from leadgen.query import name_matches
from leadgen.storage.ids import merged_into, row_id
from leadgen.storage.models import (
    Company,
    ContactPoint,
    MatchDecision,
    PossibleMatch,
    SourceRecord,
    utc_iso,
)

logger = logging.getLogger(__name__)


@dataclass
class ExplainSection:
    """One titled block of an explanation: lines to print and data for ``--json``."""

    title: str
    lines: list[str] = field(default_factory=list)
    data: Any = None


SectionProvider = Callable[[Session, Company], ExplainSection | None]
_PROVIDERS: list[tuple[int, str, SectionProvider]] = []
#: Modules that register explain sections when imported (missing ones are skipped).
SECTION_MODULES: list[str] = ["enrich.scoring.explain", "enrich.explain"]
_imported = False


def register_section(name: str, provider: SectionProvider, order: int = 100) -> None:
    """Add (or replace) a section provider; lower ``order`` prints first (matching uses 10-30)."""
    _PROVIDERS[:] = [entry for entry in _PROVIDERS if entry[1] != name]
    _PROVIDERS.append((order, name, provider))
    _PROVIDERS.sort(key=lambda entry: (entry[0], entry[1]))


def _import_section_modules() -> None:
    global _imported
    if _imported:
        return
    _imported = True
    for module in SECTION_MODULES:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            logger.debug("explain: section module %s not available: %s", module, exc)


def find_company(session: Session, ref: str) -> Company:
    """A company by id, by its domain or website ("acme.de", "https://www.acme.de/"), or by
    name (exact match key first, then a substring of the name)."""
    lowered = ref.strip().lower().removeprefix("https://").removeprefix("http://")
    lowered = lowered.removeprefix("www.").rstrip("/")
    if not ref.strip().isdecimal() and "." in lowered and " " not in lowered:
        by_domain = session.scalars(select(Company).where(
            Company.registered_domain == lowered).order_by(Company.id).limit(6)).all()
        if len(by_domain) == 1:
            return by_domain[0]
        if by_domain:  # a chain's branches, or a company split from another
            choices = ", ".join(f"{c.id} ({c.display_name})" for c in by_domain[:5])
            raise InputError(f"{ref!r} is the domain of several companies: {choices}; "
                             "give an id")
    if ref.strip().isdecimal():
        number = row_id(ref)
        company = session.get(Company, number) if number is not None else None
        if company is None:
            into = None if number is None else merged_into(
                session.connection(), number, lambda other: session.get(Company, other) is not None)
            if into is not None and (heir := session.get(Company, into)) is not None:
                raise InputError(f"company {ref} was merged into company {into} "
                                 f"({heir.display_name}): give {into}")
            raise InputError(f"no company with id {ref} (forgotten since, or never one: ids "
                             "are never given twice); find it with leadgen query --name TEXT")
        return company
    key = normalize_name(ref).name_key
    found = session.scalars(
        select(Company).where(or_(Company.name_key == key, name_matches(ref)))
        .order_by((Company.name_key == key).desc(), Company.id).limit(6)
    ).all()
    if not found:
        raise InputError(f"no company named like {ref!r}; try a shorter part of the name or an id")
    exact = [c for c in found if c.name_key == key]
    if len(exact) == 1 or len(found) == 1:
        return exact[0] if exact else found[0]
    choices = ", ".join(f"{c.id} ({c.display_name})" for c in found[:5])
    raise InputError(f"{ref!r} names several companies: {choices}; give an id")


def explain(session: Session, company: Company) -> list[ExplainSection]:
    """Every provider's section for ``company``, in order."""
    _import_section_modules()
    sections = []
    for _, name, provider in _PROVIDERS:
        try:
            section = provider(session, company)
        except Exception as exc:  # one broken section must not hide the others
            logger.warning("explain: section %s failed: %s", name, exc)
            section = ExplainSection(name, [f"(section failed: {exc})"])
        if section is not None:
            sections.append(section)
    return sections


# -- matching's own sections ---------------------------------------------------------------

_SHOWN = ("display_name", "legal_form", "website", "registered_domain", "email", "phone",
          "street", "postal_code", "city", "country", "status")


def _company_section(session: Session, company: Company) -> ExplainSection:
    lines = []
    data = {}
    group_of = {"display_name": "display_name", "legal_form": "display_name",
                "website": "website", "registered_domain": "website", "email": "email",
                "phone": "phone", "street": "address", "postal_code": "address",
                "city": "address", "country": "address"}
    for column in _SHOWN:
        value = getattr(company, column)
        if value in (None, "", [], {}):
            continue
        group = group_of.get(column, "")
        winner = (company.field_sources or {}).get(group, {})
        spelled = (winner.get("spelled") if column in SPELLING_COLUMNS.get(group, ())
                   else None)
        # a postal code another record at the same place filled in
        winner = (winner.get("filled") or {}).get(column) or winner
        origin = (f"  <- record {winner['record']} ({winner.get('source')})"
                  if winner.get("record") else "")
        if spelled and spelled.get("record") != winner.get("record"):
            # the winner's value as a record giving it better written writes it
            origin += f", written as record {spelled['record']} ({spelled.get('source')}) has it"
        lines.append(f"{column}: {value}{origin}")
        data[column] = {"value": value, "from": winner or None}
        if spelled:
            data[column]["spelled"] = spelled
    return ExplainSection(f"Company {company.id}: {company.display_name}", lines, data)


def _records_section(session: Session, company: Company) -> ExplainSection:
    records = session.scalars(
        select(SourceRecord).where(SourceRecord.company_id == company.id)
        .order_by(SourceRecord.id)
    ).all()
    lines, data = [], []
    # An older version of a record (its row imported again with other values) is history:
    # it offers nothing to the company's fields, which "<- record N" lines did not tell.
    newest: dict[tuple[str, str], int] = {}
    for record in records:
        newest[(record.source_id, record.record_key)] = record.id
    for record in records:
        evidence = record.match_evidence or {}
        decision = evidence.get("decision", "?")
        via = f" via {evidence['via']}" if evidence.get("via") else ""
        score = f" score {evidence['score']:+.1f}" if "score" in evidence else ""
        name = (record.data or {}).get("name")
        latest = newest[(record.source_id, record.record_key)]
        history = f"; older version of record {latest}" if latest != record.id else ""
        lines.append(f"record {record.id} [{record.source_id} / {record.record_id or '-'}, "
                     f"{utc_iso(record.fetched_at)}] {name!r}: {decision}{via}{score}{history}")
        if "prior" in evidence:  # (evidence stored before it was kept has none)
            lines.append(f"    prior (before any field): {evidence['prior']:+.1f}")
        for level in evidence.get("levels", []):
            values = level.get("values")
            shown = f" ({values[0]} ~ {values[1]})" if values else ""
            lines.append(f"    {level['field']}: {level['level']} {level['weight']:+.1f}{shown}")
        data.append({"record": record.id, "source": record.source_id,
                     "record_id": record.record_id, "name": name, "evidence": evidence,
                     "fetched_at": utc_iso(record.fetched_at),
                     "newer_version": latest if latest != record.id else None})
    return ExplainSection(f"Merged records ({len(records)})", lines, data)


def _possible_section(session: Session, company: Company) -> ExplainSection | None:
    pairs = session.scalars(select(PossibleMatch).where(
        or_(PossibleMatch.company_a == company.id, PossibleMatch.company_b == company.id))).all()
    if not pairs:
        return None
    lines = [f"#{p.id}: company {p.company_b if p.company_a == company.id else p.company_a} "
             f"score {p.score:+.1f} [{p.status}]" for p in pairs]
    return ExplainSection("Possible matches (leadgen review)", lines,
                          [{"id": p.id, "a": p.company_a, "b": p.company_b, "score": p.score,
                            "status": p.status} for p in pairs])


def _decisions_section(session: Session, company: Company) -> ExplainSection | None:
    """Reviewers' decisions about this company's records and another company's."""
    mine = select(SourceRecord.id).where(SourceRecord.company_id == company.id)
    kept = session.scalars(select(MatchDecision).where(or_(
        MatchDecision.record_a.in_(mine), MatchDecision.record_b.in_(mine)))
        .order_by(MatchDecision.id)).all()
    if not kept:
        return None
    owners = dict(session.execute(select(SourceRecord.id, SourceRecord.company_id).where(
        SourceRecord.id.in_([d.record_a for d in kept] + [d.record_b for d in kept]))).all())
    lines, data = [], []
    for decision in kept:
        other = decision.record_b if owners.get(decision.record_a) == company.id else (
            decision.record_a)
        other_company = owners.get(other)
        where = ("this company" if other_company == company.id
                 else f"company {other_company}")
        lines.append(f"{decision.decision} as record {other} ({where}), by {decision.via} on "
                     f"{decision.decided_at:%Y-%m-%d}")
        data.append({"decision": decision.decision, "record_a": decision.record_a,
                     "record_b": decision.record_b, "via": decision.via,
                     "other_company": other_company})
    return ExplainSection("Reviewers' decisions (leadgen dedupe keeps them)", lines, data)


def _contacts_section(session: Session, company: Company) -> ExplainSection | None:
    contacts = session.scalars(select(ContactPoint).where(
        ContactPoint.company_id == company.id).order_by(ContactPoint.kind, ContactPoint.id)).all()
    if not contacts:
        return None
    lines = [f"{c.kind}: {c.person_name or c.value}" + (f" ({c.title})" if c.title else "")
             + (f" [{c.status}]" if c.status else "") + f"  <- {c.source_url}"
             + (f", title <- {title_url}" if (title_url := (c.details or {}).get("title_url"))
                and title_url != c.source_url else "") for c in contacts]
    return ExplainSection(f"Contacts ({len(contacts)})", lines,
                          [{"kind": c.kind, "value": c.value, "source_url": c.source_url,
                            "status": c.status} for c in contacts])


register_section("company", _company_section, order=10)
register_section("records", _records_section, order=20)
register_section("possible", _possible_section, order=30)
register_section("decisions", _decisions_section, order=35)
register_section("contacts", _contacts_section, order=40)


def _score_section(session: Session, company: Company) -> ExplainSection | None:
    """The fit-score breakdown, from the scoring stage's ``score_section`` when it is there."""
    try:
        from enrich.scoring.explain import score_section
    except ImportError:
        return None
    text = score_section(session, company.id)
    return ExplainSection("Fit score", text.splitlines(), text)


register_section("score", _score_section, order=50)
