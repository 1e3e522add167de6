"""Temporary directories of a run that a killed run does not leave behind for ever.

A run spills to temporary directories (the merge of events: ``geo-merge-``, the parts of a
GeoParquet or GeoPackage output: ``geo-parts-``) and removes them at its end, on an error
or on Ctrl-C. A run killed outright (SIGKILL, out of memory, power cut) cannot: its
directory stays. So each directory is named with the process id of the run that owns it
(``geo-merge-<pid>-<random>``), and :func:`make_temp_dir` first removes the directories of
the same prefix whose process is dead. Nothing else is ever removed: only directories
(never a link) whose name is exactly the prefix, a process id and mkdtemp's suffix.

Examples
--------
>>> import tempfile, pathlib
>>> parent = pathlib.Path(tempfile.mkdtemp())
>>> made = make_temp_dir("geo-merge-", directory=parent)
>>> made.name.startswith(f"geo-merge-{os.getpid()}-"), made.is_dir()
(True, True)
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Final

__all__ = ["MERGE_DIR_PREFIX", "PARTS_DIR_PREFIX", "make_temp_dir", "sweep_stale_dirs"]

#: Prefixes of the temporary directories of :class:`geo.events.merge.MergeStream` and of
#: :class:`geo.io.writers.FrameWriter`.
MERGE_DIR_PREFIX: Final = "geo-merge-"
PARTS_DIR_PREFIX: Final = "geo-parts-"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (or may: one we may not signal is alive)."""
    if pid <= 0:
        return True  # no pid of ours: never touch it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's live process
        return True
    return True


def sweep_stale_dirs(prefix: str, *, directory: str | os.PathLike[str] | None = None) -> int:
    """Remove the directories ``<prefix><pid>-<suffix>`` in ``directory`` (default: the
    system's temporary folder) whose process ``pid`` is dead; return how many.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> parent = pathlib.Path(tempfile.mkdtemp())
    >>> (parent / "geo-merge-999999999-abc").mkdir()  # no such process
    >>> (parent / f"geo-merge-{os.getpid()}-abc").mkdir()  # this one's: alive
    >>> sweep_stale_dirs("geo-merge-", directory=parent)
    1
    >>> sorted(p.name.split("-")[2] == str(os.getpid()) for p in parent.iterdir())
    [True]
    """
    parent = Path(directory if directory is not None else tempfile.gettempdir())
    pattern = re.compile(re.escape(prefix) + r"([0-9]{1,10})-[A-Za-z0-9_]+")
    removed = 0
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return 0
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found is None or _alive(int(found.group(1))):
            continue
        try:
            if entry.is_symlink() or not entry.is_dir(follow_symlinks=False):
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += 1
    return removed


def make_temp_dir(prefix: str, *, directory: str | os.PathLike[str] | None = None) -> Path:
    """A new temporary directory ``<prefix><pid>-<random>`` in ``directory`` (default: the
    system's), after removing those of ``prefix`` left by dead processes
    (:func:`sweep_stale_dirs`)."""
    sweep_stale_dirs(prefix, directory=directory)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=directory))
