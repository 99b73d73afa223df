"""The GX suite for extracted metric rows (one row per mention).

Great Expectations is imported only inside the functions that run it: importing it costs
seconds, and `METRIC_CHECKS` must be readable (e.g. to declare Dagster asset checks) without it.
Several checks read columns derived here with pandas (a share flag, the text at the
offsets, …), which keeps each GX expectation a plain column test.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any, Collection, Mapping

from expectations.checks import CheckOutcome, SuiteRun, names_and_descriptions
from expectations.gx_runner import Batch, import_gx, run_suite
from expectations.vocabulary import (counting_units, indicator_unit_pairs, percent_units,
                                     over_whole_words, plausible_limits, rate_change_words,
                                     ratio_words)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["METRIC_CHECKS", "CheckOutcome", "validate_metrics", "metric_expectations"]

METRIC_CHECKS: tuple[tuple[str, str], ...] = names_and_descriptions("metrics")

# unit may be null: a figure the text gives no unit (6.87万建档立卡贫困人口, spec §5)
REQUIRED_FIELDS = ("metric_id", "document_id", "value", "raw", "kind", "start", "end")
# What one mention is; a file copied under two names repeats these exactly.
MENTION_FIELDS = (*REQUIRED_FIELDS, "unit", "subject", "indicator", "qualifier", "measure")
KINDS = ("actual", "target")
QUALIFIERS = ("approx", "more_than", "at_least", "up_to")
PERCENT_UNIT = "%"
# Values within this of a whole number are whole: 1.1万 folds to 11000.000000000002.
WHOLE_TOLERANCE = 1e-6

SHARE_FLAG = "is_share_percentage"
SIGNLESS_FLAG = "is_signless_unit"
MAGNITUDE = "magnitude"
PLAUSIBLE_LIMIT = "plausible_limit"
COUNT_FLAG = "is_counting_unit"
FRACTION = "fractional_part"
TEXT_AT_OFFSETS = "text_at_offsets"
INDICATOR_UNIT = "indicator_unit"
UNIT_JOIN = " in "


def validate_metrics(
    df: pd.DataFrame,
    known_units: Collection[str],
    documents: pd.DataFrame | Mapping[str, str] | None = None,
) -> SuiteRun:
    """Run every check of METRIC_CHECKS on the metrics frame.

    `documents` (a frame with document_id and text, or document_id → text) is what
    raw_matches_text compares against; without it that check is skipped. Raises
    ValueError when a column the checks read is missing: a code fault, not a data fault.
    """
    _require_columns(df)
    texts = _texts(documents)
    frame = _with_derived_columns(_distinct_mentions(df), texts)
    expectations = metric_expectations(known_units, frame)
    skipped = {}
    if texts is None:
        del expectations["raw_matches_text"]
        skipped["raw_matches_text"] = "no document text given"
    batch = Batch("metrics", frame, expectations, context_columns=("raw", "subject"), skipped=skipped)
    return run_suite("metrics", [batch])


def metric_expectations(known_units: Collection[str], frame: pd.DataFrame) -> dict[str, list[Any]]:
    """Each metrics check mapped to its GX expectations (on the frame with derived columns).

    A value set is cut to the allowed values the frame holds: a row passes
    exactly as against the whole set, and GX, which copies an expectation's arguments each time
    it reads them (thousands of times a validation), no longer copies 5,000 indicator-unit pairs
    (that copying was three quarters of the suite's time)."""
    gxe = import_gx().expectations
    from great_expectations.expectations.row_conditions import Column

    def present(allowed: Collection[str], column: str) -> list[str]:
        return sorted(set(frame[column].dropna()) & set(allowed))

    return {
        "required_fields_present": [
            gxe.ExpectColumnValuesToNotBeNull(column=field) for field in REQUIRED_FIELDS
        ],
        "unit_known": [gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=present(known_units, "unit"))],
        "percentage_in_range": [
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=0, max_value=100,
                row_condition=Column(SHARE_FLAG) == True,  # noqa: E712 (GX condition DSL)
            )
        ],
        "value_finite": [
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=-sys.float_info.max, max_value=sys.float_info.max)
        ],
        "value_non_negative": [
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=0,
                row_condition=Column(SIGNLESS_FLAG) == True,  # noqa: E712
            )
        ],
        "value_plausible": [
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=PLAUSIBLE_LIMIT, column_B=MAGNITUDE, or_equal=True,
                ignore_row_if="either_value_is_missing",
            )
        ],
        "mention_key_unique": [gxe.ExpectColumnValuesToBeUnique(column="metric_id")],
        "kind_valid": [gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=list(KINDS))],
        "qualifier_valid": [
            gxe.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS))
        ],
        "count_is_whole": [
            gxe.ExpectColumnValuesToBeBetween(
                column=FRACTION, max_value=WHOLE_TOLERANCE,
                row_condition=Column(COUNT_FLAG) == True,  # noqa: E712
            )
        ],
        "unit_matches_indicator": [
            gxe.ExpectColumnValuesToBeInSet(
                column=INDICATOR_UNIT,
                value_set=present([i + UNIT_JOIN + u for i, u in indicator_unit_pairs(known_units)], INDICATOR_UNIT),
            )
        ],
        "subject_present": [
            gxe.ExpectColumnValuesToNotBeNull(column="subject"),
            gxe.ExpectColumnValuesToMatchRegex(column="subject", regex=r"\S"),
        ],
        "raw_matches_text": [
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="raw", column_B=TEXT_AT_OFFSETS, ignore_row_if="both_values_are_missing"
            )
        ],
    }


def _require_columns(df: pd.DataFrame) -> None:
    """Fail fast when the frame lacks a column some check reads."""
    missing = sorted(set(MENTION_FIELDS) - set(df.columns))
    if missing:
        raise ValueError(f"metrics frame lacks columns: {', '.join(missing)}")


def _distinct_mentions(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with a RangeIndex and each mention once.

    A file copied under several names yields its mentions once per copy (identical rows:
    the loader stores them once), which is no key clash; rows sharing a metric_id but
    differing in any field still are. The duplicate search runs only when ids repeat.
    """
    frame = df.reset_index(drop=True)
    if frame["metric_id"].is_unique:
        return frame
    return frame[~frame.duplicated(subset=list(MENTION_FIELDS))].reset_index(drop=True)


def _texts(documents: pd.DataFrame | Mapping[str, str] | None) -> Mapping[str, str] | None:
    if documents is None or isinstance(documents, Mapping):
        return documents
    return dict(zip(documents["document_id"], documents["text"]))


def _with_derived_columns(frame: pd.DataFrame, texts: Mapping[str, str] | None) -> pd.DataFrame:
    """The columns the checks read plus the plain columns the expectations test.

    Long columns (sentence, …) are left out: GX fingerprints every frame it is given.
    Without texts there is no TEXT_AT_OFFSETS column (raw_matches_text is skipped).
    """
    import numpy as np
    import pandas as pd

    value = pd.to_numeric(frame["value"], errors="coerce")
    unit = frame["unit"]
    changed = (frame["measure"] == "change").fillna(False).to_numpy(dtype=bool)  # the extractor's word
    derived = {
        SHARE_FLAG: _share_percentage_flags(frame["subject"], unit) & ~changed,
        # a change may be negative whatever its unit (比上年减少-5人 in a table's 增减 column)
        SIGNLESS_FLAG: (~unit.isin(percent_units())).to_numpy(dtype=bool) & ~changed,
        # a non-finite value is value_finite's (an ERROR), not also an implausible one
        MAGNITUDE: value.abs().where(np.isfinite(value)),
        PLAUSIBLE_LIMIT: unit.map(plausible_limits()).astype(float),
        COUNT_FLAG: _whole_count_flags(frame["subject"], unit),
        FRACTION: (value - value.round()).abs(),
        INDICATOR_UNIT: _indicator_units(frame["indicator"], unit),
    }
    if texts is not None:
        derived[TEXT_AT_OFFSETS] = _text_at_offsets(frame, texts)
    return frame[list(MENTION_FIELDS)].assign(**derived)


def _indicator_units(indicator: pd.Series, unit: pd.Series) -> pd.Series:
    """`<indicator> in <unit>` per row, null where there is no indicator.

    One string column lets a plain in-set test replace GX's pair-in-set test, which
    walks the rows in Python (seconds for 100,000 rows).
    """
    return indicator.astype("string") + UNIT_JOIN + unit.astype("string").fillna("null")


def _names_any(subject: pd.Series, words: Collection[str]) -> pd.Series:
    """Whether each subject holds one of `words`."""
    return subject.fillna("").astype(str).str.contains("|".join(map(re.escape, words)), regex=True)


def _whole_count_flags(subject: pd.Series, unit: pd.Series) -> Any:
    """True for rows in a counting unit whose subject is no ratio nor average: 每万名老年人拥有
    持证养老护理员25.4人 and 户均3.2人 are fractional by nature, 低保对象17662.5人 is a slip."""
    return (unit.isin(counting_units()) & ~_names_any(subject, ratio_words())).to_numpy(dtype=bool)


def _share_percentage_flags(subject: pd.Series, unit: pd.Series) -> Any:
    """True for % rows whose subject is no rate of change nor a share of a plan.

    Growth and decline rates (`同比增长150%`), shares of a plan or task (`完成目标任务的110%`) and
    gross rates may exceed 100, other shares may not; the subject tells them apart, and a change
    the subject does not name (`销售额…同比增长281.5%`, subject 销售额) is `measure` = change.
    """
    is_rate = _names_any(subject, (*rate_change_words(), *over_whole_words()))
    is_percent = (unit == PERCENT_UNIT).fillna(False).astype(bool)
    return (is_percent & ~is_rate).to_numpy(dtype=bool)


def _text_at_offsets(frame: pd.DataFrame, texts: Mapping[str, str]) -> list[str | None]:
    """The document text between start and end, None where the span is not inside it."""
    import pandas as pd

    starts = pd.to_numeric(frame["start"], errors="coerce")
    ends = pd.to_numeric(frame["end"], errors="coerce")
    spans = ((starts % 1 == 0) & (ends % 1 == 0) & (starts >= 0) & (starts <= ends)).to_numpy()
    found: list[str | None] = []
    for document_id, is_span, start, end in zip(
        frame["document_id"].tolist(), spans.tolist(),
        starts.fillna(0).astype(int).tolist(), ends.fillna(0).astype(int).tolist(),
    ):
        text = texts.get(document_id) if is_span else None
        found.append(text[start:end] if text is not None and end <= len(text) else None)
    return found
