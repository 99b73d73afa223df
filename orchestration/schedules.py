"""The daily reconciliation: the safety net for files the sensor missed (daemon stopped,
sensor off). It makes one batch of the whole inbox; files already loaded are skipped by the run."""
import dagster as dg

from orchestration.inbox import hash_files
from orchestration.jobs import ingest_reports
from orchestration.partitions import PARTITIONS_NAME, write_batch
from orchestration.resources import ReportSources, SharedFolder

TIMEZONE = "Asia/Shanghai"


@dg.schedule(job=ingest_reports, cron_schedule="30 2 * * *", execution_timezone=TIMEZONE,
             default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Every night at 02:30 Beijing time, reconcile the whole inbox with the warehouse.")
def reconcile_inbox(context: dg.ScheduleEvaluationContext, sources: ReportSources, shared: SharedFolder):
    listing = sources.list_files([])
    files, _ = hash_files(listing.files)
    if not files and not listing.failures:
        return dg.SkipReason("the inbox is empty")
    key = write_batch(shared.path, listing.failures + files, origin="reconcile_inbox")
    context.instance.add_dynamic_partitions(PARTITIONS_NAME, [key])
    date = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return dg.RunRequest(run_key=f"reconcile-{date}", partition_key=key)
