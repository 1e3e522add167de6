"""Tests of geo.io.writers: chunked GeoParquet/GeoPackage through spilled parts, GeoJSON
sequences, and their agreement with writing one frame at once."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from geo.errors import OutputError
from geo.io.writers import FrameWriter, output_format, write_events
from geo.schema import events_to_frame


def _frames() -> list[gpd.GeoDataFrame]:
    rows = [
        {
            "event_id": f"d{i}-1",
            "event_date": f"2024-03-{i + 1:02d}",
            "time_precision": 1,
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "location": f"Town {i}",
            "latitude": 10.0 + i,
            "longitude": 20.0 - i,
            "fatalities": None if i % 2 else i,
            "notes": "=cmd() and {{ 7*7 }}" if i == 3 else None,
            "source": f"doc{i}.txt",
        }
        for i in range(7)
    ]
    return [events_to_frame(rows[:3]), events_to_frame([]), events_to_frame(rows[3:])]


def _whole(frames: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    filled = [f for f in frames if len(f)]
    return gpd.GeoDataFrame(pd.concat(filled, ignore_index=True), crs="EPSG:4326")


def _write(path: Path, frames: list[gpd.GeoDataFrame]) -> FrameWriter:
    with FrameWriter(path) as writer:
        for frame in frames:
            writer.write(frame)
    return writer


def test_chunked_parquet_reads_back_as_the_frame_written_at_once(tmp_path: Path) -> None:
    frames = _frames()
    writer = _write(tmp_path / "s.parquet", frames)
    write_events(_whole(frames), tmp_path / "w.parquet")
    streamed = gpd.read_parquet(tmp_path / "s.parquet")
    at_once = gpd.read_parquet(tmp_path / "w.parquet")
    pd.testing.assert_frame_equal(streamed, at_once)
    assert writer.rows == 7 and streamed.crs.to_epsg() == 4326
    assert streamed["fatalities"].tolist()[:3] == [0, pd.NA, 2]
    assert streamed.loc[3, "notes"] == "=cmd() and {{ 7*7 }}"  # kept as it is, no guard
    geo = json.loads(pq.read_schema(tmp_path / "s.parquet").metadata[b"geo"])
    assert geo["columns"]["geometry"]["bbox"] == [14.0, 10.0, 20.0, 16.0]
    assert pq.ParquetFile(tmp_path / "s.parquet").num_row_groups == 2  # the empty part adds none


def test_parts_with_different_column_types_are_joined(tmp_path: Path) -> None:
    first = events_to_frame([{"event_id": "a", "latitude": 1.0, "longitude": 2.0}])
    first["inter1"] = pd.array([1], dtype="Int64")
    first["extra"] = None
    second = events_to_frame([{"event_id": "b", "latitude": 3.0, "longitude": 4.0}])
    second["inter1"] = "State forces"  # ACLED wrote inter1 as text from 2024
    second["extra"] = "x"
    _write(tmp_path / "m.parquet", [first, second])
    back = gpd.read_parquet(tmp_path / "m.parquet")
    assert back["inter1"].tolist() == ["1", "State forces"]
    assert pd.isna(back.loc[0, "extra"]) and back.loc[1, "extra"] == "x"
    assert back["event_id"].tolist() == ["a", "b"]
    _write(tmp_path / "m.gpkg", [first, second])
    layer = gpd.read_file(tmp_path / "m.gpkg")
    assert layer["inter1"].tolist() == ["1", "State forces"]
    assert layer.geometry.x.tolist() == [2.0, 4.0]


def test_chunked_geopackage_has_every_row_and_missing_tolls(tmp_path: Path) -> None:
    frames = _frames()
    _write(tmp_path / "s.gpkg", frames)
    layer = gpd.read_file(tmp_path / "s.gpkg")
    assert layer["event_id"].tolist() == [f"d{i}-1" for i in range(7)]
    tolls = layer["fatalities"].tolist()
    assert tolls[0] == 0 and tolls[2] == 2 and pd.isna(tolls[1])


def test_parts_are_removed_after_success_and_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spill = tmp_path / "tmp"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    out = tmp_path / "out.parquet"
    out.write_bytes(b"previous")
    with pytest.raises(KeyboardInterrupt), FrameWriter(out) as writer:
        writer.write(_frames()[0])
        assert len(list(spill.iterdir())) == 1
        raise KeyboardInterrupt
    assert out.read_bytes() == b"previous" and not list(spill.iterdir())
    _write(out, _frames())
    assert len(gpd.read_parquet(out)) == 7 and not list(spill.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet", "tmp"]


@pytest.mark.parametrize(("ext", "start"), [("geojsonl", ""), ("geojsons", "\x1e")])
def test_geojson_sequences_hold_one_feature_per_line(tmp_path: Path, ext: str, start: str) -> None:
    frames = _frames()
    streamed, at_once = tmp_path / f"s.{ext}", tmp_path / f"w.{ext}"
    _write(streamed, frames)
    write_events(_whole(frames), at_once)
    text = streamed.read_text(encoding="utf-8")
    assert text == at_once.read_text(encoding="utf-8")
    lines = text.rstrip("\n").split("\n")  # splitlines() would split at the separator
    assert len(lines) == 7 and all(line.startswith(start + "{") for line in lines)
    features = [json.loads(line.removeprefix(start)) for line in lines]
    whole = json.loads(_geojson(tmp_path, frames))["features"]
    assert features == whole


def _geojson(folder: Path, frames: list[gpd.GeoDataFrame]) -> str:
    path = folder / "whole.geojson"
    write_events(_whole(frames), path)
    return path.read_text(encoding="utf-8")


def test_output_formats_of_sequences() -> None:
    assert output_format("a.geojsonl") == "geojsonl"
    assert output_format("a.geojsons") == "geojsonseq"
    assert output_format("-", format="geojsonl") == "geojsonl"
    with pytest.raises(OutputError, match="geojsonseq"):
        output_format("a.txt", format="shapefile")


def test_an_empty_run_writes_no_binary_file(tmp_path: Path) -> None:
    with FrameWriter(tmp_path / "e.parquet"):
        pass
    assert not (tmp_path / "e.parquet").exists()
    assert isinstance(pa.schema([]), pa.Schema)
