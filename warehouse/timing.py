"""CPU and wall seconds of an operation's named phases (the load's, shown in its step's
metadata and in the ingest benchmark). CPU is this process's, all threads (DuckDB's included)."""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timings:
    cpu: dict[str, float] = field(default_factory=dict)
    wall: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            yield
        finally:
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall

    def metadata(self, prefix: str) -> dict[str, float]:
        """`<prefix>cpu_<phase>` and `<prefix>seconds_<phase>`, rounded to the millisecond."""
        return {**{f"{prefix}cpu_{name}": round(s, 3) for name, s in self.cpu.items()},
                **{f"{prefix}seconds_{name}": round(s, 3) for name, s in self.wall.items()}}


def timed(timings: Timings | None, name: str):
    """timings(name), or nothing when there are no timings to keep."""
    return timings(name) if timings is not None else _nothing()


@contextmanager
def _nothing() -> Iterator[None]:
    yield
