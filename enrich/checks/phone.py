"""Phone reachability: is the number possible and valid for its region, and what type is it.

============ ======================= ====================================================
status       reason                  when
============ ======================= ====================================================
invalid      syntax                  phonenumbers cannot read it as a number
invalid      not_possible            wrong length for the country's numbering plan
invalid      not_valid               possible length, but no such range is assigned
risky        premium_rate / shared   costly or shared-cost numbers
risky        unknown_type            valid, but the plan does not tell its type
valid        fixed_line, mobile, ... valid for the region; the reason is its type
============ ======================= ====================================================
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType

from enrich.checks.result import CheckResult

_TYPE_NAMES = {
    value: name.lower()
    for name, value in vars(PhoneNumberType).items()
    if name.isupper() and isinstance(value, int)
}
_RISKY_TYPES = {"premium_rate", "shared_cost", "unknown", "pager", "uan"}


def check_phone(number: str, region: str | None = None) -> CheckResult:
    """Check a phone number (E.164 or as printed, read with ``region`` as the default country)."""
    try:
        parsed = phonenumbers.parse(number, (region or "").upper() or None)
    except NumberParseException as exc:
        return CheckResult("invalid", "syntax", {"error": str(exc)})
    details = {
        "e164": phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        "region": phonenumbers.region_code_for_number(parsed),
    }
    if not phonenumbers.is_possible_number(parsed):
        return CheckResult("invalid", "not_possible", details)
    if not phonenumbers.is_valid_number(parsed):
        return CheckResult("invalid", "not_valid", details)
    kind = _TYPE_NAMES.get(phonenumbers.number_type(parsed), "unknown")
    details["type"] = kind
    if kind in _RISKY_TYPES:
        return CheckResult("risky", "unknown_type" if kind == "unknown" else kind, details)
    return CheckResult("valid", kind, details)
