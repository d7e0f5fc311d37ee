"""The one exception hierarchy of leadgen. Messages say what, where, and how to fix it."""

from __future__ import annotations


class LeadgenError(Exception):
    """Base of every error leadgen raises on purpose; the CLI prints it as one line."""


class ConfigError(LeadgenError):
    """A profile or config file is invalid. The message names the file, the line and the fix."""


class ExtractionError(LeadgenError):
    """A page could not be read or decoded. The message names the file or URL."""


class StorageError(LeadgenError):
    """The database could not be opened, migrated or written."""


class UnsafeURLError(LeadgenError):
    """A URL points at a loopback, private, link-local or metadata address and was refused."""


class InputError(LeadgenError):
    """A file to import or a command argument is invalid."""
