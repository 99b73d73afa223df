"""Runs whose process is gone: found, marked failed, their pool slots freed and their staged
rows removed, at the next `govreport ingest` and at every tick of the daemon's `reap_dead_runs`
sensor, so a `kill -9` never leaves later ingests waiting for a writer slot nobody holds.

A run that executes in one process records that process in a run tag (host, PID and the
process's start time, so a reused PID is not taken for the run). Dagster's run monitoring
(dagster.yaml) watches the start of launched runs and frees the slots of finished ones."""
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

RUN_PROCESS_TAG = "govreport/process"  # "<host>:<pid>:<start time in clock ticks>"


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{_start_time(os.getpid())}"


def _start_time(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat[stat.rindex(")") + 2:].split()[19]
    except (OSError, IndexError):
        return ""


def process_is_gone(tag: str) -> bool:
    """True when the tagged process ran on this host and is no longer there; a process on
    another host cannot be seen from here and is never called gone."""
    host, pid, started = (tag.split(":") + ["", ""])[:3]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass
    return bool(started) and _start_time(int(pid)) != started


def remove_run_staging(shared: str | Path, run_id: str) -> None:
    shutil.rmtree(Path(shared) / "staging" / run_id, ignore_errors=True)


def reap_dead_runs(instance, shared: str | Path) -> list[str]:
    """Fail every unfinished run whose recorded process is gone, free its pool slots and remove
    its staged rows; remove the staged rows of finished runs too. Returns one line per run
    reaped."""
    import dagster as dg

    reaped = []
    unfinished = instance.get_runs(dg.RunsFilter(statuses=[
        dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]))
    for run in unfinished:
        tag = run.tags.get(RUN_PROCESS_TAG)
        if not tag or not process_is_gone(tag):
            continue
        pid = tag.split(":")[1]
        message = f"run {run.run_id}: its process (PID {pid}) is gone (killed or crashed); marked failed"
        instance.report_run_failed(run, message)
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        remove_run_staging(shared, run.run_id)
        reaped.append(message + ", its pool slots freed and its staged rows removed")
    for folder in (Path(shared) / "staging").glob("*"):
        run = instance.get_run_by_id(folder.name)
        if run is None or run.is_finished:
            shutil.rmtree(folder, ignore_errors=True)
    return reaped


def writer_waits(instance, pool: str) -> list[tuple[str, str]]:
    """(run id, message) for each step waiting for a slot of `pool`, naming who holds the
    slots; each message also goes to the waiting run's log."""
    info = instance.event_log_storage.get_concurrency_info(pool)
    holders = ", ".join(f"run {slot.run_id} (step {slot.step_key})" for slot in info.claimed_slots) or "nobody yet"
    waits = []
    for step in info.pending_steps:
        if step.assigned_timestamp is not None:
            continue
        message = (f"step {step.step_key} of run {step.run_id} waits for the {pool} slot, held by {holders}; "
                   "a run whose process died is failed and its slot freed by the next ingest or daemon tick")
        run = instance.get_run_by_id(step.run_id)
        if run is not None and not run.is_finished:
            instance.report_engine_event(message, run)
            waits.append((step.run_id, message))
    return waits
