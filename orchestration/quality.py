"""The GX suites as Dagster asset checks, and the per-document verdict of a run.

A run validates chunk by chunk; `Validation` keeps each chunk's documents that fail an
ERROR check out of the load, and merges the chunks' outcomes into one result per check for
the asset checks, the dq_results rows, the Data Docs and the alerts. Every failed check's
alerts ride in its check's metadata (`alerts`), where the alert sensor and `govreport
ingest` find them."""

from dataclasses import dataclass, field
from datetime import date

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
    quarantine_reason,
    split_batch,
)
from transforms.batch import Failure
from transforms.rules.units import known_units
from warehouse.schema import utc_now

ALERTS_METADATA_KEY = "alerts"
SUITE_ASSETS = {"documents": "documents", "metrics": "metrics", "history": "warehouse_tables"}
DOCUMENT_NAME_COLUMNS = ["document_id", "source_path", "title"]


def _specs(checks, asset: str) -> list[dg.AssetCheckSpec]:
    return [dg.AssetCheckSpec(name, asset=asset, description=description) for name, description in checks]


DOCUMENT_CHECK_SPECS = _specs(DOCUMENT_CHECKS, "documents")
METRIC_CHECK_SPECS = _specs(METRIC_CHECKS, "metrics")
HISTORY_CHECK_SPECS = _specs(HISTORY_CHECKS, "warehouse_tables")


class UnattributedCheckFailure(RuntimeError):
    """An ERROR check failed without naming the documents at fault: nothing of the chunk
    can be trusted to load, so the step fails (and is retried) instead."""


@dataclass
class Validation:
    """The data-quality side of one run's parsed documents."""

    outcomes: list[CheckOutcome] = field(default_factory=list)
    suite_runs: list[SuiteRun] = field(default_factory=list)
    quarantined: list[Failure] = field(default_factory=list)
    document_names: list[pd.DataFrame] = field(default_factory=list)
    documents: int = 0
    metrics: int = 0

    def add_chunk(self, frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        """Validate one chunk; return its frames without the documents failing an ERROR check."""
        from expectations import validate_documents, validate_metrics

        runs = [validate_documents(frames["documents"], date.today()),
                validate_metrics(frames["metrics"], known_units(), frames["documents"])]
        chunk = [outcome for run in runs for outcome in run]
        split = split_batch(chunk)
        if split.unattributed:
            raise UnattributedCheckFailure(
                f"ERROR check(s) {', '.join(split.unattributed)} failed without naming a document")
        documents = frames["documents"]
        for row in documents[documents["document_id"].isin(split.quarantined)].itertuples():
            self.quarantined.append(Failure(row.source_path, row.document_id, row.format,
                                            quarantine_reason(chunk, row.document_id)))
        self.suite_runs.extend(run for run in runs if self._worth_showing(run))
        self.outcomes.extend(chunk)
        self.document_names.append(documents[DOCUMENT_NAME_COLUMNS])
        kept = {table: frame[~frame["document_id"].isin(split.quarantined)] for table, frame in frames.items()}
        self.documents += len(kept["documents"])
        self.metrics += len(kept["metrics"])
        return kept

    def _worth_showing(self, run: SuiteRun) -> bool:
        """Data Docs show each suite's first chunk and every chunk with a failure; keeping
        the GX results of every clean chunk would hold megabytes per thousand files."""
        return not any(kept.suite == run.suite for kept in self.suite_runs) or not all(o.passed for o in run)

    def merged(self) -> list[CheckOutcome]:
        return merge_outcomes(self.outcomes)

    def names(self) -> pd.DataFrame:
        frames = [f for f in self.document_names if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=DOCUMENT_NAME_COLUMNS)

    def check_results(self):
        """One result per document and metric check; a check with no rows to see passes."""
        yield from check_results(self.merged(), [*DOCUMENT_CHECKS, *METRIC_CHECKS], self.names())

    def results_frame(self, run_id: str) -> pd.DataFrame:
        return outcomes_frame(self.merged(), run_id, utc_now())


def check_results(outcomes: list[CheckOutcome], checks, documents: pd.DataFrame):
    """AssetCheckResults for `checks` (name, description), each failed one carrying its alerts."""
    from expectations import CHECKS

    by_name = {o.name: o for o in outcomes}
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
    from expectations import read_history_frames, validate_history
    from warehouse import append_dq_results

    frames = read_history_frames(con)
    run = validate_history(frames)
    append_dq_results(con, outcomes_frame(list(run), run_id, utc_now()))
    return list(check_results(list(run), HISTORY_CHECKS, frames.documents)), run


def _plain(value):
    """JSON-safe copy of an observed-values dict (numpy scalars and tuples made plain)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value.item() if hasattr(value, "item") else value
