"""E-mail and phone F1 of the enrichment page object on the saved real contact pages."""

from __future__ import annotations

import json

import pytest

from enrich.pages import CompanySitePage
from leadgen.normalize import normalize_email, normalize_phone
from tests.paths import REAL_PAGES

CONTACT_PAGES = sorted(
    p for p in REAL_PAGES.glob("*.gt.json")
    if json.loads(p.read_text(encoding="utf-8")).get("page_type") == "contact_page"
) if REAL_PAGES.exists() else []


def _emails(values: list[str]) -> set[str]:
    return {e.address for e in (normalize_email(v) for v in values) if e}


def _phones(values: list[str], region: str | None) -> set[str]:
    return {p.e164 for p in (normalize_phone(v, region) for v in values) if p}


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@pytest.mark.skipif(not CONTACT_PAGES, reason="../shared/real-pages is not beside the repo")
def test_contact_pages_email_and_phone_f1() -> None:
    counts = {"emails": [0, 0, 0], "phones": [0, 0, 0]}
    rows = []
    for gt_path in CONTACT_PAGES:
        gt = json.loads(gt_path.read_text(encoding="utf-8"))
        page = CompanySitePage((REAL_PAGES / gt["file"]).read_bytes(), gt["url"])
        facts = page.facts()
        truth_emails = _emails([e for r in gt["records"] for e in r.get("emails", [])])
        truth_phones = _phones([p for r in gt["records"] for p in r.get("phones", [])],
                               facts.region)
        got = {"emails": _emails(facts.emails), "phones": _phones(facts.phones, facts.region)}
        want = {"emails": truth_emails, "phones": truth_phones}
        for field in counts:
            tp = len(got[field] & want[field])
            counts[field][0] += tp
            counts[field][1] += len(got[field] - want[field])
            counts[field][2] += len(want[field] - got[field])
        rows.append((gt_path.name.removesuffix(".gt.json"), got, want))
    print(f"\nReal contact pages through enrich.pages.CompanySitePage ({len(rows)} pages)")
    print("| field | tp | fp | fn | precision | recall | F1 |\n|---|---|---|---|---|---|---|")
    scores = {}
    for field, (tp, fp, fn) in counts.items():
        precision, recall, f1 = _f1(tp, fp, fn)
        scores[field] = f1
        print(f"| {field} | {tp} | {fp} | {fn} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    for name, got, want in rows:
        for field in counts:
            if got[field] != want[field]:
                print(f"  {name} {field}: extra {sorted(got[field] - want[field])}, "
                      f"missed {sorted(want[field] - got[field])}")
    assert scores["emails"] >= 0.9 and scores["phones"] >= 0.9


@pytest.mark.skipif(not CONTACT_PAGES, reason="../shared/real-pages is not beside the repo")
def test_contact_people_on_real_pages() -> None:
    """Pages whose ground truth lists people: every one found, with no one invented."""
    for gt_path in CONTACT_PAGES:
        gt = json.loads(gt_path.read_text(encoding="utf-8"))
        facts = CompanySitePage((REAL_PAGES / gt["file"]).read_bytes(), gt["url"]).facts()
        want = {c["name"] for r in gt["records"] for c in r.get("contacts", [])}
        got = {p["name"] for p in facts.people}
        assert got == want, gt_path.name
