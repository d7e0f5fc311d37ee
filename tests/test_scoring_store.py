"""Scoring end to end on a real database: CLI, history, diffs, grades, outcomes, learning."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from enrich.scoring.engine import score_features
from enrich.scoring.explain import score_section
from enrich.scoring.features import load_features
from enrich.scoring.grading import grade
from enrich.scoring.icp import Grading, IdealCustomerProfile
from enrich.scoring.learn import auc, learn
from enrich.scoring.sample import SampleContact, SampleLead, insert_leads
from enrich.scoring.service import rescore
from enrich.scoring.store import current_scores
from leadgen.cli import app
from leadgen.cli import score as _registers_score_commands  # noqa: F401
from leadgen.exceptions import InputError
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company, CrawlRun, Score

runner = CliRunner()

PROFILE = """name: {name}
icp:
  dimensions: {{need: 50, pay: 20, authority: 10, reach: 5, eligible: 15}}
  need:
    - points: 50
      keywords: {{terms: [{term}], fields: [categories, description]}}
  pay:
    - {{points: 20, size: {{field: employees, min: 50}}}}
  authority:
    - {{points: 10, contact: decision_maker}}
  reach:
    - {{points: 5, contact: verified_email}}
  eligible:
    - {{points: 15, country: {{in: [DACH, CN]}}}}
    - {{veto: true, status: [customer], label: existing customer}}
  grading: {{scheme: thresholds, thresholds: {{A: 80, B: 60, C: 40}}}}
"""

LEADS = [
    SampleLead("Alpen Molkerei GmbH", country="AT", categories=["Molkerei", "Lebensmittel"],
               size={"employees": 300},
               contacts=[SampleContact("person", "Eva Huber", decision_maker=True),
                         SampleContact("email", "eva@alpen.at", "valid")]),
    SampleLead("北京食品有限公司", country="CN", description="食品生产", size={"employees": 80}),
    SampleLead("Kosmetik Schmidt", country="DE", categories=["Naturkosmetik"],
               size={"employees": 12}),
    SampleLead("Paris Parfums", country="FR", categories=["Cosmetics"], size={"employees": 90}),
    SampleLead("Old Customer Foods", country="DE", categories=["Food"], status="customer",
               size={"employees": 500}),
    SampleLead("Byte Software", country="DE", categories=["Software"], size={"employees": 60}),
]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[str, Path, Path]:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    insert_leads(init_db(url), LEADS)
    food = tmp_path / "food.yaml"
    food.write_text(PROFILE.format(name="shop", term="food"), encoding="utf-8")
    cosmetics = tmp_path / "cosmetics.yaml"
    cosmetics.write_text(PROFILE.format(name="shop", term="cosmetics"), encoding="utf-8")
    return url, food, cosmetics


def _grades(url: str) -> dict[str, str]:
    with session_scope(init_db(url)) as session:
        rows = current_scores(session, "shop")
        names = dict(session.execute(select(Company.id, Company.display_name)).all())
    return {names[cid]: row.grade for cid, row in rows.items()}


def test_score_command_stores_grades_and_reasons(setup: tuple[str, Path, Path]) -> None:
    url, food, _ = setup
    result = runner.invoke(app, ["score", "--profile", str(food), "--db", url],
                           terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Scored 6 leads" in result.output
    assert "first scoring of this profile: 6 leads" in result.output
    grades = _grades(url)
    assert grades["Alpen Molkerei GmbH"] == "A"  # Lebensmittel is food: 50+20+10+5+15
    assert grades["北京食品有限公司"] == "A"  # 50+20+15 = 85
    assert grades["Old Customer Foods"] == "D"  # vetoed however good
    assert grades["Byte Software"] == "D"
    with session_scope(init_db(url)) as session:
        rows = current_scores(session)
        alpen = next(r for r in rows.values() if r.score == 100)
        assert alpen.reasons[0] == "+50 need: category matches 'food'"
        assert alpen.need == 100 and alpen.completeness > 0
        customer = session.execute(
            select(Company.id).where(Company.status == "customer")
        ).scalar_one()
        assert rows[customer].score == 0
        assert "veto eligible: existing customer" in rows[customer].reasons
        section = score_section(session, customer)
        assert "grade D" in section and "existing customer" in section
        runs = session.execute(select(CrawlRun).where(CrawlRun.kind == "score")).scalars().all()
        assert runs[-1].stats["leads"] == 6


def test_rescoring_keeps_history_and_reports_what_moved(setup: tuple[str, Path, Path]) -> None:
    url, food, cosmetics = setup
    assert runner.invoke(app, ["score", "-p", str(food), "--db", url]).exit_code == 0
    result = runner.invoke(app, ["score", "-p", str(cosmetics), "--db", url, "--diff"],
                           terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "leads changed grade" in result.output
    assert "Largest moves" in result.output and "Kosmetik Schmidt" in result.output
    grades = _grades(url)
    assert grades["Alpen Molkerei GmbH"] == "C"  # lost need: 20+10+5+15 = 50
    assert grades["Kosmetik Schmidt"] == "B"  # 50 + 15
    assert grades["Paris Parfums"] == "B"  # 50 + 20, outside DACH/CN
    with session_scope(init_db(url)) as session:
        total = session.execute(select(func.count()).select_from(Score)).scalar_one()
        current = session.execute(
            select(func.count()).select_from(Score).where(Score.is_current.is_(True))
        ).scalar_one()
        alpen = session.execute(
            select(Company.id).where(Company.display_name == "Alpen Molkerei GmbH")
        ).scalar_one()
        assert "before: fit 100, grade A" in score_section(session, alpen)
    assert (total, current) == (12, 6)


def test_percentile_option_overrides_the_profile(setup: tuple[str, Path, Path]) -> None:
    url, food, _ = setup
    result = runner.invoke(app, ["score", "-p", str(food), "--db", url, "--grading",
                                 "percentile"])
    assert result.exit_code == 0, result.output
    # 6 leads: A = top 1% -> 1 lead, B to 5% -> 1, C to 20% -> 2 in all.
    assert sorted(_grades(url).values()) == ["A", "C", "D", "D", "D", "D"]


def test_percentile_grading_shares() -> None:
    n = 1000
    rng = np.random.default_rng(1)
    score = rng.permutation(np.arange(1, n + 1)).astype(np.float32)
    vetoed = np.zeros(n, dtype=bool)
    vetoed[score == n] = True  # the best lead is vetoed: never graded above D
    grades = grade(score, vetoed, np.zeros(n, np.float32), np.arange(n), Grading())
    counts = {g: int((grades == g).sum()) for g in "ABCD"}
    assert counts == {"A": 9, "B": 40, "C": 150, "D": 801}
    assert grades[score == n - 1][0] == "A" and grades[score == n][0] == "D"


def test_leads_alike_share_a_percentile_grade() -> None:
    """Ten leads of 65 points, alike in completeness, got A, C and eight D by their ids."""
    n = 10
    grades = grade(np.full(n, 65.0, np.float32), np.zeros(n, dtype=bool),
                   np.full(n, 0.5, np.float32), np.arange(n), Grading())
    assert set(grades.tolist()) == {"A"}
    score = np.array([90, 80, 80, 80, 10, 10, 10, 10, 10, 10], np.float32)
    completeness = np.array([1, 1, 1, 0.5, 1, 1, 1, 1, 1, 1], np.float32)
    grades = grade(score, np.zeros(n, dtype=bool), completeness, np.arange(n), Grading())
    # A: the top 1% (one lead); B to 5%; C to 20% (two): the two 80s alike in completeness
    # are both C, the less complete one D.
    assert grades.tolist() == ["A", "C", "C", "D", "D", "D", "D", "D", "D", "D"]


def test_mark_and_learn(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'learn.db'}"
    rng = np.random.default_rng(7)
    leads = []
    for i in range(400):
        food = bool(rng.random() < 0.5)
        big = bool(rng.random() < 0.5)
        leads.append(SampleLead(
            f"Lead {i}", country="DE", categories=["Food" if food else "Software"],
            size={"employees": 100 if big else 5},
        ))
    ids = insert_leads(init_db(url), leads)
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE.format(name="shop", term="food"), encoding="utf-8")
    no_outcomes = runner.invoke(app, ["score", "-p", str(profile), "--db", url, "--learn"])
    assert isinstance(no_outcomes.exception, InputError)
    # Wins: big food makers, whatever the profile says; losses: the rest of a sample.
    for company_id, lead in zip(ids, leads, strict=True):
        wins = lead.categories == ["Food"] and lead.size["employees"] == 100
        if wins or rng.random() < 0.4:
            result = runner.invoke(app, ["mark", str(company_id), "won" if wins else "lost",
                                         "--db", url])
            assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["score", "-p", str(profile), "--db", url, "--learn"],
                           terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "held-out AUC" in result.output
    engine = init_db(url)
    features = load_features(engine)
    icp = IdealCustomerProfile.model_validate(
        {"need": [{"points": 50, "keywords": {"terms": ["food"]}}],
         "pay": [{"points": 20, "size": {"field": "employees", "min": 50}}]}
    )
    report = learn(features, score_features(features, icp))
    assert report.model_auc > 0.95 and not report.unlabelled_as_losses
    weights = dict(report.coefficients)
    assert weights["need: name/description/category/product matches 'food'"] > 0
    assert weights["pay: 50+ employees"] > 0


@pytest.mark.parametrize("lost", [0, 3])
def test_learning_from_few_outcomes_says_so(tmp_path: Path, lost: int) -> None:
    """Five wins and three held-out leads gave both AUCs as 1.000, all leads won gave nan:
    numbers that say nothing, shown as a measurement."""
    url = f"sqlite:///{tmp_path / 'few.db'}"
    ids = insert_leads(init_db(url), [SampleLead(f"Lead {i}", country="DE",
                                                 categories=["Food" if i % 2 else "Software"])
                                      for i in range(5 + lost)])
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE.format(name="shop", term="food"), encoding="utf-8")
    for index, company_id in enumerate(ids):
        runner.invoke(app, ["mark", str(company_id), "won" if index < 5 else "lost",
                            "--db", url])
    result = runner.invoke(app, ["score", "-p", str(profile), "--db", url, "--learn"])
    assert isinstance(result.exception, InputError)
    assert "too few outcomes to measure the model" in str(result.exception)


def test_mark_rejects_unknown_outcome(setup: tuple[str, Path, Path]) -> None:
    url, _, _ = setup
    result = runner.invoke(app, ["mark", "1", "maybe", "--db", url])
    assert isinstance(result.exception, InputError)
    result = runner.invoke(app, ["mark", "Nobody GmbH", "won", "--db", url])
    assert isinstance(result.exception, InputError)
    assert "no company named like 'Nobody GmbH'" in str(result.exception)


def test_a_lead_marked_excluded_is_vetoed(setup: tuple[str, Path, Path]) -> None:
    """No command set a company's status: a profile's veto of excluded leads never fired."""
    url, food, _ = setup
    veto = food.with_name("veto.yaml")
    customer = "    - {veto: true, status: [customer], label: existing customer}\n"
    veto.write_text(food.read_text(encoding="utf-8").replace(
        customer, customer + "    - {veto: true, status: [excluded]}\n"), encoding="utf-8")
    assert runner.invoke(app, ["score", "-p", str(veto), "--db", url]).exit_code == 0
    best = max(_grades(url).items(), key=lambda item: item[1] == "A")[0]
    result = runner.invoke(app, ["mark", best, "excluded", "--db", url])
    assert result.exit_code == 0 and "status excluded" in result.output, result.output
    assert runner.invoke(app, ["score", "-p", str(veto), "--db", url]).exit_code == 0
    assert _grades(url)[best] == "D"


def test_feature_cache_follows_the_data(setup: tuple[str, Path, Path]) -> None:
    url, food, _ = setup
    engine = init_db(url)
    icp = IdealCustomerProfile.model_validate({"need": [{"points": 5, "contact": "person"}]})
    assert rescore(engine, "p", icp).features.extra["cache"] == "miss"
    assert rescore(engine, "p", icp).features.extra["cache"] == "hit"
    insert_leads(engine, [SampleLead("New Lead", country="DE")])
    run = rescore(engine, "p", icp)
    assert run.features.extra["cache"] == "miss" and run.features.n == 7
    assert run.diff is not None and run.diff.new == 1


def test_auc_matches_pairwise_definition() -> None:
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 5, 60).astype(float)
    labels = rng.random(60) < 0.4
    pos, neg = scores[labels], scores[~labels]
    pairs = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    assert auc(scores, labels) == pytest.approx(pairs / (len(pos) * len(neg)))


@pytest.mark.postgres
def test_scores_on_postgres(pg_url: str, tmp_path: Path) -> None:
    engine = init_db(pg_url)
    insert_leads(engine, LEADS)
    icp = IdealCustomerProfile.model_validate(
        {"need": [{"points": 10, "keywords": {"terms": ["food"]}}],
         "eligible": [{"veto": True, "status": ["customer"]}]}
    )
    import os
    os.environ["LEADGEN_SCORING_CACHE"] = str(tmp_path / "pg-features.npz")
    try:
        first = rescore(engine, "pg", icp, scheme="thresholds")
        second = rescore(engine, "pg", icp, scheme="percentile")
    finally:
        del os.environ["LEADGEN_SCORING_CACHE"]
    assert first.diff is not None and first.diff.new == 6
    assert second.diff is not None and second.diff.previous == 6
    with session_scope(engine) as session:
        rows = current_scores(session, "pg")
        assert len(rows) == 6
        assert sum(1 for r in rows.values() if r.score == 100) == 2
        assert session.execute(select(func.count()).select_from(Score)).scalar_one() == 12


def test_diff_reads_the_database_when_other_scores_were_written(
    setup: tuple[str, Path, Path],
) -> None:
    url, food, cosmetics = setup
    engine = init_db(url)
    shop = load_profile_icp(food)
    first = rescore(engine, "shop", shop)
    rescore(engine, "other", load_profile_icp(cosmetics))  # the shop's saved grades are stale now
    again = rescore(engine, "shop", load_profile_icp(cosmetics))
    assert again.diff is not None and again.diff.previous == 6
    moved = {int(first.result.ids[i]) for i in range(6)
             if first.result.grade[i] != again.result.grade[i]}
    assert again.diff.changed_total == len(moved) > 0


def load_profile_icp(path: Path) -> IdealCustomerProfile:
    from leadgen.profile import load_profile

    return load_profile(str(path)).icp


def test_scoring_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    result = runner.invoke(app, ["score", "-p", "demo", "--db", url])
    assert result.exit_code == 0, result.output
    assert "Scored 0 leads" in result.output


def test_keep_runs_prunes_old_scorings(setup: tuple[str, Path, Path]) -> None:
    url, food, cosmetics = setup
    for profile in (food, cosmetics, food):
        assert runner.invoke(app, ["score", "-p", str(profile), "--db", url]).exit_code == 0
    result = runner.invoke(app, ["score", "-p", str(cosmetics), "--db", url, "--keep-runs", "2"])
    assert result.exit_code == 0, result.output
    assert "Deleted 12 score rows" in result.output
    with session_scope(init_db(url)) as session:
        assert session.execute(select(func.count()).select_from(Score)).scalar_one() == 12
        assert len(current_scores(session, "shop")) == 6


def test_a_grade_moved_by_new_thresholds_is_listed_though_its_score_did_not_move() -> None:
    """Raising the A threshold moved two leads A -> B at 85 points each: the summary said so,
    the table of moves said "No lead moved." (it stopped at the first unchanged score)."""
    from types import SimpleNamespace

    from enrich.scoring.store import diff_scores

    previous = (np.array([1, 2, 3, 4]), np.array([40.0, 85.0, 85.0, 60.0]),
                np.array(["C", "A", "A", "B"]))
    now = SimpleNamespace(ids=np.array([1, 2, 3, 4]), score=np.array([40.0, 85.0, 85.0, 70.0]),
                          grade=np.array(["C", "B", "B", "B"]))
    diff = diff_scores(previous, now)  # type: ignore[arg-type]
    assert diff.changed == {"A->B": 2}
    assert [(mover[0], mover[3], mover[4]) for mover in diff.movers] == [
        (4, "B", "B"), (2, "A", "B"), (3, "A", "B")]


def test_leads_scored_for_two_profiles_are_listed_once(setup: tuple[str, Path, Path]) -> None:
    """Without --profile, query, export and stats took every profile's current score: each
    company twice in the export (and graded A under a profile not asked for); a profile
    given as its file found none (scores are kept under the name inside it)."""
    import json

    url, food, _ = setup
    beauty = food.with_name("beauty.yaml")
    beauty.write_text(PROFILE.format(name="beauty", term="cosmetics"), encoding="utf-8")
    for profile in (food, beauty):
        assert runner.invoke(app, ["score", "-p", str(profile), "--db", url]).exit_code == 0
    exported = json.loads(runner.invoke(app, ["export", "--format", "json", "--db", url]).output)
    assert len(exported) == len({doc["id"] for doc in exported}) == 6
    stats = runner.invoke(app, ["stats", "--db", url]).output
    assert "Grades (beauty): " in stats
    counted = stats.split("Grades (beauty): ")[1].splitlines()[0].split()  # "A=1, C=5"
    assert sum(int(part.split("=")[1].rstrip(",")) for part in counted) == 6
    by_file = runner.invoke(app, ["query", "--profile", str(food), "--format", "json",
                                  "--db", url])
    assert by_file.exit_code == 0, by_file.output
    with session_scope(init_db(url)) as session:
        shop = current_scores(session, "shop")
    assert {doc["id"]: doc["score"]["score"] for doc in json.loads(by_file.output)} == {
        company_id: round(row.score, 1) for company_id, row in shop.items()}
    unknown = runner.invoke(app, ["query", "--profile", "nosuch", "--db", url])
    assert unknown.exit_code != 0
    assert "no lead is scored for profile 'nosuch' (scored: beauty, shop)" in str(
        unknown.exception)


def test_a_penalty_counts_in_a_dimension_past_its_cap(tmp_path: Path) -> None:
    """Points were summed, then capped: 35 + 35 - 20 = 50 was still the cap of 45, so the
    demo profile's "a supplier, not a buyer" took nothing from a machinery maker."""
    url = f"sqlite:///{tmp_path / 'cap.db'}"
    insert_leads(init_db(url), [
        SampleLead("FoodPack Maschinenbau", categories=["Food"], description="food machinery"),
        SampleLead("Alpha Foods", categories=["Food"], description="food maker")])
    icp = IdealCustomerProfile.model_validate({
        "dimensions": {"need": 45},
        "need": [{"points": 35, "keywords": {"terms": ["food"], "fields": ["categories"]}},
                 {"points": 35, "keywords": {"terms": ["food"], "fields": ["description"]}},
                 {"points": -20, "keywords": {"terms": ["machinery"],
                                              "fields": ["description"]}}]})
    result = score_features(load_features(init_db(url)), icp)
    by_name = dict(zip(["FoodPack Maschinenbau", "Alpha Foods"], result.score.tolist(),
                       strict=True))
    assert by_name == {"FoodPack Maschinenbau": pytest.approx(100 * 25 / 45, abs=0.1),
                       "Alpha Foods": 100.0}


def test_a_vetoed_lead_s_reasons_begin_with_the_veto(tmp_path: Path) -> None:
    """The table shows a lead's first reasons: a vetoed lead showed its points (+50 need…)
    beside a score of 0, with no sign of why."""
    url = f"sqlite:///{tmp_path / 'veto.db'}"
    insert_leads(init_db(url), [SampleLead("Alpha Foods", country="DE", categories=["Food"],
                                           status="customer")])
    icp = IdealCustomerProfile.model_validate({
        "need": [{"points": 50, "keywords": {"terms": ["food"]}}],
        "eligible": [{"points": 15, "country": {"in": ["DE"]}},
                     {"veto": True, "status": ["customer"], "label": "existing customer"}]})
    result = score_features(load_features(init_db(url)), icp)
    reasons = result.reasons[int(result.pattern[0])]
    assert result.score[0] == 0 and reasons[0] == "veto eligible: existing customer"


def test_mark_finds_a_company_by_the_name_a_list_gave_it(tmp_path: Path) -> None:
    """``leadgen explain "Meier Technik GmbH"`` found the company; ``leadgen mark`` said no
    company matches (it compared the display name, "Meier Technik", whole)."""
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    path = tmp_path / "list.csv"
    path.write_text("Firma,Ort,Telefon\nMeier Technik GmbH,Berlin,030 1234567\n"
                    "Schulz Logistik AG,Hamburg,040 7654321\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(path), "--source", "l", "--region", "DE",
                               "--db", url]).exit_code == 0
    result = runner.invoke(app, ["mark", "Meier Technik GmbH", "qualified", "--db", url])
    assert result.exit_code == 0, result.output + str(result.exception)
    result = runner.invoke(app, ["mark", "schulz-logistik", "excluded", "--db", url])
    assert result.exit_code == 0, result.output + str(result.exception)
    with session_scope(init_db(url)) as session:
        statuses = dict(session.execute(select(Company.display_name, Company.status)).all())
    assert statuses == {"Meier Technik": "qualified", "Schulz Logistik": "excluded"}
