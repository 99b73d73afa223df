"""`govreport`: extract, ingest, query and score reports from the command line.

`extract` and `eval` read files only; `query`, `checks` and the analyst commands read the
warehouse; only `ingest` runs Dagster (orchestration.runner), imported when it is used."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from govreport.analyst import add_analyst_commands, default_warehouse, with_reader

EXAMPLE_QUERY = ("SELECT d.agency, m.subject, m.value, m.unit FROM metrics m "
                 "JOIN documents d USING (document_id) WHERE m.indicator = 'dibao_recipients'")


def _print_json(record: dict) -> None:
    print(json.dumps(record, ensure_ascii=False, default=str), flush=True)


def command_extract(args: argparse.Namespace) -> int:
    from transforms.batch import Failure, parse_file
    from transforms.pipeline import mention_record
    from transforms.rules.numbers import as_number

    failed = False
    for path in args.files:
        result = parse_file(path)
        if isinstance(result, Failure):
            failed = True
            _print_json({"document": path, "error": result.error})
        elif args.meta:
            _print_json({"document": path, **asdict(result.meta)})
        else:
            for mention in result.mentions:
                record = mention_record(result, mention)
                _print_json({**record, "value": as_number(record["value"])})
    return 1 if failed else 0


def command_ingest(args: argparse.Namespace) -> int:
    from orchestration.resources import ProgressBar
    from orchestration.runner import run_ingest

    summary = run_ingest(args.paths, progress=ProgressBar(), force=args.force)
    if summary.run_id is None:
        print(f"nothing new: the warehouse already holds all {summary.files} file(s) "
              "(or they failed before; --force reads them again)")
    else:
        print(f"run {summary.run_id}: {summary.needing_work} of {summary.files} file(s) needed work; "
              f"{'succeeded' if summary.success else 'FAILED'}")
    if summary.error:
        print(f"  error: {summary.error}")
    if summary.loaded:
        print("  this run: " + ", ".join(f"{k} {v}" for k, v in summary.loaded.items()))
    if summary.counts:
        print("  warehouse: " + ", ".join(f"{k} {v}" for k, v in summary.counts.items()))
    for failure in summary.failures:
        print(f"  unreadable (quarantined): {failure}")
    passed = sum(c.passed for c in summary.checks)
    if summary.checks:
        print(f"  checks: {passed} passed, {len(summary.checks) - passed} failed")
    for check in summary.checks:
        if not check.passed:
            print(f"    FAILED [{check.severity}] {check.name}: {check.description}")
    if summary.alerts_sent or summary.alert_sinks_failing:
        print(f"  alerts sent: {summary.alerts_sent}"
              + (f" (failing sinks: {', '.join(summary.alert_sinks_failing)})" if summary.alert_sinks_failing else ""))
    print(f"  warehouse file: {default_warehouse()}")
    print(f'  try: govreport query "{EXAMPLE_QUERY}"')
    return 0 if summary.success else 1


def command_query(args: argparse.Namespace) -> int:
    from warehouse import format_rows, run_query

    columns, rows = run_query(args.warehouse or default_warehouse(), args.sql)
    print(format_rows(columns, rows, args.format))
    return 0


def command_checks(args: argparse.Namespace) -> int:
    from expectations import latest_results
    from govreport.settings import Settings
    from warehouse import format_rows

    results = with_reader(args, latest_results)
    if results is None:
        return 1
    if results.empty:
        print("no data-quality results yet: run `govreport ingest` first")
        return 0
    shown = results[["check_name", "severity", "passed", "observed_value", "document_id"]]
    rows = [tuple(None if v != v else v for v in row) for row in shown.itertuples(index=False)]
    print(f"run {results['run_id'].iloc[0]}, evaluated {results['evaluated_at'].max()}")
    print(format_rows(list(shown.columns), rows, args.format))
    docs = Settings.from_env().dq_docs / "index.html"
    print(f"Data Docs: {docs}" if docs.exists() else "Data Docs: not built yet")
    return 0


def command_eval(args: argparse.Namespace) -> int:
    from transforms.batch import Failure, parse_file
    from transforms.evaluation import Score, score_document
    from transforms.pipeline import mention_record

    total = Score()
    for path in args.files:
        gold_file = Path(args.gold_dir) / (Path(path).stem + ".jsonl")
        if not gold_file.exists():
            gold_file = Path(args.gold_dir) / (Path(path).name + ".jsonl")
        result = parse_file(path)
        if isinstance(result, Failure) or not gold_file.exists():
            print(f"{path}: {'no gold file' if not gold_file.exists() else result.error}")
            continue
        gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        predicted = [mention_record(result, m) for m in result.mentions]
        score = score_document(gold, predicted)
        score_document(gold, predicted, total)
        print(f"{path}: {score.summary()}")
        for miss in score.misses:
            print(f"  miss   {miss['raw']}  ({miss.get('subject')})")
        for extra in score.extras:
            print(f"  extra  {extra['raw']}  ({extra.get('subject')})  in: {extra['sentence'][:60]}")
        for expected, got in score.subject_mismatches:
            print(f"  subject {expected['raw']}: gold {expected.get('subject')} / got {got.get('subject')}")
    print(f"total: {total.summary()}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="govreport", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print metric mentions (or --meta) as JSON lines")
    extract.add_argument("--meta", action="store_true", help="one metadata object per document")
    extract.add_argument("files", nargs="+")
    extract.set_defaults(run=command_extract)
    ingest = sub.add_parser("ingest", help="run the Dagster job on files or folders")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--force", action="store_true",
                        help="read every file again, even those already loaded or rejected before")
    ingest.set_defaults(run=command_ingest)
    query = sub.add_parser("query", help="run read-only SQL on the warehouse")
    query.add_argument("sql")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE)")
    query.set_defaults(run=command_query)
    checks = sub.add_parser("checks", help="the latest data-quality results and where the Data Docs are")
    checks.add_argument("--format", choices=["table", "csv", "json"], default="table")
    checks.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE)")
    checks.set_defaults(run=command_checks)
    score = sub.add_parser("eval", help="score extraction against gold JSONL files")
    score.add_argument("gold_dir")
    score.add_argument("files", nargs="+")
    score.set_defaults(run=command_eval)
    add_analyst_commands(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
