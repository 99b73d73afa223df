"""The GX suite for the documents frame (one row per source file, transforms.tables)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from expectations.checks import SuiteRun, names_and_descriptions
from expectations.gx_runner import Batch, import_gx, run_suite
from expectations.vocabulary import limits

if TYPE_CHECKING:
    import pandas as pd

DOCUMENT_CHECKS: tuple[tuple[str, str], ...] = names_and_descriptions("documents")

REQUIRED_METADATA = ("document_id", "source_path", "format", "text")
DESCRIPTIVE_METADATA = ("title", "agency", "region_code", "report_type")
CHECKED_COLUMNS = (*REQUIRED_METADATA, "report_year", *DESCRIPTIVE_METADATA, "publish_date", "char_count",
                   "rule_failures")
SHA256_HEX = r"^[0-9a-f]{64}$"

PUBLISHED = "published_on"
PERIOD_START = "period_starts_on"
TEXTS_PER_ID = "texts_per_document_id"


def validate_documents(documents: pd.DataFrame, today: date) -> SuiteRun:
    """Run every check of DOCUMENT_CHECKS on the documents frame; `today` bounds report_year.

    Raises ValueError when a column the checks read is missing (a code fault).
    """
    missing = sorted(set(CHECKED_COLUMNS) - set(documents.columns))
    if missing:
        raise ValueError(f"documents frame lacks columns: {', '.join(missing)}")
    batch = Batch(
        "documents", _with_derived_columns(documents), document_expectations(today),
        context_columns=("source_path",),
    )
    return run_suite("documents", [batch])


def document_expectations(today: date) -> dict[str, list[Any]]:
    """Each documents check mapped to its GX expectations (on the frame with derived columns)."""
    gxe = import_gx().expectations
    bounds = limits()["documents"]
    return {
        "required_metadata_present": [
            gxe.ExpectColumnValuesToNotBeNull(column=column) for column in REQUIRED_METADATA
        ],
        "report_year_present": [gxe.ExpectColumnValuesToNotBeNull(column="report_year")],
        "descriptive_metadata_present": [
            gxe.ExpectColumnValuesToNotBeNull(column=column) for column in DESCRIPTIVE_METADATA
        ],
        "report_year_in_range": [
            gxe.ExpectColumnValuesToBeBetween(
                column="report_year", min_value=bounds["first_report_year"], max_value=today.year
            )
        ],
        "publish_date_in_period": [
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=PUBLISHED, column_B=PERIOD_START, or_equal=True,
                ignore_row_if="either_value_is_missing",
            )
        ],
        "content_hash_valid": [
            gxe.ExpectColumnValuesToMatchRegex(column="document_id", regex=SHA256_HEX),
            gxe.ExpectColumnValuesToBeUnique(column="source_path"),
            gxe.ExpectColumnValuesToBeBetween(column=TEXTS_PER_ID, max_value=1),
        ],
        "rules_read_whole_document": [gxe.ExpectColumnValuesToBeNull(column="rule_failures")],
        "text_length_sane": [
            gxe.ExpectColumnValuesToBeBetween(
                column="char_count",
                min_value=bounds["min_text_chars"], max_value=bounds["max_text_chars"],
            )
        ],
    }


def _with_derived_columns(documents: pd.DataFrame) -> pd.DataFrame:
    """The checked columns plus the plain columns the expectations test.

    A file copied under two names gives two rows sharing one document_id and one text;
    TEXTS_PER_ID counts the distinct texts behind each document_id.
    """
    import pandas as pd

    frame = documents.reset_index(drop=True)
    report_year = pd.to_numeric(frame["report_year"], errors="coerce")
    is_plan = frame["report_type"].isin(limits()["documents"]["forward_looking_report_types"])
    period_start = pd.to_datetime(
        report_year.where(~is_plan).astype("Int64").astype("string") + "-01-01", errors="coerce"
    )
    return frame[list(CHECKED_COLUMNS)].assign(**{
        "report_year": report_year.astype("Int64"),
        PUBLISHED: pd.to_datetime(frame["publish_date"], errors="coerce"),
        PERIOD_START: period_start,
        TEXTS_PER_ID: frame.groupby("document_id", dropna=False)["text"].transform("nunique"),
    })
