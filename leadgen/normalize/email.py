"""E-mail addresses: syntax check (never a network call), role accounts, free-mail providers.

Speed: the domain check (IDNA/UTS-46) is most of email-validator's time and depends on the
domain alone, so :func:`check_syntax` runs email-validator's own steps with that one memoized
per domain; results are memoized per raw address as field values, and each call gets a new
model, so mutating a result cannot change a later call's.
tests/test_normalize_cache.py checks that :func:`check_syntax` equals ``validate_email``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

import email_validator
from email_validator import EmailNotValidError, ValidatedEmail, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES
from email_validator.syntax import (
    split_email,
    validate_email_domain_name,
    validate_email_length,
    validate_email_local_part,
)

from leadgen.items import EmailAddress
from leadgen.normalize.memo import CACHE_SIZE, remember
from leadgen.normalize.text import plain_text
from leadgen.normalize.website import domain_parts

#: How pages hide an address from harvesters, as regular-expression parts: "info [at] acme
#: [dot] de", "info(at)acme(dot)de", "info@acme。de", "info＠acme．de" (the page extractors
#: find them in text).
OBFUSCATED_AT = (
    r"(?:\s*(?:\[|\(|\{|<)\s*(?:at|@|аt|klammeraffe|собака)\s*(?:\]|\)|\}|>)\s*"
    r"|\s+at\s+|\s*[@＠]\s*)"
)
OBFUSCATED_DOT = (r"(?:\s*(?:\[|\(|\{|<)\s*(?:dot|punkt|point|punto|\.)\s*(?:\]|\)|\}|>)\s*"
                  r"|\s+dot\s+|\.|。|．)")
ADDRESS_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*"
DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
TOP_LEVEL = r"[A-Za-z]{2,24}"
_OBFUSCATED = re.compile(
    rf"({ADDRESS_LOCAL}){OBFUSCATED_AT}((?:{DOMAIN_LABEL}{OBFUSCATED_DOT})+{TOP_LEVEL})",
    re.IGNORECASE)
_DOT_SPLIT = re.compile(OBFUSCATED_DOT, re.IGNORECASE)

#: Local parts that name a function, not a person.
ROLE_LOCAL_PARTS = frozenset(
    "info information contact contacts kontakt hello hi office sales vertrieb service support "
    "help admin administrator webmaster postmaster hostmaster enquiries enquiry inquiries inquiry "
    "marketing export import orders order mail email team jobs careers hr career press media "
    "billing accounts accounting invoice invoices buero buro bureau secretariat reception "
    "customerservice kundenservice noreply no-reply general shop store booking bookings "
    "reservations reservation welcome business biz trade purchasing procurement "
    # more trades' and languages' functions: a Chinese exporter's sale@, foreign@, kf@
    # (客服, customer service), German verkauf@ and anfrage@, Romance ventas@, vendite@
    "sale foreign overseas intl international cs kf kefu verkauf einkauf anfrage anfragen "
    "zentrale post kundendienst bestellung bestellungen ventas vendite ventes commercial "
    "contacto contatto commandes ordini pedidos customercare customer "
    # offices and departments in more languages: German accounts, HR and applications,
    # Spanish, Portuguese, Italian, French, Dutch, Polish, Czech, Nordic and Turkish sales
    # and offices, Russian sales, a Chinese exporter's market@
    "buchhaltung personal bewerbung comercial administracion vendas contato atendimento "
    "commerciale amministrazione ufficio accueil direction verkoop kantoor biuro sprzedaz "
    "obchod myynti salg forsaljning satis bilgi prodazhi market".split()
)
#: What may follow a function in its local part: a number ("sales01", "info2"), or a team,
#: region or language after a dot, dash or underscore ("sales-china", "info.de", "vertrieb.nord").
_ROLE_PARTS = re.compile(r"[._\-]")
_TRAILING_DIGITS = re.compile(r"\d+$")
#: Free-mail providers and internet providers' mailboxes: a shared domain that says nothing
#: about the company (``free_mail.txt``, curated by hand; the enrichment's checks read it too).
FREE_MAIL_DOMAINS = frozenset(
    line.strip().lower()
    for line in (Path(__file__).with_name("free_mail.txt").read_text(encoding="utf-8")
                 .splitlines())
    if line.strip() and not line.startswith("#"))
#: Providers whose mailboxes are at their name under many suffixes ("yahoo.co.in",
#: "hotmail.it", "outlook.com.br", "gmx.li"): any such domain is free mail.
FREE_MAIL_BRANDS = frozenset(
    "yahoo ymail rocketmail hotmail outlook live windowslive msn aol gmx gmail googlemail "
    "yandex rediffmail protonmail".split())


#: A host name of lower-case letters, digits and dashes, each label non-empty.
_PLAIN_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*")


@lru_cache(maxsize=4096)
def is_free_mail(domain: str) -> bool:
    """Whether ``domain`` (lower case) is a free-mail provider's: listed, under a listed
    domain ("vip.qq.com"), or a listed brand under any suffix ("yahoo.co.in")."""
    if domain in FREE_MAIL_DOMAINS:
        return True
    if _PLAIN_DOMAIN.fullmatch(domain):
        # The public suffix list's reading below takes one of these labels as the domain
        # and the labels from it on as the registered domain: with no brand among the
        # labels and no listed domain among their tails, the answer is no (most domains:
        # a company's own)
        labels = domain.split(".")
        if FREE_MAIL_BRANDS.isdisjoint(labels) and not any(
                ".".join(labels[start:]) in FREE_MAIL_DOMAINS for start in range(1, len(labels))):
            return False
    parts = domain_parts(domain)
    return (parts.domain in FREE_MAIL_BRANDS and bool(parts.suffix)) or (
        f"{parts.domain}.{parts.suffix}" in FREE_MAIL_DOMAINS)


def normalize_email(raw: str) -> EmailAddress | None:
    """Syntax-check ``raw`` and return it with a lower-cased domain, or None when invalid.

    Deliverability is not checked here (no DNS): that is the enrichment stage's job.
    """
    if not raw:
        return None
    fields = _EMAILS.get(raw)  # one lookup: safe if another thread evicts meanwhile
    if fields is not None:
        if not fields:
            return None
        return EmailAddress(address=fields[0], domain=fields[1], role=fields[2],
                            free_mail=fields[3])
    email = _parse_email(raw)
    remember(_EMAILS, raw, () if email is None else (email.address, email.domain, email.role,
                                                     email.free_mail))
    return email


_LIST_SEPARATORS = re.compile(r"[;,|/\s]+")


def email_candidates(field: str) -> list[str]:
    """The addresses a field lists: itself, or, when it holds several ("info@acme.de;
    sales@acme.de", "a@acme.de, b@acme.de"), each of them."""
    if field.count("@") < 2:
        return [field]
    return [part for part in _LIST_SEPARATORS.split(field) if "@" in part]


#: Results per raw text as the validated model's field values ("()" = not an address).
_EMAILS: OrderedDict[str, tuple[str, str, bool, bool] | tuple[()]] = OrderedDict()


#: An address after a display name, as mail programs and CRM exports write it: "Acme Sales
#: <sales@acme.de>", '"Müller, Hans" <h.mueller@acme.de>'.
_BRACKETED = re.compile(r"<\s*([^<>\s]+@[^<>\s]+?)\s*>")


#: A label before the address, as contact columns and pages write it: "E-Mail: info@acme.de",
#: "邮箱：sales@acme.cn".
_LABEL = re.compile(
    r"^\s*(?:e-?mail(?:[ -]?(?:address|adresse))?|mail|courriel|correo(?: electr[oó]nico)?|"
    r"posta elettronica|邮箱|电子邮件|電子郵件|电邮|メール)\s*[:：]\s*"
    # any other label before a colon ("Kontakt:", "邮件：", "이메일:"): an address's own part
    # holds no colon; or "E-Mail - ..."
    r"|^[^@:：\"<>()\[\]]{1,40}[:：]\s*(?=[^\s@]+@)|^\s*e-?mail\s+[-–]\s+", re.IGNORECASE)


#: An address inside other text: "info@acme.de (Vertrieb)", "info@acme.de<br>".
_EMBEDDED = re.compile(r"(?<![\w.+%'@-])[\w.+%'-]+@[\w-]+(?:\.[\w-]+)+")
#: What may stand beside such an address: a note in brackets, markup, punctuation.
_BESIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|<[^<>]*>|[\s.,;:|]+")
#: A percent-encoded character, as a mailto link writes a space or "@" ("%20", "%40").
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
#: Spaces around "@" and dots, as some pages write an address: "info @ acme . de".
_SPACED = re.compile(r"\s*([@.])\s*")


def _set_off(text: str) -> tuple[str, str] | None:
    """:func:`check_syntax` of the address in ``text`` when nothing but a note in brackets,
    markup or punctuation stands beside it ("info@acme.de (Vertrieb)"); a word beside it
    may be part of it ("a b@acme.com")."""
    found = _EMBEDDED.search(text)
    if found is None or _BESIDE.sub("", text[:found.start()] + " " + text[found.end():]):
        return None
    return check_syntax(found.group().rstrip("."))


#: Full-width ASCII ("ＩＮＦＯ＠ＡＣＭＥ．ＤＥ", as East Asian input methods type it) as ASCII.
_FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _parse_email(raw: str) -> EmailAddress | None:
    if not raw.isascii():
        raw = raw.translate(_FULLWIDTH_ASCII)
    text = _LABEL.sub("", plain_text(raw).strip(), count=1)  # a zero-width space inside it
    bracketed = _BRACKETED.search(text)
    if bracketed:
        text = bracketed.group(1)
    plain = text.removeprefix("mailto:").split("?", 1)[0].strip()
    if "%" in plain and _PERCENT.search(plain):
        plain = unquote(plain).strip()  # a mailto link's "%20info@acme.de", "info%40acme.de"
    text = plain.strip("<>")
    checked = check_syntax(text)
    if checked is None:
        written_out = _written_out(text)
        checked = check_syntax(written_out) if written_out else None
    if checked is None and "@" in text:  # a note or markup around it, spaces inside it
        checked = _set_off(plain) or _set_off(_SPACED.sub(r"\1", plain))
    if checked is None:
        return None
    local, ascii_domain = checked
    domain = ascii_domain.lower()
    if not _known_top_level(domain):
        return None  # "info@acme.c", "info@acme.con": no such domain can exist
    # Lower-case the local part too: nearly every mail server treats it case-insensitively,
    # and a stable key matters more here than the RFC's theoretical case sensitivity.
    address = f"{local.lower()}@{domain}"
    return EmailAddress(
        address=address,
        domain=domain,
        role=is_role_local_part(local.lower()),
        free_mail=is_free_mail(domain),
    )


def is_role_local_part(local: str) -> bool:
    """Whether a (lower-case) local part names a function, not a person: "info",
    "customer.service", "sales01", "sales-china", "info.de", "vertrieb.nord"; a person's
    "hans.mueller" is none."""
    base = local.split("+", 1)[0]
    if base in ROLE_LOCAL_PARTS or base.replace(".", "").replace("_", "") in ROLE_LOCAL_PARTS:
        return True
    first = _ROLE_PARTS.split(base, 1)[0]
    return _TRAILING_DIGITS.sub("", first) in ROLE_LOCAL_PARTS


#: A comma typed for the dot before the top-level domain: "info@acme,de".
_COMMA_FOR_DOT = re.compile(r"(@[\w.-]+),([A-Za-z]{2,24})$")


def _written_out(text: str) -> str | None:
    """The address a field hides ("info [at] acme [dot] de", "info(at)acme.de"), ends with
    punctuation ("info@acme.de.") or mistypes ("info@acme,de"), or None."""
    text = text.rstrip(".,;:")
    if text.endswith(")") and "(" not in text:
        text = text[:-1].rstrip(".,;:")  # "info@acme.de)": a bracket closed after it
    text = _COMMA_FOR_DOT.sub(r"\1.\2", text)
    match = _OBFUSCATED.fullmatch(text)
    if match is None:
        return text if "@" in text else None
    return f"{match.group(1)}@{'.'.join(domain_labels(match.group(2)))}"


@lru_cache(maxsize=CACHE_SIZE)
def _known_top_level(domain: str) -> bool:
    """Whether ``domain`` ends in a suffix of the public suffix list (tldextract's bundled
    copy: never a download). email-validator checks the syntax of a top-level domain, not
    whether it exists. A domain under a top-level domain that is a suffix itself ("de",
    "com") ends in one: only the others ("ck", whose rule is "*.ck") are looked up whole."""
    return _suffix_label(domain.rpartition(".")[2]) or bool(domain_parts(domain).suffix)


@lru_cache(maxsize=4096)
def _suffix_label(label: str) -> bool:
    """Whether the one label ``label`` is a public suffix."""
    return bool(domain_parts(label).suffix)


def domain_labels(written: str) -> list[str]:
    """The labels of a domain written with obfuscated dots ("acme [dot] co (punkt) uk")."""
    return [part for part in _DOT_SPLIT.split(written) if part]


def check_syntax(text: str) -> tuple[str, str] | None:
    """``(local_part, ascii_domain)`` as ``validate_email(text, check_deliverability=False)``
    gives them, or None where it raises; the domain's check is memoized.

    The steps and their order are email-validator's own (2.x ``validate_email``) with its
    module-level defaults; only the deliverability step, which we never run, is left out.
    """
    ev = email_validator
    try:
        display_name, original_local, unescaped_local, quoted, domain_part = _split(text)
        if domain_part.startswith("[") and domain_part.endswith("]"):
            return library_syntax(text)  # domain literals: rare, leave them to the library
        options = {"allow_smtputf8": ev.ALLOW_SMTPUTF8, "allow_empty_local": ev.ALLOW_EMPTY_LOCAL,
                   "quoted_local_part": quoted, "strict": ev.STRICT}
        local_info = validate_email_local_part(unescaped_local, **options)
        normalized_local = unicodedata.normalize("NFC", unescaped_local)
        if normalized_local != unescaped_local:
            local_info = validate_email_local_part(normalized_local, **options)
        local_part = local_info["local_part"]
        ascii_local = local_info["ascii_local_part"]
        if quoted and not ev.ALLOW_QUOTED_LOCAL:
            return None
        if (ascii_local is not None and ascii_local.lower() in CASE_INSENSITIVE_MAILBOX_NAMES
                and local_part is not None):
            ascii_local = ascii_local.lower()
            local_part = local_part.lower()
        if not domain_part:
            return None
        domain_info = _domain_syntax(domain_part, ev.TEST_ENVIRONMENT, ev.GLOBALLY_DELIVERABLE)
        if domain_info is None:
            return None
        result = ValidatedEmail()
        result.original = original_local + "@" + domain_part
        result.local_part = local_part
        result.ascii_local_part = ascii_local
        result.domain, result.ascii_domain = domain_info
        result.normalized = local_part + "@" + result.domain
        result.ascii_email = (ascii_local + "@" + result.ascii_domain
                              if ascii_local and result.ascii_domain else None)
        validate_email_length(result)
        if display_name is not None and not ev.ALLOW_DISPLAY_NAME:
            return None
    except EmailNotValidError:
        return None
    return local_part, result.ascii_domain


#: A domain every step of email-validator's domain check passes unchanged: lower-case ASCII
#: labels of at most 63 letters, digits and inner hyphens (no "--": no Punycode, no R-LDH
#: label), at most 253 characters, a dot, a top-level domain ending in a letter.
_PLAIN_HOST = re.compile(r"(?=.{1,253}\Z)(?!.*--)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
                         r"(?:[a-z0-9][a-z0-9-]{0,61})?[a-z]")


def _split(text: str) -> tuple[str | None, str, str, bool, str]:
    """email-validator's ``split_email``: for ASCII text without quotes or angle brackets
    (nearly every address) the text before and after its first "@", read without its loop
    over each character."""
    if text.isascii() and '"' not in text and "<" not in text:
        local, at, domain = text.partition("@")
        if at:
            return None, local, local, False, domain
    return split_email(text)


@lru_cache(maxsize=CACHE_SIZE)
def _domain_syntax(domain: str, test_environment: bool,
                   globally_deliverable: bool) -> tuple[str, str] | None:
    """email-validator's domain check, memoized: ``(domain, ascii_domain)`` or None. A plain
    host name (:data:`_PLAIN_HOST`) that is no special-use name passes it as it is, without
    its per-character Unicode checks."""
    if _PLAIN_HOST.fullmatch(domain) and not any(
            domain == name or domain.endswith("." + name)
            for name in email_validator.SPECIAL_USE_DOMAIN_NAMES):
        return domain, domain
    try:
        info = validate_email_domain_name(domain, test_environment=test_environment,
                                          globally_deliverable=globally_deliverable)
    except EmailNotValidError:
        return None
    return info["domain"], info["ascii_domain"]


def library_syntax(text: str) -> tuple[str, str] | None:
    """``validate_email`` itself: the reference the memoized path must equal."""
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.local_part, result.ascii_domain


def clear_caches() -> None:
    """Forget every memoized e-mail result (tests compare cold and warm runs)."""
    _EMAILS.clear()
    _domain_syntax.cache_clear()
    _known_top_level.cache_clear()
    _suffix_label.cache_clear()
