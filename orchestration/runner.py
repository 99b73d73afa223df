"""`govreport ingest`: the files given that need work become one batch (a report_batches
partition, see partitions.py) and one run of the ingest job, against the project's Dagster
instance, so the run, its materializations and its check results show in the UI like any other.

In the `local` profile the run executes in this process; in `cluster` it is submitted to the
daemon's run queue and its steps run on the Celery workers, while this process follows its
events. Either way, runs whose process died are reaped first (orchestration/runs.py), and a
wait for the warehouse writer slot or the warehouse file's lock is said, with who holds it."""
from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from govreport.settings import Settings, export_to_environment
from orchestration.instance import prepare_instance

WRITER_WAIT_RETRIES = 10  # 0.1 s doubling: waits up to about 100 s for a running load
WAIT_NOTE_EVERY_S = 10  # how often a wait for the writer slot is said again
CLUSTER_POLL_S = 1.0


@dataclass
class CheckLine:
    name: str
    passed: bool
    severity: str
    description: str


@dataclass
class IngestSummary:
    run_id: str | None
    success: bool
    files: int = 0
    needing_work: int = 0
    loaded: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    checks: list[CheckLine] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    error: str | None = None
    alerts_sent: int = 0
    alert_sinks_failing: tuple[str, ...] = ()
    reaped: list[str] = field(default_factory=list)


def run_ingest(paths: list[str], progress=None, log_level: str = "WARNING",
               force: bool = False) -> IngestSummary:
    """Ingest files or folders through the Dagster job; `progress` (orchestration.resources.
    Progress) is told each phase. `force` extracts every given file again, including those
    already loaded or rejected before."""
    settings = export_to_environment()
    listing = _sources(settings).list_files([str(p) for p in paths])
    return ingest_listed(listing.files, listing.failures, progress, log_level, force, settings)


def ingest_listed(files: list[str], unlisted: list | None = None, progress=None, log_level: str = "WARNING",
                  force: bool = False, settings: Settings | None = None) -> IngestSummary:
    """run_ingest on files already listed (`unlisted`: what could not be listed, as failed
    BatchFile entries)."""
    settings = settings or export_to_environment()
    prepare_instance(settings)
    from orchestration.resources import Progress

    progress = progress or Progress()
    import dagster as dg

    from orchestration.inbox import hash_files
    from orchestration.partitions import PARTITIONS_NAME, write_batch
    from orchestration.runs import reap_dead_runs

    progress.phase("hashing and registering", len(files))
    hashed, _ = hash_files(files, on_hashed=progress.advance)
    listed = list(unlisted or []) + hashed
    wanted = listed if force else _needing_work(listed, settings.warehouse)
    if not wanted and not any((settings.shared / "staging").glob("*")):
        # nothing to run, and no run left staged rows behind (a run that died holding the
        # writer slot always has): the instance need not even be opened (seconds)
        progress.phase(None)
        return IngestSummary(run_id=None, success=True, files=len(listed),
                             counts=_warehouse_counts(settings.warehouse))
    with dg.DagsterInstance.get() as instance:
        reaped = reap_dead_runs(instance, settings.shared)
        for line in reaped:
            progress.note(line)
        if not wanted:
            progress.phase(None)
            return IngestSummary(run_id=None, success=True, files=len(listed), reaped=reaped,
                                 counts=_warehouse_counts(settings.warehouse))
        if not settings.is_cluster:
            import orchestration.definitions  # noqa: F401
            from orchestration.chunks import start_warm_up

            # every module of the run is imported first: two threads importing one package's
            # modules at once can meet a partially initialised module (an ImportError in CI)
            start_warm_up()  # GX, jieba and the gazetteer load while the run starts
        key = write_batch(settings.shared, wanted, origin="govreport ingest")
        instance.add_dynamic_partitions(PARTITIONS_NAME, [key])
        progress.phase("starting the run" + (" (queued for the daemon)" if settings.is_cluster else ""))
        if settings.is_cluster:
            run_id = _run_on_cluster(instance, key, force, progress)
        else:
            run_id = _run_here(instance, key, force, progress, log_level)
        progress.phase(None)
        summary = _summarise(instance, run_id)
        summary.files, summary.needing_work, summary.reaped = len(listed), len(wanted), reaped
        _deliver_alerts(instance, run_id, summary)
        return summary


def _run_here(instance, key: str, force: bool, progress, log_level: str) -> str:
    """Execute the run in this process, its process recorded on the run (so a later ingest
    can tell it died), saying so while it waits for the writer slot or the warehouse lock."""
    import dagster as dg

    from orchestration.assets import ReportFilesConfig
    from orchestration.definitions import defs
    from orchestration.jobs import INGEST_JOB
    from orchestration.runs import RUN_PROCESS_TAG, this_process

    from orchestration.chunks import close_local_workers

    with _waits_said(instance, progress):
        result = defs.resolve_job_def(INGEST_JOB).execute_in_process(
            run_config=dg.RunConfig(
                ops={"report_files": ReportFilesConfig(force=force)},
                loggers={"console": {"config": {"log_level": log_level}}}),
            instance=instance, raise_on_error=False, partition_key=key,
            tags={RUN_PROCESS_TAG: this_process()}, resources={"progress": progress})
    close_local_workers(result.run_id)  # when a chunk step failed, the merge that stops them never ran
    return result.run_id


def _run_on_cluster(instance, key: str, force: bool, progress) -> str:
    """Submit the run to the daemon's queue and follow it until it ends."""
    import dagster as dg
    from dagster._cli.job import execute_launch_command
    from dagster_shared.cli import WorkspaceOpts

    from orchestration.jobs import INGEST_JOB

    config = {"ops": {"report_files": {"config": {"force": force}}}}
    run = execute_launch_command(
        instance=instance, workspace_opts=WorkspaceOpts(module_name=("orchestration.definitions",)),
        job_name=INGEST_JOB, config_json=json.dumps(config),
        tags=json.dumps({"dagster/partition": key, "govreport/origin": "govreport ingest"}))
    progress.note(f"run {run.run_id} queued; the daemon launches it and the Celery workers run its steps")
    followed = _ClusterProgress(instance, run.run_id, progress)
    with _waits_said(instance, progress, run.run_id):
        while not (current := instance.get_run_by_id(run.run_id)).is_finished:
            followed.update()
            time.sleep(CLUSTER_POLL_S)
    followed.update()
    if current.status != dg.DagsterRunStatus.SUCCESS:
        progress.note(f"run {run.run_id} ended {current.status.value}")
    return run.run_id


class _ClusterProgress:
    """The phases of a run on the cluster, from its event log: each chunk step as it ends (and
    on which worker), then the load and the checks."""

    def __init__(self, instance, run_id: str, progress):
        self.instance, self.run_id, self.progress = instance, run_id, progress
        self.cursor = None

    def update(self) -> None:
        records = self.instance.get_records_for_run(self.run_id, cursor=self.cursor, limit=1000)
        self.cursor = records.cursor
        for record in records.records:
            event = record.event_log_entry.dagster_event
            if event is None or event.step_key is None:
                continue
            step, kind = event.step_key, event.event_type_value
            if kind == "STEP_SUCCESS" and step.endswith("plan_chunks"):
                self.progress.phase("parsing and validating (chunk steps on the workers)")
            elif kind == "STEP_SUCCESS" and "extract_chunk[" in step:
                self.progress.note(f"{step} done {_worker_of(self.instance, self.run_id, step)}")
            elif kind == "STEP_START" and step == "warehouse_tables":
                self.progress.phase("loading and checks")


def _worker_of(instance, run_id: str, step: str) -> str:
    """The Celery worker that ran a step, from dagster-celery's engine event."""
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event and event.step_key == step and event.event_type_value == "ENGINE_EVENT":
            worker = event.engine_event_data.metadata.get("Celery worker")
            if worker is not None:
                return f"on {worker.value}"
    return "worker unknown"


class _waits_said:
    """While the block runs, say every WAIT_NOTE_EVERY_S seconds when a step of this run waits
    for the warehouse_writer slot and who holds it (in the progress and the run's log), and
    pass on the warehouse's lock waits (which name the process holding the file)."""

    def __init__(self, instance, progress, run_id: str | None = None):
        self.instance, self.progress, self.run_id = instance, progress, run_id
        self.stop = threading.Event()
        self.handler = _ProgressHandler(progress)

    def __enter__(self):
        logging.getLogger("warehouse").addHandler(self.handler)
        self.thread = threading.Thread(target=self._watch, name="writer-waits", daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        logging.getLogger("warehouse").removeHandler(self.handler)

    def _watch(self) -> None:
        from orchestration.assets import WRITER_POOL
        from orchestration.runs import writer_waits

        while not self.stop.wait(WAIT_NOTE_EVERY_S):
            for run_id, message in writer_waits(self.instance, WRITER_POOL):
                if self.run_id is None or run_id == self.run_id:
                    self.progress.note(message)


class _ProgressHandler(logging.Handler):
    def __init__(self, progress):
        super().__init__(logging.WARNING)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        self.progress.note(record.getMessage())


def _deliver_alerts(instance, run_id: str, summary: IngestSummary) -> None:
    """Send the run's data-quality alerts now, with any an earlier delivery could not (the
    daemon's sensor would send them later; the shared ledger makes sure each goes out once)."""
    from expectations import deliver_once
    from orchestration.quality import alerts_of_evaluation

    alerts = [a for evaluation in _check_evaluations(instance, run_id) for a in alerts_of_evaluation(evaluation)]
    delivery = deliver_once(alerts, run_id=run_id)
    summary.alerts_sent, summary.alert_sinks_failing = len(delivery.sent), delivery.failed_sinks


def _check_evaluations(instance, run_id: str) -> list:
    return [record.dagster_event.event_specific_data for record in instance.all_logs(run_id)
            if record.dagster_event and record.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"]


def _sources(settings: Settings):
    from orchestration.resources import ReportSources

    return ReportSources(inbox=str(settings.inbox), quarantine=str(settings.quarantine))


def _needing_work(files: list, warehouse: Path) -> list:
    """The files whose content the warehouse does not hold at their path from this
    extractor, leaving out contents that failed or were quarantined before; files that could
    not be hashed always go (their failure is recorded)."""
    from transforms.version import extractor_version
    from warehouse.state import loaded_state

    state = _read_warehouse(warehouse, lambda con: loaded_state(con, extractor_version()))
    if state is None:
        return files
    return [f for f in files if f.sha256 is None or not state.is_done(f.path, f.sha256)]


def _warehouse_counts(warehouse: Path) -> dict[str, int]:
    from warehouse import table_counts

    return _read_warehouse(warehouse, table_counts) or {}


def _read_warehouse(warehouse: Path, read):
    """read(con) on a read-only connection to the warehouse; None while there is none at
    this code's schema version (the run creates or upgrades it)."""
    from warehouse import OutdatedWarehouseError, open_reader

    try:
        with open_reader(warehouse, retries=WRITER_WAIT_RETRIES) as con:
            return read(con)
    except (FileNotFoundError, OutdatedWarehouseError):
        return None


def _summarise(instance, run_id: str) -> IngestSummary:
    """The run's outcome from its event log (the same for a run here or on the cluster)."""
    import dagster as dg

    run = instance.get_run_by_id(run_id)
    summary = IngestSummary(run_id=run_id, success=run.status == dg.DagsterRunStatus.SUCCESS)
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None:
            continue
        if event.event_type_value == "ASSET_MATERIALIZATION":
            materialization = event.event_specific_data.materialization
            metadata = {k: v.value for k, v in materialization.metadata.items()}
            if materialization.asset_key.path == ["documents"] and not summary.failures:
                summary.failures = list(metadata.get("failures") or [])
            if materialization.asset_key.path == ["warehouse_tables"]:
                summary.loaded = {k[len("loaded_"):]: v for k, v in metadata.items() if k.startswith("loaded_")}
                summary.counts = {k[len("table_"):]: v for k, v in metadata.items() if k.startswith("table_")}
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            summary.checks.append(CheckLine(evaluation.check_name, evaluation.passed,
                                            evaluation.severity.value, evaluation.description or ""))
        elif event.is_step_failure:
            summary.error = f"{event.step_key}: {event.step_failure_data.error.message.strip()}"
        elif event.event_type_value == "RUN_FAILURE" and not summary.error and record.user_message:
            summary.error = record.user_message
    return summary
