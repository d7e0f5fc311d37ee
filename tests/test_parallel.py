"""Worker processes of bulk loads: order, environment, and memo sizes set through it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from leadgen.ingest.parallel import default_workers, ordered_map

VARIABLE = "LEADGEN_CACHE_ENTRIES"


def _worker_view(chunk: list[int]) -> list[tuple[int, str | None, int, int | None]]:
    """Each item with what the worker sees: the variable, the memo size, an lru memo's size."""
    from leadgen.normalize import memo, normalize_name

    maxsize = normalize_name.cache_info().maxsize  # type: ignore[attr-defined]
    return [(item, os.environ.get(VARIABLE), memo.CACHE_SIZE, maxsize) for item in chunk]


def test_workers_start_with_the_environment_given_and_this_process_keeps_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    results = list(ordered_map(_worker_view, range(25), workers=2, chunk_size=4,
                               environment={VARIABLE: "1234"}))
    assert [item for item, *_ in results] == list(range(25))  # input order
    assert {tuple(view) for _, *view in results} == {("1234", 1234, 1234)}
    assert VARIABLE not in os.environ


def test_an_existing_value_is_restored_after_the_workers_start(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, "999")
    results = list(ordered_map(_worker_view, range(3), workers=1,
                               environment={VARIABLE: "4321"}))
    assert {view[2] for view in results} == {4321}
    assert os.environ[VARIABLE] == "999"


def test_without_workers_the_items_are_worked_here() -> None:
    from leadgen.normalize import memo

    results = list(ordered_map(_worker_view, range(5), workers=0, chunk_size=2))
    assert [item for item, *_ in results] == list(range(5))
    assert {view[2] for view in results} == {memo.CACHE_SIZE}


def _doubled(chunk: list[int]) -> list[int]:
    return [2 * item for item in chunk]


def _failing_after(count: int) -> Iterator[int]:
    yield from range(count)
    raise ValueError("line 8: unreadable")


@pytest.mark.parametrize("workers", [0, 2])
def test_when_the_input_fails_its_items_before_are_worked_first(workers: int) -> None:
    """An input that fails mid-chunk (a file turning unreadable): every item it gave is
    worked and handed back, then its error is raised."""
    results: list[int] = []
    with pytest.raises(ValueError, match="line 8"):
        for result in ordered_map(_doubled, _failing_after(7), workers=workers, chunk_size=3):
            results.append(result)
    assert results == [2 * item for item in range(7)]


def _ignores_ctrl_c(chunk: list[int]) -> list[bool]:
    import signal

    return [signal.getsignal(signal.SIGINT) == signal.SIG_IGN for _ in chunk]


def test_workers_leave_ctrl_c_to_the_process_that_started_them() -> None:
    """Ctrl-C reaches the whole process group; a worker caught waiting for work would print
    a traceback of its own (an intermittent extra stderr block before this was set)."""
    assert set(ordered_map(_ignores_ctrl_c, range(4), workers=2, chunk_size=1)) == {True}


def test_one_worker_per_core() -> None:
    assert default_workers() == max(1, len(os.sched_getaffinity(0)))


@pytest.mark.parametrize(("value", "size"), [
    (None, 65536), ("", 65536), ("1000", 1000), ("abc", 65536), ("0", 65536), ("-5", 65536),
])
def test_memo_size_from_the_environment(value: str | None, size: int,
                                        caplog: pytest.LogCaptureFixture) -> None:
    from leadgen.normalize.memo import cache_size_from

    assert cache_size_from(value) == size
    warned = any("LEADGEN_CACHE_ENTRIES" in r.getMessage() for r in caplog.records)
    assert warned == (value not in (None, "", "1000"))
