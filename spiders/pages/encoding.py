"""Turn page bytes into text: BOM, HTTP header, ``<meta>`` and detection, in that order of trust.

Real pages lie about their charset: a page may declare windows-1250 and be UTF-8, or declare UTF-8
and be windows-1252. UTF-8 is self-validating (random legacy bytes almost never form valid UTF-8),
so bytes that decode strictly as UTF-8 are UTF-8 whatever the label says; otherwise the declared
charsets are tried strictly, then charset-normalizer guesses.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from leadgen.exceptions import ExtractionError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)

#: Labels browsers treat as a superset (WHATWG encoding standard): decoding with the superset
#: never loses a character the page meant.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "tis-620": "cp874",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalize_charset(label: str | None) -> str | None:
    """Return a Python codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charsets(body: bytes, declared: str | None = None) -> list[str]:
    """Charsets the page claims: the HTTP header's first, then ``<meta>`` / XML declaration."""
    found: list[str] = []
    head = body[:4096]
    candidates = [declared]
    candidates += [m.group(1).decode("ascii", "ignore") for m in _META_CHARSET.finditer(head)]
    candidates += [m.group(1).decode("ascii", "ignore") for m in _XML_DECL.finditer(head[:200])]
    for label in candidates:
        name = normalize_charset(label)
        if name and name not in found:
            found.append(name)
    return found


def decode_html(body: bytes | str, declared: str | None = None) -> str:
    """Decode page bytes to text, trusting a BOM, then valid UTF-8, then declared charsets.

    ``declared`` is the charset from the HTTP ``Content-Type`` header, if any. Raises
    :class:`ExtractionError` only when no charset decodes the bytes.
    """
    if isinstance(body, str):
        return body
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace")
    charsets = declared_charsets(body, declared)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Pure ASCII decodes under any label; only trust UTF-8 over the label with real evidence.
        if not body.isascii() or not charsets or charsets[0] in ("utf-8", "utf-16", "utf-32"):
            return text
        try:
            return body.decode(charsets[0])
        except (UnicodeDecodeError, LookupError):
            return text
    for name in charsets:
        if name.startswith("utf-16") or name.startswith("utf-32"):
            continue  # a UTF-16 label on bytes without a BOM is almost always wrong
        try:
            return body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(body).best()
    if best is not None and best.encoding:
        name = normalize_charset(best.encoding) or best.encoding
        try:
            return body.decode(name)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ExtractionError(
            f"could not decode page bytes (tried {charsets or 'no declared charset'}, utf-8, "
            "detection); pass the right charset with --encoding or check the file"
        ) from exc
