"""Tests for warehouse/: schema, idempotent loader, read-only queries, formatting, locking."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from warehouse import (
    LoadSummary,
    WarehouseLockedError,
    connect,
    ensure_schema,
    format_rows,
    load_batch,
    record_failures,
    replace_indicators,
    run_query,
    table_counts,
)
from warehouse.query import NotAQueryError, _converts_from_arrow, display_width, fetch_rows
from warehouse.schema import CorruptWarehouseError, migrations

TABLES = ("documents", "sections", "sentences", "sentence_terms", "metrics", "indicators", "ingest_log",
          "dq_results")


def sha(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def make_batch(files: dict[str, str], metrics_per_doc: int = 2) -> dict[str, pd.DataFrame]:
    """Every table's frame for {source_path: text}; one section and one sentence per doc."""
    docs, sections, sentences, terms, metrics = [], [], [], [], []
    for path, text in files.items():
        doc_id = sha(text)
        docs.append({
            "document_id": doc_id, "source_path": path, "format": "txt", "encoding": "utf-8",
            "title": f"{path} 工作总结", "agency": "巫溪县民政局", "province": "重庆市", "city": None,
            "county": "巫溪县", "region_code": "500238", "admin_level": "county", "report_year": 2024,
            "year_source": "title",
            "report_type": "年度工作总结", "publish_date": "2025-01-10", "index_no": None, "doc_no": None,
            "char_count": len(text), "text": text, "extractor_version": "v1", "rule_failures": None,
        })
        sentences.append({
            "sentence_id": f"{doc_id}:0", "document_id": doc_id, "idx": 0, "section_id": f"{doc_id}:0",
            "start": 0, "end": len(text), "text": text, "term_count": 1,
        })
        terms.append({"term": text, "sentence_id": f"{doc_id}:0", "document_id": doc_id, "tf": 1})
        sections.append({
            "section_id": f"{doc_id}:0", "document_id": doc_id, "idx": 0, "parent_idx": None, "level": 1,
            "number": "一", "title": "主要工作", "category": "work_done", "start": 0, "end": len(text),
        })
        for i in range(metrics_per_doc):
            metrics.append({
                "metric_id": f"{doc_id}:{10 * i}:{10 * i + 6}", "document_id": doc_id,
                "section_id": f"{doc_id}:0", "subject": "城乡低保对象", "indicator": None,
                "value": 17662.0 + i, "unit": "人", "raw": "17662人", "qualifier": None, "kind": "actual",
                "start": 10 * i, "end": 10 * i + 6, "sentence": "保障城乡低保对象17662人。",
                "section": "主要工作", "section_category": "work_done", "period": "2024",
                "sentence_id": f"{doc_id}:0", "measure": "level",
            })
    return {"documents": pd.DataFrame(docs), "sections": pd.DataFrame(sections),
            "sentences": pd.DataFrame(sentences), "sentence_terms": pd.DataFrame(terms),
            "metrics": pd.DataFrame(metrics)}


def snapshot(con) -> dict[str, list[tuple]]:
    """Full, ordered contents of every data table."""
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def log_rows(con) -> list[tuple]:
    return con.execute(
        "SELECT source_path, sha256, status, run_id FROM ingest_log ORDER BY source_path, first_seen, sha256"
    ).fetchall()


def doc_ids(con) -> set[str]:
    return {d for (d,) in con.execute("SELECT document_id FROM documents").fetchall()}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "wh" / "warehouse.duckdb"


@pytest.fixture
def con(db_path: Path):
    connection = connect(db_path)
    ensure_schema(connection)
    yield connection
    connection.close()


# --- schema -------------------------------------------------------------------------


def test_ensure_schema_is_idempotent_and_versioned(db_path):
    con = connect(db_path)
    assert db_path.exists()
    latest = migrations()[-1][0]
    assert latest >= 2
    assert ensure_schema(con) == latest
    assert ensure_schema(con) == latest
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(v,) for v, _ in migrations()]
    assert table_counts(con) == dict.fromkeys(TABLES, 0)
    comment = con.execute(
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'metrics' AND column_name = 'value'"
    ).fetchone()[0]
    assert "base unit" in comment
    con.close()
    con = connect(db_path)
    assert ensure_schema(con) == latest
    con.close()


def test_read_only_connect_to_missing_file_names_it(tmp_path):
    missing = tmp_path / "nope" / "w.duckdb"
    with pytest.raises(FileNotFoundError, match="nope"):
        connect(missing, read_only=True)
    assert not missing.parent.exists()


def test_a_file_its_checkpoint_shortened_opens_and_one_cut_short_does_not(tmp_path):
    """A checkpoint truncates free blocks at the file's end while a read-only open still counts
    them (a 10,000-report rerun was refused as "cut short" so); a file missing blocks in use is."""
    path = tmp_path / "w.duckdb"
    writer = duckdb.connect(str(path))
    for table in ("kept", "dropped"):
        writer.execute(f"CREATE TABLE {table} AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(500000)")
        writer.execute("CHECKPOINT")
    writer.execute("DROP TABLE dropped")
    writer.execute("CHECKPOINT")
    writer.close()
    reader = connect(path, read_only=True)
    (total, free), = reader.execute("SELECT total_blocks, free_blocks FROM pragma_database_size()").fetchall()
    assert free > 0 and path.stat().st_size < total * 262144  # the shortened file this test is about
    assert reader.execute("SELECT count(*) FROM kept").fetchall() == [(500000,)]
    reader.close()
    os.truncate(path, path.stat().st_size // 2)
    with pytest.raises(CorruptWarehouseError, match="is damaged"):
        connect(path, read_only=True)


# --- load_batch ---------------------------------------------------------------------


def test_load_batch_inserts_and_counts(con):
    summary = load_batch(con, make_batch({"a.txt": "甲报告", "b.txt": "乙报告"}, metrics_per_doc=3), run_id="run-1")
    assert summary == LoadSummary(documents_loaded=2, documents_unchanged=0, documents_replaced=0, documents_reextracted=0,
                           metrics_loaded=6)
    assert table_counts(con) == {"documents": 2, "sections": 2, "sentences": 2, "sentence_terms": 2, "metrics": 6,
                                 "indicators": 0, "ingest_log": 2, "dq_results": 0}
    assert log_rows(con) == [("a.txt", sha("甲报告"), "loaded", "run-1"), ("b.txt", sha("乙报告"), "loaded", "run-1")]
    stored = con.execute("SELECT publish_date, first_seen_run, report_year FROM documents LIMIT 1").fetchone()
    assert str(stored[0]) == "2025-01-10" and stored[1] == "run-1" and stored[2] == 2024


def test_reloading_same_batch_changes_nothing_but_the_log(con):
    batch = make_batch({"a.txt": "甲报告", "b.txt": "乙报告"})
    load_batch(con, batch, run_id="run-1")
    before = snapshot(con)
    metrics_changed = batch["metrics"].assign(value=-1.0)  # an unchanged document's rows are not touched
    summary = load_batch(con, batch | {"metrics": metrics_changed}, run_id="run-2")
    assert summary == LoadSummary(documents_loaded=0, documents_unchanged=2, documents_replaced=0, documents_reextracted=0,
                           metrics_loaded=0)
    after = snapshot(con)
    assert {t: len(rows) for t, rows in after.items()} == {t: len(rows) for t, rows in before.items()}
    for table in ("documents", "sections", "metrics"):
        assert after[table] == before[table]
    assert log_rows(con) == [("a.txt", sha("甲报告"), "unchanged", "run-2"), ("b.txt", sha("乙报告"), "unchanged", "run-2")]
    first, last = con.execute("SELECT min(first_seen), min(last_seen) FROM ingest_log").fetchone()
    assert first < last


def test_changed_file_replaces_old_document(con):
    load_batch(con, make_batch({"a.txt": "旧版本", "b.txt": "乙报告"}), run_id="run-1")
    summary = load_batch(con, make_batch({"a.txt": "新版本"}, metrics_per_doc=5), run_id="run-2")
    assert summary == LoadSummary(documents_loaded=0, documents_unchanged=0, documents_replaced=1, documents_reextracted=0,
                           metrics_loaded=5)
    assert doc_ids(con) == {sha("新版本"), sha("乙报告")}
    old = sha("旧版本")
    for table in ("documents", "sections", "metrics"):
        assert con.execute(f"SELECT count(*) FROM {table} WHERE document_id = ?", [old]).fetchone()[0] == 0
    assert table_counts(con)["metrics"] == 5 + 2
    assert ("a.txt", sha("新版本"), "replaced", "run-2") in log_rows(con)
    assert con.execute("SELECT document_id FROM current_sources WHERE source_path = 'a.txt'").fetchone()[0] == sha("新版本")
    # the same batch again is a no-op
    counts = table_counts(con)
    again = load_batch(con, make_batch({"a.txt": "新版本"}, metrics_per_doc=5), run_id="run-3")
    assert again.documents_unchanged == 1 and table_counts(con) == counts


def test_replaced_content_kept_while_another_path_holds_it(con):
    summary = load_batch(con, make_batch({"a.txt": "同一内容", "copy/a.txt": "同一内容"}), run_id="run-1")
    assert summary.documents_loaded == 2 and summary.metrics_loaded == 2
    assert table_counts(con) == {"documents": 1, "sections": 1, "sentences": 1, "sentence_terms": 1, "metrics": 2,
                                 "indicators": 0, "ingest_log": 2, "dq_results": 0}

    load_batch(con, make_batch({"a.txt": "改过的内容"}), run_id="run-2")
    assert doc_ids(con) == {sha("同一内容"), sha("改过的内容")}  # copy/a.txt still holds it

    load_batch(con, make_batch({"copy/a.txt": "另一个内容"}), run_id="run-3")
    assert doc_ids(con) == {sha("改过的内容"), sha("另一个内容")}  # now nobody holds it
    assert table_counts(con)["metrics"] == 4


def test_failed_load_leaves_warehouse_as_it_was(con):
    load_batch(con, make_batch({"a.txt": "旧版本", "b.txt": "乙报告"}), run_id="run-1")
    before = snapshot(con)
    batch = make_batch({"a.txt": "新版本", "c.txt": "丙报告"})
    duplicate = batch["metrics"].iloc[[-1]].assign(value=99.0)  # same metric_id, different row
    metrics = pd.concat([batch["metrics"], duplicate], ignore_index=True)
    with pytest.raises(duckdb.ConstraintException):
        load_batch(con, batch | {"metrics": metrics}, run_id="run-2")
    assert snapshot(con) == before
    # the connection is usable afterwards and the corrected batch loads
    good = make_batch({"a.txt": "新版本", "c.txt": "丙报告"})
    assert load_batch(con, good, run_id="run-3").documents_replaced == 1


def test_load_batch_rejects_malformed_frames(con):
    batch = make_batch({"a.txt": "甲报告"})
    with pytest.raises(ValueError, match="loaded_at"):
        load_batch(con, batch | {"documents": batch["documents"].assign(loaded_at=None)}, run_id="r")
    with pytest.raises(ValueError, match="kind"):
        load_batch(con, batch | {"metrics": batch["metrics"].drop(columns=["kind"])}, run_id="r")
    stray = batch["metrics"].assign(document_id="0" * 64)
    with pytest.raises(ValueError, match="metrics"):
        load_batch(con, batch | {"metrics": stray}, run_id="r")
    assert table_counts(con) == dict.fromkeys(TABLES, 0)


def test_record_failures_upserts_log_rows(con):
    load_batch(con, make_batch({"a.txt": "旧版本"}), run_id="run-1")
    failures = pd.DataFrame([
        {"source_path": "a.txt", "sha256": sha("坏版本"), "format": "txt", "error": "解码失败"},
        {"source_path": "missing.pdf", "sha256": None, "format": None, "error": "No such file"},
    ])
    record_failures(con, failures, run_id="run-2")
    record_failures(con, failures.assign(error="again"), run_id="run-3")
    rows = con.execute(
        "SELECT source_path, sha256, status, error, run_id FROM ingest_log WHERE status = 'failed' ORDER BY source_path"
    ).fetchall()
    assert rows == [("a.txt", sha("坏版本"), "failed", "again", "run-3"), ("missing.pdf", None, "failed", "again", "run-3")]
    assert table_counts(con)["ingest_log"] == 3
    # the failed new content does not displace what a.txt served before
    assert doc_ids(con) == {sha("旧版本")}
    assert con.execute("SELECT document_id FROM current_sources WHERE source_path = 'a.txt'").fetchall()[0][0] == sha("旧版本")
    # once that content loads, its row flips to replaced and the error clears
    load_batch(con, make_batch({"a.txt": "坏版本"}), run_id="run-4")
    status, error = con.execute(
        "SELECT status, error FROM ingest_log WHERE sha256 = ?", [sha("坏版本")]
    ).fetchone()
    assert (status, error) == ("replaced", None)
    assert table_counts(con)["ingest_log"] == 3


def test_replace_indicators_replaces_whole_table(con):
    first = pd.DataFrame([
        {"indicator_id": "dibao", "name": "城乡低保对象", "unit": "人", "synonyms": ["低保对象", "城乡居民最低生活保障对象"]},
        {"indicator_id": "old", "name": "旧指标", "unit": "个", "synonyms": []},
    ])
    replace_indicators(con, first)
    second = first.iloc[[0]]
    replace_indicators(con, second)
    assert con.execute("SELECT indicator_id, synonyms FROM indicators").fetchall() == [
        ("dibao", ["低保对象", "城乡居民最低生活保障对象"])
    ]


# --- read-only queries and formatting ------------------------------------------------


def test_run_query_reads_and_rejects_writes(db_path):
    con = connect(db_path)
    ensure_schema(con)
    load_batch(con, make_batch({"a.txt": "甲报告"}), run_id="run-1")
    con.close()
    columns, rows = run_query(db_path, "SELECT subject, value FROM metrics ORDER BY value")
    assert columns == ["subject", "value"]
    assert rows == [("城乡低保对象", 17662.0), ("城乡低保对象", 17663.0)]
    with pytest.raises(NotAQueryError, match="read-only"):
        run_query(db_path, "DELETE FROM metrics")
    assert run_query(db_path, "SELECT count(*) AS n FROM metrics") == (["n"], [(2,)])


# Every type fetch_rows converts itself, with NULLs, repeated and distinct strings, a struct
# (NULL, with a NULL field, nested), and types it leaves to fetchall (DATE, DECIMAL, LIST, ENUM).
EVERY_KIND_OF_VALUE = """
SELECT i, i % 3 = 0 AS flag, i::TINYINT AS tiny, (i * 800)::SMALLINT AS small, i * 100000 AS whole,
       i::BIGINT * 10000000000 AS big, (18446744073709551615 - i)::UBIGINT AS unsigned, i / 7 AS ratio,
       (i / 3)::FLOAT AS single, CASE i WHEN 1 THEN 'nan'::DOUBLE WHEN 2 THEN -(i - 2)::DOUBLE END AS odd,
       CASE WHEN i % 4 = 0 THEN NULL ELSE ['湖北省', '甘肃省'][i % 2 + 1] END AS repeated,
       '第' || i || '句，城乡低保对象' || i || '人' AS distinct_text,
       CASE WHEN i % 5 = 0 THEN NULL ELSE {'target': i % 2 = 0, 'family': i % 3, 'unit': CASE WHEN i % 3 = 0 THEN NULL ELSE '人' END,
            'inner': {'value': i * 0.5::DOUBLE, 'name': '低保'}} END AS preference,
       CASE WHEN i % 6 = 0 THEN NULL ELSE i END AS sometimes
FROM range(40) t(i)
ORDER BY i
"""
LEFT_TO_FETCHALL = ("SELECT DATE '2024-06-30' + i::INTEGER AS day, (i / 4)::DECIMAL(6, 2) AS amount, [i, NULL] AS pair,"
                    " 'a'::ENUM('a', 'b') AS kind FROM range(3) t(i)")


@pytest.mark.parametrize("sql", [EVERY_KIND_OF_VALUE, LEFT_TO_FETCHALL, "SELECT 1 AS one WHERE false",
                                 "DESCRIBE SELECT 1 AS one", "EXPLAIN SELECT 1"])
def test_fetch_rows_gives_what_fetchall_gives(sql):
    con = duckdb.connect()
    result = con.execute(sql)
    expected = ([d[0] for d in result.description], result.fetchall())
    columns, rows = fetch_rows(con, sql)
    if sql == EVERY_KIND_OF_VALUE:  # what the test is for: every column through Arrow
        assert all(_converts_from_arrow(kind) for kind in con.sql(sql).types)
    assert columns == expected[0]
    assert [[(type(v), repr(v)) for v in row] for row in rows] == \
        [[(type(v), repr(v)) for v in row] for row in expected[1]]  # repr: nan equals itself, -0.0 is not 0.0


def test_format_rows_table_aligns_cjk_by_display_width():
    columns = ["subject", "value", "unit"]
    rows = [("城乡低保对象", 17662, "人"), ("ab", 1.5, None)]
    text = format_rows(columns, rows, "table")
    assert text == (
        "subject       value  unit\n"
        "------------  -----  ----\n"
        "城乡低保对象  17662  人\n"
        "ab              1.5  NULL"
    )
    lines = text.splitlines()
    value_ends = {display_width(line[: line.index(v) + len(v)]) for line, v in zip(lines[2:], ["17662", "1.5"])}
    assert value_ends == {19}


def test_format_rows_csv():
    text = format_rows(["subject", "value", "raw"], [("救助资金", 136746000.0, "13674.6万元"), ("a,b", None, '"x"')], "csv")
    assert text == 'subject,value,raw\n救助资金,136746000.0,13674.6万元\n"a,b",,"""x"""'


def test_format_rows_json_lines():
    import datetime as dt

    text = format_rows(["subject", "published", "n"], [("低保", dt.date(2025, 1, 10), None), ("x", None, 2)], "json")
    lines = text.split("\n")
    assert "低保" in lines[0]  # not \u-escaped
    assert [json.loads(line) for line in lines] == [
        {"subject": "低保", "published": "2025-01-10", "n": None},
        {"subject": "x", "published": None, "n": 2},
    ]
    with pytest.raises(ValueError, match="xml"):
        format_rows(["a"], [], "xml")


# --- locking across processes ---------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("ready", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
""")


def test_lock_held_by_other_process_is_retried_until_released(db_path, caplog):
    con = connect(db_path)
    ensure_schema(con)
    con.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), "1.0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        ready_at = time.monotonic()
        with pytest.raises(WarehouseLockedError, match="warehouse.duckdb"):
            connect(db_path, retries=0)
        # DuckDB 2.0: a writer in another process excludes read-only opens too
        with pytest.raises(WarehouseLockedError):
            connect(db_path, read_only=True, retries=0)
        with caplog.at_level(logging.WARNING, logger="warehouse.schema"):
            assert run_query(db_path, "SELECT 1 AS one") == (["one"], [(1,)])  # waited for the writer
        assert time.monotonic() - ready_at >= 0.9, "read while the other process still held the lock"
        assert any("locked by another process" in r.getMessage() for r in caplog.records)
        con = connect(db_path, retries=8)
        assert ensure_schema(con) == migrations()[-1][0]
        con.close()
    finally:
        holder.kill()
        holder.wait()
