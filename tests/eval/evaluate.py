"""Evaluate the geoparser on hand-annotated articles: precision, recall, F1, resolution.

The articles in ``tests/eval/src/*.md`` were written for this project (French and English,
Nagorno-Karabakh 2020, Syria, Ukraine, the Sahel). Annotations are inline:

- ``[Martouni](gn:146969)``: a place name and its expected place, as a gazetteer id
  (``gn:``, ``ne:``, ``geo:``), a country (``cc:AM``) or coordinates (``40.32,45.35``);
- ``{Le Monde}``: a trap, text that must not be reported as a place.

Annotation conventions: every place name is annotated, datelines ("GOMA, Jan 27 (Reuters)")
and credit lines ("Reporting by ... in Kyiv") included; capitals standing for governments
("Washington said") are the city; countries in compounds ("Rwanda-backed") are the country;
demonyms, people, organisations, media, ships, sports clubs and buildings named after people
are traps, but a facility named after the place where it stands ("Sednaya military prison")
names that place. Water bodies and macro-regions are places: lakes, seas, straits, gulfs and
rivers (a point on the stretch most reported in conflict news; the French generic noun
before the name and a capitalised English one belong to the name: "lac Sevan", "mer Rouge",
"fleuve Niger", "Red Sea", "Euphrates River", but "Danube river ports"), "Sahel",
"Europe", "Moyen-Orient". The ``ho-`` to ``ho5-`` articles are held-out sets,
each written before the geoparser was changed in the light of it.

Removing the markup gives the article (its first line a ``date`` header) and the gold
character offsets. A predicted mention is correct when its span equals a gold span;
it is resolved right when it is the expected place (same id, same country for ``cc:``) or
within 25 km of it.

Usage (from the repository root)::

    python tests/eval/evaluate.py            # report
    python tests/eval/evaluate.py --write    # also write articles/*.txt and gold.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
RESOLVED_KM = 25.0

_MARKUP = re.compile(r"\[([^\]]+)\]\(([^)]+)\)|\{([^}]+)\}")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    ref: str  # "gn:…", "ne:…", "geo:…", "cc:XX" or "lat,lon"


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold]
    traps: list[tuple[int, int, str]]


@dataclass
class Prediction:
    start: int
    end: int
    text: str
    place_id: str
    kind: str
    country_code: str | None
    latitude: float
    longitude: float


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    resolved: int = 0
    trap_hits: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.found += other.found
        self.resolved += other.resolved
        self.trap_hits += other.trap_hits
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def found_and_resolved(self) -> float:
        return self.resolved / self.gold if self.gold else 1.0


def parse_annotated(name: str, marked: str) -> Article:
    """Strip the markup of an annotated article; return its text, gold spans and traps."""
    out: list[str] = []
    gold: list[Gold] = []
    traps: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in _MARKUP.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        if m.group(1) is not None:
            text, ref = m.group(1), m.group(2).strip()
            gold.append(Gold(length, length + len(text), text, ref))
        else:
            text = m.group(3)
            traps.append((length, length + len(text), text))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(marked[pos:])
    return Article(name, "".join(out), gold, traps)


def load_articles(folder: Path = SRC) -> list[Article]:
    """Every annotated article of ``folder``, by file name."""
    return [
        parse_annotated(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.md"))
    ]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def resolved_right(pred: Prediction, ref: str, lookup: Callable[[str], Any]) -> bool:
    """Whether a prediction is the expected place (or within 25 km of it)."""
    if ref.startswith("cc:"):
        return pred.kind == "country" and pred.country_code == ref[3:]
    if re.fullmatch(r"-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?", ref):
        lat, lon = (float(v) for v in ref.split(","))
    else:
        if pred.place_id == ref:
            return True
        place = lookup(ref)
        if place is None:
            raise ValueError(f"gold id {ref} is not in the gazetteer")
        lat, lon = place.latitude, place.longitude
    return pred.kind != "country" and _km(pred.latitude, pred.longitude, lat, lon) <= RESOLVED_KM


def score_article(
    article: Article, predictions: Iterable[Prediction], lookup: Callable[[str], Any]
) -> Scores:
    """Compare predictions with an article's gold spans."""
    preds = list(predictions)
    gold_by_span = {(g.start, g.end): g for g in article.gold}
    s = Scores(gold=len(article.gold), predicted=len(preds))
    matched: set[tuple[int, int]] = set()
    for p in preds:
        g = gold_by_span.get((p.start, p.end))
        if g is None:
            trap = next((t for t in article.traps if p.start < t[1] and t[0] < p.end), None)
            if trap is not None:
                s.trap_hits += 1
                s.errors.append(f"{article.name}: TRAP {p.text!r} -> {p.place_id} (in {trap[2]!r})")
            else:
                s.errors.append(f"{article.name}: FP {p.text!r}@{p.start} -> {p.place_id}")
            continue
        matched.add((g.start, g.end))
        s.found += 1
        if resolved_right(p, g.ref, lookup):
            s.resolved += 1
        else:
            s.errors.append(
                f"{article.name}: WRONG {g.text!r}@{g.start} -> {p.place_id} "
                f"({p.latitude:.3f},{p.longitude:.3f}), expected {g.ref}"
            )
    for g in article.gold:
        if (g.start, g.end) not in matched:
            s.errors.append(f"{article.name}: MISSED {g.text!r}@{g.start} ({g.ref})")
    return s


def predict(article: Article) -> list[Prediction]:
    """Run geo's geoparser on an article."""
    from geo.geoparse import find_mentions
    from geo.io.documents import make_document

    doc = make_document(article.text, doc_id=article.name)
    out = []
    for m in find_mentions(doc):
        assert article.text[m.char_start : m.char_end] == m.mention
        p = m.place
        out.append(
            Prediction(
                m.char_start,
                m.char_end,
                m.mention,
                p.id,
                p.kind,
                p.country_code,
                p.latitude,
                p.longitude,
            )
        )
    return out


def evaluate(articles: list[Article]) -> tuple[Scores, dict[str, Scores]]:
    """Score every article; return the totals and the scores by article."""
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    total = Scores()
    by_article: dict[str, Scores] = {}
    for article in articles:
        s = score_article(article, predict(article), gaz.get)
        by_article[article.name] = s
        total.add(s)
    return total, by_article


def write_plain(articles: list[Article]) -> None:
    """Write the plain articles and the gold offsets (``gold.jsonl``) beside the sources."""
    folder = HERE / "articles"
    folder.mkdir(exist_ok=True)
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for a in articles:
            (folder / f"{a.name}.txt").write_text(a.text, encoding="utf-8")
            for g in a.gold:
                row = {"doc": f"{a.name}.txt", "char_start": g.start, "char_end": g.end}
                row |= {"mention": g.text, "expected": g.ref}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            for start, end, text in a.traps:
                row = {"doc": f"{a.name}.txt", "char_start": start, "char_end": end}
                row |= {"mention": text, "expected": None}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write articles/ and gold.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    articles = load_articles()
    if args.write:
        write_plain(articles)
    total, by_article = evaluate(articles)
    print(
        f"{'article':40s} {'gold':>5s} {'pred':>5s}  {'P':>5s} {'R':>5s} {'F1':>5s} {'res25':>5s}"
    )
    for name, s in by_article.items():
        print(
            f"{name:40s} {s.gold:5d} {s.predicted:5d}  {s.precision:5.3f} {s.recall:5.3f} "
            f"{s.f1:5.3f} {s.found_and_resolved:5.3f}"
        )
    groups: dict[str, Scores] = {}
    for name, s in by_article.items():
        group = name.split("-")[0] if name.startswith("ho") else "tuned"
        groups.setdefault(group, Scores()).add(s)
    for group, s in sorted(groups.items()):
        label = f"[{group}]" if group == "tuned" else f"[held-out {group}]"
        print(
            f"{label:40s} {s.gold:5d} {s.predicted:5d}  {s.precision:5.3f} {s.recall:5.3f} "
            f"{s.f1:5.3f} {s.found_and_resolved:5.3f}   trap hits: {s.trap_hits}"
        )
    print(
        f"{'ALL':40s} {total.gold:5d} {total.predicted:5d}  {total.precision:5.3f} "
        f"{total.recall:5.3f} {total.f1:5.3f} {total.found_and_resolved:5.3f}"
        f"   trap hits: {total.trap_hits}"
    )
    if args.verbose:
        for e in total.errors:
            print("  " + e)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    sys.exit(main(sys.argv[1:]))
