"""Profiles: bundled ones load; bad ones give one-line errors with file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadgen.exceptions import ConfigError
from leadgen.profile import PROFILES_DIR, load_profile


@pytest.mark.parametrize("path", sorted(PROFILES_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_profiles_load(path: Path) -> None:
    profile = load_profile(path.stem)
    assert profile.name
    assert profile.sources


CASES = [
    ("unknown key", "name: x\nsources:\n  - id: a\n    start_urlz: [http://x]\n", ":4:",
     "unknown key"),
    ("missing start_urls", "name: x\nsources:\n  - id: a\n", ":3:", "required"),
    ("bad url", "name: x\nsources:\n  - id: a\n    start_urls: [ftp://x]\n", ":4:", "http://"),
    ("bad region", "name: x\nsources:\n  - id: a\n    start_urls: [http://x]\n    region: china\n",
     ":5:", "region"),
    ("yaml syntax", "name: x\nsources: [\n  - id: a\n", ":", "invalid YAML"),
    ("not a mapping", "- just\n- a list\n", ":1:", "mapping"),
]


@pytest.mark.parametrize(("label", "text", "where", "says"), CASES, ids=[c[0] for c in CASES])
def test_bad_profile_error_names_file_line_and_problem(
    tmp_path: Path, label: str, text: str, where: str, says: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_profile(str(path))
    message = str(info.value)
    assert str(path) + where in message
    assert says in message
    assert "\n" not in message


def test_unknown_profile_lists_bundled_ones() -> None:
    with pytest.raises(ConfigError, match="bundled profiles: .*demo"):
        load_profile("no-such-industry")
