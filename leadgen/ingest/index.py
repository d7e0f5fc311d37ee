"""In-memory indexes the ingestor keeps: blocking keys -> companies, and seen source records.

Loaded once from the database, then kept current by the ingestor itself, so matching a record
costs a few dictionary look-ups, never a scan. What other writers store later is taken in by
loading only their new records and the keys of the companies those joined (see
:meth:`Ingestor._begin_batch <leadgen.ingest.ingestor.Ingestor>`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.engine import Connection

from leadgen.storage.models import CompanyKey, SourceRecord


def _key(kind: str, value: str) -> int:
    # Python's own hash of the (kind, value) tuple: the index lives in one process and is
    # rebuilt on load, so a salted hash is fine; a 64-bit collision would only add a candidate,
    # never a merge. ``hash(key)`` of a prepared lead's key tuple is the same number.
    return hash((kind, value))


class _Overflow:
    """A block too big to be useful: only its size is kept."""

    __slots__ = ("size",)

    def __init__(self, size: int):
        self.size = size


class KeyIndex:
    """Blocking key -> the ids of the companies holding it (an int while there is only one).

    Blocks that grow past ``cap`` companies keep only their size: matching skips them anyway
    (they are no evidence), and tracking their members would cost memory and time. The
    ``*_hashed`` methods take ``hash((kind, value))`` computed once by the caller (matching a
    lead looks each of its keys up, then adds them all).
    """

    def __init__(self, cap: int = 200, caps: dict[str, int] | None = None) -> None:
        """``caps``: per key kind, the block size past which only the size is kept (matching's
        own block limits: a bigger block is never used, and tracking it costs a list scan per
        company added)."""
        self._map: dict[int, int | list[int] | _Overflow] = {}
        self.cap = cap
        self.caps = caps or {}

    def __len__(self) -> int:
        return len(self._map)

    @property
    def blocks(self) -> dict[int, int | list[int] | _Overflow]:
        """The map itself, for look-ups in a hot loop (read it; change it through ``add``):
        a key's hash -> a company id, a list of them, or an overflow marker."""
        return self._map

    def load(self, connection: Connection, companies: Collection[int] | None = None) -> None:
        """Add every stored key, or only those of ``companies``."""
        query = select(CompanyKey.kind, CompanyKey.value, CompanyKey.company_id)
        if companies is None:
            chunks = [connection.execute(query)]
        else:
            ids = sorted(companies)
            chunks = [connection.execute(query.where(CompanyKey.company_id.in_(ids[at:at + 500])))
                      for at in range(0, len(ids), 500)]
        for rows in chunks:
            for kind, value, company_id in rows:
                self.add(kind, value, company_id)

    def get(self, kind: str, value: str) -> list[int] | None:
        """The companies holding a key; None when the block overflowed (too big to use)."""
        return self.holders_hashed(_key(kind, value))

    def holders_hashed(self, key: int) -> list[int] | None:
        """:meth:`get` by the key's hash."""
        found = self._map.get(key)
        if found is None:
            return []
        if type(found) is int:
            return [found]
        return None if type(found) is _Overflow else found  # type: ignore[return-value]

    def count(self, kind: str, value: str) -> int:
        found = self._map.get(_key(kind, value))
        if found is None:
            return 0
        if isinstance(found, int):
            return 1
        return found.size if isinstance(found, _Overflow) else len(found)

    def add(self, kind: str, value: str, company_id: int) -> bool:
        """Add a key; False when the company already had it."""
        return self.add_hashed(_key(kind, value), company_id, self.caps.get(kind, self.cap))

    def add_hashed(self, key: int, company_id: int, cap: int | None = None) -> bool:
        """:meth:`add` by the key's hash; ``cap``: the kind's block cap."""
        found = self._map.get(key)
        if found is None:
            self._map[key] = company_id
        elif type(found) is int:
            if found == company_id:
                return False
            self._map[key] = [found, company_id]
        elif type(found) is _Overflow:
            found.size += 1  # type: ignore[union-attr] # may count a company twice
        else:
            if company_id in found:  # type: ignore[operator]
                return False
            found.append(company_id)  # type: ignore[union-attr]
            if len(found) > (cap or self.cap):  # type: ignore[arg-type]
                self._map[key] = _Overflow(len(found))  # type: ignore[arg-type]
        return True

    def add_all(self, keys: tuple[tuple[str, str], ...], hashes: list[int], company_id: int,
                added: list[tuple[int, str, str]]) -> None:
        """Add every key of one lead to ``company_id``; append the ones it did not hold yet
        to ``added`` as ``(company_id, kind, value)`` rows."""
        blocks = self._map
        found_of = blocks.get
        add = added.append
        for (kind, value), hashed in zip(keys, hashes, strict=True):
            found = found_of(hashed)
            if found is None:  # the common case: a key nobody holds yet
                blocks[hashed] = company_id
            elif found == company_id or not self.add_hashed(
                    hashed, company_id, self.caps.get(kind, self.cap)):
                continue
            add((company_id, kind, value))

    def remove_company(self, kind: str, value: str, company_id: int) -> None:
        key = _key(kind, value)
        found = self._map.get(key)
        if isinstance(found, int) and found == company_id:
            del self._map[key]
        elif isinstance(found, list) and company_id in found:
            found.remove(company_id)


class SeenRecord(NamedTuple):
    content_hash: str
    """The first 16 hex digits of the version's content hash."""
    record_id: int
    company_id: int | None


def record_digest(source_id: str, record_key: str) -> int:
    """A compact key for (source, record key), valid within this process."""
    return hash((source_id, record_key))


_FIELD = 64  # bits per packed field
_MASK = (1 << _FIELD) - 1


def _hash_bits(content_hash: str) -> int:
    """The 64-bit number of a content hash prefix (16 hex digits; other text is hashed)."""
    try:
        return int(content_hash[:16], 16) & _MASK
    except ValueError:
        return hash(content_hash) & _MASK


class RecordIndex:
    """(source, record key) -> the newest stored version: its content hash, id and company.

    Each version is kept as one int packing the hash prefix, record id and company id: a
    million records held as tuples with a hex string took 313 MB, as ints about half that.
    """

    def __init__(self) -> None:
        self._map: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._map)

    def load(self, connection: Connection, after: int = 0,
             companies: set[int] | None = None) -> int:
        """Add the stored records with an id above ``after`` (all by default); the company of
        each goes into ``companies`` when given. Returns the highest id loaded, or ``after``."""
        rows = connection.execute(
            select(
                SourceRecord.id, SourceRecord.source_id, SourceRecord.record_key,
                SourceRecord.content_hash, SourceRecord.company_id,
            ).where(SourceRecord.id > after).order_by(SourceRecord.id)
        )
        top = after
        for record_id, source_id, record_key, content_hash, company_id in rows:
            self.put(source_id, record_key,
                     SeenRecord(content_hash[:16], record_id, company_id))
            top = record_id
            if companies is not None and company_id is not None:
                companies.add(company_id)
        return top

    def get(self, source_id: str, record_key: str) -> SeenRecord | None:
        packed = self._map.get(record_digest(source_id, record_key))
        if packed is None:
            return None
        return SeenRecord(f"{packed >> 2 * _FIELD:016x}", (packed >> _FIELD) & _MASK,
                          (packed & _MASK) or None)

    def put(self, source_id: str, record_key: str, seen: SeenRecord) -> None:
        if seen.record_id > _MASK or (seen.company_id or 0) > _MASK:
            raise ValueError(f"record or company id out of range: {seen}")
        self._map[record_digest(source_id, record_key)] = (
            _hash_bits(seen.content_hash) << 2 * _FIELD | seen.record_id << _FIELD
            | (seen.company_id or 0))
