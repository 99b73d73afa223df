"""Building small warehouses for the analyst tests, loaded as an ingestion loads them (the real
extraction and the real loader). The sample warehouse itself is built by `govreport ingest`
(tests/analyst_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

from transforms.pipeline import read_document
from transforms.tables import batch_frames, indicators_frame
from warehouse import connect, ensure_schema, load_batch, refresh_regions, replace_indicators

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


def build_warehouse(path: Path, files: list[Path]) -> Path:
    """A warehouse at `path` holding `files`, loaded as an ingestion loads them."""
    con = connect(path)
    try:
        ensure_schema(con)
        refresh_regions(con)
        replace_indicators(con, indicators_frame())
        load_batch(con, batch_frames([read_document(f) for f in files]), run_id="analyst-tests")
    finally:
        con.close()
    return path
