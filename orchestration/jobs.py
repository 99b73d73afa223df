import dagster as dg

INGEST_JOB = "ingest_reports"

ingest_reports = dg.define_asset_job(
    INGEST_JOB, selection=dg.AssetSelection.groups("reports"),
    description="Read report files, extract metrics, validate them with GX, load DuckDB.")
