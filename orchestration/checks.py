"""GX 1.x validation of the metrics asset, one Dagster asset check per suite check.

Run inside the check (dagster-ge supports only GX < 1). Structural checks are ERROR, checks on
plausibility WARN; none blocks the load yet (document-level quarantine is for a later issue)."""

import dagster as dg
import pandas as pd

from expectations import METRIC_CHECKS
from transforms.rules.units import known_units

WARN_CHECKS = frozenset({"unit_known", "percentage_in_range"})


def severity_of(check: str) -> dg.AssetCheckSeverity:
    return dg.AssetCheckSeverity.WARN if check in WARN_CHECKS else dg.AssetCheckSeverity.ERROR


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(name, asset="metrics", description=description)
           for name, description in METRIC_CHECKS],
    ins={"metrics": dg.AssetIn("metrics")},
)
def metrics_suite(metrics: pd.DataFrame):
    from expectations import validate_metrics

    for outcome in validate_metrics(metrics, known_units()):
        yield dg.AssetCheckResult(
            asset_key="metrics", check_name=outcome.name, passed=outcome.passed,
            severity=severity_of(outcome.name), description=outcome.description,
            metadata={**{k: v for k, v in outcome.observed.items() if isinstance(v, (int, float, str))},
                      "failing_metric_ids": list(outcome.failing_metric_ids)})
