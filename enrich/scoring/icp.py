"""The ideal-customer profile (ICP): fit-scoring rules declared as data in a profile's ``icp:``.

Five dimensions, as sales qualification asks them: does the lead **need** what we sell, can it
**pay**, is someone with **authority** reachable, can we **reach** it, is it **eligible**. Each
dimension is a list of rules; a rule has one condition, points (or a veto) and a readable label::

    need:
      - points: 30
        keywords: {terms: [food, cosmetics], fields: [categories]}
        label: "category matches '{term}'"
    eligible:
      - points: -30
        country: {not_in: [DACH, BENELUX, GB, US, CN]}
        label: outside target regions
      - veto: true
        status: [customer]
        label: existing customer

A dimension contributes the sum of its matched rules' points, capped at ``dimensions.<name>``
(default: the sum of its positive points); the fit score is the capped sum scaled to 0-100. So the
reasons ("+30 category matches 'food'") add up to the score when the caps sum to 100.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from enrich.scoring.geo import expand_countries
from enrich.scoring.text import term_words
from leadgen.exceptions import ConfigError
from leadgen.storage.models import COMPANY_STATUSES

DIMENSIONS = ("need", "pay", "authority", "reach", "eligible")
TEXT_FIELDS = ("name", "description", "categories", "products")
SIZE_FIELDS = (
    "employees", "founded_year", "revenue", "booth_sqm", "booth_size", "membership_tier",
)
NUMERIC_SIZE_FIELDS = ("employees", "founded_year", "revenue", "booth_sqm")
CONTACT_KINDS = (
    "decision_maker", "person", "verified_email", "any_email", "valid_phone", "any_phone",
    "live_website", "website",
)
CONDITIONS = (
    "keywords", "size", "contact", "country", "competitor", "status", "suppressed",
    "free_mail_only",
)


class _Strict(BaseModel):
    """Unknown keys are errors, so a typo never silently becomes a default."""

    model_config = ConfigDict(extra="forbid")


class KeywordCondition(_Strict):
    """Any of ``terms`` (with their synonyms) occurs in one of ``fields``."""

    terms: list[str] = Field(min_length=1)
    """Keywords; each expands to its synonyms. Syntax: ``food``, ``lebensmittel*``, ``食品``."""
    fields: list[str] = Field(default_factory=lambda: list(TEXT_FIELDS))
    """Where to look: name, description, categories, products."""
    synonyms: bool = True
    """Expand each term with the ICP's and the built-in synonyms."""

    @field_validator("terms")
    @classmethod
    def _terms_have_words(cls, terms: list[str]) -> list[str]:
        for term in terms:
            if not term_words(term):
                raise ValueError(f"keyword {term!r} has no letters or digits; remove it")
        return terms

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, fields: list[str]) -> list[str]:
        for name in fields:
            if name not in TEXT_FIELDS:
                raise ValueError(f"unknown field {name!r}; use one of {', '.join(TEXT_FIELDS)}")
        return fields


class SizeCondition(_Strict):
    """A size signal is in a band (``min`` inclusive, ``max`` exclusive), has a value, or is
    unknown."""

    field: str
    """employees, founded_year, revenue (millions), booth_sqm, booth_size, membership_tier."""
    min: float | None = None
    max: float | None = None
    values: list[str] | None = None
    """For text fields (membership_tier, booth_size): any of these words, case-insensitive."""
    missing: bool = False
    """Match leads whose ``field`` is unknown instead."""

    @model_validator(mode="after")
    def _one_test(self) -> SizeCondition:
        if self.field not in SIZE_FIELDS:
            names = ", ".join(SIZE_FIELDS)
            raise ValueError(f"unknown size field {self.field!r}; use one of {names}")
        numeric = self.field in NUMERIC_SIZE_FIELDS
        has_band = self.min is not None or self.max is not None
        if self.missing and (has_band or self.values):
            raise ValueError("missing: true takes no min, max or values; split it into two rules")
        if not self.missing and numeric and not has_band:
            raise ValueError(f"size field {self.field!r} needs min and/or max (or missing: true)")
        if not self.missing and not numeric and not self.values:
            raise ValueError(f"size field {self.field!r} needs values: [...] (or missing: true)")
        if numeric and self.values:
            raise ValueError(f"size field {self.field!r} is numeric; use min/max, not values")
        if not numeric and has_band:
            raise ValueError(f"size field {self.field!r} is text; use values, not min/max")
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise ValueError(f"min ({self.min:g}) must be below max ({self.max:g})")
        return self


class CountryCondition(_Strict):
    """The lead's country is (``in``) or is not (``not_in``) among codes or groups."""

    in_: list[str] | None = Field(default=None, alias="in")
    not_in: list[str] | None = None
    regions: list[str] | None = None
    """Also require one of these regions/states (matched case-insensitively)."""
    include_unknown: bool = False
    """Also match leads whose country is unknown."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _one_list(self) -> CountryCondition:
        if (self.in_ is None) == (self.not_in is None):
            raise ValueError("give exactly one of in: [...] or not_in: [...]")
        return self

    @field_validator("in_", "not_in")
    @classmethod
    def _codes(cls, items: list[str] | None) -> list[str] | None:
        if items == []:
            raise ValueError("an empty country list matches no lead; name at least one")
        return None if items is None else expand_countries(items)


class CompetitorCondition(_Strict):
    """The lead is a competitor: its name contains one of ``names`` or its domain is listed."""

    names: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)

    @field_validator("domains")
    @classmethod
    def _lower(cls, domains: list[str]) -> list[str]:
        return [d.strip().lower().removeprefix("www.") for d in domains if d.strip()]


class _Placeholders(dict[str, Any]):
    """Any placeholder name reads as text (rules.py fills those a rule knows)."""

    def __missing__(self, key: str) -> str:
        return ""


class Rule(_Strict):
    """One scoring rule: exactly one condition, points (or a veto) and a readable label."""

    label: str | None = None
    """Reason text; may use {term}, {field}, {value}, {country}. Default: from the condition."""
    points: float = 0
    veto: bool = False
    """A matched veto sets the fit score to 0 and the grade to D, whatever else matched."""
    keywords: KeywordCondition | None = None
    size: SizeCondition | None = None
    contact: Literal[
        "decision_maker", "person", "verified_email", "any_email", "valid_phone", "any_phone",
        "live_website", "website",
    ] | None = None
    country: CountryCondition | None = None
    competitor: CompetitorCondition | None = None
    status: list[str] | None = None
    """Company status is one of these (customer, excluded, former, ...)."""
    suppressed: bool | None = None
    """The company's domain, e-mail, phone or name key is on the suppression list."""
    free_mail_only: bool | None = None
    """The lead's only e-mail addresses are free-mail ones (gmail.com, qq.com, ...)."""

    @field_validator("label")
    @classmethod
    def _label_formats(cls, label: str | None) -> str | None:
        if label is not None:
            try:  # as rules.py fills it: a stray brace or a format spec stopped the scoring
                label.format_map(_Placeholders())
            except (ValueError, IndexError, KeyError, AttributeError) as exc:
                raise ValueError(
                    f"label {label!r} cannot be filled ({exc}); its placeholders are {{term}}, "
                    "{field}, {value} and {country}, and a brace is written {{ or }}") from exc
        return label

    @field_validator("points")
    @classmethod
    def _finite(cls, points: float) -> float:
        if not math.isfinite(points):
            raise ValueError(f"points must be a number (got {points})")
        return points

    @field_validator("status")
    @classmethod
    def _known_statuses(cls, statuses: list[str] | None) -> list[str] | None:
        if statuses is not None:
            if not statuses:
                raise ValueError("an empty status list matches no lead; name at least one of "
                                 + ", ".join(COMPANY_STATUSES))
            unknown = [status for status in statuses if status not in COMPANY_STATUSES]
            if unknown:  # "customers" matched no lead: the existing customer was graded A
                raise ValueError(f"unknown status {unknown[0]!r}; statuses are "
                                 + ", ".join(COMPANY_STATUSES))
        return statuses

    @model_validator(mode="after")
    def _one_condition(self) -> Rule:
        given = [name for name in CONDITIONS if getattr(self, name) is not None]
        if len(given) != 1:
            found = ", ".join(given) or "none"
            raise ValueError(
                f"a rule needs exactly one condition of {', '.join(CONDITIONS)} (found: {found})"
            )
        if self.veto and self.points:
            raise ValueError("a veto rule takes no points; remove points or veto")
        if not self.veto and not self.points:
            raise ValueError("a rule needs points (e.g. points: 10) or veto: true")
        return self

    @property
    def condition(self) -> str:
        """The name of this rule's condition kind."""
        return next(name for name in CONDITIONS if getattr(self, name) is not None)


class Grading(_Strict):
    """How fit scores become grades A/B/C/D."""

    scheme: Literal["percentile", "thresholds"] = "percentile"
    percentiles: dict[Literal["A", "B", "C"], float] = Field(
        default_factory=lambda: {"A": 1.0, "B": 5.0, "C": 20.0}  # type: ignore[arg-type]
    )
    """Cumulative top percent per grade: A the top 1%, B down to 5%, C down to 20%, D the rest."""
    thresholds: dict[Literal["A", "B", "C"], float] = Field(
        default_factory=lambda: {"A": 75.0, "B": 55.0, "C": 35.0}  # type: ignore[arg-type]
    )
    """Minimum fit score per grade."""

    @model_validator(mode="after")
    def _ordered(self) -> Grading:
        p, t = self.percentiles, self.thresholds
        if set(p) != {"A", "B", "C"} or set(t) != {"A", "B", "C"}:
            raise ValueError("percentiles and thresholds need A, B and C")
        if not 0 < p["A"] <= p["B"] <= p["C"] <= 100:
            raise ValueError("percentiles must grow: 0 < A <= B <= C <= 100 (e.g. 1, 5, 20)")
        if not 100 >= t["A"] >= t["B"] >= t["C"] >= 0:
            raise ValueError("thresholds must fall: 100 >= A >= B >= C >= 0 (e.g. 75, 55, 35)")
        return self


class IdealCustomerProfile(_Strict):
    """The ``icp:`` section of a profile."""

    description: str | None = None
    dimensions: dict[Literal["need", "pay", "authority", "reach", "eligible"], float] = Field(
        default_factory=dict
    )
    """Cap (maximum points) per dimension; default the sum of its positive points."""
    need: list[Rule] = Field(default_factory=list)
    pay: list[Rule] = Field(default_factory=list)
    authority: list[Rule] = Field(default_factory=list)
    reach: list[Rule] = Field(default_factory=list)
    eligible: list[Rule] = Field(default_factory=list)
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    """Extra synonyms/translations per term, merged with the built-in list."""
    builtin_synonyms: bool = True
    """Use the bundled multilingual synonym list (``enrich/scoring/synonyms.yaml``)."""
    grading: Grading = Field(default_factory=Grading)

    @field_validator("dimensions")
    @classmethod
    def _positive_caps(cls, caps: dict[str, float]) -> dict[str, float]:
        for name, cap in caps.items():
            if not math.isfinite(cap) or cap <= 0:
                raise ValueError(f"cap of {name} must be a number above 0 (got {cap:g})")
        return caps

    def rules(self) -> list[tuple[str, Rule]]:
        """Every rule with its dimension, in dimension order."""
        return [(dim, rule) for dim in DIMENSIONS for rule in getattr(self, dim)]

    def cap(self, dimension: str) -> float:
        """Maximum points the dimension can contribute."""
        if dimension in self.dimensions:
            return self.dimensions[dimension]  # type: ignore[index]
        return sum(max(rule.points, 0.0) for rule in getattr(self, dimension))

    @property
    def is_empty(self) -> bool:
        """True when no rule is declared."""
        return not self.rules()

    def __bool__(self) -> bool:
        """An ICP without rules is falsy, so ``if profile.icp:`` means "has scoring rules"."""
        return not self.is_empty


ICP = IdealCustomerProfile


def validate_icp(data: Any, path: Path, document: Any = None) -> IdealCustomerProfile:
    """Validate an ``icp:`` mapping; errors name ``path``, the line and the fix."""
    from leadgen.profile import format_validation_error

    try:
        return IdealCustomerProfile.model_validate(dict(data) if data else {})
    except ValidationError as exc:
        root = document if document is not None else {"icp": data}
        raise ConfigError(format_validation_error(path, root, exc, ("icp",))) from exc


def load_icp(path: str | Path) -> IdealCustomerProfile:
    """Load the ICP of a YAML file: a whole profile (its ``icp:``) or a file with ``icp:`` only."""
    from leadgen.profile import load_yaml_with_lines

    path = Path(path)
    document = load_yaml_with_lines(path)
    if not isinstance(document, dict) or "icp" not in document:
        raise ConfigError(f"{path}:1: no icp: section; add one (see enrich/scoring/icp.py)")
    if not isinstance(document["icp"], dict):
        raise ConfigError(f"{path}: icp: must be a mapping of dimensions to rules")
    return validate_icp(document["icp"], path, document)
