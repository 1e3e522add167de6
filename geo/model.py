"""Plain data passed between the stages of geo: spans, candidates, mentions.

Every stage of the geoparser is a function over these types (see :mod:`geo.geoparse`):
tokens become :class:`Span` objects (text that may name a place), a span's key gives
:class:`Candidate` places from the gazetteer, and the chosen candidate becomes a
:class:`Mention` that carries ``why``: the terms of the score that chose it.

Examples
--------
>>> from geo.gazetteer import load_gazetteer
>>> place = load_gazetteer().lookup("Bakou")[0]
>>> m = Mention("Bakou", 10, 15, place, 0.98, 0, 1, "doc", {"prior": 1.2})
>>> m.why["prior"]
1.2
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from geo.gazetteer import Place

__all__ = ["Candidate", "Mention", "Span"]


@dataclass(slots=True)
class Span:
    """Text that may name a place.

    Attributes
    ----------
    start, end : int
        Character offsets in the document text.
    first, last : int
        Indexes of its first and last token.
    key : str
        The gazetteer key it is looked up under (normalised, maybe a dictionary form).
    lang : str
        Language of its sentence.
    source : str
        How it was found: ``"caps"`` (capitalised words), ``"morph"`` (a dictionary form
        of an inflected word), ``"scan"`` (a dictionary scan of uncased text).
    soft : int
        How much it needs context: 0 none; 1 capitalised only by position (start of a
        sentence); 2 a common word or written in lower case elsewhere; 3 in a headline.
    region_only : bool
        A common word that a region cue makes a region's name: only regions are candidates.
    text : dict of str to float
        Text features of the span (see :mod:`geo.geoparse.features`).
    """

    start: int
    end: int
    first: int
    last: int
    key: str
    lang: str = "und"
    source: str = "caps"
    soft: int = 0
    region_only: bool = False
    text: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Candidate:
    """A gazetteer place that a span's key may name.

    Attributes
    ----------
    place : Place
        The gazetteer record.
    prior : float
        Its static ranking prior (population, kind, primary name).
    match : str
        How the key reached it: ``"primary"``, ``"alternate"``, ``"variant"`` (a spelling
        variant), ``"lemma"`` (a dictionary form), ``"region_of"`` (the region named after
        a town).
    """

    place: Place
    prior: float
    match: str = "primary"


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a place name in a document.

    Attributes
    ----------
    mention : str
        The text as written; ``text[char_start:char_end] == mention``.
    char_start, char_end : int
        Offsets in the document text.
    place : Place
        The gazetteer place it resolves to.
    score : float
        Confidence in the resolution, 0 to 1.
    sentence : int
        Index of the sentence in the document.
    precision : int
        ACLED geo_precision: 1 the place itself, 2 near it or part of a region, 3 a region
        or country.
    doc_id : str
        The document's identifier.
    why : mapping of str to float
        The terms of the score that chose the place (feature name to its weighted value),
        largest first, and ``recognised``: the probability that the span names a place.
    """

    mention: str
    char_start: int
    char_end: int
    place: Place
    score: float
    sentence: int
    precision: int
    doc_id: str = ""
    why: Mapping[str, float] = field(default_factory=dict)
