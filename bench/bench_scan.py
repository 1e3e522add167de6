"""Arabic dictionary scan benchmark (geo.geoparse.scan).

Prints: the time to list the gazetteer's Arabic-script keys, the automaton's build time,
its size and the process memory it adds, the time to save it and to read it back, and the
scan speed in KB/s (UTF-8) on generated Arabic news-like text, with and without
tokenising.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._timing import median_seconds


def _words(text: str) -> list[str]:
    return text.split()


_VERBS = _words("قصفت استهدفت أعلنت قالت أفادت شهدت دخلت انسحبت وصلت سيطرت")
_NOUNS = _words(
    "الطائرات القوات المدفعية الحكومة المعارضة الأهالي المصادر الوكالة الوزارة اللجنة "
    "المنظمة الفصائل الشرطة المستشفيات الأسواق الطرق المدارس المساعدات"
)
_FILLER = _words(
    "أن هجوما عنيفا وقع صباح اليوم وأسفر عن سقوط قتلى وجرحى بين المدنيين وسط مخاوف من "
    "تصعيد جديد في الأيام المقبلة بحسب ما ذكرت مصادر محلية لم تكشف عن هويتها"
)
_CUES = _words("في إلى من قرب مدينة بلدة قرية محافظة ريف على")
_PARTICLES = ["", "", "", "و", "ب", "ل", "وب", "ف"]
_MARKS = "\u064e\u064f\u0650\u0652\u0651"


_RSS_PROBE = """
import sys
from pathlib import Path
from geo.geoparse import scan
def rss():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:"))
before = rss()
matcher = scan.load_matcher(Path(sys.argv[1]), {"bench": True})
assert matcher is not None
print(before, rss())
"""


def _text(keys: list[str], size: int, seed: int = 20240501) -> str:
    """Arabic news-like sentences of about ``size`` characters naming places of ``keys``."""
    rng = random.Random(seed)
    single = [k for k in keys if " " not in k and len(k) >= 3]
    multi = [k for k in keys if " " in k]
    parts: list[str] = []
    length = 0
    while length < size:
        words = [rng.choice(_VERBS), rng.choice(_NOUNS)]
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(multi if rng.random() < 0.2 else single)
            if rng.random() < 0.5:
                words.append(rng.choice(_CUES))
            name = rng.choice(_PARTICLES) + name
            if rng.random() < 0.1:  # vowel marks on some names
                name = "".join(c + (rng.choice(_MARKS) if rng.random() < 0.3 else "") for c in name)
            words.append(name)
            words.extend(rng.sample(_FILLER, rng.randint(2, 8)))
        sentence = " ".join(words) + rng.choice([".", "،", ".", "؟"]) + " "
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts)


def main() -> None:
    from geo.geoparse import scan
    from geo.geoparse.candidates import Index
    from geo.geoparse.tokenize import tokenize

    index = Index.default()
    gazetteer = index.gazetteer
    source = "Gazetteer.script_keys" if hasattr(gazetteer, "script_keys") else "fallback"
    start = time.perf_counter()
    keys = scan.arabic_keys(gazetteer)
    listed = time.perf_counter() - start
    print(f"Arabic-script keys: {len(keys):,} ({source}), listed in {listed:.2f} s")

    start = time.perf_counter()
    matcher = scan.build_matcher(keys)
    built = time.perf_counter() - start
    stats = matcher.automaton.get_stats()
    print(
        f"automaton build: {built:.2f} s; {matcher.size:,} strings, {stats['nodes_count']:,} "
        f"nodes, {stats['total_size'] / 2**20:.1f} MiB by pyahocorasick's count"
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.ac"
        meta = {"bench": True}
        start = time.perf_counter()
        scan.save_matcher(path, meta, matcher)
        saved = time.perf_counter() - start
        loaded = median_seconds(lambda: scan.load_matcher(path, meta), repeat=3)
        size = path.stat().st_size
        # memory in a fresh process: what reading the automaton adds to it
        probe = subprocess.run(
            [sys.executable, "-c", _RSS_PROBE, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        before, after = (int(x) for x in probe.stdout.split())
    print(
        f"saved automaton: {size / 2**20:.1f} MiB, saved in {saved:.2f} s, "
        f"read back in {loaded:.2f} s (median of 3), +{(after - before) / 1024:.1f} MiB RSS "
        "in a fresh process"
    )

    scanner = scan.Scanner(index, keys=keys)
    _ = scanner.matcher  # built here, not timed below
    text = _text(keys, 200_000)
    kb = len(text.encode("utf-8")) / 1024
    toks = tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())
    blocked = [False] * len(toks)
    spans = scanner.spans(text, toks, blocked)  # warm the word and candidate caches
    scan_only = median_seconds(lambda: scanner.spans(text, toks, blocked), repeat=3)
    both = median_seconds(
        lambda: scanner.spans(
            text,
            tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset()),
            blocked,
        ),
        repeat=3,
    )
    print(
        f"scan of {kb:,.0f} KB of generated Arabic text ({len(toks):,} words): "
        f"{kb / scan_only:,.0f} KB/s scan only, {kb / both:,.0f} KB/s with tokenising; "
        f"{len(spans):,} names ({len(spans) / kb:.1f} per KB)"
    )
