"""``extract_records``: every company on one page, from all layers merged per record."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from spiders.pages.addresses import (
    address_from_line,
    country_in,
    find_addresses,
    labelled_address,
)
from spiders.pages.contact import Found, scan_lines
from spiders.pages.dom import Line, is_visible, page_lang, page_title, parse_html, visible_lines
from spiders.pages.encoding import decode_html
from spiders.pages.labelled import add_category_heading, labelled_fields
from spiders.pages.merge import (
    dedupe_emails,
    dedupe_phones,
    dedupe_websites,
    merge_into,
    same_company,
)
from spiders.pages.models import ExtractedRecord, SourceHints
from spiders.pages.names import LEGAL_SUFFIX, clean_name, is_menu_label, name_like, title_parts
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
from spiders.pages.urls import registered_domain

#: How many lines after an office's address still belong to it (phone, fax, e-mail lines).
_OFFICE_TAIL = 8


class PageContext:
    """A parsed page and what every layer needs from it."""

    def __init__(self, html: str | bytes, url: str, region_hint: str | None = None,
                 *, directory_page: bool = False) -> None:
        self.html = decode_html(html) if isinstance(html, bytes) else html
        self.url = url
        self.directory_page = directory_page
        """A directory's page about a company it lists (a detail page reached from a
        listing): the site's own contacts around it are the directory's."""
        self.root = parse_html(self.html)
        self.lines: list[Line] = visible_lines(self.root)
        self.lang = page_lang(self.root)
        self.text = "\n".join(line.text for line in self.lines)
        countries = [
            c for a in find_addresses([line.text for line in self.lines])
            if (c := country_in(a.text))
        ]
        self.region = region_for(url, self.lang, region_hint, self.text, countries)
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
    """A name when the page prints none near its contacts: og:site_name, the logo, the title."""
    name, source = _fallback_name_raw(ctx, og)
    return (clean_name(name), source) if name and clean_name(name) else (None, "")


def _fallback_name_raw(ctx: PageContext, og: dict) -> tuple[str | None, str]:
    site = og.get("og:site_name")
    if isinstance(site, str) and site.strip():
        part = title_parts(site.strip())[0] if title_parts(site.strip()) else site.strip()
        if name_like(part):
            return part, "og:site_name"
    host = (urlsplit(ctx.url).hostname or "").removeprefix("www.")
    label = re.sub(r"[^a-z0-9]", "", host.split(".")[0]) if host else ""

    def matches(text: str) -> bool:
        key = re.sub(r"[^a-z0-9]", "", text.lower())
        return bool(label and key and (key in label or label in key) and len(key) >= 3)

    for img in ctx.root.iter("img"):
        marker = " ".join(img.get(k) or "" for k in ("class", "id", "src", "alt")).lower()
        alt = clean_name(img.get("alt") or "")
        if alt and "logo" in marker and matches(alt) and name_like(alt):
            return alt, "logo alt text"
    for header in ctx.root.iter("header"):
        for line in ctx.lines:
            node = line.block
            if (node is header or header in node.iterancestors()) and matches(line.text) and (
                name_like(line.text)
            ):
                return line.text, "site header"
    for part in title_parts(ctx.title or ""):
        if (matches(part) or (label and label in part.lower().replace(" ", "").replace("-", ""))
                ) and name_like(part):
            return part, "<title>"
    return None, ""


#: A line that labels a website ("Web: www.acme.de", "网址：").
_WEBSITE_LABEL = re.compile(
    r"\b(?:web(?:site|seite)?|internet|homepage|url|site web|sitio web|strona www)\s*[:：]|"
    r"网址|網址|网站|сайт|웹사이트",
    re.IGNORECASE,
)
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


def _subject(ctx: PageContext, found: Found) -> tuple[str | None, int]:
    """The page's main heading when it names a company with contact details right below it."""
    heading = next((el for el in ctx.root.iter("h1") if is_visible(el)), None)
    if heading is None:
        return None, -1
    text = clean_name(" ".join(heading.text_content().split()))
    if text and " | " in text:
        text = title_parts(text)[0]  # "MightyFingers | HTML5 Game Editor | ..."
    if not text or not name_like(text):
        return None, -1
    index = next((line.index for line in ctx.lines if line.block is heading), -1)
    if index < 0:
        return None, -1
    window = range(index, index + 16)
    near = any(i in window for i, _ in found.phones) or any(
        i in window for i, _, _ in found.emails
    ) or any(
        address_from_line([line.text for line in ctx.lines[max(0, i - 1) : i + 1]], 1 if i else 0)
        or labelled_address([line.text for line in ctx.lines], i)
        for i in window
        if i < len(ctx.lines)
    )
    return (text, index) if near else (None, -1)


def _footer_lines(ctx: PageContext, owner: str | None) -> set[int]:
    """Lines of the page footer: inside <footer>/.footer/#footer, a side bar (<aside>), or
    naming the © owner."""
    out: set[int] = set()
    for line in ctx.lines:
        node = line.block
        while node is not None:
            marker = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
            if node.tag in ("footer", "aside") or "footer" in marker or (
                    node.get("role") == "contentinfo"):
                out.add(line.index)
                break
            node = node.getparent()
        if "©" in line.text or (owner and owner in line.text and "(c)" in line.text.lower()):
            out.add(line.index)
    return out


def owner_records(ctx: PageContext, found: Found, og: dict) -> list[ExtractedRecord]:
    """The company (or its offices) that a company page is about."""
    blocks = address_blocks(ctx.lines, ctx.region)
    candidates = name_candidates(ctx.lines, blocks)
    offices = split_offices(blocks)
    records: list[ExtractedRecord] = []
    about_other = False
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
        subject, _ = _subject(ctx, found)
        owner = candidates.copyright or (og.get("og:site_name") if isinstance(
            og.get("og:site_name"), str) else None)
        about_other = ctx.directory_page or bool(
            subject and owner and not similar_names(subject, owner))
        name: str | None
        source: str
        if candidates.labelled:
            name, source = candidates.labelled, "company label"
        elif subject:
            name, source = subject, "page heading (h1) above contact details"
            block_name = candidates.block
            parts = [p.strip().lower() for p in re.split(r"\s[-–—|:·]\s", subject)]
            if block_name and block_name != subject and block_name.lower() in parts:
                # "DORDRECHT - Rabobank Drechtsteden" over "Rabobank Drechtsteden": the name
                # printed above the address is the same company without decoration.
                name, source = block_name, "address block name (inside the h1)"
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
        phones = [(i, p) for i, p in found.phones]
        emails = [(i, e) for i, e, _ in found.emails]
        if about_other:
            # A directory's page about another company: the directory's own footer contacts
            # (its © line, its <footer> or side bar) and its e-mails at its own domain are not
            # the company's (they were every listed company's phone and e-mail).
            footer = _footer_lines(ctx, owner)
            site = registered_domain(ctx.url)
            phones = [(i, p) for i, p in phones if i not in footer]
            emails = [(i, e) for i, e in emails if i not in footer and not (
                site and registered_domain(e.rpartition("@")[2]) == site)]
            record.evidence["name"] = (
                f"{source}; © owner {owner!r} is the site, not the record" if owner
                else f"{source}; a directory's page: its footer is the site's")
        _fill_contacts(record, [p for _, p in phones], [e for _, e in emails], ctx.region)
        has_contact = bool(record.phones or record.emails or record.address)
        if not has_contact and not (strong and _owner_without_contacts(ctx, name, source)):
            return []
        records.append(record)
    first = records[0]
    zone: set[int] = set()
    for b in blocks:
        zone.update(range(max(0, b.first_line - 2), b.address.last_line + _OFFICE_TAIL))
    own = registered_domain(ctx.url)
    if ctx.directory_page:  # the company's site, not the directory's own links
        site_footer = _footer_lines(ctx, None)
        first.websites = dedupe_websites([
            w for i, w in found.websites if i not in site_footer and registered_domain(w) != own])
    else:
        first.websites = dedupe_websites([
            w for i, w in found.websites
            if about_other or i in zone or registered_domain(w) == own
            or _WEBSITE_LABEL.search(ctx.lines[i].text if i < len(ctx.lines) else "")
        ])
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

    structured, og = structured_records(ctx.html, ctx.url, ctx.root)
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
        add_category_heading(records, ctx.root, ctx.url)
        return records
    found = ctx.found()
    owners = owner_records(ctx, found, og)
    venues = [i for i in structured if "event" in i.evidence.get("name", "")]
    if venues:
        # An event page: the venue is the business; the ticket site around it is not a lead,
        # and its e-mails are not the venue's.
        out: list[ExtractedRecord] = []
        for venue in venues:
            match = next((r for r in owners if same_company(r, venue, ctx.region)), None)
            if match is not None:
                match = match.model_copy(update={"emails": []})
                venue = merge_into(venue, match, ctx.region)
            out.append(venue)
        return out
    for item in structured:
        match = next((r for r in owners if same_company(r, item, ctx.region)), None)
        if match is None and len(owners) == 1 and similar_names(owners[0].name, item.name):
            match = owners[0]  # "Acme" in the markup, "Acme GmbH" on the page
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
    if hints and hints.fields:
        # A company page with per-source selectors: they override the automatic values.
        from spiders.pages.listing import apply_field_hints

        if not owners:
            owners.append(ExtractedRecord())
        apply_field_hints(owners[0], ctx.root, hints.fields)
        if not owners[0].name:
            return []
    if owners:
        # Company-level facts (category, employees, founded...) belong to the main record.
        labelled_fields(ctx.root, owners[0], "page")
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
