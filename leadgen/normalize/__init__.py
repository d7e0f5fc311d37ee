"""Normalizers: pure functions from printed values to the forms matching and storage use.

One module per kind of value; each normalizer is idempotent (normalizing twice equals once).
"""

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

__all__ = [
    "FREE_MAIL_DOMAINS",
    "ROLE_LOCAL_PARTS",
    "NameParts",
    "city_key",
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
