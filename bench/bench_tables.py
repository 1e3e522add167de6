"""Reading event tables: the 10,194-row ACLED Asia 2015 export of ``../shared/realdata``.

Prints the median wall time of :func:`geo.io.tables.read_events` on the table (rows read,
rows/s) and the same for the other real tables found there. Skipped (with a message) when
``../shared/realdata`` is absent: those files are not part of the repository.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from bench._timing import median_seconds
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


def main() -> None:
    if not EVENTS.is_dir():
        print(f"skipped: {EVENTS} is absent (the real tables are not in the repository)")
        return
    _read(EVENTS / MAIN_TABLE)  # the gazetteer (country codes) loads once, as in any session
    for path in sorted(EVENTS.glob("*.csv"), key=lambda p: p.name != MAIN_TABLE):
        rows, skipped = _read(path)
        seconds = median_seconds(lambda path=path: _read(path), repeat=REPEAT)
        print(
            f"{path.name}: {rows:,} events read, {skipped:,} rows skipped in "
            f"{seconds:.3f} s (median of {REPEAT}) -> {rows / seconds:,.0f} rows/s"
        )


if __name__ == "__main__":
    main()
