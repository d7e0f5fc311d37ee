"""The "score" section of ``leadgen explain COMPANY``: fit, sub-scores, reasons, what moved."""

from __future__ import annotations

from sqlalchemy.orm import Session

from enrich.scoring.icp import DIMENSIONS
from enrich.scoring.store import ScoreRow, score_history


def _headline(row: ScoreRow) -> str:
    return (f"{row.profile}: fit {row.score:g}/100, grade {row.grade}, "
            f"data completeness {row.completeness:.0f}% (scored {row.scored_at:%Y-%m-%d %H:%M})")


def score_section(session: Session, company_id: int) -> str:
    """Plain text: per profile, the current score, its breakdown and the previous grade."""
    history = score_history(session, company_id)
    if not history:
        return "Not scored yet: run `leadgen score --profile NAME`."
    lines: list[str] = []
    seen: set[str] = set()
    for row in history:
        if row.profile in seen:
            continue
        seen.add(row.profile)
        lines.append(_headline(row))
        lines.append("  " + ", ".join(f"{dim} {getattr(row, dim):.0f}" for dim in DIMENSIONS))
        lines.extend(f"  {reason}" for reason in row.reasons or ["(no rule matched)"])
        older = [r for r in history if r.profile == row.profile and r.scored_at < row.scored_at]
        if older:
            before = older[0]
            lines.append(f"  before: fit {before.score:g}, grade {before.grade} "
                         f"({before.scored_at:%Y-%m-%d %H:%M})")
    return "\n".join(lines)
