"""Prepare leads in worker processes while this process matches and writes them.

Matching must see records one after another (each can merge into a company the previous one
created), but everything before it (validation, normalization, hashing, blocking keys) depends
on the record alone. :func:`ordered_map` runs that part over chunks in worker processes and
hands the results back in input order, with a bounded number of chunks in flight so memory
stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 1000
AHEAD = 3  # chunks in flight per worker


def default_workers() -> int:
    """Worker processes for a bulk load: the cores left beside the ingesting process (>= 1)."""
    return max(1, (os.cpu_count() or 1) - 1)


def ordered_map(
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    workers: int,
    chunk_size: int = CHUNK_SIZE,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``work`` over chunks of ``items`` in ``workers`` processes; results in input order.

    ``work`` and ``initializer`` must be module-level functions (they are sent by name). With
    ``workers`` 0 everything runs here, in this process (same results, no start-up cost).
    """
    iterator = iter(items)
    if workers <= 0:
        if initializer is not None:
            initializer(*initargs)
        while chunk := list(islice(iterator, chunk_size)):
            yield from work(chunk)
        return
    # "spawn": a fresh interpreter per worker, safe whatever threads this process runs.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[R]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer,
                             initargs=initargs) as pool:
        try:
            while True:
                while len(pending) < workers * AHEAD:
                    chunk = list(islice(iterator, chunk_size))
                    if not chunk:
                        break
                    pending.append(pool.submit(work, chunk))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
