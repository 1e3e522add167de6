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
    # gazetteer
    "Gazetteer": "geo.gazetteer",
    "Place": "geo.gazetteer",
    "load_gazetteer": "geo.gazetteer",
    "normalize_name": "geo.gazetteer",
    # geocoding
    "OfflineGeocoder": "geo.geocode",
    "get_geocoder": "geo.geocode",
}

__all__ = [
    "CacheError",
    "DataError",
    "Gazetteer",
    "GeoError",
    "GeocoderServiceError",
    "InputError",
    "OfflineGeocoder",
    "OutputError",
    "Place",
    "__version__",
    "get_geocoder",
    "load_gazetteer",
    "normalize_name",
]

if TYPE_CHECKING:
    from geo.errors import (
        CacheError,
        DataError,
        GeocoderServiceError,
        GeoError,
        InputError,
        OutputError,
    )
    from geo.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name
    from geo.geocode import OfflineGeocoder, get_geocoder


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
