"""Job titles and person names, by the rules in ``titles.yaml`` (used by the website enrichment
and by imports that give a contact's position).

A title is a decision maker's when a ``decision_maker`` rule matches and no ``exclude`` rule does
("Assistant to the Managing Director" is not the managing director).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from leadgen.normalize.text import simplified_chinese

TITLES_FILE = Path(__file__).with_name("titles.yaml")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_NAME_PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "ter", "ten",
    "dos", "das", "zu", "y", "bin", "al", "st.",
}
_HONORIFICS = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|prof|herr|frau|dipl\.-\w+|ing|mag|mgr|ir|drs|sr|sra|m|mme)\.?\s+",
    re.I,
)
_LATIN_TOKEN = re.compile(
    r"^[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ſ'’\-]+\.?$|^[A-Z]\.$"
    r"|^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+$"  # names set in capitals: "MAX MÜLLER"
)


@dataclass(frozen=True)
class TitleRules:
    """Compiled title rules."""

    exclude: tuple[re.Pattern[str], ...]
    decision_maker: tuple[re.Pattern[str], ...]
    title_words: tuple[re.Pattern[str], ...]
    cjk_surnames: frozenset[str]
    not_name_words: frozenset[str]


def _compile(pattern: str) -> re.Pattern[str]:
    # Latin patterns match whole words; CJK has no word boundaries to lean on.
    if _CJK.search(pattern):
        return re.compile(pattern, re.I)
    return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.I)


@cache
def load_rules(path: Path = TITLES_FILE) -> TitleRules:
    """The title rules of ``titles.yaml``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return TitleRules(
        exclude=tuple(_compile(p) for p in data["exclude"]),
        decision_maker=tuple(_compile(p) for p in data["decision_maker"]),
        title_words=tuple(_compile(p) for p in data["title_words"]),
        cjk_surnames=frozenset(data["cjk_surnames"].replace(" ", "")),
        not_name_words=frozenset(data["not_name_words"].lower().split()),
    )


def is_decision_maker(title: str | None) -> bool:
    """True when the title says the person can decide a purchase (CEO, Inhaber, 采购经理...)."""
    if not title:
        return False
    rules = load_rules()
    readings = _readings(title)
    if any(p.search(text) for p in rules.exclude for text in readings):
        return False
    return any(p.search(text) for p in rules.decision_maker for text in readings)


def _readings(title: str) -> tuple[str, ...]:
    """The title as written and, when it differs, in simplified Chinese characters (總經理 on
    a Taiwanese list is 总经理; 代表取締役 is Japanese as written)."""
    simplified = simplified_chinese(title)
    return (title,) if simplified == title else (title, simplified)


def looks_like_title(text: str) -> bool:
    """True when a short text reads as a job title (any rule: decision maker or not)."""
    text = text.strip(" :：-–—|,")
    if not text or len(text) > 60 or "@" in text or re.search(r"\d|\w['’′]s\b", text):
        return False
    rules = load_rules()
    return any(p.search(reading) for p in rules.decision_maker + rules.title_words + rules.exclude
               for reading in _readings(text))


def clean_person_name(text: str) -> str | None:
    """The name if ``text`` reads as a person's name ("Dr. Anna Weber" → "Anna Weber")."""
    text = " ".join(text.split()).strip(" ,;:|-–—·•")
    if not text or len(text) > 50:
        return None
    if _CJK.search(text):
        return text if _is_cjk_name(text) else None
    text = _HONORIFICS.sub("", text)
    text = _HONORIFICS.sub("", text)
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return None
    if looks_like_title(text):
        return None
    if any(token.lower() in load_rules().not_name_words for token in tokens):
        return None
    words = [t for t in tokens if t.lower() not in _NAME_PARTICLES]
    if len(words) < 2 or not all(_LATIN_TOKEN.match(t) for t in words):
        return None
    capitals = [t.isupper() and len(t.rstrip(".")) > 1 for t in words]
    if any(capitals) and not all(capitals):
        return None  # "LCD Sign Display": an acronym in a product name, not a person
    return text


def _is_cjk_name(text: str) -> bool:
    compact = text.replace(" ", "").replace("·", "")
    if not 2 <= len(compact) <= 4 or not all(_CJK.match(ch) for ch in compact):
        return False
    if looks_like_title(compact) or looks_like_title(compact[1:]):
        return False  # 董事长 starts with the family name 董 but is a title
    return compact[0] in load_rules().cjk_surnames
