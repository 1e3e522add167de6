"""Reading event tables: the 10,194-row ACLED Asia 2015 export of ``../shared/realdata``.

Prints, for :func:`geo.io.tables.read_events` on each real table found there, the rows read
and skipped, the median wall time and the median CPU time of the process (steadier on a
shared machine), and rows/s for both. Skipped (with a message) when ``../shared/realdata``
is absent: those files are not part of the repository.
"""

from __future__ import annotations

import statistics
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


if __name__ == "__main__":
    main()
