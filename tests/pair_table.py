"""Hand-made pair tables imported through the ingestor (tests/test_matching_groups.py,
tests/test_matching_scripts.py, tests/test_matching_europe.py, tests/test_matching_asia.py):
two lists' records of one company or of two, the companies they end in, and the precision
and recall of the merges over a table, per country or script family and pooled."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest

from leadgen.ingest import Ingestor
from leadgen.items import Address, Lead, SourceMeta
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db


class _Pair(Protocol):
    @property
    def expected(self) -> str: ...
    @property
    def limit(self) -> str | None: ...
    @property
    def left(self) -> Any: ...
    @property
    def right(self) -> Any: ...


P = TypeVar("P", bound=_Pair)


def companies_of(first: Lead, second: Lead, database: Path) -> tuple[int, int, dict[str, Any]]:
    """The company ids two lists' records end in, imported one after the other into a fresh
    SQLite database, and the second record's match evidence."""
    engine = init_db(f"sqlite:///{database}")
    with Ingestor(engine) as ingestor:
        left = ingestor.ingest(normalize_lead(first))
        right = ingestor.ingest(normalize_lead(second))
    engine.dispose()
    return left.company_id, right.company_id, right.evidence or {}


def merge_scores(decided: Iterable[tuple[bool, bool]]) -> tuple[float, float]:
    """Precision and recall of the merges: each pair as (merged, one company expected); the
    pairs of one company are the positives."""
    merged = true_merged = positives = 0
    for was_merged, one in decided:
        merged += was_merged
        true_merged += was_merged and one
        positives += one
    return (true_merged / merged if merged else 1.0,
            true_merged / positives if positives else 1.0)


@dataclass(frozen=True)
class Rec:
    """One list's record of a company."""

    name: str
    city: str | None = None
    phone: str | None = None
    website: str | None = None
    street: str | None = None
    postal: str | None = None
    email: str | None = None


def lead_of(record: Rec, country: str, source: str) -> Lead:
    """``record`` as a lead of the list ``source`` in ``country``."""
    address = None
    if record.city or record.street or record.postal:
        address = Address(street=record.street, city=record.city,
                          postal_code=record.postal, country=country)
    return Lead(name=record.name, source=SourceMeta(source_id=source,
                                                    page_url=f"http://{source}.test/",
                                                    record_id=record.name),
                phones=[record.phone] if record.phone else [], website=record.website,
                emails=[record.email] if record.email else [],
                country_hint=country, address=address)


@dataclass(frozen=True)
class CountryPair:
    """Two lists' records of one company ("one") or of two ("two") in ``country``."""

    country: str
    expected: str
    left: Rec
    right: Rec
    limit: str | None = None
    """Why the pair is still decided wrongly (a known limit), or None."""

    @property
    def description(self) -> str:
        return f"{self.country}: {self.left.name} / {self.right.name}"


def one(country: str, left: Rec, right: Rec, limit: str | None = None) -> CountryPair:
    return CountryPair(country, "one", left, right, limit)


def two(country: str, left: Rec, right: Rec, limit: str | None = None) -> CountryPair:
    return CountryPair(country, "two", left, right, limit)


def ingest_country_pair(pair: CountryPair, database: Path) -> tuple[int, int, dict[str, Any]]:
    """The company ids a :class:`CountryPair`'s two records end in (see :func:`companies_of`)."""
    return companies_of(lead_of(pair.left, pair.country, "list-a"),
                        lead_of(pair.right, pair.country, "list-b"), database)


def with_limits(pairs: Sequence[P]) -> list[Any]:
    """``pairs`` as test parameters, each pair with a ``limit`` a strict xfail."""
    return [pytest.param(pair, marks=pytest.mark.xfail(reason=pair.limit, strict=True))
            if pair.limit else pair for pair in pairs]


def scores_by(pairs: Sequence[P], group_of: Callable[[P], str], merged_of: Callable[[int, P], bool]
              ) -> dict[str, tuple[float, float, list[P]]]:
    """Per group of pairs (``group_of``: a country, a script family) and "all": precision and
    recall of the merges (``merged_of(number, pair)``; "one" pairs are the positives) and the
    pairs decided wrongly."""
    decided: dict[str, list[tuple[P, bool, bool]]] = {}
    for number, pair in enumerate(pairs):
        merged = merged_of(number, pair)
        for group in (group_of(pair), "all"):
            decided.setdefault(group, []).append((pair, merged, pair.expected == "one"))
    return {group: (*merge_scores((merged, one) for _, merged, one in rows),
                    [pair for pair, merged, one in rows if merged != one])
            for group, rows in decided.items()}


def print_scores(scores: dict[str, tuple[float, float, list[P]]], pairs: Sequence[P],
                 group_of: Callable[[P], str]) -> None:
    """The table's figures, as ``python -m tests.test_matching_…`` prints them."""
    for group, (precision, recall, _) in scores.items():
        rows = [pair for pair in pairs if group in (group_of(pair), "all")]
        ones = sum(pair.expected == "one" for pair in rows)
        print(f"{group:9} {len(rows):3} pairs ({ones} one, {len(rows) - ones} two): "
              f"precision {precision:.3f} recall {recall:.3f}")
    for pair in scores["all"][2]:
        print(f"  wrong: {pair.expected}: {pair.left.name} / {pair.right.name}")


def country_scores(pairs: Sequence[CountryPair], work: Path
                   ) -> dict[str, tuple[float, float, list[CountryPair]]]:
    """Per country (and "all"): precision and recall of the merges of ``pairs``, each
    imported into a database of its own under ``work`` (see :func:`scores_by`)."""
    def merged(number: int, pair: CountryPair) -> bool:
        left, right, _ = ingest_country_pair(pair, work / f"pair{number}.db")
        return left == right

    return scores_by(pairs, lambda pair: pair.country, merged)


def assert_floors(scores: dict[str, tuple[float, float, list[P]]],
                  floors: dict[str, tuple[float, float]]) -> None:
    """Each group's precision and recall reach its floor (as printed, to three places)."""
    assert set(scores) == set(floors)
    for group, (precision, recall, wrong) in scores.items():
        assert precision >= floors[group][0] - 5e-4 and recall >= floors[group][1] - 5e-4, (
            group, precision, recall, [pair.description for pair in wrong])


def assert_decided(pair: CountryPair, database: Path) -> None:
    """The pair's two records end in one company or in two, as the pair expects."""
    left, right, evidence = ingest_country_pair(pair, database)
    assert ("one" if left == right else "two") == pair.expected, evidence


def print_country_table(pairs: Sequence[CountryPair]) -> None:
    """A country table's figures, as ``python -m tests.test_matching_…`` prints them."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print_scores(country_scores(pairs, Path(tmp)), pairs, lambda pair: pair.country)
