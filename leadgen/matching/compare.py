"""Score a record against a candidate: each comparison's first holding level adds its weight.

The rules are compiled once into plain closures (one per level), because matching a record
runs a few dozen comparisons and a crawl or an import matches millions of records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from leadgen.matching.group_names import (
    each_has_trade_word,
    group_word_added,
    has_own_word,
    initials_of_the_rest,
    word_added_after,
)
from leadgen.matching.profile import (
    FIELD_ATTR,
    MatchProfile,
    cjk_place,
    cjk_place_length,
)
from leadgen.matching.rules import Level, MatchingRules, OtherPlace
from leadgen.normalize.address import CHINESE_PROVINCES, POST_BOX, STATE_NAMES
from leadgen.normalize.address_patterns import CHINESE_CITIES
from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.phone import dials_through
from leadgen.normalize.registry import register_of
from leadgen.normalize.romanize import spelled_in_latin
from leadgen.normalize.text import has_cjk, pinyin_syllables, script_of

#: (kind, value) -> number of distinct companies holding that key
SharedCount = Callable[[str, str], int]
Test = Callable[[str, str], bool]
#: A test that also takes the pair's city keys.
PlaceTest = Callable[[str, str, tuple[str, ...]], bool]


#: One comparison's outcome as plain data: (field, level label, weight, (left, right) or None).
Hit = tuple[str, str, float, tuple[str, str] | None]


@dataclass(slots=True)
class LevelHit:
    """One comparison's outcome: which level held, with which values."""

    field: str
    label: str
    weight: float
    values: tuple[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        return _hit_dict((self.field, self.label, self.weight, self.values))


def _hit_dict(hit: Hit) -> dict[str, Any]:
    data: dict[str, Any] = {"field": hit[0], "level": hit[1], "weight": hit[2]}
    if hit[3]:
        data["values"] = list(hit[3])
    return data


@dataclass(slots=True)
class MatchResult:
    """The total weight of a pair and the decision the thresholds give."""

    score: float
    decision: str  # match / possible / no_match
    hits: list[Hit] = field(default_factory=list)
    """Each compared field's level, as plain tuples (a match runs per record pair)."""
    other_place: bool = False
    """The pair is at two places of one brand (see ``other_place`` in the rules)."""

    @property
    def levels(self) -> list[LevelHit]:
        return [LevelHit(*hit) for hit in self.hits]

    @property
    def two_companies(self) -> bool:
        """Whether the pair, not matching, is two companies a third record may fit alike:
        two places of one brand (two branches of a chain), or two companies on one line, a
        phone or website they share weighing for them and their names against (a group's
        companies on one switchboard, a business centre's tenants). A record matching both
        ("Starbucks", New York; a list's record of one of them with that phone alone) could
        be either: it goes to review, not into one of them."""
        if self.decision == "match":
            return False
        if self.other_place:
            return True
        shared_line = names_apart = False
        for field_name, _, weight, _ in self.hits:
            if field_name in _LINE_FIELDS and weight > 0:
                shared_line = True
            elif field_name == "name" and weight < 0:
                names_apart = True
        return shared_line and names_apart

    def as_dict(self) -> dict[str, Any]:
        """The pair's evidence as stored: its score, the rules' prior it started from (the
        score less its levels' weights) and each field's level, so the levels shown add up."""
        return {
            "score": round(self.score, 3),
            "decision": self.decision,
            "prior": round(self.score - sum(hit[2] for hit in self.hits), 3),
            "levels": [_hit_dict(hit) for hit in self.hits],
        }


#: Fields whose value an organization's companies share: its switchboard, its website.
_LINE_FIELDS = frozenset({"phone", "domain"})


@lru_cache(maxsize=CACHE_SIZE)  # (memoized: a candidate's values come up pair after pair)
def _digits(value: str) -> str:
    return value[1:] if value.startswith("+") and value[1:].isdigit() else "".join(
        c for c in value if c.isdigit())


def _without_numbers(name: str) -> str:
    """A name key's words without its numbers ("fonds 007" and "fonds 7" are one name
    spelled two ways, which the levels for numbers weigh)."""
    return " ".join(word for word in name.split() if not word.isdigit())


@lru_cache(maxsize=CACHE_SIZE)
def _house_number(street: str) -> str | None:
    for token in street.split():
        if token[:1].isdigit():
            return token
    return None


def _one_with_letter(number: str, other: str) -> bool:
    """"55" and "55b": one house number, its letter written by one list only."""
    short, long = (number, other) if len(number) < len(other) else (other, number)
    return (short.isdigit() and len(long) == len(short) + 1 and long.startswith(short)
            and long[-1].isalpha())


@lru_cache(maxsize=CACHE_SIZE)
def _is_post_box(street: str) -> bool:
    """Whether a street key is a post-office box (memoized: the street levels ask thrice)."""
    return POST_BOX.match(street) is not None


_HOUSE_NUMBER = re.compile(r"\d+[a-z]?")


@lru_cache(maxsize=CACHE_SIZE)
def _numbers_and_street(street: str) -> tuple[frozenset[str], frozenset[str]]:
    """A street key's house numbers ("12", "55b"; not "3rd") and its other words."""
    numbers: set[str] = set()
    words: set[str] = set()
    for token in street.split():
        (numbers if _HOUSE_NUMBER.fullmatch(token) else words).add(token)
    return frozenset(numbers), frozenset(words)


@lru_cache(maxsize=256)  # the street levels ask for one pair in turn
def _same_street_numbers(left: str, right: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The two house numbers of one street written twice ("3rd st", "8638 w 3rd st": the words
    of one are all in the other), or None when they are two streets."""
    (left_numbers, left_words), (right_numbers, right_words) = (
        _numbers_and_street(left), _numbers_and_street(right))
    fewer, more = ((left_words, right_words) if len(left_words) <= len(right_words)
                   else (right_words, left_words))
    if not fewer <= more or not (len(fewer) > 1 or max(map(len, fewer), default=0) > 3):
        return None
    return left_numbers, right_numbers


#: Argentina's postal code (CPA): a province's letter, the four digits of the code before
#: it, and the block's three letters, which lists often leave out ("S2000").
_ARGENTINE_CPA = re.compile(r"[A-Z]\d{4}(?:[A-Z]{3})?")


def _make_test(level: Level, rules: MatchingRules) -> Test:
    threshold = level.threshold or 0.0
    test = level.test
    if test == "exact":
        return lambda left, right: left == right
    if test == "any":  # (a level its condition alone decides: "when: other_legal_forms")
        return lambda left, right: True
    if test == "same_without_spaces":
        def same_without_spaces(left: str, right: str) -> bool:
            """"little town" and "littletown": one name written apart or together."""
            joined = left.replace(" ", "")
            return len(joined) >= 5 and joined == right.replace(" ", "")
        return same_without_spaces
    if test == "jaro_winkler":
        return lambda left, right: JaroWinkler.similarity(left, right) >= threshold
    if test == "spelled_alike":
        generic_words = rules.generic_name_words

        def spelled_alike(left: str, right: str) -> bool:
            """One name spelled two ways (Jaro-Winkler >= threshold), not one name and the
            same with a word added ("summit dental" and "summit dental lab": a business of
            its own, maybe; that is the token-set and "contains" levels' to weigh), nor two
            names alike but for a word of each ("comercial de ferragens irmaos costa" and
            "... irmaos souza": a long shared start is no spelling of one name)."""
            return (JaroWinkler.similarity(left, right) >= threshold
                    and not _word_added(left, right)
                    and not each_has_own_word(_without_numbers(left), _without_numbers(right),
                                              generic_words))
        return spelled_alike
    if test == "token_set":
        cutoff = threshold * 100
        return lambda left, right: fuzz.token_set_ratio(left, right) >= cutoff
    if test == "distinctive_token_set":
        cutoff = threshold * 100
        generic = rules.generic_name_words

        def distinctive_token_set(left: str, right: str) -> bool:
            return distinctive_ratio(left, right, generic, cutoff) >= cutoff
        return distinctive_token_set
    if test == "own_words":  # a pair without city keys (see _make_place_test)
        generic_words = rules.generic_name_words
        return lambda left, right: each_has_own_word(left, right, generic_words)
    if test == "contains":
        def contains(left: str, right: str) -> bool:
            """One name in the other, its words written apart or together in either ("main
            consult unternehmensberatung" and "mainconsult")."""
            short, long = (left, right) if len(left) <= len(right) else (right, left)
            return len(short) >= 3 and (short in long or (" " in long or " " in short) and (
                short.replace(" ", "") in long.replace(" ", "")))
        return contains
    if test == "last_digits":
        count = int(threshold)

        def last_digits(left: str, right: str) -> bool:
            a, b = _digits(left), _digits(right)
            return len(a) >= count and a[-count:] == b[-count:]
        return last_digits
    if test == "direct_dial":
        extra = int(threshold)

        def direct_dial(left: str, right: str) -> bool:
            """A switchboard and one of its direct-dial numbers: "+4989123456" and
            "+498912345612" (German numbers take extension digits at their end)."""
            short, long = (left, right) if len(left) <= len(right) else (right, left)
            return dials_through(long, short, extra)
        return direct_dial
    if test == "number_and_fuzzy":
        def number_and_fuzzy(left: str, right: str) -> bool:
            """One house number (also with a letter one list leaves out: "55" and "55b")
            on a street spelled alike."""
            number, other = _house_number(left), _house_number(right)
            return (number is not None and other is not None
                    and (number == other or _one_with_letter(number, other))
                    and JaroWinkler.similarity(left, right) >= threshold)
        return number_and_fuzzy
    if test == "post_box":
        def post_box(left: str, right: str) -> bool:
            """A post-office box and a street: a company's postal and its visiting address."""
            return _is_post_box(left) != _is_post_box(right)
        return post_box
    if test == "same_box_one_town":
        def same_box_one_town(left: str, right: str) -> bool:
            """"po box 1500" and "po box 1500 dubai": one box, its town given by one list."""
            short, long = (left, right) if len(left) <= len(right) else (right, left)
            return long.startswith(short + " ") and _is_post_box(short)
        return same_box_one_town
    if test == "post_boxes":
        return lambda left, right: _is_post_box(left) and _is_post_box(right)
    if test == "number_on_one_only":
        def number_on_one_only(left: str, right: str) -> bool:
            """"3rd st" and "8638 w 3rd st": one street, one list leaving out the number."""
            numbers = _same_street_numbers(left, right)
            return numbers is not None and (not numbers[0]) != (not numbers[1])
        return number_on_one_only
    if test == "other_number":
        def other_number(left: str, right: str) -> bool:
            """"3201 fillmore st" and "3127 fillmore st": one street, other numbers."""
            numbers = _same_street_numbers(left, right)
            return numbers is not None and bool(numbers[0]) and bool(numbers[1])
        return other_number
    if test == "transliterated":
        generic_words, translated = rules.generic_name_words, rules.translated_words
        return lambda left, right: transliteration_overlap(
            left, right, generic_words, translated) >= threshold
    if test == "romanized":
        def romanized(left: str, right: str) -> bool:
            """A name in Cyrillic, Greek, Hangul or kana and its Latin spelling in any
            system ("химпром" and "himprom" or "khimprom", "ソフトバンク" and "softbank")."""
            if left.isascii() == right.isascii():
                return False
            local, latin = (right, left) if left.isascii() else (left, right)
            return script_of(latin) == "latin" and spelled_in_latin(local, latin)
        return romanized
    if test == "other_script":
        return lambda left, right: script_of(left) != script_of(right)
    if test == "other_place":
        def other_place(left: str, right: str) -> bool:
            """Chinese names of one brand for two cities: "佳利塑料（宁波）" and "佳利塑料（苏州）",
            "北京市华强电子" and "上海市华强电子" (a group's companies, each registered there)."""
            if left.isascii() or right.isascii():
                return False
            place = cjk_place(left)
            return place is not None and (other := cjk_place(right)) is not None and (
                place != other)
        return other_place
    if test == "postal_detail":
        def postal_detail(left: str, right: str) -> bool:
            """"60601" and "60601-1234", "LS1" and "LS1 4AP": one code, one in more detail;
            Argentina's CPA and the code it grew from ("C1106BKK": the province's letter,
            the old "1106", the block's letters; "S2000" without them)."""
            short, long = (left, right) if len(left) <= len(right) else (right, left)
            if _ARGENTINE_CPA.fullmatch(long):
                return short in (long[1:5], long[:5])
            return len(short) >= 2 and long[len(short):len(short) + 1] in (" ", "-") and (
                long.startswith(short))
        return postal_detail
    if test == "numbered_otherwise":
        return numbered_otherwise
    if test == "acronym":
        return is_acronym_of
    if test == "group_word_added":
        group_words, generic_words = rules.group_name_words, rules.generic_name_words
        return lambda left, right: group_word_added(left, right, group_words, generic_words)
    if test == "trade_words_own":  # without city keys (see _make_place_test)
        generic_words = rules.generic_name_words
        return lambda left, right: each_has_trade_word(left, right, generic_words)
    if test == "word_added_after":
        generic_words = rules.generic_name_words
        return lambda left, right: (word_added_after(left, right, generic_words)
                                    or cjk_word_added(left, right, generic_words))
    if test == "other_country":
        # "US-IL" and "CA-ON": states of two countries (the country comparison weighs that)
        return lambda left, right: left.split("-", 1)[0] != right.split("-", 1)[0]
    if test == "same_register":
        return lambda left, right: register_of(left) == register_of(right)
    if test == "same_domain_name":
        return lambda left, right: (name := domain_name(left)) is not None and (
            name == domain_name(right))
    return lambda left, right: True  # else


def _word_added(left: str, right: str) -> bool:
    """Whether one name is the other with whole words added ("acme", "acme tools")."""
    short, long = (left, right) if len(left) <= len(right) else (right, left)
    words, more = short.split(), long.split()
    return len(more) > len(words) and set(words) < set(more)


def numbered_otherwise(left: str, right: str) -> bool:
    """Whether two names are one name with other numbers in it: "solarpark alpha 3" and
    "solarpark alpha 4", "filiale 12 meyer" and "filiale 7 meyer" (a project company, a
    branch or a fund each: numbered, they are many). Each must have a number the other
    lacks: "7 eleven" and "7 eleven 32145" are a store and its store number."""
    left_numbers, left_rest = _numbers_in_name(left)
    if not left_numbers:
        return False
    right_numbers, right_rest = _numbers_in_name(right)
    return (left_rest == right_rest and bool(left_numbers - right_numbers)
            and bool(right_numbers - left_numbers))


_NUMBER = re.compile(r"\d+")
#: A Roman numeral up to 39 as a name's last word: "acme capital partners ii", "brazil
#: shipping i" (funds and ship-owning companies are numbered so).
_ROMAN_LAST = re.compile(r"(?<= )(x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


@lru_cache(maxsize=CACHE_SIZE)
def _numbers_in_name(name: str) -> tuple[frozenset[str], str]:
    """A name key's numbers (without leading zeros; a Roman numeral last as its number) and
    its words without them."""
    numbers = {number.lstrip("0") or "0" for number in _NUMBER.findall(name)}
    rest = _NUMBER.sub(" ", name)
    if (roman := _ROMAN_LAST.search(rest.rstrip())) and roman.group():
        numbers.add(str(10 * len(roman[1]) + _ROMAN.get(roman[2], 0)))
        rest = rest.rstrip()[:roman.start()]
    return frozenset(numbers), " ".join(rest.split()) if numbers else name


def is_acronym_of(left: str, right: str) -> bool:
    """Whether one name key is the other's initials, its linking words in or out: "ibm" and
    "international business machines", "bmw" and "bayerische motoren werke", "boa" and
    "bank of america" (two to six letters against as many words)."""
    short, long = (left, right) if len(left) <= len(right) else (right, left)
    if not 2 <= len(short) <= 6 or not short.isascii() or not short.isalpha():
        return False
    words = long.split()
    if len(words) < 2 or len(words) > 2 * len(short):
        return False
    return short in ("".join(word[0] for word in words), "".join(
        word[0] for word in words if word not in _LINKING_WORDS))


#: Words an acronym may leave out ("Bank of America": BOA or BA).
_LINKING_WORDS = frozenset({"of", "and", "the", "for", "de", "der", "und", "du", "des", "la",
                            "di", "del", "y", "et", "e"})


@lru_cache(maxsize=CACHE_SIZE)
def domain_name(domain: str) -> str | None:
    """A registered domain's name without its suffix and hyphens ("acme.co.uk" -> "acme",
    "marks-and-spencer.com" -> "marksandspencer"), when it is long enough to tell a brand
    (four characters or more, not a number: a local test site's "127.0.0.1:8080" has none)."""
    name = domain.split(".", 1)[0].replace("-", "")
    return name if len(name) >= 4 and not name.isdigit() else None


def transliteration_overlap(left: str, right: str, generic: frozenset[str] = frozenset(),
                            translated: Mapping[str, frozenset[str]] | None = None) -> float:
    """How far a Latin name spells a CJK name's pinyin, trade words it translates counting
    by the pinyin of their Chinese (``translated``: "food" -> "shipin"): the share of the CJK
    name's syllables spelled, or, when that is less, the share of the Latin name's own
    distinctive words (``generic`` ones aside) spelled, if at least two are and one goes past
    the CJK name's first two syllables (often its city: that one is the brand). Translations
    count only once the brand is spelled, and the word share at most 0.9: only every syllable
    spelled makes a whole spelling.

    "成都宏荣食品" vs "chengdu hongrong food": cheng+du, hong+rong and shi+pin (食品, "food")
    are spelled: 1. "深圳力龙企业管理咨询" vs "shenzhen lilong management consulting": 8/10 of
    the syllables (企业 is left out), both distinctive words: 0.9. Zero unless exactly one side
    is CJK.
    """
    if has_cjk(left) == has_cjk(right):
        return 0.0
    cjk, latin = (left, right) if has_cjk(left) else (right, left)
    # "佛山市顺德区美佳电器": the places are spelled ("Foshan Shunde Meijia"), 市 and 区 are not
    syllables = pinyin_syllables(_ADMINISTRATIVE.sub(_places_only, cjk, count=1))
    if not syllables:
        return 0.0
    covered: set[int] = set()  # syllables the words spell
    translated_covered: set[int] = set()  # and those their translations spell
    words = list(dict.fromkeys(latin.split()))
    distinctive = sum(word not in generic for word in words)
    spelled = 0
    # The brand: a distinctive word spelled after the Latin name's first word or past the CJK
    # name's first two syllables (either is where the city goes: "Shenzhen Huaqiang ..."),
    # or anywhere when the CJK name starts with no place ("华为技术": Huawei Technologies).
    past_city = False
    brand_first = not _starts_with_place(cjk)
    for position, word in enumerate(words):
        found = _spelled_at(word, syllables)
        if found is not None:
            covered.update(range(found[0], found[1] + 1))
            if word not in generic:
                spelled += 1
                past_city = past_city or position > 0 or found[1] >= 2 or brand_first
            continue
        for form in (translated or {}).get(word, ()):
            found = _spelled_at(form, syllables)
            if found is not None:
                translated_covered.update(range(found[0], found[1] + 1))
                spelled += word not in generic
                break
    # Translated trade words count once the brand is spelled: "Shenzhen Electronics
    # Technology" is the city and two trade words of every 深圳市…电子科技.
    if past_city:
        covered |= translated_covered
    by_syllables = len(covered) / len(syllables)
    by_words = min(spelled / distinctive, 0.9) if past_city and spelled >= 2 else 0.0
    return max(by_syllables, by_words)


@lru_cache(maxsize=1)
def _chinese_places() -> frozenset[str]:
    return frozenset((*CHINESE_CITIES, *CHINESE_PROVINCES.split("|")))


def _starts_with_place(cjk: str) -> bool:
    """Whether a Chinese name key starts with a city or province of China ("深圳华强",
    "广东美的"; "华为技术" does not)."""
    places = _chinese_places()
    return any(cjk[:length] in places for length in (2, 3, 4))


#: A Chinese name's leading province, city and district: "广东省佛山市顺德区".
_ADMINISTRATIVE = re.compile(
    "^(?:([\u4e00-\u9fff]{2,3})省)?([\u4e00-\u9fff]{2,3})市(?:([\u4e00-\u9fff]{2,3})[区县])?")


def _places_only(match: re.Match[str]) -> str:
    """The places of :data:`_ADMINISTRATIVE`'s match without the words for their rank."""
    return "".join(part for part in match.groups() if part)


def _spelled_at(word: str, syllables: tuple[str, ...]) -> tuple[int, int] | None:
    """The first run of ``syllables`` (first and last index) that spells ``word``."""
    for start in range(len(syllables)):
        joined = ""
        for end in range(start, len(syllables)):
            joined += syllables[end]
            if len(joined) > len(word) or not word.startswith(joined):
                break
            if joined == word:
                return start, end
    return None


#: Fields whose key, held by many companies, is a switchboard or a list's filler: the field
#: -> its blocking key kind.
SHARED_KIND = {"domain": "domain", "phone": "phone", "registry": "registry",
               "mailbox": "mailbox"}


def _make_place_test(level: Level, rules: MatchingRules) -> PlaceTest | None:
    # (closures, not partials with keywords: they are called for most pairs, and cheaper)
    generic = rules.generic_name_words
    if level.test == "own_words":
        return lambda left, right, places: each_has_own_word(left, right, generic, places)
    if level.test == "trade_words_own":
        return lambda left, right, places: each_has_trade_word(left, right, generic, places)
    if level.test == "word_added_after":
        return lambda left, right, places: (word_added_after(left, right, generic, places)
                                            or cjk_word_added(left, right, generic))
    return None


#: One level as (test, label, weight, shared weight, place test, condition); see _Compiled.
_Level = tuple[Test | None, str, float, float | None, PlaceTest | None, str | None]


def _not_ascii(level: Level) -> bool:
    """Whether ``level`` holds only for a pair with a value in a script other than Latin (a
    Chinese place, a romanized or transliterated name, two scripts): a pair all in ASCII
    skips it."""
    return level.test in ("other_place", "romanized", "other_script") or (
        level.test == "transliterated" and (level.threshold or 0.0) > 0)


#: A pair's legal forms, as :attr:`_Compiled.levels` is indexed by them: not both named with
#: one, both (of one kind, or a kind not known), both of two kinds ("spa" and "srl").
_NO_FORMS, _BOTH_FORMS, _OTHER_FORMS = 0, 1, 2


def _kept(rule_levels: list[Level], levels: tuple[_Level, ...], forms: int,
          all_ascii: bool) -> tuple[_Level, ...]:
    """The compiled ``levels`` (of ``rule_levels``) a pair tries (see _Compiled.levels)."""
    return tuple(compiled for level, compiled in zip(rule_levels, levels, strict=True)
                 if (forms != _NO_FORMS or level.when != "both_legal_forms")
                 and (forms == _OTHER_FORMS or level.when != "other_legal_forms")
                 and not (all_ascii and _not_ascii(level)))


#: Per rules object: legal form key -> its kind (see ``legal_form_classes`` in the rules).
_FORM_KINDS: dict[int, tuple[MatchingRules, dict[str, str]]] = {}


def _pair_forms(record: MatchProfile, candidate: MatchProfile, rules: MatchingRules) -> int:
    """Whether both sides were named with a legal form, and of two kinds."""
    if not record.forms or not candidate.forms:
        return _NO_FORMS
    left, right = record.forms[0], candidate.forms[0]
    if left == right:
        return _BOTH_FORMS
    cached = _FORM_KINDS.get(id(rules))
    if cached is None or cached[0] is not rules:
        kinds = {form: kind for kind, forms in rules.legal_form_classes.items() for form in forms}
        cached = _FORM_KINDS[id(rules)] = (rules, kinds)
    kind_left, kind_right = cached[1].get(left), cached[1].get(right)
    return (_OTHER_FORMS if kind_left and kind_right and kind_left != kind_right
            else _BOTH_FORMS)


@dataclass(frozen=True, slots=True)
class _Compiled:
    field: str
    position: int
    """The field's place in :class:`MatchProfile` (a tuple: indexing beats ``getattr``)."""
    levels: tuple[tuple[tuple[_Level, ...], ...], ...]
    """The levels to try, as ``levels[forms][all_ascii]`` (``forms``: see :func:`_pair_forms`):
    without those whose condition is ``both_legal_forms`` unless both sides were named with a
    legal form, nor those whose condition is ``other_legal_forms`` unless with forms of two
    kinds, and without those for other scripts (:func:`_not_ascii`) when every value of the
    pair is ASCII.

    Each level is (test, label, weight, shared weight, place test, condition); test None
    for "exact", done as a membership test (most pairs end at an exact level, and ``in`` on a
    tuple runs in C); the place test, when the level has one, is used instead of the test
    once the pair has city keys; a level with a condition holds only for a pair both of
    whose sides were named with a legal form (``when: both_legal_forms``), or not known in
    two towns (``when: one_town``)."""
    ascii_differs: bool
    """Whether some level is for other scripts (worth checking the pair's script)."""
    exact: tuple[str, float] | None
    """(label, weight) of the first level when every pair tries an "exact" one first, without
    a shared weight or a condition: a pair whose first value is on the other side ends there
    (most pairs of a match, and most pairs' city, postal code and country)."""
    uses_places: bool
    uses_forms: bool
    uses_towns: bool
    discounts: dict[str, tuple[frozenset[str], str, float]]
    """Level label -> the fields whose levels weigh little for the pair once it holds, what
    their labels then go on with, and what they weigh at most."""
    else_hit: Hit
    shared_kind: str | None


_COMPILED: dict[int, tuple[MatchingRules, tuple[_Compiled, ...]]] = {}


def _compile(rules: MatchingRules) -> tuple[_Compiled, ...]:
    cached = _COMPILED.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    compiled = []
    for comparison in rules.comparisons:
        rule_levels = comparison.levels[:-1]
        levels = tuple((None if level.test == "exact" else _make_test(level, rules), level.label,
                        level.weight, level.shared_weight, _make_place_test(level, rules),
                        level.when)
                       for level in rule_levels)
        last = comparison.levels[-1]
        compiled.append(_Compiled(
            comparison.field, MatchProfile._fields.index(FIELD_ATTR[comparison.field]),
            tuple(tuple(_kept(rule_levels, levels, forms, all_ascii)
                        for all_ascii in (False, True))
                  for forms in (_NO_FORMS, _BOTH_FORMS, _OTHER_FORMS)),
            any(map(_not_ascii, rule_levels)),
            (rule_levels[0].label, rule_levels[0].weight)
            if rule_levels and rule_levels[0].test == "exact"
            and rule_levels[0].shared_weight is None and rule_levels[0].when is None else None,
            any(level[4] is not None for level in levels),
            any(level[5] in ("both_legal_forms", "other_legal_forms") for level in levels),
            any(level[5] == "one_town" for level in levels),
            {level.label: (frozenset(level.discount), level.discount_label,
                           level.discount_weight)
             for level in comparison.levels if level.discount},
            (comparison.field, last.label, last.weight, None),
            SHARED_KIND.get(comparison.field),
        ))
    if len(_COMPILED) > 32:
        _COMPILED.clear()
    _COMPILED[id(rules)] = (rules, tuple(compiled))  # holding ``rules`` keeps its id unique
    return _COMPILED[id(rules)][1]


def compare(
    record: MatchProfile,
    candidate: MatchProfile,
    rules: MatchingRules,
    shared: SharedCount | None = None,
) -> MatchResult:
    """Compare two profiles; a field missing on either side contributes nothing."""
    score = rules.prior
    hits: list[Hit] = []
    other_place = rules.other_place
    against: list[str] = []  # the fields whose level weighs against the pair
    discount: tuple[frozenset[str], str, float] | None = None
    compiled = _compile(rules)
    for comparison in compiled:
        lefts = record[comparison.position]
        rights = candidate[comparison.position]
        if not lefts or not rights:
            continue
        exact = comparison.exact
        if exact is not None and (first := lefts[0]) in rights:
            hit: Hit = (comparison.field, exact[0], exact[1], (first, first))
        else:
            places = (record.cities + candidate.cities) if comparison.uses_places else ()
            if places and record.countries == _CHINA == candidate.countries:
                places += CHINESE_PLACE_WORDS  # "Hebei Hengtai" and "Anping County Hengtai"
            forms = _pair_forms(record, candidate, rules) if comparison.uses_forms else _NO_FORMS
            # (asked only once a level with "when: one_town" holds: a pair's cities compared)
            towns = (record, candidate, compiled) if comparison.uses_towns else None
            hit = _best_level(comparison, lefts, rights, rules, shared, places, forms, towns)
        if hit[2] < 0:
            against.append(comparison.field)
        if comparison.discounts and hit[1] in comparison.discounts:
            discount = comparison.discounts[hit[1]]
        score += hit[2]
        hits.append(hit)
    if discount is not None:
        score += _discounted(hits, *discount)
    elsewhere = False
    if other_place is not None and against:
        change = _at_other_place(hits, against, other_place)
        if change is not None:
            elsewhere, score = True, score + change
    return MatchResult(score, decide(score, rules), hits, elsewhere)


def _in_two_towns(record: MatchProfile, candidate: MatchProfile,
                  compiled: tuple[_Compiled, ...], rules: MatchingRules) -> bool:
    """Whether the pair is known in two towns: the city comparison, both sides having a
    city, weighs against it ("Salta" and "San Miguel de Tucumán"; not "Bogotá" and "Bogotá
    D.C.")."""
    if not record.cities or not candidate.cities:
        return False
    for comparison in compiled:
        if comparison.field == "city":
            return _best_level(comparison, record.cities, candidate.cities, rules, None)[2] < 0
    return False


def _discounted(hits: list[Hit], fields: frozenset[str], why: str, weight: float) -> float:
    """The levels of ``fields`` in ``hits`` weighing more than ``weight`` for the pair weigh
    ``weight`` (a group's website says "one group", not "one company"), their labels going on
    with ``why``; the change to the pair's weight is returned."""
    change = 0.0
    for position, hit in enumerate(hits):
        if hit[0] in fields and hit[2] > weight:
            change += weight - hit[2]
            hits[position] = (hit[0], f"{hit[1]}, {why}", weight, hit[3])
    return change


def _at_other_place(hits: list[Hit], against: list[str], rule: OtherPlace) -> float | None:
    """None unless the pair is at two places of one brand: ``against`` (the fields whose
    level weighs against the pair) holds one of the rule's ``differ`` fields and one of its
    ``differ_any``. If it is, the ``rule.discount`` levels in ``hits`` that held weigh
    ``rule.weight`` (relabelled), and the change to the pair's weight is returned."""
    if rule.differ.isdisjoint(against) or (
            rule.differ_any and rule.differ_any.isdisjoint(against)):
        return None
    change = 0.0
    discount, weight = rule.discount, rule.weight
    for position, hit in enumerate(hits):
        if hit[0] in discount and hit[2] > weight:
            change += weight - hit[2]
            hits[position] = (hit[0], f"{hit[1]}, {rule.label}", weight, hit[3])
    return change


def _best_level(
    comparison: _Compiled,
    lefts: tuple[str, ...],
    rights: tuple[str, ...],
    rules: MatchingRules,
    shared: SharedCount | None,
    places: tuple[str, ...] = (),
    forms: int = _NO_FORMS,
    towns: tuple[MatchProfile, MatchProfile, tuple[_Compiled, ...]] | None = None,
) -> Hit:
    # A pair all in ASCII (most) skips the levels for other scripts (a tuple of one string
    # joins to that string: no copy)
    all_ascii = comparison.ascii_differs and "".join(lefts).isascii() and "".join(
        rights).isascii()
    for test, label, weight, shared_weight, place_test, condition in (
            comparison.levels[forms][all_ascii]):
        for left in lefts:
            if test is None:
                if left not in rights:
                    continue
                right = left
            elif place_test is not None and places:
                for right in rights:
                    if place_test(left, right, places):
                        break
                else:
                    continue
            else:
                for right in rights:
                    if test(left, right):
                        break
                else:
                    continue
            if towns is not None and condition == "one_town" and _in_two_towns(*towns, rules):
                break  # the level holds only for a pair not known in two towns
            if shared_weight is not None and comparison.shared_kind and shared is not None:
                holders = shared(comparison.shared_kind, left)
                if right != left:  # a switchboard and its direct line: either may be shared
                    holders = max(holders, shared(comparison.shared_kind, right))
                if holders >= rules.shared_key_companies:
                    label = f"{label} (shared by {holders} companies: weak)"
                    return comparison.field, label, shared_weight, (left, right)
            return comparison.field, label, weight, (left, right)
    return comparison.else_hit


@lru_cache(maxsize=CACHE_SIZE)
def _without_generic(name: str, generic: frozenset[str]) -> str:
    """``name`` with ``generic`` words left out (memoized: a candidate's names come up again
    and again, each time another record shares its street or a name word)."""
    return " ".join(word for word in name.split() if word not in generic)


def distinctive_ratio(left: str, right: str, generic: frozenset[str],
                      score_cutoff: float = 0.0) -> float:
    """Token set ratio (0-100) of two names with ``generic`` words left out ("alpha
    systemtechnik" vs "bravo systemtechnik": "alpha" vs "bravo"; "格力电器" vs "格兰电器":
    "格力" vs "格兰"); a name made of generic words only is compared whole. Below
    ``score_cutoff`` the ratio is 0."""
    a = _without_generic(left, generic)
    b = _without_generic(right, generic)
    if not a or not b:
        a, b = left, right
    elif not a.isascii() and " " not in a and " " not in b and has_cjk(a) and has_cjk(b):
        # Chinese names have no spaces: their trade words are left out inside them, so
        # "力丽企业" and "力鹏企业" compare as "力丽" and "力鹏", not three characters of four
        a, b = _cjk_rest(a, generic) or a, _cjk_rest(b, generic) or b
    return fuzz.token_set_ratio(a, b, score_cutoff=score_cutoff)


def each_has_own_word(left: str, right: str, generic: frozenset[str] = frozenset(),
                      places: tuple[str, ...] = ()) -> bool:
    """Whether two names share a distinctive word (``generic`` ones aside) and each also has
    one that nothing in the other spells. A word is spelled by the same word, a typo of it
    (Jaro-Winkler >= 0.85), its abbreviation or a prefix of it ("deli", "delicatessen"), or
    a word written together with it ("carlton", "ritzcarlton"). Words of ``places`` (the
    pair's city keys) count for neither: a branch named after its town ("müller berlin") is
    still "müller". Such names are two businesses of one family or site: "ritz carlton cafe"
    and "ritz carlton dining room", "siemens energy" and "siemens healthcare", "filiale 1
    meyer" and "filiale 2 meyer". A word of one that is the initials of the other's own words
    is none of its own ("mfp michelin", "manufacture francaise des pneumatiques michelin").

    Chinese and Japanese names, written without spaces, share their brand at the start and
    each go on with words of their own: "格灵人工智能与机器人研究院" and "格灵精睿视觉" (see
    :func:`_cjk_own_words`).

    Matching runs this for most candidates a block brings, so the set checks come first:
    nothing shared word for word, or nothing extra on one side, is a quick False."""
    if " " not in left and " " not in right and has_cjk(left) and has_cjk(right):
        return _cjk_own_words(left, right, generic)
    a, b = _distinctive_words(left, generic), _distinctive_words(right, generic)
    if places:
        towns = _place_words(places)
        a, b = a - towns, b - towns
    if a.isdisjoint(b):
        return False
    extra_a, extra_b = a - b, b - a
    if not extra_a or not extra_b:
        return False
    return (has_own_word(extra_a, b) and has_own_word(extra_b, a)
            and not initials_of_the_rest(left, right))


#: How many characters of a brand two CJK names must share at their start.
_CJK_BRAND = 2


def _cjk_own_words(left: str, right: str, generic: frozenset[str]) -> bool:
    """Whether two CJK names share a brand of two characters or more at the start and each
    goes on with two or more characters of its own: none of its character pairs in the
    other's rest, ``generic`` trade words (科技, 电子, 集团) aside. "华强电子" and "华强电子科技",
    "美的电器" and "美的集团" are one company's names."""
    rests = _cjk_brand_rests(left, right, generic)
    if rests is None:
        return False
    rest_a, rest_b = rests
    if len(rest_a) < 2 or len(rest_b) < 2 or rest_a in rest_b or rest_b in rest_a:
        return False
    return {rest_a[i:i + 2] for i in range(len(rest_a) - 1)}.isdisjoint(
        rest_b[i:i + 2] for i in range(len(rest_b) - 1))


def cjk_word_added(left: str, right: str, generic: frozenset[str]) -> bool:
    """Whether two CJK names (no spaces) share a brand and one's rest is the other's with two
    or more characters of its own added, ``generic`` trade words aside: "三菱ufj银行" and
    "三菱ufj信托银行" (a bank and the group's trust bank), as "siemens" and "siemens
    healthineers" are in Latin names; not "华强电子" and "华强电子科技" (科技 is generic)."""
    if left.isascii() or " " in left or " " in right or not (has_cjk(left) and has_cjk(right)):
        return False
    rests = _cjk_brand_rests(left, right, generic)
    if rests is None:
        return False
    short, long = sorted(rests, key=len)
    if short not in long:
        return False
    added = long.replace(short, "", 1)
    return len(added) >= 2 and has_cjk(added)


def _cjk_brand_rests(left: str, right: str, generic: frozenset[str]) -> tuple[str, str] | None:
    """What two CJK names have after the brand they start with (two characters or more, a
    town's name aside), ``generic`` trade words left out; None without such a brand."""
    shared = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        shared += 1
    # a town is no brand: "深圳市中科数建" and "深圳薪汇" share only 深圳
    if shared - max(cjk_place_length(left), cjk_place_length(right)) < _CJK_BRAND:
        return None
    return _cjk_rest(left[shared:], generic), _cjk_rest(right[shared:], generic)


def _cjk_rest(rest: str, generic: frozenset[str]) -> str:
    """A CJK name's rest after its brand without the generic trade words in it."""
    for word in generic:
        if word in rest and has_cjk(word):
            rest = rest.replace(word, "")
    return rest


@lru_cache(maxsize=CACHE_SIZE)
def _distinctive_words(name: str, generic: frozenset[str]) -> frozenset[str]:
    return frozenset((_without_generic(name, generic) or name).split())


_CHINA = ("CN",)
#: Words of a Chinese company's English name that place it, no word of its own: its province
#: ("Hebei Hengtai Wire Mesh") and a county's or city's rank ("Anping County Hengtai").
CHINESE_PLACE_WORDS = (*sorted(STATE_NAMES["CN"]), "county", "city", "district")


@lru_cache(maxsize=4096)
def _place_words(places: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for place in places for word in place.split())


def names_may_match(left: tuple[str, ...], right: tuple[str, ...], cutoff: float,
                    generic: frozenset[str] = frozenset()) -> bool:
    """A cheap screen before :func:`compare` for weak blocks (same street, a name word in the
    same city): False only when no name pair is alike (token set >= ``cutoff`` percent, and so
    with ``generic`` words left out), contained in the other, or written in different scripts
    (which the name levels treat specially)."""
    for a in left:
        for b in right:
            short, long = (a, b) if len(a) <= len(b) else (b, a)
            if (len(short) >= 3 and short in long) or (
                    not (a.isascii() and b.isascii()) and script_of(a) != script_of(b)):
                return True  # (the cheap tests first; ASCII is Latin)
            if fuzz.token_set_ratio(a, b, score_cutoff=cutoff) and (
                    not generic or distinctive_ratio(a, b, generic, cutoff) >= cutoff):
                return True
    return False


def decide(score: float, rules: MatchingRules) -> str:
    if score >= rules.thresholds.match:
        return "match"
    if score >= rules.thresholds.possible:
        return "possible"
    return "no_match"
