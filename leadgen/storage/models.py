"""SQLAlchemy models: the lead database.

``companies`` holds the merged, canonical lead; ``source_records`` keeps every record exactly as
a source gave it (nothing a crawl saw is lost, and ``leadgen dedupe`` can re-cluster from it).
Schema changes go through Alembic migrations in ``leadgen/storage/migrations``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Timezone-aware now, the one clock of the database."""
    return datetime.now(UTC)


def utc_iso(value: datetime | None) -> str | None:
    """A stored time in ISO form with its UTC offset ("2026-12-05T17:01:00+00:00"): SQLite
    gives the times back without one, PostgreSQL with it, and exports must read alike."""
    if value is None:
        return None
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value).isoformat()


class Base(DeclarativeBase):
    """Declarative base of every table."""

    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


COMPANY_STATUSES = ("new", "qualified", "contacted", "customer", "former", "excluded")
#: Strongest first: when companies merge, the survivor keeps the strongest of their statuses.
STATUS_PRECEDENCE = ("excluded", "customer", "former", "contacted", "qualified", "new")


class Company(Base):
    """The merged, canonical lead."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    legal_form: Mapped[str | None] = mapped_column(String(60))
    legal_name: Mapped[str | None] = mapped_column(String(300))
    registered_domain: Mapped[str | None] = mapped_column(String(255), index=True)
    website: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    street: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(120))
    region: Mapped[str | None] = mapped_column(String(120))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)
    size: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    social: Mapped[list[Any]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    outcome: Mapped[str | None] = mapped_column(String(10))
    """won / lost, where sales recorded an outcome (training data for learned weights)."""
    field_sources: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Per field, the source record id that survivorship picked."""
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    enriched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    records: Mapped[list[SourceRecord]] = relationship(back_populates="company")
    contacts: Mapped[list[ContactPoint]] = relationship(
        back_populates="company", cascade="all, delete-orphan"
    )


class CompanyKey(Base):
    """A blocking key of a company (domain, phone, name key + postal code, ...).

    Keyed by (company, kind, value) and, in SQLite, stored in that primary key's B-tree
    (``WITHOUT ROWID``): a company's keys are written together and company ids grow, so a bulk
    load appends instead of inserting every key at a random place of a (kind, value) index.
    Matching looks keys up in memory (loaded by a full scan); SQL reads them by company only.
    """

    __tablename__ = "company_keys"
    __table_args__ = ({"sqlite_with_rowid": False},)

    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[str] = mapped_column(String(320), primary_key=True)


class SourceRecord(Base):
    """One record exactly as a source gave it, with where and when, and where it was merged."""

    __tablename__ = "source_records"
    __table_args__ = (
        UniqueConstraint("source_id", "record_key", "content_hash", name="uq_source_record"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Indexed as the prefix of uq_source_record.
    source_id: Mapped[str] = mapped_column(String(120))
    record_key: Mapped[str] = mapped_column(String(500))
    """The record id on the source, or the page URL plus name when it has none."""
    record_id: Mapped[str | None] = mapped_column(String(500))
    page_url: Mapped[str] = mapped_column(String(2000))
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    content_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The lead as extracted, verbatim (``Lead.model_dump(mode="json")``)."""
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    match_evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """How the record was matched: level labels, scores, the company it joined."""
    crawl_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    company: Mapped[Company | None] = relationship(back_populates="records")


class ContactPoint(Base):
    """A way to reach a company: an e-mail, phone, website, social profile or a person."""

    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("company_id", "kind", "value", name="uq_contact"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index of its own: uq_contact starts with company_id, so its index serves lookups.
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    """email, phone, fax, website, social, person."""
    value: Mapped[str] = mapped_column(String(500))
    """The normalized value (E.164, lower-cased e-mail, URL, or the person's name)."""
    person_name: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    decision_maker: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str | None] = mapped_column(String(20))
    """valid / risky / invalid / unknown."""
    status_reason: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source_url: Mapped[str | None] = mapped_column(String(2000))
    found_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    company: Mapped[Company] = relationship(back_populates="contacts")


class PossibleMatch(Base):
    """A pair the matcher could not decide, kept for ``leadgen review``."""

    __tablename__ = "possible_matches"
    __table_args__ = (UniqueConstraint("company_a", "company_b", name="uq_possible_match"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_a: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    company_b: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="open")
    """open, merged, rejected."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class MatchDecision(Base):
    """A reviewer's decision that two companies are the same or different, anchored on one
    record of each (records keep their ids; companies are re-numbered by merges and
    ``leadgen dedupe``): dedupe keeps "same" pairs together and "different" pairs apart."""

    __tablename__ = "match_decisions"
    __table_args__ = (UniqueConstraint("record_a", "record_b", name="uq_match_decision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_a: Mapped[int] = mapped_column(ForeignKey("source_records.id", ondelete="CASCADE"))
    record_b: Mapped[int] = mapped_column(ForeignKey("source_records.id", ondelete="CASCADE"),
                                          index=True)
    decision: Mapped[str] = mapped_column(String(20))
    """same, different."""
    via: Mapped[str] = mapped_column(String(40), default="review")
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Score(Base):
    """A company's fit score for one profile at one time."""

    __tablename__ = "scores"
    __table_args__ = (Index("ix_scores_company_profile", "company_id", "profile", "scored_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    profile: Mapped[str] = mapped_column(String(120), index=True)
    score: Mapped[float] = mapped_column(Float)
    need: Mapped[float] = mapped_column(Float, default=0.0)
    pay: Mapped[float] = mapped_column(Float, default=0.0)
    authority: Mapped[float] = mapped_column(Float, default=0.0)
    reach: Mapped[float] = mapped_column(Float, default=0.0)
    eligible: Mapped[float] = mapped_column(Float, default=0.0)
    grade: Mapped[str] = mapped_column(String(1), index=True)
    completeness: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    scored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CrawlRun(Base):
    """One run of a crawl, an import, an enrichment or a scoring."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="crawl")
    profile: Mapped[str | None] = mapped_column(String(120))
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="running")
    """running, finished, failed, interrupted."""
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Suppression(Base):
    """An e-mail, domain, phone or company that must never be stored or exported again, or a
    person (by their own e-mail) to leave out of every company."""

    __tablename__ = "suppressions"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_suppression"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    """email (a role address: the company's), domain, phone, name_key, person."""
    value: Mapped[str] = mapped_column(String(320))
    reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IdWatermark(Base):
    """The highest id a table of ids that users see (companies, possible matches) ever gave,
    kept by SQLite triggers when its rows are deleted: SQLite hands out max(id) + 1, so after
    a merge took the newest company away its id went to the next new company, and an id
    from last week's export (``leadgen mark 3``, a review sheet's pair) named another one.
    New ids are taken above it (:func:`leadgen.storage.ids.top_id_query`); PostgreSQL's
    sequences never give an id twice."""

    __tablename__ = "id_watermarks"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    top: Mapped[int] = mapped_column(Integer)


class MergedCompany(Base):
    """A company merged into another (``leadgen review``, ``leadgen dedupe``): its id, which
    an export or a CRM may still carry, leads to the company that took its records."""

    __tablename__ = "merged_companies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    into_id: Mapped[int] = mapped_column(Integer)
    merged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

