"""Bulk loads run without automatic garbage collection and collect after each batch."""

from __future__ import annotations

import gc
import weakref

from leadgen.ingest.bulk import bulk_gc, collect_young


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_bulk_gc_collects_a_batchs_cycles_when_asked_and_restores_the_collector() -> None:
    assert gc.isenabled()
    with bulk_gc():
        assert not gc.isenabled()
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        alive = weakref.ref(a)
        del a, b
        for _ in range(50_000):  # allocations that would trigger the collector if it ran
            [].append(())
        assert alive() is not None  # no automatic collection inside the block
        collect_young()
        assert alive() is None
        with bulk_gc():  # nested blocks keep it off until the outermost ends
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collect_young_outside_a_bulk_block_does_nothing() -> None:
    a = _Node()
    a.other = a
    alive = weakref.ref(a)
    gc.disable()
    try:
        del a
        collect_young()
        assert alive() is not None
    finally:
        gc.enable()
        gc.collect()
    assert alive() is None
