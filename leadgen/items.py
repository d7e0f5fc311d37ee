"""Item models: the contract between crawl, pipelines, storage, enrichment and export.

Built from small components, like zyte-common-items: only the identity fields are required,
every field is documented, and provenance lives in a nested :class:`SourceMeta`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Component(BaseModel):
    """Base for every item component: unknown keys are rejected, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class InputComponent(Component):
    """A component built from what a source gave: its text also loses control characters
    (NUL: a broken export's, which PostgreSQL refuses to store; ESC and the like: a hostile
    page's, which would recolour or clear the terminal that shows the name) and direction
    overrides. Tabs and line breaks stay. Components built from those (normalized values)
    need no such check."""

    @model_validator(mode="before")
    @classmethod
    def _drop_controls(cls, data: Any) -> Any:
        if type(data) is dict and _holds_control(data):
            return {key: _without_controls(value) for key, value in data.items()}
        return data


#: Control characters but tab and line breaks, and the direction overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _holds_control(data: dict[str, Any]) -> bool:
    """Whether a field's text, or a text in a list field, holds a control character (plain
    loops and ``isprintable`` first: every lead built runs this). Nested components check
    their own; free-form dicts (``extra``) are stored as JSON, which escapes them."""
    for value in data.values():
        if type(value) is str:
            if not value.isprintable() and _CONTROL.search(value):
                return True
        elif type(value) is list:
            for item in value:
                if type(item) is str and not item.isprintable() and _CONTROL.search(item):
                    return True
    return False


def _without_controls(value: Any) -> Any:
    if type(value) is str:
        return _CONTROL.sub("", value)
    if type(value) is list:
        return [_CONTROL.sub("", item) if type(item) is str else item for item in value]
    return value


class Address(InputComponent):
    """A postal address as printed, plus the parts we could tell apart."""

    full: str | None = None
    """The address as one line, as the page showed it (lines joined with ", ")."""
    street: str | None = None
    """Street and house number."""
    city: str | None = None
    """City or locality."""
    region: str | None = None
    """State, province or region."""
    postal_code: str | None = None
    """Postal code as printed (normalized later)."""
    country: str | None = None
    """Country as printed, or an ISO 3166-1 alpha-2 code once normalized."""


class Contact(InputComponent):
    """A person at the company."""

    name: str
    """Full name as printed."""
    title: str | None = None
    """Job title or department as printed ("Geschäftsführer", "Purchasing")."""
    email: str | None = None
    """The person's business e-mail."""
    phone: str | None = None
    """The person's business phone."""
    decision_maker: bool | None = None
    """True when the title says the person can buy (owner, CEO, purchasing, 总经理, ...)."""


class SizeSignals(InputComponent):
    """Hints of how big the company is (can it pay?)."""

    employees: int | None = Field(default=None, ge=0)
    """Number of employees, where stated."""
    employees_band: str | None = None
    """Employee band as printed ("50-199")."""
    revenue_band: str | None = None
    """Revenue band as printed ("EUR 10-50M")."""
    founded_year: int | None = Field(default=None, ge=1000, le=2100)
    """Year the company was founded."""
    membership_tier: str | None = None
    """Tier in a trade association ("Gold member")."""
    booth_size: str | None = None
    """Exhibitor booth size at a trade show ("36 sqm", "large")."""


class SourceMeta(InputComponent):
    """Where and when a record was seen: the provenance of every field in the lead."""

    source_id: str
    """The source's identifier in the profile ("demo-association")."""
    page_url: str
    """The URL of the page the record was extracted from (or ``file:`` for imports)."""
    fetched_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    """When the page was fetched."""
    record_id: str | None = None
    """The record's own id on the source (detail URL, exhibitor id, row id)."""
    evidence: dict[str, Any] = Field(default_factory=dict)
    """Per field, where on the page it came from (e.g. ``{"name": "json-ld"}``)."""


#: The longest company name a lead holds (a longer cell is no name: a page or a list pasted in).
NAME_MAX_LENGTH = 300


class Lead(InputComponent):
    """A company lead as one source showed it. Only ``name`` and ``source`` are required."""

    name: str = Field(min_length=1, max_length=NAME_MAX_LENGTH)
    """Company name as printed."""
    source: SourceMeta
    """Provenance: which source, which page, when."""
    website: str | None = None
    """The company's own website URL."""
    emails: list[str] = Field(default_factory=list)
    """Business e-mail addresses shown for the company."""
    phones: list[str] = Field(default_factory=list)
    """Phone numbers as printed."""
    fax: list[str] = Field(default_factory=list)
    """Fax numbers as printed."""
    address: Address | None = None
    """Postal address."""
    categories: list[str] = Field(default_factory=list)
    """Categories, industries or product groups the source files the company under."""
    description: str | None = None
    """Short description of what the company does."""
    size: SizeSignals = Field(default_factory=SizeSignals)
    """Size signals."""
    contacts: list[Contact] = Field(default_factory=list)
    """People at the company."""
    social: list[str] = Field(default_factory=list)
    """Social profile URLs (LinkedIn, X, Facebook, WeChat, ...)."""
    legal_name: str | None = None
    """Registered legal name, where it differs from the display name."""
    country_hint: str | None = None
    """ISO country code the source implies (used as phone region), e.g. ``"CN"``."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Anything else the page showed (VAT id, ICP licence, registry numbers)."""

    @field_validator("emails", "phones", "fax", "categories", "social")
    @classmethod
    def _drop_blank_and_duplicates(cls, values: list[str]) -> list[str]:
        seen: list[str] = []
        for value in values:
            value = value.strip()
            if value and value not in seen:
                seen.append(value)
        return seen


class PhoneNumber(Component):
    """A phone number normalized to E.164."""

    e164: str
    """The number in E.164 form ("+8657188886666")."""
    raw: str
    """The number as printed."""
    extension: str | None = None
    """Extension, kept apart from the number."""
    kind: str | None = None
    """fixed_line, mobile, toll_free, voip, ... as phonenumbers tells."""


class EmailAddress(Component):
    """A syntax-checked e-mail address with its account kind."""

    address: str
    """The address with its domain lower-cased."""
    domain: str
    """The domain part."""
    role: bool = False
    """True for role accounts such as info@, sales@, office@."""
    free_mail: bool = False
    """True for free-mail providers (gmail.com, qq.com, 163.com, ...)."""


class NormalizedLead(Component):
    """A :class:`Lead` with the normalized values that matching and storage use."""

    lead: Lead
    """The lead as the source gave it (stored verbatim)."""
    display_name: str
    """Clean company name for display ("Acme Packaging")."""
    name_key: str
    """Match key: legal suffix removed, case and punctuation and accents folded."""
    legal_form: str | None = None
    """Legal form split off the name ("GmbH", "有限公司", "LLC")."""
    website: str | None = None
    """Canonical website URL."""
    registered_domain: str | None = None
    """Registered domain of the website ("acme.co.uk")."""
    emails: list[EmailAddress] = Field(default_factory=list)
    """Valid e-mails."""
    phones: list[PhoneNumber] = Field(default_factory=list)
    """Valid phones in E.164."""
    country: str | None = None
    """ISO 3166-1 alpha-2 country code."""
    postal_code: str | None = None
    """Cleaned postal code."""
    city: str | None = None
    """City, case-folded for matching."""
    state: str | None = None
    """State or province as its ISO 3166-2 code ("US-IL"), where lists give one and town
    names repeat across them (:data:`leadgen.normalize.address.STATE_KEY_COUNTRIES`)."""
