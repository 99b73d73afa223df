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
    """Run in the child: one run_ingest over the folder, then the warehouse's counts, and
    where the CPU time went (cpu_timeline, cpu_outside_stages)."""
    timeline = CpuTimeline()
    timeline.mark("run_ingest: settings, listing the files (imports Dagster)")
    import duckdb

    from govreport.settings import Settings
    from orchestration.runner import run_ingest

    started = time.perf_counter()
    with timeline.watching():
        summary = run_ingest([folder], progress=TimelineProgress())
    seconds = time.perf_counter() - started
    timeline.mark("benchmark: reading the counts and the event log")
    with duckdb.connect(str(Settings.from_env().warehouse), read_only=True) as con:
        def scalar(sql: str) -> int:
            return con.execute(sql).fetchone()[0]
        result = {
            "success": summary.success, "error": summary.error, "run_seconds": seconds,
            "steps": step_seconds(summary.run_id), **chunk_steps(summary.run_id),
            "loaded": summary.loaded, "documents": scalar("SELECT count(*) FROM documents"),
            "metrics": scalar("SELECT count(*) FROM metrics"),
            "failed": scalar("SELECT count(*) FROM ingest_log WHERE status = 'failed'"),
            "load_phases": load_phases(summary.run_id),
        }
    timeline.mark("(end of the child's work)")
    return {**result, "cpu_timeline": timeline.intervals(), "warm_up_cpu_seconds": timeline.warm_up_cpu()}


# ---- where the CPU time of the ingest goes ---------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MARKED_EVENTS = ("RUN_START", "STEP_START", "STEP_SUCCESS", "STEP_FAILURE", "RUN_SUCCESS", "RUN_FAILURE")


class CpuTimeline:
    """Marks, in the ingest's process, of the wall time and of the CPU seconds of the process
    (all its threads), of its forked workers (alive, or reaped: then counted in the process's
    children's time) and of its other children (Dagster's log capture helpers); each interval
    between two marks is named by the first. Reading the process tree costs a few ms a mark."""

    current: CpuTimeline | None = None

    def __init__(self):
        self.pid = os.getpid()
        self.cmdline = Path(f"/proc/{self.pid}/cmdline").read_bytes()
        self.marks: list[dict] = [{"label": "python start, the benchmark's imports", "at_s": -self._age(),
                                   "self": 0.0, "reaped": 0.0, "workers": 0.0, "helpers": 0.0, "warm_up": 0.0}]
        self.started = time.perf_counter()
        CpuTimeline.current = self

    def _age(self) -> float:
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        start_ticks = int(stat[stat.rindex(")") + 2:].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / CLOCK_TICKS

    def mark(self, label: str) -> None:
        times = os.times()
        workers = helpers = 0.0
        for pid in process_tree(self.pid)[1:]:
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
                same = Path(f"/proc/{pid}/cmdline").read_bytes() == self.cmdline
            except OSError:
                continue
            cpu = sum(int(v) for v in stat[stat.rindex(")") + 2:].split()[11:15]) / CLOCK_TICKS
            if same:
                workers += cpu
            else:
                helpers += cpu
        self.marks.append({"label": label, "at_s": time.perf_counter() - self.started,
                           "self": times.user + times.system,
                           "reaped": times.children_user + times.children_system,
                           "workers": workers, "helpers": helpers, "warm_up": self.warm_up_cpu()})

    @staticmethod
    def warm_up_cpu() -> float:
        """CPU seconds of the warm-up (orchestration.chunks) so far: its thread's, read from
        /proc while it runs."""
        chunks = sys.modules.get("orchestration.chunks")
        if chunks is None:
            return 0.0
        thread = chunks._warming
        if thread is not None and thread.is_alive() and thread.native_id:
            try:
                stat = Path(f"/proc/{os.getpid()}/task/{thread.native_id}/stat").read_text()
                return sum(int(v) for v in stat[stat.rindex(")") + 2:].split()[11:13]) / CLOCK_TICKS
            except OSError:
                pass
        return chunks.warm_up_cpu_seconds

    @contextlib.contextmanager
    def watching(self):
        """Mark the run's steps as the Dagster instance stores their events."""
        import dagster as dg

        original = dg.DagsterInstance.handle_new_event

        def handle_new_event(instance, event, *args, **kwargs):
            dagster_event = event.dagster_event
            kind = dagster_event.event_type.name if dagster_event is not None else None  # RUN_START, not PIPELINE_START
            if kind in MARKED_EVENTS:
                self.mark(f"{kind} {dagster_event.step_key or ''}".strip())
            return original(instance, event, *args, **kwargs)

        dg.DagsterInstance.handle_new_event = handle_new_event
        try:
            yield
        finally:
            dg.DagsterInstance.handle_new_event = original

    def intervals(self) -> list[dict]:
        """Per interval: its seconds, the CPU seconds of the ingest process (and of the warm-up
        thread inside it), of the forked workers (reaped ones counted when reaped) and of the
        other children."""
        rows = []
        for before, after in zip(self.marks, self.marks[1:]):
            children = lambda m: m["reaped"] + m["workers"] + m["helpers"]  # noqa: E731
            rows.append({"label": before["label"], "at_s": round(before["at_s"], 3),
                         "seconds": round(after["at_s"] - before["at_s"], 3),
                         "process_cpu": round(after["self"] - before["self"], 3),
                         "warm_up_cpu": round(after["warm_up"] - before["warm_up"], 3),
                         "children_cpu": round(children(after) - children(before), 3),
                         "helpers_cpu": round(after["helpers"] - before["helpers"], 3)})
        return rows


class TimelineProgress:
    """A Progress resource for the child: marks each phase of the ingest on the timeline."""

    def __new__(cls):
        from orchestration.resources import Progress

        class _Marking(Progress):
            def phase(self, name, total=None):
                if CpuTimeline.current is not None:
                    CpuTimeline.current.mark(f"phase: {name}" if name else "phase ended")

        return _Marking()


def load_phases(run_id: str | None) -> dict:
    """The warehouse step's phases (step_…) and the load's (load_…), CPU and wall seconds,
    from its materialization's metadata."""
    import dagster as dg

    if run_id is None:
        return {}
    with dg.DagsterInstance.get() as instance:
        for record in instance.all_logs(run_id):
            event = record.dagster_event
            if event is not None and event.event_type_value == "ASSET_MATERIALIZATION":
                materialization = event.event_specific_data.materialization
                if materialization.asset_key.path == ["warehouse_tables"]:
                    return {k: v.value for k, v in materialization.metadata.items()
                            if k.startswith(("step_", "load_"))}
    return {}


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
    parts_cpu = 0.0
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
                cpu = event.step_output_data.metadata.get("cpu_seconds_parts")
                parts_cpu += cpu.value if cpu is not None else 0.0
                wall = record.timestamp - taken[event.step_key]
                walls.append(wall)
                overheads.append(wall - sum(worked.values()) / processes)
    return {"stage_process_seconds": stages, "chunk_steps": len(walls),
            "chunk_step_wall_mean": sum(walls) / len(walls) if walls else None,
            "chunk_step_overhead_mean": sum(overheads) / len(overheads) if overheads else None,
            "chunk_parts_cpu_seconds": parts_cpu}


def outside_stages(first: dict) -> dict:
    """The CPU seconds of the ingest's whole tree outside the chunk parts' work, by what the
    ingest was doing (the timeline's intervals grouped: before the run, each step, between
    steps, after the run). Per group: seconds, the ingest process's CPU (the warm-up thread's
    part of it apart) and its children's (workers and log-capture helpers); for the chunk
    steps, the children's CPU outside the parts (the workers' own overhead)."""
    groups: dict[str, dict] = {}
    step, in_step = None, False
    for row in first.get("cpu_timeline") or []:
        label = row["label"]
        if label.startswith("STEP_START "):
            step, in_step = label[len("STEP_START "):], True
        elif label.startswith(("STEP_SUCCESS", "STEP_FAILURE")):
            step, in_step = "(Dagster, between steps)", False
        elif label.startswith(("RUN_SUCCESS", "RUN_FAILURE")):
            step = "(after the run: closing, summary from the event log, alerts)"
        elif label == "RUN_START":
            step = "(Dagster, run start to the first step)"
        elif not in_step and not (label == "phase ended" and step is not None):
            step = label
        group = groups.setdefault("extract_chunk (all)" if "extract_chunk[" in step else step,
                                  {"seconds": 0.0, "process_cpu": 0.0, "warm_up_cpu": 0.0, "children_cpu": 0.0,
                                   "helpers_cpu": 0.0})
        for key in group:
            group[key] += row[key]
    chunk = groups.get("extract_chunk (all)")
    if chunk is not None:
        chunk["children_cpu_outside_parts"] = chunk["children_cpu"] - first.get("chunk_parts_cpu_seconds", 0.0)
    total = first.get("cpu_seconds", 0.0)
    parts = first.get("chunk_parts_cpu_seconds", 0.0)
    marked = sum(g["process_cpu"] + g.get("children_cpu_outside_parts", g["children_cpu"]) for g in groups.values())
    if groups and total:
        groups["(the process's exit, after the last mark)"] = {
            "seconds": 0.0, "process_cpu": total - parts - marked, "warm_up_cpu": 0.0, "children_cpu": 0.0,
            "helpers_cpu": 0.0}
    return {"total_cpu_seconds": total, "chunk_parts_cpu_seconds": parts,
            "outside_chunk_parts_cpu_seconds": total - parts,
            "warm_up_cpu_seconds": first.get("warm_up_cpu_seconds"),
            "groups": {name: {k: round(v, 2) for k, v in g.items()} for name, g in groups.items()},
            "load_phases": first.get("load_phases") or {}}


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
    result = {**json.loads(output.decode().strip().splitlines()[-1]), **measured}
    result["cpu_outside_stages"] = outside_stages(result)
    return result


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
        # the workers are not the child's tree: neither their memory nor their CPU is the child's
        for key in ("peak_rss_mb", "peak_pss_mb", "processes_at_peak", "cpu_outside_stages"):
            result.pop(key, None)
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
        lines += (ingest_lines(result) + stage_lines(result) + outside_lines(result) + rerun_lines(result["rerun"])
                  + jieba_lines(result))
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


def outside_lines(result: dict) -> list[str]:
    """The CPU seconds outside the chunk parts' work, by what the ingest was doing."""
    outside = (result["first"] or {}).get("cpu_outside_stages")
    if not outside or not outside["groups"]:
        return []
    lines = [f"outside:  {outside['outside_chunk_parts_cpu_seconds']:.1f} of {outside['total_cpu_seconds']:.1f} CPU s "
             f"are outside the chunk parts' work ({outside['chunk_parts_cpu_seconds']:.1f}); the warm-up thread "
             f"(GX, jieba, gazetteer) {outside['warm_up_cpu_seconds'] or 0:.1f} of them. CPU s by phase "
             "(ingest process [warm-up thread's part] + children):"]
    for name, group in outside["groups"].items():
        children = group.get("children_cpu_outside_parts", group["children_cpu"])
        lines.append(f"          {group['process_cpu']:6.2f} [{group['warm_up_cpu']:5.2f}] + {children:5.2f}  "
                     f"{group['seconds']:6.1f} s  {name}")
    phases = outside.get("load_phases") or {}
    for prefix, what in (("step_cpu_", "warehouse step"), ("load_cpu_", "load_batch")):
        parts = {k[len(prefix):]: v for k, v in phases.items() if k.startswith(prefix)}
        if parts:
            lines.append(f"          {what} CPU s: " + ", ".join(f"{k} {v:.2f}" for k, v in parts.items()))
    return lines


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


def save(result: dict, label: str | None = None) -> Path:
    """benchmarks/results/ingest-<count>[-<profiles>][-<label>].json: a label keeps a run from
    overwriting the reference results the README quotes."""
    RESULTS.mkdir(exist_ok=True)
    profiles = ("local" if result["first"] else "") + "".join(f"-cluster{r['workers']}" for r in result["cluster"])
    name = f"ingest-{result['count']}{'' if profiles == 'local' else '-' + profiles.strip('-')}"
    path = RESULTS / f"{name}{'-' + label if label else ''}.json"
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
    parser.add_argument("--label", help="append to the results file's name (ingest-1000-LABEL.json)")
    parser.add_argument("--child-ingest", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_ingest:
        print(json.dumps(child_ingest(args.child_ingest)))
        return 0
    for count in args.count or [1000]:
        result = run_benchmark(count, args.seed, args.broken_share, args.memory_cap_mb,
                               tuple(args.cluster_workers), not args.no_local)
        print("\n".join(report_lines(result)), flush=True)
        print(f"results:  {save(result, args.label).relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
