"""`make serve`: the analysts' web app and Dagster's UI and daemon (`dagster dev`) as one service.

Each server runs in its own process group, and Ctrl+C (or SIGTERM, or either server exiting)
stops both groups: TERM, then KILL after a grace period. `dagster dev` interrupted while its code
server starts ignores the interrupt and keeps its children, which a shell `trap` left running.

    python -m govreport.serve --host HOST --port PORT --web-port WEB_PORT
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from govreport.ports import port_taken

GRACE_SECONDS = 10.0


def commands(host: str, port: int, web_port: int) -> dict[str, list[str]]:
    bin_dir = Path(sys.executable).parent
    return {
        "web app": [str(bin_dir / "govreport"), "web", "--host", host, "--port", str(web_port)],
        "dagster": [str(bin_dir / "dagster"), "dev", "-m", "orchestration.definitions",
                    "-h", host, "-p", str(port)],
    }


def stop(servers: dict[str, subprocess.Popen], grace: float = GRACE_SECONDS) -> None:
    """TERM every server's group, then KILL what is left of it after `grace` seconds."""
    for server in servers.values():
        _signal_group(server, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for server in servers.values():
        try:
            server.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for server in servers.values():  # the leader may be gone while its children live on
        _signal_group(server, signal.SIGKILL)
        server.wait()
        wait_group_gone(server.pid, grace)


def wait_group_gone(pgid: int, seconds: float) -> bool:
    """Whether no process of the group is left within `seconds` (killed children are reaped by
    init, not at once: a busy machine showed one alive right after the leader's wait)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _signal_group(server: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(server.pid, sig)
    except ProcessLookupError:
        pass


class _Stop(Exception):
    pass


def _raise_stop(signum, _frame) -> None:
    raise _Stop(signal.Signals(signum).name)


def serve(host: str, port: int, web_port: int) -> int:
    for wanted in (port, web_port):
        problem = port_taken(host, wanted)
        if problem:
            print(f"{problem}; choose another port, e.g. make serve PORT=3001 WEB_PORT=8081", file=sys.stderr)
            return 1
    signal.signal(signal.SIGINT, _raise_stop)
    signal.signal(signal.SIGTERM, _raise_stop)
    servers: dict[str, subprocess.Popen] = {}
    try:
        for name, command in commands(host, port, web_port).items():
            servers[name] = subprocess.Popen(command, start_new_session=True)
            print(f"started {name} (pid {servers[name].pid})", flush=True)
        print(f"web app: http://{host}:{web_port}  Dagster: http://{host}:{port}  (Ctrl+C stops both)",
              flush=True)
        while True:
            ended = next((name for name, server in servers.items() if server.poll() is not None), None)
            if ended:
                print(f"{ended} stopped (exit {servers[ended].returncode}); stopping the others", flush=True)
                return servers[ended].returncode or 1
            time.sleep(0.5)
    except _Stop as why:
        print(f"{why}: stopping the web app and Dagster", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl+C must not cut the cleanup short
        stop(servers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govreport.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000, help="Dagster UI")
    parser.add_argument("--web-port", type=int, default=8080, help="analysts' web app")
    args = parser.parse_args(argv)
    return serve(args.host, args.port, args.web_port)


if __name__ == "__main__":
    sys.exit(main())
