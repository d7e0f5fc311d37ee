"""Rows of an Excel workbook (.xlsx), as the importer reads a CSV file's: dicts of text.

Purchased lists and trade-show contact lists mostly arrive as workbooks. The sheet is streamed
(openpyxl's read-only mode), so a million-row sheet is not held in memory. Cells become the
text a person sees for plain values: a whole number stored as a float is written without
".0" (a phone number typed as a number), a date as ISO text.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from leadgen.columns import unique_columns
from leadgen.exceptions import InputError

#: The first bytes of a zip archive (an .xlsx file is one) and of an OLE2 file (.xls).
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_workbook(start: bytes) -> bool:
    """Whether a file starting with ``start`` is a workbook rather than text (zip or OLE2)."""
    return start.startswith((ZIP_MAGIC, OLE2_MAGIC))


def workbook_rows(path: Path, sheet: str | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number in the sheet, row as {header: text}) for each non-empty row below the
    header: the sheet's first non-empty row, or the next one when that has a single cell and
    the next has more (a title above the table, "Exhibitors 2026"). ``sheet``: its name
    (default: the first sheet)."""
    with path.open("rb") as handle:
        if handle.read(len(OLE2_MAGIC)) == OLE2_MAGIC:
            raise InputError(f"{path}: an Excel 97-2003 workbook (.xls), which cannot be read; "
                             "save it as .xlsx or CSV")
    import openpyxl  # only an import of a workbook pays for loading it
    from openpyxl.utils.exceptions import InvalidFileException

    # Opened by us, not by name: a workbook named .csv (an export saved under the wrong name)
    # is read for what it is; openpyxl refuses a path by its extension.
    handle = path.open("rb")
    try:
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        handle.close()
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc}); save it as .xlsx "
                         "or CSV") from exc
    try:
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            raise InputError(f"--sheet {sheet!r}: no such sheet in {path.name}; sheets: "
                             + ", ".join(book.sheetnames))
        if hasattr(worksheet, "reset_dimensions"):
            # Read every row there is: some exporters write a stale size ("A1" or "A1:D5" on
            # a sheet of 20 rows), which read-only mode would trust and stop at
            worksheet.reset_dimensions()
        header: list[str] | None = None
        title = False  # the header so far is one cell: perhaps a title above the real one
        merges, links = _merges_and_links(path, getattr(worksheet, "_worksheet_path", ""))
        linked: dict[int, bool] = {}  # column -> whether its header names a link's field
        tops: dict[int, str] = {}  # column -> the text of the merged cell it is in now
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            if merges:
                _fill_merged(cells, number, merges, tops)
            if links and header is not None:
                _linked_cells(cells, links.get(number), header, linked)
            filled = sum(1 for cell in cells if cell)
            if not filled:
                continue
            if header is None or (title and filled > 1):
                linked.clear()  # a title row's "header" named no link's field
                header = unique_columns([name.strip() or _column_letter(position)
                                         for position, name in enumerate(cells)])
                title = filled == 1
                continue
            title = False
            cells += [""] * (len(header) - len(cells))
            yield number, dict(zip(header, cells[:len(header)], strict=True))
    finally:
        book.close()
        handle.close()


_MERGE = re.compile(rb'<mergeCell ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')


_HYPERLINK = re.compile(rb"<(?:\w+:)?hyperlink\b([^>]*)>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
#: Fields whose cell shows a word ("Homepage", "E-Mail") where a link holds the value.
_LINK_FIELDS = frozenset({"website", "email", "social"})
_Merges = dict[int, list[tuple[int, int]]]
_Links = dict[int, dict[int, str]]


def _merges_and_links(path: Path, member: str) -> tuple[_Merges, _Links]:
    """What read-only sheets do not give, from one streamed pass over the sheet's XML (not
    held): cells merged down several rows of one column (a company's name beside each of its
    contacts' rows), {column index: [(first row, last row), ...]}; and the cells' web and
    mail links, {row: {column index: target}}."""
    if not member:
        return {}, {}
    spans: set[tuple[bytes, ...]] = set()
    found: list[dict[bytes, bytes]] = []
    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open(member) as xml:
                tail = b""
                while chunk := xml.read(1 << 20):
                    text = tail + chunk
                    spans.update(match.groups() for match in _MERGE.finditer(text))
                    found += [dict(_ATTRIBUTE.findall(match[1]))
                              for match in _HYPERLINK.finditer(text)]
                    tail = text[-1000:]  # a mark cut by the chunk is read whole next time
            targets = _link_targets(archive, member) if found else {}
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}, {}
    return _row_merges(spans), _hyperlinks(found, targets)


def _row_merges(spans: set[tuple[bytes, ...]]) -> _Merges:
    """The merged cells that span several rows of one column, by column."""
    from openpyxl.utils import column_index_from_string

    merges: _Merges = {}
    for first_column, first, last_column, last in spans:
        if first_column == last_column and int(last) > int(first):
            column = column_index_from_string(first_column.decode()) - 1
            merges.setdefault(column, []).append((int(first), int(last)))
    for column_spans in merges.values():
        column_spans.sort()
    return merges


def _link_targets(archive: zipfile.ZipFile, member: str) -> dict[bytes | None, bytes]:
    """The sheet's relationships: id -> target (a link's URL); none without the file."""
    folder, _, name = member.rpartition("/")
    try:
        with archive.open(f"{folder}/_rels/{name}.rels") as xml:
            return {attributes.get(b"Id"): attributes.get(b"Target", b"")
                    for match in _RELATIONSHIP.finditer(xml.read())
                    if (attributes := dict(_ATTRIBUTE.findall(match[1])))}
    except KeyError:
        return {}


def _hyperlinks(found: list[dict[bytes, bytes]], targets: dict[bytes | None, bytes]) -> _Links:
    """The cells' link targets, by row and column."""
    from html import unescape

    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    links: _Links = {}
    for attributes in found:
        target = targets.get(attributes.get(b"r:id"))
        ref = attributes.get(b"ref", b"").decode().split(":")[0]
        if not target or not ref:
            continue
        try:
            letters, row = coordinate_from_string(ref)
        except ValueError:
            continue
        links.setdefault(row, {})[column_index_from_string(letters) - 1] = unescape(
            target.decode())
    return links


def _linked_cells(cells: list[str], links: dict[int, str] | None, header: list[str],
                  linked: dict[int, bool]) -> None:
    """A website, e-mail or social cell that shows a word ("Homepage") and links to the
    value: the link's target instead ("mailto:" left out)."""
    from leadgen.columns import field_of_column

    for column, target in (links or {}).items():
        if column >= len(cells) or column >= len(header):
            continue
        if column not in linked:
            linked[column] = field_of_column(header[column]) in _LINK_FIELDS
        text = cells[column]
        if linked[column] and ("." not in text and "@" not in text):
            cells[column] = target.removeprefix("mailto:").split("?")[0]


def _fill_merged(cells: list[str], number: int, merges: dict[int, list[tuple[int, int]]],
                 tops: dict[int, str]) -> None:
    """Give row ``number``'s cells that are the lower part of a merged cell its text."""
    for column, spans in merges.items():
        for first, last in spans:
            if first <= number <= last:
                if number == first:
                    tops[column] = cells[column] if column < len(cells) else ""
                elif column < len(cells) and not cells[column]:
                    cells[column] = tops.get(column, "")
                elif column >= len(cells):
                    cells += [""] * (column - len(cells)) + [tops.get(column, "")]
                break


def cell_text(value: Any) -> str:
    """A cell's value as text: "" for an empty cell, 4930123456 for 4930123456.0."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _column_letter(position: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(position + 1)
