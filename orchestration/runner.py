"""Runs the ingest job in this process against the project's Dagster instance, so the run,
its materializations and its check results show in `dagster dev` like any other run."""
from __future__ import annotations

from dataclasses import dataclass, field

from orchestration.settings import apply_defaults, setting


@dataclass
class CheckLine:
    name: str
    passed: bool
    severity: str
    description: str


@dataclass
class IngestSummary:
    run_id: str
    success: bool
    loaded: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    checks: list[CheckLine] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    error: str | None = None


def run_ingest(paths: list[str], progress=None, log_level: str = "WARNING") -> IngestSummary:
    """Ingest files or folders through the Dagster job; `progress` replaces the Progress
    resource (the command line passes a progress bar)."""
    apply_defaults()
    import dagster as dg

    from orchestration.assets import ReportFilesConfig
    from orchestration.definitions import defs
    from orchestration.jobs import INGEST_JOB

    job = defs.resolve_job_def(INGEST_JOB)
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            run_config=dg.RunConfig(
                ops={"report_files": ReportFilesConfig(paths=[str(p) for p in paths])},
                loggers={"console": {"config": {"log_level": log_level}}}),
            instance=instance, raise_on_error=False,
            resources={"progress": progress} if progress is not None else None)
        return _summarise(result)


def _summarise(result) -> IngestSummary:
    summary = IngestSummary(run_id=result.run_id, success=result.success)
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        metadata = {k: v.value for k, v in materialization.metadata.items()}
        if materialization.asset_key.path == ["documents"]:
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


def warehouse_location() -> str:
    return str(setting("GOVREPORT_WAREHOUSE"))
