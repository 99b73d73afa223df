"""`govreport`: extract, ingest, query and score reports from the command line.

`extract` and `eval` read files only; `query`, `checks` and the analyst commands read the
warehouse; `backup` and `restore` copy it; only `ingest` runs Dagster (orchestration.runner),
imported when it is used. Every error is one line on stderr (govreport/errors.py)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path

from govreport.analyst import add_analyst_commands, default_warehouse, with_reader
from govreport.errors import OneLineParser, UserError, report
from govreport.web.command import add_web_command

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
            continue
        for failure in result.rule_failures:  # the figures stay; say which rule fields are missing
            print(f"{path}: a rule failed, {failure} (read without it)", file=sys.stderr)
        if args.meta:
            _print_json({"document": path, **asdict(result.meta)})
        else:
            for mention in result.mentions:
                record = mention_record(result, mention)
                _print_json({**record, "value": as_number(record["value"])})
    return 1 if failed else 0


def command_ingest(args: argparse.Namespace) -> int:
    from govreport.settings import Settings

    inbox = Settings.from_env().inbox
    if not args.paths and not inbox.is_dir():
        raise UserError(f"no path given and the inbox {inbox} does not exist: name files or folders "
                        "(govreport ingest PATH...), or set GOVREPORT_INBOX to the folder reports arrive in")
    missing = [path for path in args.paths if not Path(path).exists()]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)} (relative paths start from {Path.cwd()})")

    from orchestration.resources import progress_for_terminal
    from orchestration.runner import run_ingest

    summary = run_ingest(args.paths, progress=progress_for_terminal(), force=args.force)
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

    columns, rows = run_query(_warehouse(args), args.sql)
    print(format_rows(columns, rows, args.format))
    return 0


def command_checks(args: argparse.Namespace) -> int:
    """The table format has a heading and the Data Docs path on stdout; csv and json print only
    the rows there (the rest goes to stderr), so their output can be piped into other tools."""
    from warehouse.quality import latest_results
    from govreport.settings import Settings
    from warehouse import format_rows

    notes = sys.stdout if args.format == "table" else sys.stderr
    results = with_reader(args, latest_results)
    shown = results[["check_name", "severity", "passed", "observed_value", "document_id"]]
    if results.empty:
        print("no data-quality results yet: run `govreport ingest` first", file=notes)
        if args.format == "table":
            return 0
    else:
        print(f"run {results['run_id'].iloc[0]}, evaluated {results['evaluated_at'].max()}", file=notes)
    rows = [tuple(None if v != v else v for v in row) for row in shown.itertuples(index=False)]
    print(format_rows(list(shown.columns), rows, args.format))
    docs = Settings.from_env().dq_docs / "index.html"
    print(f"Data Docs: {docs}" if docs.exists() else "Data Docs: not built yet", file=notes)
    return 0


def command_eval(args: argparse.Namespace) -> int:
    """Exit status 1 when a file has no gold or cannot be read; a UserError when none is scored.

    Figures are scored against `<file>.jsonl`; the report's metadata too when `<file>.meta.json`
    stands beside it (the real corpus's gold)."""
    from transforms.batch import Failure, parse_file
    from transforms.evaluation import MetadataScore, Score, score_document, score_metadata
    from transforms.pipeline import mention_record

    gold_dir = Path(args.gold_dir)
    if not gold_dir.is_dir():
        raise UserError(f"no gold folder {gold_dir}: give the folder of <file>.jsonl gold files first, "
                        "then the report files")
    as_text = args.format == "text"
    total, metadata, scored, problems = Score(), MetadataScore(), 0, []
    for path in args.files:
        gold_file = next((g for g in (gold_dir / (Path(path).stem + ".jsonl"), gold_dir / (Path(path).name + ".jsonl"))
                          if g.exists()), None)
        if gold_file is None:
            problems.append(f"{path}: no gold file ({Path(path).stem}.jsonl or {Path(path).name}.jsonl in {gold_dir})")
            continue
        result = parse_file(path)
        if isinstance(result, Failure):
            problems.append(f"{path}: {result.error}")
            continue
        gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        predicted = [mention_record(result, m) for m in result.mentions]
        score = score_document(gold, predicted)
        score_document(gold, predicted, total)
        gold_meta = gold_file.with_name(gold_file.name.removesuffix(".jsonl") + ".meta.json")
        if gold_meta.exists():
            score_metadata(path, json.loads(gold_meta.read_text(encoding="utf-8")), asdict(result.meta), metadata)
        scored += 1
        if as_text:
            _print_document_score(path, score)
    if not scored:
        raise UserError(f"nothing scored: none of the {len(args.files)} file(s) has a gold file in {gold_dir} "
                        f"or could be read (first: {problems[0]})")
    if as_text:
        for document, name, expected, got in metadata.mismatches:
            print(f"{document}: {name}: gold {expected!r} / got {got!r}")
        print(f"total: {total.summary()}")
        if metadata.documents:
            print(f"metadata: {metadata.summary()}")
    else:
        print(json.dumps({"figures": total.summary(),
                          "metadata": metadata.summary() if metadata.documents else None}, ensure_ascii=False))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _print_document_score(path: str, score) -> None:
    print(f"{path}: {score.summary()}")
    for miss in score.misses:
        print(f"  miss   {miss['raw']}  ({miss.get('subject')})")
    for extra in score.extras:
        print(f"  extra  {extra['raw']}  ({extra.get('subject')})  in: {extra['sentence'][:60]}")
    for expected, got in score.subject_mismatches:
        print(f"  subject {expected['raw']}: gold {expected.get('subject')} / got {got.get('subject')}")
    for expected, got in score.kind_mismatches:
        print(f"  kind   {expected['raw']} ({expected.get('subject')}): gold {expected.get('kind')} / got {got.get('kind')}"
              f"  in: {got['sentence'][:60]}")


def command_backup(args: argparse.Namespace) -> int:
    from warehouse.backup import backup
    from warehouse.query import READ_RETRIES

    summary = backup(_warehouse(args), args.folder, retries=READ_RETRIES)
    print(f"backed up {summary.warehouse} (schema version {summary.schema_version}; "
          + ", ".join(f"{table} {rows}" for table, rows in summary.rows.items()) + f") to {summary.folder}")
    print(f"  restore with: govreport restore {summary.folder} [--warehouse FILE] [--force]")
    return 0


def command_restore(args: argparse.Namespace) -> int:
    from warehouse.backup import restore

    summary = restore(args.folder, _warehouse(args), force=args.force)
    print(f"restored {summary.warehouse} from {summary.folder} (schema version {summary.schema_version}; "
          + ", ".join(f"{table} {rows}" for table, rows in summary.rows.items()) + ")")
    return 0


def _warehouse(args: argparse.Namespace) -> Path:
    return Path(args.warehouse).resolve() if getattr(args, "warehouse", None) else default_warehouse()


def parser() -> argparse.ArgumentParser:
    top = OneLineParser(prog="govreport", description=__doc__.splitlines()[0])
    top.add_argument("--version", action="version", version=f"%(prog)s {version('govreport-warehouse')}")
    sub = top.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print metric mentions (or --meta) as JSON lines")
    extract.add_argument("--meta", action="store_true", help="one metadata object per document")
    extract.add_argument("files", nargs="+")
    extract.set_defaults(run=command_extract)
    ingest = sub.add_parser("ingest", help="run the Dagster job on files or folders (the inbox when none)")
    ingest.add_argument("paths", nargs="*", help="files or folders (default: $GOVREPORT_INBOX)")
    ingest.add_argument("--force", action="store_true",
                        help="read every file again, even those already loaded or rejected before")
    ingest.set_defaults(run=command_ingest)
    query = sub.add_parser("query", help="run one read-only SELECT on the warehouse")
    query.add_argument("sql")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE)")
    query.set_defaults(run=command_query)
    checks = sub.add_parser("checks", help="the latest data-quality results and where the Data Docs are")
    checks.add_argument("--format", choices=["table", "csv", "json"], default="table",
                        help="csv and json print only the rows on stdout")
    checks.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE)")
    checks.set_defaults(run=command_checks)
    score = sub.add_parser("eval", help="score extraction against gold JSONL files")
    score.add_argument("gold_dir")
    score.add_argument("files", nargs="+")
    score.add_argument("--format", choices=["text", "json"], default="text",
                       help="json prints only the totals, one object on stdout")
    score.set_defaults(run=command_eval)
    saved = sub.add_parser("backup", help="export the warehouse into a new folder (DuckDB EXPORT DATABASE)")
    saved.add_argument("folder", type=Path, help="a new or empty folder")
    saved.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE)")
    saved.set_defaults(run=command_backup)
    restored = sub.add_parser("restore", help="rebuild the warehouse from a backup folder (IMPORT DATABASE)")
    restored.add_argument("folder", type=Path, help="a folder written by govreport backup")
    restored.add_argument("--warehouse", help="DuckDB file to create (default: $GOVREPORT_WAREHOUSE)")
    restored.add_argument("--force", action="store_true",
                          help="replace a warehouse file that exists (no process may have it open)")
    restored.set_defaults(run=command_restore)
    add_analyst_commands(sub)
    add_web_command(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        return 0
    except (Exception, KeyboardInterrupt) as error:
        default = not getattr(args, "warehouse", None) and not os.environ.get("GOVREPORT_WAREHOUSE")
        return report(error, args.command, _warehouse(args), default)


if __name__ == "__main__":
    sys.exit(main())
