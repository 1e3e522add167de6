"""The pipeline behind ``geo map`` (read, parse, events, regions, front distance).

Another issue moves it out of :mod:`geo.mapping`; it stays importable from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from geo import config

if TYPE_CHECKING:
    import geopandas as gpd
from geo.mapping.payload import LayerArg, coordinates, first_column, text_of

# ------------------------------------------------------------------------------ pipeline


def fill_coordinates(events: gpd.GeoDataFrame, geocoder_name: str) -> gpd.GeoDataFrame:
    """Geocode, by place name, the events that have a name but no coordinates."""
    import geopandas as gpd

    from geo.errors import GeoError
    from geo.geocode import get_geocoder

    if not len(events):
        return events
    lat, lon, _ = coordinates(events)
    names = first_column(events, ("location", "mention"))
    if names is None:
        return events
    codes = first_column(events, ("country_code",))
    todo = [
        i for i in np.flatnonzero(~np.isfinite(lat) | ~np.isfinite(lon)) if text_of(names.iloc[i])
    ]
    if not todo:
        return events
    geocoder = get_geocoder(geocoder_name)
    found: dict[tuple[str, str | None], tuple[float, float] | None] = {}
    for i in todo:
        key = (str(text_of(names.iloc[i])), text_of(codes.iloc[i]) if codes is not None else None)
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
    geocoder: str = config.DEFAULT_GEOCODER,
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
    events = fill_coordinates(events, geocoder)
    if boundaries is not None:
        events = join_regions(events, boundaries=None if _is_default(boundaries) else boundaries)
    if front is not None:
        events = distance_to_front(events, front=None if _is_default(front) else front)
    return events


def _is_default(value: object) -> bool:
    return isinstance(value, str) and value == "default"
