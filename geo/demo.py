"""``make demo``: the main job on the embedded sample data.

Reads the sample articles of ``data/samples`` (French and English reports of the October
2020 fighting in Nagorno-Karabakh, written for this project), finds and geocodes their place
names offline, turns them into dated, typed events, joins them to regions, measures their
distance to the front line of the day, prints the events, and writes an offline HTML map.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["run", "sample_events"]


def _missing(value: Any) -> bool:
    """None, NaN, NaT and pandas' NA (whose truth value is an error)."""
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _cell(value: Any, width: int) -> str:
    text = "" if _missing(value) else str(value)
    return text[:width].ljust(width)


def sample_events(problems: list[Any] | None = None) -> gpd.GeoDataFrame:
    """Events of the sample articles in ``data/samples``, with regions and front distance."""
    from geo.io.files import data_dir
    from geo.pipeline import build_events

    samples = data_dir() / "samples"
    with contextlib.suppress(ValueError):  # name sources as data/samples/..., not /home/...
        samples = samples.relative_to(Path.cwd())
    return build_events(samples, problems=problems)


def run(path: str | Path | None = None) -> int:
    """Run the demo pipeline, print the events and write the map; return the exit status."""
    from geo.mapping import demo_map

    start = time.perf_counter()
    problems: list[Any] = []
    events = sample_events(problems)
    target = demo_map(path, events=events)
    elapsed = time.perf_counter() - start

    incidents = events[events["event_type"] != "Mention"].sort_values("event_date")
    columns = (
        ("event_date", "date", 10), ("location", "place", 14), ("event_type", "type", 26),
        ("fatalities", "killed", 6), ("injured", "hurt", 4), ("admin1", "admin-1", 10),
        ("distance_to_front_km", "km to front", 11),
    )  # fmt: skip
    print("  ".join(_cell(label, w) for _, label, w in columns).rstrip())
    for row in incidents.itertuples():
        cells = []
        for name, _, width in columns:
            value = getattr(row, name, None)
            if name == "event_date" and not _missing(value):
                value = str(value)[:10]
            elif name == "distance_to_front_km" and not _missing(value):
                value = f"{value:.1f}"
            cells.append(_cell(value, width))
        print("  ".join(cells).rstrip())
    places = events.drop_duplicates("gazetteer_id")
    print(
        f"\n{len(events)} place mentions in {events['source'].nunique()} articles, "
        f"{len(places)} distinct places, {len(incidents)} incidents; {elapsed:.1f} s"
    )
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"map written: {target}\nopen it in a browser: {target.resolve().as_uri()}")
    return 0


if __name__ == "__main__":
    sys.exit(run())
