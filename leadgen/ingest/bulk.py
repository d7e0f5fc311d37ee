"""Settings for bulk loads (an import, a benchmark, a re-clustering) that touch every record."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Container allocations between young-generation collections during a bulk load.
BULK_GC_THRESHOLD = 100_000


@contextmanager
def bulk_gc(threshold: int = BULK_GC_THRESHOLD) -> Iterator[None]:
    """Run the cyclic garbage collector less often inside the block.

    A batch of thousands of pending rows (dicts and lists) lives until it is written, so with
    Python's default threshold (700 allocations) the collector traverses the same live objects
    over and over: about a quarter of an import's CPU time. Lead data holds no reference cycles,
    so collecting less often costs little memory. The old thresholds come back on exit.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(threshold, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
