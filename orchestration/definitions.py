"""The Dagster code location: assets, checks, job, sensor, schedule and resources in one place."""
import dagster as dg

from orchestration import assets
from orchestration.jobs import ingest_reports
from orchestration.resources import default_resources
from orchestration.schedules import reconcile_inbox
from orchestration.sensors import data_quality_alerts, data_quality_alerts_after_failure, inbox_sensor

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    jobs=[ingest_reports],
    sensors=[inbox_sensor, data_quality_alerts, data_quality_alerts_after_failure],
    schedules=[reconcile_inbox],
    resources=default_resources(),
)
