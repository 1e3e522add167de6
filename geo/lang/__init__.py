"""Language packs: everything geo knows about a language, held as data.

One pack per language lives in ``geo/lang/<code>/pack.toml`` (``en``, ``fr``, ``es``, ``ru``,
``uk``, ``ar``), and ``geo/lang/common/pack.toml`` holds what belongs to no one language
(news media, international organisations, wire-credit phrases). Where a language needs code
(Russian and Ukrainian case endings, Arabic clitics) its folder has one small module,
``morph.py``, with the functions described in :class:`Morphology`.

A pack file has three tables:

``[words]``
    Named word lists, each a string of words separated by white space (``_`` stands for a
    space inside one entry: ``premier_ministre``). Entries are matched after
    :func:`geo.gazetteer.normalize_name` (case, accents and apostrophes do not matter).
``[phrases]``
    Named lists of multi-word phrases, one per line.
``[maps]``
    Named tables of ``key = value`` strings (``compass``: ``north = "nord"``).

``[meta]`` names the language (``code``, ``name``), its ``scripts`` (``latin``,
``cyrillic``, ``arabic``), whether the script is ``cased``, and ``sources``: where each list
comes from. :data:`WORD_LISTS`, :data:`PHRASE_LISTS` and :data:`MAPS` name every list the
code reads and what it is for; a pack may leave any of them out.

Examples
--------
>>> pack = get_pack("fr")
>>> pack.name, "le" in pack.words["stopwords"]
('French', True)
>>> detect_language("Les combats ont repris dans la région, selon le ministère.")
'fr'
"""

from __future__ import annotations

import functools
import importlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from types import ModuleType
from typing import Final

from geo.errors import DataError, InputError

__all__ = [
    "LANGUAGES",
    "MAPS",
    "PHRASE_LISTS",
    "WORD_LISTS",
    "LanguagePack",
    "demonym_forms",
    "detect_language",
    "get_pack",
    "normalize_word",
    "script_of",
    "word_frequency",
]

#: Languages with a pack, in the order detection breaks ties.
LANGUAGES: Final = ("en", "fr", "es", "ru", "uk", "ar")

#: Word lists read by the code, and what each is for.
WORD_LISTS: Final = {
    "stopwords": "frequent function words: language detection; never place names alone",
    "common": "words capitalised at the start of a sentence or in headlines that are no "
    "place alone there (many are names of villages somewhere)",
    "always_common": "words that are no place alone even when capitalised mid-sentence",
    "months": "month names and their abbreviations",
    "weekdays": "weekday names and their abbreviations",
    "titles": "titles before a person's name (Mr, général, президент)",
    "place_titles": "titles of a town's or region's office that take the place's name in the "
    "genitive right after them (мэр X, голова X): an inflected town there is the office's "
    "place, not a surname",
    "person_nouns": "nouns of people by trade or place in life after an indefinite article that "
    "describe the person just named (a trader, une commerçante, un campesino)",
    "first_names": "given names (a capitalised word after one is a surname)",
    "surnames": "frequent family names (a feature: a name that is one may be a person's)",
    "place_first_names": "given names that are also names of notable places (Jordan)",
    "demonyms": "nationality and ethnic words the rules built from country names miss",
    "demonym_suffixes": "endings that turn a country name into its demonym (-ian, -ien, -ский)",
    "org_heads": "first words of institutions' names (Ministry, Université)",
    "state_heads": "first words of the names of a state's ministries, forces and services "
    "that take the state's name after them (Минобороны Беларуси, МЗС Польщі): the country or "
    "region there is part of the name, not a place of the story",
    "org_tails": "words after a place name that make a named thing (Group, Agreement)",
    "org_tails_capital": "org_tails that count only when capitalised (Times, Army)",
    "org_chain_tails": "last words of institutions reached through a capitalised chain",
    "own_units": "local units between a place name and an institution's noun that make it "
    "the place's own institution, still a mention of the place (Millbrook City Council)",
    "org_before_of": "words before of/de + place that make a named thing (groupe de Minsk)",
    "connectors": "words that join the tokens of a multi-word proper name (de, of, al)",
    "name_particles": "particles inside person names (von, bin, ould)",
    "origin_particles": "particles that join a person's given name and surname to the place "
    "they come from (Juan Pérez de Cali), not part of the name",
    "chain_connectors": "small words inside an institution's name (de, of, for)",
    "region_chain_prepositions": "chain_connectors that go on into a region only (по: ГУ МЧС по X "
    "области), not into a town alone (удар ВСУ по X: the target)",
    "list_words": "words inside a list of names (and, et, de)",
    "after_list": "conjunctions after which a list of names goes on (and, et, и)",
    "elisions": "elided words glued to the next by an apostrophe (l', d', qu')",
    "abbreviations": "abbreviations followed by a period that does not end a sentence",
    "region_before": "region nouns before a name (province of, oblast, محافظة)",
    "dative_prepositions": "prepositions of place that also take a person (a, à, to: a "
    "dijo a X, parler à X): after one a surname of the story stays the person's",
    "region_heads_outside": "region nouns before a name that stay outside the name's span "
    "when the name alone names the same region (l'État de Borno: Borno)",
    "weak_prepositions_not": "place prepositions of uncased text that take any noun as often "
    "as a place (من, على: from, on): no cue for a rare word after them",
    "facility_cues": "nouns of facilities named after their place in uncased text (ميناء, "
    "معبر, حقل: the port, crossing, oil field of X): the name after one is a place the "
    "gazetteer may lack, outside the facility's noun",
    "place_particles": "particles that begin two-word place names in uncased text and join "
    "the next word (أبو, بني, ود: Abu X, Bani X, Wad X)",
    "feature_heads": "nouns that begin the names of mountains, valleys, rivers, lakes and "
    "hills in uncased text and stay in their span (جبل, وادي, نهر, تل): the name after one "
    "is a feature the gazetteer may lack",
    "name_adjectives": "adjectives after a village's name that belong to it in uncased text "
    "(الغربية, الصغرى: X al-Gharbiya is another village than X)",
    "region_after": "region nouns after a name (province, Oblast, область)",
    "unit_nouns_after": "lower-case nouns of first-level and second-level units after a "
    "unit's name that its mention covers (the Kayes region, Tanganyika province)",
    "not_unit_cues": "unit nouns after a name that follow adjectives as often as names (the "
    "Himalayan region, Gulf states, région, estado): no cue that the word before is a place "
    "the gazetteer lacks",
    "feature_after": "lower-case nouns of natural features written after a name that the "
    "mention leaves out (the X forest, the X hills): a rare name before one is a place the "
    "gazetteer may lack",
    "district_after": "the region_after nouns of districts named after their centre (район)",
    "region_qualifiers": "lower-case adjectives between a region's adjective and its noun "
    "(городском округе, міській територіальній громаді)",
    "soft_region": "region nouns also used for a city's surroundings (région, region)",
    "part_before": "lower-case adjectives of a part of an area written right before its name "
    "(upper X, northern X): a name a town and its region bear is, after one, the region "
    "unless the town is a metropolis (a soft region cue)",
    "near": "words before a name that make the location approximate (near, près de)",
    "compass_words": "compass adjectives and nouns between a place and the region or country "
    "it lies in ('X, northern Y', 'X на севере Y'): the second name places the first",
    "country_before": "words right before a name, or before one of country_links before it, "
    "that make it a country's name rather than a same-named region's (neighbouring X, the "
    "border with X)",
    "country_links": "words between a country_before word and the country's name (with, into)",
    "area_nouns": "lower-case nouns and adjectives of a town's countryside or jurisdiction "
    "between a village's name and its town (X, en zona rural de Y): the town anchors the "
    "village",
    "compass_regions": "compass words that name a country's first-level unit alone, "
    "capitalised, after an article or joined by hyphens (l'Est, le Centre-Nord)",
    "settlement_before": "nouns of villages, hamlets and localities before a name (village of, "
    "vereda, село, قرية): the capitalised name after one is a place the gazetteer may lack",
    "settlement_of": "nouns of villages that are settlement_before nouns only before 'of' and "
    "a name (la comunidad de X): without it the word after them is a people's or an adjective",
    "settlement_after": "nouns of small settlements after a name (X village, X hamlet)",
    "place_cues": "words meaning near that take no person (near, près, возле, біля): the "
    "capitalised name after one is a place the gazetteer may lack",
    "residents_before": "nouns of the people of a place written before 'of' and its name "
    "(residents of, villagers of): the capitalised name after one is a place the gazetteer may "
    "lack when it is a rare word",
    "compound_heads": "first words of place names that uncased text writes glued to the rest "
    "of the name or apart from it (كفر, دير: كفرنبل and كفر نبل are one name)",
    "facility_before": "nouns of facilities named after the place that follows them in "
    "uncased text (ميناء: the port of, مطار: the airport of)",
    "place_prepositions": "prepositions that usually precede a place (in, à, в, في)",
    "place_only_before": "lower-case words after which a capitalised name is a place, not a "
    "person: prepositions that take no person (en, desde, hacia; dans, vers) and settlement "
    "nouns (ciudad, pueblo; ville, village): a surname of the document there is the town's",
    "facility_of_note": "facility_before nouns of facilities also named after people "
    "(مستشفى: hospital): the place after one must be a town of note",
    "plural_settlements": "plural settlement and region nouns in uncased text: a common word "
    "after one is where they lie, not their name (مدن البلاد: the towns of the country)",
    "water": "generic nouns of water bodies (lake, mer, река)",
    "natural": "nouns of natural features: the name after one is the feature's",
    "town_features": "nouns of water bodies usually named after a town on their shore "
    "(reservoirs, estuaries, bays: водохранилище, лиман, бухта): an adjective of a town before "
    "one that the gazetteer lacks as a whole is placed at that town",
    "feature_starts": "lower-case words that may begin a place name (bande de Gaza)",
    "feature_ends": "words that may end a place name (corridor, strip, heights)",
    "determiners": "articles before a river's name (the, le, la, el)",
    "saint_tails": "nouns of churches and saints' institutions after a saint's name (St. "
    "Mary's Hospital, St Andrew Church): the saint's name there is the building's, not a "
    "place named after the saint",
    "name_heads": "generic words that, capitalised right before a name (or before 'de' and "
    "the name), are the first word of a place's name the gazetteer lacks (Alto Orinoco, "
    "Bajo Calima, Caño Cristales, Boca de Tigre): the mention covers them, the key stays the "
    "name's",
    "name_articles": "articles that, capitalised inside a sentence before a name, are the "
    "first word of the place's name even where the gazetteer writes it without them (Las "
    "Palmas, Los Llanos)",
    "articles": "articles that open a noun phrase in apposition (a, the, un, una): 'X, a "
    "village' makes X a place",
    "indefinite_articles": "indefinite articles (a, an, un, une, una): the capitalised word "
    "after one, before a unit's noun, is an adjective, not the unit's name (a Catholic "
    "district)",
    "office_nouns": "nouns of offices and office holders written after a unit's noun (LGA "
    "chairman, district official): the capitalised word before the unit's noun there is often "
    "a person's name, not a unit's the gazetteer lacks",
    "after_the_river": "lower-case words that may follow 'the Dnipro' when it is the river",
    "river_before": "lower-case words right before a name that make it a river's, in "
    "languages without articles (берег, через, уздовж: bank of, across, along)",
    "river_locative": "prepositions that make a name in the locative a river's (на Дніпрі: on "
    "the river; the town takes у/в)",
    "locative_endings": "endings of names in the locative case after a river_locative "
    "preposition (і: на Дніпрі)",
    "plural_determiners": "plural articles before a people's name (les, aux, des)",
    "vessel_cues": "nouns before a ship's name (tanker, navire, USS)",
    "quoted_name_cues": "nouns after which a name in quotes is a named unit or group, not the "
    "place it is named after (группировка войск «Днепр», угруповання «Південь»)",
    "club_heads": "words that begin a sports club's name (FC, Dynamo, Shakhtar)",
    "byline_words": "words that open a byline (By, Par, Por, Автор)",
    "credit_places": "lower-case words before the place of a credit line's person (Reporting "
    "by X in Kyiv; à, en, в): the capitalised names after one are places, not people",
    "lower_name_words": "lower-case words inside names of countries and regions (centrale)",
    "arabic_articles": "Arabic articles written in Latin script (al, el, ad, ash)",
    "saints": "saint prefixes of place names (saint, st, san, são)",
    "feature_of_heads": "nouns of natural features and works written before 'de' and a town's "
    "or a region's name (le lac de X, la plaine de X, le plateau de X): the whole phrase is "
    "the feature's name, placed at that place",
    "route_heads": "nouns of roads and routes written before the towns they link, joined by "
    "hyphens (l'axe X-Y, la route X-Y-Z, the X-Y road's 'road' before it): each part is a "
    "town, also one the gazetteer lacks",
    "street_heads": "nouns of streets, squares and roundabouts written before their names "
    "(calle, glorieta, rue): the name after one is the street's, not the place it honours",
    "street_tails": "nouns of streets and roads written after their names, and their postal "
    "abbreviations (Street, Ave, Rd): capitalised after a name, the name is the street's, "
    "not the place it honours (Bristol Road, Fresno St.); one that is also a title or a saint's "
    "prefix opens the capitalised name after it instead (in Leeds Dr. Hale said)",
    "venue_heads": "nouns of bars, restaurants, hotels and clubs written right before their "
    "names (el bar La Cima, l'hôtel Ivoire, the Hotel Tripoli, кафе «Одеса»): the name "
    "after one is the venue's, not the place it honours",
    "saint_heads": "nouns of feasts and churches before a saint's name (fiesta de San Juan, "
    "église Saint-Pierre): the saint's name after one is no town's",
    "pronoun_suffixes": "attached pronouns that end a word in uncased text (ه ها هم: his, "
    "her, their): a frequent word with one is that word, not a place's name",
    "verb_affixes": "endings (وا: they did) and prefix_ending pairs (ي_ون: they do) of verb "
    "forms in uncased text: a frequent stem inside one is a verb, not a place's name",
}

#: Phrase lists read by the code.
PHRASE_LISTS: Final = {
    "media": "newspapers, agencies and broadcasters",
    "organisations": "organisations and named groups that contain place names",
    "people": "well-known people whose names are (also) place names",
    "credit_cues": "wire credit lines: the names after them are people (Reporting by)",
    "separatist_cues": "phrases that point at a separatist or occupied area",
}

#: Tables read by the code.
MAPS: Final = {
    "compass": "compass words and their equivalent in another language (north = nord)",
    "bearings": "compass words, in the forms 'N km north of' takes, to their bearing in degrees "
    "(north = 0, east = 90; a hyphenated pair such as north-east is the mean of its two)",
    "distance_units": "words and abbreviations of lengths to their length in metres (km = 1000)",
    "region_names": "names of regions that are not in the gazetteer, to the name of the "
    "town the region is named after (донеччина = донецьк)",
    "compass_units": "compass words that name first-level units after their noun and 'of' "
    "(el departamento del Centro), to the names the gazetteer gives such units in other "
    "languages, separated by '|' (centro = centre|central)",
    "region_abbreviations": "abbreviations of first-level regions that the press writes with "
    "a period after a town and a comma, to the region's name and its country's code "
    "(chih = chihuahua mx: 'Parral, Chih.')",
    "region_suffixes": "endings of region names formed from a relational adjective, to the "
    "adjective's ending ('щина = ська': Харківщина from харківська; the name of the region is "
    "the adjective with 'область', else the town the adjective is built from)",
    "spelling": "spelling variants tried when a name is not found, as 'from = to' over the "
    "normalised name (ou = u, dj = j); a 'from' ending in '$' is an ending of the name, "
    "tried only for a name that names nothing as written (sky$ = skyi)",
    "demonym_endings": "how country names become demonyms: an ending of the (normalised) "
    "name, removed, and the suffixes that replace it ('ie' = 'ien ienne'); '+a' keeps the "
    "ending, 'consonant' applies to names ending in a consonant",
    # transliteration (geo.geoparse.translit); their keys are kept as written, lower case
    # ("й" and "и" differ), "^" marking the start of a word and "$" its end
    "translit": "letters of the language's script to Latin, as the gazetteer's Latin names "
    "write them (Cyrillic: the Ukrainian national system, BGN/PCGN for Russian; Arabic: the "
    "consonant classes of a skeleton key)",
    "translit_press": "other common Latin spellings, as overrides of 'translit' (Avdeevka)",
    "translit_from_ru": "Russian spellings of place names to this language's (ино$ = ине)",
    "translit_from_uk": "Ukrainian spellings of place names to this language's (ове$ = ово)",
    "translit_alternatives": "other consonant classes tried when a skeleton finds nothing",
    "translit_latin": "Latin letters and digraphs to the consonant classes of 'translit'",
    "translit_countries": "countries whose places the gazetteer names in Latin "
    "transliterations of this language (ISO code = name)",
    "translit_far_countries": "countries of 'translit_countries' where the language is not "
    "written: a one-word reading there needs a cue or another name of that country "
    "(ISO code = name)",
    "translit_french": "the French spelling of names written in this language's script, as "
    "overrides of 'translit', tried when the English-style keys name nothing (у = ou)",
    "translit_spanish": "the Spanish spelling of names written in this language's script, as "
    "overrides of 'translit', tried when the English-style keys name nothing (х = j)",
    "translit_french_countries": "countries whose places the gazetteer names in French "
    "orthography: those 'translit_french' may reach (ISO code = name)",
    "translit_spanish_countries": "countries whose places the gazetteer names in Spanish "
    "orthography: those 'translit_spanish' may reach (ISO code = name)",
}

_SCRIPTS: Final = {"latin", "cyrillic", "arabic", "other"}


class Morphology:
    """What a language's ``morph.py`` module provides (all functions optional).

    ``base_forms(word: str) -> tuple[str, ...]``
        Candidate dictionary forms of a word as written (lower case), most likely first,
        the word itself included: ``"харькове"`` gives ``("харьков", "харькове")``.
    ``adjective_bases(word: str) -> tuple[str, ...]``
        Place names an adjective may be built from: ``"донецкой"`` gives
        ``("донецк", ...)``; empty when the word is no adjective.
    ``strip_clitics(word: str) -> tuple[int, ...]``
        Offsets inside a word where a place name may start after attached particles:
        ``"وبالخرطوم"`` gives ``(0, 2)`` or similar.
    ``normalize(text: str) -> str``
        Text normalised for dictionary matching with the same length as ``text`` (one
        character for one), so offsets carry over.
    ``strip_marks(text: str) -> tuple[str, tuple[int, ...]]``
        The text without the marks the language may leave out (Arabic vowel marks), which
        the event rules are written without, and the offset in ``text`` of each character
        kept (empty when nothing was removed).
    """


@dataclass(frozen=True)
class LanguagePack:
    """The data of one language (see the module docstring for the file format).

    Attributes
    ----------
    code, name : str
        ISO 639-1 code and English name.
    scripts : frozenset of str
        Scripts the language is written in.
    cased : bool
        Whether capital letters mark proper names.
    words : mapping of str to frozenset of str
        Normalised word lists by name; every name of :data:`WORD_LISTS` is present.
    phrases : mapping of str to tuple of str
        Phrase lists by name, as written; every name of :data:`PHRASE_LISTS` is present.
    maps : mapping of str to mapping of str to str
        Normalised tables by name; every name of :data:`MAPS` is present.
    sources : mapping of str to str
        Where each list comes from.
    morphology : module or None
        The language's ``morph.py``, when it has one.
    """

    code: str
    name: str
    scripts: frozenset[str]
    cased: bool
    words: Mapping[str, frozenset[str]]
    phrases: Mapping[str, tuple[str, ...]]
    maps: Mapping[str, Mapping[str, str]]
    sources: Mapping[str, str] = field(default_factory=dict)
    morphology: ModuleType | None = None

    def morph(self, name: str) -> Callable[..., tuple[object, ...]] | None:
        """The morphology function ``name`` of this language, or None."""
        if self.morphology is None:
            return None
        fn: Callable[..., tuple[object, ...]] | None = getattr(self.morphology, name, None)
        return fn


def normalize_word(text: str) -> str:
    """The matching key of a list entry: :func:`geo.gazetteer.normalize_name`.

    Examples
    --------
    >>> normalize_word("Président")
    'president'
    """
    from geo.gazetteer import normalize_name

    return normalize_name(text.replace("_", " "))


def _map(name: str, table: Mapping[str, str]) -> dict[str, str]:
    """A table of a pack, normalised; the transliteration tables (``translit*``) keep their
    letters as written, in lower case ("й" is not "и" there)."""
    if name.startswith("translit"):
        return {_raw(k): _raw(v) for k, v in table.items()}
    return {normalize_word(k): normalize_word(v) for k, v in table.items()}


def _raw(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _words(text: str) -> frozenset[str]:
    return frozenset(k for k in (normalize_word(w) for w in text.split()) if k)


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


@functools.cache
def get_pack(code: str) -> LanguagePack:
    """Return the pack of a language (``"en"``, ``"fr"``, ..., or ``"common"``).

    Raises
    ------
    InputError
        If there is no pack for ``code``.
    DataError
        If the pack file is missing or malformed.

    Examples
    --------
    >>> get_pack("ru").cased
    True
    """
    if code != "common" and code not in LANGUAGES:
        raise InputError(
            f"no language pack for {code!r}; use one of {', '.join(LANGUAGES)} (or leave the "
            "language out to detect it)"
        )
    where = f"geo/lang/{code}/pack.toml"
    try:
        raw = resources.files("geo.lang").joinpath(code, "pack.toml").read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise DataError(f"cannot read the language pack {where}: {err}; reinstall geo") from err
    meta = data.get("meta", {})
    unknown = (
        set(data.get("words", {})) - set(WORD_LISTS)
        | set(data.get("phrases", {})) - set(PHRASE_LISTS)
        | set(data.get("maps", {})) - set(MAPS)
    )
    if unknown:
        raise DataError(f"{where}: unknown list(s) {', '.join(sorted(unknown))}")
    scripts = frozenset(meta.get("scripts", ["latin"]))
    if not scripts <= _SCRIPTS:
        raise DataError(f"{where}: unknown script(s) {sorted(scripts - _SCRIPTS)}")
    words = {name: _words(data.get("words", {}).get(name, "")) for name in WORD_LISTS}
    phrases = {name: _phrases(data.get("phrases", {}).get(name, "")) for name in PHRASE_LISTS}
    maps = {name: _map(name, data.get("maps", {}).get(name, {})) for name in MAPS}
    morphology = None
    if resources.files("geo.lang").joinpath(code, "morph.py").is_file():
        morphology = importlib.import_module(f"geo.lang.{code}.morph")
    return LanguagePack(
        code=meta.get("code", code),
        name=meta.get("name", code),
        scripts=scripts,
        cased=bool(meta.get("cased", True)),
        words=words,
        phrases=phrases,
        maps=maps,
        sources=dict(meta.get("sources", {})),
        morphology=morphology,
    )


# --------------------------------------------------------------------------- detection

_WORD_RE: Final = re.compile(r"[^\W\d_]+")
#: Letters only one of Russian and Ukrainian uses.
_UK_LETTERS: Final = frozenset("ієїґІЄЇҐ")
_RU_LETTERS: Final = frozenset("ыэёъЫЭЁЪ")


def script_of(word: str) -> str:
    """The script of a word from its first letter: latin, cyrillic, arabic or other.

    Examples
    --------
    >>> script_of("Харків"), script_of("إدلب"), script_of("Idlib")
    ('cyrillic', 'arabic', 'latin')
    """
    for ch in word:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o < 0x1F00:
            return "latin"
        if 0x400 <= o < 0x530:
            return "cyrillic"
        if 0x600 <= o < 0x700 or 0x750 <= o < 0x780 or 0xFB50 <= o < 0xFF00:
            return "arabic"
        return "other"
    return "other"


@functools.cache
def _key_shares() -> dict[str, tuple[tuple[str, float], ...]]:
    """For each stop word: the languages it is a stop word of, each with its share of the
    evidence (1 / their number)."""
    return {
        key: tuple((code, 1.0 / len(codes)) for code in codes)
        for key, codes in _stopword_table().items()
    }


#: The stop-word shares of the words of language samples as written, memoised.
_WORD_SHARES: dict[str, tuple[tuple[str, float], ...]] = {}


def _word_shares(word: str) -> tuple[tuple[str, float], ...]:
    """The stop-word shares of a word as written (none for words of 20 letters or more)."""
    from geo import config

    found = _key_shares().get(normalize_word(word), ()) if len(word) < 20 else ()
    if len(_WORD_SHARES) < config.GEOPARSE_CACHE_SIZE:
        _WORD_SHARES[word] = found
    return found


@functools.cache
def _stopword_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for code in LANGUAGES:
        for w in get_pack(code).words["stopwords"]:
            table.setdefault(w, []).append(code)
    return {w: tuple(codes) for w, codes in table.items()}


def language_scores(
    text: str, *, sample_chars: int | None = None, keys: Iterable[str] | None = None
) -> dict[str, float]:
    """Evidence for each language: stop words (shared ones split) and script letters.

    ``keys``, when given, are the normalised words of the sample (a caller that tokenised
    the text already saves normalising them again).

    Examples
    --------
    >>> s = language_scores("В Харькове прогремели взрывы, сообщил мэр города.")
    >>> max(s, key=s.get)
    'ru'
    """
    from geo import config

    limit = config.LANG_SAMPLE_CHARS if sample_chars is None else sample_chars
    sample = text[:limit]
    scores = dict.fromkeys(LANGUAGES, 0.0)
    if keys is None:
        of_word = _WORD_SHARES.get
        for word in _WORD_RE.findall(sample):
            shares = of_word(word)
            if shares is None:
                shares = _word_shares(word)
            for code, share in shares:
                scores[code] += share
    else:
        of_key = _key_shares().get
        for key in keys:
            for code, share in of_key(key, ()):
                scores[code] += share
    uk = sum(sample.count(ch) for ch in _UK_LETTERS)
    ru = sum(sample.count(ch) for ch in _RU_LETTERS)
    scores["uk"] += config.LANG_LETTER_WEIGHT * uk
    scores["ru"] += config.LANG_LETTER_WEIGHT * ru
    return scores


def detect_language(
    text: str, *, sample_chars: int | None = None, keys: Iterable[str] | None = None
) -> str:
    """The language of ``text`` among :data:`LANGUAGES`, or ``"und"`` without evidence.

    Stop words of each pack are counted (a word shared by several languages counts for
    each in part); letters only Russian or only Ukrainian uses tip the balance between them.

    Examples
    --------
    >>> detect_language("Fighting resumed in the region, the ministry said on Monday.")
    'en'
    >>> detect_language("Los combates se reanudaron en la región, según el ministerio.")
    'es'
    >>> detect_language("قصفت الطائرات مدينة إدلب في شمال سوريا")
    'ar'
    """
    from geo import config

    scores = language_scores(text, sample_chars=sample_chars, keys=keys)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], LANGUAGES.index(kv[0])))
    (best, first), (_, second) = ranked[0], ranked[1]
    if first < config.LANG_MIN_EVIDENCE or first < config.LANG_MARGIN * second:
        # too few function words (a headline, a caption): the script still tells Arabic,
        # and Cyrillic text is Russian unless Ukrainian letters say otherwise
        limit = config.LANG_SAMPLE_CHARS if sample_chars is None else sample_chars
        script = _main_script(text[:limit])
        if script == "arabic":
            return "ar"
        if script == "cyrillic":
            if scores["uk"] != scores["ru"]:
                return "uk" if scores["uk"] > scores["ru"] else "ru"
            # no letter and no function word of either: the words only one of them uses
            # ("Сили ППО збили дрон над X": сили, збили are Ukrainian only)
            return "uk" if _words_only_in(text[:limit], "uk", "ru") > 0 else "ru"
        return "und"
    return best


def _words_only_in(sample: str, lang: str, other: str) -> int:
    """How many more words of ``sample`` the word frequencies know in ``lang`` but not in
    ``other`` than the other way round."""
    table = _frequencies()
    mine, theirs = table.get(lang, {}), table.get(other, {})
    balance = 0
    for word in _WORD_RE.findall(sample):
        key = normalize_word(word)
        here, there = key in mine, key in theirs
        balance += (here and not there) - (there and not here)
    return balance


def _main_script(sample: str) -> str:
    """The script most letters of ``sample`` are written in (latin when there are none)."""
    counts = {"latin": 0, "cyrillic": 0, "arabic": 0}
    for ch in sample:
        if ch.isalpha():
            o = ord(ch)
            if 0x400 <= o < 0x530:
                counts["cyrillic"] += 1
            elif 0x600 <= o < 0x700 or 0x750 <= o < 0x780:
                counts["arabic"] += 1
            elif o < 0x250:
                counts["latin"] += 1
    return max(counts, key=lambda k: counts[k])


@functools.cache
def _frequencies() -> dict[str, dict[str, float]]:
    import gzip

    from geo.io.files import data_dir

    path = data_dir() / "lang" / "frequencies.tsv.gz"
    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise DataError(
            f"cannot read the word frequencies {path}: {err}; reinstall geo or rerun "
            "scripts/build_word_frequencies.py"
        ) from err
    table: dict[str, dict[str, float]] = {code: {} for code in LANGUAGES}
    for line in lines[1:]:
        lang, key, zipf = line.split("\t")
        table.setdefault(lang, {})[key] = float(zipf)
    return table


def word_frequency(key: str, langs: Iterable[str]) -> float:
    """How common a word is (Zipf: log10 of uses per billion words; 0 when rare), the
    highest over ``langs``; ``key`` is a normalised key.

    From the word frequencies of ``wordfreq`` (``data/lang/frequencies.tsv.gz``).

    Examples
    --------
    >>> word_frequency("council", ["en"]) > 4.5, word_frequency("kharkiv", ["en"]) < 3.5
    (True, True)
    """
    table = _frequencies()
    return max((table.get(code, {}).get(key, 0.0) for code in langs), default=0.0)


def lists(codes: Iterable[str], name: str) -> frozenset[str]:
    """The union of one word list over several packs (and the common pack).

    Examples
    --------
    >>> "said" in lists(["en", "fr"], "stopwords")
    True
    """
    out: set[str] = set(get_pack("common").words.get(name, ()))
    for code in codes:
        out |= get_pack(code).words[name]
    return frozenset(out)


def demonym_forms(
    name: str, endings: Sequence[tuple[str, Sequence[str]]]
) -> Iterator[tuple[str, str]]:
    """The nationality words a pack's ``demonym_endings`` build from one normalised country
    name, each with the suffix that made it; none for names of several words or of fewer
    than four letters, or from a stem shorter than three.

    An ending is ``consonant`` (names ending in one take the suffixes), ``+a`` (names ending
    in -a keep it: "Syria-n"), or letters the name loses ("-ia" of "Tunisia" for "-ian").

    Examples
    --------
    >>> sorted(demonym_forms("kenya", [("+a", ("n",))]))
    [('n', 'kenyan')]
    """
    if " " in name or len(name) < 4:
        return
    for ending, suffixes in endings:
        if ending == "consonant":
            stem = name if name[-1] not in "aeiouy" else ""
        elif ending.startswith("+"):
            stem = name if name.endswith(ending[1:]) else ""
        else:
            stem = name[: -len(ending)] if name.endswith(ending) else ""
        if len(stem) >= 3:
            for suffix in suffixes:
                yield suffix, stem + suffix
