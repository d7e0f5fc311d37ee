"""Joining and reading URLs found in pages, which are often malformed."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import etree

from leadgen.normalize.website import domain_parts


def registered_domain(url: str) -> str:
    """The registered domain of a URL or bare host ("www.acme.co.uk/x" -> "acme.co.uk")."""
    try:
        parts = domain_parts(url if "://" in url else "http://" + url)
    except ValueError:
        return ""
    return f"{parts.domain}.{parts.suffix}".lower() if parts.suffix else parts.domain.lower()


def absolute(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base``; None for empty, script, mail or malformed links."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        joined = urljoin(base, href)
        urlsplit(joined).hostname  # noqa: B018 - raises ValueError on "http://[Replace]/"
    except ValueError:
        return None
    return joined


def base_url(root: etree._Element, url: str) -> str:
    """The URL relative links resolve against: ``<base href>`` if the page sets one."""
    base = root.find(".//base[@href]")
    if base is not None:
        resolved = absolute(url, base.get("href"))
        if resolved:
            return resolved
    return url
