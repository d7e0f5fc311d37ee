"""Rows a normalized lead becomes: its source record identity and hash, and its contact points."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import orjson

from leadgen.items import Lead, NormalizedLead
from leadgen.normalize.email import normalize_email
from leadgen.normalize.lead import normalize_lead, normalize_phones, social_links
from leadgen.normalize.person import person_key, person_name
from leadgen.normalize.phone import fax_only, normalize_phone
from leadgen.normalize.titles import is_decision_maker
from leadgen.sqlite_writer import json_text


def record_key(lead: Lead) -> str:
    """The record's identity on its source: its id there, else the page URL plus the name."""
    key = lead.source.record_id or f"{lead.source.page_url}#{lead.name}"
    return key[:500]


def lead_data(lead: Lead) -> dict[str, Any]:
    """The lead as stored in ``source_records.data`` (verbatim JSON)."""
    return lead.model_dump(mode="json")


def content_hash(lead: Lead) -> str:
    """SHA-256 of the record's content; the fetch time is left out so a re-crawl hashes alike."""
    return serialize(lead)[1]


# The first "fetched_at" in the text is SourceMeta's: fields serialize in declaration order,
# and a quote inside any string value is escaped.
_FETCHED_AT = b'"fetched_at":"'


def serialize(lead: Lead) -> tuple[str, str]:
    """The record as JSON text (stored as is) and its content hash: SHA-256 of the text with
    the fetch time as null."""
    # model_dump_json() without its keywords' wrapper, as the UTF-8 bytes it decodes: the
    # hash reads them as they are
    data = lead.__pydantic_serializer__.to_json(lead)
    text = data.decode()
    start = data.find(_FETCHED_AT)
    if start < 0:
        return text, hashlib.sha256(data).hexdigest()
    end = data.index(b'"', start + len(_FETCHED_AT))
    view = memoryview(data)
    digest = hashlib.sha256(view[:start])
    digest.update(b'"fetched_at":null')
    digest.update(view[end + 1:])
    return text, digest.hexdigest()


def same_but_where(stored: str | dict[str, Any], text: str) -> bool:
    """Whether a stored record's data and a new record's JSON text say the same but for
    where and when they were read (its page or file, its fetch time): the same list saved
    under another file name is no new version of each of its rows. Nor is a row read with
    another region hint (an import guesses it from the file's rows, and a list with a row
    less may name none) where it reads alike in both."""
    def what(data: dict[str, Any], hint: bool = True) -> dict[str, Any]:
        source = {**(data.get("source") or {}), "page_url": None, "fetched_at": None}
        return {**data, "source": source, **({} if hint else {"country_hint": None})}

    stored_data = orjson.loads(stored) if isinstance(stored, str) else stored
    if not isinstance(stored_data, dict):
        return False
    data = orjson.loads(text)
    if what(stored_data) == what(data):
        return True
    return what(stored_data, hint=False) == what(data, hint=False) and _reads_alike(
        stored_data, data)


def _reads_alike(stored: dict[str, Any], data: dict[str, Any]) -> bool:
    """Whether two records differing only in their region hint normalize alike, each read
    in its hint's region as the import reads it (its numbers, country and postal code)."""
    def read(record: dict[str, Any]) -> dict[str, Any]:
        lead = Lead.model_validate(record)
        return normalize_lead(lead, lead.country_hint).model_dump(exclude={"lead"})

    try:
        return read(stored) == read(data)
    except ValueError:  # a record an older version stored that no longer validates
        return False


def contact_rows(lead: NormalizedLead, company_id: int, now: datetime) -> list[dict[str, Any]]:
    """Contacts rows (e-mail, phone, fax, website, social, person) with where they came from."""
    rows = contact_values(lead)
    for row in rows:
        row["company_id"] = company_id
        row["found_at"] = now
    return rows


#: The columns of a contacts row as :func:`contact_tuples` gives it, between the company id
#: (first) and the time it was found (last), which the ingestor adds.
CONTACT_COLUMNS = ("company_id", "kind", "value", "person_name", "title", "decision_maker",
                   "details", "source_url", "found_at")


def contact_values(lead: NormalizedLead) -> list[dict[str, Any]]:
    """The contacts rows of a lead without their company and time (set when it is stored)."""
    return [{"company_id": 0, "kind": kind, "value": value, "person_name": person,
             "title": title, "decision_maker": decision, "status": None, "status_reason": None,
             "details": details, "source_url": url, "found_at": None, "checked_at": None}
            for kind, value, person, title, decision, details, url in contact_tuples(lead)]


def contact_tuples(lead: NormalizedLead, *, details_json: bool = False,
                   ) -> list[tuple[Any, ...]]:
    """The contacts rows of a lead as tuples in :data:`CONTACT_COLUMNS` order, without the
    company id and the time (the cheap form for bulk ingest); ``details_json``: the details
    as JSON text."""
    raw = lead.lead
    url = raw.source.page_url[:2000]
    rows: list[tuple[Any, ...]] = []

    def add(kind: str, value: str, details: dict[str, Any] | None = None, *,
            person: str | None = None, title: str | None = None, decision: bool = False) -> None:
        rows.append((kind, value[:500], person and person[:200], title and title[:200],
                     decision, json_text(details) if details_json else details or {}, url))

    for email in lead.emails:
        add("email", email.address, {"role": email.role, "free_mail": email.free_mail})
    known = {email.address for email in lead.emails}
    for person in raw.contacts:  # a contact person's e-mail reaches the company too
        if person.email and (own := normalize_email(person.email)) and own.address not in known:
            known.add(own.address)
            add("email", own.address, {"role": own.role, "free_mail": own.free_mail,
                                       "person": person_name(person.name)})
    for phone in lead.phones:
        add("phone", phone.e164, {"kind": phone.kind, "extension": phone.extension,
                                  "raw": phone.raw})
    person_phones: dict[int, Any] = {}
    if raw.contacts:  # a contact person's phones reach the company too (direct lines)
        dialled = {phone.e164 for phone in lead.phones}
        for index, person in enumerate(raw.contacts):
            # a field of several numbers (a work and a mobile number) gives each; the first
            # is the person's own
            own_phones = normalize_phones([person.phone], lead.country) if person.phone else []
            if own_phones:
                person_phones[index] = own_phones[0]
            for own_phone in own_phones:
                if own_phone.e164 not in dialled:
                    dialled.add(own_phone.e164)
                    add("phone", own_phone.e164, {
                        "kind": own_phone.kind, "extension": own_phone.extension,
                        "raw": own_phone.raw, "person": person_name(person.name)})
    for fax_raw in [*raw.fax, *(p for p in raw.phones if fax_only(p, lead.country))]:
        fax = normalize_phone(fax_raw, lead.country)
        if fax:
            add("fax", fax.e164, {"raw": fax.raw})
    if lead.website:
        add("website", lead.website)
    for social in social_links(lead):
        add("social", social)
    for index, person in enumerate(raw.contacts):
        details: dict[str, Any] = {}
        if person.email:
            details["email"] = person.email
        if person.phone:
            person_phone = person_phones.get(index)
            details["phone"] = person_phone.e164 if person_phone else person.phone
        decision = person.decision_maker
        if decision is None:  # a directory's or list's contact: its title says
            decision = is_decision_maker(person.title)
        # Keyed so that one person a list, a page and the website name is one contact.
        add("person", person_key(person.name), details, person=person_name(person.name),
            title=person.title, decision=decision)
    return rows
