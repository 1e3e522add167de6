"""Build ``data/lang/frequencies.tsv.gz``: how common each word is, in each pack language.

The geoparser reads it to tell a capitalised common word ("University", "Spring", "Council")
from a place name. Source: the word frequencies of PyPI ``wordfreq`` (version pinned in the
``data`` extra; data CC BY-SA 4.0), for the languages of :data:`geo.lang.LANGUAGES`. Each word
is kept under its gazetteer key (:func:`geo.gazetteer.normalize_name`) with its Zipf frequency
(log10 of occurrences per billion words) rounded to one decimal, when that frequency is at
least :data:`MIN_ZIPF` and the key is one word of letters.

Usage (from the repository root)::

    python scripts/build_word_frequencies.py
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "lang" / "frequencies.tsv.gz"
MIN_ZIPF = 3.3


def main() -> int:
    sys.path.insert(0, str(REPO))
    import wordfreq

    from geo.gazetteer import normalize_name
    from geo.lang import LANGUAGES

    rows: list[str] = []
    for lang in LANGUAGES:
        best: dict[str, float] = {}
        for word in wordfreq.get_frequency_dict(lang):
            zipf = wordfreq.zipf_frequency(word, lang)
            if zipf < MIN_ZIPF:
                continue
            key = normalize_name(word)
            if len(key) < 2 or not key.isalpha():
                continue
            best[key] = max(best.get(key, 0.0), zipf)
        rows += [f"{lang}\t{key}\t{zipf:.1f}" for key, zipf in sorted(best.items())]
        print(f"{lang}: {len(best):,} words", file=sys.stderr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = ("lang\tkey\tzipf\n" + "\n".join(rows) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(
        f"wrote {OUT.relative_to(REPO)} ({OUT.stat().st_size / 1e6:.2f} MB, wordfreq "
        f"{wordfreq.__version__ if hasattr(wordfreq, '__version__') else '?'})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
