"""Finding place names in French and English text and resolving them to gazetteer places.

The parser tokenises a document once, marks what cannot be a place (organisations, media,
named agreements, person names), then looks every capitalised n-gram up in the gazetteer,
longest first. Candidate spans pass text rules (common words, demonyms, words also written
in lower case in the same document, sentence-initial words) and are resolved per document,
one sense per name: countries and unambiguous places named in the article give the country
focus and anchor points; each ambiguous name takes the candidate best supported by its
population prior, that focus, distance to the anchors, the countries and regions named in
its own sentence and cues such as "en territoire séparatiste". Weak candidates (small places
matched by a single capitalised word) are kept only when that context supports them.

Names borne by a water body and by a town or a country ("Dnipro", "Nil Bleu") are resolved
as the town, and each occurrence with a river cue ("le Dniepr", "across the Dnipro",
"Danube river") as the river; names that contain a water noun ("mer Rouge", "Lake Chad")
are the water body. People in wire credit lines, ships, sports clubs and institutions whose
names contain a place ("Shakhtar Donetsk", "Deir al-Zor Military Council") are not places.

Offsets index the document text: ``text[char_start:char_end] == mention``.
"""

from __future__ import annotations

import math
import os
import re
import sys
import types
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from geo import _lexicon as lex
from geo import defaults
from geo.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name
from geo.io.documents import Document, Problem, Progress, iter_documents, make_document

if TYPE_CHECKING:
    import datetime as dt

    import geopandas as gpd

__all__ = [
    "MENTION_COLUMNS",
    "Geoparser",
    "Mention",
    "find_mentions",
    "geoparse",
    "geoparse_inputs",
    "get_geoparser",
    "mentions_to_frame",
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
)


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
    """

    mention: str
    char_start: int
    char_end: int
    place: Place
    score: float
    sentence: int
    precision: int
    doc_id: str = ""


# --------------------------------------------------------------------------- lexicon


def _norm_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (normalize_name(w) for w in words) if k)


_COMMON_ALL = _norm_set(lex.COMMON_WORDS)
_ALWAYS_COMMON = _norm_set(lex.ALWAYS_COMMON)
_DEMONYMS = _norm_set(lex.DEMONYMS)
_ORG_HEADS = _norm_set(lex.ORG_HEADS)
_ORG_TAILS = _norm_set(lex.ORG_TAILS)
_ORG_TAILS_CAPITAL = _norm_set(
    [
        "airlines",
        "airways",
        "times",
        "post",
        "tribune",
        "herald",
        "gazette",
        "independent",
        "news",
        "observer",
        "university",
        "institute",
        "alliance",
        "council",
        "committee",
        "board",
        "exchange",
        "army",
        "brigade",
        "brigades",
        "battalion",
        "regiment",
        "military",
        "initiative",
        "fleet",
    ]
)
_ORG_BEFORE_DE = _norm_set(lex.ORG_BEFORE_DE)
#: Last words of institutions' names reached through a capitalised chain after a place.
_ORG_CHAIN_TAILS = _norm_set(
    [
        "union",
        "movement",
        "party",
        "front",
        "forces",
        "force",
        "organisation",
        "organization",
        "agency",
        "authority",
        "commission",
        "corporation",
    ]
)
_CONNECTORS = _norm_set(lex.CONNECTORS)
_LIST_WORDS = _norm_set(
    ["de", "d", "du", "des", "la", "l", "le", "les", "et", "and", "or", "ou", "the", "of"]
)
_CHAIN_CONNECTORS = _norm_set(
    ["de", "du", "des", "d", "l", "la", "le", "les", "of", "for", "the", "pour"]
)
_NAME_PARTICLES = _norm_set(
    [
        "de",
        "du",
        "le",
        "la",
        "von",
        "van",
        "der",
        "al",
        "el",
        "ben",
        "bin",
        "ibn",
        "abu",
        "ould",
        "ag",
        "da",
        "di",
    ]
)
_TITLES = _norm_set(lex.TITLES)
_FIRST_NAMES = _norm_set(lex.FIRST_NAMES)
_PLACE_FIRST_NAMES = _norm_set(lex.PLACE_FIRST_NAMES)
_VESSEL_CUES = _norm_set(lex.VESSEL_CUES)
_CLUB_HEADS = _norm_set(lex.CLUB_HEADS)
_ARABIC_ARTICLES = _norm_set(lex.ARABIC_ARTICLES)
_DETERMINERS = _norm_set(["the", "le", "la", "l", "du", "au", "des", "aux"])
_RIVER_AFTER = _norm_set(["river", "fleuve", "rivière"])
_WATER_WORDS = _norm_set(lex.WATER_WORDS)
#: Ids of supplement records that are water bodies (lakes, seas, gulfs, straits, rivers).
_WATER_PREFIXES: Final = ("geo:lake-", "geo:sea-", "geo:gulf-", "geo:strait-", "geo:river-")
_QUOTES: Final = frozenset("\"«“‘'")
_SAINTS = _norm_set(["saint", "sainte", "st", "ste", "san", "santa", "sao", "são"])
_REGION_BEFORE = _norm_set(lex.REGION_CUES_BEFORE)
_REGION_AFTER = _norm_set(lex.REGION_CUES_AFTER)
_NEAR = _norm_set(lex.NEAR_CUES)
_ELISIONS = _norm_set(lex.ELISIONS)
_ABBREVIATIONS = _norm_set(lex.ABBREVIATIONS)
_DE = _norm_set(["de", "d", "du", "des", "of"])
_FR_INITIAL_I = re.compile(r"(^| )i(?=[aeou])")
_DOUBLE_S = re.compile(r"(?<=[aeiouy])ss(?=[aeiouy])")
_ARTICLES = ("al ", "el ")
_INNER_ARTICLE = re.compile(r" (?:el|ez|ed|ad|ar|as|ash|at|az|er|es) (?=\w)")
_SUN_LETTER = re.compile(r" al (sh|th|dh|[tdrzsn])(?=\w)")
_GLUED_ARTICLE = re.compile(r"\b([ae])(sh|[dtrszn])\2(\w{2,})")
_COMPASS: Final = {
    "north": "nord",
    "nord": "north",
    "south": "sud",
    "sud": "south",
    "east": "est",
    "est": "east",
    "west": "ouest",
    "ouest": "west",
}
#: Lower-case words that may begin a place name ("bande de Gaza", "plateau du Golan").
_FEATURE_STARTS = _norm_set(lex.FEATURE_STARTS)
#: Natural features: a name after them is the feature's, not a town's ("lac Sevan").
_NATURAL = _norm_set(lex.NATURAL_FEATURES)
_FEATURE_ENDS = _norm_set(["corridor", "strip", "heights"])
#: "région de X" also names a city's surroundings; the plural ("les régions de Kiev et de
#: Jytomyr") names regions.
_SOFT_REGION = _norm_set(["région", "region"])
_AFTER_LIST = _norm_set(["and", "et", "or", "ou", "&"])
#: French plural determiners: before a name without a plural ending, a people or a group.
_PLURAL_DETERMINERS = _norm_set(["les", "aux", "des"])
#: Words that open a byline ("Par Mathilde Ngo Bassa", "By Martin Hale").
_BYLINE_WORDS = _norm_set(["par", "by"])


def _phrase_index(phrases: Iterable[str]) -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """Normalised phrases, and for each first token the phrase lengths (longest first)."""
    keys: set[str] = set()
    first: dict[str, set[int]] = {}
    for phrase in phrases:
        tokens = _phrase_tokens(phrase)
        if not tokens:
            continue
        keys.add(_join_tokens(tokens))
        first.setdefault(tokens[0][0], set()).add(len(tokens))
    return frozenset(keys), {k: tuple(sorted(v, reverse=True)) for k, v in first.items()}


def _hyphenated_phrases(phrases: Iterable[str]) -> frozenset[str]:
    """Keys of the phrases written with a hyphen ("Ouest-France", "Interfax-Ukraine")."""
    out: set[str] = set()
    for phrase in phrases:
        doc = _tokenize(phrase, 0, len(phrase))
        if any(doc.hyphen_after):
            out.add(_join_tokens(list(zip(doc.keys, doc.join, strict=True))))
    return frozenset(out)


def _phrase_tokens(phrase: str) -> list[tuple[str, int]]:
    """(key, join-to-next) tokens of a phrase, as the tokeniser would produce them."""
    doc = _tokenize(phrase, 0, len(phrase))
    return list(zip(doc.keys, doc.join, strict=True))


def _join_tokens(tokens: Sequence[tuple[str, int]]) -> str:
    parts: list[str] = []
    for idx, (key, join) in enumerate(tokens):
        parts.append(key)
        if idx < len(tokens) - 1:
            parts.append("" if join == 2 else " ")
    return "".join(parts)


# --------------------------------------------------------------------------- tokeniser

_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES: Final = frozenset("'’ʼ‘`´")
_HYPHENS: Final = frozenset("-‐‑")
_OPENERS: Final = frozenset('"«“„(:[—–')
_ENDERS: Final = frozenset(".!?…")
_SPACES: Final = frozenset(" \t\xa0\u202f\u2009")


@dataclass(slots=True)
class _Tokens:
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    cap: list[bool] = field(default_factory=list)
    particle: list[bool] = field(default_factory=list)
    #: join to the next token: 0 no, 1 with a space (space or hyphen), 2 glued (elision)
    join: list[int] = field(default_factory=list)
    hyphen_after: list[bool] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)
    initial: list[bool] = field(default_factory=list)
    #: by sentence: written in Title Case or capitals (a headline), so capitals mean little
    titled: list[bool] = field(default_factory=list)
    #: character offset where each sentence starts
    sentence_starts: list[int] = field(default_factory=list)


_NORMALIZED: dict[str, str] = {}


def _normalize_word(word: str) -> str:
    key = _NORMALIZED.get(word)
    if key is None:
        key = normalize_name(word)
        if len(_NORMALIZED) < defaults.GEOPARSE_CACHE_SIZE:
            _NORMALIZED[word] = key
    return key


def _tokenize(text: str, start: int, end: int) -> _Tokens:
    starts: list[int] = []
    ends: list[int] = []
    particle: list[bool] = []
    cut_after: set[int] = set()  # token indexes followed by a possessive 's
    last_end = -2
    for m in _WORD.finditer(text, start, end):
        s, e = m.span()
        if s - last_end == 1 and text[s - 1] in _APOSTROPHES:
            prev_key = text[starts[-1] : ends[-1]].lower()
            if prev_key in _ELISIONS:
                particle[-1] = True
            elif e - s == 1 and text[s] in "sS":
                cut_after.add(len(starts) - 1)
                continue
            else:  # a name with an apostrophe inside (N'Djamena is handled as an elision)
                ends[-1] = last_end = e
                continue
        starts.append(s)
        ends.append(e)
        particle.append(False)
        last_end = e

    n = len(starts)
    keys: list[str] = []
    cap: list[bool] = []
    cached = _NORMALIZED.get
    for s, e in zip(starts, ends, strict=True):
        word = text[s:e]
        key = cached(word)
        keys.append(key if key is not None else _normalize_word(word))
        cap.append(word[0].isupper())
    join = [0] * n
    hyphen_after = [False] * n
    sentence = [0] * n
    initial = [False] * n
    if n:
        initial[0] = True
    sentence_starts = [starts[0] if n else start]
    sent = 0
    for i in range(n - 1):
        sentence[i] = sent
        e = ends[i]
        nxt_start = starts[i + 1]
        if nxt_start - e == 1:
            c = text[e]
            if c == " " and i not in cut_after:
                join[i] = 1
                continue
            if particle[i]:
                join[i] = 2
                continue
            if c in _HYPHENS:
                join[i] = 1
                hyphen_after[i] = True
                continue
            gap = c
        else:
            gap = text[e:nxt_start]
        if i in cut_after:
            pass
        elif (len(gap) <= 3 and "\n" not in gap and all(c in _SPACES for c in gap)) or (
            gap in (". ", ".") and keys[i] in ("st", "ste", "mt", "ft")
        ):
            join[i] = 1
        elif len(gap) <= 2 and gap.isspace() and gap.count("\n") == 1 and not cap[i + 1]:
            join[i] = 1  # a line wrapped inside a sentence
        # sentence boundary between i and i + 1?
        boundary = False
        enders = any(c in _ENDERS for c in gap)
        openers = any(c in _OPENERS for c in gap)
        if "\n" in gap:
            boundary = cap[i + 1] or gap.count("\n") > 1 or enders
        elif enders:
            nxt = text[nxt_start]
            if (nxt.isupper() or nxt.isdigit() or openers) and not (
                gap[0] == "."
                and (
                    keys[i] in _ABBREVIATIONS
                    or (e - starts[i] == 1 and cap[i])
                    or (nxt.isdigit() and text[e - 1].isdigit() and gap == ".")
                )
            ):
                boundary = True
        if boundary:
            sent += 1
            sentence_starts.append(nxt_start)
        initial[i + 1] = boundary or openers
    if n:
        sentence[n - 1] = sent
    titled = _titled_sentences(text, starts, ends, keys, cap, sentence, sent + 1 if n else 0)
    return _Tokens(
        starts=starts,
        ends=ends,
        keys=keys,
        cap=cap,
        particle=particle,
        join=join,
        hyphen_after=hyphen_after,
        sentence=sentence,
        initial=initial,
        titled=titled,
        sentence_starts=sentence_starts,
    )


def _titled_sentences(
    text: str,
    starts: list[int],
    ends: list[int],
    keys: list[str],
    cap: list[bool],
    sentence: list[int],
    count: int,
) -> list[bool]:
    """Sentences written in Title Case or in capitals: most of their words are capitalised."""
    words = [0] * count
    capitalised = [0] * count
    upper = [0] * count
    for i, key in enumerate(keys):
        if ends[i] - starts[i] < 4 or key in _CONNECTORS:
            continue
        k = sentence[i]
        words[k] += 1
        if cap[i]:
            capitalised[k] += 1
            if text[starts[i] : ends[i]].isupper():
                upper[k] += 1
    return [
        words[k] >= 3 and (capitalised[k] >= 0.75 * words[k] or upper[k] >= 0.75 * words[k])
        for k in range(count)
    ]


# --------------------------------------------------------------------------- parser

_PHRASES, _PHRASE_FIRST = _phrase_index(
    (
        *lex.MEDIA,
        *lex.ORGANISATIONS,
        *lex.PEOPLE,
        # "au Figaro", "du Monde": the article merges into a contraction
        *(m.split(" ", 1)[1] for m in lex.MEDIA if m.split(" ", 1)[0] in ("Le", "Les")),
    )
)
#: A phrase written without a hyphen is not matched by hyphenated words: the newspaper "Sud
#: Ouest" is not the region "Sud-Ouest".
_HYPHENATED_PHRASES = _hyphenated_phrases((*lex.MEDIA, *lex.ORGANISATIONS, *lex.PEOPLE))
_CREDITS, _CREDIT_FIRST = _phrase_index(lex.CREDIT_CUES)
_SEPARATIST = tuple(
    _norm_phrase for _norm_phrase in (normalize_name(p) for p in lex.SEPARATIST_CUES)
)

_KM_PER_DEGREE: Final = math.pi * defaults.GEOPARSE_EARTH_RADIUS_KM / 180.0
_COUNTRY_PRIOR: Final = 12.0
#: Prior of a country named in a third language ("Argelia"): that of a small town.
_FOREIGN_COUNTRY_PRIOR: Final = 4.0
_PRIOR_CAP: Final = 9.0
_VARIANT_PENALTY: Final = 0.7
_MAX_CANDIDATES: Final = 25


@dataclass(slots=True)
class _Candidate:
    place: Place
    prior: float


@dataclass(slots=True)
class _Span:
    start: int  # token index
    length: int
    key: str
    #: how much the span needs context: 0 none, 1 capitalised only by position (start of a
    #: sentence, a Title-Case headline), 2 a common word or written in lower case elsewhere
    soft: int
    #: a common word that a region cue makes a region's name ("la région du Sud-Ouest",
    #: "the Bay region"): only regions are candidates
    region_only: bool = False


#: Verdicts of ``Geoparser._text_verdict`` besides None and a ``_Span.soft`` value: common
#: words only (kept aside in case the same name is a region elsewhere in the document), and
#: common words that a region cue makes a region's name.
_COMMON_ONLY: Final = -1
_REGION_ONLY: Final = 5
#: Roman numerals of centuries and ordinals ("XIVe siècle", "IIe arrondissement").
_ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|ème|eme|re)")
#: An acronym in brackets right after a name: "(TPLF)", "(Manul)", "(TTP)".
_ACRONYM_AFTER = re.compile(r"[ \xa0]?\(([A-Z][A-Za-z]{1,7})\)")


def _approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km: cheap, and within 1% of the great-circle distance
    below a few hundred km, which is all the scoring needs."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) * 0.5))
    dy = lat2 - lat1
    return _KM_PER_DEGREE * math.sqrt(dx * dx + dy * dy)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * defaults.GEOPARSE_EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class Geoparser:
    """Find and resolve place names; holds the gazetteer and lookup caches.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The process-wide gazetteer by default.

    Examples
    --------
    >>> parser = get_geoparser()
    >>> [(m.mention, m.place.country_code) for m in parser.parse("Des tirs ont visé Bakou.")]
    [('Bakou', 'AZ')]
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self._has_cache: dict[str, bool] = {}
        self._cand_cache: dict[tuple[str, bool], tuple[_Candidate, ...]] = {}
        self._spread_cache: dict[str, float] = {}
        self._twin_cache: dict[tuple[str, str], Place] = {}
        self._country_cache: dict[str, bool] = {}
        self._admin1_cache: dict[tuple[str, str], Place | None] = {}
        self._demonyms = _DEMONYMS | self._country_demonyms()
        self._foreign_country_keys = self._foreign_country_names()
        self._country_words = self._lower_country_words()
        self.max_tokens = max(1, min(self.gazetteer.max_key_tokens, defaults.GEOPARSE_MAX_TOKENS))

    # ---- gazetteer access (cached)
    def _has(self, key: str) -> bool:
        found = self._has_cache.get(key)
        if found is None:
            if len(self._has_cache) > defaults.GEOPARSE_CACHE_SIZE:
                self._has_cache.clear()
            found = key in self.gazetteer or any(v in self.gazetteer for v in self._variants(key))
            self._has_cache[key] = found
        return found

    @staticmethod
    def _variants(key: str) -> list[str]:
        """Other spellings of a name: French and Arabic transliterations, the Arabic article,
        compass words in the other language.

        "Martouni" -> "martuni", "Choucha" -> "shusha", "Tchassiv Iar" -> "chasiv yar",
        "Ras al-Aïn" -> "ras al ayn", "Qamishli" -> "al qamishli", "Deir el-Zour" ->
        "deir al zour", "Deir Ezzor" -> "deir ez zor", "Al-Jazira" -> "al jazirah",
        "North Kivu" -> "nord kivu", "Nord-Darfour" -> "north darfur".
        """
        if key.count(" ") > 3:
            return []
        out: list[str] = []

        def add(v: str) -> None:
            if v != key and v not in out:
                out.append(v)

        bases = [key]
        first, _, rest = key.partition(" ")
        if rest and first in _COMPASS:
            bases.append(_COMPASS[first] + " " + rest)
            add(bases[-1])
        for base in bases:
            fr = _FR_INITIAL_I.sub(r"\1y", base)
            fr = fr.replace("ou", "u").replace("dj", "j").replace("tch", "\x01")
            fr = _DOUBLE_S.sub("s", fr)
            add(fr.replace("\x01", "ch"))
            add(fr.replace("ch", "sh").replace("\x01", "ch"))
        ar = key.replace("ain", "ayn").replace("aa", "a").replace("ee", "i").replace("oo", "u")
        add(ar)
        add(_DOUBLE_S.sub("s", ar))
        if " " in key:
            inner = _INNER_ARTICLE.sub(" al ", key)
            add(inner)
            if inner != key:
                add(inner.replace("ou", "u"))
            # "Jisr al-Shughur" -> "jisr ash shughur", "Deir al-Balah" -> "dayr al balah"
            add(_SUN_LETTER.sub(r" a\1 \1", key))
            if "ei" in key:
                add(key.replace("ei", "ay"))
        glued = _GLUED_ARTICLE.sub(r"\1\2 \2\3", key)
        add(glued)
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
        return out

    def _candidates(self, key: str, variants: bool) -> tuple[_Candidate, ...]:
        cached = self._cand_cache.get((key, variants))
        if cached is not None:
            return cached
        if len(self._cand_cache) > defaults.GEOPARSE_CACHE_SIZE:
            self._cand_cache.clear()
        seen: dict[str, _Candidate] = {}
        foreign = key in self._foreign_country_keys
        for place in self.gazetteer.lookup(key, normalized=True)[:_MAX_CANDIDATES]:
            prior = _FOREIGN_COUNTRY_PRIOR if foreign and place.kind == "country" else _prior(place)
            seen.setdefault(place.id, _Candidate(place, prior))
        if variants:
            for v in self._variants(key):
                for place in self.gazetteer.lookup(v, normalized=True)[:_MAX_CANDIDATES]:
                    if place.id not in seen:
                        seen[place.id] = _Candidate(place, _prior(place) - _VARIANT_PENALTY)
        out = tuple(sorted(seen.values(), key=lambda c: -c.prior))
        self._cand_cache[(key, variants)] = out
        return out

    def _foreign_country_names(self) -> frozenset[str]:
        """Country names in languages other than French and English that are no French or
        English name ("Argelia", "Algerien"): a town of that name is as likely ("Argelia,
        Cauca"), so they do not make the country certain."""
        native: set[str] = set()
        foreign: set[str] = set()
        for code, langs in self.gazetteer.country_names.items():
            for lang, name in langs.items():
                (native if lang in ("en", "fr") else foreign).add(normalize_name(name))
            country = self.gazetteer.country(code)
            if country is not None:
                native.add(normalize_name(country.name))
        for aliases in self.gazetteer.country_aliases.values():
            native.update(normalize_name(alias) for alias in aliases)
        return frozenset(foreign - native)

    def _country_demonyms(self) -> frozenset[str]:
        """Nationality words built from the French and English country names."""
        names: set[str] = set()
        for langs in self.gazetteer.country_names.values():
            for lang in ("en", "fr"):
                name = langs.get(lang)
                if name:
                    key = normalize_name(name)
                    if " " not in key and len(key) >= 4:
                        names.add(key)
        out: set[str] = set()
        for c in names:
            stems: list[tuple[str, tuple[str, ...]]] = []
            if c.endswith("ie"):
                stems.append((c[:-2], ("ien", "iens", "ienne", "iennes", "e", "es")))
            if c.endswith("e"):
                stems.append(
                    (
                        c[:-1],
                        (
                            "ien",
                            "iens",
                            "ienne",
                            "iennes",
                            "ais",
                            "aise",
                            "aises",
                            "ian",
                            "ians",
                            "ese",
                            "ois",
                            "oise",
                            "oises",
                        ),
                    )
                )
            if c.endswith("a"):
                stems.append((c, ("n", "ns")))
                stems.append((c[:-1], ("an", "ans", "ese")))
            if c[-1] not in "aeiouy":
                stems.append(
                    (
                        c,
                        (
                            "ais",
                            "aise",
                            "aises",
                            "ien",
                            "iens",
                            "ienne",
                            "iennes",
                            "i",
                            "is",
                            "ian",
                            "ians",
                            "ese",
                            "ois",
                            "oise",
                        ),
                    )
                )
            if c.endswith("i"):
                stems.append((c, ("en", "ens", "enne", "ennes", "an", "ans")))
            for stem, suffixes in stems:
                if len(stem) >= 3:
                    out.update(stem + s for s in suffixes)
        return frozenset(out - names)

    # ---- main entry
    def parse(
        self, text: str, *, lang: str | None = None, start: int = 0, doc_id: str = ""
    ) -> list[Mention]:
        """Return the place mentions of ``text`` (from offset ``start``), in text order.

        Parameters
        ----------
        text : str
            The document.
        lang : str, optional
            ``"fr"``, ``"en"`` or None (both languages' rules).
        start : int
            Offset where the article starts (after a ``date`` header).
        doc_id : str
            Copied into every mention.

        Returns
        -------
        list of Mention
        """
        return self.parse_sentences(text, lang=lang, start=start, doc_id=doc_id)[0]

    def parse_sentences(
        self, text: str, *, lang: str | None = None, start: int = 0, doc_id: str = ""
    ) -> tuple[list[Mention], list[int]]:
        """Like :meth:`parse`, and also return the offsets where sentences start.

        Sentence ``k`` spans ``text[starts[k]:starts[k + 1]]`` (the last one runs to the end);
        :attr:`Mention.sentence` indexes this list.
        """
        if start >= len(text):
            return [], []
        toks = _tokenize(text, start, len(text))
        if not toks.keys:
            return [], []
        blocked = self._blocked(text, toks)
        spans = self._spans(text, toks, blocked)
        if not spans:
            return [], toks.sentence_starts
        return self._resolve(text, toks, spans, lang=lang, doc_id=doc_id), toks.sentence_starts

    # ---- what cannot be a place
    def _blocked(self, text: str, toks: _Tokens) -> list[bool]:
        keys, cap, join = toks.keys, toks.cap, toks.join
        n = len(keys)
        blocked = [False] * n
        # organisations, media and people, as whole phrases
        for i in range(n):
            lengths = _PHRASE_FIRST.get(keys[i])
            if not lengths:
                continue
            for length in lengths:
                if i + length > n or any(join[j] == 0 for j in range(i, i + length - 1)):
                    continue
                phrase = _join(keys, join, i, length)
                if phrase in _PHRASES and (
                    phrase in _HYPHENATED_PHRASES
                    or not any(toks.hyphen_after[j] for j in range(i, i + length - 1))
                ):
                    for j in range(i, i + length):
                        blocked[j] = True
                    break
        titled = [toks.titled[k] for k in toks.sentence]
        for i in range(n):
            key = keys[i]
            # institutions: a capitalised head word and the capitalised chain after it
            # (in a Title-Case headline every word is capitalised: no chain to follow)
            if cap[i] and key in _ORG_HEADS and not blocked[i] and not titled[i]:
                last = i
                j = i + 1
                while j < n and j - i <= 8 and join[j - 1] != 0:
                    if cap[j] and not toks.particle[j]:
                        last = j
                    elif keys[j] not in _CHAIN_CONNECTORS:
                        break
                    j += 1
                # "la Fédération de Russie" is the country, not an institution
                if last > i and not self._is_country_key(_join(keys, join, i, last - i + 1)):
                    for j in range(i, last + 1):
                        blocked[j] = True
            # vessels: "le bateau Tombouctou", "the tanker Marlin Luanda", "USS Carney"
            elif key in _VESSEL_CUES and i + 1 < n and _quote_gap(text, toks, i):
                self._block_chain(text, toks, blocked, i + 1, 4)
            # sports clubs: "Shakhtar Donetsk", "Dynamo Kyiv", "FC Barcelona"
            elif cap[i] and key in _CLUB_HEADS and i + 1 < n and join[i] == 1 and cap[i + 1]:
                blocked[i] = True
                self._block_chain(text, toks, blocked, i + 1, 2)
        # credit lines: "(Reporting by Olena Harmash in Kyiv; Editing by Grant McCool)"
        self._block_credits(text, toks, blocked)
        self._block_bylines(text, toks, blocked)
        # people: titles and first names followed by capitalised names
        surnames: set[str] = set()
        for i in range(n - 1):
            key = keys[i]
            is_title = key in _TITLES
            is_first = (
                cap[i]
                and key in _FIRST_NAMES
                and not (i > 0 and (toks.hyphen_after[i - 1] or keys[i - 1] in _SAINTS))
            )
            first_end = i
            if is_first:
                # compound given names: "Jean-Noël Barrot", "Marie-Christine Dupont"
                while (
                    first_end + 1 < n
                    and toks.hyphen_after[first_end]
                    and cap[first_end + 1]
                    and first_end - i < 2
                ):
                    first_end += 1
            elif (
                cap[i]
                and key in _PLACE_FIRST_NAMES
                and join[i] == 1
                and not toks.hyphen_after[i]
                and cap[i + 1]
                and not blocked[i + 1]
                and not titled[i]
                and self._is_surname(keys[i + 1])
            ):
                # "Jordan Bardella", "Florence Parly": a given name, not the place
                blocked[i] = blocked[i + 1] = True
                if len(keys[i + 1]) > 2:
                    surnames.add(keys[i + 1])
                continue
            if (
                not (is_title or is_first)
                or toks.hyphen_after[first_end]
                or (is_title and titled[i])
            ):
                continue
            last = -1
            j = first_end + 1
            reach = 1 if titled[i] else 4
            while j < n and j - first_end <= reach:
                gap = text[toks.ends[j - 1] : toks.starts[j]]
                ok_gap = join[j - 1] != 0 or (
                    len(gap) <= 3 and all(c in " .\xa0" for c in gap) and "\n" not in gap
                )
                if not ok_gap:
                    break
                if cap[j] and not toks.particle[j]:
                    last = j
                elif keys[j] not in _NAME_PARTICLES or last < 0:
                    break
                j += 1
            if last < 0:
                continue
            # a title followed by a demonym is not a name ("Président Turc")
            if (
                is_title
                and not is_first
                and (keys[last] in self._demonyms or keys[i + 1] in self._demonyms)
            ):
                continue
            for j in range(i if is_first else i + 1, last + 1):
                blocked[j] = True
            if len(keys[last]) > 2:
                surnames.add(keys[last])
        if surnames:
            for i in range(n):
                if cap[i] and keys[i] in surnames:
                    blocked[i] = True
        return blocked

    def _block_chain(
        self, text: str, toks: _Tokens, blocked: list[bool], start: int, most: int
    ) -> None:
        """Block the capitalised tokens from ``start`` on (a name: "Dwight D. Eisenhower")."""
        keys, cap = toks.keys, toks.cap
        j = start
        while j < len(keys) and j - start < most and cap[j]:
            blocked[j] = True
            if j + 1 >= len(keys):
                break
            gap = text[toks.ends[j] : toks.starts[j + 1]]
            initial = toks.ends[j] - toks.starts[j] == 1 and gap == ". "
            if toks.join[j] == 0 and not initial:
                break
            j += 1

    def _block_credits(self, text: str, toks: _Tokens, blocked: list[bool]) -> None:
        """People named in wire credit lines; the names after "in"/"at" stay places."""
        keys, cap, join = toks.keys, toks.cap, toks.join
        n = len(keys)
        for i in range(n):
            lengths = _CREDIT_FIRST.get(keys[i])
            if not lengths:
                continue
            for length in lengths:
                if i + length > n or _join(keys, join, i, length) not in _CREDITS:
                    continue
                # the credit runs to the closing parenthesis, a semicolon or the line's end
                stop = len(text)
                for c in (")", ";", "\n"):
                    k = text.find(c, toks.ends[i + length - 1])
                    if k >= 0:
                        stop = min(stop, k)
                j = i + length
                while j < n and toks.starts[j] < stop:
                    prev = keys[j - 1]
                    after_list = (
                        prev in ("by", "and") or "," in text[toks.ends[j - 1] : toks.starts[j]]
                    )
                    if cap[j] and not blocked[j] and after_list:
                        while j < n and toks.starts[j] < stop and cap[j]:
                            blocked[j] = True
                            if join[j] == 0:
                                break
                            j += 1
                    j += 1
                break

    @staticmethod
    def _block_bylines(text: str, toks: _Tokens, blocked: list[bool]) -> None:
        """The author of a byline: a line "Par Mathilde Ngo Bassa (Douala, correspondance)"
        or "By Martin Hale". The place in brackets after the name stays a place."""
        keys, cap, join = toks.keys, toks.cap, toks.join
        n = len(keys)
        for i in range(n - 1):
            if keys[i] not in _BYLINE_WORDS or not cap[i] or join[i] != 1 or not cap[i + 1]:
                continue
            line_start = text.rfind("\n", 0, toks.starts[i]) + 1
            if text[line_start : toks.starts[i]].strip():
                continue
            j = i + 1
            while j < n and j - i <= 5 and (cap[j] or keys[j] in _NAME_PARTICLES):
                blocked[j] = True
                if join[j] != 1:
                    break
                j += 1

    def _is_surname(self, key: str) -> bool:
        """Whether a capitalised word after a place-like given name is a surname: no common
        word, no demonym, and no place of note ("Bardella", not "Valley" or "Kharkiv")."""
        if key in _COMMON_ALL or key in self._demonyms or len(key) < 2:
            return False
        if not self._has(key):
            return True
        cs = self._candidates(key, False)
        return not cs or (cs[0].place.kind == "city" and cs[0].prior < 4.5)

    def _is_country_key(self, key: str) -> bool:
        found = self._country_cache.get(key)
        if found is None:
            found = any(p.kind == "country" for p in self.gazetteer.lookup(key, normalized=True))
            if len(self._country_cache) > defaults.GEOPARSE_CACHE_SIZE:
                self._country_cache.clear()
            self._country_cache[key] = found
        return found

    def _lower_country_words(self) -> frozenset[str]:
        """Words written in lower case inside country and region names ("Arabie saoudite",
        "Émirats arabes unis", "République démocratique du Congo", "Asie centrale")."""
        words: set[str] = set()
        for langs in self.gazetteer.country_names.values():
            for lang in ("en", "fr"):
                name = langs.get(lang)
                if name:
                    words.update(w for w in re.findall(r"[^\W\d_]+", name) if w.islower())
        words.update(lex.LOWER_NAME_WORDS)
        return _norm_set(words)

    # ---- candidate spans
    def _spans(self, text: str, toks: _Tokens, blocked: list[bool]) -> list[_Span]:
        keys, cap, join, particle = toks.keys, toks.cap, toks.join, toks.particle
        n = len(keys)
        lower_words = {keys[i] for i in range(n) if not cap[i]}
        spans: list[_Span] = []
        aside: list[_Span] = []
        i = 0
        max_tokens = self.max_tokens
        country_words = self._country_words
        while i < n:
            if blocked[i] or not (
                cap[i]
                or keys[i] in _FEATURE_STARTS
                # "al-Mayadin", "el-Fasher": the Arabic article belongs to the name
                or (
                    keys[i] in _ARABIC_ARTICLES
                    and toks.hyphen_after[i]
                    and i + 1 < n
                    and cap[i + 1]
                    and not blocked[i + 1]
                )
            ):
                i += 1
                continue
            longest = 1
            while (
                longest < max_tokens
                and i + longest < n
                and join[i + longest - 1] != 0
                and not blocked[i + longest]
            ):
                longest += 1
            found = None
            common: _Span | None = None
            for length in range(longest, 0, -1):
                last = i + length - 1
                # country names with words in lower case: "Arabie saoudite", "République
                # démocratique du Congo" (checked against the gazetteer's countries below)
                lower_tail = False
                if (
                    not (cap[last] or (length > 1 and keys[last] in _FEATURE_ENDS))
                    or particle[last]
                    or (length == 1 and not cap[i])
                ):
                    if not (
                        length > 1
                        and cap[i]
                        and (keys[last] in country_words or keys[last] in self._demonyms)
                    ):
                        continue
                    lower_tail = True
                if not cap[i] and not any(cap[j] for j in range(i + 1, last + 1)):
                    continue
                if length > 2 and not all(
                    cap[j] or particle[j] or keys[j] in _CONNECTORS for j in range(i + 1, last)
                ):
                    if not (
                        cap[i]
                        and all(
                            cap[j]
                            or particle[j]
                            or keys[j] in _CONNECTORS
                            or keys[j] in country_words
                            for j in range(i + 1, last)
                        )
                    ):
                        continue
                    lower_tail = True
                key = _join(keys, join, i, length)
                if not self._has(key):
                    continue
                if lower_tail and not (self._is_country_key(key) or self._curated(key)):
                    continue
                verdict = self._text_verdict(text, toks, i, length, key, lower_words)
                if verdict is None:
                    continue
                if verdict == _COMMON_ONLY:
                    if common is None and length > 1:
                        common = _Span(i, length, key, soft=2, region_only=True)
                    continue
                if verdict == _REGION_ONLY:
                    found = _Span(i, length, key, soft=2, region_only=True)
                else:
                    found = _Span(i, length, key, soft=verdict)
                break
            if found is None:
                if common is not None:
                    aside.append(common)
                i += 1
            else:
                spans.append(found)
                i += found.length
        if aside:
            # one sense per document: "les régions du Nord-Ouest et du Sud-Ouest ... à
            # Bamenda, chef-lieu du Nord-Ouest"
            regions = {s.key for s in spans if s.region_only}
            taken = {j for s in spans for j in range(s.start, s.start + s.length)}
            extra = [
                s
                for s in aside
                if s.key in regions
                and not any(j in taken for j in range(s.start, s.start + s.length))
            ]
            if extra:
                spans = sorted(spans + extra, key=lambda s: s.start)
        return spans

    def _text_verdict(
        self, text: str, toks: _Tokens, i: int, length: int, key: str, lower_words: set[str]
    ) -> int | None:
        """None: not a place; else how much the place needs context (see ``_Span.soft``)."""
        keys = toks.keys
        n = len(keys)
        last = i + length - 1
        # named things: "groupe de Minsk", "Minsk Group", "traité de Versailles"
        if i >= 2 and keys[i - 1] in _DE and keys[i - 2] in _ORG_BEFORE_DE:
            return None
        if (
            i >= 3
            and keys[i - 1] in ("la", "l")
            and keys[i - 2] in _DE
            and keys[i - 3] in _ORG_BEFORE_DE
        ):
            return None
        if last + 1 < n and toks.join[last] == 1:
            nxt = keys[last + 1]
            if nxt in _ORG_TAILS and (nxt not in _ORG_TAILS_CAPITAL or toks.cap[last + 1]):
                return None
            # "Myanmar National Democratic Alliance Army", "Kachin Independence Army": a
            # capitalised chain ending in an institution's noun
            j = last + 1
            while j < n and j - last <= 4 and toks.cap[j] and not toks.particle[j]:
                if keys[j] in _ORG_TAILS_CAPITAL or keys[j] in _ORG_CHAIN_TAILS:
                    return None
                if toks.join[j] != 1:
                    break
                j += 1
        after_feature = (i >= 1 and keys[i - 1] in _NATURAL and toks.join[i - 1] != 0) or (
            i >= 2 and keys[i - 1] in _DE and keys[i - 2] in _NATURAL
        )
        if after_feature and not self._curated(key):
            # "lac Sevan", "Lake Sevan", "mer d'Azov": the feature, not the town; a feature
            # the supplement names on its own is kept ("la péninsule d'Afungi")
            return None
        if self._in_acronym_name(text, toks, i, length):
            return None
        if (
            i >= 1
            and keys[i - 1] in _PLURAL_DETERMINERS
            and toks.join[i - 1] == 1
            and not any(text[toks.ends[j] - 1] in "sxSX" for j in range(i, last + 1))
            and not any(_is_area(c) for c in self._candidates(key, False)[:3])
        ):
            # "aux Fano", "Les Fano avaient combattu", "la colère des Amhara": a people or a
            # group; French plural place names end in -s or -x ("aux Comores", "des Landes")
            return None
        if length == 1:
            if len(key) < 2 or key.isdigit() or toks.particle[i]:
                return None
            if _ROMAN_ORDINAL.fullmatch(text[toks.starts[i] : toks.ends[i]]):
                return None
            if key in _ALWAYS_COMMON:
                return _REGION_ONLY if self._region_named(toks, i, length, key) else None
            if key in self._demonyms:
                return None
            word = text[toks.starts[i] : toks.ends[i]]
            if len(word) <= 4 and word.isupper() and not self._acronym_ok(text, toks, i, key):
                return None
            titled = toks.titled[toks.sentence[i]]
            initial = toks.initial[i] or titled
            if key in _COMMON_ALL:
                return None if initial else 2
            if key in lower_words:
                return 2
            if key in _FIRST_NAMES:
                # a given name on its own ("said Ali, a shopkeeper") is a person, unless it
                # is also the name of a city of note ("à Riad", "Nancy")
                cs = self._candidates(key, False)
                if cs and cs[0].place.kind == "city" and not _is_major(cs[0]):
                    return None
            if toks.initial[i]:
                return 1
            return 3 if titled else 0
        words = [keys[j] for j in range(i, last + 1) if keys[j] not in _CONNECTORS]
        if all(w in _COMMON_ALL or w in self._demonyms for w in words) and not self._curated(key):
            if all(toks.hyphen_after[j] for j in range(i, last)):
                # "Cap-Haïtien": a hyphenated name that is a city of note's own
                cs = self._candidates(key, False)
                if (
                    cs
                    and cs[0].place.kind == "city"
                    and cs[0].prior >= defaults.GEOPARSE_UNSUPPORTED_MIN_PRIOR
                ):
                    return 0
            if self._region_named(toks, i, length, key):
                return _REGION_ONLY  # "la région du Sud-Ouest", "the North-West region"
            return _COMMON_ONLY if toks.cap[i] and not toks.initial[i] else None
        return 0

    def _region_named(self, toks: _Tokens, i: int, length: int, key: str) -> bool:
        """Whether common words name a region here: a region cue ("département de l'Ouest",
        "Bay region") and a first-level region of that name in the gazetteer."""
        if not toks.cap[i] or not any(
            c.place.kind == "region" for c in self._candidates(key, False)
        ):
            return False
        return _region_cue(toks, _Span(i, length, key, 0)) > 0

    def _in_acronym_name(self, text: str, toks: _Tokens, i: int, length: int) -> bool:
        """Whether a name ends an institution's name followed by its acronym: "Front de
        libération du peuple du Tigré (TPLF)", "Mission d'appui des Nations unies en Libye
        (Manul)", "Tehreek-e-Taliban Pakistan (TTP)"; not "Kharkiv (AFP)"."""
        last = i + length - 1
        m = _ACRONYM_AFTER.match(text, toks.ends[last])
        if m is None or i == 0:
            return False
        akey = normalize_name(m.group(1))
        if len(akey) < 3 or self._has(akey) or akey in _PHRASES:
            return False
        # the words before the name, up to a punctuation mark, in the same sentence
        first = i
        while (
            first > 0
            and i - first < 12
            and toks.join[first - 1] != 0
            and toks.sentence[first - 1] == toks.sentence[i]
        ):
            first -= 1
        if first == i:
            return False
        keys = toks.keys
        if any(toks.cap[j] and keys[j] in _ORG_HEADS for j in range(first, i)):
            return True
        # the acronym spells the initials of the words before the name and of the name
        initials = [keys[j][0] for j in range(first, last + 1) if keys[j]]
        before = i - first
        letters = akey.replace(" ", "")
        for start in range(before):
            if initials[start] != letters[0] or not toks.cap[first + start]:
                continue
            k, end = 1, start
            for q in range(start + 1, len(initials)):
                if k < len(letters) and initials[q] == letters[k]:
                    k += 1
                    end = q
            if k == len(letters) and end >= before:
                return True
        return False

    def _acronym_ok(self, text: str, toks: _Tokens, i: int, key: str) -> bool:
        """Whether a short word in capitals is a place: a country's abbreviation ("UK",
        "RDC") or a dateline ("GAZA, Nov 15"), not an acronym that happens to be an airport
        code or a village's alternate name ("KNU", "ADF", "ANI")."""
        cs = self._candidates(key, False)
        if not cs:
            return False
        if cs[0].place.kind == "country" or cs[0].place.source == "supplement":
            return True
        line_start = text.rfind("\n", 0, toks.starts[i]) + 1
        if not text[line_start : toks.starts[i]].strip(" ([/\t"):
            return True  # a dateline or a line that starts with the name
        return any(normalize_name(c.place.name) == key for c in cs[:3])

    def _curated(self, key: str) -> bool:
        """Whether a name is one of the hand-kept supplement's ("Red Sea", "mer Noire")."""
        return any(c.place.source == "supplement" for c in self._candidates(key, False))

    # ---- resolution
    def _resolve(
        self, text: str, toks: _Tokens, spans: list[_Span], *, lang: str | None, doc_id: str
    ) -> list[Mention]:
        variants = True
        by_key: dict[str, list[_Span]] = {}
        for span in spans:
            by_key.setdefault(span.key, []).append(span)
        cands: dict[str, tuple[_Candidate, ...]] = {}
        # water bodies: a name that is only a lake's, a sea's or a river's is that; a name
        # also borne by a town or a country ("Dnipro", "Niger") is resolved as the town or
        # the country, and each occurrence with a river cue ("le Dniepr", "the Dnipro",
        # "Danube river") becomes the river below
        waters: dict[str, Place] = {}
        water_only: set[str] = set()
        for key in by_key:
            found = self._candidates(key, variants)
            if all(s.region_only for s in by_key[key]):
                found = tuple(c for c in found if c.place.kind == "region")
            if not found:
                continue
            land = tuple(c for c in found if not _is_water(c.place))
            if len(land) < len(found):
                waters[key] = next(c.place for c in found if _is_water(c.place))
                if not land:
                    water_only.add(key)
                    continue
            cands[key] = land
        # anchors: names whose reading does not depend on context
        focus: Counter[str] = Counter()
        anchors: dict[str, Place] = {}
        named_countries = {
            cs[0].place.country_code
            for cs in cands.values()
            if cs[0].place.kind == "country"
            or (cs[0].place.kind == "region" and cs[0].place.source == "supplement")
        }
        countries_named = {
            cs[0].place.country_code for cs in cands.values() if cs[0].place.kind == "country"
        }
        for key, cs in cands.items():
            best = cs[0]
            if not _is_strong(cs, by_key[key]):
                continue
            # a town of an unrelated country is no anchor, however unambiguous its name
            if (
                best.place.kind == "city"
                and named_countries
                and best.place.country_code not in named_countries
                and best.prior < defaults.GEOPARSE_UNSUPPORTED_MIN_PRIOR
            ):
                continue
            anchors[key] = best.place
            if best.place.country_code:
                focus[best.place.country_code] += len(by_key[key])
        sentences_of: dict[str, set[int]] = {
            key: {toks.sentence[s.start] for s in ss} for key, ss in by_key.items()
        }
        by_sentence: dict[int, list[str]] = {}
        for key, sents in sentences_of.items():
            for s in sents:
                by_sentence.setdefault(s, []).append(key)
        separatist_sentences = self._cue_sentences(text, toks)
        disputed = [p for p in anchors.values() if p.kind == "region" and p.source == "supplement"]

        chosen: dict[str, tuple[Place, float]] = {}
        region_cues: dict[str, int] = {}
        for key, cs in cands.items():
            # a country's name is the country ("Arménie" is not Armenia, Colombia); a name
            # shared by two countries ("Congo") is the one the other places point to
            if cs[0].place.kind == "country" and key in anchors:
                countries = [c.place for c in cs if c.place.kind == "country"]
                best_country = cs[0].place
                if len(countries) > 1:
                    own_n = len(by_key[key])
                    best_country = max(
                        countries,
                        key=lambda p: (
                            focus.get(p.country_code or "", 0)
                            - (own_n if p.country_code == cs[0].place.country_code else 0)
                        ),
                    )
                chosen[key] = (best_country, 1.0)
        for rnd in range(2):
            for key, cs in cands.items():
                if key in chosen and chosen[key][1] == 1.0 and cs[0].place.kind == "country":
                    continue
                if (
                    rnd == 1
                    and (key in anchors or key not in chosen)
                    and self._spread(key, cs) < 50
                ):
                    continue
                cs = cs[: defaults.GEOPARSE_SCORED_CANDIDATES]
                spans_k = by_key[key]
                soft = min(s.soft for s in spans_k)
                region_cue = region_cues.get(key)
                if region_cue is None:
                    region_cue = region_cues[key] = max(_region_cue(toks, s) for s in spans_k)
                own = len(spans_k) if key in anchors else 0
                own_cc = anchors[key].country_code if key in anchors else None
                total = sum(focus.values()) - own
                others = [
                    p for k, p in (anchors.items() if rnd == 0 else _places(chosen)) if k != key
                ]
                sent_places = [
                    anchors.get(k) or (chosen[k][0] if k in chosen else None)
                    for s in sentences_of[key]
                    for k in by_sentence.get(s, ())
                    if k != key
                ]
                in_separatist = bool(sentences_of[key] & separatist_sentences)
                scored: list[tuple[float, bool, _Candidate]] = []
                nearest: dict[str, float] = {}
                for c in cs:
                    p = c.place
                    cc = p.country_code
                    count = focus.get(cc, 0) - (own if cc == own_cc else 0) if cc else 0
                    near = _proximity(p, others)
                    nearest[p.id] = near
                    score = c.prior + near + self._kind_adjustment(key, c, cs, region_cue)
                    if count > 0 and total > 0:
                        score += 0.5 + 2.0 * count / total
                    score += _sentence_support(p, sent_places)
                    if in_separatist and _near_any(p, disputed, 80.0):
                        score += 1.5
                    scored.append((score, count > 0 or near > 0.3, c))
                scored.sort(key=lambda t: -t[0])
                weak = (
                    _is_weak(cs[0], by_key[key])
                    or (soft in (1, 3) and not _is_major(cs[0]))
                    or (soft == 2 and not _is_area(cs[0]))
                )
                context = total > 0 or bool(others)
                if weak and context:
                    pool = [t for t in scored if t[1]]
                elif context and key not in anchors:
                    # a small place far from everything else the article names is more
                    # likely a namesake of a place the gazetteer lacks (Solhan, Burkina Faso)
                    pool = [
                        t
                        for t in scored
                        if t[1]
                        or t[2].prior >= defaults.GEOPARSE_UNSUPPORTED_MIN_PRIOR
                        or t[2].place.kind == "country"
                    ]
                else:
                    pool = scored
                if weak and not context and (soft or cs[0].prior < 3.0):
                    pool = []
                if soft == 3:
                    # a minor place named only in a Title-Case headline ("... as Thousands
                    # Flee"): kept when its country is named or it is close to the places
                    # the article is about
                    pool = [
                        t
                        for t in pool
                        if _is_major(t[2])
                        or t[2].place.country_code in countries_named
                        or nearest.get(t[2].place.id, 0) >= 1.0
                    ]
                if not pool:
                    chosen.pop(key, None)
                    continue
                best_score = pool[0][0]
                z = sum(math.exp(t[0] - best_score) for t in scored)
                chosen[key] = (pool[0][2].place, 1.0 / z)

        for key in water_only:
            chosen[key] = (waters[key], 1.0)
        out: list[Mention] = []
        for span in spans:
            picked = chosen.get(span.key)
            water = waters.get(span.key)
            if picked is None:
                if water is None or not _water_cue(toks, span):
                    continue
                picked = (water, 1.0)
            place, confidence = picked
            if (
                water is not None
                and place is not water
                and place.kind != "country"
                and _water_cue(toks, span)
            ):
                place = water
            if place.kind in ("city", "region") and span.key in cands:
                # "la province d'Idlib" and "la ville d'Idlib" in one article: the twin
                # reading follows each occurrence's own cue
                place = self._twin_for_span(span.key, place, cands[span.key], toks, span)
            elif place.kind == "country" and span.key in cands:
                # "à Djibouti" (the city) and "le Djibouti" (the country)
                place = _capital_after_a(text, toks, span, place, cands[span.key])
            s = toks.starts[span.start]
            e = toks.ends[span.start + span.length - 1]
            out.append(
                Mention(
                    mention=text[s:e],
                    char_start=s,
                    char_end=e,
                    place=place,
                    score=round(confidence, 3),
                    sentence=toks.sentence[span.start],
                    precision=_precision(place, toks, span),
                    doc_id=doc_id,
                )
            )
        return out

    def _spread(self, key: str, cs: tuple[_Candidate, ...]) -> float:
        """Largest distance from the first candidate to another, in km (cached by name)."""
        found = self._spread_cache.get(key)
        if found is None:
            first = cs[0].place
            found = max(
                (
                    _approx_km(first.latitude, first.longitude, c.place.latitude, c.place.longitude)
                    for c in cs[1:]
                ),
                default=0.0,
            )
            if len(self._spread_cache) > defaults.GEOPARSE_CACHE_SIZE:
                self._spread_cache.clear()
            self._spread_cache[key] = found
        return found

    def _kind_adjustment(
        self, key: str, c: _Candidate, cs: tuple[_Candidate, ...], region_cue: int
    ) -> float:
        """A town and the region named after it: the town, unless the text says region.

        "Région de X" (``region_cue`` 1) is not enough for a city of millions: "la région
        d'Alep" is Aleppo's surroundings as often as its governorate.
        """
        p = c.place
        if p.kind == "country":
            return 0.0
        twin = self._twin_cache.get((key, p.id))
        if twin is None:
            twin = next(
                (
                    o.place
                    for o in cs
                    if o.place.kind != p.kind
                    and o.place.kind != "country"
                    and o.place.country_code == p.country_code
                    and (
                        _approx_km(p.latitude, p.longitude, o.place.latitude, o.place.longitude)
                        < 150
                        or (p.admin1_code is not None and o.place.admin1_code == p.admin1_code)
                    )
                ),
                p,
            )
            if len(self._twin_cache) > defaults.GEOPARSE_CACHE_SIZE:
                self._twin_cache.clear()
            self._twin_cache[(key, p.id)] = twin
        if twin is p:
            # "l'État Shan": the region, not a town of the same name elsewhere
            return 2.0 if region_cue == 2 and p.kind == "region" else 0.0
        city = p if p.kind == "city" else twin
        cue = region_cue == 2 or (
            region_cue == 1 and city.population < defaults.GEOPARSE_METROPOLIS_POPULATION
        )
        if p.kind == "city":
            return -3.0 if cue else 1.5
        return 3.0 if cue else -1.5

    def _twin_for_span(
        self, key: str, place: Place, cs: tuple[_Candidate, ...], toks: _Tokens, span: _Span
    ) -> Place:
        twin = self._twin_cache.get((key, place.id))
        if twin is None or twin is place:
            if place.kind == "city":
                cue = _region_cue(toks, span)
                if cue == 2 or (
                    cue == 1 and place.population < defaults.GEOPARSE_METROPOLIS_POPULATION
                ):
                    # "Deir al-Zor province", "la région de Briansk": the region named after
                    # the town, which the spelling in the text did not find
                    return self._admin1_region(place) or place
            return place
        cue = _region_cue(toks, span)
        city = place if place.kind == "city" else twin
        as_region = cue == 2 or (
            cue == 1 and city.population < defaults.GEOPARSE_METROPOLIS_POPULATION
        )
        if as_region:
            return place if place.kind == "region" else twin
        return place if place.kind == "city" else twin

    def _admin1_region(self, city: Place) -> Place | None:
        """The first-level region named after a town (Deir ez-Zor governorate), if any."""
        cache_key = (city.id, city.admin1_code or "")
        if cache_key in self._admin1_cache:
            return self._admin1_cache[cache_key]
        found = None
        for r in self.gazetteer.lookup(normalize_name(city.name), normalized=True):
            if (
                r.kind == "region"
                and r.source != "supplement"
                and r.country_code == city.country_code
                and (
                    (city.admin1_code is not None and r.admin1_code == city.admin1_code)
                    or _approx_km(city.latitude, city.longitude, r.latitude, r.longitude) < 150
                )
            ):
                found = r
                break
        self._admin1_cache[cache_key] = found
        return found

    @staticmethod
    def _cue_sentences(text: str, toks: _Tokens) -> set[int]:
        found: set[int] = set()
        starts = toks.sentence_starts
        lowered = None
        for cue in lex.SEPARATIST_CUES:
            if lowered is None:
                lowered = text.lower()
            pos = lowered.find(cue.lower())
            while pos >= 0:
                found.add(_sentence_at(starts, pos))
                pos = lowered.find(cue.lower(), pos + 1)
        return found


def _is_water(place: Place) -> bool:
    return place.source == "supplement" and place.id.startswith(_WATER_PREFIXES)


#: Lower-case words that may follow "the Dnipro" when it is the river.
_AFTER_THE_RIVER: Final = _norm_set(lex.AFTER_THE_RIVER)


def _water_cue(toks: _Tokens, span: _Span) -> bool:
    """Whether an occurrence of a name borne by a river and a town names the river: "le
    Dniepr", "du Nil Bleu", "across the Dnipro.", "Danube river ports"; not "Dnipro",
    "the Dnipro mayor", "l'État du Nil Bleu"."""
    keys, cap = toks.keys, toks.cap
    nxt = span.start + span.length
    if any(keys[j] in _WATER_WORDS for j in range(span.start, nxt)):
        return True  # "mer Rouge", "Lake Chad": not Mer Rouge, Louisiana
    if _region_cue(toks, span):
        return False
    if nxt < len(keys) and toks.join[nxt - 1] == 1 and keys[nxt] in _RIVER_AFTER:
        return True
    i = span.start - 1
    if i < 0 or cap[i] or keys[i] not in _DETERMINERS or toks.join[i] == 0:
        return False
    if keys[i] != "the":
        return True
    return nxt >= len(keys) or toks.join[nxt - 1] == 0 or cap[nxt] or keys[nxt] in _AFTER_THE_RIVER


def _capital_after_a(
    text: str, toks: _Tokens, span: _Span, country: Place, cands: tuple[_Candidate, ...]
) -> Place:
    """Town or country after "à" ("à Djibouti", "à Koweït").

    French puts "à" before a town (and a few island countries); a country that shares its
    name with one of its towns is then the town.
    """
    i = span.start - 1
    if i < 0 or text[toks.starts[i] : toks.ends[i]] not in ("à", "À") or toks.join[i] != 1:
        return country
    towns = [
        c.place
        for c in cands
        if c.place.kind == "city"
        and c.place.country_code == country.country_code
        and c.prior >= defaults.GEOPARSE_UNSUPPORTED_MIN_PRIOR
    ]
    return towns[0] if towns else country


def _quote_gap(text: str, toks: _Tokens, i: int) -> bool:
    """Whether token ``i`` is followed by a capitalised token, maybe after a quote mark."""
    if not toks.cap[i + 1]:
        return False
    gap = text[toks.ends[i] : toks.starts[i + 1]]
    return 0 < len(gap) <= 3 and "\n" not in gap and all(c in _SPACES or c in _QUOTES for c in gap)


def _sentence_at(starts: list[int], pos: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, pos) - 1)


def _places(chosen: dict[str, tuple[Place, float]]) -> Iterable[tuple[str, Place]]:
    return ((k, v[0]) for k, v in chosen.items())


def _join(keys: list[str], join: list[int], i: int, length: int) -> str:
    if length == 1:
        return keys[i]
    parts = []
    last = i + length - 1
    for j in range(i, last + 1):
        parts.append(keys[j])
        if j < last:
            parts.append("" if join[j] == 2 else " ")
    return "".join(parts)


def _prior(place: Place) -> float:
    if place.kind == "country":
        return _COUNTRY_PRIOR + (1.0 if place.primary else 0.0)
    return min(place.score, _PRIOR_CAP)


def _is_strong(cs: tuple[_Candidate, ...], spans: list[_Span]) -> bool:
    best = cs[0]
    if best.place.kind == "country":
        return best.prior >= _COUNTRY_PRIOR
    if best.place.kind == "region" and best.place.source == "supplement":
        return True
    if all(s.soft for s in spans):
        return False
    if best.prior < 4.5:
        return False
    if len(cs) == 1:
        return True
    second = cs[1]
    if second.prior < best.prior - 1.5:
        return True
    return all(
        _approx_km(best.place.latitude, best.place.longitude, c.place.latitude, c.place.longitude)
        < 100
        for c in cs[1:]
    )


def _is_area(best: _Candidate) -> bool:
    """A country or a disputed area: names no common word shadows."""
    p = best.place
    return p.kind == "country" or (p.kind == "region" and p.source == "supplement")


def _is_major(best: _Candidate) -> bool:
    """A country, a disputed area or a big city: its name is no common word by accident."""
    p = best.place
    return (
        p.kind == "country"
        or (p.kind == "region" and p.source == "supplement")
        or best.prior >= defaults.GEOPARSE_UNSUPPORTED_MIN_PRIOR
    )


def _is_weak(best: _Candidate, spans: list[_Span]) -> bool:
    if best.place.kind == "country":
        return False
    if best.place.kind == "region" and best.place.source == "supplement":
        return False
    multi = any(s.length > 1 for s in spans)
    return best.prior < (4.0 if multi else 5.0)


def _sentence_support(p: Place, sent_places: Iterable[Place | None]) -> float:
    """Support from the places named in the same sentence ("Gaziantep (en Turquie)")."""
    bonus = 0.0
    town_near = False
    for q in sent_places:
        if q is None or p.kind == "country":
            continue
        if q.kind == "country" and q.country_code == p.country_code:
            bonus += 1.5
        elif q.kind == "region" and p.kind == "city" and _near_any(p, [q], 80.0):
            bonus += 2.0
        elif q.kind == "city" and not town_near and _near_any(p, [q], 80.0):
            # towns named together are usually neighbours ("officials in Stepanakert said
            # Martuni had been shelled")
            town_near = True
            bonus += 1.0
    return bonus


def _near_any(p: Place, others: Iterable[Place], km: float) -> bool:
    if p.kind != "city":
        return False
    return any(_approx_km(p.latitude, p.longitude, q.latitude, q.longitude) < km for q in others)


def _proximity(place: Place, others: Iterable[Place]) -> float:
    """Support from the other places of the document: 3 at distance 0, fading over ~150 km."""
    best = 0.0
    lat, lon = place.latitude, place.longitude
    for q in others:
        if q.kind == "country":
            continue
        d = _approx_km(lat, lon, q.latitude, q.longitude)
        if d < 600:
            best = max(best, 3.0 * math.exp(-d / 150.0))
    return best


def _region_cue(toks: _Tokens, span: _Span) -> int:
    """How clearly the text calls the name a region: 2 for "province d'Idlib", "Kherson
    Oblast", "les régions de Donetsk et de Louhansk"; 1 for "région de"/"X region" (the
    press also writes it for a city's surroundings); 0 otherwise."""
    keys, cap = toks.keys, toks.cap
    n = len(keys)
    found = 0
    positions = [
        k
        for k in range(max(0, span.start - 3), span.start)
        if toks.sentence[k] == toks.sentence[span.start]
    ]
    j = span.start - 4
    # a list of names ("les régions de Donetsk et de Louhansk") carries the cue further back,
    # across capitalised words and list words only ("Secretary of State Antony Blinken,
    # speaking in Wellington" has none for Wellington)
    if not all(cap[k] or keys[k] in _LIST_WORDS for k in positions):
        j = -1
    sentence = toks.sentence[span.start]
    while j >= 0 and span.start - j <= 8 and toks.sentence[j] == sentence:
        positions.append(j)
        if not (cap[j] or keys[j] in _LIST_WORDS):
            break  # the word that opens the list ("régions") is kept, then the walk stops
        j -= 1
    # a cue word right after another name is that name's ("from Idlib province through
    # Aleppo": no cue for Aleppo)
    window = [
        keys[k]
        for k in positions
        if k == 0 or not cap[k - 1] or toks.particle[k - 1] or keys[k - 1] in _LIST_WORDS
    ]
    j = span.start + span.length
    after: list[str] = []
    # "Donetsk and Luhansk regions", "Sanliurfa province"; not "Dohuk, la région autonome"
    while j < n and j - span.start <= 8 and toks.join[j - 1] != 0:
        after.append(keys[j])
        if not (cap[j] or keys[j] in _AFTER_LIST):
            break
        j += 1
    for word in (*window, *after[-1:]):
        if word in _REGION_BEFORE or word in _REGION_AFTER:
            found = max(found, 1 if word in _SOFT_REGION else 2)
    return found


def _precision(place: Place, toks: _Tokens, span: _Span) -> int:
    if place.kind != "city":
        return 3
    keys = toks.keys
    before = {keys[j] for j in range(max(0, span.start - 3), span.start)}
    return 2 if before & _NEAR else 1


# --------------------------------------------------------------------------- API

_DEFAULT_PARSER: Geoparser | None = None


def get_geoparser() -> Geoparser:
    """Return the process-wide :class:`Geoparser` (on the default gazetteer).

    Examples
    --------
    >>> get_geoparser() is get_geoparser()
    True
    """
    global _DEFAULT_PARSER
    gazetteer = load_gazetteer()
    if _DEFAULT_PARSER is None or _DEFAULT_PARSER.gazetteer is not gazetteer:
        _DEFAULT_PARSER = Geoparser(gazetteer)
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
    return parser.parse(
        document.text,
        lang=document.lang if document.lang in ("fr", "en") else None,
        start=document.body_start,
        doc_id=document.doc_id,
    )


def mentions_to_frame(mentions: Sequence[Mention]) -> gpd.GeoDataFrame:
    """Return mentions as a GeoDataFrame with :data:`MENTION_COLUMNS` (EPSG:4326).

    Examples
    --------
    >>> mentions_to_frame([]).columns.tolist()[-1]
    'geometry'
    """
    import geopandas as gpd

    rows: dict[str, list[Any]] = {c: [] for c in MENTION_COLUMNS}
    for m in mentions:
        p = m.place
        rows["doc_id"].append(m.doc_id)
        rows["mention"].append(m.mention)
        rows["char_start"].append(m.char_start)
        rows["char_end"].append(m.char_end)
        rows["name"].append(p.name)
        rows["kind"].append(p.kind)
        rows["country_code"].append(p.country_code)
        rows["gazetteer_id"].append(p.id)
        rows["latitude"].append(p.latitude)
        rows["longitude"].append(p.longitude)
        rows["score"].append(m.score)
    geometry = gpd.points_from_xy(rows["longitude"], rows["latitude"], crs="EPSG:4326")
    frame = gpd.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")
    return frame.astype({"char_start": "int64", "char_end": "int64", "score": "float64"})


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
        ``"fr"`` or ``"en"``; detected when None.
    doc_id : str
        Identifier written in the ``doc_id`` column.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per occurrence, in text order, with :data:`MENTION_COLUMNS` and point
        geometries in EPSG:4326; ``text[char_start:char_end] == mention``.

    Examples
    --------
    >>> import geo
    >>> df = geo.geoparse("Des roquettes sont tombées sur Stepanakert, au Haut-Karabakh.")
    >>> df[["mention", "name", "kind"]].values.tolist()
    [['Stepanakert', 'Khankendi', 'city'], ['Haut-Karabakh', 'Nagorno-Karabakh', 'region']]
    """
    doc = make_document(text, doc_id=doc_id, date=date, lang=lang)
    return mentions_to_frame(find_mentions(doc))


def geoparse_inputs(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    problems: list[Problem] | None = None,
    progress: Progress | None = None,
    parser: Geoparser | None = None,
    **read_options: Any,
) -> gpd.GeoDataFrame:
    """Geoparse every document of files, folders, patterns or ``"-"`` (``geo parse``).

    Parameters
    ----------
    inputs : path, pattern or iterable of them
        See :func:`geo.io.documents.iter_documents`.
    problems : list of Problem, optional
        Receives skipped inputs; without it the first bad input raises.
    progress : Progress, optional
        Counter updated once per document.
    parser : Geoparser, optional
        The process-wide parser by default.
    **read_options
        Passed to :func:`geo.io.documents.iter_documents` (``lang``, ``text_column``...).

    Returns
    -------
    geopandas.GeoDataFrame
        Every mention of every document (:data:`MENTION_COLUMNS`), EPSG:4326.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("date 2020-10-04\\nGanja et Bakou.")
    >>> geoparse_inputs(path)["mention"].tolist()
    ['Ganja', 'Bakou']
    """
    parser = parser or get_geoparser()
    mentions: list[Mention] = []
    for doc in iter_documents(inputs, problems=problems, **read_options):
        mentions.extend(find_mentions(doc, parser=parser))
        if progress is not None:
            progress.update()
    if progress is not None:
        progress.close()
    return mentions_to_frame(mentions)


class _CallableModule(types.ModuleType):
    """``geo.geoparse`` is this module and, called, the :func:`geoparse` function.

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
