"""The page object of one page of a company's own website (no Scrapy import).

Contact channels come from the extraction layer (:func:`spiders.pages.extract_records`); what is
particular to a company's own site is added here: people with titles, description, language,
founding year, employees, legal name, ICP licence, and the links to its contact/about pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from enrich.pages import facts
from enrich.pages.links import FactLink, fact_links
from enrich.pages.people import find_people
from enrich.values import wechat_ids
from leadgen.normalize import registered_domain
from leadgen.normalize.website import domain_parts
from spiders.pages import ExtractedRecord, decode_html, extract_records
from spiders.pages.dom import page_lang, parse_html, visible_lines
from spiders.pages.emails import find_emails
from spiders.pages.names import is_agency_credit
from spiders.pages.phones import region_for
from spiders.pages.social import is_social

#: Credit lines the extraction layer's list does not cover (Spanish, French, more Chinese).
_MORE_CREDITS = re.compile(
    r"diseño web|diseñad[oa] por|desarrollad[oa] por|sitio web (?:creado )?por|"
    r"réalisation|conception web|conçu par|site (?:réalisé|créé) par|web ?design|"
    r"网站制作|设计制作|制作维护|网站设计",
    re.IGNORECASE,
)


def site_domain(url: str) -> str:
    """Registered domain of a URL ("https://www.acme.co.uk/x" → "acme.co.uk").

    Local test sites keep ``host:port`` (as :func:`leadgen.normalize.registered_domain` does),
    so two servers on 127.0.0.1 are two sites.
    """
    domain = registered_domain(url)
    if domain:
        return domain
    parts = domain_parts(url)
    return parts.top_domain_under_public_suffix or parts.domain


@dataclass
class PageFacts:
    """Everything one page of a company website says about the company, with its URL."""

    url: str
    name: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    fax: list[str] = field(default_factory=list)
    social: list[str] = field(default_factory=list)
    address: str | None = None
    """Postal address as printed; its parts below where they could be told apart."""
    street: str | None = None
    city: str | None = None
    postal_code: str | None = None
    country: str | None = None
    people: list[dict[str, Any]] = field(default_factory=list)
    description: str | None = None
    language: str | None = None
    founded_year: int | None = None
    employees: int | None = None
    legal_name: str | None = None
    icp: str | None = None
    region: str | None = None
    """The country national phone numbers on the page are read in."""
    extra: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return asdict(self)


class CompanySitePage:
    """One fetched page of a company's website."""

    def __init__(self, html: str | bytes, url: str, region_hint: str | None = None) -> None:
        self.html = decode_html(html) if isinstance(html, bytes) else html
        self.url = url
        self.region_hint = region_hint
        self.root = parse_html(self.html)
        self.line_objects = visible_lines(self.root)
        self.lines = [line.text for line in self.line_objects]
        self.text = "\n".join(self.lines)
        self.region = region_for(url, page_lang(self.root), region_hint, text=self.text)
        # The region found here is handed on, so the page's numbers are searched only once.
        self.records: list[ExtractedRecord] = extract_records(
            self.html, url, region_hint=self.region
        )

    def fact_links(self, base_url: str | None = None) -> list[FactLink]:
        """Links to contact/imprint/about/team pages, best first."""
        bases = self.root.xpath("//base/@href")
        return fact_links(self.root, self.url, base_url or (bases[0] if bases else None))

    def own_records(self) -> list[ExtractedRecord]:
        """Records of the site's own company: not another business that shows its own website."""
        own = site_domain(self.url)
        keep = [
            r for r in self.records
            if not r.websites or any(site_domain(w) == own for w in r.websites)
        ]
        return keep or self.records[:1]

    def credit_domains(self) -> set[str]:
        """Domains named in a web agency's footer credit ("Website by X — studio@x.com")."""
        own = site_domain(self.url)
        domains: set[str] = set()
        for line in self.line_objects:
            if not (is_agency_credit(line.text) or _MORE_CREDITS.search(line.text)):
                continue
            domains.update(e.rpartition("@")[2].lower() for e in find_emails(line.text))
            for href in line.block.xpath(".//a/@href"):
                if str(href).startswith(("http://", "https://", "//")):
                    domains.add(site_domain(str(href)))
        domains.discard(own)
        return domains

    def facts(self) -> PageFacts:
        """The page's facts, each with where it came from."""
        result = PageFacts(url=self.url, region=self.region)
        structured = _structured_org(self.html)
        for record in self.own_records():
            result.name = result.name or record.name
            if record.address and not result.address:
                result.address = record.address
                result.street, result.city = record.street, record.city
                result.postal_code, result.country = record.postal_code, record.country
            _extend(result.emails, record.emails, key=str.lower)
            _extend(result.phones, record.phones)
            _extend(result.fax, record.fax)
            _extend(result.social, record.social)
            result.legal_name = result.legal_name or record.legal_name
            result.extra.update(record.extra)
        _extend(result.social, self._social_links() + wechat_ids(self.text))
        credits = self.credit_domains()
        if credits:
            result.emails = [e for e in result.emails
                             if e.rpartition("@")[2].lower() not in credits]
            result.evidence["emails_dropped"] = "agency credit: " + ", ".join(sorted(credits))
        contacts = [c for r in self.records for c in r.contacts] + structured["people"]
        result.people = [p.as_dict() for p in find_people(self.lines, contacts)]
        _drop_shared_channels(result.people, result.phones[:1] + result.fax)
        for person in result.people:
            if person["email"] and person["email"].rpartition("@")[2].lower() in credits:
                person["email"] = None
        result.description, result.evidence["description"] = facts.description(
            self.root, structured.get("description"), self.lines
        )
        result.language, result.evidence["language"] = facts.language(self.root, self.text)
        result.founded_year, result.evidence["founded_year"] = facts.founded_year(
            self.text, structured.get("foundingDate")
        )
        result.employees, result.evidence["employees"] = facts.employees(
            self.text, structured.get("numberOfEmployees")
        )
        if structured.get("legalName"):
            result.legal_name = str(structured["legalName"])
            result.evidence["legal_name"] = "schema.org legalName"
        elif result.legal_name:
            result.evidence["legal_name"] = "legal-form line"
        result.icp = facts.icp_licence(self.text)
        result.evidence = {k: v for k, v in result.evidence.items() if v}
        return result

    def _social_links(self) -> list[str]:
        links = []
        for href in self.root.xpath("//a/@href"):
            href = str(href).strip()
            if href.startswith(("http://", "https://", "//")) and is_social(href):
                links.append("https:" + href if href.startswith("//") else href)
        return links


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)[-9:]


def _drop_shared_channels(people: list[dict[str, Any]], company_phones: list[str]) -> None:
    """A phone next to a person that is the company's switchboard (or shared by several
    people) is not the person's own line."""
    main = {_digits(p) for p in company_phones}
    counts: dict[str, int] = {}
    for person in people:
        if person.get("phone"):
            counts[_digits(person["phone"])] = counts.get(_digits(person["phone"]), 0) + 1
    for person in people:
        if person.get("phone"):
            key = _digits(person["phone"])
            if key in main or counts[key] > 1:
                person["phone"] = None


def _extend(target: list[str], values: list[str], key: Any = None) -> None:
    seen = {key(v) if key else v for v in target}
    for value in values:
        k = key(value) if key else value
        if k not in seen:
            target.append(value)
            seen.add(k)


_ORG_FIELDS = ("description", "foundingDate", "numberOfEmployees", "legalName")


def _structured_org(html: str) -> dict[str, Any]:
    """Organization facts and people from JSON-LD (the extraction layer covers the rest)."""
    out: dict[str, Any] = {"people": []}
    if "application/ld+json" not in html:
        return out
    import extruct

    try:
        items = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    except (ValueError, TypeError, json.JSONDecodeError):
        return out
    stack: list[Any] = list(items)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if "Person" in types and item.get("name"):
            out["people"].append({"name": item.get("name"), "title": item.get("jobTitle"),
                                  "email": item.get("email"), "phone": item.get("telephone")})
        for key in _ORG_FIELDS:
            if key in item and key not in out and "Person" not in types:
                out[key] = item[key]
        for key in ("@graph", "employee", "employees", "founder", "founders", "member",
                    "members", "contactPoint"):
            if key in item:
                stack.append(item[key])
    return out
