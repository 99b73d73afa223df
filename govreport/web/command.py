"""`govreport web`: serve the web app with uvicorn. Starlette and uvicorn are imported when
the command runs, not when the command line starts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_PORT = 8080


def add_web_command(sub: argparse._SubParsersAction) -> None:
    web = sub.add_parser("web", help="the analysts' web app on the warehouse (read-only)")
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    web.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    web.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE)")
    web.set_defaults(run=command_web)


def command_web(args: argparse.Namespace) -> int:
    from govreport.ports import port_taken
    from govreport.settings import Settings

    settings = Settings.from_env()
    warehouse = Path(args.warehouse).resolve() if args.warehouse else settings.warehouse
    problem = port_taken(args.host, args.port)
    if problem:
        print(f"govreport web: {problem}; choose another with --port", file=sys.stderr)
        return 1
    import uvicorn

    from govreport.web.app import create_app

    print(f"govreport web: http://{args.host}:{args.port}/ reading {warehouse} (read-only); Ctrl+C stops it",
          flush=True)
    uvicorn.run(create_app(warehouse, settings.dq_docs), host=args.host, port=args.port,
                log_level="warning", access_log=False)
    return 0
