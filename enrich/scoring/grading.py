"""Grades A/B/C/D from fit scores: by fixed thresholds or by percentile (A the top 1%, ...)."""

from __future__ import annotations

import math

import numpy as np

from enrich.scoring.icp import Grading
from leadgen.exceptions import InputError

SCHEMES = ("percentile", "thresholds")


def grade(
    score: np.ndarray,
    vetoed: np.ndarray,
    completeness: np.ndarray,
    ids: np.ndarray,
    grading: Grading,
    scheme: str | None = None,
) -> np.ndarray:
    """A grade per lead. Vetoed leads and leads scoring 0 are always D.

    Percentile grading ranks by score, then by completeness (the better-known lead first);
    leads alike in both share the rank of the first of them, so equal leads get one grade (a
    grade then holds more than its share where such a group crosses its edge; the order among
    them went by id, and ten leads of 65 points got A, C and D).
    """
    scheme = scheme or grading.scheme
    if scheme not in SCHEMES:
        raise InputError(f"unknown grading scheme {scheme!r}; use percentile or thresholds")
    n = len(score)
    grades = np.full(n, "D", dtype="<U1")
    eligible = ~vetoed & (score > 0)
    if scheme == "thresholds":
        t = grading.thresholds
        for letter in ("C", "B", "A"):
            grades[eligible & (score >= t[letter])] = letter  # type: ignore[index]
        return grades
    order = np.lexsort((ids, -completeness, -score))
    ranked_score, ranked_completeness = score[order], completeness[order]
    starts = np.ones(n, dtype=bool)  # where a group of leads alike begins
    starts[1:] = (ranked_score[1:] != ranked_score[:-1]) | (
        ranked_completeness[1:] != ranked_completeness[:-1])
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
    p = grading.percentiles
    for letter in ("C", "B", "A"):
        count = math.ceil(n * p[letter] / 100.0)  # type: ignore[index]
        grades[eligible & (rank < count)] = letter
    return grades
