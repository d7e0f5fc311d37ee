"""Bulk loads run without automatic garbage collection; batches are collected as probes (and
all of them once a probe finds garbage), the others frozen until the load ends."""

from __future__ import annotations

import gc
import weakref

from leadgen.ingest.bulk import GARBAGE_FLOOR, PROBE_EVERY, bulk_gc, collect_young


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


def _cycles(count: int) -> list[weakref.ref[_Node]]:
    refs = []
    for _ in range(count):
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        refs.append(weakref.ref(a))
    return refs


def test_batches_between_probes_are_frozen_and_their_cycles_collected_after_the_load() -> None:
    with bulk_gc():
        assert collect_young() == 0  # the first batch is a probe: nothing to find
        leftover = _cycles(1)
        assert collect_young() is None  # frozen, not traversed
        assert leftover[0]() is not None
        for _ in range(PROBE_EVERY - 2):
            collect_young()
        assert collect_young() is not None  # the next probe
        assert leftover[0]() is not None  # frozen before it: left for after the load
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert leftover[0]() is None


def test_a_probe_that_finds_garbage_turns_collecting_every_batch_on_until_one_finds_none(
) -> None:
    with bulk_gc():
        _cycles(GARBAGE_FLOOR)
        assert (collect_young() or 0) >= 2 * GARBAGE_FLOOR  # the probe finds both nodes of each
        second = _cycles(1)
        assert (collect_young() or 0) >= 2  # collected, not frozen
        assert second[0]() is None
        assert collect_young() is None  # the last collection found little: freezing again
