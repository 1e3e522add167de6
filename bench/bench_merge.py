"""Merging across articles: ``merge_events`` and ``link_events`` on 100,000 event rows.

Three synthetic frames of 100,000 rows each (seeded, so every run merges the same rows):

- ``spread``: incidents at 400 towns over two years, each told by 1 to 5 articles (dates a
  day off, a quarter dated only by the article);
- ``dense``: the same at 20 towns over one year (about 14 rows per town and day, so many
  candidate pairs);
- ``table``: 100,000 rows of an event table (never merged with each other).

Prints the median wall and processor time of ``merge_events`` (and of ``link_events`` on
``spread``) and the events made; then the time of ``spread`` frames of 25,000 and 50,000
rows: time that grows about as the rows do (not as their square) shows that no loop goes
over all pairs.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from bench._timing import median_seconds
from geo.events.merge import link_events, merge_events
from geo.schema import events_to_frame

N_ROWS = 100_000
REPEAT = 3
TYPES = (
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Protests", "Peaceful protest"),
)


def synthetic(n: int, *, towns: int, days: int, table: bool = False, seed: int = 0) -> pd.DataFrame:
    """``n`` event rows: incidents at ``towns`` places over ``days`` days, each told by 1 to
    5 documents (of 40,000), as geo.extract_events gives them (or an event table's rows)."""
    rng = np.random.default_rng(seed)
    places = rng.uniform([44.0, 30.0], [52.0, 40.0], size=(towns, 2))
    start = pd.Timestamp("2023-01-01")
    rows: list[dict[str, object]] = []
    k = 0
    while len(rows) < n:
        town = int(rng.integers(0, towns))
        day = start + pd.Timedelta(days=int(rng.integers(0, days)))
        etype, subtype = TYPES[int(rng.integers(0, len(TYPES)))]
        for s in range(int(rng.integers(1, 6))):
            lat, lon = places[town] + rng.normal(0.0, 0.01, 2)
            rows.append(
                {
                    "event_id": f"r{k}-{s}",
                    "event_date": day + pd.Timedelta(days=int(rng.integers(0, 2))),
                    "time_precision": int(rng.choice([1, 1, 1, 2])),
                    "event_type": etype,
                    "sub_event_type": subtype,
                    "latitude": lat,
                    "longitude": lon,
                    "geo_precision": 1,
                    "fatalities": int(rng.integers(0, 50)),
                    "source": "ACLED" if table else f"doc{int(rng.integers(0, 40_000))}.txt",
                    "gazetteer_id": f"gn:{town}",
                    "char_start": None if table else 0,
                }
            )
        k += 1
    return events_to_frame(rows[:n])


def cpu_seconds(fn: Callable[[], object], *, repeat: int = REPEAT) -> float:
    """Median processor time of ``fn``: on a machine other work keeps busy, wall time says
    more about the other work."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    for name, frame in (
        ("spread", synthetic(N_ROWS, towns=400, days=730)),
        ("dense", synthetic(N_ROWS, towns=20, days=365)),
        ("table", synthetic(N_ROWS, towns=400, days=730, table=True)),
    ):
        merged = merge_events(frame)
        seconds = median_seconds(lambda frame=frame: merge_events(frame), repeat=REPEAT)
        cpu = cpu_seconds(lambda frame=frame: merge_events(frame))
        print(
            f"merge_events {name:6s}: {len(frame):,} rows -> {len(merged):,} events in "
            f"{seconds:.2f} s wall, {cpu:.2f} s CPU (medians of {REPEAT})",
            flush=True,
        )
        if name == "spread":
            cpu = cpu_seconds(lambda frame=frame: link_events(frame))
            print(f"link_events  {name:6s}: {cpu:.2f} s CPU", flush=True)
    for n in (N_ROWS // 4, N_ROWS // 2):
        frame = synthetic(n, towns=400 * n // N_ROWS, days=730)
        cpu = cpu_seconds(lambda frame=frame: merge_events(frame))
        print(f"merge_events spread: {n:,} rows (same density): {cpu:.2f} s CPU", flush=True)
