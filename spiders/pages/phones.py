"""Phone and fax numbers in visible text, found with phonenumbers' matcher and a region hint.

phonenumbers validates each candidate against the region's numbering plan, so dates, prices,
order numbers and model codes are not taken for phones. On top of that we refuse numbers that a
registry label introduces (VAT, ICP licence, IBAN, KRS...) and numbers glued to letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers

from leadgen.normalize.website import domain_parts

_FAX_LABEL = re.compile(r"(?:tele)?fax|факс|传真|傳真|ファックス|ファクス|faks", re.IGNORECASE)
_PHONE_LABEL = re.compile(
    r"tel(?:efon|ephone|éfono|efone|\.)?|phone|call|fon|mobil[e]?|handy|gsm|hotline|"
    r"telefoon|телефон|тел\.?|电话|電話|手机|座机|热线|☎|📞",
    re.IGNORECASE,
)
#: Labels of numbers that are not phones (tax and company registries, banks, licences).
_NOT_PHONE_LABEL = re.compile(
    r"(?:\b(?:ICP|NIP|REGON|KRS|I[ČC]O?|DI[ČC]|VAT|USt|UID|IBAN|BIC|SWIFT|ABN|ACN|EIN|SIRE[NT]|"
    r"KvK|BTW|HRB|HRA|CIF|NIF|ИНН|ОГРН|КПП|P\.?IVA|Steuer|Konto|account|acct|order|invoice|"
    r"Bestell|zip|postal|PLZ|ISBN|SKU|Art\.?-?Nr|QQ|ICQ|Skype|Ref)\b|备|號|号|编号|邮编|郵編|"
    r"微信|代码|注册号|税号|账号|帐号|开户行)[\s.:：#-]*$",
    re.IGNORECASE,
)
_ENDS_WITH_LABEL = re.compile(
    r"(?:" + _PHONE_LABEL.pattern + "|" + _FAX_LABEL.pattern + r")$", re.IGNORECASE
)
_PHONE_AND_FAX = re.compile(
    r"(?:tel(?:efon|ephone)?|phone|电话)\.?\s*(?:/|&|\+|und|and|et|y|i|или|和)\s*(?:tele)?fax"
    r"\.?\s*[:：]?\s*$",
    re.IGNORECASE,
)
#: Dates and times that a national numbering plan may accept as digits.
_DATE_LIKE = re.compile(
    r"^\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?:\s+\d{1,2}(?::\d{2})?)?$|"
    r"^\d{4}[./-]\d{1,2}[./-]\d{1,2}(?:\s+\d{1,2})?$|^\d{1,2}:\d{2}"
)
_HAS_DATE = re.compile(
    r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:^|\D)(?:19|20)\d{2}\s?[-–/]\s?(?:19|20)?\d{2}(?:\D|$)|"
    r"/(?:19|20)\d{2}\b"
)
#: An extension written after a dash (German "Durchwahl"): "+49 89 123 45 – 0".
_DASH_EXTENSION = re.compile(r"^\s?[-–—]\s?\d{1,4}(?!\d)")

#: Country-code TLDs that are not the country's own region code.
_TLD_REGION = {"uk": "GB", "su": "RU", "eu": None}
#: Country TLDs mostly bought for their letters, not their country.
_GENERIC_CCTLDS = {
    "nu", "io", "co", "tv", "me", "ai", "ly", "fm", "cc", "ws", "gg", "to", "am", "im", "la",
    "sh", "ac", "so", "vc", "gd",
}
_LANG_REGION = {
    "en": "US", "de": "DE", "nl": "NL", "cs": "CZ", "pl": "PL", "ru": "RU", "zh": "CN",
    "ja": "JP", "fr": "FR", "it": "IT", "es": "ES", "pt": "PT", "sv": "SE", "da": "DK",
    "fi": "FI", "nb": "NO", "no": "NO", "el": "GR", "tr": "TR", "hu": "HU", "sk": "SK",
    "sl": "SI", "ro": "RO", "bg": "BG", "uk": "UA", "ko": "KR", "he": "IL", "ar": "AE",
}


@dataclass
class FoundPhone:
    """A phone or fax number as printed, with its E.164 form."""

    raw: str
    e164: str
    fax: bool
    start: int


def _script_region(text: str) -> str | None:
    """A default region from the page's writing system (CJK, Cyrillic, Greek...)."""
    counts = {
        "JP": len(re.findall(r"[\u3040-\u30ff]", text)),
        "KR": len(re.findall(r"[\uac00-\ud7af]", text)),
        "CN": len(re.findall(r"[\u4e00-\u9fff]", text)),
        "RU": len(re.findall(r"[\u0400-\u04ff]", text)),
        "GR": len(re.findall(r"[\u0370-\u03ff]", text)),
    }
    region, count = max(counts.items(), key=lambda item: item[1])
    if count < 20:
        return None
    return "JP" if counts["JP"] >= 20 else region


_STOPWORDS = {
    "DE": {"und", "der", "die", "das", "nicht", "mit", "für", "ist", "sie", "wir"},
    "FR": {"et", "les", "des", "pour", "est", "nous", "une", "dans", "avec", "vous"},
    "ES": {"y", "los", "las", "para", "con", "una", "por", "nuestro", "más", "del"},
    "IT": {"il", "della", "per", "con", "che", "sono", "una", "gli", "nostro", "delle"},
    "NL": {"het", "een", "van", "en", "voor", "met", "wij", "niet", "onze", "zijn"},
    "PL": {"się", "nie", "jest", "oraz", "dla", "przez", "jak", "nasz", "który", "lub"},
    "CZ": {"je", "se", "pro", "jsou", "jako", "nebo", "které", "naše", "také", "při"},
    "PT": {"os", "para", "com", "uma", "não", "são", "nosso", "mais", "pelo", "também"},
}


def _language_region(text: str) -> str | None:
    """A region from the page's most frequent function words, when ``lang`` is missing."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 30:
        return None
    counts = {region: sum(1 for w in words if w in stop) for region, stop in _STOPWORDS.items()}
    region, count = max(counts.items(), key=lambda item: item[1])
    return region if count >= max(8, len(words) // 40) else None


def region_candidates(
    url: str | None, lang: str | None = None, text: str = "", extra: Sequence[str] = ()
) -> list[str]:
    """Plausible phone regions for a page: country TLD, language, writing system, then US."""
    out: list[str] = []
    if url:
        suffix = domain_parts(url).suffix.rsplit(".", 1)[-1].lower()
        if len(suffix) == 2 and suffix.isalpha() and suffix not in _GENERIC_CCTLDS:
            region = _TLD_REGION.get(suffix, suffix.upper())
            if region and region in phonenumbers.SUPPORTED_REGIONS:
                out.append(region)
    if lang:
        parts = re.split(r"[-_]", lang.lower())
        if len(parts) > 1 and parts[1].upper() in phonenumbers.SUPPORTED_REGIONS:
            out.append(parts[1].upper())
        if parts[0] in _LANG_REGION:
            out.append(_LANG_REGION[parts[0]])
    script = _script_region(text) if text else None
    if script:
        out.append(script)
    if text and not lang:
        guessed = _language_region(text)
        if guessed:
            out.append(guessed)
    out += [r for r in extra if r in phonenumbers.SUPPORTED_REGIONS]
    out.append("US")
    return list(dict.fromkeys(out))


def region_for(
    url: str | None,
    lang: str | None = None,
    hint: str | None = None,
    text: str = "",
    countries: Sequence[str] = (),
) -> str:
    """The region to read national numbers with: the hint, else the candidate region (TLD,
    language, script, ``countries`` named in addresses, US) under which the page's text holds
    the most valid numbers; ties go to the earlier candidate."""
    if hint:
        return hint.upper()
    candidates = region_candidates(url, lang, text, countries)
    if len(candidates) == 1 or not text:
        return candidates[0]
    sample = text[:200_000]
    best, best_count = candidates[0], -1
    for region in candidates:
        count = sum(1 for _ in phonenumbers.PhoneNumberMatcher(sample, region))
        if count > best_count:
            best, best_count = region, count
    return best


def e164(raw: str, region: str) -> str | None:
    """E.164 form of a printed number, or None when it is not a valid number."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _is_fax(prefix: str) -> bool:
    """Is the nearest label before a number a fax label (and not a phone label after it)?"""
    if _PHONE_AND_FAX.search(prefix):
        return False  # "Tel./Fax: ..." one number for both: a person can call it
    fax = [m.end() for m in _FAX_LABEL.finditer(prefix)]
    if not fax:
        return False
    phone = [m.end() for m in _PHONE_LABEL.finditer(prefix)]
    return not phone or max(fax) >= max(phone)


def find_phones(text: str, region: str, fax_context: bool = False) -> list[FoundPhone]:
    """Phone and fax numbers in one line of text, as printed, label-aware."""
    found: list[FoundPhone] = []
    if not any(ch.isdigit() for ch in text):
        return found
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        start, end = match.start, match.end
        before = text[max(0, start - 24) : start]
        if before and before[-1].isalnum() and not _ENDS_WITH_LABEL.search(before):
            continue  # glued to a word: a code, not a phone ("ICP备16000187", "ABC12345678")
        if _NOT_PHONE_LABEL.search(before):
            continue
        after = text[end : end + 2]
        if after[:1] and (after[:1].isalpha() and after[:1] not in "xX*"):
            continue
        if after[:1] in ("号", "號"):
            continue
        raw = match.raw_string
        if re.search(r"[^\d\s()+\-./–—xX*#]", raw.replace("ext", "")):
            continue  # "169 · 70091": a house number and a postal code joined by a separator
        extension = _DASH_EXTENSION.match(text[end:])
        if extension and match.number.extension is None:
            raw = raw + extension.group(0)
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 7 or _DATE_LIKE.match(raw.strip()) or _HAS_DATE.search(raw):
            continue
        if raw.strip().isdigit() and len(digits) > 10 and not _ENDS_WITH_LABEL.search(
            text[max(0, start - 25) : start].rstrip(" :：.")
        ):
            continue  # a long digit run without a phone label: an article number, an EAN
        if re.match(r"^[\d:.\s]*$", text[end : end + 4]) and re.match(r"^:\d", text[end:]):
            continue  # "30.12.2015 23:45": a timestamp
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        label_zone = text[max(0, start - 40) : start]
        # A label on this line wins; a fax label on the line above counts only without one.
        is_fax = _is_fax(label_zone) or (fax_context and not _PHONE_LABEL.search(label_zone))
        found.append(FoundPhone(raw.strip(), number, is_fax, start))
    return found
