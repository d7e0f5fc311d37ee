"""The demo world: companies, which directories list them, routing of hosts to site renderers."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from leadgen.demoweb import variants
from leadgen.demoweb.generate import CoreFactory, make_details, slugify
from leadgen.demoweb.hosts import (
    ASSOCIATION_HOST,
    CN_HOST,
    DISALLOWED,
    EXPO_HOST,
    PAGE_SIZES,
    SOURCE_HOSTS,
    START_PATHS,
    YELLOW_HOST,
)
from leadgen.demoweb.html import Response, redirect
from leadgen.demoweb.industries import INDUSTRY_BY_KEY
from leadgen.demoweb.model import Core, Details
from leadgen.demoweb.sites import association, cndir, company, expo, yellow
from leadgen.demoweb.sites.yellow import YELLOW_CATEGORIES
from leadgen.demoweb.truth import company_truth, world_truth, write_truth
from leadgen.exceptions import InputError


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building 100k small objects triggers many useless GC passes; pause the collector."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class DemoWorld:
    """A generated, deterministic small internet. Build one with :meth:`generate`."""

    def __init__(self, seed: int, cores: list[Core], *, crawl_delay: float,
                 slow_delay: float) -> None:
        self.seed = seed
        self.cores = cores
        self.crawl_delay = crawl_delay
        self.slow_delay = slow_delay
        self.members = [c.index for c in cores if c.in_association]
        self.exhibitors = [c.index for c in cores if c.in_expo]
        self.cn_listed = [c.index for c in cores if c.in_cn]
        self.yellow: dict[str, list[int]] = {slug: [] for slug in YELLOW_CATEGORIES}
        ind_slug = {key: slug for slug, key in YELLOW_CATEGORIES.items()}
        for c in cores:
            if c.in_yellow:
                self.yellow[ind_slug[c.industry]].append(c.index)
        self.by_slug = {c.slug: c.index for c in cores}
        self.by_host: dict[str, int] = {}
        self.aliases: dict[str, int] = {}
        for c in cores:
            if c.domain:
                host = c.host
                assert host is not None
                self.by_host[host] = c.index
                self.aliases[c.domain if c.www else f"www.{c.domain}"] = c.index
        self._details = lru_cache(maxsize=4096)(self._make_details)

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def generate(cls, seed: int = 42, companies: int = 200, *, crawl_delay: float = 1.0,
                 slow_delay: float = 2.5) -> DemoWorld:
        """Generate a world of ``companies`` companies; same arguments, same world."""
        if companies < 1:
            raise InputError(f"demo web: companies must be at least 1, got {companies}")
        factory = CoreFactory(seed)
        with _gc_paused():
            cores = [factory.make(i) for i in range(companies)]
            return cls(seed, cores, crawl_delay=crawl_delay, slow_delay=slow_delay)

    # -- per company -------------------------------------------------------------------------
    def _make_details(self, index: int) -> Details:
        return make_details(self.seed, self.cores[index])

    def details(self, index: int) -> Details:
        """Lazily generated details (address, phones, e-mails, people, site features)."""
        return self._details(index)

    def listed_name(self, index: int, source: str) -> str:
        return variants.listed_name(self.seed, self.cores[index], source)

    def listed_website(self, index: int, source: str) -> str | None:
        return variants.listed_website(self.seed, self.cores[index], source)

    def phone_style(self, index: int, source: str) -> str:
        return variants.listed_phone_style(self.seed, self.cores[index], source)

    def industry_label(self, index: int, lang: str) -> str:
        return INDUSTRY_BY_KEY[self.cores[index].industry].label[lang]

    # -- URLs --------------------------------------------------------------------------------
    def start_urls(self) -> dict[str, list[str]]:
        """Entry URLs of each directory, by source id."""
        return {
            source: [f"http://{SOURCE_HOSTS[source]}{path}" for path in paths]
            for source, paths in START_PATHS.items()
        }

    def hosts(self) -> list[str]:
        return list(SOURCE_HOSTS.values()) + list(self.by_host)

    def association_url(self, index: int) -> str:
        return f"http://{ASSOCIATION_HOST}/members/{self.cores[index].slug}"

    def yellow_id(self, index: int) -> int:
        return 10000 + index

    def yellow_path(self, index: int) -> str:
        """``/company/<id>-<slug>``; Chinese companies get the slug of their English name."""
        c = self.cores[index]
        name = c.name_en.removesuffix(" Co., Ltd.") if c.name_en else c.short_name
        return f"/company/{self.yellow_id(index)}-{slugify(name)}"

    def yellow_url(self, index: int) -> str:
        return f"http://{YELLOW_HOST}{self.yellow_path(index)}"

    def cn_id(self, index: int) -> int:
        return 100000 + index * 3

    def cn_url(self, index: int) -> str:
        return f"http://{CN_HOST}/company/{self.cn_id(index)}.html"

    def expo_id(self, index: int) -> int:
        return 5000 + index

    # -- serving -----------------------------------------------------------------------------
    def handle(self, host: str, path: str, query: str) -> Response | None:
        """Answer one GET; None for a host this world does not have (the server says 502)."""
        host = host.lower().rstrip(".")
        params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
        path = unquote(path) or "/"
        if host == ASSOCIATION_HOST:
            return association.handle(self, path, params)
        if host == EXPO_HOST:
            return expo.handle(self, path, params)
        if host == YELLOW_HOST:
            return yellow.handle(self, path, params)
        if host == CN_HOST:
            return cndir.handle(self, path, params)
        if host in self.by_host:
            return company.handle(self, self.by_host[host], path, params)
        if host in self.aliases:
            target = self.cores[self.aliases[host]].host
            suffix = f"?{query}" if query else ""
            return redirect(f"http://{target}{path}{suffix}")
        return None

    # -- ground truth ------------------------------------------------------------------------
    def listings(self, index: int) -> list[dict[str, Any]]:
        """Every directory entry of one company."""
        c = self.cores[index]
        out: list[dict[str, Any]] = []
        if c.in_association:
            pos = self._position(self.members, index)
            entry = self._listing("demo-association", index, self.association_url(index),
                                  f"http://{ASSOCIATION_HOST}/members?page="
                                  f"{pos // PAGE_SIZES['demo-association'] + 1}")
            entry["record_id"] = c.slug
            out.append(entry)
        if c.in_expo:
            page = self._position(self.exhibitors, index) // PAGE_SIZES["demo-expo"] + 1
            url = f"http://{EXPO_HOST}/exhibitors?page={page}"
            entry = self._listing("demo-expo", index, url, url)
            entry["api_url"] = f"http://{EXPO_HOST}/api/exhibitors?page={page}"
            entry["record_id"] = str(self.expo_id(index))
            out.append(entry)
        if c.in_yellow:
            cat = next(s for s, k in YELLOW_CATEGORIES.items() if k == c.industry)
            page = self._position(self.yellow[cat], index) // PAGE_SIZES["demo-yellowpages"] + 1
            entry = self._listing("demo-yellowpages", index, self.yellow_url(index),
                                  f"http://{YELLOW_HOST}/category/{cat}?page={page}")
            entry["record_id"] = str(self.yellow_id(index))
            out.append(entry)
        if c.in_cn:
            page = self._position(self.cn_listed, index) // PAGE_SIZES["demo-cn-directory"] + 1
            entry = self._listing("demo-cn-directory", index, self.cn_url(index),
                                  f"http://{CN_HOST}/list_{page}.html")
            entry["record_id"] = str(self.cn_id(index))
            out.append(entry)
        return out

    @staticmethod
    def _position(ordered: list[int], index: int) -> int:
        from bisect import bisect_left

        return bisect_left(ordered, index)

    def _listing(self, source: str, index: int, url: str, list_url: str) -> dict[str, Any]:
        return {"source": source, "url": url, "list_url": list_url,
                "name": self.listed_name(index, source)}

    def company_truth(self, index: int) -> dict[str, Any]:
        return company_truth(self, index)

    def iter_truth(self) -> Iterator[dict[str, Any]]:
        for index in range(len(self.cores)):
            yield self.company_truth(index)

    def truth(self) -> dict[str, Any]:
        """The ground truth as a JSON-serializable dict (see the package docstring)."""
        with _gc_paused():
            return world_truth(self)

    def write_truth(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh, _gc_paused():
            write_truth(self, fh)
        return path

    def disallowed(self) -> dict[str, list[str]]:
        return {host: list(prefixes) for host, prefixes in DISALLOWED.items()}
