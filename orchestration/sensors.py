"""The inbox sensor (new or changed report files become batches and runs by themselves),
the data-quality alert sensors, and the sensor that fails runs whose process died."""
import json

import dagster as dg

from orchestration.inbox import hash_files, memo_identity
from orchestration.jobs import ingest_reports
from orchestration.partitions import report_batches, write_batch
from orchestration.quality import alerts_of_evaluation
from orchestration.resources import ReportSources, SharedFolder
from orchestration.runs import reap_dead_runs, writer_waits

RUN_BATCH = 2000  # files per batch and run: one run per batch, never one per file


@dg.sensor(job=ingest_reports, minimum_interval_seconds=30,
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="Watches GOVREPORT_INBOX: files with new content (by sha256) become a batch "
                       "(a report_batches partition) and a run. Files removed from the inbox keep "
                       "their rows in the warehouse.")
def inbox_sensor(context: dg.SensorEvaluationContext, sources: ReportSources, shared: SharedFolder):
    memo = json.loads(context.cursor) if context.cursor else {}
    listing = sources.list_files([])
    hashed, updated = hash_files(listing.files, memo)
    listed = listing.failures + hashed  # an unreadable folder is reported once, like a file
    updated.update({f.path: ["", memo_identity(f)] for f in listing.failures})
    changed = [f for f in listed if memo.get(f.path, [None, None])[1] != memo_identity(f)]
    cursor = json.dumps(updated, ensure_ascii=False)
    if not changed:
        return dg.SensorResult(skip_reason="no new or changed files in the inbox", cursor=cursor)
    keys = [write_batch(shared.path, changed[i:i + RUN_BATCH], origin="inbox_sensor")
            for i in range(0, len(changed), RUN_BATCH)]
    context.log.info(f"{len(changed)} new or changed file(s) in the inbox: {len(keys)} batch(es)")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=key, partition_key=key) for key in keys],
        dynamic_partitions_requests=[report_batches.build_add_request(keys)],
        cursor=cursor)


def deliver_run_alerts(context: dg.RunStatusSensorContext) -> str:
    """Send the alerts of the run's failed asset checks (WARN and ERROR), and any an earlier
    delivery could not."""
    from expectations import deliver_once

    run_id = context.dagster_run.run_id
    records = context.instance.get_records_for_run(
        run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records
    alerts = [alert for record in records
              for alert in alerts_of_evaluation(record.event_log_entry.dagster_event.event_specific_data)]
    delivery = deliver_once(alerts, run_id=run_id)
    failing = f"; sinks failing: {', '.join(delivery.failed_sinks)}" if delivery.failed_sinks else ""
    return (f"{len(records)} check evaluation(s), {len(alerts)} failure(s): {len(delivery.sent)} alert(s) sent "
            f"({delivery.retried} from earlier deliveries), {delivery.already_sent} already sent{failing}")


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


@dg.sensor(name="reap_dead_runs", minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Fails runs whose process is gone (kill -9, a crash), frees their warehouse_writer "
                       "slot and removes their staged rows, so later runs never wait for a dead one; "
                       "tells each run waiting for the writer slot who holds it.")
def reap_dead_runs_sensor(context: dg.SensorEvaluationContext, shared: SharedFolder):
    reaped = reap_dead_runs(context.instance, shared.path)
    for line in reaped:
        context.log.warning(line)
    waiting = writer_waits(context.instance, "warehouse_writer")  # said in each waiting run's log
    said = reaped + [message for _, message in waiting]
    return dg.SkipReason("; ".join(said) if said else "no run has lost its process or waits for the writer")
