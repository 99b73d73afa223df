"""Analyst readers: read-only, short-lived, and clear about a missing, outdated or locked warehouse.

The cross-process test with a real ingestion lives with the orchestration tests; here another
process simply holds the file open read-write, as an ingestion does while it writes.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from govreport.cli import main
from warehouse import OutdatedWarehouseError, WarehouseLockedError, connect, open_reader
from warehouse.schema import DDL_DIR

pytest_plugins = ["tests.analyst_fixtures"]

HOLD_WRITER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
""")


def hold_read_write(path, seconds: float) -> subprocess.Popen:
    """Another process that keeps the warehouse open read-write for `seconds`."""
    process = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(path), str(seconds)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "holding"
    return process


def test_a_reader_cannot_write(reader):
    with pytest.raises(duckdb.Error):
        reader.execute("DELETE FROM metrics")


def test_a_reader_closes_its_connection_when_done(analyst_warehouse):
    with open_reader(analyst_warehouse) as con:
        con.execute("SELECT count(*) FROM indicator_values").fetchall()
    writer = connect(analyst_warehouse)  # a read-write open succeeds only once the reader is closed
    writer.close()


def test_a_missing_warehouse_is_not_created(tmp_path):
    with pytest.raises(FileNotFoundError), open_reader(tmp_path / "none.duckdb"):
        pass
    assert not (tmp_path / "none.duckdb").exists()


def test_an_outdated_warehouse_is_named_with_the_way_to_upgrade_it(tmp_path, capsys):
    path = tmp_path / "v1.duckdb"
    con = connect(path)
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL)")
    con.execute((DDL_DIR / "0001_initial.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_version VALUES (1, '0001_initial.sql', now())")
    con.close()
    with pytest.raises(OutdatedWarehouseError, match="govreport ingest"), open_reader(path):
        pass
    assert main(["indicators", "--warehouse", str(path)]) == 1
    assert "schema version 1" in capsys.readouterr().err


def test_a_reader_gives_up_with_a_clear_error_while_a_writer_holds_the_file(analyst_warehouse, capsys):
    writer = hold_read_write(analyst_warehouse, seconds=30)
    try:
        with pytest.raises(WarehouseLockedError, match="locked by another process"), \
                open_reader(analyst_warehouse, retries=1):
            pass
    finally:
        writer.kill()
        writer.wait()


def test_a_reader_waits_for_a_short_write_to_finish(analyst_warehouse, capsys):
    writer = hold_read_write(analyst_warehouse, seconds=0.5)
    try:
        assert main(["search", "低保", "--limit", "1", "--warehouse", str(analyst_warehouse)]) == 0
        assert "低保" in capsys.readouterr().out
    finally:
        writer.wait()
