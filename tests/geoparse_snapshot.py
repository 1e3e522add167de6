"""A regression snapshot of the geoparser's results, to keep speed-ups from changing them.

The snapshot (``tests/data/geoparse_snapshot.json``) holds, for the dev articles of
``tests/eval/dev`` (read as ``tests/eval/evaluate.py`` reads them) and for the first
:data:`BENCH_DOCS` articles of the benchmark corpus (:mod:`bench.corpus`):

- ``dev`` and ``bench``: each document's mentions as ``[start, end, gazetteer id, place
  name, latitude, longitude, score]`` (coordinates rounded to :data:`DIGITS` decimals), from
  :func:`geo.geoparse.find_mentions` (the path of ``geo parse`` and of the evaluation);
- ``call`` and ``batch``: a digest of every column of the frame (``why`` included) that
  ``geo.geoparse(text)`` returns per article, and that ``geo.pipeline.collect`` (``geo parse``)
  returns for the corpus as one JSON Lines file, per document.

Never the frozen test split. Rewrite it only for a change meant to alter results, and say so::

    .venv/bin/python tests/geoparse_snapshot.py --write
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT = REPO / "tests" / "data" / "geoparse_snapshot.json"
BENCH_DOCS = 300
DIGITS = 4


def _dev_articles() -> list[tuple[str, str]]:
    """(name, text) of the dev articles, stripped of their markup by the evaluation's reader."""
    spec = importlib.util.spec_from_file_location("_geo_evaluate", REPO / "tests/eval/evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        return [(a.name, a.text) for a in module.load_articles("dev")]
    finally:
        sys.modules.pop(spec.name, None)


def _rows(mentions: Any) -> list[list[Any]]:
    return [
        [
            m.char_start,
            m.char_end,
            m.place.id,
            m.place.name,
            round(m.place.latitude, DIGITS),
            round(m.place.longitude, DIGITS),
            m.score,
        ]
        for m in mentions
    ]


def _digest(frame: Any) -> str:
    """A digest of every column of a mention frame (geometry as its coordinates)."""
    cols = [c for c in frame.columns if c != "geometry"]
    parts = [repr(cols), repr([str(frame[c].dtype) for c in cols]), str(frame.crs)]
    for row in frame[cols].itertuples(index=False):
        parts.append(repr(tuple(row)))
    parts.extend(f"{p.x!r} {p.y!r}" for p in frame.geometry)
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def compute() -> dict[str, Any]:
    """The snapshot of the current parser."""
    import geo
    from bench.corpus import iter_corpus, write_jsonl
    from geo.geoparse import find_mentions, get_geoparser
    from geo.io.documents import make_document
    from geo.pipeline import collect

    # from clean memos, as when the snapshot was written (Index.clear_caches): a document's
    # result must not depend on the documents parsed before it in the process
    get_geoparser().index.clear_caches()
    out: dict[str, Any] = {"dev": {}, "bench": {}, "call": {}, "batch": {}}
    for name, text in _dev_articles():
        doc = make_document(text, doc_id=name)
        out["dev"][name] = _rows(find_mentions(doc))
    docs = list(iter_corpus(BENCH_DOCS))
    for d in docs:
        doc = make_document(d["text"], doc_id=d["id"], date=d["date"])
        out["bench"][d["id"]] = _rows(find_mentions(doc))
        out["call"][d["id"]] = _digest(geo.geoparse(d["text"], doc_id=d["id"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(Path(tmp) / "corpus.jsonl", BENCH_DOCS)
        frame = collect(path, task="mentions", workers=1)
    frame["doc_id"] = frame["doc_id"].map(lambda s: s.rsplit(":", 1)[-1])
    for doc_id, part in frame.groupby("doc_id", sort=False):
        out["batch"][str(doc_id)] = _digest(part.reset_index(drop=True))
    out["batch_columns"] = [f"{c}:{frame[c].dtype}" for c in frame.columns]
    return out


def load() -> dict[str, Any]:
    """The stored snapshot."""
    data: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    return data


def write(data: dict[str, Any]) -> None:
    """Store a snapshot, one document a line (diffs stay readable)."""
    lines = ["{"]
    sections = list(data.items())
    for k, (section, value) in enumerate(sections):
        comma = "," if k < len(sections) - 1 else ""
        if not isinstance(value, dict):
            lines.append(f"  {json.dumps(section)}: {json.dumps(value, ensure_ascii=False)}{comma}")
            continue
        lines.append(f"  {json.dumps(section)}: {{")
        items = list(value.items())
        for j, (key, rows) in enumerate(items):
            tail = "," if j < len(items) - 1 else ""
            lines.append(
                f"    {json.dumps(key, ensure_ascii=False)}: "
                f"{json.dumps(rows, ensure_ascii=False, separators=(',', ':'))}{tail}"
            )
        lines.append(f"  }}{comma}")
    lines.append("}")
    SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    if sys.argv[1:] != ["--write"]:
        print(__doc__)
        sys.exit(2)
    write(compute())
    print(f"wrote {SNAPSHOT}")
