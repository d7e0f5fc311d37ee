"""Score every lead of a database under a profile: features, rules, grades, storage, diff."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy.engine import Engine

from enrich.scoring.engine import ScoreResult, score_features
from enrich.scoring.features import FeatureSet, load_features
from enrich.scoring.icp import IdealCustomerProfile
from enrich.scoring.store import ScoreDiff, write_scores
from leadgen.exceptions import ConfigError
from leadgen.storage.models import CrawlRun, utcnow


@dataclass
class ScoreRun:
    """The outcome of one scoring of a profile."""

    profile: str
    features: FeatureSet
    result: ScoreResult
    diff: ScoreDiff | None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def grade_counts(self) -> dict[str, int]:
        """Leads per grade."""
        letters, counts = np.unique(self.result.grade, return_counts=True)
        found = {str(k): int(v) for k, v in zip(letters, counts, strict=True)}
        return {letter: found.get(letter, 0) for letter in "ABCD"}


def rescore(
    engine: Engine,
    profile: str,
    icp: IdealCustomerProfile,
    scheme: str | None = None,
    rebuild_features: bool = False,
    write: bool = True,
) -> ScoreRun:
    """Score every company under ``icp`` and (``write``) make the result current for ``profile``."""
    if icp.is_empty:
        raise ConfigError(
            f"profile {profile!r} has no icp: rules; add need/pay/authority/reach/eligible rules"
        )
    timings: dict[str, float] = {}
    started = time.perf_counter()
    features = load_features(engine, rebuild=rebuild_features)
    timings["features"] = time.perf_counter() - started
    mark = time.perf_counter()
    result = score_features(features, icp, scheme)
    timings["score"] = time.perf_counter() - mark
    diff = None
    if write:
        mark = time.perf_counter()
        diff = write_scores(engine, profile, result)
        timings["write"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    run = ScoreRun(profile, features, result, diff, timings)
    if write:
        _record_run(engine, run, scheme or icp.grading.scheme)
    return run


def _record_run(engine: Engine, run: ScoreRun, scheme: str) -> None:
    """Keep a ``crawl_runs`` row of kind ``score`` with the counts and timings."""
    from leadgen.storage.db import session_scope

    stats = {
        "leads": run.features.n,
        "grades": run.grade_counts,
        "scheme": scheme,
        "feature_cache": run.features.extra.get("cache"),
        "seconds": {k: round(v, 3) for k, v in run.timings.items()},
    }
    if run.diff is not None:
        stats["grade_changes"] = run.diff.changed
        stats["new"] = run.diff.new
    with session_scope(engine) as session:
        session.add(CrawlRun(
            kind="score", profile=run.profile, status="finished", stats=stats,
            finished_at=utcnow(),
        ))
