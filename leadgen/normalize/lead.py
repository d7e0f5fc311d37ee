"""A whole lead normalized: the values matching and storage use."""

from __future__ import annotations

from leadgen.items import EmailAddress, Lead, NormalizedLead, PhoneNumber
from leadgen.normalize.address import city_key, normalize_country, normalize_postal_code
from leadgen.normalize.email import normalize_email
from leadgen.normalize.name import normalize_name
from leadgen.normalize.phone import normalize_phone
from leadgen.normalize.website import normalize_website

#: Country-code TLDs that are not the country's ISO code, or are used as generic ones.
_TLD_COUNTRY = {"uk": "GB"}
_GENERIC_CCTLDS = {"io", "co", "tv", "me", "ai", "app", "fm", "ly", "to", "cc", "ws", "eu"}


def region_from_domain(domain: str | None) -> str | None:
    """The country a registered domain's TLD implies ("acme.co.uk" -> "GB"), if any."""
    if not domain or "." not in domain:
        return None
    tld = domain.rsplit(".", 1)[1].lower()
    if tld in _GENERIC_CCTLDS or len(tld) != 2 or not tld.isalpha():
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


def lead_region(lead: Lead, domain: str | None, default_region: str | None) -> str | None:
    """Phone region: the lead's country hint, its address country, its TLD, else the default."""
    hint = normalize_country(lead.country_hint)
    if hint:
        return hint
    if lead.address and lead.address.country:
        country = normalize_country(lead.address.country)
        if country:
            return country
    return region_from_domain(domain) or (default_region.upper() if default_region else None)


def normalize_phones(raws: list[str], region: str | None) -> list[PhoneNumber]:
    """Valid phones in E.164, first occurrence of each number kept."""
    phones: list[PhoneNumber] = []
    seen: set[str] = set()
    for raw in raws:
        phone = normalize_phone(raw, region)
        if phone and phone.e164 not in seen:
            seen.add(phone.e164)
            phones.append(phone)
    return phones


def normalize_lead(lead: Lead, default_region: str | None = None) -> NormalizedLead:
    """Normalize every matching-relevant field of ``lead``; invalid values are left out."""
    name = normalize_name(lead.name)
    site = normalize_website(lead.website) if lead.website else None
    domain = site[1] if site else None
    region = lead_region(lead, domain, default_region)
    emails: list[EmailAddress] = []
    for raw in lead.emails:
        email = normalize_email(raw)
        if email and all(email.address != known.address for known in emails):
            emails.append(email)
    address = lead.address
    country = normalize_country(address.country) if address and address.country else None
    return NormalizedLead(
        lead=lead,
        display_name=name.display_name,
        name_key=name.name_key,
        legal_form=name.legal_form,
        website=site[0] if site else None,
        registered_domain=domain,
        emails=emails,
        phones=normalize_phones(lead.phones, region),
        country=country or normalize_country(lead.country_hint) or region,
        postal_code=normalize_postal_code(address.postal_code) if address else None,
        city=city_key(address.city) if address else None,
    )
