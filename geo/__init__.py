"""geo: turn conflict reporting into geocoded events and maps, offline.

The public API is listed in ``__all__``. Names are imported lazily so that the command
line (``geo geocode Bakou``) starts without loading geopandas or folium.

Examples
--------
>>> import geo
>>> geo.OfflineGeocoder().geocode("Bakou").raw["country_code"]
'AZ'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # errors
    "GeoError": "geo.errors",
    "InputError": "geo.errors",
    "DataError": "geo.errors",
    "CacheError": "geo.errors",
    "OutputError": "geo.errors",
    "GeocoderServiceError": "geo.errors",
    "GeoWarning": "geo.errors",
    # regions and front lines
    "load_boundaries": "geo.regions",
    "join_regions": "geo.regions",
    "load_front_lines": "geo.frontline",
    "derive_front_lines": "geo.frontline",
    "distance_to_front": "geo.frontline",
    "distance_band": "geo.frontline",
    "DISTANCE_BAND_LABELS": "geo.frontline",
    # reading, geoparsing and events
    "Document": "geo.io.documents",
    "read_documents": "geo.io.documents",
    "geoparse": "geo.geoparse",
    "extract_events": "geo.events",
    "read_events": "geo.io.tables",
    "write_events": "geo.io.writers",
    # gazetteer
    "Gazetteer": "geo.gazetteer",
    "Place": "geo.gazetteer",
    "load_gazetteer": "geo.gazetteer",
    "normalize_name": "geo.gazetteer",
    # geocoding
    "OfflineGeocoder": "geo.geocode",
    "get_geocoder": "geo.geocode",
    # maps
    "map_events": "geo.mapping",
    "save_map": "geo.mapping",
    "write_map": "geo.mapping",
    "build_events": "geo.pipeline",
}

__all__ = [
    "DISTANCE_BAND_LABELS",
    "CacheError",
    "DataError",
    "Document",
    "Gazetteer",
    "GeoError",
    "GeoWarning",
    "GeocoderServiceError",
    "InputError",
    "OfflineGeocoder",
    "OutputError",
    "Place",
    "__version__",
    "build_events",
    "derive_front_lines",
    "distance_band",
    "distance_to_front",
    "extract_events",
    "geoparse",
    "get_geocoder",
    "join_regions",
    "load_boundaries",
    "load_front_lines",
    "load_gazetteer",
    "map_events",
    "normalize_name",
    "read_documents",
    "read_events",
    "save_map",
    "write_events",
    "write_map",
]

if TYPE_CHECKING:
    from geo.errors import (
        CacheError,
        DataError,
        GeocoderServiceError,
        GeoError,
        GeoWarning,
        InputError,
        OutputError,
    )
    from geo.events import extract_events
    from geo.frontline import (
        DISTANCE_BAND_LABELS,
        derive_front_lines,
        distance_band,
        distance_to_front,
        load_front_lines,
    )
    from geo.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name
    from geo.geocode import OfflineGeocoder, get_geocoder
    from geo.geoparse import geoparse
    from geo.io.documents import Document, read_documents
    from geo.io.tables import read_events
    from geo.io.writers import write_events
    from geo.mapping import map_events, save_map, write_map
    from geo.pipeline import build_events
    from geo.regions import join_regions, load_boundaries


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
