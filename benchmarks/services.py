"""Real services for the cluster tests, each started on a free port of this machine and
stopped by the PID it started: PostgreSQL (initdb + pg_ctl, as the `postgres` user when
running as root), Redis, the Dagster daemon and Celery workers with pidfiles."""
from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from govreport.serve import wait_group_gone

ROOT = Path(__file__).resolve().parent.parent

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))), None)
    if not found:
        raise RuntimeError(f"{name} not found: install PostgreSQL (apt-get install -y postgresql)")
    return str(found)


def _as_postgres() -> dict:
    """PostgreSQL refuses to run as root: its commands run as the `postgres` user then."""
    if os.geteuid() != 0:
        return {}
    user = pwd.getpwnam("postgres")
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


@contextmanager
def postgres(folder: Path):
    """A fresh PostgreSQL cluster on a free port; yields its postgresql+psycopg2 URL."""
    data = folder / "pgdata"
    folder.mkdir(parents=True, exist_ok=True)
    owner = _as_postgres()
    if owner:
        os.chown(folder, owner["user"], owner["group"])
    subprocess.run([postgres_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
                   check=True, capture_output=True, **owner)
    port = free_port()
    subprocess.run([postgres_bin("pg_ctl"), "-D", str(data), "-l", str(folder / "postgres.log"), "-w", "-t", "60",
                    "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True, **owner)
    pid = int((data / "postmaster.pid").read_text().split()[0])
    try:
        subprocess.run([postgres_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "dagster"],
                       check=True, capture_output=True)
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/dagster"
    finally:
        stop_pid(pid, signal.SIGINT)  # PostgreSQL's fast shutdown


@contextmanager
def redis(folder: Path):
    """A Redis server on a free port, no persistence; yields its URL."""
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_pid(process.pid)


@contextmanager
def daemon(env: dict, log: Path):
    """`dagster-daemon run` on the project's definitions (it runs the queue and the sensors)."""
    with open(log, "ab") as out:
        process = subprocess.Popen([str(BIN / "dagster-daemon"), "run", "-m", "orchestration.definitions"],
                                   env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield process
    finally:
        stop_group(process.pid)


@contextmanager
def celery_worker(env: dict, name: str, queues: str, folder: Path):
    """A Celery worker (orchestration/worker.py) with a pidfile; stopped by that PID."""
    pidfile = folder / f"{name}.pid"
    with open(folder / f"{name}.log", "ab") as out:
        process = subprocess.Popen([sys.executable, "-m", "orchestration.worker", "--name", name, "--queues", queues,
                                    "--pidfile", str(pidfile)], env=env, cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not pidfile.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        if not pidfile.exists():
            raise RuntimeError(f"worker {name} did not start: {(folder / f'{name}.log').read_text()[-2000:]}")
        yield int(pidfile.read_text().strip())
    finally:
        if pidfile.exists():
            stop_pid(int(pidfile.read_text().strip()))
        stop_group(process.pid)


def stop_pid(pid: int, first: int = signal.SIGTERM, timeout: float = 30) -> None:
    """Signal one process we started, then kill it if it is still there after `timeout`."""
    for sig in (first, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(pid):
                return
            time.sleep(0.1)


def stop_group(pid: int, timeout: float = 30) -> None:
    """Stop the process group a process we started leads (its own children with it)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        if wait_group_gone(pid, timeout):
            return


def _alive(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")
