"""Tests of geo.events: event types, dates, tolls, ACLED/UCDP tables, writers, CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo
from geo.cli import main as geo_main
from geo.errors import InputError, OutputError
from geo.events import (
    classify_sentence,
    count_casualties,
    extract_events,
    find_dates,
    parse_number,
)
from geo.io.documents import InputWarning, Problem, read_documents
from geo.io.tables import read_events
from geo.io.writers import write_events
from geo.schema import ACLED_COLUMNS, EVENT_COLUMNS, events_to_frame

REPO = Path(__file__).resolve().parent.parent
SHARED_ARTICLE = REPO.parent / "shared" / "corpus" / "karabakh-2020-10-02.fr.txt"
SAMPLES = REPO / "data" / "samples"
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


# --------------------------------------------------------------------------- event types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Martouni a été touchée jeudi par des tirs de roquettes.", SHELLING),
        ("Stepanakert was shelled overnight.", SHELLING),
        ("Ganja a été frappée par des missiles.", SHELLING),
        (
            "Une frappe de drone a détruit un camion près de Tartar.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        ("Russian warplanes bombed Idlib.", ("Explosions/Remote violence", "Air/drone strike")),
        (
            "Un engin explosif improvisé a tué deux soldats.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "A suicide bomber blew himself up at a checkpoint.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        ("De violents combats se poursuivent autour de Hadrout.", ("Battles", "Armed clash")),
        ("Clashes erupted near Horadiz.", ("Battles", "Armed clash")),
        ("L'armée a repris le contrôle de Hadrout.", ("Battles", "Government regains territory")),
        ("Des hommes armés ont massacré des villageois.", ("Violence against civilians", "Attack")),
        (
            "Gunmen abducted 12 students.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("Des milliers de manifestants ont défilé à Erevan.", ("Protests", "Peaceful protest")),
        ("Des émeutes ont éclaté.", ("Riots", "Violent demonstration")),
        (
            "Des combattants syriens auraient été déployés.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "Un cessez-le-feu humanitaire a été conclu à Moscou.",
            ("Strategic developments", "Agreement"),
        ),
        (
            "Air defences intercepted two missiles.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
    ],
)
def test_classify_sentence(sentence: str, expected: tuple[str, str]) -> None:
    assert classify_sentence(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Erevan a accueilli une conférence.",
        "Les appels au cessez-le-feu n'ont pas donné de résultats.",
        "The president visited Baku.",
    ],
)
def test_no_incident(sentence: str) -> None:
    assert classify_sentence(sentence) is None


# --------------------------------------------------------------------------- numbers and tolls


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11", 11),
        ("1 280", 1280),
        ("2\u202f700", 2700),
        ("1,280", 1280),
        ("Quatre", 4),
        ("onze", 11),
        ("dix-sept", 17),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("deux cents", 200),
        ("trois mille", 3000),
        ("twenty-one", 21),
        ("one hundred and five", 105),
        ("des dizaines", 12),
        ("dozens", 12),
        ("hundreds", 100),
        ("several", 10),
        ("soldats", None),
        ("une dizaine", 10),
        ("une trentaine", 30),
        ("deux centaines", 200),
        ("un millier", 1000),
        ("a", 1),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@given(st.text(max_size=40))
def test_parse_number_never_crashes(text: str) -> None:
    value = parse_number(text)
    assert value is None or value >= 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Quatre civils ont été tués par ces tirs, selon les séparatistes, et 11 personnes "
            "blessées, dont au moins deux journalistes français.",
            [("fatalities", 4), ("injured", 11)],
        ),
        (
            "L'Arménie a annoncé que 104 soldats et 13 civils ont été tués.",
            [("fatalities", 104), ("fatalities", 13)],
        ),
        ("1 280 soldats ont été tués et 2 700 blessés.", [("fatalities", 1280), ("injured", 2700)]),
        ("Bakou a annoncé la mort de 19 civils.", [("fatalities", 19)]),
        (
            "A strike killed at least 12 people and wounded dozens more.",
            [("fatalities", 12), ("injured", 12)],
        ),
        ("Ten civilians were killed and 34 were wounded.", [("fatalities", 10), ("injured", 34)]),
        ("Un civil a été tué.", [("fatalities", 1)]),
        ("Une équipe de l'AFP qui n'a pas été blessée.", []),
        ("Un bombardement a tué trois enfants.", [("fatalities", 3)]),
        ("La ville, à 25 kilomètres du front, a été touchée le 1er octobre.", []),
        ("Depuis 2020, aucun mort.", []),
    ],
)
def test_count_casualties(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.count) for c in count_casualties(sentence)] == expected


@given(st.text(max_size=200))
def test_count_casualties_never_crashes(text: str) -> None:
    for c in count_casualties(text):
        assert c.count > 0 and 0 <= c.start < c.end <= len(text)


# --------------------------------------------------------------------------- dates


def test_weekday_and_day_month_resolution() -> None:
    friday = dt.date(2020, 10, 2)
    assert [f.date for f in find_dates("touchée jeudi par des tirs", reference=friday)] == [
        dt.date(2020, 10, 1)
    ]
    assert [f.date for f in find_dates("jeudi 1er octobre", reference=friday)] == [
        dt.date(2020, 10, 1)
    ]
    assert [
        f.date for f in find_dates("on Sunday, 8 November", reference=dt.date(2020, 11, 9))
    ] == [dt.date(2020, 11, 8)]
    assert [f.date for f in find_dates("on November 8", reference=dt.date(2020, 11, 9))] == [
        dt.date(2020, 11, 8)
    ]
    # a late-December date read in January belongs to the previous year
    assert [f.date for f in find_dates("le 28 décembre", reference=dt.date(2021, 1, 3))] == [
        dt.date(2020, 12, 28)
    ]
    assert [f.date for f in find_dates("hier soir", reference=friday)] == [dt.date(2020, 10, 1)]
    assert [f.date for f in find_dates("yesterday", reference=friday)] == [dt.date(2020, 10, 1)]
    assert find_dates("Depuis dimanche, les combats continuent", reference=friday) == []
    assert [f.date for f in find_dates("le 4 octobre 2020", reference=None)] == [
        dt.date(2020, 10, 4)
    ]
    assert [f.date for f in find_dates("jeudi", reference=None)] == [None]


@given(st.text(max_size=80), st.dates())
def test_find_dates_never_crashes(text: str, ref: dt.date) -> None:
    for f in find_dates(text, reference=ref):
        assert 0 <= f.start < f.end <= len(text)


# --------------------------------------------------------------------------- events from text


@pytest.fixture(scope="module")
def shared_events() -> gpd.GeoDataFrame:
    if not SHARED_ARTICLE.is_file():
        pytest.skip(f"shared article {SHARED_ARTICLE} is absent (it is not part of the repo)")
    return extract_events(read_documents(SHARED_ARTICLE))


def test_martouni_rocket_fire_event(shared_events: gpd.GeoDataFrame) -> None:
    rows = shared_events[shared_events["mention"] == "Martouni"]
    assert len(rows) == 1
    ev = rows.iloc[0]
    assert ev["event_date"] == pd.Timestamp("2020-10-01")
    assert ev["time_precision"] == 1
    assert (ev["event_type"], ev["sub_event_type"]) == SHELLING
    assert (ev["fatalities"], ev["injured"]) == (4, 11)
    assert ev["gazetteer_id"] == "gn:146969"
    assert (ev["country"], ev["country_code"], ev["language"]) == ("Azerbaijan", "AZ", "fr")
    assert "Quatre civils ont été tués" in ev["notes"]
    text = SHARED_ARTICLE.read_text(encoding="utf-8")
    assert text[ev["char_start"] : ev["char_end"]] == "Martouni"


def test_shared_article_event_table(shared_events: gpd.GeoDataFrame) -> None:
    assert list(shared_events.columns) == [*EVENT_COLUMNS, "geometry"]
    assert shared_events.crs.to_epsg() == 4326
    assert shared_events["event_id"].is_unique
    agdam = shared_events[shared_events["mention"] == "Agdam"].iloc[0]
    assert (agdam["event_type"], agdam["event_date"]) == (SHELLING[0], pd.Timestamp("2020-10-01"))
    # sentences without an incident are kept as mentions
    assert (shared_events["event_type"] == "Mention").sum() >= 15
    # Bakou and Erevan "indiquant que les affrontements se poursuivent" speak; no clash there
    speakers = shared_events[shared_events["char_start"].isin([3076, 3085])]
    assert set(speakers["event_type"]) == {"Mention"}


def test_sample_articles() -> None:
    events = extract_events(read_documents(SAMPLES))
    incidents = events[events["event_type"] != "Mention"]
    ganja = incidents[(incidents["location"] == "Ganja") & (incidents["fatalities"] > 0)]
    by_date = {str(r.event_date.date()): (r.fatalities, r.injured) for r in ganja.itertuples()}
    assert by_date == {"2020-10-04": (1, 30), "2020-10-11": (10, 34)}
    martouni = incidents[incidents["mention"] == "Martouni"].iloc[0]
    assert (martouni["fatalities"], martouni["injured"]) == (4, 11)
    hadrut = incidents[incidents["location"] == "Hadrut"].iloc[0]
    assert hadrut["sub_event_type"] == "Government regains territory"
    shusha = incidents[incidents["location"] == "Shusha"].iloc[0]
    assert (shusha["event_date"], shusha["injured"]) == (pd.Timestamp("2020-10-08"), 2)
    tartar = incidents[incidents["location"] == "Tartar"]
    assert pd.Timestamp("2020-10-10") in set(tartar["event_date"])
    assert {"Khankendi", "Horadiz"} <= set(incidents["location"])


def test_extract_events_from_text_and_api_export() -> None:
    ev = geo.extract_events("date 2020-10-11\nUn missile a frappé Ganja, tuant dix civils.")
    assert ev[["location", "fatalities", "event_date"]].values.tolist() == [
        ["Ganja", 10, pd.Timestamp("2020-10-11")]
    ]
    assert len(geo.extract_events("")) == 0


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
    assert list(ev.columns) == [*EVENT_COLUMNS, "geometry"]
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


# --------------------------------------------------------------------------- command line


def test_cli_parse_and_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mentions.geojson"
    assert geo_main(["parse", str(SAMPLES), "-o", str(out), "--no-progress"]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    props = features[0]["properties"]
    assert list(props) == [
        "doc_id",
        "mention",
        "char_start",
        "char_end",
        "name",
        "kind",
        "country_code",
        "gazetteer_id",
        "latitude",
        "longitude",
        "score",
    ]
    for f in features:
        p = f["properties"]
        text = Path(p["doc_id"]).read_text(encoding="utf-8")
        assert text[p["char_start"] : p["char_end"]] == p["mention"]
    acled = tmp_path / "acled.csv"
    assert geo_main(["events", str(SAMPLES), "-o", str(acled), "--format", "acled"]) == 0
    assert list(pd.read_csv(acled).columns) == list(ACLED_COLUMNS)


def test_cli_events_reads_acled_tables(tmp_path: Path) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(ACLED_CSV, encoding="utf-8")
    out = tmp_path / "events.geojson"
    # one bad row: skipped, reported, exit status 1
    assert geo_main(["events", str(table), "-o", str(out)]) == 1
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2


def test_cli_bad_inputs_do_not_stop_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Tirs sur Bakou à l'aube.".encode("cp1252"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "rows.jsonl").write_text('{"text": "Ganja."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    status = geo_main(["parse", str(tmp_path), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert "empty.txt: empty file" in err
    assert "bin.txt: binary file" in err
    assert "rows.jsonl, row 2: malformed JSON" in err
    assert "latin.txt: invalid UTF-8" in err and "warning" in err
    assert set(pd.read_csv(out)["mention"]) == {"Bakou", "Ganja"}


def test_cli_stdin_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo.cli", "parse", "-", "-o", "-"],
        input="date 2020-10-04\nRockets hit Ganja.",
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr
    features = json.loads(proc.stdout)["features"]
    assert [f["properties"]["mention"] for f in features] == ["Ganja"]
    assert features[0]["properties"]["doc_id"] == "<stdin>"


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


# --------------------------------------------------------------------------- held-out set 5


def _count(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[call-overload]


def _incidents(text: str) -> list[tuple[str, str, str, int | None, int | None]]:
    """Incidents as (mention, date, sub-type, fatalities, injured); None: no figure given."""
    ev = extract_events(text)
    ev = ev[ev["event_type"] != "Mention"]
    return [
        (
            r.mention,
            str(r.event_date.date()),
            r.sub_event_type,
            _count(r.fatalities),
            _count(r.injured),
        )
        for r in ev.itertuples()
    ]


def test_dateline_is_where_the_story_was_filed() -> None:
    text = (
        "date 2023-08-15\nADDIS-ABEBA (AFP) - Au moins 26 personnes ont été tuées et 55 "
        "blessées dimanche par une frappe aérienne dans la ville de Finote Selam, dans le "
        "nord-ouest de l'Éthiopie."
    )
    assert _incidents(text) == [("Finote Selam", "2023-08-13", "Air/drone strike", 26, 55)]
    alone = "date 2022-10-10\nKYIV (Reuters) - Russian missiles struck the capital on Monday."
    assert _incidents(alone) == [("KYIV", "2022-10-10", SHELLING[1], None, None)]


def test_words_for_an_attack_or_killings_need_a_date_or_a_toll() -> None:
    text = (
        "date 2025-01-20\nFive soldiers were killed on Sunday when rebels attacked a patrol "
        "near Tibu, Colombia. Fighters attacked villagers near Cucuta on Thursday. The attacks "
        "have forced thousands to flee to Ocana. Ten people died in a bus crash near Tibu on "
        "Saturday. A Britain-based monitor said 54 people had been killed."
    )
    assert _incidents(text) == [
        ("Tibu", "2025-01-19", "Armed clash", 5, None),
        ("Cucuta", "2025-01-16", "Attack", None, None),
    ]
    assert classify_sentence("Trois civils ont été tués à Mamfe.") == (
        "Violence against civilians",
        "Attack",
    )


def test_country_across_the_border_and_toll_of_a_town() -> None:
    text = (
        "date 2024-03-21\nVingt-trois soldats ont été tués mercredi dans une embuscade près de "
        "Téra, près de la frontière avec le Mali."
    )
    assert _incidents(text) == [("Téra", "2024-03-20", "Armed clash", 23, None)]


def test_subject_after_the_verb_is_no_actor() -> None:
    text = (
        "date 2021-03-29\nDes dizaines de civils ont été tués dans l'attaque lancée mercredi par "
        "des jihadistes contre la ville de Palma, dans le nord-est du Mozambique, ont annoncé "
        "dimanche les autorités."
    )
    assert _incidents(text) == [("Palma", "2021-03-24", "Attack", 12, None)]


def test_one_sentence_two_dates_two_incidents() -> None:
    text = (
        "date 2023-01-31\nEarlier this month, a police officer was killed in an attack on a "
        "checkpoint in Bannu, and in December fighters seized a centre in Bannu before "
        "commandos killed 33 of them."
    )
    # incidents dated only to a month are background, not news: kept as mentions
    assert _incidents(text) == []
    ev = extract_events(text)
    assert set(ev["event_type"]) == {"Mention"} and set(ev["location"]) == {"Bannu"}


def test_months_last_weekdays_and_last_year() -> None:
    tuesday = dt.date(2023, 8, 15)
    found = find_dates("Fin août 2022, des combats; en mai, des heurts", reference=tuesday)
    assert [(f.date, f.precision) for f in found] == [
        (dt.date(2022, 8, 1), 3),
        (dt.date(2023, 5, 1), 3),
    ]
    assert [f.date for f in find_dates("In December", reference=tuesday)] == [dt.date(2022, 12, 1)]
    assert [f.date for f in find_dates("earlier this month", reference=tuesday)] == [
        dt.date(2023, 8, 1)
    ]
    assert [f.date for f in find_dates("le mois dernier", reference=tuesday)] == [
        dt.date(2023, 7, 1)
    ]
    assert find_dates("the army may attack; depuis mars", reference=tuesday) == []
    assert [f.date for f in find_dates("des tirs mardi dernier", reference=tuesday)] == [
        dt.date(2023, 8, 8)
    ]
    assert [f.date for f in find_dates("last Tuesday", reference=tuesday)] == [dt.date(2023, 8, 8)]
    assert find_dates("lundi prochain et next Monday", reference=tuesday) == []
    assert [f.date for f in find_dates("on 7 October last year", reference=tuesday)] == [
        dt.date(2022, 10, 7)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Une trentaine de soldats ont été blessés.", [("injured", 30)]),
        (
            "Au moins vingt personnes, dont des femmes et des enfants, ont été tuées.",
            [("fatalities", 20)],
        ),
        ("A police officer was killed at a checkpoint.", [("fatalities", 1)]),
        ("Un policier a été tué et un autre blessé.", [("fatalities", 1), ("injured", 1)]),
        ("The death toll from the bombing has risen to 100, officials say.", [("fatalities", 100)]),
    ],
)
def test_more_ways_to_count(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.count) for c in count_casualties(sentence)] == expected


def test_running_total_is_judged_by_clause() -> None:
    text = (
        "date 2022-10-30\nAt least 100 people were killed when two car bombs exploded in "
        "Mogadishu on Saturday, the deadliest attack since a truck bomb killed 500 people."
    )
    assert _incidents(text) == [
        ("Mogadishu", "2022-10-29", "Remote explosive/landmine/IED", 100, None)
    ]
    total = "date 2023-11-08\nDepuis 2017, les combats ont fait 6 000 morts à Bamenda."
    assert _incidents(total) == [("Bamenda", "2023-11-08", "Armed clash", None, None)]


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
    assert "1 file(s) or row(s) skipped" in err
    map_out = tmp_path / "m.html"
    args = ["map", str(table), "-o", str(map_out), "--front", "none", "--boundaries", "none"]
    assert geo_main(args) == 1
    assert "3 events on the map" in capsys.readouterr().err


def test_an_article_dated_year_1_or_9999_is_read_without_the_date(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-good.txt").write_text(
        "date 2020-10-04\nDes roquettes ont frappé Ganja.", encoding="utf-8"
    )
    (folder / "b-old.txt").write_text(
        "date 0001-01-01\nDes roquettes ont frappé Barda.", encoding="utf-8"
    )
    (folder / "c-far.txt").write_text(
        "date 9999-12-31\nDes roquettes ont frappé Tartar le 3 janvier 9999.", encoding="utf-8"
    )
    (folder / "d-text.txt").write_text(
        "date 2020-10-04\nLe 3 janvier 9999, des roquettes ont frappé Terter: "
        "100000000000000000000000 civils ont été tués.",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        events = geo.events.extract_events_from_inputs(folder, problems=problems)
    sources = [Path(source).name for source in events["source"]]
    by_file = dict(zip(sources, events["event_date"], strict=True))
    assert set(by_file) == {"a-good.txt", "b-old.txt", "c-far.txt", "d-text.txt"}
    assert str(by_file["a-good.txt"].date()) == str(by_file["d-text.txt"].date()) == "2020-10-04"
    assert pd.isna(by_file["b-old.txt"]) and pd.isna(by_file["c-far.txt"])
    assert events["fatalities"].fillna(0).max() < 10**10
    assert [(Path(p.source).name, p.level) for p in problems] == [
        ("b-old.txt", "warning"),
        ("c-far.txt", "warning"),
    ]
    assert "date header '0001-01-01' is outside the dates geo handles" in problems[0].message
    assert "'9999-12-31'" in problems[1].message
    # with a default date, that one is used
    problems = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        dated = geo.events.extract_events_from_inputs(
            folder / "b-old.txt", problems=problems, date="2020-10-01"
        )
    assert [str(d.date()) for d in dated["event_date"]] == ["2020-10-01"]


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
