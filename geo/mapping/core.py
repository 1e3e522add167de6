"""map_events, save_map, write_map: frames in, one self-contained HTML page out."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import folium
import numpy as np
import numpy.typing as npt
import pandas as pd

from geo import config
from geo.errors import DataError, InputError
from geo.io.files import atomic_write, check_writable
from geo.mapping.basemap import (
    CREDIT_GEONAMES,
    CREDIT_GSHHG,
    CREDIT_NATURAL_EARTH,
    CREDIT_PROTOMAPS,
    admin1_lines_payload,
    countries_payload,
    event_credits,
    lakes_payload,
    load_lakes,
    load_towns,
    pmtiles_payload,
    towns_payload,
)
from geo.mapping.page import EventLayers, EventMap, GeoLayer, encode_payload
from geo.mapping.payload import (
    MISSING_KEYS,
    DateArg,
    LayerArg,
    coordinates,
    date_text,
    day_numbers,
    event_payload,
    first_column,
    front_payload,
    missing_rows,
    region_payload,
    resolve_layer,
    text_of,
    to_day,
)

if TYPE_CHECKING:
    import geopandas as gpd


# ------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class MapSummary:
    """What a map holds: counts, and the events it could not place.

    Attributes
    ----------
    n_input
        Rows given.
    n_mapped
        Events drawn (with valid coordinates, inside the date range).
    n_missing_coordinates
        Events without usable coordinates; listed in :attr:`missing` and in the map.
    n_outside_dates
        Events left out by ``since``/``until`` (undated events too, when a range is given).
    missing
        One row per event without coordinates: ``event_id, location, mention, event_date,
        event_type, source, reason``.
    layers
        Names of the layers drawn.
    notes
        Layers that could not be drawn, and why.
    """

    n_input: int
    n_mapped: int
    n_missing_coordinates: int
    n_outside_dates: int
    missing: pd.DataFrame
    layers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MapReport:
    """Result of :func:`write_map`: where the map went, its size and its summary."""

    path: Path
    size_bytes: int
    summary: MapSummary = field(repr=False)


def map_events(
    events: pd.DataFrame | None,
    *,
    front: LayerArg = "default",
    boundaries: LayerArg = "default",
    base: LayerArg = "default",
    title: str | None = None,
    cdn: bool = False,
    online_tiles: bool = False,
    tiles: str = config.MAP_TILES,
    offline: bool | None = None,
    since: DateArg = None,
    until: DateArg = None,
    bands_km: Sequence[float] = config.DISTANCE_BANDS_KM,
    heat: bool = True,
    width: str | int = "100%",
    height: str | int = "100%",
    compress_min_bytes: int = config.MAP_COMPRESS_MIN_BYTES,
    towns: pd.DataFrame | Literal["default"] | None = "default",
    lakes: LayerArg = "default",
    basemap: str | Path | None = None,
    attribution: Sequence[str] = (),
) -> EventMap:
    """Build an interactive map of events, for Jupyter or to save as one HTML file.

    Parameters
    ----------
    events
        Events (GeoDataFrame of points in any CRS, or a DataFrame with ``latitude`` and
        ``longitude``) with the usual columns (``event_type, event_date, location, mention,
        fatalities, injured, notes, source, country, admin1, distance_to_front_km``...).
        Any column may be missing or empty. None or no rows gives a map that says so.
    front
        Front lines (``name, valid_from, valid_to, source, geometry``), drawn with their
        dates and distance bands; ``"default"`` loads the embedded ones, None draws none.
    boundaries
        Admin-1 polygons for the choropleth of events per region; ``"default"`` loads the
        embedded ones, None draws no choropleth.
    base
        Countries drawn as the base map; ``"default"`` loads the embedded admin-0
        boundaries (Natural Earth), None draws none.
    title
        Shown at the top of the map and as the page title.
    cdn
        Link Leaflet and its plugins on a CDN (each with a Subresource Integrity hash of
        the local copy) instead of inlining them: a smaller page that needs the network,
        and says so in the page when the files cannot load. By default every script and
        stylesheet is inlined and the page requests nothing.
    online_tiles
        Offer the web tiles ``tiles`` as a second base layer in the layer control, with
        their attribution; hidden at first, the offline base map stays the default, and no
        tile is requested unless the reader picks them.
    tiles
        folium tile name of the online base layer of ``online_tiles``.
    offline
        Kept for compatibility: maps are offline by default. ``offline=False`` is the same
        as ``cdn=True``; ``offline=True`` with ``cdn=True`` is an error.
    since, until
        Keep events of these days only (inclusive); undated events are then left out.
    bands_km
        Upper bounds of the distance bands drawn around the front, in km; empty for none.
    heat
        Add a heat-map layer (hidden at first; tick it in the layer control).
    width, height
        Size of the map (CSS length or pixels).
    compress_min_bytes
        Embedded data at least this large is gzip-compressed.
    towns
        Towns labelled on the offline base map (``name, lat, lon, population``);
        ``"default"`` takes those of the gazetteer (:func:`geo.mapping.basemap.load_towns`),
        None labels none.
    lakes
        Lakes and wide rivers of the offline base map (polygons); ``"default"`` takes the
        embedded ones (GSHHG), None draws none.
    basemap
        A PMTiles file (e.g. a Protomaps extract) embedded as the base map, drawn by
        protomaps-leaflet; the countries stay available in the layer control.
    attribution
        Credits shown on the map besides those read from the data: the event tables
        (ACLED, UCDP GED, by their ``dataset`` column or their own columns), the gazetteer
        of geocoded events (GeoNames, Natural Earth), the embedded layers drawn (Natural
        Earth, GSHHG, GeoNames towns), the ``source`` of the front lines and the PMTiles base
        map; the online tiles credit themselves while shown.

    Returns
    -------
    EventMap
        A :class:`folium.Map`; ``m.summary`` (:class:`MapSummary`) has the counts and the
        events without coordinates.

    Raises
    ------
    InputError
        If ``since``/``until`` is not a date or ``since`` is after ``until``, or a layer
        has no CRS, or ``offline=True`` is given with ``cdn=True``.
    DataError
        When the page is rendered, if the assets were not fetched (see
        :mod:`geo.mapping.assets`).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"latitude": [39.99, None], "longitude": [46.93, None],
    ...                       "location": ["Aghdam", "Hadrut"]})
    >>> m = map_events(table, front=None, boundaries=None)
    >>> m.summary.n_mapped, m.summary.missing["location"].tolist()
    (1, ['Hadrut'])
    """
    frame = pd.DataFrame() if events is None else events
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"events must be a (Geo)DataFrame, not {type(frame).__name__}")
    if offline is not None:
        if offline and cdn:
            raise InputError("offline=True and cdn=True contradict each other; give cdn only")
        cdn = not offline
    n_input = len(frame)
    notes: list[str] = []

    lat, lon, reasons = coordinates(frame)
    placed = np.array([r is None for r in reasons], dtype=bool)
    days = day_numbers(first_column(frame, ("event_date", "date", "date_start")), n_input)
    start, end = to_day(since, "since"), to_day(until, "until")
    if start is not None and end is not None and start > end:
        raise InputError(
            f"since {date_text(since)} is after until {date_text(until)}: no event can be "
            "in between; swap them"
        )
    in_dates = np.ones(n_input, dtype=bool)
    if start is not None or end is not None:
        with np.errstate(invalid="ignore"):
            in_dates = np.isfinite(days)
            if start is not None:
                in_dates &= days >= start
            if end is not None:
                in_dates &= days <= end
    missing_at = np.flatnonzero(~placed & in_dates)
    keep = np.flatnonzero(placed & in_dates)
    n_outside = int((~in_dates).sum())
    missing = missing_rows(frame, missing_at, reasons)
    sub = frame.iloc[keep]
    lat, lon, days = lat[keep], lon[keep], days[keep]
    n = len(keep)

    payload, cols, type_column = event_payload(sub, lat, lon, days)

    # --- other layers
    layers = ["Events"]
    front_frame = resolve_layer(front, "front", notes)
    if front_frame is not None and len(front_frame):
        dated = np.isfinite(days)
        span = (float(days[dated].min()), float(days[dated].max())) if dated.any() else None
        fc, bands, labels = front_payload(front_frame, bands_km, span)
        payload["front"], payload["bands"], payload["bandLabels"] = fc, bands, labels
        if fc is not None:
            layers.append("Front lines")
        if bands is not None:
            layers.append("Distance to front")
    region_frame = resolve_layer(boundaries, "admin1", notes)
    if region_frame is not None and n:
        regions, region_of = region_payload(region_frame, lat, lon)
        if regions is not None and region_of is not None:
            payload["regions"] = regions
            cols["region"] = region_of
            layers.append("Events per admin-1")
    view = (float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())) if n else None
    # Places merely mentioned (a capital, a far city) would widen the view to a continent.
    fit = np.ones(n, dtype=bool)
    if type_column is not None:
        fit = ~type_column.isin(config.MAP_FIT_IGNORE_TYPES).to_numpy()
    if not fit.any():
        fit[:] = True
    fit &= _near_the_rest(lat, lon, fit)
    fit_view = view
    if n:
        fit_view = (
            float(lon[fit].min()),
            float(lat[fit].min()),
            float(lon[fit].max()),
            float(lat[fit].max()),
        )
    credits: list[str] = []
    # the offline base map: always there (web tiles are only an option on top of it)
    base_frame = resolve_layer(base, "admin0", notes)
    if base_frame is not None:
        payload["base"] = countries_payload(base_frame, view)
        if _is_default(base):
            credits.append(CREDIT_NATURAL_EARTH)
    if region_frame is not None:
        payload["admin1"] = admin1_lines_payload(region_frame, fit_view)
    lake_frame = _resolve_lakes(lakes, notes)
    if lake_frame is not None:
        payload["lakes"] = lakes_payload(lake_frame, fit_view)
        if payload["lakes"] and _is_default(lakes):
            credits.append(CREDIT_GSHHG)
    town_frame = _resolve_towns(towns, notes)
    if town_frame is not None:
        payload["towns"] = towns_payload(town_frame, fit_view)
        if payload["towns"] and _is_default(towns):
            credits.append(CREDIT_GEONAMES)
    if basemap is not None:
        payload["pmtiles"] = pmtiles_payload(basemap)
        credits.append(CREDIT_PROTOMAPS)
    if region_frame is not None and _is_default(boundaries):
        credits.append(CREDIT_NATURAL_EARTH)
    credits.extend(_front_credits(payload.get("front")))
    credits.extend(event_credits(frame))
    credits.extend(str(a) for a in attribution if str(a).strip())
    payload["cols"] = cols
    payload["missing"] = {
        "count": len(missing),
        "rows": [
            {key: text_of(row[col]) for key, col in MISSING_KEYS.items() if text_of(row[col])}
            for row in missing.head(config.MAP_MISSING_LIST_MAX).to_dict("records")
        ],
        "more": max(0, len(missing) - config.MAP_MISSING_LIST_MAX),
    }
    payload["excluded"] = n_outside
    payload["credits"] = list(dict.fromkeys(credits))

    # --- the folium map
    bounds = _fit_bounds(fit_view, payload)
    centre = (
        [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
        if bounds
        else [30.0, 20.0]
    )
    m = EventMap(
        location=centre,
        zoom_start=6 if bounds else 2,
        tiles=None,
        control_scale=True,
        max_zoom=18,
        width=width,
        height=height,
        asset_mode="cdn" if cdn else "inline",
    )
    # Without a tile layer, Leaflet knows no maximum zoom (clusters need one).
    m.options["max_zoom"] = 18
    title_text = title or config.MAP_TITLE
    root: Any = m.get_root()
    root.title = html.escape(title_text)
    blobs = {}
    if payload.get("pmtiles"):
        blobs["pmtiles"] = payload["pmtiles"].pop("data")
    text, encoding = encode_payload(payload, compress_min_bytes=compress_min_bytes)
    options = {
        "title": title_text,
        "offline": True,
        "bounds": bounds,
        "fitMaxZoom": config.MAP_FIT_MAX_ZOOM,
        "unknownColor": config.MAP_UNKNOWN_COLOR,
        "bandsKm": [float(b) for b in bands_km],
        "sequential": list(config.MAP_SEQUENTIAL),
    }
    owner = EventLayers(text, encoding or None, options, heat, blobs=blobs)
    m.add_child(owner)
    if payload.get("pmtiles"):
        m.add_child(GeoLayer(owner, "tiles", "Base map (PMTiles)", overlay=False))
        layers.append("Base map (PMTiles)")
    if payload.get("base"):
        m.add_child(
            GeoLayer(
                owner, "base", "Countries (offline)", overlay=False, show=not payload.get("pmtiles")
            )
        )
    if online_tiles:
        # not shown at first: no tile is requested unless the reader picks this layer
        # (folium's tile layers carry their attribution, which Leaflet shows meanwhile)
        folium.TileLayer(
            tiles, name=config.MAP_ONLINE_TILES_LABEL, overlay=False, control=True, show=False
        ).add_to(m)
        layers.append(config.MAP_ONLINE_TILES_LABEL)
    if payload.get("towns"):
        m.add_child(GeoLayer(owner, "towns", "Towns"))
        layers.append("Towns")
    if "regions" in payload:
        m.add_child(GeoLayer(owner, "regions", "Events per admin-1", show=False))
    if payload.get("bands"):
        m.add_child(GeoLayer(owner, "bands", "Distance to front"))
    if payload.get("front"):
        m.add_child(GeoLayer(owner, "front", "Front lines"))
    if heat:
        m.add_child(GeoLayer(owner, "heat", "Heat map", show=False))
        layers.append("Heat map")
    m.add_child(GeoLayer(owner, "events", "Events"))
    folium.LayerControl(collapsed=False).add_to(m)
    m.summary = MapSummary(
        n_input=n_input,
        n_mapped=n,
        n_missing_coordinates=len(missing),
        n_outside_dates=n_outside,
        missing=missing,
        layers=tuple(layers),
        notes=tuple(notes),
    )
    return m


def _is_default(value: object) -> bool:
    return isinstance(value, str) and value == "default"


def _resolve_towns(
    towns: pd.DataFrame | Literal["default"] | None, notes: list[str]
) -> pd.DataFrame | None:
    if towns is None:
        return None
    if isinstance(towns, str):
        if towns != "default":
            raise InputError(f"towns must be a DataFrame, 'default' or None, not {towns!r}")
        try:
            return load_towns()
        except (ImportError, DataError, OSError) as err:
            notes.append(f"no towns on the base map: {err}")
            return None
    missing = {"name", "lat", "lon", "population"} - set(towns.columns)
    if missing:
        raise InputError(
            f"towns need the columns name, lat, lon, population; missing {sorted(missing)}"
        )
    return towns


def _resolve_lakes(lakes: LayerArg, notes: list[str]) -> gpd.GeoDataFrame | None:
    if lakes is None:
        return None
    if isinstance(lakes, str):
        if lakes != "default":
            raise InputError(f"lakes must be a GeoDataFrame, 'default' or None, not {lakes!r}")
        try:
            return load_lakes()
        except (ImportError, DataError, OSError) as err:
            notes.append(f"no lakes on the base map: {err}")
            return None
    return lakes


def _front_credits(front: Mapping[str, Any] | None) -> list[str]:
    sources = [
        f["properties"].get("source")
        for f in (front or {}).get("features", [])
        if f.get("properties")
    ]
    names = list(dict.fromkeys(s for s in sources if s))
    shown = names[: config.MAP_CREDIT_MAX_FRONT_SOURCES]
    more = len(names) - len(shown)
    return (
        [f"Front lines: {'; '.join(shown)}" + (f" and {more} more" if more else "")]
        if shown
        else []
    )


def _near_the_rest(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], among: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Events not far from the others: within a multiple of the median distance (km) to the
    median point (at least :data:`geo.config.MAP_FIT_MIN_KM`), so that one far-away
    place (a capital where talks were held) does not zoom the first view out to a continent.
    """
    keep = np.ones(len(lat), dtype=bool)
    if among.sum() < config.MAP_FIT_MIN_EVENTS:
        return keep
    clat, clon = np.radians(np.median(lat[among])), np.radians(np.median(lon[among]))
    rlat, rlon = np.radians(lat), np.radians(lon)
    hav = (
        np.sin((rlat - clat) / 2) ** 2
        + np.cos(rlat) * np.cos(clat) * np.sin((rlon - clon) / 2) ** 2
    )
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(hav, 0, 1)))
    limit = max(config.MAP_FIT_MEDIAN_FACTOR * float(np.median(km[among])), config.MAP_FIT_MIN_KM)
    near: npt.NDArray[np.bool_] = km <= limit
    return near


def _fit_bounds(
    view: tuple[float, float, float, float] | None, payload: Mapping[str, Any]
) -> list[list[float]] | None:
    if view is not None:
        return [[view[1], view[0]], [view[3], view[2]]]
    for key in ("front", "regions"):
        collection = payload.get(key)
        if not collection:
            continue
        import shapely
        from shapely.geometry import shape

        geoms = [shape(f["geometry"]) for f in collection["features"] if f.get("geometry")]
        if geoms:
            x0, y0, x1, y1 = shapely.total_bounds(np.array(geoms, dtype=object)).tolist()
            return [[y0, x0], [y1, x1]]
    return None


def save_map(m: folium.Map, path: str | Path) -> Path:
    """Write a map as one HTML file, atomically (a previous file is replaced whole).

    Raises
    ------
    OutputError
        If the folder does not exist or is not writable, or the path is a folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> save_map(map_events(None, front=None, boundaries=None), out).stat().st_size > 0
    True
    """
    target = check_output(path)  # before rendering, which can take seconds
    page = m.get_root().render()
    with atomic_write(target, "w") as fh:  # turns write errors into OutputError
        fh.write(page)
    return target


def write_map(events: pd.DataFrame | None, path: str | Path, **options: Any) -> MapReport:
    """Build a map (:func:`map_events`, same keyword options) and save it (:func:`save_map`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> write_map(None, out, front=None, boundaries=None).summary.n_mapped
    0
    """
    m = map_events(events, **options)
    target = save_map(m, path)
    assert m.summary is not None
    return MapReport(path=target, size_bytes=target.stat().st_size, summary=m.summary)


def check_output(path: str | Path) -> Path:
    """Fail early, before any work, if a map cannot be written at ``path``.

    Raises
    ------
    OutputError
        If the folder is missing or not writable, or the path is a folder.

    Examples
    --------
    >>> check_output("/no/such/folder/map.html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    geo.errors.OutputError: cannot write the map to ...: folder ... does not exist; create it first
    """
    return check_writable(path, what="the map to ")


def demo_map(
    path: str | Path | None = None,
    *,
    cdn: bool = False,
    events: gpd.GeoDataFrame | None = None,
) -> Path:
    """Write the map of the embedded sample articles (``data/samples``); return its path.

    ``make demo`` calls it; the default output is ``out/demo-map.html`` (folder created).
    ``events`` saves rebuilding them when the caller already has
    :func:`geo.demo.sample_events`.

    Examples
    --------
    >>> demo_map("out/demo-map.html")  # doctest: +SKIP
    PosixPath('out/demo-map.html')
    """
    from geo.demo import sample_events

    target = Path(path) if path is not None else Path(config.DEMO_MAP_PATH)
    if path is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    if events is None:
        events = sample_events()
    write_map(events, target, title=config.DEMO_MAP_TITLE, cdn=cdn)
    return target
