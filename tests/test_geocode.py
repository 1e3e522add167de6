"""Tests of geo.geocode: the offline geopy geocoder and the cached online geocoders."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import geopandas
import pytest
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

import geo
from geo.geocode import CachedGeocoder, GeocodeCache, OfflineGeocoder, get_geocoder

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
    script: list[Any], cache: GeocodeCache | bool, fake_time: FakeTime
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
    geocoder, adapter = make_nominatim([503] * 10, cache, t)
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
