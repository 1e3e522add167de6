"""Tests of geo.geocode: the offline geopy geocoder and the cached online geocoders."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import geopandas
import pytest
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

import geo
from geo import config
from geo.cli import main
from geo.geocode import (
    CachedGeocoder,
    GeocodeCache,
    OfflineGeocoder,
    RequestSlot,
    get_geocoder,
    parse_geocoder_options,
)
from tests.fakes import FakeNominatim, Reply, closed_port

# --------------------------------------------------------------------------- offline


@pytest.fixture(scope="module")
def offline() -> OfflineGeocoder:
    return OfflineGeocoder()


def test_is_a_geopy_geocoder(offline: OfflineGeocoder) -> None:
    assert isinstance(offline, Geocoder)
    assert isinstance(geo.get_geocoder(), OfflineGeocoder)


def test_geocode_returns_location_with_record(offline: OfflineGeocoder) -> None:
    loc = offline.geocode("Martouni")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == pytest.approx((39.795, 47.112), abs=0.001)
    assert loc.raw["id"] == "gn:146969"
    assert loc.raw["kind"] == "city"
    assert loc.raw["country_code"] == "AZ"
    assert loc.address == "Khojavend, Xocavənd, Azerbaijan"


def test_geocode_all_candidates(offline: OfflineGeocoder) -> None:
    found = offline.geocode("Martuni", exactly_one=False)
    assert isinstance(found, list)
    assert [x.raw["id"] for x in found] == ["gn:616438", "gn:616437", "gn:146969"]
    assert len(offline.geocode("Martuni", exactly_one=False, limit=1)) == 1


def test_country_codes_restrict(offline: OfflineGeocoder) -> None:
    loc = offline.geocode("Martuni", country_codes="AZ")
    assert loc.raw["id"] == "gn:146969"
    assert offline.geocode("Martuni", country_codes=["FR"]) is None
    assert OfflineGeocoder(country_codes="az").geocode("Martuni").raw["id"] == "gn:146969"
    with pytest.raises(geo.InputError, match="alpha-2"):
        offline.geocode("Martuni", country_codes="Azerbaijan")


def test_viewbox_biases_or_bounds(offline: OfflineGeocoder) -> None:
    karabakh = [(39.4, 46.4), (40.2, 47.4)]
    assert offline.geocode("Martuni", viewbox=karabakh).raw["id"] == "gn:146969"
    bounded = offline.geocode("Martuni", viewbox=karabakh, bounded=True, exactly_one=False)
    assert [x.raw["id"] for x in bounded] == ["gn:146969"]
    elsewhere = [(0, 0), (1, 1)]
    assert offline.geocode("Martuni", viewbox=elsewhere).raw["id"] == "gn:616438"
    assert offline.geocode("Martuni", viewbox=elsewhere, bounded=True) is None
    with pytest.raises(geo.InputError, match="viewbox"):
        offline.geocode("Martuni", viewbox=[(1, 2, 3)])


def test_qualified_queries(offline: OfflineGeocoder) -> None:
    assert offline.geocode("Martuni, Azerbaïdjan").raw["id"] == "gn:146969"
    assert offline.geocode("Martuni, Armenia").raw["id"] == "gn:616438"
    assert offline.geocode("Martouni, Haut-Karabakh").raw["id"] == "gn:146969"


def test_states_counties_and_short_forms(offline: OfflineGeocoder) -> None:
    ohio = offline.geocode("Ohio")
    assert (ohio.raw["feature"], ohio.raw["iso_3166_2"], ohio.raw["admin1_code"]) == (
        "admin1",
        "US-OH",
        "OH",
    )
    assert ohio.address == "Ohio, United States"
    laurel = offline.geocode("Laurel County")
    assert laurel.raw["feature"] == "admin2"
    assert laurel.address == "Laurel County, Kentucky, United States"
    assert offline.geocode("U.S.").raw["country_code"] == "US"
    assert offline.geocode("W.Va.").raw["name_form"] == "abbreviation"
    assert offline.geocode("Springfield, Ill.").raw["admin1_code"] == "IL"


def test_language_of_addresses(offline: OfflineGeocoder) -> None:
    assert offline.geocode("Syria", language="fr").address == "Syrie"
    assert offline.geocode("Bakou", language="fr").address.endswith("Azerbaïdjan")


@pytest.mark.parametrize("query", ["", "   ", "Nowhereville-sur-Mer"])
def test_not_found_is_none(offline: OfflineGeocoder, query: str) -> None:
    assert offline.geocode(query) is None
    assert offline.geocode(query, exactly_one=False) is None


def test_non_string_query_is_an_input_error(offline: OfflineGeocoder) -> None:
    with pytest.raises(geo.InputError):
        offline.geocode(42)  # type: ignore[arg-type]


def test_reverse(offline: OfflineGeocoder) -> None:
    loc = offline.reverse((39.80, 47.11))
    assert loc.raw["id"] == "gn:146969"
    assert offline.reverse("40.38, 49.89").raw["name"] == "Baku"
    assert [x.raw["id"] for x in offline.reverse((39.99, 46.93), exactly_one=False)] == [
        "gn:148619"
    ]
    with pytest.raises(geo.InputError):
        offline.reverse("not a point")


def test_geopandas_tools_geocode(offline: OfflineGeocoder) -> None:
    names = ["Bakou", "Alep", "Nowhereville-sur-Mer", "Martouni"]
    gdf = geopandas.tools.geocode(names, provider=offline)
    assert gdf.crs == "EPSG:4326"
    assert len(gdf) == 4
    assert gdf.geometry[0].x == pytest.approx(49.89201, abs=1e-4)
    assert gdf.geometry[0].y == pytest.approx(40.37767, abs=1e-4)
    assert gdf.address[1].startswith("Aleppo")
    assert gdf.geometry[2].is_empty
    assert gdf.geometry[3].y == pytest.approx(39.795, abs=1e-3)
    rev = geopandas.tools.reverse_geocode(gdf.geometry[:1], provider=offline)
    assert rev.address[0].startswith("Baku")


# --------------------------------------------------------------------------- online (fake)

BAKU_JSON = [
    {
        "place_id": 1,
        "lat": "40.3755885",
        "lon": "49.8328009",
        "display_name": "Baku, Azerbaijan",
        "class": "place",
        "type": "city",
        "importance": 0.7,
    }
]


class FakeAdapter(BaseSyncAdapter):  # type: ignore[misc]
    """A geopy adapter answering from a script: JSON values, or HTTP status codes to fail."""

    def __init__(self, *, proxies: Any, ssl_context: Any, script: list[Any]) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.script = script
        self.calls: list[tuple[str, dict[str, str]]] = []

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        self.calls.append((url, headers))
        if not self.script:
            raise AssertionError(f"unexpected request {url}")
        answer = self.script.pop(0)
        if isinstance(answer, tuple):  # (status, headers)
            raise AdapterHTTPError(
                f"HTTP {answer[0]}", status_code=answer[0], headers=answer[1], text=""
            )
        if isinstance(answer, int):
            headers_out = {"retry-after": "5"} if answer == 429 else {}
            raise AdapterHTTPError(
                f"HTTP {answer}", status_code=answer, headers=headers_out, text=""
            )
        if isinstance(answer, Exception):
            raise answer
        return answer

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise AssertionError("not used")


class FakeTime:
    """A clock that only moves when something sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def make_nominatim(
    script: list[Any], cache: GeocodeCache | bool, fake_time: FakeTime, **options: Any
) -> tuple[CachedGeocoder, FakeAdapter]:
    adapters: list[FakeAdapter] = []

    def factory(proxies: Any, ssl_context: Any) -> FakeAdapter:
        adapters.append(FakeAdapter(proxies=proxies, ssl_context=ssl_context, script=script))
        return adapters[-1]

    geocoder = get_geocoder(
        "nominatim",
        adapter_factory=factory,
        cache=cache,
        clock=fake_time.clock,
        sleep=fake_time.sleep,
        **options,
    )
    assert isinstance(geocoder, CachedGeocoder)
    return geocoder, adapters[0]


@pytest.fixture
def cache(tmp_path: Path) -> GeocodeCache:
    return GeocodeCache(tmp_path / "answers.sqlite3")


def test_online_geocode_sends_user_agent_and_parses(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([BAKU_JSON], cache, t)
    loc = geocoder.geocode("Bakou")
    assert loc.latitude == pytest.approx(40.3755885)
    assert loc.raw["display_name"] == "Baku, Azerbaijan"
    (url, headers), *_ = adapter.calls
    assert "q=Bakou" in url
    assert headers["User-Agent"].startswith("geo-conflict-mapper/")


def test_online_rate_limit_one_request_per_second(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([BAKU_JSON, BAKU_JSON, BAKU_JSON], cache, t)
    for name in ("Bakou", "Baku", "Bakı"):
        geocoder.geocode(name)
    assert len(adapter.calls) == 3
    # the second and third requests each waited for the 1 s slot
    assert t.sleeps == [1.0, 1.0]


def test_online_retries_with_backoff_on_429_and_5xx(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([429, 503, 500, BAKU_JSON], cache, t)
    loc = geocoder.geocode("Bakou")
    assert loc.raw["display_name"] == "Baku, Azerbaijan"
    assert len(adapter.calls) == 4
    backoffs = [s for s in t.sleeps if s not in (1.0,)]
    # 429 honours Retry-After (5 s > 2 s); then 4 s and 8 s: exponential back-off
    assert backoffs[:1] == [5.0]
    assert 4.0 in t.sleeps and 8.0 in t.sleeps


def test_online_timeout_retried(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([504, BAKU_JSON], cache, t)
    assert geocoder.geocode("Bakou") is not None
    assert len(adapter.calls) == 2


def test_online_gives_up_after_max_retries(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([503] * 10, cache, t, max_failures=100)
    with pytest.raises(geo.GeocoderServiceError, match="after 5 attempts") as info:
        geocoder.geocode("Bakou")
    assert isinstance(info.value, RuntimeError)
    assert len(adapter.calls) == 5
    assert len(cache) == 0  # failures are not cached


def test_online_auth_failure_not_retried(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([401], cache, t)
    with pytest.raises(geo.GeocoderServiceError, match="refused"):
        geocoder.geocode("Bakou")
    assert len(adapter.calls) == 1


def test_online_cache_hits_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "answers.sqlite3"
    t = FakeTime()
    first, adapter1 = make_nominatim([BAKU_JSON, []], GeocodeCache(path), t)
    assert first.geocode("Bakou") is not None
    assert first.geocode("Nowhereville") is None
    assert len(adapter1.calls) == 2
    # a rerun (new process: new cache object on the same file) sends no request at all
    second, adapter2 = make_nominatim([], GeocodeCache(path), t)
    loc = second.geocode("Bakou")
    assert loc.raw["display_name"] == "Baku, Azerbaijan"
    assert second.geocode("Nowhereville") is None
    assert adapter2.calls == []
    # options are part of the key
    third, adapter3 = make_nominatim([BAKU_JSON], GeocodeCache(path), t)
    third.geocode("Bakou", exactly_one=False)
    assert len(adapter3.calls) == 1


def test_online_empty_query_sends_nothing(cache: GeocodeCache) -> None:
    geocoder, adapter = make_nominatim([], cache, FakeTime())
    assert geocoder.geocode("  ") is None
    assert adapter.calls == []


def test_corrupted_cache_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "answers.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = GeocodeCache(path)
    cache.put("k", {"x": 1})
    assert cache.lookup("k") == (True, {"x": 1})
    assert list(tmp_path.glob("answers.sqlite3.corrupt-*"))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 1


def test_unknown_service_lists_known_ones() -> None:
    with pytest.raises(geo.InputError, match="nominatim"):
        get_geocoder("no-such-service")


def test_cached_geocoder_with_geopandas(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, _ = make_nominatim([BAKU_JSON], cache, t)
    gdf = geopandas.tools.geocode(["Bakou"], provider=geocoder)
    assert gdf.geometry[0].y == pytest.approx(40.3755885)


def test_retry_after_of_a_503_is_honoured(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([(503, {"Retry-After": "7"}), BAKU_JSON], cache, t)
    assert geocoder.geocode("Bakou") is not None
    assert len(adapter.calls) == 2
    assert t.sleeps == [7.0]


def test_retry_after_holds_for_every_geocoder_sharing_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "answers.sqlite3"
    t = FakeTime()
    first, _ = make_nominatim([(429, {"Retry-After": "30"})], GeocodeCache(path), t, max_retries=0)
    with pytest.raises(geo.GeocoderServiceError, match="after 1 attempts"):
        first.geocode("Bakou")
    # another geocoder (another process) on the same cache file waits for the Retry-After
    second, adapter = make_nominatim([BAKU_JSON], GeocodeCache(path), t)
    assert second.geocode("Bakou") is not None
    assert t.sleeps == [30.0]
    assert len(adapter.calls) == 1


def test_slot_times_from_a_clock_that_went_back_are_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "answers.sqlite3"
    ahead = FakeTime()
    ahead.now = 1_000_000.0
    first, _ = make_nominatim([BAKU_JSON], GeocodeCache(path), ahead)
    first.geocode("Bakou")
    t = FakeTime()  # a day earlier
    second, _ = make_nominatim([BAKU_JSON], GeocodeCache(path), t)
    assert second.geocode("Baku") is not None
    assert t.sleeps == []


def test_breaker_opens_after_n_failures_in_a_row(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([BAKU_JSON, *[500] * 10], cache, t, max_retries=1)
    assert geocoder.geocode("Bakou") is not None
    # failures count across queries: 2 + 2 + 1 = 5 requests, then no more
    for name in ("Gandja", "Choucha"):
        with pytest.raises(geo.GeocoderServiceError, match="after 2 attempts"):
            geocoder.geocode(name)
    with (
        pytest.warns(geo.GeoWarning) as warned,
        pytest.raises(geo.GeocoderServiceError, match="failed for 'Agdam'"),
    ):
        geocoder.geocode("Agdam")
    (message,) = [str(w.message) for w in warned]
    assert message == (
        "nominatim at https://nominatim.openstreetmap.org failed 5 times in a row "
        "(last: HTTP 500); stopped; rerun later: answers so far are cached in "
        f"{cache.path}"
    )
    assert len(adapter.calls) == 1 + config.GEOCODER_MAX_FAILURES
    with pytest.raises(geo.GeocoderServiceError, match="'Martouni' not sent"):
        geocoder.geocode("Martouni")
    assert len(adapter.calls) == 1 + config.GEOCODER_MAX_FAILURES
    assert geocoder.stopped == "5 failures in a row"
    assert geocoder.geocode("Bakou") is not None  # cached answers still come
    # rate-limit waits of 1 s and back-offs of 2 s; none after the failure that stopped it
    assert t.sleeps == [1.0, 2.0, 1.0, 2.0, 1.0]


def test_a_success_resets_the_breaker(cache: GeocodeCache) -> None:
    t = FakeTime()
    script = [500, 500, 500, 500, BAKU_JSON, 500, 500, 500, 500, BAKU_JSON]
    geocoder, adapter = make_nominatim(script, cache, t)
    assert geocoder.geocode("Bakou") is not None
    assert geocoder.geocode("Baku") is not None
    assert geocoder.stopped is None and len(adapter.calls) == 10


def test_a_retry_after_beyond_the_longest_back_off_stops_the_service(cache: GeocodeCache) -> None:
    t = FakeTime()
    geocoder, adapter = make_nominatim([(429, {"Retry-After": "3600"})], cache, t)
    with (
        pytest.warns(geo.GeoWarning, match="asked to wait 3600 s before the next request"),
        pytest.raises(geo.GeocoderServiceError),
    ):
        geocoder.geocode("Bakou")
    assert geocoder.stopped == "it asked to wait 3600 s (Retry-After)"
    assert len(adapter.calls) == 1 and t.sleeps == []


# --------------------------------------------------------------------------- options


def test_geocoder_options_are_checked_and_typed(tmp_path: Path) -> None:
    geocoder = get_geocoder(
        "nominatim",
        domain="127.0.0.1:8080",
        scheme="HTTP",
        timeout="2.5",
        user_agent="my-agent/1",
        min_delay_seconds="0",
        max_failures="3",
        cache=str(tmp_path / "c.sqlite3"),
    )
    assert isinstance(geocoder, CachedGeocoder)
    assert geocoder.where == "http://127.0.0.1:8080"
    assert geocoder.geocoder.timeout == 2.5
    assert geocoder.geocoder.headers["User-Agent"] == "my-agent/1"
    assert (geocoder.min_delay_seconds, geocoder.max_failures) == (0.0, 3)
    assert geocoder.cache is not None and geocoder.cache.path == tmp_path / "c.sqlite3"
    # a self-hosted server's answers are kept apart from the public one's
    assert geocoder.service == "nominatim@127.0.0.1:8080"
    assert get_geocoder("nominatim", cache=False).service == "nominatim"
    # the scheme may come with the domain
    both = get_geocoder("nominatim", domain="http://localhost:8080/", cache="none")
    assert both.where == "http://localhost:8080" and both.cache is None
    assert get_geocoder("offline", country_codes="am,az").country_codes == {"AM", "AZ"}


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("nominatim", {"nope": "1"}, r"unknown option nope of geocoder 'nominatim'; accepted: "),
        ("nominatim", {"timeout": "soon"}, r"timeout='soon' .* not a number of seconds"),
        ("nominatim", {"timeout": "0"}, r"more than 0"),
        ("nominatim", {"min_delay_seconds": "-1"}, r"0 or more"),
        ("nominatim", {"min_delay_seconds": "nan"}, r"0 or more"),
        ("nominatim", {"max_retries": "1.5"}, r"not a whole number"),
        ("nominatim", {"scheme": "ftp"}, r"not http or https"),
        ("nominatim", {"adapter_factory": "x"}, r"takes a Python object"),
        ("nominatim", {"domain": "https://h", "scheme": "http"}, r"says https"),
        ("offline", {"domain": "h"}, r"accepted: country_codes, language"),
        ("no-such-service", {}, r"unknown geocoder"),
    ],
)
def test_bad_geocoder_options_are_refused(name: str, options: dict[str, Any], message: str) -> None:
    with pytest.raises(geo.InputError, match=message):
        get_geocoder(name, **options)


def test_unknown_option_lists_the_accepted_ones() -> None:
    with pytest.raises(geo.InputError) as info:
        get_geocoder("nominatim", nope=1)
    accepted = str(info.value).split("accepted: ")[1]
    for key in ("domain", "scheme", "user_agent", "timeout", "min_delay_seconds", "cache"):
        assert key in accepted


def test_parse_geocoder_options() -> None:
    assert parse_geocoder_options(["domain=h:1", " scheme = http ", "user_agent=a=b"]) == {
        "domain": "h:1",
        "scheme": "http",
        "user_agent": "a=b",
    }
    for bad in (["domain"], ["=x"], ["scheme=http", "scheme=https"]):
        with pytest.raises(geo.InputError):
            parse_geocoder_options(bad)


def test_a_geocoder_object_is_taken_as_it_is(offline: OfflineGeocoder) -> None:
    assert get_geocoder(offline) is offline
    with pytest.raises(geo.InputError):
        get_geocoder(offline, language="fr")


# --------------------------------------------------------------------------- fake server
#
# Real HTTP on 127.0.0.1 (tests/fakes.py) and real time: spacing is measured from the
# server's arrival times, with lower bounds only.

# Clock granularity: the server and the clients read different clocks.
TOLERANCE_S = 0.01


def _online(server: FakeNominatim, cache: Path | bool, **options: Any) -> CachedGeocoder:
    geocoder = get_geocoder(
        "nominatim",
        domain=server.domain,
        scheme="http",
        cache=cache if isinstance(cache, bool) else GeocodeCache(cache),
        **options,
    )
    assert isinstance(geocoder, CachedGeocoder)
    return geocoder


@pytest.mark.slow
def test_spacing_of_one_second_holds_after_429(tmp_path: Path) -> None:
    script: list[Reply] = [429, 200, (429, {"Retry-After": "2"}), 200, 200]
    with FakeNominatim(script=script) as server:
        # a tiny back-off: what spaces the retries is the rate limit itself
        geocoder = _online(server, tmp_path / "c.sqlite3", backoff_seconds=0.001)
        assert geocoder.min_delay_seconds == 1.0
        found = [geocoder.geocode(name) for name in ("Bakou", "Stepanakert", "Gandja")]
    assert [x.raw["display_name"] for x in found] == [
        "Bakou, Fakeland",
        "Stepanakert, Fakeland",
        "Gandja, Fakeland",
    ]
    assert server.queries == ["Bakou", "Bakou", "Stepanakert", "Stepanakert", "Gandja"]
    gaps = server.gaps
    assert min(gaps) >= 1.0 - TOLERANCE_S, gaps
    assert gaps[2] >= 2.0 - TOLERANCE_S, gaps  # the Retry-After
    assert geocoder.requests == 5


_WORKER = """
import sys, time
from pathlib import Path
from geo.geocode import get_geocoder

domain, cache, ready, go, *names = sys.argv[1:]
geocoder = get_geocoder("nominatim", domain=domain, scheme="http", cache=cache)
Path(ready).touch()
while not Path(go).exists():
    time.sleep(0.005)
for name in names:
    print(name, geocoder.geocode(name).latitude, flush=True)
"""


@pytest.mark.slow
def test_spacing_holds_across_two_processes_sharing_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "shared.sqlite3"
    names = [["Bakou", "Stepanakert", "Martouni"], ["Gandja", "Choucha", "Agdam"]]
    go = tmp_path / "go"
    procs: list[subprocess.Popen[str]] = []
    with FakeNominatim() as server:
        try:
            for i, batch in enumerate(names):
                argv = [server.domain, str(cache), str(tmp_path / f"ready{i}"), str(go), *batch]
                procs.append(
                    subprocess.Popen(
                        [sys.executable, "-c", _WORKER, *argv],
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        text=True,
                    )
                )
            # both processes are ready before either sends anything: they do compete
            deadline = time.monotonic() + 120
            while not all((tmp_path / f"ready{i}").exists() for i in range(2)):
                assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
                assert time.monotonic() < deadline, "the worker processes did not start"
                time.sleep(0.01)
            go.touch()
            outputs = [p.communicate(timeout=120) for p in procs]
        finally:
            for p in procs:
                if p.poll() is None:
                    p.kill()
                    p.communicate()
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
        assert [line.split()[0] for line in out.splitlines()] == names[procs.index(p)]
    assert sorted(q or "" for q in server.queries) == sorted(names[0] + names[1])
    gaps = server.gaps
    assert len(gaps) == 5
    assert min(gaps) >= 1.0 - TOLERANCE_S, gaps


@pytest.mark.parametrize("failure", [500, "drop"])
def test_breaker_on_a_failing_server(tmp_path: Path, failure: Reply) -> None:
    with FakeNominatim(then=failure) as server:
        geocoder = _online(server, tmp_path / "c.sqlite3", min_delay_seconds=0.001)
        geocoder.backoff_seconds = 0.001
        with pytest.warns(geo.GeoWarning, match="failed 5 times in a row") as warned:
            for name in ("Bakou", "Stepanakert", "Martouni"):
                with pytest.raises(geo.GeocoderServiceError):
                    geocoder.geocode(name)
    assert len(warned) == 1
    assert f"nominatim at http://{server.domain} failed 5 times" in str(warned[0].message)
    # one request per attempt (no retry inside geopy or urllib3), and none once stopped
    assert server.queries == ["Bakou"] * config.GEOCODER_MAX_FAILURES
    assert geocoder.requests == config.GEOCODER_MAX_FAILURES


def test_breaker_on_a_closed_port_and_a_rerun_resumes(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite3"
    names = ["Bakou", "Stepanakert", "Martouni"]
    with FakeNominatim() as server:
        geocoder = _online(server, cache, min_delay_seconds=0.001)
        assert geocoder.geocode("Bakou") is not None
        domain = server.domain
    # the server is gone: connections are refused
    down = get_geocoder(
        "nominatim",
        domain=domain,
        scheme="http",
        cache=GeocodeCache(cache),
        min_delay_seconds=0.001,
        backoff_seconds=0.001,
        max_failures=2,
    )
    found = {}
    with pytest.warns(geo.GeoWarning, match=r"failed 2 times in a row \(last: .*refused"):
        for name in names:
            try:
                found[name] = down.geocode(name)
            except geo.GeocoderServiceError:
                found[name] = None
    assert found["Bakou"] is not None  # from the cache
    assert (found["Stepanakert"], found["Martouni"]) == (None, None)
    assert down.requests == 2
    # a rerun, with the server back up, sends only what is missing
    with FakeNominatim(port=int(domain.rsplit(":", 1)[1])) as again:
        rerun = _online(again, cache, min_delay_seconds=0.001)
        assert all(rerun.geocode(name) is not None for name in names)
    assert again.queries == ["Stepanakert", "Martouni"]


def test_time_outs_count_as_failures(tmp_path: Path) -> None:
    with FakeNominatim(delay=0.5) as server:
        options = {"min_delay_seconds": 0.001, "backoff_seconds": 0.001, "max_failures": 2}
        geocoder = _online(server, False, timeout=0.1, **options)
        with pytest.warns(geo.GeoWarning, match="timed out"):
            for name in ("Bakou", "Stepanakert"):
                with pytest.raises(geo.GeocoderServiceError):
                    geocoder.geocode(name)
    assert server.queries == ["Bakou", "Bakou"]


def test_cli_custom_domain_and_scheme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "c.sqlite3"
    with FakeNominatim() as server:
        argv = [
            "geocode",
            "--json",
            "--geocoder",
            "nominatim",
            "--geocoder-option",
            f"domain={server.domain}",
            "--geocoder-option",
            "scheme=http",
            "--geocoder-option",
            "user_agent=geo-tests/1",
            "--geocoder-option",
            f"cache={cache}",
            "Bakou",
            "Nowhere",
        ]
        assert main(argv) == 1  # one name not found
    rows = json.loads(capsys.readouterr().out)
    assert [(r["query"], r["latitude"], r["longitude"]) for r in rows] == [
        ("Bakou", 40.3755885, 49.8328009),
        ("Nowhere", None, None),
    ]
    assert [r.path for r in server.requests] == ["/search", "/search"]
    assert server.requests[0].headers["User-Agent"] == "geo-tests/1"
    assert server.queries == ["Bakou", "Nowhere"]
    assert len(GeocodeCache(cache)) == 2


def test_cli_stops_a_down_service_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    domain = f"http://127.0.0.1:{closed_port()}"
    options = [f"domain={domain}", "min_delay_seconds=0", "backoff_seconds=0", "max_retries=0"]
    options += [f"cache={tmp_path / 'c.sqlite3'}"]
    argv = ["geocode", "--geocoder", "nominatim"]
    for option in options:
        argv += ["--geocoder-option", option]
    names = ["Bakou", "Stepanakert", "Martouni", "Gandja", "Choucha", "Agdam", "Hadrut"]
    assert main([*argv, *names]) == 1
    err = capsys.readouterr().err
    assert f"geo geocode: warning: nominatim at {domain} failed 5 times in a row (last: " in err
    assert "; stopped; rerun later: answers so far are cached in " in err
    assert err.count("' not sent: ") == 2  # Agdam and Hadrut: one attempt per name
    for name in names:
        assert f"not found: '{name}'" in err


def test_cli_bad_geocoder_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--geocoder", "nominatim", "--geocoder-option", "nope=1", "x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("geo geocode: error: unknown option nope of geocoder 'nominatim'")
    assert "domain" in err and "scheme" in err


def test_cli_map_geocodes_on_a_self_hosted_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "a.csv"
    table.write_text(
        "event_id_cnty,event_date,event_type,location,latitude,longitude,source\n"
        "A1,2020-10-04,Battles,Stepanakert,,,src\n"
        "A2,2020-10-05,Battles,Nowhere,,,src\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.html"
    with FakeNominatim() as server:
        argv = ["map", str(table), "-o", str(out), "--front", "none", "--boundaries", "none"]
        argv += ["--geocoder", "nominatim", "--geocoder-option", f"domain=http://{server.domain}"]
        argv += ["--geocoder-option", f"cache={tmp_path / 'c.sqlite3'}"]
        assert main(argv) == 0
    assert server.queries == ["Stepanakert", "Nowhere"]
    err = capsys.readouterr().err
    assert "1 events on the map" in err or "1 event" in err
    assert out.is_file()


def test_a_request_in_flight_elsewhere_is_waited_for(cache: GeocodeCache) -> None:
    t = FakeTime()
    # another process holds the slot: its request started and has not ended (yet)
    held = RequestSlot(last_end=t.now - 10, busy_until=t.now + 3, owner="other")
    cache.update_slot("nominatim", lambda slot: (held, None))
    geocoder, adapter = make_nominatim([BAKU_JSON], cache, t)
    assert geocoder.geocode("Bakou") is not None
    # polled until its lease ran out (a process killed in flight does not block for ever)
    assert sum(t.sleeps) == pytest.approx(3.0)
    assert max(t.sleeps) <= config.GEOCODER_POLL_SECONDS
    assert len(adapter.calls) == 1
    # the slot is free again, and the next request waits from the end of this one
    slot = cache.update_slot("nominatim", lambda slot: (slot, slot))
    assert (slot.busy_until, slot.owner, slot.last_end) == (0.0, "", t.now)
