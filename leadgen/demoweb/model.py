"""The demo world's records: a company's cheap core and its lazily generated details."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Core:
    """What every company has from the start; cheap enough to build 100k of in seconds."""

    index: int
    country: str
    city: int
    """Index into the country's cities (Chinese names start with the city)."""
    industry: str
    employees: int
    founded_year: int
    name: str
    """Canonical (legal) name: "Varonex Lebensmittel GmbH", "杭州华宇食品有限公司"."""
    short_name: str
    """Name without legal form: "Varonex Lebensmittel"."""
    legal_form: str
    name_en: str | None
    """English name of a Chinese company ("Hangzhou Huayu Food Co., Ltd.")."""
    domain: str | None
    """Registered domain, None for a directory-only company."""
    www: bool
    """Whether the canonical host is ``www.<domain>``."""
    slug: str
    fit: bool
    in_association: bool
    in_expo: bool
    in_yellow: bool
    in_cn: bool
    brand: str = ""
    """The invented brand inside the name ("Varonex", "华宇"); typos and casing hit it."""

    @property
    def host(self) -> str | None:
        if self.domain is None:
            return None
        return f"www.{self.domain}" if self.www else self.domain

    @property
    def website(self) -> str | None:
        return f"http://{self.host}/" if self.host else None


@dataclass(slots=True)
class Person:
    name: str
    title: str
    decision_maker: bool
    email: str | None = None


@dataclass(slots=True)
class Details:
    """Everything else about a company, generated on first use from its own seeded stream."""

    city: str
    city_latin: str
    region: str
    postal_code: str
    street: str
    address_lines: list[str]
    """Address as printed locally, one entry per line."""
    address_lines_en: list[str]
    """Address as English-language directories print it (differs for Chinese companies)."""
    phone: str
    """Main phone, E.164."""
    fax: str | None
    extra_phones: list[str]
    """Other numbers shown (sales line, contact person's mobile), E.164."""
    emails: list[str]
    """Role e-mails shown on the site and in directories."""
    people: list[Person]
    social: list[str]
    description: str
    lang: str
    site: dict[str, object] = field(default_factory=dict)
    """Site features: page paths, e-mail display style, traps, JSON-LD, slow/500 pages."""
    trap_emails: list[str] = field(default_factory=list)
    directory_email: str | None = None
    """E-mail shown in directories only (free-mail of a directory-only company)."""
