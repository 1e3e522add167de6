"""Exceptions raised by :mod:`geo`.

Every error derives from :class:`GeoError`, and also from the built-in exception whose
meaning it carries, so ``except ValueError`` keeps working for callers who do not know
about :mod:`geo`. Third-party errors are wrapped with ``raise ... from err``.
"""

from __future__ import annotations

__all__ = [
    "CacheError",
    "DataError",
    "GeoError",
    "GeoWarning",
    "GeocoderServiceError",
    "InputError",
    "OutputError",
]


class GeoError(Exception):
    """Root of every exception raised by :mod:`geo`."""


class InputError(GeoError, ValueError):
    """Input that cannot be used: a malformed file, row, argument or query."""


class DataError(GeoError, RuntimeError):
    """Embedded or user-supplied reference data (gazetteer, boundaries) is missing or broken."""


class CacheError(GeoError, OSError):
    """A cache could not be read or written."""


class OutputError(GeoError, OSError):
    """An output file could not be written."""


class GeocoderServiceError(GeoError, RuntimeError):
    """An online geocoding service failed after every retry."""


class GeoWarning(UserWarning):
    """Input was used after a repair or an assumption the user should know about.

    For example: a file without a CRS taken as EPSG:4326, invalid polygons repaired,
    events without a date measured against the latest front line.
    """
