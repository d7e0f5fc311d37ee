"""Layer 2: repeated record blocks on listing pages (cards, table rows, list items).

A listing shows its companies as sibling elements built the same way (same tag, same classes),
each with a name and some contact evidence (an address, a phone). We group siblings by that
signature, keep the groups whose members mostly carry contact evidence, and read each member
as one company. Menus and link lists are groups too, but carry no addresses or phones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

import phonenumbers
from lxml import etree

from spiders.pages.addresses import country_in, find_addresses, postal_match, street_span
from spiders.pages.card_fields import card_fields
from spiders.pages.contact import scan_lines
from spiders.pages.dom import _Renderer, collapse, is_hidden, is_visible
from spiders.pages.emails import find_emails
from spiders.pages.merge import dedupe_emails, dedupe_phones
from spiders.pages.models import ExtractedRecord, SourceHints
from spiders.pages.names import clean_name, is_agency_credit, name_like
from spiders.pages.phones import find_phones
from spiders.pages.selectors import select, select_text
from spiders.pages.social import host_of, is_social
from spiders.pages.urls import absolute, base_url

if TYPE_CHECKING:
    from spiders.pages.dom import Line
    from spiders.pages.extract import PageContext

_MIN_ITEMS = 3
_CHROME_MARKER = re.compile(r"(?:^|[\s_-])(?:footer|header|navbar|nav|menu|sidebar|breadcrumbs?)"
                            r"(?:$|[\s_-])")
_ALIAS = re.compile(r"also known as|\baka\b|auch bekannt als|também conhecido|dit\b|别名",
                    re.IGNORECASE)
_ENTRY_CLASS = re.compile(
    r"\.(?:[\w-]*[-_])?(?:member|exhibitor|company|business|listing|firm|vendor|supplier|"
    r"dealer|store|shop|location|branch|office|venue|aussteller|mitglied|firma|bedrijf)"
    r"(?:[-_](?:card|item|entry|row|box|block|teaser|tile))?(?:\.|$)",
    re.IGNORECASE,
)
_JOB_TITLE = re.compile(
    r"\b(?:officer|director|manager|assistant|president|coordinator|specialist|secretary|"
    r"treasurer|chair(?:man|woman|person)?|head of|dean|professor|editor|associate|intern|"
    r"representative|consultant|engineer|accountant|administrator|supervisor|executive|"
    r"geschäftsführer(?:in)?|leiter(?:in)?|referent(?:in)?|sachbearbeiter(?:in)?|"
    r"directeur|directrice|responsable|gerente|director[a]?|jefe|directeur|dyrektor|"
    r"kierownik|ředitel|vedoucí|директор|менеджер|经理|总监|主任)\b",
    re.IGNORECASE,
)
_NAME_CLASS = re.compile(r"name|title|company|firm|org|heading|naam|nazev|nazwa", re.IGNORECASE)
_WEBSITE_TEXT = re.compile(r"^(?:website|web site|homepage|web|www\..*|site|webseite|"
                           r"internet|sito|strona|網站|网站|ホームページ)$", re.IGNORECASE)
_GENERIC_LINK = re.compile(r"^(?:more|read more|details?|view|mehr|weiter|info|»|›|→|\+)$",
                           re.IGNORECASE)
_STRUCTURAL_SKIP = {"nav", "header", "footer", "menu", "select", "form"}


def _signature(el: etree._Element) -> str:
    classes = sorted(re.sub(r"\d+", "", c) for c in (el.get("class") or "").split())
    return f"{el.tag}.{'.'.join(c for c in classes if c)}"


def _lines(el: etree._Element) -> list[Line]:
    renderer = _Renderer()
    renderer.block = el
    renderer.walk(el, el)
    renderer.flush()
    return renderer.lines


_BOOTH = re.compile(r"\b(?:hall|halle|hal|booth|stand|standnr|pavilion|pavillon)\b\.?\s*[:#]?"
                    r"\s*[A-Z]?\d|展位|展台|展馆", re.IGNORECASE)


def _has_contact(el: etree._Element, region: str) -> bool:
    """Does a block show where or how to reach a company (address, phone, location, booth)?"""
    if el.find(".//address") is not None or el.xpath(".//*[@itemprop='address']"):
        return True
    lines = [line.text for line in _lines(el)]
    text = "\n".join(lines)
    if len(text) > 3000 or not lines:
        return False
    name = _name_of(el)[0]
    if name and country_in(name):
        return False  # a country picker ("Österreich", "Canada (English)")
    if find_phones(text, region):
        return True
    return any(
        (postal_match(t) or (None, "", False))[2] or street_span(t, loose=False)
        or _BOOTH.search(t)
        for t in lines
        if len(t) < 120
    ) or _shows_location(el, name)


def _shows_location(el: etree._Element, name: str | None) -> bool:
    """A "City, Country" line, or a country in its own table cell or location element."""
    for node in el.iter():
        if not isinstance(node.tag, str) or len(node) > 3:
            continue
        text = collapse(node.text_content())
        if not text or text == name or len(text) > 80 or not country_in(text):
            continue
        marker = f"{node.get('class') or ''} {node.get('itemprop') or ''}".lower()
        if "," in text or node.tag == "td" or re.search(
            r"country|location|land|city|ort|place|address|region", marker
        ):
            return True
    return False


def _email_domain(el: etree._Element) -> str | None:
    """The domain of the first e-mail a block shows (text or mailto)."""
    text = " ".join(line.text for line in _lines(el))
    found = find_emails(text)
    if not found:
        for a in el.iter("a"):
            href = a.get("href") or ""
            if href.lower().startswith("mailto:"):
                found = find_emails(href[7:])
                break
    return found[0].rsplit("@", 1)[-1].lower() if found else None


def _card_sized(el: etree._Element) -> bool:
    """Cards and rows are small; page columns and layout wrappers are not."""
    return len(collapse(el.text_content())) <= 1500


def _inside_chrome(el: etree._Element) -> bool:
    """Inside the page's header, footer, navigation or a menu (by tag, class or id)."""
    node = el.getparent()
    while node is not None:
        if isinstance(node.tag, str):
            if node.tag in _STRUCTURAL_SKIP:
                return True
            marker = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
            if _CHROME_MARKER.search(marker):
                return True
        node = node.getparent()
    return False


def find_record_blocks(
    root: etree._Element, region: str, page_host: str = ""
) -> list[etree._Element]:
    """The member elements of the best repeated group that carries contact evidence."""
    groups: dict[str, list[etree._Element]] = defaultdict(list)
    for parent in root.iter():
        if not isinstance(parent.tag, str) or parent.tag in ("head", "select", "script"):
            continue
        children = [c for c in parent if isinstance(c.tag, str) and not is_hidden(c)]
        by_sig: dict[str, list[etree._Element]] = defaultdict(list)
        for child in children:
            by_sig[_signature(child)].append(child)
        for sig, members in by_sig.items():
            # Fewer than three only when the markup says "this is a company entry" (the last
            # page of a member list may hold a single card).
            enough = len(members) >= _MIN_ITEMS or _ENTRY_CLASS.search(sig)
            if enough and members[0].tag not in ("option", "br", "script"):
                groups[f"{_signature(parent)}>{sig}"].extend(members)
    best: list[etree._Element] = []
    best_score = 0.0
    for members in groups.values():
        if _inside_chrome(members[0]) or not is_visible(members[0]):
            continue
        if sum(1 for m in members if _card_sized(m)) < 0.8 * len(members):
            continue
        # A link to another site alone is no evidence: partner, feed and blogroll lists have it.
        # An e-mail is, when each block has its own domain (a staff list shares one).
        domains = [_email_domain(m) for m in members]
        with_email = sum(1 for d in domains if d)
        own_domains = len({d for d in domains if d}) >= max(_MIN_ITEMS, 0.8 * with_email)
        with_contact = sum(
            1 for m, d in zip(members, domains, strict=True)
            if _has_contact(m, region) or (d and own_domains)
        )
        share = with_contact / len(members)
        entries = bool(_ENTRY_CLASS.search(_signature(members[0])))
        if share < 0.5 or with_contact < (1 if entries else _MIN_ITEMS):
            continue
        if entries and len(members) < _MIN_ITEMS and not all(
            _name_of(m)[1] in ("heading", "itemprop=name", "name class") for m in members
        ):
            continue
        names = [_name_of(m)[0] for m in members]
        named = sum(1 for n in names if n)
        if named / len(members) < 0.6:
            continue
        if len({n.lower() for n in names if n}) < 0.6 * named:
            continue  # "Ravenna" five times: repeated labels, not company names
        if any(is_agency_credit(collapse(m.text_content())) for m in members):
            continue  # page columns with the web agency's credit in one of them
        if sum(1 for n in names if n and _JOB_TITLE.search(n)) >= 0.5 * named:
            continue  # a staff list ("Chief Development Officer"): people, not companies
        score = with_contact * share * (named / len(members))
        if score > best_score:
            best, best_score = members, score
    return best


def _name_of(el: etree._Element) -> tuple[str | None, str, etree._Element | None]:
    """The record's name, where it came from, and the element holding it."""
    for xpath, label in (
        (".//*[@itemprop='name']", "itemprop=name"),
        (".//h1|.//h2|.//h3|.//h4|.//h5|.//h6", "heading"),
        (".//*[contains(@class,'name') or contains(@class,'title') or contains(@class,"
         "'company')]", "name class"),
        (".//strong[.//a]|.//b[.//a]", "bold link"),
        (".//a[@href]", "first link"),
        (".//strong|.//b", "bold text"),
        (".//td[1]", "first cell"),
    ):
        for node in el.xpath(xpath):
            if not is_visible(node) or node.tag in ("address",):
                continue
            text = clean_name(collapse(node.text_content()))
            if text and name_like(text) and not _GENERIC_LINK.match(text) and (
                len(text) <= 100 and not find_phones(text, "US") and "@" not in text
            ):
                return text, label, node
    img = el.find(".//img[@alt]")
    if img is not None and clean_name(img.get("alt") or ""):
        return clean_name(img.get("alt") or ""), "logo alt", img
    return None, "", None


def _link_of(el: etree._Element | None, card: etree._Element) -> etree._Element | None:
    node = el
    while node is not None and node is not card.getparent():
        if node.tag == "a" and node.get("href"):
            return node
        node = node.getparent()
    if el is not None:
        inner = el.find(".//a[@href]")
        if inner is not None:
            return inner
    return None


def _usable_href(href: str | None) -> bool:
    return bool(href) and not (href or "").startswith(("#", "javascript:", "mailto:", "tel:"))


def record_from_block(
    el: etree._Element, index: int, url: str, region: str, hints: SourceHints | None = None
) -> ExtractedRecord:
    """One company read from one record block."""
    fields = hints.fields if hints else {}
    record = ExtractedRecord()
    name, how, name_el = _name_of(el)
    if "name" in fields:
        name, how = select_text(el, fields["name"]), f"hint {fields['name']}"
    record.name = name
    where = f"card[{index}]"
    if name:
        record.evidence["name"] = f"{where} {how}"
    link = None
    if hints and hints.detail_link:
        links = select(el, hints.detail_link)
        link = links[0] if links else None
    if link is None:
        link = _link_of(name_el, el)
    if link is None or not absolute(url, link.get("href")):
        link = next((a for a in el.iter("a") if host_of(absolute(url, a.get("href")) or "")
                     == host_of(url)), None)
    detail = absolute(url, link.get("href")) if link is not None else None
    if detail:
        record.detail_url = detail
        record.evidence["detail_url"] = f"{where} link"
    lines = _lines(el)
    # A card that names its country reads its national numbers in that country's plan
    # (a directory lists companies from many countries on one page).
    card_country = next((c for line in lines if (c := country_in(line.text))), None)
    if card_country and card_country in phonenumbers.SUPPORTED_REGIONS:
        region = card_country
    found = scan_lines(lines, el, region)
    record.phones = dedupe_phones([p.raw for _, p in found.phones if not p.fax], region)
    record.fax = dedupe_phones([p.raw for _, p in found.phones if p.fax], region,
                               exclude=record.phones)
    record.emails = dedupe_emails([e for _, e, _ in found.emails])
    record.contacts = list(found.contacts)
    for field in ("phones", "fax", "emails"):
        if getattr(record, field):
            record.evidence[field] = f"{where} text"
    address_el = el.find(".//address")
    if address_el is None:
        address_el = next(iter(el.xpath(".//*[@itemprop='address']")), None)
    if address_el is not None:
        text = ", ".join(line.text for line in _lines(address_el))
        record.address = re.sub(r"(,\s*)+", ", ", text).strip(" ,") or None
        record.evidence["address"] = f"{where} <{address_el.tag}>"
    else:
        addresses = find_addresses([line.text for line in lines])
        if addresses:
            record.address = addresses[0].text
            record.postal_code = addresses[0].postal_code
            record.evidence["address"] = f"{where} text"
    websites = [w for _, w in found.websites]
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if not href.startswith(("http://", "https://")) or not is_visible(a):
            continue
        if is_social(href):
            if href not in record.social:
                record.social.append(href)
            continue
        text = collapse(a.text_content())
        if host_of(href) != host_of(url) and (
            _WEBSITE_TEXT.match(text) or host_of(text) == host_of(href)
        ) and href not in websites:
            websites.append(href)
    record.websites = websites
    if websites:
        record.evidence["websites"] = f"{where} links"
    card_fields(el, record, where)
    description = next(
        (collapse(p.text_content()) for p in el.iter("p")
         if is_visible(p) and len(collapse(p.text_content())) > 40), None
    )
    record.description = description
    for node in el.iter():
        if isinstance(node.tag, str) and _ALIAS.search(node.get("title") or ""):
            holder = node.getparent() if not collapse(node.text_content()) else node
            alias = collapse(holder.text_content()) if holder is not None else ""
            if alias and alias != record.name:
                record.extra["also_known_as"] = alias  # an alias, not another company
            break
    apply_field_hints(record, el, {k: v for k, v in fields.items() if k != "name"})
    return record


def apply_field_hints(
    record: ExtractedRecord, el: etree._Element, fields: dict[str, str]
) -> None:
    """Overwrite fields with what the source's selectors find inside ``el``."""
    for field, selector in fields.items():
        value = select_text(el, selector)
        if not value:
            continue
        if field in ("phones", "emails", "websites", "fax", "categories", "social"):
            setattr(record, field, [value])
        elif field in ExtractedRecord.model_fields and field not in ("contacts", "extra",
                                                                     "evidence"):
            setattr(record, field, value)
        else:
            record.extra[field] = value
        record.evidence[field] = f"hint {selector}"


def listing_records(ctx: PageContext, hints: SourceHints | None = None) -> list[ExtractedRecord]:
    """Records from repeated blocks (cards, rows, list items) on a listing page."""
    if hints and hints.record:
        blocks = [b for b in select(ctx.root, hints.record) if isinstance(b.tag, str)]
    else:
        blocks = find_record_blocks(ctx.root, ctx.region, host_of(ctx.url))
    base = base_url(ctx.root, ctx.url)
    records = [record_from_block(b, i, base, ctx.region, hints) for i, b in enumerate(blocks)]
    return [r for r in records if r.name or r.phones or r.emails]
