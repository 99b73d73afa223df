"""The GX suites as Dagster asset checks, and the per-document verdict of a run.

A run validates chunk by chunk; `Validation` merges the chunks' outcomes into one result
per check, keeps documents failing an ERROR check out of the load, and turns the outcomes
into asset check results and dq_results rows."""

from dataclasses import dataclass, field

import dagster as dg
import pandas as pd

from expectations import METRIC_CHECKS
from transforms.batch import Failure
from transforms.rules.units import known_units
from warehouse.schema import utc_now

WARN_CHECKS = frozenset({"unit_known", "percentage_in_range"})

METRIC_CHECK_SPECS = [dg.AssetCheckSpec(name, asset="metrics", description=description)
                      for name, description in METRIC_CHECKS]
DOCUMENT_CHECK_SPECS: list[dg.AssetCheckSpec] = []
HISTORY_CHECK_SPECS: list[dg.AssetCheckSpec] = []


def severity_of(check: str) -> str:
    return "WARN" if check in WARN_CHECKS else "ERROR"


@dataclass
class CheckTally:
    """One check's outcome merged over the chunks of a run."""

    name: str
    asset: str
    description: str
    failing_documents: dict[str, str] = field(default_factory=dict)  # document_id -> observed
    rows_checked: int = 0

    @property
    def passed(self) -> bool:
        return not self.failing_documents


@dataclass
class Validation:
    tallies: dict[str, CheckTally] = field(default_factory=dict)
    quarantined: list[Failure] = field(default_factory=list)
    documents: int = 0
    metrics: int = 0

    def add_chunk(self, frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        """Validate one chunk; return its frames without the documents failing an ERROR check."""
        from expectations import validate_metrics

        metrics = frames["metrics"]
        failing_by_document: dict[str, list[str]] = {}
        if len(metrics):
            for outcome in validate_metrics(metrics, known_units()):
                tally = self.tallies.setdefault(
                    outcome.name, CheckTally(outcome.name, "metrics", outcome.description))
                tally.rows_checked += len(metrics)
                for metric_id in outcome.failing_metric_ids:
                    document_id = metric_id.split(":", 1)[0]
                    tally.failing_documents.setdefault(document_id, str(outcome.observed))
                    if severity_of(outcome.name) == "ERROR":
                        failing_by_document.setdefault(document_id, []).append(outcome.name)
        documents = frames["documents"]
        rejected = documents[documents["document_id"].isin(failing_by_document)]
        for row in rejected.itertuples():
            checks = ", ".join(sorted(set(failing_by_document[row.document_id])))
            self.quarantined.append(Failure(row.source_path, row.document_id, row.format,
                                            f"failed data-quality checks: {checks}"))
        kept = {table: frame[~frame["document_id"].isin(failing_by_document)]
                for table, frame in frames.items()}
        self.documents += len(kept["documents"])
        self.metrics += len(kept["metrics"])
        return kept

    def quarantined_failures(self) -> list[Failure]:
        return list(self.quarantined)

    def summary(self) -> dict[str, int]:
        return {"documents": self.documents, "metrics": self.metrics, "quarantined": len(self.quarantined)}

    def check_results(self):
        for name, description in METRIC_CHECKS:
            tally = self.tallies.get(name) or CheckTally(name, "metrics", description)
            yield dg.AssetCheckResult(
                asset_key=tally.asset, check_name=name, passed=tally.passed,
                severity=dg.AssetCheckSeverity(severity_of(name)), description=description,
                metadata={"rows_checked": tally.rows_checked,
                          "failing_documents": len(tally.failing_documents),
                          "failing_document_ids": list(tally.failing_documents)[:50]})

    def results_frame(self, run_id: str) -> pd.DataFrame:
        now = utc_now()
        rows = []
        for name, description in METRIC_CHECKS:
            tally = self.tallies.get(name) or CheckTally(name, "metrics", description)
            base = {"run_id": run_id, "suite": tally.asset, "check_name": name,
                    "severity": severity_of(name), "evaluated_at": now, "description": description}
            if tally.passed:
                rows.append({**base, "passed": True, "observed_value": None, "document_id": None})
            rows.extend({**base, "passed": False, "observed_value": observed, "document_id": document_id}
                        for document_id, observed in tally.failing_documents.items())
        return pd.DataFrame(rows, columns=["run_id", "suite", "check_name", "severity", "passed",
                                           "observed_value", "document_id", "evaluated_at", "description"])

    @staticmethod
    def history(con, run_id: str) -> list:
        return []
