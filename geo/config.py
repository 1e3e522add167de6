"""Every weight, threshold and default of geo, named once.

Library defaults, limits and the geoparser's hand-set thresholds live here; the weights the
geoparser *fits* on annotated data live in ``geo/geoparse/weights.json`` (written by
``scripts/fit_geoparser.py``), never in code.
"""

from __future__ import annotations

from typing import Final

# --------------------------------------------------------------------------- languages

#: Characters of a document read by the language detector.
LANG_SAMPLE_CHARS: Final = 5_000

#: Least evidence (stop words counted, shared ones in part) before a language is named.
LANG_MIN_EVIDENCE: Final = 2.0

#: The best language must have this many times the evidence of the second.
LANG_MARGIN: Final = 1.3

#: Evidence added per letter that only Ukrainian (і, ї, є, ґ) or only Russian (ы, э, ё, ъ)
#: uses.
LANG_LETTER_WEIGHT: Final = 0.5

#: A sentence longer than this many words gets its own language when its evidence is clear
#: and differs from the document's (mixed text); shorter ones take the document's.
LANG_SENTENCE_MIN_WORDS: Final = 6
