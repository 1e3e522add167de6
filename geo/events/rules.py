"""The event rules of the language packs, loaded and compiled.

Each language pack may hold ``geo/lang/<code>/events.toml``; ``geo/lang/common/events.toml``
holds what no language owns: the ACLED rules in priority order (``[[rules]]``: ``key``,
``type``, ``sub_type``, optional ``cues``, ``also``, ``unless``, ``generic``, ``debris``) and
the sub-types a protest is refined to (``[refine]``).

Schema of a language's ``events.toml``
--------------------------------------
Patterns are Python regular-expression fragments, one per line (TOML literal strings
``'''...'''`` spare the backslashes), matched case-insensitively on whole words: each
fragment is tried where a word starts and must end where a word ends (write ``attack\\w*``
for a prefix). Tables map words (lower case) to values. Every section is optional; a list
left out matches nothing.

``[meta]``
    ``code``, ``sources`` (where each list comes from) and ``clitic_prefix``: a pattern of
    the particles a language writes glued to the next word (Arabic و ف ب ل and the
    article), allowed before every pattern of the pack.
``[cues]``
    One pattern list per cue list named by the common rules: ``intercepted_weapons``,
    ``disrupted_weapons``,
    ``chemical_weapon``, ``suicide_bomb``, ``air_strike``, ``remote_explosive``,
    ``grenade``, ``shelling``, ``sexual_violence``, ``abduction``, ``attack_on_civilians``,
    ``government_regains``, ``non_state_overtakes``, ``armed_clash``,
    ``violent_demonstration``, ``mob_violence``, ``protest``, ``arrests``, ``agreement``,
    ``change_to_group``, ``looting``, and the generic ``strike`` (a strike that does not say
    with what: "удар", "قصف"), ``attack`` (an attack that does not say with what) and
    ``casualty`` (people killed or injured, no word for how).
``[classes]``
    Words a rule requires or excludes in the sentence: ``civilians``, ``armed``,
    ``not_violence`` (accidents, floods), ``protest``, ``intervention`` (police dispersing
    or arresting protesters), ``agreement_done`` (a ceasefire signed, not called for),
    ``debris`` and ``missile_debris`` (debris of a downed weapon), each only near its cue.
``[tolls]``
    ``killed``, ``injured``: words after a count of people ("12 were killed", "30 morts");
    ``killed_before_number``, ``injured_before_number``: words before one ("killing 12", "la
    mort de 19", "the death toll rose to 40"); ``killed_one``, ``injured_one``: words for
    the death or the wounding of one person that need no number (Arabic "مقتله", his
    killing; "إصابتها", her wounding); ``none``: no victims at all (both counts 0);
    ``none_killed``, ``none_injured``: no one killed ("погибших нет"), no one injured (only
    that count is 0); ``negation``; ``cumulative``: a clause with one holds a running total,
    never a toll ("since", "depuis"); ``earlier``: a count after one in its clause is an
    earlier figure a later one superseded ("had put the toll at", "le bilan précédent",
    "ранее сообщалось о", "حصيلة سابقة"): the current toll wins over it; ``partitive``: a
    word between a count and a casualty word that makes the count a part of a group already
    counted ("one of the injured", "двое из раненых"); ``subset``: a count after one is part
    of the previous count ("of them", "dont"); ``coordination`` ("and"); ``approx``: words
    between a cue and its count ("at least", "au moins"); ``person``: nouns of people
    counted; ``not_a_count_before``: words that number what follows them, making it a name
    ("n.º 12", "frente 8"); ``not_a_count_after``: units after a number that counts no
    people (km, years, missiles); ``grievance``: what a protest is about ("over the killing
    of"): the dead of a protest's sentence with one are not its toll; ``report``: reporting
    verbs (a date next to one dates the report, not the incident).
``[numbers]``
    Tables ``units`` (word to value: ``three = 3``, ``dix-sept`` may be left to the
    arithmetic), ``multipliers`` (``hundred = 100``), ``approximate`` ("une trentaine":
    ``trentaine = 30``; "deux centaines" multiplies), ``vague`` (word to ``"dozens"``,
    ``"hundreds"`` or ``"several"``, coded as ACLED does: :data:`geo.config.DOZENS_COUNT`
    and the like); words ``one_before_person`` ("a", "un": one person counted before a
    noun of :attr:`person`), ``joiners`` (words inside a number: "and", "et", "y"),
    ``ignore`` (articles before a number word: "des"), ``ordinal_suffixes`` ("st", "er"),
    ``times_unit`` (words a unit before them multiplies: "vingt" in "quatre-vingts").
    ``digit_suffix`` is a pattern of case endings written after digits ("5-х", "10-ти");
    ``digit_prefixes`` are particles written glued before digits (Arabic "و١٥"),
    ``word_prefixes`` those glued before number words (Arabic "وخمسة عشر"). A digit
    count followed by a multiplier is multiplied ("7 тысяч", "1,3 тыс.", "١١ ألفا").
    ``one_person``: nouns of one person that count one where no number goes with them
    ("погиб мужчина", "مقتل شخص"); a language without articles counts "a man" that way.
    A pack whose numerals need code (Russian case forms, French "quatre-vingts") may add
    forms to ``units``; the arithmetic (tens plus units, "quatre-vingt", multipliers) is
    language-neutral.
``[dates]``
    Tables ``months``, ``weekdays`` (Monday is 0), ``relative`` (phrase to a day offset:
    ``yesterday = -1``, ``"la nuit dernière" = 0``), ``relative_months`` ("last month" to
    -1); words ``day_prefixes`` ("the", "le"), ``day_suffixes`` ("st", "er"),
    ``month_joiners`` ("of", "de"), ``numeric_order`` ("dmy": digits day first),
    ``short_numeric_separators`` (".": "10.03" is a day and month); patterns
    ``not_event_before`` ("since", "depuis"),
    ``last_before``/``last_after`` ("last Monday", "lundi dernier"), ``next_before``/
    ``next_after``, ``last_year``, ``year_dates`` (a past year without a month, ``{year}``
    for its digits: "in {year}", "last year"), ``month_prefixes`` ("in", "en", "early"), and
    ``night_spans``: a night across two days, with ``{weekday}`` where a weekday name
    stands ("la nuit de {weekday} à {weekday}"): the incident takes the later day;
    ``day_spans``: a span of days ("entre el {weekday} y el {weekday}"): the incident
    takes the first day (a weekday of a span may have its day of the month after it: "du
    lundi 15 au mardi 16 décembre"). ``numeric_order``: ``dmy`` where dates are written in
    digits day first ("16.12.2025", "16/12/2025"); table ``day_words``: days written as
    ordinal words ("التاسع" = 9 in "التاسع من مارس").
``[context]``
    ``border`` ("near the border with": a country after it is a neighbour),
    ``compound_after`` ("-based"), ``time_reference`` ("since": a cue after it is no
    incident), ``new_clause`` (", and"), ``actor_verbs``, ``actor_before``,
    ``auxiliaries``, ``inverted_subject`` (a place name used for its government: "Baku
    said", "backed by Moscow", but not "..., said local officials"), ``attribution``
    ("said", "according to": a place after one, past the incident and its place, is the
    source's), ``attribution_end`` ("that", "أن": in a sentence that opens with its
    attribution, what follows it is reported, no longer the source), ``reaction``
    ("condemned", "осудил", "أدان": a place on the far side of it from the incident's word
    is where the reaction was voiced), ``pursuit`` ("those behind", "المتورطين في": an
    incident's word right after one names the incident already told, not a new one),
    ``series_before`` ("the third", "la troisième": an incident's word right after one counts
    a series, told as ``other_before``), ``threat`` ("threatened to", "menace de": a cue or a
    place after one in its clause is what a party threatens or promises, not an incident).
``[actors]``
    ``force_nouns``, ``police_nouns``, ``attack_nouns``, ``attack_verbs``;
    ``verbs_before_subject`` (verbs written before their subject, Arabic "اعتقلت الشرطة": a
    bare noun of a state's forces right after one acted); ``templates``:
    how a name of the actor lexicon (``{demonym}``) and a noun (``{noun}``) make an actor
    ("{demonym} {noun}" in English, "{noun} {demonym}" in French); ``agent`` (the passive
    "by", "blamed ... on": the actor after it did it); ``claim_after`` (a claim right after an
    armed group's name, its bracketed short name or an apposition between commas: "X, linked
    to Y, claimed the attack": the group did it); ``unclaimed`` ("no group has claimed it": the
    incidents just told take no perpetrator from the rest of the story); ``blame`` (words
    that blame or claim: a sentence with one may name who did an incident told before at
    its place); ``unidentified``
    ("gunmen": ACLED's unidentified armed group); ``members_link``: the words between such
    men and an armed group's name that make them its men ("gunmen of X", "hommes armés du
    X", "مسلحون من X": the group acted); ``affiliation`` (between a group and the one it
    is affiliated to: "X, linked to Y", "X, lié à Y") and ``affiliate_after`` (after the
    group affiliated to: "a Y affiliate", "the Y-linked X"): Y is no side of the incident;
    ``among`` (between a casualty word and the forces counted: "seven dead among the
    soldiers": they are the side attacked);
    ``protesters``, ``rioters``;
    ``self_claim``: words after an actor and its verb of saying by which it says it acted
    itself ("said it had carried out", "a affirmé avoir mené", "إنه شن"): the one who
    acted, not a source; ``group_anaphora`` ("the group", "le groupe", "التنظيم": before
    the incident's word of a sentence that names no armed group, the one the text named
    last); ``source_before``: words before an actor that make it the source
    of a report, not the one who acted ("a spokesman for", "представитель", "المتحدث
    باسم"); ``target_before``:
    words before an armed group's name or a state's forces that make them what was struck
    ("positions of", "contre des positions du", "по позициям", "على تجمعات"): the side
    attacked, not the one who acted; ``target_after``: a passive verb of attack a few words
    after an actor ("police officers were ambushed", "fueron emboscados"): the side attacked
    too; ``target_nouns`` and ``target_templates`` (with
    ``{demonym}`` and ``{target}``): a state's name with a noun of what is struck ("Ukrainian
    positions", "positions ukrainiennes"): its forces were attacked.

The actors themselves (states' forces and the main armed groups, with their names in every
language) are in ``geo/lang/common/actors.toml``, read by :mod:`geo.events.actors`.

Examples
--------
>>> rules = get_rules(("en",))
>>> [r.sub_type for r in rules.rules][1:4]  # debris of what was shot down, fallen debris
['Air/drone strike', 'Shelling/artillery/missile attack', 'Air/drone strike']
>>> m = rules.cue_re.search("Rockets hit the town.")
>>> rules.rules[rules.cue_rules[m.lastgroup][0]].sub_type
'Shelling/artillery/missile attack'
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from geo.errors import DataError
from geo.events.prefilter import Prefiltered, literal_alternation
from geo.lang import LANGUAGES

__all__ = [
    "EventPack",
    "Rule",
    "Rules",
    "alternation",
    "get_event_pack",
    "get_rules",
    "languages_with_rules",
    "literal_alternation",
    "related_headings",
]

_SECTIONS: Final = (
    "meta",
    "cues",
    "classes",
    "tolls",
    "numbers",
    "dates",
    "context",
    "actors",
)


@dataclass(frozen=True)
class Rule:
    """One ACLED rule: a cue list and the (event type, sub-event type) it reports."""

    key: str
    cues: str
    event_type: str
    sub_type: str
    also: str | None = None
    unless: str | None = None
    generic: bool = False
    #: the cue tells a shot-down weapon's debris: the debris that damages something in the
    #: next sentence makes the incident this rule's attack (geo.events.engine)
    debris: bool = False


@dataclass(frozen=True)
class EventPack:
    """The raw event data of one language (see the module docstring for the schema)."""

    code: str
    patterns: Mapping[str, Mapping[str, tuple[str, ...]]]
    tables: Mapping[str, Mapping[str, Mapping[str, Any]]]
    words: Mapping[str, Mapping[str, tuple[str, ...]]]
    sources: Mapping[str, str]

    def pattern_list(self, section: str, name: str) -> tuple[str, ...]:
        return self.patterns.get(section, {}).get(name, ())

    def table(self, section: str, name: str) -> Mapping[str, Any]:
        return self.tables.get(section, {}).get(name, {})

    def word_list(self, section: str, name: str) -> tuple[str, ...]:
        return self.words.get(section, {}).get(name, ())


#: Lists of words (white-space separated) rather than patterns (one per line).
_WORD_LISTS: Final = {
    ("numbers", "one_before_person"),
    ("numbers", "joiners"),
    ("numbers", "ignore"),
    ("numbers", "ordinal_suffixes"),
    ("numbers", "digit_prefixes"),
    ("numbers", "word_prefixes"),
    ("numbers", "times_unit"),
    ("dates", "day_prefixes"),
    ("dates", "day_suffixes"),
    ("dates", "month_joiners"),
    ("dates", "numeric_order"),
    ("dates", "short_numeric_separators"),
}


#: Lists no particle is glued to: what follows a number directly ("٥ صواريخ", "5-х").
_NOT_GLUED: Final = {("tolls", "not_a_count_after"), ("numbers", "digit_suffix")}


def _read_toml(code: str, name: str) -> dict[str, Any] | None:
    where = f"geo/lang/{code}/{name}"
    ref = resources.files("geo.lang").joinpath(code, name)
    if not ref.is_file():
        return None
    try:
        return tomllib.loads(ref.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise DataError(f"cannot read {where}: {err}; fix the file or reinstall geo") from err


@functools.cache
def get_event_pack(code: str) -> EventPack | None:
    """The event data of a language, or None when its pack has no ``events.toml``.

    Raises
    ------
    DataError
        If the file is malformed: unknown section, a pattern that does not compile.
    """
    data = _read_toml(code, "events.toml")
    if data is None:
        return None
    where = f"geo/lang/{code}/events.toml"
    unknown = set(data) - set(_SECTIONS)
    if unknown:
        raise DataError(f"{where}: unknown section(s) {', '.join(sorted(unknown))}")
    patterns: dict[str, dict[str, tuple[str, ...]]] = {}
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    words: dict[str, dict[str, tuple[str, ...]]] = {}
    meta = data.get("meta", {})
    prefix = str(meta.get("clitic_prefix", ""))
    for section, content in data.items():
        if section == "meta" or not isinstance(content, dict):
            continue
        for name, value in content.items():
            if isinstance(value, dict):
                tables.setdefault(section, {})[name] = {
                    " ".join(str(k).lower().split()): v for k, v in value.items()
                }
            elif isinstance(value, str) and (section, name) in _WORD_LISTS:
                words.setdefault(section, {})[name] = tuple(value.lower().split())
            elif isinstance(value, str):
                # (a line that starts with "#" inside a list is a comment on the next ones)
                lines = tuple(
                    line.strip()
                    for line in value.splitlines()
                    if line.strip() and not line.strip().startswith("#")
                )
                for line in lines:
                    try:
                        re.compile(line.replace("{weekday}", "x").replace("{demonym}", "x"))
                    except re.error as err:
                        raise DataError(f"{where}: [{section}] {name}: {line!r}: {err}") from err
                glued = "" if (section, name) in _NOT_GLUED else prefix
                patterns.setdefault(section, {})[name] = _with_prefix(lines, glued)
            else:
                raise DataError(f"{where}: [{section}] {name} must be a string or a table")
    return EventPack(
        code=code,
        patterns=patterns,
        tables=tables,
        words=words,
        sources=dict(meta.get("sources", {})),
    )


def _with_prefix(lines: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    """A pattern list with the language's glued particles allowed before its patterns, once
    for them all (one test of the particles, not one per pattern); not before a template
    that starts with a placeholder: the names and nouns put there have theirs."""
    if not prefix:
        return lines
    plain = [line for line in lines if not line.startswith("{")]
    templates = tuple(line for line in lines if line.startswith("{"))
    if not plain:
        return templates
    return (f"{prefix}?(?:{'|'.join(f'(?:{line})' for line in plain)})", *templates)


@functools.cache
def common_rules() -> tuple[tuple[Rule, ...], Mapping[str, str]]:
    """The ACLED rules in priority order, and the protest refinements."""
    data = _read_toml("common", "events.toml")
    if data is None:
        raise DataError("geo/lang/common/events.toml is missing; reinstall geo")
    rules = []
    for raw in data.get("rules", []):
        try:
            rules.append(
                Rule(
                    key=raw["key"],
                    cues=raw.get("cues", raw["key"]),
                    event_type=raw["type"],
                    sub_type=raw["sub_type"],
                    also=raw.get("also"),
                    unless=raw.get("unless"),
                    generic=bool(raw.get("generic", False)),
                    debris=bool(raw.get("debris", False)),
                )
            )
        except KeyError as err:
            raise DataError(f"geo/lang/common/events.toml: a rule without {err}") from err
    return tuple(rules), dict(data.get("refine", {}))


@functools.cache
def related_headings() -> tuple[str, ...]:
    """Headings of "related stories" blocks on news pages, in every pack's language
    (``[html] related_headings`` of ``geo/lang/common/events.toml``).

    Examples
    --------
    >>> "lire (?:aussi|également)" in related_headings()
    True
    """
    data = _read_toml("common", "events.toml") or {}
    text = data.get("html", {}).get("related_headings", "")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def languages_with_rules() -> tuple[str, ...]:
    """The languages whose pack has event rules.

    Examples
    --------
    >>> {"en", "fr", "es"} <= set(languages_with_rules())
    True
    """
    return tuple(code for code in LANGUAGES if get_event_pack(code) is not None)


def alternation(fragments: Iterable[str]) -> str:
    """Regular-expression fragments as one alternation, each in its own group, duplicates
    left out.

    Examples
    --------
    >>> alternation(["killed", "dead", "killed"])
    '(?:killed)|(?:dead)'
    """
    unique = list(dict.fromkeys(fragments))
    return "|".join(f"(?:{f})" for f in unique)


def _words_re(fragments: Iterable[str]) -> re.Pattern[str] | None:
    """Fragments as whole words, case-insensitive; None when there are none."""
    body = alternation(fragments)
    if not body:
        return None
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _combined(groups: Mapping[str, Iterable[str]]) -> tuple[re.Pattern[str] | None, list[str]]:
    """One regular expression with a group per named list (in order): one pass finds them
    all; ``match.lastgroup`` is ``g<i>``, the i-th name."""
    names: list[str] = []
    parts: list[str] = []
    for name, fragments in groups.items():
        body = alternation(fragments)
        if body:
            parts.append(f"(?P<g{len(names)}>{body})")
            names.append(name)
    if not parts:
        return None, names
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE), names


#: Sentences whose classes of words :meth:`Rules.classes_in` keeps.
_CLASS_MEMORY: Final = 64
#: Words whose classes :meth:`Rules.classes_in` keeps (a word two classes share).
_WORD_MEMORY: Final = 4096


class Rules:
    """The event rules of a set of languages, compiled once (see :func:`get_rules`).

    Attributes
    ----------
    rules : tuple of Rule
        In priority order.
    cue_re : re.Pattern
        Every cue list of every rule, one group per list: one pass per sentence.
    cue_scan : Prefiltered or None
        ``cue_re`` with a keyword prefilter (:mod:`geo.events.prefilter`).
    cue_rules : dict
        Group name of ``cue_re`` to the indexes of the rules that use that list.
    class_re : re.Pattern or None
        Every class of words, one group per class; ``class_names`` maps groups to names.
    """

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes
        self.packs = [p for p in (get_event_pack(c) for c in codes) if p is not None]
        self.rules, self.refine = common_rules()
        cue_lists: dict[str, list[str]] = {}
        for rule in self.rules:
            cue_lists.setdefault(rule.cues, []).extend(self.patterns("cues", rule.cues))
        self.cue_re, cue_names = _combined(cue_lists)
        self.cue_scan = Prefiltered(self.cue_re) if self.cue_re is not None else None
        self.cue_rules: dict[str, list[int]] = {}
        for g, name in enumerate(cue_names):
            self.cue_rules[f"g{g}"] = [i for i, r in enumerate(self.rules) if r.cues == name]
        classes: dict[str, list[str]] = {}
        for pack in self.packs:
            for name, lines in pack.patterns.get("classes", {}).items():
                classes.setdefault(name, []).extend(lines)
        self.class_re, names = _combined(classes)
        self.class_scan = Prefiltered(self.class_re) if self.class_re is not None else None
        self.class_names = {f"g{g}": name for g, name in enumerate(names)}
        # each class alone, to read a word two classes share ("villagers": civilians, and
        # the people of a communal clash) into both: the one-pass scan gives the first
        self.class_words = {
            name: re.compile(rf"(?:{alternation(classes[name])})", re.IGNORECASE) for name in names
        }
        self._classes_of: dict[str, frozenset[str]] = {}
        self._word_classes: dict[str, frozenset[str]] = {}

    # ---- access to the merged data
    def patterns(self, section: str, name: str) -> list[str]:
        """A pattern list merged over the languages."""
        out: list[str] = []
        for pack in self.packs:
            out.extend(pack.pattern_list(section, name))
        return out

    def table(self, section: str, name: str) -> dict[str, Any]:
        """A table merged over the languages (the first language wins a shared key)."""
        out: dict[str, Any] = {}
        for pack in reversed(self.packs):
            out.update(pack.table(section, name))
        return out

    def words(self, section: str, name: str) -> list[str]:
        """A word list merged over the languages."""
        out: list[str] = []
        for pack in self.packs:
            out.extend(w for w in pack.word_list(section, name) if w not in out)
        return out

    @functools.cached_property
    def _compiled(self) -> dict[tuple[str, str], re.Pattern[str] | None]:
        return {}

    def words_re(self, section: str, name: str) -> re.Pattern[str] | None:
        """A pattern list as one whole-word regular expression (cached), or None."""
        key = (section, name)
        if key not in self._compiled:
            self._compiled[key] = _words_re(self.patterns(section, name))
        return self._compiled[key]

    def combined(
        self, section: str, names: Iterable[str]
    ) -> tuple[re.Pattern[str] | None, list[str]]:
        """Several pattern lists of a section as one regular expression (not cached)."""
        return _combined({n: self.patterns(section, n) for n in names})

    def classes_in(self, sentence: str) -> frozenset[str]:
        """The classes of words a sentence contains (those of the last sentences are kept:
        the engine asks several times for one sentence)."""
        if self.class_scan is None:
            return frozenset()
        found = self._classes_of.get(sentence)
        if found is None:
            if len(self._classes_of) >= _CLASS_MEMORY:
                self._classes_of.clear()
            names: set[str] = set()
            words: set[str] = set()
            for m in self.class_scan.finditer(sentence):
                names.add(self.class_names[m.lastgroup or ""])
                words.add(m.group())
            for word in words:
                shared = self._word_classes.get(word)
                if shared is None:
                    shared = frozenset(
                        n for n, pattern in self.class_words.items() if pattern.fullmatch(word)
                    )
                    if len(self._word_classes) >= _WORD_MEMORY:
                        self._word_classes.clear()
                    self._word_classes[word] = shared
                names |= shared
            found = frozenset(names)
            self._classes_of[sentence] = found
        return found


@functools.cache
def get_rules(codes: tuple[str, ...]) -> Rules:
    """The compiled rules of some languages (all languages with rules when empty).

    Examples
    --------
    >>> get_rules(("fr",)).codes
    ('fr',)
    """
    wanted = tuple(c for c in codes if get_event_pack(c) is not None) or languages_with_rules()
    return Rules(wanted)
