"""Bulk loads (an import, a benchmark) that touch every record: their batch size and garbage
collection."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Records per batch of a bulk load written in the background. Each commit writes every index
#: page its batch touched, and some indexes (a record's identity, a company's name and domain)
#: take their entries at random places: bigger batches write each such page less often. When
#: the blocking keys still had a random-place index, batches of 20,000 cost the writer process
#: 79 µs of CPU per lead at 1M against 109 µs for batches of 5,000; since keys are stored by
#: company (migration 0004), 5,000 and 15,000 measured alike at 100k. Memory grows with the
#: batch (about 7 KB per record in the ingesting process and the writer together); 15,000 keeps
#: an import of 1M rows with its workers under 2 GB. A killed load loses at most one batch; the
#: next run resumes.
BULK_BATCH_SIZE = 15_000
#: A bulk batch is written when this many seconds have passed even if it is not full.
BULK_BATCH_SECONDS = 30.0


#: After most batches of a bulk load the objects the batch added (index entries, profiles) are
#: frozen: the collector never traverses them. Every ``PROBE_EVERY``-th batch is collected
#: instead, as a probe; a probe that finds ``GARBAGE_FLOOR`` or more unreachable objects turns
#: collecting after every batch back on until one finds fewer.
PROBE_EVERY = 8
GARBAGE_FLOOR = 1_000


class _Collecting:
    """The open bulk blocks and what :func:`collect_young` does next in them."""

    depth = 0  # bulk_gc blocks open in this process
    batches = 0
    every_batch = False
    froze = False


@contextmanager
def bulk_gc() -> Iterator[None]:
    """No automatic cyclic garbage collection inside the block; :func:`collect_young` (called
    by the ingestor after each batch) deals with what the batch left instead.

    A batch of thousands of pending rows lives until it is written, so the collector, running
    every so many allocations, traverses the same live objects over and over: 12 µs of a lead's
    200 (600k generated leads), and about a quarter of an import's time with Python's default
    thresholds. Lead data holds no reference cycles (the same run with the collector off peaks
    at the same memory and leaves 10 objects to collect). Even traversing each survivor once,
    after its batch, cost 10 µs per lead (a batch's survivors lie cold all over memory): so most
    batches' survivors are frozen untraversed, and every ``PROBE_EVERY``-th batch is collected
    to check that the load makes no garbage (a batch that does is collected at once, and so are
    the batches after it). Frozen objects rejoin the oldest generation when the block ends
    (``gc.unfreeze``, which also releases anything else this process froze).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    if not _Collecting.depth:
        _Collecting.batches, _Collecting.every_batch, _Collecting.froze = 0, False, False
    _Collecting.depth += 1
    try:
        yield
    finally:
        _Collecting.depth -= 1
        if not _Collecting.depth:
            if _Collecting.froze:
                gc.unfreeze()
                _Collecting.froze = False
            if was_enabled:
                gc.enable()


def collect_young() -> int | None:
    """Inside :func:`bulk_gc`, after a batch is written (and freed): collect the objects made
    since the last call when this batch is a probe (the first, then every ``PROBE_EVERY``-th)
    or the last probe found garbage, else freeze them. Returns the number of unreachable
    objects found, None when nothing was collected."""
    if not _Collecting.depth:
        return None
    _Collecting.batches += 1
    if _Collecting.every_batch or _Collecting.batches % PROBE_EVERY == 1:
        found = gc.collect(1)
        _Collecting.every_batch = found >= GARBAGE_FLOOR
        return found
    gc.freeze()
    _Collecting.froze = True
    return None
