"""The Dagster code location: assets, checks, job and resources assembled in one place."""
from orchestration.settings import apply_defaults

apply_defaults()

import dagster as dg  # noqa: E402

from orchestration import assets, checks  # noqa: E402
from orchestration.jobs import ingest_reports  # noqa: E402
from orchestration.resources import default_resources  # noqa: E402

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=[checks.metrics_suite],
    jobs=[ingest_reports],
    resources=default_resources(),
)
