"""Writing events and mentions: GeoJSON, GeoJSON sequences, CSV (with a formula guard),
GeoParquet, GeoPackage, an ACLED-column CSV, or GeoJSON on standard output, always atomically.

:class:`FrameWriter` writes a run chunk by chunk with memory that does not grow with the
output: text formats as the chunks come, GeoParquet and GeoPackage through parts spilled to
a temporary folder and joined at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import re
import shutil
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from geo.errors import OutputError
from geo.io.files import atomic_path, is_stream, open_output

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    import pyarrow as pa


from geo.schema import ACLED_COLUMNS, DISORDER, MENTION_TYPE
from geo.tempdirs import PARTS_DIR_PREFIX, make_temp_dir

__all__ = ["FORMATS", "FrameWriter", "output_format", "protect", "unprotect", "write_events"]

_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


def _is_formula(text: str) -> bool:
    """Whether a spreadsheet would run ``text`` (past any leading quotes) as a formula."""
    bare = text.lstrip("'")
    return bare.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(bare)


def protect(value: Any) -> Any:
    """Make a text cell inert in spreadsheets: a leading ``'`` before ``= + - @``.

    Numbers written as text ("-12.5") are left alone; :func:`_unprotect` undoes it exactly.
    """
    if isinstance(value, str) and _is_formula(value):
        return "'" + value
    return value


def unprotect(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("'") and _is_formula(value):
        return value[1:]
    return value


# --------------------------------------------------------------------------- writers

#: Output formats by file extension.
FORMATS: Final = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".geojsonl": "geojsonl",
    ".geojsons": "geojsonseq",
    ".csv": "csv",
    ".parquet": "parquet",
    ".gpkg": "gpkg",
}


def _json_value(value: Any) -> Any:
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if getattr(value, "ndim", 0) and hasattr(value, "tolist"):  # numpy arrays: lists
        value = value.tolist()
    if isinstance(value, list | tuple):  # the sources of a merged event
        return [_json_value(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _column_values(series: pd.Series[Any]) -> list[Any]:
    """A column as JSON-ready Python values (None for missing, dates as YYYY-MM-DD)."""

    dtype = str(series.dtype)
    if dtype.startswith("datetime64"):
        return [v if isinstance(v, str) else None for v in series.dt.strftime("%Y-%m-%d")]
    if dtype.startswith(("float", "Float", "Int", "UInt", "boolean")):
        out = series.astype(object).where(series.notna(), None).tolist()
        return [None if isinstance(v, float) and math.isnan(v) else v for v in out]
    if dtype.startswith(("int", "uint", "bool")):
        return list(series.tolist())
    values = series.astype(object).where(series.notna(), None).tolist()
    return [v if v is None or isinstance(v, str | int) else _json_value(v) for v in values]


_GEOJSON_HEAD: Final = '{"type": "FeatureCollection", "features": ['
_GEOJSON_TAIL: Final = "\n]}\n"

#: Formats written one feature per line: newline-delimited GeoJSON, and GeoJSON text
#: sequences (RFC 8142: each feature after an ASCII record separator).
_FEATURE_LINES: Final = {"geojsonl": "", "geojsonseq": "\x1e"}

#: Every format :func:`output_format` knows.
_KNOWN_FORMATS: Final = ("geojson", "geojsonl", "geojsonseq", "csv", "parquet", "gpkg", "acled")


def _geojson_lines(frame: gpd.GeoDataFrame) -> Iterator[str]:
    yield _GEOJSON_HEAD
    yield from _geojson_features(frame, first=True)
    yield _GEOJSON_TAIL


def _geojson_features(frame: gpd.GeoDataFrame, *, first: bool) -> Iterator[str]:
    """The features of ``frame``, each after ``",\n"`` (``"\n"`` for the very first)."""
    for i, feature in enumerate(_feature_texts(frame)):
        yield ("\n" if first and i == 0 else ",\n") + feature


def _feature_lines(frame: gpd.GeoDataFrame, fmt: str) -> Iterator[str]:
    """The features of ``frame`` as lines of a GeoJSON sequence (``fmt`` of
    :data:`_FEATURE_LINES`).

    Examples
    --------
    >>> from geo.schema import events_to_frame
    >>> frame = events_to_frame([{"event_id": "a", "latitude": 1.0, "longitude": 2.0}])
    >>> line = next(_feature_lines(frame, "geojsonseq"))
    >>> line.startswith("\\x1e{"), json.loads(line[1:])["geometry"]["coordinates"]
    (True, [2.0, 1.0])
    """
    start = _FEATURE_LINES[fmt]
    for feature in _feature_texts(frame):
        yield start + feature + "\n"


def _feature_texts(frame: gpd.GeoDataFrame) -> Iterator[str]:
    """Each row of ``frame`` as the JSON text of one GeoJSON feature (one line)."""
    import pandas as pd

    geometry_name = frame.geometry.name
    props = [c for c in frame.columns if c != geometry_name]
    columns = [_column_values(pd.Series(frame[c])) for c in props]
    if "latitude" in frame.columns and "longitude" in frame.columns:
        lats = _column_values(pd.Series(frame["latitude"]))
        lons = _column_values(pd.Series(frame["longitude"]))
    else:
        lats = lons = [None] * len(frame)
    geoms = frame.geometry
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for i, values in enumerate(zip(*columns, strict=True)):
        if lats[i] is not None and lons[i] is not None:
            geometry: dict[str, Any] | None = {
                "type": "Point",
                "coordinates": [lons[i], lats[i]],
            }
        else:
            g = geoms.iloc[i]
            geometry = None if g is None or g.is_empty else dict(g.__geo_interface__)
        feature = {
            "type": "Feature",
            "properties": dict(zip(props, values, strict=True)),
            "geometry": geometry,
        }
        yield dumps(feature)


def _acled_frame(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """The 31 columns of an ACLED export, filled from what the events hold.

    Columns read from an ACLED table (actors, interaction codes, admin2/3, iso, region,
    source_scale, tags, timestamp...) are written back as they were; UCDP's sides were read
    as ``actor1``/``actor2``; ``disorder_type``, ``year`` and ``civilian_targeting`` are
    derived where the events do not hold them. Mentions (no incident) are left out.
    """
    import pandas as pd

    events = frame[frame["event_type"] != MENTION_TYPE]
    out = pd.DataFrame(index=events.index, columns=list(ACLED_COLUMNS), dtype="object")

    def given(column: str) -> pd.Series[Any]:
        if column not in events.columns:
            return pd.Series(None, index=events.index, dtype=object)
        values = events[column].astype(object)
        return values.where(values.notna() & (values.astype(str) != ""), None)

    dates = pd.to_datetime(events["event_date"], errors="coerce")
    out["event_id_cnty"] = given("event_id_cnty").fillna(given("event_id"))
    out["event_date"] = dates.dt.strftime("%Y-%m-%d")
    out["year"] = dates.dt.year.astype("Int64")
    out["disorder_type"] = given("disorder_type").fillna(events["event_type"].map(DISORDER))
    targeted = events["event_type"].map(
        lambda t: "Civilian targeting" if t == "Violence against civilians" else ""
    )
    out["civilian_targeting"] = given("civilian_targeting").fillna(targeted)
    for col in ACLED_COLUMNS:
        if col in ("event_id_cnty", "event_date", "year", "disorder_type", "civilian_targeting"):
            continue
        out[col] = given(col) if col in events.columns else ""
    out["fatalities"] = events["fatalities"].fillna(0)
    for col in ("latitude", "longitude"):
        out[col] = events[col]
    out = out.astype(object)  # fillna("") fails on nullable integer columns with gaps
    return out.where(out.notna(), "").reset_index(drop=True)


def output_format(path: str | os.PathLike[str], *, format: str | None = None) -> str:
    """The format :func:`write_events` writes ``path`` in (checked before any work).

    Raises
    ------
    OutputError
        If the extension says no known format and none is given, or ``format`` cannot be
        written there (GeoPackage or Parquet on standard output).

    Standard output (``"-"``), a pipe or a device (``/dev/stdout``) without an extension
    get GeoJSON.

    Examples
    --------
    >>> output_format("events.gpkg"), output_format("-"), output_format("x.txt", format="acled")
    ('gpkg', 'geojson', 'acled')
    """
    target = os.fspath(path)
    fmt = (format or "").lower() or None
    if fmt is None:
        fmt = FORMATS.get(Path(target).suffix.lower())
    if fmt is None and (target == "-" or is_stream(target)):
        fmt = "geojson"
    if fmt is None:
        raise OutputError(
            f"cannot tell the output format of {target!r}: use one of "
            f"{', '.join(FORMATS)} or --format acled"
        )
    if fmt not in _KNOWN_FORMATS:
        raise OutputError(f"unknown output format {fmt!r}: {', '.join(_KNOWN_FORMATS)}")
    if target == "-" and fmt in ("parquet", "gpkg"):
        raise OutputError(f"format {fmt} cannot be written to standard output; give a file")
    return fmt


def write_events(
    frame: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    stdout: IO[str] | None = None,
) -> None:
    """Write events or mentions; the format follows the extension unless given.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        Events (:data:`EVENT_COLUMNS`) or mentions.
    path : path or "-"
        Output file; ``"-"`` writes GeoJSON (or the ACLED CSV) to standard output.
    format : {"geojson", "geojsonl", "geojsonseq", "csv", "parquet", "gpkg", "acled"}, optional
        ``"acled"`` writes a CSV with :data:`ACLED_COLUMNS` (incidents only);
        ``"geojsonl"`` one GeoJSON feature per line (``.geojsonl``), ``"geojsonseq"`` a
        GeoJSON text sequence (RFC 8142, ``.geojsons``).
    stdout : text stream, optional
        Stream for ``"-"`` (``sys.stdout`` by default).

    Raises
    ------
    OutputError
        Unknown format or unwritable path.

    Notes
    -----
    Files are written atomically: a failed or interrupted run leaves a previous file whole.
    In CSV outputs (``csv``, ``acled``) a text cell that starts with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return (and is not a plain number) gets a leading ``'``, so a
    spreadsheet shows it as text instead of running it as a formula (CSV injection: article
    text and URLs are untrusted). :func:`read_events` removes that ``'`` again. GeoJSON,
    Parquet and GeoPackage keep the text as it is.

    Standard output (``"-"``), a pipe or a device (``/dev/stdout``) without an extension
    get GeoJSON.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geo.schema import events_to_frame
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "ev.geojson"
    >>> write_events(events_to_frame([]), out)
    >>> import json; json.loads(out.read_text())["features"]
    []
    """
    target = os.fspath(path)
    fmt = output_format(target, format=format)
    if fmt in ("parquet", "gpkg"):
        _write_binary(frame, Path(target), fmt)
        return
    table = None
    if fmt in ("csv", "acled"):
        table = _protected(_acled_frame(frame) if fmt == "acled" else _csv_frame(frame))
    try:
        with open_output(target, stdout=stdout) as fh:
            if table is not None:
                _write_csv(table, fh)
            elif fmt in _FEATURE_LINES:
                for line in _feature_lines(frame, fmt):
                    fh.write(line)
            else:
                for chunk in _geojson_lines(frame):
                    fh.write(chunk)
    except (OutputError, BrokenPipeError):
        raise
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err


def _write_csv(table: pd.DataFrame, stream: IO[str], *, header: bool = True) -> None:
    """Write a table as CSV (comma, ``\\n`` line ends), quoting every cell that holds a
    comma, a quote, a carriage return or a line feed.

    Python's csv writer leaves a bare carriage return unquoted when lines end with
    ``\\n``, and a spreadsheet then starts a new row there: a table with a carriage return
    is written by pandas (its number and date formats), read back, and quoted here. Without
    one, pandas' minimal quoting is that quoting already, and the table is written at once.

    Examples
    --------
    >>> import io, pandas as pd
    >>> out = io.StringIO()
    >>> _write_csv(pd.DataFrame({"a": ["x\\ry", "z"], "b": [1.5, None]}), out)
    >>> out.getvalue()
    'a,b\\n"x\\ry",1.5\\nz,\\n'
    >>> out = io.StringIO()
    >>> _write_csv(pd.DataFrame({"a": ['x,"y" z', "z\\nw"], "b": [1.5, None]}), out)
    >>> out.getvalue()
    'a,b\\n"x,""y"" z",1.5\\n"z\\nw",\\n'
    """
    import csv
    import io

    buffer = io.StringIO(newline="")
    if len(table.columns) > 1 and not _has_carriage_return(table):
        # a row of one empty cell is the only other difference of minimal quoting
        table.to_csv(buffer, index=False, header=header, lineterminator="\n")
        stream.write(buffer.getvalue())
        return
    table.to_csv(buffer, index=False, header=header, lineterminator="\n", quoting=csv.QUOTE_ALL)
    buffer.seek(0)
    for row in csv.reader(buffer):
        stream.write(",".join(_csv_cell(cell) for cell in row) + "\n")


def _has_carriage_return(table: pd.DataFrame) -> bool:
    """Whether a header or a text cell of ``table`` holds a carriage return (cells are
    written as ``str`` gives them)."""

    if any("\r" in str(name) for name in table.columns):
        return True
    for col in table.columns:
        series = table[col]
        if _holds_text(series) and "\r" in "".join(map(str, series.tolist())):
            return True
    return False


def _holds_text(series: pd.Series[Any]) -> bool:
    """Whether a column may hold text: any dtype but numbers, booleans and dates."""
    import pandas as pd

    dtype = series.dtype
    return not (
        pd.api.types.is_numeric_dtype(dtype)
        or pd.api.types.is_bool_dtype(dtype)
        or pd.api.types.is_datetime64_any_dtype(dtype)
    )


def _csv_cell(cell: str) -> str:
    if any(ch in cell for ch in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


#: First characters of a cell that :func:`protect` may change.
_RISKY_START: Final = frozenset(_FORMULA_START) | {"'"}


def _protected(table: pd.DataFrame) -> pd.DataFrame:
    """The table with its text cells made inert in spreadsheets (see :func:`protect`).

    Every column that is not numeric, boolean or a date is guarded, whatever its dtype
    (``object``, pandas' ``str``/``string``, categories...).
    """
    import pandas as pd

    out = table.copy()
    risky = _RISKY_START
    for col in out.columns:
        series = out[col]
        if not _holds_text(series):
            continue
        values = series.astype(object)
        cells = values.tolist()
        # most columns have no cell a spreadsheet could run: no cell to look at twice
        if any(isinstance(v, str) and v[:1] in risky for v in cells):
            values = pd.Series(
                [protect(v) for v in cells], index=values.index, dtype=object, name=col
            )
        out[col] = values
    return out


def _lists_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with list cells (the ``sources`` of merged events) written as JSON arrays,
    for formats that hold no lists (CSV, GeoPackage); other columns are left alone. A
    missing cell stays missing (None or NaN, as pandas holds it).

    Examples
    --------
    >>> import pandas as pd
    >>> out = _lists_as_text(pd.DataFrame({"sources": [["a.txt", "b"], None]}))
    >>> out["sources"][0], out["sources"].isna().tolist()
    ('["a.txt", "b"]', [False, True])
    """
    import numpy as np

    listed = [
        col
        for col in frame.columns
        if frame[col].dtype == object
        and frame[col].map(lambda v: isinstance(v, list | tuple | np.ndarray)).any()
    ]
    if not listed:
        return frame
    out = frame.copy()
    for col in listed:
        out[col] = out[col].map(
            lambda v: (
                json.dumps([_json_value(x) for x in v], ensure_ascii=False)
                if isinstance(v, list | tuple | np.ndarray)
                else v
            )
        )
    return out


def _csv_frame(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    import pandas as pd

    out = _lists_as_text(pd.DataFrame(frame.drop(columns=frame.geometry.name)))
    if "event_date" in out:
        out["event_date"] = pd.to_datetime(out["event_date"], errors="coerce").dt.strftime(
            "%Y-%m-%d"
        )
    return out


def _write_binary(frame: gpd.GeoDataFrame, target: Path, fmt: str) -> None:
    with atomic_path(target, suffix=f".{fmt}") as tmp:
        try:
            if fmt == "parquet":
                frame.to_parquet(tmp, index=False)
            else:
                _gpkg_frame(frame).to_file(
                    tmp, driver="GPKG", layer=target.stem or "events", engine="pyogrio"
                )
        except (OutputError, OSError):
            raise
        except Exception as err:  # pyarrow/pyogrio raise their own error classes
            raise OutputError(f"cannot write {target}: {err}; choose a writable path") from err


def _gpkg_frame(
    frame: gpd.GeoDataFrame, *, floats: Collection[str] = (), texts: Collection[str] = ()
) -> gpd.GeoDataFrame:
    """``frame`` as a GeoPackage layer holds it: lists as JSON text, nullable integers as
    integers (as floats when a value is missing, or when the column is in ``floats``), the
    columns in ``texts`` as text."""
    out = _lists_as_text(frame.copy())
    for col in out.columns:
        if col in texts and col != out.geometry.name:
            values = out[col].astype(object)
            out[col] = values.where(values.isna(), values.map(str)).astype(object)
        elif str(out[col].dtype) in ("Int64", "int64") and (col in floats or out[col].isna().any()):
            out[col] = out[col].astype("float64")
        elif str(out[col].dtype) == "Int64":
            out[col] = out[col].astype("int64")
    return out


def _unified_schema(schemas: Sequence[pa.Schema]) -> pa.Schema:
    """One schema for the parts of a GeoParquet output written chunk by chunk.

    A column takes the type of its parts where they agree; a column missing (all null) in
    some parts takes the type of the others; numbers of different widths widen (an integer
    and a float column become floats); anything else (numbers in one part, text in another,
    as a column of mixed tables can be) becomes text. The GeoParquet ``geo`` metadata
    covers the geometry types and extent of every part. The pandas metadata of the first
    part that has the joined schema is kept; with none, it is dropped (its dtypes would not
    fit).

    Examples
    --------
    >>> import pyarrow as pa
    >>> one = pa.schema([("a", pa.int64()), ("b", pa.null()), ("c", pa.int64())])
    >>> two = pa.schema([("a", pa.float64()), ("b", pa.string()), ("c", pa.string())])
    >>> [str(f.type) for f in _unified_schema([one, two])]
    ['double', 'string', 'string']
    """
    import pyarrow as pa

    names = list(dict.fromkeys(name for schema in schemas for name in schema.names))
    fields = []
    for name in names:
        types = [s.field(name).type for s in schemas if name in s.names]
        known = [t for t in types if not pa.types.is_null(t)]
        chosen = known[0] if known else types[0]
        for other in known[1:]:
            if other == chosen:
                continue
            try:
                chosen = (
                    pa.unify_schemas(
                        [pa.schema([(name, chosen)]), pa.schema([(name, other)])],
                        promote_options="permissive",
                    )
                    .field(name)
                    .type
                )
            except (pa.ArrowTypeError, pa.ArrowInvalid, pa.ArrowNotImplementedError):
                chosen = pa.string()
        fields.append(pa.field(name, chosen))
    joined = pa.schema(fields)
    fitting = [s for s in schemas if s.remove_metadata().equals(joined)]
    metadata = dict((fitting or schemas)[0].metadata or {})
    if not fitting:
        metadata.pop(b"pandas", None)
    geo = [json.loads(s.metadata[b"geo"]) for s in schemas if s.metadata and b"geo" in s.metadata]
    if geo:
        metadata[b"geo"] = json.dumps(_joined_geo(geo)).encode("utf-8")
    return joined.with_metadata(metadata)


def _joined_geo(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The GeoParquet metadata of parts joined: geometry types and bounding boxes of all."""
    out = json.loads(json.dumps(parts[0]))
    for name, column in out.get("columns", {}).items():
        infos = [p.get("columns", {}).get(name, {}) for p in parts]
        kinds = [info.get("geometry_types") for info in infos]
        # an empty list means "any type": it stays empty if any part says so
        column["geometry_types"] = (
            [] if any(not k for k in kinds) else sorted({t for k in kinds for t in k or ()})
        )
        boxes = [info.get("bbox") for info in infos]
        if all(boxes) and boxes:
            column["bbox"] = [
                min(b[0] for b in boxes if b),
                min(b[1] for b in boxes if b),
                max(b[2] for b in boxes if b),
                max(b[3] for b in boxes if b),
            ]
        else:
            column.pop("bbox", None)
    return out  # type: ignore[no-any-return]


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with the columns and types of ``schema`` (missing columns as nulls)."""
    import pyarrow as pa

    columns = []
    for field in schema:
        if field.name not in table.column_names:
            columns.append(pa.nulls(len(table), field.type))
            continue
        column = table[field.name]
        if column.type != field.type:
            try:
                column = column.cast(field.type)
            except (pa.ArrowTypeError, pa.ArrowInvalid, pa.ArrowNotImplementedError):
                column = pa.array(  # e.g. lists in a column that is text in other parts
                    [
                        None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                        for v in column.to_pylist()
                    ],
                    type=field.type,
                )
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


def _join_parts(parts: Sequence[Path], target: Path, fmt: str) -> None:
    """Write the GeoParquet parts of a chunked output as one GeoParquet or GeoPackage file,
    one part in memory at a time."""
    import geopandas as gpd
    import pyarrow as pa
    import pyarrow.parquet as pq

    with atomic_path(target, suffix=f".{fmt}") as tmp:
        try:
            filled = [p for p in parts if pq.ParquetFile(p).metadata.num_rows]
            parts = filled or parts[:1]  # empty parts add no rows, and a poorer schema
            if len(parts) == 1 and fmt == "parquet":
                shutil.copyfile(parts[0], tmp)
                return
            schema = _unified_schema([pq.read_schema(p) for p in parts])
            if fmt == "parquet":
                with pq.ParquetWriter(tmp, schema, compression="snappy") as out:
                    for part in parts:
                        out.write_table(_conform(pq.read_table(part), schema))
                return
            floats = {
                f.name
                for f in schema
                if pa.types.is_integer(f.type)
                and any(pq.read_table(p, columns=[f.name])[f.name].null_count for p in parts)
            }
            texts = {f.name for f in schema if pa.types.is_string(f.type)}
            for i, part in enumerate(parts):
                frame = gpd.read_parquet(part)
                _gpkg_frame(frame, floats=floats, texts=texts).to_file(
                    tmp,
                    driver="GPKG",
                    layer=target.stem or "events",
                    engine="pyogrio",
                    append=i > 0,
                )
        except (OutputError, OSError):
            raise
        except Exception as err:  # pyarrow/pyogrio raise their own error classes
            raise OutputError(f"cannot write {target}: {err}; choose a writable path") from err


class FrameWriter:
    """Write events or mentions frame by frame, as :func:`write_events` writes one frame.

    GeoJSON and CSV (``acled`` too) are written as the frames come, to a temporary file
    beside the output that replaces it when the writer closes (:func:`geo.io.files.atomic_write`;
    a FIFO or a device is written in place, never replaced); the file is opened at the first
    frame. An error or Ctrl-C inside the ``with`` block removes the temporary: a previous
    file stays whole. GeoParquet and GeoPackage hold one table: each frame is written as a
    GeoParquet part in a temporary folder, and the parts are joined into the output when the
    writer closes, one part in memory at a time (:func:`_unified_schema` says how columns
    whose type differs between parts are joined). GeoJSON sequences (``.geojsonl``,
    ``.geojsons``) are written a feature per line. Frames should have the same columns.

    Parameters
    ----------
    path, format, stdout
        As in :func:`write_events`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geo.schema import events_to_frame
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "ev.csv"
    >>> with FrameWriter(out) as writer:
    ...     writer.write(events_to_frame([{"event_id": "a"}]))
    ...     writer.write(events_to_frame([{"event_id": "b"}]))
    >>> [line.split(",")[0] for line in out.read_text().splitlines()]
    ['event_id', 'a', 'b']
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        stdout: IO[str] | None = None,
    ) -> None:
        self.target = os.fspath(path)
        self.format = output_format(self.target, format=format)
        self.stdout = stdout
        self.rows = 0
        self._opened: contextlib.AbstractContextManager[IO[str]] | None = None
        self._fh: IO[str] | None = None
        self._parts: list[Path] = []
        self._spill: Path | None = None
        self._first = True

    def __enter__(self) -> FrameWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: Any
    ) -> None:
        if err is None:
            self.close()
        else:
            self.abort(err)

    def write(self, frame: gpd.GeoDataFrame) -> None:
        """Append the rows of ``frame``."""
        self.rows += len(frame)
        if self.format in ("parquet", "gpkg"):
            self._spill_part(frame)
            return
        fh = self._open()
        try:
            if self.format in _FEATURE_LINES:
                for line in _feature_lines(frame, self.format):
                    fh.write(line)
            elif self.format == "geojson":
                if self._first:
                    fh.write(_GEOJSON_HEAD)
                for chunk in _geojson_features(frame, first=self._first):
                    fh.write(chunk)
            else:
                table = _acled_frame(frame) if self.format == "acled" else _csv_frame(frame)
                _write_csv(_protected(table), fh, header=self._first)
        except (OutputError, BrokenPipeError):
            raise
        except OSError as err:
            raise OutputError(f"cannot write {self.target}: {err.strerror or err}") from err
        self._first = False

    def _spill_part(self, frame: gpd.GeoDataFrame) -> None:
        if self._spill is None:
            # named with this process's id: a later run removes it if this one is killed
            self._spill = make_temp_dir(PARTS_DIR_PREFIX)
        part = self._spill / f"part-{len(self._parts):06d}.parquet"
        try:
            frame.to_parquet(part, index=False)
        except OSError as err:
            raise OutputError(
                f"cannot write a part of {self.target} to {part}: {err.strerror or err}; "
                "free space in the temporary folder (or set TMPDIR)"
            ) from err
        except Exception as err:  # pyarrow raises its own error classes
            raise OutputError(f"cannot write {self.target}: {err}") from err
        self._parts.append(part)

    def _remove_spill(self) -> None:
        spill, self._spill = self._spill, None
        if spill is not None:
            shutil.rmtree(spill, ignore_errors=True)

    def _open(self) -> IO[str]:
        if self._fh is None:
            self._opened = open_output(self.target, stdout=self.stdout)
            self._fh = self._opened.__enter__()
        return self._fh

    def close(self) -> None:
        """Finish the file (an empty one if nothing was written) and put it in place."""
        if self.format in ("parquet", "gpkg"):
            parts, self._parts = self._parts, []
            try:
                if parts:
                    _join_parts(parts, Path(self.target), self.format)
            finally:
                self._remove_spill()
            return
        if self._first:
            raise OutputError(f"cannot write {self.target}: no frame was given to write")
        fh = self._open()
        try:
            if self.format == "geojson":
                fh.write(_GEOJSON_TAIL)
        except BaseException as err:
            self.abort(err)
            raise
        opened, self._opened, self._fh = self._opened, None, None
        if opened is not None:
            try:
                opened.__exit__(None, None, None)
            except OSError as err:
                if isinstance(err, OutputError | BrokenPipeError):
                    raise
                raise OutputError(f"cannot write {self.target}: {err.strerror or err}") from err

    def abort(self, err: BaseException | None = None) -> None:
        """Give up: remove the temporary file (a previous output stays as it was)."""
        self._parts = []
        self._remove_spill()
        opened, self._opened, self._fh = self._opened, None, None
        if opened is not None:
            reason = err if err is not None else OutputError(f"{self.target}: aborted")
            with contextlib.suppress(BaseException):
                opened.__exit__(type(reason), reason, reason.__traceback__)
