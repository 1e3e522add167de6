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

# --------------------------------------------------------------------------- geoparsing

#: Entries kept in each of the geoparser's lookup caches before they are cleared.
GEOPARSE_CACHE_SIZE: Final = 200_000

#: A sentence is a headline (capitals mean little in it) when at least this share of its
#: words of four letters or more are capitalised, or written in capitals.
GEOPARSE_HEADLINE_CAPITALISED_SHARE: Final = 0.75

#: Longest place name the geoparser looks up, in tokens.
GEOPARSE_MAX_TOKENS: Final = 8

#: Mean Earth radius used for great-circle distances, in km.
EARTH_RADIUS_KM: Final = 6371.0088

#: Most gazetteer places read per key, and candidates scored per name (best priors first).
GEOPARSE_MAX_CANDIDATES: Final = 25
GEOPARSE_SCORED_CANDIDATES: Final = 12

#: Static prior of a country named by one of its names; of a country named in a language
#: none of the packs speaks ("Argelia" is also a town in Colombia), that of a small town.
GEOPARSE_COUNTRY_PRIOR: Final = 12.0
GEOPARSE_FOREIGN_COUNTRY_PRIOR: Final = 4.0

#: Languages whose country names are not "foreign" (see GEOPARSE_FOREIGN_COUNTRY_PRIOR).
GEOPARSE_COUNTRY_NAME_LANGUAGES: Final = ("en", "fr", "es", "ru", "uk", "ar")

#: Cap of a place's static prior (log10 of the population + 1 for the primary name).
GEOPARSE_PRIOR_CAP: Final = 9.0

#: Prior lost by a candidate reached through a spelling variant.
GEOPARSE_VARIANT_PENALTY: Final = 0.7

#: A town of note: prior (log10 population, +1 for the primary name) of ~30,000 people; a
#: major city: ~300,000 (its name is no common word by accident).
GEOPARSE_NOTABLE_PRIOR: Final = 4.5
GEOPARSE_MAJOR_PRIOR: Final = 5.5

#: A name is unambiguous when its second candidate's prior is this much lower, or when all
#: its candidates lie within GEOPARSE_SAME_PLACE_KM of the first.
GEOPARSE_CLEAR_PRIOR_GAP: Final = 1.5
GEOPARSE_SAME_PLACE_KM: Final = 100.0

#: A name whose candidates lie within this many km of each other is not rescored in the
#: second round.
GEOPARSE_AMBIGUOUS_KM: Final = 50.0

#: A town and a region of the same name are twins within this distance (km).
GEOPARSE_TWIN_KM: Final = 150.0

#: A city at least this populous keeps its name in "la région de X" / "the X region" (the
#: metropolitan area); smaller ones give the name to the administrative region.
GEOPARSE_METROPOLIS_POPULATION: Final = 1_500_000

#: Proximity support fades as exp(-km / GEOPARSE_PROXIMITY_KM); a place farther than
#: GEOPARSE_FAR_KM from every other place named is "far".
GEOPARSE_PROXIMITY_KM: Final = 150.0
GEOPARSE_FAR_KM: Final = 600.0

#: Towns (and regions) named in one sentence within this distance support each other.
GEOPARSE_NEAR_KM: Final = 80.0

#: A town within this distance of a named disputed area is supported by a separatist cue.
GEOPARSE_SEPARATIST_KM: Final = 80.0

#: A place is supported when its proximity feature reaches this value (about 350 km).
GEOPARSE_SUPPORTED_PROXIMITY: Final = 0.1

#: Score margins between the best and the second candidate are capped at this value.
GEOPARSE_MARGIN_CAP: Final = 5.0

#: Names of at most this many characters are "short" for recognition.
GEOPARSE_SHORT_NAME: Final = 3

#: A one-word name this common (Zipf frequency: log10 of uses per billion words) in the
#: document's languages is a "frequent word" for recognition (council, spring: about 5).
GEOPARSE_FREQUENT_ZIPF: Final = 4.5

#: Transliteration (geo.geoparse.translit): candidates reached through a Latin
#: transliteration of a Cyrillic or Arabic name have their prior lowered by this much...
GEOPARSE_TRANSLIT_PENALTY: Final = 0.7
#: ... the spelling variants of this many of a Cyrillic name's transliterations are tried
#: when none of them is a gazetteer name ("Тальбиса": "talbisa", "talbisah")...
GEOPARSE_TRANSLIT_VARIANT_KEYS: Final = 4
#: ... an Arabic consonant skeleton has at least this many letters to be looked up...
GEOPARSE_TRANSLIT_MIN_SKELETON: Final = 2
#: ... and one of fewer letters than this needs a settlement or region noun before it.
GEOPARSE_TRANSLIT_SHORT_SKELETON: Final = 3
#: An Arabic name found through its skeleton is taken when one of its places lies within
#: this distance of a town or region the document names (in one of its countries).
GEOPARSE_TRANSLIT_NEAR_KM: Final = 250.0
#: A word this common (Zipf frequency) in the languages of its script (Russian and
#: Ukrainian, Arabic) is no name the gazetteer lacks as written: it is not looked up
#: through a transliteration (the frequency table holds the words from 3.3 on).
GEOPARSE_TRANSLIT_MAX_ZIPF: Final = 3.3
