"""Company facts on a website: description, language, founding year, employees, ICP licence.

Each finder takes what the page offers, best source first: schema.org, then meta tags, then the
visible text, and says where its value came from.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lxml import etree

#: Chinese ICP filing or licence number: 京ICP备12345678号-1, 浙ICP证B2-20080001号.
ICP = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s*ICP\s*[备證证]"
    r"\s*[A-Z0-9\-]*\d{5,}\s*号?(?:\s*[-－]\s*\d+)?",
    re.I,
)
_YEAR = r"(1[6-9]\d\d|20[0-4]\d)"
FOUNDED = (
    re.compile(rf"(?:founded|established|incorporated|since|est\.?)\s*(?:in\s*)?:?\s*{_YEAR}",
               re.I),
    re.compile(
        rf"(?:gegründet|gegruendet|seit|gründungsjahr)\s*(?:im jahr(?:e)?\s*)?:?\s*{_YEAR}", re.I
    ),
    re.compile(rf"(?:opgericht|sinds)\s*(?:in\s*)?:?\s*{_YEAR}", re.I),
    re.compile(rf"(?:fundad[ao]|desde|fondée?|depuis|fondata|dal|założon[ay]|od roku|založen[ao]?)"
               rf"\s*(?:en|in|el año|nel|w|v roce)?\s*:?\s*{_YEAR}", re.I),
    re.compile(rf"(?:成立于|始建于|创立于|创建于|成立时间[:：]?)\s*{_YEAR}\s*年?"),
    re.compile(rf"{_YEAR}\s*年\s*(?:成立|创立|创建|设立|創業|設立)"),
)
EMPLOYEES = (
    re.compile(r"(\d[\d.,\s]{0,7})\+?\s*(?:employees|staff|people|members of staff|team members)",
               re.I),
    re.compile(r"(?:employees|staff|headcount)\s*[:：]\s*(\d[\d.,\s]{0,7})", re.I),
    re.compile(r"(\d[\d.,\s]{0,7})\+?\s*(?:mitarbeiter(?:innen)?|beschäftigte|angestellte)", re.I),
    re.compile(r"(\d[\d.,\s]{0,7})\+?\s*(?:medewerkers|werknemers|empleados|trabajadores|"
               r"salariés|employés|dipendenti|pracowników|zaměstnanců)", re.I),
    re.compile(r"(?:员工|职工|员工人数|在职员工|現有員工)\s*[:：]?\s*(\d[\d,]{0,6})\s*(?:多|余)?\s*(?:人|名)"),
    re.compile(r"(\d[\d,]{0,6})\s*(?:多|余)?\s*名?\s*(?:员工|职工|名员工)"),
)
_STOPWORDS = {
    "de": "und der die das mit für wir sie ist nicht auf ihre unsere bei von zu den",
    "en": "and the with for we you our are is not from your to of in",
    "nl": "en het een van voor wij zijn met onze niet ook op uw bij",
    "es": "y el la los las con para nosotros somos es nuestra nuestros de en por",
    "fr": "et le la les avec pour nous sommes est notre nos des une dans",
    "it": "e il la con per noi siamo è nostra nostri della dei una",
    "pl": "i w z na dla jest nasze oraz się do że nie firma",
    "cs": "a v s na pro je naše jsou se do že firma také",
}
_STOPWORD_SETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}


def description(root: etree._Element, structured: str | None, lines: list[str]) -> tuple[
        str | None, str]:
    """A short description: meta description, OpenGraph, schema.org, or the first paragraph."""
    for xpath, source in (
        ("//meta[translate(@name,'DESCRIPTION','description')='description']/@content",
         "meta description"),
        ("//meta[@property='og:description']/@content", "og:description"),
    ):
        values = [v.strip() for v in root.xpath(xpath) if isinstance(v, str) and v.strip()]
        if values and len(values[0]) >= 20:
            return _shorten(values[0]), source
    if structured and len(structured) >= 20:
        return _shorten(structured), "schema.org description"
    for text in lines:
        if len(text) >= 80 and not re.search(r"cookie|javascript|©|copyright", text, re.I):
            return _shorten(text), "first paragraph"
    return None, ""


def _shorten(text: str, limit: int = 500) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def language(root: etree._Element, text: str) -> tuple[str | None, str]:
    """The page language: ``<html lang>``, else guessed from its script and common words."""
    declared = root.get("lang") or root.get("xml:lang")
    if declared and re.match(r"^[a-zA-Z]{2,3}\b", declared.strip()):
        return declared.strip()[:2].lower(), "html lang"
    sample = text[:20_000]
    han = len(re.findall(r"[\u4e00-\u9fff]", sample))
    kana = len(re.findall(r"[\u3040-\u30ff]", sample))
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", sample))
    if kana > 20:
        return "ja", "script"
    if han > 50:
        return "zh", "script"
    if cyrillic > 50:
        return "ru", "script"
    words = re.findall(r"[a-zà-ÿąćęłńóśźżčďěňřšťůž]+", sample.lower())
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORD_SETS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return (best, "common words") if counts[best] >= 5 else (None, "")


def founded_year(text: str, structured: Any = None) -> tuple[int | None, str]:
    """The founding year from schema.org ``foundingDate`` or phrases ("gegründet 1982")."""
    if structured:
        match = re.search(_YEAR, str(structured))
        if match:
            return int(match.group(1)), "schema.org foundingDate"
    for pattern in FOUNDED:
        match = pattern.search(text)
        if match and int(match.group(1)) <= date.today().year:
            return int(match.group(1)), "text"
    return None, ""


def employees(text: str, structured: Any = None) -> tuple[int | None, str]:
    """Employee count from schema.org ``numberOfEmployees`` or phrases ("250 Mitarbeiter")."""
    if isinstance(structured, dict):
        structured = structured.get("value") or structured.get("maxValue")
    if structured is not None:
        number = _to_int(str(structured))
        if number:
            return number, "schema.org numberOfEmployees"
    for pattern in EMPLOYEES:
        for match in pattern.finditer(text):
            number = _to_int(match.group(1))
            if number and 1 <= number <= 2_000_000 and not 1600 <= number <= 2100:
                return number, "text"
    return None, ""


def _to_int(raw: str) -> int | None:
    digits = re.sub(r"[\s.,]", "", raw)
    return int(digits) if digits.isdigit() else None


def icp_licence(text: str) -> str | None:
    """The ICP filing/licence number of a Chinese site ("京ICP备12345678号")."""
    match = ICP.search(text)
    return re.sub(r"\s+", "", match.group(0)) if match else None
