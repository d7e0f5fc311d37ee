"""Query the lead database: declarative filters over companies and their current scores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Select,
    and_,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import ScalarSelect

from leadgen.exceptions import InputError
from leadgen.ingest.ingestor import PROFILE_KEY
from leadgen.matching.profile import name_variants
from leadgen.normalize import normalize_name
from leadgen.normalize.text import contract_umlauts
from leadgen.storage.models import COMPANY_STATUSES, Company, ContactPoint, Score

#: The grades scoring gives.
GRADES = ("A", "B", "C", "D")


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
    """One of :data:`COMPANY_STATUSES`, in any case ("Customer")."""
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

    def __post_init__(self) -> None:
        # a status no company can have ("customers", "Kunde") would select none, silently
        if self.status is not None:
            status = self.status.strip().lower()
            if status not in COMPANY_STATUSES:
                raise InputError(f"no status {self.status!r}; give one of "
                                 + ", ".join(COMPANY_STATUSES))
            self.status = status
        # a grade no lead has ("E", "A,B" in one --grade) would select none, silently
        if self.grade is not None:
            grades = [part.strip().upper() for text in self.grade for part in text.split(",")]
            if unknown := [grade for grade in grades if grade not in GRADES]:
                raise InputError(f"no grade {unknown[0]!r}; give A, B, C or D (repeat --grade "
                                 "for several)")
            self.grade = grades


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
               *(_merged_name_like(pattern) for pattern in patterns))


class _ListItemLike(ColumnElement[bool]):
    """An item of a JSON list is LIKE ``pattern`` (escaped with a backslash): the list in
    ``column``, or at ``path`` inside it; with ``lowered``, each item lower-cased in every
    script first, and ``pattern`` by the same database function."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, column: Any, pattern: str, *, path: tuple[str, ...] = (),
                 lowered: bool = False) -> None:
        self.column, self.pattern, self.path, self.lowered = column, pattern, path, lowered


def _merged_name_like(pattern: str) -> _ListItemLike:
    """A name key of any record merged into the company (its matching profile's names, in
    ``companies.extra``) is LIKE ``pattern``."""
    return _ListItemLike(Company.__table__.c.extra, pattern, path=(PROFILE_KEY, "names"))


def _category_like(pattern: str) -> _ListItemLike:
    """A category of the company, lower-cased, is LIKE ``pattern``. Matching the list's JSON
    text found nothing for "Bäckerei" on PostgreSQL, which writes it "B\\u00e4ckerei", and
    "u00" found them all."""
    return _ListItemLike(Company.__table__.c.categories, pattern, lowered=True)


@compiles(_ListItemLike, "sqlite")
def _list_item_like_sqlite(element: _ListItemLike, compiler: SQLCompiler, **kw: Any) -> str:
    pattern = compiler.process(literal(element.pattern), **kw)
    path = f", '$.{'.'.join(element.path)}'" if element.path else ""
    value = "unicode_lower(value)" if element.lowered else "value"  # lower() folds ASCII only
    if element.lowered:
        pattern = f"unicode_lower({pattern})"
    return (f"EXISTS (SELECT 1 FROM json_each({compiler.process(element.column, **kw)}{path}) "
            f"WHERE {value} LIKE {pattern} ESCAPE '\\')")


@compiles(_ListItemLike, "postgresql")
def _list_item_like_postgresql(element: _ListItemLike, compiler: SQLCompiler, **kw: Any,
                               ) -> str:
    pattern = compiler.process(literal(element.pattern), **kw)
    items = compiler.process(element.column, **kw)
    if element.path:
        keys = "".join(f" -> '{key}'" for key in element.path)
        items = f"({items}{keys})"
    item = "lower(item)" if element.lowered else "item"
    if element.lowered:  # by the same function as the item: Python's lower() and
        pattern = f"lower({pattern})"  # PostgreSQL's differ on a final sigma and a dotted İ
    return (f"EXISTS (SELECT 1 FROM json_array_elements_text(CASE WHEN json_typeof({items}) "
            f"= 'array' THEN {items} END) AS item WHERE {item} LIKE {pattern} ESCAPE '\\')")


@compiles(_ListItemLike)
def _list_item_like_other(element: _ListItemLike, compiler: SQLCompiler, **kw: Any) -> str:
    return "1 = 0"  # other databases: display names and name keys only


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
        query = query.where(_category_like(f"%{_escaped(flt.category.strip())}%"))
    if flt.status:
        query = query.where(Company.status == flt.status)
    if flt.grade:
        query = query.where(Score.grade.in_(flt.grade))
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


def count_leads(session: Session, flt: LeadFilter) -> int:
    """How many companies match ``flt``, its limit aside."""
    matching = build_query(replace(flt, limit=None)).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(matching)) or 0


def iter_leads(session: Session, flt: LeadFilter) -> Iterator[tuple[Company, Score | None]]:
    """Companies matching ``flt``, best score first."""
    yield from session.execute(build_query(flt))
