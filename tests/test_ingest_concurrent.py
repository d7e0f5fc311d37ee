"""Two ingestors writing to one database (two crawls, a crawl and an import): each takes in
what the other stored before its next batch, on SQLite and PostgreSQL."""

from __future__ import annotations

from leadgen.ingest import Ingestor
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db
from tests.test_ingest import LEADS, counts


def test_each_writer_takes_in_what_the_other_stored_since_it_loaded(db_url: str) -> None:
    engine = init_db(db_url)
    first, second = Ingestor(engine), Ingestor(engine)
    try:
        second.ingest(normalize_lead(LEADS[5], "GB"))  # loads its indexes now
        second.flush()
        first.ingest(normalize_lead(LEADS[0], "GB"))
        first.flush()
        # The same company from another directory joins what the first writer stored (a stale
        # index made it a second company) ...
        assert second.ingest(normalize_lead(LEADS[1], "GB")).status == "merged"
        # ... and the very record the first stored is known (storing it again broke the
        # unique record key and failed the whole batch).
        assert second.ingest(normalize_lead(LEADS[0], "GB")).status == "unchanged"
        second.ingest(normalize_lead(LEADS[2], "GB"))
        second.flush()
        # The other way round, with a company the second writer made.
        assert first.ingest(normalize_lead(LEADS[3], "GB")).status == "merged"
        first.flush()
    finally:
        first.close()
        second.close()
    assert counts(engine)["companies"] == 3
    assert counts(engine)["source_records"] == 5
