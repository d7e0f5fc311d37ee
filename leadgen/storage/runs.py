"""The ``crawl_runs`` log: one row per crawl, import, enrichment or scoring, opened and closed
here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from leadgen.storage.db import session_scope
from leadgen.storage.models import CrawlRun, SourceRecord, utcnow

#: The run kinds of ``leadgen import``, and the trust key (``survivorship.trust`` in the
#: matching rules) each gives the sources it imports: a list of existing customers (a CRM
#: export with ``--as customers``) outranks any other import.
IMPORT = "import"
CUSTOMER_IMPORT = "customer-import"
_TRUST_KEYS = {IMPORT: "import", CUSTOMER_IMPORT: "customers"}


def source_kinds(connection: Connection) -> dict[str, str]:
    """The trust key of each source ``leadgen import`` brought in ("import", or "customers"
    once any of its imports was one of customers)."""
    kinds: dict[str, str] = {}
    for kind, sources in connection.execute(select(CrawlRun.kind, CrawlRun.sources).where(
            CrawlRun.kind.in_(list(_TRUST_KEYS)))):
        for source in sources or []:
            if kinds.get(source) != "customers":
                kinds[source] = _TRUST_KEYS[kind]
    return kinds


def customer_record_ids(connection: Connection, record_ids: Iterable[int] | None = None,
                        ) -> set[int]:
    """The ids of the source records (of ``record_ids``, or all) that an import of existing
    customers (``--as customers``) stored."""
    runs = select(CrawlRun.id).where(CrawlRun.kind == CUSTOMER_IMPORT)
    query = select(SourceRecord.id).where(SourceRecord.crawl_run_id.in_(runs))
    if record_ids is None:
        return set(connection.execute(query).scalars())
    wanted = sorted(set(record_ids))
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        found.update(connection.execute(query.where(
            SourceRecord.id.in_(wanted[start:start + 500]))).scalars())
    return found


def scalar_stats(stats: Mapping[str, Any]) -> dict[str, Any]:
    """The numbers and strings of a Scrapy stats dict (dates and objects are left out)."""
    return {key: value for key, value in stats.items() if isinstance(value, int | float | str)}


def start_run(
    engine: Engine,
    kind: str,
    *,
    profile: str | None = None,
    sources: Iterable[str] = (),
    stats: Mapping[str, Any] | None = None,
) -> int:
    """Open a run row (status ``running``) and return its id."""
    with session_scope(engine) as session:
        run = CrawlRun(kind=kind, profile=profile, sources=list(sources), stats=dict(stats or {}))
        session.add(run)
        session.flush()
        return run.id


def finish_run(engine: Engine, run_id: int, status: str, stats: Mapping[str, Any]) -> None:
    """Close a run row with its final status and stats."""
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        if run is None:  # the row was deleted meanwhile; nothing to close
            return
        run.finished_at = utcnow()
        run.status = status
        run.stats = dict(stats)


def drop_run(engine: Engine, run_id: int) -> None:
    """Delete a run row that stored nothing (no record points to it)."""
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        if run is not None:
            session.delete(run)
