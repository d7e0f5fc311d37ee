"""Learned weights: an inspectable logistic regression on the rules' own hits.

Labels come from outcomes: ``status = customer`` or ``outcome = won`` is a win, ``outcome = lost``
a loss. With too few recorded losses, every other lead counts as "not (yet) a win", the usual
positive-unlabelled compromise, and the report says so. The model is fitted on a stratified
training split; its held-out AUC is reported beside the AUC of the rule score on the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from enrich.scoring.engine import ScoreResult
from enrich.scoring.features import FeatureSet
from leadgen.exceptions import InputError

MIN_LOSSES = 10
#: Won and other leads the held-out part needs, each, for its AUC to say anything.
MIN_HELD_OUT = 5


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half). NaN without both classes."""
    labels = labels.astype(bool)
    positives, negatives = int(labels.sum()), int((~labels).sum())
    if positives == 0 or negatives == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    sorted_scores = scores[order]
    ranks = np.empty(len(scores), dtype=np.float64)
    # Average rank within runs of equal scores.
    boundaries = np.flatnonzero(np.diff(sorted_scores)) + 1
    starts = np.concatenate([[0], boundaries])
    ends = np.concatenate([boundaries, [len(scores)]])
    average = (starts + ends + 1) / 2.0
    ranks[order] = np.repeat(average, ends - starts)
    rank_sum = ranks[labels].sum()
    return float((rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives))


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50
) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method with an L2 penalty; returns (weights, intercept)."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -30, 30)))
        gradient = design.T @ (p - y) + penalty * beta
        weight = p * (1 - p)
        hessian = (design * weight[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def predict(x: np.ndarray, weights: np.ndarray, intercept: float) -> np.ndarray:
    """Win probability per row."""
    return 1.0 / (1.0 + np.exp(-np.clip(x @ weights + intercept, -30, 30)))


@dataclass
class LearnReport:
    """What ``leadgen score --learn`` found."""

    wins: int
    losses: int
    unlabelled_as_losses: bool
    train_rows: int
    test_rows: int
    model_auc: float
    rules_auc: float
    coefficients: list[tuple[str, float]] = field(default_factory=list)
    """(rule name, weight) sorted from the strongest sign of a win to the strongest against."""

    def markdown(self) -> str:
        """The report as a short markdown section."""
        labels = f"{self.wins} wins, {self.losses} losses"
        if self.unlabelled_as_losses:
            labels += " (leads without an outcome counted as not won)"
        lines = [
            f"Outcomes: {labels}; train {self.train_rows} / held-out {self.test_rows} leads.",
            "",
            "| model | held-out AUC |", "|---|---|",
            f"| learned weights (logistic regression) | {self.model_auc:.3f} |",
            f"| rule score (profile as written) | {self.rules_auc:.3f} |",
            "", "| signal | weight |", "|---|---|",
        ]
        lines += [f"| {name} | {weight:+.2f} |" for name, weight in self.coefficients]
        return "\n".join(lines)


def outcome_labels(features: FeatureSet) -> tuple[np.ndarray, np.ndarray]:
    """(label, labelled) per lead: 1 for customers/won, 0 for lost; ``labelled`` marks both."""
    won = features.in_values("status", ["customer"]) | features.in_values("outcome", ["won"])
    lost = features.in_values("outcome", ["lost"]) & ~won
    return won.astype(np.float64), won | lost


def learn(
    features: FeatureSet, result: ScoreResult, test_share: float = 0.3, seed: int = 0
) -> LearnReport:
    """Fit the model on the rule hits of ``result`` and compare it with the rule score."""
    y, labelled = outcome_labels(features)
    wins, losses = int(y.sum()), int((labelled & (y == 0)).sum())
    if wins < 5:
        raise InputError(
            f"only {wins} won leads/customers: import customers with `leadgen import FILE "
            "--as customers` or record outcomes with `leadgen mark COMPANY won|lost`"
        )
    unlabelled_as_losses = losses < MIN_LOSSES
    rows = np.arange(features.n) if unlabelled_as_losses else np.flatnonzero(labelled)
    x_all, names = result.activations(learnable_only=True)
    if not names:
        raise InputError("the profile has no rules to learn weights for; add icp: rules")
    rng = np.random.default_rng(seed)
    test_mask = np.zeros(len(rows), dtype=bool)
    for cls in (0.0, 1.0):
        members = np.flatnonzero(y[rows] == cls)
        chosen = rng.choice(members, size=int(round(len(members) * test_share)), replace=False)
        test_mask[chosen] = True
    train, test = rows[~test_mask], rows[test_mask]
    held_won, held_other = int(y[test].sum()), int((y[test] == 0).sum())
    if min(held_won, held_other) < MIN_HELD_OUT:  # 3 held out gave AUCs of 1.000; none, nan
        raise InputError(
            f"too few outcomes to measure the model: {held_won} won and {held_other} other "
            f"leads held out for testing, at least {MIN_HELD_OUT} of each needed; record more "
            "with `leadgen mark COMPANY won|lost` or import customers with --as customers")
    weights, intercept = fit_logistic(x_all[train], y[train])
    model_auc = auc(predict(x_all[test], weights, intercept), y[test])
    rules_auc = auc(result.raw_score[test].astype(np.float64), y[test])
    order = np.argsort(-weights)
    return LearnReport(
        wins=wins, losses=losses if not unlabelled_as_losses else features.n - wins,
        unlabelled_as_losses=unlabelled_as_losses, train_rows=len(train), test_rows=len(test),
        model_auc=model_auc, rules_auc=rules_auc,
        coefficients=[(names[i], float(weights[i])) for i in order],
    )
