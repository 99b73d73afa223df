# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false

.PHONY: run test setup samples serve clean-warehouse

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

## serve: Dagster webserver (http://127.0.0.1:3000) and daemon: the inbox sensor and the daily schedule fire
serve: $(STAMP)
	mkdir -p data/inbox
	$(BIN)/python -m orchestration.instance
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

## samples: re-render the docx/pdf/html/txt samples from data/sample-sources
samples: $(STAMP)
	$(BIN)/python scripts/render_samples.py

clean-warehouse:
	rm -f data/warehouse.duckdb data/warehouse.duckdb.wal
