"""Regression test of the event engine: its output on the dev event gold set and on a slice
of the benchmark corpus equals a stored snapshot.

The snapshot (``tests/data/events_snapshot.json``) holds, for every row of
:func:`geo.events.engine.event_rows` (incidents and mentions), the document, place, offset,
date, type, tolls and actors. A change meant to make the engine faster must leave it as it
is; a change meant to change the output rewrites it (``GEO_UPDATE_EVENTS_SNAPSHOT=1``) and
the diff shows what changed. Only the dev split is read (never the frozen test split).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from geo.events import event_rows
from geo.io.documents import Document, make_document, read_documents

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "tests" / "data" / "events_snapshot.json"
DEV = REPO / "tests" / "eval" / "events" / "dev"
#: Articles of the benchmark corpus in the snapshot (languages take turns).
CORPUS_SLICE = 60
FIELDS = (
    "location",
    "gazetteer_id",
    "char_start",
    "event_date",
    "event_type",
    "sub_event_type",
    "fatalities",
    "injured",
    "actor1",
    "actor2",
)


def _documents() -> list[Document]:
    from bench.corpus import iter_corpus

    paths = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".html"))
    docs = read_documents([str(p) for p in paths])
    for item in iter_corpus(CORPUS_SLICE):
        docs.append(make_document(item["text"], doc_id=item["id"]))
    return docs


def _value(v: Any) -> Any:
    if v is None:
        return None
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def snapshot_rows(docs: list[Document]) -> list[list[Any]]:
    """The compact rows of the snapshot, sorted: document name first, then ``FIELDS``."""
    out = []
    for doc in docs:
        name = Path(doc.doc_id).name
        for row in event_rows(doc):
            out.append([name, *(_value(row[f]) for f in FIELDS)])
    return sorted(out, key=lambda r: json.dumps(r, ensure_ascii=False))


@pytest.mark.slow
def test_event_rows_equal_snapshot() -> None:
    rows = snapshot_rows(_documents())
    if os.environ.get("GEO_UPDATE_EVENTS_SNAPSHOT") == "1":
        text = "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n"
        SNAPSHOT.write_text(text, encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert got == want
