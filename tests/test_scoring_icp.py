"""The icp: section is validated; every error names the file, the line and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from enrich.scoring.icp import load_icp
from leadgen.exceptions import ConfigError
from leadgen.profile import PROFILES_DIR, load_profile

GOOD_RULE = "    - points: 10\n      keywords: {terms: [food]}\n"

# (description, icp body, expected line, words the message must contain)
BAD_ICPS = [
    ("typo in a rule key", "  need:\n    - pointz: 10\n      keywords: {terms: [food]}\n", 4,
     ["icp.need.0.pointz", "unknown key"]),
    ("two conditions", "  need:\n    - points: 10\n      contact: person\n"
     "      keywords: {terms: [food]}\n", 4, ["exactly one condition", "keywords, contact"]),
    ("unknown text field", "  need:\n    - points: 10\n      keywords: {terms: [food], "
     "fields: [title]}\n", 5, ["unknown field 'title'", "categories"]),
    ("country name instead of code", "  eligible:\n    - points: 10\n      country: {in: "
     "[Germany]}\n", 5, ["'Germany'", "ISO 3166-1", "DACH"]),
    ("veto with points", "  eligible:\n    - veto: true\n      points: 5\n      status: "
     "[customer]\n", 4, ["veto rule takes no points"]),
    ("rule without points", "  pay:\n    - size: {field: employees, min: 10}\n", 4,
     ["needs points"]),
    ("numeric size without band", "  pay:\n    - points: 5\n      size: {field: employees}\n",
     5, ["needs min and/or max"]),
    ("percentiles out of order", GOOD_RULE.join(["  need:\n", ""]) +
     "  grading:\n    percentiles: {A: 10, B: 5, C: 20}\n", 7, ["percentiles must grow"]),
    ("unknown contact kind", "  authority:\n    - points: 5\n      contact: boss\n", 5,
     ["icp.authority.0.contact", "decision_maker"]),
    # Each was accepted: a status no company has let the existing customer be graded A, a
    # label or a number the scoring could not use stopped it with a traceback, and a second
    # "need:" replaced the first without a word.
    ("status typo", "  eligible:\n    - veto: true\n      status: [customers]\n", 5,
     ["unknown status 'customers'", "customer"]),
    ("empty status list", "  eligible:\n    - veto: true\n      status: []\n", 5,
     ["empty status list"]),
    ("empty country list", "  eligible:\n    - points: 5\n      country: {in: []}\n", 5,
     ["empty country list"]),
    ("label with a stray brace", "  need:\n    - points: 10\n      keywords: {terms: [food]}\n"
     "      label: 'matches {trem'\n", 6, ["cannot be filled", "{term}"]),
    ("label with a format spec", "  need:\n    - points: 10\n      keywords: {terms: [food]}\n"
     "      label: '{country:d}'\n", 6, ["cannot be filled"]),
    ("points not a number", "  need:\n    - points: .nan\n      keywords: {terms: [food]}\n", 4,
     ["points must be a number"]),
    ("cap not a number", "  dimensions: {need: .inf}\n" + GOOD_RULE.join(["  need:\n", ""]), 3,
     ["must be a number above 0"]),
    ("a dimension given twice", GOOD_RULE.join(["  need:\n", ""]) * 2, 6,
     ["'need' is given twice (first at line 3)"]),
]


@pytest.mark.parametrize(("body", "line", "words"),
                         [pytest.param(b, ln, w, id=d) for d, b, ln, w in BAD_ICPS])
def test_bad_icp_names_file_line_and_fix(
    tmp_path: Path, body: str, line: int, words: list[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(f"name: bad\nicp:\n{body}", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_profile(str(path))
    message = str(caught.value)
    assert re.search(rf"{re.escape(str(path))}:(\d+)", message), message
    assert f"{path}:{line}:" in message, message
    for word in words:
        assert word in message


def test_load_icp_uses_the_icp_prefix(tmp_path: Path) -> None:
    path = tmp_path / "only-icp.yaml"
    path.write_text("icp:\n  need:\n    - points: 10\n      keywords: {terms: [food], "
                    "fields: [nope]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{re.escape(str(path))}:4: icp\.need\.0\.keywords"):
        load_icp(path)


def test_missing_icp_section(tmp_path: Path) -> None:
    path = tmp_path / "none.yaml"
    path.write_text("name: x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no icp: section"):
        load_icp(path)


def test_bundled_demo_profile_has_a_valid_icp() -> None:
    profile = load_profile("demo")
    assert profile.icp.need and profile.icp.eligible
    assert load_icp(PROFILES_DIR / "demo.yaml").rules() == profile.icp.rules()
    # Caps sum to 100, so a lead's reasons add up to its fit score.
    assert sum(profile.icp.cap(d) for d in ("need", "pay", "authority", "reach", "eligible")) == 100


def test_an_icp_without_rules_is_falsy() -> None:
    from enrich.scoring.icp import IdealCustomerProfile

    assert not IdealCustomerProfile()
    assert IdealCustomerProfile.model_validate({"reach": [{"points": 1, "contact": "website"}]})
