"""Evaluate the geoparser: recognition, resolution and end to end, per language and corpus.

Three kinds of annotated text are scored:

- ``tests/eval/dev/src/*.md``: articles written for this project, the development split
  (tune and fit on it freely);
- ``tests/eval/test/src/*.md``: the frozen test split, written before the change it
  measures; score it once, then move it to ``dev/`` (see ``tests/eval/README.md``);
- the public corpora annotated by others in ``../shared/corpora`` (LGL: local US news,
  GeoVirus: WikiNews on epidemics), read where they are, never copied here.

Our articles are annotated inline:

- ``[Martouni](ref)``: a place name as written and its expected place: a gazetteer id
  (``gn:<GeoNames id>``, ``ne:...``, ``geo:...``), a country (``cc:AM``), a first-level
  subdivision by its ISO 3166-2 code (``iso:UA-14``) or coordinates (``40.32,45.35``);
- ``{Le Monde}``: a trap, text that must not be reported as a place.

The first line of an article is a ``date`` header. Its language is the two-letter code among
the first parts of its file name (``t1-ru-ua-kharkiv-...``, ``ho5-cm-fr-mamfe-...``); ``mx``
marks text mixing scripts.

Figures (each per language or corpus, and pooled):

- recognition: precision, recall and F1 of exact spans, and F1 when any overlap counts;
- resolution: the share of found names placed within 161 km of the gold place (a country
  counts when it is the gold country, and for the public corpora also when the gold point
  lies inside the predicted country); cities of our articles also within 25 km;
- end to end: found and placed right (161 km) over all gold places.

Usage (from the repository root)::

    python tests/eval/evaluate.py                      # dev split, LGL and GeoVirus
    python tests/eval/evaluate.py --split test         # the frozen test split (once!)
    python tests/eval/evaluate.py --corpus lgl -v      # one corpus, every error listed
    python tests/eval/evaluate.py --repo ../old-checkout   # another checkout's parser
    python tests/eval/evaluate.py --json scores.json   # the figures as JSON too
    python tests/eval/evaluate.py --acled-notes dev    # events on real ACLED notes (acled_notes.py)
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SPLITS = {"dev": HERE / "dev" / "src", "test": HERE / "test" / "src"}


def _shared() -> Path:
    """``../shared`` beside the checkout (``$GEO_SHARED_DIR`` overrides it)."""
    import os

    env = os.environ.get("GEO_SHARED_DIR")
    if env:
        return Path(env)
    for up in (REPO.parent, REPO.parent.parent):
        if (up / "shared").is_dir():
            return up / "shared"
    return REPO.parent / "shared"


CORPORA = _shared() / "corpora"
PUBLIC = ("lgl", "geovirus")
LANGS = ("en", "fr", "es", "ru", "uk", "ar", "mx")
RIGHT_KM = 161.0
CITY_KM = 25.0

_MARKUP = re.compile(r"\[([^\]]+)\]\(([^)]+)\)|\{([^}]+)\}")
_LATLON = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*")
_DEMONYM_END = ("an", "ans", "ian", "ians", "ese", "ish", "i", "is", "ic", "ch", "ean", "eans")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    ref: str  # gn:/ne:/geo: id, cc:XX, iso:XX-YY, "lat,lon"; public corpora: "lat,lon"
    demonym: bool = False


@dataclass
class Article:
    name: str
    group: str  # language for our articles, corpus name for the public ones
    text: str
    gold: list[Gold]
    traps: list[tuple[int, int, str]]
    header: bool = True


@dataclass
class Prediction:
    start: int
    end: int
    text: str
    place_id: str
    kind: str
    country_code: str | None
    latitude: float
    longitude: float
    why: str = ""


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    overlap_pred: int = 0
    overlap_gold: int = 0
    right: int = 0
    cities: int = 0
    cities_near: int = 0
    trap_hits: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for name in (
            "gold",
            "predicted",
            "found",
            "overlap_pred",
            "overlap_gold",
            "right",
            "cities",
            "cities_near",
            "trap_hits",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def overlap_f1(self) -> float:
        p = self.overlap_pred / self.predicted if self.predicted else 1.0
        r = self.overlap_gold / self.gold if self.gold else 1.0
        return _f1(p, r)

    @property
    def within(self) -> float:
        """Share of the names found that are placed right (161 km, or the right country)."""
        return self.right / self.found if self.found else 1.0

    @property
    def end_to_end(self) -> float:
        """Found and placed right, over every gold place."""
        return self.right / self.gold if self.gold else 1.0

    @property
    def city25(self) -> float:
        return self.cities_near / self.cities if self.cities else 1.0

    def figures(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "P": round(self.precision, 4),
            "R": round(self.recall, 4),
            "F1": round(self.f1, 4),
            "overlap_F1": round(self.overlap_f1, 4),
            "within161_of_found": round(self.within, 4),
            "found_and_right": round(self.end_to_end, 4),
            "cities_within25": round(self.city25, 4),
            "trap_hits": self.trap_hits,
        }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------- reading


def parse_annotated(name: str, marked: str) -> Article:
    """Strip the markup of an annotated article; return its text, gold spans and traps."""
    out: list[str] = []
    gold: list[Gold] = []
    traps: list[tuple[int, int, str]] = []
    pos = length = 0
    for m in _MARKUP.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        if m.group(1) is not None:
            text, ref = m.group(1), m.group(2).strip()
            gold.append(Gold(length, length + len(text), text, ref))
        else:
            text = m.group(3)
            traps.append((length, length + len(text), text))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(marked[pos:])
    return Article(name, language_of(name), "".join(out), gold, traps)


def language_of(name: str) -> str:
    """The language code among the first parts of a file name ("t1-ru-ua-..." is "ru")."""
    for part in name.split("-")[:3]:
        if part in LANGS:
            return part
    return "und"


def load_articles(split: str = "dev") -> list[Article]:
    """Every annotated article of a split (``dev``, ``test``), by file name."""
    folder = SPLITS[split]
    return [
        parse_annotated(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.md"))
    ]


def _is_demonym(surface: str, name: str | None) -> bool:
    low = surface.strip().lower()
    if name and low == name.strip().lower():
        return False
    return low.endswith(_DEMONYM_END) and " " not in low


def load_corpus(name: str, *, limit: int | None = None) -> list[Article]:
    """A public corpus of ``../shared/corpora`` as articles (empty when it is absent).

    Gold toponyms without coordinates are traps neither way: predictions on them are not
    counted as errors, and they are not counted as gold.
    """
    path = CORPORA / f"{name}.json"
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    out: list[Article] = []
    for doc in data["docs"][:limit]:
        gold: list[Gold] = []
        neutral: list[tuple[int, int, str]] = []
        for t in doc["toponyms"]:
            if t.get("lat") is None or t.get("lon") is None:
                neutral.append((t["start"], t["end"], t["surface"]))
                continue
            demonym = _is_demonym(t["surface"], t.get("name"))
            gold.append(Gold(t["start"], t["end"], t["surface"], f"{t['lat']},{t['lon']}", demonym))
        article = Article(f"{name}:{doc['id']}", name, doc["text"], gold, [], header=False)
        article.traps = [(s, e, "~" + text) for s, e, text in neutral]
        out.append(article)
    return out


# --------------------------------------------------------------------------- resolution


# First-level units whose Natural Earth outline in data/boundaries/admin1.parquet carries no
# ISO 3166-2 code (or that Natural Earth files under another country, or does not draw): an
# approximate inner point of each, so that a gold ``iso:`` reference to them can be scored.
ISO_POINTS: dict[str, tuple[float, float]] = {
    "UA-21": (48.4, 23.3),  # Zakarpattia
    "UA-30": (50.45, 30.52),  # Kyiv city
    "UA-32": (50.3, 30.6),  # Kyiv oblast
    "UA-40": (44.6, 33.6),  # Sevastopol
    "UA-43": (45.3, 34.4),  # Crimea
    "UA-48": (47.4, 31.8),  # Mykolaiv oblast
    "SD-DE": (11.0, 26.5),  # East Darfur
    "SD-DS": (11.0, 24.8),  # South Darfur
    "SD-GK": (11.0, 28.2),  # West Kordofan
    "SD-KS": (11.2, 30.0),  # South Kordofan
    "GB-ENG": (52.5, -1.5),  # England
    "GB-NIR": (54.6, -6.7),  # Northern Ireland
    "GB-SCT": (56.8, -4.2),  # Scotland
    "GB-WLS": (52.3, -3.7),  # Wales
    "LB-AK": (34.5, 36.15),  # Akkar
    "LB-AS": (34.4, 35.9),  # North Lebanon
    "LB-BH": (34.2, 36.4),  # Baalbek-Hermel
    "LB-BI": (33.75, 35.85),  # Beqaa
    "AM-TV": (40.9, 45.1),  # Tavush
    "PS-GZA": (31.5, 34.45),  # Gaza governorate
    "BJ-AK": (10.74, 1.54),  # Atakora (Natural Earth: no code)
    "BJ-KO": (7.13, 1.75),  # Kouffo (Natural Earth: no code)
    "ET-OR": (6.94, 40.39),  # Oromia (Natural Earth: no code)
    "ET-TI": (13.56, 39.11),  # Tigray (Natural Earth: no code)
    "SO-SA": (10.45, 47.9),  # Sanaag (Natural Earth files it under Somaliland)
    "SO-SO": (8.7, 47.4),  # Sool (Natural Earth files it under Somaliland)
    "SO-TO": (9.4, 45.3),  # Togdheer (Natural Earth files it under Somaliland)
    "CD-HK": (-10.4, 27.6),  # Haut-Katanga (Natural Earth: the former Katanga)
    "CD-HL": (-8.4, 25.9),  # Haut-Lomami (Natural Earth: the former Katanga)
    "GT-AV": (15.61, -90.13),  # Alta Verapaz (ISO's letter code; Natural Earth: GT-16)
    "GT-PE": (16.82, -90.02),  # Petén (ISO's letter code; Natural Earth: GT-17)
    "PH-NCO": (7.21, 124.86),  # Cotabato (Natural Earth: no code)
    "ID-PA": (-2.6, 139.0),  # Papua province as of 2022 (Jayapura; Natural Earth: the former one)
    "BD-B": (22.7, 91.9),  # Chattogram division (Natural Earth: no code)
    "BY-VI": (55.2, 29.0),  # Vitebsk region (Natural Earth: no code)
    "KE-09": (1.0, 38.5),  # Isiolo county (Natural Earth: the former provinces)
    "KE-25": (2.9, 37.6),  # Marsabit county
    "KE-37": (1.5, 37.1),  # Samburu county
    "KE-46": (1.8, 40.0),  # Wajir county
    "NI-AN": (13.9, -84.4),  # Costa Caribe Norte (ISO's code; Natural Earth: no code)
    "TJ-SU": (39.9, 69.4),  # Sughd (ISO's code; Natural Earth: another code)
    "GT-SM": (15.0, -91.85),  # San Marcos (ISO now numeric, GT-12)
    "GT-SO": (14.75, -91.2),  # Sololá (ISO now numeric, GT-07)
    "GT-TO": (14.95, -91.35),  # Totonicapán (ISO now numeric, GT-08)
    "KE-43": (3.3, 35.6),  # Turkana
    "KE-47": (1.75, 35.25),  # West Pokot
    "UG-E": (1.2, 33.9),  # Eastern Region
    "UG-N": (2.9, 32.9),  # Northern Region
    "BF-01": (12.4, -3.6),  # Boucle du Mouhoun (ISO's code; Natural Earth: no code)
    "CD-BU": (3.6, 24.3),  # Bas-Uele (Natural Earth: the former Orientale)
    "GT-HU": (15.6, -91.6),  # Huehuetenango (ISO now numeric, GT-13)
    "NG-NA": (8.5, 8.3),  # Nasarawa (Natural Earth: no code)
    "ML-9": (15.8, 2.6),  # Ménaka region (created 2016; Natural Earth: part of Gao)
    "CD-HU": (3.5, 28.4),  # Haut-Uélé (Natural Earth: the former Orientale)
    "CD-IT": (1.7, 29.8),  # Ituri (Natural Earth: the former Orientale)
    "CD-TO": (0.8, 24.9),  # Tshopo (Natural Earth: the former Orientale)
    "CD-KS": (-5.4, 21.0),  # Kasaï (Natural Earth: the former Kasaï-Occidental)
    "CD-KC": (-5.9, 22.6),  # Kasaï-Central (Natural Earth: the former Kasaï-Occidental)
    "CD-KL": (-5.2, 18.6),  # Kwilu (Natural Earth: the former Bandundu)
    "BF-09": (11.3, -4.4),  # Hauts-Bassins (ISO's code; Natural Earth: no code)
    "BF-02": (10.4, -4.6),  # Cascades (ISO's code; Natural Earth: no code)
    "BF-13": (10.3, -3.2),  # Sud-Ouest (ISO's code; Natural Earth: no code)
    "HT-GA": (18.45, -74.1),  # Grand'Anse (Natural Earth: no code)
    "AZ-NX": (39.3, 45.4),  # Nakhchivan (the autonomous republic; Natural Earth: its districts)
}


class Reference:
    """Turns gold references into coordinates and checks resolutions."""

    def __init__(self) -> None:
        from geo.gazetteer import load_gazetteer

        self.gaz = load_gazetteer()
        self._iso: dict[str, tuple[float, float]] | None = None
        self._countries: Any = None

    def iso_point(self, code: str) -> tuple[float, float] | None:
        """A representative point of the first-level subdivision with ISO 3166-2 ``code``
        (Natural Earth outlines of ``data/boundaries/admin1.parquet``, else
        :data:`ISO_POINTS`)."""
        if self._iso is None:
            import geopandas as gpd

            frame = gpd.read_parquet(REPO / "data" / "boundaries" / "admin1.parquet")
            self._iso = dict(ISO_POINTS)
            for code_, geom in zip(frame["admin1_code"], frame.geometry, strict=True):
                if code_ and geom is not None and not geom.is_empty:
                    point = geom.representative_point()
                    self._iso[str(code_)] = (point.y, point.x)
        return self._iso.get(code)

    def in_country(self, lat: float, lon: float, code: str | None) -> bool:
        """Whether a point lies in the country ``code`` (embedded Natural Earth outlines)."""
        if not code:
            return False
        if self._countries is None:
            import geopandas as gpd

            frame = gpd.read_parquet(REPO / "data" / "boundaries" / "admin0.parquet")
            self._countries = dict(zip(frame["country_code"], frame.geometry, strict=True))
            self._buffered: dict[str, Any] = {}
        if code not in self._buffered:
            import shapely

            geom = self._countries.get(code)
            self._buffered[code] = None if geom is None else geom.buffer(0.05)
            if geom is not None:
                shapely.prepare(self._buffered[code])
        geom = self._buffered[code]
        if geom is None:
            return False
        from shapely.geometry import Point

        return bool(geom.contains(Point(lon, lat)))

    def point(self, ref: str) -> tuple[float, float] | None:
        m = _LATLON.fullmatch(ref)
        if m:
            return float(m.group(1)), float(m.group(2))
        if ref.startswith("iso:"):
            return self.iso_point(ref[4:])
        place = self.gaz.country(ref[3:]) if ref.startswith("cc:") else self.gaz.get(ref)
        if place is None:
            raise ValueError(f"gold reference {ref} is not in the gazetteer")
        return place.latitude, place.longitude

    def _iso_of(self, pred: Prediction) -> str | None:
        """The ISO 3166-2 code of a predicted first-level unit, if the gazetteer has one."""
        try:
            place = self.gaz.get(pred.place_id)
        except (KeyError, ValueError):
            return None
        return getattr(place, "iso_3166_2", None) if place is not None else None

    def right(self, pred: Prediction, ref: str, *, public: bool) -> tuple[bool, bool | None]:
        """(placed right within 161 km or as the right country, city within 25 km or None)."""
        if ref.startswith("cc:"):
            return pred.kind == "country" and pred.country_code == ref[3:], None
        if pred.place_id == ref:
            return True, (True if pred.kind == "city" else None)
        if ref.startswith("iso:") and pred.kind == "region" and self._iso_of(pred) == ref[4:]:
            # the first-level unit itself, from another source (Natural Earth, GeoNames):
            # right wherever its point lies (a large oblast's points may be far apart)
            return True, None
        point = self.point(ref)
        if point is None:
            return False, None
        km = _km(pred.latitude, pred.longitude, *point)
        ok = km <= RIGHT_KM
        if public and not ok and pred.kind == "country":
            ok = self.in_country(point[0], point[1], pred.country_code)
        city = None
        if ref.startswith("gn:") or (not public and _LATLON.fullmatch(ref)):
            city = km <= CITY_KM
        return ok, city


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- scoring


def score_article(
    article: Article,
    predictions: Iterable[Prediction],
    reference: Reference,
    *,
    demonyms: bool = True,
) -> Scores:
    """Compare predictions with an article's gold spans.

    With ``demonyms`` false, gold spans that are demonyms ("Russian") and predictions on
    them are left out (the public corpora differ on whether they are places).
    """
    public = article.group in PUBLIC
    golds = [g for g in article.gold if demonyms or not g.demonym]
    skip = [(g.start, g.end) for g in article.gold if not demonyms and g.demonym]
    neutral = [(s, e) for s, e, t in article.traps if t.startswith("~")] + skip
    preds = [
        p
        for p in predictions
        if not any(p.start < e and s < p.end for s, e in neutral)
        or any((g.start, g.end) == (p.start, p.end) for g in golds)
    ]
    by_span = {(g.start, g.end): g for g in golds}
    s = Scores(gold=len(golds), predicted=len(preds))
    matched: set[tuple[int, int]] = set()
    for p in preds:
        if any(p.start < g.end and g.start < p.end for g in golds):
            s.overlap_pred += 1
        g = by_span.get((p.start, p.end))
        if g is None:
            trap = next((t for t in article.traps if p.start < t[1] and t[0] < p.end), None)
            if trap is not None and not trap[2].startswith("~"):
                s.trap_hits += 1
                s.errors.append(
                    f"{article.name}: TRAP {p.text!r} -> {p.place_id} (in {trap[2]!r}){p.why}"
                )
            else:
                s.errors.append(f"{article.name}: FP {p.text!r}@{p.start} -> {p.place_id}{p.why}")
            continue
        matched.add((g.start, g.end))
        s.found += 1
        ok, city = reference.right(p, g.ref, public=public)
        if city is not None:
            s.cities += 1
            s.cities_near += int(city)
        if ok:
            s.right += 1
        else:
            s.errors.append(
                f"{article.name}: WRONG {g.text!r}@{g.start} -> {p.place_id} {p.kind} "
                f"({p.latitude:.3f},{p.longitude:.3f}), expected {g.ref}{p.why}"
            )
    for g in golds:
        if any(p.start < g.end and g.start < p.end for p in preds):
            s.overlap_gold += 1
        if (g.start, g.end) not in matched:
            s.errors.append(f"{article.name}: MISSED {g.text!r}@{g.start} ({g.ref})")
    return s


def predictor(*, explain: bool = False) -> Callable[[Article], list[Prediction]]:
    """geo's geoparser as a function from an article to its predictions."""
    from geo.geoparse import find_mentions

    try:
        from geo.io import make_document
    except ImportError:  # checkouts before geo.io
        from geo.sources import make_document  # type: ignore[no-redef]

    def predict(article: Article) -> list[Prediction]:
        doc = make_document(article.text, doc_id=article.name, header=article.header)
        out = []
        for m in find_mentions(doc):
            assert article.text[m.char_start : m.char_end] == m.mention
            p = m.place
            why = ""
            if explain and getattr(m, "why", None):
                why = "  [" + "; ".join(f"{k} {v:+.2f}" for k, v in m.why.items()) + "]"
            out.append(
                Prediction(
                    m.char_start,
                    m.char_end,
                    m.mention,
                    p.id,
                    p.kind,
                    p.country_code,
                    p.latitude,
                    p.longitude,
                    why,
                )
            )
        return out

    return predict


def evaluate(
    articles: Sequence[Article], *, demonyms: bool = True, explain: bool = False
) -> tuple[Scores, dict[str, Scores]]:
    """Score every article; return the pooled scores and the scores by group."""
    reference = Reference()
    predict = predictor(explain=explain)
    total = Scores()
    groups: dict[str, Scores] = {}
    for article in articles:
        s = score_article(article, predict(article), reference, demonyms=demonyms)
        groups.setdefault(article.group, Scores()).add(s)
        total.add(s)
    return total, groups


# --------------------------------------------------------------------------- events

EVENTS = {"dev": HERE / "events" / "dev", "test": HERE / "events" / "test"}
EVENT_PLACE_KM = 25.0
EVENT_DATE_DAYS = 1
EVENT_FIELDS = (
    "date",
    "event_type",
    "sub_event_type",
    "deaths",
    "injured",
    "actor1",
    "actor2",
)


@dataclass
class GoldIncident:
    doc: str
    lang: str
    id: str
    place: str
    ref: str
    date: str | None
    fields: dict[str, Any]


@dataclass
class EventScores:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    hits: int = 0  # distinct predictions that found an incident
    duplicates: int = 0
    spurious: int = 0
    right: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, other: EventScores) -> None:
        for name in ("articles", "gold", "predicted", "matched", "hits", "duplicates", "spurious"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, v in other.right.items():
            self.right[k] = self.right.get(k, 0) + v
        self.errors.extend(other.errors)

    def figures(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "recall": round(self.matched / self.gold, 4) if self.gold else 1.0,
            "precision": round(self.hits / (self.predicted - self.duplicates), 4)
            if self.predicted - self.duplicates
            else 1.0,
            "spurious_per_article": round(self.spurious / self.articles, 3) if self.articles else 0,
            "duplicates": self.duplicates,
        }
        for name in EVENT_FIELDS:
            out[name] = round(self.right.get(name, 0) / self.matched, 4) if self.matched else -1
        return out


def load_event_gold(split: str) -> list[tuple[Path, dict[str, Any]]]:
    """Each article of the event gold set with its JSON (incidents, language, date)."""
    folder = EVENTS[split]
    out = []
    for meta in sorted(folder.glob("*.json")):
        article = next(
            (meta.with_suffix(s) for s in (".txt", ".html") if meta.with_suffix(s).is_file()), None
        )
        if article is None:
            continue
        out.append((article, json.loads(meta.read_text(encoding="utf-8"))))
    return out


def _norm_actor(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = re.sub(r"\s*\([^)]*\)\s*$", "", str(value)).strip().lower()
    return text or None


def _same(field_name: str, gold: Any, pred: Any) -> bool:
    def empty(v: Any) -> bool:
        return v is None or (isinstance(v, float) and math.isnan(v)) or v == ""

    if field_name in ("actor1", "actor2"):
        return _norm_actor(gold) == _norm_actor(pred)
    if empty(gold) or empty(pred):
        return empty(gold) and empty(pred)
    if field_name in ("deaths", "injured"):
        try:
            return int(gold) == int(pred)
        except (TypeError, ValueError):
            return False
    return str(gold) == str(pred)


def _predicted_events(paths: Sequence[Path]) -> Any:
    """geo's events of some articles, as one frame (the articles read together): one row per
    incident per article, with the ``merged_event_id`` of the event it is merged into."""
    import geo
    from geo.events.merge import link_events

    docs = geo.read_documents([str(p) for p in paths])
    frame = link_events(geo.extract_events(docs))
    if "event_type" in frame.columns:
        frame = frame[frame["event_type"].notna() & (frame["event_type"] != "Mention")]
    return frame


def _row_value(row: Any, names: Sequence[str]) -> Any:
    import pandas as pd

    for name in names:
        if name in row and row[name] is not None:
            value = row[name]
            try:
                if pd.isna(value):
                    continue
            except (TypeError, ValueError):
                pass
            return value
    return None


def score_events(
    split: str,
) -> tuple[EventScores, dict[str, EventScores], dict[str, tuple[int, int]]]:
    """Event recall, precision, spurious events per article and per-field accuracy.

    A gold incident is found by a predicted event at the same place (the same gazetteer id,
    or within 25 km) and, when the gold gives a date, within a day of it. Other predictions
    at a found incident are duplicates; the rest are spurious. Precision counts each prediction
    once, even when it finds two incidents (same place, adjacent days). Incidents told by several
    articles (same id) are also counted as merged events: the distinct events (by
    ``event_id``) that find them, read together.
    """
    import pandas as pd

    reference = Reference()
    gold_docs = load_event_gold(split)
    frame = _predicted_events([p for p, _ in gold_docs])
    source_col = next((c for c in ("doc_id", "source") if c in frame.columns), None)
    total = EventScores()
    groups: dict[str, EventScores] = {}
    shared: dict[str, set[str]] = {}
    found_in: dict[str, set[str]] = {}
    for path, meta in gold_docs:
        lang = meta.get("lang", language_of(path.stem))
        s = EventScores(articles=1)
        rows = frame
        if source_col is not None:
            rows = frame[frame[source_col].astype(str).str.contains(path.name, regex=False)]
        preds = [r for _, r in rows.iterrows()]
        s.predicted = len(preds)
        used: set[int] = set()
        for inc in meta.get("incidents", []):
            s.gold += 1
            point = reference.point(inc["ref"])
            best: tuple[float, int] | None = None
            for i, r in enumerate(preds):
                lat, lon = _row_value(r, ("latitude",)), _row_value(r, ("longitude",))
                same_id = str(_row_value(r, ("gazetteer_id",)) or "") == inc["ref"]
                if not same_id:
                    if lat is None or lon is None or point is None:
                        continue
                    if _km(float(lat), float(lon), *point) > EVENT_PLACE_KM:
                        continue
                if inc.get("date"):
                    day = _row_value(r, ("event_date",))
                    if day is None or pd.isna(pd.Timestamp(day)):
                        continue
                    gap = abs((pd.Timestamp(day).normalize() - pd.Timestamp(inc["date"])).days)
                    if gap > EVENT_DATE_DAYS:
                        continue
                    cost = gap
                else:
                    cost = 0
                if i in used:
                    cost += 10
                if not same_id:
                    cost += 0.5  # at an equal day, the event at the gold's own place first
                if best is None or cost < best[0]:
                    best = (cost, i)
            if best is None:
                s.errors.append(
                    f"{path.name}: MISSED {inc['id']} ({inc['place']}, {inc.get('date')})"
                )
                continue
            i = best[1]
            if i in used:
                s.errors.append(f"{path.name}: SHARED-PREDICTION {inc['id']}")
            used.add(i)
            s.matched += 1
            r = preds[i]
            predicted = {
                "date": str(pd.Timestamp(_row_value(r, ("event_date",))).date())
                if _row_value(r, ("event_date",)) is not None
                else None,
                "event_type": _row_value(r, ("event_type",)),
                "sub_event_type": _row_value(r, ("sub_event_type",)),
                "deaths": _row_value(r, ("fatalities",)),
                "injured": _row_value(r, ("injured",)),
                "actor1": _row_value(r, ("actor1",)),
                "actor2": _row_value(r, ("actor2",)),
            }
            for name in EVENT_FIELDS:
                if _same(name, inc.get(name), predicted[name]):
                    s.right[name] = s.right.get(name, 0) + 1
                else:
                    s.errors.append(
                        f"{path.name}: {name} of {inc['id']}: gold {inc.get(name)!r}, "
                        f"predicted {predicted[name]!r}"
                    )
            event_id = _row_value(r, ("merged_event_id", "event_id"))
            shared.setdefault(inc["id"], set()).add(str(event_id))
            found_in.setdefault(inc["id"], set()).add(path.name)
        s.hits = len(used)
        for i, r in enumerate(preds):
            if i in used:
                continue
            near_used = any(
                _row_value(r, ("gazetteer_id",)) == _row_value(preds[j], ("gazetteer_id",))
                for j in used
            )
            if near_used:
                s.duplicates += 1
            else:
                s.spurious += 1
                s.errors.append(
                    f"{path.name}: SPURIOUS {_row_value(r, ('location', 'mention'))} "
                    f"{_row_value(r, ('event_date',))} {_row_value(r, ('sub_event_type',))}"
                )
        groups.setdefault(lang, EventScores()).add(s)
        total.add(s)
    told = {k: (len(found_in[k]), len(v)) for k, v in shared.items()}
    return total, groups, told


_EVENT_HEAD = (
    f"{'group':14s} {'docs':>4s} {'gold':>5s} {'pred':>5s} {'recall':>6s} {'prec':>5s} "
    f"{'spur/a':>6s} {'date':>5s} {'type':>5s} {'sub':>5s} {'deaths':>6s} {'inj':>5s} "
    f"{'actor1':>6s} {'actor2':>6s}"
)


def _event_line(label: str, s: EventScores) -> str:
    f = s.figures()

    def acc(name: str, width: int) -> str:
        value = f[name]
        return f"{'-':>{width}s}" if value < 0 else f"{value:{width}.3f}"

    return (
        f"{label:14s} {s.articles:4d} {s.gold:5d} {s.predicted:5d} {f['recall']:6.3f} "
        f"{f['precision']:5.3f} {f['spurious_per_article']:6.2f} {acc('date', 5)} "
        f"{acc('event_type', 5)} {acc('sub_event_type', 5)} {acc('deaths', 6)} "
        f"{acc('injured', 5)} {acc('actor1', 6)} {acc('actor2', 6)}"
    )


def events_main(args: argparse.Namespace, report: dict[str, Any]) -> None:
    total, groups, told = score_events(args.split)
    print(_EVENT_HEAD)
    for lang in LANGS:
        if lang in groups:
            print(_event_line(f"{args.split}:{lang}", groups[lang]))
            report["groups"][f"events:{args.split}:{lang}"] = groups[lang].figures()
    print(_event_line(f"{args.split}:all", total))
    report["groups"][f"events:{args.split}:all"] = total.figures()
    shared = _shared_ids(args.split)
    if shared:
        print("incidents told by several articles: articles / found in / distinct events")
        for k in sorted(shared):
            found, events = told.get(k, (0, 0))
            print(f"  {k}: {shared[k]} / {found} / {events}")
            report.setdefault("merged", {})[k] = [shared[k], found, events]
    if args.verbose:
        for e in total.errors:
            print("  " + e)


def acled_notes_main(args: argparse.Namespace, report: dict[str, Any]) -> None:
    """``--acled-notes dev|heldout``: the engine on the notes of real ACLED exports."""
    sys.path.insert(0, str(HERE))
    import acled_notes as an

    folder = an.realdata_dir(_shared())
    if not folder.is_dir():
        print(f"absent: {folder}")
        return
    errors = args.acled_notes == "dev"
    total, per_file = an.score_files(
        folder,
        an.SETS[args.acled_notes],
        limit=args.limit,
        errors=errors,
        progress=lambda text: print(text, file=sys.stderr, flush=True),
    )
    print(an.HEAD)
    for name, s in per_file.items():
        print(an.line(name, s))
        report["groups"][f"acled-notes:{name}"] = s.figures()
    print(an.line(f"{args.acled_notes}:all", total))
    report["groups"][f"acled-notes:{args.acled_notes}:all"] = total.figures()
    if errors:
        print("\n".join(an.report_classes(total, top=40 if args.verbose else 12)))
        if args.verbose:
            for e in total.errors:
                print("  " + e)


def _shared_ids(split: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, meta in load_event_gold(split):
        for inc in meta.get("incidents", []):
            counts[inc["id"]] = counts.get(inc["id"], 0) + 1
    return {k: v for k, v in counts.items() if v > 1}


# --------------------------------------------------------------------------- report


_HEAD = (
    f"{'group':22s} {'gold':>6s} {'pred':>6s}  {'P':>5s} {'R':>5s} {'F1':>5s} {'ovF1':>5s}"
    f"  {'w161':>5s} {'e2e':>5s} {'c25':>5s} {'traps':>5s}"
)


def _line(label: str, s: Scores) -> str:
    return (
        f"{label:22s} {s.gold:6d} {s.predicted:6d}  {s.precision:5.3f} {s.recall:5.3f} "
        f"{s.f1:5.3f} {s.overlap_f1:5.3f}  {s.within:5.3f} {s.end_to_end:5.3f} "
        f"{s.city25:5.3f} {s.trap_hits:5d}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument(
        "--corpus",
        nargs="+",
        choices=("ours", *PUBLIC),
        default=["ours", *PUBLIC],
        help="what to score (default: our articles of the split, LGL and GeoVirus)",
    )
    parser.add_argument(
        "--limit", type=int, help="first N documents of each public corpus (or ACLED notes file)"
    )
    parser.add_argument("--repo", type=Path, help="score the geo of another checkout")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument("--explain", action="store_true", help="errors with the score terms")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--events", action="store_true", help="score events, not places")
    parser.add_argument(
        "--acled-notes",
        choices=("dev", "heldout"),
        help="score the event engine on the notes of real ACLED exports (see acled_notes.py)",
    )
    args = parser.parse_args(argv)
    repo = (args.repo or REPO).resolve()
    sys.path.insert(0, str(repo))
    print(f"geo from {repo}")
    report: dict[str, Any] = {"split": args.split, "repo": str(repo), "groups": {}}
    if args.acled_notes:
        acled_notes_main(args, report)
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        return 0
    if args.events:
        events_main(args, report)
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        return 0
    print(_HEAD)
    errors: list[str] = []
    if "ours" in args.corpus:
        articles = load_articles(args.split)
        start = time.perf_counter()
        total, groups = evaluate(articles, explain=args.explain)
        seconds = time.perf_counter() - start
        for lang in LANGS:
            if lang in groups:
                print(_line(f"{args.split}:{lang}", groups[lang]))
                report["groups"][f"{args.split}:{lang}"] = groups[lang].figures()
        print(_line(f"{args.split}:all ({len(articles)} docs)", total))
        print(f"  ({seconds:.1f} s)")
        report["groups"][f"{args.split}:all"] = total.figures()
        errors += total.errors
    for name in PUBLIC:
        if name not in args.corpus:
            continue
        articles = load_corpus(name, limit=args.limit)
        if not articles:
            print(f"{name:22s} (absent: {CORPORA / (name + '.json')})")
            continue
        start = time.perf_counter()
        total, _ = evaluate(articles, explain=args.explain)
        seconds = time.perf_counter() - start
        plain, _ = evaluate(articles, demonyms=False)
        print(_line(f"{name} ({len(articles)} docs)", total))
        print(_line(f"{name} no demonyms", plain))
        print(f"  ({seconds:.1f} s)")
        report["groups"][name] = total.figures()
        report["groups"][f"{name}:no_demonyms"] = plain.figures()
        errors += total.errors
    if args.verbose or args.explain:
        for e in errors:
            print("  " + e)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


__all__ = [
    "Article",
    "Gold",
    "Prediction",
    "Reference",
    "Scores",
    "evaluate",
    "load_articles",
    "load_corpus",
    "parse_annotated",
    "score_article",
]
