"""GX Data Docs: the suites' validation results of one run as a static HTML site."""

from __future__ import annotations

import copy
import shutil
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from expectations.checks import SuiteRun
from expectations.gx_runner import import_gx

DATA_DOCS_DIR = Path("data/dq-docs")
SITE_NAME = "govreport"
# Folders GX writes per suite and per validation; rebuilt on every run.
GENERATED_FOLDERS = ("expectations", "validations")


def build_data_docs(
    runs: Iterable[SuiteRun], target_dir: Path = DATA_DOCS_DIR, run_name: str | None = None
) -> Path:
    """Render the GX results of `runs` into `target_dir`; return the site's index.html.

    The site shows one run (the history of results is in dq_results): pages an earlier
    build left are removed first, so the index never lists results that are gone. A run
    validated in chunks gives one page per chunk (`metrics-1`, `metrics-2`, …).
    """
    gx = import_gx()
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    target = Path(target_dir).resolve()
    for folder in GENERATED_FOLDERS:
        shutil.rmtree(target / folder, ignore_errors=True)
    context = gx.get_context(mode="ephemeral")
    context.add_data_docs_site(SITE_NAME, _site_config(target))
    run_id = RunIdentifier(run_name=run_name, run_time=datetime.now(timezone.utc))
    pages: Counter[str] = Counter()
    for result in (r for run in runs for r in run.gx_results):
        name = result.suite_name
        if not pages[name]:
            context.suites.add(gx.ExpectationSuite(
                name=name, expectations=[r.expectation_config for r in result.results]
            ))
        pages[name] += 1
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=name),
            run_id=run_id,
            batch_identifier=f"{name}-{pages[name]}",
        )
        context.validation_results_store.set(key, _with_run_id(result, run_id))
    context.build_data_docs(site_names=[SITE_NAME])
    return target / "index.html"


def _with_run_id(result: Any, run_id: Any) -> Any:
    """A copy of the result whose page names this run (GX gave it an anonymous one)."""
    shown = copy.copy(result)
    shown.meta = {**result.meta, "run_id": run_id}
    return shown


def _site_config(target: Path) -> dict:
    return {
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(target)},
    }
