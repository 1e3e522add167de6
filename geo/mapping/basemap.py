"""The offline base map: countries, admin-1 borders, towns, rivers and lakes."""

from __future__ import annotations

import base64
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from geo import config
from geo.errors import InputError
from geo.io.files import atomic_write, cache_dir, data_dir
from geo.mapping.payload import first_column, make_feature, text_of, to_wgs84
from geo.schema import DATASET_ACLED, DATASET_UCDP

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "CREDIT_ACLED",
    "CREDIT_GEONAMES",
    "CREDIT_GSHHG",
    "CREDIT_NATURAL_EARTH",
    "CREDIT_PLACES_GEONAMES",
    "CREDIT_PLACES_NATURAL_EARTH",
    "CREDIT_PLACES_US_CENSUS",
    "CREDIT_PROTOMAPS",
    "CREDIT_UCDP",
    "admin1_lines_payload",
    "countries_payload",
    "event_credits",
    "lakes_payload",
    "load_lakes",
    "load_towns",
    "pmtiles_payload",
    "read_pmtiles",
    "towns_payload",
]

#: Credits of the layers drawn from embedded data or user files.
CREDIT_NATURAL_EARTH = "Boundaries: Natural Earth (public domain)"
CREDIT_GEONAMES = "Towns: GeoNames (CC BY 4.0)"
CREDIT_GSHHG = "Lakes and wide rivers: GSHHG, Wessel & Smith (LGPL-3.0)"
CREDIT_PROTOMAPS = "Base map: protomaps-leaflet; © OpenStreetMap contributors (ODbL)"
#: Credits of the events: the tables they were read from, the gazetteer that placed them.
CREDIT_ACLED = "Events: ACLED, Armed Conflict Location & Event Data (acleddata.com)"
CREDIT_UCDP = "Events: UCDP Georeferenced Event Dataset, ucdp.uu.se (CC BY 4.0)"
CREDIT_PLACES_GEONAMES = "Places of events: GeoNames (CC BY 4.0)"
CREDIT_PLACES_NATURAL_EARTH = "Places of events: Natural Earth (public domain)"
CREDIT_PLACES_US_CENSUS = "Places of events: US Census Bureau (public domain)"
# geo.io names the table of each event in a ``dataset`` column; frames read otherwise are
# known by the columns only ACLED's and UCDP GED's own tables have (geo's events from
# articles share some others, such as inter1).
_DATASET_CREDITS = {DATASET_ACLED: CREDIT_ACLED, DATASET_UCDP: CREDIT_UCDP}
_EVENT_CREDITS = (
    (("event_id_cnty", "interaction", "assoc_actor_1", "source_scale"), CREDIT_ACLED),
    (("where_prec", "date_prec", "conflict_new_id"), CREDIT_UCDP),
)
# prefix of ``gazetteer_id`` (see geo.gazetteer.Place.id) -> credit; "geo:" is our own
_GAZETTEER_CREDITS = {
    "gn": CREDIT_PLACES_GEONAMES,
    "ne": CREDIT_PLACES_NATURAL_EARTH,
    "us": CREDIT_PLACES_US_CENSUS,
}
_PMTILES_MAGIC = b"PMTiles"

View = tuple[float, float, float, float]
_TOWNS_LOCK = threading.Lock()
_TOWNS: pd.DataFrame | None = None


def countries_payload(
    countries: gpd.GeoDataFrame, view: tuple[float, float, float, float] | None
) -> dict[str, Any] | None:
    import shapely

    countries = to_wgs84(countries, "base map countries")
    geoms = countries.geometry.to_numpy()
    names = first_column(countries, ("country", "name"))
    near = np.zeros(len(geoms), dtype=bool)
    if view is not None:
        m = config.MAP_BASE_NEAR_MARGIN_DEG
        box = shapely.box(view[0] - m, view[1] - m, view[2] + m, view[3] + m)
        near = shapely.intersects(geoms, box)
    near_tol, far_tol = config.MAP_BASE_NEAR_TOLERANCE_DEG, config.MAP_BASE_FAR_TOLERANCE_DEG
    features = []
    for pos, geom in enumerate(geoms):
        if geom is None or shapely.is_empty(geom):
            continue
        if near[pos]:
            simple = shapely.simplify(geom, near_tol, preserve_topology=True)
            decimals = config.MAP_BASE_DECIMALS
        else:
            # far away, small islands are noise: keep the larger parts, coarser
            parts = shapely.get_parts(geom)
            areas = shapely.area(parts)
            big = parts[areas >= config.MAP_BASE_FAR_MIN_AREA_DEG2]
            if len(big) == 0:
                big = parts[[int(np.argmax(areas))]]
            simple = shapely.simplify(shapely.union_all(big), far_tol, preserve_topology=True)
            decimals = config.MAP_BASE_DECIMALS - 1
        props: dict[str, Any] = {"name": text_of(names.iloc[pos]) if names is not None else None}
        if near[pos] and props["name"]:
            # a label inside the largest part (the mainland, not an island or exclave)
            parts = shapely.get_parts(geom)
            main = parts[np.argmax(shapely.area(parts))]
            spot = shapely.point_on_surface(main)
            props["label"] = [round(spot.y, 3), round(spot.x, 3)]
        feature = make_feature(simple, props, decimals)
        if feature is not None:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features} if features else None


# ------------------------------------------------------------------------------ towns


def load_towns() -> pd.DataFrame:
    """Towns of the gazetteer with their population: ``name, lat, lon, population``.

    Read from :func:`geo.gazetteer.load_gazetteer` (GeoNames places of at least
    :data:`geo.config.MAP_TOWN_MIN_POPULATION` people) once, then kept in the user cache
    (a table keyed on the gazetteer's inputs) and in memory: later maps read it in
    milliseconds.

    Examples
    --------
    >>> towns = load_towns()  # doctest: +SKIP
    >>> towns.sort_values("population").iloc[-1]["name"]  # doctest: +SKIP
    'Shanghai'
    """
    global _TOWNS
    with _TOWNS_LOCK:
        if _TOWNS is not None:
            return _TOWNS
        from geo.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        key = str(gaz.meta.get("inputs_key", "unknown"))[:20]
        minimum = config.MAP_TOWN_MIN_POPULATION
        path = cache_dir() / f"map-towns-{key}-{minimum}.parquet"
        towns: pd.DataFrame | None = None
        if path.is_file():
            try:
                towns = pd.read_parquet(path)
            except (OSError, ValueError):
                towns = None  # a damaged cache file: rebuilt below
        if towns is None:
            rows = [
                (p.name, p.latitude, p.longitude, p.population)
                for p in gaz.iter_places()
                if p.kind == "city" and p.population >= minimum
            ]
            towns = pd.DataFrame(rows, columns=["name", "lat", "lon", "population"])
            try:
                with atomic_write(path, "wb") as fh:
                    towns.to_parquet(fh, index=False)
            except OSError:
                pass  # no cache: the next map reads the gazetteer again
        _TOWNS = towns
        return towns


def _town_zoom(population: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The first zoom level at which a town of this population is labelled."""
    zoom = np.full(len(population), config.MAP_TOWN_MAX_ZOOM, dtype=np.int64)
    for least, level in sorted(config.MAP_TOWN_ZOOMS, reverse=True):
        zoom = np.where((population >= least) & (zoom > level), level, zoom)
    return zoom


def towns_payload(towns: pd.DataFrame, view: View | None) -> dict[str, Any] | None:
    """Towns around the view, most populous first, with the zoom from which each is shown.

    ``towns`` has ``name, lat, lon, population`` (see :func:`load_towns`). At most
    :data:`geo.config.MAP_TOWN_MAX` towns within :data:`geo.config.MAP_TOWN_MARGIN_DEG`
    of the view are kept.

    Examples
    --------
    >>> towns = pd.DataFrame({"name": ["Big", "Small", "Far"], "lat": [40.0, 40.1, 10.0],
    ...                       "lon": [46.0, 46.1, 10.0], "population": [2_000_000, 4_000, 10]})
    >>> towns_payload(towns, (45.0, 39.0, 47.0, 41.0))["name"]
    ['Big', 'Small']
    """
    if view is None or towns is None or not len(towns):
        return None
    m = config.MAP_TOWN_MARGIN_DEG
    lat = pd.to_numeric(towns["lat"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(towns["lon"], errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        near = (
            (lon >= view[0] - m)
            & (lon <= view[2] + m)
            & (lat >= view[1] - m)
            & (lat <= view[3] + m)
        )
    pop = pd.to_numeric(towns["population"], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    rows = np.flatnonzero(near)
    rows = rows[np.argsort(-pop[rows], kind="stable")][: config.MAP_TOWN_MAX]
    if len(rows) == 0:
        return None
    names = [text_of(v) or "" for v in towns["name"].to_numpy()[rows].tolist()]
    keep = [k for k, name in enumerate(names) if name]
    rows = rows[keep]
    return {
        "name": [names[k] for k in keep],
        "lat": np.round(lat[rows], 4).tolist(),
        "lon": np.round(lon[rows], 4).tolist(),
        "z": _town_zoom(pop[rows]).tolist(),
        "pop": pop[rows].tolist(),
    }


# ------------------------------------------------------------------------------ admin-1


def admin1_lines_payload(boundaries: gpd.GeoDataFrame, view: View | None) -> dict[str, Any] | None:
    """Outlines of the admin-1 units around the view, as one simplified multi-line."""
    import shapely

    if view is None or boundaries is None or not len(boundaries):
        return None
    boundaries = to_wgs84(boundaries, "boundaries")
    m = config.MAP_BASE_NEAR_MARGIN_DEG
    box = shapely.box(view[0] - m, view[1] - m, view[2] + m, view[3] + m)
    geoms = boundaries.geometry.to_numpy()
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    near = geoms[shapely.intersects(geoms, box)]
    if len(near) == 0:
        return None
    tol = config.MAP_ADMIN1_TOLERANCE_DEG
    lines = shapely.simplify(shapely.boundary(near), tol)
    merged = shapely.multilinestrings(shapely.get_parts(lines))
    return make_feature(merged, {"kind": "admin1"}, config.MAP_BASE_DECIMALS)


# ------------------------------------------------------------------------------ credits


def event_credits(events: pd.DataFrame) -> list[str]:
    """Credits of the events: the tables they come from, the gazetteer that placed them.

    ACLED and UCDP GED are known by the ``dataset`` column that :mod:`geo.io.tables`
    writes, or else by columns only their tables have; places found in articles by the
    prefix of their ``gazetteer_id`` (GeoNames, Natural Earth, US Census Bureau).

    Examples
    --------
    >>> event_credits(pd.DataFrame(columns=["event_id_cnty", "notes"]))
    ['Events: ACLED, Armed Conflict Location & Event Data (acleddata.com)']
    >>> found = event_credits(pd.DataFrame({"dataset": ["UCDP GED"], "gazetteer_id": ["gn:1"]}))
    >>> [credit.split(",")[0] for credit in found]
    ['Events: UCDP Georeferenced Event Dataset', 'Places of events: GeoNames (CC BY 4.0)']
    """
    found: list[str] = []
    columns = {str(c).lower(): c for c in events.columns}
    if "dataset" in columns:
        for value in _distinct_text(events[columns["dataset"]]):
            credit = _DATASET_CREDITS.get(value)
            if credit is not None:
                found.append(credit)
    found.extend(text for names, text in _EVENT_CREDITS if set(columns) & set(names))
    if "gazetteer_id" in columns:
        for value in _distinct_text(events[columns["gazetteer_id"]]):
            credit = _GAZETTEER_CREDITS.get(value.split(":", 1)[0])
            if credit is not None:
                found.append(credit)
    return sorted(dict.fromkeys(found), key=_CREDIT_ORDER.index)


_CREDIT_ORDER = (
    CREDIT_ACLED,
    CREDIT_UCDP,
    CREDIT_PLACES_GEONAMES,
    CREDIT_PLACES_NATURAL_EARTH,
    CREDIT_PLACES_US_CENSUS,
)


def _distinct_text(values: pd.Series) -> list[str]:
    return [str(v).strip() for v in values.dropna().unique() if str(v).strip()]


# ------------------------------------------------------------------------------ PMTiles


def read_pmtiles(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a PMTiles (version 3) file, checked.

    Raises
    ------
    InputError
        If the file is missing, unreadable, not PMTiles v3 or larger than
        :data:`geo.config.MAP_PMTILES_MAX_BYTES`.
    """
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > config.MAP_PMTILES_MAX_BYTES:
            raise InputError(
                f"base map {file} weighs {size / 1e6:.0f} MB, more than the "
                f"{config.MAP_PMTILES_MAX_BYTES / 1e6:.0f} MB a page can carry; cut a smaller "
                "extract (e.g. `pmtiles extract --bbox=...`)"
            )
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the base map {file}: {err.strerror or err}") from err
    if not data.startswith(_PMTILES_MAGIC) or len(data) < 127 or data[7] != 3:
        raise InputError(f"{file} is not a PMTiles version 3 file (its first bytes differ)")
    return data


def pmtiles_payload(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A PMTiles base map for the page: its bytes in base64, and its name."""
    data = read_pmtiles(path)
    return {"name": Path(path).name, "bytes": len(data), "data": base64.b64encode(data).decode()}


# ------------------------------------------------------------------------------ lakes


_LAKES: gpd.GeoDataFrame | None = None


def load_lakes() -> gpd.GeoDataFrame:
    """The embedded lakes and wide rivers (``data/basemap/lakes.parquet``, from GSHHG).

    Examples
    --------
    >>> lakes = load_lakes()
    >>> bool(lakes["river_lake"].any()), lakes.crs.to_string()
    (True, 'EPSG:4326')
    """
    global _LAKES
    with _TOWNS_LOCK:
        if _LAKES is None:
            import geopandas as gpd

            _LAKES = gpd.read_parquet(data_dir() / config.MAP_LAKES_FILE)
        return _LAKES


def lakes_payload(lakes: gpd.GeoDataFrame, view: View | None) -> dict[str, Any] | None:
    """The lakes around the view, simplified, as one feature collection."""
    import shapely

    if view is None or lakes is None or not len(lakes):
        return None
    lakes = to_wgs84(lakes, "lakes")
    m = config.MAP_BASE_NEAR_MARGIN_DEG
    box = shapely.box(view[0] - m, view[1] - m, view[2] + m, view[3] + m)
    geoms = lakes.geometry.to_numpy()
    near = np.flatnonzero(shapely.intersects(geoms, box))
    features = []
    for pos in near.tolist():
        geom = shapely.simplify(
            shapely.intersection(geoms[pos], box), config.MAP_BASE_NEAR_TOLERANCE_DEG
        )
        feature = make_feature(geom, {}, config.MAP_BASE_DECIMALS)
        if feature is not None:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features} if features else None
