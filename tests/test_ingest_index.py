"""The ingestor's in-memory indexes: seen records packed into one int each, shared profile
tuples."""

from __future__ import annotations

import pytest

from leadgen.ingest.index import RecordIndex, SeenRecord
from leadgen.matching.profile import MatchProfile, shared


@pytest.mark.parametrize("seen", [
    SeenRecord("0123456789abcdef", 1, 1),
    SeenRecord("ffffffffffffffff", 2**40, None),  # no company (a suppressed record's)
    SeenRecord("0000000000000000", 7, 2**63),
])
def test_a_seen_record_comes_back_as_it_was_put(seen: SeenRecord) -> None:
    index = RecordIndex()
    index.put("expo", "booth-12", seen)
    assert index.get("expo", "booth-12") == seen
    assert index.get("expo", "booth-13") is None
    assert index.get("fair", "booth-12") is None


def test_a_newer_version_replaces_the_older_one() -> None:
    index = RecordIndex()
    index.put("expo", "booth-12", SeenRecord("aaaaaaaaaaaaaaaa", 1, 1))
    index.put("expo", "booth-12", SeenRecord("bbbbbbbbbbbbbbbb", 2, 1))
    assert index.get("expo", "booth-12") == SeenRecord("bbbbbbbbbbbbbbbb", 2, 1)
    assert len(index) == 1


@pytest.mark.parametrize("stored", ["not-hex-at-all", "ABCDEF0123456789", "abc"])
def test_a_hash_prefix_that_is_not_16_lowercase_hex_digits_never_equals_a_fresh_one(
        stored: str) -> None:
    """Such a prefix (a row written by other code) cannot match a sha256 prefix: the ingestor
    then checks the stored versions in the database, so nothing is wrongly called unchanged."""
    index = RecordIndex()
    index.put("crm", "42", SeenRecord(stored, 3, 4))
    found = index.get("crm", "42")
    assert found is not None and found[1:] == (3, 4)
    assert len(found.content_hash) == 16 and found.content_hash != stored


def test_ids_past_64_bits_are_refused() -> None:
    with pytest.raises(ValueError, match="out of range"):
        RecordIndex().put("crm", "1", SeenRecord("0" * 16, 2**64, 1))


def test_profiles_share_one_tuple_per_city_postal_code_and_country() -> None:
    first = MatchProfile.from_json({"names": ["acme"], "cities": ["berlin"],
                                    "postals": ["10115"], "countries": ["DE"]})
    second = MatchProfile.from_json({"names": ["bravo"], "cities": ["berlin"],
                                     "postals": ["10115"], "countries": ["DE"]})
    assert first.cities is second.cities and first.countries is second.countries
    assert first.postals is second.postals and first.names is not second.names
    assert shared(("hamburg",)) == ("hamburg",)
