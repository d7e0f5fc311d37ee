"""Forgetting one person: their e-mail, name, title and direct line leave every stored record
and contact and never come in again, while the company they work for stays a lead.

A person's own e-mail (``jane.roe@acme.de``, not a role account such as ``info@`` that is the
company's own) is suppressed as an entry of kind :data:`PERSON`. A lead that lists it is
stored without that person (:func:`without_people`); :func:`erase_people` takes them out of
what is already stored. The person is known by that e-mail: a page naming them without it is
not recognised.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy import String, cast, delete, func, or_, select, update
from sqlalchemy.engine import Connection

from leadgen.items import Lead, NormalizedLead
from leadgen.normalize import normalize_email
from leadgen.normalize.person import person_key
from leadgen.storage.tables import COMPANIES, CONTACTS, POSSIBLE, RECORDS

if TYPE_CHECKING:
    from leadgen.matching.rules import MatchingRules

#: The suppression kind of a person's own e-mail.
PERSON = "person"


def is_forgotten(raw: str | None, people: Collection[str]) -> bool:
    """Whether the e-mail ``raw`` (as printed) is a forgotten person's."""
    if not raw or not people:
        return False
    email = normalize_email(raw)
    return email is not None and email.address.lower() in people


def holds_people(contacts: Iterable[tuple[Any, ...]], people: Collection[str]) -> bool:
    """Whether contacts rows (kind, value, ...) hold a forgotten person's e-mail."""
    return any(row[0] == "email" and row[1].lower() in people for row in contacts)


def without_people_raw(lead: Lead, people: Collection[str]) -> tuple[Lead, list[str]]:
    """``lead`` less the forgotten people's e-mails and each contact person holding one (name,
    title, phone and all), and the names of the contact persons left out."""
    contacts = [person for person in lead.contacts if not is_forgotten(person.email, people)]
    emails = [email for email in lead.emails if not is_forgotten(email, people)]
    if len(contacts) == len(lead.contacts) and len(emails) == len(lead.emails):
        return lead, []
    gone = [person.name for person in lead.contacts if person not in contacts]
    return lead.model_copy(update={"contacts": contacts, "emails": emails}), gone


def without_people(lead: NormalizedLead, people: Collection[str]) -> NormalizedLead:
    """``lead`` less the forgotten people (see :func:`without_people_raw`); the lead itself
    when it names none of them."""
    if not people:
        return lead
    raw, _ = without_people_raw(lead.lead, people)
    if raw is lead.lead:
        return lead
    return lead.model_copy(update={
        "lead": raw,
        "emails": [email for email in lead.emails if email.address.lower() not in people]})


def erase_people(connection: Connection, people: Collection[str],
                 rules: MatchingRules | None = None) -> int:
    """Take the forgotten people out of every stored company that lists them: out of its
    source records (whose content hashes follow, so a list giving them again is not a new
    version), its contacts (their e-mail, their person entry and a direct line that no record
    gives as the company's) and its fields, which are recomputed from the records. Returns
    the number of companies changed; the companies themselves stay."""
    from leadgen.matching.rules import load_rules

    people = {email.lower() for email in people}
    if not people:
        return 0
    rules = rules or load_rules()
    listed = sorted(people)
    companies: set[int] = set()
    for start in range(0, len(listed), 500):
        chunk = listed[start:start + 500]
        companies.update(connection.execute(select(CONTACTS.c.company_id).where(
            CONTACTS.c.kind == "email", func.lower(CONTACTS.c.value).in_(chunk))).scalars())
        companies.update(connection.execute(select(COMPANIES.c.id).where(
            func.lower(COMPANIES.c.email).in_(chunk))).scalars())
    # A record naming them that no contact shows any more: an older version of a list's row
    # (the newer one dropped the person, and with it their contacts). Its text is searched.
    text = func.lower(cast(RECORDS.c.data, String))
    for start in range(0, len(listed), 50):
        companies.update(connection.execute(select(RECORDS.c.company_id).where(or_(*(
            text.contains(email, autoescape=True) for email in listed[start:start + 50])))
        ).scalars())
    companies.discard(None)  # type: ignore[arg-type]
    now = datetime.now(UTC)
    for company_id in sorted(companies):
        _erase_from_company(connection, company_id, people, rules, now)
    return len(companies)


def _erase_from_company(connection: Connection, company_id: int, people: set[str],
                        rules: MatchingRules, now: datetime) -> None:
    # imported here: the ingestor, which the review helpers use, checks leads with this module
    from leadgen.ingest.records import serialize
    from leadgen.matching.review import rebuild_company

    names: set[str] = set()
    scrubbed: list[int] = []
    for record_id, data in connection.execute(
            select(RECORDS.c.id, RECORDS.c.data).where(RECORDS.c.company_id == company_id)
    ).all():  # read whole before the rows are updated
        try:
            lead = Lead.model_validate(data)
        except ValidationError:
            continue
        clean, gone = without_people_raw(lead, people)
        if clean is lead:
            continue
        names.update(person_key(name) for name in gone)
        _, digest = serialize(clean)
        connection.execute(update(RECORDS).where(RECORDS.c.id == record_id).values(
            data=clean.model_dump(mode="json"), content_hash=digest))
        scrubbed.append(record_id)
    # Match evidence quotes the values compared: a free-mail address is one.
    for table, query in (
            (RECORDS, select(RECORDS.c.id, RECORDS.c.match_evidence).where(
                RECORDS.c.company_id == company_id)),
            (POSSIBLE, select(POSSIBLE.c.id, POSSIBLE.c.evidence).where(
                or_(POSSIBLE.c.company_a == company_id, POSSIBLE.c.company_b == company_id)))):
        column = "match_evidence" if table is RECORDS else "evidence"
        for row_id, evidence in connection.execute(query).all():
            if evidence and (clean_evidence := _without_values(evidence, people)) != evidence:
                connection.execute(update(table).where(table.c.id == row_id).values(
                    {column: clean_evidence}))
    for contact_id, kind, value, details in connection.execute(
            select(CONTACTS.c.id, CONTACTS.c.kind, CONTACTS.c.value, CONTACTS.c.details)
            .where(CONTACTS.c.company_id == company_id)).all():
        details = details or {}
        if (kind == "email" and value.lower() in people) or (
                kind == "person" and is_forgotten(details.get("email"), people)):
            if kind == "person":
                names.add(value)
            connection.execute(delete(CONTACTS).where(CONTACTS.c.id == contact_id))
    old = connection.execute(select(COMPANIES).where(COMPANIES.c.id == company_id)).first()
    leads = rebuild_company(connection, company_id, old, scrubbed, rules, now)
    # A direct line goes with its person, unless a record gives it as the company's number.
    company_phones = {phone.e164 for lead in leads for phone in lead.phones}
    for contact_id, kind, value, details in connection.execute(
            select(CONTACTS.c.id, CONTACTS.c.kind, CONTACTS.c.value, CONTACTS.c.details)
            .where(CONTACTS.c.company_id == company_id,
                   CONTACTS.c.kind.in_(("phone", "person")))).all():
        owner = (details or {}).get("person")
        if (kind == "person" and value in names) or (
                kind == "phone" and owner and person_key(owner) in names
                and value not in company_phones):
            connection.execute(delete(CONTACTS).where(CONTACTS.c.id == contact_id))
    email = connection.execute(select(COMPANIES.c.email).where(
        COMPANIES.c.id == company_id)).scalar()
    if email and email.lower() in people:  # found on the website, say: no record offered it
        connection.execute(update(COMPANIES).where(COMPANIES.c.id == company_id).values(
            email=None))


#: What a forgotten person's e-mail becomes where evidence quoted it.
FORGOTTEN = "(forgotten)"


def _without_values(data: Any, people: set[str]) -> Any:
    """JSON ``data`` with every string that is a forgotten person's e-mail replaced."""
    if isinstance(data, str):
        return FORGOTTEN if data.lower() in people else data
    if isinstance(data, list):
        return [_without_values(value, people) for value in data]
    if isinstance(data, dict):
        return {key: _without_values(value, people) for key, value in data.items()}
    return data
