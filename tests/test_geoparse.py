"""Tests of geo.geoparse: finding and resolving place names in French and English."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo
from geo.geoparse import MENTION_COLUMNS, Mention, find_mentions, get_geoparser
from geo.sources import make_document

REPO = Path(__file__).resolve().parent.parent
SHARED_ARTICLE = REPO.parent / "shared" / "corpus" / "karabakh-2020-10-02.fr.txt"


def parse(text: str, lang: str | None = None) -> list[Mention]:
    mentions = find_mentions(make_document(text, lang=lang))
    for m in mentions:
        assert text[m.char_start : m.char_end] == m.mention
    return mentions


def names(text: str, lang: str | None = None) -> list[tuple[str, str]]:
    return [(m.mention, m.place.id) for m in parse(text, lang)]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --------------------------------------------------------------------------- the shared article

EXPECTED = {
    "Agdam": "gn:148619",
    "Martouni": "gn:146969",
    "Gaziantep": "gn:314830",
    "Alep": "gn:170063",
    "Bakou": "gn:587084",
    "Erevan": "gn:616052",
    "Bruxelles": "gn:2800866",
    "Ankara": "gn:323786",
    "Haut-Karabakh": "geo:nagorno-karabakh",
    "Syrie": "gn:163843",
    "Turquie": "gn:298795",
    "Arménie": "gn:174982",
    "Russie": "gn:2017370",
    "États-Unis": "gn:6252001",
    "France": "gn:3017382",
    # not in the list, but a place all the same ("alliée de l'Azerbaïdjan")
    "Azerbaïdjan": "gn:587116",
}


@pytest.fixture(scope="module")
def shared_text() -> str:
    if not SHARED_ARTICLE.is_file():
        pytest.skip(f"shared article {SHARED_ARTICLE} is absent (it is not part of the repo)")
    return SHARED_ARTICLE.read_text(encoding="utf-8")


def test_shared_article_places(shared_text: str) -> None:
    mentions = parse(shared_text)
    found = {m.mention: m.place.id for m in mentions}
    assert found == EXPECTED
    counts = {name: sum(m.mention == name for m in mentions) for name in EXPECTED}
    assert counts["Haut-Karabakh"] == 5 and counts["Turquie"] == 6 and counts["Bakou"] == 4
    martouni = next(m for m in mentions if m.mention == "Martouni")
    assert martouni.place.latitude == pytest.approx(39.795, abs=0.01)
    assert martouni.place.longitude == pytest.approx(47.112, abs=0.01)


@pytest.mark.parametrize(
    "trap", ["Le Monde", "Figaro", "Minsk", "Interfax", "Otan", "AFP", "RFI", "Europe", "Selon"]
)
def test_shared_article_traps(shared_text: str, trap: str) -> None:
    for m in parse(shared_text):
        assert trap not in m.mention


def test_shared_article_offsets_include_the_header(shared_text: str) -> None:
    first = parse(shared_text)[0]
    assert first.mention == "Haut-Karabakh"
    assert first.char_start == shared_text.index("Haut-Karabakh")


# --------------------------------------------------------------------------- linguistics


def test_french_elision_articles_and_compounds() -> None:
    text = (
        "Les tirs d'Agdam ont visé l'Arménie. Au Haut-Karabakh, en Turquie et aux "
        "États-Unis, on s'inquiète. Le Nagorno-Karabakh reste disputé."
    )
    assert names(text) == [
        ("Agdam", "gn:148619"),
        ("Arménie", "gn:174982"),
        ("Haut-Karabakh", "geo:nagorno-karabakh"),
        ("Turquie", "gn:298795"),
        ("États-Unis", "gn:6252001"),
        ("Nagorno-Karabakh", "geo:nagorno-karabakh"),
    ]


def test_english_possessive_and_diacritics() -> None:
    text = "Syria's army shelled Saraqib. Azerbaijan's forces entered Ağdam and Şuşa."
    assert [m for m, _ in names(text)] == ["Syria", "Saraqib", "Azerbaijan", "Ağdam", "Şuşa"]


def test_every_occurrence_is_reported() -> None:
    text = "Bakou accuse Erevan. Erevan accuse Bakou. Bakou, encore Bakou."
    assert [m for m, _ in names(text)] == ["Bakou", "Erevan", "Erevan", "Bakou", "Bakou", "Bakou"]


@pytest.mark.parametrize(
    "text",
    [
        "Selon le quotidien Le Monde, la situation est grave.",
        "Un diplomate a confié au Figaro que rien n'était réglé.",
        "Le groupe de Minsk de l'OSCE se réunit. Les accords de Minsk sont caducs.",
        "The Minsk Group met again; the Minsk agreements were signed long ago.",
        "L'Organisation pour la sécurité et la coopération en Europe a réagi.",
        "L'Union européenne et le Conseil de l'Europe ont réagi, comme l'Otan et l'ONU.",
        "NATO and the European Union condemned the attack, Interfax and AFP reported.",
        "Emmanuel Macron a appelé le président Erdogan. Macron insiste.",
        "Regis Gente, envoyé spécial de RFI, décrit la scène.",
        "Les Arméniens et les Azéris s'accusent ; les forces azerbaïdjanaises avancent.",
        "Armenian and Azerbaijani troops clashed, Turkish officials said.",
        "Ville martyre. Front contre front. Nord, sud, est : partout des ruines.",
        "Le Kremlin et la Maison-Blanche ont échangé, selon Reuters et l'agence Anadolu.",
        "Il a fui. Les habitants de la ville sont partis vers le front.",
        "The Kyiv Independent and the Moscow Times reported it.",
    ],
)
def test_traps_give_no_place(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Rockets Hit Ganja As Stepanakert Comes Under Heavy Fire", ["Ganja", "Stepanakert"]),
        ("Mali: Gunmen Kill 40 In Attack On Army Post Near Mopti", ["Mali", "Mopti"]),
        ("President Macron Visits Kyiv As Russia Shells Kharkiv", ["Kyiv", "Russia", "Kharkiv"]),
        ("MISSILES STRIKE GANJA, AZERBAIJAN SAYS", ["GANJA", "AZERBAIJAN"]),
    ],
)
def test_title_case_headlines(headline: str, expected: list[str]) -> None:
    text = headline + "\n\nAzerbaijan, Armenia, Ukraine and Mali are in the news."
    assert [m for m, _ in names(text)][: len(expected)] == expected


def test_region_cues_pick_the_region() -> None:
    text = (
        "Dans la province d'Idlib, des frappes ont visé Idlib. Turkish guns hit Sanliurfa province."
    )
    found = [(m.mention, m.place.kind) for m in parse(text)]
    assert found == [("Idlib", "region"), ("Idlib", "city"), ("Sanliurfa", "region")]


def test_town_named_like_its_district_is_the_town() -> None:
    (m,) = parse("Des obus sont tombés sur Stepanakert.")
    assert (m.place.id, m.place.kind) == ("gn:146970", "city")


def test_near_cue_lowers_precision() -> None:
    (m,) = parse("Des combats ont eu lieu près de Horadiz.")
    assert m.precision == 2


# --------------------------------------------------------------------------- disambiguation


def test_martouni_in_karabakh_is_khojavend() -> None:
    text = (
        "Au Haut-Karabakh, la ville de Martouni, en territoire séparatiste, a été bombardée. "
        "Bakou et Erevan s'accusent."
    )
    martouni = next(m for m in parse(text) if m.mention == "Martouni")
    assert martouni.place.id == "gn:146969"


def test_martouni_by_lake_sevan_is_armenian() -> None:
    text = (
        "En Arménie, à Martouni, sur la rive sud du lac Sevan, les familles attendent. "
        "Les bus partent pour Gavar et Erevan."
    )
    martouni = next(m for m in parse(text) if m.mention == "Martouni")
    assert martouni.place.id == "gn:616438"
    assert km(martouni.place.latitude, martouni.place.longitude, 40.14, 45.30) < 5


def test_odessa_in_ukraine_not_texas() -> None:
    (odessa, *_rest) = parse("Des missiles russes ont frappé Odessa et Mykolaïv, en Ukraine.")
    assert odessa.place.country_code == "UA"


def test_small_namesake_abroad_is_dropped() -> None:
    text = "Gunmen attacked Solhan, a village of Burkina Faso near Sebba and the Niger border."
    assert "Solhan" not in [m for m, _ in names(text)]


# --------------------------------------------------------------------------- API


def test_geoparse_returns_a_geodataframe() -> None:
    df = geo.geoparse("date 2020-10-11\nA missile hit Ganja, far from Stepanakert.")
    assert list(df.columns) == [*MENTION_COLUMNS, "geometry"]
    assert df.crs.to_epsg() == 4326
    assert df["mention"].tolist() == ["Ganja", "Stepanakert"]
    assert df["char_start"].tolist() == [30, 46]
    assert df.geometry.iloc[0].x == pytest.approx(46.36, abs=0.01)
    assert df["doc_id"].tolist() == ["<text>", "<text>"]


def test_empty_and_placeless_text() -> None:
    assert len(geo.geoparse("")) == 0
    assert len(geo.geoparse("date 2020-10-11")) == 0
    assert len(geo.geoparse("rien à signaler")) == 0


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "Bakou",
        "d'Agdam",
        "l'Arménie",
        "Haut-Karabakh",
        "États-Unis",
        "groupe de Minsk",
        "Le Monde",
        "Selon",
        "Syria's",
        "N'Djamena",
        "St. Petersburg",
        " ",
        ", ",
        ". ",
        "\n",
        "'",
        "’",
        "-",
        "é",
        "\u0301",
        "ß",
        "İ",
        "\x00",
        "🙂",
        "1er",
        "2 700",
    ]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_and_offsets_slice_back(text: str) -> None:
    for m in find_mentions(make_document(text)):
        assert text[m.char_start : m.char_end] == m.mention
        assert 0 <= m.score <= 1


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_PIECES | st.text(max_size=5), max_size=40).map("".join))
def test_offsets_slice_back_on_place_like_text(text: str) -> None:
    parser = get_geoparser()
    for lang in ("fr", "en", None):
        for m in parser.parse(text, lang=lang):
            assert text[m.char_start : m.char_end] == m.mention
            assert m.char_start < m.char_end


# --------------------------------------------------------------------------- evaluation set


def _evaluation_module() -> ModuleType:
    path = REPO / "tests" / "eval" / "evaluate.py"
    spec = importlib.util.spec_from_file_location("geo_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["geo_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_evaluation_set_scores() -> None:
    ev = _evaluation_module()
    articles = ev.load_articles()
    assert len(articles) >= 12
    assert {a.name.split("-")[0] for a in articles} >= {"kb", "sy", "ua", "sahel"}
    total, _ = ev.evaluate(articles)
    report = "\n".join(total.errors)
    assert total.gold >= 150
    assert total.trap_hits == 0, report
    assert total.precision >= 0.97, report
    assert total.f1 >= 0.95, report
    assert total.found_and_resolved >= 0.90, report
