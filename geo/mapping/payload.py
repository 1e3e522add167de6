"""The data of a map page, built from frames: events column by column, fronts, regions."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd

from geo import config
from geo.errors import DataError, InputError

if TYPE_CHECKING:
    import geopandas as gpd


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
    "actor1": ("actor1",),
    "assoc1": ("assoc_actor_1",),
    "actor2": ("actor2",),
    "assoc2": ("assoc_actor_2",),
    "inter1": ("inter1",),
    "inter2": ("inter2",),
    "id": ("event_id", "event_id_cnty", "id"),
}
MISSING_KEYS = {
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


# ------------------------------------------------------------------------------ columns


def first_column(frame: pd.DataFrame, names: Sequence[str]) -> pd.Series | None:
    for name in names:
        if name in frame.columns:
            return frame[name]
    return None


def text_of(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float | np.floating):
        number = float(value)
        if math.isnan(number):
            return None
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))  # codes and ids of a column made float by empty cells
    if value is pd.NaT or value is pd.NA:
        return None
    text = value.isoformat() if isinstance(value, date | datetime) else str(value)
    text = text.strip()
    return text or None


def _dictionary(values: pd.Series) -> dict[str, Any] | list[Any] | None:
    """Encode a text column: a list of distinct values and one code per row (-1 for none)."""
    texts = [text_of(v) for v in values.tolist()]
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


def day_numbers(values: pd.Series | None, n: int) -> npt.NDArray[np.float64]:
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
        texts = [text_of(v) for v in values.tolist()]
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


def to_day(value: DateArg, what: str) -> float | None:
    if value is None:
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as err:
        raise InputError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD") from err
    if stamp is pd.NaT:
        raise InputError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD")
    return float((np.datetime64(stamp.date(), "D") - _EPOCH) / np.timedelta64(1, "D"))


def coordinates(
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
        column = first_column(events, names)
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

    if geom is None or shapely.is_empty(geom):
        return None
    geom = shapely.transform(geom, lambda xy: np.round(xy, decimals))
    if shapely.is_empty(geom):
        return None
    # GEOS writes the GeoJSON (a third faster than shapely's mapping() for large rings)
    result: dict[str, Any] = json.loads(shapely.to_geojson(geom))
    return result


def make_feature(geom: Any, props: Mapping[str, Any], decimals: int) -> dict[str, Any] | None:
    geometry = _rounded_geojson(geom, decimals)
    if geometry is None:
        return None
    return {"type": "Feature", "properties": dict(props), "geometry": geometry}


def to_wgs84(frame: gpd.GeoDataFrame, what: str) -> gpd.GeoDataFrame:
    if frame.crs is None:
        raise InputError(f"the {what} have no CRS; set one (e.g. frame.set_crs('EPSG:4326'))")
    return frame if frame.crs.equals("EPSG:4326") else frame.to_crs("EPSG:4326")


# ------------------------------------------------------------------------------ layers


def _load_default(kind: Literal["front", "admin1", "admin0"]) -> gpd.GeoDataFrame:
    if kind == "front":
        from geo import frontline

        front: gpd.GeoDataFrame = frontline.load_front_lines()
        return front
    from geo import regions

    bounds: gpd.GeoDataFrame = regions.load_boundaries(level=kind)
    return bounds


def resolve_layer(
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


def date_text(value: Any) -> str | None:
    text = text_of(value)
    return text[:10] if text else None


def front_payload(
    front: gpd.GeoDataFrame,
    bands_km: Sequence[float],
    days: tuple[float, float] | None = None,
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, list[str]]:
    """Front lines and their distance bands for the page.

    Only the lines that can be shown are kept, and only they get bands: those valid on some
    day of ``days`` (first and last day of the events, as days since 1970-01-01; None keeps
    every line). Undated lines are always kept.
    """
    import shapely

    front = to_wgs84(front, "front lines")
    features = []
    rows = []
    valid_from = first_column(front, ("valid_from",))
    valid_to = first_column(front, ("valid_to",))
    names = first_column(front, ("name",))
    sources = first_column(front, ("source",))
    first_day = day_numbers(valid_from, len(front))
    last_day = day_numbers(valid_to, len(front))
    for pos, geom in enumerate(front.geometry.to_numpy()):
        if days is not None and (first_day[pos] > days[1] or last_day[pos] < days[0]):
            continue  # never valid while the events happened: never drawn (NaN: open)
        props: dict[str, Any] = {
            "name": text_of(names.iloc[pos]) if names is not None else None,
            "valid_from": date_text(valid_from.iloc[pos]) if valid_from is not None else None,
            "valid_to": date_text(valid_to.iloc[pos]) if valid_to is not None else None,
            "source": text_of(sources.iloc[pos]) if sources is not None else None,
        }
        if geom is not None:
            # daily fronts of a long war would otherwise weigh tens of megabytes
            geom = shapely.simplify(geom, config.MAP_FRONT_TOLERANCE_DEG, preserve_topology=True)
        feature = make_feature(geom, props, config.MAP_COORD_DECIMALS)
        if feature is not None:
            features.append(feature)
            rows.append(pos)
    if not features:
        return None, None, []
    # Bands for the latest fronts only: daily fronts over years would weigh megabytes.
    order = sorted(
        range(len(features)), key=lambda k: features[k]["properties"]["valid_from"] or ""
    )
    keep = order[-config.MAP_BAND_MAX_FRONTS :]
    fronts = front.iloc[[rows[k] for k in keep]]
    band_features = []
    labels: list[str] = []
    if bands_km:
        from geo.frontline import distance_band_polygons

        bands = distance_band_polygons(fronts, bands_km=bands_km)
        labels = list(dict.fromkeys(bands["label"]))
        for row in bands.itertuples(index=False):
            props = {
                "front": keep[int(row.front)],
                "band": int(row.band),
                "label": row.label,
            }
            feature = make_feature(row.geometry, props, 4)
            if feature is not None:
                band_features.append(feature)
    collection = {"type": "FeatureCollection", "features": features}
    bands_fc = {"type": "FeatureCollection", "features": band_features} if band_features else None
    return collection, bands_fc, labels


def region_payload(
    boundaries: gpd.GeoDataFrame, lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64]
) -> tuple[dict[str, Any] | None, list[int] | None]:
    import shapely

    boundaries = to_wgs84(boundaries, "boundaries")
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
    countries = first_column(boundaries, ("country",))
    admin1 = first_column(boundaries, ("admin1", "name"))
    features = []
    for pos in used.tolist():
        geom = shapely.simplify(geoms[pos], config.MAP_REGION_TOLERANCE_DEG, preserve_topology=True)
        props = {
            "country": text_of(countries.iloc[pos]) if countries is not None else None,
            "admin1": text_of(admin1.iloc[pos]) if admin1 is not None else None,
        }
        feature = make_feature(geom, props, config.MAP_REGION_DECIMALS)
        features.append(feature or {"type": "Feature", "properties": props, "geometry": None})
    return {"type": "FeatureCollection", "features": features}, region.tolist()


def type_palette(names: Sequence[str]) -> list[dict[str, str]]:
    """Colour and marker shape of each event type.

    Known ACLED types keep their colour (:data:`geo.config.EVENT_TYPE_COLORS`) as
    circles; other types take, in order, the (shape, colour) pairs not yet used: the eight
    colours of :data:`geo.config.MAP_PALETTE` as circles, then as squares, triangles...

    Examples
    --------
    >>> [(t["color"], t["shape"]) for t in type_palette(["Battles", "Other"])]
    [('#D55E00', 'circle'), ('#0072B2', 'circle')]
    """
    palette: tuple[str, ...] = config.MAP_PALETTE
    shapes: tuple[str, ...] = config.MAP_SHAPES
    known: dict[str, str] = dict(config.EVENT_TYPE_COLORS)
    used = {(shapes[0], known[name]) for name in names if name in known}
    free = iter([(s, c) for s in shapes for c in palette if (s, c) not in used])
    out = []
    for k, name in enumerate(names):
        if name in known:
            shape, color = shapes[0], known[name]
        else:
            shape, color = next(free, (shapes[k % len(shapes)], palette[k % len(palette)]))
        out.append({"name": name, "color": color, "shape": shape})
    return out


def missing_rows(
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
        column = first_column(events, names)
        data[key] = [text_of(column.iloc[r]) if column is not None else None for r in rows.tolist()]
    data["reason"] = [reasons[r] for r in rows.tolist()]
    return pd.DataFrame(data, columns=[*columns, "reason"])


def event_payload(
    sub: pd.DataFrame,
    lat: npt.NDArray[np.float64],
    lon: npt.NDArray[np.float64],
    days: npt.NDArray[np.float64],
) -> tuple[dict[str, Any], dict[str, Any], pd.Series | None]:
    """The events of the page, column by column, and the event type column of ``sub``."""
    decimals = config.MAP_COORD_DECIMALS
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
    type_column = first_column(sub, ("event_type", "type"))
    type_names: list[str] = []
    if type_column is not None:
        texts = [text_of(v) for v in type_column.tolist()]
        known = [name for name in config.EVENT_TYPE_COLORS if name in set(texts)]
        others = sorted({t for t in texts if t is not None} - set(known))
        type_names = known + others
        index = {name: k for k, name in enumerate(type_names)}
        cols["type"] = [index[t] if t is not None else None for t in texts]
    payload["types"] = type_palette(type_names)
    for key, names in _TEXT_COLUMNS.items():
        column = first_column(sub, names)
        if column is not None:
            encoded = _dictionary(column)
            if encoded is not None:
                cols[key] = encoded
    for key, (names, places) in _NUMBER_COLUMNS.items():
        column = first_column(sub, names)
        if column is not None:
            numbers = _numbers(column, places)
            if numbers is not None:
                cols[key] = numbers
    return payload, cols, type_column
