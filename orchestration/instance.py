"""The Dagster instance's settings file, written by the commands that start Dagster (never at
import): `govreport ingest` before its run, `python -m orchestration.instance` before `make serve`
or before starting the cluster's daemon and workers.

One file per profile (GOVREPORT_PROFILE): `local` keeps the instance in SQLite under
DAGSTER_HOME; `cluster` keeps it in PostgreSQL, so the daemon, the webserver, `govreport ingest`
and every Celery worker on every host see the same runs. Both queue runs through the daemon's
run coordinator with a cap, limit every pool (warehouse_writer) to one step, and turn on the
daemon's run monitoring, which fails launched runs whose worker died."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from govreport.settings import Settings, SettingError

OUR_MARK = "# govreport instance settings"

COMMON = """telemetry:
  enabled: false
concurrency:
  runs:
    max_concurrent_runs: {max_runs}  # the daemon's run queue launches at most this many at once
  pools:
    default_limit: 1  # one warehouse_writer step at a time across all runs
run_monitoring:
  enabled: true  # a launched run whose process died is marked failed and its pool slots freed
  poll_interval_seconds: 30
  start_timeout_seconds: 180
  free_slots_after_run_end_seconds: 30  # a finished run's pool slots are given back
python_logs:
  managed_python_loggers:
    - warehouse  # lock waits and retries of the warehouse show in the run's log
"""

POSTGRES = """storage:
  postgres:
    postgres_db:
      hostname: {hostname}
      port: {port}
      db_name: {db_name}
      username: {username}
      password: {password}
      scheme: postgresql+psycopg2  # SQLAlchemy 2.1 reads a bare postgresql:// as psycopg 3
"""


def dagster_yaml(settings: Settings) -> str:
    """The instance settings for the settings' profile."""
    text = f"{OUR_MARK} ({settings.profile}; rewritten by govreport while this line is here)\n"
    if settings.is_cluster:
        text += POSTGRES.format(**postgres_fields(settings.postgres_url))
    return text + COMMON.format(max_runs=settings.max_concurrent_runs)


def postgres_fields(url: str) -> dict[str, str | int]:
    """GOVREPORT_POSTGRES_URL (postgresql[+psycopg2]://user[:password]@host[:port]/db) split
    into dagster-postgres's postgres_db fields."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgresql") or not parts.hostname or not parts.path.strip("/"):
        raise SettingError(f"GOVREPORT_POSTGRES_URL is {url!r}: use postgresql+psycopg2://USER:PASSWORD@HOST:PORT/DB")
    return {"hostname": parts.hostname, "port": parts.port or 5432, "db_name": parts.path.strip("/"),
            "username": unquote(parts.username or "postgres"),
            "password": _yaml_string(unquote(parts.password or ""))}


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def prepare_instance(settings: Settings) -> Path:
    """Create DAGSTER_HOME with our dagster.yaml for the profile; a dagster.yaml someone else
    wrote is kept."""
    home = settings.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    wanted = dagster_yaml(settings)
    current = config.read_text(encoding="utf-8") if config.exists() else None
    if current != wanted and (current is None or current.startswith(OUR_MARK)):
        config.write_text(wanted, encoding="utf-8")
    return home


if __name__ == "__main__":
    from govreport.settings import export_to_environment

    print(prepare_instance(export_to_environment()))
