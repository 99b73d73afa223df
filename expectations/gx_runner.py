"""Running GX expectations on pandas frames and folding their results into CheckOutcomes.

Great Expectations is imported only here, inside functions: importing it costs seconds.
Every frame is validated in the process's one ephemeral context with the COMPLETE result format and
*no* unexpected_index_column_names: GX then returns the positions of all failing rows
cheaply (naming columns makes it look up every failing row cell by cell, seconds for
50,000 rows), and the failing rows' documents and ids are read back from the frame here.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from expectations.checks import CHECKS, CheckOutcome, SuiteRun, checks_of

if TYPE_CHECKING:
    import pandas as pd

MAX_FAILING_IDS = 50
MAX_SHOWN_CHARS = 60
DOCUMENT_COLUMN = "document_id"
METRIC_COLUMN = "metric_id"


@dataclass(frozen=True)
class Batch:
    """One frame and the expectations run on it, by check name.

    The frame has a RangeIndex (GX reports failing rows by index) and a document_id
    column; context_columns are shown beside a failing value to make it readable.
    """

    name: str
    frame: pd.DataFrame
    expectations: Mapping[str, Sequence[Any]]
    context_columns: tuple[str, ...] = ()
    skipped: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def rows_per_document(self) -> dict[str, int]:
        return self.frame[DOCUMENT_COLUMN].value_counts().to_dict()


def import_gx() -> Any:
    """Import great_expectations with usage analytics off (must be set before the import)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations

    return great_expectations


def run_suite(suite: str, batches: Sequence[Batch]) -> SuiteRun:
    """Validate each batch and return one outcome per check of `suite`, in table order.

    Every check of the suite must be run or skipped by exactly one batch.
    """
    context = ephemeral_context()
    outcomes: dict[str, CheckOutcome] = {}
    gx_results = []
    for batch in batches:
        with _validating:
            result = _validate(context, batch)
        gx_results.append(result)
        for name in batch.expectations:
            results = [r for r in result.results if r.expectation_config.meta["check"] == name]
            outcomes[name] = _outcome(name, batch, results)
        for name, reason in batch.skipped.items():
            outcomes[name] = _skipped_outcome(name, len(batch.frame), reason)
    expected = [check.name for check in checks_of(suite)]
    if sorted(outcomes) != sorted(expected):
        raise ValueError(f"suite {suite}: checks run {sorted(outcomes)}, table has {sorted(expected)}")
    return SuiteRun(suite, tuple(outcomes[name] for name in expected), tuple(gx_results))


_context: Any = None  # this process's ephemeral context (a forked worker inherits its parent's)
_validating = threading.Lock()  # validations share the context's names: one at a time


def ephemeral_context() -> Any:
    """One ephemeral context per process: making one costs a large part of a validation, and
    each validation removes what it added (_validate), so runs never see each other's."""
    global _context
    if _context is None:
        gx = import_gx()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        _context = gx.get_context(mode="ephemeral")
        _context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return _context


def _validate(context: Any, batch: Batch) -> Any:
    """Validate the batch's frame against its expectations, each tagged with its check.

    A ValidationDefinition fetches the batch once; `Batch.validate` would fetch it twice,
    and GX fingerprints the whole frame at every fetch.
    """
    gx = import_gx()
    expectations = []
    for name, group in batch.expectations.items():
        for expectation in group:
            expectation.meta = {"check": name}
            expectations.append(expectation)
    result_format = {
        "result_format": "COMPLETE",
        "partial_unexpected_count": MAX_FAILING_IDS,
        "return_unexpected_index_query": False,
    }
    try:
        suite = context.suites.add(gx.ExpectationSuite(name=batch.name, expectations=expectations))
        batch_definition = (
            context.data_sources.add_pandas(batch.name)
            .add_dataframe_asset(batch.name)
            .add_batch_definition_whole_dataframe(batch.name)
        )
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=batch.name, data=batch_definition, suite=suite)
        )
        return definition.run(batch_parameters={"dataframe": batch.frame}, result_format=result_format)
    finally:
        _remove(context, batch.name)


def _remove(context: Any, name: str) -> None:
    """Take the validation definition, data source and suite called `name` out of the context
    (those that were added), so the next validation can add its own under the same name."""
    for store in (context.validation_definitions, context.data_sources, context.suites):
        try:
            store.delete(name)
        except Exception:  # not added: the validation failed before it got there
            continue


def _outcome(name: str, batch: Batch, results: list[Any]) -> CheckOutcome:
    """Fold the results of one check's expectations into a single CheckOutcome."""
    check = CHECKS[name]
    errors = [_exception_message(r) for r in results if _exception_message(r)]
    if errors:
        return CheckOutcome(name, False, check.description, {"exceptions": errors}, (),
                            check.severity, check.suite, (), {})
    observed = _observed(results)
    if all(r.success for r in results):
        return CheckOutcome(name, True, check.description, observed, (),
                            check.severity, check.suite, (), {})
    failing = _first_failure_per_row(results)
    rows = batch.frame.iloc[sorted(failing)]
    documents = rows[DOCUMENT_COLUMN]
    observed["failing_rows"] = len(failing)
    observed["rows_without_document"] = int(documents.isna().sum())
    return CheckOutcome(
        name, False, check.description, observed,
        _failing_metric_ids(rows),
        check.severity, check.suite,
        tuple(str(d) for d in documents.dropna().unique()),
        _observed_by_document(batch, rows, failing),
        _metrics_by_document(rows),
    )


def _skipped_outcome(name: str, element_count: int, reason: str) -> CheckOutcome:
    check = CHECKS[name]
    observed = {"element_count": element_count, "unexpected_count": 0, "skipped": reason}
    return CheckOutcome(name, True, check.description, observed, (),
                        check.severity, check.suite, (), {})


def _exception_message(result: Any) -> str | None:
    """The message of an exception GX caught while evaluating an expectation, if any."""
    info = result.exception_info or {}
    return info.get("exception_message") if info.get("raised_exception") else None


def _observed(results: list[Any]) -> dict:
    """Counts and offending values; per-column counts when a check spans several columns."""
    stats = [r.result for r in results]
    observed = {
        "element_count": max((s.get("element_count") or 0 for s in stats), default=0),
        "unexpected_count": sum(s.get("unexpected_count") or 0 for s in stats),
        "unexpected_values": _present(
            count["value"] for s in stats for count in s.get("partial_unexpected_counts", [])
        )[:MAX_FAILING_IDS],
    }
    if len(results) > 1:
        observed["unexpected_count_by_column"] = {
            _checked_columns(r)[0]: r.result["unexpected_count"]
            for r in results
            if r.result.get("unexpected_count")
        }
    return observed


def _first_failure_per_row(results: list[Any]) -> dict[int, Any]:
    """Each failing row position mapped to the first expectation result that flagged it."""
    failing: dict[int, Any] = {}
    for result in results:
        for position in result.result.get("unexpected_index_list") or ():
            failing.setdefault(int(position), result)
    return failing


def _failing_metric_ids(rows: pd.DataFrame) -> tuple[str, ...]:
    """Distinct metric_ids of failing rows, in row order (capped); rows lacking one skipped."""
    if METRIC_COLUMN not in rows:
        return ()
    ids = rows[METRIC_COLUMN].dropna().astype(str).unique()
    return tuple(ids[:MAX_FAILING_IDS])


def _metrics_by_document(rows: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Per failing document, the distinct metric_ids of its failing rows, in row order."""
    if METRIC_COLUMN not in rows:
        return {}
    named = rows[rows[DOCUMENT_COLUMN].notna() & rows[METRIC_COLUMN].notna()]
    return {str(document_id): tuple(dict.fromkeys(group[METRIC_COLUMN].astype(str)))
            for document_id, group in named.groupby(DOCUMENT_COLUMN, sort=False)}


def _observed_by_document(batch: Batch, rows: pd.DataFrame, failing: dict[int, Any]) -> dict[str, str]:
    """Per failing document: how many of its rows failed and the first failing row shown.

    e.g. "3 of 120 rows; e.g. value=120 (120% 养老服务覆盖率)"; a document with one row
    in the frame gets the example alone.
    """
    failed_rows = rows[DOCUMENT_COLUMN].value_counts().to_dict()
    first_rows = rows[rows[DOCUMENT_COLUMN].notna()].drop_duplicates(DOCUMENT_COLUMN)
    described = {}
    for position, document_id in first_rows[DOCUMENT_COLUMN].items():
        example = _describe_row(batch, position, failing[position])
        total = batch.rows_per_document[document_id]
        described[str(document_id)] = (
            example if total == 1 else f"{failed_rows[document_id]} of {total} rows; e.g. {example}"
        )
    return described


def _describe_row(batch: Batch, position: int, result: Any) -> str:
    """`column=value` for the columns the expectation checked, then the row's context."""
    def cell(column: str) -> Any:
        return batch.frame[column].iat[position]

    checked = ", ".join(f"{c}={show(cell(c), quote=True)}" for c in _checked_columns(result))
    context = " ".join(show(cell(c)) for c in batch.context_columns if not _missing(cell(c)))
    return f"{checked} ({context})" if context else checked


def _checked_columns(result: Any) -> list[str]:
    kwargs = result.expectation_config.kwargs
    if "column" in kwargs:
        return [kwargs["column"]]
    if "column_A" in kwargs:
        return [kwargs["column_A"], kwargs["column_B"]]
    return list(kwargs.get("column_list", []))


def show(value: Any, quote: bool = False) -> str:
    """A value as a person reads it: whole floats without .0, midnight timestamps as dates,
    strings quoted when asked (so blanks show), everything cut to MAX_SHOWN_CHARS."""
    if _missing(value):
        return "null"
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else f"{value:.6g}"
    elif hasattr(value, "date") and hasattr(value, "hour") and not (value.hour or value.minute):
        text = value.date().isoformat()
    elif isinstance(value, str) and quote:
        text = repr(value)
    else:
        text = str(value)
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"


def _missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA (but never for a list or other container)."""
    import pandas as pd

    return value is None or (not isinstance(value, (str, list, tuple)) and bool(pd.isna(value)))


def _present(values: Iterable[Any]) -> list[Any]:
    """Drop null-like values and turn numpy scalars into plain Python (JSON-able) values."""
    return [v.item() if hasattr(v, "item") else v for v in values if not _missing(v)]
