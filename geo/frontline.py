"""Dated front lines and the geodesic distance from events to the front of their day.

A front is a set of lines, each valid from ``valid_from`` to ``valid_to`` (inclusive, by
day; an empty bound is open) for the events of its ``countries`` (empty: every event). They
come from a file drawn by an analyst (:func:`load_front_lines`), from areas of control
published day by day or as raw snapshots (:func:`derive_front_lines`: the line of contact
between wide held and wide unheld land of a country, without borders, coasts or slivers),
or from the embedded default: the 1994 ceasefire line of Nagorno-Karabakh, the line of
contact when the war began on 27 September 2020, for events in Armenia and Azerbaijan.

Distances (:func:`distance_to_front`) are geodesic on WGS84. For each line, events and the
line are projected to an azimuthal equidistant projection centred on the line (one per
piece of at most :data:`geo.config.FRONT_PIECE_MAX_KM`), the nearest point of the line
is found there with vectorised numpy, and the distance to that point is then measured
exactly on the ellipsoid (``pyproj.Geod``). No loop runs per event.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import os
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, overload

import numpy as np
import numpy.typing as npt

from geo import config
from geo.errors import GeoWarning, InputError
from geo.io.files import layer_file
from geo.io.vector import read_vector
from geo.regions import event_points, load_boundaries

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "DISTANCE_BAND_LABELS",
    "derive_front_lines",
    "distance_band",
    "distance_band_polygons",
    "distance_to_front",
    "front_lines",
    "load_front_lines",
]

PathArg: TypeAlias = str | os.PathLike[str]
DateArg: TypeAlias = "str | dt.date | pd.Timestamp | np.datetime64"

_WGS84 = "EPSG:4326"
_ALIASES = {
    "countries": ("countries", "scope", "country_codes"),
    "name": ("name", "title", "label", "line"),
    "valid_from": ("valid_from", "from", "start", "begin", "date_start", "start_date"),
    "valid_to": ("valid_to", "to", "end", "until", "date_end", "end_date"),
    "source": ("source", "description", "notes"),
    "date": ("date", "day", "as_of", "event_date", "timestamp"),
}


def _band_labels(bounds: tuple[float, ...]) -> tuple[str, ...]:
    edges = (0.0, *bounds)
    labels = [f"{lo:g}-{hi:g} km" for lo, hi in itertools.pairwise(edges)]
    return (*labels, f"{edges[-1]:g}+ km")


#: Labels of the distance bands, nearest first: ``0-5 km`` ... ``50+ km``.
DISTANCE_BAND_LABELS: tuple[str, ...] = _band_labels(config.DISTANCE_BANDS_KM)


# ------------------------------------------------------------------------------ loading


def _pick(lower: dict[str, Any], key: str) -> Any:
    return next((lower[a] for a in _ALIASES[key] if a in lower), None)


def _parse_dates(values: pd.Series[Any], label: str, column: str) -> pd.Series[Any]:
    """Dates of a column as day-precision datetime64 (NaT where empty); bad values raise."""
    parsed, bad = _try_dates(values)
    if bad.any():
        raise InputError(
            f"{label}: column {column!r} has values that are not dates geo can use "
            f"({_shown(values, bad)}); write dates as YYYY-MM-DD, from "
            f"{config.EARLIEST_DATE} to {config.LATEST_DATE}"
        )
    return parsed


def _try_dates(values: pd.Series[Any]) -> tuple[pd.Series[Any], pd.Series[Any]]:
    """Day-precision datetime64 of a column (NaT where empty or bad) and where it is bad:
    not a date, or a date geo cannot hold (0001-01-01, 9999-12-31)."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = values
        raw = values
    else:
        raw = values.where(values.notna() & (values.astype(str).str.strip() != ""), None)
        parsed = pd.to_datetime(raw, errors="coerce")
        bad = parsed.isna() & raw.notna()
        if bad.any():
            retry = pd.to_datetime(raw[bad], errors="coerce", format="mixed")
            parsed = parsed.astype(retry.dtype if len(retry) else parsed.dtype)
            parsed[bad] = retry
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    # compared before the cast to nanoseconds, which cannot hold year 1 or 9999
    early = pd.Timestamp(config.EARLIEST_DATE)
    late = pd.Timestamp(config.LATEST_DATE)
    far = parsed.notna() & ((parsed < early) | (parsed > late))
    bad = (parsed.isna() & raw.notna()) | far
    parsed = parsed.where(~far, pd.NaT).astype("datetime64[ns]").dt.normalize()
    return parsed, bad


def _shown(values: pd.Series[Any], bad: pd.Series[Any], limit: int = 3) -> str:
    """The first bad values of a column, with their rows, for a message."""
    where = bad[bad].index[:limit]
    text = ", ".join(f"row {i}: {_short(values[i])!r}" for i in where)
    more = int(bad.sum()) - len(where)
    return f"{text} and {more} more" if more > 0 else text


def _short(value: Any, limit: int = 40) -> str:
    if isinstance(value, dt.datetime):
        text = value.date().isoformat()  # year 1 as 0001, which strftime does not give
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}\u2026"


def _normalise_lines(
    frame: gpd.GeoDataFrame,
    label: str,
    *,
    reset: bool = True,
    link_dates: bool = True,
    undated_ok: bool = False,
) -> gpd.GeoDataFrame:
    """Our columns from a lines file: name, valid_from, valid_to, source, countries, geometry.

    Rows whose dates geo cannot use are left out (with a warning); ``reset=False`` keeps
    the file's row numbers as the index. With one ``date`` per row, each row is valid until
    the day before the next date; ``link_dates=False`` leaves ``valid_to`` open (the caller
    links dates across files). ``undated_ok`` spares the warning about a file without dates.
    ``countries`` (ISO codes separated by spaces: the events a line applies to) is None
    when the file does not say.
    """
    import geopandas as gpd
    import pandas as pd

    lower = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    name_col, source_col = _pick(lower, "name"), _pick(lower, "source")
    from_col, to_col, date_col = (_pick(lower, k) for k in ("valid_from", "valid_to", "date"))
    n = len(frame)
    names = (
        frame[name_col].astype(object).where(frame[name_col].notna(), None)
        if name_col is not None
        else pd.Series([None] * n, index=frame.index, dtype=object)
    )
    names = pd.Series(
        [v if v is not None else f"line {i + 1}" for i, v in enumerate(names)],
        index=frame.index,
        dtype=object,
    )
    nat = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    no = pd.Series(False, index=frame.index)
    valid_from, bad_from = _try_dates(frame[from_col]) if from_col else (nat.copy(), no)
    valid_to, bad_to = _try_dates(frame[to_col]) if to_col else (nat.copy(), no)
    checked = [(from_col, bad_from), (to_col, bad_to)]
    bad = bad_from | bad_to
    if valid_from.isna().all() and valid_to.isna().all() and date_col is not None:
        dates, bad_date = _try_dates(frame[date_col])
        checked.append((date_col, bad_date))
        bad = bad | bad_date
        # a row left out (below) never ends the validity of the row before it
        if link_dates:
            valid_from, valid_to = _validity_from_dates(dates[~bad])
            valid_from = valid_from.reindex(frame.index)
            valid_to = valid_to.reindex(frame.index)
        else:
            valid_from = dates.where(~bad)
    if bad.any():
        # one bad row never costs the others: it is left out and named
        parts = [
            f"column {col!r}: {_shown(frame[col], mask)}"
            for col, mask in checked
            if col is not None and mask.any()
        ]
        if bad.all():
            raise InputError(
                f"{label}: no row has a date geo can use ({'; '.join(parts)}); write dates "
                f"as YYYY-MM-DD, from {config.EARLIEST_DATE} to {config.LATEST_DATE}"
            )
        warnings.warn(
            f"{label}: {int(bad.sum())} row(s) left out: their dates are not dates geo can "
            f"use ({'; '.join(parts)}); write dates as YYYY-MM-DD, from "
            f"{config.EARLIEST_DATE} to {config.LATEST_DATE}",
            GeoWarning,
            stacklevel=4,
        )
        keep = ~bad.to_numpy()
        frame, names = frame[keep], names[keep]
        valid_from, valid_to = valid_from[keep], valid_to[keep]
        n = len(frame)
    if valid_from.isna().all() and valid_to.isna().all() and not undated_ok:
        warnings.warn(
            f"{label} has no dates (valid_from/valid_to or date columns); each of its "
            f"{n} line(s) is used for events of any date",
            GeoWarning,
            stacklevel=4,
        )
    backwards = valid_from.notna() & valid_to.notna() & (valid_from > valid_to)
    if backwards.any():
        i = backwards[backwards].index[0]
        raise InputError(
            f"{label}: row {i} ({names[i]!r}) ends ({valid_to[i]:%Y-%m-%d}) before it "
            f"starts ({valid_from[i]:%Y-%m-%d}); swap valid_from and valid_to"
        )
    sources = pd.Series([label] * n, index=frame.index, dtype=object)
    if source_col is not None:
        given = frame[source_col].astype(object)
        given = given.where(given.notna() & (given.astype(str).str.strip() != ""), None)
        sources = given.where(given.notna(), sources).astype(object)
    countries = pd.Series([None] * n, index=frame.index, dtype=object)
    countries_col = _pick(lower, "countries")
    if countries_col is not None:
        countries = frame[countries_col].map(_country_scope).astype(object)
    out = gpd.GeoDataFrame(
        {
            "name": names,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "source": sources,
            "countries": countries,
        },
        geometry=frame.geometry.values,
        index=frame.index,
        crs=_WGS84,
    )
    return out.reset_index(drop=True) if reset else out


def _country_scope(value: Any) -> str | None:
    """ISO codes of a ``countries`` cell ("AM AZ", "AM,AZ") as "AM AZ"; None when empty."""
    if not isinstance(value, str):
        return None
    codes = sorted({c.upper() for c in value.replace(",", " ").replace(";", " ").split()})
    return " ".join(codes) or None


def _validity_from_dates(dates: pd.Series[Any]) -> tuple[pd.Series[Any], pd.Series[Any]]:
    """One date per row: valid from it to the day before the next date; the last stays open."""
    import pandas as pd

    days = np.sort(dates.dropna().unique())
    following = pd.Series([*days[1:], pd.NaT], index=days, dtype="datetime64[ns]")
    valid_to = dates.map(following) - pd.Timedelta(days=1)
    return dates, valid_to.astype("datetime64[ns]")


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, stamp: tuple[int, int], embedded: bool) -> gpd.GeoDataFrame:
    label = f"front-line file {path}"
    lines = _normalise_lines(read_vector(path, what="front-line file", geometry="line"), label)
    if embedded:
        scope = " ".join(config.FRONT_EMBEDDED_COUNTRIES)
        lines["countries"] = lines["countries"].where(lines["countries"].notna(), scope)
    return lines


def load_front_lines(path: PathArg | None = None) -> gpd.GeoDataFrame:
    """Load dated front lines from a file, or the embedded 1994 ceasefire line.

    Parameters
    ----------
    path
        GeoJSON, GeoPackage, KML, shapefile or GeoParquet of (Multi)LineStrings, any CRS.
        Columns are found by name: ``name``; ``valid_from``/``valid_to`` (or
        ``start``/``end``, ``begin``/``end`` as KML writes them), or a single ``date`` per
        line (valid from that date to the day before the next line's date, the last one
        open); ``source``; ``countries``, the ISO codes of the countries whose events the
        line applies to ("UA RU"; empty: every event). None: the embedded line (Natural
        Earth "Ceasefire Line 1994", valid 1994-05-12 to 2020-11-09, for events in Armenia
        and Azerbaijan: :data:`geo.config.FRONT_EMBEDDED_COUNTRIES`).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name, valid_from, valid_to, source, countries, geometry`` in EPSG:4326;
        dates are day-precision Timestamps, NaT where open.

    Raises
    ------
    InputError
        A missing, empty or unreadable file, polygons instead of lines, or bad dates.

    Warns
    -----
    GeoWarning
        No CRS (EPSG:4326 assumed), or no dates at all (every line used for every date).

    Examples
    --------
    >>> lines = load_front_lines()
    >>> lines.loc[0, "name"], f"{lines.loc[0, 'valid_to']:%Y-%m-%d}"
    ('Ceasefire Line 1994', '2020-11-09')
    """
    file, stamp = layer_file(path, embedded=config.FRONT_LINES_FILE, what="front-line")
    return _load_cached(str(file), stamp, path is None).copy()


def _lines_arg(front: PathArg | gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
    import geopandas as gpd

    if front is None:
        return load_front_lines()
    if isinstance(front, gpd.GeoDataFrame):
        frame = read_vector(front, what="front lines", geometry="line")
        return _normalise_lines(frame, "front lines (GeoDataFrame)")
    return load_front_lines(front)


# ------------------------------------------------------------------------------ deriving


def _local_aeqd(lon: float, lat: float) -> str:
    return f"+proj=aeqd +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs"


ControlArg: TypeAlias = "PathArg | Sequence[PathArg] | gpd.GeoDataFrame"
AreaArg: TypeAlias = (
    "str | Sequence[str] | tuple[float, float, float, float] | PathArg | gpd.GeoDataFrame | None"
)


def derive_front_lines(
    control: ControlArg,
    *,
    boundaries: PathArg | gpd.GeoDataFrame | None = None,
    tolerance_km: float = config.FRONT_BORDER_TOLERANCE_KM,
    min_length_km: float = config.FRONT_MIN_LENGTH_KM,
    layers: Sequence[str] | None = None,
    layer_column: str | None = None,
    area: AreaArg = None,
    source: str | None = None,
) -> gpd.GeoDataFrame:
    """Derive front lines from areas of control: the line of contact, without borders,
    coasts or slivers.

    The areas of one date (one polygon or multipolygon per day, as published for Ukraine,
    or every chosen layer of a snapshot) are joined. In each country the area lies in, an
    edge of its outline is front when wide held land lies on one side and wide land of the
    same country not held on the other, and when it does not lie wholly within
    ``tolerance_km`` of a border or a coast. "Wide" is more than ``2 * tolerance_km``
    across: a thinner strip between the area and a border or coast (where the source draws
    them a little inside Natural Earth's), or a sliver of the area drawn across a border,
    is no side of a front. Land the area encloses (a reservoir or lagoon the source leaves
    out while Natural Earth counts it as land; also a pocket) is no side either when it is
    much smaller than the country's land outside
    (:data:`geo.config.FRONT_MAINLAND_MIN_SHARE`). Pieces shorter than ``min_length_km``
    are dropped.

    Parameters
    ----------
    control
        Areas of control: a file (any GDAL format or GeoParquet, any CRS), a folder, a
        glob pattern, a list of them, or a GeoDataFrame. Rows that are not polygons (points,
        lines of a raw snapshot) are left aside. Dates come from ``valid_from``/``valid_to``
        columns, or a ``date`` column, or else the file name (``...-2022-09-08.geojson``,
        ``..._20250126.geojson``, or a Unix time such as ``1662647935.geojson``); single
        dates are valid until the day before the next one (the last stays open). ``name``
        is kept when the rows of a date share it.
    boundaries
        Country polygons whose outlines are the borders and coasts: None for the embedded
        Natural Earth countries, or a file / GeoDataFrame of polygons.
    tolerance_km
        How close to a border or coast an edge must lie, all along, to count as one, and
        half the width below which a strip of land is no side of a front.
    min_length_km
        Pieces of front shorter than this are dropped as slivers.
    layers
        Keep only the rows whose ``layer_column`` holds one of these texts (any case),
        e.g. ``["occupied", "CADR", "Crimea"]`` for a raw DeepStateMap snapshot.
    layer_column
        Column the layers are read from (default: ``name``, ``Name``, ``layer`` or
        ``type``, whichever the file has).
    area
        Area of interest: the areas are cut to it first. ISO country codes (``"UA"``,
        ``["UA", "RU"]``; the embedded countries), a box ``(west, south, east, north)`` in
        degrees, or a polygon file / GeoDataFrame. None: everything.
    source
        Who drew the areas (``"DeepStateMap"``), for the ``source`` column and the map's
        credits; by default the file's ``source`` column, else its name.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per date: ``name, valid_from, valid_to, source, countries, geometry``
        (MultiLineString, possibly empty; ``countries``: the countries holding a wide part
        of the area, whose events the line applies to), EPSG:4326, in date order, ready for
        :func:`distance_to_front`.

    Raises
    ------
    InputError
        No file, no polygon, or a single file that cannot be used.

    Warns
    -----
    GeoWarning
        A file of a batch that cannot be used (the others are), geometry that had to be
        repaired, areas too wide to judge.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely import box
    >>> countries = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=4326)
    >>> held = gpd.GeoDataFrame({"date": ["2022-03-01"]}, geometry=[box(0.5, 0, 1, 0.5)],
    ...                         crs=4326)
    >>> lines = derive_front_lines(held, boundaries=countries)
    >>> round(lines.geometry.iloc[0].length, 6)  # the two inland edges, not the border
    1.0
    """
    areas, label = _control_areas(control, layers=layers, layer_column=layer_column, area=area)
    return _derive(
        areas,
        label,
        boundaries=boundaries,
        tolerance_km=tolerance_km,
        min_length_km=min_length_km,
        source=source,
    )


def _derive(
    areas: gpd.GeoDataFrame,
    label: str,
    *,
    boundaries: PathArg | gpd.GeoDataFrame | None = None,
    tolerance_km: float = config.FRONT_BORDER_TOLERANCE_KM,
    min_length_km: float = config.FRONT_MIN_LENGTH_KM,
    source: str | None = None,
) -> gpd.GeoDataFrame:
    """The fronts of areas of control from :func:`_control_areas` (one row per area)."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    if boundaries is None:
        countries = load_boundaries(level="admin0")
    else:
        countries = read_vector(boundaries, what="boundary file", geometry="polygon")
    geoms = np.asarray(areas.geometry.values, dtype=object)
    where = [
        f"row {row}, {_day_text(day)}"
        for row, day in zip(areas["row"], areas["valid_from"], strict=True)
    ]
    judged = _judged_areas(geoms, where, label)
    fronts: list[Any] = []
    scopes: list[str | None] = []
    for i, (geom, judge) in enumerate(zip(geoms, judged, strict=True)):  # per date
        if not judge or geom is None or shapely.is_empty(geom):
            fronts.append(shapely.MultiLineString())
            scopes.append(None)
            continue
        try:
            line, codes = _front_of(
                geom, countries, tolerance_km=tolerance_km, min_length_km=min_length_km
            )
        except shapely.errors.GEOSException as err:  # one bad day never costs the others
            warnings.warn(
                f"{label}: no front for {areas['name'].iloc[i]!r} "
                f"({_day_text(areas['valid_from'].iloc[i])}): its geometry cannot be judged "
                f"({err}); check the polygons",
                GeoWarning,
                stacklevel=2,
            )
            line, codes = shapely.MultiLineString(), []
        fronts.append(line)
        scopes.append(" ".join(sorted(codes)) or None)
    sources = areas["source"].astype(object)
    if source:
        sources = pd.Series([source] * len(areas), index=areas.index, dtype=object)
    out = gpd.GeoDataFrame(
        {
            "name": areas["name"].astype(object).values,
            "valid_from": areas["valid_from"].values,
            "valid_to": areas["valid_to"].values,
            "source": sources.values,
            "countries": pd.Series(scopes, dtype=object).values,
        },
        geometry=fronts,
        crs=_WGS84,
    )
    for column in ("name", "source", "countries"):
        out[column] = out[column].astype(object)
    return out


def _day_text(value: Any) -> str:
    import pandas as pd

    return "undated" if pd.isna(value) else f"{value:%Y-%m-%d}"


#: Columns that name the layer of a row in raw snapshots, in the order they are looked for.
_LAYER_COLUMNS = ("name", "layer", "type", "category", "description")


def _control_areas(
    control: ControlArg,
    *,
    layers: Sequence[str] | None = None,
    layer_column: str | None = None,
    area: AreaArg = None,
) -> tuple[gpd.GeoDataFrame, str]:
    """One area per date: ``name, valid_from, valid_to, source, row, geometry`` (``row``:
    the first input row of the date, for messages), in date order; and a label."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    from geo.io.files import display_path
    from geo.io.vector import date_from_name, vector_files

    if isinstance(control, gpd.GeoDataFrame):
        label = "control areas"
        inputs: list[tuple[str, Any, Any]] = [(label, control, None)]
    else:
        files = vector_files(control, what="control file")
        label = (
            f"control file {display_path(files[0])}"
            if len(files) == 1
            else f"{len(files)} control files"
        )
        inputs = [(f"control file {display_path(f)}", f, f) for f in files]
    cut = _area_of_interest(area)
    parts: list[gpd.GeoDataFrame] = []
    for file_label, given, path in inputs:  # per file
        try:
            frame = read_vector(given, what="control file", geometry="any")
            frame = _polygon_rows(frame)
            if layers:
                frame = _chosen_layers(frame, layers, layer_column, file_label)
            if cut is not None and len(frame):
                clipped = shapely.intersection(np.asarray(frame.geometry.values), cut)
                frame = frame.set_geometry(gpd.GeoSeries(clipped, index=frame.index, crs=_WGS84))
                frame = frame[~frame.geometry.is_empty]
            if len(frame) == 0:
                raise InputError(
                    f"{file_label}: no polygon"
                    + (" of the chosen layers" if layers else "")
                    + (" inside the area of interest" if cut is not None else "")
                )
            lower = {str(c).lower() for c in frame.columns if c != frame.geometry.name}
            dated = any(a in lower for k in ("valid_from", "valid_to", "date") for a in _ALIASES[k])
            named_day = date_from_name(path) if path is not None and not dated else None
            if named_day is not None:
                frame = frame.assign(date=named_day.isoformat())
            single = not any(a in lower for k in ("valid_from", "valid_to") for a in _ALIASES[k])
            meta = _normalise_lines(
                frame, file_label, reset=False, link_dates=False, undated_ok=len(inputs) > 1
            )
        except InputError as err:
            if len(inputs) == 1:
                raise
            warnings.warn(f"{err}; this file is left out", GeoWarning, stacklevel=3)
            continue
        if path is not None and not any(a in lower for a in _ALIASES["source"]):
            meta["source"] = f"derived from {file_label}"
        elif path is None and not any(a in lower for a in _ALIASES["source"]):
            meta["source"] = "derived from control areas"
        meta["single"] = single
        meta["row"] = meta.index.to_numpy()
        meta["stem"] = Path(path).stem if path is not None else None
        parts.append(meta)
    if not parts:
        raise InputError(f"{label}: no control file could be used (see the warnings above)")
    rows = pd.concat(parts, ignore_index=True)
    return _by_date(rows), label


def _by_date(rows: pd.DataFrame) -> gpd.GeoDataFrame:
    """Rows of the same dates joined into one area; single dates linked across files."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    keys = list(
        zip(
            rows["valid_from"].astype(object).where(rows["valid_from"].notna(), None),
            rows["valid_to"].astype(object).where(rows["valid_to"].notna(), None),
            rows["single"],
            strict=True,
        )
    )
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    records = []
    for (start, end, single), members in groups.items():
        sub = rows.iloc[members]
        names = list(dict.fromkeys(sub["name"]))
        stems = [s for s in dict.fromkeys(sub["stem"]) if s]
        name = names[0] if len(names) == 1 else (stems[0] if len(stems) == 1 else names[0])
        geoms = np.asarray(sub.geometry.values, dtype=object)
        joined = shapely.union_all(shapely.make_valid(geoms)) if len(geoms) > 1 else geoms[0]
        records.append(
            {
                "name": name,
                "valid_from": start,
                "valid_to": end,
                "single": single,
                "source": next(iter(dict.fromkeys(sub["source"]))),
                "row": int(sub["row"].iloc[0]),
                "geometry": _polygonal(joined),
            }
        )
    out = gpd.GeoDataFrame(records, geometry="geometry", crs=_WGS84)
    for column in ("valid_from", "valid_to"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    linked = out["single"].to_numpy(dtype=bool) & out["valid_from"].notna().to_numpy()
    if linked.any():
        _, valid_to = _validity_from_dates(out.loc[linked, "valid_from"])
        out.loc[linked, "valid_to"] = valid_to.to_numpy()
    order = np.argsort(
        np.where(
            out["valid_from"].isna(), np.iinfo(np.int64).max, out["valid_from"].astype("int64")
        ),
        kind="stable",
    )
    out = out.iloc[order].reset_index(drop=True)
    for column in ("name", "source"):
        out[column] = out[column].astype(object)
    return out.drop(columns=["single"])


def _polygonal(geom: Any) -> Any:
    """The polygons of a geometry (a GeometryCollection's other parts dropped)."""
    import shapely

    if geom is None or geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _polygon_rows(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The rows that hold polygons (those of a GeometryCollection kept); others left aside."""
    import geopandas as gpd
    import shapely

    geoms = np.asarray(frame.geometry.values, dtype=object)
    types = shapely.get_type_id(geoms)
    collection = types == 7
    if collection.any():
        geoms = geoms.copy()
        geoms[collection] = [_polygonal(g) for g in geoms[collection]]
        types = shapely.get_type_id(geoms)
    keep = np.isin(types, (3, 6)) & ~shapely.is_empty(geoms)
    out = frame[keep].copy()
    return out.set_geometry(gpd.GeoSeries(geoms[keep], index=out.index, crs=_WGS84))


def _chosen_layers(
    frame: gpd.GeoDataFrame, layers: Sequence[str], column: str | None, label: str
) -> gpd.GeoDataFrame:
    """Rows whose layer column holds one of ``layers`` (any case)."""
    lower = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    if column is not None:
        name = lower.get(column.lower())
        if name is None:
            raise InputError(
                f"{label}: no column {column!r} to choose layers from (columns: "
                f"{', '.join(map(str, lower.values()))})"
            )
    else:
        name = next((lower[c] for c in _LAYER_COLUMNS if c in lower), None)
        if name is None:  # a file of one layer (a clean area per day)
            warnings.warn(
                f"{label}: no column names the layers ({', '.join(_LAYER_COLUMNS)}); all its "
                f"{len(frame)} polygon(s) are used (say which column with --layer-column)",
                GeoWarning,
                stacklevel=4,
            )
            return frame
    wanted = [w.casefold() for w in layers]
    text = frame[name].astype(object).map(lambda v: str(v).casefold() if v is not None else "")
    return frame[text.map(lambda v: any(w in v for w in wanted)).to_numpy(dtype=bool)]


def _area_of_interest(area: AreaArg) -> Any:
    """The area of interest as one geometry (EPSG:4326), or None."""
    import geopandas as gpd
    import shapely

    if area is None:
        return None
    if isinstance(area, tuple) and len(area) == 4:
        west, south, east, north = (float(v) for v in area)
        if not (west < east and south < north):
            raise InputError(
                f"area of interest {area}: give west, south, east, north (west < east, "
                "south < north)"
            )
        return shapely.box(west, south, east, north)
    if isinstance(area, gpd.GeoDataFrame):
        frame = read_vector(area, what="area of interest", geometry="polygon")
        return shapely.union_all(np.asarray(frame.geometry.values))
    codes = (
        [area]
        if isinstance(area, str)
        else list(area)
        if not isinstance(area, os.PathLike)
        else None
    )
    if codes is not None and all(
        isinstance(c, str) and re.fullmatch(r"[A-Za-z]{2}", c) for c in codes
    ):
        countries = load_boundaries(level="admin0")
        wanted = {c.upper() for c in codes}
        hit = countries[countries["country_code"].isin(wanted)]
        missing = wanted - set(hit["country_code"])
        if missing:
            raise InputError(
                f"area of interest: no country {', '.join(sorted(missing))} in the embedded "
                "countries; give ISO 3166-1 alpha-2 codes (UA, RU...)"
            )
        return shapely.union_all(np.asarray(hit.geometry.values))
    path = area if isinstance(area, str | os.PathLike) else None
    if path is None:
        raise InputError(f"area of interest {area!r}: give country codes, a box or a file")
    frame = read_vector(path, what="area-of-interest file", geometry="polygon")
    return shapely.union_all(np.asarray(frame.geometry.values))


#: Land kept around an area of control beyond what its front is judged on, in km (the
#: window's edges must lie far from every edge judged).
_FRONT_WINDOW_KM = 20.0


def _front_of(
    area: Any, countries: gpd.GeoDataFrame, *, tolerance_km: float, min_length_km: float
) -> tuple[Any, list[str]]:
    """The front of one area of control (degrees) and the codes of the countries holding a
    wide part of it.

    In each country the area lies in, an edge of the area's outline is front when wide
    held land lies on one side and wide land of the same country not held on the other
    ("wide": more than ``2 * tolerance_km`` across, what a morphological opening keeps),
    and when it does not lie wholly within ``tolerance_km`` of a border or coast.
    """
    import shapely
    from pyproj import Transformer

    x0, y0, x1, y1 = shapely.bounds(area)
    # the land within reach of the area's edges (what `near` below covers), and a margin
    margin = (4 * tolerance_km + _FRONT_WINDOW_KM) * _DEG_PER_KM
    widen = margin / max(math.cos(math.radians(min(max(abs(y0), abs(y1)), 85.0))), 0.05)
    window = shapely.box(x0 - widen, y0 - margin, x1 + widen, y1 + margin)
    rows = countries.sindex.query(window)
    land = shapely.make_valid(
        shapely.intersection(np.asarray(countries.geometry.values[rows], dtype=object), window)
    )
    keep_land = ~shapely.is_empty(land)
    rows, land = rows[keep_land], land[keep_land]
    whole = np.asarray(countries.geometry.values, dtype=object)[rows]  # not cut to the window
    area = _polygonal(shapely.make_valid(area))
    if len(land) == 0 or area.is_empty:
        return shapely.MultiLineString(), []
    names = (
        countries["country_code"].to_numpy(dtype=object)[rows]
        if "country_code" in countries.columns
        else np.full(len(rows), None, dtype=object)
    )
    to_m = Transformer.from_crs(_WGS84, _local_aeqd((x0 + x1) / 2, (y0 + y1) / 2), always_xy=True)
    strip = tolerance_km * 1000.0

    def metric(geoms: Any) -> Any:
        return shapely.transform(geoms, lambda xy: np.column_stack(to_m.transform(*xy.T)))

    def opening(geom: Any) -> Any:  # what is wider than 2 * strip
        if strip <= 0:
            return geom
        return shapely.buffer(shapely.buffer(geom, -strip, quad_segs=4), strip, quad_segs=4)

    # Edges are judged in metres (a local azimuthal equidistant projection); the kept edges
    # stay in degrees, exactly as given.
    reach = max(strip / 2, 1.0)
    outlines = shapely.union_all(shapely.boundary(metric(land)))
    shapely.prepare(outlines)
    kept: list[Any] = []
    codes: set[str] = set()
    for j in shapely.STRtree(land).query(area, predicate="intersects"):  # per country
        part = _polygonal(shapely.intersection(area, land[j]))
        if part.is_empty:
            continue
        part_m = metric(part)
        held = opening(part_m)
        if held.is_empty:
            continue  # a sliver drawn across a border
        if isinstance(names[j], str) and names[j]:
            codes.add(names[j])
        mainland = _mainland(shapely.difference(shapely.make_valid(whole[j]), area))
        near = shapely.buffer(part_m, 4 * strip + 1.0, quad_segs=4)
        free = opening(shapely.intersection(metric(shapely.intersection(mainland, window)), near))
        if free.is_empty:
            continue
        segments = _segments(part)
        if len(segments) == 0:
            continue
        seg_m = metric(segments)
        ends = shapely.get_coordinates(seg_m).reshape(-1, 2, 2)
        mid = shapely.points(ends.mean(axis=1))
        # on a border or coast: both ends and the middle within `strip` of an outline
        # (edges are short: a source's vertices lie a few hundred metres apart)
        border = np.ones(len(seg_m), dtype=bool)
        for points in (shapely.points(ends[:, 0]), shapely.points(ends[:, 1]), mid):
            border &= shapely.dwithin(outlines, points, strip + 1e-6)
        shapely.prepare(free)
        shapely.prepare(held)
        front = ~border & shapely.dwithin(free, mid, reach) & shapely.dwithin(held, mid, reach)
        kept.append(segments[front])
    chosen = np.concatenate(kept) if kept else np.empty(0, dtype=object)
    if len(chosen) == 0:
        return shapely.MultiLineString(), sorted(codes)
    merged = shapely.line_merge(shapely.union_all(chosen))
    pieces = [p for p in shapely.get_parts(merged) if p.geom_type == "LineString"]
    pieces = [p for p in pieces if _geod().geometry_length(p) >= min_length_km * 1000]
    return shapely.MultiLineString(pieces), sorted(codes)


def _mainland(free: Any) -> Any:
    """The parts of a country's land not held that can be the other side of a front: not
    those much smaller than the largest (a reservoir or lagoon the source leaves out of the
    area while Natural Earth counts it as land, or a besieged pocket)."""
    import shapely

    parts = shapely.get_parts(_polygonal(free))
    if len(parts) <= 1:
        return free
    sizes = shapely.area(parts)  # square degrees: only compared with each other
    return shapely.union_all(parts[sizes >= config.FRONT_MAINLAND_MIN_SHARE * sizes.max()])


def _judged_areas(
    geoms: npt.NDArray[Any], rows: Sequence[str], label: str
) -> npt.NDArray[np.bool_]:
    """Which control areas get a front: not those wider or taller than
    :data:`geo.config.FRONT_MAX_AREA_SPAN_DEG` (a whole-world polygon has no front line a
    local projection could find); those are named in a warning."""
    import shapely

    bounds = shapely.bounds(geoms)
    span = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    judged: npt.NDArray[np.bool_] = ~(span > config.FRONT_MAX_AREA_SPAN_DEG)
    if not judged.all():
        wide = np.flatnonzero(~judged)
        shown = ", ".join(f"{rows[i]} ({span[i]:.0f}°)" for i in wide[:5])
        more = f" and {len(wide) - 5} more" if len(wide) > 5 else ""
        warnings.warn(
            f"{label}: {len(wide)} area(s) span more than {config.FRONT_MAX_AREA_SPAN_DEG:g}° "
            f"of longitude or latitude ({shown}{more}); no front is derived for them (an "
            "area of control is a region, not the whole world: check the file, or give an "
            "area of interest)",
            GeoWarning,
            stacklevel=3,
        )
    return judged


def _segments(geom: Any) -> npt.NDArray[Any]:
    """Every edge of a polygon's rings, as two-point LineStrings."""
    import shapely

    rings = shapely.get_parts(shapely.boundary(geom))
    segments = []
    for ring in rings:  # per ring, not per edge
        coords = shapely.get_coordinates(ring)
        if len(coords) < 2:
            continue
        segments.append(shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1)))
    return np.concatenate(segments) if segments else np.empty(0, dtype=object)


# ------------------------------------------------------------------------------ distance


@overload
def distance_band(km: float | None) -> str | None: ...
@overload
def distance_band(km: npt.ArrayLike) -> npt.NDArray[Any]: ...
def distance_band(km: Any) -> Any:
    """Name the distance band of a distance (or of each in an array): ``"0-5 km"``...

    Bands are left-closed: 5.0 km is in ``"5-10 km"``. NaN or None give None.

    Examples
    --------
    >>> distance_band(4.9), distance_band(5.0), distance_band(120)
    ('0-5 km', '5-10 km', '50+ km')
    >>> distance_band([1.8, 18.3, float("nan")]).tolist()
    ['0-5 km', '10-25 km', None]
    """
    labels = np.array(DISTANCE_BAND_LABELS, dtype=object)
    bounds = np.asarray(config.DISTANCE_BANDS_KM, dtype=float)
    if km is None or np.ndim(km) == 0:
        value = np.nan if km is None else float(km)
        if math.isnan(value):
            return None
        return str(labels[np.searchsorted(bounds, value, side="right")])
    values = np.asarray(km, dtype=float)
    out = labels[np.searchsorted(bounds, np.nan_to_num(values, nan=0.0), side="right")]
    out[np.isnan(values)] = None
    return out


_GEOD: Any = None


def _geod() -> Any:
    global _GEOD
    if _GEOD is None:
        from pyproj import Geod

        _GEOD = Geod(ellps="WGS84")
    return _GEOD


def _densify(coords: npt.NDArray[np.float64], max_km: float) -> npt.NDArray[np.float64]:
    """Add points along the geodesic on segments longer than ``max_km``."""
    geod = _geod()
    _, _, lengths = geod.inv(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
    long = np.flatnonzero(np.asarray(lengths) > max_km * 1000.0)
    if len(long) == 0:
        return coords
    out: list[npt.NDArray[np.float64]] = []
    start = 0
    for i in map(int, long):  # per long segment, not per event
        out.append(coords[start : i + 1])
        n = math.ceil(lengths[i] / (max_km * 1000.0)) - 1
        mid = geod.npts(coords[i, 0], coords[i, 1], coords[i + 1, 0], coords[i + 1, 1], n)
        out.append(np.asarray(mid, dtype=float).reshape(-1, 2))
        start = i + 1
    out.append(coords[start:])
    return np.concatenate(out)


def _pieces(geom: Any) -> list[npt.NDArray[np.float64]]:
    """Vertex arrays (lon, lat) of a (multi)line, densified, cut into pieces of bounded length."""
    import shapely

    limit = config.FRONT_PIECE_MAX_KM * 1000.0
    pieces: list[npt.NDArray[np.float64]] = []
    for part in shapely.get_parts(geom):
        coords = shapely.get_coordinates(part)
        if len(coords) == 0:
            continue
        if len(coords) == 1:
            coords = np.vstack([coords, coords])
        coords = _densify(coords, config.FRONT_DENSIFY_KM)
        _, _, seg = _geod().inv(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
        along = np.concatenate([[0.0], np.cumsum(seg)])
        cut = np.floor(along / limit).astype(int)
        for k in np.unique(cut):
            idx = np.flatnonzero(cut == k)
            lo, hi = idx[0], min(idx[-1] + 1, len(coords) - 1)  # pieces share an end vertex
            pieces.append(coords[lo : hi + 1] if hi > lo else coords[lo : lo + 2])
    return pieces


# Points x segments up to which the nearest segment is found in one vectorised step.
_MATRIX_MAX = 2_000_000


def _nearest_on_polyline(
    px: npt.NDArray[np.float64],
    py: npt.NDArray[np.float64],
    vx: npt.NDArray[np.float64],
    vy: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    """Segment index and parameter (0-1) of each point's nearest point on a planar polyline.

    Vectorised over points; loops run over blocks of segments, each skipped for the points
    that its bounding box cannot bring closer than their best so far.
    """
    n, s = len(px), len(vx) - 1
    ax, ay, dx, dy = vx[:-1], vy[:-1], np.diff(vx), np.diff(vy)
    len2 = dx * dx + dy * dy
    len2[len2 == 0] = 1.0  # a zero-length segment: t is 0 whatever the divisor
    if n * s <= _MATRIX_MAX:
        # few points (pruned by the caller) or a short line: every pair at once
        t_all = np.clip(((px[:, None] - ax) * dx + (py[:, None] - ay) * dy) / len2, 0.0, 1.0)
        ex = px[:, None] - (ax + t_all * dx)
        ey = py[:, None] - (ay + t_all * dy)
        nearest = np.argmin(ex * ex + ey * ey, axis=1)
        return nearest.astype(np.intp), t_all[np.arange(n), nearest]
    block = max(8, int(math.sqrt(s)))
    starts = list(range(0, s, block))
    best = np.full(n, np.inf)
    seg = np.zeros(n, dtype=np.intp)
    par = np.zeros(n)
    # upper bounds first: the first vertex of each block
    for b in starts:
        d2 = (px - vx[b]) ** 2 + (py - vy[b]) ** 2
        closer = d2 < best
        best[closer], seg[closer], par[closer] = d2[closer], b, 0.0
    for b in starts:
        e = min(b + block, s)
        bx0, bx1 = min(vx[b : e + 1]), max(vx[b : e + 1])
        by0, by1 = min(vy[b : e + 1]), max(vy[b : e + 1])
        gx = np.maximum(np.maximum(bx0 - px, px - bx1), 0.0)
        gy = np.maximum(np.maximum(by0 - py, py - by1), 0.0)
        cand = np.flatnonzero(gx * gx + gy * gy < best)
        if len(cand) == 0:
            continue
        qx, qy = px[cand], py[cand]
        cbest = best[cand]
        cseg, cpar = seg[cand], par[cand]
        for k in range(b, e):
            t = np.clip(((qx - ax[k]) * dx[k] + (qy - ay[k]) * dy[k]) / len2[k], 0.0, 1.0)
            ex = qx - (ax[k] + t * dx[k])
            ey = qy - (ay[k] + t * dy[k])
            d2 = ex * ex + ey * ey
            closer = d2 < cbest
            cbest[closer], cseg[closer], cpar[closer] = d2[closer], k, t[closer]
        best[cand], seg[cand], par[cand] = cbest, cseg, cpar
    return seg, par


def _aeqd_transformer(lon: float, lat: float) -> Any:
    """A transformer to an azimuthal equidistant projection centred near (lon, lat).

    Building one takes about 20 ms; a front derived from areas of control has a hundred
    parts per day, so centres are rounded to :data:`geo.config.FRONT_AEQD_GRID_DEG` and
    the transformers shared. The projection only finds the nearest point of the line; the
    distance to it is then measured on the ellipsoid.
    """
    step = config.FRONT_AEQD_GRID_DEG
    return _cached_aeqd(round(lon / step) * step, round(lat / step) * step)


@functools.lru_cache(maxsize=256)
def _cached_aeqd(lon: float, lat: float) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs(_WGS84, _local_aeqd(lon, lat), always_xy=True)


def _line_distance_km(
    geom: Any, lon: npt.NDArray[np.float64], lat: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Geodesic distance in km from each point to the nearest point of a (multi)line.

    Pieces are visited nearest first, and each only for the points that its bounding box
    could bring closer than their best so far (a conservative lower bound): a front derived
    from areas of control has a hundred parts, most of them far from any one event.
    """
    best = np.full(len(lon), np.inf)
    if len(lon) == 0:
        return best
    import shapely

    geod = _geod()
    pieces = _pieces(geom)
    if not pieces:
        return best
    boxes = np.array([[c[:, 0].min(), c[:, 1].min(), c[:, 0].max(), c[:, 1].max()] for c in pieces])
    # an upper bound first: the distance to a vertex near in degrees (a point of the line)
    vertices = np.concatenate(pieces)
    near = shapely.STRtree(shapely.points(vertices)).query_nearest(
        shapely.points(lon, lat), all_matches=False
    )
    order_pts, order_vtx = near[0], near[1]
    _, _, metres = geod.inv(
        lon[order_pts], lat[order_pts], vertices[order_vtx, 0], vertices[order_vtx, 1]
    )
    best[order_pts] = np.asarray(metres) / 1000.0
    mid_lon, mid_lat = float(np.median(lon)), float(np.median(lat))
    order = np.argsort(_box_lower_bound_km(boxes, np.array([mid_lon]), np.array([mid_lat]))[:, 0])
    for k in order:
        coords = pieces[k]
        todo = np.flatnonzero(_box_lower_bound_km(boxes[k : k + 1], lon, lat)[0] < best)
        if len(todo) == 0:
            continue
        # centre: the vertex half-way along the piece (a point on the line, never a pole
        # artefact of averaging longitudes)
        c_lon, c_lat = coords[len(coords) // 2]
        tr = _aeqd_transformer(c_lon, c_lat)
        vx, vy = tr.transform(coords[:, 0], coords[:, 1])
        px, py = tr.transform(lon[todo], lat[todo])
        seg, t = _nearest_on_polyline(
            np.asarray(px), np.asarray(py), np.asarray(vx), np.asarray(vy)
        )
        # segments are at most FRONT_DENSIFY_KM long: interpolating lon/lat is exact to
        # metres; unwrap longitudes so a segment across the antimeridian interpolates right
        a, b = coords[seg], coords[seg + 1]
        dlon = (b[:, 0] - a[:, 0] + 180.0) % 360.0 - 180.0
        q_lon = a[:, 0] + t * dlon
        q_lat = a[:, 1] + t * (b[:, 1] - a[:, 1])
        _, _, metres = geod.inv(lon[todo], lat[todo], q_lon, q_lat)
        best[todo] = np.minimum(best[todo], np.asarray(metres) / 1000.0)
    return best


def _box_lower_bound_km(
    boxes: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], lat: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """A lower bound of the distance (km) from each point to each box (rows: boxes).

    A degree of latitude is at least 110.5 km and a degree of longitude at least 111.3 km
    times the cosine of the highest latitude involved; 10 % is taken off for the ellipsoid
    and the difference between a box's edge and the geodesic. Longitudes wrap at 180.
    """
    x0, y0, x1, y1 = (boxes[:, i : i + 1] for i in range(4))
    dlat = np.maximum(np.maximum(y0 - lat, lat - y1), 0.0)
    mid = (x0 + x1) / 2
    half = (x1 - x0) / 2
    dlon = np.maximum(np.abs((lon - mid + 180.0) % 360.0 - 180.0) - half, 0.0)
    top = np.minimum(np.maximum(np.maximum(np.abs(y0), np.abs(y1)), np.abs(lat)), 90.0)
    km = np.hypot(dlat * 110.5, dlon * 111.3 * np.cos(np.radians(top)))
    out: npt.NDArray[np.float64] = 0.9 * km
    return out


def _event_dates(events: gpd.GeoDataFrame, on: DateArg | None) -> npt.NDArray[np.datetime64]:
    import pandas as pd

    n = len(events)
    if on is not None:
        try:
            day = pd.Timestamp(on).normalize()
        except (ValueError, TypeError) as err:
            raise InputError(f"on={on!r} is not a date; write it as YYYY-MM-DD") from err
        if day is pd.NaT:
            raise InputError(f"on={on!r} is not a date; write it as YYYY-MM-DD")
        return np.full(n, day.to_datetime64(), dtype="datetime64[ns]")
    if "event_date" not in events:
        return np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    parsed = _parse_dates(events["event_date"], "events", "event_date")
    return np.asarray(parsed.to_numpy(dtype="datetime64[ns]"))


def _valid_mask(days: npt.NDArray[np.datetime64], start: Any, end: Any) -> npt.NDArray[np.bool_]:
    import pandas as pd

    mask = ~np.isnat(days)
    if not pd.isna(start):
        mask &= days >= np.datetime64(pd.Timestamp(start).to_datetime64(), "ns")
    if not pd.isna(end):
        mask &= days <= np.datetime64(pd.Timestamp(end).to_datetime64(), "ns")
    return mask


def _latest(lines: gpd.GeoDataFrame) -> npt.NDArray[np.intp]:
    """Rows of the lines valid last: the latest end (open counts as latest), then start."""
    big, small = np.iinfo(np.int64).max, np.iinfo(np.int64).min
    ends = lines["valid_to"].to_numpy(dtype="datetime64[ns]").view(np.int64).copy()
    ends[lines["valid_to"].isna().to_numpy()] = big
    starts = lines["valid_from"].to_numpy(dtype="datetime64[ns]").view(np.int64).copy()
    starts[lines["valid_from"].isna().to_numpy()] = small
    last = ends == ends.max()
    last &= starts == starts[last].max()
    return np.flatnonzero(last)


def _validity(
    frame: gpd.GeoDataFrame,
    days: npt.NDArray[np.datetime64],
    lon: npt.NDArray[np.float64],
    lat: npt.NDArray[np.float64],
) -> tuple[list[npt.NDArray[np.bool_]], int, npt.NDArray[np.bool_]]:
    """Per row of ``frame``, which events it applies to (its dates and its countries); how
    many undated events fell back to the latest rows; which events some row's countries
    hold (whatever the dates)."""
    dated = frame["valid_from"].notna() | frame["valid_to"].notna()
    undated_events = np.isnat(days)
    masks = []
    latest = set(_latest(frame)) if dated.any() else set()
    scopes = frame["countries"] if "countries" in frame.columns else None
    everywhere = np.ones(len(days), dtype=bool)
    reach = np.zeros(len(days), dtype=bool)
    seen: dict[str, npt.NDArray[np.bool_]] = {}
    for i, row in enumerate(frame.itertuples()):  # per line, not per event
        if not dated.iloc[i]:
            mask = np.ones(len(days), dtype=bool)
        else:
            mask = _valid_mask(days, row.valid_from, row.valid_to)
            if i in latest:
                mask |= undated_events
        codes = scopes.iloc[i] if scopes is not None else None
        if isinstance(codes, str) and codes:
            if codes not in seen:  # daily fronts share their countries
                seen[codes] = _in_scope(codes, lon, lat, everywhere)
            mask &= seen[codes]
            reach |= seen[codes]
        else:
            reach[:] = True
        masks.append(mask)
    fallback = int(undated_events.sum()) if dated.any() else 0
    return masks, fallback, reach


def _in_scope(
    codes: str,
    lon: npt.NDArray[np.float64],
    lat: npt.NDArray[np.float64],
    todo: npt.NDArray[np.bool_],
) -> npt.NDArray[np.bool_]:
    """Which events (of ``todo``) lie in the countries ``codes`` names (or within
    :data:`geo.config.FRONT_SCOPE_MARGIN_KM` of them)."""
    import shapely

    out = np.zeros(len(lon), dtype=bool)
    sel = np.flatnonzero(todo & ~np.isnan(lon))
    if len(sel) == 0:
        return out
    area = _scope_area(codes)
    if area is None:  # no known country: the line applies everywhere
        out[sel] = True
        return out
    out[sel] = shapely.intersects_xy(area, lon[sel], lat[sel])
    return out


#: Degrees of latitude per km, for the scope's margin (longitude margins are wider in km
#: towards the poles' side, never narrower).
_DEG_PER_KM = 1 / 111.32


@functools.lru_cache(maxsize=16)
def _scope_area(codes: str) -> Any:
    """The countries of ``codes`` (embedded Natural Earth), widened by the scope margin."""
    import shapely

    countries = load_boundaries(level="admin0")
    hit = countries[countries["country_code"].isin(codes.split())]
    if len(hit) == 0:
        return None
    margin = config.FRONT_SCOPE_MARGIN_KM * _DEG_PER_KM
    union = shapely.union_all(np.asarray(hit.geometry.values, dtype=object))
    area = shapely.buffer(shapely.simplify(union, margin / 4), margin, quad_segs=2)
    shapely.prepare(area)
    return area


def _describe(lines: gpd.GeoDataFrame, rows: npt.NDArray[np.intp]) -> str:
    import pandas as pd

    def day(value: Any) -> str:
        return "open" if pd.isna(value) else f"{value:%Y-%m-%d}"

    parts = [
        f"{lines['name'].iloc[i]!r} ({day(lines['valid_from'].iloc[i])} to "
        f"{day(lines['valid_to'].iloc[i])})"
        for i in rows[:3]
    ]
    return ", ".join(parts)


def _embedded_held() -> gpd.GeoDataFrame:
    """The Armenian-held area of 1994-2020 (the side of the embedded line), with its scope."""
    import geopandas as gpd
    import pandas as pd

    held = load_boundaries(level="disputed")
    held = held[held["kind"] == "held area 1994-2020"]
    return gpd.GeoDataFrame(
        {
            "valid_from": pd.to_datetime(held["valid_from"]).astype("datetime64[ns]"),
            "valid_to": pd.to_datetime(held["valid_to"]).astype("datetime64[ns]"),
            "countries": " ".join(config.FRONT_EMBEDDED_COUNTRIES),
        },
        geometry=held.geometry.values,
        crs=_WGS84,
    )


def _control_arg(control: ControlArg | None, front: object) -> gpd.GeoDataFrame | None:
    """The areas that give ``front_side``: with the embedded front, the embedded held area
    and the control areas (each for the events of its countries); with a front of the
    caller's, the control areas alone (for every event), or none."""
    import geopandas as gpd
    import pandas as pd

    if front is not None:
        if control is None:
            return None
        areas, _ = _control_areas(control)
        return areas
    parts = [_embedded_held()]
    if control is not None:
        parts.append(_derived_from(control)[0])
    if len(parts) == 1:
        return parts[0]
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=_WGS84)


def _derived_from(control: ControlArg) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Areas of control (with their countries) and the fronts derived from them; cached
    for files while they do not change."""
    import geopandas as gpd

    from geo.io.vector import vector_files

    if isinstance(control, gpd.GeoDataFrame):
        return _derive_areas(control)
    files = vector_files(control, what="control file")
    stamps = []
    for file in files:
        try:
            info = os.stat(file)
        except OSError:
            stamps.append((file, 0, 0))
        else:
            stamps.append((file, info.st_mtime_ns, info.st_size))
    areas, lines = _derived_cached(tuple(stamps))
    return areas.copy(), lines.copy()


@functools.lru_cache(maxsize=4)
def _derived_cached(
    stamps: tuple[tuple[str, int, int], ...],
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    return _derive_areas([file for file, _, _ in stamps])


def _derive_areas(control: ControlArg) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    areas, label = _control_areas(control)
    lines = _derive(areas, label)
    areas = areas.assign(countries=lines["countries"].to_numpy(dtype=object))
    return areas, lines


def front_lines(
    *, front: PathArg | gpd.GeoDataFrame | None = None, control: ControlArg | None = None
) -> gpd.GeoDataFrame:
    """The dated lines :func:`distance_to_front` measures against with these arguments.

    ``front`` given: those lines. Otherwise the embedded 1994 ceasefire line (for events in
    Armenia and Azerbaijan) and, when ``control`` is given, the fronts derived from it
    (:func:`derive_front_lines`, each for the events of its countries).

    Examples
    --------
    >>> front_lines()[["name", "countries"]].values.tolist()
    [['Ceasefire Line 1994', 'AM AZ']]
    """
    import geopandas as gpd
    import pandas as pd

    lines = _lines_arg(front)
    if front is not None or control is None:
        return lines
    derived = _derived_from(control)[1]
    return gpd.GeoDataFrame(pd.concat([lines, derived], ignore_index=True), crs=_WGS84)


def distance_to_front(
    events: gpd.GeoDataFrame,
    *,
    front: PathArg | gpd.GeoDataFrame | None = None,
    on: DateArg | None = None,
    control: ControlArg | None = None,
) -> gpd.GeoDataFrame:
    """Add the geodesic distance from each event to the front line of its date.

    Parameters
    ----------
    events
        Events with point geometries and, optionally, an ``event_date`` column
        (datetime64 or date strings).
    front
        Dated lines: a file (see :func:`load_front_lines`) or a GeoDataFrame with ``name,
        valid_from, valid_to`` (and ``countries``: the events each applies to). None: the
        embedded 1994 ceasefire line (1994-05-12 to 2020-11-09, for events in Armenia and
        Azerbaijan only: an event elsewhere gets no distance), and the fronts derived from
        ``control`` (:func:`derive_front_lines`), each for the events of its countries.
    on
        Measure every event against the lines valid on this date instead of its own.
    control
        Areas of control (polygons dated like the lines: files, folders, patterns or a
        GeoDataFrame) that give ``front_side``: which side's area an event is in. With the
        embedded front, the Armenian-held area of 1994-2020 also does, for events in
        Armenia and Azerbaijan.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``events`` in EPSG:4326 with ``distance_to_front_km`` (float, NaN when no
        line is valid on the event's date or the event has no geometry), ``front_line`` (name
        of the nearest valid line), ``front_side`` (``"inside"``/``"outside"`` the control
        area valid that day, None when unknown) and ``distance_band`` (see
        :func:`distance_band`).

    Warns
    -----
    GeoWarning
        Events without a date while the lines are dated (they are measured against the
        latest line), and events dated outside every line's validity (left without a
        distance).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely import Point
    >>> aghdam = gpd.GeoDataFrame({"event_date": ["2020-10-20"]},
    ...                           geometry=[Point(46.92736, 39.99096)], crs="EPSG:4326")
    >>> row = distance_to_front(aghdam).iloc[0]
    >>> float(round(row["distance_to_front_km"], 1)), row["front_side"], row["distance_band"]
    (18.3, 'inside', '10-25 km')
    """
    import pandas as pd
    import shapely

    out, _, lon, lat = event_points(events, "distance_to_front")
    lines = front_lines(front=front, control=control)
    days = _event_dates(out, on)
    n = len(out)
    has_point = ~np.isnan(lon)

    masks, fallback, reach = _validity(lines, days, lon, lat)
    undated = int((np.isnat(days) & has_point & reach).sum())
    if fallback and undated:
        latest = _latest(lines)
        warnings.warn(
            f"distance_to_front: {undated} event(s) have no date; measured against the "
            f"latest front line {_describe(lines, latest)}",
            GeoWarning,
            stacklevel=2,
        )
    best = np.full(n, np.inf)
    which = np.full(n, -1, dtype=np.intp)
    for i, mask in enumerate(masks):  # per line, not per event
        sel = np.flatnonzero(mask & has_point)
        if len(sel) == 0:
            continue
        km = _line_distance_km(lines.geometry.iloc[i], lon[sel], lat[sel])
        closer = km < best[sel]
        best[sel[closer]] = km[closer]
        which[sel[closer]] = i
    # events of no line's countries get no distance and no warning (a 2015 event in
    # Pakistan and the 1994 Karabakh line)
    unmatched = has_point & (which < 0) & reach
    if unmatched.any():
        warnings.warn(
            f"distance_to_front: {int(unmatched.sum())} event(s) are dated outside every "
            f"front line's validity (first: row {int(np.flatnonzero(unmatched)[0])}, "
            f"{days[np.flatnonzero(unmatched)[0]]!s:.10}); they get no distance",
            GeoWarning,
            stacklevel=2,
        )
    best[which < 0] = np.nan
    names = np.asarray(lines["name"].astype(object), dtype=object)
    front_line = np.full(n, None, dtype=object)
    front_line[which >= 0] = names[which[which >= 0]]

    side = np.full(n, None, dtype=object)
    areas = _control_arg(control, front)
    if areas is not None:
        area_masks, _, _ = _validity(areas, days, lon, lat)  # undated: the latest area
        known = np.zeros(n, dtype=bool)
        inside = np.zeros(n, dtype=bool)
        for i, mask in enumerate(area_masks):
            sel = np.flatnonzero(mask & has_point)
            if len(sel) == 0:
                continue
            geom = areas.geometry.iloc[i]
            shapely.prepare(geom)
            inside[sel] |= shapely.intersects_xy(geom, lon[sel], lat[sel])
            known[sel] = True
        side[known] = np.where(inside[known], "inside", "outside")

    out["distance_to_front_km"] = pd.Series(best, index=out.index, dtype=float)
    out["front_line"] = pd.Series(front_line, index=out.index, dtype=object)
    out["front_side"] = pd.Series(side, index=out.index, dtype=object)
    out["distance_band"] = pd.Series(distance_band(best), index=out.index, dtype=object)
    return out


# ------------------------------------------------------------------------------ bands


_BAND_CACHE: dict[tuple[bytes, tuple[float, ...], float], list[Any]] = {}


def _band_rings(geom: Any, bounds: tuple[float, ...], tolerance_m: float) -> list[Any]:
    """The rings (EPSG:4326) around one line, nearest first; cached per geometry.

    Each outer edge is grown from the previous one (a buffer of a buffer is the buffer by
    the sum), after simplifying it by :data:`geo.config.MAP_BAND_RELATIVE_TOLERANCE` of
    its distance: the 50 km edge does not need 100 m detail. Buffers are computed part by
    part and united, which GEOS does far faster than one buffer of a multi-part line.
    """
    import hashlib

    import shapely

    key = (hashlib.blake2b(shapely.to_wkb(geom), digest_size=16).digest(), bounds, tolerance_m)
    cached = _BAND_CACHE.get(key)
    if cached is not None:
        return cached
    centre = geom.centroid
    to_m = _cached_aeqd(round(centre.x, 6), round(centre.y, 6))

    def transform(g: Any, direction: str) -> Any:
        return shapely.transform(
            g, lambda xy: np.column_stack(to_m.transform(*xy.T, direction=direction))
        )

    parts = shapely.get_parts(transform(geom, "FORWARD"))
    quad = config.MAP_BAND_QUAD_SEGS
    rings: list[Any] = []
    edge: Any = None  # the outer edge of the previous band, as drawn
    low = 0.0
    for high in bounds:
        tol = max(tolerance_m, config.MAP_BAND_RELATIVE_TOLERANCE * high * 1000.0)
        if edge is None:
            simple = shapely.simplify(parts, tolerance_m)
            outer = shapely.union_all(shapely.buffer(simple, high * 1000.0, quad_segs=quad))
        else:
            outer = shapely.buffer(edge, (high - low) * 1000.0, quad_segs=quad)
        outer = shapely.simplify(outer, tol, preserve_topology=True)
        # rings share their edges exactly: they tile the area, never overlap
        ring = outer if edge is None else shapely.difference(outer, edge)
        rings.append(transform(ring, "INVERSE"))
        edge, low = outer, high
    if len(_BAND_CACHE) >= config.MAP_BAND_CACHE_SIZE:
        _BAND_CACHE.pop(next(iter(_BAND_CACHE)))
    _BAND_CACHE[key] = rings
    return rings


def distance_band_polygons(
    front: gpd.GeoDataFrame,
    *,
    bands_km: Sequence[float] = config.DISTANCE_BANDS_KM,
    tolerance_m: float = config.MAP_BAND_TOLERANCE_M,
) -> gpd.GeoDataFrame:
    """Rings around each front line: 0-5 km, 5-10 km... from the line.

    Buffers are computed in metres, in an azimuthal equidistant projection centred on each
    line (distances from the centre are true; the error elsewhere is below 0.1 % within
    500 km), then returned in EPSG:4326. The rings of a geometry are computed once per
    process and reused (daily fronts often repeat the same line).

    Parameters
    ----------
    front
        Front lines (any CRS), one row per line.
    bands_km
        Upper bounds of the bands, increasing.
    tolerance_m
        Simplification of the nearest ring, in metres (outer rings are simplified by a
        share of their distance, :data:`geo.config.MAP_BAND_RELATIVE_TOLERANCE`).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``front`` (row position in ``front``), ``band`` (0 for the nearest),
        ``min_km``, ``max_km``, ``label``, ``geometry`` (EPSG:4326).

    Raises
    ------
    InputError
        If the bands are not positive and increasing, or ``front`` has no CRS.

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

    bounds = tuple(float(b) for b in bands_km)
    if not bounds or any(b <= a for a, b in zip([0.0, *bounds], bounds, strict=False)):
        raise InputError(f"distance bands must be positive and increasing, got {bands_km!r}")
    if front.crs is None:
        raise InputError("the front lines have no CRS; set one (e.g. frame.set_crs('EPSG:4326'))")
    if not front.crs.equals(_WGS84):
        front = front.to_crs(_WGS84)
    rows: list[dict[str, Any]] = []
    for pos, geom in enumerate(front.geometry.to_numpy()):
        if geom is None or shapely.is_empty(geom):
            continue
        low = 0.0
        for band, (high, ring) in enumerate(
            zip(bounds, _band_rings(geom, bounds, tolerance_m), strict=True)
        ):
            rows.append(
                {
                    "front": pos,
                    "band": band,
                    "min_km": low,
                    "max_km": high,
                    "label": f"{low:g}-{high:g} km",
                    "geometry": ring,
                }
            )
            low = high
    columns = ["front", "band", "min_km", "max_km", "label", "geometry"]
    return gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs=_WGS84)
