"""Reading event tables: the 10,194-row ACLED Asia 2015 export of ``../shared/realdata``.

Prints, for :func:`geo.io.tables.read_events` on each real table found there, the rows read
and skipped, the median wall time and the median CPU time of the process (steadier on a
shared machine), and rows/s for both. Then the peak memory (VmHWM) of a fresh process that
reads a large table made of that export's rows repeated (``GEO_BENCH_TABLE_COPIES`` times,
default 12: ~120,000 rows, ~50 MB) whole (:func:`~geo.io.tables.read_events`) and a chunk at
a time (:func:`~geo.io.tables.iter_events`, as ``geo events`` reads it). Skipped (with a
message) when ``../shared/realdata`` is absent: those files are not part of the repository.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from geo.io.documents import Problem
from geo.io.tables import read_events

REPO = Path(__file__).resolve().parent.parent
EVENTS = REPO.parent / "shared" / "realdata" / "events"
MAIN_TABLE = "katehara-acled-asia-2015.csv"
REPEAT = 5


def _read(path: Path) -> tuple[int, int]:
    problems: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = read_events(path, problems=problems)
    return len(frame), sum(1 for p in problems if p.level == "error")


def _times(path: Path) -> tuple[float, float]:
    """Median wall and CPU seconds of reading ``path``."""
    wall, cpu = [], []
    for _ in range(REPEAT):
        start, start_cpu = time.perf_counter(), time.process_time()
        _read(path)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    if not EVENTS.is_dir():
        print(f"skipped: {EVENTS} is absent (the real tables are not in the repository)")
        return
    _read(EVENTS / MAIN_TABLE)  # one-time loads (pandas, country names), as in any session
    for path in sorted(EVENTS.glob("*.csv"), key=lambda p: p.name != MAIN_TABLE):
        rows, skipped = _read(path)
        wall, cpu = _times(path)
        print(
            f"{path.name}: {rows:,} events read, {skipped:,} rows skipped; "
            f"{wall:.3f} s wall -> {rows / wall:,.0f} rows/s; {cpu:.3f} s CPU -> "
            f"{rows / cpu:,.0f} rows/s (medians of {REPEAT})"
        )
    memory()


_PEAK = """
import resource, sys, time, warnings
from geo.io.tables import iter_events, read_events
warnings.simplefilter("ignore")
start = time.process_time()
if sys.argv[2] == "whole":
    rows = len(read_events(sys.argv[1], problems=[]))
else:
    rows = sum(len(f) for f in iter_events(sys.argv[1], problems=[]))
cpu = time.process_time() - start
print(rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, round(cpu, 2))
"""


def _peak(path: Path, how: str) -> tuple[int, int, float]:
    """Rows, peak RSS (MB) and CPU seconds of reading ``path`` in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path), how],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout.split()
    return int(out[0]), int(out[1]), float(out[2])


def memory() -> None:
    copies = int(os.environ.get("GEO_BENCH_TABLE_COPIES", "12"))
    lines = (EVENTS / MAIN_TABLE).read_text(encoding="utf-8").splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.csv"
        with big.open("w", encoding="utf-8") as fh:
            fh.write(lines[0])
            for _ in range(copies):
                fh.writelines(lines[1:])
        size = big.stat().st_size / 1e6
        for how in ("whole", "chunks"):
            rows, rss, cpu = _peak(big, how)
            print(
                f"{MAIN_TABLE} x{copies} ({size:.0f} MB): {rows:,} rows read {how}: "
                f"peak RSS {rss:,} MB, {cpu:.1f} s CPU"
            )


if __name__ == "__main__":
    main()
