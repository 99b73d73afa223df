"""The inbox sensor, the daily reconciliation schedule, and the daemon picking up a file."""
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from conftest import ROOT, SAMPLES
from orchestration.partitions import PARTITIONS_NAME, batch_files
from orchestration.resources import ReportSources, SharedFolder
from orchestration.schedules import reconcile_inbox
from orchestration.sensors import inbox_sensor


@pytest.fixture()
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture()
def instance():
    """The instance of the test's DAGSTER_HOME (SQLite, or PostgreSQL with --dagster-storage)."""
    Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    with dg.DagsterInstance.get() as test_instance:
        yield test_instance


@pytest.fixture()
def sources(inbox, tmp_path):
    return ReportSources(inbox=str(inbox), quarantine=str(tmp_path / "quarantine"))


@pytest.fixture()
def shared(tmp_path):
    return SharedFolder(path=str(tmp_path / "shared"))


def evaluate_sensor(instance, sources, shared, cursor):
    """One sensor tick, with its partition requests applied as the daemon would."""
    result = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=cursor,
                                                  resources={"sources": sources, "shared": shared}))
    for request in result.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


def requested_files(shared, result) -> set[str]:
    return {Path(f.path).name for request in result.run_requests
            for f in batch_files(shared.path, request.partition_key)}


def test_sensor_requests_new_and_changed_files_once(inbox, sources, shared, instance):
    shutil.copy(SAMPLES / "santai-2023.txt", inbox / "santai-2023.txt")
    shutil.copy(SAMPLES / "wujiang-2022.txt", inbox / "wujiang-2022.txt")

    first = evaluate_sensor(instance, sources, shared, None)
    assert len(first.run_requests) == 1  # one run for the batch, not one per file
    assert requested_files(shared, first) == {"santai-2023.txt", "wujiang-2022.txt"}
    assert instance.get_dynamic_partitions(PARTITIONS_NAME) == [first.run_requests[0].partition_key]

    again = evaluate_sensor(instance, sources, shared, first.cursor)
    assert not again.run_requests
    os.utime(inbox / "santai-2023.txt")  # touched, same content: still nothing to do
    touched = evaluate_sensor(instance, sources, shared, again.cursor)
    assert not touched.run_requests

    changed = inbox / "wujiang-2022.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n补记。", encoding="utf-8")
    third = evaluate_sensor(instance, sources, shared, touched.cursor)
    assert len(third.run_requests) == 1 and requested_files(shared, third) == {"wujiang-2022.txt"}
    assert len(instance.get_dynamic_partitions(PARTITIONS_NAME)) == 2


def test_sensor_splits_a_backlog_into_batches(inbox, sources, shared, instance, monkeypatch):
    monkeypatch.setattr("orchestration.sensors.RUN_BATCH", 2)
    for index in range(5):
        (inbox / f"r{index}.txt").write_text(f"报告{index}", encoding="utf-8")
    result = evaluate_sensor(instance, sources, shared, None)
    assert [len(batch_files(shared.path, r.partition_key)) for r in result.run_requests] == [2, 2, 1]


def test_schedule_reconciles_whole_inbox(inbox, sources, shared, instance):
    for name in ("santai-2023.txt", "wujiang-2022.txt"):
        shutil.copy(SAMPLES / name, inbox / name)
    context = dg.build_schedule_context(instance=instance, resources={"sources": sources, "shared": shared},
                                        scheduled_execution_time=datetime(2026, 11, 23, 2, 30))
    request = reconcile_inbox(context)
    assert instance.get_dynamic_partitions(PARTITIONS_NAME) == [request.partition_key]
    assert {Path(f.path).name for f in batch_files(shared.path, request.partition_key)} == {
        "santai-2023.txt", "wujiang-2022.txt"}
    assert request.run_key == "reconcile-2026-11-23"
    assert reconcile_inbox.execution_timezone == "Asia/Shanghai"


def test_schedule_skips_an_empty_inbox(sources, shared, instance):
    context = dg.build_schedule_context(instance=instance, resources={"sources": sources, "shared": shared})
    assert isinstance(reconcile_inbox(context), dg.SkipReason)


def test_daemon_ingests_a_dropped_file(tmp_path, inbox):
    """`dagster-daemon` with the project's definitions: a report dropped into the inbox
    reaches the warehouse with no command typed."""
    warehouse = tmp_path / "w.duckdb"
    env = {**os.environ, "GOVREPORT_INBOX": str(inbox),
           "GOVREPORT_WAREHOUSE": str(warehouse), "GOVREPORT_QUARANTINE": str(tmp_path / "quarantine"),
           "DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}
    subprocess.run([sys.executable, "-m", "orchestration.instance"],
                   env=env, cwd=ROOT, check=True)
    daemon = subprocess.Popen([str(Path(sys.executable).with_name("dagster-daemon")), "run",
                               "-m", "orchestration.definitions"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        shutil.copy(SAMPLES / "santai-2023.txt", inbox / "santai-2023.txt")
        deadline = time.monotonic() + 300  # a sensor tick, a launched run and its imports: minutes on a busy machine
        metrics = 0
        while time.monotonic() < deadline and not metrics:
            time.sleep(3)
            metrics = _metric_count(warehouse)
        assert metrics > 20, "the daemon did not load the dropped report in time"
    finally:
        os.killpg(daemon.pid, 15)
        daemon.wait(timeout=30)


def _metric_count(warehouse: Path) -> int:
    if not warehouse.exists():
        return 0
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute("SELECT count(*) FROM metrics").fetchall()[0][0]
    except duckdb.Error:  # the run is writing it right now, or has not created the table yet
        return 0
