"""Tests of the ``geo`` command line (geocode and the shared plumbing)."""

from __future__ import annotations

import json
import subprocess
import sys

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
