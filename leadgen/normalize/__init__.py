"""Normalizers: pure functions from printed values to the forms matching and storage use.

One module per kind of value; each normalizer is idempotent (normalizing twice equals once).
Normalizers are memoized on their inputs in bounded memos (65,536 entries each, about 200 MB
in all when full) that hand out fresh or immutable values; :func:`clear_caches` forgets them.
"""

from leadgen.normalize import email as _email
from leadgen.normalize import name as _name
from leadgen.normalize import phone as _phone
from leadgen.normalize import romanize as _romanize
from leadgen.normalize import text as _text
from leadgen.normalize.address import (
    city_key,
    normalize_country,
    normalize_postal_code,
    street_key,
)
from leadgen.normalize.email import FREE_MAIL_DOMAINS, ROLE_LOCAL_PARTS, normalize_email
from leadgen.normalize.lead import lead_region, normalize_lead, region_from_domain
from leadgen.normalize.name import NameParts, normalize_name
from leadgen.normalize.phone import normalize_phone
from leadgen.normalize.website import normalize_website, registered_domain


def clear_caches() -> None:
    """Forget every memoized normalization (for tests and memory; results do not change)."""
    _phone.clear_caches()
    _email.clear_caches()
    _name.clear_caches()
    for memo in (normalize_website, normalize_country,
                 normalize_postal_code, city_key, street_key, _text.pinyin_syllables,
                 _romanize.romanized, _romanize.latin_skeleton):
        memo.cache_clear()


__all__ = [
    "FREE_MAIL_DOMAINS",
    "ROLE_LOCAL_PARTS",
    "NameParts",
    "city_key",
    "clear_caches",
    "lead_region",
    "normalize_country",
    "normalize_email",
    "normalize_lead",
    "normalize_name",
    "normalize_phone",
    "normalize_postal_code",
    "normalize_website",
    "region_from_domain",
    "registered_domain",
    "street_key",
]
