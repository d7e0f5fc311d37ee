"""The enrichment crawl: spider, safety middleware, storing pipeline and the runner."""
