"""A whole lead normalized: the values matching and storage use."""

from __future__ import annotations

import re
from functools import lru_cache

from leadgen.items import EmailAddress, Lead, NormalizedLead, PhoneNumber
from leadgen.normalize.address import (
    CHINA_PREFIXES,
    address_parts,
    chinese_script_country,
    city_key,
    city_state,
    end_country,
    japanese_address,
    last_part,
    normalize_country,
    normalize_postal_code,
    one_line_country,
    postal_code_country,
    prefix_country,
    state_code_of,
    state_country,
    state_key,
    state_name_country,
    vehicle_sign_country,
)
from leadgen.normalize.email import email_candidates, normalize_email
from leadgen.normalize.name import countries_of_form, normalize_name
from leadgen.normalize.phone import fax_only, normalize_phone, phone_parts, phone_region
from leadgen.normalize.text import has_cjk, has_hangul
from leadgen.normalize.website import SOCIAL_NETWORKS, first_website

#: City-states: the one town each is, whatever district an address names.
_CITY_STATE_TOWNS = {"HK": "Hong Kong", "MO": "Macau", "SG": "Singapore", "MC": "Monaco"}
#: Country-code TLDs that are not the country's ISO code, or are used as generic ones.
_TLD_COUNTRY = {"uk": "GB"}
_GENERIC_CCTLDS = {"io", "co", "tv", "me", "ai", "app", "fm", "ly", "to", "cc", "ws", "eu"}


def region_from_domain(domain: str | None) -> str | None:
    """The country a registered domain's TLD implies ("acme.co.uk" -> "GB"), if any; none
    for a directory's or a marketplace's domain (the matching rules' ``weak_domains``): an
    Italian firm's page on europages.de is no German website."""
    if not domain or "." not in domain or domain in _directory_domains():
        return None
    tld = domain.rsplit(".", 1)[1].lower()
    if tld in _GENERIC_CCTLDS or len(tld) != 2 or not tld.isalpha():
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


#: Hosts on a directory's domain where a company has a website of its own (Google Sites).
_OWN_SITE_HOSTS = ("sites.google.com",)


def on_a_directory(site: tuple[str, str], name_key: str = "") -> bool:
    """Whether a normalized website (URL, registered domain) is a company's page on a
    directory, marketplace or social network (the matching rules' ``weak_domains``), not a
    site of its own: www.gelbeseiten.de/lange-druck, facebook.com/acme; sites.google.com/…
    is its own, and so is the home page of the company the site is (amazon.com for Amazon,
    the company of ``name_key``)."""
    if site[1] not in _directory_domains():
        return False
    host, _, path = site[0].split("://", 1)[-1].partition("/")
    if not path.strip("/") and name_key.replace(" ", "").startswith(site[1].split(".")[0]):
        return False
    return not host.lower().endswith(_OWN_SITE_HOSTS)


def social_links(lead: NormalizedLead) -> list[str]:
    """The lead's social links, and its website when that is a page on a social network."""
    raw = lead.lead
    if lead.website is None and raw.website and (site := first_website(raw.website)) and (
            site[1] in SOCIAL_NETWORKS) and site[0] not in raw.social:
        return [*raw.social, site[0]]
    return list(raw.social)


@lru_cache(maxsize=1)
def _directory_domains() -> frozenset[str]:
    from leadgen.matching.rules import load_rules  # the bundled rules, read once

    return load_rules().weak_domains


def address_country(lead: Lead, default_region: str | None = None) -> str | None:
    """The country the address names: its country part, else the last part of the one-liner.

    A last part that is a state or province code of the default region's country ("Springfield,
    IL" in a US list) names that country, not the country with that ISO code (Israel)."""
    address = lead.address
    if address is None:
        return None
    if address.country and (country := normalize_country(address.country)
                            or vehicle_sign_country(address.country)):
        return country  # "Germany", "DE", and in European lists "D"
    if place := prefix_country(address.postal_code, address.full):  # "D-80331 München"
        return place
    if address.full and (last := last_part(address.full)) is not None:  # "..., Germany"
        if default_region and state_code_of(last, default_region.upper()):
            return default_region.upper()
        if country := end_country(address.full):
            return country
    full = address.full.lstrip() if address.full else ""
    if japanese_address(full) or japanese_address(address.region):
        return "JP"  # "〒530-0001 大阪市...", "大阪府...": kanji alone would read as Chinese
    for prefix in CHINA_PREFIXES:  # "中国广东省深圳市...": the country comes first,
        if full.startswith(prefix):  # and "中国香港..." is Hong Kong's plan
            return chinese_script_country(full[len(prefix):]) or "CN"
    # "台北市信義區...", "香港九龍...": Taiwan, Hong Kong and Macau, not the mainland
    if place := chinese_script_country(full) or chinese_script_country(address.city):
        return place
    if place := city_state(address.city):  # "Singapore" in the city column
        return place
    if address.city and (city := address_parts(address).city) != address.city and (
            place := city_state(city)):  # "D-313769 Sg 851": its city part, as read again
        return place
    if place := state_country(address.region, address.postal_code):  # "WI", "53590"
        return place
    if place := state_name_country(address.region):  # "Missouri" in the state column
        return place
    # No country named: a postal code of one country's own shape names it ("London SW1A
    # 2AA" in a German list is in Britain, and its phone a British number; "M6G 1A4" in the
    # postal code column of a US list is in Canada).
    return ((one_line_country(address.full) if address.full else None)
            or postal_code_country(address.postal_code))


#: Kana: Japanese text.
_KANA = re.compile("[\u3040-\u30ff]")
#: Traditional characters common in Taiwanese, Hong Kong and Macau addresses (district,
#: county, number, Taiwan, floor, road, ...): their simplified forms are mainland China's.
_TRADITIONAL = re.compile("[區縣號臺灣樓門東館國華廣鄉鎮體業電際資發灣龍豐雲興]")


def address_script_region(lead: Lead) -> str | None:
    """The region an address's script names, for reading local phone numbers: "CN" for
    simplified Chinese ("广州市天河区体育西路88号", then "020-87654321"), "JP" for Japanese
    (kana), "KR" for Korean (Hangul); traditional Chinese (Taiwan, Hong Kong, Macau) and
    Latin text give None."""
    address = lead.address
    if address is None:
        return None
    text = "".join(part for part in (address.full, address.region, address.city, address.street)
                   if part)
    if not has_cjk(text):
        return None
    if _KANA.search(text) or _JAPANESE.search(text) or _japanese_form(lead.name):
        return "JP"
    if has_hangul(text):
        return "KR"
    return None if _TRADITIONAL.search(text) else "CN"


#: Kanji only Japanese addresses write: a prefecture (県; China writes 县 or 縣), Tokyo's and
#: Osaka's and Kyoto's own (都, 府 after their names), a ward's block (丁目). An address in
#: kanji alone ("大阪市北区") is Japanese by these or by its company's form.
_JAPANESE = re.compile(r"県|東京都|大阪府|京都府|丁目|番地")


def _japanese_form(name: str) -> bool:
    """Whether a company's legal form is Japan's alone ("株式会社山本商事"; China's are 有限公司
    and 股份有限公司)."""
    form = normalize_name(name).legal_form
    return form is not None and countries_of_form(form) == _JAPAN


_JAPAN = frozenset({"JP"})


def lead_region(lead: Lead, domain: str | None, default_region: str | None) -> str | None:
    """Phone region: the address country, the TLD, an address in simplified Chinese, the
    source's hint, else the default.

    The source's hint comes late: a German directory lists Spanish and British firms too, and
    their local numbers must be read in their own country's plan.
    """
    return (
        address_country(lead, default_region)
        or region_from_domain(domain)
        or address_script_region(lead)
        or normalize_country(lead.country_hint)
        or (default_region.upper() if default_region else None)
    )


def phone_country(e164: str) -> str | None:
    """The country of an E.164 number (None for non-geographic and shared plans like +1 800)."""
    # normalize_phone remembers the region of each number it returned: no second parse.
    return phone_region(e164)


def normalize_phones(raws: list[str], region: str | None) -> list[PhoneNumber]:
    """Valid phones in E.164, first occurrence of each number kept; a field listing several
    numbers gives each of them."""
    phones: list[PhoneNumber] = []
    seen: set[str] = set()
    for field in raws:
        if fax_only(field, region):
            continue  # a fax number in the phone column is no number to call
        for raw in phone_parts(field, region):
            phone = normalize_phone(raw, region)
            if phone and phone.e164 not in seen:
                seen.add(phone.e164)
                phones.append(phone)
    return phones


def normalize_lead(lead: Lead, default_region: str | None = None) -> NormalizedLead:
    """Normalize every matching-relevant field of ``lead``; invalid values are left out."""
    name = normalize_name(lead.name)
    site = first_website(lead.website) if lead.website else None
    if site and on_a_directory(site, name.name_key):
        # a company's page on a directory, marketplace or social network is no website of its
        # own: not its domain in a CRM, nor a site to enrich (the record keeps the link, and a
        # social network's page is the company's social link: see social_links)
        site = None
    domain = site[1] if site else None
    emails: list[EmailAddress] = []
    for field in lead.emails:
        for raw in email_candidates(field):
            email = normalize_email(raw)
            if email and all(email.address != known.address for known in emails):
                emails.append(email)
    # Without a website, the company's own e-mail domain tells its country ("lin@twpm.com.tw"
    # on a mainland list is Taiwanese: its numbers are read in Taiwan's plan)
    own_domain = domain or next((email.domain for email in emails if not email.free_mail),
                                None)
    region = lead_region(lead, own_domain, default_region)
    address = lead.address
    parts = address_parts(address)  # a one-line address read into its parts
    city = parts.city
    if city and address and address.region and city == address.city and japanese_address(
            address.region) and has_cjk(city) and not city.startswith(address.region):
        # a prefecture in a column of its own, as Japan Post's list gives it: "東京都" and
        # "港区" are Tokyo, as "東京都港区" is
        city = address.region + city
    phones = normalize_phones(lead.phones, region)
    # The company's country, strongest evidence first; the source's hint is the weakest.
    country = (
        address_country(lead, default_region)
        or next((c for p in phones if (c := phone_country(p.e164))), None)
        or region_from_domain(own_domain)
        or normalize_country(lead.country_hint)
        or region
    )
    return NormalizedLead(
        lead=lead,
        display_name=name.display_name,
        name_key=name.name_key,
        legal_form=name.legal_form,
        website=site[0] if site else None,
        registered_domain=domain,
        emails=emails,
        phones=phones,
        country=country,
        postal_code=normalize_postal_code(parts.postal_code, country),
        # a city-state's districts are one town (Kwai Chung, New Territories, Central: Hong
        # Kong), and an address there that names none is in it
        city=city_key(_CITY_STATE_TOWNS.get(country or "") or city),
        state=state_key(parts.region, country),
    )
