"""Export leads for spreadsheets and CRMs (CSV, JSON, .xlsx), honouring the suppression list."""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enrich.report import contact_summary
from leadgen.exceptions import InputError
from leadgen.ingest.ingestor import stored_profile
from leadgen.normalize.name import CJK_PREFIXES, LATIN_PREFIXES
from leadgen.normalize.text import has_cjk
from leadgen.query import LeadFilter, iter_leads
from leadgen.storage.models import Company, Score, SourceRecord, utc_iso
from leadgen.suppression import SuppressionList, suppressed_companies

#: Flat columns of the CSV export, in order; lists are joined with "; ".
CSV_COLUMNS = [
    "id", "name", "legal_form", "website", "domain", "email", "phone", "street", "postal_code",
    "city", "region", "country", "categories", "status", "score", "grade", "emails",
    "email_statuses", "phones", "phone_statuses", "social", "decision_makers", "people",
    "sources", "first_seen", "last_seen", "registry_ids",
]


def company_document(
    session: Session, company: Company, score: Score | None
) -> dict[str, Any]:
    """One company as a JSON-ready document: fields, score, contacts and sources."""
    sources = sorted(set(session.scalars(
        select(SourceRecord.source_id).where(SourceRecord.company_id == company.id)
    )))
    return {
        "id": company.id,
        "name": company.display_name,
        "legal_form": company.legal_form,
        "legal_name": company.legal_name,
        "website": company.website,
        "domain": company.registered_domain,
        "email": company.email,
        "phone": company.phone,
        "address": {
            "street": company.street, "postal_code": company.postal_code, "city": company.city,
            "region": company.region, "country": company.country,
        },
        "categories": company.categories or [],
        "description": company.description,
        "size": company.size or {},
        "status": company.status,
        "score": None if score is None else {
            "profile": score.profile, "score": score.score, "grade": score.grade,
            "need": score.need, "pay": score.pay, "authority": score.authority,
            "reach": score.reach, "eligible": score.eligible,
            "completeness": score.completeness, "reasons": score.reasons,
        },
        **contact_summary(session, company.id),
        "sources": sources,
        # register and tax numbers, as matching keys ("vat:DE136695976")
        "registry_ids": list(stored_profile(company).ids),
        "first_seen": utc_iso(company.first_seen),
        "last_seen": utc_iso(company.last_seen),
    }


def iter_documents(session: Session, flt: LeadFilter) -> Iterator[dict[str, Any]]:
    """Documents of every matching company that is not suppressed."""
    suppressions = SuppressionList.load(session)
    for company, score in iter_leads(session, flt):
        if suppressions.reason_for_company(company, list(company.contacts)):
            continue
        yield company_document(session, company, score)


def csv_row(doc: dict[str, Any]) -> dict[str, Any]:
    """Flatten a company document into the CSV columns."""
    def join(values: list[Any]) -> str:
        return "; ".join(str(v) for v in values if v)

    score = doc["score"] or {}

    def statuses(items: list[dict[str, Any]]) -> str:
        return join([f"{i['value']}={i['status'] or 'unchecked'}" for i in items])
    extensions = {phone["value"]: phone.get("extension") for phone in doc["phones"]}
    return {
        "id": doc["id"], "name": doc["name"], "legal_form": doc["legal_form"],
        "website": doc["website"], "domain": doc["domain"], "email": doc["email"],
        "phone": dialled(doc["phone"], extensions.get(doc["phone"])),
        **{k: doc["address"][k] for k in (
            "street", "postal_code", "city", "region", "country")},
        "categories": join(doc["categories"]), "status": doc["status"],
        "score": score.get("score"), "grade": score.get("grade"),
        "emails": join([e["value"] for e in doc["emails"]]),
        "email_statuses": statuses(doc["emails"]),
        "phones": join([dialled(p["value"], p.get("extension")) for p in doc["phones"]]),
        "phone_statuses": statuses(doc["phones"]),
        "social": join([s["value"] for s in doc["social"]]),
        "decision_makers": join([_person(p, email=False) for p in doc["decision_makers"]]),
        "people": join([_person(p) for p in doc.get("people") or []]),
        "sources": join(doc["sources"]),
        "first_seen": doc["first_seen"], "last_seen": doc["last_seen"],
        "registry_ids": join(doc.get("registry_ids") or []),
    }


def dialled(number: str | None, extension: str | None) -> str | None:
    """A phone as a spreadsheet shows it, with its extension ("+442079460958 ext. 12": an
    import reads it back)."""
    return f"{number} ext. {extension}" if number and extension else number


def _person(person: dict[str, Any], *, email: bool = True) -> str:
    """"Eva Weber (Einkauf) <e.weber@acme.de>"."""
    text = f"{person['name']} ({person['title']})" if person["title"] else person["name"]
    return f"{text} <{person['email']}>" if email and person.get("email") else text


#: What a spreadsheet takes for a formula at the start of a cell, and a phone number or other
#: number that merely starts with a sign.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-][\d\s().,/-]*(?: ext\. \d+)?")


def spreadsheet_safe(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with every text a spreadsheet would run as a formula ("=HYPERLINK(...)" as a
    company name on a hostile page) quoted with a leading apostrophe, as OWASP advises for
    CSV files; "+49 30 1234567" and "-5" are left as they are."""
    return {key: "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START)
            and not _SIGNED_NUMBER.fullmatch(value) else value for key, value in row.items()}


CRM_COLUMNS_PATH = Path(__file__).with_name("crm_columns.yaml")
#: The fields :func:`export_fields` gives, which a column set can name.
EXPORT_FIELDS = (*CSV_COLUMNS, "description", "legal_name", "employees", "revenue",
                 "founded_year", "linkedin", "facebook", "twitter", "xing", "address",
                 "decision_maker", "decision_maker_title", "decision_maker_email",
                 "decision_maker_phone", "full_name", "person", "person_title", "person_email",
                 "person_phone")


def export_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """A company document as the flat fields a column set (``crm_columns.yaml``) names: the
    CSV columns, and the size, description, social pages, one-line address and first
    decision maker."""
    row = csv_row(doc)
    size = doc.get("size") or {}
    social = [item["value"] for item in doc.get("social") or []]

    def page(*hosts: str) -> str | None:
        return next((url for url in social if any(host in url for host in hosts)), None)

    person = (doc.get("decision_makers") or [{}])[0]
    contact = (doc.get("decision_makers") or doc.get("people") or [{}])[0]
    address = doc["address"]
    line = ", ".join(part for part in (
        address.get("street"),
        " ".join(p for p in (address.get("postal_code"), address.get("city")) if p),
        address.get("region"), address.get("country")) if part)
    row.update(
        description=doc.get("description"), legal_name=doc.get("legal_name"),
        employees=size.get("employees") or size.get("employees_band"),
        revenue=size.get("revenue_band"), founded_year=size.get("founded_year"),
        linkedin=page("linkedin.com"), facebook=page("facebook.com"),
        twitter=page("twitter.com", "x.com"), xing=page("xing.com"), address=line or None,
        decision_maker=person.get("name"), decision_maker_title=person.get("title"),
        decision_maker_email=person.get("email"), decision_maker_phone=person.get("phone"),
        full_name=full_name(doc), person=contact.get("name"),
        person_title=contact.get("title"), person_email=contact.get("email"),
        person_phone=contact.get("phone"),
    )
    return row


def full_name(doc: dict[str, Any]) -> str:
    """The company's name as it is registered: its legal name, or its name with its legal
    form ("Acme Packaging Inc.", "华强电子有限公司"), as a CRM's account holds it (an import
    matching accounts by name would make "Acme Packaging" a second one)."""
    if doc.get("legal_name"):
        return str(doc["legal_name"])
    form, name = doc.get("legal_form"), str(doc["name"])
    if not form:
        return name
    if form.startswith(CJK_PREFIXES):
        return f"{form}{name}"  # "株式会社トヨタ"
    if form.split(" ", 1)[0] in LATIN_PREFIXES:  # "ООО Ромашка", "PT Astra International Tbk"
        first, _, rest = form.partition(" ")
        return f"{first} {name} {rest}".strip()
    return f"{name}{'' if has_cjk(form[:1]) else ' '}{form}"


@lru_cache(maxsize=1)
def column_sets() -> dict[str, tuple[tuple[str, str], ...]]:
    """``crm_columns.yaml``: column set name -> (header, field) pairs."""
    data = yaml.safe_load(CRM_COLUMNS_PATH.read_text(encoding="utf-8"))
    sets = {}
    for name, pairs in data.items():
        for header, field_name in pairs:
            if field_name not in EXPORT_FIELDS:
                raise ValueError(f"{CRM_COLUMNS_PATH}: {name}: {header!r} takes unknown field "
                                 f"{field_name!r}; fields: {', '.join(EXPORT_FIELDS)}")
        sets[name] = tuple((str(header), str(field_name)) for header, field_name in pairs)
    return sets


def column_set(name: str) -> tuple[tuple[str, str], ...]:
    """One column set by name; InputError naming the others when there is none."""
    sets = column_sets()
    if name not in sets:
        raise InputError(f"--columns {name!r}: no such column set; use one of "
                         + ", ".join(sorted(sets)))
    return sets[name]


def company_rows(session: Session, flt: LeadFilter,
                 columns: tuple[tuple[str, str], ...] | None = None,
                 ) -> Iterator[dict[str, Any]]:
    """Matching, unsuppressed companies as flat rows: :data:`CSV_COLUMNS`, or the headers of
    a column set (``columns``: (header, field) pairs)."""
    if columns is None:
        return (csv_row(doc) for doc in iter_documents(session, flt))
    return ({header: fields[field_name] for header, field_name in columns}
            for fields in map(export_fields, iter_documents(session, flt)))


def company_headers(columns: tuple[tuple[str, str], ...] | None = None) -> list[str]:
    """The headers :func:`company_rows` gives with these ``columns``."""
    return [header for header, _ in columns] if columns else CSV_COLUMNS


def write_csv(out: IO[str], headers: list[str], rows: Iterable[dict[str, Any]]) -> int:
    """Write ``rows`` as CSV with a header line, every cell :func:`spreadsheet_safe`; returns
    the row count."""
    writer = csv.DictWriter(out, fieldnames=headers)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(spreadsheet_safe(row))
        count += 1
    return count


#: The format a file name's suffix names.
_SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".xlsx": "xlsx"}


def output_format(path: Path | None, fmt: str | None) -> str:
    """The format to write to ``path``: ``fmt``, else the one its suffix names
    ("leads.xlsx"), else csv. A suffix naming another format than ``fmt`` is refused: CSV
    text in "leads.xlsx" is a file Excel does not open."""
    named = _SUFFIX_FORMATS.get(path.suffix.lower()) if path is not None else None
    if fmt is None:
        return named or "csv"
    if named is not None and named != fmt:
        raise InputError(f"{path}: the name says {named}, --format says {fmt}; give "
                         f"--format {named} or name the file .{fmt}")
    return fmt


def writable_place(path: Path) -> Path:
    """``path``, when a file can be written there: an error names a folder that is not there
    before any work is done (an import's report failed after the import)."""
    folder = path.parent
    if not folder.is_dir():
        what = "is no folder" if folder.exists() else "does not exist"
        raise InputError(f"{path}: the folder {folder} {what}; create it or write elsewhere")
    if path.is_dir():
        raise InputError(f"{path}: a folder; give a file name")
    return path


@contextmanager
def replaced_when_done(path: Path) -> Iterator[Path]:
    """A file beside ``path`` to write to, which becomes ``path`` only when the writing ends
    without an error: an export interrupted (Ctrl-C, SIGTERM, a full disk) left the previous
    complete export cut to a valid-looking part of it, which a cron job or a CRM upload would
    take as whole. Now the previous file stays as it was."""
    partial = writable_place(path).with_name(f".{path.stem}.partial-{os.getpid()}{path.suffix}")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_sheet(path: Path, title: str, headers: list[str],
                rows: Iterable[dict[str, Any]]) -> int:
    """Write ``rows`` to a file for a spreadsheet: an .xlsx workbook when ``path`` ends so,
    else CSV with a UTF-8 byte order mark (without it Excel reads the file in the Windows
    code page and shows 有限公司 and umlauts as garbage); returns the row count. The file
    appears when complete (see :func:`replaced_when_done`)."""
    with replaced_when_done(path) as partial:
        if path.suffix.lower() == ".xlsx":
            return write_workbook(partial, title, headers, rows)
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            return write_csv(handle, headers, rows)


def write_export(session: Session, flt: LeadFilter, fmt: str, out: IO[str],
                 columns: tuple[tuple[str, str], ...] | None = None) -> int:
    """Write matching, unsuppressed companies to ``out`` as csv, json or jsonl; returns count.
    ``columns``: a column set's (header, field) pairs for csv."""
    count = 0
    if fmt == "csv":
        count = write_csv(out, company_headers(columns), company_rows(session, flt, columns))
    elif fmt == "jsonl":
        for doc in iter_documents(session, flt):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            count += 1
    else:
        docs = list(iter_documents(session, flt))
        json.dump(docs, out, ensure_ascii=False, indent=2)
        out.write("\n")
        count = len(docs)
    return count




RECORD_COLUMNS = ["source_id", "record_id", "company_id", "page_url", "fetched_at", "name",
                  "version"]


def record_rows(session: Session) -> Iterator[dict[str, Any]]:
    """Every source record as a flat row (:data:`RECORD_COLUMNS`), but those of a company
    the suppression list refuses. A record imported again with other values keeps its older
    versions as history: ``version`` tells the newest ("current") from them ("older")."""
    suppressed = suppressed_companies(session)
    newest = set(session.scalars(select(func.max(SourceRecord.id)).group_by(
        SourceRecord.source_id, SourceRecord.record_key)))
    return (
        {
            "source_id": record.source_id,
            "record_id": record.record_id or record.record_key,
            "company_id": record.company_id,
            "page_url": record.page_url,
            "fetched_at": utc_iso(record.fetched_at),
            "name": (record.data or {}).get("name"),
            "version": "current" if record.id in newest else "older",
        }
        for record in session.scalars(select(SourceRecord).order_by(SourceRecord.id))
        if record.company_id not in suppressed
    )


def write_records(session: Session, flt: LeadFilter, fmt: str, out: IO[str]) -> int:
    """Write every source record with its source id, record id and merged company id."""
    del flt  # records are exported whole; filters apply to companies
    rows = record_rows(session)
    count = 0
    if fmt == "csv":
        count = write_csv(out, RECORD_COLUMNS, rows)
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    else:
        data = list(rows)
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        count = len(data)
    return count


def write_workbook(path: Path, title: str, columns: list[str],
                   rows: Iterable[dict[str, Any]]) -> int:
    """Write ``rows`` to an .xlsx workbook (one sheet, streamed); returns the row count.

    Every text is a text cell, so Excel shows "+4930123456" and "0049..." as written and
    never runs a name like "=HYPERLINK(...)" from a hostile page as a formula; characters a
    workbook cannot hold (control characters) are left out."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"

    def cell(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        written = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        written.data_type = "s"  # "=..." stays text
        return written

    sheet.append(columns)
    count = 0
    try:
        for row in rows:
            sheet.append([cell(row.get(column)) for column in columns])
            count += 1
    except BaseException:
        # Stopped halfway (Ctrl-C): the sheet's stream is closed now, not when collected,
        # where it printed two tracebacks after the one-line message.
        with suppress(Exception):
            sheet.close()
        raise
    book.save(path)
    return count
