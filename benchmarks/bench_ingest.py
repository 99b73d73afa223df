"""End-to-end ingest benchmark: generated reports through the Dagster job into a fresh warehouse.

    python -m benchmarks.bench_ingest --count 1000 [--count 10000] [--seed 1] [--broken-share 0.01]
                                      [--cluster-workers 1 --cluster-workers 2] [--no-local]

For each count: generate the corpus (cached under benchmarks/.cache/), ingest it with
orchestration.runner.run_ingest in a child process against a temporary DAGSTER_HOME and
warehouse while sampling the memory of the child's whole process tree (PSS every 0.2 s, and at
the peak each process's PSS, private and shared dirty pages; the same for the peak while the
workers parse and for the peak otherwise, the load's), ingest it again (nothing
new), then time jieba alone (precise mode) cutting the same cleaned texts on all cores, in the
same run, so that the ratio holds however loaded the shared machine is (the machine's CPU
seconds spent by other processes meanwhile are printed too). Per stage: read, extract, search
terms (its share of extract, timed on a sample), validate and stage are process-seconds summed
over the chunk steps' processes; load is the load step. With --cluster-workers N the same files
are ingested in the `cluster` profile too (own PostgreSQL, Redis, daemon and N Celery workers
of one process each), giving seconds, reports/s and the chunk steps' overhead. Prints the
figures next to their targets and writes them to benchmarks/results/ingest-<count>.json.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import multiprocessing
import os
import platform
import resource
import shutil
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
TARGETS = {"pipeline_vs_jieba": 2.0, "rerun_seconds": 10.0, "peak_mb": 1024.0}
SEARCH_TERMS_SAMPLE = 60  # files timed on one core for the search terms' share of extraction
GENERATOR_SOURCES = [HERE / f"{name}.py" for name in ("generate", "layout", "templating", "regions", "formats")] \
    + [ROOT / "scripts" / "render_samples.py"]
MEMORY_CAP_MB = 8192  # the ingest is stopped above this, before it starves the machine
WORKER_MB = 50  # a process of the tree this large is a worker parsing (the rest are helpers of a few MB)


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


def memory_of(pids: list[int]) -> tuple[float, float, list[dict]]:
    """(RSS, PSS) in MB summed over pids, and each process's share. RSS counts pages shared by
    forked workers once per process; PSS shares them out, so it is the tree's real footprint.
    Per process: its PSS, its private dirty pages (what it allocated, or copied when it wrote
    to a page it shared) and its shared dirty pages (a forked worker's inheritance, still
    shared), from /proc/<pid>/smaps_rollup."""
    rss, processes = 0, []
    for pid in pids:
        try:
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
            fields = {name: int(value.split()[0]) / 1024 for name, _, value in
                      (line.partition(":") for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])}
            command = Path(f"/proc/{pid}/comm").read_text().strip()
        except (OSError, IndexError, ValueError):
            continue
        processes.append({"pid": pid, "command": command, "pss_mb": fields["Pss"],
                          "private_dirty_mb": fields["Private_Dirty"], "shared_dirty_mb": fields["Shared_Dirty"]})
    return rss / 2**20, sum(p["pss_mb"] for p in processes), processes


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
    peak_at_s: float = 0.0  # seconds after the start when the PSS peaked: which step holds the memory
    at_peak: list[dict] = field(default_factory=list)  # each process's memory then, the root first
    # the same while worker processes parse (more than one process of the tree above
    # WORKER_MB) and otherwise (before the pool, and the load after it stopped)
    stages: dict = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> MemoryPeak:
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            tree = process_tree(self.root)
            rss, pss, processes = memory_of(tree)
            now = time.monotonic() - self._started
            if pss > self.pss_mb:
                self.peak_at_s = now
                self.at_peak = processes
            stage = "parsing" if sum(p["pss_mb"] >= WORKER_MB for p in processes) > 1 else "other"
            if pss > self.stages.get(stage, {}).get("peak_pss_mb", 0.0):
                self.stages[stage] = {"peak_pss_mb": pss, "peak_at_s": now, "processes_at_peak": processes}
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
            "steps": step_seconds(summary.run_id), **chunk_steps(summary.run_id),
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


def chunk_steps(run_id: str | None) -> dict:
    """Per stage, the process-seconds of the chunk steps (their output metadata), and each chunk
    step's overhead: its wall time (from the moment a worker took it, for Celery) less the
    seconds its processes worked, divided among them."""
    import dagster as dg

    if run_id is None:
        return {}
    stages: dict[str, float] = {}
    taken: dict[str, float] = {}
    walls, overheads = [], []
    with dg.DagsterInstance.get() as instance:
        records = instance.all_logs(run_id)
        processes = 1 if os.environ.get("GOVREPORT_PROFILE") == "cluster" else (os.cpu_count() or 1)
        for record in records:
            event = record.dagster_event
            if event is None or not event.step_key or "extract_chunk[" not in event.step_key:
                continue
            kind = event.event_type_value
            message = event.message or record.user_message or ""
            if kind == "STEP_START" or (kind == "ENGINE_EVENT" and "in celery worker" in message):
                taken.setdefault(event.step_key, record.timestamp)  # when a process took the step
            elif kind == "STEP_OUTPUT":
                worked = {k[len("seconds_"):]: v.value for k, v in event.step_output_data.metadata.items()
                          if k.startswith("seconds_")}
                for stage, value in worked.items():
                    stages[stage] = stages.get(stage, 0.0) + value
                wall = record.timestamp - taken[event.step_key]
                walls.append(wall)
                overheads.append(wall - sum(worked.values()) / processes)
    return {"stage_process_seconds": stages, "chunk_steps": len(walls),
            "chunk_step_wall_mean": sum(walls) / len(walls) if walls else None,
            "chunk_step_overhead_mean": sum(overheads) / len(overheads) if overheads else None}


def search_terms_share(folder: Path, sample: int = SEARCH_TERMS_SAMPLE) -> dict:
    """On one core, the share of building a document that its search terms take (the pipeline
    times reading and extracting; the search terms are part of extracting)."""
    from transforms.batch import parse_file, warm_up_parsing
    from transforms.model import Document
    from transforms.search_terms import search_terms
    from transforms.simplify import to_simplified

    warm_up_parsing()
    files = sorted(p for p in folder.iterdir() if p.is_file())[:: max(1, len(list(folder.iterdir())) // sample)][:sample]
    extract = terms = 0.0
    for path in files:
        seconds: dict[str, float] = {}
        document = parse_file(str(path), seconds)
        extract += seconds.get("extract", 0.0)
        if isinstance(document, Document):
            matchable = to_simplified(document.text)
            started = time.process_time()
            for sentence in document.sentences:
                search_terms(matchable[sentence.start:sentence.end])
            terms += time.process_time() - started
    return {"files": len(files), "extract_seconds": extract, "search_terms_seconds": terms,
            "share": terms / extract if extract else 0.0}


def machine_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (/proc/stat)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, idle, iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def ingest_in_child(folder: Path, env: dict[str, str], log: Path, cap_mb: float) -> dict:
    """Ingest in a fresh Python process, measuring its wall time and its tree's peak memory;
    {"over_cap": True, …} when it was stopped for using more than cap_mb."""
    command = [sys.executable, "-m", "benchmarks.bench_ingest", "--child-ingest", str(folder)]
    started, machine_before = time.perf_counter(), machine_cpu_seconds()
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log, "ab") as stderr:
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr)
        with MemoryPeak(child.pid, cap_mb) as peak:
            output, _ = child.communicate()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (children.ru_utime - children_before.ru_utime) + (children.ru_stime - children_before.ru_stime)
    machine = machine_cpu_seconds() - machine_before
    measured = {"process_seconds": time.perf_counter() - started, "peak_rss_mb": peak.rss_mb,
                "peak_pss_mb": peak.pss_mb, "peak_at_s": peak.peak_at_s, "memory_samples": peak.samples,
                "processes_at_peak": peak.at_peak, "memory_stages": peak.stages,
                "over_cap": peak.over_cap,
                "cpu_seconds": cpu, "others_cpu_seconds": max(0.0, machine - cpu)}
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
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    pool = context.Pool(workers, initializer=_ready_worker, initargs=(barrier,))
    barrier.wait()
    ready = time.perf_counter()
    tokens = sum(pool.map(_cut, texts, chunksize=max(1, len(texts) // (workers * 8))))
    seconds = time.perf_counter() - ready
    pool.close()
    pool.join()  # reaped: their CPU time is counted below (the dictionary load in it, ~0.5 s each)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (children.ru_utime - children_before.ru_utime) + (children.ru_stime - children_before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "dictionary_load_seconds": float(load.stdout.strip()),
            "workers": workers, "tokens": tokens, "texts": len(texts),
            "wall_with_startup_seconds": time.perf_counter() - started}


# ---- the benchmark ---------------------------------------------------------------------------

def cluster_ingest(folder: Path, workers: int, cap_mb: float) -> dict:
    """The same ingest in the `cluster` profile: own PostgreSQL, Redis, daemon and `workers`
    Celery workers (the first also on the warehouse queue), all on this machine."""
    from benchmarks.services import celery_worker, daemon, postgres, redis

    services = Path(tempfile.mkdtemp(prefix="govreport-bench-cluster-"))
    os.chmod(services, 0o755)
    try:
        with postgres(services / "pg") as postgres_url, redis(services) as broker:
            env = {**bench_environment(services / "work"), "GOVREPORT_PROFILE": "cluster",
                   "GOVREPORT_POSTGRES_URL": postgres_url, "GOVREPORT_CELERY_BROKER": broker}
            subprocess.run([sys.executable, "-m", "orchestration.instance"], env=env, cwd=ROOT, check=True,
                           capture_output=True)
            with contextlib.ExitStack() as stack:
                stack.enter_context(daemon(env, services / "daemon.log"))
                for index in range(workers):
                    queues = "dagster,warehouse" if index == 0 else "dagster"
                    stack.enter_context(celery_worker(env, f"worker{index + 1}", queues, services))
                result = ingest_in_child(folder, env, services / "ingest.log", cap_mb)
        for key in ("peak_rss_mb", "peak_pss_mb", "processes_at_peak"):  # the workers are not the child's tree
            result.pop(key)
        return {"workers": workers, **result}
    finally:
        shutil.rmtree(services, ignore_errors=True)


def run_benchmark(count: int, seed: int, broken_share: float, cap_mb: float = MEMORY_CAP_MB,
                  cluster_workers: tuple[int, ...] = (), local: bool = True) -> dict:
    """First ingest, rerun and jieba; the rerun and jieba are skipped when the first ingest
    was stopped at the memory cap; then the cluster runs asked for."""
    load_before = os.getloadavg()
    corpus, generation_seconds = ensure_corpus(count, seed, broken_share)
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    first = rerun = jieba_run = None
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as temp:
        work = Path(temp)
        env = bench_environment(work)
        if local:
            first = ingest_in_child(corpus / "reports", env, work / "ingest.log", cap_mb)
            completed = not first["over_cap"]
            rerun = ingest_in_child(corpus / "reports", env, work / "ingest.log", cap_mb) if completed else None
            jieba_run = time_jieba(cleaned_texts(Path(env["GOVREPORT_WAREHOUSE"])), os.cpu_count() or 1) \
                if completed else None
    cluster = [cluster_ingest(corpus / "reports", workers, cap_mb) for workers in cluster_workers]
    terms = search_terms_share(corpus / "reports") if local else None
    return {
        "count": count, "seed": seed, "broken_share": broken_share, "memory_cap_mb": cap_mb,
        "expected": {"good": sum(1 for m in manifest if not m["broken"]),
                     "broken": sum(1 for m in manifest if m["broken"]),
                     "metrics": sum(m["metrics"] for m in manifest)},
        "generation_seconds": generation_seconds, "first": first, "rerun": rerun, "jieba": jieba_run,
        "search_terms": terms, "cluster": cluster,
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
    lines = [head]
    if result["first"] is not None:
        lines += ingest_lines(result) + stage_lines(result) + rerun_lines(result["rerun"]) + jieba_lines(result)
    return lines + cluster_lines(result)


def stage_lines(result: dict) -> list[str]:
    first = result["first"]
    stages = dict(first.get("stage_process_seconds") or {})
    if not stages:
        return []
    share = (result.get("search_terms") or {}).get("share", 0.0)
    stages["search terms"] = stages.get("extract", 0.0) * share
    stages["extract"] = stages.get("extract", 0.0) - stages["search terms"]
    load = first["steps"].get("warehouse_tables", 0.0)
    order = ("read", "extract", "search terms", "validate", "stage")
    return [
        "stages:   " + ", ".join(f"{s} {stages.get(s, 0.0):.1f}" for s in order)
        + f" process-seconds over {os.cpu_count()} processes; load {load:.1f} s (one step)",
        f"chunks:   {first['chunk_steps']} chunk steps, {first['chunk_step_wall_mean']:.1f} s each, overhead "
        f"{first['chunk_step_overhead_mean']:.2f} s per step (wall less work / processes)",
        f"machine:  this ingest used {first['cpu_seconds']:.0f} CPU s; other processes used "
        f"{first['others_cpu_seconds']:.0f} CPU s meanwhile ({first['others_cpu_seconds'] / first['process_seconds']:.2f} "
        f"cores on average); load average {result['machine']['load_average_before'][0]:.1f} before, "
        f"{result['machine']['load_average_after'][0]:.1f} after",
    ]


def cluster_lines(result: dict) -> list[str]:
    lines = []
    for run in result.get("cluster") or []:
        lines.append(
            f"cluster:  {run['workers']} worker(s): {run['run_seconds']:.1f} s, {result['count'] / run['run_seconds']:.1f} "
            f"reports/s, {run['documents']} documents; {run['chunk_steps']} chunk steps of "
            f"{run['chunk_step_wall_mean']:.1f} s, overhead {run['chunk_step_overhead_mean']:.2f} s per step; "
            f"others used {run['others_cpu_seconds'] / run['process_seconds']:.2f} cores")
    return lines


def ingest_lines(result: dict) -> list[str]:
    first, expected = result["first"], result["expected"]
    memory = (f"memory:   peak {first['peak_pss_mb']:.0f} MB PSS / {first['peak_rss_mb']:.0f} MB RSS "
              f"(whole tree, {first.get('peak_at_s', 0):.0f} s after the start)   target ≤ {TARGETS['peak_mb']:.0f} MB: {verdict(first['peak_pss_mb'], TARGETS['peak_mb'])}")
    per_process = ("          at the peak, MB PSS (private dirty / shared dirty), the ingest process first: "
                   + ", ".join(f"{p['command']} {p['pss_mb']:.0f} ({p['private_dirty_mb']:.0f}/{p['shared_dirty_mb']:.0f})"
                               for p in first.get("processes_at_peak", []) if p["pss_mb"] >= 1))
    stages = first.get("memory_stages") or {}
    names = {"parsing": "while workers parse", "other": "otherwise (the load, after the pool stopped)"}
    for stage in ("parsing", "other"):
        if stage in stages:
            at = stages[stage]
            per_process += (f"\n          {names[stage]}: peak {at['peak_pss_mb']:.0f} MB PSS, {at['peak_at_s']:.0f} s "
                            "after the start: " + ", ".join(f"{p['pss_mb']:.0f} ({p['private_dirty_mb']:.0f}/"
                                                            f"{p['shared_dirty_mb']:.0f})"
                                                            for p in at["processes_at_peak"] if p["pss_mb"] >= 1))
    if first["over_cap"]:
        return [f"ingest:   STOPPED after {first['process_seconds']:.1f} s above the "
                f"{result['memory_cap_mb']:.0f} MB memory cap", memory, per_process]
    return [
        f"ingest:   {first['run_seconds']:.1f} s in run_ingest ({first['process_seconds']:.1f} s with "
        f"process start), {result['count'] / first['run_seconds']:.1f} reports/s", memory, per_process,
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
    cpu_ratio = result["first"]["cpu_seconds"] / jieba_run["cpu_seconds"] if jieba_run.get("cpu_seconds") else None
    return [
        f"jieba:    {jieba_run['seconds']:.1f} s for {jieba_run['texts']} texts on {jieba_run['workers']} "
        f"processes (+{jieba_run['dictionary_load_seconds']:.1f} s dictionary load), {jieba_run.get('cpu_seconds', 0):.1f} CPU s",
        f"ratio:    pipeline / jieba = {ratio:.1f} in wall time   target ≤ {TARGETS['pipeline_vs_jieba']:.0f}: "
        f"{verdict(ratio, TARGETS['pipeline_vs_jieba'])}"
        + (f"; {cpu_ratio:.1f} in CPU seconds (the ingest's whole tree against jieba's workers)" if cpu_ratio else ""),
    ]


def save(result: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    profiles = ("local" if result["first"] else "") + "".join(f"-cluster{r['workers']}" for r in result["cluster"])
    path = RESULTS / f"ingest-{result['count']}{'' if profiles == 'local' else '-' + profiles.strip('-')}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_ingest", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, action="append", help="reports to ingest (repeatable)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--broken-share", type=float, default=0.01)
    parser.add_argument("--memory-cap-mb", type=float, default=MEMORY_CAP_MB,
                        help="stop the ingest when its process tree uses more (PSS)")
    parser.add_argument("--cluster-workers", type=int, action="append", default=[],
                        help="also ingest in the cluster profile with this many Celery workers (repeatable)")
    parser.add_argument("--no-local", action="store_true", help="only the cluster runs")
    parser.add_argument("--child-ingest", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_ingest:
        print(json.dumps(child_ingest(args.child_ingest)))
        return 0
    for count in args.count or [1000]:
        result = run_benchmark(count, args.seed, args.broken_share, args.memory_cap_mb,
                               tuple(args.cluster_workers), not args.no_local)
        print("\n".join(report_lines(result)), flush=True)
        print(f"results:  {save(result).relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
