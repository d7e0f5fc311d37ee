"""In-memory indexes the ingestor keeps: blocking keys -> companies, and seen source records.

Loaded once from the database, then kept current by the ingestor itself, so matching a record
costs a few dictionary look-ups, never a scan. Another writer's rows written after loading are
not seen until the next load; ``leadgen dedupe`` reconciles.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.engine import Connection

from leadgen.storage.models import CompanyKey, SourceRecord


def _key(kind: str, value: str) -> str:
    return f"{kind}\x1f{value}"


class KeyIndex:
    """Blocking key -> the ids of the companies holding it (an int while there is only one)."""

    def __init__(self) -> None:
        self._map: dict[str, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._map)

    def load(self, connection: Connection) -> None:
        rows = connection.execute(select(CompanyKey.kind, CompanyKey.value, CompanyKey.company_id))
        for kind, value, company_id in rows:
            self.add(kind, value, company_id)

    def get(self, kind: str, value: str) -> list[int]:
        found = self._map.get(_key(kind, value))
        if found is None:
            return []
        return [found] if isinstance(found, int) else found

    def count(self, kind: str, value: str) -> int:
        found = self._map.get(_key(kind, value))
        if found is None:
            return 0
        return 1 if isinstance(found, int) else len(found)

    def add(self, kind: str, value: str, company_id: int) -> bool:
        """Add a key; False when the company already had it."""
        key = _key(kind, value)
        found = self._map.get(key)
        if found is None:
            self._map[key] = company_id
        elif isinstance(found, int):
            if found == company_id:
                return False
            self._map[key] = [found, company_id]
        else:
            if company_id in found:
                return False
            found.append(company_id)
        return True

    def remove_company(self, kind: str, value: str, company_id: int) -> None:
        key = _key(kind, value)
        found = self._map.get(key)
        if found == company_id:
            del self._map[key]
        elif isinstance(found, list) and company_id in found:
            found.remove(company_id)


class SeenRecord(NamedTuple):
    content_hash: str
    record_id: int
    company_id: int | None


def record_digest(source_id: str, record_key: str) -> bytes:
    """A compact fixed-size key for (source, record key)."""
    return hashlib.blake2b(f"{source_id}\x1f{record_key}".encode(), digest_size=12).digest()


class RecordIndex:
    """(source, record key) -> the newest stored version: its content hash, id and company."""

    def __init__(self) -> None:
        self._map: dict[bytes, SeenRecord] = {}

    def __len__(self) -> int:
        return len(self._map)

    def load(self, connection: Connection) -> None:
        rows = connection.execute(
            select(
                SourceRecord.id, SourceRecord.source_id, SourceRecord.record_key,
                SourceRecord.content_hash, SourceRecord.company_id,
            ).order_by(SourceRecord.id)
        )
        for record_id, source_id, record_key, content_hash, company_id in rows:
            self.put(source_id, record_key, SeenRecord(content_hash, record_id, company_id))

    def get(self, source_id: str, record_key: str) -> SeenRecord | None:
        return self._map.get(record_digest(source_id, record_key))

    def put(self, source_id: str, record_key: str, seen: SeenRecord) -> None:
        self._map[record_digest(source_id, record_key)] = seen
