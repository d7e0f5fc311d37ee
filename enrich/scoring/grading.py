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

    Percentile grading ranks by score, then by completeness (the better-known lead first), then
    by id, so each grade holds its share exactly and the same data always gets the same grades.
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
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    p = grading.percentiles
    for letter in ("C", "B", "A"):
        count = math.ceil(n * p[letter] / 100.0)  # type: ignore[index]
        grades[eligible & (rank < count)] = letter
    return grades
