"""Interactive maps of events: a folium map whose events are drawn in the browser.

folium draws one marker object per event, built in Python and written into the page one by
one: a few thousand make the page stall, and every popup is raw HTML. Here the events go
into the page once, as compact column-wise JSON (gzip-compressed when large), and a small
script of this package (``geo/static/eventmap.js``) clusters and draws them in the browser,
on a pixel grid recomputed at each move, so only what is in view becomes map objects. Text
reaches the page only as JSON (with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped) and is put
into the document with ``textContent``: an article cannot inject markup or script.

Text is data, never template source. folium and branca build a page by rendering each
element's Jinja2 macros and wrapping the output in a new ``branca.element.Element``, whose
template is rendered again when the page is saved: any ``{{ ... }}`` in an article would then
run as (unsandboxed) Jinja2. The elements of this module therefore add their parts to the
page as :class:`LiteralElement` (text that is never parsed as a template), with the data built
in Python, and :class:`EventMap` turns the macro outputs of every element of the map into
literal text after its own render (see :func:`freeze_rendered`).

The map shows the events (coloured by type, sized by fatalities, clustered), a heat map,
the front lines with their dates and distance bands around them, a choropleth of events per
admin-1 region, a legend, a time slider by day, layer control, scale, measure tool and full
screen. With ``offline=True`` every script and stylesheet is inlined (from the npm packages
fetched at install time by :mod:`geo.assets`) and countries drawn from the embedded
boundaries replace the web tiles.

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import Point
>>> events = gpd.GeoDataFrame(
...     {"event_type": ["Battles"], "location": ["Aghdam"], "fatalities": [3]},
...     geometry=[Point(46.92736, 39.99096)], crs="EPSG:4326")
>>> m = map_events(events, front=None, boundaries=None)
>>> m.summary.n_mapped
1
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import folium
import numpy as np
import numpy.typing as npt
import pandas as pd
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from geo import defaults
from geo.errors import DataError, InputError
from geo.io.files import atomic_write, check_writable

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "EventMap",
    "LiteralElement",
    "MapReport",
    "MapSummary",
    "build_events",
    "check_output",
    "demo_map",
    "distance_band_polygons",
    "freeze_rendered",
    "inline_assets",
    "map_events",
    "save_map",
    "write_map",
]

LayerArg: TypeAlias = "gpd.GeoDataFrame | Literal['default'] | None"
DateArg: TypeAlias = "str | date | datetime | pd.Timestamp | None"

_EPOCH = np.datetime64("1970-01-01", "D")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?!\d)")

# Text columns put in the page: key in the page -> candidate column names, best first.
_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "place": ("location", "place", "name"),
    "mention": ("mention",),
    "sub": ("sub_event_type",),
    "notes": ("notes", "sentence"),
    "source": ("source",),
    "country": ("country",),
    "admin1": ("admin1",),
    "disputed": ("disputed_area",),
    "side": ("front_side",),
    "frontname": ("front_line",),
    "id": ("event_id", "event_id_cnty", "id"),
}
_MISSING_KEYS = {
    "place": "location",
    "mention": "mention",
    "date": "event_date",
    "type": "event_type",
    "source": "source",
    "reason": "reason",
}
_NUMBER_COLUMNS: dict[str, tuple[tuple[str, ...], int | None]] = {
    "fat": (("fatalities", "deaths", "best"), 0),
    "inj": (("injured",), 0),
    "dist": (("distance_to_front_km",), 1),
    "prec": (("geo_precision", "where_prec"), 0),
    "tprec": (("time_precision", "date_prec"), 0),
}


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


class EventMap(folium.Map):  # type: ignore[misc]
    """A :class:`folium.Map` that knows its :class:`MapSummary` and can inline its assets.

    With ``offline`` true, rendering inlines every JavaScript and CSS file the page needs
    (see :func:`inline_assets`), so the page requests nothing from the network.
    """

    def __init__(self, *args: Any, offline: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offline = offline
        self.summary: MapSummary | None = None

    def render(self, **kwargs: Any) -> Any:
        if self.offline:
            inline_assets(self)
        result = super().render(**kwargs)  # type: ignore[no-untyped-call]
        freeze_rendered(self)
        return result


# ------------------------------------------------------------------------------ literal text


class LiteralElement(Element):  # type: ignore[misc]
    """Text added to a page as it is: never parsed nor rendered as a Jinja2 template.

    A plain ``branca.element.Element(text)`` compiles ``text`` as a template and renders it
    when the page is saved, so ``{{ ... }}`` in it would run and a stray ``{%`` would crash.
    The caller is responsible for the text being safe HTML (escaped, or JSON made inert by
    :func:`_script_json`).

    Examples
    --------
    >>> LiteralElement("{{ 7*7 }} {% stays %}").render()
    '{{ 7*7 }} {% stays %}'
    """

    def __init__(self, text: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "LiteralElement"
        self.text = str(text)

    def render(self, **kwargs: Any) -> str:
        return self.text


def freeze_rendered(m: Element) -> None:
    """Turn what the elements of ``m`` added to the page into literal text.

    branca's ``MacroElement.render`` (and folium's popups and class includes) put the
    *output* of their Jinja2 macros into the figure's header, html and script parts as a
    plain ``Element(output)``, which is rendered once more as a template when the page is
    saved. That output is final HTML: rendering it again can only do harm (run or choke on
    ``{{``, ``{%`` or ``{#`` that came from data). Called after ``m`` rendered, this replaces
    each such part, found by the name of the element of ``m`` that added it, by a
    :class:`LiteralElement` of the same text, in place. Parts added by anything else (the
    figure's own ``<meta>``, elements outside ``m``) are left alone.

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> _ = m.get_root().render()
    >>> freeze_rendered(m)
    >>> figure = m.get_root()
    >>> type(figure.script._children[m.get_name()]).__name__
    'LiteralElement'
    """
    figure = m.get_root()
    if not isinstance(figure, Figure):
        return
    names: set[str] = set()
    for element in _walk(m):
        names.add(element.get_name())
        if getattr(type(element), "includes", None):
            names.add(f"{element._name}_includes")  # folium.map.Class.render
    for part in (figure.header, figure.html, figure.script):
        children = part._children
        for key, child in list(children.items()):
            source = getattr(child, "_template_str", None)
            if type(child) is Element and key in names and source is not None:
                literal = LiteralElement(source)
                literal._parent = part
                children[key] = literal  # same key: same place in the page


# ------------------------------------------------------------------------------ assets


def _static(name: str) -> str:
    text = resources.files("geo").joinpath("static", name).read_text(encoding="utf-8")
    low = text.lower()
    if "</script" in low or "</style" in low or "<!--" in low:
        raise DataError(f"geo/static/{name} contains an HTML end tag and cannot be inlined")
    return text


def _walk(element: Element) -> Iterable[Element]:
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def inline_assets(m: folium.Map) -> None:
    """Make a folium map self-contained: inline every script and stylesheet it links.

    Every resource that folium's elements declare (``default_js``/``default_css``) is
    replaced by the file fetched from npm at install time (:mod:`geo.assets`); folium's
    jQuery, Bootstrap and Font Awesome, which the maps of :mod:`geo` do not use, are left
    out. Call it after the last element was added (:class:`EventMap` does, at render).

    Raises
    ------
    DataError
        If a needed asset was not fetched, or an element links a resource that has no
        offline copy (a folium plugin :mod:`geo.assets` does not know).

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> inline_assets(m)  # doctest: +SKIP
    >>> "<script src=" in m.get_root().render()  # doctest: +SKIP
    False
    """
    from geo import assets

    figure = m.get_root()
    if not isinstance(figure, Figure):
        raise InputError("inline_assets() needs a map inside a folium Figure")
    done: dict[str, str] = getattr(figure, "_geo_inlined", None) or {}
    for element in _walk(figure):
        for attr in ("default_js", "default_css"):
            declared: Sequence[tuple[str, str]] = getattr(element, attr, None) or ()
            for name, url in declared:
                if name in done:
                    continue
                if name in assets.UNUSED_RESOURCES:
                    done[name] = ""
                elif name in assets.RESOURCES:
                    kind = assets.RESOURCES[name].kind
                    done[name] = assets.inline_js(name) if kind == "js" else assets.inline_css(name)
                else:
                    raise DataError(
                        f"{type(element).__name__} links {url}, which has no offline copy; "
                        "leave that element out of offline maps or use offline=False"
                    )
            if declared:
                setattr(element, attr, [])
    figure._geo_inlined = done  # type: ignore[attr-defined]
    for name, code in done.items():
        # named children: rendering again replaces instead of adding twice
        figure.header.add_child(LiteralElement(code), name=f"geo_inline_{name}")


# ------------------------------------------------------------------------------ elements


def _figure_of(element: Element) -> Figure:
    figure = element.get_root()
    if not isinstance(figure, Figure):
        raise InputError(f"{type(element).__name__} can only be rendered inside a folium Figure")
    return figure


class _EventLayers(JSCSSMixin):  # type: ignore[misc]
    """The data and the script that draws them; its layers are exposed by :class:`_GeoLayer`.

    Its parts are built here, in Python, and added as :class:`LiteralElement`: the data (and
    the title in the options) never go through a template.
    """

    _template = Template("")  # no macros: see render()

    def __init__(
        self, payload: str, encoding: str | None, options: Mapping[str, Any], heat: bool
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GeoEventMap"
        self.payload = payload
        self.encoding = encoding
        self.options = _script_json(options)
        self.css = _static("eventmap.css")
        self.js = _static("eventmap.js")
        if heat:
            from folium.plugins import HeatMap

            # The same leaflet.heat folium's HeatMap plugin links (inlined when offline).
            self.default_js = list(HeatMap.default_js)

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        super().render(**kwargs)  # type: ignore[no-untyped-call]  # links first, as before
        figure = _figure_of(self)
        name = self.get_name()
        parent = self._parent.get_name() if self._parent is not None else "null"
        data_id = f"{name}_data"
        encoding = f' data-encoding="{html.escape(self.encoding)}"' if self.encoding else ""
        parts = (
            (figure.header, f"<style>{self.css}</style>\n<script>{self.js}</script>"),
            (
                figure.html,
                f'<script type="application/json" id="{data_id}"{encoding}>{self.payload}</script>',
            ),
            (
                figure.script,
                f"var {name} = new GeoEventMap({parent}, {self.options});\n"
                f"{name}.load(document.getElementById({_script_json(data_id)}));",
            ),
        )
        for part, text in parts:
            part.add_child(LiteralElement(text), name=name)


class _GeoLayer(Layer):  # type: ignore[misc]
    """One of the layers of :class:`_EventLayers`, listed in folium's layer control."""

    _template = Template("")  # no macros: see render()

    def __init__(
        self, owner: _EventLayers, key: str, name: str, *, overlay: bool = True, show: bool = True
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "GeoLayer"
        self.owner = owner
        self.key = key

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        # before folium's Layer.render, whose child adds "<this layer>.addTo(map)" after it
        key = _script_json(self.key)
        script = f"var {self.get_name()} = {self.owner.get_name()}.layers[{key}];"
        _figure_of(self).script.add_child(LiteralElement(script), name=self.get_name())
        super().render(**kwargs)  # type: ignore[no-untyped-call]


# ------------------------------------------------------------------------------ JSON


def _script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element and as a JavaScript literal."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _encode_payload(payload: Mapping[str, Any], *, compress_min_bytes: int) -> tuple[str, str]:
    text = _script_json(payload)
    raw = text.encode("utf-8")
    if len(raw) < compress_min_bytes:
        return text, ""
    packed = gzip.compress(raw, compresslevel=6, mtime=0)
    return base64.b64encode(packed).decode("ascii"), "gzip+base64"


# ------------------------------------------------------------------------------ columns


def _first_column(frame: pd.DataFrame, names: Sequence[str]) -> pd.Series | None:
    for name in names:
        if name in frame.columns:
            return frame[name]
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    text = value.isoformat() if isinstance(value, date | datetime) else str(value)
    text = text.strip()
    return text or None


def _dictionary(values: pd.Series) -> dict[str, Any] | list[Any] | None:
    """Encode a text column: a list of distinct values and one code per row (-1 for none)."""
    texts = [_text(v) for v in values.tolist()]
    if not any(texts):
        return None
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object), use_na_sentinel=True)
    if len(uniques) > 0.7 * len(texts):
        return texts
    return {"values": [str(u) for u in uniques], "codes": codes.tolist()}


def _numbers(values: pd.Series, decimals: int | None) -> list[Any] | None:
    nums = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    if not np.isfinite(nums).any():
        return None
    if decimals == 0:
        return [round(v) if math.isfinite(v) else None for v in nums.tolist()]
    rounded = np.round(nums, decimals if decimals is not None else 3)
    return [v if math.isfinite(v) else None for v in rounded.tolist()]


def _days(values: pd.Series | None, n: int) -> npt.NDArray[np.float64]:
    """Days since 1970-01-01 of each value (NaN when missing or unreadable)."""
    out = np.full(n, np.nan)
    if values is None or n == 0:
        return out
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = pd.Series(values)
        if getattr(stamps.dt, "tz", None) is not None:
            stamps = stamps.dt.tz_localize(None)  # the day as written, not the UTC day
    else:
        # the day as written: the leading YYYY-MM-DD of timestamps, whatever their zone
        texts = [_text(v) for v in values.tolist()]
        texts = [t[:10] if t and _ISO_DAY.match(t) else t for t in texts]
        try:
            stamps = pd.to_datetime(
                pd.Series(texts, dtype=object), errors="coerce", format="ISO8601"
            )
        except (ValueError, TypeError, OverflowError):
            stamps = pd.Series([_one_stamp(t) for t in texts], dtype="datetime64[ns]")
    days = stamps.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    ok = ~np.isnat(days)
    out[ok] = (days[ok] - _EPOCH).astype(np.int64)
    return out


def _one_stamp(text: str | None) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(text) if text else pd.NaT
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    return pd.NaT if stamp is pd.NaT else pd.Timestamp(stamp.date())


def _to_day(value: DateArg, what: str) -> float | None:
    if value is None:
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as err:
        raise InputError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD") from err
    if stamp is pd.NaT:
        raise InputError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD")
    return float((np.datetime64(stamp.date(), "D") - _EPOCH) / np.timedelta64(1, "D"))


def _coordinates(
    events: pd.DataFrame,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], list[str | None]]:
    """Latitude and longitude of each row, from the geometry or the columns, and why not."""
    n = len(events)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    geometry = None
    name = getattr(events, "_geometry_column_name", None)
    if name is not None and name in events.columns:
        geometry = events.geometry
        crs = geometry.crs
        if crs is not None and not crs.equals("EPSG:4326"):
            geometry = geometry.to_crs("EPSG:4326")
    if geometry is not None:
        import shapely

        geoms = geometry.to_numpy()
        ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        points = geoms[ok]
        not_point = shapely.get_type_id(points) != 0
        if not_point.any():
            points = points.copy()
            points[not_point] = shapely.point_on_surface(points[not_point])
        lon[ok] = shapely.get_x(points)
        lat[ok] = shapely.get_y(points)
    for target, names in ((lat, ("latitude", "lat")), (lon, ("longitude", "lon", "lng"))):
        column = _first_column(events, names)
        if column is not None:
            fill = np.isnan(target)
            target[fill] = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)[fill]
    reasons: list[str | None] = [None] * n
    for i in np.flatnonzero(~(np.isfinite(lat) & np.isfinite(lon))):
        reasons[i] = "no coordinates"
    bad = np.isfinite(lat) & np.isfinite(lon) & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    for i in np.flatnonzero(bad):
        reasons[i] = f"coordinates out of range ({lat[i]:g}, {lon[i]:g})"
    return lat, lon, reasons


# ------------------------------------------------------------------------------ geometry


def _rounded_geojson(geom: Any, decimals: int) -> dict[str, Any] | None:
    import shapely
    from shapely.geometry import mapping

    if geom is None or shapely.is_empty(geom):
        return None
    geom = shapely.transform(geom, lambda xy: np.round(xy, decimals))
    if shapely.is_empty(geom):
        return None
    result: dict[str, Any] = mapping(geom)
    return result


def _feature(geom: Any, props: Mapping[str, Any], decimals: int) -> dict[str, Any] | None:
    geometry = _rounded_geojson(geom, decimals)
    if geometry is None:
        return None
    return {"type": "Feature", "properties": dict(props), "geometry": geometry}


def _to_wgs84(frame: gpd.GeoDataFrame, what: str) -> gpd.GeoDataFrame:
    if frame.crs is None:
        raise InputError(f"the {what} have no CRS; set one (e.g. frame.set_crs('EPSG:4326'))")
    return frame if frame.crs.equals("EPSG:4326") else frame.to_crs("EPSG:4326")


def distance_band_polygons(
    front: gpd.GeoDataFrame,
    *,
    bands_km: Sequence[float] = defaults.DISTANCE_BANDS_KM,
    tolerance_m: float = defaults.MAP_BAND_TOLERANCE_M,
) -> gpd.GeoDataFrame:
    """Rings around each front line: 0-5 km, 5-10 km... from the line.

    Buffers are computed in metres, in an azimuthal equidistant projection centred on each
    line (distances from the centre are true; the error elsewhere is below 0.1 % within
    500 km), then returned in EPSG:4326.

    Parameters
    ----------
    front
        Front lines (any CRS), one row per line.
    bands_km
        Upper bounds of the bands, increasing.
    tolerance_m
        Simplification of the rings, in metres.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``front`` (row position in ``front``), ``band`` (0 for the nearest),
        ``min_km``, ``max_km``, ``label``, ``geometry`` (EPSG:4326).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import LineString
    >>> line = gpd.GeoDataFrame(geometry=[LineString([(46.0, 40.0), (46.5, 39.5)])],
    ...                         crs="EPSG:4326")
    >>> distance_band_polygons(line, bands_km=(5, 10))["label"].tolist()
    ['0-5 km', '5-10 km']
    """
    import geopandas as gpd
    import shapely
    from pyproj import CRS

    bounds = [float(b) for b in bands_km]
    if not bounds or any(b <= a for a, b in zip([0.0, *bounds], bounds, strict=False)):
        raise InputError(f"distance bands must be positive and increasing, got {bands_km!r}")
    front = _to_wgs84(front, "front lines")
    rows: list[dict[str, Any]] = []
    for pos, geom in enumerate(front.geometry.to_numpy()):
        if geom is None or shapely.is_empty(geom):
            continue
        centre = geom.centroid
        aeqd = CRS.from_proj4(
            f"+proj=aeqd +lat_0={centre.y:.6f} +lon_0={centre.x:.6f} +datum=WGS84 +units=m"
        )
        line = gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(aeqd).iloc[0]
        inner = None
        low = 0.0
        for band, high in enumerate(bounds):
            outer = shapely.buffer(line, high * 1000.0, quad_segs=8)
            ring = outer if inner is None else shapely.difference(outer, inner)
            ring = shapely.simplify(ring, tolerance_m, preserve_topology=True)
            rows.append(
                {
                    "front": pos,
                    "band": band,
                    "min_km": low,
                    "max_km": high,
                    "label": f"{low:g}-{high:g} km",
                    "geometry": gpd.GeoSeries([ring], crs=aeqd).to_crs("EPSG:4326").iloc[0],
                }
            )
            inner, low = outer, high
    columns = ["front", "band", "min_km", "max_km", "label", "geometry"]
    return gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs="EPSG:4326")


# ------------------------------------------------------------------------------ layers


def _load_default(kind: Literal["front", "admin1", "admin0"]) -> gpd.GeoDataFrame:
    if kind == "front":
        from geo import frontline

        front: gpd.GeoDataFrame = frontline.load_front_lines()
        return front
    from geo import regions

    bounds: gpd.GeoDataFrame = regions.load_boundaries(level=kind)
    return bounds


def _resolve(
    value: LayerArg, kind: Literal["front", "admin1", "admin0"], notes: list[str]
) -> gpd.GeoDataFrame | None:
    if value is None:
        return None
    if isinstance(value, str):
        if value != "default":
            raise InputError(f"{kind} must be a GeoDataFrame, 'default' or None, not {value!r}")
        try:
            return _load_default(kind)
        except (ImportError, DataError) as err:
            notes.append(f"no {kind} layer: {err}")
            return None
    return value


def _date_text(value: Any) -> str | None:
    text = _text(value)
    return text[:10] if text else None


def _front_payload(
    front: gpd.GeoDataFrame, bands_km: Sequence[float]
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, list[str]]:
    import shapely

    front = _to_wgs84(front, "front lines")
    features = []
    rows = []
    valid_from = _first_column(front, ("valid_from",))
    valid_to = _first_column(front, ("valid_to",))
    names = _first_column(front, ("name",))
    sources = _first_column(front, ("source",))
    for pos, geom in enumerate(front.geometry.to_numpy()):
        props: dict[str, Any] = {
            "name": _text(names.iloc[pos]) if names is not None else None,
            "valid_from": _date_text(valid_from.iloc[pos]) if valid_from is not None else None,
            "valid_to": _date_text(valid_to.iloc[pos]) if valid_to is not None else None,
            "source": _text(sources.iloc[pos]) if sources is not None else None,
        }
        if geom is not None:
            # daily fronts of a long war would otherwise weigh tens of megabytes
            geom = shapely.simplify(geom, defaults.MAP_FRONT_TOLERANCE_DEG, preserve_topology=True)
        feature = _feature(geom, props, defaults.MAP_COORD_DECIMALS)
        if feature is not None:
            features.append(feature)
            rows.append(pos)
    if not features:
        return None, None, []
    # Bands for the latest fronts only: daily fronts over years would weigh megabytes.
    order = sorted(
        range(len(features)), key=lambda k: features[k]["properties"]["valid_from"] or ""
    )
    keep = order[-defaults.MAP_BAND_MAX_FRONTS :]
    fronts = front.iloc[[rows[k] for k in keep]]
    band_features = []
    labels: list[str] = []
    if bands_km:
        bands = distance_band_polygons(fronts, bands_km=bands_km)
        labels = list(dict.fromkeys(bands["label"]))
        for row in bands.itertuples(index=False):
            props = {
                "front": keep[int(row.front)],
                "band": int(row.band),
                "label": row.label,
            }
            feature = _feature(row.geometry, props, 4)
            if feature is not None:
                band_features.append(feature)
    collection = {"type": "FeatureCollection", "features": features}
    bands_fc = {"type": "FeatureCollection", "features": band_features} if band_features else None
    return collection, bands_fc, labels


def _region_payload(
    boundaries: gpd.GeoDataFrame, lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64]
) -> tuple[dict[str, Any] | None, list[int] | None]:
    import shapely

    boundaries = _to_wgs84(boundaries, "boundaries")
    geoms = boundaries.geometry.to_numpy()
    if len(geoms) == 0 or len(lat) == 0:
        return None, None
    tree = shapely.STRtree(geoms)
    points = shapely.points(lon, lat)
    hits = tree.query(points, predicate="intersects")
    first = np.full(len(lat), -1, dtype=np.int64)
    # the first polygon of each point (query results are sorted by point)
    order = np.unique(hits[0], return_index=True)
    first[order[0]] = hits[1][order[1]]
    used = np.unique(first[first >= 0])
    if len(used) == 0:
        return None, None
    remap = np.full(len(geoms), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    region = np.where(first >= 0, remap[np.maximum(first, 0)], -1)
    countries = _first_column(boundaries, ("country",))
    admin1 = _first_column(boundaries, ("admin1", "name"))
    features = []
    for pos in used.tolist():
        geom = shapely.simplify(
            geoms[pos], defaults.MAP_REGION_TOLERANCE_DEG, preserve_topology=True
        )
        props = {
            "country": _text(countries.iloc[pos]) if countries is not None else None,
            "admin1": _text(admin1.iloc[pos]) if admin1 is not None else None,
        }
        feature = _feature(geom, props, defaults.MAP_REGION_DECIMALS)
        features.append(feature or {"type": "Feature", "properties": props, "geometry": None})
    return {"type": "FeatureCollection", "features": features}, region.tolist()


def _base_payload(
    countries: gpd.GeoDataFrame, view: tuple[float, float, float, float] | None
) -> dict[str, Any] | None:
    import shapely

    countries = _to_wgs84(countries, "base map countries")
    geoms = countries.geometry.to_numpy()
    names = _first_column(countries, ("country", "name"))
    near = np.zeros(len(geoms), dtype=bool)
    if view is not None:
        m = defaults.MAP_BASE_NEAR_MARGIN_DEG
        box = shapely.box(view[0] - m, view[1] - m, view[2] + m, view[3] + m)
        near = shapely.intersects(geoms, box)
    near_tol, far_tol = defaults.MAP_BASE_NEAR_TOLERANCE_DEG, defaults.MAP_BASE_FAR_TOLERANCE_DEG
    features = []
    for pos, geom in enumerate(geoms):
        if geom is None or shapely.is_empty(geom):
            continue
        if near[pos]:
            simple = shapely.simplify(geom, near_tol, preserve_topology=True)
            decimals = defaults.MAP_BASE_DECIMALS
        else:
            # far away, small islands are noise: keep the larger parts, coarser
            parts = shapely.get_parts(geom)
            areas = shapely.area(parts)
            big = parts[areas >= defaults.MAP_BASE_FAR_MIN_AREA_DEG2]
            if len(big) == 0:
                big = parts[[int(np.argmax(areas))]]
            simple = shapely.simplify(shapely.union_all(big), far_tol, preserve_topology=True)
            decimals = defaults.MAP_BASE_DECIMALS - 1
        props: dict[str, Any] = {"name": _text(names.iloc[pos]) if names is not None else None}
        if near[pos] and props["name"]:
            # a label inside the largest part (the mainland, not an island or exclave)
            parts = shapely.get_parts(geom)
            main = parts[np.argmax(shapely.area(parts))]
            spot = shapely.point_on_surface(main)
            props["label"] = [round(spot.y, 3), round(spot.x, 3)]
        feature = _feature(simple, props, decimals)
        if feature is not None:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features} if features else None


# ------------------------------------------------------------------------------ main API


def _type_palette(names: Sequence[str]) -> list[dict[str, str]]:
    extra_colors: tuple[str, ...] = defaults.MAP_EXTRA_COLORS
    extra = iter(extra_colors * (1 + len(names) // len(extra_colors)))
    out = []
    for name in names:
        color = defaults.EVENT_TYPE_COLORS.get(name)
        out.append({"name": name, "color": color or next(extra)})
    return out


def _missing_rows(
    events: pd.DataFrame, rows: npt.NDArray[np.intp], reasons: Sequence[str | None]
) -> pd.DataFrame:
    columns = {
        "event_id": ("event_id", "event_id_cnty", "id"),
        "location": ("location", "place", "name"),
        "mention": ("mention",),
        "event_date": ("event_date", "date"),
        "event_type": ("event_type",),
        "source": ("source",),
    }
    data: dict[str, list[Any]] = {}
    for key, names in columns.items():
        column = _first_column(events, names)
        data[key] = [_text(column.iloc[r]) if column is not None else None for r in rows.tolist()]
    data["reason"] = [reasons[r] for r in rows.tolist()]
    return pd.DataFrame(data, columns=[*columns, "reason"])


def _event_payload(
    sub: pd.DataFrame,
    lat: npt.NDArray[np.float64],
    lon: npt.NDArray[np.float64],
    days: npt.NDArray[np.float64],
) -> tuple[dict[str, Any], dict[str, Any], pd.Series | None]:
    """The events of the page, column by column, and the event type column of ``sub``."""
    decimals = defaults.MAP_COORD_DECIMALS
    payload: dict[str, Any] = {
        "v": 1,
        "n": len(sub),
        "lat": np.round(lat, decimals).tolist(),
        "lon": np.round(lon, decimals).tolist(),
    }
    dated = np.isfinite(days)
    if dated.any():
        day_min, day_max = int(days[dated].min()), int(days[dated].max())
        offsets = np.where(dated, days - day_min, np.nan)
        payload |= {
            "dayMin": day_min,
            "dayMax": day_max,
            "ndays": day_max - day_min + 1,
            "day": [int(v) if math.isfinite(v) else None for v in offsets.tolist()],
        }
    else:
        payload |= {"dayMin": None, "dayMax": None, "ndays": 0}
    cols: dict[str, Any] = {}
    type_column = _first_column(sub, ("event_type", "type"))
    type_names: list[str] = []
    if type_column is not None:
        texts = [_text(v) for v in type_column.tolist()]
        known = [name for name in defaults.EVENT_TYPE_COLORS if name in set(texts)]
        others = sorted({t for t in texts if t is not None} - set(known))
        type_names = known + others
        index = {name: k for k, name in enumerate(type_names)}
        cols["type"] = [index[t] if t is not None else None for t in texts]
    payload["types"] = _type_palette(type_names)
    for key, names in _TEXT_COLUMNS.items():
        column = _first_column(sub, names)
        if column is not None:
            encoded = _dictionary(column)
            if encoded is not None:
                cols[key] = encoded
    for key, (names, places) in _NUMBER_COLUMNS.items():
        column = _first_column(sub, names)
        if column is not None:
            numbers = _numbers(column, places)
            if numbers is not None:
                cols[key] = numbers
    return payload, cols, type_column


def map_events(
    events: pd.DataFrame | None,
    *,
    front: LayerArg = "default",
    boundaries: LayerArg = "default",
    base: LayerArg = "default",
    title: str | None = None,
    offline: bool = False,
    tiles: str | None = defaults.MAP_TILES,
    since: DateArg = None,
    until: DateArg = None,
    bands_km: Sequence[float] = defaults.DISTANCE_BANDS_KM,
    heat: bool = True,
    width: str | int = "100%",
    height: str | int = "100%",
    compress_min_bytes: int = defaults.MAP_COMPRESS_MIN_BYTES,
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
        Countries drawn as the base map of offline maps; ``"default"`` loads the embedded
        admin-0 boundaries. Ignored unless ``offline``.
    title
        Shown at the top of the map and as the page title.
    offline
        Inline every script and stylesheet (the page then needs no network) and draw
        countries instead of web tiles.
    tiles
        folium tile name of online maps.
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

    Returns
    -------
    EventMap
        A :class:`folium.Map`; ``m.summary`` (:class:`MapSummary`) has the counts and the
        events without coordinates.

    Raises
    ------
    InputError
        If ``since``/``until`` is not a date or ``since`` is after ``until``, or a layer
        has no CRS.
    DataError
        With ``offline``, if the offline assets were not fetched (see :mod:`geo.assets`).

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
    n_input = len(frame)
    notes: list[str] = []

    lat, lon, reasons = _coordinates(frame)
    placed = np.array([r is None for r in reasons], dtype=bool)
    days = _days(_first_column(frame, ("event_date", "date", "date_start")), n_input)
    start, end = _to_day(since, "since"), _to_day(until, "until")
    if start is not None and end is not None and start > end:
        raise InputError(
            f"since {_date_text(since)} is after until {_date_text(until)}: no event can be "
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
    missing_rows = np.flatnonzero(~placed & in_dates)
    keep = np.flatnonzero(placed & in_dates)
    n_outside = int((~in_dates).sum())
    missing = _missing_rows(frame, missing_rows, reasons)
    sub = frame.iloc[keep]
    lat, lon, days = lat[keep], lon[keep], days[keep]
    n = len(keep)

    payload, cols, type_column = _event_payload(sub, lat, lon, days)

    # --- other layers
    layers = ["Events"]
    front_frame = _resolve(front, "front", notes)
    if front_frame is not None and len(front_frame):
        fc, bands, labels = _front_payload(front_frame, bands_km)
        payload["front"], payload["bands"], payload["bandLabels"] = fc, bands, labels
        if fc is not None:
            layers.append("Front lines")
        if bands is not None:
            layers.append("Distance to front")
    region_frame = _resolve(boundaries, "admin1", notes)
    if region_frame is not None and n:
        regions, region_of = _region_payload(region_frame, lat, lon)
        if regions is not None and region_of is not None:
            payload["regions"] = regions
            cols["region"] = region_of
            layers.append("Events per admin-1")
    view = (float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())) if n else None
    if offline:
        base_frame = _resolve(base, "admin0", notes)
        if base_frame is not None:
            payload["base"] = _base_payload(base_frame, view)
    payload["cols"] = cols
    payload["missing"] = {
        "count": len(missing),
        "rows": [
            {key: _text(row[col]) for key, col in _MISSING_KEYS.items() if _text(row[col])}
            for row in missing.head(defaults.MAP_MISSING_LIST_MAX).to_dict("records")
        ],
        "more": max(0, len(missing) - defaults.MAP_MISSING_LIST_MAX),
    }
    payload["excluded"] = n_outside

    # --- the folium map
    # Places merely mentioned (a capital, a far city) would widen the view to a continent.
    fit = np.ones(n, dtype=bool)
    if type_column is not None:
        fit = ~type_column.isin(defaults.MAP_FIT_IGNORE_TYPES).to_numpy()
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
    bounds = _fit_bounds(fit_view, payload)
    centre = (
        [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
        if bounds
        else [30.0, 20.0]
    )
    m = EventMap(
        location=centre,
        zoom_start=6 if bounds else 2,
        tiles=None if offline else tiles,
        control_scale=True,
        max_zoom=18,
        width=width,
        height=height,
        offline=offline,
    )
    # Without a tile layer, Leaflet knows no maximum zoom (clusters need one).
    m.options["max_zoom"] = 18
    title_text = title or defaults.MAP_TITLE
    root: Any = m.get_root()
    root.title = html.escape(title_text)
    text, encoding = _encode_payload(payload, compress_min_bytes=compress_min_bytes)
    options = {
        "title": title_text,
        "offline": offline,
        "bounds": bounds,
        "fitMaxZoom": defaults.MAP_FIT_MAX_ZOOM,
        "unknownColor": defaults.MAP_UNKNOWN_COLOR,
    }
    owner = _EventLayers(text, encoding or None, options, heat)
    m.add_child(owner)
    if offline and "base" in payload and payload["base"] is not None:
        m.add_child(_GeoLayer(owner, "base", "Countries (offline)", overlay=False))
    if "regions" in payload:
        m.add_child(_GeoLayer(owner, "regions", "Events per admin-1", show=False))
    if payload.get("bands"):
        m.add_child(_GeoLayer(owner, "bands", "Distance to front"))
    if payload.get("front"):
        m.add_child(_GeoLayer(owner, "front", "Front lines"))
    if heat:
        m.add_child(_GeoLayer(owner, "heat", "Heat map", show=False))
        layers.append("Heat map")
    m.add_child(_GeoLayer(owner, "events", "Events"))
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


def _near_the_rest(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], among: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Events not far from the others: within a multiple of the median distance (km) to the
    median point (at least :data:`geo.defaults.MAP_FIT_MIN_KM`), so that one far-away
    place (a capital where talks were held) does not zoom the first view out to a continent.
    """
    keep = np.ones(len(lat), dtype=bool)
    if among.sum() < defaults.MAP_FIT_MIN_EVENTS:
        return keep
    clat, clon = np.radians(np.median(lat[among])), np.radians(np.median(lon[among]))
    rlat, rlon = np.radians(lat), np.radians(lon)
    hav = (
        np.sin((rlat - clat) / 2) ** 2
        + np.cos(rlat) * np.cos(clat) * np.sin((rlon - clon) / 2) ** 2
    )
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(hav, 0, 1)))
    limit = max(
        defaults.MAP_FIT_MEDIAN_FACTOR * float(np.median(km[among])), defaults.MAP_FIT_MIN_KM
    )
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


# ------------------------------------------------------------------------------ pipeline


def _fill_coordinates(events: gpd.GeoDataFrame, geocoder_name: str) -> gpd.GeoDataFrame:
    """Geocode, by place name, the events that have a name but no coordinates."""
    import geopandas as gpd

    from geo.errors import GeoError
    from geo.geocode import get_geocoder

    if not len(events):
        return events
    lat, lon, _ = _coordinates(events)
    names = _first_column(events, ("location", "mention"))
    if names is None:
        return events
    codes = _first_column(events, ("country_code",))
    todo = [
        i for i in np.flatnonzero(~np.isfinite(lat) | ~np.isfinite(lon)) if _text(names.iloc[i])
    ]
    if not todo:
        return events
    geocoder = get_geocoder(geocoder_name)
    found: dict[tuple[str, str | None], tuple[float, float] | None] = {}
    for i in todo:
        key = (str(_text(names.iloc[i])), _text(codes.iloc[i]) if codes is not None else None)
        if key not in found:
            options: dict[str, Any] = {"exactly_one": True}
            if key[1]:
                options["country_codes"] = [key[1]]
            try:
                place = geocoder.geocode(key[0], **options)
            except GeoError:
                place = None
            found[key] = (place.latitude, place.longitude) if place is not None else None
        if found[key] is not None:
            lat[i], lon[i] = found[key]  # type: ignore[misc]
    out = events.copy()
    out["latitude"] = np.where(np.isfinite(lat), lat, np.nan)
    out["longitude"] = np.where(np.isfinite(lon), lon, np.nan)
    out["latitude"] = out["latitude"].astype(object).where(out["latitude"].notna(), None)
    out["longitude"] = out["longitude"].astype(object).where(out["longitude"].notna(), None)
    geometry = gpd.points_from_xy(lon, lat, crs="EPSG:4326")
    return gpd.GeoDataFrame(out, geometry=geometry, crs="EPSG:4326")


def build_events(
    inputs: str | Path | Sequence[str | Path],
    *,
    geocoder: str = defaults.DEFAULT_GEOCODER,
    front: LayerArg = "default",
    boundaries: LayerArg = "default",
    problems: list[Any] | None = None,
    progress: Any = None,
    **read_options: Any,
) -> gpd.GeoDataFrame:
    """The whole pipeline behind ``geo map``: read, parse, events, regions, front distance.

    Parameters
    ----------
    inputs
        Articles, corpora, folders, patterns, event tables (ACLED, UCDP GED, geo's own) or
        GeoJSON; see :func:`geo.events.extract_events_from_inputs`.
    geocoder
        Geocoder for events that have a place name but no coordinates (rows of tables):
        ``"offline"`` (default) or a geopy service name.
    front, boundaries
        Front lines and admin-1 polygons: ``"default"`` for the embedded ones, None to skip
        the distance to the front or the region join.
    problems, progress
        As in :func:`geo.events.extract_events_from_inputs`.
    **read_options
        Passed to :func:`geo.io.documents.iter_documents` (``lang``, ``date``...).

    Returns
    -------
    geopandas.GeoDataFrame
        Events (EPSG:4326) with the region columns and ``distance_to_front_km``.

    Examples
    --------
    >>> from geo.io.files import data_dir
    >>> events = build_events(data_dir() / "samples")  # doctest: +SKIP
    """
    from geo.events import extract_events_from_inputs
    from geo.frontline import distance_to_front
    from geo.regions import join_regions

    items = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    events = extract_events_from_inputs(items, problems=problems, progress=progress, **read_options)
    events = _fill_coordinates(events, geocoder)
    if boundaries is not None:
        events = join_regions(events, boundaries=None if _is_default(boundaries) else boundaries)
    if front is not None:
        events = distance_to_front(events, front=None if _is_default(front) else front)
    return events


def _is_default(value: object) -> bool:
    return isinstance(value, str) and value == "default"


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
    offline: bool = True,
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

    target = Path(path) if path is not None else Path(defaults.DEMO_MAP_PATH)
    if path is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    if events is None:
        events = sample_events()
    write_map(events, target, title=defaults.DEMO_MAP_TITLE, offline=offline)
    return target
