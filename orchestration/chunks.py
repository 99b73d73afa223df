"""The work of a chunk step, without Dagster: parse a part of the run's files, validate them
with the GX suites and stage their rows, all in the process that parsed them.

A chunk step gives each of its processes one part: in the `local` profile the chunk has one
part per core and a pool of worker processes (forked once per run, with jieba, the gazetteer
and GX already loaded) takes them; under Celery a worker's process cannot start a pool, so a
chunk is one part parsed where the step runs. The process that waits only merges what the
parts return: counts, check outcomes, failures, never the rows, which are on disk."""
from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from govreport.settings import Settings
from transforms.batch import Failure, parse_file
from warehouse.staging import StagedRows

PARALLEL_FROM = 40  # a chunk smaller than this is parsed in the step's own process
ROWS_EVERY = 50  # parsed documents turned into table rows at a time, then dropped
# documents whose unvalidated rows are staged together: every batch of rows as it is made
# (holding 250 documents' worth until a part's end cost each worker ~90 MB at its peak)
STAGE_EVERY = ROWS_EVERY
VALIDATED_TABLES = ("documents", "metrics")  # the tables the per-part suites read
UNVALIDATED_TABLES = ("sections", "sentences", "sentence_terms")
DOCUMENT_NAME_COLUMNS = ["document_id", "source_path", "title"]
STAGES = ("read", "extract", "validate", "stage")
# chunks a pool's workers take before they are replaced by new ones forked from the parent: a
# worker's private pages grow by about 2 MB a chunk (its heap's high-water mark, pages copied
# on write), 40 MB each over a 10,000-file run; a new fork starts from what the parent shares
WORKER_CHUNKS = 4


@dataclass(frozen=True)
class Chunk:
    """One chunk step's files and the folder its rows are staged in."""

    key: str
    paths: tuple[str, ...]
    folder: str


@dataclass
class PartResult:
    """What the parts of a chunk (or of a run) give back, merged: rows are staged, not here."""

    failures: list[Failure] = field(default_factory=list)
    quarantined: list[Failure] = field(default_factory=list)
    outcomes: list = field(default_factory=list)  # CheckOutcome of every validated part
    suite_runs: list = field(default_factory=list)  # SuiteRun worth a Data Docs page
    names: list[pd.DataFrame] = field(default_factory=list)  # document_id, source_path, title
    documents: int = 0
    metrics: int = 0
    files: int = 0
    folders: list[str] = field(default_factory=list)  # where the rows are staged
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    cpu_seconds: float = 0.0  # process CPU time of the parts (their stages and what is between them)

    def merge(self, other: PartResult) -> PartResult:
        self.failures += other.failures
        self.quarantined += other.quarantined
        self.outcomes += other.outcomes
        self.suite_runs += [run for run in other.suite_runs if self._worth_showing(run)]
        self.names += [frame for frame in other.names if len(frame)]
        self.documents += other.documents
        self.metrics += other.metrics
        self.files += other.files
        self.folders += [folder for folder in other.folders if folder not in self.folders]
        for stage, seconds in other.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.cpu_seconds += other.cpu_seconds
        return self

    def _worth_showing(self, run) -> bool:
        """Data Docs show each suite's first part and every part with a failure; keeping
        the GX results of every clean part would hold megabytes per thousand files."""
        return not any(kept.suite == run.suite for kept in self.suite_runs) or not all(o.passed for o in run)

    def document_names(self) -> pd.DataFrame:
        return (pd.concat(self.names, ignore_index=True) if self.names
                else pd.DataFrame(columns=DOCUMENT_NAME_COLUMNS))


class UnattributedCheckFailure(RuntimeError):
    """An ERROR check failed without naming the documents at fault: nothing of the part can
    be trusted to load, so the step fails (and is retried) instead."""


def process_part(paths: list[str], folder: str, name: str, today: date | None = None) -> PartResult:
    """Parse the files, validate the documents and metrics suites on them, and stage the rows
    of the documents that pass every ERROR check under `folder` as `<table>/<name>*.parquet`.

    The tables no suite reads (sections, sentences, search terms: four fifths of the rows)
    are staged every STAGE_EVERY documents, so a part's memory holds only the documents and
    metrics it validates, and a part can be large: GX costs seconds per validation whatever
    the number of rows. The rare quarantined document is then taken out of the staged files."""
    from transforms.tables import batch_frames

    cpu_started = time.process_time()
    result = PartResult(files=len(paths), folders=[folder])
    staged = StagedRows(folder)
    documents, validated, unvalidated, pending = [], [], [], 0
    for index, path in enumerate(paths, 1):
        parsed = parse_file(path, result.seconds)
        (result.failures if isinstance(parsed, Failure) else documents).append(parsed)
        _report_parsed()
        last = index == len(paths)
        if len(documents) == ROWS_EVERY or (last and documents):
            started = time.perf_counter()
            frames = batch_frames(documents)  # rows are far smaller than the parsed documents
            validated.append({table: frames.pop(table) for table in VALIDATED_TABLES})
            unvalidated.append(frames)
            pending += len(documents)
            documents = []
            result.seconds["extract"] += time.perf_counter() - started
        if pending >= STAGE_EVERY or last:
            started = time.perf_counter()
            staged.write(_concatenated(unvalidated) if unvalidated else _empty(UNVALIDATED_TABLES),
                         f"{name}-{index:06d}")
            unvalidated, pending = [], 0
            result.seconds["stage"] += time.perf_counter() - started
    if not paths:  # every table gets a file, so that the load always has files to read
        staged.write(_empty(UNVALIDATED_TABLES), f"{name}-{0:06d}")
    started = time.perf_counter()
    frames = _concatenated(validated) if validated else _empty(VALIDATED_TABLES)
    del validated
    result.seconds["extract"] += time.perf_counter() - started
    started = time.perf_counter()
    kept, quarantined = _validate(frames, today or date.today(), result) if len(frames["documents"]) else (frames, [])
    result.seconds["validate"] += time.perf_counter() - started
    started = time.perf_counter()
    staged.write(kept, name)
    if quarantined:
        staged.drop_documents(UNVALIDATED_TABLES, name, quarantined)
    result.seconds["stage"] += time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    return result


def _concatenated(slices: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    return {table: pd.concat([s[table] for s in slices], ignore_index=True) if len(slices) > 1 else slices[0][table]
            for table in slices[0]}


def _empty(tables: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    from transforms.tables import batch_frames

    return {table: frame for table, frame in batch_frames([]).items() if table in tables}


def _validate(frames: dict[str, pd.DataFrame], today: date,
              result: PartResult) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Run the per-chunk suites; record their outcomes in `result` and return the frames
    without the documents failing an ERROR check, and those documents (quarantined)."""
    from expectations import quarantine_reason, split_batch, validate_documents, validate_metrics
    from transforms.rules.units import known_units

    runs = [validate_documents(frames["documents"], today),
            validate_metrics(frames["metrics"], known_units(), frames["documents"])]
    outcomes = [outcome for run in runs for outcome in run]
    split = split_batch(outcomes)
    if split.unattributed:
        raise UnattributedCheckFailure(
            f"ERROR check(s) {', '.join(split.unattributed)} failed without naming a document")
    documents = frames["documents"]
    for row in documents[documents["document_id"].isin(split.quarantined)].itertuples():
        result.quarantined.append(Failure(row.source_path, row.document_id, row.format,
                                          quarantine_reason(outcomes, row.document_id)))
    result.outcomes += outcomes
    result.suite_runs += [run for run in runs if result._worth_showing(run)]
    result.names.append(documents[DOCUMENT_NAME_COLUMNS].copy())
    kept = {table: frame[~frame["document_id"].isin(split.quarantined)] for table, frame in frames.items()}
    result.documents += len(kept["documents"])
    result.metrics += len(kept["metrics"])
    return kept, sorted(split.quarantined)


def split_into_parts(paths: list[str], parts: int) -> list[list[str]]:
    """`parts` lists of about equal work: the largest files first, each to the lightest part."""
    sizes = {path: _size(path) for path in paths}
    loads = [[0, index, []] for index in range(max(1, min(parts, len(paths))))]
    for path in sorted(paths, key=lambda p: -sizes[p]):
        lightest = min(loads)
        lightest[0] += sizes[path] + 4096  # a small file still costs a file's overhead
        lightest[2].append(path)
    return [sorted(part) for _, _, part in sorted(loads, key=lambda load: load[1])]


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


# ---- the local profile's worker processes --------------------------------------------------

_progress: multiprocessing.queues.Queue | None = None  # set in workers: files parsed, one at a time


def _report_parsed() -> None:
    if _progress is not None:
        _progress.put(1)


def _init_worker(queue) -> None:
    global _progress
    _progress = queue


class LocalWorkers:
    """One pool of worker processes for a whole run, forked once the parent has loaded what
    the workers need (so they share it), with the files they finish reported back as they go.

    While the pool lives, what the parent holds is out of the cyclic collector's reach
    (gc.freeze): a collection writes to every object it walks, in a worker too, and each page
    written to is copied from the parent into that worker; unfrozen when the pool stops."""

    def __init__(self, workers: int):
        finish_warm_up()
        self.context = multiprocessing.get_context("fork")
        self.queue = self.context.Queue()
        self.workers = workers
        self.chunks = 0  # taken by the current pool's workers
        self.pool = self._fork()
        self._on_parsed = None
        self._listener = threading.Thread(target=self._listen, name="parsed-files", daemon=True)
        self._listener.start()

    def _fork(self) -> ProcessPoolExecutor:
        gc.freeze()  # what the parent made since the last fork too
        return ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_init_worker,
                                   initargs=(self.queue,))

    def run(self, chunk: Chunk, on_parsed=None) -> PartResult:
        """The chunk's files in one part per worker; their merged results. Every
        WORKER_CHUNKS chunks the workers are replaced first (between chunks, none is busy)."""
        if self.chunks == WORKER_CHUNKS:
            self.pool.shutdown()
            self.pool, self.chunks = self._fork(), 0
        self.chunks += 1
        self._on_parsed = on_parsed
        parts = split_into_parts(list(chunk.paths), self.workers)
        futures = [self.pool.submit(process_part, part, chunk.folder, f"{chunk.key}-{index}")
                   for index, part in enumerate(parts)]
        merged = PartResult()
        for future in futures:
            merged.merge(future.result())
        return merged

    def _listen(self) -> None:
        while (item := self.queue.get()) is not None:
            if self._on_parsed:
                self._on_parsed(item)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        self.queue.put(None)
        self._listener.join(timeout=5)
        gc.unfreeze()


_local_workers: dict[str, LocalWorkers] = {}  # by run id


def local_workers(run_id: str) -> LocalWorkers | None:
    """The run's pool in this process, started at its first chunk; None in the cluster profile
    (a Celery worker's process is daemonic and cannot start one; the workers are the
    parallelism) and where it is not worth it (one core)."""
    if multiprocessing.current_process().daemon or (os.cpu_count() or 1) < 2 or Settings.from_env().is_cluster:
        return None
    if run_id not in _local_workers:
        _local_workers[run_id] = LocalWorkers(os.cpu_count() or 1)
    return _local_workers[run_id]


def close_local_workers(run_id: str) -> None:
    """Stop the run's pool (before the load: its memory is not needed any more)."""
    workers = _local_workers.pop(run_id, None)
    if workers:
        workers.close()


def warm_up() -> None:
    """Load GX, jieba's dictionary, the gazetteer and the rules once, here: forked workers then
    share them instead of each loading its own."""
    global warm_up_cpu_seconds
    started = time.thread_time()
    from expectations.gx_runner import ephemeral_context
    from transforms.batch import warm_up_parsing

    ephemeral_context()
    warm_up_parsing()
    warm_up_cpu_seconds += time.thread_time() - started


_warming: threading.Thread | None = None
warm_up_cpu_seconds = 0.0  # CPU time the warm-ups of this process took (their threads')


def start_warm_up() -> None:
    """Warm up in a thread (seconds of imports) while the run starts; the first chunk step
    waits for it before forking (a fork while another thread imports can deadlock the child)."""
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=warm_up, name="warm-up", daemon=True)
        _warming.start()


def finish_warm_up() -> None:
    if _warming is not None:
        _warming.join()
    warm_up()  # at once when the thread did it
