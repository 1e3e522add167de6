"""Candidate places of a name: gazetteer lookups, spelling variants and dictionary forms.

:class:`Index` wraps the gazetteer for the geoparser: memoised lookups of a key and of its
variants (other transliterations, the Arabic article, compass words in another language,
the spelling rules of the language packs), each candidate carrying how it was reached
(:attr:`geo.model.Candidate.match`) and its static prior. Everything here depends on the
name alone, never on the document, so it is cached across documents.

Examples
--------
>>> index = Index.default()
>>> [(c.place.country_code, c.match) for c in index.candidates("martouni")][:2]
[('AM', 'variant'), ('AZ', 'alternate')]
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from geo import config
from geo.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name
from geo.geoparse import translit
from geo.lang import word_frequency
from geo.model import Candidate

if TYPE_CHECKING:
    from geo.geoparse.filters import Words
    from geo.geoparse.tokenize import Tokens

__all__ = [
    "ANY_OF",
    "AS_PLACE",
    "IN_COUNTRIES",
    "ROMANISED",
    "Index",
    "approx_km",
    "feature_of",
    "haversine_km",
    "is_water",
]

KM_PER_DEGREE: Final = math.pi * config.EARTH_RADIUS_KM / 180.0
#: Marks a key whose candidates are only those in the countries that follow it
#: (comma-separated ISO codes): "عيناتا\x1fin:LB" is Aïnâta in Lebanon, not Aïn Touta.
IN_COUNTRIES: Final = "\x1fin:"
#: Marks a Latin key whose candidates are those of its other romanisations (the language
#: of the text follows): "djerba\x1from:fr" is Jerba (:meth:`Index.romanised`).
ROMANISED: Final = "\x1from:"
#: Separator of the keys of a name whose dictionary form is uncertain (the relational
#: adjective "Васильківська громада" is built from "Васильків" or "Васильківка"): the
#: candidates are those of every key, and the context chooses among them.
ANY_OF: Final = "\x1for:"
#: Marks a key whose candidate is the one place whose id follows, among the places of the
#: key or, failing them, of its transliterations: "الحاجب\x1fid:gn:2550252" is El Hajeb in
#: Morocco, not the village of Syria the gazetteer names so in Arabic (:mod:`geo.geoparse.scan`).
AS_PLACE: Final = "\x1fid:"
_FR_INITIAL_I: Final = re.compile(r"(^| )i(?=[aeou])")
_DOUBLE_S: Final = re.compile(r"(?<=[aeiouy])ss(?=[aeiouy])")
_ARTICLES: Final = ("al ", "el ")
_INNER_ARTICLE: Final = re.compile(r" (?:el|ez|ed|ad|ar|as|ash|at|az|er|es) (?=\w)")
_SUN_LETTER: Final = re.compile(r" al (sh|th|dh|[tdrzsn])(?=\w)")
#: Languages whose common words end no glued two-word name (see Index.variants).
_LATIN_LANGS: Final = ("en", "fr", "es")
_GLUED_ARTICLE: Final = re.compile(r"\b([ae])(sh|[dtrszn])\2(\w{2,})")
#: Feature classes of places whose names no common word shadows.
AREA_FEATURES: Final = frozenset({"country", "disputed", "macro_region", "continent"})
WATER_FEATURES: Final = frozenset({"water", "river", "sea", "lake", "gulf", "strait", "ocean"})


#: The Arabic definite article, written joined to its noun.
_ARABIC_ARTICLE: Final = "ال"


#: The usual abbreviations of the first word of a place's name, as keys
#: (:func:`geo.gazetteer.normalize_name`): "St X" is the own name of Saint X shortened, no
#: alternate name of it.
_NAME_ABBREVIATIONS: Final = {"saint": "st", "sainte": "ste", "sankt": "st", "mount": "mt"}
_ABBREVIATED: Final = frozenset(_NAME_ABBREVIATIONS.values())


def abbreviates(key: str, name: str) -> bool:
    """Whether ``key`` is the primary ``name`` with a usual abbreviation of its first word.

    Examples
    --------
    >>> abbreviates("st gallen", "Sankt Gallen")
    True
    >>> abbreviates("st gallen", "St. Gallen")
    False
    """
    head, _, rest = key.partition(" ")
    if not rest or head not in _ABBREVIATED:
        return False
    whole, _, tail = normalize_name(name).partition(" ")
    return tail == rest and _NAME_ABBREVIATIONS.get(whole) == head


def _major_shortened(key: str, place: Place) -> bool:
    """Whether ``key`` is the primary name of a major place (prior of at least
    :data:`geo.config.GEOPARSE_MAJOR_PRIOR`) shortened by a usual abbreviation."""
    return prior_of(place) >= config.GEOPARSE_MAJOR_PRIOR and abbreviates(key, place.name)


def _name_match(key: str, place: Place, rival: bool) -> str:
    """How ``key`` names ``place`` as a candidate: its form when it is an abbreviation or a
    code, else "primary" (its own name, or a major place's shortened where ``rival``, another
    place of the lookup, has that name as its own: both compete as primary names) or
    "alternate"."""
    if place.name_form != "name":  # "W.Va.", "TX": only after a town ("X, TX")
        return place.name_form
    return "primary" if place.primary or (rival and _major_shortened(key, place)) else "alternate"


def feature_of(place: Place) -> str:
    """The feature class of a place (the gazetteer's ``feature`` column): ``populated``,
    ``admin1``, ``admin2``, ``country``, ``water``, ``disputed``...

    Examples
    --------
    >>> feature_of(load_gazetteer().lookup("Bakou")[0])
    'populated'
    """
    return place.feature


def is_region_seat(place: Place) -> bool:
    """Whether a town carries the name of its own first-level region: the seat of an oblast,
    governorate or province named after it, a well-known town whatever its population says.

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> is_region_seat(Place(id="x", name="Novaville", kind="city", latitude=0.0,
    ...                      longitude=0.0, country_code="XX", admin1_code="01",
    ...                      admin1="Novaville", population=900, source="test"))
    True
    """
    return place.kind == "city" and bool(place.admin1) and _same_name(place.admin1, place.name)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _same_name(a: str, b: str) -> bool:
    """Whether two names are one once normalised (memoised: recognition asks it of each
    name's pick once or twice per document)."""
    return normalize_name(a) == normalize_name(b)


def admin_key(place: Place) -> str:
    """The key of a place's first-level region, ``"<country code>.<admin-1 code>"``, or ""
    when the gazetteer gives it no region.

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> admin_key(Place(id="x", name="Novaville", kind="city", latitude=0.0, longitude=0.0,
    ...                 country_code="XX", admin1_code="01", admin1="Nova", population=900,
    ...                 source="test"))
    'XX.01'
    """
    return (
        f"{place.country_code}.{place.admin1_code}"
        if place.country_code and place.admin1_code
        else ""
    )


def is_water(place: Place) -> bool:
    """Whether a place is a water body (lake, sea, gulf, strait, river).

    Examples
    --------
    >>> is_water(load_gazetteer().lookup("Bakou")[0])
    False
    """
    return feature_of(place) in WATER_FEATURES


def approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km: cheap, and within 1% of the great-circle distance
    below a few hundred km, which is all the scoring needs."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) * 0.5))
    dy = lat2 - lat1
    return KM_PER_DEGREE * math.sqrt(dx * dx + dy * dy)


def countries_near(
    cs: Sequence[Candidate],
    countries: Iterable[str],
    points: Sequence[Place],
    *,
    km: float,
) -> set[str]:
    """The countries of the candidates ``cs`` that are among ``countries`` and, when
    ``points`` (the document's towns or regions) are given, lie within ``km`` of one.

    Examples
    --------
    >>> town = Index.default().candidates("zinder")[0].place
    >>> cs = [Candidate(place=town, prior=1.0)]
    >>> far = Index.default().candidates("niamey")[0].place
    >>> countries_near(cs, {"NE"}, [], km=100.0), countries_near(cs, {"NE"}, [far], km=100.0)
    ({'NE'}, set())
    """
    allowed = set(countries)
    out: set[str] = set()
    for c in cs:
        p = c.place
        if p.country_code is None or p.country_code not in allowed or p.country_code in out:
            continue
        if not points or any(
            approx_km(p.latitude, p.longitude, q.latitude, q.longitude) < km for q in points
        ):
            out.add(p.country_code)
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    Examples
    --------
    >>> round(haversine_km(40.38, 49.89, 40.18, 44.51))
    457
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * config.EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _capitalised(name: str) -> bool:
    """Whether a name is an abbreviation in capitals ("UAE", "U.S.A."): two letters or more,
    none lower case."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Index:
    """The gazetteer as the geoparser sees it, with memoised lookups.

    Parameters
    ----------
    gazetteer : Gazetteer
        The gazetteer to look names up in.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._has: dict[str, bool] = {}
        self._cands: dict[tuple[str, bool], tuple[Candidate, ...]] = {}
        self._cands_in: dict[tuple[str, tuple[str, ...]], tuple[Candidate, ...]] = {}
        self._country: dict[str, bool] = {}
        self._admin1: dict[tuple[str, str], Place | None] = {}
        # by name, with the candidates they were computed from (an answer counts for the
        # same candidates only): a document may add candidates to a name (regions reached
        # through a region noun) or leave some out (a region's abbreviation outside
        # apposition), and the answer must not depend on which document asked first
        self._spread: dict[str, tuple[tuple[Candidate, ...], float]] = {}
        self._twin: dict[tuple[str, str], tuple[tuple[Candidate, ...], Place]] = {}
        self._demonyms: dict[tuple[str, ...], frozenset[str]] = {}
        self._lower: dict[tuple[str, ...], frozenset[str]] = {}
        self._translit: dict[str, tuple[Candidate, ...]] = {}
        self._romanised: dict[tuple[str, str], tuple[Candidate, ...]] = {}
        self._noun_regions: dict[tuple[str, tuple[str, ...]], tuple[Candidate, ...]] = {}
        self._capitals: frozenset[str] | None = None
        #: the candidates worth scoring and their static features, by name and candidate
        #: ids (filled by :func:`geo.geoparse.resolve.scored_candidates`)
        self.scored: dict[
            tuple[str, ...], tuple[tuple[Candidate, ...], tuple[dict[str, float], ...]]
        ] = {}
        self.spelling, self.compass = _variant_rules()
        self.foreign_country_keys = self._foreign_country_names()
        self.country_name_languages = self._country_name_languages()
        self.max_tokens = max(1, min(gazetteer.max_key_tokens, config.GEOPARSE_MAX_TOKENS))

    def clear_caches(self) -> None:
        """Forget the memoised lookups, as in a new process.

        A document's result does not depend on the documents parsed before it: each memo
        answers for its key alone (the twin memo once gave back an equal record where the
        features test identity, and a score moved in the third decimal after other
        documents). The geoparser's snapshot test starts from clean memos all the same, so
        that a defect of that kind shows as a failure of its own test only.
        """
        for memo in (
            self._has,
            self._cands,
            self._cands_in,
            self._country,
            self._admin1,
            self._spread,
            self._twin,
            self._demonyms,
            self._lower,
            self._translit,
            self._romanised,
            self._noun_regions,
            self.scored,
        ):
            memo.clear()

    @classmethod
    def default(cls) -> Index:
        """The index of the process-wide gazetteer (one per process)."""
        gazetteer = load_gazetteer()
        found = _DEFAULT.get(id(gazetteer))
        if found is None or found.gazetteer is not gazetteer:
            _DEFAULT.clear()
            found = _DEFAULT[id(gazetteer)] = cls(gazetteer)
        return found

    # ---- lookups
    @property
    def capitals(self) -> frozenset[str]:
        """Ids of national capitals (from the gazetteer's country records), read once."""
        if self._capitals is None:
            caps = getattr(self.gazetteer, "capitals", None)
            self._capitals = frozenset(caps() if callable(caps) else ())
        return self._capitals

    @functools.cached_property
    def uppercase_only(self) -> Mapping[str, frozenset[str]]:
        """The country ids each name reaches only as a capitalised abbreviation of the
        country ("UAE", "EAU", "RDC" in ``country_aliases.csv``), by name key: written in
        lower or title case the word is another ("Fond-d'Eau", "eau"), never the country.

        Examples
        --------
        >>> sorted(Index.default().uppercase_only["eau"])
        ['gn:290557']
        """
        gaz = self.gazetteer
        out: dict[str, set[str]] = {}
        for code, aliases in getattr(gaz, "country_aliases", {}).items():
            country = gaz.country(code)
            if country is None:
                continue
            spelled = {normalize_name(a) for a in aliases if not _capitalised(a)}
            spelled.add(normalize_name(country.name))
            for alias in aliases:
                key = normalize_name(alias)
                if _capitalised(alias) and key not in spelled:
                    out.setdefault(key, set()).add(country.id)
        return {k: frozenset(v) for k, v in out.items()}

    def has(self, key: str) -> bool:
        """Whether ``key`` or one of its variants is a gazetteer name."""
        found = self._has.get(key)
        if found is None:
            if len(self._has) > config.GEOPARSE_CACHE_SIZE:
                self._has.clear()
            gaz = self.gazetteer
            found = key in gaz or any(v in gaz for v in self.variants(key))
            self._has[key] = found
        return found

    def variants(self, key: str) -> list[str]:
        """Other spellings of a name: French and Arabic transliterations, the Arabic article,
        compass words in the other language, the packs' spelling rules.

        "martouni" -> "martuni", "choucha" -> "shusha", "ras al ain" -> "ras al ayn",
        "qamishli" -> "al qamishli", "north kivu" -> "nord kivu".
        """
        if key.count(" ") > 3:
            return []
        out: list[str] = []

        def add(v: str) -> None:
            if v != key and v not in out:
                out.append(v)

        bases = [key]
        first, _, rest = key.partition(" ")
        if rest and first in self.compass:
            bases.append(self.compass[first] + " " + rest)
            add(bases[-1])
        for base in bases:
            fr = _FR_INITIAL_I.sub(r"\1y", base)
            fr = fr.replace("ou", "u").replace("dj", "j").replace("tch", "\x01")
            fr = _DOUBLE_S.sub("s", fr)
            add(fr.replace("\x01", "ch"))
            add(fr.replace("ch", "sh").replace("\x01", "ch"))
        for rules in self.spelling:
            # one rule at a time, then all of a language's rules in turn ("choucha":
            # "chucha", "shousha", then "shusha")
            whole = key
            for old, new in rules:
                if old.endswith("$"):
                    # an ending of the name, for a name that names nothing as written
                    # ("kashyrsky": the gazetteer writes "kashyrskyi")
                    stem = old[:-1]
                    if key.endswith(stem) and key not in self.gazetteer:
                        add(key[: len(key) - len(stem)] + new)
                    continue
                if old in key:
                    add(key.replace(old, new))
                whole = whole.replace(old, new)
            add(whole)
        ar = key.replace("ain", "ayn").replace("aa", "a").replace("ee", "i").replace("oo", "u")
        add(ar)
        add(_DOUBLE_S.sub("s", ar))
        if " " in key:
            inner = _INNER_ARTICLE.sub(" al ", key)
            add(inner)
            if inner != key:
                add(inner.replace("ou", "u"))
            add(_SUN_LETTER.sub(r" a\1 \1", key))
            if "ei" in key:
                add(key.replace("ei", "ay"))
        add(_GLUED_ARTICLE.sub(r"\1\2 \2\3", key))
        last = key.rsplit(" ", 1)[-1]
        if len(last) >= 4:
            if last.endswith("ah"):
                add(key[:-1])
            elif last.endswith("a") and not last.endswith("aa"):
                add(key + "h")
        if key.startswith(_ARTICLES):
            add(key.split(" ", 1)[1])
        elif " " not in key:
            add("al " + key)
            # a two-word name written as one ("Dankaba" for "Dan Kaba"), for a word that
            # names nothing as written; not an English compound ("Pinehill": its last part
            # is a common word)
            least = config.GEOPARSE_GLUED_PART_MIN
            if (
                key.isascii()
                and 2 * least <= len(key) <= config.GEOPARSE_GLUED_MAX_CHARS
                and key not in self.gazetteer
            ):
                for i in range(least, len(key) - least + 1):
                    if word_frequency(key[i:], _LATIN_LANGS) < config.GEOPARSE_GLUED_HEAD_ZIPF:
                        add(f"{key[:i]} {key[i:]}")
        return out

    def candidates(self, key: str, *, variants: bool = True) -> tuple[Candidate, ...]:
        """The places a key may name, best static prior first.

        Variants are tried as well when ``variants`` is true (their prior lowered by
        :data:`geo.config.GEOPARSE_VARIANT_PENALTY`), and so are the transliterations of a
        Cyrillic or Arabic key that names nothing or only small places
        (:meth:`transliterated`). A key with :data:`IN_COUNTRIES` keeps the candidates in
        the countries it names, one with :data:`AS_PLACE` the place it names; one made of
        several keys joined by :data:`ANY_OF` has the candidates of each.
        """
        cached = self._cands.get((key, variants))
        if cached is not None:
            return cached
        if len(self._cands) > config.GEOPARSE_CACHE_SIZE:
            self._cands.clear()
        if ANY_OF in key:
            union: dict[str, Candidate] = {}
            for part in key.split(ANY_OF):
                for c in self.candidates(part, variants=variants):
                    union.setdefault(c.place.id, c)
            out = tuple(sorted(union.values(), key=lambda c: -c.prior))
            self._cands[(key, variants)] = out
            return out
        if AS_PLACE in key:
            base, _, place_id = key.partition(AS_PLACE)
            out = tuple(
                c for c in self.candidates(base, variants=variants) if c.place.id == place_id
            ) or tuple(c for c in self.transliterated(base) if c.place.id == place_id)
            self._cands[(key, variants)] = out
            return out
        if IN_COUNTRIES in key:
            base, _, codes = key.partition(IN_COUNTRIES)
            wanted = frozenset(codes.split(","))
            out = tuple(
                c
                for c in self.candidates(base, variants=variants)
                if c.place.country_code in wanted
            )
            self._cands[(key, variants)] = out
            return out
        if ROMANISED in key:
            base, _, lang = key.partition(ROMANISED)
            out = self.romanised(base, lang)
            self._cands[(key, variants)] = out
            return out
        seen: dict[str, Candidate] = {}
        foreign = key in self.foreign_country_keys
        most = config.GEOPARSE_MAX_CANDIDATES
        places = self.gazetteer.lookup(key, normalized=True)[:most]
        if key.startswith(_ARABIC_ARTICLE) and translit.is_arabic(key):
            # GeoNames writes Arabic names with or without the article ("الخرطوم" of the
            # state, "خرطوم" of the city): both spellings name the same places
            places = [*places, *self.gazetteer.lookup(key[2:], normalized=True)[:most]]
        # a large city's name shortened ("St X" of Saint X) is primary too where it is another
        # place's own name (a small "St. X" abroad): both compete as primary names
        rival = any(p.primary for p in places)
        for place in places:
            prior = (
                config.GEOPARSE_FOREIGN_COUNTRY_PRIOR
                if foreign and place.kind == "country"
                else prior_of(place)
            )
            seen.setdefault(place.id, Candidate(place, prior, _name_match(key, place, rival)))
        if variants:
            for v in self.variants(key):
                for place in self.gazetteer.lookup(v, normalized=True)[:most]:
                    if place.id not in seen:
                        seen[place.id] = Candidate(
                            place, prior_of(place) - config.GEOPARSE_VARIANT_PENALTY, "variant"
                        )
            # a name the gazetteer lacks as written, or a Cyrillic name of villages only
            # ("Матвеевка": Matveyevka in Russia; Matviivka in Ukraine lacks the Russian name)
            if not key.isascii() and (
                not seen
                or (
                    translit.is_cyrillic(key)
                    and max(c.prior for c in seen.values()) < config.GEOPARSE_NOTABLE_PRIOR
                )
            ):
                for c in self.transliterated(key):
                    seen.setdefault(c.place.id, c)
        out = self._capital_first(tuple(sorted(seen.values(), key=lambda c: -c.prior)))
        self._cands[(key, variants)] = out
        return out

    def _capital_first(self, cs: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """The candidates with a national capital first, at the prior of the first-level
        region of its own country that outranks it under the same name (the state of
        Washington sums the people of its towns; the news means the capital by the name
        alone)."""
        if len(cs) < 2 or feature_of(cs[0].place) != "admin1":
            return cs
        top = cs[0]
        capitals = self.capitals
        for k, c in enumerate(cs[1:], start=1):
            if (
                c.place.id in capitals
                and c.place.country_code == top.place.country_code
                and c.match == top.match
            ):
                first = dataclasses.replace(c, prior=top.prior)
                return (first, *cs[:k], *cs[k + 1 :])
        return cs

    def candidates_in(self, key: str, countries: Collection[str]) -> tuple[Candidate, ...]:
        """The places a key names in the given countries, best static prior first, as
        :meth:`candidates` builds them but past its cut at GEOPARSE_MAX_CANDIDATES: a name
        that hundreds of villages bear ("San Francisco", "San Juan") loses the small ones
        of the story's country to the large namesakes abroad. Variants are not tried.
        """
        wanted = tuple(sorted({c for c in countries if c}))
        if not wanted or any(sep in key for sep in (ANY_OF, AS_PLACE, IN_COUNTRIES, ROMANISED)):
            return ()
        cached = self._cands_in.get((key, wanted))
        if cached is not None:
            return cached
        if len(self._cands_in) > config.GEOPARSE_CACHE_SIZE:
            self._cands_in.clear()
        places = self.gazetteer.lookup(key, normalized=True, country_codes=wanted)
        rival = any(p.primary for p in places)
        out = tuple(
            Candidate(place, prior_of(place), _name_match(key, place, rival)) for place in places
        )
        self._cands_in[(key, wanted)] = out
        return out

    def transliterated(self, key: str) -> tuple[Candidate, ...]:
        """The places a Cyrillic or Arabic name reaches through the Latin names of the
        gazetteer (:mod:`geo.geoparse.translit`), best static prior first, each with
        ``match="translit"`` and its prior lowered by
        :data:`geo.config.GEOPARSE_TRANSLIT_PENALTY`; empty for other keys.

        Cyrillic: the places of every transliteration of the key that the gazetteer has,
        else of the spelling variants (:meth:`variants`) of the first transliterations.
        Arabic: the places of the Arab countries whose Latin names share the key's consonant
        skeleton (of at least :data:`geo.config.GEOPARSE_TRANSLIT_MIN_SKELETON` letters).

        Examples
        --------
        >>> [c.place.name for c in Index.default().transliterated("растан")]
        ['Ar Rastan']
        """
        found = self._translit.get(key)
        if found is not None:
            return found
        if len(self._translit) > config.GEOPARSE_CACHE_SIZE:
            self._translit.clear()
        most = config.GEOPARSE_MAX_CANDIDATES
        places: dict[str, Place] = {}
        # the places whose Latin name writes an Arabic name's consonants one for one
        exact: set[str] = set()
        if translit.is_cyrillic(key):
            # countries are left out: the gazetteer knows every country's Russian and
            # Ukrainian names, so one reached through a transliteration is a false friend
            # (a plural noun of a headline read as a Latin country name)
            latins = translit.cyrillic_latin_keys(key)
            for latin in latins:
                for place in self.gazetteer.lookup(latin, normalized=True)[:most]:
                    if place.kind != "country":
                        places.setdefault(place.id, place)
            # names from other languages written in Cyrillic ("Тальбиса"): the Latin
            # spelling variants of the first transliterations
            for latin in latins[: 0 if places else config.GEOPARSE_TRANSLIT_VARIANT_KEYS]:
                for v in self.variants(latin):
                    for place in self.gazetteer.lookup(v, normalized=True)[:most]:
                        if place.kind != "country":
                            places.setdefault(place.id, place)
            # names of French- and Spanish-speaking countries ("Абиджан": Abidjan): the
            # spellings of those orthographies, in their countries only
            if not places:
                orthographies = translit.orthography_countries()
                for latin, lang in translit.cyrillic_foreign_keys(key):
                    # the countries filtered before the cut: a common key's first places
                    # may all lie elsewhere
                    found_in = self.gazetteer.lookup(
                        latin, normalized=True, country_codes=orthographies[lang], limit=most
                    )
                    for place in found_in:
                        if place.kind != "country":
                            places.setdefault(place.id, place)
            # a town of a country that writes no Cyrillic, which the gazetteer names only in
            # Latin and the press transcribes from English ("Гвагвалада": Gwagwalada,
            # "Алланмьо": Allanmyo), whatever was found above
            cyrillic = translit.cyrillic_countries()
            for latin in translit.cyrillic_english_keys(key):
                for place in self.gazetteer.lookup(latin, normalized=True)[:most]:
                    if place.kind != "country" and place.country_code not in cyrillic:
                        places.setdefault(place.id, place)
        elif translit.is_arabic(key):
            countries = translit.arabic_countries()
            skeletons = translit.skeleton_index(self.gazetteer)
            for latin in skeletons.keys(key, min_letters=config.GEOPARSE_TRANSLIT_MIN_SKELETON):
                agree = translit.slots_agree(key, latin)
                for place in self.gazetteer.lookup(latin, normalized=True)[:most]:
                    if place.country_code in countries:
                        places.setdefault(place.id, place)
                        if agree:
                            exact.add(place.id)
        penalty = config.GEOPARSE_TRANSLIT_PENALTY

        def lowered(place: Place) -> float:
            # a skeleton's other names (a consonant written twice around a long vowel read
            # once, a long vowel elsewhere) rank below one that writes the name letter for
            # letter
            if exact and place.id not in exact:
                return penalty + config.GEOPARSE_TRANSLIT_LOOSE_PENALTY
            return penalty

        found = tuple(
            sorted(
                (Candidate(p, prior_of(p) - lowered(p), "translit") for p in places.values()),
                key=lambda c: -c.prior,
            )[:most]
        )
        self._translit[key] = found
        return found

    def romanised(self, key: str, lang: str) -> tuple[Candidate, ...]:
        """The places a Latin name reaches as another romanisation of a gazetteer name
        (:func:`geo.geoparse.translit.romanised_keys`: "koundouz" in French is
        Kunduz), best static prior first, each with ``match="romanised"`` and its prior
        lowered by :data:`geo.config.GEOPARSE_ROMANISED_PENALTY`, in the countries of
        :func:`geo.geoparse.translit.romanised_countries`; empty when they are more
        than :data:`geo.config.GEOPARSE_ROMANISED_MAX_KEYS` names (a skeleton too common).

        Examples
        --------
        >>> [c.place.name for c in Index.default().romanised("koundouz", "fr")][:1]
        ['Kunduz']
        """
        found = self._romanised.get((key, lang))
        if found is not None:
            return found
        if len(self._romanised) > config.GEOPARSE_CACHE_SIZE:
            self._romanised.clear()
        keys = translit.romanised_keys(translit.romanised_index(self.gazetteer), key, lang)
        countries = translit.romanised_countries()
        places: dict[str, Place] = {}
        if len(keys) <= config.GEOPARSE_ROMANISED_MAX_KEYS:
            most = config.GEOPARSE_MAX_CANDIDATES
            for latin in keys:
                for place in self.gazetteer.lookup(latin, normalized=True)[:most]:
                    if place.country_code in countries:
                        places.setdefault(place.id, place)
        penalty = config.GEOPARSE_ROMANISED_PENALTY
        found = tuple(
            sorted(
                (Candidate(p, prior_of(p) - penalty, "romanised") for p in places.values()),
                key=lambda c: -c.prior,
            )[: config.GEOPARSE_MAX_CANDIDATES]
        )
        self._romanised[(key, lang)] = found
        return found

    def regions_named(self, key: str) -> tuple[Candidate, ...]:
        """The first-level regions a key names, or that are named after the towns it names
        ("донецк": the Donetsk oblast)."""
        found = self.candidates(key, variants=False)
        regions = tuple(c for c in found if c.place.kind == "region")
        if regions:
            return regions
        out: dict[str, Candidate] = {}
        for c in found:
            if c.place.kind != "city":
                continue
            region = self.admin1_region(c.place)
            if region is not None and region.id not in out:
                out[region.id] = Candidate(region, c.prior, "region_of")
        return tuple(sorted(out.values(), key=lambda c: -c.prior))

    def regions_with_noun(self, key: str, nouns: Iterable[str]) -> tuple[Candidate, ...]:
        """The regions whose name is the key followed by one of the region ``nouns``
        ("barrow" and "county": Barrow County), best prior first, each with
        ``match="variant"`` and its prior lowered by GEOPARSE_VARIANT_PENALTY."""
        words = tuple(sorted(nouns))
        found = self._noun_regions.get((key, words))
        if found is None:
            out: dict[str, Candidate] = {}
            for noun in words:
                for place in self.gazetteer.lookup(f"{key} {noun}", normalized=True):
                    if place.kind == "region" and place.id not in out:
                        prior = prior_of(place) - config.GEOPARSE_VARIANT_PENALTY
                        out[place.id] = Candidate(place, prior, "variant")
            found = tuple(sorted(out.values(), key=lambda c: -c.prior))
            if len(self._noun_regions) > config.GEOPARSE_CACHE_SIZE:
                self._noun_regions.clear()
            self._noun_regions[(key, words)] = found
        return found

    # ---- name classes
    def is_country_key(self, key: str) -> bool:
        """Whether ``key`` names a country."""
        found = self._country.get(key)
        if found is None:
            found = any(p.kind == "country" for p in self.gazetteer.lookup(key, normalized=True))
            if len(self._country) > config.GEOPARSE_CACHE_SIZE:
                self._country.clear()
            self._country[key] = found
        return found

    def curated(self, key: str) -> bool:
        """Whether a name is a named area or water body ("Red Sea", "mer Noire", "Donbas")
        rather than a populated place or an administrative unit."""
        return any(
            feature_of(c.place) not in ("populated", "admin1", "country")
            for c in self.candidates(key, variants=False)
        )

    @staticmethod
    def is_area(c: Candidate) -> bool:
        """A country or a named area: names no common word shadows."""
        return feature_of(c.place) in AREA_FEATURES

    @staticmethod
    def is_major(c: Candidate) -> bool:
        """A country, a named area or a big city: its name is no common word by accident."""
        return Index.is_area(c) or c.prior >= config.GEOPARSE_MAJOR_PRIOR

    def demonyms(self, w: Words) -> frozenset[str]:
        """The packs' demonyms and those built from the country names of their languages."""
        found = self._demonyms.get(w.langs)
        if found is None:
            from geo.geoparse.filters import derived_demonyms

            names = [
                name
                for langs in self.gazetteer.country_names.values()
                for lang, name in langs.items()
                if lang in w.langs or lang in ("en", "fr")
            ]
            found = self._demonyms[w.langs] = w["demonyms"] | derived_demonyms(names, w)
        return found

    def lower_words(self, w: Words) -> frozenset[str]:
        """Words written in lower case inside country and region names of ``w``'s languages."""
        found = self._lower.get(w.langs)
        if found is None:
            from geo.geoparse.filters import lower_country_words

            names = [
                name
                for langs in self.gazetteer.country_names.values()
                for lang, name in langs.items()
                if lang in w.langs or lang in ("en", "fr")
            ]
            found = self._lower[w.langs] = lower_country_words(names, w)
        return found

    def region_named(self, toks: Tokens, i: int, length: int, key: str, w: Words) -> bool:
        """Whether common words name a region here: a region cue ("département de l'Ouest",
        "Bay region") and a first-level region of that name in the gazetteer."""
        from geo.geoparse.features import region_cue

        if not toks.cap[i] or not any(
            c.place.kind == "region" for c in self.candidates(key, variants=False)
        ):
            return False
        return region_cue(toks, i, i + length - 1, w) > 0

    def acronym_ok(self, text: str, toks: Tokens, i: int, key: str) -> bool:
        """Whether a short word in capitals is a place: a country's abbreviation ("UK",
        "RDC") or a dateline ("GAZA, Nov 15"), not an acronym that happens to be an airport
        code or a village's alternate name ("KNU", "ADF")."""
        cs = self.candidates(key, variants=False)
        if not cs:
            return False
        if cs[0].place.kind == "country" or feature_of(cs[0].place) not in ("populated", "admin1"):
            return True
        line_start = text.rfind("\n", 0, toks.starts[i]) + 1
        if not text[line_start : toks.starts[i]].strip(" ([/\t"):
            return True  # a dateline or a line that starts with the name
        if i > 0 and toks.cap[i - 1] and text[toks.ends[i - 1] : toks.starts[i]] == ", ":
            return any(c.match in ("code", "abbreviation") for c in cs)  # "Austin, TX"
        if any(normalize_name(c.place.name) == key for c in cs[:3]):
            return True
        return _defined_in_brackets(text, text[toks.starts[i] : toks.ends[i]], cs)

    # ---- places related to places
    def spread(self, key: str, cs: Sequence[Candidate]) -> float:
        """Largest distance from the first candidate to another, in km (cached by name and
        candidates)."""
        cs = tuple(cs)
        cached = self._spread.get(key)
        if cached is not None and cached[0] == cs:
            return cached[1]
        first = cs[0].place
        found = max(
            (
                approx_km(first.latitude, first.longitude, c.place.latitude, c.place.longitude)
                for c in cs[1:]
            ),
            default=0.0,
        )
        if len(self._spread) > config.GEOPARSE_CACHE_SIZE:
            self._spread.clear()
        self._spread[key] = (cs, found)
        return found

    def twin(self, key: str, p: Place, cs: Sequence[Candidate]) -> Place:
        """The place of the other kind that bears the same name nearby (a town and the
        region named after it), or ``p`` itself (the object passed: callers test the answer
        with ``is``, and a memo of another document holds an equal record, not the same)."""
        cs = tuple(cs)
        cache_key = (key, p.id)
        cached = self._twin.get(cache_key)
        if cached is not None and cached[0] == cs:
            return p if cached[1].id == p.id else cached[1]
        mine = next((c for c in cs if c.place.id == p.id), None)
        found = next(
            (
                o.place
                for o in cs
                if o.place.kind != p.kind
                and o.place.kind != "country"
                and o.place.country_code == p.country_code
                and (
                    approx_km(p.latitude, p.longitude, o.place.latitude, o.place.longitude)
                    < config.GEOPARSE_TWIN_KM
                    or (p.admin1_code is not None and o.place.admin1_code == p.admin1_code)
                )
                and (mine is None or _named_after(mine, o) if p.kind == "city" else True)
                and (mine is None or _named_after(o, mine) if p.kind != "city" else True)
            ),
            p,
        )
        if len(self._twin) > config.GEOPARSE_CACHE_SIZE:
            self._twin.clear()
        self._twin[cache_key] = (cs, found)
        return found

    def admin1_region(self, city: Place) -> Place | None:
        """The first-level region a town gives its name to (Deir ez-Zor governorate): one of
        the town's name near it, else the region that contains the town when its name is the
        town's in another spelling (:data:`geo.config.GEOPARSE_SEAT_NAME_SIMILARITY`: the
        town Zaporizhzhia and the region Zaporizhzhya)."""
        cache_key = (city.id, city.admin1_code or "")
        if cache_key in self._admin1:
            return self._admin1[cache_key]
        found = None
        for r in self.gazetteer.lookup(normalize_name(city.name), normalized=True):
            if (
                r.kind == "region"
                and feature_of(r) == "admin1"
                and r.country_code == city.country_code
                and (
                    (city.admin1_code is not None and r.admin1_code == city.admin1_code)
                    or approx_km(city.latitude, city.longitude, r.latitude, r.longitude)
                    < config.GEOPARSE_TWIN_KM
                )
            ):
                found = r
                break
        if found is None:
            region = self.region_of(city)
            if (
                region is not None
                and region.kind == "region"
                and difflib.SequenceMatcher(
                    None, normalize_name(city.name), normalize_name(region.name)
                ).ratio()
                >= config.GEOPARSE_SEAT_NAME_SIMILARITY
            ):
                found = region
        self._admin1[cache_key] = found
        return found

    def region_of(self, city: Place) -> Place | None:
        """The first-level region that contains a town (by its GeoNames admin-1 code)."""
        if not city.admin1_code or not city.country_code:
            return None
        key = ("in", f"{city.country_code}.{city.admin1_code}")
        if key in self._admin1:
            return self._admin1[key]
        found = (
            self.gazetteer.admin1(city.country_code, city.admin1_code)
            if hasattr(self.gazetteer, "admin1")
            else None
        )
        self._admin1[key] = found
        return found

    def _country_name_languages(self) -> dict[str, frozenset[str]]:
        """For each key that names a country: the languages it is that country's name in
        (CLDR), ``"*"`` for the gazetteer's own names and common aliases (any language)."""
        out: dict[str, set[str]] = {}
        for code, langs in self.gazetteer.country_names.items():
            for lang, name in langs.items():
                out.setdefault(normalize_name(name), set()).add(lang)
            country = self.gazetteer.country(code)
            if country is not None:
                out.setdefault(normalize_name(country.name), set()).add("*")
        for aliases in self.gazetteer.country_aliases.values():
            for alias in aliases:
                out.setdefault(normalize_name(alias), set()).add("*")
        return {k: frozenset(v) for k, v in out.items()}

    def foreign_here(self, key: str, langs: Sequence[str]) -> bool:
        """Whether a country's name is in none of ``langs`` (nor English): "Argelia" in an
        English text is as likely the town in Colombia."""
        found = self.country_name_languages.get(key)
        return found is not None and not found & {"*", "en", *langs}

    def _foreign_country_names(self) -> frozenset[str]:
        """Country names that no name in a major language matches ("Argelia" is Spanish only):
        a town of that name is as likely ("Argelia, Cauca")."""
        native: set[str] = set()
        foreign: set[str] = set()
        major = set(config.GEOPARSE_COUNTRY_NAME_LANGUAGES)
        for code, langs in self.gazetteer.country_names.items():
            for lang, name in langs.items():
                (native if lang in major else foreign).add(normalize_name(name))
            country = self.gazetteer.country(code)
            if country is not None:
                native.add(normalize_name(country.name))
        for aliases in self.gazetteer.country_aliases.values():
            native.update(normalize_name(alias) for alias in aliases)
        return frozenset(foreign - native)


_DEFAULT: dict[int, Index] = {}


def _variant_rules() -> tuple[tuple[tuple[tuple[str, str], ...], ...], dict[str, str]]:
    """Spelling rules of every language pack (one tuple per pack, in order) and the compass
    words: variants of a name do not depend on the document, so lookups cache across
    documents."""
    from geo.lang import LANGUAGES, get_pack

    packs = [get_pack("common"), *(get_pack(code) for code in LANGUAGES)]
    spelling = tuple(tuple(p.maps["spelling"].items()) for p in packs if p.maps["spelling"])
    compass: dict[str, str] = {}
    for p in packs:
        compass.update(p.maps["compass"])
    return spelling, compass


def _named_after(town: Candidate, region: Candidate) -> bool:
    """Whether a region may be named after a town of the same name: not when the town has
    the name only as an alternate and is far smaller ("Minnesota" of Minneota)."""
    return town.match == "primary" or region.prior <= town.prior + config.GEOPARSE_TWIN_PRIOR_GAP


def prior_of(place: Place) -> float:
    """Static prior of a place: a country's is high; otherwise the gazetteer's name score
    (log10 of the population, +1 for the primary name), capped."""
    if place.kind == "country":
        return config.GEOPARSE_COUNTRY_PRIOR + (1.0 if place.primary else 0.0)
    return min(place.score, config.GEOPARSE_PRIOR_CAP)


def _defined_in_brackets(text: str, word: str, cs: Sequence[Candidate]) -> bool:
    """Whether the text defines a short form as the place it is the code or abbreviation
    of: written alone in brackets right after that place's name ("New South Wales (NSW)").

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> p = Place(id="x", name="Nova Land", kind="region", latitude=0.0, longitude=0.0,
    ...           country_code="XX", admin1_code="01", admin1="Nova Land", population=0,
    ...           source="test")
    >>> cs = (Candidate(p, 3.0, "code"),)
    >>> _defined_in_brackets("Rain fell in Nova Land (NL) and in NL.", "NL", cs)
    True
    >>> _defined_in_brackets("Rain fell in Nova (NL) and in NL.", "NL", cs)
    False
    """
    names = [normalize_name(c.place.name) for c in cs if c.match in ("code", "abbreviation")]
    if not names:
        return False
    for m in re.finditer(r"\(\s*" + re.escape(word) + r"\s*\)", text):
        before = normalize_name(text[max(0, m.start() - 80) : m.start()])
        if any(name and before.endswith(name) for name in names):
            return True
    return False
