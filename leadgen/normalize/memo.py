"""Bounded memo dictionaries for the normalizers' hand-written caches.

``functools.lru_cache`` suits functions whose result is immutable; where the normalizers hand
out fresh pydantic models built from remembered field values, they keep those values here.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from typing import TypeVar

logger = logging.getLogger(__name__)

#: Entries per memo: a few hundred bytes each, so each memo stays in the tens of megabytes.
#: ``LEADGEN_CACHE_ENTRIES`` (read at import) sets another size, e.g. for worker processes.
DEFAULT_CACHE_SIZE = 65536


def cache_size_from(value: str | None) -> int:
    """The memo size ``LEADGEN_CACHE_ENTRIES`` asks for; the default (with a warning) when
    it is not a positive whole number."""
    if not value:
        return DEFAULT_CACHE_SIZE
    try:
        size = int(value)
    except ValueError:
        size = 0
    if size < 1:
        logger.warning("LEADGEN_CACHE_ENTRIES=%r is not a positive whole number; using %s",
                       value, DEFAULT_CACHE_SIZE)
        return DEFAULT_CACHE_SIZE
    return size


CACHE_SIZE = cache_size_from(os.environ.get("LEADGEN_CACHE_ENTRIES"))

K = TypeVar("K")
V = TypeVar("V")


def remember(memo: OrderedDict[K, V], key: K, value: V) -> V:
    """Store ``value`` under ``key``, dropping the oldest entry when ``memo`` holds
    :data:`CACHE_SIZE` entries (read at each call, so tests can shrink it)."""
    # OrderedDict drops its oldest entry in O(1); a plain dict's first key is found by
    # scanning past every deleted slot, which grows until the dict is rebuilt.
    if len(memo) >= CACHE_SIZE:
        try:
            memo.popitem(last=False)
        except KeyError:  # another thread emptied it meanwhile
            pass
    memo[key] = value
    return value
