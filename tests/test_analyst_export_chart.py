"""Exports (Parquet, CSV, partitioned Parquet) round-trip; charts hold the series they plot."""

from __future__ import annotations

import re

import duckdb
import pytest

from govreport.cli import main
from warehouse.chart import Chart, Series, compact_number, load_chart, nice_ticks, render_html
from warehouse.export import export_file, export_partitioned, table_sql

pytest_plugins = ["tests.analyst_fixtures"]

FACTS = "SELECT * FROM indicator_facts"


def test_parquet_export_round_trips(reader, tmp_path):
    target = tmp_path / "facts.parquet"
    assert export_file(reader, FACTS, target) == len(reader.execute(FACTS).fetchall())
    back = duckdb.connect().execute(f"SELECT * FROM '{target}' ORDER BY ALL").fetchall()
    assert back == reader.execute(f"{FACTS} ORDER BY ALL").fetchall()


def test_csv_export_round_trips_chinese_text_commas_and_quotes(reader, tmp_path):
    target = tmp_path / "values.csv"
    sql = "SELECT metric_id, value, raw, sentence, report_title FROM indicator_values;"
    rows = export_file(reader, sql, target)
    back = duckdb.connect().execute(f"SELECT * FROM read_csv('{target}', all_varchar = true) ORDER BY ALL").fetchall()
    expected = reader.execute(
        "SELECT metric_id, CAST(value AS VARCHAR), raw, sentence, report_title FROM indicator_values ORDER BY ALL"
    ).fetchall()
    assert rows == len(expected) and back == expected
    assert any("," in sentence for _, _, _, sentence, _ in back)


def test_partitioned_export_by_year_and_province(reader, tmp_path):
    target = tmp_path / "by_year"
    rows = export_partitioned(reader, table_sql(reader, "indicator_values"), target)
    assert (target / "report_year=2023").is_dir()
    provinces = {p.name for p in (target / "report_year=2024").iterdir()}
    assert "province=%E6%B2%B3%E5%8D%97%E7%9C%81" in provinces  # 河南省, URI-encoded as hive readers expect
    back = duckdb.connect().execute(
        f"SELECT report_year, province, count(*) FROM read_parquet('{target}/*/*/*.parquet', hive_partitioning = true)"
        " GROUP BY ALL ORDER BY ALL").fetchall()
    expected = reader.execute(
        "SELECT report_year, province, count(*) FROM indicator_values GROUP BY ALL ORDER BY ALL").fetchall()
    assert back == expected and rows == sum(n for *_, n in expected)


def test_partitioned_export_needs_year_and_province(reader, tmp_path):
    with pytest.raises(ValueError, match="report_year, province"):
        export_partitioned(reader, "SELECT * FROM metrics", tmp_path / "m")


def test_only_known_tables_and_views_can_be_named(reader):
    assert table_sql(reader, "indicator_yoy") == 'SELECT * FROM "indicator_yoy"'
    for name in ("nope", 'documents"; DROP TABLE documents; --'):
        with pytest.raises(ValueError, match="no table or view"):
            table_sql(reader, name)


def test_export_refuses_a_file_of_unknown_format(reader, tmp_path):
    with pytest.raises(ValueError, match=r"\.parquet or \.csv"):
        export_file(reader, FACTS, tmp_path / "facts.xlsx")


def test_export_command_reports_rows_and_errors(analyst_warehouse, tmp_path, capsys):
    target = tmp_path / "sentences.parquet"
    assert main(["export", "--table", "problems", "--to", str(target), "--warehouse", str(analyst_warehouse)]) == 0
    assert re.fullmatch(r"wrote \d+ rows to .*sentences\.parquet\n", capsys.readouterr().out)
    assert main(["export", "--sql", "SELEC nonsense", "--to", str(tmp_path / "x.csv"),
                 "--warehouse", str(analyst_warehouse)]) == 1
    assert "govreport export:" in capsys.readouterr().err


def test_chart_plots_annual_actual_figures_of_the_indicators_unit(reader):
    chart = load_chart(reader, "dibao_recipients")
    assert (chart.indicator_name, chart.unit) == ("城乡低保对象", "人")
    by_label = {s.label: s.points for s in chart.series}
    assert by_label["栾川县"] == ((2023, 12590.0), (2024, 12863.0))
    assert "安吉县" not in by_label  # a half-year report
    assert chart.series[0].label == "甘肃省"  # largest latest figure first
    assert len(load_chart(reader, "dibao_recipients", top=3).series) == 3
    henan = load_chart(reader, "dibao_recipients", province="河南省")
    assert [s.label for s in henan.series] == ["栾川县"] and henan.province == "河南省"


def test_chart_of_an_indicator_without_figures_is_refused(reader):
    with pytest.raises(ValueError, match="govreport indicators"):
        load_chart(reader, "no_such_indicator")


def test_chart_html_is_self_contained_and_holds_every_series():
    chart = Chart("dibao_recipients", "城乡低保对象", "人", None, (
        Series("栾川县", ((2020, 12000.0), (2021, 12590.0), (2023, 12863.0))),
        Series("三台县", ((2021, 23100.0),)),
    ), regions_total=5)
    page = render_html(chart)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert re.findall(r"(?:src|href)=", page) == []
    assert "城乡低保对象（人）" in page and "2 of 5 regions" in page
    assert page.count("<polyline") == 1  # 2020-2021 joined; 2023 and 三台县 stand alone
    assert page.count("<circle") == 4
    assert "栾川县 2023: 12,863 人" in page and "三台县 2021: 23,100 人" in page
    assert "<th>2020</th><th>2021</th><th>2023</th>" in page
    assert "<td>栾川县</td><td>12,000</td><td>12,590</td><td>12,863</td>" in page


def test_chart_command_writes_the_file(analyst_warehouse, tmp_path, capsys):
    target = tmp_path / "chart.html"
    assert main(["chart", "tekun_persons", "--to", str(target), "--warehouse", str(analyst_warehouse)]) == 0
    assert "特困人员" in target.read_text(encoding="utf-8")
    assert capsys.readouterr().out.startswith(f"wrote {target}: 特困人员 (人)")


def test_axis_ticks_are_round_and_labels_use_wan_and_yi():
    assert nice_ticks(0, 12863) == [0, 2500, 5000, 7500, 10000, 12500, 15000]
    assert nice_ticks(0, 1.0) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert nice_ticks(5, 5) == pytest.approx([5, 5.2, 5.4, 5.6, 5.8, 6.0])
    assert [compact_number(v) for v in (0, 2500, 12500, 1.5e8)] == ["0", "2500", "1.25万", "1.5亿"]
