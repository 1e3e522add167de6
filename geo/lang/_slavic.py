"""Dictionary forms of Russian and Ukrainian place names: case-ending rules and pymorphy3.

The languages' ``morph.py`` modules (:mod:`geo.lang.ru.morph`, :mod:`geo.lang.uk.morph`) hold
their rule tables (:class:`Rules`) and call the two engines here:

- :func:`base_forms`: the nominative forms a word may come from. pymorphy3 (its Russian
  dictionary is OpenCorpora's) knows towns and guesses unknown words from
  their endings; case-ending rules add the candidates it misses (villages it guesses as
  surnames, Ukrainian ``і``/``о`` alternation: "Харкова" from "Харків"). pymorphy3's forms
  come first, then the rules' ones; names of several words ("Новой Каховке",
  "Ростове-на-Дону") are put back word by word.
- :func:`adjective_bases`: the towns a relational adjective is built from ("Донецкой" from
  "Донецк", "Запорізької" from "Запоріжжя"), from its ``-ск-``/``-цк-`` stem.

Both work on the raw lower-case word (``й``, ``ё``, ``ї`` kept) and return raw forms; callers
normalise them with :func:`geo.gazetteer.normalize_name` and keep the first one that is a
gazetteer name. Results are memoised by the callers (``functools.lru_cache``) and pymorphy3
is loaded once per process, on first use. Without pymorphy3 the rules alone answer.

Examples
--------
>>> from geo.lang.ru.morph import RULES
>>> rule_forms("харькове", RULES)[:1]
('харьков',)
>>> adjective_bases("курской", RULES)[:1]
('курск',)
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

__all__ = [
    "Rules",
    "adjective_bases",
    "analyzer",
    "base_forms",
    "is_adjective",
    "pymorphy_forms",
    "rule_forms",
]

#: Most words of a name put back word by word ("Ростове-на-Дону" is three).
_MAX_PARTS: Final = 4
#: Forms of each word of a many-word name combined, and forms returned for such a name.
_PART_FORMS: Final = 3
_MAX_COMBINED: Final = 8
#: Grammemes of pymorphy3 parses that name people, not places.
_PERSON: Final = frozenset({"Surn", "Name", "Patr"})
_VOWELS: Final = frozenset("аеёиоуыэюяіїє")
_ADJ_STEM: Final = re.compile(r"(?:[сц]ь?к|зьк)$")
#: Oblique endings of Russian and Ukrainian adjectives that few verbs or nouns share
#: (:func:`is_adjective` without pymorphy3).
ADJECTIVE_ENDINGS: Final = ("ого", "ому", "ой", "ую", "ых", "ыми", "ої", "ій", "их", "ими")

#: Case endings of Russian and Ukrainian surnames as keys (й folded to и): what is left is
#: the stem every form of the surname begins with.
SURNAME_CASE_ENDINGS_TEXT: Final = (
    "а я у ю ом ем ым им е ои еи ою ею ы и ых их ыми ими ого его ому ему ии ыи ая яя ую юю ое ее "
    "і ові еві ім ої"
)
#: The same, longest first.
SURNAME_CASE_ENDINGS: Final = tuple(sorted(SURNAME_CASE_ENDINGS_TEXT.split(), key=len)[::-1])

#: Plural case endings of Russian and Ukrainian nouns as keys: a surname declined as a noun
#: ("Ясен", "Шевчук") takes them for a family at most, a town named in the plural
#: ("Ясени", "Чебоксары") in every sentence.
PLURAL_NOUN_ENDINGS: Final = ("и", "ы", "ів", "ов", "ам", "ям", "ами", "ями", "ах", "ях")
#: Case endings (keys) of feminine adjectival surnames ("Ясенова", "Ясенівська").
FEMININE_ENDINGS: Final = ("а", "я", "ои", "еи", "ої", "іи", "у", "ю", "ою", "ею", "ую", "юю")
#: Endings (keys) of adjectival forms that are masculine, neuter or plural, never feminine.
NOT_FEMININE_ENDINGS: Final = ("ого", "его", "ому", "ему", "им", "ім", "ым", "ии", "ыи", "е", "і")
#: Endings (keys) of masculine adjectival surnames ("Шпаковий", "Ясеновой") in the
#: nominative, and the neuter and feminine endings such a man's name never takes.
MASCULINE_ADJECTIVE: Final = ("ии", "ыи", "ои", "іи")
NOT_MASCULINE_ENDINGS: Final = ("е", "ая", "яя", "ої", "ою", "ею", "ую", "юю", "ее", "ое")

#: Endings (keys) of the possessive surnames whose feminine nominative is also the
#: masculine genitive ("Шпакіна": she, or of him, "Шпакін"), and the endings of the
#: masculine forms such a man's name takes past its stem ("Шпакін", "Шпакіну"); the
#: locative ("о Петрове") is left out, as rare for a person as common for a town.
POSSESSIVE_SURNAMES: Final = ("ова", "ева", "єва", "іна", "ина", "ына", "їна")
MASCULINE_NOUN_ENDINGS: Final = frozenset({"", "а", "у", "ові", "ым", "им", "ом", "ем"})


@dataclass(frozen=True, eq=False)
class Rules:
    """How a language inflects place names (the data of its ``morph.py``).

    Attributes
    ----------
    lang : str
        ``"ru"`` or ``"uk"`` (the pymorphy3 dictionary).
    nouns : tuple of (str, tuple of str)
        Case endings and the nominative endings that replace them, in order of likelihood;
        every ending that a word has is tried, longest first. ``""`` matches every word
        (genitive plural "Сум" of "Сумы").
    adjective_endings : str
        Endings of relational adjectives in every case and gender ("ой ого ої"), separated
        by spaces.
    suffixes : tuple of (str, tuple of str)
        How the stem of a relational adjective before its ``-ск``/``-ськ`` suffix ("сум" of
        "сумская") ends, and the endings a town name adds to it, in order ("" = the stem
        itself); ``"*"`` applies to every stem, ``"V"`` to stems ending in a vowel (the
        "с" of the suffix swallowed that of the town: "одеська"). A key ``"-xy"`` drops
        ``xy`` first (the suffix ``-ен-`` of "пензенская" is no part of "Пенза").
    rare_suffixes : tuple of (str, tuple of str)
        Like ``suffixes``, for towns few of whose adjectives are built so (a town in
        ``-ки`` whose adjective is ``-ский``): their names are candidates only when no other
        candidate, the town named by the adjective itself included, is a place name of
        pymorphy3's dictionary ("раменский" is Раменское's, not the Moscow district
        Раменки's).
    irregular : mapping of str to tuple of str
        Adjective stems (with their suffix) whose towns no rule finds ("нижегородск").
    alternation : bool
        Ukrainian: a vowel ``о``/``е``/``є`` of the last syllable of the oblique stem is
        ``і``/``ї`` in the nominative ("Харкова", "Харків").
    prepositions : frozenset of str
        Prepositions inside hyphenated town names ("Ростове-на-Дону"): the word before one
        is the name's head, which declines; other short words inside a name (the Arabic
        article of "Рас-эль-Хайме") leave the last word the head.
    adjective_names : tuple of str
        Nominative endings of towns named by the relational adjective itself, after its
        suffix ("Новотроїцьке", the stanitsa "Каневская"): tried after the other towns.
    compounds : mapping of str to tuple of str
        First parts of compound relational adjectives and the adjective they stand for, in
        the feminine, masculine, neuter and plural ("ново": "нова", "новий", "нове",
        "нові"): "новоазовська" is from "Новоазовськ", and also from a town of two words,
        "Нова X", whose adjective agrees with its noun.
    """

    lang: str
    nouns: tuple[tuple[str, tuple[str, ...]], ...]
    adjective_endings: str
    suffixes: tuple[tuple[str, tuple[str, ...]], ...]
    rare_suffixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    irregular: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    alternation: bool = False
    prepositions: frozenset[str] = frozenset({"на"})
    compounds: Mapping[str, tuple[str, str, str, str]] = field(default_factory=dict)
    adjective_names: tuple[str, ...] = ()
    endings: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        # longest endings first, so that "ами" is tried before "и"
        object.__setattr__(self, "nouns", tuple(sorted(self.nouns, key=lambda kv: -len(kv[0]))))
        endings = tuple(sorted(self.adjective_endings.split(), key=len, reverse=True))
        object.__setattr__(self, "endings", endings)


# --------------------------------------------------------------------------- rules


def _add(out: list[str], form: str) -> None:
    if len(form) >= 2 and form not in out:
        out.append(form)


_ALTERNATION: Final = re.compile(r"([оеє])([^аеёиоуыэюяіїєь'’ʼ]{1,2}ь?)$")
#: Letter pairs that cannot end a word: "ь" after a vowel, "й" after a consonant, "ы"
#: after a velar or hushing consonant (Russian spelling rule).
_IMPOSSIBLE: Final = {
    "ru": re.compile(r"(?:[аеёиоуыэюяьй]ь|[^аеёиоуыэюя]й|[гкхжшчщ]ы|[жшчщ]я|ць|[іїє])$"),
    "uk": re.compile(r"(?:[аеиоуюяіїєьй]ь|[^аеиоуюяіїє]й|[^дтзсцлн]ь|[ыэёъ])$"),
}


def _possible(form: str, lang: str) -> bool:
    pattern = _IMPOSSIBLE.get(lang)
    return pattern is None or pattern.search(form) is None


def _alternate(form: str) -> str | None:
    """Ukrainian nominative of an oblique stem: "харков" -> "харків", "києв" -> "київ"."""
    m = _ALTERNATION.search(form)
    if m is None or len(form) < 3:
        return None
    vowel = "ї" if m.group(1) == "є" else "і"
    return form[: m.start()] + vowel + m.group(2)


def _fleeting(stem: str) -> str | None:
    """The nominative of a stem that lost a vowel: "марганц" -> "марганец", "городк" ->
    "городок"."""
    if len(stem) < 4 or stem[-2] in _VOWELS or stem[-2] in "ьй'’ʼ":
        return None
    last = stem[-1]
    if last == "ц":
        return stem[:-1] + "ец"
    if last == "к" and stem[-2] not in "сцз":
        return stem[:-1] + "ок"
    return None


def rule_forms(word: str, rules: Rules) -> tuple[str, ...]:
    """Nominative candidates of one word from the case-ending rules, most likely first.

    The word itself is not included (see :func:`base_forms`).

    Examples
    --------
    >>> from geo.lang.uk.morph import RULES
    >>> rule_forms("харкова", RULES)[:2]
    ('харків', 'харков')
    """
    out: list[str] = []
    lang = rules.lang

    def add(form: str) -> None:
        if form != word and _possible(form, lang):
            _add(out, form)

    for ending, replacements in rules.nouns:
        if not word.endswith(ending) or len(word) - len(ending) < 2:
            continue
        if not ending and (word[-1] in _VOWELS or word[-1] in "ьй'’ʼ"):
            continue  # a zero ending follows a consonant
        stem = word[: len(word) - len(ending)] if ending else word
        for rep in replacements:
            form = stem + rep
            alt = (
                _alternate(form) if rules.alternation and rep in ("", "ь", "г", "к", "х") else None
            )
            # "-ов", "-ев", "-єв": nearly every Ukrainian town of that shape alternates
            if alt is not None and form[-2:] in ("ов", "ев", "єв"):
                add(alt)
                add(form)
            else:
                add(form)
                if alt is not None:
                    add(alt)
            if not rep:
                fleeting = _fleeting(stem)
                if fleeting is not None:
                    add(fleeting)
    return tuple(out)


# --------------------------------------------------------------------------- pymorphy3


@functools.cache
def analyzer(lang: str) -> Any | None:
    """pymorphy3's analyser of ``lang`` (loaded once per process), or None without it."""
    try:
        import pymorphy3
    except ImportError:  # the rules answer alone
        return None
    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except (OSError, ValueError, KeyError):  # a dictionary package missing or damaged
        return None


def pymorphy_forms(word: str, lang: str) -> tuple[str, ...]:
    """Nominative forms of a word after pymorphy3, place names first (the word included
    when it is a nominative).

    Parses tagged as geographical names (``Geox``) come first, then other nouns, then
    adjectives in their own gender ("рубежного" -> "рубежное"), then people's names (a
    village may be analysed as a surname).
    """
    morph = analyzer(lang)
    if morph is None:
        return ()
    ranked: list[tuple[int, int, str]] = []
    for k, p in enumerate(morph.parse(word)):
        tag = p.tag
        grammemes = tag.grammemes
        # the Ukrainian dictionary ranks no analysis above another: neuter names after the
        # others ("кропивницького": Кропивницький, the city, before the village)
        order = 100 + k if lang == "uk" and "neut" in grammemes else k
        if tag.POS == "NOUN":
            rank = 0 if "Geox" in grammemes else 3 if grammemes & _PERSON else 1
            ranked.append((rank, order, p.normal_form))
        elif tag.POS in ("ADJF", "PRTF"):
            gender = None if tag.gender is None else str(tag.gender)
            number = None if tag.number is None else str(tag.number)
            form = _adjective_in(
                p.normal_form, gender, number, lang, possessive="Poss" in grammemes
            )
            ranked.append((2, order, form))
            if form != p.normal_form:
                ranked.append((4, order, p.normal_form))
    out: list[str] = []
    for _, _, form in sorted(ranked):
        _add(out, form)
    return tuple(out)


def is_place_name(word: str, lang: str) -> bool:
    """Whether pymorphy3 reads a lower-case word first as a geographical name (``Geox``:
    "кострома", "вологда"; not "мир", "лиман"); False without pymorphy3 or a dictionary
    that tags them (the Ukrainian one does not)."""
    morph = analyzer(lang)
    if morph is None:
        return False
    parses = morph.parse(word)
    return bool(parses) and "Geox" in parses[0].tag.grammemes


def is_adjective(word: str, lang: str) -> bool:
    """Whether pymorphy3 reads a lower-case word first as an adjective or participle
    ("міської", "военной"; not "заявив"); without pymorphy3, whether it has a long
    adjectival ending of :data:`ADJECTIVE_ENDINGS`."""
    morph = analyzer(lang)
    if morph is None:
        return word.endswith(ADJECTIVE_ENDINGS)
    parses = morph.parse(word)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


#: Parses of each word that :func:`agrees_with_next` compares.
_AGREEMENT_PARSES: Final = 4


def agrees_with_next(word: str, nxt: str, lang: str, *, acronym: bool = False) -> bool:
    """Whether a lower-case word that pymorphy3 reads first as an adjective agrees in case,
    number and gender with the lower-case noun after it (read first as a noun), so that it
    modifies it ("азовского флота"; not "рубежном произошел"); an
    ``acronym`` after it ("АЭС", "ТЭС") is a noun of any form. False without pymorphy3.

    Examples
    --------
    >>> agrees_with_next("азовского", "флота", "ru")
    True
    >>> agrees_with_next("рубежном", "прошли", "ru")
    False
    """
    morph = analyzer(lang)
    if morph is None:
        return False
    parses = morph.parse(word)
    if not parses or parses[0].tag.POS not in ("ADJF", "PRTF"):
        return False
    nouns = morph.parse(nxt)
    if not nouns or nouns[0].tag.POS != "NOUN":
        return False
    if acronym:
        # an acronym of one form for every case and number ("АЭС", "ТЭС")
        return "Fixd" in nouns[0].tag
    for a in parses[:_AGREEMENT_PARSES]:
        if a.tag.POS not in ("ADJF", "PRTF"):
            continue
        for n in nouns[:_AGREEMENT_PARSES]:
            if n.tag.POS != "NOUN":
                continue
            if a.tag.case != n.tag.case and "Fixd" not in n.tag:
                continue
            # (a gendered form is singular where the tags give no number)
            a_number = a.tag.number or ("sing" if a.tag.gender else None)
            n_number = n.tag.number or ("sing" if n.tag.gender else None)
            if a_number and n_number and a_number != n_number:
                continue
            if (
                a_number != "plur"
                and a.tag.gender
                and n.tag.gender
                and a.tag.gender != n.tag.gender
            ):
                continue
            return True
    return False


def _adjective_in(
    masculine: str, gender: str | None, number: str | None, lang: str, *, possessive: bool = False
) -> str:
    """The nominative of an adjective in a gender, from its masculine form (what
    ``Parse.inflect`` does, ten times faster): "рубежный", neuter -> "рубежное". A Russian
    possessive adjective in -ий takes a soft sign: "казачий", feminine -> "казачья"."""
    if number == "plur":
        gender = "plur"
    if gender not in ("femn", "neut", "plur") or len(masculine) < 4:
        return masculine
    stem, end = masculine[:-2], masculine[-2:]
    if lang == "ru" and possessive and end == "ий":
        table = {"ий": ("ья", "ье", "ьи")}
    elif lang == "uk":
        table = {"ий": ("а", "е", "і"), "ій": ("я", "є", "і")}
    elif end == "ий" and stem[-1] in "гкх":
        table = {"ий": ("ая", "ое", "ие")}
    elif end == "ий" and stem[-1] in "жшчщц":
        table = {"ий": ("ая", "ее", "ие")}
    else:
        table = {"ый": ("ая", "ое", "ые"), "ой": ("ая", "ое", "ые"), "ий": ("яя", "ее", "ие")}
    endings = table.get(end)
    if endings is None:
        return masculine
    return stem + endings[("femn", "neut", "plur").index(gender)]


# --------------------------------------------------------------------------- base forms

#: Endings of adjectives in the oblique cases (a word of a name that agrees with its noun).
_OBLIQUE_ADJECTIVE: Final = {
    "ru": ("ого", "его", "ому", "ему", "ой", "ей", "ую", "юю", "ым", "им", "ом", "ем", "ых", "их"),
    "uk": ("ого", "ього", "ому", "ьому", "ої", "ьої", "ій", "у", "ю", "им", "ім", "их"),
}
#: Nominative endings of adjectives by gender.
_ADJECTIVE_GENDER: Final = {
    "ru": (
        ("ый", "m"),
        ("ий", "m"),
        ("ой", "m"),
        ("ая", "f"),
        ("яя", "f"),
        ("ое", "n"),
        ("ее", "n"),
        ("ые", "p"),
        ("ие", "p"),
    ),
    "uk": (("ий", "m"), ("ій", "m"), ("а", "f"), ("я", "f"), ("е", "n"), ("є", "n"), ("і", "p")),
}


def _noun_gender(form: str) -> str | None:
    last = form[-1]
    if last in "ая":
        return "f"
    if last in "оеє":
        return "n"
    if last in "ыиі":
        return "p"
    if last == "ь":
        return None
    return "m"


def _adjective_gender(form: str, lang: str) -> str | None:
    for ending, gender in _ADJECTIVE_GENDER[lang]:
        if form.endswith(ending):
            return gender
    return None


def _word_forms(word: str, rules: Rules, sources: str) -> list[str]:
    """Forms of one word in the order of ``sources``, the word itself only if pymorphy3
    says it is a dictionary form."""
    out: list[str] = []
    for source in sources.split("+"):
        found = pymorphy_forms(word, rules.lang) if source == "morph" else rule_forms(word, rules)
        for form in found:
            _add(out, form)
    return out


def _many_words(word: str, rules: Rules, sources: str) -> list[str]:
    """A name of several words ("новой каховке", "ростове-на-дону", "купянске-узловом"):
    its head noun and the adjectives that agree with it put back, words after a
    preposition kept."""
    parts = re.split(r"([\s\-‐‑]+)", word)
    words, seps = parts[0::2], parts[1::2]
    n = len(words)
    if n > _MAX_PARTS or not all(words):
        return []
    oblique = _OBLIQUE_ADJECTIVE[rules.lang]
    # a short word inside a name is a preposition: the words after it keep their case
    after_preposition = [any(len(words[j]) <= 3 for j in range(1, i)) for i in range(n)]
    # the head: the word before a preposition ("ростове-на-дону"), the first of a
    # hyphenated noun and adjective ("купянске-узловом"), else the last
    head = n - 1
    for i in range(n - 2):
        if words[i + 1] in rules.prepositions and len(words[i]) > 3:
            head = i
            break
    else:
        if "-" in seps[-1] and words[-1].endswith(oblique) and not after_preposition[-1]:
            head = 0
    # the head alone declines ("рас-эль-хайме", "хан-юнису"): more of its forms are tried
    head_forms = (
        _MAX_COMBINED
        if all(len(w) <= 3 or after_preposition[i] for i, w in enumerate(words) if i != head)
        else _PART_FORMS
    )
    options: list[list[tuple[str, str | None]]] = []
    for i, w in enumerate(words):
        if i == head:
            forms = _word_forms(w, rules, sources)[:head_forms] or [w]
            options.append([(f, None) for f in forms])
        elif after_preposition[i] or len(w) <= 3:
            options.append([(w, None)])
        elif not w.endswith(oblique):
            # "ивано-", "санкт-" keep their form; "часова (яра)" declines like a noun
            forms = _word_forms(w, rules, sources)[: _PART_FORMS - 1]
            options.append([(w, None), *((f, None) for f in forms if f != w)])
        else:
            adj = _word_forms(w, rules, sources)
            options.append([(f, _adjective_gender(f, rules.lang)) for f in adj[: _PART_FORMS + 2]])
    scored: list[tuple[int, int, str]] = []
    for k, choice in enumerate(itertools.product(*options)):
        head_gender = _noun_gender(choice[head][0])
        if head_gender is not None and any(g is not None and g != head_gender for _, g in choice):
            continue
        rank = sum(opts.index(c) for opts, c in zip(options, choice, strict=True))
        text = choice[0][0] + "".join(s + c[0] for s, c in zip(seps, choice[1:], strict=True))
        scored.append((rank, k, text))
    return [t for _, _, t in sorted(scored)][:_MAX_COMBINED]


def base_forms(word: str, rules: Rules, *, sources: str = "morph+rules") -> tuple[str, ...]:
    """Dictionary forms of a lower-case word or name, most likely first, the word included.

    Parameters
    ----------
    word : str
        As written, in lower case: "харькове", "ростове-на-дону", "новой каховке".
    rules : Rules
        The language's rules.
    sources : str
        Where forms come from and in what order: ``"morph"`` (pymorphy3), ``"rules"``, or
        both joined by ``+``.

    Returns
    -------
    tuple of str
        Candidate forms, not yet normalised; the word itself first when it is a dictionary
        form, else last.
    """
    out: list[str] = []
    if re.search(r"[\s\-‐‑]", word):
        # a hyphenated name pymorphy3 knows as a whole ("ростове-на-дону")
        if "morph" in sources and " " not in word:
            for form in pymorphy_forms(word, rules.lang):
                _add(out, form)
        for form in _many_words(word, rules, sources):
            _add(out, form)
    else:
        out = _word_forms(word, rules, sources)
    if word not in out:
        out.append(word)
    return tuple(out)


# --------------------------------------------------------------------------- adjectives


def _suffix_stem(word: str, rules: Rules) -> str | None:
    """The stem of a relational adjective up to its suffix: "донецкой" -> "донецк"."""
    for ending in rules.endings:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)]
            if len(stem) >= 4 and _ADJ_STEM.search(stem):
                return stem
    return None


def adjective_bases(word: str, rules: Rules) -> tuple[str, ...]:
    """Towns a relational adjective in any case and gender may be built from.

    The candidates of the rules are ranked by what pymorphy3 knows of them: place names
    of its dictionary first ("полтава", not "полтав"), then other nouns, then unknown
    words (villages), then people's names; the rules' order breaks ties.

    Parameters
    ----------
    word : str
        The adjective as written, in lower case ("донецкой", "харківської").
    rules : Rules
        The language's rules.

    Returns
    -------
    tuple of str
        Candidate town names, most likely first; empty when the word is no relational
        adjective ("новой").
    """
    stem = _suffix_stem(word, rules)
    if stem is None:
        return ()
    out: list[str] = []
    for form in rules.irregular.get(stem, ()):
        _add(out, form)
    # "донецк", "курск", "луганськ": the town's name is the stem itself
    _add(out, stem)
    if stem.endswith(("цк", "цьк")):
        _add(out, stem + "ий")  # "хмельницкий", "хмельницький"
        core = stem[: -3 if stem.endswith("цьк") else -2] + "ц"
    elif stem.endswith("зьк"):
        core = stem[:-3] + "з"
    else:
        core = stem[: -3 if stem.endswith("ськ") else -2]
    for tail in _tails(core, rules.suffixes):
        if _possible(tail, rules.lang):
            _add(out, tail)
    for ending in rules.adjective_names:
        _add(out, stem + ending)
    # towns of the rare derivations when no other candidate is a known place name
    if rules.rare_suffixes and all(_place_rank(f, rules.lang) > 0 for f in out):
        for tail in _tails(core, rules.rare_suffixes):
            if _possible(tail, rules.lang):
                _add(out, tail)
    irregular = len(rules.irregular.get(stem, ()))
    ranked = sorted(range(irregular, len(out)), key=lambda k: (_place_rank(out[k], rules.lang), k))
    return (*out[:irregular], *(out[k] for k in ranked), *_compound_bases(word, rules))


#: Genders of :attr:`Rules.compounds` in the order of their forms.
_COMPOUND_GENDERS: Final = ("f", "m", "n", "p")
#: Forms of the second part of a compound adjective tried for a town of two words.
_COMPOUND_TAILS: Final = 6
#: Fewest letters of the second part of a compound adjective (after its first word's stem).
_COMPOUND_MIN_TAIL: Final = 6


def _compound_bases(word: str, rules: Rules) -> list[str]:
    """Towns of two words a compound relational adjective may be built from, after the
    one-word towns: "великоолександрівська" from "Велика Олександрівка", the first word
    agreeing with the gender of the second (:attr:`Rules.compounds`).

    Examples
    --------
    >>> from geo.lang.uk.morph import RULES
    >>> "велика олександрівка" in _compound_bases("великоолександрівської", RULES)
    True
    """
    out: list[str] = []
    for prefix, forms in rules.compounds.items():
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < _COMPOUND_MIN_TAIL or rest[0] in "-ʼ'’":
            continue
        for tail in adjective_bases(rest, rules)[:_COMPOUND_TAILS]:
            gender = _noun_gender(tail)
            if gender is not None and " " not in tail:
                _add(out, f"{forms[_COMPOUND_GENDERS.index(gender)]} {tail}")
    return out


def _place_rank(form: str, lang: str) -> int:
    """0: a place name of pymorphy3's dictionary; 1: another noun; 2: a word it does not
    know; 3: a person's name or another part of speech (2 for all without pymorphy3)."""
    morph = analyzer(lang)
    if morph is None or " " in form or not morph.word_is_known(form):
        return 2
    best = 3
    plain = form.replace("ё", "е")
    for p in morph.parse(form):
        tag = p.tag
        if tag.POS != "NOUN" or tag.case != "nomn" or p.normal_form.replace("ё", "е") != plain:
            continue
        if "Geox" in tag.grammemes:
            return 0
        if not tag.grammemes & _PERSON:
            best = 1
    return best


def _tails(core: str, suffixes: tuple[tuple[str, tuple[str, ...]], ...]) -> Iterable[str]:
    """Town names from the stem before the suffix, in the order of the rules
    (:attr:`Rules.suffixes` or :attr:`Rules.rare_suffixes`)."""
    for key, endings in suffixes:
        if key == "*" or (key == "V" and core[-1] in _VOWELS):
            yield from (core + e for e in endings)
            continue
        drop = key.startswith("-")
        end = key[1:] if drop else key
        if core.endswith(end) and len(core) > len(end) + 1:
            base = core[: len(core) - len(end)] if drop else core
            yield from (base + e for e in endings)
