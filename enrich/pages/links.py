"""Which links of a company website lead to its contact, imprint, about and team pages.

Words per page kind live in ``data/links.yaml``; a link scores the best weight among the words
found in its visible text, ``title`` attribute or URL path, and links are returned best first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import yaml
from lxml import etree

LINKS_FILE = Path(__file__).with_name("data") / "links.yaml"


@dataclass(frozen=True)
class LinkRules:
    """Compiled link words: (kind, weight, pattern) per word, plus the skip patterns."""

    words: tuple[tuple[str, int, re.Pattern[str]], ...]
    skip: tuple[re.Pattern[str], ...]


def _word_pattern(word: str) -> re.Pattern[str]:
    escaped = re.escape(word.lower()).replace(r"\ ", r"[\s_\-]*").replace(r"\-", r"[\s_\-]*")
    if re.match(r"^[\w\s\-]+$", word, re.ASCII):
        return re.compile(rf"(?<![a-z]){escaped}(?![a-z])")
    return re.compile(escaped)


@cache
def load_rules(path: Path = LINKS_FILE) -> LinkRules:
    """The link rules of ``data/links.yaml``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = []
    for kind, group in data.items():
        if kind == "skip":
            continue
        for word in group["words"]:
            words.append((kind, int(group["weight"]), _word_pattern(str(word))))
    skip = tuple(re.compile(re.escape(str(w).lower())) for w in data["skip"]["words"])
    return LinkRules(tuple(words), skip)


@dataclass(frozen=True)
class FactLink:
    """A link worth fetching, with why."""

    url: str
    score: int
    kind: str
    text: str


def score_link(text: str, url: str) -> tuple[int, str]:
    """(weight, kind) of the best rule the link's text or URL path matches; (0, "") if none."""
    rules = load_rules()
    parts = urlsplit(url)
    haystack_url = unquote(parts.path + ("?" + parts.query if parts.query else "")).lower()
    haystack_text = " ".join(text.split()).lower()
    if any(p.search(haystack_url) or p.search(haystack_text) for p in rules.skip):
        return 0, ""
    best, kind = 0, ""
    for word_kind, weight, pattern in rules.words:
        if weight > best and (pattern.search(haystack_text) or pattern.search(haystack_url)):
            best, kind = weight, word_kind
    return best, kind


def canonical_page_url(url: str) -> str:
    """The URL without fragment, for telling pages apart."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def fact_links(root: etree._Element, page_url: str, base_url: str | None = None) -> list[FactLink]:
    """Links of the page to contact/imprint/about/team pages, best first, one per URL."""
    best: dict[str, FactLink] = {}
    base = base_url or page_url
    for anchor in root.iterfind(".//a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        url = canonical_page_url(urljoin(base, href))
        if not url.startswith(("http://", "https://")):
            continue
        text = " ".join(
            t for t in (anchor.text_content(), anchor.get("title") or "", anchor.get("aria-label")
                        or "") if t
        )
        score, kind = score_link(text, url)
        if score and (url not in best or best[url].score < score):
            best[url] = FactLink(url, score, kind, " ".join(text.split())[:80])
    return sorted(best.values(), key=lambda link: (-link.score, len(link.url)))
