"""Scrapy settings for every leadgen crawl: all defaults in one place, grouped by concern.

A profile's ``crawl:`` section and the CLI override some of these per run
(:mod:`leadgen.crawl_run`, :func:`leadgen.crawler.run_crawl`); tests override the delays.
Settings of our own components are documented in their modules under ``spiders/middlewares/``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    _VERSION = version("leadgen")
except PackageNotFoundError:  # running from a source tree that was never installed
    _VERSION = "0.1.0"

BOT_NAME = "leadgen"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# --- Identity -----------------------------------------------------------------------------------
#: Where a site owner learns who crawls them and how to opt out; shown in the User-Agent.
#: The default is a placeholder: real crawls should point it at the operator's own page.
LEADGEN_CONTACT_URL = "https://example.com/leadgen-bot"  # set yours: a page saying who you are
#: ``leadgen/<version> (+<contact URL>)``; :func:`leadgen.crawler.run_crawl` rebuilds it when
#: only ``LEADGEN_CONTACT_URL`` is overridden.
USER_AGENT = f"leadgen/{_VERSION} (+{LEADGEN_CONTACT_URL})"

# --- robots.txt ---------------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
#: Enforce robots.txt Crawl-delay per host (spiders/middlewares/crawldelay.py).
CRAWLDELAY_ENABLED = True
#: A Crawl-delay above this is still obeyed, with a warning that the host will be slow.
CRAWLDELAY_MAX = 30.0
#: Seconds added to every Crawl-delay: slack for event-loop lag when a request fails.
CRAWLDELAY_MARGIN = 0.05

# --- Politeness and throughput ------------------------------------------------------------------
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
#: Minimum delay between requests to one host; robots.txt Crawl-delay raises it per host.
DOWNLOAD_DELAY = 0.25
#: ±25% random variation of DOWNLOAD_DELAY (hosts with a Crawl-delay get none: never below it).
DOWNLOAD_DELAY_JITTER = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
COOKIES_ENABLED = True
# No listening ports: a crawl opens no telnet console and no remote-control HTTP server.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- Safety caps --------------------------------------------------------------------------------
#: A directory page above 5 MB is not a directory page; 1 MB deserves a warning.
DOWNLOAD_MAXSIZE = 5_000_000
DOWNLOAD_WARNSIZE = 1_000_000
URLLENGTH_LIMIT = 2000
#: Navigation hops from the start URLs; pagination does not count (spiders/middlewares/depth.py).
DEPTH_LIMIT = 8
#: Pages per source (0 = no cap); set from the source's ``max_pages``.
LEADGEN_MAX_PAGES = 2000
#: Calendar and path-repetition traps (spiders/middlewares/traps.py).
TRAPS_ENABLED = True
TRAPS_DATE_WINDOW_DAYS = 92
TRAPS_DATE_PATTERN_BUDGET = 12
TRAPS_MAX_SEGMENT_REPEATS = 3
#: ISO date the date window is centred on (default: today); for reproducible tests.
TRAPS_TODAY: str | None = None
#: Strip session ids and tracking parameters from URLs (spiders/middlewares/canonicalize.py).
LEADGEN_CANONICALIZE_URLS = True
REQUEST_FINGERPRINTER_CLASS = "spiders.middlewares.fingerprint.CanonicalRequestFingerprinter"

# --- Network ------------------------------------------------------------------------------------
#: HTTP proxy for every request, robots.txt included (the demo web); None = direct.
LEADGEN_PROXY: str | None = None

# --- Resumable runs and development cache -------------------------------------------------------
#: Set per run (``--jobdir``) to pause with Ctrl-C and resume; requests are pickled there.
JOBDIR: str | None = None
#: Cache every response on disk while developing a source (profile ``crawl.http_cache``,
#: ``--cache``); a second run then replays without touching the site.
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 0
HTTPCACHE_IGNORE_HTTP_CODES = [500, 502, 503, 504, 429]

# --- Components ---------------------------------------------------------------------------------
SPIDER_MIDDLEWARES = {
    "spiders.middlewares.canonicalize.CanonicalizeUrlMiddleware": 650,
    "spiders.middlewares.traps.TrapMiddleware": 660,
    # Pagination keeps its listing's depth.
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "spiders.middlewares.depth.PaginationDepthMiddleware": 900,
}
DOWNLOADER_MIDDLEWARES = {
    # An unreachable robots.txt (5xx, no answer) disallows the site, as RFC 9309 says.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.middlewares.robots.UnreachableRobotsDisallowMiddleware": 100,
    # After OffsiteMiddleware (50) and robots.txt (100): refused requests cost nothing.
    "spiders.middlewares.crawldelay.CrawlDelayMiddleware": 110,
    "spiders.middlewares.pagecap.PageCapMiddleware": 120,
    # Before HttpProxyMiddleware (750), which reads meta["proxy"].
    "spiders.middlewares.proxy.ProxyMiddleware": 740,
}
EXTENSIONS = {
    "scrapy.extensions.throttle.AutoThrottle": None,
    "spiders.middlewares.throttle.FloorAutoThrottle": 0,
}

# --- Item pipelines: the numbers give the order of the stages ---------------------------------
ITEM_PIPELINES: dict[str, int] = {
    "pipelines.validate.ValidateLeadPipeline": 100,
    "pipelines.normalize.NormalizeLeadPipeline": 200,
    "pipelines.suppress.SuppressionPipeline": 300,
    "pipelines.store.StoreLeadPipeline": 900,
}
#: Database the store pipeline writes to (None: LEADGEN_DATABASE_URL or data/leads.db).
LEADGEN_DATABASE_URL: str | None = None
#: Phone region used when neither the record nor its source tells one.
LEADGEN_DEFAULT_REGION: str | None = None

# --- Misc ---------------------------------------------------------------------------------------
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
