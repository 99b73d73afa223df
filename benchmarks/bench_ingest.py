"""End-to-end ingest benchmark: generated reports through the Dagster job into a fresh warehouse.

    python -m benchmarks.bench_ingest --count 1000 [--count 10000] [--seed 1] [--broken-share 0.01]

For each count: generate the corpus (cached under benchmarks/.cache/), ingest it with
orchestration.runner.run_ingest in a child process against a temporary DAGSTER_HOME and
warehouse while sampling the memory of the child's whole process tree, ingest it again (nothing
new), then time jieba alone (precise mode) cutting the same cleaned texts on all cores. Prints the
figures next to their targets and writes them to benchmarks/results/ingest-<count>.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
RESULTS = HERE / "results"
SAMPLE_EVERY = 0.2  # seconds between memory samples
PAGE = os.sysconf("SC_PAGE_SIZE")
TARGETS = {"pipeline_vs_jieba": 2.0, "rerun_seconds": 10.0, "peak_mb": 1536.0}
GENERATOR_SOURCES = [HERE / f"{name}.py" for name in ("generate", "layout", "templating", "regions", "formats")] \
    + [ROOT / "scripts" / "render_samples.py"]
MEMORY_CAP_MB = 8192  # the ingest is stopped above this, before it starves the machine


# ---- the corpus ------------------------------------------------------------------------------

def corpus_folder(count: int, seed: int, broken_share: float) -> Path:
    """A cache entry per corpus and generator version: editing a template or the generator
    makes a new corpus rather than reusing a stale one."""
    return CACHE / f"corpus-n{count}-s{seed}-b{broken_share:g}-{generator_fingerprint()}"


def generator_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in [*GENERATOR_SOURCES, *sorted(HERE.glob("templates/*.toml"))]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:8]


def ensure_corpus(count: int, seed: int, broken_share: float) -> tuple[Path, float | None]:
    """The cached corpus, generated first when missing; and the generation time when it was
    generated now (None when it came from the cache)."""
    from benchmarks.generate import generate

    folder = corpus_folder(count, seed, broken_share)
    if (folder / "manifest.jsonl").exists():
        return folder, None
    started = time.perf_counter()
    generate(folder, count, seed, broken_share)
    return folder, time.perf_counter() - started


# ---- memory of a process tree ----------------------------------------------------------------

def process_tree(root: int) -> list[int]:
    """root and all its descendants, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


def memory_of(pids: list[int]) -> tuple[float, float]:
    """(RSS, PSS) in MB summed over pids. RSS counts pages shared by forked workers once per
    process; PSS shares them out, so it is the tree's real footprint."""
    rss = pss = 0
    for pid in pids:
        try:
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except (OSError, IndexError, ValueError):
            continue
    return rss / 2**20, pss / 2**20


@dataclass
class MemoryPeak:
    """Samples a process tree's memory in a thread until stopped; kills the tree when its
    PSS passes cap_mb."""

    root: int
    cap_mb: float
    rss_mb: float = 0.0
    pss_mb: float = 0.0
    samples: int = 0
    over_cap: bool = False
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> MemoryPeak:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            tree = process_tree(self.root)
            rss, pss = memory_of(tree)
            self.rss_mb, self.pss_mb = max(self.rss_mb, rss), max(self.pss_mb, pss)
            self.samples += 1
            if pss > self.cap_mb:
                self.over_cap = True
                kill(tree)
                return
            self._stop.wait(SAMPLE_EVERY)


def kill(pids: list[int]) -> None:
    """Stop the processes of a tree we started, its leaves first."""
    for pid in reversed(pids):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue


# ---- ingesting in a child process ------------------------------------------------------------

def child_ingest(folder: str) -> dict:
    """Run in the child: one run_ingest over the folder, then the warehouse's counts."""
    import duckdb

    from govreport.settings import Settings
    from orchestration.runner import run_ingest

    started = time.perf_counter()
    summary = run_ingest([folder])
    seconds = time.perf_counter() - started
    with duckdb.connect(str(Settings.from_env().warehouse), read_only=True) as con:
        def scalar(sql: str) -> int:
            return con.execute(sql).fetchone()[0]
        return {
            "success": summary.success, "error": summary.error, "run_seconds": seconds,
            "steps": step_seconds(summary.run_id),
            "loaded": summary.loaded, "documents": scalar("SELECT count(*) FROM documents"),
            "metrics": scalar("SELECT count(*) FROM metrics"),
            "failed": scalar("SELECT count(*) FROM ingest_log WHERE status = 'failed'"),
        }


def step_seconds(run_id: str | None) -> dict[str, float]:
    """Seconds each step of the run took, from the Dagster instance's event log: where the
    time goes. No run (nothing new to ingest): no steps."""
    import dagster as dg

    if run_id is None:
        return {}

    with dg.DagsterInstance.get() as instance:
        records = instance.all_logs(run_id)
    starts: dict[str, float] = {}
    seconds: dict[str, float] = {"(whole Dagster run)": round(records[-1].timestamp - records[0].timestamp, 2)}
    for record in records:
        event = record.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            starts[event.step_key] = record.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE") and event.step_key in starts:
            seconds[event.step_key] = round(record.timestamp - starts[event.step_key], 2)
    return seconds


def ingest_in_child(folder: Path, env: dict[str, str], log: Path, cap_mb: float) -> dict:
    """Ingest in a fresh Python process, measuring its wall time and its tree's peak memory;
    {"over_cap": True, …} when it was stopped for using more than cap_mb."""
    command = [sys.executable, "-m", "benchmarks.bench_ingest", "--child-ingest", str(folder)]
    started = time.perf_counter()
    with open(log, "ab") as stderr:
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr)
        with MemoryPeak(child.pid, cap_mb) as peak:
            output, _ = child.communicate()
    measured = {"process_seconds": time.perf_counter() - started, "peak_rss_mb": peak.rss_mb,
                "peak_pss_mb": peak.pss_mb, "memory_samples": peak.samples, "over_cap": peak.over_cap}
    if peak.over_cap:
        return measured
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"the ingest child failed (exit {child.returncode}):\n{tail}")
    return {**json.loads(output.decode().strip().splitlines()[-1]), **measured}


def bench_environment(work: Path) -> dict[str, str]:
    """Every path setting of the project (warehouse, DAGSTER_HOME, inbox, quarantine, alert
    files, data docs …) inside `work`, so a benchmark touches nothing of the project's own."""
    from govreport.settings import DEFAULTS, QUIET

    env = {**os.environ, **QUIET}
    for name, default in DEFAULTS.items():
        env[name] = str(work / Path(default).name)
    Path(env["GOVREPORT_INBOX"]).mkdir(parents=True, exist_ok=True)
    return env


# ---- jieba for comparison --------------------------------------------------------------------

def cleaned_texts(warehouse: Path) -> list[str]:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [row[0] for row in con.execute("SELECT text FROM documents ORDER BY document_id").fetchall()]


def _ready_worker(barrier) -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    barrier.wait()


def _cut(text: str) -> int:
    import jieba

    return len(jieba.lcut(text))


def time_jieba(texts: list[str], workers: int) -> dict:
    """Seconds jieba.lcut takes on all texts over `workers` processes, counted from the moment
    every worker has its dictionary loaded; the load is timed on its own."""
    started = time.perf_counter()
    load = subprocess.run([sys.executable, "-c", "import jieba, time; jieba.setLogLevel(60); "
                           "t = time.perf_counter(); jieba.initialize(); print(time.perf_counter() - t)"],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(workers + 1)
    with context.Pool(workers, initializer=_ready_worker, initargs=(barrier,)) as pool:
        barrier.wait()
        ready = time.perf_counter()
        tokens = sum(pool.map(_cut, texts, chunksize=max(1, len(texts) // (workers * 8))))
        seconds = time.perf_counter() - ready
    return {"seconds": seconds, "dictionary_load_seconds": float(load.stdout.strip()),
            "workers": workers, "tokens": tokens, "texts": len(texts),
            "wall_with_startup_seconds": time.perf_counter() - started}


# ---- the benchmark ---------------------------------------------------------------------------

def run_benchmark(count: int, seed: int, broken_share: float, cap_mb: float = MEMORY_CAP_MB) -> dict:
    """First ingest, rerun and jieba; the rerun and jieba are skipped when the first ingest
    was stopped at the memory cap."""
    load_before = os.getloadavg()
    corpus, generation_seconds = ensure_corpus(count, seed, broken_share)
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as temp:
        work = Path(temp)
        env = bench_environment(work)
        first = ingest_in_child(corpus / "reports", env, work / "ingest.log", cap_mb)
        completed = not first["over_cap"]
        rerun = ingest_in_child(corpus / "reports", env, work / "ingest.log", cap_mb) if completed else None
        jieba_run = time_jieba(cleaned_texts(Path(env["GOVREPORT_WAREHOUSE"])), os.cpu_count() or 1) \
            if completed else None
    return {
        "count": count, "seed": seed, "broken_share": broken_share, "memory_cap_mb": cap_mb,
        "expected": {"good": sum(1 for m in manifest if not m["broken"]),
                     "broken": sum(1 for m in manifest if m["broken"]),
                     "metrics": sum(m["metrics"] for m in manifest)},
        "generation_seconds": generation_seconds, "first": first, "rerun": rerun, "jieba": jieba_run,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_before": load_before, "load_average_after": os.getloadavg()},
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "OVER"


def report_lines(result: dict) -> list[str]:
    generated = (f"{result['generation_seconds']:.1f} s" if result["generation_seconds"] is not None
                 else "cached")
    head = (f"== {result['count']} reports (seed {result['seed']}, {result['expected']['broken']} broken; "
            f"generation {generated}; load average {result['machine']['load_average_before'][0]:.1f})")
    return [head] + ingest_lines(result) + rerun_lines(result["rerun"]) + jieba_lines(result)


def ingest_lines(result: dict) -> list[str]:
    first, expected = result["first"], result["expected"]
    memory = (f"memory:   peak {first['peak_pss_mb']:.0f} MB PSS / {first['peak_rss_mb']:.0f} MB RSS "
              f"(whole tree)   target ≤ {TARGETS['peak_mb']:.0f} MB: {verdict(first['peak_pss_mb'], TARGETS['peak_mb'])}")
    if first["over_cap"]:
        return [f"ingest:   STOPPED after {first['process_seconds']:.1f} s above the "
                f"{result['memory_cap_mb']:.0f} MB memory cap", memory]
    return [
        f"ingest:   {first['run_seconds']:.1f} s in run_ingest ({first['process_seconds']:.1f} s with "
        f"process start), {result['count'] / first['run_seconds']:.1f} reports/s", memory,
        f"loaded:   {first['documents']} documents (expected {expected['good']}), {first['metrics']} "
        f"metrics (expected {expected['metrics']}), {first['failed']} failures (expected "
        f"{expected['broken']}); success={first['success']}",
        "steps:    " + ", ".join(f"{step} {sec:.1f} s" for step, sec in first["steps"].items()),
    ]


def rerun_lines(rerun: dict | None) -> list[str]:
    if rerun is None:
        return []
    return [f"rerun:    {rerun['run_seconds']:.1f} s ({rerun['process_seconds']:.1f} s with process start; "
            f"{rerun['loaded']})   target ≤ {TARGETS['rerun_seconds']:.0f} s: "
            f"{verdict(rerun['run_seconds'], TARGETS['rerun_seconds'])}"]


def jieba_lines(result: dict) -> list[str]:
    jieba_run = result["jieba"]
    if jieba_run is None:
        return []
    ratio = result["first"]["run_seconds"] / jieba_run["seconds"]
    return [
        f"jieba:    {jieba_run['seconds']:.1f} s for {jieba_run['texts']} texts on {jieba_run['workers']} "
        f"processes (+{jieba_run['dictionary_load_seconds']:.1f} s dictionary load)",
        f"ratio:    pipeline / jieba = {ratio:.1f}   target ≤ {TARGETS['pipeline_vs_jieba']:.0f}: "
        f"{verdict(ratio, TARGETS['pipeline_vs_jieba'])}",
    ]


def save(result: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"ingest-{result['count']}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_ingest", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, action="append", help="reports to ingest (repeatable)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--broken-share", type=float, default=0.01)
    parser.add_argument("--memory-cap-mb", type=float, default=MEMORY_CAP_MB,
                        help="stop the ingest when its process tree uses more (PSS)")
    parser.add_argument("--child-ingest", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_ingest:
        print(json.dumps(child_ingest(args.child_ingest)))
        return 0
    for count in args.count or [1000]:
        result = run_benchmark(count, args.seed, args.broken_share, args.memory_cap_mb)
        print("\n".join(report_lines(result)), flush=True)
        print(f"results:  {save(result).relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
