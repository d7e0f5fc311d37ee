"""Fit scoring speed at 100k and 1M leads on SQLite, and its quality on the demo web.

For each size: generate leads with multilingual categories and descriptions, size signals and
contacts into a fresh SQLite database (outside the clock); build the feature cache once (timed
apart: it is paid when leads change, not when the profile does); score with the demo profile;
then change the profile (other terms, points and grading) and time the full rescore: cache check
and load, rule evaluation, grading, reasons, and writing a new current row per lead while the old
rows stay. Bar: rescoring 1M leads after a profile change in under 60 s.
"""

from __future__ import annotations

import os
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from enrich.scoring.cache import cache_path, save_features
from enrich.scoring.features import build_features
from enrich.scoring.icp import IdealCustomerProfile
from enrich.scoring.sample import SampleContact, SampleLead, insert_leads
from enrich.scoring.service import rescore
from leadgen.profile import load_profile
from leadgen.storage import init_db

SIZES = (100_000, 1_000_000)
QUICK_SIZES = (10_000, 50_000)
DEMO_COMPANIES, QUICK_DEMO_COMPANIES = 10_000, 1_000

_INDUSTRIES = [
    ("Food manufacturing", "Lebensmittelhersteller", "食品加工", "ready meals, sauces and snacks"),
    ("Beverages & brewing", "Getränkehersteller & Brauerei", "饮料酒类", "beer, soft drinks"),
    ("Dairy products", "Molkerei", "乳制品", "milk, yoghurt and cheese"),
    ("Cosmetics manufacturing", "Kosmetikhersteller", "化妆品", "creams and shampoos"),
    ("Pharmaceuticals", "Pharmahersteller", "医药制造", "tablets and capsules"),
    ("Software & IT services", "Softwarehaus", "软件和信息技术", "business software"),
    ("Logistics & freight", "Spedition", "物流运输", "warehousing and road freight"),
    ("Construction", "Bauunternehmen", "建筑工程", "commercial buildings"),
    ("Packaging machinery", "Verpackungsmaschinenbau", "包装机械", "filling machines"),
    ("Retail", "Einzelhandel", "商贸零售", "home and garden stores"),
]
_COUNTRIES = ["DE", "AT", "CH", "NL", "BE", "GB", "US", "CN", "FR", "ES", "IT", "PL"]
_SYLLABLES = "ka lo mer tin vor sa ben rix tal dor fen gra mon sil ter wal zen quo".split()


def generate(count: int, seed: int = 7) -> Iterator[SampleLead]:
    """``count`` leads; every field a scoring rule reads is filled for some of them."""
    rng = random.Random(seed)
    for i in range(count):
        en, de, zh, products = rng.choice(_INDUSTRIES)
        country = rng.choice(_COUNTRIES)
        brand = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() + str(i)
        if country == "CN":
            name, categories = f"{brand}{zh}有限公司", [zh]
            description = f"{brand}是一家专业从事{products}的{zh}企业。"
        elif country in ("DE", "AT", "CH"):
            name, categories = f"{brand} {de.split()[0]} GmbH", [en]
            description = f"{brand} ({de}) produziert {products}."
        else:
            name, categories = f"{brand} Ltd", [en]
            description = f"{brand} is a {en.lower()} company making {products}."
        employees = int(rng.lognormvariate(3.5, 1.5))
        size: dict[str, object] = {"employees": employees} if rng.random() < 0.7 else {
            "employees_band": rng.choice(["1-9", "10-49", "50-199", "200-999"])}
        if rng.random() < 0.3:
            size["founded_year"] = rng.randint(1900, 2024)
        contacts = [SampleContact("email", f"info@{brand.lower()}.example",
                                  rng.choice(["valid", "risky", None]))]
        if rng.random() < 0.4:
            decides = rng.random() < 0.5
            contacts.append(SampleContact("person", f"Person {i}", decision_maker=decides))
        yield SampleLead(
            name=name, country=country, categories=categories if rng.random() < 0.8 else [],
            description=description if rng.random() < 0.7 else None, size=size,
            domain=f"{brand.lower()}.example", website=f"https://{brand.lower()}.example/",
            phone=f"+49{rng.randint(10**9, 10**10 - 1)}" if rng.random() < 0.8 else None,
            status="customer" if rng.random() < 0.002 else "new", contacts=contacts,
        )


def changed_profile(icp: IdealCustomerProfile) -> IdealCustomerProfile:
    """The demo ICP after a sales meeting: cosmetics out, logistics in, other points, grading."""
    data = icp.model_dump(by_alias=True, exclude_none=True)
    data["need"][0]["keywords"]["terms"] = [
        t for t in data["need"][0]["keywords"]["terms"] if t != "cosmetics"] + ["logistics"]
    data["need"][0]["points"] = 30
    data["pay"][0]["points"] = 10
    data["grading"]["scheme"] = "percentile"
    return IdealCustomerProfile.model_validate(data)


def _measure(size: int, workdir: Path) -> dict[str, float]:
    url = f"sqlite:///{workdir / f'scoring-{size}.db'}"
    engine = init_db(url)
    started = time.perf_counter()
    insert_leads(engine, generate(size))
    figures = {"generate": time.perf_counter() - started}
    started = time.perf_counter()
    features = build_features(engine)
    save_features(features, cache_path(engine))
    figures["features"] = time.perf_counter() - started
    icp = load_profile("demo").icp
    first = rescore(engine, "bench", icp)
    figures["first"] = first.timings["total"]
    cpu_before = _cpu_seconds()
    second = rescore(engine, "bench", changed_profile(icp))
    figures["rescore_cpu"] = _cpu_seconds() - cpu_before
    assert second.features.extra["cache"] == "hit"
    figures["rescore"] = second.timings["total"]
    for part in ("features", "score", "write"):
        figures[f"rescore_{part}"] = second.timings[part]
    figures["changed"] = second.diff.changed_total if second.diff else 0
    engine.dispose()
    return figures


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _demo_quality(companies: int, workdir: Path) -> list[str]:
    from enrich.scoring.demo_eval import evaluate_result, observable_leads
    from enrich.scoring.engine import score_features
    from enrich.scoring.features import load_features
    from enrich.scoring.learn import learn
    from leadgen.demoweb import DemoWorld

    world = DemoWorld.generate(42, companies)
    engine = init_db(f"sqlite:///{workdir / 'demo.db'}")
    leads = observable_leads(world)
    # Simulated sales history for --learn: a third of the leads carry an outcome (won when the
    # hidden label says fit). Outcomes are labels to learn from, never features.
    rng = random.Random(5)
    for index, lead in enumerate(leads):
        if rng.random() < 1 / 3:
            lead.outcome = "won" if world.cores[index].fit else "lost"
    ids = insert_leads(engine, leads)
    fit = {company_id: world.cores[i].fit for i, company_id in enumerate(ids)}
    features = load_features(engine, cache=False)
    icp = load_profile("demo").icp
    lines = ["| grading | leads | fit | AUC | A precision | A leads |", "|---|---|---|---|---|---|"]
    for scheme in ("thresholds", "percentile"):
        ev = evaluate_result(score_features(features, icp, scheme), fit)
        mark = " (profile's)" if scheme == icp.grading.scheme else ""
        lines.append(f"| {scheme}{mark} | {ev.leads} | {ev.fits} | {ev.auc:.3f} | "
                     f"{ev.a_precision:.1%} | {ev.a_count} |")
    report = learn(features, score_features(features, icp))
    top = ", ".join(f"{name} {weight:+.1f}" for name, weight in report.coefficients[:4])
    lines += ["", f"`leadgen score --learn` on simulated outcomes ({report.wins} won, "
              f"{report.losses} lost; held-out {report.test_rows} leads): learned weights AUC "
              f"{report.model_auc:.3f} vs rule score AUC {report.rules_auc:.3f}. Strongest "
              f"signals of a win: {top}."]
    return lines


def run(quick: bool = False) -> str:
    """The markdown section for ``make bench``."""
    sizes = QUICK_SIZES if quick else SIZES
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-scoring-") as tmp:
        workdir = Path(tmp)
        results = {size: _measure(size, workdir) for size in sizes}
        quality = _demo_quality(QUICK_DEMO_COMPANIES if quick else DEMO_COMPANIES, workdir)
    base = sizes[0]
    lines = [
        "## scoring", "",
        "Rescore after a profile change (features from the cache; rules, grades, reasons, bulk "
        "write of one new current row per lead). Bar: 1M leads in under 60 s.", "",
        "| leads | feature build (once) | first scoring | rescore after change | of which load "
        "/ score / write | CPU of the rescore | leads/s | time vs baseline | grade changes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size, f in results.items():
        ratio = f["rescore"] / results[base]["rescore"]
        lines.append(
            f"| {size:,} | {f['features']:.1f} s | {f['first']:.1f} s | **{f['rescore']:.1f} s** "
            f"| {f['rescore_features']:.1f} / {f['rescore_score']:.1f} / "
            f"{f['rescore_write']:.1f} s | {f['rescore_cpu']:.1f} s | "
            f"{size / f['rescore']:,.0f} | {ratio:.2f}x ({size // base}x leads) | "
            f"{int(f['changed']):,} |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load_after = os.getloadavg()[0]
    lines += ["", f"Load average {load_before:.1f} before, {load_after:.1f} after (2 cores: above "
              "2 means other processes shared the CPU and wall times are inflated).",
              "", f"Peak memory of the benchmark process: {peak:,.0f} MB. Data generation "
              "(not timed above): " + ", ".join(
                  f"{s:,}: {f['generate']:.0f} s" for s, f in results.items()) + ".", "",
              "Demo web (seed 42), rule score vs the hidden fit label, leads built from what the "
              "pages show:", "", *quality]
    return "\n".join(lines) + "\n"
