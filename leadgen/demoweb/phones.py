"""Valid-looking phone numbers per country and the ways directories print them."""

from __future__ import annotations

import random
import re
from functools import lru_cache

import phonenumbers

#: National significant number lengths to try per country, by area-code length.
_FIXED_LEN: dict[str, dict[int, tuple[int, ...]]] = {
    "DE": {1: (10,), 2: (10,), 3: (10,)}, "AT": {1: (8,), 3: (9,)}, "CH": {2: (9,)},
    "NL": {2: (9,)}, "BE": {1: (8,), 2: (8,)}, "GB": {2: (10,), 3: (10,)},
    "IE": {1: (8,), 2: (9, 8)}, "US": {3: (10,)}, "AU": {1: (9,)}, "ES": {2: (9,)},
    "CN": {2: (10,), 3: (11, 10)},
}
_MOBILE_PREFIX = {
    "DE": ("151", "160", "170", "176"), "AT": ("664", "676"), "CH": ("79", "78"),
    "NL": ("6",), "BE": ("470", "475"), "GB": ("7700", "7911"), "IE": ("85", "87"),
    "US": (), "AU": ("412", "423"), "ES": ("6",), "CN": ("138", "139", "136", "186", "150"),
}
_MOBILE_LEN = {"DE": 11, "AT": 10, "CH": 9, "NL": 9, "BE": 9, "GB": 10, "IE": 9, "AU": 9,
               "ES": 9, "CN": 11}


@lru_cache(maxsize=64)
def _patterns(country: str, kind: str) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[int]]:
    """The metadata patterns phonenumbers validates ``kind`` numbers of ``country`` with."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(country)
    assert meta is not None
    general = meta.general_desc
    desc = meta.fixed_line if kind == "fixed" else meta.mobile
    assert general is not None and desc is not None
    lengths = frozenset(desc.possible_length or general.possible_length or ())
    return (re.compile(general.national_number_pattern or ".*"),
            re.compile(desc.national_number_pattern or ".*"), lengths)


def _valid(country: str, kind: str, nsn: str) -> bool:
    """Fast check with phonenumbers' own metadata (no parsing per attempt)."""
    general, pattern, lengths = _patterns(country, kind)
    return (len(nsn) in lengths and general.fullmatch(nsn) is not None
            and pattern.fullmatch(nsn) is not None)


def _draw(rng: random.Random, country: str, kind: str, prefix: str,
          lengths: tuple[int, ...]) -> str:
    cc = phonenumbers.country_code_for_region(country)
    for attempt in range(40 * len(lengths)):
        rest = lengths[attempt // 40] - len(prefix)
        nsn = prefix + str(rng.randrange(2 * 10 ** (rest - 1), 10 ** rest))
        if _valid(country, kind, nsn):
            return f"+{cc}{nsn}"
    example = phonenumbers.example_number_for_type(
        country, phonenumbers.PhoneNumberType.FIXED_LINE if kind == "fixed"
        else phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def fixed_line(rng: random.Random, country: str, area: str) -> str:
    """A valid fixed-line number in ``area`` as E.164."""
    lengths: tuple[int, ...] = _FIXED_LEN[country].get(len(area), (len(area) + 7,))
    return _draw(rng, country, "fixed", area, lengths)


def mobile(rng: random.Random, country: str) -> str | None:
    """A valid mobile number as E.164, or None where the country has none configured."""
    prefixes = _MOBILE_PREFIX.get(country) or ()
    if not prefixes:
        return None
    return _draw(rng, country, "mobile", rng.choice(prefixes), (_MOBILE_LEN[country],))


def _parts(e164: str) -> tuple[phonenumbers.PhoneNumber, str, str]:
    number = phonenumbers.parse(e164)
    nsn = phonenumbers.national_significant_number(number)
    return number, str(number.country_code), nsn


def _is_mobile(number: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE


def _group(digits: str) -> str:
    """Group subscriber digits the way people write them: 123 4567, 1234 5678."""
    if len(digits) <= 7:
        return f"{digits[:3]} {digits[3:]}".strip()
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def display(e164: str, country: str, style: str) -> str:
    """Print ``e164`` in one of the styles directories use.

    Styles: ``national``, ``international``, ``e164``, ``local`` (a country's own habit, e.g.
    ``0571-8888 6666`` or ``(040) 1234-567``), ``intl_trunk`` (``+49 (0)40 1234567``).
    """
    number, cc, nsn = _parts(e164)
    fmt = phonenumbers.PhoneNumberFormat
    if style == "e164":
        return e164
    if style == "international":
        return phonenumbers.format_number(number, fmt.INTERNATIONAL)
    if style == "national":
        return phonenumbers.format_number(number, fmt.NATIONAL)
    national = phonenumbers.format_number(number, fmt.NATIONAL)
    area_len = phonenumbers.length_of_geographical_area_code(number)
    area, subscriber = nsn[:area_len], nsn[area_len:]
    if style == "intl_trunk" and country not in ("US", "CN") and area_len:
        return f"+{cc} (0){area} {_group(subscriber)}"
    if style == "local":
        if country == "CN":
            if _is_mobile(number):  # 138-0013-8000
                return f"{nsn[:3]}-{nsn[3:7]}-{nsn[7:]}"
            return f"0{area}-{_group(subscriber)}"
        if country == "US":
            return f"({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}"
        if area_len and country in ("DE", "AT", "CH"):
            return f"(0{area}) {subscriber[:-3]}-{subscriber[-3:]}"
        return national
    if style == "cn_intl" and country == "CN":
        if _is_mobile(number):
            return f"+86 {nsn[:3]} {nsn[3:7]} {nsn[7:]}"
        return f"+86 {area} {_group(subscriber)}"
    return phonenumbers.format_number(number, fmt.INTERNATIONAL)


PHONE_STYLES = ("national", "international", "local", "intl_trunk", "e164")


def is_mobile(e164: str) -> bool:
    """Whether ``e164`` is a mobile number."""
    return _is_mobile(phonenumbers.parse(e164))
