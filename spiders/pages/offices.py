"""Layers 3+4 on company pages: the company (or its offices) from address blocks and names.

An address block is a postal address with the name printed just above it ("Canvas Works /
18850 Adams Ct / Morgan Hill, CA 95037"). A page yields one record, or one per office when it
shows several blocks with different names and different addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from rapidfuzz import fuzz

from spiders.pages.addresses import FoundAddress, find_addresses, is_street_line
from spiders.pages.contact import Found
from spiders.pages.dom import Line
from spiders.pages.emails import find_emails
from spiders.pages.names import (
    LEGAL_SUFFIX,
    clean_name,
    copyright_name,
    is_agency_credit,
    is_menu_label,
    labelled_company,
    legal_name_in,
    name_like,
)
from spiders.pages.phones import find_phones

_LABEL_LINE = re.compile(r"[:：?!]\s*$|^\s*(?:by|per|via)\s", re.IGNORECASE)


@dataclass
class Block:
    """An address with the name lines printed above it."""

    address: FoundAddress
    name: str | None
    first_line: int


def _ancestors(el: etree._Element) -> list[etree._Element]:
    out = []
    node: etree._Element | None = el
    while node is not None:
        out.append(node)
        node = node.getparent()
    return out


def _close(a: Line, b: Line) -> bool:
    """Are two consecutive lines part of the same small block of the page?"""
    if b.soft or a.block is b.block:
        return True
    up_a, up_b = _ancestors(a.block), _ancestors(b.block)
    if a.block in up_b or b.block in up_a:
        return True
    common = next((x for x in up_a if x in up_b), None)
    return common is not None and up_a.index(common) <= 2 and up_b.index(common) <= 2


def _name_line(text: str, region: str) -> str | None:
    if _LABEL_LINE.search(text) or is_menu_label(text) or is_agency_credit(text):
        return None
    if "@" in text or "©" in text or re.search(r"https?://|www\.", text):
        return None
    if find_phones(text, region) or find_emails(text) or is_street_line(text):
        return None
    if re.search(r"\d{3,}", text) and not LEGAL_SUFFIX.search(text) and not re.search(
        r"[A-Za-z]\d|\d[A-Za-z]", text
    ):
        return None
    if len(text) > 80 or len(text.split()) > 8:
        return None
    if text[:1].islower() and not LEGAL_SUFFIX.search(text):
        return None
    return clean_name(text)


def address_blocks(lines: list[Line], region: str) -> list[Block]:
    """Every postal address on the page with the company name printed above it, if any."""
    texts = [line.text for line in lines]
    blocks: list[Block] = []
    for address in find_addresses(texts):
        parts: list[str] = []
        first = address.first_line
        j = address.first_line - 1
        while j >= 0 and len(parts) < 3 and _close(lines[j], lines[j + 1]):
            name = _name_line(texts[j], region)
            if name is None:
                break
            parts.insert(0, name)
            first = j
            if not lines[j].soft:
                break
            j -= 1
        name = " ".join(parts) if parts else None
        if name and name.lower() in address.text.lower():
            name = None  # "London" above "20-22 Bedford Row, London": a place, not a company
        if name and not name_like(name):
            name = None  # a section title above the address ("Dirección", "Our office")
        blocks.append(Block(address, name, first))
    return blocks


def similar_names(a: str | None, b: str | None, threshold: float = 80) -> bool:
    """Names that denote the same company, ignoring case and punctuation."""
    if not a or not b:
        return False
    a_key, b_key = _key(a), _key(b)
    return fuzz.token_set_ratio(a_key, b_key) >= threshold


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


@dataclass
class NameCandidates:
    """Every name the page offers for its own company, strongest source first."""

    labelled: str | None = None
    block: str | None = None
    legal_line: str | None = None
    copyright: str | None = None

    def best(self) -> tuple[str | None, str]:
        for source in ("labelled", "block", "legal_line", "copyright"):
            value = getattr(self, source)
            if value:
                return value, {"labelled": "company label", "block": "address block name",
                               "legal_line": "legal-suffix line",
                               "copyright": "© line"}[source]
        return None, ""


def name_candidates(lines: list[Line], blocks: list[Block]) -> NameCandidates:
    """The page's own company name candidates from labels, blocks, legal forms and © lines."""
    found = NameCandidates()
    found.block = next((b.name for b in blocks if b.name), None)
    for line in lines:
        text = line.text
        if found.labelled is None:
            found.labelled = labelled_company(text)
        if found.legal_line is None:
            found.legal_line = legal_name_in(text) if len(text) <= 60 else None
        if found.copyright is None and not is_agency_credit(text):
            holder = copyright_name(text)
            found.copyright = holder if holder and name_like(holder) else None
    return found


def split_offices(blocks: list[Block]) -> list[Block]:
    """The blocks that are separate offices: named, with different names and addresses."""
    offices: list[Block] = []
    for block in blocks:
        if not block.name or block.name.lower() in block.address.text.lower():
            continue  # "London" above "20-22 Bedford Row, London": a place, not a company
        same = [
            o for o in offices
            if similar_names(o.name, block.name, 90)
            or fuzz.token_set_ratio(_key(o.address.text), _key(block.address.text)) >= 90
        ]
        if not same:
            offices.append(block)
    return offices


def zone_of(found: Found, start: int, end: int) -> tuple[list, list]:
    """Phones and e-mails found between two line numbers."""
    phones = [p for i, p in found.phones if start <= i < end]
    emails = [e for i, e, _ in found.emails if start <= i < end]
    return phones, emails
