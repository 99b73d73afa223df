"""The Dagster code location: assets, checks, job, sensor, schedule and resources in one place."""
from orchestration.settings import apply_defaults

apply_defaults()

import dagster as dg  # noqa: E402

from orchestration import assets  # noqa: E402
from orchestration.jobs import ingest_reports  # noqa: E402
from orchestration.resources import default_resources  # noqa: E402
from orchestration.schedules import reconcile_inbox  # noqa: E402
from orchestration.sensors import data_quality_alerts, data_quality_alerts_after_failure, inbox_sensor  # noqa: E402

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    jobs=[ingest_reports],
    sensors=[inbox_sensor, data_quality_alerts, data_quality_alerts_after_failure],
    schedules=[reconcile_inbox],
    resources=default_resources(),
)
