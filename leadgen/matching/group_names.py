"""Name tests for a group's companies at one site: register names that tell them apart.

A group's companies share its head office, switchboard and often its web domain, and their
names share the group's words; what tells them apart is in the names: one adds a group,
holding or region word ("PUMA" and "PUMA Europe", "ソフトバンク" and "ソフトバンクグループ"),
each has a word of its own, trade words too ("Reliance Industries" and "Reliance Retail"), or one
goes on after the other ("Siemens" and "Siemens Healthineers"). The rules ask these only of
register names, both written with a legal form: a list's or a website's name without one
("Kessler Gruppe", "Hofmann Bau") is often the company's short name.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.process import extractOne

from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.text import has_cjk

#: Words that tie a name's words together, no word of its own ("Müller und Söhne").
_LINKING = frozenset("the and of und et y e de da do la le du des der die das von van".split())
#: Two words this alike (Jaro-Winkler) are one word spelled two ways ("holding", "holdings").
_LIKE_WORD = 0.85
#: English endings that make a trade's other words of one stem ("brewing", "brewery",
#: "brewers"; "baking", "bakery"; "trading", "traders"), longest first.
_WORD_FORM_ENDINGS = ("eries", "ery", "ers", "ing", "ies", "er", "y", "s")


def group_word_added(left: str, right: str, group: frozenset[str],
                     generic: frozenset[str]) -> bool:
    """Whether one name key has a ``group`` word the other lacks while they share a name
    word of their own ("shell qgc holdings" and "shell", "zamil group holding" and "zamil
    international trading"); in Chinese and Japanese names, written without spaces, whether
    one without its group word is in the other ("ソフトバンクグループ" and "ソフトバンク",
    "海尔集团" and "海尔智家"). "Holding" and "Holdings" are one word."""
    if not left.isascii() and has_cjk(left) and has_cjk(right) and (
            " " not in left or " " not in right):
        return _cjk_group_word_added(left, right, group) or _cjk_group_word_added(
            right, left, group)
    a, b = _words(left), _words(right)
    if group.isdisjoint(a) and group.isdisjoint(b):
        return False  # no group word to add (most pairs)
    if not (a & b) - group - generic:
        return False
    return has_own_word((a - b) & group, b) or has_own_word((b - a) & group, a)


def _cjk_group_word_added(name: str, other: str, group: frozenset[str]) -> bool:
    for word in group:
        if word in name and word not in other and has_cjk(word):
            core = name.replace(word, "").replace(" ", "")
            if len(core) >= 2 and core in other.replace(" ", ""):
                return True
    return False


def each_has_trade_word(left: str, right: str, generic: frozenset[str],
                        places: tuple[str, ...] = ()) -> bool:
    """Whether two Latin name keys share a word not ``generic`` and each has one the other
    does not spell, trade words counted, one of them not generic ("reliance industries" and
    "reliance retail", "emaar properties" and "emaar development"); a town's words and
    numbers count for neither ("müller berlin", "fonds 007"). Two trade words alone ("acme
    verpackung" and "acme packaging") may be one word in two languages: not so."""
    if not (left.isascii() and right.isascii()) and (has_cjk(left) or has_cjk(right)):
        return False  # (ASCII has none: asked first, it saves two calls for most names)
    a, b = _words(left), _words(right)
    towns = _town_words(places)
    if towns:
        a, b = a - towns, b - towns
    if (a & b) <= generic:
        return False  # no word of their own shared
    extra_a, extra_b = a - b, b - a
    return (bool(extra_a) and bool(extra_b) and not (extra_a <= generic and extra_b <= generic)
            and has_own_word(extra_a, b) and has_own_word(extra_b, a)
            and not initials_of_the_rest(left, right))


def initials_of_the_rest(left: str, right: str) -> bool:
    """Whether the one word a Latin name key has of its own is the initials of the words the
    other has of its own, in their order, linking words in or out: "mfp michelin" and
    "manufacture francaise des pneumatiques michelin", "ph lukasz nowak" and "przedsiebiorstwo
    handlowe lukasz nowak" (two to six letters for as many words or up to twice as many). Lists
    shorten a company's trade or type so (Poland's "PPHU", "PHU", France's "SCI"): no word of
    its own."""
    a, b = left.split(), right.split()
    only_a, only_b = set(a).difference(b), set(b).difference(a)
    return ((len(only_a) == 1 and _initials_of_rest(a, only_a, b, only_b))
            or (len(only_b) == 1 and _initials_of_rest(b, only_b, a, only_a)))


def _initials_of_rest(short: list[str], own: set[str], long: list[str],
                      rest_words: set[str]) -> bool:
    """Whether the one word of ``short`` not in ``long`` (``own``: that word) is the
    initials of the words of ``long`` not in ``short`` (``rest_words``), in their order."""
    (word,) = own
    if not 2 <= len(word) <= 6 or not word.isalpha() or short.count(word) != 1:
        return False
    rest = [other for other in long if other in rest_words]
    if not 2 <= len(rest) <= 2 * len(word):
        return False
    return word in ("".join(other[0] for other in rest),
                    "".join(other[0] for other in rest if other not in _LINKING))


def word_added_after(left: str, right: str, generic: frozenset[str],
                     places: tuple[str, ...] = ()) -> bool:
    """Whether one Latin name key is the other with words after it, one of them not
    ``generic`` and no town's ("siemens" and "siemens healthineers", "infosys" and "infosys
    bpm"; not "robert bosch" and "bosch", a founder's name before the brand, nor "müller"
    and "müller maschinenbau")."""
    if not (left.isascii() and right.isascii()) and (has_cjk(left) or has_cjk(right)):
        return False  # (ASCII has none: asked first, it saves two calls for most names)
    short, long = (left.split(), right.split())
    if len(short) > len(long):
        short, long = long, short
    if len(long) == len(short) or long[:len(short)] != short:
        return False
    towns = _town_words(places)
    return any(word not in generic and word not in towns and word not in _LINKING
               and not word.isdigit() for word in long[len(short):])


@lru_cache(maxsize=CACHE_SIZE)
def _words(name: str) -> frozenset[str]:
    """A name key's words but linking words and numbers (the "numbered" level's)."""
    return frozenset(word for word in name.split()
                     if word not in _LINKING and not word.isdigit())


@lru_cache(maxsize=4096)
def _town_words(places: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for place in places for word in place.split())


def has_own_word(words: frozenset[str], others: frozenset[str]) -> bool:
    """Whether one of ``words`` (none of them in ``others``) is spelled by no word of
    ``others``: the same, a prefix of it or it of that ("deli", "delicatessen"), a typo
    (Jaro-Winkler >= 0.85), a word written with it, another form of its stem ("brewing",
    "brewery") or its abbreviation ("nw", "northwest")."""
    for word in words:
        for other in others:  # plain loops, no generator: cheaper per call
            if (word.startswith(other) or other.startswith(word)
                    or (len(word) >= 3 and word in other)):
                break
        else:  # (the typos last, all of ``others`` in one call: most words have none)
            if (extractOne(word, others, scorer=JaroWinkler.similarity,
                           score_cutoff=_LIKE_WORD) is None and not _stem_in(word, others)
                    and not any(_abbreviates(word, other) or _abbreviates(other, word)
                                for other in others)):
                return True
    return False


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` (two to five letters) shortens ``long`` as lists do, its letters in
    order from the same first one: "nw" for "northwest", "hwy" for "highway", "mktg" for
    "marketing"."""
    if not 2 <= len(short) <= 5 or len(long) < len(short) + 2 or short[0] != long[0]:
        return False
    rest = iter(long[1:])
    return all(letter in rest for letter in short[1:])


def _stem_in(word: str, others: frozenset[str]) -> bool:
    """Whether a word of ``others`` is another form of ``word``'s stem: the two the same
    once an ending of :data:`_WORD_FORM_ENDINGS` after three letters or more is cut off."""
    stem = _stem(word)
    return any(_stem(other) == stem for other in others)


@lru_cache(maxsize=CACHE_SIZE)
def _stem(word: str) -> str:
    for ending in _WORD_FORM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word
