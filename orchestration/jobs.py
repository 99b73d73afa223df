import dagster as dg

from orchestration.partitions import report_batches

INGEST_JOB = "ingest_reports"

# In one process: the steps hand each other small objects in memory (mem_io_manager), and
# the parsing step runs its own pool of worker processes over the machine's cores.
ingest_reports = dg.define_asset_job(
    INGEST_JOB, selection=dg.AssetSelection.groups("reports"), partitions_def=report_batches,
    executor_def=dg.in_process_executor,
    description="Read report files, extract metrics, validate them with GX, load DuckDB. "
                "A run covers one batch of files (a report_batches partition), or a range of them.")
