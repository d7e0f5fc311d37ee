"""``leadgen dedupe``: re-clustering the whole database after the rules change."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from leadgen.ingest import Ingestor
from leadgen.items import Address, Lead, SourceMeta
from leadgen.matching import load_rules
from leadgen.matching.dedupe import dedupe
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db
from leadgen.storage.models import Company, CompanyKey, ContactPoint, SourceRecord

DEFAULT = Path(__file__).resolve().parents[1] / "leadgen" / "matching" / "rules.yaml"


def strict_rules(tmp_path: Path) -> Path:
    """The bundled rules with a match threshold nothing reaches: every record stays alone."""
    text = DEFAULT.read_text(encoding="utf-8").replace("  match: 7.0", "  match: 99.0")
    text = text.replace("  possible: 3.0", "  possible: 98.0")
    path = tmp_path / "strict.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def leads() -> list[Lead]:
    def lead(name: str, source: str, **fields: object) -> Lead:
        return Lead(name=name, source=SourceMeta(source_id=source, page_url=f"http://{source}.test/",
                                                 record_id=name), **fields)  # type: ignore[arg-type]

    return [
        lead("Acme Packaging GmbH", "a", phones=["+49 30 1234567"], website="acme.de",
             emails=["info@acme.de"], address=Address(city="Berlin", country="DE")),
        lead("ACME Packaging", "b", phones=["030 1234567"], address=Address(city="Berlin")),
        lead("Acme Verpackung", "c", website="https://www.acme.de/", country_hint="DE"),
        lead("Zeta Media AG", "a", phones=["+49 40 7654321"], address=Address(city="Hamburg")),
    ]


def test_dedupe_merges_after_rules_change_and_keeps_ids(tmp_path: Path, db_url: str) -> None:
    engine = init_db(db_url)
    with Ingestor(engine, rules=load_rules(strict_rules(tmp_path))) as ingestor:
        outcomes = [ingestor.ingest(normalize_lead(item, "DE")) for item in leads()]
    assert len({o.company_id for o in outcomes}) == 4
    with engine.begin() as conn:
        conn.execute(Company.__table__.update().where(Company.id == outcomes[1].company_id)
                     .values(status="customer"))
    report = dedupe(engine, load_rules(), default_region="DE")
    assert (report.records, report.companies_before, report.companies_after) == (4, 4, 2)
    assert report.companies_removed == 2
    with engine.connect() as conn:
        rows = conn.execute(select(SourceRecord.record_id, SourceRecord.company_id)).all()
        by_record = dict(rows)
        acme = by_record["Acme Packaging GmbH"]
        assert by_record["ACME Packaging"] == acme == by_record["Acme Verpackung"]
        assert acme == outcomes[0].company_id  # the cluster kept one of its old ids
        assert by_record["Zeta Media AG"] == outcomes[3].company_id
        company = conn.execute(select(Company).where(Company.id == acme)).one()
        assert company.status == "customer"  # the absorbed company's status survives
        assert company.registered_domain == "acme.de" and company.phone == "+49301234567"
        kinds = set(conn.execute(select(ContactPoint.kind).where(
            ContactPoint.company_id == acme)).scalars())
        assert {"email", "phone", "website"} <= kinds
        assert conn.execute(select(func.count()).select_from(CompanyKey).where(
            CompanyKey.company_id.not_in([acme, outcomes[3].company_id]))).scalar_one() == 0
        evidence = conn.execute(select(SourceRecord.match_evidence).where(
            SourceRecord.record_id == "ACME Packaging")).scalar_one()
        assert evidence["via"] == "dedupe"
    again = dedupe(engine, load_rules(), default_region="DE")
    assert again.clusters_changed == 0 and again.companies_after == 2


def test_dedupe_splits_when_rules_get_stricter(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    with Ingestor(engine) as ingestor:
        for item in leads():
            ingestor.ingest(normalize_lead(item, "DE"))
    report = dedupe(engine, load_rules(strict_rules(tmp_path)), default_region="DE")
    assert report.companies_after == 4 and report.companies_created == 2
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Company)).scalar_one() == 4
        orphans = conn.execute(select(func.count()).select_from(SourceRecord).where(
            SourceRecord.company_id.is_(None))).scalar_one()
        assert orphans == 0
