"""Reading vector layers (boundaries, front lines, areas of control) in any format and CRS.

:func:`read_vector` reads what GDAL reads (or GeoParquet), in any CRS, into EPSG:4326 with
valid geometries of the expected kind; rows it cannot use are left out with a warning that
names them.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from geo.errors import GeoWarning, InputError

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["VECTOR_SUFFIXES", "date_from_name", "read_vector", "vector_files"]

PathArg: TypeAlias = str | os.PathLike[str]
_WGS84 = "EPSG:4326"

#: Extensions of vector files found in folders (a file given by name is read whatever it is).
VECTOR_SUFFIXES = frozenset(
    {".geojson", ".json", ".gpkg", ".parquet", ".geoparquet", ".shp", ".kml", ".fgb", ".gml"}
)


def vector_files(items: PathArg | Iterable[PathArg], *, what: str = "file") -> list[str]:
    """Expand files, folders and glob patterns into vector files, in name order per item.

    A folder gives its vector files (:data:`VECTOR_SUFFIXES`, not hidden, not in
    sub-folders); a pattern (``*``, ``?``, ``[``) the files it matches; a file is kept as it
    is (read later, with its own errors).

    Raises
    ------
    InputError
        If an item is missing or a folder or pattern holds no vector file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.geojson", "a.geojson", "notes.txt"):
    ...     _ = (folder / name).write_text("{}")
    >>> [pathlib.Path(p).name for p in vector_files(folder)]
    ['a.geojson', 'b.geojson']
    """
    given = [items] if isinstance(items, str | os.PathLike) else list(items)
    files: list[str] = []
    for item in given:
        text = os.fspath(item)
        if any(ch in text for ch in "*?["):
            found = sorted(p for p in glob.glob(text) if os.path.isfile(p))
            if not found:
                raise InputError(f"{what} pattern {text!r} matches no file; check it")
            files.extend(found)
        elif os.path.isdir(text):
            found = sorted(
                str(p)
                for p in Path(text).iterdir()
                if p.is_file() and not p.name.startswith(".")
                and p.suffix.lower() in VECTOR_SUFFIXES
            )  # fmt: skip
            if not found:
                kinds = ", ".join(sorted(VECTOR_SUFFIXES))
                raise InputError(f"{what} folder {text} holds no vector file ({kinds})")
            files.extend(found)
        elif not os.path.lexists(text):
            raise InputError(f"{what} {text} does not exist; check the path")
        else:
            files.append(text)
    return files


#: Dates in a file name: ``2022-09-08`` (or with ``_``/``.``), ``20220908``, or a Unix time
#: in seconds (10 digits) or milliseconds (13 digits).
_NAME_ISO = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
_NAME_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_NAME_EPOCH = re.compile(r"(?<!\d)(\d{10}|\d{13})(?!\d)")

#: Years a date read from a file name may have (a number in a name is not always a date).
_NAME_YEARS = (1900, 2100)


def date_from_name(path: PathArg) -> dt.date | None:
    """The date a file's name gives, or None.

    ``deepstate-2022-09-08.geojson`` and ``data_20250126.geojson`` give their day;
    ``1662647935.geojson`` is a Unix time (UTC day). Years outside 1900-2100 are not dates.

    Examples
    --------
    >>> [str(date_from_name(n)) for n in ("a_20250126.geojson", "1662647935.geojson",
    ...                                   "x-2022-09-08.json", "v2.geojson")]
    ['2025-01-26', '2022-09-08', '2022-09-08', 'None']
    """
    name = Path(path).stem
    for pattern in (_NAME_ISO, _NAME_COMPACT):
        for m in pattern.finditer(name):
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if _NAME_YEARS[0] <= day.year <= _NAME_YEARS[1]:
                return day
    for m in _NAME_EPOCH.finditer(name):
        seconds = int(m.group(1)) / (1000 if len(m.group(1)) == 13 else 1)
        day = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        if _NAME_YEARS[0] <= day.year <= _NAME_YEARS[1]:
            return day
    return None


def read_vector(
    source: PathArg | gpd.GeoDataFrame,
    *,
    what: str = "file",
    geometry: Literal["polygon", "line", "any"] = "any",
) -> gpd.GeoDataFrame:
    """Read a vector file (any GDAL format, or GeoParquet) into EPSG:4326, checked.

    A file without a CRS is taken as EPSG:4326 with a :class:`~geo.errors.GeoWarning`;
    invalid polygons are repaired with ``make_valid`` and reported the same way; rows without
    a geometry are dropped and reported.

    Parameters
    ----------
    source
        Path of the file, or a GeoDataFrame to check the same way.
    what
        What the file is, for messages ("boundary file", "front-line file").
    geometry
        Geometry type the rows must have ("polygon", "line") or "any".

    Returns
    -------
    geopandas.GeoDataFrame
        The rows, in EPSG:4326, with a fresh RangeIndex.

    Raises
    ------
    InputError
        The file is missing, unreadable, empty, or holds the wrong geometry type.

    Examples
    --------
    >>> from geo.io.files import data_dir
    >>> lines = read_vector(data_dir() / "boundaries" / "front_lines.geojson", geometry="line")
    >>> lines.crs.to_epsg(), len(lines)
    (4326, 1)
    """
    import geopandas as gpd
    import shapely

    if isinstance(source, gpd.GeoDataFrame):
        frame, label = source.copy(), f"{what} (GeoDataFrame)"
    else:
        path = Path(source)
        label = f"{what} {path}"
        if not path.exists():
            raise InputError(f"{label} does not exist; check the path")
        if not path.is_file() and not path.is_dir():  # a folder: a shapefile's, a GDB
            raise InputError(
                f"{label} is not a regular file (a pipe or a device, which GDAL would wait "
                "on); give a file"
            )
        if path.is_file() and path.stat().st_size == 0:
            raise InputError(
                f"{label} is empty (0 bytes); give a GeoJSON, GeoPackage, KML, shapefile "
                "or GeoParquet file"
            )
        try:
            if path.suffix.lower() in {".parquet", ".geoparquet"}:
                frame = gpd.read_parquet(path)
            else:
                frame = gpd.read_file(path, engine="pyogrio")
        except Exception as err:  # pyogrio/pyarrow raise many types for one problem
            reason = " ".join(str(err).split()).split("; It might help", 1)[0].rstrip(".")
            raise InputError(
                f"cannot read {label}: {reason or type(err).__name__}; give a GeoJSON, "
                "GeoPackage, KML, shapefile or GeoParquet file"
            ) from err
        if not isinstance(frame, gpd.GeoDataFrame) or "geometry" not in frame:
            raise InputError(f"{label} has no geometry column; give a vector file")
    if len(frame) == 0:
        raise InputError(f"{label} is empty: it has no features")

    if frame.crs is None:
        warnings.warn(
            f"{label} declares no CRS; assuming longitude/latitude (EPSG:4326)",
            GeoWarning,
            stacklevel=3,
        )
        frame = frame.set_crs(_WGS84)
    elif not frame.crs.equals(_WGS84):
        frame = frame.to_crs(_WGS84)

    geoms = frame.geometry.values
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.all():
        raise InputError(f"{label} has no geometries")
    if missing.any():
        warnings.warn(
            f"{label}: {int(missing.sum())} feature(s) without geometry dropped "
            f"(rows {_rows(np.flatnonzero(missing))})",
            GeoWarning,
            stacklevel=3,
        )
        frame = frame[~missing]
        geoms = frame.geometry.values
    frame, geoms = _in_lon_lat(frame, geoms, label)

    kinds = {"polygon": ("Polygon", "MultiPolygon"), "line": ("LineString", "MultiLineString")}
    if geometry in kinds:
        types = shapely.get_type_id(geoms)
        wanted = (3, 6) if geometry == "polygon" else (1, 2, 5)
        wrong = ~np.isin(types, wanted)
        if wrong.any():
            first = int(np.flatnonzero(wrong)[0])
            raise InputError(
                f"{label}: row {first} is a {geoms[first].geom_type}, expected "
                f"{' or '.join(kinds[geometry])}"
            )
    if geometry != "line":
        invalid = ~shapely.is_valid(geoms)
        if invalid.any():
            reasons = shapely.is_valid_reason(geoms[invalid][:3])
            warnings.warn(
                f"{label}: {int(invalid.sum())} invalid geometr"
                f"{'y' if invalid.sum() == 1 else 'ies'} repaired with make_valid "
                f"(rows {_rows(np.flatnonzero(invalid))}: {'; '.join(reasons)})",
                GeoWarning,
                stacklevel=3,
            )
            repaired = shapely.make_valid(geoms[invalid])
            if geometry == "polygon":
                repaired = _polygonal(repaired)
            geoms = geoms.copy()
            geoms[invalid] = repaired
            frame = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=_WGS84))
    return frame.reset_index(drop=True)


#: Slack on the longitude/latitude range (rounding in files that stop exactly at 180°).
_RANGE_SLACK_DEG = 1e-3


def _in_lon_lat(frame: gpd.GeoDataFrame, geoms: Any, label: str) -> tuple[gpd.GeoDataFrame, Any]:
    """Leave out (with a warning) rows whose coordinates are not longitude/latitude.

    A file in metres (EPSG:3857, a UTM zone) that declares no CRS, or declares EPSG:4326,
    has coordinates in the millions: no projection could place them. All rows like that
    is an :class:`InputError` that says how to declare the CRS.
    """
    import shapely

    bounds = shapely.bounds(np.asarray(geoms, dtype=object))
    lon_ok = (bounds[:, [0, 2]] >= -180 - _RANGE_SLACK_DEG) & (
        bounds[:, [0, 2]] <= 180 + _RANGE_SLACK_DEG
    )
    lat_ok = (bounds[:, [1, 3]] >= -90 - _RANGE_SLACK_DEG) & (
        bounds[:, [1, 3]] <= 90 + _RANGE_SLACK_DEG
    )
    bad = ~(lon_ok.all(axis=1) & lat_ok.all(axis=1))  # NaN and infinity are bad too
    if not bad.any():
        return frame, geoms
    finite = bounds[bad][np.isfinite(bounds[bad])]
    largest = f" (coordinates up to {np.abs(finite).max():,.0f})" if len(finite) else ""
    advice = (
        "the file is probably in a projected CRS, in metres (such as EPSG:3857), that it "
        "does not declare; declare it (e.g. ogr2ogr -a_srs EPSG:3857 fixed.gpkg FILE) or "
        "reproject the file to longitude/latitude"
    )
    if bad.all():
        raise InputError(f"{label}: its coordinates are not longitude/latitude{largest}: {advice}")
    warnings.warn(
        f"{label}: {int(bad.sum())} row(s) left out (rows {_rows(np.flatnonzero(bad))}): their "
        f"coordinates are not longitude/latitude{largest}; {advice}",
        GeoWarning,
        stacklevel=4,
    )
    frame = frame[~bad]
    return frame, frame.geometry.values


def _rows(index: npt.NDArray[np.intp], limit: int = 5) -> str:
    shown = ", ".join(str(int(i)) for i in index[:limit])
    return shown + (f" and {len(index) - limit} more" if len(index) > limit else "")


def _polygonal(geoms: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Keep the polygonal part of each repaired geometry (make_valid may add lines)."""
    import shapely

    out = geoms.copy()
    for i, geom in enumerate(geoms):  # only the few invalid geometries
        if geom.geom_type == "GeometryCollection":
            parts = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
            out[i] = shapely.union_all(parts) if parts else shapely.Polygon()
    return out
