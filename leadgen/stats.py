"""Database statistics: counts per source, field coverage, contact statuses, recent runs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leadgen.query import latest_profile
from leadgen.storage.models import Company, ContactPoint, CrawlRun, Score, SourceRecord, utc_iso

#: Company fields whose coverage ``leadgen stats`` reports (label -> column).
COVERAGE_FIELDS = {
    "website": Company.website,
    "email": Company.email,
    "phone": Company.phone,
    "street": Company.street,
    "city": Company.city,
    "postal code": Company.postal_code,
    "country": Company.country,
    "description": Company.description,
}


def database_stats(session: Session) -> dict[str, Any]:
    """Everything ``leadgen stats`` shows, as plain data. A record imported again with other
    values is counted once, as its newest version, with the companies of newest versions;
    the versions it replaced are counted apart (``older_versions``)."""
    companies = session.scalar(select(func.count(Company.id))) or 0
    newest = select(func.max(SourceRecord.id).label("id")).group_by(
        SourceRecord.source_id, SourceRecord.record_key).subquery()
    stored: dict[str, int] = {source: count for source, count in session.execute(
        select(SourceRecord.source_id, func.count(SourceRecord.id))
        .group_by(SourceRecord.source_id))}
    per_source = [
        {"source": source, "records": records, "older_versions": stored[source] - records,
         "companies": merged}
        for source, records, merged in session.execute(
            select(
                SourceRecord.source_id,
                func.count(SourceRecord.id),
                func.count(func.distinct(SourceRecord.company_id)),
            ).join(newest, newest.c.id == SourceRecord.id)
            .group_by(SourceRecord.source_id).order_by(SourceRecord.source_id)
        )
    ]
    coverage = {}
    for label, column in COVERAGE_FIELDS.items():
        filled = session.scalar(select(func.count(Company.id)).where(column.is_not(None))) or 0
        coverage[label] = {"filled": filled, "share": filled / companies if companies else 0.0}
    contacts = [
        {"kind": kind, "status": status or "unchecked", "count": count}
        for kind, status, count in session.execute(
            select(ContactPoint.kind, ContactPoint.status, func.count(ContactPoint.id))
            .group_by(ContactPoint.kind, ContactPoint.status)
            .order_by(ContactPoint.kind, ContactPoint.status)
        )
    ]
    grades = {
        grade: count
        for grade, count in session.execute(
            select(Score.grade, func.count(Score.id))
            .where(Score.is_current.is_(True), Score.profile == latest_profile())
            .group_by(Score.grade).order_by(Score.grade)
        )
    }
    runs = [
        {
            "id": run.id, "kind": run.kind, "profile": run.profile, "status": run.status,
            "started_at": utc_iso(run.started_at),
            "finished_at": utc_iso(run.finished_at),
            # a crawl's items scraped, an import's rows
            "items": (run.stats or {}).get("item_scraped_count",
                                           (run.stats or {}).get("rows")),
        }
        for run in session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(5))
    ]
    return {
        "companies": companies,
        "source_records": sum(row["records"] for row in per_source),
        "older_versions": sum(row["older_versions"] for row in per_source),
        "per_source": per_source,
        "coverage": coverage,
        "contacts": contacts,
        "grades": grades,
        "grades_profile": session.scalar(select(latest_profile())) if grades else None,
        "recent_runs": runs,
    }
