"""Names in Cyrillic, Greek and Hangul spelled in Latin letters, as English lists spell them.

A Russian list's "ООО «Ромашка»" is an English list's "Romashka LLC", a Greek list's "ΟΤΕ
Α.Ε." is "OTE S.A.": matching compares a company's name with its Latin spelling through the
spelling these tables give (Russian and Bulgarian after BGN/PCGN and Bulgaria's official
system, Ukrainian after its official system of 2010, Greek after ELOT 743, Korean after the
Revised Romanization). Lists use other systems too ("Sheremet'evo", "Himprom", "Juravl"):
those are a letter or two apart, which the name's spelled-alike level weighs.

Tables, no dependency: each script's letters are few, and a name is spelled once (memoized).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.text import hangul_romanized

_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Belarusian and Kazakh letters a Russian-language name may hold
    "і": "i", "ў": "w", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u",
    "ү": "u", "һ": "h",
}
_UKRAINIAN = {
    **_RUSSIAN, "г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "i",
    "й": "i", "ю": "iu", "я": "ia", "х": "kh", "щ": "shch", "ь": "", "'": "", "’": "",
}
#: Ukrainian's letters written otherwise at a word's start ("Євросіб" = "Yevrosib").
_UKRAINIAN_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_BULGARIAN = {**_RUSSIAN, "х": "h", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya"}
#: Letters only Ukrainian writes: a name holding one is Ukrainian wherever it is listed.
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_VOWELS = frozenset("аеёиоуыэюяіїєьъ")

_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}
#: Greek letter pairs spelled as one sound (ELOT 743): "ου" = "ou", "μπ" = "b" at a word's
#: start ("mp" inside), "ντ" = "d" at the start, "γγ" = "ng"; "αυ" and "ευ" are "av" and "ev"
#: ("af" and "ef" before a voiceless consonant).
_GREEK_PAIRS = {"ου": "ou", "γγ": "ng", "γξ": "nx", "γχ": "nch", "αυ": "av", "ευ": "ev",
                "ηυ": "iv"}
_GREEK_FIRST = {"μπ": "b", "ντ": "d", "γκ": "g"}
_GREEK_INSIDE = {"μπ": "mp", "ντ": "nt", "γκ": "nk"}
_VOICELESS = frozenset("θκξπστφχψ")

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_HANGUL = re.compile("[\uac00-\ud7af]")


def _cyrillic(text: str, country: str | None) -> tuple[str, ...]:
    lowered = text.lower()
    if country == "UA" or not _UKRAINIAN_LETTERS.isdisjoint(lowered):
        ukrainian = _spell_cyrillic(lowered, _UKRAINIAN, _UKRAINIAN_FIRST)
        if "г" in lowered:  # many Ukrainian companies kept the Russian spelling: Galnaftogaz
            return ukrainian, _spell_cyrillic(lowered.replace("г", "ґ"), _UKRAINIAN,
                                              _UKRAINIAN_FIRST)
        return (ukrainian,)
    if country == "BG":
        return (_spell_cyrillic(lowered, _BULGARIAN, {}),)
    return (_spell_cyrillic(lowered, _RUSSIAN, {}, russian=True),)


def _spell_cyrillic(text: str, table: dict[str, str], first: dict[str, str], *,
                    russian: bool = False) -> str:
    out: list[str] = []
    previous = " "
    for char in unicodedata.normalize("NFC", text):
        at_start = not previous.isalpha() and previous not in "'’"
        if at_start and char in first:
            out.append(first[char])
        elif russian and char in "её" and (at_start or previous in _VOWELS):
            out.append("ye" if char == "е" else "yo")  # "Евросиб", "Шереметьево" (BGN/PCGN)
        else:
            out.append(table.get(char, char))
        previous = char
    return "".join(out)


def _greek(text: str) -> str:
    # accents and breathings off (polytonic too: "Αὐτοκίνητα"), letters lower case; a
    # diaeresis keeps two vowels apart ("Αϊδίνης")
    letters = "".join(char for char in unicodedata.normalize("NFD", text.lower())
                      if char == "\u0308" or not unicodedata.combining(char))
    out: list[str] = []
    position = 0
    while position < len(letters):
        pair = letters[position:position + 2]
        at_start = position == 0 or not letters[position - 1].isalpha()
        if len(pair) == 2 and pair[1] == "\u0308":  # ϊ, ϋ: no diphthong
            out.append(_GREEK.get(pair[0], pair[0]))
            position += 2
            continue
        if letters[position + 2:position + 3] == "\u0308":  # αϋ, οϋ: the ϋ is a vowel of its own
            out.append(_GREEK.get(pair[0], pair[0]))
            position += 1
            continue
        spelled = (_GREEK_FIRST if at_start else _GREEK_INSIDE).get(pair) or _GREEK_PAIRS.get(
            pair)
        if spelled is not None:
            if pair in ("αυ", "ευ", "ηυ") and letters[position + 2:position + 3] in _VOICELESS:
                spelled = spelled[0] + "f"
            out.append(spelled)
            position += 2
            continue
        out.append(_GREEK.get(pair[0], pair[0]))
        position += 1
    return unicodedata.normalize("NFC", "".join(out))


def _hangul(text: str) -> str:
    # syllable by syllable, word by word; other characters stay ("(주)" is off already)
    return " ".join(hangul_romanized(word) if _HANGUL.search(word) else word
                    for word in text.split())


@lru_cache(maxsize=CACHE_SIZE)
def romanized(text: str, country: str | None = None) -> tuple[str, ...]:
    """``text``'s Latin spellings when it is written in Cyrillic, Greek or Hangul ("Ромашка" ->
    ("romashka",), "ΟΤΕ" -> ("ote",), "카카오" -> ("kakao",)), else (). A Cyrillic name is
    read as Ukrainian in Ukraine or when it holds a letter only Ukrainian has (and then spelled
    with "g" too, as companies kept their Russian spelling: Галнафтогаз = Halnaftohaz =
    Galnaftogaz), as Bulgarian in Bulgaria, else as Russian."""
    if text.isascii():
        return ()
    spellings: tuple[str, ...] = ()
    if _CYRILLIC.search(text):
        spellings = _cyrillic(text, country)
    elif _GREEK_LETTER.search(text):
        spellings = (_greek(text),)
    elif _HANGUL.search(text):
        spellings = (_hangul(text),)
    return tuple(spelling for spelling in spellings if spelling.isascii() or any(
        char.isascii() and char.isalpha() for char in spelling))


#: What transliteration systems write differently, each as one spelling: "kh" and "h" (Химпром:
#: Khimprom, Himprom), "zh" and "j" (Журавль: Zhuravl, Juravl), "y", "i" and "j" (Yandex,
#: Iandeks), "ye" and "e" after a soft sign (Sheremetyevo, Sheremet'evo), "ks" and "x", "c"
#: and "k" (Rostelecom, Rostelekom), "ph" and "f", "ou" and "u", Greek "ai" as "e"
#: (Mytilinaios, Mytilineos), letters written twice (Tinkoff, Tinkof).
_SKELETON_STEPS = (("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("zh", "j"), ("ch", "\x00"),
                   ("ck", "k"), ("c", "k"), ("\x00", "ch"), ("ph", "f"), ("w", "v"),
                   ("x", "ks"), ("y", "i"), ("j", "i"), ("ie", "e"), ("ai", "e"), ("ou", "u"))
_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=CACHE_SIZE)
def latin_skeleton(key: str) -> str:
    """A Latin name key as transliteration systems all spell it ("sheremet'evo kargo" and
    "sheremetyevo cargo": "sheremetevo kargo"): see :data:`_SKELETON_STEPS`."""
    for old, new in _SKELETON_STEPS:
        if old in key:
            key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


def spelled_in_latin(key: str, latin: str) -> bool:
    """Whether ``latin``, a Latin name key, spells ``key``, a name key in Cyrillic, Greek or
    Hangul, in some transliteration system ("химпром" and "himprom", "μυτιληναιος" and
    "mytilineos", "яндекс" and "yandex")."""
    skeleton = latin_skeleton(latin)
    return any(latin_skeleton(spelling) == skeleton for spelling in romanized(key))
