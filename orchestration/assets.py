"""The ingestion assets: report files → documents and metrics (staged, validated) → warehouse.

Every asset is partitioned by batch of report files (see partitions.py), with a single-run
backfill policy: a run covers a batch (or a range of them), however many files.
`documents` and `metrics` come from one graph: the run's files are cut into chunks, each
chunk is a step of its own (parsed, validated and staged where it runs: a Celery worker on
any host in the `cluster` profile, a pool over this machine's cores in `local`), and a last
step merges what the chunks report. The load is one step and one DuckDB transaction on the
warehouse host, in the `warehouse_writer` pool."""

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import dagster as dg
import pandas as pd
from pydantic import Field

from expectations.data_docs import failing_documents
from govreport.settings import Settings
from orchestration.chunks import PARALLEL_FROM, Chunk, PartResult, close_local_workers, local_workers, process_part
from orchestration.partitions import batch_files, report_batches
from orchestration.quality import (
    DOCUMENT_CHECK_SPECS,
    HISTORY_CHECK_SPECS,
    METRIC_CHECK_SPECS,
    check_results,
    history_check_results,
    results_frame,
)
from orchestration.resources import DataDocs, Progress, ReportSources, SharedFolder, Warehouse
from orchestration.runs import RUN_PROCESS_TAG, remove_run_staging, this_process
from transforms.batch import Failure
from transforms.model import content_hash
from transforms.tables import indicators_frame
from transforms.version import extractor_version
from warehouse import load_batch, refresh_regions, replace_indicators, table_counts
from warehouse.analyst import document_names
from warehouse.staging import StagedRows
from warehouse.state import loaded_state
from warehouse.timing import Timings

GROUP = "reports"
SINGLE_RUN = dg.BackfillPolicy.single_run()
WRITER_POOL = "warehouse_writer"  # dagster.yaml limits every pool to one step at a time
WAREHOUSE_QUEUE = "warehouse"  # the Celery queue of the host holding the DuckDB file
ON_WAREHOUSE_HOST = {"dagster-celery/queue": WAREHOUSE_QUEUE}
CHUNK_RETRIES = dg.RetryPolicy(max_retries=2, delay=5)
DOCUMENT_TABLES = ("documents", "sections", "sentences", "sentence_terms")


class ReportFilesConfig(dg.Config):
    force: bool = Field(default=False, description="Extract every file of the run again, even those "
                        "the warehouse already holds from this extractor, or that failed before.")


@dataclass
class ReportBatch:
    """The files of a run's partitions that need work, those that could not be listed or
    hashed (with the reason), and why others were skipped."""

    to_parse: list[str] = field(default_factory=list)
    # content already extracted by this extractor, now also at another path: (path, sha256, format)
    known: list[tuple[str, str, str | None]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=lambda: {
        "settled": 0, "rejected_before": 0, "superseded": 0, "missing": 0})


@dataclass
class StagedDocuments:
    """The run's document rows (documents, sections, sentences, search terms) on the shared
    folder, the files that could not be read or were kept out, and the documents suite."""

    chunk_folders: list[str]
    known: list[tuple[str, str, str | None]]
    failures: list[Failure]
    quarantined: list[Failure]
    outcomes: list
    suite_runs: list
    count: int
    names: pd.DataFrame  # document_id, source_path, title: the Data Docs name documents by them

    def files(self) -> dict[str, list[Path]]:
        return _staged_files(self.chunk_folders, DOCUMENT_TABLES)


@dataclass
class StagedMetrics:
    """The run's metric rows on the shared folder and the metrics suite's results."""

    chunk_folders: list[str]
    outcomes: list
    suite_runs: list
    count: int

    def files(self) -> dict[str, list[Path]]:
        return _staged_files(self.chunk_folders, ("metrics",))


def staged_slices(documents: StagedDocuments, metrics: StagedMetrics) -> list[dict[str, list[Path]]]:
    """The run's staged rows as the loader's slices, one per chunk folder (a chunk's documents
    with all their rows): the load's joins then hold one chunk's rows at a time."""
    tables = (*DOCUMENT_TABLES, "metrics")
    folders = sorted(set(documents.chunk_folders) | set(metrics.chunk_folders))
    slices = []
    for folder in folders:
        files = StagedRows(folder).files()
        slices.append({table: files.get(table, []) for table in tables})
    return slices


def _staged_files(folders: list[str], tables: tuple[str, ...]) -> dict[str, list[Path]]:
    files = {table: [] for table in tables}
    for folder in folders:
        for table, paths in StagedRows(folder).files().items():
            if table in files:
                files[table] += paths
    return files


@dg.asset(group_name=GROUP, partitions_def=report_batches, backfill_policy=SINGLE_RUN, op_tags=ON_WAREHOUSE_HOST,
          description="The files of the run's batches: those needing work, those that could not be "
                      "listed or hashed, and those skipped because the warehouse already holds them, "
                      "they failed before, changed again since, or are gone.")
def report_files(context: dg.AssetExecutionContext, config: ReportFilesConfig,
                 duckdb: Warehouse, shared: SharedFolder) -> ReportBatch:
    if not Settings.from_env().is_cluster and RUN_PROCESS_TAG not in context.run.tags:
        # a run launched by the daemon executes in this process: record it, so that a later
        # ingest or daemon tick can tell when it died
        context.instance.add_run_tags(context.run_id, {RUN_PROCESS_TAG: this_process()})
    with duckdb.get_reader(context.log) as con:
        state = loaded_state(con, extractor_version()) if con is not None else None
    listed = {f.path: f for key in context.partition_keys
              for f in batch_files(shared.path, key)}  # a later batch's entry wins
    batch = ReportBatch()
    for entry in listed.values():
        path = Path(entry.path)
        if entry.error:
            batch.failures.append(Failure(entry.path, None, path.suffix.lstrip(".").lower() or None, entry.error))
        elif not path.is_file():
            batch.skipped["missing"] += 1
            context.log.warning(f"{entry.path}: gone since it was listed; skipped")
        elif _hash_now(path) != entry.sha256:
            batch.skipped["superseded"] += 1
            context.log.warning(f"{entry.path}: changed since it was listed; skipped in this run "
                                "(its new content is a new batch for the sensor, or ingest it again)")
        elif state and not config.force and state.is_settled(entry.path, entry.sha256):
            batch.skipped["settled"] += 1
        elif state and not config.force and state.is_rejected(entry.path, entry.sha256):
            batch.skipped["rejected_before"] += 1
        elif state and not config.force and entry.sha256 in state.documents:
            batch.known.append((entry.path, entry.sha256, path.suffix.lstrip(".").lower() or None))
        else:
            batch.to_parse.append(entry.path)
    context.add_output_metadata({"batches": len(context.partition_keys), "files": len(listed),
                                 "to_parse": len(batch.to_parse), "known_content": len(batch.known),
                                 "failed_listing": len(batch.failures), **batch.skipped})
    return batch


def _hash_now(path: Path) -> str | None:
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return None


@dg.op(out=dg.DynamicOut(Chunk))
def plan_chunks(context: dg.OpExecutionContext, report_files: ReportBatch, shared: SharedFolder,
                progress: Progress):
    """The files to parse in chunks, each a step of its own; at least one (maybe empty) chunk,
    so that the merge always runs. In `local` a chunk holds a part per core."""
    settings = Settings.from_env()
    size = settings.chunk_files * (1 if settings.is_cluster else os.cpu_count() or 1)
    paths = report_files.to_parse
    progress.phase("parsing and validating", len(paths))
    run_folder = Path(shared.staging(context.run_id))
    for start in range(0, max(1, len(paths)), size):
        key = f"c{start // size:05d}"
        yield dg.DynamicOutput(Chunk(key, tuple(paths[start:start + size]), str(run_folder / key)),
                               mapping_key=key)


@dg.op(retry_policy=CHUNK_RETRIES)
def extract_chunk(context: dg.OpExecutionContext, chunk: Chunk, progress: Progress) -> PartResult:
    """Parse, validate and stage one chunk of files. Its staging folder is emptied first, so
    a retried step stages its rows once."""
    StagedRows(chunk.folder).remove()
    workers = local_workers(context.run_id) if len(chunk.paths) >= PARALLEL_FROM else None
    if workers is not None:
        result = workers.run(chunk, on_parsed=progress.advance)
    else:
        result = process_part(list(chunk.paths), chunk.folder, f"{chunk.key}-0")
        progress.advance(len(chunk.paths))
    for failure in result.failures:
        context.log.warning(f"{failure.source_path}: {failure.error}")
    context.add_output_metadata({"files": result.files, "documents": result.documents,
                                 "metrics": result.metrics, "failed_files": len(result.failures),
                                 "quarantined": len(result.quarantined),
                                 **{f"seconds_{stage}": round(s, 2) for stage, s in result.seconds.items()},
                                 "cpu_seconds_parts": round(result.cpu_seconds, 2)})
    return result


@dg.op(out={"documents": dg.Out(StagedDocuments), "metrics": dg.Out(StagedMetrics),
            **{spec.get_python_identifier(): dg.Out(is_required=False)
               for spec in [*DOCUMENT_CHECK_SPECS, *METRIC_CHECK_SPECS]}})
def merge_chunks(context: dg.OpExecutionContext, report_files: ReportBatch, chunks: list[PartResult]):
    """Merge the chunks' results: nothing but counts, outcomes and failures travel here."""
    close_local_workers(context.run_id)
    run = PartResult()
    for chunk in chunks:
        run.merge(chunk)
    folders = sorted(run.folders)
    documents_outcomes = [o for o in run.outcomes if o.suite == "documents"]
    metrics_outcomes = [o for o in run.outcomes if o.suite == "metrics"]
    failures = report_files.failures + run.failures
    rejected = run.quarantined + failures
    names = run.document_names()
    yield dg.Output(
        StagedDocuments(folders, report_files.known, failures, run.quarantined, documents_outcomes,
                        [r for r in run.suite_runs if r.suite == "documents"], run.documents, names),
        "documents", metadata={
            "documents": run.documents, "failed_files": len(failures), "quarantined": len(run.quarantined),
            "failures": dg.MetadataValue.json([f"{f.source_path}: {f.error}" for f in rejected[:100]]),
            **{f"seconds_{stage}": round(s, 2) for stage, s in run.seconds.items()}})
    yield dg.Output(StagedMetrics(folders, metrics_outcomes, [r for r in run.suite_runs if r.suite == "metrics"],
                                  run.metrics), "metrics", metadata={"rows": run.metrics})
    yield from check_results(run.outcomes, [*_names(DOCUMENT_CHECK_SPECS), *_names(METRIC_CHECK_SPECS)], names)


def _names(specs) -> list[tuple[str, str]]:
    return [(spec.name, spec.description) for spec in specs]


@dg.graph_multi_asset(
    group_name=GROUP, partitions_def=report_batches, backfill_policy=SINGLE_RUN,
    outs={
        "documents": dg.AssetOut(description="Each file read, cleaned and parsed: text, metadata, "
                                             "sections, sentences and search terms (staged for the load), "
                                             "and the files that could not be read or were kept out."),
        "metrics": dg.AssetOut(description="One row per metric mention (spec §3 fields), staged."),
    },
    check_specs=[*DOCUMENT_CHECK_SPECS, *METRIC_CHECK_SPECS],
)
def extracted_reports(report_files):
    """Parse, validate with the GX suites and stage the files chunk by chunk. A document failing
    an ERROR check is kept out of the load (quarantined); the rest go on."""
    chunks = plan_chunks(report_files).map(extract_chunk).collect()
    return merge_chunks(report_files, chunks)


@dg.asset(group_name=GROUP, partitions_def=report_batches, backfill_policy=SINGLE_RUN,
          kinds={"duckdb"}, pool=WRITER_POOL, op_tags=ON_WAREHOUSE_HOST,
          check_specs=HISTORY_CHECK_SPECS,
          description="documents, sections, sentences, search terms, metrics, indicators, "
                      "ingest_log and dq_results in the DuckDB warehouse, loaded in one transaction; "
                      "unreadable and quarantined files logged and set aside.")
def warehouse_tables(context: dg.AssetExecutionContext, documents: StagedDocuments, metrics: StagedMetrics,
                     duckdb: Warehouse, sources: ReportSources, data_docs: DataDocs, shared: SharedFolder,
                     progress: Progress):
    progress.phase("loading")
    step, load = Timings(), Timings()  # CPU and wall seconds of the step's phases, the load's
    with step("prepare"):
        failures = pd.DataFrame([asdict(f) | {"status": "quarantined"} for f in documents.quarantined]
                                + [asdict(f) | {"status": "failed"} for f in documents.failures],
                                columns=["source_path", "sha256", "format", "error", "status"])
        known = pd.DataFrame(documents.known, columns=["source_path", "document_id", "format"])
        dq_results = results_frame(documents.outcomes + metrics.outcomes, context.run_id)
    with step("open_and_close"):  # less the phases inside: the schema check and the closing checkpoint
        with duckdb.get_connection(context.log) as con:
            with step("regions_and_indicators"):
                refresh_regions(con)
                replace_indicators(con, indicators_frame())
            with step("load"):
                summary = load_batch(con, staged_slices(documents, metrics) or {**documents.files(), **metrics.files()},
                                     run_id=context.run_id,
                                     known=known, failures=failures, dq_results=dq_results, timings=load)
            progress.phase("checks")
            with step("history_suite"):
                history, history_run = history_check_results(con, context.run_id)
                named = document_names(con, failing_documents([history_run]))
            with step("table_counts"):
                counts = table_counts(con)
    with step("set_aside"):
        for failure in documents.quarantined + documents.failures:
            sources.set_aside(failure.source_path, failure.sha256, failure.error)
        remove_run_staging(shared.path, context.run_id)
    with step("data_docs"):
        docs_index = _build_data_docs([*documents.suite_runs, *metrics.suite_runs, history_run],
                                      Path(data_docs.folder), context,
                                      pd.concat([documents.names, named], ignore_index=True))
    progress.phase(None)
    yield dg.MaterializeResult(metadata={
        **{f"loaded_{k}": v for k, v in asdict(summary).items()},
        **{f"table_{k}": v for k, v in counts.items()},
        "failed_files": len(documents.failures),
        "quarantined_files": len(documents.quarantined),
        "data_docs": dg.MetadataValue.path(str(docs_index)) if docs_index else None,
        **step.metadata("step_"), **load.metadata("load_"),
    })
    yield from history


def _build_data_docs(runs, folder: Path, context: dg.AssetExecutionContext, documents: pd.DataFrame):
    """The GX Data Docs of this run's validations (documents: their names); a failure to
    render them is logged, not fatal."""
    from expectations import build_data_docs

    try:
        return build_data_docs(runs, folder, run_name=context.run_id, documents=documents)
    except Exception as error:  # the docs are a view of dq_results, which is already stored
        context.log.warning(f"Data Docs not rebuilt: {type(error).__name__}: {error}")
        return None
