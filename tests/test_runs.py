"""Runs whose process died are failed with their slot freed; a run waiting for the writer slot
is told who holds it (orchestration/runs.py, on a real SQLite instance)."""
import os
import uuid
import subprocess
import sys

import dagster as dg
import pytest

from orchestration.runs import RUN_PROCESS_TAG, process_is_gone, reap_dead_runs, this_process, writer_waits

POOL = "warehouse_writer"


@pytest.fixture()
def instance():
    with dg.instance_for_test() as test_instance:
        yield test_instance


def started_run(instance, tags=None) -> dg.DagsterRun:
    run = instance.add_run(dg.DagsterRun(job_name="ingest_reports", run_id=str(uuid.uuid4()),
                                         status=dg.DagsterRunStatus.STARTED, tags=tags or {}))
    return run


def dead_process_tag() -> str:
    """The tag a process that has exited would have left."""
    child = subprocess.run([sys.executable, "-c", "from orchestration.runs import this_process; print(this_process())"],
                           capture_output=True, text=True, check=True)
    return child.stdout.strip()


def test_a_live_process_is_not_gone_and_an_exited_one_is():
    assert not process_is_gone(this_process())
    assert process_is_gone(dead_process_tag())
    assert not process_is_gone(f"another-host:{os.getpid()}:1")  # cannot be seen from here


def test_a_dead_run_is_failed_its_slot_freed_and_its_staging_removed(instance, tmp_path):
    instance.event_log_storage.set_concurrency_slots(POOL, 1)
    dead = started_run(instance, {RUN_PROCESS_TAG: dead_process_tag()})
    alive = started_run(instance, {RUN_PROCESS_TAG: this_process()})
    instance.event_log_storage.claim_concurrency_slot(POOL, dead.run_id, "warehouse_tables")
    staged = tmp_path / "staging" / dead.run_id / "c00000"
    staged.mkdir(parents=True)

    reaped = reap_dead_runs(instance, tmp_path)
    assert len(reaped) == 1 and dead.run_id in reaped[0]
    assert instance.get_run_by_id(dead.run_id).status == dg.DagsterRunStatus.FAILURE
    assert instance.get_run_by_id(alive.run_id).status == dg.DagsterRunStatus.STARTED
    assert not instance.event_log_storage.get_concurrency_info(POOL).claimed_slots
    assert not (tmp_path / "staging" / dead.run_id).exists()


def test_a_run_waiting_for_the_writer_slot_is_told_who_holds_it(instance):
    instance.event_log_storage.set_concurrency_slots(POOL, 1)
    holder, waiter = started_run(instance), started_run(instance)
    assert instance.event_log_storage.claim_concurrency_slot(POOL, holder.run_id, "warehouse_tables").is_claimed
    assert not instance.event_log_storage.claim_concurrency_slot(POOL, waiter.run_id, "warehouse_tables").is_claimed

    waits = writer_waits(instance, POOL)
    assert [run_id for run_id, _ in waits] == [waiter.run_id]
    assert f"run {holder.run_id} (step warehouse_tables)" in waits[0][1]
    logged = [r.dagster_event.message or "" for r in instance.all_logs(waiter.run_id) if r.dagster_event]
    assert any(holder.run_id in message for message in logged)  # said in the waiting run's log
