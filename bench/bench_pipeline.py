"""Benchmark of the batch runner (:mod:`geo.pipeline`): documents/s on 1 and 2 workers, a
Dask LocalCluster beside the process pool, and peak memory against corpus size.

The corpus is the generated varied corpus of :mod:`bench.corpus` (six languages, every
article different). Each figure comes from a fresh ``geo events`` process:

- throughput: wall-clock documents/s of ``geo events --no-merge`` with ``--workers 1``,
  ``--workers 2`` and ``--dask-local 2`` (start-up included), and the CPU milliseconds per
  article of the ``geo`` process itself (all the work with 1 worker; reading, writing and
  coordination with more: the workers are not its children, forkserver and Dask start them);
- memory: peak RSS (``VmHWM``) and CPU per article of ``geo events --workers 1`` (merged,
  the default, and ``--no-merge``) at several corpus sizes, and how much the peak grows from
  10,000 articles to the largest size (both stream: the merge spills the chunks to disk and
  merges them a block at a time, :class:`geo.events.merge.MergeStream`).

The machine's load (``os.getloadavg``) is printed: on a shared machine wall-clock ratios are
noisy, CPU per article is not.

Usage::

    python -m bench pipeline
    GEO_BENCH_ARTICLES=2000 GEO_BENCH_RSS_SIZES=1000,10000,50000 python -m bench pipeline
    GEO_BENCH_RUNS= GEO_BENCH_RSS_MODES=merged python -m bench pipeline  # memory, merged only
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_jsonl

N_ARTICLES = int(os.environ.get("GEO_BENCH_ARTICLES", "10000"))
RSS_SIZES = [
    int(n) for n in os.environ.get("GEO_BENCH_RSS_SIZES", "1000,10000,50000").split(",") if n
]
#: Which runs to time (GEO_BENCH_RUNS=dask times the LocalCluster only).
RUNS = os.environ.get("GEO_BENCH_RUNS", "serial,pool,dask").split(",")
#: Which modes of ``geo events`` the memory part measures (GEO_BENCH_RSS_MODES=merged: the
#: merged events only, the default of ``geo events``).
RSS_MODES = os.environ.get("GEO_BENCH_RSS_MODES", "merged,no-merge").split(",")

# A new process runs `geo` once and reports its wall time, its CPU time and that of its
# children (the pool's workers, once they are joined), and its peak RSS (VmHWM).
_FRESH = """
import contextlib, io, os, resource, sys, time
start = time.perf_counter()
from geo.cli import main
with contextlib.redirect_stderr(io.StringIO()):
    status = main(sys.argv[1:])
wall = time.perf_counter() - start
cpu = sum(os.times()[:4])
with open("/proc/self/status") as fh:
    rss = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:"))
print(status, wall, cpu, rss)
"""


def _fresh(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (with the workers) and peak RSS (MB) of ``geo argv``."""
    out = subprocess.run(
        [sys.executable, "-c", _FRESH, *argv], capture_output=True, text=True, check=True
    ).stdout.split()
    if out[0] not in ("0", "1"):
        raise RuntimeError(f"geo {' '.join(argv)} failed with status {out[0]}")
    return float(out[1]), float(out[2]), int(out[3]) / 1024


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    # the gazetteer index is built once per install: build it here if it is missing, so that
    # no timed or measured run includes the build (it alone peaks near 650 MB)
    from geo.gazetteer import open_index

    open_index()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_jsonl(folder / "corpus.jsonl", N_ARTICLES)
        size_mb = corpus.stat().st_size / 1e6
        print(f"corpus: {N_ARTICLES:,} generated articles, {size_mb:.1f} MB; {_load()}")
        out = str(folder / "events.csv")
        runs = {
            label: flags
            for label, flags, key in (
                ("1 worker", ["--workers", "1"], "serial"),
                ("2 workers (process pool)", ["--workers", "2"], "pool"),
                ("Dask LocalCluster, 2 workers", ["--dask-local", "2"], "dask"),
            )
            if key in RUNS
        }
        rates: dict[str, float] = {}
        for label, flags in runs.items():
            wall, cpu, _ = _fresh(["events", str(corpus), "-o", out, "--no-merge", *flags])
            rates[label] = N_ARTICLES / wall
            print(
                f"geo events --no-merge, {label}: {rates[label]:,.0f} documents/s "
                f"({wall:.1f} s wall), {1e3 * cpu / N_ARTICLES:.1f} ms CPU per article in the "
                f"geo process; {_load()}"
            )
        if "serial" in RUNS and "pool" in RUNS:
            ratio = rates["2 workers (process pool)"] / rates["1 worker"]
            print(f"speed-up of 2 workers over 1: {ratio:.2f}x (target >= 1.8x on 2 idle cores)")

        peaks: dict[int, dict[str, float]] = {}
        for n in RSS_SIZES:
            path = corpus if n == N_ARTICLES else write_jsonl(folder / f"c{n}.jsonl", n)
            started = time.perf_counter()
            peaks[n] = {}
            told = []
            for mode in RSS_MODES:
                flags = ["--no-merge"] if mode == "no-merge" else []
                _, cpu, peak = _fresh(["events", str(path), "-o", out, "--workers", "1", *flags])
                peaks[n][mode] = peak
                told.append(
                    f"geo events{' --no-merge' if flags else ' (merged)'} {peak:,.0f} MB "
                    f"({1e3 * cpu / n:.1f} ms CPU per article)"
                )
            print(
                f"peak RSS at {n:,} articles: {', '.join(told)} "
                f"({time.perf_counter() - started:.0f} s)"
            )
            if path != corpus:
                path.unlink()
        sizes = sorted(n for n in peaks if n >= 10_000)
        if len(sizes) > 1:
            low, high = sizes[0], sizes[-1]
            growth = [
                f"{mode} {100 * (peaks[high][mode] / peaks[low][mode] - 1):+.0f}%"
                for mode in RSS_MODES
            ]
            print(
                f"peak RSS from {low:,} to {high:,} articles: {', '.join(growth)} "
                "(target: within 20%)"
            )


if __name__ == "__main__":
    main()
