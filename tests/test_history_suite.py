"""Tests for expectations.history_suite on a real temporary DuckDB warehouse: the three
cross-document WARN checks, and one batch with the planted errors of the issue end to end."""

from datetime import date

import pandas as pd
import pytest

from expectations import (
    HistoryFrames,
    split_batch,
    validate_documents,
    validate_history,
    validate_metrics,
)
from expectations.vocabulary import core_indicators
from warehouse.quality import history_frames
from warehouse.schema import connect, ensure_schema

REGION = "500238"


def doc_id(n: int) -> str:
    return f"{n:064x}"


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "warehouse.duckdb")
    ensure_schema(connection)
    yield connection
    connection.close()


def add_document(con, n: int, year: int | None, region: str | None = REGION,
                 paths: tuple[str, ...] = ()) -> str:
    """A documents row and an ingest_log row per path it is held under (default: one)."""
    paths = paths or (f"reports/{n}.txt",)
    con.execute(
        "INSERT INTO documents (document_id, source_path, title, region_code, report_year,"
        " char_count, text, first_seen_run, loaded_at) VALUES (?, ?, ?, ?, ?, 3000, '…', 'r1', now())",
        [doc_id(n), paths[0], f"巫溪县民政局{year}年工作总结", region, year],
    )
    for path in paths:
        con.execute(
            "INSERT INTO ingest_log (source_path, sha256, format, run_id, status, first_seen, last_seen)"
            " VALUES (?, ?, 'txt', 'r1', 'loaded', now(), now())",
            [path, doc_id(n)],
        )
    return doc_id(n)


def add_metric(con, n: int, k: int, indicator: str | None, value: float, unit: str,
               kind: str = "actual", period: str | None = None) -> None:
    con.execute(
        "INSERT INTO metrics (metric_id, document_id, subject, indicator, value, unit, raw, kind,"
        ' start, "end", period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [f"{doc_id(n)}:{k}:{k + 1}", doc_id(n), indicator or "培训", indicator, value, unit,
         f"{value}{unit}", kind, k, k + 1, period],
    )


def history(con):
    return {o.name: o for o in validate_history(HistoryFrames(*history_frames(con, core_indicators())))}


def failed(outcomes: dict) -> set[str]:
    return {name for name, o in outcomes.items() if not o.passed}


def test_steady_history_passes(con):
    for n, year, funds in ((1, 2022, 11_000_000.0), (2, 2023, 12_345_678.0), (3, 2024, 13_000_000.0)):
        add_document(con, n, year)
        add_metric(con, n, 1, "dibao_funds", funds, "元")
        add_metric(con, n, 2, "dibao_recipients", 17000.0 + n, "人")
    outcomes = history(con)
    assert list(outcomes) == ["no_tenfold_jump", "core_indicator_present", "content_under_one_name"]
    assert failed(outcomes) == set()
    assert outcomes["no_tenfold_jump"].observed["element_count"] == 4  # 2 series × 2 year pairs


def test_wan_yuan_written_as_yuan_next_year_warns_on_the_later_report(con):
    add_document(con, 1, 2023)
    add_metric(con, 1, 1, "dibao_funds", 12_345_000.0, "元")  # 1234.5万元
    add_document(con, 2, 2024)
    add_metric(con, 2, 1, "dibao_funds", 1_290.5, "元")  # 1290.5万元 written as 元
    outcome = history(con)["no_tenfold_jump"]
    assert not outcome.passed and outcome.severity == "WARN"
    assert outcome.failing_document_ids == (doc_id(2),)
    assert outcome.observed_by_document[doc_id(2)] == (
        "factor=0.000104536 (dibao_funds 500238 元: 2023 12345000 → 2024 1290.5)"
    )


def test_tenfold_growth_warns_too(con):
    for n, year, count in ((1, 2023, 120.0), (2, 2024, 1_500.0)):
        add_document(con, n, year)
        add_metric(con, n, 1, "orphans", count, "名")
    assert history(con)["no_tenfold_jump"].failing_document_ids == (doc_id(2),)


@pytest.mark.parametrize("first, second", [
    ({"year": 2021}, {"year": 2023}),                      # not consecutive years
    ({"unit": "%"}, {"unit": "%"}),                        # rates may move tenfold
    ({}, {"kind": "target"}),                              # a plan is not a level
    ({}, {"region": "110101"}),                            # another region
    ({}, {"unit": "户"}),                                  # another unit, another series
    ({}, {"period": "2023"}),                              # last year's figure, quoted
])
def test_what_is_not_compared(con, first, second):
    for n, spec, value in ((1, first, 10_000_000.0), (2, second, 1_000.0)):
        year = spec.get("year", 2022 + n)
        add_document(con, n, year, region=spec.get("region", REGION))
        add_metric(con, n, 1, "dibao_recipients", value, spec.get("unit", "人"),
                   kind=spec.get("kind", "actual"), period=spec.get("period"))
    assert history(con)["no_tenfold_jump"].passed


def test_a_part_after_the_total_is_not_the_years_level(con):
    add_document(con, 1, 2023)
    add_metric(con, 1, 1, "dibao_funds", 12_000_000.0, "元")
    add_document(con, 2, 2024)
    add_metric(con, 2, 1, "dibao_funds", 12_500_000.0, "元")  # the total
    add_metric(con, 2, 2, "dibao_funds", 50_000.0, "元")      # 其中 one town's share
    assert history(con)["no_tenfold_jump"].passed


def test_report_without_core_indicator_warns(con):
    add_document(con, 1, 2024)
    add_metric(con, 1, 1, "dibao_recipients", 17662.0, "人")
    add_document(con, 2, 2024)
    add_metric(con, 2, 1, "trainings", 12.0, "次")
    add_metric(con, 2, 2, None, 3.0, "项")
    outcome = history(con)["core_indicator_present"]
    assert outcome.failing_document_ids == (doc_id(2),)
    assert outcome.observed_by_document[doc_id(2)] == "core_mentions=0 (reports/2.txt)"


def test_same_content_under_two_names_warns(con):
    add_document(con, 1, 2024, paths=("inbox/a.txt", "inbox/copy of a.txt"))
    add_metric(con, 1, 1, "dibao_recipients", 17662.0, "人")
    add_document(con, 2, 2024)
    add_metric(con, 2, 1, "dibao_recipients", 17000.0, "人")
    outcome = history(con)["content_under_one_name"]
    assert outcome.severity == "WARN"
    assert outcome.failing_document_ids == (doc_id(1),)
    assert outcome.observed_by_document[doc_id(1)].endswith("(inbox/a.txt | inbox/copy of a.txt)")


def test_empty_warehouse_passes(con):
    assert failed(history(con)) == set()


# --- the planted report, end to end ---------------------------------------------

def report(n: int, year: int | None, text: str) -> dict:
    return {
        "document_id": doc_id(n), "source_path": f"inbox/{n}.txt", "format": "txt",
        "encoding": "utf-8", "title": f"巫溪县民政局{year}年工作总结", "agency": "巫溪县民政局",
        "province": "重庆市", "city": None, "county": "巫溪县", "region_code": REGION,
        "admin_level": "county", "report_year": year, "report_type": "年度工作总结",
        "publish_date": date(year + 1, 1, 20) if year else None, "index_no": None,
        "doc_no": None, "char_count": len(text), "text": text, "rule_failures": None,
    }


def mentions(n: int, text: str, found: list[tuple[str, str, str | None, float, str]]) -> list[dict]:
    """Metric rows for (raw, subject, indicator, value, unit) found in `text`."""
    rows = []
    for raw, subject, indicator, value, unit in found:
        start = text.index(raw)
        rows.append({
            "metric_id": f"{doc_id(n)}:{start}:{start + len(raw)}", "document_id": doc_id(n),
            "section_id": None, "subject": subject, "indicator": indicator, "value": value,
            "unit": unit, "raw": raw, "qualifier": None, "kind": "actual", "period": None,
            "start": start, "end": start + len(raw), "sentence": text, "section": None,
            "section_category": "work_done", "measure": "level",
        })
    return rows


def planted_batch() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Three reports of one county: 2023 is clean; 2024 writes 1290.5万元 as 元 and states a
    120% coverage rate; the third states no year."""
    text_2023 = "全年发放低保金1234.5万元,保障城乡低保对象17662人。" * 8
    text_2024 = "全年发放低保金1290.5元,保障城乡低保对象17800人,养老服务覆盖率达120%。" * 8
    text_none = "全年发放低保金1300万元,保障城乡低保对象17900人。" * 8
    documents = pd.DataFrame([report(1, 2023, text_2023), report(2, 2024, text_2024),
                              report(3, None, text_none)])
    documents["report_year"] = documents["report_year"].astype("Int64")
    metrics = pd.DataFrame([
        *mentions(1, text_2023, [("1234.5万元", "低保金", "dibao_funds", 12_345_000.0, "元"),
                                 ("17662人", "城乡低保对象", "dibao_recipients", 17662.0, "人")]),
        *mentions(2, text_2024, [("1290.5元", "低保金", "dibao_funds", 1290.5, "元"),
                                 ("17800人", "城乡低保对象", "dibao_recipients", 17800.0, "人"),
                                 ("120%", "养老服务覆盖率", None, 120.0, "%")]),
        *mentions(3, text_none, [("1300万元", "低保金", "dibao_funds", 13_000_000.0, "元")]),
    ])
    return documents, metrics


def load(con, documents: pd.DataFrame, metrics: pd.DataFrame) -> None:
    """What the loader does for the documents that pass, in plain SQL."""
    con.register("batch_documents", documents)
    con.register("batch_metrics", metrics)
    con.execute("INSERT INTO documents BY NAME SELECT *, 'r1' AS first_seen_run, now() AS loaded_at"
                " FROM batch_documents")
    con.execute("INSERT INTO metrics BY NAME SELECT * FROM batch_metrics")
    con.execute("INSERT INTO ingest_log SELECT source_path, document_id, format, 'r1', 'loaded',"
                " NULL, now(), now() FROM batch_documents")
    con.unregister("batch_documents")
    con.unregister("batch_metrics")


def test_planted_report_gives_the_right_errors_and_warnings(con):
    from transforms.rules.units import known_units

    documents, metrics = planted_batch()
    batch = [*validate_documents(documents, date(2026, 11, 23)),
             *validate_metrics(metrics, known_units(), documents)]
    split = split_batch(batch)
    assert split.quarantined == {}  # a report without a year loads (WARN), outside the year series
    warned = {o.name: o.failing_document_ids for o in batch if not o.passed and o.severity == "WARN"}
    assert warned == {"percentage_in_range": (doc_id(2),), "report_year_present": (doc_id(3),)}

    keep = ~documents["document_id"].isin(list(split.quarantined))
    load(con, documents[keep], metrics[metrics["document_id"].isin(documents[keep]["document_id"])])
    outcomes = history(con)
    assert failed(outcomes) == {"no_tenfold_jump"}
    assert outcomes["no_tenfold_jump"].severity == "WARN"
    assert outcomes["no_tenfold_jump"].failing_document_ids == (doc_id(2),)
