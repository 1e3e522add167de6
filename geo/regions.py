"""Boundaries and the region join: which country, subdivision and disputed area an event is in.

The embedded boundaries (``data/boundaries/``) are Natural Earth 10m v4.1.0 countries and
first-level subdivisions of the whole world, and two Nagorno-Karabakh layers: the area held
by Armenian forces from 1994 to 2020 and the 1991 Autonomous Oblast. Users may bring their
own boundaries in any format GDAL reads (or GeoParquet) and any CRS.

The join is vectorised: an STR-tree of the polygons answers every point at once; polygons
are cut into small pieces first when the table is large. A point outside every polygon (just
off a coast, or beside a simplified border) takes the nearest polygon within
:data:`geo.config.NEAREST_POLYGON_MAX_KM`, measured in kilometres on the ellipsoid's local
scale, never in degrees.
"""

from __future__ import annotations

import functools
import math
import os
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from geo import config
from geo.errors import GeoWarning, InputError
from geo.io.files import layer_file
from geo.io.vector import read_vector

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["Level", "event_points", "join_regions", "load_boundaries"]

Level: TypeAlias = Literal["admin0", "admin1", "disputed"]
PathArg: TypeAlias = str | os.PathLike[str]

#: Columns of each level, geometry excluded.
COLUMNS: dict[str, tuple[str, ...]] = {
    "admin0": ("country_code", "country"),
    "admin1": ("country_code", "country", "admin1", "admin1_code"),
    "disputed": ("name", "name_fr", "kind"),
}

# Column names other sources use for ours (compared case-insensitively), best first.
_ALIASES: dict[str, tuple[str, ...]] = {
    "country_code": ("country_code", "iso_a2", "iso2", "iso_3166_1", "cc"),
    "country": ("country", "admin", "name_0", "country_name", "sovereignt"),
    "admin1": ("admin1", "name_1", "admin1_name", "province", "region", "state"),
    "admin1_code": ("admin1_code", "iso_3166_2", "iso_1", "hasc_1", "gid_1", "adm1_code"),
    "name": ("name", "name_en", "title"),
    "name_fr": ("name_fr",),
    "kind": ("kind", "type", "featurecla"),
}
_ISO3_ALIASES = ("iso_a3", "iso3", "adm0_a3", "gid_0")
_WGS84 = "EPSG:4326"
_KM_PER_DEGREE = 111.32  # at the equator; only used to size search windows


def _normalise_columns(frame: gpd.GeoDataFrame, level: Level, label: str) -> gpd.GeoDataFrame:
    """Rename a user file's columns to ours; add missing optional ones as None."""
    import geopandas as gpd

    lower = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    data: dict[str, Any] = {}
    for column in COLUMNS[level]:
        source = next((lower[a] for a in _ALIASES[column] if a in lower), None)
        if source is None and column == "country" and level == "admin0":
            source = lower.get("name")
        # a bare "name" names a subdivision only beside a subdivision code (Natural Earth)
        has_code = any(a in lower for a in _ALIASES["admin1_code"])
        if source is None and column == "admin1" and has_code:
            source = lower.get("name")
        data[column] = (
            frame[source].astype(object).where(frame[source].notna(), None)
            if source is not None
            else None
        )
    if level != "disputed" and data["country_code"] is None:
        iso3 = next((lower[a] for a in _ISO3_ALIASES if a in lower), None)
        if iso3 is not None:
            table = load_boundaries(level="admin0")
            codes = dict(zip(_iso3_of(table), table["country_code"], strict=True))
            data["country_code"] = frame[iso3].map(codes).astype(object)
    needed = ("name",) if level == "disputed" else ("country", "country_code", "admin1")
    if all(data[c] is None for c in needed):
        raise InputError(
            f"{label} has none of the columns {', '.join(needed)} (or their usual aliases); "
            f"its columns are: {', '.join(map(str, lower.values())) or 'none'}"
        )
    if level == "disputed" and data["kind"] is None:
        data["kind"] = "disputed area"
    out = gpd.GeoDataFrame(data, index=frame.index, geometry=frame.geometry.values, crs=_WGS84)
    for column in COLUMNS[level]:
        if out[column].dtype != object:
            out[column] = out[column].astype(object)
    # other columns of the user's file are kept after ours
    extra = [c for c in frame.columns if c != frame.geometry.name and c not in out.columns]
    for column in extra:
        out[column] = frame[column]
    return out


def _iso3_of(admin0: gpd.GeoDataFrame) -> list[Any]:
    if "iso_a3" in admin0:
        return list(admin0["iso_a3"])
    return [None] * len(admin0)


@functools.lru_cache(maxsize=16)
def _read_cached(path: str, level: Level, stamp: tuple[int, int]) -> gpd.GeoDataFrame:
    label = f"{level} boundary file"
    frame = read_vector(path, what=label, geometry="polygon")
    return _normalise_columns(frame, level, f"{label} {path}")


def load_boundaries(*, level: Level = "admin1", path: PathArg | None = None) -> gpd.GeoDataFrame:
    """Load a boundary layer: the embedded one, or a user's file.

    Parameters
    ----------
    level
        ``"admin0"`` (columns ``country_code, country``), ``"admin1"`` (``country_code,
        country, admin1, admin1_code``) or ``"disputed"`` (``name, name_fr, kind``; the
        embedded layer adds ``valid_from, valid_to, source``).
    path
        A boundary file in any format GDAL reads, or GeoParquet, in any CRS. Its columns are
        matched to ours by name, with the usual aliases (``iso_a2``, ``NAME_1``, ``admin``...).
        None (default) loads the embedded Natural Earth layer.

    Returns
    -------
    geopandas.GeoDataFrame
        Polygons in EPSG:4326. Layers are read once per process; each call returns a copy.

    Raises
    ------
    InputError
        Unknown level, or a file that is missing, empty, unreadable or lacks name columns.
    DataError
        The embedded file is missing (reinstall, or rerun ``scripts/build_boundaries.py``).

    Examples
    --------
    >>> countries = load_boundaries(level="admin0")
    >>> countries.loc[countries["country_code"] == "AZ", "country"].item()
    'Azerbaijan'
    >>> load_boundaries(level="disputed")["kind"].tolist()
    ['held area 1994-2020', 'NKAO 1991']
    """
    if level not in COLUMNS:
        raise InputError(f"unknown boundary level {level!r}; use one of {', '.join(COLUMNS)}")
    file, stamp = layer_file(path, embedded=f"{level}.parquet", what="boundary")
    return _read_cached(str(file), level, stamp).copy()


# ------------------------------------------------------------------------------- the join


@dataclass(frozen=True)
class _PolygonIndex:
    """Polygons (maybe cut into pieces) in an STR-tree; ``owner`` maps piece -> row."""

    pieces: npt.NDArray[Any]
    owner: npt.NDArray[np.intp]
    tree: Any  # shapely.STRtree


def _index(geoms: npt.NDArray[Any]) -> _PolygonIndex:
    """Cut polygons into pieces of few vertices and index the pieces.

    Point-in-polygon costs grow with the polygon's vertex count; small pieces keep each
    test cheap. Pieces come from recursive quartering with ``clip_by_rect`` (fast: no
    overlay), about 0.15 s for the whole world's subdivisions.
    """
    import shapely

    limit = config.SUBDIVIDE_MAX_VERTICES
    pieces: list[Any] = []
    owners: list[int] = []
    stack = list(enumerate(geoms))
    while stack:  # per polygon piece, not per event
        owner, geom = stack.pop()
        if shapely.get_num_coordinates(geom) <= limit:
            pieces.append(geom)
            owners.append(owner)
            continue
        x0, y0, x1, y1 = geom.bounds
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        for rect in ((x0, y0, mx, my), (mx, y0, x1, my), (x0, my, mx, y1), (mx, my, x1, y1)):
            part = shapely.clip_by_rect(geom, *rect)
            if part.geom_type == "GeometryCollection":  # slivers along the cut
                polys = [g for g in part.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
                part = shapely.union_all(polys) if polys else shapely.Polygon()
            if not part.is_empty and part.geom_type in ("Polygon", "MultiPolygon"):
                stack.append((owner, part))
    array = np.empty(len(pieces), dtype=object)
    array[:] = pieces
    invalid = ~shapely.is_valid(array)
    if invalid.any():
        array[invalid] = shapely.make_valid(array[invalid])
    return _PolygonIndex(array, np.asarray(owners, dtype=np.intp), shapely.STRtree(array))


@functools.lru_cache(maxsize=4)
def _embedded(level: Level) -> tuple[gpd.GeoDataFrame, _PolygonIndex]:
    frame = load_boundaries(level=level)
    return frame, _index(np.asarray(frame.geometry.values, dtype=object))


def _first_hit(
    points: npt.NDArray[np.intp], owners: npt.NDArray[np.intp], n: int
) -> npt.NDArray[np.intp]:
    """For each of ``n`` points, the lowest owner among its hits, -1 without any."""
    result = np.full(n, np.iinfo(np.intp).max, dtype=np.intp)
    np.minimum.at(result, points, owners)
    result[result == np.iinfo(np.intp).max] = -1
    return result


def _local_km(
    lon: npt.NDArray[np.float64], lat: npt.NDArray[np.float64], lat0: float
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Equirectangular km around latitude ``lat0``, with WGS84's radii of curvature there."""
    a, e2 = 6378.137, 6.69437999014e-3
    s = math.sin(math.radians(lat0))
    w = math.sqrt(1 - e2 * s * s)
    meridian, normal = a * (1 - e2) / w**3, a / w
    return (
        np.radians(lon) * normal * math.cos(math.radians(lat0)),
        np.radians(lat) * meridian,
    )


def _nearest_within(
    index: _PolygonIndex,
    lon: npt.NDArray[np.float64],
    lat: npt.NDArray[np.float64],
    max_km: float,
) -> npt.NDArray[np.intp]:
    """Owner of the nearest polygon within ``max_km`` of each point, -1 if none.

    Candidates come from the tree with a window in degrees wide enough at each latitude;
    distances are then measured in km, in bands of one degree of latitude, each with its
    own local scale (error well under 1% of ``max_km``).
    """
    import shapely

    n = len(lon)
    result = np.full(n, -1, dtype=np.intp)
    if n == 0 or max_km <= 0:
        return result
    coslat = np.cos(np.radians(np.minimum(np.abs(lat) + max_km / _KM_PER_DEGREE, 89.0)))
    window = 1.01 * max_km / (_KM_PER_DEGREE * np.maximum(coslat, 0.01))
    points = shapely.points(lon, lat)
    pi, gi = index.tree.query(points, predicate="dwithin", distance=window)
    if len(pi) == 0:
        return result
    best = np.full(n, np.inf)
    band = np.floor(lat[pi]).astype(np.int64)
    for b in np.unique(band):  # one pass per degree of latitude, not per event
        sel = band == b
        p, g = pi[sel], gi[sel]
        lat0 = float(b) + 0.5

        def scale(xy: npt.NDArray[np.float64], lat0: float = lat0) -> npt.NDArray[np.float64]:
            x, y = _local_km(xy[:, 0], xy[:, 1], lat0)
            return np.column_stack([x, y])

        uniq, inverse = np.unique(g, return_inverse=True)
        shapes = shapely.transform(index.pieces[uniq], scale)
        px, py = _local_km(lon[p], lat[p], lat0)
        dist = shapely.distance(shapes[inverse], shapely.points(px, py))
        order = np.lexsort((index.owner[g], dist, p))  # by point, distance, then owner
        p_sorted = p[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = p_sorted[1:] != p_sorted[:-1]
        winners = order[first]
        pts, d, own = p[winners], dist[winners], index.owner[g[winners]]
        better = (d <= max_km) & (d < best[pts])
        best[pts[better]] = d[better]
        result[pts[better]] = own[better]
    return result


def _locate(
    index: _PolygonIndex,
    points: npt.NDArray[Any],
    lon: npt.NDArray[np.float64],
    lat: npt.NDArray[np.float64],
    todo: npt.NDArray[np.bool_],
    max_km: float,
) -> npt.NDArray[np.intp]:
    """Row of the polygon holding each point (``todo`` only), else the nearest within max_km."""
    result = np.full(len(points), -1, dtype=np.intp)
    where = np.flatnonzero(todo)
    if len(where) == 0:
        return result
    pi, gi = index.tree.query(points[where], predicate="intersects")
    result[where] = _first_hit(pi, index.owner[gi], len(where))
    missed = where[result[where] < 0]
    if len(missed) and max_km > 0:
        result[missed] = _nearest_within(index, lon[missed], lat[missed], max_km)
    return result


def event_points(
    events: gpd.GeoDataFrame, what: str
) -> tuple[gpd.GeoDataFrame, npt.NDArray[Any], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Events in EPSG:4326, their points (representative points for areas), lon, lat.

    Rows without a geometry get NaN coordinates and a None point.
    """
    import geopandas as gpd
    import shapely

    if not isinstance(events, gpd.GeoDataFrame):
        raise InputError(
            f"{what} needs a GeoDataFrame of events, got {type(events).__name__}; build one "
            "with geopandas.GeoDataFrame(df, geometry=geopandas.points_from_xy(lon, lat), "
            "crs='EPSG:4326')"
        )
    if events.crs is None:
        warnings.warn(
            f"{what}: the events declare no CRS; assuming longitude/latitude (EPSG:4326)",
            GeoWarning,
            stacklevel=3,
        )
        events = events.set_crs(_WGS84)
    elif not events.crs.equals(_WGS84):
        events = events.to_crs(_WGS84)
    else:
        events = events.copy()
    geoms = np.asarray(events.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    points = geoms.copy()
    areas = ~missing & (shapely.get_type_id(geoms) != 0)
    if areas.any():
        points[areas] = shapely.point_on_surface(geoms[areas])
    points[missing] = None
    lon = np.full(len(geoms), np.nan)
    lat = np.full(len(geoms), np.nan)
    ok = ~missing
    lon[ok] = shapely.get_x(points[ok])
    lat[ok] = shapely.get_y(points[ok])
    return events, points, lon, lat


def _take(values: npt.NDArray[Any], rows: npt.NDArray[np.intp]) -> npt.NDArray[Any]:
    """``values[rows]`` with None where ``rows`` is -1."""
    out = np.full(len(rows), None, dtype=object)
    hit = rows >= 0
    out[hit] = values[rows[hit]]
    return out


def _column(frame: gpd.GeoDataFrame, name: str) -> npt.NDArray[Any]:
    if name not in frame:
        return np.full(len(frame), None, dtype=object)
    return np.asarray(frame[name].astype(object).where(frame[name].notna(), None), dtype=object)


def _layer(
    source: PathArg | gpd.GeoDataFrame | None, level: Level
) -> tuple[gpd.GeoDataFrame, _PolygonIndex]:
    import geopandas as gpd

    if source is None:
        return _embedded(level)
    if isinstance(source, gpd.GeoDataFrame):
        frame = read_vector(source, what=f"{level} boundaries", geometry="polygon")
        frame = _normalise_columns(frame, level, f"{level} boundaries (GeoDataFrame)")
    else:
        frame = load_boundaries(level=level, path=source)
    return frame, _index(np.asarray(frame.geometry.values, dtype=object))


def join_regions(
    events: gpd.GeoDataFrame,
    *,
    boundaries: PathArg | gpd.GeoDataFrame | None = None,
    disputed: PathArg | gpd.GeoDataFrame | None = None,
    max_distance_km: float = config.NEAREST_POLYGON_MAX_KM,
) -> gpd.GeoDataFrame:
    """Add the country, subdivision and disputed area each event lies in.

    Parameters
    ----------
    events
        Events with point geometries (areas are placed at a point on their surface). A
        missing CRS is taken as EPSG:4326 with a warning; other CRSs are reprojected.
    boundaries
        None (default): the embedded Natural Earth subdivisions (which carry their country;
        together they cover every country of the admin-0 layer). Otherwise a file or
        GeoDataFrame of polygons with ``admin1`` and/or ``country``/``country_code`` columns
        (or usual aliases).
    disputed
        Disputed areas: None for the embedded Nagorno-Karabakh layers, or a file or
        GeoDataFrame with a ``name`` column.
    max_distance_km
        A point in no polygon takes the nearest one within this geodesic distance (for
        points just off a coast or beside a simplified border); 0 turns it off. Disputed
        areas are matched by containment only.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``events`` in EPSG:4326 with columns ``country, country_code, admin1,
        admin1_code, disputed_area`` (None where not found; existing columns of these names
        are replaced, except in rows without a geometry, which keep their values). An event
        in several disputed areas gets the first in the layer's order (for the embedded
        layer: the 1994-2020 held area, then the 1991 oblast).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely import Point
    >>> events = gpd.GeoDataFrame(geometry=[Point(46.92736, 39.99096)], crs="EPSG:4326")
    >>> joined = join_regions(events)
    >>> joined[["country_code", "admin1", "disputed_area"]].iloc[0].tolist()
    ['AZ', 'Ağdam', 'Nagorno-Karabakh']
    """
    out, points, lon, lat = event_points(events, "join_regions")
    valid = ~np.isnan(lon)

    frame, index = _layer(boundaries, "admin1")
    rows = _locate(index, points, lon, lat, valid, max_distance_km)
    columns = {
        name: _take(_column(frame, name), rows)
        for name in ("country", "country_code", "admin1", "admin1_code")
    }
    dframe, dindex = _layer(disputed, "disputed")
    inside = _locate(dindex, points, lon, lat, valid, 0.0)
    columns["disputed_area"] = _take(_column(dframe, "name"), inside)

    import pandas as pd

    for name, values in columns.items():
        if name in out.columns and not valid.all():
            # events without a location keep what their source said (an ACLED country...)
            given = out[name].astype(object)
            given = given.where(given.notna(), None).to_numpy(dtype=object)
            values = np.where(valid, np.asarray(values, dtype=object), given)
        # object dtype keeps None (pandas would infer a string dtype with NaN)
        out[name] = pd.Series(values, index=out.index, dtype=object)
    return out
