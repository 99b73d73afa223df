"""Analyst benchmark: the views and the search on a warehouse with >= 1,000,000 metric rows.

    python -m benchmarks.bench_analyst [--source generated|multiplied] [--metrics N]
                                       [--warehouse PATH] [--rebuild]

Builds the warehouse once (kept between runs; --rebuild starts again), then runs every
analyst view and several searches RUNS times, each on a fresh read-only connection as every
`govreport` command opens one (a view's rows fetched as `govreport query` fetches them,
warehouse.query.fetch_rows), and prints each query's median in wall-clock seconds and in CPU
seconds of the process (all DuckDB threads), which other jobs on a shared machine inflate less,
with the slowest run. Target: every median under 0.5 s. jieba's dictionary, loaded once per
process before the first search, is timed on its own line. The figures, the machine (CPU,
cores, load average before and after) and the warehouse's row counts go to
benchmarks/results/analyst-<source>.json.

Two ways to reach the rows, both extracted and loaded as an ingestion does:
- generated (default): reports written by benchmarks/generate.py (txt, no broken files), about
  70 metrics each, parsed over all cores and loaded 1,000 reports per transaction. Text,
  vocabulary and regions are varied; agencies are drawn at random, so few regions have two
  consecutive years and indicator_yoy stays small;
- multiplied: the bundled samples, then copied in SQL: each copy of a sample report gets a
  real county from the gazetteer and a report year, so every county has a series over eleven
  years (the shape of a warehouse that has collected for years), figures vary by up to ±15 %,
  and the term statistics keep the samples' distribution.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from transforms.batch import parse_in_chunks
from transforms.pipeline import read_document
from transforms.search_terms import search_terms
from transforms.tables import batch_frames, indicators_frame
from warehouse.derived import refresh_derived
from warehouse.loader import load_batch, replace_indicators
from warehouse.query import fetch_rows
from warehouse.regions import refresh_regions
from warehouse.schema import connect, ensure_schema, fetch_row, table_counts, transaction
from warehouse.search import search

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
BENCH_DIR = Path("/tmp/govreport-bench")
RESULTS = Path(__file__).resolve().parent / "results"
TARGET_S = 0.5
RUNS = 5
FIRST_YEAR = 2015
YEARS = 11
METRICS_PER_GENERATED_REPORT = 65  # a little under the generator's mean, to reach the target
LOAD_CHUNK = 1000
SEED = 1

# Each copy k of each sample report j goes to one county: a county keeps one report type
# and gets the years FIRST_YEAR .. FIRST_YEAR + YEARS - 1.
_COPIES = """
CREATE TEMP TABLE bench_copies AS
WITH counties AS (
    SELECT code, province, city, county, row_number() OVER (ORDER BY code) - 1 AS n
    FROM regions WHERE level = 'county'
),
samples AS (SELECT document_id, row_number() OVER (ORDER BY document_id) - 1 AS j FROM documents)
SELECT k, s.document_id AS sample_id, sha256(s.document_id || ':' || k) AS document_id,
       c.code, c.province, c.city, c.county, $first_year + k % $years AS report_year
FROM range($copies) r(k)
CROSS JOIN samples s
JOIN counties c ON c.n = ((k // $years) * (SELECT count(*) FROM samples) + s.j) % (SELECT count(*) FROM counties)
"""

# Ids are '<document_id>:...' with a 64-character document_id: the copy keeps the suffix.
_MULTIPLY = {
    "documents": """
        SELECT d.* REPLACE (
            c.document_id AS document_id, 'bench/' || c.document_id || '.txt' AS source_path,
            c.county || '民政局' || c.report_year || '年' || d.report_type AS title,
            c.county || '民政局' AS agency, c.province AS province, c.city AS city, c.county AS county,
            c.code AS region_code, 'county' AS admin_level, c.report_year AS report_year,
            make_date(c.report_year + 1, 1, 15) AS publish_date, 'bench' AS first_seen_run)
        FROM documents d JOIN bench_copies c ON c.sample_id = d.document_id""",
    "sections": """
        SELECT t.* REPLACE (c.document_id AS document_id, c.document_id || t.section_id[65:] AS section_id)
        FROM sections t JOIN bench_copies c ON c.sample_id = t.document_id""",
    "sentences": """
        SELECT t.* REPLACE (c.document_id AS document_id, c.document_id || t.sentence_id[65:] AS sentence_id,
                            c.document_id || t.section_id[65:] AS section_id)
        FROM sentences t JOIN bench_copies c ON c.sample_id = t.document_id""",
    "sentence_terms": """
        SELECT t.* REPLACE (c.document_id AS document_id, c.document_id || t.sentence_id[65:] AS sentence_id)
        FROM sentence_terms t JOIN bench_copies c ON c.sample_id = t.document_id""",
    "metrics": """
        SELECT t.* REPLACE (
            c.document_id AS document_id, c.document_id || t.metric_id[65:] AS metric_id,
            c.document_id || t.section_id[65:] AS section_id, c.document_id || t.sentence_id[65:] AS sentence_id,
            round(t.value * (0.85 + hash(c.document_id, t.start) % 301 / 1000), 1) AS value)
        FROM metrics t JOIN bench_copies c ON c.sample_id = t.document_id""",
}

VIEW_QUERIES = {
    "indicator_values: one indicator, one year": (
        "SELECT * FROM indicator_values WHERE indicator_id = 'dibao_recipients' AND report_year = 2023"),
    "indicator_values: one province, all": "SELECT * FROM indicator_values WHERE province = '湖北省'",
    "indicator_facts: 低保 by county 2023": (
        "SELECT province, city, county, value, raw, sentence FROM indicator_facts"
        " WHERE indicator_id = 'dibao_recipients' AND report_year = 2023 AND admin_level = 'county'"
        " ORDER BY value DESC"),
    "indicator_facts: count all": "SELECT count(*) FROM indicator_facts",
    "indicator_series: one indicator": "SELECT * FROM indicator_series WHERE indicator_id = 'tekun_persons'",
    "indicator_yoy: largest changes": (
        "SELECT indicator_name, region, previous_year, report_year, previous_value, value, change_pct"
        " FROM indicator_yoy ORDER BY abs(change_pct) DESC NULLS LAST LIMIT 20"),
    "indicator_yoy: largest, all columns": (
        "SELECT * FROM indicator_yoy ORDER BY abs(change_pct) DESC NULLS LAST LIMIT 20"),
    "indicator_yoy: one county": "SELECT * FROM indicator_yoy WHERE region = '郧西县'",
    "indicator_yoy: one indicator, one province": (
        "SELECT * FROM indicator_yoy WHERE indicator_id = 'dibao_recipients' AND province = '湖北省'"),
    "latest_reports: all": "SELECT * FROM latest_reports",
    "agencies: all": "SELECT * FROM agencies",
    "problems: 社会组织 LIKE": "SELECT * FROM problems WHERE sentence LIKE '%社会组织%' LIMIT 100",
    "plans: one province, one year": "SELECT * FROM plans WHERE province = '河南省' AND report_year = 2024",
}

SEARCHES = {
    "search 低保 资金": dict(query="低保 资金"),
    "search 社会组织 --category problems": dict(query="社会组织", category="problems"),
    "search 养老 床位 --province 湖北省 --year 2023": dict(query="养老 床位", province="湖北省", year=2023),
    "search 社會組織 登記 (traditional)": dict(query="社會組織 登記"),
    "search 法治 建设 工作 (common terms)": dict(query="法治 建设 工作"),
}


def build_warehouse(path: Path, target_metrics: int, source: str) -> dict[str, int]:
    """A new warehouse at path with at least target_metrics metric rows from `source`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = connect(path)
    try:
        ensure_schema(con)
        refresh_regions(con)
        replace_indicators(con, indicators_frame())
        SOURCES[source](con, target_metrics)
        con.execute("CHECKPOINT")
        return table_counts(con)
    finally:
        con.close()


def load_generated(con, target_metrics: int) -> None:
    """Generate enough reports (cached beside the warehouse), parse them and load them."""
    count = math.ceil(target_metrics / METRICS_PER_GENERATED_REPORT)
    corpus = BENCH_DIR / f"corpus-txt-n{count}-s{SEED}"
    if not (corpus / "manifest.jsonl").exists():
        subprocess.run([sys.executable, "-m", "benchmarks.generate", str(corpus), "--count", str(count),
                        "--seed", str(SEED), "--formats", "txt", "--broken-share", "0"], check=True, cwd=ROOT)
    paths = sorted(str(p) for p in (corpus / "reports").iterdir())
    for index, (documents, _failures) in enumerate(parse_in_chunks(paths, LOAD_CHUNK)):
        load_batch(con, batch_frames(documents), run_id=f"bench-generated-{index}")


def load_multiplied(con, target_metrics: int) -> None:
    """Load the samples, then copy them in SQL until target_metrics rows."""
    documents = [read_document(p) for p in sorted(SAMPLES.iterdir())]
    load_batch(con, batch_frames(documents), run_id="bench-samples")
    (sample_metrics,) = fetch_row(con, "SELECT count(*) FROM metrics")
    copies = math.ceil((target_metrics - sample_metrics) / sample_metrics)
    with transaction(con):
        con.execute(_COPIES, {"copies": copies, "first_year": FIRST_YEAR, "years": YEARS})
        for table, select in _MULTIPLY.items():
            con.execute(f"INSERT INTO {table} BY NAME {select}")
        con.execute("DROP TABLE bench_copies")
        refresh_derived(con)


SOURCES = {"generated": load_generated, "multiplied": load_multiplied}


@dataclass(frozen=True)
class Timing:
    name: str
    rows: int
    wall: float  # median wall seconds of RUNS runs, each on a fresh read-only connection
    cpu: float  # median CPU seconds of the process (all threads) over the same runs
    slowest: float  # wall seconds of the slowest run
    walls: tuple[float, ...]
    cpus: tuple[float, ...]

    @property
    def ok(self) -> bool:
        return self.wall < TARGET_S


def timed(run) -> tuple[object, float, float]:
    """(result, wall seconds, process CPU seconds) of run()."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def time_runs(path: Path, name: str, run) -> Timing:
    """RUNS runs of run(con), each on a new read-only connection (opened outside the timing)."""
    walls, cpus = [], []
    for _ in range(RUNS):
        con = connect(path, read_only=True)
        try:
            rows, wall, cpu = timed(lambda: run(con))
        finally:
            con.close()
        walls.append(wall)
        cpus.append(cpu)
    return Timing(name, len(rows), statistics.median(walls), statistics.median(cpus), max(walls),
                  tuple(round(w, 4) for w in walls), tuple(round(c, 4) for c in cpus))


def benchmark(path: Path) -> list[Timing]:
    """Time jieba's first cut, every view query and every search."""
    _, load_wall, load_cpu = timed(lambda: search_terms("低保"))
    timings = [Timing("jieba dictionary load (once per process)", 0, load_wall, load_cpu, load_wall, (), ())]
    runs = {name: (lambda con, sql=sql: fetch_rows(con, sql)[1]) for name, sql in VIEW_QUERIES.items()}
    runs |= {name: (lambda con, kw=kw: search(con, **kw)[1]) for name, kw in SEARCHES.items()}
    return timings + [time_runs(path, name, run) for name, run in runs.items()]


def report(timings: list[Timing], load_before: float, load_after: float) -> str:
    """The timings as a fixed-width table with a verdict per query."""
    width = max(len(t.name) for t in timings)
    lines = [f"{'query':<{width}}  {'rows':>6}  {'median s':>8}  {'cpu s':>6}  {'slowest':>7}  ok"]
    for t in timings:
        lines.append(f"{t.name:<{width}}  {t.rows:>6}  {t.wall:>8.3f}  {t.cpu:>6.3f}  {t.slowest:>7.3f}  "
                     f"{'yes' if t.ok else 'NO'}")
    queries = timings[1:]
    lines.append(f"median of {RUNS} runs each; slowest median {max(t.wall for t in queries):.3f} s wall, "
                 f"{max(t.cpu for t in queries):.3f} s CPU (target < {TARGET_S} s); load average "
                 f"{load_before:.1f} before, {load_after:.1f} after, on {os.cpu_count()} CPUs")
    return "\n".join(lines)


def machine() -> dict:
    """What the figures were measured on; the load average says how busy it was."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return {"cpu": model, "cpus": os.cpu_count(), "python": platform.python_version(), "duckdb": duckdb.__version__}


def save(source: str, path: Path, timings: list[Timing], load_before: float, load_after: float) -> Path:
    with duckdb.connect(str(path), read_only=True) as con:
        counts = table_counts(con)
    result = {"source": source, "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": machine(), "load_average_before": round(load_before, 2),
              "load_average_after": round(load_after, 2), "runs_per_query": RUNS, "target_s": TARGET_S,
              "rows": counts, "queries": [asdict(t) for t in timings]}
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"analyst-{source}.json"
    target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=sorted(SOURCES), default="generated")
    parser.add_argument("--metrics", type=int, default=1_000_000, help="metric rows to reach")
    parser.add_argument("--warehouse", type=Path, help="default: /tmp/govreport-bench/analyst-SOURCE.duckdb")
    parser.add_argument("--rebuild", action="store_true", help="build the warehouse again")
    args = parser.parse_args(argv)
    args.warehouse = args.warehouse or BENCH_DIR / f"analyst-{args.source}.duckdb"
    if args.rebuild or not args.warehouse.exists():
        started = time.perf_counter()
        counts = build_warehouse(args.warehouse, args.metrics, args.source)
        print(f"built {args.warehouse} in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{table} {count:,}" for table, count in counts.items()))
    load_before = os.getloadavg()[0]
    timings = benchmark(args.warehouse)
    load_after = os.getloadavg()[0]
    print(report(timings, load_before, load_after))
    print(f"results: {save(args.source, args.warehouse, timings, load_before, load_after)}")
    return 0 if all(t.ok for t in timings[1:]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
