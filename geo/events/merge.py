"""Merging across articles: the incidents that several documents report become one event.

Five articles on one missile strike give five rows, one per article, each with its own
date, toll and place as that article tells them. :func:`link_events` finds which rows are
the same incident and gives them one ``merged_event_id``; :func:`merge_events` returns one
row per event, with the list of its sources and the tolls reconciled.

Two rows are the same incident when all of these hold:

- **different documents**: rows of one document are never merged with each other (the
  extraction already decided they are different incidents). A document is the row's
  ``doc_id`` (or ``source``). Rows with no ``char_start`` were not found in a text: they
  are rows of event tables (ACLED, UCDP), which are events already, so they are never
  merged with each other, only joined by articles' rows;
- **place**: the same gazetteer place (``gazetteer_id``) or at most
  :data:`geo.config.MERGE_MAX_KM` apart;
- **date**: at most :data:`geo.config.MERGE_MAX_DAYS` apart, where a row dated only by its
  article's date (``time_precision`` 2) may have happened on that date or up to
  :data:`geo.config.MERGE_UNDATED_DAYS` before it. A row dated to a month (precision 3) or
  not dated is never merged;
- **type**: the same ACLED sub-event type, or two sub-types of one group of
  :data:`geo.config.MERGE_COMPATIBLE_SUBTYPES` (a missile strike reported as shelling, as
  an air strike, as an attack on civilians or as the interception of part of it). Place
  mentions (``event_type`` "Mention") are never merged.

Place and date must hold between *every* two rows of a merged event, not only along a chain
(no drifting from one day to the next, or from one village to its neighbour's neighbour).
Candidate pairs come from an index by type, place (a 3-D grid of cubes
:data:`~geo.config.MERGE_MAX_KM` wide over the globe) and first day, so no pair of distant or
far-apart rows is ever looked at; the pairs are then joined fewest days apart first (then
those with a merged event given back, see below, then fewest km, then by the rows' sort
keys), as long as the joined group keeps to the rules above. The result depends on the
rows only, never on their order.

Merged events can be merged again (events of yesterday's run with today's articles): a row
that lists its sources (``sources``, ``source_event_ids``, ``source_count``, or an id
``merged-...`` whose ``source`` joins them by ``"; "``) stands for all of them, so a row of
one of those documents never joins it, and its sources and tolls add up with the new
rows'. Merging twice gives what merging once gave.

A merged event takes:

- ``event_date``: the earliest date among its sources of the best time precision (a date
  the texts state beats an article's date), and that precision;
- the place (``location``, coordinates, ``geo_precision``, ``admin1``...) of its most
  precisely placed source (lowest ``geo_precision``; one with coordinates first), with
  every other column of that source's row, but for ``notes``: the distinct notes of all
  its sources, that one's first, joined by ``" | "`` (each source's own sentence);
- the type most sources give (a tie goes to the sub-type listed first in its group);
- ``fatalities``: the highest toll a source states (tolls grow as the dead are counted; a
  vague "dozens" is never a toll); ``fatalities_low`` and ``fatalities_high`` keep the range
  of what the sources said; the same for ``injured``;
- ``source_count``, ``sources`` (distinct ``source`` values: URLs or document ids),
  ``source_event_ids`` (the rows' ``event_id``), and ``source`` as ACLED writes it: the
  sources joined by ``"; "``.

Examples
--------
>>> import pandas as pd
>>> from geo.schema import events_to_frame
>>> rows = [
...     {"event_id": f"{name}-001", "event_date": day, "time_precision": 1,
...      "event_type": "Explosions/Remote violence", "sub_event_type": sub,
...      "location": "Dnipro", "latitude": 48.45, "longitude": 34.98, "geo_precision": 1,
...      "fatalities": deaths, "source": f"{name}.txt", "char_start": 10,
...      "gazetteer_id": "gn:709930"}
...     for name, day, sub, deaths in [
...         ("en", "2023-01-14", "Shelling/artillery/missile attack", 40),
...         ("fr", "2023-01-14", "Air/drone strike", 30),
...         ("uk", "2023-01-15", "Shelling/artillery/missile attack", 45)]
... ]
>>> merged = merge_events(events_to_frame(rows))
>>> merged[["source_count", "fatalities", "fatalities_low", "fatalities_high"]].values.tolist()
[[3, 45, 30, 45]]
>>> row = merged.iloc[0]
>>> str(row["event_date"].date()), row["sub_event_type"], row["source"]
('2023-01-14', 'Shelling/artillery/missile attack', 'en.txt; fr.txt; uk.txt')
>>> link_events(events_to_frame(rows))["merged_event_id"].nunique()
1
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from geo import config
from geo.errors import InputError
from geo.schema import MENTION_TYPE
from geo.tempdirs import MERGE_DIR_PREFIX, make_temp_dir

if TYPE_CHECKING:
    import geopandas as gpd
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "MERGED_ID",
    "MERGE_COLUMNS",
    "MergeStream",
    "link_events",
    "merge_events",
]

#: Column :func:`link_events` adds to each row: the id of the event it belongs to.
MERGED_ID: Final = "merged_event_id"

#: Columns :func:`merge_events` adds to each event.
MERGE_COLUMNS: Final = (
    "source_count",
    "sources",
    "source_event_ids",
    "fatalities_low",
    "fatalities_high",
    "injured_low",
    "injured_high",
)

#: The document key of rows of event tables: all of them, so that they never merge.
_TABLE: Final = -1

#: How merged events' ids begin, and how their ``source`` joins their sources (as ACLED's).
_MERGED_PREFIX: Final = "merged-"
_SOURCE_SEPARATOR: Final = "; "

#: How a merged event's ``notes`` join its sources' notes.
_NOTES_SEPARATOR: Final = " | "

_NEIGHBOURS: Final = tuple(
    (dx, dy, dz) for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)
)

SubtypeGroups = Sequence[Sequence[tuple[str, str]]]


@dataclass(frozen=True)
class _Rows:
    """The rows in their canonical order (sorted by content, whatever the input order)."""

    order: npt.NDArray[np.intp]  # canonical position -> position in the frame
    doc: npt.NDArray[np.int64]  # document code; _TABLE for rows of event tables
    mergeable: npt.NDArray[np.bool_]
    placed: npt.NDArray[np.bool_]  # mergeable, with coordinates
    type_key: npt.NDArray[np.int64]
    lo: npt.NDArray[np.int64]  # first and last day the incident may have happened on
    hi: npt.NDArray[np.int64]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    place: npt.NDArray[np.int64]  # gazetteer id code; -1: none
    #: how many per-source ids the row stands for: 1, or the ids a merged event lists
    weight: npt.NDArray[np.int64]
    #: the documents of rows that are merged events already (their sources), and _TABLE
    more_docs: dict[int, set[int]]


def _column(frame: pd.DataFrame, name: str) -> pd.Series[Any]:
    import pandas as pd

    if name in frame.columns:
        return pd.Series(frame[name]).reset_index(drop=True)
    return pd.Series([None] * len(frame), dtype="object")


def _codes(frame: pd.DataFrame, name: str) -> tuple[npt.NDArray[np.int64], list[str]]:
    """A text column as codes in sorted order of its values (-1: missing)."""
    import pandas as pd

    series = _column(frame, name)
    missing = series.isna().to_numpy()
    texts = series.astype(object).where(~missing, None)
    try:
        codes, uniques = pd.factorize(texts, sort=True, use_na_sentinel=True)
    except TypeError:  # values of several types (numbers and text) do not sort: as text
        texts = texts.map(lambda v: None if v is None else str(v))
        codes, uniques = pd.factorize(texts, sort=True, use_na_sentinel=True)
    codes = codes.astype("int64")
    codes[missing] = -1
    return codes, [str(u) for u in uniques]


def _numbers(frame: pd.DataFrame, name: str) -> npt.NDArray[np.float64]:
    """A numeric column as floats (NaN: missing or not a finite number)."""
    import numpy as np
    import pandas as pd

    values = pd.to_numeric(_column(frame, name), errors="coerce").astype("float64")
    out: npt.NDArray[np.float64] = np.array(values.to_numpy(na_value=np.nan), dtype="float64")
    out[~np.isfinite(out)] = np.nan
    return out


def _days(frame: pd.DataFrame) -> npt.NDArray[np.int64]:
    """Days since 1970-01-01 (the smallest int64 for no date)."""
    import numpy as np
    import pandas as pd

    days = pd.to_datetime(_column(frame, "event_date"), errors="coerce")
    values = days.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    known = ~np.isnat(values)
    return np.where(known, values.astype("int64"), np.iinfo(np.int64).min)


def _type_codes(
    etype: npt.NDArray[np.int64],
    etypes: list[str],
    subtype: npt.NDArray[np.int64],
    subtypes: list[str],
    groups: SubtypeGroups,
) -> npt.NDArray[np.int64]:
    """One code per type that may merge: a group of compatible sub-types, or one sub-type."""
    import numpy as np

    grouped: dict[tuple[str, str], int] = {}
    for g, group in enumerate(groups):
        for pair in group:
            grouped.setdefault((pair[0], pair[1]), g)
    # a pair not in a group gets a code of its own, after the groups' codes
    pairs, inverse = np.unique(np.column_stack([etype, subtype]), axis=0, return_inverse=True)
    codes = []
    for k, (e, s) in enumerate(pairs.tolist()):
        name = (etypes[e] if e >= 0 else "", subtypes[s] if s >= 0 else "")
        found = grouped.get(name)
        codes.append(len(groups) + k if found is None else found)
    return np.asarray(codes, dtype="int64")[inverse.reshape(-1)]


class _Interned:
    """The values of a column, each given an id the first time it comes (in any frame), so
    that rows hold a number; :meth:`codes` turns the ids into the codes :func:`_codes`
    gives over all the rows at once."""

    def __init__(self) -> None:
        self.ids: dict[Any, int] = {}
        self.values: list[Any] = []

    def add(self, frame: pd.DataFrame, name: str) -> npt.NDArray[np.int32]:
        import numpy as np
        import pandas as pd

        series = _column(frame, name)
        missing = series.isna().to_numpy()
        local, uniques = pd.factorize(series.astype(object).where(~missing, None))
        ids = np.empty(len(uniques) + 1, dtype=np.int64)
        ids[-1] = -1  # factorize's -1 (missing) indexes the last
        for k, value in enumerate(uniques.tolist()):
            found = self.ids.get(value)
            if found is None:
                found = self.ids[value] = len(self.values)
                self.values.append(value)
            ids[k] = found
        out: npt.NDArray[np.int32] = ids.astype(np.int32)[local]
        out[missing] = -1
        return out

    def codes(self) -> tuple[npt.NDArray[np.int64], list[str]]:
        """Code of each id (append -1 for -1), and the names of the codes."""
        import numpy as np
        import pandas as pd

        codes, names = _codes(pd.DataFrame({"v": pd.Series(self.values, dtype=object)}), "v")
        return np.append(codes, -1), names


@dataclass
class _FrameKeys:
    """What the merge keeps of the rows of one frame (numbers only, a few bytes a row)."""

    doc_id: npt.NDArray[np.int32]  # interned ids (-1: missing)
    source: npt.NDArray[np.int32]
    etype: npt.NDArray[np.int32]
    subtype: npt.NDArray[np.int32]
    place: npt.NDArray[np.int32]
    day: npt.NDArray[np.int64]
    precision: npt.NDArray[np.float64]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    from_text: npt.NDArray[np.bool_] | None  # None: the frame has no char_start column
    rank: npt.NDArray[np.int32]  # the row's place in the frame's canonical order
    weight: npt.NDArray[np.int32]
    more: dict[int, list[str]]  # row -> the documents a merged event given back lists
    plain: bool  # event_id, location and notes hold text only


class _Keys:
    """The keys of the frames of a run, and the ids of their values."""

    def __init__(self) -> None:
        self.frames: list[_FrameKeys] = []
        self.columns: dict[str, None] = {}
        self.interned = {
            name: _Interned()
            for name in ("doc_id", "source", "event_type", "sub_event_type", "gazetteer_id")
        }

    def add(self, frame: pd.DataFrame) -> None:
        import numpy as np

        self.columns.update(dict.fromkeys(frame.columns))
        n = len(frame)
        interned = {name: table.add(frame, name) for name, table in self.interned.items()}
        if "doc_id" not in frame.columns:
            interned["doc_id"] = np.full(n, -1, dtype=np.int32)
        day = _days(frame)
        lat, lon = _numbers(frame, "latitude"), _numbers(frame, "longitude")
        precision = _numbers(frame, "time_precision")
        precision = np.where(np.isnan(precision), 1.0, precision)  # no precision: a day
        rank = _frame_rank(frame, day=day, lat=lat, lon=lon)
        from_text = (
            _column(frame, "char_start").notna().to_numpy()
            if "char_start" in frame.columns
            else None
        )
        listed_ids = _lists(frame, "source_event_ids")
        weight = np.asarray([max(1, len(listed)) for listed in listed_ids], dtype=np.int32)
        more: dict[int, list[str]] = {}
        if from_text is None or not from_text.all():
            listed_sources = _lists(frame, "sources")
            event_ids = _column(frame, "event_id").astype(object).tolist()
            sources = _column(frame, "source").astype(object).tolist()
            for i in range(n) if from_text is None else np.flatnonzero(~from_text).tolist():
                names = listed_sources[i]
                v = event_ids[i]
                if not names and isinstance(v, str) and v.startswith(_MERGED_PREFIX):
                    names = str(sources[i]).split(_SOURCE_SEPARATOR)
                if names:
                    more[i] = names
        plain = all(
            _column(frame, name).dropna().map(type).eq(str).all()
            for name in ("event_id", "location", "notes")
        )
        self.frames.append(
            _FrameKeys(
                doc_id=interned["doc_id"],
                source=interned["source"],
                etype=interned["event_type"],
                subtype=interned["sub_event_type"],
                place=interned["gazetteer_id"],
                day=day,
                precision=precision,
                lat=lat,
                lon=lon,
                from_text=from_text,
                rank=rank,
                weight=weight,
                more=more,
                plain=plain,
            )
        )

    def rows(
        self,
        *,
        undated_days: int,
        groups: SubtypeGroups,
        fetch: Callable[[list[int]], pd.DataFrame],
    ) -> _Rows:
        """The rows of all the frames, as :func:`_rows` gives them for the frames end to
        end; ``fetch`` gives whole rows by position, for the few whose order the keys alone
        cannot tell (a document whose rows are in several frames)."""
        import numpy as np

        frames, self.frames = self.frames, []
        n = sum(len(f.day) for f in frames)

        def joined(name: str) -> Any:
            parts = [getattr(f, name) for f in frames]
            return parts[0] if len(parts) == 1 else np.concatenate(parts)

        doc_name = "doc_id" if "doc_id" in self.columns else "source"
        fields = {
            "doc_id": "doc_id",
            "source": "source",
            "event_type": "etype",
            "sub_event_type": "subtype",
            "gazetteer_id": "place",
        }

        def coded(name: str) -> tuple[npt.NDArray[np.int64], list[str]]:
            code_of, names = self.interned[name].codes()
            return code_of[joined(fields[name])], names  # id -1 takes the appended -1

        doc, doc_names = coded(doc_name)
        etype, etypes = coded("event_type")
        subtype, subtypes = coded("sub_event_type")
        place, _ = coded("gazetteer_id")
        day, precision = joined("day"), joined("precision")
        lat, lon, weight = joined("lat"), joined("lon"), joined("weight")
        lengths = [len(f.day) for f in frames]
        starts = np.cumsum([0, *lengths])[:-1]
        has_char = "char_start" in self.columns
        from_text = np.concatenate(
            [
                np.full(len(f.day), not has_char) if f.from_text is None else f.from_text
                for f in frames
            ]
            or [np.ones(0, dtype=bool)]
        )
        # the canonical order: by document, then by the rest, which the rank within its
        # frame tells for the rows of a document that are all in one frame; the others are
        # read back and ordered among themselves
        second = joined("rank") + np.repeat(starts, lengths)
        plain = all(f.plain for f in frames)
        mores = [f.more for f in frames]
        frames.clear()  # every key is joined: let the frames' go
        if plain:
            frame_of = np.repeat(np.arange(len(lengths)), lengths)
            first_frame = np.full(len(doc_names) + 1, len(lengths), dtype=np.int64)
            last_frame = np.full(len(doc_names) + 1, -1, dtype=np.int64)
            np.minimum.at(first_frame, doc + 1, frame_of)
            np.maximum.at(last_frame, doc + 1, frame_of)
            spread = (first_frame != last_frame)[doc + 1]
        else:  # numbers among the texts: they sort as a whole column tells (_codes)
            spread = np.ones(n, dtype=bool)
        if spread.any():
            at = np.flatnonzero(spread)
            sub = fetch(at.tolist())
            event_code, _ = _codes(sub, "event_id")
            location, _ = _codes(sub, "location")
            notes, _ = _codes(sub, "notes")

            def sortable(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
                return np.where(np.isnan(values), -np.inf, values)

            among = np.lexsort(
                (
                    notes,
                    sortable(_numbers(sub, "injured")),
                    sortable(_numbers(sub, "fatalities")),
                    sortable(lon[at]),
                    sortable(lat[at]),
                    location,
                    place[at],
                    subtype[at],
                    etype[at],
                    day[at],
                    event_code,
                    doc[at],
                )
            )
            second[at[among]] = np.arange(len(at))
        order = np.lexsort((second, doc))
        mention = np.array([name == MENTION_TYPE for name in etypes] + [True], dtype=bool)
        known_doc = (doc >= 0) | ~from_text
        has_coords = ~np.isnan(lat) & ~np.isnan(lon)
        mergeable = (
            (day != np.iinfo(np.int64).min)
            & (precision <= 2)
            & ~mention[etype]  # index -1: no type, never merged
            & known_doc
            & (has_coords | (place >= 0))
        )
        lo = np.where(mergeable, day - np.where(precision == 2, undated_days, 0), 0)
        hi = np.where(mergeable, day, 0)
        # rows that are merged events already (given back to merge_events, or read from its
        # output): they stand for the documents they list, so that no other row of those joins
        lookup = {name: k for k, name in enumerate(doc_names)}
        position = np.empty(n, dtype=np.intp)
        position[order] = np.arange(n)
        more_docs: dict[int, set[int]] = {}
        for more, start in zip(mores, starts.tolist(), strict=True):
            for i, names in more.items():
                if not from_text[start + i]:
                    more_docs[int(position[start + i])] = {
                        _TABLE,
                        *(lookup.setdefault(x, len(lookup)) for x in names),
                    }
        return _Rows(
            order=order,
            doc=np.where(from_text, doc, _TABLE)[order],
            mergeable=mergeable[order],
            placed=(mergeable & has_coords)[order],
            type_key=_type_codes(etype, etypes, subtype, subtypes, groups)[order],
            lo=lo[order].astype("int64"),
            hi=hi[order].astype("int64"),
            lat=lat[order],
            lon=lon[order],
            place=place[order],
            weight=weight[order].astype(np.int64),
            more_docs=more_docs,
        )


def _frame_rank(
    frame: pd.DataFrame,
    *,
    day: npt.NDArray[np.int64],
    lat: npt.NDArray[np.float64],
    lon: npt.NDArray[np.float64],
) -> npt.NDArray[np.int32]:
    """Each row's place in the frame's canonical order, but for the document, the first
    key: rows of one document are compared by the rest (np.lexsort sorts by the last key
    first)."""
    import numpy as np

    def sortable(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.where(np.isnan(values), -np.inf, values)

    order = np.lexsort(
        (
            _codes(frame, "notes")[0],
            sortable(_numbers(frame, "injured")),
            sortable(_numbers(frame, "fatalities")),
            sortable(lon),
            sortable(lat),
            _codes(frame, "location")[0],
            _codes(frame, "gazetteer_id")[0],
            _codes(frame, "sub_event_type")[0],
            _codes(frame, "event_type")[0],
            day,
            _codes(frame, "event_id")[0],
        )
    )
    rank = np.empty(len(frame), dtype=np.int32)
    rank[order] = np.arange(len(frame))
    return rank


def _rows(frame: pd.DataFrame, *, undated_days: int, groups: SubtypeGroups) -> _Rows:
    keys = _Keys()
    keys.add(frame)
    return keys.rows(undated_days=undated_days, groups=groups, fetch=_take(frame))


def _id_parts(frame: pd.DataFrame) -> list[list[str]]:
    """The per-source ids each row stands for: its own id (or its content when it has
    none), or the ids a merged event lists."""
    doc_name = "doc_id" if "doc_id" in frame.columns else "source"
    ids = _column(frame, "event_id")
    event_id = [None if v is None or v != v else str(v) for v in ids.astype(object).tolist()]
    id_parts = [[v] if v is not None else [] for v in event_id]
    if None in event_id:
        lat, lon = _numbers(frame, "latitude"), _numbers(frame, "longitude")
        described = [
            _column(frame, name).astype(object).tolist()
            for name in (doc_name, "event_date", "event_type", "sub_event_type", "location")
        ]
        for i, v in enumerate(event_id):
            if v is None:
                id_parts[i] = ["|".join(str(c[i]) for c in described) + f"|{lat[i]}|{lon[i]}"]
    for i, listed in enumerate(_lists(frame, "source_event_ids")):
        if listed:
            id_parts[i] = listed
    return id_parts


def _lists(frame: pd.DataFrame, name: str) -> list[list[str]]:
    """A column of lists (or of JSON arrays, as CSV and GeoPackage hold them) as lists of
    text; an empty list where there is none."""
    import json

    if name not in frame.columns:
        return [[] for _ in range(len(frame))]
    out: list[list[str]] = []
    for value in _column(frame, name).astype(object).tolist():
        if isinstance(value, str) and value.startswith("["):
            try:
                value = json.loads(value)
            except ValueError:
                value = None
        if hasattr(value, "tolist") and getattr(value, "ndim", None):
            value = value.tolist()
        if isinstance(value, list | tuple):
            out.append([str(v) for v in value if v is not None])
        else:
            out.append([])
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * config.EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _cells(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], size: float
) -> npt.NDArray[np.int64]:
    """The cube of a 3-D grid (edge ``size`` km) that holds each point of the globe: two
    points within ``size`` km along the surface (so also through the Earth) are in the same
    or touching cubes, at the poles and across the antimeridian too."""
    import numpy as np

    p, q = np.radians(lat), np.radians(lon)
    r = config.EARTH_RADIUS_KM / size
    xyz = np.stack([np.cos(p) * np.cos(q), np.cos(p) * np.sin(q), np.sin(p)], axis=1)
    return np.floor(r * xyz).astype("int64")


def _km_array(
    lat1: npt.NDArray[np.float64],
    lon1: npt.NDArray[np.float64],
    lat2: npt.NDArray[np.float64],
    lon2: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """:func:`_km` of arrays of points."""
    import numpy as np

    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    out: npt.NDArray[np.float64] = (
        2 * config.EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    )
    return out


#: Candidate pairs: days apart, km apart, first row, second row.
_Pairs: TypeAlias = (
    "tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.int64], "
    "npt.NDArray[np.int64]]"
)


class _Window:
    """Rows grouped by a bucket code and sorted by first day, to find for many rows at once
    the rows of a given bucket whose first day lies in a given range."""

    def __init__(
        self, rows: _Rows, members: npt.NDArray[np.intp], codes: npt.NDArray[np.int64], span: int
    ) -> None:
        import numpy as np

        self.buckets = np.unique(codes)
        dense = np.searchsorted(self.buckets, codes)
        self.base = int(rows.lo[members].min()) - span - 1 if len(members) else 0
        self.width = (int(rows.lo[members].max()) - self.base + span + 2) if len(members) else 1
        key = dense * self.width + (rows.lo[members] - self.base)
        by = np.argsort(key, kind="stable")
        self.members, self.key = members[by], key[by]

    def find(
        self,
        codes: npt.NDArray[np.int64],
        first: npt.NDArray[np.int64],
        last: npt.NDArray[np.int64],
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """(query, member) index pairs: members of bucket ``codes[q]`` whose first day lies
        in ``first[q]`` to ``last[q]`` (both within ``span`` days of the members' days)."""
        import numpy as np

        if not len(self.buckets) or not len(codes):
            empty = np.zeros(0, dtype=np.intp)
            return empty, empty
        dense = np.minimum(np.searchsorted(self.buckets, codes), len(self.buckets) - 1)
        known = self.buckets[dense] == codes
        queries = np.flatnonzero(known)
        dense = dense[queries]
        begins = np.searchsorted(self.key, dense * self.width + (first[queries] - self.base))
        ends = np.searchsorted(
            self.key, dense * self.width + (last[queries] - self.base), side="right"
        )
        counts = ends - begins
        owner = np.repeat(queries, counts)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        return owner, self.members[np.repeat(begins, counts) + offsets]


def _candidate_pairs(rows: _Rows, *, max_km: float, max_days: int, undated_days: int) -> _Pairs:
    """Pairs (days apart, km apart, i, j with i < j) that may be one incident, found through
    an index by type, grid cube (or gazetteer place, for rows with no coordinates) and first
    day; every pair has a row found in a text (two rows of event tables never pair)."""
    import numpy as np

    reach = max_days + undated_days  # a row's span [lo, hi] is at most undated_days long
    text = rows.mergeable & (rows.doc != _TABLE)
    found: list[_Pairs] = []

    def keep(ii: npt.NDArray[np.intp], jj: npt.NDArray[np.intp], *, by_km: bool) -> None:
        table = rows.doc[jj] == _TABLE
        placed_i, placed_j = rows.placed[ii], rows.placed[jj]
        if by_km:
            once = table | (jj > ii)  # two rows of texts: the pair once
        else:
            # the grid found the pairs of placed rows; two rows of texts once, from the one
            # with no coordinates
            once = ~(placed_i & placed_j) & (
                table | np.where(placed_i == placed_j, jj > ii, ~placed_i)
            )
        ok = once & (rows.doc[ii] != rows.doc[jj])
        gap = np.maximum(0, np.maximum(rows.lo[jj] - rows.hi[ii], rows.lo[ii] - rows.hi[jj]))
        ok &= gap <= max_days
        same = (rows.place[ii] >= 0) & (rows.place[ii] == rows.place[jj])
        km = np.zeros(len(ii))
        if by_km:
            km = np.where(
                same, 0.0, _km_array(rows.lat[ii], rows.lon[ii], rows.lat[jj], rows.lon[jj])
            )
            ok &= same | (km <= max_km)
        else:
            ok &= same
        ii, jj = ii[ok], jj[ok]
        found.append((gap[ok].astype("int64"), km[ok], np.minimum(ii, jj), np.maximum(ii, jj)))

    if text.any():
        first, last = rows.lo - reach, rows.hi + max_days
        # rows of texts with the rows of the same and the touching cubes of the grid
        cells = _cells(np.nan_to_num(rows.lat), np.nan_to_num(rows.lon), max(max_km, 1.0))
        low = cells.min(axis=0) - 1
        size = int((cells - low).max()) + 2

        def code(
            type_key: npt.NDArray[np.int64], cube: npt.NDArray[np.int64]
        ) -> npt.NDArray[np.int64]:
            c = cube - low
            out: npt.NDArray[np.int64] = ((type_key * size + c[:, 0]) * size + c[:, 1]) * size
            out += c[:, 2]
            return out

        placed = np.flatnonzero(rows.placed)
        grid = _Window(rows, placed, code(rows.type_key[placed], cells[placed]), reach)
        mine = np.flatnonzero(rows.placed & text)
        for offset in _NEIGHBOURS:
            q, jj = grid.find(
                code(rows.type_key[mine], cells[mine] + np.asarray(offset)),
                first[mine],
                last[mine],
            )
            keep(mine[q], jj, by_km=True)
        # rows with no coordinates, by gazetteer place
        named = rows.mergeable & (rows.place >= 0)
        if (named & ~rows.placed).any():
            places = int(rows.place.max()) + 1
            members = np.flatnonzero(named)
            index = _Window(
                rows, members, rows.type_key[members] * places + rows.place[members], reach
            )
            mine = np.flatnonzero(named & text)
            q, jj = index.find(
                rows.type_key[mine] * places + rows.place[mine], first[mine], last[mine]
            )
            keep(mine[q], jj, by_km=False)
    if not found:
        return (
            np.zeros(0, dtype="int64"),
            np.zeros(0),
            np.zeros(0, dtype="int64"),
            np.zeros(0, dtype="int64"),
        )
    gap, km, a, b = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return gap, km, a, b


@dataclass(frozen=True)
class _Events:
    """The events: the canonical positions of their rows, event after event (each event's
    rows in canonical order, the events in the order of their first row in the frame)."""

    members: npt.NDArray[np.int64]
    starts: npt.NDArray[np.int64]  # where each event's rows begin in members, and the end

    def __len__(self) -> int:
        return len(self.starts) - 1

    def lists(self, start: int = 0, stop: int | None = None) -> list[list[int]]:
        """The rows of events ``start`` to ``stop``, as lists."""
        stop = len(self) if stop is None else min(stop, len(self))
        bounds = self.starts[start : stop + 1].tolist()
        members = self.members[bounds[0] : bounds[-1]].tolist() if bounds else []
        base = bounds[0] if bounds else 0
        return [members[a - base : b - base] for a, b in itertools.pairwise(bounds)]


def _limits(max_km: float, max_days: int, undated_days: int) -> None:
    if max_km < 0 or max_days < 0 or undated_days < 0:
        raise InputError(
            f"cannot merge events: max_km ({max_km}), max_days ({max_days}) and "
            f"undated_days ({undated_days}) must not be negative"
        )


def _clusters(
    frame: pd.DataFrame,
    *,
    max_km: float,
    max_days: int,
    undated_days: int,
    compatible: SubtypeGroups,
) -> tuple[_Rows, _Events]:
    """The canonical rows of ``frame`` and its events."""
    _limits(max_km, max_days, undated_days)
    rows = _rows(frame, undated_days=undated_days, groups=compatible)
    return rows, _link(rows, max_km=max_km, max_days=max_days, undated_days=undated_days)


def _link(rows: _Rows, *, max_km: float, max_days: int, undated_days: int) -> _Events:
    """The events of the rows: the candidate pairs joined, closest first, as long as every
    two rows of an event stay compatible. Only the rows of some pair take part (as Python
    objects); every other row is an event of its own."""
    import numpy as np

    gap, km, first_rows, second_rows = _candidate_pairs(
        rows, max_km=max_km, max_days=max_days, undated_days=undated_days
    )
    # fewest days apart first; then the pairs of rows that stand for more sources (a new
    # article joins a merged event given back rather than a row kept apart from it: only
    # merged events stand for several); then fewest km; then the rows' canonical order
    weight = rows.weight
    by = np.lexsort((second_rows, first_rows, km, -(weight[first_rows] + weight[second_rows]), gap))
    n = len(rows.order)
    # the rows of the pairs, numbered 0..m-1 in canonical order
    involved = np.unique(np.concatenate([first_rows, second_rows]))
    pairs = zip(
        np.searchsorted(involved, first_rows[by]).tolist(),
        np.searchsorted(involved, second_rows[by]).tolist(),
        strict=True,
    )
    m = len(involved)
    doc, lat, lon, place = (
        rows.doc[involved].tolist(),
        rows.lat[involved].tolist(),
        rows.lon[involved].tolist(),
        rows.place[involved].tolist(),
    )
    local = {int(g): k for k, g in enumerate(involved.tolist())} if rows.more_docs else {}
    more_docs = {local[g]: docs for g, docs in rows.more_docs.items() if g in local}

    def near(i: int, j: int) -> bool:
        if place[i] >= 0 and place[i] == place[j]:
            return True
        return (
            lat[i] == lat[i] and lat[j] == lat[j] and _km(lat[i], lon[i], lat[j], lon[j]) <= max_km
        )

    # join the closest pairs first; a join must keep every two rows of the event
    # compatible: different documents, dates and places close enough
    parent = list(range(m))
    members_of: dict[int, list[int]] = {}  # of events of several rows, by root
    docs_of: dict[int, set[int]] = {}
    lo_max, hi_min = rows.lo[involved].tolist(), rows.hi[involved].tolist()

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = find(i), find(j)
        if a == b:
            continue
        if (
            a == i
            and b == j
            and i not in members_of
            and j not in members_of
            and i not in more_docs
            and j not in more_docs
        ):
            # two rows alone: the pair itself was checked (documents, days, place)
            parent[j] = i
            members_of[i] = [i, j]
            docs_of[i] = {doc[i], doc[j]}
            lo_max[i], hi_min[i] = max(lo_max[i], lo_max[j]), min(hi_min[i], hi_min[j])
            continue
        if max(lo_max[a], lo_max[b]) - min(hi_min[a], hi_min[b]) > max_days:
            continue
        ma, mb = members_of.get(a, [a]), members_of.get(b, [b])
        da = docs_of.get(a) or more_docs.get(a) or {doc[a]}
        db = docs_of.get(b) or more_docs.get(b) or {doc[b]}
        if not da.isdisjoint(db):
            continue
        if not all(near(p, q) for p in ma for q in mb):
            continue
        if len(ma) < len(mb):
            a, b, ma, mb, da, db = b, a, mb, ma, db, da
        parent[b] = a
        members_of[a] = ma + mb
        docs_of[a] = da | db
        members_of.pop(b, None)
        docs_of.pop(b, None)
        lo_max[a] = max(lo_max[a], lo_max[b])
        hi_min[a] = min(hi_min[a], hi_min[b])

    # each row's event (a row of it); members in canonical order (ties between them always
    # go the same way); the events in the order of their first row in the frame
    label = np.arange(n, dtype=np.int64)
    if m:
        label[involved] = involved[np.asarray([find(i) for i in range(m)], dtype=np.int64)]
    first = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, label, rows.order.astype(np.int64))
    key = first[label]
    members = np.lexsort((np.arange(n), key)).astype(np.int64)
    sorted_key = key[members]
    starts = np.flatnonzero(np.concatenate([[n > 0], sorted_key[1:] != sorted_key[:-1]]))
    return _Events(members=members, starts=np.append(starts, n).astype(np.int64))


def _merged_id(parts: list[list[str]], own: str | None) -> str | None:
    """A row's own id when it is alone; otherwise a digest of the per-source ids of all
    the rows (``parts``: theirs, so merging merged events again gives the same id)."""
    if len(parts) == 1:
        return own
    digest = hashlib.blake2b(
        "\n".join(sorted(x for part in parts for x in part)).encode("utf-8"), digest_size=6
    )
    return f"{_MERGED_PREFIX}{digest.hexdigest()}"


def _check(columns: Iterable[Any]) -> None:
    missing = [c for c in ("event_type", "event_date") if c not in set(columns)]
    if missing:
        raise InputError(
            f"cannot merge events: the table has no {', '.join(missing)} column; "
            "give events from geo.extract_events or geo.read_events"
        )


def link_events(
    frame: gpd.GeoDataFrame,
    *,
    max_km: float = config.MERGE_MAX_KM,
    max_days: int = config.MERGE_MAX_DAYS,
    undated_days: int = config.MERGE_UNDATED_DAYS,
    compatible: SubtypeGroups = config.MERGE_COMPATIBLE_SUBTYPES,
) -> gpd.GeoDataFrame:
    """The rows of ``frame``, each with the id of the event it is part of.

    This is the per-source view of :func:`merge_events`: one row per incident as one
    document reports it (its own date, toll and place), and ``merged_event_id``: the
    ``event_id`` of the merged event, which several rows share when several documents report
    one incident (see the module's notes for the rules).

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        Events, e.g. from :func:`geo.extract_events` or :func:`geo.read_events`
        (:data:`geo.schema.EVENT_COLUMNS`; at least ``event_type`` and ``event_date``).
    max_km : float
        Farthest two places of one event may be, unless they are one gazetteer place.
    max_days : int
        Most days between two dates of one event.
    undated_days : int
        Days before its article's date that an incident dated only by it may have happened.
    compatible : sequence of groups of (event_type, sub_event_type)
        Sub-types that may be one event.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``frame`` (same rows, order and index) with a ``merged_event_id`` column:
        a row's own ``event_id`` when no other document reports its incident, otherwise
        ``"merged-"`` and a digest of the ``event_id`` of all the event's rows (so the same
        rows always give the same id).

    Raises
    ------
    InputError
        If ``frame`` has no ``event_type`` or ``event_date`` column, or a limit is negative.

    Examples
    --------
    >>> from geo.schema import events_to_frame
    >>> rows = [{"event_id": f"{d}-1", "event_date": "2024-04-17", "time_precision": 1,
    ...          "event_type": "Protests", "sub_event_type": "Peaceful protest",
    ...          "latitude": 51.5, "longitude": 31.3, "source": d, "char_start": 0}
    ...         for d in ("a.txt", "b.txt")]
    >>> link_events(events_to_frame(rows))["merged_event_id"].tolist()
    ['merged-47c391b3a623', 'merged-47c391b3a623']
    """
    _check(frame.columns)
    rows, events = _clusters(
        frame,
        max_km=max_km,
        max_days=max_days,
        undated_days=undated_days,
        compatible=compatible,
    )
    order = rows.order.tolist()
    own = [None if v is None or v != v else str(v) for v in _column(frame, "event_id").tolist()]
    parts = _id_parts(frame)
    ids: list[str | None] = [None] * len(frame)
    for members in events.lists():
        merged = _merged_id([parts[order[i]] for i in members], own[order[members[0]]])
        for i in members:
            ids[order[i]] = merged
    out = frame.copy()
    out[MERGED_ID] = ids
    return out


def merge_events(
    frame: gpd.GeoDataFrame,
    *,
    max_km: float = config.MERGE_MAX_KM,
    max_days: int = config.MERGE_MAX_DAYS,
    undated_days: int = config.MERGE_UNDATED_DAYS,
    compatible: SubtypeGroups = config.MERGE_COMPATIBLE_SUBTYPES,
) -> gpd.GeoDataFrame:
    """One row per event: the incidents several documents report merged into one.

    See the module's notes for when rows are one event and how a merged event's date,
    place, type and tolls are chosen. :func:`link_events` gives the per-source rows, each
    with the ``merged_event_id`` that is the merged event's ``event_id`` here.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        Events (one row per incident per document), e.g. from :func:`geo.extract_events`.
    max_km, max_days, undated_days, compatible
        As in :func:`link_events`.

    Returns
    -------
    geopandas.GeoDataFrame
        Every column of ``frame``, one row per event (in the order of each event's first
        row in ``frame``), plus :data:`MERGE_COLUMNS`: ``source_count`` (rows merged),
        ``sources`` and ``source_event_ids`` (lists), ``fatalities_low`` /
        ``fatalities_high`` and ``injured_low`` / ``injured_high`` (the range the sources
        state; missing when none states one). An event of one row keeps its ``event_id``;
        a merged one gets the ``merged_event_id`` of :func:`link_events` and no
        ``char_start``/``char_end`` (it has no single text).

    Raises
    ------
    InputError
        As :func:`link_events`.

    Examples
    --------
    >>> from geo.schema import events_to_frame
    >>> rows = [{"event_id": f"{d}-1", "event_date": day, "time_precision": p,
    ...          "event_type": "Battles", "sub_event_type": "Armed clash",
    ...          "latitude": 0.73, "longitude": 29.53, "fatalities": n,
    ...          "source": d, "char_start": 0}
    ...         for d, day, p, n in (("a", "2024-06-13", 1, 3), ("b", "2024-06-14", 2, 5))]
    >>> out = merge_events(events_to_frame(rows))
    >>> out[["source_count", "fatalities", "fatalities_low", "time_precision"]].values.tolist()
    [[2, 5, 3, 1]]
    >>> out["sources"].tolist(), str(out["event_date"].iloc[0].date())
    ([['a', 'b']], '2024-06-13')
    """
    _check(frame.columns)
    rows, events = _clusters(
        frame,
        max_km=max_km,
        max_days=max_days,
        undated_days=undated_days,
        compatible=compatible,
    )
    return _merge_block(
        rows.order, events.lists(), compatible=compatible, fetch=_take(frame), whole=frame
    )


def _take(frame: gpd.GeoDataFrame) -> Callable[[list[int]], gpd.GeoDataFrame]:
    """The rows of ``frame`` at some positions, as a new frame."""

    def fetch(positions: list[int]) -> gpd.GeoDataFrame:
        return frame.iloc[positions].copy()

    return fetch


def _merge_block(
    canonical: npt.NDArray[np.intp],
    events: list[list[int]],
    *,
    compatible: SubtypeGroups,
    fetch: Callable[[list[int]], gpd.GeoDataFrame],
    whole: gpd.GeoDataFrame | None = None,
) -> gpd.GeoDataFrame:
    """The merged rows of some ``events`` (canonical positions of rows; ``canonical`` maps
    them to positions in the frames end to end: :attr:`_Rows.order`), in their order.

    ``fetch`` gives the rows at some positions (those of these events: a block's); or
    ``whole`` holds every row, and ``events`` are all of them (:func:`merge_events`). Each
    event's values depend on its own rows only, so the events can be merged a block at a
    time.
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    # ``order`` maps a canonical position to the row's position in ``frame``
    order: Sequence[int] | dict[int, int]
    if whole is not None and sum(len(members) for members in events) == len(whole):
        frame, order = whole, canonical.tolist()
    else:
        where = sorted({int(canonical[i]) for members in events for i in members})
        local = {p: k for k, p in enumerate(where)}
        frame = fetch(where)
        order = {i: local[int(canonical[i])] for members in events for i in members}

    def texts(name: str) -> list[str | None]:
        values = _column(frame, name).astype(object).tolist()
        return [None if v is None or v != v else str(v) for v in values]

    def numbers(name: str, missing: float) -> list[float]:
        values = _numbers(frame, name)
        return np.where(np.isnan(values), missing, values).tolist()  # type: ignore[no-any-return]

    source, etype, subtype, language, notes = (
        texts(c) for c in ("source", "event_type", "sub_event_type", "language", "notes")
    )
    dates = pd.to_datetime(_column(frame, "event_date"), errors="coerce")
    day = _days(frame).tolist()
    precision = numbers("time_precision", 1.0)  # no precision: a day, as when merging
    geo_precision = numbers("geo_precision", math.inf)
    lat, lon = _numbers(frame, "latitude"), _numbers(frame, "longitude")
    unplaced = (np.isnan(lat) | np.isnan(lon)).tolist()
    rank: dict[tuple[str, str], int] = {}
    for group in compatible:
        for k, pair in enumerate(group):
            rank.setdefault((pair[0], pair[1]), k)
    # what each row stands for: itself, or, for a merged event given back, its sources
    counts = [1 if v != v else max(1, int(v)) for v in numbers("source_count", math.nan)]
    listed_sources = _lists(frame, "sources")
    listed_ids = _lists(frame, "source_event_ids")
    raw_ids = texts("event_id")
    sources_of: list[list[str]] = []
    for p, listed in enumerate(listed_sources):
        named = source[p]
        if listed or named is None:
            sources_of.append(listed)
        elif (raw_ids[p] or "").startswith(_MERGED_PREFIX):  # read back without its list
            sources_of.append(named.split(_SOURCE_SEPARATOR))
        else:
            sources_of.append([named])
    ids_of: list[list[str | None]] = [
        list(listed) if listed else [raw_ids[p]] for p, listed in enumerate(listed_ids)
    ]
    ranges: dict[str, tuple[list[int | None], list[int | None]]] = {}
    for column in ("fatalities", "injured"):
        told = [None if v != v else int(v) for v in numbers(column, math.nan)]
        low = [None if v != v else int(v) for v in numbers(f"{column}_low", math.nan)]
        high = [None if v != v else int(v) for v in numbers(f"{column}_high", math.nan)]
        ranges[column] = (
            [a if a is not None else t for a, t in zip(low, told, strict=True)],
            [a if a is not None else t for a, t in zip(high, told, strict=True)],
        )

    # an event of one row is that row; the loop below sets what a merge changes
    leads = [order[members[0]] for members in events]
    extra: dict[str, list[Any]] = {
        "source_count": [counts[p] for p in leads],
        "sources": [list(sources_of[p]) for p in leads],
        "source_event_ids": [list(ids_of[p]) for p in leads],
    }
    for column, (low, high) in ranges.items():
        extra[f"{column}_low"] = [low[p] for p in leads]
        extra[f"{column}_high"] = [high[p] for p in leads]
    changed: dict[int, dict[str, Any]] = {}  # output row -> the values a merge sets
    parts = _id_parts(frame) if any(len(members) > 1 for members in events) else []
    for k, members in enumerate(events):
        if len(members) == 1:
            continue
        positions = [order[i] for i in members]  # in canonical order: ties go the same way
        extra["source_count"][k] = sum(counts[p] for p in positions)
        extra["sources"][k] = list(dict.fromkeys(x for p in positions for x in sources_of[p]))
        extra["source_event_ids"][k] = [x for p in positions for x in ids_of[p]]
        for column, (low, high) in ranges.items():
            lows = [v for v in (low[p] for p in positions) if v is not None]
            highs = [v for v in (high[p] for p in positions) if v is not None]
            extra[f"{column}_low"][k] = min(lows) if lows else None
            extra[f"{column}_high"][k] = max(highs) if highs else None
        # the place of the most precisely placed source with coordinates (then the best
        # dated, the earliest)
        leads[k] = min(
            positions, key=lambda p: (unplaced[p], geo_precision[p], precision[p], day[p])
        )
        best = min(precision[p] for p in positions)
        first = min((p for p in positions if precision[p] == best), key=day.__getitem__)
        votes: dict[tuple[str, str], int] = {}
        for p in positions:
            pair = (etype[p] or "", subtype[p] or "")
            votes[pair] = votes.get(pair, 0) + counts[p]
        kind = min(votes, key=lambda t: (-votes[t], rank.get(t, len(rank)), t))
        # every source's own words, the lead's first
        accounts = [text for text in (notes[p] for p in (leads[k], *positions)) if text]
        spoken = (language[p] for p in positions)
        langs = sorted({x for text in spoken if text for x in text.split(_SOURCE_SEPARATOR)})
        changed[k] = {
            "event_id": _merged_id([parts[p] for p in positions], None),
            "event_date": first,  # its date below, all at once
            "time_precision": int(best),
            "event_type": kind[0] or None,
            "sub_event_type": kind[1] or None,
            "fatalities": extra["fatalities_high"][k],
            "injured": extra["injured_high"][k],
            "source": _SOURCE_SEPARATOR.join(extra["sources"][k]) or None,
            "language": _SOURCE_SEPARATOR.join(langs) or None,
            "notes": _NOTES_SEPARATOR.join(dict.fromkeys(accounts)) or None,
            "char_start": None,
            "char_end": None,
        }

    at = list(changed)
    for k, day_of in zip(at, dates.iloc[[changed[k]["event_date"] for k in at]], strict=True):
        changed[k]["event_date"] = day_of
    out = frame.iloc[leads].copy()
    out.index = pd.RangeIndex(len(out))
    for column in next(iter(changed.values()), {}):
        if column not in out.columns:
            continue
        series = out[column].copy()
        new = pd.Series([changed[k][column] for k in at], dtype=object)
        try:
            series.iloc[at] = new.astype(series.dtype).to_numpy()
        except (TypeError, ValueError):  # a column of another type than geo's: as objects
            series = series.astype(object)
            series.iloc[at] = new.to_numpy()
        out[column] = series
    for column in MERGE_COLUMNS:
        if column in ("sources", "source_event_ids"):
            out[column] = pd.Series(extra[column], index=out.index, dtype="object")
        else:
            out[column] = pd.array(extra[column], dtype="Int64")
    if isinstance(out, gpd.GeoDataFrame):
        return out
    return gpd.GeoDataFrame(out)


#: What the streamed merge keeps of a row that may merge (spilled to disk, read back a
#: window of days at a time): its position in the frames end to end, its document (a
#: number per document), frame and rank in the frame's canonical order, the days it may
#: have happened on, its type (a code per group of compatible sub-types), gazetteer place
#: and coordinates.
_KEY_FIELDS: Final = (
    ("pos", "i8"),
    ("doc", "i8"),
    ("frame", "i8"),
    ("rank", "i8"),
    ("lo", "i8"),
    ("hi", "i8"),
    ("type", "i8"),
    ("place", "i8"),
    ("lat", "f8"),
    ("lon", "f8"),
    ("placed", "?"),
)


class MergeStream:
    """:func:`merge_events` over frames that come one at a time, in flat memory.

    :meth:`add` writes each frame to a temporary directory (pickled: every column, dtype
    and value as it was), with the keys of its rows that may merge (a few numbers each:
    document, days, type, place, coordinates, rank in the frame's canonical order).
    Nothing is kept in memory per row. :meth:`merged` then

    1. spills the keys to one file per :data:`geo.config.MERGE_WINDOW_DAYS` days (of each
       row's first possible day);
    2. sweeps the windows in order of time: the rows of a window and those of earlier
       windows that may still pair with them give the candidate pairs, and their groups
       (rows linked by pairs); a group no later row can reach is closed, and the closed
       groups are linked (:func:`_link`, on their rows in canonical order: the document's
       name, then the rank) :data:`geo.config.MERGE_LINK_ROWS` rows at a time. Of the
       events of several rows, the positions of their rows are kept (8 bytes a merged
       row, 16 an event of several rows); every other row is an event of its own. Per
       document, 8 bytes (a digest of its name) tell whether a later frame holds rows of
       it;
    3. yields the merged events a block at a time, in the order of their first row,
       reading back the rows each block needs.

    The blocks, put end to end, are what :func:`merge_events` gives for all the frames
    concatenated: the same rows in the same order, with the same columns and dtypes. Frames
    the sweep cannot take exactly as they are (rows of event tables or merged events given
    back, numbers among texts, a document whose rows are in several frames) make the whole
    merge read every frame back and link all the rows at once, as :func:`merge_events`
    does (memory then grows with the rows). The directory (named with the process id, so
    that a later run removes it if this process was killed:
    :func:`geo.tempdirs.make_temp_dir`) is removed by :meth:`close` (the ``with`` block's
    end, on success, error or Ctrl-C alike).

    Parameters
    ----------
    directory : path, optional
        Where to make the temporary directory; default: the system's (``TMPDIR``).
    max_km, max_days, undated_days, compatible
        As in :func:`merge_events`.
    block_events : int, optional
        Merged events per block; default :data:`geo.config.MERGE_BLOCK_EVENTS`.
    cached_frames : int, optional
        Frames read back that stay in memory; default :data:`geo.config.MERGE_CACHED_FRAMES`.
    window_days : int, optional
        Days per window of the sweep; default :data:`geo.config.MERGE_WINDOW_DAYS`.
    link_rows : int, optional
        Rows of closed groups linked at a time; default :data:`geo.config.MERGE_LINK_ROWS`.

    Examples
    --------
    >>> from geo.schema import events_to_frame
    >>> rows = [{"event_id": f"{d}-1", "event_date": "2024-04-17", "time_precision": 1,
    ...          "event_type": "Protests", "sub_event_type": "Peaceful protest",
    ...          "latitude": 51.5, "longitude": 31.3, "source": d, "char_start": 0}
    ...         for d in ("a.txt", "b.txt")]
    >>> with MergeStream() as stream:
    ...     for row in rows:
    ...         stream.add(events_to_frame([row]))
    ...     blocks = list(stream.merged())
    >>> [block["sources"].tolist() for block in blocks]
    [[['a.txt', 'b.txt']]]
    """

    def __init__(
        self,
        *,
        directory: str | os.PathLike[str] | None = None,
        max_km: float = config.MERGE_MAX_KM,
        max_days: int = config.MERGE_MAX_DAYS,
        undated_days: int = config.MERGE_UNDATED_DAYS,
        compatible: SubtypeGroups = config.MERGE_COMPATIBLE_SUBTYPES,
        block_events: int | None = None,
        cached_frames: int | None = None,
        window_days: int | None = None,
        link_rows: int | None = None,
    ) -> None:
        import collections

        import numpy as np

        if block_events is None:
            block_events = config.MERGE_BLOCK_EVENTS
        if cached_frames is None:
            cached_frames = config.MERGE_CACHED_FRAMES
        if window_days is None:
            window_days = config.MERGE_WINDOW_DAYS
        if link_rows is None:
            link_rows = config.MERGE_LINK_ROWS

        if min(block_events, cached_frames, window_days, link_rows) < 1:
            raise InputError(
                f"block_events ({block_events}), cached_frames ({cached_frames}), "
                f"window_days ({window_days}) and link_rows ({link_rows}) must be at least 1"
            )
        self.window_days = window_days
        self.link_rows = link_rows
        self.limits: dict[str, Any] = {
            "max_km": max_km,
            "max_days": max_days,
            "undated_days": undated_days,
            "compatible": compatible,
        }
        self.block_events = block_events
        self.cached_frames = cached_frames
        self.directory = make_temp_dir(MERGE_DIR_PREFIX, directory=directory)
        self.rows = 0
        self._columns: dict[str, None] = {}
        self._starts: list[int] = []  # the position of each spilled frame's first row
        self._empty: gpd.GeoDataFrame | None = None
        self._cache: collections.OrderedDict[int, gpd.GeoDataFrame] = collections.OrderedDict()
        self._template: pd.DataFrame | None = None
        # the sweep's state: False once a frame needs the merge of all rows at once
        self._sweep = True
        self._doc_column: str | None = None
        self._docs = 0  # documents numbered so far
        self._doc_hashes = np.zeros(0, dtype=np.int64)  # of the documents seen, sorted
        self._types: dict[tuple[Any, Any], int] = {}
        self._places: dict[Any, int] = {}

    @property
    def sweeps(self) -> bool:
        """Whether the merge sweeps over time (in flat memory): True unless a frame needs
        the merge of all the rows at once (see above)."""
        return self._sweep

    def __enter__(self) -> MergeStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the temporary directory and what it holds."""
        import shutil

        self._cache.clear()
        shutil.rmtree(self.directory, ignore_errors=True)

    def add(self, frame: gpd.GeoDataFrame) -> None:
        """Take the events of one more frame (the frames of a run, in order)."""
        import pickle

        import pandas as pd

        if not len(frame):
            # as a concatenation skips them; with no rows at all, the first is the result
            if self._empty is None:
                self._empty = frame
            return
        self._columns.update(dict.fromkeys(frame.columns))
        keys = self._frame_keys(frame) if self._sweep else None
        if keys is None:
            self._sweep = False
        with open(self._path(len(self._starts)), "wb") as fh:
            pickle.dump(keys, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(frame, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._starts.append(self.rows)
        self.rows += len(frame)
        # one row whose columns have the dtypes of the frames' concatenation (see _fetch)
        witness = _witness(frame)
        if self._template is not None:
            witness = _witness(pd.concat([self._template, witness], ignore_index=True))
        self._template = witness

    def _frame_keys(self, frame: gpd.GeoDataFrame) -> dict[str, Any] | None:
        """The sweep's keys of the rows of ``frame`` that may merge, and the names of its
        documents; None if the sweep cannot take the frame exactly."""
        import numpy as np
        import pandas as pd

        doc_column = "doc_id" if "doc_id" in frame.columns else "source"
        if self._doc_column is None:
            self._doc_column = doc_column
        if doc_column != self._doc_column or "char_start" not in frame.columns:
            return None
        if _column(frame, "char_start").isna().any():  # rows of tables
            return None
        if any(_lists(frame, "source_event_ids")):  # merged events given back
            return None

        def texts(name: str) -> list[Any]:
            values = _column(frame, name).astype(object)
            out: list[Any] = values.where(values.notna(), None).tolist()
            return out

        doc, etype, subtype, place = (
            texts(c) for c in (doc_column, "event_type", "sub_event_type", "gazetteer_id")
        )
        checked = ("event_id", "location", "notes")
        if not all(
            isinstance(v, str)
            for values in (doc, etype, subtype, place)
            for v in values
            if v is not None
        ) or not all(isinstance(v, str) for name in checked for v in texts(name) if v is not None):
            return None  # numbers among texts sort as a whole column tells (_codes)
        local, names = pd.factorize(pd.Series(doc, dtype=object), sort=True)
        names = [str(x) for x in names]
        hashes = np.asarray(
            [
                int.from_bytes(
                    hashlib.blake2b(x.encode(), digest_size=8).digest(), "little", signed=True
                )
                for x in names
            ],
            dtype=np.int64,
        )
        if np.isin(hashes, self._doc_hashes).any():  # a document of an earlier frame
            return None
        self._doc_hashes = np.union1d(self._doc_hashes, hashes)
        base = self._docs
        self._docs += len(names)

        groups = self.limits["compatible"]
        grouped = {(pair[0], pair[1]): g for g, group in enumerate(groups) for pair in group}
        type_key = np.empty(len(frame), dtype=np.int64)
        mention = np.zeros(len(frame), dtype=bool)
        place_key = np.full(len(frame), -1, dtype=np.int64)
        for i, (e, s, p) in enumerate(zip(etype, subtype, place, strict=True)):
            code = self._types.get((e, s))
            if code is None:
                found = grouped.get((e or "", s or ""))
                code = len(groups) + len(self._types) if found is None else found
                self._types[(e, s)] = code
            type_key[i] = code
            mention[i] = e is None or e == MENTION_TYPE
            if p is not None:
                place_key[i] = self._places.setdefault(p, len(self._places))
        day = _days(frame)
        lat, lon = _numbers(frame, "latitude"), _numbers(frame, "longitude")
        precision = _numbers(frame, "time_precision")
        precision = np.where(np.isnan(precision), 1.0, precision)  # no precision: a day
        has_coords = ~np.isnan(lat) & ~np.isnan(lon)
        mergeable = (
            (day != np.iinfo(np.int64).min)
            & (precision <= 2)
            & ~mention
            & (local >= 0)
            & (has_coords | (place_key >= 0))
        )
        at = np.flatnonzero(mergeable)
        keys = np.empty(len(at), dtype=list(_KEY_FIELDS))
        keys["pos"] = self.rows + at
        keys["doc"] = base + local[at]
        keys["frame"] = len(self._starts)
        keys["rank"] = _frame_rank(frame, day=day, lat=lat, lon=lon)[at]
        keys["hi"] = day[at]
        keys["lo"] = day[at] - np.where(precision[at] == 2, self.limits["undated_days"], 0)
        keys["type"] = type_key[at]
        keys["place"] = place_key[at]
        keys["lat"], keys["lon"] = lat[at], lon[at]
        keys["placed"] = has_coords[at]
        return {"keys": keys, "names": names, "base": base}

    def merged(self) -> Iterator[gpd.GeoDataFrame]:
        """Yield the merged events, :attr:`block_events` at a time, in the order of
        :func:`merge_events` (each event at its first row); one empty frame if no frame had
        rows."""
        from geo.schema import events_to_frame

        if not self.rows:
            yield merge_events(
                self._empty if self._empty is not None else events_to_frame([]), **self.limits
            )
            return
        _check(self._columns)
        _limits(self.limits["max_km"], self.limits["max_days"], self.limits["undated_days"])
        if not self._sweep:
            yield from self._merged_at_once()
            return
        firsts, sizes, members = self._swept()
        yield from self._blocks(firsts, sizes, members)

    def _merged_at_once(self) -> Iterator[gpd.GeoDataFrame]:
        """The merge of all the rows at once (frames the sweep cannot take)."""
        import pickle

        keys = _Keys()
        for k in range(len(self._starts)):
            with open(self._path(k), "rb") as fh:
                pickle.load(fh)
                keys.add(pickle.load(fh))  # our own file, written by add
        rows = keys.rows(
            undated_days=self.limits["undated_days"],
            groups=self.limits["compatible"],
            fetch=self._fetch,
        )
        events = _link(
            rows,
            max_km=self.limits["max_km"],
            max_days=self.limits["max_days"],
            undated_days=self.limits["undated_days"],
        )
        canonical = rows.order
        del rows, keys  # of the rows, the blocks need their canonical order only
        for start in range(0, len(events), self.block_events):
            yield _merge_block(
                canonical,
                events.lists(start, start + self.block_events),
                compatible=self.limits["compatible"],
                fetch=self._fetch,
            )

    def _swept(
        self,
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The events of several rows: their first positions (sorted), sizes and rows
        (positions, each event's in canonical order), found by the sweep over time."""
        import pickle

        import numpy as np

        width = self.window_days
        dtype = np.dtype(list(_KEY_FIELDS))
        windows: set[int] = set()
        for k in range(len(self._starts)):  # the keys, by window of days
            with open(self._path(k), "rb") as fh:
                keys = pickle.load(fh)["keys"]
            window = keys["lo"] // width
            for w in np.unique(window).tolist():
                with open(self.directory / f"w{w}.keys", "ab") as out:
                    keys[window == w].tofile(out)
                windows.add(w)
        max_days = self.limits["max_days"]
        limits = {name: self.limits[name] for name in ("max_km", "max_days", "undated_days")}
        carry = np.zeros(0, dtype=dtype)
        carry_pairs = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
        pending: list[npt.NDArray[Any]] = []
        found: list[tuple[npt.NDArray[np.int64], ...]] = []
        order = sorted(windows)
        for at, w in enumerate(order):
            path = self.directory / f"w{w}.keys"
            rows = np.concatenate([carry, np.fromfile(path, dtype=dtype)])
            path.unlink()
            _, _, a, b = _candidate_pairs(_key_rows(rows), **limits)
            new = (a >= len(carry)) | (b >= len(carry))  # pairs of carried rows: found
            pa = np.concatenate([carry_pairs[0], rows["pos"][a[new]]])
            pb = np.concatenate([carry_pairs[1], rows["pos"][b[new]]])
            by = np.argsort(rows["pos"])
            ia = by[np.searchsorted(rows["pos"], pa, sorter=by)]
            ib = by[np.searchsorted(rows["pos"], pb, sorter=by)]
            label = _components(len(rows), ia, ib)
            size = np.bincount(label, minlength=len(rows))[label]
            if at + 1 < len(order):
                # a later row begins on or after the next window's first day
                reach = np.full(len(rows), np.iinfo(np.int64).min, dtype=np.int64)
                np.maximum.at(reach, label, rows["hi"] + max_days)
                still = reach[label] >= order[at + 1] * width
            else:
                still = np.zeros(len(rows), dtype=bool)
            pending.append(rows[(size > 1) & ~still])
            carry = rows[still]
            carry_pairs = (pa[still[ia]], pb[still[ia]])
            if sum(len(p) for p in pending) >= self.link_rows or at + 1 == len(order):
                found.append(self._link_closed(np.concatenate(pending)))
                pending = []
        if not found:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        firsts, sizes, members = (np.concatenate(parts) for parts in zip(*found, strict=True))
        # the events in the order of their first row
        by = np.argsort(firsts, kind="stable")
        offsets = np.cumsum(sizes) - sizes
        ends = np.cumsum(sizes[by])
        within = np.arange(int(sizes.sum())) - np.repeat(ends - sizes[by], sizes[by])
        members = members[np.repeat(offsets[by], sizes[by]) + within]
        return firsts[by], sizes[by], members

    def _link_closed(
        self, keys: npt.NDArray[Any]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Link the rows of closed groups (keys): the events of several rows among them as
        first positions, sizes and rows (positions in canonical order)."""
        import pickle

        import numpy as np

        empty = np.zeros(0, dtype=np.int64)
        if not len(keys):
            return empty, empty, empty
        names = np.empty(len(keys), dtype=object)
        for k in np.unique(keys["frame"]).tolist():
            with open(self._path(k), "rb") as fh:
                saved = pickle.load(fh)
            mine = keys["frame"] == k
            names[mine] = np.asarray(saved["names"], dtype=object)[
                keys["doc"][mine] - saved["base"]
            ]
        _, name_code = np.unique(names, return_inverse=True)
        keys = keys[np.lexsort((keys["rank"], name_code.reshape(-1)))]
        events = _link(
            _key_rows(keys), **{n: self.limits[n] for n in ("max_km", "max_days", "undated_days")}
        )
        sizes = np.diff(events.starts)
        several = np.repeat(sizes > 1, sizes)
        members = keys["pos"][events.members]
        firsts = np.minimum.reduceat(members, events.starts[:-1]) if len(sizes) else empty
        return firsts[sizes > 1], sizes[sizes > 1], members[several]

    def _blocks(
        self,
        firsts: npt.NDArray[np.int64],
        sizes: npt.NDArray[np.int64],
        members: npt.NDArray[np.int64],
    ) -> Iterator[gpd.GeoDataFrame]:
        """The merged events a block at a time: each row is an event of its own but for
        the rows of the events of several rows, which come at their first row."""
        import numpy as np

        starts = np.cumsum(sizes) - sizes
        lead = np.repeat(firsts, sizes)
        later = np.sort(members[members != lead])  # rows that come with their first
        step = max(self.block_events, 1024)
        block: list[list[int]] = []
        for start in range(0, self.rows, step):
            here = np.arange(start, min(self.rows, start + step), dtype=np.int64)
            here = here[~np.isin(here, later, assume_unique=True)]
            event = np.searchsorted(firsts, here)
            event[event >= len(firsts)] = 0
            several = (firsts[event] == here) if len(firsts) else np.zeros(len(here), dtype=bool)
            for p, k, many in zip(here.tolist(), event.tolist(), several.tolist(), strict=True):
                block.append(members[starts[k] : starts[k] + sizes[k]].tolist() if many else [p])
                if len(block) == self.block_events:
                    yield self._block(block)
                    block = []
        if block:
            yield self._block(block)

    def _block(self, events: list[list[int]]) -> gpd.GeoDataFrame:
        import numpy as np

        flat = np.asarray([p for rows in events for p in rows], dtype=np.intp)
        local, at = [], 0
        for rows in events:
            local.append(list(range(at, at + len(rows))))
            at += len(rows)
        return _merge_block(flat, local, compatible=self.limits["compatible"], fetch=self._fetch)

    def _path(self, k: int) -> Path:
        return self.directory / f"{k:07d}.pickle"

    def _load(self, k: int) -> gpd.GeoDataFrame:
        import pickle

        frame = self._cache.get(k)
        if frame is not None:
            self._cache.move_to_end(k)
            return frame
        with open(self._path(k), "rb") as fh:
            pickle.load(fh)  # the keys
            frame = pickle.load(fh)  # our own file, written by add
        self._cache[k] = frame
        while len(self._cache) > self.cached_frames:
            self._cache.popitem(last=False)
        return frame

    def _fetch(self, positions: list[int]) -> gpd.GeoDataFrame:
        """The rows at these positions (of all the frames end to end), as one frame with
        the columns and dtypes of the frames' concatenation."""
        import geopandas as gpd
        import numpy as np
        import pandas as pd

        assert self._template is not None
        at = np.asarray(positions, dtype=np.int64)
        starts = np.asarray(self._starts, dtype=np.int64)
        frame_of = np.searchsorted(starts, at, side="right") - 1
        by = np.argsort(frame_of, kind="stable")
        cuts = np.flatnonzero(np.diff(frame_of[by])) + 1
        pieces = []
        for group in np.split(by, cuts):
            k = int(frame_of[group[0]])
            pieces.append(self._load(k).iloc[at[group] - starts[k]])
        # the template's row (standing for every frame) makes the concatenation choose each
        # column's dtype (and order) as it would for all the frames
        joined = pd.concat([self._template, *pieces], ignore_index=True)
        back = np.empty_like(by)
        back[by] = np.arange(len(by))
        out = joined.iloc[len(self._template) + back]
        return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def _witness(frame: pd.DataFrame) -> pd.DataFrame:
    """A few rows that stand for ``frame`` in a concatenation: those that hold each
    column's first value that is not missing (so a column is missing in all of them only
    where it is missing in the whole frame), in the frame's dtypes."""
    import numpy as np

    first = frame.notna().to_numpy().argmax(axis=0)
    return frame.iloc[np.unique(first)]


def _key_rows(keys: npt.NDArray[Any]) -> _Rows:
    """The sweep's keys as rows (all of them mergeable rows of texts; ``order``: their
    positions)."""
    import numpy as np

    ones = np.ones(len(keys), dtype=bool)
    return _Rows(
        order=keys["pos"],
        doc=keys["doc"],
        mergeable=ones,
        placed=keys["placed"],
        type_key=keys["type"],
        lo=keys["lo"],
        hi=keys["hi"],
        lat=keys["lat"],
        lon=keys["lon"],
        place=keys["place"],
        weight=np.ones(len(keys), dtype=np.int64),
        more_docs={},
    )


def _components(n: int, a: npt.NDArray[np.intp], b: npt.NDArray[np.intp]) -> npt.NDArray[np.int64]:
    """The connected component of each of ``n`` nodes joined by the edges ``a[k]-b[k]``,
    as a label (a node of the component) that all its nodes share."""
    import numpy as np

    label = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(label[a], label[b])
        before = label.copy()
        np.minimum.at(label, a, low)
        np.minimum.at(label, b, low)
        label = label[label]  # pointer jumping
        if np.array_equal(label, before):
            return label
