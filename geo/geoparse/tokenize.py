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
from dataclasses import dataclass, field
from typing import Final

from geo import config
from geo.gazetteer import normalize_name
from geo.lang import script_of

__all__ = ["Tokens", "tokenize"]

#: A word: letters and digits, with the combining marks of decomposed Latin text and of
#: vocalised Arabic (harakat, tatweel) kept inside it.
_WORD: Final = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640])+")
_APOSTROPHES: Final = frozenset("'’ʼ‘`´")
_HYPHENS: Final = frozenset("-‐‑")
_OPENERS: Final = frozenset('"«“„(:[—–')
_ENDERS: Final = frozenset(".!?…؟۔")
_SPACES: Final = frozenset(" \t\xa0\u202f\u2009")
_SHORT_SAINTS: Final = ("st", "ste", "mt", "ft")

_NORMALIZED: dict[str, str] = {}


def word_key(word: str) -> str:
    """The normalised key of one word (memoised)."""
    key = _NORMALIZED.get(word)
    if key is None:
        key = normalize_name(word)
        if len(_NORMALIZED) < config.GEOPARSE_CACHE_SIZE:
            _NORMALIZED[word] = key
    return key


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
    starts: list[int] = []
    ends: list[int] = []
    particle: list[bool] = []
    cut_after: set[int] = set()  # token indexes followed by a possessive 's
    last_end = -2
    for m in _WORD.finditer(text, start, stop):
        s, e = m.span()
        if starts and s - last_end == 1 and text[s - 1] in _APOSTROPHES:
            prev = text[starts[-1] : ends[-1]].lower()
            if prev in elisions:
                particle[-1] = True
            elif e - s == 1 and text[s] in "sS":
                cut_after.add(len(starts) - 1)
                continue
            else:  # a name with an apostrophe inside (Kam'yanske, N'Djamena is an elision)
                ends[-1] = last_end = e
                continue
        starts.append(s)
        ends.append(e)
        particle.append(False)
        last_end = e

    n = len(starts)
    keys: list[str] = []
    cap: list[bool] = []
    script: list[str] = []
    cached = _NORMALIZED.get
    for s, e in zip(starts, ends, strict=True):
        word = text[s:e]
        key = cached(word)
        keys.append(key if key is not None else word_key(word))
        first = word[0]
        cap.append(first.isupper())
        script.append("latin" if first < "\u0250" else script_of(word))
    join = [0] * n
    hyphen_after = [False] * n
    sentence = [0] * n
    initial = [False] * n
    if n:
        initial[0] = True
    sentence_starts = [starts[0] if n else start]
    sent = 0
    for i in range(n - 1):
        sentence[i] = sent
        e = ends[i]
        nxt_start = starts[i + 1]
        if nxt_start - e == 1:
            c = text[e]
            if c == " " and i not in cut_after:
                join[i] = 1
                continue
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
        elif (len(gap) <= 3 and "\n" not in gap and all(c in _SPACES for c in gap)) or (
            gap in (". ", ".") and keys[i] in _SHORT_SAINTS
        ):
            join[i] = 1
        elif len(gap) <= 2 and gap.isspace() and gap.count("\n") == 1 and not cap[i + 1]:
            join[i] = 1  # a line wrapped inside a sentence
        boundary = False
        enders = any(c in _ENDERS for c in gap)
        openers = any(c in _OPENERS for c in gap)
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
            sent += 1
            sentence_starts.append(nxt_start)
        initial[i + 1] = boundary or openers
    if n:
        sentence[n - 1] = sent
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
        titled=_titled_sentences(text, starts, ends, keys, cap, sentence, count, connectors),
        sentence_starts=sentence_starts,
    )


def _titled_sentences(
    text: str,
    starts: list[int],
    ends: list[int],
    keys: list[str],
    cap: list[bool],
    sentence: list[int],
    count: int,
    connectors: frozenset[str],
) -> list[bool]:
    """Sentences written in Title Case or in capitals: most of their words are capitalised."""
    words = [0] * count
    capitalised = [0] * count
    upper = [0] * count
    for i, key in enumerate(keys):
        if ends[i] - starts[i] < 4 or key in connectors:
            continue
        k = sentence[i]
        words[k] += 1
        if cap[i]:
            capitalised[k] += 1
            if text[starts[i] : ends[i]].isupper():
                upper[k] += 1
    share = config.GEOPARSE_HEADLINE_CAPITALISED_SHARE
    return [
        words[k] >= 3 and (capitalised[k] >= share * words[k] or upper[k] >= share * words[k])
        for k in range(count)
    ]
