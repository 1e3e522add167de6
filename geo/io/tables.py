"""Reading event tables: ACLED exports of every vintage, UCDP GED (CSV and JSON), geo's own.

:func:`read_events` reads a table into the event columns (:data:`geo.schema.EVENT_COLUMNS`)
and keeps **every other column of the input** after them, as it was (ACLED's actors,
interaction codes and tags, UCDP's sides and death counts, columns a user added...).
:func:`is_event_table` tells a table from a corpus of articles by its columns.

What is read:

- ACLED exports, current and older: upper-case names (``EVENT_DATE``), pre-2019 columns
  (``ALLY_ACTOR_1``, read as ``assoc_actor_1``) and taxonomy (``Riots/Protests``,
  ``Remote violence``: mapped to the current types, the original kept in
  ``original_event_type``), R's ``NA`` for empty cells, a first unnamed column (a pandas
  index), a byte-order mark, ``;``, tab or ``|`` separators;
- UCDP GED as CSV, or as JSON: an API page (``{"Result": [...]}``), a plain array of
  records, or JSON Lines;
- geo's own outputs: CSV, GeoJSON, GeoPackage, GeoParquet.

The encoding is detected (UTF-8 with or without a byte-order mark, UTF-16, Windows-1252);
CSV is read with the standard dialect (only the separator is detected). Dates are read in
every form real exports hold (``2020-10-04``, ``28 December 2022``, ``01-January-2015``,
``9-May-20``, ``14/08/2020 00:00:00``, ``1/22/2014 12:00:00 AM``...): in a column of
numeric dates the values that can only be read one way (``14/08`` is day first, ``1/22``
month first) decide for the column; ``dayfirst`` decides when none does.

A row that cannot be used (no date, coordinates that are not coordinates, a broken CSV
line) is left out and named (file, row, value) in a :class:`~geo.io.documents.Problem`;
the others are read.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import io
import json
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from geo import config
from geo.errors import InputError
from geo.io.documents import (
    InputWarning,
    Problem,
    csv_file_rows,
    csv_rows,
    hold_input,
    hold_pipe,
    is_held,
    peek_text,
    read_text,
    streamable,
)
from geo.io.files import display_path
from geo.io.writers import unprotect
from geo.schema import (
    ACLED_COLUMNS,
    ACLED_OLD_COLUMNS,
    ACLED_OLD_EVENT_TYPES,
    ACLED_RENAMED,
    ACLED_TAXONOMY,
    DATASET_ACLED,
    DATASET_UCDP,
    EVENT_COLUMNS,
    FLOAT_COLUMNS,
    INTEGER_COLUMNS,
    UCDP_COLUMNS,
    frame_from_columns,
)

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "STDIN_PATH",
    "date_order",
    "hold_stdin",
    "is_event_table",
    "iter_events",
    "parse_table_dates",
    "read_events",
    "table_kind",
]

#: The path an event table on standard input is read from once :func:`hold_stdin` has
#: read it (the kernel's name of standard input; geo reads the held bytes instead).
STDIN_PATH: Final = "/dev/stdin"

_VECTOR_SUFFIXES: Final = frozenset({".gpkg", ".parquet", ".geoparquet", ".geojson"})
_CSV_SUFFIXES: Final = frozenset({".csv", ".tsv"})
_JSON_SUFFIXES: Final = frozenset({".json", ".jsonl", ".ndjson"})

#: Columns that mark a table as a corpus of articles, and columns that mark an event table.
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

_ACLED_REQUIRED: Final = ("event_date", "event_type", "latitude", "longitude")
_UCDP_REQUIRED: Final = ("date_start", "latitude", "longitude", "best")
_OWN_REQUIRED: Final = ("event_id", "event_date", "event_type", "latitude", "longitude")

#: Keys of a JSON object that hold the records of an API page (UCDP: "Result"; ACLED: "data").
_RECORD_KEYS: Final = ("Result", "result", "data", "results", "records", "events", "items")

#: Cells that mean "no value" in exports: R's and spreadsheets' markers of a missing value.
_MISSING: Final = frozenset({"", "NA", "N/A", "#N/A", "NaN", "nan", "NULL", "null", "None"})

_UCDP_VIOLENCE: Final = {
    1: ("Battles", "Armed clash"),
    2: ("Battles", "Armed clash"),
    3: ("Violence against civilians", "Attack"),
}
_UCDP_DATE_PREC: Final = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
_UCDP_WHERE_PREC: Final = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}

#: Event columns a UCDP table fills from columns of other names: an input column of one of
#: these names is kept as ``input_<name>``.
_UCDP_DERIVED: Final = frozenset(
    {
        "event_id",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "location",
        "geo_precision",
        "admin1",
        "fatalities",
        "notes",
        "source",
    }
)

#: Country names of ACLED and UCDP that CLDR writes otherwise (normalised: lower case, no
#: accents, "&" as "and", no parentheses): name -> ISO 3166-1 alpha-2 code.
_COUNTRY_ALIASES: Final = {
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "republic of congo": "CG",
    "congo": "CG",
    "ivory coast": "CI",
    "myanmar": "MM",
    "burma": "MM",
    "palestine": "PS",
    "swaziland": "SZ",
    "kingdom of eswatini": "SZ",
    "macedonia": "MK",
    "macedonia, fyr": "MK",
    "bosnia-herzegovina": "BA",
    "east timor": "TL",
    "turkey": "TR",
    "czech republic": "CZ",
    "united states of america": "US",
    "cabo verde": "CV",
    "the gambia": "GM",
    "vatican city": "VA",
    "north korea": "KP",
    "south korea": "KR",
    "korea, north": "KP",
    "korea, south": "KR",
    "russian federation": "RU",
    "syrian arab republic": "SY",
    "iran, islamic republic of": "IR",
    "viet nam": "VN",
    "lao pdr": "LA",
    "caribbean netherlands": "BQ",
}


# --------------------------------------------------------------------------- options

_DAYFIRST: contextvars.ContextVar[bool | None] = contextvars.ContextVar(
    "geo_table_dayfirst", default=None
)


@contextlib.contextmanager
def date_order(dayfirst: bool | None) -> Iterator[None]:
    """Read ambiguous numeric dates (``05/02/2014``) day first (True) or month first
    (False) in every :func:`read_events` call made inside the ``with`` block that does not
    say it itself (for callers that reach :func:`read_events` through other functions).

    Examples
    --------
    >>> with date_order(False):
    ...     days = parse_table_dates(["05/02/2014"]).days
    >>> days.iloc[0].date().isoformat()
    '2014-05-02'
    """
    token = _DAYFIRST.set(dayfirst)
    try:
        yield
    finally:
        _DAYFIRST.reset(token)


# --------------------------------------------------------------------------- detection


def table_kind(columns: Iterable[str]) -> str | None:
    """Recognise an event table from its columns: "own", "acled", "ucdp" or None.

    Names are compared in lower case (old ACLED exports write them in upper case).

    Examples
    --------
    >>> table_kind(["event_id_cnty", "event_date", "event_type", "latitude", "longitude"])
    'acled'
    >>> table_kind(["EVENT_DATE", "EVENT_TYPE", "LATITUDE", "LONGITUDE"])
    'acled'
    >>> table_kind(["id", "date_start", "latitude", "longitude", "best"])
    'ucdp'
    """
    cols = {_bare(c).lower() for c in columns}
    if all(c in cols for c in _OWN_REQUIRED) and "event_id_cnty" not in cols:
        return "own"
    if all(c in cols for c in _ACLED_REQUIRED):
        return "acled"
    if all(c in cols for c in _UCDP_REQUIRED):
        return "ucdp"
    return None


def _bare(name: object) -> str:
    return str(name).strip().strip('"').strip().lstrip("\ufeff")


def _looks_like_table(columns: Sequence[str]) -> bool:
    if table_kind(columns) is not None:
        return True
    cols = {_bare(c).lower() for c in columns}
    if cols & _ARTICLE_COLUMNS:
        return False
    return "event_id_cnty" in cols or len(cols & _TABLE_MARKERS) >= 2


def is_event_table(path: str | os.PathLike[str]) -> bool:
    """Whether a file is read as an event table rather than as articles.

    GeoJSON, GeoPackage and GeoParquet files are tables. A CSV, JSON or JSON Lines file is
    one when its columns (the CSV header, the keys of its first record) look like an ACLED
    or UCDP GED export or a geo output, even when a required column is missing, so that
    :func:`read_events` names the missing columns (instead of the file being read as
    articles without a text column). Held standard input (:func:`hold_stdin`) and pipes
    are judged by what they hold.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ged.jsonl"
    >>> _ = path.write_text('{"id": 1, "date_start": "2014-01-22", "latitude": 48.0, '
    ...                     '"longitude": 37.8, "best": 2}\\n')
    >>> is_event_table(path)
    True
    """
    text_path = os.fspath(path)
    suffix = Path(text_path).suffix.lower()
    if suffix in _VECTOR_SUFFIXES:
        return True
    if not hold_pipe(text_path) and suffix not in _CSV_SUFFIXES | _JSON_SUFFIXES:
        return False
    head = peek_text(text_path, 1 << 20)
    if not head.strip():
        return False
    if _starts_json(head):
        if _is_geojson(head):
            return True
        keys = _first_record_keys(head)
        return keys is not None and _looks_like_table(keys)
    if suffix in _JSON_SUFFIXES:
        return False
    return _looks_like_table(_header_columns(head))


def hold_stdin(stream: Any = None) -> bool:
    """Read standard input whole and hold it for its reader; whether it is an event table.

    After it, :data:`STDIN_PATH` reads the same bytes (:func:`read_events`) and
    :func:`is_event_table` answers from them. ``stream`` is ``sys.stdin`` by default (its
    bytes when it has a ``buffer``).

    Examples
    --------
    >>> import io
    >>> hold_stdin(io.StringIO("event_id_cnty,event_date,event_type,latitude,longitude\\n"))
    True
    """
    import sys

    source = sys.stdin if stream is None else stream
    raw = getattr(source, "buffer", None)
    data = raw.read() if raw is not None else source.read().encode("utf-8")
    hold_input(STDIN_PATH, data)
    return is_event_table(STDIN_PATH)


def _starts_json(head: str) -> bool:
    return head.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


_GEOJSON = re.compile(r'"type"\s*:\s*"(FeatureCollection|Feature)"')


def _is_geojson(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")
    return start.startswith("{") and _GEOJSON.search(start[:4096]) is not None


def _first_record_keys(head: str) -> list[str] | None:
    """Keys of the first record of a JSON text (array, API page or JSON Lines)."""
    decoder = json.JSONDecoder()
    text = head.lstrip("\ufeff \t\r\n")
    try:
        if text.startswith("["):
            inner = text[1:].lstrip()
            record, _ = decoder.raw_decode(inner)
            return list(record) if isinstance(record, dict) else None
        first_line = text.split("\n", 1)[0]
        try:
            record = json.loads(first_line)
        except ValueError:
            record = None
        if isinstance(record, dict) and not _records_key(record):
            return list(record)
        for key in _RECORD_KEYS:
            m = re.search(r'"' + key + r'"\s*:\s*\[\s*', text)
            if m is not None:
                record, _ = decoder.raw_decode(text[m.end() :])
                return list(record) if isinstance(record, dict) else None
    except (ValueError, RecursionError):
        return None
    return None


def _header_columns(head: str) -> list[str]:
    """Column names of a CSV text's header (after a ``sep=`` line, if any)."""
    text = "\n".join(head.split("\n", 2)[:2]) + "\n"
    table = csv_rows("<head>", text, [])
    return [] if table is None else table[0]


# --------------------------------------------------------------------------- reading


@dataclass
class _Raw:
    """A table as read: values (strings for CSV), the row number of each, file notes."""

    frame: pd.DataFrame
    rows: np.ndarray[Any, np.dtype[np.int64]]
    problems: list[Problem] = field(default_factory=list)
    from_csv: bool = True


def read_events(
    path: str | os.PathLike[str],
    *,
    problems: list[Problem] | None = None,
    dayfirst: bool | None = None,
) -> gpd.GeoDataFrame:
    """Read an event table: an ACLED export, UCDP GED (CSV or JSON), or a file written by geo.

    Parameters
    ----------
    path : path
        ``.csv``/``.tsv`` (ACLED, UCDP GED or geo's own columns), ``.json``/``.jsonl``
        (UCDP GED from the API, an array of records or JSON Lines), ``.geojson``, ``.gpkg``
        or ``.parquet``; :data:`STDIN_PATH` after :func:`hold_stdin`.
    problems : list of Problem, optional
        Receives rows that were skipped (bad coordinates, dates, broken lines) and repairs
        (encoding, dates read one way); they are reported as
        :class:`~geo.io.documents.InputWarning` warnings otherwise.
    dayfirst : bool, optional
        How to read numeric dates that can be read both ways (``05/02/2014``) in a column
        where no value decides: day first (True) or month first (False). None: the
        :func:`date_order` in effect, else day first, with a warning.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`EVENT_COLUMNS`, then every other column of the input (known ACLED and UCDP
        names in lower case, old ACLED names under their current ones; ACLED's event type
        before mapping in ``original_event_type``/``original_sub_event_type``; UCDP's sides
        also as ``actor1``/``actor2``; ``dataset``: "ACLED" or "UCDP GED"), and point
        geometries, EPSG:4326.

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
    ...     "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,"
    ...     "latitude,longitude,fatalities\\n"
    ...     "AZE1,04 October 2020,Explosions/Remote violence,Shelling/artillery/missile attack,"
    ...     "Military Forces of Armenia,Azerbaijan,Ganja,40.6828,46.3606,1\\n")
    >>> ev = read_events(p)
    >>> ev.loc[0, "event_id"], ev.loc[0, "country_code"], int(ev.loc[0, "fatalities"])
    ('AZE1', 'AZ', 1)
    >>> ev.loc[0, "event_date"].date().isoformat(), ev.loc[0, "actor1"]
    ('2020-10-04', 'Military Forces of Armenia')
    """
    text_path = os.fspath(path)
    held = is_held(text_path)
    label = "<stdin>" if held and text_path == STDIN_PATH else display_path(text_path)
    p = Path(text_path)
    if not held and not p.is_file() and not _is_fifo(p):
        what = "not a regular file (a folder or device)" if p.exists() else "no such file"
        raise InputError(f"{label}: {what}; give an ACLED or UCDP GED table, or a geo output")
    raw, kind = _read_raw(p, label, held)
    found = list(raw.problems)
    order = dayfirst if dayfirst is not None else _DAYFIRST.get()
    frame = _events(kind, raw, label, found, order)
    found.sort(key=lambda q: -1 if q.row is None else q.row)
    for problem in found:
        if problems is not None:
            problems.append(problem)
        else:
            warnings.warn(str(problem), InputWarning, stacklevel=2)
    return frame


def iter_events(
    path: str | os.PathLike[str],
    *,
    problems: list[Problem] | None = None,
    dayfirst: bool | None = None,
    chunk_rows: int | None = None,
) -> Iterator[gpd.GeoDataFrame]:
    """Read an event table in frames of at most ``chunk_rows`` rows.

    A CSV table of at least :data:`geo.config.STREAM_FILE_BYTES` in UTF-8 is read row by
    row, so memory holds one chunk whatever the table's size; other tables (smaller, JSON,
    GeoJSON, GeoPackage, GeoParquet, standard input, other encodings) are read whole by
    :func:`read_events` and come as one frame. The rows, values and problems are those of
    :func:`read_events`: the order of numeric dates (day or month first) is decided on the
    whole date column in a first pass, as :func:`parse_table_dates` decides it, and each
    problem is reported once, with its line. Columns whose values are all whole numbers are
    integers in a chunk where they are (a column may be text in one chunk and integers in
    another).

    Parameters
    ----------
    path, problems, dayfirst
        As in :func:`read_events`.
    chunk_rows : int, optional
        Most rows of a frame; default :data:`geo.config.TABLE_CHUNK_ROWS`.

    Yields
    ------
    geopandas.GeoDataFrame
        As :func:`read_events` returns, in the table's order.

    Raises
    ------
    InputError
        As :func:`read_events`, when the first frame is asked for.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ged.csv"
    >>> _ = p.write_text("id,date_start,type_of_violence,side_a,side_b,latitude,longitude,"
    ...                  "best,country\\n1,2020-10-04,1,A,B,40.68,46.36,2,Azerbaijan\\n")
    >>> [len(f) for f in iter_events(p)]
    [1]
    """
    if chunk_rows is None:
        chunk_rows = config.TABLE_CHUNK_ROWS
    if chunk_rows < 1:
        raise InputError(f"chunk_rows must be at least 1, not {chunk_rows}")
    text_path = os.fspath(path)
    suffix = Path(text_path).suffix.lower()
    csv_like = suffix not in _VECTOR_SUFFIXES | _JSON_SUFFIXES
    if not (csv_like and streamable(text_path) and not _is_geojson(peek_text(text_path))):
        yield read_events(text_path, problems=problems, dayfirst=dayfirst)
        return
    yield from _csv_chunks(text_path, problems=problems, dayfirst=dayfirst, size=chunk_rows)


def _csv_chunks(
    path: str, *, problems: list[Problem] | None, dayfirst: bool | None, size: int
) -> Iterator[gpd.GeoDataFrame]:
    """:func:`iter_events` of a large UTF-8 CSV table: a first pass reads the header and
    the date column, the second the rows, ``size`` at a time."""
    import pandas as pd

    label = display_path(path)
    table = csv_file_rows(path, label, [])  # its problems are reported by the second pass
    if table is None:
        read_events(path, problems=problems, dayfirst=dayfirst)  # raises what is wrong
        return
    header, rows = table
    kind = _kind_of(header, label)
    columns = _canonical(header, kind)
    date_column = "date_start" if kind == "ucdp" else "event_date"
    at = columns.index(date_column) if date_column in columns else None
    given = dayfirst if dayfirst is not None else _DAYFIRST.get()
    seen: dict[str, None] = {}  # the distinct dates, in the file's order
    if at is not None:
        width = len(header)
        seen = dict.fromkeys(v[at] for _, v in rows if len(v) == width)
    decided = parse_table_dates(list(seen), dayfirst=given, column=date_column)
    notes = [Problem(label, note, "warning") for note in decided.notes]
    _report(notes, problems)

    found: list[Problem] = []
    table = csv_file_rows(path, label, found)
    if table is None:  # the file changed between the passes
        raise InputError(f"{label}: cannot read the event table a second time")
    _, rows = table
    batch: list[tuple[int, list[str]]] = []

    def frame_of(batch: list[tuple[int, list[str]]]) -> gpd.GeoDataFrame:
        values = pd.DataFrame([v for _, v in batch], columns=range(len(header)), dtype=object)
        values.columns = pd.Index(columns, dtype=object)
        numbers = np.asarray([line for line, _ in batch], dtype=np.int64)
        chunk_found = [*found]
        found.clear()
        raw = _Raw(values, numbers)
        frame = _events(kind, raw, label, chunk_found, given, order=decided.dayfirst)
        chunk_found.sort(key=lambda q: -1 if q.row is None else q.row)
        _report(chunk_found, problems)
        return frame

    emitted = False
    for item in rows:
        batch.append(item)
        if len(batch) >= size:
            yield frame_of(batch)
            batch, emitted = [], True
    if batch or not emitted:
        yield frame_of(batch)


def _report(found: list[Problem], problems: list[Problem] | None) -> None:
    for problem in found:
        if problems is not None:
            problems.append(problem)
        else:
            warnings.warn(str(problem), InputWarning, stacklevel=3)


def _is_fifo(p: Path) -> bool:
    import stat

    try:
        return stat.S_ISFIFO(p.stat().st_mode)
    except OSError:
        return False


def _read_raw(p: Path, label: str, held: bool) -> tuple[_Raw, str]:
    """The table's values and its kind; InputError when it is no event table."""
    suffix = "" if held else p.suffix.lower()
    notes: list[Problem] = []
    if suffix in _VECTOR_SUFFIXES:
        raw = _vector_raw(p, label, notes)
    else:
        read: list[Problem] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)  # reported with the others
            text = read_text(p, read)
        errors = [q for q in read if q.level == "error"]
        if text is None or errors:
            reason = errors[0].message if errors else "unreadable"
            raise InputError(f"{label}: cannot read the event table: {reason}")
        notes.extend(read)
        if _is_geojson(text[:65536]):
            raw = _vector_raw(io.BytesIO(text.encode("utf-8")), label, notes)
        elif suffix in _JSON_SUFFIXES or (suffix not in _CSV_SUFFIXES and _starts_json(text)):
            raw = _json_raw(text, label, notes)
        else:
            raw = _csv_raw(text, label, notes)
    columns = [str(c) for c in raw.frame.columns]
    kind = _kind_of(columns, label)
    raw.frame.columns = _canonical(columns, kind)
    return raw, kind


def _kind_of(columns: Sequence[str], label: str) -> str:
    """:func:`table_kind` of a table's columns; InputError naming what is missing."""
    kind = table_kind(columns)
    if kind is None:
        have = {_bare(c).lower() for c in columns}
        missing_acled = [c for c in _ACLED_REQUIRED if c not in have]
        missing_ucdp = [c for c in _UCDP_REQUIRED if c not in have]
        raise InputError(
            f"{label}: not an event table: ACLED columns missing: "
            f"{', '.join(missing_acled)}; "
            f"UCDP GED columns missing: {', '.join(missing_ucdp)} "
            f"(found: {', '.join(columns[:20])})"
        )
    return kind


def _canonical(columns: Sequence[str], kind: str) -> list[str]:
    """Column names as geo uses them: known names in lower case (old ACLED names under the
    current ones), others as they are; empty names numbered, repeated ones suffixed."""
    known = set(EVENT_COLUMNS) | set(ACLED_COLUMNS) | set(ACLED_OLD_COLUMNS)
    known |= set(ACLED_RENAMED) | set(UCDP_COLUMNS)
    out: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(columns):
        name = _bare(raw)
        lower = name.lower()
        if lower in known:
            name = ACLED_RENAMED.get(lower, lower) if kind != "ucdp" else lower
        if not name or name.lower().startswith("unnamed:"):
            name = f"column_{i + 1}"
        if name == "geometry":
            name = "input_geometry"
        base, k = name, 2
        while name.lower() in seen:
            name, k = f"{base}_{k}", k + 1
        seen.add(name.lower())
        out.append(name)
    return out


def _csv_raw(text: str, label: str, notes: list[Problem]) -> _Raw:
    import pandas as pd

    row_problems: list[Problem] = []
    table = csv_rows(label, text, row_problems)
    if table is None:
        reason = row_problems[0].message if row_problems else "no header"
        raise InputError(f"{label}: cannot read the event table: {reason}")
    header, rows = table
    numbers: list[int] = []
    values: list[list[str]] = []
    for line, record in rows:
        numbers.append(line)
        values.append(record)
    frame = pd.DataFrame(values, columns=range(len(header)), dtype=object)
    frame.columns = pd.Index(header, dtype=object)
    return _Raw(frame, np.asarray(numbers, dtype=np.int64), [*notes, *row_problems])


def _records_key(record: dict[str, Any]) -> str | None:
    return next((k for k in _RECORD_KEYS if isinstance(record.get(k), list)), None)


def _json_raw(text: str, label: str, notes: list[Problem]) -> _Raw:
    """Records of a JSON array, an API page (``{"Result": [...]}``) or JSON Lines."""
    import pandas as pd

    problems = list(notes)
    records: list[dict[str, Any]] = []
    numbers: list[int] = []
    items: list[tuple[int, Any]]
    try:
        whole = json.loads(text)
    except RecursionError as err:
        raise InputError(f"{label}: cannot read the event table: JSON nested too deeply") from err
    except ValueError:
        whole = None
        items = []
        for lineno, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                items.append((lineno, json.loads(line)))
            except (ValueError, RecursionError) as err:
                problems.append(Problem(label, f"malformed JSON ({_short_error(err)})", row=lineno))
    else:
        if isinstance(whole, dict):
            key = _records_key(whole)
            whole = whole[key] if key is not None else [whole]
        if not isinstance(whole, list):
            raise InputError(
                f"{label}: cannot read the event table: JSON {type(whole).__name__}, not "
                "records (an array of objects, an API page with 'Result', or JSON Lines)"
            )
        items = list(enumerate(whole, start=1))
    for number, item in items:
        if not isinstance(item, dict):
            problems.append(Problem(label, "record is not a JSON object", row=number))
            continue
        records.append(item)
        numbers.append(number)
    columns: dict[str, None] = {}
    for record in records:
        columns.update(dict.fromkeys(record))
    frame = pd.DataFrame.from_records(records, columns=list(columns))
    frame = frame.astype(object).where(frame.notna(), None)
    for name in frame.columns:
        frame[name] = _plain_values(frame[name])
    return _Raw(frame, np.asarray(numbers, dtype=np.int64), problems, from_csv=False)


def _plain_values(series: pd.Series[Any]) -> pd.Series[Any]:
    """JSON values as scalars: lists and objects as JSON text; a column whose values are of
    different kinds (numbers and text) as text."""
    kinds = {type(v) for v in series if v is not None}
    if kinds <= {str} or kinds <= {int} or kinds <= {int, float} or kinds <= {bool}:
        return series
    return series.map(
        lambda v: (
            None
            if v is None
            else v
            if isinstance(v, str)
            else json.dumps(v, ensure_ascii=False)
            if isinstance(v, list | dict)
            else str(v)
        )
    )


def _vector_raw(source: Path | io.BytesIO, label: str, notes: list[Problem]) -> _Raw:
    """Values of a GeoJSON / GeoPackage / (Geo)Parquet event table; ``latitude`` and
    ``longitude`` from each row's geometry (EPSG:4326): a point as it is, another geometry
    by a point on it; rows without a geometry keep their own columns, if any."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    try:
        if isinstance(source, Path) and source.stat().st_size == 0:
            raise InputError(f"{label}: cannot read the event table: the file is empty (0 bytes)")
        if isinstance(source, Path) and source.suffix.lower() in (".parquet", ".geoparquet"):
            try:
                frame: pd.DataFrame = gpd.read_parquet(source)
            except ValueError:  # a plain (non-geo) Parquet table
                frame = pd.read_parquet(source)
        else:
            frame = gpd.read_file(source, engine="pyogrio")
    except InputError:
        raise
    except Exception as err:  # pyogrio/pyarrow raise their own error classes
        raise InputError(f"{label}: cannot read the event table ({_short_error(err)})") from err
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        gdf = frame
        if gdf.crs is None:
            notes.append(
                Problem(label, "declares no CRS; coordinates taken as EPSG:4326", "warning")
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
                    label,
                    f"{int(areas.sum())} feature(s) are {'/'.join(types)}, not points; a "
                    "point on each is used as the event location",
                    "warning",
                )
            )
            geoms = geoms.copy()
            geoms[areas] = shapely.point_on_surface(geoms[areas])
        table = pd.DataFrame(gdf.drop(columns=gdf.geometry.name)).reset_index(drop=True)
        lower = {str(c).lower(): c for c in table.columns}
        ok = ~missing
        for name, get in (("latitude", shapely.get_y), ("longitude", shapely.get_x)):
            values = pd.Series(np.nan, index=table.index, dtype=object)
            values[ok] = get(geoms[ok])
            if name in lower:  # rows without a geometry keep the table's own coordinates
                values = values.where(ok, table[lower[name]].astype(object))
                table = table.drop(columns=lower[name])
            table[name] = values.where(values.notna(), None)
    else:
        table = pd.DataFrame(frame).reset_index(drop=True)
    table.columns = pd.Index([str(c) for c in table.columns], dtype=object)
    rows = np.arange(1, len(table) + 1, dtype=np.int64)
    return _Raw(table, rows, list(notes), from_csv=False)


def _short_error(err: BaseException) -> str:
    """A third-party error as one short line (GDAL adds a hint about drivers)."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text.split("; It might help", 1)[0].rstrip(".")


# --------------------------------------------------------------------------- values


def _text_column(series: pd.Series[Any], *, export: bool, from_csv: bool) -> pd.Series[Any]:
    """A column's cells as text or None: exports trimmed, with R's ``NA`` and friends as
    None; geo's own cells exactly as written ("" only is None); the spreadsheet guard
    (a leading ``'``, see :func:`geo.io.writers.protect`) removed from CSV cells.

    Runs over plain lists: a table has hundreds of thousands of cells.
    """
    import pandas as pd

    values = series.to_numpy(dtype=object)
    cells: list[str | None]
    if from_csv:  # every cell is a str
        cells = [unprotect(v) if v[:1] == "'" else v for v in values]
    else:
        cells = [v if isinstance(v, str) else _as_text(v) for v in values]
    if export:
        trimmed = [v.strip() if v is not None else None for v in cells]
        cells = [None if v is None or v in _MISSING else v for v in trimmed]
    else:
        cells = [v or None for v in cells]
    return pd.Series(cells, dtype=object)


def _as_text(value: Any) -> str | None:
    """A cell of a JSON or vector table as text (None where missing)."""
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 2**53 else repr(value)
    return str(value)


_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")


def _numbers(text: pd.Series[Any]) -> pd.Series[Any]:
    """Numbers of text cells (``40.68`` or, in European exports, ``40,68``); NaN otherwise."""
    import pandas as pd

    cells = [
        v.replace(",", ".") if isinstance(v, str) and "," in v and _DECIMAL_COMMA.match(v) else v
        for v in text.to_numpy(dtype=object)
    ]
    numbers = pd.to_numeric(pd.Series(cells, dtype=object), errors="coerce")
    return pd.Series(numbers, dtype="float64")


def _clip(text: object, limit: int = 80) -> str:
    """A value for a message, cut to ``limit`` characters."""
    value = "" if text is None else str(text)
    return value if len(value) <= limit else f"{value[: limit - 1]}\u2026"


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class TableDates:
    """Dates read from a column: ``days`` (datetime64, NaT where empty or unreadable),
    ``bad`` (which rows hold a value that is not a date geo can use, with the reason) and
    ``notes`` (how an ambiguous column was read)."""

    days: pd.Series[Any]
    bad: dict[int, str]
    notes: list[str]
    dayfirst: bool | None


_ISO_DAY = re.compile(r"^\s*([-+]?\d{4,})-(\d{1,2})-(\d{1,2})(?:$|[T\s].*$)")
_NUMERIC_DAY = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})(?:$|[T\s,].*$)")


def parse_table_dates(
    values: Iterable[Any],
    *,
    dayfirst: bool | None = None,
    column: str = "event_date",
    decided: bool | None = None,
) -> TableDates:
    """Read a column of dates as real exports write them.

    ISO dates (``2020-10-04``, with or without a time) are read as such; numeric dates
    (``14/08/2020 00:00:00``, ``1/22/2014 12:00:00 AM``, ``05.02.2014``) day first or month
    first as the column shows (a value whose first number is above 12 is day first, whose
    second is, month first), else as ``dayfirst`` says (None: day first, with a note);
    other forms (``28 December 2022``, ``01-January-2015``, ``9-May-20``) with
    :func:`pandas.to_datetime` (``format="mixed"``). Times are dropped. ``decided``: the
    order the whole column was read in (``TableDates.dayfirst`` of a first pass over it),
    for a chunk of the column; it replaces what the chunk alone would say.

    Examples
    --------
    >>> got = parse_table_dates(["1/22/2014 12:00:00 AM", "05/02/2014 00:00", "9-May-20",
    ...                          "28 December 2022", "2020-10-04", "", "soon"])
    >>> [d.date().isoformat() if d == d else None for d in got.days]
    ['2014-01-22', '2014-05-02', '2020-05-09', '2022-12-28', '2020-10-04', None, None]
    >>> got.bad
    {6: "event_date 'soon' is not a date (write it as YYYY-MM-DD)"}
    """
    import pandas as pd

    if dayfirst is None:
        dayfirst = _DAYFIRST.get()
    given = list(values.to_numpy(dtype=object) if isinstance(values, pd.Series) else values)
    cells = [v.strip() if isinstance(v, str) else _as_text(v) for v in given]
    text = [v or None for v in cells]
    uniq = list(dict.fromkeys(v for v in text if v is not None))
    notes: list[str] = []
    numeric = {v: m for v in uniq if (m := _NUMERIC_DAY.match(v)) is not None}
    order = dayfirst
    if numeric and dayfirst is None and decided is not None:
        order = decided  # decided on the whole column (a chunk of it is read here)
    elif numeric:
        first_big = [v for v, m in numeric.items() if int(m.group(1)) > 12]
        second_big = [v for v, m in numeric.items() if int(m.group(3)) > 12]
        if dayfirst is None:
            if first_big and second_big:
                order = len(first_big) >= len(second_big)
                notes.append(
                    f"{column} mixes day-first dates ({first_big[0]!r}) and month-first "
                    f"dates ({second_big[0]!r}); each is read the only way it can be, and "
                    f"the others {'day' if order else 'month'} first (the more common "
                    "order here); say which with --dayfirst or --monthfirst"
                )
            elif second_big:
                order = False
            elif first_big:
                order = True
            else:
                order = True
                notes.append(
                    f"{column}: dates such as {next(iter(numeric))!r} can be read day first "
                    "or month first and no value decides; read day first (say --monthfirst "
                    "if the file was written month first)"
                )
    parsed: dict[str, dt.date | str] = {}
    rest: list[str] = []
    for value in uniq:
        iso = _ISO_DAY.match(value)
        m = numeric.get(value)
        if value.isdigit():  # 20201004; a bare number is no date (dateutil takes "12")
            parsed[value] = (
                _make_date(value[:4], value[4:6], value[6:]) if len(value) == 8 else value
            )
        elif iso is not None:
            parsed[value] = _make_date(iso.group(1), iso.group(2), iso.group(3))
        elif m is not None:
            a, b, year = int(m.group(1)), int(m.group(3)), _full_year(m.group(4))
            first = order if dayfirst is None and not (a > 12 and b > 12) else dayfirst
            if dayfirst is None and (a > 12) != (b > 12):
                first = a > 12  # the only way it can be read
            day, month = (a, b) if first in (True, None) else (b, a)
            parsed[value] = _make_date(str(year), str(month), str(day))
        else:
            rest.append(value)
    if rest:
        cells_left = pd.Series(rest, dtype=object)
        # the forms of ACLED's exports first (vectorised), anything else value by value
        got = pd.Series(pd.NaT, index=cells_left.index, dtype="datetime64[ns]")
        for form in _TABLE_DATE_FORMS:
            todo = got.isna()
            if not todo.any():
                break
            _assign_dates(got, todo, pd.to_datetime(cells_left[todo], errors="coerce", format=form))
        todo = got.isna()
        if todo.any():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # pandas' "could not infer format" notes
                found = pd.to_datetime(
                    cells_left[todo],
                    errors="coerce",
                    format="mixed",
                    dayfirst=bool(order) if order is not None else True,
                )
            _assign_dates(got, todo, found)
        for value, stamp in zip(rest, got, strict=True):
            if pd.isna(stamp):
                parsed[value] = _far_date(value)
            elif _FOUR_DIGITS.search(value) is None:  # "9-May-20": a two-digit year
                parsed[value] = stamp.date().replace(year=_past_century(stamp.year))
            else:
                parsed[value] = stamp.date()
    bad: dict[int, str] = {}
    days = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[ns]")
    early, late = config.EARLIEST_DATE, config.LATEST_DATE
    for i, cell in enumerate(text):
        if cell is None:
            continue
        read = parsed[cell]
        if isinstance(read, str):
            bad[i] = f"{column} {_clip(cell)!r} is not a date (write it as YYYY-MM-DD)"
        elif not early <= read <= late:
            bad[i] = (
                f"{column} {_clip(cell)!r} is outside the dates geo handles "
                f"({early} to {late}); fix the date"
            )
        else:
            days[i] = np.datetime64(read, "D")
    return TableDates(pd.Series(days), bad, notes, order)


def _make_date(year: str, month: str, day: str) -> dt.date | str:
    try:
        return dt.date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        return "not a date"


def _full_year(text: str) -> int:
    """A year written with 2 digits: the latest century that puts it no later than next
    year (events have happened: ``20`` is 2020, ``75`` 1975); 4 digits as they are."""
    return int(text) if len(text) == 4 else _past_century(int(text))


def _past_century(year: int) -> int:
    """A year read from two digits put in the latest century not after next year."""
    latest = dt.date.today().year + 1
    year = latest // 100 * 100 + year % 100
    return year - 100 if year > latest else year


_FOUR_DIGITS = re.compile(r"\d{4}")

#: Date forms of ACLED exports read first, in one pass each: "28 December 2022" (since
#: 2019), "01-January-2015" (before), "9-May-20" (re-saved by Excel).
_TABLE_DATE_FORMS: Final = ("%d %B %Y", "%d-%B-%Y", "%d-%b-%y", "%d %b %Y")


def _far_date(value: str) -> dt.date | str:
    """A date pandas cannot hold (year 1, 9999) read with dateutil, to say so by name."""
    from dateutil import parser  # type: ignore[import-untyped]

    try:
        found: dt.date = parser.parse(value).date()
    except (ValueError, OverflowError, parser.ParserError):
        return "not a date"
    return found


# --------------------------------------------------------------------------- events


def _events(
    kind: str,
    raw: _Raw,
    label: str,
    found: list[Problem],
    dayfirst: bool | None,
    *,
    order: bool | None = None,
) -> gpd.GeoDataFrame:
    """The event frame of a table (rows that cannot be used left out, in ``found``);
    ``order``: the date order decided on the whole column, for a chunk of it."""
    import pandas as pd

    frame = raw.frame.reset_index(drop=True)
    export = kind != "own"
    n = len(frame)

    texts: dict[str, pd.Series[Any]] = {}

    def text(name: str) -> pd.Series[Any]:
        if name not in texts:
            texts[name] = (
                _text_column(frame[name], export=export, from_csv=raw.from_csv)
                if name in frame.columns
                else pd.Series([None] * n, dtype=object)
            )
        return texts[name]

    errors: dict[int, str] = {}
    warned: dict[int, list[str]] = {}

    raw_lat, raw_lon = text("latitude"), text("longitude")
    lat, lon = _numbers(raw_lat), _numbers(raw_lon)
    empty = raw_lat.isna() & raw_lon.isna()
    not_numbers = ~empty & (lat.isna() | lon.isna())
    in_range = lat.between(-90, 90) & lon.between(-180, 180)
    out_of_range = ~empty & ~not_numbers & ~in_range
    for i in _where(not_numbers.to_numpy()):
        errors[i] = (
            f"latitude/longitude {_clip(raw_lat[i])!r}, {_clip(raw_lon[i])!r} are not "
            "numbers; fix or empty them"
        )
    for i in _where(out_of_range.to_numpy()):
        errors[i] = (
            f"latitude/longitude {_clip(raw_lat[i])}, {_clip(raw_lon[i])} out of range "
            "(latitude -90 to 90, longitude -180 to 180; swapped, or not in degrees?)"
        )
    lat = lat.where(~empty & in_range)
    lon = lon.where(~empty & in_range)

    # dates
    date_column = "date_start" if kind == "ucdp" else "event_date"
    dates = parse_table_dates(
        text(date_column), dayfirst=dayfirst, column=date_column, decided=order
    )
    found.extend(Problem(label, note, "warning") for note in dates.notes)
    for i, reason in dates.bad.items():
        errors.setdefault(i, reason)
    if export:
        for i in _where((text(date_column).isna() & ~_mask(n, errors)).to_numpy()):
            warned.setdefault(i, []).append(f"no {date_column}; the event is undated")

    for i in _where(empty.to_numpy()):
        if i in errors:
            continue
        place = text("location")[i] or (text("where_coordinates")[i] if kind == "ucdp" else None)
        warned.setdefault(i, []).append(
            "no latitude/longitude; "
            + (f"to be placed by its location {place!r}" if place else "it cannot be mapped")
        )

    columns: dict[str, Any] = {"latitude": lat, "longitude": lon, "event_date": dates.days}
    if kind == "ucdp":
        _ucdp_columns(columns, text, warned)
    else:
        _acled_columns(columns, text, warned, kind)
    columns["country_code"] = _codes(columns["country"], text("country_code"))

    # the other columns of the input, as they are; then those geo adds
    extra = pd.DataFrame(index=range(n))
    derived = _UCDP_DERIVED if kind == "ucdp" else frozenset()
    for name in frame.columns:
        if name in EVENT_COLUMNS and name not in derived:
            continue
        target = f"input_{name}" if name in derived else name
        extra[target] = _typed_extra(name, text(name) if raw.from_csv else frame[name], raw)
    for name, values in columns.pop("_added", {}).items():
        if name in EVENT_COLUMNS:
            columns.setdefault(name, values)  # UCDP sides as actor1/actor2
        elif name not in extra.columns:
            extra[name] = values
    for name in EVENT_COLUMNS:
        # event columns the table has under their own name (ACLED's actor1, inter1...)
        if name not in columns and name in frame.columns and name not in derived:
            columns[name] = _typed_extra(name, text(name) if raw.from_csv else frame[name], raw)
    dataset = {"acled": DATASET_ACLED, "ucdp": DATASET_UCDP}.get(kind)
    if dataset is not None and "dataset" not in extra.columns:
        extra["dataset"] = pd.Series([dataset] * n, dtype=object)

    for i, messages in warned.items():
        if i not in errors:
            found.extend(Problem(label, m, "warning", row=int(raw.rows[i])) for m in messages)
    found.extend(Problem(label, reason, row=int(raw.rows[i])) for i, reason in errors.items())
    keep = ~_mask(n, errors).to_numpy()
    kept = {name: _take(values, keep) for name, values in columns.items()}
    return frame_from_columns(kept, extra=extra[keep].reset_index(drop=True))


def _assign_dates(got: pd.Series[Any], todo: pd.Series[Any], found: pd.Series[Any]) -> None:
    """Put parsed dates into a nanosecond series; one pandas cannot hold in nanoseconds
    (the year 1000) stays NaT here and is reported as a date geo cannot hold."""
    import pandas as pd

    try:
        got[todo] = found
    except (OverflowError, pd.errors.OutOfBoundsDatetime):
        for index, stamp in found.items():
            with contextlib.suppress(OverflowError, pd.errors.OutOfBoundsDatetime):
                got[index] = stamp


def _where(mask: Any) -> list[int]:
    """Positions where a boolean mask (array or Series) is true, as ints."""
    return [int(i) for i in np.flatnonzero(np.asarray(mask))]


def _mask(n: int, rows: dict[int, Any]) -> pd.Series[Any]:
    import pandas as pd

    mask = np.zeros(n, dtype=bool)
    if rows:
        mask[list(rows)] = True
    return pd.Series(mask)


def _take(values: Any, keep: np.ndarray[Any, np.dtype[np.bool_]]) -> Any:
    import pandas as pd

    if isinstance(values, pd.Series):
        return values[keep].reset_index(drop=True)
    return np.asarray(values, dtype=object)[keep]


def _typed_extra(name: str, values: pd.Series[Any], raw: _Raw) -> pd.Series[Any]:
    """Another column of the input: text as read (None where empty), whole numbers of known
    count and code columns as integers when every value is one."""
    import pandas as pd

    lower = name.lower()
    if not raw.from_csv:
        values = values.reset_index(drop=True)
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            values = values.astype(object).where(values.notna(), None)
        return values
    if lower in INTEGER_COLUMNS:
        numbers = pd.to_numeric(values, errors="coerce")
        given = values.notna()
        whole = numbers.notna() & (numbers == np.floor(numbers)) & (numbers.abs() < 2**53)
        if given.any() and bool((whole | ~given).all()):
            return numbers.astype("Int64").reset_index(drop=True)
    if lower in FLOAT_COLUMNS:
        numbers = pd.to_numeric(values, errors="coerce")
        if bool((numbers.notna() | values.isna()).all()):
            return numbers.astype("float64").reset_index(drop=True)
    return values.reset_index(drop=True)


def _whole_numbers(text: pd.Series[Any]) -> pd.Series[Any]:
    """Whole numbers of text cells (``3``, ``3.0``; NA where not a number)."""
    import pandas as pd

    numbers = _numbers(text)
    ok = numbers.notna() & np.isfinite(numbers) & (numbers.abs() < 2**63)
    return pd.Series(
        [int(v) if k else None for v, k in zip(numbers, ok, strict=True)], dtype=object
    )


def _counts(text: pd.Series[Any], column: str, warned: dict[int, list[str]]) -> pd.Series[Any]:
    """A count of people (fatalities...): empty stays empty; a value that is not a count is
    left empty with a warning naming it."""
    numbers = _numbers(text)
    limit = config.MAX_PEOPLE_COUNT
    given = text.notna()
    ok = numbers.notna() & (numbers >= 0) & (numbers <= limit)
    for i in _where((given & ~ok).to_numpy()):
        warned.setdefault(i, []).append(
            f"{column} {_clip(text[i])!r} is not a count of people (0 to {limit:,}); left empty"
        )
    return numbers.where(ok).map(lambda v: None if v != v else int(v))


def _acled_columns(
    columns: dict[str, Any],
    text: Any,
    warned: dict[int, list[str]],
    kind: str,
) -> None:
    """Event columns of an ACLED export (or a geo output)."""
    id_column = "event_id" if kind == "own" else "event_id_cnty"
    columns["event_id"] = text(id_column)
    for name in ("location", "mention", "country", "admin1", "notes", "source"):
        columns[name] = text(name)
    for name in ("language", "gazetteer_id"):
        columns[name] = text(name)
    for name in ("time_precision", "geo_precision", "char_start", "char_end"):
        columns[name] = _whole_numbers(text(name))
    columns["fatalities"] = _counts(text("fatalities"), "fatalities", warned)
    columns["injured"] = _counts(text("injured"), "injured", warned)
    event_type, sub_event_type = text("event_type"), text("sub_event_type")
    if kind == "own":
        columns["event_type"], columns["sub_event_type"] = event_type, sub_event_type
        return
    mapped = _acled_taxonomy(event_type, sub_event_type, text("inter1"), text("actor1"))
    columns["event_type"], columns["sub_event_type"] = mapped
    added: dict[str, Any] = {}
    changed = (mapped[0].fillna("") != event_type.fillna("")) | (
        mapped[1].fillna("") != sub_event_type.fillna("")
    )
    if bool(changed.any()):
        added["original_event_type"] = event_type
        added["original_sub_event_type"] = sub_event_type
    columns["_added"] = added


def _acled_taxonomy(
    event_type: pd.Series[Any],
    sub_event_type: pd.Series[Any],
    inter1: pd.Series[Any],
    actor1: pd.Series[Any],
) -> tuple[pd.Series[Any], pd.Series[Any]]:
    """ACLED event and sub-event types of any vintage as the current taxonomy names them."""
    import pandas as pd

    current = {t.lower(): t for t in ACLED_TAXONOMY}
    subs = {s.lower(): s for values in ACLED_TAXONOMY.values() for s in values}
    keys = pd.DataFrame(
        {
            "type": event_type,
            "sub": sub_event_type,
            "inter": inter1.map(lambda v: (v or "")[:1]),
            "actor": actor1.map(lambda v: (v or "").split(" ", 1)[0].lower()),
        }
    )
    cache: dict[tuple[Any, ...], tuple[str | None, str | None]] = {}
    types: list[str | None] = []
    sub_types: list[str | None] = []
    for key in keys.itertuples(index=False, name=None):
        if key not in cache:
            cache[key] = _one_taxonomy(*key, current=current, subs=subs)
        t, s = cache[key]
        types.append(t)
        sub_types.append(s)
    return pd.Series(types, dtype=object), pd.Series(sub_types, dtype=object)


def _one_taxonomy(
    event_type: str | None,
    sub_event_type: str | None,
    inter: str,
    actor: str,
    *,
    current: dict[str, str],
    subs: dict[str, str],
) -> tuple[str | None, str | None]:
    if event_type is None:
        return None, sub_event_type
    key = re.sub(r"\s*-\s*", "-", " ".join(event_type.lower().split()))
    sub = subs.get(" ".join(sub_event_type.lower().split())) if sub_event_type else None
    sub = sub or sub_event_type
    if key in current:
        return current[key], sub
    if key == "riots/protests":
        rioters = inter == "5" or (inter != "6" and actor.startswith("rioters"))
        return ("Riots" if rioters else "Protests"), sub
    if key in ACLED_OLD_EVENT_TYPES:
        new_type, new_sub = ACLED_OLD_EVENT_TYPES[key]
        return new_type, sub or new_sub
    return event_type, sub


def _ucdp_columns(columns: dict[str, Any], text: Any, warned: dict[int, list[str]]) -> None:
    """Event columns of a UCDP GED table; its sides also as ``actor1``/``actor2``."""
    import pandas as pd

    violence = _whole_numbers(text("type_of_violence"))
    pairs = [_UCDP_VIOLENCE.get(v, ("Battles", "Armed clash")) for v in violence]
    columns["event_id"] = text("id")
    columns["event_type"] = pd.Series([p[0] for p in pairs], dtype=object)
    columns["sub_event_type"] = pd.Series([p[1] for p in pairs], dtype=object)
    columns["time_precision"] = _whole_numbers(text("date_prec")).map(
        lambda v: _UCDP_DATE_PREC.get(v, 1)
    )
    columns["geo_precision"] = _whole_numbers(text("where_prec")).map(_UCDP_WHERE_PREC.get)
    columns["location"] = text("where_coordinates").fillna(text("where_description"))
    columns["country"] = text("country")
    columns["admin1"] = text("adm_1")
    columns["fatalities"] = _counts(text("best"), "best", warned)
    columns["notes"] = text("source_headline").fillna(text("where_description"))
    columns["source"] = text("source_original").fillna(text("source_article"))
    columns["_added"] = {
        "actor1": text("side_a"),
        "actor2": text("side_b"),
        "admin2": text("adm_2"),
    }


# --------------------------------------------------------------------------- countries


def _codes(countries: pd.Series[Any], given: pd.Series[Any]) -> pd.Series[Any]:
    """ISO 3166-1 alpha-2 codes: a table's own ``country_code``, else from the country's
    name (CLDR's English names, ACLED's and UCDP's spellings); None when unknown."""
    table = _country_table()
    cache: dict[str, str | None] = {}

    def code(name: Any) -> str | None:
        if not isinstance(name, str):
            return None
        if name not in cache:
            cache[name] = table.get(_country_key(name))
        return cache[name]

    found = countries.map(code)
    return given.where(given.notna(), found).astype(object)


def _country_key(name: str) -> str:
    name = re.sub(r"\s*\(.*\)\s*$", "", name)  # UCDP: "Russia (Soviet Union)"
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = plain.replace("&", "and").replace("\u2019", "'")
    return " ".join(plain.lower().split())


_COUNTRY_TABLE: dict[str, str] = {}


def _country_table() -> dict[str, str]:
    if not _COUNTRY_TABLE:
        from babel import Locale

        for code, name in Locale("en").territories.items():
            if len(code) == 2 and code.isalpha():
                _COUNTRY_TABLE.setdefault(_country_key(name), code)
                if " - " in name:  # CLDR "Congo - Kinshasa"
                    _COUNTRY_TABLE.setdefault(_country_key(name.split(" - ")[0]), code)
        _COUNTRY_TABLE.update(_COUNTRY_ALIASES)
    return _COUNTRY_TABLE
