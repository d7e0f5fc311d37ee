"""Table-driven tests of every ICP rule kind: which lead matches, and the reason it gives.

Each case is ``(description, lead facts, rule, expected reason or None)``. All leads go into one
real SQLite database; each case evaluates its rule over every lead and checks its own lead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from enrich.scoring.features import FeatureSet, load_features
from enrich.scoring.icp import IdealCustomerProfile
from enrich.scoring.rules import RuleEvaluator
from enrich.scoring.sample import SampleContact, SampleLead, insert_leads
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Suppression

Case = tuple[str, dict[str, Any], dict[str, Any], str | None]


def kw(*terms: str, **options: Any) -> dict[str, Any]:
    return {"points": 10, "keywords": {"terms": list(terms), **options}}


KEYWORD_CASES: list[Case] = [
    ("category, exact word", {"categories": ["Food Processing"]}, kw("food"),
     "category matches 'food'"),
    ("plural -ies", {"categories": ["Craft Breweries"]}, kw("brewery"),
     "category matches 'brewery'"),
    ("case-insensitive", {"categories": ["FOOD"]}, kw("Food"), "category matches 'Food'"),
    ("German synonym in description", {"description": "Hersteller von Lebensmitteln"},
     kw("food"), "description matches 'food'"),
    ("German compound by prefix", {"categories": ["Lebensmittelherstellung"]}, kw("food"),
     "category matches 'food'"),
    ("German umlaut and sharp s folded", {"name": "Süßwaren Schmidt"}, kw("confectionery"),
     "name matches 'confectionery'"),
    ("German compound by suffix", {"description": "Naturkosmetik aus Bayern"},
     kw("cosmetics"), "description matches 'cosmetics'"),
    ("German term written with ss", {"description": "Feine Suesswaren"}, kw("süßwaren"), None),
    ("Chinese substring of a name", {"name": "杭州美丽化妆品有限公司"}, kw("cosmetics"),
     "name matches 'cosmetics'"),
    ("Chinese food in a sentence", {"description": "我们是一家食品生产企业"}, kw("food"),
     "description matches 'food'"),
    ("Chinese term given directly", {"description": "专业乳制品加工"}, kw("乳制品"),
     "description matches '乳制品'"),
    ("Chinese term expands to English", {"categories": ["Dairy products"]}, kw("乳制品"),
     "category matches '乳制品'"),
    ("Japanese", {"description": "化粧品メーカー"}, kw("cosmetics"),
     "description matches 'cosmetics'"),
    ("French accents folded", {"description": "Fabricant de cosmétiques"}, kw("cosmetics"),
     "description matches 'cosmetics'"),
    ("synonyms switched off", {"description": "Lebensmittel"}, kw("food", synonyms=False), None),
    ("field restriction", {"description": "food"}, kw("food", fields=["categories"]), None),
    ("multi-word: all words, any order", {"description": "machinery for packaging"},
     kw("packaging machinery", synonyms=False), "description matches 'packaging machinery'"),
    ("multi-word: one word is not enough", {"description": "packaging only"},
     kw("packaging machinery", synonyms=False), None),
    ("no match inside another word", {"description": "steam engines"}, kw("tea"), None),
    ("products field", {"products": ["Joghurt", "Käse"]}, kw("dairy", fields=["products"]),
     "product matches 'dairy'"),
    ("first term wins the reason", {"categories": ["Food", "Beverages"]},
     kw("beverage", "food"), "category matches 'beverage'"),
    ("custom label", {"categories": ["Pharma"]},
     {**kw("pharma"), "label": "makes {term}"}, "makes pharma"),
]

SIZE_CASES: list[Case] = [
    ("employees at least", {"size": {"employees": 120}},
     {"points": 5, "size": {"field": "employees", "min": 50}}, "50+ employees"),
    ("employees below the band", {"size": {"employees": 10}},
     {"points": 5, "size": {"field": "employees", "min": 50}}, None),
    ("max is exclusive", {"size": {"employees": 50}},
     {"points": 5, "size": {"field": "employees", "min": 20, "max": 50}}, None),
    ("employee band when no count", {"size": {"employees_band": "50-199"}},
     {"points": 5, "size": {"field": "employees", "min": 50, "max": 200}}, "50-200 employees"),
    ("employees unknown", {"size": {}},
     {"points": 2, "size": {"field": "employees", "missing": True}}, "employees unknown"),
    ("revenue band in millions", {"size": {"revenue_band": "EUR 10-50M"}},
     {"points": 5, "size": {"field": "revenue", "min": 10}}, "revenue 10M+"),
    ("revenue in Chinese units", {"size": {"revenue_band": "5000万元"}},
     {"points": 5, "size": {"field": "revenue", "min": 10}}, "revenue 10M+"),
    ("revenue too small", {"size": {"revenue_band": "< 1 Mio EUR"}},
     {"points": 5, "size": {"field": "revenue", "min": 10}}, None),
    ("founded before", {"size": {"founded_year": 1950}},
     {"points": 5, "size": {"field": "founded_year", "max": 2000}}, "founded before 2000"),
    ("founded too recently", {"size": {"founded_year": 2021}},
     {"points": 5, "size": {"field": "founded_year", "max": 2000}}, None),
    ("booth in square metres", {"size": {"booth_size": "36 sqm"}},
     {"points": 5, "size": {"field": "booth_sqm", "min": 30}}, "30+ m² booth"),
    ("booth as a word", {"size": {"booth_size": "Large island"}},
     {"points": 5, "size": {"field": "booth_size", "values": ["large"]}}, "booth size 'large'"),
    ("membership tier", {"size": {"membership_tier": "Gold Member"}},
     {"points": 5, "size": {"field": "membership_tier", "values": ["platinum", "gold"]}},
     "membership tier 'gold'"),
    ("membership tier not listed", {"size": {"membership_tier": "Basic"}},
     {"points": 5, "size": {"field": "membership_tier", "values": ["gold"]}}, None),
]


def person(dm: bool) -> SampleContact:
    return SampleContact("person", "Anna Weber", decision_maker=dm, title="CEO" if dm else "Sales")


CONTACT_CASES: list[Case] = [
    ("decision maker", {"contacts": [person(True)]}, {"points": 10, "contact": "decision_maker"},
     "decision-maker contact known"),
    ("a person who does not decide", {"contacts": [person(False)]},
     {"points": 10, "contact": "decision_maker"}, None),
    ("any named person", {"contacts": [person(False)]}, {"points": 3, "contact": "person"},
     "named contact person known"),
    ("verified e-mail", {"contacts": [SampleContact("email", "a@b.de", "valid")]},
     {"points": 5, "contact": "verified_email"}, "verified e-mail address"),
    ("risky e-mail is not verified", {"contacts": [SampleContact("email", "a@c.de", "risky")]},
     {"points": 5, "contact": "verified_email"}, None),
    ("valid phone", {"contacts": [SampleContact("phone", "+4930123456", "valid")]},
     {"points": 5, "contact": "valid_phone"}, "valid phone number"),
    ("invalid phone", {"contacts": [SampleContact("phone", "+4930000", "invalid")]},
     {"points": 5, "contact": "valid_phone"}, None),
    ("company phone known", {"phone": "+4930999999"}, {"points": 1, "contact": "any_phone"},
     "phone number known"),
    ("live website", {"contacts": [SampleContact("website", "https://x.de/", "valid")]},
     {"points": 5, "contact": "live_website"}, "live website"),
    ("dead website", {"contacts": [SampleContact("website", "https://y.de/", "invalid")]},
     {"points": 5, "contact": "live_website"}, None),
]

TARGETS = ["DACH", "BENELUX", "GB", "US", "CN"]
COUNTRY_CASES: list[Case] = [
    ("in a country group", {"country": "AT"}, {"points": 15, "country": {"in": TARGETS}},
     "in target countries (AT)"),
    ("not in the list", {"country": "FR"}, {"points": 15, "country": {"in": TARGETS}}, None),
    ("outside target regions", {"country": "FR"},
     {"points": -30, "country": {"not_in": TARGETS}}, "outside target regions (FR)"),
    ("unknown country is not outside", {"country": None},
     {"points": -30, "country": {"not_in": TARGETS}}, None),
    ("unknown country when asked", {"country": None},
     {"points": -5, "country": {"not_in": TARGETS, "include_unknown": True}},
     "outside target regions (unknown)"),
    ("in a region", {"country": "DE", "region": "Bayern"},
     {"points": 5, "country": {"in": ["DE"], "regions": ["bayern"]}}, "in target countries (DE)"),
    ("other region", {"country": "DE", "region": "Berlin"},
     {"points": 5, "country": {"in": ["DE"], "regions": ["Bayern"]}}, None),
]

EXCLUSION_CASES: list[Case] = [
    ("competitor by name", {"name": "Krones AG"},
     {"veto": True, "competitor": {"names": ["Krones"]}}, "competitor 'Krones'"),
    ("competitor name is a whole word", {"name": "Kronesse Feinkost"},
     {"veto": True, "competitor": {"names": ["Krones"]}}, None),
    ("competitor by domain", {"domain": "syntegon.com"},
     {"veto": True, "competitor": {"domains": ["www.Syntegon.com"]}}, "competitor 'syntegon.com'"),
    ("existing customer", {"status": "customer"},
     {"veto": True, "status": ["customer"], "label": "existing customer"}, "existing customer"),
    ("not a customer", {"status": "new"},
     {"veto": True, "status": ["customer"], "label": "existing customer"}, None),
    ("suppressed domain", {"domain": "do-not-contact.example"},
     {"veto": True, "suppressed": True}, "on the suppression list"),
    ("free-mail only", {"email": "boss@gmail.com"},
     {"points": -10, "free_mail_only": True}, "only free-mail e-mail addresses"),
    ("free-mail beside a company address",
     {"email": "boss@gmail.com", "contacts": [SampleContact("email", "info@firm.de")]},
     {"points": -10, "free_mail_only": True}, None),
]

ALL_CASES = KEYWORD_CASES + SIZE_CASES + CONTACT_CASES + COUNTRY_CASES + EXCLUSION_CASES
CUSTOM_SYNONYMS = {"packaging machinery": ["Verpackungsanlage*"]}


@pytest.fixture(scope="module")
def features(tmp_path_factory: pytest.TempPathFactory) -> FeatureSet:
    path: Path = tmp_path_factory.mktemp("scoring-rules") / "leads.db"
    engine = init_db(f"sqlite:///{path}")
    leads = []
    for i, (_, facts, _, _) in enumerate(ALL_CASES):
        leads.append(SampleLead(**{"name": f"Lead {i}", **facts}))
    leads.append(SampleLead(name="Custom Synonym", description="Wir bauen Verpackungsanlagen"))
    insert_leads(engine, leads)
    with session_scope(engine) as session:
        session.add(Suppression(kind="domain", value="do-not-contact.example"))
    return load_features(engine, cache=False)


def _evaluate(features: FeatureSet, rule: dict[str, Any], row: int) -> str | None:
    icp = IdealCustomerProfile.model_validate(
        {"eligible": [rule], "synonyms": CUSTOM_SYNONYMS}
    )
    hit = RuleEvaluator(features, icp).evaluate(icp.eligible[0])
    code = int(hit.detail[row])
    return None if code < 0 else hit.texts[code]


@pytest.mark.parametrize(
    ("row", "rule", "expected"),
    [pytest.param(i, rule, expected, id=desc) for i, (desc, _, rule, expected)
     in enumerate(ALL_CASES)],
)
def test_rule(features: FeatureSet, row: int, rule: dict[str, Any], expected: str | None) -> None:
    assert _evaluate(features, rule, row) == expected


def test_rule_matches_only_its_leads(features: FeatureSet) -> None:
    """A rule that matches one lead in the table does not match unrelated ones."""
    icp = IdealCustomerProfile.model_validate({"need": [kw("cosmetics")]})
    hit = RuleEvaluator(features, icp).evaluate(icp.need[0])
    matched = {i for i in range(len(ALL_CASES)) if hit.detail[i] >= 0}
    expected = {i for i, case in enumerate(ALL_CASES) if case[3] == "name matches 'cosmetics'"
                or case[3] == "description matches 'cosmetics'"}
    assert matched == expected


def test_profile_synonyms_extend_the_builtin_list(features: FeatureSet) -> None:
    row = len(ALL_CASES)
    assert _evaluate(features, kw("packaging machinery"), row) == (
        "description matches 'packaging machinery'"
    )


def test_a_katakana_word_is_not_found_inside_a_longer_one() -> None:
    """パン (bread, bakery) was found in ジャパン (Japan): every "…ジャパン株式会社" was a
    bakery. Kanji and kana around it still match (パン屋, a bakery)."""
    from enrich.scoring.text import Vocabulary, term_words, tokens

    words = tokens("テックジャパン株式会社") + tokens("パン屋 さくら") + tokens("ベーカリー")
    vocab = Vocabulary(words)
    [bread] = term_words("パン")
    assert [vocab.words[i] for i in vocab.ids_for_word(bread)] == tokens("パン屋")
