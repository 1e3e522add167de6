"""Tests of geo.mapping: what the page carries, escaping, bad input, offline assets."""

from __future__ import annotations

import base64
import gzip
import html
import json
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import LineString, Point, Polygon, box, shape

from geo.errors import DataError, InputError, OutputError
from geo.mapping import (
    EventMap,
    assets,
    distance_band_polygons,
    inline_assets,
    map_events,
    save_map,
    write_map,
)

HOSTILE = [
    "<script>window.__pwned=1</script>",
    "</script><script>window.__pwned=2</script>",
    '<img src=x onerror="window.__pwned=3">',
    "`${window.__pwned=4}`",
    "line\u2028sep\u2029end",
    '"><svg onload=window.__pwned=5>',
    "<!-- comment -->",
]

NEEDS_ASSETS = pytest.mark.skipif(
    bool(assets.check_assets()),
    reason="offline assets not fetched (python -m geo.mapping.assets fetch)",
)

_DATA = re.compile(
    r'<script type="application/json" id="[^"]+_data"( data-encoding="gzip\+base64")?>'
    r"(.*?)</script>",
    re.S,
)


def payload_of(page: str) -> dict[str, Any]:
    """The data document embedded in a map page."""
    match = _DATA.search(page)
    assert match is not None, "no data element in the page"
    text = match.group(2)
    if match.group(1):
        text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def render(m: EventMap) -> str:
    page: str = m.get_root().render()
    return page


def column(payload: dict[str, Any], key: str) -> list[Any]:
    col = payload["cols"][key]
    if isinstance(col, list):
        return col
    return [None if c < 0 else col["values"][c] for c in col["codes"]]


def sample_events() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "event_id": ["AZE1", "AZE2", "AZE3"],
            "event_date": ["2020-10-01", "2020-10-02", "2020-10-04"],
            "event_type": ["Battles", "Explosions/Remote violence", "Shelling of sorts"],
            "sub_event_type": ["Armed clash", "Shelling/artillery/missile attack", None],
            "location": ["Aghdam", "Tartar", "Fuzuli"],
            "mention": ["Agdam", "Tartar", "Fizouli"],
            "fatalities": [3, None, 0],
            "injured": [None, 2, None],
            "notes": [
                "Heavy fighting near Agdam was reported.",
                "Shells fell on Tartar overnight.",
                None,
            ],
            "source": ["AFP", "https://example.org/story", None],
            "country": ["Azerbaijan"] * 3,
            "admin1": ["Ağdam", "Tərtər", "Füzuli"],
            "distance_to_front_km": [18.34, 4.71, None],
        },
        geometry=[Point(46.92736, 39.99096), Point(46.9297, 40.3418), Point(47.14529, 39.60094)],
        crs="EPSG:4326",
    )


def test_events_are_embedded_column_wise() -> None:
    m = map_events(sample_events(), front=None, boundaries=None)
    p = payload_of(render(m))
    assert p["n"] == 3
    assert p["lat"] == pytest.approx([39.99096, 40.3418, 39.60094], abs=1e-5)
    assert p["lon"] == pytest.approx([46.92736, 46.9297, 47.14529], abs=1e-5)
    # days since 1970-01-01: 2020-10-01 is day 18536
    assert p["dayMin"] == 18536 and p["dayMax"] == 18539 and p["ndays"] == 4
    assert p["day"] == [0, 1, 3]
    assert [t["name"] for t in p["types"]] == [
        "Battles",
        "Explosions/Remote violence",
        "Shelling of sorts",
    ]
    assert p["types"][0]["color"] == "#D55E00"
    assert column(p, "place") == ["Aghdam", "Tartar", "Fuzuli"]
    assert column(p, "fat") == [3, None, 0]
    assert column(p, "inj") == [None, 2, None]
    assert column(p, "dist") == [18.3, 4.7, None]
    assert column(p, "notes")[2] is None
    assert m.summary is not None
    assert (m.summary.n_input, m.summary.n_mapped, m.summary.n_missing_coordinates) == (3, 3, 0)


def test_any_column_may_be_missing() -> None:
    frame = gpd.GeoDataFrame(geometry=[Point(44.5, 40.2), Point(44.6, 40.1)], crs="EPSG:4326")
    m = map_events(frame, front=None, boundaries=None)
    p = payload_of(render(m))
    assert p["n"] == 2 and p["types"] == [] and p["cols"] == {} and p["ndays"] == 0


def test_plain_dataframe_and_other_crs() -> None:
    table = pd.DataFrame({"latitude": ["40.1792", "bad"], "longitude": [44.4991, 44.5]})
    p = payload_of(render(map_events(table, front=None, boundaries=None)))
    assert p["n"] == 1 and p["lat"] == [40.1792]
    utm = sample_events().to_crs("EPSG:32638")
    p = payload_of(render(map_events(utm, front=None, boundaries=None)))
    assert p["lat"][0] == pytest.approx(39.99096, abs=1e-5)
    assert p["lon"][0] == pytest.approx(46.92736, abs=1e-5)


def test_events_without_coordinates_are_counted_and_listed() -> None:
    frame = sample_events()
    frame.loc[1, "geometry"] = None
    frame["latitude"] = [np.nan, np.nan, 95.0]
    frame["longitude"] = [np.nan, np.nan, 47.0]
    frame = frame.set_geometry([Point(46.92736, 39.99096), None, None], crs="EPSG:4326")
    m = map_events(frame, front=None, boundaries=None)
    assert m.summary is not None
    assert m.summary.n_mapped == 1 and m.summary.n_missing_coordinates == 2
    missing = m.summary.missing
    assert missing["location"].tolist() == ["Tartar", "Fuzuli"]
    assert missing["reason"].tolist() == [
        "no coordinates",
        "coordinates out of range (95, 47)",
    ]
    p = payload_of(render(m))
    assert p["missing"]["count"] == 2
    assert p["missing"]["rows"][0] == {
        "place": "Tartar",
        "mention": "Tartar",
        "date": "2020-10-02",
        "type": "Explosions/Remote violence",
        "source": "https://example.org/story",
        "reason": "no coordinates",
    }


@pytest.mark.parametrize("events", [None, pd.DataFrame(), sample_events().iloc[:0]])
def test_empty_input_still_makes_a_map(events: pd.DataFrame | None, tmp_path: Path) -> None:
    report = write_map(events, tmp_path / "empty.html", front=None, boundaries=None)
    assert report.summary.n_mapped == 0 and report.size_bytes > 1000
    p = payload_of(report.path.read_text(encoding="utf-8"))
    assert p["n"] == 0 and p["missing"]["count"] == 0


def test_since_until_keep_dated_events_in_range() -> None:
    frame = sample_events()
    frame.loc[2, "event_date"] = None
    m = map_events(frame, front=None, boundaries=None, since="2020-10-02", until="2020-10-31")
    assert m.summary is not None
    assert m.summary.n_mapped == 1 and m.summary.n_outside_dates == 2
    assert payload_of(render(m))["lat"] == [40.3418]
    with pytest.raises(InputError, match="not a date"):
        map_events(frame, front=None, boundaries=None, since="yesterday-ish")
    with pytest.raises(InputError, match="since 2020-10-31 is after until 2020-10-02"):
        map_events(frame, front=None, boundaries=None, since="2020-10-31", until="2020-10-02")


def test_date_columns_of_any_kind() -> None:
    frame = sample_events()
    for values in (
        pd.to_datetime(frame["event_date"]),
        pd.to_datetime(frame["event_date"]).dt.tz_localize("UTC"),
        [pd.Timestamp("2020-10-01").date(), "2020-10-02", "not a date"],
        ["2020-10-01T23:30:00-05:00", "2020-10-02T00:10:00+04:00", "2020-10-03"],
        pd.to_datetime(["2020-10-01 23:00", "2020-10-02 01:00", None]).tz_localize("Asia/Baku"),
    ):
        frame["event_date"] = values
        p = payload_of(render(map_events(frame, front=None, boundaries=None)))
        assert p["dayMin"] == 18536
        assert p["day"][:2] == [0, 1]


def test_hostile_text_is_escaped_in_the_page() -> None:
    frame = sample_events().iloc[[0] * len(HOSTILE)].reset_index(drop=True)
    for name in ("location", "mention", "notes", "source", "event_type", "country", "admin1"):
        frame[name] = HOSTILE
    # the CDN's links instead of the libraries' code, which holds "<svg" and the like
    m = map_events(
        frame, front=None, boundaries=None, title=HOSTILE[1], compress_min_bytes=10**9, cdn=True
    )
    page = render(m)
    for text in HOSTILE:
        for needle in ("<script>window", "<img", "<svg", "<!-- comment", "\u2028", "\u2029"):
            if needle in text:
                assert page.count(needle) == 0, needle
    # every text survives the round trip unchanged
    p = payload_of(page)
    assert column(p, "notes") == HOSTILE
    assert [t["name"] for t in p["types"]] == sorted(HOSTILE)
    assert "<title>&lt;/script&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;</title>" in page


def test_large_data_is_compressed() -> None:
    frame = sample_events().iloc[[0, 1, 2] * 400].reset_index(drop=True)
    page = render(map_events(frame, front=None, boundaries=None, compress_min_bytes=1000))
    assert 'data-encoding="gzip+base64"' in page
    assert payload_of(page)["n"] == 1200


def test_front_lines_and_bands() -> None:
    front = gpd.GeoDataFrame(
        {
            "name": ["Line <A>", "Line B"],
            "valid_from": [pd.Timestamp("2020-09-27"), None],
            "valid_to": ["2020-11-09", None],
            "source": ["test", None],
        },
        geometry=[
            LineString([(46.5, 39.6), (46.9, 40.2)]),
            LineString([(46.6, 39.5), (47.0, 40.1)]),
        ],
        crs="EPSG:4326",
    )
    m = map_events(sample_events(), front=front, boundaries=None, bands_km=(5, 10))
    p = payload_of(render(m))
    props = [f["properties"] for f in p["front"]["features"]]
    assert props[0] == {
        "name": "Line <A>",
        "valid_from": "2020-09-27",
        "valid_to": "2020-11-09",
        "source": "test",
    }
    assert p["bandLabels"] == ["0-5 km", "5-10 km"]
    assert sorted(
        (f["properties"]["front"], f["properties"]["band"]) for f in p["bands"]["features"]
    ) == [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    ]
    assert m.summary is not None and "Front lines" in m.summary.layers


def test_distance_bands_are_geodesic() -> None:
    line = LineString([(46.0, 40.0), (46.8, 39.4)])
    front = gpd.GeoDataFrame(geometry=[line], crs="EPSG:4326")
    bands = distance_band_polygons(front, bands_km=(5, 25), tolerance_m=1.0)
    assert bands[["band", "min_km", "max_km"]].values.tolist() == [[0, 0, 5], [1, 5, 25]]
    geod = Geod(ellps="WGS84")
    # The outer edge of the 5 km band, straight north of the line's middle, is 5 km away.
    mid_lon, mid_lat = 46.4, 39.7
    ring = bands.geometry.iloc[0]
    north = LineString([(mid_lon, mid_lat), (mid_lon, mid_lat + 0.5)]).intersection(ring.exterior)
    pts = [north] if north.geom_type == "Point" else list(north.geoms)
    top = max(pts, key=lambda q: q.y)
    # distance from that point to the line, measured on the ellipsoid by densifying the line
    lons = np.linspace(46.0, 46.8, 4001)
    lats = np.linspace(40.0, 39.4, 4001)
    _, _, dist = geod.inv(np.full_like(lons, top.x), np.full_like(lats, top.y), lons, lats)
    assert dist.min() == pytest.approx(5000, abs=15)
    # the 5-25 km ring does not cover the 0-5 km one
    assert bands.geometry.iloc[1].intersection(ring).area < 1e-6
    with pytest.raises(InputError, match="increasing"):
        distance_band_polygons(front, bands_km=(10, 5))


def test_choropleth_counts_events_per_region() -> None:
    regions = gpd.GeoDataFrame(
        {
            "country": ["Azerbaijan", "Azerbaijan", "Nowhere"],
            "admin1": ["North <b>", "South", "Empty"],
        },
        geometry=[box(46.5, 40.0, 47.5, 40.6), box(46.5, 39.5, 47.5, 40.0), box(0, 0, 1, 1)],
        crs="EPSG:4326",
    )
    m = map_events(sample_events(), front=None, boundaries=regions)
    p = payload_of(render(m))
    names = [f["properties"]["admin1"] for f in p["regions"]["features"]]
    assert names == ["North <b>", "South"]  # regions without events are left out
    region = p["cols"]["region"]
    assert [names[r] for r in region] == ["South", "North <b>", "South"]


def test_layer_without_crs_is_an_input_error() -> None:
    front = gpd.GeoDataFrame(geometry=[LineString([(46, 40), (47, 39)])])
    with pytest.raises(InputError, match="no CRS"):
        map_events(sample_events(), front=front, boundaries=None)


def test_view_fits_the_events() -> None:
    m = map_events(sample_events(), front=None, boundaries=None)
    page = render(m)
    bounds = re.search(r'"bounds":(\[\[[^\]]*\],\[[^\]]*\]\])', page)
    assert bounds is not None
    assert json.loads(bounds.group(1)) == [[39.60094, 46.92736], [40.3418, 47.14529]]


def test_save_is_atomic_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    out.write_text("old map")
    save_map(map_events(sample_events(), front=None, boundaries=None), out)
    assert payload_of(out.read_text(encoding="utf-8"))["n"] == 3
    assert sorted(os.listdir(tmp_path)) == ["map.html"]  # no temporary file left


def test_unwritable_output_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = map_events(None, front=None, boundaries=None)
    with pytest.raises(OutputError, match="does not exist"):
        save_map(m, tmp_path / "missing" / "map.html")
    with pytest.raises(OutputError, match="is a folder"):
        save_map(m, tmp_path)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match="does not exist"):
        save_map(m, tmp_path / "afile" / "map.html")

    def denied(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)
    with pytest.raises(OutputError, match="Permission denied"):
        save_map(m, tmp_path / "map.html")
    assert not (tmp_path / "map.html").exists()


class _Links(HTMLParser):
    """Every address a page would load: script src, link href, img/iframe src, srcdoc pages."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, dict[str, str]]] = []
        self.inner: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        for key in ("src", "href", "data"):
            if key in found and tag in {"script", "link", "img", "iframe", "object", "embed"}:
                self.loads.append((found[key], found))
        if "srcdoc" in found:  # the notebook's iframe: a page of its own
            self.inner.append(found["srcdoc"])


def loaded_addresses(page: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Links()
    parser.feed(page)
    found = list(parser.loads)
    for inner in parser.inner:
        found.extend(loaded_addresses(inner))
    return found


def remote(address: str) -> bool:
    return bool(re.match(r"^\s*(https?:)?//", address, re.I))


@NEEDS_ASSETS
def test_default_map_loads_nothing_from_the_network() -> None:
    m = map_events(sample_events(), front=None)  # every default: base map, towns, lakes
    page = render(m)
    assert [a for a, _ in loaded_addresses(page) if remote(a)] == []
    assert "<script src=" not in page and "<link " not in page
    assert "leaflet@1.9.4/dist/leaflet.js" in page  # inlined
    # no web tiles: none added to the map, none offered
    assert not [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert "tile.openstreetmap" not in page and "L.tileLayer(" not in page.split("GeoEventMap")[-1]
    assert m.summary is not None and "OpenStreetMap (online)" not in m.summary.layers
    p = payload_of(page)
    assert p["base"]["features"] and p["towns"]


@NEEDS_ASSETS
def test_cdn_map_links_the_pinned_files_with_their_integrity() -> None:
    import hashlib

    page = render(map_events(sample_events(), front=None, boundaries=None, cdn=True))
    links = loaded_addresses(page)
    expected = {
        "leaflet/dist/leaflet.js",
        "leaflet/dist/leaflet.css",
        "leaflet.heat/dist/leaflet-heat.js",
        "html-to-image/dist/html-to-image.js",
        "jquery/dist/jquery.min.js",
    }
    seen = set()
    for address, attrs in links:
        match = re.fullmatch(r"https://cdn\.jsdelivr\.net/npm/(.+?)@([^/]+)/(.+)", address)
        assert match is not None, address
        package = next(p for p in assets.PACKAGES if p.name == match[1])
        assert match[2] == package.version
        data = assets.read_asset(package, match[3])
        sri = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
        assert attrs["integrity"] == sri
        assert attrs["crossorigin"] == "anonymous"
        seen.add(f"{match[1]}/{match[3]}")
    assert seen == expected
    # nothing inlined twice; the message for a failed load comes before the first link
    assert "/* leaflet@1.9.4/dist/leaflet.js" not in page
    first = page.index("https://cdn.jsdelivr.net/")
    assert "map libraries could not be loaded" in page[:first]
    assert "Re-run without --cdn" in page[:first]


@NEEDS_ASSETS
def test_online_tiles_are_an_option_hidden_at_first() -> None:
    m = map_events(sample_events(), front=None, boundaries=None, online_tiles=True)
    page = render(m)
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 1 and tiles[0].show is False and tiles[0].overlay is False
    name = tiles[0].get_name()
    assert "tile.openstreetmap.org" in page
    assert "OpenStreetMap</a> contributors" in tiles[0].options["attribution"]
    assert f"{name}.addTo(" not in page  # not on the map until picked
    # both base layers are choices of the layer control, the offline one shown
    assert re.search(r'"OpenStreetMap \(online\)"\s*:\s*' + name, page)
    assert re.search(r'"Countries \(offline\)"\s*:', page)
    assert m.summary is not None and "OpenStreetMap (online)" in m.summary.layers
    # still no script from the network
    assert [a for a, _ in loaded_addresses(page) if remote(a)] == []


def test_offline_is_a_compatible_alias() -> None:
    assert map_events(None, front=None, boundaries=None, offline=True).asset_mode == "inline"
    assert map_events(None, front=None, boundaries=None).asset_mode == "inline"
    assert map_events(None, front=None, boundaries=None, offline=False).asset_mode == "cdn"
    assert map_events(None, front=None, boundaries=None, cdn=True).asset_mode == "cdn"
    with pytest.raises(InputError, match="contradict"):
        map_events(None, front=None, boundaries=None, offline=True, cdn=True)


@NEEDS_ASSETS
def test_map_command_offline_by_default_cdn_on_demand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from geo.cli import main

    table = tmp_path / "acled.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,latitude,longitude\nA1,2020-10-04,Battles,40.34,46.93\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    options = ["--front", "none", "--boundaries", "none"]
    for flags in ([], ["--offline"]):
        assert main(["map", str(table), "-o", str(out), *options, *flags]) == 0
        page = out.read_text(encoding="utf-8")
        assert [a for a, _ in loaded_addresses(page) if remote(a)] == []
        assert "tile.openstreetmap" not in page
    assert main(["map", str(table), "-o", str(out), *options, "--cdn", "--online-tiles"]) == 0
    page = out.read_text(encoding="utf-8")
    assert all(a.startswith("https://cdn.jsdelivr.net/npm/") for a, _ in loaded_addresses(page))
    assert len(loaded_addresses(page)) >= 4 and "tile.openstreetmap.org" in page
    with pytest.raises(SystemExit):
        main(["map", str(table), "-o", str(out), "--cdn", "--offline"])
    assert "not allowed with argument" in capsys.readouterr().err
    assert "no effect, kept for compatibility" in " ".join(_map_help().split())


def _map_help() -> str:
    import contextlib
    import io

    from geo.cli import main

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), pytest.raises(SystemExit):
        main(["map", "--help"])
    return buffer.getvalue()


@NEEDS_ASSETS
def test_notebook_map_is_self_contained() -> None:
    m = map_events(sample_events(), front=None, boundaries=None, height=500)
    shown = m._repr_html_()
    assert "<iframe srcdoc=" in shown
    assert [a for a, _ in loaded_addresses(shown) if remote(a)] == []
    inner = html.unescape(re.search(r'srcdoc="([^"]*)"', shown)[1])  # type: ignore[index]
    assert "leaflet@1.9.4/dist/leaflet.js" in inner and "GeoEventMap" in inner
    assert payload_of(inner)["n"] == 3


@NEEDS_ASSETS
def test_offline_map_is_self_contained() -> None:
    m = map_events(sample_events(), front=None, boundaries=None, base=None)
    page = render(m)
    assert "<script src=" not in page and "<link " not in page
    assert "tile.openstreetmap" not in page
    assert "leaflet@1.9.4/dist/leaflet.js" in page and "leaflet.heat@0.2.0" in page
    assert "data:image/png;base64," in page  # layer-control icon of leaflet.css
    # rendering twice does not inline twice
    assert render(m).count("/* leaflet@1.9.4/dist/leaflet.js") == 1


@NEEDS_ASSETS
def test_offline_base_map_from_countries() -> None:
    countries = gpd.GeoDataFrame(
        {"country": ["Near", "Far"]},
        geometry=[
            Polygon([(45, 39), (48, 39), (48, 41), (45, 41)]),
            Polygon([(0, 0), (1, 0), (1, 1), (0, 1)]),
        ],
        crs="EPSG:4326",
    )
    m = map_events(sample_events(), front=None, boundaries=None, base=countries)
    p = payload_of(render(m))
    assert [f["properties"]["name"] for f in p["base"]["features"]] == ["Near", "Far"]


def test_missing_assets_are_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEO_ASSETS_DIR", str(tmp_path))
    m = map_events(sample_events(), front=None, boundaries=None, base=None)
    with pytest.raises(DataError, match=r"python -m geo\.mapping\.assets fetch"):
        render(m)


@NEEDS_ASSETS
def test_altered_asset_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    spec = assets.LEAFLET.spec
    shutil.copytree(assets.assets_dir() / spec, tmp_path / spec)
    (tmp_path / spec / "dist" / "leaflet.js").write_text("window.__pwned = 1;")
    monkeypatch.setenv("GEO_ASSETS_DIR", str(tmp_path))
    assert f"{spec}/dist/leaflet.js" in assets.check_assets(tmp_path)
    with pytest.raises(DataError, match="SHA-256"):
        assets.inline_js("leaflet")


def test_unknown_plugin_cannot_go_offline() -> None:
    import folium
    from folium.plugins import Draw

    m = folium.Map(tiles=None)
    Draw().add_to(m)
    with pytest.raises(DataError, match="no local copy"):
        inline_assets(m)


def test_tarball_integrity_is_checked(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="pinned integrity"):
        assets._extract(assets.LEAFLET, b"not the tarball", tmp_path)


def test_events_without_coordinates_are_geocoded_by_name() -> None:
    from geo.mapping.pipeline import fill_coordinates

    frame = gpd.GeoDataFrame(
        {"location": ["Aghdam", "Nowhereville-sur-Rien", "Tartar"], "country_code": ["AZ"] * 3},
        geometry=[None, None, Point(46.9297, 40.3418)],
        crs="EPSG:4326",
    )
    filled = fill_coordinates(frame, "offline")
    assert filled.geometry.iloc[0].y == pytest.approx(39.99096, abs=0.01)
    assert filled.geometry.iloc[0].x == pytest.approx(46.92736, abs=0.01)
    assert filled["latitude"].iloc[1] is None
    assert filled.geometry.iloc[2].x == pytest.approx(46.9297)
    m = map_events(filled, front=None, boundaries=None)
    assert m.summary is not None and m.summary.missing["location"].tolist() == [
        "Nowhereville-sur-Rien"
    ]


def test_cli_map_writes_the_pipeline_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from geo.cli import main
    from geo.io.files import data_dir

    out = tmp_path / "map.html"
    status = main(["map", str(data_dir() / "samples"), "-o", str(out), "--title", "Samples"])
    assert status == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(str(out))
    assert "events on the map" in captured.err
    page = out.read_text(encoding="utf-8")
    p = payload_of(page)
    assert p["n"] >= 10 and p["front"]["features"][0]["properties"]["name"]
    assert "regions" in p and "dist" in p["cols"] and "admin1" in p["cols"]
    assert "<title>Samples</title>" in page
    # date range, and no front nor regions
    options = ["--since", "2020-10-09", "--front", "none", "--boundaries", "none"]
    status = main(["map", str(data_dir() / "samples"), "-o", str(out), *options])
    p = payload_of(out.read_text(encoding="utf-8"))
    assert status == 0 and p["dayMin"] >= 18544 and "front" not in p and "regions" not in p
    assert "outside the dates" in capsys.readouterr().err


def test_cli_map_checks_the_output_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from geo.cli import main

    status = main(["map", str(tmp_path), "-o", str(tmp_path / "no" / "map.html")])
    assert status == 2
    err = capsys.readouterr().err
    assert "cannot write the map to" in err and "does not exist" in err


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
@settings(max_examples=300, deadline=None)
def test_script_json_is_inert_in_html_and_round_trips(text: str) -> None:
    from geo.mapping.page import script_json

    encoded = script_json({"notes": [text, f"</script>{text}"]})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in encoded
    assert json.loads(encoded) == {"notes": [text, f"</script>{text}"]}


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
            st.text(max_size=12),
        ),
        max_size=20,
    )
)
@settings(max_examples=200, deadline=None)
def test_dates_of_any_shape_never_fail(values: list[Any]) -> None:
    from geo.mapping.payload import day_numbers

    days = day_numbers(pd.Series(values, dtype=object), len(values))
    for value, day in zip(values, days, strict=True):
        if isinstance(value, date):
            assert day == (value - date(1970, 1, 1)).days
        elif value is None:
            assert np.isnan(day)


def test_table_rows_without_coordinates_are_placed_by_name(tmp_path: Path) -> None:
    from geo.io.documents import Problem
    from geo.mapping import build_events

    table = tmp_path / "acled.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,country,location,latitude,longitude\n"
        "A1,2020-10-04,Battles,Azerbaijan,Tartar,,\n"
        "A2,2020-10-04,Battles,Azerbaijan,Nowhereville-sur-Mer,,\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    events = build_events(table, front=None, boundaries=None, problems=problems)
    assert [p.level for p in problems] == ["warning", "warning"]
    assert events["latitude"].iloc[0] == pytest.approx(40.342, abs=0.01)
    assert events["longitude"].iloc[0] == pytest.approx(46.932, abs=0.01)
    m = map_events(events, front=None, boundaries=None)
    assert m.summary is not None
    assert m.summary.n_mapped == 1
    assert m.summary.missing["location"].tolist() == ["Nowhereville-sur-Mer"]


def test_freezing_leaves_folium_pages_unchanged() -> None:
    """freeze_rendered only skips the second rendering, which is a no-op on folium's output."""
    import folium
    from branca.element import Figure
    from folium import plugins

    from geo.mapping import LiteralElement, freeze_rendered

    m = folium.Map(location=[40, 46], zoom_start=5, tiles=None)
    popup = folium.Popup("<b>Agdam</b>", max_width=300)
    folium.Marker([40, 46], popup=popup, tooltip="Agdam").add_to(m)
    folium.CircleMarker([40.1, 46.1], radius=5, popup="x").add_to(m)
    point = {"type": "Point", "coordinates": [46, 40]}
    feature = {"type": "Feature", "properties": {"a": "b"}, "geometry": point}
    collection = {"type": "FeatureCollection", "features": [feature]}
    folium.GeoJson(
        collection, tooltip=folium.GeoJsonTooltip(["a"]), popup=folium.GeoJsonPopup(["a"])
    ).add_to(m)
    group = folium.FeatureGroup("group").add_to(m)
    folium.PolyLine([[40, 46], [41, 47]]).add_to(group)
    plugins.HeatMap([[40, 46, 1]]).add_to(m)
    plugins.MarkerCluster().add_to(m)
    folium.LayerControl().add_to(m)
    figure = m.get_root()
    assert isinstance(figure, Figure)
    figure.render()
    parts = (figure.header, figure.html, figure.script)
    before = [part.render() for part in parts]
    freeze_rendered(m)
    frozen = [c for part in parts for c in part._children.values() if isinstance(c, LiteralElement)]
    assert len(frozen) >= 10
    assert [part.render() for part in parts] == before


# ------------------------------------------------------------------------------ issue 13


def _deuteranopia_lab(color: str) -> npt.NDArray[np.float64]:
    """CIELAB (D65) of an sRGB colour as seen with deuteranopia (Machado et al. 2009)."""
    rgb = np.array([int(color[k : k + 2], 16) for k in (1, 3, 5)]) / 255.0
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    simulate = np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    )
    seen = np.clip(simulate @ linear, 0, 1)
    to_xyz = np.array(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
    )
    xyz = to_xyz @ seen / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_type_colours_stay_apart_under_deuteranopia() -> None:
    from itertools import combinations

    from geo import config

    labs = [_deuteranopia_lab(c) for c in config.MAP_PALETTE]
    closest = min(float(np.linalg.norm(a - b)) for a, b in combinations(labs, 2))
    # the former palette's closest pair (brown #795548, crimson #ad1457) was 5.4 apart
    assert closest > 15.0
    assert set(config.EVENT_TYPE_COLORS.values()) <= set(config.MAP_PALETTE)


def test_types_past_eight_take_shapes() -> None:
    from geo.mapping.payload import type_palette

    old_acled = [
        "Battle-No change of territory",
        "Battle-Government regains territory",
        "Battle-Non-state actor overtakes territory",
        "Remote violence",
        "Riots/Protests",
        "Violence against civilians",
        "Strategic development",
        "Non-violent transfer of territory",
        "Headquarters or base established",
    ]
    palette = type_palette(old_acled)
    pairs = [(t["color"], t["shape"]) for t in palette]
    assert len(set(pairs)) == 9  # no two types look alike
    assert [t["shape"] for t in palette] == ["circle"] * 8 + ["square"]
    assert palette[5]["color"] == "#CC79A7"  # a known type keeps its colour


def test_actor_columns_reach_the_page() -> None:
    frame = sample_events()
    frame["actor1"] = ["Military Forces of Azerbaijan (1993-)", None, "Unidentified Armed Group"]
    frame["assoc_actor_1"] = [None, "Farmers (Azerbaijan); Journalists", None]
    frame["inter1"] = [1, None, 3]
    p = payload_of(render(map_events(frame, front=None, boundaries=None)))
    assert column(p, "actor1") == [
        "Military Forces of Azerbaijan (1993-)",
        None,
        "Unidentified Armed Group",
    ]
    assert column(p, "assoc1") == [None, "Farmers (Azerbaijan); Journalists", None]
    assert column(p, "inter1") == ["1", None, "3"]
    assert "actor2" not in p["cols"]  # never required


def test_offline_base_has_towns_and_admin1_borders() -> None:
    towns = pd.DataFrame(
        {
            "name": ["Barda", "Hamlet", "Paris"],
            "lat": [40.3744, 40.0, 48.85],
            "lon": [47.1266, 46.9, 2.35],
            "population": [37_000, 1_200, 2_100_000],
        }
    )
    regions = gpd.GeoDataFrame(
        {"country": ["Azerbaijan"] * 2, "admin1": ["North", "South"]},
        geometry=[box(45.5, 40.1, 48.0, 41.5), box(45.5, 39.0, 48.0, 40.1)],
        crs="EPSG:4326",
    )
    m = map_events(sample_events(), front=None, boundaries=regions, base=None, towns=towns)
    p = payload_of(render(m))
    assert p["towns"] == {
        "name": ["Barda", "Hamlet"],  # most populous first; Paris is far away
        "lat": [40.3744, 40.0],
        "lon": [47.1266, 46.9],
        "z": [7, 10],
        "pop": [37_000, 1_200],
    }
    assert p["admin1"]["geometry"]["type"] == "MultiLineString"
    assert len(p["admin1"]["geometry"]["coordinates"]) == 2
    assert m.summary is not None and "Towns" in m.summary.layers
    with pytest.raises(InputError, match="population"):
        map_events(sample_events(), front=None, boundaries=None, towns=towns[["name"]])


def test_every_source_is_credited() -> None:
    frame = sample_events().rename(columns={"event_id": "event_id_cnty"})
    front = gpd.GeoDataFrame(
        {"name": ["A"], "source": ["DeepStateMap <derived>"]},
        geometry=[LineString([(46.5, 39.6), (46.9, 40.2)])],
        crs="EPSG:4326",
    )
    m = map_events(
        frame,
        front=front,
        boundaries=None,
        base=None,
        towns=None,
        lakes=None,
        attribution=["Analyst's notes"],
    )
    credits = payload_of(render(m))["credits"]
    assert credits == [
        "Front lines: DeepStateMap <derived>",
        "Events: ACLED, Armed Conflict Location & Event Data (acleddata.com)",
        "Analyst's notes",
    ]
    default = payload_of(render(map_events(sample_events(), front=None)))
    assert default["credits"] == [
        "Boundaries: Natural Earth (public domain)",
        "Lakes and wide rivers: GSHHG, Wessel & Smith (LGPL-3.0)",
        "Towns: GeoNames (CC BY 4.0)",
    ]


ACLED_CREDIT = "Events: ACLED, Armed Conflict Location & Event Data (acleddata.com)"
UCDP_CREDIT = "Events: UCDP Georeferenced Event Dataset, ucdp.uu.se (CC BY 4.0)"


def test_events_are_credited_from_their_table_and_gazetteer() -> None:
    from geo.mapping.basemap import event_credits

    both = sample_events().assign(dataset=["ACLED", "UCDP GED", None])
    assert event_credits(both) == [ACLED_CREDIT, UCDP_CREDIT]
    # geo's own events share inter1 with ACLED, but are not ACLED's
    own = sample_events().assign(inter1=[None, 1, None], gazetteer_id=["gn:1", "ne:AZ-X", None])
    assert event_credits(own) == [
        "Places of events: GeoNames (CC BY 4.0)",
        "Places of events: Natural Earth (public domain)",
    ]
    assert event_credits(sample_events().assign(where_prec=1)) == [UCDP_CREDIT]
    assert event_credits(sample_events().assign(gazetteer_id="geo:hadrut")) == []


def test_default_front_is_credited_to_its_source() -> None:
    p = payload_of(render(map_events(sample_events(), boundaries=None, base=None, towns=None)))
    assert any(c.startswith("Front lines: Natural Earth") for c in p["credits"]), p["credits"]


@NEEDS_ASSETS
def test_map_command_credits_tables_and_options(tmp_path: Path) -> None:
    from geo.cli import main

    acled = tmp_path / "acled.csv"
    acled.write_text(
        "event_id_cnty,event_date,event_type,actor1,latitude,longitude,source\n"
        "AZE1,2020-10-04,Battles,Military Forces of Armenia,40.34,46.93,Turan\n",
        encoding="utf-8",
    )
    ucdp = tmp_path / "ged.csv"
    ucdp.write_text(
        "id,relid,year,type_of_violence,side_a,side_b,where_prec,date_prec,latitude,longitude,"
        "country,date_start,date_end,best\n"
        "1,AZE-1,2020,1,Government of Azerbaijan,Republic of Artsakh,1,1,39.99,46.93,"
        "Azerbaijan,2020-10-05,2020-10-05,2\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    argv = ["map", str(acled), str(ucdp), "-o", str(out), "--boundaries", "none"]
    assert main([*argv, "--credit", "Front: my notes", "--credit", "<b>me</b>"]) == 0
    credits = payload_of(out.read_text(encoding="utf-8"))["credits"]
    assert ACLED_CREDIT in credits and UCDP_CREDIT in credits
    assert "Boundaries: Natural Earth (public domain)" in credits  # the base map
    assert any(c.startswith("Front lines: Natural Earth") for c in credits)
    assert credits[-2:] == ["Front: my notes", "<b>me</b>"]
    assert "<b>me</b>" not in out.read_text(encoding="utf-8")  # data, escaped in the page


def test_fronts_all_get_bands_and_bands_are_cached() -> None:
    from geo import frontline

    lines = [LineString([(46.0 + 0.1 * k, 39.5), (46.2 + 0.1 * k, 40.3)]) for k in range(30)]
    front = gpd.GeoDataFrame(
        {
            "name": [f"week {k}" for k in range(30)],
            "valid_from": [f"2022-{1 + k // 4:02d}-{1 + 7 * (k % 4):02d}" for k in range(30)],
        },
        geometry=lines,
        crs="EPSG:4326",
    )
    events = sample_events()
    events["event_date"] = ["2022-01-02", "2022-04-10", "2022-08-30"]
    p = payload_of(render(map_events(events, front=front, boundaries=None)))
    assert len(p["front"]["features"]) == 30
    assert {f["properties"]["front"] for f in p["bands"]["features"]} == set(range(30))
    before = len(frontline._BAND_CACHE)
    frontline.distance_band_polygons(front.iloc[:3])
    assert len(frontline._BAND_CACHE) == before  # computed once per geometry


def test_bands_tile_without_overlap() -> None:
    line = gpd.GeoDataFrame(
        geometry=[LineString([(30.0, 47.0), (31.0, 47.5), (32.5, 47.2)])], crs="EPSG:4326"
    )
    bands = distance_band_polygons(line, bands_km=(5, 10, 25, 50))
    rings = bands.geometry.tolist()
    for a in range(4):
        for b in range(a + 1, 4):
            assert rings[a].intersection(rings[b]).area < 1e-9
    assert bands["label"].tolist() == ["0-5 km", "5-10 km", "10-25 km", "25-50 km"]


def test_pmtiles_base_map_is_checked_and_embedded(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pmtiles"
    bad.write_bytes(b"not a tile archive" * 10)
    with pytest.raises(InputError, match="not a PMTiles version 3 file"):
        map_events(sample_events(), front=None, boundaries=None, basemap=bad)
    with pytest.raises(InputError, match="cannot read the base map"):
        map_events(sample_events(), front=None, boundaries=None, basemap=tmp_path / "none.pmtiles")
    good = tmp_path / "tiny.pmtiles"
    write_pmtiles(good)
    m = map_events(sample_events(), front=None, boundaries=None, basemap=good)
    page = render(m)
    p = payload_of(page)
    assert p["pmtiles"] == {"name": "tiny.pmtiles", "bytes": good.stat().st_size}
    blob = re.search(
        r'<script type="application/octet-stream" id="[^"]+_pmtiles">([^<]*)</script>', page
    )
    assert blob is not None and base64.b64decode(blob.group(1)) == good.read_bytes()
    assert "protomaps-leaflet@5.1.0" in page and "pmtiles@4.5.0" in page
    assert m.summary is not None and "Base map (PMTiles)" in m.summary.layers


def write_pmtiles(path: Path, *, max_zoom: int = 8) -> None:
    """A small PMTiles v3 archive of vector tiles around Tartar (earth, a lake, a road)."""
    import mapbox_vector_tile
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import Writer

    def tile_xy(lon: float, lat: float, z: int) -> tuple[int, int]:
        n = 2**z
        x = int((lon + 180) / 360 * n)
        y = int((1 - np.arcsinh(np.tan(np.radians(lat))) / np.pi) / 2 * n)
        return x, y

    tiles = []
    for z in range(max_zoom + 1):
        x, y = tile_xy(46.93, 40.34, z)
        layers = [
            {
                "name": "earth",
                "features": [
                    {
                        "geometry": "POLYGON ((0 0, 4096 0, 4096 4096, 0 4096, 0 0))",
                        "properties": {},
                    }
                ],
            },
            {
                "name": "water",
                "features": [
                    {
                        "geometry": "POLYGON ((1000 1000, 2000 1000, 2000 1800, 1000 1800, 1000 1000))",  # noqa: E501
                        "properties": {"kind": "lake"},
                    }
                ],
            },
            {
                "name": "roads",
                "features": [
                    {
                        "geometry": "LINESTRING (0 2048, 4096 2100)",
                        "properties": {"kind": "major_road"},
                    }
                ],
            },
        ]
        data = mapbox_vector_tile.encode(layers, default_options={"y_coord_down": True})
        tiles.append((zxy_to_tileid(z, x, y), gzip.compress(data)))
    with path.open("wb") as fh:
        writer = Writer(fh)
        for tile_id, data in sorted(tiles):
            writer.write_tile(tile_id, data)
        writer.finalize(
            {
                "tile_type": TileType.MVT,
                "tile_compression": Compression.GZIP,
                "min_zoom": 0,
                "max_zoom": max_zoom,
                "min_lon_e7": int(46.0e7),
                "min_lat_e7": int(39.5e7),
                "max_lon_e7": int(47.5e7),
                "max_lat_e7": int(41.0e7),
                "center_zoom": 6,
                "center_lon_e7": int(46.93e7),
                "center_lat_e7": int(40.34e7),
            },
            {"vector_layers": [{"id": "earth"}, {"id": "water"}, {"id": "roads"}]},
        )


@NEEDS_ASSETS
def test_offline_base_has_the_dnipro_and_credits_it() -> None:
    events = gpd.GeoDataFrame(
        {"event_type": ["Battles"]}, geometry=[Point(33.39, 46.75)], crs="EPSG:4326"
    )  # Nova Kakhovka
    m = map_events(events, front=None, boundaries=None, base=None, towns=None)
    p = payload_of(render(m))
    lakes = [shape(f["geometry"]) for f in p["lakes"]["features"]]
    # the Dnipro from Kyiv's south to its mouth, with its reservoirs, as one polygon
    assert any(g.bounds[0] < 32.0 and g.bounds[2] > 35.0 and g.bounds[3] > 49.5 for g in lakes)
    assert "Lakes and wide rivers: GSHHG, Wessel & Smith (LGPL-3.0)" in p["credits"]
    none = payload_of(
        render(map_events(events, front=None, boundaries=None, lakes=None, base=None, towns=None))
    )
    assert "lakes" not in none


def test_cli_basemap_is_checked_first_and_embedded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from geo.cli import main

    table = tmp_path / "acled.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,latitude,longitude\nA1,2020-10-04,Battles,40.34,46.93\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    bad = tmp_path / "bad.pmtiles"
    bad.write_text("nope")
    options = ["--front", "none", "--boundaries", "none"]
    assert main(["map", str(table), "-o", str(out), "--basemap", str(bad), *options]) == 2
    assert "not a PMTiles version 3 file" in capsys.readouterr().err
    assert not out.exists()
    good = tmp_path / "tiny.pmtiles"
    write_pmtiles(good, max_zoom=2)
    assert main(["map", str(table), "-o", str(out), "--basemap", str(good), *options]) == 0
    assert payload_of(out.read_text(encoding="utf-8"))["pmtiles"]["name"] == "tiny.pmtiles"


def test_fronts_never_valid_while_the_events_happened_are_left_out() -> None:
    front = gpd.GeoDataFrame(
        {
            "name": ["1994", "before", "during", "after", "undated"],
            "valid_from": ["1994-05-12", "2020-01-01", "2020-09-27", "2021-01-01", None],
            "valid_to": [None, "2020-09-30", "2020-10-02", None, None],
        },
        geometry=[LineString([(46.5 + 0.1 * k, 39.6), (46.9 + 0.1 * k, 40.2)]) for k in range(5)],
        crs="EPSG:4326",
    )
    p = payload_of(render(map_events(sample_events(), front=front, boundaries=None)))
    names = [f["properties"]["name"] for f in p["front"]["features"]]
    assert names == ["1994", "during", "undated"]  # the events: 2020-10-01 to 2020-10-04
    assert {f["properties"]["front"] for f in p["bands"]["features"]} == {0, 1, 2}
