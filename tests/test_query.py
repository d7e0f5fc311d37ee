"""``leadgen query`` filters over companies, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from leadgen.normalize import normalize_name
from leadgen.query import LeadFilter, iter_leads
from leadgen.storage import init_db, session_scope
from leadgen.storage.models import Company

NAMES = ["Müller & Söhne GmbH", "Schmidt 100% Bio AG", "Acme_Tools Ltd",
         "深圳市华强电子科技有限公司", "Baeckerei Weber KG"]


def _seed(url: str) -> None:
    with session_scope(init_db(url)) as session:
        for index, raw in enumerate(NAMES, start=1):
            parts = normalize_name(raw)
            session.add(Company(id=index, display_name=parts.display_name,
                                name_key=parts.name_key, legal_form=parts.legal_form,
                                country="CN" if index == 4 else "DE"))


@pytest.mark.parametrize(("text", "found"), [
    ("Müller", ["Müller & Söhne"]),
    ("MÜLLER", ["Müller & Söhne"]),      # upper case beyond ASCII
    ("muller", ["Müller & Söhne"]),      # accents left out
    ("Mueller", ["Müller & Söhne"]),     # umlauts written out
    ("Bäckerei", ["Baeckerei Weber"]),    # and the other way round
    ("100%", ["Schmidt 100% Bio"]),      # % and _ are no wildcards
    ("Sc_midt", []),
    ("华强", ["深圳市华强电子科技"]),
    ("Nobody", []),
])
def test_name_filter(db_url: str, text: str, found: list[str]) -> None:
    _seed(db_url)
    with session_scope(init_db(db_url)) as session:
        names = [company.display_name for company, _ in iter_leads(session, LeadFilter(name=text))]
    assert names == found


def test_name_and_country_filters_combine(sqlite_url: str) -> None:
    _seed(sqlite_url)
    with session_scope(init_db(sqlite_url)) as session:
        german = [c.id for c, _ in iter_leads(session, LeadFilter(country=["de"]))]
        chinese = [c.id for c, _ in iter_leads(session, LeadFilter(name="华强", country=["DE"]))]
    assert sorted(german) == [1, 2, 3, 5] and chinese == []
