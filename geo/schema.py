"""The event table: its columns (ACLED's names where ACLED has one) and how a frame of
events is built from records, with the same dtypes whatever made it (articles, ACLED or UCDP
tables, geo's own files).

Examples
--------
>>> events_to_frame([]).crs.to_epsg(), "event_date" in EVENT_COLUMNS
(4326, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from geo import defaults

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = ["ACLED_COLUMNS", "DISORDER", "EVENT_COLUMNS", "MENTION_TYPE", "events_to_frame"]

EVENT_COLUMNS: Final = (
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "location",
    "mention",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "country_code",
    "admin1",
    "fatalities",
    "injured",
    "notes",
    "source",
    "language",
    "gazetteer_id",
    "char_start",
    "char_end",
)

#: Columns of an ACLED export (since 2023), in order; ``--format acled`` writes these.
ACLED_COLUMNS: Final = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: Event type of a place named in a sentence that reports no incident.
MENTION_TYPE: Final = "Mention"

DISORDER: Final = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def events_to_frame(rows: Iterable[dict[str, Any]]) -> gpd.GeoDataFrame:
    """Build an event GeoDataFrame (EPSG:4326) with :data:`EVENT_COLUMNS` from dicts.

    Examples
    --------
    >>> events_to_frame([]).crs.to_epsg(), len(events_to_frame([]))
    (4326, 0)
    """
    import pandas as pd

    data: dict[str, list[Any]] = {c: [] for c in EVENT_COLUMNS}
    for row in rows:
        for c in EVENT_COLUMNS:
            data[c].append(row.get(c))
    frame = pd.DataFrame(data, columns=list(EVENT_COLUMNS))
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    frame = frame.copy()
    # readers report dates geo cannot hold (year 1 or 9999) before they get here; one that
    # reaches this point becomes no date rather than an overflow of nanoseconds
    days = pd.to_datetime(frame["event_date"], errors="coerce")
    early, late = pd.Timestamp(defaults.EARLIEST_DATE), pd.Timestamp(defaults.LATEST_DATE)
    far = days.notna() & ((days < early) | (days > late))
    frame["event_date"] = days.where(~far).astype("datetime64[ns]")
    for col in (
        "time_precision",
        "geo_precision",
        "fatalities",
        "injured",
        "char_start",
        "char_end",
    ):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
    for col in ("latitude", "longitude"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    for col in EVENT_COLUMNS:
        if col not in (
            "event_date",
            "time_precision",
            "geo_precision",
            "fatalities",
            "injured",
            "char_start",
            "char_end",
            "latitude",
            "longitude",
        ):
            frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
    geometry = gpd.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
    placed = frame["latitude"].notna().to_numpy() & frame["longitude"].notna().to_numpy()
    if not placed.all():  # no point, rather than POINT (NaN NaN)
        geometry = gpd.GeoSeries(geometry, index=frame.index).where(placed, None).values
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
