"""Map benchmark (issues 5 and 13): geo's event map against a plain folium map; real fronts.

For 1k, 10k and 100k synthetic events (unique sentences, realistic columns), prints the HTML
size, the build time (``map_events`` + save) and the time until the map is shown in headless
Chromium with every http(s) request blocked, for both maps, and their ratios. Both pages are
offline (scripts inlined) so that they load without a network. Targets: 100k events at most
15 MB and shown within 5 s.

"Shown" is: geo's map has drawn its first view (``window.geoMapReady``); folium's map shows
its first cluster or marker icon. folium maps that take longer than :data:`BROWSER_TIMEOUT_S`
are reported as "> timeout". ``GEO_BENCH_QUICK=1`` skips the folium baseline at 100k events
(about a minute to build and a 90 MB page).

The front case (issue 13): 20,000 synthetic events near the 28 weekly fronts derived from
``../shared/realdata/control/ukraine-occupied-weekly-2022-23.geojson`` (skipped when that
folder is absent). Its build is ``distance_to_front`` + ``write_map`` (offline, default
admin-1 boundaries), the stage of ``geo map`` after reading; each run is a fresh process (no
warm cache), and the median of :data:`FRONT_REPEAT` runs is reported with the median time
to the first render in Chromium. ``python -m bench.bench_map fronts`` runs that case alone.
"""

from __future__ import annotations

import html
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

SIZES = (1_000, 10_000, 100_000)
FRONT_EVENTS = 20_000
FRONT_REPEAT = 3
REPO = Path(__file__).resolve().parent.parent
#: ``../shared`` beside the repository (``$GEO_SHARED_DIR`` overrides it, e.g. in a worktree).
SHARED = Path(os.environ.get("GEO_SHARED_DIR") or REPO.parent / "shared")
WEEKLY = SHARED / "realdata" / "control" / "ukraine-occupied-weekly-2022-23.geojson"
BROWSER_TIMEOUT_S = 90.0
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Places of the 2020 war (lat, lon), for realistic clustering.
_TOWNS = [
    ("Aghdam", 39.99096, 46.92736),
    ("Tartar", 40.3418, 46.9297),
    ("Fuzuli", 39.60094, 47.14529),
    ("Horadiz", 39.44877, 47.33531),
    ("Khojavend", 39.79496, 47.1117),
    ("Khankendi", 39.8177, 46.7528),
    ("Shusha", 39.75833, 46.74833),
    ("Hadrut", 39.52, 47.032),
    ("Jabrayil", 39.3999, 47.0245),
    ("Ganja", 40.6828, 46.3606),
    ("Barda", 40.3744, 47.1266),
    ("Goranboy", 40.6102, 46.7897),
    ("Lachin", 39.6383, 46.5461),
    ("Kalbajar", 40.1098, 46.0389),
    ("Zangilan", 39.0857, 46.6525),
]
_TYPES = [
    ("Battles", 0.45),
    ("Explosions/Remote violence", 0.40),
    ("Violence against civilians", 0.06),
    ("Strategic developments", 0.07),
    ("Protests", 0.02),
]
_VERBS = [
    "Shelling hit",
    "Clashes were reported near",
    "A drone strike targeted",
    "Artillery fire struck",
]


def synthetic_events(n: int, *, seed: int = 2020) -> Any:
    """Return ``n`` synthetic events (GeoDataFrame, EPSG:4326) with every map column."""
    import geopandas as gpd

    rng = np.random.default_rng(seed)
    town = rng.integers(0, len(_TOWNS), n)
    lat = np.array([_TOWNS[t][1] for t in town]) + rng.normal(0, 0.05, n)
    lon = np.array([_TOWNS[t][2] for t in town]) + rng.normal(0, 0.05, n)
    names = [_TOWNS[t][0] for t in town]
    types = rng.choice([t for t, _ in _TYPES], n, p=[p for _, p in _TYPES])
    days = pd.Timestamp("2020-09-27") + pd.to_timedelta(rng.integers(0, 45, n), unit="D")
    fatalities = rng.poisson(1.2, n) * (rng.random(n) < 0.6)
    verbs = rng.choice(_VERBS, n)
    notes = [
        f"{verb} {name} on {day:%d %B}, killing {fat} and wounding {k % 13}, "
        f"local officials told reporters (report {k})."
        for k, (verb, name, day, fat) in enumerate(zip(verbs, names, days, fatalities, strict=True))
    ]
    return gpd.GeoDataFrame(
        {
            "event_id": [f"SYN{k}" for k in range(n)],
            "event_date": days.strftime("%Y-%m-%d"),
            "time_precision": 1,
            "event_type": types,
            "location": names,
            "mention": names,
            "fatalities": fatalities,
            "injured": rng.integers(0, 13, n),
            "notes": notes,
            "source": rng.choice(["AFP", "Reuters", "AP", "Le Monde", "BBC"], n),
            "country": "Azerbaijan",
            "admin1": names,
            "geo_precision": 1,
            "distance_to_front_km": np.round(rng.uniform(0, 60, n), 1),
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )


def _folium_map(events: Any, path: Path) -> None:
    """The plain folium way: one MarkerCluster with one Python-built marker per event."""
    import folium
    from folium.plugins import MarkerCluster

    from geo.mapping import inline_assets

    m = folium.Map(tiles=None, control_scale=True)
    m.options["max_zoom"] = 18  # no tile layer sets it; MarkerCluster needs it
    cluster = MarkerCluster().add_to(m)
    for row in events.itertuples(index=False):
        text = f"{row.location} {row.event_date} {row.event_type}: {row.notes}"
        folium.Marker(
            [row.geometry.y, row.geometry.x],
            popup=folium.Popup(html.escape(text), max_width=300),
        ).add_to(cluster)
    x0, y0, x1, y1 = events.total_bounds
    m.fit_bounds([[y0, x0], [y1, x1]])
    inline_assets(m)
    m.save(str(path))


def _geo_map(events: Any, path: Path) -> None:
    from geo.mapping import write_map

    write_map(events, path)


def _timed(fn: Callable[[Any, Path], None], events: Any, path: Path) -> float:
    start = time.perf_counter()
    fn(events, path)
    return time.perf_counter() - start


def _shown_seconds(browser: Any, path: Path, ready: str, *, repeat: int) -> float | None:
    times = []
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.route("http*://**", lambda route: route.abort())
        start = time.perf_counter()
        try:
            page.goto(path.as_uri(), timeout=BROWSER_TIMEOUT_S * 1000)
            page.wait_for_function(ready, timeout=BROWSER_TIMEOUT_S * 1000, polling=50)
        except Exception:  # a time-out: the page never showed
            page.close()
            return None
        times.append(time.perf_counter() - start)
        page.close()
    return statistics.median(times)


def _fmt_s(value: float | None) -> str:
    return f"> {BROWSER_TIMEOUT_S:.0f} s" if value is None else f"{value:.2f} s"


def _ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None:
        return "n/a" if ours is None else f"< 1/{BROWSER_TIMEOUT_S / ours:.0f}"
    return f"{ours / theirs:.3f}"


def front_events(fronts: Any, n: int, *, seed: int = 2022) -> Any:
    """``n`` synthetic events near dated fronts, each dated in its front's week."""
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(seed)
    which = rng.integers(0, len(fronts), n)
    coords = [shapely.get_coordinates(g) for g in fronts.geometry]
    at = np.array([coords[w][rng.integers(len(coords[w]))] for w in which])
    lon = at[:, 0] + rng.normal(0, 0.15, n)
    lat = at[:, 1] + rng.normal(0, 0.10, n)
    start = pd.to_datetime(fronts["valid_from"].to_numpy()[which])
    days = start + pd.to_timedelta(rng.integers(0, 7, n), unit="D")
    types = rng.choice([t for t, _ in _TYPES], n, p=[p for _, p in _TYPES])
    actors = rng.choice(
        ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"], n
    )
    return gpd.GeoDataFrame(
        {
            "event_id": [f"UKR{k}" for k in range(n)],
            "event_date": days.strftime("%Y-%m-%d"),
            "event_type": types,
            "actor1": actors,
            "location": [f"Place {k % 500}" for k in range(n)],
            "fatalities": rng.poisson(1.0, n) * (rng.random(n) < 0.5),
            "notes": [f"Shelling reported near place {k % 500} (report {k})." for k in range(n)],
            "source": rng.choice(["AFP", "Reuters", "Ukrinform"], n),
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )


def _front_build(fronts_file: Path, out: Path) -> tuple[float, float]:
    """One build of the front case in this process: wall and CPU seconds.

    CPU time is given too: on a shared machine, wall time also measures the neighbours.
    """
    import warnings

    import geopandas as gpd

    from geo.frontline import distance_to_front
    from geo.mapping import write_map

    fronts = gpd.read_parquet(fronts_file)
    events = front_events(fronts, FRONT_EVENTS)
    start, cpu = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        measured = distance_to_front(events, front=fronts)
        write_map(measured, out, front=fronts)
    return time.perf_counter() - start, time.process_time() - cpu


def bench_fronts(browser: Any, tmp: Path) -> None:
    """Build and first render of the front case (fresh processes); prints one line."""
    import subprocess
    import sys
    import warnings

    if not WEEKLY.exists():
        print(f"fronts: skipped ({WEEKLY} is absent)")
        return
    from geo.frontline import derive_front_lines

    fronts_file = tmp / "fronts.parquet"
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        derive_front_lines(WEEKLY).to_parquet(fronts_file)
    derive = time.perf_counter() - start
    out = tmp / "fronts.html"
    code = (
        "import sys; from pathlib import Path; from bench.bench_map import _front_build; "
        "print(_front_build(Path(sys.argv[1]), Path(sys.argv[2])))"
    )
    builds, cpus = [], []
    for _ in range(int(os.environ.get("GEO_BENCH_REPEAT") or FRONT_REPEAT)):
        done = subprocess.run(
            [sys.executable, "-c", code, str(fronts_file), str(out)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        wall, cpu = done.stdout.strip().splitlines()[-1].strip("()").split(",")
        builds.append(float(wall))
        cpus.append(float(cpu))
    shown = _shown_seconds(browser, out, "window.geoMapReady === true", repeat=3)
    size = out.stat().st_size / 1e6
    build = statistics.median(builds)
    print(
        f"fronts: {FRONT_EVENTS:,} events, 28 weekly fronts: build {build:.2f} s "
        f"(runs {', '.join(f'{b:.1f}' for b in builds)}; CPU {statistics.median(cpus):.2f} s), "
        f"HTML {size:.2f} MB, "
        f"shown {_fmt_s(shown)} (fronts derived once in {derive:.1f} s, not counted)"
    )


def main() -> None:
    import sys

    from playwright.sync_api import sync_playwright

    if sys.argv[1:2] == ["fronts"] or os.environ.get("GEO_BENCH_ONLY") == "fronts":
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            bench_fronts(browser, Path(tmp))
            browser.close()
        return

    from geo.mapping import assets

    missing = assets.check_assets()
    if missing or not Path(CHROMIUM).exists():
        print(
            f"skipped: needs {CHROMIUM} and the offline assets (python -m geo.mapping.assets fetch)"
        )
        return
    folium_100k = os.environ.get("GEO_BENCH_QUICK") != "1"
    header = (
        f"{'events':>7}  {'map':<7} {'HTML MB':>8} {'build s':>8} {'shown':>9}   "
        f"{'size ratio':>10} {'build ratio':>11} {'shown ratio':>11}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for n in SIZES:
            events = synthetic_events(n)
            ours_path = Path(tmp) / f"geo-{n}.html"
            repeat = 3 if n <= 10_000 else 1
            build = statistics.median(_timed(_geo_map, events, ours_path) for _ in range(repeat))
            size = ours_path.stat().st_size / 1e6
            shown = _shown_seconds(browser, ours_path, "window.geoMapReady === true", repeat=3)
            if n == 100_000 and not folium_100k:
                print(
                    f"{n:>7}  {'geo':<7} {size:>8.2f} {build:>8.2f} {_fmt_s(shown):>9}   "
                    "(folium baseline skipped: GEO_BENCH_QUICK=1)"
                )
                continue
            base_path = Path(tmp) / f"folium-{n}.html"
            fbuild = _timed(_folium_map, events, base_path)
            fsize = base_path.stat().st_size / 1e6
            fshown = _shown_seconds(
                browser,
                base_path,
                "document.querySelector('.marker-cluster, .leaflet-marker-icon') !== null",
                repeat=1 if n > 1_000 else 3,
            )
            print(
                f"{n:>7}  {'geo':<7} {size:>8.2f} {build:>8.2f} {_fmt_s(shown):>9}   "
                f"{size / fsize:>10.3f} {build / fbuild:>11.3f} {_ratio(shown, fshown):>11}"
            )
            print(f"{'':>7}  {'folium':<7} {fsize:>8.2f} {fbuild:>8.2f} {_fmt_s(fshown):>9}")
        bench_fronts(browser, Path(tmp))
        browser.close()
    print("targets: 100k events <= 15 MB and shown <= 5 s; fronts case built < 15 s (geo map)")


if __name__ == "__main__":
    main()
