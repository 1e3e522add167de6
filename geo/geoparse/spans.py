"""Finding the text that may name places: capitalised names, word forms, dictionary scans.

Three finders feed :func:`find_spans`:

- capitalised words (Latin and Cyrillic scripts): every run of capitalised tokens is
  looked up in the gazetteer, longest first (up to :data:`geo.config.GEOPARSE_MAX_TOKENS`
  tokens, through connectors such as "de", "al-", "upon"); each hit then passes
  :func:`geo.geoparse.filters.verdict`;
- word forms (languages whose pack has a ``morph`` module: Russian, Ukrainian): a
  capitalised word that is no name as written is looked up under its dictionary forms
  ("Харькове" under "харьков"), an adjective before a region noun under the town it is
  built from ("Донецкой области"), and the packs' ``region_names`` ("Донеччина");
- a dictionary scan for uncased scripts (Arabic): gazetteer names found in the normalised
  text, at word starts or after attached particles ("وبالخرطوم").

Examples
--------
>>> from geo.geoparse.candidates import IN_COUNTRIES, Index
>>> from geo.geoparse.filters import words_for
>>> from geo.geoparse.tokenize import tokenize
>>> w = words_for(("fr",))
>>> text = "Des tirs ont visé Stepanakert et le Haut-Karabakh."
>>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
>>> [s.key for s in find_spans(text, toks, [False] * len(toks), w, Index.default())]
['stepanakert', 'haut karabakh']
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Final

from geo import config
from geo.gazetteer import Place, normalize_name
from geo.geoparse import translit
from geo.geoparse.candidates import (
    ANY_OF,
    IN_COUNTRIES,
    ROMANISED,
    Index,
    admin_key,
    countries_near,
    feature_of,
)
from geo.geoparse.features import preposition_before
from geo.geoparse.filters import (
    COMMON_ONLY,
    GIVEN_NAME,
    REGION_ONLY,
    Words,
    listed_beside_place,
    place_cue_before,
    place_only_before,
    verdict,
)
from geo.geoparse.tokenize import PARAGRAPH_BREAK, Tokens
from geo.lang import _slavic, get_pack, word_frequency
from geo.model import Candidate, Span

__all__ = ["REGION_OF", "find_spans"]

#: Suffix of the key of a region named after a town ("Донецкой области", "Донеччина"): the
#: key is the town's, the candidates are the regions named after its candidates.
REGION_OF: Final = "\x1fregion"

_MORPH_LANGS: Final = ("ru", "uk")
#: Endings of words that are surnames more often than names of places the gazetteer lacks
#: (keys: й is folded to и).
_SURNAME_ENDINGS: Final = ("скии", "цкии", "ськии", "цькии")
#: Apostrophes of a possessive after a name ("Eunice's", "Paris’").
_APOSTROPHES: Final = frozenset("'’")
#: What stands between the words of a name with a possessive ("Land's End").
_POSSESSIVE_GAPS: Final = ("'s ", "’s ")
#: Endings of masculine adjectives as keys (й folded to и): "оболонськии".
_MASCULINE_KEY_ENDINGS: Final = ("ии", "ыи", "ои")
#: Keys of towns that keep the suffix of their relational adjective ("новоазовськ",
#: "новотроіцьке", "каневская"): those looked up through a transliteration for a district.
_SUFFIX_NAME: Final = re.compile(r"[сцз]ь?к(?:ии|ыи|ои|е|а|ая|ое)?$")
#: Word lists whose words are never looked up through a transliteration.
_NOT_TRANSLIT: Final = ("first_names", "titles", "months", "weekdays", "demonyms", "org_heads")


def find_spans(
    text: str,
    toks: Tokens,
    blocked: list[bool],
    w: Words,
    index: Index,
    *,
    scan: Callable[[str, Tokens, list[bool]], list[Span]] | None = None,
) -> list[Span]:
    """Every span of ``toks`` that may name a place, in text order, without overlaps.

    Parameters
    ----------
    text : str
        The document.
    toks : Tokens
        Its tokens.
    blocked : list of bool
        Tokens that belong to no place name (:func:`geo.geoparse.filters.blocked`).
    w : Words
        Word lists of the document's languages.
    index : Index
        The gazetteer.
    scan : callable, optional
        The dictionary scan for uncased text (Arabic); called once on the whole document.
    """
    cyrillic = "cyrillic" in toks.script
    # where the Cyrillic finders may start: the same for each of them (``blocked`` is fixed)
    starts = _capitalised_cyrillic(toks, blocked) if cyrillic else []
    spans = _region_phrases(text, toks, blocked, w, index) if cyrillic else []
    if cyrillic:
        spans = _merge(spans, _feature_phrases(text, toks, blocked, w, index))
    if cyrillic:
        spans = _merge(spans, _hyphenated(text, toks, blocked, index, starts=starts))
        spans = _merge(
            spans, _inflected_phrases(text, toks, blocked, w, index, spans, starts=starts)
        )
    spans = _merge(spans, _possessive_names(text, toks, blocked, index))
    spans = _merge(spans, _capitalised(text, toks, blocked, w, index))
    spans = _merge(spans, _named_features(toks, blocked, w, index))
    spans = _merge(_region_abbreviations(text, toks, w), spans)
    if config.GEOPARSE_COMPASS_UNITS:
        spans = _merge(_compass_units(toks, w, index), spans)
        spans = _merge(_compass_regions(text, toks, w, index), spans)
    romanised = _romanised(text, toks, blocked, w, index, spans)
    if romanised:
        # a romanised name replaces the names found inside it (see _romanised)
        spans = [
            s for s in spans if not any(r.first <= s.first and s.last <= r.last for r in romanised)
        ]
        spans = _merge(spans, romanised)
    if cyrillic:
        spans = _inflected_readings(text, toks, spans, index, w)
        spans = _merge(spans, _word_forms(text, toks, blocked, w, index, spans, starts=starts))
        spans = _merge(
            spans, _word_forms(text, toks, blocked, w, index, spans, starts=starts, translit=True)
        )
    if scan is not None and "arabic" in toks.script:
        spans = _merge(spans, scan(text, toks, blocked))
    units = w.union("region_after", "district_after")
    if cyrillic:
        spans = _without_attributes(text, toks, spans, w)
    roads = w.get("route_heads", frozenset())
    spans = _drop_cut_names(text, toks, spans, index, units, roads=roads)
    spans = _drop_run_heads(text, toks, blocked, spans, index, units, roads=roads)
    spans = _merge_same_place(text, toks, spans, index)
    spans = _with_name_articles(text, toks, blocked, spans, w)
    spans = _with_name_heads(text, toks, blocked, spans, w)
    if config.GEOPARSE_NAME_TAILS:
        spans = _with_name_tails(text, toks, blocked, spans, w, index)
    return spans


def _region_abbreviations(text: str, toks: Tokens, w: Words) -> list[Span]:
    """First-level regions written as the packs' ``region_abbreviations`` with their period,
    after a capitalised name and a comma ("SALTILLO, Coah.", "Parral, Chih."): the region of
    that name in its country (an abbreviation the gazetteer gives another region, "Mich."
    for Michigan, is the pack's there)."""
    table = _abbreviation_table(w)
    if not table:
        return []
    keys, cap = toks.keys, toks.cap
    out: list[Span] = []
    for i in [i for i in range(1, len(keys)) if keys[i] in table]:
        if not cap[i] or not cap[i - 1]:
            continue
        if text[toks.ends[i] : toks.ends[i] + 1] != ".":
            continue
        if text[toks.ends[i - 1] : toks.starts[i]].strip() != ",":
            continue
        name, _, country = table[keys[i]].rpartition(" ")
        if not name or not country:
            continue
        key = normalize_name(name) + IN_COUNTRIES + country.upper()
        span = _span(toks, i, i, key, soft=0, region_only=True)
        out.append(dataclasses.replace(span, end=span.end + 1))  # the period is the name's
    return out


def _compass_units(toks: Tokens, w: Words, index: Index) -> list[Span]:
    """First-level units named by a compass word after their noun and "de" ("el departamento
    del Centro", "el estado del Norte"), whose name the gazetteer has in other languages only
    (Centre, Northern): the compass word looked up under the forms of the packs'
    ``compass_units`` (:data:`~geo.geoparse.candidates.ANY_OF`), among regions only."""
    table = _compass_table(w)
    if not table:
        return []
    keys, cap, join = toks.keys, toks.cap, toks.join
    nouns = w["region_heads_outside"] - w["soft_region"]
    out: list[Span] = []
    for i in [i for i in range(2, len(keys)) if keys[i] in table]:
        if not cap[i] or keys[i - 1] not in w.of_words:
            continue
        if join[i - 1] == 0 or join[i - 2] == 0 or keys[i - 2] not in nouns:
            continue
        if (
            toks.hyphen_after[i]
            or (_name_goes_on(toks, i) and index.has(toks.joined(i, 3)))
            or (i + 1 < len(keys) and join[i] != 0 and cap[i + 1])
        ):
            continue  # "el departamento de Norte de Santander": a longer name
        forms = [key for key in table[keys[i]] if index.has(key)]
        if forms:
            out.append(_span(toks, i, i, ANY_OF.join(forms), soft=0, region_only=True))
    return out


#: Capitalised words of a country's name looked up for the countries a document names.
_COUNTRY_NAME_WORDS: Final = 3


def _named_countries(toks: Tokens, index: Index) -> list[tuple[int, str]]:
    """The countries a document names by a capitalised name of one to
    :data:`_COUNTRY_NAME_WORDS` words ("Burkina Faso", "Cameroun"): (first token, code)
    pairs in text order."""
    keys, cap, join = toks.keys, toks.cap, toks.join
    out: list[tuple[int, str]] = []
    for i in [i for i in range(len(keys)) if cap[i]]:
        for length in range(1, _COUNTRY_NAME_WORDS + 1):
            last = i + length - 1
            if last >= len(keys) or not cap[last] or (length > 1 and join[last - 1] == 0):
                break
            key = toks.joined(i, length)
            if index.is_country_key(key):
                out.extend(
                    (i, code)
                    for code in sorted(
                        {
                            c.place.country_code
                            for c in index.candidates(key, variants=False)
                            if c.place.kind == "country" and c.place.country_code
                        }
                    )
                )
    return out


def _countries_of(
    text: str, toks: Tokens, i: int, named: Sequence[tuple[int, str]]
) -> list[set[str]]:
    """The countries a compass word at token ``i`` may belong to, nearest first: those named
    in its sentence, those named in its paragraph, and the one the document names most
    often (the first named of equals); empty sets left out."""
    sentence = toks.sentence[i]
    same = {code for j, code in named if toks.sentence[j] == sentence}
    para = {
        code
        for j, code in named
        if not PARAGRAPH_BREAK.search(
            text, min(toks.ends[j], toks.starts[i]), max(toks.starts[j], toks.ends[i])
        )
    }
    counts: dict[str, int] = {}
    for _, code in named:
        counts[code] = counts.get(code, 0) + 1
    top = max(counts, key=lambda c: counts[c]) if counts else None  # dicts keep order
    return [found for found in (same, para, {top} if top else set()) if found]


def _compass_regions(text: str, toks: Tokens, w: Words, index: Index) -> list[Span]:
    """First-level units named by capitalised compass words alone, without their noun: the
    packs' ``compass_regions`` after an article ("dans l'Est", "le Nord") or joined by
    hyphens ("le Centre-Nord", "du Nord-Ouest", also heading a line), when a country the
    document names has a unit of that name (Burkina Faso's Est, Cameroon's Nord-Ouest): that
    unit, among regions of those countries only: of the countries named in the compass
    word's sentence, else its paragraph, else of the country named most often, the first
    of these with such a unit (GEOPARSE_COMPASS_LOCAL_COUNTRY), not of any country the text
    names. A compass word
    inside a longer name ("Nord-Kivu", "Sud Ouest" of a paper, no unit) or of a country with
    no such unit ("l'Est de l'Ukraine") is left to the other readings."""
    words = w.get("compass_regions", frozenset())
    if not words:
        return []
    keys, cap, join, hyphen = toks.keys, toks.cap, toks.join, toks.hyphen_after
    n = len(keys)
    named: list[tuple[int, str]] | None = None
    out: list[Span] = []
    i = 0
    while i < n:
        if not cap[i] or keys[i] not in words or (i > 0 and hyphen[i - 1]):
            i += 1
            continue
        last = i
        while last + 1 < n and hyphen[last] and cap[last + 1] and keys[last + 1] in words:
            last += 1
        if hyphen[last] or (last == i and (i + 1 < n and join[i] != 0 and cap[i + 1])):
            i = last + 1
            continue  # "Nord-Kivu", "Sud Soudan": a longer name
        if last == i and not (
            i > 0 and join[i - 1] != 0 and not cap[i - 1] and keys[i - 1] in w["determiners"]
        ):
            i += 1
            continue  # a compass word alone is a region only after an article
        if _compass_of_name(toks, i, w):
            i = last + 1
            continue  # "l'Afrique de l'Ouest", "la mer du Nord": the name's compass point
        if named is None:
            named = _named_countries(toks, index)
        levels = (
            _countries_of(text, toks, i, named)
            if config.GEOPARSE_COMPASS_LOCAL_COUNTRY
            else [{code for _, code in named}]
        )
        key = toks.joined(i, last - i + 1)
        units = {
            c.place.country_code
            for c in index.candidates(key, variants=False)
            if c.place.kind == "region" and c.place.country_code
        }
        # the nearest countries named that have such a unit
        codes = next((sorted(units & level) for level in levels if units & level), [])
        if codes:
            out.append(
                _span(toks, i, last, key + IN_COUNTRIES + ",".join(codes), soft=0, region_only=True)
            )
        i = last + 1
    return out


def _compass_of_name(toks: Tokens, i: int, w: Words) -> bool:
    """Whether the compass word at token ``i`` follows "of" (and an article) after a
    capitalised name or a feature noun: the compass point of that name ("l'Afrique de
    l'Ouest", "la Corée du Nord", "la mer du Nord"), no unit of its own."""
    keys, cap, join = toks.keys, toks.cap, toks.join
    j = i - 1
    while j >= 0 and i - j <= config.GEOPARSE_HEAD_LINK_TOKENS and join[j] != 0 and not cap[j]:
        if keys[j] in w.of_words:
            k = j - 1
            return k >= 0 and join[k] != 0 and (cap[k] or keys[k] in w.union("natural", "water"))
        if keys[j] not in w["determiners"]:
            return False
        j -= 1
    return False


def _compass_table(w: Words) -> dict[str, tuple[str, ...]]:
    """The packs' ``compass_units`` of the document's languages, the forms normalised."""
    return _compass_table_of(tuple(w.langs))


@functools.lru_cache(maxsize=64)
def _compass_table_of(langs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for code in langs:
        for word, forms in get_pack(code).maps.get("compass_units", {}).items():
            table[normalize_name(word)] = tuple(normalize_name(f) for f in forms.split("|"))
    return table


def _abbreviation_table(w: Words) -> dict[str, str]:
    """The packs' ``region_abbreviations`` of the document's languages."""
    table: dict[str, str] = {}
    for code in w.langs:
        table.update(get_pack(code).maps.get("region_abbreviations", {}))
    return table


def _merge_same_place(text: str, toks: Tokens, spans: list[Span], index: Index) -> list[Span]:
    """Two capitalised Latin words found apart, one space between them, that are two names
    of one place of the gazetteer (a town written with both its names, which the gazetteer
    has apart): one span, under the key whose candidates rank that place higher."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.last + 1 == s.first
            and prev.source == s.source == "caps"
            and toks.script[prev.last] == toks.script[s.first] == "latin"
            and text[toks.ends[prev.last] : toks.starts[s.first]] == " "
            and toks.sentence[prev.last] == toks.sentence[s.first]
        ):
            ranks = {
                c.place.id: r for r, c in enumerate(index.candidates(prev.key, variants=False))
            }
            shared = [
                (r, ranks[c.place.id])
                for r, c in enumerate(index.candidates(s.key, variants=False))
                if c.place.id in ranks
            ]
            if shared:
                mine, theirs = min(shared)
                key = s.key if mine <= theirs else prev.key
                out[-1] = dataclasses.replace(
                    prev, end=s.end, last=s.last, key=key, soft=min(prev.soft, s.soft)
                )
                continue
        out.append(s)
    return out


def _with_name_articles(
    text: str, toks: Tokens, blocked: list[bool], spans: list[Span], w: Words
) -> list[Span]:
    """Spans that take in the capitalised article right before them, inside a sentence that
    is no headline (the pack's ``name_articles``): "la colonia Las Palmas" names "Las
    Palmas" even where the gazetteer has "Palmas" alone; the key stays the name's.

    Examples
    --------
    >>> from geo.geoparse.filters import words_for
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("es",))
    >>> text = "Hubo disparos durante la noche en la colonia Los Zapotitos de la ciudad."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> span = _span(toks, 9, 9, "zapotitos")
    >>> [text[s.start : s.end] for s in _with_name_articles(text, toks, [False] * len(toks),
    ...  [span], w)]
    ['Los Zapotitos']
    """
    articles = w["name_articles"]
    if not articles:
        return spans
    taken = {j for s in spans for j in range(s.first, s.last + 1)}
    out: list[Span] = []
    for s in spans:
        j = s.first - 1
        if (
            j >= 0
            and j not in taken
            and not blocked[j]
            and toks.keys[j] in articles
            and toks.cap[j]
            and not toks.initial[j]
            and not toks.titled[toks.sentence[j]]
            and toks.join[j] == 1
            and toks.sentence[j] == toks.sentence[s.first]
            and toks.script[s.first] == "latin"
            and text[toks.ends[j] : toks.starts[s.first]] == " "
        ):
            s = dataclasses.replace(s, start=toks.starts[j], first=j)
        out.append(s)
    return out


#: Words between a name's generic head and the rest of it ("Boca de Tigre", "Villa del
#: Rosario", "Puerto de la Cruz").
_HEAD_LINKS: Final = frozenset({"de", "del"})


def _with_name_heads(
    text: str, toks: Tokens, blocked: list[bool], spans: list[Span], w: Words
) -> list[Span]:
    """Spans that take in the capitalised generic word of the pack's ``name_heads`` right
    before them (or before "de", "del" and an article), inside a sentence that is no
    headline: "el Alto Orinoco", "Boca de Tigre" name a place the gazetteer may lack, of which
    the name after the head is the best reading it has; the key stays that name's.

    Examples
    --------
    >>> from geo.geoparse.filters import words_for
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("es",))
    >>> text = "Hubo combates en el Alto Orinoco y en Boca de la Tigra, dijo ayer la policía."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> spans = [_span(toks, 5, 5, "orinoco"), _span(toks, 11, 11, "tigra")]
    >>> [text[s.start : s.end] for s in _with_name_heads(text, toks, [False] * len(toks),
    ...  spans, w)]
    ['Alto Orinoco', 'Boca de la Tigra']
    """
    heads = w["name_heads"]
    if not heads:
        return spans
    articles = w["name_articles"] | w["articles"]
    keys = toks.keys
    # a head alone may be a span of its own (a hamlet called "Puerto"): the name after it
    # takes it in
    alone = {s.first: s for s in spans if s.first == s.last and keys[s.first] in heads}
    taken = {j for s in spans for j in range(s.first, s.last + 1) if s.first not in alone}
    out: list[Span] = []
    absorbed: set[int] = set()
    for s in spans:
        if s.first in alone:
            out.append(s)
            continue
        j = s.first - 1
        # "de", "del", "de la" between the head and the name
        if j >= 1 and keys[j] in articles and not toks.cap[j] and keys[j - 1] == "de":
            j -= 2
        elif j >= 0 and keys[j] in _HEAD_LINKS and not toks.cap[j]:
            j -= 1
        if (
            j >= 0
            and j not in taken
            and not blocked[j]
            and keys[j] in heads
            and toks.cap[j]
            and not toks.titled[toks.sentence[j]]
            and toks.sentence[j] == toks.sentence[s.first]
            and toks.script[s.first] == "latin"
            and all(text[toks.ends[k] : toks.starts[k + 1]] == " " for k in range(j, s.first))
        ):
            s = dataclasses.replace(s, start=toks.starts[j], first=j)
            absorbed.add(j)
        out.append(s)
    if absorbed:
        out = [s for s in out if not (s.first in absorbed and s.first == s.last)]
    return out


#: Capitalised words of a name's tail after "de", "del", "de la" ("Santa Rosa de las Tunitas"),
#: at most.
_MAX_TAIL: Final = 3


def _with_name_tails(
    text: str, toks: Tokens, blocked: list[bool], spans: list[Span], w: Words, index: Index
) -> list[Span]:
    """Spans that go on past "de", "del" or "de" and a lower-case article of the pack's
    ``name_articles`` to the capitalised words after them, when the whole is no name of the
    gazetteer, inside a sentence that is no headline: "Santa Rosa de las Tunitas", "Palmira de
    San Isidro" are one place the gazetteer lacks, not a namesake of their first part and
    another of their last; the key stays the first part's, and the span needs context (soft
    2: a namesake far off the story is left to :mod:`geo.geoparse.approximate`). Only languages
    whose pack has ``name_articles`` (names that begin with an article) take this.

    The first part needs no context (not capitalised only as a sentence's first word:
    "Vecinos de X"), the tail is no month or weekday, no given name and no word of a blocked
    name (a person's, an institution's), and the two parts read as no place and its region
    (:func:`_tail_is_region`).

    Examples
    --------
    >>> from geo.geoparse.filters import words_for
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("es",))
    >>> from geo.geoparse.candidates import Index
    >>> text = "Hubo disparos en la vereda Palmira de San Isidro durante la noche."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> spans = [_span(toks, 5, 5, "palmira"), _span(toks, 7, 8, "san isidro")]
    >>> [text[s.start : s.end] for s in _with_name_tails(text, toks, [False] * len(toks),
    ...  spans, w, Index.default())]
    ['Palmira de San Isidro']
    """
    articles = w["name_articles"]
    if not articles:
        return spans
    stop = w.union("months", "weekdays", "first_names", "titles", "org_heads")
    keys, cap, n = toks.keys, toks.cap, len(toks)
    out: list[Span] = []
    gone: set[int] = set()
    for s in spans:
        if id(s) in gone:
            continue
        j = s.last + 1
        k = j + 1
        if (
            s.source != "caps"
            or s.soft
            or toks.initial[s.first]
            or k >= n
            or toks.script[s.last] != "latin"
            or toks.titled[toks.sentence[s.first]]
            or keys[j] not in _HEAD_LINKS
            or cap[j]
            or blocked[j]
            or text[toks.ends[s.last] : toks.starts[j]] != " "
        ):
            out.append(s)
            continue
        if keys[k] in articles and not cap[k] and keys[j] == "de" and k + 1 < n:
            k += 1
        last = k - 1
        while (
            last + 1 < n
            and last + 1 - k < _MAX_TAIL
            and cap[last + 1]
            and not blocked[last + 1]
            and not toks.particle[last + 1]
            and toks.sentence[last + 1] == toks.sentence[s.first]
            and text[toks.ends[last] : toks.starts[last + 1]] == " "
        ):
            last += 1
        inner = [t for t in spans if t is not s and s.last < t.first <= last]
        if (
            last < k
            or keys[k] in stop
            or any(t.last > last for t in inner)
            or (last + 1 < n and toks.join[last] == 1 and cap[last + 1])
            or index.has(toks.joined(s.first, last - s.first + 1))
            or _tail_is_region(s.key, toks.joined(k, last - k + 1), index)
        ):
            out.append(s)
            continue
        gone.update(id(t) for t in inner)
        out.append(dataclasses.replace(s, end=toks.ends[last], last=last, soft=max(s.soft, 2)))
    if gone:
        out = [s for s in out if id(s) not in gone]
    return out


def _tail_is_region(head: str, tail: str, index: Index) -> bool:
    """Whether "``head`` de ``tail``" reads as a place and the region it lies in rather than
    as one name: the head's best place is no town ("Costa Chica de Oaxaca"), or the
    tail names a country or a region, or its best place is a big city of the head's country
    ("X de Veracruz")."""
    mine = index.candidates(head, variants=False)
    if not mine or mine[0].place.kind != "city":
        return True
    theirs = index.candidates(tail, variants=False)
    if any(c.place.kind in ("country", "region") for c in theirs):
        return True
    return bool(theirs) and (
        theirs[0].place.population >= config.GEOPARSE_CUT_NAME_POPULATION
        and theirs[0].place.country_code == mine[0].place.country_code
    )


def _unknown_word(text: str, toks: Tokens, j: int, index: Index, units: AbstractSet[str]) -> bool:
    """Whether word ``j`` is written as a name but is neither a gazetteer name, nor a word of
    its sentence's language, nor an acronym, nor a unit's noun (``units``: "Raion",
    "Hromada" after a town): a part of a name the gazetteer lacks."""
    word = text[toks.starts[j] : toks.ends[j]]
    lang = toks.sentence_lang[toks.sentence[j]] if toks.sentence_lang else "und"
    return (
        toks.cap[j]
        and not word.isupper()
        and toks.keys[j] not in units
        and not index.candidates(toks.keys[j], variants=False)
        and word_frequency(toks.keys[j], (lang,)) < config.GEOPARSE_CUT_NAME_TAIL_ZIPF
    )


def _drop_run_heads(
    text: str,
    toks: Tokens,
    blocked: list[bool],
    spans: list[Span],
    index: Index,
    units: AbstractSet[str],
    *,
    roads: AbstractSet[str] = frozenset(),
) -> list[Span]:
    """Spans without the one-word heads of capitalised runs the gazetteer lacks: a Latin word
    followed, after one space, by a capitalised word of no span that is an unknown word
    ("Bolo Tamanké": one name) is no place alone, unless it is the name of a country, a
    region or a big city, or the document writes it alone elsewhere, or a road's noun
    (``roads``) comes before it ("l'axe X-Y": the road's towns)."""
    n = len(toks)
    taken = {j for s in spans for j in range(s.first, s.last + 1)}

    def head(s: Span) -> bool:
        nxt = s.last + 1
        return (
            s.first == s.last
            and not (s.first > 0 and not toks.cap[s.first - 1] and toks.keys[s.first - 1] in roads)
            and nxt < n
            and toks.script[s.last] == "latin"
            and toks.join[s.last] == 1
            and toks.sentence[nxt] == toks.sentence[s.last]
            and nxt not in taken
            and not blocked[nxt]
            and toks.script[nxt] == "latin"
            and _unknown_word(text, toks, nxt, index, units)
        )

    def known(key: str) -> bool:
        """Whether the head is a name of a region, a country or a big city in its own right
        ("Nebraska Bowling Association"): those stay places before any word."""
        exact = index.candidates(key, variants=False)
        return bool(exact) and (
            exact[0].place.kind != "city"
            or exact[0].place.population >= config.GEOPARSE_CUT_NAME_POPULATION
        )

    heads = [s for s in spans if head(s) and not known(s.key)]
    if not heads:
        return spans
    drop = {id(s) for s in heads}
    alone = {s.key for s in spans if id(s) not in drop}
    drop = {id(s) for s in heads if s.key not in alone}
    return [s for s in spans if id(s) not in drop] if drop else spans


def _drop_cut_names(
    text: str,
    toks: Tokens,
    spans: list[Span],
    index: Index,
    units: AbstractSet[str],
    *,
    roads: AbstractSet[str] = frozenset(),
) -> list[Span]:
    """Spans without the first parts of hyphenated names the gazetteer lacks ("Mayo" of
    "Mayo-Danay" is no namesake abroad).

    The first part stays a place when it is a country ("Israël-Liban") or a continent
    ("Asia-Pacific"), when the document writes it alone elsewhere, when its best candidate
    is a big city ("Lyon-Est") or lies in a country the document names, or when it may lie
    in a country where the second part may lie too (a road: "Mongo-Bitkine"); of these,
    only the first three before a second part that is neither a gazetteer name, nor a word
    of the language, nor an acronym ("Bolo-Tamanké" is one name). After a road's noun
    (``roads``: "l'axe X-Y") the parts are the road's towns, and the first stays.
    """
    heads = [s for s in spans if _hyphen_head(toks, s.last) and not index.is_country_key(s.key)]
    if not heads:
        return spans
    # the countries the document names (the best candidates of other names are too noisy)
    countries = {
        cs[0].place.country_code
        for s in spans
        if index.is_country_key(s.key) and (cs := index.candidates(s.key))
    }
    alone = {s.key for s in spans if not _hyphen_head(toks, s.last)}
    drop: set[int] = set()
    for s in heads:
        cs = index.candidates(s.key)
        mine = {c.place.country_code for c in cs} - {None}
        nxt = toks.keys[s.last + 1]
        best = cs[0].place.country_code if cs else None
        tail = index.candidates(nxt)
        # a second part that is no name of the gazetteer and no word of the language makes
        # one name with the first ("Bolo-Tamanké"): the first part is no place alone, not
        # even a big city or one of the document's country
        unknown = _unknown_word(text, toks, s.last + 1, index, units)
        # a continent has no country: "Asia-Pacific"; the document writes the first part
        # alone elsewhere: a road's end ("the Ségou-Markala road" after "at Ségou")
        if (
            best is None
            or s.key in alone
            or (s.first > 0 and not toks.cap[s.first - 1] and toks.keys[s.first - 1] in roads)
            or (
                not unknown
                and (
                    best in countries
                    or cs[0].place.population >= config.GEOPARSE_CUT_NAME_POPULATION
                    or mine & {c.place.country_code for c in tail}
                )
            )
        ):
            continue
        drop.add(id(s))
    return [s for s in spans if id(s) not in drop] if drop else spans


def _merge(first: list[Span], more: Sequence[Span]) -> list[Span]:
    """Spans of both lists, those of ``first`` winning overlaps, in text order."""
    if not more:
        return first
    out = list(first)
    if any(s.last < s.first for s in out) or any(s.last < s.first for s in more):
        # an empty span: overlaps read off the bounds, one pair at a time
        bounds = [(s.first, s.last) for s in first]
        for s in more:
            if not any(s.first <= b and a <= s.last for a, b in bounds):
                out.append(s)
                bounds.append((s.first, s.last))
        return sorted(out, key=_first_token)
    # the tokens taken so far: a span overlaps another when they share a token
    taken: set[int] = set()
    for s in first:
        taken.update(range(s.first, s.last + 1))
    for s in more:
        tokens = range(s.first, s.last + 1)
        if taken.isdisjoint(tokens):
            out.append(s)
            taken.update(tokens)
    return sorted(out, key=_first_token)


def _first_token(s: Span) -> int:
    return s.first


def _hyphen_inner(toks: Tokens, j: int) -> bool:
    """Whether word ``j`` sits between two hyphens inside one word ("Port-au-Prince",
    "Saint-Louis-du-Nord"): its particle belongs to the name whatever the text's language."""
    return j > 0 and toks.hyphen_after[j - 1] and toks.hyphen_after[j]


def _hyphen_head(toks: Tokens, last: int) -> bool:
    """Whether word ``last`` goes on with a hyphen and a capitalised word of its script
    ("Mayo" of "Mayo-Danay"): a span ending there cuts a hyphenated name short."""
    return (
        toks.hyphen_after[last]
        and last + 1 < len(toks)
        and toks.cap[last + 1]
        and toks.script[last + 1] == toks.script[last]
    )


def _capitalised(
    text: str, toks: Tokens, blocked: list[bool], w: Words, index: Index
) -> list[Span]:
    keys, cap, join, particle = toks.keys, toks.cap, toks.join, toks.particle
    n = len(keys)
    lower_words = {
        k for k, up, sc in zip(keys, cap, toks.script, strict=True) if not up and sc != "arabic"
    }
    hyphen_after = toks.hyphen_after
    spans: list[Span] = []
    aside: list[Span] = []
    given: list[Span] = []
    max_tokens = index.max_tokens
    country_words = index.lower_words(w)
    demonyms = index.demonyms(w)
    feature_starts, arabic_articles = w["feature_starts"], w["arabic_articles"]
    feature_ends, connectors = w["feature_ends"], w["connectors"]
    abbreviations = _abbreviation_table(w)
    # the tokens a name may begin at (the test below, its cheap part first); ``nxt``: the
    # first token after the last name found
    starts = [
        i
        for i in range(n)
        if (cap[i] or keys[i] in feature_starts or keys[i] in arabic_articles) and not blocked[i]
    ]
    nxt = 0
    for i in starts:
        if i < nxt or not (
            cap[i]
            or keys[i] in feature_starts
            # "al-Mayadin", "el-Fasher": the Arabic article belongs to the name
            or (
                keys[i] in arabic_articles
                and hyphen_after[i]
                and i + 1 < n
                and cap[i + 1]
                and not blocked[i + 1]
            )
        ):
            continue
        longest = 1
        while (
            longest < max_tokens
            and i + longest < n
            and (join[i + longest - 1] != 0 or _inner_initial(text, toks, i, i + longest - 1))
            and not blocked[i + longest]
        ):
            longest += 1
        found = None
        common: Span | None = None
        for length in range(longest, 0, -1):
            last = i + length - 1
            # country names with words in lower case: "Arabie saoudite", "République
            # démocratique du Congo" (checked against the gazetteer's countries below)
            lower_tail = False
            if (
                not (cap[last] or (length > 1 and keys[last] in feature_ends))
                or particle[last]
                or (length == 1 and not cap[i])
            ):
                if not (
                    length > 1
                    and cap[i]
                    and (keys[last] in country_words or keys[last] in demonyms)
                ):
                    continue
                lower_tail = True
            if not cap[i] and not any(cap[j] for j in range(i + 1, last + 1)):
                continue
            if length > 2 and not all(
                cap[j] or particle[j] or keys[j] in connectors or _hyphen_inner(toks, j)
                for j in range(i + 1, last)
            ):
                if not (
                    cap[i]
                    and all(
                        cap[j] or particle[j] or keys[j] in connectors or keys[j] in country_words
                        for j in range(i + 1, last)
                    )
                ):
                    continue
                lower_tail = True
            if (
                length == 1
                and keys[i] in arabic_articles
                and toks.hyphen_after[i]
                and i + 1 < n
                and cap[i + 1]
            ):
                # the article of "Ель-Фашера" is no name alone (a village "Ель")
                continue
            key = toks.joined(i, length)
            if not index.has(key):
                continue
            if lower_tail and not (index.is_country_key(key) or index.curated(key)):
                continue
            v = verdict(text, toks, i, length, key, lower_words, w, index)
            if v is None:
                continue
            if v == COMMON_ONLY:
                if length > 1 and _region_apposed(
                    text, toks, _span(toks, i, last, key), index, abbreviations=abbreviations
                ):
                    # "CIUDAD VICTORIA, Tamps.": common words, but a town of the region
                    # written after them
                    found = _span(toks, i, last, key, soft=0)
                    break
                if common is None and length > 1:
                    common = _span(toks, i, last, key, soft=2, region_only=True)
                continue
            if v == GIVEN_NAME:
                titled = toks.titled[toks.sentence[i]]
                given.append(_span(toks, i, last, key, soft=1 if toks.initial[i] else 3 * titled))
                continue
            if v == REGION_ONLY:
                found = _span(toks, i, last, key, soft=2, region_only=True)
            else:
                found = _span(toks, i, last, key, soft=v)
            break
        if found is None:
            if common is not None:
                aside.append(common)
        else:
            spans.append(found)
            nxt = found.last + 1
    if aside:
        # one sense per document: "les régions du Nord-Ouest et du Sud-Ouest ... à Bamenda,
        # chef-lieu du Nord-Ouest"
        regions = {s.key for s in spans if s.region_only}
        taken = {j for s in spans for j in range(s.first, s.last + 1)}
        extra = [
            s
            for s in aside
            if s.key in regions and not any(j in taken for j in range(s.first, s.last + 1))
        ]
        if extra:
            spans = sorted(spans + extra, key=lambda s: s.first)
    if given:
        # one sense per document: a given name that the document also writes with the
        # state or province of a town of that name right after it ("Beatrice, Neb.", "Eunice,
        # Louisiana") or after a cue that takes no person ("the town of Eunice", "in Eunice") is
        # that town wherever it stands alone
        firm: set[str] = set()
        weak: dict[str, list[Span]] = {}
        for s in given:
            if _region_apposed(text, toks, s, index):
                firm.add(s.key)
            # ("in Eunice's case": the person's)
            elif (
                place_cue_before(toks, s.first, w, index)
                and text[s.end : s.end + 1] not in _APOSTROPHES
            ):
                if _bare_preposition_before(toks, s.first, w):
                    weak.setdefault(s.key, []).append(s)
                else:
                    firm.add(s.key)
        # a name once after a bare preposition ("confidence in Clifton") is that town there
        # only: its other occurrences are as likely the person's
        spread = firm | {
            key
            for key, cued in weak.items()
            if len(cued) >= config.GEOPARSE_GIVEN_NAME_SPREAD_MIN_CUES
        }
        only = {id(s) for key, cued in weak.items() if key not in spread for s in cued}
        # "Toribío, Jambaló y Silvia": a given name in a list beside a town of its region is
        # that town there
        only |= {
            id(s)
            for s in given
            if s.key not in spread
            and not toks.titled[toks.sentence[s.first]]
            and not _name_goes_on(toks, s.last)
            and listed_beside_place(text, toks, s.first, s.last, w, index)
        }
        if spread or only:
            taken = {j for s in spans for j in range(s.first, s.last + 1)}
            extra = [
                s
                for s in given
                if (s.key in spread or id(s) in only)
                and not any(j in taken for j in range(s.first, s.last + 1))
            ]
            spans = sorted(spans + extra, key=lambda s: s.first)
    return spans


def _name_goes_on(toks: Tokens, last: int) -> bool:
    """Whether "de" or "del" and a capitalised word follow token ``last`` ("Carmen del
    X"): the name goes on past it."""
    nxt = last + 1
    return (
        nxt + 1 < len(toks)
        and toks.join[last] == 1
        and toks.keys[nxt] in _HEAD_LINKS
        and not toks.cap[nxt]
        and toks.join[nxt] == 1
        and toks.cap[nxt + 1]
    )


def _bare_preposition_before(toks: Tokens, i: int, w: Words) -> bool:
    """Whether a place preposition stands right before token ``i`` with no settlement or
    region noun before it ("in Eunice", not "the town of Eunice", "la ville de Eunice")."""
    k = i - 1
    if k < 0 or toks.join[k] == 0 or toks.keys[k] not in w["place_prepositions"]:
        return False
    nouns = w.union("settlement_before", "region_before")
    return not (k >= 1 and toks.join[k - 1] != 0 and toks.keys[k - 1] in nouns)


def _inner_initial(text: str, toks: Tokens, first: int, j: int) -> bool:
    """Whether token ``j``, after the first word of a name, is an initial with its period
    inside the name ("Francisco I. Madero"), in the same sentence as the next word; or the
    name's first word itself when GEOPARSE_SPACED_ABBREVIATIONS (a state's abbreviation
    written with a space, "W. Va.", "N. J.": the gazetteer's key decides whether the
    longer span names a place)."""
    return (
        (j > first or (config.GEOPARSE_SPACED_ABBREVIATIONS and j == first))
        and toks.cap[j]
        and toks.ends[j] - toks.starts[j] == 1
        and j + 1 < len(toks)
        and toks.sentence[j + 1] == toks.sentence[j]
        and text[toks.ends[j] : toks.starts[j + 1]] == ". "
    )


#: Capitalised words of a place's name after a feature noun, at most.
_MAX_FEATURE_NAME: Final = 3
#: Small words between a feature noun and the name ("vallée de la"), at most.
_MAX_FEATURE_LINKS: Final = 2


def _named_features(toks: Tokens, blocked: list[bool], w: Words, index: Index) -> list[Span]:
    """Natural features and water bodies the gazetteer lacks, written as a lower-case noun of
    the pack's ``natural`` or ``water`` lists before a name (the name alone is no town there:
    :func:`~geo.geoparse.filters.verdict` rules it out after a feature noun):

    - the noun, "of" and a bare name ("la sierra de Choix", "la mer de Bizerte"): the
      feature of the place named, which is that place, a span of the name alone;
    - the noun and a name in apposition, or after "of" and an article ("río Vichada",
      "volcán Tungurahua", "la vallée du Drâa"): the feature's own name, a span of the whole
      phrase,
      looked up under the name among regions only (a river or a volcano named after its
      province lies in it; a town of that name may lie anywhere).

    A phrase the gazetteer has is that feature, under its own key.

    Examples
    --------
    >>> from geo.geoparse.filters import words_for
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("es",))
    >>> text = "Crece el río Vichada cerca de la sierra de Choix."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [(text[s.start : s.end], s.key, s.region_only) for s in _named_features(toks,
    ...  [False] * len(toks), w, Index.default())]
    [('río Vichada', 'vichada', True), ('Choix', 'choix', False)]
    """
    nouns = w["natural"] | w["water"]
    if not nouns:
        return []
    keys, cap, join, script = toks.keys, toks.cap, toks.join, toks.script
    of_words, articles = w.of_words, (w["list_words"] - w["after_list"]) | w["determiners"]
    n = len(keys)
    out: list[Span] = []
    for i in [i for i in range(n - 1) if keys[i] in nouns]:
        if cap[i] or blocked[i] or join[i] == 0 or script[i] != "latin":
            continue
        j = toks.past_connectors(i, articles, most=_MAX_FEATURE_LINKS)
        if j >= n or not cap[j] or blocked[j] or join[j - 1] == 0:
            continue
        # "de Choix": the place's feature; "río Vichada", "vallée du Drâa": the feature's name
        bare = j == i + 2 and keys[i + 1] in of_words and keys[i + 1] not in articles - of_words
        longest = 1
        while (
            longest < _MAX_FEATURE_NAME
            and j + longest < n
            and join[j + longest - 1] != 0
            and cap[j + longest]
            and not blocked[j + longest]
        ):
            longest += 1
        for length in range(longest, 0, -1):
            last = j + length - 1
            whole = toks.joined(i, last - i + 1)
            if index.has(whole):
                # the gazetteer's own feature ("monts Nimba" when it has the range), which
                # _capitalised reads only after the pack's feature_starts
                out.append(_span(toks, i, last, whole, soft=0))
                break
            key = toks.joined(j, length)
            if key in w["common"] or key in w["stopwords"] or not index.has(key):
                continue
            if bare:
                out.append(_span(toks, j, last, key, soft=0))
            elif any(c.place.kind == "region" for c in index.candidates(key)):
                out.append(_span(toks, i, last, key, soft=0, region_only=True))
            elif keys[i] in w["water"]:
                # "río X", "quebrada X": a stream the gazetteer lacks, named as the
                # town on its banks; the town places it
                out.append(_span(toks, i, last, key, soft=0))
            break
    return out


#: Languages whose texts' names are looked up as other romanisations (the conventions of
#: :func:`geo.geoparse.translit.romanised_form`).
_ROMANISED_LANGS: Final = ("en", "fr", "es")
#: Most capitalised words of a name looked up as another romanisation.
_ROMANISED_WORDS: Final = 3


def _romanised(
    text: str, toks: Tokens, blocked: list[bool], w: Words, index: Index, spans: list[Span]
) -> list[Span]:
    """Capitalised Latin names the gazetteer lacks as written that are another romanisation
    of one of its names ("Kirkouk" in French, "Ghazna"), where a place is likely: after
    a place cue ("dans", "la ville de"), a place preposition (English) or on a list of the
    places found ("X, Y and Z"); ``source="romanised"``, candidates of
    :meth:`Index.romanised`. Names of the packs' lists of people and common words, and
    frequent words, are left alone. The name keeps the places in the countries of the
    places the document names for sure, within :data:`geo.config.GEOPARSE_ROMANISED_NEAR_KM`
    of one of its towns or regions (none in a document that names no place so). Only a
    whole run of capitalised words is looked up; a run in which names were found replaces
    them (a name of several words the gazetteer has under another spelling, of which one
    word is a village elsewhere).

    Examples
    --------
    >>> from geo.geoparse.filters import words_for
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("fr",))
    >>> text = "Des combats ont eu lieu dans Gardez-Nord."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [s.key for s in _romanised(text, toks, [False] * len(toks), w, Index.default(), [])]
    []
    """
    keys, cap, join, script = toks.keys, toks.cap, toks.join, toks.script
    n = len(keys)
    ends = {s.last: s for s in spans if s.soft == 0}
    starts = {s.first: s for s in spans if s.soft == 0}
    # people's names, titles... and common words (sets looked up in turn, not joined)
    unlikely = tuple(w[name] for name in (*_NOT_TRANSLIT, "common", "stopwords"))
    at: dict[int, Span] = {j: s for s in spans for j in range(s.first, s.last + 1)}
    out: list[Span] = []
    places: list[Place] | None = None  # the best places of the names found, when needed
    nxt = 0
    for i in [j for j in range(n) if cap[j]]:
        if i < nxt:
            continue  # inside a run already read
        lang = toks.sentence_lang[toks.sentence[i]] if toks.sentence_lang else "und"
        if (
            blocked[i]
            or script[i] != "latin"
            or lang not in _ROMANISED_LANGS
            or (i > 0 and cap[i - 1] and join[i - 1] == 1 and not blocked[i - 1])
        ):
            continue
        longest = 1
        while (
            i + longest < n
            and join[i + longest - 1] == 1
            and cap[i + longest]
            and not blocked[i + longest]
        ):
            longest += 1
        last = i + longest - 1
        nxt = last + 1
        if (longest == 1 and i in at) or longest > _ROMANISED_WORDS:
            continue
        # names found inside the run (its first word alone, a village elsewhere): the
        # whole run replaces them when it is a romanisation of a name, unless one is a
        # country or a place of note, or reaches out of the run
        inside = list({id(at[j]): at[j] for j in range(i, last + 1) if j in at}.values())
        if (
            not _romanised_cue(text, toks, i, last, w, lang, ends, starts)
            or any(s.first < i or s.last > last for s in inside)
            or any(Index.is_major(c) for s in inside for c in index.candidates(s.key)[:1])
        ):
            continue
        words = [keys[j] for j in range(i, last + 1)]
        key = toks.joined(i, longest)
        if (
            not index.has(key)
            and not any(k in words_ for k in words for words_ in unlikely)
            and word_frequency(key, (lang,)) < config.GEOPARSE_ROMANISED_MAX_ZIPF
        ):
            found = index.romanised(key, lang)
            if found and places is None:
                places = _best_places(spans, index)
            near = _near_countries(found, places or [])
            if near:
                marked = key + ROMANISED + lang + IN_COUNTRIES + ",".join(sorted(near))
                out.append(_span(toks, i, last, marked, source="romanised"))
                ends[last] = out[-1]  # a list goes on: "X, Ghazna and Mihtarlam"
    return out


def _near_countries(cs: Sequence[Candidate], places: Sequence[Place]) -> set[str]:
    """The countries of the candidates that lie in the countries of ``places`` and, when
    some of those are no countries, within :data:`geo.config.GEOPARSE_ROMANISED_NEAR_KM`
    of one of them."""
    countries = {p.country_code for p in places if p.country_code}
    points = [p for p in places if p.kind != "country"]
    return countries_near(cs, countries, points, km=config.GEOPARSE_ROMANISED_NEAR_KM)


def _romanised_cue(
    text: str,
    toks: Tokens,
    first: int,
    last: int,
    w: Words,
    lang: str,
    ends: dict[int, Span],
    starts: dict[int, Span],
) -> bool:
    """Whether a place is likely at tokens ``first..last``: a place cue before ("dans", "la
    ville de"), in English a place preposition, or a list with a place found right before
    or after ("X, Y", "Y and X")."""
    if place_only_before(toks, first, w) or (lang == "en" and preposition_before(toks, first, w)):
        return True
    before = ends.get(first - 1)
    if (
        before is not None
        and toks.sentence[first - 1] == toks.sentence[first]
        and text[toks.ends[first - 1] : toks.starts[first]].strip() == ","
    ):
        return True
    if first >= 2 and toks.keys[first - 1] in w["after_list"] and first - 2 in ends:
        return toks.join[first - 2] != 0 or bool(
            text[toks.ends[first - 2] : toks.starts[first - 1]].strip() == ","
        )
    after = last + 1
    if after + 1 < len(toks) and toks.keys[after] in w["after_list"] and after + 1 in starts:
        return True
    return bool(
        after in starts
        and toks.sentence[after] == toks.sentence[last]
        and text[toks.ends[last] : toks.starts[after]].strip() == ","
    )


#: Most tokens of a first-level region's name or abbreviation after a town ("N.J.": 2).
_APPOSED_REGION_TOKENS: Final = 3


def _region_apposed(
    text: str,
    toks: Tokens,
    span: Span,
    index: Index,
    *,
    abbreviations: Mapping[str, str] | None = None,
) -> bool:
    """Whether a comma and the name or abbreviation of a first-level region in which a place
    of the span's name lies come right after it ("Beatrice, Neb.", "Eunice, Louisiana"; the
    packs' ``abbreviations`` too: "Ciudad Victoria, Tamps.")."""
    nxt = span.last + 1
    if nxt >= len(toks) or text[toks.ends[span.last] : toks.starts[nxt]].strip() != ",":
        return False
    if not toks.cap[nxt]:
        return False
    areas = {
        admin_key(c.place)
        for c in index.candidates(span.key, variants=False)
        if c.place.kind == "city"
    }
    for length in range(1, _APPOSED_REGION_TOKENS + 1):
        if nxt + length > len(toks):
            break
        key = toks.joined(nxt, length)
        if length == 1 and abbreviations and key in abbreviations:
            if text[toks.ends[nxt] : toks.ends[nxt] + 1] != ".":
                continue
            key = normalize_name(abbreviations[key].rpartition(" ")[0])
        if not index.has(key):
            continue
        for c in index.candidates(key, variants=False):
            if feature_of(c.place) == "admin1" and admin_key(c.place) in areas:
                return True
    return False


def _possessive_names(text: str, toks: Tokens, blocked: list[bool], index: Index) -> list[Span]:
    """Names written with a possessive, which the tokenizer drops: "Land's End", "Martha's
    Vineyard" (the gazetteer's key keeps the "s": "coxs bazar")."""
    out: list[Span] = []
    if not any(gap in text for gap in _POSSESSIVE_GAPS):
        return out  # (each name below has one)
    n = len(toks)
    for i in range(n - 1):
        nxt = i + 1
        if (
            not toks.cap[i]
            or blocked[i]
            or toks.join[i] != 0
            or toks.sentence[i] != toks.sentence[nxt]
            or text[toks.ends[i] : toks.starts[nxt]] not in _POSSESSIVE_GAPS
        ):
            continue
        last = nxt
        while last < n and last - nxt < 2 and toks.cap[last] and not blocked[last]:
            key = f"{toks.keys[i]}s {toks.joined(nxt, last - nxt + 1)}"
            if index.has(key):
                out.append(_span(toks, i, last, key, soft=0))
                break
            if toks.join[last] != 1:
                break
            last += 1
    return out


def _span(
    toks: Tokens,
    first: int,
    last: int,
    key: str,
    *,
    soft: int = 0,
    region_only: bool = False,
    source: str = "caps",
) -> Span:
    return Span(
        start=toks.starts[first],
        end=toks.ends[last],
        first=first,
        last=last,
        key=key,
        lang=toks.sentence_lang[toks.sentence[first]] if toks.sentence_lang else "und",
        source=source,
        soft=soft,
        region_only=region_only,
    )


# --------------------------------------------------------------------------- word forms


def _inflected_readings(
    text: str, toks: Tokens, spans: list[Span], index: Index, w: Words
) -> list[Span]:
    """Spans of one capitalised Cyrillic word found as written that are also a case form of
    another name: the key of both readings (:data:`ANY_OF`), so that the document's places
    choose. "Сум" is the Soum province of Burkina Faso as written and the genitive of Суми
    (Sumy). Only readings
    that name a place of the countries whose places the Cyrillic press inflects
    (:func:`~geo.geoparse.translit.cyrillic_countries`): "Абу" is no case form of Aba, Nigeria."""
    cyrillic = translit.cyrillic_countries()
    out: list[Span] = []
    for span in spans:
        i = span.first
        if (
            span.source != "caps"
            or span.last != i
            or toks.script[i] != "cyrillic"
            or ANY_OF in span.key
            or IN_COUNTRIES in span.key
        ):
            out.append(span)
            continue
        word = text[toks.starts[i] : toks.ends[i]].lower()
        normal = _normal_forms(_morph_lang(toks, i), word)
        forms = [
            f
            for f in normal
            if f != span.key
            and any(c.place.country_code in cyrillic for c in index.candidates(f, variants=False))
        ]
        # a region's common name that is also a town's ("Кубань"): the region too
        forms += [w.region_names[f] + REGION_OF for f in normal if f in w.region_names]
        if forms:
            span = dataclasses.replace(span, key=ANY_OF.join([span.key, *dict.fromkeys(forms)]))
        out.append(span)
    return out


def _region_phrases(
    text: str, toks: Tokens, blocked: list[bool], w: Words, index: Index
) -> list[Span]:
    """An adjective before a region noun names a region: the region of that name in its
    dictionary form ("Волинській області": "волинська область"), else the region named after
    a town ("Донецкой области": the town's key and :data:`REGION_OF`). A district the
    gazetteer lacks, named after its centre ("Покровському районі", "Суджанского района"),
    is the town (not a region only). Adjectives listed before one noun share it ("в
    Харьковской, Сумской и Черниговской областях")."""
    region_after, list_words = w["region_after"], w["list_words"]
    district_after, qualifiers = w["district_after"], w["region_qualifiers"]
    towns: set[str] = set()
    out: list[Span] = []
    nouns: list[tuple[int, int]] = []  # (adjective, noun) of the phrases found
    n = len(toks)

    def adjective_start(i: int) -> int:
        """Where the adjective ending at token ``i`` starts: "Ивано-Франковской" is one."""
        j = i
        while (
            j > 0
            and toks.cap[j - 1]
            and toks.script[j - 1] == "cyrillic"
            and text[toks.ends[j - 1] : toks.starts[j]] == "-"
        ):
            j -= 1
        return j

    def region_key(i: int, noun: int, first: int | None = None) -> str | None:
        first = i if first is None else first
        if any(blocked[j] for j in range(first, i + 1)):
            return None
        if not toks.cap[i] or toks.script[i] != "cyrillic":
            return None
        pack = get_pack(_morph_lang(toks, i))
        word = text[toks.starts[first] : toks.ends[i]].lower()
        # the region's own name first ("Волинській області": "волинська область"; "Киевской
        # области" is the oblast, not the city of Kyiv, a region of its own)
        phrase_forms = pack.morph("base_forms")
        noun_text = text[toks.starts[noun] : toks.ends[noun]].lower()
        cyrillic = translit.cyrillic_countries()
        district = toks.keys[noun] in district_after
        for form in phrase_forms(f"{word} {noun_text}") if phrase_forms else ():
            key = normalize_name(str(form))
            # a district's own name only in a country that has districts ("Западного
            # округа" of a Russian town is no division of an island state)
            if any(
                c.place.kind == "region" and (not district or c.place.country_code in cyrillic)
                for c in index.candidates(key, variants=False)
            ):
                return key
        adjective = pack.morph("adjective_bases")
        # the first base that is a region, or a town that gives its name to one; one in the
        # countries whose places the Cyrillic press inflects before others ("Сумського
        # району": Суми, not the Soum province of Burkina Faso, "Сум")
        named = [
            key
            for key in (normalize_name(str(b)) for b in (adjective(word) if adjective else ()))
            if index.regions_named(key)
        ]
        if named and not district:
            near = (
                k
                for k in named
                if any(c.place.country_code in cyrillic for c in index.regions_named(k))
            )
            return next(near, named[0]) + REGION_OF
        if district:
            # its centre, else the district itself as a populated place ("Оболонський":
            # the masculine adjective, as "район" and "округ" are)
            own = [
                f
                for f in (
                    normalize_name(str(x)) for x in (phrase_forms(word) if phrase_forms else ())
                )
                if f.endswith(_MASCULINE_KEY_ENDINGS)
            ]
            # every town the adjective may come from ("Васильківська": Васильків or
            # Васильківка): the context chooses among their places
            bases: list[str] = []
            tried = list(
                dict.fromkeys(
                    normalize_name(str(b)) for b in (*(adjective(word) if adjective else ()), *own)
                )
            )
            seen: set[str] = set()
            for key in tried:
                near_places = [
                    c.place
                    for c in index.candidates(key, variants=False)
                    if c.place.kind == "city" and c.place.country_code in cyrillic
                ]
                if near_places:
                    # its places in those countries only: "Барському районі" is not Baar
                    codes = sorted({str(p.country_code) for p in near_places})
                    bases.append(key + IN_COUNTRIES + ",".join(codes))
                    seen.update(p.id for p in near_places)
            # a centre the gazetteer writes in the other language only (a Ukrainian "-ськ"
            # that the gazetteer has in its Russian spelling "-ск" alone): its Latin
            # transliteration, in the countries that have districts; only for the names
            # that keep the adjective's suffix, which few other words transliterate alike
            for key in tried:
                if len(bases) < config.GEOPARSE_DISTRICT_TOWNS and _SUFFIX_NAME.search(key):
                    places = [
                        c.place
                        for c in index.transliterated(key)
                        if c.place.kind == "city"
                        and c.place.country_code in cyrillic
                        and c.place.id not in seen
                    ]
                    if places:
                        codes = sorted({str(p.country_code) for p in places})
                        bases.append(key + IN_COUNTRIES + ",".join(codes))
                        seen.update(p.id for p in places)
            if bases:
                key = ANY_OF.join(bases[: config.GEOPARSE_DISTRICT_TOWNS])
                towns.add(key)
                return key
            # else the region named after the town, in a country that has districts: not
            # the Italian province of a town whose name a Ukrainian adjective also spells
            near = (
                k
                for k in named
                if any(c.place.country_code in cyrillic for c in index.regions_named(k))
            )
            found = next(near, None)
            if found is not None:
                return found + REGION_OF
        return None

    # the words an adjective may be: those a region noun follows within
    # REGION_QUALIFIERS_MAX + 1 words (the others find no noun below)
    reach = config.REGION_QUALIFIERS_MAX + 1
    ahead = sorted(
        {
            i
            for p in range(1, n)
            if toks.keys[p] in region_after
            for i in range(max(0, p - reach), p)
        }
    )
    i = 0
    for a in ahead:
        if a < i or a >= n - 1:
            continue
        i = a
        nxt = i + 1
        # "Новооскольском городском округе", "Бердичівській міській територіальній громаді"
        while (
            nxt < n - 1
            and nxt - i <= config.REGION_QUALIFIERS_MAX
            and toks.keys[nxt] in qualifiers
            and toks.join[nxt - 1] == 1
        ):
            nxt += 1
        key = None
        start = i
        if toks.join[i] == 1 and toks.join[nxt - 1] == 1 and toks.keys[nxt] in region_after:
            start = adjective_start(i)
            key = region_key(i, nxt, start) if start < i else None
            if key is None:
                start = i
                key = region_key(i, nxt)
        if key is None:
            i += 1
            continue
        found = [_span(toks, start, nxt, key, soft=0, region_only=key not in towns, source="morph")]
        # the adjectives listed before share the noun: "в Харьковской, Сумской и
        # Черниговской областях", "у Київській та Львівській областях"
        k = start
        while k > 0 and toks.sentence[k - 1] == toks.sentence[i]:
            gap = text[toks.ends[k - 1] : toks.starts[k]]
            if gap.strip() == "," and gap.count("\n") == 0:
                j = k - 1
            elif toks.keys[k - 1] in list_words and k > 1 and not gap.strip():
                j = k - 2
                if text[toks.ends[j] : toks.starts[k - 1]].strip(" ,"):
                    break
            else:
                break
            # adjectives of one list agree with their noun: same ending ("Харьковской,
            # Сумской"; not "в Харькове и Сумской области")
            if toks.sentence[j] != toks.sentence[i] or toks.keys[j][-2:] != toks.keys[i][-2:]:
                break
            first = adjective_start(j)
            listed = region_key(j, nxt, first) if first < j else None
            if listed is None:
                first = j
                listed = region_key(j, nxt)
            if listed is None:
                break
            found.append(
                _span(
                    toks, first, j, listed, soft=0, region_only=listed not in towns, source="morph"
                )
            )
            k = first
        if len(found) > 1 or _listed_after(toks, k, i, list_words):
            # each adjective of a list stands alone: "в Харьковской, [Сумской] и
            # [Черниговской] областях", also after one that names no place found here
            head = found[0]
            found[0] = _span(
                toks, head.first, i, head.key, soft=0, region_only=head.region_only, source="morph"
            )
        out.extend(found)
        nouns.append((i, nxt))
        i = nxt + 1
    # an adjective whose noun the text leaves out after one written before it in the same
    # case: "над Курской областью — 20, над [Орловской] — 12"
    taken = {j for s in out for j in range(s.first, s.last + 1)}
    for i in range(n):
        if i in taken or not toks.cap[i] or toks.script[i] != "cyrillic" or blocked[i]:
            continue
        before = [
            (adj, noun)
            for adj, noun in nouns
            if noun < i
            and i - noun <= config.GEOPARSE_ELIDED_REGION_TOKENS
            and toks.sentence[i] - toks.sentence[adj] <= 1
            and toks.keys[adj][-3:] == toks.keys[i][-3:]
        ]
        if not before or not _noun_left_out(text, toks, i, list_words):
            continue
        key = region_key(i, before[-1][1])
        if key is not None:
            out.append(_span(toks, i, i, key, soft=0, region_only=key not in towns, source="morph"))
    return sorted(out, key=lambda s: s.first)


def _noun_left_out(text: str, toks: Tokens, i: int, list_words: AbstractSet[str]) -> bool:
    """Whether the adjective at token ``i`` stands without its noun: punctuation, a number
    or the end of the text after it, or a conjunction and another capitalised word."""
    if i + 1 >= len(toks) or toks.sentence[i + 1] != toks.sentence[i]:
        return True
    gap = text[toks.ends[i] : toks.starts[i + 1]]
    if any(c in gap for c in ",;:—–-()"):
        return True
    nxt = toks.keys[i + 1]
    return nxt.isdigit() or (nxt in list_words and i + 2 < len(toks) and toks.cap[i + 2])


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _agrees_with_next(word: str, nxt: str, lang: str, acronym: bool) -> bool:
    """:func:`geo.lang._slavic.agrees_with_next`, memoised (pymorphy3's parses are slow,
    and documents share their phrases)."""
    return _slavic.agrees_with_next(word, nxt, lang, acronym=acronym)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _is_adjective(word: str, lang: str) -> bool:
    """:func:`geo.lang._slavic.is_adjective`, memoised."""
    return _slavic.is_adjective(word, lang)


def _without_attributes(text: str, toks: Tokens, spans: list[Span], w: Words) -> list[Span]:
    """Spans without the Cyrillic adjectives of towns that modify the noun after them
    ("Азовского флота", "Запорожской АЭС", "Харьковском шоссе": a fleet, a plant, a road
    named after the place), found as written or under a dictionary form; the noun of
    a region or a water body after one makes a place and stays (the phrase finders')."""
    nouns = w.union("region_after", "district_after", "water", "natural")
    small = w.union("stopwords", "list_words", "place_prepositions")
    n = len(toks)
    out: list[Span] = []
    for s in spans:
        i = s.first
        j = i + 1
        if (
            s.last == i
            and toks.script[i] == "cyrillic"
            and j < n
            and toks.join[i] == 1
            and toks.sentence[j] == toks.sentence[i]
            and toks.script[j] == "cyrillic"
            and toks.keys[j] not in nouns
            and toks.keys[j] not in small
            and text[toks.ends[i] : toks.starts[j]] == " "
            and (not toks.cap[j] or (acronym := _acronym_in_text(text, toks, j)))
            and _agrees_with_next(
                text[toks.starts[i] : toks.ends[i]].lower(),
                text[toks.starts[j] : toks.ends[j]].lower(),
                _morph_lang(toks, i),
                toks.cap[j] and acronym,
            )
        ):
            continue
        out.append(s)
    return out


def _listed_after(toks: Tokens, k: int, i: int, list_words: frozenset[str]) -> bool:
    """Whether the adjective starting at token ``k`` (ending at ``i``) follows another of
    the same ending and a conjunction ("Ляхского и [Лесновского] районов"), so that the noun
    after it is theirs and not its own."""
    if k < 2 or toks.keys[k - 1] not in list_words or toks.sentence[k - 2] != toks.sentence[i]:
        return False
    j = k - 2
    return toks.cap[j] and toks.script[j] == "cyrillic" and toks.keys[j][-2:] == toks.keys[i][-2:]


def _feature_phrases(
    text: str, toks: Tokens, blocked: list[bool], w: Words, index: Index
) -> list[Span]:
    """An adjective before a water or natural-feature noun, looked up as a whole under its
    dictionary form: "Черному морі" (Чорне море), "Азовского моря"."""
    nouns = w["water"] | w["natural"]
    town_features = w["town_features"]
    forms_of_lang = {code: get_pack(code).morph("base_forms") for code in _MORPH_LANGS}
    out: list[Span] = []
    for i in range(len(toks) - 1):
        nxt = i + 1
        if (
            blocked[i]
            or not toks.cap[i]
            or toks.script[i] != "cyrillic"
            or toks.join[i] != 1
            or toks.keys[nxt] not in nouns
            # the second part of a hyphenated adjective ("Северо-Крымский канал")
            or (i > 0 and toks.hyphen_after[i - 1])
        ):
            continue
        forms_of = forms_of_lang[_morph_lang(toks, i)]
        if forms_of is None:
            continue
        phrase = text[toks.starts[i] : toks.ends[nxt]].lower()
        # (as written too: the capitalised names do not take the noun in lower case)
        written = toks.joined(i, 2) if toks.cap[nxt] else None
        for form in forms_of(phrase):
            key = normalize_name(str(form))
            if key != written and index.candidates(key, variants=False):
                out.append(_span(toks, i, nxt, key, soft=0, source="morph"))
                break
        else:
            if toks.keys[nxt] not in town_features:
                continue
            # a feature the gazetteer lacks, named after a town by the town's adjective
            # ("Ладижинське водосховище", "Цимлянское водохранилище"): placed at the town
            lang = _morph_lang(toks, i)
            word = text[toks.starts[i] : toks.ends[i]].lower()
            towns = _adjective_towns(lang, word, index)
            if towns is not None:
                out.append(_span(toks, i, nxt, towns, soft=0, source="morph"))
    return out


def _inflecting_countries() -> frozenset[str]:
    """The countries whose places the Cyrillic press inflects
    (:func:`~geo.geoparse.translit.cyrillic_countries`), for a function whose ``translit``
    flag hides the module."""
    return translit.cyrillic_countries()


def _adjective_towns(lang: str, word: str, index: Index) -> str | None:
    """The key of the towns a relational adjective may be built from, in the countries whose
    places the Cyrillic press inflects (:data:`ANY_OF` of their keys, each with
    :data:`IN_COUNTRIES`); None for other words."""
    bases_of = get_pack(lang).morph("adjective_bases")
    if bases_of is None:
        return None
    cyrillic = translit.cyrillic_countries()
    keys: list[str] = []
    for base in dict.fromkeys(normalize_name(str(b)) for b in bases_of(word)):
        codes = sorted(
            {
                str(c.place.country_code)
                for c in index.candidates(base, variants=False)
                if c.place.kind == "city" and c.place.country_code in cyrillic
            }
        )
        if codes:
            keys.append(base + IN_COUNTRIES + ",".join(codes))
        if len(keys) >= config.GEOPARSE_DISTRICT_TOWNS:
            break
    return ANY_OF.join(keys) if keys else None


def _word_forms(
    text: str,
    toks: Tokens,
    blocked: list[bool],
    w: Words,
    index: Index,
    found: list[Span],
    *,
    starts: Sequence[int],
    translit: bool = False,
) -> list[Span]:
    """Capitalised Cyrillic words that are names under a dictionary form; with ``translit``,
    names under a Latin transliteration of a dictionary form (:func:`_translit_key`).
    ``starts``: :func:`_capitalised_cyrillic` of the document, the words visited."""
    taken = {j for s in found for j in range(s.first, s.last + 1)}
    if translit:
        countries = _countries(found, index)

        def known(key: str, word: str, forms: Sequence[str]) -> str | None:
            return _translit_key(key, (word, *forms), w, index, countries)

    else:

        def known(key: str, word: str, forms: Sequence[str]) -> str | None:
            return key if key != word and index.candidates(key, variants=False) else None

    source = "translit" if translit else "morph"
    inflecting = _inflecting_countries()
    lower_words = {k for k, up in zip(toks.keys, toks.cap, strict=True) if not up}
    out: list[Span] = []
    n = len(toks)
    article = -2  # the token of an Arabic article just before, if any
    i = 0
    # the capitalised Cyrillic words, visited in order from ``i`` on (the loop below moves
    # ``i`` past the names it finds)
    for j in starts:
        if j < i:
            continue
        i = j
        if i in taken:
            continue
        lang = _morph_lang(toks, i)
        pack = get_pack(lang)
        word = text[toks.starts[i] : toks.ends[i]].lower()
        forms_of = pack.morph("base_forms")
        # names of several words: "Новой Каховке", "Кривому Розі", "Ростове-на-Дону"
        run = _name_run(toks, i, taken, blocked) if forms_of is not None else i
        while forms_of is not None and run > i:
            whole = text[toks.starts[i] : toks.ends[run]].lower()
            joined = toks.joined(i, run - i + 1)
            keys = _normal_forms(lang, whole)
            hit = next((h for h in (known(k, joined, keys) for k in keys) if h), None)
            if hit is None:
                # "Рас-ель-Айна" that the gazetteer writes "Рас-эль-Айн": the Arabic article
                # inside a name in its other spellings, or left out
                other = _article_variants(keys, w["arabic_articles"])
                hit = next((h for h in (known(k, joined, other) for k in other) if h), None)
            if hit is not None:
                out.append(_span(toks, i, run, hit, soft=0, source=source))
                taken.update(range(i, run + 1))
                break
            run -= 1
        if i in taken:
            i = run + 1
            continue
        if (
            toks.keys[i] in w["arabic_articles"]
            and toks.hyphen_after[i]
            and i + 1 < n
            and toks.cap[i + 1]
        ):
            # "Аль-Хасаки" that the gazetteer knows as "Хасака" only: the name after the
            # article, its span with the article
            article = i
            i += 1
            continue
        first = article if article == i - 1 else i
        if _acronym_in_text(text, toks, i):
            i += 1
            continue  # "повідомила ОВА": an acronym has no case forms
        if toks.keys[i] in w["stopwords"] or toks.keys[i] in w["always_common"]:
            # a function word is no case form of a name ("Из-за боёв": not the village Іза),
            # nor a word that is never a place (the seat of a government, in its cases)
            i += 1
            continue
        if toks.initial[i] and toks.keys[i] in w["common"]:
            # a common word capitalised only as its sentence's first word: none of its other
            # forms is a name either ("Атака на X": no town abroad from the plural "атак")
            i += 1
            continue
        forms = _normal_forms(lang, word) if forms_of else ()
        for form in forms:
            derived = None if translit else _suffix_region(lang, form, w, index)
            if derived is not None:
                key, region_only = derived
                out.append(
                    _span(toks, first, i, key, soft=0, region_only=region_only, source="morph")
                )
                break
            mapped = None if translit else w.region_names.get(form)
            if mapped is not None:
                out.append(
                    _span(
                        toks, first, i, mapped + REGION_OF, soft=0, region_only=True, source="morph"
                    )
                )
                break
            if form in w["common"] or form in w["stopwords"]:
                continue
            if translit and (
                _in_name(toks, i, taken, w)
                or _modifier(toks, i, word, pack.morph("adjective_bases"), w)
            ):
                # a word of a longer name (a person's, "Кривому Розі"), or an adjective of a
                # town before its noun ("Антоновского моста")
                break
            if toks.initial[i] and _modifier(toks, i, word, pack.morph("adjective_bases"), w):
                # capitalised only as the first word of its sentence, before its noun:
                # an adjective ("Українські військові"), not a town's form ("Українська")
                break
            hit = known(form, toks.keys[i], forms)
            if hit is not None and not translit:
                # the other dictionary forms that name a town of the countries whose places
                # the press inflects: the document's places choose ("Кірові" is Кіров in
                # Russia and Кірове in Ukraine)
                others = [
                    f
                    for f in forms
                    if f != form
                    and f not in w["common"]
                    and not _common((f,))
                    and known(f, toks.keys[i], forms) is not None
                    and any(
                        c.place.country_code in inflecting
                        for c in index.candidates(f, variants=False)
                    )
                ][: config.GEOPARSE_INFLECTED_READINGS - 1]
                if others:
                    hit = ANY_OF.join([hit, *others])
            if hit is not None:
                if form in lower_words or toks.keys[i] in lower_words:
                    soft = 2
                elif toks.initial[i] or toks.titled[toks.sentence[i]]:
                    soft = 1 if toks.initial[i] else 3
                else:
                    soft = 0
                out.append(_span(toks, first, i, hit, soft=soft, source=source))
                break
        i += 1
    return out


#: Most letters of an acronym (a word in capitals inside text that is not).
_ACRONYM_MAX: Final = 4


def _capitalised_cyrillic(toks: Tokens, blocked: list[bool]) -> list[int]:
    """The tokens of ``toks`` that are capitalised Cyrillic words not ``blocked``, in order:
    where the Cyrillic phrase finders may start."""
    return [
        j
        for j, (cap, script, off) in enumerate(zip(toks.cap, toks.script, blocked, strict=False))
        if cap and script == "cyrillic" and not off
    ]


def _acronym_in_text(text: str, toks: Tokens, i: int) -> bool:
    """Whether word ``i`` is a short word in capitals beside a word that is not in
    capitals: an acronym ("повідомила ОВА"), not a name of a line written in capitals."""
    word = text[toks.starts[i] : toks.ends[i]]
    if len(word) > _ACRONYM_MAX or not word.isupper():
        return False
    return any(
        0 <= j < len(toks)
        and toks.sentence[j] == toks.sentence[i]
        and not text[toks.starts[j] : toks.ends[j]].isupper()
        and any(c.isalpha() for c in text[toks.starts[j] : toks.ends[j]])
        for j in (i - 1, i + 1)
    )


@functools.cache
def _region_suffixes(lang: str) -> tuple[str, ...]:
    """The pack's ``region_suffixes`` of ``lang``, longest first (in pack order among
    suffixes of one length)."""
    return tuple(sorted(get_pack(lang).maps["region_suffixes"], key=len, reverse=True))


def _suffix_region(lang: str, form: str, w: Words, index: Index) -> tuple[str, bool] | None:
    """The key of a region or district named with a suffix from the relational adjective of
    its town (the pack's ``region_suffixes``) and whether it is a region only: the region
    named by the adjective and a region noun ("Дніпропетровщина": "дніпропетровська
    область"), else the region named after the adjective's town ("Харківщина": Kharkiv's),
    else the town itself, for a district around it ("Ізюмщина": Izium). None for other
    words, common words ("женщина", "батьківщина") and names of their own ("Туреччина")."""
    longest_first = _region_suffixes(lang)
    if not form.endswith(longest_first):
        return None  # most words
    suffixes = get_pack(lang).maps["region_suffixes"]
    suffix = next(x for x in longest_first if form.endswith(x))
    if len(form) - len(suffix) < config.GEOPARSE_REGION_SUFFIX_MIN_STEM:
        return None
    if form in w["common"] or form in w["stopwords"] or _common((form,)):
        return None  # "женщина", "причина"
    if index.candidates(form, variants=False):
        return None  # a name of its own: "Туреччина" is Turkey, not a region of "Турец"
    adjective = form[: -len(suffix)] + suffixes[suffix]
    for noun in sorted(w["region_after"]):
        key = normalize_name(f"{adjective} {noun}")
        if any(c.place.kind == "region" for c in index.candidates(key, variants=False)):
            return key, True
    bases_of = get_pack(lang).morph("adjective_bases")
    for base in bases_of(adjective) if bases_of else ():
        key = normalize_name(str(base))
        if index.regions_named(key):
            return key + REGION_OF, True
        if any(c.place.kind == "city" for c in index.candidates(key, variants=False)):
            return key, False
    return None


def _countries(spans: Sequence[Span], index: Index) -> frozenset[str]:
    """The countries whose places a name found only through a transliteration may be: those
    of :func:`geo.geoparse.translit.cyrillic_countries` and those of the names found that
    need no context."""
    found = set(translit.cyrillic_countries())
    found.update(p.country_code for p in _best_places(spans, index) if p.country_code)
    return frozenset(found)


def _best_places(spans: Sequence[Span], index: Index) -> list[Place]:
    """The best candidates' places of the names found that need no context (not soft, not
    a region named after a town)."""
    return [
        cs[0].place
        for s in spans
        if not s.soft and not s.key.endswith(REGION_OF) and (cs := index.candidates(s.key))
    ]


def _translit_key(
    key: str, words: Sequence[str], w: Words, index: Index, countries: frozenset[str]
) -> str | None:
    """The key of a span when ``key``, a dictionary form of a word (``words``: the word's
    key and all its dictionary forms), names a place through a Latin transliteration
    (:meth:`Index.transliterated`) in one of ``countries``: ``key`` with
    :data:`~geo.geoparse.candidates.IN_COUNTRIES` and those of its places' countries that
    are in ``countries``. None for a given name, a title or a month, a masculine adjective
    in -ский/-ський (a surname), and a word common in Russian or Ukrainian under any of its
    forms (a village the gazetteer lacks as written is rare in text; "Ставкой" is "ставка")."""
    if words[0].endswith(_SURNAME_ENDINGS) or _common(tuple(words)):
        return None
    if any(key in w[name] for name in _NOT_TRANSLIT):
        return None
    found = {
        c.place.country_code for c in index.transliterated(key) if c.place.country_code in countries
    }
    return key + IN_COUNTRIES + ",".join(sorted(found)) if found else None


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _normal_forms(lang: str, word: str) -> tuple[str, ...]:
    """The dictionary forms of a lower-case word (or words) as gazetteer keys."""
    forms_of = get_pack(lang).morph("base_forms")
    return tuple(normalize_name(str(f)) for f in forms_of(word)) if forms_of else ()


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _common(keys: tuple[str, ...]) -> bool:
    """Whether one of a word's keys is common in Russian or Ukrainian."""
    limit = config.GEOPARSE_TRANSLIT_MAX_ZIPF
    return any(word_frequency(k, _MORPH_LANGS) >= limit for k in keys)


def _modifier(
    toks: Tokens,
    i: int,
    word: str,
    adjective_bases: Callable[..., tuple[object, ...]] | None,
    w: Words,
) -> bool:
    """Whether a word is a relational adjective ("-ский", "-ський") before a lower-case
    Cyrillic word that is no function word."""
    j = i + 1
    return (
        adjective_bases is not None
        and j < len(toks)
        and toks.join[i] != 0
        and not toks.cap[j]
        and toks.script[j] == "cyrillic"
        and toks.keys[j] not in w["stopwords"]
        and bool(adjective_bases(word))
    )


def _in_name(toks: Tokens, i: int, taken: set[int], w: Words) -> bool:
    """Whether a capitalised word is next to another capitalised Cyrillic word, joined by a
    space or a hyphen, that is no function word ("В", "У") and no name found."""
    for j in (i - 1, i + 1):
        if (
            0 <= j < len(toks)
            and j not in taken
            and toks.join[min(i, j)] != 0
            and toks.cap[j]
            and toks.script[j] == "cyrillic"
            and toks.keys[j] not in w["stopwords"]
            and toks.keys[j] not in w["place_prepositions"]
        ):
            return True
    return False


def _name_run(toks: Tokens, i: int, taken: set[int], blocked: list[bool]) -> int:
    """The last token of a run of capitalised Cyrillic words from ``i`` joined by spaces or
    hyphens, with short lower-case words inside ("на"): at most four tokens."""
    last = i
    j = i
    while (
        j + 1 < len(toks)
        and j + 1 - i < 4
        and toks.join[j] == 1
        and j + 1 not in taken
        and not blocked[j + 1]
        and toks.script[j + 1] == "cyrillic"
    ):
        j += 1
        if toks.cap[j]:
            last = j
        elif toks.ends[j] - toks.starts[j] > 3:
            break
    return last


def _hyphenated(
    text: str, toks: Tokens, blocked: list[bool], index: Index, *, starts: Sequence[int]
) -> list[Span]:
    """Hyphenated Cyrillic names that are names only under a dictionary form or another
    spelling of their Arabic article ("Рас-эль-Хайме", "Хан-Юнісу", "Рас-ель-Айна"): the
    whole name, before its pieces are matched alone ("Хайме", "Хан"). ``starts``:
    :func:`_capitalised_cyrillic` of the document, the words visited."""
    out: list[Span] = []
    n = len(toks)
    i = 0
    # the capitalised Cyrillic words, visited in order from ``i`` on (the loop below moves
    # ``i`` past the names it reads)
    for k in starts:
        if k < i:
            continue
        i = k
        j = i
        while (
            j + 1 < n
            and j + 1 - i < config.GEOPARSE_HYPHENATED_MAX
            and toks.hyphen_after[j]
            and toks.script[j + 1] == "cyrillic"
            and not blocked[j + 1]
        ):
            j += 1
        if j == i or not toks.cap[j]:
            i = j + 1
            continue
        whole = text[toks.starts[i] : toks.ends[j]].lower()
        written = normalize_name(whole)
        if not index.candidates(written, variants=False):
            keys = _normal_forms(_morph_lang(toks, i), whole)
            hit = next((k for k in keys if index.candidates(k, variants=False)), None)
            if hit is None:
                # the article in another spelling ("ель", "эль"), and the Russian spelling
                # of a Ukrainian name ("Хан-Юніс": "хан юнис")
                ru = tuple(dict.fromkeys(translit.russian_spelling(k) for k in keys))
                other = (*ru, *_article_variants((*keys, *ru), _cyrillic_articles()))
                hit = next((k for k in other if index.candidates(k, variants=False)), None)
            if hit is not None:
                out.append(_span(toks, i, j, hit, soft=1 if toks.initial[i] else 0, source="morph"))
        i = j + 1
    return out


def _inflected_phrases(
    text: str,
    toks: Tokens,
    blocked: list[bool],
    w: Words,
    index: Index,
    found: list[Span],
    *,
    starts: Sequence[int],
) -> list[Span]:
    r"""Names of several capitalised Cyrillic words that are names only under the dictionary
    form of the whole ("Нижнем Новгороде": "нижний новгород", "Старій Вижівці"), found before
    their words are matched alone, as written or under their own forms ("Новгороде" is
    another town, "Нижнем" the adjective of other names). ``starts``:
    :func:`_capitalised_cyrillic` of the document, the words visited (but function words).

    Examples
    --------
    >>> from geo.geoparse.filters import words_for
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("ru",))
    >>> text = "Бои идут у Великой Александровки, взрывы слышны в Малой Виске."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> free = [False] * len(toks)
    >>> [s.key for s in _inflected_phrases(text, toks, free, w, Index.default(), [],
    ...  starts=_capitalised_cyrillic(toks, free))]
    ['великая александровка', 'малая виска']
    """
    taken = {j for s in found for j in range(s.first, s.last + 1)}
    function_words = w.union("stopwords", "place_prepositions")
    countries: frozenset[str] | None = None
    out: list[Span] = []
    i = 0
    # the capitalised Cyrillic words, visited in order from ``i`` on (the loop below moves
    # ``i`` past the names it finds)
    cyrillic = [j for j in starts if toks.keys[j] not in function_words]
    for j in cyrillic:
        if j < i:
            continue
        i = j
        if i in taken:
            continue
        lang = _morph_lang(toks, i)
        run = _name_run(toks, i, taken, blocked)
        hit = None
        while run > i and hit is None:
            joined = toks.joined(i, run - i + 1)
            if index.candidates(joined, variants=False):
                break  # a name as written: the capitalised names' (longest first)
            whole = text[toks.starts[i] : toks.ends[run]].lower()
            keys = _normal_forms(lang, whole)
            hit = next((k for k in keys if index.candidates(k, variants=False)), None)
            if hit is None and _is_adjective(whole.split(" ", 1)[0], lang):
                # a name the gazetteer has in its Latin spelling only ("Velyka Oleksandrivka"),
                # for names that open with an adjective (not people's: the lookups are slow)
                if countries is None:
                    countries = _countries(found, index)
                hit = next(
                    (
                        h
                        for k in keys[: config.GEOPARSE_PHRASE_TRANSLIT_FORMS]
                        if (h := _translit_key(k, (joined, *keys), w, index, countries))
                    ),
                    None,
                )
            if hit is None:
                run -= 1
        if hit is None:
            i += 1
            continue
        soft = 3 if toks.titled[toks.sentence[i]] else 0
        out.append(_span(toks, i, run, hit, soft=soft, source="morph"))
        taken.update(range(i, run + 1))
        i = run + 1
    return out


@functools.cache
def _cyrillic_articles() -> frozenset[str]:
    """The Arabic article as Russian and Ukrainian write it ("эль", "ель", "аш")."""
    return frozenset(
        a
        for lang in _MORPH_LANGS
        for a in get_pack(lang).words["arabic_articles"]
        if translit.is_cyrillic(a)
    )


def _article_variants(keys: Sequence[str], articles: frozenset[str]) -> tuple[str, ...]:
    """Keys of a name of several words with the Arabic article inside ("рас ель аин") in
    its other spellings ("рас эль аин", "рас аль аин") and without it ("рас аин")."""
    out: list[str] = []
    for key in keys:
        words = key.split(" ")
        for j in range(1, len(words) - 1):
            if words[j] not in articles:
                continue
            for other in (*sorted(articles), ""):
                if other != words[j]:
                    variant = " ".join(x for x in (*words[:j], other, *words[j + 1 :]) if x)
                    if variant not in keys and variant not in out:
                        out.append(variant)
    return tuple(out)


def _morph_lang(toks: Tokens, i: int) -> str:
    """Russian or Ukrainian for a Cyrillic word: its sentence's language when it is one."""
    lang = toks.sentence_lang[toks.sentence[i]] if toks.sentence_lang else "und"
    return lang if lang in _MORPH_LANGS else "ru"
