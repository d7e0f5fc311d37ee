"""The outcome of a reachability check, in the vocabulary sales tools use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["valid", "risky", "invalid", "unknown"]

#: Worst first: when several findings apply, the worst decides the status.
STATUS_ORDER: tuple[Status, ...] = ("invalid", "unknown", "risky", "valid")


@dataclass
class CheckResult:
    """Status, the one reason that decided it, and the details behind it."""

    status: Status
    reason: str
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON columns and exports."""
        return {"status": self.status, "reason": self.reason, "details": self.details}


def worst(findings: list[tuple[Status, str]]) -> tuple[Status, str]:
    """The finding with the worst status (first one of that status wins)."""
    for status in STATUS_ORDER:
        for found_status, reason in findings:
            if found_status == status:
                return found_status, reason
    raise ValueError("worst() needs at least one finding")
