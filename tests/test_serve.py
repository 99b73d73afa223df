"""`make serve` (python -m govreport.serve): Ctrl+C stops the web app and every Dagster process."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import ROOT
from govreport.serve import GRACE_SECONDS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for_http(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return  # the server answered (503 while there is no warehouse yet)
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"nothing answered at {url} in {seconds} s")


def test_ctrl_c_stops_the_web_app_and_dagster_even_while_dagster_starts(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / ".dagster"),
           "GOVREPORT_WAREHOUSE": str(tmp_path / "warehouse.duckdb")}
    (tmp_path / ".dagster").mkdir()
    port, web_port = free_port(), free_port()
    serving = subprocess.Popen(
        [sys.executable, "-m", "govreport.serve", "--port", str(port), "--web-port", str(web_port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)
    started = {}
    try:
        for _ in range(3):
            line = serving.stdout.readline()
            found = re.match(r"started (.+) \(pid (\d+)\)", line)
            if found:
                started[found.group(1)] = int(found.group(2))
        assert set(started) == {"web app", "dagster"}, started
        wait_for_http(f"http://127.0.0.1:{web_port}/", 120)
        serving.send_signal(signal.SIGINT)  # what Ctrl+C sends to the foreground process
        serving.wait(GRACE_SECONDS + 30)
        output = serving.stdout.read()
        assert serving.returncode == 0 and "SIGINT: stopping the web app and Dagster" in output, output
        assert not [name for name, pgid in started.items() if group_alive(pgid)]
    finally:
        for pgid in [serving.pid, *started.values()]:
            if group_alive(pgid):
                os.killpg(pgid, signal.SIGKILL)
