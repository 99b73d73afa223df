"""The inbox sensor (new or changed report files become partitions and runs by themselves)
and the data-quality alert sensor."""
import json

import dagster as dg

from orchestration.inbox import keys_of_files
from orchestration.jobs import ingest_reports
from orchestration.partitions import PARTITIONS_NAME, range_tags, report_partitions
from orchestration.quality import alerts_of_evaluation
from orchestration.resources import ReportSources

RUN_BATCH = 2000  # files per requested run: one run per batch, never one per file


def batched_run_requests(keys: list[str], run_key_prefix: str) -> list[dg.RunRequest]:
    """One request per RUN_BATCH consecutive keys, each covering them as a partition range."""
    requests = []
    for start in range(0, len(keys), RUN_BATCH):
        batch = keys[start:start + RUN_BATCH]
        requests.append(dg.RunRequest(run_key=f"{run_key_prefix}{batch[0]}..{batch[-1]}",
                                      tags=range_tags(batch[0], batch[-1])))
    return requests


@dg.sensor(job=ingest_reports, minimum_interval_seconds=30,
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="Watches GOVREPORT_INBOX: files with new content (by sha256) are registered "
                       "as report_files partitions and ingested in batched runs. Files removed from "
                       "the inbox keep their rows in the warehouse.")
def inbox_sensor(context: dg.SensorEvaluationContext, sources: ReportSources):
    memo = json.loads(context.cursor) if context.cursor else {}
    keys, memo = keys_of_files(sources, sources.list_files([]), memo)
    registered = set(context.instance.get_dynamic_partitions(PARTITIONS_NAME))
    new_keys = list(dict.fromkeys(k for k in keys if k not in registered))
    if not new_keys:
        return dg.SensorResult(skip_reason="no new or changed files in the inbox",
                               cursor=json.dumps(memo, ensure_ascii=False))
    context.log.info(f"{len(new_keys)} new or changed file(s) in the inbox")
    return dg.SensorResult(
        run_requests=batched_run_requests(new_keys, run_key_prefix=""),
        dynamic_partitions_requests=[report_partitions.build_add_request(new_keys)],
        cursor=json.dumps(memo, ensure_ascii=False))


def deliver_run_alerts(context: dg.RunStatusSensorContext) -> str:
    """Send the alerts of the run's failed asset checks (WARN and ERROR)."""
    from expectations import deliver_once

    records = context.instance.get_records_for_run(
        context.dagster_run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records
    alerts = [alert for record in records
              for alert in alerts_of_evaluation(record.event_log_entry.dagster_event.event_specific_data)]
    if not alerts:
        return f"{len(records)} check evaluation(s), none failed"
    delivery = deliver_once(alerts)
    failing = f"; sinks failing: {', '.join(delivery.failed_sinks)}" if delivery.failed_sinks else ""
    return f"{len(delivery.sent)} alert(s) sent, {delivery.already_sent} already sent{failing}"


def alert_sensor(name: str, status: dg.DagsterRunStatus) -> dg.SensorDefinition:
    """A sensor over the check evaluations of every ingest run that ends in `status`.

    WARN checks and non-blocking ERROR checks never fail a run, so run-failure sensors
    alone would miss them; both endings are watched."""

    @dg.run_status_sensor(name=name, run_status=status, monitored_jobs=[ingest_reports],
                          default_status=dg.DefaultSensorStatus.RUNNING,
                          description=f"Sends the data-quality alerts of ingest runs that end in "
                                      f"{status.value}; each failure once, whoever sees it first.")
    def _sensor(context: dg.RunStatusSensorContext):
        context.log.info(deliver_run_alerts(context))

    return _sensor


data_quality_alerts = alert_sensor("data_quality_alerts", dg.DagsterRunStatus.SUCCESS)
data_quality_alerts_after_failure = alert_sensor("data_quality_alerts_after_failure", dg.DagsterRunStatus.FAILURE)
