"""A thousand generated files, about 4% broken in every way the generator knows, through the
Dagster job (whose workers run the batch parser): nothing crashes, every broken file is refused
with a reason naming its problem, every good file is read and loaded with its figures."""
import os
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from benchmarks.generate import generate
from benchmarks.templating import load_data

COUNT = 1000
BROKEN_SHARE = 0.04


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("bulk")
    return out, generate(out, count=COUNT, seed=2024, broken_share=BROKEN_SHARE)


def paths_of(out: Path, lines: list[dict], broken: bool) -> set[str]:
    return {str(out / line["file"]) for line in lines if bool(line["broken"]) == broken}


def test_corpus_breaks_files_in_every_way(corpus):
    _, lines = corpus
    kinds = Counter(line["broken"] for line in lines if line["broken"])
    assert set(kinds) == set(load_data("files.toml")["broken"])
    assert 0.03 * COUNT <= sum(kinds.values()) <= 0.05 * COUNT


def test_run_ingest_logs_failures_and_loads_every_good_file(corpus, tmp_path, monkeypatch):
    from orchestration.runner import run_ingest
    from govreport.settings import DEFAULTS

    for name, default in DEFAULTS.items():  # every path the project writes, alerts included
        monkeypatch.setenv(name, str(tmp_path / Path(default).name))
    (tmp_path / "inbox").mkdir()
    out, lines = corpus
    summary = run_ingest([str(out / "reports")])
    assert summary.success, summary.error
    with duckdb.connect(os.environ["GOVREPORT_WAREHOUSE"], read_only=True) as con:
        failed = dict(con.execute("SELECT source_path, error FROM ingest_log WHERE status = 'failed'").fetchall())
        loaded = {row[0] for row in con.execute("SELECT source_path FROM documents").fetchall()}
        without_metrics = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                                      " (SELECT 1 FROM metrics m WHERE m.document_id = d.document_id)").fetchall()[0][0]
    assert set(failed) == paths_of(out, lines, broken=True)
    expected_reason = {str(out / line["file"]): line["expected_failure"] for line in lines if line["broken"]}
    assert not {path: error for path, error in failed.items() if expected_reason[path] not in error}
    assert loaded == paths_of(out, lines, broken=False)
    assert without_metrics == 0
