"""Store what the enrichment crawl found on one company's website.

Channels and people go to ``contacts`` (one row per company, kind and normalized value, with the
URL and time each was first found and every page it was seen on); company-level facts go to one
``source_records`` row with ``source_id="website"`` holding the verbatim :class:`Lead` JSON plus
the per-page facts. Which values the company record shows is decided by the dedupe stage's
survivorship rules (``leadgen/matching/rules.yaml``), applied to the new record as the ingestor
does; the website never renames the company (the directories' names stay). Re-storing the same
findings adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from enrich.values import email_value, normalize_social, phone_value, social_network
from leadgen.forget_person import is_forgotten
from leadgen.ingest.ingestor import PROFILE_KEY, stored_profile
from leadgen.ingest.survivorship import COMPANY_COLUMNS, apply_record, candidate_values
from leadgen.items import Address, Contact, Lead, SizeSignals, SourceMeta
from leadgen.matching.rules import Survivorship, load_rules
from leadgen.normalize import normalize_lead, normalize_website
from leadgen.normalize.person import person_key, person_name
from leadgen.normalize.registry import registry_keys
from leadgen.storage.models import Company, CompanyKey, ContactPoint, SourceRecord
from leadgen.suppression import SuppressionList

SOURCE_ID = "website"
_MAX_SEEN_ON = 10


@dataclass
class StoreStats:
    """What one store call did."""

    contacts_added: int = 0
    contacts_seen_again: int = 0
    suppressed: int = 0
    source_record_added: bool = False
    fields_filled: list[str] = field(default_factory=list)


class _Contacts:
    """The company's contact rows keyed by (kind, value), adding or touching them."""

    def __init__(self, session: Session, company: Company, found_at: datetime,
                 suppressions: SuppressionList, stats: StoreStats) -> None:
        self.session = session
        self.company = company
        self.found_at = found_at
        self.suppressions = suppressions
        self.stats = stats
        self.rows = {
            (c.kind, c.value): c
            for c in session.scalars(
                select(ContactPoint).where(ContactPoint.company_id == company.id)
            )
        }

    def suppressed(self, kind: str, value: str) -> bool:
        entries = self.suppressions.entries
        if kind == "email":
            return value in entries.get("email", set()) or (
                value.lower() in entries.get("person", set())  # a forgotten person's own
            ) or value.rpartition("@")[2] in entries.get("domain", set())
        if kind in ("phone", "fax"):
            return value in entries.get("phone", set())
        return False

    def upsert(self, kind: str, value: str, source_url: str, **fields: Any) -> ContactPoint | None:
        if self.suppressed(kind, value):
            self.stats.suppressed += 1
            return None
        details = fields.pop("details", {})
        row = self.rows.get((kind, value))
        if row is None:
            row = ContactPoint(
                company_id=self.company.id, kind=kind, value=value[:500], source_url=source_url,
                found_at=self.found_at, details={**details, "seen_on": [source_url]}, **fields,
            )
            self.session.add(row)
            self.rows[(kind, value)] = row
            self.stats.contacts_added += 1
            return row
        self.stats.contacts_seen_again += 1
        merged = dict(row.details or {})
        seen = list(merged.get("seen_on", []))
        if source_url not in seen and len(seen) < _MAX_SEEN_ON:
            seen.append(source_url)
        for key, val in details.items():
            if val and not merged.get(key):
                merged[key] = val
        merged["seen_on"] = seen
        row.details = merged
        for key, val in fields.items():
            if val and not getattr(row, key):
                setattr(row, key, val)
        return row


def store_site_result(session: Session, result: dict[str, Any],
                      suppressions: SuppressionList | None = None) -> StoreStats:
    """Write one site's findings (a ``SiteResult`` dict from the spider) for its company.

    Suppressed e-mails, domains and phones are never stored; pass ``suppressions`` when storing
    many sites (loaded once) instead of reading the list again for each.
    """
    stats = StoreStats()
    company = session.get(Company, result["company_id"])
    if company is None:
        return stats
    fetched_at = _parse_time(result.get("fetched_at"))
    region = result.get("region")
    contacts = _Contacts(session, company, fetched_at,
                         suppressions or SuppressionList.load(session), stats)
    # Responses arrive in any order: sort so that the same findings store the same record.
    pages: list[dict[str, Any]] = sorted(
        (_without_suppressed(p, contacts, p.get("region") or region)
         for p in result.get("pages", [])),
        key=lambda p: (p.get("page_kind") != "home", p["url"]),
    )
    result = {**result, "pages": pages}
    for page in pages:
        _store_page_channels(contacts, page, page.get("region") or region)
    _store_website(contacts, result, fetched_at)
    lead = _lead_of(company, result, region)
    if lead is not None:
        record = _store_source_record(session, company, lead, result, fetched_at)
        stats.source_record_added = record is not None
        if record is not None:
            stats.fields_filled = _apply_survivorship(company, lead, record, region)
            _add_registry_keys(session, company, lead, region)
    company.enriched_at = datetime.now(UTC)
    session.flush()
    return stats


def _without_suppressed(page: dict[str, Any], contacts: _Contacts,
                        region: str | None) -> dict[str, Any]:
    """The page's facts less suppressed e-mails and phones (kept out of every stored copy)."""
    def keep_email(raw: str | None) -> bool:
        return not raw or not contacts.suppressed("email", email_value(raw) or "")

    def keep_phone(raw: str | None) -> bool:
        return not raw or not contacts.suppressed("phone", phone_value(raw, region) or "")

    clean = dict(page)
    before = len(page.get("emails", [])) + len(page.get("phones", [])) + len(page.get("fax", []))
    clean["emails"] = [e for e in page.get("emails", []) if keep_email(e)]
    clean["phones"] = [p for p in page.get("phones", []) if keep_phone(p)]
    clean["fax"] = [p for p in page.get("fax", []) if keep_phone(p)]
    forgotten = contacts.suppressions.people
    clean["people"] = [
        {**person, "email": person.get("email") if keep_email(person.get("email")) else None,
         "phone": person.get("phone") if keep_phone(person.get("phone")) else None}
        for person in page.get("people", [])
        # a forgotten person goes whole: name, title and direct line with the e-mail
        if not is_forgotten(person.get("email"), forgotten)
    ]
    contacts.stats.suppressed += before - (
        len(clean["emails"]) + len(clean["phones"]) + len(clean["fax"]))
    return clean


def _store_page_channels(contacts: _Contacts, page: dict[str, Any], region: str | None) -> None:
    url = page["url"]
    for raw in page.get("emails", []):
        value = email_value(raw)
        if value:
            contacts.upsert("email", value, url, details={"raw": raw})
    for kind in ("phone", "fax"):
        for raw in page.get("phones" if kind == "phone" else "fax", []):
            value = phone_value(raw, region)
            if value:
                contacts.upsert(kind, value, url, details={"raw": raw})
    for raw in page.get("social", []):
        value = normalize_social(raw)
        if value:
            contacts.upsert("social", value, url,
                            details={"raw": raw, "network": social_network(value)})
    for person in page.get("people", []):
        email = email_value(person["email"]) if person.get("email") else None
        phone = phone_value(person["phone"], region) if person.get("phone") else None
        contacts.upsert(  # keyed as the ingest keys persons (one person, one contact)
            "person", person_key(person["name"])[:500], url,
            person_name=person_name(person["name"])[:200], title=(person.get("title") or None),
            decision_maker=bool(person.get("decision_maker")),
            details={"email": email, "phone": phone, "evidence": person.get("evidence")},
        )
        if email:
            contacts.upsert("email", email, url, details={"person": person["name"]})


def _store_website(contacts: _Contacts, result: dict[str, Any], checked_at: datetime) -> None:
    site = normalize_website(result["start_url"])
    if site is None:
        return
    check = result.get("website_check") or {}
    row = contacts.upsert("website", site[0], result["start_url"])
    if row is not None and check:
        row.status = check.get("status")
        row.status_reason = check.get("reason")
        row.details = {**(row.details or {}), "check": check.get("details", {})}
        row.checked_at = checked_at


def _first(pages: list[dict[str, Any]], key: str) -> tuple[Any, str | None]:
    for page in pages:
        if page.get(key):
            return page[key], page["url"]
    return None, None


def _lead_of(company: Company, result: dict[str, Any], region: str | None) -> Lead | None:
    """The site's facts as the item contract's :class:`Lead` (``source_id="website"``)."""
    pages = result.get("pages", [])
    if not pages:
        return None
    emails: list[str] = []
    phones: list[str] = []
    fax: list[str] = []
    social: list[str] = []
    people: dict[str, dict[str, Any]] = {}
    for page in pages:
        emails += page.get("emails", [])
        phones += page.get("phones", [])
        fax += page.get("fax", [])
        social += [s for s in (normalize_social(x) for x in page.get("social", [])) if s]
        for person in page.get("people", []):
            people.setdefault(person["name"], person)
    evidence: dict[str, Any] = {}
    facts: dict[str, Any] = {}
    for key in ("description", "language", "founded_year", "employees", "legal_name", "icp",
                "name"):
        value, url = _first(pages, key)
        if value is not None:
            facts[key] = value
            evidence[key] = url
    try:
        size = SizeSignals(employees=facts.get("employees"), founded_year=facts.get("founded_year"))
    except ValidationError:
        size = SizeSignals()
    extra: dict[str, Any] = {"pages": [p["url"] for p in pages]}
    for key in ("language", "icp"):
        if key in facts:
            extra[key] = facts[key]
    for page in pages:
        for key, value in (page.get("extra") or {}).items():
            extra.setdefault(key, value)
    try:
        if facts.get("name"):
            extra["site_name"] = facts["name"]
        address_page = next((p for p in pages if p.get("address")), None)
        address = None if address_page is None else Address(
            full=address_page["address"], street=address_page.get("street"),
            city=address_page.get("city"), postal_code=address_page.get("postal_code"),
            country=address_page.get("country"))
        if address_page is not None:
            evidence["address"] = address_page["url"]
        return Lead(
            name=company.display_name,
            source=SourceMeta(
                source_id=SOURCE_ID, page_url=result["start_url"], record_id=result["start_url"],
                fetched_at=_parse_time(result.get("fetched_at")), evidence=evidence,
            ),
            website=result["start_url"], emails=emails, phones=phones, fax=fax, address=address,
            description=facts.get("description"), size=size, social=social,
            contacts=[
                Contact(name=p["name"], title=p.get("title"), email=p.get("email"),
                        phone=p.get("phone"), decision_maker=p.get("decision_maker"))
                for p in people.values()
            ],
            legal_name=facts.get("legal_name"), country_hint=region, extra=extra,
        )
    except ValidationError:
        return None


def _store_source_record(session: Session, company: Company, lead: Lead,
                         result: dict[str, Any], fetched_at: datetime) -> SourceRecord | None:
    data = lead.model_dump(mode="json")
    # Inside ``extra`` so that the row stays a valid Lead for ``leadgen dedupe``.
    data["extra"]["pages_facts"] = result.get("pages", [])
    content = json.dumps({k: v for k, v in data.items() if k != "source"}, sort_keys=True,
                         ensure_ascii=False, default=str)
    content_hash = hashlib.sha256(content.encode("utf-8")).hexdigest()
    record_key = company.registered_domain or result.get("domain") or result["start_url"]
    exists = session.scalar(
        select(SourceRecord.id).where(
            SourceRecord.source_id == SOURCE_ID,
            SourceRecord.record_key == record_key,
            SourceRecord.content_hash == content_hash,
        )
    )
    if exists:
        return None
    record = SourceRecord(
        source_id=SOURCE_ID, record_key=record_key[:500], record_id=result["start_url"][:500],
        page_url=result["start_url"][:2000], fetched_at=fetched_at, content_hash=content_hash,
        data=data, company_id=company.id,
        match_evidence={"matched_by": "enrichment of the company's own website",
                        "company_id": company.id},
    )
    session.add(record)
    session.flush()
    return record


def _add_registry_keys(session: Session, company: Company, lead: Lead,
                       region: str | None) -> None:
    """The site's register and tax numbers (an imprint's "USt-IdNr.: DE...") as the company's
    match keys, so that a list giving the number meets the company at once (``leadgen
    dedupe`` reads them from the website's source record too)."""
    ids = registry_keys(lead.extra, company.country or region)
    profile = stored_profile(company)
    new = tuple(key for key in ids if key not in profile.ids)
    if not new:
        return
    company.extra = {**(company.extra or {}),
                     PROFILE_KEY: profile._replace(ids=profile.ids + new).to_json()}
    for key in new:
        session.merge(CompanyKey(company_id=company.id, kind="registry", value=key))


@cache
def _survivorship() -> Survivorship:
    return load_rules().survivorship


def _apply_survivorship(company: Company, lead: Lead, record: SourceRecord,
                        region: str | None) -> list[str]:
    """Offer the website record's values to the company as the ingestor does; what changed."""
    candidates = candidate_values(normalize_lead(lead, default_region=region))
    # A page title must not rename the company, and the website is the one we were given.
    candidates.pop("display_name", None)
    candidates.pop("website", None)
    state = {column: getattr(company, column) for column in COMPANY_COLUMNS}
    before = dict(state)
    field_sources = dict(company.field_sources or {})
    rules = _survivorship()
    apply_record(state, field_sources, candidates, record_id=record.id, source_id=SOURCE_ID,
                 trust=rules.trust_of(SOURCE_ID), at=record.fetched_at.isoformat(), rules=rules)
    changed = [column for column in COMPANY_COLUMNS if state[column] != before[column]]
    for column in changed:
        setattr(company, column, state[column])
    company.field_sources = field_sources
    extra = dict(company.extra or {})
    for key in ("language", "icp"):
        if lead.extra.get(key) and not extra.get(key):
            extra[key] = lead.extra[key]
            changed.append(f"extra.{key}")
    if extra != (company.extra or {}):
        company.extra = extra
    return changed


def _parse_time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return datetime.now(UTC)
