"""Per-field survivorship: which record's value a company shows, and why.

Fields travel in groups that must come from one record (a website with its domain, an address
with its parts). ``companies.field_sources`` records, per group, the record that won and its rank.
"""

from __future__ import annotations

from typing import Any

from leadgen.items import NormalizedLead
from leadgen.matching.rules import Survivorship

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
_SIZE_FIELDS = ("employees", "employees_band", "revenue_band", "founded_year", "membership_tier",
                "booth_size")


def candidate_values(lead: NormalizedLead) -> dict[str, dict[str, Any]]:
    """Per field group, the values this record offers (groups it has nothing for are left out)."""
    raw = lead.lead
    address = raw.address
    email = next((e.address for e in lead.emails if not e.role), None) or (
        lead.emails[0].address if lead.emails else None
    )
    size = {name: value for name in _SIZE_FIELDS
            if (value := getattr(raw.size, name)) is not None}
    values: dict[str, dict[str, Any]] = {
        "display_name": {
            "display_name": lead.display_name[:300],
            "name_key": lead.name_key[:300],
            "legal_form": (lead.legal_form or None) and lead.legal_form[:60],  # type: ignore[index]
        },
        "legal_name": {"legal_name": raw.legal_name[:300] if raw.legal_name else None},
        "website": {"website": lead.website and lead.website[:500],
                    "registered_domain": lead.registered_domain},
        "email": {"email": email},
        "phone": {"phone": lead.phones[0].e164 if lead.phones else None},
        "address": {
            "street": address.street[:300] if address and address.street else None,
            "city": address.city[:120] if address and address.city else None,
            "region": address.region[:120] if address and address.region else None,
            "postal_code": lead.postal_code[:20] if lead.postal_code else None,
            "country": lead.country,
        },
        "description": {"description": raw.description},
        "size": {"size": size or None},
        "categories": {"categories": list(raw.categories) or None},
        "social": {"social": list(raw.social) or None},
    }
    return {group: cols for group, cols in values.items() if any(cols.values())}


_POLICIES: dict[int, tuple[Survivorship, dict[str, tuple[str, ...]]]] = {}


def _policies(rules: Survivorship) -> dict[str, tuple[str, ...]]:
    """Each field group's policy, computed once per rules object (merges run per record)."""
    cached = _POLICIES.get(id(rules))
    if cached is None or cached[0] is not rules:
        if len(_POLICIES) > 32:
            _POLICIES.clear()
        cached = (rules, {group: tuple(rules.policy(group)) for group in FIELD_GROUPS})
        _POLICIES[id(rules)] = cached  # holding ``rules`` keeps its id unique
    return cached[1]


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
    policies = _policies(rules)
    for group, values in candidates.items():
        policy = policies[group]
        current = field_sources.get(group)
        if "union" in policy:
            for column, value in values.items():
                merged = list(state.get(column) or [])
                merged.extend(v for v in value or [] if v not in merged)
                state[column] = merged
            field_sources[group] = {"record": record_id, "source": source_id, "rule": "union"}
            continue
        rank = _rank(policy, trust, at, values)
        if (current is None or rank > current.get("rank", [])
                or not any(state.get(column) for column in FIELD_GROUPS[group])):
            state.update(values)
            field_sources[group] = {"record": record_id, "source": source_id, "rank": rank}


def recompute(
    records: list[tuple[int, str, int, str, dict[str, dict[str, Any]]]],
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
        best = max(
            offers,
            key=lambda o: (
                _rank(policy, o[2], o[3], o[4], counts[repr(sorted(o[4].items()))]), -o[0]
            ),
        )
        state.update(best[4])
        rank = _rank(policy, best[2], best[3], best[4])
        sources[group] = {"record": best[0], "source": best[1], "rank": rank}
    return state, sources
