"""Names in Cyrillic, Greek, Hangul and kana spelled in Latin letters, as English lists spell them.

A Russian list's "ООО «Ромашка»" is an English list's "Romashka LLC", a Greek list's "ΟΤΕ
Α.Ε." is "OTE S.A.": matching compares a company's name with its Latin spelling through the
spelling these tables give (Russian and Bulgarian after BGN/PCGN and Bulgaria's official
system, Ukrainian after its official system of 2010, Greek after ELOT 743, Korean after the
Revised Romanization, Japanese katakana and hiragana after modified Hepburn, the long mark
left out as English lists do: "ソニー" = "soni"). Lists use other systems too
("Sheremet'evo", "Himprom", "Juravl"): those are a letter or two apart, which the name's
spelled-alike level weighs. A Japanese name holding kanji is not romanized: kanji are read
by the word, which takes a dictionary.

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
#: Serbian and Macedonian Cyrillic as their Latin alphabets write it, diacritics left out as
#: lists leave them ("Нафтна индустрија Србије" = "Naftna Industrija Srbije", "Љубљана" =
#: "Ljubljana"; "ћ" and "ч" both "c", "ђ" "dj").
_SERBIAN = {**_RUSSIAN, "х": "h", "ц": "c", "ч": "c", "ш": "s", "ж": "z", "ј": "j",
            "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj",
            "ѕ": "dz"}
#: Letters only Serbian and Macedonian write among these alphabets.
_SERBIAN_LETTERS = frozenset("јљњћђџѓќѕ")
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

#: Modified Hepburn for katakana (hiragana is read as katakana): each letter's syllable.
_KANA = dict(zip(
    "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノ"
    "ハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヰヱヲンヴ"
    "ァィゥェォャュョヮヵヶヷヸヹヺ",
    "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te "
    "to da ji zu de do na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi "
    "mu me mo ya yu yo ra ri ru re ro wa i e o n vu a i u e o ya yu yo wa ka ke va vi ve "
    "vo".split(), strict=True))
#: A letter's consonant before a small vowel (ファ fa, ティ ti, ウィ wi, シェ she, ヴォ vo) or a
#: small ャ, ュ, ョ (シャ sha, テュ tyu, フュ fyu); other letters drop their vowel (キャ kya).
_KANA_CONSONANT = {"シ": "sh", "チ": "ch", "ジ": "j", "ヂ": "j", "ツ": "ts", "フ": "f",
                   "ヴ": "v", "ウ": "w", "イ": "y", "テ": "t", "デ": "d", "ト": "t", "ド": "d",
                   "ク": "kw", "グ": "gw"}
_SMALL_VOWELS = frozenset("ァィゥェォ")
_SMALL_Y = frozenset("ャュョ")
_LONG_MARK = ":"  # ー in a spelling that keeps it (see _kana)
_KANA_LETTER = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc\uff66-\uff9f]")
#: What a name romanized from kana may hold besides kana: word breaks (・, spaces), the long
#: mark and iteration marks, digits and Latin letters; a kanji is read by word, which a table
#: cannot do ("トヨタ自動車" is not romanized).
_KANA_NAME = re.compile("[\u3041-\u3096\u309d\u309e\u30a1-\u30fe\uff65-\uff9f"
                        "\\s\u3000「」、。()&'.,\\-0-9a-zA-Z]+")
_KANA_BREAKS = frozenset("・\u3000「」、。()")
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
    if country in ("RS", "MK", "ME", "BA") or not _SERBIAN_LETTERS.isdisjoint(lowered):
        return (_spell_cyrillic(lowered, _SERBIAN, {}),)
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


def _kana(text: str) -> str:
    """Kana in modified Hepburn, the long mark ー kept as ":" (:data:`_LONG_MARK`), ・ and
    spaces as word breaks: "ソニー・グループ" -> "soni: guru:pu", "きゃらめる" -> "kyarameru"."""
    text = unicodedata.normalize("NFKC", text).lower()
    # hiragana is katakana 0x60 lower; ゝ, ゞ are ヽ, ヾ
    text = "".join(chr(ord(char) + 0x60) if "\u3041" <= char <= "\u3096" or char in "ゝゞ"
                   else char for char in text)
    out: list[list[str]] = []  # [kana, spelling] per syllable, or [char, char] else
    double = False
    for char in text:
        previous = out[-1] if out and out[-1][0] in _KANA else None
        if char == "ッ":
            double = True
            continue
        if char in "ヽヾ" and previous is not None:  # an iteration mark: the letter again
            letter = unicodedata.normalize("NFC", previous[0] + "\u3099") if (
                char == "ヾ") else previous[0]  # ヾ voiced: いすゞ isuzu
            out.append([letter, _KANA.get(letter, previous[1])])
        elif char in _SMALL_VOWELS and previous is not None and previous[0] not in "アエオン":
            previous[1] = _KANA_CONSONANT.get(previous[0], previous[1][:-1]) + _KANA[char]
            continue
        elif char in _SMALL_Y and previous is not None and previous[1].endswith("i"):
            sound = _KANA_CONSONANT.get(previous[0], "")
            previous[1] = (sound if sound in ("sh", "ch", "j") else
                           previous[1][:-1] + "y") + _KANA[char][1]
            continue
        elif char in _SMALL_Y and previous is not None and previous[0] in "テデフヴ":
            previous[1] = _KANA_CONSONANT[previous[0]] + _KANA[char]
            continue
        elif char in _KANA:
            spelling = _KANA[char]
            if double and spelling[0] not in "aeioun":  # ッ: ッチ tchi, ッカ kka
                spelling = ("t" if spelling.startswith("ch") else spelling[0]) + spelling
            out.append([char, spelling])
        elif char == "ー":
            out.append([char, _LONG_MARK])
        elif char in _KANA_BREAKS or char.isspace():
            out.append([" ", " "])
        else:
            out.append([char, char])
        double = False
    # Latin letters and kana next to each other are two words ("NTTドコモ": "ntt dokomo")
    kinds = ["kana" if kana in _KANA or kana == "ー" else "latin" if kana.isalnum() else ""
             for kana, _ in out]
    spelled = "".join(" " + spelling if index and {kinds[index - 1], kinds[index]} == {
        "kana", "latin"} else spelling for index, (_, spelling) in enumerate(out))
    return " ".join(spelled.split())


@lru_cache(maxsize=CACHE_SIZE)
def romanized(text: str, country: str | None = None) -> tuple[str, ...]:
    """``text``'s Latin spellings when it is written in Cyrillic, Greek, Hangul or kana
    ("Ромашка" -> ("romashka",), "ΟΤΕ" -> ("ote",), "카카오" -> ("kakao",), "ソニー" ->
    ("soni",); not "トヨタ自動車", which holds kanji), else (). A Cyrillic name is
    read as Ukrainian in Ukraine or when it holds a letter only Ukrainian has (and then spelled
    with "g" too, as companies kept their Russian spelling: Галнафтогаз = Halnaftohaz =
    Galnaftogaz), as Bulgarian in Bulgaria, as Serbian in Serbia, North Macedonia, Montenegro
    and Bosnia or when it holds a letter only Serbian or Macedonian has, else as Russian."""
    if text.isascii():
        return ()
    spellings: tuple[str, ...] = ()
    if _CYRILLIC.search(text):
        spellings = _cyrillic(text, country)
    elif _GREEK_LETTER.search(text):
        spellings = (_greek(text),)
    elif _HANGUL.search(text):
        spellings = (_hangul(text),)
    elif _KANA_LETTER.search(text) and _KANA_NAME.fullmatch(
            text := unicodedata.normalize("NFKC", text)):
        spellings = (" ".join(_kana(text).replace(_LONG_MARK, "").split()),)
    return tuple(spelling for spelling in spellings if any(
        char.isascii() and char.isalpha() for char in spelling) or (
        spelling.isascii() and not _KANA_LETTER.search(text)))


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


#: Consonants after which katakana adds a "u" an English word does not write ("sofutobanku":
#: SoftBank, "guru:pu": group), as after "t" and "d" it adds an "o"; and a "u" after an "o"
#: is a long "o" English lists leave out ("tou": "to").
_ADDED_U = frozenset("bfghkmprsz")
_VOWEL_LETTERS = frozenset("aeiou")


@lru_cache(maxsize=CACHE_SIZE)
def _kana_pattern(key: str) -> re.Pattern[str] | None:
    """A name key in kana as a pattern of the Latin skeletons (spaces out) that spell it:
    its Hepburn skeleton, where what katakana adds to an English word is optional (a "u"
    after a consonant, an "o" after "t" or "d", an "r" for the long mark: "sha:pu" is
    "sharp"; a long "e" may be an English "a": "de:ta" is "data"), and what Japan's other
    system, Kunrei, writes otherwise too ("si", "ti", "tu", "hu": "kashio" is "Casio"; "m"
    for "n" before "b", "m", "p"). Only the kana side is loosened: two Latin names are as
    alike as before. None when ``key`` is no kana name."""
    if key.isascii() or not _KANA_LETTER.search(key) or not _KANA_NAME.fullmatch(
            key := unicodedata.normalize("NFKC", key)):
        return None
    skeleton = latin_skeleton(_kana(key)).replace(" ", "")
    if not any(char.isascii() and char.isalpha() for char in skeleton):
        return None
    parts: list[str] = []
    for index, char in enumerate(skeleton):
        previous = skeleton[index - 1] if index else ""
        following = skeleton[index + 1:index + 2]
        # a vowel katakana adds comes before a consonant or at a word's end ("guru:pu"), never
        # before a vowel: マルイ "marui" is no "mari"
        added = following not in _VOWEL_LETTERS
        if char == _LONG_MARK:
            parts.append("r?" if previous in _VOWEL_LETTERS else "")
        elif char == "e" and following == _LONG_MARK:
            parts.append("[ea]")  # a long "e" is an English "a" ("de:ta" data, "ke:su" case)
        elif char == "u" and ((previous in _ADDED_U and added) or previous == "o"):
            parts.append("u?")
        elif char == "o" and previous in ("t", "d") and added:
            parts.append("o?")
        elif char == "n" and following in ("b", "m", "p"):
            parts.append("[nm]")
        elif char == "h" and previous == "s" and following == "i":
            parts.append("h?")  # shi si
        elif char == "t" and following == "s" and skeleton[index + 2:index + 3] == "u":
            parts.append("(?:ts|t(?=u))")  # tsu tu; "ts" only when its "u" is left out
        elif char == "s" and previous == "t" and following == "u":
            continue
        elif char == "c" and following == "h":
            parts.append("(?:ch|t)" if skeleton[index + 2:index + 3] == "i" else "ch")  # chi ti
        elif char == "h" and previous == "c":
            continue
        elif char == "f":
            parts.append("[fh]")  # fu hu
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


def loanword_key(name: str) -> str:
    """A Latin name key without what :func:`_kana_pattern` leaves optional ("softbank" and
    "sofutobanku": "sohtbank"; "sharp" and "shapu": "sap"): what a katakana name's Hepburn
    spelling and an English list's name share, to block on."""
    key = re.sub("(?<=[aeiou])r(?![aeiou])", "", latin_skeleton(name).replace(" ", ""))
    for old, new in (("sh", "s"), ("ch", "t"), ("ts", "t"), ("f", "h"), ("nb", "mb"),
                     ("nm", "mm"), ("np", "mp")):
        key = key.replace(old, new)
    key = re.sub("(?<=[bghkmprstz])u(?![aeiou])|(?<=o)u|(?<=[td])o(?![aeiou])", "", key)
    return _DOUBLED.sub(r"\1", key)


def spelled_in_latin(key: str, latin: str) -> bool:
    """Whether ``latin``, a Latin name key, spells ``key``, a name key in Cyrillic, Greek,
    Hangul or kana, in some transliteration system ("химпром" and "himprom", "μυτιληναιος"
    and "mytilineos", "яндекс" and "yandex"; "ソフトバンク" and "softbank", see
    :func:`_kana_pattern`)."""
    skeleton = latin_skeleton(latin)
    if (pattern := _kana_pattern(key)) is not None:  # kana write no spaces between words
        joined = skeleton.replace(" ", "")
        return pattern.fullmatch(joined) is not None or any(
            latin_skeleton(spelling).replace(" ", "") == joined for spelling in romanized(key))
    return any(latin_skeleton(spelling) == skeleton for spelling in romanized(key))
