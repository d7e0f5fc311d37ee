"""Rows of a JSON or JSON Lines file, as the importer reads a CSV file's: dicts of text.

Exports of CRMs and other tools come as an array of objects (``[{...}, ...]``, or one wrapped
in an object: ``{"data": [...]}``) or as one object per line (``.jsonl``, ``.ndjson``). Nested
objects are flattened into dotted names (``address.city``); a list of plain values becomes
one value split by ";" (the importer's list separator); text is kept, numbers are written as
a person reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from leadgen.exceptions import InputError
from leadgen.workbook import cell_text

JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
#: Rows read ahead to learn the columns (objects need not all have the same keys).
_HEADER_ROWS = 1000


def is_json_file(path: Path) -> bool:
    return path.suffix.lower() in JSON_SUFFIXES


def json_rows(path: Path, encoding: str = "utf-8-sig", notes: list[str] | None = None,
              ) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number for JSON Lines, item number for an array, row) of each object, every
    row holding every column the first rows name (empty where an object lacks it). A field
    that first appears after them is no column (the import's mapping is made from the
    columns): ``notes`` gets a line naming it and where it appears first."""
    objects = _lines(path, encoding) if path.suffix.lower() != ".json" else _array(path, encoding)
    ahead: list[tuple[int, dict[str, str]]] = []
    error: InputError | None = None
    try:
        ahead.extend(islice(objects, _HEADER_ROWS))
    except InputError as exc:  # a broken line early on: the rows before it still count
        error = exc
    columns = list(dict.fromkeys(key for _, row in ahead for key in row))
    known = set(columns)
    for number, row in chain(ahead, () if error else objects):
        if notes is not None and not known.issuperset(row):
            for key in row:
                if key not in known:
                    known.add(key)
                    notes.append(f"{path.name}:{number}: field {key!r} first appears here, "
                                 f"after the first {_HEADER_ROWS:,} objects the columns are "
                                 "read from: it is not imported")
        yield number, {**dict.fromkeys(columns, ""), **row}
    if error is not None:
        raise error


def _lines(path: Path, encoding: str) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding=encoding) as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, _row(_parse(line, path, number), path, number)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not {encoding} text ({exc.reason}); JSON files are "
                         "UTF-8") from exc


def _array(path: Path, encoding: str) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        data = _parse(path.read_text(encoding=encoding), path, None)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not {encoding} text ({exc.reason}); JSON files are "
                         "UTF-8") from exc
    if isinstance(data, dict):  # {"data": [...]}, {"results": [...]}: the one list in it
        # of objects ({"companies": [...], "errors": []} has one too)
        lists = [value for value in data.values() if isinstance(value, list) and value and all(
            isinstance(item, dict) for item in value)]
        data = lists[0] if len(lists) == 1 else [data]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected an array of objects, found {type(data).__name__}")
    for number, item in enumerate(data, start=1):
        yield number, _row(item, path, number)


def _parse(text: str, path: Path, number: int | None) -> Any:
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        line = number if number is not None else exc.lineno
        raise InputError(f"{path}:{line}: not JSON ({exc.msg})") from exc
    except RecursionError as exc:  # [[[[...]]]]: a hostile or broken file
        where = f"{path}:{number}" if number is not None else str(path)
        raise InputError(f"{where}: JSON nested too deeply to read") from exc


def _integer(text: str) -> int | str:
    """A JSON integer, or its text where Python refuses to read it (over 4,300 digits)."""
    try:
        return int(text)
    except ValueError:
        return text


def _row(item: Any, path: Path, number: int) -> dict[str, str]:
    if not isinstance(item, dict):
        raise InputError(f"{path}:{number}: expected an object, found {type(item).__name__}")
    row: dict[str, str] = {}
    try:
        _flatten(item, "", row)
    except ValueError as exc:
        raise InputError(f"{path}:{number}: {exc}") from exc
    return row


#: Deeper objects than this are no lead's fields.
_MAX_DEPTH = 10


def _objects_as_texts(items: list[Any]) -> list[str] | None:
    """A list of objects as the cells a spreadsheet gives for them, when each is a value with
    what is said of it (leadgen's own export: {"value": "+49...", "status": ...}) or a person
    ({"name": "Eva Weber", "title": "Einkauf", "email": ...} as "Eva Weber (Einkauf)
    <e.weber@acme.de>"; schema.org's Person names its title "jobTitle"); None for other
    lists."""
    texts: list[str] = []
    for part in items:
        if not isinstance(part, dict):
            return None
        if isinstance(value := part.get("value"), str | int | float):
            extension = part.get("extension")
            texts.append(f"{value} ext. {extension}" if extension else cell_text(value))
        elif isinstance(person := part.get("name"), str) and person.strip():
            title, email = part.get("title") or part.get("jobTitle"), part.get("email")
            text = f"{person} ({title})" if isinstance(title, str) and title else person
            texts.append(f"{text} <{email}>" if isinstance(email, str) and email else text)
        else:
            return None
    return texts


#: What a contact point (schema.org's ContactPoint) says that a lead takes.
_CONTACT_POINT_KEYS = frozenset({"telephone", "email", "faxNumber"})


def _contact_points(items: list[Any]) -> dict[str, list[str]] | None:
    """A list of contact points ({"contactType": "sales", "telephone": ..., "email": ...}) as
    one column of values per key ("contactPoint.telephone": "+49 30 1; +49 30 2"), or None
    for other lists."""
    if not all(isinstance(part, dict) and _CONTACT_POINT_KEYS & part.keys() for part in items):
        return None
    columns: dict[str, list[str]] = {}
    for part in items:
        for key, value in part.items():
            if isinstance(value, str | int) and (text := cell_text(value)):
                columns.setdefault(key, []).append(text)
    return columns


def _flatten(value: dict[str, Any], prefix: str, row: dict[str, str], depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        raise ValueError(f"objects nested more than {_MAX_DEPTH} levels deep")
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            _flatten(item, f"{name}.", row, depth + 1)
        elif isinstance(item, list):
            if all(not isinstance(part, dict | list) for part in item):
                row[name] = "; ".join(cell_text(part) for part in item if part is not None)
            elif (texts := _objects_as_texts(item)) is not None:
                row[name] = "; ".join(texts)
            elif (columns := _contact_points(item)) is not None:
                for key, values in columns.items():
                    row[f"{name}.{key}"] = "; ".join(values)
            else:
                try:
                    row[name] = json.dumps(item, ensure_ascii=False)
                except RecursionError as exc:
                    raise ValueError(f"{name}: nested too deeply") from exc
        else:
            row[name] = cell_text(item)
