"""Per-field survivorship: which record's value a company shows, and why.

Fields travel in groups that must come from one record (a website with its domain, an address
with its parts). ``companies.field_sources`` records, per group, the record that won and its rank.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from leadgen.items import NormalizedLead
from leadgen.matching.rules import Survivorship
from leadgen.normalize.address import address_parts, city_key, street_key
from leadgen.normalize.lead import social_links

#: group -> the company columns it sets
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "display_name": ("display_name", "name_key", "legal_form"),
    "legal_name": ("legal_name",),
    "website": ("website", "registered_domain"),
    "email": ("email",),
    "phone": ("phone",),
    "address": ("street", "city", "region", "postal_code", "country"),
    "description": ("description",),
    "size": ("size",),
    "categories": ("categories",),
    "social": ("social",),
}
COMPANY_COLUMNS = tuple(column for group in FIELD_GROUPS.values() for column in group)


def candidate_values(lead: NormalizedLead) -> dict[str, dict[str, Any]]:
    """Per field group, the values this record offers (groups it has nothing for are left out)."""
    raw = lead.lead
    values: dict[str, dict[str, Any]] = {}
    display_name = lead.display_name[:300]
    name_key = lead.name_key[:300]
    legal_form = (lead.legal_form or None) and lead.legal_form[:60]  # type: ignore[index]
    if display_name or name_key or legal_form:
        values["display_name"] = {"display_name": display_name, "name_key": name_key,
                                  "legal_form": legal_form}
    if raw.legal_name:
        values["legal_name"] = {"legal_name": raw.legal_name[:300]}
    if lead.website or lead.registered_domain:
        values["website"] = {"website": lead.website and lead.website[:500],
                             "registered_domain": lead.registered_domain}
    if lead.emails:
        email = next((e.address for e in lead.emails if not e.role), lead.emails[0].address)
        if email:
            values["email"] = {"email": email}
    if lead.phones and lead.phones[0].e164:
        values["phone"] = {"phone": lead.phones[0].e164}
    parts = address_parts(raw.address)  # a one-line address read into its parts
    street = parts.street[:300] if parts.street else None
    city = parts.city[:120] if parts.city else None
    region = parts.region[:120] if parts.region else None
    postal_code = lead.postal_code[:20] if lead.postal_code else None
    if street or city or region or postal_code or lead.country:
        values["address"] = {"street": street, "city": city, "region": region,
                             "postal_code": postal_code, "country": lead.country}
    if raw.description:
        values["description"] = {"description": raw.description}
    # The model's __dict__ holds its fields; iterating the model itself is four times slower.
    size = {name: value for name, value in vars(raw.size).items() if value is not None}
    if size:
        values["size"] = {"size": size}
    if raw.categories:
        values["categories"] = {"categories": list(raw.categories)}
    if social := social_links(lead):
        values["social"] = {"social": social}
    return values


#: (trust, record time, the group's values) -> the offer's rank; None for a "union" group
Ranker = Callable[[int, str, dict[str, Any]], list[Any]] | None
_POLICIES: dict[int, tuple[Survivorship, dict[str, Ranker]]] = {}


def _rankers(rules: Survivorship) -> dict[str, Ranker]:
    """Each field group's ranker, built once per rules object (merges run per record)."""
    cached = _POLICIES.get(id(rules))
    if cached is None or cached[0] is not rules:
        if len(_POLICIES) > 32:
            _POLICIES.clear()
        cached = (rules, {group: _ranker(tuple(rules.policy(group))) for group in FIELD_GROUPS})
        _POLICIES[id(rules)] = cached  # holding ``rules`` keeps its id unique
    return cached[1]


def _ranker(policy: tuple[str, ...]) -> Ranker:
    if "union" in policy:
        return None
    incremental = tuple(rule for rule in policy if rule != "frequent")
    if incremental == ("trust", "complete", "recent"):
        # The default policy, spelled out: it ranks every group of every record.
        return lambda trust, at, values: [trust, sum(map(bool, values.values())), at]
    if incremental == ("trust", "cased", "complete", "recent"):  # the display name's
        return lambda trust, at, values: [trust, well_cased(values),
                                          sum(map(bool, values.values())), at]
    return lambda trust, at, values: _rank(policy, trust, at, values)


def well_cased(values: dict[str, Any]) -> int:
    """How well the group's display name is written: 0 in capitals or small letters only
    ("ACME VERPACKUNG", "acme verpackung": a list that shouts loses to one that writes the
    name as the company does), 2 with the accents of its letters ("Pruję Szyję", "Müller",
    over a list's "Pruje Szyje", "Muller"), else 1. A short acronym ("IBM", "BASF SE") is no
    shouting; names without case (Chinese) are well cased."""
    name = values.get("display_name") or ""
    if name.isupper():
        return 0 if any(len(word) > 4 for word in name.split()) else 1
    if name.islower():
        return 0
    if name.isascii():
        return 1
    return 2 if any("\u00c0" <= char <= "\u024f" for char in name) else 1


def _rank(policy: tuple[str, ...] | list[str], trust: int, at: str, values: dict[str, Any],
          count: int | None = None) -> list[Any]:
    """Sort key of an offer; without ``count`` "frequent" is skipped (incremental merges)."""
    rank: list[Any] = []
    for rule in policy:
        if rule == "trust":
            rank.append(trust)
        elif rule == "complete":
            rank.append(sum(1 for value in values.values() if value))
        elif rule == "recent":
            rank.append(at)
        elif rule == "cased":
            rank.append(well_cased(values))
        elif rule == "frequent" and count is not None:
            rank.append(count)
    return rank


def apply_record(
    state: dict[str, Any],
    field_sources: dict[str, Any],
    candidates: dict[str, dict[str, Any]],
    *,
    record_id: int,
    source_id: str,
    trust: int,
    at: str,
    rules: Survivorship,
) -> None:
    """Fold one record's values into a company's ``state`` per the survivorship policy.

    Incremental: "frequent" counts only in the batch recompute of ``leadgen dedupe``.
    """
    rankers = _rankers(rules)
    first = not field_sources  # a new company's first record: every value it offers wins
    for group, values in candidates.items():
        ranker = rankers[group]
        if ranker is None:  # union
            for column, value in values.items():
                merged = list(state.get(column) or [])
                merged.extend(v for v in value or [] if v not in merged)
                state[column] = merged
            field_sources[group] = {"record": record_id, "source": source_id, "rule": "union"}
            continue
        rank = ranker(trust, at, values)
        current = field_sources.get(group)
        if (first or current is None or _outranks(rank, current.get("rank") or [])
                or not any(state.get(column) for column in FIELD_GROUPS[group])):
            before = ({column: state.get(column) for column in FIELD_GROUPS[group]}
                      if current is not None and group in GAP_COLUMNS else None)
            state.update(values)
            field_sources[group] = {"record": record_id, "source": source_id, "rank": rank}
            if before is not None and current is not None:
                _fill_gaps(group, state, field_sources[group], before, current)
        elif group in GAP_COLUMNS:
            _fill_gaps(group, state, current, values, {"record": record_id, "source": source_id})


#: Columns of a group that a record at the same place gives where the winning record leaves
#: them out: a newer list with the street, town and state but no postal code keeps the
#: postal code an older one gave ("filled" in the group's field sources names its record).
GAP_COLUMNS: dict[str, tuple[str, ...]] = {"address": ("postal_code", "region")}


def _same_place(state: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether two addresses are one place: one town, one country where both give one, and
    one street where both give one."""
    if not state.get("city") or city_key(state["city"]) != city_key(other.get("city")):
        return False
    if state.get("country") and other.get("country") and state["country"] != other["country"]:
        return False
    return not (state.get("street") and other.get("street")) or (
        street_key(state["street"]) == street_key(other["street"]))


def _filler_of(source: dict[str, Any], column: str) -> dict[str, Any]:
    """The record a group's column came from, by the group's field sources: the one that
    filled it, else the winner."""
    if column in (filled := source.get("filled") or {}):
        return dict(filled[column])
    return {"record": source.get("record"), "source": source.get("source")}


def _fill_gaps(group: str, state: dict[str, Any], source: dict[str, Any],
               other: dict[str, Any], other_source: dict[str, Any]) -> None:
    """Fill the :data:`GAP_COLUMNS` the winning values in ``state`` leave empty from
    ``other`` (a losing record's values, or those the winner replaced) at the same place,
    noting in ``source["filled"]`` the record each came from (by ``other_source``, the
    losing record's or the replaced values' field sources)."""
    gaps = [column for column in GAP_COLUMNS[group] if not state.get(column) and other.get(column)]
    if not gaps or not _same_place(state, other):
        return
    filled = dict(source.get("filled") or {})
    for column in gaps:
        state[column] = other[column]
        filled[column] = _filler_of(other_source, column)
    source["filled"] = filled


def _outranks(rank: list[Any], current: list[Any]) -> bool:
    """Whether an offer ranked ``rank`` beats the stored value ranked ``current``. A rank
    stored under other rules (before an upgrade added a rule) is compared by trust alone, a
    tie going to the newer record, as "recent" would."""
    if len(rank) == len(current):
        return rank > current
    return not current or rank[0] >= current[0]


#: What one record offers :func:`recompute`: record id, source id, trust, time (ISO), values
#: per field group.
Offer = tuple[int, str, int, str, dict[str, dict[str, Any]]]


def offer_of(record_id: int, source_id: str, trust: int, lead: NormalizedLead) -> Offer:
    """A stored record's :data:`Offer`, from the record normalized again."""
    return (record_id, source_id, trust, lead.lead.source.fetched_at.isoformat(),
            candidate_values(lead))


def recompute(
    records: list[Offer],
    rules: Survivorship,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Company columns and field sources from all its records (id, source, trust, at, values).

    Batch version of :func:`apply_record` that honours "frequent" (most common value wins).
    """
    state: dict[str, Any] = {}
    sources: dict[str, Any] = {}
    for group, columns in FIELD_GROUPS.items():
        offers = [(rid, sid, trust, at, vals[group]) for rid, sid, trust, at, vals in records
                  if group in vals]
        if not offers:
            continue
        policy = rules.policy(group)
        if "union" in policy:
            for column in columns:
                merged: list[Any] = []
                for *_, vals in offers:
                    merged.extend(v for v in vals.get(column) or [] if v not in merged)
                state[column] = merged
            sources[group] = {"records": [o[0] for o in offers], "rule": "union"}
            continue
        counts: dict[str, int] = {}
        for *_, vals in offers:
            key = repr(sorted(vals.items()))
            counts[key] = counts.get(key, 0) + 1
        ranked = sorted(
            offers,
            key=lambda o: (
                _rank(policy, o[2], o[3], o[4], counts[repr(sorted(o[4].items()))]), -o[0]
            ),
            reverse=True,
        )
        best = ranked[0]
        state.update(best[4])
        rank = _rank(policy, best[2], best[3], best[4])
        sources[group] = {"record": best[0], "source": best[1], "rank": rank}
        for other in ranked[1:] if group in GAP_COLUMNS else ():
            _fill_gaps(group, state, sources[group], other[4],
                       {"record": other[0], "source": other[1]})
    return state, sources
