"""Report files come in batches; each batch is one dynamic partition and usually one run.

A batch's key is `<UTC time>-<hash of its file list>` (sortable, unique), and its manifest,
the files with their content hashes, is a JSON file under the shared folder's batches/ (the
same path on every host). A file that could not be listed or hashed is in the manifest with
its reason instead of a hash: the run records it as failed and loads the rest. Per-file
partitions were tried first: Dagster stores a planned and a materialization event per asset
and partition, which for 1,000 files took three of a run's five minutes."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg

PARTITIONS_NAME = "report_batches"

report_batches = dg.DynamicPartitionsDefinition(name=PARTITIONS_NAME)


@dataclass(frozen=True)
class BatchFile:
    """A listed file: its path (printable, see inbox.printable_path) and content hash, or the
    reason it could not be hashed."""

    path: str
    sha256: str | None
    error: str | None = None


def manifest_path(shared: str | Path, key: str) -> Path:
    return Path(shared) / "batches" / f"{key}.json"


def write_batch(shared: str | Path, files: list[BatchFile], origin: str) -> str:
    """Write a new batch's manifest; return its partition key (the caller registers it)."""
    listing = json.dumps([asdict(f) for f in files], ensure_ascii=False)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    key = f"{stamp}-{hashlib.sha256(listing.encode()).hexdigest()[:8]}"
    target = manifest_path(shared, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"origin": origin, "files": json.loads(listing)}, ensure_ascii=False),
                      encoding="utf-8")
    return key


def batch_files(shared: str | Path, key: str) -> list[BatchFile]:
    """The files of a registered batch; a missing manifest is an error naming the key."""
    target = manifest_path(shared, key)
    if not target.exists():
        raise FileNotFoundError(f"batch {key}: its manifest {target} is missing")
    return [BatchFile(**f) for f in json.loads(target.read_text(encoding="utf-8"))["files"]]
