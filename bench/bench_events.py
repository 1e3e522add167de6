"""Benchmark of ``geo events`` on the generated mixed-language corpus (:mod:`bench.corpus`:
varied articles in six languages, 22-45 sentences each): documents/s and CPU ms per article
of the whole command (geoparsing and events), and of the event stage alone (the engine
given each document's parsed mentions), the first pass and a warm pass apart.

CPU time (``time.process_time``) is the figure to compare: the machine's cores are shared
and wall time is noisy. The gazetteer and the rules are loaded before timing (on other
documents); the first pass then meets each document for the first time (the caches of the
geoparser and the engine are cold for it), the warm pass reads the same documents again
(best of :data:`REPEAT`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench.corpus import LANGS, iter_corpus

N_ARTICLES = 300
REPEAT = 3
#: Figures of this benchmark before the keyword prefilter of the event rules (branch
#: evspeed, 2026-11-30, 2 cores shared with other jobs): ms CPU per article, warm pass.
BEFORE_MS = {"events": 14.5, "engine": 8.7}
#: The same figures after the prefilter (branch evspeed), measured side by side with those
#: of the lazy per-sentence work and the gates of dates and actors (branch evspeed2,
#: 2026-11-30, median of 3 runs): ms CPU per article, warm pass. This branch measured
#: 8.7 (geo events) and 4.0 (event stage) in the same runs.
PREFILTER_MS = {"events": 11.5, "engine": 7.0}


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def _best(fn: Callable[[], object], repeat: int = REPEAT) -> tuple[float, float]:
    runs = [_timed(fn) for _ in range(repeat)]
    return min(w for w, _ in runs), min(c for _, c in runs)


class _Parsed:
    """A geoparser that answers with the parses made before timing (the event stage
    alone)."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.gazetteer = parser.gazetteer
        self.done: dict[tuple[str, str], Any] = {}

    def parse_text(self, text: str, **options: Any) -> Any:
        key = (text, str(options.get("doc_id")))
        if key not in self.done:
            self.done[key] = self.parser.parse_text(text, **options)
        return self.done[key]


def main() -> None:
    from geo.events import event_rows
    from geo.geoparse import get_geoparser
    from geo.io.documents import make_document

    items = list(iter_corpus(N_ARTICLES + 20))
    docs = [make_document(d["text"], doc_id=d["id"]) for d in items]
    warmup, docs = docs[:20], docs[20:]
    parser = get_geoparser()
    for d in warmup:  # load the gazetteer, the packs and the rules before timing
        event_rows(d, parser=parser)
    n = len(docs)
    kb = sum(len(d.text.encode("utf-8")) for d in docs) / n / 1024

    def events() -> None:
        for d in docs:
            event_rows(d, parser=parser)

    wall_first, cpu_first = _timed(events)
    wall_warm, cpu_warm = _best(events)

    parsed = _Parsed(parser)
    # the parses of other documents (generated with another seed) warm the engine, not
    # the documents timed
    other = [make_document(d["text"], doc_id=d["id"]) for d in iter_corpus(20, seed=7)]
    for d in other:
        event_rows(d, parser=parsed)
    for d in docs:
        lang = d.lang if d.lang != "und" else None
        parsed.parse_text(d.text, lang=lang, start=d.body_start, doc_id=d.doc_id)

    def engine() -> None:
        for d in docs:
            event_rows(d, parser=parsed)

    _, eng_first = _timed(engine)
    _, eng_warm = _best(engine)
    rows = sum(len(event_rows(d, parser=parser)) for d in docs)
    print(f"corpus: {n} articles of bench.corpus ({kb:.1f} KB each), languages {'/'.join(LANGS)}")
    print(
        f"geo events, first pass: {n / wall_first:7.1f} documents/s  "
        f"{1000 * cpu_first / n:6.2f} ms CPU/article"
    )
    print(
        f"geo events, warm:       {n / wall_warm:7.1f} documents/s  "
        f"{1000 * cpu_warm / n:6.2f} ms CPU/article  (before: {BEFORE_MS['events']:.1f}, "
        f"with the prefilter: {PREFILTER_MS['events']:.1f})"
    )
    print(f"  event stage alone, first pass: {1000 * eng_first / n:6.2f} ms CPU/article")
    print(
        f"  event stage alone, warm:       {1000 * eng_warm / n:6.2f} ms CPU/article  "
        f"(before: {BEFORE_MS['engine']:.1f}, with the prefilter: {PREFILTER_MS['engine']:.1f}; "
        "target <= 5)"
    )
    print(f"  rows: {rows} ({rows / n:.1f} per article)")


if __name__ == "__main__":
    main()
