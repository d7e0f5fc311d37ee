"""Scores in the database: bulk writes with history, current scores for query/export, diffs.

Every scoring of a profile inserts one row per lead and flags it ``is_current``; the previous rows
stay (``is_current`` false), so a profile change shows what moved.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from enrich.scoring.engine import ScoreResult
from enrich.scoring.icp import DIMENSIONS
from leadgen.exceptions import InputError
from leadgen.storage.models import Company, Score

COLUMNS = (
    "company_id", "profile", "score", "need", "pay", "authority", "reach", "eligible", "grade",
    "completeness", "reasons", "is_current", "scored_at",
)
OUTCOMES = ("won", "lost")


@dataclass
class ScoreRow:
    """A company's current score under one profile (what query and export show)."""

    company_id: int
    profile: str
    score: float
    need: float
    pay: float
    authority: float
    reach: float
    eligible: float
    grade: str
    completeness: float
    reasons: list[str]
    scored_at: datetime


@dataclass
class ScoreDiff:
    """What changed between the previous and the new current scores of a profile."""

    previous: int = 0
    """Leads that had a current score before."""
    changed: dict[str, int] = field(default_factory=dict)
    """Grade transitions ("B->A") and how many leads made each."""
    new: int = 0
    """Leads scored for the first time."""
    movers: list[tuple[int, float, float, str, str]] = field(default_factory=list)
    """(company id, old score, new score, old grade, new grade), the largest moves first."""

    @property
    def changed_total(self) -> int:
        """Leads whose grade changed."""
        return sum(self.changed.values())

    def summary(self) -> str:
        """One line: "N leads changed grade: B->A 3, C->B 12"."""
        if not self.previous:
            return f"first scoring of this profile: {self.new} leads"
        ranked = sorted(self.changed.items(), key=lambda kv: -kv[1])
        parts = ", ".join(f"{k} {v}" for k, v in ranked)
        line = f"{self.changed_total} leads changed grade" + (f": {parts}" if parts else "")
        if self.new:
            line += f"; {self.new} leads scored for the first time"
        return line


def previous_scores(connection: Connection, profile: str) -> tuple[np.ndarray, ...]:
    """Company ids, scores and grades of the current rows of ``profile`` (sorted by id)."""
    # A raw cursor: a million rows without building a SQLAlchemy Row each.
    query = select(Score.company_id, Score.score, Score.grade).where(
        Score.profile == profile, Score.is_current.is_(True)
    )
    compiled = query.compile(dialect=connection.dialect)
    cursor = connection.connection.cursor()
    try:
        params = compiled.params
        if connection.dialect.paramstyle in ("qmark", "numeric"):
            args: Any = tuple(params[name] for name in compiled.positiontup or ())
        else:
            args = params
        cursor.execute(str(compiled), args)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.float32), np.zeros(0, "<U1")
    ids, scores, grades = zip(*rows, strict=True)
    return np.asarray(ids, np.int64), np.asarray(scores, np.float32), np.asarray(grades, "<U1")


def diff_scores(
    previous: tuple[np.ndarray, ...], result: ScoreResult, top: int = 20
) -> ScoreDiff:
    """Compare the previous current scores with ``result`` (vectorized)."""
    old_ids, old_scores, old_grades = previous
    diff = ScoreDiff(previous=len(old_ids))
    if len(result.ids) == 0:
        return diff
    order = np.argsort(old_ids)
    old_ids, old_scores, old_grades = old_ids[order], old_scores[order], old_grades[order]
    pos = np.searchsorted(old_ids, result.ids)
    pos_clipped = np.minimum(pos, max(len(old_ids) - 1, 0))
    seen = (pos < len(old_ids)) & (old_ids[pos_clipped] == result.ids) if len(old_ids) else (
        np.zeros(len(result.ids), dtype=bool)
    )
    diff.new = int((~seen).sum())
    if not seen.any():
        return diff
    was_grade = old_grades[pos_clipped[seen]]
    now_grade = result.grade[seen]
    moved = was_grade != now_grade
    if moved.any():
        pairs = np.char.add(np.char.add(was_grade[moved], "->"), now_grade[moved])
        keys, counts = np.unique(pairs, return_counts=True)
        diff.changed = {str(k): int(c) for k, c in zip(keys, counts, strict=True)}
    delta = result.score[seen] - old_scores[pos_clipped[seen]]
    # Biggest moves first; a grade that changed with its score (new thresholds) moved too:
    # stopping at the first unchanged score listed none of those.
    changed = np.flatnonzero((delta != 0) | moved)
    big = changed[np.lexsort((~moved[changed], -np.abs(delta[changed])))][:top]
    seen_rows = np.flatnonzero(seen)
    for k in big:
        row = seen_rows[k]
        diff.movers.append((
            int(result.ids[row]), float(old_scores[pos_clipped[row]]), float(result.score[row]),
            str(was_grade[k]), str(now_grade[k]),
        ))
    return diff


def _rows(profile: str, result: ScoreResult, scored_at: Any, true_value: Any) -> Any:
    reasons = result.reasons_json()
    columns = [
        result.ids.tolist(),
        np.round(result.score.astype(np.float64), 1).tolist(),
        *[np.round(result.sub[d].astype(np.float64), 1).tolist() for d in DIMENSIONS],
        result.grade.tolist(),
        np.round(result.completeness.astype(np.float64), 1).tolist(),
        [reasons[p] for p in result.pattern.tolist()],
    ]
    for company_id, score, need, pay, auth, reach, elig, grade, compl, why in zip(
        *columns, strict=True
    ):
        yield (company_id, profile, score, need, pay, auth, reach, elig, grade, compl, why,
               true_value, scored_at)


def write_scores(engine: Engine, profile: str, result: ScoreResult) -> ScoreDiff:
    """Make ``result`` the current scores of ``profile``; older rows are kept, not current.

    One transaction: readers see the old or the new scores, never none. SQLite gets one
    ``executemany`` of plain tuples, PostgreSQL a ``COPY``. The previous grades for the diff
    come from a small file kept beside the feature cache while no other scores were written
    since (reading a million fat score rows back would cost more than the scoring itself).
    """
    scored_at = datetime.now(UTC)
    sidecar = _last_scores_path(engine, profile)
    with engine.begin() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # a bigger page cache while a million index entries change
            connection.exec_driver_sql("PRAGMA cache_size=-262144")
        previous = _load_last_scores(sidecar, _scores_stamp(connection))
        if previous is None:
            previous = previous_scores(connection, profile)
        connection.execute(
            update(Score)
            .where(Score.profile == profile, Score.is_current.is_(True))
            .values(is_current=False)
        )
        if len(result.ids) == 0:
            pass
        elif connection.dialect.name == "postgresql":
            _copy_postgres(connection, profile, result, scored_at)
        else:
            stamp = scored_at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
            placeholders = ", ".join("?" for _ in COLUMNS)
            sql = f"INSERT INTO scores ({', '.join(COLUMNS)}) VALUES ({placeholders})"
            # The DBAPI cursor of this same transaction takes a generator: sqlite3 pulls the rows
            # one by one, so a million tuples never exist at once.
            cursor = connection.connection.cursor()
            try:
                cursor.executemany(sql, _rows(profile, result, stamp, 1))
            finally:
                cursor.close()
        if sqlite:
            connection.exec_driver_sql("PRAGMA cache_size=-2000")
        after = _scores_stamp(connection)
    _save_last_scores(sidecar, after, result)
    return diff_scores(previous, result)


def _scores_stamp(connection: Connection) -> str:
    """Changes whenever score rows are added or removed (cheap: primary key and row count)."""
    count, newest = connection.execute(select(func.count(Score.id), func.max(Score.id))).one()
    return f"{count}:{newest}"


def _last_scores_path(engine: Engine, profile: str) -> Path:
    from enrich.scoring.cache import cache_path

    base = cache_path(engine)
    digest = hashlib.sha1(profile.encode()).hexdigest()[:12]
    return base.with_name(f"{base.stem}.last-scores-{digest}.npz")


def _load_last_scores(path: Path, stamp: str) -> tuple[np.ndarray, ...] | None:
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["stamp"]) != stamp:
                return None
            return data["ids"], data["score"], data["grade"]
    except (OSError, KeyError, ValueError):
        return None


def _save_last_scores(path: Path, stamp: str, result: ScoreResult) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez(tmp, stamp=np.asarray(stamp), ids=result.ids, score=result.score,
                 grade=result.grade)
        os.replace(tmp, path)
    except OSError:  # only a speed-up: the next diff reads the database instead
        pass


def _copy_postgres(connection: Connection, profile: str, result: ScoreResult, at: Any) -> None:
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY scores ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in _rows(profile, result, at, True):
            copy.write_row(row)


def prune_history(engine: Engine, profile: str, keep: int) -> int:
    """Delete all but the ``keep`` newest scorings of ``profile`` (the current one always stays).

    Returns how many rows were deleted.
    """
    if keep < 1:
        raise InputError(f"--keep-runs {keep}: keep at least the current scoring (1)")
    with engine.begin() as connection:
        times = connection.execute(
            select(Score.scored_at).where(Score.profile == profile)
            .group_by(Score.scored_at).order_by(Score.scored_at.desc()).limit(keep)
        ).scalars().all()
        if len(times) < keep:
            return 0
        deleted = connection.execute(
            delete(Score).where(Score.profile == profile, Score.scored_at < times[-1],
                                Score.is_current.is_(False))
        ).rowcount
    return int(deleted or 0)


def current_scores(session: Session, profile: str | None = None) -> dict[int, ScoreRow]:
    """Current score per company id for ``profile`` (default: the most recently scored one)."""
    if profile is None:
        profile = session.execute(
            select(Score.profile).where(Score.is_current.is_(True))
            .order_by(Score.scored_at.desc(), Score.id.desc()).limit(1)
        ).scalar()
        if profile is None:
            return {}
    rows = session.execute(
        select(Score).where(Score.profile == profile, Score.is_current.is_(True))
    ).scalars()
    return {row.company_id: _score_row(row) for row in rows}


def _score_row(row: Score) -> ScoreRow:
    return ScoreRow(
        company_id=row.company_id, profile=row.profile, score=row.score, need=row.need,
        pay=row.pay, authority=row.authority, reach=row.reach, eligible=row.eligible,
        grade=row.grade, completeness=row.completeness, reasons=list(row.reasons or []),
        scored_at=row.scored_at,
    )


def score_history(session: Session, company_id: int, profile: str | None = None) -> list[ScoreRow]:
    """Every score of a company (newest first), optionally for one profile."""
    query = select(Score).where(Score.company_id == company_id)
    if profile:
        query = query.where(Score.profile == profile)
    rows = session.execute(query.order_by(Score.scored_at.desc(), Score.id.desc())).scalars()
    return [_score_row(row) for row in rows]


def mark_outcome(session: Session, company: Company, outcome: str | None) -> None:
    """Record a sales outcome (won/lost, or None to clear): training data for ``--learn``."""
    if outcome is not None and outcome not in OUTCOMES:
        raise InputError(f"outcome {outcome!r} is not one of won, lost (or clear)")
    company.outcome = outcome
    session.add(company)
