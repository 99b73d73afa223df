"""Configuration, read in one place: environment variables over the project's defaults.

Reading settings has no side effects. Relative paths resolve against the working directory
(the project root for `make`). `export_to_environment` is for the commands that start Dagster,
which reads DAGSTER_HOME and the resources' EnvVars from the process environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

DEFAULTS = {
    "GOVREPORT_WAREHOUSE": "data/warehouse.duckdb",
    "GOVREPORT_INBOX": "data/inbox",
    "GOVREPORT_QUARANTINE": "data/quarantine",
    "DAGSTER_HOME": ".dagster",
    "GOVREPORT_DQ_DOCS": "data/dq-docs",
    "GOVREPORT_ALERT_FILE": "data/alerts.jsonl",
    "GOVREPORT_ALERT_STATE": "data/alerts-sent.sqlite",
    "GOVREPORT_SHARED": ".dagster/shared",  # batch manifests, staged rows, step outputs: the same path on every host
}
# How Dagster runs (see README "Past one machine"): `local` is one process over this machine's
# cores with SQLite instance storage; `cluster` is PostgreSQL storage, the daemon's run queue
# and Celery workers fed through a Redis broker.
PROFILES = ("local", "cluster")
RUN_DEFAULTS = {
    "GOVREPORT_PROFILE": "local",
    "GOVREPORT_POSTGRES_URL": "postgresql+psycopg2://dagster@localhost:5432/dagster",
    "GOVREPORT_CELERY_BROKER": "redis://localhost:6379/0",
    "GOVREPORT_MAX_CONCURRENT_RUNS": "4",
    "GOVREPORT_CHUNK_FILES": "250",  # files per chunk step and process (memory, and GX's fixed cost per chunk)
}
QUIET = {"DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}


def path_setting(name: str, env: Mapping[str, str] | None = None) -> Path:
    """The absolute path a path variable names, or its default."""
    env = os.environ if env is None else env
    return Path(env.get(name) or DEFAULTS[name]).expanduser().resolve()


class SettingError(ValueError):
    """A setting has a value the project cannot use; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    warehouse: Path
    inbox: Path
    quarantine: Path
    dagster_home: Path
    dq_docs: Path
    alert_file: Path
    alert_state: Path
    shared: Path
    profile: str = "local"
    postgres_url: str = RUN_DEFAULTS["GOVREPORT_POSTGRES_URL"]
    celery_broker: str = RUN_DEFAULTS["GOVREPORT_CELERY_BROKER"]
    max_concurrent_runs: int = 4
    chunk_files: int = 250

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        run = {name: env.get(name) or default for name, default in RUN_DEFAULTS.items()}
        if run["GOVREPORT_PROFILE"] not in PROFILES:
            raise SettingError(f"GOVREPORT_PROFILE is {run['GOVREPORT_PROFILE']!r}: use one of {', '.join(PROFILES)}")
        return cls(*(path_setting(name, env) for name in DEFAULTS), profile=run["GOVREPORT_PROFILE"],
                   postgres_url=run["GOVREPORT_POSTGRES_URL"], celery_broker=run["GOVREPORT_CELERY_BROKER"],
                   max_concurrent_runs=_count(run, "GOVREPORT_MAX_CONCURRENT_RUNS"),
                   chunk_files=_count(run, "GOVREPORT_CHUNK_FILES"))

    @property
    def is_cluster(self) -> bool:
        return self.profile == "cluster"

    def as_environment(self) -> dict[str, str]:
        values = [getattr(self, f.name) for f in fields(self)]
        return {name: str(value) for name, value in zip([*DEFAULTS, *RUN_DEFAULTS], values)}


def _count(values: Mapping[str, str], name: str) -> int:
    try:
        count = int(values[name])
    except ValueError:
        count = 0
    if count < 1:
        raise SettingError(f"{name} is {values[name]!r}: use a whole number of at least 1")
    return count


def export_to_environment(settings: Settings | None = None) -> Settings:
    """Put every path setting (absolute) and the quiet flags into os.environ, for Dagster."""
    settings = settings or Settings.from_env()
    os.environ.update(settings.as_environment())
    for name, value in QUIET.items():
        os.environ.setdefault(name, value)
    return settings
