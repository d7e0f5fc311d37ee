"""Item pipelines drop invalid items with a counted reason; bad input gives one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from leadgen.items import Lead, NormalizedLead
from pipelines.normalize import NormalizeLeadPipeline
from pipelines.validate import ValidateLeadPipeline

SOURCE = {"source_id": "s", "page_url": "http://dir.example/p1"}


def _validator() -> tuple[ValidateLeadPipeline, MemoryStatsCollector]:
    stats = MemoryStatsCollector(get_crawler())
    return ValidateLeadPipeline(stats), stats


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        ({"name": "", "source": SOURCE}, "leadgen/validate/dropped/name"),
        ({"name": "Acme"}, "leadgen/validate/dropped/source"),
        ({"name": "Acme", "source": SOURCE, "size": {"employees": -3}},
         "leadgen/validate/dropped/size.employees"),
        ({"name": "Acme", "source": SOURCE, "colour": "red"}, "leadgen/validate/dropped/colour"),
    ],
)
def test_invalid_items_are_dropped_with_a_counted_reason(item: dict, reason: str) -> None:
    pipeline, stats = _validator()
    with pytest.raises(DropItem, match="http://dir.example/p1|unknown page"):
        pipeline.process_item(item)
    assert stats.get_value(reason) == 1


def test_valid_dict_becomes_a_lead_and_is_normalized() -> None:
    pipeline, stats = _validator()
    lead = pipeline.process_item({"name": "Acme GmbH", "phones": ["030 1234567"],
                                  "country_hint": "DE", "source": SOURCE})
    assert isinstance(lead, Lead)
    normalized = NormalizeLeadPipeline(stats, None).process_item(lead)
    assert isinstance(normalized, NormalizedLead)
    assert normalized.phones[0].e164 == "+49301234567"
    assert normalized.legal_form == "GmbH"


@pytest.mark.parametrize("name", ["&nbsp;", "<b></b>", "\u200b"])
def test_a_name_of_markup_or_invisible_characters_only_is_dropped(name: str) -> None:
    """It made a company without a name."""
    pipeline, stats = _validator()
    lead = pipeline.process_item({"name": name, "phones": ["+49 30 1234567"],
                                  "source": SOURCE})
    with pytest.raises(DropItem, match="no company name"):
        NormalizeLeadPipeline(stats, None).process_item(lead)
    assert stats.get_value("leadgen/normalize/no_name") == 1


def test_control_characters_leave_a_crawled_lead() -> None:
    """A hostile page's ESC sequence in a name recoloured the terminal of whoever listed
    the leads (leadgen query, explain)."""
    pipeline, _ = _validator()
    lead = pipeline.process_item({"name": "Acme\x1b[2J\x1b[31m GmbH\u202e", "source": SOURCE,
                                  "description": "Line one\nline two\tend\x07"})
    assert (lead.name, lead.description) == ("Acme[2J[31m GmbH", "Line one\nline two\tend")


def test_bad_profile_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("name: x\nsources:\n  - id: a\n    start_url: http://x\n")
    result = subprocess.run(
        [sys.executable, "-c", "from leadgen.cli import main; main()", "crawl", "--profile",
         str(bad), "--db", f"sqlite:///{tmp_path / 'leads.db'}"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"leadgen: error: {bad}:")
    # Every problem is reported at once, each with its line and a fix.
    assert f"{bad}:3: sources.0.start_urls: required key is missing; add it" in lines[0]
    assert f"{bad}:4: sources.0.start_url: unknown key; check its spelling" in lines[0]
