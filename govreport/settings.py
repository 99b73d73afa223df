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
}
QUIET = {"DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}


def path_setting(name: str, env: Mapping[str, str] | None = None) -> Path:
    """The absolute path a path variable names, or its default."""
    env = os.environ if env is None else env
    return Path(env.get(name) or DEFAULTS[name]).expanduser().resolve()


@dataclass(frozen=True)
class Settings:
    warehouse: Path
    inbox: Path
    quarantine: Path
    dagster_home: Path
    dq_docs: Path
    alert_file: Path
    alert_state: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        return cls(*(path_setting(name, env) for name in DEFAULTS))

    def as_environment(self) -> dict[str, str]:
        return {name: str(getattr(self, f.name)) for name, f in zip(DEFAULTS, fields(self))}


def export_to_environment(settings: Settings | None = None) -> Settings:
    """Put every path setting (absolute) and the quiet flags into os.environ, for Dagster."""
    settings = settings or Settings.from_env()
    os.environ.update(settings.as_environment())
    for name, value in QUIET.items():
        os.environ.setdefault(name, value)
    return settings
