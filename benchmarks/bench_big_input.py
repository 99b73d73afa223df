"""Big single inputs: CPU seconds and peak memory of each pipeline stage against input size.

    python -m benchmarks.bench_big_input [--sizes 1,2,4,8] [--shapes lines,oneline,wrapped]
                                         [--stages read,clean,...] [--timeout 900] [--label NAME]

Each input is generated reports (benchmarks/layout.py) run together into one text file of
about SIZE MB (UTF-8), in one of three shapes:

  lines    one paragraph per line, as a txt report is written
  oneline  the same with every line break removed: one line of SIZE MB
  wrapped  the same wrapped at 38 characters, as a PDF's text layer comes (clean_text
           must rejoin every paragraph)

Each input is read by a fresh child process that runs build_document's stages one by one
(read_file, read_bytes, clean, simplify, sections, sentences, meta, mentions, terms) and
reports each stage's CPU seconds and the process's peak RSS after it; jieba cutting the
cleaned text once is timed beside them for scale. The reader's text limit
(MAX_TEXT_CHARS) is lifted in the child, so that stages are measured past it. A stage past --timeout stops that child
(the later stages are not run). The growth column is how much a stage's time grows per
doubling of the input: 2.0 is linear, 4.0 quadratic. Results go to
benchmarks/results/big-input[-LABEL].json with the machine's load average before and after.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
STAGES = ("read_file", "read_bytes", "clean", "simplify", "sections", "sentences", "meta",
          "quantities", "cut", "mentions", "terms", "jieba")
UNIQUE_REPORTS = 300  # reports generated once and cycled to fill an input
WRAP_WIDTH = 38


# ---- inputs ----------------------------------------------------------------------------------

def report_texts(seed: int = 7) -> list[str]:
    from benchmarks.layout import build_report

    return [build_report(random.Random(f"{seed}/{i}")).text for i in range(UNIQUE_REPORTS)]


def make_input(texts: list[str], megabytes: float, shape: str) -> str:
    """About `megabytes` MB (UTF-8) of reports in the given shape."""
    target = int(megabytes * 2**20)
    parts, size, index = [], 0, 0
    while size < target:
        text = texts[index % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
        index += 1
    text = "\n".join(parts)
    if shape == "oneline":
        return text.replace("\n", "")
    if shape == "wrapped":
        return "\n".join(piece for line in text.split("\n")
                         for piece in textwrap.wrap(line, WRAP_WIDTH) or [""])
    return text


# ---- the child: one input, stage by stage ----------------------------------------------------

def run_stages(path: str, stages: set[str]) -> None:
    """Print one JSON line per stage: {stage, cpu_s, peak_rss_mb}, then the text's sizes."""
    import jieba

    import transforms.readers
    from transforms.clean import clean_text
    from transforms.extract import cut_document, extract_mentions
    from transforms.metadata import extract_meta
    from transforms.pipeline import read_file
    from transforms.readers import read_bytes
    from transforms.rules.quantities import find_quantities
    from transforms.search_terms import sentence_terms
    from transforms.simplify import to_simplified
    from transforms.structure import parse_sections, split_sentences
    from transforms.tokens import TokenStream, tokenizer

    transforms.readers.MAX_TEXT_CHARS = sys.maxsize  # measure the stages past the limit too
    jieba.setLogLevel(60)
    tokenizer().lcut("民政")  # dictionaries loaded before the clock starts
    TokenStream("民政局")
    jieba.lcut("民政")
    state: dict = {}
    steps = {
        "read_file": lambda: state.update(data=read_file(path)),
        "read_bytes": lambda: state.update(raw=read_bytes(state["data"], Path(path).name)),
        "clean": lambda: state.update(text=clean_text(state["raw"].text)),
        "simplify": lambda: state.update(matchable=to_simplified(state["text"])),
        "sections": lambda: state.update(sections=parse_sections(state["matchable"])),
        "sentences": lambda: state.update(sentences=split_sentences(state["matchable"], state["sections"])),
        "meta": lambda: state.update(meta=extract_meta(state["matchable"], {})),
        "quantities": lambda: state.update(quantities=find_quantities(state["matchable"])),
        "cut": lambda: state.update(stream=cut_document(state["matchable"], state["quantities"])),
        "mentions": lambda: state.update(mentions=extract_mentions(
            state["matchable"], state["sections"], state["sentences"], state["meta"],
            state["quantities"], state["stream"])),
        "terms": lambda: state.update(terms=[sentence_terms(state["stream"], s.start, s.end)
                                             for s in state["sentences"]]),
        "jieba": lambda: jieba.lcut(state["text"]),
    }
    for stage in STAGES:
        if stage not in stages:
            continue
        started = time.process_time()
        steps[stage]()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"stage": stage, "cpu_s": round(time.process_time() - started, 3),
                          "peak_rss_mb": round(peak)}), flush=True)
    text = state.get("text", "")
    print(json.dumps({"chars": len(text), "lines": text.count("\n") + 1 if text else 0,
                      "sections": len(state.get("sections", [])),
                      "sentences": len(state.get("sentences", [])),
                      "mentions": len(state.get("mentions", []))}), flush=True)


def measure(path: Path, stages: set[str], timeout: float) -> dict:
    """Run the stages on one input in a child process; what it reported before any timeout."""
    command = [sys.executable, "-m", "benchmarks.bench_big_input", "--child", str(path),
               "--stages", ",".join(stages)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        output, timed_out = done.stdout, False
        if done.returncode:
            raise RuntimeError(f"child failed on {path}:\n{done.stderr}")
    except subprocess.TimeoutExpired as expired:
        output, timed_out = (expired.stdout or b"").decode() if isinstance(expired.stdout, bytes) \
            else (expired.stdout or ""), True
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    result = {"stages": {line["stage"]: line for line in lines if "stage" in line},
              "wall_s": round(time.perf_counter() - started, 1), "timed_out": timed_out}
    result.update(next((line for line in lines if "chars" in line), {}))
    return result


# ---- the parent ------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="input sizes in MB, comma-separated")
    parser.add_argument("--shapes", default="lines,oneline,wrapped")
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--timeout", type=float, default=900, help="seconds per input")
    parser.add_argument("--label", default="", help="suffix of the results file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    stages = set(args.stages.split(","))
    if args.child:
        run_stages(args.child, stages)
        return
    sizes = [float(size) for size in args.sizes.split(",")]
    load_before = os.getloadavg()
    texts = report_texts()
    runs = []
    with tempfile.TemporaryDirectory(prefix="big-input-") as folder:
        for shape in args.shapes.split(","):
            for size in sizes:
                path = Path(folder) / f"{shape}-{size:g}mb.txt"
                path.write_text(make_input(texts, size, shape), encoding="utf-8")
                result = {"shape": shape, "mb": size, "bytes": path.stat().st_size,
                          **measure(path, stages, args.timeout)}
                runs.append(result)
                print_run(result, runs)
                path.unlink()
    summary = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                           "python": platform.python_version(),
                           "load_before": [round(x, 2) for x in load_before],
                           "load_after": [round(x, 2) for x in os.getloadavg()]},
               "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "runs": runs}
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"big-input{'-' + args.label if args.label else ''}.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"load average before {summary['machine']['load_before']}, after "
          f"{summary['machine']['load_after']}; results in {out.relative_to(ROOT)}")


def print_run(result: dict, runs: list[dict]) -> None:
    """One line per stage: CPU seconds, peak RSS, and growth against the half-size input."""
    previous = next((r for r in reversed(runs[:-1]) if r["shape"] == result["shape"]
                     and r["mb"] * 2 == result["mb"]), None)
    print(f"\n{result['shape']} {result['mb']:g} MB: {result.get('chars', '?')} chars, "
          f"{result.get('sentences', '?')} sentences, {result.get('mentions', '?')} mentions, "
          f"wall {result['wall_s']} s{' (timed out)' if result['timed_out'] else ''}")
    for stage, figures in result["stages"].items():
        growth = ""
        if previous and stage in previous["stages"] and previous["stages"][stage]["cpu_s"] >= 0.05:
            growth = f"  ×{figures['cpu_s'] / previous['stages'][stage]['cpu_s']:.1f} per doubling"
        print(f"  {stage:<10} {figures['cpu_s']:>9.2f} s  peak {figures['peak_rss_mb']:>6} MB{growth}")


if __name__ == "__main__":
    main()
