"""Tolls: the numbers of people killed and injured that a sentence reports.

A count is a number (:mod:`geo.events.numbers`) joined to a cue of the packs (``[tolls]``):
before a cue in the same clause ("Quatre civils ont été tués", "11 personnes blessées",
"104 soldats et 13 civils ont été tués"; past an aside: "Seventy-five people, 14 of them
children, were wounded"), or after a cue that takes its count after it ("killing 12
people", "la mort de 19 civils", "the death toll rose to 40"). A negated cue counts nothing;
a number that is part of a date ("Sept. 27", "27 septembre"), a year, an ordinal or a
measure ("25 km") is no count, nor a count of people displaced or evacuated ("2,000 people
were displaced", "نزوح 500 عائلة": the packs' ``displaced``); a count in a clause that speaks
of a running total ("more than 50 since the fighting began", "depuis 2014") is marked
``cumulative``. A count of fighters, soldiers or police is marked ``armed`` (the packs'
``fighters``).

Examples
--------
>>> s = "Quatre civils ont été tués par ces tirs, et 11 personnes blessées."
>>> [(c.kind, c.count) for c in count_casualties(s)]
[('fatalities', 4), ('injured', 11)]
>>> [(c.count, c.vague) for c in count_casualties("Dozens were killed, at least 93 dead.")]
[(12, True), (93, False)]
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from geo import config
from geo.events.numbers import Number, find_numbers
from geo.events.prefilter import Prefiltered
from geo.events.rules import Rules, alternation, get_rules

if TYPE_CHECKING:
    from geo.events.dates import FoundDate

__all__ = ["Casualty", "casualty_free", "count_casualties", "no_casualties", "running_total"]

_KIND: Final = {
    "killed": "fatalities",
    "killed_before_number": "fatalities",
    "injured": "injured",
    "injured_before_number": "injured",
}
_CLAUSE_PUNCT: Final = r"[,;:()\[\]\"«»—–،؛]"
#: Punctuation that closes a clause (the Arabic comma and semicolon included); not the comma
#: or colon inside a number ("9,000", "02:50").
_CLAUSE_EDGE: Final = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()\[\]،؛]")


@dataclass(frozen=True, slots=True)
class Casualty:
    """A count of people killed or injured found in a sentence.

    ``vague``: a word like "dozens" (coded as ACLED does); ``cumulative``: a running total
    ("since the war began"), never an incident's toll; ``claimed``: one side's claim of its
    enemy's losses ("the army says it neutralised 20 assailants") or a count of the
    attackers ("four attackers were killed"), never the toll of their victims.
    """

    kind: str  # "fatalities" or "injured"
    count: int
    start: int  # offset of the number in the sentence
    end: int
    vague: bool = False
    cumulative: bool = False
    claimed: bool = False
    # a word that names the dead or wounded itself ("قتيلان", "مقتله"): no noun it counts
    # follows it
    word: bool = False
    # the count names fighters, soldiers, police or gunmen ("two gunmen", "трое боевиков",
    # "عنصرين"): armed victims, never civilians (the packs' ``fighters``)
    armed: bool = False
    # an earlier figure the text says was superseded ("had put the toll at three", "le bilan
    # précédent faisait état de", "ранее сообщалось о"; the packs' ``earlier``): the current
    # one of the incident wins over it, whatever the order of the sentences
    earlier: bool = False
    # an estimate: an approximate word counts it or a word of the packs' ``rough`` stands
    # right before it ("más de veinte", "une dizaine", "понад десять"); a stated figure of
    # the same toll replaces it (not "at least N", the lower bound ACLED codes)
    rough: bool = False
    # a running total only by a word of the sum "in all" of the packs' ``in_all`` ("Загалом
    # загинули п'ятеро рятувальників", "In all, seven people died"): the sum of one
    # incident's dead or hurt when the text goes on about that incident alone, else a sum
    # over several
    in_all: bool = False

    @property
    def toll(self) -> bool:
        """Whether the count may be an incident's toll (not a running total, not a claim)."""
        return not (self.cumulative or self.claimed)


@dataclass(frozen=True)
class _TollRules:
    cues: Prefiltered | None
    names: list[str]
    none: Prefiltered | None
    none_killed: Prefiltered | None
    none_injured: Prefiltered | None
    negation: re.Pattern[str] | None
    cumulative: re.Pattern[str] | None
    # the packs' ``cumulative`` words but those of the sum "in all" (``in_all``): a count
    # framed by one of them is a running total whatever the text goes on about
    running: re.Pattern[str] | None
    earlier: re.Pattern[str] | None  # words that make the count after them an earlier one
    # a partitive word between a count and a casualty word ("one of the injured", "двое из
    # раненых"): a part of a group already counted, no new count of that word
    partitive: re.Pattern[str] | None
    clause_break: re.Pattern[str]
    subset: re.Pattern[str] | None  # "among them", "среди них": a part of the count before
    coordination: re.Pattern[str] | None
    rise: re.Pattern[str] | None  # verbs of a toll growing ("ascendió", "rose")
    approx: re.Pattern[str]
    # words of approximation or possessives after a list's conjunction ("and their two")
    joined_tail: re.Pattern[str]
    person: re.Pattern[str] | None
    not_a_count: re.Pattern[str] | None
    # a word that numbers what follows it ("n.º 12", "frente 8"): the number is a name
    numbered: re.Pattern[str] | None
    ordinal: re.Pattern[str] | None
    other: frozenset[str]
    # the articles that count one before a noun of people ("un", "a"): before a cue with no
    # such noun, an article, no count ("un bombardement a tué"); a pronoun ("uno") counts
    articles: frozenset[str]
    one_victim: re.Pattern[str] | None  # "مقتله", "إصابتها": one person, no number
    one_names: list[str]
    claim: re.Pattern[str] | None  # "says it neutralised": one side's claim
    hostile: re.Pattern[str] | None  # a count of attackers or militants: "four of the attackers"
    # the packs' plain ``killed`` and ``injured`` words, matched whole: a cue that is one
    # ("murieron", "killed") may follow its subject far; one that is only a ``_before_number``
    # ("asesinaron a") has its agent before it
    plain: re.Pattern[str] | None
    range_open: re.Pattern[str] | None  # "between" of "between 10 and 15"
    rough: re.Pattern[str] | None  # "more than", "about" right before a count: an estimate
    fighter: re.Pattern[str] | None  # a noun of armed people, matched whole
    person_noun: re.Pattern[str] | None  # a noun of people, matched whole ("شخصان", a count)
    counted: re.Pattern[str] | None  # the first noun of people after a count
    # displacement or evacuation right before a count ("displaced 2,000", "نزوح 500"), or
    # past its noun after it ("2,000 people were displaced")
    displaced_before: re.Pattern[str] | None
    displaced_after: re.Pattern[str] | None
    # a conjunction glued to a word ("وتم"): a new clause begins
    glued: re.Pattern[str] | None
    one_of_them: re.Pattern[str] | None  # "أحدهم": one of those just counted
    means: re.Pattern[str] | None  # a phrase of means or place after a casualty word


@functools.cache
def _toll_rules(rules: Rules) -> _TollRules:
    cues, names = rules.combined(
        "tolls", ("killed_before_number", "injured_before_number", "killed", "injured")
    )
    one_victim, one_names = rules.combined(
        "tolls", ("killed_one", "injured_one", "killed_two", "injured_two")
    )
    subset = "|".join(f"(?:{p})" for p in rules.patterns("tolls", "subset"))
    clause_break = re.compile(
        _CLAUSE_PUNCT + (rf"|(?<!\w)(?:{subset})(?!\w)" if subset else ""), re.IGNORECASE
    )
    approx = "|".join(f"(?:{p})" for p in rules.patterns("tolls", "approx"))
    tail = (
        alternation(
            [*rules.patterns("tolls", "approx"), *rules.patterns("tolls", "list_possessive")]
        )
        or "(?!)"
    )
    person = rules.words_re("tolls", "person")
    in_all = set(rules.patterns("tolls", "in_all"))
    running = alternation(p for p in rules.patterns("tolls", "cumulative") if p not in in_all)
    units = "|".join(f"(?:{p})" for p in rules.patterns("tolls", "not_a_count_after"))
    suffixes = rules.words("numbers", "ordinal_suffixes")
    ordinal = (
        re.compile(rf"(?:{'|'.join(re.escape(s) for s in suffixes)})(?!\w)", re.IGNORECASE)
        if suffixes
        else None
    )
    return _TollRules(
        cues=Prefiltered(cues) if cues is not None else None,
        names=names,
        none=_prefiltered(rules.words_re("tolls", "none")),
        none_killed=_prefiltered(rules.words_re("tolls", "none_killed")),
        none_injured=_prefiltered(rules.words_re("tolls", "none_injured")),
        negation=rules.words_re("tolls", "negation"),
        cumulative=rules.words_re("tolls", "cumulative"),
        running=re.compile(rf"(?<!\w)(?:{running})(?!\w)", re.IGNORECASE) if running else None,
        earlier=rules.words_re("tolls", "earlier"),
        partitive=_whole(rules.patterns("tolls", "partitive")),
        clause_break=clause_break,
        subset=re.compile(rf"(?<!\w)(?:{subset})(?!\w)", re.IGNORECASE) if subset else None,
        coordination=rules.words_re("tolls", "coordination"),
        rise=rules.words_re("tolls", "rise"),
        approx=re.compile(rf"\s*(?:(?:{approx})\s+)*" if approx else r"\s*", re.IGNORECASE),
        joined_tail=re.compile(rf"\s*(?:(?:{tail})\s+)*", re.IGNORECASE),
        person=person,
        not_a_count=re.compile(rf"\s*(?:{units})(?!\w)", re.IGNORECASE) if units else None,
        numbered=_before_count(rules.patterns("tolls", "not_a_count_before"), spaced=False),
        ordinal=ordinal,
        other=frozenset(("autre", "other", "otro", "otra", "autres", "others")),
        articles=frozenset(w.lower() for w in rules.words("numbers", "one_before_person")),
        one_victim=one_victim,
        one_names=one_names,
        claim=rules.words_re("tolls", "claim"),
        hostile=_counted_noun(rules.patterns("tolls", "hostile")),
        plain=_whole([*rules.patterns("tolls", "killed"), *rules.patterns("tolls", "injured")]),
        range_open=_before_count(rules.patterns("tolls", "range_open")),
        rough=_before_count(rules.patterns("tolls", "rough")),
        fighter=_whole(rules.patterns("tolls", "fighters")),
        person_noun=_whole(rules.patterns("tolls", "person")),
        displaced_before=_before_count(
            [
                rf"(?:{w})[\s\u00a0]+(?:(?:{approx})[\s\u00a0]+)*"
                for w in rules.patterns("tolls", "displaced")
            ],
            spaced=False,
        ),
        displaced_after=_displaced_after(rules.patterns("tolls", "displaced")),
        glued=re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(p) for p in prefixes)})\w")
        if (prefixes := rules.words("numbers", "word_prefixes"))
        else None,
        counted=_first_noun(
            [*rules.patterns("tolls", "fighters"), *rules.patterns("tolls", "person")]
        ),
        one_of_them=_whole(rules.patterns("tolls", "one_of_them")),
        means=re.compile(rf"[\s\u00a0]+(?:{means}){_MEANS_TAIL}", re.IGNORECASE)
        if (means := alternation(rules.patterns("tolls", "means_before")))
        else None,
    )


def _whole(words: Sequence[str]) -> re.Pattern[str] | None:
    """The words as one pattern to match a whole span."""
    if not words:
        return None
    return re.compile(alternation(words), re.IGNORECASE)


def _first_noun(words: Sequence[str]) -> re.Pattern[str] | None:
    """The first of the words after a count, past at most two words of letters ("two more
    Ukrainian soldiers", "ثلاثة من الجنود"); no punctuation between."""
    if not words:
        return None
    alt = alternation(words)
    return re.compile(
        rf"[\s\u00a0]+(?:[^\W\d_][\w\-]*[\s\u00a0]+){{0,{config.CASUALTY_NOUN_GAP_WORDS}}}?"
        rf"(?P<noun>{alt})(?!\w)",
        re.IGNORECASE,
    )


def _armed(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a count names armed people: it is a noun of fighters itself ("عنصرين",
    "военнослужащий"), or the first noun of people after it is one ("two gunmen", "трое
    боевиков"; not "two civilians and soldiers")."""
    if t.fighter is None:
        return False
    if t.fighter.fullmatch(sentence, n.start, n.end) is not None:
        return True
    if n.person or (
        t.person_noun is not None and t.person_noun.fullmatch(sentence, n.start, n.end) is not None
    ):
        # a noun of one person, or a count that is a noun of people itself (the dual
        # "شخصان", two persons), is its own noun: fighters after it are who shot ("شاب برصاص
        # مسلحين": a youth, by gunmen's bullets)
        return False
    m = t.counted.match(sentence, n.end) if t.counted is not None else None
    return m is not None and t.fighter.fullmatch(m.group("noun")) is not None


def _counted_noun(words: Sequence[str]) -> re.Pattern[str] | None:
    """The words as the noun a count counts: after it, past at most two short words or an
    elided article ("four of the attackers", "une vingtaine d'assaillants")."""
    if not words:
        return None
    alt = alternation(words)
    return re.compile(
        rf"[\s\u00a0]*(?:[^\s\u00a0'’]{{1,6}}(?:[\s\u00a0]+|['’])){{0,2}}?(?:{alt})(?!\w)",
        re.IGNORECASE,
    )


def _before_count(words: Sequence[str], *, spaced: bool = True) -> re.Pattern[str] | None:
    """The words right before a count (``spaced``: a blank after them; else the words say
    what may follow them)."""
    if not words:
        return None
    alt = alternation(words)
    return re.compile(rf"(?<!\w)(?:{alt})" + (r"[\s\u00a0]+$" if spaced else "$"), re.IGNORECASE)


def _displaced_after(words: Sequence[str]) -> re.Pattern[str] | None:
    """A word of displacement past one to :data:`geo.config.CASUALTY_DISPLACED_GAP_WORDS`
    words after a count ("2,000 people were displaced", "500 familias fueron evacuadas");
    not right after it: "three displaced people" are people, maybe killed."""
    if not words:
        return None
    alt = alternation(words)
    return re.compile(
        rf"(?P<gap>[\s\u00a0]+(?:[^\W\d_][\w\-'’]*[\s\u00a0]+){{1,{config.CASUALTY_DISPLACED_GAP_WORDS}}}?)"
        rf"(?:{alt})(?!\w)",
        re.IGNORECASE,
    )


def _displaced(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a count is of people displaced or evacuated ("displaced 2,000", "10 000
    personnes déplacées", "тысячи человек эвакуированы", "نزوح 500 عائلة"): never a toll. A
    casualty word or a conjunction between the count and the word of displacement keeps it
    ("two wounded were evacuated", "killed 12 and displaced")."""
    if t.displaced_before is not None and t.displaced_before.search(
        sentence, max(0, n.start - config.CASUALTY_GAP_CHARS), n.start
    ):
        return True
    m = t.displaced_after.match(sentence, n.end) if t.displaced_after is not None else None
    if m is None:
        return False
    # not past a casualty word or a conjunction: "12 killed and displaced 2,000"
    gap = m.group("gap")
    return not any(
        p is not None and p.search(gap) is not None for p in (t.cues, t.coordination, t.glued)
    )


def _prefiltered(pattern: re.Pattern[str] | None) -> Prefiltered | None:
    return Prefiltered(pattern) if pattern is not None else None


#: A second number joined to a first by a dash or a short word ("15 y 18", "15 to 18").
_NUMBER_PAIR: Final = re.compile(r"\s*(?:[-–/]|[^\W\d_]{1,3})\s*\d+")


def _negated(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a negation is the word right before a count ("no one was hurt", "ни один
    человек не пострадал"): it counts no one."""
    if t.negation is None:
        return False
    before = sentence[max(0, n.start - config.CASUALTY_GAP_CHARS) : n.start]
    words = before.split()
    return bool(words) and before[-1:].isspace() and t.negation.fullmatch(words[-1]) is not None


def _is_not_a_count(sentence: str, n: Number, t: _TollRules) -> bool:
    if n.vague:
        return False
    if t.ordinal is not None and t.ordinal.match(sentence, n.end):
        return True  # 1er octobre, 2nd
    if t.not_a_count is not None and not n.person and t.not_a_count.match(sentence, n.end):
        # a noun of one person is counted by itself: the noun after it is whose it is
        # ("власника будинку", the owner of the house), not a unit
        return True  # 25 kilomètres, 10 %, 45 drones
    if t.numbered is not None and t.numbered.search(
        sentence, max(0, n.start - config.CASUALTY_NUMBERED_CHARS), n.start
    ):
        return True  # "la brigada n.º 12", "el frente 8": a name, no count
    # (not a noun of one person: "жінку та 70-річного чоловіка" joins two people, the age
    # is the second one's)
    pair = None if n.person else _NUMBER_PAIR.match(sentence, n.end)
    if pair is not None and t.not_a_count is not None and t.not_a_count.match(sentence, pair.end()):
        return True  # "de 15 y 18 años", "15 to 18 years": the unit is both numbers'
    digits = sentence[n.start : n.end]
    return digits.isdecimal() and len(digits) == 4 and 1900 <= int(digits) <= 2100  # a year


def count_casualties(
    sentence: str,
    *,
    rules: Rules | None = None,
    dates: Sequence[FoundDate] | Callable[[], Sequence[FoundDate]] | None = None,
) -> list[Casualty]:
    """Find the numbers of people killed and injured in a sentence.

    Parameters
    ----------
    sentence : str
        The sentence.
    rules : Rules, optional
        The languages' rules (all languages by default).
    dates : sequence of FoundDate, or a function that returns them, optional
        Dates found in the sentence: numbers inside them are no counts (found when None;
        the function is called only when the sentence has a cue and a number).

    Examples
    --------
    >>> [(c.kind, c.count) for c in count_casualties("A strike killed at least 12 people.")]
    [('fatalities', 12)]
    >>> count_casualties("Sept. 27 was the day 3 soldiers died.")[0].count
    3
    >>> count_casualties("More than 50 were killed since the fighting began.")[0].cumulative
    True
    """
    r = rules or get_rules(())
    t = _toll_rules(r)
    ones = _one_victims(sentence, t)
    if t.cues is None:
        return ones
    cues = list(t.cues.finditer(sentence))
    if not cues:
        return ones
    numbers = [n for n in find_numbers(sentence, rules=r) if n.value > 0]
    if not numbers:
        return ones
    if dates is None:
        from geo.events.dates import find_dates

        dates = find_dates(sentence, reference=None, rules=r)
    elif callable(dates):
        dates = dates()
    spans = [(d.start, d.end) for d in dates]
    numbers = [
        n
        for n in numbers
        if not any(s <= n.start < e for s, e in spans)
        and not _is_not_a_count(sentence, n, t)
        and not _displaced(sentence, n, t)
        and not _negated(sentence, n, t)
    ]
    out: list[Casualty] = list(ones)
    if not numbers:
        return out
    numbers = _lower_bounds(sentence, numbers, t)
    used: set[int] = set()
    for cue in cues:
        name = t.names[int((cue.lastgroup or "g0")[1:])]
        kind = _KIND[name]
        found = _count_before(
            sentence,
            cue.start(),
            numbers,
            used,
            t,
            subject=not name.endswith("_before_number")
            or (t.plain is not None and t.plain.fullmatch(cue.group()) is not None),
        )
        if any(o.start == cue.start() and o.kind == kind and o.count == 1 for o in ones):
            # the word names its one victim after it ("dos hombres asesinaron al
            # comerciante"): the count before it is who killed
            found = []
        if name.endswith("_before_number"):
            # past a day told after the word ("ont tué mardi neuf civils"); not after a
            # verb of a toll growing, whose day is the report's ("subió el jueves a siete")
            rising = t.rise is not None and t.rise.search(cue.group()) is not None
            after = _count_after(
                sentence,
                cue.end()
                if rising
                else _past_phrase(
                    sentence, _past_day(sentence, cue.end(), spans, numbers, t), numbers, t
                ),
                numbers,
                used,
                t,
            )
            if not found or (
                after
                and (gap := t.approx.match(sentence, cue.end())) is not None
                and gap.end() == after[0].start
                and (_names_people(sentence, after[0], t) or _opens_clause(sentence, cue, t))
            ):
                # "Two gunmen killed three villagers": the count of people after the verb
                # is its toll, the one before counts who did it; a count its own casualty
                # word follows is that word's ("سقوط عشرات الجرحى")
                found = [n for n in after if not _counted_by(sentence, n, kind, cues, t)]
        for n in found:
            used.add(n.start)
            # framed in the count's clause or in its word's ("190 people, civilians and
            # soldiers, were killed in the region since the attacks began")
            framing = ((n.start, n.end), (cue.start(), cue.end()))
            cumulative = any(_framed(sentence, a, b, t.cumulative) for a, b in framing)
            out.append(
                Casualty(
                    kind,
                    n.value,
                    n.start,
                    n.end,
                    vague=n.vague,
                    cumulative=cumulative,
                    in_all=cumulative
                    and not any(_framed(sentence, a, b, t.running) for a, b in framing),
                    claimed=_claimed(sentence, n, t),
                    armed=_armed(sentence, n, t),
                    earlier=_earlier(sentence, n, numbers, t),
                    rough=_rough(sentence, n, t),
                )
            )
    out = _without_restatements(sentence, out, t)
    out = _attackers_of_a_clash(sentence, out, t)
    out.extend(_elided(sentence, numbers, out, used, t))
    counted = {(c.kind, c.count) for c in out if not c.word}
    # "أصيب شابان ... وقد أصيبا بجروح": a word that names as many victims as a count of
    # its kind restates them, it adds none
    out = [c for c in out if not c.word or (c.kind, c.count) not in counted]
    out.sort(key=lambda c: c.start)
    return out


#: The clause of an elided toll before its count: a comma, a few words naming where (no
#: digit, no other mark), a dash ("..., у X — троє", "..., in X - three").
_ELIDED_BEFORE: Final = re.compile(
    r",\s+[^\W\d_][^,;.:—–\d]{0,40}?\s[—–-]\s*(?:[^\W\d_]{1,4}\s+)?$"
)
#: After an elided toll's count: at most a noun, then the clause's end.
_ELIDED_AFTER: Final = re.compile(r"(?:\s+[^\W\d_][\w'’\-]*)?\s*(?:[,.;]|$)")
#: The other form of an elided toll: a comma or a short conjunction before its count, and
#: after it (maybe "others") a short preposition and a capitalised name ("12 in X and five
#: in Y", "neuf à X et quatre autres à Y", "cinco en X, dos en Y y una en Z").
_ELIDED_JOIN: Final = re.compile(r"(?:,\s*|\s+[^\W\d_]{1,3}\s+)$")
_ELIDED_AT: Final = re.compile(r"(?:\s+[^\W\d_]{3,7})?\s+[^\W\d_]{1,4}\s+(?=[^\W\d_])")


def _elided(
    sentence: str, numbers: list[Number], found: list[Casualty], used: set[int], t: _TollRules
) -> list[Casualty]:
    """Counts of a clause that elides its casualty word after a toll of the sentence ("У X
    поранено п'ятьох, у Y — двоє", "two were hurt in X, in Y - three", "12 were killed
    in X and five in Y"): each takes the kind of the toll before it."""
    out: list[Casualty] = []
    for n in numbers:
        if n.start in used or n.vague:
            continue
        before = [c for c in (*found, *out) if c.end <= n.start]
        if not before:
            continue
        last = max(before, key=lambda c: c.end)
        clause = _ELIDED_BEFORE.search(sentence[last.end : n.start])
        at = _ELIDED_AT.match(sentence, n.end)
        if (
            clause is None
            and at is not None
            and sentence[at.end()].isupper()
            and _ELIDED_JOIN.search(sentence, last.end, n.start) is not None
            and (at.group().split()[0] in t.other if len(at.group().split()) == 2 else True)
        ):
            used.add(n.start)
            out.append(Casualty(last.kind, n.value, n.start, n.end, armed=_armed(sentence, n, t)))
            continue
        if (
            clause is None
            or _ELIDED_AFTER.match(sentence, n.end) is None
            or (t.cues is not None and t.cues.search(clause.group()) is not None)
            # "Ранены четыре человека, среди них — двое из X": a part of the toll before
            or (t.subset is not None and t.subset.search(clause.group()) is not None)
        ):
            continue
        used.add(n.start)
        out.append(Casualty(last.kind, n.value, n.start, n.end, armed=_armed(sentence, n, t)))
    return out


#: What joins the two ends of a range of counts ("10 and 15", "3 à 5", "10-15").
_RANGE_GAP: Final = re.compile(r"[\s\u00a0]*(?:[-–]|[^\W\d_]{1,3})[\s\u00a0]*")


def _lower_bounds(sentence: str, numbers: list[Number], t: _TollRules) -> list[Number]:
    """The numbers without the upper ends of ranges ("between 10 and 15 people", "entre
    trois et cinq", "от пяти до семи"): a range counts its lower bound, as "at least N"
    counts N (the events README's convention), never the sum of its ends."""
    if t.range_open is None:
        return numbers
    out: list[Number] = []
    skip = -1
    for i, n in enumerate(numbers):
        if i == skip:
            continue
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        if (
            nxt is not None
            and not n.person
            and not nxt.person
            and _RANGE_GAP.fullmatch(sentence, n.end, nxt.start) is not None
            and nxt.value > n.value
            and t.range_open.search(sentence, max(0, n.start - 30), n.start) is not None
        ):
            skip = i + 1
        out.append(n)
    return out


def _earlier(sentence: str, n: Number, numbers: Sequence[Number], t: _TollRules) -> bool:
    """Whether a count is an earlier figure that a later one superseded: a word of the
    packs' ``earlier`` stands before it in its clause, past the count before it ("had put
    the toll at five", "an earlier toll of three", "up from five"; not "seven" of "has risen
    to seven, up from five"), or it is joined by a conjunction to such a count ("had
    reported three dead and 14 hurt")."""
    if t.earlier is None:
        return False
    found = list(_CLAUSE_EDGE.finditer(sentence, 0, n.start))
    start = clause = found[-1].end() if found else 0
    before = [m.end for m in numbers if m.end <= n.start]
    if before:
        start = max(start, before[-1])
    if t.earlier.search(sentence, start, n.start) is not None:
        return True
    prev = next((m for m in reversed(numbers) if m.end <= n.start), None)
    if (
        prev is not None
        and prev.start >= clause
        and t.coordination is not None
        and t.coordination.search(sentence, prev.end, n.start) is not None
        and _earlier(sentence, prev, numbers, t)
    ):
        # the next of counts joined under one earlier word ("had reported three dead and 14
        # hurt"): earlier too
        return True
    # an opening phrase sets the frame of the whole sentence, when no count comes before
    # ("Au départ, des témoins ont parlé d'une dizaine de blessés")
    return (
        not before and bool(found) and t.earlier.search(sentence, 0, found[0].start()) is not None
    )


def _rough(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a count is an estimate: an approximate word ("una veintena") or a word of the
    packs' ``rough`` right before it ("más de 20", "близько десяти")."""
    if n.rough:
        return True
    if t.rough is None or n.vague or n.person:
        return False
    window = max(0, n.start - config.CASUALTY_GAP_CHARS)
    return t.rough.search(sentence, window, n.start) is not None


#: A dash that opens an apposition ("one person was hurt — a man of 35 with wounds").
_APPOSITION_DASH: Final = re.compile(r"[\s\u00a0]*[—–][\s\u00a0]*$|[\s\u00a0]+-[\s\u00a0]+$")


def _without_restatements(sentence: str, found: list[Casualty], t: _TollRules) -> list[Casualty]:
    """The counts less those that restate one counted before them: a count of one after a
    dash that follows a count of its kind ("пострадал один человек — мужчина 35 лет с
    ранениями", "one person was injured - a man with shrapnel wounds"), or "one of them"
    after a count of its kind (the packs' ``one_of_them``: "أصيب ثلاثة، أحدهم بجروح خطيرة")."""
    out: list[Casualty] = []
    for c in sorted(found, key=lambda c: c.start):
        before = (
            next((p for p in reversed(out) if p.kind == c.kind), None) if c.count == 1 else None
        )
        if (
            before is not None
            and not c.word
            and (
                _APPOSITION_DASH.search(sentence, before.end, c.start)
                or (t.one_of_them is not None and t.one_of_them.fullmatch(sentence, c.start, c.end))
            )
        ):
            continue
        out.append(c)
    return out


def _attackers_of_a_clash(sentence: str, out: list[Casualty], t: _TollRules) -> list[Casualty]:
    """``out``, with the attackers' dead counted beside the dead of a state's forces or
    another armed side ("a policeman and three of the gunmen died"): a clash,
    whose dead on both sides are its toll (ACLED counts every death of an event); attackers
    counted beside civilians stay out of their victims' toll. A count a claim word frames
    stays a claim."""
    if t.hostile is None or not any(
        c.kind == "fatalities" and c.armed and not c.claimed for c in out
    ):
        return out
    return [
        dataclasses.replace(c, claimed=False)
        if c.claimed
        and c.kind == "fatalities"
        and t.hostile.match(sentence, c.end) is not None
        and not _claim_word(sentence, c.start, t)
        else c
        for c in out
    ]


def _claimed(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a count is one side's claim of enemy losses (a claim word earlier in its
    clause: "the army says it neutralised 20") or counts attackers ("four attackers")."""
    if t.hostile is not None and t.hostile.match(sentence, n.end) is not None:
        return True
    return _claim_word(sentence, n.start, t)


def _claim_word(sentence: str, start: int, t: _TollRules) -> bool:
    """Whether a claim word stands in the clause before offset ``start`` ("the army says it
    neutralised")."""
    if t.claim is None:
        return False
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, start)]
    return t.claim.search(sentence, edges[-1] if edges else 0, start) is not None


def _one_victims(sentence: str, t: _TollRules) -> list[Casualty]:
    """The words of the packs' ``killed_one`` and ``injured_one`` in a sentence: a word for
    the death or the wounding of one person that needs no number ("ما أدى إلى مقتله": which
    caused his death), and of ``killed_two`` and ``injured_two``: a dual that counts two
    ("سقط قتيلان": two were killed); unless a negation stands right before it."""
    if t.one_victim is None:
        return []
    out = []
    for m in t.one_victim.finditer(sentence):
        before = sentence[max(0, m.start() - config.CASUALTY_GAP_CHARS) : m.start()]
        if t.negation is not None and t.negation.search(before):
            continue
        name = t.one_names[int((m.lastgroup or "g0")[1:])]
        kind = "fatalities" if name.startswith("killed") else "injured"
        count = 2 if name.endswith("_two") else 1
        out.append(Casualty(kind, count, m.start(), m.end(), word=True))
    return out


def _counted_by(
    sentence: str, n: Number, kind: str, cues: list[re.Match[str]], t: _TollRules
) -> bool:
    """Whether a casualty word of another kind that counts the number before it ("الجرحى",
    not "إصابة") follows the count ``n`` right after it."""
    for cue in cues:
        if n.end <= cue.start() <= n.end + 2 and not sentence[n.end : cue.start()].strip():
            name = t.names[int((cue.lastgroup or "g0")[1:])]
            return not name.endswith("_before_number") and _KIND[name] != kind
    return False


def no_casualties(sentence: str, *, rules: Rules | None = None) -> bool:
    """Whether a sentence says there were no victims ("no one was hurt", "sin víctimas").

    Examples
    --------
    >>> no_casualties("No casualties were reported."), no_casualties("Two died.")
    (True, False)
    """
    t = _toll_rules(rules or get_rules(()))
    return t.none is not None and t.none.search(sentence) is not None


def casualty_free(sentence: str, *, rules: Rules | None = None) -> frozenset[str]:
    """The counts a sentence says are zero: ``"fatalities"`` and ``"injured"`` when it says
    no one was hurt, only one of them when it says so of the dead ("погибших нет", "no
    deaths") or of the injured.

    Examples
    --------
    >>> sorted(casualty_free("No one was hurt.")), sorted(casualty_free("Погибших нет."))
    (['fatalities', 'injured'], ['fatalities'])
    """
    t = _toll_rules(rules or get_rules(()))
    if t.none is not None and t.none.search(sentence) is not None:
        return frozenset(("fatalities", "injured"))
    out = set()
    if t.none_killed is not None and t.none_killed.search(sentence) is not None:
        out.add("fatalities")
    if t.none_injured is not None and t.none_injured.search(sentence) is not None:
        out.add("injured")
    return frozenset(out)


def _count_before(
    sentence: str,
    cue_start: int,
    numbers: list[Number],
    used: set[int],
    t: _TollRules,
    *,
    subject: bool = False,
) -> list[Number]:
    """The count before a casualty word; with ``subject``, also a count that opens the
    clause far before a word that takes no agent before it ("murieron", not "asesinaron a":
    there the count before may be who killed)."""
    window_start = max(0, cue_start - config.CASUALTY_WINDOW_CHARS)
    # a subset word right after the sentence's first count opens no clause: "One of them
    # later died" counts one (after an earlier count, "27 hurt; 20 of them in hospital", the
    # part of that count is none of its own)
    first_end = min((n.end for n in numbers), default=-1)
    breaks = [
        m.end()
        for m in t.clause_break.finditer(sentence, window_start, cue_start)
        if not (m.group()[:1].isalpha() and len(sentence[: m.start()].rstrip()) == first_end)
    ]
    clause_start = breaks[-1] if breaks else window_start
    candidates = [
        n for n in numbers if clause_start <= n.start and n.end <= cue_start and n.start not in used
    ]
    if not candidates:
        return _count_before_aside(sentence, cue_start, numbers, used, t)
    nearest = candidates[-1]
    between = sentence[nearest.end : cue_start]
    if (
        t.partitive is not None
        and not nearest.vague
        and t.partitive.fullmatch(between.strip()) is not None
    ):
        return []  # "одного из пострадавших перевели": one of the injured, already counted
    if (t.negation is not None and t.negation.search(between)) or (
        len(between) > config.CASUALTY_GAP_CHARS
        and not (subject and _subject_count(sentence, clause_start, nearest, cue_start, t))
    ):
        # the count may stand before an aside that holds other numbers ("Five passengers,
        # including a woman and her baby, were killed")
        return _count_before_aside(sentence, cue_start, numbers, used, t)
    if (
        nearest.value == 1
        and not nearest.vague
        and sentence[nearest.start : nearest.end].lower() in t.articles
        and not (t.person is not None and t.person.search(between))
        and between.strip().lower() not in t.other
        and between.strip()
    ):
        return []  # "un bombardement a tué": an article, not a count ("un autre blessé" is)
    chosen = [nearest]
    for n in reversed(candidates[:-1]):
        gap = sentence[n.end : chosen[-1].start]
        if t.coordination is not None and t.coordination.search(gap) and len(gap) < 40:
            chosen.append(n)
        else:
            break
    if len(chosen) > 1:
        # "three soldiers, two militiamen and a civilian were killed": the items of a list
        # before its conjunction are joined by commas (each a clause break)
        for n in reversed([n for n in numbers if n.end <= chosen[-1].start]):
            gap = sentence[n.end : chosen[-1].start]
            if n.start in used or not _LIST_ITEM_COMMA.fullmatch(gap):
                break
            if not _list_item(sentence, n, t):
                break
            chosen.append(n)
    return chosen


#: A dash or colon that ends a dateline or a heading before a clause.
_DASH: Final = re.compile(r"[-–—:]\s")


def _subject_count(
    sentence: str, clause_start: int, n: Number, cue_start: int, t: _TollRules
) -> bool:
    """Whether a count far before its casualty word is the subject of its clause: it opens
    the clause and names people right after it, and no other count nor coordination stands
    before the word ("Tres supuestos miembros de una banda armada murieron")."""
    if t.person is None or n.vague:
        return False
    if t.hostile is not None and t.hostile.match(sentence, n.end) is not None:
        return False  # "two gunmen ... killed": who killed
    # past a dateline's dash ("SALTILLO, Coah.- Dos ...")
    head = _DASH.split(sentence[clause_start : n.start])[-1].strip()
    if head and t.approx.fullmatch(head + " ") is None:  # "at least", "au moins"
        return False
    noun = t.person.search(
        sentence, n.end, min(cue_start, n.end + config.CASUALTY_SUBJECT_NOUN_CHARS)
    )
    if noun is None:
        return False
    co = t.coordination
    return co is None or co.search(sentence, noun.end(), cue_start) is None


_ASIDE: Final = re.compile(
    r"(?:,[^,;.]{1,70},|\s[—–]\s[^—–;.]{1,70}[—–],?)\s*(?:[^\W\d_]{1,12}\s+){0,3}$"
)


def _count_before_aside(
    sentence: str, cue_start: int, numbers: list[Number], used: set[int], t: _TollRules
) -> list[Number]:
    """A count before an aside between commas or dashes: "Au moins vingt personnes, dont des
    femmes et des enfants, ont été tuées", "Seventy-five people, 14 of them children, were
    wounded", "ще четверо людей — двоє з них діти — поранені"."""
    aside = _ASIDE.search(sentence, max(0, cue_start - 100), cue_start)
    if aside is None:
        return []
    head_end = aside.start()
    candidates = [
        n
        for n in numbers
        if n.end <= head_end
        and n.start not in used
        and head_end - n.end < 30
        and (
            # a count in words right before the aside counts people by itself ("пятеро,
            # включая двоих детей, получили ранения", "five, including ...")
            (n.end == head_end and sentence[n.start : n.end][:1].isalpha())
            or (t.person is not None and t.person.search(sentence, n.end, head_end) is not None)
        )
    ]
    if not candidates:
        return []
    nearest = candidates[-1]
    if t.negation is not None and t.negation.search(sentence, nearest.end, cue_start):
        return []
    return [nearest]


#: Between a casualty word and the day told after it: blanks and at most two short words
#: ("killed on Tuesday", "убили во вторник", "asesinaron el martes").
_BEFORE_DAY: Final = re.compile(r"[\s\u00a0]+(?:[^\W\d_]{1,4}[\s\u00a0]+){0,2}")
#: After that day, before the count: at most one word of three letters or more, a time of
#: day ("mardi soir", "Tuesday night"; not "ascendió el viernes a cinco": the day a toll
#: rose to its figure).
_AFTER_DAY: Final = re.compile(r"[\s\u00a0]+(?:[^\W\d_]{3,}[\s\u00a0]+)?")


def _past_day(
    sentence: str,
    cue_end: int,
    spans: Sequence[tuple[int, int]],
    numbers: Sequence[Number],
    t: _TollRules,
) -> int:
    """Where the count after a casualty word may start: past a day told between them ("ont
    tué mardi soir neuf civils", "killed on Tuesday nine civilians"), when a number follows
    that day, else at the word's end (only the first day after the word is read)."""
    day = next(((s, e) for s, e in spans if s >= cue_end), None)
    if day is None:
        return cue_end
    start, end = day
    if start != cue_end and _BEFORE_DAY.fullmatch(sentence, cue_end, start) is None:
        return cue_end
    after = _AFTER_DAY.match(sentence, end)
    if after is None:
        return cue_end
    # the count may follow the day itself or the one word after it (approximations aside)
    return next((at for at in (end, after.end()) if _count_at(sentence, at, numbers, t)), cue_end)


def _count_at(sentence: str, at: int, numbers: Sequence[Number], t: _TollRules) -> bool:
    """Whether one of ``numbers`` starts at ``at``, words of approximation aside."""
    m = t.approx.match(sentence, at)  # (always matches: its words are all optional)
    start = m.end() if m is not None else at
    return any(n.start == start for n in numbers)


def _count_after(
    sentence: str, cue_end: int, numbers: list[Number], used: set[int], t: _TollRules
) -> list[Number]:
    """A number right after a cue that takes its count after it: "killing (at least) 12";
    counts joined to it by a conjunction add up when each names people ("убиты двое
    мужчин и женщина", "killing 12 soldiers and 3 civilians")."""
    m = t.approx.match(sentence, cue_end)
    start = m.end() if m is not None else cue_end
    for i, n in enumerate(numbers):
        if n.start in used:
            continue
        if start <= n.start <= start + 3 or _described(sentence, start, n, t):
            if t.coordination is not None and t.coordination.search(sentence[start : n.start]):
                # "murieron y un guardia resultó herido": the count after the conjunction
                # belongs to the next clause
                return []
            chosen = [n]
            listed = 0  # of them, counts joined by a comma alone, kept if a conjunction ends
            for nxt in numbers[i + 1 :]:
                gap = sentence[chosen[-1].end : nxt.start]
                comma = _LIST_ITEM_COMMA.fullmatch(gap) is not None
                if (
                    nxt.start in used
                    or len(gap) > 40
                    or (_CLAUSE_EDGE.search(gap) and not comma)
                    or (t.cues is not None and t.cues.search(gap))  # "and wounding 19"
                    or not (comma or _joined_count(gap, t))
                    or not (
                        _list_item(sentence, nxt, t) if comma else _names_people(sentence, nxt, t)
                    )
                    or _own_cue(sentence, nxt, t)
                ):
                    break
                chosen.append(nxt)
                listed = listed + 1 if comma else 0
            # "a man, his wife and their two children": a list ends with its conjunction
            return chosen[: len(chosen) - listed]
        if n.start > start + 3:
            break
    return []


#: After the preposition of a phrase of means or place (the packs' ``means_before``): maybe
#: an article, and one or two words ("à la machette", "à X", "with machetes").
_MEANS_TAIL: Final = (
    r"[\s\u00a0]+(?:(?:la|le|les|l['’]|des|du|el|los|las|the)[\s\u00a0]*)?"
    r"(?P<one>[^\W\d_][\w'’\-]*)(?P<two>[\s\u00a0]+[^\W\d_][\w'’\-]*)?"
)


def _past_phrase(sentence: str, at: int, numbers: Sequence[Number], t: _TollRules) -> int:
    """Where the count after a casualty word may start: past a short phrase of means or
    place (a preposition of the packs' ``means_before``, then :data:`_MEANS_TAIL`: "ont tué à
    la machette au moins 18", "ont tué à X 18", "killed with machetes at least 18") when a
    count follows it at once (words of approximation aside), else ``at``."""
    m = t.means.match(sentence, at) if t.means is not None else None
    if m is None:
        return at
    return next(
        (end for end in (m.end("one"), m.end()) if _count_at(sentence, end, numbers, t)), at
    )


def _joined_count(gap: str, t: _TollRules) -> bool:
    """Whether the gap between two counts ends with a conjunction and at most words of
    approximation ("12 soldiers and at least 3"), not a verb of its own ("killed 12 people
    and abducted 30 others": the second count is not of the dead); False without a
    conjunction in it."""
    co = t.coordination
    if co is None:
        return False
    ends = [m.end() for m in co.finditer(gap)]
    return bool(ends) and t.joined_tail.fullmatch(gap, ends[-1]) is not None


#: The gap between two counted items of a list of people joined by a comma alone: the first
#: item's noun of one to three words and the comma ("12 soldiers, 3 civilians and ...", "a
#: man, his wife and ...").
_LIST_ITEM_COMMA: Final = re.compile(r"(?:[\s\u00a0]+[^\W\d_][\w'’\-]*){1,3}\s*,\s*")


#: One or two words before a noun of one person ("54-летний местный", "young"): adjectives.
_DESCRIBED: Final = re.compile(r"(?:[^\W_][\w\-]*[\s\u00a0]+){1,2}")


def _described(sentence: str, start: int, n: Number, t: _TollRules) -> bool:
    """Whether a noun of one person follows a cue past one or two words that describe it
    ("погиб 54-летний местный житель", "поранено літнього чоловіка"), no casualty word
    among them."""
    return (
        n.person
        and n.start > start
        and _DESCRIBED.fullmatch(sentence, start, n.start) is not None
        and not (t.cues is not None and t.cues.search(sentence[start : n.start]))
    )


def _own_cue(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a casualty word follows a count in its clause ("murieron dos sicarios y un
    guardia resultó herido": the guard has his own word, he is not one of the dead)."""
    if t.cues is None:
        return False
    edge = _CLAUSE_EDGE.search(sentence, n.end)
    stop = min(edge.start() if edge else len(sentence), n.end + config.CASUALTY_GAP_CHARS)
    return t.cues.search(sentence[n.end : stop]) is not None


def _names_people(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a count names people: a person noun follows it, or it is one ("женщина"), or
    it is the dual of one ("طفلين", "طفليها": two children, her two children)."""
    if n.person:
        return True
    if t.person is None:
        return False
    if t.person.match(sentence[n.start : n.end]) is not None:
        return True
    # the noun right after the count, or after one word ("dos civiles", "two more civilians")
    return any(
        (m := gap.match(sentence, n.end)) is not None
        and t.person.match(sentence, m.end()) is not None
        for gap in _WORD_GAPS
    )


def _opens_clause(sentence: str, cue: re.Match[str], t: _TollRules) -> bool:
    """Whether a casualty word that takes its count after it opens a clause of its own, a
    conjunction glued to it or the word right before it ("... بينهم امرأة وإصابة سبعة", "...
    and wounding seven"): a count before it is of the clause before."""
    if t.glued is not None and t.glued.match(sentence, cue.start()) is not None:
        return True
    word = _LAST_WORD.search(sentence, 0, cue.start())
    return (
        word is not None
        and t.coordination is not None
        and (t.coordination.fullmatch(word.group(1)) is not None)
    )


#: The last word before a position (and the spaces after it).
_LAST_WORD: Final = re.compile(r"(\S+)\s*$")


def _list_item(sentence: str, n: Number, t: _TollRules) -> bool:
    """Whether a count names people or fighters ("two militiamen"), an item of a list of
    the dead or wounded."""
    return _names_people(sentence, n, t) or (
        t.counted is not None and t.counted.match(sentence, n.end) is not None
    )


_WORD_GAPS: Final = (re.compile(r"\s+"), re.compile(r"\s+[\w\-]+\s+"))


def running_total(sentence: str, start: int, end: int, *, rules: Rules | None = None) -> bool:
    """Whether the count at ``start:end`` of a sentence is a running total ("40 000 morts
    depuis 1984", "Since the war began, 500 people were killed"), not an incident's toll.

    Examples
    --------
    >>> s = "Depuis 2017, 300 personnes ont été tuées."
    >>> running_total(s, s.index("300"), s.index("300") + 3)
    True
    """
    return _framed(sentence, start, end, _toll_rules(rules or get_rules(())).cumulative)


def _framed(sentence: str, start: int, end: int, words: re.Pattern[str] | None) -> bool:
    """Whether one of ``words`` frames the count at ``start:end``: in its clause, or in an
    opening phrase, which sets the frame of the whole sentence ("Depuis 2017, ...")."""
    if words is None:
        return False
    edges = [m.start() for m in _CLAUSE_EDGE.finditer(sentence)]
    clause_start = max((e + 1 for e in edges if e < start), default=0)
    clause_end = min((e for e in edges if e >= end), default=len(sentence))
    if words.search(sentence, clause_start, clause_end):
        return True
    opener_end = edges[0] if edges and edges[0] < start else 0
    return opener_end > 0 and words.search(sentence, 0, opener_end) is not None
