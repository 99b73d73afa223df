"""The check table (data/checks.toml) and the records a suite run produces.

The table is read with tomllib at import, which is cheap: check names, severities and
descriptions must be available without importing Great Expectations (e.g. to declare
Dagster asset checks).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

ERROR = "ERROR"
WARN = "WARN"
SEVERITIES = (ERROR, WARN)
SUITES = ("documents", "metrics", "history")
CHECKS_PATH = Path(__file__).parent / "data" / "checks.toml"


@dataclass(frozen=True)
class Check:
    """One row of the check table."""

    suite: str
    name: str
    severity: str
    description: str
    look: str | None = None


@dataclass(frozen=True)
class CheckOutcome:
    """The result of one named check on one batch, shaped for one Dagster asset check.

    failing_metric_ids is capped (it is for display); failing_document_ids is complete,
    because it decides which documents are quarantined. observed_by_document holds, per
    failing document, a short readable account of what failed there; metrics_by_document
    the metric_ids of its failing rows (all of them: the web app links each to its figure).
    """

    name: str
    passed: bool
    description: str
    observed: dict
    failing_metric_ids: tuple[str, ...]
    severity: str
    suite: str
    failing_document_ids: tuple[str, ...]
    observed_by_document: Mapping[str, str]
    metrics_by_document: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SuiteRun:
    """The outcomes of one suite, in check-table order, with the GX results behind them.

    Iterating a SuiteRun yields its outcomes, so code written for a list of outcomes
    keeps working; `gx_results` (one per validated frame) feed the Data Docs.
    """

    suite: str
    outcomes: tuple[CheckOutcome, ...]
    gx_results: tuple[Any, ...]

    def __iter__(self) -> Iterator[CheckOutcome]:
        return iter(self.outcomes)

    def __len__(self) -> int:
        return len(self.outcomes)


def _load_checks(path: Path) -> dict[str, Check]:
    """Read the table, rejecting unknown suites or severities and duplicate names."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    checks: dict[str, Check] = {}
    for row in table["check"]:
        check = Check(**row)
        if check.suite not in SUITES or check.severity not in SEVERITIES:
            raise ValueError(f"{path}: bad suite or severity in check {check.name}")
        if check.name in checks:
            raise ValueError(f"{path}: check {check.name} appears twice")
        checks[check.name] = check
    return checks


def _load_looks(path: Path) -> dict[str, str]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["look"]


CHECKS: dict[str, Check] = _load_checks(CHECKS_PATH)
LOOKS: dict[str, str] = _load_looks(CHECKS_PATH)


def checks_of(suite: str) -> tuple[Check, ...]:
    """The checks of one suite, in table order."""
    return tuple(check for check in CHECKS.values() if check.suite == suite)


def names_and_descriptions(suite: str) -> tuple[tuple[str, str], ...]:
    return tuple((check.name, check.description) for check in checks_of(suite))


def look_query(check_name: str, document_id: str | None) -> str:
    """The SQL that shows a failure of `check_name` for `document_id` (None: whole batch)."""
    check = CHECKS[check_name]
    if document_id is None:
        template = LOOKS["batch"]
    elif check.severity == ERROR:
        template = LOOKS[ERROR]
    else:
        template = check.look or LOOKS[check.suite]
    return template.format(document_id=document_id, check=check_name)
