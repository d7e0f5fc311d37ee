"""From rule hits to fit scores, sub-scores, vetoes and reasons, for every lead at once."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np

from enrich.scoring.features import FeatureSet
from enrich.scoring.grading import grade
from enrich.scoring.icp import DIMENSIONS, IdealCustomerProfile, Rule
from enrich.scoring.rules import RuleEvaluator, RuleHit, rule_title


@dataclass
class ScoredRule:
    """A rule with its dimension and its hit over every lead."""

    dimension: str
    rule: Rule
    hit: RuleHit

    @property
    def name(self) -> str:
        """A readable name of the whole rule ("need: category matches 'food/dairy/...'")."""
        return f"{self.dimension}: {rule_title(self.rule)}"


@dataclass
class ScoreResult:
    """Scores of every lead of a :class:`FeatureSet` under one ICP."""

    ids: np.ndarray
    score: np.ndarray
    """Fit score 0-100 (0 when vetoed)."""
    raw_score: np.ndarray
    """Fit score before vetoes (what the rules alone say about fit)."""
    sub: dict[str, np.ndarray]
    """Per dimension, 0-100."""
    vetoed: np.ndarray
    completeness: np.ndarray
    grade: np.ndarray
    rules: list[ScoredRule]
    pattern: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Per lead, an index into ``reasons``: leads with the same hits share their reasons."""
    reasons: list[list[str]] = field(default_factory=list)

    def reasons_of(self, row: int) -> list[str]:
        """The reasons of lead ``row``."""
        return self.reasons[int(self.pattern[row])]

    def reasons_json(self) -> list[str]:
        """The reasons of each pattern as JSON, for bulk writes."""
        return [json.dumps(reasons, ensure_ascii=False) for reasons in self.reasons]

    def activations(self, learnable_only: bool = False) -> tuple[np.ndarray, list[str]]:
        """The rule hits as a 0/1 matrix (leads x rules), with the rule names.

        ``learnable_only`` leaves out vetoes and status rules: they restate the outcome labels
        (customers, excluded) that learning is trained on.
        """
        chosen = [
            r for r in self.rules
            if not learnable_only or (not r.rule.veto and r.rule.condition != "status")
        ]
        matrix = np.zeros((len(self.ids), len(chosen)), dtype=np.float64)
        for j, scored in enumerate(chosen):
            matrix[:, j] = scored.hit.mask
        return matrix, [r.name for r in chosen]


def _points_text(points: float) -> str:
    return f"{points:+g}"


def score_features(
    features: FeatureSet, icp: IdealCustomerProfile, scheme: str | None = None
) -> ScoreResult:
    """Evaluate every rule of ``icp`` over ``features``; grade by ``scheme`` (or the ICP's)."""
    evaluator = RuleEvaluator(features, icp)
    n = features.n
    scored = [ScoredRule(dim, rule, evaluator.evaluate(rule)) for dim, rule in icp.rules()]
    # A dimension's points: its positive points up to its cap, less its negative points
    # (capping the sum let a penalty vanish into points above the cap: a machinery supplier
    # with -20 "a supplier, not a buyer" scored as the ideal lead).
    raw = {dim: np.zeros(n, dtype=np.float64) for dim in DIMENSIONS}
    penalty = {dim: np.zeros(n, dtype=np.float64) for dim in DIMENSIONS}
    vetoed = np.zeros(n, dtype=bool)
    for item in scored:
        if item.rule.veto:
            vetoed |= item.hit.mask
        elif item.rule.points > 0:
            raw[item.dimension] += item.hit.mask * item.rule.points
        else:
            penalty[item.dimension] += item.hit.mask * item.rule.points
    caps = {dim: icp.cap(dim) for dim in DIMENSIONS}
    total_cap = sum(caps.values()) or 1.0
    total = np.zeros(n, dtype=np.float64)
    sub: dict[str, np.ndarray] = {}
    for dim in DIMENSIONS:
        cap = caps[dim]
        points = np.minimum(raw[dim], cap) + penalty[dim]
        total += points
        sub[dim] = (
            (100.0 * np.clip(points, 0, cap) / cap) if cap > 0 else np.zeros(n)
        ).astype(np.float32)
    raw_score = (100.0 * np.clip(total, 0, total_cap) / total_cap).astype(np.float32)
    raw_score = np.round(raw_score, 1)
    score = np.where(vetoed, np.float32(0), raw_score).astype(np.float32)
    result = ScoreResult(
        ids=features.ids, score=score, raw_score=raw_score, sub=sub, vetoed=vetoed,
        completeness=features.completeness,
        grade=grade(score, vetoed, features.completeness, features.ids, icp.grading, scheme),
        rules=scored,
    )
    _attach_reasons(result, caps, raw)
    return result


def _attach_reasons(
    result: ScoreResult, caps: dict[str, float], raw: dict[str, np.ndarray]
) -> None:
    """Reasons per distinct hit pattern: a million leads share a few thousand patterns."""
    n = len(result.ids)
    if not result.rules or n == 0:
        result.pattern = np.zeros(n, dtype=np.int64)
        result.reasons = [[]]
        return
    columns = [item.hit.detail.astype(np.int64) + 1 for item in result.rules]
    radices = [len(item.hit.texts) + 1 for item in result.rules]
    for dim in DIMENSIONS:
        columns.append((raw[dim] > caps[dim]).astype(np.int64))
        radices.append(2)
    pattern, first_rows = _pattern_ids(columns, radices)
    result.pattern = pattern
    reasons: list[list[str]] = []
    for first in first_rows:
        row = [int(column[first]) - 1 for column in columns[: len(result.rules)]]
        row += [int(column[first]) for column in columns[len(result.rules):]]
        texts: list[str] = []
        for j, item in enumerate(result.rules):
            code = int(row[j])
            if code < 0:
                continue
            text = item.hit.texts[code]
            if item.rule.veto:
                texts.append(f"veto {item.dimension}: {text}")
            else:
                texts.append(f"{_points_text(item.rule.points)} {item.dimension}: {text}")
        for k, dim in enumerate(DIMENSIONS):
            if row[len(result.rules) + k]:
                texts.append(f"{dim} capped at {caps[dim]:g} points")
        # A veto first: a vetoed lead's table showed its points, not why it scored 0.
        texts.sort(key=lambda text: not text.startswith("veto "))
        reasons.append(texts)
    result.reasons = reasons


def _pattern_ids(columns: list[np.ndarray], radices: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Dense ids of the distinct rows of ``columns`` and one row index per id.

    Mixed-radix keys in int64, re-densified with ``np.unique`` before they could overflow: much
    faster than ``np.unique(axis=0)`` on a million rows.
    """
    key = np.zeros(len(columns[0]), dtype=np.int64)
    span = 1
    for column, radix in zip(columns, radices, strict=True):
        if span * radix >= 2**62:
            values, key = np.unique(key, return_inverse=True)
            key = key.reshape(-1).astype(np.int64)
            span = len(values)
        key = key * radix + column
        span *= radix
    _, first_rows, inverse = np.unique(key, return_index=True, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), first_rows
