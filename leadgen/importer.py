"""``leadgen import``: spreadsheets (purchased lists, show lists, CRM exports) into the database.

Rows go through the same validation, normalization, suppression check and matching as crawled
records. A row without a usable name is rejected with its reason; a value that does not
normalize (a bad phone) is reported but kept verbatim in the source record.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy.engine import Engine

from leadgen.columns import column_key, field_of_column, is_companys_column, unique_columns
from leadgen.exceptions import InputError
from leadgen.file_encoding import bomless_utf16, guessed_encoding, text_encoding
from leadgen.import_region import SAMPLE_ROWS, RegionChoice, guess_region
from leadgen.import_status import row_status, status_column, strongest
from leadgen.ingest import Ingestor
from leadgen.ingest.bulk import BULK_BATCH_SIZE, bulk_gc
from leadgen.ingest.parallel import ordered_map
from leadgen.ingest.prepared import PreparedLead, from_wire, pack, prepare, to_wire, unpack
from leadgen.items import Address, Contact, Lead, SizeSignals, SourceMeta
from leadgen.json_rows import is_json_file, json_rows
from leadgen.matching.rules import MatchingRules, load_rules
from leadgen.normalize import normalize_lead
from leadgen.normalize.address import normalize_country, with_house_number
from leadgen.normalize.email import email_candidates, normalize_email
from leadgen.normalize.lead import address_country, normalize_phones, on_a_directory
from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.name import legal_form_key, normalize_name
from leadgen.normalize.person import full_name, names_person
from leadgen.normalize.registry import registry_key
from leadgen.normalize.text import has_cjk, plain_text
from leadgen.normalize.website import first_website
from leadgen.storage.models import COMPANY_STATUSES
from leadgen.storage.runs import CUSTOMER_IMPORT, IMPORT, drop_run, finish_run, start_run
from leadgen.suppression import SuppressionList
from leadgen.workbook import is_workbook, workbook_rows

logger = logging.getLogger(__name__)


#: Lead fields a column can map to; list fields accept several values split by ; | or newline.
#: Which column names map to each by themselves: ``columns.yaml``.
FIELDS = (
    "name", "website", "email", "phone", "fax", "street", "city", "region", "postal_code",
    "country", "address", "description", "category", "legal_name", "social", "contact_name",
    "contact_first_name", "contact_last_name", "contact_title", "contact_email",
    "contact_phone", "employees", "revenue", "founded_year", "house_number", "executive",
    "registry_id", "address_line_2", "legal_form", "people",
)
_SPLIT = re.compile(r"[;|\n]+")
T = TypeVar("T")


@dataclass
class ImportReport:
    """What an import did: counts per outcome and one line per rejected or flagged row."""

    rows: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    rejected: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    company_ids: dict[str, int] = field(default_factory=dict)
    """record id -> company id, for every stored or unchanged row."""
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """field -> the columns it was read from."""
    unused: list[str] = field(default_factory=list)
    """Columns no field was read from (the id column aside)."""
    region_guess: RegionChoice | None = None
    """The default region taken from the file's rows when none was given."""
    statuses: Counter[str] = field(default_factory=Counter)
    """The statuses leadgen's own export gave its rows (``status``), carried over."""

    def columns_line(self) -> str:
        """The mapping in one line: "name=Firma, phone=Tel+Mobil; not imported: Notiz"."""
        line = ", ".join(f"{name}={'+'.join(columns)}" for name, columns in self.columns.items())
        return line + (f"; not imported: {', '.join(self.unused)}" if self.unused else "")

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)


class ImportStopped(InputError):
    """A file that turned unreadable part way: the rows before it are imported, and
    ``report`` tells of them (the rejected ones too)."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


#: Fields that take several columns (``--map phone=Tel --map phone=Mobile``).
LIST_FIELDS = frozenset({"email", "phone", "fax", "category", "social", "executive",
                         "registry_id", "people", "contact_phone"})
#: Fields whose several columns are joined into one value: SAP's and DATEV's "Name 1" and
#: "Name 2" ("Stadtwerke", "Göppingen GmbH") are one company name.
JOINED_FIELDS = frozenset({"name"})
_NUMBERED = re.compile(r"_?\d+$")


def _numbered_alike(first: str, column: str) -> bool:
    """Whether two columns are one name numbered ("Name 1", "Name 2"; "Name", "Name 2")."""
    a, b = column_key(first), column_key(column)
    return a != b and _NUMBERED.sub("", a) == _NUMBERED.sub("", b) and bool(
        _NUMBERED.search(b))


def parse_mapping(items: list[str], header: list[str]) -> dict[str, tuple[str, ...]]:
    """``["name=Company", "phone=Tel", "phone=Mobile"]`` -> field -> its columns (several only
    for :data:`LIST_FIELDS`). Columns named like a field (``columns.yaml``: "Firma",
    "公司名称", "E-Mail") map to it by themselves unless an item maps that field; an address
    given one way (street or one-line address) is not also taken the other way."""
    mapping: dict[str, tuple[str, ...]] = {}
    for item in items:
        target, sep, column = item.partition("=")
        target = target.strip().lower()
        if not sep or not column:
            raise InputError(f"--map {item!r}: write FIELD=COLUMN, e.g. --map phone=Telephone")
        if target not in FIELDS:
            raise InputError(f"--map {item!r}: unknown field {target!r}; use one of "
                             + ", ".join(FIELDS))
        if column not in header:
            raise InputError(f"--map {item!r}: no column {column!r} in the file; columns: "
                             + ", ".join(header))
        if target in mapping and target not in LIST_FIELDS | JOINED_FIELDS:
            raise InputError(f"--map {item!r}: {target} is already column "
                             f"{mapping[target][0]!r}; only "
                             + ", ".join(sorted(LIST_FIELDS | JOINED_FIELDS))
                             + " take several columns")
        if column not in mapping.get(target, ()):
            mapping[target] = (*mapping.get(target, ()), column)
    explicit = set(mapping)
    if explicit & {"street", "address"}:
        explicit |= {"street", "address"}
    used = {column for columns in mapping.values() for column in columns}
    if (person := _persons_name_column(header)) and not explicit & {"name", "contact_name"}:
        mapping["contact_name"] = (person,)  # "Name" beside "Company": a list of people
        used.add(person)
    # A company's own address column before the bare one: "Company City" is the company's,
    # "City" in a list of people (lead exports) the person's
    for column in sorted(header, key=lambda column: not (
            is_companys_column(column) and field_of_column(column) in _ADDRESS_FIELDS)):
        found = field_of_column(column)
        if (found is None or found in explicit or column in used
                or (found in mapping and found not in LIST_FIELDS and not (
                    found in JOINED_FIELDS and _numbered_alike(mapping[found][-1], column)))):
            continue
        mapping[found] = (*mapping.get(found, ()), column)
    if "name" not in mapping:
        raise InputError("no column maps to the company name; add --map name=COLUMN (columns: "
                         + ", ".join(header) + ")")
    order = {column: position for position, column in enumerate(header)}
    return dict(sorted(mapping.items(), key=lambda item: order.get(item[1][0], -1)))


_ADDRESS_FIELDS = frozenset({"street", "address", "address_line_2", "house_number",
                             "postal_code", "city", "region", "country"})


def _persons_name_column(header: list[str]) -> str | None:
    """A column named just "Name" in a file whose company is named in another column
    ("Company", "Firma"): the person's name, as badge scans and people lists give it."""
    bare = [column for column in header if column_key(column) == "name"]
    if bare and any(field_of_column(column) == "name" and not column_key(column).startswith(
            "name") for column in header):
        return bare[0]
    return None


def _values(row: dict[str, str], columns: tuple[str, ...] | None) -> list[str]:
    return [part.strip() for column in columns or ()
            for part in _SPLIT.split(row.get(column) or "") if part.strip()]


def _entities_read(cell: str) -> str:
    """``cell`` with its HTML entities read ("J&ouml;rg")."""
    return plain_text(cell) if "&" in cell else cell


def _joined(row: dict[str, str], columns: tuple[str, ...] | None) -> str:
    """The cells of ``columns`` as one text ("Stadtwerke" + "Göppingen GmbH"), a cell the
    text already holds left out."""
    text = ""
    for column in columns or ():
        value = (row.get(column) or "").strip()
        if value and value not in text:
            text = f"{text} {value}" if text else value
    return text


def _one(row: dict[str, str], columns: tuple[str, ...] | None) -> str | None:
    value = (row.get(columns[0]) or "").strip() if columns else ""
    return value or None


def row_to_lead(row: dict[str, str], mapping: dict[str, tuple[str, ...]], *, source: str,
                page_url: str, record_id: str, region: str | None,
                as_of: datetime | None = None) -> Lead:
    """One spreadsheet row as a :class:`Lead` (raises ValidationError when invalid); its data
    is of ``as_of`` (default: now)."""
    get = mapping.get
    street, number = _one(row, get("street")), _one(row, get("house_number"))
    if street and number and number.strip() not in street.replace(",", " ").split():
        # "Straße des 17. Juni" and "135"; "AV PAULISTA" and "1374" in Brazil
        street = with_house_number(
            street, number, normalize_country(_one(row, get("country"))) or region)
    full = _one(row, get("address"))
    if line_2 := _one(row, get("address_line_2")):  # "Suite 3300", "Hinterhaus"
        if street:
            street = f"{street}, {line_2}"
        elif full:
            full = f"{full}, {line_2}"
    address = Address(
        full=full, street=street,
        city=_one(row, get("city")), region=_one(row, get("region")),
        postal_code=_one(row, get("postal_code")), country=_one(row, get("country")),
    )
    contacts = []
    emails, phones = _values(row, get("email")), _values(row, get("phone"))
    people: list[str] = []
    contact_name = _one(row, get("contact_name")) or full_name(
        _one(row, get("contact_first_name")), _one(row, get("contact_last_name")))
    if contact_name:
        # A list of people ("First Name", "Last Name", "Email", as lead exports and badge
        # scans have it): the e-mail written from the person's name is theirs too. Two
        # people in the cell ("Hans Müller / Anna Schmidt") are two contacts, with their
        # titles when the title cell lists as many.
        people = _people(contact_name) or [contact_name]
        title = _one(row, get("contact_title"))
        titles: list[str | None] = [*_people(title)] if title and len(people) > 1 else [title]
        if len(titles) != len(people):
            titles = [None] * len(people)
        own_email = _one(row, get("contact_email")) if len(people) == 1 else None
        own_phone = _persons_phones(row, get("contact_phone"))
        for position, (person, person_title) in enumerate(zip(people, titles, strict=True)):
            contacts.append(Contact(
                name=person, title=person_title,
                email=own_email or _persons_email(emails, person),
                phone=own_phone if position == 0 else None))
    else:  # a contact's e-mail or phone without a person ("contact": {"phone": ...}): the
        # company's, not dropped
        emails += _values(row, get("contact_email"))
        phones += _values(row, get("contact_phone"))
    for column in get("executive") or ():  # "Geschäftsführer": "Hans Müller, Eva Weber"
        contacts += [Contact(name=person, title=column.strip())
                     for person in _people(row.get(column) or "") if person not in people]
    for text in _values(row, get("people")):  # leadgen's export: "Eva Weber (Einkauf) <…>"
        if not any(char.isalpha() for char in text):
            continue  # a count of people ("Organization - People": 3), as CRMs export it
        if (found := _PERSON.fullmatch(text)) and found["name"] not in people:
            people.append(found["name"])
            contacts.append(Contact(name=found["name"], title=found["title"],
                                    email=found["email"]))
    name = _joined(row, get("name"))
    if form := _one(row, get("legal_form")):
        name = with_legal_form(name, form)
    size = size_signals(_one(row, get("employees")), _one(row, get("revenue")),
                        _one(row, get("founded_year")))
    return Lead(
        name=name,
        source=SourceMeta(source_id=source, page_url=page_url, record_id=record_id,
                          fetched_at=as_of or datetime.now(UTC)),
        website=_one(row, get("website")),
        emails=emails,
        phones=phones,
        fax=_values(row, get("fax")),
        address=address if any(address.model_dump().values()) else None,
        categories=_values(row, get("category")),
        description=_one(row, get("description")),
        legal_name=_one(row, get("legal_name")),
        social=_values(row, get("social")),
        contacts=contacts,
        size=size,
        country_hint=region,
        extra={"registry_id": ids} if (
            ids := _values(row, get("registry_id")) + _tax_ids(phones)) else {},
    )


def _tax_ids(phones: list[str]) -> list[str]:
    """The cells of a phone column that are a VAT or register number naming its country
    ("DE136695976", a column moved in a hand-made list): read as one, as the number's own
    column would be (the phone normalizer reads no number in them)."""
    return [text for text in phones
            if any(char.isalpha() for char in text) and registry_key(text) is not None]


_PEOPLE_SPLIT = re.compile(r"[;|\n、，；／]+|\s+/\s+|(?<=[\u4e00-\u9fff])/(?=[\u4e00-\u9fff])")
#: A person as leadgen's export writes one: "Eva Weber (Einkauf) <e.weber@acme.de>".
_PERSON = re.compile(r"(?P<name>[^()<>]*[^\s()<>])\s*(?:\((?P<title>[^()]+)\))?"
                     r"\s*(?:<(?P<email>[^<>\s]+@[^<>\s]+)>)?")


def _people(cell: str) -> list[str]:
    """The people a cell names: "Hans Müller; Eva Weber", "Hans Müller / Eva Weber",
    "Hans Müller, Eva Weber", "王伟、李娜" (a comma between names of two words or more;
    "Müller, Hans" is one person)."""
    people: list[str] = []
    for part in _PEOPLE_SPLIT.split(cell):
        names = [name.strip() for name in part.split(",")]
        people += names if all(len(name.split()) > 1 for name in names) else [part.strip()]
    return [person for person in people if person]


def with_legal_form(name: str, form: str) -> str:
    """``name`` with the legal form of a column of its own ("Müller & Söhne" and "GmbH", as
    registers and leadgen's export give it), unless the name has one already or the cell is
    no legal form (a register's company type, "有限责任公司(自然人投资或控股)", "其他")."""
    if not name or form.casefold() in name.casefold() or normalize_name(name).legal_form:
        return name
    joined = f"{name}{form}" if has_cjk(form) else f"{name} {form}"
    found = normalize_name(joined).legal_form
    return joined if found and legal_form_key(found) == legal_form_key(form) else name


def _persons_phones(row: dict[str, str], columns: tuple[str, ...] | None) -> str | None:
    """The contact person's phone cells as one field: a people list's second number of one
    person (Pipedrive's "Person - Phone - Mobile" beside "- Work") after the first, as a
    cell listing both would give them ("030 1234567; 0171 5555555")."""
    cells = [cell for column in columns or () if (cell := (row.get(column) or "").strip())]
    return "; ".join(dict.fromkeys(cells)) or None


def _persons_email(emails: list[str], person: str) -> str | None:
    """The one e-mail of ``emails`` written from the person's name, or None."""
    own = [raw for raw in emails if names_person(raw.partition("@")[0], person)]
    return own[0] if len(own) == 1 else None


_COUNT = re.compile(r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+|\d+")
_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2}|2100)(?!\d)")


def size_signals(employees: str | None, revenue: str | None, founded: str | None,
                 ) -> SizeSignals:
    """Size columns as printed: "1.200" or "1,200" employees is a count, "50-99人" or "500+"
    a band; revenue is a band as printed; a founding date gives its year ("2019-05-01",
    "2019年")."""
    size: dict[str, Any] = {}
    if employees:
        count = _COUNT.fullmatch(employees.strip())
        digits = re.sub(r"\D", "", count.group()) if count else ""
        if count and len(digits) <= 9:  # a longer number is no company's, nor a database's
            size["employees"] = int(digits)
        elif any(c.isdigit() for c in employees):
            size["employees_band"] = employees.strip()[:60]
    if revenue:
        size["revenue_band"] = revenue.strip()[:60]
    if founded and (year := _YEAR.search(founded)):
        size["founded_year"] = int(year.group())
    return SizeSignals(**size)


#: The encoding a file is read in unless the user names one; a file that starts with a
#: UTF-16 or UTF-32 byte order mark (Excel's "Unicode text") is read as such instead.
DEFAULT_ENCODING = "utf-8-sig"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def numbered_rows(path: Path, encoding: str = DEFAULT_ENCODING, sheet: str | None = None,
                  notes: list[str] | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a CSV file, (row number, row) of an .xlsx workbook's sheet (told
    apart by the file's first bytes), or (line or item number, row) of a JSON or JSON Lines
    file (by its name: .json, .jsonl, .ndjson). ``notes``: where a CSV row read leniently,
    or a JSON field that is no column, is reported (see :func:`read_rows`, :func:`json_rows`)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror}") from exc
    encoding = text_encoding(encoding, start)
    if is_workbook(start):
        return _without_no_value(workbook_rows(path, sheet))
    if sheet is not None:
        raise InputError(f"--sheet {sheet!r}: {path.name} is a text file, not an .xlsx workbook")
    if is_json_file(path):
        return _without_no_value(json_rows(path, encoding, notes))
    return _without_no_value(read_rows(path, encoding, notes))


#: What lists write into a cell that has no value (compared case-folded, spaces around left
#: out): "N/A", Excel's "#N/A", a database's "NULL", pandas' "nan", "-", "unknown", German
#: "k.A." / "keine Angabe", Chinese "暂无" / "无" (none yet, none). Such a cell is empty: it
#: was stored as a street "N/A" two companies shared, a city "NULL", a phone "-" warned of.
#: ("NA" stays: it is Namibia's country code.)
NO_VALUE = frozenset({
    "n/a", "n.a.", "n. a.", "#n/a", "n/v", "null", "none", "nil", "nan", "undefined",
    "#ref!", "#value!", "#name?", "-", "--", "---", "—", "–", ".", "?", "/", "unknown",
    "tbd", "not available", "k.a.", "k. a.", "keine angabe", "unbekannt", "nicht vorhanden",
    "inconnu", "non renseigné", "desconocido", "sin datos", "无", "暂无", "不详", "未知",
    "なし", "不明",
})
_LONGEST_NO_VALUE = max(map(len, NO_VALUE))


def _without_no_value(rows: Iterator[tuple[int, dict[str, Any]]],
                      ) -> Iterator[tuple[int, dict[str, Any]]]:
    """``rows`` with each cell that says it has no value (:data:`NO_VALUE`) empty, without
    the apostrophe a spreadsheet user typed before a number or an e-mail address to keep it
    text (:data:`_TEXT_MARK`) or the formula an export wrote for it (``="000123"``), and with
    HTML entities read ("Stra&szlig;e", and the ";" of
    "Metall &amp; Kunststoff" then splits no list cell)."""
    for number, row in rows:
        for column, value in row.items():
            if type(value) is not str:
                continue
            if len(value) <= _LONGEST_NO_VALUE + 2 and value.strip().casefold() in NO_VALUE:
                row[column] = ""
            elif value[:1] == "'" and _TEXT_MARK.match(value):
                row[column] = value[1:]
            elif value[:2] == '="' and value[-1:] == '"' and len(value) > 2:
                # Excel's formula that keeps a value text: ="000123", ="Acme GmbH"
                row[column] = value[2:-1].replace('""', '"')
            elif "&" in value:
                row[column] = _entities_read(value)
        yield number, row


#: Excel's text mark before a cell's value: "'12 Main St", "'+49 30 1234567", "'007",
#: "'info@acme.com" (not the apostrophe of "'s-Hertogenbosch" or "'t Hooft").
_TEXT_MARK = re.compile(r"'(?=[\d+=\-@]|[^\s@']+@[^\s@]+$)")


def _no_rows(path: Path, sheet: str | None = None) -> str:
    """What to tell of a file in which no row was found."""
    with path.open("rb") as handle:
        workbook = is_workbook(handle.read(8))
    if workbook:
        import openpyxl

        try:
            sheets = openpyxl.load_workbook(path, read_only=True).sheetnames
        except Exception:  # noqa: BLE001 - it was read a moment ago; only the hint is lost
            sheets = []
        read = f"sheet {sheet!r}" if sheet else f"its first sheet ({sheets[0]})" if sheets else (
            "its first sheet")
        others = [name for name in sheets if name != (sheet or sheets[0])]
        hint = f"; give --sheet NAME to read another: {', '.join(others)}" if others else ""
        return f"{path.name}: no rows found below the header in {read}{hint}"
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return (f"{path.name}: no rows found, and it is no .xlsx workbook (it holds text); "
                "save it from the spreadsheet program as .xlsx, or name a CSV file .csv")
    if path.stat().st_size == 0:
        return f"{path.name}: no rows found: the file is empty"
    return f"{path.name}: no rows found below the header"


def read_rows(path: Path, encoding: str = DEFAULT_ENCODING, notes: list[str] | None = None,
              ) -> Iterator[tuple[int, dict[str, str]]]:
    """(first line, row as a dict) of each row of a CSV file (delimiter sniffed among , ;
    tab and |) that has a cell filled in.

    Lines above the table are skipped: Excel's ``sep=;`` line (whose delimiter is then used),
    and title lines of one cell above a header of several ("Exhibitors 2026", a blank line,
    then the header), as for a workbook. Cells beyond the header's columns are left out, and
    a line in ``notes`` names them.

    Without an ``encoding`` (and a UTF-8 mark), a file whose first line beyond ASCII is not
    UTF-8 is read in the encoding it looks like (GBK, cp1252), and a line in ``notes`` says
    so. Lines are decoded one by one, so a line in another encoding after lines that were
    UTF-8 stops the file exactly there: every row before it is given first, then an
    :class:`InputError` names the line. A quote
    inside a cell that is not doubled (``"Acme "Best" GmbH"``, ``"Acme" GmbH``), which many
    exports write, does not stop the file: the row is read leniently (see
    :func:`read_leniently`) and a line in ``notes`` names it."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror}") from exc
    with handle:
        start = handle.read(8192)
        handle.seek(0)
        encoding = text_encoding(encoding, start)
        if encoding == DEFAULT_ENCODING:  # UTF-32 first: its LE mark starts like UTF-16's
            encoding = next((name for bom, name in _BOMS if start.startswith(bom)),
                            None) or bomless_utf16(start) or encoding
        sample = start.decode(encoding, errors="replace")
        dialect, above = _table_start(sample)
        whole_text = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")) or (
            b"\r" in start and b"\n" not in start)  # "\n" bytes are no line ends there
        if whole_text:
            yield from _rows_of_text(path, encoding, dialect, notes, above)
        else:
            taken: list[str] = []
            # Not told the encoding and no UTF-8 mark: a file whose first line beyond ASCII
            # is not UTF-8 is read in the encoding it looks like (Excel's CSV on a Chinese or
            # Western European Windows: GBK, cp1252), and a note says so.
            guess = encoding == DEFAULT_ENCODING and not start.startswith(codecs.BOM_UTF8)
            lines = _decoded_lines(handle, path, encoding, taken, notes if guess else None)
            for _ in range(above):
                next(lines, None)
            yield from _checked(csv.DictReader(lines, dialect=dialect, strict=True), path,
                                taken, notes, above)


_SEP_LINE = re.compile(r"\ufeff?sep=(.)\s*", re.IGNORECASE)
_DELIMITERS = ",;\t|"


def _table_start(sample: str) -> tuple[Any, int]:
    """The dialect of a CSV file that starts with ``sample``, and how many lines above its
    header to skip: Excel's ``sep=;`` line, then, when the first row has at most one cell,
    title and blank lines up to the first row of several cells that a row of several cells
    follows (a list of one column keeps its first line as its header)."""
    lines = sample.splitlines(keepends=True)
    hint = _SEP_LINE.fullmatch(lines[0].rstrip("\r\n")) if lines else None
    above = 1 if hint else 0
    table = above  # the first line with a delimiter: sniffed from there (a title has none)
    while table < len(lines) and not any(c in lines[table] for c in _DELIMITERS):
        table += 1
    dialect: Any = csv.excel
    try:
        dialect = csv.Sniffer().sniff("".join(lines[table:] or lines[above:]),
                                      delimiters=_DELIMITERS)
    except csv.Error:
        pass
    if hint:
        dialect = type("Hinted", (dialect,), {"delimiter": hint.group(1)})
    rows: list[tuple[int, int]] = []  # (lines read before the row, its non-empty cells)
    reader = csv.reader(io.StringIO("".join(lines[above:])), dialect)
    try:
        before = 0
        for cells in reader:
            rows.append((before, sum(1 for cell in cells if cell.strip())))
            before = reader.line_num
    except csv.Error:
        pass
    if not rows or rows[0][1] > 1:
        return dialect, above
    filled = [(before, count) for before, count in rows if count]
    for position, (before, count) in enumerate(filled):
        if count > 1:
            following = filled[position + 1:position + 2]
            if not following or following[0][1] > 1:
                return dialect, above + before
            break
    return dialect, above


#: A cell may hold this many characters (Python's csv default, 128 KiB, stops at a long
#: description pasted into one cell).
FIELD_LIMIT = 16 << 20


def _checked(reader: csv.DictReader[str], path: Path, taken: list[str],
             notes: list[str] | None, above: int = 0) -> Iterator[tuple[int, dict[str, str]]]:
    """(first line, row) of the rows of ``reader`` with a cell filled in; ``reader`` reads
    lines from the header on (``above``: the file's lines before it), each also appended to
    ``taken``.

    A row with an undoubled quote in a cell is read again from its lines, leniently, and
    noted; any other row the CSV reader cannot read (a quoted cell never closed, a cell past
    :data:`FIELD_LIMIT`) stops the file there with its line."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    last = above + 1  # the header's line
    try:
        if reader.fieldnames:
            reader.fieldnames = unique_columns(list(reader.fieldnames))
        while True:
            taken.clear()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                cells = read_leniently(taken, reader.reader.dialect) if (
                    "expected after" in str(exc)) else None
                if cells is None:
                    raise
                row = _as_row(reader, cells)
                if notes is not None:
                    shown = " | ".join(" ".join(cell.split()) for cell in cells)
                    shown = shown if len(shown) <= 120 else shown[:117] + "..."
                    notes.append(f"{path.name}:{last + 1}: a quote inside a cell is not "
                                 f"doubled; read leniently as: {shown}")
            first, last = last + 1, above + reader.reader.line_num
            if None in row and reader.fieldnames and (
                    joined := _form_rejoined(reader.fieldnames, row)) is not None:
                row, name = joined
                if notes is not None:
                    notes.append(f"{path.name}:{first}: a name's legal form after an unquoted "
                                 f"comma read as part of it: {name}")
            if None in row:  # cells beyond the header's columns
                extra = [cell.strip() for cell in row.pop(None) if cell.strip()]
                if extra and notes is not None:
                    notes.append(f"{path.name}:{first}: more cells than the header's "
                                 f"{len(row)} columns; left out: " + " | ".join(extra)[:120])
            if any(row.values()):
                yield first, row
    except csv.Error as exc:
        reason = ('a quoted cell ("...) is never closed' if "end of data" in str(exc)
                  else str(exc))
        raise InputError(f"{path}: line {last + 1}: not readable as CSV: {reason}") from exc


#: A legal form a name writes after a comma ("Acme Co.,Ltd.", "Acme, Inc."), which an
#: export that does not quote its cells splits into a cell of its own.
_FORM_CELL = re.compile(r"\s*(?:co\.?\s*)?(?:ltd|limited|inc|llc|l\.l\.c|corp|plc|gmbh)\.?\s*"
                        r"[)）]?\s*$",  # a bilingual name's English in brackets: "... Ltd.)"
                        re.IGNORECASE)


def _form_rejoined(columns: Sequence[str], row: dict[Any, Any],
                   ) -> tuple[dict[Any, Any], str] | None:
    """``row`` (one cell too many) with a legal form that an unquoted comma split from its
    name put back ("Shenzhen Huaqiang Electronics Co." + "Ltd." is one cell, so the country
    is the country again), and that name; None when no cell is a split form."""
    cells = [row.get(column) or "" for column in columns] + list(row[None])
    if len(cells) != len(columns) + 1:
        return None
    for position in range(1, len(cells)):
        if _FORM_CELL.fullmatch(cells[position]) and cells[position - 1].strip():
            name = f"{cells[position - 1]},{cells[position]}"
            cells[position - 1:position + 1] = [name]
            return dict(zip(columns, cells, strict=True)), name.strip()
    return None


def read_leniently(lines: list[str], dialect: Any) -> list[str] | None:
    """The cells of one CSV record, given as its lines, that a strict reader refused for a
    quote inside a cell that is not doubled; None when they do not read as one record.

    Quotes between two other characters of a cell are doubled first (``"Acme "Best" GmbH"``
    reads as ``Acme "Best" GmbH``); when that does not give one record, the lines are read as
    Python's lenient reader and spreadsheets do (``"Acme" GmbH`` reads as ``Acme GmbH``)."""
    quote, delimiter = dialect.quotechar or '"', dialect.delimiter
    text = "".join(lines)
    ends = re.escape(delimiter + quote) + r"\r\n"
    inner = re.compile(rf"(?<=[^{ends}]){re.escape(quote)}(?=[^{ends}])")
    for strict, source in ((True, inner.sub(quote * 2, text)), (False, text)):
        try:
            records = [cells for cells in csv.reader(io.StringIO(source, newline=""),
                                                     dialect, strict=strict) if cells]
        except csv.Error:
            continue
        if len(records) == 1:
            return records[0]
    return None


def _as_row(reader: csv.DictReader[str], cells: list[str]) -> dict[str, Any]:
    """``cells`` as :class:`csv.DictReader` gives a row (missing cells None, extra ones in a
    list under its ``restkey``)."""
    names = list(reader.fieldnames or [])
    row: dict[Any, Any] = dict(zip(names, cells, strict=False))
    if len(cells) > len(names):
        row[reader.restkey] = cells[len(names):]
    for name in names[len(cells):]:
        row[name] = reader.restval
    return row


#: Where a lone CR ends a line (not one of CRLF).
_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


def _decoded_lines(handle: Any, path: Path, encoding: str, taken: list[str],
                   guessed: list[str] | None = None) -> Iterator[str]:
    """Decoded lines of ``handle``, each also appended to ``taken``. With ``guessed`` (a
    list of notes), a first line beyond ASCII that is not ``encoding`` text switches to the
    encoding the file looks like, when that reads it, and a note says so (a line that is
    not after lines that were, a row pasted in from elsewhere, still stops the file)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    ascii_so_far = True
    ends = 0  # lone CR line ends before: lines as the CSV reader counts them
    for number, line in enumerate(handle, start=1):
        try:
            text = decoder.decode(line)
        except UnicodeDecodeError as exc:
            other = guessed_encoding(path) if guessed is not None and ascii_so_far else None
            again = _decoded(line, other) if other else None
            if again is None or other is None or guessed is None:
                if not ascii_so_far:  # the lines before were this encoding beyond ASCII too
                    # (another encoding for the whole file would garble them: cp932 made
                    # "Müller" "Mテシller")
                    hint = ("the lines before it were, so the line was pasted in from "
                            "elsewhere: save it again in the file's encoding, or remove it")
                else:
                    hint = encoding_hint(path)
                raise InputError(f"{path}: line {number + ends}: not {encoding} text "
                                 f"({exc.reason}); {hint}") from exc
            # A whole line read: the new decoder holds nothing of it
            text, decoder, encoding = again, codecs.getincrementaldecoder(other)(), other
            guessed.append(f"{path.name}: not UTF-8 text: read as {other}, which it looks like "
                           "(give --encoding to read it as another)")
        ascii_so_far = ascii_so_far and text.isascii()
        # A line end of a lone CR in a file of CRLF or LF ones (lines pasted together from
        # an old Mac file) ends a line too: the CSV reader refused the whole file.
        parts = [part for part in _LONE_CR.split(text) if part] if "\r" in text[:-2] else [text]
        ends += len(parts) - 1
        for part in parts:
            taken.append(part)
            yield part


def _decoded(line: bytes, encoding: str) -> str | None:
    try:
        return line.decode(encoding)
    except UnicodeDecodeError:
        return None


def _recorded(lines: Iterator[str], taken: list[str]) -> Iterator[str]:
    for line in lines:
        taken.append(line)
        yield line


def _rows_of_text(path: Path, encoding: str, dialect: Any, notes: list[str] | None,
                  above: int = 0) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a file read as text (UTF-16 and old Mac line ends), from the line after the
    ``above`` first; a decoding error stops at the block the reader decoded ahead."""
    with path.open(newline="", encoding=encoding) as handle:
        taken: list[str] = []
        try:
            lines = _recorded(handle, taken)
            for _ in range(above):
                next(lines, None)
            yield from _checked(csv.DictReader(lines, dialect=dialect, strict=True), path,
                                taken, notes, above)
        except UnicodeDecodeError as exc:
            line = undecodable_line(path, encoding)
            where = f"line {line}: " if line else ""
            raise InputError(f"{path}: {where}not {encoding} text ({exc.reason}); "
                             f"{encoding_hint(path)}") from exc


def undecodable_line(path: Path, encoding: str) -> int | None:
    """The number of the first line of ``path`` that is not ``encoding`` text (the CSV
    reader decodes ahead of the rows it gives, so it cannot tell)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 1
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 16):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    # exc.start counts from the previous chunk's undecoded tail (a part of a
                    # character: no line end in it).
                    start = exc.start - len(decoder.getstate()[0])
                    return lines + chunk[:max(start, 0)].count(b"\n")
                lines += chunk.count(b"\n")
    except OSError:
        return None
    return None


def encoding_hint(path: Path) -> str:
    """What to try instead: the encoding the file's start looks like (see
    :func:`guessed_encoding`)."""
    name = guessed_encoding(path)
    if name is None:
        return "try --encoding gbk (Chinese) or --encoding cp1252 (Western European)"
    return f"it looks like {name}: try --encoding {name}"


def as_of_date(text: str) -> datetime:
    """``--as-of``'s date (2025-06-30) as the start of that day in UTC; a date written
    otherwise, or one after today, is refused in one line."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"--as-of {text!r}: give the date the file's data was current as "
                         "YYYY-MM-DD (2025-06-30)") from None
    if day > datetime.now(UTC).date():
        raise InputError(f"--as-of {text}: that date is in the future; give the date the "
                         "file's data was current")
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def import_file(
    engine: Engine,
    path: Path,
    *,
    source: str,
    id_column: str | None = None,
    mapping: list[str] | None = None,
    as_customers: bool = False,
    region: str | None = None,
    rules: MatchingRules | None = None,
    encoding: str = DEFAULT_ENCODING,
    sheet: str | None = None,
    batch_size: int | None = None,
    workers: int = 0,
    background: bool | None = None,
    dry_run: bool = False,
    as_of: datetime | None = None,
) -> ImportReport:
    """Import a CSV file, an .xlsx workbook (its first sheet, or ``sheet``) or a JSON file;
    returns counts and the reasons for every rejected row.

    ``workers`` > 0 validates and normalizes rows in that many worker processes while this
    process matches them, and ``background`` (default: when there are workers) writes each
    batch in a writer process (SQLite): same results, in the same order. ``batch_size``:
    records per committed batch (default 1,000, or :data:`BULK_BATCH_SIZE` in the background).
    ``dry_run``: match every row against the database as an import would and store nothing
    (see :class:`Ingestor`), so the report tells what an import would do. ``as_of``: when
    the file's data was current (a list bought a year ago and imported today; see
    :func:`as_of_date`): its records say so, and of two lists equally trusted the more recent
    data wins a field (survivorship's "recent"), not the later import.
    """
    if not path.is_file():
        what = "a folder" if path.is_dir() else "no such file"
        raise InputError(f"{path}: {what}; give the path of a CSV, .xlsx or JSON file")
    report = ImportReport()
    rows = numbered_rows(path, encoding, sheet, report.warnings)
    first = next(rows, None)
    if first is None:
        report.warnings.append(_no_rows(path, sheet))
        return report
    if (regrouped := _header_below(first, rows, mapping or [])) is not None:
        first, rows = regrouped
        report.warnings.append(f"{path.name}: the first row names groups of columns; the "
                               "row below it is read as the header ("
                               + ", ".join(list(first[1].keys())[:3]) + ", ...)")
    header = list(first[1].keys())
    if id_column and id_column not in header:
        raise InputError(f"--id-column {id_column!r}: no such column; columns: "
                         + ", ".join(header))
    rules = rules or load_rules()
    report.columns = parse_mapping(mapping or [], header)
    if (status_from := status_column(header)) is not None:  # leadgen's own export
        report.columns["status"] = (status_from,)
    ahead = [first]
    if region is None:  # what the first rows say (numbers without a country code need one)
        more, rows = _read_ahead(rows, SAMPLE_ROWS - 1)
        ahead += more
        report.region_guess = guess_region((row for _, row in ahead), report.columns)
        region = report.region_guess.region if report.region_guess else None
    used = {column for columns in report.columns.values() for column in columns}
    report.unused = [column for column in header if column not in used and column != id_column]
    if "contact_title" in report.columns and not _PERSON_FIELDS & report.columns.keys():
        report.warnings.append(
            f"{path.name}: column {', '.join(report.columns['contact_title'])} (contact_title) "
            "has no contact name column beside it, so its titles are not imported; name one "
            "with --map contact_name=COLUMN")
    settings = _RowSettings(
        fields=report.columns, id_column=id_column, source=source,
        page_url=path.resolve().as_uri(), file_name=path.name,
        region=region.upper() if region else None, rules=rules,
        suppressions=SuppressionList.load(engine), status_column=status_from, as_of=as_of,
    )
    status = "customer" if as_customers else None
    numbered = chain(ahead, rows)
    background = (workers > 0 if background is None else background) and not dry_run
    size = batch_size or (BULK_BATCH_SIZE if background else 1000)
    results = _prepared(numbered, settings, workers)
    # The run tells which sources are imports, and of customers (their trust in survivorship).
    run_id = None if dry_run else start_run(
        engine, CUSTOMER_IMPORT if as_customers else IMPORT, sources=[source],
        stats={"file": path.name})
    # The rows leadgen's own export marks as customers are stored as a list of customers'
    # (a run of their own); a run no row was stored under is dropped at the end.
    customer_run = None if dry_run or as_customers or status_from is None else start_run(
        engine, CUSTOMER_IMPORT, sources=[source], stats={"file": path.name, "of_run": run_id})
    try:
        with bulk_gc(), Ingestor(engine, rules=rules, batch_size=size, background=background,
                                 dry_run=dry_run, crawl_run_id=run_id) as ingestor:
            _ingest(results, ingestor, report, status, path.name, dry_run=dry_run,
                    customer_run=customer_run)
    except BaseException as exc:
        ended = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
        if run_id is not None:
            _close_run(engine, run_id, report, path.name, ended)
        _close_customer_run(engine, customer_run, report, path.name, ended)
        raise
    if run_id is not None:
        _close_run(engine, run_id, report, path.name, "finished")
    _close_customer_run(engine, customer_run, report, path.name, "finished")
    if settings.region is None and any(f"{_BAD_PHONE} (kept" in line
                                       for line in report.warnings):
        report.warnings.insert(0, f"{path.name}: no --region was given and the rows name none "
                                  "clearly, so phone numbers written without a country code "
                                  "could not be read (they are kept in the records); give "
                                  "one, e.g. --region DE, and import again")
    return report


def _close_run(engine: Engine, run_id: int, report: ImportReport, file_name: str,
               status: str) -> None:
    """Close the import's run row with its counts (a database that refuses, as when another
    program holds it, leaves the row open: the error that ended the import is the one told)."""
    try:
        finish_run(engine, run_id, status, {"file": file_name, "rows": report.rows,
                                            "rejected": report.rejected_count,
                                            **report.outcomes})
    except Exception as exc:  # noqa: BLE001
        # One line (a full disk printed 65 lines of chained tracebacks before the error)
        logger.warning("import: could not log the end of run %s: %s", run_id,
                       str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__)
        logger.debug("import: run %s", run_id, exc_info=True)


def _close_customer_run(engine: Engine, run_id: int | None, report: ImportReport,
                        file_name: str, status: str) -> None:
    """Close the run the export's customer rows were stored under, or drop it when none was:
    a run of customers makes its source a customer list in survivorship."""
    if run_id is None:
        return
    customers = report.statuses["customer"]
    try:
        if customers:
            finish_run(engine, run_id, status, {"file": file_name, "customers": customers})
        else:
            drop_run(engine, run_id)
    except Exception as exc:  # noqa: BLE001 - as in _close_run
        logger.warning("import: could not log the end of run %s: %s", run_id,
                       str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__)


def _header_below(first: tuple[int, dict[str, Any]], rows: Iterator[tuple[int, dict[str, Any]]],
                  mapping: list[str]) -> tuple[tuple[int, dict[str, Any]],
                                             Iterator[tuple[int, dict[str, Any]]]] | None:
    """The rows keyed by the first row under the header, when the header names no company
    column and that row does: a row of column groups ("Stammdaten;;;Kontakt;") above the real
    header ("Firma;PLZ;Ort;Telefon;E-Mail"), as spreadsheets made for reading have. None
    otherwise (a --map naming a column of the header keeps it)."""
    header = list(first[1].keys())
    named = {item.partition("=")[2] for item in mapping}
    if named & set(header) or any(field_of_column(column) == "name" for column in header):
        return None
    cells = [str(value or "").strip() for value in first[1].values()]
    if not any(field_of_column(cell) == "name" or cell in named for cell in cells if cell):
        return None
    below = unique_columns([cell or column for cell, column in zip(cells, header, strict=True)])
    rekeyed = ((number, dict(zip(below, row.values(), strict=False))) for number, row in rows)
    second = next(rekeyed, None)
    return None if second is None else (second, rekeyed)


#: Fields that name a contact person (a title needs one of them to belong to someone).
_PERSON_FIELDS = frozenset({"contact_name", "contact_first_name", "contact_last_name"})


def _read_ahead(rows: Iterator[T], count: int) -> tuple[list[T], Iterator[T]]:
    """The next ``count`` rows, and the rows after them. A file that turns unreadable within
    them raises its error only after the rows before it, in the rows after, as it would
    have without reading ahead."""
    ahead: list[T] = []
    try:
        for row in islice(rows, count):
            ahead.append(row)
    except InputError as exc:
        error = exc

        def failing() -> Iterator[T]:
            raise error
            yield  # a generator: the error comes when the rows after are read

        return ahead, failing()
    return ahead, rows


def _ingest(results: Iterator[Prepared], ingestor: Ingestor, report: ImportReport,
            status: str | None, file_name: str, *, dry_run: bool = False,
            customer_run: int | None = None) -> None:
    """Ingest each prepared row; ``status`` marks every row's company (``--as customers``),
    and a row's own status (leadgen's export) does as well, a customer's record stored under
    ``customer_run``."""
    try:
        for result in results:
            report.rows += 1
            if isinstance(result, str):
                report.rejected.append(result)
                continue
            record_id, prepared, warnings, line, own_status = result
            report.warnings.extend(warnings)
            if record_id in report.company_ids:
                prepared, record_id = _repeated_id(prepared, record_id, file_name, line,
                                                   ingestor, report)
            outcome = ingestor.ingest_prepared(
                prepared, status=strongest(status, own_status),
                run_id=customer_run if own_status == "customer" else None)
            if own_status and outcome.status != "suppressed":
                report.statuses[own_status] += 1
            report.outcomes[outcome.status] += 1
            report.company_ids[record_id] = outcome.company_id
            if outcome.evidence.get("names_another_company"):
                report.warnings.append(
                    f"{file_name}:{line}: record {shown([record_id], quote=True)} of source "
                    f"{prepared.source_id!r} named another company when imported before: "
                    f"stored as a corrected row of company {outcome.company_id} (leadgen "
                    f"explain {outcome.company_id} shows both versions); if this file is "
                    "another list, import it under its own --source")
    except InputError as exc:  # the file turned unreadable: keep the rows read before
        rejected = report.rejected_count
        if dry_run:
            raise ImportStopped(f"{exc} (the {report.rows:,} rows before it are checked"
                                + (f", {rejected:,} rejected)" if rejected else ")"),
                                report) from exc
        ingestor.flush()
        if not rejected:
            raise ImportStopped(f"{exc} (the {report.rows:,} rows before it are imported; "
                                "a re-run skips them)", report) from exc
        raise ImportStopped(f"{exc} (of the {report.rows:,} rows before it, "
                            f"{report.rows - rejected:,} imported and {rejected:,} rejected; "
                            "a re-run skips the imported ones)", report) from exc


def _repeated_id(prepared: PreparedLead, record_id: str, file_name: str, line: int,
                 ingestor: Ingestor, report: ImportReport) -> tuple[PreparedLead, str]:
    """A row whose id an earlier row of the file has: the same row again stays that record;
    another row (an id column that is not unique) becomes a record of its own, "ID (line N)",
    named in a warning. Taken as a new version of the earlier row, it would replace that
    company's values with its own."""
    seen = ingestor.records.get(prepared.source_id, prepared.record_key)
    if seen is not None and seen.content_hash == prepared.content_hash[:len(seen.content_hash)]:
        return prepared, record_id
    own = f"{record_id} (line {line})"
    report.warnings.append(f"{file_name}:{line}: id {shown([record_id], quote=True)} is an "
                           f"earlier row's too; imported as record {shown([own], quote=True)}")
    return prepared._replace(record_key=own[:500], record_id=own[:500]), own


@dataclass
class _RowSettings:
    """What turning a row into a prepared lead needs (sent once to each worker process)."""

    fields: dict[str, tuple[str, ...]]
    id_column: str | None
    source: str
    page_url: str
    file_name: str
    region: str | None
    rules: MatchingRules
    suppressions: SuppressionList
    status_column: str | None = None
    """The column of leadgen's own export that holds its status (see :mod:`import_status`)."""
    as_of: datetime | None = None
    """When the file's data was current (see :func:`import_file`)."""


_SETTINGS: list[_RowSettings] = []
Prepared = str | tuple[str, PreparedLead, list[str], int, str | None]
"""A rejection line, or a row's record id, prepared lead, warnings, line number and the
status leadgen's own export gave it."""


def _prepared(numbered: Iterator[tuple[int, dict[str, str]]], settings: _RowSettings,
              workers: int) -> Iterator[Prepared]:
    """Each row prepared, in order: here, or in ``workers`` processes that send their chunks
    back packed (plain tuples load several times faster here than pickled named tuples)."""
    if workers <= 0:
        yield from ordered_map(_prepare_rows, numbered, workers=0,
                               initializer=_set_row_settings, initargs=(settings,))
        return
    # The workers share one process's memo budget: each sees a share of the rows, and two
    # full-size sets of memos would take a 1M-row load past 2 GB on 2 cores.
    entries = {"LEADGEN_CACHE_ENTRIES": str(max(4096, CACHE_SIZE // workers))}
    for packed in ordered_map(_prepare_packed, numbered, workers=workers,
                              initializer=_set_row_settings, initargs=(settings,),
                              environment=entries):
        for result in unpack(packed):
            yield result if isinstance(result, str) else (
                result[0], from_wire(result[1]), *result[2:])


def _prepare_packed(chunk: list[tuple[int, dict[str, str]]]) -> list[bytes]:
    """:func:`_prepare_rows` packed into one value (see :func:`leadgen.ingest.prepared.pack`)."""
    return [pack([result if isinstance(result, str) else (
        result[0], to_wire(result[1]), *result[2:]) for result in _prepare_rows(chunk)])]


def content_id(row: dict[Any, Any]) -> str:
    """A row's record id when the file gives it none: a digest of its cells ("row-…"). A
    line number is none: another file imported under the same source, or the same list
    sorted otherwise, has other rows on those lines, which were taken as new versions of
    these and moved their companies. The same row imported again is the same record."""
    cells = "\x1f".join(f"{column}\x1e{value}" for column, value in row.items()
                         if value not in (None, ""))
    return "row-" + hashlib.blake2b(cells.encode("utf-8", "surrogatepass"),
                                    digest_size=8).hexdigest()


def _set_row_settings(settings: _RowSettings) -> None:
    _SETTINGS[:] = [settings]


def _prepare_rows(chunk: list[tuple[int, dict[str, str]]]) -> list[Prepared]:
    """Validate, normalize, check against the suppression list and prepare each row: a
    rejection line, or the row's record id, prepared lead, warnings, line number and status."""
    settings = _SETTINGS[0]
    out: list[Prepared] = []
    for number, row in chunk:
        record_id = (_one(row, (settings.id_column,)) if settings.id_column else None) or (
            content_id(row))
        where = f"{settings.file_name}:{number}"
        if (no_company := _no_company(row, settings.fields.get("name"))) is not None:
            out.append(f"{where}: {no_company}")
            continue
        try:
            lead = row_to_lead(row, settings.fields, source=settings.source,
                               as_of=settings.as_of,
                               page_url=f"{settings.page_url}#{record_id}",
                               record_id=record_id, region=settings.region)
        except ValidationError as exc:
            problem = exc.errors()[0]
            loc = ".".join(str(part) for part in problem["loc"])
            out.append(f"{where}: {loc}: {problem['msg']}")
            continue
        normalized = normalize_lead(lead, settings.region)
        if not normalized.name_key:  # markup, entities or invisible characters only
            out.append(f"{where}: no company name in {shown([lead.name], quote=True)}")
            continue
        reason = settings.suppressions.reason_for(normalized)
        if reason:
            out.append(f"{where}: suppressed ({reason})")
            continue
        normalized = settings.suppressions.without_people(normalized)
        warnings = _warnings(where, lead, normalized)
        status = None
        if settings.status_column is not None:
            cell = row.get(settings.status_column)
            status, known = row_status(cell)
            if not known:
                warnings.append(f"{where}: status {shown([str(cell)], quote=True)} is none of "
                                f"leadgen's ({', '.join(COMPANY_STATUSES)}): not carried over")
        out.append((record_id, prepare(normalized, settings.rules), warnings, number, status))
    return out


_BAD_PHONE = "is not a valid number"
#: Characters of a value, and values of a list, that a report line quotes at most.
SHOWN_CHARS = 80
SHOWN_VALUES = 5


def shown(values: list[str], quote: bool = False) -> str:
    """``values`` as a rejection or warning line quotes them ("030 123, 089 4"; with
    ``quote``, "'a@b', 'c@d'"): a long one cut to its first :data:`SHOWN_CHARS` characters
    and its length, a long list to its first :data:`SHOWN_VALUES` and their number. A 10 MB
    cell was printed whole."""
    def one(value: str) -> str:
        text = value[:SHOWN_CHARS]
        said = repr(text) if quote else text
        return said if len(value) == len(text) else f"{said}… ({len(value):,} characters)"
    more = len(values) - SHOWN_VALUES
    return ", ".join(map(one, values[:SHOWN_VALUES])) + (f" and {more:,} more" if more > 0
                                                         else "")


#: A list's line of totals: "Gesamt: 120 Aussteller", "Total", "合计：25家" (a word such as
#: "Total Solutions GmbH" goes on: no colon, number or end after it).
_TOTAL = re.compile(r"^(?:grand\s+total|totals?|sum|summe|gesamt|insgesamt|anzahl|count|"
                    r"合计|总计|共计|小计|合計|總計)(?:\s*[:：]|\s*\d|\s*$)", re.IGNORECASE)


#: A list's page footer or note in the name column: "Page 1 of 3", "Seite 1 von 2", "Total
#: records: 120", "Stand: 01.03.2026", "Quelle: IHK" (with every other cell empty).
_FOOTER = re.compile(
    r"^(?:(?:page|seite|página|pagina|pag\.)\s*\d+\s*(?:of|von|de|di|/)\s*\d+|"
    r"(?:total\s+(?:records|rows|entries|companies)|records|datensätze|einträge|treffer)"
    r"\s*[:：]|(?:stand|as\s+of|quelle|source|erstellt(?:\s+am)?|exportiert(?:\s+am)?|"
    r"created|exported|generated|printed|gedruckt)\s*[:：]|第\s*\d+\s*页)", re.IGNORECASE)


def _no_company(row: dict[str, str], name_columns: tuple[str, ...] | None) -> str | None:
    """Why a row is no company's: no name, the header again (exports put together), a line
    of totals whose other cells hold numbers at most, or a page footer or note with nothing
    beside it; None for any other row."""
    if not name_columns:
        return None
    column = name_columns[0]
    name = (row.get(column) or "").strip()
    if not name:
        return f"no company name (the {column.strip()!r} column is empty)"
    if _FOOTER.match(name) and not any(
            isinstance(value, str) and value.strip()
            for key, value in row.items() if key != column):
        return "a page footer or a note, not a company"
    if name == column.strip():
        filled = [(key, value.strip()) for key, value in row.items()
                  if isinstance(key, str) and isinstance(value, str) and value.strip()]
        if len(filled) > 1 and all(value == key.strip() for key, value in filled):
            return "the header again, not a company"
    elif _TOTAL.match(name) and all(
            not isinstance(value, str) or not value.strip() or _COUNT.fullmatch(value.strip())
            for key, value in row.items() if key != column):
        return "a line of totals, not a company"
    return None


def _warnings(where: str, lead: Lead, normalized: Any) -> list[str]:
    notes = []
    if len(normalized.phones) < len(lead.phones):
        good = {p.raw for p in normalized.phones}
        numbers = {p.e164 for p in normalized.phones}
        # a number given twice ("+49351..." and "+49351... ext. 12") is kept once, not bad
        bad = [p for p in lead.phones if p not in good and not any(
            again.e164 in numbers for again in normalize_phones([p], normalized.country))]
        if tax := _tax_ids(bad):
            notes.append(f"{where}: phone {shown(tax)} is a tax or register number, "
                         "read as one")
        if bad := [p for p in bad if p not in tax]:
            # a row naming its country says so: the list's region was not what failed it
            own = address_country(lead) or (normalized.registered_domain and normalized.country)
            in_own = f" in {own}" if own else ""
            notes.append(f"{where}: phone {shown(bad)} {_BAD_PHONE}{in_own} (kept in the "
                         "record)")
    bad_emails = [candidate for field in lead.emails for candidate in email_candidates(field)
                  if normalize_email(candidate) is None]
    if bad_emails:
        notes.append(f"{where}: e-mail {shown(bad_emails, quote=True)} is not an address "
                     "(kept in the record)")
    if (country := lead.address.country if lead.address else None) and (
            normalize_country(country) is None):  # its phones were read in the list's region
        notes.append(f"{where}: country {shown([country], quote=True)} is no country name or "
                     "code leadgen knows (the list's region is used)")
    if lead.website and not normalized.registered_domain:  # read as the lead's normalizer does
        site = first_website(lead.website)
        directory = site and on_a_directory(site, normalized.name_key)
        notes.append(f"{where}: website {shown([lead.website], quote=True)} is " + (
            "a page on a directory or social network, not a website of the company's own"
            if directory else "not a web address") + " (kept in the record)")
    return notes
