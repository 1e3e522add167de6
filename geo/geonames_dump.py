"""Reading the GeoNames dumps that a user downloaded, line by line.

Two formats of download.geonames.org, read as streams (``allCountries.txt`` is 1.5 GB: never
held whole), each also inside its ``.zip``:

- a country or ``allCountries`` dump: 19 tab-separated columns (geonameid, name, asciiname,
  alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
  admin1 code, admin2, admin3, admin4, population, elevation, dem, timezone, modification
  date); :func:`iter_dump` keeps the feature codes of :data:`FEATURE_CODES`;
- ``alternateNamesV2.txt``: 10 columns (alternateNameId, geonameid, isolanguage, alternate
  name, isPreferredName, isShortName, isColloquial, isHistoric, from, to);
  :func:`iter_alternates` keeps the names of the places asked for, in a language or with none
  (not links, postal codes or airport codes).

A malformed line is skipped, counted and named (:class:`DumpStats`); a file in which nothing
parses is an error naming the file and the line.
"""

from __future__ import annotations

import contextlib
import math
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

import numpy as np
import numpy.typing as npt

from geo.errors import InputError

__all__ = [
    "FEATURE_CODES",
    "DumpRow",
    "DumpStats",
    "feature_of_code",
    "iter_alternates",
    "iter_dump",
]

#: GeoNames feature class and code -> (kind, feature) of the gazetteer. Class P is kept
#: whole; A, H, L, T and S only for the codes listed (A's ADM1 and countries are in the main
#: index already; wells, springs, farms, schools and other buildings are left out).
FEATURE_CODES: Final[dict[str, tuple[str, str]]] = {
    "P": ("city", "populated"),
    "P.PPLX": ("city", "district"),
    "A.ADM2": ("region", "admin2"),
    "A.ADM3": ("region", "district"),
    "A.ADM4": ("region", "district"),
    "A.ADM5": ("region", "district"),
    "A.ADMD": ("region", "district"),
    "A.TERR": ("region", "region"),
    "A.ZN": ("region", "region"),
    "H.LK": ("region", "lake"),
    "H.LKS": ("region", "lake"),
    "H.LKN": ("region", "lake"),
    "H.RSV": ("region", "lake"),
    "H.LGN": ("region", "lake"),
    "H.SEA": ("region", "sea"),
    "H.OCN": ("region", "ocean"),
    "H.GULF": ("region", "gulf"),
    "H.BAY": ("region", "gulf"),
    "H.STRT": ("region", "strait"),
    "H.STM": ("region", "river"),
    "H.STMS": ("region", "river"),
    "H.CNL": ("region", "water"),
    "L.AREA": ("region", "region"),
    "L.RGN": ("region", "region"),
    "L.RGNE": ("region", "region"),
    "L.RGNH": ("region", "region"),
    "L.ZN": ("region", "region"),
    "L.ZNB": ("region", "region"),
    "L.OAS": ("region", "region"),
    "L.PRK": ("region", "region"),
    "L.MILB": ("city", "base"),
    "L.CMPRF": ("city", "camp"),
    "T.MT": ("region", "mountain"),
    "T.MTS": ("region", "mountain"),
    "T.PK": ("region", "mountain"),
    "T.PKS": ("region", "mountain"),
    "T.PASS": ("region", "mountain"),
    "T.VAL": ("region", "valley"),
    "T.VALS": ("region", "valley"),
    "T.ISL": ("region", "island"),
    "T.ISLS": ("region", "island"),
    "T.ISLET": ("region", "island"),
    "T.ATOL": ("region", "island"),
    "T.PEN": ("region", "region"),
    "T.CAPE": ("region", "region"),
    "T.DSRT": ("region", "region"),
    "T.PLAT": ("region", "region"),
    "S.AIRP": ("city", "airport"),
    "S.AIRB": ("city", "airport"),
    "S.AIRF": ("city", "airport"),
    "S.AIRH": ("city", "airport"),
    "S.MILB": ("city", "base"),
    "S.INSM": ("city", "base"),
    "S.CMP": ("city", "camp"),
    "S.CMPRF": ("city", "camp"),
    "S.PSTB": ("city", "crossing"),
    "S.PSTC": ("city", "crossing"),
    "S.BDGQ": ("city", "crossing"),
}

#: Language codes of alternateNamesV2 that are no names (links, codes, transcriptions).
_NOT_NAMES: Final = frozenset(
    {"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "phon", "piny", "fr_1793"}
)
_DUMP_COLUMNS: Final = 19
_ALT_COLUMNS: Final = (8, 10)  # alternateNames.txt (older) and alternateNamesV2.txt
#: Lines read before a file in which nothing parses is judged not to be a GeoNames dump.
_PROBE_LINES: Final = 50
#: Alternate names looked up at once (one vectorised search per batch).
_BATCH: Final = 50_000
#: Line numbers of malformed lines named in a report.
_NAMED_LINES: Final = 10

Progress = Callable[[int, int], None]


def feature_of_code(feature_class: str, feature_code: str) -> tuple[str, str] | None:
    """The gazetteer (kind, feature) of a GeoNames feature, or None if it is not imported.

    Examples
    --------
    >>> feature_of_code("P", "PPLA"), feature_of_code("H", "STM"), feature_of_code("S", "SCH")
    (('city', 'populated'), ('region', 'river'), None)
    """
    found = FEATURE_CODES.get(f"{feature_class}.{feature_code}")
    if found is None and feature_class == "P":
        return FEATURE_CODES["P"]
    return found


@dataclass(frozen=True, slots=True)
class DumpRow:
    """One place of a GeoNames dump (the columns the gazetteer keeps)."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    population: int
    kind: str
    feature: str


@dataclass
class DumpStats:
    """What a pass over a file kept and skipped, by reason (no line is dropped silently)."""

    path: Path
    lines: int = 0
    kept: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    malformed: list[int] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def bad(self, lineno: int) -> None:
        self.skipped["malformed line"] += 1
        if len(self.malformed) < _NAMED_LINES:
            self.malformed.append(lineno)

    def summary(self) -> str:
        """One paragraph: lines read, kept, skipped by reason, malformed lines named."""
        parts = [f"{self.path}: {self.lines:,} lines, {self.kept:,} kept"]
        if self.skipped:
            reasons = ", ".join(f"{n:,} {why}" for why, n in self.skipped.most_common(8))
            more = len(self.skipped) - 8
            parts.append(f"skipped {reasons}" + (f" and {more} other reasons" if more > 0 else ""))
        if self.malformed:
            more = self.skipped["malformed line"] - len(self.malformed)
            lines = ", ".join(str(n) for n in self.malformed)
            parts.append(f"malformed lines: {lines}" + (f" and {more} more" if more > 0 else ""))
        return "; ".join(parts)


@contextlib.contextmanager
def _open_text(path: Path) -> Iterator[tuple[IO[bytes], int]]:
    """The file's bytes (the ``.txt`` inside a ``.zip``) and their size, for progress."""
    if not path.is_file():
        raise InputError(f"GeoNames file {path} does not exist; check the path")
    if zipfile.is_zipfile(path):
        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as err:
            raise InputError(f"GeoNames archive {path} cannot be read: {err}") from err
        with archive:
            members = [i for i in archive.infolist() if i.filename.endswith(".txt")]
            members = [i for i in members if "readme" not in i.filename.lower()]
            if len(members) != 1:
                names = ", ".join(i.filename for i in archive.infolist()) or "nothing"
                raise InputError(
                    f"GeoNames archive {path} holds {names}; expected one .txt dump: unzip it "
                    "and give the .txt file"
                )
            with archive.open(members[0]) as fh:
                yield fh, members[0].file_size
        return
    with path.open("rb") as fh:
        yield fh, path.stat().st_size


def _lines(fh: IO[bytes], size: int, progress: Progress | None) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of each line; text None when it is not UTF-8."""
    done = 0
    step = max(size // 100, 1 << 20)
    next_report = step
    for lineno, raw in enumerate(fh, start=1):
        done += len(raw)
        if progress is not None and done >= next_report:
            progress(done, size)
            next_report = done + step
        try:
            yield lineno, raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            yield lineno, None
    if progress is not None:
        progress(size, size)


def _check_probe(stats: DumpStats, lineno: int, what: str) -> None:
    if stats.kept == 0 and stats.skipped["malformed line"] == lineno and lineno >= _PROBE_LINES:
        raise InputError(
            f"{stats.path}, line {stats.malformed[0]}: not a GeoNames {what} (no line of the "
            f"first {lineno} parses); give a country or allCountries .txt file of "
            "download.geonames.org"
            if what == "dump"
            else f"{stats.path}, line {stats.malformed[0]}: not a GeoNames alternateNamesV2 "
            f"file (no line of the first {lineno} parses)"
        )


def iter_dump(
    path: Path, stats: DumpStats | None = None, *, progress: Progress | None = None
) -> Iterator[DumpRow]:
    """The places of a GeoNames dump whose features the gazetteer imports.

    Parameters
    ----------
    path : Path
        ``XX.txt``, ``allCountries.txt``, ``cities500.txt`` or their ``.zip``.
    stats : DumpStats, optional
        Filled with what was kept and skipped.
    progress : callable, optional
        Called as ``progress(bytes_read, total_bytes)`` every 1% or so.

    Raises
    ------
    InputError
        The file is missing, or none of its first lines parses.
    """
    stats = stats if stats is not None else DumpStats(path)
    with _open_text(path) as (fh, size):
        for lineno, line in _lines(fh, size, progress):
            stats.lines = lineno
            if line is None:
                stats.bad(lineno)
                _check_probe(stats, lineno, "dump")
                continue
            if not line.strip() or line.startswith("#"):
                stats.skip("blank or comment line")
                continue
            cols = line.split("\t")
            if len(cols) != _DUMP_COLUMNS:
                stats.bad(lineno)
                _check_probe(stats, lineno, "dump")
                continue
            try:
                gid = int(cols[0])
                lat, lon = float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
                if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not math.isfinite(lat + lon):
                    raise ValueError
            except ValueError:
                stats.bad(lineno)
                _check_probe(stats, lineno, "dump")
                continue
            found = feature_of_code(cols[6], cols[7])
            if found is None:
                stats.skip(f"of feature {cols[6]}.{cols[7] or '?'}")
                continue
            if not cols[1].strip():
                stats.bad(lineno)
                continue
            stats.kept += 1
            yield DumpRow(
                geonameid=gid,
                name=cols[1].strip(),
                asciiname=cols[2].strip(),
                alternatenames=tuple(a for a in cols[3].split(",") if a.strip()),
                latitude=lat,
                longitude=lon,
                feature_class=cols[6],
                feature_code=cols[7],
                country_code=cols[8].strip().upper()[:2],
                admin1_code=cols[10].strip(),
                population=max(pop, 0),
                kind=found[0],
                feature=found[1],
            )


def iter_alternates(
    path: Path,
    wanted: npt.NDArray[np.int64],
    stats: DumpStats | None = None,
    *,
    progress: Progress | None = None,
) -> Iterator[tuple[int, str, str, bool]]:
    """``(position, language, name, is_abbreviation)`` of the names of the places in
    ``wanted``, ``position`` being the place's index in ``wanted``.

    Parameters
    ----------
    path : Path
        ``alternateNamesV2.txt`` (or ``alternateNames.txt``, or a country's file, or their
        ``.zip``).
    wanted : array of int
        Sorted geonameids whose names are wanted (others are skipped and counted).
    stats, progress
        As for :func:`iter_dump`.
    """
    stats = stats if stats is not None else DumpStats(path)
    batch: list[tuple[int, str, str]] = []

    def flush() -> Iterator[tuple[int, str, str, bool]]:
        ids = np.fromiter((b[0] for b in batch), dtype=np.int64, count=len(batch))
        j = np.minimum(np.searchsorted(wanted, ids), max(len(wanted) - 1, 0))
        found = wanted[j] == ids if len(wanted) else np.zeros(len(ids), dtype=bool)
        for (_, lang, name), ok, pos in zip(batch, found.tolist(), j.tolist(), strict=True):
            if not ok:
                stats.skip("of places not imported")
            elif lang in _NOT_NAMES or not name or name.startswith("http"):
                stats.skip("that are links or codes")
            else:
                stats.kept += 1
                yield pos, lang, name, lang == "abbr"
        batch.clear()

    with _open_text(path) as (fh, size):
        for lineno, line in _lines(fh, size, progress):
            stats.lines = lineno
            if line is None:
                stats.bad(lineno)
                _check_probe(stats, lineno, "alternates")
                continue
            cols = line.split("\t")
            if len(cols) not in _ALT_COLUMNS:
                if line.strip():
                    stats.bad(lineno)
                    _check_probe(stats, lineno, "alternates")
                continue
            try:
                gid = int(cols[1])
            except ValueError:
                stats.bad(lineno)
                _check_probe(stats, lineno, "alternates")
                continue
            batch.append((gid, cols[2].strip(), cols[3].strip()))
            if len(batch) >= _BATCH:
                yield from flush()
        if batch:
            yield from flush()
