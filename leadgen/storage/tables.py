"""Core ``Table`` objects of the ORM models, for bulk SQL (executemany inserts, updates)."""

from __future__ import annotations

from sqlalchemy import Table

from leadgen.storage.models import (
    Company,
    CompanyKey,
    ContactPoint,
    MatchDecision,
    PossibleMatch,
    SourceRecord,
    Suppression,
)

COMPANIES: Table = Company.__table__  # type: ignore[assignment]
RECORDS: Table = SourceRecord.__table__  # type: ignore[assignment]
KEYS: Table = CompanyKey.__table__  # type: ignore[assignment]
CONTACTS: Table = ContactPoint.__table__  # type: ignore[assignment]
POSSIBLE: Table = PossibleMatch.__table__  # type: ignore[assignment]
DECISIONS: Table = MatchDecision.__table__  # type: ignore[assignment]
SUPPRESSIONS: Table = Suppression.__table__  # type: ignore[assignment]
