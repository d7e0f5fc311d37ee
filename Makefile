# Every target creates and reuses the virtualenv by itself.
VENV ?= .venv
PY := $(VENV)/bin/python
INDUSTRY ?= demo
PYTEST_ARGS ?=

.PHONY: venv crawl test bench lint demo-web clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

## make crawl INDUSTRY=demo: crawl, enrich and score profile INDUSTRY into data/leads.db
crawl: venv
	$(VENV)/bin/leadgen run --profile $(INDUSTRY)

## make test: the whole test suite (PostgreSQL tests use LEADGEN_TEST_PG_URL or a local server)
test: venv
	@bash .ci/postgres.sh || echo "make test: no PostgreSQL server; PostgreSQL tests will be skipped"
	LEADGEN_TEST_PG_URL=$${LEADGEN_TEST_PG_URL:-$$(cat .ci/.pg_url 2>/dev/null)} \
	  $(PY) -m pytest -n 2 -q $(PYTEST_ARGS)

## make bench: benchmarks, writing tests/bench/RESULTS.md (BENCH_ARGS=--quick for a smoke run)
bench: venv
	$(PY) -m tests.bench $(BENCH_ARGS)

lint: venv
	$(VENV)/bin/ruff check leadgen spiders pipelines enrich tests
	$(VENV)/bin/mypy

## make demo-web: serve the demo web on 127.0.0.1 until Ctrl-C
demo-web: venv
	$(VENV)/bin/leadgen demo-web

clean:
	rm -rf $(VENV) data .scrapy
