"""Where build_document's CPU goes: a cProfile of the dev real reports and of generated ones.

    python -m benchmarks.profile_extract [--count 150] [--seed 1] [--top 15] [--label NAME]

Profiles build_document (dictionaries loaded first) on the real development texts
(tests/fixtures/real/split.toml `dev` ids only; texts in ../shared/real-reports/) and on
`count` generated txt reports (bench_extract's corpus), and sorts every function's own time
into groups:

- regex: the C methods of compiled patterns and matches (search, finditer, sub, fullmatch …)
  and `re`'s module functions;
- cut: the project's jieba cut (transforms/tokens.py) and jieba itself;
- objects: dataclass and NamedTuple constructors (`__init__`/`__new__` made at run time), and
  dataclasses.replace;
- simplify: OpenCC (transforms/simplify.py's converter);
- rules: Python code of transforms/rules/*.py; pipeline: the rest of transforms/*.py;
- builtins: other C functions (str methods, len, sorted, list and dict operations …);
- other: everything else (the standard library's Python code …).

cProfile's own overhead inflates many cheap Python calls more than few expensive C calls, so
shares are indicative. Writes benchmarks/results/profile-extract[-NAME].json.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import time
import tomllib
from pathlib import Path

from benchmarks.bench_ingest import RESULTS

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-reports"
if not REAL.is_dir():
    REAL = Path("/work/shared/real-reports")


def dev_blobs() -> list[tuple[bytes, str]]:
    split = tomllib.loads((ROOT / "tests/fixtures/real/split.toml").read_text(encoding="utf-8"))
    return [((REAL / f"{rid}.txt").read_bytes(), str(REAL / f"{rid}.txt")) for rid in split["dev"]]


def generated_blobs(count: int, seed: int) -> list[tuple[bytes, str]]:
    from benchmarks.bench_extract import txt_corpus

    corpus = txt_corpus(count, seed)
    files = sorted(p for p in (corpus / "reports").iterdir() if p.is_file())
    return [(p.read_bytes(), str(p)) for p in files]


def group_of(key: tuple[str, int, str]) -> str:
    path, _, name = key
    if path == "~":
        if "re.Pattern" in name or "re.Match" in name or "_sre" in name:
            return "regex"
        if "opencc" in name.lower():
            return "simplify"
        return "builtins"
    if path.endswith(("/re/__init__.py", "/re/_parser.py", "/re/_compiler.py")):
        return "regex"
    if "/jieba/" in path or path.endswith("transforms/tokens.py"):
        return "cut"
    if path.startswith("<string>") or name in ("__new__",) or (path.endswith("dataclasses.py") and name == "replace"):
        return "objects"
    if "opencc" in path or path.endswith("transforms/simplify.py"):
        return "simplify"
    if "/transforms/rules/" in path:
        return "rules"
    if "/transforms/" in path:
        return "pipeline"
    return "other"


def profile(blobs: list[tuple[bytes, str]], top: int) -> dict:
    from transforms import pipeline

    profiler = cProfile.Profile()
    started = time.process_time()
    profiler.enable()
    for data, name in blobs:
        pipeline.build_document(data, name)
    profiler.disable()
    cpu = time.process_time() - started
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())
    groups: dict[str, float] = {}
    for key, (_, _, own, _, _) in stats.stats.items():
        group = group_of(key)
        groups[group] = groups.get(group, 0.0) + own
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:top]
    return {
        "documents": len(blobs), "chars": sum(len(d.decode("utf-8", "replace")) for d, _ in blobs),
        "cpu_seconds_profiled": cpu, "own_seconds_total": total,
        "groups": {g: {"seconds": round(s, 3), "share": round(s / total, 3)}
                   for g, s in sorted(groups.items(), key=lambda item: -item[1])},
        "top_own_time": [{"function": f"{Path(path).name if path != '~' else ''}:{line}({name})",
                          "group": group_of((path, line, name)), "calls": calls,
                          "own_seconds": round(own, 3), "cumulative_seconds": round(cum, 3)}
                         for (path, line, name), (_, calls, own, cum, _) in rows],
    }


def show(label: str, result: dict) -> None:
    print(f"\n{label}: {result['documents']} documents, {result['chars']:,} chars, "
          f"{result['cpu_seconds_profiled']:.2f} CPU s under the profiler")
    for group, row in result["groups"].items():
        print(f"  {group:10} {row['seconds']:7.2f} s  {row['share']:6.1%}")
    print("  top functions by own time:")
    for row in result["top_own_time"]:
        print(f"  {row['own_seconds']:7.2f} s {row['cumulative_seconds']:7.2f} cum {row['calls']:>9,} "
              f"{row['group']:9} {row['function']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_extract", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--label", default="")
    args = parser.parse_args(argv)
    from transforms import pipeline
    from transforms.batch import warm_up_parsing

    warm_up_parsing()
    real, generated = dev_blobs(), generated_blobs(args.count, args.seed)
    for data, name in real[:3] + generated[:3]:
        pipeline.build_document(data, name)  # every table and cache loaded
    result = {"real_dev": profile(real, args.top), "generated": profile(generated, args.top),
              "compiled": _compiled_modules(),
              "machine": {"load_average": os.getloadavg()}, "when": time.strftime("%Y-%m-%d %H:%M:%S")}
    show("real dev reports", result["real_dev"])
    show("generated reports", result["generated"])
    RESULTS.mkdir(exist_ok=True)
    name = f"profile-extract{'-' + args.label if args.label else ''}.json"
    (RESULTS / name).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def _compiled_modules() -> list[str]:
    import sys

    return sorted(name for name, module in sys.modules.items()
                  if name.startswith("transforms") and not str(getattr(module, "__file__", "")).endswith(".py"))


if __name__ == "__main__":
    raise SystemExit(main())
