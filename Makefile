PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench bench-data eval kb crosswalk clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	rm -f detente.duckdb
	$(BIN)/detente run examples/abe_trump_2017.txt --date 2017-02-10 --db detente.duckdb --quiet
	$(BIN)/detente run examples/singapore_summit_2018.txt --date 2018-06-12 --db detente.duckdb --quiet
	$(BIN)/detente run examples/ --db detente.duckdb
	$(BIN)/detente brief examples/abe_trump_2017.txt --date 2017-02-10

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

bench: setup
	$(BIN)/python benchmarks/throughput.py --n 500 --write BENCHMARKS.md

# Deduplication and panels: 500 AllSides articles coded for real, and a synthetic 1M-event store.
bench-data: setup
	$(BIN)/python benchmarks/dedup_allsides.py --n 500 --write BENCHMARKS.md
	$(BIN)/python benchmarks/store_queries.py --events 1000000 --write BENCHMARKS.md

eval: setup
	$(BIN)/detente eval quotes
	$(BIN)/detente eval events
	$(BIN)/detente eval actors

kb: setup
	$(BIN)/python scripts/build_kb.py

# The COW / Gleditsch-Ward / FIPS crosswalk; countrycode is needed at build time only.
crosswalk: setup
	$(BIN)/python -m pip install --quiet countrycode
	$(BIN)/python scripts/build_crosswalk.py

clean:
	rm -rf $(VENV) detente.duckdb .pytest_cache
