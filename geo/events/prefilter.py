"""A keyword prefilter for the large word-list patterns of the event rules.

Python's regular-expression engine tries every alternative of a case-insensitive pattern at
every position of a sentence: a pattern of a few hundred cue words costs a lot even where no
cue occurs. :class:`Prefiltered` reads, from the parsed pattern itself, the literal
beginnings that any match must start with (lower-cased, up to :data:`PREFIX_CHARS`
characters: the Arabic glued particles, a word's stem, each branch of a list), finds where
they occur in the lower-cased sentence with one small pattern (a tree of those beginnings,
matched case-sensitively), and tries the full pattern only there. The matches are those of
``pattern.finditer``: a position where no beginning occurs cannot start a match; matches
are tried left to right and the next one after the end of the last, as ``finditer`` does.
A pattern whose matches may begin with anything (``\\w+``) keeps its plain ``finditer``.

Examples
--------
>>> import re
>>> p = Prefiltered(re.compile(r"(?<!\\w)(?:strike[sd]?|shell\\w*)(?!\\w)", re.IGNORECASE))
>>> [m.group() for m in p.finditer("Shelling, then STRIKES; a strikeout.")]
['Shelling', 'STRIKES']
>>> sorted(p.prefixes)
['shell', 'strik']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Final

__all__ = ["PREFIX_CHARS", "Prefiltered", "literal_alternation", "literal_prefixes"]

#: How many characters of a match's beginning the prefilter looks for.
PREFIX_CHARS: Final = 5
#: Above this many beginnings, the analysis stops lengthening them.
_MAX_PREFIXES: Final = 4000
#: A character class of at most this many characters is expanded.
_MAX_CLASS: Final = 40

_c = sre_parse  # constants live in re._constants, re-exported by the parser
_LITERAL: Final = _c.LITERAL
_IN: Final = _c.IN
_BRANCH: Final = _c.BRANCH
_SUBPATTERN: Final = _c.SUBPATTERN
_REPEATS: Final = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_ZERO_WIDTH: Final = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_ATOMIC: Final = getattr(_c, "ATOMIC_GROUP", None)
_RANGE: Final = _c.RANGE
_CATEGORY: Final = _c.CATEGORY
_DIGIT: Final = _c.CATEGORY_DIGIT


@functools.cache
def _digits() -> frozenset[str]:
    """What ``\\d`` matches: every decimal digit of Unicode (Arabic-Indic digits too)."""
    return frozenset(ch for ch in map(chr, range(0x110000)) if ch.isdecimal())


@functools.cache
def _fold_table() -> dict[int, int]:
    """Characters that case-insensitive matching holds equal although their lower cases
    differ ("ſ" and "s", "ı" and "i"), each mapped to one of its class."""
    from re import _casefix  # type: ignore[attr-defined]

    classes: dict[int, set[int]] = {}
    for k, vs in _casefix._EXTRA_CASES.items():
        group = {k, *vs}
        for ch in list(group):
            group |= classes.get(ch, set())
        for ch in group:
            classes[ch] = group
    return {ch: min(group) for ch, group in classes.items() if min(group) != ch}


@functools.lru_cache(maxsize=64)
def _fold(text: str) -> str | None:
    """The text lower-cased with one character per character (None when lower-casing
    changes its length, as "İ" does); the last sentences are kept (every pattern of the
    engine scans the same sentence)."""
    return _fold_text(text)


def _fold_text(text: str) -> str | None:
    low = text.lower()
    if len(low) != len(text):
        return None
    return low.translate(_fold_table()) if _FOLDED.search(low) else low


_FOLDED: Final = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_fold_table())) + "]")


def _fold_char(ch: str) -> set[str]:
    out = set()
    for variant in (ch, ch.lower(), ch.upper(), ch.swapcase()):
        folded = _fold_text(variant)
        if folded is not None and len(folded) == 1:
            out.add(folded)
    if not out:
        # "İ" lower-cases to two characters; the engine's simple case mapping holds it equal
        # to "i" (a beginning too many only costs a try of the full pattern)
        out.add(ch.lower()[0].translate(_fold_table()))
    return out


def _class_chars(items: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _LITERAL:
            folded = _fold_char(chr(av))
            if not folded:
                return None
            chars |= folded
        elif op is _RANGE:
            lo, hi = av
            if hi - lo > _MAX_CLASS:
                return None
            for code in range(lo, hi + 1):
                folded = _fold_char(chr(code))
                if not folded:
                    return None
                chars |= folded
        elif op is _CATEGORY and av is _DIGIT:
            chars |= _digits()
        else:  # a category (\w), a negation: anything
            return None
        if len(chars) > 4 * _MAX_CLASS and not chars <= _digits():
            return None
    return chars


def _item(op: Any, av: Any, k: int) -> tuple[set[str], set[str]]:
    """The beginnings of what one parsed item matches, as two sets: ``whole``, the whole of
    a match (what follows the item may be added to it), and ``cut``, beginnings that end
    there (cut at ``k`` characters, or followed by what the analysis does not read)."""
    if op is _LITERAL:
        folded = _fold_char(chr(av))
        # "İ" lower-cases to two characters and matches "I": read as anything
        return (folded, set()) if folded else (set(), {""})
    if op is _CATEGORY and av is _DIGIT:
        return set(_digits()), set()
    if op is _IN:
        chars = _class_chars(av)
        return (chars, set()) if chars else (set(), {""})
    if op in _ZERO_WIDTH:
        return {""}, set()
    if op is _SUBPATTERN:
        return _sequence(av[-1], k)
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(av, k)
    if op is _BRANCH:
        whole: set[str] = set()
        cut: set[str] = set()
        for alternative in av[1]:
            w, c = _sequence(alternative, k)
            whole |= w
            cut |= c
        return whole, cut
    if op in _REPEATS:
        low, high, sub = av
        w, c = _sequence(sub, k)
        if low == high == 1:
            return w, c
        if low == 0 and high == 1:
            return w | {""}, c
        # one repetition begins the match, more may follow
        return ({""} if low == 0 else set()), w | c
    return set(), {""}  # any character, a back reference: anything


def _sequence(items: Any, k: int) -> tuple[set[str], set[str]]:
    whole: set[str] = {""}
    cut: set[str] = set()
    for op, av in items:
        w, c = _item(op, av, k)
        if len(whole) * (len(w) + len(c)) > _MAX_PREFIXES:
            return set(), whole | cut  # no longer: what is known so far begins each match
        joined = {a + b for a in whole for b in w}
        cut |= {(a + b)[:k] for a in whole for b in c}
        cut |= {s[:k] for s in joined if len(s) >= k}
        whole = {s for s in joined if len(s) < k}
        if not whole:
            break
    return whole, cut


def literal_prefixes(pattern: re.Pattern[str], k: int = PREFIX_CHARS) -> frozenset[str] | None:
    """The lower-cased beginnings every match of ``pattern`` starts with, or None when a
    match may begin with anything.

    Examples
    --------
    >>> sorted(literal_prefixes(re.compile(r"(?<!\\w)(?:al-)?qaeda|isis", re.IGNORECASE)))
    ['al-qa', 'isis', 'qaeda']
    >>> literal_prefixes(re.compile(r"\\w+ said")) is None
    True
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return None
    for size in range(k, 1, -1):  # shorter beginnings when there are too many
        whole, cut = _sequence(parsed, size)
        found = whole | cut
        if found and "" not in found:
            return frozenset(found)
    return None


class Prefiltered:
    """A compiled pattern with a keyword prefilter (see the module docstring).

    Parameters
    ----------
    pattern : re.Pattern
        Any pattern; those whose matches may begin with anything are run as they are.
    """

    __slots__ = ("_finder", "pattern", "prefixes")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.prefixes = literal_prefixes(pattern)
        # a pattern that starts with "(?<!\w)" starts a match where a word starts
        edge = r"(?<!\w)" if pattern.pattern.startswith(r"(?<!\w)") else ""
        self._finder = None
        if self.prefixes:
            # beginnings with a digit: any digit (a branch per digit of Unicode is slow)
            words = [w for w in self.prefixes if not w[0].isdecimal()]
            branches = [literal_alternation(words)] if words else []
            if len(words) < len(self.prefixes):
                branches.append(r"\d")
            self._finder = re.compile(f"{edge}(?=(?:{'|'.join(branches)}))")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``."""
        folded = _fold(text) if self._finder is not None else None
        if folded is None or self._finder is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        match = self.pattern.match
        for hit in self._finder.finditer(folded):
            pos = hit.start()
            if pos < end:
                continue
            m = match(text, pos)
            if m is None:
                continue
            if m.end() == pos:  # an empty match: finditer's own rules
                yield from self.pattern.finditer(text, pos)
                return
            yield m
            end = m.end()

    def search(self, text: str) -> re.Match[str] | None:
        """The first match of ``pattern.search(text)`` (the first of :meth:`finditer`,
        without a generator)."""
        folded = _fold(text) if self._finder is not None else None
        if folded is None or self._finder is None:
            return self.pattern.search(text)
        match = self.pattern.match
        for hit in self._finder.finditer(folded):
            pos = hit.start()
            m = match(text, pos)
            if m is None:
                continue
            if m.end() == pos:  # an empty match: the pattern's own search from there
                return self.pattern.search(text, pos)
            return m
        return None


def literal_alternation(words: Iterable[str], *, spaces: bool = False) -> str:
    """A regular expression that matches any of some literal words, longest first, written
    as a tree of their common beginnings (the engine tests a letter once, not once per
    word); ``spaces``: a space in a word matches any run of white space.

    Examples
    --------
    >>> literal_alternation(["двое", "двух", "два"])
    'дв(?:ое|ух|а)'
    >>> re.fullmatch(literal_alternation(["a b"], spaces=True), "a  b") is not None
    True
    """
    tree: dict[str, Any] = {}
    for word in set(words):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def longest(node: dict[str, Any]) -> int:
        return max((1 + longest(child) for ch, child in node.items() if ch), default=0)

    def emit(node: dict[str, Any]) -> str:
        branches = []
        for ch, child in sorted(
            ((c, n) for c, n in node.items() if c), key=lambda kv: (-longest(kv[1]), kv[0])
        ):
            atom = r"\s+" if spaces and ch == " " else re.escape(ch)
            branches.append(atom + emit(child))
        if "" in node:
            branches.append("")
        if not branches:
            return ""
        if len(branches) == 1:
            return branches[0]
        if branches[-1] == "":
            body = "|".join(branches[:-1])
            return f"(?:{body})?" if len(branches) > 2 or len(branches[0]) > 1 else f"{body}?"
        return "(?:" + "|".join(branches) + ")"

    return emit(tree)
