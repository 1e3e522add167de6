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
from geo import config
from geo.geoparse import MENTION_COLUMNS, Mention, find_mentions, get_geoparser
from geo.io.documents import make_document

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


def test_a_two_word_name_written_as_one() -> None:
    text = "Des hommes armés ont attaqué un marché à Guidanroumdji, à l'ouest de Maradi."
    assert names(text)[0] == ("Guidanroumdji", "gn:2443623")
    # an English compound that ends in a common word is not split into a place
    text = "Floods reached Maradi; the Pinelake committee met in Tessaoua."
    assert "Pinelake" not in [m for m, _ in names(text)]


def test_a_place_without_twin_is_its_own_twin_whatever_the_memo_holds() -> None:
    import dataclasses

    from geo.geoparse.candidates import Index

    # the features test the twin with ``is``: an equal record memoised from another lookup
    # (another document) once read as a twin and moved the document's scores
    index = Index.default()
    cs = index.candidates("makeni")
    assert index.twin("makeni", cs[0].place, cs) is cs[0].place
    copies = tuple(dataclasses.replace(c, place=dataclasses.replace(c.place)) for c in cs)
    assert copies == cs
    assert copies[0].place is not cs[0].place
    assert index.twin("makeni", copies[0].place, copies) is copies[0].place


def test_a_very_long_word_is_not_split_at_every_letter() -> None:
    from geo.geoparse.candidates import Index

    # hostile input: a 300,000-letter word once made 300,000 split variants of 300,000
    # letters each (minutes and gigabytes); words longer than two names are not split
    variants = Index.default().variants("x" * 300_000)
    assert len(variants) <= 10
    assert not any(v.startswith("xxx x") for v in variants)
    assert "guidan roumdji" in Index.default().variants("guidanroumdji")


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


@pytest.mark.parametrize(
    ("text", "lang", "mention", "iso", "lat", "lon"),
    [
        # the unit word before the name, with an Arabic clitic, in the document's country
        ("أعلن الجيش السوداني أن قواته استعادت مواقع بولاية غرب كردفان.", "ar",
         "غرب كردفان", "SD-GK", 11.56, 28.39),
        ("قالت السلطات العمانية إن الأمطار غمرت قرى في محافظة شمال الباطنة.", "ar",
         "شمال الباطنة", "OM-BS", 23.98, 56.82),
        # French and Spanish unit words before the name, Russian after it
        ("Au Burkina Faso, des hommes armés ont attaqué un poste dans la province de la "
         "Komoé.", "fr", "Komoé", "BF-COM", 10.22, -4.42),
        ("En Afganistán, las lluvias dañaron carreteras en la provincia de Bamiyán.", "es",
         "Bamiyán", "AF-BAM", 34.8, 67.5),
        ("В Буркина-Фасо боевики напали на армейский пост в провинции Комоэ.", "ru",
         "Комоэ", "BF-COM", 10.22, -4.42),
        ("Дрони атакували Житомирську область уночі, повідомила обласна адміністрація.", "uk",
         "Житомирську область", "UA-18", 50.5, 28.5),
        # a region that bears its seat's name in another spelling (Zaporizhzhya)
        ("Shelling hit villages across Zaporizhzhia oblast overnight, Ukraine said.", "en",
         "Zaporizhzhia", "UA-23", 47.33, 35.71),
    ],
)  # fmt: skip
def test_admin_units_named_with_their_unit_word(
    text: str, lang: str, mention: str, iso: str, lat: float, lon: float
) -> None:
    m = next(m for m in parse(text, lang) if m.mention == mention)
    assert (m.place.kind, m.place.iso_3166_2) == ("region", iso)
    assert (m.place.latitude, m.place.longitude) == pytest.approx((lat, lon), abs=0.6)


def test_a_capital_named_as_a_region_after_a_town_is_the_region() -> None:
    # "Boyarka, Kyiv region": the oblast the town lies in, not the capital's surroundings
    ms = parse("A drone hit a house in Boyarka, Kyiv region, on Monday.")
    (kyiv,) = [m for m in ms if m.mention == "Kyiv"]
    assert (kyiv.place.kind, kyiv.place.iso_3166_2) == ("region", "UA-32")


def test_a_ukrainian_town_the_russian_dictionary_names_is_no_common_word() -> None:
    # "Нікополь" is frequent in Ukrainian text as the town's name only; the Russian
    # dictionary tags its Russian spelling a geographical name
    assert [m.mention for m in parse("Вночі російські війська обстріляли Нікополь.", "uk")] == [
        "Нікополь"
    ]


def test_a_cyrillic_case_form_is_read_both_ways() -> None:
    # "Сум" is Burkina Faso's Soum province as written and the genitive of Суми (Sumy)
    text = "Уночі дрони атакували околиці Сум на північному сході України."
    (uk,) = [m for m in parse(text, "uk") if m.mention == "Сум"]
    assert (uk.place.id, uk.place.country_code) == ("gn:692194", "UA")
    ru = parse("В Буркина-Фасо джихадисты атаковали колонну в провинции Сум на севере.", "ru")
    soum = next(m for m in ru if m.mention == "Сум")
    assert (soum.place.country_code, soum.place.iso_3166_2) == ("BF", "BF-SOM")
    # the district of Sumy named by its adjective, with no other place around: its centre,
    # not the oblast also named after the town
    (raion,) = parse("Евакуація триває з прикордонних сіл Сумського району.", "uk")
    assert (raion.place.id, raion.place.kind) == ("gn:692194", "city")


@pytest.mark.parametrize(
    "text",
    [
        "Погибли трое жителей Любешова. Из-за боёв тысячи семей бежали.",
        "Погибли трое жителей Любешова. Из Любешова тысячи семей бежали.",
    ],
)
def test_a_capitalised_function_word_is_no_case_form_of_a_name(text: str) -> None:
    # "Из" opens the sentence: a preposition, not a form of a village called Іза
    assert [m.mention for m in parse(text, "ru")] == ["Любешова"] * text.count("Любешова")


def test_town_named_like_its_district_is_the_town() -> None:
    ms = parse("Au Haut-Karabakh, des obus sont tombés sur Stepanakert.")
    m = next(m for m in ms if m.mention == "Stepanakert")
    assert (m.place.id, m.place.kind) == ("gn:146970", "city")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the adjective of a community is built from "Борщів" or "Борщівка": the oblast the
        # text names chooses the centre among the places of both
        ("Окупанти обстріляли Борщівську громаду Харківської області.", "gn:711585"),
        ("Ремонт доріг почали в Борщівській громаді на Тернопільщині.", "gn:711587"),
    ],
)
def test_community_is_its_centre_among_the_towns_its_adjective_may_come_from(
    text: str, expected: str
) -> None:
    assert parse(text)[0].place.id == expected


@pytest.mark.parametrize(
    ("text", "lang", "mention", "expected"),
    [
        # the town of the adjective ends in -я, -и, -к, or is named by the adjective itself
        ("Обстріл Попільнянської громади тривав уночі.", "uk", "Попільнянської громади",
         "gn:696557"),
        ("Вибухи пролунали у Теплицькому районі.", "uk", "Теплицькому районі", "gn:691708"),
        ("Беспилотник упал в Мурашинском районе Кировской области.", "ru",
         "Мурашинском районе", "gn:524414"),
        ("Обстріл Новотроїцької громади Херсонської області.", "uk",
         "Новотроїцької громади", "gn:699100"),
        ("Обстрел Каневского района Краснодарского края.", "ru", "Каневского района",
         "gn:553152"),
        # a town in -ни that loses the vowel of its stem ("Ромни": "роменський"), also in
        # the region noun of its district
        ("Вибухи у Роменському районі Сумської області.", "uk", "Роменському районі",
         "gn:695464"),
        ("Ситуація на Роменщині залишається складною.", "uk", "Роменщині", "gn:695464"),
        # a town of two words: "Велика Олександрівка", "Нова Одеса"
        ("Обстріл Великоолександрівської громади Херсонської області.", "uk",
         "Великоолександрівської громади", "gn:690288"),
        ("Вибухи у Новоодеській громаді Миколаївської області.", "uk", "Новоодеській громаді",
         "gn:699811"),
        # a surname of the document that is also the district's adjective
        ("Ганна Бородянська сказала, що у Бородянській громаді тихо.", "uk",
         "Бородянській громаді", "gn:711635"),
    ],
)  # fmt: skip
def test_district_and_community_are_their_centre_town(
    text: str, lang: str, mention: str, expected: str
) -> None:
    assert (mention, expected) in names(text, lang)


def test_a_town_and_its_district_side_by_side_are_both_the_town() -> None:
    # the district's noun is not the town's region cue: not the oblast named after it
    ms = parse("Ночью обстреляли Курск и Курский район из РСЗО.", "ru")
    assert [(m.mention, m.place.id) for m in ms] == [
        ("Курск", "gn:538560"),
        ("Курский район", "gn:538560"),
    ]


def test_a_district_is_in_a_country_that_has_districts() -> None:
    # "Барському" is built from "Бар", also a town of Switzerland and of Montenegro
    (m,) = parse("Вибухи пролунали у Барському районі.", "uk")
    assert (m.place.id, m.place.country_code) == ("gn:712861", "UA")


@pytest.mark.parametrize(
    ("text", "lang", "mention", "expected"),
    [
        # only the last word of a hyphenated Arabic name declines; the whole name, not a piece
        ("Беспилотник атаковал порт в Рас-эль-Хайме.", "ru", "Рас-эль-Хайме", "gn:291074"),
        # the Ukrainian spelling of a name the gazetteer writes in Russian
        ("Ізраїль завдав удару по Хан-Юнісу.", "uk", "Хан-Юнісу", "gn:281124"),
    ],
)
def test_hyphenated_arabic_names_in_cyrillic_are_whole(
    text: str, lang: str, mention: str, expected: str
) -> None:
    assert (mention, expected) in names(text, lang)


def test_the_first_part_of_a_hyphenated_name_is_no_place_alone() -> None:
    # "Mayo-Tibakouri" (a made-up department the gazetteer lacks) is not County Mayo
    text = "Des soldats ont été tués dans le département du Mayo-Tibakouri, au Cameroun."
    assert names(text, "fr") == [("Cameroun", "gn:2233387")]
    # two countries joined by a hyphen stay two places
    found = [m for m, _ in names("La frontière Israël-Liban est restée fermée.", "fr")]
    assert found == ["Israël", "Liban"]
    # and so do two towns of one country: a road
    text = "Gunmen attacked travellers on the Mongo-Bitkine road on Monday."
    assert [m for m, _ in names(text, "en")] == ["Mongo", "Bitkine"]


def test_a_hyphenated_name_with_an_unknown_second_part_is_one_name() -> None:
    # the second part is no gazetteer name and no French word: the whole is one name the
    # gazetteer lacks, and its first part is no place alone, even a town of the country named
    text = "Des hommes armés ont attaqué Ségou-Bolokoura, au Mali."
    assert [m for m, _ in names(text, "fr")] == ["Mali"]
    # a frequent word after the hyphen keeps the town ("Ségou-Est": a part of it)
    text = "Des hommes armés ont attaqué Ségou-Est, au Mali."
    assert [m for m, _ in names(text, "fr")] == ["Ségou", "Mali"]
    # so does an acronym, and the town written alone elsewhere in the document
    text = "The team from Boulder-NW won the Colorado title in the United States."
    assert next(m for m, _ in names(text, "en")) == "Boulder"
    text = "Des hommes armés ont attaqué Ségou puis Ségou-Bolokoura, au Mali."
    assert [m for m, _ in names(text, "fr")] == ["Ségou", "Ségou", "Mali"]


def test_a_word_before_an_unknown_capitalised_word_is_no_place_alone() -> None:
    # "Wadi Qurbash" is one name the gazetteer lacks, not the Indian town Wadi: the whole
    # name, after "at"/"à", is an approximate place near Irbid, never "Wadi" alone
    text = "Smugglers were arrested at Wadi Qurbash, near Irbid in Jordan."
    assert [m for m, _ in names(text, "en")] == ["Wadi Qurbash", "Irbid", "Jordan"]
    text = "Des contrebandiers ont été arrêtés à Wadi Qurbash, près d'Irbid, en Jordanie."
    assert [m for m, _ in names(text, "fr")] == ["Wadi Qurbash", "Irbid", "Jordanie"]
    # a region's name stays a place before any word
    text = "The Nebraska Bowlingverband met in Kearney."
    assert [m for m, _ in names(text, "en")] == ["Nebraska", "Kearney"]


def test_a_units_noun_after_its_name_joins_the_mention_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Shelling hit the Ternopil region of Ukraine; the Kyiv and Poltava regions too."
    # by default the mention is the name alone
    before = names(text, "en")
    assert [m for m, _ in before] == ["Ternopil", "Ukraine", "Kyiv", "Poltava"]
    monkeypatch.setattr(config, "GEOPARSE_UNIT_NOUN_SPANS", True)
    found = names(text, "en")
    # the singular noun joins it, the unit stays the place; a plural shared by a list does not
    assert [m for m, _ in found] == ["Ternopil region", "Ukraine", "Kyiv", "Poltava"]
    assert [p for _, p in found] == [p for _, p in before]
    text = "Troops entered Kasai province on Monday."
    assert [m for m, _ in names(text, "en")] == ["Kasai province"]
    # a capitalised noun that starts a named thing stays out ("Ohio State University")
    text = "He studied at Ohio State University before moving to Texas."
    assert next(m for m, _ in names(text, "en")) == "Ohio"
    # French writes the noun before the name: nothing changes
    text = "Des combats dans la région de Mopti."
    assert [m for m, _ in names(text, "fr")] == ["Mopti"]


def test_an_organisation_word_joined_by_a_hyphen_starts_a_place_name() -> None:
    text = "Des hommes armés ont attaqué Fonds-Verrettes, près de la frontière."
    assert names(text, "fr") == [("Fonds-Verrettes", "gn:3725222")]
    # the word alone still starts an organisation's name
    text = "Le Fonds Fatima a financé une école à Kigali."
    assert [m for m, _ in names(text, "fr")] == ["Kigali"]


def test_near_cue_lowers_precision() -> None:
    ms = parse("En Azerbaïdjan, des combats ont eu lieu près de Horadiz et à Tartar.")
    precision = {m.mention: m.precision for m in ms}
    assert (precision["Horadiz"], precision["Tartar"]) == (2, 1)


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
    # Karma (Yatenga, Burkina Faso) is in no gazetteer; its namesake is a small Indian town:
    # not that town, but the village the text calls it, placed at its province (precision 3)
    text = "Gunmen killed dozens in Karma, a village of Burkina Faso's Yatenga province."
    karma = next(m for m in parse(text) if m.mention == "Karma")
    assert karma.place.id.startswith("approx:") and karma.place.country_code == "BF"
    assert karma.precision == 3
    assert km(karma.place.latitude, karma.place.longitude, 13.58, -2.42) < 60


def test_supplement_village_is_found() -> None:
    text = "Gunmen attacked Solhan, a village of Burkina Faso near Sebba and the Niger border."
    assert ("Solhan", "geo:solhan") in names(text)


# --------------------------------------------------------------------------- rules added
# after the held-out evaluation (tests/eval/src/ho-*.md, ho2-*.md)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les pêcheurs du lac Sevan attendent. À Martouni, en Arménie, rien ne bouge.",
            [("lac Sevan", "geo:lake-sevan"), ("Martouni", "gn:616438"), ("Arménie", "gn:174982")],
        ),
        (
            "Les Houthis visent les navires en mer Rouge, au large du Yémen.",
            [("mer Rouge", "geo:sea-red"), ("Yémen", "gn:69543")],
        ),
        (
            "Houthi missiles hit a ship in the Red Sea and the Gulf of Aden.",
            [("Red Sea", "geo:sea-red"), ("Gulf of Aden", "geo:gulf-aden")],
        ),
        (
            "Les Russes se sont repliés sur la rive gauche du Dniepr, près de Kherson. "
            "À Dnipro, les sirènes ont retenti.",
            [("Dniepr", "geo:river-dnieper"), ("Kherson", "gn:706448"), ("Dnipro", "gn:709930")],
        ),
        (
            "Ukrainian troops crossed the Dnipro near Kherson. The Dnipro mayor said two people "
            "died in Dnipro.",
            [
                ("Dnipro", "geo:river-dnieper"),
                ("Kherson", "gn:706448"),
                ("Dnipro", "gn:709930"),
                ("Dnipro", "gn:709930"),
            ],
        ),
        (
            "Ukraine exports grain through its Danube river ports of Izmail and Reni.",
            [
                ("Ukraine", "gn:690791"),
                ("Danube", "geo:river-danube"),
                ("Izmail", "gn:707308"),
                ("Reni", "gn:12129128"),
            ],
        ),
        (
            # no article before the river: its land namesake lies off the story
            "Fishermen from Soroca, Otaci and Camenca say Nistru has fallen to a record low.",
            [
                ("Soroca", "gn:617367"),
                ("Otaci", "gn:618631"),
                ("Camenca", "gn:618453"),
                ("Nistru", "geo:river-dniester"),
            ],
        ),
        (
            "Wad Madani, sur le Nil Bleu, est tombée ; les combats gagnent l'État du Nil Bleu.",
            [
                ("Wad Madani", "gn:364103"),
                ("Nil Bleu", "geo:river-blue-nile"),
                ("Nil Bleu", "ne:SDN-148"),
            ],
        ),
        (
            # Slavic text writes no article: the words that govern the name tell the river
            "Уздовж Дніпра біля Канева тривають роботи, а в Дніпрі відкрили новий міст.",
            [
                ("Дніпра", "geo:river-dnieper"),
                ("Канева", "gn:706900"),
                ("Дніпрі", "gn:709930"),
            ],
        ),
        (
            "Рыбаки на берегу Днепра у Канева, а в Днепре тревога.",
            [
                ("Днепра", "geo:river-dnieper"),
                ("Канева", "gn:706900"),
                ("Днепре", "gn:709930"),
            ],
        ),
        (
            "Рибалки на Ворсклі та на березі річки Псел скаржаться на посуху.",
            [("Ворсклі", "geo:river-vorskla"), ("Псел", "geo:river-psel")],
        ),
    ],
)
def test_water_bodies(text: str, expected: list[tuple[str, str]]) -> None:
    # (a river may be placed at the stretch of a town of the story: "<river id>@<town id>")
    assert [(name, place.split("@")[0]) for name, place in names(text)] == expected


def test_country_names_with_words_in_lower_case() -> None:
    text = (
        "L'Arabie saoudite et les Émirats arabes unis financent la République démocratique "
        "du Congo, selon la Fédération de Russie."
    )
    assert names(text) == [
        ("Arabie saoudite", "gn:102358"),
        ("Émirats arabes unis", "gn:290557"),
        ("République démocratique du Congo", "gn:203312"),
        ("Fédération de Russie", "gn:2017370"),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Rebels took Goma and marched on Kinshasa. Congo accused Rwanda.", "CD"),
        ("In Brazzaville, the government of Congo said Pointe-Noire was calm.", "CG"),
    ],
)
def test_a_name_shared_by_two_countries_follows_the_article(text: str, code: str) -> None:
    congo = next(m for m in parse(text) if m.mention == "Congo")
    assert (congo.place.kind, congo.place.country_code) == ("country", code)


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Dans l'État Shan, en Birmanie, près de la Chine, la junte recule.",
            "Shan",
            "ne:MMR-3277",
        ),
        (
            "Clashes spread across Deir al-Zor province in eastern Syria.",
            "Deir al-Zor",
            "ne:SYR-142",
        ),
        ("Boko Haram is active in the Diffa region of Niger.", "Diffa", "ne:NER-796"),
        ("The offensive went from Idlib province through Aleppo and Hama.", "Aleppo", "gn:170063"),
        (
            "Six missiles ont visé un arsenal de la région de Briansk, en Russie.",
            "Briansk",
            "ne:RUS-2342",
        ),
    ],
)
def test_region_cues(text: str, mention: str, expected: str) -> None:
    assert dict(names(text))[mention] == expected


def test_a_after_a_country_named_like_its_capital() -> None:
    text = "Un sommet s'est tenu à Djibouti. Le Djibouti accueille des bases étrangères."
    assert names(text) == [("Djibouti", "gn:223817"), ("Djibouti", "gn:223816")]


@pytest.mark.parametrize(
    "text",
    [
        "Le président du parti, Jordan Bardella, a réagi sur les réseaux sociaux, comme le "
        "ministre Jean-Noël Barrot et son homologue Grant Shapps.",
        "(Reporting by Olena Harmash; Editing by Grant McCool and Alison Williams)",
        "Le bateau « Tombouctou » a été attaqué. The tanker Marlin Luanda burned.",
        "Le Shakhtar Donetsk a battu le Dynamo Kyiv.",
        "Selon l'agence officielle (ANI), l'armée recule face à la KNU et aux ADF.",
        "The Myanmar National Democratic Alliance Army and the Deir al-Zor Military Council "
        "spoke; wheat rose on the Chicago Board of Trade.",
        "Rapid Support Forces fighters left. The Black Sea Grain Initiative collapsed.",
        "Aung San Suu Kyi remains in prison. Under Stalin, the cathedral was demolished.",
        "A massacre in June killed dozens. Cars queued for hours. Lake, sea and Airport.",
        # institutions ending in a noun of a capitalised chain, a possessive inside it
        "The Gombe Area Command and the Chad Medical Network spoke to the press.",
        "The Zambia People's Liberation Forces and Malindi Online reported it.",
    ],
)
def test_more_traps_give_no_place(text: str) -> None:
    assert names(text) == []


def test_a_title_s_possessive_does_not_make_an_institution_of_the_place() -> None:
    # "X President's Y Initiative" is a body of X's own president: X stays a place
    text = "Funds come from the Malawi President's Youth Initiative, officials in Mangochi said."
    assert [m for m, _ in names(text)] == ["Malawi", "Mangochi"]


def test_credit_lines_keep_the_places() -> None:
    text = (
        "(Reporting by Olena Harmash in Kyiv and Ron Popeski in Winnipeg; Editing by Grant "
        "McCool)\n(Reporting by the Reuters Kyiv bureau; Writing by Tom Balmforth in London)"
    )
    assert [m for m, _ in names(text)] == ["Kyiv", "Winnipeg", "Kyiv", "London"]


def test_country_after_a_given_name_like_place() -> None:
    assert names("Jordan's King Abdullah met him in Amman.") == [
        ("Jordan", "gn:248816"),
        ("Amman", "gn:250441"),
    ]


def test_datelines_in_capitals_and_acronyms() -> None:
    text = "GAZA, Nov 15 (Reuters) - Israeli forces stormed a hospital in Gaza, the KNU said."
    assert names(text) == [("GAZA", "gn:281133"), ("Gaza", "gn:281133")]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Fighting in Deir Ezzor and Raqqa, Syria.", "Deir Ezzor", "gn:170794"),
        ("Fighting in Deir el-Zour and Raqqa, Syria.", "Deir el-Zour", "gn:170794"),
        ("Au Soudan, les paramilitaires ont pris l'État d'Al-Jazira.", "Al-Jazira", "ne:SDN-875"),
        ("Fighting raged in North Kivu, near Goma, in Congo.", "North Kivu", "ne:COD-1898"),
        ("Strikes hit Hodeidah and Sanaa in Yemen.", "Hodeidah", "gn:79415"),
        ("Rebels took Jisr al-Shughur, in Syria's Idlib province.", "Jisr al-Shughur", "gn:169023"),
        ("Militias crossed the river from al-Mayadin, in Syria.", "al-Mayadin", "gn:173480"),
        ("Strikes hit Deir al-Balah in the Gaza Strip.", "Deir al-Balah", "gn:281141"),
    ],
)
def test_spelling_variants(text: str, mention: str, expected: str) -> None:
    assert dict(names(text))[mention] == expected


def test_minor_place_named_only_in_a_headline_needs_support() -> None:
    text = (
        "M23 Rebels Claim Capture of Congo's Goma as Thousands Flee\n\n"
        "Rebels entered Goma, in Congo, residents said. A reporter in Paris confirmed."
    )
    assert "Flee" not in [m for m, _ in names(text)]


def test_headline_town_named_in_the_body_or_its_country_stays() -> None:
    # a small town of the headline stays when the body names its country or writes its name;
    # a word of the headline that recognition only half believes ("Stall", a village of
    # Austria) makes it no town far from the story's places
    text = (
        "Shells Hit Stepanakert As Talks Stall\n\n"
        "Azerbaijan and Armenia traded blame on Tuesday, officials said."
    )
    assert "Stepanakert" in [m for m, _ in names(text)]


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


#: Floors of the development split by language: F1 of exact spans, and names found and
#: placed within 161 km over all gold names (guards against regressions; measured values
#: are in tests/eval/SCORES.md and the README). English went down when batches t2 and t3,
#: each scored once as the frozen test split, joined the development split (0.945, 0.929
#: with t3), French when batch t4 did (0.970, 0.953 before it; 0.964, 0.944 with it),
#: English, French and Russian when batch t5 did (0.952, 0.969, 0.924 before it; 0.940,
#: 0.953, 0.909 with it), English and French when batch t7 did (e2e 0.908, 0.894 before
#: it; 0.894, 0.876 with it), and again when batch t8 did (0.897, 0.879 before it; 0.876,
#: 0.855 with it), and English, French, Spanish and Russian when batch t9 did (0.876, 0.859,
#: 0.834, 0.864 before it; 0.849, 0.833, 0.823, 0.844 with it), and French and Spanish when
#: batches t10 and t11 did (F1 0.891, 0.877 and e2e 0.813, 0.809 with them), and English,
#: French and Spanish when batch t12 did (F1 0.893, 0.879, 0.873 and e2e 0.839, 0.787,
#: 0.796 with it). The floors went up after the round measured by t13 and t14, with both
#: in dev (F1 en 0.913, fr 0.925, es 0.885, ru 0.910, uk 0.936, ar 0.859; e2e 0.873, 0.869,
#: 0.824, 0.875, 0.905, 0.780).
DEV_FLOORS = {
    "en": (0.9, 0.86),
    "fr": (0.915, 0.865),
    "es": (0.895, 0.845),
    "ru": (0.91, 0.875),
    "uk": (0.935, 0.895),
    "ar": (0.885, 0.84),
}


@pytest.mark.slow
def test_evaluation_set_scores() -> None:
    ev = _evaluation_module()
    articles = ev.load_articles("dev")
    assert {a.group for a in articles} >= set(DEV_FLOORS)
    total, groups = ev.evaluate(articles)
    report = "\n".join(total.errors)
    assert total.gold >= 1500
    for lang, (f1, end_to_end) in DEV_FLOORS.items():
        s = groups[lang]
        where = f"{lang}: F1 {s.f1:.3f}, found and placed right {s.end_to_end:.3f}"
        assert s.f1 >= f1 and s.end_to_end >= end_to_end, f"{where}\n{report}"


def test_region_name_with_a_demonym_in_lower_case() -> None:
    text = "Dans le Kurdistan irakien, près de Dohuk, la région autonome du Kurdistan proteste."
    assert names(text) == [
        ("Kurdistan irakien", "geo:kurdistan-iraq"),
        ("Dohuk", "gn:96994"),
        ("Kurdistan", "geo:kurdistan-iraq"),
    ]


def test_plural_region_cue_reaches_every_name_of_the_list() -> None:
    text = "Des coupures ont touché les régions de Kiev, de Jytomyr et de Vinnytsia, en Ukraine."
    assert [p for _, p in names(text)][:3] == ["ne:UKR-321", "ne:UKR-324", "ne:UKR-323"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Беспилотники сбиты над Смоленской и Псковской областями.",
            "ru",
            [("Смоленской", "ne:RUS-2343"), ("Псковской", "ne:RUS-2335")],
        ),
        (
            "Пожары тушат над Хабаровским и Пермским краями.",
            "ru",
            [("Хабаровским", "ne:RUS-2614"), ("Пермским", "ne:RUS-3200")],
        ),
        (
            "Дрони летіли над Вінницькою та Житомирською областями.",
            "uk",
            [("Вінницькою", "ne:UKR-323"), ("Житомирською", "ne:UKR-324")],
        ),
        (
            "Між Рівненською і Волинською областями перекрили трасу.",
            "uk",
            [("Рівненською", "ne:UKR-286"), ("Волинською", "ne:UKR-318")],
        ),
    ],
)
def test_adjectives_before_a_plural_region_noun_in_any_case_are_regions(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    # the instrumental plural ("областями", "краями") is a region noun as much as "областях"
    assert names(text, lang) == expected


def test_a_district_listed_after_an_unknown_one_stands_alone() -> None:
    # the plural noun belongs to both adjectives, even when the first names nothing known
    text = "Эвакуировали жителей Ляхского и Лесновского районов."
    found = names(text, "ru")
    assert [m for m, _ in found] == ["Лесновского"]


def test_region_cue_stays_in_its_sentence() -> None:
    text = "Offensive dans la région de Kharkiv\n\nPar Jean Dupont (Kharkiv, envoyé spécial)"
    assert [p for _, p in names(text)] == ["ne:UKR-328", "gn:706483"]


def test_towns_named_in_one_sentence_are_neighbours() -> None:
    text = (
        "Azerbaijan said it took Fuzuli. Officials in Stepanakert said the town of Martuni had "
        "been shelled and fighting continued around Hadrut and Martakert. Armenia denied "
        "firing at Ganja, Yerevan said."
    )
    assert dict(names(text))["Martuni"] == "gn:146969"


@pytest.mark.parametrize(
    "text",
    [
        "A pipeline carries Caspian oil to the coast.",
        "Le Parti des travailleurs du Kurdistan et le Conseil de sécurité ont réagi.",
        '"We have nothing left," said Ali, a shopkeeper.',
    ],
)
def test_adjectives_organisations_and_lone_given_names(text: str) -> None:
    assert names(text) == []


# --------------------------------------------------------------------------- held-out set 5


def test_french_connector_au_inside_a_name() -> None:
    assert names("Des gangs ont attaqué deux prisons à Port-au-Prince, en Haïti.") == [
        ("Port-au-Prince", "gn:3718426"),
        ("Haïti", "gn:3723988"),
    ]


def test_common_words_that_a_region_cue_makes_a_region() -> None:
    text = "Un couvre-feu a été décrété dans le département de l'Ouest, en Haïti."
    assert names(text) == [("Ouest", "ne:HTI-1388"), ("Haïti", "gn:3723988")]
    text = (
        "Les régions du Nord-Ouest et du Sud-Ouest du Cameroun sont en guerre. "
        "A Bamenda, chef-lieu du Nord-Ouest, les écoles sont fermées."
    )
    assert names(text) == [
        ("Nord-Ouest", "ne:CMR-1477"),
        ("Sud-Ouest", "ne:CMR-799"),
        ("Cameroun", "gn:2233387"),
        ("Bamenda", "gn:2234974"),
        ("Nord-Ouest", "ne:CMR-1477"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Les pays de l'Ouest ont réagi, selon le quotidien Sud Ouest.",
        "Les Fano ont combattu aux côtés de l'armée fédérale.",
        "La colère des Amhara a été attisée.",
        "Le Front de libération du peuple du Tigré (TPLF) a signé.",
        "La Mission d'appui des Nations unies en Libye (Manul) est préoccupée.",
        "A commander of the Tehreek-e-Taliban Pakistan (TTP) spoke.",
        "The Pakistan Taliban denied involvement.",
        "The Borno State Emergency Management Agency said.",
        "Un monastère fondé au XIVe siècle.",
    ],
)
def test_groups_people_and_institutions_named_after_places(text: str) -> None:
    assert names(text) == []


def test_byline_author_is_no_place() -> None:
    text = "Une attaque au Cameroun\n\nPar Mathilde Ngo Bassa (Douala, correspondance)\n\nTexte."
    assert [m for m, _ in names(text)] == ["Cameroun", "Douala"]


def test_plural_place_names_and_acronyms_of_places_are_kept() -> None:
    assert names("Des soldats ont été envoyés aux Comores et aux Fidji.") == [
        ("Comores", "gn:921929"),
        ("Fidji", "gn:2205218"),
    ]
    text = "KHARKIV (AFP) - La République démocratique du Congo (RDC) a réagi."
    assert [p for _, p in names(text)] == ["gn:706483", "gn:203312", "gn:203312"]


def test_hyphenated_city_of_common_words() -> None:
    assert names("La route vers Cap-Haïtien est coupée.") == [("Cap-Haïtien", "gn:3728474")]


def test_hyphenated_name_with_a_foreign_particle_in_english() -> None:
    # "en", "de" are no English words, yet they belong to the name between its hyphens
    text = "The train from Aix-en-Provence reached Saint-Jean-de-Luz and Châlons-en-Champagne."
    assert [m for m, _ in names(text, "en")] == [
        "Aix-en-Provence",
        "Saint-Jean-de-Luz",
        "Châlons-en-Champagne",
    ]


def test_region_cue_reaches_the_end_of_an_english_list() -> None:
    text = "Azerbaijan accused Armenia of attacks near the districts of Dashkasan, Kalbajar and "
    text += "Lachin."
    assert [p for _, p in names(text)][2:] == ["ne:AZE-1677", "ne:AZE-1682", "ne:AZE-1735"]


def test_country_name_in_a_third_language_is_no_certainty() -> None:
    text = "Rebels attacked a patrol in the municipality of Argelia, in the department of Cauca, "
    text += "Colombia."
    assert dict(names(text))["Argelia"] == "gn:3689615"
    assert dict(names("Algeria and Morocco cut ties."))["Algeria"] == "gn:2589581"


def test_supplement_places_follow_the_context() -> None:
    text = "L'attaque de Palma, dans la province de Cabo Delgado, au Mozambique, a fait des morts."
    assert dict(names(text))["Palma"] == "geo:palma-mz"
    assert dict(names("Des touristes sont arrivés à Palma, en Espagne."))["Palma"] == "gn:2512989"
    assert names("Ils ont fui vers la péninsule d'Afungi, au Mozambique.")[0] == (
        "Afungi",
        "geo:afungi",
    )


@pytest.mark.parametrize(
    "text",
    [
        "date 2023-11-28\nDes jihadistes liés à Al-Qaïda ont attaqué Djibo, selon la CIA.",
        "date 2023-11-28\nFighters of al-Qaeda and Al-Shabaab attacked Djibo, the FBI said.",
    ],
)
def test_armed_groups_and_agencies_are_not_places(text: str) -> None:
    mentions = geo.geoparse(text)
    assert list(mentions["mention"]) == ["Djibo"]


def test_state_named_as_an_alternate_of_a_small_town() -> None:
    # GeoNames also calls Minneota (1,400 people) "Minnesota": the state is no region named
    # after it, and its name ranks first
    df = geo.geoparse("The governor of Minnesota spoke in St. Paul on Monday.")
    assert df[["mention", "kind", "gazetteer_id"]].values.tolist()[0] == [
        "Minnesota",
        "region",
        "gn:5037779",
    ]
    # a district named after its town keeps the rule: the town first
    top = geo.OfflineGeocoder().geocode("Agdam", exactly_one=True)
    assert top is not None and top.raw["kind"] == "city"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a time drops nothing after it
        ("The convoy left at 6 a.m. and reached Kharkiv before noon.", "en", ["Kharkiv"]),
        # a surname blocked as a person's is still the end of a place's name
        ("Mrs Kong said Hong Kong would reopen its border.", "en", ["Hong Kong"]),
        # common words, titles and company words named like tiny places
        ("On Christmas Day the University Council passed the Act, Sgt Brown said.", "en", []),
        ("God help the Human Rights Council, said the head of Acme Inc.", "en", []),
        ("Date: 12 May 2023. Shelling hit Kharkiv.", "en", ["Kharkiv"]),
    ],
)
def test_known_failures_of_outside_text(text: str, lang: str, expected: list[str]) -> None:
    assert geo.geoparse(text, lang=lang)["mention"].tolist() == expected


def test_an_all_caps_headline_is_no_far_away_homonym_of_its_words() -> None:
    # "НОВЫЙ АЙДАР" was once "Novyy" 6,725 km away; Novyi Aidar (48.95 N, 39.03 E), which
    # cities500 lacks, may at most be read as a village near it (Aydar, 65 km north)
    from geopy.distance import geodesic

    df = geo.geoparse("НОВЫЙ АЙДАР ПОД ОБСТРЕЛОМ", lang="ru")
    for lat, lon in zip(df["latitude"], df["longitude"], strict=True):
        assert geodesic((lat, lon), (48.95, 39.03)).km < 161


def test_a_places_own_institution_still_names_the_place() -> None:
    # "Dublin City Council", "Ohio State University": the place's own body; an institution
    # right after the name ("Chicago Board of Trade") is a named thing
    df = geo.geoparse("The Dublin City Council met with the Kanawha County Commission.", lang="en")
    assert df["mention"].tolist() == ["Dublin", "Kanawha County"]
    df = geo.geoparse(
        "She studies at Ohio State University; he trades at the Chicago Board of Trade."
    )
    assert df["mention"].tolist() == ["Ohio"]


def test_a_name_before_a_capitalised_street_noun_is_the_streets() -> None:
    # "Bristol Road", "Fresno St.": a street named after a town is no mention of the town;
    # the town named on its own, and a lower-case "road" after it, still are
    df = geo.geoparse(
        "The fire spread from 12 Bristol Road to Fresno St. in Quincy, Illinois.", lang="en"
    )
    assert df["mention"].tolist() == ["Quincy", "Illinois"]
    df = geo.geoparse("Flooding closed the Bristol road in England on Monday.", lang="en")
    assert df["mention"].tolist() == ["Bristol", "England"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speaking in Leeds Dr. Hale said the talks had failed.", ["Leeds"]),
        ("She was treated in Dayton St. Anne's hospital, staff said.", ["Dayton"]),
        ("Police closed Fresno St. on Monday after a crash in Quincy.", ["Quincy"]),
    ],
)
def test_a_title_or_saint_after_a_name_makes_no_street(text: str, expected: list[str]) -> None:
    # "Dr", "St" are postal abbreviations of street nouns and also a title and a saint's
    # prefix: before a capitalised word they open that person's or saint's name
    assert geo.geoparse(text, lang="en")["mention"].tolist() == expected


def test_country_names_of_common_words_and_demonyms() -> None:
    # "República Dominicana": "la República" is also a newspaper's name, "dominicana" a
    # demonym; the whole is the country
    df = geo.geoparse("La frontera con la República Dominicana sigue cerrada.", lang="es")
    assert df[["mention", "kind"]].values.tolist() == [["República Dominicana", "country"]]
    assert geo.geoparse("Según La República, el ataque fue grave.", lang="es").empty


def test_spanish_water_bodies_with_a_lower_case_noun() -> None:
    df = geo.geoparse("Los barcos navegan por el mar Rojo y el mar Negro.", lang="es")
    assert df["name"].tolist() == ["Red Sea", "Black Sea"]


def test_a_date_after_a_given_name_that_is_a_place_ends_no_person() -> None:
    # "Alexandria" is also a given name; a weekday or a month after it is no surname
    df = geo.geoparse("Police were called to an office in Alexandria Friday night.", lang="en")
    assert df["mention"].tolist() == ["Alexandria"]


def test_names_written_with_a_possessive() -> None:
    df = geo.geoparse("Refugees live in camps near Cox's Bazar. Russia's army advanced.", lang="en")
    assert df[["mention", "country_code"]].values.tolist() == [
        ["Cox's Bazar", "BD"],
        ["Russia", "RU"],
    ]


def test_english_oblast_in_lower_case_ends_the_name() -> None:
    df = geo.geoparse("Russia shelled the Kharkiv oblast and the Belgorod Oblast.", lang="en")
    assert df[["mention", "kind"]].values.tolist()[1:] == [
        ["Kharkiv oblast", "region"],
        ["Belgorod Oblast", "region"],
    ]


def test_cyrillic_regional_form_inside_english_text() -> None:
    # the Ukrainian regional form needs the Ukrainian pack, though no sentence is Ukrainian
    text = "Officials describe a difficult situation in the north of Харківщина today."
    df = geo.geoparse(text, lang="en")
    assert df[["mention", "name", "kind"]].values.tolist() == [["Харківщина", "Kharkiv", "region"]]


def test_an_abbreviated_state_keeps_its_period() -> None:
    found = {
        m.mention: m.place.admin1_code
        for m in parse("Crews left Fresno, Calif., and Tulsa, Okla., on Monday.", "en")
    }
    assert found.get("Calif.") == "CA" and found.get("Okla.") == "OK"


def test_a_town_named_in_the_plural_is_no_form_of_a_surname() -> None:
    # "Черкас" (a surname declined as a noun) takes no plural case for one person: the
    # plural forms are the town's
    text = "Житель міста Олег Черкас розповів про вибухи. У Черкасах пошкоджено будинок."
    found = geo.geoparse(text, lang="uk")
    assert found[["mention", "name"]].values.tolist() == [["Черкасах", "Cherkasy"]]


def test_a_form_of_another_gender_is_no_form_of_a_surname() -> None:
    # a woman's "Белова" declines as a feminine adjective: "Белове" (in Belovo) is the town
    text = "Жительница города Анна Белова рассказала о пожаре. В Белове горел склад."
    found = geo.geoparse(text, lang="ru")
    assert found[["mention", "name"]].values.tolist() == [["Белове", "Belovo"]]


def test_a_surname_in_a_dateline_is_the_town() -> None:
    # "Denton" is a common surname; opening a line in capitals before a dash it is a dateline
    df = geo.geoparse("DENTON — The City Council on Monday approved the budget.", lang="en")
    assert df["name"].tolist() == ["Denton"]


@pytest.mark.parametrize(("words", "kind"), [("southern Amran", "region"), ("Amran", "city")])
def test_a_part_of_an_area_before_a_name_of_a_town_and_its_region_is_the_region(
    words: str, kind: str
) -> None:
    # "southern X", "upper X": of a name a town and its first-level region bear, the region
    df = geo.geoparse(f"Fighting spread across {words} on Sunday.", lang="en")
    assert df["kind"].tolist() == [kind]
    assert df["country_code"].tolist() == ["YE"]


def test_a_recurring_surname_is_the_town_after_near() -> None:
    # "Hartford" is a surname here first; after "near" it is the town again
    text = (
        "Mayor Ann Hartford opened the meeting on Monday. "
        "Flooding closed two roads near Hartford on Tuesday."
    )
    df = geo.geoparse(text, lang="en")
    assert df["char_start"].tolist() == [text.rindex("Hartford")]


def test_a_recurring_surname_is_the_town_after_a_preposition_that_takes_no_person() -> None:
    # "Girardota" is a surname first; after "en" and "desde" it is the town, after "a" the
    # person again
    text = (
        "Dijo a EFE el vecino Pedro Girardota. Hubo protestas en Girardota y desde "
        "Girardota salieron camiones; la alcaldía pidió calma a Girardota."
    )
    df = geo.geoparse(text, lang="es")
    assert df["char_start"].tolist() == [
        text.index("Girardota", text.index(" en ")),
        text.index("Girardota", text.index("desde")),
    ]
    assert set(df["country_code"]) == {"CO"}


def test_a_case_form_of_a_surname_after_v_is_the_town() -> None:
    # Russian: "Кирсанове" is the prepositional of both the surname and the town; after "в"
    # (a preposition of place) it is the town, whose dictionary form is a gazetteer name
    text = (
        "Беспилотник атаковал подстанцию в Тамбовской области.\n\nДиректор предприятия "
        "Андрей Кирсанов сообщил, что пострадавших нет. Андрея Кирсанова поддержал "
        "губернатор. Ночью в Кирсанове отключили свет."
    )
    df = geo.geoparse(text, lang="ru")
    assert df["mention"].tolist() == ["Тамбовской области", "Кирсанове"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the surname ends a place's name
        (
            "Habló el vecino Juan Leyva en la plaza. Los turistas llegaron a Villa de Leyva.",
            ["Villa de Leyva"],
        ),
        # the surname goes on a list of places
        (
            "Habló la concejala Ana Paipa. Hubo marchas en Tunja, Paipa y Duitama.",
            ["Tunja", "Paipa", "Duitama"],
        ),
    ],
)
def test_a_recurring_surname_inside_a_place_name_or_a_list_of_places(
    text: str, names: list[str]
) -> None:
    assert geo.geoparse(text, lang="es")["mention"].tolist() == names


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        # a river named after its region: the whole phrase, the region
        (
            "Llovió sobre el río Vichada y el río Vaupés en Colombia.",
            "es",
            [("río Vichada", "region"), ("río Vaupés", "region"), ("Colombia", "country")],
        ),
        # "la mer de X": the sea off the town X, the town
        ("Les pêcheurs de la mer de Bizerte ont vu la flotte.", "fr", [("Bizerte", "city")]),
    ],
)
def test_features_the_gazetteer_lacks_after_their_noun(
    text: str, lang: str, found: list[tuple[str, str]]
) -> None:
    df = geo.geoparse(text, lang=lang)
    assert [tuple(r) for r in df[["mention", "kind"]].values.tolist()] == found


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # a saint's name after a feast's or a church's noun is no town
        (
            "Decenas de vecinos celebraban la fiesta de San Isidro en Zacatecas cuando "
            "sonaron los disparos.",
            "es",
            ["Zacatecas"],
        ),
        (
            "Une bombe a visé l'église Saint-Louis à Limoges pendant la fête de Saint-Jean.",
            "fr",
            ["Limoges"],
        ),
        ("Worshippers gathered at the church of St Albans in Leeds.", "en", ["Leeds"]),
        # "la Saint-Valentin": the feast (towns named after saints take no article)
        ("La Saint-Valentin a été fêtée à Namur et à Saint-Omer.", "fr", ["Namur", "Saint-Omer"]),
        # a street, a square or a roundabout named after a town is not the town; a
        # capitalised street noun ("Glorieta", a town in New Mexico) neither
        (
            "Los manifestantes marcharon por la calle Toledo hasta la Glorieta de Cibeles, "
            "en Segovia.",
            "es",
            ["Segovia"],
        ),
        (
            "Des centaines de personnes ont défilé rue de Lyon puis boulevard Saint-Michel, "
            "à Marseille.",
            "fr",
            ["Marseille"],
        ),
    ],
)
def test_names_of_streets_feasts_and_churches_are_no_towns(
    text: str, lang: str, names: list[str]
) -> None:
    assert geo.geoparse(text, lang=lang)["name"].tolist() == names


def test_the_town_after_a_saints_or_a_streets_name_stays() -> None:
    # "the hospital of Saint Nicholas in Saint-Malo": the saint's name is the hospital's,
    # the town after "de" is where it stands
    df = geo.geoparse(
        "Les blessés ont été soignés à l'hôpital Saint-Nicolas de Saint-Malo.", lang="fr"
    )
    assert df["name"].tolist() == ["Saint-Malo"]
    df = geo.geoparse("Marcharon por la calle Morelos de Oaxaca.", lang="es")
    assert df["name"].tolist() == ["Oaxaca"]


def test_name_of_common_words_after_a_place_preposition_is_a_place() -> None:
    # "villa" and "nueva" are both common Spanish words: written after "en"/"hacia" the
    # name is left to the context, which makes it the Guatemalan town
    found = names("Los heridos fueron trasladados a un hospital en Villa Nueva, al sur de Mixco.")
    assert ("Villa Nueva", "gn:3587902") in found
    assert names("Villa Nueva es un lugar tranquilo.") == []


def test_place_named_after_a_person_after_a_settlement_noun() -> None:
    # a given name and a surname after "municipio (mexicano) de" are the municipality's name
    found = names(
        "Un ataque armado dejó tres muertos en el municipio mexicano de Benito Juárez, "
        "cerca de Cancún."
    )
    assert [n for n, _ in found] == ["Benito Juárez", "Cancún"]
    assert names("Benito Juárez fue presidente.") == []


def test_region_after_a_region_noun_and_a_plural_article() -> None:
    # "des" before a name is a people's ("la colère des Peuls") unless a region noun comes
    # first: "la province des Balé" is the province
    found = names("Des attaques ont eu lieu dans la province des Balé, dans l'ouest du pays.")
    assert found == [("Balé", "ne:BFA-2803")]


def test_given_name_written_with_its_state_is_the_town_everywhere() -> None:
    # "Beatrice" and "Eunice" are given names and small towns: alone they are people, but a
    # document that writes the name with the state of one of its towns means that town
    # wherever it stands alone
    text = "BEATRICE, Neb. — Crews in Beatrice cleared the roads, and Beatrice schools stayed shut."
    found = [(m.mention, m.place.admin1_code) for m in parse(text)]
    assert found == [("BEATRICE", "NE"), ("Neb.", "NE"), ("Beatrice", "NE"), ("Beatrice", "NE")]
    assert parse("Beatrice told the board she would stay.") == []
    # a state of no town of that name is no such cue
    assert "Eunice" not in [m.mention for m in parse("Eunice, Nevada officials said, would stay.")]


def test_a_given_name_after_one_bare_preposition_is_the_town_there_only() -> None:
    # "confidence in Clifton": one weak mention makes the town there, not wherever the person
    # is named; named so twice, or with its state in the story, the town is everywhere (the
    # country of the story alone, which every town of it shares, does not spread it)
    text = (
        "Voters in Ohio showed little confidence in Clifton. Clifton said on Monday he would "
        "stay, and Clifton later left for Columbus."
    )
    assert [m.mention for m in parse(text, "en")] == ["Ohio", "Clifton", "Columbus"]
    text = (
        "Storms hit New Jersey. Crews in Clifton cleared roads, trucks reached Clifton, and "
        "Clifton schools stayed shut."
    )
    assert [m.mention for m in parse(text, "en")] == ["New Jersey", "Clifton", "Clifton", "Clifton"]
    # a given name that is a small town: alone a person, after one bare preposition the
    # town there only; after a settlement noun the town everywhere
    text = "Storms hit Nebraska. Crews in Beatrice cleared roads, and Beatrice schools stayed shut."
    assert [m.mention for m in parse(text, "en")] == ["Nebraska", "Beatrice"]
    text = "Storms hit Louisiana. The town of Eunice lost power, and Eunice schools stayed shut."
    assert [m.mention for m in parse(text, "en")] == ["Louisiana", "Eunice", "Eunice"]


def test_a_town_before_a_unit_noun_written_with_a_capital_stays_a_place() -> None:
    # "Raion", "Hromada" are unit nouns (the common pack's region_after), not the unknown
    # second word of a name the gazetteer lacks
    text = "Russian forces shelled Sarny Raion and Volodymyrets Hromada overnight."
    assert names(text, "en") == [("Sarny", "gn:694792"), ("Volodymyrets", "gn:689428")]


def test_find_spans_on_tokens_without_sentence_languages() -> None:
    # tokens from tokenize() alone carry no sentence languages: the cut-name rules read
    # the word's language as unknown instead of failing
    from geo.geoparse.candidates import Index
    from geo.geoparse.filters import words_for
    from geo.geoparse.spans import find_spans
    from geo.geoparse.tokenize import tokenize

    w = words_for(("en",))
    text = "Clashes near Mongo-Bitkine."
    toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    spans = find_spans(text, toks, [False] * len(toks), w, Index.default())
    assert [s.key for s in spans] == ["mongo", "bitkine"]


def test_spanish_settlement_nouns_keep_names_of_people_as_places() -> None:
    # a settlement noun before a name the gazetteer has as a town named after a person:
    # the place, given names and all
    text = (
        "Vecinos del ejido José María Morelos denunciaron ataques de hombres armados el martes"
        " por la noche en Chiapas."
    )
    assert [m for m, _ in names(text, "es")] == ["José María Morelos", "Chiapas"]


def test_towns_named_after_people_are_places_after_a_place_cue() -> None:
    text = (
        "Los hechos ocurrieron en Ciudad Benito Juárez, en el estado de Nuevo León, y en el"
        " municipio de Francisco I. Madero, en Coahuila, según la fiscalía."
    )
    found = [m for m, _ in names(text, "es")]
    assert "Ciudad Benito Juárez" in found
    assert "Francisco I. Madero" in found
    # without a cue of place the person stays a person
    text = "El historiador dijo que Benito Juárez gobernó desde la capital de México."
    assert "Benito Juárez" not in [m for m, _ in names(text, "es")]


def test_a_town_named_after_a_person_in_a_list_of_towns_of_its_state_is_a_place() -> None:
    text = "Hubo cortes de luz en Cancún, José María Morelos y Tulum durante la tormenta."
    assert "José María Morelos" in [m for m, _ in names(text, "es")]
    # a list of people, each named like towns of one state, stays a list of people
    text = "En el acto se recordó a Benito Juárez, Lázaro Cárdenas y Vicente Guerrero."
    assert [m for m, _ in names(text, "es")] == []


def test_a_capitalised_spanish_article_opens_the_name() -> None:
    from geo.geoparse.candidates import Index
    from geo.geoparse.filters import blocked, words_for
    from geo.geoparse.spans import find_spans
    from geo.geoparse.tokenize import tokenize

    w = words_for(("es",))
    text = "Hubo disparos en la colonia Las Encinas y en La Paz, pero no en la capital."
    toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    index = Index.default()
    spans = find_spans(text, toks, blocked(text, toks, w, index), w, index)
    assert [text[s.start : s.end] for s in spans] == ["Las Encinas", "La Paz"]
    # the key stays the gazetteer's name when it lacks the article
    assert spans[0].key == "encinas"


def test_a_saints_church_or_hospital_is_no_place_named_after_the_saint() -> None:
    text = (
        "Families sheltered in St. Andrew's Church in Kingston and the wounded were taken to"
        " St Joseph Hospital, Jamaica."
    )
    assert [m for m, _ in names(text, "en")] == ["Kingston", "Jamaica"]


def test_a_raion_noun_is_no_place_of_its_own() -> None:
    found = names("Shelling in Sarny Raion injured two, Ukraine said.", "en")
    assert [m for m, _ in found][:1] == ["Sarny"]
    assert all(m != "Raion" for m, _ in found)


def test_a_nigerian_lga_is_named_by_its_name() -> None:
    text = "Gunmen killed 12 people in Askira LGA of Borno State, the chairman of Askira LGA said."
    found = [m for m, _ in names(text, "en")]
    assert found == ["Askira", "Borno State", "Askira"]


def test_two_names_of_one_place_side_by_side_are_one_mention() -> None:
    from geo.geoparse.candidates import Index
    from geo.geoparse.filters import blocked, words_for
    from geo.geoparse.spans import find_spans
    from geo.geoparse.tokenize import tokenize

    # a town written with its old and its new name, which the gazetteer has apart
    w = words_for(("en",))
    text = "Floods hit Bombay Mumbai on Monday."
    toks = tokenize(text, 0, None, elisions=w["elisions"], abbreviations=w["abbreviations"])
    index = Index.default()
    spans = find_spans(text, toks, blocked(text, toks, w, index), w, index)
    assert [(text[s.start : s.end], s.key) for s in spans] == [("Bombay Mumbai", "mumbai")]


def test_credit_lines_list_places_after_in() -> None:
    text = "(Reporting by Anna Hale in Tulsa, Oklahoma, and Tom Ward in Lviv; Editing by Jo Fox)"
    assert [m for m, _ in names(text)] == ["Tulsa", "Oklahoma", "Lviv"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("(Reportage de Anna Hale à Lyon; Editing by Jo Fox)", "fr", ["Lyon"]),
        ("(Con información de Anna Hale en Sevilla; Editing by Jo Fox)", "es", ["Sevilla"]),
        ("(Reporting by Anna Hale from Kharkiv; Editing by Jo Fox)", "en", ["Kharkiv"]),
    ],
)
def test_credit_lines_keep_places_after_the_packs_prepositions(
    text: str, lang: str, expected: list[str]
) -> None:
    assert [m for m, _ in names(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Firefighters at a burning warehouse in Odesa, Sydney Brooks/AFP", "en", ["Odesa"]),
        ("A market after the strike in Odesa. Photo: Jordan Bell/Getty Images", "en", ["Odesa"]),
        ("Des secouristes à Kharkiv, Sydney Brooks/AFP", "fr", ["Kharkiv"]),
        # a place written in capitals before the agency is a dateline's
        ("SYDNEY/AFP - Floods hit Brisbane on Monday.", "en", ["SYDNEY", "Brisbane"]),
        # a single place glued to the agency is no photographer
        ("Residents fled Lviv, Paris and Sydney/AFP.", "en", ["Lviv", "Paris", "Sydney"]),
    ],
)
def test_photo_credits_name_a_person_not_a_place(text: str, lang: str, expected: list[str]) -> None:
    # "Place, Firstname Lastname/Agency": the photographer's given name is no place
    assert [m for m, _ in names(text, lang)] == expected


def test_surname_of_the_document_after_in_is_the_town() -> None:
    text = "Gunmen killed nine farmers in Ilorin on Monday, and Dr Musa Ilorin said more had fled."
    assert names(text) == [("Ilorin", "gn:2337639")]


def test_an_ending_spelling_rule_serves_only_a_name_found_nowhere() -> None:
    # "sky$ = skyi" (French pack): the press's "-sky" reaches the national "-skyi" when the
    # name as written names nothing, and adds nothing to a name the gazetteer has
    from geo.geoparse.candidates import Index

    index = Index.default()
    assert "kamin kashyrskyi" in index.variants("kamin kashyrsky")
    assert [c.place.name for c in index.candidates("kamin kashyrsky")][:1] == ["Kamin-Kashyrskyi"]
    assert not any(v.endswith("skyi") for v in index.variants("kyiv"))


def test_a_region_noun_before_a_name_stays_outside_its_span() -> None:
    found = names("Des réfugiés venus de l'État de Borno et de la région de Ségou.", "fr")
    assert [m for m, _ in found] == ["Borno", "Ségou"]
    found = names("Llegaron familias del estado de Zulia.", "es")
    assert [m for m, _ in found] == ["Zulia"]
    # a unit whose name has its noun, and no other place by the rest, keeps it
    assert [m for m, _ in names("Le Territoire de Belfort a voté.", "fr")] == [
        "Territoire de Belfort"
    ]


def test_a_surname_of_the_story_is_the_town_after_a_preposition_of_place() -> None:
    text = (
        "El alcalde Pedro Ibarra habló con la prensa. Hubo protestas en Ibarra el lunes. "
        "Los heridos fueron llevados a la morgue de Ibarra. Ibarra dijo que no habrá toque."
    )
    found = [m for m, _ in names(text, "es")]
    assert found.count("Ibarra") == 2  # "en Ibarra", "de Ibarra"; not the mayor speaking


def test_small_namesakes_of_an_unnamed_country_give_no_mention() -> None:
    # the story names Colombia and its departments; small Mexican namesakes of its hamlets
    # are no mentions (a hamlet may be placed approximately at a town of the story)
    text = (
        "En Colombia, el Ejército patrulla el Caquetá. Familias de Los Pozos y La Ceiba "
        "llegaron a San Vicente del Caguán, en el Caquetá, y a Florencia, capital del Caquetá."
    )
    mentions = parse(text, lang="es")
    assert {m.place.country_code for m in mentions} == {"CO"}
    for m in mentions:
        if m.mention in ("La Ceiba", "Los Pozos"):
            assert m.place.id.startswith("approx:")
    found = [m.mention for m in mentions]
    assert "San Vicente del Caguán" in found and "Florencia" in found


def test_a_hamlet_of_the_story_beyond_the_many_namesakes_abroad() -> None:
    # "Santa Rosa" and "San Pablo" name more places than the candidates kept by prior: the
    # ones of the story's country and state come back
    text = (
        "En Venezuela, la Guardia Nacional patrulla Barinas. Familias de Socopó huyeron a "
        "Santa Rosa y a Barinitas, en el estado Barinas."
    )
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert (found["Santa Rosa"].country_code, found["Santa Rosa"].admin1) == ("VE", "Barinas")
    text = "En Venezuela, los militares llegaron a San Felipe y a San Pablo, en el estado Yaracuy."
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert (found["San Pablo"].country_code, found["San Pablo"].admin1) == ("VE", "Yaracuy")


def test_spanish_de_and_a_place_after_a_full_name_is_where_the_person_comes_from() -> None:
    # the town after "de" is no surname of the story
    text = (
        "En Boyacá, el colegio Camilo Torres de Sogamoso cerró sus puertas. Sogamoso sufrió "
        "ataques y en Sogamoso hubo heridos. Dijo Ana Gómez de Chiquinquirá que en "
        "Chiquinquirá no hubo."
    )
    found = [m for m, _ in names(text, "es")]
    assert found.count("Sogamoso") == 3 and found.count("Chiquinquirá") == 2
    # a compound given name keeps its "de": no surname yet
    assert "San Martín" not in [m for m, _ in names("Dijo José de San Martín.", "es")]


def test_a_spanish_stream_named_after_its_town_is_placed_at_the_town() -> None:
    text = "En Antioquia, los desplazados bajaron por el río Mutatá hasta Chigorodó."
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert found["río Mutatá"].name == "Mutatá" and found["río Mutatá"].country_code == "CO"
    # a stream noun before the name of a far town only is no such town
    text = "En Antioquia, los desplazados cruzaron la quebrada Wichita hasta Chigorodó."
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert all(p.country_code == "CO" for p in found.values())


def test_an_alternate_name_of_a_town_in_the_region_the_story_names() -> None:
    # "San Pedro" is an alternate name of San Pedro Sacatepéquez, the town of that name in
    # the department the story names, far behind namesakes abroad
    text = (
        "En Guatemala, la Policía llegó a San Marcos y a Malacatán. En San Pedro, en el "
        "departamento de San Marcos, hubo heridos."
    )
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert (found["San Pedro"].country_code, found["San Pedro"].admin1) == ("GT", "San Marcos")


def test_mexican_state_abbreviations_after_a_town_and_a_comma() -> None:
    text = (
        "MORELIA, Mich. / 3 de mayo / Redacción\n\nHombres armados atacaron a policías en "
        "Uruapan. En Parral, Chih., hubo bloqueos."
    )
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert found["Mich."].kind == "region" and found["Mich."].country_code == "MX"
    assert found["Chih."].kind == "region" and found["Chih."].country_code == "MX"
    # without the town and the comma the word is no state
    assert "Son" not in [m for m, _ in names("Son las cuatro en Uruapan.", "es")]


def test_a_dateline_town_of_common_words_in_capitals_before_its_state() -> None:
    text = "CIUDAD VICTORIA, Tamps. / 2 de mayo / Redacción\n\nHubo balaceras en Reynosa."
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert found["CIUDAD VICTORIA"].name == "Ciudad Victoria"
    assert "LA VICTORIA" not in [m for m, _ in names("LA VICTORIA FUE CLARA, dijo.", "es")]


def test_spanish_government_offices_named_after_their_department() -> None:
    text = (
        "En Ibagué, la alerta de la Gobernación del Tolima y de la Defensoría del Pueblo llegó "
        "tarde. En el Tolima hubo combates."
    )
    found = [m for m, _ in names(text, "es")]
    assert found.count("Tolima") == 1 and "Pueblo" not in found


def test_a_generic_head_before_a_name_is_part_of_the_mention() -> None:
    from geo.geoparse import get_geoparser

    parser = get_geoparser()
    # the head is the mention's, the place is the name's when it is a town of the story
    [m] = parser.parse("Los pescadores de Medio Mitú dijeron que el río creció.", lang="es")
    assert (m.mention, m.place.name) == ("Medio Mitú", "Mitú")
    # a head before a name read as a place far off the story: a place the gazetteer lacks,
    # placed at the town of the story
    text = (
        "Cientos de familias llegaron a Buenaventura desde el Bajo Calima tras los combates. "
        "En Buenaventura, la alcaldía abrió dos albergues para las familias del Bajo Calima."
    )
    found = [(m.mention, m.place.id) for m in parser.parse(text, lang="es")]
    assert ("Bajo Calima", "approx:gn:3688452:bajo calima") in found
    assert "Calima" not in [mention for mention, _ in found]


def test_names_listed_beside_towns_of_their_region_are_places() -> None:
    from geo.geoparse import get_geoparser

    parser = get_geoparser()
    text = "Hubo cortes de agua en Malambo, Soledad y Galapa durante la noche del lunes."
    found = {m.mention: m.place.country_code for m in parser.parse(text, lang="es")}
    assert found == {"Malambo": "CO", "Soledad": "CO", "Galapa": "CO"}
    # given names listed with no place are people
    text = "A la reunión del lunes llegaron tarde Pedro, Marta y Juana."
    assert parser.parse(text, lang="es") == []


def test_arab_towns_named_without_their_article() -> None:
    text = "Aid convoys left Obeid for Fasher, while shelling hit Daein overnight."
    assert names(text) == [
        ("Obeid", "gn:379003"),
        ("Fasher", "gn:379555"),
        ("Daein", "gn:380148"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clan militias clashed in Galmudug and Hirshabelle, and the Juba River flooded "
            "farms near the Jubaland border.",
            [
                ("Galmudug", "geo:galmudug"),
                ("Hirshabelle", "geo:hirshabelle"),
                ("Juba River", "geo:river-juba"),
                ("Jubaland", "geo:jubaland"),
            ],
        ),
        (
            "L'armée a bombardé les monts Nouba et le Djebel Marra, au Soudan.",
            [
                ("monts Nouba", "geo:nuba-mountains"),
                ("Djebel Marra", "geo:jebel-marra"),
                ("Soudan", "gn:366755"),
            ],
        ),
        (
            "Бои шли в Северном Вазиристане и в Хайбере, Пакистан.",
            [
                ("Северном Вазиристане", "geo:north-waziristan"),
                ("Хайбере", "geo:khyber"),
                ("Пакистан", "gn:1168579"),
            ],
        ),
        (
            "اشتباكات في جبال النوبة بالسودان، وقصف في سهل نينوى.",
            [
                ("جبال النوبة", "geo:nuba-mountains"),
                ("السودان", "gn:366755"),
                ("سهل نينوى", "geo:nineveh-plains"),
            ],
        ),
        (
            "Israeli strikes hit the Shati camp and Maghazi in Gaza overnight.",
            [("Shati", "geo:shati-camp"), ("Maghazi", "geo:maghazi"), ("Gaza", "gn:281133")],
        ),
        (
            "Kurdish forces moved women from al-Hol to Roj camp in northeast Syria.",
            [("al-Hol", "geo:al-hol"), ("Roj", "geo:roj-camp"), ("Syria", "gn:163843")],
        ),
        (
            "Refugees crossed the Chari river near N'Djamena after fighting in Chad.",
            [("Chari", "geo:river-chari"), ("N'Djamena", "gn:2427123"), ("Chad", "gn:2434508")],
        ),
    ],
)
def test_conflict_areas_of_the_supplement(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


def test_spanish_compass_names_of_first_level_units() -> None:
    text = "Las bandas tomaron Mirebalais, en el departamento del Centro de Haití."
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert (found["Centro"].kind, found["Centro"].country_code) == ("region", "HT")
    text = "En Kasama, capital de la provincia del Norte, y en Mansa hubo protestas."
    found = {m.mention: m.place for m in parse(text, lang="es")}
    assert (found["Norte"].kind, found["Norte"].country_code) == ("region", "ZM")
    # a longer name of the gazetteer goes on after the compass word
    text = "Hubo combates en el departamento de Norte de Santander."
    assert [m for m, _ in names(text, "es")] == ["Norte de Santander"]


def test_french_compass_words_alone_name_the_named_countrys_units() -> None:
    text = (
        "Au Burkina Faso, le groupe frappe dans l'Est et le Centre-Nord, autour de Kaya. "
        "L'Afrique de l'Ouest s'inquiète."
    )
    found = {m.mention: m.place for m in parse(text, lang="fr")}
    assert (found["Est"].kind, found["Est"].country_code) == ("region", "BF")
    assert (found["Centre-Nord"].kind, found["Centre-Nord"].country_code) == ("region", "BF")
    assert "Ouest" not in found  # the compass point of a name
    text = "Au Cameroun, la crise du Nord-Ouest et du Sud-Ouest touche Bamenda."
    found = {m.mention: m.place for m in parse(text, lang="fr")}
    assert found["Nord-Ouest"].country_code == found["Sud-Ouest"].country_code == "CM"
    # no unit of that name in the countries named; a longer name goes on
    text = "Les combats font rage dans l'Est de l'Ukraine et le Nord-Kivu reste calme."
    assert "Est" not in [m for m, _ in names(text, "fr")]
    assert "Nord-Kivu" in [m for m, _ in names(text, "fr")]


def test_french_compass_word_alone_is_the_unit_of_its_sentences_country() -> None:
    # two countries with a Nord unit: the one named in the compass word's sentence or
    # paragraph, not the first the text names
    text = (
        "Le Burkina Faso a fermé sa frontière.\n\n"
        "Au Cameroun, les attaques se multiplient dans le Nord, autour de Garoua."
    )
    found = {m.mention: m.place for m in parse(text, lang="fr")}
    assert (found["Nord"].kind, found["Nord"].country_code) == ("region", "CM")
    text = (
        "Au Cameroun, la saison des pluies commence.\n\n"
        "Le Burkina Faso compte des milliers de déplacés. Les attaques se multiplient dans le "
        "Nord."
    )
    found = {m.mention: m.place for m in parse(text, lang="fr")}
    assert (found["Nord"].kind, found["Nord"].country_code) == ("region", "BF")


def test_a_surname_the_document_writes_as_a_units_name_is_the_place_after_de() -> None:
    text = (
        "Notre correspondant Moussa Ali Maradi raconte. La région de Maradi est frappée. "
        "Les blessés ont été évacués vers l'hôpital de Maradi."
    )
    found = [(m.mention, m.char_start) for m in parse(text, lang="fr")]
    assert ("Maradi", text.index("Maradi raconte")) not in found  # the reporter
    assert ("Maradi", text.index("Maradi est")) in found
    assert ("Maradi", text.rindex("Maradi")) in found


def test_a_foreign_town_of_some_size_off_the_story_is_no_place_of_its_own() -> None:
    # a town of fifty thousand of another continent, named by its own name among the towns
    # of one country and tied to nothing: a namesake of a place the gazetteer lacks
    parser = get_geoparser()
    text = (
        "Shelling hit Kharkiv, Izium, Kupiansk and Balakliia on Monday. Families from "
        "Pocatello fled to Kharkiv and Izium."
    )
    found = {m.mention: m.place.country_code for m in parser.parse(text, lang="en")}
    assert found["Izium"] == "UA"
    assert found.get("Pocatello") != "US"
    # written with its state, it is that town
    text = text.replace("Pocatello", "Pocatello, Idaho,")
    found = {m.mention: m.place.country_code for m in parser.parse(text, lang="en")}
    assert found["Pocatello"] == "US"


def test_a_village_named_once_far_off_a_local_story_is_no_place_of_its_own() -> None:
    # the one village of that name in the country, a thousand km off the towns of the
    # story and named in passing: a namesake of a place the gazetteer lacks
    parser = get_geoparser()
    text = (
        "Shelling hit Kharkiv, Chuhuiv, Izium and Balakliia on Monday. Kupiansk and Chuhuiv "
        "were hit again overnight, officials in Kharkiv said. A man from Kolochava was wounded."
    )
    found = {m.mention: m.place.id for m in parser.parse(text, lang="en")}
    assert found["Izium"] == "gn:707292"
    assert found.get("Kolochava") != "gn:705433"
    # named again, it is the village the story is about
    found = {m.mention: m.place.id for m in parser.parse(f"{text} Kolochava was hit.", lang="en")}
    assert found["Kolochava"] == "gn:705433"


def test_spanish_name_goes_on_past_de() -> None:
    # a town's name and "de" + capitalised words the gazetteer lacks as a whole: one name,
    # not the town and a namesake of the tail; "X de <region>" stays the town and the region
    text = (
        "Los desplazados llegaron a Palmira de San Isidro, en el Valle del Cauca. "
        "Otras familias salieron de Tierralta de Córdoba."
    )
    found = [m.mention for m in find_mentions(make_document(text, lang="es"))]
    assert "Palmira de San Isidro" in found
    assert "San Isidro" not in found
    assert "Córdoba" in found


def test_spanish_place_named_after_a_person_after_a_settlement_noun() -> None:
    # a settlement noun and "de" before a town named after a person: the town, not the person
    text = "Las familias huyeron hacia la cabecera de Emiliano Zapata, en Tabasco."
    found = [m.mention for m in find_mentions(make_document(text, lang="es"))]
    assert "Emiliano Zapata" in found


def test_spanish_name_with_a_tail_is_not_its_first_part_far_off() -> None:
    # "Santo Domingo de ..." in a Peruvian story is a village the gazetteer lacks, not the
    # Dominican capital: placed near the story's towns
    text = (
        "Hubo enfrentamientos en Quillabamba, en Cusco. Los pobladores de Quillabamba "
        "huyeron. Otras familias llegaron desde Santo Domingo de las Tunitas, dijo la policía."
    )
    found = {m.mention: m for m in find_mentions(make_document(text, lang="es"))}
    assert "Santo Domingo de las Tunitas" in found
    assert found["Santo Domingo de las Tunitas"].place.country_code == "PE"


def test_a_feature_named_after_a_place_takes_its_noun() -> None:
    # "la plaine de l'Ain": the plain's name, placed at the unit it is named after; a park
    # (written either way by the press) keeps the name alone
    df = geo.geoparse(
        "Les paysans de la plaine de l'Ain ont fui vers Lyon, près du parc de Miribel.", lang="fr"
    )
    assert "plaine de l'Ain" in df["mention"].tolist()
    assert "Lyon" in df["mention"].tolist()


def test_a_unit_named_by_a_common_word_after_its_noun_in_a_named_country() -> None:
    # "la région du Centre": the common word after the unit's noun is the unit's name when
    # the text names its country; alone it stays a word
    df = geo.geoparse(
        "Des soldats ont été tués près de Mbalmayo, dans la région du Centre, au Cameroun.",
        lang="fr",
    ).set_index("mention")
    assert df.loc["Centre", "gazetteer_id"] == "ne:CMR-1480"
    assert geo.geoparse("Le Centre de crise a publié un bilan.", lang="fr").empty


def test_a_town_named_after_a_person_in_a_list_beside_a_town_of_its_country_is_a_place() -> None:
    # the neighbour's town lies in another state of the same country
    text = "Los barcos llegan a los puertos de Veracruz y Valentín Gómez Farías cada semana."
    assert "Valentín Gómez Farías" in [m for m, _ in names(text, "es")]
    # between two names with places in its country ("X, NAME y Y")
    text = "Hubo bloqueos en los cantones Ambato, Pedro Carbo y Latacunga durante el paro."
    assert "Pedro Carbo" in [m for m, _ in names(text, "es")]
    # beside a person, it stays a person
    text = "En el acto hablaron Ana López y Valentín Gómez Farías sobre la reforma."
    assert [m for m, _ in names(text, "es")] == []


def test_a_town_named_after_a_person_once_written_as_a_place_is_the_place_later() -> None:
    text = (
        "Hubo balaceras en Ciudad Benito Juárez y Monterrey. Una vecina de Benito Juárez "
        "pidió omitir su nombre. Recordó que el presidente Benito Juárez nació en Oaxaca."
    )
    found = [m for m, _ in names(text, "es")]
    # the bare mention after "de" is the town; the one after a title stays the person
    assert found == ["Ciudad Benito Juárez", "Monterrey", "Benito Juárez", "Oaxaca"]


def test_a_title_after_a_settlement_noun_opens_a_place_name() -> None:
    text = "Hubo ataques en el municipio de General Escobedo, Nuevo León."
    assert [m for m, _ in names(text, "es")] == ["General Escobedo", "Nuevo León"]
    assert [m for m, _ in names("El General Escobedo dijo que no.", "es")] == []


def test_a_big_town_named_after_a_person_is_a_place_after_de() -> None:
    text = "Los comerciantes de Nicolás Romero cerraron sus locales."
    assert [m for m, _ in names(text, "es")] == ["Nicolás Romero"]
    assert [m for m, _ in names("Dijo Nicolás Romero que no.", "es")] == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a name right after a venue noun is the venue's, not the town it honours
        (
            "Un grupo armado disparó contra los clientes del restaurante La Palma, en el centro "
            "de Celaya.",
            "es",
            ["Celaya"],
        ),
        ("Atacaron el hotel Acapulco en Tijuana durante la madrugada.", "es", ["Tijuana"]),
        (
            "Gunmen stormed the Hotel Tripoli in the west of the city of Kabul on the night of "
            "the vote.",
            "en",
            ["Kabul"],
        ),
        ("Неизвестные обстреляли кафе «Одесса» в центре Харькова.", "ru", ["Kharkiv"]),
        ("Уламки дрона пошкодили ТЦ «Київ» у Полтаві.", "uk", ["Poltava"]),
        # after a connector, the town the venue is in; a headline's capitals prove nothing
        ("Anoche balearon a dos meseros en un bar de Celaya.", "es", ["Celaya"]),
        ("DOS HERIDOS EN BAR DE CELAYA TRAS UNA RIÑA", "es", ["Celaya"]),
    ],
)
def test_a_name_after_a_venue_noun_is_the_venues(text: str, lang: str, expected: list[str]) -> None:
    assert geo.geoparse(text, lang=lang)["name"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Two tankers were hit in the Arabian Sea and a third off the Gulf of Oman.",
            "en",
            ["Arabian Sea", "Gulf of Oman"],
        ),
        ("Des pêcheurs ont disparu dans le golfe du Bengale.", "fr", ["Bay of Bengal"]),
        ("Корабли вошли в Балтийское море.", "ru", ["Baltic Sea"]),
    ],
)
def test_seas_and_gulfs_of_the_news_are_places(text: str, lang: str, expected: list[str]) -> None:
    assert geo.geoparse(text, lang=lang)["name"].tolist() == expected


def test_a_unit_noun_and_of_between_a_name_and_its_region_is_an_apposition() -> None:
    # "X district of Y State": the X of Y, as "X, Y State" would say
    text = "Gunmen raided Song district of Adamawa State and Awe district of Nasarawa State."
    found = [(m.mention, m.place.country_code) for m in parse(text)]
    assert ("Song", "NG") in found and ("Awe", "NG") in found


@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        (
            "Par Roxane Kenema, envoyée spéciale. Des milliers d'habitants ont défilé dans les "
            "rues de Kenema mercredi.",
            "fr",
            "Kenema",
        ),
        (
            "Said Anna Makeni, a teacher. Protesters filled the streets of Makeni on Monday.",
            "en",
            "Makeni",
        ),
        (
            "Dijo Ana Makeni, maestra. Cientos de personas marcharon por las calles de Makeni.",
            "es",
            "Makeni",
        ),
    ],
)
def test_a_surname_is_the_town_in_the_streets_of_a_town(text: str, lang: str, town: str) -> None:
    # a person has no streets or outskirts: the surname of a byline or a quote does not hide
    # the town named so later
    found = geo.geoparse(text, lang=lang)
    assert list(zip(found["mention"], found["char_start"], strict=True)) == [
        (town, text.rindex(town))
    ]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        # a given name no list holds, known by the age or the trade after the name
        ("Tsehay Kiffa, 45, said the road was closed.", "en", []),
        ("Tsehay Makeni, a trader from the old market, said so.", "en", []),
        ("Tsehay Kiffa, une commerçante, a dit que la route était fermée.", "fr", []),
        # the town named so later stays the town; a preposition is no given name
        (
            "Tsehay Makeni, a teacher, spoke. Schools in Makeni reopened.",
            "en",
            [("Makeni", 44)],
        ),
        ("Desde Kenema, un portavoz del Gobierno dijo que no.", "es", [("Kenema", 6)]),
    ],
)
def test_a_person_described_after_the_name_is_no_place(
    text: str, lang: str, found: list[tuple[str, int]]
) -> None:
    parsed = geo.geoparse(text, lang=lang)
    assert list(zip(parsed["mention"], parsed["char_start"], strict=True)) == found


def test_a_town_in_the_genitive_after_a_mayors_title_is_the_office_s_place() -> None:
    # "мэр X" / "міський голова X": the town of the office, not a surname; read as a
    # surname, it also hid the town's other case forms in the document
    text = "Ночью над Кинешмой сбили беспилотник, сообщил мэр Кинешмы."
    assert [m.mention for m in parse(text)] == ["Кинешмой", "Кинешмы"]
    text = "Вночі над Бібркою збили дрон, повідомив міський голова Бібрки."
    assert [m.mention for m in parse(text)] == ["Бібркою", "Бібрки"]
    # a military rank is no office of a place: the inflected word after it stays a surname
    assert parse("Генерала Кинешмина наградили.") == []


def test_a_town_after_the_forces_and_po_is_the_target_not_part_of_a_name() -> None:
    # "по" goes on into a region in a service's name ("ГУ МЧС по X области"); before a town
    # alone it names the target of the forces before it
    assert [m.mention for m in parse("Удар ВСУ по Кинешме: погибли два человека.")] == ["Кинешме"]
    assert parse("Данные приводит ГУ МЧС по Ивановской области.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Обстрел повредил дом на улице Чапаева в Кинешме.", ["Кинешме"]),
        ("У Бібрці пошкоджено крамницю на вулиці Коцюбинського.", ["Бібрці"]),
        # a street named by an adjective is that one word: the town after it is a place
        ("Дрон повредил склад на улице Садовой Кинешмы.", ["Кинешмы"]),
    ],
)
def test_a_name_after_a_russian_or_ukrainian_street_noun_is_the_streets(
    text: str, expected: list[str]
) -> None:
    assert [m.mention for m in parse(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A convoy was ambushed near Makeni, the state news agency SANA reported.",
        "Selon Télé Sahel, un incendie a ravagé Makeni samedi.",
        "According to Yemen Monitor, a market burned down in Makeni.",
    ],
)
def test_news_agencies_and_outlets_named_after_places_are_no_places(text: str) -> None:
    assert [m.mention for m in parse(text)] == ["Makeni"]


def test_a_common_word_opening_a_sentence_gives_no_name_from_its_other_forms() -> None:
    # "Атака" (attack) is a common word; its plural "атак" is a town abroad: neither the
    # word nor the form is a place, and the town after it stays one
    assert [m.mention for m in parse("Атака на Бібрку")] == ["Бібрку"]


def test_case_form_of_two_towns_is_the_one_the_story_is_about() -> None:
    # "Кірові" is a form of Кіров (Kirov, Russia) and of Кірове (a town of the Donetsk
    # oblast): the oblast the text names chooses
    text = "Російська армія обстріляла Донеччину: у Кірові поранено двох людей."
    found = {m.mention: (m.place.id, m.place.country_code) for m in parse(text, lang="uk")}
    assert found["Кірові"] == ("gn:705822", "UA")
    # a preposition that opens a sentence is no case form of a village ("Біле")
    text = "Біля Кірового на Донеччині уламки дрона пошкодили будинок."
    assert "Біля" not in {m.mention for m in parse(text, lang="uk")}


def test_a_frequent_arabic_word_is_no_particle_and_a_name() -> None:
    # "كمين" (an ambush) is no ك + "مين" (Maine)
    found = [(m.mention, m.place.id) for m in parse("قتل شرطيان في كمين قرب مدينة كيفة.", "ar")]
    assert all(mention != "مين" for mention, _ in found), found
    assert all(pid != "gn:4971068" for _, pid in found), found


@pytest.mark.parametrize(
    "text",
    [
        "تظاهر العشرات من أهالي جيشان احتجاجا على غلاء الأسعار.",
        "اعتصم عشرات من سكان جيشان احتجاجا على غلاء الأسعار.",
    ],
)
def test_the_residents_of_a_town_name_it_in_arabic(text: str) -> None:
    # "جيشان" reads also as "two armies": after the residents' noun it is the town
    assert geo.geoparse(text, lang="ar")["name"].tolist() == ["Jayshān"]
