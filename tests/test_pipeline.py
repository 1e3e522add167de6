"""Tests of geo.pipeline: one runner, serial, over a process pool and over Dask, streaming."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest

from geo import config
from geo.errors import OutputError
from geo.events.merge import merge_events
from geo.io.documents import Document, Problem, iter_documents, make_document
from geo.io.writers import FrameWriter, write_events
from geo.pipeline import (
    Options,
    collect,
    merged,
    process_chunk,
    process_document,
    rows_to_frame,
    run,
    write,
)

FR = "date 2020-10-0{d}\nDes roquettes ont frappé Ganja, tuant {n} civils. Bakou a été bombardée."
EN = "date 2020-10-1{d}\nArtillery shelled {p} and Kapan, killing {n} people, officials said."
PLACES = ("Goris", "Barda", "Tartar", "Shusha")


def _corpus(path: Path, n: int) -> Path:
    """A JSONL corpus of ``n`` small articles, French and English in turn."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = (FR if i % 2 else EN).format(d=i % 9 + 1, n=i % 7 + 2, p=PLACES[i % 4])
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    return path


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in ("event_id", "doc_id", "char_start") if c in frame.columns]
    return pd.DataFrame(frame).sort_values(columns).reset_index(drop=True)


def _new_children_left(before: set[Any]) -> list[str]:
    """Child processes started since ``before`` and still running (name, pid, start)."""
    # a worker stopped under heavy load may take a moment to be reaped: wait for it (bounded),
    # so that only a worker still running after that counts as left behind
    new = [p for p in multiprocessing.active_children() if p not in before]
    for process in new:
        process.join(timeout=30)
    return [f"{p.name} pid {p.pid} ({type(p).__name__})" for p in new if p.is_alive()]


# ------------------------------------------------------------------------------ the unit


def test_process_document_is_pure_and_picklable() -> None:
    doc = make_document(FR.format(d=4, n=3), doc_id="x")
    options = pickle.loads(pickle.dumps(Options(task="events")))
    rows = process_document(pickle.loads(pickle.dumps(doc)), options)
    assert [r["location"] for r in rows] == ["Ganja", "Baku"]
    assert rows[0]["fatalities"] == 3
    assert pickle.loads(pickle.dumps(rows)) == rows == process_document(doc, options)
    mentions = process_document(doc, Options(task="mentions"))
    assert [(m["mention"], m["lang"]) for m in mentions] == [("Ganja", "fr"), ("Bakou", "fr")]


def test_mentions_frame_is_that_of_the_parser(tmp_path: Path) -> None:
    from geo.geoparse import find_mentions, mentions_to_frame

    corpus = _corpus(tmp_path / "c.jsonl", 6)
    ours = collect(corpus, task="mentions", workers=1, chunk_size=4)
    direct = [m for doc in iter_documents(corpus) for m in find_mentions(doc)]
    assert ours["mention"].tolist() == [m.mention for m in direct]
    assert ours["gazetteer_id"].tolist() == mentions_to_frame(direct)["gazetteer_id"].tolist()
    assert rows_to_frame([], task="mentions").columns.tolist() == ours.columns.tolist()


def test_chunks_are_frames_in_input_order(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 7)
    frames = list(run(corpus, task="mentions", workers=1, chunk_size=3))
    assert [f["doc_id"].unique().tolist() for f in frames] == [
        ["a0", "a1", "a2"],
        ["a3", "a4", "a5"],
        ["a6"],
    ]
    docs = list(iter_documents(corpus))
    whole = process_chunk(docs, Options(task="mentions"))
    pd.testing.assert_frame_equal(
        pd.DataFrame(pd.concat(frames, ignore_index=True)), pd.DataFrame(whole)
    )


def test_run_takes_documents_streamed_by_the_caller() -> None:
    docs = (make_document(EN.format(d=i, n=2, p="Goris"), doc_id=str(i)) for i in range(3))
    frames = list(run(docs, workers=1, chunk_size=2))
    assert [len(f) for f in frames] == [4, 2]  # the generator was consumed once, in order


@pytest.mark.slow
def test_process_pool_starts_under_a_deep_temporary_folder(
    tmp_path: Path, corpus: Path, serial_events: pd.DataFrame
) -> None:
    # the fork server's socket would not fit under this TMPDIR: the pool spawns its workers
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    out = tmp_path / "pooled.csv"
    code = (
        "import sys, pandas as pd; from geo.pipeline import collect; "
        "pd.DataFrame(collect(sys.argv[1], workers=2, chunk_size=4)).to_csv(sys.argv[2])"
    )
    env = {**os.environ, "TMPDIR": str(deep)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(out)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    pooled = pd.read_csv(out, index_col=0)
    assert len(pooled) == len(serial_events) == 10
    assert pooled["event_id"].tolist() == serial_events["event_id"].tolist()


def test_bad_arguments_are_errors() -> None:
    from geo.errors import InputError

    with pytest.raises(InputError, match="workers must be at least 1"):
        list(run([make_document("x", doc_id="a")], workers=0))
    with pytest.raises(InputError, match="executor must be"):
        docs = [make_document(EN.format(d=i, n=2, p="Goris"), doc_id=str(i)) for i in range(4)]
        list(run(docs, executor=object(), chunk_size=1))


# ------------------------------------------------------------------------------ executors


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus") / "c.jsonl", 24)


@pytest.fixture(scope="module")
def serial_events(corpus: Path) -> pd.DataFrame:
    return pd.DataFrame(collect(corpus, workers=1, chunk_size=4))


def test_process_pool_gives_the_serial_events(corpus: Path, serial_events: pd.DataFrame) -> None:
    before = set(multiprocessing.active_children())
    pooled = pd.DataFrame(collect(corpus, workers=2, chunk_size=4))
    assert len(serial_events) == 10
    pd.testing.assert_frame_equal(_sorted(pooled), _sorted(serial_events))
    pd.testing.assert_frame_equal(pooled, serial_events)  # the same order even unsorted
    incidents = collect(corpus, workers=2, chunk_size=4, merge=False)
    serial = collect(corpus, workers=1, chunk_size=4, merge=False)
    assert len(incidents) == 48
    pd.testing.assert_frame_equal(pd.DataFrame(incidents), pd.DataFrame(serial))
    assert _new_children_left(before) == []


def test_an_executor_given_is_used_and_left_running(
    corpus: Path, serial_events: pd.DataFrame
) -> None:
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        first = pd.DataFrame(collect(corpus, executor=executor, chunk_size=4))
        again = pd.DataFrame(collect(corpus, executor=executor, chunk_size=4, merge=False))
    pd.testing.assert_frame_equal(first, serial_events)
    assert len(again) >= len(first)


def test_dask_local_cluster_gives_the_serial_events(
    corpus: Path, serial_events: pd.DataFrame
) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        events = pd.DataFrame(collect(corpus, executor=client, chunk_size=4))
        bagged = pd.DataFrame(collect(corpus, executor="dask", chunk_size=4))  # dask.bag
    pd.testing.assert_frame_equal(_sorted(events), _sorted(serial_events))
    pd.testing.assert_frame_equal(bagged, serial_events)


@pytest.mark.slow
def test_dask_worker_processes_give_the_serial_events(
    corpus: Path, serial_events: pd.DataFrame
) -> None:
    from geo.pipeline import dask_client

    before = set(multiprocessing.active_children())
    with dask_client(local=2) as client:
        events = pd.DataFrame(collect(corpus, executor=client, chunk_size=4))
        mentions = collect(corpus, task="mentions", executor=client, chunk_size=4)
    assert _new_children_left(before) == []  # the cluster's worker processes are gone
    pd.testing.assert_frame_equal(_sorted(events), _sorted(serial_events))
    assert len(mentions) == len(collect(corpus, task="mentions", workers=1))


def test_a_small_input_starts_no_worker(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 3)
    before = set(multiprocessing.active_children())
    frames = list(run(corpus, workers=2, chunk_size=config.PIPELINE_CHUNK_DOCUMENTS))
    assert len(frames) == 1
    assert _new_children_left(before) == []


# ------------------------------------------------------------------------------ streaming


def test_frame_writer_writes_what_write_events_writes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 9)
    frames = list(run(corpus, workers=1, chunk_size=2))
    whole = pd.concat(frames, ignore_index=True)
    for ext in ("csv", "geojson"):
        streamed, at_once = tmp_path / f"s.{ext}", tmp_path / f"w.{ext}"
        with FrameWriter(streamed) as writer:
            for frame in frames:
                writer.write(frame)
        write_events(whole, at_once)
        assert streamed.read_text(encoding="utf-8") == at_once.read_text(encoding="utf-8")
        assert writer.rows == len(whole) > 0
    acled = tmp_path / "a.csv"
    with FrameWriter(acled, format="acled") as writer:
        for frame in frames:
            writer.write(frame)
    assert acled.read_text(encoding="utf-8").count("event_id_cnty") == 1


def test_frame_writer_leaves_a_previous_file_whole_on_error(tmp_path: Path) -> None:
    out = tmp_path / "out.geojson"
    out.write_text("previous", encoding="utf-8")
    frame = collect(_corpus(tmp_path / "c.jsonl", 2), workers=1)
    with pytest.raises(KeyboardInterrupt), FrameWriter(out) as writer:
        writer.write(frame)
        raise KeyboardInterrupt
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "out.geojson"]


def test_write_streams_mentions_and_unmerged_events(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 10)
    out = tmp_path / "m.csv"
    n = write(corpus, out, task="mentions", workers=1, chunk_size=3)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("doc_id,mention,") and len(lines) == n + 1 == 21
    events = tmp_path / "e.geojson"
    n_events = write(corpus, events, merge=False, workers=1, chunk_size=3)
    assert len(json.loads(events.read_text(encoding="utf-8"))["features"]) == n_events == 20


def test_big_corpora_are_read_row_by_row_as_whole_files_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jsonl = _corpus(tmp_path / "c.jsonl", 80)  # the bad bytes come after the first 8 KB
    with jsonl.open("ab") as fh:
        fh.write(b"not json\n")
        fh.write(b'{"id": "bad", "text": "Ganja \xff a \xe9t\xe9 frapp\xe9e."}\n')
    table = tmp_path / "c.csv"
    table.write_text(
        'id;text;date\nr1;"Ganja, Bakou";2020-10-04\nr2;"Stepanakert\nwas shelled"\n'
        'r3;"Shusha";2020-10-05\nr4;"never closed\nGanja\n',
        encoding="utf-8",
    )

    def read(path: Path) -> tuple[list[Document], list[str]]:
        problems: list[Problem] = []
        with pytest.warns(Warning) if path.suffix == ".jsonl" else _nothing():
            docs = list(iter_documents(path, problems=problems))
        return docs, [str(p) for p in problems if p.level == "error"]

    whole_csv = read(table)
    monkeypatch.setattr(config, "STREAM_FILE_BYTES", 0)
    streamed_csv = read(table)
    assert streamed_csv == whole_csv
    assert [d.doc_id for d in streamed_csv[0]] == ["r1", "r3"]
    assert any("never closed" in p for p in streamed_csv[1])
    docs, errors = read(jsonl)
    assert [d.doc_id for d in docs] == [*(f"a{i}" for i in range(80)), "bad"]
    assert docs[-1].text == "Ganja \ufffd a \ufffdt\ufffd frapp\ufffde."
    assert len(errors) == 1 and errors[0].startswith(f"{jsonl}, row 81: malformed JSON")
    monkeypatch.setattr(config, "STREAM_FILE_BYTES", 10**9)
    assert read(jsonl)[0][:80] == docs[:80]


def _gathered_then_merged(corpus: Path, chunk_size: int) -> gpd.GeoDataFrame:
    """What the pipeline gave before it streamed the merge: every chunk frame gathered,
    concatenated, then merge_events."""
    frames = [f for f in run(corpus, workers=1, chunk_size=chunk_size) if len(f)]
    whole = gpd.GeoDataFrame(
        pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326"
    )
    return merge_events(whole)


@pytest.mark.parametrize(("chunk_size", "block_events"), [(1, 1), (3, 2), (4, 1000)])
def test_merged_events_stream_as_merge_events_gives_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk_size: int, block_events: int
) -> None:
    """Merged a block at a time (the incidents of one day spread over chunks): collect,
    write and the blocks give merge_events of all the events, and no temporary is left."""
    corpus = _corpus(tmp_path / "c.jsonl", 24)
    spill = tmp_path / "spill"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    monkeypatch.setattr(config, "MERGE_BLOCK_EVENTS", block_events)
    expected = _gathered_then_merged(corpus, chunk_size)
    assert (expected["source_count"] > 1).any()  # incidents of several articles merged
    blocks = list(merged(run(corpus, workers=1, chunk_size=chunk_size)))
    assert len(blocks) == -(-len(expected) // block_events)
    collected = collect(corpus, workers=1, chunk_size=chunk_size)
    pd.testing.assert_frame_equal(collected, expected)
    out = tmp_path / "e.geojson"
    assert write(corpus, out, workers=1, chunk_size=chunk_size) == len(expected)
    reference = tmp_path / "reference.geojson"
    write_events(expected, reference)
    assert out.read_bytes() == reference.read_bytes()
    assert not list(spill.glob("geo-merge-*"))


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_while_merging_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    spill = tmp_path / "spill"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    out = tmp_path / "out.csv"
    out.write_text("previous", encoding="utf-8")
    before = set(multiprocessing.active_children())
    with pytest.raises(KeyboardInterrupt):
        write(_interrupted(40), out, workers=workers, chunk_size=4)
    assert out.read_text(encoding="utf-8") == "previous"
    assert not list(spill.glob("geo-merge-*"))
    assert _new_children_left(before) == []
    # an error of the step after the merge (a region join, a distance) too

    def broken(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        raise OutputError("disk full")

    corpus = _corpus(tmp_path / "c.jsonl", 8)
    with pytest.raises(OutputError, match="disk full"):
        write(corpus, out, workers=1, chunk_size=2, post=broken)
    assert out.read_text(encoding="utf-8") == "previous"
    assert not list(spill.glob("geo-merge-*"))


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


# ------------------------------------------------------------------------------ Ctrl-C


def _interrupted(n: int) -> Iterator[Document]:
    """Documents, then Ctrl-C (as the reader sees it) after ``n`` of them."""
    for i in range(n):
        yield make_document(EN.format(d=i % 9, n=2, p=PLACES[i % 4]), doc_id=f"d{i}")
    raise KeyboardInterrupt


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_the_workers_and_leaves_no_partial_output(
    tmp_path: Path, workers: int
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("previous", encoding="utf-8")
    before = set(multiprocessing.active_children())
    with pytest.raises(KeyboardInterrupt):
        write(_interrupted(40), out, merge=False, workers=workers, chunk_size=4)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    assert _new_children_left(before) == []


def test_cli_ctrl_c_exits_130_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import geo.io.documents
    from geo.cli import main

    monkeypatch.setattr(geo.io.documents, "iter_documents", lambda *a, **k: _interrupted(200))
    monkeypatch.setattr(config, "PIPELINE_CHUNK_DOCUMENTS", 8)
    (tmp_path / "x.jsonl").write_text("{}", encoding="utf-8")
    out = tmp_path / "events.csv"
    before = set(multiprocessing.active_children())
    args = [str(tmp_path / "x.jsonl"), "-o", str(out), "--no-merge", "--workers", "2"]
    assert main(["events", *args]) == 130
    assert "interrupted; no output written" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]
    assert _new_children_left(before) == []


# ------------------------------------------------------------------------------ command line


def test_cli_workers_give_the_same_outputs(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geo.cli import main

    monkeypatch.setattr(config, "PIPELINE_CHUNK_DOCUMENTS", 5)  # 5 chunks: the pool runs

    outs = {}
    for flags in (["--workers", "1"], ["--workers", "2"]):
        for command in ("parse", "events"):
            out = tmp_path / f"{command}{flags[-1]}.csv"
            assert main([command, str(corpus), "-o", str(out), *flags]) == 0
            outs[command, flags[-1]] = out.read_text(encoding="utf-8")
    assert outs["parse", "1"] == outs["parse", "2"]
    assert outs["events", "1"] == outs["events", "2"]
    assert outs["events", "1"].count("\n") > 5


def test_cli_events_output_on_the_samples_is_what_merging_it_all_at_once_gave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``geo events`` (merged, regions, distance to the front), one event per block: the
    file the whole frame gave when it was gathered, merged and joined at once."""
    from geo.cli import main
    from geo.frontline import distance_to_front
    from geo.io.files import data_dir
    from geo.regions import join_regions

    samples = data_dir() / "samples"
    expected = _gathered_then_merged(samples, config.PIPELINE_CHUNK_DOCUMENTS)
    expected = distance_to_front(join_regions(expected, boundaries=None), front=None)
    reference = tmp_path / "reference.csv"
    write_events(expected, reference)
    monkeypatch.setattr(config, "MERGE_BLOCK_EVENTS", 1)
    monkeypatch.setattr(config, "PIPELINE_CHUNK_DOCUMENTS", 1)
    out = tmp_path / "events.csv"
    args = [str(samples), "-o", str(out), "--boundaries", "--front", "--workers", "1"]
    assert main(["events", *args, "--no-progress"]) == 0
    assert len(expected) > 5
    assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")


def test_build_events_joins_block_by_block_what_it_joined_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The map's events, merged, joined to regions and measured to the front a block at a
    time: the frame the whole run gave at once."""
    from geo.frontline import distance_to_front
    from geo.io.files import data_dir
    from geo.pipeline import build_events, fill_coordinates
    from geo.regions import join_regions

    samples = data_dir() / "samples"
    whole = fill_coordinates(_gathered_then_merged(samples, 64), "offline")
    expected = distance_to_front(join_regions(whole, boundaries=None), front=None)
    monkeypatch.setattr(config, "MERGE_BLOCK_EVENTS", 2)
    monkeypatch.setattr(config, "PIPELINE_CHUNK_DOCUMENTS", 1)
    pd.testing.assert_frame_equal(build_events(samples, workers=1), expected)


def test_cli_parallel_options_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    from geo.cli import build_parser, main

    for bad in (["--workers", "0"], ["--workers", "2", "--dask-local", "2"]):
        with pytest.raises(SystemExit):
            main(["events", "x.txt", *bad])
    capsys.readouterr()
    for command in ("parse", "events", "map"):
        args = build_parser().parse_args([command, "x", "-o", "o.html", "--dask-scheduler", "a"])
        assert (args.workers, args.dask_scheduler, args.dask_local) == (None, "a", None)


def test_cli_unreachable_scheduler_is_an_error(
    tmp_path: Path,
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("distributed")
    import socket

    from geo.cli import main

    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setattr(config, "DASK_CONNECT_TIMEOUT_SECONDS", 1)
    out = tmp_path / "e.csv"
    address = f"tcp://127.0.0.1:{port}"
    assert main(["events", str(corpus), "-o", str(out), "--dask-scheduler", address]) == 2
    assert "cannot reach the dask scheduler" in capsys.readouterr().err
    assert not out.exists()
