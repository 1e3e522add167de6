"""Finding place names in text and resolving them to gazetteer places, in six languages.

The stages, one module each, are plain functions over plain data (:mod:`geo.model`):

1. :mod:`~geo.geoparse.tokenize`: words, keys, sentences, each sentence's language;
2. :mod:`~geo.geoparse.filters`: what cannot be a place (organisations, media, people...);
3. :mod:`~geo.geoparse.spans`: text that may name a place (capitalised names, word forms of
   Russian and Ukrainian, a dictionary scan of Arabic);
4. :mod:`~geo.geoparse.candidates`: the gazetteer places each name may be;
5. :mod:`~geo.geoparse.features`: what each candidate is and how the document supports it;
6. :mod:`~geo.geoparse.resolve`: fitted scores choose each name's place and whether it is a
   place at all; each :class:`~geo.model.Mention` says ``why``;
7. :mod:`~geo.geoparse.approximate`: names the gazetteer lacks that a cue makes places ("the
   village of X") are placed at an anchor (ACLED geo_precision 2 or 3).

Language knowledge comes from the packs of :mod:`geo.lang`; weights and thresholds from
``weights.json`` (fitted) and :mod:`geo.config` (named).

Offsets index the document text: ``text[char_start:char_end] == mention``.

Examples
--------
>>> import geo
>>> df = geo.geoparse("Des roquettes sont tombées sur Stepanakert, au Haut-Karabakh.")
>>> df[["mention", "name", "kind"]].values.tolist()
[['Stepanakert', 'Khankendi', 'city'], ['Haut-Karabakh', 'Nagorno-Karabakh', 'region']]
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from geo import config
from geo.gazetteer import normalize_name
from geo.geoparse.approximate import (
    approximate_mentions,
    local_waters,
    respelled_approximations,
)
from geo.geoparse.candidates import Index, haversine_km, is_water
from geo.geoparse.filters import blocked, words_for
from geo.geoparse.resolve import Model, Trace, index_capitals, resolve
from geo.geoparse.spans import find_spans
from geo.geoparse.tokenize import Tokens, tokenize
from geo.lang import LANGUAGES, detect_language
from geo.model import Mention, Span

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.io.documents import Document

__all__ = [
    "MENTION_COLUMNS",
    "Geoparser",
    "Mention",
    "Parsed",
    "find_mentions",
    "geoparse",
    "get_geoparser",
    "haversine_km",
    "is_water",
    "mentions_to_frame",
    "why_text",
    "why_texts",
]

#: Columns of the mention table (``geo parse`` output), geometry aside.
MENTION_COLUMNS: Final = (
    "doc_id",
    "mention",
    "char_start",
    "char_end",
    "name",
    "kind",
    "country_code",
    "gazetteer_id",
    "latitude",
    "longitude",
    "score",
    "lang",
    "why",
)


@dataclass(frozen=True)
class Parsed:
    """A parsed document: its tokens and its mentions, in text order.

    ``tokens.sentence_starts[k]`` is where sentence ``k`` starts; :attr:`Mention.sentence`
    indexes it.
    """

    tokens: Tokens
    mentions: list[Mention]
    lang: str

    @property
    def sentence_starts(self) -> list[int]:
        return self.tokens.sentence_starts


class Geoparser:
    """The geoparser's resources: the gazetteer (with memoised lookups) and the weights.

    Parameters
    ----------
    index : Index, optional
        The gazetteer as the geoparser sees it; the process-wide one by default.
    model : Model, optional
        Fitted weights; ``geo/geoparse/weights.json`` by default.

    Examples
    --------
    >>> parser = get_geoparser()
    >>> [(m.mention, m.place.country_code) for m in parser.parse("Des tirs ont visé Bakou.")]
    [('Bakou', 'AZ')]
    """

    def __init__(self, index: Index | None = None, model: Model | None = None) -> None:
        self.index = index if index is not None else Index.default()
        self.model = model if model is not None else Model.load()
        self._scan: Callable[[str, Tokens, list[bool]], list[Span]] | bool | None = False

    @property
    def gazetteer(self) -> Any:
        return self.index.gazetteer

    def parse_text(
        self,
        text: str,
        *,
        lang: str | None = None,
        start: int = 0,
        doc_id: str = "",
        trace: Trace | None = None,
    ) -> Parsed:
        """Parse ``text`` from offset ``start``: tokens and mentions.

        Parameters
        ----------
        text : str
            The document.
        lang : str, optional
            Its language (a code of :data:`geo.lang.LANGUAGES`); detected when None.
        start : int
            Offset where the article starts (after a ``date`` header).
        doc_id : str
            Copied into every mention.
        trace : Trace, optional
            Receives the features computed (for fitting the weights).
        """
        if lang is not None and lang not in LANGUAGES and lang != "und":
            from geo.errors import InputError

            raise InputError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
        w0 = words_for(LANGUAGES)  # the tokenizer's lists: every language's
        toks = tokenize(
            text,
            start,
            None,
            elisions=w0["elisions"],
            abbreviations=w0["abbreviations"],
            connectors=w0["connectors"],
        )
        if lang is not None:
            doc_lang = lang
        else:
            sample_end = start + config.LANG_SAMPLE_CHARS
            upto = bisect.bisect_left(toks.starts, sample_end)
            doc_lang = detect_language(
                text[start:sample_end], sample_chars=config.LANG_SAMPLE_CHARS, keys=toks.keys[:upto]
            )
        if not len(toks):
            return Parsed(toks, [], doc_lang)
        toks.sentence_lang = sentence_languages(toks, doc_lang, forced=lang is not None)
        langs = tuple(sorted({doc_lang, *toks.sentence_lang} - {"und"})) or (doc_lang,)
        langs = _with_script_languages(langs, toks)
        w = words_for(langs)
        out = blocked(text, toks, w, self.index)
        spans = find_spans(text, toks, out, w, self.index, scan=self._scanner())
        if not spans:
            return Parsed(toks, [], doc_lang)
        off_story: list[Span] = []
        mentions = resolve(
            text,
            toks,
            spans,
            w,
            self.index,
            self.model,
            doc_id=doc_id,
            trace=trace,
            off_story=off_story,
        )
        mentions = without_region_heads(text, toks, mentions, w, self.index)
        mentions = without_headline_hamlets(text, toks, mentions)
        if config.GEOPARSE_SURNAME_PLACES:
            mentions = surnames_also_places(text, toks, out, mentions, w)
        if config.GEOPARSE_APPROXIMATE and mentions:
            # names the gazetteer lacks that a cue makes places ("the village of X"): placed
            # at an anchor, ACLED geo_precision 2 or 3
            mentions = approximate_mentions(
                text,
                toks,
                out,
                mentions,
                w,
                capitals=index_capitals(self.index),
                doc_id=doc_id,
                uncued=[(s.first, s.last) for s in off_story],
            )
            mentions = respelled_approximations(mentions, self.index)
        if config.GEOPARSE_WATER_LOCAL and mentions:
            mentions = local_waters(text, mentions, features=config.GEOPARSE_WATER_LOCAL_FEATURES)
        if config.GEOPARSE_FEATURE_HEADS:
            mentions = with_feature_heads(text, toks, mentions, w)
        if "ar" in langs:
            mentions = arabic_name_extents(text, toks, mentions, w, self.index)
        return Parsed(toks, mentions, doc_lang)

    def parse(
        self, text: str, *, lang: str | None = None, start: int = 0, doc_id: str = ""
    ) -> list[Mention]:
        """Return the place mentions of ``text`` (from offset ``start``), in text order."""
        return self.parse_text(text, lang=lang, start=start, doc_id=doc_id).mentions

    def _scanner(self) -> Callable[[str, Tokens, list[bool]], list[Span]] | None:
        if self._scan is False:
            try:
                from geo.geoparse.scan import Scanner
            except ImportError:
                self._scan = None
            else:
                self._scan = Scanner(self.index).spans
        return self._scan if callable(self._scan) else None


def without_region_heads(
    text: str, toks: Tokens, mentions: Sequence[Mention], w: Any, index: Index
) -> list[Mention]:
    """``mentions`` with the region noun that opens one left out of its span when the name
    after the noun (and its links: "de", "du", "l'") names the same place: "l'État de
    [Borno]", "la RÉGION DE [KAYES]" (the pack's ``region_heads_outside``).

    Examples
    --------
    >>> [m.mention for m in get_geoparser().parse("Des déplacés venus de l'État de Borno.")]
    ['Borno']
    """
    heads = w["region_heads_outside"]
    if not heads:
        return list(mentions)
    links = w.union("chain_connectors", "elisions")
    out: list[Mention] = []
    for m in mentions:
        a = bisect.bisect_left(toks.starts, m.char_start)
        b = bisect.bisect_left(toks.ends, m.char_end)
        if a >= b or b >= len(toks) or toks.starts[a] != m.char_start or toks.keys[a] not in heads:
            out.append(m)
            continue
        j = a + 1
        while j < b and toks.keys[j] in links and toks.join[j - 1] != 0:
            j += 1
        if toks.join[j - 1] == 0 or not toks.cap[j]:
            out.append(m)
            continue
        key = toks.joined(j, b - j + 1)
        if any(c.place.id == m.place.id for c in index.candidates(key)):
            start = toks.starts[j]
            m = dataclasses.replace(m, mention=text[start : m.char_end], char_start=start)
        out.append(m)
    return out


def with_feature_heads(
    text: str, toks: Tokens, mentions: Sequence[Mention], w: Any
) -> list[Mention]:
    """``mentions`` with the noun of a natural feature named after the place written before
    it, through "de", "du", "des", "l'", taken into the span: "le lac d'[Annecy]" is the
    mention "lac d'Annecy", placed at the place (the pack's ``feature_of_heads``).

    Examples
    --------
    >>> [m.mention for m in get_geoparser().parse("Des pêcheurs ont disparu sur le lac d'Annecy.")]
    ["lac d'Annecy"]
    """
    heads = w.get("feature_of_heads", frozenset())
    if not heads:
        return list(mentions)
    links = w.union("chain_connectors", "elisions")
    out: list[Mention] = []
    for m in mentions:
        a = bisect.bisect_left(toks.starts, m.char_start)
        if a >= len(toks) or toks.starts[a] != m.char_start or a < 2:
            out.append(m)
            continue
        j = a - 1
        while (
            j > 0
            and a - j <= config.GEOPARSE_HEAD_LINK_TOKENS
            and toks.keys[j] in links
            and toks.join[j] != 0
        ):
            j -= 1
        if (
            j < a - 1
            and toks.keys[j] in heads
            and toks.join[j] != 0
            and (not toks.cap[j] or toks.initial[j])
        ):
            start = toks.starts[j]
            m = dataclasses.replace(m, mention=text[start : m.char_end], char_start=start)
        out.append(m)
    return out


def arabic_name_extents(
    text: str, toks: Tokens, mentions: Sequence[Mention], w: Any, index: Index
) -> list[Mention]:
    """``mentions`` with the adjective that Arabic writes after a village's name as part of
    it (the pack's ``name_adjectives``: "X الغربية", "X الصغرى"): X al-Gharbiya is a
    village of its own, the gazetteer's place of the whole name when it has one near, else
    X's place (the two lie side by side).

    Towns of :data:`geo.config.GEOPARSE_AR_NAME_ADJECTIVE_MAX_POPULATION` people or more
    keep their span ("حلب الشرقية": eastern Aleppo), and so does a name after a region noun,
    a plural or a word of the surroundings, which the adjective may qualify ("ريف حماة
    الشمالي": the northern countryside of Hama).

    Examples
    --------
    >>> text = "قصفت المدفعية قرية كفرنبل الشرقية."
    >>> [m.mention for m in get_geoparser().parse(text)]
    ['كفرنبل الشرقية']
    """
    adjectives = w["name_adjectives"]
    if not adjectives:
        return list(mentions)
    qualified = w.union("region_before", "near", "plural_settlements")
    keys, script, join, sentence = toks.keys, toks.script, toks.join, toks.sentence
    n = len(toks)
    out: list[Mention] = []
    for m in mentions:
        a = bisect.bisect_right(toks.starts, m.char_start) - 1
        b = bisect.bisect_right(toks.ends, m.char_end) - 1
        if (
            not (0 <= a <= b < n - 1)
            or script[a] != "arabic"
            or toks.ends[b] != m.char_end
            or join[b] == 0
            or sentence[b + 1] != sentence[b]
            or keys[b + 1] not in adjectives
            or m.place.kind != "city"
            or not (
                m.place.id.startswith("approx:")
                or m.place.population < config.GEOPARSE_AR_NAME_ADJECTIVE_MAX_POPULATION
            )
        ):
            out.append(m)
            continue
        if (
            toks.starts[a] == m.char_start
            and a > 0
            and join[a - 1] != 0
            and _arabic_bare(keys[a - 1]) in qualified
        ):
            out.append(m)
            continue
        end = toks.ends[b + 1]
        place = m.place
        for c in index.candidates(normalize_name(text[m.char_start : end])):
            if (
                c.place.kind == "city"
                and haversine_km(
                    place.latitude, place.longitude, c.place.latitude, c.place.longitude
                )
                < config.GEOPARSE_AR_NAME_ADJECTIVE_KM
            ):
                place = c.place
                break
        out.append(
            dataclasses.replace(m, mention=text[m.char_start : end], char_end=end, place=place)
        )
    return out


#: Particles glued before an Arabic noun: conjunction, then preposition.
_AR_PARTICLES: Final = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


def _arabic_bare(key: str) -> str:
    """An Arabic key without the particles glued before it, when what is left is a word."""
    for p in _AR_PARTICLES:
        if key.startswith(p) and len(key) - len(p) >= 3:
            return key[len(p) :]
    return key


def without_headline_hamlets(text: str, toks: Tokens, mentions: Sequence[Mention]) -> list[Mention]:
    r"""``mentions`` without the small towns named only in a Title-Case headline, where every
    word is capitalised: a town of fewer than ``GEOPARSE_HEADLINE_ONLY_MAX_POPULATION``
    people (a population the gazetteer gives) whose name the body never writes, in a country
    the body does not name, more than ``GEOPARSE_HEADLINE_ONLY_KM`` from every town of the
    body, is a capitalised word ("... as Families Return"), not the story's place.

    Examples
    --------
    >>> text = "Rebels Take Goma as Families Return\n\nRebels entered Goma, in Congo."
    >>> [m.mention for m in get_geoparser().parse(text)]
    ['Goma', 'Goma', 'Congo']
    """
    if not toks.titled or not any(toks.titled):
        return list(mentions)
    starts = toks.starts

    def in_headline(m: Mention) -> bool:
        # a line mostly capitalised that does not end as a sentence does
        a = bisect.bisect_right(starts, m.char_start) - 1
        if not (0 <= a < len(toks) and toks.titled[toks.sentence[a]]):
            return False
        end = text.find("\n", m.char_end)
        line = text[m.char_end : end if end >= 0 else len(text)].rstrip()
        return not line.endswith((".", "!", "?", "»", '"'))

    body = [m for m in mentions if not in_headline(m)]
    written = {normalize_name(m.mention) for m in body}
    body_keys = {normalize_name(m.mention) for m in body}
    body_keys |= {k for k, s in zip(toks.keys, toks.sentence, strict=True) if not toks.titled[s]}
    # the countries the body names, as countries or regions (not through a town: "a reporter
    # in Paris" is no reason for a French village)
    named = {m.place.country_code for m in body if m.place.kind != "city"}
    out: list[Mention] = []
    for m in mentions:
        p = m.place
        if (
            p.kind == "city"
            and 0 < p.population < config.GEOPARSE_HEADLINE_ONLY_MAX_POPULATION
            and in_headline(m)
            and normalize_name(m.mention) not in written
            and p.country_code not in named
            and not set(normalize_name(m.mention).split()) <= body_keys
            and all(
                haversine_km(p.latitude, p.longitude, b.place.latitude, b.place.longitude)
                > config.GEOPARSE_HEADLINE_ONLY_KM
                for b in body
                if b.place.kind == "city"
            )
        ):
            continue
        out.append(m)
    return out


def surnames_also_places(
    text: str, toks: Tokens, blocked: Sequence[bool], mentions: Sequence[Mention], w: Any
) -> list[Mention]:
    """``mentions`` and the occurrences of a town's name that the filters blocked as the
    surname of a person of the document, where the town is a mention elsewhere in it and a
    preposition of place stands before the word alone ("dijo Luis Ocaña ... en Ocaña
    ... el hospital de Ocaña": the last is the town too).

    The word must stand alone (no capitalised word glued before or after it: "Luis
    Ocaña" stays the person) after a lower-case preposition of the pack's
    ``place_prepositions`` (not one of its ``dative_prepositions``, which take the person
    spoken to: "pidió calma a X") that ends no blocked name ("la Diócesis de X" is an
    institution's); it takes the place of the town's first mention.
    """
    towns: dict[str, Mention] = {}
    starts = toks.starts
    for m in mentions:
        a = bisect.bisect_left(starts, m.char_start)
        if (
            a < len(toks)
            and starts[a] == m.char_start
            and toks.ends[a] == m.char_end
            and m.place.kind == "city"
            and toks.script[a] == "latin"
        ):
            towns.setdefault(toks.keys[a], m)
    if not towns:
        return list(mentions)
    preps = w["place_prepositions"] - w["dative_prepositions"]
    n = len(toks)
    added: list[Mention] = []
    for i in range(1, n):
        if not blocked[i] or not toks.cap[i] or toks.keys[i] not in towns:
            continue
        before, after = i - 1, i + 1
        if toks.join[before] == 0 or toks.cap[before] or toks.keys[before] not in preps:
            continue
        if blocked[before] or (before > 0 and toks.join[before - 1] != 0 and blocked[before - 1]):
            continue  # "la Fiscalía del Estado de X": an institution's name
        if after < n and toks.join[i] != 0 and toks.cap[after]:
            continue  # "de Ocaña Pérez": a person's name goes on
        if toks.hyphen_after[before] or toks.hyphen_after[i]:
            continue
        m = towns[toks.keys[i]]
        added.append(
            dataclasses.replace(
                m,
                mention=text[starts[i] : toks.ends[i]],
                char_start=starts[i],
                char_end=toks.ends[i],
                sentence=toks.sentence[i],
            )
        )
    if not added:
        return list(mentions)
    return sorted((*mentions, *added), key=lambda m: m.char_start)


#: Languages whose word lists a document needs when it has words in their script and no
#: sentence in one of them ("in the north of Харківщина": the regional form is Ukrainian).
_SCRIPT_LANGUAGES: Final = {"cyrillic": ("ru", "uk"), "arabic": ("ar",)}


def _with_script_languages(langs: tuple[str, ...], toks: Tokens) -> tuple[str, ...]:
    """``langs`` and the languages of the other scripts written in the document."""
    extra: set[str] = set()
    scripts = set(toks.script)
    for script, codes in _SCRIPT_LANGUAGES.items():
        if script in scripts and not set(codes) & set(langs):
            extra.update(codes)
    return tuple(sorted({*langs, *extra})) if extra else langs


def sentence_languages(toks: Tokens, doc_lang: str, *, forced: bool) -> list[str]:
    """The language of each sentence: the document's, unless a sentence is long enough and
    clearly in another language (mixed text), or written in another script."""
    from geo.lang import _stopword_table

    count = len(toks.sentence_starts)
    out = [doc_lang] * count
    if forced or count <= 1:
        return out
    table = _stopword_table().get
    keys, sentence = toks.keys, toks.sentence
    evidence: list[dict[str, float]] = [{} for _ in range(count)]
    words = [0] * count
    # a sentence's tokens are a run of the token list (found by bisection); only the runs
    # long enough to decide are read (the shares add up in token order, as they always have)
    at = 0
    for k in range(count):
        end = bisect.bisect_right(sentence, k, at)
        words[k] = end - at
        if words[k] >= config.LANG_SENTENCE_MIN_WORDS:
            found = evidence[k]
            for codes in filter(None, map(table, keys[at:end])):
                share = 1.0 / len(codes)
                for code in codes:
                    found[code] = found.get(code, 0.0) + share
        at = end
    for k in range(count):
        if words[k] < config.LANG_SENTENCE_MIN_WORDS or not evidence[k]:
            continue
        ranked = sorted(evidence[k].items(), key=lambda kv: -kv[1])
        best, first = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if (
            best != doc_lang
            and first >= config.LANG_MIN_EVIDENCE
            and first >= config.LANG_MARGIN * second
            and first > evidence[k].get(doc_lang, 0.0) * config.LANG_MARGIN
        ):
            out[k] = best
    return out


_DEFAULT_PARSER: Geoparser | None = None


def get_geoparser() -> Geoparser:
    """Return the process-wide :class:`Geoparser` (on the default gazetteer).

    Examples
    --------
    >>> get_geoparser() is get_geoparser()
    True
    """
    global _DEFAULT_PARSER
    index = Index.default()
    if _DEFAULT_PARSER is None or _DEFAULT_PARSER.index is not index:
        _DEFAULT_PARSER = Geoparser(index)
    return _DEFAULT_PARSER


def find_mentions(document: Document, *, parser: Geoparser | None = None) -> list[Mention]:
    """Return the place mentions of a :class:`~geo.io.documents.Document`.

    Examples
    --------
    >>> from geo.io.documents import make_document
    >>> doc = make_document("date 2020-10-04\\nGanja a été frappée par des missiles.")
    >>> [(m.mention, m.char_start, m.place.id) for m in find_mentions(doc)]
    [('Ganja', 16, 'gn:586523')]
    """
    parser = parser or get_geoparser()
    lang = document.lang if document.lang in LANGUAGES else None
    return parser.parse(document.text, lang=lang, start=document.body_start, doc_id=document.doc_id)


#: Text of each term of ``why`` ("focus +1.25"), memoised: documents share most terms.
_TERM_TEXT: dict[tuple[str, float], str] = {}


def why_text(why: Mapping[str, float] | None) -> str:
    """The ``why`` column of a mention: the terms of its score, as ``geo parse`` writes them.

    Examples
    --------
    >>> why_text({"focus": 1.254, "recognised": 0.9})
    'focus +1.25; recognised +0.90'
    """
    if not why:
        return ""
    get = _TERM_TEXT.get
    return "; ".join([get(term) or _term_text(term) for term in why.items()])


def _term_text(term: tuple[str, float]) -> str:
    """The text of one term of ``why`` (:func:`why_text`), memoised."""
    k, v = term
    found = f"{k} {v:+.2f}"
    if v and len(_TERM_TEXT) < config.GEOPARSE_CACHE_SIZE:  # 0.0 == -0.0: not memoised
        _TERM_TEXT[term] = found
    return found


def why_texts(mentions: Sequence[Mention]) -> list[str]:
    """The ``why`` column of each mention (:func:`why_text`), written once per ``why``: the
    occurrences of a name share their place's terms.

    Examples
    --------
    >>> mentions = get_geoparser().parse("Des tirs ont visé Bakou. Bakou a répondu.")
    >>> texts = why_texts(mentions)
    >>> len(texts), texts[0] == texts[1] == why_text(mentions[1].why)
    (2, True)
    """
    written: dict[int, str] = {}
    out: list[str] = []
    for m in mentions:
        why = m.why
        if why is None:
            out.append(why_text(why))
            continue
        found = written.get(id(why))
        if found is None:
            found = written[id(why)] = why_text(why)
        out.append(found)
    return out


def mentions_to_frame(mentions: Sequence[Mention], *, lang: str | None = None) -> gpd.GeoDataFrame:
    """Return mentions as a GeoDataFrame with :data:`MENTION_COLUMNS` (EPSG:4326).

    The frame is built once from columns, not row by row: the text columns of all rows are
    converted to pandas' string type in one call and cut into columns (a text column with a
    missing value is built on its own, as pandas infers it); no mention, a copy of an empty
    frame built once.

    Examples
    --------
    >>> mentions_to_frame([]).columns.tolist()[-1]
    'geometry'
    """
    if not mentions:
        return _empty_frame().copy()
    return _frame(mentions, lang)


#: The text columns of the mention table, in the order :func:`_frame` gathers them.
_TEXT_COLUMNS: Final = (
    "doc_id",
    "mention",
    "name",
    "kind",
    "country_code",
    "gazetteer_id",
    "lang",
    "why",
)


def _frame(mentions: Sequence[Mention], lang: str | None) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    n = len(mentions)
    places = [m.place for m in mentions]
    whys: list[str | None] = list(why_texts(mentions))
    lat = np.array([p.latitude for p in places], dtype=float)
    lon = np.array([p.longitude for p in places], dtype=float)
    texts: tuple[list[str | None], ...] = (
        [m.doc_id for m in mentions],
        [m.mention for m in mentions],
        [p.name for p in places],
        [p.kind for p in places],
        [p.country_code for p in places],
        [p.id for p in places],
        [lang] * n,
        whys,
    )
    columns: dict[str, list[str | None]] = dict(zip(_TEXT_COLUMNS, texts, strict=True))
    dtype = _text_dtype()
    whole = [
        name
        for name, values in columns.items()
        if dtype is not None and all(type(v) is str for v in values)
    ]
    # a column with a missing value: an object column as built, whose type pandas infers
    data: dict[str, Any] = {
        name: np.array(values, dtype=object)
        for name, values in columns.items()
        if name not in whole
    }
    if whole:
        # one conversion of every all-text column, then zero-copy slices of it
        flat = np.empty(n * len(whole), dtype=object)
        for k, name in enumerate(whole):
            flat[k * n : (k + 1) * n] = columns[name]
        converted = pd.array(flat, dtype=dtype)
        for k, name in enumerate(whole):
            data[name] = converted[k * n : (k + 1) * n]
    frame = pd.DataFrame(
        {
            "doc_id": data["doc_id"],
            "mention": data["mention"],
            "char_start": np.array([m.char_start for m in mentions], dtype=np.int64),
            "char_end": np.array([m.char_end for m in mentions], dtype=np.int64),
            "name": data["name"],
            "kind": data["kind"],
            "country_code": data["country_code"],
            "gazetteer_id": data["gazetteer_id"],
            "latitude": lat,
            "longitude": lon,
            "score": np.array([m.score for m in mentions], dtype=float),
            "lang": data["lang"],
            "why": data["why"],
            "geometry": gpd.array.from_shapely(shapely.points(lon, lat), crs=_wgs84()),
        },
        copy=False,
    )
    return _as_geoframe(frame)


def _as_geoframe(frame: Any) -> gpd.GeoDataFrame:
    """``frame`` (a DataFrame whose column "geometry" holds a GeometryArray with its CRS) as
    a GeoDataFrame of that geometry column, sharing its data.

    The frame's block manager is wrapped as geopandas itself wraps the results of pandas
    operations (``GeoDataFrame._constructor_from_mgr``): ``GeoDataFrame(frame,
    geometry="geometry")`` checks and sets the column again, a third of the time of
    :func:`geoparse` beyond parsing; it is the way where pandas lacks ``_from_mgr``.

    Examples
    --------
    >>> import geopandas as gpd
    >>> import pandas as pd
    >>> import shapely
    >>> geometry = gpd.array.from_shapely(shapely.points([2.0], [1.0]), crs=_wgs84())
    >>> gdf = _as_geoframe(pd.DataFrame({"a": [1], "geometry": geometry}))
    >>> type(gdf).__name__, gdf.geometry.name, gdf.crs.to_epsg(), gdf.geometry.iloc[0].x
    ('GeoDataFrame', 'geometry', 4326, 2.0)
    """
    import geopandas as gpd

    from_mgr = getattr(gpd.GeoDataFrame, "_from_mgr", None)
    mgr = getattr(frame, "_mgr", None)
    if from_mgr is None or mgr is None:
        return gpd.GeoDataFrame(frame, geometry="geometry", copy=False)
    out = from_mgr(mgr, mgr.axes)
    out._geometry_column_name = "geometry"
    return out


@functools.cache
def _text_dtype() -> Any:
    """The type pandas gives a column of Python strings (``str`` since pandas 3), or None
    when it keeps them as objects."""
    import numpy as np
    import pandas as pd

    dtype = pd.Series(np.array(["a"], dtype=object)).dtype
    return None if isinstance(dtype, np.dtype) else dtype


@functools.cache
def _empty_frame() -> gpd.GeoDataFrame:
    """The mention table without rows (copied by :func:`mentions_to_frame`)."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    empty = np.empty(0, dtype=object)
    data: dict[str, Any] = {name: empty for name in MENTION_COLUMNS}
    for name in ("char_start", "char_end"):
        data[name] = np.empty(0, dtype=np.int64)
    for name in ("latitude", "longitude", "score"):
        data[name] = np.empty(0, dtype=float)
    data["geometry"] = gpd.array.from_shapely(empty, crs=_wgs84())
    frame = pd.DataFrame(data, copy=False)
    return gpd.GeoDataFrame(frame, geometry="geometry", copy=False)


@functools.cache
def _wgs84() -> Any:
    """The CRS of mention frames (EPSG:4326), parsed once."""
    import pyproj

    return pyproj.CRS.from_user_input("EPSG:4326")


def geoparse(
    text: str,
    *,
    date: dt.date | str | None = None,
    lang: str | None = None,
    doc_id: str = "<text>",
) -> gpd.GeoDataFrame:
    """Find and resolve every place name of a text.

    Parameters
    ----------
    text : str
        The article; a leading ``date YYYY-MM[-DD]`` header line is read and skipped.
    date : datetime.date or str, optional
        Document date (kept for symmetry with :func:`geo.extract_events`; a header wins).
    lang : str, optional
        Its language (``"en"``, ``"fr"``, ``"es"``, ``"ru"``, ``"uk"``, ``"ar"``); detected
        when None.
    doc_id : str
        Identifier written in the ``doc_id`` column.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per occurrence, in text order, with :data:`MENTION_COLUMNS` (``why``: the
        terms of the score that chose each place) and points in EPSG:4326.

    Examples
    --------
    >>> import geo
    >>> df = geo.geoparse("Удары по Харькову и Днепру", lang="ru")
    >>> df["name"].tolist()
    ['Kharkiv', 'Dnipro']
    """
    from geo.io.documents import make_document

    # the language is detected once, by the parser, from the words it tokenised
    doc = make_document(text, doc_id=doc_id, date=date, lang=lang or "und")
    parser = get_geoparser()
    parsed = parser.parse_text(doc.text, lang=lang, start=doc.body_start, doc_id=doc.doc_id)
    return mentions_to_frame(parsed.mentions, lang=parsed.lang)


class _CallableModule(types.ModuleType):
    """``geo.geoparse`` is this package and, called, the :func:`geoparse` function.

    Importing a submodule binds it on its package, so ``geo.geoparse`` may be the module
    object rather than the function exported by ``geo``; calling it works either way.
    """

    def __call__(
        self,
        text: str,
        *,
        date: dt.date | str | None = None,
        lang: str | None = None,
        doc_id: str = "<text>",
    ) -> gpd.GeoDataFrame:
        return geoparse(text, date=date, lang=lang, doc_id=doc_id)


sys.modules[__name__].__class__ = _CallableModule
