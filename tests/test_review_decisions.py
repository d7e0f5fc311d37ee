"""Reviewers' decisions outlive company ids: ``leadgen dedupe`` keeps a reviewed merge
together and a rejected pair apart, whatever the rules say."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from leadgen.importer import import_file
from leadgen.matching import load_rules
from leadgen.matching.cluster import cluster
from leadgen.matching.dedupe import dedupe
from leadgen.matching.profile import MatchProfile
from leadgen.matching.review import merge_pair, open_possible_matches, reject
from leadgen.storage import init_db
from leadgen.storage.models import Company, PossibleMatch, SourceRecord
from tests.review_pairs import PAIRS

RULES = Path(__file__).resolve().parents[1] / "leadgen" / "matching" / "rules.yaml"


def _reviewed(tmp_path: Path) -> Engine:
    """The pairs imported, Ritz merged and Adlon rejected by a reviewer, Sacher left open."""
    path = tmp_path / "pairs.csv"
    path.write_text(PAIRS, encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    assert import_file(engine, path, source="s", id_column="id").outcomes["possible"] == 3
    pairs = {pair["name_a"].split()[0]: pair["id"] for pair in open_possible_matches(engine)}
    merge_pair(engine, pairs["Ritz-Carlton"])
    reject(engine, pairs["Adlon"])
    return engine


def _companies(engine: Engine) -> dict[str, int]:
    """record id (the CSV's) -> company id."""
    with engine.connect() as conn:
        return dict(conn.execute(select(SourceRecord.record_id, SourceRecord.company_id)).all())


def _open_pairs(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(PossibleMatch.id).where(
            PossibleMatch.status == "open")).all())


def test_dedupe_keeps_a_reviewed_merge_and_does_not_propose_a_rejected_pair(
        tmp_path: Path) -> None:
    engine = _reviewed(tmp_path)
    before = _companies(engine)
    report = dedupe(engine, force=True)
    after = _companies(engine)
    assert after["1"] == after["2"]  # the reviewer's merge holds
    assert after["3"] != after["4"] and after["5"] != after["6"]
    assert report.clusters_changed == 0 and after == before
    assert _open_pairs(engine) == 1  # Sacher only: Ritz is one company, Adlon was rejected


def test_decisions_win_over_rules_that_would_decide_otherwise(tmp_path: Path) -> None:
    engine = _reviewed(tmp_path)
    loose = tmp_path / "loose.yaml"  # every pair here scores 5: a match under these rules
    loose.write_text(RULES.read_text(encoding="utf-8").replace("  match: 7.0", "  match: 4.0"),
                     encoding="utf-8")
    report = dedupe(engine, load_rules(loose), force=True)
    after = _companies(engine)
    assert after["5"] == after["6"]  # no decision: the rules merge it
    assert after["3"] != after["4"] and report.kept_apart == 1  # rejected: kept apart
    strict = tmp_path / "strict.yaml"  # nothing is a match
    strict.write_text(RULES.read_text(encoding="utf-8").replace("  match: 7.0", "  match: 99.0")
                      .replace("  possible: 3.0", "  possible: 98.0"), encoding="utf-8")
    dedupe(engine, load_rules(strict), force=True)
    after = _companies(engine)
    assert after["1"] == after["2"]  # reviewed: still one
    assert after["5"] != after["6"]  # the rules' own merge is undone


def test_a_different_pair_is_not_joined_through_a_third_record() -> None:
    """A and C were decided different; B matches both. B joins one of them, never both."""
    rules = load_rules()
    phone = ("+493012345678",)
    profiles = [MatchProfile(names=("acme antriebe",), phones=phone, countries=("DE",))
                for _ in range(3)]
    plain = cluster(profiles, rules)
    assert len(set(plain.labels)) == 1
    kept = cluster(profiles, rules, different=[(0, 2)])
    assert kept.labels[0] != kept.labels[2] and len(set(kept.labels)) == 2
    # Both matches of C (with A, and with B once B is A's) are refused; none is proposed.
    assert kept.kept_apart == 2 and not kept.possible
    joined = cluster(profiles, rules, same=[(0, 2)], different=[(0, 1)])
    assert joined.labels[0] == joined.labels[2] != joined.labels[1]
    assert joined.reviewed == {2}


def test_merging_a_pair_keeps_the_absorbed_companys_other_open_pairs(tmp_path: Path) -> None:
    """Three outlets at one address: pairs (1, 2) and (2, 3). Merging the first deleted the
    second with company 2, and a review sheet's decision on it was "not applied". It is
    now the kept company's pair with company 3, under its own id."""
    path = tmp_path / "outlets.csv"
    path.write_text(
        "id,name,street,postal_code,city,country,phone\n"
        "1,Grand Hyatt Cafe,Peachtree Rd 3434,30326,Atlanta,US,404-237-2700\n"
        "2,Grand Hyatt Dining Room,Peachtree Rd 3434,30326,Atlanta,US,"
        "404-237-2700 / 404-237-2799\n"
        "3,Grand Hyatt Sushi Bar,Peachtree Rd 3434,30326,Atlanta,US,404-237-2799\n",
        encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    import_file(engine, path, source="s", id_column="id", region="US")
    companies = _companies(engine)
    pairs = {(pair["company_a"], pair["company_b"]): pair["id"]
             for pair in open_possible_matches(engine)}
    first, second = (companies["1"], companies["2"]), (companies["2"], companies["3"])
    assert set(pairs) == {first, second}
    kept = merge_pair(engine, pairs[first])
    remaining = {pair["id"]: (pair["company_a"], pair["company_b"])
                 for pair in open_possible_matches(engine)}
    assert remaining == {pairs[second]: (kept, companies["3"])}
    reject(engine, pairs[second])  # the sheet's decision on it applies
    assert _open_pairs(engine) == 0


def test_a_review_merge_keeps_a_sales_outcome_and_when_the_companies_were_seen(
        tmp_path: Path) -> None:
    """``leadgen mark 3 won`` then merging company 3 in review: the outcome (--learn's
    training data) was gone, and the company looked seen in a list when the reviewer merged."""
    path = tmp_path / "pairs.csv"
    path.write_text(PAIRS, encoding="utf-8")
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    import_file(engine, path, source="s", id_column="id")
    pair = next(pair for pair in open_possible_matches(engine)
                if pair["name_a"].startswith("Ritz-Carlton"))
    seen = [datetime(2026, month, 1, tzinfo=UTC) for month in (1, 2, 3, 4)]
    with engine.begin() as conn:
        for company, outcome, first, last in ((pair["company_a"], None, seen[1], seen[3]),
                                              (pair["company_b"], "won", seen[0], seen[2])):
            conn.execute(update(Company).where(Company.id == company).values(
                outcome=outcome, first_seen=first, last_seen=last))
    kept = merge_pair(engine, pair["id"])
    with engine.connect() as conn:
        company = conn.execute(select(Company).where(Company.id == kept)).one()
    assert company.outcome == "won"
    assert [stamp.replace(tzinfo=UTC) for stamp in (company.first_seen, company.last_seen)] == [
        seen[0], seen[3]]


def test_dedupe_renews_the_open_pairs_and_drops_those_it_no_longer_proposes(
        tmp_path: Path) -> None:
    """After a dedupe, review listed the pairs the import had proposed with their old
    evidence, also those the run no longer proposed (its report said 0 possible matches)."""
    engine = _reviewed(tmp_path)
    with engine.begin() as conn:
        (pair_id,) = conn.execute(select(PossibleMatch.id).where(
            PossibleMatch.status == "open")).scalars().all()
        conn.execute(update(PossibleMatch).values(score=-99.0, evidence={"stale": True}))
    report = dedupe(engine, force=True)
    assert report.possible_matches == 1
    with engine.connect() as conn:
        (pair,) = conn.execute(select(PossibleMatch).where(
            PossibleMatch.status == "open")).all()
    assert pair.id == pair_id and pair.score != -99.0 and "stale" not in pair.evidence
    strict = tmp_path / "strict.yaml"  # rules under which nothing is even possible
    strict.write_text(RULES.read_text(encoding="utf-8").replace(
        "  possible: 3.0", "  possible: 98.0").replace("  match: 7.0", "  match: 99.0"),
        encoding="utf-8")
    report = dedupe(engine, rules=load_rules(strict))
    assert report.possible_matches == 0 and _open_pairs(engine) == 0
