"""Report files as dynamic partitions: one partition per file content.

A key is `<label>@<first 12 hex digits of the file's sha256>`, the label being the path
relative to the inbox (absolute for files given outside it). New or changed content gets
a new key, appended after every existing one, so the keys registered together form one
contiguous range that a single run covers."""
from __future__ import annotations

import dagster as dg

PARTITIONS_NAME = "report_files"
SHA_DIGITS = 12

report_partitions = dg.DynamicPartitionsDefinition(name=PARTITIONS_NAME)


def partition_key(label: str, sha256: str) -> str:
    return f"{label}@{sha256[:SHA_DIGITS]}"


def split_partition_key(key: str) -> tuple[str, str]:
    """(label, sha256 prefix) of a key."""
    label, _, sha_prefix = key.rpartition("@")
    return label, sha_prefix


def range_tags(first_key: str, last_key: str) -> dict[str, str]:
    """Tags that make one run cover every partition from first_key to last_key."""
    from dagster._core.storage.tags import (
        ASSET_PARTITION_RANGE_END_TAG,
        ASSET_PARTITION_RANGE_START_TAG,
    )

    return {ASSET_PARTITION_RANGE_START_TAG: first_key, ASSET_PARTITION_RANGE_END_TAG: last_key}


def covering_range(registered: list[str], wanted: set[str]) -> tuple[str, str] | None:
    """The smallest range of registered keys containing every wanted key, or None."""
    positions = [i for i, key in enumerate(registered) if key in wanted]
    return (registered[positions[0]], registered[positions[-1]]) if positions else None
