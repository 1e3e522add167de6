"""File-system helpers: where data and caches live, and atomic writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from geo import defaults
from geo.errors import CacheError, DataError, InputError, OutputError

__all__ = ["atomic_write", "cache_dir", "check_writable", "data_dir", "layer_file"]


def data_dir() -> Path:
    """Return the directory holding the embedded data (``data/`` of the repository).

    Looked up in order: ``$GEO_DATA_DIR``, the repository checkout the package runs from,
    and the copy packed into a wheel (``geo/_data``).
    """
    env = os.environ.get(defaults.DATA_DIR_ENV)
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "data", here / "_data"]
    for path in candidates:
        if (path / "README.md").is_file():
            return path
    tried = ", ".join(str(p) for p in candidates)
    raise DataError(
        f"geo's data directory was not found (tried {tried}); reinstall the package "
        f"or set ${defaults.DATA_DIR_ENV} to the repository's data/ folder"
    )


def layer_file(
    path: str | os.PathLike[str] | None, *, embedded: str, what: str
) -> tuple[Path, tuple[int, int]]:
    """Resolve a user file, or the embedded ``data/boundaries/<embedded>`` when ``path`` is None.

    Returns the absolute path and a ``(mtime_ns, size)`` stamp, so callers can cache what
    they read from it and notice when it changes.
    """
    if path is None:
        file = data_dir() / defaults.BOUNDARIES_DIR / embedded
        if not file.is_file():
            raise DataError(
                f"embedded {what} file {file} is missing; reinstall geo or rerun "
                "scripts/build_boundaries.py"
            )
    else:
        file = Path(path)
        if not file.is_file():
            raise InputError(f"{what} file {file} does not exist; check the path")
    stat = file.stat()
    return file.resolve(), (stat.st_mtime_ns, stat.st_size)


def cache_dir() -> Path:
    """Return (and create) the user cache directory, ``$GEO_CACHE_DIR`` if set."""
    env = os.environ.get(defaults.CACHE_DIR_ENV)
    if env:
        path = Path(env)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir(defaults.APP_NAME))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CacheError(
            f"cannot create the cache folder {path}: {err.strerror or err}; set "
            f"${defaults.CACHE_DIR_ENV} to a writable folder"
        ) from err
    return path


def atomic_write(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str = "utf-8"
) -> contextlib.AbstractContextManager[IO[Any]]:
    """Write a file atomically: to a temporary file beside it, then rename over it.

    A crash or an exception while writing leaves the previous file untouched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(target) as fh:
    ...     _ = fh.write("hello")
    >>> target.read_text()
    'hello'
    """
    return _atomic_write(Path(path), mode, encoding)


def check_writable(path: str | os.PathLike[str], *, what: str = "") -> Path:
    """Fail early, before any work, if a file cannot be written at ``path``.

    ``what`` names the output in messages ("the map to " gives "cannot write the map to ...").

    Raises
    ------
    OutputError
        If ``path`` is a folder, or its folder is missing or not writable.

    Examples
    --------
    >>> check_writable("/no/such/folder/out.geojson")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    geo.errors.OutputError: cannot write /no/such/folder/out.geojson: folder ... does not exist...
    """
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    start = f"cannot write {what}{target}"
    if target.is_dir():
        raise OutputError(f"{start}: it is a folder; give a file name")
    if not parent.is_dir():
        raise OutputError(f"{start}: folder {parent} does not exist; create it first")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{start}: folder {parent} is not writable; choose another path")
    return target


@contextlib.contextmanager
def _atomic_write(path: Path, mode: str, encoding: str) -> Iterator[IO[Any]]:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: folder {parent} does not exist; create it first")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror}; choose a writable path") from err
    tmp = Path(tmp_name)
    try:
        if "b" in mode:
            with os.fdopen(fd, mode) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        else:
            with os.fdopen(fd, mode, encoding=encoding, newline="") as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as err:  # Ctrl-C included: the temporary file never stays behind
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, OSError) and not isinstance(err, OutputError):
            # a full disk, a quota, an I/O error: say which file could not be written
            raise OutputError(
                f"cannot write {path}: {err.strerror or err}; the previous file (if any) "
                "is unchanged"
            ) from err
        raise
