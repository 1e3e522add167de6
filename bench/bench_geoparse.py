"""Benchmark of the geoparser: ``geo parse`` documents/s and ``geo.geoparse()`` calls/s.

The corpus is the generated mixed-language corpus of :mod:`bench.corpus` (English, French,
Spanish, Russian, Ukrainian and Arabic in turn; every article different). Figures are CPU
seconds of this process (``time.process_time``), so that other work on the machine does not
count; each is the median of :data:`REPEAT` runs. "First pass" is a fresh process's first run
(the gazetteer index opened, word forms and scans built on first use); "warm" the runs after
over the same articles; "warm, new articles" a warm process on articles it has not seen (other
seed: per-name caches miss more). Each figure is printed beside :data:`BASELINE`, measured
before the geoparser was made faster (geo 8277359, same machine and corpus).

Usage::

    python -m bench geoparse
    GEO_BENCH_ARTICLES=2000 python -m bench geoparse
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import SEED, iter_corpus, write_jsonl

N_ARTICLES = int(os.environ.get("GEO_BENCH_ARTICLES", "1200"))
N_CALLS = 300
REPEAT = 3
#: Figures before the speed-up (geo 8277359): first pass and warm documents/s of
#: ``geo parse``, and ``geo.geoparse()`` calls/s (78, 134 and 102 in an earlier run).
BASELINE = {"first": 100, "warm": 133, "calls": 97}

# A new process parses the corpus once and reports its CPU time and peak RSS (VmHWM).
_FRESH = """
import contextlib, io, sys, time
start = time.process_time()
from geo.cli import main
with contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
cpu = time.process_time() - start
with open("/proc/self/status") as fh:
    rss = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:"))
print(cpu, rss)
"""


def _cpu(fn: object) -> float:
    start = time.process_time()
    fn()  # type: ignore[operator]
    return time.process_time() - start


def main() -> None:
    import geo
    from geo.cli import main as geo_main

    docs = list(iter_corpus(N_ARTICLES))
    size_mb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(Path(tmp) / "corpus.jsonl", N_ARTICLES)
        out = Path(tmp) / "mentions.csv"
        argv = ["parse", str(corpus), "-o", str(out), "--no-progress", "--workers", "1"]
        fresh = subprocess.run(
            [sys.executable, "-c", _FRESH, *argv], capture_output=True, text=True, check=True
        ).stdout.split()
        first_s, rss_mb = float(fresh[0]), int(fresh[1]) / 1024

        def parse() -> None:
            with contextlib.redirect_stderr(io.StringIO()):
                geo_main(argv)

        parse()  # warm this process
        warm_s = statistics.median(_cpu(parse) for _ in range(REPEAT))
        mentions = sum(1 for _ in out.open(encoding="utf-8")) - 1
        other = write_jsonl(Path(tmp) / "other.jsonl", N_ARTICLES, seed=SEED + 1)
        argv_new = ["parse", str(other), "-o", str(out), "--no-progress", "--workers", "1"]

        def parse_new() -> None:
            with contextlib.redirect_stderr(io.StringIO()):
                geo_main(argv_new)

        new_s = _cpu(parse_new)

    texts = [d["text"] for d in docs[:N_CALLS]]
    geo.geoparse(texts[0])

    def calls() -> None:
        for text in texts:
            geo.geoparse(text)

    calls_s = statistics.median(_cpu(calls) for _ in range(REPEAT))
    print(
        f"corpus: {N_ARTICLES} generated articles in en/fr/es/ru/uk/ar, {size_mb:.2f} MB "
        f"({size_mb * 1e3 / N_ARTICLES:.1f} KB each), {mentions:,} mentions found"
    )
    print(
        f"geo parse, first pass (fresh process, CPU incl. start-up): "
        f"{N_ARTICLES / first_s:,.0f} documents/s (baseline {BASELINE['first']}; "
        f"{first_s:.2f} s); peak RSS {rss_mb:,.0f} MB"
    )
    print(
        f"geo parse, warm (median CPU of {REPEAT}): {N_ARTICLES / warm_s:,.0f} documents/s "
        f"(baseline {BASELINE['warm']}), {size_mb / warm_s:.2f} MB/s"
    )
    print(f"geo parse, warm, new articles: {N_ARTICLES / new_s:,.0f} documents/s")
    print(
        f"geo.geoparse(text) per article, warm: {N_CALLS / calls_s:,.0f} calls/s "
        f"(baseline {BASELINE['calls']})"
    )


if __name__ == "__main__":
    main()
