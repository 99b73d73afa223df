"""The local profile's pool of worker processes (orchestration.chunks.LocalWorkers)."""
from __future__ import annotations

import os

import pytest

from orchestration import chunks


def _pid_part(paths: list[str], folder: str, name: str) -> chunks.PartResult:
    """Stands for process_part in the workers: which process took the part."""
    return chunks.PartResult(files=len(paths), folders=[str(os.getpid())])


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pool runs on two cores or more")
def test_the_workers_are_replaced_every_few_chunks(tmp_path, monkeypatch):
    """A worker's private pages grow with every chunk it takes: after WORKER_CHUNKS chunks the
    pool's processes are new forks of the parent."""
    monkeypatch.setattr(chunks, "process_part", _pid_part)
    monkeypatch.setattr(chunks, "finish_warm_up", lambda: None)
    paths = []
    for index in range(4):
        (tmp_path / f"{index}.txt").write_text("x" * (index + 1))
        paths.append(str(tmp_path / f"{index}.txt"))
    workers = chunks.LocalWorkers(2)
    try:
        taken = [set(workers.run(chunks.Chunk(f"c{i}", tuple(paths), str(tmp_path))).folders)
                 for i in range(2 * chunks.WORKER_CHUNKS + 1)]
    finally:
        workers.close()
    windows = [set().union(*taken[start:start + chunks.WORKER_CHUNKS])
               for start in range(0, len(taken), chunks.WORKER_CHUNKS)]
    assert all(len(window) <= 2 for window in windows)
    assert windows[0].isdisjoint(windows[1]) and windows[1].isdisjoint(windows[2])
    assert str(os.getpid()) not in set().union(*windows)
