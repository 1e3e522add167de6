"""Tests of geo.io.tables and geo.io.writers: ACLED of every vintage, UCDP GED (CSV, JSON),
geo's own tables; every row and column kept; writers and their guards.

Fixtures written here (``tests/data/tables/``) cover each form real exports take, so the
tests run without ``../shared``; the real files of ``../shared/realdata`` are read too when
they are there (skipped otherwise).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.cli import main as geo_main
from geo.errors import InputError, OutputError
from geo.events import extract_events
from geo.io.documents import InputWarning, Problem, read_documents
from geo.io.tables import read_events
from geo.io.writers import write_events
from geo.schema import ACLED_COLUMNS, EVENT_COLUMNS, events_to_frame

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
TABLES = Path(__file__).resolve().parent / "data" / "tables"
REALDATA = REPO.parent / "shared" / "realdata"


# --------------------------------------------------------------------------- tables

ACLED_CSV = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n"
    "AZE1,2020-10-04,2020,1,Political violence,Explosions/Remote violence,"
    "Shelling/artillery/missile attack,Military Forces of Armenia,Azerbaijan,Ganja-Gazakh,Ganja,"
    '40.6828,46.3606,1,Trend,"On 4 October 2020, Ganja was shelled.",1\n'
    "ARM2,11 October 2020,2020,1,Political violence,Battles,Armed clash,x,Armenia,Syunik,"
    "Goris,39.51,46.34,2,AFP,clash,0\n"
    "BAD3,2020-10-12,2020,1,Political violence,Battles,Armed clash,x,Armenia,,Nowhere,"
    "north,46.34,2,AFP,bad latitude,0\n"
)
UCDP_CSV = (
    "id,year,type_of_violence,conflict_name,side_a,side_b,source_headline,where_prec,"
    "where_coordinates,adm_1,latitude,longitude,country,date_prec,date_start,date_end,best,"
    "low,high\n"
    "344001,2020,1,Azerbaijan:Nagorno-Karabakh,Government of Azerbaijan,Republic of Artsakh,"
    "Shelling of Martuni,1,Martuni town,Xocavend district,39.795,47.112,Azerbaijan,1,"
    "2020-10-01,2020-10-01,4,4,5\n"
    "344002,2020,3,x,y,z,Killing,4,Tartar district,Tartar,40.34,46.93,Azerbaijan,4,"
    "2020-10-05 00:00:00.000,2020-10-31,2,2,2\n"
)


def test_read_acled(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV, encoding="utf-8")
    problems: list[Problem] = []
    ev = read_events(path, problems=problems)
    # the event columns, then every other column of the table, then the dataset's name
    assert list(ev.columns) == [
        *EVENT_COLUMNS, "event_id_cnty", "year", "disorder_type", "dataset", "geometry"
    ]  # fmt: skip
    assert ev["actor1"].tolist() == ["Military Forces of Armenia", "x"]
    assert ev["year"].tolist() == [2020, 2020] and ev["dataset"].tolist() == ["ACLED"] * 2
    assert ev["event_id"].tolist() == ["AZE1", "ARM2"]
    assert ev["event_date"].tolist() == [pd.Timestamp("2020-10-04"), pd.Timestamp("2020-10-11")]
    assert ev["country_code"].tolist() == ["AZ", "AM"]
    assert ev["fatalities"].tolist() == [1, 0]
    assert ev["injured"].isna().all()
    assert ev.geometry.iloc[0].y == pytest.approx(40.6828)
    assert len(problems) == 1 and problems[0].row == 4 and "north" in problems[0].message


def test_read_acled_bad_rows_warn_without_a_problem_list(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV, encoding="utf-8")
    with pytest.warns(InputWarning, match="row 4"):
        assert len(read_events(path)) == 2


def test_read_ucdp(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    path.write_text(UCDP_CSV, encoding="utf-8")
    ev = read_events(path)
    assert ev["event_id"].tolist() == ["344001", "344002"]
    assert ev["event_type"].tolist() == ["Battles", "Violence against civilians"]
    assert ev["fatalities"].tolist() == [4, 2]
    assert ev["time_precision"].tolist() == [1, 3]
    assert ev["geo_precision"].tolist() == [1, 3]
    assert ev["location"].tolist() == ["Martuni town", "Tartar district"]
    assert ev["country_code"].tolist() == ["AZ", "AZ"]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("date,place,lat\n2020-10-01,Ganja,40.6\n", encoding="utf-8")
    with pytest.raises(
        InputError, match=r"ACLED columns missing: event_date, event_type, latitude"
    ):
        read_events(path)
    with pytest.raises(InputError, match="no such file"):
        read_events(tmp_path / "absent.csv")


# --------------------------------------------------------------------------- writers


@pytest.fixture(scope="module")
def sample_events() -> gpd.GeoDataFrame:
    return extract_events(read_documents(SAMPLES / "ganja-2020-10-11.en.txt"))


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".parquet", ".gpkg"])
def test_write_and_read_back(tmp_path: Path, sample_events: gpd.GeoDataFrame, suffix: str) -> None:
    out = tmp_path / f"events{suffix}"
    write_events(sample_events, out)
    back = read_events(out)
    assert len(back) == len(sample_events)
    assert back["event_id"].tolist() == sample_events["event_id"].tolist()
    assert back["fatalities"].tolist() == sample_events["fatalities"].tolist()
    assert back["event_date"].tolist() == sample_events["event_date"].tolist()
    assert back["latitude"].tolist() == pytest.approx(sample_events["latitude"].tolist())
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_geojson_is_plain_json(tmp_path: Path, sample_events: gpd.GeoDataFrame) -> None:
    out = tmp_path / "e.geojson"
    write_events(sample_events, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    first = data["features"][0]
    assert first["geometry"]["type"] == "Point"
    assert first["properties"]["event_date"] == "2020-10-11"
    assert first["properties"]["fatalities"] == 10


def test_acled_format_and_stdout(sample_events: gpd.GeoDataFrame) -> None:
    buffer = io.StringIO()
    write_events(sample_events, "-", format="acled", stdout=buffer)
    table = pd.read_csv(io.StringIO(buffer.getvalue()))
    assert list(table.columns) == list(ACLED_COLUMNS)
    assert "Mention" not in set(table["event_type"])
    assert set(table["disorder_type"]) <= {"Political violence", "Strategic developments"}
    geojson = io.StringIO()
    write_events(sample_events, "-", stdout=geojson)
    assert json.loads(geojson.getvalue())["type"] == "FeatureCollection"


def test_unknown_format_and_bad_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot tell the output format"):
        write_events(events_to_frame([]), tmp_path / "events.xlsx")
    with pytest.raises(OutputError, match="does not exist"):
        write_events(events_to_frame([]), tmp_path / "missing" / "events.geojson")


def test_cli_events_reads_acled_tables(tmp_path: Path) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(ACLED_CSV, encoding="utf-8")
    out = tmp_path / "events.geojson"
    # one bad row: skipped, reported, exit status 1
    assert geo_main(["events", str(table), "-o", str(out)]) == 1
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2


# --------------------------------------------------------------------------- reliability sweep

ACLED_HEAD = "event_id_cnty,event_date,event_type,country,location,latitude,longitude,fatalities\n"


def test_acled_table_missing_a_column_names_it(tmp_path: Path) -> None:
    from geo.events import extract_events_from_inputs

    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,country,location,latitude,notes\n"
        "AZE1,2020-10-04,Battles,Azerbaijan,Ganja,40.68,Ganja was shelled.\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    events = extract_events_from_inputs(path, problems=problems)
    assert len(events) == 0  # not geoparsed as articles from the notes column
    assert len(problems) == 1
    assert "ACLED columns missing: longitude;" in problems[0].message


def test_bad_rows_of_an_event_table_skip_only_themselves(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(
        ACLED_HEAD + "A1,2020-10-04,Battles,Azerbaijan,Ganja,40.68,46.36,3\n"
        "A2,2020-10-04,Battles,Azerbaijan,Ganja,40.68,46.36,3,extra\n"
        "A3,2020-10-04,Battles\n"
        'A4,2020-10-05,Battles,Azerbaijan,Tartar,"40,34","46,93",many\n'
        "A5,2020-10-05,Battles,Azerbaijan,Fuzuli,,,1\n"
        "A6,2020-10-05,Battles,Azerbaijan,Nowhere,200,46,1\n"
        'A7,2020-10-04,"Battles,Azerbaijan,Ganja,40.68,46.36,3\n'
        "A8,2020-10-04,Battles,Azerbaijan,Ganja,40.68,46.36,3\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    events = read_events(path, problems=problems)
    assert events["event_id"].tolist() == ["A1", "A4", "A5"]
    assert events["latitude"].tolist()[:2] == [40.68, 40.34]  # decimal comma
    assert events["fatalities"].tolist()[1] is pd.NA
    assert events.geometry.iloc[2] is None and pd.isna(events["latitude"].iloc[2])
    found = [(p.row, p.level, p.message.split(" ")[0]) for p in problems]
    assert found == [
        (3, "error", "9"),
        (4, "error", "3"),
        (5, "warning", "fatalities"),
        (6, "warning", "no"),
        (7, "error", "latitude/longitude"),
        (8, "error", "a"),
    ]
    assert "never closed: lines 8 to 9" in problems[-1].message


def test_utf16_event_table(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_bytes((ACLED_HEAD + "A1,2020-10-04,Battles,Azerbaïdjan,Gəncə,40.68,46.36,3\n")
                     .encode("utf-16"))  # fmt: skip
    events = read_events(path)
    assert events["location"].tolist() == ["Gəncə"] and events["fatalities"].tolist() == [3]


def test_vector_event_tables_take_their_coordinates_from_the_geometry(tmp_path: Path) -> None:
    from shapely.geometry import Point, box

    frame = gpd.GeoDataFrame(
        {
            "event_id": ["p", "none", "area"],
            "event_date": ["2020-10-04"] * 3,
            "event_type": ["Battles"] * 3,
            "location": ["Ganja", "Tartar", "Zone"],
        },
        geometry=[Point(46.36134, 40.68157), None, box(46.0, 40.0, 46.2, 40.2)],
        crs="EPSG:4326",
    )
    path = tmp_path / "events.gpkg"
    frame.to_crs("EPSG:3857").to_file(path, engine="pyogrio")
    problems: list[Problem] = []
    events = read_events(path, problems=problems)
    assert events["latitude"].iloc[0] == pytest.approx(40.68157)
    assert events["longitude"].iloc[0] == pytest.approx(46.36134)
    assert pd.isna(events["latitude"].iloc[1]) and events.geometry.iloc[1] is None
    assert 40.0 < events["latitude"].iloc[2] < 40.2
    messages = [(p.row, p.message) for p in problems]
    assert messages[0] == (
        None,
        "1 feature(s) are Polygon, not points; a point on each is used as the event location",
    )
    assert messages[1] == (2, "no latitude/longitude; to be placed by its location 'Tartar'")


def test_empty_and_broken_vector_tables(tmp_path: Path) -> None:
    empty = tmp_path / "e.geojson"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"the file is empty \(0 bytes\)"):
        read_events(empty)
    broken = tmp_path / "b.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(InputError, match="cannot read the event table") as info:
        read_events(broken)
    assert "It might help" not in str(info.value)


def test_events_without_coordinates_are_written_without_a_point(tmp_path: Path) -> None:
    frame = events_to_frame(
        [{"event_id": "x", "event_date": dt.date(2020, 10, 4), "location": "Hadrut"}]
    )
    assert frame.geometry.iloc[0] is None
    out = tmp_path / "e.geojson"
    write_events(frame, out)
    text = out.read_text(encoding="utf-8")
    assert "NaN" not in text
    assert json.loads(text)["features"][0]["geometry"] is None


HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1",
    "'=already quoted",
    "-12.5",
    "plain text",
]


def test_csv_outputs_are_inert_in_spreadsheets_and_round_trip(tmp_path: Path) -> None:
    rows = [
        {
            "event_id": f"e{i}",
            "event_date": dt.date(2020, 10, 4),
            "event_type": "Battles",
            "location": "Ganja",
            "latitude": 40.68,
            "longitude": -46.36 if i == 0 else 46.36,
            "notes": cell,
            "source": cell,
        }
        for i, cell in enumerate(HOSTILE_CELLS)
    ]
    frame = events_to_frame(rows)
    for fmt in ("csv", "acled"):
        out = tmp_path / f"{fmt}.csv"
        write_events(frame, out, format=fmt)
        table = pd.read_csv(out, dtype=str, keep_default_na=False)
        for column in ("notes", "source"):
            cells = table[column].tolist()
            assert [c[:1] for c in cells[:6]] == ["'"] * 6, (fmt, column)
            assert cells[6:] == ["-12.5", "plain text"]
        assert table["longitude"].iloc[0] == "-46.36"  # numbers untouched
        back = read_events(out)
        # geo's own CSV keeps each cell exactly; an ACLED export's cells are trimmed
        expected = HOSTILE_CELLS if fmt == "csv" else [c.strip() for c in HOSTILE_CELLS]
        assert back["notes"].tolist() == expected
        assert back["source"].tolist() == expected


def test_carriage_returns_and_line_feeds_are_always_quoted(tmp_path: Path) -> None:
    """A bare CR left unquoted starts a new row in a spreadsheet (with a live formula after
    it) and in geo's own reader: every CR and LF is inside quotes."""
    cells = ["before\r=1+1", "line\nbreak", "crlf\r\n@SUM(A1)", "\r", "plain"]
    frame = events_to_frame(
        [
            {"event_id": f"e{i}", "event_date": dt.date(2020, 10, 4), "event_type": "Battles",
             "latitude": 40.68, "longitude": 46.36, "notes": cell, "source": "s"}
            for i, cell in enumerate(cells)
        ]
    )  # fmt: skip
    for fmt in ("csv", "acled"):
        out = tmp_path / f"{fmt}.csv"
        write_events(frame, out, format=fmt)
        raw = out.read_bytes()
        # outside quotes, only the line ends (LF) of the 1 + 5 rows
        outside = b"".join(raw.split(b'"')[::2])
        assert b"\r" not in outside and outside.count(b"\n") == 1 + len(cells), fmt
        back = read_events(out)
        assert back["event_id"].tolist() == [f"e{i}" for i in range(len(cells))]
        expected = cells if fmt == "csv" else [c.strip() for c in cells]
        assert back["notes"].fillna("").tolist() == [e or "" for e in expected]


def test_the_formula_guard_covers_every_text_dtype(tmp_path: Path) -> None:
    """pandas 3 gives text columns the ``str`` dtype, not ``object``: guarded all the same,
    like ``string`` and ``category`` columns; numbers and dates are left alone."""
    frame = events_to_frame(
        [
            {"event_id": "=1+1", "event_date": dt.date(2020, 10, 4), "event_type": "@x",
             "latitude": -40.5, "longitude": 46.36, "notes": "+cmd", "source": "-2+3",
             "fatalities": 3}
        ]
    )  # fmt: skip
    frame["notes"] = frame["notes"].astype("string")
    frame["source"] = frame["source"].astype(pd.StringDtype("pyarrow"))
    frame["event_type"] = frame["event_type"].astype("category")
    frame["event_id"] = frame["event_id"].astype(str)
    frame["extra"] = pd.Series(["=HYPERLINK(1)"], dtype="str")
    out = tmp_path / "e.csv"
    write_events(frame, out)
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    for column, cell in {
        "event_id": "'=1+1", "event_type": "'@x", "notes": "'+cmd", "source": "'-2+3",
        "extra": "'=HYPERLINK(1)", "latitude": "-40.5", "fatalities": "3",
    }.items():  # fmt: skip
        assert table.loc[0, column] == cell, column
    back = read_events(out)
    assert (back.loc[0, "event_id"], back.loc[0, "notes"], back.loc[0, "source"]) == (
        "=1+1", "+cmd", "-2+3",
    )  # fmt: skip


def test_geo_parse_csv_is_guarded(tmp_path: Path) -> None:
    """``geo parse -o x.csv``: the mentions' text columns (pandas ``str``) are guarded too."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": '=HYPERLINK("http://x")', "text": "Ganja was shelled.\r=1+1"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.csv"
    assert geo_main(["parse", str(corpus), "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table["doc_id"].tolist() == ['\'=HYPERLINK("http://x")']
    assert table["mention"].tolist() == ["Ganja"]
    assert b"\r" not in b"".join(out.read_bytes().split(b'"')[::2])


#: Text of any kind except control characters other than tab, CR and LF (a NUL byte makes
#: the file binary to any reader) and lone surrogates (not text).
_CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\r\n")
    | st.sampled_from(list("=+-@'\",;|\t\r\n \u2028\uff1d{}<>&")),
    max_size=30,
)
_OPTIONAL_TEXT = st.none() | _CELL_TEXT.filter(bool)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "event_id": _CELL_TEXT.filter(bool),
                "event_type": _OPTIONAL_TEXT,
                "sub_event_type": _OPTIONAL_TEXT,
                "location": _OPTIONAL_TEXT,
                "mention": _OPTIONAL_TEXT,
                "country": _OPTIONAL_TEXT,
                "admin1": _OPTIONAL_TEXT,
                "notes": _OPTIONAL_TEXT,
                "source": _OPTIONAL_TEXT,
                "fatalities": st.none() | st.integers(0, 10**9),
                "latitude": st.none() | st.floats(-90, 90, allow_nan=False),
                "longitude": st.floats(-180, 180, allow_nan=False),
                "day": st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
            }
        ),
        min_size=1,
        max_size=4,
    )
)
def test_csv_round_trip_keeps_every_event_and_value(rows: list[dict[str, object]]) -> None:
    """Events with hostile text (formulas, quotes, separators, CR, LF) written as CSV and
    read back with geo.read_events: the same events with the same values."""
    import tempfile

    records = []
    for row in rows:
        record = {k: v for k, v in row.items() if k != "day"}
        record["event_date"] = row["day"]
        record["country_code"] = "AZ" if row["country"] is not None else None
        if record["latitude"] is None:
            record["longitude"] = None
        records.append(record)
    frame = events_to_frame(records)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "events.csv"
        write_events(frame, out)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)  # rows without coordinates
            back = read_events(out)
    assert len(back) == len(frame)
    for column in ("event_id", "event_type", "sub_event_type", "location", "mention",
                   "country", "country_code", "admin1", "notes", "source"):  # fmt: skip
        assert back[column].tolist() == frame[column].tolist(), column
    assert back["fatalities"].tolist() == frame["fatalities"].tolist()
    assert back["event_date"].tolist() == frame["event_date"].tolist()
    for column in ("latitude", "longitude"):
        assert back[column].fillna(999).tolist() == frame[column].fillna(999).tolist()


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r1.eaxé "), max_size=10) | st.text(max_size=10))
def test_spreadsheet_protection_round_trips(text: str) -> None:
    from geo.io.writers import _FORMULA_START, _PLAIN_NUMBER
    from geo.io.writers import protect as _protect
    from geo.io.writers import unprotect as _unprotect

    protected = _protect(text)
    assert _unprotect(protected) == text
    # what a spreadsheet sees first is never a formula (plain numbers are numbers)
    assert not protected.startswith(_FORMULA_START) or _PLAIN_NUMBER.match(protected)
    assert protected in (text, "'" + text)


@pytest.mark.parametrize("suffix", [".parquet", ".gpkg"])
def test_interrupted_binary_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_events: gpd.GeoDataFrame, suffix: str
) -> None:
    out = tmp_path / f"events{suffix}"
    out.write_bytes(b"previous")

    def interrupted(self: gpd.GeoDataFrame, path: Path, *args: object, **kw: object) -> None:
        Path(path).write_bytes(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(gpd.GeoDataFrame, "to_parquet", interrupted)
    monkeypatch.setattr(gpd.GeoDataFrame, "to_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_events(sample_events, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize("suffix", [".geojson", ".parquet", ".gpkg"])
def test_hostile_text_survives_every_format_unchanged(tmp_path: Path, suffix: str) -> None:
    cells = [*HOSTILE_CELLS[:4], "<script>alert(1)</script>", "a\u2028b\u2029c", "`${x}` {{7*7}}"]
    frame = events_to_frame(
        [
            {"event_id": f"e{i}", "event_date": dt.date(2020, 10, 4), "event_type": "Battles",
             "latitude": 40.68, "longitude": 46.36, "notes": cell, "location": cell}
            for i, cell in enumerate(cells)
        ]
    )  # fmt: skip
    out = tmp_path / f"e{suffix}"
    write_events(frame, out)
    back = read_events(out)
    assert back["notes"].tolist() == cells and back["location"].tolist() == cells


@pytest.mark.parametrize("suffix", [".gpkg", ".parquet"])
def test_vector_table_without_crs_is_taken_as_wgs84(tmp_path: Path, suffix: str) -> None:
    from shapely.geometry import Point

    frame = gpd.GeoDataFrame(
        {"event_id": ["a"], "event_date": ["2020-10-04"], "event_type": ["Battles"]},
        geometry=[Point(46.36, 40.68)],
    )
    path = tmp_path / f"e{suffix}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the writers warn about the CRS too
        if suffix == ".gpkg":
            frame.to_file(path, engine="pyogrio")
        else:
            frame.to_parquet(path)
    problems: list[Problem] = []
    events = read_events(path, problems=problems)
    assert (events["latitude"].iloc[0], events["longitude"].iloc[0]) == (40.68, 46.36)
    assert [p.message for p in problems] == ["declares no CRS; coordinates taken as EPSG:4326"]


# ------------------------------------------------------------------- one bad record in a batch

BATCH_HEADER = (
    "event_id_cnty,event_date,event_type,sub_event_type,country,location,latitude,longitude,"
    "fatalities,notes\n"
)


def _acled_row(event_id: str, date: str, fatalities: str = "1") -> str:
    return (
        f"{event_id},{date},Battles,Armed clash,Azerbaijan,Ganja,40.6828,46.3606,"
        f"{fatalities},note {event_id}\n"
    )


def test_dates_geo_cannot_hold_are_rows_skipped_by_name(tmp_path: Path) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(
        BATCH_HEADER
        + _acled_row("G1", "2020-10-04")
        + _acled_row("B1", "0001-01-01")
        + _acled_row("G2", "2020-10-05")
        + _acled_row("B2", "9999-12-31")
        + _acled_row("G3", "2020-10-06"),
        encoding="utf-8",
    )
    problems: list[Problem] = []
    events = read_events(table, problems=problems)
    assert events["event_id"].tolist() == ["G1", "G2", "G3"]
    assert [str(d.date()) for d in events["event_date"]] == [
        "2020-10-04", "2020-10-05", "2020-10-06",
    ]  # fmt: skip
    assert [(p.source, p.row, p.level) for p in problems] == [
        (str(table), 3, "error"),
        (str(table), 5, "error"),
    ]
    assert "event_date '0001-01-01' is outside the dates geo handles" in problems[0].message
    assert "'9999-12-31'" in problems[1].message
    ucdp = tmp_path / "ged.csv"
    ucdp.write_text(
        "id,date_start,latitude,longitude,best,type_of_violence\n"
        "1,2020-10-04,40.68,46.36,3,1\n2,0001-01-01,40.68,46.36,3,1\n",
        encoding="utf-8",
    )
    problems = []
    assert read_events(ucdp, problems=problems)["event_id"].tolist() == ["1"]
    assert (problems[0].row, "date_start '0001-01-01'" in problems[0].message) == (3, True)


@pytest.mark.parametrize("huge", ["100000000000000000000000", "1e23", "1E+23", "99999999999"])
def test_absurd_fatalities_are_left_empty_and_named(tmp_path: Path, huge: str) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(
        BATCH_HEADER + _acled_row("G1", "2020-10-04", "3") + _acled_row("B1", "2020-10-05", huge),
        encoding="utf-8",
    )
    problems: list[Problem] = []
    events = read_events(table, problems=problems)
    assert events["event_id"].tolist() == ["G1", "B1"]
    assert events["fatalities"].tolist() == [3, pd.NA]
    (problem,) = problems
    assert (problem.source, problem.row, problem.level) == (str(table), 3, "warning")
    assert f"fatalities {huge!r} is not a count of people" in problem.message


def test_the_cli_keeps_the_good_rows_and_names_the_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(
        BATCH_HEADER
        + _acled_row("G1", "2020-10-04")
        + _acled_row("B1", "0001-01-01")
        + _acled_row("B2", "2020-10-05", "1" + "0" * 23)
        + _acled_row("G2", "2020-10-06"),
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert geo_main(["events", str(table), "-o", str(out)]) == 1
    assert pd.read_csv(out)["event_id"].tolist() == ["G1", "B2", "G2"]
    err = capsys.readouterr().err
    assert f"skipped: {table}, row 3: event_date '0001-01-01'" in err
    assert f"warning: {table}, row 4: fatalities '1{'0' * 23}'" in err
    assert err.rstrip().endswith(
        f"skipped 1 row(s) (1 in {table}); every other row and file was read"
    )
    map_out = tmp_path / "m.html"
    args = ["map", str(table), "-o", str(map_out), "--front", "none", "--boundaries", "none"]
    assert geo_main(args) == 1
    assert "3 events on the map" in capsys.readouterr().err


def test_events_to_frame_never_overflows() -> None:
    frame = events_to_frame(
        [
            {"event_id": "a", "event_date": dt.date(1, 1, 1)},
            {"event_id": "b", "event_date": dt.date(9999, 12, 31)},
            {"event_id": "c", "event_date": dt.date(2020, 10, 4)},
            {"event_id": "d", "event_date": "0001-01-01"},
            {"event_id": "e", "event_date": "2020-10-05"},
        ]
    )
    assert frame["event_date"].isna().tolist() == [True, True, False, True, False]
    assert str(frame["event_date"].dtype) == "datetime64[ns]"


# --------------------------------------------------------------------------- every form read

#: The fixtures of tests/data/tables: rows, dates as read, event types, actor1 of the first.
FIXTURES = {
    "acled-2022-r-export.csv": (
        ["2022-12-28", "2020-06-03", "2019-01-09"],
        ["Violence against civilians", "Protests", "Strategic developments"],
        "Unidentified Armed Group (Benin)",
    ),
    "acled-2015-asia-upper-case.csv": (
        ["2015-01-01", "2015-09-05", "2015-03-24", "2015-02-14", "2015-03-09", "2015-02-16"],
        [
            "Riots",
            "Battles",
            "Protests",
            "Explosions/Remote violence",
            "Violence against civilians",
            "Strategic developments",
        ],
        "Rioters (Bangladesh)",
    ),
    "acled-pandas-semicolon.csv": (
        ["2020-05-09", "2020-08-14"],
        ["Battles", "Explosions/Remote violence"],
        "Military Forces of Ukraine (2019-)",
    ),
    "acled-tab-dayfirst.tsv": (
        ["2020-08-14", "2022-02-05"],  # 14/08 says the column is day first
        ["Protests", "Battles"],
        "Protesters (Ukraine)",
    ),
    "ucdp-ged-excel-cp1252.csv": (
        ["2014-01-22", "2014-05-02", "2014-06-13"],  # 1/22 and 06/13 say month first
        ["Battles", "Battles", "Violence against civilians"],
        "Government of Ukraine",
    ),
    "ucdp-ged-api-page.json": (
        ["2014-01-22", "2014-05-02"],
        ["Battles", "Battles"],
        "Government of Ukraine",
    ),
    "ucdp-ged-array.json": (
        ["2014-01-22", "2014-05-02"],
        ["Battles", "Battles"],
        "Government of Ukraine",
    ),
    "ucdp-ged.jsonl": (
        ["2014-01-22", "2014-05-02"],
        ["Battles", "Battles"],
        "Government of Ukraine",
    ),
}


def _read(path: Path, **options: object) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    problems: list[Problem] = []
    frame = read_events(path, problems=problems, **options)  # type: ignore[arg-type]
    return frame, problems


def _input_columns(path: Path) -> list[str]:
    """The column names of a fixture as its file holds them."""
    import csv

    if path.suffix == ".jsonl":
        return list(json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0]))
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return list((data["Result"] if isinstance(data, dict) else data)[0])
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0].rstrip("\r")
    delimiter = max(",;\t", key=first.count)
    return next(csv.reader([first], delimiter=delimiter))


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_form_of_export_is_read_whole(name: str) -> None:
    path = TABLES / name
    from geo.io.tables import is_event_table

    assert is_event_table(path)
    frame, problems = _read(path)
    days, types, actor = FIXTURES[name]
    assert [str(d.date()) for d in frame["event_date"]] == days
    assert frame["event_type"].tolist() == types
    assert frame["actor1"].iloc[0] == actor
    assert frame.geometry.notna().all() and frame["country_code"].notna().all()
    assert [p for p in problems if p.level == "error"] == []
    # every input column is kept: known names in lower case (ALLY_ACTOR_1 under its current
    # name), an unnamed first column (a pandas index) numbered
    renamed = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2", "": "column_1"}
    for column in _input_columns(path):
        lower = column.lower()
        expected = renamed.get(lower, lower if lower.isupper() or column.isupper() else column)
        assert expected in frame.columns or lower in frame.columns, (name, column)
    assert len(frame.columns) == len(set(frame.columns))


def test_json_forms_of_ucdp_give_the_same_events() -> None:
    frames = [_read(TABLES / n)[0] for n in ("ucdp-ged-api-page.json", "ucdp-ged-array.json",
                                               "ucdp-ged.jsonl")]  # fmt: skip
    for frame in frames[1:]:
        pd.testing.assert_frame_equal(
            pd.DataFrame(frame.drop(columns="geometry")),
            pd.DataFrame(frames[0].drop(columns="geometry")),
        )
    first = frames[0].iloc[0]
    assert (first["event_id"], first["fatalities"], first["side_b"], first["actor2"]) == (
        "147997", 5, "Maidan", "Maidan",
    )  # fmt: skip
    assert first["best"] == 5 and first["dataset"] == "UCDP GED"


def test_old_acled_taxonomy_is_mapped_and_the_original_kept() -> None:
    frame, _ = _read(TABLES / "acled-2015-asia-upper-case.csv")
    assert frame["original_event_type"].tolist() == [
        "Riots/Protests", "Battle-No change of territory", "Riots/Protests", "Remote violence",
        "Violence Against Civilians", "Strategic development",
    ]  # fmt: skip
    # rioters (inter1 5) riot, protesters (6) protest; the old type tells some sub-types
    assert frame["event_type"].tolist()[:3] == ["Riots", "Battles", "Protests"]
    assert frame["sub_event_type"].tolist()[:2] == [None, "Armed clash"]
    assert frame["assoc_actor_1"].iloc[0] == "AL: Awami League"
    assert frame["gwno"].tolist()[:2] == [771, 770] and frame["inter1"].iloc[0] == 5
    # notes over two lines, with doubled quotes, read whole
    assert frame["notes"].iloc[0] == (
        'One person was injured in a gunfight.\nPolice arrested two people, said "we seized bombs".'
    )


def test_r_na_and_excel_forms() -> None:
    frame, _ = _read(TABLES / "acled-2022-r-export.csv")
    assert frame["assoc_actor_1"].tolist() == [None, "Students (Benin)", None]
    assert frame["fatalities"].tolist() == [1, 0, pd.NA]
    assert frame["tags"].tolist() == [None, "crowd size=about 200", None]
    assert frame["timestamp"].tolist() == [1675102875, 1600000000, 1548000000]
    assert frame["notes"].iloc[0].endswith('residents said the attackers "came at night".')
    semicolon, _ = _read(TABLES / "acled-pandas-semicolon.csv")
    assert semicolon["column_1"].tolist() == ["0", "1"]  # the pandas index, kept
    assert semicolon["latitude"].tolist() == [48.1394, 47.9422]  # decimal commas
    assert semicolon["actor2"].tolist() == ["Military Forces of Russia (2000-)", None]
    cp1252, problems = _read(TABLES / "ucdp-ged-excel-cp1252.csv")
    assert cp1252["notes"].iloc[1] == "Clashes in Slóviansk"
    assert [p.level for p in problems] == ["warning"] and "Windows-1252" in problems[0].message


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["9-May-20", "14-Aug-20"], ["2020-05-09", "2020-08-14"]),
        (["14/08/2020 00:00:00", "05/02/2022 00:00:00"], ["2020-08-14", "2022-02-05"]),
        (["1/22/2014 12:00:00 AM", "05/02/2014 00:00"], ["2014-01-22", "2014-05-02"]),
        (["28 December 2022", "01-January-2015"], ["2022-12-28", "2015-01-01"]),
        (["2020-10-04", "2020-10-05 00:00:00.000", "2014-01-22T00:00:00"],
         ["2020-10-04", "2020-10-05", "2014-01-22"]),
        (["05.02.2014", "20141231"], ["2014-02-05", "2014-12-31"]),
        (["October 4, 2020", "4 Oct 2020"], ["2020-10-04", "2020-10-04"]),
    ],
)  # fmt: skip
def test_dates_of_every_form(cells: list[str], expected: list[str]) -> None:
    from geo.io.tables import parse_table_dates

    got = parse_table_dates(cells)
    assert [str(d.date()) for d in got.days] == expected
    assert got.bad == {}


def test_ambiguous_and_mixed_date_columns() -> None:
    from geo.io.tables import date_order, parse_table_dates

    ambiguous = ["05/02/2014", "06/03/2014"]
    got = parse_table_dates(ambiguous)
    assert [str(d.date()) for d in got.days] == ["2014-02-05", "2014-03-06"]
    assert "no value decides; read day first (say --monthfirst" in got.notes[0]
    got = parse_table_dates(ambiguous, dayfirst=False)
    assert [str(d.date()) for d in got.days] == ["2014-05-02", "2014-06-03"] and not got.notes
    with date_order(False):
        assert str(parse_table_dates(ambiguous).days.iloc[0].date()) == "2014-05-02"
    mixed = parse_table_dates(["14/08/2020", "08/15/2020", "09/16/2020", "05/02/2020"])
    assert [str(d.date()) for d in mixed.days] == [
        "2020-08-14", "2020-08-15", "2020-09-16", "2020-05-02",
    ]  # fmt: skip
    assert "mixes day-first dates ('14/08/2020') and month-first dates" in mixed.notes[0]
    # a forced order that a value cannot have names that value
    forced = parse_table_dates(["1/22/2014"], dayfirst=True)
    assert forced.bad == {0: "event_date '1/22/2014' is not a date (write it as YYYY-MM-DD)"}


def test_dayfirst_reaches_read_events_and_the_cli(tmp_path: Path) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,latitude,longitude\n"
        "A1,05/02/2014,Battles,48.0,37.8\nA2,06/03/2014,Battles,48.0,37.8\n",
        encoding="utf-8",
    )
    frame, problems = _read(table, dayfirst=False)
    assert [str(d.date()) for d in frame["event_date"]] == ["2014-05-02", "2014-06-03"]
    assert problems == []
    frame, problems = _read(table)
    assert str(frame["event_date"].iloc[0].date()) == "2014-02-05"
    assert problems[0].level == "warning" and "--monthfirst" in problems[0].message
    out = tmp_path / "out.csv"
    assert geo_main(["events", str(table), "-o", str(out), "--monthfirst"]) == 0
    assert pd.read_csv(out)["event_date"].tolist() == ["2014-05-02", "2014-06-03"]


@given(st.dates(dt.date(1700, 1, 1), dt.date(2200, 12, 31)), st.sampled_from(
    ["%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%y", "%B %d, %Y", "%Y%m%d"]))  # fmt: skip
def test_dates_read_back_as_written(day: dt.date, form: str) -> None:
    from geo.io.tables import parse_table_dates

    text = day.strftime(form)
    if form == "%d-%b-%y" and not dt.date.today().year - 98 < day.year <= dt.date.today().year:
        return  # two-digit years are the latest century not after next year
    got = parse_table_dates([text])
    assert got.bad == {} and got.days.iloc[0].date() == day


@given(st.lists(st.text(max_size=25) | st.integers() | st.floats() | st.none(), max_size=6))
def test_date_parsing_never_crashes(cells: list[object]) -> None:
    from geo.io.tables import parse_table_dates

    got = parse_table_dates(cells)
    assert len(got.days) == len(cells)
    for i, day in enumerate(got.days):  # a value is a date, or named as not one
        assert (
            (not pd.isna(day))
            or i in got.bad
            or cells[i] in (None, "")
            or (isinstance(cells[i], str) and not cells[i].strip())
            or (isinstance(cells[i], float) and cells[i] != cells[i])
        )


# --------------------------------------------------------------------------- columns travel


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".parquet", ".gpkg"])
def test_every_column_survives_every_output(tmp_path: Path, suffix: str) -> None:
    frame, _ = _read(TABLES / "acled-2022-r-export.csv")
    out = tmp_path / f"events{suffix}"
    write_events(frame, out)
    back, _ = _read(out)
    kept = ["actor1", "assoc_actor_1", "inter1", "interaction", "admin2", "iso", "region",
            "source_scale", "tags", "timestamp", "event_id_cnty", "dataset"]  # fmt: skip
    for column in kept:
        assert back[column].tolist() == frame[column].tolist(), (suffix, column)


def test_acled_format_writes_all_31_columns_from_what_was_read() -> None:
    for name, filled in (
        ("acled-2022-r-export.csv", set(ACLED_COLUMNS) - {"admin3"}),
        ("acled-2015-asia-upper-case.csv", {"actor1", "assoc_actor_1", "inter1", "interaction",
                                            "admin2", "disorder_type", "year"}),
        ("ucdp-ged-excel-cp1252.csv", {"actor1", "actor2", "region", "admin1", "admin2"}),
    ):  # fmt: skip
        frame, _ = _read(TABLES / name)
        buffer = io.StringIO()
        write_events(frame, "-", format="acled", stdout=buffer)
        table = pd.read_csv(io.StringIO(buffer.getvalue()), dtype=str, keep_default_na=False)
        assert list(table.columns) == list(ACLED_COLUMNS)
        assert len(table) == len(frame)
        have = {c for c in table.columns if (table[c] != "").any()}
        assert filled <= have, (name, filled - have)
    original = pd.read_csv(TABLES / "acled-2022-r-export.csv", dtype=str, keep_default_na=False)
    frame, _ = _read(TABLES / "acled-2022-r-export.csv")
    buffer = io.StringIO()
    write_events(frame, "-", format="acled", stdout=buffer)
    again = pd.read_csv(io.StringIO(buffer.getvalue()), dtype=str, keep_default_na=False)
    for column in ("actor1", "inter1", "interaction", "iso", "tags", "timestamp", "notes"):
        assert again[column].tolist() == original[column].replace("NA", "").tolist(), column


# --------------------------------------------------------------------------- rows named


def test_a_row_that_cannot_be_read_is_named_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "ged.csv"
    table.write_text(
        "id,date_start,latitude,longitude,best,side_a\n"
        "1,2014-01-22,50.45,30.52,5,Government of Ukraine\n"
        "2,someday,50.45,30.52,5,x\n"
        "3,2014-01-23,north,30.52,5,x\n"
        "4,2014-01-24,48.0,37.8,2,Government of Ukraine\n",
        encoding="utf-8",
    )
    frame, problems = _read(table)
    assert frame["event_id"].tolist() == ["1", "4"]
    assert [(p.row, p.level) for p in problems] == [(3, "error"), (4, "error")]
    assert "date_start 'someday' is not a date" in problems[0].message
    assert "'north'" in problems[1].message
    out = tmp_path / "out.geojson"
    assert geo_main(["events", str(table), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().split("\n")
    assert f"skipped: {table}, row 3: date_start 'someday' is not a date" in "\n".join(err)
    assert err[-1] == (
        f"geo events: skipped 2 row(s) (2 in {table}); every other row and file was read"
    )


# --------------------------------------------------------------------------- standard input


def test_an_event_table_on_standard_input_is_read_as_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (TABLES / "acled-2022-r-export.csv").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = tmp_path / "out.csv"
    assert geo_main(["events", "-", "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table["event_id"].tolist() == ["BEN901", "BEN902", "BEN903"]
    assert table["actor1"].iloc[0] == "Unidentified Armed Group (Benin)"
    # articles on standard input are still articles
    text = "date 2020-10-11\nUn missile a frappé Ganja, tuant dix civils.".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    assert geo_main(["events", "-", "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table["location"].tolist() == ["Ganja"] and table["source"].tolist() == ["<stdin>"]


def test_cat_table_into_geo_events_subprocess(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = (TABLES / "ucdp-ged.jsonl").read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "geo.cli", "events", "-", "-o", "-"],
        input=data,
        capture_output=True,
        check=False,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    features = json.loads(proc.stdout)["features"]
    assert [f["properties"]["event_id"] for f in features] == ["147997", "148001"]
    assert features[0]["properties"]["side_a"] == "Government of Ukraine"


# --------------------------------------------------------------------------- real exports

REAL_TABLES = sorted(REALDATA.glob("events/*.csv")) if REALDATA.is_dir() else []

#: Dates checked by hand against each row's notes or source dates: file, id, day.
HAND_CHECKED = [
    ("katehara-acled-asia-2015.csv", "1BNG", "2015-01-01"),
    ("katehara-acled-asia-2015.csv", "3455IND", "2015-10-26"),
    ("merfeld-acled-benin-2022.csv", "BEN892", "2022-12-28"),
    ("merfeld-acled-benin-2022.csv", "BEN355", "2021-03-08"),  # "On 8 March 2021"
    ("peacerep-ACLED-Ukraine.csv", "UKR42371", "2021-01-28"),  # 28/01/2021 00:00:00
    ("peacerep-ACLED-Ukraine.csv", "UKR80941", "2022-11-12"),  # "On 12 November 2022"
    ("peacerep-UCDP-Ukraine.csv", "147997", "2014-01-22"),  # 1/22/2014 12:00:00 AM
    ("peacerep-UCDP-Ukraine.csv", "153027", "2014-05-02"),  # 05/02/2014; sources 2014-05-02
    ("peacerep-UCDP-Ukraine.csv", "154661", "2014-07-11"),  # 07/11/2014; source 11/07/2014
]


def _data_rows(path: Path) -> tuple[list[str], int]:
    import csv

    text = path.read_bytes().decode("utf-8", errors="replace")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], sum(1 for r in rows[1:] if r)


@pytest.fixture(scope="module")
def real_frames() -> dict[str, tuple[gpd.GeoDataFrame, list[Problem]]]:
    if not REAL_TABLES:
        pytest.skip(f"{REALDATA} is absent (the real tables are not part of the repository)")
    return {p.name: _read(p) for p in REAL_TABLES}


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    ["katehara-acled-asia-2015.csv", "merfeld-acled-benin-2022.csv",
     "peacerep-ACLED-Ukraine.csv", "peacerep-UCDP-Ukraine.csv"],
)  # fmt: skip
def test_real_tables_give_every_row_with_every_column(
    real_frames: dict[str, tuple[gpd.GeoDataFrame, list[Problem]]], name: str
) -> None:
    frame, problems = real_frames[name]
    header, rows = _data_rows(REALDATA / "events" / name)
    assert len(frame) == rows  # 10,194 / 811 / 1,000 / 3,883
    assert [p for p in problems if p.level == "error"] == []
    assert frame["event_date"].notna().all() and frame.geometry.notna().all()
    assert frame["actor1"].notna().mean() > 0.99
    canonical = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}
    for column in header:
        assert canonical.get(column.lower(), column.lower()) in frame.columns, column
    # the year column of each export agrees with the dates read
    assert (frame["event_date"].dt.year == frame["year"]).all()


@pytest.mark.slow
@pytest.mark.parametrize(("name", "event_id", "day"), HAND_CHECKED)
def test_real_dates_checked_by_hand(
    real_frames: dict[str, tuple[gpd.GeoDataFrame, list[Problem]]],
    name: str,
    event_id: str,
    day: str,
) -> None:
    frame, _ = real_frames[name]
    row = frame[frame["event_id"] == event_id]
    assert [str(d.date()) for d in row["event_date"]] == [day]


def test_a_table_through_a_pipe_is_read_as_a_table(tmp_path: Path) -> None:
    """``geo events <(cat table.csv)``: the pipe is read once, judged, then read as a table."""
    import shlex
    import shutil
    import subprocess
    import sys

    if shutil.which("bash") is None:
        pytest.skip("bash is needed for a process substitution")
    table = shlex.quote(str(TABLES / "acled-2015-asia-upper-case.csv"))
    command = f"{shlex.quote(sys.executable)} -m geo.cli events <(cat {table}) -o -"
    proc = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert proc.returncode == 0, proc.stderr
    features = json.loads(proc.stdout)["features"]
    assert [f["properties"]["event_id"] for f in features][:2] == ["1BNG", "2PAK"]
    assert features[0]["properties"]["assoc_actor_1"] == "AL: Awami League"


# --------------------------------------------------------------------------- chunked reading


def _chunked(
    path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
) -> tuple[list[gpd.GeoDataFrame], list[Problem]]:
    from geo import config
    from geo.io.tables import iter_events

    monkeypatch.setattr(config, "STREAM_FILE_BYTES", 0)
    problems: list[Problem] = []
    return list(iter_events(path, problems=problems, chunk_rows=rows)), problems


def _same_events(frames: list[gpd.GeoDataFrame], whole: gpd.GeoDataFrame) -> None:
    joined = pd.concat(frames, ignore_index=True)
    assert list(joined.columns) == list(whole.columns)
    for column in whole.columns:
        if column == "geometry":
            assert joined.geometry.equals(whole.geometry)
            continue
        got = joined[column].astype(object).where(joined[column].notna(), None)
        want = whole[column].astype(object).where(whole[column].notna(), None)
        assert [str(v) for v in got] == [str(v) for v in want], column


def test_a_large_table_is_read_in_chunks_with_the_whole_reads_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV + ACLED_CSV.split("\n", 1)[1], encoding="utf-8")
    whole_problems: list[Problem] = []
    whole = read_events(path, problems=whole_problems)
    frames, problems = _chunked(path, monkeypatch, rows=2)
    assert [len(f) for f in frames] == [2, 1, 1]  # lines 2-3, 4-5 (4 bad), 6-7 (7 bad)
    _same_events(frames, whole)
    assert [(p.row, p.message) for p in problems] == [(p.row, p.message) for p in whole_problems]
    assert [p.row for p in problems if p.level == "error"] == [4, 7]


def test_the_order_of_numeric_dates_is_decided_on_the_whole_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = UCDP_CSV.split("\n", 1)[0]
    line = "{i},2014,1,x,A,B,h,1,Town,Region,48.0,37.8,Ukraine,1,{day},{day},1,1,1"
    days = ["05/02/2014", "07/11/2014", "06/03/2014", "1/22/2014 12:00:00 AM"]
    path = tmp_path / "ged.csv"
    path.write_text(
        "\n".join([head, *(line.format(i=i, day=d) for i, d in enumerate(days))]) + "\n",
        encoding="utf-8",
    )
    whole = read_events(path)
    frames, problems = _chunked(path, monkeypatch, rows=1)
    assert len(frames) == 4
    _same_events(frames, whole)
    read = [d.date().isoformat() for f in frames for d in f["event_date"]]
    assert read == ["2014-05-02", "2014-07-11", "2014-06-03", "2014-01-22"]  # month first
    assert problems == []


def test_pipeline_yields_a_large_table_a_chunk_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geo import config
    from geo.pipeline import run

    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV, encoding="utf-8")
    monkeypatch.setattr(config, "STREAM_FILE_BYTES", 0)
    monkeypatch.setattr(config, "TABLE_CHUNK_ROWS", 1)
    problems: list[Problem] = []
    frames = list(run(path, workers=1, problems=problems))
    assert [len(f) for f in frames] == [1, 1, 0]
    assert [p.row for p in problems if p.level == "error"] == [4]


def test_a_chunked_file_that_is_no_table_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("event_id_cnty,name\nA1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an event table: ACLED columns missing"):
        _chunked(path, monkeypatch, rows=5)


@pytest.mark.slow
def test_real_tables_read_in_chunks_as_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    if not REAL_TABLES:
        pytest.skip(f"{REALDATA} is absent (the real tables are not part of the repository)")
    for path in REAL_TABLES:
        whole_problems: list[Problem] = []
        whole = read_events(path, problems=whole_problems)
        frames, problems = _chunked(path, monkeypatch, rows=700)
        _same_events(frames, whole)
        assert sorted(str(p) for p in problems) == sorted(str(p) for p in whole_problems)


def test_a_carriage_return_in_quotes_does_not_shift_the_next_rows(tmp_path: Path) -> None:
    # the csv module counts a line at a quoted CR; the check for a quote never closed must
    # count lines the same way, or it reads a later row from the middle of a field
    records = [
        {"event_id": "0", "event_date": dt.date(2000, 1, 1), "source": text}
        for text in ("\r", "\n")
    ]
    out = tmp_path / "events.csv"
    write_events(events_to_frame(records), out)
    problems: list[Problem] = []
    back = read_events(out, problems=problems)
    assert back["source"].tolist() == ["\r", "\n"]
    assert [p for p in problems if p.level == "error"] == []
