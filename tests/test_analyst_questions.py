"""Every question of the README's "For analysts" section, run as written on the sample warehouse, with its answer checked."""

from __future__ import annotations

import json
import re
import shlex
import shutil

import duckdb
import pytest

from govreport.cli import main
from tests.analyst_helpers import ROOT

pytest_plugins = ["tests.analyst_fixtures"]

DOC = ROOT / "README.md"
QUESTION = re.compile(r"^### (Q\d+) · .*?\n+```(sql|sh)\n(.*?)```", re.MULTILINE | re.DOTALL)


def questions() -> dict[str, tuple[str, str]]:
    """{Q1: (language, code), ...} from the doc."""
    return {qid: (language, code.strip()) for qid, language, code in QUESTION.findall(DOC.read_text(encoding="utf-8"))}


def sql_of(qid: str) -> str:
    language, code = questions()[qid]
    assert language == "sql"
    return code


def rows_as_dicts(con, sql: str) -> list[dict]:
    result = con.execute(sql)
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def run_commands(qid: str, warehouse, capsys, extra: tuple[str, ...] = ()) -> list[str]:
    """Run each `govreport …` line of a question's block; the stdout of each."""
    language, code = questions()[qid]
    assert language == "sh"
    outputs = []
    for line in code.splitlines():
        argv = shlex.split(line)
        assert argv[0] == "govreport"
        assert main([*argv[1:], *extra, "--warehouse", str(warehouse)]) == 0, line
        outputs.append(capsys.readouterr().out)
    return outputs


def test_the_doc_has_at_least_five_questions_each_with_code():
    assert len(questions()) >= 5
    numbers = [int(qid[1:]) for qid in questions()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_q1_dibao_recipients_by_county_in_2023(reader):
    rows = rows_as_dicts(reader, sql_of("Q1"))
    assert [(r["county"], r["recipients"]) for r in rows] == [("三台县", 23100.0), ("栾川县", 12590.0)]
    assert rows[0]["raw"] == "2.31万人" and "城乡低保对象2.31万人" in rows[0]["sentence"]
    assert rows[1]["province"] == "河南省" and rows[1]["city"] == "洛阳市"


def test_q2_largest_year_over_year_changes(reader):
    rows = rows_as_dicts(reader, sql_of("Q2"))
    assert len(rows) == 10
    # only 栾川县 has two consecutive annual reports in the sample warehouse
    assert all((r["region"], r["previous_year"], r["report_year"]) == ("栾川县", 2023, 2024) for r in rows)
    changes = [abs(r["change_pct"]) for r in rows]
    assert changes == sorted(changes, reverse=True)
    (largest,) = reader.execute("SELECT max(abs(change_pct)) FROM indicator_yoy").fetchone()
    assert changes[0] == largest
    for r in rows:
        expected = 100 * (r["value"] - r["previous_value"]) / r["previous_value"]
        assert r["change_pct"] == pytest.approx(expected, abs=0.01)
    dibao = rows_as_dicts(reader, "SELECT * FROM indicator_yoy WHERE indicator_id = 'dibao_recipients'")
    assert [(r["previous_value"], r["value"], r["unit"], r["change_pct"]) for r in dibao] == [
        (12590.0, 12863.0, "人", 2.17)]


def test_q3_what_reports_say_about_social_organisation_problems(analyst_warehouse, capsys):
    (output,) = run_commands("Q3", analyst_warehouse, capsys, extra=("--format", "json"))
    hits = [json.loads(line) for line in output.splitlines()]
    assert len(hits) >= 4
    assert all(hit["section_category"] == "problems" and "社会组织" in hit["sentence"] for hit in hits)
    assert {"栾川县民政局", "安吉县民政局", "郧西县民政局"} <= {hit["agency"] for hit in hits}
    assert any(hit["sentence"].startswith("一是社会组织发展不够充分") for hit in hits)
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_q4_the_sentence_behind_a_figure(reader):
    (row,) = rows_as_dicts(reader, sql_of("Q4"))
    assert (row["value"], row["unit"], row["raw"]) == (106000.0, "人", "10.6万人")
    assert "特困人员10.6万人" in row["sentence"]
    assert row["report_title"] == "甘肃省民政厅2024年法治政府建设年度报告"


def test_q5_indicator_coverage(analyst_warehouse, reader, capsys):
    (output,) = run_commands("Q5", analyst_warehouse, capsys, extra=("--format", "json"))
    rows = [json.loads(line) for line in output.splitlines()]
    by_id = {row["indicator_id"]: row for row in rows}
    dibao = by_id["dibao_recipients"]
    assert (dibao["name"], dibao["unit"], dibao["regions"], dibao["years"]) == ("城乡低保对象", "人", 9, 4)
    assert (dibao["first_year"], dibao["last_year"]) == (2022, 2025)
    assert rows[0]["regions"] == 9  # no indicator is reported by more regions than 低保 recipients
    never_found = {i for (i,) in reader.execute(
        "SELECT indicator_id FROM indicators ANTI JOIN metrics ON metrics.indicator = indicators.indicator_id"
    ).fetchall()}
    assert all(by_id[i]["regions"] == 0 and by_id[i]["mentions"] == 0 for i in never_found)
    assert len(rows) >= reader.execute("SELECT count(*) FROM indicators").fetchone()[0]
    regions = [row["regions"] for row in rows]
    assert regions == sorted(regions, reverse=True)


def test_q6_every_mention_behind_a_figure(reader):
    rows = rows_as_dicts(reader, sql_of("Q6"))
    assert [r["mention_rank"] for r in rows] == list(range(1, len(rows) + 1))
    kinds = [r["kind"] for r in rows]
    assert kinds == sorted(kinds)  # every actual figure before any target
    first = rows[0]
    assert (first["value"], first["unit"], first["kind"]) == (48267000.0, "元", "actual")
    assert "4826.7万元" in first["sentence"]
    assert any(r["kind"] == "target" and r["value"] > first["value"] for r in rows)  # a larger target loses


def test_q7_what_reports_plan_for_elderly_care_beds(analyst_warehouse, capsys):
    (output,) = run_commands("Q7", analyst_warehouse, capsys, extra=("--format", "json"))
    hits = [json.loads(line) for line in output.splitlines()]
    assert len(hits) == 5
    assert all(hit["section_category"] == "plans" and "床位" in hit["sentence"] for hit in hits)
    assert "计划新增养老机构床位150张,推进村级幸福院提质增效。" in [hit["sentence"] for hit in hits]


def test_q8_newest_report_of_each_agency_in_a_province(reader):
    rows = rows_as_dicts(reader, sql_of("Q8"))
    assert [(r["agency"], r["report_type"], r["report_year"]) for r in rows] == [
        ("栾川县民政局", "工作总结和计划", 2024), ("栾川县民政局", "年度工作总结", 2023)]


def test_q9_exports_and_chart(analyst_warehouse, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outputs = run_commands("Q9", analyst_warehouse, capsys)
    assert all(output.startswith("wrote ") for output in outputs)
    con = duckdb.connect()
    (facts,) = con.execute("SELECT count(*) FROM read_csv('indicator_facts.csv')").fetchone()
    (dibao,) = con.execute("SELECT count(DISTINCT indicator_id) FROM 'dibao.parquet'").fetchone()
    (partitioned,) = con.execute(
        "SELECT count(*) FROM read_parquet('indicator_values_by_year/*/*/*.parquet', hive_partitioning = true)"
        " WHERE province = '河南省' AND report_year = 2023").fetchone()
    assert facts > 100 and dibao >= 3 and partitioned > 5
    chart = (tmp_path / "dibao_henan.html").read_text(encoding="utf-8")
    assert "城乡低保对象（人） · 河南省" in chart and "栾川县 2024: 12,863 人" in chart
    assert "栾川县 2023: 12,590 人" in chart and chart.count("<polyline") == 1  # a line, not one dot


CODE_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE_QUERY = re.compile(r'`(govreport query "[^"`]+")`')
NOT_ON_A_WAREHOUSE = ("ingest", "extract", "eval")


def readme_examples() -> tuple[list[str], list[str]]:
    """(every SQL block, every `govreport` command of a sh block or an inline query) in README.md."""
    text = DOC.read_text(encoding="utf-8")
    blocks = CODE_BLOCK.findall(text)
    sql = [code.strip() for language, code in blocks if language == "sql"]
    commands = [line.split("  #")[0].strip() for language, code in blocks if language == "sh"
                for line in code.splitlines() if line.startswith("govreport ")]
    return sql, commands + INLINE_QUERY.findall(text)


def test_every_readme_example_runs_on_the_make_run_warehouse(analyst_warehouse, tmp_path, monkeypatch, capsys):
    """Every SQL block returns rows; every govreport command that works on a warehouse succeeds
    (on a copy, in an empty folder: exports, charts, backups and restores write there)."""
    from warehouse import run_query

    sql, commands = readme_examples()
    assert len(sql) >= 5 and len(commands) >= 10
    for query in sql:
        assert run_query(analyst_warehouse, query)[1], query
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(analyst_warehouse, copy)
    monkeypatch.chdir(tmp_path)
    ran = 0
    for line in commands:
        argv = shlex.split(line)[1:]
        if argv[0] in NOT_ON_A_WAREHOUSE:
            continue
        if "--warehouse" not in argv:
            argv += ["--warehouse", str(copy)]
        assert main(argv) == 0, (line, capsys.readouterr().err)
        assert capsys.readouterr().out.strip(), line
        ran += 1
    assert ran >= 10
