"""The Arabic pack and its morphology: one-for-one normalisation, attached particles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.gazetteer import normalize_name
from geo.lang import (
    LANGUAGES,
    MAPS,
    PHRASE_LISTS,
    WORD_LISTS,
    detect_language,
    get_pack,
    script_of,
)
from geo.lang.ar import morph
from geo.lang.ar.morph import PLACEHOLDER, fold_key, name_starts, normalize, strip_clitics

# Arabic letters, harakat and other marks, tatweel, alef wasla, Persian kaf and yeh,
# Arabic-Indic digits and signs, and what separates words.
_ARABIC = "".join(chr(c) for c in range(0x0620, 0x066E)) + "ٱٰکی -'ـ\u200c"
_TEXT = st.text(st.sampled_from(_ARABIC), max_size=40)
_ANY = st.text(max_size=40)


def _matched(text: str) -> str:
    """What the scan compares: the folded text without placeholders, spaces made one."""
    return " ".join(normalize(text).replace(PLACEHOLDER, "").split())


# --------------------------------------------------------------------------- normalize


@given(_ANY)
def test_normalize_keeps_the_length_of_any_text(text: str) -> None:
    assert len(normalize(text)) == len(text)


@given(_TEXT)
def test_normalize_keeps_the_length_of_arabic_text(text: str) -> None:
    folded = normalize(text)
    assert len(folded) == len(text)
    # a character with a letter of its own stays one letter: offsets carry over
    for ch, f in zip(text, folded, strict=True):
        if f == PLACEHOLDER:
            assert normalize_name("ا" + ch + "ا") == "اا" or ch == "ـ" or ch == "\u200c"


@given(_TEXT)
def test_folded_text_agrees_with_the_gazetteer_keys(text: str) -> None:
    # the gazetteer keys its names with normalize_name; the scan folds both sides further
    assert _matched(text) == fold_key(normalize_name(text))


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("إِدْلِب", "ادلب"),
        ("أريحا", "اريحا"),
        ("آمرلي", "امرلي"),
        ("ٱلقدس", "القدس"),
        ("حماة", "حماه"),
        ("حماه", "حماه"),
        ("المنيا", "المنيا"),
        ("مستشفى", "مستشفي"),
        ("ديـــر الزور", "دير الزور"),
        ("بِئر السَّبع", "بير السبع"),
        ("رأس العين", "راس العين"),
        ("کرکوک", "كركوك"),
        ("حي ٣", "حي ٣"),
    ],
)
def test_normalize_folds_as_the_pack_documents(written: str, key: str) -> None:
    assert _matched(written) == key
    assert fold_key(normalize_name(written)) == key


def test_normalize_marks_become_placeholders_at_their_place() -> None:
    text = "حَلَب"
    assert normalize(text) == "ح" + PLACEHOLDER + "ل" + PLACEHOLDER + "ب"
    assert normalize("Strikes hit إدلب") == "strikes hit ادلب"


def test_digits_and_latin_letters() -> None:
    assert normalize("٣ Ağdam") == "٣ agdam"
    assert normalize("Дніпро-2") == "дніпро 2"


# --------------------------------------------------------------------------- particles


@pytest.mark.parametrize(
    ("word", "offsets"),
    [
        ("حلب", (0,)),
        ("بإدلب", (0, 1)),
        ("وحلب", (0, 1)),
        ("فحمص", (0, 1)),
        ("كالعادة", (0, 1, 3)),
        ("الخرطوم", (0, 2)),
        ("بالخرطوم", (0, 1, 3)),
        ("وبالخرطوم", (0, 1, 2, 4)),
        ("والفاشر", (0, 1, 3)),
        ("للخرطوم", (0, 1, 2)),
        ("وللخرطوم", (0, 1, 2, 3)),
        ("لبنان", (0, 1)),
        ("فلسطين", (0, 1, 2)),
        ("وَبِحَلَب", (0, 2, 4)),
        ("وب", (0,)),
        ("ب", ()),
    ],
)
def test_strip_clitics(word: str, offsets: tuple[int, ...]) -> None:
    assert strip_clitics(word) == offsets


def test_name_starts_keep_the_article_and_mark_the_fused_lam() -> None:
    # "للخرطوم" is ل + الخرطوم: at 1 a key with the article matches without its alef, at 2
    # the key without the article; both names start at the article's ل
    starts = {tuple(s) for s in name_starts("للخرطوم")}
    assert (1, 1, True) in starts
    assert (2, 1, False) in starts
    assert (1, 1, False) in starts  # "للبنان": ل + لبنان
    # "بالفاشر": the name keeps its article even when the key lacks it
    starts = {tuple(s) for s in name_starts("بالفاشر")}
    assert (1, 1, False) in starts and (3, 1, False) in starts
    assert not any(s.fused for s in name_starts("بالفاشر"))


def test_name_starts_skip_marks_between_particles() -> None:
    word = "وَلِلْخُرْطُوم"
    keys = {s.key: s for s in name_starts(word) if s.fused}
    assert list(keys) == [4]
    assert word[4] == "ل" and normalize(word[keys[4].key :]).replace(PLACEHOLDER, "") == "لخرطوم"


@given(_TEXT)
def test_name_starts_point_at_letters(word: str) -> None:
    folded = normalize(word)
    for s in name_starts(word):
        assert 0 <= s.name <= s.key < len(word)
        assert folded[s.key] != PLACEHOLDER and folded[s.name] != PLACEHOLDER
        rest = folded[s.key :].replace(PLACEHOLDER, "")
        assert len(rest) >= morph.MIN_NAME_LETTERS


# --------------------------------------------------------------------------- pack


def test_pack_loads_with_its_lists_and_sources() -> None:
    pack = get_pack("ar")
    assert pack.code == "ar" and "ar" in LANGUAGES
    assert pack.scripts == frozenset({"arabic"}) and not pack.cased
    words = pack.words
    assert len(words["stopwords"]) >= 150
    assert len(words["common"]) >= 300
    assert not words["first_names"]  # given names live in the common pack
    assert (
        len({w for w in get_pack("common").words["first_names"] if script_of(w) == "arabic"}) >= 100
    )
    for name in ("months", "weekdays", "titles", "demonyms", "org_heads", "region_before"):
        assert words[name], name
    for name in ("near", "place_prepositions", "water", "natural"):
        assert words[name], name
    assert pack.phrases["media"] and pack.phrases["organisations"]
    for name, entries in (*words.items(), *pack.phrases.items()):
        if entries:
            assert name in pack.sources, f"no source noted for {name}"
    assert set(pack.sources) <= set(WORD_LISTS) | set(PHRASE_LISTS) | set(MAPS)


def test_pack_lists_are_normalised_and_hold_both_month_sets() -> None:
    words = get_pack("ar").words
    # Levant/Iraq and Egypt/Gulf months; keys as normalize_name makes them (أ -> ا)
    for month in ("شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "ايلول", "تشرين", "كانون"):
        assert month in words["months"]
    for month in ("يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس"):
        assert month in words["months"]
    assert {"الجمعة", "السبت", "الاحد"} <= words["weekdays"]
    assert {"محافظة", "ولاية", "اقليم", "منطقة", "ريف", "قضاء", "ناحية", "مديرية"} <= (
        words["region_before"]
    )
    assert {"في", "من", "الى", "مدينة", "بلدة", "قرية"} <= words["place_prepositions"]
    assert {"وزارة", "حركة", "مجلس", "منظمة"} <= words["org_heads"]
    # (not "قوات", "جيش": the forces or the army of a country name it)
    assert not {"قوات", "جيش"} & words["org_heads"]
    assert {"مطار", "ميناء", "مستشفى", "جامعة"} <= words["facility_before"]
    assert "سانا" in get_pack("ar").phrases["media"]
    assert all(w == normalize_name(w) for w in words["stopwords"])


def test_detects_arabic() -> None:
    assert detect_language("أعلنت الحكومة أن المفاوضات ستستأنف في الأسبوع المقبل") == "ar"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وأعلنت قوات غانا أنها صدت هجوما.", "Ghana"),
        ("وقال جيش زامبيا إن الهجوم فشل.", "Zambia"),
    ],
)
def test_a_country_after_forces_or_army_is_a_place(text: str, country: str) -> None:
    # "the forces of X", "the army of X": the country is named (not an institution's name
    # that hides a place, as "وزارة الدفاع")
    from geo.geoparse import get_geoparser

    found = [(m.place.name, m.place.kind) for m in get_geoparser().parse(text, lang="ar")]
    assert found == [(country, "country")]
