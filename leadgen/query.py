"""Query the lead database: declarative filters over companies and their current scores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, and_, exists, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import ScalarSelect

from leadgen.exceptions import InputError
from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.matching.profile import name_variants
from leadgen.normalize import normalize_name
from leadgen.normalize.text import contract_umlauts
from leadgen.storage.models import Company, ContactPoint, Score


@dataclass
class LeadFilter:
    """Filters for ``leadgen query`` and ``leadgen export``; None means "any"."""

    name: str | None = None
    """Part of the name, as printed or as its match key (see :func:`name_matches`)."""
    country: list[str] | None = None
    """ISO country codes."""
    category: str | None = None
    """Substring of any category."""
    status: str | None = None
    grade: list[str] | None = None
    """Current grade(s) for ``profile`` (A, B, C, D)."""
    profile: str | None = None
    """Profile whose scores ``grade``/``min_score`` use (default: any current score)."""
    min_score: float | None = None
    has_email: bool = False
    has_phone: bool = False
    has_website: bool = False
    has_decision_maker: bool = False
    limit: int | None = None


def name_matches(text: str) -> ColumnElement[bool]:
    """Companies whose name holds ``text``: as printed (case-insensitive) or as its match key,
    which folds case and accents ("MÜLLER", "muller" and "Mueller" all find "Müller"), or
    whose merged records were listed under such a name (a hotel's cafe merged into its dining
    room is still found as the cafe)."""
    name = normalize_name(text)
    # The keys matching compares ("Bäckerei" also as "baeckerei"), and the key with written
    # umlauts contracted ("Mueller" as "muller", how "Müller" folds).
    parts = {*name_variants(name.name_key, name.display_name), contract_umlauts(name.name_key)}
    parts.discard("")
    patterns = [f"%{_escaped(part)}%" for part in parts]
    return or_(Company.display_name.ilike(f"%{_escaped(text.strip())}%", escape="\\"),
               *(Company.name_key.like(pattern, escape="\\") for pattern in patterns),
               *(_MergedNameLike(pattern) for pattern in patterns))


class _MergedNameLike(ColumnElement[bool]):
    """A name key of any record merged into the company (its matching profile's names, in
    ``companies.extra``) is LIKE ``pattern`` (escaped with a backslash)."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern


@compiles(_MergedNameLike, "sqlite")
def _merged_name_like_sqlite(element: _MergedNameLike, compiler: SQLCompiler, **kw: Any) -> str:
    pattern = compiler.process(literal(element.pattern), **kw)
    return (f"EXISTS (SELECT 1 FROM json_each({compiler.process(Company.__table__.c.extra, **kw)}, "
            f"'$.{PROFILE_KEY}.names') WHERE value LIKE {pattern} ESCAPE '\\')")


@compiles(_MergedNameLike, "postgresql")
def _merged_name_like_postgresql(element: _MergedNameLike, compiler: SQLCompiler, **kw: Any,
                                 ) -> str:
    pattern = compiler.process(literal(element.pattern), **kw)
    names = f"({compiler.process(Company.__table__.c.extra, **kw)} -> '{PROFILE_KEY}' -> 'names')"
    return (f"EXISTS (SELECT 1 FROM json_array_elements_text(CASE WHEN json_typeof({names}) "
            f"= 'array' THEN {names} END) AS name WHERE name LIKE {pattern} ESCAPE '\\')")


@compiles(_MergedNameLike)
def _merged_name_like_other(element: _MergedNameLike, compiler: SQLCompiler, **kw: Any) -> str:
    return "1 = 0"  # other databases: display names and name keys only


class _CategoryLike(ColumnElement[bool]):
    """A category of the company, lower-cased (every script's letters), is LIKE ``pattern``
    (lower case, escaped with a backslash). Matching the list's JSON text found nothing for
    "Bäckerei" on PostgreSQL, which writes it "B\\u00e4ckerei", and "u00" found them all."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern


@compiles(_CategoryLike, "sqlite")
def _category_like_sqlite(element: _CategoryLike, compiler: SQLCompiler, **kw: Any) -> str:
    pattern = compiler.process(literal(element.pattern), **kw)
    categories = compiler.process(Company.__table__.c.categories, **kw)
    return (f"EXISTS (SELECT 1 FROM json_each({categories}) "
            f"WHERE unicode_lower(value) LIKE {pattern} ESCAPE '\\')")


@compiles(_CategoryLike, "postgresql")
def _category_like_postgresql(element: _CategoryLike, compiler: SQLCompiler, **kw: Any) -> str:
    pattern = compiler.process(literal(element.pattern), **kw)
    categories = compiler.process(Company.__table__.c.categories, **kw)
    return (f"EXISTS (SELECT 1 FROM json_array_elements_text(CASE WHEN json_typeof("
            f"{categories}) = 'array' THEN {categories} END) AS category "
            f"WHERE lower(category) LIKE {pattern} ESCAPE '\\')")


def _escaped(text: str) -> str:
    """``text`` for a LIKE pattern: its own % and _ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def scored_profile(session: Session, profile: str) -> str:
    """The name scores are kept under for ``profile``: a profile's name, or a profile file's
    (scores are stored under the name in the file: "p1.yaml" found none); raises
    :class:`InputError` when no lead has a score for it, naming those that do."""
    from leadgen.profile import load_profile

    name = profile
    if Path(profile).suffix in (".yaml", ".yml") or Path(profile).is_file():
        name = load_profile(profile).name
    if session.scalar(select(Score.id).where(Score.profile == name).limit(1)) is None:
        known = sorted(session.scalars(select(Score.profile).distinct()))
        raise InputError(f"no lead is scored for profile {name!r} (scored: "
                         f"{', '.join(known) or 'none'}); run leadgen score --profile {profile}")
    return name


def latest_profile() -> ScalarSelect[str]:
    """The name of the profile scored last (its current scores), as a subquery."""
    return (select(Score.profile).where(Score.is_current.is_(True))
            .order_by(Score.scored_at.desc(), Score.id.desc()).limit(1).scalar_subquery())


def build_query(flt: LeadFilter) -> Select[Company, Score]:
    """The SELECT of companies (with their current score, if any) that match ``flt``: the
    score for ``flt.profile``, else for the profile scored last (one row per company: every
    scored profile's row came, twice the companies in an export)."""
    score_join = and_(Score.company_id == Company.id, Score.is_current.is_(True),
                      Score.profile == (flt.profile or latest_profile()))
    query = select(Company, Score).outerjoin(Score, score_join)
    if flt.name:
        query = query.where(name_matches(flt.name))
    if flt.country:
        query = query.where(Company.country.in_([c.upper() for c in flt.country]))
    if flt.category:
        query = query.where(_CategoryLike(f"%{_escaped(flt.category.strip().lower())}%"))
    if flt.status:
        query = query.where(Company.status == flt.status)
    if flt.grade:
        query = query.where(Score.grade.in_([g.upper() for g in flt.grade]))
    if flt.min_score is not None:
        query = query.where(Score.score >= flt.min_score)
    if flt.has_email:
        query = query.where(or_(Company.email.is_not(None), _has_contact("email")))
    if flt.has_phone:
        query = query.where(or_(Company.phone.is_not(None), _has_contact("phone")))
    if flt.has_website:
        query = query.where(Company.website.is_not(None))
    if flt.has_decision_maker:
        query = query.where(
            exists().where(
                ContactPoint.company_id == Company.id,
                ContactPoint.kind == "person",
                ContactPoint.decision_maker.is_(True),
            )
        )
    query = query.order_by(Score.score.desc().nulls_last(), Company.id)
    if flt.limit:
        query = query.limit(flt.limit)
    return query


def _has_contact(kind: str):  # type: ignore[no-untyped-def]
    return exists().where(ContactPoint.company_id == Company.id, ContactPoint.kind == kind)


def iter_leads(session: Session, flt: LeadFilter) -> Iterator[tuple[Company, Score | None]]:
    """Companies matching ``flt``, best score first."""
    yield from session.execute(build_query(flt))
