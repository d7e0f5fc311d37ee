"""Bulk loads (an import, a benchmark) that touch every record: their batch size and garbage
collection."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_ACTIVE = [0]  # bulk_gc blocks open in this process

#: Records per batch of a bulk load written in the background. Each commit writes every index
#: page its batch touched, and a batch's blocking keys land on random pages: at 1M generated
#: leads, batches of 20,000 cost the writer process 79 µs of CPU per lead against 109 µs for
#: batches of 5,000 (same run, same data). Memory grows with the batch (about 7 KB per record
#: in the ingesting process and the writer together); 15,000 keeps an import of 1M rows with
#: its workers under 2 GB. A killed load loses at most one batch; the next run resumes.
BULK_BATCH_SIZE = 15_000
#: A bulk batch is written when this many seconds have passed even if it is not full.
BULK_BATCH_SECONDS = 30.0


@contextmanager
def bulk_gc() -> Iterator[None]:
    """No automatic cyclic garbage collection inside the block; :func:`collect_young` (called
    by the ingestor after each batch) collects what the batch left instead.

    A batch of thousands of pending rows lives until it is written, so the collector, running
    every so many allocations, traverses the same live objects over and over: 12 µs of a lead's
    200 (600k generated leads), and about a quarter of an import's time with Python's default
    thresholds. Lead data holds no reference cycles (the same run with the collector off peaks
    at the same memory and leaves 10 objects to collect), and anything a batch does leave in a
    cycle (a rejected row's exception, say) is collected after that batch.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    _ACTIVE[0] += 1
    try:
        yield
    finally:
        _ACTIVE[0] -= 1
        if was_enabled and not _ACTIVE[0]:
            gc.enable()


def collect_young() -> None:
    """Inside :func:`bulk_gc`: collect the objects made since the last call (the batch just
    written is freed by then, so this traverses only what the batch added to the indexes)."""
    if _ACTIVE[0]:
        gc.collect(1)
