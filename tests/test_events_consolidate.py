"""Tests of geo.events.consolidate: one incident told twice in one article is one event."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from geo import config
from geo.events.consolidate import consolidate_rows
from geo.schema import MENTION_TYPE

DAY = dt.date(2024, 5, 1)
STRIKE = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
CLASH = ("Battles", "Armed clash")
RIOT = ("Riots", "Violent demonstration")
PROTEST = ("Protests", "Peaceful protest")


def _row(
    gid: str,
    kind: tuple[str, str],
    *,
    lat: float = 10.0,
    lon: float = 20.0,
    day: dt.date | None = DAY,
    deaths: int | None = None,
    injured: int | None = None,
    country: str = "XX",
    precision: int = 1,
    actor1: str | None = None,
    start: int = 0,
) -> dict[str, Any]:
    return {
        "event_type": kind[0],
        "sub_event_type": kind[1],
        "event_date": day,
        "time_precision": 1,
        "gazetteer_id": gid,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision,
        "fatalities": deaths,
        "injured": injured,
        "actor1": actor1,
        "inter1": 1 if actor1 else None,
        "actor2": None,
        "inter2": None,
        "country_code": country,
        "notes": f"note {gid}",
        "char_start": start,
        "char_end": start + len(gid),
    }


def _run(
    rows: list[dict[str, Any]], text: str = ""
) -> list[tuple[str, str, int | None, int | None]]:
    out = consolidate_rows(
        rows,
        capitals=frozenset({"cap"}),
        doc_date=DAY,
        doc_precision=2,
        text=text,
        coordination=re.compile(r"(?<!\w)(?:and|и)(?!\w)"),
    )
    return [(r["gazetteer_id"], r["event_type"], r["fatalities"], r["injured"]) for r in out]


def test_one_strike_told_as_strike_and_as_fighting_at_one_place_is_one() -> None:
    rows = [
        _row("t", STRIKE, deaths=5, actor1="Air force", start=0),
        _row("t", CLASH, injured=7, start=90),
    ]
    assert _run(rows) == [
        ("t", "Explosions/Remote violence", 5, 7),
        ("t", MENTION_TYPE, None, None),
    ]
    assert rows[0]["actor1"] == "Air force"
    assert rows[1]["actor1"] is None


def test_camp_beside_a_town_is_the_same_incident_and_the_place_with_the_toll_is_kept() -> None:
    # about 5 km apart, both shelling, the same day
    rows = [
        _row("camp", SHELLING, lat=31.36, lon=34.26, deaths=3),
        _row("town", SHELLING, lat=31.34, lon=34.306, start=13),
    ]
    assert _run(rows, "camp west of town") == [
        ("camp", "Explosions/Remote violence", 3, None),
        ("town", MENTION_TYPE, None, None),
    ]


def test_the_town_is_kept_over_its_region_and_takes_the_highest_toll() -> None:
    rows = [
        _row("region", SHELLING, precision=3, deaths=9, injured=2, start=8),
        _row("town", STRIKE, lat=10.05, deaths=4, injured=11),
    ]
    assert _run(rows, "town in region") == [
        ("region", MENTION_TYPE, None, None),
        ("town", "Explosions/Remote violence", 9, 11),
    ]


@pytest.mark.parametrize("text", ["aa, bb", "aa and bb", "aa и bb", "aa; bb", "aa,\nbb"])
def test_a_list_of_nearby_places_hit_stays_a_list(text: str) -> None:
    rows = [_row("aa", SHELLING), _row("bb", SHELLING, lat=10.01, start=len(text) - 2)]
    assert [r[1] for r in _run(rows, text)] == [SHELLING[0], SHELLING[0]]


def test_nearby_places_named_far_apart_in_the_text_stay_two() -> None:
    text = "aa" + " near the road" * 10 + " bb"
    rows = [_row("aa", SHELLING), _row("bb", SHELLING, lat=10.01, start=len(text) - 2)]
    assert [r[1] for r in _run(rows, text)] == [SHELLING[0], SHELLING[0]]


def test_places_farther_apart_than_the_threshold_stay_two_incidents() -> None:
    far = 10.0 + (config.EVENTS_CONSOLIDATE_KM + 5) / 111.2
    rows = [_row("a", SHELLING, deaths=1), _row("b", SHELLING, lat=far, deaths=2, start=7)]
    assert [r[1] for r in _run(rows, "a near b")] == [SHELLING[0], SHELLING[0]]


def test_other_days_stay_two_incidents() -> None:
    rows = [_row("a", SHELLING), _row("a", SHELLING, day=DAY + dt.timedelta(days=1))]
    assert [r[1] for r in _run(rows)] == [SHELLING[0], SHELLING[0]]


def test_a_riot_and_a_later_peaceful_rally_in_one_town_stay_two() -> None:
    rows = [_row("a", RIOT, injured=3), _row("a", PROTEST, start=300)]
    assert [r[1] for r in _run(rows)] == ["Riots", "Protests"]


def test_nearby_places_of_unlike_types_stay_two() -> None:
    rows = [_row("a", SHELLING), _row("b", CLASH, lat=10.01, start=7)]
    assert [r[1] for r in _run(rows, "a near b")] == [SHELLING[0], CLASH[0]]


def test_a_foreign_capital_without_a_toll_is_a_mention() -> None:
    rows = [_row("town", SHELLING, deaths=4), _row("cap", SHELLING, country="YY", lat=50.0)]
    assert _run(rows) == [
        ("town", "Explosions/Remote violence", 4, None),
        ("cap", MENTION_TYPE, None, None),
    ]
    assert rows[1]["event_date"] == DAY
    assert rows[1]["time_precision"] == 2


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        # the capital is the story (told first)
        ([_row("cap", SHELLING, country="YY", lat=50.0), _row("town", SHELLING)], 2),
        # the capital has a toll of its own
        ([_row("town", SHELLING), _row("cap", SHELLING, country="YY", lat=50.0, deaths=2)], 2),
        # another incident in the capital's country
        (
            [
                _row("town", SHELLING),
                _row("other", PROTEST, country="YY", lat=40.0),
                _row("cap", PROTEST, country="YY", lat=50.0),
            ],
            3,
        ),
    ],
)
def test_a_capital_that_is_part_of_the_story_stays(rows: list[dict[str, Any]], kept: int) -> None:
    assert sum(r[1] != MENTION_TYPE for r in _run(rows)) == kept


def test_mentions_are_left_alone() -> None:
    rows = [_row("a", (MENTION_TYPE, MENTION_TYPE)), _row("a", (MENTION_TYPE, MENTION_TYPE))]
    assert _run(rows) == [("a", MENTION_TYPE, None, None), ("a", MENTION_TYPE, None, None)]


# ---------------------------------------------------------------------------- end to end


def _incidents(text: str) -> list[tuple[str, str, int | None]]:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [
        (r["location"], r["event_type"], r["fatalities"])
        for r in event_rows(make_document(text))
        if r["event_type"] != MENTION_TYPE
    ]


@pytest.mark.slow
def test_a_town_named_to_say_where_the_camp_lies_is_no_second_incident() -> None:
    text = "date 2024-03-02\nShelling hit a camp in Makiivka, east of Donetsk, on Saturday."
    assert _incidents(text) == [("Makiyivka", "Explosions/Remote violence", None)]


@pytest.mark.slow
def test_a_foreign_capital_standing_for_its_government_is_no_incident() -> None:
    text = (
        "date 2024-03-02\nMissiles struck Kharkiv on Saturday, killing three people. "
        "The missile strike on Saturday showed contempt from Berlin for peace."
    )
    assert _incidents(text) == [("Kharkiv", "Explosions/Remote violence", 3)]


def test_a_town_and_its_district_with_one_toll_on_adjacent_days_are_one() -> None:
    text = "clashes in town. " + "x" * 60 + " bodies found in district"
    rows = [
        _row("town", CLASH, deaths=6, start=11),
        _row("district", CLASH, lat=10.03, deaths=6, day=DAY + dt.timedelta(days=1), start=95),
    ]
    assert _run(rows, text) == [
        ("town", "Battles", 6, None),
        ("district", MENTION_TYPE, None, None),
    ]


@pytest.mark.parametrize(("first", "second", "one"), [(None, 4, True), (3, 4, False)])
def test_one_toll_of_dead_with_the_wounded_told_once_is_one_incident(
    first: int | None, second: int, one: bool
) -> None:
    # "seven killed in town" in the headline, "seven killed and four wounded in the village"
    # in the body: one incident; two different counts of wounded: two
    text = "seven killed in town. " + "x" * 60 + " seven killed, four hurt in village"
    rows = [
        _row("town", CLASH, deaths=7, injured=first, start=16),
        _row("village", CLASH, lat=10.03, deaths=7, injured=second, start=len(text) - 7),
    ]
    out = _run(rows, text)
    assert (MENTION_TYPE in [r[1] for r in out]) is one
    if one:
        assert [(r[2], r[3]) for r in out if r[1] != MENTION_TYPE] == [(7, 4)]


@pytest.mark.parametrize("gap", [" and two in ", " and "])
def test_one_toll_at_two_places_of_a_list_stays_two(gap: str) -> None:
    text = "two killed in aa" + gap + "bb"
    rows = [
        _row("aa", SHELLING, deaths=2, start=14),
        _row("bb", SHELLING, lat=10.01, deaths=2, start=len(text) - 2),
    ]
    assert [r[1] for r in _run(rows, text)] == [SHELLING[0], SHELLING[0]]


def test_nearby_places_with_one_toll_two_days_apart_stay_two() -> None:
    text = "aa" + " x" * 50 + " bb"
    later = DAY + dt.timedelta(days=config.EVENTS_CONSOLIDATE_TOLL_DAYS + 1)
    rows = [
        _row("aa", CLASH, deaths=6),
        _row("bb", CLASH, lat=10.01, deaths=6, day=later, start=len(text) - 2),
    ]
    assert [r[1] for r in _run(rows, text)] == [CLASH[0], CLASH[0]]


@pytest.mark.parametrize(
    ("headline", "body", "expected"),
    [
        # the headline's larger town of the province sums up the body's town: one incident
        ("Kenema", "Segbwema", [("Segbwema", 3)]),
        # a headline at the smaller town is an incident of its own
        ("Segbwema", "Kenema", [("Segbwema", 3), ("Kenema", 3)]),
    ],
)
def test_a_headline_at_the_larger_town_of_the_body_towns_province(
    headline: str, body: str, expected: list[tuple[str, int]]
) -> None:
    text = (
        f"date 2028-03-02\nLandmine kills three children in {headline}\n"
        f"Three children died on Tuesday as a landmine went off in {body}, in the east of "
        "Sierra Leone."
    )
    assert sorted((p, n) for p, _, n in _incidents(text)) == sorted(expected)
