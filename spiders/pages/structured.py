"""Layer 1: companies in structured data (JSON-LD, microdata, RDFa, hCard) via extruct.

schema.org Organization/LocalBusiness and friends become records; Events give their ``location``
and ``organizer`` (the venue is the business, not the band, not the ticket site).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import extruct
from lxml import etree

from spiders.pages.hcard import hcard_items
from spiders.pages.models import ExtractedRecord
from spiders.pages.social import host_of, split_social

logger = logging.getLogger(__name__)

#: Types that are not businesses even though they have a name and a URL.
_NOT_BUSINESS = {
    "website", "webpage", "breadcrumb", "breadcrumblist", "listitem", "itemlist",
    "sitenavigationelement", "person", "product", "offer", "aggregateoffer", "review",
    "aggregaterating", "rating", "imageobject", "videoobject", "creativework", "article",
    "newsarticle", "blogposting", "musicgroup", "performinggroup", "musicrecording",
    "musicalbum", "searchaction", "readaction", "contactpoint", "postaladdress", "geocoordinates",
    "thing", "faqpage", "question", "answer", "howto", "recipe", "collectionpage", "wpheader",
    "wpfooter", "wpsidebar", "entrypoint", "propertyvalue", "brand", "openinghoursspecification",
}
_POSTAL_AFTER_REGION = {"US", "USA", "UNITED STATES", "CA", "CANADA", "AU", "AUSTRALIA"}
#: Whose nested organizations are not the page's businesses (a product's manufacturer, an
#: article's publisher), except through the keys that name a seller or provider.
_LEAF_TYPES = {"product", "offer", "aggregateoffer", "person", "article", "newsarticle",
               "blogposting", "creativework", "review", "musicrecording", "musicalbum",
               "musicgroup", "videoobject", "imageobject", "webpage", "website"}
_SKIP_KEYS = {"publisher", "author", "creator", "brand", "manufacturer", "performer",
              "customer", "isPartOf", "potentialAction", "breadcrumb", "image", "logo",
              "sponsor", "funder", "copyrightHolder", "contributor", "editor", "review"}
_EVENT_HINTS = ("event", "festival", "concert")
_PLACE_LIKE = ("place", "venue", "hall", "theater", "theatre", "stadium", "club", "bar")


def _types(item: dict[str, Any]) -> list[str]:
    value = item.get("@type") or []
    values = value if isinstance(value, list) else [value]
    return [str(v).rsplit("/", 1)[-1].lower() for v in values]


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _text(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("@value")
        value = _first(value)
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _texts(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out: list[str] = []
    for v in values:
        text = _text(v)
        if text and text not in out:
            out.append(text)
    return out


def _address(item: dict[str, Any], record: ExtractedRecord) -> None:
    """Fill address fields from a PostalAddress (or address fields put on the item itself)."""
    source: Any = item if item.get("streetAddress") else _first(item.get("address"))
    if source is None:
        return
    if isinstance(source, str):
        record.address = " ".join(source.split())
        return
    if not isinstance(source, dict):
        return
    street = _text(source.get("streetAddress"))
    city = _text(source.get("addressLocality"))
    region = _text(source.get("addressRegion"))
    postal = _text(source.get("postalCode"))
    country = _text(source.get("addressCountry"))
    record.street, record.city, record.region = street, city, region
    record.postal_code, record.country = postal, country
    north_american = bool(
        region and re.fullmatch(r"[A-Z]{2}", region) and postal and re.fullmatch(r"\d{5}", postal)
    )
    if (country or "").upper() in _POSTAL_AFTER_REGION or (not country and north_american):
        # "Brooklyn, NY 11225": North American order
        parts = [p for p in (street, city, " ".join(p for p in (region, postal) if p), country)
                 if p]
    else:
        locality = " ".join(p for p in (postal, city) if p)
        parts = [p for p in (street, locality, region, country) if p]
    if parts:
        record.address = ", ".join(parts)


def _from_item(item: dict[str, Any], syntax: str) -> ExtractedRecord | None:
    name = _text(item.get("name")) or _text(item.get("legalName"))
    brand = _text(item.get("brand")) if isinstance(_first(item.get("brand")), str) else None
    name = name or brand or _text(item.get("alternateName"))
    if not name:
        return None
    record = ExtractedRecord(name=name)
    record.evidence["name"] = syntax
    legal = _text(item.get("legalName"))
    if legal and legal != name:
        record.legal_name = legal
    record.phones = _texts(item.get("telephone"))
    record.fax = _texts(item.get("faxNumber"))
    record.emails = [e.removeprefix("mailto:") for e in _texts(item.get("email"))]
    urls = _texts(item.get("url"))
    websites, social = split_social(urls + _texts(item.get("sameAs")))
    record.websites = [u for u in websites if u in urls]
    record.social = social
    same_as = [u for u in websites if u not in urls]
    if same_as:
        record.extra["same_as"] = same_as
    record.description = _text(item.get("description"))
    _address(item, record)
    for field in ("phones", "fax", "emails", "websites", "address"):
        if getattr(record, field):
            record.evidence[field] = syntax
    for key, label in (("vatID", "vat"), ("taxID", "tax_id"), ("duns", "duns"),
                       ("foundingDate", "founding_date"), ("numberOfEmployees", "employees")):
        value = _text(item.get(key))
        if value:
            record.extra[label] = value
    _size_signals(record)
    return record


def _size_signals(record: ExtractedRecord) -> None:
    """Employees as a number or a band, and the founding year, parsed from the markup's text."""
    from spiders.pages.labelled import parse_value

    employees = record.extra.pop("employees", None)
    count = parse_value("employees", employees) if employees else None
    if count is not None:
        record.extra["employees" if isinstance(count, int) else "employees_band"] = count
    elif employees:
        record.extra["employees_text"] = employees  # shown, but neither a number nor a band
    founded = record.extra.get("founding_date")
    year = parse_value("founded_year", founded) if founded else None
    if isinstance(year, int):
        record.extra["founded_year"] = year


def _from_hcard(item: dict[str, Any]) -> ExtractedRecord | None:
    org = _text(item.get("org"))
    name = org or _text(item.get("name"))
    if not name or not (org or item.get("adr") or item.get("tel")):
        return None  # a person's card, not a company's
    record = ExtractedRecord(name=name, evidence={"name": "hcard"})
    record.phones = _texts(item.get("tel"))
    record.emails = [e.removeprefix("mailto:") for e in _texts(item.get("email"))]
    websites, social = split_social(_texts(item.get("url")))
    record.websites, record.social = websites, social
    adr = _first(item.get("adr"))
    if isinstance(adr, dict):
        record.address = _text(adr.get("value")) or _text(adr.get("name"))
        record.street = _text(adr.get("street-address"))
        record.postal_code = _text(adr.get("postal-code"))
        record.city = _text(adr.get("locality"))
    elif isinstance(adr, str):
        record.address = adr
    for field in ("phones", "emails", "websites", "address"):
        if getattr(record, field):
            record.evidence[field] = "hcard"
    return record


def _walk(item: Any, syntax: str, out: list[ExtractedRecord], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(item, list):
        for sub in item:
            _walk(sub, syntax, out, depth + 1)
        return
    if not isinstance(item, dict):
        return
    if "@graph" in item:
        _walk(item["@graph"], syntax, out, depth + 1)
    types = _types(item)
    if any(any(h in t for h in _EVENT_HINTS) for t in types):
        for key in ("location", "organizer"):
            value = item.get(key)
            for sub in value if isinstance(value, list) else [value]:
                if isinstance(sub, dict) and not (set(_types(sub)) & _NOT_BUSINESS):
                    record = _from_item(sub, f"{syntax} event {key}")
                    if record and (record.address or key == "organizer"):
                        out.append(record)
        return
    if types and not set(types) & _NOT_BUSINESS:
        has_contact = any(
            item.get(k) for k in ("address", "telephone", "email", "streetAddress", "faxNumber")
        )
        is_org = any(
            t.endswith(("organization", "business", "corporation")) or t in _PLACE_LIKE
            for t in types
        )
        # A bare {"@type": "Organization", "name": "Lyft"} is a topic tag of an article.
        described = any(item.get(k) for k in ("url", "logo", "sameAs", "legalName", "founder",
                                               "foundingDate", "vatID", "contactPoint"))
        if has_contact or (is_org and described):
            record = _from_item(item, syntax)
            if record:
                out.append(record)
                return
    if set(types) & _LEAF_TYPES:
        keys = [k for k in ("seller", "provider", "offers", "mainEntity") if k in item]
    else:
        keys = [k for k in item if not k.startswith("@") and k not in _SKIP_KEYS]
    for key in keys:
        if isinstance(item[key], dict | list):
            _walk(item[key], syntax, out, depth + 1)


_RDFA_MARKUP = re.compile(r"""\s(?:typeof|vocab)\s*=|\sproperty\s*=\s*["']?(?:schema|vcard|v):""",
                          re.IGNORECASE)
_HCARD_MARKUP = re.compile(r"""class\s*=\s*["'][^"']*\b(?:vcard|h-card)\b""", re.IGNORECASE)


def _merge_duplicates(records: list[ExtractedRecord]) -> list[ExtractedRecord]:
    """One record per company: markup often describes the same business twice."""
    from spiders.pages.merge import merge_into, same_company

    out: list[ExtractedRecord] = []
    for record in records:
        match = next((r for r in out if same_company(r, record, "US")), None)
        if match is None:
            out.append(record)
        else:
            out[out.index(match)] = merge_into(match, record, "US")
    return out


def _own_page_url(website: str, url: str) -> bool:
    """A structured ``url`` pointing into the page's own site below its home page (a listing
    site's page about the company) is not the company's website."""
    if host_of(website) != host_of(url):
        return False
    path = website.split("://", 1)[-1].partition("/")[2].strip("/")
    return bool(path)


def structured_records(
    html: str, url: str, root: etree._Element | None = None
) -> tuple[list[ExtractedRecord], dict[str, Any]]:
    """Company records from the page's structured data, and the raw OpenGraph properties."""
    # RDFa is slow: run it only when its markup is there. hCards are read from ``root``.
    syntaxes = ["json-ld", "microdata", "opengraph"]
    if _RDFA_MARKUP.search(html):
        syntaxes.append("rdfa")
    try:
        data = extruct.extract(
            html,
            base_url=url,
            syntaxes=syntaxes,
            uniform=True,
            errors="ignore",
        )
    except Exception as exc:  # extruct raises whatever its parsers raise on broken markup
        logger.debug("structured data unreadable on %s: %s", url, exc)
        return [], {}
    records: list[ExtractedRecord] = []
    for syntax in ("json-ld", "microdata", "rdfa"):
        _walk(data.get(syntax) or [], syntax, records)
    if root is not None and _HCARD_MARKUP.search(html):
        for item in hcard_items(root):
            record = _from_hcard(item)
            if record:
                records.append(record)
    records = _merge_duplicates(records)
    for record in records:
        own = [w for w in record.websites if _own_page_url(w, url)]
        if own:
            record.websites = [w for w in record.websites if w not in own]
            record.extra.setdefault("profile_url", own[0])
    og: dict[str, Any] = {}
    for item in data.get("opengraph") or []:
        og.update({k: v for k, v in item.items() if not k.startswith("@")})
    return records, og
