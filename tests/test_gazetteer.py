"""Tests of geo.gazetteer: normalisation, records, ranking, and the on-disk index cache."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo import gazetteer as gz
from geo.gazetteer import Gazetteer, load_gazetteer, normalize_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ağdam", "Agdam"),
        ("AĞDAM", "agdam"),
        ("Haut-Karabakh", "Haut Karabakh"),
        ("Haut-Karabakh", "haut  karabakh"),
        ("Xocavənd", "Xocavend"),
        ("Şuşa", "Susa"),
        ("Kırıkkale", "Kirikkale"),
        ("Ma'arrat al-Numan", "Maarrat al Numan"),
        ("Ma’arrat al-Numan", "Maarrat al Numan"),
        ("Bakı", "Baki"),
        ("États-Unis", "etats unis"),
        ("Straße", "Strasse"),
        ("Łódź", "Lodz"),
        ("  St. Petersburg ", "St Petersburg"),
    ],
)
def test_normalize_variants_match(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_normalize_examples() -> None:
    assert normalize_name("Haut-Karabakh") == "haut karabakh"
    assert normalize_name("Ağdam") == "agdam"
    assert normalize_name("Нагорный Карабах") == "нагорныи карабах"
    assert normalize_name("") == ""
    assert normalize_name(" - ' ") == ""


@given(st.text())
def test_normalize_is_idempotent_and_tidy(text: str) -> None:
    key = normalize_name(text)
    assert normalize_name(key) == key
    assert key == key.strip()
    assert "  " not in key
    assert key == key.casefold() or not key.isascii()


# --------------------------------------------------------------------------- records


ACCEPTANCE = [
    # query, expected id, latitude, longitude
    ("Martouni", "gn:146969", 39.795, 47.112),
    ("Alep", "gn:170063", 36.20124, 37.16117),
    ("Bakou", "gn:587084", 40.37767, 49.89201),
    ("Erevan", "gn:616052", 40.17765, 44.5126),
    ("Gaziantep", "gn:314830", 37.05944, 37.3825),
    ("Agdam", "gn:148619", 39.99096, 46.92736),
    ("Ağdam", "gn:148619", 39.99096, 46.92736),
    ("Stepanakert", "gn:146970", 39.8177, 46.7528),
    ("Gandja", "gn:586523", 40.68157, 46.36134),
    ("Choucha", "gn:147105", 39.76006, 46.74989),
    ("Bruxelles", "gn:2800866", 50.85045, 4.34878),
    ("Hadrut", "geo:hadrut", 39.52, 47.03),
    ("Hadrout", "geo:hadrut", 39.52, 47.03),
]


@pytest.mark.parametrize(("query", "place_id", "lat", "lon"), ACCEPTANCE)
def test_acceptance_names(
    gaz: Gazetteer, query: str, place_id: str, lat: float, lon: float
) -> None:
    best = gaz.lookup(query)[0]
    assert best.id == place_id
    assert best.kind == "city"
    assert best.latitude == pytest.approx(lat, abs=0.01)
    assert best.longitude == pytest.approx(lon, abs=0.01)


def test_record_fields(gaz: Gazetteer) -> None:
    agdam = gaz.lookup("Agdam")[0]
    assert agdam.name == "Aghdam"
    assert agdam.country_code == "AZ"
    assert agdam.admin1_code == "03"
    assert agdam.admin1 == "Ağdam"
    assert agdam.population == 37700
    assert agdam.source == "geonames"
    assert not agdam.primary
    assert gaz.lookup("Aghdam")[0].primary


@pytest.mark.parametrize(
    "query", ["Haut-Karabakh", "Haut Karabakh", "Haut-Karabagh", "Nagorno-Karabakh", "Artsakh"]
)
def test_disputed_region(gaz: Gazetteer, query: str) -> None:
    best = gaz.lookup(query)[0]
    assert best.id == "geo:nagorno-karabakh"
    assert best.kind == "region"
    assert best.source == "supplement"


def test_admin1_region(gaz: Gazetteer) -> None:
    (region,) = gaz.lookup("Tigray")[:1]
    assert region.kind == "region"
    assert region.country_code == "ET"
    # a district named after its town comes after the town
    kinds = [p.kind for p in gaz.lookup("Ağdam")]
    assert kinds[:2] == ["city", "region"]


def test_corrected_azerbaijani_district(gaz: Gazetteer) -> None:
    lachin = [p for p in gaz.lookup("Laçın") if p.kind == "region"]
    assert lachin and lachin[0].id == "ne:AZE-1735"
    assert all(p.id != "ne:AZE-1735" for p in gaz.lookup("Lankaran"))


# A name in each of the ten languages, for three countries (CLDR spellings).
COUNTRY_NAMES = {
    "SY": "Syria Syrie Syrien Siria Сирия Сирія سوريا Suriye Suriya Սիրիա",
    "TR": "Turkey Turquie Türkei Turquía Турция Туреччина تركيا Türkiye Türkiyə Թուրքիա",
    "AM": "Armenia Arménie Armenien Armenia Армения Вірменія أرمينيا Ermenistan Ermənistan "
    "Հայաստան",
}


@pytest.mark.parametrize("code", sorted(COUNTRY_NAMES))
def test_country_names_in_ten_languages(gaz: Gazetteer, code: str) -> None:
    names = COUNTRY_NAMES[code].split()
    assert len(names) == 10
    for name in names:
        best = gaz.lookup(name)[0]
        assert (best.kind, best.country_code) == ("country", code), name


@pytest.mark.parametrize(
    ("name", "code"),
    [("Azerbaïdjan", "AZ"), ("États-Unis", "US"), ("Etats Unis", "US"), ("Russie", "RU"),
     ("USA", "US"), ("Royaume-Uni", "GB"), ("Allemagne", "DE"), ("Türkiye", "TR")],
)  # fmt: skip
def test_country_aliases(gaz: Gazetteer, name: str, code: str) -> None:
    best = gaz.lookup(name)[0]
    assert (best.kind, best.country_code) == ("country", code)


def test_ranking_primary_then_population(gaz: Gazetteer) -> None:
    ids = [p.id for p in gaz.lookup("Martuni")]
    assert ids == ["gn:616438", "gn:616437", "gn:146969"]
    scores = [p.score for p in gaz.lookup("Martuni")]
    assert scores == sorted(scores, reverse=True)


def test_filters(gaz: Gazetteer) -> None:
    assert [p.id for p in gaz.lookup("Martuni", country_codes=["az"])] == ["gn:146969"]
    assert gaz.lookup("Ağdam", kinds=["region"])[0].id == "ne:AZE-1691"


@pytest.mark.parametrize("query", ["", "   ", "-", "Zzyzzxqwv", "Nowhereville-sur-Mer"])
def test_unknown_and_empty(gaz: Gazetteer, query: str) -> None:
    assert gaz.lookup(query) == []


def test_contains_get_country_nearest(gaz: Gazetteer) -> None:
    assert "bakou" in gaz
    assert "Bakou" not in gaz  # keys are normalised
    assert 42 not in gaz
    khojavend = gaz.get("gn:146969")
    assert khojavend is not None and khojavend.name == "Khojavend"
    assert gaz.get("gn:0") is None
    az = gaz.country("az")
    assert az is not None and az.name == "Azerbaijan"
    assert gaz.country_name("AZ", "fr") == "Azerbaïdjan"
    assert gaz.nearest(39.99, 46.93).id == "gn:148619"
    assert gaz.max_key_tokens >= 3


# --------------------------------------------------------------------------- cache

CITIES = {
    "1": {"geonameid": 1, "name": "Alpha", "latitude": 10.0, "longitude": 20.0,
          "countrycode": "AZ", "population": 1000, "timezone": "", "admin1code": "01",
          "alternatenames": ["Alfa"]},
    "2": {"geonameid": 2, "name": "Beta", "latitude": 11.0, "longitude": 21.0,
          "countrycode": "AZ", "population": 500, "timezone": "", "admin1code": "01",
          "alternatenames": []},
}  # fmt: skip
COUNTRIES = {
    "AZ": {"geonameid": 587116, "name": "Azerbaijan", "iso": "AZ", "iso3": "AZE",
           "population": 10, "capital": "Alpha"},
}  # fmt: skip


@pytest.fixture
def small_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A tiny set of gazetteer inputs, and an empty cache folder."""
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "cities.json").write_text(json.dumps(CITIES), encoding="utf-8")
    (src / "countries.json").write_text(json.dumps(COUNTRIES), encoding="utf-8")
    data = gz.data_dir() / "gazetteer"
    for name in ("admin1.csv", "countries.csv", "country_aliases.csv", "supplement.csv"):
        shutil.copy(data / name, src / name)
    return {
        "cities": src / "cities.json",
        "countries": src / "countries.json",
        "admin1": src / "admin1.csv",
        "country_points": src / "countries.csv",
        "country_aliases": src / "country_aliases.csv",
        "supplement": src / "supplement.csv",
    }


def _index_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("gazetteer-v*.idx"))


def test_cache_built_once_and_reused(small_inputs: dict[str, Path], tmp_path: Path) -> None:
    first = gz.open_index(small_inputs)
    assert [p.id for p in first.lookup("Alfa")] == ["gn:1"]
    (path,) = _index_files(tmp_path / "cache")
    mtime = path.stat().st_mtime_ns
    second = gz.open_index(small_inputs)
    assert second.lookup("Beta")[0].id == "gn:2"
    assert path.stat().st_mtime_ns == mtime


def test_cache_rebuilt_when_inputs_change(small_inputs: dict[str, Path], tmp_path: Path) -> None:
    gz.open_index(small_inputs)
    (old,) = _index_files(tmp_path / "cache")
    with small_inputs["supplement"].open("a", encoding="utf-8") as fh:
        fh.write("geo:test,Gammaville,Gamma,city,12.0,22.0,AZ,,700,test row\n")
    gaz = gz.open_index(small_inputs)
    assert gaz.lookup("Gamma")[0].id == "geo:test"
    (new,) = _index_files(tmp_path / "cache")
    assert new != old  # the stale index was replaced


def test_cache_rebuilt_when_index_version_changes(
    small_inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gz.open_index(small_inputs)
    monkeypatch.setattr(gz, "INDEX_VERSION", gz.INDEX_VERSION + 1)
    gaz = gz.open_index(small_inputs)
    assert gaz.meta["index_version"] == gz.INDEX_VERSION
    assert [p.name for p in _index_files(tmp_path / "cache")] == [
        p.name for p in _index_files(tmp_path / "cache") if f"v{gz.INDEX_VERSION}-" in p.name
    ]


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_corrupted_cache_is_rebuilt(
    small_inputs: dict[str, Path], tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    gz.open_index(small_inputs)
    (path,) = _index_files(tmp_path / "cache")
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        path.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "flip":
        data[-100] ^= 0xFF
        path.write_bytes(bytes(data))
    elif damage == "garbage":
        path.write_bytes(b"not an index at all" * 10)
    else:
        path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="geo.gazetteer"):
        gaz = gz.open_index(small_inputs)
    assert gaz.lookup("Alpha")[0].id == "gn:1"
    assert "rebuilding" in caplog.text
    assert gz.Gazetteer(path.read_bytes()).lookup("Alpha")[0].id == "gn:1"


def test_unwritable_cache_falls_back_to_memory(
    small_inputs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(gz, "atomic_write", lambda *a, **k: _Refusing())
    gaz = gz.open_index(small_inputs)
    assert gaz.lookup("Alpha")[0].id == "gn:1"
    assert _index_files(tmp_path / "cache") == []


class _Refusing:
    def __enter__(self) -> None:
        raise PermissionError(13, "Permission denied")

    def __exit__(self, *exc: object) -> None:
        return None


def test_bad_supplement_row_names_the_line(small_inputs: dict[str, Path]) -> None:
    with small_inputs["supplement"].open("a", encoding="utf-8") as fh:
        fh.write("geo:bad,Bad,,planet,x,y,AZ,,0,bad\n")
    with pytest.raises(gz.DataError, match=r"supplement\.csv, line \d+"):
        gz.open_index(small_inputs)


def test_uncreatable_cache_folder_builds_in_memory(
    small_inputs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("GEO_CACHE_DIR", str(blocker / "cache"))
    gaz = gz.open_index(small_inputs)
    assert gaz.lookup("Alpha")[0].id == "gn:1"
