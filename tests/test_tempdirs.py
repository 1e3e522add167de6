"""Tests of geo.tempdirs: a killed run's temporary directories go, nothing else does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from geo.tempdirs import MERGE_DIR_PREFIX, PARTS_DIR_PREFIX, make_temp_dir, sweep_stale_dirs


def _dead_pid() -> int:
    """The id of a process that has ended (and was reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_directories_of_dead_processes_of_the_prefix_go(tmp_path: Path) -> None:
    dead = _dead_pid()
    gone = tmp_path / f"{MERGE_DIR_PREFIX}{dead}-k2j_x9"
    (gone / "deep").mkdir(parents=True)
    (gone / "deep" / "0000001.pickle").write_bytes(b"spilled")
    kept = [
        tmp_path / f"{MERGE_DIR_PREFIX}{os.getpid()}-abc",  # alive: this process
        tmp_path / f"{PARTS_DIR_PREFIX}{dead}-abc",  # another prefix
        tmp_path / f"{MERGE_DIR_PREFIX}abc",  # no process id
        tmp_path / f"{MERGE_DIR_PREFIX}{dead}-abc.d",  # not mkdtemp's name
        tmp_path / f"x{MERGE_DIR_PREFIX}{dead}-abc",
    ]
    for path in kept:
        path.mkdir()
    a_file = tmp_path / f"{MERGE_DIR_PREFIX}{dead}-file"
    a_file.write_text("a file")
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "precious").write_text("never removed")
    link = tmp_path / f"{MERGE_DIR_PREFIX}{dead}-link"
    link.symlink_to(target, target_is_directory=True)

    assert sweep_stale_dirs(MERGE_DIR_PREFIX, directory=tmp_path) == 1
    assert not gone.exists()
    assert all(path.is_dir() for path in kept)
    assert a_file.read_text() == "a file"
    assert link.is_symlink() and (target / "precious").read_text() == "never removed"
    assert sweep_stale_dirs(PARTS_DIR_PREFIX, directory=tmp_path) == 1
    assert not kept[1].exists()


def test_a_new_directory_carries_the_process_id_and_sweeps_first(tmp_path: Path) -> None:
    stale = tmp_path / f"{PARTS_DIR_PREFIX}{_dead_pid()}-zz"
    stale.mkdir()
    made = make_temp_dir(PARTS_DIR_PREFIX, directory=tmp_path)
    assert made.is_dir() and made.parent == tmp_path
    assert made.name.startswith(f"{PARTS_DIR_PREFIX}{os.getpid()}-")
    assert not stale.exists()
    # the new directory is a live process's: a second sweep keeps it
    assert sweep_stale_dirs(PARTS_DIR_PREFIX, directory=tmp_path) == 0
    assert made.is_dir()


def test_a_missing_folder_sweeps_nothing(tmp_path: Path) -> None:
    assert sweep_stale_dirs(MERGE_DIR_PREFIX, directory=tmp_path / "missing") == 0
