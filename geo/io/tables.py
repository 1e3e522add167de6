"""Reading event tables: ACLED exports, UCDP GED tables and geo's own outputs.

:func:`read_events` reads a table into the event columns (:data:`geo.schema.EVENT_COLUMNS`);
:func:`is_event_table` tells a table from a corpus of articles by its header.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from geo import defaults
from geo.errors import InputError
from geo.io.documents import (
    InputWarning,
    Problem,
    csv_table,
    peek_text,
    read_text,
)
from geo.io.files import display_path

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


from geo.io.writers import unprotect
from geo.schema import events_to_frame

__all__ = ["is_event_table", "read_events", "table_kind"]


def is_event_table(path: str) -> bool:
    """Whether a file is read as an event table rather than as articles.

    A CSV whose header looks like an ACLED or UCDP GED export counts even when a required
    column is missing, so that :func:`read_events` names the missing columns (instead of the
    file being read as articles without a text column).
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".gpkg", ".parquet", ".geojson"):
        return True
    if suffix not in (".csv", ".tsv"):
        return False
    head = peek_text(path)
    header = head.split("\n", 1)[0] if "\n" in head else head
    columns = {c.strip().strip('"').strip().lower() for c in re.split(r"[,;\t|]", header)}
    if table_kind(columns) is not None:
        return True
    if columns & _ARTICLE_COLUMNS:
        return False
    return "event_id_cnty" in columns or len(columns & _TABLE_MARKERS) >= 2


#: Columns that mark a CSV as a corpus of articles, and columns that mark an event table.
_ARTICLE_COLUMNS: Final = frozenset({"text", "content", "body", "article", "texte", "contenu"})
_TABLE_MARKERS: Final = frozenset(
    {
        "event_id_cnty",
        "event_date",
        "event_type",
        "sub_event_type",
        "date_start",
        "date_end",
        "type_of_violence",
        "where_prec",
        "best",
        "latitude",
        "longitude",
    }
)


# --------------------------------------------------------------------------- tables

_ACLED_REQUIRED: Final = ("event_date", "event_type", "latitude", "longitude")
_UCDP_REQUIRED: Final = ("date_start", "latitude", "longitude", "best")
_OWN_REQUIRED: Final = ("event_id", "event_date", "event_type", "latitude", "longitude")
_UCDP_VIOLENCE: Final = {
    "1": ("Battles", "Armed clash"),
    "2": ("Battles", "Armed clash"),
    "3": ("Violence against civilians", "Attack"),
}
_UCDP_DATE_PREC: Final = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3}
_UCDP_WHERE_PREC: Final = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3, "6": 3, "7": 3}


def table_kind(columns: Iterable[str]) -> str | None:
    """Recognise an event table from its columns: "own", "acled", "ucdp" or None.

    Examples
    --------
    >>> table_kind(["event_id_cnty", "event_date", "event_type", "latitude", "longitude"])
    'acled'
    >>> table_kind(["id", "date_start", "latitude", "longitude", "best"])
    'ucdp'
    """
    cols = {c.strip().lower() for c in columns}
    if all(c in cols for c in _OWN_REQUIRED) and "event_id_cnty" not in cols:
        return "own"
    if all(c in cols for c in _ACLED_REQUIRED):
        return "acled"
    if all(c in cols for c in _UCDP_REQUIRED):
        return "ucdp"
    return None


def _parse_table_date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        try:  # any calendar day: the caller reports those geo cannot hold
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    for fmt in (
        "%d %B %Y",
        "%d-%B-%Y",
        "%d-%b-%Y",
        "%d %b %Y",
        "%d-%m-%Y",
        "%d/%m/%Y",
        "%B %d, %Y",
    ):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _country_code(name: str, cache: dict[str, str | None]) -> str | None:
    if name in cache:
        return cache[name]
    from geo.gazetteer import load_gazetteer

    found = load_gazetteer().lookup(name, kinds=["country"]) if name else []
    code = found[0].country_code if found else None
    cache[name] = code
    return code


def read_events(
    path: str | os.PathLike[str],
    *,
    problems: list[Problem] | None = None,
) -> gpd.GeoDataFrame:
    """Read an event table: an ACLED export, a UCDP GED CSV, or a file written by geo.

    Parameters
    ----------
    path : path
        ``.csv`` (ACLED, UCDP GED or geo's own columns), ``.geojson``, ``.gpkg`` or
        ``.parquet``.
    problems : list of Problem, optional
        Receives rows that were skipped (bad coordinates or dates); they are reported as
        :class:`~geo.io.documents.InputWarning` warnings otherwise.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`EVENT_COLUMNS` and point geometries, EPSG:4326.

    Raises
    ------
    InputError
        Unreadable file, or columns that match none of the known tables (the message lists
        the missing ones).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "acled.csv"
    >>> _ = p.write_text(
    ...     "event_id_cnty,event_date,event_type,sub_event_type,country,location,"
    ...     "latitude,longitude,fatalities\\n"
    ...     "AZE1,2020-10-04,Explosions/Remote violence,Shelling/artillery/missile attack,"
    ...     "Azerbaijan,Ganja,40.6828,46.3606,1\\n")
    >>> ev = read_events(p)
    >>> ev.loc[0, "event_id"], ev.loc[0, "country_code"], int(ev.loc[0, "fatalities"])
    ('AZE1', 'AZ', 1)
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.is_file():
        what = "not a regular file (a folder, pipe or device)" if p.exists() else "no such file"
        raise InputError(
            f"{display_path(p)}: {what}; give an ACLED or UCDP GED CSV, or a geo output"
        )
    notes: list[Problem] = []  # repairs of the whole file (encoding, CRS, geometry types)
    if suffix in (".geojson", ".json", ".gpkg", ".parquet", ".geoparquet"):
        columns, records = _vector_records(p, notes)
        from_csv = False
    else:
        columns, records = _csv_records(p, notes)
        from_csv = True
    kind = table_kind(columns)
    if kind is None:
        have = {c.strip().lower() for c in columns}
        missing_acled = [c for c in _ACLED_REQUIRED if c not in have]
        missing_ucdp = [c for c in _UCDP_REQUIRED if c not in have]
        raise InputError(
            f"{display_path(p)}: not an event table: ACLED columns missing: "
            f"{', '.join(missing_acled)}; "
            f"UCDP GED columns missing: {', '.join(missing_ucdp)} "
            f"(found: {', '.join(list(columns)[:20])})"
        )
    found: list[Problem] = list(notes)
    rows: list[dict[str, Any]] = []
    codes: dict[str, str | None] = {}
    for line, raw in records:
        if isinstance(raw, Problem):
            found.append(raw)
            continue
        rec = {str(k).strip().lower(): v for k, v in raw.items()}
        if from_csv:
            rec = {k: unprotect(v) for k, v in rec.items()}
        warned: list[str] = []
        try:
            row = _table_row(kind, rec, codes, warned)
        except ValueError as err:
            found.append(Problem(display_path(p), str(err), row=line))
            continue
        found.extend(Problem(display_path(p), w, level="warning", row=line) for w in warned)
        rows.append(row)
    for problem in found:
        if problems is not None:
            problems.append(problem)
        else:
            warnings.warn(str(problem), InputWarning, stacklevel=2)
    return events_to_frame(rows)


def _csv_records(
    p: Path, notes: list[Problem]
) -> tuple[list[str], Iterator[tuple[int, dict[str, Any] | Problem]]]:
    """Header and rows of a CSV event table; bad rows come as :class:`Problem` items."""
    read: list[Problem] = []
    text = read_text(p, read)
    errors = [q for q in read if q.level == "error"]
    if text is None or errors:
        reason = errors[0].message if errors else "unreadable"
        raise InputError(f"{display_path(p)}: cannot read the event table: {reason}")
    notes.extend(read)
    row_problems: list[Problem] = []
    table = csv_table(display_path(p), text, row_problems)
    if table is None:
        reason = row_problems[0].message if row_problems else "no header"
        raise InputError(f"{display_path(p)}: cannot read the event table: {reason}")
    header, rows = table

    def records() -> Iterator[tuple[int, dict[str, Any] | Problem]]:
        for line, record in rows:
            while row_problems:  # rows left out before this one, in file order
                bad = row_problems.pop(0)
                yield bad.row or 0, bad
            yield line, record
        for bad in row_problems:
            yield bad.row or 0, bad

    return [h.strip() for h in header], records()


def _vector_records(
    p: Path, notes: list[Problem]
) -> tuple[list[str], Iterator[tuple[int, dict[str, Any] | Problem]]]:
    """Columns and rows of a GeoJSON / GeoPackage / (Geo)Parquet event table.

    The event's coordinates come from its geometry, in EPSG:4326: a point as it is, another
    geometry by a point on it (with a warning); rows without a geometry keep their
    ``latitude``/``longitude`` columns when they have them (else no coordinates).
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    try:
        if p.stat().st_size == 0:
            raise InputError(
                f"{display_path(p)}: cannot read the event table: the file is empty (0 bytes)"
            )
        if p.suffix.lower() in (".parquet", ".geoparquet"):
            try:
                frame: pd.DataFrame = gpd.read_parquet(p)
            except ValueError:  # a plain (non-geo) Parquet table
                frame = pd.read_parquet(p)
        else:
            frame = gpd.read_file(p, engine="pyogrio")
    except InputError:
        raise
    except Exception as err:  # pyogrio/pyarrow raise their own error classes
        raise InputError(
            f"{display_path(p)}: cannot read the event table ({_short_error(err)})"
        ) from err
    frame = pd.DataFrame(frame) if not isinstance(frame, gpd.GeoDataFrame) else frame
    columns = [str(c).strip() for c in frame.columns]
    lower = {c.lower(): c for c in frame.columns}
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        gdf = frame
        if gdf.crs is None:
            notes.append(
                Problem(
                    display_path(p), "declares no CRS; coordinates taken as EPSG:4326", "warning"
                )
            )
            gdf = gdf.set_crs("EPSG:4326", allow_override=True)
        elif not gdf.crs.equals("EPSG:4326"):
            gdf = gdf.to_crs("EPSG:4326")
        geoms = np.asarray(gdf.geometry.values, dtype=object)
        missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        areas = ~missing & (shapely.get_type_id(geoms) != 0)
        if areas.any():
            types = sorted({g.geom_type for g in geoms[areas]})
            notes.append(
                Problem(
                    display_path(p),
                    f"{int(areas.sum())} feature(s) are {'/'.join(types)}, not points; a "
                    "point on each is used as the event location",
                    "warning",
                )
            )
            geoms = geoms.copy()
            geoms[areas] = shapely.point_on_surface(geoms[areas])
        lat = pd.Series(np.nan, index=gdf.index)
        lon = pd.Series(np.nan, index=gdf.index)
        ok = ~missing
        lon[ok] = shapely.get_x(geoms[ok])
        lat[ok] = shapely.get_y(geoms[ok])
        table = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
        old_lat = table[lower["latitude"]] if "latitude" in lower else None
        old_lon = table[lower["longitude"]] if "longitude" in lower else None
        for name, values, old in (("latitude", lat, old_lat), ("longitude", lon, old_lon)):
            if old is not None:
                table = table.drop(columns=lower[name])
                values = values.where(ok, old)
            table[name] = values.astype(object).where(values.notna(), "")
        columns = [str(c).strip() for c in table.columns]
    else:
        table = frame
    table = table.astype("object").where(table.notna(), "")
    return columns, ((line, rec) for line, rec in enumerate(table.to_dict("records"), 1))


def _short_error(err: BaseException) -> str:
    """A third-party error as one short line (GDAL adds a hint about drivers)."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text.split("; It might help", 1)[0].rstrip(".")


def _text(rec: dict[str, Any], key: str) -> str:
    value = rec.get(key, "")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value).strip()


def _exact_text(rec: dict[str, Any], key: str) -> str:
    """A text cell of geo's own tables as written (white space kept), "" when missing."""
    value = rec.get(key, "")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value if isinstance(value, str) else _text(rec, key)


#: Integers an event table column can hold (64-bit).
_INT64_MAX: Final = 2**63 - 1


def _int_or_none(value: str) -> int | None:
    if not value:
        return None
    try:
        number = int(value) if value.lstrip("+-").isdigit() else int(float(value))
    except (ValueError, OverflowError):
        return None
    return number if -_INT64_MAX <= number <= _INT64_MAX else None


def _count(rec: dict[str, Any], key: str, warned: list[str]) -> int | None:
    """A count column (fatalities...): None when empty; a warning when not a count."""
    raw = _text(rec, key)
    value = _int_or_none(raw)
    if raw and (value is None or value < 0 or value > defaults.MAX_PEOPLE_COUNT):
        warned.append(
            f"{key} {_clip(raw)!r} is not a count of people (0 to "
            f"{defaults.MAX_PEOPLE_COUNT:,}); left empty"
        )
        return None
    return value


def _clip(text: str, limit: int = 80) -> str:
    """A value for a message, cut to ``limit`` characters."""
    return text if len(text) <= limit else f"{text[: limit - 1]}\u2026"


_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")


def _number(raw: str) -> float:
    """A coordinate as written: ``40.68`` or, in European exports, ``40,68``."""
    return float(raw.replace(",", ".") if _DECIMAL_COMMA.match(raw) else raw)


def _coords(rec: dict[str, Any]) -> tuple[float | None, float | None]:
    """Latitude and longitude; (None, None) when both are empty (placed later by name)."""
    raw_lat, raw_lon = _text(rec, "latitude"), _text(rec, "longitude")
    if not raw_lat and not raw_lon:
        return None, None
    try:
        lat, lon = _number(raw_lat), _number(raw_lon)
    except ValueError as err:
        raise ValueError(
            f"latitude/longitude {raw_lat!r}, {raw_lon!r} are not numbers; fix or empty them"
        ) from err
    if math.isnan(lat) or math.isnan(lon) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(
            f"latitude/longitude {raw_lat}, {raw_lon} out of range (latitude -90 to 90, "
            "longitude -180 to 180; swapped, or not in degrees?)"
        )
    return lat, lon


#: Characters that make a spreadsheet read a cell as a formula (CSV injection), with their
#: full-width forms (some spreadsheets fold them).


def _table_date(rec: dict[str, Any], key: str) -> dt.date:
    """The date of a table row; ValueError (the row is skipped) when it is not one."""
    raw = _text(rec, key)
    date = _parse_table_date(raw)
    if date is None:
        raise ValueError(f"{key} {_clip(raw)!r} is not a date (write it as YYYY-MM-DD)")
    if not defaults.EARLIEST_DATE <= date <= defaults.LATEST_DATE:
        raise ValueError(
            f"{key} {_clip(raw)!r} is outside the dates geo handles "
            f"({defaults.EARLIEST_DATE} to {defaults.LATEST_DATE}); fix the date"
        )
    return date


def _table_row(
    kind: str, rec: dict[str, Any], codes: dict[str, str | None], warned: list[str]
) -> dict[str, Any]:
    lat, lon = _coords(rec)
    if lat is None:
        place = _text(rec, "location") or _text(rec, "where_coordinates")
        warned.append(
            "no latitude/longitude; "
            + (f"to be placed by its location {place!r}" if place else "it cannot be mapped")
        )
    if kind == "ucdp":
        date = _table_date(rec, "date_start")
        etype, subtype = _UCDP_VIOLENCE.get(
            _text(rec, "type_of_violence"), ("Battles", "Armed clash")
        )
        country = _text(rec, "country")
        location = _text(rec, "where_coordinates") or _text(rec, "where_description")
        return {
            "event_id": _text(rec, "id") or None,
            "event_date": date,
            "time_precision": _UCDP_DATE_PREC.get(_text(rec, "date_prec"), 1),
            "event_type": etype,
            "sub_event_type": subtype,
            "location": location or None,
            "mention": None,
            "latitude": lat,
            "longitude": lon,
            "geo_precision": _UCDP_WHERE_PREC.get(_text(rec, "where_prec")),
            "country": country or None,
            "country_code": _country_code(re.sub(r"\s*\(.*\)$", "", country), codes),
            "admin1": _text(rec, "adm_1") or None,
            "fatalities": _count(rec, "best", warned),
            "injured": None,
            "notes": _text(rec, "source_headline") or _text(rec, "where_description") or None,
            "source": _text(rec, "source_original") or _text(rec, "source_article") or None,
            "language": None,
            "gazetteer_id": None,
            "char_start": None,
            "char_end": None,
        }
    date = _table_date(rec, "event_date")
    # geo's own tables keep their text exactly as written; exports are trimmed
    text = _exact_text if kind == "own" else _text
    country = text(rec, "country")
    code = _text(rec, "country_code") if kind == "own" else ""
    return {
        "event_id": (text(rec, "event_id") if kind == "own" else _text(rec, "event_id_cnty"))
        or None,
        "event_date": date,
        "time_precision": _int_or_none(_text(rec, "time_precision")),
        "event_type": text(rec, "event_type") or None,
        "sub_event_type": text(rec, "sub_event_type") or None,
        "location": text(rec, "location") or None,
        "mention": text(rec, "mention") or None,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": _int_or_none(_text(rec, "geo_precision")),
        "country": country or None,
        "country_code": code or _country_code(country.strip(), codes),
        "admin1": text(rec, "admin1") or None,
        "fatalities": _count(rec, "fatalities", warned),
        "injured": _count(rec, "injured", warned),
        "notes": text(rec, "notes") or None,
        "source": text(rec, "source") or None,
        "language": _text(rec, "language") or None,
        "gazetteer_id": _text(rec, "gazetteer_id") or None,
        "char_start": _int_or_none(_text(rec, "char_start")),
        "char_end": _int_or_none(_text(rec, "char_end")),
    }
