"""Geocoders: the offline gazetteer as a geopy ``Geocoder``, and cached online services.

:class:`OfflineGeocoder` answers from the embedded gazetteer, with no network. Online
services are geopy geocoders looked up by name (``get_geocoder_for_service``), wrapped by
:class:`CachedGeocoder`: every request, retries included, waits for its slot (one request
at a time per service, ``min_delay_seconds`` apart, Retry-After honoured), kept in the SQLite
cache so that the limit holds across processes sharing it; failed requests (429, 5xx,
time-outs, refused connections) are retried with exponential back-off; after
``max_failures`` failures in a row the service is not called again in the run (a circuit
breaker); and every answer is kept in the cache, so a rerun of an interrupted batch sends
no request twice. :func:`get_geocoder` checks and types the options (a self-hosted
Nominatim: ``domain="127.0.0.1:8080", scheme="http"``).

Both are geopy ``Geocoder`` instances, and both work as a ``provider`` of
``geopandas.tools.geocode`` (geopandas calls the provider, which returns itself).
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import logging
import math
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Final, TypeVar

from geopy.adapters import (
    AdapterHTTPError,
    BaseSyncAdapter,
    RequestsAdapter,
    URLLibAdapter,
    get_retry_after,
)
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
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo import config
from geo.errors import CacheError, GeocoderServiceError, GeoWarning, InputError
from geo.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name
from geo.io.files import cache_dir

__all__ = [
    "CachedGeocoder",
    "GeocodeCache",
    "OfflineGeocoder",
    "geocoder_options",
    "get_geocoder",
    "parse_geocoder_options",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

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
        super().__init__(user_agent=config.USER_AGENT)
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
            if len(self._memo) >= config.GEOCODE_MEMO_SIZE:
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
        self.path = Path(path) if path is not None else cache_dir() / config.GEOCODE_CACHE_FILE
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
        conn.execute(
            "CREATE TABLE IF NOT EXISTS slots (service TEXT PRIMARY KEY, last_end REAL, "
            "not_before REAL, busy_until REAL, owner TEXT)"
        )
        conn.execute("SELECT count(*) FROM answers").fetchone()
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except sqlite3.OperationalError as err:
            # locked by another process, unreadable...: not a reason to move the file aside
            raise CacheError(
                f"cannot open the geocode cache {self.path}: {err}; retry, or set "
                f"${config.CACHE_DIR_ENV} to a writable folder"
            ) from err
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
                f"${config.CACHE_DIR_ENV} to a writable folder"
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

    def update_slot(
        self, service: str, change: Callable[[RequestSlot], tuple[RequestSlot, T]]
    ) -> T:
        """Read, change and write the request slot of ``service`` in one transaction.

        The transaction takes the database's write lock first (``BEGIN IMMEDIATE``), so every
        process sharing this file sees the slot change atomically: this is how the spacing of
        requests holds across processes.
        """
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    row = conn.execute(
                        "SELECT last_end, not_before, busy_until, owner FROM slots "
                        "WHERE service = ?",
                        (service,),
                    ).fetchone()
                    slot = RequestSlot(*row) if row is not None else RequestSlot()
                    new, result = change(slot)
                    if new != slot:
                        conn.execute(
                            "INSERT OR REPLACE INTO slots VALUES (?, ?, ?, ?, ?)",
                            (service, new.last_end, new.not_before, new.busy_until, new.owner),
                        )
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as err:
                raise CacheError(
                    f"geocode cache {self.path}: cannot update the request slot of {service}: "
                    f"{err}; retry, or give another cache file"
                ) from err
        return result

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


# Errors that a retry cannot cure. A 429 is filed by geopy under quota errors, but waiting
# is what it asks for: it is retried.
_FINAL = (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderQuotaExceeded,
)

# Waits shorter than this (clock rounding) are not waited for.
_EPSILON_SECONDS = 1e-6


@dataclass(frozen=True)
class RequestSlot:
    """What every process sharing a cache knows of one service's requests (times from
    ``time.time``, in seconds).

    Attributes
    ----------
    last_end : float
        When the latest request ended: the next starts ``min_delay_seconds`` later.
    not_before : float
        No request before this time (a ``Retry-After`` sent by the service).
    busy_until : float
        A request is in flight, at the latest until this time (its lease).
    owner : str
        Who holds the request in flight.
    """

    last_end: float = 0.0
    not_before: float = 0.0
    busy_until: float = 0.0
    owner: str = ""


class _MemorySlots:
    """Request slots of a geocoder without a cache file: shared by the threads of a process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._slots: dict[str, RequestSlot] = {}

    def update_slot(
        self, service: str, change: Callable[[RequestSlot], tuple[RequestSlot, T]]
    ) -> T:
        with self._lock:
            new, result = change(self._slots.get(service, RequestSlot()))
            self._slots[service] = new
        return result


def _claim(
    slot: RequestSlot,
    *,
    clock: Callable[[], float],
    min_delay: float,
    lease: float,
    poll: float,
    owner: str,
) -> tuple[RequestSlot, float]:
    """Take the slot if a request may start now; else return how long to wait."""
    now = clock()  # read inside the transaction: after the previous holder's release
    if slot.last_end > now + config.GEOCODER_CLOCK_SLACK_SECONDS:
        slot = RequestSlot()  # the wall clock went back: forget times set before
    if slot.busy_until > now:
        return slot, min(slot.busy_until - now, poll)
    wait = max(slot.last_end + min_delay, slot.not_before) - now
    if wait > _EPSILON_SECONDS:
        return slot, wait
    return replace(slot, busy_until=now + lease, owner=owner), 0.0


def _release(
    slot: RequestSlot, *, clock: Callable[[], float], owner: str, hold: float
) -> tuple[RequestSlot, None]:
    """End a request: the next one waits from now (and ``hold`` seconds, for a Retry-After)."""
    now = clock()
    mine = slot.owner == owner
    return (
        RequestSlot(
            last_end=max(slot.last_end, now),
            not_before=max(slot.not_before, now + hold),
            busy_until=0.0 if mine else slot.busy_until,
            owner="" if mine else slot.owner,
        ),
        None,
    )


def _retry_after(err: BaseException) -> float:
    """Seconds the service asked to wait (``Retry-After``, of a 429 or a 503), or 0."""
    value = getattr(err, "retry_after", None)
    cause = err.__cause__
    if value is None and isinstance(cause, AdapterHTTPError) and cause.headers:
        value = get_retry_after({str(k).lower(): v for k, v in cause.headers.items()})
    try:
        seconds = float(value) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0
    return seconds if math.isfinite(seconds) and seconds > 0 else 0.0


def _no_retry_adapter(*, proxies: Any, ssl_context: Any) -> BaseSyncAdapter:
    """geopy's HTTP adapter with its own retries turned off.

    The ``requests`` adapter retries inside urllib3 (honouring a Retry-After there), within
    one slot of our rate limit: every attempt must go through :class:`CachedGeocoder`.
    """
    if RequestsAdapter.is_available:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def _service_url(geocoder: Geocoder) -> str:
    scheme, domain = getattr(geocoder, "scheme", None), getattr(geocoder, "domain", None)
    if isinstance(scheme, str) and isinstance(domain, str):
        return f"{scheme}://{domain}"
    return ""


def _brief(err: BaseException, limit: int = 300) -> str:
    """The error at the root of ``err`` in one line: "[Errno 111] Connection refused" rather
    than requests' paragraph around it."""
    seen = {id(err)}
    while True:
        inner = err.__cause__ or err.__context__ or getattr(err, "reason", None)
        if inner is None and err.args and isinstance(err.args[0], BaseException):
            inner = err.args[0]
        if not isinstance(inner, BaseException) or id(inner) in seen or not str(inner).strip():
            break
        seen.add(id(inner))
        err = inner
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= limit else f"{text[: limit - 1]}\u2026"


class CachedGeocoder(Geocoder):  # type: ignore[misc]
    """An online geopy geocoder behind a rate limit, retries, a circuit breaker and a cache.

    Every request, first try or retry, waits for its slot: one request at a time to the
    service, each starting ``min_delay_seconds`` after the end of the previous one, and not
    before a time the service asked for (``Retry-After``). The slots are kept in the cache
    file, so they hold across every process sharing it (in memory without a cache). After
    ``max_failures`` failed requests in a row the service is not called again: later queries
    raise :class:`geo.GeocoderServiceError` at once, a :class:`geo.GeoWarning` says so, and the
    answers already cached let a rerun resume.

    Parameters
    ----------
    geocoder : geopy.geocoders.base.Geocoder
        The service client. Its HTTP adapter must not retry by itself (the default one of
        :func:`get_geocoder` does not).
    service : str
        Its name, part of the cache key and of the slot's key.
    cache : GeocodeCache, optional
        Where answers and slots are kept (the user cache by default); ``False`` for none.
    min_delay_seconds : float, optional
        Minimum time from the end of a request to the start of the next (Nominatim: 1 s).
    max_retries : int
        Retries of a query after a rate limit, server error, time-out or refused connection.
    backoff_seconds : float
        First retry delay; doubles at each retry, capped by ``max_backoff_seconds``. A
        ``Retry-After`` sent by the service is honoured when longer; one longer than
        ``max_backoff_seconds`` stops the service for the run.
    max_failures : int
        Failed requests in a row after which the service is not called again.
    clock, sleep : callable
        Time functions (injected by tests). The clock must be the wall clock (seconds since
        the epoch) for the slots to hold across processes.

    Attributes
    ----------
    requests : int
        Requests sent, retries included.
    failures : int
        Failed requests since the last answer.
    stopped : str or None
        Why the service was stopped for this run (the circuit breaker is open), or None.
    where : str
        The service's address (``https://nominatim.openstreetmap.org``), if known.
    label : str
        How messages name the service (``nominatim at https://...``).

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
        max_retries: int = config.MAX_RETRIES,
        backoff_seconds: float = config.BACKOFF_SECONDS,
        max_backoff_seconds: float = config.MAX_BACKOFF_SECONDS,
        max_failures: int = config.GEOCODER_MAX_FAILURES,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(user_agent=config.USER_AGENT)
        self.geocoder = geocoder
        self.service = service
        if cache is None or cache is True:
            cache = GeocodeCache()
        self.cache: GeocodeCache | None = None if cache is False else cache
        self._slots: GeocodeCache | _MemorySlots = (
            self.cache if self.cache is not None else _MemorySlots()
        )
        if min_delay_seconds is None:
            min_delay_seconds = config.MIN_DELAY_SECONDS.get(
                service, config.DEFAULT_MIN_DELAY_SECONDS
            )
        self.min_delay_seconds = float(min_delay_seconds)
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self.max_failures = max(1, max_failures)
        self._clock = clock
        self._sleep = sleep
        timeout = getattr(geocoder, "timeout", None)
        timeout = timeout if isinstance(timeout, int | float) else config.TIMEOUT_SECONDS
        # A request holds the slot until it ends, at most for its connect and read time-outs;
        # a process killed in flight frees it after that.
        self._lease = 2.0 * float(timeout) + 1.0
        self._turns = 0
        self.requests = 0
        self.failures = 0
        self.stopped: str | None = None
        self.where = _service_url(geocoder)
        name = service.partition("@")[0]
        self.label = f"{name} at {self.where}" if self.where else name

    def __call__(self, **kwargs: Any) -> CachedGeocoder:
        """Return ``self`` (``geopandas.tools.geocode`` calls its provider)."""
        if kwargs:
            raise InputError(f"options {sorted(kwargs)} must be given to get_geocoder()")
        return self

    def _take_slot(self) -> str:
        self._turns += 1
        owner = f"{os.getpid()}:{id(self):x}:{self._turns}"
        while True:
            claim = partial(
                _claim,
                clock=self._clock,
                min_delay=self.min_delay_seconds,
                lease=self._lease,
                poll=config.GEOCODER_POLL_SECONDS,
                owner=owner,
            )
            wait = self._slots.update_slot(self.service, claim)
            if wait <= 0:
                return owner
            self._sleep(wait)

    def _send(self, call: Callable[..., Any], query: Any, kwargs: dict[str, Any]) -> Any:
        """One request, in its slot."""
        owner = self._take_slot()
        hold = 0.0
        try:
            self.requests += 1
            return call(query, **kwargs)
        except GeopyServiceError as err:
            hold = min(_retry_after(err), self.max_backoff_seconds)
            raise
        finally:
            release = partial(_release, clock=self._clock, owner=owner, hold=hold)
            self._slots.update_slot(self.service, release)

    def _with_retries(self, call: Callable[..., Any], query: Any, kwargs: dict[str, Any]) -> Any:
        attempt = 0
        while True:
            if self.stopped is not None:
                raise GeocoderServiceError(
                    f"{query!r} not sent: {self.label} was stopped earlier in this run "
                    f"({self.stopped})"
                )
            try:
                found = self._send(call, query, kwargs)
            except GeocoderQueryError as err:
                self.failures = 0  # the service answered
                raise InputError(f"{self.label} rejected query {query!r}: {err}") from err
            except GeopyServiceError as err:
                self.failures += 1
                asked = _retry_after(err)
                if self.failures >= self.max_failures or asked > self.max_backoff_seconds:
                    self._stop(err, asked)
                    raise GeocoderServiceError(
                        f"{self.label} failed for {query!r}: {_brief(err)}"
                    ) from err
                if isinstance(err, _FINAL) and not isinstance(err, GeocoderRateLimited):
                    raise GeocoderServiceError(
                        f"{self.label} refused the request for {query!r}: {err}; check the "
                        "API key, account or quota"
                    ) from err
                if attempt >= self.max_retries:
                    raise GeocoderServiceError(
                        f"{self.label} failed for {query!r} after {attempt + 1} attempts: "
                        f"{_brief(err)}; try again later or use the offline geocoder"
                    ) from err
                self._sleep(self._backoff(attempt, asked, err))
                attempt += 1
            else:
                self.failures = 0
                return found

    def _stop(self, err: BaseException, asked: float) -> None:
        """Open the circuit breaker: no more requests to this service in this run."""
        if asked > self.max_backoff_seconds:
            self.stopped = f"it asked to wait {asked:.0f} s (Retry-After)"
            what = f"{self.label} asked to wait {asked:.0f} s before the next request"
        else:
            self.stopped = f"{self.failures} failures in a row"
            what = f"{self.label} failed {self.failures} times in a row (last: {_brief(err, 200)})"
        kept = (
            f"answers so far are cached in {self.cache.path}"
            if self.cache is not None
            else "answers so far are not cached (no cache)"
        )
        warnings.warn(f"{what}; stopped; rerun later: {kept}", GeoWarning, stacklevel=5)

    def _backoff(self, attempt: int, asked: float, err: Exception) -> float:
        delay = max(float(min(self.backoff_seconds * 2**attempt, self.max_backoff_seconds)), asked)
        logger.info("%s: %s; retrying in %.1f s", self.service, err, delay)
        return delay

    def _cached(
        self, method: str, call: Callable[..., Any], query: Any, kwargs: dict[str, Any]
    ) -> Any:
        options = {k: v for k, v in kwargs.items() if k != "timeout"}
        if self.cache is None:
            return self._with_retries(call, query, kwargs)
        key = GeocodeCache.key(self.service, method, query, options)
        hit, answer = self.cache.lookup(key)
        if hit:
            return _load(answer)
        found = self._with_retries(call, query, kwargs)
        self.cache.put(
            key, _dump(found), service=self.service, method=method, query=query, options=options
        )
        return found

    def geocode(self, query: Any, **kwargs: Any) -> Location | list[Location] | None:
        """Geocode through the service (cached, rate limited, retried)."""
        if isinstance(query, str) and not normalize_name(query):
            return None
        return self._cached("geocode", self.geocoder.geocode, query, kwargs)

    def reverse(self, query: Any, **kwargs: Any) -> Location | list[Location] | None:
        """Reverse geocode through the service (cached, rate limited, retried)."""
        point = Point(query)
        return self._cached(
            "reverse", self.geocoder.reverse, [point.latitude, point.longitude], kwargs
        )


# --------------------------------------------------------------------------- options

# Options of CachedGeocoder, by kind (see _typed).
_WRAPPER_OPTIONS: Final = {
    "cache": "cache",
    "min_delay_seconds": "seconds",
    "max_retries": "count",
    "backoff_seconds": "seconds",
    "max_backoff_seconds": "seconds",
    "max_failures": "positive count",
    "clock": "object",
    "sleep": "object",
}

# Options of OfflineGeocoder, by kind.
_OFFLINE_OPTIONS: Final = {"country_codes": "codes", "language": "text", "gazetteer": "object"}

# Options of geopy's classes whose kind their default value does not tell.
_GEOPY_KINDS: Final = {
    "timeout": "positive seconds",
    "scheme": "scheme",
    "proxies": "text",
    "ssl_context": "object",
    "adapter_factory": "object",
}

_TRUE: Final = ("1", "true", "yes", "on")
_FALSE: Final = ("0", "false", "no", "off")


def geocoder_options(name: str = config.DEFAULT_GEOCODER) -> dict[str, str]:
    """Return the options :func:`get_geocoder` accepts for a geocoder, with their kind.

    Kinds: ``text``, ``seconds`` (a number, 0 or more), ``positive seconds``, ``count`` (a
    whole number, 0 or more), ``positive count``, ``flag`` (true/false), ``scheme`` (http or
    https), ``codes`` (country codes separated by commas), ``cache`` (a file, or ``none``),
    ``object`` (a Python object: not from the command line).

    Examples
    --------
    >>> opts = geocoder_options("nominatim")
    >>> opts["domain"], opts["timeout"], opts["min_delay_seconds"]
    ('text', 'positive seconds', 'seconds')
    >>> geocoder_options("offline")
    {'country_codes': 'codes', 'language': 'text', 'gazetteer': 'object'}
    """
    key = name.strip().lower()
    if key == "offline":
        return dict(_OFFLINE_OPTIONS)
    kinds: dict[str, str] = {}
    for param in inspect.signature(_service_class(name).__init__).parameters.values():
        if param.name == "self" or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        default = param.default
        if param.name in _GEOPY_KINDS:
            kind = _GEOPY_KINDS[param.name]
        elif isinstance(default, bool):
            kind = "flag"
        elif isinstance(default, int):
            kind = "count"
        elif isinstance(default, float):
            kind = "seconds"
        else:
            kind = "text"
        kinds[param.name] = kind
    return kinds | _WRAPPER_OPTIONS


def parse_geocoder_options(items: Iterable[str]) -> dict[str, str]:
    """Split ``KEY=VALUE`` texts (``--geocoder-option``) into a dict; :func:`get_geocoder`
    checks the keys and types the values.

    Examples
    --------
    >>> parse_geocoder_options(["domain=127.0.0.1:8080", "scheme=http"])
    {'domain': '127.0.0.1:8080', 'scheme': 'http'}
    """
    options: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InputError(
                f"geocoder option {item!r} is not KEY=VALUE; write for example "
                "domain=127.0.0.1:8080 or scheme=http"
            )
        if key in options:
            raise InputError(f"geocoder option {key!r} is given twice; give it once")
        options[key] = value.strip()
    return options


def _typed(name: str, key: str, kind: str, value: Any) -> Any:
    """Check an option's value, and type it when it is text (from the command line)."""
    where = f"option {key}={value!r} of geocoder {name!r}"
    if kind == "object":
        if isinstance(value, str):
            raise InputError(f"{where}: this option takes a Python object; set it from Python")
        return value
    if kind == "cache":
        if isinstance(value, os.PathLike):
            return GeocodeCache(Path(value))
        if not isinstance(value, str):
            return value
        if value.lower() in ("", "none", *_FALSE):
            return False
        return GeocodeCache(Path(value).expanduser())
    if kind in ("seconds", "positive seconds", "count", "positive count"):
        whole = "count" in kind
        positive = kind.startswith("positive")
        what = ("a whole number" if whole else "a number of seconds") + (
            ", more than 0" if positive else ", 0 or more"
        )
        try:
            if isinstance(value, bool):
                raise ValueError
            number = int(value) if whole else float(value)
        except (TypeError, ValueError, OverflowError):
            raise InputError(f"{where} is not {what}") from None
        if not math.isfinite(number) or number < 0 or (positive and number == 0):
            raise InputError(f"{where} is not {what}")
        return number
    if not isinstance(value, str):
        return value
    if kind == "flag":
        if value.lower() in _TRUE + _FALSE:
            return value.lower() in _TRUE
        raise InputError(f"{where} is not true or false")
    if kind == "scheme":
        if value.lower() not in ("http", "https"):
            raise InputError(f"{where} is not http or https")
        return value.lower()
    if kind == "codes":
        return [code for code in value.split(",") if code.strip()]
    return value


def _service_class(name: str) -> Any:
    from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service

    try:
        return get_geocoder_for_service(name.strip().lower())
    except GeocoderNotFound as err:
        known = ", ".join(["offline", *sorted(SERVICE_TO_GEOCODER)])
        raise InputError(f"unknown geocoder {name!r}; choose one of: {known}") from err


def _checked_options(name: str, options: dict[str, Any]) -> dict[str, Any]:
    accepted = geocoder_options(name)
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        listed = ", ".join(sorted(k for k, kind in accepted.items() if kind != "object"))
        raise InputError(
            f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} of geocoder "
            f"{name!r}; accepted: {listed} (and in Python: "
            f"{', '.join(sorted(k for k, kind in accepted.items() if kind == 'object'))})"
        )
    typed = {key: _typed(name, key, accepted[key], value) for key, value in options.items()}
    domain = typed.get("domain")
    if isinstance(domain, str) and "://" in domain:
        # domain=http://host:port: the scheme apart, as geopy wants it
        scheme, _, host = domain.partition("://")
        if typed.get("scheme", scheme.lower()) != scheme.lower():
            raise InputError(
                f"option domain={domain!r} of geocoder {name!r} says {scheme}, but "
                f"scheme={typed['scheme']!r}; give one of them"
            )
        typed["scheme"] = _typed(name, "scheme", "scheme", scheme)
        typed["domain"] = host.rstrip("/")
    return typed


def get_geocoder(name: str | Geocoder = config.DEFAULT_GEOCODER, **kwargs: Any) -> Geocoder:
    """Return a geocoder by name.

    Parameters
    ----------
    name : str or geopy Geocoder
        ``"offline"`` (the embedded gazetteer, default) or any geopy service name
        (``"nominatim"``, ``"photon"``, ``"arcgis"``...). A geocoder object is returned as
        it is (so that functions taking a geocoder's name take a configured one too).
    **kwargs
        For ``"offline"``: options of :class:`OfflineGeocoder`. For a service: options of
        its geopy class (``domain``, ``scheme``, ``user_agent``, ``timeout``, ``api_key``,
        ``adapter_factory``...), and of :class:`CachedGeocoder` (``cache``: a
        :class:`GeocodeCache`, a file or False; ``min_delay_seconds``, ``max_retries``,
        ``backoff_seconds``, ``max_backoff_seconds``, ``max_failures``, ``clock``,
        ``sleep``). Values may be given as text (as on the command line): they are typed.
        :func:`geocoder_options` lists them. A ``user_agent`` is set for you.

    Returns
    -------
    geopy.geocoders.base.Geocoder

    Raises
    ------
    geo.InputError
        An unknown geocoder or option (the message lists the accepted ones), or a value
        of the wrong type.

    Examples
    --------
    >>> get_geocoder().geocode("Bruxelles").raw["country_code"]
    'BE'
    >>> type(get_geocoder("nominatim", cache=False)).__name__
    'CachedGeocoder'

    A self-hosted Nominatim, without the public server's one request a second:

    >>> local = get_geocoder("nominatim", domain="127.0.0.1:8080", scheme="http",
    ...                      min_delay_seconds=0, cache=False)
    >>> local.where
    'http://127.0.0.1:8080'
    """
    if not isinstance(name, str):
        if kwargs:
            raise InputError(f"options {sorted(kwargs)} must be given when the geocoder is made")
        return name
    key = name.strip().lower()
    kwargs = _checked_options(name, kwargs)
    if key == "offline":
        return OfflineGeocoder(**kwargs)
    cls = _service_class(name)
    wrapper_options = {k: kwargs.pop(k) for k in _WRAPPER_OPTIONS if k in kwargs}
    kwargs.setdefault("user_agent", config.USER_AGENT)
    kwargs.setdefault("timeout", config.TIMEOUT_SECONDS)
    kwargs.setdefault("adapter_factory", _no_retry_adapter)
    try:
        service = cls(**kwargs)
    except (TypeError, ValueError, GeopyError) as err:
        raise InputError(f"cannot set up geocoder {name!r}: {err}") from err
    # Answers of another server (a self-hosted one) are kept apart from the public one's.
    default_domain = inspect.signature(cls.__init__).parameters.get("domain")
    domain = getattr(service, "domain", None)
    if default_domain is not None and domain not in (None, default_domain.default):
        key = f"{key}@{domain}"
    if "min_delay_seconds" not in wrapper_options:
        wrapper_options["min_delay_seconds"] = config.MIN_DELAY_SECONDS.get(
            name.strip().lower(), config.DEFAULT_MIN_DELAY_SECONDS
        )
    return CachedGeocoder(service, service=key, **wrapper_options)
