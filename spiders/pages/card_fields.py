"""What listing cards show besides contacts: location, category, membership tier, booth —
read from class names, table headers and short labelled lines."""

from __future__ import annotations

import re

from lxml import etree

from spiders.pages.addresses import country_in
from spiders.pages.dom import collapse
from spiders.pages.labelled import field_of, labelled_fields
from spiders.pages.models import ExtractedRecord

_TIER = re.compile(r"\b(?:platinum|gold|silver|bronze|premium|standard|basic|associate|full|"
                   r"corporate|founding)\s+(?:member|membership|partner|sponsor)\b", re.IGNORECASE)
_BOOTH = re.compile(r"\b(?:hall|halle|booth|stand|pavilion)\b\.?\s*[:#]?\s*[\w/ -]{1,20}|展位",
                    re.IGNORECASE)
_SIZE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:m²|m2|sqm|sq\.? ?m|sq\.? ?ft|qm)\b", re.IGNORECASE)
#: Table header words -> field.
_HEADERS = (
    (re.compile(r"country|land|pays|país|国家|страна", re.I), "country"),
    (re.compile(r"city|town|ort|stadt|ville|ciudad|城市|город", re.I), "city"),
    (re.compile(r"size|größe|m²|sqm", re.I), "booth_size"),
    (re.compile(r"booth|stand|hall|halle|展位", re.I), "booth"),
    (re.compile(r"categor|branche|industry|sector|sektor|行业|类别", re.I), "category"),
    (re.compile(r"tier|level|membership|mitgliedschaft", re.I), "membership_tier"),
)


def _header_cells(row: etree._Element) -> list[str]:
    table = next((a for a in row.iterancestors() if a.tag == "table"), None)
    if table is None:
        return []
    for tr in table.iter("tr"):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("th", "td")]
        if cells and all(c.tag == "th" for c in cells):
            return [collapse(c.text_content()) for c in cells]
    return []


def _set(record: ExtractedRecord, field: str, value: str, where: str) -> None:
    if not value:
        return
    if field == "country":
        record.country = record.country or value
    elif field == "city":
        record.city = record.city or value
    elif field == "category":
        if value not in record.categories:
            record.categories.append(value)
    else:
        record.extra.setdefault(field, value)
    record.evidence.setdefault(field if field != "category" else "categories", where)


def card_fields(el: etree._Element, record: ExtractedRecord, where: str) -> None:
    """Fill location, categories, tier and booth of a card record from its markup."""
    if el.tag == "tr":
        headers = _header_cells(el)
        cells = [c for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if headers and len(headers) == len(cells):
            for header, cell in zip(headers, cells, strict=True):
                field = next((f for pattern, f in _HEADERS if pattern.search(header)), None)
                if field:
                    _set(record, field, collapse(cell.text_content()), f"{where} column {header!r}")
    for node in el.iter():
        if not isinstance(node.tag, str) or len(node) > 2:
            continue
        marker = f"{node.get('class') or ''} {node.get('itemprop') or ''}".lower()
        text = collapse(node.text_content())
        if not text or len(text) > 80:
            continue
        if re.search(r"categor|branche|industry|sector|tag", marker):
            label = re.split(r"[:：]", text, maxsplit=1)[0] if re.search(r"[:：]", text) else ""
            if not (label and field_of(label)):
                # a label line ("Category: Food") is read by labelled_fields, label removed
                _set(record, "category", text, f"{where} .{marker.split()[0]}")
        elif re.search(r"tier|level|membership", marker) or _TIER.search(text):
            _set(record, "membership_tier", text, f"{where} tier")
        elif re.search(r"location|city|ort|place", marker) or (
            "," in text and country_in(text) and text != record.name
        ):
            country = country_in(text)
            if country:
                parts = [p.strip() for p in text.split(",")]
                _set(record, "country", parts[-1], f"{where} location")
                if len(parts) >= 2 and not re.search(r"\d", text):
                    _set(record, "city", parts[-2], f"{where} location")
                if not record.address and not re.search(r"\d", text):
                    record.address = text  # the location as printed is all the card shows
                    record.evidence["address"] = f"{where} location"
        if _SIZE.fullmatch(text):
            _set(record, "booth_size", text, f"{where} booth size")
        elif _BOOTH.match(text) and len(text) <= 30:
            _set(record, "booth", text, f"{where} booth")
    labelled_fields(el, record, where, skip_chrome=False)
