"""The tokenizer gives exactly what it gave before it was made faster.

``reference_tokenize`` is the former implementation, kept here as the specification: the
same words, keys, joins and sentences for any text (hypothesis) and for the benchmark corpus.
"""

from __future__ import annotations

import re
from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from geo import config
from geo.geoparse.filters import words_for
from geo.geoparse.tokenize import Tokens, tokenize, word_key
from geo.lang import LANGUAGES, script_of

_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640])+")
_APOSTROPHES = frozenset("'’ʼ‘`´")
_HYPHENS = frozenset("-‐‑")
_OPENERS = frozenset('"«“„(:[—–')
_ENDERS = frozenset(".!?…؟۔")
_SPACES = frozenset(" \t\xa0\u202f\u2009")
_SHORT_SAINTS = ("st", "ste", "mt", "ft")


def reference_tokenize(
    text: str,
    start: int,
    end: int | None,
    *,
    elisions: frozenset[str],
    abbreviations: frozenset[str],
    connectors: frozenset[str] = frozenset(),
) -> Tokens:
    """The tokenizer as it was before it was made faster (geo 8277359)."""
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
    for s, e in zip(starts, ends, strict=True):
        word = text[s:e]
        keys.append(word_key(word))
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
        titled=_reference_titled(text, starts, ends, keys, cap, sentence, count, connectors),
        sentence_starts=sentence_starts,
    )


def _reference_titled(
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


W = words_for(LANGUAGES)
OPTIONS = {
    "elisions": W["elisions"],
    "abbreviations": W["abbreviations"],
    "connectors": W["connectors"],
}


def _same(text: str, start: int = 0) -> None:
    got = tokenize(text, start, None, **OPTIONS)
    want = reference_tokenize(text, start, None, **OPTIONS)
    for f in fields(Tokens):
        assert getattr(got, f.name) == getattr(want, f.name), (f.name, text)


#: Letters, marks, apostrophes, hyphens, spaces and punctuation that steer the tokenizer.
_ALPHABET = (
    "aAbSsltdLDqQuUé\u0301\u064eКкиХ\u0627\u0644\u0628\u0640"
    "'’ʼ‘`´-‐‑ .,!?…؟:;()[]«»\"“„—–\n\t\xa0\u202f0123456789_"
)


@given(st.text(alphabet=_ALPHABET, max_size=80), st.integers(min_value=0, max_value=5))
def test_same_tokens_as_before(text: str, start: int) -> None:
    _same(text, min(start, len(text)))


@given(
    st.lists(
        st.sampled_from(
            [
                "l'",
                "d'",
                "qu'",
                "L'",
                "Kam'yanske",
                "N'Djamena",
                "Russia's",
                "it's",
                "'s",
                "St. ",
                "U.S. ",
                "Gen. ",
                "A. ",
                "al-",
                "Sud-Ouest",
                " ",
                ". ",
                ".\n",
                "\n\n",
                ", ",
                "« ",
                " »",
                "(",
                ")",
                "Paris",
                "paris",
                "ИЗЮМ",
                "Харків",
                "إدلب",
                "3.5",
                "12",
            ]
        ),
        max_size=25,
    )
)
def test_same_tokens_as_before_on_words(parts: list[str]) -> None:
    _same("".join(parts))


def test_same_tokens_as_before_on_the_benchmark_corpus() -> None:
    from bench.corpus import iter_corpus

    for doc in iter_corpus(60):
        _same(doc["text"], 16)
