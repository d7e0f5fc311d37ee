"""Matching declared as data: blocking keys, comparison levels and thresholds in ``rules.yaml``."""

from leadgen.matching.compare import LevelHit, MatchResult, compare, decide
from leadgen.matching.profile import MatchProfile, blocking_keys, profile_of
from leadgen.matching.rules import MatchingRules, load_rules

__all__ = [
    "LevelHit",
    "MatchProfile",
    "MatchResult",
    "MatchingRules",
    "blocking_keys",
    "compare",
    "decide",
    "load_rules",
    "profile_of",
]
