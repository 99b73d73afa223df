"""Tests for expectations.metrics_suite: planted faults must fail exactly their checks."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from expectations.metrics_suite import METRIC_CHECKS, CheckOutcome, validate_metrics

KNOWN_UNITS = frozenset({"人", "人次", "户", "元", "%", "家", "个"})
COLUMNS = (
    "metric_id", "document_id", "source_path", "subject", "indicator", "value", "unit", "raw",
    "qualifier", "kind", "start", "end", "sentence", "section", "section_category", "measure",
)
DOC = "a" * 64
CHECK_NAMES = [name for name, _ in METRIC_CHECKS]


def row(metric_id: str, **fields) -> dict:
    """A valid metric row; keyword arguments plant the fault under test."""
    base = {
        "metric_id": metric_id, "document_id": DOC, "source_path": "reports/a.txt",
        "subject": "城乡低保对象", "indicator": None, "value": 17662.0, "unit": "人",
        "raw": "17662人", "qualifier": None, "kind": "actual", "start": 10, "end": 16,
        "sentence": "保障城乡低保对象17662人。", "section": None, "section_category": "other",
        "measure": "level",
    }
    return base | fields


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(COLUMNS))


def by_name(outcomes: list[CheckOutcome]) -> dict[str, CheckOutcome]:
    return {outcome.name: outcome for outcome in outcomes}


def failed(outcomes: list[CheckOutcome]) -> set[str]:
    return {outcome.name for outcome in outcomes if not outcome.passed}


CLEAN_ROWS = (
    row(f"{DOC}:10:16"),
    row(f"{DOC}:20:25", subject="社会组织党组织覆盖率", value=87.2, unit="%", raw="87.2%"),
    row(f"{DOC}:30:34", subject="回复率、满意率", value=100.0, unit="%", raw="100%"),
    row(f"{DOC}:40:43", subject="救助资金增长率", value=15.0, unit="%", raw="15%"),
    row(f"{DOC}:50:54", subject="办件量同比增长", value=150.0, unit="%", raw="150%"),
    row(f"{DOC}:60:63", subject="社会组织", value=0.0, unit="家", raw="0 家"),
    row(f"{DOC}:70:76", value=2000.0, raw="两千余人", qualifier="more_than"),
    row(f"{DOC}:80:90", subject="救助资金", value=136746000.0, unit="元", raw="13674.6万元",
        qualifier="approx", kind="target"),
    # a figure the text gives no unit (spec §5: unit null) is a whole row, not a broken one
    row(f"{DOC}:92:96", subject="农村留守老人", value=23000.0, unit=None, raw="2.3万"),
)

# metric_id -> the one check its planted fault must break (None: the row is clean).
PLANTED = {
    f"{DOC}:100:102": ("unit_known", row(f"{DOC}:100:102", unit="吨", raw="5吨", value=5.0)),
    f"{DOC}:110:112": ("value_non_negative", row(f"{DOC}:110:112", value=-5.0, raw="-5人")),
    f"{DOC}:120:124": (
        "percentage_in_range",
        row(f"{DOC}:120:124", subject="养老服务覆盖率", value=120.0, unit="%", raw="120%"),
    ),
    f"{DOC}:130:133": (
        None, row(f"{DOC}:130:133", subject="收入增长率", value=15.0, unit="%", raw="15%"),
    ),
    f"{DOC}:140:144": (
        None, row(f"{DOC}:140:144", subject="捐赠款物同比增长", value=150.0, unit="%", raw="150%"),
    ),
    f"{DOC}:150:155": ("required_fields_present", row(f"{DOC}:150:155", raw=None)),
    f"{DOC}:160:165": ("kind_valid", row(f"{DOC}:160:165", kind="plan")),
    f"{DOC}:180:580": ("value_finite", row(f"{DOC}:180:580", value=float("inf"), raw="9" * 400 + "人")),
    f"{DOC}:590:622": (
        "value_plausible",
        row(f"{DOC}:590:622", subject="救助资金", value=1e30, unit="元", raw="1" + "0" * 30 + "元"),
    ),
    f"{DOC}:630:635": (
        None, row(f"{DOC}:630:635", subject="收入同比增长", value=-3.5, unit="%", raw="-3.5%"),
    ),
}
DUPLICATED_ID = f"{DOC}:170:175"


@pytest.fixture(scope="module")
def faulty_outcomes() -> list[CheckOutcome]:
    planted_rows = [planted_row for _, planted_row in PLANTED.values()]
    duplicates = [row(DUPLICATED_ID), row(DUPLICATED_ID, value=3.0, raw="3人")]
    return validate_metrics(frame(*CLEAN_ROWS, *planted_rows, *duplicates), KNOWN_UNITS)


def test_outcomes_follow_metric_checks_order(faulty_outcomes):
    assert [outcome.name for outcome in faulty_outcomes] == CHECK_NAMES
    assert [outcome.description for outcome in faulty_outcomes] == [d for _, d in METRIC_CHECKS]


def test_planted_faults_fail_exactly_their_checks(faulty_outcomes):
    expected = {check for check, _ in PLANTED.values() if check} | {"mention_key_unique"}
    assert failed(faulty_outcomes) == expected


@pytest.mark.parametrize(
    "check", sorted({check for check, _ in PLANTED.values() if check})
)
def test_failing_metric_ids_name_the_planted_rows(faulty_outcomes, check):
    planted_ids = tuple(mid for mid, (c, _) in PLANTED.items() if c == check)
    assert by_name(faulty_outcomes)[check].failing_metric_ids == planted_ids


def test_duplicated_metric_id_reported_once(faulty_outcomes):
    outcome = by_name(faulty_outcomes)["mention_key_unique"]
    assert outcome.failing_metric_ids == (DUPLICATED_ID,)
    assert outcome.observed["unexpected_count"] == 2
    assert outcome.observed["unexpected_values"] == [DUPLICATED_ID]


def test_growth_rates_over_100_are_not_range_checked(faulty_outcomes):
    outcome = by_name(faulty_outcomes)["percentage_in_range"]
    assert outcome.observed["unexpected_values"] == [120.0]
    # shares only: 87.2, 100, 120 — the 15% and 150% rates (clean and planted) are skipped
    assert outcome.observed["element_count"] == 3


def test_unknown_unit_observed_values(faulty_outcomes):
    observed = by_name(faulty_outcomes)["unit_known"].observed
    assert observed["unexpected_values"] == ["吨"]
    assert observed["unexpected_count"] == 1
    assert observed["element_count"] == len(CLEAN_ROWS) + len(PLANTED) + 2


def test_missing_raw_counted_by_column(faulty_outcomes):
    observed = by_name(faulty_outcomes)["required_fields_present"].observed
    assert observed["unexpected_count_by_column"] == {"raw": 1}


def test_clean_frame_passes_everything():
    outcomes = validate_metrics(frame(*CLEAN_ROWS), KNOWN_UNITS)
    assert failed(outcomes) == set()
    assert all(outcome.failing_metric_ids == () for outcome in outcomes)


def test_bad_qualifier_fails_only_qualifier_valid():
    outcomes = validate_metrics(frame(row("q:1:2", qualifier="about")), KNOWN_UNITS)
    assert failed(outcomes) == {"qualifier_valid"}
    assert by_name(outcomes)["qualifier_valid"].failing_metric_ids == ("q:1:2",)


def test_negative_share_fails_its_range_and_a_negative_rate_passes():
    share = row("n:1:3", subject="覆盖率", value=-3.0, unit="%", raw="-3%")
    rate = row("n:4:9", subject="救助资金同比下降", value=-3.5, unit="%", raw="-3.5%")
    outcomes = validate_metrics(frame(share, rate), KNOWN_UNITS)
    assert failed(outcomes) == {"percentage_in_range"}
    assert outcome(outcomes, "percentage_in_range").failing_metric_ids == ("n:1:3",)


def test_a_share_of_a_plan_or_a_gross_rate_may_pass_a_hundred():
    rows = [row("p:1:5", subject="目标任务", value=110.37, unit="%", raw="110.37%"),
            row("p:6:9", subject="预算执行率", value=104.3, unit="%", raw="104.3%"),
            row("p:10:14", subject="初中毛入学率", value=101.9, unit="%", raw="101.9%"),
            row("p:15:18", subject="城乡低保覆盖率", value=104.0, unit="%", raw="104%"),
            row("p:19:22", subject="保障性住房开工率", value=112.5, unit="%", raw="112.5%"),
            row("p:23:26", subject="农村危房改造竣工率", value=101.2, unit="%", raw="101.2%")]
    outcome_of_range = outcome(validate_metrics(frame(*rows), KNOWN_UNITS), "percentage_in_range")
    assert outcome_of_range.failing_metric_ids == ("p:15:18",)


def test_a_change_the_extractor_marks_is_no_share_and_may_be_negative():
    """A table's 增减 column or a 比上年 change carries its level's subject: the extractor's
    `measure` says it is a change, so neither the share range nor the sign applies."""
    rows = [row("g:1:5", subject="城市低保人数", value=-0.4, unit="%", raw="-0.40", measure="change"),
            row("g:6:8", subject="城市低保人数", value=-5.0, unit="人", raw="-5", measure="change"),
            row("g:9:13", subject="城市低保人数", value=-5.0, unit="人", raw="-5人")]
    outcomes = by_name(validate_metrics(frame(*rows), KNOWN_UNITS))
    assert outcomes["percentage_in_range"].passed
    assert outcomes["value_non_negative"].failing_metric_ids == ("g:9:13",)


def test_negative_count_and_amount_warn():
    rows = [row("m:1:3", value=-3.0, raw="-3人"), row("m:4:9", subject="资金", value=-5e4, unit="元", raw="-5万元")]
    outcomes = validate_metrics(frame(*rows), KNOWN_UNITS)
    assert failed(outcomes) == {"value_non_negative"}
    check = outcome(outcomes, "value_non_negative")
    assert check.severity == "WARN" and check.failing_metric_ids == ("m:1:3", "m:4:9")


def test_non_finite_values_are_errors_and_not_also_implausible():
    rows = [row("f:1:2", value=float("inf")), row("f:3:4", value=float("inf"), unit="元", subject="资金")]
    outcomes = validate_metrics(frame(*rows), KNOWN_UNITS)
    assert failed(outcomes) == {"value_finite"}
    check = outcome(outcomes, "value_finite")
    assert check.severity == "ERROR" and check.failing_metric_ids == ("f:1:2", "f:3:4")
    assert check.observed_by_document[DOC].startswith("2 of 2 rows; e.g. value=inf")


@pytest.mark.parametrize("unit, value, plausible", [
    ("人", 1.4e9, True), ("人", 2e9, False), ("户", 5e8, True), ("户", 7e8, False),
    ("人次", 3e11, True), ("人次", 6e11, False), ("家", 9e11, True), ("家", 2e12, False),
    ("元", 1.3e14, True), ("元", 1e30, False), ("%", 9000.0, True), ("%", -2e4, False),
    ("个百分点", -50.0, True), ("个百分点", 150.0, False), ("小时", 1e12, True), ("小时", 1e14, False),
    ("个工作日", 15.0, True), ("分", 1000.0, True), ("分", 1001.0, False),
])
def test_values_beyond_their_units_limit_warn(unit, value, plausible):
    units = KNOWN_UNITS | {unit}
    subject = "人数同比增长" if unit in ("%", "个百分点") else "对象"
    outcomes = validate_metrics(frame(row("p:1:2", subject=subject, value=value, unit=unit)), units)
    check = outcome(outcomes, "value_plausible")
    assert check.passed is plausible and check.severity == "WARN"
    assert failed(outcomes) <= {"value_plausible", "value_non_negative", "count_is_whole"}


def test_every_known_unit_has_a_plausible_limit_with_a_reason():
    from expectations.vocabulary import limits, plausible_limits
    from transforms.rules.units import unit_kinds

    assert set(plausible_limits()) == set(unit_kinds())
    assert all(entry["why"] and entry["max"] > 0 for entry in limits()["plausible"])


def test_empty_frame_passes_everything():
    empty = pd.DataFrame(columns=list(COLUMNS))
    outcomes = validate_metrics(empty, KNOWN_UNITS)
    assert [outcome.name for outcome in outcomes] == CHECK_NAMES
    assert failed(outcomes) == set()
    assert all(outcome.observed["element_count"] == 0 for outcome in outcomes)


def test_failing_ids_capped_at_50():
    rows = [row(f"c:{i}:{i + 1}", value=-1.0) for i in range(60)]
    outcome = by_name(validate_metrics(frame(*rows), KNOWN_UNITS))["value_non_negative"]
    assert outcome.observed["unexpected_count"] == 60
    assert outcome.failing_metric_ids == tuple(f"c:{i}:{i + 1}" for i in range(50))


def test_input_frame_is_left_untouched():
    df = frame(*CLEAN_ROWS)
    df.index = range(100, 100 + len(df))
    before = df.copy()
    validate_metrics(df, KNOWN_UNITS)
    pd.testing.assert_frame_equal(df, before)


def test_missing_column_is_an_error():
    with pytest.raises(ValueError, match="unit"):
        validate_metrics(frame(*CLEAN_ROWS).drop(columns=["unit"]), KNOWN_UNITS)


def test_importing_expectations_does_not_import_gx():
    code = (
        "import sys, expectations; "
        "assert len(expectations.METRIC_CHECKS) == 13; "
        "assert expectations.CHECKS['raw_matches_text'].severity == 'ERROR'; "
        "assert 'great_expectations' not in sys.modules"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


# --- checks added with document-level outcomes ------------------------------------------

TEXT = "保障城乡低保对象17662人,养老服务覆盖率120%。"  # 17662人 at 8:14, 120% at 22:26
OTHER = "b" * 64


def outcome(outcomes, name: str) -> CheckOutcome:
    return by_name(outcomes)[name]


def test_severity_and_suite_come_from_the_check_table(faulty_outcomes):
    severities = {o.name: o.severity for o in faulty_outcomes}
    assert severities["value_non_negative"] == "WARN"
    assert severities["value_finite"] == "ERROR"
    assert severities["unit_known"] == "WARN"
    assert {o.suite for o in faulty_outcomes} == {"metrics"}


def test_failing_document_ids_name_every_failing_document():
    rows = [row(f"{i:064x}:1:2", document_id=f"{i:064x}", value=-1.0) for i in range(60)]
    failed_check = outcome(validate_metrics(frame(*rows), KNOWN_UNITS), "value_non_negative")
    assert failed_check.failing_document_ids == tuple(f"{i:064x}" for i in range(60))
    assert len(failed_check.failing_metric_ids) == 50


def test_observed_by_document_counts_rows_and_shows_one():
    rows = [
        row(f"{DOC}:10:16"),
        row(f"{DOC}:20:24", subject="养老服务覆盖率", value=120.0, unit="%", raw="120%"),
        row(f"{OTHER}:10:16", document_id=OTHER),
    ]
    failed_check = outcome(validate_metrics(frame(*rows), KNOWN_UNITS), "percentage_in_range")
    assert failed_check.failing_document_ids == (DOC,)
    assert failed_check.observed_by_document == {DOC: "1 of 2 rows; e.g. value=120 (120% 养老服务覆盖率)"}


def test_counting_units_need_whole_numbers():
    rows = [
        row("w:1:2", value=17662.5, raw="17662.5人"),
        row("w:3:4", value=11000.000000000002, raw="1.1万人"),  # 1.1 * 10000 in floating point
        row("w:5:6", subject="覆盖率", value=87.2, unit="%", raw="87.2%"),
        row("w:7:8", subject="救助资金", value=0.5, unit="元", raw="0.5元"),
    ]
    outcomes = validate_metrics(frame(*rows), KNOWN_UNITS)
    assert failed(outcomes) == {"count_is_whole"}
    assert outcome(outcomes, "count_is_whole").failing_metric_ids == ("w:1:2",)
    assert outcome(outcomes, "count_is_whole").severity == "WARN"


def test_ratios_and_averages_in_counting_units_may_be_fractional():
    rows = [
        row("r:1:2", subject="每万名老年人拥有持证养老护理员", value=25.4, raw="25.4人"),
        row("r:3:4", subject="每千名老人拥有床位", value=45.27, unit="张", raw="45.27张"),
        row("r:5:6", subject="平均每户", value=2.6, raw="2.6人"),
        row("r:7:8", subject="户均", value=3.2, raw="3.2人"),
        row("r:9:10", subject="每十万人口拥有社会工作者", value=8.5, raw="8.5人"),
        row("r:11:12", value=17662.5, raw="17662.5人"),
    ]
    outcomes = validate_metrics(frame(*rows), KNOWN_UNITS | {"张"})
    assert failed(outcomes) == {"count_is_whole"}
    assert outcome(outcomes, "count_is_whole").failing_metric_ids == ("r:11:12",)


def test_unit_must_match_the_indicator_or_its_family():
    rows = [
        row("u:1:2", indicator="dibao_recipients", unit="户", raw="582户"),  # households, not persons
        row("u:3:4", indicator="dibao_recipients"),
        row("u:5:6", indicator="orphans", subject="孤儿"),  # 名 expected; 人 is the same family
        row("u:7:8", indicator=None, unit="户", raw="3户"),
    ]
    outcomes = validate_metrics(frame(*rows), KNOWN_UNITS)
    assert failed(outcomes) == {"unit_matches_indicator"}
    assert outcome(outcomes, "unit_matches_indicator").failing_metric_ids == ("u:1:2",)
    assert outcome(outcomes, "unit_matches_indicator").observed["unexpected_values"] == [
        "dibao_recipients in 户"
    ]


def test_a_value_set_cut_to_the_frame_fails_what_the_whole_set_fails():
    """The in-set checks get the allowed values the frame holds (GX copies its arguments
    thousands of times a validation): a frame holding no allowed value at all still fails."""
    rows = [row("z:1:2", unit="吨", raw="5吨", value=5.0),
            row("z:3:4", indicator="dibao_recipients", unit="户", raw="582户")]
    outcomes = validate_metrics(frame(*rows), KNOWN_UNITS)
    assert failed(outcomes) == {"unit_known", "unit_matches_indicator"}
    assert outcome(outcomes, "unit_known").failing_metric_ids == ("z:1:2",)
    assert outcome(outcomes, "unit_matches_indicator").failing_metric_ids == ("z:3:4",)


def test_subject_must_not_be_blank():
    rows = [row("s:1:2", subject=None), row("s:3:4", subject="  "), row("s:5:6")]
    outcomes = validate_metrics(frame(*rows), KNOWN_UNITS)
    assert failed(outcomes) == {"subject_present"}
    assert outcome(outcomes, "subject_present").failing_metric_ids == ("s:1:2", "s:3:4")


def text_rows() -> list[dict]:
    return [
        row(f"{DOC}:8:14", start=8, end=14),
        row(f"{DOC}:22:26", start=22, end=26, subject="养老服务覆盖率", value=120.0, unit="%", raw="120%"),
    ]


def test_raw_matches_the_text_at_its_offsets():
    documents = pd.DataFrame({"document_id": [DOC], "text": [TEXT]})
    outcomes = validate_metrics(frame(*text_rows()), KNOWN_UNITS, documents)
    assert "raw_matches_text" not in failed(outcomes)


@pytest.mark.parametrize("fault", [
    {"raw": "17663人"},           # raw differs from the text
    {"start": 9, "end": 15},      # offsets shifted
    {"start": 40, "end": 46},     # offsets beyond the text
    {"start": 14, "end": 8},      # an inverted span
    {"document_id": OTHER},       # a document whose text is unknown
])
def test_raw_not_matching_the_text_fails_as_error(fault):
    faulty = row(f"{DOC}:8:14", start=8, end=14) | fault
    outcomes = validate_metrics(frame(faulty, *text_rows()[1:]), KNOWN_UNITS, {DOC: TEXT})
    failed_check = outcome(outcomes, "raw_matches_text")
    assert not failed_check.passed and failed_check.severity == "ERROR"
    assert failed_check.failing_metric_ids == (f"{DOC}:8:14",)


def test_raw_check_is_skipped_without_document_text():
    faulty = row(f"{DOC}:8:14", start=8, end=14, raw="17663人")
    check = outcome(validate_metrics(frame(faulty), KNOWN_UNITS), "raw_matches_text")
    assert check.passed and check.observed["skipped"]


def test_a_file_copied_under_two_names_is_no_key_clash():
    copies = frame(*CLEAN_ROWS, *CLEAN_ROWS)
    assert failed(validate_metrics(copies, KNOWN_UNITS)) == set()


def test_a_period_column_is_tolerated():
    with_period = frame(*CLEAN_ROWS).assign(period="2024")
    assert failed(validate_metrics(with_period, KNOWN_UNITS)) == set()


def test_suite_run_keeps_the_gx_result_for_data_docs():
    run = validate_metrics(frame(*CLEAN_ROWS), KNOWN_UNITS)
    assert run.suite == "metrics"
    assert [r.suite_name for r in run.gx_results] == ["metrics"]
    assert len(run) == len(METRIC_CHECKS)


def test_a_report_with_an_overflowing_and_an_absurd_figure_is_flagged_and_alerted():
    """Issue 12: a 400-digit figure was stored as inf and 10^30 元 as 1e30 with every check
    passing. From the report's text to the alerts, through the production code."""
    from expectations.alerts import alerts_from_outcomes
    from transforms.pipeline import build_document
    from transforms.rules.units import known_units
    from transforms.tables import documents_frame, metrics_frame

    text = ("某县民政局2023年工作总结\n2023年,全县城乡低保对象" + "9" * 400 + "人,"
            "发放救助资金1" + "0" * 30 + "元,特困人员1762人。\n")
    document = build_document(text.encode("utf-8"), "inbox/absurd.txt")
    documents = documents_frame([document])
    outcomes = validate_metrics(metrics_frame([document]), known_units(), documents)
    assert failed(outcomes) == {"value_finite", "value_plausible"}
    alerts = {alert.check: alert for alert in alerts_from_outcomes(outcomes, documents)}
    assert alerts["value_finite"].severity == "ERROR"
    assert "value=inf" in alerts["value_finite"].observed
    assert alerts["value_plausible"].severity == "WARN"
    assert "救助资金" in alerts["value_plausible"].observed
    assert all(alert.source_path == "inbox/absurd.txt" for alert in alerts.values())


def test_the_extractor_says_which_figures_are_changes_and_the_checks_read_it():
    """From text to checks: a level, its change (negative, in a 减少 clause) and a share get the
    measure their subject rule gives; the negative change passes value_non_negative."""
    from transforms.pipeline import build_document
    from transforms.rules.units import known_units
    from transforms.tables import documents_frame, metrics_frame

    text = ("某县民政局2023年工作总结\n2023年,全县特困人员1762人,比上年减少-35人,占全县人口的0.8%。"
            "城市低保标准提高到每人每月820元,增加40元,增长5.1%。\n")
    document = build_document(text.encode("utf-8"), "reports/measure.txt")
    metrics = metrics_frame([document])
    assert dict(zip(metrics["raw"], metrics["measure"])) == {
        "1762人": "level", "-35人": "change", "0.8%": "share", "820元": "level", "40元": "change", "5.1%": "change"}
    assert metrics.set_index("raw")["indicator"].isna()["40元"]  # a rise of the standard is not the standard
    outcomes = by_name(validate_metrics(metrics, known_units(), documents_frame([document])))
    assert outcomes["value_non_negative"].passed
