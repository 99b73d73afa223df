"""The load step's warehouse work alone, on a run's worth of staged rows, with its memory.

    python -m benchmarks.bench_load WAREHOUSE [--copies 10] [--memory-limit 256MB] [--whole]

WAREHOUSE is a loaded warehouse (a benchmark's, e.g. kept from `bench_ingest --count 1000`): its
documents' rows are staged as Parquet COPIES times under new ids (the document ids' first digit
changed, the paths suffixed), about 500 documents per folder as a run's chunk folders, then
loaded into a fresh warehouse as the load step does (regions, indicators, load_batch in slices,
or the whole batch with --whole) while this process's PSS is read every 0.1 s from
/proc/self/smaps_rollup. Prints the peak per phase of the load, its seconds and CPU seconds,
and DuckDB's memory by tag at the end of the inserts.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd

STAGED_TABLES = ("documents", "sections", "sentences", "sentence_terms", "metrics")
LOADER_SET = {"documents": {"first_seen_run", "loaded_at"}, "sentence_terms": {"sentence_length"}}
ID_COLUMNS = {"document_id", "section_id", "sentence_id", "metric_id"}
PER_FOLDER = 500


def pss_mb() -> float:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stage(warehouse: str, out: Path, copies: int) -> list[dict[str, list[Path]]]:
    """The rows of `warehouse` COPIES times as chunk folders of Parquet files; the slices."""
    con = duckdb.connect()
    con.execute(f"ATTACH '{warehouse}' AS w (READ_ONLY)")
    con.execute(f"CREATE TEMP TABLE folder_of AS SELECT document_id, (row_number() OVER (ORDER BY document_id) - 1)"
                f" // {PER_FOLDER} AS folder FROM w.documents")
    folders: dict[tuple[int, int], dict[str, list[Path]]] = {}
    for table in STAGED_TABLES:
        columns = [c[0] for c in con.execute(f"SELECT * FROM w.{table} LIMIT 0").description
                   if c[0] not in LOADER_SET.get(table, ())]
        for copy in range(copies):
            select = [f"CASE WHEN t.{c} IS NOT NULL THEN '{copy:x}' || substr(t.{c}, 2) END AS {c}" if c in ID_COLUMNS
                      else f"t.source_path || '.{copy}' AS source_path" if c == "source_path" else f't."{c}"'
                      for c in columns]
            for (folder,) in con.execute("SELECT DISTINCT folder FROM folder_of ORDER BY 1").fetchall():
                target = out / f"c{copy:02d}-{folder:02d}" / table / "part.parquet"
                target.parent.mkdir(parents=True, exist_ok=True)
                con.execute(f"COPY (SELECT {', '.join(select)} FROM w.{table} t JOIN folder_of f USING (document_id)"
                            f" WHERE f.folder = {folder}) TO '{target}' (FORMAT parquet)")
                folders.setdefault((copy, folder), {})[table] = [target]
    con.close()
    return [folders[key] for key in sorted(folders)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_load", description=__doc__.split("\n")[0])
    parser.add_argument("warehouse")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--memory-limit", default=None, help="the writer's (default: Warehouse's)")
    parser.add_argument("--whole", action="store_true", help="load the batch whole, not in slices")
    args = parser.parse_args(argv)

    from orchestration.chunks import warm_up
    from orchestration.quality import history_check_results
    from orchestration.resources import WRITER_MEMORY_LIMIT
    from transforms.tables import indicators_frame
    from warehouse import load_batch, refresh_regions, replace_indicators
    from warehouse import loader
    from warehouse.schema import connect, ensure_schema

    warm_up()  # as the ingest process is at its load: GX, jieba and the gazetteer loaded
    with tempfile.TemporaryDirectory(prefix="bench-load-") as temp:
        slices = stage(args.warehouse, Path(temp) / "staged", args.copies)
        batch = {table: [p for piece in slices for p in piece[table]] for table in STAGED_TABLES}
        phase, peaks, stop = ["before"], {}, threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peaks[phase[0]] = max(peaks.get(phase[0], 0.0), pss_mb())
                stop.wait(0.1)

        tags = {}
        insert = loader._insert_new_content

        def timed_insert(con, *rest):
            phase[0] = "child inserts"
            try:
                return insert(con, *rest)
            finally:
                tags.update(con.execute("SELECT tag, round(memory_usage_bytes / 2**20) FROM duckdb_memory()"
                                        " WHERE memory_usage_bytes > 2**20").fetchall())
                phase[0] = "search index, derived tables"
        loader._insert_new_content = timed_insert
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        time.sleep(0.3)
        before = pss_mb()
        started, cpu = time.perf_counter(), time.process_time()
        con = connect(Path(temp) / "warehouse.duckdb")
        con.execute(f"SET memory_limit = '{args.memory_limit or WRITER_MEMORY_LIMIT}'")
        ensure_schema(con)
        refresh_regions(con)
        replace_indicators(con, indicators_frame())
        phase[0] = "load_batch before the inserts"
        empty_failures = pd.DataFrame(columns=["source_path", "sha256", "format", "error", "status"])
        summary = load_batch(con, batch if args.whole else slices, run_id="bench-load", failures=empty_failures)
        load_seconds, load_cpu = time.perf_counter() - started, time.process_time() - cpu
        phase[0] = "history suite"
        history_check_results(con, "bench-load")
        con.close()
        stop.set()
        sampler.join()
    print(json.dumps({
        "copies": args.copies, "slices": 1 if args.whole else len(slices),
        "memory_limit": args.memory_limit or WRITER_MEMORY_LIMIT, "documents": summary.documents_loaded,
        "metrics": summary.metrics_loaded, "pss_before_mb": round(before),
        "peak_pss_mb": {name: round(value) for name, value in peaks.items()},
        "duckdb_memory_after_inserts_mb": tags,
        "load_seconds": round(load_seconds, 1), "load_cpu_seconds": round(load_cpu, 1)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
