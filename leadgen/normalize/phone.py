"""Phone numbers to E.164 with phonenumbers, keeping the extension and the line type."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from leadgen.items import PhoneNumber

_KINDS = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}
# Printed labels and URI schemes around the number ("Tel.:", "tel:", "电话：").
_LABEL = re.compile(r"^\s*(?:tel(?:efon|ephone)?|phone|ph|fon|fax|mobile|mob|t|f|电话|传真|手机)"
                    r"\s*[.:：]?\s*", re.IGNORECASE)
_FULLWIDTH = str.maketrans("０１２３４５６７８９＋（）－　", "0123456789+()- ")


def normalize_phone(raw: str, region: str | None = None) -> PhoneNumber | None:
    """Parse ``raw`` as a phone number of ``region`` (ISO alpha-2) and return it in E.164.

    Returns None for text that is not a possible number. Numbers written with a leading ``+``
    or ``00`` need no region. ``normalize_phone(p.e164) == p`` up to ``raw``.
    """
    if not raw:
        return None
    text = _LABEL.sub("", raw.translate(_FULLWIDTH).strip(), count=1)
    text = text.removeprefix("tel:").strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    region = region.upper() if region and len(region) == 2 else None
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if not _round_trips(e164):
        return None  # garbage such as "0/00000" formats to something that parses differently
    kind = _KINDS.get(phonenumbers.number_type(number)) if phonenumbers.is_valid_number(
        number) else None
    return PhoneNumber(e164=e164, raw=raw.strip(), extension=number.extension or None, kind=kind)


def _round_trips(e164: str) -> bool:
    try:
        again = phonenumbers.parse(e164, None)
    except NumberParseException:
        return False
    return (
        phonenumbers.is_possible_number(again)
        and phonenumbers.format_number(again, PhoneNumberFormat.E164) == e164
    )
