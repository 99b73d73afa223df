"""One asset per stage: report files → documents → metrics → warehouse tables."""

from dataclasses import asdict, dataclass

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource
from pydantic import Field

from orchestration.resources import Progress, ReportSources
from transforms.batch import Failure, parse_files
from transforms.model import Document
from transforms.tables import documents_frame, indicators_frame, metrics_frame, sections_frame
from warehouse import ensure_schema, load_batch, record_failures, replace_indicators, table_counts

GROUP = "reports"


class ReportFilesConfig(dg.Config):
    paths: list[str] = Field(default_factory=list,
                             description="Files or folders to ingest; empty means the inbox.")


@dataclass
class ParsedReports:
    """The documents of one run and the files that could not be read."""

    documents: list[Document]
    failures: list[Failure]


@dg.asset(group_name=GROUP, description="The report files of this run (given paths or the inbox).")
def report_files(context: dg.AssetExecutionContext, config: ReportFilesConfig,
                 sources: ReportSources) -> list[str]:
    files = sources.list_files(config.paths)
    context.add_output_metadata({"files": len(files)})
    return files


@dg.asset(group_name=GROUP, description="Each file read, cleaned and parsed: text, metadata, "
          "sections, sentences and metric mentions; unreadable files with their reason.")
def documents(context: dg.AssetExecutionContext, report_files: list[str],
              progress: Progress) -> ParsedReports:
    progress.start(len(report_files))
    parsed, failures = parse_files(report_files, on_done=progress.advance)
    for failure in failures:
        context.log.warning(f"{failure.source_path}: {failure.error}")
    context.add_output_metadata({
        "documents": len(parsed), "failed_files": len(failures),
        "failures": dg.MetadataValue.json([f"{f.source_path}: {f.error}" for f in failures[:100]]),
    })
    return ParsedReports(parsed, failures)


@dg.asset(group_name=GROUP, description="One row per metric mention (spec §3 fields).")
def metrics(context: dg.AssetExecutionContext, documents: ParsedReports) -> pd.DataFrame:
    frame = metrics_frame(documents.documents)
    context.add_output_metadata({"rows": len(frame)})
    return frame


@dg.asset(group_name=GROUP, kinds={"duckdb"},
          description="documents, sections, metrics, indicators and ingest_log in the DuckDB "
          "warehouse, loaded in one transaction; unreadable files logged and quarantined.")
def warehouse_tables(context: dg.AssetExecutionContext, documents: ParsedReports,
                     metrics: pd.DataFrame, duckdb: DuckDBResource,
                     sources: ReportSources) -> dg.MaterializeResult:
    docs = documents.documents
    failures = pd.DataFrame([asdict(f) for f in documents.failures],
                            columns=["source_path", "sha256", "format", "error"])
    with duckdb.get_connection() as con:
        ensure_schema(con)
        replace_indicators(con, indicators_frame())
        summary = load_batch(con, documents_frame(docs), sections_frame(docs), metrics,
                             run_id=context.run_id)
        if len(failures):
            record_failures(con, failures, run_id=context.run_id)
        counts = table_counts(con)
    for failure in documents.failures:
        sources.set_aside(failure.source_path, failure.sha256, failure.error)
    return dg.MaterializeResult(metadata={
        **{f"loaded_{k}": v for k, v in asdict(summary).items()},
        **{f"table_{k}": v for k, v in counts.items()},
        "failed_files": len(failures),
    })
