"""Tests of geo.events.prefilter: the keyword prefilter finds exactly what the pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.events.actors import find_actors
from geo.events.prefilter import Prefiltered, literal_prefixes
from geo.events.rules import get_rules, languages_with_rules


def _spans(matches: object) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


def test_prefixes_of_lists_optional_particles_and_digits() -> None:
    p = re.compile(r"(?<!\w)(?:(?:al-)?qa[e']?da|isis)(?!\w)", re.IGNORECASE)
    assert literal_prefixes(p) == frozenset({"al-qa", "qaeda", "qa'da", "qada", "isis"})
    assert literal_prefixes(re.compile(r"\w+ said")) is None
    assert literal_prefixes(re.compile(r"[^x]ab")) is None
    digits = literal_prefixes(re.compile(r"\d+ killed"))
    assert digits is not None and "7" in digits and "٧" in digits


def test_prefixes_past_an_optional_group_longer_than_a_prefix() -> None:
    # "armed " is longer than PREFIX_CHARS: its beginning is complete, and "forces" follows
    # when it is left out (the actor templates: "(?:armed )?forces", "(?:ракетн\w* )?удар")
    p = re.compile(r"(?<!\w)(?:(?:armed )?forces|(?:ракетн\w* )?удар\w*)", re.IGNORECASE)
    assert literal_prefixes(p) == frozenset({"armed", "force", "ракет", "удар"})
    text = "Armed forces and forces; ракетный удар, удары, forced"
    assert _spans(Prefiltered(p).finditer(text)) == _spans(p.finditer(text))
    assert literal_prefixes(re.compile(r"(?:abcdefg)*x")) == frozenset({"abcde", "x"})
    # an optional weekday before a day ("Monday, 8 May"): the weekday or the digits
    day = literal_prefixes(re.compile(r"(?:(?:monday|tue)[\s,]+)?\d+ may", re.IGNORECASE))
    assert day is not None and {"monda", "tue", "8", "٨"} <= day and "" not in day
    assert literal_prefixes(re.compile(r"(?:(?:monday|\w+)[\s,]+)?\d+ may")) is None


def test_matches_overlapping_beginnings_and_case() -> None:
    p = Prefiltered(re.compile(r"(?<!\w)(?:abc|bcd|strike[sd]?)(?!\w)", re.IGNORECASE))
    text = "ABC bcd abcd Strikes, STRUCK; x-strike."
    assert _spans(p.finditer(text)) == _spans(p.pattern.finditer(text))
    assert [m.group() for m in p.finditer(text)] == ["ABC", "bcd", "Strikes", "strike"]
    assert p.search("nothing here") is None


def test_a_dotted_capital_i_in_a_pattern_matches_i() -> None:
    # the engine's simple case mapping holds "İ" equal to "i" and "I"
    p = Prefiltered(re.compile(r"(?<!\w)(?:S|İ)(?!\w)", re.IGNORECASE))
    assert [m.span() for m in p.finditer("I")] == [(0, 1)]
    assert _spans(p.finditer("I")) == _spans(p.pattern.finditer("I"))


def test_characters_case_folding_holds_equal() -> None:
    # "ſ" matches "s" case-insensitively; "İ" lower-cases to two characters
    p = Prefiltered(re.compile(r"(?<!\w)(?:strike|istanbul)(?!\w)", re.IGNORECASE))
    for text in ("ſtrike", "İstanbul strike", "STRİKE"):
        assert _spans(p.finditer(text)) == _spans(p.pattern.finditer(text))
    # a pattern with "İ" matches "I" case-insensitively: no beginning can stand for it
    q = Prefiltered(re.compile(r"(?:İ|II)", re.IGNORECASE))
    assert _spans(q.finditer("I")) == _spans(q.pattern.finditer("I")) == [((0, 1), None)]


_WORDS = st.text(alphabet="abcsſSİIıiK\u212a -", min_size=1, max_size=6)


_TEXT = st.text(alphabet="abcsſSİIıiK\u212ak -.", max_size=40)


@given(st.lists(_WORDS, min_size=1, max_size=6), _TEXT)
def test_same_matches_as_the_pattern(words: list[str], text: str) -> None:
    body = "|".join(re.escape(w) for w in words)
    for pattern in (
        re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?:{body})s?", re.IGNORECASE),
        re.compile(rf"(?:{body})"),
    ):
        assert _spans(Prefiltered(pattern).finditer(text)) == _spans(pattern.finditer(text))
        # search has its own loop: the first match of finditer, or None
        found, expected = Prefiltered(pattern).search(text), pattern.search(text)
        assert (found and (found.span(), found.group())) == (
            expected and (expected.span(), expected.group())
        )


@given(st.lists(_WORDS, min_size=1, max_size=3), _TEXT)
def test_search_of_a_pattern_that_may_match_nothing(words: list[str], text: str) -> None:
    pattern = re.compile(rf"(?:{'|'.join(re.escape(w) for w in words)})?", re.IGNORECASE)
    found, expected = Prefiltered(pattern).search(text), pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("code", languages_with_rules())
def test_cue_scan_equals_the_cue_pattern(code: str) -> None:
    rules = get_rules((code,))
    assert rules.cue_re is not None and rules.cue_scan is not None
    assert rules.cue_scan.prefixes  # every cue list has literal beginnings
    sentences = [
        "Rockets hit the town on Monday, killing 12 and wounding 30.",
        "Des frappes russes ont tué 7 civils lundi.",
        "Un ataque con drones dejó 3 muertos.",
        "Ракетный удар по городу: погибли 5 человек, ранены ١٢.",
        "Унаслідок обстрілу загинули двоє людей.",
        "قتل ١٢ شخصا في قصف على المدينة.",
    ]
    for s in sentences:
        assert _spans(rules.cue_scan.finditer(s)) == _spans(rules.cue_re.finditer(s))


def test_actors_found_through_the_prefilter() -> None:
    found = find_actors("Gunmen and Russian forces clashed; a Hamas official said.")
    names = [a.actor.name for a in found]
    assert names[:2] == ["Unidentified Armed Group", "Military Forces of Russia"]
    assert "Hamas" in names
