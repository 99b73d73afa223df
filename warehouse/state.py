"""What the warehouse already holds, so a run skips files that need nothing."""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb


@dataclass
class LoadedState:
    """For one extractor version: which path holds which loaded document, which documents
    are loaded, and which (path, sha256) ended failed or quarantined."""

    settled: dict[str, str] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    rejected: dict[str, set[str]] = field(default_factory=dict)

    def is_settled(self, path: str, sha256: str) -> bool:
        """The path already holds this content, extracted by this version."""
        return self.settled.get(path) == sha256

    def is_rejected(self, path: str, sha256: str) -> bool:
        """This content at this path failed or was quarantined."""
        return sha256 in self.rejected.get(path, ())

    def is_done(self, path: str, sha256: str) -> bool:
        """Nothing to do for this content at this path unless forced."""
        return self.is_settled(path, sha256) or self.is_rejected(path, sha256)


def loaded_state(con: duckdb.DuckDBPyConnection, extractor_version: str) -> LoadedState:
    documents = {d for (d,) in con.execute(
        "SELECT document_id FROM documents WHERE extractor_version = ?", [extractor_version]).fetchall()}
    settled = {path: doc for path, doc in con.execute(
        "SELECT source_path, document_id FROM current_sources").fetchall() if doc in documents}
    rejected: dict[str, set[str]] = {}
    for path, sha256 in con.execute(
            "SELECT source_path, sha256 FROM ingest_log"
            " WHERE status IN ('failed', 'quarantined') AND sha256 IS NOT NULL").fetchall():
        rejected.setdefault(path, set()).add(sha256)
    return LoadedState(settled, documents, rejected)
