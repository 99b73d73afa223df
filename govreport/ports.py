"""Whether a TCP port is free, so that `govreport web` and `make serve` can stop with one
clear line instead of a server's traceback when another program holds it."""

from __future__ import annotations

import socket


def port_taken(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None when it can."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return f"cannot listen on {host}:{port}: {error.strerror or error} (is another server running there?)"
    return None
