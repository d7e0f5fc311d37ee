"""Clustering the demo web's listings: every listing of the ground truth as a lead, matched.

Leads are built from the truth (each listing's own name variant, plus the fields its kind of
source shows: websites and e-mails on the association and the fair, street addresses and local
phone formats on the yellow pages, Chinese names and cities on the Chinese directory). The real
crawl version runs in the end-to-end crawl tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
import pytest

from leadgen.ingest import Ingestor
from leadgen.items import Address, Lead, SourceMeta
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db
from tests.bench.bench_er import pair_score

demoweb = pytest.importorskip("leadgen.demoweb")


def _national(e164: str) -> str:
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def listing_leads(truth: list[dict[str, Any]]) -> Iterator[tuple[int, Lead]]:
    """(company id, lead) for every listing of every company in the truth."""
    for company in truth:
        phone = company["phones"][0] if company["phones"] else None
        for listing in company["listings"]:
            source = listing["source"]
            meta = SourceMeta(source_id=source, page_url=listing["url"],
                              record_id=listing["record_id"])
            fields: dict[str, Any]
            if source in ("demo-association", "demo-expo"):
                fields = {"website": company["website"], "phones": [phone] if phone else [],
                          "emails": company["emails"][:1],
                          "address": Address(city=company["city"], country=company["country"])}
            elif source == "demo-yellowpages":
                fields = {"phones": [_national(phone)] if phone else [],
                          "address": Address(street=company["street"], city=company["city"],
                                             postal_code=company["postal_code"],
                                             country=company["country"])}
            else:
                fields = {"phones": [_national(phone)] if phone else [],
                          "address": Address(city=company["city_local"]), "country_hint": "CN"}
            yield company["id"], Lead(name=listing["name"], source=meta, **fields)


def test_demo_web_listings_cluster_by_company(tmp_path: Path) -> None:
    world = demoweb.DemoWorld.generate(seed=42, companies=400, crawl_delay=1.0, slow_delay=2.5)
    truth = list(world.iter_truth())
    engine = init_db(f"sqlite:///{tmp_path / 'demo.db'}")
    gold: dict[str, str] = {}
    found: dict[str, str] = {}
    with Ingestor(engine) as ingestor:
        for company_id, lead in listing_leads(truth):
            outcome = ingestor.ingest(normalize_lead(lead))
            key = f"{lead.source.source_id}/{lead.source.record_id}"
            gold[key] = str(company_id)
            found[key] = str(outcome.company_id)
    score = pair_score(gold, found)
    print(f"\ndemo web listings ({len(gold)} records, {len(truth)} companies): precision "
          f"{score.precision:.3f} recall {score.recall:.3f} F1 {score.f1:.3f}")
    assert score.true_pairs > 100
    assert score.f1 >= 0.98
