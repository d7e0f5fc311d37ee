"""Postal addresses in visible lines: postal-code patterns per country, street lines, labels.

An address is the visible lines joined with ", " (CJK lines joined without a separator), from the
street line to the postal-code/city line, as a person would copy it from the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leadgen.normalize.address_patterns import (
    ADDRESS_LABEL,
    CJK_LABEL,
    CODE_BY_TAG,
    COUNTRY_CODES,
    COUNTRY_NAMES,
    COUNTRY_TAIL,
    CUT,
    MONTHS,
    MONTHS_GLUED,
    NOT_ADDRESS,
    POSTAL_PATTERNS,
    STREET_EU,
    STREET_HINT,
    STREET_US,
    STREET_WITH_UNIT,
    STREET_WORD_START,
    UNIT_LINE,
    UNIT_TAIL,
)


@dataclass
class FoundAddress:
    """An address found in the visible lines: its text and where it starts and ends."""

    text: str
    first_line: int
    last_line: int
    postal_code: str | None = None
    city: str | None = None
    street: str | None = None
    region: str | None = None
    evidence: str = "text"


def postal_match(text: str) -> tuple[re.Match[str], str, bool] | None:
    """The first postal-code pattern in a line: the match, its country tag and strength."""
    best: tuple[re.Match[str], str, bool] | None = None
    for tag, pattern, strong in POSTAL_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        if best is None or (strong, -match.start()) > (best[2], -best[0].start()):
            best = (match, tag, strong)
    return best


#: A street named after a date ("Straße des 17. Juni", "Rue du 4 Septembre", "Avenida 9 de
#: Julio", "Via XX Settembre"): its month is no date to mask.
_DATED_STREET = re.compile(
    r"\b(?:stra(?:ß|ss)e|str\.|platz|allee|rue|avenue|avenida|av\.|calle|via|viale|plaza|"
    r"piazza|corso)\s+(?:(?:des|de|du|del|della|dei|di)\s+)?(?:\d{1,2}|[IVXL]{1,5})\.?\s+"
    r"(?:de\s+)?[A-Za-zÀ-ÿ]+", re.IGNORECASE)


_HOUSE_NUMBER_AFTER = re.compile(r"\s+\d{1,4}\s?[a-zA-Z]?\b")


def street_span(text: str, loose: bool = True) -> tuple[int, int] | None:
    """Where a street-and-number appears in a line, if any.

    ``loose`` also accepts any short "Word 12" line ("Wilgenbos 1"): only safe next to a
    postal-code line. Dates ("March 4", "4 Mar") are never streets.
    """
    dated = _DATED_STREET.search(text)
    if dated and (number := _HOUSE_NUMBER_AFTER.match(text, dated.end())):
        return dated.start(), number.end()  # "Straße des 17. Juni 4": the number after
    if (MONTHS.search(text) or MONTHS_GLUED.search(text)) and not dated:
        text = MONTHS_GLUED.sub(lambda m: "#" * len(m.group(0)), MONTHS.sub(
            lambda m: "#" * len(m.group(0)), text))
    match = STREET_US.search(text)
    if match:
        return match.span()
    match = STREET_WITH_UNIT.search(text)
    if match:
        return match.span()
    match = STREET_EU.search(text)
    if match:
        hint = STREET_WORD_START.search(match.group(0))
        if hint:
            # "Music House è in viale Einaudi 12": the street starts at its street word.
            return match.start() + hint.start(), match.end()
        if STREET_HINT.search(match.group(0)) or (loose and len(text) <= 45):
            return match.span()
    return None


def is_street_line(text: str) -> bool:
    """A short line that reads as a street and house number ("Stadtplatz 3", "1 Canal Street")."""
    if len(text) > 70 or "@" in text or "©" in text:
        return False
    postal = postal_match(text)
    if postal and postal[2]:
        return False
    span = street_span(text)
    if span is None:
        return False
    # The street ends the line, or only a suite/unit/floor follows it ("..., Suite 1250").
    rest = text[span[1] :]
    return span[0] <= 4 and bool(UNIT_TAIL.match(rest))


def cut_line(text: str) -> str:
    """The part of a line before a contact label or separator."""
    match = CUT.search(text)
    return text[: match.start()].rstrip(" ,;-–") if match and match.start() > 0 else text


def _segment_with_postal(text: str) -> tuple[str, re.Match[str], str, bool] | None:
    for segment in re.split(r"\s+[|•·]\s+|\s{3,}", text):
        segment = cut_line(segment)  # "... 16147 Genova T +39 010 ..." ends at the phone
        found = postal_match(segment)
        if found and not found[2] and MONTHS.search(segment[max(0, found[0].start() - 16) :
                                                            found[0].start()]) and not (
                _DATED_STREET.search(segment)):
            continue  # "March 4, 2016 Pop Style": a date, not a postal code and a city
        if found:
            return (segment, *found)
    return None


def _tail(segment: str, end: int, tag: str) -> str:
    """Keep what follows the postal code while it still reads as locality/region/country."""
    rest = segment[end:]
    keep = ""
    if tag in ("US", "AU", "CA"):
        country = COUNTRY_TAIL.match(rest)
        return country.group(0) if country else ""
    for part in re.split(r"(,)", rest):
        candidate = keep + part
        if part == ",":
            keep = candidate
            continue
        stripped = part.strip()
        if not stripped:
            keep = candidate
            continue
        words = stripped.split()
        if len(words) <= 3 and not re.search(r"\d|@|:", stripped) and len(stripped) <= 40:
            keep = candidate
            continue
        break
    return cut_line(keep).rstrip(" ,")


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        part = part.strip(" ,")
        if not part:
            continue
        if out and re.search(r"[\u3000-\u9fff]$", out) and re.match(r"[\u3000-\u9fff\d]", part):
            out += part
        elif out:
            out += ", " + part
        else:
            out = part
    return out


def _postal_code(text: str, tag: str) -> str | None:
    match = re.search(CODE_BY_TAG.get(tag, r"\d{4,6}"), text)
    return match.group(0) if match else None


def country_in(text: str) -> str | None:
    """ISO code of a country named by a short line or its last comma part ("Bristol, UK")."""
    if not text or len(text) > 80:
        return None
    last = text.rsplit(",", 1)[-1].strip(" .").lower()
    return COUNTRY_CODES.get(last) if len(last) >= 2 else None


def _is_country_line(text: str) -> bool:
    return bool(text) and len(text) <= 40 and text.strip(" .").lower() in COUNTRY_NAMES


def _house_number_ok(text: str) -> bool:
    """A house number is not 0 ("0 Réponses"); years pass (1901 Lemur Ave), dates are masked."""
    numbers = re.findall(r"\d+", text)
    return bool(numbers) and not all(n.startswith("0") for n in numbers)


def address_from_line(lines: list[str], i: int) -> FoundAddress | None:
    """An address whose postal-code line is ``lines[i]`` (with the street line above, if any)."""
    found = _segment_with_postal(lines[i])
    if not found:
        return None
    segment, match, tag, strong = found
    if NOT_ADDRESS.search(segment):
        return None
    before = segment[: match.start()]
    # The street on the same line must read as one (a street word), unless the line is short.
    street = street_span(before, loose=len(segment) <= 60)
    parts: list[str] = []
    first = i
    if street and _house_number_ok(before[street[0] : street[1]]):
        start = street[0]
        head = before[start:]
        parts.append(head + segment[match.start() : match.end()] + _tail(segment, match.end(), tag))
    else:
        prev = lines[i - 1] if i > 0 else ""
        local = before.strip()
        # "Huntsville, AL 35806": the city sits before a US state code on the same line.
        if tag in ("US", "CA", "AU") and not re.search(r"\d", local):
            local = re.split(r"[|:•]", local)[-1].strip()
        elif local and (len(local) > 40 or re.search(r"[:@]", local)):
            return None
        line_part = (local + " " if local else "") + match.group(0) + _tail(
            segment, match.end(), tag
        )
        line_part = re.sub(r"\s+,", ",", line_part.strip())
        street_line = cut_line(prev)
        above = cut_line(lines[i - 2]) if i >= 2 else ""
        # "6903 Rockledge Drive / Suite 1250 / Bethesda, MD 20817": a unit line in between.
        three = bool(UNIT_LINE.match(street_line)) and is_street_line(above) and not (
            UNIT_LINE.match(above)
        )
        if not three and not (is_street_line(street_line) and _house_number_ok(street_line)):
            return None  # a postal code without a street is too often a number in prose
        if not strong and len(cut_line(segment)) > len(line_part) + 12:
            return None  # a bare number + word inside a longer line ("1227 Views ...")
        if NOT_ADDRESS.search(street_line):
            return None
        first = i - 1
        if three:
            parts.append(above)
            first = i - 2
        parts.append(street_line)
        parts.append(line_part)
    last = i
    if i + 1 < len(lines) and _is_country_line(lines[i + 1]) and not COUNTRY_TAIL.search(
        parts[-1].split(",")[-1]
    ):
        parts.append(lines[i + 1].strip())
        last = i + 1
    text = _join(parts)
    return FoundAddress(
        text=text,
        first_line=first,
        last_line=last,
        postal_code=_postal_code(match.group(0), tag),
        street=parts[0].split(",")[0].strip() if len(parts) > 1 or street else None,
        evidence="postal-code line",
    )


#: A Japanese address as a card prints it, unlabelled: its postal mark and code, then the
#: prefecture, city or ward, and the block numbers ("〒100-0005 東京都千代田区丸の内1-1-1",
#: "大阪府大阪市北区梅田2-2-2").
_JAPANESE_LINE = re.compile(
    r"^(?:〒\s?(?P<code>\d{3}-?\d{4})\s*)?(?:東京都|北海道|京都府|大阪府|[\u4e00-\u9fff]{2,3}県)"
    r"[\u3040-\u30ff\u4e00-\u9fff]{1,20}?[0-9０-９]+(?:[-－ー丁目番地号の][0-9０-９]*){0,6}"
    r"[^\n]{0,40}$")


def japanese_address_line(lines: list[str], i: int) -> FoundAddress | None:
    """A line that is a Japanese address by its shape alone (see :data:`_JAPANESE_LINE`):
    unlabelled, and with the place before the street, it reads as no Western address."""
    line = cut_line(lines[i].strip())
    found = _JAPANESE_LINE.match(line)
    if found is None:
        return None
    return FoundAddress(text=line, first_line=i, last_line=i, postal_code=found["code"],
                        evidence="Japanese address line")


def labelled_address(lines: list[str], i: int) -> FoundAddress | None:
    """An address after a label ("Anschrift:", "地址：") on this line or the lines below it."""
    label = ADDRESS_LABEL.match(lines[i])
    if not label:
        return None
    value = cut_line(lines[i][label.end() :].strip())
    parts = [value] if value else []
    last = i
    cjk = bool(re.search(r"[\u3000-\u9fff]", value))
    for j in range(i + 1, min(len(lines), i + 5)):
        line = lines[j]
        if CJK_LABEL.match(line) or re.match(r"^[\w .]{1,20}[:：]", line):
            break
        if ADDRESS_LABEL.match(line) or "@" in line or CUT.match(line):
            break
        line_cjk = bool(re.search(r"[\u3000-\u9fff]", line))
        if parts and cjk:
            if not line_cjk:
                break
        elif parts and postal_match(parts[-1]) and not _is_country_line(line):
            break  # the postal-code line ends a Western address (a country may follow)
        if len(line) > 80 or (not parts and not re.search(r"\d", line) and not line_cjk):
            break
        parts.append(cut_line(line))
        last = j
        cjk = cjk or line_cjk
        if _is_country_line(line):
            break
    text = _join(parts)
    if not text or len(text) > 200 or not re.search(r"\d|[\u3000-\u9fff]{4}", text):
        return None
    postal = postal_match(text)
    return FoundAddress(
        text=text,
        first_line=i,
        last_line=last,
        postal_code=_postal_code(postal[0].group(0), postal[1]) if postal else None,
        evidence="address label",
    )


def find_addresses(lines: list[str]) -> list[FoundAddress]:
    """Every address in the visible lines, in page order, without overlapping duplicates."""
    found: list[FoundAddress] = []
    used: set[int] = set()
    for i in range(len(lines)):
        if i in used:
            continue
        address = (labelled_address(lines, i) or address_from_line(lines, i)
                   or japanese_address_line(lines, i))
        if address is None:
            continue
        found.append(address)
        used.update(range(address.first_line, address.last_line + 1))
    return found
