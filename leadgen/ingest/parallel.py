"""Prepare leads in worker processes while this process matches and writes them.

Matching must see records one after another (each can merge into a company the previous one
created), but everything before it (validation, normalization, hashing, blocking keys) depends
on the record alone. :func:`ordered_map` runs that part over chunks in worker processes and
hands the results back in input order, with a bounded number of chunks in flight so memory
stays flat however long the input is.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

from leadgen.exceptions import StorageError

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 1000
AHEAD = 3  # chunks in flight per worker


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity where the system tells it), >= 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def default_workers() -> int:
    """Worker processes for a bulk load: one per core. The ingesting process spends most of a
    load waiting for prepared rows (validating and normalizing a row costs about three times
    matching and storing it), so it shares a core with them. Measured on 2 cores, importing
    1M rows: 1 worker 2,250 rows/s, 2 workers 2,839 (3 workers were no faster at 100k)."""
    return usable_cores()


def ordered_map(
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    workers: int,
    chunk_size: int = CHUNK_SIZE,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
    environment: Mapping[str, str] | None = None,
) -> Iterator[R]:
    """``work`` over chunks of ``items`` in ``workers`` processes; results in input order.

    ``work`` and ``initializer`` must be module-level functions (they are sent by name). With
    ``workers`` 0 everything runs here, in this process (same results, no start-up cost).
    ``environment``: variables the workers start with (read by modules as they are imported,
    before any initializer runs), e.g. ``LEADGEN_CACHE_ENTRIES``. When ``items`` raises, the
    results of the items before are given first, then the error is raised.
    """
    iterator = iter(items)
    failure: list[Exception] = []  # the input's own error, raised once what it gave is done
    if workers <= 0:
        if initializer is not None:
            initializer(*initargs)
        while chunk := _take(iterator, chunk_size, failure):
            yield from work(chunk)
        if failure:
            raise failure[0]
        return
    # "spawn": a fresh interpreter per worker, safe whatever threads this process runs.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[R]]] = deque()
    with _environment(environment or {}), ProcessPoolExecutor(
            workers, mp_context=context, initializer=start_worker,
            initargs=(initializer, initargs, os.getpid())) as pool:
        try:
            while True:
                while len(pending) < workers * AHEAD and not failure:
                    chunk = _take(iterator, chunk_size, failure)
                    if not chunk:
                        break
                    with _stops_held_while_workers_start():
                        pending.append(pool.submit(work, chunk))
                if not pending:
                    if failure:
                        raise failure[0]
                    return
                try:
                    done = pending.popleft().result()
                except BrokenProcessPool as exc:
                    raise StorageError(
                        "a worker process stopped (killed, or out of memory?); what was "
                        "stored so far is kept: run the command again to resume (with "
                        "--workers 0 it uses no worker processes)") from exc
                yield from done
        finally:
            for future in pending:
                future.cancel()


#: The signals that stop a command (Ctrl-C, and SIGTERM, which the command line turns into
#: Ctrl-C): held back while a worker starts.
_STOPPING = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def _stops_held_while_workers_start() -> Iterator[None]:
    """Ctrl-C (and SIGTERM) held back while the pool may start a worker (it starts them as
    chunks are submitted), then acted on: a worker is born with them blocked and ignores
    Ctrl-C from its first step (:func:`start_worker`), instead of dying of it while it
    imports, which broke the pool and left this process hanging at exit; and this process is
    not interrupted halfway through handing a new worker its start-up data (the worker's
    "EOFError" traceback). Only the main thread handles signals; elsewhere this does
    nothing."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "pthread_sigmask"):
        yield
        return
    pressed: list[int] = []
    handlers = {number: signal.signal(number, lambda signum, _frame: pressed.append(signum))
                for number in _STOPPING}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, set(_STOPPING))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for signum in dict.fromkeys(pressed):
            if callable(previous := handlers[signal.Signals(signum)]):
                previous(signum, None)  # Python's own for Ctrl-C: KeyboardInterrupt
            elif previous == signal.SIG_DFL:
                signal.raise_signal(signum)


def start_worker(initializer: Callable[..., Any] | None, initargs: tuple[Any, ...],
                  parent: int | None = None) -> None:
    """A worker leaves Ctrl-C to the process that started it (a terminal sends it to the
    whole process group): that one stops the pool, and the user sees one line, not a
    traceback per worker. It ends with that process, however that one ends (see
    :func:`end_with_parent`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # born with them blocked: a pending Ctrl-C is
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(_STOPPING))  # dropped
    if parent is not None:
        end_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def end_with_parent(parent: int) -> None:
    """Have the kernel stop this process when ``parent`` ends (Linux; elsewhere nothing):
    workers of a killed import or dedupe were left running, blocked, hundreds of MB each."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _take(iterator: Iterator[T], size: int, failure: list[Exception]) -> list[T]:
    """The next ``size`` items; when the input fails (a file turning unreadable), the items
    before the failure, with the error put in ``failure`` (the caller raises it after working
    through them, so what the input did give is not lost)."""
    chunk: list[T] = []
    if failure:
        return chunk
    try:
        for item in islice(iterator, size):
            chunk.append(item)
    except Exception as exc:  # noqa: BLE001 - re-raised by the caller, after the chunk
        failure.append(exc)
    return chunk


@contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    """``values`` set in ``os.environ`` (which spawned processes copy) for the block."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
