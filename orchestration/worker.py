"""A Celery worker for the `cluster` profile: `python -m orchestration.worker [--queues
dagster,warehouse] [--name NAME] [--concurrency 1] [--pidfile FILE]`.

It becomes the Celery worker itself (exec, no wrapper left behind), on the broker named by
GOVREPORT_CELERY_BROKER, with the task dagster-celery's executor sends; the pidfile holds the
PID that stops it. Run it with the same GOVREPORT_* settings as the daemon (the shared folder
at the same path, the warehouse file on the warehouse host). Every worker takes chunk steps
(queue `dagster`); the one on the warehouse host also takes `warehouse` (report_files and the
load: the steps that open the DuckDB file)."""
from __future__ import annotations

import argparse
import os
import shutil
import sys

from govreport.settings import Settings


def celery_command(queues: str, name: str, concurrency: int, pidfile: str | None, loglevel: str) -> list[str]:
    celery = shutil.which("celery", path=os.path.dirname(sys.executable)) or "celery"
    command = [celery, "-A", "orchestration.celery_app", "worker", "--prefetch-multiplier=1",
               "-Q", queues, "-n", f"{name}@%h", "-c", str(concurrency), "--loglevel", loglevel]
    return command + ([f"--pidfile={pidfile}"] if pidfile else [])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m orchestration.worker", description=__doc__.splitlines()[0])
    parser.add_argument("--queues", default="dagster,warehouse",
                        help="comma-separated: `dagster` (chunk steps) and, on the warehouse host, `warehouse`")
    parser.add_argument("--name", default="govreport", help="the worker's name (NAME@host)")
    parser.add_argument("--concurrency", type=int, default=1, help="steps at once (one core each)")
    parser.add_argument("--pidfile", help="where the worker writes its PID")
    parser.add_argument("--loglevel", default="INFO")
    args = parser.parse_args(argv)
    Settings.from_env()  # a bad setting is said here, not in every task
    command = celery_command(args.queues, args.name, args.concurrency, args.pidfile, args.loglevel)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
