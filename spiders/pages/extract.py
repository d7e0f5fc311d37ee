"""``extract_records``: every company on one page, from all layers merged per record."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from spiders.pages.contact import Found, scan_lines
from spiders.pages.dom import Line, page_lang, page_title, parse_html, visible_lines
from spiders.pages.encoding import decode_html
from spiders.pages.merge import dedupe_emails, dedupe_phones, merge_into, same_company
from spiders.pages.models import ExtractedRecord, SourceHints
from spiders.pages.names import LEGAL_SUFFIX, is_menu_label, title_parts
from spiders.pages.offices import (
    Block,
    address_blocks,
    name_candidates,
    similar_names,
    split_offices,
    zone_of,
)
from spiders.pages.phones import region_for
from spiders.pages.structured import structured_records

#: How many lines after an office's address still belong to it (phone, fax, e-mail lines).
_OFFICE_TAIL = 8


class PageContext:
    """A parsed page and what every layer needs from it."""

    def __init__(self, html: str | bytes, url: str, region_hint: str | None = None) -> None:
        self.html = decode_html(html) if isinstance(html, bytes) else html
        self.url = url
        self.root = parse_html(self.html)
        self.lines: list[Line] = visible_lines(self.root)
        self.lang = page_lang(self.root)
        self.text = "\n".join(line.text for line in self.lines)
        self.region = region_for(url, self.lang, region_hint, self.text)
        self.title = page_title(self.root)

    def found(self) -> Found:
        return scan_lines(self.lines, self.root, self.region)


def _fill_contacts(record: ExtractedRecord, phones: list, emails: list[str], region: str) -> None:
    record.phones = dedupe_phones(record.phones + [p.raw for p in phones if not p.fax], region)
    record.fax = dedupe_phones(
        record.fax + [p.raw for p in phones if p.fax], region, exclude=record.phones
    )
    record.emails = dedupe_emails(record.emails + emails)
    if record.phones:
        record.evidence.setdefault("phones", "visible text")
    if record.fax:
        record.evidence.setdefault("fax", "visible text (fax label)")
    if record.emails:
        record.evidence.setdefault("emails", "visible text")


def _from_block(block: Block, name: str | None, source: str) -> ExtractedRecord:
    record = ExtractedRecord(name=name)
    if name:
        record.evidence["name"] = source
    record.address = block.address.text
    record.postal_code = block.address.postal_code
    record.street = block.address.street
    record.evidence["address"] = f"text lines {block.address.first_line}-{block.address.last_line}"
    return record


def _fallback_name(ctx: PageContext, og: dict) -> tuple[str | None, str]:
    site = og.get("og:site_name")
    if isinstance(site, str) and site.strip():
        return site.strip(), "og:site_name"
    host = (urlsplit(ctx.url).hostname or "").removeprefix("www.")
    label = host.split(".")[0] if host else ""
    for part in title_parts(ctx.title or ""):
        if label and label.replace("-", "") in part.lower().replace(" ", "").replace("-", ""):
            return part, "<title>"
    return None, ""


_DIRECTORY_WORDS = re.compile(
    r"\b(?:directory|directories|listings?|yellow pages|search results|branchenbuch|"
    r"firmenverzeichnis|bedrijvengids|bedrijven|katalog firem|firmy|katalog|"
    r"справочник|каталог компаний)\b|企业名录|黄页|公司名录",
    re.IGNORECASE,
)


def _owner_without_contacts(ctx: PageContext, name: str | None, source: str) -> bool:
    """May a page with a name but no contact details stand for its owner company?

    Only when the name is clearly the site's own company (a legal form, a label, or the
    domain spelled out) and the site is not a directory, whose own name is not a lead.
    """
    if not name:
        return False
    if source == "© line":
        host = (urlsplit(ctx.url).hostname or "").removeprefix("www.")
        label = re.sub(r"[^a-z0-9]", "", host.split(".")[0]) if host else ""
        key = re.sub(r"[^a-z0-9]", "", name.lower())
        if not (LEGAL_SUFFIX.search(name) or (label and key and (key in label or label in key))):
            return False
    letters = sum(1 for a in ctx.root.iter("a") if len(a.text_content().strip()) == 1)
    sample = " ".join([ctx.title or ""] + [line.text for line in ctx.lines[:80]])
    return letters < 20 and not _DIRECTORY_WORDS.search(sample)


def owner_records(ctx: PageContext, found: Found, og: dict) -> list[ExtractedRecord]:
    """The company (or its offices) that a company page is about."""
    blocks = address_blocks(ctx.lines, ctx.region)
    candidates = name_candidates(ctx.lines, blocks)
    offices = split_offices(blocks)
    records: list[ExtractedRecord] = []
    if len(offices) >= 2:
        for k, office in enumerate(offices):
            end = (
                offices[k + 1].first_line
                if k + 1 < len(offices)
                else office.address.last_line + _OFFICE_TAIL
            )
            record = _from_block(office, office.name, "address block name")
            phones, emails = zone_of(found, office.first_line, end)
            _fill_contacts(record, phones, emails, ctx.region)
            records.append(record)
        zones = [(o.first_line, (offices[k + 1].first_line if k + 1 < len(offices)
                                 else o.address.last_line + _OFFICE_TAIL))
                 for k, o in enumerate(offices)]
        outside_phones = [p for i, p in found.phones if not any(a <= i < b for a, b in zones)]
        outside_emails = [e for i, e, _ in found.emails if not any(a <= i < b for a, b in zones)]
        _fill_contacts(records[0], outside_phones, outside_emails, ctx.region)
    else:
        name, source = candidates.best()
        strong = bool(name)
        if not name:
            name, source = _fallback_name(ctx, og)
        block = next((b for b in blocks if b.name), blocks[0] if blocks else None)
        if block is not None:
            record = _from_block(block, name, source)
        else:
            record = ExtractedRecord(name=name, evidence={"name": source} if name else {})
        _fill_contacts(
            record, [p for _, p in found.phones], [e for _, e, _ in found.emails], ctx.region
        )
        has_contact = bool(record.phones or record.emails or record.address)
        if not has_contact and not (strong and _owner_without_contacts(ctx, name, source)):
            return []
        records.append(record)
    first = records[0]
    first.websites = [w for _, w in found.websites]
    if first.websites:
        first.evidence["websites"] = "visible URL text"
    first.social = list(found.social)
    if found.postal_code and not first.postal_code:
        first.postal_code = found.postal_code
    first.extra.update(found.extra)
    if found.contacts:
        first.contacts = list(found.contacts)
        first.evidence["contacts"] = "contact label / name before own e-mail"
    legal = candidates.copyright or candidates.legal_line
    if (
        legal and first.name and legal != first.name and LEGAL_SUFFIX.search(legal)
        and not LEGAL_SUFFIX.search(first.name) and similar_names(first.name, legal)
    ):
        first.legal_name = legal
    return records


def _prefer_visible_name(record: ExtractedRecord, text_name: str | None) -> None:
    """A visible name that contains the structured one is the fuller name ("X GmbH Steuer...")."""
    if (
        text_name and record.name and text_name != record.name
        and record.name.lower() in text_name.lower() and len(text_name) <= 100
        and not is_menu_label(text_name)
    ):
        record.name = text_name
        record.evidence["name"] = "address block name (fuller than structured data)"


def extract_page(ctx: PageContext, hints: SourceHints | None = None) -> list[ExtractedRecord]:
    """All records of a parsed page (see :func:`extract_records`)."""
    from spiders.pages.listing import listing_records  # listing imports this module's context

    structured, og = structured_records(ctx.html, ctx.url)
    listed = listing_records(ctx, hints)
    if len(structured) >= 2 and not (hints and hints.record):
        # The markup names the companies; cards only add what they show about those.
        records = []
        for item in structured:
            match = next((r for r in listed if same_company(item, r, ctx.region)), None)
            records.append(merge_into(item, match, ctx.region) if match else item)
        return records
    if listed:
        records = list(listed)
        for item in structured:
            match = next((r for r in records if same_company(r, item, ctx.region)), None)
            if match is not None:
                records[records.index(match)] = merge_into(match, item, ctx.region)
        return records
    found = ctx.found()
    owners = owner_records(ctx, found, og)
    for item in structured:
        match = next((r for r in owners if same_company(r, item, ctx.region)), None)
        if match is None:
            if not owners:
                owners.append(item)
            continue
        index = owners.index(match)
        merged = merge_into(item, match, ctx.region)
        _prefer_visible_name(merged, match.name)
        if match.address:  # the address as printed beats the markup's parts
            merged.address = match.address
            merged.evidence["address"] = match.evidence.get("address", "visible text")
        owners[index] = merged
    return owners


def extract_records(
    html: str | bytes,
    url: str,
    *,
    region_hint: str | None = None,
    hints: SourceHints | None = None,
) -> list[ExtractedRecord]:
    """Every company a person can see on one page, each with the evidence of its fields.

    ``html`` may be bytes (decoded with :func:`decode_html`); ``url`` is where the page was
    served (it resolves links and hints the phone region); ``region_hint`` is an ISO country
    code for national phone numbers; ``hints`` are per-source selectors that override the
    automatic way. A page that shows no business yields ``[]``.
    """
    return extract_page(PageContext(html, url, region_hint), hints)


def element_text(el: etree._Element) -> str:
    """Visible text of an element as one line."""
    from spiders.pages.dom import visible_text

    return " ".join(visible_text(el).split())
