"""Maps opened in headless Chromium (Debian ``chromium``) driven by Playwright.

Every request to anything but a local file is blocked (and recorded: tests assert that none
was even attempted), unless a test serves it. ``make test`` installs chromium when missing and sets
``GEO_REQUIRE_BROWSER=1``, so a missing browser fails there instead of skipping.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point, box

from geo.mapping import assets, map_events, save_map, write_map

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parent.parent
HOSTILE = [
    "<script>window.__pwned=1</script>",
    "</script><script>window.__pwned=2</script>",
    '<img src=x onerror="window.__pwned=3">',
    "`${window.__pwned=4}`",
    '"><svg onload="window.__pwned=5">',
    "javascript:window.__pwned=6",
]


def _missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    if assets.check_assets():
        return "offline assets not fetched (python -m geo.mapping.assets fetch)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _missing_reason()
    if reason:
        if os.environ.get("GEO_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


@pytest.fixture
def open_map(browser: Any) -> Iterator[Callable[..., Opened]]:
    pages: list[Any] = []

    def opener(
        path: Path,
        *,
        serve: dict[str, bytes] | None = None,
        ready: str = "window.geoMapReady === true",
    ) -> Opened:
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        pages.append(page)
        opened = Opened(page)
        page.on("pageerror", lambda err: opened.errors.append(f"pageerror: {err}"))
        page.on(
            "console",
            lambda msg: (
                opened.errors.append(f"console {msg.type}: {msg.text}")
                if msg.type == "error"
                else None
            ),
        )
        page.on("request", lambda req: opened.requests.append(req.url))

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

        def route(r: Any) -> None:
            url = r.request.url
            body = (serve or {}).get(url)
            if body is not None:
                # a CDN answers cross-origin requests with this header (needed by SRI)
                r.fulfill(status=200, body=body, headers={"Access-Control-Allow-Origin": "*"})
            elif url.startswith(("file:", "data:", "blob:")):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        page.wait_for_function(ready, timeout=20000)
        return opened

    yield opener
    for page in pages:
        page.close()


def sample(n_per_town: int = 40) -> gpd.GeoDataFrame:
    """Events around four towns over ten days, two types, with fatalities."""
    towns = [
        ("Aghdam", 46.92736, 39.99096),
        ("Tartar", 46.9297, 40.3418),
        ("Fuzuli", 47.14529, 39.60094),
        ("Ganja", 46.3606, 40.6828),
    ]
    rng = np.random.default_rng(7)
    rows = []
    for t, (name, lon, lat) in enumerate(towns):
        for k in range(n_per_town):
            rows.append(
                {
                    "event_id": f"AZE{t}{k:03d}",
                    "event_date": (pd.Timestamp("2020-10-01") + pd.Timedelta(days=k % 10)).date(),
                    "event_type": "Battles" if k % 3 else "Explosions/Remote violence",
                    "location": name,
                    "mention": name,
                    "fatalities": int(k % 7),
                    "notes": f"Fighting was reported near {name} on day {k % 10}.",
                    "source": "Test wire",
                    "country": "Azerbaijan",
                    "admin1": name,
                    "distance_to_front_km": 4.0 + t,
                    "geometry": Point(lon + rng.normal(0, 0.02), lat + rng.normal(0, 0.02)),
                }
            )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def front() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "name": ["Line of contact", "Ceasefire line"],
            "valid_from": ["2020-09-27", "2020-10-06"],
            "valid_to": ["2020-10-05", None],
            "source": ["test", "test"],
        },
        geometry=[
            LineString([(46.5, 39.5), (46.8, 40.0), (46.7, 40.4)]),
            LineString([(46.6, 39.5), (46.9, 40.0), (46.8, 40.4)]),
        ],
        crs="EPSG:4326",
    )


def regions() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"country": ["Azerbaijan"] * 2, "admin1": ["North", "South"]},
        geometry=[box(45.5, 40.1, 48.0, 41.5), box(45.5, 39.0, 48.0, 40.1)],
        crs="EPSG:4326",
    )


def countries() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"country": ["Land"]}, geometry=[box(40.0, 35.0, 52.0, 45.0)], crs="EPSG:4326"
    )


def offline_map(tmp_path: Path, events: gpd.GeoDataFrame | None = None, **kw: Any) -> Path:
    options: dict[str, Any] = {
        "front": front(),
        "boundaries": regions(),
        "base": countries(),
        "towns": None,
    } | kw
    out = tmp_path / "map.html"
    save_map(map_events(sample() if events is None else events, **options), out)
    return out


def center_on(opened: Opened, lat: float, lon: float, zoom: int) -> None:
    opened.js(
        """([lat, lon, zoom]) => {
            const m = GeoEventMap.instances[0].map;
            m.setView([lat, lon], zoom, {animate: false});
        }""",
        [lat, lon, zoom],
    )
    opened.page.wait_for_timeout(150)


def layer_box(opened: Opened, name: str) -> Any:
    label = opened.page.locator(".leaflet-control-layers label").filter(
        has_text=re.compile(rf"^\s*{re.escape(name)}\s*$")
    )
    return label.locator("input")


# ------------------------------------------------------------------------------ tests


def test_offline_map_needs_no_network(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    opened = open_map(offline_map(tmp_path))
    assert opened.errors == []
    assert [u for u in opened.requests if not u.startswith("file:")] == []
    page = opened.page
    assert page.locator(".geo-cluster").count() >= 2
    assert page.locator(".leaflet-geoFront-pane path.geo-front").count() >= 1
    assert page.locator(".leaflet-geoBands-pane path.geo-band").count() == 4
    assert page.locator(".leaflet-geoBase-pane path.geo-base").count() == 1
    total = opened.js(
        "Array.from(document.querySelectorAll('.geo-cluster span'))"
        ".reduce((s, e) => s + Number(e.textContent), 0)"
        " + document.querySelectorAll('path.geo-event').length"
    )
    assert total == 160
    assert page.locator(".geo-title-main").text_content() == "Conflict events"
    assert "160 events on the map" in page.locator(".geo-title-sub").text_content()


def test_popup_shows_the_event(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    events = sample(1)
    events.loc[0, "notes"] = "Shells fell on Agdam, the ministry said."
    events.loc[0, "mention"] = "Agdam"
    events.loc[0, "fatalities"] = 4
    events.loc[0, "injured"] = 9
    opened = open_map(offline_map(tmp_path, events))
    point = events.geometry.iloc[0]
    center_on(opened, point.y, point.x, 13)
    marker = opened.page.locator("path.geo-event")
    assert marker.count() == 1
    marker.click()
    popup = opened.page.locator(".leaflet-popup-content .geo-popup")
    text = popup.text_content()
    for part in (
        "Aghdam",
        "Mention“Agdam”",
        "Date2020-10-01",
        "TypeExplosions/Remote violence",
        "Fatalities4",
        "Injured9",
        "Distance to front4.0 km",
        "RegionAghdam, Azerbaijan",
        "Shells fell on Agdam, the ministry said.",
        "Source: Test wire",
    ):
        assert part in text
    assert popup.locator("mark").text_content() == "Agdam"
    assert opened.errors == []


def test_cluster_click_zooms_in_and_lists_colocated_events(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    events = sample(5)
    same = events.iloc[:3].copy()
    same["geometry"] = [Point(47.5, 40.9)] * 3
    same["location"] = ["Samespot"] * 3
    events = pd.concat([events, same], ignore_index=True)
    opened = open_map(offline_map(tmp_path, gpd.GeoDataFrame(events, crs="EPSG:4326")))
    zoom = opened.js("GeoEventMap.instances[0].map.getZoom()")
    opened.page.locator(".geo-cluster").first.click()
    opened.page.wait_for_timeout(400)
    assert opened.js("GeoEventMap.instances[0].map.getZoom()") > zoom
    center_on(opened, 40.9, 47.5, 18)
    opened.page.locator(".geo-cluster").first.click()
    items = opened.page.locator(".geo-list .geo-list-item")
    assert items.count() == 3
    assert "3 events here" in opened.page.locator(".geo-list").text_content()
    items.first.click()
    assert "Samespot" in opened.page.locator(".geo-popup-title").last.text_content()
    assert opened.errors == []


def test_layers_toggle(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    opened = open_map(offline_map(tmp_path))
    page = opened.page
    events = layer_box(opened, "Events")
    events.uncheck()
    assert page.locator(".geo-cluster").count() == 0
    assert page.locator("path.geo-event").count() == 0
    events.check()
    assert page.locator(".geo-cluster").count() >= 2
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 0
    layer_box(opened, "Heat map").check()
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    layer_box(opened, "Front lines").uncheck()
    assert page.locator("path.geo-front").count() == 0
    layer_box(opened, "Events per admin-1").check()
    assert page.locator("path.geo-region").count() == 2
    assert "Events per admin-1 region" in page.locator(".geo-legend").text_content()
    # hiding a type from the legend
    page.locator('.geo-legend input[data-type="Battles"]').uncheck()
    assert opened.js("GeoEventMap.instances[0].visibleCount()") == 4 * 14
    assert opened.errors == []


def ctl_js(opened: Opened, expression: str) -> Any:
    """Evaluate ``expression`` with ``c`` bound to the page's GeoEventMap."""
    return opened.js(f"(() => {{ const c = GeoEventMap.instances[0]; return {expression}; }})()")


def drag_chart(opened: Opened, first_bin: int, last_bin: int) -> None:
    """Drag across the timeline chart from the middle of one bin to another's."""
    box = opened.page.locator("canvas.geo-chart").bounding_box()
    pad, nbins = ctl_js(opened, "[c._time.chart.pad, c.bins.length]")
    width = box["width"] - pad["left"] - pad["right"]

    def x(b: int) -> float:
        return float(box["x"] + pad["left"] + (b + 0.5) * width / nbins)

    y = box["y"] + box["height"] / 2
    opened.page.mouse.move(x(first_bin), y)
    opened.page.mouse.down()
    opened.page.mouse.move(x(last_bin), y, steps=4)
    opened.page.mouse.up()


def test_range_slider_and_chart_filter_each_other(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    events = sample()
    days = pd.to_datetime(events["event_date"]).dt.day
    explosions = events["event_type"] == "Explosions/Remote violence"
    opened = open_map(offline_map(tmp_path, events))
    page = opened.page
    first, last = page.locator(".geo-range-from"), page.locator(".geo-range-to")
    assert first.get_attribute("max") == "9" and last.get_attribute("max") == "9"  # ten days
    # the slider sets the dates: 2020-10-03 to 2020-10-06, 16 events a day
    last.fill("5")
    first.fill("2")
    assert ctl_js(opened, "c.range") == [18538, 18541]
    assert ctl_js(opened, "c.visibleCount()") == 64
    label = page.locator(".geo-time-label").text_content()
    assert label == "2020-10-03 – 2020-10-06 · 64 events"
    # ... and the chart shows them: its selection, and its bars hold every event
    assert ctl_js(opened, "c._time.chart.selection()") == [2, 5]
    assert ctl_js(opened, "Array.from(c._time.chart.totals)") == [16] * 10
    # the chart sets the dates: drag across the 8th and 9th days
    drag_chart(opened, 7, 8)
    assert ctl_js(opened, "c.range") == [18543, 18544]
    assert (first.input_value(), last.input_value()) == ("7", "8")
    assert ctl_js(opened, "c.visibleCount()") == 32
    # the legend counts follow the dates
    shown = days.isin([8, 9])
    counts = page.locator(".geo-legend-count").all_text_contents()
    assert counts == [f"({(shown & ~explosions).sum()})", f"({(shown & explosions).sum()})"]
    # a type hidden in the legend leaves the chart too
    page.locator('.geo-legend input[data-type="Battles"]').uncheck()
    per_day = [int((explosions & (days == d)).sum()) for d in range(1, 11)]
    assert ctl_js(opened, "Array.from(c._time.chart.totals)") == per_day
    page.locator('.geo-legend input[data-type="Battles"]').check()
    # weeks: 2020-10-01 is a Thursday, so two weeks (from Monday 28 Sept and 5 Oct)
    page.locator(".geo-unit").select_option("week")
    assert last.get_attribute("max") == "1"
    assert ctl_js(opened, "c.bins.map(b => [b.start, b.end])") == [[18533, 18539], [18540, 18546]]
    assert ctl_js(opened, "Array.from(c._time.chart.totals)") == [64, 96]
    # a double click on the chart shows every date again
    page.locator("canvas.geo-chart").dblclick()
    assert ctl_js(opened, "c.range") is None
    assert ctl_js(opened, "c.visibleCount()") == 160
    # play: one step at a time from the first week
    page.locator(".geo-unit").select_option("day")
    page.locator(".geo-play").click()
    assert ctl_js(opened, "c.range") == [18536, 18536]
    page.locator(".geo-play").click()  # stops
    assert page.locator(".geo-play").text_content() == "▶"
    assert opened.errors == []


def test_only_the_chosen_days_front_is_drawn(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    opened = open_map(offline_map(tmp_path))
    page = opened.page

    def shown() -> list[str]:
        names: list[str] = ctl_js(
            opened,
            "c.frontLayers.filter(f => c.layers.front.hasLayer(f.layer)).map(f => f.props.name)",
        )
        return names

    def legend() -> str:
        text: str = page.locator(".geo-legend-fronts").text_content()
        return text

    # all dates: the latest front only, with its bands
    assert shown() == ["Ceasefire line"]
    assert page.locator("path.geo-front").count() == 1
    assert page.locator("path.geo-band").count() == 4
    assert legend().startswith("Front line on 2020-10-06")
    assert "Ceasefire line (from 2020-10-06)" in legend()
    # the dates of the first line: its front, bands and legend
    ctl_js(opened, "c.setRange(18537, 18539)")
    assert shown() == ["Line of contact"]
    assert page.locator("path.geo-front").count() == 1
    assert page.locator("path.geo-band").count() == 4
    assert legend().startswith("Front line on 2020-10-04")
    assert "Line of contact (2020-09-27 – 2020-10-05)" in legend()
    # dates across both: the last day's front, and the earlier one on demand, faded
    ctl_js(opened, "c.setRange(18536, 18543)")
    assert shown() == ["Ceasefire line"]
    assert page.locator("path.geo-front-trail").count() == 0
    page.locator(".geo-legend-trail input").check()
    assert page.locator("path.geo-front-trail").count() == 1
    assert page.locator("path.geo-front").count() == 1
    assert "earlier fronts (1)" in legend()
    assert opened.errors == []


def with_actors(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """ACLED actor columns: two sides, civilians as second actor of every fourth event."""
    out = events.copy()
    n = len(out)
    out["actor1"] = [
        "Military Forces of Azerbaijan (1993-)" if k % 2 else "Military Forces of Armenia (1991-)"
        for k in range(n)
    ]
    out["inter1"] = 1
    out["actor2"] = ["Civilians (Azerbaijan)" if k % 4 == 0 else None for k in range(n)]
    out["assoc_actor_2"] = [
        "Farmers (Azerbaijan); Journalists" if k % 8 == 0 else None for k in range(n)
    ]
    out["inter2"] = [7 if k % 4 == 0 else None for k in range(n)]
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def test_filter_by_actor_region_band_and_fatalities(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    events = with_actors(sample())
    opened = open_map(offline_map(tmp_path, events))
    page = opened.page
    page.locator(".geo-filters summary").click()
    actor = page.locator(".geo-filter-actor")
    options = actor.locator("option").all_text_contents()
    assert options[:3] == [
        "all",
        "Military Forces of Armenia (1991-) (80)",
        "Military Forces of Azerbaijan (1993-) (80)",
    ]
    assert "Journalists (20)" in options  # associated actors, split at ";"
    actor.select_option("Civilians (Azerbaijan)")
    assert ctl_js(opened, "c.visibleCount()") == 40
    actor.select_option("Journalists")
    assert ctl_js(opened, "c.visibleCount()") == 20
    assert page.locator(".geo-filters summary").text_content() == "Filters (1 on)"
    # the popup names the actors and their kind
    visible = ctl_js(opened, "Array.from(c.visible)")
    ctl_js(opened, f"c.openEvent({visible[0]})")
    popup = page.locator(".leaflet-popup-content .geo-popup").last.text_content()
    assert (
        "Actor 2Civilians (Azerbaijan) (Civilians); with Farmers (Azerbaijan); Journalists" in popup
    )
    actor.select_option("")
    assert ctl_js(opened, "c.visibleCount()") == 160
    page.locator(".geo-filter-admin1").select_option("Ganja")
    assert ctl_js(opened, "c.visibleCount()") == 40
    page.locator(".geo-filter-admin1").select_option("")
    # distance bands: the towns are 4, 5, 6 and 7 km from the front
    page.locator('.geo-filter-bands input[data-band="0"]').uncheck()
    assert ctl_js(opened, "c.visibleCount()") == 120
    page.locator(".geo-filter-fatalities").fill("5")
    assert ctl_js(opened, "c.visibleCount()") == 30  # k % 7 in (5, 6): 10 of 40 per town
    page.locator(".geo-filter-reset").click()
    assert ctl_js(opened, "c.visibleCount()") == 160
    assert opened.errors == []


TOWNS = pd.DataFrame(
    {
        "name": ["Barda", "Tartar", "Aghdam", "Ganja", "Yevlakh"],
        "lat": [40.3744, 40.3418, 39.99096, 40.6828, 40.6183],
        "lon": [47.1266, 46.9297, 46.92736, 46.3606, 47.15],
        "population": [37_000, 18_000, 28_000, 330_000, 50_000],
    }
)


def test_search_finds_a_place_and_event_text(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    opened = open_map(offline_map(tmp_path, towns=TOWNS))
    page = opened.page
    search = page.locator(".geo-search")
    search.fill("bard")
    results = page.locator(".geo-search-result")
    assert results.count() == 1
    assert results.first.text_content() == "Barda town"
    results.first.click()
    centre = ctl_js(opened, "[c.map.getCenter().lat, c.map.getCenter().lng, c.map.getZoom()]")
    assert centre[0] == pytest.approx(40.3744, abs=1e-3)
    assert centre[1] == pytest.approx(47.1266, abs=1e-3)
    assert centre[2] >= 10
    assert ctl_js(opened, "c.visibleCount()") == 160  # a place search filters nothing
    # places of events come first, with their counts
    search.fill("Tart")
    assert results.first.text_content() == "Tartar 40 events"
    # the text of events: "day 3" is in 16 notes
    search.fill("day 3")
    only = page.locator(".geo-search-filter")
    assert only.text_content() == "Show only the 16 events that mention “day 3”"
    only.click()
    assert ctl_js(opened, "c.visibleCount()") == 16
    assert "Events that mention “day 3”" in page.locator(".geo-search-active").text_content()
    page.locator(".geo-search-clear").click()
    assert ctl_js(opened, "c.visibleCount()") == 160
    assert opened.errors == []


def test_town_labels_at_zoom_8_around_the_front(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    # the towns of the gazetteer (GeoNames), as `geo map` draws them
    opened = open_map(offline_map(tmp_path, towns="default"))
    center_on(opened, 40.0, 46.8, 8)
    labels = opened.page.locator(".geo-town").all_text_contents()
    assert len(labels) >= 5
    assert {"Barda", "Aghdam", "Fuzuli"} <= set(labels)  # GeoNames, 25,000 people or more
    # fewer at zoom 6; at zoom 10, the smaller towns near Tartar too
    center_on(opened, 40.0, 46.8, 6)
    assert opened.page.locator(".geo-town").count() < len(labels)
    center_on(opened, 40.3, 46.9, 10)
    assert "Tartar" in opened.page.locator(".geo-town").all_text_contents()
    assert opened.errors == []


def read_download(opened: Opened, selector: str) -> tuple[str, bytes]:
    with opened.page.expect_download() as info:
        opened.page.locator(selector).click()
    download = info.value
    path = download.path()
    assert path is not None
    return download.suggested_filename, Path(path).read_bytes()


def test_csv_and_geojson_export_the_filtered_events(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    import csv
    import io
    import json

    events = with_actors(sample())
    events.loc[0, "notes"] = '=HYPERLINK("http://example.org","x")'
    opened = open_map(offline_map(tmp_path, events))
    page = opened.page
    page.locator('.geo-legend input[data-type="Battles"]').uncheck()
    ctl_js(opened, "c.setRange(18536, 18538)")
    name, body = read_download(opened, ".geo-export-csv")
    assert name == "conflict-events-2020-10-01-2020-10-03.csv"
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    days = pd.to_datetime(events["event_date"])
    wanted = events[
        (events["event_type"] != "Battles") & (days >= "2020-10-01") & (days <= "2020-10-03")
    ]
    assert len(rows) == ctl_js(opened, "c.visibleCount()") == len(wanted)
    assert sorted(r["event_id"] for r in rows) == sorted(wanted["event_id"])
    first = next(r for r in rows if r["event_id"] == "AZE0000")
    assert first["event_type"] == "Explosions/Remote violence"
    assert first["actor1"] == "Military Forces of Armenia (1991-)"
    assert first["notes"] == '\'=HYPERLINK("http://example.org","x")'  # never a formula
    assert float(first["latitude"]) == pytest.approx(events.geometry.iloc[0].y, abs=1e-5)
    name, body = read_download(opened, ".geo-export-geojson")
    collection = json.loads(body)
    assert name.endswith(".geojson") and len(collection["features"]) == len(wanted)
    assert assert_point(collection["features"][0])
    assert opened.errors == []


def assert_point(feature: dict[str, Any]) -> bool:
    lon, lat = feature["geometry"]["coordinates"]
    return bool(feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90)


def test_png_export_of_the_view(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    from PIL import Image

    opened = open_map(offline_map(tmp_path, towns=TOWNS))
    name, body = read_download(opened, ".geo-export-png")
    assert name == "conflict-events.png"
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io_bytes(body)).convert("RGB")
    assert image.size == (1000, 700)
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 20  # a picture, not a blank
    assert [u for u in opened.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert opened.errors == []


def io_bytes(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def test_hostile_text_never_runs(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    n = len(HOSTILE)
    events = sample(n).iloc[:n].copy()
    events["geometry"] = [Point(46.0 + k, 40.0) for k in range(n)]
    for name in ("location", "mention", "event_type", "source", "country", "admin1", "actor1"):
        events[name] = HOSTILE
    events["notes"] = [f"Before {h} after" for h in HOSTILE]
    lost = events.iloc[:n].copy()
    lost["geometry"] = None
    events = gpd.GeoDataFrame(pd.concat([events, lost], ignore_index=True), crs="EPSG:4326")
    fr = front()
    fr["name"] = HOSTILE[:2]
    fr["source"] = HOSTILE[2:4]
    reg = regions()
    reg["admin1"] = HOSTILE[:2]
    out = tmp_path / "map.html"
    save_map(
        map_events(events, front=fr, boundaries=reg, base=countries(), title=HOSTILE[1]),
        out,
    )
    opened = open_map(out)
    page = opened.page
    assert page.locator(".geo-title-main").text_content() == HOSTILE[1]
    assert page.title() == HOSTILE[1]
    for k, text in enumerate(HOSTILE):
        center_on(opened, 40.0, 46.0 + k, 12)
        page.locator("path.geo-event").first.click()
        popup = page.locator(".leaflet-popup-content .geo-popup").last
        assert popup.locator(".geo-popup-title").text_content() == text
        assert popup.locator(".geo-sentence").text_content() == f"Before {text} after"
        assert popup.locator(".geo-popup-source a").count() == 0  # no javascript: link
    page.locator(".geo-missing summary").click()
    items = page.locator(".geo-missing li").all_text_contents()
    assert len(items) == n and items[0].startswith(HOSTILE[0])
    layer_box(opened, "Events per admin-1").check()
    opened.js("GeoEventMap.instances[0].map.setView([40.0, 46.7], 7, {animate: false})")
    page.locator("path.geo-front").first.dispatch_event("mouseover")
    tips = page.locator(".leaflet-tooltip")
    assert tips.last.locator("strong").text_content() == HOSTILE[1]  # the latest front
    page.locator("path.geo-region").first.dispatch_event("mouseover")
    region_names = {f"{h}, Azerbaijan" for h in HOSTILE[:2]}
    assert tips.last.locator("strong").text_content() in region_names
    # actors, search results and the exports hold the same text, as text
    page.locator(".geo-filters summary").click()
    options = page.locator(".geo-filter-actor option").all_text_contents()
    assert {f"{h} (1)" for h in HOSTILE} <= set(options)
    page.locator(".geo-search").fill("pwned")
    results = page.locator(".geo-search-result strong").all_text_contents()
    assert set(results) <= set(HOSTILE) and results
    csv_text = opened.js("GeoEventMap.instances[0].exportCSV()")
    assert "<script>window.__pwned=1</script>" in csv_text
    page.wait_for_timeout(300)
    assert opened.js("window.__pwned === undefined")
    assert opened.dialogs == []
    assert page.locator("img").count() == 0
    assert opened.errors == []


def test_measure_tool_is_geodesic(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    opened = open_map(offline_map(tmp_path))
    page = opened.page
    page.locator(".geo-measure-button").click()
    page.mouse.click(300, 400)
    page.mouse.click(700, 250)
    page.keyboard.press("Enter")
    pts = opened.js("GeoEventMap.instances[0].measure._points.map(p => [p.lat, p.lng])")
    meters = opened.js("GeoEventMap.instances[0].measure.lastMeters")
    assert len(pts) == 2
    _, _, expected = Geod(ellps="WGS84").inv(pts[0][1], pts[0][0], pts[1][1], pts[1][0])
    assert meters == pytest.approx(expected, abs=0.01)
    label = page.locator(".geo-measure-label").text_content()
    assert label == f"{expected / 1000:.2f} km"
    assert opened.errors == []


def test_fullscreen_button(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    opened = open_map(offline_map(tmp_path))
    opened.page.locator(".geo-fullscreen-button").click()
    assert opened.js("document.querySelector('.geo-map').classList.contains('geo-fullscreen')")
    opened.page.locator(".geo-fullscreen-button").click()
    assert not opened.js("document.querySelector('.geo-map').classList.contains('geo-fullscreen')")
    assert opened.errors == []


def test_empty_map_says_so(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    lost = sample(1).iloc[:2].copy()
    lost["geometry"] = None
    out = tmp_path / "empty.html"
    write_map(lost, out, front=None, boundaries=None, base=countries())
    opened = open_map(out)
    message = opened.page.locator(".geo-empty").text_content()
    assert message.startswith("No events to show")
    assert "2 event(s) have no coordinates" in message
    assert opened.page.locator(".geo-missing li").count() == 2
    assert opened.errors == []
    write_map(None, out, front=None, boundaries=None, base=None)
    opened = open_map(out)
    assert opened.page.locator(".geo-empty").text_content() == (
        "No events to showThe input held no events."
    )


def network_requests(opened: Opened) -> list[str]:
    return [u for u in opened.requests if not u.startswith(("file:", "data:", "blob:"))]


def cdn_copies() -> dict[str, bytes]:
    """What the CDN would serve: the fetched npm copies, at the addresses of a --cdn map."""
    return {
        url: assets.read_asset(assets.RESOURCES[name].package, assets.RESOURCES[name].path)
        for name, url in assets.CDN_URLS.items()
    }


def test_default_map_renders_with_the_network_blocked(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    out = tmp_path / "default.html"
    write_map(sample(), out, front=front())  # every default: base map, towns, lakes, regions
    opened = open_map(out)
    assert network_requests(opened) == []
    assert opened.errors == []
    page = opened.page
    assert page.locator(".geo-cluster").count() >= 2
    assert page.locator(".leaflet-geoBase-pane path.geo-base").count() >= 1
    assert page.locator(".leaflet-tile").count() == 0
    assert page.locator(".geo-cdn-failed").count() == 0
    credits = page.locator(".geo-credits").inner_text()
    assert "Natural Earth" in credits and "GeoNames" in credits


def test_cdn_map_with_no_network_says_so(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    out = tmp_path / "cdn.html"
    save_map(map_events(sample(), front=front(), boundaries=regions(), cdn=True), out)
    opened = open_map(out, ready="document.querySelector('.geo-cdn-failed') !== null")
    box = opened.page.locator(".geo-cdn-failed")
    assert box.is_visible()
    text = box.inner_text()
    assert "map libraries could not be loaded: no network?" in text
    assert "Re-run without --cdn" in text
    # the scripts were asked of the CDN (and refused here), nothing else
    asked = network_requests(opened)
    assert asked and all(u.startswith("https://cdn.jsdelivr.net/npm/") for u in asked)


def test_cdn_map_runs_only_the_checked_files(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    out = tmp_path / "cdn.html"
    save_map(map_events(sample(), front=front(), boundaries=regions(), cdn=True), out)
    opened = open_map(out, serve=cdn_copies())
    assert opened.errors == []
    assert opened.page.locator(".geo-cluster").count() >= 2
    assert opened.page.locator(".geo-cdn-failed").count() == 0
    # a CDN serving other bytes: the browser refuses them (integrity) and the page says so
    altered = cdn_copies()
    leaflet = assets.CDN_URLS["leaflet"]
    altered[leaflet] = altered[leaflet] + b"\nwindow.__altered = 1;\n"
    opened = open_map(out, serve=altered, ready="document.querySelector('.geo-cdn-failed')")
    assert opened.js("window.__altered === undefined && typeof window.L === 'undefined'")
    assert opened.page.locator(".geo-cdn-failed").is_visible()


def test_online_tiles_are_requested_only_when_picked(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    out = tmp_path / "tiles.html"
    save_map(map_events(sample(), front=front(), boundaries=regions(), online_tiles=True), out)
    opened = open_map(out)
    assert network_requests(opened) == []
    assert layer_box(opened, "Countries (offline)").is_checked()
    layer_box(opened, "OpenStreetMap (online)").check()
    opened.page.wait_for_timeout(300)
    asked = network_requests(opened)
    assert asked and all(re.match(r"https://tile\.openstreetmap\.org/\d+/", u) for u in asked)
    attribution = opened.page.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap contributors" in attribution
    layer_box(opened, "Countries (offline)").check()
    assert "OpenStreetMap" not in opened.page.locator(".leaflet-control-attribution").inner_text()


def test_notebook_map_renders_offline(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    m = map_events(sample(), front=front(), boundaries=regions(), height=500)
    # as Jupyter shows it: the output HTML inside a notebook page
    out = tmp_path / "notebook.html"
    out.write_text(
        f"<!DOCTYPE html><html><body><div class='output'>{m._repr_html_()}</div></body></html>",
        encoding="utf-8",
    )
    opened = open_map(out, ready="document.querySelector('iframe') !== null")
    frame = opened.page.frames[1]
    frame.wait_for_function("window.geoMapReady === true", timeout=20000)
    assert frame.locator(".geo-cluster").count() >= 2
    assert frame.locator(".leaflet-geoBase-pane path").count() >= 1
    assert network_requests(opened) == []
    assert opened.errors == []


def test_100k_events_small_and_fast(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    from bench.bench_map import synthetic_events

    events = synthetic_events(100_000)
    out = tmp_path / "big.html"
    write_map(events, out)
    size_mb = out.stat().st_size / 1e6
    assert size_mb <= 15
    start = time.perf_counter()
    opened = open_map(out)
    shown = time.perf_counter() - start
    assert shown < 5
    assert opened.js("GeoEventMap.instances[0].visibleCount()") == 100_000
    assert opened.errors == []


def test_demo_map_screenshot(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    from geo.mapping import demo_map

    out = demo_map(tmp_path / "demo-map.html")
    opened = open_map(out)
    assert opened.errors == []
    assert [u for u in opened.requests if not u.startswith("file:")] == []
    opened.page.set_viewport_size({"width": 1280, "height": 820})
    center = ctl_js(opened, "[c.map.getCenter().lat, c.map.getCenter().lng]")
    center_on(opened, center[0], center[1], ctl_js(opened, "c.map.getZoom()"))
    save_screenshot(opened, "demo-map.png")


def test_hostile_articles_through_the_command_line(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    from geo.cli import main

    tricks = " ".join(HOSTILE) + " {{7*7}} ${alert(1)} a\u2028b\u2029c"
    article = tmp_path / "hostile.txt"
    article.write_text(
        f"date 2020-10-04\nArtillery shelled Ganja on Sunday {tricks} {'X' * 300_000}.\n",
        encoding="utf-8",
    )
    table = tmp_path / "acled.csv"
    pd.DataFrame(
        {
            "event_id_cnty": ["H1"],
            "event_date": ["2020-10-05"],
            "event_type": [HOSTILE[1]],
            "location": [HOSTILE[2]],
            "latitude": [40.3418],
            "longitude": [46.9297],
            "notes": [f"{HOSTILE[0]} {{{{7*7}}}} a\u2028b\u2029c"],
            "source": ["javascript:window.__pwned=7"],
        }
    ).to_csv(table, index=False)
    out = tmp_path / "map.html"
    argv = ["map", str(article), str(table), "-o", str(out), "--title", HOSTILE[1]]
    assert main([*argv, "--front", "none", "--boundaries", "none"]) == 0
    page_text = out.read_text(encoding="utf-8")
    assert 'data-encoding="gzip+base64"' in page_text  # the compressed path, too
    for raw in ("<script>window.__pwned", "<img src=x", "<svg onload"):
        assert raw not in page_text
    opened = open_map(out)
    page = opened.page
    assert page.title() == HOSTILE[1]
    center_on(opened, 40.3418, 46.9297, 12)
    page.locator("path.geo-event").first.click()
    popup = page.locator(".leaflet-popup-content .geo-popup").last
    assert popup.locator(".geo-popup-title").text_content() == HOSTILE[2]
    assert (
        popup.locator(".geo-sentence").text_content() == f"{HOSTILE[0]} {{{{7*7}}}} a\u2028b\u2029c"
    )
    assert popup.locator(".geo-popup-source a").count() == 0
    center_on(opened, 40.68157, 46.36134, 12)
    page.locator("path.geo-event").first.click()
    sentence = page.locator(".leaflet-popup-content .geo-sentence").last.text_content()
    for trick in [*HOSTILE, "{{7*7}} ${alert(1)}"]:  # white space is normalised in notes
        assert trick in sentence
    page.wait_for_timeout(300)
    assert opened.js("window.__pwned === undefined")
    assert opened.dialogs == []
    assert page.locator("img").count() == 0
    assert opened.errors == []


def test_template_like_text_is_shown_verbatim(
    tmp_path: Path, open_map: Callable[..., Opened]
) -> None:
    # an uncompressed page: its JSON is in the HTML as it is, where a template engine that
    # rendered the page twice would have evaluated it
    events = gpd.GeoDataFrame(sample(1).iloc[:1].copy(), crs="EPSG:4326")
    notes = 'Shells fell {{7*7}} {% if 1 %}x{% endif %} {# {{ "x" }} {{cite web|url=a}}.'
    events.loc[0, "location"] = "{{7*7}}"
    events.loc[0, "notes"] = notes
    out = offline_map(tmp_path, events, title="{{7*7}} {%", compress_min_bytes=10**9)
    assert "{{7*7}}" in out.read_text(encoding="utf-8")  # not gzip+base64
    opened = open_map(out)
    page = opened.page
    assert page.title() == "{{7*7}} {%"
    assert page.locator(".geo-title-main").text_content() == "{{7*7}} {%"
    point = events.geometry.iloc[0]
    center_on(opened, point.y, point.x, 13)
    page.locator("path.geo-event").first.click()
    popup = page.locator(".leaflet-popup-content .geo-popup").last
    assert popup.locator(".geo-popup-title").text_content() == "{{7*7}}"
    assert popup.locator(".geo-sentence").text_content() == notes
    assert "49" not in popup.text_content()
    assert opened.errors == []


def test_pmtiles_base_map_is_drawn_offline(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    from tests.test_mapping import write_pmtiles

    tiles = tmp_path / "tiny.pmtiles"
    write_pmtiles(tiles)
    opened = open_map(offline_map(tmp_path, basemap=tiles))
    page = opened.page
    page.wait_for_function(
        "document.querySelectorAll('.leaflet-geoTiles-pane canvas').length > 0", timeout=20000
    )
    assert ctl_js(opened, "c.map.hasLayer(c.layers.tiles) && !c.map.hasLayer(c.layers.base)")
    # the tile under the events holds the lake's blue, drawn from the embedded archive
    colours = opened.js(
        """() => {
            const out = new Set();
            for (const cv of document.querySelectorAll('.leaflet-geoTiles-pane canvas')) {
                const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
                for (let i = 0; i < d.length; i += 4 * 97) {
                    out.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);
                }
            }
            return out.size;
        }"""
    )
    assert colours >= 2
    layer_box(opened, "Countries (offline)").check()
    assert ctl_js(opened, "c.map.hasLayer(c.layers.base)")
    assert [u for u in opened.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert opened.errors == []


SHARED = Path(os.environ.get("GEO_SHARED_DIR") or REPO.parent / "shared")
REALDATA = SHARED / "realdata"


def ukraine_events() -> gpd.GeoDataFrame:
    """The real ACLED and UCDP tables of Ukraine, read here with pandas (not geo's reader:
    this test is about the map), as one frame with ACLED's column names."""
    acled = pd.read_csv(REALDATA / "events" / "peacerep-ACLED-Ukraine.csv")
    acled["event_date"] = pd.to_datetime(acled["event_date"], dayfirst=True, format="mixed")
    ucdp = pd.read_csv(REALDATA / "events" / "peacerep-UCDP-Ukraine.csv", encoding="cp1252")
    kinds = {1: "State-based conflict", 2: "Non-state conflict", 3: "One-sided violence"}
    ucdp = pd.DataFrame(
        {
            "event_id": ucdp["id"].astype(str),
            "event_date": pd.to_datetime(ucdp["date_start"], format="mixed"),
            "event_type": ucdp["type_of_violence"].map(kinds),
            "actor1": ucdp["side_a"],
            "actor2": ucdp["side_b"],
            "location": ucdp["where_description"],
            "admin1": ucdp["adm_1"],
            "country": ucdp["country"],
            "latitude": ucdp["latitude"],
            "longitude": ucdp["longitude"],
            "fatalities": ucdp["best"],
            "where_prec": ucdp["where_prec"],
            "notes": ucdp["source_headline"],
            "source": ucdp["source_office"],
        }
    )
    both = pd.concat([acled.rename(columns={"event_id_cnty": "event_id"}), ucdp], ignore_index=True)
    both["event_date"] = both["event_date"].dt.strftime("%Y-%m-%d")
    points = gpd.points_from_xy(both["longitude"], both["latitude"], crs="EPSG:4326")
    return gpd.GeoDataFrame(both, geometry=points)


@pytest.mark.skipif(not REALDATA.exists(), reason=f"{REALDATA} is absent (not part of the repo)")
def test_ukraine_map_from_real_data(tmp_path: Path, open_map: Callable[..., Opened]) -> None:
    import warnings

    from geo.frontline import derive_front_lines, distance_to_front

    weekly = REALDATA / "control" / "ukraine-occupied-weekly-2022-23.geojson"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fronts = derive_front_lines(weekly)
        events = ukraine_events()
        events = distance_to_front(events, front=fronts)
    assert len(fronts) == 28
    out = tmp_path / "ukraine.html"
    report = write_map(
        events,
        out,
        front=fronts,
        since="2022-08-25",
        until="2023-03-08",
        title="Ukraine, 25 Aug 2022 – 8 Mar 2023: ACLED and UCDP events, DeepStateMap fronts",
    )
    assert report.summary.n_mapped > 100
    opened = open_map(out)
    page = opened.page
    page.set_viewport_size({"width": 1280, "height": 820})
    # the week the Russian forces left Kherson: that week's front and its bands
    ctl_js(opened, "c.setUnit('week')")
    ctl_js(opened, "c.setRange(19303, 19309)")  # 2022-11-07 to 2022-11-13
    shown = ctl_js(opened, "c.frontsShown.map(f => f.props.valid_from)")
    assert shown == ["2022-11-10"]
    assert page.locator("path.geo-band").count() == 4
    assert ctl_js(opened, "c.frontsEarlier.length") == 11  # weekly since 2022-08-25
    # the week of the Kharkiv counter-offensive, with the fronts before it, faded
    ctl_js(opened, "c.setRange(19240, 19246)")  # 2022-09-05 to 2022-09-11
    assert ctl_js(opened, "c.frontsShown.map(f => f.props.valid_from)") == ["2022-09-08"]
    ctl_js(opened, "c.setTrail(true)")
    assert page.locator("path.geo-front-trail").count() == 2
    center_on(opened, 48.6, 36.6, 7)
    assert opened.page.locator(".geo-town").count() >= 10
    assert ctl_js(opened, "c.visibleCount()") > 10
    assert opened.errors == []
    assert [u for u in opened.requests if not u.startswith("file:")] == []
    save_screenshot(opened, "ukraine-map.png")


def save_screenshot(opened: Opened, name: str) -> None:
    """Write out/NAME and, when missing or GEO_UPDATE_SCREENSHOT=1, docs/NAME (256 colours)."""
    shot = REPO / "out" / name
    shot.parent.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(shot))
    docs = REPO / "docs" / name
    if not docs.exists() or os.environ.get("GEO_UPDATE_SCREENSHOT") == "1":
        from PIL import Image

        docs.parent.mkdir(exist_ok=True)
        image = Image.open(shot).convert("RGB")
        image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(docs, optimize=True)
    assert docs.stat().st_size < 500_000
