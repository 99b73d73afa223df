"""Generate a corpus of realistic 民政 work reports with their expected metrics.

    python -m benchmarks.generate OUT_DIR --count N --seed S [--broken-share 0.01]
                                  [--formats txt,docx,pdf,html] [--workers W]

OUT_DIR/reports/            the report files (mixed formats and encodings, some broken)
OUT_DIR/expected/<file>.jsonl  each good report's metrics (tests/fixtures/samples record shape,
                            plus `start`, the offset of `raw` in the report's source text)
OUT_DIR/manifest.jsonl      one line per file: file, format, encoding, broken kind and the
                            failure reason expected for it (or null), agency, region, type, year

Everything about report i depends only on (seed, i), so a seed gives the same bytes whatever
the number of worker processes.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
import multiprocessing
from pathlib import Path

from benchmarks.formats import BROKEN_WRITERS, files_data, render_good
from benchmarks.layout import Report, build_report

ALL_FORMATS = ("txt", "docx", "html", "pdf")
LONGEST_NAME = 40  # characters of the title kept in a file name
SERIAL_BELOW = 50  # fewer reports than this are not worth starting worker processes


@dataclass(frozen=True)
class Plan:
    """What file report `index` becomes: a good file in a format, or a broken kind."""

    index: int
    broken: str | None
    formats: tuple[str, ...]
    width: int


def plan_corpus(count: int, seed: int, broken_share: float, formats: tuple[str, ...]) -> list[Plan]:
    """Which reports are broken (every kind in turn) and the formats allowed for the rest."""
    kinds = list(files_data()["broken"])
    broken_count = round(count * broken_share)
    chosen = sorted(random.Random(f"{seed}/broken").sample(range(count), broken_count))
    broken = {index: kinds[n % len(kinds)] for n, index in enumerate(chosen)}
    width = max(5, len(str(count - 1)))
    return [Plan(i, broken.get(i), formats, width) for i in range(count)]


def choose_format(rng: random.Random, formats: tuple[str, ...]) -> tuple[str, str | None]:
    shares = files_data()["formats"]
    fmt = rng.choices(formats, weights=[shares[f] for f in formats])[0]
    if fmt != "txt":
        return fmt, None
    encodings = files_data()["txt_encodings"]
    return fmt, rng.choices(list(encodings), weights=list(encodings.values()))[0]


def file_name(plan: Plan, report: Report, ext: str) -> str:
    return f"{plan.index:0{plan.width}d}_{report.title[:LONGEST_NAME]}.{ext}"


def generate_one(plan: Plan, seed: int, out_dir: Path) -> dict:
    """Write one report file (and its expected metrics when good); its manifest line."""
    rng = random.Random(f"{seed}/{plan.index}")
    if plan.broken:
        fmt, encoding = files_data()["broken"][plan.broken]["ext"], None
    else:
        fmt, encoding = choose_format(rng, plan.formats)
    page_block = fmt == "txt" and rng.random() < files_data()["txt_page_block"]["share"]
    report = build_report(rng, page_block=page_block)
    name = file_name(plan, report, fmt)
    path = out_dir / "reports" / name
    if plan.broken:
        BROKEN_WRITERS[plan.broken](report, path, rng)
    else:
        render_good(report, fmt, encoding, path, rng)
        write_expected(out_dir / "expected" / f"{name}.jsonl", report)
    return manifest_line(f"reports/{name}", fmt, encoding, plan.broken, report)


def write_expected(path: Path, report: Report) -> None:
    lines = [json.dumps(m.record(), ensure_ascii=False) for m in report.metrics]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def manifest_line(file: str, fmt: str, encoding: str | None, broken: str | None, report: Report) -> dict:
    agency = report.agency
    return {
        "file": file, "format": fmt, "encoding": encoding, "broken": broken,
        "expected_failure": files_data()["broken"][broken]["reason"] if broken else None,
        "title": report.title, "agency": agency.name, "province": agency.province,
        "city": agency.city, "county": agency.county, "region_code": agency.region_code,
        "admin_level": agency.level, "report_type": report.report_type,
        "report_year": report.year, "publish_date": report.publish_date.isoformat(),
        "text_bytes": len(report.text.encode("utf-8")),
        "metrics": 0 if broken else len(report.metrics),
    }


def generate(out_dir: str | Path, count: int, seed: int, broken_share: float = 0.01,
             formats: tuple[str, ...] = ALL_FORMATS, workers: int | None = None) -> list[dict]:
    """Write the corpus into a fresh out_dir (its reports/, expected/ and manifest are
    replaced); the manifest lines in index order."""
    out_dir = Path(out_dir)
    for folder in ("reports", "expected"):
        shutil.rmtree(out_dir / folder, ignore_errors=True)
        (out_dir / folder).mkdir(parents=True)
    plans = plan_corpus(count, seed, broken_share, formats)
    write = partial(generate_one, seed=seed, out_dir=out_dir)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or count < SERIAL_BELOW:
        lines = list(map(write, plans))
    else:
        lines = _written_in_parallel(write, plans, workers)
    manifest = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    (out_dir / "manifest.jsonl").write_text(manifest, encoding="utf-8")
    return lines


def _written_in_parallel(write, plans: list, workers: int) -> list[dict]:
    """Each plan written by a pool of spawned processes, not forked ones (a caller with threads,
    pytest or Dagster, can fork a child that waits forever on a lock another thread held at the
    fork). A worker that dies (a crash in a document library) breaks the pool rather than hanging
    it, as multiprocessing.Pool would: the corpus is then written in this process, the same bytes,
    and the death is reported."""
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            return list(pool.map(write, plans, chunksize=16))
    except BrokenProcessPool as exc:
        print(f"generate: a worker process died ({exc}); writing the corpus in this process", file=sys.stderr)
        return list(map(write, plans))


def read_manifest(out_dir: str | Path) -> list[dict]:
    text = (Path(out_dir) / "manifest.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def describe(lines: list[dict], seconds: float) -> str:
    kinds = Counter(line["broken"] or line["format"] + (f"/{line['encoding']}" if line["encoding"] else "")
                    for line in lines)
    sizes = sorted(line["text_bytes"] for line in lines)
    return (f"{len(lines)} reports in {seconds:.1f} s ({len(lines) / seconds:.0f}/s); "
            f"text {sizes[0] / 1024:.1f}–{sizes[-1] / 1024:.1f} KB (median {sizes[len(sizes) // 2] / 1024:.1f}); "
            f"{sum(line['metrics'] for line in lines)} expected metrics\n"
            + "  ".join(f"{kind}: {n}" for kind, n in sorted(kinds.items())))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--broken-share", type=float, default=0.01)
    parser.add_argument("--formats", default=",".join(ALL_FORMATS),
                        help="comma-separated subset of txt,docx,html,pdf for the good files")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    args.formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    if args.count < 1:
        parser.error("--count must be at least 1")
    unknown = set(args.formats) - set(ALL_FORMATS)
    if unknown or not args.formats:
        parser.error(f"--formats takes some of {','.join(ALL_FORMATS)}, not {','.join(sorted(unknown))}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    lines = generate(args.out_dir, args.count, args.seed, args.broken_share, args.formats, args.workers)
    print(describe(lines, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
