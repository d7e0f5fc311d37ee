"""Rows of an Excel workbook (.xlsx), as the importer reads a CSV file's: dicts of text.

Purchased lists and trade-show contact lists mostly arrive as workbooks. The sheet is streamed
(openpyxl's read-only mode), so a million-row sheet is not held in memory. Cells become the
text a person sees for plain values: a whole number stored as a float is written without
".0" (a phone number typed as a number), a date as ISO text.
"""

from __future__ import annotations

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

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
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
        header: list[str] | None = None
        title = False  # the header so far is one cell: perhaps a title above the real one
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            filled = sum(1 for cell in cells if cell)
            if not filled:
                continue
            if header is None or (title and filled > 1):
                header = unique_columns([name.strip() or _column_letter(position)
                                         for position, name in enumerate(cells)])
                title = filled == 1
                continue
            title = False
            cells += [""] * (len(header) - len(cells))
            yield number, dict(zip(header, cells[:len(header)], strict=True))
    finally:
        book.close()


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
