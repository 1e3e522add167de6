"""Tests of geo.io.files: outputs written through pipes, devices and links, never renamed over
them; inputs never overwritten; temporary names within the file-name limit; stale
temporaries removed."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from geo.cli import main
from geo.errors import OutputError
from geo.io.files import (
    atomic_path,
    atomic_write,
    check_not_input,
    check_writable,
    display_path,
    is_stream,
    open_output,
    remove_stale_temporaries,
)
from geo.io.writers import write_events
from geo.schema import events_to_frame

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

ACLED = (
    "event_id_cnty,event_date,event_type,sub_event_type,country,location,latitude,longitude,"
    "fatalities,notes\n"
    "AZE1,2020-10-04,Explosions/Remote violence,Shelling/artillery/missile attack,Azerbaijan,"
    "Ganja,40.6828,46.3606,1,first\n"
    "AZE2,2020-10-05,Battles,Armed clash,Azerbaijan,Barda,40.3744,47.1266,2,second\n"
)


def _frame() -> pd.DataFrame:
    return events_to_frame(
        [
            {
                "event_id": "e1",
                "event_date": pd.Timestamp("2020-10-04").date(),
                "event_type": "Battles",
                "location": "Ganja",
                "latitude": 40.68,
                "longitude": 46.36,
                "notes": "text",
            }
        ]
    )


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class _FifoReader:
    """Reads a FIFO in a thread; unblocks itself if nothing ever opens the other end."""

    def __init__(self, fifo: Path) -> None:
        self.fifo = fifo
        self.data = b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.fifo, "rb") as fh:  # blocks until a writer opens the FIFO
            self.data = fh.read()

    def finish(self) -> bytes:
        self.thread.join(timeout=60)
        if self.thread.is_alive():  # the writer never came: open and close the other end
            fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
            self.thread.join(timeout=60)
        return self.data


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pipe.geojson"
    os.mkfifo(path)
    yield path


# ------------------------------------------------------------------------------ pipes, devices


@needs_fifo
def test_a_fifo_with_a_reader_gets_the_bytes_and_stays_a_fifo(fifo: Path) -> None:
    reader = _FifoReader(fifo)
    try:
        write_events(_frame(), fifo)
    finally:
        data = reader.finish()
    collection = json.loads(data)
    assert [f["properties"]["event_id"] for f in collection["features"]] == ["e1"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _listing(fifo.parent) == ["pipe.geojson"]  # no temporary beside it


@needs_fifo
def test_the_cli_writes_events_into_a_fifo(tmp_path: Path, fifo: Path) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(ACLED, encoding="utf-8")
    reader = _FifoReader(fifo)
    try:
        assert main(["events", str(table), "-o", str(fifo)]) == 0
    finally:
        data = reader.finish()
    assert [f["properties"]["event_id"] for f in json.loads(data)["features"]] == ["AZE1", "AZE2"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@needs_fifo
def test_binary_formats_are_copied_into_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.parquet"
    os.mkfifo(fifo)
    reader = _FifoReader(fifo)
    try:
        write_events(_frame(), fifo)
    finally:
        data = reader.finish()
    back = pd.read_parquet(io.BytesIO(data))
    assert back["event_id"].tolist() == ["e1"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _listing(tmp_path) == ["pipe.parquet"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_dev_null_is_written_not_replaced() -> None:
    before = os.lstat("/dev/null")
    assert stat.S_ISCHR(before.st_mode)
    check_writable("/dev/null")
    assert is_stream("/dev/null")
    write_events(_frame(), "/dev/null", format="csv")
    with atomic_write("/dev/null", "wb") as fh:
        fh.write(b"x")
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


#: Runs a command in a private mount namespace whose /dev holds only a ``stdout`` link, as
#: on any Linux system; then reports on standard error what /dev holds.
_PRIVATE_DEV = (
    "mount --make-rprivate / && mount -t tmpfs tmpfs /dev && "
    "ln -s /proc/self/fd/1 /dev/stdout || exit 99; "
    '"$@"; status=$?; '
    '[ -L /dev/stdout ] && echo "DEV: $(ls -A /dev | tr "\\n" " ")" >&2; '
    "exit $status"
)


def _private_dev() -> list[str] | None:
    """The command prefix that gives a private /dev, or None where it cannot be had."""
    import shutil

    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        return None
    probe = subprocess.run(
        [unshare, "-m", "sh", "-c", _PRIVATE_DEV, "sh", "true"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        return None
    return [unshare, "-m", "sh", "-c", _PRIVATE_DEV, "sh"]


@pytest.mark.slow
def test_dev_stdout_sends_the_bytes_and_stays_a_link(tmp_path: Path) -> None:
    """``-o /dev/stdout`` in a subprocess, in a private mount namespace where one exists
    (root on Linux): a regression then damages only that namespace's /dev. Elsewhere the
    same descriptor is named ``/dev/fd/1``, which cannot be renamed over."""
    table = tmp_path / "acled.csv"
    table.write_text(ACLED, encoding="utf-8")
    prefix = _private_dev()
    target = "/dev/stdout" if prefix is not None else "/dev/fd/1"
    argv = [*(prefix or []), sys.executable, "-m", "geo.cli", "events", str(table), "-o", target]
    # standard output a pipe: the bytes go down the pipe
    done = subprocess.run(argv, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    collection = json.loads(done.stdout)
    assert [f["properties"]["event_id"] for f in collection["features"]] == ["AZE1", "AZE2"]
    if prefix is not None:
        assert b"DEV: stdout \n" in done.stderr  # still the link, and nothing beside it
    # standard output a file opened for appending: written at its end, never truncated or
    # replaced (the descriptor itself is written, not the file reopened)
    log = tmp_path / "log.txt"
    log.write_text("previous line\n", encoding="utf-8")
    with open(log, "ab") as out:
        done = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("previous line\n{")
    assert len(json.loads(text.removeprefix("previous line\n"))["features"]) == 2
    if prefix is not None:
        assert b"DEV: stdout \n" in done.stderr
    assert _listing(tmp_path) == ["acled.csv", "log.txt"]


def test_descriptor_aliases_write_the_descriptor(tmp_path: Path) -> None:
    target = tmp_path / "via-fd.txt"
    with open(target, "w", encoding="utf-8") as held:
        held.write("head\n")
        held.flush()
        with atomic_write(f"/proc/self/fd/{held.fileno()}") as fh:
            fh.write("body\n")
    assert target.read_text(encoding="utf-8") == "head\nbody\n"
    assert _listing(tmp_path) == ["via-fd.txt"]


def test_open_output_dash_is_standard_output() -> None:
    out = io.StringIO()
    with open_output("-", stdout=out) as fh:
        fh.write("hello")
    assert out.getvalue() == "hello"
    assert is_stream("-")


# ------------------------------------------------------------------------------ links


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "data" / "events.geojson"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.geojson"
    link.symlink_to(real)
    write_events(_frame(), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (
        json.loads(real.read_text(encoding="utf-8"))["features"][0]["properties"]["event_id"]
        == "e1"
    )
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the replaced file keeps its mode
    assert _listing(tmp_path) == ["data", "latest.geojson"]
    assert _listing(real.parent) == ["events.geojson"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "out.csv"
    link.symlink_to("made.csv")
    write_events(_frame(), link)
    assert link.is_symlink()
    assert (tmp_path / "made.csv").read_text(encoding="utf-8").startswith("event_id,")


def test_looping_symlinks_are_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(OutputError, match="symbolic link that loops"):
        check_writable(a)
    with pytest.raises(OutputError, match="symbolic link that loops"):
        write_events(_frame(), a)
    assert a.is_symlink() and b.is_symlink()


@needs_fifo
def test_a_symlink_to_a_fifo_writes_the_fifo(tmp_path: Path, fifo: Path) -> None:
    link = tmp_path / "link.geojson"
    link.symlink_to(fifo)
    reader = _FifoReader(fifo)
    try:
        write_events(_frame(), link)
    finally:
        data = reader.finish()
    assert json.loads(data)["features"][0]["properties"]["event_id"] == "e1"
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_folders_and_sockets_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder"):
        check_writable(tmp_path)
    import socket

    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OutputError, match="socket"):
            check_writable(path)
    finally:
        server.close()


# ------------------------------------------------------------------------------ input == output


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "in.csv"
    table.write_text("x", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(table)
    for given in (table, tmp_path / "." / "in.csv", link):
        with pytest.raises(OutputError, match="it is also an input"):
            check_not_input(given, [table])
    check_not_input(tmp_path / "new.csv", [table])  # not there yet: cannot be an input
    check_not_input("-", [table])


@pytest.mark.parametrize("how", ["name", "folder", "pattern", "link"])
def test_the_cli_never_overwrites_an_input(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    table = folder / "acled.csv"
    table.write_text(ACLED, encoding="utf-8")
    given = {
        "name": str(table),
        "folder": str(folder),
        "pattern": str(tmp_path / "**" / "*.csv"),
        "link": str(table),
    }[how]
    out = table
    if how == "link":
        out = tmp_path / "out.csv"
        out.symlink_to(table)
    assert main(["events", given, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "it is also an input" in err and "choose another output" in err
    assert table.read_text(encoding="utf-8") == ACLED


def test_map_and_front_derive_never_overwrite_their_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(ACLED, encoding="utf-8")
    front = tmp_path / "front.geojson"
    front.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    assert main(["map", str(table), "-o", str(table)]) == 2
    assert main(["map", str(table), "--front", str(front), "-o", str(front)]) == 2
    assert main(["front", "derive", str(front), "-o", str(front)]) == 2
    err = capsys.readouterr().err
    assert err.count("it is also an input") == 3
    assert table.read_text(encoding="utf-8") == ACLED
    assert front.read_text(encoding="utf-8").startswith('{"type": "FeatureCollection"')


# ------------------------------------------------------------------------------ long names


@pytest.mark.parametrize("n_bytes", [241, 250, 254, 255])
def test_long_output_names_fit_with_their_temporaries(tmp_path: Path, n_bytes: int) -> None:
    stem = "é" * ((n_bytes - 8) // 2) + "a" * ((n_bytes - 8) % 2)
    name = f"{stem}.geojson"
    assert len(name.encode()) == n_bytes
    out = tmp_path / name
    check_writable(out)
    write_events(_frame(), out)
    write_events(_frame(), out.with_suffix(".csv"))
    write_events(_frame(), out.with_suffix(".gpkg"))
    assert json.loads(out.read_text(encoding="utf-8"))["features"][0]["properties"]["notes"] == (
        "text"
    )
    assert _listing(tmp_path) == sorted(
        [name, out.with_suffix(".csv").name, out.with_suffix(".gpkg").name]
    )


def test_names_beyond_the_limit_fail_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("a" * 252 + ".csv")
    with pytest.raises(OutputError, match="too long"):
        check_writable(out)
    table = tmp_path / "acled.csv"
    table.write_text(ACLED, encoding="utf-8")
    assert main(["events", str(table), "-o", str(out)]) == 2
    assert "too long" in capsys.readouterr().err


def test_non_utf8_names_are_written_and_shown(tmp_path: Path) -> None:
    out = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9.csv"))
    write_events(_frame(), out)
    assert out.exists()
    assert display_path(out).endswith("caf\ufffd.csv")


# ------------------------------------------------------------------------------ temporaries


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=60)
    return proc.pid


def test_stale_temporaries_are_removed_live_ones_kept(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    dead = tmp_path / f".events.csv.geo{_dead_pid():010d}-0123abcd.tmp"
    old_alive = tmp_path / f".events.csv.geo{1:010d}-89abcdef.tmp"
    fresh_alive = tmp_path / f".events.csv.geo{1:010d}-fedcba98.tmp"
    old_style = tmp_path / ".events.csv.k2j4_x9q.tmp"
    other = tmp_path / f".other.csv.geo{_dead_pid():010d}-0123abcd.tmp"
    for path in (dead, old_alive, fresh_alive, old_style, other):
        path.write_text("half", encoding="utf-8")
    day_and_more = 2 * 24 * 3600
    for path in (old_alive, old_style):
        st = path.stat()
        os.utime(path, (st.st_atime - day_and_more, st.st_mtime - day_and_more))
    write_events(_frame(), out)
    assert _listing(tmp_path) == sorted([out.name, fresh_alive.name, other.name])


def test_remove_stale_temporaries_of_a_long_name(tmp_path: Path) -> None:
    out = tmp_path / ("é" * 120 + ".csv")  # 244 bytes: its temporaries have a cut name
    with atomic_path(out, suffix=".csv") as tmp:
        tmp.write_text("x", encoding="utf-8")
        left = tmp.with_name(tmp.name.replace(f"{os.getpid():010d}", f"{_dead_pid():010d}"))
        tmp.rename(left)
        tmp.write_text("y", encoding="utf-8")
    assert out.read_text(encoding="utf-8") == "y"
    assert [p.name for p in remove_stale_temporaries(out)] == [left.name]
    assert _listing(tmp_path) == [out.name]


def test_a_failed_write_leaves_no_temporary_and_keeps_the_file(tmp_path: Path) -> None:
    out = tmp_path / "events.gpkg"
    out.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_path(out, suffix=".gpkg") as tmp:
        tmp.write_bytes(b"half")
        Path(f"{tmp}-journal").write_bytes(b"sqlite")
        raise RuntimeError("boom")
    assert out.read_bytes() == b"previous"
    assert _listing(tmp_path) == ["events.gpkg"]


@pytest.mark.parametrize(("output", "shown"), [("-", "standard output"), ("/dev/fd/1", None)])
def test_a_map_written_to_standard_output_is_the_only_thing_there(
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    output: str,
    shown: str | None,
) -> None:
    table = tmp_path / "acled.csv"
    table.write_text(ACLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = ["map", str(table), "-o", output, "--front", "none", "--boundaries", "none"]
    assert main(argv) == 0
    out, err = capfd.readouterr()
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert f"{shown or output} (" in err  # the path and size line goes to standard error
    assert _listing(tmp_path) == ["acled.csv"]  # no file named "-"
