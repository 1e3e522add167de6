"""Tests of the language packs (geo/lang): loading, detection and the lists' invariants."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources

import pytest
from babel import Locale

from geo.errors import InputError
from geo.lang import (
    LANGUAGES,
    MAPS,
    PHRASE_LISTS,
    WORD_LISTS,
    detect_language,
    get_pack,
    normalize_word,
)

PACKS = ("common", *LANGUAGES)
LATIN = ("common", "en", "fr", "es")


def _raw(code: str) -> dict[str, dict[str, object]]:
    text = resources.files("geo.lang").joinpath(code, "pack.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _latin_words(name: str) -> Iterator[tuple[str, str]]:
    for code in LATIN:
        for word in get_pack(code).words[name]:
            yield code, word


# --------------------------------------------------------------------------- loading


@pytest.mark.parametrize("code", PACKS)
def test_every_pack_loads_with_every_list(code: str) -> None:
    pack = get_pack(code)
    assert pack.code == code
    assert set(pack.words) == set(WORD_LISTS)
    assert set(pack.phrases) == set(PHRASE_LISTS)
    assert set(pack.maps) == set(MAPS)
    assert pack.scripts


@pytest.mark.parametrize("code", PACKS)
def test_no_unknown_list_names(code: str) -> None:
    raw = _raw(code)
    assert set(raw) <= {"meta", "words", "phrases", "maps"}
    assert set(raw.get("words", {})) <= set(WORD_LISTS)
    assert set(raw.get("phrases", {})) <= set(PHRASE_LISTS)
    assert set(raw.get("maps", {})) <= set(MAPS)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InputError, match="no language pack for 'xx'"):
        get_pack("xx")


@pytest.mark.parametrize("code", LATIN)
def test_latin_packs_say_where_their_lists_come_from(code: str) -> None:
    meta = _raw(code)["meta"]
    assert isinstance(meta, dict)
    assert meta["sources"]


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_language_packs_fill_the_lists_a_language_needs(code: str) -> None:
    pack = get_pack(code)
    needed = [
        *("stopwords", "common", "always_common", "titles", "months", "weekdays"),
        *("region_before", "soft_region", "near", "place_prepositions", "water", "natural"),
        *("determiners", "byline_words", "vessel_cues", "list_words", "connectors"),
        *("demonyms", "abbreviations", "org_heads"),
    ]
    assert [name for name in needed if not pack.words[name]] == []
    assert pack.maps["demonym_endings"]
    assert pack.phrases["separatist_cues"]


def test_word_entries_are_single_tokens() -> None:
    """Lists are matched token by token: an entry with a space could never match."""
    bad = [
        (code, name, word)
        for code in LATIN
        for name, words in get_pack(code).words.items()
        for word in words
        if " " in word
    ]
    assert bad == []


# --------------------------------------------------------------------------- detection

PARAGRAPHS = {
    "en": "Russian forces shelled the town overnight, the regional governor said on Monday. "
    "Three people were killed and several buildings were damaged, according to officials, "
    "who added that rescue teams were still searching the ruins.",
    "fr": "Les forces russes ont bombardé la ville pendant la nuit, a indiqué lundi le "
    "gouverneur de la région. Trois personnes ont été tuées et plusieurs immeubles ont été "
    "endommagés, selon les autorités, qui précisent que les secours sont toujours sur place.",
    "es": "Las fuerzas rusas bombardearon la ciudad durante la noche, según informó el lunes "
    "el gobernador de la región. Tres personas murieron y varios edificios resultaron "
    "dañados, de acuerdo con las autoridades, que añadieron que los equipos de rescate "
    "siguen buscando entre los escombros.",
}

HEADLINES = {
    "en": "Drone strikes hit the port city as talks stall",
    "fr": "Des frappes de drones sur la ville portuaire, selon le maire",
    "es": "Ataques con drones contra la ciudad portuaria, según el alcalde",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_paragraphs_are_detected(lang: str) -> None:
    assert detect_language(PARAGRAPHS[lang]) == lang


@pytest.mark.parametrize("lang", sorted(HEADLINES))
def test_headlines_are_detected(lang: str) -> None:
    assert detect_language(HEADLINES[lang]) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Los combates se reanudaron en la región, según el ministerio de Defensa.",
        "El presidente dijo que las tropas no se retirarán de la zona.",
        "Los desplazados llegan a la frontera con sus hijos y sus pertenencias.",
        "Un muerto y dos heridos en un ataque contra un mercado del centro de la ciudad.",
    ],
)
def test_spanish_is_not_french(text: str) -> None:
    assert detect_language(text) == "es"


@pytest.mark.parametrize(
    "text",
    [
        "Les combats ont repris dans la région, selon le ministère de la Défense.",
        "Le président a dit que les troupes ne se retireront pas de la zone.",
        "Les déplacés arrivent à la frontière avec leurs enfants et leurs biens.",
        "Un mort et deux blessés dans une attaque contre un marché du centre-ville.",
    ],
)
def test_french_is_not_spanish(text: str) -> None:
    assert detect_language(text) == "fr"


def test_spanish_stop_words_are_not_french_ones() -> None:
    """The few words both languages share may not outweigh the Spanish-only ones."""
    es, fr = get_pack("es").words["stopwords"], get_pack("fr").words["stopwords"]
    assert len(es & fr) * 8 < len(es)
    assert {"los", "las", "del", "el", "con", "por", "para", "una"} <= es - fr
    assert {"les", "des", "du", "dans", "avec", "pour", "une"} <= fr - es


# --------------------------------------------------------------------------- invariants


def test_first_names_hold_no_function_words() -> None:
    names = get_pack("common").words["first_names"] | get_pack("common").words["place_first_names"]
    function = set()
    for name in ("stopwords", "months", "weekdays", "titles", "connectors", "saints"):
        function |= {word for _, word in _latin_words(name)}
    assert sorted(names & function) == []


def test_first_names_and_place_first_names_are_apart() -> None:
    common = get_pack("common").words
    assert len(common["first_names"]) > 2000
    assert {"jordan", "florence", "georgia", "santiago"} <= common["place_first_names"]
    assert {"john", "maria", "mohamed", "olena", "pierre", "pedro"} <= common["first_names"]
    assert common["first_names"].isdisjoint(common["place_first_names"])


def test_given_names_live_in_the_common_pack_only() -> None:
    for code in LANGUAGES:
        assert not get_pack(code).words["first_names"], code
        assert not get_pack(code).words["place_first_names"], code


def test_words_that_open_sentences_are_no_given_names() -> None:
    names = get_pack("common").words["first_names"]
    assert not {"will", "may", "hope", "mark", "young", "santa", "les", "don", "van"} & names


def test_surnames_are_a_census_list() -> None:
    surnames = get_pack("common").words["surnames"]
    assert {"smith", "johnson", "garcia", "nguyen"} <= surnames
    assert not {"the", "of", "jordan"} & surnames


def test_spanish_articles_alone_are_no_places() -> None:
    """The issue's "Los" resolved to Lagos: a Spanish article alone never names a place."""
    assert {"los", "las", "el", "al"} <= get_pack("common").words["always_common"]
    assert {"san", "santa"} <= get_pack("common").words["common"]


def test_no_list_is_mixed_french_and_english() -> None:
    en, fr = get_pack("en").words, get_pack("fr").words
    assert "said" in en["common"] and "said" not in fr["common"]
    assert "selon" in fr["common"] and "selon" not in en["common"]
    assert "janvier" in fr["months"] and "janvier" not in en["months"]
    assert "by" in en["byline_words"] and "par" in fr["byline_words"]
    assert "por" in get_pack("es").words["byline_words"]


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_demonyms_are_no_country_names(code: str) -> None:
    """A demonym equal to a country's name ("Siria") would make the country no place."""
    countries = {normalize_word(name) for name in Locale(code).territories.values()}
    demonyms = get_pack(code).words["demonyms"] | get_pack("common").words["demonyms"]
    assert sorted(demonyms & countries) == []


def test_spanish_demonyms_have_gender_and_number() -> None:
    demonyms = get_pack("es").words["demonyms"]
    assert {"ucraniano", "ucraniana", "ucranianos", "ucranianas"} <= demonyms
    assert {"ruso", "rusa", "rusos", "rusas", "sirio", "sirios"} <= demonyms


def test_demonym_endings_are_split_by_language() -> None:
    en = get_pack("en").maps["demonym_endings"]
    fr = get_pack("fr").maps["demonym_endings"]
    assert "ien" not in " ".join(en.values())
    assert "ian" not in fr["consonant"].split()
    assert not get_pack("common").maps["demonym_endings"]


def test_spelling_rules_are_data() -> None:
    assert get_pack("fr").maps["spelling"] == {
        "ou": "u",
        "dj": "j",
        "tch": "ch",
        "ch": "sh",
        "sky$": "skyi",
    }
    assert get_pack("es").maps["spelling"]["j"] == "kh"


def test_media_and_organisations_are_not_duplicated() -> None:
    for code in LATIN:
        for name in ("media", "organisations"):
            keys = [normalize_word(x) for x in get_pack(code).phrases[name]]
            assert len(keys) == len(set(keys)), (code, name)


# --------------------------------------------------------------------------- in the parser


@pytest.mark.slow
def test_spanish_spelling_reaches_the_gazetteer() -> None:
    from geo.geoparse.candidates import Index

    index = Index(Index.default().gazetteer)
    assert "Zhytomyr" not in {c.place.name for c in index.candidates("yitomir", variants=False)}
    assert "Zhytomyr" in {c.place.name for c in index.candidates("yitomir")}


@pytest.mark.slow
def test_spanish_text_is_parsed_with_the_spanish_pack() -> None:
    import geo

    text = (
        "Los combates continúan en la región. Las fuerzas rusas bombardearon Járkov y "
        "Jersón durante la noche, según el gobernador."
    )
    df = geo.geoparse(text)
    assert list(df["mention"]) == ["Járkov", "Jersón"]
    assert set(df["lang"]) == {"es"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # no letter and no function word only one of them has: the words only one uses
        ("Сили ППО збили дрон над Радеховом.", "uk"),
        ("Над Радеховом знешкоджено три ракети.", "uk"),
        ("Над Кинешмой сбит беспилотник.", "ru"),
    ],
)
def test_short_cyrillic_text_is_told_by_the_words_only_one_language_uses(
    text: str, lang: str
) -> None:
    assert detect_language(text) == lang
