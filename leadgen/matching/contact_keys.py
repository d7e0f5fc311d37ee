"""Contact persons keyed again by today's :func:`leadgen.normalize.person.person_key`.

A person contact is stored under its key (``contacts.value``), so that one person named by a
list, an exhibitor page and the company's website is one contact. Contacts stored before the
key learned a spelling ("Herr Dr. Hans Müller" and "Müller, Hans" once were two keys) or by an
earlier version keep their old key, and a later import naming the same person added them once
more. ``leadgen dedupe`` calls :func:`rekey_persons`: each person contact gets the key its name
gives now, and contacts of one company that turn out to be one person become one, keeping what
each knew (a title, a decision maker, details, a check result).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import Connection

from leadgen.normalize.person import person_key, person_name
from leadgen.storage.tables import CONTACTS

_COLUMNS = (CONTACTS.c.id, CONTACTS.c.company_id, CONTACTS.c.value, CONTACTS.c.person_name,
            CONTACTS.c.title, CONTACTS.c.decision_maker, CONTACTS.c.status,
            CONTACTS.c.status_reason, CONTACTS.c.details, CONTACTS.c.source_url,
            CONTACTS.c.found_at, CONTACTS.c.checked_at)
#: Columns a kept contact takes from one merged into it when it has no value of its own.
_FILLED = ("title", "source_url")
#: A check's result: taken whole, from the kept contact or else the first merged one checked.
_CHECK = ("status", "status_reason", "checked_at")


def rekey_persons(connection: Connection) -> int:
    """Give every person contact its current key and display name, and merge those of one
    company that share the key; returns the number of contacts changed or merged away. Runs
    in ``connection``'s transaction."""
    by_person: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for row in connection.execute(select(*_COLUMNS).where(CONTACTS.c.kind == "person")
                                  .order_by(CONTACTS.c.id)):
        contact = dict(row._mapping)
        key = person_key(contact["person_name"] or contact["value"])[:500]
        by_person[(contact["company_id"], key)].append(contact)
    updates: list[dict[str, Any]] = []
    merged_away: list[int] = []
    for (_, key), contacts in by_person.items():
        if (len(contacts) == 1 and contacts[0]["value"] == key
                and contacts[0]["person_name"] == _display(contacts[0])):
            continue
        kept = next((c for c in contacts if c["value"] == key), contacts[0])
        others = [c for c in contacts if c is not kept]
        updates.append({"contact_id": kept["id"], "new_value": key, **_merged(kept, others)})
        merged_away += [c["id"] for c in others]
    # Merged-away contacts go first, and kept ones pass through a key of their own: the key
    # a contact takes may be held until then by another (of one person, or keyed anew too).
    for start in range(0, len(merged_away), 500):
        connection.execute(delete(CONTACTS).where(
            CONTACTS.c.id.in_(merged_away[start:start + 500])))
    if updates:
        statement = update(CONTACTS).where(CONTACTS.c.id == bindparam("contact_id"))
        passing = [{"contact_id": row["contact_id"], "passing": f"(rekeying {row['contact_id']})"}
                   for row in updates]
        connection.execute(statement.values(value=bindparam("passing")), passing)
        connection.execute(statement.values(
            value=bindparam("new_value"),
            **{name: bindparam(f"new_{name}") for name in (*_FILLED, *_CHECK, "person_name",
                                                           "decision_maker", "details",
                                                           "found_at")}), updates)
    return len(updates) + len(merged_away)


def _merged(kept: dict[str, Any], others: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The kept contact's columns with what the others add (as ``new_<column>`` parameters):
    empty columns filled in order of the contacts' ids, details joined (the kept contact's
    win), a decision maker if any of them is, found when the first was."""
    others = list(others)
    values = {name: kept[name] for name in _FILLED}
    values["person_name"] = _display(kept)
    checked = next((c for c in (kept, *others) if c["status"] is not None), kept)
    values.update({name: checked[name] for name in _CHECK})
    details = dict(kept["details"] or {})
    for other in others:
        for name in _FILLED:
            if values[name] is None and other[name] is not None:
                values[name] = other[name]
        for name, value in (other["details"] or {}).items():
            details.setdefault(name, value)
    found = [c["found_at"] for c in (kept, *others) if c["found_at"] is not None]
    return {**{f"new_{name}": value for name, value in values.items()},
            "new_decision_maker": any(c["decision_maker"] for c in (kept, *others)),
            "new_details": details, "new_found_at": min(found) if found else None}


def _display(contact: dict[str, Any]) -> str:
    """The name a contact is shown by, as the ingest stores it today."""
    return person_name(contact["person_name"] or contact["value"])[:200]
