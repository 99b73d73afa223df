"""What the pipeline does with outcomes: merge chunks, pick the documents to quarantine,
write the dq_results rows (warehouse/quality.py reads them back for `govreport checks`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Iterable

from expectations.checks import ERROR, CheckOutcome
from expectations.gx_runner import MAX_FAILING_IDS

if TYPE_CHECKING:
    import pandas as pd

DQ_RESULT_COLUMNS = (
    "run_id", "suite", "check_name", "severity", "passed", "observed_value", "document_id",
    "evaluated_at", "description", "metric_ids",
)


@dataclass(frozen=True)
class BatchSplit:
    """Which documents an ERROR check keeps out of the load.

    `quarantined` maps each such document to the ERROR checks it failed. `unattributed`
    names ERROR checks that failed without naming a document (the check itself could not
    run, or failing rows had no document_id): the caller decides whether to load at all.
    """

    quarantined: dict[str, tuple[str, ...]]
    unattributed: tuple[str, ...]


def merge_outcomes(outcomes: Iterable[CheckOutcome]) -> list[CheckOutcome]:
    """One outcome per check, in first-seen order, from the outcomes of several batches
    (a run validated in chunks): counts add up, failing ids and observations join."""
    grouped: dict[str, list[CheckOutcome]] = {}
    for outcome in outcomes:
        grouped.setdefault(outcome.name, []).append(outcome)
    return [_merged(group) if len(group) > 1 else group[0] for group in grouped.values()]


def _merged(group: list[CheckOutcome]) -> CheckOutcome:
    first = group[0]
    failing_documents = [d for o in group for d in o.failing_document_ids]
    return replace(
        first,
        passed=all(o.passed for o in group),
        observed=_merged_observed([o.observed for o in group]),
        failing_metric_ids=tuple(m for o in group for m in o.failing_metric_ids)[:MAX_FAILING_IDS],
        failing_document_ids=tuple(dict.fromkeys(failing_documents)),
        observed_by_document={d: text for o in group for d, text in o.observed_by_document.items()},
        metrics_by_document=_joined_metrics([o.metrics_by_document for o in group]),
    )


def _joined_metrics(mappings: list) -> dict[str, tuple[str, ...]]:
    """Per document, the failing metric_ids of every chunk, each once."""
    joined: dict[str, tuple[str, ...]] = {}
    for mapping in mappings:
        for document_id, ids in mapping.items():
            joined[document_id] = tuple(dict.fromkeys(joined.get(document_id, ()) + tuple(ids)))
    return joined


def _merged_observed(observations: list[dict]) -> dict:
    """Counts summed, lists joined (values capped), per-column counts summed."""
    merged: dict = {}
    for observed in observations:
        for key, value in observed.items():
            if isinstance(value, bool) or not isinstance(value, (int, list, dict)):
                merged.setdefault(key, value)
            elif isinstance(value, int):
                merged[key] = merged.get(key, 0) + value
            elif isinstance(value, list):
                merged[key] = merged.get(key, []) + value
            else:
                columns = merged.setdefault(key, {})
                for column, count in value.items():
                    columns[column] = columns.get(column, 0) + count
    if "unexpected_values" in merged:
        merged["unexpected_values"] = merged["unexpected_values"][:MAX_FAILING_IDS]
    return merged


def split_batch(outcomes: Iterable[CheckOutcome]) -> BatchSplit:
    """Documents to quarantine (failed an ERROR check), each with the checks it failed."""
    quarantined: dict[str, list[str]] = {}
    unattributed = []
    for outcome in outcomes:
        if outcome.passed or outcome.severity != ERROR:
            continue
        for document_id in outcome.failing_document_ids:
            quarantined.setdefault(document_id, []).append(outcome.name)
        if not outcome.failing_document_ids or outcome.observed.get("rows_without_document"):
            unattributed.append(outcome.name)
    return BatchSplit({d: tuple(names) for d, names in quarantined.items()}, tuple(unattributed))


def quarantine_reason(outcomes: Iterable[CheckOutcome], document_id: str) -> str:
    """The ERROR failures of one document, one line each: `check: observed — description`."""
    return "\n".join(
        f"{o.name}: {o.observed_by_document[document_id]} — {o.description}"
        for o in outcomes
        if not o.passed and o.severity == ERROR and document_id in o.observed_by_document
    )


def outcomes_frame(outcomes: Iterable[CheckOutcome], run_id: str, evaluated_at: datetime) -> pd.DataFrame:
    """The dq_results rows of a run's outcomes.

    One passed=false row per (check, failing document), with the metric_ids of the
    document's failing rows (None for a check on documents); one passed=false row without a
    document for a failure naming none; one passed=true row without a document per
    check that passed.
    """
    import pandas as pd

    rows = [
        {
            "run_id": run_id, "suite": outcome.suite, "check_name": outcome.name,
            "severity": outcome.severity, "passed": passed, "observed_value": observed,
            "document_id": document_id, "evaluated_at": evaluated_at,
            "description": outcome.description,
            "metric_ids": list(outcome.metrics_by_document[document_id])
            if document_id in outcome.metrics_by_document else None,
        }
        for outcome in outcomes
        for document_id, passed, observed in _result_rows(outcome)
    ]
    return pd.DataFrame(rows, columns=list(DQ_RESULT_COLUMNS)).astype({"passed": bool})


def _result_rows(outcome: CheckOutcome) -> list[tuple[str | None, bool, str]]:
    """(document_id, passed, observed_value) of each row one outcome contributes."""
    if outcome.passed:
        return [(None, True, batch_observed(outcome))]
    rows: list[tuple[str | None, bool, str]] = [
        (document_id, False, outcome.observed_by_document.get(document_id, ""))
        for document_id in outcome.failing_document_ids
    ]
    if not outcome.failing_document_ids or outcome.observed.get("rows_without_document"):
        rows.append((None, False, batch_observed(outcome)))
    return rows


def batch_observed(outcome: CheckOutcome) -> str:
    """A check's observation over the whole batch, e.g. "3 of 120 rows failed"."""
    observed = outcome.observed
    if "exceptions" in observed:
        return "the check could not run: " + "; ".join(observed["exceptions"])
    if "skipped" in observed:
        return f"skipped: {observed['skipped']}"
    failing = observed.get("failing_rows", observed["unexpected_count"])
    text = f"{failing} of {observed['element_count']} rows failed"
    orphans = observed.get("rows_without_document")
    return f"{text} ({orphans} without a document_id)" if orphans else text
