"""File-system helpers: where data and caches live, and safe writes of outputs.

Outputs are written so that nothing already there is lost or damaged:

* a regular file (or a missing one) is written to a temporary file beside it, then renamed
  over it (:func:`atomic_write`, :func:`atomic_path`), so a crash leaves the previous file
  whole; temporaries left by killed runs are removed by later writes of the same file;
* a symbolic link is followed: the file it points to is replaced, the link stays;
* anything that is not a regular file (a FIFO, a character device such as ``/dev/null``,
  ``/dev/stdout``) is written through, opened in place, never renamed over.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from geo import config
from geo.errors import CacheError, DataError, InputError, OutputError

__all__ = [
    "atomic_path",
    "atomic_write",
    "cache_dir",
    "check_not_input",
    "check_writable",
    "data_dir",
    "display_path",
    "is_stream",
    "layer_file",
    "open_output",
    "remove_stale_temporaries",
]


def data_dir() -> Path:
    """Return the directory holding the embedded data (``data/`` of the repository).

    Looked up in order: ``$GEO_DATA_DIR``, the repository checkout the package runs from,
    and the copy packed into a wheel (``geo/_data``).
    """
    env = os.environ.get(config.DATA_DIR_ENV)
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent.parent  # the geo package
    candidates += [here.parent / "data", here / "_data"]
    for path in candidates:
        if (path / "README.md").is_file():
            return path
    tried = ", ".join(str(p) for p in candidates)
    raise DataError(
        f"geo's data directory was not found (tried {tried}); reinstall the package "
        f"or set ${config.DATA_DIR_ENV} to the repository's data/ folder"
    )


def layer_file(
    path: str | os.PathLike[str] | None, *, embedded: str, what: str
) -> tuple[Path, tuple[int, int]]:
    """Resolve a user file, or the embedded ``data/boundaries/<embedded>`` when ``path`` is None.

    Returns the absolute path and a ``(mtime_ns, size)`` stamp, so callers can cache what
    they read from it and notice when it changes.
    """
    if path is None:
        file = data_dir() / config.BOUNDARIES_DIR / embedded
        if not file.is_file():
            raise DataError(
                f"embedded {what} file {file} is missing; reinstall geo or rerun "
                "scripts/build_boundaries.py"
            )
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"{what} file {display_path(file)} does not exist; check the path")
        if not file.is_file():
            raise InputError(
                f"{what} file {display_path(file)} is not a regular file (a folder, pipe or "
                "device); give a file"
            )
    stat_ = file.stat()
    return file.resolve(), (stat_.st_mtime_ns, stat_.st_size)


def cache_dir() -> Path:
    """Return (and create) the user cache directory, ``$GEO_CACHE_DIR`` if set."""
    env = os.environ.get(config.CACHE_DIR_ENV)
    if env:
        path = Path(env)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir(config.APP_NAME))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CacheError(
            f"cannot create the cache folder {path}: {err.strerror or err}; set "
            f"${config.CACHE_DIR_ENV} to a writable folder"
        ) from err
    return path


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and written anywhere.

    A file name that is not valid UTF-8 (kept by Python as lone surrogates) shows its bad
    bytes as U+FFFD; the path itself still opens the file.

    Examples
    --------
    >>> display_path(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\ufffd.txt'
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", errors="replace")
    return text


# ------------------------------------------------------------------------------ targets

#: Paths that name a descriptor this process already holds (``/dev/stdout``...).
_FD_ALIAS = re.compile(
    r"^/(?:dev/(?:fd/(?P<fd>\d+)|(?P<std>stdin|stdout|stderr))"
    r"|proc/(?P<pid>self|\d+)/fd/(?P<pfd>\d+))$"
)
_STD_FD = {"stdin": 0, "stdout": 1, "stderr": 2}


@dataclass(frozen=True, slots=True)
class _Target:
    """Where an output goes: ``kind`` "file" (atomic rename at ``path``), "through" (opened
    in place: FIFO, device) or "fd" (a descriptor of this process, ``fd``)."""

    kind: Literal["file", "through", "fd"]
    path: Path
    fd: int = -1


def _fd_alias(path: str) -> int | None:
    m = _FD_ALIAS.match(os.path.normpath(path))
    if m is None:
        return None
    if m.group("std"):
        return _STD_FD[m.group("std")]
    if m.group("fd"):
        return int(m.group("fd"))
    if m.group("pid") not in ("self", str(os.getpid())):
        return None  # another process's descriptor: written through like any special file
    return int(m.group("pfd"))


def _resolve(path: Path, start: str) -> _Target:
    """Classify an output path (see :class:`_Target`); raise :class:`OutputError` if unusable."""
    # joined, not normalised: "link/.." is where the kernel says, not where the text says
    hop = os.path.join(os.getcwd(), path)
    for _ in range(40):  # the kernel's own limit of symbolic links in a path
        fd = _fd_alias(hop)
        if fd is not None:
            return _Target("fd", path, fd)
        try:
            st = os.lstat(hop)
        except (FileNotFoundError, NotADirectoryError):
            break  # a missing file, or a dangling link's target: created (if its folder is)
        except OSError as err:
            if err.errno == errno.ENAMETOOLONG:
                raise OutputError(
                    f"{start}: the file name is too long; give a shorter name"
                ) from err
            raise OutputError(f"{start}: {err.strerror or err}") from err
        if not stat.S_ISLNK(st.st_mode):
            break
        hop = os.path.join(os.path.dirname(hop), os.readlink(hop))
    else:
        raise OutputError(f"{start}: it is a symbolic link that loops; give another path")
    try:
        real = Path(os.path.realpath(hop, strict=False))
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        return _Target("file", real)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise OutputError(
                f"{start}: it is a symbolic link that loops; give another path"
            ) from err
        raise OutputError(f"{start}: {err.strerror or err}") from err
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{start}: it is a folder; give a file name")
    if stat.S_ISREG(st.st_mode):
        return _Target("file", real)
    if stat.S_ISSOCK(st.st_mode):
        raise OutputError(f"{start}: it is a socket; give a file name")
    return _Target("through", real)


def is_stream(path: str | os.PathLike[str]) -> bool:
    """Whether an output is written in place: ``"-"``, a pipe, a device, ``/dev/stdout``.

    Examples
    --------
    >>> is_stream("-"), is_stream("/dev/stdout"), is_stream("out.csv")
    (True, True, False)
    """
    if os.fspath(path) == "-":
        return True
    try:
        return _resolve(Path(path), "").kind != "file"
    except OutputError:
        return False


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return 255


def _too_long(target: Path) -> bool:
    parent = target.parent if str(target.parent) else Path(".")
    return len(os.fsencode(target.name)) > _name_max(parent)


def check_writable(path: str | os.PathLike[str], *, what: str = "") -> Path:
    """Fail early, before any work, if a file cannot be written at ``path``.

    ``what`` names the output in messages ("the map to " gives "cannot write the map to ...").
    A FIFO or a device (``/dev/stdout``) must be writable itself; a symbolic link is judged
    by the file it points to.

    Raises
    ------
    OutputError
        If ``path`` is a folder, a looping link or a socket, its file name is too long, or
        its folder is missing or not writable.

    Examples
    --------
    >>> check_writable("/no/such/folder/out.geojson")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    geo.errors.OutputError: cannot write /no/such/folder/out.geojson: folder ... does not exist...
    """
    target = Path(path)
    start = f"cannot write {what}{display_path(target)}"
    resolved = _resolve(target, start)
    if resolved.kind == "fd":
        try:
            os.fstat(resolved.fd)
        except OSError as err:
            raise OutputError(f"{start}: descriptor {resolved.fd} is not open") from err
        return target
    if resolved.kind == "through":
        if not os.access(resolved.path, os.W_OK):
            raise OutputError(f"{start}: it is not writable; choose another path")
        return target
    real = resolved.path
    parent = real.parent if str(real.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{start}: folder {display_path(parent)} does not exist; create it first")
    if _too_long(real):
        raise OutputError(
            f"{start}: the file name is longer than {_name_max(parent)} bytes; give a shorter name"
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(
            f"{start}: folder {display_path(parent)} is not writable; choose another path"
        )
    return target


def check_not_input(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]], *, what: str = ""
) -> None:
    """Refuse, before any work, an output that is one of the inputs (the same file, by any
    name: a link, a relative path, a file found in a folder or by a pattern).

    Raises
    ------
    OutputError
        If writing ``path`` would overwrite one of ``inputs``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = f.write_text("x")
    >>> check_not_input(f, [f.parent / "." / "a.csv"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    geo.errors.OutputError: cannot write ...a.csv: it is also an input (...); choose another output
    """
    if os.fspath(path) == "-":
        return
    try:
        out = os.stat(path)
    except OSError:
        return  # nothing there yet: it cannot be an input
    if not stat.S_ISREG(out.st_mode):
        return  # written through (a pipe, a device): nothing is replaced
    for item in inputs:
        if os.fspath(item) == "-":
            continue
        try:
            st = os.stat(item)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            raise OutputError(
                f"cannot write {what}{display_path(path)}: it is also an input "
                f"({display_path(item)}); choose another output"
            )


# ------------------------------------------------------------------------------ temporaries

#: Temporary files: ``.<name>.geo<pid>-<random>.tmp[<ext>]`` beside the target (the name
#: cut to fit the file-name limit), and sidecars GDAL/SQLite add to them.
_TMP_RE = re.compile(
    r"^\.(?P<base>.*)\.geo(?P<pid>\d{10})-[a-z0-9_]{8}\.tmp(?:\.[A-Za-z0-9]{1,10})?"
    r"(?:-journal|-wal|-shm)?$",
    re.DOTALL,
)
#: ``tempfile.mkstemp`` names of earlier versions: ``.<name>.<8 characters>.tmp``.
_OLD_TMP_RE = re.compile(r"^\.(?P<base>.*)\.[a-z0-9_]{8}\.tmp$", re.DOTALL)
#: Bytes kept free for the marker, the pid, the random part, an extension and a sidecar.
_TMP_RESERVE = len(".geo0000000000-00000000.tmp") + 24


def _tmp_base(name: str, folder: Path) -> str:
    """``name`` cut (in bytes, as the file system counts) so that its temporaries fit."""
    raw = os.fsencode(name)
    budget = max(_name_max(folder) - 1 - _TMP_RESERVE, 1)
    if len(raw) <= budget:
        return name
    for end in range(budget, max(budget - 4, 0), -1):  # not inside a UTF-8 character
        try:
            return raw[:end].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return os.fsdecode(raw[:budget])  # a name that is not UTF-8 anyway


def _tmp_prefix(target: Path, folder: Path) -> str:
    """``.<name>.geo<pid>-``: the random part and ``.tmp`` follow (see :data:`_TMP_RE`)."""
    return f".{_tmp_base(target.name, folder)}.geo{os.getpid():010d}-"


def _tmp_name(target: Path, folder: Path, ext: str = "") -> Path:
    """A temporary name that does not exist yet, for libraries that create the file."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_"
    random = "".join(secrets.choice(alphabet) for _ in range(8))
    return folder / f"{_tmp_prefix(target, folder)}{random}.tmp{ext}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_stale_temporaries(
    target: str | os.PathLike[str],
    *,
    max_age_seconds: float = config.STALE_TEMPORARY_SECONDS,
) -> list[Path]:
    """Remove the temporaries of ``target`` left by killed runs; return what was removed.

    A temporary is stale when the process that made it (its pid is in the name) is gone,
    or when it is older than ``max_age_seconds`` (the pid may have been reused).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> left = folder / ".out.csv.geo0999999999-0123abcd.tmp"
    >>> _ = left.write_text("half")
    >>> [p.name for p in remove_stale_temporaries(folder / "out.csv")]
    ['.out.csv.geo0999999999-0123abcd.tmp']
    """
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    base = _tmp_base(path.name, folder)
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TMP_RE.match(entry.name)
        found = m or _OLD_TMP_RE.match(entry.name)
        if found is None or found.group("base") != base:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        stale = now - st.st_mtime > max_age_seconds
        if m is not None and not stale:
            stale = not _alive(int(m.group("pid")))
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


# ------------------------------------------------------------------------------ writing


def atomic_write(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str = "utf-8"
) -> contextlib.AbstractContextManager[IO[Any]]:
    """Write a file safely: to a temporary file beside it, then rename over it.

    A crash or an exception while writing leaves the previous file untouched (an
    interrupted run's temporary file is removed, a killed run's by the next write). A
    symbolic link is followed (the file it points to is replaced, not the link); a FIFO or a
    device (``/dev/null``, ``/dev/stdout``) is written in place, never replaced.

    Raises
    ------
    OutputError
        If the file cannot be written (folder, missing folder, full disk...).

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


def open_output(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str = "utf-8",
    stdout: IO[Any] | None = None,
) -> contextlib.AbstractContextManager[IO[Any]]:
    """:func:`atomic_write`, or standard output for ``"-"`` (left open, flushed).

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> with open_output("-", stdout=out) as fh:
    ...     _ = fh.write("hello")
    >>> out.getvalue()
    'hello'
    """
    if os.fspath(path) == "-":
        return _stdout(mode, stdout)
    return atomic_write(path, mode, encoding=encoding)


@contextlib.contextmanager
def _stdout(mode: str, stream: IO[Any] | None) -> Iterator[IO[Any]]:
    out: IO[Any] = stream if stream is not None else sys.stdout
    if "b" in mode and stream is None:
        out = sys.stdout.buffer
    yield out
    out.flush()


@contextlib.contextmanager
def _atomic_write(path: Path, mode: str, encoding: str) -> Iterator[IO[Any]]:
    start = f"cannot write {display_path(path)}"
    target = _resolve(path, start)
    binary = "b" in mode
    if target.kind != "file":
        with _write_through(target, start, binary, encoding) as fh:
            yield fh
        return
    real = target.path
    parent = real.parent if str(real.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{start}: folder {display_path(parent)} does not exist; create it first")
    remove_stale_temporaries(real)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=_tmp_prefix(real, parent), suffix=".tmp", dir=parent)
    except OSError as err:
        raise OutputError(f"{start}: {err.strerror}; choose a writable path") from err
    tmp = Path(tmp_name)
    try:
        if binary:
            with os.fdopen(fd, mode) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        else:
            with os.fdopen(fd, mode, encoding=encoding, newline="") as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        _replace(tmp, real)
    except BaseException as err:  # Ctrl-C and SIGTERM included: no temporary stays behind
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, OSError) and not isinstance(err, OutputError):
            # a full disk, a quota, an I/O error: say which file could not be written
            raise OutputError(
                f"{start}: {err.strerror or err}; the previous file (if any) is unchanged"
            ) from err
        raise


def _replace(tmp: Path, real: Path) -> None:
    """Rename ``tmp`` over ``real``, keeping the permissions of a file it replaces."""
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        mode = 0o644
    os.chmod(tmp, mode)
    os.replace(tmp, real)


@contextlib.contextmanager
def _write_through(target: _Target, start: str, binary: bool, encoding: str) -> Iterator[IO[Any]]:
    """Open a FIFO, a device or a descriptor of this process in place."""
    for stream in (sys.stdout, sys.stderr):
        # what Python buffered for the same descriptor comes first
        with contextlib.suppress(AttributeError, OSError, ValueError):
            if target.kind == "fd" and stream.fileno() == target.fd:
                stream.flush()
    try:
        if target.kind == "fd":
            fd = os.dup(target.fd)
        else:
            fd = os.open(target.path, os.O_WRONLY | os.O_CLOEXEC)
    except OSError as err:
        raise OutputError(f"{start}: {err.strerror or err}") from err
    try:
        if binary:
            fh: IO[Any] = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding=encoding, newline="")
    except BaseException:
        os.close(fd)
        raise
    try:
        with fh:
            yield fh
            fh.flush()
    except OSError as err:
        if isinstance(err, OutputError | BrokenPipeError):
            raise
        raise OutputError(f"{start}: {err.strerror or err}") from err


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, suffix: str = "") -> Iterator[Path]:
    """A temporary path to write ``path`` with a library that wants a file name.

    Yields a path that does not exist yet; when the block ends without an error the file
    written there replaces ``path`` (a regular file), or its bytes are copied into ``path``
    (a FIFO or a device). On an error the temporary and its sidecars (``-journal``...) are
    removed. ``suffix`` is the extension the writing library expects (``".gpkg"``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.bin"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_bytes(b"data")
    >>> target.read_bytes()
    b'data'
    """
    target_path = Path(path)
    start = f"cannot write {display_path(target_path)}"
    target = _resolve(target_path, start)
    if target.kind == "file":
        folder = target.path.parent if str(target.path.parent) else Path(".")
        if not folder.is_dir():
            raise OutputError(
                f"{start}: folder {display_path(folder)} does not exist; create it first"
            )
        remove_stale_temporaries(target.path)
    else:
        folder = Path(tempfile.gettempdir())
    tmp = _tmp_name(target.path, folder, suffix)
    try:
        yield tmp
        if not tmp.exists():
            raise OutputError(f"{start}: nothing was written")
        if target.kind == "file":
            _replace(tmp, target.path)
        else:
            with _write_through(target, start, True, "utf-8") as out, open(tmp, "rb") as src:
                shutil.copyfileobj(src, out)
    except BaseException as err:  # Ctrl-C and SIGTERM included: no temporary stays behind
        if isinstance(err, OSError) and not isinstance(err, OutputError):
            raise OutputError(
                f"{start}: {err.strerror or err}; the previous file (if any) is unchanged"
            ) from err
        raise
    finally:
        for leftover in (tmp, *(Path(f"{tmp}{s}") for s in ("-journal", "-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
