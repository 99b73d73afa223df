"""Every user error is one line on stderr saying what went wrong and what to do, never a traceback;
`query` reads the warehouse and nothing else; the command line's smaller promises (--version,
checks' data-only formats, eval without gold, the inbox as the default of ingest, plain CSV,
partitioned Parquet that pandas reads, no .dagster/ from read-only commands)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from govreport.cli import main
from tests.analyst_helpers import ROOT, SAMPLES
from tests.test_analyst_readers import hold_read_write
from warehouse.query import NotAQueryError, run_query

pytest_plugins = ["tests.analyst_fixtures"]


def one_line_error(capsys, argv: list[str], status: int = 1) -> str:
    """Run the command in process; its only stderr line (it must fail with `status`, no traceback)."""
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse
        code = exit_.code
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == status and "Traceback" not in err and len(lines) == 1, err
    assert lines[0].startswith("govreport")
    return lines[0]


SQL_ERRORS = {
    "SELEC 1": "syntax error",
    "SELECT nope FROM metrics": 'column "nope" not found',
    "SELECT * FROM no_such_table": "no_such_table does not exist",
    "SELECT * FROM read_text('/etc/hostname')": "queries read the warehouse and nothing else",
    "DELETE FROM metrics": "not DELETE: the warehouse is read-only",
    "CREATE TABLE x AS SELECT 1": "not CREATE",
    "COPY (SELECT 1) TO 'out.csv'": "not COPY",
    "ATTACH 'other.duckdb'": "not ATTACH",
    "SET enable_external_access = true": "not SET",
    "INSTALL httpfs": "not LOAD",
    "SELECT 1; SELECT 2": "one SQL statement, not 2",
}


@pytest.mark.parametrize("sql", SQL_ERRORS)
def test_query_errors_are_one_line(sql, analyst_warehouse, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = one_line_error(capsys, ["query", sql, "--warehouse", str(analyst_warehouse)])
    assert SQL_ERRORS[sql] in line
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_the_reader_connection_cannot_touch_files_or_change_its_settings(reader, tmp_path):
    """Even a statement that got past the statement check could not leave the warehouse file."""
    settings = dict(reader.execute("SELECT name, value FROM duckdb_settings()"
                                   " WHERE name IN ('enable_external_access', 'lock_configuration')").fetchall())
    assert settings == {"enable_external_access": "false", "lock_configuration": "true"}
    target = tmp_path / "out.csv"
    for statement in (f"COPY (SELECT 1) TO '{target}'", f"ATTACH '{tmp_path / 'x.duckdb'}'",
                      "SELECT * FROM read_csv('/etc/hostname')", "SELECT * FROM glob('/etc/*')",
                      "SET enable_external_access = true", "INSTALL httpfs", "DELETE FROM metrics"):
        with pytest.raises(duckdb.Error):
            reader.execute(statement)
    assert list(tmp_path.iterdir()) == []


def test_run_query_refuses_every_statement_but_select_before_opening_the_file(tmp_path):
    missing = tmp_path / "none.duckdb"
    for sql in ("DROP TABLE metrics", "EXPORT DATABASE 'x'", "CHECKPOINT", "PRAGMA enable_profiling"):
        with pytest.raises(NotAQueryError):
            run_query(missing, sql)
    assert not missing.exists()


def test_query_takes_select_forms_and_explain(analyst_warehouse):
    for sql in ("SHOW TABLES", "DESCRIBE metrics", "FROM documents LIMIT 1", "EXPLAIN SELECT count(*) FROM metrics",
                "WITH d AS (SELECT * FROM documents) SELECT count(*) FROM d"):
        assert run_query(analyst_warehouse, sql)[1]


def test_a_missing_warehouse_says_how_to_build_it(capsys, tmp_path):
    line = one_line_error(capsys, ["search", "低保", "--warehouse", str(tmp_path / "none.duckdb")])
    assert f"no warehouse at {tmp_path / 'none.duckdb'}" in line and "govreport ingest" in line
    assert not (tmp_path / "none.duckdb").exists()


def test_a_locked_warehouse_names_the_holder(analyst_warehouse, capsys, monkeypatch):
    monkeypatch.setattr("warehouse.query.READ_RETRIES", 0)
    writer = hold_read_write(analyst_warehouse, seconds=30)
    try:
        line = one_line_error(capsys, ["query", "SELECT 1", "--warehouse", str(analyst_warehouse)])
    finally:
        writer.kill()
        writer.wait()
    assert f"locked by another process (PID {writer.pid}" in line and "try again when it has finished" in line


@pytest.mark.parametrize("argv, says", [
    (["query", "SELECT 1", "--format", "xml"], "invalid choice: 'xml'"),
    (["search", "低保", "--limit", "0"], "0 is not a positive number"),
    (["chart", "dibao_recipients", "--top", "many"], "'many' is not a whole number"),
    (["search", "低保", "--category", "nonsense"], "invalid choice"),
    (["search", "低保", "--year", "last"], "invalid int value"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    ([], "the following arguments are required: command"),
])
def test_bad_options_are_one_line(argv, says, capsys):
    line = one_line_error(capsys, argv, status=2)
    assert says in line and "--help" in line


@pytest.mark.parametrize("argv, says", [
    (["search", "，。！"], "has no searchable word"),
    (["chart", "no_such_indicator"], "govreport indicators"),
    (["export", "--table", "nope", "--to", "x.csv"], "no table or view named 'nope'"),
    (["export", "--table", "metrics", "--to", "x.xlsx"], "name it .parquet or .csv"),
    (["export", "--sql", "SELECT 1 AS one", "--to", "x", "--partitioned"], "missing report_year, province"),
    (["export", "--table", "metrics", "--to", "/proc/no/such.csv"], "cannot write /proc/no/such.csv"),
])
def test_analyst_command_errors_are_one_line(argv, says, analyst_warehouse, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert says in one_line_error(capsys, [*argv, "--warehouse", str(analyst_warehouse)])


def test_ingest_on_a_missing_path_names_it(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = one_line_error(capsys, ["ingest", "data/samples", str(SAMPLES / "santai-2023.txt")])
    assert "no such file or folder: data/samples" in line and str(tmp_path) in line


def test_ingest_without_a_path_reads_the_inbox(capsys, isolated_settings, monkeypatch):
    inbox = isolated_settings / "inbox"
    monkeypatch.setenv("GOVREPORT_INBOX", str(inbox))
    line = one_line_error(capsys, ["ingest"])
    assert f"the inbox {inbox} does not exist" in line
    inbox.mkdir()
    shutil.copy(SAMPLES / "santai-2023.txt", inbox)
    assert main(["ingest"]) == 0
    assert "1 of 1 file(s) needed work; succeeded" in capsys.readouterr().out
    (documents,) = run_query(isolated_settings / "warehouse.duckdb", "SELECT source_path FROM documents")[1]
    assert documents == (str(inbox / "santai-2023.txt"),)


def test_eval_without_gold_files_fails(capsys, tmp_path):
    line = one_line_error(capsys, ["eval", str(tmp_path), str(SAMPLES / "santai-2023.txt")])
    assert "nothing scored" in line
    assert "no gold folder" in one_line_error(capsys, ["eval", str(tmp_path / "none"), "x.txt"])


def test_eval_fails_when_one_file_has_no_gold(capsys):
    gold = ROOT / "tests" / "fixtures" / "samples"
    code = main(["eval", str(gold), str(SAMPLES / "santai-2023.txt"), str(ROOT / "README.md")])
    captured = capsys.readouterr()
    assert code == 1 and "README.md: no gold file" in captured.err
    assert f"{SAMPLES / 'santai-2023.txt'}: {{'gold': 47" in captured.out and "total: " in captured.out


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == "govreport 0.1.0"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_checks_csv_and_json_print_only_data_on_stdout(fmt, analyst_warehouse, capsys):
    assert main(["checks", "--format", fmt, "--warehouse", str(analyst_warehouse)]) == 0
    captured = capsys.readouterr()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(captured.out)))
    else:
        rows = [json.loads(line) for line in captured.out.splitlines()]
    assert len(rows) >= 15 and all(row["check_name"] and row["severity"] in ("ERROR", "WARN") for row in rows)
    assert "Data Docs" in captured.err and "run " in captured.err


def test_csv_exports_hold_plain_values(analyst_warehouse, tmp_path, capsys):
    for table in ("indicator_values", "agencies"):
        assert main(["export", "--table", table, "--to", str(tmp_path / f"{table}.csv"),
                     "--warehouse", str(analyst_warehouse)]) == 0
    capsys.readouterr()
    values = list(csv.DictReader((tmp_path / "indicator_values.csv").open(encoding="utf-8")))
    assert "preference" not in values[0] and values[0]["preference_target"] in ("true", "false")
    assert not any(cell.startswith(("{'", "{\"")) for row in values for cell in row.values())
    agencies = list(csv.DictReader((tmp_path / "agencies.csv").open(encoding="utf-8")))
    assert all(isinstance(json.loads(row["report_types"]), list) for row in agencies)


def test_partitioned_parquet_reads_back_with_pandas(analyst_warehouse, reader, tmp_path, capsys):
    target = tmp_path / "by_year"
    assert main(["export", "--table", "indicator_facts", "--to", str(target), "--partitioned",
                 "--warehouse", str(analyst_warehouse)]) == 0
    frame = pd.read_parquet(target)
    expected = reader.execute("SELECT report_year, province, count(*) FROM indicator_facts GROUP BY ALL").fetchall()
    counts = frame.groupby(["report_year", "province"], observed=True).size()
    assert sorted((int(y), p, n) for (y, p), n in counts.items()) == sorted(expected)


def test_a_damaged_warehouse_is_one_line_for_every_command(analyst_warehouse, tmp_path, capsys, monkeypatch):
    damaged = tmp_path / "cut.duckdb"
    shutil.copy(analyst_warehouse, damaged)
    os.truncate(damaged, damaged.stat().st_size // 2)
    monkeypatch.setenv("GOVREPORT_WAREHOUSE", str(damaged))
    monkeypatch.chdir(tmp_path)
    for argv in (["query", "SELECT count(*) FROM metrics"], ["search", "低保"], ["indicators"], ["checks"],
                 ["chart", "dibao_recipients"], ["export", "--table", "metrics", "--to", "m.csv"],
                 ["backup", "backup"], ["ingest", str(SAMPLES / "santai-2023.txt")]):
        line = one_line_error(capsys, argv)
        assert f"warehouse {damaged} is damaged" in line and "cut short" in line, argv
        assert "govreport restore" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.duckdb"]


def _run(argv, cwd, env):
    return subprocess.run([sys.executable, "-m", "govreport", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_commands_run_from_another_folder(analyst_warehouse, tmp_path):
    """Without the settings, a folder that is not the project: one line saying where it looked.
    With them, read-only commands work there and leave no .dagster/ behind."""
    bare = {k: v for k, v in os.environ.items() if not k.startswith(("GOVREPORT_", "DAGSTER_HOME"))}
    bare["PYTHONPATH"] = str(ROOT)
    for argv in (["query", "SELECT 1"], ["indicators"]):
        result = _run(argv, tmp_path, bare)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        (line,) = result.stderr.splitlines()
        assert f"no warehouse at {tmp_path / 'data' / 'warehouse.duckdb'}" in line
        assert "relative to the current folder" in line
    result = _run(["ingest", "data/samples"], tmp_path, bare)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no such file or folder" in result.stderr

    configured = {**bare, "GOVREPORT_WAREHOUSE": str(analyst_warehouse)}
    for argv in (["query", "SELECT count(*) FROM documents"], ["checks"], ["search", "低保", "--limit", "1"],
                 ["chart", "dibao_recipients", "--to", "chart.html"]):
        result = _run(argv, tmp_path, configured)
        assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".dagster").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.html"]


def test_eval_scores_metadata_beside_the_figures_and_prints_json_totals(capsys, tmp_path):
    """A gold folder holding `<file>.meta.json` scores the report's metadata too; --format json
    prints only the totals, one object."""
    gold = ROOT / "tests" / "fixtures" / "samples"
    report = SAMPLES / "santai-2023.txt"
    (tmp_path / "santai-2023.jsonl").write_text((gold / "santai-2023.txt.jsonl").read_text(encoding="utf-8"),
                                                encoding="utf-8")
    (tmp_path / "santai-2023.meta.json").write_text(json.dumps({"report_year": 1999}), encoding="utf-8")
    assert main(["eval", str(tmp_path), str(report), "--format", "json"]) == 0
    totals = json.loads(capsys.readouterr().out)
    assert totals["figures"]["gold"] == 47
    assert totals["metadata"]["documents"] == 1 and totals["metadata"]["report_year"] == 0.0
    assert main(["eval", str(tmp_path), str(report)]) == 0
    assert f"{report}: report_year: gold 1999 / got 2023" in capsys.readouterr().out
