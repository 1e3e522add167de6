"""Fit the geoparser's weights (``geo/geoparse/weights.json``) on annotated text.

Training data: the development articles of ``tests/eval/dev/src`` (every language) and the
public corpora of ``../shared/corpora`` (LGL, GeoVirus), read where they are. Never the
frozen test split.

Two models are fitted, each a regularised logistic regression over the named features of
:mod:`geo.geoparse.features`:

- resolution: a conditional logit over the candidates of each name found (the right
  candidate is the gold place: same id, same country for a country, or the nearest
  candidate within 161 km);
- recognition: the probability that a span names a place (1 when its span is a gold span),
  and its threshold: the middle of the thresholds whose F1 is near the best one's, on
  out-of-fold probabilities (documents in folds; F1 is flat near its top, and its argmax
  alone jumped with any change of features or training set: 0.46, 0.48, 0.60).

Context features depend on the places chosen, so fitting alternates: parse with the current
weights, fit, parse again with the new ones (``--rounds``).

Usage (from the repository root; needs the ``dev`` extras: scipy, scikit-learn)::

    python scripts/fit_geoparser.py                 # fit and write the weights
    python scripts/fit_geoparser.py --cross         # also fit on one corpus, score the other
    python scripts/fit_geoparser.py --dry-run       # fit and report, write nothing
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import re
import subprocess
import sys
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
#: One sentence in this many becomes a short training text of its own.
SENTENCE_EVERY = 3
WEIGHTS = REPO / "geo" / "geoparse" / "weights.json"
L2_RESOLVE = 0.5
L2_RECOGNISE = 1.0
#: The recognition threshold is chosen on out-of-fold probabilities: the documents (each
#: with the sentences cut from it) are split in this many folds, and each fold's spans are
#: scored by the model fitted on the others; in-sample probabilities are too sure of the
#: spans they were fitted on.
THRESHOLD_FOLDS = 5
#: ... among these thresholds ...
THRESHOLD_GRID = np.round(np.arange(0.2, 0.805, 0.01), 2)
#: ... as the middle of those whose F1 is within this of the best: F1 is flat near its top,
#: and the argmax alone moves with any change of the training set.
THRESHOLD_PLATEAU = 0.001


def _evaluation() -> Any:
    spec = importlib.util.spec_from_file_location(
        "geo_eval", REPO / "tests" / "eval" / "evaluate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["geo_eval"] = module
    spec.loader.exec_module(module)
    return module


def load_training(ev: Any, corpora: Sequence[str]) -> list[Any]:
    docs: list[Any] = []
    for name in corpora:
        docs += ev.load_articles("dev") if name == "ours" else ev.load_corpus(name)
    return docs + sentence_documents(ev, docs)


_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+(?=\S)|\n+")


def sentence_documents(ev: Any, docs: Sequence[Any], *, every: int = SENTENCE_EVERY) -> list[Any]:
    """Short texts cut from the training documents: one sentence in ``every``, as a document
    of its own with its gold spans (source ``<corpus>:sentence``), so that the weights also
    learn names that stand alone (headlines, captions, one-line notes)."""
    out: list[Any] = []
    for doc in docs:
        text = doc.text
        start = 0
        bounds = []
        for m in _SENTENCE_END.finditer(text):
            bounds.append((start, m.start()))
            start = m.end()
        bounds.append((start, len(text)))
        for k, (a, b) in enumerate(bounds):
            if k % every or b - a < 20:
                continue
            gold = [
                ev.Gold(g.start - a, g.end - a, g.text, g.ref, g.demonym)
                for g in doc.gold
                if a <= g.start and g.end <= b
            ]
            traps = [(s - a, e - a, t) for s, e, t in doc.traps if a <= s and e <= b]
            group = doc.group if doc.group in ev.PUBLIC else "ours"
            out.append(
                ev.Article(f"{doc.name}#s{k}", f"{group}:sentence", text[a:b], gold, traps, False)
            )
    return out


def collect(
    ev: Any, docs: Iterable[Any], model: Any
) -> tuple[list[tuple[np.ndarray, int, str]], list[tuple[dict[str, float], int, str, int]]]:
    """Resolution groups (features of each candidate, index of the right one) and
    recognition examples (span features, 1 when the span is a gold span, source, fold of
    the document: a sentence cut from a document is in its fold)."""
    from geo.geoparse import Geoparser
    from geo.geoparse.features import RESOLVE_FEATURES
    from geo.geoparse.resolve import Trace
    from geo.io.documents import make_document

    parser = Geoparser(model=model)
    reference = ev.Reference()
    columns = {name: i for i, name in enumerate(RESOLVE_FEATURES)}
    groups: list[tuple[np.ndarray, int, str]] = []
    spans: list[tuple[dict[str, float], int, str, int]] = []
    for article in docs:
        doc = make_document(article.text, doc_id=article.name, header=article.header)
        trace = Trace()
        lang = doc.lang if doc.lang != "und" else None
        parser.parse_text(doc.text, lang=lang, start=doc.body_start, doc_id=doc.doc_id, trace=trace)
        gold = {(g.start, g.end): g for g in article.gold}
        # a name written with a closing period ("Ky.", "U.S."): the mention takes the period
        gold.update(
            {
                (g.start, g.end - 1): g
                for g in article.gold
                if g.end - g.start > 1 and article.text[g.end - 1] == "."
            }
        )
        public = article.group.split(":")[0] in ev.PUBLIC
        for group, scored in trace.candidates:
            refs = [gold[(s.start, s.end)].ref for s in group if (s.start, s.end) in gold]
            if not refs or len(scored) < 2:
                continue
            ref = max(refs, key=refs.count)  # the first written wins a tie (no set order)
            right = _right_index(ev, reference, scored, ref, public)
            if right is None:
                continue
            x = np.zeros((len(scored), len(columns)))
            for row, (_, f) in enumerate(scored):
                for k, v in f.items():
                    if k in columns:
                        x[row, columns[k]] = v
            groups.append((x, right, article.group))
        ruled = {id(group) for group in trace.ruled}
        fold = zlib.crc32(article.name.split("#s")[0].encode("utf-8")) % THRESHOLD_FOLDS
        for group, g, _place in trace.spans:
            if id(group) in ruled:
                continue  # kept by the text whatever the weights
            for s in group:
                spans.append((g, int((s.start, s.end) in gold), article.group, fold))
    return groups, spans


def _right_index(
    ev: Any, reference: Any, scored: Sequence[tuple[Any, dict[str, float]]], ref: str, public: bool
) -> int | None:
    if ref.startswith("cc:"):
        for i, (p, _) in enumerate(scored):
            if p.kind == "country" and p.country_code == ref[3:]:
                return i
        return None
    for i, (p, _) in enumerate(scored):
        if p.id == ref:
            return i
    point = reference.point(ref)
    if point is None:
        return None
    best, best_km = None, math.inf
    for i, (p, _) in enumerate(scored):
        km = ev._km(p.latitude, p.longitude, *point)
        ok = km <= ev.RIGHT_KM or (
            public and p.kind == "country" and reference.in_country(*point, p.country_code)
        )
        if ok and km < best_km:
            best, best_km = i, km
    return best


def balance(sources: Sequence[str]) -> np.ndarray:
    """Weights that give each source (corpus, or language of our articles) the same total
    weight, so that the largest corpus does not decide alone; mean weight 1."""
    counts: dict[str, int] = {}
    for s in sources:
        counts[s] = counts.get(s, 0) + 1
    w = np.array([1.0 / counts[s] for s in sources])
    return w * len(w) / w.sum()


def fit_resolution(groups: Sequence[tuple[np.ndarray, int, str]], start: np.ndarray) -> np.ndarray:
    """Conditional logit with an L2 penalty (L-BFGS), sources balanced."""
    from scipy.optimize import minimize

    weights = balance([g[2] for g in groups])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total = 0.5 * L2_RESOLVE * float(w @ w)
        grad = L2_RESOLVE * w.copy()
        for (x, right, _), weight in zip(groups, weights, strict=True):
            s = x @ w
            s -= s.max()
            e = np.exp(s)
            p = e / e.sum()
            total -= weight * math.log(max(p[right], 1e-300))
            grad += weight * (x.T @ p - x[right])
        return total, grad

    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return np.asarray(result.x)


def fit_recognition(
    examples: Sequence[tuple[dict[str, float], int, str, int]],
) -> tuple[dict[str, float], float]:
    """Logistic regression of the recognition features (sources balanced), and its
    threshold (:func:`choose_threshold` of the out-of-fold probabilities)."""
    from sklearn.linear_model import LogisticRegression

    from geo.geoparse.features import RECOGNISE_FEATURES

    names = [n for n in RECOGNISE_FEATURES if n != "bias"]
    x = np.array([[g.get(n, 0.0) for n in names] for g, *_ in examples])
    y = np.array([label for _, label, *_ in examples])
    sw = balance([source for _, _, source, _ in examples])
    folds = np.array([fold for *_, fold in examples])
    clf = LogisticRegression(C=1.0 / L2_RECOGNISE, max_iter=2000)
    clf.fit(x, y, sample_weight=sw)
    weights = {n: float(v) for n, v in zip(names, clf.coef_[0], strict=True)}
    weights["bias"] = float(clf.intercept_[0])
    p = np.zeros(len(y))
    for k in range(THRESHOLD_FOLDS):
        out = folds == k
        if not out.any():
            continue
        part = LogisticRegression(C=1.0 / L2_RECOGNISE, max_iter=2000)
        part.fit(x[~out], y[~out], sample_weight=sw[~out])
        p[out] = part.predict_proba(x[out])[:, 1]
    return weights, choose_threshold(p, y, sw)


def choose_threshold(p: np.ndarray, y: np.ndarray, sw: np.ndarray) -> float:
    """The middle of the thresholds of THRESHOLD_GRID whose weighted F1 (probabilities
    ``p``, labels ``y``, weights ``sw``) is within THRESHOLD_PLATEAU of the best one's.

    >>> y = np.array([1, 1, 0, 0])
    >>> choose_threshold(np.array([0.9, 0.69, 0.3, 0.1]), y, np.ones(4))
    0.5
    """
    f1s = []
    positive = float((sw * (y == 1)).sum())
    for t in THRESHOLD_GRID:
        pred = p >= t
        tp = float((sw * (pred & (y == 1))).sum())
        prec = tp / max(float((sw * pred).sum()), 1e-9)
        rec = tp / max(positive, 1e-9)
        f1s.append(2 * prec * rec / max(prec + rec, 1e-9))
    best = max(f1s)
    near = [
        float(t)
        for t, f1 in zip(THRESHOLD_GRID, f1s, strict=True)
        if f1 >= best - THRESHOLD_PLATEAU
    ]
    return round((near[0] + near[-1]) / 2, 2)


def fit(docs: Sequence[Any], ev: Any, rounds: int) -> Any:
    from geo.geoparse.features import RESOLVE_FEATURES
    from geo.geoparse.resolve import Model

    model = Model.load()
    for rnd in range(rounds):
        t0 = time.perf_counter()
        groups, spans = collect(ev, docs, model)
        start = np.array([model.resolve.get(n, 0.0) for n in RESOLVE_FEATURES])
        w = fit_resolution(groups, start)
        rec, threshold = fit_recognition(spans)
        model = Model(
            {n: round(float(v), 4) for n, v in zip(RESOLVE_FEATURES, w, strict=True)},
            {n: round(v, 4) for n, v in rec.items()},
            threshold,
            {},
        )
        print(
            f"round {rnd + 1}: {len(groups)} ambiguous names, {len(spans)} spans "
            f"({time.perf_counter() - t0:.1f} s)",
            flush=True,
        )
    return model


def score(ev: Any, docs: Sequence[Any], model: Any) -> Any:
    import geo.geoparse as gp
    from geo.geoparse import Geoparser

    gp._DEFAULT_PARSER = Geoparser(model=model)
    total, _ = ev.evaluate(docs)
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cross", action="store_true", help="fit on one corpus, score the other")
    parser.add_argument("--dry-run", action="store_true", help="write no weights")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    ev = _evaluation()
    corpora = ["ours", "lgl", "geovirus"]
    if args.cross:
        for train, held in ((["ours", "lgl"], "geovirus"), (["ours", "geovirus"], "lgl")):
            model = fit(load_training(ev, train), ev, args.rounds)
            s = score(ev, ev.load_corpus(held), model)
            print(f"fit on {'+'.join(train)}, scored on {held}: {ev._line(held, s)}")
    docs = load_training(ev, corpora)
    model = fit(docs, ev, args.rounds)
    whole = [d for d in docs if ":" not in d.group]
    for name in corpora:
        part = [
            d
            for d in whole
            if (d.group in ev.PUBLIC) == (name != "ours") and (name == "ours" or d.group == name)
        ]
        print(ev._line(f"{name} (training)", score(ev, part, model)))
    if args.dry_run:
        return 0
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    data = {
        "meta": {
            "fitted": dt.date.today().isoformat(),
            "command": "python scripts/fit_geoparser.py",
            "commit": commit,
            "training": "tests/eval/dev (all languages), LGL and GeoVirus (../shared/corpora)",
            "documents": len(docs),
        },
        "threshold": model.threshold,
        "resolve": dict(model.resolve),
        "recognise": dict(model.recognise),
    }
    WEIGHTS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
