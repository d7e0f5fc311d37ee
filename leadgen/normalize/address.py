"""Address parts: country to ISO alpha-2, postal codes cleaned, city and street match keys."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import pycountry

from leadgen.items import Address
from leadgen.normalize.address_patterns import CHINESE_CITIES, US_STATE_CODES
from leadgen.normalize.address_patterns import STREET_US as _US_STREET
from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.romanize import romanized as romanized_spellings
from leadgen.normalize.text import (
    contract_umlauts,
    fold,
    hangul_romanized,
    has_cjk,
    has_hangul,
    key_tokens,
    pinyin_syllables,
    pinyin_word_length,
    plain_text,
)

#: Common names pycountry does not know, and codes people write instead of ISO ones.
COUNTRY_ALIASES = {
    "usa": "US", "u s a": "US", "us": "US", "u s": "US", "united states of america": "US",
    "america": "US", "uk": "GB", "u k": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "britain": "GB", "gb": "GB",
    "prc": "CN", "p r china": "CN", "pr china": "CN", "mainland china": "CN", "china": "CN",
    "中国": "CN", "中國": "CN", "中华人民共和国": "CN", "中國大陸": "CN", "中国大陆": "CN",
    "台湾": "TW", "台灣": "TW", "taiwan": "TW", "香港": "HK", "hong kong": "HK", "日本": "JP",
    "韩国": "KR", "韓国": "KR", "south korea": "KR", "korea": "KR", "대한민국": "KR",
    "deutschland": "DE", "brd": "DE", "germany": "DE", "österreich": "AT", "schweiz": "CH",
    "suisse": "CH", "svizzera": "CH", "holland": "NL", "the netherlands": "NL", "russia": "RU",
    "vietnam": "VN", "czech republic": "CZ", "turkey": "TR", "türkiye": "TR", "uae": "AE",
    "iran": "IR", "德国": "DE", "美国": "US", "英国": "GB", "法国": "FR", "意大利": "IT",
    "russland": "RU", "republic of korea": "KR", "한국": "KR", "china mainland": "CN",
    "peoples republic of china": "CN", "p r of china": "CN", "澳门": "MO", "澳門": "MO",
    "新加坡": "SG", "马来西亚": "MY", "泰国": "TH", "越南": "VN", "印度": "IN", "日本国": "JP",
    "西班牙": "ES", "荷兰": "NL", "瑞士": "CH", "奥地利": "AT", "加拿大": "CA", "澳大利亚": "AU",
    "vr china": "CN", "volksrepublik china": "CN", "hong kong sar": "HK", "hongkong": "HK",
    "hong kong sar china": "HK", "hong kong china": "HK", "taiwan roc": "TW",
    "republic of china": "TW", "taiwan r o c": "TW", "macau": "MO", "macao sar": "MO",
    "macau sar": "MO", "korea south": "KR", "u a e": "AE", "ksa": "SA",
    # German names written in ASCII or the older way, and other common short names
    "oesterreich": "AT", "grossbritannien": "GB", "großbritannien": "GB", "vae": "AE",
    "republic of ireland": "IE", "eire": "IE",
    # Spanish "EE. UU." (Estados Unidos), as Latin American lists write it
    "eeuu": "US", "ee uu": "US",
    # Olympic (IOC) codes, as trade-fair exhibitor lists give countries; only those that are
    # no ISO code of another country ("CHI", Chile, is left out: lists mean China by it too)
    "ger": "DE", "sui": "CH", "ned": "NL", "tpe": "TW", "den": "DK", "cro": "HR",
    "por": "PT", "gre": "GR", "rsa": "ZA", "ina": "ID", "mas": "MY", "phi": "PH", "vie": "VN",
    "bul": "BG", "slo": "SI", "lat": "LV", "rok": "KR", "iri": "IR", "alg": "DZ",
    "chinese taipei": "TW", "中国台湾": "TW", "中國台灣": "TW", "中国香港": "HK", "中國香港": "HK",
    "中国澳门": "MO", "中國澳門": "MO", "россия": "RU", "ivory coast": "CI",
    "cote d ivoire": "CI", "netherlands the": "NL", "emirates": "AE", "hk sar": "HK",
    "hksar": "HK", "macao": "MO",
    # Taiwan, Hong Kong and Macau with China or a qualifier after them, as their own lists
    # and mainland ones write them ("Taipei City 106, Taiwan, R.O.C.")
    "taiwan china": "TW", "china taiwan": "TW", "taiwan province of china": "TW",
    "r.o.c.": "TW", "roc taiwan": "TW", "macau china": "MO", "macao china": "MO",
    "macau sar china": "MO",
    # Short and own names the translations lack: Russia's "РФ", Thailand's "ประเทศไทย", the
    # Gulf's short Arabic names, Romansh "Svizra", Vietnamese "Việt Nam"
    "рф": "RU", "ประเทศไทย": "TH", "الإمارات": "AE", "السعودية": "SA",
    "المملكة العربية السعودية": "SA", "ایران": "IR", "svizra": "CH", "viet nam": "VN",
    # Short Chinese names export teams write (traditional ones are read as simplified)
    "印尼": "ID", "沙特": "SA", "迪拜": "AE", "澳洲": "AU", "危地马拉": "GT", "多米尼加": "DO",
    "香港特别行政区": "HK", "澳门特别行政区": "MO", "台湾省": "TW", "中国台湾省": "TW",
    "中国内地": "CN", "内地": "CN", "大陆": "CN", "prchina": "CN", "p r c": "CN",
    # Countries by their own names in Latin letters (as their registers and lists write
    # them), and English names the ISO list words otherwise
    "hrvatska": "HR", "srbija": "RS", "crna gora": "ME", "shqiperia": "AL",
    "slovenija": "SI", "eesti": "EE", "latvija": "LV", "lietuva": "LT", "letzebuerg": "LU",
    "bosna i hercegovina": "BA", "makedonija": "MK", "macedonia": "MK", "sakartvelo": "GE",
    "hayastan": "AM", "azərbaycan": "AZ", "azerbaycan": "AZ", "qazaqstan": "KZ",
    "oʻzbekiston": "UZ", "ozbekiston": "UZ",
    "pilipinas": "PH", "bharat": "IN", "nippon": "JP", "misr": "EG", "kampuchea": "KH",
    "cape verde": "CV", "kosovo": "XK", "palestine": "PS",
}
#: Country prefixes of old European postal codes ("D-80331", "CH-8001", "A-1010").
_PREFIXES = (r"(?P<prefix>D|A|CH|F|I|B|L|NL|DK|S|N|FIN|FL|E|P|PL|CZ|H|SK|SLO|HR|GR|IRL|RO|BG|"
             r"LT|LV|EST|DE|AT|FR|IT|BE|LU|SE|NO|FI|LI|ES|PT|HU|SI|EE|MD)")  # and today's ISO codes
_POSTAL_COUNTRY_PREFIX = re.compile(
    rf"^{_PREFIXES}(?:\s*-\s*(?=\d)|\s+(?=\d{{4,5}}$|\d{{3}} \d{{2}}$))")  # "D-80331", "D 80331"
#: Such a postal code before its town in a one-line address: "Hauptstr. 5, D-80331 München".
_PREFIXED_CODE = re.compile(
    rf"(?<![\w.-]){_PREFIXES}\s?[-–]\s?(?P<code>\d{{3,5}}(?: \d\d)?)\s+(?=[^\W\d_])")
#: Countries written as their international vehicle signs (the old postal prefixes, and a
#: European list's country column: "D", "A", "CH"), where the sign is no ISO code.
_VEHICLE_SIGNS = {"D": "DE", "A": "AT", "F": "FR", "I": "IT", "B": "BE", "L": "LU", "S": "SE",
                  "N": "NO", "E": "ES", "P": "PT", "H": "HU", "FL": "LI", "SLO": "SI"}
#: Postal codes whose last part is written after a space: UK ("SW1A 1AA"), Canada ("K1A 0B1"),
#: the Netherlands ("1234 AB").
_SPACED_POSTAL = re.compile(
    r"^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$|^([A-Z]\d[A-Z]) ?(\d[A-Z]\d)$|^(\d{4}) ?([A-Z]{2})$")
#: Languages whose country names we accept (from pycountry's bundled translations).
_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt", "pl", "cs", "sv", "da", "fi", "tr", "ru",
              "zh_CN", "zh_TW", "ja", "ko", "hu", "ro", "el",
              # in their own scripts: Ukrainian, Bulgarian, Belarusian, Kazakh, Serbian,
              # Arabic, Persian, Hebrew, Thai, Hindi ("Україна", "الإمارات العربية المتحدة")
              "uk", "bg", "be", "kk", "sr", "ar", "fa", "he", "th", "hi")
_POSTAL_CHARS = re.compile(r"[^0-9A-Z\- ]")
_STREET_WORDS = {
    "street": "st", "str": "st", "strasse": "st", "straße": "st", "avenue": "ave", "av": "ave",
    # Dutch "straat", which lists shorten as German "Straße" ("Kerkstr. 15")
    "straat": "st",
    "boulevard": "blvd", "blv": "blvd", "bd": "blvd", "road": "rd", "drive": "dr",
    "lane": "ln", "place": "pl", "square": "sq", "highway": "hwy", "parkway": "pkwy",
    "court": "ct", "terrace": "ter", "circle": "cir", "north": "n", "south": "s", "east": "e",
    "west": "w", "suite": "ste", "floor": "fl", "building": "bldg", "platz": "pl",
    "weg": "weg", "allee": "allee", "plaza": "plz", "centre": "center", "ctr": "center",
    "crescent": "cres",
}
#: English ordinal words, written as numbers in a street key ("Second Ave." = "2nd Ave.").
_ORDINALS = dict(zip(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth".split(),
    "1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th 13th 14th 15th 16th 17th 18th 19th "
    "20th".split(), strict=True))
_STREET_WORDS.update(_ORDINALS)
#: A house number written as a word before the street ("One Penn Plaza" = "1 Penn Plaza").
_HOUSE_NUMBER_WORDS = dict(zip(
    "one two three four five six seven eight nine ten".split(),
    "1 2 3 4 5 6 7 8 9 10".split(), strict=True))
#: Street type words as keyed: after one, "at", "near" or "between" starts directions to
#: the address ("156 2nd ave at 10th st"), which are no part of it.
_STREET_TYPES = frozenset({"st", "ave", "blvd", "rd", "dr", "ln", "pl", "sq", "hwy", "pkwy",
                           "ct", "ter", "cir", "way", "cres"})
_DIRECTIONS = frozenset({"at", "near", "nr", "off", "corner", "between", "betw", "btwn"})
#: A city quadrant after the street type ("Piedmont Rd. NE"), as keyed.
_QUADRANTS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw", "northeast", "northwest",
                        "southeast", "southwest"})
_GLUED_STREET = re.compile(r"(strasse|straße|straat|str|platz|weg|gasse|allee|damm)$")
#: Spanish, Polish and Turkish street words and their short forms: "Avenida" = "Avda.",
#: "Calle" = "C/", "ulica" = "ul.", "aleja" = "al.".
_STREET_WORDS_MORE = {"avenida": "ave", "avda": "ave", "calle": "c", "ulica": "ul",
                      "aleja": "al",
                      # Portugal's and Brazil's "Rua" as France's "rue" ("R." for either)
                      "rua": "rue",
                      # Turkish: Caddesi = Cad. = Cd., Sokak = Sok. = Sk., Mahallesi = Mah. =
                      # Mh., Bulvarı = Blv.
                      "caddesi": "cd", "cad": "cd", "sokak": "sk", "sokagi": "sk",
                      "sok": "sk", "mahallesi": "mh", "mah": "mh", "bulvari": "blvd",
                      # Spanish, Catalan and Portuguese ones with their short forms
                      "carrer": "c", "paseo": "pso", "passeig": "pso", "pza": "plz",
                      "plza": "plz", "praca": "plz", "carretera": "ctra", "avinguda": "ave",
                      "avgda": "ave",
                      # Malaysia's and Indonesia's "Jalan" = "Jln." = "Jl." (street), "Lorong"
                      # = "Lrg." (lane)
                      "jalan": "jl", "jln": "jl", "jl": "jl", "lorong": "lrg", "lrg": "lrg",
                      # Colombia's numbered streets and their short forms: Carrera = Cra. =
                      # Kr. = Cr., Calle = Cl. = Cll., Diagonal = Dg., Transversal = Tv.;
                      # Peru's "Jirón" = "Jr."; Brazil's "Praça" = "Pça."; "Norte" = "Nte."
                      "carrera": "cra", "kr": "cra", "kra": "cra", "cr": "cra", "cl": "c",
                      "cll": "c", "clle": "c", "diagonal": "dg", "diag": "dg",
                      "transversal": "tv", "transv": "tv", "jiron": "jr", "pca": "plz",
                      "nte": "norte",
                      # Portugal's "Estrada" = "Estr." (road), "Largo" = "Lg." (square)
                      "estr": "estrada", "lg": "largo"}
#: Words of a quarter's or a lot's name, no street type, and their short forms: Malaysia's
#: and Indonesia's "Taman" = "Tmn." (estate), "Kampung" = "Kg." (village), "Seksyen" =
#: "Sek." (section), "Kavling" = "Kav." (lot); the Philippines' "Barangay" = "Brgy." = "Bgy."
_PLACE_WORDS = {"taman": "tmn", "kampung": "kg", "kampong": "kg", "seksyen": "sek",
                "kavling": "kav", "barangay": "brgy", "bgy": "brgy"}
#: Street types that Vietnamese ("Số 7 Đường Bằng Lăng 1") and Thai ("1 Thanon Siam Cement")
#: addresses write before the street's name and English lists after it ("7 Bang Lang 1 St.",
#: "1 Siam Cement Road"): keyed as English writes them, after the name.
_TYPES_TRANSLATED = {"duong": "st", "thanon": "rd", "thnon": "rd"}
#: Street types keyed as they come before the street's name: the linking words after one
#: are left out, as lists leave them out ("Calle de Alcalá" = "C/ Alcalá", "Avenida de la
#: Constitución" = "Av. Constitución", "12 rue de la Paix" = "12 rue Paix").
_TYPES_FIRST = frozenset({"c", "ave", "pso", "plz", "ctra", "rue", "via", "viale", "corso",
                          "piazza", "piazzale", "blvd", "chemin", "allee", "ronda", "rambla",
                          "camino", "travessa", "largo"})
_LINKING_WORDS = frozenset({"de", "del", "la", "las", "los", "el", "les", "dels", "da", "do",
                            "das", "dos", "des", "du", "di", "della", "dello", "delle", "dei",
                            "degli"})
#: Unit and floor words as keyed (after :data:`_STREET_WORDS`): a unit given with its value
#: ("Suite 400", "Rm 1201", Australia's "Level 5" and "Shop 3", "Office 12", Hong Kong's
#: "Tower A" and "Block B", "Floor 3"), a floor after its number ("2. OG", "5th Floor").
_UNIT_WORDS = frozenset({"ste", "unit", "apt", "rm", "room", "flat", "bldg", "haus",
                         "gebaude", "level", "lvl", "shop", "office", "tower", "block", "blk",
                         "wing", "fl", "conj",
                         # Spanish "Local 2", Polish "lok. 19" and "pok. 19" (lokal, pokój)
                         "local", "lok", "lokal", "pok", "pokoj",
                         # Spanish and Portuguese offices: "Oficina 402" = "Of. 402"
                         "oficina", "of"})
#: Unit words only after a house number: Portuguese "Sala 302" = "sl 302" ("Av. Ipiranga
#: 6681 sl 302"; a street is named Sala too: "Rue de la Sala 3").
_UNIT_AFTER_NUMBER = frozenset({"sala", "sl"})
_FLOOR_WORDS = frozenset({"fl", "og", "eg", "ug", "stock", "etage",
                          # "10º andar", "2º piso", "3ª planta", "3° piano"
                          "andar", "piso", "planta", "piano"})
#: A floor written as Hong Kong and China write it in English: "12/F" (keyed "12f").
_FLOOR_TOKEN = re.compile(r"\d{1,3}f")


#: Country names in a translation that name another place more often: Dutch "Norfolk"
#: (Norfolk Island; an English county, a US city), Hungarian "Man" (the Isle of Man), Romanian
#: "Columbia" (Colombia; US cities).
_OTHER_PLACES = frozenset({"norfolk", "man", "columbia"})


#: Arabic and Hebrew vowel and stress marks, which translations write and lists leave out
#: ("العربيّة" and "العربية").
_SEMITIC_MARKS = re.compile("[\u0591-\u05c7\u064b-\u0652\u0670]")


def _country_key(text: str) -> str:
    return " ".join(key_tokens(_SEMITIC_MARKS.sub("", text)))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    translations = [gettext.NullTranslations()]
    for language in _LANGUAGES:
        try:
            translations.append(
                gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
            )
        except OSError:
            continue
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            english = getattr(country, attribute, None)
            if not english:
                continue
            for translation in translations:
                key = _country_key(translation.gettext(english))
                if key not in _OTHER_PLACES:
                    names.setdefault(key, country.alpha_2)
        names[country.alpha_3.lower()] = country.alpha_2
    for alias, code in COUNTRY_ALIASES.items():
        names[_country_key(alias) or alias] = code
    return names


def country_of_key(key: str) -> str | None:
    """The country a name written as a key names ("deutschland", "united kingdom", "usa"), or
    None: one dict lookup, for hot paths that hold keys already."""
    return _country_names().get(key)


@lru_cache(maxsize=1)
def country_name_ends() -> frozenset[str]:
    """The last words of the keys :func:`country_of_key` knows ("germany", "kingdom"): words
    ending otherwise name no country."""
    return frozenset(key.rpartition(" ")[2] for key in _country_names())


@lru_cache(maxsize=4096)
def normalize_country(raw: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country code or name in one of several languages."""
    if not raw or not raw.strip():
        return None
    text = raw.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        code = text.upper()
        if code == "UK":
            return "GB"
        return code if pycountry.countries.get(alpha_2=code) else None
    key = _country_key(text)
    found = _country_names().get(key) or _country_names().get(fold(text).strip())
    if found is None and _PART_MARK.search(text) and not _DIGIT.search(text):
        # (with a number among its parts it is an address's end: "..., CZ - 110 00 Praha")
        text = " ".join(text.split())  # (a space for a run: the patterns below restart in one)
        # "Germany / Deutschland", "Deutschland (DE)", "Dubai, UAE": the one country its
        # parts name. A code in brackets or after a dash after a town is its province or
        # state: "Napoli (NA)" is in Naples, Italy (not Namibia), "Torino (TO)" in Turin
        # (not Togo), "Belo Horizonte - MG" in Brazil (not Madagascar).
        if (after := _TOWN_CODE.search(text)) and (town := text[:after.start()].strip()) and (
                not normalize_country(town)):
            return None
        # (a vehicle sign among them names a country too: "D, A, CH" is three, not Switzerland)
        named = {normalize_country(part) or _VEHICLE_SIGNS.get(part.upper())
                 for part in _COUNTRY_PARTS.split(text)} - {None}
        found = named.pop() if len(named) == 1 else None
    return found


_TOWN_CODE = re.compile(r"(?:\s*[(（]\s*[A-Za-z]{2}\s*[)）]|\s+[-–]\s+[A-Za-z]{2})\s*$")


#: Where a country cell's parts meet: "Germany / Deutschland", "Deutschland (DE)", "DE -
#: Germany", "Dubai, UAE".
_COUNTRY_PARTS = re.compile(r"\s*[,/|()（）]\s*|\s+[-–]\s+")
#: What :data:`_COUNTRY_PARTS` needs in a text to match (searched without its spaces first,
#: it is not tried at each space of a long run).
_PART_MARK = re.compile(r"[,/|()（）]|\s[-–]\s")


@lru_cache(maxsize=CACHE_SIZE)
def normalize_postal_code(raw: str | None, country: str | None = None) -> str | None:
    """Upper case, single spaces, no stray punctuation, no old country prefix ("d-10115 " ->
    "10115"), and the space where the country writes one ("sw1a1aa" -> "SW1A 1AA", "1234ab"
    -> "1234 AB"). In a country of five-digit codes, a four-digit one gets back the leading
    zero a spreadsheet dropped ("1067" in Dresden, DE -> "01067")."""
    if not raw:
        return None
    raw = _POSTAL_FLOAT.sub("", raw.strip())  # "80331.0": a spreadsheet's number
    text = _POSTAL_CHARS.sub("", fold(raw).upper()).strip(" -")
    if _PO_BOX.match(text):
        return None  # a post-office box number is no postal code
    text = _POSTAL_LABEL.sub("", re.sub(r"\s+", " ", text))
    text = _POSTAL_COUNTRY_PREFIX.sub("", text)
    while "CEDEX" in text and (route := _CEDEX.search(text)):
        text = text[:route.start()].strip(" -")  # "75002 CEDEX 02": a French mail route
    if city := _CODE_AND_CITY.match(text) or _CITY_AND_CODE.match(text):
        text = city.group(1)  # "80331 MUNCHEN", "SINGAPORE 098632" in a postal code column
    elif country == "SG" and text[:1] == "S" and (code := _SG_POSTAL.match(text)):
        text = code.group(1)  # "S(098632)": Singapore's code with its letter
    elif country in _STATE_FIRST and (state := _STATE_AND_CODE.match(text)) and (
            state.group(1) in STATE_CODES[country]):
        text = state.group(2)  # "VIC 3000", "IL 60601": the state before the code
    if not _DIGIT.search(text) or not text.strip("0 -"):
        return None  # "N/A", "0", "00000": no code
    if country and country not in _SPACED_POSTAL_COUNTRIES and _SPLIT_DIGITS.fullmatch(text):
        text = text.replace(" ", "")  # "500 034" (India), "80 331": one number
    spaced = _SPACED_POSTAL.match(text) or (
        (spacing := _COUNTRY_SPACED_POSTAL.get(country or "")) and spacing.match(text))
    if spaced:
        text = " ".join(part for part in spaced.groups() if part)
    if country in _FIVE_DIGIT_POSTAL and len(text) == 4 and text.isdigit():
        text = "0" + text
    elif country in _SIX_DIGIT_POSTAL and len(text) == 5 and text.isdigit():
        text = "0" + text  # Singapore's 048624, Hohhot's 010000
    elif (shape := _GROUPED_POSTAL.get(country or "")) and (
            digits := text.replace("-", "").replace(" ", "")).isdigit() and len(
            digits) == shape[0] + shape[1]:
        text = digits[:shape[0]] + shape[2] + digits[shape[0]:]  # "1000005" -> "100-0005"
    return text or None


#: Countries whose postal code is digits in two groups, as their post writes it: the
#: digits before the break, after it, and the separator (lists write "1000005" and "100-0005"
#: for one Tokyo code).
_GROUPED_POSTAL = {"JP": (3, 4, "-"), "BR": (5, 3, "-"), "PL": (2, 3, "-"), "PT": (4, 3, "-"),
                   "CZ": (3, 2, " "), "SK": (3, 2, " "), "SE": (3, 2, " "), "GR": (3, 2, " "),
                   "US": (5, 4, "-")}  # a ZIP+4 written as nine digits


#: Codes of letters and digits that a country's post writes with a space, which lists also
#: write without: Ireland's Eircode ("D02R296" = "D02 R296"), Malta's ("STJ3049").
_COUNTRY_SPACED_POSTAL = {
    "IE": re.compile(r"^([AC-FHKNPRTV-Y]\d{2}|D6W) ?([AC-FHKNPRTV-Y\d]{4})$"),
    "MT": re.compile(r"^([A-Z]{3}) ?(\d{4})$"),
}
#: Countries whose postal codes are six digits and may start with 0.
_SIX_DIGIT_POSTAL = frozenset({"SG", "CN"})
_POSTAL_FLOAT = re.compile(r"(?<=\d)\.0$")
_CEDEX = re.compile(r"\s*\bCEDEX(?:\s*\d{1,2})?\s*$")
#: Digits in two groups, where a country writes its code as one number ("500 034").
_SPLIT_DIGITS = re.compile(r"\d{2,3} \d{3}")
#: Countries whose post writes a space inside an all-digit code (see :data:`_GROUPED_POSTAL`).
_SPACED_POSTAL_COUNTRIES = frozenset({"CZ", "SK", "SE", "GR"})
#: A post-office box, as cleaned ("P.O. Box" -> "PO BOX").
_PO_BOX = re.compile(r"^(?:POSTFACH|PO ?BOX|BOX|BP|APARTADO)\b")
_POSTAL_LABEL = re.compile(r"^(?:PLZ|ZIP(?: CODE)?|POSTAL CODE|POSTCODE|POSTLEITZAHL|CP|CAP|"
                           r"CEP|NPA)\b[\s:.-]*")
_CODE_AND_CITY = re.compile(r"^(\d{4,6}|\d{4} [A-Z]{2}) [A-Z]{3,}(?: [A-Z]+)*$")
#: The city before its code, as Singapore, Bangladesh, Pakistan and Thailand write them
#: ("Singapore 098632", "Dhaka-1212", "Karachi-75350", "Bangkok 10500"); a city's name of four
#: letters at least or of several words (Malta's "STJ 3049" is one code).
_CITY_AND_CODE = re.compile(r"^(?:[A-Z]{4,}|[A-Z]+(?: [A-Z]+)+)(?: ?- ?| )(\d{4,6})$")
_SG_POSTAL = re.compile(r"^S ?(\d{5,6})$")
#: A state's code before the postal code, as Australian and US lists write the two in one
#: column ("VIC 3000", "IL 60601-1234").
_STATE_AND_CODE = re.compile(r"^([A-Z]{2,3})\.? (\d{4,5}(?:-\d{4})?)$")
#: The countries whose lists write so (their codes: :data:`STATE_CODES`).
_STATE_FIRST = frozenset({"AU", "US"})
#: Countries whose postal codes are five digits and may start with 0 (DE 01067, US 02134,
#: FR 01000, IT 00100, ES 08001, FI 00100, KR 06236, MX 01000, MY 01000, TR 01000, UA
#: 01001).
_FIVE_DIGIT_POSTAL = frozenset({"DE", "US", "FR", "IT", "ES", "FI", "KR", "MX", "MY", "TR",
                                "UA"})


_POSTAL_TOKEN = re.compile(r"\d{4,6}")
_DIGIT = re.compile(r"\d")
#: Where a city's name ends and the river or region that tells it from its namesakes begins:
#: "Frankfurt am Main" / "a. M.", "Freiburg im Breisgau" / "i. Br.", "Mülheim an der Ruhr" /
#: "a.d. Ruhr", "Bergen op Zoom", "Newcastle upon Tyne", "Boulogne-sur-Mer". The key is the
#: name alone, however the qualifier is written (or left out, as most lists do); namesakes
#: (Frankfurt an der Oder) share it, and their postal codes tell them apart.
_CITY_QUALIFIER_WORDS = frozenset(
    "am an a ad adr im i in bei b ob vor aan op upon on sur sous en".split())
_CITY_QUALIFIER_MARK = re.compile(r"[(/（,]")
#: Big cities whose districts lists add with a hyphen ("Hamburg-Altona", "Köln-Ehrenfeld"),
#: as keys with umlauts contracted. Only these: "Baden-Baden" or "Castrop-Rauxel" is a
#: town's whole name.
_DISTRICT_CITIES = frozenset(
    "berlin hamburg munchen koln frankfurt stuttgart dusseldorf dortmund essen leipzig bremen "
    "dresden hannover nurnberg duisburg bochum wuppertal bielefeld bonn munster mannheim "
    "karlsruhe augsburg wiesbaden kiel aachen chemnitz braunschweig magdeburg freiburg "
    "lubeck erfurt rostock mainz kassel wien graz linz zurich basel bern".split())


@lru_cache(maxsize=CACHE_SIZE)
def city_key(raw: str | None) -> str | None:
    """Folded city name for comparisons, without a postal code or a river or region after it
    ("Frankfurt a. M.", "Frankfurt (Main)" and "60311 Frankfurt am Main" -> "frankfurt")."""
    if not raw:
        return None
    raw = _RU_TOWN.sub("", plain_text(raw))  # "M&uuml;nchen", "г. Москва" (town Moscow)
    if "/" in raw and (province := raw.rsplit("/", 1)[1]) and " ".join(
            key_tokens(province)) in _turkish_provinces():
        raw = province  # Turkey's "district/province": "Beyoğlu/İstanbul" is in İstanbul
    if not has_cjk(raw):
        # A river or region after the name: "Frankfurt (Main)", "Frankfurt/M.", "Halle/Saale";
        # a state or country after a comma: "New York, NY", "Munich, Germany".
        head = _CITY_QUALIFIER_MARK.split(raw, 1)[0]
        raw = head if any(char.isalpha() for char in head) else raw
    tokens = key_tokens(raw)
    if pinyin := _pinyin_city(_without_numbers(tokens)):
        return pinyin  # before "an" is read as a river's ("Xi An Shi")
    if "-" in raw and len(tokens) > 1 and contract_umlauts(tokens[0]) in _DISTRICT_CITIES:
        tokens = tokens[:1]  # a district of a big city: "Hamburg-Altona", "München-Schwabing"
    for position, token in enumerate(tokens[1:], start=1):
        if token in _CITY_QUALIFIER_WORDS:  # "frankfurt am main", "freiburg i br"
            tokens = tokens[:position]
            break
    # A postal code written with the city ("80331 München") is no part of its name.
    tokens = _trimmed(tokens, _POSTAL_TOKEN.fullmatch, from_start=True)
    tokens = _trimmed(tokens, _POSTAL_TOKEN.fullmatch)
    if len(tokens) > 1:
        tokens = _without_city_tail(tokens, raw)
    tokens = [_SAINTS.get(token, token) for token in tokens]  # Sankt/Saint/St. Augustin
    if len(tokens) > 1 and (pinyin := _pinyin_city(_without_numbers(tokens))):
        return pinyin  # what is left reads as pinyin, as the key's own reading reads it
    return " ".join(tokens) or None


def _without_numbers(tokens: list[str]) -> list[str]:
    """A city's tokens without postal codes and district numbers: the syllables pinyin is read
    from ("Bei 10 Jing" is "beijing", the first time as the second)."""
    return [token for token in tokens if not (token[:1].isdigit() and (
        _POSTAL_TOKEN.fullmatch(token) or _DISTRICT_NUMBER.fullmatch(token)))]


#: "г." (town) before a Russian city's name: "г. Москва", "г.Москва".
_RU_TOWN = re.compile(r"^\s*(?:г|гор)\.\s*(?=\w)", re.IGNORECASE)
#: A district's number after a city ("Paris 8e", "Paris 08", "Praha 1", "Wien 1").
_DISTRICT_NUMBER = re.compile(r"\d{1,2}(?:e|er|eme|ème)?")
#: Codes written after a city, in capitals, that name its state, province or canton ("Sydney
#: NSW", "Zürich ZH", "São Paulo - SP", "Bogotá D.C."), as keyed.
_CITY_TAIL_CODES = frozenset(
    code.lower() for code in (
        *US_STATE_CODES, "NSW", "VIC", "QLD", "TAS", "ACT",
        *"AG AI AR BE BL BS FR GE GL GR JU LU NE NW OW SG SH SO SZ TG TI UR VD VS ZG ZH".split(),
        *"AC AL AM AP BA CE DF ES GO MA MG MS MT PA PB PE PI PR RJ RN RO RR RS SC SE SP "
         "TO".split(),
        "FCT"))  # Nigeria's Federal Capital Territory: "Abuja FCT"
_UPPER_CODE = re.compile(r"[A-Z]{2,3}")
#: A postal district after a city, in capitals: Denmark's letters ("København K", "Aarhus
#: C", "Odense SØ") and Budapest's Roman numerals ("Budapest XIII").
_POSTAL_DISTRICT = re.compile(r"[CKVNSMØ]|[NS][VØ]|(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})")


def _without_city_tail(tokens: list[str], raw: str) -> list[str]:
    """A city's tokens without what French, Czech, Austrian, Swiss, Australian, Brazilian,
    Danish and Hungarian lists write after its name: "Cedex" and its number ("Paris Cedex
    08"), a district's number ("Paris 8e", "Praha 1", "Budapest XIII"), a state's or canton's
    code in capitals ("Sydney NSW", "Zürich ZH", "Washington DC") and a Danish postal
    district's letters ("København K")."""
    if "cedex" in tokens[1:]:
        tokens = tokens[:tokens.index("cedex", 1)]
    last = raw.replace(".", "").split()[-1:]
    if (len(tokens) > 1 and last and tokens[-1] in _CITY_TAIL_CODES
            and _UPPER_CODE.fullmatch(last[0])) or (
            len(tokens) > 1 and last and _POSTAL_DISTRICT.fullmatch(last[0])):
        tokens = tokens[:-1]
    # a postal code before the district's number too: "D-0000 0"
    return _trimmed(tokens, lambda token: bool(
        _DISTRICT_NUMBER.fullmatch(token) or _POSTAL_TOKEN.fullmatch(token)))


def _trimmed(tokens: list[str], drop: Callable[[str], object],
             from_start: bool = False) -> list[str]:
    """The tokens without those ``drop`` holds at their end (or start), keeping the first one
    at least: one slice, where dropping them one by one copied the list each time (a cell of
    thousands of numbers took time in the square of its length)."""
    if from_start:
        start = 0
        while start < len(tokens) - 1 and drop(tokens[start]):
            start += 1
        return tokens[start:]
    end = len(tokens)
    while end > 1 and drop(tokens[end - 1]):
        end -= 1
    return tokens[:end]


@lru_cache(maxsize=1)
def _turkish_provinces() -> frozenset[str]:
    """Turkey's 81 provinces (pycountry's subdivisions), keyed: "istanbul", "ankara"."""
    return frozenset(" ".join(key_tokens(province.name))
                     for province in pycountry.subdivisions.get(country_code="TR") or ())


#: "Sankt Augustin" = "St. Augustin", "Saint-Étienne" = "St-Étienne"; "Ft. Worth" = "Fort
#: Worth", "Mt. Vernon" = "Mount Vernon".
_SAINTS = {"sankt": "st", "saint": "st", "sainte": "ste", "ft": "fort", "mt": "mount"}


def _pinyin_city(tokens: list[str]) -> str | None:
    """A Chinese city in pinyin as one word: "Guangzhou City" and "Shenzhen Shi" without the
    word for city, "Xi An" and "Shen Zhen" written as syllables joined; None for any other
    city ("Kowloon City", "Le Mans")."""
    if len(tokens) < 2 or any(not token.isascii() for token in tokens):
        return None
    if tokens[-1] in ("city", "shi") and pinyin_word_length("".join(tokens[:-1])):
        return "".join(tokens[:-1])
    if len(tokens) <= 3 and all(pinyin_word_length(token) == 1 for token in tokens):
        return "".join(tokens)
    return None


@lru_cache(maxsize=CACHE_SIZE)
def street_key(raw: str | None) -> str | None:
    """Street with common words abbreviated alike ("435 S. La Cienega Blvd." -> "435 s la ..."),
    ordinals as numbers ("Second Ave." -> "2nd ave"), directions to it left out ("747 9th
    Ave. between 50th and 51st Sts.", "156 2nd Ave. at 10th St.") and a quadrant after the
    street type too ("3130 Piedmont Rd. NE"); a Chinese street without the places before it
    ("深圳市福田区华强北路1号" -> "华强北路1号")."""
    key = _street_key(raw)
    for _ in range(3):  # Chinese places that Latin text hid ("ul. 福田区1号"): read again
        if key is None or key.isascii() or (again := _street_key(key)) == key:
            break
        key = again
    return key


#: An address in care of another ("c/o Corporation Service Company, 251 Little Falls
#: Drive"): a registered agent's or a host's, which thousands of companies share.
_CARE_OF = re.compile(r"(?:^|[\s,;(])(?:c\s?/\s?o|(?:in\s+)?care\s+of|℅)(?!\w)",
                      re.IGNORECASE)


#: A Korean road address as keyed, in Hangul ("여의대로 128") or as its official Latin spelling
#: writes it ("128 yeoui daero yeongdeungpo gu", from "128 Yeoui-daero, Yeongdeungpo-gu"):
#: the road's name, its kind (대로 daero, 로 ro, 길 gil) and the building's number.
_KR_ROAD_HANGUL = re.compile(
    r"^(?P<name>[가-힣]+?)(?P<kind>대로|로|길)\s*(?P<number>\d+(?:-\d+)?)$")
_KR_ROAD_LATIN = re.compile(
    r"(?:^|\s)(?P<number>\d+(?:-\d+)?)\s(?P<name>(?:[a-z]+\s)*?[a-z]+)\s(?P<kind>daero|ro|gil)"
    r"(?:\s|$)")
_KR_ROAD_KINDS = {"대로": "daero", "로": "ro", "길": "gil"}


def korean_road_key(street: str) -> str | None:
    """A Korean road address's key as its Hangul and its official Latin spelling share it:
    "128 yeouidaero" for "여의대로 128" and for "128 yeoui daero yeongdeungpo gu" (the district
    after it left out); None for another street. The road's name is romanized by the Revised
    Romanization, apart from its kind, as road signs spell it ("정자일로" = "Jeongjail-ro")."""
    if (hangul := _KR_ROAD_HANGUL.match(street)) and (
            name := hangul_romanized(hangul.group("name"))):
        return f"{hangul.group('number')} {name}{_KR_ROAD_KINDS[hangul.group('kind')]}"
    if street.isascii() and (latin := _KR_ROAD_LATIN.search(street)):
        name = latin.group("name").replace(" ", "")
        return f"{latin.group('number')} {name}{latin.group('kind')}"
    return None


def _street_key(raw: str | None) -> str | None:
    if not raw or _CARE_OF.search(raw):
        return None  # no street of the company's own
    raw = plain_text(raw)  # "Hauptstra&szlig;e 5", a zero-width space copied from a page
    if not raw.isascii() and has_cjk(raw):
        raw = _cjk_street(raw)
    elif ("." in raw or "°" in raw or "istrict" in raw) and _STREET_MARKS.search(raw):
        for pattern, replacement in _STREET_REWRITES:
            raw = pattern.sub(replacement, raw)
    if "." in raw and _INITIALS.search(raw):  # "M.H. Thamrin" = "MH Thamrin"
        raw = _INITIALS.sub(r"\1", raw)
    if "," in raw and _TOWN_PART.search(raw):  # "..., Phường 13, Quận 3", "..., District 1"
        raw = _TOWN_PART.sub("", raw)
    if "," in raw and not has_cjk(raw):  # "V.le Europa, 3": the street part, its forms read
        number_after = _NUMBER_AFTER_COMMA.match(raw)
        raw = number_after.group(1) if number_after else _street_part(raw)
    if "#" in raw:
        raw = _HASH_UNIT.sub(r"\1", raw)
    tokens: list[str] = []
    words = key_tokens(raw.replace(".", ". "))
    for position, token in enumerate(words):
        if token in _NUMBER_LABELS and _number_follows(words, position + 1):
            continue  # "Nr. 5", "nº 5", "No. 88": the number
        if token in _DIRECTIONS and len(tokens) >= 2 and tokens[-1] in _STREET_TYPES:
            break
        token = (_STREET_WORDS.get(token) or _STREET_WORDS_MORE.get(token)
                 or _PLACE_WORDS.get(token, token))
        glued = _GLUED_STREET.search(token)
        if glued and glued.start() > 0:  # "hauptstrasse" -> "haupt st", "marktplatz"
            parts: list[str] = []
            while glued and glued.start() > 0:  # peeled until none is left ("...wegweg")
                parts.insert(0, _STREET_WORDS.get(glued.group(), glued.group()))
                token = token[: glued.start()]
                glued = _GLUED_STREET.search(token)
            if token in _DIRECTIONS and len(tokens) >= 2 and tokens[-1] in _STREET_TYPES:
                break  # keyed as it would be alone (and so again, from the key)
            _push(tokens, _STREET_WORDS.get(token, token))
            tokens.extend(parts)
        else:
            _push(tokens, token)
    tokens = _without_linking_words(tokens)
    if "fl" in tokens:
        tokens = _floors_as_codes(tokens)
    while True:  # a unit and a quadrant at the end, whichever comes last
        count = len(tokens)
        tokens = _without_units(tokens)
        if len(tokens) > 1 and tokens[0] == "ul":
            tokens = tokens[1:]  # "ul. Długa 5" = "Długa 5": lists leave "ulica" out as often
        if (len(tokens) >= 3 and tokens[-1] in _QUADRANTS and tokens[-2] in _STREET_TYPES
                and not tokens[-3].isdigit()):  # "Avenue N" is a street's name
            tokens.pop()  # "Piedmont Rd. NE" = "Piedmont Road": the quadrant is often left out
        if len(tokens) == count:
            break
    if len(tokens) >= 3 and tokens[1] in _TYPES_TRANSLATED and tokens[0][:1].isdigit() and (
            not _FLOOR_TOKEN.fullmatch(tokens[0])):  # (a floor's "5f" is no house number)
        moved = [tokens[0]]  # (a letter after the number joins it, as it would when read again)
        for token in [*tokens[2:], _TYPES_TRANSLATED[tokens[1]]]:
            _push(moved, token)
        if moved[1] not in _TYPES_TRANSLATED:  # (moved once only: "0 đường đường")
            tokens = moved
    if (len(tokens) >= 3 and tokens[0] in _HOUSE_NUMBER_WORDS
            and not any(token[:1].isdigit() for token in tokens)):
        # "One Penn Plz.", not "Seven Sisters Rd. 5"; keyed again as a number ("1 b st" = "1b st")
        return _street_key(" ".join([_HOUSE_NUMBER_WORDS[tokens[0]], *tokens[1:]]))
    return " ".join(tokens) or None


def _without_linking_words(tokens: list[str]) -> list[str]:
    """``tokens`` without the linking words after a street type that starts them, or
    follows the house number ("c de alcala 45" -> "c alcala 45"); kept where a number comes
    next ("c 5 de mayo", "rue du 4 septembre")."""
    start = 1 if tokens and tokens[0][:1].isdigit() else 0
    if len(tokens) < start + 3 or tokens[start] not in _TYPES_FIRST:
        return tokens
    end = start + 1
    while end < len(tokens) - 1 and tokens[end] in _LINKING_WORDS:
        end += 1
    if end == start + 1 or tokens[end][:1].isdigit():
        return tokens
    return tokens[:start + 1] + tokens[end:]


#: Streets that their house number comes before: English ones by their type at the end
#: ("Main St"), French ones by their type at the start ("rue de Rivoli").
_NUMBER_FIRST = re.compile(
    r"\b(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|way|ct|court|pl|place|"
    r"pkwy|parkway|hwy|highway|cir|circle|ter|terrace|sq|square|trl|trail)\.?\s*$"
    r"|^(?:rue|avenue|av|boulevard|bd|chemin|allée|impasse|quai|place|route)\b",
    re.IGNORECASE)


#: Countries that write the house number after the street whatever its type: "Av. Paulista
#: 1374" (Brazil's and Portugal's "Av." is no French "av.").
_NUMBER_AFTER = frozenset({"BR", "PT", "AO", "MZ", "ES", "MX", "AR", "CL", "CO", "PE", "VE",
                           "EC", "BO", "PY", "UY", "CR", "PA", "GT", "HN", "SV", "NI", "DO"})


def with_house_number(street: str, number: str, country: str | None = None) -> str:
    """A street and its house number from a column of its own, written as the street's
    country (when known, else the street's type) writes them: "Hauptstraße" and "5a" ->
    "Hauptstraße 5a", "Main St" and "121" -> "121 Main St", "rue de Rivoli" and "12" -> "12
    rue de Rivoli", "AV PAULISTA" and "1374" in Brazil -> "AV PAULISTA 1374"."""
    street, number = street.strip(), number.strip()
    if country not in _NUMBER_AFTER and _NUMBER_FIRST.search(street):
        return f"{number} {street}"
    return f"{street} {number}"


def _street_part(raw: str) -> str:
    """The comma parts of a street from the one that names a street with a number on,
    without a building, mall or quarter before or after it that holds neither ("Waterworks
    Mall, 932 Freeport Rd" and "3355 Las Vegas Blvd S, Venetian Theater" are the street's
    address; "Av. Paulista, 1000 - Bela Vista" and "Suite 100, 123 Main St" stay whole)."""
    parts = raw.split(",")
    first = next((position for position, part in enumerate(parts)
                  if _DIGIT.search(part) and _names_street_type(part)), None)
    if first is None or any(_DIGIT.search(part) or _names_street_type(part)
                            for part in parts[:first]):
        return raw
    last = len(parts)
    while last > first + 1 and not (_DIGIT.search(parts[last - 1])
                                    or _names_street_type(parts[last - 1])):
        last -= 1
    return ",".join(parts[first:last])


#: A street, a comma and its house number, then what Brazilian and Iberian addresses write
#: after it: a unit, the neighbourhood ("Av. Paulista, 1374 - Bela Vista", "Praia de
#: Botafogo, 186 - 18º andar, Botafogo", "Calle Mayor, 5, 3º izq."), which a list with the
#: neighbourhood in a column of its own leaves out: the street and the number.
_NUMBER_AFTER_COMMA = re.compile(
    r"^([^,\d]*[^\W\d_][^,\d]*,\s*\d+[a-z]?)(?:\s+[-–]\s.*|\s*,.*)?$", re.IGNORECASE)
#: A unit after a street that its house number starts ("350 Fifth Ave #5100", "12 Main St,
#: #4B"); where the street comes first, "#625" is its house number ("Blvd. Miguel Alemán #625").
#: Singapore's and Malaysia's "#05-12" (floor and unit) too, with the building's name after
#: it ("10 Ubi Crescent, #05-12 Ubi Techpark" = "10 Ubi Cres. #05-12" = "10 Ubi Crescent").
_HASH_UNIT = re.compile(r"^(\d.*?\S)\s*,?\s*#\s?\d+[a-z]?(?:-\d+[a-z]?(?:\s+[^\d#,]*)?)?\s*$",
                        re.IGNORECASE)
#: A house number's label, as keyed ("Nr. 5", "nº 5", "No. 88").
_NUMBER_LABELS = frozenset({"nr", "no", "num", "numero",
                            "so"})  # Vietnamese "Số 17" (number 17)
#: What :data:`_STREET_REWRITES` rewrite (most streets hold none of it).
_STREET_MARKS = re.compile(r"(?i:n°|district|\b[pvcr]\.)|\b[NS]\.\s?[EW]\.")
#: Street words written in several ways, as one: "n°" as "no" (a number's label), Italian
#: short forms ("P.za", "V.le", "C.so", "V." where a street starts), "R." for "rue" or "rua"
#: where a street starts ("12 R. de la Paix", "R. Augusta, 100"), a dotted quadrant ("N.W."),
#: and a district after a comma ("88 Jianguo Road, Chaoyang District": the town's part).
_STREET_REWRITES = (
    (re.compile(r"n°", re.IGNORECASE), "no "),
    (re.compile(r"(?:^|(?<=\d\s)|(?<=\d,\s))R\.\s?(?=\w)", re.IGNORECASE), "Rue "),
    (re.compile(r"\bP\.\s?z?za\b", re.IGNORECASE), "Piazza"),
    (re.compile(r"\bP\.\s?O\.\s?Box\b", re.IGNORECASE), "PO Box"),
    (re.compile(r"\bP\.\s?le\b", re.IGNORECASE), "Piazzale"),
    (re.compile(r"\bV\.\s?le\b", re.IGNORECASE), "Viale"),
    # Italian "V." for "Via" where a street starts ("V. dell'Indipendenza, 12")
    (re.compile(r"^V\.\s?(?=[^\W\d_])"), "Via "),
    (re.compile(r"\bC\.\s?so\b", re.IGNORECASE), "Corso"),
    (re.compile(r"\b([NS])\.\s?([EW])\.?(?!\w)"), r"\1\2"),
    (re.compile(r",[^,]*\bdistrict\b[^,]*", re.IGNORECASE), ""),
)
#: Initials of a street's name, each with its dot ("Jl. M.H. Thamrin", "J.F. Kennedy"): as
#: lists write them without ("Jl. MH Thamrin").
_INITIALS = re.compile(r"\b([A-Z])\.\s?(?=[A-Z]\.)")
#: The ward and district after a Vietnamese street, in Vietnamese and English ("17 Duy Tân,
#: Phường Dịch Vọng Hậu, Quận Cầu Giấy", "123 Le Van Sy, P.13, Q.3", "17 Duy Tan St., Dich
#: Vong Hau Ward, Cau Giay Dist."): the town's parts, as a Chinese district is.
_TOWN_PART = re.compile(
    r",\s*(?:phường|phuong|p\.(?!\s?o\b)|quận|quan|q\.|huyện|huyen|thị xã|thi xa|xã)"
    r"(?=[\s\d])[^,]*"
    r"|,[^,]*\b(?:ward|dist\.?)(?=\s*(?:,|$))", re.IGNORECASE)
#: A Chinese district or Japanese ward before the street ("福田区华强北路1号", "西区みなと
#: みらい2-2-1", Tokyo's "港区海岸1-7-1", Yokohama's "緑区"): the town's part.
_CJK_DISTRICT = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}?(?:区|區|县|縣)|[東东西南北中港緑绿旭泉栄][区區])(?=.*\w)")
_LEADING_MARKS = re.compile(r"^[\W_]+")
#: A subdistrict or town below the district, which one list writes and another leaves out
#: ("西乡街道宝源路1号", "大朗镇美景中路88号"): before a road's name only.
_CJK_SUBDISTRICT = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:街道|镇|鎮|乡|鄉)"
                              r"(?=[\u4e00-\u9fff]{1,8}?(?:大道|路|街|道|巷|弄|胡同))")


def _number_follows(words: list[str], position: int) -> bool:
    """Whether a number (an ordinal word is one too) comes at ``position``, after any more
    number labels."""
    while position < len(words) and words[position] in _NUMBER_LABELS:
        position += 1
    return position < len(words) and _STREET_WORDS.get(
        words[position], words[position])[:1].isdigit()


#: A number in Chinese numerals before what it numbers: a road's section, a house, a lane,
#: a floor or a room ("忠孝東路四段", "市心北路一号", "十二楼").
_CJK_NUMERAL = re.compile("([〇零一二两兩三四五六七八九十百]{1,5})(?=[段号號巷弄楼樓层層室栋棟座])")
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}


def _cjk_number(numeral: str) -> str:
    """Chinese numerals as digits ("四" -> "4", "十二" -> "12", "二十" -> "20", "一百零五" ->
    "105"); the text itself when it reads as no number."""
    total, digit = 0, None
    for char in numeral:
        if char in _CJK_DIGITS:
            digit = _CJK_DIGITS[char]
        elif char == "十":
            total += (1 if digit is None else digit) * 10
            digit = None
        elif char == "百":
            if digit is None:
                return numeral
            total += digit * 100
            digit = None
    return str(total + (digit or 0))


def _cjk_street(raw: str) -> str:
    """A Chinese, Japanese or Korean street address without the province or prefecture, city
    and district before it (and a postal code), a Japanese block address as digits, and a
    Chinese one's numbers in Chinese numerals as digits ("忠孝東路四段" = "忠孝東路4段")."""
    if _CJK_NUMERAL.search(raw):
        raw = _CJK_NUMERAL.sub(lambda found: _cjk_number(found.group(1)), raw)
    if has_hangul(raw):  # "서울특별시 강남구 테헤란로 152" = "테헤란로 152"
        street = raw.strip()
        while (korean := _KR_PLACES.match(street)) and korean.group("street") != street:
            street = korean.group("street")
        return street
    before = None
    while ("丁目" in raw or "番" in raw) and raw != before:  # each pass shortens it
        before = raw
        for pattern, replacement in _JP_BLOCKS:
            raw = pattern.sub(replacement, raw)
    if "〒" in raw or "邮" in raw or "郵" in raw:
        raw = _CJK_POSTAL.sub("", raw)
    street = _LEADING_MARKS.sub("", raw)
    while True:
        found = _CJK_PLACES.match(street)
        shorter = found.group("street") if found else ""
        if not shorter and (district := _CJK_DISTRICT.match(street)):
            shorter = street[district.end():]
        elif shorter and (district := _CJK_DISTRICT.match(shorter)):
            shorter = shorter[district.end():]
        shorter = _LEADING_MARKS.sub("", shorter)
        if not shorter or shorter == street:
            return _CJK_SUBDISTRICT.sub("", street)
        street = shorter


def _push(tokens: list[str], token: str) -> None:
    """Append a street token; a letter after a house number joins it ("5 a" = "5a"), unless
    it is a direction ("100 N Main St")."""
    if (len(token) == 1 and token.isalpha() and token not in "nsew" and tokens
            and tokens[-1].isdigit()):
        tokens[-1] += token
    else:
        tokens.append(token)


def _unit_value(token: str) -> bool:
    """A unit's number or letter ("400", "4b", "b"), not a word ("Haus der Wirtschaft")."""
    return token[:1].isdigit() or len(token) == 1


def _leading_units(tokens: list[str]) -> int:
    """How many tokens the units and floors at the start of a street's tokens take."""
    position = 0
    while len(tokens) - position > 2:
        if tokens[position] in _UNIT_WORDS and _unit_value(tokens[position + 1]) or (
                tokens[position + 1] in _FLOOR_WORDS and tokens[position][:1].isdigit()):
            position += 2  # "Suite 400", "Rm 1201", "5th Floor"
        elif _FLOOR_TOKEN.fullmatch(tokens[position]):
            position += 1  # "12/F"
        else:
            break
    return position


#: A floor's number before "fl" ("16th fl", "16 fl").
_FLOOR_NUMBER = re.compile(r"(\d{1,3})(?:st|nd|rd|th)?")


def _floors_as_codes(tokens: list[str]) -> list[str]:
    """The tokens with a floor written as Hong Kong writes it: "16th fl" as "16f" (the key
    of "16/F")."""
    out: list[str] = []
    for token in tokens:
        if token == "fl" and out and (number := _FLOOR_NUMBER.fullmatch(out[-1])):
            out[-1] = number.group(1) + "f"
        else:
            out.append(token)
    return out


def _without_units(tokens: list[str]) -> list[str]:
    """The street's tokens without a unit or floor at either end: "123 main st ste 400",
    "haupt st 5 2 og", "rm 1201 88 jianguo rd" (a company's address with or without them is
    one address)."""
    # At the start ("Room 1201, 88 Jianguo Road", "5th Floor, 10 Downing St", "Rm 1201, 12/F,
    # Tower A, 88 Queensway") only before a house number: "Blk 123 Ang Mo Kio Ave 3"
    # (Singapore) and "Building 12, Street 230" (Qatar) give the building's number as the
    # house number, and "12F Main St" is a house number with its letter.
    start = _leading_units(tokens)
    if start and len(tokens) - start >= 2 and tokens[start][:1].isdigit():
        tokens = tokens[start:]
    while len(tokens) > 3:
        if (tokens[-2] in _UNIT_WORDS or (
                tokens[-2] in _UNIT_AFTER_NUMBER and tokens[-3][:1].isdigit())) and _unit_value(
                tokens[-1]):  # "Suite 400", "Haus B"
            tokens = tokens[:-2]
        elif tokens[-1] in _FLOOR_WORDS and tokens[-2][:1].isdigit():  # "2. OG", "5th Floor"
            tokens = tokens[:-2]
        elif _FLOOR_TOKEN.fullmatch(tokens[-1]) and tokens[-2] in _STREET_TYPES:
            tokens = tokens[:-1]  # "88 Queensway Rd 12/F"
        else:
            break
    return tokens


_CJK_CITY_SUFFIXES = ("市", "省", "区", "県", "府")
#: A city named with a suffix that is also part of other cities' names (京都 ends in 都), as
#: keyed (city keys are in simplified characters: 東京都 is "东京都").
_CJK_CITY_NAMES = {"东京都": "东京"}


#: Cities that English (or German) lists name differently from the local name, as city keys:
#: the other name -> the local one, umlauts contracted (see :func:`city_aliases`). A
#: trade-show list says "Munich", an association "München".
CITY_EXONYMS: dict[str, str] = {
    "munich": "munchen", "cologne": "koln", "nuremberg": "nurnberg",
    "hanover": "hannover", "brunswick": "braunschweig", "vienna": "wien", "geneva": "geneve",
    "genf": "geneve", "lucerne": "luzern", "basle": "basel", "prague": "praha", "prag": "praha",
    "warsaw": "warszawa", "warschau": "warszawa", "cracow": "krakow", "krakau": "krakow",
    "milan": "milano", "mailand": "milano", "rome": "roma", "rom": "roma", "turin": "torino",
    "florence": "firenze", "florenz": "firenze", "venice": "venezia", "venedig": "venezia",
    "naples": "napoli", "neapel": "napoli", "genoa": "genova", "genua": "genova",
    "lisbon": "lisboa", "lissabon": "lisboa", "copenhagen": "kobenhavn",
    "kopenhagen": "kobenhavn", "the hague": "den haag", "antwerp": "antwerpen",
    "brussels": "bruxelles", "brussel": "bruxelles", "ghent": "gent", "bruges": "brugge",
    "moscow": "moskva", "moskau": "moskva", "athens": "athina", "athen": "athina",
    "gothenburg": "goteborg", "seville": "sevilla", "belgrade": "beograd",
    "bucharest": "bucuresti", "bukarest": "bucuresti", "kiev": "kyiv", "kiew": "kyiv",
    "peking": "beijing", "canton": "guangzhou", "new york city": "new york", "nyc": "new york",
    "s gravenhage": "den haag", "s hertogenbosch": "den bosch", "bombay": "mumbai",
    "madras": "chennai", "calcutta": "kolkata",
    "bangalore": "bengaluru", "saigon": "ho chi minh city", "hcmc": "ho chi minh city",
    "ho chi minh": "ho chi minh city",
    # India's renamed cities, Finland's Swedish names, Mexico City's short forms
    "mysore": "mysuru", "poona": "pune", "baroda": "vadodara",
    "trivandrum": "thiruvananthapuram", "cochin": "kochi", "benares": "varanasi",
    "helsingfors": "helsinki", "abo": "turku", "tammerfors": "tampere",
    "mexico city": "ciudad de mexico", "cdmx": "ciudad de mexico", "mexico df": "ciudad de mexico",
    "mexico d f": "ciudad de mexico",
    # Chinese cities in older spellings, and Taiwan's, Hong Kong's and Macau's as they spell
    # them, as the pinyin of their Chinese names (台北 = "taibei"), which those names meet.
    "amoy": "xiamen", "tientsin": "tianjin", "chungking": "chongqing", "nanking": "nanjing",
    "tsingtao": "qingdao", "taipei": "taibei", "kaohsiung": "gaoxiong", "taichung": "taizhong",
    "hsinchu": "xinzhu", "keelung": "jilong", "hongkong": "xianggang", "hk": "xianggang",
    "kowloon": "jiulong", "macau": "aomen", "macao": "aomen",
    # (Taiwan's with "City" after them: "Kaohsiung City" = 高雄市)
    "kaohsiung city": "gaoxiong", "taichung city": "taizhong", "hsinchu city": "xinzhu",
    "keelung city": "jilong", "new taipei": "xinbei", "new taipei city": "xinbei",
    "chiayi": "jiayi", "chiayi city": "jiayi", "changhua": "zhanghua", "pingtung": "pingdong",
    "hualien": "hualian", "taitung": "taidong",
    "taipei city": "taibei", "tainan city": "tainan", "taoyuan city": "taoyuan",
    # Taiwan's counties as their Chinese names are keyed (嘉義縣 = 嘉義 = "jiayi")
    "chiayi county": "jiayi", "changhua county": "zhanghua", "pingtung county": "pingdong",
    "hualien county": "hualian", "taitung county": "taidong", "hsinchu county": "xinzhu",
    "miaoli county": "miaoli", "nantou county": "nantou", "yunlin county": "yunlin",
    "yilan county": "yilan", "penghu county": "penghu", "kinmen": "jinmen",
    "kinmen county": "jinmen",
    # other cities two spellings or names are in use for
    "gurgaon": "gurugram", "hanoi": "ha noi", "krung thep": "bangkok",
    # more of India's renamed cities
    "mangalore": "mangaluru", "allahabad": "prayagraj", "vizag": "visakhapatnam",
    "belgaum": "belagavi", "hubli": "hubballi", "gulbarga": "kalaburagi",
    "pondicherry": "puducherry", "calicut": "kozhikode", "trichy": "tiruchirappalli",
    # the Gulf's cities as English lists and the ISO and UN transliterations of their Arabic
    # names write them (Makkah = Mecca, Khobar = Al Khobar, Dubayy = Dubai), and Kuwait
    # City as lists name it: Kuwait, its main post office Safat
    "mecca": "makkah", "mekka": "makkah", "madinah": "medina", "al madinah": "medina",
    "khobar": "al khobar", "al khubar": "al khobar", "ad dammam": "dammam",
    "riyad": "riyadh", "ar riyad": "riyadh", "jedda": "jeddah",
    "dubayy": "dubai", "abu zabi": "abu dhabi", "ash shariqah": "sharjah",
    "ad dawhah": "doha", "masqat": "muscat", "al manamah": "manama",
    "kuwait city": "kuwait", "al kuwayt": "kuwait", "safat": "kuwait",
    # Japan's cities as their kanji are keyed (東京 = "dongjing"), which their names meet.
    "tokyo": "dongjing", "osaka": "daban", "kyoto": "jingdu", "yokohama": "hengbang",
    "nagoya": "mingguwu", "kobe": "shenhu", "sapporo": "zhahuang", "fukuoka": "fugang",
    "kawasaki": "chuanqi", "hiroshima": "guangdao", "sendai": "xiantai",
    "toyota": "litian",  # (豊田, as pypinyin reads 豊)
    "hamamatsu": "bangsong", "shizuoka": "jinggang", "chiba": "qianye",
    "kitakyushu": "beijiuzhou", "sakai": "jie", "niigata": "xinxi", "okayama": "gangshan",
    "kumamoto": "xiongben", "sagamihara": "xiangmoyuan", "kanazawa": "jinze",
    "himeji": "jilu", "kagoshima": "luerdao", "utsunomiya": "yudougong",
    "nagasaki": "changqi", "naha": "naba", "matsuyama": "songshan", "takamatsu": "gaosong",
    "oita": "dafen", "toyama": "fushan", "gifu": "qifu", "nara": "nailiang",
    "wakayama": "hegeshan", "yokosuka": "hengxuhe", "funabashi": "chuanqiao",
    "kawaguchi": "chuankou", "hachioji": "bawangzi", "higashiosaka": "dongdaban",
    "higashi osaka": "dongdaban",
    # Korea's cities in an older spelling (Hangul's keys hold its Revised Romanization:
    # 부산 = "busan")
    "pusan": "busan", "inchon": "incheon", "taegu": "daegu", "taejon": "daejeon",
    "kwangju": "gwangju",
    # Cities in their own scripts (Cyrillic, Greek, Thai, Arabic) and Vietnamese, Italian,
    # French and Québécois names, as keyed: "Москва" = "Moscow" = "Moskva"
    "москва": "moskva", "санкт петербург": "st petersburg", "sankt peterburg": "st petersburg",
    "sankt petersburg": "st petersburg", "киів": "kyiv", "киев": "kyiv", "минск": "minsk",
    "мінск": "minsk", "софия": "sofia", "алматы": "almaty", "алма ата": "almaty", "αθηνα": "athina",
    "θεσσαλονικη": "thessaloniki", "กรุงเทพมหานคร": "bangkok", "กรุงเทพฯ": "bangkok",
    "กรุงเทพ": "bangkok", "دبي": "dubai", "الرياض": "riyadh", "أبو ظبي": "abu dhabi",
    "جدة": "jeddah", "jiddah": "jeddah", "תל אביב": "tel aviv", "תל אביב יפו": "tel aviv",
    "tel aviv yafo": "tel aviv", "tel aviv jaffa": "tel aviv", "ירושלים": "jerusalem",
    "חיפה": "haifa", "באר שבע": "beer sheva", "beersheba": "beer sheva",
    "הרצליה": "herzliya", "פתח תקווה": "petah tikva", "thanh pho ho chi minh": "ho chi minh city",
    "tp ho chi minh": "ho chi minh city", "tphcm": "ho chi minh city",
    "tp hcm": "ho chi minh city", "dki jakarta": "jakarta", "zurigo": "zurich",
    # Malaysia's towns as lists shorten them; Jakarta's five cities, which lists name or
    # leave out ("Jakarta Pusat" and "Jakarta" for one address on Jl. M.H. Thamrin)
    "kl": "kuala lumpur", "jb": "johor bahru", "johore bahru": "johor bahru",
    "pj": "petaling jaya", "jakarta pusat": "jakarta", "jakarta utara": "jakarta",
    "jakarta selatan": "jakarta", "jakarta barat": "jakarta", "jakarta timur": "jakarta",
    "ginevra": "geneve", "anvers": "antwerpen", "varsovie": "warszawa",
    # Egypt's, Morocco's and the Gulf's cities in Arabic script (with and without the hamza
    # lists leave out) and in their French and English spellings; Egypt's new towns named
    # after dates ("6th of October City"); Lagos's districts, which lists give for the
    # city ("Ikoyi, Lagos", "Victoria Island")
    "القاهرة": "cairo", "al qahirah": "cairo", "الجيزة": "giza", "al jizah": "giza",
    "الإسكندرية": "alexandria", "الاسكندرية": "alexandria", "al iskandariyah": "alexandria",
    "alexandrie": "alexandria", "بورسعيد": "port said", "بور سعيد": "port said",
    "الدار البيضاء": "casablanca", "الرباط": "rabat", "مراكش": "marrakech",
    "marrakesh": "marrakech", "فاس": "fes", "fez": "fes", "طنجة": "tanger",
    "tangier": "tanger", "tangiers": "tanger", "أكادير": "agadir", "اكادير": "agadir",
    "مكناس": "meknes", "وجدة": "oujda",
    "الدمام": "dammam", "مكة": "makkah", "مكة المكرمة": "makkah",
    "المدينة المنورة": "medina", "الخبر": "al khobar", "أبوظبي": "abu dhabi",
    "ابوظبي": "abu dhabi", "ابو ظبي": "abu dhabi", "الشارقة": "sharjah", "عجمان": "ajman",
    "العين": "al ain", "رأس الخيمة": "ras al khaimah", "الدوحة": "doha", "الكويت": "kuwait",
    "مسقط": "muscat", "المنامة": "manama",
    "6th of october city": "6th october", "6th of october": "6th october",
    "6th october city": "6th october", "sixth of october": "6th october",
    "10th of ramadan city": "10th ramadan", "10th of ramadan": "10th ramadan",
    "10th ramadan city": "10th ramadan",
    "ikoyi": "lagos", "victoria island": "lagos", "apapa": "lagos", "ikeja": "lagos",
    "lekki": "lagos", "surulere": "lagos", "yaba": "lagos", "lagos island": "lagos",
    # (Québec keys as "qubec": "ue" is contracted as a written-out "ü" is)
    "quebec city": "qubec", "ville de quebec": "qubec",
}


@lru_cache(maxsize=CACHE_SIZE)  # (a few thousand towns: every lead asks for its own)
def city_aliases(key: str | None) -> tuple[str, ...]:
    """The keys a city is compared and blocked by: for a Latin-script city one key, the same
    for its spellings ("München", "Muenchen", "Munchen" and "Munich" all give "munchen":
    spelled-out umlauts contracted, an exonym's local name); for a Chinese city the name and
    its pinyin ("杭州市" -> ("杭州", "hangzhou"))."""
    if not key:
        return ()
    if not has_cjk(key):
        local = CITY_EXONYMS.get(key)
        if local is None:
            key = contract_umlauts(key)
            local = CITY_EXONYMS.get(key)
            if local is None and key.endswith((" si", " gun", " shi")) and len(key) > 6:
                # Korea's "Suwon-si", "Yangpyeong-gun"; Japan's "Nagoya-shi"
                key = key.rpartition(" ")[0]
                local = CITY_EXONYMS.get(key)
        if local is None and not key.isascii() and (latin := romanized_spellings(key)):
            return (key, latin[0])  # "химки" = "khimki", "μαρουσι" = "marousi"
        return (local or key,)
    if has_hangul(key):
        # "서울특별시" = "서울" = "seoul" (= "Seoul"), "수원시" = "suwon"; a province before the
        # city is no part of it ("경기도 성남시" = "성남" = "Seongnam")
        if " " in key and (words := key.split())[0].endswith("도"):
            key = words[-1]
        base = _KR_CITY_SUFFIX.sub("", key)
        romanized = hangul_romanized(base)
        return (base, romanized) if romanized else (base,)
    if (places := _CJK_PLACES.match(key)) and (places.group("region") or (
            places.group("city") and _WARD.fullmatch(places.group("street")))):
        # a prefecture or province before the city: "大阪府大阪市", "广东省深圳市", and
        # Tokyo's wards are Tokyo: "東京都港区"; a ward or district after the city, as
        # Japan Post's city column and Chinese registers write it: "大阪市北区", "深圳市南山区"
        key = places.group("city") or (
            "东京都" if places.group("region") in _TOKYO else key)
    base = key.rstrip("".join(_CJK_CITY_SUFFIXES) + "县") or key  # Taiwan's counties (縣)
    base = _CJK_CITY_NAMES.get(base, base)
    romanized = "".join(pinyin_syllables(base))
    return (base, romanized) if romanized else (base,)


#: A postal code written before or after a city: "80331 München", "D-80331 München",
#: "München 80331".
_CODE_BEFORE = re.compile(r"^(?:[A-Z]{1,3}\s?-\s?)?(\d{4,6})[\s,]+(?=\D)")
_CODE_AFTER = re.compile(r"(?<=\D)[\s,]+(\d{4,6})$")


def _city_and_postal_code(text: str) -> tuple[str, str | None]:
    """The city of a city field and the postal code written with it (the first, when it
    has one on either side), or the field and None."""
    city, code = text.strip(), None
    for pattern in (_CODE_BEFORE, _CODE_AFTER):
        found = pattern.search(city)
        if found and (rest := (city[:found.start()] + city[found.end():]).strip(" ,")):
            if not any(char.isalpha() for char in rest):
                break
            city, code = rest, code or found.group(1)
    return city, code


class AddressParts(NamedTuple):
    """An address's parts as written (not folded)."""

    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None


#: Regions whose postal code follows the region's abbreviation ("Mountain View, CA 94043").
_REGION_FIRST = frozenset({"US", "CA", "AU"})
#: Regions whose postal code follows the city ("London SW1A 2AA", "Dublin D02 X285").
_CITY_FIRST = frozenset({"GB", "IE"})
_CJK_POSTAL = re.compile(
    r"\s*(?:邮编|郵編|邮政编码|郵遞區號)\s*[:：]?\s*(\d{6})\s*|〒\s?(\d{3}-\d{4})\s*")
#: A Chinese address from the top: country, province, city, then the rest.
CHINA_PREFIXES = ("中华人民共和国", "中華人民共和國", "中国", "中國")
#: Places a Chinese-script address starts with that name Taiwan, Hong Kong or Macau (in
#: traditional and simplified characters; a mainland list writes a Hong Kong address in
#: simplified ones), whose phone plans are not mainland China's.
CHINESE_SCRIPT_PLACES: dict[str, str] = {
    **dict.fromkeys(
        "台湾 臺灣 台灣 中華民國 台北 臺北 新北 桃園 桃园 台中 臺中 台南 臺南 高雄 基隆 "
        "新竹 嘉義 嘉义 彰化 屏東 屏东 宜蘭 宜兰 花蓮 花莲 台東 臺東 台东 苗栗 南投 雲林 "
        "云林 澎湖 金門 金门".split(),
        "TW"),
    **dict.fromkeys(
        "香港 九龍 九龙 新界 中環 中环 灣仔 湾仔 尖沙咀 旺角 觀塘 观塘 荃灣 "
        "荃湾 沙田".split(), "HK"),
    **dict.fromkeys("澳門 澳门 氹仔 路環 路环".split(), "MO"),
}
_CHINESE_PLACE_START = re.compile(
    "^(?:" + "|".join(sorted(CHINESE_SCRIPT_PLACES, key=len, reverse=True)) + ")")


def chinese_script_country(text: str | None) -> str | None:
    """TW, HK or MO when a Chinese-script address starts with one of their places ("台北市信義區
    ...", "香港九龍尖沙咀..."), else None."""
    found = _CHINESE_PLACE_START.match(text.strip()) if text else None
    return CHINESE_SCRIPT_PLACES[found.group()] if found else None


#: A Japanese address from the top: its prefecture (東京都, 北海道, 大阪府, 京都府, 神奈川県).
_JP_PREFECTURE = r"東京都|东京都|北海道|京都府|大阪府|[\u4e00-\u9fff]{2,3}県"
#: China's provinces and autonomous regions by their short names, as a regex alternation.
CHINESE_PROVINCES = ("河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
                     "广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆")
#: Taiwan's counties (縣), in traditional and simplified characters.
_TW_COUNTIES = ("新竹|苗栗|彰化|南投|雲林|云林|嘉義|嘉义|屏東|屏东|宜蘭|宜兰|花蓮|花莲|"
                "臺東|台東|台东|澎湖|金門|金门|連江|连江")
def _by_first_character(names: list[str]) -> str:
    """``names`` as a regex alternation grouped by their first character, which the regex
    engine tells apart at once ("北(?:京|海)|上(?:海|饶)|…"); longer names first."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


#: A Chinese city written without 市, known by its name, before its district or alone
#: ("广州天河区…", "北京朝阳区…", "东莞长安镇…"; "南京西路" is a road).
_CITY_WITHOUT_MARK = (rf"(?:{_by_first_character(CHINESE_CITIES)})"
                      r"(?=[\u4e00-\u9fff]{1,4}?(?:区|區|县|縣|镇|鎮)|$)")
_CJK_PLACES = re.compile(
    rf"^(?:{'|'.join(CHINA_PREFIXES)}|日本国|日本)?(?:台湾|臺灣|台灣)?"
    rf"(?P<region>[\u4e00-\u9fff]{{2,3}}省|[\u4e00-\u9fff]{{2,6}}?自治区|{_JP_PREFECTURE}"
    # a province's name alone before a city ("广西南宁市", "广东广州天河区"; "江西中路" is a
    # road)
    rf"|(?:{CHINESE_PROVINCES})(?=[\u4e00-\u9fff]{{2,4}}?市|{_CITY_WITHOUT_MARK}))?"
    # cities of four characters too (乌鲁木齐市), not a market's name (华强电子市场); Taiwan's
    # counties, which no city is above (嘉義縣民雄鄉…)
    rf"(?P<city>[\u4e00-\u9fff]{{2,4}}?市(?![场場])|(?:{_TW_COUNTIES})[縣县]|{_CITY_WITHOUT_MARK})?"
    r"(?P<street>.*)$")
#: A Japanese address by its start: the postal mark, Japan's name or a prefecture.
_JAPANESE_START = re.compile(rf"^(?:〒|日本|(?:{_JP_PREFECTURE}))")


def japanese_address(text: str | None) -> bool:
    """Whether ``text`` starts as only a Japanese address does ("〒530-0001 ...", "大阪府大阪市
    ...", "東京都..."): kanji alone would read as Chinese."""
    return text is not None and _JAPANESE_START.match(text.lstrip()) is not None


#: A Korean address from the top, its parts spaced: postal code, country, province, city,
#: district ("(06236) 서울특별시 강남구 테헤란로 152"), then the road and number.
_KR_PLACES = re.compile(
    r"^(?:\(?(?P<code>\d{5})\)?\s*)?(?:대한민국\s*)?(?:(?P<region>[가-힣]+도)\s+)?"
    r"(?:(?P<city>[가-힣]+(?:특별시|광역시|특별자치시|시)|서울|부산|대구|인천|광주|대전|울산|세종)"
    r"\s+)?(?:[가-힣]+[구군]\s+)?(?P<street>\S.*)$")
#: A Korean city's kind after its name: "서울특별시" is "서울".
_KR_CITY_SUFFIX = re.compile(r"(?<=[가-힣]{2})(?:특별시|광역시|특별자치시|시|군)$")


#: A city's ward or district alone ("北区", "中村区", "南山区").
_WARD = re.compile(r"[\u4e00-\u9fff]{1,4}[区區]")
#: Tokyo's wards are its towns: "東京都千代田区..." is in Tokyo.
_TOKYO = frozenset({"東京都", "东京都"})
#: A Japanese block address written with its counters, as the digits lists also write it:
#: "1丁目2番3号" = "1丁目2番地3" = "1-2-3", "5番地2" = "5-2".
_JP_BLOCKS = (
    (re.compile(r"(\d+)\s*丁目\s*(\d+)\s*(?:番地?|-)\s*(\d+)\s*号?"), r"\1-\2-\3"),
    (re.compile(r"(\d+)\s*丁目\s*(\d+)\s*(?:番地?)?"), r"\1-\2"),
    (re.compile(r"(\d+)\s*番地?\s*(\d+)\s*号?"), r"\1-\2"),
    (re.compile(r"(\d+)\s*番地"), r"\1"),
)


def address_parts(address: Address | None) -> AddressParts:
    """The street, postal code, city and region of ``address``: its own parts, and where it
    gives only a one-line form (or a street with a postal code and city after a comma), the
    parts read from that (:func:`split_one_line`)."""
    if address is None:
        return AddressParts()
    given = AddressParts(address.street, address.postal_code, address.city, address.region)
    if address.city and _DIGIT.search(address.city):
        # "80331 München" in the city column (a spreadsheet's "PLZ Ort"): two parts
        city, code = _city_and_postal_code(address.city)
        if code:
            given = given._replace(city=city, postal_code=address.postal_code or code)
    full = address.full
    if not full and address.street and "," in address.street:
        # The whole address in the street column ("Hauptstr. 5, 10115 Berlin"; "26161 Detroit
        # Rd, Westlake, OH 44145" beside city and ZIP columns): its street part, when it has a
        # postal code (commas alone say too little there: "Hauptstr. 5, Gebäude B"), and the
        # parts that no column of their own gives.
        read = split_one_line(address.street)
        if read.postal_code:
            given = given._replace(street=None)
            return AddressParts(*(own or found for own, found in zip(given, read, strict=True)))
    if not full or (address.street and address.postal_code and address.city):
        return given
    read = split_one_line(full)
    if read == _NO_PARTS and (_DIGIT.search(full) or _names_street_type(full) or (
            given.city and given.postal_code and "," not in full
            and city_key(full) != city_key(given.city))):
        # An "Address" column beside city, state and ZIP columns, as most lists have it,
        # holds the street alone ("121 E Main St", "121 E Main St, Suite 100"; beside city
        # and postal code columns, one without a number too: "Am Markt", "Route de Lyon")
        read = read._replace(street=full.strip())
    return AddressParts(*(own or found for own, found in zip(given, read, strict=True)))


_NO_PARTS = AddressParts()


def split_one_line(full: str) -> AddressParts:
    """The parts of a one-line address, as a purchased list or a CRM export has it:
    "Marienplatz 1, 80331 München, Germany", "1600 Amphitheatre Pkwy, Mountain View, CA 94043",
    "10 Downing St, London SW1A 2AA", "广东省深圳市福田区华强北路1号 邮编518000". A country at the
    end is left out (:func:`leadgen.normalize.lead.address_country` reads it). Without a postal
    code the parts are told apart by commas alone (:func:`_split_at_commas`)."""
    return _read_one_line(full)[0]


#: The country a postal code's own shape names, by the pattern that read it (a US state and
#: ZIP, a British or Canadian postcode, a Brazilian CEP, ...); patterns shared by several
#: countries (five digits, four digits) name none.
_COUNTRY_OF_TAG = {"US": "US", "CA": "CA", "GB": "GB", "AU": "AU", "NL": "NL", "PL": "PL",
                   "PT": "PT", "JP": "JP", "BR": "BR", "TW": "TW", "CAN": "CA", "IN": "IN"}


#: Japan's postal code after its town at the end ("..., Osaka 530-0001"), a shape no other
#: country's code has.
_JP_CODE_AT_END = re.compile(r"\d{3}-\d{4}")


def one_line_country(full: str) -> str | None:
    """The country a one-line address's postal code names by its shape ("London SW1A 2AA" ->
    GB, "Mountain View, CA 94043" -> US, "..., Osaka 530-0001" -> JP), or None."""
    parts, tag = _read_one_line(full)
    if tag == "END" and parts.postal_code and _JP_CODE_AT_END.fullmatch(parts.postal_code):
        return "JP"
    country = _COUNTRY_OF_TAG.get(tag or "")
    if country and tag in _REGION_FIRST and not (
            parts.region and state_code_of(parts.region, country)):
        return None  # "TX 75041" is Texas; "XY 12345" is no US state's
    return country


@lru_cache(maxsize=1)
def _code_shapes() -> dict[str, re.Pattern[str]]:
    """The one-line patterns' postal code shapes (``CODE_BY_TAG``), by country."""
    from leadgen.normalize.address_patterns import CODE_BY_TAG, ONE_LINE_CODES

    return {country: re.compile(CODE_BY_TAG.get(country) or ONE_LINE_CODES[country])
            for country in ("US", "AU", "CA", "GB", "NL", "PL", "PT", "JP", "BR")}


#: Countries whose postal codes' shape alone names them, as a postal code column holds them:
#: Canada's "M6G 1A4", Britain's "EH1 3RJ", the Netherlands' "1015 CJ", Poland's "00-950",
#: Portugal's "1100-053", Japan's "100-0005", Brazil's "01310-100" (five digits name none).
_SHAPE_COUNTRIES = ("CA", "GB", "NL", "PL", "PT", "JP", "BR")
#: Countries whose states lists name by code or name beside their postal codes.
_STATE_COUNTRIES = ("US", "AU", "CA")


def _code_text(raw: str) -> str:
    """The postal code as :func:`normalize_postal_code` writes it without a country: its shape
    is read as the second reading (of the code written so) reads it: "101)1 AB", with a stray
    bracket (or a soft hyphen) copied into it, is "1011 AB", a Dutch code."""
    return normalize_postal_code(raw) or ""


def state_country(region: str | None, postal_code: str | None) -> str | None:
    """The country a state or province and a postal code name together, as a list's state
    and ZIP columns give them ("WI", "53590" -> US; "NSW", "2000" -> AU; "WA", "6000" ->
    AU), or None."""
    if not region or not postal_code:
        return None
    code, shapes = _code_text(postal_code), _code_shapes()
    return next((country for country in _STATE_COUNTRIES
                 if shapes[country].fullmatch(code) and state_code_of(region, country)), None)


def vehicle_sign_country(raw: str | None) -> str | None:
    """The country a European list's country cell names by its vehicle sign ("D" -> DE, "A"
    -> AT, "FL" -> LI), or None."""
    return _VEHICLE_SIGNS.get(raw.strip().rstrip(".").upper()) if raw else None


def prefix_country(postal_code: str | None, full: str | None = None) -> str | None:
    """The country an old European postal code's prefix names, in a postal code cell or a
    one-line address ("D-80331" -> DE, "CH-8001 Zürich" -> CH, "A-1010" -> AT), or None."""
    found = None
    if postal_code and not postal_code[:1].isdigit() and normalize_postal_code(postal_code):
        found = _POSTAL_COUNTRY_PREFIX.match(postal_code.strip().upper())
    if found is None and full and ("-" in full or "–" in full):
        codes = _PREFIXED_CODE.finditer(full)
        if (first := next(codes, None)) is not None:
            # the postal code read, not a unit's number ("Building D-1203, Dubai", "Hall
            # B-2051, D-60327 Frankfurt")
            postal = _read_one_line(full)[0].postal_code
            found = next((code for code in (first, *codes) if code["code"] == postal), None)
    if found is None:
        return None
    return _VEHICLE_SIGNS.get(found["prefix"]) or normalize_country(found["prefix"])


def postal_code_country(raw: str | None) -> str | None:
    """The country a postal code's own shape names ("M6G 1A4" -> CA, "EH1 3RJ" -> GB), or
    None."""
    if not raw:
        return None
    code, shapes = _code_text(raw), _code_shapes()
    return next((country for country in _SHAPE_COUNTRIES if shapes[country].fullmatch(code)),
                None)


@lru_cache(maxsize=CACHE_SIZE)
def _read_one_line(full: str) -> tuple[AddressParts, str | None]:
    """:func:`split_one_line`, and the tag of the postal code pattern that read it."""
    text = " ".join(full.split()).strip(" ,")
    if _has_bullets(text):
        text = _BULLETS.sub(", ", text).strip(" ,")  # "Hauptstr. 5 • 10115 Berlin • Germany"
    code_after_country = None
    if "," in text and (ending := _country_then_code(text)):
        # "..., Chicago, Illinois, United States, 60601" (people lists): the code before the
        # country, where it is read with the state (the country was read as the city)
        text = f"{text[:ending.start()]}, {ending['code']}, {ending['country']}"
    if "," in text:
        # "..., China 518057": the country, then the postal code
        found = _COUNTRY_AND_CODE.search(text)
        if found and normalize_country(found["country"]) in _CODE_AFTER_COUNTRY:
            text, code_after_country = text[:found.start()].strip(" ,"), found["code"]
        without = _without_country(text)
        if without != text and "," not in without and (town := _town_alone(without)):
            # "Berlin, Germany", "10115 Berlin, DE", "宁波, CN"; "Springfield, IL" may be in
            # Illinois: the code is its region too (the list's country tells which)
            last = text.rpartition(",")[2].strip()
            return town._replace(region=last if last in US_STATE_CODES else None), None
        text = without
    if has_cjk(text):
        return _split_cjk(text), None
    parts, tag = _read_parts(text)
    if code_after_country and not parts.postal_code:
        parts = parts._replace(postal_code=code_after_country)
    if parts.city and "." in parts.city and (glued := _GLUED_BEFORE_TOWN.match(parts.city)):
        # "..., Zhongshan Dist.Taipei City 10449", "..., Sung Chiang Rd.Taipei": the part
        # before the town is the street's (a district's: the town's part)
        before = glued.group(1)
        street = parts.street if _DISTRICT.search(before) else ", ".join(
            part for part in (parts.street, before) if part)
        parts = parts._replace(street=street or None, city=glued.group(2))
    return _province_as_region(parts, tag), tag


#: A district or a street glued by its dot to the town after it in an English address's
#: town part, as a register's export writes them ("Zhongshan Dist.Taipei City", "Sung
#: Chiang Rd.Taipei"; not "St.", which is Saint before a town too).
_GLUED_BEFORE_TOWN = re.compile(
    r"^(.*?\b(?:Dist|District|Rd|Road|Ave|Avenue|Blvd|Ln|Lane)\.)\s*"
    r"([A-Z][^.]*)$")


#: A town alone, its postal code before it or not ("Berlin", "10115 Berlin", "宁波市").
_TOWN_ALONE = re.compile(r"(?:(?P<code>\d{4,5})\s+)?(?P<town>[^\W\d_][^\d,]{1,40})")
_CJK_TOWN_ALONE = re.compile(r"[\u4e00-\u9fff]{2,4}市?")


def _town_alone(text: str) -> AddressParts | None:
    """The town (and postal code) a one-line address that named its country gives when it
    gives nothing else ("Berlin, Germany", "10115 Berlin, DE", "宁波, CN"), or None when the
    rest may be a street ("Hauptstraße", "Business Bay"), a unit or more than a town."""
    text = text.strip()
    if _CJK_TOWN_ALONE.fullmatch(text):
        return AddressParts(city=text)
    found = _TOWN_ALONE.fullmatch(text)
    if found is None or len(found["town"].split()) > 3:
        return None
    town = found["town"].strip()
    if (_names_street_type(town) or _UNIT_OR_STREET.search(town)
            or any(word.strip(".").lower() in _STREET_WORDS for word in town.split())):
        return None
    return AddressParts(postal_code=found["code"], city=town)


#: A country and a postal code after it, ending a one-line address: "..., China 518057";
#: only countries whose addresses lists write so (a US state is no country: "Atlanta,
#: Georgia 30301", "Springfield, IL 62701").
#: A country, then a postal code after a comma, ending a one-line address.
_COUNTRY_THEN_CODE = re.compile(
    r",\s*(?P<country>[^\W\d_][^,\d]{1,58}?)\s*,\s*(?P<code>(?=[A-Za-z0-9 -]*\d)"
    r"[A-Za-z0-9][A-Za-z0-9 -]{2,9})\s*$")


def _country_then_code(text: str) -> re.Match[str] | None:
    """A country and a postal code after it at the end ("..., United States, 60601"), not a
    town and its state when the code's shape names another country: "..., Curitiba/PR,
    80020-000" is Paraná's capital with a Brazilian CEP, not Puerto Rico."""
    found = _COUNTRY_THEN_CODE.search(text)
    country = normalize_country(found["country"]) if found else None
    if found is None or country is None:
        return None
    shape = postal_code_country(found["code"])
    return found if shape is None or shape == country else None


_COUNTRY_AND_CODE = re.compile(r",\s*(?P<country>[^\W\d_][^,\d]{2,}?)\s+(?P<code>\d{4,6})$")
_CODE_AFTER_COUNTRY = frozenset({"CN", "TW", "IN", "KR", "MY", "TH", "ID", "VN", "PH", "PK",
                                 "BD", "LK"})
#: Provinces, states and counties that lists write after the city in an English address:
#: "Shenzhen, Guangdong 518057", "Gurugram, Haryana 122015", "Atlanta, Georgia 30301",
#: "Littlehampton, West Sussex BN17 5DF" (as keys; "... Province" too).
STATE_NAMES = {
    "CN": frozenset({  # pinyin
        "anhui", "fujian", "gansu", "guangdong", "guangxi", "guizhou", "hainan", "hebei",
        "heilongjiang", "henan", "hubei", "hunan", "inner mongolia", "jiangsu", "jiangxi",
        "jilin", "liaoning", "ningxia", "qinghai", "shaanxi", "shandong", "shanxi", "sichuan",
        "tibet", "xizang", "xinjiang", "yunnan", "zhejiang"}),
    "IN": frozenset({  # the union territories named after their city aside
        "andhra pradesh", "arunachal pradesh", "assam", "bihar", "chhattisgarh", "goa",
        "gujarat", "haryana", "himachal pradesh", "jharkhand", "karnataka", "kerala",
        "madhya pradesh", "maharashtra", "manipur", "meghalaya", "mizoram", "nagaland",
        "odisha", "punjab", "rajasthan", "sikkim", "tamil nadu", "telangana", "tripura",
        "uttar pradesh", "uttarakhand", "west bengal"}),
    "KR": frozenset({  # provinces ("-do"), as English addresses write them
        "gyeonggi do", "gangwon do", "chungcheongbuk do", "chungcheongnam do", "jeollabuk do",
        "jeollanam do", "gyeongsangbuk do", "gyeongsangnam do", "jeju do", "gyeonggi",
        "gangwon", "chungbuk", "chungnam", "jeonbuk", "jeonnam", "gyeongbuk", "gyeongnam",
        "kyonggi do", "gangwon state", "jeonbuk state"}),
    "US": frozenset({  # New York and Washington are cities too
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
        "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
        "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
        "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
        "new hampshire", "new jersey", "new mexico", "north carolina", "north dakota", "ohio",
        "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina",
        "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "west virginia",
        "wisconsin", "wyoming"}),
    "JP": frozenset({  # prefectures, those named as a town aside (Osaka, Chiba, Tochigi, ...)
        "hokkaido", "iwate", "miyagi", "gunma", "kanagawa", "ishikawa", "yamanashi", "aichi",
        "mie", "shiga", "hyogo", "shimane", "kagawa", "ehime"}),
    "GB": frozenset({  # English counties before the postcode; those named as their town aside
        "bedfordshire", "berkshire", "buckinghamshire", "cambridgeshire", "cheshire",
        "cornwall", "cumbria", "derbyshire", "devon", "dorset", "east sussex",
        "east yorkshire", "essex", "gloucestershire", "greater london", "greater manchester",
        "hampshire", "herefordshire", "hertfordshire", "isle of wight", "kent", "lancashire",
        "leicestershire", "lincolnshire", "merseyside", "middlesex", "norfolk",
        "north yorkshire", "northamptonshire", "northumberland", "nottinghamshire",
        "oxfordshire", "rutland", "shropshire", "somerset", "south yorkshire",
        "staffordshire", "suffolk", "surrey", "tyne and wear", "warwickshire",
        "west midlands", "west sussex", "west yorkshire", "wiltshire", "worcestershire"}),
}
_PROVINCES = frozenset().union(*(names for country, names in STATE_NAMES.items()
                                  if country != "GB"))
_PROVINCE_WORD = re.compile(r"[\s-]+(?:province|sheng|state|prefecture|ken)$", re.IGNORECASE)
#: A district, county or township before a province: no town.
_DISTRICT = re.compile(r"\b(?:district|dist|qu|county|township|zone|area)\.?$", re.IGNORECASE)


def _province_as_region(parts: AddressParts, tag: str | None) -> AddressParts:
    """``parts`` with a province or state read as the city moved to the region, and the town
    before it (the street's last comma part) as the city: "..., Shenzhen, Guangdong 518057"
    is in Shenzhen. An English county only before a British postcode (``tag`` "GB"): "...,
    Norfolk" may be Norfolk, Virginia."""
    city, street = parts.city, parts.street
    if not city or not street or parts.region:
        return parts
    key = _country_key(_PROVINCE_WORD.sub("", city))
    if key not in _PROVINCES and not (tag == "GB" and key in STATE_NAMES["GB"]):
        return parts
    rest, _, town = street.rpartition(",")
    town = town.strip()
    if (not rest.strip() or not town or _DIGIT.search(town) or _DISTRICT.search(town)
            or _names_street_type(town) or _UNIT_OR_STREET.search(town)):
        return parts._replace(region=city, city=None)
    return parts._replace(street=rest.strip(" ,"), city=town, region=city)


#: A post-office box's label ("P.O. Box", "Postfach").
_BOX_LABEL = r"(?:p\.?\s?o\.?\s?box|post\s?box|box|postfach|pob)\.?"
#: A post-office box's label right before a number: "P.O. Box 502217, Dubai" (a Gulf
#: address's box number has five or six digits, as postal codes elsewhere do).
_BOX_BEFORE = re.compile(rf"\b{_BOX_LABEL}\s*$", re.IGNORECASE)
#: A unit's letter and a dash before its number, written as an old postal code's country
#: prefix ("B-2051"), and the unit's word before it: "Hall B-2051 Messe", "Building
#: D-1203 Dubai", "Plot I-1234 Industrial Area" are no postal codes of Belgium, Germany, Italy.
_UNIT_LETTER = re.compile(r"[A-Z]{1,3}\s?[-–]")
_UNIT_BEFORE = re.compile(
    r"\b(?:(?:unit|suite|ste|apt|apartment|flat|room|rm|office|building|bldg|block|blk|bloc|"
    r"tower|plot|lot|hall|halle|stand|booth|gate|zone|sector|shop|level|wing|villa|warehouse|"
    rf"door|house|haus|local|no|nr)\.?|{_BOX_LABEL})\s*$", re.IGNORECASE)
#: A post-office box's street key ("Postfach 10 12 34", "P.O. Box 123", "Apartado 55",
#: "BP 12"): the matcher's and survivorship's one test of it.
POST_BOX = re.compile(r"(?:postfach|p ?o ?box|box|apartado(?: postal)?|casilla|b ?p|c ?p) ?\d")


def po_box(street: str | None) -> bool:
    """Whether ``street`` is a post-office box, not a street address."""
    return bool(street) and POST_BOX.match(street_key(street) or "") is not None


#: A post-office box and its town, without a comma between them: "PO Box 12345 Dubai".
_BOX_AND_TOWN = re.compile(rf"(?P<box>{_BOX_LABEL}\s*\d+)\s+(?P<town>[A-Z][^\d,]*)",
                           re.IGNORECASE)


def _read_parts(text: str) -> tuple[AddressParts, str | None]:
    """:func:`_read_one_line` of an address without its country."""
    from leadgen.normalize.address_patterns import (
        CODE_BY_TAG,
        ONE_LINE_CODES,
        ONE_LINE_FIRST,
        ONE_LINE_LAST,
        POSTAL_PATTERNS,
    )

    town_first = _TOWN_FIRST.match(text)
    if town_first and (_DIGIT.search(town_first["street"])
                       or _names_street_type(town_first["street"])) and not (
            _names_street_type(town_first["city"]) or _UNIT_OR_STREET.search(town_first["city"])
            or _ends_in_postal_code(town_first["street"])):
        return AddressParts(town_first["street"], town_first["code"], town_first["city"]), None
    for tag, pattern, strong in (*ONE_LINE_FIRST, *POSTAL_PATTERNS, *ONE_LINE_LAST):
        match = pattern.search(text)
        while match and _UNIT_LETTER.match(match.group()) and _UNIT_BEFORE.search(
                text, max(0, match.start() - 20), match.start()):
            match = pattern.search(text, match.start() + 1)  # "Hall B-2051": a unit's number
        if match is None or (not strong and match.start() == 0):
            continue  # a bare number at the start is a house number, not a postal code
        if not strong and _BOX_BEFORE.search(text, 0, match.start()):
            continue  # "PO Box 502217, Dubai": a box's number, not a postal code
        code = re.search(ONE_LINE_CODES.get(tag) or CODE_BY_TAG[tag], match.group())
        if code is None:
            continue
        # (without a dash before the postal code: "Via Roma, 1 - 20121 Milano")
        before = [part.strip() for part in text[:match.start()].rstrip(" -–").split(",")
                  if part.strip()]
        after = match.group()[code.end():].strip(" ,") or None
        region = None
        if tag in ("END", "TW", "CAN", "IN"):
            named = match.group()[:code.start()].strip(" ,-–")
            if _UNIT_OR_STREET.search(named):
                continue  # "..., Suite 12000" is no city
            return AddressParts(", ".join(before) or None, code.group(), named, None), tag
        if tag == "BR":
            return _brazilian(before, code.group(), text[match.end():].strip(" ,") or None), tag
        if tag in _REGION_FIRST:
            region = match.group()[:code.start()].strip(" ,.") or None
            city = before.pop() if len(before) > 1 or (before and not any(
                char.isdigit() for char in before[0])) else None
        elif tag in _CITY_FIRST:
            last = before.pop() if before else ""
            street_part, _, city_part = last.rpartition(",")
            city = city_part.strip() or None
            if street_part:
                before.append(street_part)
        elif after and _names_street_type(after):
            continue  # "97-101 Dalry Road": a house number range and its street, no city
        else:
            city, region = _without_province(after)
        return AddressParts(", ".join(before) or None, code.group(), city, region), tag
    if box := _BOX_AND_TOWN.fullmatch(text):  # "PO Box 12345 Dubai": the box, then its town
        return AddressParts(box["box"], None, box["town"]), None
    return _split_at_commas(text), None


#: What follows a country after a comma, naming it in full: "Taiwan, R.O.C.", "Korea,
#: Republic of", "Hong Kong, China" (as a key).
_COUNTRY_QUALIFIERS = frozenset({"r o c", "roc", "republic of", "prc", "p r c", "china",
                                 "p r china", "sar"})
#: Countries that are their own city: "..., Hong Kong, China" keeps "Hong Kong" as the city.
_CITY_STATES = frozenset({"HK", "MO", "SG", "MC", "VA", "LU"})


def _without_country(text: str) -> str:
    """A one-line address without the country after its last comma, or its last two when the
    last qualifies the one before ("..., Taipei City 106, Taiwan, R.O.C.")."""
    head, _, last = text.rpartition(",")
    if "," in head and _country_key(last) in _COUNTRY_QUALIFIERS:
        before, _, named = head.rpartition(",")
        country = _qualified_country(named, last)
        if country and country not in _CITY_STATES:
            return before.strip(" ,")
    if _us_state_last(text.split(",")):
        return text
    return head.strip(" ,") if normalize_country(last) else text


def _us_state_last(parts: list[str]) -> bool:
    """Whether a one-line address's last comma part is a US state's code after a US street
    and a town ("12 Main St, Springfield, MO": Missouri, not Macao; "..., IL" not Israel)."""
    return (len(parts) > 2 and parts[-1].strip() in US_STATE_CODES
            and _US_STREET.search(parts[0]) is not None)


def _qualified_country(named: str, qualifier: str) -> str | None:
    """The country ``named`` names with ``qualifier`` after it ("Taiwan", "R.O.C."; "Hong
    Kong", "China"), or None (a town before "China" names none)."""
    if _country_key(qualifier) not in _COUNTRY_QUALIFIERS or not normalize_country(named):
        return None
    return normalize_country(f"{named.strip()}, {qualifier.strip()}")


def end_country(full: str) -> str | None:
    """The country a one-line address ends with ("..., Germany", "... • Deutschland"), the
    qualified forms too ("..., Taiwan, R.O.C.", "..., Macau, China", "..., Korea, Republic
    of"), or None."""
    parts = _PARTS.split(full.strip(" ,•|·"))
    if len(parts) < 2:
        return None
    if len(parts) > 2 and (country := _qualified_country(parts[-2], parts[-1])):
        return country
    if _us_state_last(parts):
        return "US"
    if country := normalize_country(parts[-1]) or city_state(parts[-1]):
        return country
    if (last := _country_then_code(full)) and (
            country := normalize_country(last["country"])):
        return country  # "..., United States, 60601"
    found = _COUNTRY_AND_CODE.search("," + parts[-1])  # "..., China 518057"
    country = normalize_country(found["country"]) if found else None
    return country if country in _CODE_AFTER_COUNTRY else None


#: A postal code after a city-state's name, from where a run of spaces starts (tried at each
#: space of a long run, it took time in the square of the run).
_TRAILING_CODE = re.compile(r"(?<!\s)\s+\d[\d\s-]*$")


def city_state(city: str | None) -> str | None:
    """The country a city-state's name is, with a postal code after it or not ("Singapore
    079903", "Hong Kong", "Monaco"), or None for any other town."""
    if not city:
        return None
    country = normalize_country(_TRAILING_CODE.sub("", city))
    if country is None and (key := city_key(city)):
        # as its key reads ("S.G", "80070 )HK 250": "sg", "hk 250"), as a lead normalized
        # again reads the key it was given
        country = normalize_country(_TRAILING_CODE.sub("", key))
    return country if country in _CITY_STATES else None


#: Separators some lists and letterheads put between an address's parts.
_BULLETS = re.compile(r"\s*[•|·]\s*")


def _has_bullets(text: str) -> bool:
    return "•" in text or "|" in text or "·" in text


def last_part(full: str) -> str | None:
    """The last part of a one-line address with several ("..., Germany", "... • 10115 Berlin
    • Germany"), or None."""
    if "," not in full and not _has_bullets(full):
        return None
    parts = _PARTS.split(full.strip(" ,•|·"))
    return parts[-1] if len(parts) > 1 else None


#: Where a one-line address's parts meet: commas, or bullets and bars.
_PARTS = re.compile(r"\s*[,•|·]\s*")
#: Postal code and town before the street, as some lists write a German, Austrian, Swiss or
#: French address: "10115 Berlin, Hauptstraße 5", "D-10115 Berlin, Hauptstr. 5".
_TOWN_FIRST = re.compile(
    r"^(?:[A-Z]{1,2}-)?(?P<code>\d{4,5}) (?P<city>[^,\d]*[^\W\d][^,\d]*?), (?P<street>.+)$")
def _ends_in_postal_code(street: str) -> bool:
    """Whether a town-first reading's street part ends in a postal code after a comma: then
    the number at the start was a house number ("1500 W Horizon Ridge, Henderson, NV
    89012", not the town "W Horizon Ridge" with the postal code 1500)."""
    head, comma, last = street.rpartition(",")
    return bool(comma) and _POSTAL_TOKEN.search(last) is not None


_UNIT_OR_STREET = re.compile(
    r"\b(?:suite|ste|unit|room|rm|floor|fl|building|bldg|block|no|nr|box|postfach|road|rd|"
    r"street|st|avenue|ave|straße|strasse|str)\b", re.IGNORECASE)


def _without_province(city: str | None) -> tuple[str | None, str | None]:
    """An Italian city without its province code after it ("Milano MI" -> "Milano", "MI")."""
    from leadgen.normalize.address_patterns import IT_PROVINCES

    if city and " " in city:
        head, _, code = city.rpartition(" ")
        if code in IT_PROVINCES and head.strip():
            return head.strip(), code
    return city, None


#: A Brazilian city and state: "São Paulo - SP", "São Paulo/SP".
_BR_CITY = re.compile(r"^(?P<city>.*?\S)\s*(?:[-–/]\s*(?P<state>[A-Z]{2}))?$")


def _brazilian(before: list[str], code: str, after: str | None) -> AddressParts:
    """A Brazilian address around its CEP: "Av. Paulista, 1000 - Bela Vista, São Paulo - SP,
    01310-100" (city and state before it) or "Rua Augusta 100, 01305-000 São Paulo/SP"."""
    where = after or (before.pop() if len(before) > 1 else None)
    found = _BR_CITY.match(where) if where else None
    city = found["city"].strip(" -–,") if found else None
    return AddressParts(", ".join(before) or None, code, city or None,
                        found["state"] if found else None)


#: State and province codes that may end a one-line address after its city ("Springfield, IL"),
#: by country.
STATE_CODES = {
    "US": frozenset(US_STATE_CODES),
    "CA": frozenset("AB BC MB NB NL NS NT NU ON PE QC SK YT".split()),
    "AU": frozenset("NSW VIC QLD WA SA TAS ACT NT".split()),
}
_STATE_CODES = frozenset().union(*STATE_CODES.values())
_GLUED_STREET_TYPE = re.compile(r"(?:strasse|straße|str|weg|gasse|platz|allee|ring|damm)$")


def _state_code(text: str) -> str:
    """``text`` written as a state code is ("on." -> "ON")."""
    return text.strip().upper().rstrip(".")


def state_code_of(text: str, country: str) -> bool:
    """Whether ``text`` ("IL", "on", "Georgia") is a state or province of ``country``, by its
    code or its name."""
    return (_state_code(text) in STATE_CODES.get(country, ())
            or _country_key(text) in STATE_NAMES.get(country, ()))


#: Countries whose lists give a state or province beside the town and whose town names repeat
#: from one to another (Springfield, IL and MO; London, ON; Valparaíso, GO and SP), with one
#: level of them (Italy's regions and provinces, France's regions and departments are two: a
#: list may give either, so theirs are not compared).
STATE_KEY_COUNTRIES = frozenset({"US", "CA", "AU", "BR", "MX", "IN"})
#: Names lists write beside pycountry's: the US's older abbreviations ("Ill.", "Calif.";
#: "N.Y." is its code with dots), "Washington, D.C.", Mexico City, India's older names.
_STATE_ALIASES = {
    "US": {"washington dc": "US-DC", "dc": "US-DC", **{
        abbreviation: f"US-{code}" for code, abbreviations in (
            ("AL", "ala"), ("AZ", "ariz"), ("AR", "ark"), ("CA", "calif cal"), ("CO", "colo"),
            ("CT", "conn"), ("DE", "del"), ("FL", "fla"), ("IL", "ill"), ("IN", "ind"),
            ("KS", "kan kans"), ("MA", "mass"), ("MI", "mich"), ("MN", "minn"),
            ("MS", "miss"), ("MT", "mont"), ("NE", "neb nebr"), ("NV", "nev"),
            ("OK", "okla"), ("OR", "ore oreg"), ("PA", "penn penna"), ("TN", "tenn"),
            ("TX", "tex"), ("WA", "wash"), ("WV", "wva"), ("WI", "wis wisc"), ("WY", "wyo"))
        for abbreviation in abbreviations.split()}},
    "CA": {"pq": "CA-QC", "nfld": "CA-NL", "newfoundland": "CA-NL"},
    "MX": {"cdmx": "MX-CMX", "df": "MX-CMX", "distrito federal": "MX-CMX",
           "mexico city": "MX-CMX", "edomex": "MX-MEX", "estado de mexico": "MX-MEX"},
    "IN": {"orissa": "IN-OD", "uttaranchal": "IN-UK", "pondicherry": "IN-PY", "tg": "IN-TS",
           "or": "IN-OD", "ut": "IN-UK", "ct": "IN-CG"},
}


@lru_cache(maxsize=16)
def _state_keys(country: str) -> dict[str, str]:
    """Each first-level subdivision of ``country`` by its code, its name and its ISO code as
    keys ("il", "illinois", "us il" -> "US-IL": the key reads as itself again)."""
    keys = dict(_STATE_ALIASES.get(country, {}))
    for subdivision in pycountry.subdivisions.get(country_code=country) or ():
        if subdivision.parent_code:
            continue
        code = subdivision.code
        keys[code.split("-", 1)[1].lower()] = code
        keys[_country_key(code)] = code
        keys.setdefault(_country_key(subdivision.name), code)
    return keys


@lru_cache(maxsize=CACHE_SIZE)
def state_key(text: str | None, country: str | None) -> str | None:
    """The ISO 3166-2 code of the state or province ``text`` names in ``country`` ("IL",
    "Ill.", "Illinois" in the US -> "US-IL"; "Québec" -> "CA-QC"), for the countries of
    :data:`STATE_KEY_COUNTRIES`; None for others and for what names none."""
    if not text or country not in STATE_KEY_COUNTRIES:
        return None
    keys = _state_keys(country)
    key = _country_key(text)
    return keys.get(key) or keys.get(key.replace(" ", ""))


def state_name_country(text: str | None) -> str | None:
    """The country whose state or province ``text`` names by its name ("Missouri" -> US,
    "Ontario" -> CA), when one of :data:`STATE_KEY_COUNTRIES` alone has it; None for codes
    ("DE" in a region column may be Germany as well as Delaware) and other names."""
    key = _country_key(text) if text else ""
    if len(key) < 4:
        return None
    found = [country for country in sorted(STATE_KEY_COUNTRIES) if key in _state_keys(country)]
    return found[0] if len(found) == 1 else None


def state_code_country(text: str | None) -> str | None:
    """The country whose state or province code ``text`` is, when one of the US, Canada and
    Australia alone has it ("IL" -> US, "ON" -> CA; "WA" is in two). Weak for one row ("DE"
    may be Germany): for a list whose state column is such codes throughout."""
    code = _state_code(text) if text else ""
    found = [country for country, codes in STATE_CODES.items() if code in codes]
    return found[0] if len(found) == 1 else None


def _split_at_commas(text: str) -> AddressParts:
    """"435 S. La Cienega Blvd., Los Angeles" -> street and city; "12 Main St, Springfield, IL"
    -> street, city and state; "Sheikh Zayed Road, Dubai" -> street and city. Only the clear
    shape is split: the last part (a state code aside) is the city when it has no digit and no
    street word, and the parts before it are the street when they hold a house number or a
    street type (Road, Straße, -platz, Via, Rue). Anything else gives no parts."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    region = None
    if len(parts) >= 3 and _state_code(parts[-1]) in _STATE_CODES:
        region = _state_code(parts.pop())
    elif len(parts) >= 2 and _country_key(_PROVINCE_WORD.sub("", parts[-1])) in _PROVINCES:
        # "Maotai Town, Renhuai City, Guizhou Province": a town and its province, without a
        # street or postal code (an export's address of a place in the countryside)
        region, last = parts.pop(), parts[-1]
        town = None  # "No. 1 Keji Rd, Nanshan District, Guangdong": a district, no town
        if not (_DIGIT.search(last) or _names_street_type(last) or _DISTRICT.search(last)):
            town = parts.pop()
        rest = ", ".join(parts)
        return AddressParts(rest if _DIGIT.search(rest) or _names_street_type(rest) else None,
                            None, town, region)
    if len(parts) < 2:
        return AddressParts()
    city, street = parts[-1], ", ".join(parts[:-1])
    words = [word.strip(".") for word in city.lower().split()]
    if (_DIGIT.search(city) or len(words) > 4
            or not (_DIGIT.search(street) or _names_street_type(street))
            or any(word in _STREET_WORDS or word in _STREET_TYPES
                   or _GLUED_STREET_TYPE.search(word) for word in words)):
        return AddressParts()
    return AddressParts(street, None, city, region)


#: Street types written before the street's name ("Via Roma", "Rue de Rivoli", "ul. Długa").
#: (Spanish and Polish ones, "Calle", "ulica", are :data:`_STREET_WORDS_MORE`.)
_STREET_TYPES_BEFORE = frozenset({
    "via", "viale", "corso", "piazza", "piazzale", "rue", "chemin", "allée", "paseo", "plaza",
    "carrer", "rua", "praça", "travessa", "ul", "al", "strada", "bulevardul", "đường", "duong",
    "thanon"})


def _names_street_type(text: str) -> bool:
    """Whether ``text`` names a street type: "Sheikh Zayed Road", "Marienplatz", "Via Roma"
    (a direction such as "West End" or a building's name is none)."""
    for word in re.findall(r"\w+", text.lower()):
        if (_STREET_WORDS.get(word, word) in _STREET_TYPES or word in _STREET_TYPES_BEFORE
                or word in _STREET_WORDS_MORE or _GLUED_STREET_TYPE.search(word)):
            return True
    return False


#: A Chinese postal code without its label, at the start or the end of the address.
_CJK_BARE_POSTAL = re.compile(
    r"^[(（]?(\d{6}|\d{3}(?:\d{2,3})?)(?:[)）]\s*|\s+|(?=[\u4e00-\u9fff]))|\s+(\d{6})$")


#: A Hong Kong or Macau address's start: the region, and in Hong Kong the area ("九龍", "新界",
#: "香港島"), either of which a list may leave out ("九龙尖沙咀..." is "香港九龙尖沙咀...").
_HK_MACAU_START = re.compile(
    "^(?:中国|中國)?(?:(?:香港|(?P<macau>澳門|澳门))(?:特别行政区|特別行政區)?"
    "(?:九龍|九龙|新界|香港島|香港岛|港島|港岛)?|九龍|九龙|新界|香港島|香港岛)")


def _split_cjk(text: str) -> AddressParts:
    if has_hangul(text) and (korean := _KR_PLACES.match(text)):
        city = korean.group("city")
        return AddressParts(korean.group("street"), korean.group("code"),
                            _KR_CITY_SUFFIX.sub("", city) if city else None,
                            korean.group("region"))
    postal = None
    text = text.replace("巿", "市")  # a look-alike character typed for 市 (高雄巿)
    found = _CJK_POSTAL.search(text) or _CJK_BARE_POSTAL.search(text)
    if found:
        postal = found.group(1) or found.group(2)
        text = (text[:found.start()] + text[found.end():]).strip()
    if special := _HK_MACAU_START.match(text):  # "香港九龍尖沙咀彌敦道100號": no 市 to tell
        street = _LEADING_MARKS.sub("", text[special.end():])
        city = "澳门" if special.group("macau") else "香港"
        return AddressParts(street or None, postal, city, None)
    places = _CJK_PLACES.match(text)
    if places is None:  # pragma: no cover - the pattern matches any text
        return AddressParts(postal_code=postal)
    city, region = places.group("city"), places.group("region")
    if city is None and region in _TOKYO:
        city = "東京"
    return AddressParts(places.group("street").strip() or None, postal,
                        city.rstrip("市縣县") if city else None, region)  # 市 or 縣 left out
