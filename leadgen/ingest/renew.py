"""A company one of whose records came in a new version (a list imported again with other
values): its fields are recomputed from the newest version of each of its records, so a value
the source removed or replaced does not stay on from the version before."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from pydantic import ValidationError

from leadgen.ingest.survivorship import FIELD_GROUPS, Offer, offer_of, recompute
from leadgen.items import Lead
from leadgen.matching.rules import Survivorship
from leadgen.normalize import normalize_lead

#: The value of a list or mapping column no record offers any more (others become None).
EMPTY: dict[str, Any] = {"categories": [], "size": {}, "social": []}

R = TypeVar("R", bound=Sequence[Any])



def newest_versions(rows: Iterable[R]) -> list[R]:
    """The rows (id, source id, record key, ...) that are no older version of another row:
    per source and record key, the one with the highest id (ids grow as records come)."""
    newest: dict[tuple[str, str], R] = {}
    for row in rows:
        kept = newest.get((row[1], row[2]))
        if kept is None or row[0] > kept[0]:
            newest[(row[1], row[2])] = row
    return sorted(newest.values(), key=lambda row: row[0])


def stored_offers(rows: Iterable[Sequence[Any]], trust_of: Callable[[str], int]) -> list[Offer]:
    """Offers of stored records (id, source id, record key, data), read and normalized again
    (an unreadable one is left out)."""
    offers: list[Offer] = []
    for record_id, source_id, _, data in rows:
        try:
            lead = normalize_lead(Lead.model_validate(data))
        except ValidationError:
            continue
        offers.append(offer_of(record_id, source_id, trust_of(source_id), lead))
    return offers


def renew_fields(row: dict[str, Any], offers: list[Offer], rules: Survivorship) -> None:
    """Set a company row's fields and ``field_sources`` from ``offers`` (those of its current
    records). A field no offer gives keeps its value unless it came from a record that is
    no longer current (an older version): then it is emptied."""
    state, sources = recompute(offers, rules)
    current = {offer[0] for offer in offers}
    field_sources = row["field_sources"]
    for group, columns in FIELD_GROUPS.items():
        if group in sources:
            row.update({column: state.get(column, EMPTY.get(column)) for column in columns})
            field_sources[group] = sources[group]
            continue
        source = field_sources.get(group)
        if source and set(source.get("records") or [source.get("record")]) - current:
            row.update({column: EMPTY.get(column) for column in columns})
            del field_sources[group]
