"""Country codes and the named country groups a profile may use ("DACH", "BENELUX", "EU")."""

from __future__ import annotations

from functools import lru_cache

import pycountry

COUNTRY_GROUPS: dict[str, tuple[str, ...]] = {
    "DACH": ("DE", "AT", "CH"),
    "BENELUX": ("BE", "NL", "LU"),
    "UK": ("GB",),
    "NORDICS": ("DK", "SE", "NO", "FI", "IS"),
    "GREATER_CHINA": ("CN", "HK", "MO", "TW"),
    "NORTH_AMERICA": ("US", "CA"),
    "EU": (
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ),
}


@lru_cache(maxsize=1)
def _alpha2() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


def expand_countries(items: list[str]) -> list[str]:
    """ISO alpha-2 codes of ``items`` (codes or group names); ValueError names a bad one."""
    codes: list[str] = []
    for item in items:
        key = item.strip().upper().replace(" ", "_").replace("-", "_")
        if key in COUNTRY_GROUPS:
            codes.extend(COUNTRY_GROUPS[key])
        elif key in _alpha2():
            codes.append(key)
        else:
            groups = ", ".join(COUNTRY_GROUPS)
            raise ValueError(
                f"{item!r} is not an ISO 3166-1 alpha-2 code (DE, GB, CN) or a group ({groups})"
            )
    return list(dict.fromkeys(codes))
