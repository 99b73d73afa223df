# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false

PORT ?= 3000
WEB_PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: run test setup samples serve screenshots clean-warehouse

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

## run: ingest the bundled sample reports into the warehouse through the Dagster job
run: $(STAMP)
	$(BIN)/govreport ingest data/samples

## test: the whole pytest suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## serve: Dagster UI (PORT, default 3000) and daemon, and the analysts' web app (WEB_PORT, default 8080);
## both stop together (Ctrl+C); a port already taken stops it before anything starts
serve: $(STAMP)
	@$(BIN)/python -m govreport.ports $(HOST) $(PORT) $(WEB_PORT)
	mkdir -p data/inbox
	$(BIN)/python -m orchestration.instance
	@$(BIN)/govreport web --host $(HOST) --port $(WEB_PORT) & web=$$!; \
	trap 'kill $$web 2>/dev/null' EXIT INT TERM; \
	$(BIN)/dagster dev -m orchestration.definitions -h $(HOST) -p $(PORT)

## screenshots: the README's pictures of the web app (headless Chromium on the sample warehouse)
screenshots: $(STAMP)
	GOVREPORT_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q tests/test_web_browser.py -k screenshots

## samples: re-render the docx/pdf/html/txt samples from data/sample-sources
samples: $(STAMP)
	$(BIN)/python scripts/render_samples.py

clean-warehouse:
	rm -f data/warehouse.duckdb data/warehouse.duckdb.wal
