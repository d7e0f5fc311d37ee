"""Score a record against a candidate: each comparison's first holding level adds its weight."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from leadgen.matching.profile import MatchProfile
from leadgen.matching.rules import Level, MatchingRules

#: (kind, value) -> number of distinct companies holding that key
SharedCount = Callable[[str, str], int]


@dataclass(slots=True)
class LevelHit:
    """One comparison's outcome: which level held, with which values."""

    field: str
    label: str
    weight: float
    values: tuple[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"field": self.field, "level": self.label, "weight": self.weight}
        if self.values:
            data["values"] = list(self.values)
        return data


@dataclass(slots=True)
class MatchResult:
    """The total weight of a pair and the decision the thresholds give."""

    score: float
    decision: str  # match / possible / no_match
    levels: list[LevelHit] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "decision": self.decision,
            "levels": [hit.as_dict() for hit in self.levels],
        }


def _digits_tail(value: str, count: int) -> str:
    digits = [c for c in value if c.isdigit()]
    return "".join(digits[-count:]) if len(digits) >= count else ""


def _house_number(street: str) -> str | None:
    for token in street.split():
        if token[:1].isdigit():
            return token
    return None


def _test(level: Level, left: str, right: str) -> bool:
    test = level.test
    if test == "exact":
        return left == right
    threshold = level.threshold or 0.0
    if test == "jaro_winkler":
        return JaroWinkler.similarity(left, right) >= threshold
    if test == "token_set":
        return fuzz.token_set_ratio(left, right) >= threshold * 100
    if test == "contains":
        short, long = sorted((left, right), key=len)
        return len(short) >= 3 and short in long
    if test == "last_digits":
        tail = _digits_tail(left, int(threshold))
        return bool(tail) and tail == _digits_tail(right, int(threshold))
    if test == "number_and_fuzzy":
        number = _house_number(left)
        return (
            number is not None
            and number == _house_number(right)
            and JaroWinkler.similarity(left, right) >= threshold
        )
    return test == "else"


_SHARED_KIND = {"domain": "domain", "phone": "phone"}


def compare(
    record: MatchProfile,
    candidate: MatchProfile,
    rules: MatchingRules,
    shared: SharedCount | None = None,
) -> MatchResult:
    """Compare two profiles; a field missing on either side contributes nothing."""
    score = rules.prior
    hits: list[LevelHit] = []
    for comparison in rules.comparisons:
        lefts = record.values(comparison.field)
        rights = candidate.values(comparison.field)
        if not lefts or not rights:
            continue
        hit = _best_level(comparison.field, comparison.levels, lefts, rights, rules, shared)
        score += hit.weight
        hits.append(hit)
    return MatchResult(score, decide(score, rules), hits)


def _best_level(
    field_name: str,
    levels: list[Level],
    lefts: tuple[str, ...],
    rights: tuple[str, ...],
    rules: MatchingRules,
    shared: SharedCount | None,
) -> LevelHit:
    for level in levels:
        if level.test == "else":
            return LevelHit(field_name, level.label, level.weight)
        for left in lefts:
            for right in rights:
                if not _test(level, left, right):
                    continue
                kind = _SHARED_KIND.get(field_name)
                if level.shared_weight is not None and kind and shared is not None:
                    holders = shared(kind, left)
                    if holders >= rules.shared_key_companies:
                        label = f"{level.label} (shared by {holders} companies: weak)"
                        return LevelHit(field_name, label, level.shared_weight, (left, right))
                return LevelHit(field_name, level.label, level.weight, (left, right))
    raise AssertionError("unreachable: rules validation ensures a final else level")


def decide(score: float, rules: MatchingRules) -> str:
    if score >= rules.thresholds.match:
        return "match"
    if score >= rules.thresholds.possible:
        return "possible"
    return "no_match"
