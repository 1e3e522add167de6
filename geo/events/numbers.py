"""Counts written in digits or in words, in any language with event rules.

The words are the packs' (``[numbers]`` of ``geo/lang/<code>/events.toml``); the arithmetic
is language-neutral: units and tens add up ("vingt-deux", "twenty-one", "doscientos
cincuenta"), a multiplier multiplies what precedes it ("deux cents", "three thousand",
"7 тысяч"), a unit may multiply the word after it ("quatre-vingts": the packs'
``times_unit``), an approximate word counts about that many ("une trentaine", "a dozen",
"deux centaines"), and a vague word is coded as ACLED codes it ("dozens" 12, "hundreds"
100, "several" 10). Digits may be grouped ("1 280", "1,280", "1.300"), written in any
script's digits (Arabic-Indic "٩٣"), carry a case ending ("5-х") or a particle glued
before them ("و١٥"). A noun of one person counts one ("погиб мужчина").

Examples
--------
>>> parse_number("vingt-deux"), parse_number("one hundred and five"), parse_number("٩٣")
(22, 105, 93)
>>> [(n.value, n.vague) for n in find_numbers("dozens of people, at least 93 dead")]
[(12, True), (93, False)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from geo import config
from geo.events.prefilter import Prefiltered
from geo.events.rules import Rules, get_rules, literal_alternation

__all__ = ["Number", "find_numbers", "parse_number"]

_VAGUE_COUNTS: Final = {
    "dozens": config.DOZENS_COUNT,
    "hundreds": config.HUNDREDS_COUNT,
    "several": config.SEVERAL_COUNT,
}
_SEPARATORS: Final = re.compile(r"[\s\u00a0\u202f,.'’]")


@dataclass(frozen=True, slots=True)
class Number:
    """A count found in a sentence: ``vague`` when it is a word like "dozens"."""

    value: int
    start: int
    end: int
    vague: bool = False
    person: bool = False  # a noun of one person ("женщина"), counted one
    # an approximate word counts it ("une dizaine", "una docena"): an estimate, which a
    # stated figure of the same toll replaces
    rough: bool = False


@dataclass(frozen=True)
class _Tables:
    units: dict[str, int]
    multipliers: dict[str, int]
    approximate: dict[str, int]
    vague: dict[str, int]
    joiners: frozenset[str]
    ignore: frozenset[str]
    one: frozenset[str]
    times_unit: frozenset[str]
    pattern: Prefiltered
    person_after: re.Pattern[str]
    word_prefixes: tuple[str, ...]  # conjunctions glued to a word ("و")


@functools.cache
def _tables(rules: Rules) -> _Tables:
    units = {k: int(v) for k, v in rules.table("numbers", "units").items()}
    multipliers = {k: int(v) for k, v in rules.table("numbers", "multipliers").items()}
    approximate = {k: int(v) for k, v in rules.table("numbers", "approximate").items()}
    vague = {
        k: _VAGUE_COUNTS[str(v)]
        for k, v in rules.table("numbers", "vague").items()
        if str(v) in _VAGUE_COUNTS
    }
    joiners = frozenset(rules.words("numbers", "joiners"))
    ignore = frozenset(rules.words("numbers", "ignore"))
    one = frozenset(rules.words("numbers", "one_before_person"))
    word_rx = literal_alternation({*units, *multipliers, *approximate}) or r"(?!x)x"
    approx_plural = literal_alternation(w + "s" for w in approximate) or r"(?!x)x"
    join_rx = "|".join(re.escape(w) for w in joiners)
    glue = rf"(?:[\s\-]+(?:(?:{join_rx})[\s\-]+)?)" if join_rx else r"[\s\-]+"
    vague_rx = literal_alternation(vague)
    person = rules.patterns("tolls", "person")
    one_rx = "|".join(re.escape(w) for w in one)
    suffix = "|".join(rules.patterns("numbers", "digit_suffix"))
    # digits start a word, or follow a particle glued to them ("و١٥"); not the number of a
    # model after its letters and a hyphen ("Kh-101", "S-300", "Су-25"): a name, no count
    start = "|".join(
        [r"(?<![\w.,])(?<![^\W\d_]-)"]
        + [rf"(?<=(?<!\w){re.escape(p)})" for p in rules.words("numbers", "digit_prefixes")]
    )
    # number words start a word, or follow a conjunction glued to them ("وخمسة عشر")
    word_start = "|".join(
        [r"(?<!\w)"]
        + [rf"(?<=(?<!\w){re.escape(p)})" for p in rules.words("numbers", "word_prefixes")]
    )
    mult_rx = literal_alternation(multipliers)
    parts = [
        # digits and a multiplier: "7 тысяч", "1,3 тыс.", "2 mil"
        rf"(?P<scaled>(?:{start})\d+(?:[.,]\d{{1,2}})?[\s\u00a0\u202f]*(?:{mult_rx})(?!\w)\.?)"
        if mult_rx
        else r"(?P<scaled>(?!x)x)",
        # digits, grouped by thousands or not, maybe with a case ending ("5-х")
        rf"(?P<digits>(?:{start})(?:\d{{1,3}}(?:[ \u00a0\u202f,.]\d{{3}})+|\d+)"
        + (rf"(?:-?(?:{suffix}))?" if suffix else "")
        + r"(?![\w]|[.,]\d))",
        rf"(?P<words>(?:{word_start})(?:{word_rx}|{approx_plural})(?:{glue}(?:{word_rx}|{approx_plural}))*"
        r"(?!\w))",
    ]
    if vague_rx:
        parts.append(rf"(?P<vague>(?<!\w)(?:{vague_rx})(?!\w))")
    person_rx = "|".join(f"(?:{p})" for p in person) or r"(?!x)x"
    if one_rx:
        parts.append(rf"(?P<one>(?<!\w)(?:{one_rx})(?!\w))")
    one_person = "|".join(f"(?:{p})" for p in rules.patterns("numbers", "one_person"))
    if one_person:
        parts.append(rf"(?P<person>(?<!\w)(?:{one_person})(?!\w))")
    pattern = re.compile("|".join(parts), re.IGNORECASE)
    person_after = re.compile(rf"\s+(?:[\w\-]+\s+){{0,2}}?(?:{person_rx})(?!\w)", re.IGNORECASE)
    return _Tables(
        units,
        multipliers,
        approximate,
        vague,
        joiners,
        ignore,
        one,
        frozenset(rules.words("numbers", "times_unit")),
        Prefiltered(pattern),
        person_after,
        tuple(rules.words("numbers", "word_prefixes")),
    )


#: What may stand between a count and the noun it counts: blanks and at most one word
#: ("двое мирных жителей", "five other soldiers").
COUNTED_NOUN_GAP: Final = re.compile(r"[\s\u00a0]+(?:[^\W\d_][\w\-]*[\s\u00a0]+)?")
_SCALED: Final = re.compile(r"(\d+(?:[.,]\d{1,2})?)[\s\u00a0\u202f]*(.*?)\.?$", re.DOTALL)


def parse_number(
    text: str, *, rules: Rules | None = None, tables: _Tables | None = None
) -> int | None:
    """Parse a count written in digits or in words (the packs' number words).

    Examples
    --------
    >>> parse_number("1 280"), parse_number("Quatre"), parse_number("quatre-vingt-dix")
    (1280, 4, 90)
    >>> parse_number("des dizaines"), parse_number("soldiers") is None
    (12, True)
    >>> parse_number("une trentaine"), parse_number("deux centaines"), parse_number("dos mil")
    (30, 200, 2000)
    """
    t = tables or _tables(rules or get_rules(()))
    raw = " ".join(text.strip().lower().split())
    if raw in t.vague:
        return t.vague[raw]  # "عدد من"
    scaled = _SCALED.match(raw)
    if scaled is not None and scaled.group(2) in t.multipliers:
        amount = float(scaled.group(1).replace(",", ".")) * t.multipliers[scaled.group(2)]
        return round(amount)  # "7 тысяч", "1,3 тыс."
    digits = _SEPARATORS.sub("", raw)
    digits = re.sub(r"-?[^\W\d_]+$", "", digits)  # a case ending: "5-х", "10-ти"
    if digits.isdecimal():
        try:
            return int(digits)
        except ValueError:
            return None
    if raw in t.one:
        return 1  # "a police officer was killed"
    words = [w for w in re.split(r"[\s\-]+", raw) if w and w not in t.joiners and w not in t.ignore]
    if not words:
        return None
    if len(words) == 1 and words[0] in t.vague:
        return t.vague[words[0]]
    last = words[-1]
    approx = t.approximate.get(last, t.approximate.get(last.removesuffix("s")))
    if approx is not None:
        head = words[:-1]
        if last in t.vague and not head:
            return t.vague[last]
        if not head or all(t.units.get(w) == 1 for w in head):
            return approx  # "une trentaine", "a dozen"
        factor = parse_number(" ".join(head), rules=rules, tables=t)
        return factor * approx if factor else None
    total = 0
    current = 0
    unit = False  # whether the word before is a unit below ten
    for w in words:
        if w in t.vague:
            return t.vague[w]
        if w in t.multipliers:
            current = max(current, 1) * t.multipliers[w]
            if t.multipliers[w] >= 1000:
                total += current
                current = 0
            unit = False
            continue
        value = t.units.get(w)
        if value is None:
            return None
        if unit and value < 10:
            continue  # a unit after a unit restates it ("جنديان اثنان": two soldiers, two)
        unit = value < 10
        if w in t.times_unit and 1 < current < 10:
            current *= value  # quatre-vingt(s)
        else:
            current += value
    return total + current


@dataclass(frozen=True, slots=True)
class _Piece:
    """A part of a match of the number pattern (``group``, ``start``, ``end``, ``lastgroup``
    as :class:`re.Match` has them)."""

    text: str
    begin: int
    stop: int
    lastgroup: str | None

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


_WORD: Final = re.compile(r"[^\s\-]+")


def _pieces(matches: Iterator[re.Match[str]], t: _Tables) -> Iterator[re.Match[str] | _Piece]:
    """The matches, each number in words cut where a joiner follows a number below twenty:
    a joiner joins units to tens or to a multiplier ("vingt et un", "one hundred and five",
    "treinta y dos"), never two small numbers ("entre trois et cinq", "двое и трое")."""
    for m in matches:
        if m.lastgroup != "words" or not t.joiners:
            yield m
            continue
        words = list(_WORD.finditer(m.group()))
        begin = 0
        for i, w in enumerate(words[1:-1], 1):
            if w.group().lower() not in t.joiners:
                continue
            head = m.group()[begin : words[i - 1].end()]
            value = parse_number(head, rules=None, tables=t)
            if value is not None and value < 20:
                yield _Piece(head, m.start() + begin, m.start() + words[i - 1].end(), "words")
                begin = words[i + 1].start()
        if begin == 0:
            yield m
        else:
            yield _Piece(m.group()[begin:], m.start() + begin, m.end(), "words")


def find_numbers(sentence: str, *, rules: Rules | None = None) -> list[Number]:
    """Every count of a sentence, in order (a number word the packs do not know is left).

    Examples
    --------
    >>> [n.value for n in find_numbers("Quatre civils et 11 personnes")]
    [4, 11]
    """
    r = rules or get_rules(())
    t = _tables(r)
    out: list[Number] = []
    for m in _pieces(t.pattern.finditer(sentence), t):
        kind = m.lastgroup
        if kind == "person":
            start = m.start()
            # a conjunction glued to the noun ("وطفل", and a child): another item of a list,
            # never the noun a count before it counts; the noun starts after it
            joined = next(
                (
                    p
                    for p in t.word_prefixes
                    if m.group().startswith(p) and len(m.group()) > len(p) + 1
                ),
                None,
            )
            if joined is not None:
                start += len(joined)
            elif (
                out
                and not out[-1].person
                and COUNTED_NOUN_GAP.fullmatch(sentence, out[-1].end, m.start())
            ):
                continue  # the noun a count counts ("двое мужчин", "один мирный житель")
            out.append(Number(1, start, m.end(), person=True))
            continue
        value = parse_number(m.group(), rules=r)
        if value is None or value > config.MAX_PEOPLE_COUNT:
            continue
        if m.group().lower() in t.one and not t.person_after.match(sentence, m.end()):
            continue  # "a", "un": an article unless a person noun follows ("un civil")
        words = [
            w
            for w in re.split(r"[\s\-]+", m.group().lower())
            if w and w not in t.joiners and w not in t.ignore
        ]
        vague = kind == "vague" or (len(words) == 1 and words[0] in t.vague)
        rough = not vague and any(w in t.approximate for w in words)
        if (
            out
            and not out[-1].person
            and sentence[out[-1].start : out[-1].end].lower() in t.one
            and not sentence[out[-1].end : m.start()].strip()
            and t.person_after.match(sentence, m.end())
        ):
            # "her three children": a determiner before the count of people, not one more
            # ("a 70-year-old woman" keeps its one: the number is her age)
            out.pop()
        out.append(Number(value, m.start(), m.end(), vague=vague, rough=rough))
    return out
