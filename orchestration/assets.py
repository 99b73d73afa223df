"""The ingestion assets: report files → documents and metrics (staged, validated) → warehouse.

Every asset is partitioned by batch of report files (see partitions.py), with a single-run
backfill policy: a run covers a batch (or a range of them), however many files, and parses
them in parallel."""

import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

import dagster as dg
import pandas as pd
from pydantic import Field

from orchestration.partitions import batch_files, report_batches
from orchestration.quality import (
    DOCUMENT_CHECK_SPECS,
    HISTORY_CHECK_SPECS,
    METRIC_CHECK_SPECS,
    Validation,
    history_check_results,
)
from orchestration.resources import DataDocs, Progress, ReportSources, Warehouse
from transforms.batch import Failure, parse_in_chunks
from transforms.pipeline import content_hash
from transforms.tables import batch_frames, indicators_frame
from transforms.version import extractor_version
from warehouse import load_batch, refresh_regions, replace_indicators, table_counts
from warehouse.staging import StagedRows
from warehouse.state import loaded_state

GROUP = "reports"
CHUNK_FILES = 300  # files parsed, validated and staged together: bounds the run's memory
SINGLE_RUN = dg.BackfillPolicy.single_run()
WRITER_POOL = "warehouse_writer"  # dagster.yaml limits every pool to one step at a time


class ReportFilesConfig(dg.Config):
    force: bool = Field(default=False, description="Extract every file of the run again, even those "
                        "the warehouse already holds from this extractor, or that failed before.")


@dataclass
class ReportBatch:
    """The files of a run's partitions that need work, and why others were skipped."""

    to_parse: list[str] = field(default_factory=list)
    # content already extracted by this extractor, now also at another path: (path, sha256, format)
    known: list[tuple[str, str, str | None]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=lambda: {
        "settled": 0, "rejected_before": 0, "superseded": 0, "missing": 0})


@dataclass
class StagedReports:
    """A run's rows on disk, the files that could not be read or were kept out, and the
    data-quality results."""

    folder: str
    known: list[tuple[str, str, str | None]]
    failures: list[Failure]
    validation: Validation

    def rows(self) -> StagedRows:
        return StagedRows(self.folder)


@dg.asset(group_name=GROUP, partitions_def=report_batches, backfill_policy=SINGLE_RUN,
          description="The files of the run's batches: those needing work, and those skipped because "
                      "the warehouse already holds them, they failed before, changed again since, or are gone.")
def report_files(context: dg.AssetExecutionContext, config: ReportFilesConfig,
                 duckdb: Warehouse) -> ReportBatch:
    with duckdb.get_connection() as con:
        state = loaded_state(con, extractor_version())
    listed = {f.path: f for key in context.partition_keys
              for f in batch_files(context.instance.root_directory, key)}  # a later batch's entry wins
    batch = ReportBatch()
    for entry in listed.values():
        path = Path(entry.path)
        if not path.is_file():
            batch.skipped["missing"] += 1
        elif content_hash(path.read_bytes()) != entry.sha256:
            batch.skipped["superseded"] += 1
        elif not config.force and state.is_settled(entry.path, entry.sha256):
            batch.skipped["settled"] += 1
        elif not config.force and state.is_rejected(entry.path, entry.sha256):
            batch.skipped["rejected_before"] += 1
        elif not config.force and entry.sha256 in state.documents:
            batch.known.append((entry.path, entry.sha256, path.suffix.lstrip(".").lower() or None))
        else:
            batch.to_parse.append(entry.path)
    context.add_output_metadata({"batches": len(context.partition_keys), "files": len(listed),
                                 "to_parse": len(batch.to_parse), "known_content": len(batch.known),
                                 **batch.skipped})
    return batch


@dg.multi_asset(
    group_name=GROUP, partitions_def=report_batches, backfill_policy=SINGLE_RUN,
    outs={
        "documents": dg.AssetOut(description="Each file read, cleaned and parsed: text, metadata, "
                                             "sections and sentences (staged for the load)."),
        "metrics": dg.AssetOut(description="One row per metric mention (spec §3 fields), staged."),
    },
    check_specs=[*DOCUMENT_CHECK_SPECS, *METRIC_CHECK_SPECS],
)
def extracted_reports(context: dg.AssetExecutionContext, report_files: ReportBatch, progress: Progress):
    """Parse, validate with the GX suites and stage each chunk of files. A document failing
    an ERROR check is kept out of the load (quarantined); the rest go on."""
    staging = Path(context.instance.root_directory) / "staging"
    _remove_stale_staging(context.instance, staging)
    staged = StagedReports(str(staging / context.run_id), report_files.known, [], Validation())
    rows = staged.rows()
    progress.start(len(report_files.to_parse))
    for parsed, failures in parse_in_chunks(report_files.to_parse, CHUNK_FILES, on_done=progress.advance,
                                            on_workers_started=_import_gx_meanwhile):
        frames = batch_frames(parsed)
        kept = staged.validation.add_chunk(frames)
        rows.add_chunk(kept)
        staged.failures.extend(failures)
        for failure in failures:
            context.log.warning(f"{failure.source_path}: {failure.error}")
    if not rows.chunks():
        rows.add_chunk(batch_frames([]))
    validation = staged.validation
    rejected = validation.quarantined + staged.failures
    yield dg.Output(staged, "documents", metadata={
        "documents": validation.documents, "failed_files": len(staged.failures),
        "quarantined": len(validation.quarantined),
        "failures": dg.MetadataValue.json([f"{f.source_path}: {f.error}" for f in rejected[:100]])})
    yield dg.Output(staged, "metrics", metadata={"rows": validation.metrics})
    yield from validation.check_results()


def _remove_stale_staging(instance: dg.DagsterInstance, staging: Path) -> None:
    """Staged rows of runs that ended without loading them (killed, failed) are not needed:
    the warehouse never saw them, and the files are still to do."""
    for folder in staging.glob("*"):
        run = instance.get_run_by_id(folder.name)
        if run is None or run.is_finished:
            StagedRows(folder).remove()


def _import_gx_meanwhile() -> None:
    """Import Great Expectations (seconds) while the workers parse the first chunk."""
    from expectations.gx_runner import import_gx

    threading.Thread(target=import_gx, name="import-gx", daemon=True).start()


@dg.asset(group_name=GROUP, partitions_def=report_batches, backfill_policy=SINGLE_RUN,
          kinds={"duckdb"}, pool=WRITER_POOL,
          check_specs=HISTORY_CHECK_SPECS,
          description="documents, sections, sentences, search terms, metrics, indicators, "
                      "ingest_log and dq_results in the DuckDB warehouse, loaded in one transaction; "
                      "unreadable and quarantined files logged and set aside.")
def warehouse_tables(context: dg.AssetExecutionContext, documents: StagedReports, metrics: StagedReports,
                     duckdb: Warehouse, sources: ReportSources, data_docs: DataDocs):
    staged = documents
    validation = staged.validation
    failures = pd.DataFrame([asdict(f) | {"status": "quarantined"} for f in validation.quarantined]
                            + [asdict(f) | {"status": "failed"} for f in staged.failures],
                            columns=["source_path", "sha256", "format", "error", "status"])
    known = pd.DataFrame(staged.known, columns=["source_path", "document_id", "format"])
    with duckdb.get_connection() as con:
        refresh_regions(con)
        replace_indicators(con, indicators_frame())
        summary = load_batch(con, staged.rows().files(), run_id=context.run_id, known=known,
                             failures=failures, dq_results=validation.results_frame(context.run_id))
        history, history_run = history_check_results(con, context.run_id)
        counts = table_counts(con)
    for failure in validation.quarantined + staged.failures:
        sources.set_aside(failure.source_path, failure.sha256, failure.error)
    staged.rows().remove()
    docs_index = _build_data_docs([*validation.suite_runs, history_run], Path(data_docs.folder), context)
    yield dg.MaterializeResult(metadata={
        **{f"loaded_{k}": v for k, v in asdict(summary).items()},
        **{f"table_{k}": v for k, v in counts.items()},
        "failed_files": len(staged.failures),
        "quarantined_files": len(validation.quarantined),
        "data_docs": dg.MetadataValue.path(str(docs_index)) if docs_index else None,
    })
    yield from history


def _build_data_docs(runs, folder: Path, context: dg.AssetExecutionContext):
    """The GX Data Docs of this run's validations; a failure to render them is logged, not fatal."""
    from expectations import build_data_docs

    try:
        return build_data_docs(runs, folder, run_name=context.run_id)
    except Exception as error:  # the docs are a view of dq_results, which is already stored
        context.log.warning(f"Data Docs not rebuilt: {type(error).__name__}: {error}")
        return None
