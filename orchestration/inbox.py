"""Report files as partition keys: hashing only what changed since the last look."""
from __future__ import annotations

import os
from pathlib import Path

from orchestration.partitions import partition_key
from orchestration.resources import ReportSources
from transforms.pipeline import content_hash

# label -> [mtime_ns:size, partition key]: what a file was when last hashed
FileMemo = dict[str, list[str]]


def file_signature(path: Path) -> str:
    stat = os.stat(path)
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def keys_of_files(sources: ReportSources, files: list[str], memo: FileMemo | None = None
                  ) -> tuple[list[str], FileMemo]:
    """The partition key of each file (in the order given) and the updated memo; a file
    whose size and modification time are as memorised is not read again."""
    memo = memo or {}
    updated: FileMemo = {}
    keys = []
    for file in files:
        label = sources.label_of(file)
        signature = file_signature(Path(file))
        remembered = memo.get(label)
        if remembered and remembered[0] == signature:
            key = remembered[1]
        else:
            key = partition_key(label, content_hash(Path(file).read_bytes()))
        updated[label] = [signature, key]
        keys.append(key)
    return keys, updated


def register_keys(instance, keys: list[str]) -> list[str]:
    """Add the keys not yet registered (in the given order); return every registered key."""
    from orchestration.partitions import PARTITIONS_NAME

    registered = instance.get_dynamic_partitions(PARTITIONS_NAME)
    known = set(registered)
    missing = list(dict.fromkeys(k for k in keys if k not in known))
    if missing:
        instance.add_dynamic_partitions(PARTITIONS_NAME, missing)
        registered = instance.get_dynamic_partitions(PARTITIONS_NAME)
    return registered
