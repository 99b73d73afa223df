"""Configuration, read in one place: environment variables with project defaults.

Relative defaults resolve against the working directory (the project root for `make` and
`dagster dev`). Dagster needs DAGSTER_HOME absolute and is kept quiet: telemetry off."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "GOVREPORT_WAREHOUSE": "data/warehouse.duckdb",
    "GOVREPORT_INBOX": "data/inbox",
    "GOVREPORT_QUARANTINE": "data/quarantine",
    "DAGSTER_HOME": ".dagster",
    "GOVREPORT_DQ_DOCS": "data/dq-docs",
    "GOVREPORT_ALERT_FILE": "data/alerts.jsonl",
    "GOVREPORT_ALERT_STATE": "data/alerts-sent.sqlite",
}
QUIET = {"DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}
# Written to DAGSTER_HOME when it has no dagster.yaml (or has an older one of ours).
DAGSTER_YAML = """# govreport instance settings (rewritten by govreport while this line is here)
telemetry:
  enabled: false
concurrency:
  pools:
    default_limit: 1  # one warehouse_writer step at a time across all runs
python_logs:
  managed_python_loggers:
    - warehouse  # lock waits and retries of the warehouse show in the run's log
"""
OUR_MARK = "# govreport instance settings"


def apply_defaults() -> None:
    """Fill unset variables with absolute default paths and prepare DAGSTER_HOME."""
    for name, default in DEFAULTS.items():
        os.environ[name] = str(Path(os.environ.get(name) or default).expanduser().resolve())
    for name, value in QUIET.items():
        os.environ.setdefault(name, value)
    home = Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    current = config.read_text(encoding="utf-8") if config.exists() else None
    if current != DAGSTER_YAML and (current is None or current.startswith(OUR_MARK)):
        config.write_text(DAGSTER_YAML, encoding="utf-8")


def setting(name: str) -> Path:
    apply_defaults()
    return Path(os.environ[name])
