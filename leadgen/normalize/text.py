"""Text folding shared by the name and address normalizers."""

from __future__ import annotations

import html
import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from leadgen.normalize.memo import CACHE_SIZE

# Letters NFKD does not split into base + accent.
_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "＆": "&",
})
#: One of them (a search is several times faster than a translation that finds none).
_ANY_SPECIAL = re.compile(f"[{re.escape(''.join(map(chr, _SPECIAL)))}]")
#: Only Latin, Greek and Cyrillic letters lose their accents (below U+0530, and Latin and Greek
#: Extended from U+1E00: Vietnamese "ữ"); in Hebrew, Arabic, Indic, Thai, Khmer or CJK text
#: a mark is part of the letter: "टाटा" without its vowel signs is "टट".
_FOLDED_LIMIT = 0x0530
_FOLDED_EXTENDED = range(0x1E00, 0x2000)
#: A character outside those ranges: text without one is folded whole, not letter by letter.
_NOT_FOLDED = re.compile("[\u0530-\u1dff\u2000-\U0010ffff]")
#: The combining marks of the folded ranges dropped (all their letters' NFKD forms hold), and
#: :data:`_SPECIAL`'s letters spelled out.
_UNMARKED_SPECIAL = {
    **{code: None for code in [*range(_FOLDED_LIMIT), *_FOLDED_EXTENDED]
       if unicodedata.combining(chr(code))},
    **_SPECIAL}
#: Combining marks of scripts that are not folded (vowel signs, viramas, tone marks): not
#: punctuation, though ``\w`` does not match them.
_MARKS = ("\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0963"
          "\u0966-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff")
_PUNCT_DROP = re.compile(r"['.]")
_PUNCT_SPACE = re.compile(rf"[^\w\s&{_MARKS}]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")


#: German umlauts as written without them ("Müller" is also spelled "Mueller").
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          # Danish and Norwegian letters, as ASCII lists write them
                          "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa", "æ": "ae", "Æ": "Ae"})


def spell_out_umlauts(text: str) -> str | None:
    """``text`` with German umlauts and Danish and Norwegian letters written out ("Müller" ->
    "Mueller", "Møller" -> "Moeller", "Ålborg" -> "Aalborg"), or None when it has none.
    Folding alone gives "muller", which a German list may spell "Mueller"."""
    if text.isascii():
        return None
    composed = unicodedata.normalize("NFC", text)  # "u" + combining diaeresis is "ü" too
    spelled = composed.translate(_UMLAUTS)
    return spelled if spelled != composed else None


def contract_umlauts(key: str) -> str:
    """A folded key with written-out umlauts contracted ("muenchen" -> "munchen"), as folding
    writes "München": one key for both spellings. Harmless where "ae", "oe" or "ue" were no
    umlaut ("soest" -> "sost"): both sides of a comparison are contracted alike."""
    if "e" not in key:
        return key
    return key.replace("ae", "a").replace("oe", "o").replace("ue", "u")


#: Characters text copied from a web page carries that show nothing: a soft hyphen, zero-width
#: spaces (some sites put them inside e-mail addresses against harvesters), direction marks,
#: a byte order mark.
_INVISIBLE_CHARS = "\u00ad\u200b\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"
_INVISIBLE = str.maketrans("", "", _INVISIBLE_CHARS)
#: One of them (a search is several times faster than a translation that finds none).
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
#: An HTML entity: "&amp;", "&szlig;", "&#038;", "&#x26;".
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#[xX][0-9A-Fa-f]+);")


#: An HTML tag: "<b>", "</b>", "<br>", '<a href="...">'.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def without_tags(text: str) -> str:
    """``text`` with each HTML tag as a space ("<b>Acme GmbH</b>", "www.acme.de<br>")."""
    return _TAG.sub(" ", text) if "<" in text else text


def plain_text(text: str) -> str:
    """``text`` without invisible characters, its HTML entities read ("Stra&szlig;e" ->
    "Straße", "&amp;amp;" escaped twice -> "&")."""
    if not text.isascii() and _ANY_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(html.unescape(text))
    return text


def clean_spaces(text: str) -> str:
    """NFKC (full-width to half-width) and single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


@lru_cache(maxsize=1)
def _simplified() -> dict[int, str]:
    """Traditional Chinese characters -> their simplified forms (OpenCC's character table,
    shipped with opencc-python-reimplemented; read from the file, nothing downloaded)."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("opencc-python-reimplemented is not installed")
    table = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "TSCharacters.txt"
    mapping: dict[int, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        if len(traditional) == 1 and simplified:
            mapping[ord(traditional)] = simplified.split()[0]
    return mapping


def simplified_chinese(text: str) -> str:
    """``text`` with traditional Chinese characters in their simplified form: 華為技術 ->
    华为技术 (a company on a Taiwanese or Hong Kong list and on a mainland one)."""
    return text.translate(_simplified()) if has_cjk(text) else text


def fold(text: str) -> str:
    """Case-fold and strip accents from Latin, Greek and Cyrillic letters; other scripts
    (CJK, Hangul, Indic, Thai, Arabic) keep their marks; traditional Chinese characters
    become simplified ones."""
    if text.isascii():
        return text.lower().replace("`", "'")  # (the one ASCII letter of _SPECIAL)
    text = simplified_chinese(unicodedata.normalize("NFKC", text))
    if _ANY_SPECIAL.search(text):
        text = text.translate(_SPECIAL)
    text = text.casefold()
    if text.isascii():  # "straße" is "strasse" now
        return text.replace("`", "'")
    if _NOT_FOLDED.search(text) is None:  # Latin, Greek, Cyrillic only: NFKD of the whole
        return unicodedata.normalize("NFKD", text).translate(_UNMARKED_SPECIAL)
    out = []
    for char in text:
        if ord(char) < _FOLDED_LIMIT or ord(char) in _FOLDED_EXTENDED:
            for part in unicodedata.normalize("NFKD", char):
                if not unicodedata.combining(part):
                    out.append(part)
        else:
            out.append(char)
    return "".join(out).translate(_SPECIAL)


def key_tokens(text: str) -> list[str]:
    """Folded tokens with punctuation removed: apostrophes and dots join, the rest split."""
    text = fold(text)
    if text.isalnum():
        return [text]
    text = _PUNCT_DROP.sub("", text)
    text = _PUNCT_SPACE.sub(" ", text)
    return text.split()


_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]")


_HANGUL = re.compile("[\uac00-\ud7af]")


def has_hangul(text: str) -> bool:
    """True when ``text`` holds Korean letters (Hangul)."""
    return not text.isascii() and _HANGUL.search(text) is not None


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Chinese, Japanese or Korean characters."""
    return not text.isascii() and _CJK.search(text) is not None


#: Scripts other than Latin that company names are written in, each by a character range.
_SCRIPTS = (("arabic", re.compile("[\u0600-\u06ff\u0750-\u077f]")),
            ("cyrillic", re.compile("[\u0400-\u04ff]")), ("greek", re.compile("[\u0370-\u03ff]")),
            ("hebrew", re.compile("[\u0590-\u05ff]")), ("thai", re.compile("[\u0e00-\u0e7f]")),
            ("indic", re.compile("[\u0900-\u0dff]")))


def script_of(text: str) -> str:
    """The script ``text`` is written in: "cjk", "arabic", "cyrillic", "greek", "hebrew",
    "thai", "indic" (Devanagari to Sinhala), else "latin" ("مجموعة الفطيم" and "Al-Futtaim
    Group" are one name in two scripts, which no string comparison can tell)."""
    if text.isascii():
        return "latin"
    if _CJK.search(text):
        return "cjk"
    return next((name for name, pattern in _SCRIPTS if pattern.search(text)), "latin")


#: Revised Romanization of Korean: a syllable's initial consonant, vowel and final consonant
#: (the Unicode order of Hangul's letters).
_KR_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_KR_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_KR_FINALS = ["", *"k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()]


def hangul_romanized(text: str) -> str:
    """Hangul in the Revised Romanization, syllable by syllable ("수원" -> "suwon", "성남" ->
    "seongnam", "의정부" -> "uijeongbu"), as Korean towns are spelled in English; a ㄹ after
    a final ㄹ is "l" ("울릉" -> "ulleung"). Other characters are left out."""
    out: list[str] = []
    final = 0
    for char in text:
        index = ord(char) - 0xAC00
        if not 0 <= index < 11172:
            final = 0
            continue
        initial, vowel = index // 588, index % 588 // 28
        out.append("l" if initial == 5 and final == 8 else _KR_INITIALS[initial].strip("-"))
        final = index % 28
        out.append(_KR_VOWELS[vowel] + _KR_FINALS[final])
    return "".join(out)


@lru_cache(maxsize=CACHE_SIZE)
def pinyin_syllables(text: str) -> tuple[str, ...]:
    """Han characters as toneless pinyin syllables (phrase-aware: 成都 -> cheng du).

    Other characters are dropped; Latin letters pass through as lower-case words.
    """
    from pypinyin import lazy_pinyin

    out: list[str] = []
    keep_as_is: Any = lambda chars: [chars]  # noqa: E731 - pypinyin accepts a list here
    for part in lazy_pinyin(text, errors=keep_as_is):
        for word in key_tokens(part):
            if word.isascii():
                out.append(word)
    return tuple(out)


@lru_cache(maxsize=1)
def _pinyin_syllable_set() -> frozenset[str]:
    """Every toneless pinyin syllable (from pypinyin's bundled dictionary, read once)."""
    from pypinyin.pinyin_dict import pinyin_dict

    syllables: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            syllables.add("".join(char for char in unicodedata.normalize("NFKD", reading)
                                  if not unicodedata.combining(char)))
    return frozenset(syllables)


@lru_cache(maxsize=CACHE_SIZE)
def pinyin_word_length(word: str) -> int:
    """How many pinyin syllables spell ``word`` whole ("zhongguang": 2), fewest first; 0 when
    it is no pinyin ("food")."""
    syllables = _pinyin_syllable_set()
    best = [0] + [-1] * len(word)  # best[i]: fewest syllables spelling word[:i]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] >= 0 and word[start:end] in syllables and (
                    best[end] < 0 or best[start] + 1 < best[end]):
                best[end] = best[start] + 1
    return max(best[-1], 0)
