"""The Dagster job end to end into a temporary DuckDB file: load, rerun, change, bad files."""
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from conftest import SAMPLES
from expectations import DOCUMENT_CHECKS, HISTORY_CHECKS, METRIC_CHECKS


@pytest.fixture()
def project_env(tmp_path, monkeypatch):
    for name, value in {"GOVREPORT_WAREHOUSE": tmp_path / "w.duckdb", "GOVREPORT_INBOX": tmp_path / "inbox",
                        "GOVREPORT_QUARANTINE": tmp_path / "quarantine", "DAGSTER_HOME": tmp_path / "dagster"}.items():
        monkeypatch.setenv(name, str(value))
    (tmp_path / "inbox").mkdir()
    return tmp_path


def counts(path):
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sections", "metrics", "indicators", "ingest_log")}


def test_definitions_load():
    import dagster as dg

    from orchestration.definitions import defs
    from orchestration.jobs import INGEST_JOB

    with dg.instance_for_test():  # resolving definitions reads state from the current instance
        job = defs.resolve_job_def(INGEST_JOB)
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"report_files", "documents", "metrics", "warehouse_tables"} <= keys
    assert job.name == INGEST_JOB and job.partitions_def.name == "report_batches"
    assert len(defs.resolve_asset_graph().asset_check_keys) >= 7
    assert defs.resolve_sensor_def("inbox_sensor") and defs.resolve_schedule_def("reconcile_inbox")


def test_loading_the_definitions_writes_nothing(tmp_path):
    """Importing the code location (as `dagster dev` and every command do) creates no folder
    and writes no dagster.yaml: only the commands that start Dagster prepare its instance."""
    home = tmp_path / "dagster-home"
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    subprocess.run([sys.executable, "-c", "import orchestration.definitions"], env=env, cwd=tmp_path,
                   check=True)
    assert not home.exists() and list(tmp_path.iterdir()) == []


def test_ingest_end_to_end(project_env):
    from orchestration.runner import run_ingest

    inbox = project_env / "inbox"
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, inbox / sample.name)
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF")
    (inbox / "garbage.txt").write_bytes(bytes(range(256)) * 20)

    first = run_ingest([])
    assert first.success, first.error
    assert first.loaded["documents_loaded"] == 9
    assert len(first.checks) == len(DOCUMENT_CHECKS) + len(METRIC_CHECKS) + len(HISTORY_CHECKS)
    assert all(c.passed for c in first.checks if c.severity == "ERROR")
    assert len(first.failures) == 2
    after_first = counts(project_env / "w.duckdb")
    assert after_first["documents"] == 9 and after_first["metrics"] > 400
    assert after_first["ingest_log"] == 11
    assert len(list((project_env / "quarantine").glob("*.reason.txt"))) == 2

    second = run_ingest([])
    assert second.success and second.run_id is None and second.files == 11
    assert counts(project_env / "w.duckdb") == after_first

    copy = inbox / "copy-of-santai.txt"
    shutil.copy(inbox / "santai-2023.txt", copy)
    copied = run_ingest([])
    assert copied.needing_work == 1 and copied.loaded["documents_unchanged"] == 1
    assert counts(project_env / "w.duckdb")["documents"] == 9

    changed = inbox / "wujiang-2022.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("5182", "5183"), encoding="utf-8")
    third = run_ingest([str(changed)])
    assert third.success and third.loaded["documents_replaced"] == 1
    with duckdb.connect(str(project_env / "w.duckdb"), read_only=True) as con:
        values = {row[0] for row in con.execute(
            "SELECT m.value FROM metrics m JOIN documents d USING (document_id) "
            "WHERE d.source_path LIKE '%wujiang%' AND m.raw LIKE '518%'").fetchall()}
        failed = con.execute("SELECT count(*) FROM ingest_log WHERE status = 'failed' AND error IS NOT NULL").fetchone()[0]
    assert values == {5183.0} and failed == 2
    assert counts(project_env / "w.duckdb")["documents"] == 9

    forced = run_ingest([str(changed)], force=True)
    assert forced.needing_work == 1 and forced.loaded["documents_unchanged"] == 1


def test_dagster_definitions_validate(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    dagster = Path(sys.executable).with_name("dagster")
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "DAGSTER_DISABLE_TELEMETRY": "1"}
    result = subprocess.run([str(dagster), "definitions", "validate", "-m", "orchestration.definitions"],
                            capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "passed validation" in result.stderr + result.stdout


def test_killed_ingest_leaves_the_warehouse_consistent(project_env):
    """kill -9 in the middle of a run: the warehouse opens, holds no half document, and the
    next run loads everything."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from orchestration.runner import run_ingest

    env = {**os.environ, "DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}
    ingest = subprocess.Popen([sys.executable, "-m", "govreport", "ingest", str(SAMPLES)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    staging = project_env / "dagster" / "staging"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and ingest.poll() is None and not any(staging.glob("*/metrics/*.parquet")):
        time.sleep(0.05)
    os.killpg(ingest.pid, signal.SIGKILL)
    ingest.wait()

    if (project_env / "w.duckdb").exists():
        with duckdb.connect(str(project_env / "w.duckdb"), read_only=True) as con:
            half = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                               " (SELECT 1 FROM sentences s WHERE s.document_id = d.document_id)").fetchall()[0][0]
            assert half == 0
    again = run_ingest([str(SAMPLES)])
    assert again.success, again.error
    assert counts(project_env / "w.duckdb")["documents"] == 9
