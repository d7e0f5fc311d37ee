"""The suppression list (do-not-contact / forget), honoured on every ingest and export.

An entry is a role e-mail (info@), a registered domain, an E.164 phone or a company name key.
A lead that matches any entry is never stored; a company that matches is never exported. A
contact person's phone counts as the company's. A person's own e-mail is an entry of kind
``person``: that person is left out of every lead and erased from what is stored, and the
company stays (:mod:`leadgen.forget_person`). A name is suppressed as the matcher keys
it, with the variants it matches by (umlauts spelled out, a Chinese name without its place
qualifiers: see :func:`leadgen.matching.profile.name_variants`), and a company is refused
under any name it goes by.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from leadgen.exceptions import InputError
from leadgen.forget_person import PERSON, erase_people, without_people
from leadgen.items import NormalizedLead
from leadgen.storage.locks import hold_ingest_lock
from leadgen.storage.models import Company, CompanyKey, ContactPoint, SourceRecord, Suppression

if TYPE_CHECKING:
    from leadgen.ingest.prepared import PreparedLead

KINDS = ("email", "domain", "phone", "name_key", "person")
#: The plans whose numbers of variable length read a switchboard's "-0" as a last digit before
#: it became extension 0 (DIN 5008's "089 123456-0": Germany, Austria, Liechtenstein).
_DIRECT_DIAL = ("+49", "+43", "+423")
_VALUE_LENGTH, _REASON_LENGTH = 320, 200  # the stored columns' (a longer reason is cut)


@dataclass
class SuppressionList:
    """All suppression entries, held in memory as one set per kind for fast checks."""

    entries: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})

    @classmethod
    def load(cls, bind: Session | Engine | Connection) -> SuppressionList:
        """Read every entry from the database (through ``bind``'s open transaction, when it
        is a session or connection)."""
        suppressions = cls()
        query = select(Suppression.kind, Suppression.value)
        if isinstance(bind, Session | Connection):
            rows = list(bind.execute(query))
        else:
            with Session(bind) as session:
                rows = list(session.execute(query))
        for kind, value in rows:
            suppressions.add(kind, value)
        return suppressions

    @classmethod
    def of(cls, entries: list[tuple[str, str]]) -> SuppressionList:
        """A list holding only ``entries`` ((kind, value) pairs)."""
        suppressions = cls()
        for kind, value in entries:
            suppressions.add(kind, value)
        return suppressions

    def add(self, kind: str, value: str) -> None:
        """Hold one entry (a person's e-mail in lower case, as leads are checked)."""
        self.entries.setdefault(kind, set()).add(value.lower() if kind == PERSON else value)
        if kind == "phone" and value.endswith("0") and value.startswith(_DIRECT_DIAL):
            # a switchboard's "-0" was once read as a last digit (+498912345670): the number
            # is now its extension 0 (+4989123456, ext. 0), and such an entry still holds
            self.entries[kind].add(value[:-1])

    def __len__(self) -> int:
        return sum(len(values) for values in self.entries.values())

    @property
    def people(self) -> set[str]:
        """Forgotten people's own e-mails (lower case)."""
        return self.entries[PERSON]

    def without_people(self, lead: NormalizedLead) -> NormalizedLead:
        """``lead`` less the forgotten people it names (the lead itself when it names none)."""
        return without_people(lead, self.entries[PERSON])

    def reason_for(self, lead: NormalizedLead) -> str | None:
        """Why ``lead`` must not be stored, or None when it may."""
        from leadgen.ingest.records import contact_tuples
        from leadgen.matching.profile import name_variants

        contacts = contact_tuples(lead) if lead.lead.contacts else []
        return self._reason(
            emails=[email.address for email in lead.emails]
            + [row[1] for row in contacts if row[0] == "email"],
            domains=[lead.registered_domain] if lead.registered_domain else [],
            phones=[phone.e164 for phone in lead.phones]
            + [row[1] for row in contacts if row[0] == "phone"],
            name_keys=name_variants(lead.name_key, lead.display_name),
        )

    def reason_for_prepared(self, item: PreparedLead) -> str | None:
        """:meth:`reason_for` of a lead as the ingestor holds it (its contacts rows and
        matching profile)."""
        return self._reason(
            emails=[row[1] for row in item.contacts if row[0] == "email"],
            domains=list(item.profile.domains),
            phones=[row[1] for row in item.contacts if row[0] == "phone"],
            name_keys=(item.name_key, *item.profile.names),
        )

    def reason_for_company(self, company: Company, contacts: list[ContactPoint] = ()) -> str | None:  # type: ignore[assignment]
        """Why ``company`` must not be exported, or None when it may."""
        from leadgen.ingest.ingestor import stored_profile

        emails = [company.email] if company.email else []
        phones = [company.phone] if company.phone else []
        for contact in contacts:
            if contact.kind == "email":
                emails.append(contact.value)
            elif contact.kind == "phone":
                phones.append(contact.value)
        domains = [company.registered_domain] if company.registered_domain else []
        names = (company.name_key, *stored_profile(company).names) if (
            self.entries["name_key"]) else ()
        return self._reason(emails=emails, domains=domains, phones=phones, name_keys=names)

    def _reason(self, *, emails: list[str], domains: list[str], phones: list[str],
                name_keys: tuple[str | None, ...]) -> str | None:
        for email in emails:
            email = email.lower()
            if email in self.entries["email"]:
                return f"e-mail {email} is suppressed"
            domain = email.rpartition("@")[2]
            if domain in self.entries["domain"]:
                return f"e-mail domain {domain} is suppressed"
        for domain in domains:
            if domain in self.entries["domain"]:
                return f"domain {domain} is suppressed"
        for phone in phones:
            if phone in self.entries["phone"]:
                return f"phone {phone} is suppressed"
        for name_key in name_keys:
            if name_key and name_key in self.entries["name_key"]:
                return f"company name {name_key!r} is suppressed"
        return None


def is_suppressed(bind: Session | Engine, lead: NormalizedLead) -> str | None:
    """One-off check; for many leads load a :class:`SuppressionList` once instead."""
    return SuppressionList.load(bind).reason_for(lead)


_SPELLED_AT = re.compile(r"[\[({<]\s*at\s*[\])}>]|\s+at\s+.*\s+dot\s+", re.IGNORECASE)


def classify_target(target: str) -> tuple[str, str]:
    """Tell what a ``forget`` target is: an e-mail, a phone, a domain or a name."""
    from leadgen.normalize import (
        normalize_email,
        normalize_name,
        normalize_phone,
        normalize_website,
    )

    target = target.strip()
    if not target:
        raise InputError("nothing to suppress: give an e-mail, a domain, a phone or a company name")
    email = normalize_email(target) if "@" in target or _SPELLED_AT.search(target) else None
    if email is not None:  # "info(at)acme.de" too
        # a role account is the company's; a person's own address is that person's
        return ("email", email.address) if email.role else (PERSON, email.address.lower())
    if "@" in target:
        raise InputError(f"{target!r} is not a valid e-mail address")
    digits = sum(ch.isdigit() for ch in target)
    if target.startswith("+") and digits:
        phone = normalize_phone(target, None)
        if phone is None:
            raise InputError(f"{target!r} is not a valid phone number in international form")
        return "phone", phone.e164
    if digits >= 6 and digits >= len(target.replace(" ", "")) // 2:
        raise InputError(f"{target!r} looks like a phone number without its country code: "
                         "write it in international form (+49 89 123456)")
    if "." in target and " " not in target:
        website = normalize_website(target)
        if website is not None:
            return "domain", website[1]
    return "name_key", normalize_name(target).name_key


@dataclass
class Erased:
    """What :func:`suppress_and_erase` erased."""

    companies: int = 0
    """Companies erased with their records, contacts and keys."""
    people_from: int = 0
    """Companies a forgotten person was taken out of (the companies stay)."""
    named: list[tuple[int, str, str]] = field(default_factory=list)
    """The erased companies as (id, display name, status), the first :data:`NAMED` of them."""


#: How many erased companies :class:`Erased` names.
NAMED = 20


def forget(session: Session, target: str, reason: str | None = None) -> dict[str, Any]:
    """Suppress ``target`` and erase every stored company, record and contact it matches (for
    a person's own e-mail, that person from every company that lists them)."""
    entries = target_entries(target)
    kind, value = entries[0]
    erased = suppress_and_erase(session, entries, reason)
    return {"kind": kind, "value": value, "companies_erased": erased.companies,
            "people_erased_from": erased.people_from, "erased": erased}


def target_entries(target: str) -> list[tuple[str, str]]:
    """The entries that suppress ``target``: :func:`classify_target`'s, and for a company
    name the other keys the matcher knows it by ("Müller & Söhne": "muller and sohne" and
    "mueller and soehne"; "深圳市华强电子有限公司": also "华强电子")."""
    kind, value = classify_target(target)
    if kind != "name_key":
        return [(kind, value)]
    from leadgen.matching.profile import name_variants
    from leadgen.normalize import normalize_name

    name = normalize_name(target.strip())
    return [(kind, value)] + [(kind, variant) for variant in name_variants(
        value, name.display_name) if variant != value]


def suppress_and_erase(session: Session, entries: list[tuple[str, str]],
                       reason: str | None = None) -> Erased:
    """Add ``entries`` ((kind, value) as :func:`classify_target` gives) to the suppression
    list and erase every stored company any entry of the list matches, with its records,
    contacts and keys, every contact holding a suppressed e-mail, and the forgotten people
    from the companies that list them. Companies are found through indexed lookups, not one
    by one."""
    hold_ingest_lock(session.connection())  # no import batch stores between look-up and erase
    known = {(kind, value) for kind, value in session.execute(
        select(Suppression.kind, Suppression.value))}
    for kind, value in dict.fromkeys(entries):
        if len(value) > _VALUE_LENGTH:
            raise InputError(f"{value[:40]}…: {len(value)} characters; no e-mail, domain, "
                             f"phone or company name is longer than {_VALUE_LENGTH}")
        if (kind, value) not in known:
            session.add(Suppression(kind=kind, value=value,
                                    reason=(reason or "forget")[:_REASON_LENGTH]))
    session.flush()
    return erase(session, entries, SuppressionList.load(session))


def erase_added_since(session: Session, after_id: int) -> Erased:
    """Erase what the entries added after ``after_id`` match: a crawl or an import that ran
    while ``leadgen forget`` added them stored its batch in flight after the forget had erased
    what it could see (the rows were not committed yet); it calls this when it ends."""
    entries = [(kind, value) for kind, value in session.execute(
        select(Suppression.kind, Suppression.value).where(Suppression.id > after_id))]
    if not entries:
        return Erased()
    return erase(session, entries, SuppressionList.of(entries))


def erase(session: Session, entries: list[tuple[str, str]],
          suppressions: SuppressionList) -> Erased:
    """Erase the stored companies ``suppressions`` refuses, the contacts holding an e-mail of
    ``entries`` and the people they forget (see :func:`suppress_and_erase`)."""
    doomed = sorted(_matching_companies(session, suppressions))
    named = _named(session, doomed[:NAMED])
    emails = sorted({value for kind, value in entries if kind == "email"})
    for chunk in _chunks(emails):
        session.execute(delete(ContactPoint).where(ContactPoint.kind == "email",
                                                   ContactPoint.value.in_(chunk)))
    for chunk in _chunks(doomed):
        session.execute(delete(SourceRecord).where(SourceRecord.company_id.in_(chunk)))
        session.execute(delete(ContactPoint).where(ContactPoint.company_id.in_(chunk)))
        session.execute(delete(CompanyKey).where(CompanyKey.company_id.in_(chunk)))
        session.execute(delete(Company).where(Company.id.in_(chunk)))
    people = sorted({value for kind, value in entries if kind == PERSON})
    return Erased(companies=len(doomed),
                  people_from=erase_people(session.connection(), people) if people else 0,
                  named=named)


def would_erase(session: Session, entries: list[tuple[str, str]]) -> Erased:
    """What :func:`suppress_and_erase` would erase for ``entries``, changing nothing: the
    companies (people are only counted when erased)."""
    doomed = sorted(_matching_companies(session, SuppressionList.of(entries)))
    return Erased(companies=len(doomed), named=_named(session, doomed[:NAMED]))


def _named(session: Session, ids: list[int]) -> list[tuple[int, str, str]]:
    if not ids:
        return []
    rows = session.execute(select(Company.id, Company.display_name, Company.status).where(
        Company.id.in_(ids)).order_by(Company.id))
    return [(company_id, name, status) for company_id, name, status in rows]


def _matching_companies(session: Session, suppressions: SuppressionList) -> set[int]:
    """Ids of the companies :meth:`SuppressionList.reason_for_company` refuses."""
    entries = suppressions.entries
    found: set[int] = set()

    def ids(query: Any) -> None:
        found.update(session.scalars(query))

    # The company's own column, and for e-mails and phones its contacts of that kind too.
    for kind, column in (("email", Company.email), ("phone", Company.phone),
                         ("domain", Company.registered_domain), ("name_key", Company.name_key)):
        for chunk in _chunks(sorted(entries[kind])):
            ids(select(Company.id).where(column.in_(chunk)))
            if kind in ("email", "phone"):
                ids(select(ContactPoint.company_id).where(ContactPoint.kind == kind,
                                                          ContactPoint.value.in_(chunk)))
            elif kind == "name_key":  # any name the company goes by (its name keys)
                ids(select(CompanyKey.company_id).where(CompanyKey.kind == "name",
                                                        CompanyKey.value.in_(chunk)))
    if entries["domain"]:  # an e-mail at a suppressed domain, whatever the website says
        domains = entries["domain"]
        for query in (select(Company.id, Company.email).where(Company.email.is_not(None)),
                      select(ContactPoint.company_id, ContactPoint.value).where(
                          ContactPoint.kind == "email")):
            for company_id, email in session.execute(query):
                if (email or "").lower().rpartition("@")[2] in domains:
                    found.add(company_id)
    found.discard(None)  # type: ignore[arg-type]
    return found


def suppressed_companies(session: Session) -> set[int]:
    """Ids of the stored companies the suppression list refuses (found through indexes)."""
    suppressions = SuppressionList.load(session)
    return _matching_companies(session, suppressions) if len(suppressions) else set()


def _chunks(values: list[Any], size: int = 500) -> list[list[Any]]:
    """``values`` in pieces small enough for one IN list."""
    return [values[start:start + size] for start in range(0, len(values), size)]


#: A first line that names the column rather than an entry (besides a column name an import
#: knows, "Firma", "Telefon", "公司名称": see :func:`_is_header`).
_HEADER_WORDS = frozenset({"email", "e_mail", "domain", "phone", "name", "company", "target",
                           "value", "website", "entry"})


def _is_header(line: str) -> bool:
    """Whether a list's first line names its column: in any language an import reads
    (``columns.yaml``), as a German list's "Firma" or "Telefon" does."""
    from leadgen.columns import column_key, field_of_column

    return column_key(line) in _HEADER_WORDS or field_of_column(line) is not None


def read_targets(path: Path, encoding: str | None = None, notes: list[str] | None = None,
                 ) -> tuple[list[tuple[str, str]], list[str]]:
    """A do-not-contact list: one e-mail, domain, phone or company name per line (of a .csv
    file or an .xlsx workbook, its first column); blank lines, ``#`` comments and a header
    line are skipped. A text file is read in ``encoding``, else in UTF-8 or the encoding
    it looks like (GBK, cp1252, ...: :func:`leadgen.file_encoding.whole_text`), which a
    line in ``notes`` names.
    Returns the classified entries and one "FILE:LINE: why" line per entry refused."""
    from leadgen.file_encoding import whole_text
    from leadgen.workbook import is_workbook, workbook_rows

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    numbered: list[tuple[int, str]]
    if is_workbook(data[:8]):  # an .xlsx list: its first column, the header row aside
        numbered = [(number, next(iter(row.values()), "")) for number, row in workbook_rows(path)]
    else:
        text, guessed = whole_text(data, path, encoding)
        if guessed is not None and notes is not None:
            notes.append(f"{path.name}: not UTF-8 text: read as {guessed}, which it looks "
                         "like (give --encoding to read it as another)")
        lines = text.splitlines()
        if path.suffix.lower() == ".csv":
            # Excel writes ";" (German, French lists) or tabs where "," is the decimal mark
            first = next((line for line in lines if line.strip()), "")
            delimiter = next((mark for mark in (";", "\t") if mark in first), ",")
            lines = [row[0] if row else "" for row in csv.reader(lines, delimiter=delimiter)]
        numbered = list(enumerate(lines, start=1))
    entries: list[tuple[str, str]] = []
    problems: list[str] = []
    for number, line in numbered:
        line = line.strip()
        if not line or line.startswith("#") or (not entries and not problems
                                                 and _is_header(line)):
            continue
        try:
            entries += target_entries(line)
        except InputError as exc:
            problems.append(f"{path.name}:{number}: {exc}")
    return entries, problems
