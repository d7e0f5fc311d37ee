"""Website reachability: does it answer, where does it redirect, is it parked or for sale.

``classify_website`` judges a fetched home page (the crawl reuses its own response);
``fetch_website`` fetches one itself for ``leadgen enrich --check-only``, checking every redirect
hop with the :class:`enrich.safety.URLGuard` and reading at most ``max_bytes``.

============ ================== ============================================================
status       reason             when
============ ================== ============================================================
invalid      no_domain          the host does not resolve
invalid      parked / for_sale  the page matches a rule in ``data/parked.yaml``
invalid      http_<code>        the final answer is a 4xx error
invalid      unsafe             the URL or a redirect points at a private address (refused)
unknown      no_answer          connection refused, reset or timed out
unknown      too_large          the answer is above the size cap (``DOWNLOAD_MAXSIZE``)
unknown      robots_disallowed  (crawl) robots.txt forbids the home page: not fetched
unknown      http_<code>        a 5xx error: may be temporary
risky        redirects_offsite  ends on another registered domain (details: final_url)
risky        default_page /     a server's default page, or "coming soon"
             coming_soon
valid        ok                 answers 200 on its own domain
============ ================== ============================================================
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from enrich.checks.result import CheckResult, Status
from enrich.safety import URLGuard
from leadgen.exceptions import UnsafeURLError
from leadgen.normalize.website import domain_parts

RULES_FILE = Path(__file__).with_name("data") / "parked.yaml"
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def registered_domain(url_or_host: str) -> str:
    """The registered domain of a URL or host ("www.acme.co.uk" → "acme.co.uk")."""
    parts = domain_parts(url_or_host)
    return parts.top_domain_under_public_suffix or parts.domain


@dataclass(frozen=True)
class PageRule:
    """A parked-page rule from ``data/parked.yaml``."""

    reason: str
    status: Status
    min_hits: int
    text: tuple[re.Pattern[str], ...]
    markup: tuple[re.Pattern[str], ...]

    def hits(self, text: str, markup: str) -> list[str]:
        """The patterns that match the visible text or the raw markup."""
        found = [p.pattern for p in self.text if p.search(text)]
        found += [p.pattern for p in self.markup if p.search(markup)]
        return found


@cache
def load_rules(path: Path = RULES_FILE) -> tuple[PageRule, ...]:
    """The parked/for-sale rules, in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        PageRule(
            reason=rule["reason"],
            status=rule["status"],
            min_hits=int(rule.get("min_hits", 1)),
            text=tuple(re.compile(p, re.I) for p in rule.get("text", [])),
            markup=tuple(re.compile(p, re.I) for p in rule.get("markup", [])),
        )
        for rule in data.values()
    )


def classify_website(
    start_url: str, final_url: str, status_code: int, html: str, redirects: list[str] | None = None
) -> CheckResult:
    """Judge a home page that was fetched: its HTTP status, final URL and content."""
    details: dict[str, Any] = {
        "http_status": status_code,
        "final_url": final_url,
        "redirects": list(redirects or []),
    }
    if status_code >= 500:
        return CheckResult("unknown", f"http_{status_code}", details)
    if status_code >= 400:
        return CheckResult("invalid", f"http_{status_code}", details)
    text = " ".join(_TAGS.sub(" ", html[:300_000]).split())
    for rule in load_rules():
        hits = rule.hits(text, html[:300_000])
        if len(hits) >= rule.min_hits:
            details["matched"] = hits
            return CheckResult(rule.status, rule.reason, details)
    if registered_domain(final_url) != registered_domain(start_url):
        details["final_domain"] = registered_domain(final_url)
        return CheckResult("risky", "redirects_offsite", details)
    return CheckResult("valid", "ok", details)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def fetch_website(
    url: str,
    guard: URLGuard,
    proxy_url: str | None = None,
    max_bytes: int = 1_000_000,
    timeout: float = 10.0,
    max_redirects: int = 5,
    user_agent: str = "leadgen-enrich",
) -> CheckResult:
    """Fetch ``url``, following redirects by hand so each hop passes the guard, and judge it."""
    handlers: list[Any] = [_NoRedirect()]
    handlers.append(urllib.request.ProxyHandler({"http": proxy_url, "https": proxy_url}
                                                if proxy_url else {}))
    opener = urllib.request.build_opener(*handlers)
    current, redirects = url, list[str]()
    for _ in range(max_redirects + 1):
        try:
            guard.check(current)
        except UnsafeURLError as exc:
            reason = "no_domain" if "cannot resolve" in str(exc) else "unsafe"
            status: Status = "invalid"
            return CheckResult(status, reason, {"error": str(exc), "redirects": redirects})
        request = urllib.request.Request(current, headers={"User-Agent": user_agent})
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                redirects.append(current)
                current = urljoin(current, exc.headers["Location"])
                continue
            body = exc.read(max_bytes).decode("utf-8", "replace")
            return classify_website(url, current, exc.code, body, redirects)
        except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as exc:
            return CheckResult("unknown", "no_answer", {"error": str(exc), "redirects": redirects})
        with response:
            body_bytes = response.read(max_bytes)
            charset = response.headers.get_content_charset() or "utf-8"
            return classify_website(
                url, current, response.status, body_bytes.decode(charset, "replace"), redirects
            )
    return CheckResult("risky", "too_many_redirects", {"redirects": redirects})
