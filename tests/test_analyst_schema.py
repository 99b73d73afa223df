"""Schema v1: in-place upgrade, comments, regions, and the rules of the analyst views."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from tests.analyst_helpers import SAMPLES
from transforms.pipeline import read_document
from transforms.tables import (
    DOCUMENT_COLUMNS,
    METRIC_COLUMNS,
    SECTION_COLUMNS,
    SENTENCE_COLUMNS,
    SENTENCE_TERM_COLUMNS,
    batch_frames,
    indicators_frame,
)
from warehouse import connect, ensure_schema, load_batch, refresh_regions, replace_indicators, search, table_counts
from warehouse.query import fetch_rows
from warehouse.schema import DDL_DIR, migrations, transaction, utc_now

pytest_plugins = ["tests.analyst_fixtures"]

ANALYST_TABLES = ("regions", "report_types", "indicator_yoy")
ANALYST_VIEWS = ("agencies", "latest_reports", "report_sentences", "problems", "plans", "indicator_values",
                 "indicator_facts", "indicator_series")


def apply_by_hand(con, names: list[str]) -> None:
    """Build a warehouse as an older version of the code did: only the given DDL files."""
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL)")
    for name in names:
        con.execute((DDL_DIR / name).read_text(encoding="utf-8"))
        con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [int(name[:4]), name, utc_now()])


def all_rows(con, table: str, added: tuple[str, ...] = ()) -> list[tuple]:
    """Every row of table, without the columns a later migration added."""
    exclude = f" EXCLUDE ({', '.join(added)})" if added else ""
    return con.execute(f"SELECT *{exclude} FROM {table} ORDER BY ALL").fetchall()


def test_a_warehouse_of_migrations_0001_and_0002_upgrades_in_place(tmp_path):
    con = connect(tmp_path / "old.duckdb")
    apply_by_hand(con, ["0001_initial.sql", "0002_sentences_terms_quality.sql"])
    documents = [read_document(SAMPLES / name) for name in ("luanchuan-2024.txt", "santai-2023.txt")]
    frames = batch_frames(documents)
    frames["documents"] = frames["documents"].drop(columns=["year_source", "rule_failures"])  # the columns of 0001
    frames["metrics"] = frames["metrics"].drop(columns=["measure"])  # and of 0002
    load_batch(con, frames, run_id="old-version")
    replace_indicators(con, indicators_frame())
    before = {table: all_rows(con, table) for table in ("documents", "sentences", "sentence_terms", "metrics")}
    counts = table_counts(con)

    assert ensure_schema(con) == migrations()[-1][0]
    refresh_regions(con)

    assert table_counts(con) == counts
    added = {"sentence_terms": ("sentence_length",),  # 0004, filled from sentences.term_count
             "documents": ("year_source", "rule_failures"),  # 0005, 0008
             "metrics": ("measure",)}  # 0009, NULL until the document is extracted again
    assert {table: all_rows(con, table, added.get(table, ())) for table in before} == before
    assert con.execute("SELECT count(*) FROM sentence_terms t JOIN sentences s USING (sentence_id)"
                       " WHERE t.sentence_length IS DISTINCT FROM s.term_count").fetchall() == [(0,)]
    (facts,) = con.execute("SELECT count(*) FROM indicator_facts WHERE indicator_id = 'dibao_recipients'").fetchone()
    assert facts == 2
    assert search(con, "低保")[1]
    con.close()


def test_a_warehouse_of_migration_0001_alone_upgrades_with_its_rows(tmp_path):
    con = connect(tmp_path / "oldest.duckdb")
    apply_by_hand(con, ["0001_initial.sql"])
    con.execute("INSERT INTO documents (document_id, source_path, agency, province, county, region_code,"
                " admin_level, report_year, report_type, first_seen_run, loaded_at)"
                " VALUES ('d1', 'a.txt', '巫溪县民政局', '重庆市', '巫溪县', '500238', 'county', 2024,"
                " '年度工作总结', 'r0', now())")
    con.execute("INSERT INTO metrics (metric_id, document_id, subject, indicator, value, unit, kind, sentence)"
                " VALUES ('d1:0:6', 'd1', '城乡低保对象', 'dibao_recipients', 17662, '人', 'actual',"
                " '保障城乡低保对象17662人。')")

    ensure_schema(con)

    assert con.execute("SELECT agency, extractor_version FROM documents").fetchall() == [("巫溪县民政局", None)]
    assert con.execute("SELECT region, value, sentence FROM indicator_facts").fetchall() == [
        ("巫溪县", 17662.0, "保障城乡低保对象17662人。")]
    assert con.execute("SELECT agency, reports FROM agencies").fetchall() == [("巫溪县民政局", 1)]
    con.close()


def test_ensure_schema_is_idempotent(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    version = ensure_schema(con)
    assert ensure_schema(con) == version
    assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (len(migrations()),)
    families = dict(con.execute("SELECT report_type, family FROM report_types").fetchall())
    assert families["半年工作总结"] == "half_year" and families["年度工作总结"] == "annual"
    con.close()


def test_every_table_view_and_column_has_a_comment(reader):
    objects = dict(reader.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'"
        " UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall())
    assert set(ANALYST_TABLES + ANALYST_VIEWS) <= set(objects)
    assert [name for name, comment in objects.items() if not comment] == []
    undocumented = reader.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'"
        " AND list_contains($names, table_name) AND coalesce(comment, '') = ''",
        {"names": list(objects)}).fetchall()
    assert undocumented == []


def test_every_analyst_table_and_view_fetches_the_rows_fetchall_gives(reader):
    for name in ANALYST_TABLES + ANALYST_VIEWS:
        sql = f"SELECT * FROM {name} ORDER BY ALL"
        expected = reader.execute(sql).fetchall()
        columns, rows = fetch_rows(reader, sql)
        assert columns == [d[0] for d in reader.execute(f"SELECT * FROM {name} LIMIT 0").description]
        assert [[(type(v), repr(v)) for v in row] for row in rows] == \
            [[(type(v), repr(v)) for v in row] for row in expected], name


def test_regions_come_from_the_gazetteer_and_match_every_document(reader):
    assert reader.execute(
        "SELECT name, province, city, county, level, parent_code FROM regions"
        " WHERE code IN ('500238', '330523', '620000') ORDER BY code").fetchall() == [
        ("安吉县", "浙江省", "湖州市", "安吉县", "county", "330500"),
        ("巫溪县", "重庆市", None, "巫溪县", "county", "500000"),
        ("甘肃省", "甘肃省", None, None, "province", None)]
    mismatched = reader.execute(
        "SELECT d.agency FROM documents d LEFT JOIN regions r ON r.code = d.region_code"
        " WHERE d.region_code IS NOT NULL AND (r.code IS NULL OR r.province IS DISTINCT FROM d.province"
        " OR r.city IS DISTINCT FROM d.city OR r.county IS DISTINCT FROM d.county OR r.level <> d.admin_level)"
    ).fetchall()
    assert mismatched == []


def test_refresh_regions_is_idempotent_and_runs_inside_a_transaction(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    first = refresh_regions(con)
    with transaction(con):
        assert refresh_regions(con) == first
    assert first > 3000
    con.close()


def test_agencies_latest_reports_problems_and_plans(reader):
    assert reader.execute(
        "SELECT reports, first_year, last_year, report_types FROM agencies WHERE agency = '栾川县民政局'"
    ).fetchall() == [(2, 2023, 2024, ["工作总结和计划", "年度工作总结"])]
    assert reader.execute(
        "SELECT report_type, report_year FROM latest_reports WHERE agency = '栾川县民政局' ORDER BY report_type"
    ).fetchall() == [("工作总结和计划", 2024), ("年度工作总结", 2023)]
    problems = [s for (s,) in reader.execute("SELECT sentence FROM problems WHERE agency = '栾川县民政局'"
                                             " AND report_year = 2023").fetchall()]
    assert "一是社会组织发展不够充分,部分社会组织内部治理不规范,年检参检率偏低。" in problems
    assert "二、存在的问题" not in problems
    plans = [s for (s,) in reader.execute("SELECT sentence FROM plans WHERE agency = '栾川县民政局'"
                                          " AND report_year = 2023").fetchall()]
    assert "计划新增养老机构床位150张,推进村级幸福院提质增效。" in plans
    assert "(一)提升社会救助水平。" not in plans


# --- the ranking and year-over-year rules, on hand-made rows --------------------------------


def document(region_code: str | None, year: int, report_type: str = "年度工作总结",
             agency: str = "巫溪县民政局") -> dict:
    key = f"{region_code}-{year}-{report_type}-{agency}"
    return {column: None for column in DOCUMENT_COLUMNS} | {
        "document_id": hashlib.sha256(key.encode()).hexdigest(), "source_path": f"{key}.txt", "format": "txt",
        "agency": agency, "province": "重庆市" if region_code else None, "county": "巫溪县" if region_code else None,
        "region_code": region_code, "admin_level": "county" if region_code else None, "report_year": year,
        "report_type": report_type, "char_count": 0, "text": "", "extractor_version": "test",
        "rule_failures": None}


def metric(doc: dict, start: int, value: float, unit: str = "人", kind: str = "actual",
           qualifier: str | None = None, indicator: str = "dibao_recipients") -> dict:
    return {column: None for column in METRIC_COLUMNS} | {
        "metric_id": f"{doc['document_id']}:{start}:{start + 1}", "document_id": doc["document_id"],
        "subject": "城乡低保对象", "indicator": indicator, "value": value, "unit": unit, "raw": f"{value}{unit}",
        "qualifier": qualifier, "kind": kind, "start": start, "end": start + 1, "sentence": f"s{start}",
        "section_category": "work_done", "sentence_id": f"{doc['document_id']}:{start}"}


@pytest.fixture
def handmade(tmp_path):
    """A function loading hand-made documents and metrics into a fresh warehouse; yields the connection."""
    con = connect(tmp_path / "handmade.duckdb")
    ensure_schema(con)
    replace_indicators(con, indicators_frame())

    def load(documents: list[dict], metrics: list[dict]):
        frames = {"documents": pd.DataFrame(documents, columns=DOCUMENT_COLUMNS).astype({"report_year": "Int64"}),
                  "sections": pd.DataFrame(columns=SECTION_COLUMNS),
                  "sentences": pd.DataFrame(columns=SENTENCE_COLUMNS),
                  "sentence_terms": pd.DataFrame(columns=SENTENCE_TERM_COLUMNS),
                  "metrics": pd.DataFrame(metrics, columns=METRIC_COLUMNS)}
        load_batch(con, frames, run_id="handmade")
        return con

    yield load
    con.close()


def test_mention_rank_prefers_actual_own_unit_annual_exact_then_largest(handmade):
    annual, half_year = document("500238", 2023), document("500238", 2023, "半年工作总结")
    metrics = [metric(annual, 1, 500, kind="target"), metric(annual, 2, 300, unit="户"),
               metric(annual, 3, 200, qualifier="approx"), metric(annual, 4, 100), metric(annual, 5, 150),
               metric(half_year, 6, 900)]
    con = handmade([annual, half_year], metrics)
    ranked = con.execute("SELECT value, mentions FROM indicator_values ORDER BY mention_rank").fetchall()
    assert ranked == [(150, 6), (100, 6), (200, 6), (900, 6), (300, 6), (500, 6)]
    assert con.execute("SELECT value, report_family FROM indicator_facts").fetchall() == [(150, "annual")]


def test_reports_without_a_region_are_never_merged(handmade):
    first, second = document(None, 2023, agency="*市民政局"), document(None, 2023, agency="*县民政局")
    con = handmade([first, second], [metric(first, 1, 10), metric(second, 1, 20)])
    assert sorted(con.execute("SELECT value FROM indicator_facts").fetchall()) == [(10,), (20,)]


def test_year_over_year_compares_like_with_like(handmade):
    docs = {year: document("500238", year) for year in (2019, 2020, 2021, 2022, 2024)}
    half_2023 = document("500238", 2023, "半年工作总结")
    other = {year: document("110105", year, agency="朝阳区民政局") for year in (2020, 2021)}
    metrics = [metric(docs[2020], 1, 100), metric(docs[2021], 1, 110),
               metric(docs[2022], 1, 40, unit="户"), metric(docs[2022], 2, 999, kind="target"),
               metric(half_2023, 1, 50), metric(docs[2024], 1, 150),
               metric(other[2020], 1, 0), metric(other[2021], 1, 5)]
    con = handmade([*docs.values(), half_2023, *other.values()], metrics)
    rows = con.execute("SELECT region_code, previous_year, report_year, previous_value, value, change, change_pct"
                       " FROM indicator_yoy ORDER BY region_code").fetchall()
    assert rows == [("110105", 2020, 2021, 0, 5, 5, None), ("500238", 2020, 2021, 100, 110, 10, 10.0)]


def test_each_posting_carries_its_sentence_length(reader):
    """The loader fills sentence_terms.sentence_length, which BM25 reads instead of joining sentences."""
    assert reader.execute("SELECT count(*), count(*) FILTER (t.sentence_length IS DISTINCT FROM s.term_count)"
                          " FROM sentence_terms t JOIN sentences s USING (sentence_id)").fetchall()[0][1] == 0
    assert reader.execute("SELECT count(*) FROM sentence_terms").fetchall()[0][0] > 1000
