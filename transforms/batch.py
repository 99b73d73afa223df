"""Parsing many files: every file ends as a Document or as a Failure with a reason, and
large batches use every core (worker processes each load jieba and the gazetteer once)."""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from transforms.model import Document, content_hash
from transforms.pipeline import UnreadableDocument, build_document, read_file

PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves
AHEAD = 400  # files handed to the workers before their results are taken


@dataclass(frozen=True)
class Failure:
    source_path: str
    sha256: str | None
    format: str | None
    error: str


def parse_file(path: str, seconds: dict[str, float] | None = None) -> Document | Failure:
    """The file's Document, or a Failure with the reason; `seconds` (if given) adds the time
    spent reading the file ("read") and building the document ("extract")."""
    started = time.perf_counter()
    try:
        data = read_file(path)
    except UnreadableDocument as error:
        return Failure(path, None, None, str(error))
    finally:
        read = time.perf_counter()
        if seconds is not None:
            seconds["read"] = seconds.get("read", 0.0) + read - started
    suffix = Path(path).suffix.lstrip(".").lower() or None
    try:
        return build_document(data, path)
    except UnreadableDocument as error:
        return Failure(path, content_hash(data), suffix, str(error))
    except Exception as error:  # a bug must cost one file, not the batch
        return Failure(path, content_hash(data), suffix,
                       f"internal error while reading ({type(error).__name__}: {error})")
    finally:
        if seconds is not None:
            seconds["extract"] = seconds.get("extract", 0.0) + time.perf_counter() - read


WARM_UP_TEXT = "安吉县民政局2025年上半年工作总结\n一、工作开展情况\n全县城乡低保对象1766人，发放救助资金136.5万元。\n"


def warm_up_parsing() -> None:
    """Build one small document, so that jieba's dictionary, the gazetteer and every rule are
    loaded in this process (a parent does this before forking workers that share them)."""
    build_document(WARM_UP_TEXT.encode("utf-8"), "warm-up.txt")


def iter_parsed(paths: Iterable[str], workers: int | None = None,
                on_done: Callable[[int], None] | None = None,
                on_workers_started: Callable[[], None] | None = None,
                ahead: int = AHEAD) -> Iterator[Document | Failure]:
    """Each file's Document or Failure, in the order of `paths`, as soon as it is ready;
    files are parsed in worker processes when there are enough of them.

    At most `ahead` files are in the workers' hands at a time: while the caller is busy
    with what it got, finished documents wait in memory, so the lead must be bounded.
    `on_workers_started` is called once the workers are forked: from then on the caller may
    start threads (forking while another thread imports can deadlock the child)."""
    paths = list(paths)
    workers = workers or os.cpu_count() or 1
    parallel = workers > 1 and len(paths) >= PARALLEL_FROM
    with ProcessPoolExecutor(max_workers=workers) if parallel else nullcontext() as pool:
        results = _parsed_ahead(pool, paths, ahead) if parallel else map(parse_file, paths)
        if on_workers_started:  # with fork, the first submit has started every worker
            on_workers_started()
        for result in results:
            if on_done:
                on_done(1)
            yield result


def _parsed_ahead(pool: ProcessPoolExecutor, paths: list[str], ahead: int) -> Iterator[Document | Failure]:
    """The pool's results in order, with the first `ahead` files submitted now (not at the
    first next()) and one more submitted as each result is taken."""
    queue = iter(paths)
    pending = deque(pool.submit(parse_file, path) for path in islice(queue, ahead))

    def results() -> Iterator[Document | Failure]:
        while pending:
            result = pending.popleft().result()
            for path in islice(queue, 1):
                pending.append(pool.submit(parse_file, path))
            yield result

    return results()


def parse_in_chunks(paths: list[str], chunk_size: int, workers: int | None = None,
                    on_done: Callable[[int], None] | None = None,
                    on_workers_started: Callable[[], None] | None = None
                    ) -> Iterator[tuple[list[Document], list[Failure]]]:
    """Documents and failures in chunks of `chunk_size` files (in the order of `paths`) from
    one pool of workers, so a caller can write each chunk away before the next is parsed."""
    results = iter_parsed(paths, workers, on_done, on_workers_started)
    while chunk := list(islice(results, chunk_size)):
        yield ([r for r in chunk if isinstance(r, Document)],
               [r for r in chunk if isinstance(r, Failure)])
