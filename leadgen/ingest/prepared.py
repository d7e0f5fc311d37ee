"""What the ingestor needs of one normalized lead, computed without touching the database.

Preparing a lead (its JSON text and content hash, matching profile, blocking keys, survivorship
values and contact rows) depends on the lead and the rules only, so it can run in worker
processes while the ingesting process matches and writes (see :mod:`leadgen.ingest.parallel`).
A prepared lead is plain data and is consumed once by the ingestor. Between processes it
travels in the wire form of :func:`pack` (marshal: plain tuples, no classes to rebuild), which
the receiving process loads several times faster than a pickle of the named tuples.
"""

from __future__ import annotations

import marshal
import pickle
from datetime import datetime
from typing import Any, NamedTuple

from leadgen.ingest.records import contact_tuples, record_key, serialize
from leadgen.ingest.survivorship import candidate_values
from leadgen.items import NormalizedLead
from leadgen.matching.profile import MatchProfile, key_list, profile_of
from leadgen.matching.rules import MatchingRules
from leadgen.normalize.address import address_parts


class PreparedLead(NamedTuple):
    source_id: str
    record_key: str
    record_id: str | None
    page_url: str
    fetched_at: datetime
    text: str
    """The lead as JSON text, stored verbatim in ``source_records.data``."""
    content_hash: str
    display_name: str
    name_key: str
    profile: MatchProfile
    keys: tuple[tuple[str, str], ...]
    """Blocking keys, strongest rule first, without repeats."""
    values: dict[str, dict[str, Any]]
    """Survivorship values per field group."""
    extra: dict[str, Any]
    contacts: list[tuple[Any, ...]]
    """Contacts rows (:func:`leadgen.ingest.records.contact_tuples`, details as JSON text); the
    ingestor adds their company and time."""


def prepare(lead: NormalizedLead, rules: MatchingRules) -> PreparedLead:
    raw = lead.lead
    source = raw.source
    text, digest = serialize(raw)
    parts = address_parts(raw.address)  # (the profile's street and the address offered)
    profile = profile_of(lead, rules, parts)
    return PreparedLead(
        source_id=source.source_id,
        record_key=record_key(raw),
        record_id=source.record_id and source.record_id[:500],
        page_url=source.page_url[:2000],
        fetched_at=source.fetched_at,
        text=text,
        content_hash=digest,
        display_name=lead.display_name[:300],
        name_key=lead.name_key[:300],
        profile=profile,
        keys=key_list(profile, rules),
        values=candidate_values(lead, parts),
        extra=raw.extra,
        contacts=contact_tuples(lead, details_json=True),
    )


#: First byte of a packed chunk: how the rest is encoded.
_MARSHAL, _PICKLE = b"m", b"p"


def to_wire(item: PreparedLead) -> tuple[Any, ...]:
    """``item`` as plain data: the profile as a tuple, the fetch time as ISO text."""
    return (*item[:4], item.fetched_at.isoformat(), *item[5:9], tuple(item.profile),
            *item[10:])


def from_wire(data: tuple[Any, ...] | list[Any]) -> PreparedLead:
    """The prepared lead :func:`to_wire` gave."""
    return PreparedLead._make((*data[:4], datetime.fromisoformat(data[4]), *data[5:9],
                               MatchProfile(*data[9]), *data[10:]))


def pack(values: list[Any]) -> bytes:
    """A chunk of plain values (prepared leads in wire form among them) as bytes: marshal,
    or pickle when a value is of a type marshal cannot carry (a date in ``extra``, say)."""
    try:
        return _MARSHAL + marshal.dumps(values)
    except ValueError:
        return _PICKLE + pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes) -> Any:
    """The values :func:`pack` packed."""
    if data[:1] == _MARSHAL:
        return marshal.loads(memoryview(data)[1:])
    return pickle.loads(memoryview(data)[1:])
