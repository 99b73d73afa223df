"""Data-quality checks on reports and metrics, the outcomes that decide quarantine, the
dq_results rows, GX Data Docs and alerts (Great Expectations is imported only when a suite runs)."""

from expectations.alerts import Alert, AlertSettings, Delivery, alerts_from_outcomes, deliver_once
from expectations.checks import CHECKS, ERROR, WARN, Check, CheckOutcome, SuiteRun
from expectations.data_docs import DATA_DOCS_DIR, build_data_docs
from expectations.documents_suite import DOCUMENT_CHECKS, validate_documents
from expectations.history_suite import HISTORY_CHECKS, HistoryFrames, validate_history
from expectations.metrics_suite import METRIC_CHECKS, validate_metrics
from expectations.results import (
    DQ_RESULT_COLUMNS,
    BatchSplit,
    merge_outcomes,
    outcomes_frame,
    quarantine_reason,
    split_batch,
)

__all__ = [
    "Alert", "AlertSettings", "BatchSplit", "CHECKS", "Check", "CheckOutcome", "DATA_DOCS_DIR",
    "DOCUMENT_CHECKS", "DQ_RESULT_COLUMNS", "Delivery", "ERROR", "HISTORY_CHECKS", "HistoryFrames",
    "METRIC_CHECKS", "SuiteRun", "WARN", "alerts_from_outcomes", "build_data_docs", "deliver_once",
    "merge_outcomes", "outcomes_frame", "quarantine_reason", "split_batch",
    "validate_documents", "validate_history", "validate_metrics",
]
