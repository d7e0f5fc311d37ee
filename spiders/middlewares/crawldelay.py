"""Enforce robots.txt ``Crawl-delay``, which Scrapy parses but does not apply.

When a host's robots.txt names a Crawl-delay for our user agent, that host's downloader slot gets
concurrency 1, no jitter, and a delay of at least the Crawl-delay. The delay is also written into
``downloader.per_slot_settings`` (``DOWNLOAD_SLOTS``), so a slot that is garbage-collected and
re-created keeps it, and :class:`spiders.middlewares.throttle.FloorAutoThrottle` never lowers a slot
below it.

Scrapy measures a slot's delay from when it *sent* the previous request. On a busy event loop the
previous request may leave late while the next leaves on time, so the server could see a shorter
gap. With concurrency 1 we instead restart the clock when the previous response *arrives*: the next
request then leaves at least Crawl-delay after the server received the previous one. A request
that fails without a response keeps the send-time clock; ``CRAWLDELAY_MARGIN`` (seconds added to
every Crawl-delay) absorbs the event-loop lag in that case.

One process may run several crawlers (one per source), each with its own downloader. Sources on
one host run one after another (:func:`leadgen.crawler.host_groups`), and a process-wide clock per
host makes the next crawler's first request wait for the previous crawler's last response.

Stats: ``crawldelay/hosts`` (hosts with a Crawl-delay), ``crawldelay/delayed`` (requests sent to
such hosts), ``crawldelay/waited`` (requests held back for another crawler's last response),
``crawldelay/max_delay``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from time import monotonic
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import task

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.core.downloader import Downloader
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)


@dataclass
class HostClock:
    """A host's Crawl-delay and when its last response arrived (``time.monotonic()``)."""

    delay: float
    last: float = 0.0


#: Process-wide, shared by every crawler of the process: host -> its clock.
HOST_CLOCKS: dict[str, HostClock] = {}


class CrawlDelayMiddleware:
    """Downloader middleware applying each host's robots.txt Crawl-delay to its slot."""

    def __init__(self, crawler: Crawler, user_agent: str, max_delay: float, margin: float = 0.0):
        self.crawler = crawler
        self.user_agent = user_agent
        self.max_delay = max_delay
        self.margin = margin
        #: host -> enforced delay in seconds
        self.delays: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not (settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("CRAWLDELAY_ENABLED")):
            raise NotConfigured
        user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        middleware = cls(
            crawler,
            user_agent,
            settings.getfloat("CRAWLDELAY_MAX"),
            settings.getfloat("CRAWLDELAY_MARGIN"),
        )
        crawler.signals.connect(middleware._robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(
            middleware._response_downloaded, signal=signals.response_downloaded
        )
        return middleware

    @property
    def _downloader(self) -> Downloader:
        assert self.crawler.engine is not None
        return self.crawler.engine.downloader

    def _robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        delay = robotparser.crawl_delay(self.user_agent)
        if not delay or delay <= 0:
            return
        if delay > self.max_delay:
            # Still obeyed: a site asking for more than we want to wait gets what it asks for,
            # the operator only learns why the crawl is slow.
            logger.warning(
                "robots.txt of %s asks for Crawl-delay %.1fs (above CRAWLDELAY_MAX %.1fs); "
                "obeying it, the crawl of this host will be slow",
                host, delay, self.max_delay,
            )
        enforced = float(delay) + self.margin
        self.delays[host] = enforced
        clock = HOST_CLOCKS.setdefault(host, HostClock(enforced))
        clock.delay = max(clock.delay, enforced)
        clock.last = monotonic()
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("crawldelay/hosts")
        stats.max_value("crawldelay/max_delay", float(delay))
        logger.info("obeying Crawl-delay %.2fs for %s", delay, host)
        self._apply(host, restart_clock=True)

    def _apply(self, key: str, restart_clock: bool = False) -> None:
        """Make the slot of ``key`` (and any later re-creation of it) obey the delay."""
        delay = self.delays[key]
        downloader = self._downloader
        slot_settings: dict[str, Any] = dict(downloader.per_slot_settings.get(key, {}))
        slot_settings["delay"] = max(float(slot_settings.get("delay", 0.0)), delay)
        slot_settings["concurrency"] = 1
        slot_settings["jitter"] = 0.0
        downloader.per_slot_settings[key] = slot_settings
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.concurrency = 1
            slot.jitter = 0.0
            if restart_clock:
                slot.lastseen = monotonic()

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        key = self._slot_key(request)
        clock = HOST_CLOCKS.get(key)
        if clock is not None and key not in self.delays:
            self.delays[key] = clock.delay  # learned by an earlier crawler of this process
        if key not in self.delays:
            return
        self._apply(key)  # cheap; survives slot garbage collection and AutoThrottle
        stats = self.crawler.stats
        assert stats is not None
        if not request.meta.get("dont_obey_robotstxt"):
            stats.inc_value("crawldelay/delayed")
        wait = clock.last + clock.delay - monotonic() if clock is not None else 0.0
        if wait > 0 and not self._downloader.slots.get(key):
            # This crawler has not talked to the host yet, another one just did.
            stats.inc_value("crawldelay/waited")
            from twisted.internet import reactor

            await maybe_deferred_to_future(task.deferLater(reactor, wait))

    def _slot_key(self, request: Request) -> str:
        return self._downloader.get_slot_key(request)

    def _response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        key = request.meta.get("download_slot")
        if key not in self.delays:
            return
        if key in HOST_CLOCKS:
            HOST_CLOCKS[key].last = monotonic()
        slot = self._downloader.slots.get(key)
        if slot is not None:
            # Restart the clock at arrival, see the module docstring.
            slot.lastseen = monotonic()
            slot.delay = max(slot.delay, self.delays[key])
