"""Tests of the ``geo`` command line (geocode and the shared plumbing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.cli import main

EXPECTED = {
    # query: (latitude, longitude, kind)
    "Martouni": (39.795, 47.112, "city"),
    "Alep": (36.20124, 37.16117, "city"),
    "Bakou": (40.37767, 49.89201, "city"),
    "Erevan": (40.17765, 44.5126, "city"),
    "Gaziantep": (37.05944, 37.3825, "city"),
    "Agdam": (39.99096, 46.92736, "city"),
    "Ağdam": (39.99096, 46.92736, "city"),
    "Stepanakert": (39.8177, 46.7528, "city"),
    "Gandja": (40.68157, 46.36134, "city"),
    "Choucha": (39.76006, 46.74989, "city"),
    "Bruxelles": (50.85045, 4.34878, "city"),
    "Hadrut": (39.52, 47.03, "city"),
}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geopy.distance import geodesic

    return float(geodesic((lat1, lon1), (lat2, lon2)).km)


def test_geocode_json_acceptance(capsys: pytest.CaptureFixture[str]) -> None:
    names = [*EXPECTED, "Haut-Karabakh", "Syrie", "Azerbaïdjan"]
    assert main(["geocode", "--json", *names]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["query"] for r in rows] == names
    by_query = {r["query"]: r for r in rows}
    for query, (lat, lon, kind) in EXPECTED.items():
        row = by_query[query]
        assert set(row) == {
            "query", "name", "kind", "latitude", "longitude", "country_code", "population", "id"
        }  # fmt: skip
        assert row["kind"] == kind
        assert _km(row["latitude"], row["longitude"], lat, lon) < 5, query
    assert by_query["Haut-Karabakh"]["kind"] == "region"
    assert by_query["Haut-Karabakh"]["id"] == "geo:nagorno-karabakh"
    assert (by_query["Syrie"]["kind"], by_query["Syrie"]["country_code"]) == ("country", "SY")
    assert by_query["Azerbaïdjan"]["country_code"] == "AZ"
    assert by_query["Azerbaïdjan"]["kind"] == "country"


def test_geocode_all_lists_both_martunis(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--all", "--json", "Martuni"]) == 0
    rows = json.loads(capsys.readouterr().out)
    coords = [(round(r["latitude"], 3), round(r["longitude"], 3)) for r in rows]
    assert (39.795, 47.112) in coords
    assert (40.14, 45.302) in coords
    assert len(rows) == 3


def test_geocode_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--all", "Martuni"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["query", "name", "kind", "lat", "lon", "cc", "population", "id"]
    assert any("Khojavend" in line and "39.79496" in line for line in out)


def test_unknown_names_are_reported_not_crashed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--json", "Bakou", "Nowhereville-sur-Mer", ""]) == 1
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert rows[1] == {
        "query": "Nowhereville-sur-Mer", "name": None, "kind": None, "latitude": None,
        "longitude": None, "country_code": None, "population": None, "id": None,
    }  # fmt: skip
    assert "not found: 'Nowhereville-sur-Mer'" in captured.err


def test_country_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--json", "--country", "AZ", "Martuni"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == "gn:146969"


def test_unknown_geocoder_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--geocoder", "nope", "Bakou"]) == 2
    assert "unknown geocoder 'nope'" in capsys.readouterr().err


def test_console_script_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "geo.cli", "geocode", "--json", "Bakou"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)[0]["name"] == "Baku"


# ------------------------------------------------------------------------------ bad input

ACLED = (
    "event_id_cnty,event_date,event_type,country,location,latitude,longitude,fatalities\n"
    "A1,2020-10-04,Battles,Azerbaijan,Ganja,40.68157,46.36134,3\n"
)


def _lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def test_nothing_read_is_fatal_and_keeps_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.geojson"
    out.write_text("previous", encoding="utf-8")
    for command in ("parse", "events"):
        assert main([command, str(tmp_path / "empty.txt"), "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert f"geo {command}: skipped: {tmp_path / 'empty.txt'}: empty file" in err
        assert err.rstrip().endswith("nothing could be read (every input was skipped, see above); "
                                     "no output written")  # fmt: skip
    assert main(["map", str(tmp_path / "nothing-*.csv"), "-o", str(tmp_path / "m.html")]) == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.geojson"]


def test_outputs_and_layers_are_checked_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the inputs were read before the arguments were checked")

    monkeypatch.setattr("geo.pipeline.run", never)
    table = tmp_path / "a.csv"
    table.write_text(ACLED, encoding="utf-8")
    (tmp_path / "empty.geojson").write_bytes(b"")
    (tmp_path / "folder.geojson").mkdir()
    cases = {
        ("events", "-o", "x.xlsx"): "cannot tell the output format of 'x.xlsx'",
        ("events", "-o", "-", "--format", "gpkg"): "cannot be written to standard output",
        ("events", "-o", str(tmp_path / "no" / "x.csv")): "does not exist; create it first",
        ("events", "-o", str(tmp_path / "folder.geojson")): "it is a folder; give a file name",
        ("events", "-o", "-", "--boundaries", str(tmp_path / "empty.geojson")): "is empty",
        ("events", "-o", "-", "--front", str(tmp_path / "nope.geojson")): "does not exist",
        ("map", "-o", str(tmp_path / "folder.geojson")): "it is a folder",
        ("map", "-o", "m.html", "--since", "2020-10-10", "--until", "2020-10-01"): (
            "--since 2020-10-10 is after --until 2020-10-01"
        ),
    }
    for (command, *options), message in cases.items():
        assert main([command, str(table), *options]) == 2, message
        err = _lines(capsys.readouterr().err)
        assert len(err) == 1 and err[0].startswith(f"geo {command}: error: "), err
        assert message in err[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "a.txt", "--date", "garbage"],
        ["events", "a.txt", "--date", "2020-13"],
        ["parse", "a.txt", "--max-chars", "0"],
        ["map", "a.txt", "-o", "m.html", "--since", "2020-02-30"],
        ["map", "a.txt", "-o", "m.html", "--until", "04/10/2020"],
        ["front", "derive", "c.geojson", "-o", "f.geojson", "--tolerance-km", "nan"],
        ["front", "derive", "c.geojson", "-o", "f.geojson", "--tolerance-km", "-1"],
    ],
)
def test_bad_option_values_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "error: argument --" in capsys.readouterr().err


def test_front_derive_writes_geojson_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["front", "derive", "c.geojson", "-o", str(tmp_path / "lines.csv")]) == 2
    assert capsys.readouterr().err == (
        f"geo front derive: error: cannot write {tmp_path / 'lines.csv'}: front lines are "
        "written as GeoJSON; give a .geojson file name (or - for standard output)\n"
    )


def test_warnings_are_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import geopandas as gpd
    from shapely.geometry import LineString

    table = tmp_path / "a.csv"
    table.write_text(ACLED, encoding="utf-8")
    front = tmp_path / "front.gpkg"
    gpd.GeoDataFrame(
        {"name": ["F"]}, geometry=[LineString([(46.0, 40.0), (47.0, 40.5)])], crs="EPSG:4326"
    ).to_file(front, engine="pyogrio")
    out = tmp_path / "e.geojson"
    assert main(["events", str(table), "--front", str(front), "-o", str(out)]) == 0
    err = _lines(capsys.readouterr().err)
    assert err == [
        f"geo events: warning: front-line file {front.resolve()} has no dates (valid_from/"
        "valid_to or date columns); each of its 1 line(s) is used for events of any date"
    ]
    props = json.loads(out.read_text(encoding="utf-8"))["features"][0]["properties"]
    assert props["distance_to_front_km"] == pytest.approx(46.4, abs=0.3)


def test_unexpected_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import geo.cli

    def broken(args: object) -> int:
        raise RuntimeError("boom " * 100)

    monkeypatch.setattr(geo.cli, "_run_events", broken)
    assert main(["events", "x.csv"]) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1 and err[0].startswith("geo events: error: unexpected RuntimeError: boom")
    assert err[0].endswith(
        "(a bug in geo: run again with GEO_DEBUG=1 for the traceback and report it)"
    )
    monkeypatch.setenv("GEO_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["events", "x.csv"])


def test_many_bad_rows_do_not_flood_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "a.csv"
    bad = "".join(f"B{i},someday,Battles,Azerbaijan,Ganja,40.68,46.36,1\n" for i in range(100))
    table.write_text(ACLED + bad, encoding="utf-8")
    out = tmp_path / "e.csv"
    assert main(["events", str(table), "-o", str(out)]) == 1
    err = _lines(capsys.readouterr().err)
    assert sum(1 for line in err if ": skipped: " in line) == 20
    assert f"geo events: ... and 80 more problem(s) in {table}" in err
    assert err[-1] == (
        f"geo events: skipped 100 row(s) (100 in {table}); every other row and file was read"
    )
    assert out.read_text(encoding="utf-8").count("\n") == 2


def test_interrupted_write_keeps_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import geo.io.writers

    table = tmp_path / "a.csv"
    table.write_text(ACLED, encoding="utf-8")
    out = tmp_path / "e.geojson"
    out.write_text("previous", encoding="utf-8")

    def interrupted(frame: object, *, first: bool) -> Iterator[str]:
        yield '\n{"type": "Feature"'
        raise KeyboardInterrupt

    monkeypatch.setattr(geo.io.writers, "_geojson_features", interrupted)
    assert main(["events", str(table), "-o", str(out)]) == 130
    assert capsys.readouterr().err == "geo events: interrupted; no output written\n"
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "e.geojson"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_ctrl_c_while_reading_exits_130_without_a_traceback(tmp_path: Path) -> None:
    import signal

    fifo = tmp_path / "articles.txt"
    os.mkfifo(fifo)
    out = tmp_path / "e.geojson"
    out.write_text("previous", encoding="utf-8")
    # opened for reading and writing, the FIFO has a writer before geo starts (geo never
    # waits for one: a FIFO without a writer is skipped)
    held = os.open(fifo, os.O_RDWR)
    # a test run started in the background by a shell without job control ignores SIGINT,
    # and an ignored signal stays ignored in a child: give the child Python's own handler
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "geo.cli", "events", str(fifo), "-o", str(out)],
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        os.write(held, b"date 2020-10-04\nGanja ")
        _wait_until_read(held)
        proc.send_signal(signal.SIGINT)
        # a safety net only: a loaded machine may take long to start and stop the workers
        _, err = proc.communicate(timeout=600)
    finally:
        os.close(held)
        if proc.poll() is None:  # no process left behind, whatever failed
            proc.kill()
            proc.wait(timeout=600)
    assert proc.returncode == 130
    assert err == "geo events: interrupted; no output written\n"
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.txt", "e.geojson"]


def _wait_until_read(fd: int) -> None:
    """Block until the bytes written to a FIFO have been read by the other process."""
    import fcntl
    import termios
    import time

    while True:
        unread = bytearray(4)
        fcntl.ioctl(fd, termios.FIONREAD, unread)
        if int.from_bytes(unread, sys.byteorder) == 0:
            return
        time.sleep(0.05)


def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path) -> None:
    """A SIGTERM'd run (kill, a job scheduler) exits 143 with a message, leaves no temporary
    file and keeps the previous output."""
    import signal

    table = tmp_path / "a.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,latitude,longitude\n"
        "A1,2020-10-04,Battles,40.68,46.36\n",
        encoding="utf-8",
    )
    out = tmp_path / "e.geojson"
    out.write_text("previous", encoding="utf-8")
    # the writer stops half-way, tells the test, and waits for the signal
    script = (
        "import signal, sys, geo.io.writers, geo.cli\n"
        "def halfway(frame, *, first):\n"
        '    yield \'\\n{"type": "Feature"\'\n'
        "    print('writing', flush=True)\n"
        "    signal.pause()\n"
        "geo.io.writers._geojson_features = halfway\n"
        f"sys.exit(geo.cli.main(['events', {str(table)!r}, '-o', {str(out)!r}]))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "writing\n"
        temporaries = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temporaries) == 1 and temporaries[0].startswith(".e.geojson.geo")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=600)  # a safety net only, as above
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=600)
    assert proc.returncode == 143
    assert err == "geo events: terminated; no output written\n"
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "e.geojson"]


def test_long_queries_are_cut_in_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--json", "x" * 100_000]) == 1
    err = capsys.readouterr().err
    assert len(err) < 200 and err.startswith("geo geocode: not found: 'xxx")


def test_text_from_inputs_cannot_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "a.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,location,latitude,longitude,source\n"
        "A1,2020-10-04,Battles,\x1b[2J\x1b[31mNowhere\u202e,,,src\u2028fake line\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.html"
    assert main(["map", str(table), "-o", str(out), "--front", "none", "--boundaries", "none"]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "\u2028" not in err
    assert "geo map: no coordinates: \\x1b[2J\\x1b[31mNowhere\\u202e (2020-10-04" in err


def test_a_file_name_that_is_not_utf8_never_stops_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ok.txt").write_text(
        "date 2020-10-04\nDes roquettes ont frappé Ganja.", encoding="utf-8"
    )
    bad = os.fsdecode(os.fsencode(str(folder)) + b"/caf\xe9.txt")
    Path(bad).write_text("date 2020-10-05\nDes roquettes ont frappé Barda.", encoding="utf-8")
    out = tmp_path / "e.geojson"
    assert main(["events", str(folder), "-o", str(out)]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    sources = sorted(Path(f["properties"]["source"]).name for f in features)
    assert sources == ["caf\ufffd.txt", "ok.txt"]
    assert f"warning: {folder / 'caf�.txt'}: the file name is not valid UTF-8" in (
        capsys.readouterr().err
    )
    page = tmp_path / "m.html"
    assert (
        main(["map", str(folder), "-o", str(page), "--front", "none", "--boundaries", "none"]) == 0
    )
    assert "2 events on the map" in capsys.readouterr().err


def test_a_geocode_argument_that_is_not_utf8_is_reported_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = os.fsdecode(b"Gand\xe9ja")
    assert main(["geocode", "--json", "Bakou", bad, "Erevan"]) == 1
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert [r["query"] for r in rows] == ["Bakou", "Gand\ufffdja", "Erevan"]
    assert [r["country_code"] for r in rows] == ["AZ", None, "AM"]
    assert captured.err == (
        "geo geocode: 'Gand\ufffdja': not valid UTF-8 (bytes b'Gand\\xe9ja'); give names in UTF-8\n"
    )
    assert main(["geocode", bad]) == 1  # the table too
    assert "Gand\ufffdja  (not found)" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifos_given_as_layers_or_tables_are_refused_without_waiting(tmp_path: Path) -> None:
    """Nothing writes to the FIFO: every command names it and goes on or stops at once (run
    in subprocesses, so that a regression fails on the time-out instead of hanging)."""
    fifo = tmp_path / "pipe.geojson"
    os.mkfifo(fifo)
    table = tmp_path / "a.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,latitude,longitude\n"
        "A1,2020-10-04,Battles,40.68,46.36\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.html"
    geo = [sys.executable, "-m", "geo.cli"]
    runs = {
        "not a regular file": [*geo, "front", "derive", str(fifo), "-o", str(tmp_path / "f.json")],
        "front-line file": [*geo, "map", str(table), "--front", str(fifo), "-o", str(out)],
        "skipped": [*geo, "map", str(table), str(fifo), "-o", str(out), "--front", "none"],
    }
    for expected, argv in runs.items():
        done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
        assert expected in done.stderr and f"{fifo}" in done.stderr, done.stderr
        assert done.returncode == (1 if expected == "skipped" else 2)


# ------------------------------------------------------------------- real exports on a map

REALDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "realdata"


@pytest.mark.slow
def test_map_of_the_real_tables_and_the_weekly_control_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``geo map`` on the four real tables and the weekly areas of control: the frame the
    map receives holds the actors, no Karabakh distance for Pakistan, a distance and a side
    for Ukraine (the map draws what it receives)."""
    import numpy as np

    import geo.mapping

    tables = sorted((REALDATA / "events").glob("*.csv"))
    control = REALDATA / "control" / "ukraine-occupied-weekly-2022-23.geojson"
    if len(tables) < 4 or not control.is_file():
        pytest.skip(f"{REALDATA} is absent (the real files are not part of the repository)")
    received: dict[str, object] = {}
    write_map = geo.mapping.write_map

    def spy(events: object, *args: object, **kwargs: object) -> object:
        received["events"], received["front"] = events, kwargs.get("front")
        return write_map(events, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(geo.mapping, "write_map", spy)
    out = tmp_path / "map.html"
    args = ["map", *map(str, tables), "--control", str(control), "-o", str(out)]
    assert main(args) == 0, capsys.readouterr().err
    assert out.stat().st_size > 0
    events = received["events"]
    assert len(events) == 10_194 + 811 + 1_000 + 3_883  # type: ignore[arg-type]
    frame = events  # a GeoDataFrame
    for column in ("actor1", "actor2", "assoc_actor_1", "inter1", "side_a", "dataset"):
        assert column in frame, column  # type: ignore[operator]
    acled = frame[frame["dataset"] == "ACLED"]  # type: ignore[index]
    assert acled["actor1"].notna().all()
    # ACLED's own ids say the country (the region join may place a border event next door)
    pakistan = frame[frame["event_id"].str.endswith("PAK")]  # type: ignore[index]
    assert len(pakistan) == 1_800
    assert pakistan["distance_to_front_km"].isna().all()
    assert pakistan["front_side"].isna().all()
    ukraine = frame[frame["country_code"] == "UA"]  # type: ignore[index]
    covered = ukraine[ukraine["event_date"] >= np.datetime64("2022-08-25")]
    assert len(covered) > 500
    assert covered["distance_to_front_km"].notna().all()
    assert covered["front_side"].isin(["inside", "outside"]).all()
    assert set(covered["front_side"]) == {"inside", "outside"}
    # the lines drawn are those measured to: the 1994 line and the 28 weekly fronts
    front = received["front"]
    assert len(front) == 29  # type: ignore[arg-type]
