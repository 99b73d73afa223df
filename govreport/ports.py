"""Whether a TCP port is free, so that `govreport web` and `make serve` can stop with one
clear line instead of a server's traceback when another program holds it.

    python -m govreport.ports HOST PORT [PORT...]   # exit 1, naming the first taken port
"""

from __future__ import annotations

import socket
import sys


def port_taken(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None when it can."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return f"cannot listen on {host}:{port}: {error.strerror or error} (is another server running there?)"
    return None


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m govreport.ports HOST PORT [PORT...]", file=sys.stderr)
        return 2
    host, ports = argv[0], argv[1:]
    for port in ports:
        if not port.isdigit():
            print(f"port {port!r} is not a number", file=sys.stderr)
            return 1
        problem = port_taken(host, int(port))
        if problem:
            print(f"{problem}; choose another port, e.g. make serve PORT=3001 WEB_PORT=8081", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
