"""Layer 3: contact details in visible text and links, line by line, label-aware."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from spiders.pages.dom import Line, collapse, is_visible
from spiders.pages.emails import cloudflare_email, find_emails, mailto_address
from spiders.pages.names import is_agency_credit
from spiders.pages.phones import FoundPhone, find_phones
from spiders.pages.social import is_social

_URL_TEXT = re.compile(r"(?<![@\w.])((?:https?://|www\.)[^\s<>\"'，。、|]+)", re.IGNORECASE)
_FAX_ONLY = re.compile(r"^\s*(?:tele)?fax\s*[:.]?\s*$|^\s*传真\s*[:：]?\s*$", re.IGNORECASE)
_PHONE_ONLY = re.compile(
    r"^\s*(?:phone|telephone|tel\.?|telefon|telefoon|телефон|电话|電話|call us)\s*[:：]?\s*$",
    re.IGNORECASE,
)
_REGISTRY = re.compile(
    r"\b(NIP|REGON|KRS|I[ČC]O|DI[ČC]|VAT(?:\s?(?:ID|No\.?|number))?|USt-?Id(?:Nr)?\.?|UID|KvK|"
    r"BTW|HRB|SIRET|SIREN|ABN|CIF|ИНН|ОГРН)\s*[:.]?\s*((?:[A-Z]{2,3}[\s-]?)?\d[\d\s.-]{4,18}\d)",
    re.IGNORECASE,
)
_ICP = re.compile(r"([\u4e00-\u9fff]?ICP[备證证]\s*\d+号(?:-\d+)?)")
_CONTACT_LABEL = re.compile(
    r"(?:^|\s)(?:联系人|聯絡人|联 系 人|负责人|contact person|ansprechpartner(?:in)?|"
    r"kontaktperson|kontaktní osoba|osoba kontaktowa|contactpersoon|контактное лицо)"
    r"\s*[:：]\s*([^\s,;|:：]{1,5}(?:\s[^\s,;|:：\d@]{1,20}){0,2})",
    re.IGNORECASE,
)
#: "Contact: John Anderson (Managing Director)", "Ansprechpartner: Max Muster, Einkauf".
_NAMED_CONTACT = re.compile(
    r"^\s*(?i:contact(?: person)?|kontakt(?:person)?|contacto|ansprechpartner(?:in)?|"
    r"contactpersoon|osoba kontaktowa|kontaktní osoba)\s*[:：]\s*"
    r"(?P<name>[A-ZÀ-Þ][a-zà-ÿ'-]+(?:\s[A-ZÀ-Þ][a-zà-ÿ'.-]+){1,2})"
    r"\s*(?:\((?P<title>[^)]{2,60})\)|,\s*(?P<title2>[^,;@\d]{2,60}))?\s*$",
)
#: "Purchasing  Mark Samples  msamples@acme.com": a person whose address carries their name.
_PERSON_BEFORE_EMAIL = re.compile(
    r"^(?P<title>(?:[A-Z][\w&/.-]*\s){0,4}?)(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][\w'-]+)"
    r"\s+(?P<email>\S+@\S+)$"
)
_POSTCODE_LABEL = re.compile(r"(?:邮\s*编|郵\s*編|邮政编码|PLZ|Postleitzahl)\s*[:：]\s*(\d{4,6})")


#: Hosts whose links in prose are help pages, never the company's own site.
_PLATFORM_HOSTS = (
    "google.", "goo.gl", "apple.com", "microsoft.com", "mozilla.org", "adobe.com", "w3.org",
    "wordpress.org", "wikipedia.org", "aboutcookies.org", "allaboutcookies.org",
    "youronlinechoices", "networkadvertising.org", "cookiepedia", "europa.eu", "bing.com",
    "yahoo.com", "opera.com", "amazon.com", "paypal.com", "schema.org", "gstatic.com",
)


def _is_company_site(url: str) -> bool:
    """A URL printed as text reads as a company's site: a known platform's help page doesn't."""
    bare = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    host, _, path = bare.partition("/")
    if any(p in host.lower() for p in _PLATFORM_HOSTS):
        return False
    segments = [s for s in path.split("/") if s]
    return len(segments) <= 2 and "?" not in path


@dataclass
class Found:
    """Everything of one kind found on a page, each with its line number."""

    phones: list[tuple[int, FoundPhone]] = field(default_factory=list)
    emails: list[tuple[int, str, str]] = field(default_factory=list)
    websites: list[tuple[int, str]] = field(default_factory=list)
    social: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    postal_code: str | None = None
    contacts: list[dict[str, str]] = field(default_factory=list)


def _line_of(el: etree._Element, lines: list[Line]) -> int:
    """The index of the first line rendered from (or after) an element."""
    for line in lines:
        for owner in line.elements:
            node: etree._Element | None = owner
            while node is not None:
                if node is el:
                    return line.index
                node = node.getparent()
    return len(lines)


_PHONE_TAIL = re.compile(r"(?:\(\+?\d{1,5}\)|\+\d{1,4}(?:\s?\d{1,4})?)\s*$")
_PHONE_WORD = re.compile(r"tel|phone|fon|bel|call|电话|電話|телефон", re.IGNORECASE)


def _phone_starts_at_end(text: str) -> bool:
    """Does a line end with the start of a phone number ("... bereiken op (078)")?"""
    return bool(text) and (
        bool(_PHONE_TAIL.search(text))
        or (bool(re.search(r"\d\s*$", text)) and bool(_PHONE_WORD.search(text[-40:])))
    )


def _scan_people(text: str, found: Found) -> None:
    """People named on a line: after a contact label, or before their own e-mail address."""
    named = _NAMED_CONTACT.match(text)
    if named:
        entry = {"name": named.group("name")}
        title = named.group("title") or named.group("title2")
        if title:
            entry["title"] = title.strip()
        if all(c.get("name") != entry["name"] for c in found.contacts):
            found.contacts.append(entry)
        return
    label = _CONTACT_LABEL.search(text)
    if label:
        name = label.group(1).strip()
        if name and all(c.get("name") != name for c in found.contacts):
            found.contacts.append({"name": name})
        return
    person = _PERSON_BEFORE_EMAIL.match(text)
    if not person:
        return
    name, email = person.group("name"), person.group("email").rstrip(".,;")
    local = email.split("@")[0].lower()
    parts = [p.lower() for p in name.replace(".", " ").split() if len(p) > 2]
    if any(p in local for p in parts):
        contact = {"name": name, "email": email}
        if person.group("title").strip():
            contact["title"] = person.group("title").strip()
        found.contacts.append(contact)


def scan_lines(lines: list[Line], root: etree._Element, region: str) -> Found:
    """Phones, e-mails, websites, registry ids and social links on the visible page."""
    found = Found()
    seen_phones: set[str] = set()
    skip = {line.index for line in lines if is_agency_credit(line.text)}
    for line in lines:
        if line.index in skip:
            continue
        prev = lines[line.index - 1].text if line.index > 0 else ""
        fax_context = bool(_FAX_ONLY.match(prev))
        phones = find_phones(line.text, region, fax_context=fax_context)
        if line.soft and line.index > 0 and _phone_starts_at_end(prev):
            # A number broken by <br> ("(078)<br>6 531 531"): match across the break.
            joined = prev + " " + line.text
            for phone in find_phones(joined, region):
                if phone.start < len(prev) < phone.start + len(phone.raw):
                    phones.append(phone)
        for phone in phones:
            if phone.e164 not in seen_phones:
                seen_phones.add(phone.e164)
                found.phones.append((line.index, phone))
        for address in find_emails(line.text):
            found.emails.append((line.index, address, "text"))
        for match in _URL_TEXT.finditer(line.text):
            url = match.group(1).rstrip(".,;:)!?»\"'")
            if is_social(url):
                found.social.append(url)
            elif _is_company_site(url) and url not in [w for _, w in found.websites]:
                found.websites.append((line.index, url))
        for match in _REGISTRY.finditer(line.text):
            key = re.sub(r"\W", "", match.group(1)).lower().replace("č", "c")
            found.extra.setdefault(key, collapse(match.group(2)))
        icp = _ICP.search(line.text)
        if icp:
            found.extra.setdefault("icp", icp.group(1))
        row = line.block.getparent() if line.block.tag in ("td", "th") else None
        if row is not None and row.tag == "tr" and find_emails(line.text):
            # A table row "Dept | Name | e-mail" renders one cell per line; read the row.
            _scan_people(" ".join(collapse(cell.text_content()) for cell in row), found)
        else:
            _scan_people(line.text, found)
        postcode = _POSTCODE_LABEL.search(line.text)
        if postcode and not found.postal_code:
            found.postal_code = postcode.group(1)
    seen = {e.lower() for _, e, _ in found.emails}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        encoded = el.get("data-cfemail") or (
            (el.get("href") or "").partition("/cdn-cgi/l/email-protection#")[2] or None
        )
        if encoded and is_visible(el):
            decoded = cloudflare_email(encoded)
            if decoded and decoded.lower() not in seen:
                seen.add(decoded.lower())
                found.emails.append((_line_of(el, lines), decoded, "cloudflare-protected"))
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if href.lower().startswith("mailto:"):
            target = mailto_address(href)
            if not target or target.lower() in seen or not is_visible(link):
                continue
            text = collapse(link.text_content())
            if find_emails(text):
                continue  # the visitor reads another address: keep what they see
            index = _line_of(link, lines)
            if index in skip:
                continue
            seen.add(target.lower())
            found.emails.append((index, target, "mailto"))
        elif href.startswith(("http://", "https://")) and is_social(href):
            if href not in found.social and is_visible(link):
                found.social.append(href)
    found.emails.sort(key=lambda item: item[0])
    return found
