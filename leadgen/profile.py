"""Industry profiles: YAML files naming the sources to crawl and the ideal-customer profile.

Profiles are validated with pydantic; every error names the file, the line and how to fix it.
Bundled profiles live in ``leadgen/profiles/NAME.yaml``; a path to any YAML file works too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from enrich.scoring.icp import IdealCustomerProfile
from leadgen.exceptions import ConfigError

PROFILES_DIR = Path(__file__).with_name("profiles")


class Strict(BaseModel):
    """Profile sections reject unknown keys, so a typo is an error, not a silent default."""

    model_config = ConfigDict(extra="forbid")


class SourceHints(Strict):
    """Optional per-source selectors (CSS or XPath) that override automatic extraction."""

    record: str | None = None
    """Selector of one record block on a listing page."""
    detail_link: str | None = None
    """Selector of the link from a record block to its detail page."""
    next_page: str | None = None
    """Selector of the pagination link(s)."""
    fields: dict[str, str] = Field(default_factory=dict)
    """Field name -> selector, evaluated inside the record block (or the detail page)."""


class SourceConfig(Strict):
    """One directory, member list or exhibitor page to crawl."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    """Stable identifier of the source, used in provenance ("demo-association")."""
    start_urls: list[str] = Field(min_length=1)
    """Where the crawl starts: a listing page or a JSON API endpoint."""
    allowed_domains: list[str] = Field(default_factory=list)
    """Domains the crawl may visit; default: the hosts of ``start_urls``."""
    region: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """ISO country code used as phone region hint for this source ("CN")."""
    max_pages: int = Field(default=2000, ge=1)
    """Page cap for this source."""
    max_depth: int = Field(default=8, ge=1)
    """Link depth cap from the start URLs."""
    follow_details: bool = True
    """Visit the detail page of every record."""
    hints: SourceHints = Field(default_factory=SourceHints)
    """Optional selectors that override automatic extraction."""

    @field_validator("start_urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"start URL {url!r} must start with http:// or https://")
        return urls


class DemoWebConfig(Strict):
    """Start the bundled demo web and crawl through it (the ``demo`` profile)."""

    seed: int = 42
    companies: int = Field(default=200, ge=1)


class CrawlConfig(Strict):
    """Politeness and limits for the crawl (Scrapy settings underneath)."""

    concurrent_requests_per_domain: int = Field(default=2, ge=1)
    download_delay: float = Field(default=0.0, ge=0)
    autothrottle: bool = True
    max_response_bytes: int = Field(default=5_000_000, ge=1000)
    http_cache: bool = False
    user_agent: str | None = None


class Profile(Strict):
    """An industry profile: what to crawl and whom we want as customers."""

    name: str
    description: str | None = None
    sources: list[SourceConfig] = Field(default_factory=list)
    crawl: CrawlConfig = Field(default_factory=CrawlConfig)
    demo_web: DemoWebConfig | None = None
    icp: IdealCustomerProfile = Field(default_factory=IdealCustomerProfile)
    """The ideal-customer profile (validated by the scoring stage)."""
    path: str | None = Field(default=None, exclude=True)


def profile_path(name_or_path: str) -> Path:
    """Resolve a bundled profile name or a path to its YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in {".yaml", ".yml"} or candidate.exists():
        path = candidate
    else:
        path = PROFILES_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in PROFILES_DIR.glob("*.yaml")))
        raise ConfigError(
            f"profile {name_or_path!r} not found ({path}); bundled profiles: {available}"
        )
    return path


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping key."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    lines: dict[Any, int] = {}
    for key, _ in node.value:  # a second "need:" replaced the first without a word
        if key.value in lines:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key.value!r} is given twice (first at line {lines[key.value]})",
                key.start_mark)
        lines[key.value] = key.start_mark.line + 1
    mapping = loader.construct_mapping(node, deep=True)
    return _LineDict(mapping, lines, node.start_mark.line + 1)


class _LineDict(dict[Any, Any]):
    def __init__(self, data: dict[Any, Any], lines: dict[Any, int], start_line: int):
        super().__init__(data)
        self.lines = lines
        self.start_line = start_line


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml_with_lines(path: Path) -> Any:
    """Parse a YAML file; syntax errors become a ConfigError with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read profile: {exc}") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(
            f"{where}: invalid YAML: {problem}; check indentation and quoting"
        ) from exc


def line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The YAML line of the deepest key in ``loc`` that we can find."""
    line = None
    node = data
    for key in loc:
        if isinstance(node, _LineDict) and key in node.lines:
            line = node.lines[key]
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, _LineDict):
            line = node.start_line
    return line


def format_validation_error(path: Path, data: Any, exc: ValidationError, prefix: tuple = ()) -> str:
    """One line per problem: ``file:line: field.path: message``."""
    problems = []
    for error in exc.errors():
        loc = prefix + tuple(error["loc"])
        line = line_of(data, loc)
        where = f"{path}:{line}" if line else str(path)
        dotted = ".".join(str(part) for part in loc) or "(top level)"
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key; check its spelling or remove it"
        elif error["type"] == "missing":
            message = "required key is missing; add it"
        problems.append(f"{where}: {dotted}: {message}")
    return "; ".join(problems)


def load_profile(name_or_path: str) -> Profile:
    """Load and validate a profile by bundled name or path."""
    path = profile_path(name_or_path)
    data = load_yaml_with_lines(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: a profile must be a YAML mapping with name and sources")
    try:
        profile = Profile.model_validate(dict(data))
    except ValidationError as exc:
        raise ConfigError(format_validation_error(path, data, exc)) from exc
    profile.path = str(path)
    return profile
