"""Choosing the place of each name, and whether a span names a place at all.

One sense per document: all occurrences of a key share a place, except that each occurrence
with a river cue takes the river, and each with a region cue takes the region named after
the town ("la province d'Idlib" and "la ville d'Idlib"). The order:

1. candidates of every key (:mod:`geo.geoparse.candidates`); water bodies set aside; a
   name before a region noun ("Barrow and Walton counties", every name of the list before
   a plural noun) also reaches the regions whose full name carries the noun; a region's
   abbreviation or postal code counts only in apposition ("Paducah, Ky.") or written with
   inner periods ("N.J."), and there it is the region;
2. anchors: names whose reading does not depend on context (a country, a named area, an
   unambiguous town of note); they give the document's country focus and points;
3. two rounds of scoring, of the candidates with the best priors and of those that lie in
   the region named in apposition, in the regions and countries of the anchors or in the
   regions where other names have candidates too (:func:`focus_candidates`): each candidate's
   features (:mod:`geo.geoparse.features`) weighed by the fitted :class:`Model`; the second
   round leans on every place chosen in the first whose name recognition is likely to
   keep (GEOPARSE_CONTEXT_RECOGNISED);
4. recognition: each name is kept when the fitted probability that it names a place, given
   how it is written and how well its place is supported, reaches the threshold; the text
   itself decides for a region's abbreviation that was kept and for a town of the region
   named right after it ("Naples, Florida").

Examples
--------
The fitted weights (``weights.json``) are of known features; a kept name's ``why`` ends with
the probability that recognised it, which reaches the threshold:

>>> from geo.geoparse import get_geoparser
>>> model = Model.load()
>>> set(model.resolve) <= set(RESOLVE_FEATURES), 0.0 < model.threshold < 1.0
(True, True)
>>> [m] = get_geoparser().parse("Des missiles ont frappé Bakou.")
>>> m.place.name, list(m.why)[-1], m.why["recognised"] >= model.threshold
('Baku', 'recognised', True)
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final, NamedTuple

from geo import config
from geo.errors import DataError
from geo.gazetteer import Place, normalize_name
from geo.geoparse.candidates import (
    Index,
    admin_key,
    approx_km,
    feature_of,
    is_region_seat,
    is_water,
)
from geo.geoparse.features import (
    RECOGNISE_FEATURES,
    RESOLVE_FEATURES,
    Context,
    Cooccurrence,
    cooccurrence,
    cooccurrence_features,
    county_paired,
    is_dateline,
    name_features,
    precision_of,
    preposition_before,
    region_cue,
    span_features,
    static_features,
    vote_features,
    voted_area,
    votes,
    water_cue,
)
from geo.geoparse.filters import Words
from geo.geoparse.spans import REGION_OF
from geo.geoparse.tokenize import Tokens
from geo.geoparse.translit import edit_distance
from geo.lang import LANGUAGES, get_pack, word_frequency
from geo.model import Candidate, Mention, Span

__all__ = ["Model", "Trace", "resolve"]


@dataclass(frozen=True)
class Model:
    """Fitted weights of resolution and recognition, and the recognition threshold."""

    resolve: Mapping[str, float]
    recognise: Mapping[str, float]
    threshold: float
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: Terms of ``why`` by feature and value (see :func:`_why_term`), filled as they are
    #: met: most features are flags, and documents share most terms.
    terms: dict[tuple[str, float], tuple[float, str, float] | tuple[()]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def load(cls, path: str | None = None) -> Model:
        """The weights of ``weights.json`` beside this module (or of ``path``)."""
        try:
            if path is None:
                raw = resources.files("geo.geoparse").joinpath("weights.json").read_text("utf-8")
            else:
                with open(path, encoding="utf-8") as fh:
                    raw = fh.read()
            data = json.loads(raw)
        except (OSError, ValueError) as err:
            where = path or "geo/geoparse/weights.json"
            raise DataError(
                f"cannot read the geoparser's weights {where}: {err}; reinstall geo or rerun "
                "scripts/fit_geoparser.py"
            ) from err
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Model:
        """A model from the dict of ``weights.json``; unknown feature names are an error."""
        res = {k: float(v) for k, v in data["resolve"].items()}
        rec = {k: float(v) for k, v in data["recognise"].items()}
        unknown = (set(res) - set(RESOLVE_FEATURES)) | (set(rec) - set(RECOGNISE_FEATURES))
        if unknown:
            raise DataError(f"weights for unknown features: {', '.join(sorted(unknown))}")
        return cls(res, rec, float(data["threshold"]), dict(data.get("meta", {})))

    def score(self, *parts: Mapping[str, float]) -> float:
        """The resolution score of a candidate whose features are split in ``parts``."""
        total = 0.0
        for f in parts:
            total = self.add_score(total, f)
        return total

    def add_score(self, total: float, f: Mapping[str, float]) -> float:
        """``total`` plus the terms of features ``f``, added in their order (so that
        ``add_score(score(a), b) == score(a, b)`` exactly)."""
        weights = self.resolve
        for k, v in f.items():
            w = weights.get(k)
            if w is not None:
                total += w * v
        return total

    def probability(self, g: Mapping[str, float]) -> float:
        weights = self.recognise
        z = sum(weights.get(k, 0.0) * v for k, v in g.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class Trace:
    """What :func:`resolve` computed, for fitting the model (``scripts/fit_geoparser.py``).

    ``candidates`` holds, per key, the spans and each candidate's features of the last
    round; ``spans`` holds, per key, the recognition features and the chosen place;
    ``ruled`` the spans (lists of ``spans``) that the text keeps whatever their recognition
    probability (a country's name, a region's abbreviation kept, "Naples, Florida"): the fit
    leaves them out.
    """

    candidates: list[tuple[list[Span], list[tuple[Place, dict[str, float]]]]] = field(
        default_factory=list
    )
    spans: list[tuple[list[Span], dict[str, float], Place]] = field(default_factory=list)
    ruled: list[list[Span]] = field(default_factory=list)


def resolve(
    text: str,
    toks: Tokens,
    spans: Sequence[Span],
    w: Words,
    index: Index,
    model: Model,
    *,
    doc_id: str = "",
    trace: Trace | None = None,
    off_story: list[Span] | None = None,
) -> list[Mention]:
    """The mentions of a document: each span's place, or no mention when it is no place.

    The spans of names whose best place is a small town far off the story (a namesake of
    a place the gazetteer lacks) give no mention; they are appended to ``off_story``, when
    given, for the approximate stage to place at an anchor.
    """
    by_key: dict[str, list[Span]] = {}
    for span in spans:
        by_key.setdefault(span.key, []).append(span)
    spans_at_all = {s.last: s for s in spans}
    cands: dict[str, tuple[Candidate, ...]] = {}
    waters: dict[str, Place] = {}
    water_only: set[str] = set()
    for key, group in by_key.items():
        if key.endswith(REGION_OF):
            found = index.regions_named(key.removesuffix(REGION_OF))
            if found:
                cands[key] = found
            continue
        found = index.candidates(key)
        caps_only = index.uppercase_only.get(key)
        if caps_only and not all(text[s.start : s.end].isupper() for s in group):
            # a country's abbreviation in capitals ("EAU") written otherwise is another word
            found = tuple(c for c in found if c.place.id not in caps_only)
        # abbreviations and postal codes of regions ("Ky.", "TX", "La.") name the region
        # only in apposition after a town ("Paducah, Ky.", "Austin, TX"), or when written with
        # inner periods ("N.J. officials"), unless they are a person's initials or a date's era
        defined = (
            _defined_short_forms(text, toks, group, spans_at_all, index)
            if any(c.match in _SHORT_FORMS for c in found)
            else frozenset()
        )
        if defined:
            # "New South Wales (NSW)": the text defines the short form as that place, which
            # it names wherever it stands in the text
            found = tuple(c for c in found if c.match in _SHORT_FORMS and c.place.id in defined)
        elif any(c.match in _SHORT_FORMS for c in found) and not all(
            _apposed(text, toks, s, spans_at_all) or _dotted_alone(text, toks, s, w) for s in group
        ):
            found = tuple(c for c in found if c.match not in _SHORT_FORMS)
        elif any(c.match in _SHORT_FORMS for c in found):
            # in apposition the abbreviation is the region's ("Terre Haute, Ind."), not a
            # town that bears the letters as another name
            found = tuple(c for c in found if c.match in _SHORT_FORMS)
        if all(s.region_only for s in group):
            regions = tuple(c for c in found if c.place.kind == "region")
            if not regions and all(s.source == "morph" for s in group):
                regions = index.regions_named(key)
            found = regions
        if not found:
            continue
        land = tuple(c for c in found if not is_water(c.place))
        if len(land) < len(found):
            waters[key] = next(c.place for c in found if is_water(c.place))
            if not land:
                water_only.add(key)
                continue
        cands[key] = land

    # names that carry their own region noun ("Харківській області"), also a district's
    # that is its centre town ("Харкові та Харківському районі"): another name's cue
    # never reaches into them
    district_after = w["district_after"]
    spans_at = frozenset(
        s.first
        for s in spans
        if (
            s.key.endswith(REGION_OF)
            or (s.source == "morph" and (s.region_only or toks.keys[s.last] in district_after))
        )
        and s.last > s.first
    )
    cue_at = {s.first: region_cue(toks, s.first, s.last, w, spans_at, text=text) for s in spans}
    parts = w["part_before"]
    for s in spans if parts else ():
        k = s.first - 1
        if (
            not cue_at[s.first]
            and k >= 0
            and toks.sentence[k] == toks.sentence[s.first]
            and not toks.cap[k]
            and toks.keys[k] in parts
            and _town_and_region(cands.get(s.key, ()))
        ):
            # "upper Amran", "southern Amran": a part of an area; of a name a town and its
            # region bear, softly the region (a metropolis stays the town)
            cue_at[s.first] = 1
    cue_at.update(dict.fromkeys(_listed_before_plural(text, toks, spans, w), 2))
    cue_of = {key: max(cue_at[s.first] for s in group) for key, group in by_key.items()}
    # a name with a region noun after it ("Walton and Barrow counties") may name a region
    # whose full name carries the noun ("Barrow County")
    noun_named: dict[str, frozenset[str]] = {}
    for key, cs in cands.items():
        if cue_of[key] == 2:
            ids = {c.place.id for c in cs}
            named = [
                c for c in index.regions_with_noun(key, w["region_after"]) if c.place.id not in ids
            ]
            if config.GEOPARSE_NOUN_BEFORE_TOKENS:
                # ... or before it, with its preposition and article ("la province du
                # Ziro": the unit whose full name is that phrase)
                have = ids | {c.place.id for c in named}
                named += [
                    c
                    for c in _regions_with_noun_before(by_key[key], toks, w, index)
                    if c.place.id not in have
                ]
            if named:
                cands[key] = tuple(sorted((*cs, *named), key=lambda c: -c.prior))
                noun_named[key] = frozenset(c.place.id for c in named)

    # country names in a language the document is not written in ("Argelia" in English)
    foreign = {key for key in cands if index.foreign_here(key, w.langs)}
    co = cooccurrence(cands)
    # where the names point, state by state: every name in the first round, then only the
    # names that recognition is likely to keep (words that are no places vote at random)
    # (what each name votes for depends on its candidates alone: gathered once)
    voted_areas: dict[str, Any] = {}
    voted = votes(cands, areas_of=voted_areas)
    ctx, anchors = _anchors(cands, by_key, toks, w, index, foreign)
    capitals = index_capitals(index)
    sentences_of = {key: {toks.sentence[s.first] for s in group} for key, group in by_key.items()}
    apposition, apposed_at = _appositions(text, toks, by_key, cands, anchors, w)
    datelines = {
        key
        for key, group in by_key.items()
        if any(is_dateline(text, toks, s.first, s.last) for s in group)
    }
    chosen: dict[str, tuple[Candidate, float, dict[str, float], float]] = {}
    # what scoring a name needs that no round changes: its candidates worth scoring, their
    # static features and the part of the score these give, and their twins
    prepared: dict[
        str,
        tuple[tuple[Candidate, ...], tuple[dict[str, float], ...], list[float], list[Place]],
    ] = {}
    last_scored: dict[str, list[tuple[Place, dict[str, float]]]] = {}

    # a country's name is the country ("Arménie" is not Armenia, Colombia); a name shared by
    # two countries ("Congo") is the one the other places point to
    as_country: list[str] = []
    contested_countries: list[str] = []
    for key, cs in cands.items():
        own_n = len(by_key[key]) if key in anchors else 0
        contested = country_contested(cs, focus=ctx.focus, own_mentions=own_n)
        if contested and cs[0].place.kind == "country" and key not in foreign:
            contested_countries.append(key)
        if (
            key in anchors
            and cs[0].place.kind == "country"
            and key not in foreign
            and not contested
            # nor a town where the other names of the story have candidates too (a country's
            # name that a town of the state of two other names also bears)
            and not _shared_areas(key, [c for c in cs if c.place.kind != "country"], co)
        ):
            as_country.append(key)
            countries = [c for c in cs if c.place.kind == "country"]
            best = countries[0]
            if len(countries) > 1:
                own_n = len(by_key[key])
                best = max(
                    countries,
                    key=lambda c: (
                        ctx.focus.get(c.place.country_code or "", 0)
                        - (own_n if c.place.country_code == cs[0].place.country_code else 0)
                    ),
                )
            chosen[key] = (best, 1.0, {"country_name": 1.0}, math.inf)
    if config.GEOPARSE_COUNTRY_LISTED and contested_countries:
        # a name that a region of the story's country shares with a country ("Niger") is
        # the country when the text lists it with a country's name ("Nigeria, Niger and
        # Chad", or another such name): lists join places of one level
        names = (*as_country, *contested_countries)
        for key in contested_countries:
            others = [s for other in names if other != key for s in by_key[other]]
            if _listed_with(text, by_key[key], others, w) or _country_cued(toks, by_key[key], w):
                best = next(c for c in cands[key] if c.place.kind == "country")
                chosen[key] = (best, 1.0, {"country_listed": 1.0}, math.inf)

    # recognition features of a name given its chosen place (read after the first round,
    # to leave the names that are no places out of the second round's context, and at
    # the end)
    lower_words = {
        k
        for k, cap, script in zip(toks.keys, toks.cap, toks.script, strict=True)
        if not cap and script != "arabic"
    }
    common = w["common"]
    # a name written with its own region or district noun ("Kherson Oblast", "Покровського
    # району") is called a place by the text itself: a full region cue for recognition only
    # (resolution reads the noun through the span)
    nouns = w["region_after"] | w["district_after"]
    own_noun = {
        key
        for key, group in by_key.items()
        if any(toks.keys[j] in nouns for s in group for j in range(s.first + 1, s.last + 1))
    }

    # what recognition reads of a name that no pick changes (how it is written, where it
    # stands), gathered once per name: each name is recognised once or twice per round
    written: dict[str, tuple[int, bool, bool, bool, bool, bool, str, bool, int, bool]] = {}

    def written_as(key: str) -> tuple[int, bool, bool, bool, bool, bool, str, bool, int, bool]:
        found = written.get(key)
        if found is None:
            group = by_key[key]
            found = written[key] = (
                min(s.soft for s in group),
                any(s.last > s.first for s in group),
                any(preposition_before(toks, s.first, w) for s in group),
                key in lower_words,
                key in common,
                all(text[s.start : s.end].isupper() for s in group),
                group[0].source,
                len(key) <= config.GEOPARSE_SHORT_NAME,
                2 if key in own_noun else cue_of[key],
                key in datelines,
            )
        return found

    frequencies: dict[str, float] = {}

    place_names = [fn for lang in w.langs if (fn := get_pack(lang).morph("place_name"))]

    def frequency_of(key: str) -> float:
        found = frequencies.get(key)
        if found is None:
            # a word the language's dictionary reads as a geographical name is frequent as
            # that name ("Кострома"), not as a common word
            named = any(fn(key)[0] for fn in place_names)
            found = frequencies[key] = 0.0 if named else word_frequency(key, w.langs)
        return found

    def recognition(
        key: str, best: Candidate, f: Mapping[str, float], margin: float
    ) -> dict[str, float]:
        return recognition_given(key, best, *_read_by_recognition(f), margin)

    # recognition reads a few flags of the candidate's features: a name whose pick and
    # those flags are the same in both rounds (most names of one candidate) is recognised
    # once, by (key, candidate, flags, margin)
    by_flags: dict[tuple[str, int, bool, bool, bool, bool, float], tuple[dict[str, float], float]]
    by_flags = {}

    def recognition_given(
        key: str,
        best: Candidate,
        supported: bool,
        capital: bool,
        off_focus: bool,
        far: bool,
        margin: float,
    ) -> dict[str, float]:
        soft, multiword, preposition, lower, is_common, all_caps, source, short, cue, dateline = (
            written_as(key)
        )
        seat = _named_as_region(key, best.place)
        return span_features(
            soft=soft,
            multiword=multiword,
            preposition=preposition,
            lower_elsewhere=lower,
            common=is_common,
            all_caps=all_caps,
            source=source,
            short=short,
            best=best,
            supported=supported,
            spread_km=index.spread(key, cands[key]),
            margin=margin if margin != math.inf else config.GEOPARSE_MARGIN_CAP,
            # how common the word is, for names whose best place is a small town ("Council",
            # "Spring"); famous places are frequent words too ("Washington"); uncased scripts:
            # the dictionary scan filters common words itself
            frequency=frequency_of(key)
            if " " not in key
            and source == "caps"
            and best.place.kind == "city"
            and best.prior < config.GEOPARSE_MAJOR_PRIOR
            and not (is_region_seat(best.place) or seat)
            else 0.0,
            cue=cue,
            dateline=dateline,
            surname=key in w["surnames"],
            given_name=key in w["first_names"],
            few_places=len(cands) <= config.GEOPARSE_FEW_PLACES,
            capital=capital,
            seat=seat,
            off_focus=off_focus,
            far=far,
        )

    # recognition features and probability of each name's pick, kept while the pick stands
    # (the second round rescores only some names; the others' recognition is the same)
    recognised: dict[str, tuple[object, dict[str, float], float]] = {}

    def recognise(
        key: str, picked: tuple[Candidate, float, dict[str, float], float]
    ) -> tuple[dict[str, float], float]:
        found = recognised.get(key)
        if found is not None and found[0] is picked:
            return found[1], found[2]
        best, f, margin = _choice(picked)
        flags = _read_by_recognition(f)
        sig = (key, id(best), *flags, margin)
        known = by_flags.get(sig)
        if known is None:
            g = recognition_given(key, best, *flags, margin)
            known = by_flags[sig] = (g, model.probability(g))
        g, p = known
        recognised[key] = (picked, g, p)
        return g, p

    well_known: dict[str, tuple[Candidate, dict[str, float]]] = {}
    ranked: dict[str, list[tuple[float, Candidate, dict[str, float], dict[str, float]]]] = {}
    in_context: frozenset[str] = frozenset()
    # the picks the second round leaned on, to see whether it changed any of them
    leaned_on: dict[str, str] = {}  # name: kind of its pick
    for rnd in range(2 + config.GEOPARSE_EXTRA_ROUNDS):
        # another round only when the last one read a name the context leaned on as a
        # country no more but as a first-level region ("Georgia" the country in the first
        # round, the state in the second: the towns scored before it leaned on the country)
        if rnd >= 2 and not any(
            kind == "country"
            and key in chosen
            and chosen[key][0].place.kind == "region"
            and feature_of(chosen[key][0].place) == "admin1"
            for key, kind in leaned_on.items()
        ):
            break
        if rnd >= 1:
            # a name that recognition will drop ("Art", "Road") is no support for the others
            places = {
                key: picked
                for key, picked in chosen.items()
                if picked[3] == math.inf
                or recognise(key, picked)[1] >= config.GEOPARSE_CONTEXT_RECOGNISED
            }
            ctx = _second_round_context(ctx, places, sentences_of)
            # ... and no place to be far from
            ctx.far_ids = frozenset(
                picked[0].place.id
                for key, picked in places.items()
                if picked[3] == math.inf or recognise(key, picked)[1] >= model.threshold
            )
            # a name left out of that context adds nothing to it to take back
            in_context = frozenset(places)
            leaned_on = {key: picked[0].place.kind for key, picked in places.items()}
            voted = votes({key: cands[key] for key in places if key in cands}, areas_of=voted_areas)
        for key, cs in cands.items():
            if key in chosen and chosen[key][3] == math.inf:
                continue
            if (
                rnd >= 1
                and (key in anchors or key not in chosen)
                and index.spread(key, cs) < config.GEOPARSE_AMBIGUOUS_KM
            ):
                continue
            ready = prepared.get(key)
            if ready is None:
                top, statics = scored_candidates(key, cs, index, capitals)
                apposed_areas = _apposed_areas(apposition.get(key, ()))
                voted_for = voted_area(key, voted)
                extra = focus_candidates(
                    _with_focus_places(key, cs, index, ctx, apposed=apposed_areas, voted=voted_for),
                    top,
                    ctx,
                    apposed=apposed_areas,
                    voted=voted_for,
                    shared=_shared_areas(key, cs, co) if len(top) < len(cs) else None,
                )
                if config.GEOPARSE_COUNTY_PAIRED_EXTRA and len(top) + len(extra) < len(cs):
                    # a town beside its own county named by another name, whatever its prior
                    have = {c.place.id for c in (*top, *extra)}
                    paired = [c for c in county_paired(key, cs, co) if c.place.id not in have]
                    extra = (*extra, *paired[: config.GEOPARSE_FOCUS_EXTRA_CANDIDATES])
                noun = noun_named.get(key)
                if noun:
                    # every region the noun reaches is scored (a name that many counties
                    # bear: the one of the story may be a small one)
                    have = {c.place.id for c in (*top, *extra)}
                    extra = (
                        *extra,
                        *(c for c in cs if c.place.id in noun and c.place.id not in have),
                    )
                if extra:
                    top = (*top, *extra)
                    statics = (*statics, *(static_features(c, top, capitals) for c in extra))
                # the co-occurrence terms depend on this document, the statics are shared
                statics = tuple(
                    {**static, **more} if more else static
                    for static, more in zip(
                        statics, cooccurrence_features(key, top, co), strict=True
                    )
                )
                ready = prepared[key] = (
                    top,
                    statics,
                    [model.score(static) for static in statics],
                    [
                        index.twin(key, c.place, cs) if c.place.kind != "country" else c.place
                        for c in top
                    ],
                )
            top, statics, static_scores, twins = ready
            own: dict[str, float] = {}
            mine = (
                anchors.get(key) if rnd == 0 else (chosen[key][0].place if key in chosen else None)
            )
            if mine is not None and mine.country_code and (rnd == 0 or key in in_context):
                n = float(len(by_key[key]) if rnd == 0 else len(sentences_of[key]))
                own[mine.country_code] = n
                if mine.admin1_code and mine.kind != "country":
                    own[f"{mine.country_code}.{mine.admin1_code}"] = n
            features = name_features(
                top,
                ctx=ctx,
                own=own,
                sentences=sentences_of[key],
                region_cue_level=cue_of[key],
                apposition=apposition.get(key, ()),
                twins=twins,
                foreign=key in foreign,
                dateline=key in datelines,
                noun_regions=noun_named.get(key, frozenset()),
                capitals=capitals,
            )
            for f, more in zip(features, vote_features(key, top, voted), strict=True):
                f.update(more)
            scored = [
                (model.add_score(start, f), c, static, f)
                for c, static, start, f in zip(top, statics, static_scores, features, strict=True)
            ]
            scored.sort(key=_first, reverse=True)  # (stable: ties keep their order)
            best_score = scored[0][0]
            z = sum(math.exp(s - best_score) for s, *_ in scored)
            margin = best_score - scored[1][0] if len(scored) > 1 else config.GEOPARSE_MARGIN_CAP
            _, winner, static, f = scored[0]
            chosen[key] = (winner, 1.0 / z, {**static, **f}, margin)
            # the best-known place of the name, should the context's pick prove no place
            _, famous, famous_static, famous_f = (
                max(scored, key=_prior_of) if len(scored) > 1 else scored[0]
            )
            if famous is not winner and famous.prior >= config.GEOPARSE_MAJOR_PRIOR:
                well_known[key] = (famous, {**famous_static, **famous_f})
            else:
                well_known.pop(key, None)
            ranked[key] = scored
            if trace is not None:
                last_scored[key] = [(c.place, {**st, **cf}) for _, c, st, cf in scored]
    if trace is not None:
        trace.candidates.extend((by_key[key], found) for key, found in last_scored.items())

    # "Aurora, Colo.": a name written with the state it lies in is the place of
    # that state, whatever the rest of the story points to; its other occurrences keep it
    for key, scored in ranked.items():
        areas = _apposed_areas(apposition.get(key, ()))
        if not areas or admin_key(chosen[key][0].place) in areas:
            continue
        better = _best_in_areas(scored, areas)
        if better is not None:
            chosen[key] = (better[1], chosen[key][1], {**better[2], **better[3]}, chosen[key][3])
            well_known.pop(key, None)

    if config.GEOPARSE_FAMOUS_NEAR:
        # "Gaza" in a story of Israel: a famous town near the story's other places beats a
        # namesake far from all of them in a country the document never names
        for key, scored in ranked.items():
            better = _famous_near(key, scored, chosen, capitals)
            if better is not None:
                chosen[key] = (
                    better[1],
                    chosen[key][1],
                    {**better[2], **better[3]},
                    chosen[key][3],
                )
                well_known.pop(key, None)

    if config.GEOPARSE_NAMESAKE_NEAR:
        # "X" in a story of towns of one state, a world city X far off in a country none of
        # the story's places lies in: the town X among the story's places
        for key, scored in ranked.items():
            if chosen[key][3] == math.inf:
                continue
            better = _namesake_near(key, scored, chosen, capitals)
            if better is not None:
                famous, famous_f = chosen[key][0], chosen[key][2]
                chosen[key] = (
                    better[1],
                    chosen[key][1],
                    {**better[2], **better[3]},
                    chosen[key][3],
                )
                # (whether the word is a place name here is still asked of the world city)
                well_known[key] = (famous, famous_f)

    # names read as a first-level region by the names around them, not as its twin town:
    # the whole name, or the occurrences (by first token) written after a town of it
    by_company: set[str] = set()
    state_at: dict[int, Place] = {}
    if config.GEOPARSE_STATE_BY_COMPANY:
        # "Idaho, Montana and Washington", "Ithaca, New York": a name that a town and a
        # first-level region of one country bear is the region in a list beside other
        # regions of that country, or after a comma after a town of it
        for key, scored in ranked.items():
            row = _region_of_name(key, scored, cands[key], chosen, capitals)
            if row is None:
                continue
            if _state_listed(text, key, row[1].place, chosen, by_key, w, cands):
                chosen[key] = (row[1], chosen[key][1], {**row[2], **row[3]}, chosen[key][3])
                well_known.pop(key, None)
                by_company.add(key)
                continue
            for first in _state_apposed(text, key, row[1].place, chosen, by_key, spans_at_all):
                state_at[first] = row[1].place

    # recognition: keep the names that are places here
    kept: dict[str, tuple[Place, float, dict[str, float]]] = {}
    centre = _centre([(place, len(by_key[k])) for k, place in anchors.items()])
    # names borne by a water body whose land place chosen lies off the story: far from
    # every other place, or in a country none of them is in (Slavic text writes no article
    # to cue the river, nor does a headline: "Nistru" among Moldovan towns is the Dniester,
    # not the Romanian village of that name)
    adrift: set[str] = set()
    # given names kept only for the preposition before one of their occurrences: that
    # occurrence alone (see _lone_cued)
    cued_only: dict[str, set[int]] = {}
    # names that recognition doubts, kept when a list couples them to the places of their
    # own region ("cortes de luz en Chinácota, Toledo y Labateca")
    doubted: dict[str, tuple[Candidate, float, dict[str, float], dict[str, float], float]] = {}
    # the countries the document names: a unit of one of them named by common words after
    # its noun ("la province du Lac", "la région de l'Est") is that unit
    named_here = {c[0].place.country_code for c in chosen.values() if c[0].place.kind == "country"}
    # ... and the countries it names as a country or through one of its regions
    named_any = {c[0].place.country_code for c in chosen.values() if c[0].place.kind != "city"}

    def keep(
        key: str,
        best: Candidate,
        confidence: float,
        f: dict[str, float],
        g: dict[str, float],
        p: float,
        *,
        ruled: bool,
        listed: bool = False,
    ) -> None:
        if (
            config.GEOPARSE_APPOSED_SETTLEMENT
            and key not in waters
            and _apposed_hamlet(text, best.place, capitals, by_key[key], toks, w)
        ):
            if off_story is not None:
                off_story.extend(by_key[key])
            return
        if (
            not ruled
            and key not in waters
            and (
                (
                    config.GEOPARSE_CAPITAL_ASTRAY
                    and _capital_astray(
                        key,
                        best,
                        f,
                        capitals,
                        centre,
                        named=named_any,
                        written=text[by_key[key][0].start : by_key[key][0].end],
                        index=index,
                        w=w,
                    )
                )
                or _adrift(best.place, f, capitals, match=best.match)
                or _far_settlement(text, best.place, f, capitals, by_key[key], toks, w)
                or (
                    config.GEOPARSE_CUED_OFF_CENTRE
                    and _cued_off_centre(
                        text, best.place, f, capitals, centre, by_key[key], toks, w
                    )
                )
                or _off_centre(
                    best.place, f, capitals, centre, cands[key], mentions=len(by_key[key])
                )
            )
        ):
            # a small namesake far off the story: the place the text means is one the
            # gazetteer lacks (the approximate stage may still place it at an anchor)
            if off_story is not None:
                off_story.extend(by_key[key])
            return
        why = _why(model, f, g, p)
        if listed:
            why = {**{k: v for k, v in why.items() if k != "recognised"}, "listed": 1.0}
            why["recognised"] = round(p, 3)
        kept[key] = (best.place, confidence, why)
        if not ruled and key in w["first_names"]:
            lone = _lone_cued(by_key[key], f, g, model, toks, w)
            if lone is not None:
                cued_only[key] = lone
        if key in waters and (f.get("far") or f.get("off_focus")):
            adrift.add(key)

    for key, choice in chosen.items():
        best, confidence, f, margin = choice
        g, p = recognise(key, choice)
        # a region's abbreviation or postal code is kept only in apposition ("Paducah, Ky.")
        # or written with inner periods ("N.J."): short, and a place all the same; a town
        # of the region named right after it ("Naples, Florida") is a place whatever its name
        # (the text decides these, as it does a country's name, not the fitted weights:
        # they are left out of the fit)
        ruled = margin == math.inf or best.match in _SHORT_FORMS or bool(f.get("apposition_admin1"))
        if (
            config.GEOPARSE_COMMON_UNIT_NAMES
            and not ruled
            and best.place.feature == "admin1"
            and best.place.country_code in named_here
            and all(s.region_only and cue_at.get(s.first, 0) > 0 for s in by_key[key])
            and key in w.union("common", "always_common")
        ):
            ruled = True
        if trace is not None:
            trace.spans.append((by_key[key], g, best.place))
            if ruled:
                trace.ruled.append(by_key[key])
        if p < model.threshold and not ruled and key in well_known:
            # the context chose a small namesake that recognition doubts (a town of the
            # story's state named like a world city): whether the word is a place name here
            # is asked of the major place it is best known as; the context's pick stands
            known, known_f = well_known[key]
            known_g = recognition(key, known, known_f, margin)
            known_p = model.probability(known_g)
            if known_p >= model.threshold:
                g, p = known_g, known_p
                # (a pick in the country of the story's places, near one of them or beside
                # a county of its state that another name may be, stays against a major
                # place of a country none of them lies in: "X" of a local story whose
                # state no unambiguous name gives, not the world city X)
                stays = (
                    config.GEOPARSE_FAMOUS_OFF_FOCUS_STAYS
                    and bool(f.get("focus"))
                    and bool(f.get("county_pair") or not f.get("far"))
                    and bool(known_f.get("off_focus") or known_f.get("country_off_focus"))
                )
                if (
                    best.match != "primary" or admin_key(best.place) not in ctx.admin_focus
                ) and not stays:
                    best, f = known, known_f
        if p < model.threshold and not ruled:
            if p >= config.GEOPARSE_LISTED_MIN_P and best.place.kind != "country":
                doubted[key] = (best, confidence, f, g, p)
            continue
        keep(key, best, confidence, f, g, p, ruled=ruled)
    if config.GEOPARSE_LISTED_PLACES:
        # a doubted name in a list beside a kept place of its own first-level region (or
        # near it) is one of the list's places; the text decides, as for apposition, and
        # a name so kept may carry the list on to the next
        while doubted:
            listed = _listed_with_kept(text, toks, spans, doubted, kept, w)
            if not listed:
                break
            for key in listed:
                best, confidence, f, g, p = doubted.pop(key)
                if trace is not None:
                    trace.ruled.append(by_key[key])
                keep(key, best, confidence, f, g, p, ruled=True, listed=True)

    if config.GEOPARSE_UNNAMED_COUNTRY_ADRIFT:
        # a small town in a country the document never names (as a country or through one of
        # its regions) while it names others more often than places of that country: a
        # namesake of a village the gazetteer lacks ("Los Pozos" in Chiapas for a hamlet of a
        # story set in Colombia), even when other such namesakes make a cluster of that
        # country. No mention: placing it at an anchor, as the approximate stage would,
        # places as many words that are no places. A country named once in passing ("G.B.")
        # does not outweigh the towns of a local story; the places of the supplement were
        # added because the news names them (a kibbutz by Gaza in a story of Damascus).
        named_countries = {
            place.country_code for place, _, _ in kept.values() if place.kind != "city"
        }
        # the keys that name each country as a country or a region (a lone region of a far
        # country names its country only through itself: "la commune de X" for a Congolese
        # commune that an Indonesian province is named like)
        naming: dict[str | None, set[str]] = {}
        for key, (place, _, _) in kept.items():
            if place.kind != "city":
                naming.setdefault(place.country_code, set()).add(key)
        count: dict[str | None, int] = {}
        for key, (place, _, _) in kept.items():
            count[place.country_code] = count.get(place.country_code, 0) + len(by_key[key])
        most_named = max((count.get(cc, 0) for cc in named_countries - {None}), default=0)
        for key in [k for k in kept if k not in waters and k in chosen]:
            place = kept[key][0]
            f = chosen[key][2]
            lone_region = (
                config.GEOPARSE_UNNAMED_COUNTRY_REGIONS
                and place.feature == "admin1"
                and naming.get(place.country_code) == {key}
                # (a region known the world over stays: "England", "Massachusetts")
                and chosen[key][0].prior < config.GEOPARSE_UNNAMED_COUNTRY_REGION_PRIOR
                # (a capitalised name: not a region phrase of its noun and adjective,
                # "Ростовская область", which names a neighbour's region on purpose)
                and all(span.source == "caps" for span in by_key[key])
                and not any(_unit_noun_beside(span, toks, w) for span in by_key[key])
                # (far from every other place: a neighbour's region is named on purpose)
                and bool(f.get("far"))
            )
            if (
                (place.kind == "city" or lone_region)
                and (place.country_code not in named_countries or lone_region)
                and count.get(place.country_code, 0) < most_named
                and place.source != "supplement"
                and place.population
                < _unnamed_country_most(
                    key,
                    chosen[key][0],
                    written=text[by_key[key][0].start : by_key[key][0].end],
                    far=bool(f.get("far")),
                )
                and place.id not in capitals
                and chosen[key][3] != math.inf
                and not _tied(f)
            ):
                del kept[key]
                cued_only.pop(key, None)
    if config.GEOPARSE_SHORT_NAMES:
        # "Santa Rosa" in a story that also writes "Santa Rosa de Osos": the town written
        # in full, not a namesake elsewhere
        for key, longer in _short_names(by_key, cands, kept).items():
            if key in waters or (key in chosen and chosen[key][3] == math.inf):
                continue
            place, confidence, why = kept[longer]
            kept[key] = (place, confidence, {"short_name": 1.0, **why})
            cued_only.pop(key, None)
    for key in water_only:
        kept[key] = (waters[key], 1.0, {"water_name": 1.0})
    out: list[Mention] = []
    heads = w["name_heads"]
    tails = config.GEOPARSE_NAME_TAILS and bool(w["name_articles"])
    for span in spans:
        picked = kept.get(span.key)
        water = waters.get(span.key)
        headed = (
            bool(heads)
            and span.last > span.first
            and toks.keys[span.first] in heads
            and not span.key.startswith(toks.keys[span.first])
        )
        if picked is None:
            if water is None or not water_cue(toks, span.first, span.last, w, spans_at):
                if headed and off_story is not None:
                    # "el Bajo X" is a place whatever X is: the approximate stage may place it
                    off_story.append(span)
                continue
            picked = (water, 1.0, {"water_cue": 1.0})
        place, confidence, why = picked
        # "Santa Rosa de X": a name that goes on past its key (spans._with_name_tails)
        tailed = False
        if tails and span.last > span.first:
            joined = toks.joined(span.first, span.last - span.first + 1)
            tailed = joined.startswith(span.key + " ") and joined[len(span.key) + 1 :].split(
                " ", 1
            )[0] in ("de", "del")
        if (
            (headed or tailed)
            and span.key in chosen
            and (
                place.kind != "city"
                or chosen[span.key][2].get("far")
                or chosen[span.key][2].get("off_focus")
            )
        ):
            # "el Bajo X", "Puerto X", "X de Y": a place the gazetteer lacks, named after X but
            # not X itself when X is a region or a country, or a town off the story: the
            # approximate stage places it at an anchor
            if off_story is not None:
                off_story.append(span)
            continue
        if span.key in cued_only and span.first not in cued_only[span.key]:
            continue  # "confidence in Clifton": the town there, not where Clifton speaks
        if water is None and _unknown_water_after(toks, span, w):
            continue  # "the Ouémé River": a river the gazetteer lacks, not the town or region
        if (
            water is not None
            and place is not water
            and place.kind != "country"
            and (span.key in adrift or water_cue(toks, span.first, span.last, w, spans_at))
        ):
            place = water
            why = {**why, "water_cue": 1.0}
        areas = _apposed_areas(apposed_at.get(span.first, ()))
        if areas and admin_key(place) not in areas and span.key in ranked:
            # "Aurora, Ill." beside "Aurora, Colo.": each occurrence written with its
            # state is the place of that state
            better = _best_in_areas(ranked[span.key], areas)
            if better is not None:
                place = better[1].place
        if span.first in state_at:
            place = state_at[span.first]
            why = {**why, "region_after_its_town": 1.0}
        elif place.kind in ("city", "region") and span.key in cands and span.key not in by_company:
            place = _twin_for_span(span, place, cands[span.key], index, cue_at[span.first])
        elif place.kind == "country" and span.key in cands:
            place = _capital_after_a(text, toks, span, place, cands[span.key])
        end = span.end
        if (
            end < len(text)
            and text[end] == "."
            and _dotted(text, toks, span, _abbreviated(place, cands.get(span.key, ())))
        ):
            end += 1  # "U.S.", "W.Va.", "Ky.": the abbreviation's period is the name's
        end = _with_unit_noun(toks, span, place, end)
        out.append(
            Mention(
                mention=text[span.start : end],
                char_start=span.start,
                char_end=end,
                place=place,
                score=round(confidence, 3),
                sentence=toks.sentence[span.first],
                precision=precision_of(place, toks, span.first, w),
                doc_id=doc_id,
                why=why,
            )
        )
    return out


#: Words that begin the rest of a town's full name after its short form ("San José del
#: Guaviare", "Santa Rosa de Lima", "Saint-Martin-de-Ré").
_FULL_NAME_LINKS: Final = frozenset({"de", "d", "du", "des", "del"})


def _short_names(
    by_key: Mapping[str, Sequence[Span]],
    cands: Mapping[str, Sequence[Candidate]],
    kept: Mapping[str, tuple[Place, float, dict[str, float]]],
) -> dict[str, str]:
    """Names of the document (keys of ``by_key`` with candidates in ``cands``) that are the
    first words of exactly one kept town's name of it, the rest starting with a word of
    :data:`_FULL_NAME_LINKS` ("santa rosa" beside "santa rosa de osos"), each to that
    longer name; a name kept as a country or a region is no town's short form.

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> town = Place("t", "Santa Rosa de Osos", "city", 6.65, -75.46, "CO", "02", None, 0, "x")
    >>> spans = {k: [] for k in ("santa rosa", "santa rosa de osos", "san pedro")}
    >>> kept = {"santa rosa de osos": (town, 1.0, {})}
    >>> _short_names(spans, dict.fromkeys(spans, ()), kept)
    {'santa rosa': 'santa rosa de osos'}
    """
    towns = [key for key, (place, _, _) in kept.items() if place.kind == "city" and " " in key]
    out: dict[str, str] = {}
    for key in by_key:
        if key not in cands:
            continue
        own = kept.get(key)
        if own is not None and own[0].kind != "city":
            continue
        head = key + " "
        longer = {
            k
            for k in towns
            if k.startswith(head) and k[len(head) :].split(" ", 1)[0] in _FULL_NAME_LINKS
        }
        if len(longer) == 1 or len({kept[k][0].id for k in longer}) == 1:
            out[key] = min(longer)
    return out


def _list_gap(text: str, toks: Tokens, before: Span, after: Span, w: Words) -> bool:
    """Whether spans ``before`` and ``after`` follow each other in a list of one sentence:
    a comma alone between them, or a conjunction of the pack's ``after_list`` ("y", "and",
    "et", "и") after a comma or none."""
    if toks.sentence[before.last] != toks.sentence[after.first] or after.first <= before.last:
        return False
    gap = text[before.end : after.start]
    if gap.strip() in (",", "،"):
        return True
    if after.first - before.last != 2:
        return False
    j = before.last + 1
    if toks.cap[j] or toks.keys[j] not in w["after_list"]:
        return False
    around = text[before.end : toks.starts[j]] + text[toks.ends[j] : after.start]
    return around.strip() in ("", ",")


def _listed_with_kept(
    text: str,
    toks: Tokens,
    spans: Sequence[Span],
    doubted: Mapping[str, tuple[Candidate, float, dict[str, float], dict[str, float], float]],
    kept: Mapping[str, tuple[Place, float, dict[str, float]]],
    w: Words,
) -> list[str]:
    r"""The doubted names (keys of ``doubted``, with their best candidate) one occurrence
    of which stands in a list right beside a kept name (of ``kept``) whose place lies in the
    same first-level region as the doubted name's, or within GEOPARSE_NEAR_KM of it.

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> from geo.geoparse.filters import words_for
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("es",))
    >>> text = "Llegaron a Tunja, Paipa y Duitama."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> def span(i: int) -> Span:
    ...     return Span(toks.starts[i], toks.ends[i], i, i, toks.keys[i])
    >>> spans = [span(2), span(3), span(5)]
    >>> town = Place("t", "Tunja", "city", 5.5, -73.4, "CO", "36", None, 0, "test")
    >>> near = Place("p", "Paipa", "city", 5.8, -73.1, "CO", "36", None, 0, "test")
    >>> doubted = {"paipa": (Candidate(near, 1.0), 1.0, {}, {}, 0.3)}
    >>> _listed_with_kept(text, toks, spans, doubted, {"tunja": (town, 1.0, {})}, w)
    ['paipa']
    >>> _listed_with_kept(text, toks, spans, doubted, {}, w)
    []
    """
    ordered = sorted(spans, key=lambda s: s.first)
    found: list[str] = []
    for k, span in enumerate(ordered):
        entry = doubted.get(span.key)
        if entry is None or span.key in found:
            continue
        place = entry[0].place
        for other in ordered[max(0, k - 1) : k] + ordered[k + 1 : k + 2]:
            if other.key not in kept:
                continue
            first, second = (other, span) if other.first < span.first else (span, other)
            if not _list_gap(text, toks, first, second, w):
                continue
            there = kept[other.key][0]
            if there.kind == "country" or there.country_code != place.country_code:
                continue
            if (place.admin1_code and admin_key(there) == admin_key(place)) or approx_km(
                place.latitude, place.longitude, there.latitude, there.longitude
            ) < config.GEOPARSE_NEAR_KM:
                found.append(span.key)
                break
    return found


_SHORT_FORMS = frozenset({"abbreviation", "code"})
#: Gazetteer features of the units whose noun after the name the mention may cover.
_UNIT_FEATURES: Final = frozenset({"admin1", "admin2"})


def _with_unit_noun(toks: Tokens, span: Span, place: Place, end: int) -> int:
    """Where a unit's mention ends: in the languages that write the unit's noun after its
    name and count it in the name ("the Kayes region", "Tanganyika province": the pack's
    ``unit_nouns_after``), the noun right after the name is the mention's when
    :data:`geo.config.GEOPARSE_UNIT_NOUN_SPANS` is on; elsewhere (a town, a plural noun
    shared by a list, "des régions") ``end`` as it is."""
    nxt = span.last + 1
    if not config.GEOPARSE_UNIT_NOUN_SPANS:
        return end
    if place.feature not in _UNIT_FEATURES or nxt >= len(toks) or toks.join[span.last] != 1:
        return end
    if toks.starts[nxt] != end + 1 or toks.hyphen_after[span.last]:
        return end
    nouns = get_pack(span.lang).words["unit_nouns_after"] if span.lang in LANGUAGES else ()
    if toks.keys[nxt] not in nouns:
        return end
    if toks.cap[nxt] and nxt + 1 < len(toks) and toks.join[nxt] == 1 and toks.cap[nxt + 1]:
        return end  # "Ohio State University": the noun starts a named thing
    return toks.ends[nxt]


def _lone_cued(
    group: Sequence[Span],
    f: Mapping[str, float],
    g: Mapping[str, float],
    model: Model,
    toks: Tokens,
    w: Words,
) -> set[int] | None:
    """The first tokens of the occurrences of a given name after a place preposition, when
    they are fewer than GEOPARSE_GIVEN_NAME_SPREAD_MIN_CUES, the name has other occurrences
    and recognition (features ``g``) keeps it only for that preposition: one weak mention
    ("confidence in Clifton") makes the town there, not wherever the person is named. None
    when the name is a place wherever it stands.

    Without the preposition, the support of the town's country alone (its resolution
    features ``f``: ``focus`` and nothing nearer) is no support: every town of a country the
    story is set in has it, the people it names as well; its first-level region, a country
    of its sentence, an apposition or a place nearby are."""
    if not g.get("place_preposition") or len(group) < 2:
        return None
    cued = {s.first for s in group if preposition_before(toks, s.first, w)}
    if len(cued) >= config.GEOPARSE_GIVEN_NAME_SPREAD_MIN_CUES:
        return None
    rest = {k: v for k, v in g.items() if k != "place_preposition"}
    if not (
        f.get("admin1_focus", 0.0) > 0
        or f.get("sentence_country", 0.0) > 0
        or f.get("apposition", 0.0) > 0
        or f.get("proximity", 0.0) >= config.GEOPARSE_SUPPORTED_PROXIMITY
    ):
        rest.pop("supported", None)
    return cued if model.probability(rest) < model.threshold else None


def _adrift(
    place: Place, f: Mapping[str, float], capitals: Collection[str], *, match: str = "primary"
) -> bool:
    """Whether ``place``, chosen with the features ``f``, is a small town off the story:
    in a country none of the other places lies in (or few: less than
    GEOPARSE_ADRIFT_FOCUS_SHARE of their mentions), far from all of them, smaller than
    GEOPARSE_ADRIFT_POPULATION (GEOPARSE_ADRIFT_OFF_FOCUS_POPULATION off the focus of a
    story that has one, GEOPARSE_ADRIFT_ALTERNATE_POPULATION when the name reached it as an
    alternate name, GEOPARSE_ADRIFT_VARIANT_POPULATION as a spelling variant,
    ``match``: "Opolia" for Opole, "Kazann" for Kazan in a story of Burkinabè villages), no
    national capital (of ``capitals``, ids), and not tied to the text by an apposition, a
    country of its sentence or a dateline.
    """
    most = {
        "alternate": config.GEOPARSE_ADRIFT_ALTERNATE_POPULATION,
        "variant": config.GEOPARSE_ADRIFT_VARIANT_POPULATION,
    }.get(match, config.GEOPARSE_ADRIFT_POPULATION)
    if f.get("off_focus") and match not in ("alternate", "variant"):
        most = max(most, config.GEOPARSE_ADRIFT_OFF_FOCUS_POPULATION)
    return (
        place.kind == "city"
        and (bool(f.get("off_focus")) or f.get("focus", 0.0) < config.GEOPARSE_ADRIFT_FOCUS_SHARE)
        and bool(f.get("far"))
        and place.population < most
        and place.id not in capitals
        and not _tied(f)
    )


def _famous_near(
    key: str,
    scored: Sequence[tuple[float, Candidate, dict[str, float], dict[str, float]]],
    chosen: Mapping[str, tuple[Candidate, float, dict[str, float], float]],
    capitals: Collection[str],
) -> tuple[float, Candidate, dict[str, float], dict[str, float]] | None:
    """The famous town to take for ``key`` instead of its winner (the first of ``scored``),
    or None: the winner lies farther than GEOPARSE_FAMOUS_FAR_KM from the places
    ``chosen`` for the other names, in a country none of them is in, with no apposition,
    country of its sentence or dateline, while another candidate with a higher static
    prior is a town of GEOPARSE_FAMOUS_NEAR_POPULATION people or more (or a first-level
    seat or a national capital, of ``capitals``) within GEOPARSE_FAMOUS_NEAR_KM of one of
    them.
    """
    if len(scored) < 2:
        return None
    _, winner, static, f = scored[0]
    wf = {**static, **f}
    place = winner.place
    if place.kind == "country" or _tied(wf, admin1=True):
        return None
    # the other places only once the winner's own features leave the question open
    others = [c[0].place for k, c in chosen.items() if k != key]
    if not others or any(o.country_code == place.country_code for o in others):
        return None
    if _nearest_km(place, others) <= config.GEOPARSE_FAMOUS_FAR_KM:
        return None
    return _first_near(
        scored,
        others,
        lambda c, _: (
            c.place.kind == "city"
            and c.prior > winner.prior
            and (
                c.place.population >= config.GEOPARSE_FAMOUS_NEAR_POPULATION
                or is_region_seat(c.place)
                or c.place.id in capitals
            )
        ),
    )


def _namesake_near(
    key: str,
    scored: Sequence[tuple[float, Candidate, dict[str, float], dict[str, float]]],
    chosen: Mapping[str, tuple[Candidate, float, dict[str, float], float]],
    capitals: Collection[str],
) -> tuple[float, Candidate, dict[str, float], dict[str, float]] | None:
    """The town to take for ``key`` instead of its winner (the first of ``scored``), or
    None: the mirror of :func:`_famous_near`. The winner is a national capital or a town of
    GEOPARSE_FAMOUS_NEAR_POPULATION people or more in a country that none of the document's
    places lies in (``off_focus``), far from all of them (``far``, or farther than
    GEOPARSE_FAMOUS_FAR_KM from the places ``chosen`` for the other names), with no
    apposition, country of its sentence, dateline or country named to tie it to the text;
    another candidate of the same primary name is a town of note (static prior
    GEOPARSE_NOTABLE_PRIOR or more: not a village that bears a capital's name) in a country
    of the story's places (``focus``) within GEOPARSE_FAMOUS_NEAR_KM of one of them: the
    story's own town, which the world city's prior outweighed.
    """
    if len(scored) < 2:
        return None
    _, winner, static, f = scored[0]
    wf = {**static, **f}
    place = winner.place
    if (
        place.kind != "city"
        or not (place.id in capitals or place.population >= config.GEOPARSE_FAMOUS_NEAR_POPULATION)
        or not wf.get("off_focus")
        or wf.get("focus_named")
        or _tied(wf, admin1=True)
    ):
        return None
    others = [c[0].place for k, c in chosen.items() if k != key and c[0].place.kind != "country"]
    if not others:
        return None
    if not wf.get("far") and _nearest_km(place, others) <= config.GEOPARSE_FAMOUS_FAR_KM:
        return None
    return _first_near(
        scored,
        others,
        lambda c, of: (
            c.place.kind == "city"
            and c.match == "primary"
            and c.prior >= config.GEOPARSE_NOTABLE_PRIOR
            and c.place.country_code != place.country_code
            and bool(of.get("focus"))
            and not of.get("far")
        ),
    )


#: The features that tie a candidate to the text (:func:`_tied`).
_TIES: Final = ("apposition", "sentence_country", "dateline_city")


def _tied(f: Mapping[str, float], *, admin1: bool = False) -> bool:
    """Whether the features ``f`` tie a candidate to the text: an apposition, the country
    of its sentence or a dateline (and, with ``admin1``, a first-level region in
    apposition).

    >>> _tied({"dateline_city": 1.0}), _tied({"apposition_admin1": 1.0})
    (True, False)
    """
    return any(f.get(k) for k in _TIES) or (admin1 and bool(f.get("apposition_admin1")))


def _nearest_km(place: Place, others: Sequence[Place]) -> float:
    """The distance in km (approximate) from ``place`` to the nearest of ``others``."""
    return min(approx_km(place.latitude, place.longitude, o.latitude, o.longitude) for o in others)


def _first_near(
    scored: Sequence[tuple[float, Candidate, dict[str, float], dict[str, float]]],
    others: Sequence[Place],
    fits: Callable[[Candidate, Mapping[str, float]], bool],
) -> tuple[float, Candidate, dict[str, float], dict[str, float]] | None:
    """The first runner-up of ``scored`` that ``fits`` (given its candidate and features)
    and lies within GEOPARSE_FAMOUS_NEAR_KM of one of ``others``, or None."""
    for other in scored[1:]:
        if (
            fits(other[1], other[3])
            and _nearest_km(other[1].place, others) <= config.GEOPARSE_FAMOUS_NEAR_KM
        ):
            return other
    return None


def _capital_astray(
    key: str,
    best: Candidate,
    f: Mapping[str, float],
    capitals: Collection[str],
    centre: Centre | None,
    *,
    named: Collection[str | None],
    written: str,
    index: Index,
    w: Words,
) -> bool:
    """Whether the national capital or city of millions (GEOPARSE_NEAR_MISS_ADRIFT_POPULATION
    and more: the rules above keep both) chosen for ``key`` (``best``, ``written`` so in the
    text) is a namesake of a place of the story's own country: the story happens in another
    country (``centre``), the capital's country is never ``named`` (as a country or through
    one of its regions), it lies far from every other place, no apposition, country of its
    sentence or dateline ties it to the text, and either the text reaches it only by
    another spelling a letter or two off its own name (GEOPARSE_NEAR_MISS_EDITS: a village
    spelt like the capital's name in another language), one word that is no word of the
    text's languages (GEOPARSE_CAPITAL_ASTRAY_MAX_ZIPF: not an exonym, "Moscou"), or a
    river of the story's country bears the name (the pack's ``water`` nouns before or after
    it: the river's valley).
    """
    place = best.place
    if (
        place.kind != "city"
        or (
            place.id not in capitals
            and place.population < config.GEOPARSE_NEAR_MISS_ADRIFT_POPULATION
        )
        or centre is None
        or place.country_code == centre.country
        or place.country_code in named
        or not f.get("far")
        or _tied(f)
    ):
        return False
    if (
        best.match in ("alternate", "variant")
        and written.isascii()
        and written.isalpha()
        and word_frequency(key, w.langs) < config.GEOPARSE_CAPITAL_ASTRAY_MAX_ZIPF
    ):
        own = normalize_name(place.name)
        if _near_miss(key, own):
            return True
    if " " in key:
        return False
    for noun in w["water"]:
        if " " in noun:
            continue
        for name in (f"{key} {noun}", f"{noun} {key}"):
            if any(is_water(c.place) for c in index.candidates_in(name, (centre.country,))):
                return True
    return False


def _before_links(first: int, toks: Tokens, links: Collection[str], *, joined: bool) -> int:
    """The token before token ``first`` and the link words (``links``) right before it, at
    most :data:`geo.config.GEOPARSE_CUE_REACH_TOKENS` back (-1 at the text's start); with
    ``joined``, the walk stops at a break between sentences or lines.

    Examples
    --------
    >>> from geo.geoparse.tokenize import tokenize
    >>> toks = tokenize(
    ...     "la province du Nord", 0, None, elisions=frozenset(), abbreviations=frozenset()
    ... )
    >>> toks.keys[_before_links(3, toks, {"du", "de"}, joined=True)]
    'province'
    """
    j = first - 1
    while (
        j >= 0
        and first - j <= config.GEOPARSE_CUE_REACH_TOKENS
        and (not joined or toks.join[j] != 0)
        and toks.keys[j] in links
    ):
        j -= 1
    return j


def _unit_noun_beside(span: Span, toks: Tokens, w: Words) -> bool:
    """Whether a region's noun is written with ``span``: before it ("la province du X",
    the pack's ``region_heads_outside``, through "de", "du", "la"), in it or right after it
    ("X oblast", "X province": ``unit_nouns_after``, ``region_after``), so that the text
    names that region on purpose."""
    before = w["region_heads_outside"]
    after = w["unit_nouns_after"] | w["region_after"]
    links = w.cue_links
    j = _before_links(span.first, toks, links, joined=False)
    if j >= 0 and toks.keys[j] in before:
        return True
    last = span.last + 1 if span.last + 1 < len(toks) and toks.join[span.last] else span.last
    return any(toks.keys[k] in after for k in range(span.first + 1, last + 1))


def _near_miss(key: str, own: str) -> bool:
    """Whether ``key`` is another spelling of a place's own name ``own`` (both normalised),
    at most GEOPARSE_NEAR_MISS_EDITS letters off it.

    Examples
    --------
    >>> _near_miss("omska", "omsk"), _near_miss("omsk", "omsk"), _near_miss("omskaya", "omsk")
    (True, False, False)
    """
    most = config.GEOPARSE_NEAR_MISS_EDITS
    return own != key and edit_distance(key, own, most=most) <= most


def _unnamed_country_most(key: str, best: Candidate, *, written: str, far: bool = True) -> int:
    """The population below which a town chosen for ``key`` (``written`` so in the text) in
    a country the document never names is a namesake (GEOPARSE_UNNAMED_COUNTRY_POPULATION;
    GEOPARSE_NEAR_MISS_ADRIFT_POPULATION when the name reached it only as another
    language's spelling a letter or two off its own, "Omska" for Omsk among the villages
    of another country, when ``far`` from all of them: a neighbour's city a letter off is
    its own spelling in the text's language). A name written with letters of the text's
    own alphabet beyond ASCII ("Séville" for Sevilla) is the exonym of a language that
    spells it so, and keeps the common bound.

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> town = Place("gn:1", "Omsk", "city", 55.0, 73.4, "RU", None, None, 1_100_000, "test")
    >>> _unnamed_country_most("omska", Candidate(town, 1.0, "alternate"), written="Omska")
    1500000
    >>> _unnamed_country_most("omsk", Candidate(town, 1.0, "primary"), written="Omsk")
    50000
    """
    if far and best.match in ("alternate", "variant") and written.isascii():
        own = normalize_name(best.place.name)
        if _near_miss(key, own):
            return config.GEOPARSE_NEAR_MISS_ADRIFT_POPULATION
    return config.GEOPARSE_UNNAMED_COUNTRY_POPULATION


def _far_settlement(
    text: str,
    place: Place,
    f: Mapping[str, float],
    capitals: Collection[str],
    spans: Sequence[Span],
    toks: Tokens,
    w: Words,
) -> bool:
    """Whether a name written after a settlement noun ("le village de X", "la vereda X"),
    or a stream's named after a town ("río X"), took a town far from every other place of
    the story (a namesake: the village or stream is one the gazetteer lacks), no national
    capital and not tied to the text by an apposition, a country of its sentence or a
    dateline."""
    if place.kind != "city" or not f.get("far") or place.id in capitals or _tied(f):
        return False
    nouns = w["settlement_before"]
    links = w.cue_links
    for span in spans:
        if toks.script[span.first] == "arabic":
            continue  # (the Arabic nouns are also those of cities and provinces: مدينة)
        if not toks.cap[span.first] and toks.keys[span.first] in w["water"]:
            return True  # "río X" placed at a town X far from the story: a namesake's
        j = _before_links(span.first, toks, links, joined=True)
        if j >= 0 and toks.join[j] != 0 and not toks.cap[j] and toks.keys[j] in nouns:
            return True
        if config.GEOPARSE_CUED_OFF_CENTRE and _settlement_cued(text, span, toks, w):
            return True  # "la comunidad de X", "los caseríos Y, X y Z"
    return False


def _settlement_noun_at(first: int, toks: Tokens, w: Words, *, units: bool = False) -> str | None:
    """The lower-case settlement noun a name starting at token ``first`` follows: "la vereda
    X", "el caserío de X" (the pack's ``settlement_before``, articles and "de" between), "la
    comunidad de X" (``settlement_of``, "de" between); None when there is none, or when the
    noun describes a name before it ("X, una comunidad de Y", "X, localité du Y": Y is then
    X's town). With ``units``, a unit's noun too ("el municipio de X", "los cantones X, Y
    y Z": the pack's ``region_before``)."""
    if toks.script[first] == "arabic":
        return None  # (the Arabic nouns are also those of cities and provinces: مدينة)
    links = w.cue_links
    j = _before_links(first, toks, links, joined=True)
    linked = any(toks.keys[k] in w.of_words for k in range(j + 1, first))
    if j < 0 or toks.join[j] == 0 or toks.cap[j]:
        return None
    noun = toks.keys[j]
    if not (
        noun in w["settlement_before"]
        or (linked and noun in w["settlement_of"])
        or (units and noun in w["region_before"])
    ):
        return None
    i = j - 1
    if i >= 0 and (
        toks.keys[i] in w["indefinite_articles"]
        or (toks.join[i] == 0 and toks.sentence[i] == toks.sentence[j])
    ):
        return None
    return noun


def _settlement_cued(text: str, span: Span, toks: Tokens, w: Words, *, units: bool = False) -> bool:
    """Whether ``span`` follows a settlement noun (:func:`_settlement_noun_at`), or stands
    in a list after a plural one ("los caseríos X, Y y Z", "les localités de X et Y"): up to
    GEOPARSE_CUED_LIST_ITEMS names of capitalised words, each joined to the next by a comma
    or a conjunction of the pack's ``after_list``."""
    if _settlement_noun_at(span.first, toks, w, units=units) is not None:
        return True
    particles = w.of_words | w["name_articles"]
    sentence = toks.sentence[span.first]
    j = span.first - 1
    for _ in range(config.GEOPARSE_CUED_LIST_ITEMS):
        # the gap: a comma, a conjunction, or a comma and a conjunction
        if j >= 0 and not toks.cap[j] and toks.keys[j] in w["after_list"]:
            j -= 1
            if (
                j >= 0
                and toks.join[j] == 0
                and text[toks.ends[j] : toks.starts[j + 1]].strip() != ","
            ):
                return False
        elif not (j >= 0 and text[toks.ends[j] : toks.starts[j + 1]].strip() == ","):
            return False
        if j < 0 or toks.sentence[j] != sentence or not toks.cap[j]:
            return False
        # the name before it: capitalised words and the particles between them
        k = j
        while (
            k - 1 >= 0
            and j - k < 5
            and toks.join[k - 1] != 0
            and (
                toks.cap[k - 1]
                or (toks.keys[k - 1] in particles and k - 2 >= 0 and toks.cap[k - 2])
            )
        ):
            k -= 1
        noun = _settlement_noun_at(k, toks, w, units=units)
        if noun is not None:
            return noun.endswith("s")  # (a plural noun heads a list; "la vereda X, Y": Y a town)
        j = k - 1
    return False


def _settlement_apposed(text: str, span: Span, toks: Tokens, w: Words) -> bool:
    """Whether a settlement noun follows ``span`` in apposition, after a comma and no
    article or an indefinite one: "X, una comunidad del municipio de Y", "X, corregimiento
    de Y" (the packs' ``settlement_before`` and ``settlement_of``)."""
    j = span.last + 1
    if j >= len(toks.keys) or text[span.end : toks.starts[j]].strip() != ",":
        return False
    if toks.keys[j] in w["indefinite_articles"] and not toks.cap[j]:
        j += 1
    return (
        j < len(toks.keys)
        and not toks.cap[j]
        and toks.sentence[j] == toks.sentence[span.last]
        and toks.keys[j] in w.union("settlement_before", "settlement_of")
    )


def _apposed_hamlet(
    text: str,
    place: Place,
    capitals: Collection[str],
    spans: Sequence[Span],
    toks: Tokens,
    w: Words,
) -> bool:
    """Whether a name that took a country or a first-level region (no capital) is
    described as a settlement in apposition (:func:`_settlement_apposed`): "X, una
    comunidad del municipio de Y" is a hamlet named after the country, which the gazetteer
    lacks."""
    return (
        (place.kind == "country" or (place.kind == "region" and feature_of(place) == "admin1"))
        and place.id not in capitals
        and any(_settlement_apposed(text, span, toks, w) for span in spans)
    )


def _cued_off_centre(
    text: str,
    place: Place,
    f: Mapping[str, float],
    capitals: Collection[str],
    centre: Centre | None,
    spans: Sequence[Span],
    toks: Tokens,
    w: Words,
) -> bool:
    """Whether a name written after a settlement noun ("la vereda X", "la comunidad de X",
    "la colonia X") took a town below GEOPARSE_ADRIFT_POPULATION or a region farther from
    the story's :func:`_centre` than GEOPARSE_CUED_OFF_CENTRE_KM and
    GEOPARSE_CUED_OFF_CENTRE_SPREAD times the spread of the story's places: the hamlet the text
    means is a namesake the gazetteer lacks, left to the approximate stage (no national
    capital, nothing tying it there: an apposition, a dateline, a town or a region of its
    sentence near it or holding it, or its first-level region holding at least
    GEOPARSE_CUED_OFF_CENTRE_ADMIN1_SHARE of the story's other mentions)."""
    if (
        centre is None
        or place.kind not in ("city", "region")
        or (place.kind == "city" and place.population >= config.GEOPARSE_ADRIFT_POPULATION)
        or (place.kind == "region" and feature_of(place) not in _LOCAL_UNITS)
        or place.id in capitals
        or f.get("apposition")
        or f.get("apposition_admin1")
        or f.get("dateline_city")
        or f.get("sentence_town")
        or f.get("sentence_region")
        or f.get("admin1_focus", 0.0) >= config.GEOPARSE_CUED_OFF_CENTRE_ADMIN1_SHARE
    ):
        return False
    km = approx_km(centre.latitude, centre.longitude, place.latitude, place.longitude)
    if km <= max(
        config.GEOPARSE_CUED_OFF_CENTRE_KM, config.GEOPARSE_CUED_OFF_CENTRE_SPREAD * centre.spread
    ):
        return False
    units = config.GEOPARSE_CUED_UNIT_NOUNS and place.kind == "city"
    return any(
        _settlement_cued(text, span, toks, w, units=units)
        or (config.GEOPARSE_APPOSED_SETTLEMENT and _settlement_apposed(text, span, toks, w))
        for span in spans
    )


class Centre(NamedTuple):
    """Where a story happens (see :func:`_centre`)."""

    latitude: float
    longitude: float
    #: Weighted median distance (km) of the story's places to the centre.
    spread: float
    #: The country of most of the story's places' mentions.
    country: str


def _centre(weighted: Sequence[tuple[Place, int]]) -> Centre | None:
    """Where the story happens: the weighted median latitude and longitude of the
    unambiguous places of a document (towns and first-level or lower regions, by their
    mentions), their spread (the weighted median of their distances to that point) and the
    country most of their mentions (countries' too) lie in; None when the towns and regions
    are fewer than GEOPARSE_CENTRE_MIN_PLACES or have fewer than
    GEOPARSE_CENTRE_MIN_MENTIONS mentions. A median, not a mean: a capital named in
    passing moves it little.

    >>> from geo.gazetteer import Place
    >>> def town(lat, lon, n):
    ...     return Place("t", "T", "city", lat, lon, "UA", None, None, 100, "test"), n
    >>> c = _centre([town(50.0, 37.0, 3), town(50.2, 37.2, 2), town(49.9, 37.1, 1),
    ...              town(50.45, 30.5, 1)])
    >>> (c.latitude, c.longitude, round(c.spread), c.country)
    (50.0, 37.0, 13, 'UA')
    """
    points = [
        (p.latitude, p.longitude, n)
        for p, n in weighted
        if p.kind == "city" or (p.kind == "region" and feature_of(p) in _LOCAL_UNITS)
    ]
    total = sum(n for *_, n in points)
    if (
        len(points) < config.GEOPARSE_CENTRE_MIN_PLACES
        or total < config.GEOPARSE_CENTRE_MIN_MENTIONS
    ):
        return None

    def median(values: list[tuple[float, int]]) -> float:
        values.sort()
        run = 0
        for v, n in values:
            run += n
            if 2 * run >= total:
                return v
        return values[-1][0]

    lat = median([(a, n) for a, _, n in points])
    lon = median([(b, n) for _, b, n in points])
    spread = median([(approx_km(lat, lon, a, b), n) for a, b, n in points])
    by_country: dict[str, int] = {}
    for p, n in weighted:
        if p.country_code:
            by_country[p.country_code] = by_country.get(p.country_code, 0) + n
    return Centre(lat, lon, spread, max(by_country, key=lambda cc: by_country[cc]))


def _off_centre(
    place: Place,
    f: Mapping[str, float],
    capitals: Collection[str],
    centre: Centre | None,
    cs: Sequence[Candidate],
    *,
    mentions: int = 2,
) -> bool:
    """Whether ``place``, a small town of the story's own country chosen among the
    candidates ``cs`` of a name that several places of that country bear (village names
    recur across a country), or that the text names once (``mentions``, with
    GEOPARSE_OFF_CENTRE_LONE_ONCE: the story's own country only; a lone town of another is
    for GEOPARSE_UNNAMED_COUNTRY_ADRIFT), lies far off the story's :func:`_centre`: farther than
    GEOPARSE_OFF_CENTRE_KM and GEOPARSE_OFF_CENTRE_SPREAD times the spread of the
    story's places, smaller than GEOPARSE_ADRIFT_POPULATION, no national capital (of
    ``capitals``, ids) and not tied to the text by an apposition, a dateline or its
    first-level region named: the village the text means is one the gazetteer lacks (and
    namesakes chosen far off the story would support one another).
    """
    if (
        centre is None
        or place.kind != "city"
        or (
            place.country_code != centre.country
            and f.get("focus", 0.0) >= config.GEOPARSE_OFF_CENTRE_FOREIGN_SHARE
        )
        or place.population >= config.GEOPARSE_ADRIFT_POPULATION
        or place.id in capitals
        or f.get("apposition")
        or f.get("apposition_admin1")
        or f.get("dateline_city")
        or f.get("admin1_named")
    ):
        return False
    namesakes = sum(1 for c in cs if c.place.country_code == place.country_code)
    if namesakes < config.GEOPARSE_OFF_CENTRE_NAMESAKES and not (
        config.GEOPARSE_OFF_CENTRE_LONE_ONCE
        and mentions == 1
        and place.country_code == centre.country
    ):
        return False
    km = approx_km(centre.latitude, centre.longitude, place.latitude, place.longitude)
    return km > max(
        config.GEOPARSE_OFF_CENTRE_KM, config.GEOPARSE_OFF_CENTRE_SPREAD * centre.spread
    )


#: Gazetteer features of the regions that place a story (a country's first-level units and
#: those below them, not macro-regions or continents).
_LOCAL_UNITS: Final = frozenset({"admin1", "admin2", "admin3"})


def _region_of_name(
    key: str,
    scored: Sequence[tuple[float, Candidate, dict[str, float], dict[str, float]]],
    cs: Sequence[Candidate],
    chosen: Mapping[str, tuple[Candidate, float, dict[str, float], float]],
    capitals: frozenset[str],
) -> tuple[float, Candidate, dict[str, float], dict[str, float]] | None:
    """For a name whose pick is a town, the first-level region of the town's country that
    bears the name too, as a scored row: a scored candidate of ``scored``, else one of all
    its candidates ``cs`` (the prior may have pruned it) with its static features; None
    when the pick is no town or there is no such region."""
    best = chosen[key][0].place
    if best.kind != "city":
        return None

    def is_region(c: Candidate) -> bool:
        p = c.place
        return (
            p.kind == "region"
            and feature_of(p) == "admin1"
            and p.country_code == best.country_code
            and bool(p.admin1_code)
        )

    row = next((r for r in scored if is_region(r[1])), None)
    if row is None:
        found = next((c for c in cs if is_region(c)), None)
        if found is None:
            return None
        row = (0.0, found, static_features(found, cs, capitals), {})
    return row


def _state_apposed(
    text: str,
    key: str,
    region: Place,
    chosen: Mapping[str, tuple[Candidate, float, dict[str, float], float]],
    by_key: Mapping[str, Sequence[Span]],
    spans_at: Mapping[int, Span],
) -> list[int]:
    """The first tokens of the occurrences of a name (whose pick is a town, and which
    ``region`` bears too) written after a comma right after a town chosen in that region,
    GEOPARSE_NEAR_KM or more from the town picked: "Ithaca, New York" is the state, not
    "Staten Island, New York". ``spans_at`` holds the spans by their last token."""
    best = chosen[key][0].place
    out: list[int] = []
    for s in by_key[key]:
        before = spans_at.get(s.first - 1)
        if before is None or before.key == key or before.key not in chosen:
            continue
        town = chosen[before.key][0].place
        if (
            town.kind == "city"
            and town.country_code == region.country_code
            and town.admin1_code == region.admin1_code
            and text[before.end : s.start].strip() == ","
            and approx_km(town.latitude, town.longitude, best.latitude, best.longitude)
            >= config.GEOPARSE_NEAR_KM
        ):
            out.append(s.first)
    return out


def _state_listed(
    text: str,
    key: str,
    region: Place,
    chosen: Mapping[str, tuple[Candidate, float, dict[str, float], float]],
    by_key: Mapping[str, Sequence[Span]],
    w: Words,
    cands: Mapping[str, Sequence[Candidate]],
) -> bool:
    """Whether a name whose pick is a town outside ``region`` (which bears the name too)
    stands in a list beside names chosen as first-level regions of the region's country
    that are regions before anything else (their best prior among ``cands``): "Idaho,
    Montana and Washington" is the state, not the capital; a capital listed beside a
    province named after its own town is still the capital. (A town inside the region
    listed so is most often the region's own seat, listed among the towns around it: its
    twin reading decides.)"""
    if admin_key(chosen[key][0].place) == admin_key(region):
        return False
    others = [
        o
        for other, (c, *_rest) in chosen.items()
        if other != key
        and c.place.kind == "region"
        and feature_of(c.place) == "admin1"
        and c.place.country_code == region.country_code
        and bool(cands.get(other))
        and cands[other][0].place.id == c.place.id
        for o in by_key.get(other, ())
    ]
    return bool(others) and _listed_with(text, by_key[key], others, w)


def _listed_with(text: str, group: Sequence[Span], others: Sequence[Span], w: Words) -> bool:
    """Whether an occurrence of a name (``group``) stands in a list next to one of the
    spans ``others``, with nothing between them but a comma or a conjunction (the pack's
    ``after_list``) on one line, and the pack's ``articles`` that open items
    (GEOPARSE_LIST_ARTICLES).

    >>> from geo.geoparse.filters import words_for
    >>> from geo.model import Span
    >>> text = "They fled to Chad, Niger and Mali."
    >>> def span(word):
    ...     at = text.index(word)
    ...     return Span(at, at + len(word), 0, 0, word.lower())
    >>> w = words_for(("en",))
    >>> _listed_with(text, [span("Niger")], [span("Mali")], w)
    True
    >>> _listed_with(text, [span("Niger")], [span("Chad")], w)
    True
    >>> _listed_with("Chad said Niger", [span("Niger")], [span("Chad")], w)
    False
    """
    conj = w["after_list"]
    # an article may open each item of the list ("vers le Togo, le Ghana et le Burkina")
    articles = w["articles"] if config.GEOPARSE_LIST_ARTICLES else frozenset()
    for s in group:
        for o in others:
            if o.end <= s.start:
                between = text[o.end : s.start]
            elif s.end <= o.start:
                between = text[s.end : o.start]
            else:
                continue
            if len(between) > config.GEOPARSE_LIST_GAP_CHARS or "\n" in between:
                continue
            words = between.replace(",", " , ").split()
            if words and all(
                x == "," or x.lower() in conj or x.lower().rstrip("'’") in articles for x in words
            ):
                return True
    return False


def _country_cued(toks: Tokens, group: Sequence[Span], w: Words) -> bool:
    """Whether an occurrence of a name (``group``) comes right after a word that speaks of a
    country (the pack's ``country_before``: "neighbouring X"), or after such a word and one
    of ``country_links`` ("the border with X", "across the border into X")."""
    before, links = w["country_before"], w["country_links"]
    for s in group:
        j = s.first - 1
        if j >= 0 and toks.join[j] != 0 and toks.keys[j] in links:
            j -= 1
        if j >= 0 and toks.join[j] != 0 and not toks.cap[j] and toks.keys[j] in before:
            return True
    return False


def _named_as_region(key: str, place: Place) -> bool:
    """Whether a town is named here as its own first-level region is ("Lucerne" for Luzern,
    seat of the canton of Lucerne): a town of note, whatever its main name says."""
    if place.kind != "city" or not place.admin1:
        return False
    return _admin1_key(place.admin1) == key


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _admin1_key(name: str) -> str:
    """The key of a first-level region's name (:func:`_named_as_region`), memoised."""
    return normalize_name(name)


def _choice(
    picked: tuple[Candidate, float, dict[str, float], float],
) -> tuple[Candidate, dict[str, float], float]:
    best, _, f, margin = picked
    return best, f, margin


def _read_by_recognition(f: Mapping[str, float]) -> tuple[bool, bool, bool, bool]:
    """What recognition reads of a candidate's features: whether the context supports it,
    and its ``capital``, ``off_focus`` and ``far`` flags."""
    supported = (
        f.get("focus", 0.0) > 0
        or f.get("sentence_country", 0.0) > 0
        or f.get("apposition", 0.0) > 0
        or f.get("proximity", 0.0) >= config.GEOPARSE_SUPPORTED_PROXIMITY
    )
    return supported, bool(f.get("capital")), bool(f.get("off_focus")), bool(f.get("far"))


def _abbreviated(place: Place, cs: Sequence[Candidate]) -> bool:
    """Whether a name reached ``place`` as an abbreviation of it ("Ky", "Tenn")."""
    return any(c.place.id == place.id and c.match == "abbreviation" for c in cs)


def _dotted(text: str, toks: Tokens, span: Span, abbreviated: bool) -> bool:
    """Whether a name is an abbreviation written with periods ("U.S", "W.Va"), or one
    reached as an abbreviation of its place ("Ky", "Tenn")."""
    if abbreviated:
        return True
    last = span.last
    short = toks.ends[last] - toks.starts[last] <= 3 and toks.cap[last]
    inner = any(
        text[toks.ends[j] : toks.starts[j + 1]] == "." for j in range(span.first, span.last)
    )
    return short and inner


def _apposed(text: str, toks: Tokens, span: Span, ends: Mapping[int, Span]) -> bool:
    """Whether a name follows a capitalised word after a comma ("Laurel, Ky.",
    "Greer, S.C.")."""
    prev = span.first - 1
    if prev < 0 or not (prev in ends or toks.cap[prev]):
        return False
    return text[toks.ends[prev] : toks.starts[span.first]].strip() == ","


def _defined_short_forms(
    text: str, toks: Tokens, group: Sequence[Span], ends: Mapping[int, Span], index: Index
) -> frozenset[str]:
    """The ids of the places that a short form ("NSW", "KP") is defined as by the text: the
    candidates of the name written right before it when it stands alone in brackets after
    that name ("New South Wales (NSW)")."""
    out: set[str] = set()
    for s in group:
        prev = s.first - 1
        before = ends.get(prev)
        if before is None or text[toks.ends[prev] : toks.starts[s.first]].strip() != "(":
            continue
        if not text[toks.ends[s.last] :].lstrip().startswith(")"):
            continue
        out.update(c.place.id for c in index.candidates(before.key))
    return frozenset(out)


def _listed_before_plural(text: str, toks: Tokens, spans: Sequence[Span], w: Words) -> list[int]:
    """Where the names of a list closed by a plural region noun start ("Ashtabula,
    Trumbull and Mahoning counties", "Hardin and Pike counties"): each is a region, not
    only the last. The list runs back over names separated by a comma or a list word."""
    nouns = w["region_after"]
    after_list = w["after_list"]
    by_last = {s.last: s for s in spans}
    out: list[int] = []
    for s in spans:
        nxt = s.last + 1
        if (
            nxt >= len(toks)
            or toks.join[s.last] != 1
            or toks.keys[nxt] not in nouns
            or not toks.keys[nxt].endswith(_PLURAL_END)
        ):
            continue
        cur = s
        while cur.first > 0:
            gap_end = toks.starts[cur.first]
            prev = None
            for j in range(cur.first - 1, max(-1, cur.first - 3), -1):
                if j in by_last:
                    prev = by_last[j]
                    break
                if toks.keys[j] not in after_list:
                    break
            if prev is None:
                break
            gap = text[toks.ends[prev.last] : gap_end].strip()
            words = gap.replace(",", " ").split()
            if gap and (gap[0] not in ",&" and words[0].lower() not in after_list):
                break
            if not all(word.lower() in after_list or word == "&" for word in words):
                break
            out.append(prev.first)
            cur = prev
    return out


#: How a plural region noun ends ("counties", "parishes", "regions", "oblasts").
_PLURAL_END: Final = "s"


def _dotted_alone(text: str, toks: Tokens, span: Span, w: Words) -> bool:
    """Whether a name is an abbreviation written with inner periods ("N.J.", "W.Va.")
    that stands for a region outside apposition: not after a number ("300 B.C.") and not
    before a given name or surname (initials: "W.V. Ostrander")."""
    if span.last == span.first or not all(
        text[toks.ends[j] : toks.starts[j + 1]] == "." for j in range(span.first, span.last)
    ):
        return False
    prev = span.first - 1
    if prev >= 0 and any(ch.isdigit() for ch in text[toks.starts[prev] : toks.ends[prev]]):
        return False
    nxt = span.last + 1
    return not (
        nxt < len(toks)
        and toks.cap[nxt]
        and (toks.keys[nxt] in w["surnames"] or toks.keys[nxt] in w["first_names"])
    )


def scored_candidates(
    key: str, cs: tuple[Candidate, ...], index: Index, capitals: frozenset[str]
) -> tuple[tuple[Candidate, ...], tuple[dict[str, float], ...]]:
    """The candidates of a name worth scoring, and their static features (cached per name):
    at most GEOPARSE_SCORED_CANDIDATES, leaving out those whose prior is lower than the best
    one's by more than GEOPARSE_PRUNE_PRIOR_GAP (a village of 500 people called Paris)."""
    cache = index.scored
    ids = (key, *(c.place.id for c in cs[: config.GEOPARSE_SCORED_CANDIDATES]))
    found = cache.get(ids)
    if found is not None:
        return found
    floor = cs[0].prior - config.GEOPARSE_PRUNE_PRIOR_GAP
    top = tuple(
        c
        for k, c in enumerate(cs[: config.GEOPARSE_SCORED_CANDIDATES])
        if k < 2 or c.prior >= floor
    )
    statics = tuple(static_features(c, top, capitals) for c in top)
    if len(cache) > config.GEOPARSE_CACHE_SIZE:
        cache.clear()
    cache[ids] = (top, statics)
    return top, statics


def _best_in_areas(
    scored: Sequence[tuple[float, Candidate, dict[str, float], dict[str, float]]],
    areas: Mapping[str, float],
) -> tuple[float, Candidate, dict[str, float], dict[str, float]] | None:
    """The best scored candidate (of ``scored``, best first) that lies in one of the
    first-level regions ``areas`` and is no country, or None."""
    for row in scored:
        p = row[1].place
        if p.kind != "country" and admin_key(p) in areas:
            return row
    return None


def _apposed_areas(places: Sequence[Place]) -> dict[str, float]:
    """The first-level regions ("US.OH") among the places named in apposition after a name."""
    return {
        admin_key(q): 1.0
        for q in places
        if q.kind == "region" and admin_key(q) and feature_of(q) == "admin1"
    }


def _shared_areas(key: str, cs: Sequence[Candidate], co: Cooccurrence) -> dict[str, float]:
    """The first-level regions of a name's candidates in which at least
    GEOPARSE_SHARED_AREA_NAMES other names of the document have a candidate too."""
    out: dict[str, float] = {}
    least = config.GEOPARSE_SHARED_AREA_NAMES
    for c in cs:
        area = admin_key(c.place)
        if not area or area in out:
            continue
        names = co.admins.get(area, ())
        n = len(names) - (key in names)
        if n >= least:
            out[area] = float(n)
    return out


def focus_candidates(
    cs: Sequence[Candidate],
    top: Sequence[Candidate],
    ctx: Context,
    *,
    apposed: Mapping[str, float] | None = None,
    voted: str = "",
    shared: Mapping[str, float] | None = None,
) -> tuple[Candidate, ...]:
    """Candidates of a name left out of ``top`` (its candidates scored by prior) that lie in
    a first-level region named in apposition after it (``apposed``: "Chillicothe, Ohio"),
    in the one the document's other names vote for most (``voted``, :class:`Votes`),
    in a first-level region of the document's unambiguous places, in one where other names
    of the document have candidates too (``shared``: a town beside two other names that
    have candidates in its state), or in a country of the unambiguous places, and bear
    the name as their own: the most prominent of each such region, then of each such
    country, at most GEOPARSE_FOCUS_EXTRA_CANDIDATES ("Lebanon" in a story about Indiana
    towns is Lebanon, Indiana, a town the country's prior prunes)."""
    if len(top) == len(cs) or not (ctx.focus or apposed or shared or voted):
        return ()
    scored = {c.place.id for c in top}
    # the regions and countries that a scored candidate already stands for
    seen = {a for c in top for a in (c.place.country_code, admin_key(c.place)) if a}
    out: list[Candidate] = []
    most = config.GEOPARSE_FOCUS_EXTRA_CANDIDATES
    any_country = any(c.place.kind == "country" for c in top)
    for level in (
        apposed or {},
        {voted: 1.0} if voted else {},
        ctx.admin_focus,
        shared or {},
        ctx.focus,
    ):
        # the place's own name only: an alternate ("Paris" of a town renamed since) gives
        # no reason to look further than the prior did, save in a first-level region the
        # text points to that has no town of that own name ("San Lorenzo" for San Lorenzo
        # de Esmeraldas in a story there); never for a country's name ("Moldova")
        regional = level is not ctx.focus and level is not shared and not any_country
        for alternates in (False, True) if regional else (False,):
            for c in cs:
                p = c.place
                if (
                    p.id in scored
                    or p.kind == "country"
                    or not p.country_code
                    or (not p.primary if not alternates else p.primary or c.match != "alternate")
                ):
                    continue
                area = p.country_code if level is ctx.focus else admin_key(p)
                if area in seen or area not in level:
                    continue
                seen.update((p.country_code, admin_key(p)))
                scored.add(p.id)
                out.append(c)
                if len(out) >= most:
                    return tuple(out)
    return tuple(out)


def _with_focus_places(
    key: str,
    cs: tuple[Candidate, ...],
    index: Index,
    ctx: Context,
    *,
    apposed: Mapping[str, float],
    voted: str,
) -> tuple[Candidate, ...]:
    """The candidates of a name, with, when the gazetteer had more than
    GEOPARSE_MAX_CANDIDATES of them, those of the countries the document points to (its
    unambiguous places, the region other names vote for, a region in apposition) that the
    cut left out: the hamlet "San Francisco" of a story about one province of Peru comes
    after ninety namesakes across the Americas and the Philippines."""
    if len(cs) < config.GEOPARSE_MAX_CANDIDATES:
        return cs
    countries = {
        *ctx.focus,
        *(a.partition(".")[0] for a in (*apposed, *ctx.admin_focus)),
        voted.partition(".")[0],
    }
    have = {c.place.id for c in cs}
    more = tuple(c for c in index.candidates_in(key, countries) if c.place.id not in have)
    return (*cs, *more) if more else cs


def _regions_with_noun_before(
    group: Sequence[Span], toks: Tokens, w: Words, index: Index
) -> list[Candidate]:
    """The regions whose full name is a region noun written before a name with the words
    between them and the name itself ("province du Ziro", "région du Lac"), at most
    GEOPARSE_NOUN_BEFORE_TOKENS tokens before it, each with ``match="variant"`` and its
    prior lowered by GEOPARSE_VARIANT_PENALTY."""
    nouns = w["region_before"]
    keys = toks.keys
    out: dict[str, Candidate] = {}
    for s in group:
        for j in range(s.first - 1, max(-1, s.first - 1 - config.GEOPARSE_NOUN_BEFORE_TOKENS), -1):
            if toks.sentence[j] != toks.sentence[s.first]:
                break
            if keys[j] not in nouns:
                continue
            phrase = toks.joined(j, s.last - j + 1)
            for c in index.candidates(phrase, variants=False):
                if c.place.kind == "region" and c.place.id not in out:
                    prior = c.prior - config.GEOPARSE_VARIANT_PENALTY
                    out[c.place.id] = Candidate(c.place, prior, "variant")
            break
    return list(out.values())


def _unknown_water_after(toks: Tokens, span: Span, w: Words) -> bool:
    """Whether a capitalised water noun follows the name as part of it ("Ouémé River",
    "Kainji Reservoir"): the name is then a water body's, not a town's or a region's."""
    nxt = span.last + 1
    return (
        nxt < len(toks.keys)
        and toks.join[span.last] == 1
        and not toks.hyphen_after[span.last]
        and toks.cap[nxt]
        and toks.keys[nxt] in w["water"]
    )


def _why(
    model: Model, f: Mapping[str, float], g: Mapping[str, float], p: float
) -> dict[str, float]:
    # each feature's weighted value rounded to 3 decimals, looked up by (feature, value)
    # (rounding is slow, and most features are flags), with its sort key: terms of 0.01
    # and more, largest first (ties keep their order)
    get = model.terms.get
    terms = []
    for item in f.items():
        entry = get(item)
        if entry is None:
            entry = _why_term(model, item)
        if entry:
            terms.append(entry)
    terms.sort(key=_first)
    out = {k: term for _, k, term in terms}
    out["recognised"] = round(p, 3)
    return out


def _why_term(model: Model, item: tuple[str, float]) -> tuple[float, str, float] | tuple[()]:
    """The term of ``why`` of feature and value ``item`` as (-|term|, feature, term), or ()
    when it rounds below 0.01; memoised in ``model.terms``."""
    k, v = item
    term = round(model.resolve.get(k, 0.0) * v, 3)
    entry: tuple[float, str, float] | tuple[()] = (-abs(term), k, term) if abs(term) >= 0.01 else ()
    if len(model.terms) < config.GEOPARSE_CACHE_SIZE:
        model.terms[item] = entry
    return entry


#: The first item of a tuple.
_first: Final = operator.itemgetter(0)


def _prior_of(scored: tuple[float, Candidate, dict[str, float], dict[str, float]]) -> float:
    """The prior of a scored candidate ``(score, candidate, statics, features)``."""
    return scored[1].prior


def index_capitals(index: Index) -> frozenset[str]:
    """Ids of national capitals (from the gazetteer's country records)."""
    return index.capitals


def _is_strong(cs: Sequence[Candidate], group: Sequence[Span]) -> bool:
    """Whether a name's reading does not depend on context."""
    best = cs[0]
    feature = feature_of(best.place)
    if best.place.kind == "country":
        return best.prior >= config.GEOPARSE_COUNTRY_PRIOR
    if feature in ("disputed", "macro_region", "continent"):
        return True
    if all(s.soft for s in group):
        return False
    if best.prior < config.GEOPARSE_NOTABLE_PRIOR:
        return False
    if len(cs) == 1:
        return True
    if cs[1].prior < best.prior - config.GEOPARSE_CLEAR_PRIOR_GAP:
        return True
    return all(
        approx_km(best.place.latitude, best.place.longitude, c.place.latitude, c.place.longitude)
        < config.GEOPARSE_SAME_PLACE_KM
        for c in cs[1:]
    )


def country_contested(
    cs: Sequence[Candidate], *, focus: Mapping[str, float], own_mentions: float
) -> bool:
    """Whether a name whose best candidate is a country must be scored like any name rather
    than taken for the country: a town of note shares it ("Lebanon"), or a region does
    ("Georgia" the state). A region of another country contests the name only where the
    other names of the story point to that country at least as much as to the country
    (``focus`` less the name's own ``own_mentions``): "Georgia" in a story about Atlanta,
    not in one about Tbilisi with a few towns of the other country.

    Parameters
    ----------
    cs : sequence of Candidate
        The name's candidates, best prior first (a country first).
    focus : mapping of str to float
        Mentions of the anchors of the document by country.
    own_mentions : float
        The mentions of the name itself counted in ``focus``.

    Returns
    -------
    bool
        True when the name is scored like any other.
    """
    own = cs[0].place.country_code or ""
    own_focus = focus.get(own, 0.0) - own_mentions
    for c in cs:
        if c.place.kind == "country":
            continue
        if c.place.kind != "region":
            if c.prior >= config.GEOPARSE_NOTABLE_PRIOR:
                return True
        elif c.place.country_code == own or focus.get(c.place.country_code or "", 0.0) >= own_focus:
            return True
    return False


def _anchors(
    cands: Mapping[str, tuple[Candidate, ...]],
    by_key: Mapping[str, list[Span]],
    toks: Tokens,
    w: Words,
    index: Index,
    foreign: set[str],
) -> tuple[Context, dict[str, Place]]:
    ctx = Context()
    named_countries = {
        cs[0].place.country_code
        for cs in cands.values()
        if cs[0].place.country_code
        and (cs[0].place.kind == "country" or feature_of(cs[0].place) == "disputed")
    }
    ctx.named_countries = {
        cs[0].place.country_code or ""
        for cs in cands.values()
        if cs[0].place.kind == "country" and cs[0].prior >= config.GEOPARSE_COUNTRY_PRIOR
    }
    anchors: dict[str, Place] = {}
    for key, cs in cands.items():
        best = cs[0]
        if key in foreign or not _is_strong(cs, by_key[key]):
            continue
        # a town of an unrelated country is no anchor, however unambiguous its name
        if (
            best.place.kind == "city"
            and named_countries
            and best.place.country_code not in named_countries
            and best.prior < config.GEOPARSE_MAJOR_PRIOR
        ):
            continue
        anchors[key] = best.place
        cc = best.place.country_code
        if cc:
            ctx.focus[cc] = ctx.focus.get(cc, 0.0) + len(by_key[key])
        if cc and best.place.admin1_code and best.place.kind != "country":
            admin = f"{cc}.{best.place.admin1_code}"
            ctx.admin_focus[admin] = ctx.admin_focus.get(admin, 0.0) + len(by_key[key])
        if best.place.kind == "region" and best.place.admin1_code:
            ctx.named_regions.add(f"{best.place.country_code}.{best.place.admin1_code}")
        if feature_of(best.place) == "disputed":
            ctx.disputed.append(best.place)
        for s in by_key[key]:
            ctx.by_sentence.setdefault(toks.sentence[s.first], []).append(best.place)
    # regions named in the document, even ambiguous ones: "Springfield ... Illinois"
    for cs in cands.values():
        for c in cs[:3]:
            if (
                c.place.kind == "region"
                and c.place.admin1_code
                and feature_of(c.place) == "admin1"
                and c.prior >= cs[0].prior - config.GEOPARSE_CLEAR_PRIOR_GAP
            ):
                ctx.named_regions.add(f"{c.place.country_code}.{c.place.admin1_code}")
    ctx.focus_total = sum(ctx.focus.values())
    ctx.admin_total = sum(ctx.admin_focus.values())
    ctx.others = list(anchors.values())
    ctx.points = _points(ctx.others)
    # only read for the towns near a named disputed area
    ctx.separatist_sentences = _cue_sentences(toks, w) if ctx.disputed else set()
    return ctx, anchors


def _points(places: Sequence[Place]) -> list[tuple[float, float, str]]:
    return [(p.latitude, p.longitude, p.id) for p in places if p.kind != "country"]


def _second_round_context(
    ctx: Context,
    chosen: Mapping[str, tuple[Candidate, float, dict[str, float], float]],
    sentences_of: Mapping[str, set[int]],
) -> Context:
    by_sentence: dict[int, list[Place]] = {}
    focus: dict[str, float] = {}
    admin_focus: dict[str, float] = {}
    for key, (c, *_rest) in chosen.items():
        n = len(sentences_of.get(key, ()))
        for k in sentences_of.get(key, ()):
            by_sentence.setdefault(k, []).append(c.place)
        cc = c.place.country_code
        if cc:
            focus[cc] = focus.get(cc, 0.0) + n
        if cc and c.place.admin1_code and c.place.kind != "country":
            admin = f"{cc}.{c.place.admin1_code}"
            admin_focus[admin] = admin_focus.get(admin, 0.0) + n
    others = [c.place for c, *_rest in chosen.values()]
    return Context(
        focus=focus,
        focus_total=sum(focus.values()),
        admin_focus=admin_focus,
        admin_total=sum(admin_focus.values()),
        others=others,
        points=_points(others),
        by_sentence=by_sentence,
        named_countries=ctx.named_countries,
        named_regions=ctx.named_regions
        | {
            f"{c.place.country_code}.{c.place.admin1_code}"
            for c, *_rest in chosen.values()
            if c.place.kind == "region"
            and c.place.admin1_code
            # (a county chosen names no state: its state would support its own pick)
            and not (config.GEOPARSE_COUNTY_ADMIN1_NAMED and feature_of(c.place) == "admin2")
        },
        disputed=ctx.disputed,
        separatist_sentences=ctx.separatist_sentences,
    )


#: What stands between a name and the place in apposition right after it ("X, Y", "X (Y)").
_APPOSITION_GAPS: Final = frozenset({"", ",", "(", "-", "–", "—"})


#: What may stand between the words of a unit's gap: nothing, a comma, an elision's
#: apostrophe ("dans l'est de").
_UNIT_GAP_MARKS: Final = frozenset({"", ",", "'", "’"})


def _unit_noun_gap(
    text: str,
    toks: Tokens,
    last: int,
    nxt: int,
    nouns: frozenset[str],
    links: frozenset[str],
    compass: frozenset[str] = frozenset(),
) -> bool:
    """Whether the words between token ``last`` and token ``nxt`` of one sentence say that
    the name ending at ``last`` lies in the place starting at ``nxt``: a unit's noun or a
    compass word (``compass``) and "of" words, prepositions or articles only, ending in one
    of those or in a compass word ("X district of Y", "X, dans la région de Y", "X, northern
    Y", "X на севере Y"), with nothing but spaces, commas and elisions' apostrophes between
    them (not a bare preposition: "X в Y" of the Russian press joins too much else)."""
    between = range(last + 1, nxt)
    if toks.sentence[last] != toks.sentence[nxt] or not all(
        text[toks.ends[j - 1] : toks.starts[j]].strip() in _UNIT_GAP_MARKS
        for j in range(last + 1, nxt + 1)
    ):
        return False
    keys = toks.keys
    return (
        (keys[nxt - 1] in links or keys[nxt - 1] in compass)
        and all(keys[j] in nouns or keys[j] in links or keys[j] in compass for j in between)
        and any(keys[j] in nouns or keys[j] in compass for j in between)
    )


def _appositions(
    text: str,
    toks: Tokens,
    by_key: Mapping[str, list[Span]],
    cands: Mapping[str, tuple[Candidate, ...]],
    anchors: Mapping[str, Place],
    w: Words,
) -> tuple[dict[str, list[Place]], dict[int, list[Place]]]:
    """Places named right after a name, after a comma or in brackets ("Springfield,
    Illinois", "Gaziantep (Turquie)"), or after a unit's noun and an "of" word ("X district
    of Y", "X, dans la région de Y"): the candidates of the following name's key, by key
    and by the first token of each span that has them."""
    starts = {}
    for key, group in by_key.items():
        for s in group:
            starts[s.first] = key
    out: dict[str, list[Place]] = {}
    at: dict[int, list[Place]] = {}
    nouns = w.union("region_after", "region_before")
    links = w.of_words | w["determiners"] | w["place_prepositions"] | w["elisions"]
    compass = w["compass_words"]
    for key, group in by_key.items():
        for s in group:
            nxt = next(
                (
                    j
                    for j in range(
                        s.last + 1,
                        min(len(toks), s.last + 2 + config.GEOPARSE_APPOSITION_MAX_WORDS),
                    )
                    if j in starts
                ),
                None,
            )
            if nxt is None:
                continue
            if nxt > s.last + 1:
                if not _unit_noun_gap(text, toks, s.last, nxt, nouns, links, compass):
                    continue
            elif text[toks.ends[s.last] : toks.starts[nxt]].strip() not in _APPOSITION_GAPS:
                continue
            other = starts[nxt]
            if other == key or other not in cands:
                continue
            places = [c.place for c in cands[other][:3] if c.place.kind != "city"]
            if other in anchors and anchors[other].kind != "city":
                places = [anchors[other]]
            out.setdefault(key, []).extend(places)
            at[s.first] = places
    return out, at


def _cue_sentences(toks: Tokens, w: Words) -> set[int]:
    if not w.separatist or not len(toks):
        return set()
    found: set[int] = set()
    keys = toks.keys
    text = " ".join(keys)
    offsets = []
    pos = 0
    for k in keys:
        offsets.append(pos)
        pos += len(k) + 1
    import bisect

    for cue in w.separatist:
        at = text.find(cue)
        while at >= 0:
            i = max(0, bisect.bisect_right(offsets, at) - 1)
            found.add(toks.sentence[i])
            at = text.find(cue, at + 1)
    return found


def _town_and_region(cs: Sequence[Candidate]) -> bool:
    """Whether a first-level region and a town of its country bear the name."""
    regions = {
        c.place.country_code
        for c in cs
        if c.place.kind == "region" and feature_of(c.place) == "admin1"
    }
    return any(c.place.kind == "city" and c.place.country_code in regions for c in cs)


def _twin_for_span(
    span: Span, place: Place, cs: Sequence[Candidate], index: Index, cue: int
) -> Place:
    """The reading of one occurrence of a name borne by a town and its region: the region
    where this occurrence has a region cue (``cue``, :func:`region_cue`), the town
    otherwise."""
    twin = index.twin(span.key, place, cs)
    if twin is place:
        small = place.population < config.GEOPARSE_METROPOLIS_POPULATION
        if place.kind == "city" and (cue == 2 or (cue == 1 and small)):
            # "Deir al-Zor province", "la région de Briansk": the region named after the
            # town, which the spelling in the text did not find
            return index.admin1_region(place) or place
        return place
    city = place if place.kind == "city" else twin
    as_region = cue == 2 or (cue == 1 and city.population < config.GEOPARSE_METROPOLIS_POPULATION)
    if as_region:
        return place if place.kind == "region" else twin
    return place if place.kind == "city" else twin


def _capital_after_a(
    text: str, toks: Tokens, span: Span, country: Place, cs: Sequence[Candidate]
) -> Place:
    """Town or country after "à" ("à Djibouti", "à Koweït"): French puts "à" before a town
    (and a few island countries); a country that shares its name with one of its towns is
    then the town."""
    i = span.first - 1
    if i < 0 or text[toks.starts[i] : toks.ends[i]] not in ("à", "À") or toks.join[i] != 1:
        return country
    towns = [
        c.place
        for c in cs
        if c.place.kind == "city"
        and c.place.country_code == country.country_code
        and c.prior >= config.GEOPARSE_MAJOR_PRIOR
    ]
    return towns[0] if towns else country
