"""Ingest: match normalized leads against the database and store them with their provenance."""

from leadgen.ingest.ingestor import Ingestor, IngestOutcome
from leadgen.ingest.records import content_hash, record_key

__all__ = ["IngestOutcome", "Ingestor", "content_hash", "record_key"]
