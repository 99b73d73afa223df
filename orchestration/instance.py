"""The Dagster instance's settings file, written by the commands that start Dagster (never at
import): `govreport ingest` before its run, `python -m orchestration.instance` before `make serve`."""
from __future__ import annotations

from pathlib import Path

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


def prepare_instance(home: Path) -> Path:
    """Create DAGSTER_HOME with our dagster.yaml; a dagster.yaml someone else wrote is kept."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    current = config.read_text(encoding="utf-8") if config.exists() else None
    if current != DAGSTER_YAML and (current is None or current.startswith(OUR_MARK)):
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    return home


if __name__ == "__main__":
    from govreport.settings import export_to_environment

    print(prepare_instance(export_to_environment().dagster_home))
