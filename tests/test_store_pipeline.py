"""The store pipeline writes a due batch without waiting for the next lead, so that a slow
crawl does not hold SQLite's write lock against other writers (real SQLite, Twisted clock)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler
from twisted.internet.task import Clock

from leadgen.ingest import Ingestor
from leadgen.normalize import normalize_lead
from leadgen.storage import init_db
from pipelines.store import FLUSH_CHECK_SECONDS, StoreLeadPipeline
from tests.test_ingest import LEADS, counts


def _can_write(path: Path) -> bool:
    """Whether another program could take the write lock right now."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return False
    finally:
        other.close()


def test_a_due_batch_is_written_without_a_next_lead(tmp_path: Path) -> None:
    path = tmp_path / "leads.db"
    engine = init_db(f"sqlite:///{path}")
    with Ingestor(engine, max_batch_seconds=0.05) as ingestor:
        ingestor.ingest(normalize_lead(LEADS[0], "DE"))
        time.sleep(0.1)
        ingestor.flush_if_due()
        assert _can_write(path)
        assert counts(engine)["companies"] == 1
        assert not ingestor.flush_if_due()  # nothing pending


def test_the_crawl_pipeline_releases_the_write_lock_while_no_lead_comes(tmp_path: Path) -> None:
    path = tmp_path / "leads.db"
    clock = Clock()
    pipeline = StoreLeadPipeline(MemoryStatsCollector(get_crawler()), f"sqlite:///{path}", None,
                                 clock=clock)
    pipeline.open_spider()
    try:
        assert pipeline.ingestor is not None
        pipeline.ingestor.max_batch_seconds = 0.05
        pipeline.process_item(normalize_lead(LEADS[0], "DE"))
        assert not _can_write(path)  # the batch holds the lock until it is written
        time.sleep(0.1)
        assert not _can_write(path)  # due, but the timer has not run yet
        clock.advance(FLUSH_CHECK_SECONDS)
        assert _can_write(path)
        assert counts(init_db(f"sqlite:///{path}"))["companies"] == 1
    finally:
        pipeline.close_spider()
    assert not clock.getDelayedCalls()  # the timer stopped with the spider
