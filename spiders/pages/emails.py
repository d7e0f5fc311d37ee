"""E-mail addresses as a person sees them, including obfuscated forms.

"info [at] example [dot] com", "info(at)example(dot)com", "info@example。com" and HTML entities
are turned back into addresses. A ``mailto:`` link keeps what the visitor reads when its text is
an address itself (the link target may differ); an address only in a link target is kept only
when the link's visible text is not another address.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from leadgen.normalize.email import (
    ADDRESS_LOCAL,
    DOMAIN_LABEL,
    OBFUSCATED_AT,
    OBFUSCATED_DOT,
    TOP_LEVEL,
    domain_labels,
)

#: Plain addresses: the common case, strict so that "a @ b" in prose is not taken.
PLAIN_EMAIL = re.compile(
    rf"(?<![\w.+-])({ADDRESS_LOCAL})@((?:{DOMAIN_LABEL}\.)+{TOP_LEVEL})(?![\w-])")
#: Obfuscated addresses: "name [at] host [dot] tld", "name(at)host(dot)tld".
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])({ADDRESS_LOCAL}){OBFUSCATED_AT}"
    rf"((?:{DOMAIN_LABEL}{OBFUSCATED_DOT})+{TOP_LEVEL})(?![\w-])", re.IGNORECASE
)
_FILE_TLDS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "php", "html", "htm"}


def _clean(local: str, domain: str) -> str | None:
    parts = domain_labels(domain)
    if len(parts) < 2 or parts[-1].lower() in _FILE_TLDS:
        return None
    local = local.strip(".")
    if not local:
        return None
    return f"{local}@{'.'.join(parts)}"


def find_emails(text: str) -> list[str]:
    """Addresses in visible text, plain or obfuscated, in order of appearance, as printed."""
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for match in PLAIN_EMAIL.finditer(text):
        address = _clean(match.group(1), match.group(2))
        if address:
            found.append((match.start(), address))
            spans.append(match.span())
    if re.search(r"\bat\b|\(at\)|\[at\]|\{at\}|＠|klammeraffe|собака", text, re.IGNORECASE):
        for match in OBFUSCATED_EMAIL.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            if " at " in match.group(0) and " dot " not in match.group(0).lower():
                continue  # "meet us at example.com" is prose, not an address
            address = _clean(match.group(1), match.group(2))
            if address:
                found.append((match.start(), address))
    return [address for _, address in sorted(found)]


def mailto_address(href: str) -> str | None:
    """The address of a ``mailto:`` link, without query, or None."""
    if not href.lower().startswith("mailto:"):
        return None
    address = unquote(href[7:].split("?", 1)[0]).strip()
    emails = find_emails(address)
    return emails[0] if emails else None


def cloudflare_email(encoded: str) -> str | None:
    """Decode Cloudflare's e-mail protection (``data-cfemail``): the visitor's browser shows the
    address, the saved HTML only "[email protected]"."""
    try:
        data = bytes.fromhex(encoded.strip())
    except ValueError:
        return None
    if len(data) < 4:
        return None
    key = data[0]
    text = bytes(b ^ key for b in data[1:]).decode("utf-8", errors="ignore")
    found = find_emails(text)
    return found[0] if found else None


def same_email(a: str, b: str) -> bool:
    """Compare addresses as a mail server would (domains are case-insensitive; so is practice)."""
    return a.strip().lower() == b.strip().lower()
