"""Merging what several layers say about one company into one record."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from spiders.pages.models import ExtractedRecord
from spiders.pages.phones import e164

_LIST_FIELDS = ("phones", "fax", "emails", "websites", "social", "categories", "contacts")
_SCALARS = ("name", "address", "street", "city", "postal_code", "region", "country",
            "detail_url", "description", "legal_name")


def _phone_key(value: str, region: str) -> str:
    return e164(value, region) or re.sub(r"\D", "", value)


def dedupe_phones(values: list[str], region: str, exclude: Sequence[str] = ()) -> list[str]:
    """One printed form per distinct number (E.164), in order; ``exclude``'s numbers removed."""
    seen = {_phone_key(v, region) for v in exclude}
    out: list[str] = []
    for value in values:
        key = _phone_key(value, region)
        if key and key not in seen:
            seen.add(key)
            out.append(value)
    return out


def dedupe_websites(values: list[str]) -> list[str]:
    """One form per site: scheme, ``www.`` and a trailing slash do not make another website."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = re.sub(r"^https?://", "", value.strip().lower()).removeprefix("www.").rstrip("/")
        if key and key not in seen:
            seen.add(key)
            out.append(value)
    return out


def dedupe_emails(values: list[str]) -> list[str]:
    """Distinct addresses, case-insensitively, first printed form kept."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        if value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return out


def merge_into(primary: ExtractedRecord, other: ExtractedRecord, region: str) -> ExtractedRecord:
    """``primary`` with the gaps filled and the lists extended from ``other``."""
    data = primary.model_copy(deep=True)
    for field in _SCALARS:
        if not getattr(data, field) and getattr(other, field):
            setattr(data, field, getattr(other, field))
            if field in other.evidence:
                data.evidence[field] = other.evidence[field]
    for field in _LIST_FIELDS:
        mine = getattr(data, field)
        for value in getattr(other, field):
            if value not in mine:
                mine.append(value)
        if getattr(other, field) and field not in data.evidence and field in other.evidence:
            data.evidence[field] = other.evidence[field]
    data.phones = dedupe_phones(data.phones, region)
    data.fax = dedupe_phones(data.fax, region, exclude=data.phones)
    data.emails = dedupe_emails(data.emails)
    data.websites = dedupe_websites(data.websites)
    for key, value in other.extra.items():
        data.extra.setdefault(key, value)
    return data


def _key(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


def same_company(a: ExtractedRecord, b: ExtractedRecord, region: str) -> bool:
    """Do two records describe the same company (shared phone, e-mail, address or name)?"""
    phones_a = {_phone_key(p, region) for p in a.phones}
    if phones_a & {_phone_key(p, region) for p in b.phones}:
        return True
    if {e.lower() for e in a.emails} & {e.lower() for e in b.emails}:
        return True
    if a.address and b.address and fuzz.token_set_ratio(_key(a.address), _key(b.address)) >= 90:
        return True
    return bool(a.name and b.name and fuzz.ratio(_key(a.name), _key(b.name)) >= 90)
