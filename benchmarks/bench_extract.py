"""Extraction on one core against jieba alone: what build_document costs beyond one cut.

    python -m benchmarks.bench_extract [--count 300] [--seed 1] [--repeat 3] [--label NAME]

Generates `count` txt reports (benchmarks/generate.py, cached under benchmarks/.cache/), then,
in this one process, times in CPU seconds (process_time, so other work on the machine shows
less than in wall time) build_document on every file and jieba.lcut (precise mode, default dictionary, the
ingest benchmark's reference) on the same cleaned texts. Prints chars/s of each and the ratio
of build_document to jieba; the best of `repeat` rounds is kept. Writes
benchmarks/results/extract-<count>[-<label>].json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from benchmarks.bench_ingest import CACHE, RESULTS, generator_fingerprint


def txt_corpus(count: int, seed: int) -> Path:
    """Good txt reports only, cached per generator version."""
    from benchmarks.generate import generate

    folder = CACHE / f"extract-n{count}-s{seed}-{generator_fingerprint()}"
    if not (folder / "manifest.jsonl").exists():
        generate(folder, count, seed, broken_share=0.0, formats=("txt",))
    return folder


def _best(rounds: int, work) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def measure(count: int, seed: int, repeat: int) -> dict:
    import jieba

    from transforms import pipeline
    from transforms.clean import clean_text
    from transforms.readers import read_bytes

    corpus = txt_corpus(count, seed)
    files = sorted(p for p in (corpus / "reports").iterdir() if p.is_file())
    blobs = [(p.read_bytes(), str(p)) for p in files]
    texts = [clean_text(read_bytes(data, Path(name).name).text) for data, name in blobs]
    chars = sum(map(len, texts))

    jieba.setLogLevel(60)
    jieba.initialize()
    pipeline.build_document(*blobs[0])  # dictionaries and tables loaded before timing

    def build_all():
        for data, name in blobs:
            pipeline.build_document(data, name)

    def jieba_all():
        for text in texts:
            jieba.lcut(text)

    build = _best(repeat, build_all)
    cut = _best(repeat, jieba_all)
    return {"files": len(files), "chars": chars, "build_document_seconds": build,
            "jieba_seconds": cut, "build_chars_per_second": chars / build,
            "jieba_chars_per_second": chars / cut, "build_vs_jieba": build / cut,
            "machine": {"python": platform.python_version(), "load_average": __import__("os").getloadavg()},
            "when": time.strftime("%Y-%m-%d %H:%M:%S")}


def save(result: dict, count: int, label: str | None = None) -> Path:
    """results/extract-<count>[-<label>].json: a label keeps a trial from overwriting the
    reference file the README quotes."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"extract-{count}{'-' + label if label else ''}.json"
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_extract", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--label", help="append to the results file's name (extract-300-LABEL.json)")
    args = parser.parse_args(argv)
    result = measure(args.count, args.seed, args.repeat)
    print(f"{result['files']} txt reports, {result['chars']:,} characters, one core, CPU seconds (best of {args.repeat})")
    print(f"build_document  {result['build_document_seconds']:7.2f} s  {result['build_chars_per_second']:>10,.0f} chars/s")
    print(f"jieba.lcut      {result['jieba_seconds']:7.2f} s  {result['jieba_chars_per_second']:>10,.0f} chars/s")
    print(f"build_document / jieba = {result['build_vs_jieba']:.2f}")
    print(f"results: {save(result, args.count, args.label).relative_to(RESULTS.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
