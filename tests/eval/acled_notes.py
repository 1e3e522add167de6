"""Score the text event engine on the ``notes`` of real ACLED exports (text nobody here wrote).

Each note of an ACLED export is one English description of one event, written by ACLED's
coders, beside the row's gold date, type, actors, fatalities and point. Each note is run as a
document through the same path users take (:func:`geo.pipeline.process_document`, what
``geo events`` maps over), dated a few days after the event (:data:`PUBLISHED_AFTER_DAYS`),
so that the note's own "On 5 March 2015" has to be read. The exports are read where they are
(``$GEO_SHARED_DIR/realdata/events``), with :func:`geo.read_events` (which maps the
pre-2019 taxonomy of older exports to today's), never copied here.

Scores, per file and overall:

- ``found``: the note gave an event (not a bare mention) within :data:`FOUND_KM` of the
  row's point, or one named as the row's ``location`` (the gazetteer may lack the village or
  place a namesake elsewhere: the text was still read right);
- over the found rows: ``date`` exact, ``type`` (``event_type``), ``sub`` (``sub_event_type``,
  scored only where the gold has one: the pre-2019 taxonomy names sub-types for battles
  only), ``actor1`` (see :func:`same_actor`), ``deaths`` (``fatalities``; no toll in the
  note's events reads as 0, ACLED's "none reported");
- ``any``: the share of notes that gave any event at all.

Error classes (dev files only; the held-out file prints its figures and nothing else):
missed rows (no place, a place but no event cue, an event elsewhere, the gazetteer lacking
the location), date offsets, type and sub-type confusions, actor1 confusions and toll errors.

Split (fixed before any change it measures): dev = :data:`DEV` (a seeded sample of the Asia
2015 file and the whole Benin file); held out = :data:`HELD_OUT` (the Ukraine file), scored
once before and once after a round of changes, its errors never read.

Usage (from the repository root)::

    python tests/eval/evaluate.py --acled-notes dev        # dev files, figures and errors
    python tests/eval/evaluate.py --acled-notes dev -v     # every error, with its note
    python tests/eval/evaluate.py --acled-notes heldout    # the held-out file: figures only
    python tests/eval/evaluate.py --acled-notes dev --limit 200   # the first 200 of each
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Days between the event and the note's document date.
PUBLISHED_AFTER_DAYS = 3
#: A predicted event this close to the row's point finds it.
FOUND_KM = 50.0


@dataclass(frozen=True)
class NotesFile:
    """One ACLED export and how many of its rows are scored."""

    name: str
    sample: int | None = None  # rows drawn with SEED; None: every row with a note
    seed: int = 2015


DEV = (
    NotesFile("katehara-acled-asia-2015.csv", sample=1500),
    NotesFile("merfeld-acled-benin-2022.csv"),
)
HELD_OUT = (NotesFile("peacerep-ACLED-Ukraine.csv"),)
SETS = {"dev": DEV, "heldout": HELD_OUT}
FIELDS = ("date", "type", "sub", "actor1", "deaths")


def realdata_dir(shared: Path) -> Path:
    """The folder of the real event exports under the shared folder."""
    return shared / "realdata" / "events"


# --------------------------------------------------------------------------- gold


@dataclass
class Row:
    file: str
    row: int
    note: str
    date: dt.date
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    fatalities: int
    location: str | None
    latitude: float
    longitude: float


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def load_rows(folder: Path, spec: NotesFile, *, limit: int | None = None) -> list[Row]:
    """The rows of one export that have a note, a date and a point (sampled as ``spec`` says)."""
    import geo

    frame = geo.read_events(str(folder / spec.name))
    frame = frame.reset_index(drop=True)
    keep = frame["notes"].notna() & frame["event_date"].notna() & frame["latitude"].notna()
    frame = frame[keep]
    if spec.sample is not None and len(frame) > spec.sample:
        frame = frame.sample(n=spec.sample, random_state=spec.seed).sort_index()
    if limit is not None:
        frame = frame.head(limit)
    rows = []
    for i, r in frame.iterrows():
        fatalities = r.get("fatalities")
        rows.append(
            Row(
                file=spec.name,
                row=int(str(i)),
                note=str(r["notes"]),
                date=r["event_date"].date()
                if hasattr(r["event_date"], "date")
                else dt.date.fromisoformat(str(r["event_date"])[:10]),
                event_type=_text(r.get("event_type")),
                sub_event_type=_text(r.get("sub_event_type")),
                actor1=_text(r.get("actor1")),
                fatalities=0 if _text(fatalities) is None else int(fatalities),
                location=_text(r.get("location")),
                latitude=float(r["latitude"]),
                longitude=float(r["longitude"]),
            )
        )
    return rows


# --------------------------------------------------------------------------- actors

_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_QUALIFIER = re.compile(r"\(([^()]*)\)\s*$")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("’", "'").split())


def actor_key(value: str | None) -> tuple[frozenset[str], str | None] | None:
    """An actor name as compared: its names and its country qualifier.

    ACLED's spans of years ("Military Forces of Ukraine (2014-2019)", "Police Forces of
    Bangladesh (2009-)") are dropped: they date the government, which a note never names.
    A trailing qualifier ("Rioters (Bangladesh)") is kept apart as the country. A name with
    an abbreviation ("NAF: United Armed Forces of Novorossiya") is known by either part.
    Case, accents and spacing do not count.
    """
    if value is None:
        return None
    text = _YEARS.sub(" ", value)
    qualifier = None
    m = _QUALIFIER.search(text)
    if m:
        qualifier = _plain(m.group(1)) or None
        text = text[: m.start()]
    name = _plain(text)
    if not name:
        return None
    names = {name}
    if ":" in name:
        abbr, _, full = name.partition(":")
        names |= {abbr.strip(), full.strip()} - {""}
    return frozenset(names), qualifier


def same_actor(gold: str | None, pred: str | None) -> bool:
    """Whether a predicted actor1 is the gold one (see :func:`actor_key`).

    Names must share a form; qualifiers must be equal when both are given, and one that
    only one side gives is not held against it (the note may not say the country).
    """
    g, p = actor_key(gold), actor_key(pred)
    if g is None or p is None:
        return g is None and p is None
    if not g[0] & p[0]:
        return False
    return g[1] is None or p[1] is None or g[1] == p[1]


def actor_label(value: str | None) -> str:
    """A short form of an actor for the confusion lists (years dropped)."""
    if value is None:
        return "-"
    return " ".join(_YEARS.sub(" ", value).split())


# --------------------------------------------------------------------------- scoring


@dataclass
class NoteScores:
    rows: int = 0
    any_event: int = 0
    found: int = 0
    right: Counter[str] = field(default_factory=Counter)
    scored: Counter[str] = field(default_factory=Counter)
    classes: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, other: NoteScores) -> None:
        self.rows += other.rows
        self.any_event += other.any_event
        self.found += other.found
        self.right.update(other.right)
        self.scored.update(other.scored)
        for k, v in other.classes.items():
            self.classes.setdefault(k, Counter()).update(v)
        self.errors.extend(other.errors)

    def note(self, kind: str, label: str) -> None:
        self.classes.setdefault(kind, Counter())[label] += 1

    def figures(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "rows": self.rows,
            "any": round(self.any_event / self.rows, 4) if self.rows else 0.0,
            "found": round(self.found / self.rows, 4) if self.rows else 0.0,
        }
        for name in FIELDS:
            n = self.scored[name]
            out[name] = round(self.right[name] / n, 4) if n else -1
        return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _num(value: Any) -> float | None:
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def predict(row: Row) -> tuple[list[dict[str, Any]], int]:
    """The events of one note (bare mentions left out) and how many places it mentions."""
    from geo.io.documents import make_document
    from geo.pipeline import Options, process_document

    doc = make_document(
        row.note,
        doc_id=f"{row.file}:{row.row}",
        date=row.date + dt.timedelta(days=PUBLISHED_AFTER_DAYS),
        header=False,
    )
    rows = process_document(doc, Options())
    events = [r for r in rows if r.get("event_type") and r.get("event_type") != "Mention"]
    return events, len(rows)


def _match(row: Row, events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    best: tuple[tuple[int, float], dict[str, Any]] | None = None
    gold_name = _plain(row.location) if row.location else None
    for e in events:
        lat, lon = _num(e.get("latitude")), _num(e.get("longitude"))
        km = _km(row.latitude, row.longitude, lat, lon) if lat is not None and lon else math.inf
        named = gold_name is not None and any(
            _plain(str(e.get(k) or "")) == gold_name for k in ("location", "mention")
        )
        if km > FOUND_KM and not named:
            continue
        cost = (0 if _day(e.get("event_date")) == row.date else 1, min(km, FOUND_KM))
        if best is None or cost < best[0]:
            best = (cost, e)
    return best[1] if best else None


def _gazetteer_lacks(row: Row) -> bool:
    """No gazetteer place of the row's location name lies within FOUND_KM of its point."""
    if not row.location:
        return True
    from geo.gazetteer import load_gazetteer

    name = re.split(r"\s+-\s+|\(", row.location)[0].strip()
    try:
        places = load_gazetteer().lookup(name)
    except Exception:  # a name the index cannot take is a name it lacks
        return True
    return not any(
        _km(row.latitude, row.longitude, p.latitude, p.longitude) <= FOUND_KM for p in places
    )


def score_row(row: Row, s: NoteScores, *, errors: bool) -> None:
    """Score one note into ``s`` (error classes only when ``errors``)."""
    events, places = predict(row)
    s.rows += 1
    s.any_event += bool(events)
    match = _match(row, events)
    where = f"{row.file}:{row.row}"
    if match is None:
        if errors:
            if not places:
                kind = "no place found"
            elif not events:
                kind = "places but no event"
            else:
                kind = "events elsewhere"
            if kind != "places but no event" and _gazetteer_lacks(row):
                kind += " (gazetteer lacks the location)"
            s.note("missed", kind)
            got = "; ".join(
                f"{e.get('location')} {e.get('event_date')} {e.get('sub_event_type')}"
                for e in events
            )
            s.errors.append(f"{where}: MISSED ({kind}) {row.location}: got [{got}]\n    {row.note}")
        return
    s.found += 1
    pred_date = _day(match.get("event_date"))
    pred_deaths = _num(match.get("fatalities"))
    pred_type = match.get("event_type")
    values: dict[str, tuple[Any, Any, bool]] = {
        "date": (row.date, pred_date, pred_date == row.date),
        "type": (row.event_type, pred_type, row.event_type == pred_type),
        "actor1": (row.actor1, match.get("actor1"), same_actor(row.actor1, match.get("actor1"))),
        "deaths": (
            row.fatalities,
            int(pred_deaths or 0),
            row.fatalities == int(pred_deaths or 0),
        ),
    }
    if row.sub_event_type:
        sub = match.get("sub_event_type")
        values["sub"] = (row.sub_event_type, sub, row.sub_event_type == sub)
    for name, (gold, pred, right) in values.items():
        s.scored[name] += 1
        s.right[name] += right
        if right or not errors:
            continue
        s.note(name, _error_class(name, gold, pred))
        s.errors.append(f"{where}: {name}: gold {gold!r}, predicted {pred!r}\n    {row.note}")


def _error_class(name: str, gold: Any, pred: Any) -> str:
    if name == "date":
        if pred is None:
            return "no date"
        gap = (pred - gold).days
        if gap == PUBLISHED_AFTER_DAYS:
            return "document date (the note's date not read)"
        return f"off by {gap:+d} days" if abs(gap) <= 7 else "off by more than a week"
    if name == "deaths":
        if pred == 0:
            return "toll missed"
        if gold == 0:
            return "toll where none"
        return "toll too high" if pred > gold else "toll too low"
    if name == "actor1":
        return f"{actor_label(gold)} -> {actor_label(pred)}"
    return f"{gold} -> {pred}"


def score_files(
    folder: Path,
    specs: Sequence[NotesFile],
    *,
    limit: int | None = None,
    errors: bool = True,
    progress: Callable[[str], None] | None = None,
) -> tuple[NoteScores, dict[str, NoteScores]]:
    """Scores of the notes of some exports: overall and per file."""
    total = NoteScores()
    per_file: dict[str, NoteScores] = {}
    for spec in specs:
        s = NoteScores()
        rows = load_rows(folder, spec, limit=limit)
        for k, row in enumerate(rows):
            score_row(row, s, errors=errors)
            if progress is not None and (k + 1) % 250 == 0:
                progress(f"  {spec.name}: {k + 1}/{len(rows)}")
        per_file[spec.name] = s
        total.add(s)
    return total, per_file


HEAD = (
    f"{'file':32s} {'rows':>5s} {'any':>5s} {'found':>5s} {'date':>5s} {'type':>5s} "
    f"{'sub':>5s} {'actor1':>6s} {'deaths':>6s}"
)


def line(label: str, s: NoteScores) -> str:
    f = s.figures()

    def acc(name: str, width: int) -> str:
        value = f[name]
        return f"{'-':>{width}s}" if value < 0 else f"{value:{width}.3f}"

    return (
        f"{label:32s} {s.rows:5d} {f['any']:5.3f} {f['found']:5.3f} {acc('date', 5)} "
        f"{acc('type', 5)} {acc('sub', 5)} {acc('actor1', 6)} {acc('deaths', 6)}"
    )


def report_classes(s: NoteScores, *, top: int = 12) -> list[str]:
    """The error classes, most frequent first."""
    out = []
    for kind in ("missed", *FIELDS):
        counts = s.classes.get(kind)
        if not counts:
            continue
        out.append(f"{kind} ({sum(counts.values())} errors):")
        for label, n in counts.most_common(top):
            out.append(f"  {n:5d}  {label}")
    return out
