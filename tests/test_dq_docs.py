"""Tests for the dq_results rows, reading back the latest run, and the GX Data Docs site."""

import re
from datetime import date, datetime

import pandas as pd
import pytest

from expectations import (
    DQ_RESULT_COLUMNS,
    build_data_docs,
    merge_outcomes,
    outcomes_frame,
    validate_documents,
    validate_metrics,
)
from expectations.data_docs import document_names
from tests.test_documents_suite import doc_id, document, documents
from tests.test_metrics_suite import CLEAN_ROWS, KNOWN_UNITS, frame, row
from warehouse.quality import latest_results
from warehouse.schema import connect, ensure_schema

TODAY = date(2026, 11, 23)
# A stylesheet, script, image or icon a page loads from the network (links to read elsewhere
# are anchors, not assets).
REMOTE_ASSET = re.compile(r'<(?:script|link|img|source|iframe)\b[^>]*\b(?:src|href)="(https?://[^"]*)"', re.I)
REMOTE_CSS_URL = re.compile(r"url\(['\"]?(https?://[^)'\"]*)")
LOCAL_ASSET = re.compile(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="((?!https?:|#|data:)[^"]+)"', re.I)
EVALUATED_AT = datetime(2026, 11, 23, 8, 30)


@pytest.fixture(scope="module")
def runs():
    """A documents run with one missing format (ERROR) and a metrics run with one 120% share."""
    docs = validate_documents(documents(document(1), document(2, format=None)), TODAY)
    coverage = row("m:20:24", subject="养老服务覆盖率", value=120.0, unit="%", raw="120%")
    metrics = validate_metrics(frame(*CLEAN_ROWS, coverage), KNOWN_UNITS)
    return docs, metrics


def test_outcomes_frame_has_exactly_the_dq_results_columns(runs):
    rows = outcomes_frame([*runs[0], *runs[1]], "run-1", EVALUATED_AT)
    assert tuple(rows.columns) == DQ_RESULT_COLUMNS
    assert set(rows["run_id"]) == {"run-1"} and set(rows["evaluated_at"]) == {EVALUATED_AT}


def test_one_row_per_failing_document_and_one_per_passed_check(runs):
    docs, metrics = runs
    rows = outcomes_frame([*docs, *metrics], "run-1", EVALUATED_AT)
    failures = rows[~rows["passed"]]
    assert failures[["suite", "check_name", "severity", "document_id"]].values.tolist() == [
        ["documents", "required_metadata_present", "ERROR", doc_id(2)],
        ["metrics", "percentage_in_range", "WARN", "a" * 64],
    ]
    assert failures["metric_ids"].tolist() == [None, ["m:20:24"]]  # the figures that failed
    assert failures["observed_value"].tolist() == [
        "format=null (reports/2.txt)",
        f"1 of {len(CLEAN_ROWS) + 1} rows; e.g. value=120 (120% 养老服务覆盖率)",
    ]
    passes = rows[rows["passed"]]
    assert passes["document_id"].isna().all()
    assert len(passes) == len(docs) + len(metrics) - 2
    skipped = passes.set_index("check_name").loc["raw_matches_text", "observed_value"]
    assert skipped == "skipped: no document text given"
    assert passes.set_index("check_name").loc["unit_known", "observed_value"] == (
        f"0 of {len(CLEAN_ROWS) + 1} rows failed"
    )


def test_chunks_merge_into_one_outcome_per_check():
    other = "b" * 64
    chunks = [
        validate_metrics(frame(*CLEAN_ROWS, row("x:1:2", value=-1.0)), KNOWN_UNITS),
        validate_metrics(frame(row(f"{other}:1:2", document_id=other, value=-2.0)), KNOWN_UNITS),
    ]
    merged = merge_outcomes([o for chunk in chunks for o in chunk])
    assert [o.name for o in merged] == [o.name for o in chunks[0]]
    negative = next(o for o in merged if o.name == "value_non_negative")
    assert not negative.passed
    assert negative.failing_document_ids == ("a" * 64, other)
    assert negative.failing_metric_ids == ("x:1:2", f"{other}:1:2")
    signless = [r for r in CLEAN_ROWS if r["unit"] != "%"]  # rates and shares may be negative
    assert negative.observed["element_count"] == len(signless) + 2
    assert negative.observed["unexpected_values"] == [-1.0, -2.0]
    rows = outcomes_frame(merged, "run-1", EVALUATED_AT)
    assert rows.groupby("check_name").size().max() == 2  # two failing documents, one check
    assert rows["passed"].sum() == len(merged) - 1


def test_latest_results_reads_back_the_latest_run(runs, tmp_path):
    con = connect(tmp_path / "warehouse.duckdb")
    ensure_schema(con)
    outcomes = [*runs[0], *runs[1]]
    for run_id, at in (("run-1", datetime(2026, 11, 22)), ("run-2", EVALUATED_AT)):
        rows = outcomes_frame(outcomes, run_id, at)
        con.register("dq_batch", rows)
        con.execute("INSERT INTO dq_results BY NAME SELECT * FROM dq_batch")
        con.unregister("dq_batch")
    latest = latest_results(con)
    con.close()
    assert set(latest["run_id"]) == {"run-2"}
    assert len(latest) == len(outcomes_frame(outcomes, "run-2", EVALUATED_AT))
    assert latest["passed"].tolist()[:2] == [False, False]  # failures first
    assert latest.loc[0, "severity"] == "ERROR"


def test_data_docs_index_names_the_suites(runs, tmp_path):
    index = build_data_docs(runs, tmp_path / "dq-docs", run_name="run-1")
    assert index == (tmp_path / "dq-docs" / "index.html").resolve()
    html = index.read_text(encoding="utf-8")
    for suite in ("documents", "metrics"):
        assert f"expectations/{suite}.html" in html
        pages = list((tmp_path / "dq-docs" / "validations" / suite / "run-1").glob("*/*.html"))
        assert len(pages) == 1
        assert "run-1" in pages[0].read_text(encoding="utf-8")
    metrics_page = (tmp_path / "dq-docs" / "expectations" / "metrics.html").read_text(encoding="utf-8")
    assert "text_at_offsets" not in metrics_page  # the skipped check has no expectation
    assert "is_share_percentage" in metrics_page


def test_the_site_keeps_the_latest_runs(runs, tmp_path):
    for number in range(1, 5):
        index = build_data_docs(runs if number != 4 else runs[:1], tmp_path, run_name=f"run-{number}", keep_runs=3)
    html = index.read_text(encoding="utf-8")
    assert "run-1" not in html and all(f"run-{n}" in html for n in (2, 3, 4))
    assert sorted(p.name for p in (tmp_path / "validations" / "documents").iterdir()) == ["run-2", "run-3", "run-4"]
    assert sorted(p.name for p in (tmp_path / "validations" / "metrics").iterdir()) == ["run-2", "run-3"]
    assert len(list((tmp_path / ".runs").iterdir())) == 3


def test_no_page_loads_anything_from_the_network(runs, tmp_path):
    build_data_docs(runs, tmp_path, run_name="run-1")
    pages = list(tmp_path.glob("**/*.html")) + list((tmp_path / "static" / "styles").glob("*.css"))
    assert len(pages) >= 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        remote = [*REMOTE_ASSET.findall(text), *REMOTE_CSS_URL.findall(text)]
        assert not remote, (page, remote)
        for local in LOCAL_ASSET.findall(text):  # every file a page names is in the site
            assert (page.parent / local.split("?")[0]).resolve().is_file(), (page, local)
    icons = (tmp_path / "static" / "vendor" / "fontawesome" / "css" / "all.min.css").read_text(encoding="utf-8")
    assert "data:font/woff2;base64," in icons and ".ttf" not in icons  # fonts load from file:// too


def test_document_hashes_are_shown_with_file_and_title(runs, tmp_path):
    names = pd.DataFrame([{"document_id": doc_id(2), "source_path": "/inbox/reports/2.txt",
                           "title": "某县民政局2023年工作总结"}])
    build_data_docs(runs, tmp_path, run_name="run-1", documents=names)
    page = next((tmp_path / "validations" / "documents" / "run-1").glob("*/documents-1.html"))
    failing = page.read_text(encoding="utf-8").split('id="failing-documents"')[1].split("</table>")[0]
    assert "required_metadata_present" in failing and "2.txt · 某县民政局2023年工作总结" in failing
    assert doc_id(2)[:12] in failing
    assert document_names(names) == {doc_id(2): "2.txt · 某县民政局2023年工作总结"}


def test_chunks_of_one_suite_get_a_page_each(runs, tmp_path):
    build_data_docs([runs[1], runs[1]], tmp_path, run_name="run-1")
    pages = sorted(p.name for p in (tmp_path / "validations" / "metrics" / "run-1").glob("*/*.html"))
    assert pages == ["metrics-1.html", "metrics-2.html"]
