"""The Dagster job end to end into a temporary DuckDB file: load, rerun, change, bad files."""
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import SAMPLES
from expectations import DOCUMENT_CHECKS, HISTORY_CHECKS, METRIC_CHECKS


@pytest.fixture()
def project_env(tmp_path, monkeypatch):
    for name, value in {"GOVREPORT_WAREHOUSE": tmp_path / "w.duckdb", "GOVREPORT_INBOX": tmp_path / "inbox",
                        "GOVREPORT_QUARANTINE": tmp_path / "quarantine"}.items():
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


def test_ingest_end_to_end(project_env, capfd):
    from orchestration.resources import ProgressLines
    from orchestration.runner import run_ingest

    inbox = project_env / "inbox"
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, inbox / sample.name)
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF")
    (inbox / "garbage.txt").write_bytes(bytes(range(256)) * 20)

    first = run_ingest([], progress=ProgressLines())  # the steps' lines reach fd 2 through Dagster's log capture
    assert first.success, first.error
    phase_line = re.compile(r"^([a-z ()]+): (\d+ of \d+ file\(s\), )?\d+\.\d s$")
    phases = [found.group(1) for line in capfd.readouterr().err.splitlines() if (found := phase_line.match(line))]
    assert phases == ["hashing and registering", "starting the run", "parsing and validating", "loading", "checks"]
    assert first.loaded["documents_loaded"] == 10
    assert len(first.checks) == len(DOCUMENT_CHECKS) + len(METRIC_CHECKS) + len(HISTORY_CHECKS)
    assert all(c.passed for c in first.checks if c.severity == "ERROR")
    assert len(first.failures) == 2
    after_first = counts(project_env / "w.duckdb")
    assert after_first["documents"] == 10 and after_first["metrics"] > 400
    assert after_first["ingest_log"] == 12
    assert len(list((project_env / "quarantine").glob("*.reason.txt"))) == 2

    second = run_ingest([])
    assert second.success and second.run_id is None and second.files == 12
    assert counts(project_env / "w.duckdb") == after_first

    copy = inbox / "copy-of-santai.txt"
    shutil.copy(inbox / "santai-2023.txt", copy)
    copied = run_ingest([])
    assert copied.needing_work == 1 and copied.loaded["documents_unchanged"] == 1
    assert counts(project_env / "w.duckdb")["documents"] == 10

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
    assert counts(project_env / "w.duckdb")["documents"] == 10

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


def test_ingest_after_a_kill_during_the_load_completes_by_itself(project_env):
    """kill -9 while the load step holds the warehouse_writer slot: the warehouse holds no half
    document, and the next ingest fails the dead run, frees its slot, removes its staged rows
    and loads everything, with nobody freeing anything by hand."""
    import dagster as dg

    from govreport.settings import Settings
    from orchestration.runner import run_ingest

    env = {**os.environ, "DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}
    ingest = subprocess.Popen([sys.executable, "-m", "govreport", "ingest", str(SAMPLES)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    dead_run = _wait_for_step_start(Path(os.environ["DAGSTER_HOME"]), "warehouse_tables", ingest)
    os.killpg(ingest.pid, signal.SIGKILL)
    ingest.wait()

    if (project_env / "w.duckdb").exists():
        # the kill may come while the step creates the schema: each migration is one
        # transaction, so the file holds the tables of whole migrations only, maybe none
        with duckdb.connect(str(project_env / "w.duckdb"), read_only=True) as con:
            tables = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
            versions = con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] \
                if "schema_version" in tables else 0
            assert ("documents" in tables) == (versions > 0)
            if "sentences" in tables:  # 0002 whole: no document without its sentences
                half = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                                   " (SELECT 1 FROM sentences s WHERE s.document_id = d.document_id)").fetchall()[0][0]
                assert half == 0
            elif "documents" in tables:  # killed between migrations: rows come only after them all
                assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == 0
    started = time.monotonic()
    again = run_ingest([str(SAMPLES)])
    assert again.success, again.error
    assert time.monotonic() - started < 120  # never waits for the dead run's slot
    assert len(again.reaped) == 1 and dead_run in again.reaped[0]
    assert counts(project_env / "w.duckdb")["documents"] == 10
    with dg.DagsterInstance.get() as instance:
        assert instance.get_run_by_id(dead_run).status == dg.DagsterRunStatus.FAILURE
    assert not (Settings.from_env().shared / "staging" / dead_run).exists()


def _wait_for_step_start(home, step: str, process: subprocess.Popen, timeout: float = 240) -> str:
    """The id of the run whose `step` has started, read from the instance's SQLite event logs
    (plain reads: opening the instance while the run creates it would race its migration), or
    through the instance once it exists in PostgreSQL."""
    import sqlite3

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
        yaml = home / "dagster.yaml"
        if yaml.exists() and "postgres" in yaml.read_text(encoding="utf-8"):
            run_id = _step_started_in_instance(home, step)
            if run_id:
                return run_id
            continue
        for events in (home / "history" / "runs").glob("*.db"):
            try:
                with sqlite3.connect(f"file:{events}?mode=ro", uri=True) as con:
                    started = con.execute("SELECT count(*) FROM event_logs WHERE dagster_event_type = 'STEP_START'"
                                          " AND step_key = ?", [step]).fetchone()[0]
            except sqlite3.Error:
                continue
            if started:
                return events.stem
    raise AssertionError(f"step {step} did not start (ingest exit code {process.poll()})")


def _step_started_in_instance(home, step: str) -> str | None:
    import dagster as dg

    try:
        with dg.DagsterInstance.from_config(str(home)) as instance:
            for run in instance.get_runs():
                records = instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.STEP_START).records
                if any(r.event_log_entry.dagster_event.step_key == step for r in records):
                    return run.run_id
    except Exception:  # the run is still creating the instance's tables
        return None
    return None


def test_the_writer_connection_bounds_duckdb_memory(tmp_path):
    """The load's DuckDB memory stays under its limit (500 MB took the ingest process of a
    10,000-report run over 1 GB; its joins now hold one chunk's rows at a time)."""
    from orchestration.resources import WRITER_MEMORY_LIMIT, Warehouse

    with Warehouse(database=str(tmp_path / "w.duckdb")).get_connection() as con:
        (limit,) = con.execute("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'").fetchone()
    number, unit = limit.split()
    assert WRITER_MEMORY_LIMIT == "320MB" and unit == "MiB" and float(number) <= 320
