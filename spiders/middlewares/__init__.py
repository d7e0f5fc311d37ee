"""Crawl components: one small Scrapy middleware or extension per module.

Each is switched on in :mod:`leadgen.settings`, reads its settings in ``from_crawler`` (raising
``NotConfigured`` to turn itself off) and counts what it does in namespaced stats.
"""
