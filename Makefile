# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
# Both install the exact versions in uv.lock (the ones the tests passed with) into .venv with uv,
# which comes from PyPI into .tools/. After changing the dependencies in pyproject.toml, run
# `make lock` and commit uv.lock with it.
PYTHON ?= python3
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
TOOLS := .tools
UV := $(TOOLS)/bin/uv
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false
# uv uses the machine's Python (never downloads one) and installs into .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

PORT ?= 3000
WEB_PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: run test setup lock samples serve screenshots clean-warehouse

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

# --compile-bytecode: every module installed is compiled once here. Without it each process
# compiles what it imports from source whenever Python may not write its cache
# (PYTHONDONTWRITEBYTECODE, a read-only .venv): about 8 of an ingest's CPU seconds, half of
# importing Dagster and GX (README, "Outside the chunk stages"). The Makefile is a prerequisite so
# that a .venv made before this flag gets its bytecode at the next make.
$(STAMP): pyproject.toml uv.lock Makefile | $(UV)
	@$(UV) lock --check --quiet --python $(PYTHON) || { \
	  echo "uv.lock does not match pyproject.toml: run \`make lock\` and commit uv.lock with it" >&2; exit 1; }
	$(UV) sync --frozen --extra test --compile-bytecode --python $(PYTHON)
	touch $(STAMP)

## setup: .venv with the locked versions (make run and make test do this first)
setup: $(STAMP)

## lock: resolve pyproject.toml's dependencies again into uv.lock (keeps the locked versions that still fit)
lock: | $(UV)
	$(UV) lock --python $(PYTHON)

## run: ingest the bundled sample reports into the warehouse through the Dagster job
run: $(STAMP)
	$(BIN)/govreport ingest data/samples

## test: the whole pytest suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## serve: Dagster UI (PORT, default 3000) and daemon, and the analysts' web app (WEB_PORT, default 8080);
## both stop together (Ctrl+C); a port already taken stops it before anything starts
serve: $(STAMP)
	mkdir -p data/inbox
	$(BIN)/python -m orchestration.instance
	@$(BIN)/python -m govreport.serve --host $(HOST) --port $(PORT) --web-port $(WEB_PORT)

## screenshots: the README's pictures of the web app (headless Chromium on the sample warehouse)
screenshots: $(STAMP)
	GOVREPORT_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q tests/test_web_browser.py -k screenshots

## samples: re-render the docx/pdf/html/txt samples from data/sample-sources
samples: $(STAMP)
	$(BIN)/python scripts/render_samples.py

clean-warehouse:
	rm -f data/warehouse.duckdb data/warehouse.duckdb.wal
