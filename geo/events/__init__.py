"""Events: dated, typed, geocoded records from articles or from ACLED / UCDP tables.

From text, :func:`extract_events` groups the place mentions of :mod:`geo.geoparse` into
records, one per place per reported incident, with the rules of the language packs
(``geo/lang/<code>/events.toml``, schema in :mod:`geo.events.rules`):

- :mod:`~geo.events.rules`: the packs' rules, loaded and compiled (one pass per sentence);
- :mod:`~geo.events.numbers`: counts in digits and words ("une trentaine", "dozens");
- :mod:`~geo.events.dates`: dates, weekdays and relative days resolved against the article;
- :mod:`~geo.events.tolls`: the killed and injured (running totals and dates are no tolls);
- :mod:`~geo.events.actors`: actor1/actor2 and ACLED's actor types from the actor lexicon
  (``geo/lang/common/actors.toml``);
- :mod:`~geo.events.engine`: sentences and places become incidents, merged within an article.

:func:`read_events` reads ACLED exports, UCDP GED tables and this module's own outputs into
the same columns; :func:`write_events` writes GeoJSON, CSV, GeoParquet, GeoPackage, an
ACLED-column CSV, or GeoJSON on standard output.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from geo.events.dates import FoundDate, find_dates
from geo.events.engine import classify_sentence, event_rows
from geo.events.merge import link_events, merge_events
from geo.events.numbers import parse_number
from geo.events.tolls import Casualty, count_casualties
from geo.io.documents import (
    Document,
    Problem,
    Progress,
    make_document,
)
from geo.io.tables import read_events
from geo.schema import ACLED_COLUMNS, EVENT_COLUMNS, MENTION_TYPE, events_to_frame

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.geoparse import Geoparser

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_COLUMNS",
    "MENTION_TYPE",
    "Casualty",
    "FoundDate",
    "classify_sentence",
    "count_casualties",
    "event_rows",
    "events_to_frame",
    "extract_events",
    "extract_events_from_inputs",
    "find_dates",
    "link_events",
    "merge_events",
    "parse_number",
    "read_events",
]


def extract_events(
    source: str | Document | Iterable[Document],
    *,
    date: dt.date | str | None = None,
    lang: str | None = None,
    doc_id: str = "<text>",
    parser: Geoparser | None = None,
) -> gpd.GeoDataFrame:
    """Extract dated, typed, geocoded events from text.

    Parameters
    ----------
    source : str, Document or iterable of Document
        An article's text (a ``date`` header line is read), or documents from
        :func:`geo.io.documents.iter_documents`.
    date : datetime.date or str, optional
        Document date for a text without a header.
    lang : str, optional
        ``"fr"`` or ``"en"``; detected when None.
    doc_id : str
        Identifier of a text (``source`` column and event ids).
    parser : Geoparser, optional
        The process-wide parser by default.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`EVENT_COLUMNS` and point geometries, EPSG:4326.

    Examples
    --------
    >>> import geo
    >>> ev = geo.extract_events("date 2020-10-11\\nUn missile a frappé Ganja, tuant dix civils.")
    >>> ev[["location", "fatalities", "event_type"]].values.tolist()
    [['Ganja', 10, 'Explosions/Remote violence']]
    """
    if isinstance(source, str):
        docs: Iterable[Document] = [make_document(source, doc_id=doc_id, date=date, lang=lang)]
    elif isinstance(source, Document):
        docs = [source]
    else:
        docs = source
    rows: list[dict[str, Any]] = []
    for doc in docs:
        rows.extend(event_rows(doc, parser=parser))
    return events_to_frame(rows)


def extract_events_from_inputs(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    problems: list[Problem] | None = None,
    progress: Progress | None = None,
    merge: bool = True,
    workers: int | None = 1,
    executor: Any = None,
    **read_options: Any,
) -> gpd.GeoDataFrame:
    """Events of files, folders, patterns or ``"-"``: :func:`geo.pipeline.collect`.

    Event tables (ACLED or UCDP GED CSV, or geo's own ``.geojson``/``.gpkg``/``.parquet``
    outputs) are read with :func:`read_events`; everything else is read as articles with
    :func:`geo.io.documents.iter_documents` and goes through :func:`extract_events`.

    Parameters
    ----------
    inputs : path, pattern or iterable of them
        What to read.
    problems : list of Problem, optional
        Receives skipped inputs and rows; without it the first bad input raises.
    progress : Progress, optional
        Counter updated once per document or table.
    merge : bool
        One row per event, the incidents several documents report merged
        (:func:`geo.events.merge.merge_events`); False: one row per incident per document.
    workers, executor
        As in :func:`geo.pipeline.run` (this process by default).
    **read_options
        Passed to :func:`geo.io.documents.iter_documents`.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`EVENT_COLUMNS` and point geometries, EPSG:4326; when merged, also
        :data:`geo.events.merge.MERGE_COLUMNS`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("date 2020-10-04\\nDes roquettes ont frappé Ganja.")
    >>> extract_events_from_inputs(path)[["location", "event_type"]].values.tolist()
    [['Ganja', 'Explosions/Remote violence']]
    """
    from geo.pipeline import collect

    return collect(
        inputs,
        task="events",
        merge=merge,
        workers=workers,
        executor=executor,
        problems=problems,
        progress=progress,
        **read_options,
    )
