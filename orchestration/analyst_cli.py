"""`govreport` commands for analysts: search, indicators, export, chart (read-only)."""
from __future__ import annotations

import argparse


def add_analyst_commands(sub: argparse._SubParsersAction) -> None:
    """Register the analysts' subcommands on the `govreport` parser."""
