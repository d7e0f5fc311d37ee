"""Garbage collection during bulk loads (an import, a benchmark) that touch every record."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_ACTIVE = [0]  # bulk_gc blocks open in this process


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
