"""Records from JSON API listings (load-more endpoints, search APIs): find the list of objects
with name-like keys and map the usual keys to record fields."""

from __future__ import annotations

import re
from typing import Any

from spiders.pages.models import ExtractedRecord
from spiders.pages.social import is_social
from spiders.pages.urls import absolute

_NAME_KEYS = ("name", "company", "companyname", "company_name", "title", "firma", "firmenname",
              "organization", "organisation", "businessname", "business_name", "exhibitor",
              "displayname", "display_name", "legalname", "名称", "公司名称", "企业名称")
_FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "phones": ("phone", "phones", "telephone", "tel", "phonenumber", "phone_number", "mobile",
               "telefon", "电话"),
    "fax": ("fax", "faxnumber", "fax_number", "telefax", "传真"),
    "emails": ("email", "emails", "mail", "e_mail", "emailaddress", "email_address", "邮箱"),
    "websites": ("website", "websites", "web", "homepage", "url_website", "www", "site",
                 "websiteurl", "website_url", "网址"),
    "address": ("address", "fulladdress", "full_address", "formattedaddress", "anschrift",
                "adresse", "地址"),
    "street": ("street", "streetaddress", "street_address", "address1", "strasse"),
    "city": ("city", "town", "locality", "addresslocality", "ort", "stadt", "城市"),
    "postal_code": ("zip", "zipcode", "zip_code", "postcode", "postal_code", "postalcode", "plz"),
    "region": ("state", "region", "province", "addressregion", "bundesland", "省份"),
    "country": ("country", "countrycode", "country_code", "addresscountry", "land", "国家"),
    "description": ("description", "about", "summary", "profile", "beschreibung"),
    "detail_url": ("url", "link", "href", "detail_url", "detailurl", "profile_url", "permalink"),
    "categories": ("category", "categories", "industry", "industries", "sector", "sectors",
                   "branche", "branchen", "kategorie", "行业", "主营"),
}


#: Keys of size signals and booth -> ``extra`` key (values parsed like labelled fields).
_EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "booth_size": ("boothsize", "booth_size", "standsize", "stand_size", "boothArea",
                   "booth_area", "standflaeche", "standfläche"),
    "booth": ("booth", "stand", "boothnumber", "booth_number", "standnummer", "hall_booth"),
    "employees": ("employees", "employee_count", "employeecount", "numberofemployees",
                  "number_of_employees", "staff", "headcount", "mitarbeiter", "员工人数"),
    "founded_year": ("founded", "founded_year", "foundedyear", "year_founded", "foundingdate",
                     "founding_date", "established", "gegruendet", "成立时间"),
    "membership_tier": ("membership", "tier", "membership_tier", "membershiptier",
                        "member_level", "memberlevel"),
    "revenue_band": ("revenue", "revenue_band", "turnover", "umsatz"),
}


def _extra_fields(record: ExtractedRecord, obj: dict[str, Any], index: int) -> None:
    from spiders.pages.labelled import parse_value

    keys = {_norm(k): k for k in obj}
    for field, candidates in _EXTRA_KEYS.items():
        key = next((keys[c.lower()] for c in candidates if c.lower() in keys), None)
        values = _strings(obj[key]) if key else []
        if not values:
            continue
        if field == "booth":
            value: Any = values[0] if len(values[0]) <= 30 else None
        else:
            value = parse_value(field, values[0])
        if value is None:
            continue
        if field == "employees" and isinstance(value, str):
            field = "employees_band"
        record.extra[field] = value
        record.evidence[field] = f"json[{index}].{key}"


def _norm(key: str) -> str:
    return re.sub(r"[\s-]", "_", key.strip().lower())


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        for key in ("name", "value", "number", "address", "url"):
            if key in value:
                return _strings(value[key])
        return []
    text = " ".join(str(value).split())
    return [text] if text else []


def _name_key(obj: dict[str, Any]) -> str | None:
    keys = {_norm(k): k for k in obj}
    for wanted in _NAME_KEYS:
        if wanted in keys and isinstance(obj[keys[wanted]], str) and obj[keys[wanted]].strip():
            return keys[wanted]
    return None


def _candidate_lists(data: Any, depth: int = 0) -> list[list[dict[str, Any]]]:
    if depth > 6:
        return []
    found: list[list[dict[str, Any]]] = []
    if isinstance(data, list):
        objects = [d for d in data if isinstance(d, dict)]
        if objects and sum(1 for d in objects if _name_key(d)) >= max(1, len(objects) // 2):
            found.append(objects)
        for item in data[:50]:
            found += _candidate_lists(item, depth + 1)
    elif isinstance(data, dict):
        for value in data.values():
            found += _candidate_lists(value, depth + 1)
    return found


def record_from_object(obj: dict[str, Any], url: str, index: int) -> ExtractedRecord | None:
    """One record from one JSON object; None when it has no name."""
    name_key = _name_key(obj)
    if not name_key:
        return None
    record = ExtractedRecord(name=" ".join(str(obj[name_key]).split()))
    record.evidence["name"] = f"json[{index}].{name_key}"
    keys = {_norm(k): k for k in obj}
    for field, candidates in _FIELD_KEYS.items():
        key = next((keys[c] for c in candidates if c in keys and keys[c] != name_key), None)
        if key is None:
            continue
        values = _strings(obj[key])
        if not values:
            continue
        if field in ("phones", "fax", "emails", "websites", "categories"):
            setattr(record, field, values)
        elif field == "detail_url":
            record.detail_url = absolute(url, values[0])
        else:
            setattr(record, field, values[0])
        record.evidence[field] = f"json[{index}].{key}"
    if isinstance(obj.get("address"), dict):
        nested = extract_address(obj["address"])
        for field, value in nested.items():
            if value and not getattr(record, field):
                setattr(record, field, value)
                record.evidence[field] = f"json[{index}].address"
    _extra_fields(record, obj, index)
    social = [w for w in record.websites if is_social(w)]
    record.websites = [w for w in record.websites if not is_social(w)]
    record.social = social
    if not record.address and (record.street or record.city):
        locality = " ".join(p for p in (record.postal_code, record.city) if p)
        record.address = ", ".join(p for p in (record.street, locality, record.country) if p)
        record.evidence["address"] = f"json[{index}] address parts"
    return record


def extract_address(obj: dict[str, Any]) -> dict[str, str | None]:
    """Address parts from a nested address object."""
    keys = {_norm(k): k for k in obj}
    out: dict[str, str | None] = {}
    for field in ("street", "city", "postal_code", "region", "country"):
        key = next((keys[c] for c in _FIELD_KEYS[field] if c in keys), None)
        values = _strings(obj[key]) if key else []
        out[field] = values[0] if values else None
    return out


def extract_json_records(data: Any, url: str) -> list[ExtractedRecord]:
    """Records from the largest list of name-bearing objects in a JSON document."""
    lists = _candidate_lists(data)
    if not lists:
        return []
    best = max(lists, key=len)
    records = [record_from_object(obj, url, i) for i, obj in enumerate(best)]
    return [r for r in records if r is not None]
