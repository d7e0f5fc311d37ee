"""How well the demo profile's rules find the demo web's hidden fit label.

Two ways in:

- :func:`observable_leads` builds leads from what the demo pages *show* (categories printed in the
  directories a company is listed in, the description on its site or listing, employee counts on
  its about page or the Chinese directory, bands, tiers and booth sizes, its people and country),
  never from the hidden ``fit`` label or the hidden industry key, so scoring them needs no crawl;
- :func:`evaluate_database` matches the companies of a crawled and enriched database to the truth
  by domain or name and evaluates their current scores.

Both report the AUC of the fit score against the label and the share of A-graded leads that fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Engine

from enrich.scoring.engine import ScoreResult
from enrich.scoring.learn import auc
from enrich.scoring.sample import SampleContact, SampleLead
from enrich.scoring.text import fold
from leadgen.storage.models import Company, Score


@dataclass
class DemoEvaluation:
    """Fit score vs. the hidden label."""

    leads: int
    fits: int
    auc: float
    a_count: int
    a_fit: int
    grades: dict[str, int]

    @property
    def a_precision(self) -> float:
        """Share of A-graded leads that truly fit."""
        return self.a_fit / self.a_count if self.a_count else float("nan")

    def line(self) -> str:
        """One line for test output and benchmarks."""
        return (f"{self.leads} leads ({self.fits} fit): AUC {self.auc:.3f}, "
                f"A precision {self.a_precision:.1%} ({self.a_fit}/{self.a_count}), grades "
                + " ".join(f"{g}={n}" for g, n in self.grades.items()))


def observable_leads(world: Any) -> list[SampleLead]:
    """One lead per demo company, from the facts its pages and listings show."""
    from leadgen.demoweb.sites import association, expo
    from leadgen.demoweb.sites.yellow import _band as yellow_band  # the band the listing prints

    leads = []
    for index, core in enumerate(world.cores):
        det = world.details(index)
        truth = world.company_truth(index)
        categories: list[str] = []
        if core.in_association or core.in_yellow:
            categories.append(world.industry_label(index, "en"))
        if core.in_cn:
            categories.append(world.industry_label(index, "zh"))
        if core.domain or core.in_cn:
            description: str | None = det.description
        elif core.in_association:
            description = association._english(world, index)
        else:
            description = None
        size: dict[str, Any] = {}
        if core.domain or core.in_cn:  # about page / 员工人数, 成立时间
            size["employees"] = core.employees
            size["founded_year"] = core.founded_year
        elif core.in_yellow:  # "Employees: 50-199" on the listing
            size["employees_band"] = yellow_band(core.employees)
        if core.in_association:
            size["membership_tier"] = association.tier(world, index)
        if core.in_expo:
            size["booth_size"] = f"{expo.booth(world, index)[1]} m²"
        contacts = [
            SampleContact("person", p["name"], decision_maker=bool(p["decision_maker"]),
                          title=p["title"])
            for p in truth["people"]
        ]
        contacts += [SampleContact("email", e) for e in truth["emails"]]
        leads.append(SampleLead(
            name=core.name, country=core.country, region=det.region, city=det.city_latin,
            categories=categories, description=description, size=size, domain=core.domain,
            website=core.website, phone=det.phone, email=det.emails[0] if det.emails else None,
            contacts=contacts,
        ))
    return leads


def evaluate(score: np.ndarray, grades: np.ndarray, fit: np.ndarray) -> DemoEvaluation:
    """AUC and A-precision of scores against fit labels (aligned arrays)."""
    fit = fit.astype(bool)
    is_a = grades == "A"
    return DemoEvaluation(
        leads=len(fit), fits=int(fit.sum()), auc=auc(score.astype(np.float64), fit),
        a_count=int(is_a.sum()), a_fit=int((is_a & fit).sum()),
        grades={g: int((grades == g).sum()) for g in "ABCD"},
    )


def evaluate_result(result: ScoreResult, fit_by_company: dict[int, bool]) -> DemoEvaluation:
    """Evaluate a fresh :class:`ScoreResult` on the companies that have a label."""
    keep = np.asarray([int(i) in fit_by_company for i in result.ids], dtype=bool)
    fit = np.asarray([fit_by_company[int(i)] for i in result.ids[keep]], dtype=bool)
    return evaluate(result.score[keep], result.grade[keep], fit)


def _truth_index(truth: dict[str, Any]) -> tuple[dict[str, bool], dict[str, bool]]:
    by_domain: dict[str, bool] = {}
    by_name: dict[str, bool] = {}
    for company in truth["companies"]:
        if company.get("domain"):
            by_domain[company["domain"].lower()] = bool(company["fit"])
        for name in company.get("name_variants", []):
            by_name.setdefault(fold(name), bool(company["fit"]))
    return by_domain, by_name


def evaluate_database(engine: Engine, truth: dict[str, Any] | str | Path, profile: str
                      ) -> DemoEvaluation:
    """Evaluate the current scores of ``profile`` in a crawled database against demo truth.

    ``truth`` is ``DemoWorld.truth()`` or the JSON file ``leadgen demo-web --write-truth``
    wrote. Companies are matched by registered domain, else by any name variant.
    """
    import json

    document = truth if isinstance(truth, dict) else json.loads(
        Path(truth).read_text(encoding="utf-8"))
    by_domain, by_name = _truth_index(document)
    rows = []
    with engine.connect() as connection:
        query = select(Company.registered_domain, Company.display_name, Company.legal_name,
                       Score.score, Score.grade).join(
            Score, (Score.company_id == Company.id) & Score.is_current.is_(True)
            & (Score.profile == profile))
        for domain, name, legal_name, score, grade in connection.execute(query):
            label = by_domain.get((domain or "").lower())
            if label is None:
                label = by_name.get(fold(legal_name or "")) if legal_name else None
            if label is None:
                label = by_name.get(fold(name))
            if label is not None:
                rows.append((score, grade, label))
    if not rows:
        return evaluate(np.zeros(0), np.zeros(0, "<U1"), np.zeros(0, bool))
    scores, grades, labels = zip(*rows, strict=True)
    return evaluate(np.asarray(scores), np.asarray(grades), np.asarray(labels))
