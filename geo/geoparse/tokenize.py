"""Tokenising a document once: words, their keys, sentences and how words join.

The tokens are plain parallel lists (:class:`Tokens`), built in one pass, that every later
stage indexes: offsets, normalised keys, capitalisation, script, sentence of each word, and
how a word joins the next (space, hyphen, elision), so that multi-word names are looked up
as one key. Sentences are split on end punctuation, line breaks before a capital and
paragraphs, not after known abbreviations ("Gen.", "St.").

Examples
--------
>>> toks = tokenize("Des tirs ont visé l'Arménie. Gen. Smith est à Bakou.", 0, None,
...                 elisions=frozenset({"l"}), abbreviations=frozenset({"gen"}))
>>> toks.keys[:5], toks.sentence[-1]
(['des', 'tirs', 'ont', 'vise', 'l'], 1)
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Final

from geo import config
from geo.gazetteer import normalize_name
from geo.lang import script_of

__all__ = ["PARAGRAPH_BREAK", "Tokens", "tokenize"]

#: A blank line: the end of a paragraph.
PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t]*\n")

#: A word: letters and digits, with the combining marks of decomposed Latin text and of
#: vocalised Arabic (harakat, tatweel) kept inside it.
_MARKS: Final = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640"
_WORD: Final = re.compile(
    # runs of letters and marks, written so that the engine takes letters a run at a time
    rf"[^\W_]+(?:[{_MARKS}]+[^\W_]*)*|[{_MARKS}]+(?:[^\W_]+[{_MARKS}]*)*"
)
_APOSTROPHES: Final = "'’ʼ‘`´"
_APOSTROPHE: Final = re.compile(f"[{_APOSTROPHES}]")
_HYPHENS: Final = frozenset("-‐‑")
_OPENERS: Final = frozenset('"«“„(:[—–')
_ENDERS: Final = frozenset(".!?…؟۔")
_SPACES: Final = frozenset(" \t\xa0\u202f\u2009")
_SHORT_SAINTS: Final = ("st", "ste", "mt", "ft")

_NORMALIZED: dict[str, str] = {}
#: What tokenising needs of a word as written: its key, whether it is capitalised, its
#: script, whether it has 4 characters or more and whether it is in capitals.
_Word = tuple[str, bool, str, bool, bool]
_WORDS: dict[str, _Word] = {}


def word_key(word: str) -> str:
    """The normalised key of one word (memoised)."""
    key = _NORMALIZED.get(word)
    if key is None:
        key = normalize_name(word)
        if len(_NORMALIZED) < config.GEOPARSE_CACHE_SIZE:
            _NORMALIZED[word] = key
    return key


def _word(word: str) -> _Word:
    """What tokenising needs of a word (memoised)."""
    first = word[0]
    found = (
        word_key(word),
        first.isupper(),
        "latin" if first < "\u0250" else script_of(word),
        len(word) >= 4,
        word.isupper(),
    )
    if len(_WORDS) < config.GEOPARSE_CACHE_SIZE:
        _WORDS[word] = found
    return found


@dataclass(slots=True)
class Tokens:
    """The words of a document as parallel lists, indexed by token.

    Attributes
    ----------
    starts, ends : list of int
        Character offsets of each word.
    keys : list of str
        Normalised keys (:func:`geo.gazetteer.normalize_name`).
    cap : list of bool
        Whether the word starts with a capital letter (False in uncased scripts).
    script : list of str
        ``latin``, ``cyrillic``, ``arabic`` or ``other``.
    particle : list of bool
        An elided word glued to the next ("l'" in "l'Arménie").
    join : list of int
        How a word joins the next: 0 not (punctuation between), 1 a space or a hyphen, 2
        glued (elision).
    hyphen_after : list of bool
        Whether a hyphen joins the word to the next.
    sentence : list of int
        Sentence index of each word.
    initial : list of bool
        First word of a sentence, or after an opening quote, bracket or colon.
    titled : list of bool
        By sentence: most words capitalised (a headline), so capitals mean little there.
    sentence_starts : list of int
        Character offset where each sentence starts.
    sentence_lang : list of str
        By sentence: its language (the document's unless a sentence clearly differs).
    """

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    cap: list[bool] = field(default_factory=list)
    script: list[str] = field(default_factory=list)
    particle: list[bool] = field(default_factory=list)
    join: list[int] = field(default_factory=list)
    hyphen_after: list[bool] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)
    initial: list[bool] = field(default_factory=list)
    titled: list[bool] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    sentence_lang: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.keys)

    def past_connectors(self, i: int, words: AbstractSet[str], *, most: int) -> int:
        """The first token after token ``i`` that is not a lower-case word of ``words``
        joined to the next (at most ``most`` tokens on): where the name begins in "la vallée
        du Drâa" or "rue de la Paix"; a connector not joined to the next stops there.

        Examples
        --------
        >>> text = "la vallée du Drâa"
        >>> toks = tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())
        >>> toks.past_connectors(1, {"du"}, most=3)
        3
        """
        j, n = i + 1, len(self.keys)
        while j < n and j - i <= most and not self.cap[j] and self.keys[j] in words:
            if self.join[j] == 0:
                break
            j += 1
        return j

    def joined(self, i: int, length: int) -> str:
        """The lookup key of tokens ``i`` to ``i + length - 1`` ("l'arménie" glued)."""
        if length == 1:
            return self.keys[i]
        parts = []
        last = i + length - 1
        for j in range(i, last + 1):
            parts.append(self.keys[j])
            if j < last:
                parts.append("" if self.join[j] == 2 else " ")
        return "".join(parts)


def tokenize(
    text: str,
    start: int,
    end: int | None,
    *,
    elisions: frozenset[str],
    abbreviations: frozenset[str],
    connectors: frozenset[str] = frozenset(),
) -> Tokens:
    """Split ``text[start:end]`` into words and sentences.

    Parameters
    ----------
    text : str
        The document.
    start, end : int
        The part to read (``end`` None: to the end).
    elisions : frozenset of str
        Keys of elided words ("l", "d", "qu") that an apostrophe glues to the next word.
    abbreviations : frozenset of str
        Keys of abbreviations whose period ends no sentence ("gen", "st").
    connectors : frozenset of str
        Small words left out when deciding whether a sentence is a headline.

    Returns
    -------
    Tokens
    """
    stop = len(text) if end is None else end
    spans = [m.span() for m in _WORD.finditer(text, start, stop)]
    starts, ends = (list(x) for x in zip(*spans, strict=True)) if spans else ([], [])
    n = len(starts)
    particle = [False] * n
    cut_after: set[int] = set()  # token indexes followed by a possessive 's
    if n > 1 and _APOSTROPHE.search(text, start, stop):
        starts, ends, particle, cut_after = _glue(text, starts, ends, elisions)
        n = len(starts)

    known = _WORDS.get
    words = [known(text[s:e]) or _word(text[s:e]) for s, e in zip(starts, ends, strict=True)]
    keys: list[str] = []
    cap: list[bool] = []
    script: list[str] = []
    if words:
        keys, cap, script = (list(x) for x in list(zip(*words, strict=True))[:3])
    # most words are followed by one space: joined, in the same sentence; the other gaps
    # (punctuation, line breaks, hyphens, elisions) are read one by one below
    join = [1 if text[e:s] == " " else 0 for e, s in zip(ends, starts[1:], strict=False)]
    hyphen_after = [False] * n
    initial = [False] * n
    if n:
        join.append(0)
        initial[0] = True
    sentence_starts = [starts[0] if n else start]
    firsts: list[int] = []  # tokens that start a sentence (the first one aside)
    for i in [i for i in range(n - 1) if not join[i]]:
        e = ends[i]
        nxt_start = starts[i + 1]
        if nxt_start - e == 1:
            c = text[e]
            if particle[i]:
                join[i] = 2
                continue
            if c in _HYPHENS:
                join[i] = 1
                hyphen_after[i] = True
                continue
            if c == "." and cap[i] and e - starts[i] <= 3 and ends[i + 1] - nxt_start <= 3:
                join[i] = 1  # dotted abbreviations: "U.S.", "W.Va.", "D.C."
                continue
            gap = c
        else:
            gap = text[e:nxt_start]
        if i in cut_after:
            pass
        elif (len(gap) <= 3 and "\n" not in gap and _SPACES.issuperset(gap)) or (
            gap in (". ", ".") and keys[i] in _SHORT_SAINTS
        ):
            join[i] = 1
        elif len(gap) <= 2 and gap.isspace() and gap.count("\n") == 1 and not cap[i + 1]:
            join[i] = 1  # a line wrapped inside a sentence
        boundary = False
        enders = not _ENDERS.isdisjoint(gap)
        openers = not _OPENERS.isdisjoint(gap)
        if "\n" in gap:
            boundary = cap[i + 1] or gap.count("\n") > 1 or enders or script[i + 1] == "arabic"
        elif enders:
            nxt = text[nxt_start]
            if (nxt.isupper() or nxt.isdigit() or openers or script[i + 1] == "arabic") and not (
                gap[0] == "."
                and (
                    keys[i] in abbreviations
                    or (e - starts[i] == 1 and cap[i])
                    or (nxt.isdigit() and text[e - 1].isdigit() and gap == ".")
                )
            ):
                boundary = True
        if boundary:
            firsts.append(i + 1)
            sentence_starts.append(nxt_start)
        initial[i + 1] = boundary or openers
    sentence: list[int] = []
    sent = 0
    for first in firsts:
        sentence.extend([sent] * (first - len(sentence)))
        sent += 1
    sentence.extend([sent] * (n - len(sentence)))
    count = sent + 1 if n else 0
    return Tokens(
        starts=starts,
        ends=ends,
        keys=keys,
        cap=cap,
        script=script,
        particle=particle,
        join=join,
        hyphen_after=hyphen_after,
        sentence=sentence,
        initial=initial,
        titled=_titled_sentences(words, sentence, count, connectors),
        sentence_starts=sentence_starts,
    )


def _glue(
    text: str, starts: list[int], ends: list[int], elisions: frozenset[str]
) -> tuple[list[int], list[int], list[bool], set[int]]:
    """Words joined by an apostrophe: an elided word is a particle glued to the next ("l'"
    in "l'Arménie"), a possessive "'s" is dropped (and the word before it marked), any other
    apostrophe is inside a name (Kam'yanske). Returns the new starts, ends, particles and
    the tokens followed by a possessive."""
    n = len(starts)
    at = {s: k for k, s in enumerate(starts)}
    particle = [False] * n
    owner = list(range(n))  # the kept token that holds each token
    possessive = [False] * n
    cut: set[int] = set()
    for m in _APOSTROPHE.finditer(text, starts[0], ends[-1]):
        a = m.start()
        k = at.get(a + 1)
        if not k or possessive[k - 1]:
            continue
        j = owner[k - 1]
        if ends[j] != a:
            continue
        if text[starts[j] : ends[j]].lower() in elisions:
            particle[j] = True
        elif ends[k] - starts[k] == 1 and text[a + 1] in "sS":
            possessive[k] = True
            cut.add(j)
        else:
            ends[j] = ends[k]
            owner[k] = j
    keep = [k for k in range(n) if owner[k] == k and not possessive[k]]
    if len(keep) == n:
        return starts, ends, particle, cut
    new = {k: i for i, k in enumerate(keep)}
    return (
        [starts[k] for k in keep],
        [ends[k] for k in keep],
        [particle[k] for k in keep],
        {new[j] for j in cut},
    )


def _titled_sentences(
    words: list[_Word], sentence: list[int], count: int, connectors: frozenset[str]
) -> list[bool]:
    """Sentences written in Title Case or in capitals: most of their words are capitalised."""
    total = [0] * count
    capitalised = [0] * count
    upper = [0] * count
    for (key, cap, _script, long, caps), k in zip(words, sentence, strict=True):
        if long and key not in connectors:
            total[k] += 1
            if cap:
                capitalised[k] += 1
                if caps:
                    upper[k] += 1
    share = config.GEOPARSE_HEADLINE_CAPITALISED_SHARE
    return [
        total[k] >= 3 and (capitalised[k] >= share * total[k] or upper[k] >= share * total[k])
        for k in range(count)
    ]
