"""Runs the ingest job in this process against the project's Dagster instance, so the run,
its materializations and its check results show in `dagster dev` like any other run.

The files given that need work become one batch (a report_batches partition, see
partitions.py) and one run. When none does, no run is started."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govreport.settings import Settings, export_to_environment
from orchestration.instance import prepare_instance

WRITER_WAIT_RETRIES = 10  # 0.1 s doubling: waits up to about 100 s for a running load


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


def run_ingest(paths: list[str], progress=None, log_level: str = "WARNING",
               force: bool = False) -> IngestSummary:
    """Ingest files or folders through the Dagster job; `progress` replaces the Progress
    resource (the command line passes a progress bar). `force` extracts every given file
    again, including those already loaded or rejected before."""
    settings = export_to_environment()
    prepare_instance(settings.dagster_home)
    import dagster as dg

    from orchestration.assets import ReportFilesConfig
    from orchestration.definitions import defs
    from orchestration.inbox import hash_files
    from orchestration.jobs import INGEST_JOB
    from orchestration.partitions import PARTITIONS_NAME, write_batch

    files, _ = hash_files(_sources(settings).list_files([str(p) for p in paths]))
    wanted = files if force else _needing_work(files, settings.warehouse)
    if not wanted:
        return IngestSummary(run_id=None, success=True, files=len(files),
                             counts=_warehouse_counts(settings.warehouse))
    with dg.DagsterInstance.get() as instance:
        key = write_batch(instance.root_directory, wanted, origin="govreport ingest")
        instance.add_dynamic_partitions(PARTITIONS_NAME, [key])
        result = defs.resolve_job_def(INGEST_JOB).execute_in_process(
            run_config=dg.RunConfig(
                ops={"report_files": ReportFilesConfig(force=force)},
                loggers={"console": {"config": {"log_level": log_level}}}),
            instance=instance, raise_on_error=False, partition_key=key,
            resources={"progress": progress} if progress is not None else None)
        summary = _summarise(result)
        summary.files, summary.needing_work = len(files), len(wanted)
        _deliver_alerts(result, summary)
        return summary


def _deliver_alerts(result, summary: IngestSummary) -> None:
    """Send the run's data-quality alerts now (the daemon's sensor would send them later;
    the shared ledger makes sure each goes out once)."""
    from expectations import deliver_once
    from orchestration.quality import alerts_of_evaluation

    alerts = [a for evaluation in result.get_asset_check_evaluations() for a in alerts_of_evaluation(evaluation)]
    if alerts:
        delivery = deliver_once(alerts)
        summary.alerts_sent, summary.alert_sinks_failing = len(delivery.sent), delivery.failed_sinks


def _sources(settings: Settings):
    from orchestration.resources import ReportSources

    return ReportSources(inbox=str(settings.inbox), quarantine=str(settings.quarantine))


def _needing_work(files: list, warehouse: Path) -> list:
    """The files whose content the warehouse does not hold at their path from this
    extractor, leaving out contents that failed or were quarantined before."""
    from transforms.version import extractor_version
    from warehouse.state import loaded_state

    state = _read_warehouse(warehouse, lambda con: loaded_state(con, extractor_version()))
    return files if state is None else [f for f in files if not state.is_done(f.path, f.sha256)]


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


def _summarise(result) -> IngestSummary:
    summary = IngestSummary(run_id=result.run_id, success=result.success)
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        metadata = {k: v.value for k, v in materialization.metadata.items()}
        if materialization.asset_key.path == ["documents"] and not summary.failures:
            summary.failures = list(metadata.get("failures") or [])
        if materialization.asset_key.path == ["warehouse_tables"]:
            summary.loaded = {k[len("loaded_"):]: v for k, v in metadata.items() if k.startswith("loaded_")}
            summary.counts = {k[len("table_"):]: v for k, v in metadata.items() if k.startswith("table_")}
    for evaluation in result.get_asset_check_evaluations():
        summary.checks.append(CheckLine(evaluation.check_name, evaluation.passed,
                                        evaluation.severity.value, evaluation.description or ""))
    for event in result.all_events:
        if event.is_step_failure:
            summary.error = f"{event.step_key}: {event.step_failure_data.error.message.strip()}"
    return summary

