"""The Great Expectations suite for extracted metric rows, and the code that runs it.

Great Expectations is imported only inside the functions that run it: importing it costs
seconds, and `METRIC_CHECKS` must be readable (e.g. to declare Dagster asset checks) without it.
Only pandas DataFrames are validated, in an ephemeral context built once per call.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection, Iterable

if TYPE_CHECKING:
    import pandas as pd

METRIC_CHECKS: tuple[tuple[str, str], ...] = (
    (
        "required_fields_present",
        "Every mention has metric_id, document_id, value, unit, raw, kind, start and end.",
    ),
    ("unit_known", "Every unit is one of the project's known units."),
    (
        "percentage_in_range",
        "Percentages that are shares (not growth or decline rates) lie between 0 and 100.",
    ),
    ("value_non_negative", "No value is negative."),
    ("mention_key_unique", "No two mentions share a metric_id."),
    ("kind_valid", "kind is actual or target."),
    ("qualifier_valid", "qualifier is empty or one of approx, more_than, at_least, up_to."),
)

REQUIRED_FIELDS = ("metric_id", "document_id", "value", "unit", "raw", "kind", "start", "end")
KINDS = ("actual", "target")
QUALIFIERS = ("approx", "more_than", "at_least", "up_to")
PERCENT_UNIT = "%"
SHARE_FLAG_COLUMN = "is_share_percentage"
MAX_FAILING_IDS = 50
RATE_CHANGE_WORDS_PATH = Path(__file__).parent / "data" / "rate_change_words.txt"


@dataclass(frozen=True)
class CheckOutcome:
    """The result of one named check, shaped for reporting as one Dagster asset check."""

    name: str
    passed: bool
    description: str
    observed: dict
    failing_metric_ids: tuple[str, ...]


@lru_cache(maxsize=None)
def _load_rate_change_words(path: Path = RATE_CHANGE_WORDS_PATH) -> tuple[str, ...]:
    """Read the words that mark a subject as a rate of change (blank and # lines skipped).

    An empty list would silently exempt every percentage, so it is an error.
    """
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    words = tuple(line for line in lines if line and not line.startswith("#"))
    if not words:
        raise ValueError(f"no rate-change words in {path}")
    return words


def _flag_share_percentages(df: pd.DataFrame, rate_change_words: Iterable[str]) -> pd.DataFrame:
    """Return a copy of `df` with a boolean column marking % rows whose subject is no rate.

    Growth and decline rates (`同比增长150%`) may exceed 100, shares may not; the subject
    tells them apart. Deriving a plain boolean keeps the GX row condition trivial.
    """
    pattern = "|".join(re.escape(word) for word in rate_change_words)
    is_rate = df["subject"].fillna("").astype(str).str.contains(pattern, regex=True)
    is_percent = (df["unit"] == PERCENT_UNIT).fillna(False).astype(bool)
    return df.reset_index(drop=True).assign(
        **{SHARE_FLAG_COLUMN: (is_percent & ~is_rate).to_numpy(dtype=bool)}
    )


def build_metrics_suite(known_units: Collection[str]) -> Any:
    """Build the GX ExpectationSuite; each expectation carries its check name in `meta`."""
    gx = _import_gx()
    return gx.ExpectationSuite(
        name="metrics",
        expectations=[
            expectation
            for expectations in _expectations_by_check(known_units).values()
            for expectation in expectations
        ],
    )


def validate_metrics(df: pd.DataFrame, known_units: Collection[str]) -> list[CheckOutcome]:
    """Run every check of METRIC_CHECKS on the metrics frame, in one validation pass.

    Raises ValueError when a column the checks read is missing: that is a code fault,
    not a data fault, and would otherwise surface as a GX exception per expectation.
    """
    _require_columns(df)
    frame = _flag_share_percentages(df, _load_rate_change_words())
    results = _run_suite(frame, build_metrics_suite(known_units))
    return [
        _outcome(name, description, [r for r in results if _check_of(r) == name])
        for name, description in METRIC_CHECKS
    ]


def _import_gx() -> Any:
    """Import great_expectations with usage analytics off (must be set before the import)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations

    return great_expectations


def _check_of(result: Any) -> str:
    """The check name an expectation result belongs to (GX does not keep suite order)."""
    return result.expectation_config.meta["check"]


def _expectations_by_check(known_units: Collection[str]) -> dict[str, list[Any]]:
    """Map each check name to its GX expectations, tagged with that name."""
    gxe = _import_gx().expectations
    from great_expectations.expectations.row_conditions import Column

    def tag(name: str) -> dict:
        return {"check": name}

    return {
        "required_fields_present": [
            gxe.ExpectColumnValuesToNotBeNull(column=field, meta=tag("required_fields_present"))
            for field in REQUIRED_FIELDS
        ],
        "unit_known": [
            gxe.ExpectColumnValuesToBeInSet(
                column="unit", value_set=sorted(set(known_units)), meta=tag("unit_known")
            )
        ],
        "percentage_in_range": [
            gxe.ExpectColumnValuesToBeBetween(
                column="value",
                min_value=0,
                max_value=100,
                row_condition=Column(SHARE_FLAG_COLUMN) == True,  # noqa: E712 (GX condition DSL)
                meta=tag("percentage_in_range"),
            )
        ],
        "value_non_negative": [
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=0, meta=tag("value_non_negative")
            )
        ],
        "mention_key_unique": [
            gxe.ExpectColumnValuesToBeUnique(column="metric_id", meta=tag("mention_key_unique"))
        ],
        "kind_valid": [
            gxe.ExpectColumnValuesToBeInSet(
                column="kind", value_set=list(KINDS), meta=tag("kind_valid")
            )
        ],
        "qualifier_valid": [
            gxe.ExpectColumnValuesToBeInSet(
                column="qualifier", value_set=list(QUALIFIERS), meta=tag("qualifier_valid")
            )
        ],
    }


def _require_columns(df: pd.DataFrame) -> None:
    """Fail fast when the frame lacks a column some check reads."""
    needed = {*REQUIRED_FIELDS, "subject", "qualifier"}
    missing = sorted(needed - set(df.columns))
    if missing:
        raise ValueError(f"metrics frame lacks columns: {', '.join(missing)}")


def _run_suite(frame: pd.DataFrame, suite: Any) -> list[Any]:
    """Validate `frame` against `suite` in a fresh ephemeral context; return expectation results.

    SUMMARY with `unexpected_index_column_names` reports up to MAX_FAILING_IDS failing rows
    per expectation by their metric_id, without materialising every failing value.
    """
    gx = _import_gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch = (
        context.data_sources.add_pandas("metrics")
        .add_dataframe_asset("metrics")
        .add_batch_definition_whole_dataframe("metrics")
        .get_batch(batch_parameters={"dataframe": frame})
    )
    result_format = {
        "result_format": "SUMMARY",
        "unexpected_index_column_names": ["metric_id"],
        "partial_unexpected_count": MAX_FAILING_IDS,
        "return_unexpected_index_query": False,
    }
    return list(batch.validate(suite, result_format=result_format).results)


def _outcome(name: str, description: str, results: list[Any]) -> CheckOutcome:
    """Fold the results of one check's expectations into a single CheckOutcome."""
    errors = [_exception_message(r) for r in results if _exception_message(r)]
    if errors:
        return CheckOutcome(name, False, description, {"exceptions": errors}, ())
    passed = all(r.success for r in results)
    failing_ids = () if passed else _failing_metric_ids(results)
    return CheckOutcome(name, passed, description, _observed(results), failing_ids)


def _exception_message(result: Any) -> str | None:
    """The message of an exception GX caught while evaluating an expectation, if any."""
    info = result.exception_info or {}
    return info.get("exception_message") if info.get("raised_exception") else None


def _observed(results: list[Any]) -> dict:
    """Counts and offending values; per-column counts when a check spans several columns."""
    stats = [r.result for r in results]
    observed = {
        "element_count": max(s.get("element_count") or 0 for s in stats),
        "unexpected_count": sum(s.get("unexpected_count") or 0 for s in stats),
        "unexpected_values": _present(
            count["value"] for s in stats for count in s.get("partial_unexpected_counts", [])
        )[:MAX_FAILING_IDS],
    }
    if len(results) > 1:
        observed["unexpected_count_by_column"] = {
            r.expectation_config.kwargs["column"]: r.result["unexpected_count"]
            for r in results
            if r.result.get("unexpected_count")
        }
    return observed


def _failing_metric_ids(results: list[Any]) -> tuple[str, ...]:
    """Distinct metric_ids of failing rows, in row order; rows lacking a metric_id are skipped."""
    ids = _present(
        row.get("metric_id")
        for r in results
        for row in r.result.get("partial_unexpected_index_list", [])
    )
    return tuple(dict.fromkeys(str(i) for i in ids))[:MAX_FAILING_IDS]


def _present(values: Iterable[Any]) -> list[Any]:
    """Drop null-like values and turn numpy scalars into plain Python (JSON-able) values."""
    import pandas as pd

    return [v.item() if hasattr(v, "item") else v for v in values if not pd.isna(v)]
