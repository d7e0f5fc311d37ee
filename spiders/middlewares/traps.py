"""Drop requests into crawler traps: endless calendars and self-repeating paths.

A calendar links every month to the next, forever. Three rules bound what a trap can cost:

- a URL naming a date outside a window around today (``TRAPS_DATE_WINDOW_DAYS``) is dropped;
- URLs that name a date share a budget per URL shape (digits masked):
  ``TRAPS_DATE_PATTERN_BUDGET`` requests per shape, so ``/events?day=2026-11-01``,
  ``...-02``, ... cost at most that many requests together;
- a path repeating one segment ``TRAPS_MAX_SEGMENT_REPEATS`` times or more
  (``/a/b/a/b/a/b``, from relative links resolved against the wrong base) is dropped.

Stats: ``traps/ignored`` and ``traps/ignored/<rule>``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlsplit

from scrapy.exceptions import NotConfigured
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

_SEP = r"[-/._]"
#: 2026-11-05, 2026/11/05, 2026-11, 2026/11, 20261105 (year 1900-2199).
_DATE_IN_TEXT = re.compile(
    rf"(?<!\d)((?:19|20|21)\d\d)(?:({_SEP})(\d{{1,2}})(?:\2(\d{{1,2}}))?|(\d\d)(\d\d))(?!\d)"
)
_YEAR_KEYS = frozenset({"year", "yr", "y", "jahr", "annee"})
_MONTH_KEYS = frozenset({"month", "mon", "m", "monat", "mois"})


def dates_in_url(url: str) -> list[date]:
    """Every calendar date a URL names, in its path or query (months count as their 1st day)."""
    parts = urlsplit(url)
    found: list[date] = []
    for text in (unquote(parts.path), unquote(parts.query)):
        for match in _DATE_IN_TEXT.finditer(text):
            year = int(match.group(1))
            month_text = match.group(3) or match.group(5)
            day_text = match.group(4) or match.group(6) or "1"
            try:
                found.append(date(year, int(month_text), int(day_text)))
            except ValueError:
                continue
    query = {key.lower(): value for key, value in parse_qsl(parts.query)}
    year_value = next((query[k] for k in _YEAR_KEYS if k in query), None)
    month_value = next((query[k] for k in _MONTH_KEYS if k in query), None)
    if year_value and year_value.isdigit() and len(year_value) == 4:
        month = int(month_value) if month_value and month_value.isdigit() else 1
        try:
            found.append(date(int(year_value), month, 1))
        except ValueError:
            pass
    return found


def url_shape(url: str) -> str:
    """The URL with its digits masked: every page of one calendar has the same shape."""
    parts = urlsplit(url)
    return re.sub(r"\d+", "9", f"{parts.netloc}{parts.path}?{parts.query}")


def has_repeated_segments(url: str, limit: int) -> bool:
    """True when one path segment occurs ``limit`` times or more."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return bool(segments) and max(Counter(segments).values()) >= limit


class TrapMiddleware(BaseSpiderMiddleware):
    """Spider middleware dropping requests into calendar and path-repetition traps."""

    def __init__(self, crawler: Crawler, today: date, window_days: int, budget: int, repeats: int):
        super().__init__(crawler)
        self.earliest = today - timedelta(days=window_days)
        self.latest = today + timedelta(days=window_days)
        self.budget = budget
        self.repeats = repeats
        self.spent: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("TRAPS_ENABLED"):
            raise NotConfigured
        today_text = settings.get("TRAPS_TODAY")
        today = date.fromisoformat(today_text) if today_text else date.today()
        return cls(
            crawler,
            today,
            settings.getint("TRAPS_DATE_WINDOW_DAYS"),
            settings.getint("TRAPS_DATE_PATTERN_BUDGET"),
            settings.getint("TRAPS_MAX_SEGMENT_REPEATS"),
        )

    def trap_rule(self, url: str) -> str | None:
        """The name of the rule ``url`` breaks, or None; counts the URL against its budget."""
        if self.repeats and has_repeated_segments(url, self.repeats):
            return "repeated_path"
        dates = dates_in_url(url)
        if not dates:
            return None
        if any(not self.earliest <= day <= self.latest for day in dates):
            return "date_window"
        shape = url_shape(url)
        if self.spent[shape] >= self.budget:
            return "date_budget"
        self.spent[shape] += 1
        return None

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if request.dont_filter:
            return request
        rule = self.trap_rule(request.url)
        if rule is None:
            return request
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("traps/ignored")
        stats.inc_value(f"traps/ignored/{rule}")
        logger.debug("trap (%s): ignoring %s", rule, request.url)
        return None
