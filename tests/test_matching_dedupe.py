"""``leadgen dedupe``: re-clustering the whole database after the rules change."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from leadgen.exceptions import InputError
from leadgen.explain import find_company
from leadgen.ingest import Ingestor
from leadgen.items import Address, Lead, SourceMeta
from leadgen.matching import dedupe as dedupe_module
from leadgen.matching import load_rules
from leadgen.matching.cluster import UnionFind, cluster, spelling_groups
from leadgen.matching.compare import compare
from leadgen.matching.dedupe import dedupe
from leadgen.matching.profile import MatchProfile, blocking_keys
from leadgen.matching.rules import MatchingRules
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import (
    Company,
    CompanyKey,
    ContactPoint,
    PossibleMatch,
    SourceRecord,
)

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
    seen = [datetime(2026, month, 1, tzinfo=UTC) for month in (1, 2, 3, 4)]
    with engine.begin() as conn:
        conn.execute(Company.__table__.update().where(Company.id == outcomes[1].company_id)
                     .values(status="customer"))
        # A sales outcome and the times its companies were seen go with the merge too (a
        # won deal vanished, and every company looked seen in a list when dedupe ran).
        conn.execute(Company.__table__.update().where(Company.id == outcomes[2].company_id)
                     .values(outcome="won"))
        for outcome, first, last in zip(outcomes[:3], seen[:3], seen[1:], strict=True):
            conn.execute(Company.__table__.update().where(Company.id == outcome.company_id)
                         .values(first_seen=first, last_seen=last))
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
        assert company.outcome == "won"
        assert [stamp.replace(tzinfo=UTC) for stamp in (company.first_seen,
                                                       company.last_seen)] == [seen[0], seen[3]]
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
    with session_scope(engine) as session:  # an export's id of a merged-away company
        with pytest.raises(InputError, match=f"company {outcomes[1].company_id} was merged "
                           f"into company {acme} "):
            find_company(session, str(outcomes[1].company_id))
    dedupe(engine, load_rules(), default_region="DE", force=True)
    with engine.connect() as conn:
        stamps = conn.execute(select(Company.first_seen, Company.last_seen).where(
            Company.id == acme)).one()
    assert [stamp.replace(tzinfo=UTC) for stamp in stamps] == [seen[0], seen[3]]


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


def _profile(name: str, *, phone: str = "", street: str = "", city: str = "berlin",
             domain: str = "") -> MatchProfile:
    return MatchProfile(names=(name,), phones=(phone,) if phone else (),
                        streets=(street,) if street else (), domains=(domain,) if domain else (),
                        cities=(city,), countries=("DE",))


def _reference(profiles: list[MatchProfile], rules: MatchingRules) -> list[frozenset[int]]:
    """Every pair that shares a comparable block compared, by brute force (no first-block
    bookkeeping); the matches joined strongest first (equal ones by record index), each
    unless some record of one cluster and some of the other are an unmatched pair of two
    companies a record may fit alike (two places of one brand, two companies on one line). A
    record matching both records of such a pair joins nothing."""
    limits = {rule.key: rule.max_block_size or rules.max_block_size for rule in rules.blocking}
    blocks: dict[tuple[str, str], list[int]] = {}
    for index, profile in enumerate(profiles):
        for key in dict.fromkeys(blocking_keys(profile, rules)):
            blocks.setdefault(key, []).append(index)
    shared_pairs = {(a, b) for (kind, _), members in blocks.items()
                    if 2 <= len(members) <= limits[kind]
                    for a in members for b in members if a < b}
    holders = {key: spelling_groups({profiles[m].names[:1] for m in members}, rules)
               for key, members in blocks.items() if key[0] in ("phone", "domain")}

    def shared(kind: str, value: str) -> int:
        return holders.get((kind, value), 1)

    matches: list[tuple[float, int, int]] = []
    elsewhere: set[tuple[int, int]] = set()
    for a, b in sorted(shared_pairs):
        outcome = compare(profiles[b], profiles[a], rules, shared)
        if outcome.decision == "match":
            matches.append((-outcome.score, a, b))
        elif outcome.two_companies:
            elsewhere.update({(a, b), (b, a)})
    ambiguous = {c for a, b in elsewhere for c in range(len(profiles))
                 if any({a, c} == {x, y} for _, x, y in matches)
                 and any({b, c} == {x, y} for _, x, y in matches)}
    union = UnionFind(len(profiles))
    for _, a, b in sorted(matches):
        if a in ambiguous or b in ambiguous:
            continue
        ours = [i for i in range(len(profiles)) if union.find(i) == union.find(a)]
        theirs = [i for i in range(len(profiles)) if union.find(i) == union.find(b)]
        if not any((x, y) in elsewhere for x in ours for y in theirs):
            union.union(a, b)
    return _partition([union.find(i) for i in range(len(profiles))])


def _partition(labels: list[int]) -> list[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, set()).add(index)
    return sorted((frozenset(group) for group in groups.values()), key=min)


def _unscreened(rules: MatchingRules) -> MatchingRules:
    return rules.model_copy(update={"blocking": [
        rule.model_copy(update={"min_name_similarity": None}) for rule in rules.blocking]})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 4), st.integers(0, 3),
                          st.integers(0, 3), st.booleans()), min_size=2, max_size=30))
def test_cluster_equals_brute_force_components(rows: list[tuple[int, int, int, int, bool]],
                                               ) -> None:
    """Comparing each pair once (at its first shared block) gives the same clusters as
    comparing every pair that shares a block, two places of one brand kept apart alike."""
    names = ["acme packaging", "acme verpackung", "zeta media", "zeta medien", "nord cargo",
             "blue river tech"]
    profiles = [_profile(names[name], phone=f"+4930{phone}11111" if phone else "",
                         street=f"hauptstrasse {street}" if street else "",
                         domain=f"d{domain}.de" if domain else "",
                         city="berlin" if in_berlin else "hamburg")
                for name, phone, street, domain, in_berlin in rows]
    rules = _unscreened(load_rules())
    assert _partition(cluster(profiles, rules).labels) == _reference(profiles, rules)


def test_weak_key_pairs_are_screened_by_name_as_on_ingest() -> None:
    """Same street only, unlike names: not compared. Same street and phone: compared in full."""
    profiles = [
        _profile("acme packaging", phone="+49301111111", street="hauptstrasse 5"),
        _profile("zeta media", phone="+49302222222", street="hauptstrasse 5"),
        _profile("nord cargo", phone="+49301111111", street="hauptstrasse 5"),
    ]
    rules = load_rules()
    screened = cluster(profiles, rules)
    assert screened.screened == 2  # acme-zeta, zeta-nord: only the street in common
    assert screened.comparisons == 1  # acme-nord share the phone: compared
    full = cluster(profiles, _unscreened(rules))
    assert (full.screened, full.comparisons) == (0, 3)
    assert _partition(screened.labels) == _partition(full.labels)


def _state(engine: Engine) -> tuple[list[Any], list[Any], list[Any]]:
    with engine.connect() as conn:
        records = conn.execute(select(SourceRecord.record_id, SourceRecord.company_id,
                                      SourceRecord.match_evidence)
                               .order_by(SourceRecord.id)).all()
        companies = conn.execute(select(Company.id, Company.display_name, Company.phone,
                                        Company.status).order_by(Company.id)).all()
        contacts = conn.execute(select(ContactPoint.company_id, ContactPoint.kind,
                                       ContactPoint.value).order_by(ContactPoint.id)).all()
    return [tuple(r) for r in records], [tuple(c) for c in companies], [tuple(c) for c in contacts]


def test_dedupe_with_worker_processes_writes_what_one_process_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    states = []
    for workers in (1, 2):
        if workers == 2:
            monkeypatch.setattr(dedupe_module, "SLICE", 1)  # and one cluster per written slice
        engine = init_db(f"sqlite:///{tmp_path / f'leads-{workers}.db'}")
        with Ingestor(engine, rules=load_rules(strict_rules(tmp_path))) as ingestor:
            for item in leads() * 3:  # a few chunks' worth of work for the pool
                ingestor.ingest(normalize_lead(item, "DE"))
        report = dedupe(engine, load_rules(), default_region="DE", workers=workers)
        assert (report.records, report.companies_after, report.unreadable) == (4, 2, 0)
        states.append(_state(engine))
        engine.dispose()
    assert states[0] == states[1]
    evidence = {record: ev for record, _, ev in states[1][0]}
    assert evidence["ACME Packaging"]["decision"] == "match"  # the link's comparison, redone
    assert evidence["ACME Packaging"]["levels"]


def test_second_run_over_unchanged_database_stops_early(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    with Ingestor(engine, rules=load_rules(strict_rules(tmp_path))) as ingestor:
        for item in leads():
            ingestor.ingest(normalize_lead(item, "DE"))
    first = dedupe(engine, load_rules(), default_region="DE")
    assert first.unchanged_since_run is None and first.clusters_changed == 1
    again = dedupe(engine, load_rules(), default_region="DE")
    assert again.unchanged_since_run is not None and again.comparisons == 0
    assert (again.records, again.companies_after, again.clusters_changed) == (4, 2, 0)
    # Other rules, a forced run, or a record moved by hand: re-clustered in full.
    strict = dedupe(engine, load_rules(strict_rules(tmp_path)), default_region="DE")
    assert strict.unchanged_since_run is None and strict.companies_after == 4
    forced = dedupe(engine, load_rules(strict_rules(tmp_path)), default_region="DE", force=True)
    assert forced.unchanged_since_run is None and forced.clusters_changed == 0
    with engine.begin() as conn:
        ids = conn.execute(select(SourceRecord.company_id).order_by(SourceRecord.id)).scalars()
        first_id = next(iter(ids))
        conn.execute(SourceRecord.__table__.update()
                     .where(SourceRecord.record_id == "Zeta Media AG").values(company_id=first_id))
    moved = dedupe(engine, load_rules(strict_rules(tmp_path)), default_region="DE")
    assert moved.unchanged_since_run is None and moved.clusters_changed == 2


def test_records_added_during_a_run_are_clustered_by_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    with Ingestor(engine) as ingestor:
        for item in leads()[:3]:
            ingestor.ingest(normalize_lead(item, "DE"))
    real_cluster = dedupe_module.cluster

    def cluster_while_ingesting(profiles: list[MatchProfile], rules: MatchingRules,
                                *decided: Any) -> Any:
        with Ingestor(engine) as late:  # a crawl writing while dedupe clusters
            late.ingest(normalize_lead(leads()[3], "DE"))
        return real_cluster(profiles, rules, *decided)

    monkeypatch.setattr(dedupe_module, "cluster", cluster_while_ingesting)
    assert dedupe(engine, load_rules(), default_region="DE").records == 3
    monkeypatch.setattr(dedupe_module, "cluster", real_cluster)
    after = dedupe(engine, load_rules(), default_region="DE")
    assert after.unchanged_since_run is None and after.records == 4


def test_a_record_stored_during_a_run_into_a_company_it_merges_away_keeps_a_company(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    """An import beside ``leadgen dedupe`` matched records into a company dedupe then
    merged away; the foreign key left them in no company (and a re-run of the import
    called them unchanged). They now go where that company's records went."""
    engine = init_db(db_url)
    with Ingestor(engine, rules=load_rules(strict_rules(tmp_path))) as ingestor:
        outcomes = [ingestor.ingest(normalize_lead(item, "DE")) for item in leads()]
    absorbed = outcomes[1].company_id  # "ACME Packaging": merged into Acme by the run
    real_cluster = dedupe_module.cluster

    def cluster_while_importing(profiles: list[MatchProfile], rules: MatchingRules,
                                *decided: Any) -> Any:
        with engine.begin() as conn:  # another program's record, matched into that company
            record = conn.execute(select(SourceRecord).where(
                SourceRecord.company_id == absorbed)).one()._mapping
            conn.execute(SourceRecord.__table__.insert().values(
                {key: value for key, value in record.items() if key != "id"}
                | {"source_id": "late", "record_key": "late-1"}))
        return real_cluster(profiles, rules, *decided)

    monkeypatch.setattr(dedupe_module, "cluster", cluster_while_importing)
    report = dedupe(engine, load_rules(), default_region="DE")
    assert report.companies_removed == 2
    with engine.connect() as conn:
        late = conn.execute(select(SourceRecord.company_id).where(
            SourceRecord.source_id == "late")).scalar_one()
        acme = conn.execute(select(SourceRecord.company_id).where(
            SourceRecord.record_id == "Acme Packaging GmbH")).scalar_one()
    assert late == acme is not None


def _stored_keys(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        return {(row.kind, row.value) for row in conn.execute(
            select(CompanyKey.kind, CompanyKey.value))}


@pytest.mark.parametrize("deduped_before", [True, False], ids=["after a run", "first run"])
def test_blocking_rules_changed_rebuild_every_companys_keys(
        tmp_path: Path, deduped_before: bool) -> None:
    """A blocking rule added after the companies were stored: their clusters do not change, yet
    each gets the new rule's keys (else the next ingest could not find them by it)."""
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    current = load_rules()
    older = current.model_copy(update={"blocking": [
        rule for rule in current.blocking if rule.key != "street_city"]})
    park = Address(street="Hauptstraße 1", city="Berlin", postal_code="10115", country="DE")
    with Ingestor(engine, rules=older) as ingestor:
        for name in ("Alpha Feinmechanik GmbH", "Bravo Drucktechnik GmbH"):
            ingestor.ingest(normalize_lead(Lead(
                name=name, address=park,
                source=SourceMeta(source_id="fair", page_url="http://fair.test/",
                                  record_id=name)), "DE"))
    if deduped_before:
        assert dedupe(engine, older, default_region="DE").companies_rekeyed == 0
    assert ("street_city", "haupt st 1|berlin") not in _stored_keys(engine)
    report = dedupe(engine, current, default_region="DE")
    assert (report.clusters_changed, report.companies_rekeyed) == (0, 2)
    with engine.connect() as conn:
        holders = conn.execute(select(func.count()).select_from(CompanyKey).where(
            CompanyKey.kind == "street_city", CompanyKey.value == "haupt st 1|berlin")).scalar()
    assert holders == 2
    again = dedupe(engine, current, default_region="DE", force=True)
    assert again.companies_rekeyed == 0


def test_dedupe_keeps_a_chains_branches_apart_and_reports_it(tmp_path: Path) -> None:
    """Imported first, a record naming the brand only is joined by the first branch; the
    re-clustering finds it matches every branch, keeps the branches (two places of one brand)
    apart and proposes it for review instead of guessing."""
    engine = init_db(f"sqlite:///{tmp_path / 'chain.db'}")
    rows = [("bare", "", "", "", ""),
            ("york", "1515 York Ave.", "10028", "(212) 472-3581", "https://www.starbucks.com/"),
            ("fifth", "545 5th Ave.", "10036", "(212) 687-1026", "starbucks.com"),
            ("fifth-b", "545 Fifth Avenue", "10036", "212 687 1026", "")]
    with Ingestor(engine) as ingestor:
        for record, street, postal, phone, website in rows:
            lead = Lead(name="Starbucks", website=website or "starbucks.com",
                        phones=[phone] if phone else [],
                        source=SourceMeta(source_id="guide", page_url="http://guide.test/",
                                          record_id=record),
                        address=Address(street=street or None, postal_code=postal or None,
                                        city="New York", country="US"))
            ingestor.ingest(normalize_lead(lead))
    report = dedupe(engine, force=True)
    with engine.connect() as connection:
        company = dict(connection.execute(select(SourceRecord.record_id,
                                                 SourceRecord.company_id)).all())
    assert company["fifth"] == company["fifth-b"]
    assert company["york"] != company["fifth"]
    assert company["bare"] not in {company["york"], company["fifth"]}
    assert report.ambiguous == 1 and report.possible_matches == 1
    with engine.connect() as connection:
        (pair,) = connection.execute(select(PossibleMatch)).all()
    places = {company["york"], company["fifth"]}
    assert company["bare"] in {pair.company_a, pair.company_b}
    assert {pair.company_a, pair.company_b, pair.evidence["also_matches"]} - places == {
        company["bare"]}


def test_a_second_dedupe_in_another_process_finds_the_database_unchanged(
        tmp_path: Path) -> None:
    """Each ``leadgen dedupe`` is a process of its own, with its own salt for string hashes:
    the rules' sets (generic name words, translated words) went into the fingerprint in hash
    order, so no run ever found the last one's database unchanged."""
    import os
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'leads.db'}"
    engine = init_db(url)
    with Ingestor(engine) as ingestor:
        for item in leads():
            ingestor.ingest(normalize_lead(item, "DE"))
    outputs = []
    for seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-c", "from leadgen.cli import main; main()", "dedupe",
             "--region", "DE", "--db", url],
            capture_output=True, text=True, timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stdout + run.stderr
        outputs.append(run.stdout)
    assert "unchanged since run" not in outputs[0]
    assert "unchanged since run" in outputs[1], outputs[1]


def _import_rows(engine: Engine, path: Path, text: str, source: str) -> None:
    from leadgen.importer import import_file

    path.write_text(text, encoding="utf-8")
    import_file(engine, path, source=source, id_column="id", region="DE")


def test_an_older_version_of_a_record_follows_the_newest_and_counts_no_more(
        tmp_path: Path) -> None:
    """A CRM record imported again with other values: ingest makes it a new version of the
    company. Dedupe took the two versions for two records, put the old one in the company
    (its values back on it: Acme, Berlin) and the current one in a new company."""
    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    header = "id,name,street,postal_code,city,phone,website\n"
    _import_rows(engine, tmp_path / "v1.csv", header + "1,Acme Verpackung GmbH,Hauptstraße 5,"
                 "10115,Berlin,030 1234567,acme-verpackung.de\n", "crm")
    _import_rows(engine, tmp_path / "v2.csv", header + "1,Zeta Logistik AG,Hafenweg 9,20457,"
                 "Hamburg,040 7654321,zeta-logistik.de\n", "crm")
    report = dedupe(engine, force=True, default_region="DE")
    with engine.connect() as conn:
        companies = conn.execute(select(Company.display_name, Company.city)).all()
        owners = set(conn.execute(select(SourceRecord.company_id)).scalars())
        keys = set(conn.execute(select(CompanyKey.value).where(
            CompanyKey.kind == "domain")).scalars())
    assert [tuple(row) for row in companies] == [("Zeta Logistik", "Hamburg")]
    assert len(owners) == 1 and report.companies_after == 1
    assert keys == {"zeta-logistik.de"}  # the old version's site no longer finds it


def test_a_split_holds_for_the_split_records_new_version(tmp_path: Path) -> None:
    """A split is kept on the records: the split record's new version (a new record id) was
    merged back by dedupe."""
    from leadgen.matching.split import split_company

    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    header = "id,name,street,postal_code,city,phone,website\n"
    row = "Hoffmann Druck GmbH,Bahnhofstraße 8,04109,Leipzig,{},hoffmann-druck.de\n"
    _import_rows(engine, tmp_path / "a.csv", header + "1," + row.format("0341 223344"), "a")
    _import_rows(engine, tmp_path / "b.csv", header + "7," + row.format("0341 223344"), "b")
    with engine.connect() as conn:
        (company,) = set(conn.execute(select(SourceRecord.company_id)).scalars())
        record_b = conn.execute(select(SourceRecord.id).where(
            SourceRecord.source_id == "b")).scalar_one()
    split_company(engine, company, [record_b])
    _import_rows(engine, tmp_path / "b2.csv", header + "7," + row.format("0341 223399"), "b")
    dedupe(engine, force=True, default_region="DE")
    with engine.connect() as conn:
        owners = dict(conn.execute(select(SourceRecord.id, SourceRecord.company_id)).all())
    (record_a,) = [record for record in owners if record < record_b]
    assert len(owners) == 3
    assert owners[record_a] != owners[record_b] == max(owners.values()) == owners[max(owners)]


def test_a_record_dedupe_moves_away_takes_its_contacts_and_not_the_companys_status(
        tmp_path: Path) -> None:
    """Under stricter rules dedupe split a merged company in two: the company kept the
    departed record's e-mail, phone and contact person, and the part split off took the
    company's customer status though no customer list named it."""
    from leadgen.importer import import_file

    engine = init_db(f"sqlite:///{tmp_path / 'leads.db'}")
    header = "id,name,street,postal_code,city,phone,email,contact_name\n"
    crm, fair = tmp_path / "crm.csv", tmp_path / "fair.csv"
    crm.write_text(header + "1,Weber Holzbau GmbH,Waldweg 1,01067,Dresden,0351 111222,"
                   "info@weber-holzbau.de,Hans Weber\n", encoding="utf-8")
    fair.write_text(header + "2,Weber Holzbau GmbH,Waldweg 1,01067,Dresden,0351 999888,"
                    "kontakt@weber-dach.de,Eva Weber\n", encoding="utf-8")
    import_file(engine, crm, source="crm", id_column="id", region="DE", as_customers=True)
    import_file(engine, fair, source="fair", id_column="id", region="DE")
    with engine.connect() as conn:
        assert len(set(conn.execute(select(SourceRecord.company_id)).scalars())) == 1
    dedupe(engine, load_rules(strict_rules(tmp_path)), default_region="DE")
    with engine.connect() as conn:
        owner = dict(conn.execute(select(SourceRecord.source_id, SourceRecord.company_id)).all())
        status = dict(conn.execute(select(Company.id, Company.status)).all())
        contacts = {(row.company_id, row.value) for row in conn.execute(
            select(ContactPoint.company_id, ContactPoint.value).where(
                ContactPoint.kind.in_(("email", "phone", "person"))))}
    assert owner["crm"] != owner["fair"]
    assert (status[owner["crm"]], status[owner["fair"]]) == ("customer", "new")
    assert contacts == {
        (owner["crm"], "info@weber-holzbau.de"), (owner["crm"], "+49351111222"),
        (owner["crm"], "hans weber"),
        (owner["fair"], "kontakt@weber-dach.de"), (owner["fair"], "+49351999888"),
        (owner["fair"], "eva weber"),
    }


def test_a_merged_away_id_leads_through_later_merges(db_url: str) -> None:
    """Company 3 merged into 2, and 2 later into 1: an export's "3" names company 1; a
    chain that ends at a forgotten company names none."""
    from leadgen.storage.ids import merged_into, record_merges

    engine = init_db(db_url)
    with engine.begin() as conn:
        record_merges(conn, [(3, 2)])
        record_merges(conn, [(2, 1)])
        record_merges(conn, [(7, 6)])
        assert merged_into(conn, 3, lambda company: company == 1) == 1
        assert merged_into(conn, 2, lambda company: company == 1) == 1
        assert merged_into(conn, 7, lambda company: company == 1) is None  # 6 is gone
        assert merged_into(conn, 5, lambda company: True) is None  # never merged
        record_merges(conn, [(3, 5)])  # merged again (split off and merged elsewhere)
        assert merged_into(conn, 3, lambda company: company == 5) == 5



@pytest.mark.parametrize("shared", ["website", "phones"])
def test_three_spellings_of_one_company_on_one_key_stay_one_company(tmp_path: Path,
                                                                   shared: str) -> None:
    """Three spellings of one company with one website (or phone) are one company on
    import, and stay one in the re-clustering: by their names they are one company's
    spellings, not three companies sharing a switchboard whose key weighs nothing."""
    engine = init_db(f"sqlite:///{tmp_path / 'spellings.db'}")
    value: Any = "hofmann-geraetebau.de" if shared == "website" else ["0711 123456"]
    with Ingestor(engine) as ingestor:
        for number, name in enumerate(["Hofmann Gerätebau GmbH", "Gerätebau Hofmann",
                                       "Hofmann Gerätebau + Service"]):
            ingestor.ingest(normalize_lead(Lead(
                name=name, **{shared: value},
                source=SourceMeta(source_id="list", page_url="http://list.test/",
                                  record_id=str(number)),
                address=Address(city="Stuttgart", country="DE"))))
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Company)) == 1
    report = dedupe(engine, force=True)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Company)) == 1
    assert report.possible_matches == 0
