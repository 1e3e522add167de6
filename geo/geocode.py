"""Geocoders: the offline gazetteer as a geopy ``Geocoder``, and cached online services.

:class:`OfflineGeocoder` answers from the embedded gazetteer, with no network. Online
services are geopy geocoders looked up by name (``get_geocoder_for_service``), wrapped by
:class:`CachedGeocoder`: geopy's ``RateLimiter`` spaces the requests, failed requests
(rate limit 429, server errors 5xx, time-outs) are retried with exponential back-off, and
every answer is kept in a persistent SQLite cache, so a rerun of an interrupted batch sends
no request twice.

Both are geopy ``Geocoder`` instances, and both work as a ``provider`` of
``geopandas.tools.geocode`` (geopandas calls the provider, which returns itself).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderNotFound,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeopyError,
)
from geopy.exc import GeocoderServiceError as GeopyServiceError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo import defaults
from geo._files import cache_dir
from geo.errors import CacheError, GeocoderServiceError, InputError
from geo.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name

__all__ = ["CachedGeocoder", "GeocodeCache", "OfflineGeocoder", "get_geocoder"]

logger = logging.getLogger(__name__)

ViewBox = Sequence[Point | Sequence[float] | str]

_MISS: Any = object()

# A place inside the viewbox counts as this much more likely (log10 of population units).
_VIEWBOX_BONUS = 3.0


def _as_codes(country_codes: str | Iterable[str] | None) -> set[str] | None:
    if country_codes is None:
        return None
    codes = [country_codes] if isinstance(country_codes, str) else list(country_codes)
    out = {c.strip().upper() for c in codes if c and c.strip()}
    for code in out:
        if len(code) != 2 or not code.isalpha():
            raise InputError(
                f"country code {code!r} is not an ISO 3166-1 alpha-2 code (such as 'AZ')"
            )
    return out or None


def _as_box(viewbox: ViewBox | None) -> tuple[float, float, float, float] | None:
    """Return (south, west, north, east) from geopy's viewbox convention (two corners)."""
    if viewbox is None:
        return None
    try:
        (lat1, lon1), (lat2, lon2) = (tuple(Point(corner))[:2] for corner in viewbox)
    except (TypeError, ValueError) as err:
        raise InputError(
            f"viewbox {viewbox!r} is not two corner points such as [(39, 46), (41, 48)]"
        ) from err
    return min(lat1, lat2), min(lon1, lon2), max(lat1, lat2), max(lon1, lon2)


def _in_box(place: Place, box: tuple[float, float, float, float]) -> bool:
    south, west, north, east = box
    return south <= place.latitude <= north and west <= place.longitude <= east


class OfflineGeocoder(Geocoder):  # type: ignore[misc]
    """Geocode place names from the embedded gazetteer, without any network.

    A geopy ``Geocoder``: :meth:`geocode` and :meth:`reverse` return geopy ``Location``
    objects whose ``raw`` is the gazetteer record (see :class:`geo.gazetteer.Place`).
    Without context, candidates rank by the exact primary name before an alternate name,
    then by kind (countries, disputed areas, towns, districts) and population.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The index to use; the process-wide one (:func:`geo.load_gazetteer`) by default.
    country_codes : str or list of str, optional
        Default restriction of :meth:`geocode` to these countries.
    language : str, optional
        Default language of the country names in addresses (``"fr"``, ``"en"``...).

    Examples
    --------
    >>> from geo import OfflineGeocoder
    >>> loc = OfflineGeocoder().geocode("Martouni")
    >>> loc.raw["name"], round(loc.latitude, 3), round(loc.longitude, 3)
    ('Khojavend', 39.795, 47.112)
    >>> [l.raw["country_code"] for l in OfflineGeocoder().geocode("Martuni", exactly_one=False)]
    ['AM', 'AM', 'AZ']
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        country_codes: str | Iterable[str] | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(user_agent=defaults.USER_AGENT)
        self._gazetteer = gazetteer
        self.country_codes = _as_codes(country_codes)
        self.language = language
        # Answers by query and options: press text repeats its place names, and the index
        # never changes under a running geocoder. Locations are shared: treat them as frozen.
        self._memo: dict[tuple[Any, ...], list[Location] | None] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer answering the queries (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, **kwargs: Any) -> OfflineGeocoder:
        """Return a geocoder with these options (``self`` if none).

        ``geopandas.tools.geocode`` calls its ``provider`` with the extra keyword arguments
        it was given, expecting a geocoder back.
        """
        if not kwargs:
            return self
        kwargs.setdefault("gazetteer", self._gazetteer)
        return OfflineGeocoder(**kwargs)

    def _address(self, place: Place, language: str | None) -> str:
        if place.kind == "country":
            return self.gazetteer.country_name(place.country_code or "", language) or place.name
        parts = [place.name]
        if place.admin1 and place.admin1 != place.name:
            parts.append(place.admin1)
        if place.country_code:
            country = self.gazetteer.country_name(place.country_code, language)
            if country:
                parts.append(country)
        return ", ".join(parts)

    def _location(self, place: Place, language: str | None) -> Location:
        point = Point(place.latitude, place.longitude, 0.0)
        return Location(self._address(place, language), point, place.to_dict())

    def candidates(
        self,
        query: str,
        *,
        country_codes: str | Iterable[str] | None = None,
        viewbox: ViewBox | None = None,
        bounded: bool = False,
        limit: int | None = None,
    ) -> list[Place]:
        """Return every place ``query`` may name, best first (the ranking of :meth:`geocode`).

        A query ``"Name, Qualifier"`` whose whole text is unknown is read as a name and
        qualifiers: a qualifier naming a country restricts to it, one naming a region
        prefers places in or near it.
        """
        if not isinstance(query, str):
            raise InputError(f"query {query!r} is not a string; pass the place name as text")
        codes = _as_codes(country_codes) or self.country_codes
        box = _as_box(viewbox)
        gaz = self.gazetteer
        found = gaz.lookup(query, country_codes=codes, limit=None if box else limit)
        near: Place | None = None
        if not found and "," in query:
            head, *qualifiers = (part.strip() for part in query.split(","))
            for qualifier in qualifiers:
                best = gaz.lookup(qualifier)
                if not best:
                    continue
                if best[0].kind == "country":
                    codes = (codes or set()) | {best[0].country_code or ""}
                else:
                    near = best[0]
            found = gaz.lookup(head, country_codes=codes)
        if box is not None:
            if bounded:
                found = [p for p in found if _in_box(p, box)]
            else:
                found = sorted(found, key=lambda p: -(p.score + _VIEWBOX_BONUS * _in_box(p, box)))
        if near is not None:
            found = sorted(found, key=lambda p: -(p.score + _near_bonus(p, near)))
        return found if limit is None else found[:limit]

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        viewbox: ViewBox | None = None,
        bounded: bool = False,
        language: str | None = None,
        limit: int | None = None,
        timeout: Any = None,
    ) -> Location | list[Location] | None:
        """Return the location(s) named by ``query``.

        Parameters
        ----------
        query : str
            A place name as written, in any supported language (``"Bakou"``, ``"Alep"``).
        exactly_one : bool
            Return the best location only (default), or a ranked list of every candidate.
        country_codes : str or list of str, optional
            Restrict to these ISO 3166-1 alpha-2 countries.
        viewbox : pair of points, optional
            ``[(lat1, lon1), (lat2, lon2)]``: prefer places inside this box.
        bounded : bool
            With ``viewbox``: keep only places inside it.
        language : str, optional
            Language of the country names in the addresses.
        limit : int, optional
            At most this many locations when ``exactly_one`` is False.
        timeout : ignored
            Accepted for compatibility with geopy: nothing here waits on a network.

        Returns
        -------
        geopy.location.Location, list of them, or None
            None when nothing matches (also for an empty query).
        """
        if not isinstance(query, str):
            raise InputError(f"query {query!r} is not a string; pass the place name as text")
        lang = language or self.language
        codes = _as_codes(country_codes)
        box = _as_box(viewbox)
        if exactly_one:
            limit = 1
        memo_key = (query, frozenset(codes or ()), box, bounded, lang, exactly_one, limit)
        memo = self._memo.get(memo_key, _MISS)
        if memo is _MISS:
            found = self.candidates(
                query, country_codes=codes, viewbox=viewbox, bounded=bounded, limit=limit
            )
            locations = [self._location(p, lang) for p in found]
            if len(self._memo) >= defaults.GEOCODE_MEMO_SIZE:
                self._memo.clear()
            memo = self._memo[memo_key] = locations or None
        if memo is None:
            return None
        return memo[0] if exactly_one else list(memo)

    def reverse(
        self,
        query: Point | Sequence[float] | str,
        *,
        exactly_one: bool = True,
        language: str | None = None,
        timeout: Any = None,
    ) -> Location | list[Location] | None:
        """Return the populated place nearest to a point.

        Parameters
        ----------
        query : geopy Point, (latitude, longitude) or "lat, lon"
        exactly_one : bool
            Return a location (default) or a one-element list.
        language : str, optional
            Language of the country name in the address.

        Examples
        --------
        >>> OfflineGeocoder().reverse((39.99, 46.93)).raw["name"]
        'Aghdam'
        """
        try:
            point = Point(query)
        except (TypeError, ValueError) as err:
            raise InputError(f"{query!r} is not a point; pass (latitude, longitude)") from err
        place = self.gazetteer.nearest(point.latitude, point.longitude)
        location = self._location(place, language or self.language)
        return location if exactly_one else [location]


def _near_bonus(place: Place, region: Place) -> float:
    if place.country_code != region.country_code:
        return 0.0
    if place.admin1_code and place.admin1_code == region.admin1_code:
        return _VIEWBOX_BONUS
    # Within about 150 km of the region's point: the same district or its neighbours.
    dlat = place.latitude - region.latitude
    dlon = place.longitude - region.longitude
    return _VIEWBOX_BONUS if dlat * dlat + dlon * dlon < 1.8 else 0.0


# --------------------------------------------------------------------------- online services


class GeocodeCache:
    """Persistent cache of online geocoder answers, in SQLite.

    Keyed by service, method, query and options. Each answer is committed as soon as it
    arrives, so a crash loses nothing already answered; a corrupted database file is moved
    aside and a new one started.

    Parameters
    ----------
    path : path-like, optional
        The database file; ``geocode-cache.sqlite3`` in the user cache directory by default.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> cache = GeocodeCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite3")
    >>> key = cache.key("nominatim", "geocode", "Bakou", {})
    >>> cache.get(key) is None
    True
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else cache_dir() / defaults.GEOCODE_CACHE_FILE
        self._lock = threading.Lock()
        self._conn = self._open()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, service TEXT, "
            "method TEXT, query TEXT, options TEXT, answer TEXT, created REAL)"
        )
        conn.execute("SELECT count(*) FROM answers").fetchone()
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except sqlite3.DatabaseError as err:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            logger.warning("geocode cache %s is corrupted (%s); moved to %s", self.path, err, aside)
            with contextlib.suppress(OSError):
                self.path.replace(aside)
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(f"{self.path}{suffix}").unlink()
            try:
                return self._connect()
            except sqlite3.Error as err2:
                raise CacheError(f"cannot create the geocode cache {self.path}: {err2}") from err2
        except (sqlite3.Error, OSError) as err:
            raise CacheError(
                f"cannot open the geocode cache {self.path}: {err}; set "
                f"${defaults.CACHE_DIR_ENV} to a writable folder"
            ) from err

    @staticmethod
    def key(service: str, method: str, query: object, options: dict[str, Any]) -> str:
        """Return the cache key of a request."""
        text = json.dumps([service, method, query, options], sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str) -> Any:
        """Return the stored answer (a JSON value), or None.

        A cached "not found" is None too: use :meth:`lookup` to tell it from a miss.
        """
        hit, value = self.lookup(key)
        return value if hit else None

    def lookup(self, key: str) -> tuple[bool, Any]:
        """Return ``(True, answer)`` for a cached request, ``(False, None)`` otherwise."""
        with self._lock:
            row = self._conn.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        if row is None:
            return False, None
        return True, json.loads(row[0])

    def put(
        self,
        key: str,
        answer: Any,
        *,
        service: str = "",
        method: str = "",
        query: object = "",
        options: dict[str, Any] | None = None,
    ) -> None:
        """Store an answer (JSON-serialisable) and commit it."""
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    service,
                    method,
                    json.dumps(query, default=str),
                    json.dumps(options or {}, sort_keys=True, default=str),
                    json.dumps(answer, default=str),
                    time.time(),
                ),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM answers").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._conn.close()


def _dump(found: Location | list[Location] | None) -> Any:
    if found is None:
        return None
    items = found if isinstance(found, list) else [found]
    return {
        "list": isinstance(found, list),
        "items": [
            {"address": x.address, "point": [x.latitude, x.longitude, x.altitude], "raw": x.raw}
            for x in items
        ],
    }


def _load(answer: Any) -> Location | list[Location] | None:
    if answer is None:
        return None
    items = [Location(x["address"], tuple(x["point"]), x["raw"]) for x in answer["items"]]
    return items if answer["list"] else (items[0] if items else None)


_FINAL = (
    GeocoderQueryError,
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderQuotaExceeded,
)


class _Limiter(RateLimiter):  # type: ignore[misc]
    """geopy's RateLimiter with an injectable clock and sleep (for tests)."""

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        min_delay_seconds: float,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
    ) -> None:
        super().__init__(
            func, min_delay_seconds=min_delay_seconds, max_retries=0, swallow_exceptions=False
        )
        self._clock_fn = clock
        self._sleep_fn = sleep

    def _clock(self) -> float:
        return self._clock_fn()

    def _sleep(self, seconds: float) -> None:
        self._sleep_fn(seconds)


class CachedGeocoder(Geocoder):  # type: ignore[misc]
    """An online geopy geocoder behind a rate limiter, retries and a persistent cache.

    Parameters
    ----------
    geocoder : geopy.geocoders.base.Geocoder
        The service client.
    service : str
        Its name, part of the cache key.
    cache : GeocodeCache, optional
        Where answers are kept (the user cache by default); ``False`` for none.
    min_delay_seconds : float, optional
        Minimum time between two requests (Nominatim: 1 s).
    max_retries : int
        Retries after a rate limit, server error or time-out.
    backoff_seconds : float
        First retry delay; doubles at each retry, capped by ``max_backoff_seconds``. A
        ``Retry-After`` sent by the service is honoured when longer.
    clock, sleep : callable
        Time functions (injected by tests).

    Examples
    --------
    >>> geocoder = get_geocoder("nominatim")  # doctest: +SKIP
    >>> geocoder.geocode("Bakou").raw["display_name"]  # doctest: +SKIP
    """

    def __init__(
        self,
        geocoder: Geocoder,
        *,
        service: str,
        cache: GeocodeCache | bool | None = None,
        min_delay_seconds: float | None = None,
        max_retries: int = defaults.MAX_RETRIES,
        backoff_seconds: float = defaults.BACKOFF_SECONDS,
        max_backoff_seconds: float = defaults.MAX_BACKOFF_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(user_agent=defaults.USER_AGENT)
        self.geocoder = geocoder
        self.service = service
        if cache is None or cache is True:
            cache = GeocodeCache()
        self.cache: GeocodeCache | None = None if cache is False else cache
        if min_delay_seconds is None:
            min_delay_seconds = defaults.MIN_DELAY_SECONDS.get(
                service, defaults.DEFAULT_MIN_DELAY_SECONDS
            )
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self._sleep_fn = sleep
        self._geocode = _Limiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, clock=clock, sleep=sleep
        )
        self._reverse = _Limiter(
            geocoder.reverse, min_delay_seconds=min_delay_seconds, clock=clock, sleep=sleep
        )
        self.requests = 0

    def __call__(self, **kwargs: Any) -> CachedGeocoder:
        """Return ``self`` (``geopandas.tools.geocode`` calls its provider)."""
        if kwargs:
            raise InputError(f"options {sorted(kwargs)} must be given to get_geocoder()")
        return self

    def _with_retries(self, limited: Callable[..., Any], query: Any, kwargs: dict[str, Any]) -> Any:
        attempt = 0
        while True:
            try:
                self.requests += 1
                return limited(query, **kwargs)
            except GeopyServiceError as err:
                # geopy files a 429 under quota errors, but waiting is what it asks for
                if isinstance(err, _FINAL) and not isinstance(err, GeocoderRateLimited):
                    if isinstance(err, GeocoderQueryError):
                        raise InputError(f"{self.service} rejected query {query!r}: {err}") from err
                    raise GeocoderServiceError(
                        f"{self.service} refused the request for {query!r}: {err}; check the "
                        "API key, account or quota"
                    ) from err
                if attempt >= self.max_retries:
                    raise GeocoderServiceError(
                        f"{self.service} failed for {query!r} after {attempt + 1} attempts: "
                        f"{err}; try again later or use the offline geocoder"
                    ) from err
                self._sleep_fn(self._backoff(attempt, err))
                attempt += 1

    def _backoff(self, attempt: int, err: Exception) -> float:
        delay = float(min(self.backoff_seconds * 2**attempt, self.max_backoff_seconds))
        retry_after = getattr(err, "retry_after", None)
        if retry_after:
            delay = max(delay, float(retry_after))
        logger.info("%s: %s; retrying in %.1f s", self.service, err, delay)
        return delay

    def _cached(
        self, method: str, limited: Callable[..., Any], query: Any, kwargs: dict[str, Any]
    ) -> Any:
        options = {k: v for k, v in kwargs.items() if k != "timeout"}
        if self.cache is None:
            return self._with_retries(limited, query, kwargs)
        key = GeocodeCache.key(self.service, method, query, options)
        hit, answer = self.cache.lookup(key)
        if hit:
            return _load(answer)
        found = self._with_retries(limited, query, kwargs)
        self.cache.put(
            key, _dump(found), service=self.service, method=method, query=query, options=options
        )
        return found

    def geocode(self, query: Any, **kwargs: Any) -> Location | list[Location] | None:
        """Geocode through the service (cached, rate limited, retried)."""
        if isinstance(query, str) and not normalize_name(query):
            return None
        return self._cached("geocode", self._geocode, query, kwargs)

    def reverse(self, query: Any, **kwargs: Any) -> Location | list[Location] | None:
        """Reverse geocode through the service (cached, rate limited, retried)."""
        point = Point(query)
        return self._cached("reverse", self._reverse, [point.latitude, point.longitude], kwargs)


def get_geocoder(name: str = defaults.DEFAULT_GEOCODER, **kwargs: Any) -> Geocoder:
    """Return a geocoder by name.

    Parameters
    ----------
    name : str
        ``"offline"`` (the embedded gazetteer, default) or any geopy service name
        (``"nominatim"``, ``"photon"``, ``"arcgis"``...).
    **kwargs
        For ``"offline"``: options of :class:`OfflineGeocoder`. For a service: options of
        its geopy class (``api_key``, ``domain``, ``adapter_factory``...), and of
        :class:`CachedGeocoder` (``cache``, ``min_delay_seconds``, ``max_retries``,
        ``backoff_seconds``, ``clock``, ``sleep``). A ``user_agent`` is set for you.

    Returns
    -------
    geopy.geocoders.base.Geocoder

    Examples
    --------
    >>> get_geocoder().geocode("Bruxelles").raw["country_code"]
    'BE'
    >>> type(get_geocoder("nominatim", cache=False)).__name__
    'CachedGeocoder'
    """
    key = name.strip().lower()
    if key == "offline":
        return OfflineGeocoder(**kwargs)
    from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service

    try:
        cls = get_geocoder_for_service(key)
    except GeocoderNotFound as err:
        known = ", ".join(["offline", *sorted(SERVICE_TO_GEOCODER)])
        raise InputError(f"unknown geocoder {name!r}; choose one of: {known}") from err
    wrapper_options = {
        k: kwargs.pop(k)
        for k in (
            "cache",
            "min_delay_seconds",
            "max_retries",
            "backoff_seconds",
            "max_backoff_seconds",
            "clock",
            "sleep",
        )
        if k in kwargs
    }
    kwargs.setdefault("user_agent", defaults.USER_AGENT)
    kwargs.setdefault("timeout", defaults.TIMEOUT_SECONDS)
    try:
        service = cls(**kwargs)
    except (TypeError, ValueError, GeopyError) as err:
        raise InputError(f"cannot set up geocoder {name!r}: {err}") from err
    return CachedGeocoder(service, service=key, **wrapper_options)
