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

from geo import config

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "ACLED_COLUMNS",
    "ACLED_OLD_COLUMNS",
    "ACLED_OLD_EVENT_TYPES",
    "ACLED_RENAMED",
    "ACLED_TAXONOMY",
    "DISORDER",
    "EVENT_COLUMNS",
    "MENTION_TYPE",
    "UCDP_COLUMNS",
    "events_to_frame",
    "frame_from_columns",
]

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

#: Columns of ACLED exports older than 2023 (upper-case before 2019, or from the API) that
#: the current export no longer has; read under these lower-case names.
ACLED_OLD_COLUMNS: Final = ("gwno", "event_id_no_cnty", "data_id", "iso3")

#: Columns of older ACLED exports renamed since: old name -> current name.
ACLED_RENAMED: Final = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}

#: Columns of UCDP GED (CSV and API), in the order of the CSV download.
UCDP_COLUMNS: Final = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip

#: Columns of ACLED and UCDP GED that hold whole numbers: read as integers when every value
#: of the column is one (ACLED wrote ``inter1`` as text from 2024, so it may stay text).
INTEGER_COLUMNS: Final = frozenset(
    {
        "year", "inter1", "inter2", "interaction", "iso", "timestamp", "gwno",
        "event_id_no_cnty", "data_id", "active_year", "type_of_violence", "conflict_new_id",
        "dyad_new_id", "side_a_new_id", "side_b_new_id", "number_of_sources", "where_prec",
        "priogrid_gid", "country_id", "event_clarity", "date_prec", "deaths_a", "deaths_b",
        "deaths_civilians", "deaths_unknown", "best", "high", "low",
    }
)  # fmt: skip

#: Columns geo adds to events and reads back as numbers from its own CSV files.
FLOAT_COLUMNS: Final = frozenset({"distance_to_front_km"})

#: ``dataset`` column: the table an event was read from (for the map's attribution).
DATASET_ACLED: Final = "ACLED"
DATASET_UCDP: Final = "UCDP GED"

#: ACLED's event types and their sub-event types since 2019 (the taxonomy in use).
ACLED_TAXONOMY: Final = {
    "Battles": (
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence", "Attack", "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip

#: Event types of ACLED before 2019 (lower case, spaces around hyphens removed) -> the
#: current event type and sub-event type (None where the old type does not tell it).
#: "Riots/Protests" is split by the actors' ``inter1`` code (5 rioters, 6 protesters).
ACLED_OLD_EVENT_TYPES: Final[dict[str, tuple[str, str | None]]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": (
        "Battles", "Non-state actor overtakes territory",
    ),
    "battle-non-state actors overtake territory": (
        "Battles", "Non-state actor overtakes territory",
    ),
    "remote violence": ("Explosions/Remote violence", None),
    "violence against civilians": ("Violence against civilians", None),
    "strategic development": ("Strategic developments", None),
    "headquarters or base established": (
        "Strategic developments", "Headquarters or base established",
    ),
    "non-violent transfer of territory": (
        "Strategic developments", "Non-violent transfer of territory",
    ),
    "riots": ("Riots", None),
    "protests": ("Protests", None),
}  # fmt: skip

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


def frame_from_columns(
    columns: dict[str, Any], *, extra: pd.DataFrame | None = None, index: Any = None
) -> gpd.GeoDataFrame:
    """Build an event GeoDataFrame from whole columns: :data:`EVENT_COLUMNS` (missing ones
    empty), then the columns of ``extra`` as they are (a table's other columns; one that
    bears the name of an event column is left out: ``columns`` holds the event columns).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = frame_from_columns(
    ...     {"event_id": ["a"], "latitude": [40.68], "longitude": [46.36]},
    ...     extra=pd.DataFrame({"tags": ["crowd size=no report"], "actor1": ["ignored"]}),
    ... )
    >>> frame.columns[-2:].tolist(), frame["actor1"].tolist(), frame.geometry.iloc[0].y
    (['tags', 'geometry'], [None], 40.68)
    """
    import geopandas as gpd
    import pandas as pd

    n = len(extra) if extra is not None else len(next(iter(columns.values()), []))
    base = pd.DataFrame(
        {c: columns[c] if c in columns else [None] * n for c in EVENT_COLUMNS},
        columns=list(EVENT_COLUMNS),
    )
    typed = _typed(base)
    if extra is not None and len(extra.columns):
        geometry = typed.geometry.values
        rest = extra.reset_index(drop=True)
        rest = rest[[c for c in rest.columns if c not in typed.columns]]
        joined = pd.concat([pd.DataFrame(typed.drop(columns="geometry")), rest], axis=1)
        typed = gpd.GeoDataFrame(joined, geometry=geometry, crs="EPSG:4326")
    if index is not None:
        typed.index = index
    return typed


def _typed(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    frame = frame.copy()
    # readers report dates geo cannot hold (year 1 or 9999) before they get here; one that
    # reaches this point becomes no date rather than an overflow of nanoseconds
    days = pd.to_datetime(frame["event_date"], errors="coerce")
    early, late = pd.Timestamp(config.EARLIEST_DATE), pd.Timestamp(config.LATEST_DATE)
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
        ) and not (col in ("inter1", "inter2") and pd.api.types.is_integer_dtype(frame[col])):
            # (ACLED's numeric actor-type codes stay numbers; geo writes their labels)
            frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
    geometry = gpd.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
    placed = frame["latitude"].notna().to_numpy() & frame["longitude"].notna().to_numpy()
    if not placed.all():  # no point, rather than POINT (NaN NaN)
        geometry = gpd.GeoSeries(geometry, index=frame.index).where(placed, None).values
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
