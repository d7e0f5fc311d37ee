"""Phone numbers to E.164 with phonenumbers, keeping the extension and the line type.

Beyond what phonenumbers reads: Chinese and German extension words ("转 808", "Durchwahl 12"),
a dash and an extension after a complete number ("0755-83212345-808"), and fields that list
several numbers ("+49 89 123456 / Fax +49 89 123457": the first that is no fax), separated or
side by side ("13812345678 13912345678").

Speed: a number is parsed once. Everything after the parse (possible, E.164, the round-trip
check, line type, region) depends only on the country code and the national significant
number, so it is memoized on that pair; whole results are memoized on ``(raw, region)`` as
field values, and each call gets a new model: mutating a result cannot change a later call's.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from leadgen.items import PhoneNumber
from leadgen.normalize.memo import remember

_KINDS = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}
# Printed labels and URI schemes around the number ("Tel.:", "tel:", "电话：").
_LABEL = re.compile(r"^\s*(?:tel(?:efon|ephone)?|phone|ph|fon|fax|mobile|mob|t|f|电话|传真|手机)"
                    r"\s*[.:：]?\s*", re.IGNORECASE)
_FULLWIDTH: dict[int, str] = {
    **{ord(wide): plain for wide, plain in zip("０１２３４５６７８９＋（）－　", "0123456789+()- ",
                                                strict=True)},
    ord("／"): " / "}  # "13912345678／13812345672": two numbers


def _halfwidth(text: str) -> str:
    """``text`` with full-width digits, signs and spaces made plain (ASCII text has none)."""
    return text if text.isascii() else text.translate(_FULLWIDTH)


# Extension words phonenumbers does not know ("转 808", "分机 808", "Durchwahl 12"): read as
# "ext.", which it does.
_EXTENSION_WORDS = (r"转|轉|分机|分機|内线|內線|内線|내선|доб|ต่อ|máy lẻ|(?<![a-z])(?:durchwahl|dw|"
                    r"nebenstelle|apparat|app|poste|interno|wewn|wew|intern|dahili|ramal|"
                    r"toestel|anknytning|linka|extensión)")
_EXTENSION_WORD = re.compile(rf"\s*(?:{_EXTENSION_WORDS})\s*[.:：]?\s*(?=\d)", re.IGNORECASE)
# A dash and a few digits after a complete number: an extension ("0755-83212345-808"; where
# numbers have a fixed length, as in China, it cannot be part of the number).
_TRAILING_EXTENSION = re.compile(r"^(.*\d)\s*[-‐–]\s*(\d{1,5})$")
# Separators of a field that lists several numbers, and a fax number's label among them.
_SEPARATORS = re.compile(
    r"\s*(?:[,|、；，]|;(?!\s*(?:ext|isub|phone-context)=))\s*|\s+/\s+"  # not RFC 3966 ";ext="
    r"|(?<=\d{7})/(?=\+?\d{7})"  # "13912345678/13812345672", not "030/1234567"
    r"|\s+(?=(?:tel|telefon|phone|fax|telefax|mobil|mobile|mob|电话|传真|手机|t|f|факс|팩스"
    r"|t[ée]l[ée]copie)"
    r"(?:\s*[.:：]|\s+(?=[+(]?\d(?:[\s().\-/]*\d){5})))"  # "Tel: ...", "Fax 089 123457"
    r"|\s+(?:oder|or|und|and|bzw\.?|ou|o|y|e)\s+|\s*或者?\s*",  # "030 123456 oder 0171 ..."
    re.IGNORECASE)
#: What a separator of :data:`_SEPARATORS` holds, unless it is a word ("Fax", "oder", "或").
_SEPARATOR_MARKS = frozenset(",|、；，;/")
_FLOAT = re.compile(r"\+?\d{6,}\.0")
#: A letter (of any script): words in a phone field, or a vanity number's letters.
_LETTER = re.compile(r"[^\W\d_]")
#: A note in brackets after the number: "030 1234567 (Zentrale)", "(Mo-Fr 9-17 Uhr)"; one
#: with a letter in it and no extension ("(0)" and "(ext. 12)" stay).
_NOTE = re.compile(r"\s*[(（](?![^()（）]*(?:ext|durchwahl|转|分机))[^()（）]*[^\W\d_][^()（）]*"
                   r"[)）]\s*$", re.IGNORECASE)
#: "F" alone right before a number ("T +49 89 123456 F +49 89 123457"), as cards print it.
_FAX_LETTER = re.compile(r"(?<![^\W\d_])f\s*[.:：]?\s*$", re.IGNORECASE)
_FAX_LABEL = re.compile(r"\s*(?:fax|telefax|传真|факс|팩스|t[ée]l[ée]copie|ファックス|ファクス"
                        r"|f(?=\s*[.:：]?\s*[+(]?\d))", re.IGNORECASE)
#: An extension's word right before digits, those phonenumbers knows too ("ext", "x"): the
#: digits are no number of their own.
_EXTENSION_BEFORE = re.compile(
    rf"(?:(?<![a-z])(?:ext(?:ension|n)?|x)|{_EXTENSION_WORDS})\s*[.:：#]?\s*$", re.IGNORECASE)


class _Facts(NamedTuple):
    """What a parsed number's country code and national significant number imply."""

    e164: str | None
    """E.164 form, or None when the number is not possible or does not round-trip."""
    kind: str | None


_Found = tuple[str, str | None, str | None]  # E.164, line type, extension
#: The fewest digits after the country code that a number of these plans has, where the
#: metadata calls shorter ones valid: China's landlines have ten or eleven (area code and
#: local number), yet "0755-1234" (a number cut short) passed as Shenzhen's +867551234.
_SHORTEST_VALID = {86: 10}
#: A number no line type is known for (not valid by the metadata, yet possible: a new range)
#: is kept only with at least six digits after the country code; German metadata calls even
#: "12" possible.
_SHORTEST_UNKNOWN = 100_000


def normalize_phone(raw: str, region: str | None = None) -> PhoneNumber | None:
    """Parse ``raw`` as a phone number of ``region`` (ISO alpha-2) and return it in E.164.

    Returns None for text that is not a possible number. Numbers written with a leading ``+``
    or ``00`` need no region. ``normalize_phone(p.e164) == p`` up to ``raw``.
    """
    if not raw:
        return None
    key = (raw, region)
    fields = _PHONES.get(key)  # one lookup: safe if another thread evicts meanwhile
    if fields is not None:
        if not fields:
            return None
        return PhoneNumber(e164=fields[0], raw=fields[1], extension=fields[2], kind=fields[3])
    phone = _parse_phone(raw, region)
    remember(_PHONES, key,
             () if phone is None else (phone.e164, phone.raw, phone.extension, phone.kind))
    return phone


def phone_text(raw: str, region: str | None) -> tuple[str, str | None]:
    """The number as phonenumbers should read it (labels, ``tel:``, full-width digits, a
    ``00`` prefix and extension words handled) and the region as an upper-case ISO code or
    None."""
    text = _halfwidth(raw).strip()
    # Labels, notes and extension words are words: text without a letter has none
    words = _LETTER.search(text) is not None
    if words:
        text = _LABEL.sub("", text, count=1)
        text = _NOTE.sub("", text.removeprefix("tel:")).strip()
    text = text.removeprefix("'")  # "'+49 30 1234567": Excel's mark for text
    if _FLOAT.fullmatch(text):
        text = text[:-2]  # "301234567.0": a number a spreadsheet stored as a float
    if text.startswith("00"):
        text = "+" + text[2:]
    if words:
        text = _EXTENSION_WORD.sub(" ext. ", text, count=1)
    region = region.upper() if region and len(region) == 2 else None
    if "0" in text and not _DASHES.isdisjoint(text):
        text = _SWITCHBOARD.sub(lambda match: _switchboard(match, region), text)
    if region == "MX" or text.startswith("+52"):
        text = _OLD_MEXICAN.sub("+52 " if text.startswith("+52") else "", text, count=1)
    elif (region == "NG" or text.startswith("+234")) and (
            old := _OLD_NIGERIAN.match(text)) is not None:
        renumbered = "+234 20" + text[old.end():]
        if _valid_number(renumbered, None) is not None:
            text = renumbered
    return text, region


#: A switchboard's "-0" after a number with direct dialling, as German and Austrian companies
#: write it (DIN 5008: "089 1234567-0"): the number's extension 0, so the number is the one
#: lists that leave the "-0" out write ("089 1234567"; read whole, +498912345670 met no
#: +49891234567). Before the end, a separator or a note in words.
_DASH_CHARS = "-‐–"  # ("-" first: in a character class it stands for itself)
_DASHES = frozenset(_DASH_CHARS)
_SWITCHBOARD = re.compile(rf"(?<=\d)\s*[{_DASH_CHARS}]\s*0(?=\s*$|\s*[,;/|]|\s+[^\W\d_])")
#: An extension right after a switchboard's "-0": it dials that line instead ("089 12345-0
#: ext. 12" is 089 12345 ext. 12).
_EXTENSION_NEXT = re.compile(r"\s*(?:ext(?:ension|n)?|x)\s*[.:#]?\s*\d", re.IGNORECASE)
#: What separates the numbers a field lists (the number before a "-0" starts after it).
_NUMBER_END = re.compile(r"[,;|]|\s/\s")


def _switchboard(match: re.Match[str], region: str | None) -> str:
    """A switchboard's "-0" (:data:`_SWITCHBOARD`) as the number's extension 0; left out
    before another extension; kept as the number's last digit where only that makes a valid
    number: in a plan of fixed length ("01 42 68 53 0-0" in France is 01 42 68 53 00, and
    "0800 123 456-0" a toll-free number), the "-0" is no switchboard's."""
    text = match.string
    if _EXTENSION_NEXT.match(text, match.end()):
        return ""
    number = _NUMBER_END.split(text[:match.start()])[-1]
    if (_valid_number(number + "0", region) is not None
            and _valid_number(number, region) is None):
        return match.group()
    return " ext. 0"


#: Mexico's dialling before 2019, which old lists still hold: "01" (long distance) and
#: "044"/"045" (mobile) before the ten digits, and a mobile's "1" after +52 ("+52 1 55 5555
#: 1234"): the number is the ten digits.
_OLD_MEXICAN = re.compile(r"^(?:\+52[\s.-]*1|0(?:1|44|45))[\s.-]*(?=(?:\(?\d\)?[\s.-]*){10}$)")


#: Nigeria's landlines before 2024, which nearly every list still holds: the area code and
#: number, eight digits, after the trunk 0 or +234 ("01 448 0815" in Lagos, "+234 9 461
#: 0000" in Abuja). The 2024 plan put "20" before them (+234 201 448 0815), and phonenumbers
#: knows only that: the old form gave no number.
_OLD_NIGERIAN = re.compile(
    r"^(?:\+234[\s.-]*(?:\(0\))?|\(?0(?=\d))[\s.-]*(?=(?:\(?\d\)?[\s.-]*){8}$)")


#: Longer text (runs of spaces collapsed) is no phone field: phonenumbers reads at most 250
#: characters, and the patterns here would take quadratic time on a long run of spaces.
_MAX_TEXT = 400


#: Text in a phone field that is something else: a date ("2024-01-15", "15.01.2024",
#: "2024/1/15") or a VAT or tax id ("DE136695976", "ATU12345678", "USt-IdNr. DE 136...";
#: its country's code in capitals). phonenumbers reads each as a number (+4920240115,
#: +49136695976).
_NOT_A_NUMBER = re.compile(
    r"(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|1[0-2])\2(?:19|20)\d\d"
    r"|(?-i:AT|BE|BG|CH|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|NO|PL|PT|RO"
    r"|SE|SI|SK|XI)(?-i:U|E-)?\s?\d[\d .]{6,14}"
    r"|(?:ust|vat|mwst|tva|iva|btw|nip|cif|nif|steuer|tax)(?:[-\s]?id)?"
    r"(?:[-\s]?(?:nr|nummer|no|number))?\.?[\s:：].*",
    re.IGNORECASE)


def _parse_phone(raw: str, region: str | None) -> PhoneNumber | None:
    if len(raw) > _MAX_TEXT:
        raw = " ".join(raw.split())  # "+49 30" and 5,000 no-break spaces: one space
        if len(raw) > _MAX_TEXT:
            return None
    text, region = phone_text(raw, region)
    if _NOT_A_NUMBER.fullmatch(text):
        return None
    found, listed = None, None
    if _LETTER.search(text):  # words after the number, or a field listing several
        listed = _listing(raw)  # "传真：... 电话：...": labels between numbers
        found = None if listed else _before_note(text, region)
    if found is None:
        found = _number(text, region)
    if (found is None or found[1] is None) and region is not None:
        found = _written_abroad(text, region) or found  # no valid number of the region
    elif region in _TRUNK_ZERO and text[:1] in "123456789":
        # Where every number is written with a leading 0 ("030 1234567"), one written
        # without it after a country code's digits is that country's ("86-755-83212345" on a
        # German list; German metadata calls +4986... valid too)
        found = _written_abroad(text, region) or found
    if found is None:
        listed = _listing(raw) if listed is None else listed
        found = (_with_trailing_extension(text, region)
                 or (_first_in_text(listed, region) or _before_note(text, region)
                     if listed else None))  # labels kept
    if found is None and _may_list_two(text):
        found = next((_found(number, number.extension or None)
                      for _, number in _spotted(_halfwidth(raw), region)), None)
    if found is None:
        return None
    if region and found[1] != "mobile" and text.isdigit() and (
            mobile := _mobile_without_plus(text, region)):
        found = mobile
    e164, kind, extension = found
    if kind is None and region in _COMPLETE_PLANS and not text.startswith("+"):
        return None  # "83212345" in Shenzhen: no area code, so no number to dial from afar
    return PhoneNumber(e164=e164, raw=raw.strip(), extension=extension, kind=kind)


#: Regions whose national numbers, mobiles too, are all written with a leading 0 (not China
#: or India, whose mobiles are written without it).
_TRUNK_ZERO = frozenset({"DE", "AT", "CH", "FR", "GB", "NL", "BE", "SE", "FI", "JP", "KR",
                         "AU", "NZ", "TR", "TW", "ZA"})
#: Regions whose numbering plan phonenumbers knows whole: a number written the national way
#: there that it finds no valid number is incomplete (a local number without its area code,
#: a digit missing), not a new range; it was stored as a number nobody can dial
#: (+8683212345). Elsewhere such a possible number is kept.
_COMPLETE_PLANS = frozenset({"CN"})


def _mobile_without_plus(digits: str, region: str) -> _Found | None:
    """A mobile number written with its country code but without "+" (Excel drops it:
    "491711234567" on a German list is +49 171 1234567, not a 12-digit number in Leer), or
    None. Only a mobile reading wins over the national one: landline numbers of several
    plans start with the country's code."""
    code = str(phonenumbers.country_code_for_region(region))
    if not digits.startswith(code) or len(digits) - len(code) < 8:
        return None
    found = _number("+" + digits, None)
    return found if found is not None and found[1] == "mobile" else None


def _may_list(text: str) -> bool:
    """Whether :data:`_SEPARATORS` may split ``text`` (a cheap test first: most fields hold
    one number written with digits and spaces alone)."""
    return not _SEPARATOR_MARKS.isdisjoint(text) or _LETTER.search(text) is not None


def _listing(raw: str) -> str:
    """``raw`` with full-width characters made plain when it lists several numbers (split at
    :data:`_SEPARATORS`), else ""."""
    listed = _halfwidth(raw)
    return listed if _SEPARATORS.search(listed) else ""


def _number(text: str, region: str | None) -> _Found | None:
    """``text`` as one number, or None. Letters read as a keypad's digits make a vanity
    number ("1-800-FLOWERS"), a toll-free or other non-geographic line; a word after a
    number too short to be one ("0755-8321 Sales") is no part of a number."""
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    found = _found(number, number.extension or None)
    if (found is not None and found[1] not in _VANITY_KINDS and _LETTER.search(text)
            and len(str(number.national_number)) > _digit_count(text)):
        return None  # letters were read as digits
    return found


#: Line types (:attr:`PhoneNumber.kind`) that are one organization's number, not one
#: place's: a chain's or a brand's national number (1-800, 0800, 0333, 400) is the same at
#: every branch.
NATIONAL_KINDS = frozenset({"toll_free", "shared_cost", "uan", "premium_rate", "personal"})
#: Line types vanity numbers are of: the national numbers and VoIP.
_VANITY_KINDS = NATIONAL_KINDS | {"voip"}


#: A country code written without "+" or "00", as a group of its own: "852 2345 6789", or
#: in brackets: "(852) 2345 6789".
_BARE_COUNTRY_CODE = re.compile(r"^(?:[1-9]\d{0,2}[ .-]|\([1-9]\d{0,2}\)\s?)")
#: A Chinese mobile number as China writes it: "13812345678", "138 1234 5678".
_CHINESE_MOBILE = re.compile(r"^1[3-9]\d(?:[ -]?\d{4}){2}$")


def _written_abroad(text: str, region: str) -> _Found | None:
    """A number that is no valid number of the list's region, read as the number it is
    elsewhere: its country code written without "+" ("852 2345 6789" on a Chinese list,
    "49 30 1234567" on an American one), or a Chinese mobile number without +86 ("138 1234
    5678" on a German list). Only a valid number is taken."""
    number = None
    if _BARE_COUNTRY_CODE.match(text):
        number = _valid_number("+" + text.replace("(", "", 1).replace(")", " ", 1), None)
    if number is None and region != "CN" and _CHINESE_MOBILE.match(text):
        number = _valid_number(text, "CN")
    return None if number is None else _found(number, number.extension or None)


def _with_trailing_extension(text: str, region: str | None) -> _Found | None:
    """"0755-83212345-808": a valid number, a dash and an extension (tried only when the
    whole text is no number, so a German "089 123456-12" stays one direct-dial number)."""
    match = _TRAILING_EXTENSION.match(text)
    if match is None:
        return None
    number = _valid_number(match.group(1), region)
    if number is None or number.extension:
        return None
    return _found(number, match.group(2))


#: A number and a note after it in words: "+49 30 1234567 Zentrale", "... Mo-Fr 9-17 Uhr",
#: "... Tel 2"; not an extension ("ext. 12", "x12").
_TRAILING_NOTE = re.compile(
    r"^([+(]?\d[\d\s().\-/]*\d(?: ext\. \d+)?)"  # (with its extension: "400 ext. 0 Zentrale")
    r"\s+(?!(?:extension|extn|ext|x)(?:[\s.:#]|\d|$))[^\W\d_].*$",
    re.IGNORECASE)


def _before_note(text: str, region: str | None) -> _Found | None:
    """The valid number before a note in words. Tried first: phonenumbers reads letters as a
    keypad's digits, so "+49 30 1234567 Tel 2" would be +493012345678352. A vanity number
    ("+1 800 FLOWERS") has no valid number before its letters and is read whole."""
    match = _TRAILING_NOTE.match(text)
    number = _valid_number(match.group(1), region) if match else None
    return None if number is None else _found(number, number.extension or None)


def _first_in_text(text: str, region: str | None) -> _Found | None:
    """The first valid number of a field that lists several (see :func:`_listed`)."""
    for _, number in _listed(text, region):
        found = _found(number, number.extension or None)
        if found is not None:
            return found
    return None


def phone_parts(raw: str, region: str | None = None) -> list[str]:
    """The numbers a field lists, each as written ("030 123456 / 0171 2345678": both), when
    it lists two or more valid ones (see :func:`_listed`, and :func:`_spotted` for numbers
    side by side); else ``[raw]``, one number with whatever it holds ("+1 310 246 1501, ext.
    12")."""
    text = _halfwidth(raw)
    if len(text) > _MAX_TEXT:
        text = " ".join(text.split())  # a long run of spaces: one
        if len(text) > _MAX_TEXT * 4:  # no list of numbers: kept whole (and read as none)
            return [raw]
    region = region.upper() if region and len(region) == 2 else None
    listed = list(_listed(text, region)) if _may_list(text) and _SEPARATORS.search(text) else []
    parts = [part for part, _ in listed]
    if listed and (completed := _with_area_code(text, *listed[0])):
        parts = completed  # "030 123456, 123457": 030 123456 and 030 123457
    if len(parts) < 2 and _may_list_two(text):
        spotted = list(_spotted(text, region))
        if len(spotted) > 1 and _digit_count(text) == sum(
                _digit_count(part) for part, _ in spotted):
            parts = [part for part, _ in spotted]
    return parts if len(parts) > 1 else [raw]


#: The most digits one number has (E.164's 15): a field with more is searched for numbers
#: side by side (only then: the search costs several parses).
_MOST_DIGITS = 15


def _may_list_two(text: str) -> bool:
    return len(text) > _MOST_DIGITS and _digit_count(text) > _MOST_DIGITS


def _digit_count(text: str) -> int:
    return sum(map(str.isdigit, text))


def _spotted(text: str, region: str | None,
             ) -> Iterator[tuple[str, phonenumbers.PhoneNumber]]:
    """(as written, number) for each valid number phonenumbers finds in ``text``, fax numbers
    (a fax label since the number before) left out: numbers side by side with nothing but
    spaces, a slash or labels between them ("13812345678 13912345678", "0755-83456789
    13823456789", "Tel 030 1234567 Mobil 0171 2345678"), which :data:`_SEPARATORS` cannot
    split without splitting one number written in groups."""
    end = 0
    for match in phonenumbers.PhoneNumberMatcher(text, region,
                                                 leniency=phonenumbers.Leniency.VALID):
        between, end = text[end:match.start], match.end
        if not (_FAX_LABEL.search(between) or _FAX_LETTER.search(between)
                or _EXTENSION_BEFORE.search(between)):
            yield match.raw_string, match.number


def _with_area_code(text: str, first: str, number: phonenumbers.PhoneNumber,
                    ) -> list[str] | None:
    """The numbers a field lists after a first one without its area code (or a mobile
    network's prefix), as lists write them ("030 123456, 123457", "022-23456789, 23456790",
    "0171 2345678, 2345679"): each as long as ``number`` (the first's) after that code,
    completed by it; None unless every part after the first is such a number (an extension,
    "030 123456,12", or a number of its own, "030 123456, 0171 2345678", is left to the
    rest)."""
    pieces = [piece.strip() for piece in _SEPARATORS.split(text) if piece and piece.strip()]
    if len(pieces) < 2 or pieces[0] != first or not (
            code := phonenumbers.length_of_national_destination_code(number)):
        return None
    national = phonenumbers.national_significant_number(number)
    numbers = [first]
    for piece in pieces[1:]:
        digits = "".join(filter(str.isdigit, piece))
        if (len(digits) != len(national) - code or piece.startswith("0")
                or not piece.replace("-", "").replace(" ", "").isdigit()):
            return None
        completed = f"+{number.country_code}{national[:code]}{digits}"
        if _valid_number(completed, None) is None:
            return None
        numbers.append(completed)
    return numbers


def fax_only(field: str, region: str | None = None) -> bool:
    """Whether a phone field holds a fax number alone, labelled so ("Fax: 312-555-0101",
    "Telefax 030 4567891"): a list's phone column a fax number went into."""
    if not _FAX_LABEL.match(field):
        return False
    text = _halfwidth(field)
    region = region.upper() if region and len(region) == 2 else None
    # "Fax 0755-83456790 Tel 0755-83456789" lists a phone after the fax
    return not _SEPARATORS.search(text) or next(_listed(text, region), None) is None


def _listed(text: str, region: str | None,
            ) -> Iterator[tuple[str, phonenumbers.PhoneNumber]]:
    """(part as written, its number) for each valid number of a field that lists several,
    split at ``,`` ``;`` ``|`` or a spaced ``/`` ("+49 89 123456 / Fax +49 89 123457"),
    leaving out those labelled as fax; lazily, so the first costs one parse."""
    for part in _SEPARATORS.split(text):
        if not part or _FAX_LABEL.match(part):
            continue
        number = _valid_number(phone_text(part, region)[0], region)
        if number is not None:
            yield part.strip(), number


def _valid_number(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """``text`` parsed, when it is a valid number (the fallbacks ask more than possible)."""
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


class RegionGuess(NamedTuple):
    region: str
    valid: int
    """How many of the sampled numbers are valid numbers of ``region``."""
    sampled: int


def likely_region(raws: Iterable[str], *, sample: int = 100, share: float = 0.8,
                  least: int = 10) -> RegionGuess | None:
    """The region a list's numbers written without a country code belong to, judged by the
    first ``sample`` of them (see :func:`phone_regions`), when no other region has three
    quarters as many valid numbers (US and Canadian numbers share +1 but not their area
    codes; a German "030 1234567" is also an Italian number, so German numbers alone name no
    region). None when no region stands out."""
    return standout_region(phone_regions(raws, sample=sample, share=share, least=least))


def standout_region(regions: list[RegionGuess]) -> RegionGuess | None:
    """The first of :func:`phone_regions`' answer when no other has three quarters as many
    valid numbers."""
    if not regions or (len(regions) > 1 and regions[1].valid > 0.75 * regions[0].valid):
        return None
    return regions[0]


def phone_regions(raws: Iterable[str], *, sample: int = 100, share: float = 0.8,
                  least: int = 10) -> list[RegionGuess]:
    """The regions in which at least ``share`` of the first ``sample`` numbers written
    without a country code are valid numbers, written as that region writes them (its trunk
    prefix and all: "3102461501" is a US number and, without the 0 China writes before it,
    no Chinese one), most first; none when fewer than ``least`` numbers lack a country
    code."""
    local: list[str] = []
    for raw in raws:
        text = phone_text(raw, None)[0]
        if text and not text.startswith("+") and any(char.isdigit() for char in text):
            local.append(text)
            if len(local) >= sample:
                break
    if len(local) < least:
        return []
    allowed = len(local) - share * len(local)  # invalid numbers a region may have
    valid: dict[str, int] = {}
    for region in phonenumbers.SUPPORTED_REGIONS:
        good = bad = 0
        for text in local:
            try:
                number = phonenumbers.parse(text, region)
                ok = (phonenumbers.is_valid_number_for_region(number, region)
                      and _digits(phonenumbers.format_number(
                          number, PhoneNumberFormat.NATIONAL)) == _digits(text))
            except NumberParseException:
                ok = False
            good += ok
            bad += not ok
            if bad > allowed and bad > len(local) / 4:
                break  # can be neither the answer nor a close second
        valid[region] = good
    ranked = sorted(valid.items(), key=lambda item: -item[1])
    return [RegionGuess(region, count, len(local)) for region, count in ranked
            if count >= share * len(local)]


def _digits(text: str) -> str:
    return "".join(char for char in text.split("ext", 1)[0] if char.isdigit())


def _found(number: phonenumbers.PhoneNumber, extension: str | None) -> _Found | None:
    facts = _facts(number)
    return None if facts.e164 is None else (facts.e164, facts.kind, extension)


def dials_through(number: str, switchboard: str, extra_digits: int = 4) -> bool:
    """Whether ``number`` (E.164) dials one of ``switchboard``'s extensions directly: it is
    ``switchboard`` and one to ``extra_digits`` digits more, as German, Austrian and Swiss
    direct lines are written ("089 123456-12" of "089 123456-0": +498912345612 of
    +4989123456). Of two companies a number that long shares no such prefix."""
    return (len(switchboard) >= 9 and 0 < len(number) - len(switchboard) <= extra_digits
            and number.startswith(switchboard))


def kind_of_e164(e164: str) -> str | None:
    """``normalize_phone(e164).kind`` (None when that is no number), without parsing again
    a number this module returned lately: its line type is its country code's and national
    number's, kept when its facts were worked out (survivorship ranks each record's number
    by it, just after the record was read)."""
    kind = _KIND_OF_E164.get(e164, "")  # "" = not known; a kind is None or a name
    if kind != "":
        return kind
    fields = _PHONES.get((e164, None))
    if fields is None and _PLAIN_E164.fullmatch(e164) and not e164.startswith("+52"):
        # What _parse_phone does with "+" and digits alone (no label, note, extension word
        # or Mexican prefix to take off first), the PhoneNumber aside
        found = _number(e164, None)
        if found is not None:
            return found[1]
    phone = normalize_phone(e164)
    return None if phone is None else phone.kind


def note_kind(e164: str, kind: str | None) -> None:
    """Keep the line type a normalized lead's number came with, for :func:`kind_of_e164` (a
    lead prepared in this process: its number is not parsed again to rank it)."""
    remember(_KIND_OF_E164, e164, kind)


#: An E.164 number as this module writes it, short enough for :func:`_parse_phone` to read.
_PLAIN_E164 = re.compile(r"\+[0-9]{1,398}")


def phone_region(e164: str) -> str | None:
    """The region of an E.164 number (None for non-geographic plans and unparsable text)."""
    known = _REGION_OF_E164.get(e164, "")  # "" = not known; a region is None or a code
    if isinstance(known, phonenumbers.PhoneNumber):
        # Worked out on first demand: for shared plans (+1, +7, +44) it is a search through
        # every region's patterns, and most leads name their country in the address.
        region = _region(known)
        _REGION_OF_E164[e164] = region
        return region
    if known != "":
        return known
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return None
    return _region(number)


#: Results per (raw, region) as the validated model's field values ("()": not a number);
#: facts per (country code, national significant number); for every E.164 this module
#: returned, its region or the parsed number to work it out from (so the lead's country needs
#: no third parse). A miss only costs recomputing.
_PHONES: OrderedDict[tuple[str, str | None],
                     tuple[str, str, str | None, str | None] | tuple[()]] = OrderedDict()
_FACTS: OrderedDict[tuple[int | None, str], _Facts] = OrderedDict()
_REGION_OF_E164: OrderedDict[str, str | None | phonenumbers.PhoneNumber] = OrderedDict()
#: The line type of every E.164 this module returned (see :func:`kind_of_e164`).
_KIND_OF_E164: OrderedDict[str, str | None] = OrderedDict()


def _facts(number: phonenumbers.PhoneNumber) -> _Facts:
    key = (number.country_code, phonenumbers.national_significant_number(number))
    facts = _FACTS.get(key)
    if facts is None:
        # Every check below reads only the country code and the national significant number.
        facts = remember(_FACTS, key, _compute_facts(number))
        if facts.e164 is not None:
            remember(_REGION_OF_E164, facts.e164, number)
            remember(_KIND_OF_E164, facts.e164, facts.kind)
    return facts


def _compute_facts(number: phonenumbers.PhoneNumber) -> _Facts:
    if not phonenumbers.is_possible_number(number):
        return _Facts(None, None)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    # number_type is UNKNOWN exactly when is_valid_number is False (same region, same helper).
    kind = phonenumbers.number_type(number)
    # A valid number without leading zeros is its E.164 form read back (a second parse, a
    # third of the time, is spent only on the rest); garbage such as "0/00000" formats to
    # something else.
    if (kind == PhoneNumberType.UNKNOWN or number.italian_leading_zero) and not _round_trips(
            e164):
        return _Facts(None, None)
    if kind == PhoneNumberType.UNKNOWN and (number.national_number or 0) < _SHORTEST_UNKNOWN:
        return _Facts(None, None)  # "Tel: 12" is no number, and must not become a match key
    if len(str(number.national_number)) < _SHORTEST_VALID.get(number.country_code or 0, 0):
        return _Facts(None, None)
    return _Facts(e164, _KINDS.get(kind))


def clear_caches() -> None:
    """Forget every memoized phone result (tests compare cold and warm runs)."""
    _FACTS.clear()
    _REGION_OF_E164.clear()
    _KIND_OF_E164.clear()
    _PHONES.clear()


def _region(number: phonenumbers.PhoneNumber) -> str | None:
    region = phonenumbers.region_code_for_number(number)
    return region if region and region != "001" else None


def _round_trips(e164: str) -> bool:
    try:
        again = phonenumbers.parse(e164, None)
    except NumberParseException:
        return False
    return (
        phonenumbers.is_possible_number(again)
        and phonenumbers.format_number(again, PhoneNumberFormat.E164) == e164
    )
