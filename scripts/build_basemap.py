"""Derive the lakes of the offline base map, ``data/basemap/lakes.parquet``, from GSHHG.

Source: the low-resolution lakes (level 2, ``GSHHS_l_L2.shp``) of GSHHG 2.2 (Wessel and
Smith, LGPL-3.0) shipped in the Debian package ``python-cartopy-data``. Level 2 includes
river-lakes: wide rivers and their reservoirs drawn as polygons (the Dnipro from Kyiv to
the Kakhovka reservoir, the Volga, the Euphrates' lakes). No registry source checked
carries river centre lines in a form read here: ``r-cran-rnaturalearthdata`` holds
coastlines, countries and states only, and GSHHG's WDBII rivers come in GMT's binned
netCDF format only (``gmt-gshhg``).

Run from the repository root (needs ``apt-get`` and ``dpkg-deb``, or the unpacked file)::

    python scripts/build_basemap.py                 # fetches python-cartopy-data with apt-get
    python scripts/build_basemap.py --shp PATH      # GSHHS_l_L2.shp already unpacked

Writes ``data/basemap/lakes.parquet``: ``area_km2`` (geodesic), ``river_lake`` (GSHHG's
flag: a negative area in its table), ``geometry`` (EPSG:4326, repaired, simplified by
:data:`TOLERANCE_DEG`), for lakes of at least :data:`MIN_AREA_KM2`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from pyproj import Geod

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "basemap" / "lakes.parquet"
PACKAGE = "python-cartopy-data"
SHP_IN_PACKAGE = Path("usr/share/cartopy/data/shapefiles/gshhs/l/GSHHS_l_L2.shp")
#: Lakes smaller than this are left out (a map shows them as dots at best).
MIN_AREA_KM2 = 20.0
#: Simplification of the outlines (degrees; about 500 m).
TOLERANCE_DEG = 0.005
GEOD = Geod(ellps="WGS84")


def fetch_shapefile(workdir: Path) -> Path:
    """Download the Debian package and unpack the shapefile into ``workdir``."""
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    debs = sorted(workdir.glob(f"{PACKAGE}_*.deb"))
    if not debs:
        sys.exit(f"apt-get download {PACKAGE} wrote no .deb (run apt-get update first?)")
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(workdir / "deb")], check=True)
    return workdir / "deb" / SHP_IN_PACKAGE


def build(shp: Path) -> gpd.GeoDataFrame:
    """Repaired, simplified lakes of at least MIN_AREA_KM2, largest first."""
    # some rings of the low-resolution file are not closed: repaired on reading
    lakes = pyogrio.read_dataframe(shp, on_invalid="fix")
    lakes = lakes.set_crs("EPSG:4326", allow_override=True)
    geoms = shapely.make_valid(lakes.geometry.to_numpy())
    geoms = np.array(
        [
            shapely.union_all([p for p in shapely.get_parts(g) if p.geom_type == "Polygon"])
            for g in geoms
        ],
        dtype=object,
    )
    area = np.array([abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6 for g in geoms])
    keep = (area >= MIN_AREA_KM2) & ~shapely.is_empty(geoms)
    simple = shapely.simplify(geoms[keep], TOLERANCE_DEG, preserve_topology=True)
    out = gpd.GeoDataFrame(
        {
            "area_km2": np.round(area[keep], 1),
            "river_lake": (lakes["area"].to_numpy()[keep] < 0),
        },
        geometry=list(simple),
        crs="EPSG:4326",
    )
    return out.sort_values("area_km2", ascending=False).reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shp", type=Path, help="GSHHS_l_L2.shp, already unpacked")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shp = args.shp or fetch_shapefile(Path(tmp))
        lakes = build(shp)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lakes.to_parquet(OUT, compression="brotli")
    print(f"{OUT}: {len(lakes)} lakes, {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
