"""What page objects return: one :class:`ExtractedRecord` per company seen on a page."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from leadgen.exceptions import ExtractionError
from leadgen.items import Address, Contact, Lead, SizeSignals, SourceMeta


class SourceHints(BaseModel):
    """Per-source selectors from a profile; each one given overrides the automatic way.

    Selectors are CSS, or XPath when they start with ``/`` or ``(``.
    """

    model_config = ConfigDict(extra="forbid")

    record: str | None = None
    """Selector of one record block on a listing page (each match is one company)."""
    detail_link: str | None = None
    """Selector (inside a record block or the page) of the link to the detail page."""
    next_page: str | None = None
    """Selector of the next-page link(s)."""
    fields: dict[str, str] = Field(default_factory=dict)
    """Field name (``name``, ``phones``, ``emails``, ``websites``, ``address``...) -> selector,
    evaluated inside the record block (or the page for single-company pages)."""


class ExtractedRecord(BaseModel):
    """One company as a page shows it, with where each field came from."""

    name: str | None = None
    """Company name as printed."""
    phones: list[str] = Field(default_factory=list)
    """Phone numbers as printed (one printed form per distinct number)."""
    fax: list[str] = Field(default_factory=list)
    """Fax numbers as printed."""
    emails: list[str] = Field(default_factory=list)
    """E-mail addresses as a visitor reads them."""
    websites: list[str] = Field(default_factory=list)
    """The company's own websites as shown (structured ``url`` or visible URL text)."""
    address: str | None = None
    """Postal address: the visible lines joined with ", "."""
    street: str | None = None
    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    country: str | None = None
    social: list[str] = Field(default_factory=list)
    """Social profile URLs."""
    detail_url: str | None = None
    """On a listing page: the link to the company's own detail page."""
    description: str | None = None
    categories: list[str] = Field(default_factory=list)
    legal_name: str | None = None
    """Registered name with legal form, where it differs from ``name``."""
    contacts: list[dict[str, Any]] = Field(default_factory=list)
    """People: dicts with ``name``, ``title``, ``email``, ``phone``."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Anything else shown (VAT id, ICP licence, registry numbers, booth, tier...)."""
    evidence: dict[str, str] = Field(default_factory=dict)
    """Per field, where it came from ("json-ld", "card[3] h3", "footer text", "mailto"...)."""

    def to_lead(
        self,
        source_id: str,
        page_url: str,
        record_id: str | None = None,
        country_hint: str | None = None,
    ) -> Lead:
        """The item contract's :class:`Lead`; a record without a name cannot be a lead."""
        if not self.name:
            raise ExtractionError(
                f"record on {page_url} has no company name; give a name selector in the "
                "source's hints (fields.name) or skip the record"
            )
        address = None
        if self.address or self.street or self.city or self.postal_code:
            address = Address(
                full=self.address,
                street=self.street,
                city=self.city,
                region=self.region,
                postal_code=self.postal_code,
                country=self.country,
            )
        contacts = [
            Contact(
                name=str(c["name"]),
                title=c.get("title"),
                email=c.get("email"),
                phone=c.get("phone"),
            )
            for c in self.contacts
            if c.get("name")
        ]
        size_keys = {"employees", "employees_band", "revenue_band", "founded_year",
                     "membership_tier", "booth_size"}
        size_values: dict[str, Any] = {}
        for key in size_keys & self.extra.keys():
            try:  # one malformed signal ("about 50" as employees) must not lose the record
                SizeSignals(**{key: self.extra[key]})
            except ValueError:
                continue
            size_values[key] = self.extra[key]
        size = SizeSignals(**size_values)
        extra = {k: v for k, v in self.extra.items() if k not in size_values}
        if self.detail_url:
            extra.setdefault("detail_url", self.detail_url)
        if len(self.websites) > 1:
            extra.setdefault("websites", self.websites)
        return Lead(
            name=self.name[:300],
            source=SourceMeta(
                source_id=source_id,
                page_url=page_url,
                record_id=record_id or self.detail_url,
                evidence=dict(self.evidence),
            ),
            website=self.websites[0] if self.websites else None,
            emails=self.emails,
            phones=self.phones,
            fax=self.fax,
            address=address,
            categories=self.categories,
            description=self.description,
            size=size,
            contacts=contacts,
            social=self.social,
            legal_name=self.legal_name,
            country_hint=country_hint,
            extra=extra,
        )
