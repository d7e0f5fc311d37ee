"""Matching rules: pydantic models of ``rules.yaml``; errors name the file, the line and the fix."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from leadgen.exceptions import ConfigError
from leadgen.profile import format_validation_error, load_yaml_with_lines

DEFAULT_RULES_PATH = Path(__file__).with_name("rules.yaml")

FieldName = Literal["name", "domain", "phone", "street", "postal", "city", "country",
                    "registry", "state", "mailbox"]
KeyField = Literal[
    "name", "name_token", "name_joined", "domain", "phone", "phone_tail", "postal", "city",
    "street", "country", "pinyin", "registry", "mailbox", "romanized",
]
LevelTest = Literal[
    "exact", "jaro_winkler", "token_set", "distinctive_token_set", "contains", "last_digits",
    "direct_dial", "number_and_fuzzy", "number_on_one_only", "other_number", "transliterated",
    "romanized",
    "other_script", "other_place", "other_country", "own_words", "post_box", "acronym",
    "numbered_otherwise", "same_domain_name", "same_without_spaces",
    "same_register", "same_box_one_town", "post_boxes", "postal_detail", "spelled_alike",
    "group_word_added", "trade_words_own", "word_added_after", "any", "else",
]
#: What a level needs of the pair besides its values: ``both_legal_forms``, that each record
#: (or company) was named with a legal form: register names, each a legal company's;
#: ``one_town``, that the pair is not known in two towns (its city comparison, both sides
#: having a city, does not weigh against it).
LevelCondition = Literal["both_legal_forms", "other_legal_forms", "one_town"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Thresholds(Strict):
    match: float
    """Total weight at or above which a pair is the same company."""
    possible: float
    """Total weight at or above which a pair goes to review."""


class BlockingRule(Strict):
    key: str = Field(pattern=r"^[a-z0-9_]+$")
    """Name of the key kind in ``company_keys``."""
    fields: list[KeyField] = Field(min_length=1)
    """Values joined into the key; a record without all of them has no such key."""
    label: str
    max_block_size: int | None = Field(default=None, ge=2)
    """Override of the global ``max_block_size`` for this key (common words: keep it small)."""
    min_name_similarity: float | None = Field(default=None, ge=0, le=1)
    """Candidates found only by this key are compared in full only when their names are at
    least this alike (token set ratio): a cheap screen for weak keys."""


class Level(Strict):
    label: str
    test: LevelTest
    threshold: float | None = None
    """Similarity (0-1) or digit count the test needs."""
    weight: float
    """Log2 Bayes factor this level adds."""
    shared_weight: float | None = None
    """Weight when the matching value is shared by many companies (switchboard, directory)."""
    when: LevelCondition | None = None
    """A condition on the pair the level holds only under (else the next level is tried)."""
    discount: list[FieldName] = []
    """Fields whose levels weigh ``discount_weight`` at most once this level holds (a group's
    shared website: nothing)."""
    discount_label: str = "but not one business's alone"
    """What such a level's label then goes on with, saying why it weighs little ("but the
    group's, not the company's")."""
    discount_weight: float = 0.0
    """What such a level, weighing more, weighs instead."""

    @model_validator(mode="after")
    def _threshold_when_needed(self) -> Level:
        needs = {"jaro_winkler", "spelled_alike", "token_set", "distinctive_token_set",
                 "last_digits",
                 "direct_dial", "number_and_fuzzy", "transliterated"}
        if self.test in needs and self.threshold is None:
            raise ValueError(f"level {self.label!r}: test {self.test} needs a threshold")
        return self


class Comparison(Strict):
    field: FieldName
    levels: list[Level] = Field(min_length=1)

    @model_validator(mode="after")
    def _ends_with_else(self) -> Comparison:
        if self.levels[-1].test != "else":
            raise ValueError(f"comparison {self.field}: the last level must be test: else")
        if any(level.test == "else" for level in self.levels[:-1]):
            raise ValueError(f"comparison {self.field}: only the last level may be test: else")
        return self


class OtherPlace(Strict):
    """Another place of one brand (a chain's branch, a franchisee, a group's company): one of
    the pair's ``differ`` comparisons, and one of ``differ_any``, ended at a level weighing
    against it (known on both sides, not alike). The levels of ``discount`` (a shared web
    domain) that weigh more than ``weight`` then say "one organization", not "one company
    here", and weigh ``weight`` instead."""

    label: str
    differ: frozenset[FieldName] = Field(min_length=1)
    differ_any: frozenset[FieldName] = frozenset()
    discount: frozenset[FieldName] = Field(min_length=1)
    weight: float


Rule = Literal["trust", "complete", "recent", "frequent", "cased", "company_mail", "street",
               "landline", "switchboard", "union"]


class Survivorship(Strict):
    default: list[Rule] = ["trust", "complete", "recent"]
    """Per field group, tie-breakers in order: most trusted source, most complete value,
    most frequent value (batch recompute only), most recent, a name not in capitals only
    and written with its accents ("cased"), an e-mail address at a domain of its own over a
    free-mail one ("company_mail"), an address with a street over a post-office box
    ("street"), a landline over a mobile number ("landline"), a switchboard over its direct
    lines ("switchboard": 0911 445566-0 over 0911 445566-23), or the union of all values."""
    fields: dict[str, list[Rule]] = {}
    respell: frozenset[Literal["display_name", "address"]] = frozenset()
    """Field groups whose winner is written as the best-written record giving the same value
    writes it (a customer list's "HOFFMANN ELEKTRONIK AG" as the CRM's "Hoffmann Elektronik
    AG"): the rules decide which value, not how it is spelled."""
    default_trust: int = 1
    trust: dict[str, int] = {}
    """Source id -> trust rank; ``import`` and ``customers`` rank the sources ``leadgen
    import`` brought in (with ``--as customers``) that are not listed by their id."""

    def policy(self, field: str) -> list[str]:
        return list(self.fields.get(field, self.default))

    def trust_of(self, source_id: str, kind: str | None = None) -> int:
        """A source's trust: its own, else its kind's (``import`` or ``customers``, as
        :func:`leadgen.storage.runs.source_kinds` tells), else the default."""
        trust = self.trust.get(source_id)
        if trust is None and kind is not None:
            trust = self.trust.get(kind)
            if trust is None and kind == "customers":
                trust = self.trust.get("import")
        return self.default_trust if trust is None else trust


class MatchingRules(Strict):
    version: int = 1
    prior: float = 0.0
    """Log2 prior odds that two blocked records match."""
    thresholds: Thresholds
    shared_key_companies: int = Field(default=3, ge=2)
    max_block_size: int = Field(default=60, ge=2)
    max_candidates: int = Field(default=40, ge=1)
    weak_domains: frozenset[str] = frozenset()
    generic_name_words: frozenset[str] = frozenset()
    """Words so common in company names that sharing one says little ("systemtechnik",
    "trading"): the ``distinctive_token_set`` test leaves them out."""
    group_name_words: frozenset[str] = frozenset()
    """Words that name a group's company rather than the company ("holding", "group",
    "europe", "グループ"): one register name with such a word the other lacks is another
    company of the group, for the ``group_word_added`` test."""
    translated_words: dict[str, frozenset[str]] = Field(default_factory=dict)
    """Trade words an English name translates rather than spells, with the pinyin of their
    Chinese ("food": shipin), for the ``transliterated`` test."""
    legal_form_classes: dict[str, frozenset[str]] = Field(default_factory=dict)
    """Kinds of company (stock, limited, partnership) -> their legal forms, keyed as
    ``legal_form_key`` writes them ("spa", "srl"): two register names of two kinds are two
    companies (``when: other_legal_forms``). A form in no kind tells nothing."""
    blocking: list[BlockingRule] = Field(min_length=1)
    comparisons: list[Comparison] = Field(min_length=1)
    other_place: OtherPlace | None = None
    survivorship: Survivorship = Survivorship()
    path: str | None = Field(default=None, exclude=True)

    @model_validator(mode="after")
    def _possible_below_match(self) -> MatchingRules:
        if self.thresholds.possible > self.thresholds.match:
            raise ValueError("thresholds.possible must not be above thresholds.match")
        return self


def load_rules(path: str | Path | None = None) -> MatchingRules:
    """Load and validate matching rules (default: the bundled ``rules.yaml``)."""
    return _load(str(path) if path else str(DEFAULT_RULES_PATH))


@lru_cache(maxsize=8)
def _load(path_text: str) -> MatchingRules:
    path = Path(path_text)
    if not path.is_file():
        raise ConfigError(f"matching rules file {path} not found; pass an existing YAML file")
    data = load_yaml_with_lines(path)
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}:1: matching rules must be a YAML mapping; see {DEFAULT_RULES_PATH}"
        )
    try:
        rules = MatchingRules.model_validate(dict(data))
    except ValidationError as exc:
        raise ConfigError(format_validation_error(path, data, exc)) from exc
    return rules.model_copy(update={"path": str(path)})
