"""Names the gazetteer lacks, placed approximately (ACLED geo_precision 2 or 3).

Villages, hamlets and localities missing from the gazetteer are often written with a cue that
makes them places whatever the gazetteer says: "the village of X", "X village", "la localité
de X", "la vereda X", "в селе X", "у селі X", "قرية X", "near X". Such a name, when no other
mention covers it, becomes a mention of its own name placed at an anchor, as ACLED codes it:

1. a relative location in the same clause: "X, 20 km north of Y" (Y's point moved 20 km along
   the bearing, on the WGS84 ellipsoid), "X, near Y" or "X, north of Y" (Y's point);
2. else the admin unit named with it: "X, Y province", "X (Y district)", "село X Y-ського
   району", "in Y province, the village of X" (the unit's centre, precision 3), or the town
   whose countryside it lies in ("X, en zona rural de Y": the packs' ``area_nouns``);
3. else the last town named before it in the same sentence or the sentences just before it
   (in the same paragraph), unless that town is a national capital;
4. else the first such town named after it in its sentence;
5. else the document's focus, the town it names most often (precision 3);
6. else no mention.

Natural features of cased text are written with their lower-case noun, which stays in the
mention ("río X", "serranía de X": the packs' ``feature_heads``; after a plural noun, "los
ríos X y Y", the names alone); a name before a comma and a first-level region that ends a
clause ("X, Nariño.") or a dateline's town in capitals ("SAN X, Cauca.") is a town of that
region.

Weaker cues make a name a place too when every word of it is rare and none is a person's
(``GEOPARSE_APPROX_WEAK_*``): a locative preposition ("in X", "à X", "en X", "в X"), a word
meaning near, "de X" after a noun in French and Spanish, and the names listed after them or
after a known town they introduce ("in Y, X and Z"). Such a name is dropped when its anchor
lies far from the document's focus or when fewer than GEOPARSE_APPROX_WEAK_MIN_CUED_SHARE of
its occurrences have a cue (a club, a firm).

The name's other occurrences in the document (without the cue) take the same place. The
mention's ``why`` says that it is approximate and what it is anchored to; its place's id is
``approx:<anchor id>:<name>``.

The cue words, compass words and length units are the packs' lists (``settlement_before``,
``settlement_after``, ``place_cues``, ``bearings``, ``distance_units``); thresholds are in
:mod:`geo.config` (``GEOPARSE_APPROX_*``).

Examples
--------
>>> from geo.geoparse import get_geoparser
>>> text = "Shelling hit the village of Kvitkove Pole, 12 km north of Malyn, on Monday."
>>> m = [m for m in get_geoparser().parse(text) if m.mention == "Kvitkove Pole"][0]
>>> m.place.id, m.precision, round(m.place.latitude, 3), dict(m.why)["approximate"]
('approx:gn:702116:kvitkove pole', 2, 50.875, 2.0)
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, Final

from geo import config
from geo.gazetteer import Place, normalize_name
from geo.geoparse import translit
from geo.geoparse.candidates import Index, admin_key, haversine_km, is_water
from geo.geoparse.candidates import feature_of as feature_of_place
from geo.geoparse.filters import Words
from geo.geoparse.tokenize import PARAGRAPH_BREAK, Tokens
from geo.lang import get_pack, word_frequency
from geo.model import Mention

__all__ = ["approximate_mentions", "local_waters", "offset_point", "respelled_approximations"]

#: Attached particles of Arabic stripped from a settlement noun ("وبقرية": and in the village).
_AR_CONJUNCTIONS: Final = ("و", "ف")
_AR_PREPOSITIONS: Final = ("ب", "ل")
#: Endings of the sound plurals and duals of Arabic nouns ("صيادين", "منطقتين").
_AR_SOUND_ENDINGS: Final = ("ين", "ون", "ان")
#: The article and the m- of Arabic participles ("المحاصرة": the besieged).
_AR_PARTICIPLE: Final = "الم"
#: Endings of Arabic nisba adjectives ("الحدودية": of the border), no village's name after a
#: settlement noun however rare.
_AR_NISBA: Final = ("ية", "يين", "يون")
#: Particles glued before an Arabic noun: conjunction, preposition, both, or none.
_AR_PARTICLE_RUNS: Final = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: What separates the names of an Arabic list: a space (before "وY") or a comma.
_AR_LIST_GAPS: Final = frozenset({"", "،", ","})
#: A number glued to its unit ("20km", "15км").
_FUSED_DISTANCE: Final = re.compile(r"^(\d+(?:[.,]\d+)?)([^\W\d_]+)$")
#: Endings of Slavic words that are surnames or adjectives more often than villages.
_SLAVIC_ADJECTIVE_ENDINGS: Final = (
    "скии",
    "цкии",
    "ськии",
    "цькии",
    "ского",
    "ського",
    "овых",
    "евых",
    "иных",
    "ових",
    "евих",
)
#: Marks of a word that is no village's name alone: a digit, a dot, a capital inside.
_ODD_SHAPE: Final = re.compile(r"[\d.]|\w[A-ZА-ЯЁІЇЄҐ]")
#: Endings of Slavic adjectives in -ский/-ський/-цкий (any case, any gender): a unit's or a
#: lake's adjective after a weak cue ("в Чуйской долине"), more often than a village.
_SLAVIC_ADJECTIVE: Final = re.compile(
    r"[сцз]ь?к(?:ии|ои|ого|ому|ом|ая|ую|ое|ие|их|ым|ыми|ими|ім|ій|іи|ої|ою|а|е|у|і|и)$"
)
#: Oblique endings of Slavic adjectives ("Печерському", "Печерської"; keys write й as
#: и): after a weak cue, the adjective of a unit, a monastery or a lake named after it.
_SLAVIC_ADJECTIVE_CASES: Final = ("ому", "ему", "ого", "его", "ои", "ої", "іи", "ых", "ими", "ыми")
#: What ends a clause after a region's name ("X, Nariño, dijo", "X, Gro. (EFE)").
_CLAUSE_ENDS: Final = frozenset(",.;:()")
#: What follows a name in the possessive ("St. Andrew's").
_POSSESSIVES: Final = ("'s", "’s")
#: Word lists of words that are never a village's name alone.
_NOT_NAMES: Final = (
    "stopwords",
    "common",
    "always_common",
    "months",
    "weekdays",
    "titles",
    "first_names",
    "demonyms",
    "org_heads",
    "region_before",
    "region_after",
    "settlement_before",
    "settlement_after",
    "settlement_of",
    "place_cues",
    "near",
    "water",
    "natural",
    "facility_cues",
)


def approximate_mentions(
    text: str,
    toks: Tokens,
    blocked: Sequence[bool],
    mentions: Sequence[Mention],
    w: Words,
    *,
    capitals: frozenset[str] = frozenset(),
    doc_id: str = "",
    uncued: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """``mentions`` and the approximate mentions of the names the gazetteer lacks, in text
    order.

    Parameters
    ----------
    text : str
        The document.
    toks : Tokens
        Its tokens.
    blocked : sequence of bool
        Tokens that belong to no place name (:func:`geo.geoparse.filters.blocked`).
    mentions : sequence of Mention
        The resolved mentions (the anchors), in text order.
    w : Words
        Word lists of the document's languages.
    capitals : frozenset of str
        Ids of national capitals: no anchor for a name only because they were named before.
    doc_id : str
        Copied into every mention.
    uncued : sequence of (int, int)
        First and last tokens of names placed as if cued: names whose only place in the
        gazetteer is a small namesake far off the story (:func:`~geo.geoparse.resolve.resolve`).
    """
    n = len(toks)
    if not n or not mentions:
        return list(mentions)
    first_of: dict[int, Mention] = {}
    last_of: dict[int, Mention] = {}
    covered = [False] * n
    for m in mentions:
        a = _first_token(toks, m)
        b = _last_token(toks, m)
        if a >= n or b < a:
            continue
        first_of[a] = m
        last_of[b] = m
        for j in range(a, b + 1):
            covered[j] = True
    finder = _Finder(text, toks, blocked, covered, w)
    # the names the resolver placed: another occurrence of such a name is that place (one
    # sense per document), not the name of a place the gazetteer lacks
    resolved: dict[str, Mention] = {}
    for a, m in first_of.items():
        if "approximate" not in m.why:
            resolved.setdefault(finder.key(a, _last_token(toks, m)), m)
    cued = finder.cued_names(first_of)
    if uncued:
        cued = sorted(
            {
                *cued,
                *(
                    (a, b, finder.key(a, b), a)
                    for a, b in uncued
                    if b < n and not any(covered[a : b + 1])
                ),
            }
        )
    if not cued:
        return list(mentions)
    # one anchor per name: that of its first cued occurrence that finds one; the names of a
    # list ("the villages of X, Y and Z, in Y province") share the one a name of it finds
    anchors: dict[str, tuple[Place, str, float, int]] = {}
    groups: dict[int, list[tuple[int, int, str]]] = {}
    for a, b, key, group in cued:
        groups.setdefault(group, []).append((a, b, key))
    for members in groups.values():
        own = [
            _relative(toks, b, first_of, w) or _admin(toks, a, b, first_of, last_of, w)
            for a, b, _ in members
        ]
        shared = next((found for found in own if found is not None), None)
        if shared is None:
            a0 = members[0][0]
            # (a name only a weak cue makes a place keeps a far town as its anchor, for
            # _drop_far to drop it: "a delegation from <far town> went to X")
            weak = all(key in finder.weak_only for _, _, key in members)
            centre = None if weak else _centre(mentions)
            shared = _preceding(text, toks, a0, mentions, capitals, centre=centre)
            if shared is None and not weak and config.GEOPARSE_APPROX_FOLLOWING:
                shared = _following(toks, members[-1][1], mentions, capitals, centre=centre)
        for (_, _, key), found in zip(members, own, strict=True):
            if key not in anchors and (found or shared) is not None:
                anchors[key] = found or shared  # type: ignore[assignment]
    if config.GEOPARSE_APPROX_OTHER_OCCURRENCE_UNIT:
        _other_occurrence_anchors(cued, anchors, finder, toks, first_of, last_of, w)
    focus = _focus(mentions, capitals)
    if config.GEOPARSE_APPROX_ANCHOR_FAR_KM and focus is not None:
        _far_towns_to_focus(anchors, mentions, finder.weak_only, focus)
    if config.GEOPARSE_APPROX_UNIT_STORY_TOWN:
        _units_at_story_towns(text, toks, cued, anchors, mentions, capitals)
    if focus is not None:
        # no relative location, unit or town before it: the document's own town
        for _, _, key, _ in cued:
            if key not in anchors and (config.GEOPARSE_APPROX_FOCUS_ALL or key in finder.weak_only):
                anchors[key] = focus
    if finder.weak_only:
        kept = set(anchors)
        _drop_far(anchors, finder.weak_only, mentions)
        if config.GEOPARSE_APPROX_FAR_TO_FOCUS and focus is not None:
            # a weak name whose anchor lies far off the story (a namesake abroad read for a
            # town named beside it): the document's own town, if near the story
            far = kept - set(anchors)
            if far:
                probe = dict.fromkeys(far, focus)
                _drop_far(probe, far, mentions)
                anchors.update(probe)
    if not anchors:
        return list(mentions)
    runs = {(a, b) for a, b, key, _ in cued if key in anchors}
    runs |= finder.other_occurrences(set(anchors), runs)
    if finder.weak_only or finder.residents_only:
        runs = _drop_uncued(runs, {(a, b) for a, b, _, _ in cued}, finder)
    added: list[Mention] = []
    taken: set[int] = set()
    # (the longest of the runs that start at a token: a cued name over an uncued part of it)
    for a, b in sorted(runs, key=lambda r: (r[0], -r[1])):
        if any(j in taken for j in range(a, b + 1)):
            continue
        key = finder.key(a, b)
        same = resolved.get(key)
        if same is not None:
            place, precision, why = same.place, same.precision, {**same.why, "same_name": 1.0}
        else:
            anchor, how, km, precision = anchors[key]
            b, unit = finder.with_unit(a, b)
            if unit:
                # "X district": the unit, not a village
                precision = max(precision, config.GEOPARSE_APPROX_PRECISION_REGION)
            place = _place(finder.display_name(a, b), key, anchor, how, km)
            why = {
                "approximate": float(precision),
                f"anchor {how}: {anchor.name} ({anchor.id})": round(km, 1),
            }
        start, end = finder.start(a), toks.ends[b]
        added.append(
            Mention(
                mention=text[start:end],
                char_start=start,
                char_end=end,
                place=place,
                score=config.GEOPARSE_APPROX_SCORE,
                sentence=toks.sentence[a],
                precision=precision,
                doc_id=doc_id,
                why=why,
            )
        )
        taken.update(range(a, b + 1))
    if not added:
        return list(mentions)
    return sorted((*mentions, *added), key=lambda m: m.char_start)


def _other_occurrence_anchors(
    cued: Sequence[tuple[int, int, str, int]],
    anchors: dict[str, tuple[Place, str, float, int]],
    finder: _Finder,
    toks: Tokens,
    first_of: Mapping[int, Mention],
    last_of: Mapping[int, Mention],
    w: Words,
) -> None:
    """Anchor in place (``anchors``) the cued names that none of their cued occurrences
    placed by the relative location or the unit written after another occurrence, the first
    in text order that has one: "airstrikes on X" in a headline, then "bombed X and Y in Z
    state" (one sense per document; a unit before an uncued occurrence, "Z fighters close
    in on X", is too loose a tie)."""
    missing = {key for _, _, key, _ in cued if key not in anchors}
    if not missing:
        return
    cued_runs = {(a, b) for a, b, key, _ in cued if key in missing}
    runs = cued_runs | finder.other_occurrences(missing, {(a, b) for a, b, _, _ in cued})
    for a, b in sorted(runs):
        key = finder.key(a, b)
        if key not in missing or key in anchors:
            continue
        found = _relative(toks, b, first_of, w) or _admin(
            toks, a, b, first_of, last_of, w, before=False
        )
        if found is not None:
            anchors[key] = found


def _far_towns_to_focus(
    anchors: dict[str, tuple[Place, str, float, int]],
    mentions: Sequence[Mention],
    weak: Collection[str],
    focus: tuple[Place, str, float, int],
) -> None:
    """Re-anchor in place (``anchors``) at the story's ``focus`` the cued names whose anchor
    is a town ("X, Y", the town before or after it) over GEOPARSE_APPROX_ANCHOR_FAR_KM from
    the story's median point while the focus lies within it: such a town is mostly a
    namesake the resolver chose for a local name (a name only a weak cue makes a place, only
    with GEOPARSE_APPROX_FAR_TO_FOCUS: else :func:`_drop_far` leaves it out). Without a
    focus near the story (a roundup of far places), the anchors stay."""
    centre = _centre(mentions)
    if centre is None:
        return
    limit = config.GEOPARSE_APPROX_ANCHOR_FAR_KM
    here = focus[0]
    if haversine_km(centre[0], centre[1], here.latitude, here.longitude) > limit:
        return
    for key, (place, how, _, _) in list(anchors.items()):
        if (
            (config.GEOPARSE_APPROX_FAR_TO_FOCUS or key not in weak)
            and place.kind == "city"
            and how in ("admin", "preceding", "following")
            and haversine_km(centre[0], centre[1], place.latitude, place.longitude) > limit
        ):
            anchors[key] = focus


def _units_at_story_towns(
    text: str,
    toks: Tokens,
    cued: Sequence[tuple[int, int, str, int]],
    anchors: dict[str, tuple[Place, str, float, int]],
    mentions: Sequence[Mention],
    capitals: frozenset[str],
) -> None:
    """Move in place (``anchors``) each name anchored at a first-level unit ("X, in Y
    province") to the town of that unit named nearest to one of its cued occurrences, in
    the same paragraph, no national capital: a local story's village lies near the towns
    told with it, not at the centre of a unit that may span hundreds of kilometres.
    Precision stays that of a unit."""
    towns = [
        m
        for m in mentions
        if m.place.kind == "city"
        and _usable(m)
        and m.place.id not in capitals
        and admin_key(m.place)
    ]
    if not towns:
        return
    at: dict[str, list[int]] = {}
    for a, _, key, _ in cued:
        at.setdefault(key, []).append(toks.starts[a])
    for key, (place, how, km, precision) in list(anchors.items()):
        if how != "admin" or place.kind != "region" or key not in at:
            continue
        unit = admin_key(place)
        near = [
            (abs(m.char_start - start), m.place)
            for m in towns
            if admin_key(m.place) == unit
            for start in at[key]
            if not PARAGRAPH_BREAK.search(text, min(m.char_end, start), max(m.char_start, start))
        ]
        if near:
            town = min(near, key=lambda d: d[0])[1]
            anchors[key] = town, f"town of {place.name}", km, precision


def _focus(
    mentions: Sequence[Mention], capitals: frozenset[str]
) -> tuple[Place, str, float, int] | None:
    """The document's focus as an anchor: the town it names most often (at least
    ``GEOPARSE_APPROX_FOCUS_MIN_COUNT`` times; the first named of equals), no capital, at
    the precision of a region."""
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for m in mentions:
        if m.place.kind != "city" or not _usable(m) or m.place.id in capitals:
            continue
        counts[m.place.id] = counts.get(m.place.id, 0) + 1
        first.setdefault(m.place.id, m.place)
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])  # the first of equals: dicts keep order
    if counts[best] < config.GEOPARSE_APPROX_FOCUS_MIN_COUNT:
        return None
    return first[best], "focus", 0.0, config.GEOPARSE_APPROX_PRECISION_REGION


def _centre(mentions: Sequence[Mention]) -> tuple[float, float, float] | None:
    """The median point of the towns and regions of the mentions and the reach of a town
    named before a name to anchor it: GEOPARSE_APPROX_PRECEDING_SPREAD times the median
    distance of those places to that point, within GEOPARSE_APPROX_PRECEDING_MIN_KM and
    GEOPARSE_APPROX_PRECEDING_CENTRE_KM (None without any place)."""
    points = [
        (m.place.latitude, m.place.longitude)
        for m in mentions
        if _usable(m) and m.place.kind in ("city", "region")
    ]
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lat, lon = lats[len(lats) // 2], lons[len(lons) // 2]
    spread = sorted(haversine_km(lat, lon, a, b) for a, b in points)[len(points) // 2]
    reach = min(
        config.GEOPARSE_APPROX_PRECEDING_CENTRE_KM,
        max(
            config.GEOPARSE_APPROX_PRECEDING_MIN_KM,
            config.GEOPARSE_APPROX_PRECEDING_SPREAD * spread,
        ),
    )
    return lat, lon, reach


def _drop_far(
    anchors: dict[str, tuple[Place, str, float, int]],
    weak: set[str],
    mentions: Sequence[Mention],
) -> None:
    """Drop the anchors of the names only a weak cue makes places that lie far from the
    document's focus (the median point of its towns and regions): such an anchor is a
    town of another story or a name read wrong, and a weak cue is no reason to follow it."""
    points = [
        (m.place.latitude, m.place.longitude)
        for m in mentions
        if _usable(m) and m.place.kind in ("city", "region")
    ]
    if not points:
        return
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lat, lon = lats[len(lats) // 2], lons[len(lons) // 2]
    for key in weak & anchors.keys():
        place = anchors[key][0]
        if (
            haversine_km(lat, lon, place.latitude, place.longitude)
            > config.GEOPARSE_APPROX_WEAK_FOCUS_KM
        ):
            del anchors[key]


def _drop_uncued(
    runs: set[tuple[int, int]], cued: set[tuple[int, int]], finder: _Finder
) -> set[tuple[int, int]]:
    """The runs without those of names only a weak cue or "residents of" makes places when
    fewer than GEOPARSE_APPROX_WEAK_MIN_CUED_SHARE of their occurrences have a cue (or "of";
    with GEOPARSE_APPROX_LISTED_IS_CUED, or follow a place or another run in a list:
    "attacks on X and Y")
    ("Ahli" a club named once "in Ahli" and ten times as the subject, an aid agency named
    once after "residents of": a name, not a place)."""
    checked = finder.weak_only | finder.residents_only
    total: dict[str, int] = {}
    with_cue: dict[str, int] = {}
    keys = {}
    ends = {b for _, b in runs}
    for a, b in runs:
        key = keys[(a, b)] = finder.key(a, b)
        total[key] = total.get(key, 0) + 1
        if (
            (a, b) in cued
            or finder.cue_before(a)
            or (config.GEOPARSE_APPROX_LISTED_IS_CUED and finder.listed_after_place(a, ends))
        ):
            with_cue[key] = with_cue.get(key, 0) + 1
    return {
        run
        for run in runs
        if keys[run] not in checked
        or with_cue.get(keys[run], 0)
        >= config.GEOPARSE_APPROX_WEAK_MIN_CUED_SHARE * total[keys[run]]
    }


def offset_point(lat: float, lon: float, *, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` kilometres from (``lat``, ``lon``) along ``bearing`` (degrees from
    north, clockwise), on the WGS84 ellipsoid.

    Examples
    --------
    >>> lat, lon = offset_point(50.0, 36.0, bearing=0.0, km=20.0)
    >>> round(lat, 3), round(lon, 3)
    (50.18, 36.0)
    """
    lon2, lat2, _ = _geod().fwd(lon, lat, bearing, km * 1000.0)
    return float(lat2), float(lon2)


@functools.cache
def _geod() -> Any:
    """The WGS84 ellipsoid's geodesic calculator (pyproj), built once."""
    import pyproj

    return pyproj.Geod(ellps="WGS84")


def _place(name: str, key: str, anchor: Place, how: str, km: float) -> Place:
    """The approximate place of a name: its own name at the anchor's point (moved by the
    offset when there is one)."""
    lat, lon = anchor.latitude, anchor.longitude
    if how.startswith("offset"):
        bearing = float(how.split()[1])
        lat, lon = offset_point(lat, lon, bearing=bearing, km=km)
    return Place(
        id=f"approx:{anchor.id}:{key}",
        name=name,
        kind="city",
        latitude=lat,
        longitude=lon,
        country_code=anchor.country_code,
        admin1_code=anchor.admin1_code,
        admin1=anchor.admin1,
        population=0,
        source="approximate",
        feature="populated",
    )


@functools.cache
def _pack_map(langs: tuple[str, ...], name: str) -> dict[str, float]:
    """A numeric map of the packs of ``langs`` (``bearings``, ``distance_units``)."""
    out: dict[str, float] = {}
    for code in ("common", *langs):
        for k, v in get_pack(code).maps.get(name, {}).items():
            out[k] = float(v)
    return out


def _arabic_cue(key: str, cues: frozenset[str]) -> bool:
    """Whether an Arabic word is a settlement noun with or without attached و ف ب ل."""
    if key in cues:
        return True
    rest = key
    if rest[:1] in _AR_CONJUNCTIONS:
        rest = rest[1:]
        if rest in cues:
            return True
    return rest[:1] in _AR_PREPOSITIONS and rest[1:] in cues


def _cue_words(w: Words) -> frozenset[str]:
    """The words that may start a cue of :meth:`_Finder.cued_names` in cased text (a
    feature's noun, a cue before a name, a bearing, a settlement noun before "of")."""
    found = _CUE_WORDS.get(w.langs)
    if found is None:
        found = _CUE_WORDS[w.langs] = frozenset(
            (w["feature_heads"] if config.GEOPARSE_APPROX_CASED_FEATURES else frozenset())
            | _finder_words(w)[3]
            | {"п"}
            | set(_pack_map(w.langs, "bearings"))
            | w["settlement_of"]
        )
    return found


def _glued_heads(w: Words) -> frozenset[str]:
    """The pack's ``feature_heads`` with each run of glued Arabic particles before them
    (the words :meth:`_Finder._arabic_feature` takes for a feature's noun)."""
    found = _GLUED_HEADS.get(w.langs)
    if found is None:
        found = _GLUED_HEADS[w.langs] = frozenset(
            p + h for p in _AR_PARTICLE_RUNS for h in w["feature_heads"]
        )
    return found


_CUE_WORDS: dict[tuple[str, ...], frozenset[str]] = {}
_GLUED_HEADS: dict[tuple[str, ...], frozenset[str]] = {}
#: The word lists :class:`_Finder` reads, per language tuple.
_FINDER_WORDS: dict[tuple[str, ...], tuple[frozenset[str], ...]] = {}


def _finder_words(w: Words) -> tuple[frozenset[str], ...]:
    """The word lists of the finder for the languages of ``w``, built once per language
    tuple: words that are no name alone, given names, links between a cue and a name, cues
    before and after a name, links inside a name, unit nouns, common words, first words of
    names that are no village's (lake, ministry, general)."""
    found = _FINDER_WORDS.get(w.langs)
    if found is None:
        found = _FINDER_WORDS[w.langs] = (
            w.union(*_NOT_NAMES),
            # a given name is no village alone, but may be a word of one ("Santa Rita Baja")
            w["first_names"] - w["stopwords"] - w["common"],
            w.of_words | w["determiners"] | w["elisions"] | w["connectors"],
            w.union("settlement_before", "place_cues", "residents_before"),
            w["settlement_after"],
            (w["connectors"] - w["list_words"] - w["place_prepositions"])
            | (get_pack("common").words["connectors"] - w["after_list"]),
            w.union("region_after", "district_after"),
            w.union("common", "always_common", "stopwords"),
            w.union("water", "natural", "org_heads", "titles", "street_heads", "venue_heads"),
            # weak cues: locative prepositions and words meaning near, not "of" ("de", "of":
            # a person's or an organisation's as often as a place's)
            w.union("place_prepositions", "near") - w.of_words - w.union("settlement_before"),
            w.union("first_names", "surnames", "titles", "demonyms"),
        )
    return found


class _Finder:
    """The cued names of one document and the other occurrences of a name."""

    def __init__(
        self,
        text: str,
        toks: Tokens,
        blocked: Sequence[bool],
        covered: Sequence[bool],
        w: Words,
    ) -> None:
        self.text, self.toks, self.blocked, self.covered, self.w = text, toks, blocked, covered, w
        (
            self.not_names,
            self.given,
            self.links,
            self.before,
            self.after,
            self.name_links,
            self.units,
            self.common,
            self.heads,
            self.weak,
            self.people,
        ) = _finder_words(w)
        self.rare_cues = w.union("place_cues", "residents_before")
        # words that end no name of common words after a settlement noun ("la vereda del
        # Ejército", "el barrio de los Militares")
        self.not_settled = w.union(
            "stopwords",
            "months",
            "weekdays",
            "titles",
            "demonyms",
            "org_heads",
            "region_before",
            "settlement_before",
            "water",
            "natural",
        )
        self.bearings = frozenset(_pack_map(w.langs, "bearings"))
        self.residents = w["residents_before"]
        # the nouns of administrative units ("X district", "X and Y counties"), not "region" or
        # "state", also written after an adjective ("the Himalayan region", "Gulf states")
        self.unit_cues = self.units - w["not_unit_cues"]
        self.first_of: Mapping[int, Mention] = {}
        #: Keys of the names that only a weak cue makes places (:meth:`_weak_names`).
        self.weak_only: set[str] = set()
        #: Keys of the names that only a cue taking rare names makes places ("residents of
        #: X", "north of X", "X district"): their other occurrences after a capitalised word
        #: are a person's surname ("Ibrahim Tanko X"), as those of weak-only names are.
        self.rare_only: set[str] = set()
        #: Keys of the names that only "residents of" makes places: an organisation's name
        #: there ("residents of Relieforce said") is the subject of its other occurrences.
        self.residents_only: set[str] = set()
        #: letters left out at the start of a token: the و glued to a listed Arabic name
        self.trim: dict[int, int] = {}
        #: letters left out at the start of a token: the particles glued to the noun that
        #: begins an Arabic feature's name ("وبجبل X")
        self.feature_trim: dict[int, int] = {}

    # ------------------------------------------------------------------ names
    def cued_names(self, first_of: Mapping[int, Mention]) -> list[tuple[int, int, str, int]]:
        """Runs of tokens (first, last, key) that the text makes places, not covered by
        another mention, in text order: a name after a settlement noun or a word meaning
        near ("the village of X", "село X", "قرية X", "near X") and the names listed after it
        ("the villages of X, Y and Z"); a name before a settlement noun ("X village") or
        with one in apposition ("X, a farming village"); a name with a relative location
        after it ("X, 20 km north of Y"). The last item of each tuple is the first token of
        the list the name belongs to (its own first token when alone)."""
        toks = self.toks
        keys, cap, join, script = toks.keys, toks.cap, toks.join, toks.script
        n = len(keys)
        self.first_of = first_of
        out: list[tuple[int, int, str, int]] = []
        # the keys of names cued by words that take rare names only, and by the others
        rare: set[str] = set()
        firm: set[str] = set()
        by_residents: set[tuple[int, int]] = set()
        # a word of no cue list ends its turn below at once: only Arabic words and cues
        # are looked at
        cues = _cue_words(self.w)
        arabic_cues = self.w.union("settlement_before", "facility_cues")
        for i in [i for i in range(n - 1) if keys[i] in cues or script[i] == "arabic"]:
            key = keys[i]
            if script[i] == "arabic":
                if join[i] == 0:
                    continue
                if config.GEOPARSE_APPROX_AR_FEATURES:
                    feature = self._arabic_feature(i)
                    if feature is not None:
                        out.append((*feature, self.key(*feature), feature[0]))
                        continue
                if not _arabic_cue(key, arabic_cues):
                    continue
                run = self._arabic_name(
                    i + 1,
                    named=_arabic_cue(key, self.w["settlement_before"])
                    and not _arabic_cue(key, self.w["plural_settlements"]),
                )
                if run is not None:
                    out.append((*run, self.key(*run), run[0]))
                last = run[1] if run is not None else self._covered_end(i + 1)
                if last is not None and _arabic_cue(key, self.w["plural_settlements"]):
                    # "قرى X وY وZ" (the villages of X, Y and Z): the list goes on, also
                    # after a name the gazetteer has
                    out += self._arabic_list_after(
                        last, i + 1, steps=config.GEOPARSE_APPROX_MAX_LIST - 1
                    )
                elif run is not None:
                    # "بلدة X وY": a list after a singular noun goes on with rare words
                    # only, as after a preposition
                    out += self._arabic_list_after(
                        run[1],
                        i + 1,
                        steps=config.GEOPARSE_APPROX_MAX_LIST - 1,
                        accept=lambda k: (
                            keys[k].startswith(_AR_CONJUNCTIONS[0])
                            and self._rare_arabic(k)
                            and self._arabic_list_goes_on(k)
                        ),
                    )
                continue
            if config.GEOPARSE_APPROX_CASED_FEATURES and key in self.w["feature_heads"]:
                if key.endswith("s") and key[:-1] in self.w["feature_heads"]:
                    # "los ríos X, Y y Z": the plural noun is no word of the names
                    names = self._cased_list(i)
                    out += names
                    firm.update(k for _, _, k, _ in names)
                    continue
                feature = self._cased_feature(i)
                if feature is not None:
                    out.append((*feature, self.key(*feature), feature[0]))
                    continue
            # "north of X": a compass word before "of"
            bearing = key in self.bearings and keys[i + 1] in self.w.of_words
            if key in self.residents and keys[i + 1] not in self.w.of_words:
                continue  # "resident John Smith": the person; "residents of X": the place
            # "la comunidad de X", not "la comunidad X" (a people's)
            of_cue = key in self.w["settlement_of"] and (
                keys[i + 1] in self.w.of_words
                or (
                    # "la comunidad Paso X", "la comunidad La Y": a name that begins as
                    # place names do
                    config.GEOPARSE_APPROX_SETTLEMENT_OF_HEADED
                    and cap[i + 1]
                    and keys[i + 1] in self.w.union("name_heads", "name_articles")
                )
            )
            cue = (
                key in self.before
                or (key == "п" and i > 0 and keys[i - 1] == "н" and "нп" in self.before)
                or bearing
                or of_cue
            )
            if not cue or (cap[i] and not toks.initial[i]):
                continue
            dotted = key == "п" and self.text[toks.ends[i] : toks.ends[i] + 1] == "."
            if join[i] == 0 and not dotted:
                continue
            # a name of common words after a settlement noun ("el corregimiento de Puerto
            # Nuevo", "la vereda La Libertad") when it begins as place names do
            settled = config.GEOPARSE_APPROX_COMMON_SETTLED and (
                key in self.w["settlement_before"] or of_cue
            )
            j = self._past_links(i + 1)
            run = self._cased_name(j, toks.sentence[i], settled=settled)
            if run is None and settled and j < n and self.covered[j]:
                # "las comunidades de Y, X y Z": the list goes on after the known place
                end = self._covered_end(j)
                if end is not None:
                    run = self._next_in_list(end, settled=settled)
            if run is not None and (key in self.rare_cues or bearing) and not self._rare(*run):
                # "near the Town Hall", "residents of Main Street", "north of Interstate 95":
                # these words take places the gazetteer lacks, but facilities, streets and
                # organisations too; a village's name is a rare word
                run = None
            listed = 0
            group = run[0] if run is not None else -1
            soft = key in self.rare_cues or bearing
            while run is not None and listed < config.GEOPARSE_APPROX_MAX_LIST:
                out.append((*run, self.key(*run), group))
                (rare if soft else firm).add(self.key(*run))
                if key in self.residents:
                    by_residents.add((run[0], run[1]))
                listed += 1
                run = self._next_in_list(run[1], settled=settled)
        after = self.after
        for i in [i for i in range(1, n) if keys[i] in after]:
            if cap[i] or join[i - 1] == 0:
                continue
            run = self._run_before(i - 1)
            if run is not None:
                out.append((*run, self.key(*run), run[0]))
        # "Chitral district", "Ikeja LGA", "X, Y and Z counties": a unit's noun after a rare
        # name (a plural noun after a list of them)
        unit_cues = self.unit_cues
        for i in [i for i in range(1, n) if keys[i] in unit_cues]:
            if (
                join[i - 1] == 0
                or toks.script[i - 1] != "latin"
                or (cap[i] and not self.text[toks.starts[i] : toks.ends[i]].isupper())
                or self.covered[i - 1]
            ):
                continue
            run = self._run_before(i - 1)
            if run is None or not self._rare(*run) or self._no_unit_name(run[0], i):
                continue
            members = [(*run, self.key(*run), run[0])]
            if keys[i].endswith("s"):
                members += self._listed_before(run[0])
            out.extend(members)
            rare.update(key for _, _, key, _ in members)
        # "the X forest", "the X hills": a feature's noun after a rare name (left out)
        features = self.w["feature_after"] if config.GEOPARSE_APPROX_FEATURE_AFTER else ()
        for i in [i for i in range(1, n) if keys[i] in features]:
            if cap[i] or join[i - 1] == 0 or toks.script[i - 1] != "latin" or self.covered[i - 1]:
                continue
            run = self._run_before(i - 1)
            if run is None or not self._rare(*run) or self._no_unit_name(run[0], i):
                continue
            out.append((*run, self.key(*run), run[0]))
            rare.add(self.key(*run))
        # "X, a farming village", "X, 20 km north of Y": the whole run of capitalised words
        # before the comma
        for b in [b for b in range(n - 1) if cap[b] and join[b] == 0]:
            if self.text[toks.ends[b] : toks.starts[b + 1]].strip() != ",":
                continue
            run = self._run_before(b)
            if run is None:
                dateline = self._dateline_before(b)
                if dateline is not None and self._region_after_comma(*dateline):
                    # "EL QUELAMBÍ, Cauca.": a dateline's town in capitals
                    out.append((*dateline, self.key(*dateline), dateline[0]))
                    rare.add(self.key(*dateline))
                continue
            if self._apposed_noun(b + 1) or _relative_cue(toks, b, first_of, self.w):
                out.append((*run, self.key(*run), run[0]))
            elif config.GEOPARSE_APPROX_REGION_AFTER_COMMA and self._region_after_comma(*run):
                out.append((*run, self.key(*run), run[0]))
                rare.add(self.key(*run))
        if config.GEOPARSE_APPROX_ROUTE_ENDS:
            out += self._route_ends()
        self.rare_only = rare - firm - {key for _, _, key, _ in out if key not in rare}
        self.residents_only = {self.key(a, b) for a, b in by_residents} - {
            key for a, b, key, _ in out if (a, b) not in by_residents
        }
        if config.GEOPARSE_APPROX_WEAK:
            weak = self._weak_names()
            if config.GEOPARSE_APPROX_AR_LISTED_TOWNS:
                weak += self._arabic_listed_after_towns()
            if config.GEOPARSE_APPROX_AR_AFTER_PREPOSITIONS:
                weak += self._arabic_after_prepositions()
            strong = {key for _, _, key, _ in out}
            self.weak_only = {key for _, _, key, _ in weak} - strong
            self.residents_only -= self.weak_only
            out.extend(weak)
        return sorted(set(out))

    def _route_ends(self) -> list[tuple[int, int, str, int]]:
        """The towns of a road named by its ends after a road's noun ("l'axe X-Y", "la route
        X-Y-Z", the pack's ``route_heads``) that no mention covers, when a mention covers
        another of its parts (a known town: the words joined by hyphens are the road's
        towns, not one hyphenated name)."""
        toks = self.toks
        heads = self.w.get("route_heads", frozenset())
        n = len(toks)
        out: list[tuple[int, int, str, int]] = []
        for i in range(n - 2):
            if toks.keys[i] not in heads or toks.cap[i] or toks.join[i] == 0:
                continue
            parts = [i + 1]
            while (
                len(parts) < config.GEOPARSE_APPROX_ROUTE_MAX_PARTS
                and parts[-1] + 1 < n
                and route_link(self.text, toks, parts[-1])
            ):
                parts.append(parts[-1] + 1)
            if len(parts) < 2 or not all(toks.cap[k] for k in parts):
                continue
            if not any(self.covered[k] for k in parts):
                continue
            out += [
                (k, k, self.key(k, k), parts[0])
                for k in parts
                if not self.covered[k] and not self.blocked[k] and self._rare(k, k)
            ]
        return out

    def _weak_names(self) -> list[tuple[int, int, str, int]]:
        """Names after a weak cue, a locative preposition ("in X", "à X", "en X", "в X") or
        a word meaning near, and the names listed after them or after a known place they
        introduce ("in Y, X and Z"): kept when every word of the name is rare
        (:meth:`_weak_ok`); an anchor must place them still."""
        toks = self.toks
        keys, cap, join = toks.keys, toks.cap, toks.join
        n = len(keys)
        out: list[tuple[int, int, str, int]] = []
        # a word of neither list ends its turn below at once
        weak_or_of = self.weak | self.w.of_words
        for i in [i for i in range(n - 1) if keys[i] in weak_or_of]:
            if (
                not (
                    keys[i] in self.weak
                    or (
                        keys[i] in self.w.of_words
                        and self._sentence_lang(i) in config.GEOPARSE_APPROX_WEAK_OF_LANGS
                        and i > 0
                        and join[i - 1] != 0
                        and not cap[i - 1]
                        and keys[i - 1] not in self.w["stopwords"]
                    )
                )
                or join[i] == 0
                or toks.script[i] == "arabic"
                or (cap[i] and not toks.initial[i])
            ):
                continue
            j = i + 1
            if self.covered[j]:
                # "in Y, X and Z": the list goes on after the known place
                while j + 1 < n and self.covered[j + 1]:
                    j += 1
                run = self._next_in_list(j)
            else:
                run = self._cased_name(j, toks.sentence[i])
            # the lists of weak cues apart from those of strong ones
            group = n + run[0] if run is not None else -1
            listed = 0
            while run is not None and listed < config.GEOPARSE_APPROX_MAX_LIST:
                if self._weak_ok(*run):
                    out.append((*run, self.key(*run), group))
                listed += 1
                run = self._next_in_list(run[1])
        return out

    def _arabic_listed_after_towns(self) -> list[tuple[int, int, str, int]]:
        """Arabic names listed after a town the gazetteer has ("قرب سرمدا وأطمة", "حرض
        وحيران"): a weak cue, as "in Y, X and Z" is in cased text. Each listed word must be
        rarer than ``GEOPARSE_APPROX_WEAK_MAX_ZIPF`` and no pronoun-suffixed form of a
        frequent word ("وريفها": and its countryside)."""
        toks = self.toks
        out: list[tuple[int, int, str, int]] = []
        for a, m in sorted(self.first_of.items()):
            if toks.script[a] != "arabic" or m.place.kind != "city" or not _usable(m):
                continue
            out += self._arabic_list_after(
                _last_token(toks, m),
                a,
                steps=config.GEOPARSE_APPROX_MAX_LIST,
                accept=lambda j: (
                    toks.keys[j].startswith(_AR_CONJUNCTIONS[0])
                    and self._rare_arabic(j)
                    and self._arabic_list_goes_on(j)
                ),
            )
        return out

    def _arabic_after_prepositions(self) -> list[tuple[int, int, str, int]]:
        """Arabic names after a preposition of place written apart ("في X", "نحو X", "قرب
        X": the pack's ``place_prepositions``, ``near`` and ``place_cues``, not the
        settlement nouns nor ``weak_prepositions_not``) and the names listed after them ("في
        X وY"): a weak cue, as "in X" is in cased text. Each word must be rarer than
        ``GEOPARSE_APPROX_WEAK_MAX_ZIPF`` (:meth:`_rare_arabic`) and end a clause or go on a
        list (:meth:`_arabic_list_goes_on`)."""
        toks = self.toks
        keys = toks.keys
        cues = self.w.union("place_prepositions", "near", "place_cues") - self.w.union(
            "settlement_before", "weak_prepositions_not"
        )
        out: list[tuple[int, int, str, int]] = []
        for i in range(len(toks) - 1):
            if toks.script[i] != "arabic" or keys[i] not in cues or toks.join[i] == 0:
                continue
            j = i + 1
            run = self._arabic_name(j)
            if (
                run is None
                or toks.sentence[j] != toks.sentence[i]
                # (a word of three letters is as often a root or an abbreviation)
                or len(self.key(*run)) < config.GEOPARSE_APPROX_AR_WEAK_MIN_LETTERS
                or not all(self._rare_arabic(k) for k in range(run[0], run[1] + 1))
                or not self._arabic_list_goes_on(run[1])
            ):
                continue
            out.append((*run, self.key(*run), run[0]))
            out += self._arabic_list_after(
                run[1],
                run[0],
                steps=config.GEOPARSE_APPROX_MAX_LIST - 1,
                accept=lambda k: (
                    keys[k].startswith(_AR_CONJUNCTIONS[0])
                    and self._rare_arabic(k)
                    and self._arabic_list_goes_on(k)
                ),
            )
        return out

    def _arabic_list_after(
        self,
        last: int,
        group: int,
        *,
        steps: int,
        accept: Callable[[int], bool] | None = None,
    ) -> list[tuple[int, int, str, int]]:
        """The unknown names listed with و after token ``last``, at most ``steps`` items
        (a name the gazetteer has goes on the list too, "قرى X وحلب وY": past it); the list
        ends at the first unknown name ``accept`` refuses, whose trimming is undone."""
        out: list[tuple[int, int, str, int]] = []
        for _ in range(steps):
            trimmed = dict(self.trim) if accept is not None else None
            nxt = self._arabic_listed(last)
            if nxt is None:
                nxt = self._listed_mention(last)
                if nxt is None:
                    break
            elif accept is not None and not accept(nxt):
                if trimmed is not None:
                    self.trim = trimmed  # (a strong cue may have trimmed it already)
                break
            else:
                run = self._arabic_name(nxt)
                end = run[1] if run is not None else nxt
                out.append((nxt, end, self.key(nxt, end), group))
                nxt = end
            last = nxt
        return out

    def _arabic_list_goes_on(self, j: int) -> bool:
        """Whether a listed Arabic name at token ``j`` ends a clause or goes on the list:
        punctuation or the sentence's end after it, another "وY", or a particle or a word
        of place ("في", "نحو", "قرب"); a verb glued to "و" takes an object instead ("ودهمت
        منازل": and raided houses)."""
        toks = self.toks
        k = j + 1
        if k >= len(toks) or toks.sentence[k] != toks.sentence[j]:
            return True
        if self.text[toks.ends[j] : toks.starts[k]].strip():
            return True
        key = toks.keys[k]
        return key.startswith(_AR_CONJUNCTIONS[0]) or key in self.w.union(
            "stopwords", "place_prepositions", "near", "place_cues"
        )

    def _rare_arabic(self, j: int) -> bool:
        """Whether the Arabic word at token ``j`` (its glued و left out) is rare enough for
        a name only a list makes a place, and no frequent word with a pronoun suffix."""
        key = self.toks.keys[j][self.trim.get(j, 0) :]
        limit = config.GEOPARSE_APPROX_WEAK_MAX_ZIPF
        if word_frequency(key, ("ar",)) >= limit:
            return False
        for affix in self.w["verb_affixes"]:
            prefix, _, suffix = affix.rpartition("_")
            if key.startswith(prefix) and key.endswith(suffix):
                return False  # "يعتدون" (they attack), "هاجموا" (they attacked)
        if key.endswith("ات") and word_frequency(key[:-2] + "ة", ("ar",)) >= limit:
            return False  # "مداهمات": the plural of a frequent noun (a raid)
        bare = key[2:] if key.startswith("ال") else key
        for ending in _AR_SOUND_ENDINGS:
            stem = bare[: -len(ending)]
            # (stems of four letters at least: "حطين", "بيسان" are names)
            if bare.endswith(ending) and len(stem) >= 4:
                forms = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)
                if any(word_frequency(f, ("ar",)) >= limit for f in forms):
                    return False  # "صيادين", "المنطقتين": a plural or dual of a frequent noun
        for suffix in self.w["pronoun_suffixes"]:
            stem = key[: -len(suffix)]
            if key.endswith(suffix) and len(stem) >= 2:
                for form in (stem, stem[:-1] + "ة" if stem.endswith("ت") else stem):
                    if word_frequency(form, ("ar",)) >= limit:
                        return False
        return True

    def _weak_ok(self, a: int, b: int) -> bool:
        """Whether a name that only a weak cue makes a place may be a village's: every
        capitalised word of it rare in the document's languages, none a given name, a
        surname, a title or a demonym, no water noun at its end."""
        toks = self.toks
        keys = toks.keys
        if keys[b] in self.w["water"] or keys[b] in self.units:
            return False
        if "." in self.text[toks.starts[a] : toks.ends[b]]:
            return False
        langs = self.w.langs
        # "hacia La X y Y": a capitalised article inside a sentence begins a proper name,
        # whatever the word after it means; not a plural ("Los Xs": a gang, a family)
        headed = (
            config.GEOPARSE_APPROX_WEAK_ARTICLE_HEAD
            and b == a + 1
            and not toks.initial[a]
            and keys[a] in self.w["name_articles"]
            and not keys[a].endswith("s")
            and not keys[b].endswith("s")
        )
        for j in range(a, b + 1):
            if not toks.cap[j] or (headed and j == a):
                continue
            key = keys[j]
            if (
                config.GEOPARSE_APPROX_CAPITAL_ARTICLE
                and j < b
                and toks.hyphen_after[j]
                and key in self.w["arabic_articles"]
            ):
                continue  # "Al-X", "El-X": the article of an Arabic name, not a given name
            if key in self.people or key in self.common:
                return False
            word = self.text[toks.starts[j] : toks.ends[j]]
            if len(word) < 2:
                return False  # "U. N.", "J. Smith": an initial
            if _ODD_SHAPE.search(word) or word.isupper():
                return False  # "U.N", "A14", "DeepState", "IDPs", "NATO": no village's name
            if toks.script[j] == "cyrillic" and (
                _SLAVIC_ADJECTIVE.search(key) or key.endswith(_SLAVIC_ADJECTIVE_CASES)
            ):
                return False  # "Чуйской", "Ладозьке": an adjective (of a unit, a lake)
            if not headed and word_frequency(key, langs) >= config.GEOPARSE_APPROX_WEAK_MAX_ZIPF:
                return False
            if toks.script[j] == "cyrillic":
                base = _base_form(key, self._lang(j))
                if base and (
                    base in self.people
                    or word_frequency(base, langs) >= config.GEOPARSE_APPROX_WEAK_MAX_ZIPF
                ):
                    return False
        return True

    def cue_before(self, a: int) -> bool:
        """Whether a cue word or "of" comes just before token ``a`` ("in X", "of X", "de
        X", "village of X")."""
        k = a - 1
        if k < 0 or self.toks.join[k] == 0:
            return False
        key = self.toks.keys[k]
        return key in self.weak or key in self.before or key in self.w.of_words

    def _after_name(self, a: int) -> bool:
        """Whether token ``a`` follows a capitalised word of a name ("Firstname X"), not a
        capitalised small word ("In X") or another sentence."""
        toks = self.toks
        k = a - 1
        return (
            k >= 0
            and toks.join[k] != 0
            and toks.cap[k]
            and toks.sentence[k] == toks.sentence[a]
            and toks.keys[k] not in self.common
            and toks.keys[k] not in self.weak
        )

    def _past_links(self, j: int) -> int:
        """The token after the small words between a cue and a name ("of", "de la")."""
        toks = self.toks
        links = 0
        while (
            j < len(toks)
            and not toks.cap[j]
            and toks.keys[j] in self.links
            and toks.join[j] != 0
            and not (toks.hyphen_after[j] and toks.keys[j] in self.w["arabic_articles"])
            and links < config.GEOPARSE_APPROX_MAX_LINKS
        ):
            j += 1
            links += 1
        return j

    def _next_in_list(self, b: int, *, settled: bool = False) -> tuple[int, int] | None:
        """The next name of a list after the name ending at ``b`` (", Y", " and Y", ", and
        de Y"), skipping names that are mentions already (``settled``: see
        :meth:`_cased_name`)."""
        toks = self.toks
        n = len(toks)
        while True:
            j = b + 1
            if j >= n or toks.sentence[j] != toks.sentence[b]:
                return None
            if toks.join[b] == 0:
                if self.text[toks.ends[b] : toks.starts[j]].strip() != ",":
                    return None
                if toks.keys[j] in self.w["after_list"]:
                    j += 1
            elif toks.keys[j] in self.w["after_list"]:
                j += 1
            else:
                return None
            j = self._past_links(j)
            if j < n and self.covered[j]:
                # a known place in the list: the list goes on after it
                while j + 1 < n and self.covered[j + 1]:
                    j += 1
                b = j
                continue
            return self._cased_name(j, toks.sentence[b], settled=settled)

    def listed_after_place(self, a: int, ends: Collection[int]) -> bool:
        """Whether the name starting at token ``a`` follows a place in a list of its
        sentence ("X and Y", "X, Y"): a mention, or a name of the document's cued names
        ending at a token of ``ends``."""
        toks = self.toks
        j = a - 1
        if j < 1:
            return False
        if toks.keys[j] in self.w["after_list"] and not toks.cap[j] and toks.join[j] != 0:
            j -= 1  # "X and Y"
        elif self.text[toks.ends[j] : toks.starts[a]].strip() != ",":
            return False
        return toks.sentence[j] == toks.sentence[a] and (self.covered[j] or j in ends)

    def _listed_before(self, a: int) -> list[tuple[int, int, str, int]]:
        """The rare names of the list that ends with the name starting at token ``a`` ("X, Y
        and [Z] counties"), past the names that are mentions already; their group is ``a``'s."""
        toks = self.toks
        out: list[tuple[int, int, str, int]] = []
        first = a
        while len(out) < config.GEOPARSE_APPROX_MAX_LIST:
            b = a - 1
            if b < 1 or toks.sentence[b] != toks.sentence[first]:
                break
            if toks.keys[b] in self.w["after_list"] and not toks.cap[b] and toks.join[b] != 0:
                b -= 1  # "Y and Z", "Y, and Z"
            elif self.text[toks.ends[b] : toks.starts[a]].strip() != ",":
                break
            if self.covered[b]:
                # a known place in the list: the list goes on before it
                while b > 0 and self.covered[b - 1] and toks.join[b - 1] != 0:
                    b -= 1
                a = b
                continue
            run = self._run_before(b)
            if run is None or not self._rare(*run):
                break
            out.append((*run, self.key(*run), first))
            a = run[0]
        return out

    def _run_before(self, b: int) -> tuple[int, int] | None:
        """The run of capitalised words that ends at token ``b``, if it may be a name;
        across the lower-case links of a name ("El Plan de los Pinos", with
        GEOPARSE_APPROX_INNER_LINKS)."""
        toks = self.toks
        cap, join = toks.cap, toks.join
        if not cap[b] or toks.script[b] == "arabic":
            return None
        a = b
        while (
            a > 0
            and b - a + 1 < config.GEOPARSE_APPROX_MAX_TOKENS
            and join[a - 1] != 0
            and cap[a - 1]
            and not self.blocked[a - 1]
        ):
            a -= 1
        if config.GEOPARSE_APPROX_INNER_LINKS:
            longer = self._run_across_links(a, b)
            if longer is not None:
                # (not its tail alone: "San Juan los Olivos" is no "Olivos")
                return self._run_from(longer, b)
        return self._run_from(a, b)

    def _run_across_links(self, a: int, b: int) -> int | None:
        """The first token of the capitalised run ending at ``b`` that begins at ``a`` once
        extended back across lower-case links inside a name (the packs' "of" words and
        ``name_articles``, two at most between capitalised words), or None when there are
        none."""
        toks = self.toks
        cap, join, keys = toks.cap, toks.join, toks.keys
        links = self.w.of_words | self.w["name_articles"]
        start = a
        while a > 0 and b - a + 1 < config.GEOPARSE_APPROX_MAX_TOKENS and join[a - 1] != 0:
            k = a - 1
            while k > 0 and a - k <= 2 and not cap[k] and keys[k] in links and join[k - 1] != 0:
                k -= 1
            if k == a - 1 or not cap[k] or self.blocked[k]:
                break
            a = k
            while a > 0 and join[a - 1] != 0 and cap[a - 1] and not self.blocked[a - 1]:
                a -= 1
        return a if a < start else None

    def _run_from(self, a: int, b: int) -> tuple[int, int] | None:
        toks = self.toks
        cap, join = toks.cap, toks.join
        if a > 0 and join[a - 1] != 0 and cap[a - 1]:
            return None  # longer than a village's name: a named thing
        # "In Sarunga district", "The Mbarota LGA": a function word capitalised at a
        # sentence's start is no word of the name ("Las Palmas", "Al Qaim" keep theirs; "An"
        # is the English article more often than an Arabic one)
        w = self.w
        keys = toks.keys
        kept = w["name_articles"] | (w["arabic_articles"] - w["articles"])
        while a < b and keys[a] in w["stopwords"] and keys[a] not in kept:
            a += 1
        if not self._name_ok(a, b) or (toks.initial[a] and a == b and toks.keys[a] in self.common):
            return None
        return a, b

    def _no_unit_name(self, a: int, i: int) -> bool:
        """Whether the name that begins at token ``a``, before the unit noun at token ``i``,
        is no unit's: after an indefinite article an adjective ("a Catholic district
        official"), before the unit noun and an office's noun a person's ("Mbarota LGA
        chairman")."""
        toks = self.toks
        keys = toks.keys
        before = a - 1
        if before >= 0 and toks.join[before] != 0 and keys[before] in self.w["indefinite_articles"]:
            return True
        return i + 1 < len(toks) and toks.join[i] != 0 and keys[i + 1] in self.w["office_nouns"]

    def _apposed_noun(self, j: int) -> bool:
        """Whether a settlement noun comes within a few lower-case words from token ``j``
        ("a village", "un petit village", "a fishing hamlet", "una comunidad de")."""
        toks = self.toks
        nouns = self.w.union("settlement_before", "settlement_after", "settlement_of")
        if j >= len(toks) or not (toks.keys[j] in nouns or toks.keys[j] in self.w["articles"]):
            return False
        for k in range(j, min(len(toks), j + config.GEOPARSE_APPROX_APPOSED_WORDS + 1)):
            if toks.cap[k] or toks.sentence[k] != toks.sentence[j]:
                return False
            if toks.keys[k] in nouns:
                return True
            if toks.join[k] == 0 or toks.keys[k] in self.w.of_words:
                return False  # "une habitante du quartier de": the person's apposition
        return False

    def _cased_name(
        self, j: int, sentence: int, *, settled: bool = False
    ) -> tuple[int, int] | None:
        """The run of a capitalised name at token ``j`` of ``sentence``, or None. After a
        settlement noun (``settled``) a name of two words or more may be made of common words
        when its first word begins place names (the pack's ``name_heads``, ``name_articles``:
        "Puerto Nuevo", "La Libertad")."""
        toks = self.toks
        keys, cap, join = toks.keys, toks.cap, toks.join
        n = len(keys)
        if (
            j + 1 < n
            and not cap[j]
            and keys[j] in self.w["arabic_articles"]
            and toks.hyphen_after[j]
            and cap[j + 1]
        ):
            j0 = j  # "al-Qasimiya": the article belongs to the name
            j += 1
        else:
            j0 = j
        if j >= n or not cap[j] or toks.script[j] == "arabic" or toks.sentence[j] != sentence:
            return None
        b = j
        while b + 1 < n and b - j + 1 < config.GEOPARSE_APPROX_MAX_TOKENS and join[b] != 0:
            if cap[b + 1] and not self.blocked[b + 1] and not self.covered[b + 1]:
                b += 1
            elif settled and (inner := self._inner_of(b)) is not None:
                b = inner
            elif (
                keys[b + 1] in self.name_links
                and b + 2 < n
                and join[b + 1] != 0
                and cap[b + 2]
                and not self.blocked[b + 2]
                and not self.covered[b + 2]
                and b + 2 - j + 1 <= config.GEOPARSE_APPROX_MAX_TOKENS
            ):
                b += 2
            else:
                break
        if not self._name_ok(j0, b, settled=settled) or not self._ends_well(b, settled=settled):
            return None
        return j0, b

    def _inner_of(self, b: int) -> int | None:
        """The last token of "de X", "del X", "de la X" after token ``b`` when it goes on a
        name after a settlement noun ("Mesa de San Rafael", "San Miguel del Ene"): X one or
        two capitalised words that no mention covers, else None."""
        if not config.GEOPARSE_APPROX_SETTLED_OF:
            return None
        toks = self.toks
        keys, cap, join = toks.keys, toks.cap, toks.join
        n = len(keys)
        k = b + 1
        if k >= n or cap[k] or keys[k] not in self.w.of_words or join[k] == 0:
            return None
        k += 1
        if k < n and not cap[k] and keys[k] in self.w["name_articles"] and join[k] != 0:
            k += 1
        if k >= n or toks.sentence[k] != toks.sentence[b]:
            return None
        if not cap[k] or self.blocked[k] or self.covered[k]:
            return None
        if k + 1 < n and join[k] != 0 and cap[k + 1] and not self.covered[k + 1]:
            return k + 1
        return None if keys[k] in self.not_names else k

    def _rare(self, a: int, b: int) -> bool:
        """Whether the name at ``a..b`` has a word that is rare in the document's languages
        ("Pont-Lavaud": not "Town Hall") and ends in no water noun ("X River")."""
        keys = self.toks.keys
        return keys[b] not in self.w["water"] and any(
            word_frequency(keys[j], self.w.langs) < config.GEOPARSE_APPROX_NEAR_MAX_ZIPF
            for j in range(a, b + 1)
        )

    def _ends_well(self, b: int, *, settled: bool = False) -> bool:
        """Whether the name ending at token ``b`` ends there: not before a named thing's noun
        ("X Council"), a possessive ("St. Andrew's"), a known name ("в селе Петровых
        Ивановка": the cue is the known name's) or a connector and more of the name ("Bureau
        du Plateau", "Tell al Hawa")."""
        toks = self.toks
        n = len(toks)
        if self.text[toks.ends[b] : toks.ends[b] + 2] in _POSSESSIVES:
            return False
        if b + 1 < n and any(ch.isdigit() for ch in toks.keys[b + 1]):
            return False  # "Route 9", "Interstate 95": a road
        if b + 1 < n and toks.join[b] != 0:
            nxt = toks.keys[b + 1]
            known = self.first_of.get(b + 1)
            if nxt in self.w["org_tails"] or (
                # "в деревне X Вологодской области": the region is the village's
                known is not None and known.place.kind != "region"
            ):
                return False
            # "Bureau du Plateau", "Tell al Hawa": a longer name than the run read
            if (
                (nxt in self.w.of_words or nxt in self.name_links)
                and nxt not in self.w["after_list"]
                and b + 2 < n
                and toks.join[b + 1] != 0
                and toks.cap[b + 2]
                # "la vereda X de Tumaco": X of the known town after it
                and not (settled and config.GEOPARSE_APPROX_SETTLED_OF and self._town_at(b + 2))
            ):
                return False
        return True

    def _dateline_before(self, b: int) -> tuple[int, int] | None:
        """The run of words in capitals that begins a line and ends at token ``b`` (a
        dateline's town, "SAN JOSÉ DEL QUELAMBÍ,"), at most GEOPARSE_APPROX_MAX_TOKENS words
        that no mention covers; None otherwise."""
        if not config.GEOPARSE_APPROX_REGION_AFTER_COMMA:
            return None
        toks = self.toks
        text = self.text
        a = b
        while True:
            word = text[toks.starts[a] : toks.ends[a]]
            if not word.isupper() or self.blocked[a] or self.covered[a]:
                return None
            line_start = text.rfind("\n", 0, toks.starts[a]) + 1
            if not text[line_start : toks.starts[a]].strip():
                break
            if a == 0 or toks.join[a - 1] == 0 or b - a + 1 >= config.GEOPARSE_APPROX_MAX_TOKENS:
                return None
            a -= 1
        key = toks.joined(a, b - a + 1)
        if key in self.w.phrases or not self._rare(a, b):
            return None  # "ÚLTIMA HORA, Cauca": a heading
        return a, b

    def _region_after_comma(self, a: int, b: int) -> bool:
        """Whether the name at ``a..b`` stands before a comma and a first-level region that
        ends a clause ("X, Nariño.", "en X, Guerrero, y", "X, Gro."): the town's region as
        the press writes it, when the name is no person's (a given name, a surname or a
        title in it) and begins no sentence alone."""
        toks = self.toks
        m = self.first_of.get(b + 1)
        if m is None or m.place.kind != "region" or not _usable(m):
            return False
        end = _last_token(toks, m)
        after = self.text[m.char_end : m.char_end + 3].lstrip()[:1]
        if (
            end + 1 < len(toks)
            and toks.sentence[end + 1] == toks.sentence[b]
            and after not in _CLAUSE_ENDS
        ):
            return False
        if a == b and toks.initial[a]:
            return False
        return not any(toks.keys[j] in self.people for j in range(a, b + 1))

    def _town_at(self, j: int) -> bool:
        """Whether a mention of a town begins at token ``j``."""
        m = self.first_of.get(j)
        return m is not None and m.place.kind == "city"

    def with_unit(self, a: int, b: int) -> tuple[int, bool]:
        """The last token of the mention of the name at ``a..b`` and whether a unit noun is
        written after it ("X district"; not "X and Y districts", whose noun is the list's).
        The noun joins the mention in Cyrillic script (a Slavic adjective needs its noun),
        in Latin script only when :data:`geo.config.GEOPARSE_UNIT_NOUN_SPANS` is on, as it
        does a resolved unit's ("the [Mopti] region")."""
        toks = self.toks
        listed = a > 0 and toks.keys[a - 1] in self.w["after_list"]
        if (
            not listed
            and b + 1 < len(toks)
            and toks.join[b] != 0
            and toks.keys[b + 1] in self.units
            and not self.covered[b + 1]
        ):
            if toks.script[b] != "latin" or config.GEOPARSE_UNIT_NOUN_SPANS:
                return b + 1, True
            return b, True
        return b, False

    def _covered_end(self, j: int) -> int | None:
        """The last token of the mention that begins at token ``j``, None when none does."""
        m = self.first_of.get(j)
        return None if m is None else _last_token(self.toks, m)

    def _arabic_listed(self, b: int) -> int | None:
        """The token of the next name of an Arabic list after the name ending at ``b``: the
        next word of the sentence, after a space or a comma, written with a glued و ("وY")
        or after a comma alone; its و is left out of the name (:attr:`trim`)."""
        toks = self.toks
        j = b + 1
        if j >= len(toks) or toks.sentence[j] != toks.sentence[b]:
            return None
        gap = self.text[toks.ends[b] : toks.starts[j]].strip()
        if gap not in _AR_LIST_GAPS:
            return None
        glued = toks.keys[j].startswith(_AR_CONJUNCTIONS[0])
        if not glued and not gap:
            return None
        if glued:
            self.trim[j] = len(_AR_CONJUNCTIONS[0])
        if self._arabic_name(j) is None:
            self.trim.pop(j, None)
            return None
        return j

    def _listed_mention(self, b: int) -> int | None:
        """The last token of a mention that goes on an Arabic list after the name ending at
        ``b`` (see :meth:`_arabic_listed`), None when none does."""
        toks = self.toks
        j = b + 1
        if j >= len(toks) or toks.sentence[j] != toks.sentence[b] or not self.covered[j]:
            return None
        gap = self.text[toks.ends[b] : toks.starts[j]].strip()
        if gap not in _AR_LIST_GAPS or not (gap or toks.keys[j].startswith(_AR_CONJUNCTIONS[0])):
            return None
        return self._covered_end(j)

    def _arabic_feature(self, i: int) -> tuple[int, int] | None:
        """The run of a natural feature's name that begins with its noun at token ``i`` ("جبل
        X", "وادي X", "نهر X": the noun is part of the name, with its glued particles left
        out, :attr:`feature_trim`), when the gazetteer lacks it: the noun without the article
        (the pack's ``feature_heads``), then a name (a particle such as
        أبو and its word, or one word and an adjective of ``name_adjectives``). The word
        after the noun is a name whatever its frequency when it has the article ("جبل
        الشيخ"); without it, only a word rarer than
        :data:`geo.config.GEOPARSE_APPROX_AR_FEATURE_MAX_ZIPF` ("نهر كبير": a big river)."""
        toks = self.toks
        keys = toks.keys
        heads = self.w["feature_heads"]
        key = keys[i]
        if key not in _glued_heads(self.w):
            return None
        bare = next(
            (
                key[len(p) :]
                for p in _AR_PARTICLE_RUNS
                if key.startswith(p) and key[len(p) :] in heads
            ),
            None,
        )
        if bare is None or bare.startswith("ال"):
            return None
        j = i + 1
        if not self._feature_word(i, j):
            return None
        last = j
        if keys[j] in self.w["name_particles"]:
            if not self._feature_word(j, j + 1):
                return None
            last = j + 1
        if (
            last + 1 < len(keys)
            and toks.join[last] != 0
            and toks.sentence[last + 1] == toks.sentence[last]
            and keys[last + 1] in self.w["name_adjectives"]
            and not self.covered[last + 1]
        ):
            last += 1
        if len(key) > len(bare):
            self.feature_trim[i] = len(key) - len(bare)
        return i, last

    def _cased_list(self, i: int) -> list[tuple[int, int, str, int]]:
        """The names listed after the lower-case plural noun at token ``i`` ("los ríos X, Y
        y Z"), past those the gazetteer has."""
        toks = self.toks
        if toks.cap[i] or toks.join[i] == 0:
            return []
        j = self._past_links(i + 1)
        run = self._cased_name(j, toks.sentence[i])
        if run is None and j < len(toks) and self.covered[j]:
            end = self._covered_end(j)
            run = self._next_in_list(end) if end is not None else None
        out: list[tuple[int, int, str, int]] = []
        group = run[0] if run is not None else -1
        while run is not None and len(out) < config.GEOPARSE_APPROX_MAX_LIST:
            out.append((*run, self.key(*run), group))
            run = self._next_in_list(run[1])
        return out

    def _cased_feature(self, i: int) -> tuple[int, int] | None:
        """The run of a natural feature's name that begins with its lower-case noun at token
        ``i`` in cased text ("río X", "serranía de X", "embalse de X": the pack's
        ``feature_heads``, kept in the span as in uncased text), when the gazetteer lacks the
        name after it: the links after the noun ("de", "del", "de las"), then a capitalised
        name (:meth:`_cased_name`)."""
        toks = self.toks
        if toks.cap[i] or toks.join[i] == 0:
            return None
        run = self._cased_name(self._past_links(i + 1), toks.sentence[i])
        if run is None or toks.keys[run[1]] in self.w.union("water", "natural"):
            return None
        return i, run[1]

    def _feature_word(self, before: int, j: int) -> bool:
        """Whether token ``j``, right after token ``before``, may be a word of a feature's
        name (see :meth:`_arabic_feature`)."""
        toks = self.toks
        if (
            j >= len(toks)
            or toks.join[before] == 0
            or toks.sentence[j] != toks.sentence[before]
            or toks.script[j] != "arabic"
            or self.blocked[j]
            or self.covered[j]
        ):
            return False
        key = toks.keys[j]
        heads = self.w.union("natural", "water", "feature_heads", "settlement_before")
        if (
            len(key) < 3
            or key in self.w["stopwords"]
            or key in self.w["demonyms"]
            or key in self.w["place_prepositions"]
            or key in heads
            or (key.startswith("ال") and key[2:] in heads)
            or any(ch.isdigit() for ch in key)
        ):
            return False
        return (
            key.startswith("ال")
            or key in self.w["name_particles"]
            or (word_frequency(key, ("ar",)) < config.GEOPARSE_APPROX_AR_FEATURE_MAX_ZIPF)
        )

    def _arabic_name(self, j: int, *, named: bool = False) -> tuple[int, int] | None:
        """The run of an Arabic name at token ``j``, or None. A word with the article right
        after a settlement noun (``named``: "قرية الوعرة") may be commoner than a word
        elsewhere (:data:`geo.config.GEOPARSE_APPROX_AR_NAMED_MAX_ZIPF`): the noun in the
        construct state names it, where an indefinite word is an adjective ("قرية صغيرة")."""
        toks = self.toks
        if j >= len(toks) or toks.script[j] != "arabic" or self.blocked[j] or self.covered[j]:
            return None
        key = toks.keys[j][self.trim.get(j, 0) :]
        if key in self.w.union("place_particles", "compound_heads") and self._name_goes_on(j):
            # "قرية أبو X", "مخيم عين X": the particle or the noun and the word after it
            return j, j + 1
        if (
            len(key) < 3
            or key in self.not_names
            or _arabic_cue(key, self.w.union("settlement_before", "region_before", "facility_cues"))
            or key in self.w["place_prepositions"]
            or any(ch.isdigit() for ch in key)
            or word_frequency(key, ("ar",))
            >= (
                config.GEOPARSE_APPROX_AR_NAMED_MAX_ZIPF
                if named
                and key.startswith("ال")
                and not key.endswith(_AR_NISBA)
                and key[2:] not in self.w.union("region_before", "near", "settlement_before")
                else config.GEOPARSE_APPROX_AR_MAX_ZIPF
            )
        ):
            return None
        if named and not key.startswith("ال") and self._article_word_after(j):
            # "بلدة X الـY": a name of two words in the construct state
            return j, j + 1
        return j, j

    def _free_arabic_word_after(self, j: int) -> int | None:
        """The token after token ``j`` when it is an Arabic word of the same sentence, after a
        space, that no filter blocked and no mention covers (else None)."""
        toks = self.toks
        k = j + 1
        if (
            k >= len(toks)
            or toks.join[j] == 0
            or toks.sentence[k] != toks.sentence[j]
            or toks.script[k] != "arabic"
            or self.blocked[k]
            or self.covered[k]
        ):
            return None
        return k

    def _article_word_after(self, j: int) -> bool:
        """Whether the word after token ``j`` is the second word of a name after a
        settlement noun: written with the article, in the same sentence after a space,
        rarer than :data:`geo.config.GEOPARSE_APPROX_AR_NAMED_MAX_ZIPF`, and no common word,
        nisba adjective or participle ("X المحاصرة": the besieged X)."""
        k = self._free_arabic_word_after(j)
        if k is None:
            return False
        key = self.toks.keys[k]
        return (
            key.startswith("ال")
            and not key.startswith(_AR_PARTICIPLE)
            and not key.endswith(_AR_NISBA)
            and key not in self.not_names
            and key not in self.w["name_adjectives"]
            and word_frequency(key, ("ar",)) < config.GEOPARSE_APPROX_AR_NAMED_MAX_ZIPF
        )

    def _name_goes_on(self, j: int) -> bool:
        """Whether the Arabic word after token ``j`` (a particle or a noun that begins a
        village's name) is the rest of the name: a word of the same sentence, after a space,
        that no mention covers and that is no function word, cue or common word."""
        k = self._free_arabic_word_after(j)
        if k is None:
            return False
        key = self.toks.keys[k]
        return (
            len(key) >= 2
            and key not in self.common
            and key not in self.w["place_prepositions"]
            and key not in self.w["demonyms"]
            and not _arabic_cue(
                key, self.w.union("settlement_before", "region_before", "facility_cues")
            )
            and not any(ch.isdigit() for ch in key)
        )

    def _name_ok(self, a: int, b: int, *, settled: bool = False) -> bool:
        toks = self.toks
        keys = toks.keys
        heads = self.w.union("name_heads", "name_articles")
        if any(self.blocked[j] or self.covered[j] for j in range(a, b + 1)):
            return False
        key = toks.joined(a, b - a + 1)
        if key in self.w.phrases or not any(ch.isalpha() for ch in key) or len(key) < 3:
            return False
        if a == b:
            if keys[a] in self.not_names:
                return False
            if keys[a].endswith(_SLAVIC_ADJECTIVE_ENDINGS):
                return False
        elif all(
            keys[j] in self.not_names and keys[j] not in self.given for j in range(a, b + 1)
        ) and not (settled and keys[a] in heads and keys[b] not in self.not_settled):
            return False
        elif keys[a] in self.heads:
            return False  # "Lake Vermont", "Ministry ...", "General ...": no village's name
        # an acronym ("UN", "ПВО") is no village's name nor a word of one
        for j in range(a, b + 1):
            letters = [ch for ch in self.text[toks.starts[j] : toks.ends[j]] if ch.isalpha()]
            if 1 < len(letters) <= 5 and all(ch.isupper() for ch in letters):
                return False
        # "Anna van der Horst": the end of a person's name
        k = a - 1
        while k >= 0 and toks.join[k] != 0 and keys[k] in self.w["name_particles"]:
            k -= 1
        return not (k < a - 1 and k >= 0 and toks.join[k] != 0 and toks.cap[k])

    def key(self, a: int, b: int) -> str:
        """The key of a name: its words' keys, a Slavic word under its dictionary form."""
        toks = self.toks
        if a == b and toks.script[a] == "cyrillic":
            base = _base_form(toks.keys[a], self._lang(a))
            if base:
                return base
        cut = self._cut(a)
        if cut:
            return toks.joined(a, b - a + 1)[cut:]
        return toks.joined(a, b - a + 1)

    def _cut(self, a: int) -> int:
        """Letters left out at the start of token ``a``: the particles of a feature's noun,
        else a glued و."""
        return self.feature_trim.get(a, self.trim.get(a, 0))

    def start(self, a: int) -> int:
        """Where a name that begins at token ``a`` begins in the text (after a glued و)."""
        return self.toks.starts[a] + self._cut(a)

    def display_name(self, a: int, b: int) -> str:
        """The name of the approximate place: as written."""
        return self.text[self.start(a) : self.toks.ends[b]]

    def _sentence_lang(self, j: int) -> str:
        """The language of the sentence of token ``j`` ("und" when unknown)."""
        langs = self.toks.sentence_lang
        s = self.toks.sentence[j]
        return langs[s] if s < len(langs) else "und"

    def _lang(self, j: int) -> str:
        langs = self.toks.sentence_lang
        s = self.toks.sentence[j]
        lang = langs[s] if s < len(langs) else "und"
        if lang not in ("ru", "uk"):
            lang = "uk" if "uk" in self.w.langs else "ru"
        return lang

    def other_occurrences(self, keys: set[str], runs: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """Occurrences of the named keys without the cue (one sense per document)."""
        toks = self.toks
        n = len(toks)
        lengths = sorted({len(k.split()) for k in keys}, reverse=True)
        out: set[tuple[int, int]] = set()
        in_runs = {j for a, b in runs for j in range(a, b + 1)}
        for a in range(n):
            if a in in_runs or self.blocked[a] or self.covered[a]:
                continue
            if toks.script[a] != "arabic" and not toks.cap[a]:
                continue
            for length in lengths:
                b = a + length - 1
                if b >= n or any(toks.join[j] == 0 for j in range(a, b)):
                    continue
                if any(self.blocked[j] or self.covered[j] or j in in_runs for j in range(a, b + 1)):
                    continue
                key = self.key(a, b)
                if key in keys and (b + 1 >= n or not toks.cap[b + 1] or toks.join[b] == 0):
                    if (key in self.weak_only or key in self.rare_only) and self._after_name(a):
                        break  # "Firstname X": a person's surname, not the weakly cued place

                    out.add((a, b))
                    break
        return out


def route_link(text: str, toks: Tokens, j: int) -> bool:
    """Whether word ``j`` joins the next with a hyphen or an en dash and no space, as the
    towns of a road do ("Lyon-Grenoble", "Lyon–Grenoble").

    Examples
    --------
    >>> from geo.geoparse.tokenize import tokenize
    >>> text = "la route Lyon–Grenoble"
    >>> toks = tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())
    >>> route_link(text, toks, 2), route_link(text, toks, 1)
    (True, False)
    """
    if toks.hyphen_after[j]:
        return True
    return text[toks.ends[j] : toks.starts[j + 1]] == "\u2013"


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _base_form(word: str, lang: str) -> str:
    """The dictionary form of a Russian or Ukrainian word ('' without a morphology)."""
    morph = get_pack(lang).morphology
    if morph is None:
        return ""
    forms = morph.base_forms(word)
    return forms[0] if forms else ""


# --------------------------------------------------------------------------- anchors


def _usable(m: Mention) -> bool:
    """Whether a mention may anchor a name: a town or a region, resolved itself."""
    return m.place.kind != "country" and "approximate" not in m.why and not is_water(m.place)


def _adrift(m: Mention) -> bool:
    """Whether the resolver placed a mention far off the document's focus (its ``far`` and
    ``off_focus`` terms): a namesake abroad of a local name, no town to place the names after
    it near ("in Y and X" with Y read as a town of another continent)."""
    return bool(m.why.get("far")) and bool(m.why.get("off_focus"))


def _precision(place: Place) -> int:
    return (
        config.GEOPARSE_APPROX_PRECISION_TOWN
        if place.kind == "city"
        else config.GEOPARSE_APPROX_PRECISION_REGION
    )


def _relative(
    toks: Tokens, b: int, first_of: Mapping[int, Mention], w: Words
) -> tuple[Place, str, float, int] | None:
    """The anchor of "X, 20 km north of Y", "X, 8 km from Y", "X, near Y", "X, north of Y",
    "قرية X شمال حمص": the name ends at token ``b``."""
    found = _relative_at(toks, b, first_of, w)
    return found[0] if found is not None else None


def _relative_cue(toks: Tokens, b: int, first_of: Mapping[int, Mention], w: Words) -> bool:
    """Whether a distance to a place follows the name ending at token ``b`` closely ("X,
    about 20 km north of Y", "X, à environ 8 km de Y"): the text calls it a place."""
    found = _relative_at(toks, b, first_of, w)
    return (
        found is not None and found[1] and found[2] - b <= config.GEOPARSE_APPROX_RELATIVE_LEAD + 1
    )


def _relative_at(
    toks: Tokens, b: int, first_of: Mapping[int, Mention], w: Words
) -> tuple[tuple[Place, str, float, int], bool, int] | None:
    """The relative location after token ``b``: (anchor, whether it gives a distance, the
    token where it starts)."""
    keys = toks.keys
    n = len(keys)
    sentence = toks.sentence[b]
    bearings, units, gap, near = _relative_words(w)
    end = min(n, b + 1 + config.GEOPARSE_APPROX_WINDOW)

    def skip(k: int) -> int:
        steps = 0
        while (
            k < end
            and k not in first_of
            and keys[k] in gap
            and keys[k] not in bearings
            and steps < config.GEOPARSE_APPROX_GAP
        ):
            k += 1
            steps += 1
        return k

    def bearing_at(k: int) -> tuple[float, int] | None:
        """The bearing of the compass words at ``k`` ("north", "north-east", "северо-
        восточнее", "північний схід") and the token after them."""
        if k >= end or keys[k] not in bearings:
            return None
        angles = [bearings[keys[k]]]
        k += 1
        if k < end and keys[k] in bearings and (toks.hyphen_after[k - 1] or toks.join[k - 1]):
            angles.append(bearings[keys[k]])
            k += 1
        x = sum(math.sin(math.radians(a)) for a in angles)
        y = sum(math.cos(math.radians(a)) for a in angles)
        return math.degrees(math.atan2(x, y)) % 360.0, k

    def anchor_at(k: int) -> Mention | None:
        m = first_of.get(k)
        return m if m is not None and _usable(m) else None

    def near_of(m: Mention) -> tuple[Place, str, float, int]:
        return m.place, "near", 0.0, _precision(m.place)

    k = b + 1
    while k < end and toks.sentence[k] == sentence:
        if k in first_of:
            return None  # a place reached without a relative location before it
        distance = _distance_at(toks, k, units)
        if distance is not None:
            km, after = distance
            found = bearing_at(skip(after))
            if found is not None:
                bearing, after = found
                m = anchor_at(skip(after))
                if m is not None:
                    if km > config.GEOPARSE_APPROX_MAX_OFFSET_KM or m.place.kind != "city":
                        return near_of(m), True, k
                    return (m.place, f"offset {bearing:.0f}", km, _precision(m.place)), True, k
            else:
                # "à 8 km de Y", "8 km from Y": no bearing, the place itself
                m = anchor_at(skip(after))
                if m is not None and km <= config.GEOPARSE_APPROX_MAX_OFFSET_KM:
                    return near_of(m), True, k
        found = bearing_at(k)
        if found is not None:
            m = anchor_at(skip(found[1]))
            if m is not None:
                return near_of(m), False, k
        if keys[k] in near:
            m = anchor_at(skip(k + 1))
            if m is not None:
                return near_of(m), False, k
        k += 1
    return None


#: The word lists :func:`_relative_at` reads, per language tuple.
_RELATIVE_WORDS: dict[
    tuple[str, ...], tuple[dict[str, float], dict[str, float], frozenset[str], frozenset[str]]
] = {}


def _relative_words(
    w: Words,
) -> tuple[dict[str, float], dict[str, float], frozenset[str], frozenset[str]]:
    """Bearings, length units, the small words skipped inside a relative location and the
    words meaning near, of the languages of ``w`` (built once per language tuple)."""
    found = _RELATIVE_WORDS.get(w.langs)
    if found is None:
        gap = (
            w["stopwords"] | w["place_prepositions"] | w.of_words | w["determiners"] | w["elisions"]
        )
        found = _RELATIVE_WORDS[w.langs] = (
            _pack_map(w.langs, "bearings"),
            _pack_map(w.langs, "distance_units"),
            gap,
            w["near"] | w["place_cues"],
        )
    return found


def _distance_at(toks: Tokens, k: int, units: Mapping[str, float]) -> tuple[float, int] | None:
    """A length at token ``k`` ("20 km", "20km", "٢٠ كم") in km, and the token after it
    (``units``: metres per unit)."""
    key = toks.keys[k]
    fused = _FUSED_DISTANCE.match(key)
    if fused is not None and fused.group(2) in units:
        return float(fused.group(1).replace(",", ".")) * units[fused.group(2)] / 1000.0, k + 1
    number = _number(key)
    if number is None or k + 1 >= len(toks) or toks.keys[k + 1] not in units:
        return None
    return number * units[toks.keys[k + 1]] / 1000.0, k + 2


def _number(key: str) -> float | None:
    text = key.replace(",", ".")
    try:
        return float(text) if any(ch.isdigit() for ch in text) else None
    except ValueError:
        return None


def _admin(
    toks: Tokens,
    a: int,
    b: int,
    first_of: Mapping[int, Mention],
    last_of: Mapping[int, Mention],
    w: Words,
    *,
    before: bool = True,
) -> tuple[Place, str, float, int] | None:
    """The admin unit named with the name: after it ("X, Y province", "X (Y district)",
    "X, Y"), else, with ``before``, before it in the same sentence ("in Y province, the
    village of X")."""
    keys = toks.keys
    n = len(keys)
    sentence = toks.sentence[a]
    nouns = w.union("region_after", "district_after", "region_before")
    # "X, en zona rural de Y": the town whose countryside the name is in
    areas = nouns | w["area_nouns"]
    limit = config.GEOPARSE_APPROX_ADMIN_TOKENS
    for k in range(b + 1, min(n, b + 1 + limit)):
        if toks.sentence[k] != sentence:
            break
        m = first_of.get(k)
        if m is None or m.place.kind == "country":
            continue  # "in Chad's Salamat province": the unit comes after the country
        if not _usable(m):
            return None
        if m.place.kind == "region":
            if _feature_named(toks, k, w):
                return None  # "la vereda X, sobre el río Y": a river, not the unit Y
            return m.place, "admin", 0.0, config.GEOPARSE_APPROX_PRECISION_REGION
        end = _last_token(toks, m)
        # "X, Y district", "X, municipio de Y": the town the unit is named after; "X, Y": the
        # town itself
        if (
            (end + 1 < n and keys[end + 1] in nouns)
            or any(keys[j] in nouns for j in range(max(b + 1, k - 2), k))
            or (
                any(keys[j] in w["area_nouns"] for j in range(b + 1, k))
                and not any(toks.cap[j] and keys[j] not in areas for j in range(b + 1, k))
            )
            or (k == b + 1 and toks.join[b] == 0)
            or (k == b + 2 and toks.join[b] == 0 and keys[b + 1] in w["place_prepositions"])
        ):
            return m.place, "admin", 0.0, config.GEOPARSE_APPROX_PRECISION_TOWN
        return None
    if not before:
        return None
    for k in range(a - 1, max(-1, a - 1 - limit), -1):
        if toks.sentence[k] != sentence:
            break
        m = last_of.get(k)
        if m is None:
            continue
        first = _first_token(toks, m)
        if _usable(m) and m.place.kind == "region" and not _feature_named(toks, first, w):
            return m.place, "admin", 0.0, config.GEOPARSE_APPROX_PRECISION_REGION
        return None
    return None


def _feature_named(toks: Tokens, k: int, w: Words) -> bool:
    """Whether the name at token ``k`` follows a lower-case noun of a river or a landform
    ("el río Y", "la serranía de Y"), or starts with one: the feature, though the name is
    also a unit's."""
    heads = w.union("water", "feature_heads")
    if not toks.cap[k] and toks.keys[k] in heads:
        return True
    j = k - 1
    if j >= 0 and toks.keys[j] in w.of_words:
        j -= 1
    return j >= 0 and not toks.cap[j] and toks.keys[j] in heads


def _following(
    toks: Tokens,
    b: int,
    mentions: Iterable[Mention],
    capitals: frozenset[str],
    *,
    centre: tuple[float, float, float] | None = None,
) -> tuple[Place, str, float, int] | None:
    """The first town named after the name ending at token ``b`` in its sentence ("la
    vereda X, cerca de la cabecera de Y"), with the conditions of :func:`_preceding`: a
    sentence that names a village the gazetteer lacks and then a town mostly places the one
    in the other."""
    end = toks.ends[b]
    sentence = toks.sentence[b]
    for m in mentions:
        if m.char_start < end:
            continue
        if m.sentence != sentence:
            return None
        if m.place.kind != "city" or not _usable(m) or m.place.id in capitals:
            continue
        if centre is not None and (
            _adrift(m)
            or haversine_km(centre[0], centre[1], m.place.latitude, m.place.longitude) > centre[2]
        ):
            continue
        return m.place, "following", 0.0, config.GEOPARSE_APPROX_PRECISION_TOWN
    return None


def _first_token(toks: Tokens, m: Mention) -> int:
    """The token the mention starts in (after glued particles, "وبحلب", it starts inside
    the word)."""
    return max(bisect.bisect_right(toks.starts, m.char_start) - 1, 0)


def _last_token(toks: Tokens, m: Mention) -> int:
    return bisect.bisect_left(toks.starts, m.char_end) - 1


def _preceding(
    text: str,
    toks: Tokens,
    a: int,
    mentions: Iterable[Mention],
    capitals: frozenset[str],
    *,
    centre: tuple[float, float, float] | None = None,
) -> tuple[Place, str, float, int] | None:
    """The last town named before the name, in its sentence or the few before it, in the
    same paragraph: no capital (named for its government), no approximate place; with
    ``centre`` (the story's median point), none the resolver placed far off the story and
    none farther than GEOPARSE_APPROX_PRECEDING_CENTRE_KM from it."""
    start = toks.starts[a]
    sentence = toks.sentence[a]
    before = [m for m in mentions if m.char_end <= start]
    for m in reversed(before):
        if sentence - m.sentence > config.GEOPARSE_APPROX_BACK_SENTENCES:
            return None
        if PARAGRAPH_BREAK.search(text, m.char_end, start):
            return None
        if m.place.kind != "city" or not _usable(m):
            continue
        if m.place.id in capitals:
            continue
        if centre is not None and (
            _adrift(m)
            or haversine_km(centre[0], centre[1], m.place.latitude, m.place.longitude) > centre[2]
        ):
            continue
        return m.place, "preceding", 0.0, config.GEOPARSE_APPROX_PRECISION_TOWN
    return None


def local_waters(
    text: str,
    mentions: Sequence[Mention],
    *,
    features: Collection[str] = ("river",),
) -> list[Mention]:
    """``mentions`` with each long water body placed at the stretch the story is about.

    A river (or another water feature of ``features``) named in a story is the stretch by
    its towns, as ACLED codes it ("attacks along the river X near Y"), while the gazetteer
    gives one point for all its length. When that point lies farther than
    GEOPARSE_WATER_LOCAL_KM from the town the mention is tied to, the mention keeps the
    water body but takes the town's point (precision 2). The town is the nearest one named
    in the mention's sentence (before or after it), else the last one named in the
    sentences just before it in the same paragraph, else the story's focus; a town the
    resolver placed far off the story anchors nothing, nor does a town of a country that is
    neither the river's nor the one most of the story's towns are in.

    Parameters
    ----------
    text : str
        The document.
    mentions : sequence of Mention
        The resolved mentions, in text order.
    features : collection of str
        The water features moved (the gazetteer's ``feature`` column).

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> def m(name, start, place, sentence=0):
    ...     return Mention(mention=name, char_start=start, char_end=start + len(name),
    ...                    place=place, score=1.0, sentence=sentence, precision=1, doc_id="",
    ...                    why={})
    >>> river = Place(id="r", name="River", kind="region", latitude=10.0, longitude=0.0,
    ...               country_code=None, admin1_code=None, admin1=None, population=0,
    ...               source="", feature="river")
    >>> town = Place(id="t", name="Town", kind="city", latitude=14.0, longitude=0.0,
    ...              country_code="XX", admin1_code=None, admin1=None, population=0,
    ...              source="", feature="populated")
    >>> out = local_waters("Town sits on the River", [m("Town", 0, town), m("River", 17, river)])
    >>> out[1].place.id, out[1].place.latitude, out[1].precision
    ('r@t', 14.0, 2)
    """
    towns = [m for m in mentions if m.place.kind == "city" and _usable(m)]
    if not towns or not any(feature_of_place(m.place) in features for m in mentions):
        return list(mentions)
    centre = _centre(mentions)
    if centre is not None:
        towns = [
            m
            for m in towns
            if not _adrift(m)
            and haversine_km(centre[0], centre[1], m.place.latitude, m.place.longitude)
            <= max(centre[2], config.GEOPARSE_WATER_LOCAL_KM)
        ]
    if not towns:
        return list(mentions)
    focus = _focus(towns, frozenset())
    main_country = collections.Counter(t.place.country_code for t in towns).most_common(1)[0][0]
    out: list[Mention] = []
    for m in mentions:
        if feature_of_place(m.place) not in features:
            out.append(m)
            continue
        # "envoys from X said boats on the river were searched", X a city of a third
        # country (neither the river's nor the story's): named for its people, not its shore.
        anchors = [
            t
            for t in towns
            if not m.place.country_code
            or t.place.country_code in (m.place.country_code, main_country)
        ]
        anchor = _water_anchor(text, m, anchors)
        if anchor is None and focus is not None:
            anchor = focus[0]
        if anchor is None or (
            haversine_km(m.place.latitude, m.place.longitude, anchor.latitude, anchor.longitude)
            <= config.GEOPARSE_WATER_LOCAL_KM
        ):
            out.append(m)
            continue
        place = dataclasses.replace(
            m.place,
            id=f"{m.place.id}@{anchor.id}",
            latitude=anchor.latitude,
            longitude=anchor.longitude,
        )
        why = {**m.why, f"local water at: {anchor.name} ({anchor.id})": 1.0}
        out.append(
            dataclasses.replace(
                m, place=place, why=why, precision=config.GEOPARSE_APPROX_PRECISION_TOWN
            )
        )
    return out


def _water_anchor(text: str, m: Mention, towns: Sequence[Mention]) -> Place | None:
    """The town a water body's mention is tied to: the nearest of its sentence, else the
    last one of the few sentences before it in its paragraph."""
    same = [t for t in towns if t.sentence == m.sentence and t.char_end <= m.char_start] + [
        t for t in towns if t.sentence == m.sentence and t.char_start >= m.char_end
    ]
    if same:
        best = min(
            same,
            key=lambda t: (
                t.char_start - m.char_end
                if t.char_start >= m.char_end
                else m.char_start - t.char_end
            ),
        )
        return best.place
    for t in reversed([t for t in towns if t.char_end <= m.char_start]):
        if m.sentence - t.sentence > config.GEOPARSE_APPROX_BACK_SENTENCES:
            return None
        if PARAGRAPH_BREAK.search(text, t.char_end, m.char_start):
            return None
        return t.place
    return None


def respelled_approximations(mentions: Sequence[Mention], index: Index) -> list[Mention]:
    """``mentions`` with each approximate one whose name is another spelling of a gazetteer
    town of the story's area resolved to that town (ACLED geo_precision 1).

    A name the gazetteer lacks as written may be a town it has with a vowel or consonant
    written double ("Celbur" of "Ceelbuur"): when a cue made it a place, the town of that
    spelling (:func:`_doubled_spellings`) in the countries of the document's resolved places,
    within :data:`geo.config.GEOPARSE_ROMANISED_NEAR_KM` of one of its towns or regions and of the
    anchor, is a better place than a point at the anchor. A name the gazetteer has as
    written, that the resolver turned down, is its town in a country of the story within
    :data:`geo.config.GEOPARSE_APPROX_KNOWN_KM` of the anchor, if there is one (its
    namesakes elsewhere keep the point at the anchor). ``why`` says which:
    ``spelling_of_cued_name`` or ``town_of_cued_name``.
    """
    sure = [m.place for m in mentions if "approximate" not in m.why and "same_name" not in m.why]
    if not sure or not any("approximate" in m.why for m in mentions):
        return list(mentions)
    story = {p.country_code for p in sure if p.country_code}
    countries = story & translit.romanised_countries()
    points = [p for p in sure if p.kind != "country"]
    km = config.GEOPARSE_ROMANISED_NEAR_KM

    def near(place: Place, m: Mention) -> bool:
        how = _anchor_how(m)
        # a name said to lie in a unit or at a distance from a town is that close to its
        # anchor; one only told near other places may be farther off
        most = km if how in _LOOSE_ANCHORS else config.GEOPARSE_APPROX_MAX_OFFSET_KM
        anchor = m.place
        return (
            place.kind == "city"
            and place.country_code in countries
            and haversine_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude)
            < most
            and (
                not points
                or any(
                    haversine_km(place.latitude, place.longitude, q.latitude, q.longitude) < km
                    for q in points
                )
            )
        )

    def nearest(places: list[Place], m: Mention) -> Place:
        # (the namesake nearest the anchor: a name may be a town's in two districts)
        a = m.place
        return min(
            places, key=lambda p: haversine_km(p.latitude, p.longitude, a.latitude, a.longitude)
        )

    chosen: dict[str, tuple[Place, str] | None] = {}
    out: list[Mention] = []
    for m in mentions:
        if "approximate" not in m.why or m.place.kind != "city":
            out.append(m)
            continue
        key = m.place.id.rpartition(":")[2]
        if key not in chosen:
            chosen[key] = None
            # the word as written too, with its transliterations: an inflected form's
            # guessed dictionary form ("Гванду": "гванда") may be another town's name
            written = normalize_name(m.mention)
            known = index.has(key)
            if known or written != key:
                # a town of the name itself near the anchor, in a country of the story (not
                # near another town of the story: a namesake abroad would be)
                most = config.GEOPARSE_APPROX_KNOWN_KM
                own = [
                    c.place
                    for k in dict.fromkeys((key, written))
                    for c in index.candidates(k, variants=k != key)
                    if c.place.kind == "city"
                    and c.place.country_code in story
                    and haversine_km(
                        c.place.latitude, c.place.longitude, m.place.latitude, m.place.longitude
                    )
                    < most
                ]
                if own:
                    chosen[key] = (nearest(own, m), "town_of_cued_name")
            if not known and chosen[key] is None and countries:
                for other in _doubled_spellings(key):
                    found = [
                        p for p in index.gazetteer.lookup(other, normalized=True) if near(p, m)
                    ]
                    if found:
                        chosen[key] = (nearest(found, m), "spelling_of_cued_name")
                        break
        resolved = chosen[key]
        if resolved is None:
            out.append(m)
            continue
        place, how = resolved
        out.append(dataclasses.replace(m, place=place, precision=1, why={how: 1.0}))
    return out


def _anchor_how(m: Mention) -> str:
    """How an approximate mention found its anchor (:func:`_place`'s ``how``: "near",
    "admin"...), from its ``why``."""
    return next(
        (k[len("anchor ") :].partition(":")[0] for k in m.why if k.startswith("anchor ")), ""
    )


def _doubled_spellings(key: str) -> list[str]:
    """The spellings of a Latin key with its doubled letters written once and then with at
    most :data:`geo.config.GEOPARSE_APPROX_MAX_DOUBLED` letters written twice ("celbur":
    "ceelbuur" among them), the key itself left out.

    Examples
    --------
    >>> "ceelbuur" in _doubled_spellings("celbur")
    True
    """
    if not key.isascii():
        return []
    single = _DOUBLED.sub(r"\1", key)
    out = dict.fromkeys([single])
    letters = [i for i, ch in enumerate(single) if ch.isalpha()]
    for n in range(1, config.GEOPARSE_APPROX_MAX_DOUBLED + 1):
        for picked in itertools.combinations(letters, n):
            chars = list(single)
            for i in picked:
                chars[i] *= 2
            out["".join(chars)] = None
    out.pop(key, None)
    return list(out)


#: Anchors found without a unit or distance written beside the name (:func:`_place`'s
#: ``how``): the name may lie up to GEOPARSE_ROMANISED_NEAR_KM from them.
_LOOSE_ANCHORS: Final = frozenset({"near", "preceding", "following", "focus"})

_DOUBLED: Final = re.compile(r"([a-z])\1+")
