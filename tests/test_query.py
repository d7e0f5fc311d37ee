"""``leadgen query`` filters over companies, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.exceptions import InputError
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


def test_a_name_a_merged_record_was_listed_under_finds_its_company(db_url: str) -> None:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        session.add(Company(id=1, display_name="Dining Room Ritz-Carlton Buckhead",
                            name_key="dining room ritz carlton buckhead",
                            extra={"_match": {"names": ["dining room ritz carlton buckhead",
                                                        "cafe ritz carlton buckhead"],
                                              "streets": ["3434 peachtree rd"]}}))
        session.add(Company(id=2, display_name="Peach Tree Cafe", name_key="peach tree cafe",
                            extra={"_match": "not a profile"}))
        session.add(Company(id=3, display_name="Other", name_key="other", extra={}))
    with session_scope(engine) as session:
        def found(text: str) -> list[int]:
            return sorted(c.id for c, _ in iter_leads(session, LeadFilter(name=text)))

        assert found("Cafe Ritz-Carlton") == [1]  # a merged record's name
        assert found("CAFE") == [1, 2]
        assert found("peachtree") == []  # a street of the profile is no name


CATEGORIES = [["Bäckerei", "Konditorei"], ["BÄCKEREI"], ["Großhandel"], ["电子元件"],
              ["Under_Score"], ["ТОРГОВЛЯ"], ["Café & Bistro"], ["ΟΔΟΣ"], ["İNŞAAT"]]


@pytest.mark.parametrize(("text", "found"), [
    ("bäckerei", [1, 2]),  # upper case beyond ASCII; PostgreSQL found none ("B\u00e4...")
    ("BÄCKEREI", [1, 2]),
    ("großhandel", [3]),
    ("电子", [4]),
    ("торговля", [6]),
    ("café", [7]),
    ("u00", []),  # PostgreSQL's escapes in the list's JSON text matched every such company
    ("_", [5]),  # a LIKE wildcard only for itself
    # Typed as stored: PostgreSQL found none (Python's and its lower() differ on a final
    # sigma and a dotted capital I)
    ("ΟΔΟΣ", [8]), ("İNŞAAT", [9]),
])
def test_category_filter(db_url: str, text: str, found: list[int]) -> None:
    with session_scope(init_db(db_url)) as session:
        for index, categories in enumerate(CATEGORIES, start=1):
            session.add(Company(id=index, display_name=f"C{index}", name_key=f"c{index}",
                                categories=categories))
    with session_scope(init_db(db_url)) as session:
        rows = iter_leads(session, LeadFilter(category=text))
        assert sorted(company.id for company, _ in rows) == found


def test_a_status_is_read_in_any_case_and_an_unknown_one_is_refused(sqlite_url: str) -> None:
    _seed(sqlite_url)
    with session_scope(init_db(sqlite_url)) as session:
        session.get(Company, 2).status = "customer"  # type: ignore[union-attr]
    with session_scope(init_db(sqlite_url)) as session:
        found = [c.id for c, _ in iter_leads(session, LeadFilter(status="Customer"))]
    assert found == [2]
    # "customers" (as `import --as customers` spells it) selected nothing, and an export of
    # it wrote an empty file without a word
    with pytest.raises(InputError, match="no status 'customers'; give one of new, "):
        LeadFilter(status="customers")


def test_query_says_when_its_limit_cut_the_list(sqlite_url: str) -> None:
    """`leadgen query --format csv > leads.csv` wrote the first 50 leads of 60 and the table
    showed 50 rows, neither saying there were more."""
    with session_scope(init_db(sqlite_url)) as session:
        session.add_all(Company(id=index, display_name=f"Firma {index}", name_key=f"firma {index}",
                                country="DE") for index in range(1, 8))
    runner = CliRunner()
    for fmt in ("table", "csv", "json"):
        cut = runner.invoke(app, ["query", "--limit", "5", "--format", fmt, "--db", sqlite_url])
        assert cut.exit_code == 0, cut.output
        assert "the first 5 of 7 leads; --limit 0 lists all" in cut.stderr
    if_all = runner.invoke(app, ["query", "--limit", "7", "--format", "csv", "--db", sqlite_url])
    assert len(if_all.stdout.splitlines()) == 1 + 7 and not if_all.stderr


def test_query_refuses_a_format_it_does_not_write(sqlite_url: str) -> None:
    """`leadgen query --format xlsx > leads.xlsx` printed the table: a file no spreadsheet
    opens, and no error."""
    _seed(sqlite_url)
    result = CliRunner().invoke(app, ["query", "--format", "xlsx", "--db", sqlite_url])
    assert result.exit_code == 2
    assert "unknown format 'xlsx'; use table, json or csv (leadgen export writes xlsx" in (
        " ".join(result.output.replace("│", " ").split()))


def test_a_grade_no_lead_can_have_is_refused() -> None:
    """`--grade E` and `--grade "A,B"` listed no lead, and an export of them wrote an empty
    file, without a word."""
    assert LeadFilter(grade=["a", "B,c"]).grade == ["A", "B", "C"]
    with pytest.raises(InputError, match="no grade 'E'; give A, B, C or D"):
        LeadFilter(grade=["E"])
