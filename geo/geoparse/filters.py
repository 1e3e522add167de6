"""What cannot be a place, and how much a capitalised name needs context.

:class:`Words` gathers the word lists of the languages in play (their packs and the common
pack, normalised once). :func:`blocked` marks the tokens that belong to things that are not
places: media, organisations and named agreements, institutions ("Ministry of ..."), ships,
sports clubs, people (after a title or a given name, in wire credit lines and bylines) and
their surnames wherever they recur. :func:`verdict` says of a candidate span whether it can
be a place at all and, if so, how much it needs context (:attr:`geo.model.Span.soft`).

Examples
--------
>>> from geo.geoparse.tokenize import tokenize
>>> w = words_for(("en",))
>>> text = "In Lyon, Mayor Anna Kowalczyk said the Ministry of Defence had not called Kowalczyk."
>>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
>>> [toks.keys[i] for i in range(len(toks)) if blocked(text, toks, w, None)[i]]
['anna', 'kowalczyk', 'ministry', 'of', 'defence', 'kowalczyk']
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import TYPE_CHECKING, Final

from geo import config
from geo.gazetteer import normalize_name
from geo.geoparse.candidates import admin_key
from geo.geoparse.tokenize import Tokens, tokenize
from geo.lang import LANGUAGES, WORD_LISTS, _slavic, demonym_forms, get_pack

if TYPE_CHECKING:
    from geo.geoparse.candidates import Index

__all__ = [
    "COMMON_ONLY",
    "GIVEN_NAME",
    "REGION_ONLY",
    "Words",
    "blocked",
    "listed_beside_place",
    "place_cue_before",
    "place_only_before",
    "verdict",
    "words_for",
]

#: Verdicts of :func:`verdict` besides None (not a place) and a soft level 0-3: common
#: words only (kept aside in case the same name is a region elsewhere in the document), and
#: common words that a region cue makes a region's name.
COMMON_ONLY: Final = -1
REGION_ONLY: Final = 5
#: ... and a given name alone whose best place is a small town ("said Eunice"): a person,
#: unless the document writes the name as a place elsewhere (kept aside for that).
GIVEN_NAME: Final = -2

#: Roman numerals of centuries and ordinals ("XIVe siècle", "IIe arrondissement").
_ROMAN_ORDINAL: Final = re.compile(r"[IVXLC]+(?:e|er|ème|eme|re)")
#: An acronym in brackets right after a name: "(TPLF)", "(Manul)", "(TTP)".
_ACRONYM_AFTER: Final = re.compile(r"[ \xa0]?\(([A-Z][A-Za-z]{1,7})\)")
_QUOTES: Final = frozenset("\"«“‘'")
_SPACES: Final = frozenset(" \t\xa0\u202f\u2009")


@dataclass(frozen=True)
class Words(dict[str, frozenset[str]]):
    """The word lists of some languages, normalised, with phrase indexes.

    Index it by list name (``w["titles"]``); phrases (media, organisations, people) are
    indexed by first token for whole-phrase matching. The lists are the items of the dict
    it is (:attr:`sets` and :attr:`extra`), so that indexing it, hundreds of times a
    document, is a plain dict lookup.
    """

    langs: tuple[str, ...]
    sets: Mapping[str, frozenset[str]]
    phrases: frozenset[str]
    phrase_first: Mapping[str, tuple[int, ...]]
    hyphenated: frozenset[str]
    credits: frozenset[str]
    credit_first: Mapping[str, tuple[int, ...]]
    separatist: tuple[str, ...]
    region_names: Mapping[str, str]
    demonym_endings: tuple[tuple[str, tuple[str, ...]], ...]
    extra: dict[str, frozenset[str]] = field(default_factory=dict)

    @functools.cached_property
    def of_words(self) -> frozenset[str]:
        """The list words that mean "of" ("de", "of", "del")."""
        return self["list_words"] & _OF

    @functools.cached_property
    def place_links(self) -> frozenset[str]:
        """The list words that join no list, and "de" ("la ciudad de")."""
        return (self["list_words"] - self["after_list"]) | _OF

    @functools.cached_property
    def cue_links(self) -> frozenset[str]:
        """The words between a cue noun and the name after it: "of" words, determiners and
        elisions ("la province du", "the city of", "l'État de l'")."""
        return self.of_words | self["determiners"] | self["elisions"]

    @functools.cached_property
    def name_links(self) -> frozenset[str]:
        """Connectors and "of" words inside a place's name ("Villa de Leyva")."""
        return self["connectors"] | self.of_words

    def __post_init__(self) -> None:
        self.update(self.extra)
        self.update(self.sets)

    def union(self, *names: str) -> frozenset[str]:
        """The union of the lists ``names``, made once (the filters ask for the same few
        unions hundreds of times a document).

        Examples
        --------
        >>> w = words_for(("en",))
        >>> w.union("weekdays", "months") == w["weekdays"] | w["months"]
        True
        """
        memo = self._unions
        found = memo.get(names)
        if found is None:
            found = memo[names] = frozenset().union(*(self[name] for name in names))
        return found

    @functools.cached_property
    def _unions(self) -> dict[tuple[str, ...], frozenset[str]]:
        """The unions made by :meth:`union`, by the names of their lists."""
        return {}


def _phrase_index(
    phrases: Iterable[str], elisions: frozenset[str], abbreviations: frozenset[str]
) -> tuple[frozenset[str], dict[str, tuple[int, ...]], frozenset[str]]:
    """Keys of phrases, the phrase lengths by first token (longest first), and the keys of
    the phrases written with a hyphen (the newspaper "Sud Ouest" is not "Sud-Ouest")."""
    keys: set[str] = set()
    first: dict[str, set[int]] = {}
    hyphenated: set[str] = set()
    for phrase in phrases:
        toks = tokenize(phrase, 0, None, elisions=elisions, abbreviations=abbreviations)
        if not len(toks):
            continue
        key = toks.joined(0, len(toks))
        keys.add(key)
        first.setdefault(toks.keys[0], set()).add(len(toks))
        if any(toks.hyphen_after):
            hyphenated.add(key)
    return (
        frozenset(keys),
        {k: tuple(sorted(v, reverse=True)) for k, v in first.items()},
        frozenset(hyphenated),
    )


@functools.cache
def words_for(langs: tuple[str, ...]) -> Words:
    """The word lists of ``langs`` and of the common pack (cached per language tuple).

    ``langs`` empty or ``("und",)`` takes every language written in the Latin script.
    """
    codes = [c for c in langs if c in LANGUAGES] or ["en", "fr", "es"]
    packs = [get_pack("common"), *(get_pack(c) for c in codes)]
    sets = {name: frozenset().union(*(p.words[name] for p in packs)) for name in WORD_LISTS}
    # "au Figaro", "du Monde": the article merges into a contraction
    media = [m for p in packs for m in p.phrases["media"]]
    media += [m.split(" ", 1)[1] for m in media if m.split(" ", 1)[0] in ("Le", "Les")]
    named = media + [
        x for p in packs for name in ("organisations", "people") for x in p.phrases[name]
    ]
    phrases, first, hyphenated = _phrase_index(named, sets["elisions"], sets["abbreviations"])
    credits, credit_first, _ = _phrase_index(
        [x for p in packs for x in p.phrases["credit_cues"]],
        sets["elisions"],
        sets["abbreviations"],
    )
    region_names: dict[str, str] = {}
    endings: list[tuple[str, tuple[str, ...]]] = []
    for p in packs:
        region_names.update(p.maps["region_names"])
        endings.extend((k, tuple(v.split())) for k, v in p.maps.get("demonym_endings", {}).items())
    return Words(
        langs=tuple(codes),
        sets=sets,
        phrases=phrases,
        phrase_first=first,
        hyphenated=hyphenated,
        credits=credits,
        credit_first=credit_first,
        separatist=tuple(
            normalize_name(s) for p in packs for s in p.phrases["separatist_cues"] if s
        ),
        region_names=region_names,
        demonym_endings=tuple(endings),
    )


# --------------------------------------------------------------------------- blocking


def blocked(text: str, toks: Tokens, w: Words, index: Index | None) -> list[bool]:
    """Mark the tokens that belong to no place name: named things and people.

    ``index`` (the gazetteer) tells surnames from places after a given name that is also a
    place ("Jordan Bardella", not "Florence Italy"); without it that rule is off.
    """
    keys, cap, join = toks.keys, toks.cap, toks.join
    n = len(keys)
    out = [False] * n
    phrase_first = w.phrase_first
    # (the tokens that start no phrase, most of them, left out by built-in filters)
    for i in compress(range(n), map(phrase_first.get, keys)):
        for length in phrase_first[keys[i]]:
            # (slices tested in C: a gap that joins nothing, a hyphen inside)
            if i + length > n or 0 in join[i : i + length - 1]:
                continue
            phrase = toks.joined(i, length)
            if phrase in w.phrases and (
                phrase in w.hyphenated or True not in toks.hyphen_after[i : i + length - 1]
            ):
                if _country_goes_on(toks, i, length, index):
                    break  # "la República Checa" is no newspaper "La República"
                for j in range(i, i + length):
                    out[j] = True
                break
    titled = list(map(toks.titled.__getitem__, toks.sentence))
    org_heads, chain_connectors = w.union("org_heads", "state_heads"), w["chain_connectors"]
    region_chain, region_after = w["region_chain_prepositions"], w["region_after"]
    state_heads = w["state_heads"]
    vessel_cues, club_heads = w["vessel_cues"], w["club_heads"]
    quoted_cues = w["quoted_name_cues"]
    # only the tokens that are a head word or a cue can start anything below
    heads = w.union("org_heads", "state_heads", "vessel_cues", "club_heads", "quoted_name_cues")
    for i in compress(range(n), map(heads.__contains__, keys)):
        key = keys[i]
        # institutions: a capitalised head word and the capitalised chain after it
        # (in a Title-Case headline every word is capitalised: no chain to follow)
        # ("Fonds-Verrettes", "Union-Ville": a head joined by a hyphen is a place's name)
        if (
            cap[i]
            and key in org_heads
            # (a head that is a medium's or an organisation's whole name still takes the
            # chain after it: "Суспільне Харків", a regional branch)
            and not (out[i] and (i + 1 >= n or out[i + 1]))
            and not titled[i]
            and not toks.hyphen_after[i]
        ):
            last = i
            j = i + 1
            while j < n and j - i <= 8 and join[j - 1] != 0:
                if cap[j] and not toks.particle[j]:
                    last = j
                elif keys[j] not in chain_connectors:
                    break
                elif keys[j] in region_chain and not (j + 2 < n and keys[j + 2] in region_after):
                    # "ГУ МЧС по X области" takes its region; "удар ВСУ по X": the target
                    break
                j += 1
            # "la Fédération de Russie" is the country, not an institution
            if last > i and not (index and index.is_country_key(toks.joined(i, last - i + 1))):
                own = key in state_heads
                for j in range(i, last + 1):
                    # the country an institution belongs to stays a place ("Ministry of
                    # Defence of Ukraine", like "Rwanda-backed"), except in the names of a
                    # state's ministries and forces, which take it ("Минобороны России")
                    if j == i or own or not _place_word(text, toks, j, w, index):
                        out[j] = True
        # vessels: "le bateau Tombouctou", "the tanker Marlin Luanda", "USS Carney"
        elif key in vessel_cues and i + 1 < n and _quote_gap(text, toks, i):
            _block_chain(text, toks, out, i + 1, 4)
        # named units and operations in quotes: "группировка войск «Днепр»"
        elif key in quoted_cues and i + 1 < n:
            _block_quoted(text, toks, out, i)
        # sports clubs: "Shakhtar Donetsk", "Dynamo Kyiv", "FC Barcelona"
        elif cap[i] and key in club_heads and i + 1 < n and join[i] == 1 and cap[i + 1]:
            out[i] = True
            _block_chain(text, toks, out, i + 1, 2)
    _block_quoted_routes(text, toks, out)
    _block_before_tails(text, toks, w, out)
    _block_credits(text, toks, w, out)
    _block_photo_credits(text, toks, w, out)
    _block_bylines(text, toks, w, out)
    _block_named_after(toks, w, index, out)
    _block_saint_buildings(text, toks, w, index, out)
    _block_people(text, toks, w, index, out, titled)
    _block_tanween(text, toks, out)
    return out


#: The tanween (nunation) marks of Arabic: ً ٌ ٍ.
_TANWEEN: Final = re.compile("[\u064b-\u064d]")


def _block_tanween(text: str, toks: Tokens, out: list[bool]) -> None:
    """Block the Arabic words written with a tanween ("تصعيداً", "وصولاً", "توتراً"): the mark
    of an indefinite noun, adjective or adverb, which a place's name does not take (names of
    places are definite or diptote).

    Examples
    --------
    >>> from geo.geoparse.tokenize import tokenize
    >>> text = "تقدموا وصولاً إلى حلب"
    >>> toks = tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())
    >>> out = [False] * len(toks)
    >>> _block_tanween(text, toks, out)
    >>> out
    [False, True, False, False]
    """
    if "arabic" not in toks.script:
        return
    for i in range(len(toks)):
        if toks.script[i] == "arabic" and _TANWEEN.search(text, toks.starts[i], toks.ends[i]):
            out[i] = True


#: A name in quotes: its opening quote, its text and its closing quote.
_QUOTED: Final = re.compile(r"([«“\"])([^«»“”\"\n]{1,80})([»”\"])")
#: A dash between two names with a space on each side ("Київ — Одеса").
_SPACED_DASH: Final = re.compile(r"\s[—–-]\s")
#: One end of a route: capitalised words, hyphenated ones with small words inside
#: ("Ростов-на-Дону"), at most four.
_ROUTE_END: Final = re.compile(
    r"[^\W\d_][\w'’.]*(?:-[\w'’.]+)*(?:\s+[^\W\d_][\w'’.]*(?:-[\w'’.]+)*){0,3}"
)
#: A road's number right before its quoted name ("М-4 «Дон»", "E40 «...»").
_ROAD_CODE: Final = re.compile(r"(?:^|[\s(])[^\W\d_]{1,2}-?\d{1,4}\s*$")


#: Capitalised words of a Cyrillic name blocked at most before an institution's tail.
_MAX_TAILED_NAME: Final = 3


def _block_before_tails(text: str, toks: Tokens, w: Words, out: list[bool]) -> None:
    """Cyrillic names that a word after them makes the name of a thing: a medium or a
    channel ("Орёл онлайн", "Липецк Оперативный"), an administration written with its
    acronym ("Харківської ОВА"), or a website glued to a Latin word ("Глухів.City").

    Examples
    --------
    >>> w = words_for(("uk",))
    >>> text = "За даними Сумської ОВА та каналу Гадяч Онлайн, у Гадячі вибухи."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> out = [False] * len(toks)
    >>> _block_before_tails(text, toks, w, out)
    >>> [toks.keys[i] for i in range(len(toks)) if out[i]]
    ['сумськоі', 'гадяч']
    """
    keys, cap, join = toks.keys, toks.cap, toks.join
    tails, capital = w["org_tails"], w["org_tails_capital"]
    n = len(keys)
    if "cyrillic" not in toks.script:
        return  # (each name below is Cyrillic)
    for j in range(1, n):
        if toks.script[j - 1] != "cyrillic" or not cap[j - 1] or out[j - 1]:
            continue
        website = (
            text[toks.ends[j - 1] : toks.starts[j]] == "." and toks.script[j] == "latin" and cap[j]
        )
        tail = (
            keys[j] in tails
            and join[j - 1] == 1
            and (keys[j] not in capital or cap[j])
            and text[toks.ends[j - 1] : toks.starts[j]].strip() == ""
        )
        if not (website or tail):
            continue
        k = j - 1
        while k >= 0 and j - k <= _MAX_TAILED_NAME and cap[k] and toks.script[k] == "cyrillic":
            out[k] = True
            if k == 0 or join[k - 1] != 1 or text[toks.ends[k - 1] : toks.starts[k]] != " ":
                break
            k -= 1


def _block_quoted(text: str, toks: Tokens, out: list[bool], i: int) -> None:
    """The words of a name in quotes right after token ``i`` ("группировки войск «Днепр»":
    the unit's name, not the river's)."""
    gap = text[toks.ends[i] : toks.starts[i + 1]]
    if not gap or len(gap) > 3 or "\n" in gap or not any(c in _QUOTES for c in gap):
        return
    m = _QUOTED.match(text, toks.ends[i] + gap.index(next(c for c in gap if c in _QUOTES)))
    if m is None:
        return
    j = i + 1
    while j < len(toks) and toks.starts[j] < m.end(2):
        out[j] = True
        j += 1


def _block_quoted_routes(text: str, toks: Tokens, out: list[bool]) -> None:
    """Names in quotes of trains, roads and pipelines: places joined by spaced dashes
    («Київ — Одеса», "Kyiv – Lviv") or a road's name after its number ("М-4 «Дон»"). The
    route is a named thing; the places outside the quotes stay places.

    Examples
    --------
    >>> from geo.geoparse.tokenize import tokenize
    >>> w = words_for(("ru",))
    >>> text = "Поезд «Львов — Одесса» задержан у Винницы, на трассе М-4 «Дон» пробка."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> out = [False] * len(toks)
    >>> _block_quoted_routes(text, toks, out)
    >>> [toks.keys[i] for i in range(len(toks)) if out[i]]
    ['львов', 'одесса', 'дон']
    """
    if not any(q in text for q in '«“"'):
        return
    for m in _QUOTED.finditer(text):
        inner = m.group(2).strip()
        parts = _SPACED_DASH.split(inner)
        route = len(parts) > 1 and all(
            p[:1].isupper() and _ROUTE_END.fullmatch(p.strip()) for p in parts
        )
        if not route and not _ROAD_CODE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        a = bisect.bisect_left(toks.starts, m.start(2))
        b = bisect.bisect_left(toks.starts, m.end(2))
        for j in range(a, b):
            out[j] = True


#: The gap of a possessive inside a name ("People's"), between its word and the next.
_POSSESSIVE_GAP: Final = re.compile(r"['’]s ")
#: Small words between a street's or a feast's noun and its name ("de las", "of the").
_MAX_NAME_CONNECTORS: Final = 4
#: Capitalised words of a street's or a saint's name blocked at most.
_MAX_NAMED_AFTER: Final = 6


def _block_named_after(toks: Tokens, w: Words, index: Index | None, out: list[bool]) -> None:
    """Names of streets, squares and roundabouts ("la glorieta de Insurgentes", "rue de
    Lyon") and saints' names after a feast's or a church's noun ("la fiesta de San Juan",
    "l'église Saint-Pierre"): the capitalised name after the noun is the street's or the
    saint's, not the town it honours; a capitalised street noun before its name ("Calle",
    "Glorieta") is no town either. A whole phrase the gazetteer knows stays free.

    Examples
    --------
    >>> w = words_for(("es",))
    >>> text = "Bailaban en la Glorieta de Colón durante la fiesta de San Isidro de Segovia."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> out = [False] * len(toks)
    >>> _block_named_after(toks, w, None, out)
    >>> [toks.keys[i] for i in range(len(toks)) if out[i]]
    ['glorieta', 'de', 'colon', 'san', 'isidro']
    """
    keys, cap, join = toks.keys, toks.cap, toks.join
    n = len(keys)
    streets, feasts, saints = w["street_heads"], w["saint_heads"], w["saints"]
    venues = w["venue_heads"]
    if not (streets or feasts or venues):
        return
    small = w.union("chain_connectors", "list_words", "determiners")
    links = w.of_words  # "de", "of": what follows is where the venue is
    towns_of = w["place_only_before"]  # of them, plural streets: "the streets of X"
    heads = streets | feasts | venues
    for i in [i for i in range(n - 1) if keys[i] in heads]:
        venue = keys[i] in venues and keys[i] not in streets
        street = venue or keys[i] in streets
        if venue:
            # a venue's name follows its noun at once ("el bar La Cima", "кафе «Одеса»");
            # after a connector it is the town the venue is in ("un bar de X")
            j = i + 1
            if j >= n or not cap[j] or toks.titled[toks.sentence[i]] or keys[j] in links:
                continue  # (capitals of a headline mean little: "RIÑA EN BAR DE X")
            if join[i] == 0 and not (toks.initial[j] and toks.sentence[j] == toks.sentence[i]):
                continue  # punctuation other than an opening quote between
        else:
            if join[i] == 0:
                continue
            if keys[i] in towns_of and i + 1 < n and keys[i + 1] in links:
                continue  # "las calles de X", "the streets of X": the town's streets
            j = toks.past_connectors(i, small, most=_MAX_NAME_CONNECTORS)
            if j >= n or not cap[j] or join[j - 1] == 0 or (not street and keys[j] not in saints):
                continue
        # the name's capitalised words; a connector ends it: "l'hôpital Saint-Nicolas de
        # Saint-Marc", "la calle Hidalgo de Guadalajara" go on with the town they are in
        last = j
        while last + 1 < n and last + 1 - j < _MAX_NAMED_AFTER and join[last] != 0:
            if not cap[last + 1] or keys[last + 1] in small:
                break
            if toks.script[last] == "cyrillic" and keys[last].endswith(_ADJECTIVE_ENDINGS):
                # a Cyrillic street named by an adjective is that one word: what follows is
                # its town ("на улице Советской X": the town X)
                break
            last += 1
        if index is not None and index.has(toks.joined(i, last - i + 1)):
            continue  # a square or a street the gazetteer has as a place of its own
        first = i if street and cap[i] else j
        for k in range(first, last + 1):
            out[k] = True


#: Endings of Russian and Ukrainian adjectives in their case forms, as normalised keys
#: write them (й as и, ї as і): a street named by an adjective ("на улице Советской").
_ADJECTIVE_ENDINGS: Final = ("ая", "яя", "ои", "еи", "ую", "юю", "ыи", "ии", "іи", "оі", "ою", "ею")
#: Capitalised words of a saint's name before a building's noun, at most ("St. John Paul").
_MAX_SAINT_NAME: Final = 3
_POSSESSIVE_GAPS: Final = ("'s ", "’s ", "' ", "’ ")


def _block_saint_buildings(
    text: str, toks: Tokens, w: Words, index: Index | None, out: list[bool]
) -> None:
    """Churches, hospitals and schools named after a saint, the building's noun after the
    name ("St. Andrew's Church", "St Mary's Hospital", "San José school"; the pack's
    ``saint_tails``): the saint, the name and the noun are the building's, not a place
    named after the saint. A whole phrase the gazetteer knows stays free.

    Examples
    --------
    >>> w = words_for(("en",))
    >>> text = "They fled to St. Andrew's Church near St. Andrew."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> out = [False] * len(toks)
    >>> _block_saint_buildings(text, toks, w, None, out)
    >>> [toks.keys[i] for i in range(len(toks)) if out[i]]
    ['st', 'andrew', 'church']
    """
    keys, cap = toks.keys, toks.cap
    tails, saints = w["saint_tails"], w["saints"]
    if not tails:
        return
    n = len(keys)
    for i in [i for i in range(n - 2) if keys[i] in saints]:
        if not cap[i] or toks.join[i] != 1 or not cap[i + 1]:
            continue
        last = i + 1
        while True:
            nxt = last + 1
            if nxt >= n or toks.sentence[nxt] != toks.sentence[i]:
                break
            gap = text[toks.ends[last] : toks.starts[nxt]]
            if keys[nxt] in tails and (gap == " " or gap in _POSSESSIVE_GAPS):
                if index is None or not index.has(toks.joined(i, nxt - i + 1)):
                    for k in range(i, nxt + 1):
                        out[k] = True
                break
            if gap != " " or not cap[nxt] or nxt - i > _MAX_SAINT_NAME:
                break
            last = nxt


def _block_people(
    text: str, toks: Tokens, w: Words, index: Index | None, out: list[bool], titled: list[bool]
) -> None:
    """People: titles and given names followed by capitalised names, and their surnames
    wherever they recur in the document."""
    keys, cap, join = toks.keys, toks.cap, toks.join
    n = len(keys)
    titles, first_names = w["titles"], w["first_names"]
    place_first, saints, particles = w["place_first_names"], w["saints"], w["name_particles"]
    origin = w["origin_particles"]
    surnames: set[str] = set()
    dates = w.union("weekdays", "months")
    placed: set[int] = set()  # the tokens of names of places named after people
    placed_names: set[str] = set()  # and their names
    # a word of none of these lists starts nothing below
    starters = w.union("titles", "first_names", "place_first_names")
    for i in [i for i in range(n - 1) if keys[i] in starters]:
        if i in placed:
            continue
        key = keys[i]
        is_title = key in titles
        is_first = (
            cap[i]
            and key in first_names
            and not (i > 0 and (toks.hyphen_after[i - 1] or keys[i - 1] in saints))
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
            index is not None
            and cap[i]
            and key in place_first
            and join[i] == 1
            and not toks.hyphen_after[i]
            and cap[i + 1]
            and not out[i + 1]
            and not titled[i]
            and keys[i + 1] not in dates
            and is_surname(keys[i + 1], w, index)
        ):
            # "Jordan Bardella", "Florence Parly": a given name, not the place
            out[i] = out[i + 1] = True
            if len(keys[i + 1]) > 2:
                surnames.add(keys[i + 1])
            continue
        if not (is_title or is_first) or toks.hyphen_after[first_end] or (is_title and titled[i]):
            continue
        if (
            is_title
            and not is_first
            and cap[i]
            and config.GEOPARSE_TITLED_PLACE_AFTER_SETTLEMENT
            and _settlement_cue_before(toks, i, w)
        ):
            # "la parroquia General X", "el municipio de General Y": a place named after a
            # person's rank and name
            continue
        last = -1
        j = first_end + 1
        reach = 1 if titled[i] else 4
        common = w.union("common", "weekdays", "months")
        while j < n and j - first_end <= reach:
            gap = text[toks.ends[j - 1] : toks.starts[j]]
            # a period is crossed only after an initial ("John F. Kennedy"), never at the end
            # of a sentence ("... Sierra Leone. These ...")
            initial = toks.ends[j - 1] - toks.starts[j - 1] == 1 and cap[j - 1]
            ok_gap = join[j - 1] != 0 or (
                initial and len(gap) <= 3 and all(c in " .\xa0" for c in gap) and "\n" not in gap
            )
            if not ok_gap or (cap[j] and keys[j] in common):
                # "Franklin County": a common word ends a person's name, and so does a date
                # ("in Florence Monday night", "in Marion May 4")
                break
            if (
                index is not None
                and keys[j] in origin
                and sum(1 for k in range(first_end + 1, j) if cap[k]) >= (1 if is_first else 2)
                and _place_after_origin(toks, j, index)
            ):
                # "la escuela Juan Pérez de Ocaña", "Ana Gómez, de Tumaco": after a
                # given name and a surname, "de" and a place is where they come from
                break
            if cap[j] and not toks.particle[j]:
                last = j
            elif keys[j] not in particles or last < 0:
                break
            j += 1
        if last < 0:
            continue
        if is_first and index is not None:
            name = toks.joined(i, last - i + 1)
            if _written_as_place(text, toks, i, last, w, index) or (
                # one sense per document: the name written once as a place's is the place's
                # where it stands bare later after a preposition, an article or in a list
                # ("de X", "en X", "Y, X y Z"), not after a title or a verb
                config.GEOPARSE_PLACED_PERSON_NAME_SPREADS
                and name in placed_names
                and _place_link_before(text, toks, i, w)
            ):
                # "el municipio de Emiliano Zapata": a place named after a person (its later
                # given names are the place's too: "el ejido José María Morelos")
                placed.update(range(i, last + 1))
                placed_names.add(name)
                continue
        # a title followed by a demonym is not a name ("Président Turc")
        demonyms = w["demonyms"]
        if is_title and not is_first and (keys[last] in demonyms or keys[i + 1] in demonyms):
            continue
        begin = i if is_first else i + 1
        while is_title and begin <= last:
            # "президент Франции Николя Саркози", "губернатор Белгородской области ...": the
            # title's country or region comes before the person ("посол Великої Британії")
            if _place_word(text, toks, begin, w, index) or (
                begin == i + 1
                and key in w["place_titles"]
                and _title_place(text, toks, begin, w, index)
            ):
                begin += 1
            elif begin < last and _country_phrase(text, toks, begin, index):
                begin += 2
            else:
                break
        if is_title:
            # "Мэр Харькова Игорь Терехов", "Governor of Texas Greg Abbott": a given name
            # after the title starts the person; what comes before it is the title's place
            given = next(
                (
                    k
                    for k in range(begin, last + 1)
                    if keys[k] in first_names or _base_key(text, toks, k) & first_names
                ),
                None,
            )
            if given is not None and given > begin:
                begin = given
        for j in range(begin, last + 1):
            out[j] = True
        if begin <= last and len(keys[last]) > 2 and not _institution_adjective(text, toks, last):
            surnames.add(keys[last])
    if index is not None:
        # (the name alone: its surname is not carried to the rest of the text, where a
        # place of that name may be written as plainly: "the road to X")
        for i in _described_people(text, toks, w, index):
            out[i] = out[i + 1] = True
    if surnames:
        forms = _surname_forms(surnames, toks, text)
        stems = _surname_stems(surnames)
        # one sense per document: another form of a surname that the document once writes
        # after a settlement's noun is that place's name ("Олег Вишняк ... у селищі
        # Вишняки"), wherever it stands
        settlements = w["settlement_before"]
        settled = {keys[i] for i in range(1, n) if keys[i - 1] in settlements and join[i - 1] == 1}
        # a surname the document also writes as a unit's name ("la région de Y") is that
        # unit's town or the unit after a preposition of place ("de Y", "à Y")
        units, of_words = w["region_before"], w.of_words
        unit_named = {
            keys[i]
            for i in range(2, n)
            if cap[i]
            and keys[i - 1] in of_words
            and keys[i - 2] in units
            and join[i - 1] == 1
            and join[i - 2] == 1
        }
        for i in range(n):
            if cap[i] and (
                keys[i] in surnames
                or (
                    forms
                    and keys[i] not in settled
                    and keys[i].startswith(stems)
                    and _base_key(text, toks, i) & forms
                )
            ):
                if _settlement_cue_before(
                    toks, i, w, demonyms=index.demonyms(w) if index is not None else frozenset()
                ):
                    continue  # "Mayor Ann Dover ... the city of Dover": the town
                if (
                    index is not None
                    and place_only_before(toks, i, w)
                    and (index.has(keys[i]) or any(index.has(b) for b in _base_key(text, toks, i)))
                ):
                    # "dijo Rosa Girardota ... protestas en Girardota", "Андрей Кирсанов ...
                    # в Кирсанове" (a town's case form, its dictionary form a place): the town
                    continue
                if (
                    keys[i] in unit_named
                    and _place_link_before(text, toks, i, w)
                    and (index is None or index.has(keys[i]))
                ):
                    continue  # "M. X Y ... la région de Y ... à Y": the place
                if _region_noun_after(toks, i, w):
                    continue  # "Ганна Глухівська ... у Глухівському районі": the district
                if (
                    # "Петро Ясен ... у Ясенах": a plural town, no one person; "Марія
                    # Ясенова ... у Ясеновому": the town, not the woman
                    _plural_of_surname(keys[i], surnames)
                    or (keys[i] not in surnames and _other_gender(keys[i], surnames))
                ) and not _institution_adjective(text, toks, i):
                    # (an institution's adjective stays blocked: "Ясеновского
                    # информационного центра" is no place)
                    continue
                if index is not None and _ends_place_name(toks, i, w, index, out):
                    continue  # "Mrs Kong said Hong Kong...": the name ends a place's name
                if index is not None and _listed_after_place(
                    text, toks, i, w, index, out, surnames
                ):
                    continue  # "dijo Ana Paipa ... en Tunja, Paipa y Duitama": a list of places
                out[i] = True


#: An age in apposition after a name ("X Y, 45,"), and what stands between a name and the
#: description of a person after it (", a trader", ", une commerçante").
_AGE_APPOSITION: Final = re.compile(r",[ \t]*\d{1,3}[ \t]*,")
_DESCRIPTION_GAP: Final = re.compile(r",[ \t]*")


def _described_people(text: str, toks: Tokens, w: Words, index: Index) -> list[int]:
    """The first tokens of two-word names of people the text describes right after them:
    an age between commas ("Tsehay X, 45, said") or an indefinite article and a title of
    the pack ("X Y, a teacher", "X Y, une journaliste"), when the first word is no place
    nor a common word and the two words are no place of the gazetteer: a given name no list
    holds, and the surname after it.

    Examples
    --------
    >>> from geo.geoparse.candidates import Index
    >>> from geo.geoparse import get_geoparser
    >>> w = words_for(("en",))
    >>> text = "Said Tsehay Kiffa, 45, and Sankt Gallen, a town."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [toks.keys[i] for i in _described_people(text, toks, w, get_geoparser().index)]
    ['tsehay']
    """
    keys, cap, join = toks.keys, toks.cap, toks.join
    titles, articles = w.union("titles", "person_nouns"), w["indefinite_articles"]
    common = w.union(
        "common",
        "stopwords",
        "weekdays",
        "months",
        "titles",
        "demonyms",
        "place_only_before",
        "place_prepositions",
    )
    out = []
    for i in range(len(keys) - 1):
        if not (cap[i] and cap[i + 1] and join[i] == 1) or toks.sentence[i + 1] != toks.sentence[i]:
            continue
        if keys[i] in common:
            continue
        end = toks.ends[i + 1]
        if _AGE_APPOSITION.match(text, end) is None:
            gap = _DESCRIPTION_GAP.match(text, end)
            k = i + 2
            if (
                gap is None
                or k + 1 >= len(keys)
                or toks.starts[k] != gap.end()
                or keys[k] not in articles
                or keys[k + 1] not in titles
            ):
                continue
        # (the gazetteer last: most pairs of capitalised words have no description after them)
        if not index.has(keys[i]) and not index.has(toks.joined(i, 2)):
            out.append(i)
    return out


#: What may stand between a name and the one before it in a list.
_LIST_GAPS: Final = frozenset({",", "-", "\u2013", "\u2014"})


def _place_link_before(text: str, toks: Tokens, i: int, w: Words) -> bool:
    """Whether token ``i`` follows, in its sentence, a lower-case preposition, article or
    conjunction of a list ("de X", "en X", "y X"), or a comma or a dash of a list ("Y, X").

    Examples
    --------
    >>> w = words_for(("es",))
    >>> text = "Vive en Ana, y dijo Ana que Ana, Ana."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [_place_link_before(text, toks, k, w) for k in (2, 5, 7, 8)]
    [True, False, False, True]
    """
    j = i - 1
    if j < 0 or toks.sentence[j] != toks.sentence[i]:
        return False
    gap = text[toks.ends[j] : toks.starts[i]].strip()
    if gap:
        return gap in _LIST_GAPS
    key = toks.keys[j]
    return not toks.cap[j] and (
        key in w.place_links or key in w["after_list"] or key in w["place_only_before"]
    )


#: Tokens of a first-level region's name after a town named after a person, at most.
_STATE_AFTER_TOKENS: Final = 3


def _place_after_origin(toks: Tokens, j: int, index: Index) -> bool:
    """Whether an origin particle at token ``j`` is followed by a capitalised name of one
    or two words that the gazetteer has ("de Ocaña", "de Santa Marta")."""
    n = len(toks)
    if j + 1 >= n or toks.join[j] != 1 or not toks.cap[j + 1]:
        return False
    if index.has(toks.keys[j + 1]):
        return True
    return (
        j + 2 < n and toks.join[j + 1] == 1 and toks.cap[j + 2] and index.has(toks.joined(j + 1, 2))
    )


def _written_as_place(text: str, toks: Tokens, i: int, last: int, w: Words, index: Index) -> bool:
    """Whether a person's name at tokens ``i..last`` is written as the name of a place
    named after that person, the place cue winning over the person reading:

    - a settlement noun right before, in lower case ("la vereda José María", "the village of
      Mary Ann"): a settlement's name, whether or not the gazetteer has it;
    - the gazetteer has the name and a cue of place stands before it (a settlement or region
      noun, "near": "el municipio de Francisco I. Madero"; a preposition that takes no person:
      "en Benito Juárez") or a first-level region in which a place of that name lies
      follows it after a comma or in brackets ("José María Morelos (Quintana Roo)"), or it
      stands in a list beside a place's name (no person's) that shares a first-level region
      with it ("Cancún, José María Morelos y Tulum");
    - a capitalised word before it makes with it a name the gazetteer has ("Ciudad Benito
      Juárez").

    Examples
    --------
    >>> from geo.geoparse.candidates import Index
    >>> w = words_for(("es",))
    >>> text = "Hubo balaceras en Benito Juárez y dijo Benito Juárez."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [_written_as_place(text, toks, i, i + 1, w, Index.default()) for i in (3, 7)]
    [True, False]
    """
    before = i - 1
    known = index.has(toks.joined(i, last - i + 1))
    # (a name the gazetteer lacks in the Latin script only: "жителька села Лариса ..." is a
    # villager, the village's name would be in the genitive)
    if (
        before >= 0
        and (known or toks.script[i] == "latin")
        and toks.join[before] == 1
        and not toks.cap[before]
        and toks.keys[before] in w["settlement_before"]
    ):
        return True
    if known and (
        _settlement_cue_before(toks, i, w, demonyms=index.demonyms(w))
        or place_only_before(toks, i, w)
        or _state_after(text, toks, i, last, index)
    ):
        return True
    if listed_beside_place(
        text, toks, i, last, w, index, same_country=config.GEOPARSE_LISTED_PERSON_SAME_COUNTRY
    ):
        return True
    if (
        known
        and before >= 0
        and not toks.cap[before]
        and _place_link_before(text, toks, i, w)
        and any(
            c.place.kind == "city"
            and c.place.name_form == "name"
            and normalize_name(c.place.name) == toks.joined(i, last - i + 1)
            and c.place.population >= config.GEOPARSE_PERSON_NAMED_TOWN_POPULATION
            for c in index.candidates(toks.joined(i, last - i + 1), variants=False)
        )
    ):
        return True  # "los vecinos de Ciudad X ... de X": a big town's own name
    return (
        before >= 0
        and toks.join[before] == 1
        and toks.cap[before]
        and toks.keys[before] not in w["titles"]
        and toks.keys[before] not in w["first_names"]
        and index.has(toks.joined(before, last - before + 1))
    )


#: Tokens of a place's name beside a name in a list, at most.
_LIST_NAME_TOKENS: Final = 3


def listed_beside_place(
    text: str,
    toks: Tokens,
    i: int,
    last: int,
    w: Words,
    index: Index,
    *,
    same_country: bool = False,
) -> bool:
    """Whether the name at tokens ``i..last`` stands in a list (after or before a comma or a
    conjunction of the pack's ``after_list``) right beside a capitalised name the gazetteer
    has, that starts with no given name or title, and one of whose places lies in a
    first-level region where a town of this name lies too ("Cancún, José María Morelos y
    Tulum"; not "Juan Pérez y Ana López"). With ``same_country``, a town of this name in
    the country of one of the neighbour's foremost places (a town or a first-level region,
    at most ``config.GEOPARSE_LISTED_PERSON_NEIGHBOUR_PLACES`` of them) is enough
    ("los puertos de Veracruz y Valentín Gómez Farías"), and so is any place of it in that
    country between two names that have places there each ("Ambato, Pedro Carbo y
    Latacunga").

    Examples
    --------
    >>> from geo.geoparse.candidates import Index
    >>> w = words_for(("es",))
    >>> text = "Hubo cortes en Cancún, José María Morelos y Tulum; dijo José María Morelos."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [listed_beside_place(text, toks, i, i + 2, w, Index.default()) for i in (4, 10)]
    [True, False]
    >>> text = "Asistieron Benito Juárez, Lázaro Cárdenas y Vicente Guerrero."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> listed_beside_place(text, toks, 3, 4, w, Index.default())
    False
    """
    keys, cap, n = toks.keys, toks.cap, len(toks)
    # the whole capitalised run: a given name may end the person read so far ("José María"
    # of "José María Morelos")
    while i > 0 and toks.join[i - 1] == 1 and cap[i - 1]:
        i -= 1
    while last + 1 < n and toks.join[last] == 1 and cap[last + 1]:
        last += 1
    after_list = w["after_list"]
    sentence = toks.sentence[i]

    def gap(a: int, b: int) -> str:
        return text[toks.ends[a] : toks.starts[b]].strip()

    # where a neighbour of a list may stand (before any lookup: most names are in none)
    edges: list[tuple[int, bool]] = []
    if i >= 1 and gap(i - 1, i) == ",":
        edges.append((i - 1, False))
    elif (
        i >= 2
        and keys[i - 1] in after_list
        and not cap[i - 1]
        and gap(i - 1, i) == ""
        and gap(i - 2, i - 1) in ("", ",")
    ):
        edges.append((i - 2, False))
    nxt = last + 1
    if nxt < n and gap(last, nxt) == ",":
        edges.append((nxt, True))
    elif (
        nxt + 1 < n
        and keys[nxt] in after_list
        and not cap[nxt]
        and gap(last, nxt) in ("", ",")
        and gap(nxt, nxt + 1) == ""
    ):
        edges.append((nxt + 1, True))
    if not edges or not index.has(toks.joined(i, last - i + 1)):
        return False
    people = w.union("first_names", "titles")

    def place_at(edge: int, *, forward: bool) -> set[str]:
        # the longest name of the gazetteer that starts (``forward``) or ends at ``edge``
        for length in range(_LIST_NAME_TOKENS, 0, -1):
            start = edge if forward else edge - length + 1
            end = start + length - 1
            if start < 0 or end >= n or not toks.sentence[start] == toks.sentence[end] == sentence:
                continue
            if not cap[start] or keys[start] in people:
                continue
            if (start > 0 and toks.join[start - 1] == 1 and cap[start - 1]) or (
                end + 1 < n and toks.join[end] == 1 and cap[end + 1]
            ):
                continue  # the end of a longer name ("Benito Juárez": not "Juárez")
            if any(toks.join[k] != 1 for k in range(start, end)):
                continue
            found = [
                c.place
                for c in index.candidates(toks.joined(start, length), variants=False)
                if c.place.kind == "city" or c.place.feature == "admin1"
            ]
            areas = {admin_key(p) for p in found} - {""}
            if same_country:
                top = found[: config.GEOPARSE_LISTED_PERSON_NEIGHBOUR_PLACES]
                areas |= {p.country_code for p in top if p.country_code}
                # (any country of the neighbour's, marked, for a name between two of them)
                areas |= {"*" + p.country_code for p in found if p.country_code}
            if areas:
                return areas
        return set()

    neighbours = [place_at(edge, forward=forward) for edge, forward in edges]
    if not any(neighbours):
        return False
    towns = [
        c.place
        for c in index.candidates(toks.joined(i, last - i + 1), variants=False)
        if c.place.kind == "city"
    ]
    areas = {admin_key(p) for p in towns} - {""}
    if same_country:
        countries = {p.country_code for p in towns if p.country_code}
        areas |= countries
        if len(neighbours) == 2 and all(
            countries & {a[1:] for a in found if a.startswith("*")} for found in neighbours
        ):
            return True  # "los cantones Ambato, Pedro Carbo y Latacunga"
    return any(areas & found for found in neighbours)


def _state_after(text: str, toks: Tokens, i: int, last: int, index: Index) -> bool:
    """Whether the name at tokens ``i..last`` is followed, after a comma or an opening
    bracket, by the name of a first-level region in which a town of that name lies
    ("Benito Juárez, Zacatecas", "José María Morelos (Quintana Roo)")."""
    nxt = last + 1
    if nxt >= len(toks) or text[toks.ends[last] : toks.starts[nxt]].strip() not in (",", "("):
        return False
    areas = {
        admin_key(c.place)
        for c in index.candidates(toks.joined(i, last - i + 1), variants=False)
        if c.place.kind == "city"
    } - {""}
    for length in range(1, _STATE_AFTER_TOKENS + 1):
        if nxt + length > len(toks) or not toks.cap[nxt]:
            break
        for c in index.candidates(toks.joined(nxt, length), variants=False):
            if c.place.feature == "admin1" and admin_key(c.place) in areas:
                return True
    return False


def _settlement_cue_before(
    toks: Tokens, i: int, w: Words, *, demonyms: frozenset[str] = frozenset()
) -> bool:
    """Whether a word "near" or a noun of a settlement or a region stands right before token
    ``i``, or before the function words and nationality adjectives after it: "near Dover",
    "the city of Dover", "près de Dover", "la province rwandaise de", "la cabecera de" (the
    packs' ``settlement_before`` too). A person's surname does not follow these."""
    cues = w.union("near", "own_units", "region_before", "settlement_before")
    # "la provincia dominicana de ...": a nationality adjective between the noun and the name
    stop = w.union("stopwords", "demonyms")
    j = i - 1
    while (
        j >= 0
        and i - j <= config.GEOPARSE_CUE_REACH_TOKENS
        and toks.join[j] != 0
        and not toks.cap[j]
    ):
        if toks.keys[j] in cues:
            return True
        if toks.keys[j] not in stop and toks.keys[j] not in demonyms:
            return False
        j -= 1
    return False


#: Words before a surname that may start a place's name ending in it ("Norte de"), at most.
_MAX_NAME_BEFORE: Final = 3


def _ends_place_name(toks: Tokens, i: int, w: Words, index: Index, out: list[bool]) -> bool:
    """Whether token ``i`` ends a gazetteer name that starts with a capitalised word at most
    :data:`_MAX_NAME_BEFORE` words before it, through capitalised words and connectors:
    "Hong Kong", "Villa de Leyva" (a surname of the document that ends a place's name).

    Examples
    --------
    >>> w = words_for(("es",))
    >>> from geo.geoparse.candidates import Index
    >>> text = "Llegó a Villa de Leyva."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> _ends_place_name(toks, 4, w, Index.default(), [False] * len(toks))
    True
    """
    keys, cap, join = toks.keys, toks.cap, toks.join
    connectors = w.name_links
    for k in range(1, _MAX_NAME_BEFORE + 1):
        j = i - k
        if j < 0 or join[j] != 1 or out[j] or not (cap[j] or keys[j] in connectors):
            return False
        if cap[j] and index.has(toks.joined(j, k + 1)):
            return True
    return False


def _listed_after_place(
    text: str,
    toks: Tokens,
    i: int,
    w: Words,
    index: Index,
    out: list[bool],
    surnames: set[str],
) -> bool:
    """Whether token ``i`` goes on a list after a place's name, after a comma or a
    conjunction ("Tunja, Paipa", "Paipa y Duitama"): the name before it is capitalised, a
    gazetteer name (or the end of one), and no person's (no surname of the document or of the
    common surname list, not blocked).

    Examples
    --------
    >>> from geo.geoparse.candidates import Index
    >>> w = words_for(("es",))
    >>> text = "Votaron en Tunja, Paipa y Duitama."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [
    ...     _listed_after_place(text, toks, i, w, Index.default(), [False] * len(toks), set())
    ...     for i in (3, 5)
    ... ]
    [True, True]
    """
    keys, cap = toks.keys, toks.cap
    if i < 1 or toks.sentence[i - 1] != toks.sentence[i]:
        return False
    gap = text[toks.ends[i - 1] : toks.starts[i]]
    if gap.strip() in (",", "،"):
        # after a comma the list goes on after the name: "Tunja, Paipa y Duitama", not
        # "During her visit to Tunja, Paipa spoke"
        nxt = i + 1
        after = text[toks.ends[i] : toks.starts[nxt]] if nxt < len(keys) else ""
        if not (
            after.strip() in (",", "،")
            or (nxt < len(keys) and keys[nxt] in w["after_list"] and not after.strip())
        ):
            return False
        p = i - 1
    elif i >= 2 and keys[i - 1] in w["after_list"] and not cap[i - 1] and not gap.strip():
        p = i - 2
        if text[toks.ends[p] : toks.starts[i - 1]].strip():
            return False
    else:
        return False
    key = keys[p]
    if not cap[p] or out[p] or key in surnames or key in w["surnames"] or key in w["first_names"]:
        return False
    return index.has(key) or _ends_place_name(toks, p, w, index, out)


def _region_noun_after(toks: Tokens, i: int, w: Words) -> bool:
    """Whether a region or district noun follows token ``i``, after at most
    :data:`~geo.config.REGION_QUALIFIERS_MAX` of its qualifiers ("Глухівському районі",
    "Губкинском городском округе"): the word is the adjective of a place, not the
    surname it may also be elsewhere in the document.

    Examples
    --------
    >>> w = words_for(("uk",))
    >>> text = "Ганна Глухівська сказала, що у Глухівському районі тихо."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [toks.keys[i] for i in range(len(toks)) if _region_noun_after(toks, i, w)]
    ['глухівському']
    """
    if not toks.cap[i] or toks.script[i] != "cyrillic":
        return False
    qualifiers, nouns = w["region_qualifiers"], w["region_after"]
    j = i + 1
    while j < len(toks) and toks.join[j - 1] == 1:
        if toks.keys[j] in nouns:
            return True
        if toks.keys[j] not in qualifiers or j - i > config.REGION_QUALIFIERS_MAX:
            return False
        j += 1
    return False


def _title_of_next_name(toks: Tokens, j: int, w: Words) -> bool:
    """Whether token ``j`` is a title or a saint's prefix of the capitalised name after it.

    "in Leeds Dr. Hale said", "in Dayton St. Anne's hospital": a street noun's postal
    abbreviation that is also a title or a saint's prefix, followed by a capitalised word of
    the same sentence, opens that person's or saint's name; it makes no street of the name
    before it ("Fresno St. in Quincy" still is one).
    """
    keys = toks.keys
    return (
        (keys[j] in w["titles"] or keys[j] in w["saints"])
        and j + 1 < len(keys)
        and toks.cap[j + 1]
        and toks.sentence[j + 1] == toks.sentence[j]
    )


def place_only_before(toks: Tokens, i: int, w: Words) -> bool:
    """Whether a word of the pack's ``place_only_before`` (a preposition that takes no person,
    a settlement noun) stands right before token ``i``, or before the articles and "de" after it:
    "en Paipa", "desde Paipa", "la ciudad de Paipa", "dans la ville de Paipa". Only the first
    word of a sentence may be capitalised ("En Paipa, ...").

    Examples
    --------
    >>> w = words_for(("es",))
    >>> text = "En Paipa hubo protestas; llegaron desde la ciudad de Paipa y dijo a Paipa."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [toks.starts[i] for i in range(len(toks)) if toks.keys[i] == "paipa"
    ...  and place_only_before(toks, i, w)]
    [3, 53]
    """
    cues, stop = w["place_only_before"], w.place_links
    if not cues:
        return False
    j = i - 1
    while j >= 0 and i - j <= config.GEOPARSE_CUE_REACH_TOKENS and toks.join[j] != 0:
        first = j == 0 or toks.sentence[j - 1] != toks.sentence[j]
        if toks.cap[j] and not first:
            return False
        if toks.keys[j] in cues:
            return True
        if toks.keys[j] not in stop:
            return False
        j -= 1
    return False


def place_cue_before(toks: Tokens, i: int, w: Words, index: Index) -> bool:
    """Whether a cue that takes a place and no person stands before token ``i``: a word
    "near", a settlement or region noun ("the town of Eunice", "near Eunice") or a preposition
    of the pack's ``place_only_before`` ("in Eunice", "towards Eunice", "north of Eunice").

    Examples
    --------
    >>> from geo.geoparse.candidates import Index
    >>> w = words_for(("en",))
    >>> text = "Troops moved towards Eunice, the town of Eunice, and Eunice said no."
    >>> toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    >>> [place_cue_before(toks, i, w, Index.default()) for i in (3, 7, 9)]
    [True, True, False]
    """
    return place_only_before(toks, i, w) or _settlement_cue_before(
        toks, i, w, demonyms=index.demonyms(w)
    )


def _place_word(text: str, toks: Tokens, j: int, w: Words, index: Index | None) -> bool:
    """Whether token ``j`` names a country (in any case: "России", "Франции") or is the
    adjective of a region phrase ("Белгородской" before "области")."""
    if index is None or not toks.cap[j]:
        return False
    if j + 1 < len(toks) and toks.join[j] == 1 and toks.keys[j + 1] in w["region_after"]:
        return toks.script[j] == "cyrillic"
    if index.is_country_key(toks.keys[j]):
        return True
    return any(index.is_country_key(k) for k in _base_key(text, toks, j))


#: Endings of Russian and Ukrainian surnames in the nominative that are also case forms of
#: towns (a surname "X-ов" is the genitive plural of a town "X" too).
_SURNAME_NOMINATIVE: Final = ("ов", "ев", "ин", "ын")


def _title_place(text: str, toks: Tokens, j: int, w: Words, index: Index | None) -> bool:
    """Whether token ``j``, right after a title, is a town or region in an oblique case: the
    place of the office ("мэр X", "міський голова X" with X in the genitive), not a surname (a
    surname after a title is written in the title's case, and is no town under its
    dictionary form)."""
    if index is None or not toks.cap[j] or toks.script[j] != "cyrillic":
        return False
    key = toks.keys[j]
    if key in w["first_names"] or key.endswith(_SURNAME_NOMINATIVE):
        return False
    return any(
        base != key
        and any(c.place.kind != "country" for c in index.candidates(base, variants=False))
        for base in _base_key(text, toks, j)
    )


def _country_goes_on(toks: Tokens, i: int, length: int, index: Index | None) -> bool:
    """Whether the name of a medium or an organisation at token ``i`` goes on, with the
    capitalised words after it, into a country's name (with or without its first word, an
    article): "la República Checa" beside the newspaper "La República"."""
    if index is None:
        return False
    n = len(toks)
    end = i + length
    while end < n and end - i - length < 2 and toks.join[end - 1] == 1 and toks.cap[end]:
        end += 1
        if index.is_country_key(toks.joined(i, end - i)) or (
            end - i > 2 and index.is_country_key(toks.joined(i + 1, end - i - 1))
        ):
            return True
    return False


def _country_phrase(text: str, toks: Tokens, j: int, index: Index | None) -> bool:
    """Whether tokens ``j`` and ``j + 1`` name a country, in any case ("Великої Британії",
    "Соединённых Штатов")."""
    if index is None or not (toks.cap[j] and toks.cap[j + 1]) or toks.join[j] != 1:
        return False
    if index.is_country_key(toks.joined(j, 2)):
        return True
    if toks.script[j] != "cyrillic":
        return False
    forms_of = get_pack(_slavic_lang(toks, j)).morph("base_forms")
    if forms_of is None:
        return False
    phrase = text[toks.starts[j] : toks.ends[j + 1]].lower()
    return any(index.is_country_key(normalize_name(str(f))) for f in forms_of(phrase))


def _institution_adjective(text: str, toks: Tokens, i: int) -> bool:
    """Whether a capitalised Cyrillic word after a title is the adjective of an institution
    rather than a surname: an adjective follows it ("очільник Херсонської міської
    адміністрації"). Its forms are then not blocked all over the document as a surname's
    (they are the town's: "у Херсоні")."""
    j = i + 1
    if j >= len(toks) or toks.script[i] != "cyrillic" or toks.join[i] != 1:
        return False
    if toks.cap[j] or toks.script[j] != "cyrillic":
        return False
    is_adjective = get_pack(_slavic_lang(toks, i)).morph("is_adjective")
    word = text[toks.starts[j] : toks.ends[j]].lower()
    return is_adjective is not None and bool(is_adjective(word)[0])


def _slavic_lang(toks: Tokens, i: int) -> str:
    """Russian or Ukrainian for a Cyrillic word: its sentence's language when it is one."""
    lang = toks.sentence_lang[toks.sentence[i]] if toks.sentence_lang else "ru"
    return lang if lang in ("ru", "uk") else "ru"


def _base_key(text: str, toks: Tokens, i: int) -> set[str]:
    """Dictionary forms (keys) of a Cyrillic word, for matching a surname in another case."""
    if toks.script[i] != "cyrillic":
        return set()
    lang = toks.sentence_lang[toks.sentence[i]] if toks.sentence_lang else "ru"
    forms_of = get_pack(lang if lang in ("ru", "uk") else "ru").morph("base_forms")
    if forms_of is None:
        return set()
    word = text[toks.starts[i] : toks.ends[i]].lower()
    return {normalize_name(str(f)) for f in forms_of(word)}


def _surname_stems(surnames: set[str]) -> tuple[str, ...]:
    """The stems that every case form of the surnames begins with: "медведев" for
    "медведева", "бахмутов" for "бахмутов" (whose forms never give "бахмута", though both
    may come from one dictionary guess).

    Examples
    --------
    >>> sorted(_surname_stems({"медведева", "зеленского", "кравец"}))
    ['зеленск', 'кравец', 'кравц', 'медведев']
    """
    out: set[str] = set()
    for s in surnames:
        end = next((e for e in _slavic.SURNAME_CASE_ENDINGS if s.endswith(e)), "")
        out.add(s[: len(s) - len(end)] if len(s) - len(end) >= 3 else s)
        if s.endswith(("ец", "ок", "ек")):
            out.add(s[:-2] + s[-1])  # the vowel that drops in the other cases: Кравца
    return tuple(out)


def _plural_of_surname(key: str, surnames: set[str]) -> bool:
    """Whether ``key`` is a plural case form of one of the Cyrillic ``surnames`` that ends in
    a consonant (declined as a noun): the name of a town in the plural, not the person.

    Examples
    --------
    >>> _plural_of_surname("ясенах", {"ясен"}), _plural_of_surname("ясена", {"ясен"})
    (True, False)
    >>> _plural_of_surname("медведевых", {"медведев"})
    False
    """
    for s in surnames:
        if (
            len(s) > 3
            and key.startswith(s)
            and s[-1:] not in "аеиоуыэюяіїєй"
            and key[len(s) :] in _slavic.PLURAL_NOUN_ENDINGS
        ):
            return True
    return False


def _other_gender(key: str, surnames: set[str]) -> bool:
    """Whether ``key``, a form of an adjective that is also a surname of the document,
    takes a gender that surname cannot: "ясенове" and "ясеновому" (the neuter town) are no
    forms of a woman's "Ясенова", "шпакове" none of a man's "Шпаковий". Every surname
    of the same stem must disagree.

    Examples
    --------
    >>> _other_gender("ясеновому", {"ясенова"}), _other_gender("ясеновои", {"ясенова"})
    (True, False)
    >>> _other_gender("шпакове", {"шпаковии"}), _other_gender("шпаковому", {"шпаковии"})
    (True, False)
    >>> _other_gender("шпакін", {"шпакіна"}), _other_gender("шпакіні", {"шпакіна"})
    (False, True)
    """
    considered = agree = False
    endings: tuple[str, ...]
    wrong: tuple[str, ...]
    for s in surnames:
        if s.endswith(("а", "я")):
            stem, endings, wrong = s[:-1], _slavic.FEMININE_ENDINGS, _slavic.NOT_FEMININE_ENDINGS
        elif s.endswith(_slavic.MASCULINE_ADJECTIVE):
            stem, endings, wrong = s[:-2], ("",), _slavic.NOT_MASCULINE_ENDINGS
        else:
            # a surname declined as a noun ("Горобець": "Горобця") may take any form
            agree = agree or key.startswith(s[: max(3, len(s) - 2)])
            continue
        if len(stem) < 3 or not key.startswith(stem):
            continue
        considered = True
        end = key[len(stem) :]
        agree = agree or (end.endswith(endings) and not end.endswith(wrong))
        if s.endswith(_slavic.POSSESSIVE_SURNAMES):
            # "Олександра Шпакіна" is also a man's genitive: his forms agree too
            agree = agree or key[len(s) - 1 :] in _slavic.MASCULINE_NOUN_ENDINGS
    return considered and not agree


def _surname_forms(surnames: set[str], toks: Tokens, text: str) -> set[str]:
    """Dictionary forms of the Cyrillic surnames of a document ("Медведева" and
    "Медведев" are one person)."""
    out: set[str] = set()
    for i, key in enumerate(toks.keys):
        if key in surnames and toks.script[i] == "cyrillic":
            out |= _base_key(text, toks, i)
    return out


def _block_chain(text: str, toks: Tokens, out: list[bool], start: int, most: int) -> None:
    """Block the capitalised tokens from ``start`` on (a name: "Dwight D. Eisenhower")."""
    keys, cap = toks.keys, toks.cap
    j = start
    while j < len(keys) and j - start < most and cap[j]:
        out[j] = True
        if j + 1 >= len(keys):
            break
        gap = text[toks.ends[j] : toks.starts[j + 1]]
        initial = toks.ends[j] - toks.starts[j] == 1 and gap == ". "
        if toks.join[j] == 0 and not initial:
            break
        j += 1


def _block_credits(text: str, toks: Tokens, w: Words, out: list[bool]) -> None:
    """People named in wire credit lines; the names after "in"/"at" stay places."""
    keys, cap, join = toks.keys, toks.cap, toks.join
    n = len(keys)
    cue_ends = {c.rsplit(" ", 1)[-1] for c in w.credits}
    places = w["credit_places"]
    credit_first = w.credit_first
    for i in compress(range(n), map(credit_first.get, keys)):
        lengths = credit_first[keys[i]]
        for length in lengths:
            if i + length > n or toks.joined(i, length) not in w.credits:
                continue
            # the credit runs to the closing parenthesis, a semicolon or the line's end
            stop = len(text)
            for c in (")", ";", "\n"):
                k = text.find(c, toks.ends[i + length - 1])
                if k >= 0:
                    stop = min(stop, k)
            j = i + length
            # after "in"/"at" the credit lists places ("in Tulsa, Oklahoma", "in Kyiv and
            # Lviv") until a name followed by "in"/"at" again starts the next person ("in Kyiv
            # and Mark Hale in Lviv")
            placing = False
            while j < n and toks.starts[j] < stop:
                prev = keys[j - 1]
                if not cap[j - 1] and prev in places:
                    placing = True
                elif prev in cue_ends:
                    placing = False
                after_list = (
                    prev in cue_ends
                    or prev in w["after_list"]
                    or "," in text[toks.ends[j - 1] : toks.starts[j]]
                )
                if cap[j] and not out[j] and after_list:
                    end = j
                    while end + 1 < n and toks.starts[end + 1] < stop and cap[end + 1]:
                        if join[end] == 0:
                            break
                        end += 1
                    nxt = end + 1
                    if placing and not (
                        nxt < n and toks.starts[nxt] < stop and keys[nxt] in places
                    ):
                        j = end + 1
                        continue  # a place listed after the person's
                    for k in range(j, end + 1):
                        out[k] = True
                    j = end
                j += 1
            break


def _block_photo_credits(text: str, toks: Tokens, w: Words, out: list[bool]) -> None:
    """The photographer of a photo credit: "in Odesa, Sydney Brooks/AFP", "Photo: Jordan
    Bell/Reuters". Two or three capitalised words opening with a given name, after a comma,
    a colon or a sentence's end and glued to "/" and an agency's capitalised name, are a
    person, not a place; the place before the comma stays one. A name written in capitals
    ("NEW YORK/AFP") is a dateline's place and stays one."""
    keys, cap, join = toks.keys, toks.cap, toks.join
    n = len(keys)
    given = w.union("first_names", "place_first_names")
    least, most = config.GEOPARSE_PHOTO_CREDIT_NAME_WORDS
    for end in range(n - 1):
        if (
            not cap[end]
            or not cap[end + 1]
            or text[toks.ends[end] : toks.starts[end + 1]].strip() != "/"
            or text[toks.ends[end]] != "/"
        ):
            continue
        start = end
        while start > 0 and end - start + 1 < most and cap[start - 1] and join[start - 1] == 1:
            start -= 1
        # the name's first word is a given name: "Odesa, Sydney Brooks" takes Sydney, not Odesa
        while start < end and keys[start] not in given:
            start += 1
        if end - start + 1 < least or keys[start] not in given:
            continue
        if any(text[toks.starts[k] : toks.ends[k]].isupper() for k in range(start, end + 1)):
            continue
        k = toks.starts[start] - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] not in ",:;.\n(":
            continue
        for k in range(start, end + 1):
            out[k] = True


def _block_bylines(text: str, toks: Tokens, w: Words, out: list[bool]) -> None:
    """The author of a byline: a line "Par Mathilde Ngo Bassa (Douala, correspondance)" or
    "By Martin Hale". The place in brackets after the name stays a place."""
    keys, cap, join = toks.keys, toks.cap, toks.join
    n = len(keys)
    byline, particles = w["byline_words"], w["name_particles"]
    for i in [i for i in range(n - 1) if keys[i] in byline]:
        if not cap[i] or join[i] != 1 or not cap[i + 1]:
            continue
        line_start = text.rfind("\n", 0, toks.starts[i]) + 1
        if text[line_start : toks.starts[i]].strip():
            continue
        j = i + 1
        while j < n and j - i <= 5 and (cap[j] or keys[j] in particles):
            out[j] = True
            if join[j] != 1:
                break
            j += 1


def is_surname(key: str, w: Words, index: Index) -> bool:
    """Whether a capitalised word after a place-like given name is a surname: no common
    word, no demonym, and no place of note ("Bardella", not "Valley" or "Kharkiv")."""
    if key in w["common"] or key in w["demonyms"] or len(key) < 2:
        return False
    if not index.has(key):
        return True
    cs = index.candidates(key, variants=False)
    return not cs or (cs[0].place.kind == "city" and cs[0].prior < config.GEOPARSE_NOTABLE_PRIOR)


def _quote_gap(text: str, toks: Tokens, i: int) -> bool:
    """Whether token ``i`` is followed by a capitalised token, maybe after a quote mark."""
    if not toks.cap[i + 1]:
        return False
    gap = text[toks.ends[i] : toks.starts[i + 1]]
    return 0 < len(gap) <= 3 and "\n" not in gap and all(c in _SPACES or c in _QUOTES for c in gap)


# --------------------------------------------------------------------------- verdicts


def verdict(
    text: str,
    toks: Tokens,
    i: int,
    length: int,
    key: str,
    lower_words: set[str],
    w: Words,
    index: Index,
) -> int | None:
    """Whether tokens ``i..i+length-1`` (key ``key``) can name a place here.

    Returns
    -------
    int or None
        None: not a place; :data:`COMMON_ONLY`, :data:`REGION_ONLY`, :data:`GIVEN_NAME`;
        else the span's soft level (see :attr:`geo.model.Span.soft`).
    """
    keys = toks.keys
    n = len(keys)
    last = i + length - 1
    of_words, org_before = w.of_words, w["org_before_of"]
    # named things: "groupe de Minsk", "Minsk Group", "traité de Versailles"
    if i >= 2 and keys[i - 1] in of_words and keys[i - 2] in org_before:
        return None
    if (
        i >= 3
        and keys[i - 1] in ("la", "l")
        and keys[i - 2] in of_words
        and keys[i - 3] in org_before
    ):
        return None
    units = w["own_units"]
    bodies = w.union("org_tails", "org_chain_tails")

    def body_at(j: int) -> bool:
        return j < n and toks.cap[j] and keys[j] in bodies and toks.join[j - 1] == 1

    # "Millbrook City Council", "Ashford County Commission", "Westfield State University": the
    # place's own body, its noun right after the unit, still names the place ("Riverton
    # Board of Trade", "Eastvale State Emergency Management Agency" do not)
    own = (
        # the unit inside the name only when it is a region noun ("Clarke County Board";
        # "Millbrook City Council" is Millbrook's)
        (
            length > 1
            and keys[last] in units
            and keys[last] in w["region_after"]
            and body_at(last + 1)
        )
        or (
            last + 1 < n
            and toks.cap[last + 1]
            and keys[last + 1] in units
            and toks.join[last] == 1
            and body_at(last + 2)
        )
    )
    if last + 1 < n and toks.join[last] == 1 and not own:
        nxt = keys[last + 1]
        tails, capital = w["org_tails"], w["org_tails_capital"]
        if nxt in tails and (nxt not in capital or toks.cap[last + 1]):
            return None
        if (
            nxt in w["street_tails"]
            and toks.cap[last + 1]
            and not _title_of_next_name(toks, last + 1, w)
        ):
            return None  # "Bristol Road", "Fresno St.": a street named after the place
        # "Myanmar National Democratic Alliance Army": a capitalised chain ending in an
        # institution's noun
        chain_tails = w["org_chain_tails"]
        j = last + 1
        while j < n and j - last <= 4 and toks.cap[j] and not toks.particle[j]:
            if keys[j] in capital or keys[j] in chain_tails:
                return None
            if toks.join[j] != 1 and not (
                j + 1 < n
                and keys[j] not in w["titles"]
                and _POSSESSIVE_GAP.fullmatch(text, toks.ends[j], toks.starts[j + 1])
            ):
                # a possessive goes on ("X People's Liberation Army"), but not a title's:
                # "the X President's Y Initiative" is a body of X's own president
                break
            j += 1
    natural = w["natural"]
    after_feature = (i >= 1 and keys[i - 1] in natural and toks.join[i - 1] != 0) or (
        i >= 2 and keys[i - 1] in of_words and keys[i - 2] in natural
    )
    if after_feature and not index.curated(key):
        # "lac Sevan", "Lake Sevan", "mer d'Azov": the feature, not the town
        return None
    if in_acronym_name(text, toks, i, length, w, index):
        return None
    if (
        i >= 1
        and keys[i - 1] in w["plural_determiners"]
        and toks.join[i - 1] == 1
        # "la province des Balé": a region noun before the article names the region
        and not (i >= 2 and keys[i - 2] in w["region_before"] and toks.join[i - 2] == 1)
        and not any(text[toks.ends[j] - 1] in "sxSX" for j in range(i, last + 1))
        and not any(index.is_area(c) for c in index.candidates(key, variants=False)[:3])
    ):
        # "aux Fano", "la colère des Amhara": a people or a group; French plural place
        # names end in -s or -x ("aux Comores", "des Landes")
        return None
    demonyms = index.demonyms(w)
    if length == 1:
        if len(key) < 2 or key.isdigit() or toks.particle[i]:
            return None
        if _ROMAN_ORDINAL.fullmatch(text[toks.starts[i] : toks.ends[i]]):
            return None
        if key in w["always_common"]:
            return REGION_ONLY if index.region_named(toks, i, length, key, w) else None
        if (
            key in w.union("region_after", "district_after")
            and i >= 1
            and toks.cap[i - 1]
            and toks.join[i - 1] == 1
        ):
            return None  # "Sambir Raion", "Idlib Province": the unit's noun, no place alone
        if key in demonyms:
            return None
        word = text[toks.starts[i] : toks.ends[i]]
        if len(word) <= 4 and word.isupper() and not index.acronym_ok(text, toks, i, key):
            return None
        titled = toks.titled[toks.sentence[i]]
        initial = toks.initial[i] or titled
        if (
            key in w["common"]
            or key in w["stopwords"]
            or key in w["months"]
            or key in w["weekdays"]
        ):
            return None if initial else 2
        if initial and key in all_stopwords():
            return None  # "The tanker ..." inside a French text: a function word of any language
        if key in lower_words:
            return 2
        if key in w["first_names"]:
            # a given name on its own ("said Ali, a shopkeeper") is a person, unless it is
            # also the name of a city of note ("à Riad", "Nancy")
            cs = index.candidates(key, variants=False)
            if cs and cs[0].place.kind == "city" and not index.is_major(cs[0]):
                return GIVEN_NAME
        if toks.initial[i]:
            return 1
        return 3 if titled else 0
    words = [keys[j] for j in range(i, last + 1) if keys[j] not in w["connectors"]]
    common = w["common"]
    dotted = all(toks.ends[j] - toks.starts[j] <= 3 and toks.cap[j] for j in range(i, last + 1))
    if dotted and all(text[toks.ends[j] : toks.starts[j + 1]] == "." for j in range(i, last)):
        return 0  # "S.C.", "W.Va.", "N.Y.": an abbreviation, no common words
    if (
        all(x in common or x in demonyms for x in words)
        and not index.curated(key)
        # "República Checa", "Central African Republic": a country's name of common
        # words and demonyms is the country's
        and not index.is_country_key(key)
    ):
        if all(toks.hyphen_after[j] for j in range(i, last)):
            # "Cap-Haïtien": a hyphenated name that is a city of note's own
            cs = index.candidates(key, variants=False)
            if cs and cs[0].place.kind == "city" and cs[0].prior >= config.GEOPARSE_MAJOR_PRIOR:
                return 0
        if index.region_named(toks, i, length, key, w):
            return REGION_ONLY  # "la région du Sud-Ouest", "the North-West region"
        if toks.cap[i] and not toks.initial[i] and _after_place_preposition(toks, i, w):
            # "refugiados en Villa Nueva", "jusqu'à La Source": a name of common words
            # written after a preposition of place is left to the context (soft)
            return 2
        if (
            toks.cap[i]
            and not toks.initial[i]
            and not toks.titled[toks.sentence[i]]
            and listed_beside_place(text, toks, i, last, w, index)
        ):
            # "en Regidor, Río Viejo y Gamarra": a name of common words in a list beside a
            # town of its region is left to the context (soft)
            return 2
        # (a dateline's town in capitals opens its line: "CIUDAD VICTORIA, Tamps.", whose
        # region after it may make it the town)
        shouting = text[toks.starts[i] : toks.ends[last]].isupper()
        return COMMON_ONLY if toks.cap[i] and (not toks.initial[i] or shouting) else None
    return 0


_OF: Final = frozenset({"de", "d", "du", "des", "of", "del"})


def _after_place_preposition(toks: Tokens, i: int, w: Words) -> bool:
    """Whether token ``i`` follows, after a space, a preposition of place in lower case
    that is no "of" ("en", "hacia", "dans", "vers"; not "de", whose names are an
    institution's as often as a place's)."""
    j = i - 1
    return (
        j >= 0
        and toks.join[j] == 1
        and not toks.cap[j]
        and toks.keys[j] in w["place_prepositions"]
        and toks.keys[j] not in w.of_words
        and toks.keys[j] not in _OF
    )


@functools.cache
def all_stopwords() -> frozenset[str]:
    """The stop words of every language pack."""
    return words_for(LANGUAGES)["stopwords"]


def in_acronym_name(text: str, toks: Tokens, i: int, length: int, w: Words, index: Index) -> bool:
    """Whether a name ends an institution's name followed by its acronym: "Front de
    libération du peuple du Tigré (TPLF)", "Tehreek-e-Taliban Pakistan (TTP)"; not
    "Kharkiv (AFP)"."""
    last = i + length - 1
    m = _ACRONYM_AFTER.match(text, toks.ends[last])
    if m is None or i == 0:
        return False
    akey = normalize_name(m.group(1))
    if len(akey) < 3 or index.has(akey) or akey in w.phrases:
        return False
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
    if any(toks.cap[j] and keys[j] in w["org_heads"] for j in range(first, i)):
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


def lower_country_words(names: Iterable[str], w: Words) -> frozenset[str]:
    """Words written in lower case inside country and region names ("Arabie saoudite",
    "République démocratique du Congo")."""
    found: set[str] = set()
    for name in names:
        found.update(x for x in re.findall(r"[^\W\d_]+", name) if x.islower())
    return frozenset(normalize_name(x) for x in found) | w["lower_name_words"]


def derived_demonyms(country_names: Sequence[str], w: Words) -> frozenset[str]:
    """Nationality words built from country names with the packs' ending rules."""
    names = {normalize_name(c) for c in country_names}
    out = {word for c in names for _, word in demonym_forms(c, w.demonym_endings)}
    return frozenset(out - names)
