"""Evaluate each ICP rule over every lead at once (numpy), keeping what matched for the reasons.

A rule evaluates to a :class:`RuleHit`: per lead, the index of the reason text that applies
(-1 when the rule did not match). Keyword rules say which term matched in which field; country
rules say which country; everything else has a single text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from enrich.scoring.features import FeatureSet
from enrich.scoring.icp import IdealCustomerProfile, Rule
from enrich.scoring.text import fold, term_words

SYNONYMS_FILE = Path(__file__).with_name("synonyms.yaml")
FIELD_NOUNS = {
    "name": "name", "description": "description", "categories": "category",
    "products": "product",
}
CONTACT_LABELS = {
    "decision_maker": "decision-maker contact known",
    "person": "named contact person known",
    "verified_email": "verified e-mail address",
    "any_email": "e-mail address known",
    "valid_phone": "valid phone number",
    "any_phone": "phone number known",
    "live_website": "live website",
    "website": "website known",
}
SIZE_NOUNS = {
    "employees": "employees", "revenue": "M revenue", "booth_sqm": "m² booth",
    "founded_year": "founded", "membership_tier": "membership tier", "booth_size": "booth size",
}


@dataclass
class RuleHit:
    """Which leads a rule matched, and which of its reason texts applies to each."""

    detail: np.ndarray
    """int16 per lead: index into ``texts``, -1 when the rule did not match."""
    texts: list[str]

    @property
    def mask(self) -> np.ndarray:
        """True where the rule matched."""
        return self.detail >= 0


@lru_cache(maxsize=1)
def builtin_synonyms() -> dict[str, list[str]]:
    """The bundled multilingual synonym groups."""
    with SYNONYMS_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {str(key): [str(v) for v in values] for key, values in data.items()}


class SynonymIndex:
    """Expands a term to every term of the synonym groups it belongs to."""

    def __init__(self, icp: IdealCustomerProfile):
        groups = dict(builtin_synonyms()) if icp.builtin_synonyms else {}
        for key, values in icp.synonyms.items():
            groups[key] = groups.get(key, []) + list(values)
        self.groups: dict[str, list[str]] = {}
        for key, values in groups.items():
            members = [key, *values]
            for member in members:
                self.groups.setdefault(_term_key(member), []).extend(members)

    def expand(self, term: str) -> list[str]:
        """``term`` and its synonyms, without duplicates (by folded form)."""
        seen: dict[str, str] = {_term_key(term): term}
        for other in self.groups.get(_term_key(term), []):
            seen.setdefault(_term_key(other), other)
        return list(seen.values())


def _term_key(term: str) -> str:
    return " ".join(term_words(term))


class RuleEvaluator:
    """Evaluates rules against one :class:`FeatureSet`, memoizing per-word token masks."""

    def __init__(self, features: FeatureSet, icp: IdealCustomerProfile):
        self.features = features
        self.synonyms = SynonymIndex(icp)
        self._word_masks: dict[tuple[str, str], np.ndarray] = {}
        self._word_ids: dict[str, np.ndarray] = {}

    # --- text ---------------------------------------------------------------------------

    def _ids(self, word: str) -> np.ndarray:
        if word not in self._word_ids:
            self._word_ids[word] = self.features.vocab.ids_for_word(word)
        return self._word_ids[word]

    def _rows_with_any(self, field: str, ids: np.ndarray) -> np.ndarray:
        n = self.features.n
        mask = np.zeros(n, dtype=bool)
        if ids.size == 0:
            return mask
        rows, cols = self.features.text[field]
        hit = np.zeros(len(self.features.vocab) + 1, dtype=bool)
        hit[ids] = True
        mask[rows[hit[cols]]] = True
        return mask

    def _word_mask(self, field: str, word: str) -> np.ndarray:
        key = (field, word)
        if key not in self._word_masks:
            self._word_masks[key] = self._rows_with_any(field, self._ids(word))
        return self._word_masks[key]

    def term_mask(self, field: str, alternatives: list[str]) -> np.ndarray:
        """Leads whose ``field`` contains any alternative (all words of a multi-word one)."""
        single: list[np.ndarray] = []
        mask = np.zeros(self.features.n, dtype=bool)
        for alternative in alternatives:
            words = term_words(alternative)
            if len(words) == 1:
                single.append(self._ids(words[0]))
            elif words:
                both = self._word_mask(field, words[0]).copy()
                for word in words[1:]:
                    both &= self._word_mask(field, word)
                mask |= both
        if single:
            mask |= self._rows_with_any(field, np.unique(np.concatenate(single)))
        return mask

    # --- rule kinds ---------------------------------------------------------------------

    def evaluate(self, rule: Rule) -> RuleHit:
        """The hit of one rule over every lead."""
        kind = rule.condition
        hit: RuleHit = getattr(self, f"_{kind}")(rule)
        return hit

    def _single(self, mask: np.ndarray, text: str) -> RuleHit:
        detail = np.where(mask, 0, -1).astype(np.int16)
        return RuleHit(detail, [text])

    def _first_match(self, masks: list[tuple[np.ndarray, str]]) -> RuleHit:
        detail = np.full(self.features.n, -1, dtype=np.int16)
        texts: list[str] = []
        for mask, text in masks:
            fresh = mask & (detail < 0)
            if fresh.any():
                detail[fresh] = len(texts)
                texts.append(text)
        return RuleHit(detail, texts)

    def _keywords(self, rule: Rule) -> RuleHit:
        cond = rule.keywords
        assert cond is not None
        label = rule.label or "{field} matches '{term}'"
        masks = []
        for term in cond.terms:
            alternatives = self.synonyms.expand(term) if cond.synonyms else [term]
            for field in cond.fields:
                text = _format(label, term=term, field=FIELD_NOUNS[field])
                masks.append((self.term_mask(field, alternatives), text))
        return self._first_match(masks)

    def _size(self, rule: Rule) -> RuleHit:
        cond = rule.size
        assert cond is not None
        noun = SIZE_NOUNS[cond.field]
        if cond.missing:
            if cond.field in self.features.numeric:
                mask = np.isnan(self.features.numeric[cond.field])
            else:
                mask = ~self.features.known(cond.field)
            return self._single(mask, rule.label or f"{cond.field.replace('_', ' ')} unknown")
        if cond.values is not None:
            codes, labels = self.features.categorical[cond.field]
            masks = []
            for wanted in cond.values:
                key = fold(wanted)
                match = [i for i, label in enumerate(labels) if key in label]
                text = _format(rule.label or f"{noun} '{{value}}'", value=wanted)
                masks.append((np.isin(codes, np.asarray(match, dtype=np.int32)), text))
            return self._first_match(masks)
        values = self.features.numeric[cond.field]
        with np.errstate(invalid="ignore"):
            mask = ~np.isnan(values)
            if cond.min is not None:
                mask &= values >= cond.min
            if cond.max is not None:
                mask &= values < cond.max
        return self._single(mask, rule.label or _band_label(cond.field, cond.min, cond.max))

    def _contact(self, rule: Rule) -> RuleHit:
        assert rule.contact is not None
        return self._single(
            self.features.flags[rule.contact], rule.label or CONTACT_LABELS[rule.contact]
        )

    def _country(self, rule: Rule) -> RuleHit:
        cond = rule.country
        assert cond is not None
        codes, values = self.features.categorical["country"]
        listed = cond.in_ if cond.in_ is not None else cond.not_in
        assert listed is not None
        inside = cond.in_ is not None
        label = rule.label or (
            "in target countries ({country})" if inside else "outside target regions ({country})"
        )
        region_ok = np.ones(self.features.n, dtype=bool)
        if cond.regions:
            wanted = [fold(r) for r in cond.regions]
            region_ok = self.features.in_values("region", wanted)
        masks = []
        listed_set = set(listed)
        for code_index, country in enumerate(values):
            if (country in listed_set) == inside:
                masks.append(((codes == code_index) & region_ok, _format(label, country=country)))
        if cond.include_unknown:
            masks.append((codes < 0, _format(label, country="unknown")))
        return self._first_match(masks)

    def _competitor(self, rule: Rule) -> RuleHit:
        cond = rule.competitor
        assert cond is not None
        label = rule.label or "competitor '{term}'"
        masks = []
        for domain in cond.domains:
            masks.append((self.features.in_values("domain", [domain]), _format(label, term=domain)))
        for name in cond.names:
            masks.append((self.term_mask("name", [name]), _format(label, term=name)))
        return self._first_match(masks)

    def _status(self, rule: Rule) -> RuleHit:
        assert rule.status is not None
        label = rule.label or "status is '{value}'"
        return self._first_match([
            (self.features.in_values("status", [status]), _format(label, value=status))
            for status in rule.status
        ])

    def _suppressed(self, rule: Rule) -> RuleHit:
        mask = self.features.flags["suppressed"]
        if rule.suppressed is False:
            mask = ~mask
        return self._single(mask, rule.label or "on the suppression list")

    def _free_mail_only(self, rule: Rule) -> RuleHit:
        mask = self.features.flags["free_mail_only"]
        if rule.free_mail_only is False:
            mask = ~mask
        return self._single(mask, rule.label or "only free-mail e-mail addresses")


def _short(items: list[str], limit: int = 3) -> str:
    return "/".join(items[:limit]) + ("/..." if len(items) > limit else "")


def rule_title(rule: Rule) -> str:
    """The rule as a whole, for coefficient tables: placeholders filled with its lists."""
    fill: dict[str, str] = {"country": "...", "value": "...", "term": "...", "field": "..."}
    label = rule.label
    if rule.keywords is not None:
        fill["term"] = _short(rule.keywords.terms)
        fill["field"] = _short([FIELD_NOUNS[f] for f in rule.keywords.fields], 4)
        label = label or "{field} matches '{term}'"
    elif rule.country is not None:
        listed = rule.country.in_ if rule.country.in_ is not None else rule.country.not_in
        fill["country"] = _short(listed or [], 7)
        label = label or ("in target countries ({country})" if rule.country.in_ is not None
                          else "outside target regions ({country})")
    elif rule.size is not None:
        fill["value"] = _short(rule.size.values or [])
        if rule.size.missing:
            label = label or f"{rule.size.field.replace('_', ' ')} unknown"
        elif rule.size.values is not None:
            label = label or f"{SIZE_NOUNS[rule.size.field]} '{{value}}'"
        else:
            label = label or _band_label(rule.size.field, rule.size.min, rule.size.max)
    elif rule.competitor is not None:
        fill["term"] = _short(rule.competitor.names + rule.competitor.domains)
        label = label or "competitor '{term}'"
    elif rule.status is not None:
        fill["value"] = _short(rule.status)
        label = label or "status is '{value}'"
    elif rule.contact is not None:
        label = label or CONTACT_LABELS[rule.contact]
    elif rule.suppressed is not None:
        label = label or "on the suppression list"
    else:
        label = label or "only free-mail e-mail addresses"
    return _format(label, **fill)


def _band_label(field: str, low: float | None, high: float | None) -> str:
    if field == "founded_year":
        if low is not None and high is not None:
            return f"founded {low:g}-{high - 1:g}"
        return f"founded {low:g} or later" if low is not None else f"founded before {high:g}"
    if field == "revenue":
        if low is not None and high is not None:
            return f"revenue {low:g}-{high:g}M"
        return f"revenue {low:g}M+" if low is not None else f"revenue under {high:g}M"
    noun = SIZE_NOUNS[field]
    if low is not None and high is not None:
        return f"{low:g}-{high:g} {noun}"
    if low is not None:
        return f"{low:g}+ {noun}"
    return f"under {high:g} {noun}"


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(label: str, **values: Any) -> str:
    """Fill the placeholders a label uses; unknown ones stay as written."""
    return label.format_map(_Blank(values))
