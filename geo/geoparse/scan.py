"""A dictionary scan for place names written in the Arabic script.

Arabic has no capitals to tell names from words, writes particles glued to the next word
("وبالخرطوم") and may carry vowel marks. So the names are found from the gazetteer itself:
an Aho-Corasick automaton (``pyahocorasick``) over the gazetteer's Arabic-script keys,
folded by :func:`geo.lang.ar.morph.fold_key`, runs over the folded words of the document
(:func:`geo.lang.ar.morph.normalize`, one character for one, so offsets carry over). A
match counts when it starts where a word starts or after the word's particles
(:func:`geo.lang.ar.morph.name_starts`) and ends where a word ends; matches are taken
longest first without overlaps. Each becomes a :class:`~geo.model.Span` with
``source="scan"``, the gazetteer key, and ``soft`` from the context: 0 after a place
preposition or a region word of the Arabic pack ("في", "محافظة", "مدينة"...), for a name of
several words, a country or a major city, or an Arabic name inside Latin or Cyrillic text;
2 otherwise (recognition decides). Frequent Arabic words that are also the names of small
places (the pack's ``stopwords``, ``common`` and cue lists) are left out.

The automaton is built at first use and kept per process; building takes about a second,
so it is also saved next to the gazetteer cache, keyed on the gazetteer's inputs, and
rebuilt when that file is stale or unreadable.

Examples
--------
>>> from geo.geoparse.candidates import Index
>>> from geo.geoparse.tokenize import tokenize
>>> text = "قصفت الطائرات بإدلب وحلب"
>>> toks = tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())
>>> spans = Scanner(Index.default()).spans(text, toks, [False] * len(toks))
>>> [(text[s.start : s.end], s.key) for s in spans]
[('إدلب', 'ادلب'), ('حلب', 'حلب')]
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import io
import logging
import pickle
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from geo import config
from geo.gazetteer import normalize_name
from geo.geoparse import translit
from geo.geoparse.candidates import (
    AS_PLACE,
    IN_COUNTRIES,
    Index,
    approx_km,
    countries_near,
    feature_of,
    is_water,
)
from geo.lang import get_pack, word_frequency
from geo.lang.ar import morph
from geo.model import Candidate, Span

if TYPE_CHECKING:
    from geo.gazetteer import Place
    from geo.geoparse.tokenize import Tokens

__all__ = [
    "SCAN_VERSION",
    "Scanner",
    "arabic_keys",
    "build_matcher",
    "clear_matchers",
    "load_matcher",
    "matcher_for",
    "save_matcher",
]

logger = logging.getLogger(__name__)

#: Version of the saved automaton's layout and of the rules that fill it; bump it when
#: either changes so saved automata are rebuilt (the folding is checked on its own).
SCAN_VERSION: Final = 3
#: Letters a one-word name has at least (shorter ones are mostly particles and pronouns).
MIN_WORD_LETTERS: Final = 3
#: ``soft`` of a name found without any cue: it needs context (see :attr:`Span.soft`).
SOFT_WITHOUT_CUE: Final = 2

_MAGIC: Final = b"GEOSCAN\x01"
_DIGEST_SIZE: Final = 32
#: Follows every word in the scanned text, and every key in the automaton: matches end
#: where words end, and the automaton reports no name inside a word.
_END: Final = " "
#: Separates words that no name spans (punctuation, other scripts, sentence ends).
_BARRIER: Final = "\n"
_WORD_RE: Final = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+")
#: Where the letters of a script lie (the blocks of :func:`geo.lang.script_of`).
_ARABIC_RANGES: Final = ((0x600, 0x700), (0x750, 0x780), (0x8A0, 0x900), (0xFB50, 0xFF00))
#: How Latin names write the w sound of a first و ("Wad Medani", "Ouargla").
_LATIN_W: Final = ("w", "ou")
#: Features of places whose names follow the pack's natural and water nouns ("جزيرة سقطرى").
_FEATURES: Final = frozenset(
    {"island", "mountain", "river", "lake", "sea", "gulf", "strait", "water"}
)
#: Particles before a name that make it a place ("بإدلب": in Idlib).
_LOCATIVE_PREFIXES: Final = frozenset({"ب", "وب", "فب"})


# --------------------------------------------------------------------------- keys


def _is_arabic_letter(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o < hi for lo, hi in _ARABIC_RANGES)


def is_arabic_key(key: str) -> bool:
    """Whether every letter of ``key`` is in the Arabic script (and it has one).

    Examples
    --------
    >>> is_arabic_key("دير الزور"), is_arabic_key("idlib"), is_arabic_key("٣")
    (True, False, False)
    """
    letters = [ch for ch in key if ch.isalpha()]
    return bool(letters) and all(_is_arabic_letter(ch) for ch in letters)


def arabic_keys(gazetteer: Any) -> list[str]:
    """The gazetteer keys written in the Arabic script (``Gazetteer.script_keys``)."""
    return list(gazetteer.script_keys("arabic"))


# --------------------------------------------------------------------------- automaton


@dataclass(frozen=True)
class _Matcher:
    """The automaton and what its values point at."""

    automaton: Any  # ahocorasick.Automaton (STORE_INTS: value = row of the tables below)
    lengths: list[int]  # folded length of each row's string
    plain: list[tuple[str, ...]]  # gazetteer keys of each row
    fused: list[tuple[str, ...]]  # keys with the article that match here after ل

    @property
    def size(self) -> int:
        return len(self.lengths)


#: Letters the rest of a compound name has at least for its other spelling to be added
#: ("كفر نبل" also as "كفرنبل", not "عين ه" as "عينه": his eye).
MIN_COMPOUND_REST: Final = 3


@functools.cache
def _compound_heads() -> frozenset[str]:
    return _fold_all(get_pack("ar").words["compound_heads"])


def _other_compound_form(folded: str, heads: frozenset[str]) -> str | None:
    """The other spelling of a folded key that begins with a compound head (the pack's
    ``compound_heads``): glued when the key writes it apart, apart when glued; None when
    the key begins with none or the rest is shorter than :data:`MIN_COMPOUND_REST`.

    Examples
    --------
    >>> heads = frozenset({"كفر", "بيت"})
    >>> _other_compound_form("كفر نبل", heads), _other_compound_form("بيتونيا", heads)
    ('كفرنبل', 'بيت ونيا')
    >>> _other_compound_form("بيتي", heads) is None, _other_compound_form("حلب", heads) is None
    (True, True)
    """
    head, sep, rest = folded.partition(" ")
    if sep:
        if head in heads and len(rest.replace(" ", "")) >= MIN_COMPOUND_REST:
            return head + rest
        return None
    for size in sorted({len(head) for head in heads}):
        if folded[:size] in heads and len(folded) - size >= MIN_COMPOUND_REST:
            return folded[:size] + " " + folded[size:]
    return None


def build_matcher(keys: Iterable[str], *, compound_heads: Iterable[str] | None = None) -> _Matcher:
    """Build the automaton over folded keys (and their forms after ل, see the module doc),
    and the other spelling of the compound names ("كفرنبل" for "كفر نبل" and the reverse,
    see :func:`_other_compound_form`) where no key is spelt so.

    Parameters
    ----------
    keys : iterable of str
        Gazetteer keys (normalised by :func:`geo.gazetteer.normalize_name`).
    compound_heads : iterable of str, optional
        The first words of compound names; by default the Arabic pack's ``compound_heads``.

    Returns
    -------
    _Matcher
        The automaton and the keys of each of its strings.

    Examples
    --------
    >>> m = build_matcher(["الخرطوم", "حماة", "حماه", "كفر نبل"], compound_heads=["كفر"])
    >>> sorted(k.strip() for k in m.automaton.keys())
    ['الخرطوم', 'حماه', 'كفر نبل', 'كفرنبل', 'لخرطوم']
    """
    import ahocorasick

    table: dict[str, tuple[list[str], list[str]]] = {}
    aliases: dict[str, list[str]] = {}
    heads = _compound_heads() if compound_heads is None else _fold_all(compound_heads)
    for key in keys:
        folded = morph.fold_key(key)
        if len(folded.replace(" ", "")) < morph.MIN_NAME_LETTERS:
            continue
        plain, _ = table.setdefault(folded, ([], []))
        if key not in plain:
            plain.append(key)
        if folded.startswith("ال") and len(folded) > 3 and folded[2] != " ":
            _, fused = table.setdefault(folded[1:], ([], []))
            if key not in fused:
                fused.append(key)
        other = _other_compound_form(folded, heads)
        if other is not None:
            aliases.setdefault(other, []).append(key)
    for other, of in aliases.items():
        # the other spelling of a compound only where no key is written so itself
        if other not in table:
            table[other] = (of, [])
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    lengths: list[int] = []
    plains: list[tuple[str, ...]] = []
    fuseds: list[tuple[str, ...]] = []
    for row, (folded, (plain, fused)) in enumerate(sorted(table.items())):
        # a name ends where a word ends: the scanned text has a space after every word
        automaton.add_word(folded + _END, row)
        lengths.append(len(folded))
        plains.append(tuple(plain))
        fuseds.append(tuple(fused))
    automaton.make_automaton()
    return _Matcher(automaton, lengths, plains, fuseds)


def _fold_signature() -> str:
    """A digest of the folding rules, so a change to them makes saved automata stale."""
    probe = "".join(chr(c) for lo, hi in _ARABIC_RANGES for c in range(lo, hi))
    probe += "".join(chr(c) for c in range(0x2000, 0x2070))
    return hashlib.sha256(morph.normalize(probe).encode("utf-8", "surrogatepass")).hexdigest()


class _AutomatonUnpickler(pickle.Unpickler):
    """Loads the saved automaton and plain data, and nothing that could run code."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "ahocorasick" and name == "Automaton":
            import ahocorasick

            return ahocorasick.Automaton
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in a saved automaton")


def _cache_path(inputs_key: str, source: str) -> Path:
    from geo.io.files import cache_dir

    return cache_dir() / f"scan-ar-v{SCAN_VERSION}-{source}-{inputs_key[:20]}.ac"


def load_matcher(path: Path, meta: dict[str, Any]) -> _Matcher | None:
    """Read an automaton saved by :func:`save_matcher` with the same ``meta``; None when
    the file is missing, damaged, unreadable or stale (the reason is logged)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        logger.warning("saved automaton %s unreadable (%s); rebuilding it", path, err)
        return None
    head = len(_MAGIC) + _DIGEST_SIZE
    payload = data[head:]
    if (
        data[: len(_MAGIC)] != _MAGIC
        or hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]
    ):
        logger.warning("saved automaton %s is damaged; rebuilding it", path)
        return None
    try:
        found_meta, automaton, lengths, plain, fused = _AutomatonUnpickler(
            io.BytesIO(payload)
        ).load()
    except Exception as err:  # any failure to read our own cache means: rebuild it
        logger.warning("saved automaton %s unreadable (%s); rebuilding it", path, err)
        return None
    if found_meta != meta:
        return None
    return _Matcher(automaton, lengths, plain, fused)


def save_matcher(path: Path, meta: dict[str, Any], matcher: _Matcher) -> None:
    """Save an automaton atomically (a warning, not an error, when that fails) and remove
    the other saved automata of its folder."""
    from geo.io.files import atomic_write

    payload = pickle.dumps(
        (meta, matcher.automaton, matcher.lengths, matcher.plain, matcher.fused),
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    try:
        with atomic_write(path, "wb") as fh:
            fh.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
    except OSError as err:
        logger.warning("cannot save the automaton to %s (%s); keeping it in memory", path, err)
        return
    for old in path.parent.glob("scan-ar-v*.ac"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


_MATCHERS: dict[str, _Matcher] = {}
_LOCK = threading.Lock()


def clear_matchers() -> None:
    """Forget the automata kept in this process (they are read again or rebuilt)."""
    with _LOCK:
        _MATCHERS.clear()


def matcher_for(gazetteer: Any, *, persist: bool = True) -> _Matcher:
    """The automaton of a gazetteer's Arabic-script keys: from memory, from its saved file,
    or built (and saved when ``persist``)."""
    meta_of = getattr(gazetteer, "meta", None)
    inputs_key = meta_of.get("inputs_key") if isinstance(meta_of, dict) else None
    source = "gz"
    if not isinstance(inputs_key, str):
        return build_matcher(arabic_keys(gazetteer))
    memo = f"{source}:{inputs_key}"
    with _LOCK:
        found = _MATCHERS.get(memo)
        if found is not None:
            return found
        meta = {
            "version": SCAN_VERSION,
            "inputs_key": inputs_key,
            "source": source,
            "fold": _fold_signature(),
            "heads": sorted(_compound_heads()),
        }
        path: Path | None = None
        if persist:
            from geo.errors import CacheError

            try:
                path = _cache_path(inputs_key, source)
            except CacheError as err:
                logger.warning("%s; building the Arabic automaton in memory", err)
        found = load_matcher(path, meta) if path is not None else None
        if found is None:
            found = build_matcher(arabic_keys(gazetteer))
            if path is not None:
                save_matcher(path, meta, found)
        _MATCHERS[memo] = found
        return found


# --------------------------------------------------------------------------- word lists


@dataclass(frozen=True)
class _Lists:
    never: frozenset[str]  # never a place alone: function words, cue words, titles...
    common: frozenset[str]  # frequent words, months, weekdays: a place only after a cue
    first_names: frozenset[str]  # given names: a place only after a cue
    cues: frozenset[str]  # a place follows: prepositions, region and settlement nouns
    strong_cues: frozenset[str]  # region and settlement nouns ("محافظة", "مدينة")
    before_person: frozenset[str]  # titles, given names: a person follows
    heads: frozenset[str]  # an institution or a feature follows: not the town's name
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> following words
    particles: frozenset[str] = frozenset()  # name particles (أبو, أم): a name may follow
    regions: frozenset[str] = frozenset()  # region nouns ("ولاية"): a region's name follows
    features: frozenset[str] = frozenset()  # natural and water nouns ("جزيرة", "بحر")
    natural: frozenset[str] = frozenset()  # natural feature nouns ("جبل", "وادي")
    plurals: frozenset[str] = frozenset()  # plural settlement nouns ("مدن", "قرى")
    of_note: frozenset[str] = frozenset()  # facilities also named after people ("مستشفى")
    demonyms: frozenset[str] = frozenset()  # nisba adjectives ("السورية", "السعودية")
    never_but_demonyms: frozenset[str] = frozenset()  # ``never`` without the demonyms
    stopwords: frozenset[str] = frozenset()  # function words: never a name, even listed
    # attached pronouns ("ه", "هم") and verb affixes ("", "وا"), longest first, not folded
    pronoun_suffixes: tuple[str, ...] = ()
    verb_affixes: tuple[tuple[str, str], ...] = ()


def _fold_all(words: Iterable[str]) -> frozenset[str]:
    return frozenset(morph.fold_key(w) for w in words if w)


@functools.cache
def _lists() -> _Lists:
    """The Arabic pack's lists, folded. Its ``place_prepositions`` holds prepositions (which
    are also stop words) and settlement nouns (which are not): the latter are strong cues."""
    w = get_pack("ar").words
    p = get_pack("ar").phrases
    never_lists = [
        *("stopwords", "titles", "org_heads", "org_tails", "region_before", "region_after"),
        *("near", "place_prepositions", "water", "natural", "name_particles"),
        *("byline_words", "vessel_cues", "club_heads", "after_list", "list_words"),
        "facility_before",
    ]
    never_but_demonyms = _fold_all(x for name in never_lists for x in w[name])
    demonyms = _fold_all(w["demonyms"])
    stop = _fold_all(w["stopwords"])
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in (*p["media"], *p["organisations"], *p["people"]):
        words = tuple(morph.fold_key(normalize_name(x)) for x in _WORD_RE.findall(phrase))
        words = tuple(x for x in words if x)
        if words and is_arabic_key(" ".join(words)):
            phrases.setdefault(words[0], []).append(words[1:])
    return _Lists(
        never=never_but_demonyms | demonyms,
        common=_fold_all(w["common"] | w["always_common"] | w["months"] | w["weekdays"]),
        first_names=_fold_all(w["first_names"]) - stop,
        cues=_fold_all(
            w["place_prepositions"] | w["region_before"] | w["near"] | w["facility_before"]
        ),
        strong_cues=_fold_all(w["region_before"] | (w["place_prepositions"] - w["stopwords"])),
        # "على" (on) folds to "علي" (Ali): a stop word is never taken for a given name
        before_person=_fold_all(w["titles"]) | (_fold_all(w["first_names"]) - stop),
        heads=_fold_all(w["org_heads"] | w["natural"] | w["water"] | w["vessel_cues"]),
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        particles=_fold_all(w["name_particles"]),
        regions=_fold_all(w["region_before"]),
        features=_fold_all(w["natural"] | w["water"]),
        natural=_fold_all(w["natural"]),
        plurals=_fold_all(w["plural_settlements"]),
        of_note=_fold_all(w["facility_of_note"]),
        demonyms=demonyms,
        never_but_demonyms=never_but_demonyms,
        stopwords=stop,
        pronoun_suffixes=tuple(sorted(w["pronoun_suffixes"], key=len, reverse=True)),
        verb_affixes=tuple(
            (prefix, suffix)
            for prefix, _, suffix in (
                x.rpartition(" ") for x in sorted(w["verb_affixes"], key=len, reverse=True)
            )
        ),
    )


# --------------------------------------------------------------------------- words


@dataclass(frozen=True)
class _Word:
    """A word folded for matching (one per distinct word, memoised)."""

    letters: str  # folded, placeholders dropped
    starts: tuple[morph.NameStart, ...]
    key_at: tuple[tuple[int, morph.NameStart], ...]  # letter index of each start's key
    index: dict[int, int]  # offset in the word -> index of its letter
    names: frozenset[str]  # the word after each of its particles (article kept)
    bare: frozenset[str]  # ... and after its article too
    definite: bool  # it carries the article

    def surface(self, offset: int) -> str:
        """The folded letters from ``offset`` (in the word as written) to its end."""
        return self.letters[self.index[offset] :]


@functools.lru_cache(maxsize=65536)
def _word(word: str) -> _Word:
    folded = morph.normalize(word)
    at = [i for i, ch in enumerate(folded) if ch != morph.PLACEHOLDER]
    letters = "".join(folded[i] for i in at)
    index = {o: k for k, o in enumerate(at)}
    starts = morph.name_starts(word)
    names = frozenset(letters[index[s.name] :] for s in starts) or frozenset({letters})
    bare = names | {letters[index[s.key] :] for s in starts}
    key_at = tuple((index[s.key], s) for s in starts)
    definite = any(s.name != s.key for s in starts)
    return _Word(letters, starts, key_at, index, names, bare, definite)


@dataclass
class _Match:
    first: int  # token indexes
    last: int
    start: int  # offset of the name in the text (article kept, particles left out)
    length: int  # folded letters matched
    keys: tuple[str, ...]  # gazetteer keys of the folded string
    prefix: str  # folded particles before the name in its first word
    fused: bool
    name_form: str  # folded first word from the name's start
    key_form: str  # folded first word from the key's start
    #: a big town named by a common word after a place preposition ("قرب الأبيض"): kept
    #: only in a document that names a place of its country otherwise, and soft
    needs_country: bool = False
    #: the key is the Latin name of a home place its foreign namesake gave way to
    #: (:meth:`Scanner._home_namesakes`)
    translit: bool = False


# --------------------------------------------------------------------------- scanner


class Scanner:
    """Finds gazetteer names written in the Arabic script (see the module docstring).

    Parameters
    ----------
    index : Index
        The gazetteer as the geoparser sees it.
    keys : iterable of str, optional
        The keys to find (already normalised by :func:`geo.gazetteer.normalize_name`);
        by default the gazetteer's Arabic-script keys, from a cached automaton.
    persist : bool
        Whether the automaton of the gazetteer's keys may be saved to and read from the
        cache folder.

    Examples
    --------
    >>> from geo.geoparse.tokenize import tokenize
    >>> scanner = Scanner(Index.default(), keys=["الخرطوم"])
    >>> text = "وصل الوفد للخرطوم"
    >>> toks = tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())
    >>> [(text[s.start : s.end], s.key, s.first) for s in scanner.spans(text, toks, [False] * 3)]
    [('لخرطوم', 'الخرطوم', 2)]
    """

    def __init__(
        self, index: Index, *, keys: Iterable[str] | None = None, persist: bool = True
    ) -> None:
        self.index = index
        self._keys = None if keys is None else list(keys)
        self._persist = persist
        self._matcher: _Matcher | None = None

    @property
    def matcher(self) -> _Matcher:
        """The automaton (built or loaded at first use)."""
        if self._matcher is None:
            if self._keys is not None:
                self._matcher = build_matcher(self._keys)
            else:
                self._matcher = matcher_for(self.index.gazetteer, persist=self._persist)
        return self._matcher

    def spans(self, text: str, toks: Tokens, blocked: Sequence[bool]) -> list[Span]:
        """The Arabic-script place names of ``text``, in text order, without overlaps.

        Parameters
        ----------
        text : str
            The document.
        toks : Tokens
            Its tokens (:func:`geo.geoparse.tokenize.tokenize`).
        blocked : sequence of bool
            Tokens that belong to no place name (people, organisations, media).

        Returns
        -------
        list of Span
            ``text[s.start:s.end]`` is the name without the particles before it (its
            article kept); ``s.key`` its gazetteer key.
        """
        script = toks.script
        if "arabic" not in script:
            return []
        lists = _lists()
        n = len(toks)
        words: dict[int, _Word] = {}
        parts: list[str] = []
        size = 0
        end_token: dict[int, int] = {}
        starts_at: dict[int, list[tuple[int, morph.NameStart]]] = {}
        prev = -2
        starts, ends, join, sentence = toks.starts, toks.ends, toks.join, toks.sentence
        for i in range(n):
            if script[i] != "arabic":
                continue
            info = _word(text[starts[i] : ends[i]])
            letters = info.letters
            if not letters:
                continue
            words[i] = info
            if parts and not (prev == i - 1 and join[prev] and sentence[prev] == sentence[i]):
                parts.append(_BARRIER)
                size += 1
            for k, s in info.key_at:
                here = starts_at.get(size + k)
                if here is None:
                    starts_at[size + k] = [(i, s)]
                else:
                    here.append((i, s))
            parts.append(letters)
            parts.append(_END)
            size += len(letters)
            end_token[size] = i
            size += 1
            prev = i
        if not words:
            return []
        matcher = self.matcher
        lengths, plain, fused = matcher.lengths, matcher.plain, matcher.fused
        hits: list[tuple[int, int, morph.NameStart, int, tuple[str, ...]]] = []
        for end, row in matcher.automaton.iter("".join(parts)):
            here = starts_at.get(end - lengths[row])
            if here is None:
                continue
            for first, s in here:
                keys = fused[row] if s.fused else plain[row]
                if keys:
                    hits.append((first, end_token[end], s, row, keys))
        off = _phrase_blocked(toks, words, lists)
        for j in _credits(text, toks, words, off):
            off[j] = True
        kept: list[tuple[_Match, str, Candidate | None]] = []
        turned_down: list[_Match] = []
        for first, last, s, row, keys in hits:
            if any(blocked[j] or off[j] for j in range(first, last + 1)):
                continue
            info = words[first]
            if (
                last > first
                and info.letters[info.index[s.name] :] in lists.strong_cues
                and not self._noun_in_name(text, toks, first, last, keys)
            ):
                # "ولاية شمال دارفور", "محافظة إدلب": the region noun is no part of the name
                # (the name after it is matched on its own)
                continue
            m = _Match(
                first=first,
                last=last,
                start=starts[first] + s.name,
                length=lengths[row],
                keys=keys,
                prefix=info.letters[: info.index[s.name]],
                fused=s.fused,
                name_form=info.surface(s.name),
                key_form=info.surface(s.key),
            )
            picked = self._accept(text, toks, words, m, lists)
            if picked is not None:
                kept.append((m, *picked))
            else:
                turned_down.append(m)
        kept = _prefer_lists(text, toks, kept)
        kept.sort(key=lambda t: (-t[0].length, t[0].start))
        taken: set[int] = set()
        chosen: list[tuple[_Match, str, Candidate | None]] = []
        for m, key, best in kept:
            if any(j in taken for j in range(m.first, m.last + 1)):
                continue
            taken.update(range(m.first, m.last + 1))
            chosen.append((m, key, best))
        chosen.sort(key=lambda t: t[0].first)
        if turned_down:
            chosen = self._listed_words(text, toks, words, lists, chosen, turned_down)
        sure = {
            best.place.country_code
            for m, _, best in chosen
            if best is not None and not m.needs_country and best.place.country_code
        }
        chosen = self._home_namesakes(toks, words, lists, chosen)
        chosen = self._units_after_region_nouns(toks, words, lists, chosen)
        far = self._far_namesakes(chosen) | self._unnamed_far_towns(toks, words, lists, chosen)
        out: list[Span] = []
        for m, key, best in chosen:
            if id(m) in far:
                continue
            if m.needs_country:
                if best is None or best.place.country_code not in sure:
                    continue
                soft = SOFT_WITHOUT_CUE
            else:
                soft = self._soft(text, toks, words, m, best, lists, out)
            out.append(
                Span(
                    start=m.start,
                    end=toks.ends[m.last],
                    first=m.first,
                    last=m.last,
                    key=key,
                    lang="ar",
                    source="translit" if m.translit else "scan",
                    soft=soft,
                )
            )
        return self._transliterated(text, toks, blocked, words, off, lists, out)

    # -- decisions
    def _noun_in_name(
        self, text: str, toks: Tokens, first: int, last: int, keys: Sequence[str]
    ) -> bool:
        """Whether a name that begins with a region or settlement noun keeps it: the rest
        alone names none of its places ("ريف دمشق", Rif Dimashq, which "دمشق" is not;
        "إقليم كردستان"), unlike "ولاية الجزيرة", the state "الجزيرة" names too."""
        whole = {c.place.id for k in keys for c in self.index.candidates(k, variants=False)}
        if not whole:
            return False
        rest = normalize_name(text[toks.starts[first + 1] : toks.ends[last]])
        return whole.isdisjoint(c.place.id for c in self.index.candidates(rest, variants=False))

    def _listed_words(
        self,
        text: str,
        toks: Tokens,
        words: dict[int, _Word],
        lists: _Lists,
        chosen: list[tuple[_Match, str, Candidate | None]],
        turned_down: Sequence[_Match],
    ) -> list[tuple[_Match, str, Candidate | None]]:
        """``chosen`` and the names turned down as common words that the document names
        elsewhere for sure (the same key chosen: "بلدة سوق الخميس ... من سوق الخميس"), or, one word
        each, that go on a list after a chosen
        name, joined to it by و or ف, among the places of that name's country: "الشارقة
        والعين" (Sharjah and Al Ain, not "the eye"). A word of the pack's ``never`` lists
        ("الجزيرة": the island) goes on a list of regions only (a region of that country), a
        common word on any list; stop words and given names never do.

        The key keeps the places of the country (:data:`IN_COUNTRIES`); a list goes on
        from a name found so ("الشارقة والعين والذيد").
        """
        by_last = {
            m.last: best
            for m, _, best in chosen
            if best is not None and not m.needs_country and best.place.country_code
        }
        taken = {j for m, _, _ in chosen for j in range(m.first, m.last + 1)}
        # the keys the document names for sure: a common word written again is the same name
        # ("مدينة العين ... الطريق الذي يربط العين بالساحل"), unless an adjective after a
        # definite noun ("البيت الأبيض") or a head noun's name
        named = {key: best for m, key, best in chosen if best is not None and not m.needs_country}
        added: list[tuple[_Match, str, Candidate | None]] = []
        for m in sorted(turned_down, key=lambda x: (x.first, -x.last)):
            if any(j in taken for j in range(m.first, m.last + 1)):
                continue
            key, _ = self._key_of(text, toks, m)
            again = named.get(key)
            if again is not None:
                forms = {m.name_form, m.key_form, words[m.first].letters}
                word = self._word_before(toks, words, m.first)
                if not (
                    forms & lists.never
                    or (
                        word is not None
                        and (
                            # an adjective after a definite noun ("البيت الأبيض"), unless a
                            # preposition is attached, which no adjective takes ("فرق الإنقاذ
                            # للجديدة": rescue teams to El Jadida)
                            (word.definite and not _has_preposition(m))
                            or not word.bare.isdisjoint(lists.heads)
                            or not word.bare.isdisjoint(lists.before_person)
                            # "مستشفى جرش" in a report that names Jerash: the town's
                            # hospital, unless the name is a man's ("مستشفى ناصر")
                            or (word.bare & lists.of_note and forms & lists.first_names)
                        )
                    )
                ):
                    added.append((m, key, again))
                    taken.update(range(m.first, m.last + 1))
                    continue
            if m.last > m.first:
                continue  # several words go on no list here
            before = by_last.get(m.first - 1)
            if (
                before is None
                or toks.sentence[m.first - 1] != toks.sentence[m.first]
                # "و" joins a common word to the list: after a comma or a space alone it is
                # the word ("حلب، جديدة": Aleppo, new...; "صلالة ينقّل": Salalah, it moves)
                or not m.prefix.startswith(("و", "ف"))
            ):
                continue
            forms = {m.name_form, m.key_form, words[m.first].letters}
            article = m.name_form[2:] if m.name_form.startswith("ال") else ""
            if (
                not forms.isdisjoint(lists.first_names)
                or not forms.isdisjoint(lists.stopwords)
                or article in lists.stopwords
            ):
                continue
            regions_only = bool(forms & lists.never or article in lists.never)
            country = before.place.country_code
            same = [
                c
                for c in self.index.candidates(key, variants=False)
                if c.place.country_code == country
                and (not regions_only or c.place.kind == "region")
            ]
            if not same:
                continue
            added.append((m, f"{key}{IN_COUNTRIES}{country}", same[0]))
            by_last[m.last] = same[0]
            taken.add(m.first)
        if not added:
            return chosen
        return sorted([*chosen, *added], key=lambda t: t[0].first)

    def _far_namesakes(self, chosen: Sequence[tuple[_Match, str, Candidate | None]]) -> set[int]:
        """The ids of the one-word matches that name only a small town far away: every place
        of the key lies outside the countries whose places the Arabic press writes
        (:meth:`_foreign_only`), none is big, and the document's other names are all of
        those countries and none of the town's (a word of a report on Syria that only a
        small town of Poland is named: a settlement noun before it hands it to the
        approximate places)."""
        found: set[int] = set()
        home = translit.arabic_countries()
        keys_of: dict[str, set[str]] = {}  # country -> the keys naming a place of it
        for n, k, b in chosen:
            if b is not None and b.place.country_code and not n.needs_country:
                keys_of.setdefault(b.place.country_code, set()).add(k)
        for m, key, best in chosen:
            if (
                m.first != m.last
                or best is None
                or best.place.kind != "city"
                or Index.is_major(best)
                or best.place.country_code in home
            ):
                continue
            others = {cc for cc, ks in keys_of.items() if len(ks) > 1 or key not in ks}
            if others and others <= home and self._foreign_only(key):
                found.add(id(m))
        return found

    def _unnamed_far_towns(
        self,
        toks: Tokens,
        words: dict[int, _Word],
        lists: _Lists,
        chosen: Sequence[tuple[_Match, str, Candidate | None]],
    ) -> set[int]:
        """The ids of the one-word matches read as a small town of a country where Arabic is
        not written (:func:`~geo.geoparse.translit.arabic_far_countries`: Ukraine, Russia)
        that nothing else supports: no settlement or region noun before the word, and no
        other name of the document (the country itself or another of its places) in that
        country. Such towns' names, spelt consonant for consonant, often spell a common
        word ("مرفأ", a port, is also a Ukrainian town's name)."""
        far = translit.arabic_far_countries()
        if not far:
            return set()
        found: set[int] = set()
        for m, key, best in chosen:
            if (
                m.first != m.last
                or best is None
                or best.place.kind != "city"
                or best.place.country_code not in far
                or Index.is_major(best)
                or best.place.population >= config.GEOPARSE_HOME_NAMESAKE_MAX_POPULATION
                or self._cue_before(toks, words, m, lists) == 2
            ):
                continue
            # (the same word written again is no other name)
            cc = best.place.country_code
            if not any(
                b is not None and b.place.country_code == cc and k != key for _, k, b in chosen
            ):
                found.add(id(m))
        return found

    def _home_namesakes(
        self,
        toks: Tokens,
        words: dict[int, _Word],
        lists: _Lists,
        chosen: list[tuple[_Match, str, Candidate | None]],
    ) -> list[tuple[_Match, str, Candidate | None]]:
        """``chosen``, with the one-word names whose places all lie in other countries than
        those the document's other names place (a village of Syria called "الحاجب" in a report
        on Morocco) handed to the place of those countries that their Latin names reach
        (:meth:`Index.transliterated`: El Hajeb), within
        :data:`geo.config.GEOPARSE_TRANSLIT_NEAR_KM` of one of the document's other places.
        The gazetteer has the Arabic names of few villages, so an Arabic name that matches a
        foreign place is as often a home village it lacks in Arabic.

        The key names the place (:data:`AS_PLACE`). Countries and big towns keep their
        names.
        """
        # what the document says for sure: the names after a cue, of several words or of note
        by_key: dict[str, Candidate] = {}
        for m, k, b in chosen:
            if (
                b is not None
                and not m.needs_country
                and b.place.country_code
                and (
                    m.last > m.first or Index.is_major(b) or self._cue_before(toks, words, m, lists)
                )
            ):
                by_key.setdefault(k, b)
        if not by_key:
            return chosen
        # the keys that give way, decided where a cue names the word a place ("في الحاجب"),
        # then for every match of the key: one sense per document
        home_of: dict[str, tuple[str, Candidate]] = {}
        for m, key, best in chosen:
            if (
                key in home_of
                or m.first != m.last
                or m.needs_country
                or best is None
                or best.place.kind == "country"
                or (best.place.kind == "city" and Index.is_major(best))
                or (
                    best.place.kind == "city"
                    and best.place.population >= config.GEOPARSE_HOME_NAMESAKE_MAX_POPULATION
                )
                or IN_COUNTRIES in key
                or AS_PLACE in key
                or any(
                    form in lists.common or form in lists.first_names or form in lists.never
                    for form in (m.name_form, m.key_form)
                )
            ):
                continue
            others = [b.place for k, b in by_key.items() if k != key]
            home = {p.country_code for p in others if p.country_code}
            points = [p for p in others if p.kind != "country"]
            if not points:
                continue
            cands = self.index.candidates(key, variants=False)
            if any(c.place.country_code in home for c in cands):
                continue
            # a cue names the word a place; without one, places of another continent only
            # (a Brazilian state for a Sudanese town) are no reading of a story's word either
            cue = self._cue_before(toks, words, m, lists)
            if not cue and not _all_far(cands, points):
                continue
            found = self._translit_near(key, home, points)
            if found is not None and (
                cue or found.place.country_code not in translit.arabic_far_countries()
            ):
                # (a word handed to a town of a country where Arabic is not written needs
                # a cue before it: "وافته المنية", death came to him, names no town)
                home_of[key] = (f"{key}{AS_PLACE}{found.place.id}", found)
        if not home_of:
            return chosen
        out: list[tuple[_Match, str, Candidate | None]] = []
        for m, key, best in chosen:
            if key in home_of and m.first == m.last:
                m.translit = True
                out.append((m, *home_of[key]))
            else:
                out.append((m, key, best))
        return out

    def _units_after_region_nouns(
        self,
        toks: Tokens,
        words: dict[int, _Word],
        lists: _Lists,
        chosen: list[tuple[_Match, str, Candidate | None]],
    ) -> list[tuple[_Match, str, Candidate | None]]:
        """``chosen``, with the names written after a region noun ("ولاية البحر الأحمر",
        "ولاية نهر النيل") kept to the first-level region of the name when there is one:
        after "ولاية" the River Nile is the state of Sudan, not the river (the key names the
        region's place, :data:`AS_PLACE`), when it lies in a country the document names."""
        named = {b.place.country_code for _, _, b in chosen if b is not None}
        out: list[tuple[_Match, str, Candidate | None]] = []
        for m, key, best in chosen:
            before = self._word_before(toks, words, m.first)
            unit = None
            if (
                best is not None
                and feature_of(best.place) != "admin1"
                and IN_COUNTRIES not in key
                and AS_PLACE not in key
                and before is not None
                and before.bare & lists.regions
            ):
                # a unit of a country the document names (not Egypt's Red Sea governorate in
                # a report on Sudan, whose state the gazetteer lacks in Arabic)
                unit = next(
                    (
                        c
                        for c in self.index.candidates(key, variants=False)
                        if feature_of(c.place) == "admin1" and c.place.country_code in named
                    ),
                    None,
                )
            if unit is None:
                out.append((m, key, best))
            else:
                out.append((m, f"{key}{AS_PLACE}{unit.place.id}", unit))
        return out

    def _translit_near(
        self, key: str, countries: set[str], points: Sequence[Place]
    ) -> Candidate | None:
        """The best place that ``key`` reaches through the Latin names of the gazetteer in
        ``countries``, the nearest to one of ``points`` and within
        :data:`geo.config.GEOPARSE_TRANSLIT_NEAR_KM` of it, and none of them; None when there
        is none."""
        named = {p.id for p in points}
        near = [
            (
                min(
                    approx_km(c.place.latitude, c.place.longitude, p.latitude, p.longitude)
                    for p in points
                ),
                c,
            )
            for c in self.index.transliterated(key)
            # a place the document names otherwise is not named by this word too
            if c.place.country_code in countries and c.place.id not in named
        ]
        near = [(km, c) for km, c in near if km < config.GEOPARSE_TRANSLIT_NEAR_KM]
        return min(near, key=lambda t: t[0])[1] if near else None

    def _names_admin1(self, keys: Sequence[str]) -> bool:
        """Whether one of ``keys`` is the name of a first-level region."""
        return any(
            feature_of(c.place) == "admin1"
            for k in keys
            for c in self.index.candidates(k, variants=False)
        )

    def _foreign_only(self, key: str) -> bool:
        """Whether every place of ``key`` lies outside the countries whose place names the
        Arabic press writes with the article (the Arabic pack's ``translit_countries``)."""
        countries = translit.arabic_countries()
        return all(
            c.place.country_code not in countries
            for c in self.index.candidates(key, variants=False)
        )

    def _best(self, key: str) -> Candidate | None:
        cs = self.index.candidates(key, variants=False)
        return cs[0] if cs else None

    def _key_of(self, text: str, toks: Tokens, m: _Match) -> tuple[str, Candidate | None]:
        """The gazetteer key of a match: the one written as in the text, else the one
        whose best place ranks highest (folding merges ة/ه, ى/ي...)."""
        if len(m.keys) == 1:
            return m.keys[0], self._best(m.keys[0])
        written = normalize_name(text[m.start : toks.ends[m.last]])
        if m.fused:
            written = "ا" + written
        if written in m.keys:
            return written, self._best(written)
        ranked = [(k, self._best(k)) for k in m.keys]
        return max(ranked, key=lambda kb: kb[1].prior if kb[1] is not None else -1.0)

    def _accept(
        self, text: str, toks: Tokens, words: dict[int, _Word], m: _Match, lists: _Lists
    ) -> tuple[str, Candidate | None] | None:
        """The key and best place of a match that may name a place here, or None."""
        key, best = self._key_of(text, toks, m)
        area = best is not None and (
            best.place.kind == "country"
            or Index.is_area(best)
            or feature_of(best.place) == "admin1"
        )
        if m.prefix and not area and self._construct_before(toks, words, m.first, lists):
            # a settlement or region noun takes a town's name bare, in the construct state:
            # "ناحية بعشيقة" (a subdistrict of Nineveh) is no ب + a place "عشيقة"; a country or
            # region after ب is where it lies ("قرية بريف حلب", a village of rural Aleppo)
            return None
        if m.first == m.last:
            info = words[m.first]
            forms = {m.name_form, m.key_form, info.letters}
            # "الجزيرة" (the island) is as little a name alone as "جزيرة"
            # ("للجزيرة": ل + الجزيرة, its alef dropped)
            if m.name_form.startswith("ال"):
                article = m.name_form[2:]
            else:
                article = m.name_form[1:] if m.fused else ""
            if (
                (forms & lists.never or article in lists.never)
                and not (area and self._region_named(toks, words, m, forms | {article}, lists))
                and not self._country_not_adjective(toks, words, m, forms, best, lists)
            ):
                return None
            if len(m.key_form.replace(" ", "")) < MIN_WORD_LETTERS:
                return None
            if (
                m.name_form.startswith("ال")
                and not key.startswith("ال")
                and not area
                and self._foreign_only(key)
            ):
                # a foreign town's name takes no article in Arabic: "باليستي" (ballistic,
                # ب + ال + يستي) is no Yeste
                return None
            if (
                best is not None
                and not Index.is_major(best)
                and self._cue_before(toks, words, m, lists) < 2
                and self._reads_as_word(text, toks, m, key, lists)
            ):
                # "رددوا" (they chanted), "لكنه" (but he), "تدمّر" (it destroys): a word
                return None
            # "المصدر" (the source) is as common as "مصدر", also when a village of that name
            # is keyed with its article
            common = bool(forms & lists.common) or article in lists.common
            given = bool(forms & lists.first_names)
            if common or given:
                # "المدينة" (the city) is Medina only as "مدينة المدينة"; "رياض" a man
                # unless "في رياض"; "مالي" (financial) Mali only as "في مالي"
                cue = self._cue_before(toks, words, m, lists)
                notable = area or (given and best is not None and Index.is_major(best))
                if cue == 2 and common:
                    # "مدينة العين" names the town; "قرية جديدة" (a new village) and
                    # "المدينة الجديدة" (the new town) describe one: an adjective agrees
                    # with its noun, a name after an indefinite noun is definite
                    before = self._word_before(toks, words, m.first)
                    if before is not None and before.bare & lists.plurals:
                        # "أكبر مدن البلاد" (the biggest towns of the country): where the
                        # towns lie, not their name
                        return None
                    if before is not None and before.definite and m.name_form.startswith("ال"):
                        # "المناطق الشرقية" (the eastern areas): an adjective, even of an
                        # area's name
                        return None
                    described = before is None or before.definite
                    cue = 1 if described or not m.name_form.startswith("ال") else 2
                if not (cue == 2 or (cue == 1 and notable)):
                    if not (
                        cue == 1
                        and common
                        and not given
                        and best is not None
                        and Index.is_major(best)
                        # "في المدينة" (in the town), "العاصمة": a settlement noun
                        and info.bare.isdisjoint(lists.cues)
                    ):
                        return None
                    # "قرب الأبيض" (near El Obeid, or near the white one): a big town in a
                    # document about its country (the recognition weighs the rest)
                    m.needs_country = True
            before = self._word_before(toks, words, m.first)
            if (
                before is not None
                and area
                and best is not None
                and best.place.kind != "country"
                and before.bare & lists.features
            ):
                # "وادي مأرب", "سهل نينوى": a valley, a plain or a river
                # named after the region it lies in, which the gazetteer lacks: the whole
                # phrase, the region's place
                offset = _feature_offset(before, lists.features)
                if offset is not None:
                    m.first -= 1
                    m.start = toks.starts[m.first] + offset
                    return key, best
            if (
                before is not None
                and before.bare & lists.of_note
                and (best is None or best.prior < config.GEOPARSE_NOTABLE_PRIOR)
            ):
                # "مستشفى ناصر" (named after a person) against "مستشفى الموصل"
                return None
            # "جزيرة سقطرى": an island's name after the noun island, a river's after river
            named_feature = (
                best is not None
                and before is not None
                and bool(before.bare & lists.features)
                and feature_of(best.place) in _FEATURES
            )
            if before is not None and (
                (before.bare & lists.heads and not named_feature)
                or (before.names & lists.before_person and not area)
                # "أبو سالم", "بن علي": the word after a name particle belongs to a name
                or (before.letters in lists.particles and not area)
            ):
                # "وزارة الدفاع", "جبل X", "الرئيس X": not the town's name ("سفير روسيا" is)
                return None
            return key, best
        # several words: a cue word first ("مدينة حلب") leaves the name to the shorter match
        first_forms = {m.name_form, m.key_form}
        if (
            first_forms & lists.cues
            and not area
            and not self._noun_in_name(text, toks, m.first, m.last, m.keys)
        ):
            return None
        # a water body named by its noun and an adjective ("البحر الأحمر"), a mountain or an
        # island by its noun and a common word ("جبل الشيخ"): common words both, a name together
        water = (
            best is not None
            and (is_water(best.place) or best.place.feature in _FEATURES)
            and bool(words[m.first].bare & lists.features)
        )
        names = [m.name_form, *(words[j].letters for j in range(m.first + 1, m.last + 1))]
        if all(x in lists.never or x in lists.common for x in names) and not (area or water):
            # common words together ("منزل جميل": a fine house; "سوق الخميس": the Thursday
            # market) name a place after a settlement noun ("مدينة منزل جميل"), or a town of
            # note after a place preposition
            cue = self._cue_before(toks, words, m, lists)
            notable = best is not None and best.prior >= config.GEOPARSE_NOTABLE_PRIOR
            if not (cue == 2 or (cue == 1 and notable)) or names[0] in lists.never:
                return None
        return key, best

    def _reads_as_word(self, text: str, toks: Tokens, m: _Match, key: str, lists: _Lists) -> bool:
        """Whether a one-word match reads as an Arabic word rather than the name: an
        inflected frequent word (:func:`_inflected`), a frequent word as written with the
        particles the match leaves out ("لكنه": but he, not ل + a name), or a shadda that the
        places of the name lack (:func:`_doubling_unmatched`)."""
        written = text[m.start : toks.ends[m.last]]
        word = text[toks.starts[m.first] : toks.ends[m.last]]
        if _inflected(normalize_name(written), lists) or _inflected(normalize_name(word), lists):
            return True
        if m.prefix:
            whole = normalize_name(text[toks.starts[m.first] : toks.ends[m.last]])
            if word_frequency(whole, ("ar",)) >= config.GEOPARSE_AR_PREFIXED_WORD_ZIPF:
                return True
        places = (c.place for c in self.index.candidates(key, variants=False))
        return _doubling_unmatched(written, places)

    def _region_named(
        self,
        toks: Tokens,
        words: dict[int, _Word],
        m: _Match,
        forms: set[str],
        lists: _Lists,
    ) -> bool:
        """Whether a region's name that is a feature noun ("الجزيرة": the island) follows a
        region noun ("ولاية الجزيرة", "محافظة البحر الأحمر"): the noun makes it a name."""
        before = self._word_before(toks, words, m.first)
        if before is None or not before.bare & lists.regions:
            return False
        return {f for f in forms if f in lists.never} <= lists.features

    def _country_not_adjective(
        self,
        toks: Tokens,
        words: dict[int, _Word],
        m: _Match,
        forms: set[str],
        best: Candidate | None,
        lists: _Lists,
    ) -> bool:
        """Whether a country's name that is also a nisba adjective ("السعودية": Saudi
        Arabia, and Saudi) names the country here: an adjective follows the noun it
        describes and agrees with it in the article ("القوات السعودية", "الحدود السعودية"),
        a name stands after a verb, a preposition or at the start of a clause ("دعت
        السعودية", "في السعودية"); after "و" it goes on a list of the same kind as the word
        before it."""
        if best is None or best.place.kind != "country" or forms & lists.never_but_demonyms:
            return False
        before = self._word_before(toks, words, m.first)
        if before is None:
            return True
        if m.prefix.startswith(("و", "ف")):
            # "الإمارات والسعودية" (a list of places) against "الأمريكية والسعودية"
            # (a list of adjectives)
            return before.names.isdisjoint(lists.demonyms)
        return not before.definite

    @staticmethod
    def _word_before(toks: Tokens, words: dict[int, _Word], i: int) -> _Word | None:
        j = i - 1
        if j < 0 or toks.join[j] == 0 or toks.sentence[j] != toks.sentence[i]:
            return None
        return words.get(j)

    def _cue_before(self, toks: Tokens, words: dict[int, _Word], m: _Match, lists: _Lists) -> int:
        """2 after a region or settlement noun ("محافظة", "مدينة"); 1 after a place
        preposition ("في", "قرب") or with ب on the name ("بإدلب"); 0 without a cue."""
        return self._cue(toks, words, m.first, m.prefix, lists)

    def _construct_before(
        self, toks: Tokens, words: dict[int, _Word], first: int, lists: _Lists
    ) -> bool:
        """Whether an indefinite settlement or region noun stands right before token
        ``first`` ("بلدة", "محافظة"): a noun in the construct state, whose name follows it
        bare, with no conjunction or preposition glued to it ("المدينة ووادي الضيف", the
        town and Wadi al-Deif: a definite noun is in no construct state)."""
        before = self._word_before(toks, words, first)
        return before is not None and not before.definite and bool(before.bare & lists.strong_cues)

    def _cue(
        self, toks: Tokens, words: dict[int, _Word], first: int, prefix: str, lists: _Lists
    ) -> int:
        before = self._word_before(toks, words, first)
        forms = before.bare if before is not None else frozenset()
        if forms & lists.strong_cues:
            return 2
        if prefix in _LOCATIVE_PREFIXES or forms & lists.cues:
            return 1
        return 0

    # -- names the gazetteer has in Latin letters only
    def _transliterated(
        self,
        text: str,
        toks: Tokens,
        blocked: Sequence[bool],
        words: dict[int, _Word],
        off: Sequence[bool],
        lists: _Lists,
        found: list[Span],
    ) -> list[Span]:
        """``found`` and the Arabic words that name a place of the document's countries
        through the Latin names of the gazetteer (:meth:`Index.transliterated`): words no
        name matched, after a place cue or next in a list of places (``source="translit"``).

        A skeleton of fewer than :data:`geo.config.GEOPARSE_TRANSLIT_SHORT_SKELETON` letters
        needs a settlement or region noun before it ("مدينة", "بلدة", "محافظة"); so does a
        name in a document that names no place in its known words. Two words are tried
        before one ("مدينة أبو زبد"). A name found so is also found where the document
        writes it again without a cue (:meth:`_same_names`).
        """
        taken = {j for s in found for j in range(s.first, s.last + 1)}
        # what the document says for sure: the names found with a cue or of note
        bests = [b.place for b in (self._best(s.key) for s in found if not s.soft) if b]
        countries = {p.country_code for p in bests if p.country_code is not None}
        points = [p for p in bests if p.kind != "country"]
        home = _home_countries(bests)
        out = list(found)
        by_last = {s.last: s for s in found}
        # a settlement or region noun (2) makes a word a name more surely than a
        # preposition or a list (1): a commoner word, farther from the document's places
        limit = {1: config.GEOPARSE_TRANSLIT_MAX_ZIPF, 2: config.GEOPARSE_TRANSLIT_MAX_ZIPF_CUED}
        km = {1: config.GEOPARSE_TRANSLIT_NEAR_KM, 2: config.GEOPARSE_TRANSLIT_NEAR_KM_CUED}
        starts, ends = toks.starts, toks.ends
        never, no_name = (
            lists.never - lists.particles,
            lists.never | lists.common | lists.first_names,
        )
        for i, info in words.items():
            if i in taken or blocked[i] or off[i] or not never.isdisjoint(info.names):
                continue
            # a word of its own, or the first of two ("أبو زبد")
            alone = lists.never.isdisjoint(info.names) and no_name.isdisjoint(info.bare)
            listed = self._listed(text, toks, i, info, by_last)
            # a cue word before the word, or a list: ب alone ("بادرت") is too weak a cue
            before = self._cue(toks, words, i, "", lists)
            if not (listed or before) and self._listed_after_home(
                text, toks, i, info, by_last, countries
            ):
                # "غمرت إفران وصفرو": a list after a name found without a cue, of a
                # country the document names for sure, is a cue as a preposition is
                before = 1
            if before and not listed:
                prev = self._word_before(toks, words, i)
                if prev is not None and prev.bare & lists.of_note:
                    continue  # "مستشفى X": a person's name as often, and no town of note
            cue = 2 if listed else before
            if not cue:
                continue
            # a settlement or region noun right before: a commoner word, farther away
            strength = 2 if before == 2 else 1
            # a document that names no place yet: a settlement noun is cue enough
            allowed = home or (translit.arabic_countries() if cue == 2 else set())
            span = None
            inflected = any(
                _inflected(normalize_name(text[starts[i] + o : ends[i]]), lists)
                for o in {st.name for st in info.starts} | {0}
            )
            # two words first ("أبو زبد", "كفر كلا"), then one
            for last in (i + 1, i):
                if (last == i and not alone) or (
                    last > i and not self._goes_on(toks, words, i, blocked, off, taken, lists)
                ):
                    continue
                for offset in _name_offsets(info, prefer_particles=listed):
                    key = normalize_name(text[starts[i] + offset : ends[last]])
                    skeletons = translit.arabic_skeletons(key)
                    if (
                        not skeletons
                        # two letters left after a particle: the particle is the word's
                        # first letter ("بصر" is no ب + "صر")
                        or (offset > 0 and len(key.replace(" ", "")) < MIN_WORD_LETTERS)
                        # a settlement or region noun takes its name bare ("بلدة بزاعة" is
                        # no ب + "زاعة")
                        or (offset > 0 and self._construct_before(toks, words, i, lists))
                        # an inflected word after any of its particles ("عناصره",
                        # "ويخطون"), or a frequent word as written with the particles left
                        # out ("لكنه": but he), unless a settlement or region noun names it
                        or (
                            before != 2
                            and (
                                inflected
                                or (
                                    offset > 0
                                    and word_frequency(
                                        normalize_name(text[starts[i] : ends[i]]), ("ar",)
                                    )
                                    >= limit[strength]
                                )
                            )
                        )
                        or (len(skeletons[0]) < config.GEOPARSE_TRANSLIT_SHORT_SKELETON and not cue)
                        or any(word_frequency(k, ("ar",)) >= limit[2] for k in _with_article(key))
                        # two frequent words: a phrase ("وقف فوري", an immediate halt), not a
                        # name with a particle ("أبو سليم")
                        or (
                            last > i
                            and info.letters not in lists.particles
                            and all(
                                word_frequency(k, ("ar",)) >= limit[strength] for k in key.split()
                            )
                        )
                    ):
                        continue
                    # a short skeleton after a preposition or on a list: only a place close
                    # to the document's places ("في دوز")
                    # (and so a word a little commoner than a preposition allows, "عبري")
                    short = len(skeletons[0]) < config.GEOPARSE_TRANSLIT_SHORT_SKELETON
                    tight = (short and cue < 2) or any(
                        word_frequency(k, ("ar",)) >= limit[strength] for k in _with_article(key)
                    )
                    near = countries_near(
                        self.index.transliterated(key),
                        allowed,
                        points,
                        km=config.GEOPARSE_TRANSLIT_SHORT_NEAR_KM if tight else km[strength],
                    )
                    if tight and not points:
                        near = set()
                    if near and self._conjunction_of_name(info, offset, key, near):
                        # "سنار، ودمدني": و is the first letter of "Wad Medani", which the
                        # skeleton leaves out, not a conjunction
                        offset = 0
                        key = normalize_name(text[starts[i] : ends[last]])
                    if near:
                        span = Span(
                            start=starts[i] + offset,
                            end=ends[last],
                            first=i,
                            last=last,
                            key=key + IN_COUNTRIES + ",".join(sorted(near)),
                            lang="ar",
                            source="translit",
                            soft=0,
                        )
                        break
                if span is not None:
                    out.append(span)
                    by_last[last] = span
                    taken.update(range(i, last + 1))
                    break
        if len(out) > len(found):
            out += self._same_names(
                text, toks, blocked, words, off, lists, out[len(found) :], taken
            )
        return sorted(out, key=lambda s: s.first) if len(out) > len(found) else found

    def _conjunction_of_name(self, info: _Word, offset: int, key: str, countries: set[str]) -> bool:
        """Whether a word read as و + ``key`` is a name that begins with و itself: the
        skeletons leave a first و out (a vowel or w), so both readings reach the same
        places, and the best of them in ``countries`` writes a w sound first in Latin
        ("ودمدني": Wad Medani; "وحلب" is و + Halab, Aleppo)."""
        if not offset or info.letters[: info.index[offset]] != "و" or key.startswith("و"):
            return False
        articles = get_pack("common").words["arabic_articles"]
        for c in self.index.transliterated(key):
            if c.place.country_code in countries:
                words = [w for w in normalize_name(c.place.name).split() if w not in articles]
                return bool(words) and words[0].startswith(_LATIN_W)
        return False

    def _same_names(
        self,
        text: str,
        toks: Tokens,
        blocked: Sequence[bool],
        words: dict[int, _Word],
        off: Sequence[bool],
        lists: _Lists,
        named: Sequence[Span],
        taken: set[int],
    ) -> list[Span]:
        """The other places of the document where a name found through its Latin names
        (``named``) is written again, without a cue ("إن المناقل" after "مدينة المناقل"): one
        sense per document, as the resolver groups the spans of a key."""
        by_name: dict[tuple[str, int], Span] = {}
        for span in named:
            by_name.setdefault((text[span.start : span.end], span.last - span.first), span)
        never = lists.never - lists.particles
        out: list[Span] = []
        starts, ends = toks.starts, toks.ends
        for i, info in words.items():
            if i in taken or blocked[i] or off[i] or not never.isdisjoint(info.names):
                continue
            for (name, extra), span in by_name.items():
                last = i + extra
                if any(
                    j in taken or j not in words or blocked[j] or off[j] for j in range(i, last + 1)
                ):
                    continue
                whole = text[starts[i] : ends[last]]
                if not whole.endswith(name):
                    continue
                offset = len(whole) - len(name)
                if offset and offset not in {s.name for s in info.starts}:
                    continue  # the name inside a longer word, not after its particles
                out.append(
                    Span(
                        start=starts[i] + offset,
                        end=ends[last],
                        first=i,
                        last=last,
                        key=span.key,
                        lang="ar",
                        source="translit",
                        soft=span.soft,
                    )
                )
                taken.update(range(i, last + 1))
                break
        return out

    @staticmethod
    def _goes_on(
        toks: Tokens,
        words: dict[int, _Word],
        i: int,
        blocked: Sequence[bool],
        off: Sequence[bool],
        taken: set[int],
        lists: _Lists,
    ) -> bool:
        """Whether the Arabic word after word ``i`` may belong to the same name: joined by a
        space in the same sentence, no name found, no function, cue or common word of the
        pack (frequent words are common inside names: "أبو زبد", "عين العرب")."""
        j = i + 1
        nxt = words.get(j)
        return (
            nxt is not None
            and j not in taken
            and not blocked[j]
            and not off[j]
            and toks.join[i] != 0
            and toks.sentence[i] == toks.sentence[j]
            and lists.never.isdisjoint(nxt.names)
            and lists.common.isdisjoint(nxt.bare)
            and lists.cues.isdisjoint(nxt.names)
            and lists.never.isdisjoint(nxt.bare)
        )

    def _listed_after_home(
        self,
        text: str,
        toks: Tokens,
        i: int,
        info: _Word,
        by_last: dict[int, Span],
        countries: set[str],
    ) -> bool:
        """Whether a word goes on a list (:meth:`_listed`) after a name found without a cue
        whose best place lies in one of ``countries``."""
        before = by_last.get(i - 1)
        if before is None or not before.soft:
            return False
        best = self._best(before.key)
        if best is None or best.place.country_code not in countries:
            return False
        return self._listed(text, toks, i, info, {i - 1: replace(before, soft=0)})

    @staticmethod
    def _listed(text: str, toks: Tokens, i: int, info: _Word, by_last: dict[int, Span]) -> bool:
        """Whether a word goes on a list of places: "الحصاحيصا ورفاعة", "إدلب، سراقب"."""
        before = by_last.get(i - 1)
        if before is None or before.soft or toks.sentence[i - 1] != toks.sentence[i]:
            return False
        gap = text[toks.ends[i - 1] : toks.starts[i]]
        # a space alone is no list ("محافظ جرش سامر الحمدان": the governor, a person)
        return info.letters.startswith(("و", "ف")) or (_is_list_gap(gap) and bool(gap.strip()))

    def _soft(
        self,
        text: str,
        toks: Tokens,
        words: dict[int, _Word],
        m: _Match,
        best: Candidate | None,
        lists: _Lists,
        previous: Sequence[Span],
    ) -> int:
        if m.last > m.first:
            return 0
        if best is not None and (best.place.kind == "country" or Index.is_major(best)):
            return 0
        if self._names_admin1(m.keys):
            # a province's name ("حضرموت", "مأرب"): no common word by accident (those of
            # the pack's common words needed a cue to get here)
            return 0
        if self._cue_before(toks, words, m, lists):
            return 0
        # an Arabic name quoted inside Latin or Cyrillic text ("Strikes hit إدلب and ...")
        sentence = toks.sentence[m.first]
        neighbours = [
            j
            for j in (m.first - 1, m.last + 1)
            if 0 <= j < len(toks) and toks.sentence[j] == sentence
        ]
        if neighbours and all(toks.script[j] not in ("arabic", "other") for j in neighbours):
            return 0
        # a list goes on: "في إدلب وسراقب", "في إدلب، سراقب"
        if previous and previous[-1].soft == 0 and previous[-1].last == m.first - 1:
            gap = text[toks.ends[m.first - 1] : m.start]
            if toks.sentence[m.first - 1] == sentence and (
                m.prefix.startswith("و") or _is_list_gap(gap)
            ):
                return 0
        return SOFT_WITHOUT_CUE


def _has_preposition(m: _Match) -> bool:
    """Whether a preposition (ب ل ك) is attached before the name of a match."""
    return m.fused or any(ch in morph.PREPOSITIONS for ch in m.prefix)


def _inflected(word: str, lists: _Lists) -> bool:
    """Whether a word reads as a frequent Arabic word with an attached pronoun ("عناصره":
    its members) or as a verb form of a frequent stem ("رددوا": they chanted; "يخطون": they
    write), after the pack's ``pronoun_suffixes`` and ``verb_affixes``.

    ``word`` is a normalised key (:func:`~geo.gazetteer.normalize_name`) without the
    particles before the name, in which ة and ه still differ: the ta marbuta ends many names,
    the pronoun ه none. A name that happens to end so after a rare stem ("سيئون") is kept.

    Examples
    --------
    >>> lists = _lists()
    >>> _inflected("عناصره", lists), _inflected("رددوا", lists), _inflected("يخطون", lists)
    (True, True, True)
    >>> _inflected("سيئون", lists), _inflected("رفاعة", lists), _inflected("يارون", lists)
    (False, False, False)
    """
    if " " in word:
        return False
    for suffix in lists.pronoun_suffixes:
        stem = word[: -len(suffix)]
        if (
            word.endswith(suffix)
            and len(stem) >= MIN_WORD_LETTERS
            and word_frequency(stem, ("ar",)) >= config.GEOPARSE_AR_STEM_ZIPF
        ):
            return True
    for prefix, suffix in lists.verb_affixes:
        if not (word.startswith(prefix) and word.endswith(suffix)):
            continue
        stem = word[len(prefix) : len(word) - len(suffix)]
        if prefix:
            # "يخطون": the stem alone is a frequent word ("خط")
            if (
                len(stem) >= morph.MIN_NAME_LETTERS
                and word_frequency(stem, ("ar",)) >= config.GEOPARSE_AR_STEM_ZIPF
            ):
                return True
        elif (
            len(stem) >= MIN_WORD_LETTERS
            # the stem as the verb's imperfect ("يردد" for "رددوا"): the stem alone is often
            # a noun of its own that names ending so share ("بيد" in "بيدوا", Baidoa)
            and word_frequency("ي" + stem, ("ar",)) >= config.GEOPARSE_AR_VERB_STEM_ZIPF
        ):
            return True
    return False


#: The shadda, the mark of a doubled consonant.
_SHADDA: Final = "\u0651"
#: A doubled consonant in a Latin name ("Tammun", "Ar Raqqah").
_DOUBLED_LATIN: Final = re.compile(r"([b-df-hj-np-tv-z])\1")


def _doubling_unmatched(written: str, places: Iterable[Place]) -> bool:
    """Whether a word is written with a shadda (a doubled consonant) that none of the places
    of its name has: their Latin names, which write a doubled consonant twice ("Tammūn",
    "Ar Raqqah"), double none. "تدمّر" (it destroys) is no "Tadmur".

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> tadmur = Place("x", "Tadmur", "city", 34.6, 38.3, "SY", None, None, 0, "gn")
    >>> _doubling_unmatched("تدمّر", [tadmur]), _doubling_unmatched("تدمر", [tadmur])
    (True, False)
    """
    if _SHADDA not in written:
        return False
    return not any(_DOUBLED_LATIN.search(normalize_name(p.name)) for p in places)


def _feature_offset(info: _Word, nouns: frozenset[str]) -> int | None:
    """Where the feature noun of a word starts, its particles left out ("ووادي": 1)."""
    for o in sorted({s.name for s in info.starts}):
        if info.surface(o) in nouns:
            return o
    return None


def _with_article(key: str) -> tuple[str, str]:
    """A one-word key with and without the article ("منكوبة" is as common as "المنكوبة")."""
    return (key, key[2:]) if key.startswith("ال") else (key, "ال" + key)


def _name_offsets(info: _Word, *, prefer_particles: bool) -> list[int]:
    """Where a name may start in a word (as written, article kept): after the particles
    before an article ("والبقاع"), else the whole word first, or in a list ("ورفاعة") after
    one particle first."""
    offsets = sorted({s.name for s in info.starts})
    if not offsets:
        return [0]
    definite = [o for o in offsets if o and info.surface(o).startswith("ال")]
    if definite:
        preferred = definite[0]
    else:
        preferred = offsets[1] if prefer_particles and len(offsets) > 1 else offsets[0]
    return sorted(offsets, key=lambda o: (o != preferred, o))


def _is_list_gap(gap: str) -> bool:
    """Whether the text between two names is a list separator (a comma, "و", or "أو")."""
    rest = gap.replace("،", " ").replace(",", " ").strip()
    return rest in ("", "و", "او", "أو")


def _prefer_lists(
    text: str, toks: Tokens, kept: list[tuple[_Match, str, Candidate | None]]
) -> list[tuple[_Match, str, Candidate | None]]:
    """Choose between the two readings of a word that starts with و right after a name,
    the whole word ("وجدة": Oujda) and و + a name ("جدة": Jeddah), when both name places.

    The reading whose place lies in the country of the name before it wins ("الرياض وجدة"
    is Riyadh and Jeddah, "الرباط، وجدة" Rabat and Oujda).
    Else the gap decides: a space alone needs the conjunction to make a list, so the word
    is و + a name; after a comma the list needs none, so a name that begins with و keeps
    its first letter. The reading dropped is the whole word's (the longer match, which wins
    the overlap otherwise) or the one after و.
    """
    ends = {m.last: best for m, _, best in kept}
    after_conj = {m.first: best for m, _, best in kept if m.prefix == "و"}
    whole = {m.first: best for m, _, best in kept if m.prefix == ""}
    out = []
    for t in kept:
        m = t[0]
        first = m.first
        if (
            first not in after_conj
            or first not in whole
            or first - 1 not in ends
            or toks.sentence[first - 1] != toks.sentence[first]
        ):
            out.append(t)
            continue
        gap = text[toks.ends[first - 1] : toks.starts[first]]
        if not _is_list_gap(gap):
            out.append(t)
            continue
        before = ends[first - 1]
        country = before.place.country_code if before is not None else None

        def home(best: Candidate | None, country: str | None = country) -> bool:
            return country is not None and best is not None and best.place.country_code == country

        whole_home, rest_home = home(whole[first]), home(after_conj[first])
        # a tie: the whole word after a comma, the conjunction after a space alone
        keep_whole = whole_home if whole_home != rest_home else bool(gap.strip())
        if m.prefix == "" and not keep_whole:
            continue
        if m.prefix == "و" and keep_whole:
            continue
        out.append(t)
    return out


def _phrase_blocked(toks: Tokens, words: dict[int, _Word], lists: _Lists) -> list[bool]:
    """Tokens inside a name of the pack's media, organisations and people, also when its
    first word carries particles ("لقوات سوريا الديمقراطية")."""
    n = len(toks)
    out = [False] * n
    if not lists.phrases:
        return out
    for i, info in words.items():
        for form in info.bare:
            tails = lists.phrases.get(form)
            if not tails:
                continue
            for tail in tails:
                last = i + len(tail)
                if last >= n or any(
                    toks.join[j] == 0 or j + 1 not in words or words[j + 1].letters != tail[j - i]
                    for j in range(i, last)
                ):
                    continue
                for j in range(i, last + 1):
                    out[j] = True
                break
    return out


#: A line break: datelines are lines.
_LINE_BREAK: Final = re.compile("\n")
#: Dashes of an Arabic dateline ("دمشق - وكالات").
_DASHES: Final = frozenset("-–—")
#: Opening quotes of a name quoted after "لـ" ("لـ«الشرق الأوسط»").
_OPEN_QUOTES: Final = frozenset('«"“')
_CLOSE_QUOTES: Final = frozenset('»"”')


def _credits(text: str, toks: Tokens, words: dict[int, _Word], media: Sequence[bool]) -> list[int]:
    r"""The Arabic words that credit a medium rather than name a place: the credit after the
    dash of a dateline line ("بغداد - الشرق الأوسط": the newspaper of that name, not
    the Middle East; or after a colon when quoted: "البصرة: «الشرق الأوسط»"), unless a
    known medium stands before the dash ("عنب بلدي - حلب": ``media``, the tokens of the
    pack's media and organisations), and a name quoted right after the preposition ل
    ("قال لـ«الشرق الأوسط»": told the newspaper), which news writes so for media and
    people.

    Examples
    --------
    >>> from geo.geoparse.tokenize import tokenize
    >>> text = "بغداد - الشرق الأوسط\nقال مسؤول لـ«الشرق الأوسط» إن الوضع في الشرق الأوسط خطير"
    >>> toks = tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())
    >>> words = {i: _word(text[toks.starts[i] : toks.ends[i]]) for i in range(len(toks))}
    >>> found = _credits(text, toks, words, [False] * len(toks))
    >>> [text[toks.starts[i] : toks.ends[i]] for i in found]
    ['الشرق', 'الأوسط', 'الشرق', 'الأوسط']
    """
    out: list[int] = []
    n = len(toks)
    # datelines: the words of each line (found by the positions of the line breaks, once)
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    line_of: dict[int, list[int]] = {}
    for i in words:
        line_of.setdefault(bisect.bisect_left(breaks, toks.starts[i]), []).append(i)
    for k, idx in line_of.items():
        line_start = breaks[k - 1] + 1 if k else 0
        line = text[line_start : breaks[k] if k < len(breaks) else len(text)]
        line_stop = line_start + len(line)
        if toks.ends[idx[0]] > line_stop:
            continue
        in_line = list(range(idx[0], max(idx[0], bisect.bisect_left(toks.starts, line_stop))))
        if len(in_line) > config.GEOPARSE_AR_DATELINE_WORDS:
            continue
        dash = next((k for k, ch in enumerate(line) if ch in _DASHES), None)
        colon = line.find(":")
        if (dash is None or 0 <= colon < dash) and colon >= 0:
            # "البصرة: «الشرق الأوسط»": a colon, when a quoted name alone follows (not
            # "اقرأ أيضاً: غارات على الموصل", a headline)
            rest = line[colon + 1 :].strip()
            if rest[:1] in _OPEN_QUOTES and rest[-1:] in _CLOSE_QUOTES:
                dash = colon
        if dash is None:
            continue
        before = [j for j in in_line if toks.ends[j] <= line_start + dash]
        if (
            not before
            or len(before) > config.GEOPARSE_AR_DATELINE_PLACE_WORDS
            or any(media[j] for j in before)
        ):
            continue
        credit = [j for j in in_line if toks.starts[j] > line_start + dash]
        # a credit is a name or two, no sentence ("دمشق - قتل أربعة أشخاص في قصف على صيدا.":
        # the story starts after the dash)
        if len(credit) > config.GEOPARSE_AR_DATELINE_CREDIT_WORDS or line.rstrip()[-1:] in ".!؟?":
            continue
        out.extend(j for j in credit if j in words)
    # a name quoted after ل
    for i, info in words.items():
        if info.letters != "ل" or i + 1 >= n:
            continue
        gap = text[toks.ends[i] : toks.starts[i + 1]].replace(morph.PLACEHOLDER, "").strip()
        if not gap or gap[-1] not in _OPEN_QUOTES:
            continue
        for j in range(i + 1, min(n, i + 1 + config.GEOPARSE_AR_QUOTED_WORDS)):
            if j not in words:
                break
            out.append(j)
            after = text[toks.ends[j] : toks.starts[j + 1] if j + 1 < n else len(text)]
            if any(ch in _CLOSE_QUOTES for ch in after):
                break
    return sorted(set(out))


def _home_countries(places: Sequence[Place]) -> set[str]:
    """The countries the document's sure places (``places``) are mostly in: those of at
    least :data:`geo.config.GEOPARSE_TRANSLIT_HOME_SHARE` as many towns and regions as the
    country of the most; the countries of ``places`` when none is a town or region.

    A country the document names only in passing (Israel in a report on south Lebanon)
    lends its Latin names to no Arabic word of the story: they are other spellings of its
    home villages the gazetteer lacks.

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> def town(cc: str) -> Place:
    ...     return Place(cc, cc, "city", 33.0, 35.5, cc, None, None, 0, "gn")
    >>> sorted(_home_countries([town("LB"), town("LB"), town("LB"), town("IL")]))
    ['LB']
    """
    counts: dict[str, int] = {}
    for p in places:
        if p.kind != "country" and p.country_code is not None:
            counts[p.country_code] = counts.get(p.country_code, 0) + 1
    if not counts:
        return {p.country_code for p in places if p.country_code is not None}
    top = max(counts.values())
    return {cc for cc, n in counts.items() if n >= config.GEOPARSE_TRANSLIT_HOME_SHARE * top}


def _all_far(cs: Sequence[Candidate], points: Sequence[Place]) -> bool:
    """Whether every place of ``cs`` is a region farther than
    :data:`geo.config.GEOPARSE_HOME_NAMESAKE_FAR_KM` from each of ``points`` (the
    document's towns and regions): the gazetteer has the Arabic names of the regions of
    every continent, which transliterate alike the villages it lacks in Arabic.

    Examples
    --------
    >>> from geo.gazetteer import Place
    >>> here = Place("a", "A", "region", 13.7, 30.4, "SD", None, None, 0, "gn")
    >>> far = Place("b", "B", "region", -4.4, -52.6, "BR", None, None, 0, "ne")
    >>> _all_far([Candidate(far, 1.0)], [here]), _all_far([Candidate(here, 1.0)], [here])
    (True, False)
    """
    km = config.GEOPARSE_HOME_NAMESAKE_FAR_KM
    return bool(cs) and all(
        c.place.kind == "region"
        and approx_km(c.place.latitude, c.place.longitude, p.latitude, p.longitude) > km
        for c in cs
        for p in points
    )
