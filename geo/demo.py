"""``make demo``: the main job on the embedded sample data.

Geocodes, offline, the place names as they are written in the French and English press
reports of the 1-2 October 2020 fighting in Nagorno-Karabakh, and prints what each resolved
to. Later stages (geoparsing, the map) extend this job.
"""

from __future__ import annotations

import sys
import time

from geopy.location import Location

from geo.geocode import OfflineGeocoder

__all__ = ["DEMO_NAMES", "run"]

#: Place names of the 2 October 2020 reports, spelled as the press wrote them.
DEMO_NAMES = (
    "Agdam", "Martouni", "Haut-Karabakh", "Gaziantep", "Alep", "Bakou", "Erevan",
    "Bruxelles", "Ankara", "Syrie", "Turquie", "Arménie", "Russie", "États-Unis", "France",
    "Stepanakert", "Choucha", "Gandja", "Hadrout", "Ağdam", "Martuni",
)  # fmt: skip


def run() -> int:
    """Geocode :data:`DEMO_NAMES` and print a table; return the exit status."""
    start = time.perf_counter()
    geocoder = OfflineGeocoder()
    rows: list[tuple[str, Location | None]] = []
    for name in DEMO_NAMES:
        loc = geocoder.geocode(name, language="fr")
        rows.append((name, loc if isinstance(loc, Location) else None))
    elapsed = time.perf_counter() - start
    width = max(len(n) for n in DEMO_NAMES)
    print(f"{'name as written':<{width}}  {'kind':<7}  {'lat':>9}  {'lon':>9}  resolved to")
    for name, loc in rows:
        if loc is None:
            print(f"{name:<{width}}  (not found)")
            continue
        raw = loc.raw
        print(
            f"{name:<{width}}  {raw['kind']:<7}  {loc.latitude:9.4f}  {loc.longitude:9.4f}  "
            f"{loc.address} [{raw['id']}]"
        )
    missing = sum(loc is None for _, loc in rows)
    print(f"\n{len(rows) - missing}/{len(rows)} names resolved offline in {elapsed:.2f} s")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(run())
