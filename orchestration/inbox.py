"""Report files with their content hashes, hashing only what changed since the last look."""
from __future__ import annotations

import os
from pathlib import Path

from orchestration.partitions import BatchFile
from transforms.pipeline import content_hash

# path -> [mtime_ns:size, sha256]: what a file was when last hashed
FileMemo = dict[str, list[str]]


def file_signature(path: str | Path) -> str:
    stat = os.stat(path)
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def hash_files(files: list[str], memo: FileMemo | None = None) -> tuple[list[BatchFile], FileMemo]:
    """Each file with its sha256 (in the order given) and the updated memo; a file whose
    size and modification time are as memorised is not read again."""
    memo = memo or {}
    updated: FileMemo = {}
    hashed = []
    for file in files:
        signature = file_signature(file)
        remembered = memo.get(file)
        sha256 = remembered[1] if remembered and remembered[0] == signature else content_hash(Path(file).read_bytes())
        updated[file] = [signature, sha256]
        hashed.append(BatchFile(file, sha256))
    return hashed, updated
