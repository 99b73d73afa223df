"""GX Data Docs: the suites' validation results of the latest runs as a static HTML site that
a person can read offline.

GX's pages load Bootstrap, jQuery, Font Awesome, Vega … from CDNs and its logo from a web
bucket, so on a network with no way out they render blank and unstyled. After GX builds the
site, every such URL is pointed at a copy vendored in this package (static/vendor/, from the
npm registry; vendored.toml lists each file, its version, licence and the URL it replaces),
so no page loads anything from the network. Document hashes are shown with their file name
and title, and each suite page opens with the documents that failed its checks.

The site keeps the last KEPT_RUNS runs: each run's GX results are saved as JSON beside the
site (`.runs/`) and every build renders the runs kept there.
"""

from __future__ import annotations

import base64
import copy
import html
import json
import os
import re
import shutil
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from expectations.checks import SuiteRun
from expectations.gx_runner import import_gx

if TYPE_CHECKING:
    import pandas as pd

DATA_DOCS_DIR = Path("data/dq-docs")
SITE_NAME = "govreport"
KEPT_RUNS = 10
# Folders GX writes per suite and per validation; rebuilt on every build from RUNS_FOLDER.
GENERATED_FOLDERS = ("expectations", "validations")
RUNS_FOLDER = ".runs"
VENDOR = Path(__file__).parent / "static" / "vendor"
VENDOR_IN_SITE = Path("static") / "vendor"
# GX's pages and stylesheet take logos from a web bucket; the site's static/images has the
# same images but the dark-mode one, which becomes the light logo.
LOGO_URL = re.compile(r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/([\w.-]+)(\?[^\"']*)?")
# A stylesheet or script tag loading a file: its integrity and crossorigin attributes are for
# the CDN copy and would make a browser refuse the local file (file:// has no CORS).
INTEGRITY = re.compile(r'\s+(integrity|crossorigin)="[^"]*"')
# A reference into the site's own static/ folder: GX counts the ../ wrongly for some (the
# favicon of a validation page points one folder too high), so each is recomputed.
SITE_STATIC = re.compile(r"""(?<=["'(])(?:\.\./)*static/(?=images/|styles/|fonts/)""")
WOFF2 = re.compile(r'url\(([^)]+\.woff2)\)\s*format\("woff2"\)')
TRUETYPE_FALLBACK = re.compile(r',\s*url\([^)]+\.ttf\)\s*format\("truetype"\)')
HASH = re.compile(r"\b[0-9a-f]{64}\b")
# Text between tags, or a script/style element left as it is.
TEXT_OR_CODE = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)|>([^<]+)<", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class FailedDocument:
    """A document that failed a check, named as a person knows it."""

    suite: str
    check: str
    severity: str
    document_id: str
    name: str
    observed: str


def build_data_docs(
    runs: Iterable[SuiteRun], target_dir: Path = DATA_DOCS_DIR, run_name: str | None = None,
    documents: pd.DataFrame | None = None, keep_runs: int = KEPT_RUNS,
) -> Path:
    """Add the GX results of `runs` to the site in `target_dir`; return its index.html.

    `documents` (document_id, source_path, title) names the documents; the site shows this
    run and the `keep_runs - 1` runs before it. A run validated in chunks gives one page per
    chunk (`metrics-1`, `metrics-2`, …).
    """
    runs = list(runs)
    target = Path(target_dir).resolve()
    run_time = datetime.now(timezone.utc)
    names = document_names(documents)
    _save_run(target / RUNS_FOLDER, run_name or run_time.strftime("%Y%m%dT%H%M%S"), run_time, runs, names)
    kept = _prune(target / RUNS_FOLDER, keep_runs)
    _render(target, kept)
    all_names: dict[str, str] = {}
    failures: dict[tuple[str, str], list[FailedDocument]] = {}
    for folder in kept:
        saved = json.loads((folder / "run.json").read_text(encoding="utf-8"))
        all_names.update(saved["names"])
        for suite, rows in saved["failures"].items():
            failures[(saved["run_name"], suite)] = [FailedDocument(**row) for row in rows]
    make_offline(target, all_names, failures)
    return target / "index.html"


def document_names(documents: pd.DataFrame | None) -> dict[str, str]:
    """document_id → "file name · title" (what the file and the report are called)."""
    if documents is None or not len(documents):
        return {}
    names = {}
    titles = documents["title"] if "title" in documents else [None] * len(documents)
    for document_id, path, title in zip(documents["document_id"], documents["source_path"], titles):
        parts = [Path(path).name if isinstance(path, str) and path else None,
                 title if isinstance(title, str) and title else None]
        if isinstance(document_id, str) and any(parts):
            names.setdefault(document_id, " · ".join(p for p in parts if p))
    return names


def failing_documents(runs: Iterable[SuiteRun]) -> set[str]:
    """The document ids the runs' failed checks name (to look their names up)."""
    return {d for run in runs for outcome in run.outcomes for d in outcome.failing_document_ids}


# --- the saved runs ----------------------------------------------------------------------

def _save_run(folder: Path, run_name: str, run_time: datetime, runs: list[SuiteRun],
              names: dict[str, str]) -> None:
    """This run's GX results (JSON lines) and failing documents, under a sortable folder name."""
    run_folder = folder / f"{run_time.strftime('%Y%m%dT%H%M%S%fZ')}_{_safe(run_name)}"
    run_folder.mkdir(parents=True, exist_ok=True)
    with (run_folder / "results.jsonl").open("w", encoding="utf-8") as out:
        for result in (r for run in runs for r in run.gx_results):
            out.write(json.dumps(result.to_json_dict(), ensure_ascii=False, default=str) + "\n")
    failures = {run.suite: [asdict(FailedDocument(run.suite, o.name, o.severity, d, names.get(d, ""),
                                                  o.observed_by_document.get(d, "")))
                            for o in run.outcomes if not o.passed for d in o.failing_document_ids]
                for run in runs}
    used = {row["document_id"] for rows in failures.values() for row in rows}
    (run_folder / "run.json").write_text(json.dumps({
        "run_name": run_name, "run_time": run_time.isoformat(), "failures": failures,
        "names": {d: n for d, n in names.items() if d in used},
    }, ensure_ascii=False), encoding="utf-8")


def _prune(folder: Path, keep_runs: int) -> list[Path]:
    """Remove all but the newest keep_runs saved runs; return those kept, oldest first."""
    saved = sorted(p for p in folder.iterdir() if (p / "run.json").exists())
    for old in saved[:-keep_runs]:
        shutil.rmtree(old)
    return saved[-keep_runs:]


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]", "_", name)[:80]


# --- rendering ---------------------------------------------------------------------------

def _render(target: Path, kept: list[Path]) -> None:
    """GX's site for the kept runs: their suites, a page per validated chunk, an index."""
    gx = import_gx()
    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResultSchema
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    for folder in GENERATED_FOLDERS:
        shutil.rmtree(target / folder, ignore_errors=True)
    context = gx.get_context(mode="ephemeral")
    context.add_data_docs_site(SITE_NAME, _site_config(target))
    schema = ExpectationSuiteValidationResultSchema()
    for folder in kept:
        saved = json.loads((folder / "run.json").read_text(encoding="utf-8"))
        run_id = RunIdentifier(run_name=saved["run_name"], run_time=saved["run_time"])
        pages: dict[str, int] = {}
        for line in (folder / "results.jsonl").read_text(encoding="utf-8").splitlines():
            result = schema.load(json.loads(line))
            name = result.suite_name
            # The latest run's expectations come last and are the suite page's.
            context.suites.add_or_update(gx.ExpectationSuite(
                name=name, expectations=[r.expectation_config for r in result.results]))
            pages[name] = pages.get(name, 0) + 1
            key = ValidationResultIdentifier(
                expectation_suite_identifier=ExpectationSuiteIdentifier(name=name),
                run_id=run_id,
                batch_identifier=f"{name}-{pages[name]}",
            )
            context.validation_results_store.set(key, _with_run_id(result, run_id))
    context.build_data_docs(site_names=[SITE_NAME])


def _with_run_id(result: Any, run_id: Any) -> Any:
    """A copy of the result whose page names its run (GX gave it an anonymous one)."""
    shown = copy.copy(result)
    shown.meta = {**result.meta, "run_id": run_id}
    return shown


def _site_config(target: Path) -> dict:
    return {
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(target)},
    }


# --- offline and readable ----------------------------------------------------------------

def vendored_assets() -> dict[str, Path]:
    """Each CDN URL GX's pages use → the vendored file (relative to static/vendor)."""
    manifest = tomllib.loads((VENDOR / "vendored.toml").read_text(encoding="utf-8"))
    return {url: Path(entry["to"]) for package in manifest["package"] for entry in package["files"]
            for url in entry.get("replaces", ())}


def make_offline(target: Path, names: Mapping[str, str],
                 failures: Mapping[tuple[str, str], list[FailedDocument]]) -> None:
    """Copy the vendored assets into the site and rewrite its pages to use them; name the
    documents behind hashes; open each validation page with its failing documents."""
    shutil.copytree(VENDOR, target / VENDOR_IN_SITE, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("vendored.toml", "webfonts"))
    for stylesheet in (target / VENDOR_IN_SITE).rglob("*.css"):
        _inline_fonts(stylesheet, VENDOR / stylesheet.relative_to(target / VENDOR_IN_SITE).parent)
    assets = vendored_assets()
    images = {p.name for p in (target / "static" / "images").glob("*")}
    for stylesheet in (target / "static" / "styles").glob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        stylesheet.write_text(_local_assets(text, assets, images, "../.."), encoding="utf-8")
    for page in target.rglob("*.html"):
        if page.relative_to(target).parts[0] == "static":
            continue
        up = os.path.relpath(target, page.parent)
        text = page.read_text(encoding="utf-8")
        text = _local_assets(text, assets, images, up)
        text = _named_hashes(text, names)
        parts = page.relative_to(target).parts
        if parts[0] == "validations" and len(parts) >= 4:  # validations/SUITE/RUN/TIME/PAGE.html
            text = _with_failures(text, failures.get((parts[2], parts[1]), []))
        page.write_text(text, encoding="utf-8")


def _inline_fonts(stylesheet: Path, source_folder: Path) -> None:
    """Web fonts inside the stylesheet as data: URLs. A browser refuses a font file next to a
    page opened from disk (fonts need CORS, which file:// lacks), and Data Docs are often
    opened that way; the woff2 copy is kept, the truetype fallback dropped."""
    def inline(match: re.Match) -> str:
        data = base64.b64encode((source_folder / match.group(1)).read_bytes()).decode("ascii")
        return f'url(data:font/woff2;base64,{data}) format("woff2")'

    text = stylesheet.read_text(encoding="utf-8")
    text = WOFF2.sub(inline, text)
    stylesheet.write_text(TRUETYPE_FALLBACK.sub("", text), encoding="utf-8")


def _local_assets(text: str, assets: Mapping[str, Path], images: set[str], up: str) -> str:
    """The text with each CDN or bucket URL replaced by the local copy, `up` being the path
    from the file's folder to the site's root."""
    for url, local in assets.items():
        text = text.replace(f'"{url}"', f'"{Path(up, VENDOR_IN_SITE, local).as_posix()}"')

    def image(match: re.Match) -> str:
        name = match.group(1) if match.group(1) in images else "logo-long.png"
        return Path(up, "static", "images", name).as_posix()

    text = LOGO_URL.sub(image, text)
    text = SITE_STATIC.sub(Path(up, "static").as_posix() + "/", text)
    return re.sub(r"<(script|link)\b[^>]*>", lambda m: INTEGRITY.sub("", m.group(0)), text)


def _named_hashes(text: str, names: Mapping[str, str]) -> str:
    """Each known document hash in the pages' text followed by its file name and title."""
    def in_text(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        return ">" + HASH.sub(lambda h: h.group(0) + (f" ({html.escape(names[h.group(0)])})"
                                                      if h.group(0) in names else ""), match.group(2)) + "<"

    return TEXT_OR_CODE.sub(in_text, text) if names else text


def _with_failures(text: str, failures: list[FailedDocument]) -> str:
    """The page with a table of the documents that failed the suite's checks in its run."""
    if not failures:
        return text
    rows = "".join(
        f"<tr><td>{html.escape(f.check)}</td><td>{html.escape(f.severity)}</td>"
        f"<td>{html.escape(f.name or '(not named)')}</td><td><code>{f.document_id[:12]}</code></td>"
        f"<td>{html.escape(f.observed)}</td></tr>" for f in failures)
    block = ('<div class="ge-section container-fluid mb-3" id="failing-documents"><h4>Documents that failed '
             'a check</h4><table class="table table-sm"><thead><tr><th>check</th><th>severity</th>'
             '<th>file · title</th><th>sha256</th><th>observed</th></tr></thead><tbody>'
             f"{rows}</tbody></table></div>")
    anchor = '<div id="section-1"'
    return text.replace(anchor, block + anchor, 1) if anchor in text else text
