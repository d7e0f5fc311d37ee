"""Which lead field a spreadsheet column holds, by its name, in several languages.

The names live in ``columns.yaml`` (data, not code): "Firma", "公司名称" and "Company Name"
all map to ``name``. A column's name is compared in a normal form: case folded, full-width
forms made plain, a trailing ":" or "*" dropped, runs of spaces and ``- _ . /`` made one "_",
traditional Chinese characters simplified ("公司名稱" is "公司名称").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from leadgen.normalize.text import simplified_chinese

COLUMNS_PATH = Path(__file__).with_name("columns.yaml")
_SEPARATORS = re.compile(r"[\s\-_./']+")


def column_key(name: str) -> str:
    """The normal form of a column name: "E-Mail:" -> "e_mail", "Straße" -> "strasse",
    "電話" (traditional, a Taiwanese or Hong Kong list) -> "电话"."""
    text = unicodedata.normalize("NFKC", name).casefold().strip().rstrip(":*").strip()
    return simplified_chinese(_SEPARATORS.sub("_", text).strip("_"))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    data = yaml.safe_load(COLUMNS_PATH.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for field, aliases in data.items():
        for alias in [field, *aliases]:
            key = column_key(str(alias))
            if names.setdefault(key, field) != field:
                raise ValueError(f"{COLUMNS_PATH}: {alias!r} is listed under {names[key]} "
                                 f"and {field}")
    return names


_NUMBERED = re.compile(r"_?\d{1,2}$")
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ADDRESS_LINES = frozenset({"address", "street"})


#: What CRM exports put before a field's name: whose it is ("Billing Street", "Organization -
#: Phone", "Company Phone") or that it is the contact person's ("Person - Email").
_COMPANY_PREFIXES = ("billing_", "shipping_", "mailing_", "physical_", "organization_",
                     "organisation_", "company_", "account_", "firma_", "unternehmen_",
                     "properties_")  # HubSpot's API: {"properties": {"name": ...}}
_PERSON_PREFIXES = ("person_", "contact_", "primary_contact_", "ansprechpartner_")
#: What a person's field says after its name: which of their numbers or addresses it is.
_QUALIFIER = re.compile(r"_(?:work|home|mobile|other|office|main|private)$")
#: A person's employer, as people exports name it.
_EMPLOYER = frozenset({"organization", "organisation", "company", "account", "firma",
                       "organization_name", "company_name", "account_name"})
#: A person's field, by the field the name without the prefix names.
_PERSON_FIELDS = {"name": "contact_name", "email": "contact_email", "phone": "contact_phone"}


def field_of_column(name: str) -> str | None:
    """The lead field a column named ``name`` holds, or None. A numbered column ("Telefon 2",
    "phone_1", "E-Mail2") holds what its name without the number holds; a column named with
    a CRM's prefix ("Billing City", "Organization - Website", "Person - Email") what its name
    without the prefix holds, for the company or its contact person."""
    key = column_key(name)
    found = _field_of_key(key)
    if found is None and (words := _CAMEL_CASE.sub("_", name)) != name:
        return field_of_column(words)  # Salesforce's API names: "BillingPostalCode"
    if found is None:
        for prefix in _COMPANY_PREFIXES:
            if key.startswith(prefix):
                found = _field_of_key(key[len(prefix):])
                return None if found in _PERSON_FIELDS.values() else found
        for prefix in _PERSON_PREFIXES:
            if key.startswith(prefix):
                rest = _QUALIFIER.sub("", key[len(prefix):])  # "Person - Email - Work"
                if rest in _EMPLOYER:
                    return "name"  # "Person - Organization": the company the person is with
                found = _field_of_key(rest)
                if found and found.startswith("contact_"):
                    return found
                return _PERSON_FIELDS.get(found or "")
    return found


def is_companys_column(name: str) -> bool:
    """Whether a column's name says it is the company's ("Company City", "Billing Street")."""
    key = column_key(_CAMEL_CASE.sub("_", name))
    return key.startswith(_COMPANY_PREFIXES) and field_of_column(name) is not None


def _field_of_key(key: str) -> str | None:
    found = _names().get(key)
    if found is None and (unnumbered := _NUMBERED.sub("", key)) != key:
        found = _names().get(unnumbered)
        if found in _ADDRESS_LINES:
            # "Address 1" is the street's first line, "Address 2" and "Straße 2" its second
            return "street" if key.endswith("1") else "address_line_2"
    return found


def unique_columns(names: list[str]) -> list[str]:
    """``names`` with a repeated one numbered ("Telefon", "Telefon" -> "Telefon",
    "Telefon 2"): read as keys of a row, the second would hide the first."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        unique, number = name, 1
        while unique in seen:
            number += 1
            unique = f"{name} {number}"
        seen.add(unique)
        out.append(unique)
    return out


def known_fields() -> frozenset[str]:
    """Every field ``columns.yaml`` names."""
    return frozenset(_names().values())
