"""Per-field survivorship: which record's value a company shows, and why.

Fields travel in groups that must come from one record (a website with its domain, an address
with its parts). ``companies.field_sources`` records, per group, the record that won and its rank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from leadgen.items import NormalizedLead
from leadgen.matching.rules import Survivorship
from leadgen.normalize.address import AddressParts, address_parts, city_key, po_box, street_key
from leadgen.normalize.email import is_free_mail
from leadgen.normalize.lead import social_links
from leadgen.normalize.phone import dials_through, kind_of_e164, note_kind
from leadgen.normalize.text import contract_umlauts

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


def candidate_values(lead: NormalizedLead, parts: AddressParts | None = None,
                     ) -> dict[str, dict[str, Any]]:
    """Per field group, the values this record offers (groups it has nothing for are left out).
    ``parts``: the lead's :func:`address_parts`, when the caller has them."""
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
        # a person's address at the company over its role address, and either over a
        # free-mail address (a sales rep's own gmail in a CRM's e-mail column)
        email = min(lead.emails, key=lambda e: (e.free_mail, e.role)).address
        if email:
            values["email"] = {"email": email}
    if lead.phones:
        # the record's first number, its first landline before a mobile ("Mobil 0171 …,
        # Tel. 089 …")
        phone = next((phone for phone in lead.phones if phone.kind != "mobile"),
                     lead.phones[0])
        if phone.e164:
            values["phone"] = {"phone": phone.e164}
            note_kind(phone.e164, phone.kind)  # what the "landline" rule ranks it by
    if parts is None:
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
    # The e-mail's, the address's and the phone's (the rules' own): as _rank would rank
    if incremental == ("company_mail", "trust", "complete", "recent"):
        return lambda trust, at, values: [_company_mail(values), trust,
                                          sum(map(bool, values.values())), at]
    if incremental == ("trust", "street", "complete", "recent"):
        return lambda trust, at, values: [trust, _street_address(values),
                                          sum(map(bool, values.values())), at]
    if incremental == ("landline", "trust", "complete", "recent"):
        return lambda trust, at, values: [_landline(values), trust,
                                          sum(map(bool, values.values())), at]
    if incremental == ("landline", "switchboard", "trust", "complete", "recent"):
        # ("switchboard" is ranked against the company's number in apply_record)
        return lambda trust, at, values: [_landline(values), 1, trust,
                                          sum(map(bool, values.values())), at]
    return lambda trust, at, values: _rank(policy, trust, at, values)


def well_cased(values: dict[str, Any]) -> int:
    """How well the group's display name is written (see :func:`well_written`)."""
    return well_written(values.get("display_name") or "")


def well_written(name: str) -> int:
    """How well a name is written: 0 in capitals or small letters only
    ("ACME VERPACKUNG", "acme verpackung": a list that shouts loses to one that writes the
    name as the company does), 2 with the accents of its letters ("Pruję Szyję", "Müller",
    over a list's "Pruje Szyje", "Muller"), else 1. A short acronym ("IBM", "BASF SE") is no
    shouting; names without case (Chinese) are well cased."""
    if name.isupper():
        return 0 if max(map(len, name.split()), default=0) > 4 else 1
    if name.islower():
        return 0
    if name.isascii():
        return 1
    return 2 if _ACCENTED.search(name) else 1


#: A Latin letter with an accent (or another of Latin-1 Supplement to Latin Extended-B).
_ACCENTED = re.compile("[\u00c0-\u024f]")


def _rank(policy: tuple[str, ...] | list[str], trust: int, at: str, values: dict[str, Any],
          count: int | None = None, direct_lines: frozenset[str] = frozenset()) -> list[Any]:
    """Sort key of an offer; without ``count`` "frequent" is skipped (incremental merges);
    ``direct_lines``: the numbers that dial through another offer's number (see
    :func:`~leadgen.normalize.phone.dials_through`)."""
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
        elif rule == "company_mail":
            rank.append(_company_mail(values))
        elif rule == "street":
            rank.append(_street_address(values))
        elif rule == "landline":
            rank.append(_landline(values))
        elif rule == "switchboard":
            rank.append(0 if values.get("phone") in direct_lines else 1)
    return rank


def _company_mail(values: dict[str, Any]) -> int:
    """1 for an address at a domain of its own, 0 for a free-mail one (someone's gmail)."""
    email = values.get("email") or ""
    return 0 if is_free_mail(email.rpartition("@")[2]) else 1


def _landline(values: dict[str, Any]) -> int:
    """0 for a mobile number (an employee's own), else 1: a switchboard, a toll-free line."""
    phone = values.get("phone")
    return 0 if phone and kind_of_e164(phone) == "mobile" else 1


@lru_cache(maxsize=64)
def _switchboard_at(policy: tuple[str, ...]) -> int | None:
    """Where an incremental rank holds the "switchboard" rule, or None."""
    incremental = [rule for rule in policy if rule != "frequent"]
    return incremental.index("switchboard") if "switchboard" in incremental else None


def _street_address(values: dict[str, Any]) -> int:
    """1 for an address with a street, 0 for one without or with a post-office box."""
    street = values.get("street")
    return 1 if street and not po_box(street) else 0


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
        if current is None:  # the group's first offer (a new company's every group): it wins
            state.update(values)
            field_sources[group] = {"record": record_id, "source": source_id, "rank": rank}
            continue
        held = current.get("rank") or []
        if group == "phone" and held and (at_rule := _switchboard_at(
                tuple(rules.policy(group)))) is not None and len(held) == len(rank):
            # a company's direct line and its switchboard: the switchboard is its number
            mine, theirs = values.get("phone") or "", state.get("phone") or ""
            if dials_through(mine, theirs):
                rank[at_rule] = 0
            elif dials_through(theirs, mine):
                held = [*held[:at_rule], 0, *held[at_rule + 1:]]
        if (_outranks(rank, held, rules, group)
                or not any(state.get(column) for column in FIELD_GROUPS[group])):
            before = ({column: state.get(column) for column in FIELD_GROUPS[group]}
                      if group in GAP_COLUMNS or group in rules.respell else None)
            state.update(values)
            field_sources[group] = {"record": record_id, "source": source_id, "rank": rank}
            if before is not None:
                if group in GAP_COLUMNS:
                    _fill_gaps(group, state, field_sources[group], before, current)
                if group in rules.respell:
                    _respell(group, state, field_sources[group], before, current)
        else:
            offered = {"record": record_id, "source": source_id}
            if group in GAP_COLUMNS:
                _fill_gaps(group, state, current, values, offered)
            if group in rules.respell:
                _respell(group, state, current, values, offered)


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


#: Columns of a group that a record giving the same value better written spells (see
#: ``survivorship.respell`` in the rules): "Hoffmann Elektronik" for a customer list's
#: "HOFFMANN ELEKTRONIK", "Zeil 10, Frankfurt am Main" for its "ZEIL 10, FRANKFURT AM MAIN".
SPELLING_COLUMNS: dict[str, tuple[str, ...]] = {"display_name": ("display_name", "legal_form"),
                                                "address": ("street", "city")}


def _spelling(group: str, values: dict[str, Any]) -> int:
    if group == "display_name":
        return well_cased(values)
    # not in capitals in any part first, then accents in more parts
    written = [well_written(values[column]) for column in SPELLING_COLUMNS[group]
               if values.get(column)]
    return min(written, default=0) * 10 + sum(written)


def _same_value(group: str, state: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether ``other`` gives the value ``state`` shows, maybe written otherwise: one name
    key; one street and town (and postal code where both give one)."""
    if group == "display_name":
        return bool(state.get("name_key")) and state["name_key"] == other.get("name_key")
    if not (state.get("street") and other.get("street")) or (
            _town(state.get("city")) != _town(other.get("city")) or not state.get("city")):
        return False
    if state.get("country") and other.get("country") and state["country"] != other["country"]:
        return False
    return street_key(state["street"]) == street_key(other["street"]) and (
        not (state.get("postal_code") and other.get("postal_code"))
        or state["postal_code"] == other["postal_code"])


def _town(city: str | None) -> str | None:
    """A town's key with umlauts written out or not alike (MUENCHEN, München; Zuerich,
    Zürich: a list without umlauts writes the town)."""
    key = city_key(city)
    return key and contract_umlauts(key)


def _respell(group: str, state: dict[str, Any], source: dict[str, Any],
             other: dict[str, Any], other_source: dict[str, Any]) -> None:
    """Write the value ``state`` shows as ``other`` writes it when ``other`` gives the same
    value better written (not in capitals only, with its accents): the winning record
    decides which value, the best-written record how it reads. ``source["spelled"]`` names
    that record (by ``other_source``, the losing record's or the replaced values' field
    sources)."""
    columns = SPELLING_COLUMNS[group]
    if all(other.get(column) == state.get(column) for column in columns):
        return  # written alike: no better (the spelling reads these columns only)
    if not _same_value(group, state, other) or _spelling(group, other) <= _spelling(group, state):
        return
    for column in columns:
        mine, theirs = state.get(column), other.get(column)
        if theirs and (column != "legal_form" or (mine or "").casefold() == theirs.casefold()):
            state[column] = theirs
    source["spelled"] = dict(other_source.get("spelled") or {
        "record": other_source.get("record"), "source": other_source.get("source")})


def _trust_at(rules: Survivorship, group: str) -> int:
    """Where a group's rank holds the source's trust (first, unless a rule comes before it:
    "company_mail" for the e-mail)."""
    policy = [rule for rule in rules.policy(group) if rule != "frequent"]
    return policy.index("trust") if "trust" in policy else 0


def _outranks(rank: list[Any], current: list[Any], rules: Survivorship, group: str) -> bool:
    """Whether an offer ranked ``rank`` beats the stored value ranked ``current``. A rank
    stored under other rules (before an upgrade added a rule; the rules before began with
    trust) is compared by trust alone, a tie going to the newer record, as "recent" would."""
    if len(rank) == len(current):
        return rank > current
    return not current or rank[_trust_at(rules, group)] >= current[0]


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
        numbers = {vals.get("phone") or "" for *_, vals in offers} if (
            "switchboard" in policy) else set()
        direct = frozenset(number for number in numbers if any(
            dials_through(number, other) for other in numbers))
        ranked = sorted(
            offers,
            key=lambda o: (
                _rank(policy, o[2], o[3], o[4], counts[repr(sorted(o[4].items()))], direct),
                -o[0]
            ),
            reverse=True,
        )
        best = ranked[0]
        state.update(best[4])
        rank = _rank(policy, best[2], best[3], best[4], direct_lines=direct)
        sources[group] = {"record": best[0], "source": best[1], "rank": rank}
        for other in ranked[1:] if group in GAP_COLUMNS else ():
            _fill_gaps(group, state, sources[group], other[4],
                       {"record": other[0], "source": other[1]})
        for other in ranked[1:] if group in rules.respell else ():
            _respell(group, state, sources[group], other[4],
                     {"record": other[0], "source": other[1]})
    return state, sources
