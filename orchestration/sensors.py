"""The inbox sensor: new or changed report files become partitions and runs by themselves."""
import json

import dagster as dg

from orchestration.inbox import keys_of_files
from orchestration.jobs import ingest_reports
from orchestration.partitions import PARTITIONS_NAME, range_tags, report_partitions
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
