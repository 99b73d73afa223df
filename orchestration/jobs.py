"""The ingest job, with the executor its profile asks for (GOVREPORT_PROFILE, read when a run
starts): in `local` every step runs in the run's process (chunk steps spread their files over a
pool of this machine's cores); in `cluster` every step is a Celery task, taken by whichever
worker listens on its queue, on any host."""
import dagster as dg
from dagster._core.execution.retries import RetryMode

from govreport.settings import Settings
from orchestration.partitions import report_batches

INGEST_JOB = "ingest_reports"


@dg.executor(name="govreport_profile")
def profile_executor(init_context: dg.InitExecutorContext) -> dg.Executor:
    settings = Settings.from_env()
    if settings.is_cluster:
        from dagster_celery.executor import CeleryExecutor

        # The results travel back through Redis too: the default rpc:// backend needs AMQP.
        return CeleryExecutor(retries=RetryMode.ENABLED, broker=settings.celery_broker,
                              backend=settings.celery_broker)
    from dagster._core.executor.in_process import InProcessExecutor

    return InProcessExecutor(retries=RetryMode.ENABLED, marker_to_close=None)


ingest_reports = dg.define_asset_job(
    INGEST_JOB, selection=dg.AssetSelection.groups("reports"), partitions_def=report_batches,
    executor_def=profile_executor,
    description="Read report files, extract metrics, validate them with GX, load DuckDB. "
                "A run covers one batch of files (a report_batches partition), or a range of them.")
