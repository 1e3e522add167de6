"""Features of candidate places and of spans, the inputs of the fitted scores.

Resolution scores each candidate place of a name with a weighted sum of named features
(:data:`RESOLVE_FEATURES`): what the place is (population, kind, how its name matched) and
how the document supports it (its country's share of the places named, or none of it when
the story lies elsewhere, its first-level region's share and whether it is the region's most
prominent place of that name, whether a place shares its name with its own country
("Panamá", "Kuwait": the capital, or a federal entity, against the country), distance to
the other places, the countries, regions and towns named in the same sentence, its region
named anywhere, "Town, Region" apposition (and whether the region named after it is its own
first-level region: "Naples, Florida"), region and separatist cues, a region reached through
the noun written after the name ("Ashtabula and Trumbull counties"), and how many of the
other names have a candidate near it or in its first-level region before any is chosen).
Recognition scores each span (:data:`RECOGNISE_FEATURES`): how it is written (sentence
start, headline, common word, written in lower case elsewhere, after a place preposition)
and how well its best place is supported. The weights are fitted on annotated text
(``scripts/fit_geoparser.py``) and read from ``weights.json``; every term that decides a
mention is kept in its ``why``.

Examples
--------
The static features of the first two candidates of "Bakou" (the capital of Azerbaijan by
an alternate name, a town reached by a spelling variant):

>>> from geo.geoparse.candidates import Index
>>> cs = Index.default().candidates("bakou")
>>> [c.place.name for c in cs[:2]]
['Baku', 'Burke']
>>> [sorted(static_features(c, cs, frozenset())) for c in cs[:2]]
[['alternate', 'log_population', 'top_prior'], ['log_population', 'prior_gap', 'variant']]
>>> set(static_features(cs[0], cs, frozenset({cs[0].place.id}))) <= set(RESOLVE_FEATURES)
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, TypeVar

from geo import config
from geo.gazetteer import Place
from geo.geoparse.candidates import (
    KM_PER_DEGREE,
    admin_key,
    approx_km,
    feature_of,
    is_region_seat,
    is_water,
)
from geo.model import Candidate

#: What :func:`_town_or_county` picks between.
_T = TypeVar("_T")

if TYPE_CHECKING:
    from geo.geoparse.filters import Words
    from geo.geoparse.tokenize import Tokens

__all__ = [
    "RECOGNISE_FEATURES",
    "RESOLVE_FEATURES",
    "Context",
    "Cooccurrence",
    "Votes",
    "cooccurrence",
    "cooccurrence_features",
    "county_paired",
    "name_features",
    "region_cue",
    "span_features",
    "vote_features",
    "voted_area",
    "votes",
    "water_cue",
]

#: Features of a candidate place (see the module docstring).
RESOLVE_FEATURES: Final = (
    # what the place is
    "log_population",
    "country",
    "admin1",
    "area",
    "water",
    "capital",
    "country_namesake",
    "primary",
    "alternate",
    "variant",
    "lemma",
    "translit",
    "romanised",
    "foreign_country_name",
    "top_prior",
    "prior_gap",
    # what the document says
    "focus",
    "off_focus",
    "country_off_focus",
    "focus_named",
    "capital_named",
    "admin1_focus",
    "admin1_focus_top",
    "proximity",
    "proximity_mass",
    "far",
    "sentence_country",
    "sentence_region",
    "sentence_town",
    "admin1_named",
    "apposition",
    "apposition_admin1",
    "separatist_area",
    "region_cue_region",
    "region_cue_city",
    "twin_city",
    "twin_region",
    "city_cue_metropolis",
    "dateline_city",
    "noun_region",
    "cooccur",
    "cooccur_wide",
    "cooccur_admin1",
    "county_pair",
    "vote_admin1",
    "vote_admin1_top",
    "vote_country",
)

#: How a candidate's name matched that has a feature of its own (others count as alternate).
_MATCHES: Final = frozenset({"primary", "alternate", "variant", "lemma", "translit", "romanised"})

#: Features of a span (see the module docstring).
RECOGNISE_FEATURES: Final = (
    "bias",
    "sentence_start",
    "headline",
    "common_word",
    "lower_elsewhere",
    "multiword",
    "place_preposition",
    "best_country",
    "best_area",
    "best_admin1",
    "best_log_population",
    "best_major",
    "supported",
    "unsupported_small",
    "best_off_focus",
    "best_far",
    "candidates_spread",
    "all_caps",
    "one_letter_gap",
    "morph",
    "scan",
    "translit",
    "romanised_span",
    "short",
    "resolve_margin",
    "word_frequency",
    "frequent_word",
    "region_cue",
    "dateline",
    "surname",
    "given_name",
    "few_places",
)


@dataclass
class Context:
    """What a document says about the places it names, for the context features.

    Attributes
    ----------
    focus : dict of str to float
        By country code: mentions of the document's unambiguous places in that country.
    focus_total : float
        Sum of :attr:`focus`.
    admin_focus, admin_total : dict of str to float, float
        The same by first-level region ("US.KY"): local news stays in one state.
    others : list of Place
        The places the document names that the current name's score can lean on (the
        unambiguous ones first, then every chosen place).
    points : list of (float, float, str)
        Latitude, longitude and id of :attr:`others` that are not countries.
    far_ids : frozenset of str, optional
        Ids of the :attr:`points` that a place farther than GEOPARSE_FAR_KM from all of is
        ``far`` (None: all of them): in the second round, those of names recognition keeps,
        not those it only half believes ("Stall" of a headline is no place to be far from).
    by_sentence : dict of int to list of Place
        Places of each sentence (unambiguous or chosen).
    named_countries : set of str
        Countries named in the document.
    named_regions : set of str
        Ids of first-level regions named in the document.
    disputed : list of Place
        Named areas that the document names (for separatist cues).
    separatist_sentences : set of int
        Sentences with a separatist or occupied-area cue.
    point_ids : tuple of (list, frozenset of str), optional
        :attr:`points` and the set of their ids, filled by :func:`name_features` on first
        use (a name none of whose candidates is among them reads :attr:`points` as it is).
    """

    focus: dict[str, float] = field(default_factory=dict)
    focus_total: float = 0.0
    admin_focus: dict[str, float] = field(default_factory=dict)
    admin_total: float = 0.0
    others: list[Place] = field(default_factory=list)
    points: list[tuple[float, float, str]] = field(default_factory=list)
    by_sentence: dict[int, list[Place]] = field(default_factory=dict)
    named_countries: set[str] = field(default_factory=set)
    named_regions: set[str] = field(default_factory=set)
    disputed: list[Place] = field(default_factory=list)
    separatist_sentences: set[int] = field(default_factory=set)
    far_ids: frozenset[str] | None = None
    point_ids: tuple[list[tuple[float, float, str]], frozenset[str]] | None = field(
        default=None, repr=False, compare=False
    )


@dataclass
class Cooccurrence:
    """Where the candidates of a document's names lie, before any is chosen.

    Attributes
    ----------
    cells : dict of (int, int) to list of (float, float, str)
        By map cell (GEOPARSE_COOCCUR_DEGREES a side): latitude, longitude and name of
        the candidates in it.
    wide : dict of (int, int) to list of (float, float, str)
        The same by wider cell (GEOPARSE_COOCCUR_WIDE_DEGREES a side).
    admins : dict of str to set of str
        By first-level region ("US.TN"): the names with a candidate in it.
    names : int
        The names with a candidate that is not a country.
    counties, towns : dict of (int, int) to list of (float, float, str, str)
        By map cell (as :attr:`cells`): latitude, longitude, first-level region and name of
        the candidates that are counties (second-level units) and of those that are towns.
    around, around_wide : dict of (int, int) to list of (float, float, str)
        By map cell of :attr:`cells` (:attr:`wide`): the points of that cell and of the
        eight around it, filled by :func:`cooccurrence_features` as cells are asked for.
    """

    cells: dict[tuple[int, int], list[tuple[float, float, str]]] = field(default_factory=dict)
    wide: dict[tuple[int, int], list[tuple[float, float, str]]] = field(default_factory=dict)
    admins: dict[str, set[str]] = field(default_factory=dict)
    names: int = 0
    counties: dict[tuple[int, int], list[tuple[float, float, str, str]]] = field(
        default_factory=dict
    )
    towns: dict[tuple[int, int], list[tuple[float, float, str, str]]] = field(default_factory=dict)
    around: dict[tuple[int, int], list[tuple[float, float, str]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    around_wide: dict[tuple[int, int], list[tuple[float, float, str]]] = field(
        default_factory=dict, repr=False, compare=False
    )


def _cell(lat: float, lon: float, size: float = config.GEOPARSE_COOCCUR_DEGREES) -> tuple[int, int]:
    return math.floor(lat / size), math.floor(lon / size)


def cooccurrence(cands: Mapping[str, Sequence[Candidate]]) -> Cooccurrence:
    """Index the candidates of every name of a document by map cell and first-level region
    (countries left out: they cover too much to say where a story is).

    Examples
    --------
    >>> cooccurrence({}).names
    0
    """
    out = Cooccurrence()
    cells, wide, admins = out.cells, out.wide, out.admins
    size, narrow = config.GEOPARSE_COOCCUR_WIDE_DEGREES, config.GEOPARSE_COOCCUR_DEGREES
    floor = math.floor
    for key, cs in cands.items():
        placed = False
        for c in cs:
            p = c.place
            if p.kind == "country":
                continue
            placed = True
            lat, lon = p.latitude, p.longitude
            point = (lat, lon, key)
            cell = (floor(lat / narrow), floor(lon / narrow))  # _cell(lat, lon), inline
            found = cells.get(cell)
            if found is None:
                cells[cell] = [point]
            else:
                found.append(point)
            wide.setdefault((floor(lat / size), floor(lon / size)), []).append(point)
            if p.country_code and p.admin1_code:
                area = f"{p.country_code}.{p.admin1_code}"  # admin_key(p), inline
                admins.setdefault(area, set()).add(key)
                pairs = _town_or_county(p, town=out.towns, county=out.counties)
                if pairs is not None:
                    pairs.setdefault(cell, []).append((lat, lon, area, key))
        out.names += placed
    return out


def cooccurrence_features(
    key: str, cs: Sequence[Candidate], co: Cooccurrence
) -> list[dict[str, float]]:
    """For each candidate of name ``key``: how many of the document's other names have a
    candidate near it (``cooccur``: the sum over the other names of exp(-km /
    GEOPARSE_COOCCUR_KM) for their nearest candidate, over the number of other names), the
    same at the scale of a few counties (``cooccur_wide``: GEOPARSE_COOCCUR_WIDE_KM) and
    the share that have one in its first-level region (``cooccur_admin1``). Names read
    together agree before any is decided: "Lebanon" beside "Wilson County" is the Lebanon
    that has a Wilson County around it, and the towns of a local story lie in one corner of
    their state.

    ``county_pair`` (1) marks a town that lies within GEOPARSE_COUNTY_PAIR_KM of a county
    (second-level unit) of its own first-level region that another name may be, and a
    county with such a town of another name: a town and its county named together are
    that pair whatever their size ("Quincy" beside "Adams County" are both of Illinois,
    though the largest Quincy lies in Massachusetts).
    """
    others = co.names - 1
    out: list[dict[str, float]] = []
    if others <= 0:
        return [{} for _ in cs]
    cells, wide, admins = co.cells, co.wide, co.admins
    size, narrow = config.GEOPARSE_COOCCUR_WIDE_DEGREES, config.GEOPARSE_COOCCUR_DEGREES
    floor, cos, radians = math.floor, math.cos, math.radians
    for c in cs:
        p = c.place
        f: dict[str, float] = {}
        if p.kind != "country":
            lat, lon = p.latitude, p.longitude
            coslat = cos(radians(lat))
            cell = (floor(lat / narrow), floor(lon / narrow))
            near = _nearest(_around(cells, co.around, cell), lat, lon, coslat, key)
            if near:
                f["cooccur"] = _support(near, config.GEOPARSE_COOCCUR_KM) / others
            wide_cell = (floor(lat / size), floor(lon / size))
            near = _nearest(_around(wide, co.around_wide, wide_cell), lat, lon, coslat, key)
            if near:
                f["cooccur_wide"] = _support(near, config.GEOPARSE_COOCCUR_WIDE_KM) / others
            if p.country_code and p.admin1_code:
                area = f"{p.country_code}.{p.admin1_code}"  # admin_key(p), inline
                same = admins.get(area)
                n = (len(same) - (key in same)) if same else 0
                if n > 0:
                    f["cooccur_admin1"] = n / others
                # a town looks for the counties around it, a county for the towns in it
                pairs = _town_or_county(p, town=co.counties, county=co.towns)
                if pairs and _paired(pairs, cell, lat, lon, area, key):
                    f["county_pair"] = 1.0
        out.append(f)
    return out


def county_paired(key: str, cs: Sequence[Candidate], co: Cooccurrence) -> tuple[Candidate, ...]:
    """The candidates of name ``key`` that have ``county_pair`` (see
    :func:`cooccurrence_features`): towns within GEOPARSE_COUNTY_PAIR_KM of a county of
    another name in their own first-level region, and counties with such a town. The prior
    prunes a town of a few thousand people whose name a country or a city bears ("Cuba"
    beside "Crawford County" is the town of Missouri); its county keeps it in the race.

    Examples
    --------
    >>> county_paired("cuba", [], cooccurrence({}))
    ()
    """
    if not (co.counties and co.towns):
        return ()
    out: list[Candidate] = []
    for c in cs:
        p = c.place
        if p.kind == "country" or not (p.country_code and p.admin1_code):
            continue
        pairs = _town_or_county(p, town=co.counties, county=co.towns)
        if pairs and _paired(
            pairs,
            _cell(p.latitude, p.longitude),
            p.latitude,
            p.longitude,
            f"{p.country_code}.{p.admin1_code}",
            key,
        ):
            out.append(c)
    return tuple(out)


def _town_or_county(place: Place, *, town: _T, county: _T) -> _T | None:
    """``town`` when ``place`` is a town, ``county`` when it is a second-level unit, else
    None: what a town-and-county pair reads of each side."""
    if place.kind == "city":
        return town
    return county if feature_of(place) == "admin2" else None


def _paired(
    cells: Mapping[tuple[int, int], Sequence[tuple[float, float, str, str]]],
    cell: tuple[int, int],
    lat: float,
    lon: float,
    area: str,
    key: str,
) -> bool:
    """Whether a place of another name than ``key`` in ``cells`` lies in first-level
    region ``area`` within GEOPARSE_COUNTY_PAIR_KM of a point (in map cell ``cell``)."""
    i, j = cell
    limit = config.GEOPARSE_COUNTY_PAIR_KM
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for qlat, qlon, qarea, other in cells.get((i + di, j + dj), ()):
                if other != key and qarea == area and approx_km(lat, lon, qlat, qlon) < limit:
                    return True
    return False


def _around(
    cells: Mapping[tuple[int, int], Sequence[tuple[float, float, str]]],
    cache: dict[tuple[int, int], list[tuple[float, float, str]]],
    cell: tuple[int, int],
) -> list[tuple[float, float, str]]:
    """The points of ``cells`` in ``cell`` and the eight cells around it, row by row (as
    :func:`_nearest` reads them), memoised in ``cache``."""
    found = cache.get(cell)
    if found is None:
        i, j = cell
        found = []
        get = cells.get
        for di in (i - 1, i, i + 1):
            for dj in (j - 1, j, j + 1):
                points = get((di, dj))
                if points:
                    found.extend(points)
        cache[cell] = found
    return found


def _nearest(
    points: Sequence[tuple[float, float, str]],
    lat: float,
    lon: float,
    coslat: float,
    key: str,
) -> dict[str, float]:
    """Each other name's nearest candidate among ``points`` (those around a point's map
    cell, :func:`_around`) to a point, by squared distance in degrees (km * sqrt never
    reverses an order); the names in the order their first point comes."""
    near: dict[str, float] = {}
    get = near.get
    for qlat, qlon, other in points:
        if other == key:
            continue
        dx = (qlon - lon) * coslat
        dy = qlat - lat
        sq = dx * dx + dy * dy
        old = get(other)
        if old is None or sq < old:
            near[other] = sq
    return near


def _support(near: Mapping[str, float], scale: float) -> float:
    """The summed exp(-km / ``scale``) of the squared distances in degrees ``near``."""
    exp, sqrt, km = math.exp, math.sqrt, KM_PER_DEGREE
    return sum([exp(-(km * sqrt(sq)) / scale) for sq in near.values()])


@dataclass
class Votes:
    """Where a document's names point, region by region: each name gives one vote, split
    evenly among the first-level regions (countries) its candidates lie in. A name borne in
    two states says more about where a story is than one borne in forty.

    Attributes
    ----------
    admins, countries : dict of str to float
        Votes by first-level region ("US.MN") and by country code.
    own_admins, own_countries : dict of str to frozenset of str
        By name: the regions (countries) it voted for, to take its own vote out.
    ranked_admins, ranked_countries : list of (float, int, str)
        The regions (countries) by votes, most first: (-votes, order voted for, key).
    order : dict of str to int
        The place of each region and country in the order voted for (a region's key has
        a dot, a country's none).
    """

    admins: dict[str, float] = field(default_factory=dict)
    countries: dict[str, float] = field(default_factory=dict)
    own_admins: dict[str, frozenset[str]] = field(default_factory=dict)
    own_countries: dict[str, frozenset[str]] = field(default_factory=dict)
    ranked_admins: list[tuple[float, int, str]] = field(default_factory=list)
    ranked_countries: list[tuple[float, int, str]] = field(default_factory=list)
    order: dict[str, int] = field(default_factory=dict)


#: What a name votes for (:func:`_voted_areas`): the areas sorted (ties of votes are broken
#: the same every run), and as a set.
_Voted = tuple[tuple[str, ...], frozenset[str]]


def votes(
    cands: Mapping[str, Sequence[Candidate]],
    *,
    areas_of: dict[str, tuple[_Voted, _Voted]] | None = None,
) -> Votes:
    """The votes of the names ``cands`` (candidates best first; see :class:`Votes`); a
    name whose best candidate is a country or a first-level region votes for that one alone,
    and a country's name for no region. ``areas_of``, when given, keeps the regions and
    countries each name votes for (they depend on its candidates alone), for the next call
    of the same document.

    Examples
    --------
    >>> votes({}).admins
    {}
    """
    out = Votes()
    for key, cs in cands.items():
        if not cs:
            continue
        known = areas_of.get(key) if areas_of is not None else None
        if known is None:
            known = _voted_areas(cs)
            if areas_of is not None:
                areas_of[key] = known
        _vote(out.admins, out.own_admins, key, known[0])
        _vote(out.countries, out.own_countries, key, known[1])
    out.ranked_admins = _ranked(out.admins, out.order)
    out.ranked_countries = _ranked(out.countries, out.order)
    return out


def _voted_areas(cs: Sequence[Candidate]) -> tuple[_Voted, _Voted]:
    """The first-level regions and the countries a name of candidates ``cs`` votes for."""
    best = cs[0].place
    if best.kind == "country" or feature_of(best) == "admin1":
        # a name best known as a country or a state votes for it, not for the small towns
        # that bear its name in other states
        area = admin_key(best) if best.kind != "country" else ""
        areas = {area} if area else set()
        countries = {best.country_code} if best.country_code else set()
    else:
        areas = {a for c in cs if c.place.kind != "country" and (a := admin_key(c.place))}
        countries = {c.place.country_code for c in cs if c.place.country_code}
    return (
        (tuple(sorted(areas)), frozenset(areas)),
        (tuple(sorted(countries)), frozenset(countries)),
    )


def _vote(votes: dict[str, float], own: dict[str, frozenset[str]], key: str, areas: _Voted) -> None:
    ordered, as_set = areas
    if ordered:
        share = 1.0 / len(ordered)
        for area in ordered:
            votes[area] = votes.get(area, 0.0) + share
        own[key] = as_set


def _ranked(votes: Mapping[str, float], order: dict[str, int]) -> list[tuple[float, int, str]]:
    """Areas by votes, most first (ties: the first voted for first); ``order`` gets the
    place of each area in the order voted for."""
    for i, area in enumerate(votes):
        order[area] = i
    return sorted((-v, i, area) for i, (area, v) in enumerate(votes.items()))


def _others_votes(
    votes: Mapping[str, float],
    ranked: Sequence[tuple[float, int, str]],
    own: frozenset[str],
    order: Mapping[str, int],
) -> tuple[float, str]:
    """The area with the most votes of the names other than one (whose own vote is 1 /
    len(own) in each area of ``own``), with that many votes; ties: the first voted for.
    ``ranked`` is :func:`_ranked` of ``votes``, ``order`` each area's place in it."""
    share = 1.0 / len(own) if own else 0.0
    best: tuple[float, int, str] = (0.0, 0, "")
    for neg, i, area in ranked:
        if area not in own:
            best = (-neg, -i, area)
            break
    if own:
        for area in own:
            v = votes.get(area, 0.0) - share
            if v > 0.0 and (v, -order[area]) > best[:2]:
                best = (v, -order[area], area)
    return best[0], best[2]


def voted_area(key: str, v: Votes) -> str:
    """The first-level region the names of a document other than ``key`` vote for most
    ("" when none)."""
    return _others_votes(v.admins, v.ranked_admins, v.own_admins.get(key, frozenset()), v.order)[1]


def vote_features(key: str, cs: Sequence[Candidate], v: Votes) -> list[dict[str, float]]:
    """For each candidate of name ``key``: the votes of the document's other names for its
    first-level region (``vote_admin1``) and its country (``vote_country``), over the
    largest vote any region (country) has, and ``vote_admin1_top`` for a candidate in the
    region the other names point to most (ties: the first met). Towns of the same names
    lie in many states; the state where the most names of a story have one is its state.
    The candidates of a name whose best one (``cs[0]``) is a country or a first-level region
    have no ``vote_admin1``.
    """
    # a name best known as a country or a state is that one unless the text says
    # otherwise: the votes of the other names do not pull it to its namesake towns
    major = bool(cs) and (cs[0].place.kind == "country" or feature_of(cs[0].place) == "admin1")
    own_a = v.own_admins.get(key, frozenset())
    own_c = v.own_countries.get(key, frozenset())
    top_a, top_area = (
        _others_votes(v.admins, v.ranked_admins, own_a, v.order) if v.admins else (0.0, "")
    )
    top_c = (
        _others_votes(v.countries, v.ranked_countries, own_c, v.order)[0] if v.countries else 0.0
    )
    share_a = 1.0 / len(own_a) if own_a else 0.0
    share_c = 1.0 / len(own_c) if own_c else 0.0
    out: list[dict[str, float]] = []
    for c in cs:
        p = c.place
        f: dict[str, float] = {}
        cc = p.country_code
        if cc and top_c > 0:
            n = v.countries.get(cc, 0.0) - (share_c if cc in own_c else 0.0)
            if n > 0:
                f["vote_country"] = n / top_c
        area = admin_key(p) if p.kind != "country" and not major else ""
        if area and top_a > 0:
            n = v.admins.get(area, 0.0) - (share_a if area in own_a else 0.0)
            if n > 0:
                f["vote_admin1"] = n / top_a
                if area == top_area:
                    f["vote_admin1_top"] = 1.0
        out.append(f)
    return out


def static_features(
    c: Candidate, cs: Sequence[Candidate], capitals: frozenset[str]
) -> dict[str, float]:
    """The features of a candidate that depend on the name alone, not on the document (what
    the place is, how its name matched, its prior among the name's candidates)."""
    p = c.place
    feature = feature_of(p)
    f: dict[str, float] = {}
    if p.kind != "country":
        # how prominent the place is, towns and regions alike: log10 of the people of a town,
        # or of the towns of a region (the gazetteer's name score; +1 for a primary name)
        f["log_population"] = min(c.prior, config.GEOPARSE_PRIOR_CAP)
    if p.kind == "country":
        f["country"] = 1.0
    elif feature == "admin1":
        f["admin1"] = 1.0
    elif feature in ("disputed", "macro_region", "continent"):
        f["area"] = 1.0
    if is_water(p):
        f["water"] = 1.0
    if p.id in capitals:
        f["capital"] = 1.0
    if p.kind != "country" and any(
        q.place.kind == "country" and q.place.country_code == p.country_code for q in cs
    ):
        # the name also names the place's own country: "Panamá", "Kuwait", "Djibouti" (the
        # capital), or a federal entity named as its country
        f["country_namesake"] = 1.0
    f[c.match if c.match in _MATCHES else "alternate"] = 1.0
    if c is cs[0]:
        f["top_prior"] = 1.0
    else:
        f["prior_gap"] = max(0.0, cs[0].prior - c.prior)
    return f


#: Relative slack of the squared-degree bound that :func:`name_features` tests before the
#: exact distance in km against GEOPARSE_FAR_KM: far above float rounding, far below any
#: distance that matters (no threshold: the test in km decides).
_FAR_SLACK: Final = 1e-9


def name_features(
    cs: Sequence[Candidate],
    *,
    ctx: Context,
    own: Mapping[str, float],
    sentences: Collection[int],
    region_cue_level: int,
    apposition: Sequence[Place],
    twins: Sequence[Place],
    foreign: bool,
    dateline: bool = False,
    noun_regions: Collection[str] = frozenset(),
    capitals: Collection[str] = frozenset(),
) -> list[dict[str, float]]:
    """The features of every candidate of one name that depend on the document (those of
    the name alone are :func:`static_features`), ``twins[k]`` being the twin of ``cs[k]``:
    the place of the other kind of the same name nearby.

    ``noun_regions`` holds the ids of the candidates reached through a region noun
    written after the name. ``own`` is what the name itself adds to :attr:`Context.focus`
    (by country), removed so that a name does not support itself. A candidate in a country
    that none of the other places of a document lies in (at least GEOPARSE_FOCUS_MIN
    mentions) is ``off_focus`` (``country_off_focus`` for a country); a place in a country the
    document names is ``focus_named``, and ``capital_named`` too when it is that country's
    capital (of ``capitals``, ids); the most prominent
    candidate of a first-level region has that region's share as ``admin1_focus_top`` as
    well. ``apposition`` holds the places named right after it ("Springfield, Illinois"):
    a candidate in the same country or near is ``apposition``, one in the same first-level
    region ``apposition_admin1``. Proximities are the distance
    (km) to the nearest other place of the document (not a country, not one of the name's
    own candidates) and the summed exp(-km / GEOPARSE_PROXIMITY_KM) of the places within
    GEOPARSE_FAR_KM (equirectangular distances, at the candidate's latitude); a place that
    shares the name with its own country among the candidates ("Kuwait": the capital)
    has none, as the places around support the country as much and a country has no
    distance terms, nor ``focus_named`` (the country named may be this very name).

    What depends on the name alone (its own share of the focus, the places of its
    sentences, the other places of the document) is gathered once, not per candidate.
    """
    own_ids: set[str] = set()
    namesake_countries: set[str | None] = set()
    for c in cs:  # (one loop, not two comprehensions: most names have one candidate)
        p = c.place
        own_ids.add(p.id)
        if p.kind == "country":
            namesake_countries.add(p.country_code)
    points = ctx.points
    known = ctx.point_ids
    if known is None or known[0] is not points:
        known = ctx.point_ids = (points, frozenset([q[2] for q in points]))
    # (the document's places as they are when none is one of the name's own candidates)
    others = points if own_ids.isdisjoint(known[1]) else [q for q in points if q[2] not in own_ids]
    focus_total, admin_total = ctx.focus_total, ctx.admin_total
    own_country = own_admin = 0.0
    for k, v in own.items():
        if "." in k:
            own_admin += v
        else:
            own_country += v
    focus_left = focus_total - own_country
    admin_left = admin_total - own_admin
    focus_get, own_get, admin_get = ctx.focus.get, own.get, ctx.admin_focus.get
    named_countries, named_regions = ctx.named_countries, ctx.named_regions
    by_sentence = ctx.by_sentence
    # the other places of the name's sentences, by kind (in one pass over them)
    sentence_countries: set[str | None] = set()
    sentence_regions: list[Place] = []
    sentence_towns: list[tuple[float, float]] = []
    for sentence in sentences:
        for q in by_sentence.get(sentence, ()):
            if q.id in own_ids:
                continue
            if q.kind == "country":
                sentence_countries.add(q.country_code)
            elif q.kind == "region":
                sentence_regions.append(q)
            elif q.kind == "city":
                sentence_towns.append((q.latitude, q.longitude))
    separatist = bool(ctx.disputed) and bool(ctx.separatist_sentences.intersection(sentences))
    far, scale, km, near = (
        config.GEOPARSE_FAR_KM,
        config.GEOPARSE_PROXIMITY_KM,
        KM_PER_DEGREE,
        config.GEOPARSE_NEAR_KM,
    )
    exp, sqrt, cos, radians = math.exp, math.sqrt, math.cos, math.radians
    # a bound on the squared distance in degrees of the places within ``far`` (a hair
    # above it: the exact test is in km)
    far_sq = (far / km) ** 2 * (1.0 + _FAR_SLACK)
    metropolis = config.GEOPARSE_METROPOLIS_POPULATION
    far_ids = ctx.far_ids
    has_focus = focus_left >= config.GEOPARSE_FOCUS_MIN
    # the most prominent candidate of the name in each first-level region: "Paris" in a
    # story about Texas towns is the largest Paris of Texas
    top_of: dict[str, Candidate] = {}
    for c in cs:
        area = admin_key(c.place)
        if c.place.kind == "country" or not area:
            continue
        best = top_of.get(area)
        if best is None or c.prior > best.prior:
            top_of[area] = c
    out: list[dict[str, float]] = []
    for c, twin in zip(cs, twins, strict=True):
        p = c.place
        kind = p.kind
        cc = p.country_code
        admin1 = p.admin1_code
        f: dict[str, float] = {}
        if foreign and kind == "country":
            f["foreign_country_name"] = 1.0
        if cc and focus_total > 0:
            count = focus_get(cc, 0.0) - own_get(cc, 0.0)
            if focus_left > 0 and count > 0:
                f["focus"] = count / focus_left
            elif has_focus:
                f["country_off_focus" if kind == "country" else "off_focus"] = 1.0
        if cc and admin1 and kind != "country" and admin_total > 0:
            admin = f"{cc}.{admin1}"
            count = admin_get(admin, 0.0) - own_get(admin, 0.0)
            if admin_left > 0 and count > 0:
                f["admin1_focus"] = share = count / admin_left
                if top_of.get(admin) is c:
                    f["admin1_focus_top"] = share
        if cc and cc in named_countries and kind != "country" and cc not in namesake_countries:
            # (not when the country named may be this very name: "Kuwait")
            f["focus_named"] = 1.0
            if p.id in capitals:
                # the capital of a country the text names stands for its government
                # ("Canberra" beside "Australia"), more than a region or a town of its name
                f["capital_named"] = 1.0
        if kind != "country":
            # proximity to the other places of the document
            lat, lon = p.latitude, p.longitude
            coslat = cos(radians(lat))
            # squared distances in degrees first: the nearest is the least of them (km *
            # sqrt never reverses an order), and only those that may lie within
            # GEOPARSE_FAR_KM are taken to km, exactly as before, for the mass
            nearest_sq = nearest_far_sq = math.inf
            mass = 0.0
            for qlat, qlon, qid in others if cc not in namesake_countries else ():
                dx = (qlon - lon) * coslat
                dy = qlat - lat
                sq = dx * dx + dy * dy
                if sq < nearest_sq:
                    nearest_sq = sq
                if sq < nearest_far_sq and (far_ids is None or qid in far_ids):
                    nearest_far_sq = sq
                if sq < far_sq:
                    d = km * sqrt(sq)
                    if d < far:
                        mass += exp(-d / scale)
            if nearest_sq < math.inf:
                nearest_km = km * sqrt(nearest_sq)
                f["proximity"] = exp(-nearest_km / scale)
                if nearest_far_sq < math.inf and km * sqrt(nearest_far_sq) > far:
                    f["far"] = 1.0
                if mass > 0:
                    f["proximity_mass"] = math.log1p(mass)
            if cc in sentence_countries:
                f["sentence_country"] = 1.0
            if kind == "city":
                for q in sentence_regions:
                    if (q.admin1_code and q.admin1_code == admin1 and q.country_code == cc) or (
                        approx_km(lat, lon, q.latitude, q.longitude) < near
                    ):
                        f["sentence_region"] = 1.0
                        break
                for qlat, qlon in sentence_towns:
                    # approx_km, inline
                    dx = (qlon - lon) * cos(radians((lat + qlat) * 0.5))
                    dy = qlat - lat
                    if km * sqrt(dx * dx + dy * dy) < near:
                        f["sentence_town"] = 1.0
                        break
                if admin1 and f"{cc}.{admin1}" in named_regions:
                    f["admin1_named"] = 1.0
            elif (
                config.GEOPARSE_COUNTY_ADMIN1_NAMED
                and admin1
                and f"{cc}.{admin1}" in named_regions
                and feature_of(p) == "admin2"
            ):
                # a county of a state the text names ("X County" in a story that names
                # its state), as a town of it
                f["admin1_named"] = 1.0
        for q in apposition:
            if (
                q.kind == "region"
                and kind != "country"
                and q.country_code == cc
                and q.admin1_code
                and q.admin1_code == admin1
                and feature_of(q) == "admin1"
            ):
                # "Naples, Florida", "Pike County, Ky.": the town or county of that state
                f["apposition_admin1"] = 1.0
            if (q.kind == "country" and q.country_code == cc and kind != "country") or (
                q.kind == "region"
                and kind == "city"
                and q.country_code == cc
                and (
                    (q.admin1_code and q.admin1_code == admin1)
                    or approx_km(p.latitude, p.longitude, q.latitude, q.longitude) < near
                )
            ):
                f["apposition"] = 1.0
        if (
            separatist
            and kind == "city"
            and any(
                approx_km(p.latitude, p.longitude, q.latitude, q.longitude)
                < config.GEOPARSE_SEPARATIST_KM
                for q in ctx.disputed
            )
        ):
            f["separatist_area"] = 1.0
        if dateline and kind == "city":
            f["dateline_city"] = 1.0
        if p.id in noun_regions:
            # reached through the region noun written after the name ("Ashtabula and Trumbull
            # counties": Trumbull County)
            f["noun_region"] = 1.0
        if kind != "country":
            if twin is p:
                if region_cue_level == 2 and kind == "region":
                    f["region_cue_region"] = 1.0
                elif region_cue_level and kind == "city":
                    f["region_cue_city"] = float(region_cue_level)
            else:
                city = p if kind == "city" else twin
                big = city.population >= metropolis
                cue = 1.0 if region_cue_level == 2 or (region_cue_level == 1 and not big) else 0.0
                if region_cue_level == 1 and big and kind == "city":
                    f["city_cue_metropolis"] = 1.0
                if kind == "city":
                    f["twin_city"] = 1.0 - 2.0 * cue
                else:
                    f["twin_region"] = 2.0 * cue - 1.0
        out.append(f)
    return out


def span_features(
    *,
    soft: int,
    multiword: bool,
    preposition: bool,
    lower_elsewhere: bool,
    common: bool,
    all_caps: bool,
    source: str,
    short: bool,
    best: Candidate,
    supported: bool,
    spread_km: float,
    margin: float,
    frequency: float = 0.0,
    cue: int = 0,
    dateline: bool = False,
    surname: bool = False,
    given_name: bool = False,
    few_places: bool = False,
    capital: bool = False,
    seat: bool = False,
    off_focus: bool = False,
    far: bool = False,
) -> dict[str, float]:
    """The recognition features of a span given its best candidate.

    ``off_focus``: the best place lies in a country none of the document's other places
    lie in, though they agree on some (its resolution feature ``off_focus``); ``far``: it
    lies farther than GEOPARSE_FAR_KM from each of them (``far``). A word read as a small
    town of no country of the story (a common word that a village of Asia bears, in a story
    about an American state) is most often no place at all; a capital or a city of note is
    named from afar.

    ``capital``: the best place is a national capital, a name the news uses as a place
    whatever else the word is: no ``surname`` then ("Kingston"); ``seat``: the name as written
    is also the name of the town's own first-level region ("Lucerne" for Luzern), a
    well-known town whatever its population says (as
    :func:`~geo.geoparse.candidates.is_region_seat`).
    """
    p = best.place
    f: dict[str, float] = {"bias": 1.0}
    if soft == 1:
        f["sentence_start"] = 1.0
    elif soft == 3:
        f["headline"] = 1.0
    if common or soft == 2:
        f["common_word"] = 1.0
    if lower_elsewhere:
        f["lower_elsewhere"] = 1.0
    if multiword and source != "scan":
        # capitalised phrases of several words are often organisations; the dictionary scan
        # of uncased text matches whole gazetteer names only
        f["multiword"] = 1.0
    if preposition:
        f["place_preposition"] = 1.0
    feature = feature_of(p)
    if p.kind == "country":
        f["best_country"] = 1.0
    elif feature == "admin1":
        f["best_admin1"] = 1.0
    elif feature not in ("populated",):
        f["best_area"] = 1.0
    if p.population > 0 and p.kind != "country":
        f["best_log_population"] = math.log10(p.population + 1)
    if best.prior >= config.GEOPARSE_MAJOR_PRIOR or p.kind == "country":
        f["best_major"] = 1.0
    small = (
        p.kind == "city"
        and best.prior < config.GEOPARSE_MAJOR_PRIOR
        and not (seat or is_region_seat(p))
    )
    if supported:
        f["supported"] = 1.0
    elif small:
        f["unsupported_small"] = 1.0
    if spread_km > 0:
        f["candidates_spread"] = math.log10(1.0 + spread_km)
    if all_caps:
        f["all_caps"] = 1.0
    if source == "morph":
        f["morph"] = 1.0
    elif source == "scan":
        f["scan"] = 1.0
    elif source == "translit":
        f["translit"] = 1.0
    elif source == "romanised":
        f["romanised_span"] = 1.0
    if short:
        f["short"] = 1.0
    f["resolve_margin"] = min(margin, config.GEOPARSE_MARGIN_CAP)
    if frequency > 0:
        f["word_frequency"] = frequency
        if frequency >= config.GEOPARSE_FREQUENT_ZIPF:
            f["frequent_word"] = 1.0
    if cue:
        f["region_cue"] = float(cue)
    if dateline:
        f["dateline"] = 1.0
    if surname and not (capital and p.kind == "city") and not dateline:
        # a common surname ("Turner", "Welch"): often a person; not where a dateline puts
        # it ("DENTON —": a place by the form)
        f["surname"] = 1.0
    if given_name:
        f["given_name"] = 1.0
    if few_places:
        f["few_places"] = 1.0  # a short text naming one or two places: no support to expect
    if small and not capital:
        if off_focus:
            f["best_off_focus"] = 1.0
        if far:
            f["best_far"] = 1.0
    return f


_DATELINE_AFTER: Final = re.compile(r"[ \t]*(?:,|\(|—|–|-|/|\d)")


def is_dateline(text: str, toks: Tokens, first: int, last: int) -> bool:
    """Whether a name opens a line as a wire dateline does: "GAZA, Nov 15 (Reuters) -",
    "KYIV (AP) —", "ХАРЬКОВ, 10 мая": at the start of a line, in capitals or followed by a
    comma, a bracket or a dash."""
    start = toks.starts[first]
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip(" \t*#>_\ufeff"):
        return False
    end = toks.ends[last]
    if not _DATELINE_AFTER.match(text, end):
        return False
    name = text[start:end]
    return name.isupper() or text[end : end + 2].lstrip(" ").startswith(("(", "—", "–"))


# --------------------------------------------------------------------------- text cues


def region_cue(
    toks: Tokens,
    first: int,
    last: int,
    w: Words,
    spans_at: frozenset[int] = frozenset(),
    *,
    text: str = "",
) -> int:
    """How clearly the text calls the name at tokens ``first..last`` a region: 2 for
    "province d'Idlib", "Kherson Oblast", "les régions de Donetsk et de Louhansk", and for
    "X region" in apposition after a town ("A, X region": where the town lies, not
    the city's surroundings; ``text`` the document, to see the comma); 1 for "région
    de"/"X region" otherwise (the press also writes it for a city's surroundings); 0
    otherwise.

    A region noun inside another name of the text (one that starts at a token of
    ``spans_at``, such as "Харківській області") is not this name's cue.
    """
    keys, cap = toks.keys, toks.cap
    n = len(keys)
    sentence = toks.sentence[first]
    list_words, after_list = w["list_words"], w["after_list"]
    positions = [k for k in range(max(0, first - 3), first) if toks.sentence[k] == sentence]
    j = first - 4
    # a list of names ("les régions de Donetsk et de Louhansk") carries the cue further back,
    # across capitalised words and list words only
    if not all(cap[k] or keys[k] in list_words for k in positions):
        j = -1
    while j >= 0 and first - j <= 8 and toks.sentence[j] == sentence:
        positions.append(j)
        if not (cap[j] or keys[j] in list_words):
            break
        j -= 1
    # a cue word right after another name is that name's ("from Idlib province through
    # Aleppo": no cue for Aleppo)
    window = [
        keys[k]
        for k in positions
        if k == 0 or not cap[k - 1] or toks.particle[k - 1] or keys[k - 1] in list_words
    ]
    j = last + 1
    after: list[str] = []
    # the walk stops at a name that carries its own region noun ("У Харкові та Харківській
    # області": the oblast's noun is not Kharkiv's cue); ``spans_at`` holds where they start
    while j < n and j - first <= 8 and toks.join[j - 1] != 0 and j not in spans_at:
        after.append(keys[j])
        if not (cap[j] or keys[j] in after_list):
            break
        j += 1
    before, behind, soft = w["region_before"], w["region_after"], w["soft_region"]
    found = 0
    for word in window:
        if word in before:
            found = max(found, 1 if word in soft else 2)
    for word in after[-1:]:
        if word in behind:
            found = max(found, 1 if word in soft else 2)
            if (
                found == 1
                and text
                and first > 0
                and cap[first - 1]
                and toks.sentence[first - 1] == sentence
                and text[toks.ends[first - 1] : toks.starts[first]] == ", "
            ):
                found = 2  # "A, X region": the region the town A lies in
    return found


def water_cue(
    toks: Tokens, first: int, last: int, w: Words, spans_at: frozenset[int] = frozenset()
) -> bool:
    """Whether an occurrence of a name borne by a river and a town names the river: "le
    Dniepr", "du Nil Bleu", "across the Dnipro.", "Danube river ports"; not "Dnipro", "the
    Dnipro mayor", "l'État du Nil Bleu"."""
    keys, cap = toks.keys, toks.cap
    nxt = last + 1
    water = w["water"]
    if any(keys[j] in water for j in range(first, nxt)):
        return True  # "mer Rouge", "Lake Chad": not Mer Rouge, Louisiana
    if region_cue(toks, first, last, w, spans_at):
        return False
    if nxt < len(keys) and toks.join[nxt - 1] == 1 and keys[nxt] in water:
        return True
    i = first - 1
    if i >= 0 and toks.join[i] != 0 and _river_before(toks, i, last, w):
        return True
    if i < 0 or cap[i] or keys[i] not in w["determiners"] or toks.join[i] == 0:
        return False
    if keys[i] != "the":
        return True
    return (
        nxt >= len(keys) or toks.join[nxt - 1] == 0 or cap[nxt] or keys[nxt] in w["after_the_river"]
    )


def _river_before(toks: Tokens, i: int, last: int, w: Words) -> bool:
    """Whether word ``i``, right before a name ending at token ``last``, makes
    it a river's in a language without articles: a water noun ("річки Аракс"), a word of
    its banks or course or a preposition across or along it ("берега Днестра", "через
    Днестр", "уздовж Десни"), or "на" with the name in the locative ("на Дністрі", where
    the town takes "у")."""
    word = toks.keys[i]
    if word in w["water"] or word in w["river_before"]:
        return True
    if word not in w["river_locative"]:
        return False
    name = toks.keys[last]
    return any(name.endswith(e) for e in w["locative_endings"])


def precision_of(place: Place, toks: Tokens, first: int, w: Words) -> int:
    """ACLED geo_precision of a mention: 1 the town, 2 near it, 3 a region or country."""
    if place.kind != "city":
        return 3
    near = w["near"]
    return 2 if any(toks.keys[j] in near for j in range(max(0, first - 3), first)) else 1


def preposition_before(toks: Tokens, first: int, w: Words) -> bool:
    """Whether a place preposition ("in", "à", "в", "في") comes right before the name."""
    j = first - 1
    if j < 0 or toks.join[j] == 0:
        return False
    return toks.keys[j] in w["place_prepositions"]
