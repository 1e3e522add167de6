"""The event engine: sentences and their place mentions become incidents.

For each sentence of a parsed document (:meth:`geo.geoparse.Geoparser.parse_text`) the
engine applies the rules of the document's languages (:mod:`geo.events.rules`) in a few
passes, each one regular expression over the sentence: incident cues, classes of words,
dates, tolls and actors. Each place of the sentence takes the type of the cue that reports
on it (the nearest within reach; a weapon almost as near as a word for fighting wins), the
date nearest to it (a date next to a reporting verb, "said on Monday", dates the report,
not the incident), the tolls of its clause and the actors that the sentence names.

The next sentences that name no place complete the incident, when they report no incident
of another type: their tolls, their date when the incident had none ("...were wounded in
Saturday's strike"), who is blamed, whether police dispersed the protest; a later sentence
with a word of its type and a day still dates it. A town named without a day of its own
right after an incident at its region (or at itself) takes that incident's day, and its
type when its own words are generic ("Drones attacked the Sumy region overnight. In the
village of X, two men were injured"); a clause with a day and an incident word of its own
but no place is another incident at the place told before it. Within a document, reports
of one incident (a headline and the body) are merged, place by place: same place, same
date or no date of their own, compatible types (into the same day's incident, otherwise
the one told last); tolls are reconciled by a stated rule: a stated figure beats a vague
one ("dozens" then "at least 93" gives 93), otherwise the highest.

Some places are no incident's place: a country or region that contains another place named
with it, a sea named with a town, a town named after another as where that one lies
("the village of A, in the district of B"; farther away, the first was read as a homonym), a region
whose incident of a day sums up its towns'. A toll right before "in <country>" is that
country's sum. Arabic vowel marks are read as if absent (the offsets of the rows are in the
text as written).

A cue reaches a place only in the place's clause (not across "; " or ", while" to a
clause that names its own place), and not across a word of reaction ("In Kyiv, the minister
condemned the strike") or, after the incident and its place, of attribution ("..., according
to a resident of B"). Places in parentheses after a place ("Koro (Tillia, Tahoua)") and the
ends of a hyphenated route ("the A-B road near C") qualify another place and are no incidents
of their own. Background is no news: a sentence that recalls the past ("As a reminder, ...",
"Напомним", "وكانت ... قد") or tells an earlier incident ("previous attacks", "une attaque
similaire") without giving a day, and an incident dated to a past year ("in 2019", "last
year") or a month; the headlines of a "related stories" block tell nothing.

A sentence that names no place but gives a day of its own, a word of a specific type and
a toll tells an earlier incident at the one town the sentence before it named ("Rebels have
shelled X for weeks. On 3 May, a rocket struck the bus station, wounding six"); "the
same day" and "the next day" are read from the day told before; a word of an incident only
expected ("an imminent assault") tells none.

Places named where no incident is reported are kept with the type ``"Mention"``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from geo import config
from geo.events.actors import (
    CIVILIANS,
    PROTESTERS,
    RIOTERS,
    UNIDENTIFIED,
    Actor,
    ActorMention,
    find_actors,
    group_spans,
    state_forces,
)
from geo.events.consolidate import consolidate_rows
from geo.events.dates import FoundDate, find_dates, possessive_pattern, reference_date
from geo.events.numbers import COUNTED_NOUN_GAP, find_numbers
from geo.events.rules import Rule, Rules, get_rules
from geo.events.tolls import Casualty, casualty_free, count_casualties
from geo.io.html import related_blocks
from geo.schema import MENTION_TYPE

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer, Place
    from geo.geoparse import Geoparser, Mention
    from geo.io.documents import Document

__all__ = ["classify_sentence", "event_rows"]


def classify_sentence(sentence: str, *, rules: Rules | None = None) -> tuple[str, str] | None:
    """Return the ACLED (event_type, sub_event_type) a sentence reports, or None.

    The first rule (in priority order) whose cue the sentence contains, and whose
    conditions it meets, gives the type.

    Examples
    --------
    >>> classify_sentence("Martouni a été touchée jeudi par des tirs de roquettes.")
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    >>> classify_sentence("A drone strike hit a convoy near Tartar.")
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> classify_sentence("Erevan a accueilli une conférence.") is None
    True
    """
    r = rules or get_rules(())
    cues = cue_matches(sentence, r)
    if not cues:
        return None
    best = min(idx for _, _, idx in cues)
    rule = r.rules[best]
    return rule.event_type, rule.sub_type


def cue_matches(sentence: str, rules: Rules) -> list[tuple[int, int, int]]:
    """Every incident cue of a sentence, in one pass: (start, end, index of its rule).

    A cue list shared by several rules (the generic "attack") gives one entry per rule
    whose conditions (``also``, ``unless``) the sentence meets.
    """
    if rules.cue_scan is None:
        return []
    found = list(rules.cue_scan.finditer(sentence))
    if not found:
        return []
    classes: frozenset[str] | None = None
    out: list[tuple[int, int, int]] = []
    since = _context(rules).time_reference
    for m in found:
        if since is not None and since.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "since fighting shut down the airport": a time reference
        for idx in rules.cue_rules[m.lastgroup or ""]:
            rule = rules.rules[idx]
            if rule.also or rule.unless:
                if classes is None:
                    classes = rules.classes_in(sentence)
                if rule.also and rule.also not in classes:
                    continue
                if rule.also in config.EVENTS_NEAR_CUE_CLASSES and not _near_cue(
                    sentence, m.start(), m.end(), rule.also, rules
                ):
                    continue
                if rule.unless and rule.unless in classes:
                    continue
            out.append((m.start(), m.end(), idx))
    return out


def _near_cue(sentence: str, start: int, end: int, name: str, rules: Rules) -> bool:
    """Whether a word of the class ``name`` stands within
    :data:`geo.config.EVENTS_NEAR_CUE_CHARS` of the cue at ``start:end`` of a sentence and is
    not negated (the packs' ``negation`` at most :data:`geo.config.EVENTS_NEAR_NEGATION_CHARS`
    before it or right after it: "no debris fell", "aucun débris", "уламки не впали"): the
    debris is the stopped weapon's ("debris of a downed drone damaged a house"), not a word
    of another clause ("drones were shot down; ... the debris of the building")."""
    words = rules.words_re("classes", name)
    if words is None:
        return False
    negation = rules.words_re("tolls", "negation")
    lo = max(0, start - config.EVENTS_NEAR_CUE_CHARS)
    for w in words.finditer(sentence, lo, min(len(sentence), end + config.EVENTS_NEAR_CUE_CHARS)):
        if _negated(sentence, w.start(), w.end(), negation):
            continue
        return True
    return False


def _negated(sentence: str, start: int, end: int, negation: re.Pattern[str] | None) -> bool:
    """Whether a whole word of ``negation`` (the packs' ``negation``) starts at most
    :data:`geo.config.EVENTS_NEAR_NEGATION_CHARS` before the word at ``start:end`` of a
    sentence or right after it ("no debris fell", "damaged nothing", "уламки не впали").
    It is searched in the whole sentence, not cut at the window's end ("без" is no negation
    at the start of "безпілотника")."""
    if negation is None:
        return False
    near = config.EVENTS_NEAR_NEGATION_CHARS
    n = negation.search(sentence, max(0, start - near))
    return n is not None and n.start() < end + near


def _undated_earlier(
    sentence: str,
    pos: int,
    cues: Sequence[tuple[int, int, int]],
    dates: Sequence[FoundDate],
    time_after: re.Pattern[str] | None,
) -> bool:
    """Whether the place at ``pos`` of a sentence follows a shift in time in its clause
    ("two weeks after the one that hit X", "intervient peu après", "спустя три дня
    после"; the packs' ``time_after``), at most ``EVENTS_TIME_SHIFT_CHARS`` before it,
    after a cue of the sentence (its incident told first: "This strike comes two weeks
    after ..."), and the sentence gives no date after the shift: an incident of another,
    unknown day, not one of the day the article tells."""
    if time_after is None:
        return False
    lo = max(0, pos - config.EVENTS_TIME_SHIFT_CHARS)
    lo = max((e.end() for e in _CLAUSE_EDGE.finditer(sentence, lo, pos)), default=lo)
    shift = time_after.search(sentence, lo, pos)
    return (
        shift is not None
        and any(c[1] <= shift.start() for c in cues)
        and not any(d.start >= shift.start() for d in dates)
    )


def _same_time(
    pos: int, cues: list[tuple[int, int, int]], shifts: Sequence[int]
) -> list[tuple[int, int, int]]:
    """The cues of a sentence on the same side as the place at ``pos`` of each shift in time
    ("The bombing came days after fighters attacked a base in X": the bombing is another
    incident's, not X's; the packs' ``time_after``); all of them when that side has none."""
    if not shifts:
        return cues
    own = [c for c in cues if not _across_shift(c[0], pos, shifts)]
    return own or cues


def _across_shift(a: int, b: int, shifts: Sequence[int]) -> bool:
    """Whether a shift in time (at one of ``shifts``) stands strictly between the offsets
    ``a`` and ``b`` of a sentence."""
    lo, hi = min(a, b), max(a, b)
    return any(lo < at < hi for at in shifts)


def _period_told(sentence: str, dates: Sequence[FoundDate], ctx: _Context) -> bool:
    """Whether a sentence opens on a "since" ("Since the war began on 3 May, the rebels
    have shelled X", "ومنذ اندلاع الحرب ..."; the packs' ``time_reference``) and gives no
    date of its own: it tells what went on over a period, no incident of a day."""
    if ctx.period_start is None or dates:
        return False
    return (
        ctx.period_start.match(sentence, len(sentence) - len(sentence.lstrip(_OPENERS))) is not None
    )


#: What may stand before a sentence's first word: spaces, quotes, dashes.
_OPENERS: Final = " \t\n\"'«»“”„‘’—–-"


# --------------------------------------------------------------------------- incidents


@dataclass(slots=True)
class Toll:
    """A count of people and whether it is a vague word ("dozens")."""

    count: int
    vague: bool = False
    armed: bool = False  # it counts fighters, soldiers or police: no civilians
    earlier: bool = False  # a figure the text says a later one superseded
    rough: bool = False  # an estimate ("more than twenty", "una docena")

    def better(self, other: Toll) -> Toll:
        """The figure to keep of two reports: a stated one beats a vague one, the current one
        an earlier one the text says was superseded ("had put the toll at three"), an exact
        one an estimate above it ("more than twenty", then "17 bodies": the estimate rounded
        up; not a part of it, below ``config.ROUGH_TOLL_MIN_SHARE`` of it), otherwise the
        highest (a toll that rose in the day)."""
        if self.vague != other.vague:
            return other if self.vague else self
        if self.earlier != other.earlier:
            return other if self.earlier else self
        if self.rough != other.rough:
            rough, exact = (self, other) if self.rough else (other, self)
            if exact.count >= rough.count * config.ROUGH_TOLL_MIN_SHARE:
                return exact
        return other if other.count > self.count else self


def _keep(target: dict[str, Toll], pid: str, toll: Toll) -> None:
    old = target.get(pid)
    target[pid] = toll if old is None else old.better(toll)


@dataclass(slots=True)
class _Incident:
    etype: str
    subtype: str
    generic: bool
    sentence: int
    date: dt.date | None
    precision: int
    dated: bool  # the text dates it (not the article's date)
    notes: list[str]
    cue: int  # offset of its cue in the document
    places: dict[str, list[Mention]] = field(default_factory=dict)
    fatalities: dict[str, Toll] = field(default_factory=dict)
    injured: dict[str, Toll] = field(default_factory=dict)
    none: frozenset[str] = frozenset()  # counts said to be 0: "no one was hurt"
    actor1: Actor | None = None
    actor2: Actor | None = None
    intervention: bool = False
    district: bool = False  # told only at parts of a town: it completes the town's incident
    ground_fire: bool = True  # its sentence names a gun, shell, rocket or missile
    apart: bool = False  # told in a sentence of its own: never one report of another
    unclaimed: bool = False  # "no group has claimed it": no perpetrator from the story
    separate: bool = False  # "in a separate incident": no perpetrator from the story or lead
    # actor1 is the one of the incident or the lead told before ("the same day")
    inherited: bool = False
    explicit: bool = False  # its own sentence says actor1 did it ("attacked by gunmen")
    moved: bool = False  # told at a region, then at a town of it: the town's incident
    # told by a sentence recalling the past with a day ("As a reminder, on 14 May ..."): one
    # report of an incident told at its place on that same day only
    recalled: bool = False
    # the side that shot the weapons down or defused them, as its sentence names it (Disrupted
    # weapons use: ACLED's actor1 then, the attacker actor1 being its actor2)
    interceptor: Actor | None = None


@dataclass(frozen=True, slots=True)
class _Lead:
    """An incident told in a sentence that names no place ("Russian drones attacked several
    villages on Sunday"): its rule, day and attacker, for the places of the next sentences."""

    rule: int | None  # None: a claim that names no type ("X claimed the attacks")
    sentence: int
    date: FoundDate | None
    agent: Actor | None
    # told by a country as the subject ("Russia launched its drones in the night"): a
    # wave of that day, not the campaign an earlier day recalled belongs to
    wave: bool = False


@dataclass(frozen=True)
class _Context:
    """The packs' context patterns of a set of languages, compiled once."""

    border: re.Pattern[str] | None
    compound_after: re.Pattern[str] | None
    time_reference: re.Pattern[str] | None
    period_start: re.Pattern[str] | None  # time_reference anywhere in a clause
    new_clause: re.Pattern[str] | None
    actor_after: re.Pattern[str] | None
    actor_before: re.Pattern[str] | None
    organisation_after: re.Pattern[str] | None  # "the X Defence Force (XDF) said"
    inverted: re.Pattern[str] | None
    residents: re.Pattern[str] | None  # "residents of" right before a name
    locative: re.Pattern[str] | None  # a place preposition right before a name ("in")
    report: re.Pattern[str] | None
    rise: re.Pattern[str] | None  # a toll growing: "rose to", "s'est alourdi", "выросло"
    intervention: re.Pattern[str] | None
    district_before: re.Pattern[str] | None
    district_after: re.Pattern[str] | None
    district_of_town: re.Pattern[str] | None  # "a neighbourhood of": the town follows
    reference_point: re.Pattern[str] | None
    relative_point: re.Pattern[str] | None
    relative_after: re.Pattern[str] | None
    protest_cause: re.Pattern[str] | None
    protest_demand: re.Pattern[str] | None  # "demanding justice for": what follows is the cause
    # "residents of" right before a name: in a protest's sentence naming another place,
    # where the protesters came from
    protesters_from: re.Pattern[str] | None
    origin: re.Pattern[str] | None
    reaction: re.Pattern[str] | None  # "condemned": what follows or precedes is reacted to
    # "que" right after a word of reaction ("denunciaron que"): the word reports what follows
    reaction_report: re.Pattern[str] | None
    # "'s" after a weekday ("Saturday's strike"): the weekday dates the noun after it
    possessive: re.Pattern[str] | None
    # "Hit were", "Под ударом оказались": a list of the places a strike told before hit
    hit_list: re.Pattern[str] | None
    # "Russia launched ...": an active verb of attack right after a country's name
    country_attack: re.Pattern[str] | None
    attribution: re.Pattern[str] | None  # "said", "according to": the source follows
    attribution_end: re.Pattern[str] | None  # "that" ("أن"): what is reported follows
    time_after: re.Pattern[str] | None  # "two weeks after": what follows is another time
    later: re.Pattern[str] | None  # "later", "لاحقا": what follows came after the incident
    destination: re.Pattern[str] | None
    hospital_before: re.Pattern[str] | None  # "died at": a hospital named after its town follows
    hospital_after: re.Pattern[str] | None  # "General Hospital" right after a place
    coordination: re.Pattern[str] | None  # the words joining a list ("and", "та", "و")
    # the words joining the last of a list of alternatives ("buses for A, B or C")
    disjunction: re.Pattern[str] | None
    region_before: re.Pattern[str] | None
    region_after: re.Pattern[str] | None
    town_before: re.Pattern[str] | None  # "the town of" right before a name: it is a town
    region_list: re.Pattern[str] | None  # ", Y and Z regions" after a place: it is one
    listed_before: re.Pattern[str] | None  # "X, Y and " before a place: one of a list
    route_before: re.Pattern[str] | None  # "a bus linking" before the first end of a route
    route_join: re.Pattern[str] | None  # "to", "and" between the ends of a route
    region_word: re.Pattern[str] | None  # region_after in any form ("regions", "областями")
    background_opener: re.Pattern[str] | None
    recall: re.Pattern[str] | None  # "as a reminder," opening a sentence: background
    other_before: re.Pattern[str] | None  # "previous" right before a cue: another incident
    other_after: re.Pattern[str] | None  # "similaire", "مماثل" right after a cue
    other_word: re.Pattern[str] | None  # "previous" before a noun: "in previous attacks"
    other_any: re.Pattern[str] | None  # any word of other_before or other_after
    hypothetical: re.Pattern[str] | None  # "an imminent (rebel) assault": none told
    hypothetical_any: re.Pattern[str] | None  # any of its words, to skip most sentences
    # any word of same_day, next_day, previous_day, days_after or days_before
    told_day_any: re.Pattern[str] | None
    habitual: re.Pattern[str] | None
    tally_period: re.Pattern[str] | None  # "in the past week": a sentence that tallies
    pursuit: re.Pattern[str] | None  # "those behind" right before a cue: the told incident
    threat: re.Pattern[str] | None  # "threatened to": what follows in its clause is not told
    # "also", "также": the sentence adds an incident to the story just told
    additive: re.Pattern[str] | None
    # "damaged", "пошкоджено": what a weapon's debris did to a place
    damage: re.Pattern[str] | None


_CONTEXTS: dict[tuple[str, ...], _Context] = {}

#: A capitalised word: part of a name the geoparser may leave out of the place it found
#: ("la colonia Nueva X" read as "X").
_CAPITALISED: Final = r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’\-]*"


def _context(rules: Rules) -> _Context:
    ctx = _CONTEXTS.get(rules.codes)
    if ctx is not None:
        return ctx

    def alt(section: str, name: str) -> str:
        return "|".join(f"(?:{p})" for p in rules.patterns(section, name))

    verbs, aux = alt("context", "actor_verbs"), alt("context", "auxiliaries")
    actor_after = None
    if verbs:
        actor_after = re.compile(
            r"\s*(?:(?:and|et|y|и|و)\s+[^\W\d_][\w\-]*\s+)?(?:,[^,.]{0,50},\s*)?"
            + (rf"(?:(?:{aux})\s+){{0,2}}" if aux else "")
            + r"(?:s['’]|se\s+)?"
            + rf"(?:{verbs})(?!\w)",
            re.IGNORECASE,
        )
    before = alt("context", "actor_before")
    organisation = alt("context", "organisation_after")
    inverted = alt("context", "inverted_subject")
    from geo.lang import LANGUAGES, get_pack

    def words(name: str) -> str:  # a word list of the packs (pack.toml) as an alternation
        return "|".join(
            re.escape(w)
            for code in rules.codes
            if code in LANGUAGES
            for w in sorted(get_pack(code).words.get(name, ()))
        )

    residents, locative = words("residents_before"), words("place_prepositions")
    border = alt("context", "border")
    compound = alt("context", "compound_after")
    time_ref = alt("context", "time_reference")
    new_clause = alt("context", "new_clause")
    report = alt("tolls", "report")
    rise = alt("tolls", "rise")
    district_before = alt("context", "district_before")
    district_after = alt("context", "district_after")
    district_of_town = alt("context", "district_of_town")
    reference = alt("context", "reference_point")
    relative = alt("context", "relative_point")
    relative_after = alt("context", "relative_after")
    cause = alt("context", "protest_cause")
    protesters_from = alt("context", "protesters_from")
    origin = alt("context", "origin")
    time_after = alt("context", "time_after")
    destination = alt("context", "destination")
    hospital_before, hospital_after = (
        alt("context", "hospital_before"),
        alt("context", "hospital_after"),
    )
    coordination = alt("tolls", "coordination")
    disjunction = alt("context", "disjunction")
    region_before, region_after = alt("context", "region_before"), alt("context", "region_after")
    town_before = alt("context", "town_before")
    hypothetical = alt("context", "hypothetical_before")
    route_before, route_join = alt("context", "route_before"), alt("context", "route_join")
    # "the third attack in a month", "la troisième attaque": a series the incident closes,
    # told as the others before it (series_before joins other_before, but not other_word:
    # "on the third floor" names no earlier incident)
    earlier_words = "|".join(
        w for w in (alt("context", "other_before"), alt("context", "series_before")) if w
    )
    other_words = "|".join(w for w in (earlier_words, alt("context", "other_after")) if w)
    ctx = _Context(
        border=re.compile(rf"(?:{border})(?!\w)", re.IGNORECASE) if border else None,
        compound_after=re.compile(compound, re.IGNORECASE) if compound else None,
        time_reference=re.compile(rf"(?<!\w)(?:{time_ref})(?!\w)[^,.;]{{0,20}}$", re.IGNORECASE)
        if time_ref
        else None,
        period_start=re.compile(rf"(?<!\w)(?:{time_ref})(?!\w)", re.IGNORECASE)
        if time_ref
        else None,
        new_clause=re.compile(rf"[;؛]|{new_clause}", re.IGNORECASE) if new_clause else None,
        actor_after=actor_after,
        # a whole word, or one glued to the Arabic conjunction ("ودعا"), not the end of a
        # longer word ("مستودعا", a warehouse, ends in "دعا", called)
        actor_before=re.compile(rf"{_WORD_START}(?:{before})\s*$", re.IGNORECASE)
        if before
        else None,
        organisation_after=re.compile(
            rf"(?:\s+(?-i:{_CAPITALISED})){{0,4}}?\s+(?-i:{organisation})(?!\w)"
            r"(?:\s*\([^()\n]{1,20}\))?"
        )
        if organisation
        else None,
        inverted=re.compile(rf"\w*\s+(?:\w+\s+){{0,2}}(?:{inverted})(?!\w)", re.IGNORECASE)
        if inverted
        else None,
        report=re.compile(rf"(?<!\w)(?:{report})(?!\w)", re.IGNORECASE) if report else None,
        rise=re.compile(rf"(?<!\w)(?:{rise})(?!\w)", re.IGNORECASE) if rise else None,
        residents=re.compile(rf"(?<!\w)(?:{residents})\s+(?:[^\W\d_]+\s+)?$", re.IGNORECASE)
        if residents
        else None,
        locative=re.compile(rf"(?<!\w)(?:{locative})\s+$", re.IGNORECASE) if locative else None,
        intervention=re.compile(
            rf"(?<!\w)(?:{alt('classes', 'intervention')})(?!\w)", re.IGNORECASE
        )
        if alt("classes", "intervention")
        else None,
        district_before=re.compile(
            rf"(?<!\w)(?:{district_before})(?-i:\s*(?<=\s){_CAPITALISED}){{0,2}}\s*$", re.IGNORECASE
        )
        if district_before
        else None,
        district_after=re.compile(rf"\s*(?:{district_after})(?!\w)", re.IGNORECASE)
        if district_after
        else None,
        district_of_town=re.compile(rf"(?<!\w)(?:{district_of_town})\s*$", re.IGNORECASE)
        if district_of_town
        else None,
        reference_point=re.compile(rf"(?<!\w)(?:{reference})\s*$", re.IGNORECASE)
        if reference
        else None,
        relative_after=re.compile(rf"(?:{relative_after})(?!\w)", re.IGNORECASE)
        if relative_after
        else None,
        relative_point=re.compile(rf"(?<!\w)(?:{relative})\s*$", re.IGNORECASE)
        if relative
        else None,
        time_after=re.compile(rf"(?<!\w)(?:{time_after})(?!\w)", re.IGNORECASE)
        if time_after
        else None,
        origin=re.compile(rf"(?<!\w)(?:{origin})\s*$", re.IGNORECASE) if origin else None,
        reaction=rules.words_re("context", "reaction"),
        later=rules.words_re("context", "later"),
        reaction_report=rules.words_re("context", "reaction_report"),
        hit_list=rules.words_re("context", "hit_list"),
        country_attack=re.compile(
            rf"\s*(?:{alt('context', 'country_attack')})(?!\w)", re.IGNORECASE
        )
        if rules.patterns("context", "country_attack")
        else None,
        possessive=(
            re.compile(possessive_pattern(rules)) if rules.patterns("dates", "possessive") else None
        ),
        attribution=rules.words_re("context", "attribution"),
        attribution_end=rules.words_re("context", "attribution_end"),
        protest_cause=re.compile(rf"(?<!\w)(?:{cause})(?!\w)", re.IGNORECASE) if cause else None,
        protesters_from=re.compile(rf"(?<!\w)(?:{protesters_from})\s+$", re.IGNORECASE)
        if protesters_from
        else None,
        destination=re.compile(rf"(?<!\w)(?:{destination})\s*$", re.IGNORECASE)
        if destination
        else None,
        hospital_before=re.compile(rf"(?<!\w)(?:{hospital_before})\s*$", re.IGNORECASE)
        if hospital_before
        else None,
        hospital_after=re.compile(rf"\s+(?:{hospital_after})(?!\w)", re.IGNORECASE)
        if hospital_after
        else None,
        coordination=re.compile(rf"(?:{coordination})", re.IGNORECASE) if coordination else None,
        disjunction=re.compile(rf"(?:{disjunction})", re.IGNORECASE) if disjunction else None,
        region_before=re.compile(rf"(?<!\w)(?:{region_before})\s*$", re.IGNORECASE)
        if region_before
        else None,
        region_after=re.compile(rf"\s+(?:{region_after})(?!\w)", re.IGNORECASE)
        if region_after
        else None,
        town_before=re.compile(rf"(?<!\w)(?:{town_before})\s*$", re.IGNORECASE)
        if town_before
        else None,
        region_list=re.compile(
            rf"(?:\s*(?:,|{coordination})\s+(?-i:{_CAPITALISED})){{1,6}}\s+(?:{region_after})\w*",
            re.IGNORECASE,
        )
        if region_after and coordination
        else None,
        route_before=re.compile(rf"(?<!\w)(?:{route_before})\s*$", re.IGNORECASE)
        if route_before
        else None,
        route_join=re.compile(rf"\s*(?:{route_join})\s*", re.IGNORECASE) if route_join else None,
        region_word=re.compile(rf"\s+(?:{region_after})\w*", re.IGNORECASE)
        if region_after
        else None,
        listed_before=re.compile(
            rf"(?-i:{_CAPITALISED})\s*(?:,|\s(?:{coordination}))\s*$", re.IGNORECASE
        )
        if coordination
        else None,
        background_opener=rules.words_re("context", "background_opener"),
        recall=_opening(rules.patterns("context", "recall")),
        other_before=re.compile(rf"(?<!\w)(?:{earlier_words})\s+$", re.IGNORECASE)
        if earlier_words
        else None,
        other_any=re.compile(rf"(?<!\w)(?:{other_words})(?!\w)", re.IGNORECASE)
        if other_words
        else None,
        other_word=re.compile(
            rf"(?<!\w)(?:{alt('context', 'other_before')})\s+[^\W\d_]", re.IGNORECASE
        )
        if alt("context", "other_before")
        else None,
        hypothetical_any=rules.words_re("context", "hypothetical_before"),
        told_day_any=rules.combined(
            "context", ("same_day", "next_day", "previous_day", "days_after", "days_before")
        )[0],
        hypothetical=re.compile(rf"(?<!\w)(?:{hypothetical})(?:\s+[^\W\d_]+)?\s+$", re.IGNORECASE)
        if hypothetical
        else None,
        other_after=re.compile(rf"\s+(?:{alt('context', 'other_after')})(?!\w)", re.IGNORECASE)
        if alt("context", "other_after")
        else None,
        habitual=rules.words_re("context", "habitual"),
        tally_period=rules.words_re("context", "tally_period"),
        pursuit=re.compile(rf"(?<!\w)(?:{alt('context', 'pursuit')})\s+$", re.IGNORECASE)
        if alt("context", "pursuit")
        else None,
        protest_demand=rules.words_re("context", "protest_demand"),
        threat=rules.words_re("context", "threat"),
        additive=rules.words_re("context", "additive"),
        damage=rules.words_re("context", "damage"),
    )
    _CONTEXTS[rules.codes] = ctx
    return ctx


#: The event types of a crowd (its place is where it gathered, its cause told elsewhere).
_CROWD: Final = frozenset({"Protests", "Riots"})

#: A wire dateline: "PORT-AU-PRINCE (AFP) -", "MOGADISHU, Oct 30 (Reuters) -", "BEYROUTH, 23
#: juin -", "KIEV, 8 jul (EFE).-", "DNIPRO, Ukraine, Jan 16 -", "GOMA (RDC), 5 mai -"; in
#: Arabic, which has no capitals, one to three words before the dash: "دمشق (رويترز) -".
_DATELINE: Final = re.compile(
    r"[ \t]*(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ'’.\- /]{1,60}"
    r"|[\u0621-\u064a]+(?: [\u0621-\u064a]+){0,2})(?:\([^()\n]{1,40}\))?"
    r"(?:,[^\n(),]{1,40}){0,2}[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)*\.?[ \t]*(?:-|—|–)"
)
#: A dateline in title case ("Kita (AFP) -", "Tororo, 5 mai (Reuters) -", "Lokoja, 3 mars
#: 2025 –", "Lokoja, le 3 mars 2025 –", "Lokoja, 3 de marzo de 2025 –", "Gulu, March 3,
#: 2025 –", "Gulu, March 3/2025 –"): one to three capitalised
#: words, the agency in brackets or a date with its year before the dash (without either, a
#: headline's "Mali - ..." would be one).
_TITLE_DATELINE: Final = re.compile(
    r"[ \t]*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.\-]{1,30}(?: [A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.\-]{0,30}){0,2}"
    r"(?:(?:,[^\n(),]{1,40}){0,2}[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)+"
    r"|,[ \t]*(?:[^\W\d_]{1,3}[ \t]+)?\d{1,2}[ \t]+(?:[^\W\d_]{1,3}[ \t]+)?[^\W\d_]{3,12}\.?"
    r"[ \t]+(?:[^\W\d_]{1,3}[ \t]+)?\d{4}(?:[ \t]*(?:г|р)\.)?[ \t]*"
    r"|,[ \t]*[^\W\d_]{3,12}\.?[ \t]+\d{1,2}(?:[ \t]*[,/][ \t]*|[ \t]+)\d{4}[ \t]*)"
    r"\.?[ \t]*(?:-|—|–)"
)
_CLAUSE_EDGE: Final = re.compile(r"[,;:()\[\]،؛]")
#: The start of a word, or of one after the Arabic conjunction glued to it (و, ف).
_WORD_START: Final = r"(?:(?<!\w)|(?<=(?<!\w)[\u0648\u0641]))"
#: What ends a sentence's main clause: a semicolon (a comma may close an opening phrase).
_NEW_CLAUSE: Final = re.compile(r"[;؛]")
#: The comma of a date told in apposition ("в четверг, 14 октября, ..."), and spaces.
_DATE_CLOSE: Final = re.compile(r"\s*[,،]\s*")
#: The end of a sentence or a line.
_SENTENCE_END: Final = re.compile(r"[.!?؟\n]")
#: A run of letters (a word of a gap between two names), and one of two letters or more.
_LETTER_RUN: Final = re.compile(r"[^\W\d_]+")
_WORD_RUN: Final = re.compile(r"[^\W\d_]{2,}")
_LIST_OF_NAMES: Final = re.compile(
    r"(?:\s|,|\bet\b|\band\b|\by\b|\ble\b|\bla\b|\bles\b|\bl['’]|\bthe\b|\bdu\b|\bel\b|"
    r"\bde\b|[A-ZÀ-Þ][\w'’\-]*)*",
)


#: A label in title case: one to three capitalised words and a colon ("X : ...", "X: ...")
#: or a period and a dash ("Ciudad X.- ...") before what the line tells.
_TITLE_LABEL: Final = re.compile(
    r"[ \t]*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.\-]{1,30}(?: [A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.\-]{0,30}){0,2}"
    r"(?:[ \t\u00a0]?:|\.-)(?=[ \t])"
)
#: A headline's label in Arabic: one to three words and a colon before what it tells
#: ("حلب: مقتل ثلاثة ..."): the region the story is filed under, as a dateline is.
_LABEL: Final = re.compile(r"[ \t]*[\u0621-\u064a]+(?: [\u0621-\u064a]+){0,2}[ \t]*:(?=[ \t])")


def _dateline_end(text: str, line_start: int, *, headline: bool = False) -> int:
    """The end of a dateline that opens the line at ``line_start`` (-1 if none), or of a
    label in title case ("X : ...", "Ciudad X.- ...": :data:`_TITLE_LABEL`); on the
    headline, also of its Arabic label (:data:`_LABEL`). (A line whose label is its only
    place keeps it as the incident's place: the caller reads the body's places first.)"""
    m = (
        _DATELINE.match(text, line_start)
        or _TITLE_DATELINE.match(text, line_start)
        or _TITLE_LABEL.match(text, line_start)
    )
    if m is None and headline:
        m = _LABEL.match(text, line_start)
    return m.end() if m is not None else -1


def _across_border(text: str, m: Mention, ctx: _Context) -> bool:
    """A country named as a neighbour ("near the border with Mali"), or a place in a
    compound adjective ("a Britain-based monitor"): the incident is not there."""
    if ctx.compound_after is not None and ctx.compound_after.match(text, m.char_end):
        return True
    if m.place.kind != "country" or ctx.border is None:
        return False
    window = text[max(0, m.char_start - 80) : m.char_start]
    cues = list(ctx.border.finditer(window))
    if not cues:
        return False
    return _LIST_OF_NAMES.fullmatch(window[cues[-1].end() :]) is not None


def _destination(text: str, m: Mention, ctx: _Context, ms: Sequence[Mention] = ()) -> bool:
    """A place the wounded were taken to, are treated in or people fled to ("evacuated to
    X", "évacués vers X", "hospital sources in X"), or the next of a list of such places
    ("to X and Y", one of ``ms`` before it, joined by a comma or the packs'
    ``coordination``): the incident is elsewhere. The packs' ``destination``; and a
    hospital named after its town where the wounded died or were taken ("died at X General
    Hospital": the packs' ``hospital_before`` before the place, ``hospital_after`` after it).
    """
    window = max(0, m.char_start - config.EVENTS_DESTINATION_CHARS)
    if (
        ctx.hospital_before is not None
        and ctx.hospital_after is not None
        and ctx.hospital_after.match(text, m.char_end)
        and ctx.hospital_before.search(text, window, m.char_start)
    ):
        return True
    if ctx.destination is None:
        return False
    if ctx.destination.search(text, window, m.char_start):
        return True
    q = _listed_after(text, m, ms, ctx)
    return q is not None and _destination(
        text, q, ctx, [b for b in ms if b.char_end <= m.char_start]
    )


def _region_namesake(
    text: str, m: Mention, ms: Sequence[Mention], story_town: Place | None, ctx: _Context
) -> bool:
    """A town read where the words name its first-level region ("en la costa de Nariño",
    "en el norte de Bolívar"): the words are the region's whole name, and the town
    only shares it within a longer name of its own ("Puerto Boyacá" for
    "Boyacá"), or is a small town (below
    :data:`geo.config.EVENTS_NAMESAKE_TOWN_POPULATION`) while the sentence, or the story
    just told, names another town of that region. The region says where that town lies:
    no incident place of its own. Words naming a town right before the name ("la
    ciudad de Nariño"; the packs' ``town_before``) keep it the town."""
    from geo.gazetteer import normalize_name

    p = m.place
    if p.kind != "city" or not p.admin1 or not p.admin1_code:
        return False
    words = normalize_name(m.mention)
    if words != normalize_name(p.admin1):
        return False
    if ctx.town_before is not None and ctx.town_before.search(
        text, max(0, m.char_start - config.EVENTS_DISTRICT_WORD_CHARS), m.char_start
    ):
        return False
    own = normalize_name(p.name)
    if own != words and words in own:
        return True  # inside a longer name of the town ("Puerto X"), not a former name
    if p.population >= config.EVENTS_NAMESAKE_TOWN_POPULATION:
        return False
    towns = [q.place for q in ms if q is not m] + ([story_town] if story_town is not None else [])
    return any(
        q.kind == "city"
        and q.id != p.id
        and q.country_code == p.country_code
        and q.admin1_code == p.admin1_code
        for q in towns
    )


def _lies_in(town: Place, region: Place) -> bool:
    """Whether ``town`` is another town of the first-level region of ``region``."""
    return (
        town.kind == "city"
        and town.id != region.id
        and town.country_code == region.country_code
        and town.admin1_code is not None
        and town.admin1_code == region.admin1_code
    )


def _named_as_region(text: str, m: Mention, ctx: _Context) -> bool:
    """A place the text names as a region ("the region of X", "X province", "Х-ской
    области"), whatever the geoparser read: beside a town of that region it says where
    the town lies, not where the incident is. The packs' ``region_before`` and
    ``region_after``."""
    if ctx.region_after is not None and ctx.region_after.match(text, m.char_end):
        return True
    return bool(
        ctx.region_before is not None
        and ctx.region_before.search(
            text, max(0, m.char_start - config.EVENTS_DISTRICT_WORD_CHARS), m.char_start
        )
    )


#: What stands between a town and the region named after it to say where it lies ("A, X").
_APPOSITION: Final = frozenset((", ", " (", ", in "))


def _region_called_after(
    text: str,
    m: Mention,
    ms: Sequence[Mention],
    ctx: _Context,
    gaz: Gazetteer,
    story_town: Place | None = None,
) -> bool:
    """A town read where the words name the first-level region called after it ("the X
    region town of A", "A, dans la région de X": X read as the region's capital): the text
    names it as a region (:func:`_named_as_region`) and another town of the sentence or the
    town of the story (``story_town``: "this town of the X region") lies in a region of
    that name, or it follows such a town right after a comma ("A, X"). The
    region says where that town lies: no incident of its own (the capital's own region may
    be another one, a city with the status of a region)."""
    p = m.place
    if p.kind != "city" or not p.country_code:
        return False
    if _named_as_region(text, m, ctx):
        towns = [q.place for q in ms if q.place.kind == "city" and q.place.id != p.id]
        if story_town is not None and story_town.id != p.id:
            towns.append(story_town)
    else:
        # the region right after its town ("A, X,"): said of where A lies
        towns = [
            q.place
            for q in ms
            if q.place.kind == "city"
            and q.place.id != p.id
            and text[q.char_end : m.char_start] in _APPOSITION
        ]
    if not towns:
        return False
    regions = gaz.lookup(m.mention, kinds=("region",), country_codes=[p.country_code])
    return any(_lies_in(town, region) for town in towns for region in regions)


def _route_ends(text: str, ms: Sequence[Mention], ctx: _Context) -> set[int]:
    """The indexes in ``ms`` of the ends of a route the sentence names ("a bus linking A to
    B", "the road between A and B"; the packs' ``route_before`` and ``route_join``): a place
    right after a word of ``route_before`` and the next place, joined to it by a word of
    ``route_join``. They say where a vehicle went, not where it was hit, when the sentence
    names another place."""
    if ctx.route_before is None or ctx.route_join is None:
        return set()
    order = sorted(range(len(ms)), key=lambda i: ms[i].char_start)
    out: set[int] = set()
    for a, b in itertools.pairwise(order):
        first, second = ms[a], ms[b]
        if first.char_end > second.char_start:
            continue
        if ctx.route_join.fullmatch(text, first.char_end, second.char_start) and (
            ctx.route_before.search(
                text, max(0, first.char_start - config.EVENTS_DISTRICT_WORD_CHARS), first.char_start
            )
        ):
            out |= {a, b}
    return out


def _listed_region(text: str, m: Mention, ctx: _Context, ms: Sequence[Mention] = ()) -> bool:
    """A place the text names as one of a list of regions ("над Тверской, Псковской и
    Новгородской областями", "the X, Y and Z regions"; the packs' ``region_after`` after the
    list), whatever the geoparser read: no town of its own. Not a town its own region
    follows ("in X, Y State": the region says where the town lies)."""
    if ctx.region_list is not None and ctx.region_list.match(text, m.char_end) is not None:
        after = next((q for q in ms if q.char_start >= m.char_end), None)
        return after is None or not (
            after.place.kind == "region"
            and after.char_start - m.char_end <= 3
            and _lies_in(m.place, after.place)
        )
    return bool(  # the last of the list
        ctx.region_word is not None
        and ctx.listed_before is not None
        and ctx.region_word.match(text, m.char_end)
        and ctx.listed_before.search(text, max(0, m.char_start - 40), m.char_start)
    )


def _in_district(text: str, m: Mention, ctx: _Context) -> bool:
    """A place named as a part of a town: after a word for a district, camp or street
    ("the neighbourhood of X", "la colonia X", "حي X") or before one ("X Street", "в X
    районе"), the word also inside the name the geoparser found ("Xському районі" read
    as the district's centre). The packs' ``district_before`` and ``district_after``; not
    a town named after the words for one of its parts ("an eastern neighbourhood of X",
    "several suburbs of X": the packs' ``district_of_town``)."""
    if ctx.district_after is not None:
        if ctx.district_after.match(text, m.char_end):
            return True
        last = max(
            text.rfind(" ", m.char_start, m.char_end), text.rfind("\n", m.char_start, m.char_end)
        )
        inner = ctx.district_after.match(text, last, m.char_end) if last > m.char_start else None
        if inner is not None and inner.end() == m.char_end:
            return True
    return bool(
        ctx.district_before is not None
        and ctx.district_before.search(
            text, max(0, m.char_start - config.EVENTS_DISTRICT_WORD_CHARS), m.char_start
        )
        and not (
            ctx.district_of_town is not None
            and ctx.district_of_town.search(
                text, max(0, m.char_start - config.EVENTS_TOWN_OF_DISTRICT_CHARS), m.char_start
            )
        )
    )


def _in_the_town(
    text: str, ms: list[Mention], ctx: _Context, story_town: Place | None
) -> tuple[list[Mention], set[int]]:
    """The mentions of a sentence with each part of a town (:func:`_in_district`) placed at
    its town: the nearest other town the sentence names, otherwise the town of the last
    incident told (the story's town); a district the gazetteer knows by another place's
    name is no new incident ("a missile hit a house in the X district yesterday")."""
    districts = [i for i, m in enumerate(ms) if _in_district(text, m, ctx)]
    if not districts:
        return ms, set()
    towns = [q for i, q in enumerate(ms) if i not in districts and q.place.kind == "city"]
    out = list(ms)
    for i in districts:
        m = ms[i]
        town = (
            min(towns, key=lambda q: abs(q.char_start - m.char_start)).place
            if towns
            else story_town
        )
        if town is not None and town.id != m.place.id:
            out[i] = dataclasses.replace(m, place=town, precision=2)
    return out, {id(out[i]) for i in districts if out[i] is not ms[i]}


def _within_told(
    text: str,
    ms: list[Mention],
    told: Sequence[_Incident],
    ctx: _Context,
    story_town: Place | None,
) -> bool:
    """Whether a sentence names only parts of the town of the incidents just told ("near a
    junction in the X district"), or only their places ("The convoy, which had left X at
    noon, was hit on Monday"), so that it goes on about them."""
    places = {pid for inc in told for pid in inc.places}
    if ms and all(m.place.id in places for m in ms):
        return True
    placed, moved = _in_the_town(text, ms, ctx, story_town)
    return bool(ms) and all(id(m) in moved and m.place.id in places for m in placed)


def _reference_point(text: str, m: Mention, ctx: _Context) -> bool:
    """A place named as a reference point of a distance ("30 km south of X", "à une
    trentaine de kilomètres de X"): the incident is elsewhere. The packs'
    ``reference_point``."""
    return bool(
        ctx.reference_point is not None
        and ctx.reference_point.search(
            text, max(0, m.char_start - config.EVENTS_DISTRICT_WORD_CHARS), m.char_start
        )
    )


@functools.lru_cache(maxsize=8)
def _placeless_cue_tuple(sentence: str, rules: Rules) -> tuple[tuple[int, int, int], ...]:
    return tuple(cue_matches(sentence, rules))


def _placeless_cues(sentence: str, rules: Rules) -> list[tuple[int, int, int]]:
    """:func:`cue_matches` of a sentence that names no place, found once for the passes that
    read it (the lead, a protest without a place, the follow-up)."""
    return list(_placeless_cue_tuple(sentence, rules))


def _relative_point(text: str, m: Mention, towns: Sequence[Mention], ctx: _Context) -> bool:
    """A place named as the point a town just before it lies relative to ("X, east of Y",
    "X на окраине Y", "X près de Y", "X غربي Y", "X, Y's twin city"; the packs'
    ``relative_point`` before it, ``relative_after`` after it): the
    incident is at the town named first, the more precise place. The town is one of
    ``towns`` (the sentence's mentions less those :func:`_misplaced`), ends at most
    ``EVENTS_RELATIVE_APPOSITION_CHARS`` before the place and lies within ``EVENTS_RELATIVE_KM`` of
    it; alone in its sentence the place stays where the incident is."""
    from geo.geoparse import haversine_km

    before = ctx.relative_point is not None and ctx.relative_point.search(
        text, max(0, m.char_start - config.EVENTS_DISTRICT_WORD_CHARS), m.char_start
    )
    after = ctx.relative_after is not None and ctx.relative_after.match(text, m.char_end)
    if not (before or after):
        return False
    p = m.place
    return any(
        q.place.kind == "city"
        and q.char_end <= m.char_start
        and m.char_start - q.char_end <= config.EVENTS_RELATIVE_APPOSITION_CHARS
        and q.place.id != p.id
        # (not a town of another clause: "X was raided, and a mine exploded near Y")
        and not (
            ctx.new_clause is not None
            and _clause_edges(text, q.char_end, m.char_start, ctx.new_clause, ())
        )
        and haversine_km(q.place.latitude, q.place.longitude, p.latitude, p.longitude)
        <= config.EVENTS_RELATIVE_KM
        for q in towns
    )


def _qualifiers(text: str, ms: Sequence[Mention]) -> dict[int, set[str]]:
    """The places of a sentence that qualify another ("Koro (Tillia, Tahoua)": in
    parentheses right after a place, saying where it lies; "the A-B highway", "the A–B
    talks": the ends of a route or a pair, joined by a hyphen), by ``id`` of their mention,
    each with the places it qualifies (the place before the parentheses; for the ends of a
    route, the sentence's other places). A qualifier is no incident place of its own when
    a place it qualifies is one (:func:`_drop_qualifiers`). A place before parentheses
    that lies in none of their places (:func:`_lies_near`) was read as a homonym: it is
    qualified by them (the empty id ``""``) and they qualify nothing."""
    out: dict[int, set[str]] = {}
    ends: set[int] = set()
    pairs: list[tuple[Mention, Mention]] = []  # the two ends of each route
    order = sorted(ms, key=lambda q: q.char_start)
    groups: dict[int, list[Mention]] = {}  # the places of each parenthesis, by its place
    for i, m in enumerate(order):
        for q in reversed(order[:i]):
            if q.place.id == m.place.id or q.char_end > m.char_start:
                continue
            gap = text[q.char_end : m.char_start]
            if _ROUTE_JOIN.fullmatch(gap):
                ends |= {id(q), id(m)}
                pairs.append((q, m))
            elif _PAREN_OPEN.fullmatch(gap):
                out[id(m)] = {q.place.id}
                groups[id(q)] = [q, m]
            elif _PAREN_NEXT.fullmatch(gap) and id(q) in out:
                out[id(m)] = out[id(q)]  # the next item of the parentheses: "(Y, Z)"
                next(g for g in groups.values() if g[-1] is q).append(m)
            break
    for first, *items in groups.values():
        if not any(_lies_near(first.place, q.place) for q in items):
            out[id(first)] = {q.place.id for q in items}
            for q in items:
                del out[id(q)]
    # the other places: those named outside the route too ("marched through B and blocked
    # the A-B road": A qualifies B)
    others = {q.place.id for q in ms if id(q) not in ends}
    for q in ms:
        if id(q) in ends:
            out[id(q)] = others - {q.place.id}
    if not any(id(q) not in ends and q.place.kind == "city" for q in ms):
        # a route alone ("gunmen fired on a car on the A-B road"), or beside regions and
        # countries only ("in X state, ... on the A-B road"): one incident, at its first
        # end (as "on the road between A and B" reads)
        for first, second in pairs:
            out[id(second)] = {first.place.id}
    return {k: v for k, v in out.items() if v}


def _lies_near(place: Place, qualifier: Place) -> bool:
    """Whether a place may lie where a qualifier says: in its country, and in its
    first-level region or within :data:`geo.config.EVENTS_RELATIVE_KM` of it (a country
    qualifies each of its places)."""
    from geo.geoparse import haversine_km

    if place.country_code != qualifier.country_code:
        return False
    if qualifier.kind == "country":
        return True
    if qualifier.admin1_code and place.admin1_code == qualifier.admin1_code:
        return True
    km = haversine_km(place.latitude, place.longitude, qualifier.latitude, qualifier.longitude)
    return km <= config.EVENTS_RELATIVE_KM


def _drop_qualifiers(
    incidents: Iterable[_Incident],
    qualifiers: Mapping[int, set[str]],
    records: list[tuple[_Incident | None, Mention, str]],
    note: str,
) -> None:
    """Keep as mentions the places of the incidents of a sentence that only qualify another
    incident place of it (:func:`_qualifiers`)."""
    incidents = list(incidents)
    located = {pid for inc in incidents for pid in inc.places}
    for inc in incidents:
        for pid in list(inc.places):
            if all(
                id(q) in qualifiers and (qualifiers[id(q)] - {pid}) & located
                for q in inc.places[pid]
            ):
                records.append((None, inc.places.pop(pid)[0], note))


#: Between a place and the first place of the parentheses after it: "(", a few words that
#: name no number ("(commune of ", "(منطقة ").
_PAREN_OPEN: Final = re.compile(r"\s*\((?:[^\W\d_][\w'’\-]*\s+){0,3}")
#: Between two places of one parenthesis: a comma.
_PAREN_NEXT: Final = re.compile(r"\s*[,،]\s*")
#: Between the ends of a route or a pair: a hyphen or a dash, no space.
_ROUTE_JOIN: Final = re.compile(r"[-‐–—]")


def _origin(
    text: str,
    m: Mention,
    ms: Sequence[Mention],
    ctx: _Context,
    story_town: Place | None = None,
) -> bool:
    """A place fire, missiles or drones came from ("shelled from the direction of X",
    "drones launched from X"), or the people killed, held or marching come from ("both
    natives of X", "villagers of X and Y"; the packs' ``origin``), or the next of a list of
    such places (:func:`_listed_after`), when the sentence names another place or the story
    has told an incident at another town (``story_town``: "The missile, fired from the Kursk
    region, hit a block of flats"): the incident is where they struck or gathered."""
    elsewhere = story_town is not None and story_town.id != m.place.id
    if ctx.origin is None or not (elsewhere or any(q.place.id != m.place.id for q in ms)):
        return False
    if ctx.origin.search(
        text, max(0, m.char_start - config.EVENTS_DISTRICT_WORD_CHARS), m.char_start
    ):
        return not _reported_by_residents(text, m, ctx)
    # the next of a list of such places ("natives of A, B and C")
    q = _listed_after(text, m, ms, ctx)
    return q is not None and _origin(text, q, [p for p in ms if p is not m], ctx, story_town)


def _listed_after(text: str, m: Mention, ms: Sequence[Mention], ctx: _Context) -> Mention | None:
    """The place of ``ms`` right before ``m`` when ``m`` is the next of a list with it
    (joined by a comma, the packs' ``coordination`` or their ``disjunction``: "to A, B or
    C", at most :data:`geo.config.EVENTS_LIST_GAP_CHARS` apart on one line), else None."""
    before = [q for q in ms if q.char_end <= m.char_start]
    if not before:
        return None
    q = max(before, key=lambda b: b.char_end)
    gap = text[q.char_end : m.char_start]
    if len(gap) > config.EVENTS_LIST_GAP_CHARS or "\n" in gap:
        return None
    joint = gap.strip(" ,،")
    listed = (
        not joint
        or (ctx.coordination is not None and ctx.coordination.fullmatch(joint) is not None)
        or (ctx.disjunction is not None and ctx.disjunction.fullmatch(joint) is not None)
    )
    return q if listed else None


def _reaction_in(text: str, lo: int, hi: int, ctx: _Context) -> bool:
    """Whether a word of reaction stands in ``text[lo:hi]`` that is not a report: one right
    before the packs' ``reaction_report`` ("denunciaron que": they reported that) tells what
    follows as news, not a reaction to it."""
    if ctx.reaction is None:
        return False
    for r in ctx.reaction.finditer(text, lo, hi):
        after = (
            ctx.reaction_report.match(text, _skip_space(text, r.end()))
            if ctx.reaction_report
            else None
        )
        if after is None:
            return True
    return False


def _reported_by_residents(text: str, m: Mention, ctx: _Context) -> bool:
    """Whether a word of reaction that reports (``reaction_report``: "pobladores de X
    denunciaron que ...") follows the place ``m`` in its sentence, at most
    :data:`geo.config.EVENTS_REACTION_CHARS` after it: the residents of X tell what happened
    there, they are not people from X gone elsewhere."""
    return _report_after(text, m.char_end, ctx) is not None


def _report_after(text: str, start: int, ctx: _Context) -> int | None:
    """Where the word of reaction that reports (``reaction_report``) found after ``start`` in
    its sentence, at most :data:`geo.config.EVENTS_REACTION_CHARS` on, starts, or None."""
    if ctx.reaction is None or ctx.reaction_report is None:
        return None
    hi = min(len(text), start + config.EVENTS_REACTION_CHARS)
    end = _SENTENCE_END.search(text, start, hi)
    hi = end.start() if end is not None else hi
    r = ctx.reaction.search(text, start, hi)
    if r is None or ctx.reaction_report.match(text, _skip_space(text, r.end())) is None:
        return None
    return r.start()


def _residents_apposition(text: str, m: Mention, ms: Sequence[Mention], ctx: _Context) -> bool:
    """Whether ``m`` tells where the place of people who report lies ("habitantes de X, en
    el municipio de Y, Z, denunciaron que ..."): it stands in an apposition (after a comma)
    between that place and their reporting verb (``reaction_report``), and the incident is
    the reporters' place's, not Y's or Z's."""
    if ctx.reaction_report is None:
        return False
    for q in ms:
        if q.char_end > m.char_start or q.place.id == m.place.id:
            continue
        if not text[q.char_end : m.char_start].lstrip().startswith((",", "،")):
            continue
        said = _report_after(text, q.char_end, ctx)
        if said is not None and said >= m.char_end:
            return True
    return False


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def _reacted(
    sentence: str,
    start: int,
    end: int,
    rule: int,
    cues: Sequence[tuple[int, int, int]],
    ctx: _Context,
) -> bool:
    """Whether a word of reaction (the packs' ``reaction``: "condemned", "a dénoncé",
    "осудил", "أدان") stands between the place at ``start:end`` of the sentence and the
    nearest cue of its rule ("In Kyiv, the minister condemned the strike", "the attack,
    condemned by the ministry in Paris"), or before the place in its clause, at most
    :data:`geo.config.EVENTS_REACTION_CHARS` before it, with the cue after the place (a
    clause that opens with its verb): the place is where the reaction was voiced, not
    where the incident was."""
    if ctx.reaction is None:
        return False
    own = [(s, e) for s, e, idx in cues if idx == rule]
    if not own:
        return False
    s, e = min(own, key=lambda c: min(abs(c[0] - end), abs(start - c[1])))
    # (up to the cue's end after the place: "branded the strike a war crime")
    lo, hi = (e, start) if e <= start else (end, e)
    if lo < hi and _reaction_in(sentence, lo, hi, ctx):
        return True
    if s < end:
        return False
    # the reaction before its subject's place and the incident after it, as verb-first
    # clauses tell it ("وأدانت الخارجية في الدوحة الغارة": condemned, in Doha, the strike)
    lo = max(0, start - config.EVENTS_REACTION_CHARS)
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence, lo, start)), default=lo)
    return _reaction_in(sentence, lo, start, ctx)


def _attributed(
    sentence: str,
    start: int,
    rule: int,
    cues: Sequence[tuple[int, int, int]],
    spans: Sequence[tuple[int, int]],
    ctx: _Context,
) -> bool:
    """Whether the place at ``start`` of the sentence is told in the attribution of the
    report, after its incident: a word of the packs' ``attribution`` ("said", "according
    to", "a déclaré", "по словам", "بحسب") stands between the nearest cue of its rule
    (before the place) and the place, and another place of the sentence (``spans``) lies
    before that word ("Gunmen killed five in A on Tuesday, according to a resident of B",
    "..., said the head of the B administration"): the place is the source's."""
    if ctx.attribution is None:
        return False
    opening = _opening_end(sentence)
    source = ctx.attribution.match(sentence, opening)
    if source is not None:
        # the sentence opens with the attribution and names its source in its first clause
        # ("وقال مصدر أمني في B، إن ...", "Selon un habitant de B, ..."): a place there,
        # before the word that opens what is reported (the packs' attribution_end: "أن"),
        # with every cue of its rule past that clause, is the source's
        edge = _CLAUSE_EDGE.search(sentence, source.end())
        that = (
            ctx.attribution_end.search(sentence, source.end())
            if ctx.attribution_end is not None
            else None
        )
        if (
            edge is not None
            and start < edge.start()
            and (that is None or start < that.start())
            and all(s >= edge.end() for s, _, idx in cues if idx == rule)
        ):
            return True
    before = [e for _, e, idx in cues if idx == rule and e <= start]
    if not before:
        return False
    word = ctx.attribution.search(sentence, max(before), start)
    return word is not None and any(a < word.start() and a != start for a, _ in spans)


def _opening_end(sentence: str) -> int:
    """Where a sentence's first word starts: past spaces, quotes and dashes."""
    return len(sentence) - len(sentence.lstrip(" \t\n\"'«“—–-"))


def _protest_cause(
    sentence: str,
    start: int,
    rule: int,
    cues: list[tuple[int, int, int]],
    spans: Sequence[tuple[int, int]],
    rules: Rules,
    ctx: _Context,
) -> bool:
    """A place told after a protest's cue as what the protest is about ("rallied in A after
    the killings in B", "marched in A against the war in B", "manifesté à A en solidarité
    avec B", "demanding justice for the killing in B"; the packs' ``protest_cause`` and
    ``protest_demand``), when the sentence names another place between
    its first cue of a protest or riot and the cause: the protest is there, not at B.
    Offsets in the sentence; ``spans`` are its places after the dateline."""
    r = rules.rules[rule]
    if ctx.protest_cause is None or r.event_type not in _CROWD:
        return False
    own = [c[1] for c in cues if c[2] == rule and c[1] <= start]
    if not own:
        return False
    first = min(c[1] for c in cues if rules.rules[c[2]].event_type in _CROWD and c[1] <= start)
    causes = [
        pattern.search(sentence, max(own), start)
        for pattern in (ctx.protest_cause, ctx.protest_demand)
        if pattern is not None
    ]
    return any(
        cause is not None and any(first <= a < cause.start() for a, _ in spans) for cause in causes
    )


def _protesters_from(
    text: str,
    m: Mention,
    ms: Sequence[Mention],
    rule: int,
    rules: Rules,
    ctx: _Context,
    *,
    begin: int,
    cues: Sequence[tuple[int, int, int]],
) -> bool:
    """A place a protest's people come from ("residents of A and B marched to C", "des
    habitants de A ont manifesté à C"; the packs' ``protesters_from`` right before it, or
    before the place it is listed after), when the sentence names after the protest's cue
    a place that is not one of theirs nor told after a cause ("after the killing in B",
    "demanding justice for"), or another incident's cue: the protest is there.
    ``begin``: the sentence's offset in the text; ``cues`` in the sentence."""
    people = ctx.protesters_from
    if people is None or rules.rules[rule].event_type not in _CROWD:
        return False

    told: dict[int, bool] = {}  # by mention: each is asked once, not once per other place

    def from_there(q: Mention) -> bool:
        if id(q) not in told:
            window = max(0, q.char_start - config.EVENTS_DISTRICT_WORD_CHARS)
            if people.search(text, window, q.char_start) is not None:
                told[id(q)] = True
            else:
                before = [b for b in ms if b.char_end <= q.char_start]
                p = _listed_after(text, q, before, ctx)
                told[id(q)] = p is not None and from_there(p)
        return told[id(q)]

    if not from_there(m):
        return False
    own = [c for c in cues if c[2] == rule and c[0] + begin >= m.char_end]
    if not own:
        return False
    cue_end = own[0][1] + begin
    stops = [pattern for pattern in (ctx.protest_cause, ctx.protest_demand) if pattern is not None]
    return any(
        q.char_start >= cue_end
        and q.place.id != m.place.id
        and q.place.kind != "country"
        and not from_there(q)
        and not any(p.search(text, cue_end, q.char_start) for p in stops)
        and not any(
            cue_end <= c[0] + begin < q.char_start and rules.rules[c[2]].event_type not in _CROWD
            for c in cues
        )
        for q in ms
    )


def _without_causes(
    sentence: str, cues: list[tuple[int, int, int]], rules: Rules, ctx: _Context
) -> list[tuple[int, int, int]]:
    """The cues of a sentence without those of what a protest told before them is about:
    a word of violence at most :data:`geo.config.EVENTS_PROTEST_CAUSE_CUE_CHARS` after the
    packs' ``protest_cause`` in its clause ("rallied against the airstrikes", "تجمعوا
    للتنديد بالقصف", "manifesté contre les frappes"): the cause, not an incident of the
    protest's place and day."""
    if ctx.protest_cause is None or len(cues) < 2:
        return cues
    protests = [
        c[0]
        for c in cues
        if rules.rules[c[2]].event_type in _CROWD and not rules.rules[c[2]].generic
    ]
    if not protests:
        return cues
    ends = [
        m.end()
        for m in ctx.protest_cause.finditer(sentence, min(protests))
        if any(p <= m.start() for p in protests)
    ]
    if not ends:
        return cues
    return [
        c
        for c in cues
        if rules.rules[c[2]].event_type in _CROWD
        or not any(
            e <= c[0] <= e + config.EVENTS_PROTEST_CAUSE_CUE_CHARS
            and _CLAUSE_EDGE.search(sentence, e, c[0]) is None
            for e in ends
        )
    ]


def _demanded_justice(
    sentence: str,
    start: int,
    rule: int,
    cues: list[tuple[int, int, int]],
    spans: Sequence[tuple[int, int]],
    rules: Rules,
    ctx: _Context,
) -> bool:
    """A place of a killing a protest demands justice for ("marched in A demanding justice
    for the killing of the mayor of B"; the packs' ``protest_demand``), its cue told after a
    protest's cue, right after the demand, when the sentence names another place: the killing is
    what the protest is about, not an incident of that day. Offsets in the sentence;
    ``spans`` are its places after the dateline."""
    if ctx.protest_demand is None or rules.rules[rule].event_type in _CROWD:
        return False
    protests = [c[1] for c in cues if rules.rules[c[2]].event_type in _CROWD and c[1] <= start]
    if not protests or not any(a != start for a, _ in spans):
        return False
    for demand in ctx.protest_demand.finditer(sentence, min(protests), start):
        gap_end = demand.end() + config.EVENTS_DEMAND_CUE_CHARS
        if any(
            c[2] == rule
            and demand.end() <= c[0] <= min(start, gap_end)
            and _CLAUSE_EDGE.search(sentence, demand.end(), c[0]) is None
            for c in cues
        ):
            return True
    return False


def _focus_country(mentions: Sequence[Mention]) -> str | None:
    """The country whose towns and regions the document names most often (of its country
    names, often the actors', only when it names no town or region)."""
    counts = Counter(
        m.place.country_code for m in mentions if m.place.country_code and m.place.kind != "country"
    ) or Counter(m.place.country_code for m in mentions if m.place.country_code)
    return counts.most_common(1)[0][0] if counts else None


def _forces_country(
    ms: Sequence[Mention], incidents: Iterable[_Incident], focus: str | None
) -> str | None:
    """Whose forces "the army" or "the police" of a sentence are: the country of the
    sentence's incident places (of its other places when none is a town's), the document's
    country (:func:`_focus_country`) when one of them lies in it, otherwise the first.
    A lone foreign place of the sentence (a namesake, a comparison, an origin) does not
    take the forces abroad."""
    located = sorted(
        (q for inc in incidents for qs in inc.places.values() for q in qs[:1]),
        key=lambda q: q.char_start,
    )
    codes = [
        q.place.country_code for q in located if q.place.kind != "country" and q.place.country_code
    ] or [m.place.country_code for m in ms if m.place.kind != "country" and m.place.country_code]
    codes = codes or [m.place.country_code for m in ms if m.place.country_code]
    if not codes:
        return None
    return focus if focus in codes else codes[0]


def _placeless_protest(
    sentence: str,
    before: str,
    begin: int,
    k: int,
    town: Mention | None,
    rules: Rules,
    reference: dt.date | None,
) -> _Incident | None:
    """A protest or riot told in a sentence that names no place ("On Sunday, hundreds of
    mourners marched to the town hall"), dated by it or by the sentence
    ``before`` it: the people of the story's town (the town of its first incident)
    protest there."""
    if town is None:
        return None
    ctx = _context(rules)
    cues = [
        c
        for c in _foreground(sentence, _placeless_cues(sentence, rules), ctx)
        if rules.rules[c[2]].event_type in _CROWD and not rules.rules[c[2]].generic
    ]
    if not cues:
        return None
    days = [
        d
        for text in (sentence, before)
        for d in find_dates(text, reference=reference, rules=rules)
        if d.date is not None and d.precision == 1 and not _report_date(text, d, ctx)
    ]
    if not days:
        return None
    # the word that says most (a riot's before a protest's, as the packs order the rules),
    # not the first one
    start, _, idx = min(cues, key=lambda c: (c[2], c[0]))
    r = rules.rules[idx]
    note = " ".join(sentence.split())
    inc = _Incident(
        r.event_type, r.sub_type, False, k, days[0].date, 1, True, [note], begin + start
    )
    inc.places[town.place.id] = [town]
    inc.apart = True
    inc.actor1 = PROTESTERS if r.event_type == "Protests" else RIOTERS
    if r.event_type == "Protests" and ctx.intervention is not None:
        inc.intervention = ctx.intervention.search(sentence) is not None
    return inc


def _opening(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """Patterns as one that matches at the start of a sentence (spaces, a quote or a
    dash before it)."""
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"[\s\"'«“—–\-]*(?:{body})(?!\w)", re.IGNORECASE)


def _recalled(sentence: str, rules: Rules, ctx: _Context, reference: dt.date | None) -> bool:
    """Whether a sentence recalls what happened before (it opens with a word of the packs'
    ``recall``: "As a reminder, ...", "Напомним, ...", "يذكر أن ...", the Arabic pluperfect
    "وكانت ... قد") without giving the day of what it tells (its toll may follow): its
    incidents are background."""
    if ctx.recall is None or ctx.recall.match(sentence) is None:
        return False
    return not _gives_day(sentence, rules, reference)


def _gives_day(sentence: str, rules: Rules, reference: dt.date | None) -> bool:
    """Whether a sentence names a day ("on 2 March", "on Tuesday", "فجر اليوم")."""
    return any(
        d.precision == 1 and d.date is not None
        for d in find_dates(sentence, reference=reference, rules=rules)
    )


def _clause_of(sentence: str, pos: int) -> tuple[int, int]:
    """The clause of a sentence around ``pos``: between the punctuation that bounds it."""
    lo = max((e.end() for e in _CLAUSE_EDGE.finditer(sentence, 0, pos)), default=0)
    hi = next((e.start() for e in _CLAUSE_EDGE.finditer(sentence, pos)), len(sentence))
    return lo, hi


def _other_incident(sentence: str, cue: tuple[int, int, int], ctx: _Context) -> bool:
    """Whether a cue is of another, earlier incident: a word of the packs' ``other_before``
    right before it ("previous attacks", "аналогичный удар") or of ``other_after`` right
    after it ("une attaque similaire", "هجوم مماثل"), or an ``other_before`` word and a noun
    after it in its clause, at most :data:`geo.config.EVENTS_CUE_DATE_CHARS` away ("were
    killed in previous attacks"). Not asked of a crowd's cue: "similar protests were held
    in B" tells protests of the same day."""
    s, e, _ = cue
    if ctx.other_before is not None and ctx.other_before.search(sentence, max(0, s - 25), s):
        return True
    if ctx.other_after is not None and ctx.other_after.match(sentence, e):
        return True
    if ctx.other_word is None:
        return False
    # "were killed in previous attacks": the word of what is counted, then the earlier
    # incidents, in its clause
    hi = min(_clause_of(sentence, s)[1], e + config.EVENTS_CUE_DATE_CHARS)
    return ctx.other_word.search(sentence, e, hi) is not None


def _pursued(sentence: str, cue: tuple[int, int, int], pursuit: re.Pattern[str]) -> bool:
    """Whether a word of the packs' ``pursuit`` stands right before a cue ("a search for
    those behind the bombing", "بحثا عن المتورطين في التفجير"): the cue names an incident
    already told (its perpetrators are hunted, tried or named), not a new one, whatever
    day the sentence gives."""
    return (
        pursuit.search(sentence, max(0, cue[0] - config.EVENTS_PURSUIT_CHARS), cue[0]) is not None
    )


def _threatened(sentence: str, pos: int, ctx: _Context) -> bool:
    """Whether a word of the packs' ``threat`` ("threatened to", "menace de", "amenazó con",
    "пригрозил") starts at most :data:`geo.config.EVENTS_THREAT_CHARS` before ``pos``, in
    its clause: what follows is what a party threatens or promises ("threatened to strike
    the decision centres in X"), not an incident at X.

    Examples
    --------
    >>> from geo.events.rules import get_rules
    >>> ctx = _context(get_rules(("en",)))
    >>> s = "The ministry threatened to strike the capital if the raids went on."
    >>> _threatened(s, s.index("strike"), ctx), _threatened(s, s.index("ministry"), ctx)
    (True, False)
    """
    if ctx.threat is None:
        return False
    lo = max(_clause_of(sentence, pos)[0], pos - config.EVENTS_THREAT_CHARS)
    return ctx.threat.search(sentence, lo, pos) is not None


def _without_later_arrests(
    sentence: str, cues: list[tuple[int, int, int]], rules: Rules, ctx: _Context
) -> list[tuple[int, int, int]]:
    """The cues of a sentence without the arrests told after the cue of another incident
    with a word of later time next to them (at most :data:`geo.config.EVENTS_LATER_ARREST_CHARS`
    away: "An officer was shot dead in X, and the army later arrested two suspects", "...
    واعتقلت الشرطة لاحقا"): the arrests pursue that incident, they are not the sentence's
    incident (the packs' ``later``)."""
    if ctx.later is None or len(cues) < 2:
        return cues
    first = min(
        (c[0] for c in cues if rules.rules[c[2]].sub_type != _ARRESTS), default=len(sentence)
    )
    later = [(m.start(), m.end()) for m in ctx.later.finditer(sentence, first)]
    if not later:
        return cues
    near = config.EVENTS_LATER_ARREST_CHARS
    return [
        c
        for c in cues
        if rules.rules[c[2]].sub_type != _ARRESTS
        or c[0] < first
        or not any(lo - near <= c[1] and c[0] <= hi + near for lo, hi in later)
    ]


def _foreground(
    sentence: str, cues: list[tuple[int, int, int]], ctx: _Context
) -> list[tuple[int, int, int]]:
    """The cues of a sentence that report an incident: none when the sentence opens with a
    frame of background ("Since the war began, ...", "In all, ..."), none in a clause that
    tells what happens habitually ("they regularly shell the town"), none that a number
    counts in a sentence that tallies a week or more ("19 drone attacks in the past
    week")."""
    if not cues:
        return cues
    edges = [e.start() for e in _CLAUSE_EDGE.finditer(sentence)]
    if (
        ctx.background_opener is not None
        and edges
        and edges[0] <= config.EVENTS_BACKGROUND_OPENER_CHARS
        and ctx.background_opener.search(sentence, 0, edges[0]) is not None
    ):
        return []
    tally = ctx.tally_period.search(sentence) if ctx.tally_period is not None else None
    if tally is not None:
        # a cue a number counts, or one in the tally's own clause after a number ("48
        # killed in assassinations since the start of the year")
        lo, hi = _clause_of(sentence, tally.start())
        cues = [
            c
            for c in cues
            if not _counted(sentence, c[0])
            and not (lo <= c[0] < hi and _NUMBER.search(sentence, lo, c[0]) is not None)
        ]
    if ctx.habitual is None:
        return cues
    habits = [h.start() for h in ctx.habitual.finditer(sentence)]
    if not habits:
        return cues
    out = []
    for c in cues:
        lo = max((e for e in edges if e < c[0]), default=-1)
        hi = min((e for e in edges if e >= c[1]), default=len(sentence))
        if not any(lo < h < hi for h in habits):
            out.append(c)
    return out


#: A number in digits.
_NUMBER: Final = re.compile(r"(?<![\w.,])\d")
_COUNTED: Final = re.compile(r"(?<![\w.,])\d[\d,.]*\s+(?:[^\W\d_][\w\-]*\s+){0,2}$")


def _counted(sentence: str, start: int) -> bool:
    """Whether a number counts the cue starting at ``start`` ("19 drone attacks", "١٩ هجوما
    بطائرات", "11 local policemen killed"), two words between them at most."""
    window = sentence[max(0, start - config.EVENTS_TALLY_NUMBER_CHARS) : start]
    return _COUNTED.search(window) is not None


def _is_actor(text: str, m: Mention, ctx: _Context, *, cue_ends: Sequence[int] = ()) -> bool:
    """A place name used for its government ("Bakou et Erevan indiquant", "backed by
    Moscow") or in the name of an armed group that speaks ("the X Defence Force (XDF)
    said"; the packs' ``organisation_after``); not when the verb's subject comes
    after it ("..., said local officials"), nor when a word of the incident (ending at one
    of ``cue_ends``, offsets in ``text``) and a place preposition come right before it in
    its clause ("staged a protest in X demanding ...": where the incident is)."""
    if ctx.residents is not None and ctx.residents.search(
        text, max(0, m.char_start - 30), m.char_start
    ):
        return False  # "residents of X said": the residents speak, not X's government
    if ctx.actor_after is not None:
        end = m.char_end
        named = (
            ctx.organisation_after.match(text, end, min(len(text), end + 90))
            if ctx.organisation_after is not None
            else None
        )
        if named is not None:
            end = named.end()
        found = ctx.actor_after.match(text, end, min(len(text), end + 90))
        if found is not None:
            between = text[m.char_end : found.start() + (found.end() - found.start())]
            inverted = (
                between.lstrip().startswith(",")
                and ctx.inverted is not None
                and ctx.inverted.match(text, found.end()) is not None
            )
            if not inverted and not _located(text, m, ctx, cue_ends):
                return True
    return bool(
        ctx.actor_before is not None
        and ctx.actor_before.search(text, max(0, m.char_start - 40), m.char_start)
    )


def _located(text: str, m: Mention, ctx: _Context, cue_ends: Sequence[int]) -> bool:
    """Whether a place preposition stands right before ``m`` and a word of the incident ends
    (at one of ``cue_ends``) before it in its clause: where the incident is."""
    return (
        ctx.locative is not None
        and ctx.locative.search(text, max(0, m.char_start - 20), m.char_start) is not None
        and any(
            0 <= m.char_start - e <= config.EVENTS_CUE_DATE_CHARS
            and _CLAUSE_EDGE.search(text, e, m.char_start) is None
            for e in cue_ends
        )
    )


@dataclass(frozen=True)
class _PackWords:
    """Words of the language packs (``pack.toml``) the engine reads, normalised
    (:func:`geo.lang.normalize_word`): region nouns, the prepositions and articles that may
    stand between a place and the place it lies in, and the conjunctions of lists."""

    region: frozenset[str]
    linking: frozenset[str]
    conjunctions: frozenset[str]


@functools.cache
def _pack_words(codes: tuple[str, ...]) -> _PackWords:
    from geo.lang import get_pack

    region: set[str] = set()
    linking: set[str] = set()
    conjunctions: set[str] = set()
    for code in codes:
        words = get_pack(code).words
        region |= words["region_before"] - words["soft_region"]
        linking |= (
            words["place_prepositions"]
            | words["determiners"]
            | words["plural_determiners"]
            | words["connectors"]
            | words["elisions"]
        )
        conjunctions |= words["after_list"]
    return _PackWords(frozenset(region), frozenset(linking - conjunctions), frozenset(conjunctions))


def _misplaced(
    text: str,
    ms: Sequence[Mention],
    words: _PackWords,
    relative: re.Pattern[str] | None = None,
    region_after: re.Pattern[str] | None = None,
) -> set[int]:
    """The mentions of a sentence that are no incident place because the next one says
    where they lie ("the village of A, in the district of B", "el barrio A, en la ciudad
    de B"): the enclosing town when it is near (and larger,
    or named after a region noun), the first place when it was found far from the town
    the text puts it in (a part of the town the gazetteer does not know, read as a
    homonym elsewhere). Not a town said to lie some way from the next ("A, al norte de
    B": ``relative``, the words that end before such a point), nor the town before a
    place the text names as a region ("A in the B region": ``region_after``, the words
    after a region's name; it says where A lies). Indexes in ``ms``."""
    from geo.geoparse import haversine_km
    from geo.lang import normalize_word

    out: set[int] = set()
    order = sorted(range(len(ms)), key=lambda i: ms[i].char_start)
    for a, b in itertools.pairwise(order):
        q, m = ms[a], ms[b]
        if q.place.kind != "city" or m.place.kind != "city" or q.place.id == m.place.id:
            continue
        gap = text[q.char_end : m.char_start]
        if len(gap) > config.EVENTS_APPOSITION_CHARS or any(ch in gap for ch in ";؛.!?:"):
            continue  # (a colon opens the details: "A and B were hit: in B, two hurt")
        tokens = {normalize_word(w) for w in _LETTER_RUN.findall(gap)}
        if not tokens or tokens & words.conjunctions or not tokens <= words.linking | words.region:
            continue  # a list ("A and B"), or words that make another clause
        if relative is not None and relative.search(gap):
            continue  # "A, north of B": B is a reference point, A the place
        if region_after is not None and region_after.match(text, m.char_end):
            continue  # "A in the B region": B names A's region, A is the place
        km = haversine_km(q.place.latitude, q.place.longitude, m.place.latitude, m.place.longitude)
        if km > config.EVENTS_ENCLOSING_KM:
            out.add(a)
        elif tokens & words.region or m.place.population > q.place.population:
            out.add(b)
    return out


def _national(text: str, end: int, ms: Sequence[Mention], words: _PackWords) -> bool:
    """Whether a toll ending at ``end`` is a country's ("at least 36 dead in Ukraine"): the
    sum of the incidents of a day, not the toll of the town named with it."""
    from geo.lang import normalize_word

    for m in ms:
        if m.place.kind != "country" or not 0 <= m.char_start - end <= 40:
            continue
        gap = text[end : m.char_start]
        tokens = [normalize_word(w) for w in _LETTER_RUN.findall(gap)]
        if not tokens or tokens[-1] not in words.linking or _CLAUSE_EDGE.search(gap):
            continue  # "36 dead in Ukraine", not "36 dead, Ukraine said"
        # not "in Ukraine's Kharkiv", "en Ucrania, en Járkov"
        if any(0 <= q.char_start - m.char_end <= 5 for q in ms if q.place.kind != "country"):
            continue
        return True
    return False


def _contains(p: Place, others: Sequence[Place]) -> bool:
    """Whether ``p`` (a country or region) contains another place named with it; a sea
    named with a town is where the town lies ("Port Sudan, on the Red Sea")."""
    from geo.geoparse import haversine_km, is_water

    if is_water(p):
        return any(q.id != p.id and q.kind == "city" for q in others)
    if p.kind == "region" and not p.country_code:
        return any(q.id != p.id and q.country_code for q in others)
    for q in others:
        if q.id == p.id or q.kind == "country":
            continue
        if p.kind == "country" and q.country_code == p.country_code:
            return True
        if p.kind == "region" and q.kind == "city" and q.country_code == p.country_code:
            if p.admin1_code and q.admin1_code == p.admin1_code:
                return True
            if haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) < 150:
                return True
    return False


#: Punctuation between two clauses of a sentence.
_CLAUSE_BREAK: Final = re.compile(r"[:;]")

#: (vaguer, stronger) event types: a cue of the stronger almost as near wins (_rule_for).
_STRONGER: Final = (
    ("Battles", "Explosions/Remote violence"),
    ("Violence against civilians", "Explosions/Remote violence"),
    ("Protests", "Riots"),
)


def _rule_for(
    start: int,
    end: int,
    cues: list[tuple[int, int, int]],
    rules: Rules,
    *,
    sentence: str = "",
    places: Sequence[tuple[int, int]] = (),
    new_clause: re.Pattern[str] | None = None,
) -> int | None:
    """The rule of the cue that reports on the place at ``start:end`` of the sentence: the
    nearest cue within reach, except that a specific cue almost as near as a generic one,
    and a weapon almost as near as a word for fighting, are preferred; but not a weapon
    past a specific cue that opens a coordinated phrase (:func:`_coordinated`), nor a cue of
    another clause (``new_clause``, the packs') that names its own place."""
    reach = config.CUE_MAX_DISTANCE_CHARS
    slack = config.CUE_PRIORITY_SLACK_CHARS
    scored = []
    spans = []
    for s, e, idx in cues:
        distance = 0 if (s < end and start < e) else (s - end if s >= end else start - e)
        if distance <= reach:
            scored.append((distance, idx))
            spans.append((s, e))
    if not scored:
        return None

    # not a word that opens a coordinated phrase with its own place ("two wounded in A and
    # arrests in B"): that word tells B's incident, when another word can tell A's; nor a
    # word of another clause that names its own place ("gunmen abducted four men in A, and
    # a mine exploded near B": the mine is B's)
    def coordinated(cs: int, ce: int) -> bool:
        return _own_phrase(sentence, cs, ce, (start, end), places, rules)

    def other_clause(cs: int, ce: int) -> bool:
        return new_clause is not None and _told_of_another_place(
            sentence, (cs, ce), (start, end), new_clause, places
        )

    for elsewhere in (coordinated, other_clause):
        keep = [k for k, (cs, ce) in enumerate(spans) if not elsewhere(cs, ce)]
        if keep and len(keep) < len(scored):
            scored = [scored[k] for k in keep]
            spans = [spans[k] for k in keep]
    nearest_distance, nearest = min(scored)
    if rules.rules[nearest].generic:
        specific = [
            (d, i)
            for d, i in scored
            if not rules.rules[i].generic and d <= nearest_distance + slack
        ]
        if specific:
            nearest_distance, nearest = min(specific)
        else:  # of generic words, the one that says most: a strike, an attack, deaths
            nearest = min(i for d, i in scored if d <= nearest_distance + slack)
    # a weapon almost as near as a word for fighting or for an attack on civilians, a riot
    # almost as near as a word for protest ("protesters stormed the embassy") say what
    # happened (ACLED codes civilians killed by a bomb as remote violence)
    generic = rules.rules[nearest].generic
    # a specific cue that opens a coordinated phrase after a place ("a bomb near A and the
    # killing of a man in B", "بعبوة قرب A واغتيال رجل في B") tells its own incident: a
    # weapon before that place belongs to the other phrase ("a suicide bomber and gunmen
    # attacked" is one incident)
    cut = None
    if not generic:
        s, e, _ = min(
            (c for c in cues if c[2] == nearest),
            key=lambda c: (
                0 if (c[0] < end and start < c[1]) else min(abs(c[0] - end), abs(start - c[1]))
            ),
        )
        if _coordinated(sentence, s, e, rules):
            cut = (s, e)
    within = nearest_distance + slack

    def preferred(keep: Callable[[Rule], bool], reach: float = within) -> int | None:
        """The first-listed rule of the cues at most ``reach`` away that ``keep`` takes."""
        return min((i for d, i in scored if d <= reach and keep(rules.rules[i])), default=None)

    if (rules.rules[nearest].event_type, rules.rules[nearest].sub_type) == _CLASH and (
        # "regained control of X after battles with Y": the change of hands is the event,
        # the battles how it came (ACLED codes the territorial change)
        (taken := preferred(lambda r: r.sub_type in _TERRITORY)) is not None
    ):
        return taken
    if (
        rules.rules[nearest].key == _ARMED_MEN_ATTACK
        and not any(rules.rules[i].key.startswith(_CASUALTIES) for _, _, i in cues)
        # "three traders were kidnapped by gunmen in X": the armed men's noun is nearer the
        # place than the word of what they did; with no one killed, the abduction is it
        and (taken := preferred(lambda r: r.key == _ABDUCTION)) is not None
    ):
        return taken
    for vaguer, stronger in _STRONGER:
        if rules.rules[nearest].event_type == vaguer:
            better = [
                i
                for (d, i), (cs, ce) in zip(scored, spans, strict=True)
                if d <= within
                and rules.rules[i].event_type == stronger
                and (generic or not rules.rules[i].generic)
                and not (cut is not None and _apart((cs, ce), cut, (start, end), places))
            ]
            if better:
                return min(better)
    if rules.rules[nearest].sub_type == _LOOTING:
        # "shelling damaged homes in X": the damage is what the weapon did, the shelling is
        # the incident (ACLED codes the attack; property destruction is for no attack)
        ls, le = next(sp for (_, i), sp in zip(scored, spans, strict=True) if i == nearest)
        weapon = [
            i
            for (d, i), (cs, ce) in zip(scored, spans, strict=True)
            if rules.rules[i].event_type == _REMOTE
            and not rules.rules[i].generic
            and d <= within
            # in the damage's own clause ("the area is often shelled: on <day>, gunmen
            # burnt a shop" is no shelling of the shop)
            and _CLAUSE_BREAK.search(sentence, min(ce, le), max(cs, ls)) is None
        ]
        if weapon:
            return min(weapon)
    if (
        rules.rules[nearest].sub_type == _REMOTE_EXPLOSIVE
        # "a suicide attack with a car bomb": ACLED's suicide bomb, whichever word is nearer
        and (taken := preferred(lambda r: r.sub_type == _SUICIDE)) is not None
    ):
        return taken
    if (
        rules.rules[nearest].sub_type == _DISRUPTED
        # "arrested five suspects in X and seized explosives": the arrest, whichever word is
        # nearer (a seizure alone stays a disrupted weapons use)
        and (taken := preferred(lambda r: r.key == _ARREST_SEIZURE, math.inf)) is not None
    ):
        return taken
    return nearest


_REMOTE_EXPLOSIVE: Final = "Remote explosive/landmine/IED"
_SUICIDE: Final = "Suicide bomb"
_ARREST_SEIZURE: Final = "arrest_seizure"  # the rule of geo/lang/common/events.toml
#: Keys of the common rules too: an attack told by the armed men's noun ("gunmen"), an
#: abduction, and the rules of the dead and hurt (their prefix).
_ARMED_MEN_ATTACK: Final = "attack_on_civilians"
_ABDUCTION: Final = "abduction"
_CASUALTIES: Final = "casualties_of_"


def _own_phrase(
    sentence: str,
    s: int,
    e: int,
    place: tuple[int, int],
    places: Sequence[tuple[int, int]],
    rules: Rules,
) -> bool:
    """Whether the cue at ``s:e``, after the place at ``place``, opens a coordinated phrase
    that names another place right after it (its own)."""
    if s < place[1] or not _coordinated(sentence, s, e, rules):
        return False
    reach = config.CUE_OWN_PLACE_CHARS
    return any(e <= a <= e + reach and (a, b) != place for a, b in places)


def _reaching_generic(
    sentence: str,
    start: int,
    stop: int,
    failed: int,
    cues: list[tuple[int, int, int]],
    shifts: list[int],
    rules: Rules,
    ctx: _Context,
    spans: Sequence[tuple[int, int]],
) -> int | None:
    """The rule of another generic cue that reaches the place at ``start:stop`` when the
    generic cue chosen for it (``failed``) does not."""
    others = [c for c in cues if c[2] != failed and rules.rules[c[2]].generic]
    if not others:
        return None
    rule = _rule_for(
        start,
        stop,
        _same_time(start, others, shifts),
        rules,
        sentence=sentence,
        places=spans,
        new_clause=ctx.new_clause,
    )
    if rule is None or not _cue_reaches(sentence, start, stop, rule, others, ctx, spans):
        return None
    return rule


def _apart(
    cue: tuple[int, int],
    cut: tuple[int, int],
    place: tuple[int, int],
    places: Sequence[tuple[int, int]],
) -> bool:
    """Whether ``cue`` lies on the far side of the coordinated cue ``cut`` from the place
    at ``place``, with another place between ``cue`` and ``cut`` (the other phrase's)."""
    if cut[0] >= place[1]:  # the place, then the coordinated cue, then the weapon
        lo, hi = cut[1], cue[0]
    else:  # the weapon, then the coordinated cue, then the place
        lo, hi = cue[1], cut[0]
    return lo <= hi and any(lo <= a and b <= hi and (a, b) != place for a, b in places)


def _coordinated(sentence: str, start: int, end: int, rules: Rules) -> bool:
    """Whether the cue at ``start:end`` of the sentence opens a coordinated phrase: a word
    of the packs' ``coordination`` ("and", "et", "و") stands right before it, or is glued
    to it (Arabic "واغتيال": and the assassination)."""
    if not sentence:
        return False
    co = rules.words_re("tolls", "coordination")
    if co is None:
        return False
    before = sentence[max(0, start - 12) : start].rstrip()
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    if last and co.fullmatch(last) is not None:
        return True
    word = sentence[start:end]
    return len(word) > 3 and co.fullmatch(word[0]) is not None


def _cue_reaches(
    sentence: str,
    start: int,
    end: int,
    rule: int,
    cues: list[tuple[int, int, int]],
    ctx: _Context,
    spans: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether the nearest cue of ``rule`` is tied to the place at ``start:end`` of the
    sentence: not a time reference ("since the attack on ...") and not across a new clause
    (the packs' ``new_clause``: "; ", ", while", "، فيما") that names a place of its own
    (``spans``: the places of the sentence), where the cue is about that place; a clause
    that names none goes on about the place before it ("In X, houses were damaged; a woman
    was injured"). A comma and a conjunction right before a name continue a list ("in A,
    B, and C"), not a clause (:func:`_clause_edges`)."""
    own = [(s, e) for s, e, idx in cues if idx == rule]
    s, e = min(own, key=lambda c: min(abs(c[0] - end), abs(start - c[1])))
    if ctx.time_reference is not None and ctx.time_reference.search(sentence, max(0, s - 30), s):
        return False
    return ctx.new_clause is None or not _told_of_another_place(
        sentence, (s, e), (start, end), ctx.new_clause, spans
    )


def _told_of_another_place(
    sentence: str,
    cue: tuple[int, int],
    place: tuple[int, int],
    new_clause: re.Pattern[str],
    spans: Sequence[tuple[int, int]],
) -> bool:
    """Whether the cue at ``cue`` lies across a clause edge (:func:`_clause_edges`) from the
    place at ``place``, in a clause that names another place of ``spans``: the cue is about
    that place ("gunmen abducted four men in A, and a mine exploded near B": the mine is
    B's)."""
    s, e = cue
    start, end = place
    lo, hi = (e, start) if e <= start else (end, s)
    edges = _clause_edges(sentence, lo, hi, new_clause, spans)
    if not edges:
        return False
    # the cue's clause: from the edge next to it to the next edge (or the sentence's end)
    if e <= start:
        first = max((b for _, b in _clause_edges(sentence, 0, s, new_clause, spans)), default=0)
        clause = (first, edges[0][0])
    else:
        after = [a for a, _ in _clause_edges(sentence, e, len(sentence), new_clause, spans)]
        clause = (edges[-1][1], after[0] if after else len(sentence))
    return any(clause[0] <= a < clause[1] and (a, b) != place for a, b in spans)


def _clause_edges(
    sentence: str,
    lo: int,
    hi: int,
    new_clause: re.Pattern[str],
    spans: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The edges of clauses between ``lo`` and ``hi`` (offsets in the sentence): the packs'
    ``new_clause`` matches, less a comma and conjunction between two names (places of
    ``spans`` or capitalised words, the next at most
    :data:`geo.config.EVENTS_LIST_GAP_CHARS` after them), which join the last item of a
    list ("in A, B, and C", not "for months, and Moscow says"); a semicolon always ends a
    clause."""
    out = []
    for m in new_clause.finditer(sentence, lo, hi):
        after, before = m.end(), m.start()
        if (
            not any(ch in m.group() for ch in ";؛")
            and (
                _LIST_ITEM.match(sentence, after, after + config.EVENTS_LIST_GAP_CHARS)
                or any(0 <= a - after <= config.EVENTS_LIST_GAP_CHARS for a, _ in spans)
            )
            and (
                _LAST_ITEM.search(sentence, max(0, before - 40), before)
                or any(0 <= before - b <= 1 for _, b in spans)
            )
        ):
            continue
        out.append((m.start(), m.end()))
    return out


#: The first word of the next item of a list of names: capitalised, after spaces.
_LIST_ITEM: Final = re.compile(r" *[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ]")
#: The last word of an item of a list of names, right before the comma: capitalised.
_LAST_ITEM: Final = re.compile(r"(?<![\w'’\-])[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’\-]*$")


def _nearest_date(pos: int, dates: list[FoundDate], sentence: str) -> FoundDate | None:
    """The date nearest to a place; a date after the place and past a comma belongs to the
    next clause."""
    if not dates:
        return None

    def cost(d: FoundDate) -> int:
        distance = min(abs(d.start - pos), abs(d.end - pos))
        if d.start > pos and _CLAUSE_EDGE.search(sentence, pos, d.start):
            distance += 1000
        return distance

    return min(dates, key=cost)


#: Between the word for an incident and a weekday that dates it in one noun phrase ("the
#: strike on Saturday", "l'attaque de samedi", "удар в субботу", "هجوم السبت"): spaces and
#: at most one short word.
_NOUN_DATE_GAP: Final = re.compile(r"\s+(?:[^\W\d_]{1,4}\s+)?")
#: Between a weekday's possessive and the word for the incident ("Saturday's missile
#: strike"): spaces and at most two words.
_POSSESSIVE_GAP: Final = re.compile(r"\s+(?:[^\W\d_][\w-]*\s+){0,2}")


def _dates_the_noun(
    sentence: str, d: FoundDate, cues: Sequence[tuple[int, int, int]], ctx: _Context
) -> bool:
    """Whether a weekday or a relative day stands in the noun phrase of a word for the
    incident (right after it, "the strike on Saturday", "el ataque del sábado", "удар в
    субботу", "هجوم السبت"; or before it with a possessive, "Saturday's strike"): it dates
    that incident, whatever reporting verb stands near ("The toll from the strike on Saturday
    has risen to 12, officials said on Tuesday")."""
    if d.explicit:
        return False
    for s, e, _ in cues:
        if e <= d.start and _NOUN_DATE_GAP.fullmatch(sentence, e, d.start):
            return True
        if (
            d.end <= s
            and ctx.possessive is not None
            and (p := ctx.possessive.match(sentence, d.end)) is not None
            and (p.end() == s or _POSSESSIVE_GAP.fullmatch(sentence, p.end(), s))
        ):
            return True
    return False


def _dates_the_rise(sentence: str, d: FoundDate, ctx: _Context) -> bool:
    """Whether a weekday or a relative day opens a sentence whose toll grows ("On Friday, the
    toll of the strike on X rose to 7", "В субботу число погибших при ударе по X выросло
    до семи"; the packs' ``tolls.rise``): it dates the count, told days after the incident,
    not the incident (a day right after the incident's word is the incident's, see
    :func:`_dates_the_noun`). A date in figures or with its month is left to the other
    rules: it is the incident's more often than the count's. So does such a day right after
    the verb ("la cifra de fallecidos subió el lunes a nueve")."""
    if ctx.rise is None or d.explicit:
        return False
    if any(
        not sentence[r.end() : d.start].strip() for r in ctx.rise.finditer(sentence, 0, d.start)
    ):
        return True
    if len(sentence[: d.start].split()) > 1:
        return False
    rise = ctx.rise.search(sentence, d.end)
    return rise is not None and _NEW_CLAUSE.search(sentence, d.end, rise.start()) is None


def _report_date(
    sentence: str,
    d: FoundDate,
    ctx: _Context,
    *,
    cues: Sequence[tuple[int, int, int]] = (),
) -> bool:
    """A date next to a reporting verb ("said on Monday", "a annoncé lundi", "informó este
    lunes", "rose to 40 on Monday") dates the report, not the incident; but a date right
    after the word for the incident (``cues``), in the same clause, with the reporting verb
    only after the date, is the incident's ("число погибших при атаке на город 3 мая выросло
    до 9": the toll of the attack of 3 May rose to 9). A sentence that opens with the
    reporting verb (Arabic puts the verb first) dates the report with a date told before
    any word for the incident and before the word that opens what is reported ("أن"), and
    not past a Latin comma, which closes an opening attribution ("По данным властей, в
    воскресенье ...": the incident's day; the Arabic comma "،" leaves the verb-first rule)."""
    if ctx.report is None:
        return False
    if cues and _dates_the_noun(sentence, d, cues, ctx):
        return False
    if _dates_the_rise(sentence, d, ctx):
        return True
    verb = ctx.report.match(sentence, _opening_end(sentence)) if cues else None
    if (
        verb is not None
        and d.end <= min(c[0] for c in cues)
        and (
            ctx.attribution_end is None
            or ctx.attribution_end.search(sentence, verb.end(), d.start) is None
        )
        and "," not in sentence[verb.end() : d.start]
    ):
        # the sentence opens with the reporting verb, the date before the incident's words
        # and before what is reported ("أعلن المكتب، اليوم الاثنين، ارتفاع حصيلة الغارة":
        # verb, subject, date; not "أفاد المكتب بأن ... منذ فجر الأربعاء")
        return True
    before = sentence[max(0, d.start - config.EVENTS_REPORT_DATE_CHARS) : d.start]
    before = before[max((e.end() for e in _CLAUSE_EDGE.finditer(before)), default=0) :]
    if ctx.report.search(before) is not None:
        return True
    after = sentence[d.end : d.end + config.EVENTS_REPORT_DATE_CHARS]
    # a date in apposition (a weekday, a comma, the day), the comma that closes it and the
    # reporting verb right after it ("Об этом в четверг, 14 октября, сообщил ..."): the
    # report's day; not a toll's growth ("обстрілу в понеділок, 3 березня, зросла до шести" is
    # the toll of Monday's shelling), nor a verb after a plain date that closes the clause
    # ("hubo tres heridos en el tiroteo del lunes, precisó la policía")
    closing = _DATE_CLOSE.match(after)
    if (
        closing is None
        or _DATE_CLOSE.search(sentence, d.start, d.end) is None
        or ctx.report.match(after, closing.end()) is None
        or (ctx.rise is not None and ctx.rise.match(after, closing.end()) is not None)
    ):
        edge = _CLAUSE_EDGE.search(after)
        if edge is not None:
            after = after[: edge.start()]
        if ctx.report.search(after) is None:
            return False
    return not any(
        e <= d.start
        and d.start - e <= config.EVENTS_CUE_DATE_CHARS
        and _CLAUSE_EDGE.search(sentence, e, d.start) is None
        for _, e, _ in cues
    )


def _frames(sentence: str, d: FoundDate, cues: Sequence[tuple[int, int, int]]) -> bool:
    """Whether a year ("in 2019", "last year") dates what its sentence tells: it opens the
    sentence or a clause ("In 2019, ...", "Last year, ..."; one word at most before it), or
    a cue of the sentence lies in its clause at most :data:`geo.config.EVENTS_CUE_DATE_CHARS`
    before or after it ("X was shelled last year", "в 2019 году боевики атаковали"). A year
    farther from the incident's words dates another verb ("volunteers laid off last year
    protested ..."), not the incident."""
    lo = max((e.end() for e in _CLAUSE_EDGE.finditer(sentence, 0, d.start)), default=0)
    if len(sentence[lo : d.start].split()) <= 1:
        return True
    reach = config.EVENTS_CUE_DATE_CHARS
    return any(
        (0 <= d.start - e <= reach and _CLAUSE_EDGE.search(sentence, e, d.start) is None)
        or (0 <= s - d.end <= reach and _CLAUSE_EDGE.search(sentence, d.end, s) is None)
        for s, e, _ in cues
    )


def _bound_to_cue(
    d: FoundDate,
    cues: Sequence[tuple[int, int, int]],
    sentence: str,
    others: Sequence[tuple[int, int]],
    report: re.Pattern[str] | None = None,
    generic: frozenset[int] = frozenset(),
    rule: int | None = None,
    before: bool = True,
) -> bool:
    """Whether a date follows a word for an incident in its clause, at most
    :data:`geo.config.EVENTS_CUE_DATE_CHARS` after it ("the missile that hit the tower on
    Tuesday night"), or comes right before it, at most
    :data:`geo.config.EVENTS_DATE_CUE_CHARS` ("в который накануне попала ракета"), with no
    other place named between them; not a date right after a word of reporting (``report``:
    "the first toll, announced on Sunday morning, two killed") nor one before a word of a
    generic rule (``generic``: "killed", "attack") or of another rule than the incident's
    (``rule``: "attacked X in reprisal for the 25 April clashes"); ``before`` False: only a
    date after the word counts."""
    reported = report is not None and (
        report.search(sentence, max(0, d.start - config.EVENTS_REPORT_DATE_CHARS), d.start)
        is not None
    )
    return any(
        (
            e <= d.start
            and d.start - e <= config.EVENTS_CUE_DATE_CHARS
            and _CLAUSE_EDGE.search(sentence, e, d.start) is None
            and not any(e <= a < d.start for a, _ in others)
        )
        or (
            before
            and not reported
            and idx not in generic
            and (rule is None or idx == rule)
            and d.end <= s
            and s - d.end <= config.EVENTS_DATE_CUE_CHARS
            and _CLAUSE_EDGE.search(sentence, d.end, s) is None
            and not any(d.end <= a < s for a, _ in others)
        )
        for s, e, idx in cues
    )


def _attack_date(
    pos: int,
    nearest: FoundDate,
    dates: Sequence[FoundDate],
    cues: Sequence[tuple[int, int, int]],
    sentence: str,
    spans: Sequence[tuple[int, int]],
    ms: Sequence[Mention],
    *,
    report: re.Pattern[str] | None = None,
    generic: frozenset[int] = frozenset(),
    rule: int | None = None,
) -> FoundDate:
    """The date of the incident told at a place: the nearest date, unless that one follows
    no word for an incident and another date of the sentence does ("on Saturday, Kharkiv
    buried those killed in the strike of the night to Thursday", "les secouristes ont
    extrait vendredi des corps de l'immeuble touché mercredi"): the nearest then dates what
    followed the incident (a funeral, a search, a curfew)."""
    others = [
        sp for sp, q in zip(spans, ms, strict=True) if q.place.kind != "country" and sp[0] != pos
    ]
    if _bound_to_cue(nearest, cues, sentence, others, report, generic, rule):
        return nearest
    # a date that opens the sentence frames it: only a date after a word for the incident
    # takes its place ("On 26 April, herders attacked X in reprisal for the 25 April clashes")
    opening = len(sentence[: nearest.start].split()) <= 1
    bound = [
        d
        for d in dates
        if d is not nearest
        and d.date != nearest.date
        and _bound_to_cue(d, cues, sentence, others, report, generic, rule, before=not opening)
    ]
    if not bound:
        return nearest
    return min(bound, key=lambda d: min(abs(d.start - pos), abs(d.end - pos)))


def _period_start(sentence: str, d: FoundDate, ctx: _Context) -> int | None:
    """Where the word for "since" starts whose clause a month alone ends ("the deadliest
    attack since the war began in March 2022", "depuis le début de la guerre en mars
    2022"), or None: the month starts a period, the background of what is told before that
    word, not its date. The packs' ``time_reference`` words."""
    if d.precision < 3 or ctx.period_start is None:
        return None
    lo = max(0, d.start - config.EVENTS_PERIOD_MONTH_CHARS)
    lo = max((e.end() for e in _CLAUSE_EDGE.finditer(sentence, lo, d.start)), default=lo)
    found = ctx.period_start.search(sentence, lo, d.start)
    return found.start() if found is not None else None


def _mark_victims(
    actors: list[ActorMention],
    sentence: str,
    tolls: Sequence[Casualty],
    *,
    rules: Rules,
) -> list[ActorMention]:
    """The state forces a toll counts ("seven soldiers died", "ont tué neuf
    militaires", "مقتل ثلاثة جنود") are the side attacked, never the incident's actor1; an armed
    group is so only when the count names its fighters ("two Hamas fighters were killed",
    "مقتل عنصرين من X", "two gunmen died"), else it keeps its role (attackers are counted
    too: "dozens of gunmen")."""
    if not tolls:
        return actors
    weapon = rules.words_re("actors", "attack_nouns")
    # a count its casualty word follows ("three hurt as gunmen raided"): it counts no
    # one named after that word
    hurt = [r for r in (rules.words_re("tolls", "killed"), rules.words_re("tolls", "injured")) if r]
    among = _among_re(rules)
    out = []
    for a in actors:
        state = a.actor.inter == _STATE_FORCES
        # named with the weapon that struck ("شخص بغارة مسيرة إسرائيلية": one person, by an
        # Israeli drone's strike): who fired, not who is counted
        fired = a.agent and weapon is not None and weapon.match(sentence, a.start) is not None
        if (
            not fired
            and (state or (a.actor.inter not in _UNARMED and not a.agent))
            and any(
                _counts(c, a, sentence, actors, state=state, hurt=hurt, among=among)
                for c in tolls
                if not c.vague and not c.word and (state or c.armed)
            )
        ):
            a = dataclasses.replace(a, victim=True)
        out.append(a)
    return out


def _counts(
    c: Casualty,
    a: ActorMention,
    sentence: str,
    actors: Sequence[ActorMention],
    *,
    state: bool,
    hurt: Sequence[re.Pattern[str]],
    among: re.Pattern[str] | None = None,
) -> bool:
    """Whether count ``c`` counts actor ``a``: the actor follows it past a counted noun or a
    word of belonging ("seven soldiers", "tres efectivos de la policía"; fighters past at most
    two words), or the count is the forces' noun itself ("جنديان", two soldiers; "جندي", a
    soldier) with no force named right after it ("جنديان من المجلس الانتقالي": that
    force's)."""
    if a.start < c.end:
        return c.start <= a.start and a.end <= c.end and not _force_follows(c, actors, sentence)
    if a.agent and sentence[c.end : a.start].strip():
        # forces named as who fired, past a word between ("شاب برصاص الجيش": a youth, by
        # the army's bullets), are not the ones counted
        return False
    if (
        state
        and a.start - c.end <= config.EVENTS_VICTIM_AMONG_CHARS
        and among is not None
        and among.fullmatch(sentence, c.end, a.start) is not None
    ):
        return True  # "sept tués parmi les militaires"
    if a.start - c.end > config.EVENTS_VICTIM_GAP_CHARS:
        return False
    if state:
        gap = COUNTED_NOUN_GAP.fullmatch(sentence, c.end, a.start) or _MEMBERS_OF.fullmatch(
            sentence, c.end, a.start
        )
    elif any(r.search(sentence, c.end, a.start) for r in hurt):
        return False
    else:
        gap = _FIGHTERS_GAP.fullmatch(sentence, c.end, a.start)
    return gap is not None


def _force_follows(c: Casualty, actors: Sequence[ActorMention], sentence: str) -> bool:
    """Whether an actor follows count ``c`` past at most two words ("جنديان من المجلس
    الانتقالي", "two soldiers of the special forces"): the force it counts by name."""
    return any(
        c.end <= b.start
        and b.start - c.end <= config.EVENTS_VICTIM_GAP_CHARS
        and _FIGHTERS_GAP.fullmatch(sentence, c.end, b.start) is not None
        for b in actors
    )


@functools.cache
def _among_re(rules: Rules) -> re.Pattern[str] | None:
    """A casualty word and the packs' ``among`` between a count and the forces it counts
    ("seven dead among the soldiers", "siete muertos entre los soldados"), matched in full;
    None when the packs have none."""
    among = "|".join(f"(?:{p})" for p in rules.patterns("actors", "among"))
    if not among:
        return None
    return re.compile(
        rf"[\s\u00a0]+(?:[^\W\d_][\w\-]*[\s\u00a0]+){{0,2}}?(?:{among})[\s\u00a0]+",
        re.IGNORECASE,
    )


#: A counted noun and a word of belonging between a count and the forces it counts ("two
#: members of the National Guard", "tres efectivos de la Marina", "trois éléments de la
#: gendarmerie").
_MEMBERS_OF: Final = re.compile(
    r"[\s\u00a0]+[^\W\d_][\w\-]*[\s\u00a0]+(?:of|de|del|du|des|d['’])[\s\u00a0]*"
    r"(?:(?:the|la|le|les|el|los|las|l['’])[\s\u00a0]*)?",
    re.IGNORECASE,
)

#: The actors who are never fighters a toll counts.
_UNARMED: Final = frozenset(("Civilians", "Protesters", "Rioters"))
#: What may stand between a count of fighters and their group: blanks and at most two words
#: ("two fighters of X", "عنصرين من X", "two X fighters").
_FIGHTERS_GAP: Final = re.compile(r"[\s\u00a0]+(?:[^\W\d_][\w\-]*[\s\u00a0]+){0,2}")


def _armed_victims(tolls: Iterable[Toll | None]) -> bool:
    """Whether the dead and hurt of an incident (or of one place of it) are all fighters,
    soldiers or police ("two gunmen were killed"): no civilians to name actor2."""
    counted = [t for t in tolls if t is not None and t.count > 0]
    return bool(counted) and all(t.armed for t in counted)


def _choose_actors(
    inc: _Incident,
    actors: list[ActorMention],
    cue: int,
    civilians: bool,
    *,
    sentence: str = "",
    elsewhere: Sequence[int] = (),
    rivals: Sequence[int] = (),
    edge: re.Pattern[str] = _NEW_CLAUSE,
) -> None:
    """actor1 and actor2 of an incident from the actors its sentence names; the forces a toll
    counts are its actor2 when no one else is named (:func:`_mark_victims`), not those of
    another clause past a semicolon that names another place (``elsewhere``: offsets in the
    sentence of places not the incident's): "five dead in a bar in X; police ambushed in Y";
    nor those counted past the place of another incident of the sentence (``rivals``: its
    offsets): "two soldiers killed by a bomb in X and three shepherds abducted in Y"."""
    if inc.etype == "Protests":
        inc.actor1 = inc.actor1 or PROTESTERS
        police = [a for a in actors if a.actor.name.startswith("Police Forces")]
        if police and inc.actor2 is None:
            inc.actor2 = police[0].actor
        return
    if inc.etype == "Riots":
        # a community's own militia named as the crowd (ACLED's ethnic militias), else rioters
        militia = [
            a
            for a in actors
            if a.actor.inter == "Identity militias" and not a.source and a.start < cue
        ]
        inc.actor1 = inc.actor1 or (militia[0].actor if militia else RIOTERS)
        return
    disrupted = inc.subtype == _DISRUPTED
    if disrupted:
        inc.interceptor = inc.interceptor or _interceptor(actors, cue, sentence)
        if inc.interceptor is not None:
            # the side that shot them down is neither the attacker nor what was aimed at
            actors = [a for a in actors if a.actor != inc.interceptor]
    armed = [a for a in actors if a.actor not in (PROTESTERS, RIOTERS) and not a.source]
    # (the sides named in another clause, one that names the place of another incident, are
    # that incident's: "a drone killed three in A, while police arrested five in B")
    armed = [a for a in armed if not _other_clause(sentence, cue, a.start, rivals, edge)]
    victims = [
        a
        for a in armed
        if a.victim
        and not _other_clause(sentence, cue, a.start, elsewhere, edge)
        and not any(min(cue, a.start) < e < max(cue, a.start) for e in rivals)
    ]
    # the forces counted are also those only named elsewhere in it ("an army post")
    attacked = {a.actor for a in victims}
    armed = [a for a in armed if not a.victim and not (a.generic and a.actor in attacked)]
    if inc.inherited and any(a.agent and not a.generic for a in armed):
        # its own sentence names who did it ("shells hit X the same day; blamed on Y")
        inc.actor1, inc.inherited = None, False
    if inc.subtype in (_OVERTAKES, _REGAINS) and inc.actor1 is None:
        # who took the place is the subject of the verb, named or generic ("the army
        # recaptured X from Y", "M23 rebels captured X after fighting with the army");
        # the other side named is the one it was taken from
        takers = [a for a in actors if a.actor not in (PROTESTERS, RIOTERS) and not a.source]
        before = [a for a in takers if a.start < cue]
        # a side named by its name before a generic word ("HTS and allied formations")
        subject = max(
            [a for a in before if not a.generic] or before, key=lambda a: a.start, default=None
        )
        if subject is None and inc.subtype == _REGAINS:
            # the state's forces announcing it ("the army announced it had regained X")
            subject = max(
                (
                    a
                    for a in actors
                    if a.source and a.start < cue and a.actor.inter == _STATE_FORCES
                ),
                key=lambda a: a.start,
                default=None,
            )
        if subject is not None:
            inc.actor1, inc.explicit = subject.actor, subject.explicit
            if inc.subtype == _REGAINS and not _own_forces(subject.actor, inc):
                # a group that takes a town back from the state's forces overtakes it, and
                # so do another state's forces (ACLED: only the government of the country
                # regains territory)
                inc.subtype = _OVERTAKES
            others = [a for a in takers if a.actor != subject.actor]
            if others and inc.actor2 is None:
                inc.actor2 = min(others, key=lambda a: abs(a.start - cue)).actor
    if inc.subtype == _ARRESTS and inc.actor1 is None:
        # the side that arrests is a state's forces (ACLED), named however barely ("قوة من
        # الشرطة", "police"), not an armed group whose suspected members or helpers they
        # arrested (those stay the civilians of the arrests convention)
        state = [a for a in armed if a.actor.inter == _STATE_FORCES]
        if state:
            first = next(
                (a for a in state if a.agent), min(state, key=lambda a: abs(a.start - cue))
            )
            inc.actor1, inc.explicit = first.actor, first.explicit
    if (
        armed
        and inc.actor1 is None
        and (inc.etype == "Battles" or disrupted or any(not a.generic or a.agent for a in armed))
    ):
        # a named actor who acted, else the country's own forces said to have fired ("a
        # military gunship dropped bombs"), else any named actor
        agents = [a for a in armed if a.agent and not a.generic] or [a for a in armed if a.agent]
        pool = agents or [a for a in armed if not a.generic]
        if not pool and (inc.etype == "Battles" or disrupted):
            # "two drones of the army were shot down": the country's own forces fired them
            pool = armed
        if inc.etype == "Battles":
            # the side said to have acted in so many words ("attacked by X") before a side
            # only named with its weapon or verb
            first = (
                next((a for a in agents if a.explicit), agents[0])
                if agents
                else min(pool, key=lambda a: a.start)
            )
        else:
            first = min(pool, key=lambda a: abs(a.start - cue))
        inc.actor1 = first.actor
        inc.explicit = first.explicit
        others = [a for a in armed if a.actor != first.actor]
        if others and inc.actor2 is None and inc.etype == "Battles":
            inc.actor2 = min(others, key=lambda a: abs(a.start - first.start)).actor
    if victims and inc.actor2 is None and inc.etype != "Protests":
        inc.actor2 = next((a.actor for a in victims if a.actor != inc.actor1), None)
    if inc.subtype == _OVERTAKES and inc.actor1 is not None and _own_forces(inc.actor1, inc):
        # a state's forces that take a town of their own country (ACLED Codebook: government
        # regains territory; another state's forces overtake it)
        inc.subtype = _REGAINS
    # the dead and hurt counted are all fighters, soldiers or police ("two gunmen died")
    armed_dead = _armed_victims([*inc.fatalities.values(), *inc.injured.values()])
    if (
        (inc.etype, inc.subtype) == _ATTACK
        and not civilians
        and (_armed_target(inc.actor1, inc.actor2) or armed_dead)
    ):
        # ACLED codes violence against civilians only when the targets are unarmed: police
        # or soldiers killed in an ambush, with no civilian named, are an armed clash
        inc.etype, inc.subtype = _CLASH
    if (
        inc.actor2 is None
        and not armed_dead
        and (
            inc.etype == "Violence against civilians"
            or (inc.etype == "Explosions/Remote violence" and civilians)
        )
    ):
        inc.actor2 = CIVILIANS


#: What ends a clause for good: the side named before it did not shoot down what is after.
_SEMICOLON: Final = re.compile(r"[;؛]")


def _interceptor(actors: Sequence[ActorMention], cue: int, sentence: str) -> Actor | None:
    """The side that shot down, intercepted or defused the weapons of an interception's
    sentence: the actor named last before its word, not past a semicolon ("X's air defences
    shot down", "X said its air defences intercepted", "X announced it had shot down"),
    unless named as the one who fired ("X drones were shot down", "launched by X") or as what
    was struck. None when the sentence names none ("air defences shot down four drones")."""
    before = [
        a
        for a in actors
        if a.start <= cue
        and not a.fired
        and not a.victim
        and a.actor not in (PROTESTERS, RIOTERS, CIVILIANS)
        and _SEMICOLON.search(sentence, a.end, cue) is None
    ]
    return before[-1].actor if before else None


def _interception_actors(inc: _Incident, place: Place) -> tuple[Actor | None, Actor | None]:
    """ACLED's actors of Disrupted weapons use (its "Interception:" rows): actor1 the side
    that shot the weapons down, intercepted or defused them, actor2 the attacker whose weapons
    they were (the incident's actor1, none when it is that side). The side is the one the
    sentence names (:func:`_interceptor`; a state's forces only when the place lies in that
    state: "Russian forces shelled X; air defences shot down drones over Y" names the
    attacker), else the state forces of the country where the place lies: "air defences"
    defend their own country."""
    home = state_forces(place.country_code)
    side = inc.interceptor
    if side is None or (
        side.inter == _STATE_FORCES and home is not None and side.country != home.country
    ):
        side = home
    return side, inc.actor1 if inc.actor1 != side else None


def _debris_type(rules: Rules, *, missile: bool) -> tuple[str, str]:
    """The event and sub-event types of a shot-down weapon's debris that hit something: those
    of the rules ``missile_debris`` (a missile) and ``weapon_debris`` (a drone or a weapon
    not named) of ``geo/lang/common/events.toml``."""
    key = "missile_debris" if missile else "weapon_debris"
    rule = next((r for r in rules.rules if r.key == key), None)
    return (rule.event_type, rule.sub_type) if rule is not None else (_REMOTE, _SHELLING)


def _other_clause(
    sentence: str,
    cue: int,
    pos: int,
    elsewhere: Sequence[int],
    edge: re.Pattern[str] = _NEW_CLAUSE,
) -> bool:
    """Whether ``pos`` lies past a new clause (``edge``: a semicolon, or the packs'
    ``new_clause``) from the incident's word, in a clause that
    names another place."""
    lo, hi = sorted((cue, pos))
    if edge.search(sentence, lo, hi) is None:
        return False
    start = max((m.end() for m in edge.finditer(sentence, 0, pos)), default=0)
    nxt = edge.search(sentence, pos)
    end = nxt.start() if nxt is not None else len(sentence)
    return any(start <= e < end for e in elsewhere)


def _sources_only(sentence: str, begin: int, ms: Sequence[Mention], ctx: _Context) -> bool:
    """Whether every place of a sentence is named after a word of attribution ("..., a
    resident reached by phone in X said"): where the source spoke, not a new incident."""
    att = ctx.attribution
    return att is not None and all(
        att.search(sentence, 0, m.char_start - begin) is not None for m in ms
    )


def _source_after_toll(
    text: str, begin: int, sentence: str, ms: Sequence[Mention], rules: Rules, ctx: _Context
) -> bool:
    """Whether every place of a sentence is named in its source, after a word of attribution
    that follows the sentence's first incident word ("Two were killed, according to the
    Tanzania Red Cross"), and the sentence's incident words are all generic (deaths, wounds)."""
    if ctx.attribution is None:
        return False
    raw = _placeless_cues(sentence, rules)
    cues = _foreground(sentence, raw, ctx)
    if not all(rules.rules[idx].generic for _, _, idx in cues):
        return False
    # (every incident word, also those of a tally: "По данным X, с начала года в Y погибли")
    lo = begin + min((c[0] for c in raw), default=0)
    return all(ctx.attribution.search(text, lo, m.char_start) is not None for m in ms)


def _named_group(a: ActorMention) -> bool:
    """An armed group named by its name, that is not counted among the dead."""
    return _armed_group(a.actor) and not a.victim and not a.source


def _armed_group(actor: Actor | None) -> bool:
    """A non-state armed group named by its name (no state's forces, crowd, civilians or
    unidentified men)."""
    return (
        actor is not None
        and actor.inter not in (_STATE_FORCES, *_UNARMED)
        and actor != UNIDENTIFIED
    )


def _group_told_before(
    inc: _Incident,
    actors: list[ActorMention],
    sentence: str,
    cue: int,
    group: Actor,
    anaphora: re.Pattern[str],
    agent: re.Pattern[str] | None = None,
) -> None:
    """ "The group" before the incident's word in a sentence that names no armed group ("On
    Monday, the group ambushed a patrol"), or after it right after a word of claim
    (``agent``: "وتبنته الجماعة"): the armed group the text named last is actor1;
    of a battle whose only actor1 was the forces of its own country (the side attacked),
    those forces become actor2."""
    if inc.etype not in _ARMED_TYPES or any(_named_group(a) for a in actors):
        return

    def on_actor(m: re.Match[str]) -> bool:
        return any(a.start < m.end() and m.start() < a.end for a in actors)

    def claimed(m: re.Match[str]) -> bool:
        return agent is not None and (
            agent.search(
                sentence, max(0, m.start() - config.EVENTS_CLAIM_ANAPHORA_CHARS), m.start()
            )
            is not None
        )

    said = anaphora.search(sentence, 0, max(0, cue))
    if (
        inc.etype == "Battles"
        and inc.actor1 is not None
        and inc.actor1 != group
        and inc.actor1.inter == _STATE_FORCES
        and inc.actor2 is None
        and said is None
    ):
        # "troops clashed with men of the same group" (not "..., and the group claimed
        # it"): the forces fought the group
        after = [m for m in anaphora.finditer(sentence, max(0, cue)) if not on_actor(m)]
        if after and not any(claimed(m) for m in after):
            inc.actor2 = group
            return
    if inc.actor1 is not None and not _defender_only(inc):
        return
    if said is None:
        # "the group" right after a word of claim past the incident's word ("..., killing
        # six soldiers, and the group claimed it")
        said = next((m for m in anaphora.finditer(sentence, max(0, cue)) if claimed(m)), None)
    if said is None or on_actor(said):
        return
    if inc.actor1 is not None:
        inc.actor2 = inc.actor1
    inc.actor1 = group


@functools.cache
def _claim_word(rules: Rules) -> re.Pattern[str] | None:
    """A word of claim (the packs' ``blame`` words, with the particles a language glues
    before them: "وتبناه") ending right before what follows it."""
    words = rules.patterns("actors", "blame")
    if not words:
        return None
    return re.compile(rf"(?:{'|'.join(f'(?:{w})' for w in words)})\s+$", re.IGNORECASE)


def _clash_with_protesters(inc: _Incident, rules: Rules) -> None:
    """ "Clashes" whose sentence speaks of protesters are a protest met by force (ACLED
    codes no battle between demonstrators and the police): a protest with intervention,
    refined to excessive force when people were killed (:func:`_subtype`)."""
    protest = next((r for r in rules.rules if r.event_type == "Protests" and not r.generic), None)
    if protest is None:
        return
    inc.etype, inc.subtype, inc.generic = protest.event_type, protest.sub_type, False
    inc.intervention = True


def _summable(sentence: str, tolls: list[Casualty], rules: Rules) -> bool:
    """Whether the counts of a sentence are parts of one toll ("104 soldiers and 13
    civilians"): not when a word of sequence joins two of a kind ("12 dead, then 15": a
    figure that replaced another), unless the second is a wounded person's later death; nor
    after a toll's growth told before them ("the toll rose to 12 after three of the wounded
    died": the figure it rose to is the whole toll), nor with a growth told between two of
    a kind."""
    sequence = rules.words_re("tolls", "sequence")
    if sequence is None or len(tolls) < 2:
        return True
    rise = rules.words_re("tolls", "rise")
    grown = rise.search(sentence) if rise is not None else None
    if grown is not None and grown.start() < min(c.start for c in tolls):
        return False
    ordered = sorted(tolls, key=lambda c: (c.kind, c.start))  # each kind's counts in order
    of_wounds = rules.words_re("tolls", "of_wounds")
    # a wounded person's later death adds to the count before it ("three were killed and a
    # woman later died of her wounds")
    # (nor when the toll's growth is told between two of a kind: "Strike kills 11 in X: toll
    # rises to 11" tells one figure twice)
    return not any(
        a.kind == b.kind
        and (
            (rise is not None and rise.search(sentence, a.end, b.start) is not None)
            or (
                sequence.search(sentence, a.end, b.start) is not None
                and not (
                    of_wounds is not None
                    and of_wounds.search(sentence, b.end, b.end + config.CASUALTY_WINDOW_CHARS)
                    is not None
                )
            )
        )
        for a, b in itertools.pairwise(ordered)
    )


def _apply_tolls(inc: _Incident, pid: str, tolls: list[Casualty], *, summed: bool = True) -> None:
    """Add a sentence's tolls to a place of an incident: counts of one cue add up ("104
    soldiers and 13 civilians were killed"); reports differ otherwise (stated beats vague,
    then the highest)."""
    by_kind: dict[str, Toll] = {}
    for c in tolls:
        t = by_kind.get(c.kind)
        if t is None:
            by_kind[c.kind] = Toll(c.count, c.vague, c.armed, c.earlier, c.rough)
        elif summed and not t.vague and not c.vague and t.earlier == c.earlier:
            by_kind[c.kind] = Toll(
                t.count + c.count,
                armed=t.armed and c.armed,
                earlier=t.earlier,
                rough=t.rough or c.rough,
            )
        else:
            by_kind[c.kind] = t.better(Toll(c.count, c.vague, c.armed, c.earlier, c.rough))
    for kind, toll in by_kind.items():
        _keep(inc.fatalities if kind == "fatalities" else inc.injured, pid, toll)


def event_rows(document: Document, *, parser: Geoparser | None = None) -> list[dict[str, Any]]:
    """Return the event records of one document as dicts with the event columns.

    Examples
    --------
    >>> from geo.io.documents import make_document
    >>> doc = make_document("date 2020-10-04\\nGanja a été frappée par des missiles dimanche.")
    >>> [(r["location"], str(r["event_date"]), r["sub_event_type"]) for r in event_rows(doc)]
    [('Ganja', '2020-10-04', 'Shelling/artillery/missile attack')]
    """
    from geo.geoparse import get_geoparser, is_water
    from geo.lang import LANGUAGES

    parser = parser or get_geoparser()
    text, where = _strip_marks(document.text)
    lang = document.lang if document.lang in LANGUAGES else None
    # the geoparser reads the text as written (a shadda the place's name lacks is evidence
    # against it: "تدمّر", it destroys, is no Tadmur); the rules read it without its marks
    parsed = parser.parse_text(
        document.text, lang=lang, start=document.body_start, doc_id=document.doc_id
    )
    mentions, starts = parsed.mentions, parsed.sentence_starts
    if where:
        mentions, starts = _without_marks(mentions, starts, text, where)
    if not mentions:
        return []
    mentions, starts = _join_headings(text, mentions, starts)
    mentions = _approximate_as_fallback(mentions)
    langs = {parsed.lang, *getattr(parsed.tokens, "sentence_lang", ())} - {"und"}
    rules = get_rules(tuple(sorted(langs)))
    ctx = _context(rules)
    words = _pack_words(tuple(sorted(langs & set(LANGUAGES))))
    reference = reference_date(document, rules=rules)
    # the article's date stands for an event it does not date: ACLED's "week" precision when
    # the day is known, "month" otherwise
    doc_precision = 2 if document.date_precision == "day" else 3
    doc_date = reference or document.date
    records: list[tuple[_Incident | None, Mention, str]] = []
    # the headline: the body's first line
    headline_start = len(text) - len(text[document.body_start :].lstrip())
    # the places of a first line without an end stop: a headline's (a note's first
    # sentence is no headline)
    first_line_end = text.find("\n", headline_start)
    headline_places = (
        [m for m in mentions if headline_start <= m.char_start < first_line_end]
        if first_line_end > 0
        and text[headline_start:first_line_end].rstrip()[-1:] not in (*".!?…؟", "")
        else []
    )
    related = related_blocks(text)
    if related:  # the headlines of "Read also:" blocks: places named, no incidents told
        ends = [b for _, b in related]
        inside = [
            m
            for m in mentions
            if (block := bisect.bisect_right(ends, m.char_start)) < len(related)
            and related[block][0] <= m.char_start
        ]
        records.extend((None, m, "") for m in inside)
        hidden = {id(m) for m in inside}
        mentions = [m for m in mentions if id(m) not in hidden]
    in_names = _in_group_names(text, mentions, starts, rules, ctx)
    if in_names:  # "Islamic State Sahel Province", "l'État islamique au Sahel": a group's name
        records.extend((None, m, "") for m in in_names)
        hidden = {id(m) for m in in_names}
        mentions = [m for m in mentions if id(m) not in hidden]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    focus = _focus_country(mentions)

    story_town: Place | None = None  # the town of the last incident told at one
    # the armed group the text named last: "the group" of a later sentence
    story_group: Actor | None = None
    anaphora_re = rules.words_re("actors", "group_anaphora")
    claim_word = _claim_word(rules)
    lead_town: Mention | None = None  # where the text names the town of its first incident
    early: list[str] = []  # the sentences with no place before the text's first incident
    last: list[_Incident] = []
    previous: list[_Incident] = []  # the incidents of the last sentences
    follow = 0
    lead: _Lead | None = None  # the incident of the last sentence that named no place
    # a strike with a day told in a sentence that names only countries ("Russia attacked
    # Ukraine overnight"): its day for the towns the next sentence lists as hit
    country_lead: _Lead | None = None
    # the last such incident told with a day: "the same day" after it is its day
    dated_lead: _Lead | None = None
    unclaimed_re = rules.words_re("actors", "unclaimed")
    separate_re = rules.words_re("actors", "separate")
    # "the same day", "the next day": a day told before
    # the rule of a toll of people, for a toll told alone after a strike
    toll_rule = next(
        (i for i, r in enumerate(rules.rules) if r.key == "casualties_of_civilians"), None
    )
    told_day_words = _told_day_words(rules)
    blame_re = rules.words_re("actors", "blame")
    for k in range(len(starts)):
        begin = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        sentence = text[begin:end]
        unclaimed = unclaimed_re is not None and unclaimed_re.search(sentence) is not None
        separate = separate_re is not None and separate_re.search(sentence) is not None
        if unclaimed:  # "The explosion has not been claimed": of the incidents just told
            for i in previous:
                if k - i.sentence <= config.FOLLOW_UP_SENTENCES:
                    i.unclaimed = True
                    if i.inherited:
                        # the perpetrator it took from the story's other incident is not its
                        i.actor1, i.inherited = None, False
        ms = by_sentence.get(k, [])
        if blame_re is not None and blame_re.search(sentence):
            # a sentence that blames or claims ("responsibility was claimed by a group linked
            # to Y, X"): "the group", "the militants" after it are the last group it names
            claimed = [a for a in find_actors(sentence, rules=rules) if _named_group(a)]
            story_group = claimed[-1].actor if claimed else story_group
        if last and follow < config.FOLLOW_UP_SENTENCES:
            # a region named only as who speaks ("the X health office said") or a place in a
            # compound adjective does not stop the sentence going on about the incident just
            # told ("Friday's strike also wounded 19 people, the X health office said")
            spoken = [
                m
                for m in ms
                if ctx.compound_after is not None and ctx.compound_after.match(text, m.char_end)
            ]
            if spoken and len(spoken) == len(ms):
                records.extend((None, m, " ".join(sentence.split())) for m in spoken)
                ms = []
            elif ms and all(is_water(m.place) for m in ms):
                # a river or lake named only as where on it ("Bombs fell near the ferry
                # landing on the X river on Thursday") goes on about the incident too
                records.extend((None, m, " ".join(sentence.split())) for m in ms)
                ms = []
        if not ms:
            told_lead = lead
            lead = _lead(sentence, k, rules, ctx, reference, lead, blame_re)
            if lead is not None and lead is not told_lead and lead.agent is not None:
                lead = _restated(lead, told_lead, previous, rules)
            if lead is not None and lead.sentence == k and _armed_group(lead.agent):
                # a sentence that names no place but a group that acted or claimed ("The
                # attacks were claimed by X"): "the group", "the militants" after it are X
                story_group = lead.agent
            if lead is not None and lead.sentence == k and lead.date is not None:
                dated_lead = lead
            own_day = (
                _placeless_incident(
                    sentence,
                    begin,
                    k,
                    lead,
                    by_sentence,
                    previous,
                    rules,
                    story_town,
                    text[starts[k - 1] : begin] if k else "",
                    ctx.report,
                    story=next(
                        (
                            r[1]
                            for r in reversed(records)
                            if r[0] is not None
                            and story_town is not None
                            and r[1].place.id == story_town.id
                        ),
                        None,
                    ),
                )
                if lead is not None and lead.sentence == k and all(i.dated for i in last)
                else None
            )
            if own_day is not None:
                # "Rebels have shelled X for weeks. On 3 May, a rocket struck the bus station,
                # wounding six": an earlier incident at the town just named
                records.append((own_day, next(iter(own_day.places.values()))[0], ""))
                last, follow, lead = [own_day], 0, None
                previous = [i for i in previous if k - i.sentence <= config.FOLLOW_UP_SENTENCES] + [
                    own_day
                ]
                continue
            first = (
                _headline_incident(sentence, begin, k, lead, headline_places, rules, ctx)
                if lead is not None
                and lead.sentence == k
                and not last
                and not any(r[0] is not None for r in records)
                else None
            )
            if first is not None:
                # "X: THE TOLL RISES TO SIX ... As a reminder, a missile hit a block of flats
                # yesterday": the headline's town is where the first incident told happened
                records.append((first, next(iter(first.places.values()))[0], ""))
                last, follow, lead = [first], 0, None
                previous = [i for i in previous if k - i.sentence <= config.FOLLOW_UP_SENTENCES] + [
                    first
                ]
                continue
            # the sentence before dates it when it tells no incident ("On Sunday, the shops
            # stayed shut." before "Hundreds of mourners marched to the town hall.")
            before = text[starts[k - 1] : begin] if k and not last else ""
            protest = _placeless_protest(sentence, before, begin, k, lead_town, rules, reference)
            if protest is not None and lead_town is not None:
                records.append((protest, lead_town, ""))
            if last and follow < config.FOLLOW_UP_SENTENCES:
                follow += 1
                _follow_up(last, sentence, rules, ctx, reference, story_group=story_group)
            elif last:
                _dated_later(last, sentence, rules, ctx, reference)
            elif (story := next((r[0] for r in records if r[0] is not None), None)) is None:
                early.append(sentence)  # a toll told before the incident: read after the text
            else:
                _story_toll(story, sentence, rules, reference)
                if story.sentence <= config.LEAD_SENTENCES and not any(
                    r[0] is not None and r[0].dated for r in records
                ):
                    # the lead's incident, told undated ("the toll of the strike on X rose
                    # to eight"), dated by a later sentence that names no place but tells it
                    # with a day ("The missile hit the building on Tuesday, 17 February");
                    # not once the text has told an incident with a day (a day of a later
                    # sentence may then be a past incident's, told as background)
                    _dated_later([story], sentence, rules, ctx, reference)
            continue
        struck_list = (
            country_lead
            if country_lead is not None
            and k == country_lead.sentence + 1
            and ctx.hit_list is not None
            and ctx.hit_list.search(sentence) is not None
            and any(m.place.kind != "country" for m in ms)
            else None
        )
        # what a sentence that names only countries tells, read once for both uses below
        told_by_countries = (
            _lead(sentence, k, rules, ctx, reference, None, None) if _only_countries(ms) else None
        )
        country_lead = _country_lead(told_by_countries, rules, ctx)
        attacker = _country_attacker(text, ms, ctx)
        if attacker is not None:
            # "Russia launched 80 drones in the night": the strikes told next at
            # their towns are of that country's forces when they name no attacker
            lead = _wave_lead(told_by_countries, attacker, sentence, k, rules, ctx, reference)
        if last and follow < config.FOLLOW_UP_SENTENCES and all(m.place.kind != "city" for m in ms):
            # a next sentence that names only regions ("claimed by the Islamic State in the
            # Sahel") may still name who did it
            _take_agent(last, sentence, rules, reference=reference)
        if (
            last
            and follow < config.FOLLOW_UP_SENTENCES
            and not last[0].dated
            and all(_named_as_region(text, m, ctx) for m in ms)
        ):
            # a next sentence that names only the region a town lies in ("The missile struck
            # a twelve-storey building in this town of the X region overnight on Tuesday") tells
            # the incident just reported: its day dates it
            _dated_later(last, sentence, rules, ctx, reference)
        if (
            last
            and follow < config.FOLLOW_UP_SENTENCES
            and any(m.place.kind == "city" for m in ms)
            and all(m.place.kind != "city" or _destination(text, m, ctx, ms) for m in ms)
            and all(
                rules.rules[idx].generic or rules.rules[idx].sub_type == last[0].subtype
                for _, _, idx in _foreground(sentence, _placeless_cues(sentence, rules), ctx)
            )
        ):
            # "Two officers were wounded and flown to X": X is where the wounded went, the
            # sentence (no incident word of its own, or one of the incident just told: "in
            # the clash, a soldier was wounded and flown to X") goes on about that incident
            note = " ".join(sentence.split())
            records.extend((None, m, note) for m in ms)
            follow += 1
            _follow_up(last, sentence, rules, ctx, reference, story_group=story_group)
            continue
        if (
            last
            and follow < config.FOLLOW_UP_SENTENCES
            and all(
                m.place.kind != "city"
                # (a town in an office's name: "the X police command")
                or (
                    ctx.compound_after is not None
                    and ctx.compound_after.match(text, m.char_end) is not None
                )
                for m in ms
            )
            and _source_after_toll(text, begin, sentence, ms, rules, ctx)
        ):
            # "Three people died there, according to the Tanzania Red Cross": a
            # country or region named only in the source, after the toll, goes on about the
            # incident just told (not "According to X, 300 were killed in the Y region since
            # January": a tally of the region)
            note = " ".join(sentence.split())
            records.extend((None, m, note) for m in ms)
            follow += 1
            _follow_up(last, sentence, rules, ctx, reference, story_group=story_group)
            continue
        told, told_follow = last, follow
        follow = 0
        last = []
        note = " ".join(sentence.split())
        raw = _placeless_cues(sentence, rules)
        cues = _without_causes(sentence, _foreground(sentence, raw, ctx), rules, ctx)
        cues = _without_later_arrests(sentence, cues, rules, ctx)
        recalled = bool(cues) and _recalled(sentence, rules, ctx, reference)
        # "As a reminder, on 14 May a drone hit a bus there, killing two": a past incident
        # told whole, with its day and toll, another than those told before at its place
        # (without a toll of its own, the recall may give the day of the story's incident)
        recalled_day = (
            bool(cues)
            and not recalled
            and ctx.recall is not None
            and ctx.recall.match(sentence) is not None
            and bool(_incident_tolls(sentence, rules, []))
        )
        if recalled:
            cues = []
        # its incident words all tell background (a frame, a tally, a recall): the sentence
        # tells another incident, and its toll is none of the one told before
        another = bool(raw) and not cues
        earlier = (
            [
                c
                for c in cues
                if rules.rules[c[2]].event_type not in _CROWD and _other_incident(sentence, c, ctx)
            ]
            if ctx.other_any is not None and ctx.other_any.search(sentence) is not None
            else []
        )
        if earlier and not _gives_day(sentence, rules, reference):
            # the clauses of an earlier incident tell it ("were killed in previous attacks")
            clauses = [_clause_of(sentence, c[0]) for c in earlier]
            cues = [c for c in cues if not any(lo <= c[0] < hi for lo, hi in clauses)]
            another = another or not cues
        threatening = ctx.threat is not None and ctx.threat.search(sentence) is not None
        if threatening:
            cues = [c for c in cues if not _threatened(sentence, c[0], ctx)]
        if (
            cues
            and ctx.hypothetical is not None
            and ctx.hypothetical_any is not None
            and ctx.hypothetical_any.search(sentence) is not None
        ):
            # "fearing an imminent rebel assault": an incident only expected, whatever
            # day the sentence gives
            cues = [
                c
                for c in cues
                if not ctx.hypothetical.search(
                    sentence, max(0, c[0] - config.EVENTS_HYPOTHETICAL_CHARS), c[0]
                )
            ]
        if ctx.pursuit is not None:
            # "searched for those behind the bombing": the incident already told
            cues = [c for c in cues if not _pursued(sentence, c, ctx.pursuit)]
        if lead is not None and k - lead.sentence > config.LEAD_SENTENCES:
            lead = None
        if (
            not cues
            and not recalled
            and lead is not None
            and lead.rule is not None
            and not rules.rules[lead.rule].generic
            and _incident_tolls(sentence, rules, [])
        ):
            # "Drones attacked several villages on Sunday. In X, two men were wounded."
            cues = [(0, len(sentence), lead.rule)]
        if (
            not cues
            and not recalled
            and not another
            and any(m.place.kind == "city" for m in ms)
            and toll_rule is not None
            and any(
                i.sentence == k - 1 and not i.generic and not i.recalled and i.etype == _REMOTE
                for i in previous
            )
            and _incident_tolls(sentence, rules, [])
        ):
            # a toll alone at a town, with no noun of people ("В Y ранены 4"), right after a
            # strike told with its weapon: a casualty of the same wave (_sibling)
            cues = [(0, len(sentence), toll_rule)]
        if struck_list is not None and struck_list.rule is not None and not recalled:
            # "Russia attacked Ukraine overnight. Hit were A, B and C": the strike's towns
            lead = struck_list
            # (a generic word of its own, "под ударом", is the strike's: it takes its type)
            cues = [c for c in cues if not rules.rules[c[2]].generic] or [
                (0, len(sentence), struck_list.rule)
            ]
        if not cues:  # no incident: each place once, as a mention
            named: set[str] = set()
            for m in ms:
                if m.place.id not in named:
                    named.add(m.place.id)
                    records.append((None, m, note))
            _blame(previous, ms, sentence, k, rules, blame_re)
            _blame_told(told, told_follow, ms, text, sentence, ctx, rules, blame_re)
            if (
                told
                and not another
                and told_follow < config.FOLLOW_UP_SENTENCES
                and (
                    (within := _within_told(text, ms, told, ctx, story_town))
                    or (not raw and _sources_only(sentence, begin, ms, ctx))
                )
            ):
                # "The blast went off near a junction in the X district." goes on about the
                # incident just told at X's town: the next sentence may still give its toll;
                # so does a sentence whose places are only where a source spoke
                last, follow = told, told_follow + 1
                _follow_up(
                    last, sentence, rules, ctx, reference, story_group=story_group, dating=within
                )
            continue
        ms, moved = _in_the_town(text, ms, ctx, story_town)
        line_start = text.rfind("\n", 0, ms[0].char_start) + 1
        dateline_end = (
            _dateline_end(text, line_start, headline=line_start == headline_start)
            if line_start >= begin
            else -1
        )
        all_dates = find_dates(sentence, reference=reference, rules=rules)
        if ctx.told_day_any is not None and ctx.told_day_any.search(sentence) is not None:
            all_dates = _told_day(
                sentence,
                all_dates,
                records,
                told_day_words,
                lead=dated_lead,
                rules=rules,
                reference=reference,
            )
        dates = [
            d
            for d in all_dates
            if d.date is not None
            and not _report_date(sentence, d, ctx, cues=cues)
            and begin + d.start >= dateline_end  # the dateline's date is the report's
            and (not d.year or _frames(sentence, d, cues))
        ]
        # a month starting a period dates nothing told before its "since"
        periods = {id(d): at for d in dates if (at := _period_start(sentence, d, ctx)) is not None}
        body = [m for m in ms if m.char_start >= dateline_end]
        every = [m.place for m in ms]
        places = [m.place for m in (body or ms)]
        if len(body) < len(ms) and all(m.place.kind == "country" for m in body):
            # the dateline's place is the only one named; when the body names another (even
            # one it lies in), the dateline tells where the report was written
            body, places = ms, every
        # tolls, actors and classes of words only for a sentence that reports an incident
        tolls: list[Casualty] | None = None
        by_rule: dict[tuple[int, dt.date | None], _Incident] = {}
        led: set[int] = set()  # the incidents the lead sentence told
        plain_seen: set[str] = set()
        spans = [(q.char_start - begin, q.char_end - begin) for q in ms]
        body_spans = [(q.char_start - begin, q.char_end - begin) for q in body]
        misplaced = _misplaced(text, ms, words, ctx.relative_point, ctx.region_after)
        route = _route_ends(text, ms, ctx) if len(ms) > 1 else set()
        shifts = (
            [t.start() for t in ctx.time_after.finditer(sentence)]
            if ctx.time_after is not None and cues
            else []
        )
        # words of reaction and attribution, looked for near each place only when the
        # sentence has one
        reacting = ctx.reaction is not None and ctx.reaction.search(sentence) is not None
        attributing = ctx.attribution is not None and ctx.attribution.search(sentence) is not None
        for i_m, m in enumerate(ms):
            rule = None
            start, stop = m.char_start - begin, m.char_end - begin
            if any(c[0] == start and stop <= c[1] for c in cues):
                # the word of an incident read as a place name (a noun with a prefixed
                # conjunction transliterated to a town's name): no place of the text
                continue
            if (
                m in body
                and not _contains(m.place, every if m.place.kind == "country" else places)
                and not _is_actor(text, m, ctx, cue_ends=[c[1] + begin for c in cues])
                and not _across_border(text, m, ctx)
                and not _destination(text, m, ctx, ms)
                and not (
                    any(_lies_in(q.place, m.place) for q in body) and _named_as_region(text, m, ctx)
                )
                and i_m not in misplaced
                and not (m.place.kind == "city" and _listed_region(text, m, ctx, ms))
                and not _region_called_after(text, m, body, ctx, parser.gazetteer, story_town)
                and not (
                    i_m in route
                    and (
                        any(
                            j not in route and q.place.kind == "city" and q in body
                            for j, q in enumerate(ms)
                        )
                        # alone, a route is placed at the end it is named from: one incident
                        # on the road, not one at each end
                        or any(ms[j].char_start < m.char_start for j in route)
                    )
                )
                and not (
                    (
                        # (a sentence with a day of its own tells its own incident:
                        # "On Friday too, a convoy was ambushed near C")
                        (story_town is not None and story_town.id != m.place.id and not dates)
                        or any(
                            q.place.kind == "city"
                            # not the town a truck came from or went to ("a truck on its
                            # way from A was ambushed near B": B is the incident's)
                            and not _origin(text, q, ms, ctx, story_town)
                            and not _destination(text, q, ctx, ms)
                            # (nor an end of a route: "on the A-B road near C")
                            for j_q, q in enumerate(ms)
                            if q != m and j_q not in route
                        )
                    )
                    # "a village 20 km north of X", X the town the story is about: the
                    # incident is placed at X, as ACLED places one near a town
                    and _reference_point(text, m, ctx)
                    # "a bus from A to B hit a mine 15 km from A": the end it is near
                    and not any(ms[j].place.id == m.place.id for j in route)
                )
                and not _origin(text, m, ms, ctx, story_town)
                and not _residents_apposition(text, m, ms, ctx)
                and not _region_namesake(text, m, ms, story_town, ctx)
                and not _relative_point(
                    # (an end of a route is no town a point is told from: "on the road
                    # between A and B near C" is at C)
                    text,
                    m,
                    [q for i, q in enumerate(ms) if i not in misplaced and i not in route],
                    ctx,
                )
                and not (threatening and _threatened(sentence, start, ctx))
            ):
                rule = _rule_for(
                    start,
                    stop,
                    _same_time(start, cues, shifts),
                    rules,
                    sentence=sentence,
                    places=spans,
                    new_clause=ctx.new_clause,
                )
                if rule is not None and (
                    _protest_cause(sentence, start, rule, cues, body_spans, rules, ctx)
                    or _protesters_from(text, m, ms, rule, rules, ctx, begin=begin, cues=cues)
                    or _demanded_justice(sentence, start, rule, cues, body_spans, rules, ctx)
                    or _undated_earlier(sentence, start, cues, dates, ctx.time_after)
                    or _period_told(sentence, dates, ctx)
                    or (reacting and _reacted(sentence, start, stop, rule, cues, ctx))
                    or (attributing and _attributed(sentence, start, rule, cues, body_spans, ctx))
                ):
                    rule = None
                if (
                    rule is not None
                    and not rules.rules[rule].generic
                    and not _cue_reaches(sentence, start, stop, rule, cues, ctx, spans)
                ):
                    # a word of another phrase ("six dead in an attack on A, and two
                    # policemen killed in B"): a generic word of the place's own phrase may
                    # still tell its incident
                    rule = _reaching_generic(
                        sentence, start, stop, rule, cues, shifts, rules, ctx, spans
                    )
                if rule is not None and rules.rules[rule].generic:
                    if not dates and tolls is None:
                        tolls = _incident_tolls(sentence, rules, all_dates)
                    # or the incident just told at its region ("Nine civilians were killed
                    # overnight in the Far North. The attackers raided a quarter of X"): the
                    # town's sentence goes on about it
                    # or an incident added to the story just told, at a town of its own
                    # ("X was attacked on Tuesday. Militants also attacked Y."): it
                    # takes the story's day
                    anchored = bool(dates or tolls) or (
                        m.place.kind == "city"
                        and (
                            _region_parent(m.place, previous, k) is not None
                            or _added_to_story(sentence, previous, k, ctx)
                            or _toll_follows(text, starts, k, by_sentence, rules)
                        )
                    )
                    if not (
                        anchored and _cue_reaches(sentence, start, stop, rule, cues, ctx, spans)
                    ):
                        rule = (
                            _reaching_generic(
                                sentence, start, stop, rule, cues, shifts, rules, ctx, spans
                            )
                            if anchored
                            else None
                        )
            if rule is None:
                if m.place.id not in plain_seen:
                    plain_seen.add(m.place.id)
                    records.append((None, m, note))
                continue
            own = [d for d in dates if periods.get(id(d)) is None or start > periods[id(d)]]
            # a date across a shift in time from the place is the other incident's ("The
            # attack on A comes weeks after a bomb killed two in B on 3 May")
            own = [d for d in own if not _across_shift(d.start, start, shifts)]
            found = _nearest_date(start, own, sentence)
            if found is not None and len(own) > 1:
                found = _attack_date(
                    start,
                    found,
                    own,
                    cues,
                    sentence,
                    spans,
                    ms,
                    report=ctx.report,
                    generic=frozenset(i for i, r in enumerate(rules.rules) if r.generic),
                    rule=rule,
                )
            carried = (
                lead.date
                if found is None
                and lead is not None
                and lead.date is not None
                and _leads(lead, rule, rules)
                else None
            )
            found = found or carried
            parent = None if found is not None else _parent(m.place, previous, k)
            # (a bulletin's next town, hit by the same wave: its toll alone, no weapon word)
            sibling = _sibling(previous, k, rules.rules[rule]) if parent is None else None
            if found is not None:
                date, precision = found.date, found.precision
            elif parent is not None:
                date, precision = parent.date, parent.precision
            elif sibling is not None:
                date, precision = sibling.date, sibling.precision
            else:
                date, precision = doc_date, doc_precision
            incident = by_rule.get((rule, date))
            if incident is None:
                r = rules.rules[rule]
                cue = min((c for c in cues if c[2] == rule), key=lambda c: abs(c[0] - start))[0]
                incident = _Incident(
                    r.event_type,
                    r.sub_type,
                    r.generic,
                    k,
                    date,
                    precision,
                    found is not None or parent is not None or sibling is not None,
                    [note],
                    begin + cue,
                )
                incident.recalled = recalled_day
                if (
                    lead is not None
                    and _leads(lead, rule, rules)
                    and _lead_day_fits(lead, found, previous)
                    and not separate
                ):
                    led.add(id(incident))
                if (
                    parent is not None
                    and m.place.kind == "city"
                    and _open_region(parent)
                    and k - parent.sentence <= config.EVENTS_REGION_TO_TOWN_SENTENCES
                    and not (tolls if tolls is not None else _incident_tolls(sentence, rules, []))
                ):
                    # the town the incident told at its region took place in, told without a
                    # toll of its own: the incident is the town's, with its tolls; the region
                    # stays a mention (a town's own toll is its own: the region's may sum the
                    # day's incidents)
                    for by_place in (parent.fatalities, parent.injured):
                        for region_id in list(by_place):
                            if region_id in parent.places:
                                _keep(by_place, m.place.id, by_place.pop(region_id))
                    incident.fatalities.update(parent.fatalities)
                    incident.injured.update(parent.injured)
                    incident.none = incident.none | parent.none
                    parent.moved = True
                if parent is not None and not any(
                    q.id == m.place.id for ms_p in parent.places.values() for q in [ms_p[0].place]
                ):
                    if r.generic and not parent.generic:
                        incident.etype, incident.subtype = parent.etype, parent.subtype
                        incident.generic = False
                    if incident.etype == parent.etype:
                        incident.actor1 = parent.actor1
                        incident.inherited = True
                elif sibling is not None:
                    incident.etype, incident.subtype = sibling.etype, sibling.subtype
                    incident.generic = False
                    incident.actor1, incident.inherited = sibling.actor1, True
                by_rule[(rule, date)] = incident
            incident.places.setdefault(m.place.id, []).append(m)
        qualifiers = _qualifiers(text, ms) if len(ms) > 1 and by_rule else {}
        if qualifiers:
            _drop_qualifiers(by_rule.values(), qualifiers, records, note)
            by_rule = {key: inc for key, inc in by_rule.items() if inc.places}
        if not by_rule:
            _blame(previous, ms, sentence, k, rules, blame_re)
            _blame_told(told, told_follow, ms, text, sentence, ctx, rules, blame_re)
            continue
        for inc in by_rule.values():
            inc.district = all(id(q) in moved for ms_p in inc.places.values() for q in ms_p)
        if tolls is None:
            tolls = _incident_tolls(sentence, rules, all_dates)
        country = _forces_country(ms, by_rule.values(), focus)
        actors = _mark_victims(
            find_actors(sentence, rules=rules, country=country), sentence, tolls, rules=rules
        )
        classes = rules.classes_in(sentence)
        located = [
            (m, inc) for inc in by_rule.values() for ms_p in inc.places.values() for m in ms_p
        ]
        if any(m.place.kind != "country" for m, _ in located):
            located = [(m, inc) for m, inc in located if m.place.kind != "country"]
        extra = _dated_clauses(
            sentence, begin, spans, cues, dates, list(by_rule.values()), rules, ctx
        )
        assigned: dict[tuple[int, str], list[Casualty]] = {}
        for c in tolls:
            pos = begin + c.start
            if _national(text, begin + c.end, ms, words):
                continue
            owner = next((inc for lo, hi, inc in extra if lo <= c.start < hi), None)
            if owner is not None:
                assigned.setdefault((id(owner), next(iter(owner.places))), []).append(c)
                continue
            m, inc = min(located, key=lambda t: _toll_cost(text, t[0], pos, words.conjunctions))
            assigned.setdefault((id(inc), m.place.id), []).append(c)
        for inc in by_rule.values():
            _drop_region_list(inc, assigned, records, note)
        incidents = [i for i in by_rule.values() if i.places] + [inc for _, _, inc in extra]
        if not incidents:
            continue
        lead_town = lead_town or next(
            (
                ms_p[0]
                for inc in incidents
                for ms_p in inc.places.values()
                if ms_p[0].place.kind == "city"
            ),
            None,
        )
        story_town = next(
            (
                ms_p[0].place
                for inc in reversed(incidents)
                for ms_p in inc.places.values()
                if ms_p[0].place.kind == "city"
            ),
            story_town,
        )
        free = casualty_free(sentence, rules=rules)
        grievance = rules.words_re("tolls", "grievance")
        for inc in incidents:
            for pid in inc.places:
                counts = assigned.get((id(inc), pid), [])
                if (
                    inc.etype in ("Protests", "Riots")
                    and counts
                    and grievance is not None
                    and grievance.search(sentence)
                ):
                    # "protested over the killing of two men": their dead, not the protest's
                    counts = [c for c in counts if c.kind != "fatalities"]
                _apply_tolls(inc, pid, counts, summed=_summable(sentence, counts, rules))
            inc.none |= free
            if inc.etype == "Battles" and "protest" in classes:
                _clash_with_protesters(inc, rules)
            if inc.etype == "Protests" and "intervention" in classes:
                inc.intervention = True
            _choose_actors(
                inc,
                actors,
                inc.cue - begin,
                bool(classes & {"civilians", "communal"}),
                sentence=sentence,
                elsewhere=[m.char_start - begin for m in ms if m.place.id not in inc.places],
                rivals=[
                    q.char_start - begin
                    for other in incidents
                    if other is not inc
                    for pid, ms_p in other.places.items()
                    if pid not in inc.places
                    for q in ms_p
                ],
                edge=ctx.new_clause or _NEW_CLAUSE,
            )
            # (no group named before: "militants", "бойовики" who fought or attacked are
            # unidentified men; not the layers of a mine, whom the story may not know)
            group = story_group or (UNIDENTIFIED if inc.etype != _REMOTE else None)
            if group is not None and anaphora_re is not None:
                _group_told_before(
                    inc, actors, sentence, inc.cue - begin, group, anaphora_re, claim_word
                )
            if (
                inc.actor1 in (None, UNIDENTIFIED)
                and not inc.explicit
                and lead is not None
                and lead.agent is not None
                and id(inc) in led
            ):
                # the attacker the lead sentence named, rather than "gunmen" (a later
                # sentence may still name another: :func:`_take_agent`)
                inc.actor1, inc.inherited = lead.agent, True
            inc.ground_fire = "ground_fire" in classes
            inc.unclaimed = unclaimed
            inc.separate = separate
            for ms_p in inc.places.values():
                records.append((inc, ms_p[0], ""))
        story_group = next((a.actor for a in reversed(actors) if _named_group(a)), story_group)
        last = incidents
        if lead is not None and led:  # the story goes on: its next places may be its own
            lead = dataclasses.replace(lead, sentence=k)
        previous = [i for i in previous if k - i.sentence <= config.FOLLOW_UP_SENTENCES] + incidents
    if early and (story := next((r[0] for r in records if r[0] is not None), None)) is not None:
        # "The toll has risen to 10. ... As a reminder, on Wednesday a missile hit a block of
        # flats in X": the toll told before the text's first incident is its toll
        for sentence in early:
            _story_toll(story, sentence, rules, reference, in_lead=False, headline=headline_places)
    # a first line without an end stop is a headline (not the lead's first sentence)
    headline_end = text.find("\n", headline_start)
    headline_end = len(text) if headline_end < 0 else headline_end
    if text[headline_start:headline_end].rstrip()[-1:] in (*".!?…؟", ""):
        headline_end = -1
    rows = _rows(
        document,
        parser,
        records,
        doc_date,
        doc_precision,
        rules,
        text=text,
        headline_end=headline_end,
    )
    rows = consolidate_rows(
        rows,
        capitals=parser.gazetteer.capitals(),
        doc_date=doc_date,
        doc_precision=doc_precision,
        text=text,
        coordination=rules.words_re("tolls", "coordination"),
        headline_end=headline_end,
        place_of=parser.gazetteer.get,
    )
    if where:  # offsets and mentions in the text as written
        for row in rows:
            start, end = where[row["char_start"]], where[row["char_end"] - 1] + 1
            row["char_start"], row["char_end"] = start, end
            row["mention"] = document.text[start:end]
    return rows


def _approximate_as_fallback(mentions: list[Mention]) -> list[Mention]:
    """The mentions an event may be placed at: a name placed approximately (a village the
    gazetteer lacks, :mod:`geo.geoparse.approximate`) only in a sentence that names no town
    the gazetteer has (the town is the better location; "the village of X near Y" is one
    incident, not two), and only when the text itself places it near a town (a relative
    location or the town named with it; not a region's centre, nor the last town named). A
    name the text places in a region it names ("in X (Y, Region)") is one too when
    :data:`geo.config.EVENTS_APPROXIMATE_IN_REGION` says so.

    Examples
    --------
    >>> from geo.geoparse import get_geoparser
    >>> ms = get_geoparser().parse("Shells hit the hamlet of Kvitkove Pole near Sarny.")
    >>> [m.mention for m in ms], [m.mention for m in _approximate_as_fallback(ms)]
    (['Kvitkove Pole', 'Sarny'], ['Sarny'])
    """
    towns = {m.sentence for m in mentions if m.place.kind == "city" and "approximate" not in m.why}
    return [
        m
        for m in mentions
        if "approximate" not in m.why
        or (
            m.sentence not in towns
            and (
                m.precision == 2
                or (
                    config.EVENTS_APPROXIMATE_IN_REGION
                    and any(k.startswith("anchor admin") for k in m.why)
                )
            )
            and not any(k.startswith("anchor preceding") for k in m.why)
        )
    ]


def _drop_region_list(
    inc: _Incident,
    assigned: Mapping[tuple[int, str], list[Casualty]],
    records: list[tuple[_Incident | None, Mention, str]],
    note: str,
) -> None:
    """A list of regions hit in one wave ("drones also attacked the A, B and C regions"):
    the regions of an incident of one sentence, when there are at least
    :data:`geo.config.EVENTS_REGION_LIST_MIN`, are no incidents of their own unless the
    sentence gives one of them a toll; they are kept as mentions."""
    regions = [pid for pid, ms_p in inc.places.items() if ms_p[0].place.kind == "region"]
    if len(regions) < config.EVENTS_REGION_LIST_MIN:
        return
    for pid in regions:
        if assigned.get((id(inc), pid)):
            continue
        records.append((None, inc.places.pop(pid)[0], note))


def _toll_follows(
    text: str,
    starts: Sequence[int],
    k: int,
    by_sentence: Mapping[int, list[Mention]],
    rules: Rules,
) -> bool:
    """Whether sentence ``k`` names the side that attacked and the sentence after it names
    no place and gives a toll that is no side's claim: it goes on about the incident a
    generic word of sentence ``k`` told ("Soldiers attacked X. Two were killed.",
    "Росія атакувала X. Загинули двоє людей."); not a strike named without its attacker
    ("the aftermath of the strike on X"), which the text may tell later."""
    if k + 1 >= len(starts) or by_sentence.get(k + 1):
        return False
    end = starts[k + 2] if k + 2 < len(starts) else len(text)
    if not any(
        c.count and not c.claimed for c in _incident_tolls(text[starts[k + 1] : end], rules, [])
    ):
        return False
    return any(
        a.agent and not a.source for a in find_actors(text[starts[k] : starts[k + 1]], rules=rules)
    )


def _incident_tolls(
    sentence: str,
    rules: Rules,
    dates: Sequence[FoundDate] | Callable[[], Sequence[FoundDate]],
    *,
    in_all: bool = False,
) -> list[Casualty]:
    """The tolls of a sentence that may be an incident's (not running totals); ``in_all``:
    also a sum "in all" of one incident's dead or hurt (:attr:`Casualty.in_all`, not a claim
    nor an earlier figure: "Загалом загинули 8 людей" after the strike on one town)."""
    return [
        c
        for c in count_casualties(sentence, rules=rules, dates=dates)
        if c.toll or (in_all and c.in_all and not c.claimed and not c.earlier)
    ]


def _without_marks(
    mentions: Sequence[Mention], starts: Sequence[int], text: str, where: Sequence[int]
) -> tuple[list[Mention], list[int]]:
    """Mentions and sentence starts found in the text as written, moved to the text without
    its marks (``text``; ``where[i]`` is where its character ``i`` was written)."""
    moved = [
        dataclasses.replace(
            m,
            char_start=(a := bisect.bisect_left(where, m.char_start)),
            char_end=(b := bisect.bisect_left(where, m.char_end)),
            mention=text[a:b],
        )
        for m in mentions
    ]
    return moved, [bisect.bisect_left(where, k) for k in starts]


def _in_group_names(
    text: str, mentions: Sequence[Mention], starts: Sequence[int], rules: Rules, ctx: _Context
) -> list[Mention]:
    """The places named inside the name of an armed group of the actors' lexicon ("Islamic
    State Sahel Province", "l'État islamique au Sahel"), or named as the group itself (a
    militia whose name a town also bears, "X fighters attacked") with no place preposition
    before it: part of the name, not where the sentence's incident happened."""
    out: list[Mention] = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for k, inside in by_sentence.items():
        begin = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        groups = [(begin + s, begin + e) for s, e in group_spans(text[begin:end], rules=rules)]
        out.extend(
            m
            for m in inside
            for s, e in groups
            if s <= m.char_start
            and m.char_end <= e
            and (
                (m.char_start, m.char_end) != (s, e)
                or ctx.locative is None
                or ctx.locative.search(text, max(0, m.char_start - 20), m.char_start) is None
            )
        )
    return out


#: A parenthesis after a place name ("X (Y district)") and what is neither letter nor digit
#: (bullets, emoji, the full stop): all a heading may hold besides its place names.
_HEADING_PAREN: Final = re.compile(r"\([^()\n]{0,80}\)")
_HEADING_REST: Final = re.compile(r"[\W_]*")


def _join_headings(
    text: str, mentions: Sequence[Mention], starts: Sequence[int]
) -> tuple[list[Mention], list[int]]:
    """A line that opens with a place name alone ("🔴 X. Overnight, drones hit a school.",
    "X (Y district): shelling at dawn ...") heads what the rest of its line tells: that
    sentence and the next one, which names no place, are read as one (a summary of a
    region's night, town by town)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    joined: set[int] = set()  # sentences read with the one before
    for k in by_sentence:
        if k + 1 >= len(starts) or k + 1 in by_sentence:
            continue
        begin, nxt = starts[k], starts[k + 1]
        ms = by_sentence[k]
        if nxt - begin > config.EVENTS_HEADING_MAX_CHARS or any(
            m.place.kind == "country" for m in ms
        ):
            continue
        line = text.rfind("\n", 0, begin) + 1
        if _HEADING_REST.fullmatch(text, line, begin) is None or "\n" in text[begin:nxt]:
            continue
        rest = list(text[begin:nxt])
        for m in ms:
            rest[m.char_start - begin : m.char_end - begin] = " " * (m.char_end - m.char_start)
        if _HEADING_REST.fullmatch(_HEADING_PAREN.sub(" ", "".join(rest))) is not None:
            joined.add(k + 1)
    if not joined:
        return list(mentions), list(starts)
    index = list(itertools.accumulate(0 if k in joined else 1 for k in range(len(starts))))
    return (
        [dataclasses.replace(m, sentence=index[m.sentence] - 1) for m in mentions],
        [at for k, at in enumerate(starts) if k not in joined],
    )


def _strip_marks(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without the marks its languages may leave out (Arabic vowel marks: the
    packs' rules are written without them), and where each character was (empty when
    nothing was removed); each pack's ``strip_marks`` (:class:`geo.lang.Morphology`)."""
    from geo.lang import LANGUAGES, get_pack

    where: tuple[int, ...] = ()
    for code in LANGUAGES:
        strip = get_pack(code).morph("strip_marks")
        if strip is None:
            continue
        stripped, inner = cast("tuple[str, tuple[int, ...]]", strip(text))
        if inner:
            text = stripped
            where = tuple(where[i] for i in inner) if where else inner
    return text, where


def _dated_clauses(
    sentence: str,
    begin: int,
    spans: Sequence[tuple[int, int]],
    cues: list[tuple[int, int, int]],
    dates: list[FoundDate],
    incidents: list[_Incident],
    rules: Rules,
    ctx: _Context,
) -> list[tuple[int, int, _Incident]]:
    """Clauses that tell of another day at the place of the sentence: a clause with a day
    and a word of an incident of its own but no place ("...the air base of Port Sudan was
    hit on Sunday; on Monday a fuel depot was attacked") is an incident at the place of the
    incident told before it, on its day. Each as (start, end) of the clause and incident."""
    if ctx.new_clause is None or not incidents:
        return []
    days = {inc.date for inc in incidents}
    if not any(d.precision == 1 and d.date not in days for d in dates):
        return []  # no day but the incidents' own
    cuts = [0, *(m.end() for m in ctx.new_clause.finditer(sentence)), len(sentence) + 1]
    out: list[tuple[int, int, _Incident]] = []
    for lo, hi in itertools.pairwise(cuts):
        if any(lo <= a < hi for a, _ in spans):
            continue
        day = next(
            (d for d in dates if lo <= d.start < hi and d.precision == 1 and d.date not in days),
            None,
        )
        # the clause's word that says most (the first rule in the packs' order, a specific
        # word before a generic one), not its first word ("a strike, a missile that hit ...")
        own = sorted((rules.rules[i].generic, i, s) for s, _, i in cues if lo <= s < hi)
        # the incidents told before the clause: by their places (the word that typed one
        # may stand in this clause: "a patrol ambushed on Friday near X, and two guards
        # killed by a roadside bomb the day after")
        before = (
            [
                inc
                for inc in incidents
                if any(q.char_start - begin < lo for ms_p in inc.places.values() for q in ms_p)
            ]
            if own
            else []
        )
        if day is None or not own or not before:
            continue
        parent = before[-1]
        if lo <= parent.cue - begin < hi:
            # its word is this clause's: its own is the nearest word before the clause
            earlier = [(s, i) for s, _, i in cues if s < lo]
            if earlier:
                s_, i_ = max(earlier, key=lambda c: (not rules.rules[c[1]].generic, c[0]))
                told = rules.rules[i_]
                parent.cue = begin + s_
                parent.etype, parent.subtype = told.event_type, told.sub_type
                parent.generic = told.generic
        r = rules.rules[own[0][1]]
        inc = dataclasses.replace(
            parent,
            date=day.date,
            precision=1,
            dated=True,
            places={pid: list(ms_p) for pid, ms_p in list(parent.places.items())[:1]},
            fatalities={},
            injured={},
            none=frozenset(),
            notes=list(parent.notes),
        )
        if not r.generic:
            inc.etype, inc.subtype, inc.generic = r.event_type, r.sub_type, False
        days.add(day.date)
        out.append((lo, hi, inc))
    return out


def _parent(place: Place, previous: list[_Incident], k: int) -> _Incident | None:
    """The dated incident just reported at ``place`` or at a region that contains it: a
    sentence that names it without a day of its own goes on about that incident ("Drones
    attacked the Sumy region overnight. In the village of X, two men were injured")."""
    for inc in reversed(previous):
        if not inc.dated or k - inc.sentence > config.FOLLOW_UP_SENTENCES + 1:
            continue
        for ms_p in inc.places.values():
            q = ms_p[0].place
            if q.id == place.id or _in_region(q, place):
                return inc
    return None


def _sibling(previous: list[_Incident], k: int, rule: Rule) -> _Incident | None:
    """The strike the sentence before told, when sentence ``k`` tells only a toll (``rule``
    a generic casualty cue) at another town: a bulletin's next town, hit by the same wave
    ("A drone strike killed a woman in X. In Y, two civilians were injured.": a drone strike
    at Y, of the same day and attacker). Only a strike (Explosions/Remote violence) told
    with its weapon, one sentence before (of the day it was dated to, or the article's)."""
    if not config.EVENTS_TOLL_AFTER_STRIKE or not rule.generic or rule.cues != "casualty":
        return None
    for inc in reversed(previous):
        if inc.sentence != k - 1:
            continue
        if not inc.generic and not inc.recalled and inc.etype == _REMOTE:
            return inc
    return None


def _added_to_story(sentence: str, previous: list[_Incident], k: int, ctx: _Context) -> bool:
    """Whether sentence ``k`` adds an incident to the story just told: a word of addition
    (the packs' ``additive``: "also", "также", "également") after an incident dated to a day
    in the :data:`geo.config.FOLLOW_UP_SENTENCES` sentences before it, not recalled."""
    if ctx.additive is None or ctx.additive.search(sentence) is None:
        return False
    return any(
        inc.dated
        and inc.precision == 1
        and not inc.recalled
        and 0 < k - inc.sentence <= config.FOLLOW_UP_SENTENCES
        for inc in previous
    )


def _only_regions(inc: _Incident) -> bool:
    """Whether an incident is told only at regions or countries (no town)."""
    return all(ms_p[0].place.kind != "city" for ms_p in inc.places.values())


def _region_parent(place: Place, previous: list[_Incident], k: int) -> _Incident | None:
    """The dated incident just told only at a region that contains the town ``place``
    (:func:`_parent`), which has no town of its own yet."""
    parent = _parent(place, previous, k)
    return parent if parent is not None and _open_region(parent) else None


def _open_region(inc: _Incident) -> bool:
    """Whether an incident is told only at regions and not yet moved to a town of one."""
    return _only_regions(inc) and not inc.moved


def _same_story(inc: _Incident, cues: list[tuple[int, int, int]], rules: Rules) -> bool:
    """Whether a sentence that names no place may still tell of an incident: it reports no
    incident of another type (its ``cues``: :func:`cue_matches`) ("In Belgorod three were
    injured. ... On Friday, 46 shells hit the district" tells of another). After an
    interception, a word of a strike is its debris that hit the place ("Drones were shot
    down over X. Debris fell on a house there": :func:`_hit_after`)."""
    family = _FAMILY.get(inc.etype, inc.etype)
    return all(
        rules.rules[idx].generic
        or _FAMILY.get(rules.rules[idx].event_type, rules.rules[idx].event_type) == family
        or (inc.subtype == _DISRUPTED and rules.rules[idx].event_type == _REMOTE)
        for _, _, idx in cues
    )


def _turned_violent(
    incidents: list[_Incident], cues: list[tuple[int, int, int]], rules: Rules
) -> None:
    """Demonstrators who then burn, stone or barricade (a riot cue of the next sentence,
    ``cues``): the protests just reported are a violent demonstration (ACLED)."""
    riot = next(
        (
            rules.rules[i]
            for _, _, i in cues
            if rules.rules[i].event_type == "Riots" and not rules.rules[i].generic
        ),
        None,
    )
    if riot is None:
        return
    riot = next((r for r in rules.rules if r.key == "violent_demonstration"), riot)
    for i in incidents:
        if i.etype == "Protests":
            i.etype, i.subtype = riot.event_type, riot.sub_type
            if i.actor1 is None or i.actor1 == PROTESTERS:
                i.actor1 = RIOTERS


#: Event types told of in the same words: a riot is a demonstration gone violent.
_FAMILY: Final = {"Riots": "Protests"}


def _toll_cost(text: str, m: Mention, pos: int, conjunctions: frozenset[str] = frozenset()) -> int:
    """How far a toll at ``pos`` is from a place: a place in another clause (past a comma,
    more past a semicolon) costs more, and so does a place before a conjunction that opens
    the toll's phrase ("six dead in A and two policemen killed in B": the two are B's), or
    after a comma and a conjunction that open the next clause ("In A, gunmen killed four,
    and in B a bus hit a mine": the four are A's)."""
    lo, hi = sorted((m.char_start, pos))
    cost = hi - lo
    if ";" in text[lo:hi] or "؛" in text[lo:hi]:
        cost += 500
    if conjunctions and (
        m.char_end <= pos
        # a place after the toll, in a clause a conjunction opens past a comma ("A, ... tué
        # quatre civils mardi, et à B un bus ..."): the next incident's
        or (pos < m.char_start and _CLAUSE_EDGE.search(text, pos, m.char_start) is not None)
    ):
        a, b = (m.char_end, pos) if m.char_end <= pos else (pos, m.char_start)
        if any(w.lower() in conjunctions for w in _LETTER_RUN.findall(text, a, b)):
            cost += config.EVENTS_TOLL_CLAUSE_CHARS
    return cost + config.EVENTS_TOLL_CLAUSE_CHARS * len(_CLAUSE_EDGE.findall(text, lo, hi))


_KIND_RANK: Final = {"city": 0, "region": 1, "country": 2}


def _lead(
    sentence: str,
    k: int,
    rules: Rules,
    ctx: _Context,
    reference: dt.date | None,
    before: _Lead | None,
    blame: re.Pattern[str] | None,
) -> _Lead | None:
    """The incident a sentence that names no place tells: its rule (a word of a specific
    type, else a generic one with a day or an attacker), its day (not the day of a report)
    and the attacker it names; a sentence with no incident word that names an attacker ("It
    was claimed by ...") completes the lead ``before`` it (only a sentence with a word of
    ``blame`` is read for one)."""
    cues = _foreground(sentence, _placeless_cues(sentence, rules), ctx)
    if not cues and (blame is None or blame.search(sentence) is None):
        return before  # no incident, no claim
    agents = [
        a
        for a in find_actors(sentence, rules=rules)
        if a.agent and not a.generic and (cues or a.actor.inter != "State forces")
    ]  # without an incident word, a claim: an armed group's (not "the army's statement")
    agent = agents[0].actor if agents else None
    if not cues and before is not None:
        if before.agent is None and agent is not None:
            return dataclasses.replace(before, sentence=k, agent=agent)
        return before
    if not cues and agent is None:
        return None
    specific = [c for c in cues if not rules.rules[c[2]].generic]
    days = _incident_days(sentence, rules, ctx, reference)
    if not specific and not days and agent is None:
        return before
    rule = min(specific or cues)[2] if cues else None
    return _Lead(rule, k, days[0] if days else None, agent)


def _country_lead(told: _Lead | None, rules: Rules, ctx: _Context) -> _Lead | None:
    """The strike a sentence that names only countries tells with a day ("Russia attacked
    Ukraine overnight with drones"), as a lead for the towns the next sentence lists as hit
    (the packs' ``hit_list``), else None: a word of a specific remote-violence type and a
    day of the incident are needed. ``told``: the lead of that sentence (:func:`_lead`, None
    when it names other places)."""
    if ctx.hit_list is None or told is None or told.rule is None or told.date is None:
        return None
    r = rules.rules[told.rule]
    return told if r.event_type == _REMOTE and not r.generic else None


def _wave_lead(
    told: _Lead | None,
    attacker: Actor,
    sentence: str,
    k: int,
    rules: Rules,
    ctx: _Context,
    reference: dt.date | None,
) -> _Lead:
    """The lead of a sentence that names a country as the attacker (:func:`_country_attacker`):
    the rule of its remote-violence word if it has one, its day, that country's forces, a
    wave of that day only. ``told``: the sentence's lead as :func:`_lead` read it."""
    remote = (
        told is not None and told.rule is not None and rules.rules[told.rule].event_type == _REMOTE
    )
    if told is not None:
        day = told.date  # (the first day :func:`_incident_days` gives, as read there)
    else:
        days = _incident_days(sentence, rules, ctx, reference)
        day = days[0] if days else None
    return _Lead(told.rule if told is not None and remote else None, k, day, attacker, wave=True)


def _only_countries(ms: Sequence[Mention]) -> bool:
    """Whether a sentence names places and all of them are countries."""
    return bool(ms) and all(m.place.kind == "country" for m in ms)


def _incident_days(
    sentence: str, rules: Rules, ctx: _Context, reference: dt.date | None
) -> list[FoundDate]:
    """The days a sentence gives to the day (not the day of a report)."""
    return [
        d
        for d in find_dates(sentence, reference=reference, rules=rules)
        if d.date is not None and d.precision == 1 and not _report_date(sentence, d, ctx)
    ]


def _country_attacker(text: str, ms: Sequence[Mention], ctx: _Context) -> Actor | None:
    """The forces of the country a sentence that names only countries makes the subject of
    an attack ("Russia launched 80 drones in the night", "Росія вночі атакувала";
    the packs' ``country_attack``, right after its name), else None."""
    if ctx.country_attack is None or not _only_countries(ms):
        return None
    for m in ms:
        if ctx.country_attack.match(text, m.char_end):
            return state_forces(m.place.country_code)
    return None


def _restated(lead: _Lead, before: _Lead | None, previous: list[_Incident], rules: Rules) -> _Lead:
    """A lead that tells again the incident told last ("The drone struck at 10 a.m. ... The
    state government blamed X" after "a drone strike hit the market of Y"): its attacker is
    that incident's, when it has none and is of the same sub-event type and day, and not the
    attacker of the next places the text names."""
    if lead.rule is None:
        return lead
    start = before.sentence if before is not None and before.agent is None else lead.sentence
    told = [i for i in previous if i.sentence < start]
    if not told:
        return lead
    last = max(told, key=lambda i: i.sentence)
    day = lead.date.date if lead.date is not None else None
    if (
        last.actor1 is None
        and last.subtype == rules.rules[lead.rule].sub_type
        and (day is None or day == last.date)
    ):
        last.actor1 = lead.agent
        return dataclasses.replace(lead, agent=None)
    return lead


def _told_day_words(rules: Rules) -> tuple[re.Pattern[str] | None, ...]:
    """The packs' words that give a day by a day told before, in the order of
    :data:`_TOLD_DAY_SHIFTS`."""
    return tuple(
        rules.words_re("context", name)
        for name in ("same_day", "next_day", "previous_day", "days_after", "days_before")
    )


#: The days each list of :func:`_told_day`'s words adds to the day told before: the same
#: day, the next day, the day before; then, per day the words count, days after and before.
_TOLD_DAY_SHIFTS: Final = (0, 1, -1, 1, -1)
#: The lists of :data:`_TOLD_DAY_SHIFTS` whose words count their days ("two days later").
_COUNTED_SHIFTS: Final = frozenset((3, 4))


def _told_day(
    sentence: str,
    found: list[FoundDate],
    records: Sequence[tuple[_Incident | None, Mention, str]],
    words: tuple[re.Pattern[str] | None, ...],
    *,
    lead: _Lead | None = None,
    rules: Rules | None = None,
    reference: dt.date | None = None,
) -> list[FoundDate]:
    """The dates of a sentence with the day it gives by a day told before ("The same day,
    shells hit B", "في اليوم نفسه", not "today"; "and four died the next day"; "A day
    earlier, shells hit C"; "Two days later"; the packs' ``same_day``, ``next_day``,
    ``previous_day``, ``days_after`` and ``days_before``, ``words``, the last two counted
    with ``rules``' numbers): that of the day the sentence gives
    before those words, else of the last incident the text dates to a day, or of the
    ``lead`` when a later sentence told it, with a day but no place ("A missile hit a block
    at night on 3 May. The same morning, drones hit B"); or the day after it; in place of
    the dates found in those words (those they give themselves when no day was told; with
    none of their own, a day before the article's day ``reference``: "The day before, gunmen
    killed three" opening a report is the day before it)."""
    out = found
    for k, (shift, pattern) in enumerate(zip(_TOLD_DAY_SHIFTS, words, strict=True)):
        said = pattern.search(sentence) if pattern is not None else None
        if said is None:
            continue
        if k in _COUNTED_SHIFTS:
            counts = [n for n in find_numbers(said.group(), rules=rules) if not n.vague]
            if not counts or counts[0].value > config.EVENTS_TOLD_DAYS_MAX:
                continue
            shift *= counts[0].value
        kept = [d for d in out if d.end <= said.start() or d.start >= said.end()]
        before = [d for d in kept if d.end <= said.start() and d.precision == 1 and d.date]
        day = before[-1].date if before else None
        if day is None:
            told = next(
                (inc for inc, _, _ in reversed(records) if inc is not None and inc.dated),
                None,
            )
            if told is not None and told.precision == 1:
                day = told.date
            if (
                lead is not None
                and lead.date is not None
                and lead.date.precision == 1
                and (told is None or lead.sentence > told.sentence)
            ):
                day = lead.date.date
        if day is None and shift < 0 and reference is not None and len(kept) == len(out):
            # no day told before and none in the words themselves ("la veille", not
            # "накануне", a relative day of its own): the day before the article's
            day = reference
        if day is not None:
            day += dt.timedelta(days=shift)
            out = [*kept, FoundDate(day, 1, said.start(), said.end(), explicit=True)]
            out.sort(key=lambda d: d.start)
        # (no day told before: the words keep the date they give from the article's day,
        # "Накануне вечером ..." the day before it)
    return out


def _placeless_incident(
    sentence: str,
    begin: int,
    k: int,
    lead: _Lead,
    by_sentence: Mapping[int, list[Mention]],
    previous: Sequence[_Incident],
    rules: Rules,
    story_town: Place | None,
    before: str,
    report: re.Pattern[str] | None,
    *,
    story: Mention | None = None,
) -> _Incident | None:
    """The incident a sentence that names no place tells on a day of its own ("Rebels have
    shelled X for weeks. On 3 May, a rocket struck the bus station, wounding six."), at
    the one town the sentence ``before`` it names, when that is the town of the last
    incident told or is named with a word of an incident ("X is shelled regularly"; not a
    town named for something else: a name the geoparser missed may stand in this
    sentence), or None.

    Only when the incidents just told have days of their own (one without would take this
    one's, :func:`_follow_up`), the lead (:func:`_lead`) has a word of a specific type and
    a day that none of them has, no word of a report between the day and the word ("On
    Tuesday, the governor said three had been killed in the attack": the report's day),
    and the sentence gives a toll: another incident than the story's, not more of it.
    """
    if lead.rule is None or lead.date is None or rules.rules[lead.rule].generic:
        return None
    day = lead.date.date
    if day is None or any(i.date == day for i in previous):
        return None
    towns = {m.place.id: m for m in by_sentence.get(k - 1, ()) if m.place.kind == "city"}
    resumed: _Incident | None = None  # the incident this one repeats at its town, if any
    if not towns and k >= 2 and not by_sentence.get(k - 1) and previous:
        # the sentence before only went on about the incident just told ("X was shelled last
        # night. Four were hurt. This morning the shelling resumed"): that incident's town
        told = previous[-1]
        cities = [ms[0] for ms in told.places.values() if ms[0].place.kind == "city"]
        if (
            told.sentence == k - 2
            and len(cities) == 1
            and told.subtype == rules.rules[lead.rule].sub_type
        ):
            # (the same kind of attack again: another kind may be anywhere, "On <day>,
            # gunmen had killed N people in Y", Y a village the geoparser missed)
            towns = {cities[0].place.id: cities[0]}
            resumed = told
    anaphora = rules.words_re("context", "town_anaphora")
    if (
        not towns
        and story is not None
        and anaphora is not None
        and anaphora.search(sentence) is not None
    ):
        # the sentence before names no town, this one the story's town without its name
        # ("On 5 March, shells fell near the city's market")
        towns = {story.place.id: story}
    elif len(towns) != 1 or (
        (story_town is None or story_town.id not in towns) and not cue_matches(before, rules)
    ):
        return None
    tolls = _incident_tolls(sentence, rules, [lead.date])
    if not tolls:
        return None
    (pid, m), r = next(iter(towns.items())), rules.rules[lead.rule]
    cue = min(c[0] for c in _placeless_cues(sentence, rules) if c[2] == lead.rule)
    said = lead.date
    if report is not None and report.search(sentence, min(said.end, cue), max(said.start, cue)):
        return None
    note = " ".join(sentence.split())
    inc = _Incident(
        r.event_type, r.sub_type, False, k, day, lead.date.precision, True, [note], begin + cue
    )
    inc.places[pid] = [m]
    _apply_tolls(inc, pid, tolls, summed=_summable(sentence, tolls, rules))
    inc.none |= casualty_free(sentence, rules=rules)
    classes = rules.classes_in(sentence)
    actors = find_actors(sentence, rules=rules, country=m.place.country_code)
    _choose_actors(inc, actors, cue, bool(classes & {"civilians", "communal"}), sentence=sentence)
    inc.actor1 = lead.agent or inc.actor1
    if inc.actor1 is None and resumed is not None:
        inc.actor1 = resumed.actor1  # the same attack again, by the same side
    return inc


def _headline_incident(
    sentence: str,
    begin: int,
    k: int,
    lead: _Lead,
    headline: Sequence[Mention],
    rules: Rules,
    ctx: _Context,
) -> _Incident | None:
    """The text's first incident, told in a sentence that names no place ("As a reminder, a
    missile hit a block of flats yesterday") with a word of a specific type and a day, at
    the one town the headline (the text's first sentence) names ("X: the toll rises to
    six"), when no incident was told before it, at most
    :data:`geo.config.EVENTS_HEADLINE_STORY_SENTENCES` sentences into the text (``headline``:
    the places of a first line without an end stop); not a day next to a word of reporting
    (the report's day), or None."""
    if k > config.EVENTS_HEADLINE_STORY_SENTENCES or not k:
        return None
    if lead.rule is None or lead.date is None or lead.date.date is None:
        return None
    if lead.date.precision != 1 or rules.rules[lead.rule].generic:
        return None
    towns = {m.place.id: m for m in headline if m.place.kind == "city"}
    if len(towns) != 1:
        return None
    cues = [c for c in _placeless_cues(sentence, rules) if c[2] == lead.rule]
    if not cues or _report_date(sentence, lead.date, ctx, cues=cues):
        return None
    (pid, m), r = next(iter(towns.items())), rules.rules[lead.rule]
    cue = min(c[0] for c in cues)
    note = " ".join(sentence.split())
    inc = _Incident(
        r.event_type, r.sub_type, False, k, lead.date.date, 1, True, [note], begin + cue
    )
    inc.places[pid] = [m]
    tolls = _incident_tolls(sentence, rules, [lead.date])
    if tolls:
        _apply_tolls(inc, pid, tolls, summed=_summable(sentence, tolls, rules))
    inc.none |= casualty_free(sentence, rules=rules)
    classes = rules.classes_in(sentence)
    actors = find_actors(sentence, rules=rules, country=m.place.country_code)
    _choose_actors(inc, actors, cue, bool(classes & {"civilians", "communal"}), sentence=sentence)
    inc.actor1 = lead.agent or inc.actor1
    return inc


def _lead_day_fits(lead: _Lead, found: FoundDate | None, previous: list[_Incident]) -> bool:
    """Whether an incident its own sentence dates (``found``) may be the one the lead told:
    not when it is dated after the lead's day, or when the lead gives none, after the day of
    the incident told last before it (the lead then told that incident: "Authorities blamed
    X" after a Tuesday bombing does not name the attacker of a killing the next sentence
    dates Wednesday). An earlier day recalled ("two days before, strikes on schools") may be
    the same campaign's."""
    if found is None or found.date is None:
        return True
    if lead.date is not None and lead.date.date is not None:
        if lead.wave:
            return found.date == lead.date.date
        return found.date <= lead.date.date
    told = [i for i in previous if i.sentence <= lead.sentence and i.date is not None]
    last = max(told, key=lambda i: i.sentence).date if told else None
    return last is None or found.date <= last


def _leads(lead: _Lead, rule: int, rules: Rules) -> bool:
    """Whether an incident of ``rule`` may be the one the lead sentence told: the same type,
    a generic word ("two were wounded"), or a crowd's (a protest the next sentence tells
    turned into a riot)."""
    if lead.rule is None:
        return rules.rules[rule].event_type not in _CROWD
    r, told = rules.rules[rule], rules.rules[lead.rule]
    return (
        r.generic
        or told.generic
        or r.event_type == told.event_type
        or (r.event_type in _CROWD and told.event_type in _CROWD)
    )


def _names_the_gunmen(current: Actor, other: Actor) -> bool:
    """Whether ``other`` names the unidentified men that ``current`` is ("gunmen", then "the
    attack was claimed by X"): an armed group, not a state's forces, civilians or a crowd."""
    return (
        current == UNIDENTIFIED
        and other not in (UNIDENTIFIED, PROTESTERS, RIOTERS)
        and other.inter not in (_STATE_FORCES, CIVILIANS.inter)
    )


def _take_agent(
    incidents: list[_Incident],
    sentence: str,
    rules: Rules,
    *,
    reference: dt.date | None = None,
) -> None:
    """The perpetrator a next sentence names ("The attack was claimed by ...") is actor1 of
    the incidents just reported that have none, only unidentified men or the one of the
    incident told before them ("the same day, shells hit X"); of a battle whose
    only actor1 was the forces of its own country (the side attacked: "fighting with the
    army"), a non-state group named so is the attacker, actor1, and those forces actor2.
    An actor the sentence names only as acting in an incident of its own (not "by", a claim
    or a blame) is not theirs when the sentence tells another day or a period
    (:func:`_another_time`: "On 3 May, an X drone hit Y", "Since January, X attacks have
    killed 70")."""
    inc = incidents[0]
    if inc.etype in _CROWD:
        return
    defended = [i for i in incidents if _defender_only(i)]
    if inc.actor1 in (None, UNIDENTIFIED) or defended or any(i.inherited for i in incidents):
        found = find_actors(sentence, rules=rules)
        agents = [a for a in found if a.agent and not a.generic]
        if any(not a.explicit for a in agents) and _another_time(
            incidents, sentence, rules, reference
        ):
            agents = [a for a in agents if a.explicit]
        if agents:
            agent = agents[0].actor
            for i in incidents:
                if i.actor1 is None or i.inherited:
                    # an actor taken from the incident before gives way to the one named
                    i.actor1, i.inherited = agent, False
                elif i in defended and agent.inter not in (_STATE_FORCES, CIVILIANS.inter):
                    i.actor1, i.actor2 = agent, i.actor1
                elif i.actor1 is not None and _names_the_gunmen(i.actor1, agent):
                    i.actor1 = agent  # "gunmen", then "the attack was claimed by X"


def _another_time(
    incidents: list[_Incident], sentence: str, rules: Rules, reference: dt.date | None
) -> bool:
    """Whether a sentence tells another time than the incidents just reported: it opens on
    a period ("Since the start of the year, ..."), or gives a day none of them (dated) took
    place on ("On 3 May, ..." after an incident of the night before)."""
    ctx = _context(rules)
    days = [
        d.date
        for d in find_dates(sentence, reference=reference, rules=rules)
        if d.date is not None and d.precision == 1 and not _report_date(sentence, d, ctx)
    ]
    if not days:
        return _period_told(sentence, (), ctx)
    dated = {i.date for i in incidents if i.dated and i.date is not None}
    return bool(dated) and dated.isdisjoint(days)


def _mourned(incidents: list[_Incident], sentence: str, rules: Rules) -> None:
    """An armed group that a next sentence says mourns its dead ("X mourned two of its
    fighters", "ونعى X اثنين من عناصره") is the side attacked: actor2 of the incidents just
    told with dead that name none but civilians, and not the group as their actor1."""
    mourn = rules.words_re("actors", "mourn")
    if mourn is None or (m := mourn.search(sentence)) is None:
        return
    groups = [
        a
        for a in find_actors(sentence, rules=rules)
        if _armed_group(a.actor) and not a.victim and m.start() - 60 <= a.start <= m.end() + 60
    ]
    if not groups:
        return
    group = min(groups, key=lambda a: abs(a.start - m.start())).actor
    for i in incidents:
        dead = any(t.count > 0 for t in i.fatalities.values())
        if dead and i.etype in _ARMED_TYPES and i.actor1 != group and i.actor2 in (None, CIVILIANS):
            i.actor2 = group


#: ACLED's actor type of a state's forces.
_STATE_FORCES: Final = "State forces"


def _defender_only(inc: _Incident) -> bool:
    """A battle whose actor1 is its own country's forces and that has no actor2."""
    return (
        inc.etype == "Battles"
        and inc.actor1 is not None
        and inc.actor2 is None
        and inc.actor1.inter == _STATE_FORCES
        and inc.actor1.country is not None
        and inc.actor1.country == _country(inc)
    )


def _blame(
    previous: list[_Incident],
    ms: Sequence[Mention],
    sentence: str,
    k: int,
    rules: Rules,
    blame: re.Pattern[str] | None,
) -> None:
    """A later sentence that tells no incident but blames one at a place just told on
    someone ("The president blamed the attack in X on Y") names its perpetrator (of the
    incidents of the last sentences that told one)."""
    if blame is None or not previous or blame.search(sentence) is None:
        return
    places = {m.place.id for m in ms}
    regions = [m.place for m in ms if m.place.kind == "region"]

    def named(q: Mention) -> bool:
        # the town itself, or the region it lies in ("the X state government blamed Y")
        return q.place.id in places or any(_lies_in(q.place, r) for r in regions)

    targets = [
        i
        for i in previous
        if i.actor1 is None
        and i.etype not in _CROWD
        and any(named(q[0]) for q in i.places.values())
        # not one told at other towns too ("a bomb in X and a drone in Y")
        and all(named(q[0]) for q in i.places.values() if q[0].place.kind == "city")
    ]
    if targets:
        _take_agent(targets, sentence, rules)


def _blame_told(
    told: list[_Incident],
    follow: int,
    ms: Sequence[Mention],
    text: str,
    sentence: str,
    ctx: _Context,
    rules: Rules,
    blame: re.Pattern[str] | None,
) -> None:
    """A sentence soon after an incident that tells none but blames someone ("Local sources
    blame the attack on X, active in the Y district") names the perpetrator of the incident
    just told, when the places it names only describe the group: regions, or that
    incident's own towns."""
    if (
        told
        and follow < config.FOLLOW_UP_SENTENCES
        and blame is not None
        and blame.search(sentence) is not None
        and all(
            m.place.kind != "city"
            or any(m.place.id in i.places for i in told)
            or _named_as_region(text, m, ctx)
            for m in ms
        )
    ):
        _take_agent(told, sentence, rules)


def _follow_up(
    incidents: list[_Incident],
    sentence: str,
    rules: Rules,
    ctx: _Context,
    reference: dt.date | None,
    *,
    story_group: Actor | None = None,
    dating: bool = True,
) -> None:
    """A next sentence that names no place completes the incidents just reported.

    ``story_group`` is the armed group the text named last: "the group", "the militants" of
    the sentence are its men (:func:`_group_told_before`); not ``dating``: a day of the
    sentence does not date them (a source's words: the day it spoke)."""
    inc = incidents[0]
    cues = _placeless_cues(sentence, rules)
    same = _same_story(inc, cues, rules)
    if not same and inc.generic and (inc.etype, inc.subtype) == _CLASH:
        # a generic word of attack, then what struck ("X came under attack overnight.
        # Debris of a downed drone fell on a warehouse"): the incident is of the weapon's type
        weapons = [
            rules.rules[i]
            for _, _, i in cues
            if not rules.rules[i].generic and rules.rules[i].event_type == _REMOTE
        ]
        if weapons and all(
            rules.rules[i].generic or rules.rules[i].event_type == _REMOTE for _, _, i in cues
        ):
            inc.etype, inc.subtype, inc.generic = _REMOTE, weapons[0].sub_type, False
            same = True
    memo: list[list[FoundDate]] = []

    def dates() -> list[FoundDate]:  # found once, when needed
        if not memo:
            found = find_dates(sentence, reference=reference, rules=rules)
            if ctx.told_day_any is not None and ctx.told_day_any.search(sentence) is not None:
                # "The attack took place the day before": no day told before, the day
                # before the article's (_told_day)
                found = _told_day(
                    sentence, found, [], _told_day_words(rules), rules=rules, reference=reference
                )
            memo.append(found)
        return memo[0]

    if same and inc.dated and inc.date is not None and cues:
        # a sentence with a day and month before the incident's day tells an earlier story
        # ("On 3 May, an ambush had killed twelve soldiers"): none of its words are the
        # incident's (not a weekday: "mourning on Tuesday" may be the coming one)
        same = not any(
            d.explicit and d.date is not None and d.precision == 1 and d.date < inc.date
            for d in dates()
        )
    day = inc.date if inc.dated and inc.date is not None else reference
    if same and day is not None and cues:
        # a month before the incident's ("A similar blast there last month killed six", "un
        # massacre en février avait fait 40 morts"): an earlier incident's toll
        same = not any(
            d.precision == 3 and not d.year and d.date is not None and d.date < day.replace(day=1)
            for d in dates()
        )
    # what a sentence of another story says is not read (:func:`_same_story`); a sum "in all"
    # after one incident alone is its toll
    tolls = _incident_tolls(sentence, rules, dates, in_all=len(incidents) == 1) if same else []
    # the toll goes to the incident's most precise place (a town rather than its region)
    first = min(inc.places, key=lambda pid: _KIND_RANK.get(inc.places[pid][0].place.kind, 0))
    note = " ".join(sentence.split())
    if tolls and same:
        _apply_tolls(inc, first, tolls, summed=_summable(sentence, tolls, rules))
        if inc.actor2 is None and inc.etype not in ("Protests", "Riots"):
            # the forces its toll counts are the side attacked ("A mine hit an army truck.
            # Three soldiers died in the blast.")
            counted = _mark_victims(
                find_actors(sentence, rules=rules, country=_country(inc)),
                sentence,
                tolls,
                rules=rules,
            )
            inc.actor2 = next(
                (a.actor for a in counted if a.victim and a.actor != inc.actor1), None
            )
        if (
            inc.generic
            and (inc.etype, inc.subtype) == _CLASH
            and inc.actor2 is None
            and not any(c.armed for c in tolls)
        ):
            # "Soldiers attacked X. Two were killed.": a generic word of fighting, then
            # the dead of no armed side: the type the two told in one sentence would have
            civil = next(
                (
                    rules.rules[i]
                    for _, _, i in cues
                    if rules.rules[i].generic
                    and (rules.rules[i].event_type, rules.rules[i].sub_type) == _ATTACK
                ),
                None,
            )
            if civil is not None:
                inc.etype, inc.subtype = civil.event_type, civil.sub_type
    free = casualty_free(sentence, rules=rules) if same else frozenset()
    if free:
        for i in incidents:
            i.none |= free
    if same and inc.subtype == _DISRUPTED:
        _debris_hit(inc, sentence, cues, rules, ctx)
    if (
        dating
        and not inc.dated
        and same
        and not _later_day(sentence, rules)
        and (tolls or cues or not _byline(sentence, dates()))
    ):
        days = [
            d
            for d in dates()
            if d.date is not None and d.precision == 1 and not _report_date(sentence, d, ctx)
        ]
        if days:
            for i in incidents:
                if not i.dated:
                    i.date, i.precision, i.dated = days[0].date, 1, True
    if (
        inc.etype == "Protests"
        and ctx.intervention is not None
        and ctx.intervention.search(sentence)
    ):
        inc.intervention = True
        if inc.actor2 is None:
            # the forces that met the protest ("Soldiers fired tear gas at them")
            inc.actor2 = next(
                (
                    a.actor
                    for a in find_actors(sentence, rules=rules, country=_country(inc))
                    if a.actor.inter == _STATE_FORCES and not a.source
                ),
                None,
            )
    if inc.etype == "Protests" and same:
        _turned_violent(incidents, cues, rules)
    # (find_actors keeps the actors of the last sentences read: asking again costs nothing)
    _take_agent(incidents, sentence, rules, reference=reference)
    _mourned(incidents, sentence, rules)
    if same:
        _take_gunmen(incidents, sentence, rules, tolls)
        anaphora = rules.words_re("actors", "group_anaphora")
        if story_group is not None and anaphora is not None and anaphora.search(sentence):
            for i in incidents:
                _group_told_before(
                    i,
                    find_actors(sentence, rules=rules),
                    sentence,
                    len(sentence),
                    story_group,
                    anaphora,
                )
    if (tolls and same) or inc.intervention:
        inc.notes.append(note)


def _debris_hit(
    inc: _Incident,
    sentence: str,
    cues: Sequence[tuple[int, int, int]],
    rules: Rules,
    ctx: _Context,
) -> None:
    """An interception whose next sentence, naming no place, tells that the weapon's debris
    damaged something (a word of the debris rules and one of the packs' ``damage``, not
    negated: "Debris of a drone damaged a warehouse") becomes the attack (events
    README: debris that hits something is the attack); debris that fell and damaged nothing
    leaves it an interception."""
    if ctx.damage is None:
        return
    words = rules.words_re("classes", "debris")
    told = words is not None and words.search(sentence) is not None  # "debris of a drone hit"
    debris = [
        rules.rules[idx]
        for _, _, idx in cues
        if rules.rules[idx].event_type == _REMOTE and (told or rules.rules[idx].debris)
    ]
    if not debris:
        return
    negation = rules.words_re("tolls", "negation")
    for d in ctx.damage.finditer(sentence):
        # a whole word of negation just before or right after it ("no damage", "damaged
        # nothing", "пошкоджень немає"), as for the debris words (:func:`_near_cue`)
        if _negated(sentence, d.start(), d.end(), negation):
            continue
        inc.etype, inc.subtype = debris[0].event_type, debris[0].sub_type
        return


def _story_toll(
    story: _Incident | None,
    sentence: str,
    rules: Rules,
    reference: dt.date | None,
    *,
    in_lead: bool = True,
    headline: Sequence[Mention] = (),
) -> None:
    """A sentence that names no place and comes after no incident just told, but names an
    incident of the story's type and gives its toll ("По последним данным, в результате
    удара погибли не менее 30 человек", after paragraphs of claims and reactions naming
    other places), gives the toll of the story's incident (the text's first, told in its
    lead, unless not ``in_lead``: the sentence came before it), of each kind it has none of
    yet; not when the sentence gives another day, a later death, a running total or an
    earlier figure (:func:`_incident_tolls`). Before the incident (not ``in_lead``), when the
    headline names the incident's place (``headline``: "X: THE TOLL RISES TO SEVEN"), a word
    of death or wounding alone is enough ("Seven people were killed in all")."""
    if story is None or story.etype in _CROWD:
        return
    if in_lead and story.sentence > config.LEAD_SENTENCES:
        return
    cues = _placeless_cues(sentence, rules)
    # it names the incident by a word of its type ("удара", "the shelling"), not only by a
    # word of another that any incident shares ("heridas" of a story of a clash)
    family = _FAMILY.get(story.etype, story.etype)
    named = any(
        _FAMILY.get(rules.rules[idx].event_type, rules.rules[idx].event_type) == family
        for _, _, idx in cues
    )
    headlined = (
        not named
        and not in_lead
        and any(m.place.id in story.places for m in headline)
        and all(rules.rules[idx].generic for _, _, idx in cues)
    )
    if not named and not headlined:
        return
    if not _same_story(story, cues, rules):
        return
    dates = find_dates(sentence, reference=reference, rules=rules)
    if any(d.date is not None and d.precision == 1 and d.date != story.date for d in dates):
        return
    # a kind told already takes a higher current figure of a sentence that names the story
    # by its type or, before it, under a headline that names its town ("the body of one more
    # man was found ... Seven people have now died"): tolls rise (:meth:`Toll.better`)
    kinds = {
        kind
        for kind, told in (("fatalities", story.fatalities), ("injured", story.injured))
        if (not told or not in_lead) and kind not in story.none
    }
    tolls = [c for c in _incident_tolls(sentence, rules, dates) if c.kind in kinds]
    if not tolls and headlined and not dates:
        # "In all, seven people were killed" under "X: THE TOLL RISES TO SEVEN", with no
        # day or period: the sum of the incident's dead, no running total
        tolls = [
            c
            for c in count_casualties(sentence, rules=rules, dates=dates)
            if c.kind in kinds and c.cumulative and not c.claimed and not c.earlier
        ]
    if headlined:
        # one more dead or hurt told alone ("the body of another man was found") is how the
        # toll rose, not the toll
        tolls = [c for c in tolls if c.count > 1]
    if not tolls or _later_death(sentence, rules):
        return
    first = min(story.places, key=lambda pid: _KIND_RANK.get(story.places[pid][0].place.kind, 0))
    _apply_tolls(story, first, tolls, summed=_summable(sentence, tolls, rules))
    story.notes.append(" ".join(sentence.split()))


#: The types of incident whose attacker a next sentence may name as unidentified men.
_ARMED_TYPES: Final = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians"}
)


def _take_gunmen(
    incidents: list[_Incident],
    sentence: str,
    rules: Rules,
    tolls: Sequence[Casualty],
) -> None:
    """Unidentified armed men a next sentence of the same story names ("Four people were
    killed in X. A group of gunmen opened fire on the guests", "Los agresores huyeron") are
    actor1 of the incidents just reported that name no one; of a battle whose only actor1
    was the forces of its own country (the side attacked), they are actor1 and those forces
    actor2. Not the gunmen a toll counts ("two gunmen were killed")."""
    pending = [
        i for i in incidents if i.etype in _ARMED_TYPES and (i.actor1 is None or _defender_only(i))
    ]
    if not pending:
        return
    found = find_actors(sentence, rules=rules)
    marked = _mark_victims(found, sentence, tolls, rules=rules)
    if not any(a.actor == UNIDENTIFIED and not a.victim and not a.source for a in marked):
        return
    for i in pending:
        if i.actor1 is not None:
            i.actor2 = i.actor1
        i.actor1 = UNIDENTIFIED


#: A time of day in digits ("21:35", "7.30") and a quoted name ("«Agency»").
_CLOCK_OR_QUOTED: Final = re.compile(r"\d{1,2}[:.h]\d{2}|[«“\"][^«»“”\"]*[»”\"]")


def _byline(sentence: str, found: Sequence[FoundDate]) -> bool:
    """Whether a sentence is a byline or a date line ("23 de octubre de 2025", "«Agency»,
    2 February, 21:35"): a date, no end punctuation and, without its dates, times of day
    and quoted names, at most :data:`geo.config.EVENTS_BYLINE_WORDS` words. With no toll and
    no word of an incident, it dates the article, not the incident told before it."""
    text = sentence.strip()
    if not found or not text or text[-1] in ".!?…؟)" or text[0] == "(":
        return False  # a date in parentheses after a sentence ("(10/02)") is that one's
    rest, at = [], 0
    for d in found:
        rest.append(text[at : d.start])
        at = max(at, d.end)
    rest.append(text[at:])
    words = _CLOCK_OR_QUOTED.sub(" ", " ".join(rest))
    return len(_WORD_RUN.findall(words)) <= config.EVENTS_BYLINE_WORDS


def _later_death(sentence: str, rules: Rules) -> bool:
    """Whether the sentence tells a wounded person's later death ("On Thursday a man died
    in hospital"; the packs' ``of_wounds``): its day is the death's, not the incident's."""
    of_wounds = rules.words_re("tolls", "of_wounds")
    return of_wounds is not None and of_wounds.search(sentence) is not None


def _later_day(sentence: str, rules: Rules) -> bool:
    """Whether the day of a sentence after an incident is that of something after it: a
    wounded person's death (:func:`_later_death`), or bodies found or pulled out ("Overnight
    rescuers found two more bodies under the rubble"; the packs' ``recovered``)."""
    if _later_death(sentence, rules):
        return True
    recovered = rules.words_re("tolls", "recovered")
    return recovered is not None and recovered.search(sentence) is not None


def _dated_later(
    incidents: list[_Incident],
    sentence: str,
    rules: Rules,
    ctx: _Context,
    reference: dt.date | None,
) -> None:
    """A later sentence that names no place but tells of the incident just reported, with a
    word of its type and a day ("The missile hit the building on Saturday, 14 January"),
    dates it when nothing had."""
    inc = incidents[0]
    if inc.dated or _later_day(sentence, rules):
        return
    cues = _placeless_cues(sentence, rules)
    if not any(rules.rules[idx].event_type == inc.etype for _, _, idx in cues):
        return
    days = [
        d
        for d in find_dates(sentence, reference=reference, rules=rules)
        if d.date is not None and d.precision == 1 and not _report_date(sentence, d, ctx)
    ]
    if days:
        for i in incidents:
            if not i.dated:
                i.date, i.precision, i.dated = days[0].date, 1, True


def _compatible(a: _Incident, b: _Incident) -> bool:
    return a.etype == b.etype or a.generic or b.generic or _hit_after(a, b) or _hit_after(b, a)


def _hit_after(stopped: _Incident, hit: _Incident) -> bool:
    """Whether ``stopped`` is an interception and ``hit`` an attack at its place: weapons
    shot down, then their debris (or another of them) hit something there the same day: one
    attack (events README: debris that hits something is the attack)."""
    return stopped.subtype == _DISRUPTED and hit.etype == _REMOTE and not hit.generic


def _same_recall(a: _Incident, b: _Incident) -> bool:
    """Whether two incidents at a place may be one when either is recalled with its day
    (:attr:`_Incident.recalled`): only when both are dated to that day. "A drone hit a bus in
    X this morning (...) As a reminder, on 14 May a drone hit a bus in X": two incidents."""
    if not (a.recalled or b.recalled):
        return True
    return a.dated and b.dated and a.date == b.date


def _crowd_after_attack(told: _Incident, inc: _Incident, pid: str) -> bool:
    """Whether ``inc``, a protest or riot, is another incident than ``told``, an attack told
    before with its dead at the same place ("12 civilians killed in an attack near X" and
    "women marched in X to demand protection"): the crowd came after the attack, it is not
    one report of it."""
    return (
        inc.etype in _CROWD
        and told.etype not in _CROWD
        and pid in told.fatalities
        and told.fatalities[pid].count > 0
    )


def _background_of(told: _Incident, inc: _Incident) -> bool:
    """Whether ``inc``, dated by the text more than
    :data:`geo.config.EVENTS_HEADLINE_BACKGROUND_DAYS` before ``told`` (an incident told
    before at its place, a headline's), is background the article recalls, not one report
    of ``told``."""
    if not inc.dated or inc.date is None or told.date is None:
        return False
    return (told.date - inc.date).days > config.EVENTS_HEADLINE_BACKGROUND_DAYS


def _may_be_one(told: _Incident, inc: _Incident, pid: str) -> bool:
    """Whether ``inc`` may be the incident ``told`` before at the same place ``pid``: neither
    is told apart, their recalled days agree (:func:`_same_recall`), and ``inc`` is neither
    a crowd after that attack (:func:`_crowd_after_attack`) nor its background
    (:func:`_background_of`)."""
    return (
        not (told.apart or inc.apart)
        and _same_recall(told, inc)
        and not _crowd_after_attack(told, inc, pid)
        and not _background_of(told, inc)
    )


def _merge_repeats(
    records: list[tuple[_Incident | None, Mention, str]],
    *,
    headline_end: int = -1,
) -> list[tuple[_Incident | None, Mention, str]]:
    """One event per place per incident: a headline and the body often report the same one.

    Incidents at the same place are merged when their dates agree, or when one of them has
    no date of its own (the article's date) and the types are compatible; the merged one
    keeps the dated incident's date, the more specific type, the reconciled tolls
    (:meth:`Toll.better`), every actor and every note. An incident told at a place of the
    headline (its mention ends before ``headline_end``) is the one the body tells at that
    place, whatever type and day the headline's few words gave it: the body's first incident
    there (of the same day if one is, else of a compatible type) joins it, with the body's
    day and type (:func:`_absorb`).
    """
    kept: dict[str, list[_Incident]] = {}
    headline: set[int] = set()  # the incidents told in the headline
    out: list[tuple[_Incident | None, Mention, str]] = []
    for inc, m, note in _per_place(records):
        if inc is None:
            out.append((inc, m, note))
            continue
        pid = m.place.id
        others = kept.setdefault(pid, [])
        if inc in others:
            continue
        told = [o for o in others if id(o) in headline and _may_be_one(o, inc, pid)]
        if told and m.char_start >= headline_end:
            # the body tells the headline's incident at this place
            told_there = next(
                (o for o in told if o.date == inc.date),
                next((o for o in told if _compatible(o, inc)), told[0]),
            )
            headline.discard(id(told_there))
            _absorb(told_there, inc, pid, body=True)
            continue
        candidates = [
            o
            for o in others
            if _may_be_one(o, inc, pid)
            and (_compatible(o, inc) or inc.district)
            and (o.date == inc.date or not o.dated or not inc.dated)
        ]
        # the same day if one says so, otherwise the incident told last (the next sentences
        # complete the incident just reported)
        same_day = [o for o in candidates if inc.dated and o.dated and o.date == inc.date]
        target = (same_day or candidates)[-1] if same_day or candidates else None
        if target is None:
            others.append(inc)
            out.append((inc, m, note))
            if m.char_end <= headline_end:
                headline.add(id(inc))
            continue
        _absorb(target, inc, pid)
    return out


def _per_place(
    records: list[tuple[_Incident | None, Mention, str]],
) -> list[tuple[_Incident | None, Mention, str]]:
    """The records with one incident per place: a sentence's incident at two places becomes
    two, so that what later sentences tell of one place (its date, its type) is not given
    to the other."""
    counts: dict[int, int] = {}
    for inc, _, _ in records:
        if inc is not None:
            counts[id(inc)] = counts.get(id(inc), 0) + 1
    copies: dict[tuple[int, str], _Incident] = {}
    out: list[tuple[_Incident | None, Mention, str]] = []
    for inc, m, note in records:
        if inc is None or counts[id(inc)] == 1 or len(inc.places) == 1:
            out.append((inc, m, note))
            continue
        key = (id(inc), m.place.id)
        if key not in copies:
            pid = m.place.id
            copies[key] = dataclasses.replace(
                inc,
                places={pid: inc.places[pid]},
                fatalities={pid: inc.fatalities[pid]} if pid in inc.fatalities else {},
                injured={pid: inc.injured[pid]} if pid in inc.injured else {},
                notes=list(inc.notes),
            )
        out.append((copies[key], m, note))
    return out


def _absorb(target: _Incident, inc: _Incident, pid: str, *, body: bool = False) -> None:
    """Merge ``inc`` into ``target`` at place ``pid``; with ``body``, ``target`` is told by
    a headline and ``inc`` by the body: the body's day and type win (a headline's few words
    type an incident worse), and the body's attacker when the type changed with it; otherwise
    the headline's named attacker stays (it names the group the body may call "gunmen")."""
    if body:
        if inc.dated or not target.dated:
            target.date, target.precision, target.dated = inc.date, inc.precision, inc.dated
        retyped = False
        if not inc.generic or target.generic:
            retyped = inc.etype != target.etype
            target.etype, target.subtype, target.generic = inc.etype, inc.subtype, inc.generic
            target.intervention = inc.intervention
        if target.actor1 in (None, UNIDENTIFIED) or (
            retyped and inc.actor1 not in (None, UNIDENTIFIED)
        ):
            target.actor1 = inc.actor1 or target.actor1
    # killings of civilians are the attack; those abducted in it are part of it (ACLED)
    killings = (
        target.etype == inc.etype == "Violence against civilians"
        and pid in target.fatalities
        and pid not in inc.fatalities
    )
    keep_type = killings or (inc.district and not _compatible(target, inc))
    if not target.dated and inc.dated:
        target.date, target.precision, target.dated = inc.date, inc.precision, True
        if not inc.generic and not keep_type:
            target.etype, target.subtype, target.generic = inc.etype, inc.subtype, False
    if target.generic and not inc.generic and not keep_type:
        target.etype, target.subtype, target.generic = inc.etype, inc.subtype, False
    if _hit_after(target, inc):  # shot down, then the debris hit: the attack
        target.etype, target.subtype = inc.etype, inc.subtype
    for src, dst in ((inc.fatalities, target.fatalities), (inc.injured, target.injured)):
        if pid in src:
            _keep(dst, pid, src[pid])
    target.none = target.none | inc.none
    target.intervention = target.intervention or inc.intervention
    if target.actor1 is None or (
        inc.actor1 is not None
        and (
            _names_the_gunmen(target.actor1, inc.actor1)
            # the attacker its own sentence names, not one taken from the story's lead
            or (target.inherited and not inc.inherited)
        )
    ):
        target.actor1 = inc.actor1  # "gunmen" in the headline, the group in the body
        target.inherited = inc.inherited
    target.actor2 = target.actor2 or inc.actor2
    if target.actor2 == target.actor1:  # no side fights itself
        target.actor2 = inc.actor2 if inc.actor2 != target.actor1 else None
    target.interceptor = target.interceptor or inc.interceptor
    target.notes.extend(n for n in inc.notes if n not in target.notes)


def _event_id(doc_id: str, k: int) -> str:
    return f"{_event_stem(doc_id)}-{k:03d}"


@functools.lru_cache(maxsize=16)
def _event_stem(doc_id: str) -> str:
    stem = Path(doc_id).stem if doc_id else "doc"
    stem = re.sub(r"[^\w\-]+", "-", stem).strip("-")[:40] or "doc"
    digest = hashlib.blake2b(doc_id.encode("utf-8"), digest_size=3).hexdigest()
    return f"{stem}-{digest}"


_SHELLING: Final = "Shelling/artillery/missile attack"
_DISRUPTED: Final = "Disrupted weapons use"


#: ACLED's destruction of property, a strategic development only when no one is hurt: with
#: people killed or injured, an attack on civilians, or mob violence when a crowd did it
#: (ACLED Codebook, 2023: looting/property destruction "outside of the context of other
#: forms of violence").
_LOOTING: Final = "Looting/property destruction"
_ARRESTS: Final = "Arrests"
#: The sub-types of a protest that forces met: with intervention, with excessive force.
_MET_BY_FORCE: Final = frozenset(
    ("Protest with intervention", "Excessive force against protesters")
)
_ATTACK: Final = ("Violence against civilians", "Attack")
_ABDUCTED: Final = "Abduction/forced disappearance"
_MOB: Final = ("Riots", "Mob violence")
_REMOTE: Final = "Explosions/Remote violence"
_CLASH: Final = ("Battles", "Armed clash")
_OVERTAKES: Final = "Non-state actor overtakes territory"
_REGAINS: Final = "Government regains territory"
_TERRITORY: Final = frozenset((_OVERTAKES, _REGAINS))


def _subtype(inc: _Incident, refine: Mapping[str, str], fatalities: int | None) -> str:
    if (
        inc.subtype == _SHELLING
        and not inc.ground_fire
        and inc.actor1 is not None
        and inc.actor1.country in config.EVENTS_AIR_POWER_STATES
        and "air_power" in refine
    ):
        return refine["air_power"]
    if inc.subtype == _ABDUCTED and fatalities:
        # people killed and others carried off: an attack (ACLED codes the abduction alone
        # only when no one was killed)
        return _ATTACK[1]
    if inc.etype != "Protests":
        return inc.subtype
    if inc.intervention and fatalities and "excessive_force" in refine:
        return refine["excessive_force"]
    if inc.intervention and "intervention" in refine:
        return refine["intervention"]
    return inc.subtype


def _rows(
    document: Document,
    parser: Geoparser,
    records: list[tuple[_Incident | None, Mention, str]],
    doc_date: dt.date | None,
    doc_precision: int,
    rules: Rules,
    *,
    text: str,
    headline_end: int = -1,
) -> list[dict[str, Any]]:
    gaz = parser.gazetteer
    ctx = _context(rules)
    records.sort(key=lambda r: r[1].char_start)
    far = _far_from_the_story(records)
    if far:  # before an incident at two places becomes two
        _hand_over_tolls(
            [o for o in {id(o): o for o, _, _ in records if o is not None}.values()], far
        )
    _story_defaults([inc for inc, _, _ in records if inc is not None], headline_end=headline_end)
    records = _merge_repeats(records, headline_end=headline_end)
    summed = _sums_of_towns(records) | _water_beside_towns(records)
    after = _aftermath(
        records,
        collaboration=rules.words_re("context", "collaboration"),
        seizure=rules.words_re("classes", "seizure"),
    )
    first = next(
        (m.place.id for inc, m, _ in records if inc is not None and m.place.kind != "country"),
        None,
    )
    rows: list[dict[str, Any]] = []
    source = document.url or document.doc_id
    for n, (owner, m, note) in enumerate(records, start=1):
        p = m.place
        actor1 = actor2 = None
        fatalities: int | None = None
        injured: int | None = None
        f: Toll | None = None
        i: Toll | None = None
        if owner is not None and (
            _demoted(owner, p)
            or id(owner) in summed
            or p.id in far
            or n - 1 in after
            or owner.moved
        ):
            owner = None
            note = " ".join(note.split()) if note else ""
        elif owner is not None and p.kind == "region" and not config.EVENTS_REGION_INCIDENTS:
            # an incident told only at a region: at the town the same words name (a province
            # called after its town; not when the text names it as the region, "in the
            # neighbouring province of X", after the story's first incident), else only a
            # mention (config.EVENTS_REGION_INCIDENTS)
            town = (
                None if p.id != first and _named_as_region(text, m, ctx) else _namesake_town(gaz, m)
            )
            if town is None:
                owner = None
            else:
                p = town
        if owner is None:
            etype = subtype = MENTION_TYPE
            date, precision = doc_date, doc_precision
        else:
            etype = owner.etype
            date, precision = owner.date, owner.precision
            f, i = owner.fatalities.get(m.place.id), owner.injured.get(m.place.id)
            fatalities = f.count if f else (0 if "fatalities" in owner.none else None)
            injured = i.count if i else (0 if "injured" in owner.none else None)
            if (
                fatalities is None
                and config.EVENTS_NO_DEATHS_BESIDE_INJURED
                and i is not None
                and i.count
                and not i.vague
                # (a word of dying is the dead of another place of the incident when the
                # text gave that place its toll: "in A two wounded, in B a woman killed")
                and (bool(owner.fatalities) or not _tells_of_dead(owner.notes, rules))
            ):
                fatalities = 0
            subtype = _subtype(owner, rules.refine, fatalities)
            actor1, actor2 = owner.actor1, owner.actor2
            hurt = (fatalities or 0) > 0 or (injured or 0) > 0
            if subtype == _DISRUPTED and hurt:
                # people killed or hurt: what was shot down hit them (its debris, told in
                # the next sentence): the attack, not its disruption (events README)
                etype, subtype = _debris_type(rules, missile=owner.ground_fire)
            if subtype == _DISRUPTED:
                actor1, actor2 = _interception_actors(owner, p)
            # the people hurt are civilians unless all counted are fighters or soldiers
            unarmed = hurt and not _armed_victims((f, i))
            if subtype == _LOOTING and hurt:
                etype, subtype = _MOB if actor1 in (RIOTERS, PROTESTERS) else _ATTACK
                if (etype, subtype) == _ATTACK and actor2 is None and unarmed:
                    actor2 = CIVILIANS  # the people hurt while property was destroyed
            if actor2 is None and unarmed and etype == _REMOTE:
                # people killed or hurt by a strike with no force counted among them are
                # civilians (ACLED); a strike with no one hurt keeps no target
                actor2 = CIVILIANS
            if subtype == _ARRESTS and actor1 is None:
                # an arrest whose text names no force ("two youths were detained in X"): by the
                # police of the place's country (ACLED codes arrests by a state's forces)
                actor1 = state_forces(p.country_code, police=True) if p.country_code else None
            if (
                actor2 is None
                and subtype == _ARRESTS
                and actor1 is not None
                and actor1.inter == _STATE_FORCES
            ):
                # the people a state force arrests are civilians unless the text names
                # their group (events README, arrests convention)
                actor2 = CIVILIANS
            if actor2 is None and subtype in _MET_BY_FORCE:
                # a protest the forces met ("police fired tear gas", told in a sentence that
                # names no force or none of its own): the police of the place's country,
                # ACLED's usual actor2 of such protests
                actor2 = state_forces(p.country_code, police=True)
            if (
                actor2 is None
                and subtype == _LOOTING
                and actor1 is not None
                and actor1 not in (RIOTERS, PROTESTERS)
            ):
                # the owners of what armed men loot or destroy are civilians unless the text
                # names a force (ACLED codes looting by armed actors against Civilians)
                actor2 = CIVILIANS
            note = " ".join(owner.notes)
        rows.append(
            {
                "event_id": _event_id(document.doc_id, n),
                "event_date": date,
                "time_precision": precision if date is not None else None,
                "event_type": etype,
                "sub_event_type": subtype,
                "actor1": actor1.name if actor1 else None,
                "inter1": actor1.inter if actor1 else None,
                "actor2": actor2.name if actor2 else None,
                "inter2": actor2.inter if actor2 else None,
                "location": p.name,
                "mention": m.mention,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "geo_precision": m.precision,
                "country": gaz.country_name(p.country_code) if p.country_code else None,
                "country_code": p.country_code,
                "admin1": p.name if p.feature == "admin1" else p.admin1,
                "fatalities": _stated(fatalities, f),
                "injured": _stated(injured, i),
                "notes": note,
                "source": source,
                "language": document.lang,
                "gazetteer_id": p.id,
                "char_start": m.char_start,
                "char_end": m.char_end,
            }
        )
    return rows


def _tells_of_dead(notes: Sequence[str], rules: Rules) -> bool:
    """Whether a sentence of an incident that counts its wounded also has a word of killing
    or dying: a death figure the engine did not read there ("the count of the dead grew to five,
    21 people were wounded") is no report of no dead."""
    hurt = [rules.words_re("tolls", n) for n in ("injured", "injured_before_number")]
    dead = [rules.words_re("tolls", n) for n in ("killed", "killed_before_number")]
    return any(
        any(p is not None and p.search(note) for p in hurt)
        and any(p is not None and p.search(note) for p in dead)
        for note in notes
    )


def _stated(count: int | None, toll: Toll | None) -> int | None:
    """The count an event records: none for a vague toll ("dozens were killed") unless
    :data:`geo.config.EVENTS_VAGUE_TOLLS`."""
    if toll is not None and toll.vague and not config.EVENTS_VAGUE_TOLLS:
        return None
    return count


def _armed_target(actor1: Actor | None, actor2: Actor | None) -> bool:
    """Whether an attack's target is a state's armed forces and its author is not one of
    them (a state force beating detainees stays an attack)."""
    return (
        actor2 is not None
        and actor2.inter == _STATE_FORCES
        and (actor1 is None or actor1.inter != _STATE_FORCES)
    )


def _aftermath(
    records: Sequence[tuple[_Incident | None, Mention, str]],
    *,
    collaboration: re.Pattern[str] | None = None,
    seizure: re.Pattern[str] | None = None,
) -> set[int]:
    """The records (their indices, in the text's order) that tell the aftermath of an
    incident the article told before them, not events of their own: arrests and deployments
    (:data:`geo.config.EVENTS_AFTERMATH_SUBTYPES`: "three suspects were arrested in B",
    "troops were sent to B, C and D") anywhere after a violent incident
    (:data:`geo.config.EVENTS_AFTERMATH_OF`), and the property destroyed at its place and day
    (:data:`geo.config.EVENTS_AFTERMATH_SAME_DAY_SUBTYPES`: "then set fire to the shops").
    Not arrests of people accused of helping an armed group (the packs' ``collaboration``:
    "suspected of supplying fuel to the rebels"), nor arrests with a seizure of weapons or
    explosives (the packs' ``seizure``: "and seized explosive devices", a raid): events of
    their own.
    """
    out: set[int] = set()
    told = False
    at: set[tuple[str, dt.date | None]] = set()  # the places and days of violent incidents
    for n, (inc, m, _) in enumerate(records):
        if inc is None:
            continue
        if inc.etype in config.EVENTS_AFTERMATH_OF:
            told = True
            at.add((m.place.id, inc.date))
        elif told and (
            (
                inc.subtype in config.EVENTS_AFTERMATH_SUBTYPES
                and not (
                    inc.subtype == _ARRESTS
                    and any(
                        own is not None and any(own.search(n) for n in inc.notes)
                        for own in (collaboration, seizure)
                    )
                )
            )
            or (
                inc.subtype in config.EVENTS_AFTERMATH_SAME_DAY_SUBTYPES
                and (m.place.id, inc.date) in at
            )
        ):
            out.add(n)
    return out


def _story_defaults(incidents: list[_Incident], *, headline_end: int = -1) -> None:
    """What an article says once holds for the incidents it does not restate.

    An incident the text does not date takes the day of the story it belongs to: that of the
    last incident dated to a day in an earlier sentence ("In Haifa, protesters
    marched..." after "on Sunday night" in the lead), else the publication date; not the
    day of a later sentence, which may tell another story, unless it dates the same place
    within :data:`geo.config.FOLLOW_UP_SENTENCES` sentences; but an incident of the headline
    (its cue before ``headline_end``) sums up the story and takes the day of the article's
    first dated incident. An incident of political violence whose
    sentence names no perpetrator takes the one named for the same incident told again
    (another incident of its country at the same place on the same day: a headline and its
    body), when they name only one; not when the text says no one claimed it, nor when it
    tells the incident as a separate one. The perpetrator of the article's other incidents,
    of other places or days, is not carried over: a strike or an attack whose sentence names
    no one has no actor1 (events README: actor1 is null when the sentence names no
    perpetrator; a state's forces are not the default author of an unattributed strike).
    """
    # (an incident recalled with its day is background: never the story's day)
    first = next((i for i in incidents if i.dated and i.precision == 1 and not i.recalled), None)
    story: _Incident | None = None
    for inc in sorted(incidents, key=lambda i: i.sentence):
        if not inc.dated and first is not None and inc.cue < headline_end:
            inc.date, inc.precision = first.date, 2
            continue
        if inc.dated and inc.precision == 1:
            if not inc.recalled and (story is None or inc.sentence >= story.sentence):
                story = inc
        elif not inc.dated:
            # the same place dated in the next sentences ("La ofensiva comenzó el lunes
            # cerca de X") is the same story; else the story told before
            same = next(
                (
                    o
                    for o in incidents
                    if o.dated
                    and o.precision == 1
                    and not o.recalled
                    and 0 < o.sentence - inc.sentence <= config.FOLLOW_UP_SENTENCES
                    and not inc.places.keys().isdisjoint(o.places)
                ),
                None,
            )
            told = same or (story if story is not None and story.sentence < inc.sentence else None)
            if told is not None:
                inc.date, inc.precision = told.date, 2
    violent = ("Explosions/Remote violence", "Battles", "Violence against civilians")
    # an incident no one claimed, and its other reports (a headline) at the same place
    unclaimed = {(pid, i.etype) for i in incidents if i.unclaimed for pid in i.places}
    # each incident's country once (the loop changes actors, never places)
    countries = {id(i): _country(i) for i in incidents}
    for inc in incidents:
        if inc.actor1 is not None or inc.etype not in violent or inc.date is None:
            continue
        if inc.separate or any((pid, inc.etype) in unclaimed for pid in inc.places):
            continue
        country = countries[id(inc)]
        # the same incident told again at the same place and day (a headline and its body)
        named = {
            o.actor1
            for o in incidents
            if o is not inc
            and o.actor1 is not None
            and o.etype in violent
            and o.date == inc.date
            and countries[id(o)] == country
            and not inc.places.keys().isdisjoint(o.places)
        }
        if not named:
            # "The army attacked the X region with drones. Y: a drone hit a minibus": the
            # attacker of the region's incident just told, the same day, at its towns
            named = {
                o.actor1
                for o in incidents
                if o.sentence < inc.sentence
                and o.actor1 is not None
                and not o.inherited
                and o.etype in violent
                and o.date == inc.date
                and _within_region(o, inc)
            }
        if len(named) == 1:
            inc.actor1 = named.pop()
            if (
                inc.actor2 is None
                and inc.etype == "Violence against civilians"
                and not _armed_victims([*inc.fatalities.values(), *inc.injured.values()])
            ):
                inc.actor2 = CIVILIANS


def _within_region(region: _Incident, inc: _Incident) -> bool:
    """Whether every place of ``inc`` is a town of a region where ``region`` took place."""
    towns = [ms[0].place for ms in inc.places.values()]
    areas = [ms[0].place for ms in region.places.values()]
    return bool(towns) and all(
        t.kind == "city" and any(_in_region(a, t) for a in areas) for t in towns
    )


def _in_region(region: Place, town: Place) -> bool:
    return bool(
        region.kind == "region"
        and region.admin1_code
        and town.country_code == region.country_code
        and town.admin1_code == region.admin1_code
    )


def _sums_of_towns(records: list[tuple[_Incident | None, Mention, str]]) -> set[int]:
    """Incidents at a region on a day when the article reports incidents of the same type
    in its towns: the region's figures sum up the towns' ("96 attacks on the oblast, two
    killed in one village"), they are no incident of their own."""
    towns = [(inc, m.place) for inc, m, _ in records if inc is not None and m.place.kind == "city"]
    out: set[int] = set()
    for inc, m, _ in records:
        if inc is None or m.place.kind != "region":
            continue
        if any(
            t.etype == inc.etype and t.date == inc.date and _in_region(m.place, place)
            for t, place in towns
        ):
            out.add(id(inc))
    return out


def _water_beside_towns(records: list[tuple[_Incident | None, Mention, str]]) -> set[int]:
    """Incidents at a water body (a sea, a river, a lake) on a day the article reports an
    incident on land: the water says where the town lies or what is near ("the left bank
    of the river"), the incident is the town's."""
    from geo.geoparse import is_water

    located = [(inc, m.place) for inc, m, _ in records if inc is not None]
    wet = [(inc, p) for inc, p in located if is_water(p)]
    if not wet:
        return set()
    land = {inc.date for inc, p in located if p.kind != "country" and not is_water(p)}
    return {id(inc) for inc, _ in wet if inc.date in land}


def _hand_over_tolls(incidents: list[_Incident], far: set[str]) -> None:
    """The tolls given to a place read as a homonym far from the story (a person's name read
    as a town abroad, :func:`_far_from_the_story`) go to the most precise place that stays
    of the same incident, else of another incident of the same sentence."""

    def rank(inc: _Incident, pid: str) -> int:
        return _KIND_RANK.get(inc.places[pid][0].place.kind, 0)

    for inc in incidents:
        lost = [pid for pid in inc.places if pid in far]
        if not lost or not (inc.fatalities.keys() | inc.injured.keys()) & set(lost):
            continue
        heirs = [(inc, pid) for pid in inc.places if pid not in far] or [
            (other, pid)
            for other in incidents
            if other is not inc and other.sentence == inc.sentence
            for pid in other.places
            if pid not in far
        ]
        if not heirs:
            continue
        heir, target = min(heirs, key=lambda h: rank(*h))
        for name in ("fatalities", "injured"):
            table, into = getattr(inc, name), getattr(heir, name)
            for pid in [pid for pid in table if pid in lost]:
                _keep(into, target, table.pop(pid))


def _far_from_the_story(records: list[tuple[_Incident | None, Mention, str]]) -> set[str]:
    """Incident places far from every other place of the article, in a country no other
    place is in (a town of the United States in a story of towns of Yemen): a name read
    as a homonym far away (:data:`geo.config.EVENTS_OUTLIER_KM`). Distances in one
    vectorised pass."""
    import numpy as np

    places = {m.place.id: m.place for _, m, _ in records}
    # a region of no country ("the Middle East", often a newspaper's name) is too wide to
    # place a town near the story
    located = [p for p in places.values() if p.kind != "country" and p.country_code]
    if len(located) <= config.EVENTS_OUTLIER_MIN_PLACES:
        return set()
    # only an incident place alone in its country may be one; most articles have none
    countries = Counter(p.country_code for p in places.values())
    at_incident = {m.place.id for inc, m, _ in records if inc is not None}
    if not any(p.id in at_incident and countries[p.country_code] == 1 for p in located):
        return set()
    lat = np.radians([p.latitude for p in located])
    lon = np.radians([p.longitude for p in located])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    np.fill_diagonal(km, np.inf)
    nearest = km.min(axis=1)
    out: set[str] = set()
    for p, d in zip(located, nearest, strict=True):
        if p.id not in at_incident or d <= config.EVENTS_OUTLIER_KM:
            continue
        if any(q.id != p.id and q.country_code == p.country_code for q in places.values()):
            continue
        out.add(p.id)
    return out


def _country(inc: _Incident) -> str | None:
    return next((ms[0].place.country_code for ms in inc.places.values()), None)


def _own_forces(actor: Actor, inc: _Incident) -> bool:
    """Whether ``actor`` is the state forces (military or police) of the country the
    incident lies in, or of a state when that country is unknown: those regain territory,
    another state's forces overtake it (ACLED Codebook)."""
    if actor.inter != _STATE_FORCES:
        return False
    cc = _country(inc)
    return cc is None or actor in (state_forces(cc), state_forces(cc, police=True))


def _namesake_town(gaz: Gazetteer, m: Mention) -> Place | None:
    """The town of a region's country and region that the words naming the region also
    name, or the region's own name without its noun ("X" of "X State" or of "X Oblast": a
    region called after its capital), or None."""
    from geo.gazetteer import normalize_name

    region = m.place
    if not region.country_code:
        return None
    names = [m.mention]
    if f" {normalize_name(region.name)} " in f" {normalize_name(m.mention)} ":
        names.append(region.name)  # the words hold the name ("X State"; not a -shchyna form)
    for name in names:
        for town in gaz.lookup(name, kinds=("city",), country_codes=[region.country_code]):
            if town.admin1_code == region.admin1_code or town.admin1 == region.name:
                return town
    return None


def _demoted(inc: _Incident, place: Place) -> bool:
    """An incident geo does not report as an event: placed only at a country (the text
    does not say where in it), or dated only to a month (background, not news)."""
    if place.kind == "country" and not config.EVENTS_COUNTRY_INCIDENTS:
        return True
    return inc.precision >= 3 and inc.dated and not config.EVENTS_MONTH_INCIDENTS
