"""The demo profile's rules against the demo web's hidden fit label, without a crawl.

Leads are built only from what the demo pages show (see ``enrich.scoring.demo_eval``), never from
the label. The figures are printed (``pytest -s``) and written to ``tests/reports/scoring.md``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from enrich.scoring.demo_eval import evaluate_database, evaluate_result, observable_leads
from enrich.scoring.engine import score_features
from enrich.scoring.features import load_features
from enrich.scoring.sample import insert_leads
from enrich.scoring.service import rescore
from leadgen.demoweb import DemoWorld
from leadgen.profile import load_profile
from leadgen.storage import init_db

REPORT = Path(__file__).resolve().parent / "reports" / "scoring.md"
SEED, COMPANIES = 42, 1000


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return DemoWorld.generate(SEED, COMPANIES)


def test_observable_leads_ignore_the_hidden_label(world: DemoWorld) -> None:
    flipped = DemoWorld(world.seed, [dataclasses.replace(c, fit=not c.fit) for c in world.cores],
                        crawl_delay=world.crawl_delay, slow_delay=world.slow_delay)
    assert observable_leads(flipped)[:200] == observable_leads(world)[:200]


def test_demo_profile_finds_the_hidden_fit_label(world: DemoWorld, tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'demo.db'}")
    ids = insert_leads(engine, observable_leads(world))
    fit = {company_id: world.cores[i].fit for i, company_id in enumerate(ids)}
    icp = load_profile("demo").icp
    features = load_features(engine, cache=False)
    lines = [f"# Fit scoring on the demo web (seed {SEED}, {COMPANIES} companies, no crawl)", ""]
    evaluations = {}
    for scheme in ("thresholds", "percentile"):
        evaluations[scheme] = evaluate_result(score_features(features, icp, scheme), fit)
        lines.append(f"- {scheme} grading: {evaluations[scheme].line()}")
    # The same figures through the database, as after a real crawl (matched by domain/name).
    rescore(engine, "demo", icp)
    stored = evaluate_database(engine, world.truth(), "demo")
    lines.append(f"- stored scores matched to the truth file: {stored.line()}")
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    chosen = evaluations[icp.grading.scheme]
    assert chosen.auc >= 0.9
    assert chosen.a_precision >= 0.9
    assert stored.leads >= 0.95 * COMPANIES and stored.auc == pytest.approx(chosen.auc, abs=0.02)


def test_score_command_evaluates_against_a_truth_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from leadgen.cli import app

    small = DemoWorld.generate(SEED, 200)
    url = f"sqlite:///{tmp_path / 'small.db'}"
    insert_leads(init_db(url), observable_leads(small))
    truth = small.write_truth(tmp_path / "truth.json")
    result = CliRunner().invoke(app, ["score", "-p", "demo", "--db", url, "--top", "0",
                                      "--truth", str(truth)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Against the truth file: 200 leads" in result.output
    print("\n" + result.output.splitlines()[-1])
