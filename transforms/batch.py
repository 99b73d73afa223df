"""Parsing many files: every file ends as a Document or as a Failure with a reason, and
large batches use every core (worker processes each load jieba and the gazetteer once)."""
from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from transforms.model import Document
from transforms.pipeline import UnreadableDocument, build_document, content_hash, read_file

PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves
CHUNK = 8


@dataclass(frozen=True)
class Failure:
    source_path: str
    sha256: str | None
    format: str | None
    error: str


def parse_file(path: str) -> Document | Failure:
    try:
        data = read_file(path)
    except UnreadableDocument as error:
        return Failure(path, None, None, str(error))
    suffix = Path(path).suffix.lstrip(".").lower() or None
    try:
        return build_document(data, path)
    except UnreadableDocument as error:
        return Failure(path, content_hash(data), suffix, str(error))
    except Exception as error:  # a bug must cost one file, not the batch
        return Failure(path, content_hash(data), suffix,
                       f"internal error while reading ({type(error).__name__}: {error})")


def parse_files(paths: list[str], workers: int | None = None,
                on_done: Callable[[int], None] | None = None) -> tuple[list[Document], list[Failure]]:
    """Documents and failures, each in the order of `paths`."""
    workers = workers or os.cpu_count() or 1
    serial = workers == 1 or len(paths) < PARALLEL_FROM
    results: list[Document | Failure] = []
    with nullcontext() if serial else ProcessPoolExecutor(max_workers=workers) as pool:
        for result in (map(parse_file, paths) if serial
                       else pool.map(parse_file, paths, chunksize=CHUNK)):
            results.append(result)
            if on_done:
                on_done(1)
    documents = [r for r in results if isinstance(r, Document)]
    failures = [r for r in results if isinstance(r, Failure)]
    return documents, failures
