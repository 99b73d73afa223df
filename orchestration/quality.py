"""The GX suites as Dagster asset checks.

A run validates chunk by chunk where the chunks are parsed (orchestration/chunks.py); here the
chunks' outcomes become one result per check for the asset checks and the dq_results rows.
Every failed check's alerts ride in its check's metadata (`alerts`), where the alert sensor and
`govreport ingest` find them."""

import dagster as dg
import pandas as pd

from expectations import (
    DOCUMENT_CHECKS,
    HISTORY_CHECKS,
    METRIC_CHECKS,
    CheckOutcome,
    SuiteRun,
    alerts_from_outcomes,
    merge_outcomes,
    outcomes_frame,
)
from warehouse.schema import utc_now

ALERTS_METADATA_KEY = "alerts"
SUITE_ASSETS = {"documents": "documents", "metrics": "metrics", "history": "warehouse_tables"}


def _specs(checks, asset: str) -> list[dg.AssetCheckSpec]:
    return [dg.AssetCheckSpec(name, asset=asset, description=description) for name, description in checks]


DOCUMENT_CHECK_SPECS = _specs(DOCUMENT_CHECKS, "documents")
METRIC_CHECK_SPECS = _specs(METRIC_CHECKS, "metrics")
HISTORY_CHECK_SPECS = _specs(HISTORY_CHECKS, "warehouse_tables")


def results_frame(outcomes: list[CheckOutcome], run_id: str) -> pd.DataFrame:
    """The dq_results rows of a run's per-chunk suites: one result per check, chunks merged."""
    return outcomes_frame(merge_outcomes(outcomes), run_id, utc_now())


def check_results(outcomes: list[CheckOutcome], checks, documents: pd.DataFrame):
    """AssetCheckResults for `checks` (name, description), each failed one carrying its alerts;
    the outcomes of several chunks are merged first, and a check with no rows to see passes."""
    from expectations import CHECKS

    by_name = {o.name: o for o in merge_outcomes(outcomes)}
    for name, description in checks:
        check = CHECKS[name]
        outcome = by_name.get(name)
        alerts = alerts_from_outcomes([outcome], documents) if outcome else []
        yield dg.AssetCheckResult(
            asset_key=SUITE_ASSETS[check.suite], check_name=name,
            passed=outcome.passed if outcome else True,
            severity=dg.AssetCheckSeverity(check.severity), description=description,
            metadata={
                "failing_documents": len(outcome.failing_document_ids) if outcome else 0,
                "failing_document_ids": list(outcome.failing_document_ids[:50]) if outcome else [],
                "observed": dg.MetadataValue.json(_plain(outcome.observed) if outcome else {}),
                ALERTS_METADATA_KEY: dg.MetadataValue.json([a.to_dict() for a in alerts]),
            })


def alerts_of_evaluation(evaluation) -> list:
    """The alerts a failed asset check evaluation carries in its metadata."""
    from expectations import Alert

    if evaluation.passed or ALERTS_METADATA_KEY not in evaluation.metadata:
        return []
    return [Alert.from_dict(d) for d in evaluation.metadata[ALERTS_METADATA_KEY].value]


def history_check_results(con, run_id: str) -> tuple[list, SuiteRun]:
    """Run the across-documents suite on the loaded warehouse, store its dq_results rows,
    and return its asset check results with the suite run (for the Data Docs)."""
    from expectations import HistoryFrames, validate_history
    from expectations.vocabulary import core_indicators
    from warehouse import append_dq_results
    from warehouse.quality import history_frames

    frames = HistoryFrames(*history_frames(con, core_indicators()))
    run = validate_history(frames)
    append_dq_results(con, outcomes_frame(list(run), run_id, utc_now()))
    return list(check_results(list(run), HISTORY_CHECKS, frames.documents)), run


def _plain(value):
    """JSON-safe copy of an observed-values dict: numpy scalars and tuples made plain, dates and
    times (a publish date a check saw, numpy's or pandas' too) in ISO form, NaN as null, anything
    else as its text: a value a check observed must never fail the run."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not hasattr(value, "isoformat"):
        value = value.item()  # numpy scalar; a datetime64 becomes a datetime (or an int of ns)
    if hasattr(value, "isoformat"):
        return None if value != value else value.isoformat()  # pandas' NaT is not equal to itself
    if isinstance(value, float) and value != value:
        return None
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)
