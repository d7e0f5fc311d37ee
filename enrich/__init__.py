"""Enrichment: visit each company's own website, find how to reach it, check that it works.

- :mod:`enrich.safety`: refuse URLs whose hosts resolve to private, loopback or metadata addresses.
- :mod:`enrich.checks`: reachability checks of e-mails, phones and websites (no SMTP by default).
- :mod:`enrich.pages`: page objects for company websites (people, facts, contact links).
- :mod:`enrich.crawl`: the Scrapy enrichment crawl; :mod:`enrich.store` writes what it found.
- :mod:`enrich.report`: the per-company contact summary used by ``leadgen export``.
"""
