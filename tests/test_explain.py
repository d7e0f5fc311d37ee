"""``leadgen explain``: sections from providers, including ones other stages register."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.explain import ExplainSection, explain, find_company, register_section
from leadgen.ingest import Ingestor
from leadgen.items import Address, Lead, SourceMeta
from leadgen.matching import load_rules
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db
from leadgen.storage.models import Company


def test_explain_lists_records_and_contributed_sections(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    engine = init_db(db)
    with Ingestor(engine) as ingestor:
        for source, name in (("a", "Nordlicht Optik GmbH"), ("b", "NORDLICHT OPTIK")):
            ingestor.ingest(normalize_lead(Lead(
                name=name, phones=["+49 431 123456"], website="nordlicht-optik.de",
                source=SourceMeta(source_id=source, page_url=f"http://{source}.test/x"))))

    def extra_section(session: Session, company: Company) -> ExplainSection:
        return ExplainSection("Test section", [f"hello {company.display_name}"])

    register_section("test-extra", extra_section, order=99)
    with Session(engine) as session:
        company = find_company(session, "nordlicht optik")
        titles = [section.title for section in explain(session, company)]
    assert titles[0].startswith(f"Company {company.id}")
    assert "Merged records (2)" in titles and titles[-1] == "Test section"
    result = CliRunner().invoke(app, ["explain", str(company.id), "--db", db])
    assert result.exit_code == 0, result.output
    assert "same registered domain" in result.output and "hello" in result.output
    missing = CliRunner().invoke(app, ["explain", "no such company", "--db", db])
    assert missing.exit_code != 0 and "no company named like" in str(missing.exception)


def test_explain_finds_a_company_by_its_domain_as_mark_does(tmp_path: Path) -> None:
    """`leadgen mark acme.de won` found the company by its domain, `leadgen explain acme.de`
    said "no company named like 'acme.de'"."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    engine = init_db(db)
    with Ingestor(engine) as ingestor:
        for name, site, phone in (("Nordlicht Optik GmbH", "nordlicht-optik.de", "431 123456"),
                                  ("Acme Kiel GmbH", "acme.de", "431 654321"),
                                  ("Acme Hamburg GmbH", "shop.acme.de", "40 654321")):
            ingestor.ingest(normalize_lead(Lead(
                name=name, phones=[f"+49 {phone}"], website=site,
                source=SourceMeta(source_id="a", page_url=f"http://a.test/{name}"))))
    runner = CliRunner()
    for ref in ("nordlicht-optik.de", "https://www.Nordlicht-Optik.de/"):
        result = runner.invoke(app, ["explain", ref, "--db", db])
        assert result.exit_code == 0 and "Nordlicht Optik" in result.output, result.output
    several = runner.invoke(app, ["explain", "acme.de", "--db", db])
    assert "'acme.de' is the domain of several companies: " in str(several.exception)


def test_a_merge_evidence_adds_up_to_its_score(tmp_path: Path) -> None:
    """The levels `leadgen explain` showed summed to 6 for a pair scored 3: the rules' prior
    (-3), where every pair's score starts, was not shown."""
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    engine = init_db(db)
    with Ingestor(engine) as ingestor:
        outcomes = [ingestor.ingest(normalize_lead(Lead(
            name="Acme Fastener Supply Corp", phones=[phone], website="acmefastener.com",
            address=Address(city=city, country="US"),
            source=SourceMeta(source_id=source, page_url=f"http://{source}.test/x"))))
            for source, phone, city in (("a", "(847) 593-2200", "Elk Grove Village"),
                                        ("b", "(847) 593-2214", "Chicago"))]
    evidence = outcomes[1].evidence or {}
    assert evidence["prior"] == load_rules().prior
    assert sum(level["weight"] for level in evidence["levels"]) + evidence["prior"] == (
        pytest.approx(evidence["score"]))
    with Session(engine) as session:
        company = session.get(Company, outcomes[1].company_id)
        assert company is not None
        lines = [line for section in explain(session, company) for line in section.lines]
    assert any(line.strip() == f"prior (before any field): {load_rules().prior:+.1f}"
               for line in lines), lines
