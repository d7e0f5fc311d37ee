"""The patterns addresses are read with: postal codes per country, street words, labels,
country names, and where an address line ends."""

from __future__ import annotations

import re

import pycountry

LETTER = r"[A-Za-zÀ-ɏЀ-ӿ]"  # a Latin or Cyrillic letter, including accented ones
CITY = rf"{LETTER}[{LETTER[1:-1]}'’.\- ]*{LETTER}\.?"
#: A city after a bare (weak) postal code must be capitalized: "80335 München", not "1227 Views".
UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž\u0400-\u042f]"
CITY_JOIN = r"(?:im|am|an|bei|ob|in|de|la|le|sur|aan|den)\b"
CITY_CAP = (
    rf"{UPPER}[{LETTER[1:-1]}'’.\-]+(?:\s(?:{UPPER}|{CITY_JOIN})[{LETTER[1:-1]}'’.\-]*){{0,3}}"
    # a river, or Turkey's province after its district: "Frankfurt/Main", "Beyoğlu/İstanbul"
    rf"(?:\s?/\s?{UPPER}[{LETTER[1:-1]}.]+)?"
)

#: The US states' and DC's codes.
US_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()

#: Postal code + city patterns; "strong" ones are specific enough to stand alone.
POSTAL_PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    # US/Canada: "Garland, TX 75041", "Fremont CA 94538", "Toronto, ON M5V 2T6" (a state's
    # code only: "3. OG, 10115 Berlin" is a floor, "CS 20001" a French mail box)
    ("US", re.compile(rf"\b(?:{'|'.join(US_STATE_CODES)})\.?,?\s+\d{{5}}(?:-\d{{4}})?\b"),
     True),
    ("CA", re.compile(r"\b[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"), True),
    # Ireland (Eircode): "Dublin D02 X285"
    ("IE", re.compile(r"\b[AC-FHKNPRTV-Y]\d{2}\s?[A-Z\d]{4}\b"), True),
    # Australia: "Adelaide SA 5000"
    ("AU", re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}\b"), True),
    # UK: "London SW1A 1AA"
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"), True),
    # Netherlands: "3311 JX DORDRECHT"
    ("NL", re.compile(rf"\b\d{{4}}\s?[A-Z]{{2}}\s+{CITY_CAP}"), True),
    # Poland: "32-005 Niepołomice"
    ("PL", re.compile(rf"\b\d{{2}}-\d{{3}}\s+{CITY_CAP}"), True),
    # Portugal: "1100-053 Lisboa"
    ("PT", re.compile(rf"\b\d{{4}}-\d{{3}}\s+{CITY_CAP}"), True),
    # Czechia/Slovakia: "CZ - 550 01 Broumov", "110 00 Praha 1"
    ("CZ", re.compile(rf"(?:\b[A-Z]{{2}}\s?[-–]\s?)?\b\d{{3}}\s\d{{2}}\s+{CITY_CAP}"), True),
    # Japan: "〒100-0001"
    ("JP", re.compile(r"〒\s?\d{3}-\d{4}"), True),
    # Country-prefixed codes: "DE-93437 Furth im Wald", "CH-8000 Zürich", "A-1010 Wien"
    ("EU", re.compile(rf"\b[A-Z]{{1,2}}\s?[-–]\s?\d{{4,5}}\s+{CITY_CAP}"), True),
    # Five digits + city (DE, FR, IT, ES, FI, ...): "80335 München"; weak: needs a street line
    ("EU5", re.compile(rf"(?<![\d.,/-])\b\d{{5}}\s+{CITY_CAP}"), False),
    # Four digits + city (CH, AT, BE, DK, NO, HU, AU...): weak
    ("EU4", re.compile(rf"(?<![\d.,/-])\b\d{{4}}\s+{CITY_CAP}"), False),
    # Russia and others with six digits: "101000, Москва"
    ("RU", re.compile(rf"(?<![\d.,/-])\b\d{{6}},?\s+(?:г\.\s?)?{CITY_CAP}"), False),
]

STREET_WORDS = (
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
STREET_US = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:{LETTER}[\w'’.\-]*\s+){{1,5}}(?:{STREET_WORDS})\b\.?"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?",
    re.IGNORECASE,
)
STREET_EU = re.compile(
    rf"(?:(?:{STREET_WORDS})\.?\s+)?{LETTER}[\w'’.\- ]{{1,40}}?\s\d{{1,5}}[A-Za-z]?"
    rf"(?:\s?[-/]\s?\d{{1,5}}[A-Za-z]?)?(?![\d.,:]?\d)",
)
STREET_HINT = re.compile(
    rf"(?:^|\s|\d)(?:{STREET_WORDS})(?:\.|\b)|\w(?:straße|strasse|str\.|weg|platz|gasse|allee|"
    r"damm|laan|straat|plein|gracht|dreef|vej|gade|vägen|gatan|katu|utca)\b",
    re.IGNORECASE,
)

ADDRESS_LABEL = re.compile(
    r"^\s*(?:address|adresse|anschrift|adres|adresa|indirizzo|dirección|direccion|endereço|"
    r"adresas|osoite|postadresse|besøksadresse|sídlo(?: společnosti)?|sídlo firmy|siedziba|"
    r"адрес|地\s*址|住\s*所|所在地|公司地址|通讯地址|通訊地址)\s*(?:[:：]\s*|$)",
    re.IGNORECASE,
)
CJK_LABEL = re.compile(r"^[\u3000-\u9fff\uff00-\uffef\s]{1,8}[:：]")
#: Where an address ends inside a line: a contact label, a separator, or page prose.
CUT = re.compile(
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
COUNTRY_NAMES = set(COUNTRY_CODES)
COUNTRY_TAIL = re.compile(
    r"^[,\s]*(" + "|".join(re.escape(n) for n in sorted(COUNTRY_NAMES, key=len, reverse=True))
    + r")\b\.?",
    re.IGNORECASE,
)

MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|"
    r"juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|stycznia|lutego|marca|kwietnia|maja|czerwca|"
    r"lipca|sierpnia|września|października|listopada|grudnia|ledna|února|března|dubna|"
    r"května|června|července|srpna|září|října|listopadu|prosince)\b\.?",
    re.IGNORECASE,
)


STREET_WORD_START = re.compile(
    r"(?:(?<=\s)|^)(?:ul|ulica|al|aleja|os|plac|třída|náměstí|nám|ulice|rue|boulevard|chemin|"
    r"allée|quai|impasse|via|viale|piazza|piazzale|corso|largo|calle|avda|avenida|paseo|plaça|"
    r"rua|praça|avenue|улица|ул|проспект|пр|переулок|шоссе)\b\.?\s",
    re.IGNORECASE,
)
#: "6B Liberty, Suite 200": a number-first street without a street word, made sure by a unit.
STREET_WITH_UNIT = re.compile(
    rf"^\s*\d{{1,6}}[A-Za-z]?\s+{LETTER}[\w'’.\-]*(?:\s+{LETTER}[\w'’.\-]*){{0,3}},?\s+"
    r"(?:suite|ste|unit|#)\.?\s*[\w-]+",
    re.IGNORECASE,
)
MONTHS_GLUED = re.compile(r"(?<=\d)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*",
                           re.IGNORECASE)

UNIT_TAIL = re.compile(
    r"^[,.\s]*(?:(?:suite|ste|unit|apt|apartment|floor|fl|bldg|building|room|rm|no|nr|#|"
    r"piso|étage|etage|stock|og|eg|c/o|box|po box)\.?\s*[\w/-]*[,.\s]*)*$",
    re.IGNORECASE,
)


UNIT_LINE = re.compile(
    r"^\s*(?:(?:suite|ste|unit|apt|floor|fl|bldg|building|room|rm|piso|étage|etage|stock|"
    r"c/o|p\.?\s?o\.?\s?box|postfach|box)\b\.?\s*[\w/#-]*|"
    r"\d{1,3}(?:st|nd|rd|th|\.)?\s+(?:floor|fl|étage|etage|stock|og|piso))\s*$",
    re.IGNORECASE,
)

CODE_BY_TAG = {
    "US": r"\d{5}(?:-\d{4})?", "CA": r"[A-Z]\d[A-Z]\s?\d[A-Z]\d",
    "GB": r"[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}", "IE": r"[A-Z]\d{2}\s?[A-Z\d]{4}", "AU": r"\d{4}",
    "NL": r"\d{4}\s?[A-Z]{2}", "PL": r"\d{2}-\d{3}", "PT": r"\d{4}-\d{3}",
    "CZ": r"\d{3}\s\d{2}", "JP": r"\d{3}-\d{4}", "EU": r"\d{4,5}", "EU5": r"\d{5}",
    "EU4": r"\d{4}", "RU": r"\d{6}",
}

#: Patterns for an address that is all of its text (a one-line address column), tried before
#: and after :data:`POSTAL_PATTERNS` (which also find addresses inside page text, where a
#: capitalized word after a code may be a label: "TX 75041 Phone ...").
ONE_LINE_FIRST: list[tuple[str, re.Pattern[str], bool]] = [
    # Brazil (CEP, before the US pattern took "SP, 01310" of "São Paulo - SP, 01310-100")
    ("BR", re.compile(r"(?:\bCEP:?\s*)?(?<![\d-])\d{5}-\d{3}(?![\d-])"), True),
    # A European country code and a space before the code: "DE 80331 München", "CH 8001
    # Zürich" (the US pattern read "DE 80331" as Delaware)
    ("EU", re.compile(rf"\b(?:D|DE|A|AT|CH|F|FR|I|IT|B|BE|L|LU|NL|DK|S|SE|N|NO|FIN|FI|E|ES|"
                      rf"P|PT|PL|CZ|H|HU|SK)\s\d{{4,5}}\s+{CITY_CAP}$"), True),
]
ONE_LINE_LAST: list[tuple[str, re.Pattern[str], bool]] = [
    # The city, then its code at the end, after a comma: "..., Shanghai 200001", "...,
    # Singapore 238858", "..., Bangalore 560001", "..., Tokyo 100-0005", "..., Moscow 125009"
    # (or after a dash or a comma: "..., Bangalore - 560038", "..., Moskva, 125009")
    ("END", re.compile(rf",\s*{CITY_CAP}(?:\s+|\s*[-–,]\s*)(?:\d{{5,6}}|\d{{3}}-\d{{4}})$"),
     True),
    # Taiwan: a city or county and its code of 3, 5 or 6 digits: "..., Da'an Dist., Taipei
    # City 106", "..., Hsinchu County 30274"
    ("TW", re.compile(rf",\s*{CITY_CAP}(?:(?<=City)|(?<=County))\s+\d{{3}}(?:\d{{2,3}})?$"),
     True),
    # Canada without the province: "..., Vaughan L4K 2Y7"
    ("CAN", re.compile(rf",\s*{CITY_CAP}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d$"), True),
]
ONE_LINE_CODES = {"BR": r"\d{5}-\d{3}", "END": r"(?:\d{5,6}|\d{3}-\d{4})$",
                  "TW": r"\d{3}(?:\d{2,3})?$", "CAN": r"[A-Z]\d[A-Z]\s?\d[A-Z]\d$"}
#: Italy's province codes, which follow the city ("20121 Milano MI").
IT_PROVINCES = frozenset(
    "AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CL CN CO CR CS CT CZ "
    "EN FC FE FG FI FM FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU "
    "OR PA PC PD PE PG PI PN PO PR PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR SS SU SV "
    "TA TE TN TO TP TR TS TV UD VA VB VC VE VI VR VT VV".split())

NOT_ADDRESS = re.compile(r"©|\bcopyright\b|rights reserved|\bISBN\b", re.IGNORECASE)
