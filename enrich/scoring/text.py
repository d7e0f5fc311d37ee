"""Text folding, tokenizing and keyword matching for the need rules.

Text is folded (NFKD, Latin accents dropped, case-folded) and split into tokens: runs of Latin-like
letters, runs of digits, and whole runs of CJK characters. Keywords are matched against the
*vocabulary* of tokens, not against each text, so a profile change re-matches a few hundred
thousand distinct tokens instead of millions of descriptions.

Term syntax (a term is one or more words; all words must occur in the same field, any order):

- ``food``: the word, or the word with a plural/inflection ending (foods, Brauereien, dairies);
- ``lebensmittel*`` / ``*kosmetik`` / ``*milch*``: prefix, suffix, substring (German compounds);
- CJK words (``食品``, ``化妆品``) always match as substrings of a CJK run (no spaces in CJK).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

import numpy as np

_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
})
# Only the Latin combining accents go; kana voicing marks (U+3099) stay, so folding is consistent.
_LATIN_ACCENTS = re.compile("[\u0300-\u036f]")
_CJK_CLASS = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff"
)
_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
#: Katakana (with the long-vowel mark, and the voicing marks NFKD splits off: パ = ハ + ゚):
#: the script of loanwords.
_KATAKANA = "\u3099-\u309c\u30a0-\u30ff\u31f0-\u31ff"
_KATAKANA_WORD = re.compile(f"[{_KATAKANA}]+")
_TOKEN = re.compile(f"[{_CJK_CLASS}]+|[^\\W\\d_{_CJK_CLASS}]+|\\d+")
# Endings that turn a base word into its plural or an inflected form (en, de, nl, fr, es).
_ENDINGS = ("", "s", "es", "e", "en", "n", "er", "ern")


def fold(text: str) -> str:
    """Case-fold and drop Latin accents ("Süßwaren" -> "susswaren"); CJK passes unchanged."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return _LATIN_ACCENTS.sub("", text).casefold().translate(_SPECIAL)


def tokens(text: str | None) -> list[str]:
    """The distinct folded tokens of ``text``, in order of first appearance."""
    if not text:
        return []
    return list(dict.fromkeys(_TOKEN.findall(fold(text))))


def is_cjk(word: str) -> bool:
    """True when ``word`` is made of CJK characters (matched as a substring)."""
    return bool(word) and _CJK_RUN.fullmatch(word) is not None


def term_words(term: str) -> list[str]:
    """The folded words of a keyword term; ``*`` wildcards are kept."""
    words = []
    for raw in term.split():
        star_start, star_end = raw.startswith("*"), raw.endswith("*") and len(raw) > 1
        core = " ".join(_TOKEN.findall(fold(raw.strip("*"))))
        if not core:
            continue
        for i, part in enumerate(core.split()):
            # "t-shirt*" folds to two tokens: the stars stay on the outer ones.
            prefix = "*" if star_start and i == 0 else ""
            suffix = "*" if star_end and i == len(core.split()) - 1 else ""
            words.append(f"{prefix}{part}{suffix}")
    return words


class Vocabulary:
    """Distinct tokens with their ids, and fast lookup of the ids a keyword word matches.

    Prefix and suffix wildcards are two binary searches in the vocabulary sorted forwards or
    backwards; CJK and ``*x*`` substrings search one newline-joined string of the whole vocabulary
    (a C-speed scan) instead of looping over a million tokens in Python.
    """

    def __init__(self, words: Sequence[str]):
        self.words = list(words)
        self.index = {word: i for i, word in enumerate(self.words)}
        self._joined: str | None = None
        self._starts: np.ndarray | None = None
        self._by_prefix: list[int] | None = None
        self._by_suffix: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def _text(self) -> tuple[str, np.ndarray]:
        if self._joined is None:
            self._joined = "\n" + "\n".join(self.words) + "\n"
            lengths = np.fromiter((len(w) + 1 for w in self.words), dtype=np.int64,
                                  count=len(self.words))
            self._starts = np.concatenate([[1], 1 + np.cumsum(lengths)[:-1]]).astype(np.int64)
        assert self._starts is not None
        return self._joined, self._starts

    def _search(self, pattern: str, offset: int, *, regex: bool = False) -> np.ndarray:
        """Ids of the words containing ``pattern`` (a regular expression when ``regex``);
        ``offset`` shifts the match to the word."""
        text, starts = self._text()
        positions = np.fromiter(
            (m.start() + offset
             for m in re.finditer(pattern if regex else re.escape(pattern), text)),
            dtype=np.int64,
        )
        if positions.size == 0:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.searchsorted(starts, positions, side="right") - 1)

    def _sorted_range(self, key: str, suffix: bool) -> np.ndarray:
        """Ids of the words starting (or, reversed, ending) with ``key``: two binary searches."""
        if suffix:
            if self._by_suffix is None:
                self._by_suffix = sorted(range(len(self.words)), key=lambda i: self.words[i][::-1])
            order, word_of = self._by_suffix, (lambda i: self.words[i][::-1])
        else:
            if self._by_prefix is None:
                self._by_prefix = sorted(range(len(self.words)), key=self.words.__getitem__)
            order, word_of = self._by_prefix, self.words.__getitem__
        low = bisect.bisect_left(order, key, key=word_of)
        high = bisect.bisect_left(order, key + "\U0010ffff", key=word_of)
        return np.asarray(sorted(order[low:high]), dtype=np.int64)

    def ids_for_word(self, word: str) -> np.ndarray:
        """Ids of the tokens one folded keyword word matches (see the module docstring)."""
        starts, ends = word.startswith("*"), word.endswith("*")
        core = word.strip("*")
        if not core or "\n" in core:
            return np.empty(0, dtype=np.int64)
        if _KATAKANA_WORD.fullmatch(core) and not (starts or ends):
            # A katakana loanword is a word of its own, not a part of a longer one: パン
            # (bread) is not in ジャパン (Japan), which made every "…Japan" a bakery.
            pattern = f"(?<![{_KATAKANA}]){re.escape(core)}(?![{_KATAKANA}])"
            return self._search(pattern, 0, regex=True)
        if is_cjk(core) or (starts and ends):
            return self._search(core, 0)
        if starts:
            return self._sorted_range(core[::-1], suffix=True)
        if ends:
            return self._sorted_range(core, suffix=False)
        forms = {core + ending for ending in _ENDINGS}
        if core.endswith("y"):
            forms.add(core[:-1] + "ies")
        found = [self.index[form] for form in forms if form in self.index]
        return np.asarray(sorted(found), dtype=np.int64)
