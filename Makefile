# wirecoder developer commands.  Quick start: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/dev.lock
SHARED ?= ../shared

.PHONY: install demo test test-fast lint format eval bench fuzz loadtest lock clean

$(STAMP): pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install everything pinned (with hashes)

demo: $(STAMP)  ## run the pipeline on the example article and print the summary
	$(BIN)/wirecoder extract examples/article.txt --format table

test: $(STAMP)  ## the test suite (the command CI runs); installs Debian's chromium when root
	@tools/ensure_chromium.sh
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser and not ray"

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/ruff format --check src tests tools bench

format: $(STAMP)
	$(BIN)/ruff check --fix src tests tools bench
	$(BIN)/ruff format src tests tools bench

eval: $(STAMP)  ## score every stage on the dev sets and write docs/scoreboard.md
	$(BIN)/python tools/scoreboard.py --shared $(SHARED) --out docs/scoreboard.md

bench: $(STAMP)  ## benchmarks on the Wikinews corpora; writes docs/benchmarks.md
	$(BIN)/python bench/run.py --shared $(SHARED) --out docs/benchmarks.md

fuzz: $(STAMP)  ## bounded atheris run over the readers
	$(BIN)/python tools/fuzz_readers.py -atheris_runs=20000

loadtest: $(STAMP)  ## bounded load test of the HTTP API on loopback
	$(BIN)/python tools/loadtest.py

lock:  ## regenerate requirements/*.lock (needs the package registry)
	$(PY) tools/lock.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
