"""SIGTERM read as Ctrl-C: a service manager, ``kill`` or ``timeout`` stops a command the way
a terminal's Ctrl-C does (its run logged as interrupted, its workers ended, one line)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def sigterm_as_ctrl_c() -> Iterator[list[int]]:
    """SIGTERM raises KeyboardInterrupt while the block runs; the list given holds each
    SIGTERM received (the command line exits 143 after one). Only the main thread can
    handle signals: elsewhere nothing changes."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)
