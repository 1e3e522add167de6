"""One incident, one event: the within-article consolidation of an article's event rows.

The engine reads an article sentence by sentence; what is left of one incident told twice
at the end of it (a strike reported as an air strike in the lead and as a clash below, a
town and the camp beside it) is consolidated here, on the article's rows, before they
leave :func:`geo.events.engine.event_rows`:

- a national capital with no toll of its own, in a country where the article places no
  other incident (not even at the capital) and not the article's first incident, stands
  for its government or is the foreign place the story refers to ("Paris condemned the
  strike", "a protest in front of the embassy in Rome"): it is kept as a mention;
- two incidents of one article on the same day (or both on the article's day) are one
  incident when they are at the same gazetteer place and both of the types one strike is
  told under (:data:`geo.config.EVENTS_CONSOLIDATE_VIOLENT_TYPES`: an air strike also
  told as fighting), or when their sub-types are alike
  (:data:`geo.config.MERGE_COMPATIBLE_SUBTYPES`, but for
  :data:`geo.config.MERGE_ACROSS_SOURCES_ONLY`) and their places are the same, or at most
  :data:`geo.config.EVENTS_CONSOLIDATE_KM` apart and named one right after the other
  (:data:`geo.config.EVENTS_APPOSITION_CHARS`, no "and" or bare comma between them: a camp
  "west of" a town, not a list of towns hit); or when, on days at most
  :data:`geo.config.EVENTS_CONSOLIDATE_TOLL_DAYS` apart and at places at most
  :data:`geo.config.EVENTS_CONSOLIDATE_KM` apart not named in one list, they state the same
  toll (a town and its district; the day of a killing and the day its dead were found). The
  row
  kept is the more specific place (a town over a region), then the one with the highest
  toll, then the first told; it takes the highest stated toll of the two and the actors
  either names; the other place stays as a mention.

Examples
--------
>>> import datetime as dt
>>> day = dt.date(2024, 5, 1)
>>> def row(gid, start, deaths):
...     return {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": day,
...             "time_precision": 1, "gazetteer_id": gid, "latitude": 10.0 + start / 1e4,
...             "longitude": 20.0, "geo_precision": 1, "fatalities": deaths, "injured": None,
...             "actor1": None, "inter1": None, "actor2": None, "inter2": None,
...             "country_code": "XX", "char_start": start, "char_end": start + 1}
>>> text = "A near B, C and D"
>>> rows = [row("a", 0, None), row("b", 7, 4), row("c", 10, 1), row("d", 16, 2)]
>>> import re
>>> out = consolidate_rows(rows, capitals=(), doc_date=day, doc_precision=2, text=text,
...                        coordination=re.compile(r"\\band\\b"))
>>> [(r["gazetteer_id"], r["event_type"], r["fatalities"]) for r in out]
[('a', 'Mention', None), ('b', 'Battles', 4), ('c', 'Battles', 1), ('d', 'Battles', 2)]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from typing import Any, Final

from geo import config
from geo.gazetteer import Place
from geo.schema import MENTION_TYPE

#: The marks of a list of places in the gap between two names, and of another clause.
_LIST_MARK: Final = re.compile(r"[,;،]")
_CLAUSE_MARK: Final = re.compile(r"[;،]")

__all__ = ["consolidate_rows"]

_EVENT_FIELDS = ("actor1", "inter1", "actor2", "inter2")


def consolidate_rows(
    rows: list[dict[str, Any]],
    *,
    capitals: Iterable[str],
    doc_date: dt.date | None,
    doc_precision: int,
    text: str = "",
    coordination: re.Pattern[str] | None = None,
    headline_end: int = -1,
    place_of: Callable[[str], Place | None] | None = None,
) -> list[dict[str, Any]]:
    """Consolidate one article's event rows in place and return them (same order).

    Parameters
    ----------
    rows : list of dict
        The article's rows (events and mentions) as :func:`geo.events.engine.event_rows`
        builds them.
    capitals : iterable of str
        Gazetteer ids of the national capitals.
    doc_date, doc_precision : date or None, int
        The date and ACLED time precision a place kept as a mention takes (the article's).
    text : str
        The article's text the rows' ``char_start``/``char_end`` point into.
    coordination : re.Pattern or None
        The packs' words joining a list ("and", "et", "и"): places joined by one (or by a
        comma alone) are a list of places hit, never one incident.
    headline_end : int
        Where the article's headline ends (a first line without an end stop), or -1: the
        incident a headline tells at a town or region is the one the body tells with the same
        toll at a smaller place of that town's first-level region (:func:`_headline_summary`).
    place_of : callable or None
        The gazetteer's place of an id (:meth:`geo.gazetteer.Gazetteer.get`), for the
        populations a headline's place is compared by; None: no headline is read so.

    Returns
    -------
    list of dict
        The same rows: a row that told an incident another row tells is now a mention.
    """
    events = [r for r in rows if r["event_type"] != MENTION_TYPE]
    if not events:
        return rows
    capital_ids = frozenset(capitals)
    for r in events[1:]:  # a capital told first is the story's own place
        if (
            r["gazetteer_id"] in capital_ids
            and not (r["fatalities"] or r["injured"])
            and not any(o is not r and o["country_code"] == r["country_code"] for o in events)
        ):
            _demote(r, doc_date, doc_precision)
    events = [r for r in events if r["event_type"] != MENTION_TYPE]
    for h in [r for r in events if int(r["char_end"]) <= headline_end]:
        told = _headline_summary(h, rows, headline_end, place_of, text)
        if told is not None:
            _absorb(told, h)
            _demote(h, doc_date, doc_precision)
    events = [r for r in events if r["event_type"] != MENTION_TYPE]
    for i, a in enumerate(events):
        if a["event_type"] == MENTION_TYPE:
            continue
        for b in events[i + 1 :]:
            if b["event_type"] == MENTION_TYPE or not _one_incident(a, b, text, coordination):
                continue
            keep, drop = (a, b) if _rank(a) <= _rank(b) else (b, a)
            _absorb(keep, drop)
            _demote(drop, doc_date, doc_precision)
            if drop is a:
                break
    return rows


def _one_incident(
    a: dict[str, Any], b: dict[str, Any], text: str, coordination: re.Pattern[str] | None
) -> bool:
    if a["event_date"] != b["event_date"]:
        return _same_toll_nearby(a, b, text, coordination)
    if _same_toll_nearby(a, b, text, coordination):
        return True
    violent = config.EVENTS_CONSOLIDATE_VIOLENT_TYPES
    same = a["gazetteer_id"] == b["gazetteer_id"]
    if same and a["event_type"] in violent and b["event_type"] in violent:
        return True
    if not _alike(a, b):
        return False
    if same:
        return True
    # the gap between the names first (two pure tests; the distance costs more)
    return _apposed(a, b, text, coordination) and _km(a, b) <= config.EVENTS_CONSOLIDATE_KM


def _headline_summary(
    h: dict[str, Any],
    rows: list[dict[str, Any]],
    headline_end: int,
    place_of: Callable[[str], Place | None] | None,
    text: str,
) -> dict[str, Any] | None:
    """The body's incident that a headline's incident ``h`` sums up, or None.

    A headline names the larger place the reader knows ("Three children killed by a mine in
    X") where the body tells the village or district of X's province ("... in the Y district
    west of X province"): the body's one incident with the same stated toll of dead (or,
    for a headline with no toll, of the same sub-type with none), of a type one incident is
    told under, on a day at most :data:`geo.config.EVENTS_CONSOLIDATE_TOLL_DAYS` apart, at a
    smaller place (fewer people) of the first-level region of ``h`` (or in the region ``h``
    is), when the body names the headline's place only as the region after that place
    ("Y, X state"; ``rows`` holds its mentions too, ``text`` is the article). A headline at
    a smaller place than the body's is its own incident (the body's town may be where the
    wounded were taken); a headline that says no one died matches nothing.
    """
    if place_of is None or not h["admin1"] or h["event_date"] is None:
        return None
    # a headline without a toll sums up one incident of its own sub-type without one
    # ("Abduction in X" over "gunmen abducted N people in Y, X state")
    same_kind = h["fatalities"] is None
    if h["fatalities"] == 0:
        return None  # "no one was hurt" is no toll to match by
    head = place_of(h["gazetteer_id"])
    if head is None:
        return None
    body = [r for r in rows if int(r["char_start"]) >= headline_end]
    again = [r for r in body if r["gazetteer_id"] == h["gazetteer_id"]]
    body = [r for r in body if r["event_type"] != MENTION_TYPE]
    violent = config.EVENTS_CONSOLIDATE_VIOLENT_TYPES
    found = [
        r
        for r in body
        if r["fatalities"] == h["fatalities"]
        and (not same_kind or r["sub_event_type"] == h["sub_event_type"])
        # the body names the headline's place again only as the region of this one's
        # ("Y, X state"): not as a place of its own
        and all(_region_after(r, q, text) for q in again)
        and r["country_code"] == h["country_code"]
        and r["admin1"] == h["admin1"]
        and r["event_date"] is not None
        and abs((_day(r["event_date"]) - _day(h["event_date"])).days)
        <= config.EVENTS_CONSOLIDATE_TOLL_DAYS
        and ((r["event_type"] in violent and h["event_type"] in violent) or _alike(r, h))
        and (r["injured"] is None or h["injured"] is None or r["injured"] == h["injured"])
        and (head.kind == "region" or _people(place_of, r) < head.population)
    ]
    return found[0] if len(found) == 1 else None


#: The gap between a place and the region written after it ("Y, X state").
_REGION_GAP: Final = re.compile(r"\s*,\s*")


def _region_after(r: dict[str, Any], q: dict[str, Any], text: str) -> bool:
    """Whether the mention ``q`` comes right after the place of ``r`` with a comma between
    ("Y, X state"): the region ``r`` lies in."""
    return _REGION_GAP.fullmatch(text, int(r["char_end"]), int(q["char_start"])) is not None


def _people(place_of: Callable[[str], Place | None], r: dict[str, Any]) -> int:
    """The population of a row's place (0 when the gazetteer has it not: an approximate one)."""
    p = place_of(r["gazetteer_id"])
    return 0 if p is None else p.population


def _same_toll_nearby(
    a: dict[str, Any], b: dict[str, Any], text: str, coordination: re.Pattern[str] | None
) -> bool:
    """Two places at most :data:`geo.config.EVENTS_CONSOLIDATE_KM` apart, told on days at most
    :data:`geo.config.EVENTS_CONSOLIDATE_TOLL_DAYS` apart, with the same stated toll of dead
    (and of wounded, when both tell them) and types one incident is told under, not named in
    one list ("two killed in A and two in B"): one incident told at a town and at its
    district, or on the day it happened and on the day the bodies were found."""
    if not a["fatalities"] or a["fatalities"] != b["fatalities"]:
        return False
    # the wounded told at one place only (a headline's "seven killed in A" and the body's
    # "seven killed and four wounded in B") do not tell two incidents
    if a["injured"] != b["injured"] and a["injured"] is not None and b["injured"] is not None:
        return False
    if a["gazetteer_id"] == b["gazetteer_id"]:
        return False
    if text:
        first, second = sorted((a, b), key=lambda r: int(r["char_start"]))
        gap = text[int(first["char_end"]) : int(second["char_start"])]
        listed = _LIST_MARK.search(gap) or (coordination and coordination.search(gap))
        if len(gap) <= config.EVENTS_APPOSITION_CHARS and listed:
            return False
    violent = config.EVENTS_CONSOLIDATE_VIOLENT_TYPES
    if not (a["event_type"] in violent and b["event_type"] in violent) and not _alike(a, b):
        return False
    if a["event_date"] is None or b["event_date"] is None:
        return False
    days = abs((_day(a["event_date"]) - _day(b["event_date"])).days)
    return days <= config.EVENTS_CONSOLIDATE_TOLL_DAYS and _km(a, b) <= config.EVENTS_CONSOLIDATE_KM


def _day(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value  # type: ignore[no-any-return]


def _apposed(
    a: dict[str, Any], b: dict[str, Any], text: str, coordination: re.Pattern[str] | None
) -> bool:
    """Whether one place is named right after the other to say where it lies ("the camp of
    X west of Y"), not in a list of places hit ("X, Y and Z")."""
    first, second = sorted((a, b), key=lambda r: int(r["char_start"]))
    gap = text[int(first["char_end"]) : int(second["char_start"])]
    if not text or len(gap) > config.EVENTS_APPOSITION_CHARS:
        return False
    if not gap.strip(" ,;،\n") or _CLAUSE_MARK.search(gap):
        return False
    return coordination is None or coordination.search(gap) is None


def _alike(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same sub-type, or two sub-types one incident is told under."""
    x, y = (a["event_type"], a["sub_event_type"]), (b["event_type"], b["sub_event_type"])
    if x == y or x in config.MERGE_ACROSS_SOURCES_ONLY or y in config.MERGE_ACROSS_SOURCES_ONLY:
        return x == y
    return (x, y) in _compatible_pairs(config.MERGE_COMPATIBLE_SUBTYPES)


def _compatible_pairs(groups: Any) -> frozenset[tuple[Any, Any]]:
    """The pairs of (type, sub-type) that some group of ``groups`` holds both of
    (:data:`geo.config.MERGE_COMPATIBLE_SUBTYPES`), built once per groups object rather
    than per pair of rows."""
    held, pairs = _PAIRS[0]
    if held is not groups:
        pairs = frozenset((x, y) for group in groups for x in group for y in group)
        _PAIRS[0] = (groups, pairs)
    return pairs


#: The groups :func:`_compatible_pairs` last read and their pairs.
_PAIRS: list[tuple[Any, frozenset[tuple[Any, Any]]]] = [(None, frozenset())]


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    coords = (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    if any(c is None for c in coords):
        return math.inf
    lat1, lon1, lat2, lon2 = (math.radians(float(c)) for c in coords)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def _rank(r: dict[str, Any]) -> tuple[int, int, int]:
    """Smaller is kept: the more specific place, then the highest toll, then the first."""
    toll = (r["fatalities"] or 0) * 1000 + (r["injured"] or 0)
    return (int(r["geo_precision"] or 3), -toll, int(r.get("char_start") or 0))


def _absorb(keep: dict[str, Any], drop: dict[str, Any]) -> None:
    """The kept row takes the highest stated toll of the two and the actors it lacks."""
    for name in ("fatalities", "injured"):
        values = [v for v in (keep[name], drop[name]) if v is not None]
        keep[name] = max(values) if values else None
    if keep["actor1"] is None and drop["actor1"] is not None:
        for name in _EVENT_FIELDS:
            keep[name] = drop[name]
    elif keep["actor2"] is None and drop["actor2"] is not None:
        keep["actor2"], keep["inter2"] = drop["actor2"], drop["inter2"]
    notes = drop.get("notes")
    if notes and notes not in (keep.get("notes") or ""):
        keep["notes"] = f"{keep.get('notes') or ''} {notes}".strip()


def _demote(r: dict[str, Any], doc_date: dt.date | None, doc_precision: int) -> None:
    r["event_type"] = r["sub_event_type"] = MENTION_TYPE
    r["event_date"] = doc_date
    r["time_precision"] = doc_precision if doc_date is not None else None
    r["fatalities"] = r["injured"] = None
    for name in _EVENT_FIELDS:
        r[name] = None
