"""Data-quality checks for extracted metrics (Great Expectations is imported only when they run)."""

from expectations.metrics_suite import METRIC_CHECKS, CheckOutcome, validate_metrics

__all__ = ["METRIC_CHECKS", "CheckOutcome", "validate_metrics"]
