# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= demo.db

.PHONY: install demo test check browser bench clean fit fit-compare

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Ingests the bundled demo corpus, prints what was understood and the events,
# then serves the web app on http://127.0.0.1:8000 (Ctrl-C to stop).
demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/tidings demo --db $(DB)
	$(BIN)/tidings serve --db $(DB)

# Browser tests need Debian's chromium; install it when we can (root), else they skip.
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-noto-cjk >/dev/null) || \
	  echo "chromium could not be installed: browser tests will be skipped"

# ruff and mypy first: a lint or type error fails the run before the (long) tests.
# The PostgreSQL store tests start a throwaway server when Debian's postgresql is
# installed (.ci/run installs it as root), else they skip saying so.
test: install browser check
	$(BIN)/python -m pytest -q -rs

check: install
	$(BIN)/ruff check src bench tests
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/cluster.py
	$(BIN)/python bench/semeval.py
	$(BIN)/python bench/brief.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/store_lock.py
	$(BIN)/python bench/parallel.py

# Fits the event and story pair models on the demo corpus and ../shared/bench/events-dev,
# writes src/tidings/cluster/weights.json and prints leave-one-group-out figures.
fit: install
	$(BIN)/python -m tidings.cluster.fit

# Fits the graded relatedness model of `tidings compare` on the demo corpus and
# ../shared/bench/events-dev, writes src/tidings/cluster/compare_weights.json and prints
# its leave-one-group-out figures (never reads SemEval).
fit-compare: install
	$(BIN)/python -m tidings.cluster.fit_compare

clean:
	rm -rf $(VENV) build *.egg-info $(DB) $(DB)-wal $(DB)-shm
