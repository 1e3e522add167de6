"""Arabic word forms: one-for-one normalisation for dictionary matching, attached particles.

Arabic writes prepositions, conjunctions and the article glued to the next word
("وبالخرطوم": and-in-the-Khartoum), in a script without capitals, and with optional vowel
marks (harakat) and stretching (tatweel). A dictionary scan (:mod:`geo.geoparse.scan`)
therefore needs:

- :func:`normalize`: text folded for matching, **one character for one**, so offsets in the
  folded text are offsets in the document. Marks that :func:`geo.gazetteer.normalize_name`
  deletes (harakat, hamza above and below, apostrophes) and tatweel and invisible joiners
  become :data:`PLACEHOLDER`, which matching skips; the alef forms أ إ آ ٱ become ا, ى
  becomes ي, ة becomes ه, Persian ک and ی become ك and ي; Arabic-Indic digits are kept.
- :func:`fold_key`: the same folding applied to a gazetteer key (from ``normalize_name``),
  with the placeholders dropped, so that folded keys and folded text compare equal;
- :func:`name_starts` and :func:`strip_clitics`: where inside a word a name may start after
  the particles و ف (and), ب ك ل (in, like, to) and the article ال, including the rule
  that ل + ال is written لل ("للخرطوم": "الخرطوم" with its alef dropped).

Examples
--------
>>> normalize("إِدْلِب") == "ا" + PLACEHOLDER + "د" + PLACEHOLDER + "ل" + PLACEHOLDER + "ب"
True
>>> fold_key("حماة"), fold_key("الرقة") == fold_key("الرقه")
('حماه', True)
>>> strip_clitics("وبالخرطوم")
(0, 1, 2, 4)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final, NamedTuple

__all__ = [
    "PLACEHOLDER",
    "PREPOSITIONS",
    "NameStart",
    "fold_key",
    "name_starts",
    "normalize",
    "strip_clitics",
    "strip_marks",
]

#: What a character without a letter of its own (a vowel mark, tatweel, a joiner) becomes
#: in :func:`normalize`: the tatweel, itself a letter-less filler, which matching skips.
PLACEHOLDER: Final = "\u0640"

#: Letters folded beyond :func:`geo.gazetteer.normalize_name` (which already turns أ إ آ
#: into ا, ؤ into و and ئ into ي by removing the hamza).
_EXTRA: Final = {
    "ٱ": "ا",  # alef wasla
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "ا",
    "ى": "ي",  # alef maqsura, written for final ya in Egypt and Sudan
    "ة": "ه",  # ta marbuta, often written ه
    "ی": "ي",  # Persian yeh (keyboards)
    "ک": "ك",  # keheh
    "ە": "ه",
    "ۀ": "ه",
}
#: Characters with no letter of their own that :func:`normalize_name` keeps.
_SILENT: Final = frozenset("\u0640\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff")
#: Blocks whose characters are folded by a table (others are kept as they are).
_BLOCKS: Final = (
    (0x0000, 0x0250),
    (0x0370, 0x0530),
    (0x0600, 0x0780),
    (0x08A0, 0x0900),
    (0x1E00, 0x1F00),
    (0x2000, 0x2070),
    (0xFB50, 0xFE00),
    (0xFE70, 0xFF00),
)

#: Conjunctions, prepositions and the article that attach to the next word.
_CONJUNCTIONS: Final = frozenset("وف")
PREPOSITIONS: Final = frozenset("بكل")
_ARTICLE: Final = "ال"
#: Letters a name keeps at least after its particles.
MIN_NAME_LETTERS: Final = 2


def _fold_char(ch: str) -> str:
    """The one character ``ch`` becomes (``PLACEHOLDER`` when it has no letter of its own)."""
    from geo.gazetteer import normalize_name

    if ch in _SILENT:
        return PLACEHOLDER
    if ch.isspace():
        return " "
    folded = normalize_name(ch)
    if folded == "":
        # marks, apostrophes; hyphens and dots are spaces to normalize_name (stripped alone)
        decomposed = unicodedata.normalize("NFKD", ch)
        if decomposed and all(unicodedata.combining(c) for c in decomposed):
            return PLACEHOLDER
        return " " if normalize_name("a" + ch + "a") == "a a" else PLACEHOLDER
    if len(folded) != 1:
        low = ch.lower()
        return low if len(low) == 1 else ch  # ligatures and the like: kept as written
    return _EXTRA.get(folded, folded)


@functools.cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _BLOCKS:
        for code in range(lo, hi):
            ch = chr(code)
            folded = _fold_char(ch)
            if folded != ch:
                table[code] = folded
    for ch in _SILENT:
        table[ord(ch)] = PLACEHOLDER
    return table


def normalize(text: str) -> str:
    """Fold ``text`` for dictionary matching, one character for one.

    Parameters
    ----------
    text : str
        Any text (Arabic, or Arabic names inside Latin or Cyrillic text).

    Returns
    -------
    str
        Same length as ``text``: letters folded as :func:`geo.gazetteer.normalize_name`
        folds them (case, diacritics, hamza seats) plus the extra Arabic foldings of the
        module docstring; characters without a letter of their own become
        :data:`PLACEHOLDER`; white space and the punctuation ``normalize_name`` turns into
        spaces become one space each. Other characters are kept.

    Examples
    --------
    >>> text = "قصفت الطائرات مدينةَ حماة"
    >>> folded = normalize(text)
    >>> len(folded) == len(text), folded.replace(PLACEHOLDER, "").endswith("مدينه حماه")
    (True, True)
    """
    return text.translate(_table())


@functools.lru_cache(maxsize=65536)
def fold_key(key: str) -> str:
    """The folded form of a gazetteer key (or of any text): :func:`normalize` without its
    placeholders, runs of spaces made one, stripped.

    ``fold_key(normalize_name(name))`` equals the folded text of ``name`` in a document
    (:func:`normalize` with placeholders dropped), which is what the scan compares.

    Examples
    --------
    >>> fold_key("مُسْتَشْفَى") == fold_key("مستشفي")
    True
    """
    folded = normalize(key).replace(PLACEHOLDER, "")
    return " ".join(folded.split())


class NameStart(NamedTuple):
    """Where a name may start inside a word, after its attached particles.

    Attributes
    ----------
    key : int
        Offset in the word where the gazetteer key starts.
    name : int
        Offset where the name as written starts: ``key``, or before it when the article is
        written but the key lacks it ("الفاشر" found under "فاشر" starts at the article).
    fused : bool
        The word has ل + ال written لل and ``key`` is at the article's ل: a key with the
        article ("الخرطوم") matches here without its alef ("لخرطوم").
    """

    key: int
    name: int
    fused: bool


@functools.lru_cache(maxsize=65536)
def name_starts(word: str) -> tuple[NameStart, ...]:
    """Every place inside ``word`` where a name may start, offsets into ``word`` as written.

    The particles: an optional conjunction (و ف), then an optional preposition (ب ك ل),
    then the article ال, which names keep when the gazetteer has them with it and lose
    when it has them without ("الفاشر" and "فاشر" both occur). After ل the article's alef
    is not written ("للخرطوم" is ل + الخرطوم). At least :data:`MIN_NAME_LETTERS` letters
    remain after the particles. Vowel marks and tatweel between letters are skipped.

    Examples
    --------
    >>> [tuple(s) for s in name_starts("للخرطوم")]
    [(0, 0, False), (1, 1, False), (1, 1, True), (2, 1, False)]
    >>> [s.key for s in name_starts("الفاشر")], [s.name for s in name_starts("الفاشر")]
    ([0, 2], [0, 0])
    """
    folded = normalize(word)
    pos = [i for i, ch in enumerate(folded) if ch != PLACEHOLDER]
    letters = "".join(folded[i] for i in pos)
    n = len(letters)
    found: list[NameStart] = []

    def add(key: int, name: int, fused: bool) -> None:
        if n - key >= MIN_NAME_LETTERS:
            start = NameStart(pos[key], pos[name], fused)
            if start not in found:
                found.append(start)

    if n < MIN_NAME_LETTERS:
        return ()
    conjunctions = [0, 1] if letters[0] in _CONJUNCTIONS else [0]
    for c in conjunctions:
        preps = [c, c + 1] if c < n and letters[c] in PREPOSITIONS else [c]
        for p in preps:
            add(p, p, False)
            if letters.startswith(_ARTICLE, p):
                add(p + len(_ARTICLE), p, False)
            if p > c and letters[c] == "ل" and p < n and letters[p] == "ل":
                # ل + ال: "للخرطوم"; the name is written from the article's ل on
                add(p, p, True)
                add(p + 1, p, False)
    return tuple(sorted(found, key=lambda s: (s.key, s.fused)))


def strip_clitics(word: str) -> tuple[int, ...]:
    """Offsets inside ``word`` where a name may start after attached particles.

    See :func:`name_starts` (this is its ``key`` offsets, the word's start included).

    Examples
    --------
    >>> strip_clitics("بإدلب"), strip_clitics("وحلب"), strip_clitics("الخرطوم")
    ((0, 1), (0, 1), (0, 2))
    >>> strip_clitics("للخرطوم"), strip_clitics("فلسطين")
    ((0, 1, 2), (0, 1, 2))
    """
    return tuple(sorted({s.key for s in name_starts(word)}))


#: What Arabic writes or leaves out at will: the vowel marks (harakat, shadda, sukun, the
#: dagger alef) and tatweel, the stretching of a line.
_OPTIONAL_MARKS: Final = re.compile("[\u064b-\u065f\u0670\u0640]")


def strip_marks(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without the marks Arabic may leave out, and where each character was.

    The event rules (:mod:`geo.events`) are written without vowel marks; a text that has
    some ("قُتل", "شهيداً") is read without them. The second value gives, for each character
    of the result, its offset in ``text`` (empty when nothing was removed).

    Examples
    --------
    >>> strip_marks("قُتل ٣")
    ('قتل ٣', (0, 2, 3, 4, 5))
    >>> strip_marks("Kyiv")
    ('Kyiv', ())
    """
    if _OPTIONAL_MARKS.search(text) is None:
        return text, ()
    # the runs between marks, not a test per character
    where: list[int] = []
    kept = 0
    for mark in _OPTIONAL_MARKS.finditer(text):
        where.extend(range(kept, mark.start()))
        kept = mark.end()
    where.extend(range(kept, len(text)))
    return _OPTIONAL_MARKS.sub("", text), tuple(where)
