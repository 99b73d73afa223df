"""Tests for expectations.documents_suite and the batch split: planted faults fail exactly
their checks, with the right severity, and ERROR failures quarantine only their documents."""

from datetime import date

import pandas as pd
import pytest

from expectations import DOCUMENT_CHECKS, split_batch, validate_documents, validate_metrics
from expectations.results import quarantine_reason
from transforms.tables import DOCUMENT_COLUMNS

TODAY = date(2026, 11, 23)
CHECK_NAMES = [name for name, _ in DOCUMENT_CHECKS]


def doc_id(n: int) -> str:
    return f"{n:064x}"


def document(n: int, **fields) -> dict:
    """A valid documents row (one source file); keyword arguments plant the fault under test."""
    text = f"巫溪县民政局2024年工作总结。第{n}份。" + "保障城乡低保对象17662人。" * 20
    base = {
        "document_id": doc_id(n), "source_path": f"reports/{n}.txt", "format": "txt",
        "encoding": "utf-8", "title": "巫溪县民政局2024年工作总结", "agency": "巫溪县民政局",
        "province": "重庆市", "city": None, "county": "巫溪县", "region_code": "500238",
        "admin_level": "county", "report_year": 2024, "report_type": "年度工作总结",
        "publish_date": date(2025, 1, 15), "index_no": None, "doc_no": None,
        "char_count": len(text), "text": text,
    }
    return base | fields


def documents(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=DOCUMENT_COLUMNS)
    frame["report_year"] = frame["report_year"].astype("Int64")
    return frame


def failed(outcomes) -> set[str]:
    return {o.name for o in outcomes if not o.passed}


def by_name(outcomes) -> dict:
    return {o.name: o for o in outcomes}


def test_clean_documents_pass_every_check():
    run = validate_documents(documents(document(1), document(2)), TODAY)
    assert [o.name for o in run] == CHECK_NAMES
    assert failed(run) == set()


# (check, severity, planted fields): each planted row breaks exactly that check.
PLANTED = [
    ("required_metadata_present", "ERROR", {"format": None}),
    ("report_year_present", "WARN", {"report_year": None}),
    ("descriptive_metadata_present", "WARN", {"region_code": None}),
    ("report_year_in_range", "WARN", {"report_year": 1979}),
    ("report_year_in_range", "WARN", {"report_year": 2027, "publish_date": None}),
    ("publish_date_in_period", "WARN", {"publish_date": date(2023, 12, 30)}),
    ("content_hash_valid", "ERROR", {"document_id": "not-a-sha256"}),
    ("text_length_sane", "WARN", {"text": "太短", "char_count": 2}),
    ("rules_read_whole_document", "WARN", {"rule_failures": "sentence 3: IndexError: list index out of range"}),
]


@pytest.mark.parametrize("check, severity, fields", PLANTED)
def test_planted_fault_fails_its_check_only(check, severity, fields):
    faulty = document(9, **fields)
    run = validate_documents(documents(document(1), faulty), TODAY)
    assert failed(run) == {check}
    outcome = by_name(run)[check]
    assert outcome.severity == severity
    assert outcome.failing_document_ids == (faulty["document_id"],)


def test_missing_year_is_shown_with_its_file():
    run = validate_documents(documents(document(1), document(9, report_year=None)), TODAY)
    assert by_name(run)["report_year_present"].observed_by_document == {
        doc_id(9): "report_year=null (reports/9.txt)"
    }


def test_a_plan_may_be_published_before_its_year():
    plan = document(9, report_type="工作计划", report_year=2025, publish_date=date(2024, 12, 20))
    assert failed(validate_documents(documents(plan), TODAY)) == set()


def test_a_copy_under_two_names_is_one_content():
    copy = document(1, source_path="reports/copy-of-1.txt")
    assert failed(validate_documents(documents(document(1), copy), TODAY)) == set()


def test_one_hash_with_two_texts_is_an_error():
    clash = document(1, source_path="reports/other.txt", text=document(2)["text"])
    outcome = by_name(validate_documents(documents(document(1), clash), TODAY))["content_hash_valid"]
    assert not outcome.passed and outcome.failing_document_ids == (doc_id(1),)


def test_the_same_path_twice_is_an_error():
    twice = document(2, source_path="reports/1.txt")
    outcome = by_name(validate_documents(documents(document(1), twice), TODAY))["content_hash_valid"]
    assert outcome.failing_document_ids == (doc_id(1), doc_id(2))


def test_report_year_bound_follows_today():
    next_year = documents(document(1, report_year=2027, publish_date=date(2027, 3, 1)))
    assert "report_year_in_range" in failed(validate_documents(next_year, TODAY))
    assert failed(validate_documents(next_year, date(2027, 6, 1))) == set()


def test_a_yearbook_of_the_nineties_is_in_range():
    """County yearbooks and 地方志 pages report the 1990s; only a year before 1980 is suspect."""
    old = documents(document(1, report_year=1997, publish_date=None))
    assert "report_year_in_range" not in failed(validate_documents(old, TODAY))


def test_missing_column_is_an_error():
    with pytest.raises(ValueError, match="report_year"):
        validate_documents(documents(document(1)).drop(columns=["report_year"]), TODAY)


# --- splitting a batch ------------------------------------------------------------------

def metric(n: int, **fields) -> dict:
    base = {
        "metric_id": f"{doc_id(n)}:28:34", "document_id": doc_id(n), "section_id": None,
        "subject": "城乡低保对象", "indicator": "dibao_recipients", "value": 17662.0,
        "unit": "人", "raw": "17662人", "qualifier": None, "kind": "actual", "period": "2024",
        "start": 28, "end": 34, "sentence": "保障城乡低保对象17662人。", "section": None,
        "section_category": "other", "measure": "level",
    }
    return base | fields


@pytest.fixture(scope="module")
def planted_batch():
    """Four reports: 1 clean, 2 with a 120% coverage rate (WARN), 3 without a year (WARN: it
    loads), 4 whose raw does not match its text (ERROR)."""
    coverage = document(2)["text"] + "养老服务覆盖率达120%。"
    at = coverage.index("120%")
    docs = documents(document(1), document(2, text=coverage, char_count=len(coverage)),
                     document(3, report_year=None), document(4))
    metrics = pd.DataFrame([
        metric(1), metric(2), metric(3),
        metric(2, metric_id=f"{doc_id(2)}:{at}:{at + 4}", subject="养老服务覆盖率", indicator=None,
               value=120.0, unit="%", raw="120%", start=at, end=at + 4),
        metric(4, raw="17663人"),
    ])
    from transforms.rules.units import known_units

    outcomes = [*validate_documents(docs, TODAY), *validate_metrics(metrics, known_units(), docs)]
    return outcomes


def test_error_failures_quarantine_only_their_documents(planted_batch):
    split = split_batch(planted_batch)
    assert split.quarantined == {doc_id(4): ("raw_matches_text",)}
    assert split.unattributed == ()


def test_warn_failures_load(planted_batch):
    warned = {o.name: o.failing_document_ids for o in planted_batch if not o.passed and o.severity == "WARN"}
    assert warned == {"percentage_in_range": (doc_id(2),), "report_year_present": (doc_id(3),)}


def test_quarantine_reason_names_check_and_observation(planted_batch):
    reason = quarantine_reason(planted_batch, doc_id(4))
    assert reason.startswith("raw_matches_text: raw='17663人', text_at_offsets='17662人'")
    assert "raw is exactly the text" in reason


def test_a_check_that_cannot_run_is_unattributed():
    from dataclasses import replace

    crashed = replace(next(o for o in validate_documents(documents(document(1)), TODAY)),
                      passed=False, observed={"exceptions": ["boom"]})
    assert split_batch([crashed]).unattributed == (crashed.name,)
    assert split_batch([crashed]).quarantined == {}
