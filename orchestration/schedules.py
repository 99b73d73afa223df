"""The daily reconciliation: the safety net for files the sensor missed (daemon stopped,
sensor off). It covers the whole inbox; files already loaded are skipped by the run."""
import dagster as dg

from orchestration.inbox import keys_of_files, register_keys
from orchestration.jobs import ingest_reports
from orchestration.partitions import covering_range, range_tags
from orchestration.resources import ReportSources

TIMEZONE = "Asia/Shanghai"


@dg.schedule(job=ingest_reports, cron_schedule="30 2 * * *", execution_timezone=TIMEZONE,
             default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Every night at 02:30 Beijing time, reconcile the whole inbox with the warehouse.")
def reconcile_inbox(context: dg.ScheduleEvaluationContext, sources: ReportSources):
    keys, _ = keys_of_files(sources, sources.list_files([]))
    if not keys:
        return dg.SkipReason("the inbox is empty")
    registered = register_keys(context.instance, keys)
    first, last = covering_range(registered, set(keys))
    date = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return dg.RunRequest(run_key=f"reconcile-{date}", tags=range_tags(first, last))
