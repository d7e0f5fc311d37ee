"""Postal addresses in visible lines: postal-code patterns per country, street lines, labels.

An address is the visible lines joined with ", " (CJK lines joined without a separator), from the
street line to the postal-code/city line, as a person would copy it from the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

_L = r"[A-Za-zÀ-ɏЀ-ӿ]"  # a Latin or Cyrillic letter, including accented ones
_CITY = rf"{_L}[{_L[1:-1]}'’.\- ]*{_L}\.?"
#: A city after a bare (weak) postal code must be capitalized: "80335 München", not "1227 Views".
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž\u0400-\u042f]"
_CITY_JOIN = r"(?:im|am|an|bei|ob|in|de|la|le|sur|aan|den)\b"
_CITY_CAP = (
    rf"{_UPPER}[{_L[1:-1]}'’.\-]+(?:\s(?:{_UPPER}|{_CITY_JOIN})[{_L[1:-1]}'’.\-]*){{0,3}}"
)

#: Postal code + city patterns; "strong" ones are specific enough to stand alone.
_POSTAL_PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    # US/Canada: "Garland, TX 75041", "Fremont CA 94538", "Toronto, ON M5V 2T6"
    ("US", re.compile(r"\b[A-Z]{2}\.?,?\s+\d{5}(?:-\d{4})?\b"), True),
    ("CA", re.compile(r"\b[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"), True),
    # Ireland (Eircode): "Dublin D02 X285"
    ("IE", re.compile(r"\b[AC-FHKNPRTV-Y]\d{2}\s?[A-Z\d]{4}\b"), True),
    # Australia: "Adelaide SA 5000"
    ("AU", re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}\b"), True),
    # UK: "London SW1A 1AA"
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"), True),
    # Netherlands: "3311 JX DORDRECHT"
    ("NL", re.compile(rf"\b\d{{4}}\s?[A-Z]{{2}}\s+{_CITY_CAP}"), True),
    # Poland: "32-005 Niepołomice"
    ("PL", re.compile(rf"\b\d{{2}}-\d{{3}}\s+{_CITY_CAP}"), True),
    # Czechia/Slovakia: "CZ - 550 01 Broumov", "110 00 Praha 1"
    ("CZ", re.compile(rf"(?:\b[A-Z]{{2}}\s?[-–]\s?)?\b\d{{3}}\s\d{{2}}\s+{_CITY_CAP}"), True),
    # Japan: "〒100-0001"
    ("JP", re.compile(r"〒\s?\d{3}-\d{4}"), True),
    # Country-prefixed codes: "DE-93437 Furth im Wald", "CH-8000 Zürich", "A-1010 Wien"
    ("EU", re.compile(rf"\b[A-Z]{{1,2}}\s?[-–]\s?\d{{4,5}}\s+{_CITY_CAP}"), True),
    # Five digits + city (DE, FR, IT, ES, FI, ...): "80335 München"; weak: needs a street line
    ("EU5", re.compile(rf"(?<![\d.,/-])\b\d{{5}}\s+{_CITY_CAP}"), False),
    # Four digits + city (CH, AT, BE, DK, NO, HU, AU...): weak
    ("EU4", re.compile(rf"(?<![\d.,/-])\b\d{{4}}\s+{_CITY_CAP}"), False),
    # Russia and others with six digits: "101000, Москва"
    ("RU", re.compile(rf"(?<![\d.,/-])\b\d{{6}},?\s+(?:г\.\s?)?{_CITY_CAP}"), False),
]

_STREET_WORDS = (
    r"street|st|avenue|ave|av|road|rd|drive|dr|court|ct|lane|ln|boulevard|blvd|way|place|pl|"
    r"parkway|pkwy|highway|hwy|circle|cir|square|sq|terrace|ter|trail|trl|suite|ste|floor|"
    r"plaza|alley|row|crescent|close|quay|wharf|broadway|pike|turnpike|expressway|freeway|"
    r"park|estate|centre|center|business park|industrial estate|common|commons|loop|path|"
    r"mews|gardens|heights|pointe|landing|crossing|cove|glen|ridge|hollow|"
    r"straße|strasse|str|weg|platz|gasse|allee|ring|damm|ufer|chaussee|markt|steig|"
    r"laan|straat|plein|gracht|kade|singel|dreef|dijk|hof|"
    r"ul|ulica|al|aleja|os|plac|třída|náměstí|nám|ulice|nábřeží|"
    r"rue|boulevard|chemin|allée|quai|impasse|via|viale|piazza|corso|calle|avda|avenida|"
    r"plaça|rua|praça|vej|gade|väg|gatan|vägen|gata|katu|tie|utca|út|"
    r"улица|ул|проспект|пр|переулок|пер|шоссе|дом|д"
)
_STREET_US = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:{_L}[\w'’.\-]*\s+){{1,5}}(?:{_STREET_WORDS})\b\.?"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?",
    re.IGNORECASE,
)
_STREET_EU = re.compile(
    rf"(?:(?:{_STREET_WORDS})\.?\s+)?{_L}[\w'’.\- ]{{1,40}}?\s\d{{1,5}}[A-Za-z]?"
    rf"(?:\s?[-/]\s?\d{{1,5}}[A-Za-z]?)?(?![\d.,:]?\d)",
)
_STREET_HINT = re.compile(
    rf"(?:^|\s|\d)(?:{_STREET_WORDS})(?:\.|\b)|\w(?:straße|strasse|str\.|weg|platz|gasse|allee|"
    r"damm|laan|straat|plein|gracht|dreef|vej|gade|vägen|gatan|katu|utca)\b",
    re.IGNORECASE,
)

_ADDRESS_LABEL = re.compile(
    r"^\s*(?:address|adresse|anschrift|adres|adresa|indirizzo|dirección|direccion|endereço|"
    r"adresas|osoite|postadresse|besøksadresse|sídlo(?: společnosti)?|sídlo firmy|siedziba|"
    r"адрес|地\s*址|住\s*所|所在地|公司地址|通讯地址|通訊地址)\s*(?:[:：]\s*|$)",
    re.IGNORECASE,
)
_CJK_LABEL = re.compile(r"^[\u3000-\u9fff\uff00-\uffef\s]{1,8}[:：]")
#: Where an address ends inside a line: a contact label, a separator, or page prose.
_CUT = re.compile(
    r"\s*(?:\||•|·|\bphone\b|\btel\b|\btelefon|\bfax\b|\be-?mail\b|\bemail\b|\bmobil|"
    r"\bhours\b|\buse of\b|\ball rights\b|\bcall\b|电话|傳真|传真|邮编|邮箱|☎|✆|\bph\b|"
    r"\bphone:|\bt:|\bf:|\be:|\s[TtFfMm][.:]?\s+(?=[+(]|\d{2}))",
    re.IGNORECASE,
)
#: Country names as printed (English, local, short forms) -> ISO 3166-1 alpha-2.
COUNTRY_CODES: dict[str, str] = {}
for _c in pycountry.countries:
    for _attr in ("name", "common_name", "official_name"):
        _value = getattr(_c, _attr, None)
        if _value:
            COUNTRY_CODES[_value.lower()] = _c.alpha_2
            COUNTRY_CODES[_value.split(",")[0].lower()] = _c.alpha_2
COUNTRY_CODES.update({
    "usa": "US", "u.s.a.": "US", "us": "US", "u.s.": "US", "united states of america": "US",
    "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "deutschland": "DE", "österreich": "AT", "schweiz": "CH", "suisse": "CH", "svizzera": "CH",
    "polska": "PL", "česká republika": "CZ", "česko": "CZ", "czech republic": "CZ",
    "slovensko": "SK", "nederland": "NL", "the netherlands": "NL", "holland": "NL",
    "belgië": "BE", "belgique": "BE", "españa": "ES", "italia": "IT", "россия": "RU",
    "中国": "CN", "中华人民共和国": "CN", "ελλάδα": "GR", "magyarország": "HU", "sverige": "SE",
    "danmark": "DK", "norge": "NO", "suomi": "FI", "türkiye": "TR", "turkey": "TR",
    "south korea": "KR", "korea": "KR", "日本": "JP", "台灣": "TW", "taiwan": "TW",
    "hong kong": "HK", "香港": "HK", "russia": "RU", "vietnam": "VN", "iran": "IR",
})
_COUNTRY_NAMES = set(COUNTRY_CODES)
_COUNTRY_TAIL = re.compile(
    r"^[,\s]*(" + "|".join(re.escape(n) for n in sorted(_COUNTRY_NAMES, key=len, reverse=True))
    + r")\b\.?",
    re.IGNORECASE,
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
    for tag, pattern, strong in _POSTAL_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        if best is None or (strong, -match.start()) > (best[2], -best[0].start()):
            best = (match, tag, strong)
    return best


_MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|"
    r"juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|stycznia|lutego|marca|kwietnia|maja|czerwca|"
    r"lipca|sierpnia|września|października|listopada|grudnia|ledna|února|března|dubna|"
    r"května|června|července|srpna|září|října|listopadu|prosince)\b\.?",
    re.IGNORECASE,
)


_STREET_WORD_START = re.compile(
    r"(?:(?<=\s)|^)(?:ul|ulica|al|aleja|os|plac|třída|náměstí|nám|ulice|rue|boulevard|chemin|"
    r"allée|quai|impasse|via|viale|piazza|piazzale|corso|largo|calle|avda|avenida|paseo|plaça|"
    r"rua|praça|avenue|улица|ул|проспект|пр|переулок|шоссе)\b\.?\s",
    re.IGNORECASE,
)
#: "6B Liberty, Suite 200": a number-first street without a street word, made sure by a unit.
_STREET_WITH_UNIT = re.compile(
    rf"^\s*\d{{1,6}}[A-Za-z]?\s+{_L}[\w'’.\-]*(?:\s+{_L}[\w'’.\-]*){{0,3}},?\s+"
    r"(?:suite|ste|unit|#)\.?\s*[\w-]+",
    re.IGNORECASE,
)
_MONTHS_GLUED = re.compile(r"(?<=\d)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*",
                           re.IGNORECASE)


def street_span(text: str, loose: bool = True) -> tuple[int, int] | None:
    """Where a street-and-number appears in a line, if any.

    ``loose`` also accepts any short "Word 12" line ("Wilgenbos 1"): only safe next to a
    postal-code line. Dates ("March 4", "4 Mar") are never streets.
    """
    if _MONTHS.search(text) or _MONTHS_GLUED.search(text):
        text = _MONTHS_GLUED.sub(lambda m: "#" * len(m.group(0)), _MONTHS.sub(
            lambda m: "#" * len(m.group(0)), text))
    match = _STREET_US.search(text)
    if match:
        return match.span()
    match = _STREET_WITH_UNIT.search(text)
    if match:
        return match.span()
    match = _STREET_EU.search(text)
    if match:
        hint = _STREET_WORD_START.search(match.group(0))
        if hint:
            # "Music House è in viale Einaudi 12": the street starts at its street word.
            return match.start() + hint.start(), match.end()
        if _STREET_HINT.search(match.group(0)) or (loose and len(text) <= 45):
            return match.span()
    return None


_UNIT_TAIL = re.compile(
    r"^[,.\s]*(?:(?:suite|ste|unit|apt|apartment|floor|fl|bldg|building|room|rm|no|nr|#|"
    r"piso|étage|etage|stock|og|eg|c/o|box|po box)\.?\s*[\w/-]*[,.\s]*)*$",
    re.IGNORECASE,
)


_UNIT_LINE = re.compile(
    r"^\s*(?:(?:suite|ste|unit|apt|floor|fl|bldg|building|room|rm|piso|étage|etage|stock|"
    r"c/o|p\.?\s?o\.?\s?box|postfach|box)\b\.?\s*[\w/#-]*|"
    r"\d{1,3}(?:st|nd|rd|th|\.)?\s+(?:floor|fl|étage|etage|stock|og|piso))\s*$",
    re.IGNORECASE,
)


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
    return span[0] <= 4 and bool(_UNIT_TAIL.match(rest))


def cut_line(text: str) -> str:
    """The part of a line before a contact label or separator."""
    match = _CUT.search(text)
    return text[: match.start()].rstrip(" ,;-–") if match and match.start() > 0 else text


def _segment_with_postal(text: str) -> tuple[str, re.Match[str], str, bool] | None:
    for segment in re.split(r"\s+[|•·]\s+|\s{3,}", text):
        segment = cut_line(segment)  # "... 16147 Genova T +39 010 ..." ends at the phone
        found = postal_match(segment)
        if found and not found[2] and _MONTHS.search(segment[max(0, found[0].start() - 16) :
                                                            found[0].start()]):
            continue  # "March 4, 2016 Pop Style": a date, not a postal code and a city
        if found:
            return (segment, *found)
    return None


def _tail(segment: str, end: int, tag: str) -> str:
    """Keep what follows the postal code while it still reads as locality/region/country."""
    rest = segment[end:]
    keep = ""
    if tag in ("US", "AU", "CA"):
        country = _COUNTRY_TAIL.match(rest)
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


_CODE_BY_TAG = {
    "US": r"\d{5}(?:-\d{4})?", "CA": r"[A-Z]\d[A-Z]\s?\d[A-Z]\d",
    "GB": r"[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}", "IE": r"[A-Z]\d{2}\s?[A-Z\d]{4}", "AU": r"\d{4}",
    "NL": r"\d{4}\s?[A-Z]{2}", "PL": r"\d{2}-\d{3}",
    "CZ": r"\d{3}\s\d{2}", "JP": r"\d{3}-\d{4}", "EU": r"\d{4,5}", "EU5": r"\d{5}",
    "EU4": r"\d{4}", "RU": r"\d{6}",
}


def _postal_code(text: str, tag: str) -> str | None:
    match = re.search(_CODE_BY_TAG.get(tag, r"\d{4,6}"), text)
    return match.group(0) if match else None


def country_in(text: str) -> str | None:
    """ISO code of a country named by a short line or its last comma part ("Bristol, UK")."""
    if not text or len(text) > 80:
        return None
    last = text.rsplit(",", 1)[-1].strip(" .").lower()
    return COUNTRY_CODES.get(last) if len(last) >= 2 else None


def _is_country_line(text: str) -> bool:
    return bool(text) and len(text) <= 40 and text.strip(" .").lower() in _COUNTRY_NAMES


_NOT_ADDRESS = re.compile(r"©|\bcopyright\b|rights reserved|\bISBN\b", re.IGNORECASE)


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
    if _NOT_ADDRESS.search(segment):
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
        three = bool(_UNIT_LINE.match(street_line)) and is_street_line(above) and not (
            _UNIT_LINE.match(above)
        )
        if not three and not (is_street_line(street_line) and _house_number_ok(street_line)):
            return None  # a postal code without a street is too often a number in prose
        if not strong and len(cut_line(segment)) > len(line_part) + 12:
            return None  # a bare number + word inside a longer line ("1227 Views ...")
        if _NOT_ADDRESS.search(street_line):
            return None
        first = i - 1
        if three:
            parts.append(above)
            first = i - 2
        parts.append(street_line)
        parts.append(line_part)
    last = i
    if i + 1 < len(lines) and _is_country_line(lines[i + 1]) and not _COUNTRY_TAIL.search(
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


def labelled_address(lines: list[str], i: int) -> FoundAddress | None:
    """An address after a label ("Anschrift:", "地址：") on this line or the lines below it."""
    label = _ADDRESS_LABEL.match(lines[i])
    if not label:
        return None
    value = cut_line(lines[i][label.end() :].strip())
    parts = [value] if value else []
    last = i
    cjk = bool(re.search(r"[\u3000-\u9fff]", value))
    for j in range(i + 1, min(len(lines), i + 5)):
        line = lines[j]
        if _CJK_LABEL.match(line) or re.match(r"^[\w .]{1,20}[:：]", line):
            break
        if _ADDRESS_LABEL.match(line) or "@" in line or _CUT.match(line):
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
        address = labelled_address(lines, i) or address_from_line(lines, i)
        if address is None:
            continue
        found.append(address)
        used.update(range(address.first_line, address.last_line + 1))
    return found
