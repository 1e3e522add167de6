"""The dictionary scan of Arabic-script names (geo.geoparse.scan)."""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo
from geo.gazetteer import normalize_name
from geo.geoparse import scan
from geo.geoparse.candidates import AS_PLACE, IN_COUNTRIES, Index
from geo.geoparse.scan import Scanner, build_matcher, is_arabic_key, matcher_for
from geo.geoparse.tokenize import Tokens, tokenize
from geo.lang.ar.morph import fold_key
from geo.model import Span


def _tokens(text: str) -> Tokens:
    return tokenize(text, 0, None, elisions=frozenset(), abbreviations=frozenset())


def _scan(text: str, scanner: Scanner | None = None) -> list[Span]:
    toks = _tokens(text)
    return (scanner or _default()).spans(text, toks, [False] * len(toks))


def _found(text: str, scanner: Scanner | None = None) -> list[tuple[str, str, int]]:
    return [(text[s.start : s.end], s.key, s.soft) for s in _scan(text, scanner)]


_SCANNER: Scanner | None = None


def _default() -> Scanner:
    """The scanner of the real gazetteer (its automaton is built once per checkout)."""
    global _SCANNER
    if _SCANNER is None:
        _SCANNER = Scanner(Index.default())
    return _SCANNER


# --------------------------------------------------------------------------- spans


def test_particles_are_left_out_of_the_names() -> None:
    text = "قصفت الطائرات بإدلب وحلب"
    spans = _scan(text)
    assert [(text[s.start : s.end], s.key) for s in spans] == [("إدلب", "ادلب"), ("حلب", "حلب")]
    idlib, aleppo = spans
    assert (idlib.start, idlib.end, idlib.first, idlib.last) == (15, 19, 2, 2)
    assert (aleppo.start, aleppo.end, aleppo.first, aleppo.last) == (21, 24, 3, 3)
    assert all(s.source == "scan" and s.lang == "ar" for s in spans)
    # "بإدلب": in Idlib; Aleppo is a major city: neither needs context
    assert idlib.soft == 0 and aleppo.soft == 0


def test_lam_before_the_article_drops_its_alef() -> None:
    # a key with the article matches "للخرطوم" from the article's ل on
    scanner = Scanner(Index.default(), keys=["الخرطوم"])
    text = "وصل الوفد للخرطوم"
    spans = _scan(text, scanner)
    assert [(text[s.start : s.end], s.key, s.start) for s in spans] == [("لخرطوم", "الخرطوم", 11)]
    # with vowel marks between the particles
    text = "وصل الوفد لِلْخُرْطُوم"
    assert [(text[s.start : s.end], s.key) for s in _scan(text, scanner)] == [("لْخُرْطُوم", "الخرطوم")]


def test_names_kept_with_their_article_also_when_the_key_lacks_it() -> None:
    # the gazetteer writes Khartoum "خرطوم": the mention keeps the article
    assert _found("وصل الوفد إلى الخرطوم")[0][0] == "الخرطوم"
    assert _found("وصل الوفد للخرطوم") == [("لخرطوم", "الخرطوم", 0)]
    assert _found("قصفت المدفعية الفاشر") == [("الفاشر", "الفاشر", 2)]
    scanner = Scanner(Index.default(), keys=["فاشر", "الفاشر"])
    assert [k for _, k, _ in _found("وبالفاشر", scanner)] == ["الفاشر"]


def test_arabic_names_inside_latin_and_cyrillic_text() -> None:
    text = "Strikes hit إدلب and Aleppo"
    assert [(text[s.start : s.end], s.first, s.soft) for s in _scan(text)] == [("إدلب", 2, 0)]
    text = "Удары по Харкову и по حمص"
    assert [text[s.start : s.end] for s in _scan(text)] == ["حمص"]


def test_multi_word_names_longest_first() -> None:
    text = "سيطرت القوات على قرية شرق دير الزور وعلى خان شيخون"
    found = _found(text)
    assert ("دير الزور", "دير الزور", 0) in found
    assert ("خان شيخون", "خان شيخون", 0) in found


def test_soft_comes_from_cues() -> None:
    # Jenin is a town, and "جنين" also a word (a foetus): alone it needs context
    assert _found("تحدث التقرير عن جنين") == [("جنين", "جنين", 2)]
    for text in ("وقعت اشتباكات في جنين", "قرب جنين", "في مدينة جنين", "اقتحموا مخيم جنين"):
        assert [soft for _, _, soft in _found(text)] == [0], text
    # a list goes on after a name that had a cue
    assert [soft for _, _, soft in _found("في حلب وجنين")] == [0, 0]


def test_dual_settlement_nouns_and_facility_nouns_are_cues() -> None:
    # "مدينتا X و Y": the two towns of X and Y; "ميناء X", "مطار X": the port, the airport
    # of X
    assert [(m, soft) for m, _, soft in _found("شهدت مدينتا حمص وجنين قصفا")] == [
        ("حمص", 0),
        ("جنين", 0),
    ]
    for text in ("قصفت الطائرات ميناء جنين", "هبطت الطائرة في مطار جنين"):
        assert [soft for _, _, soft in _found(text)] == [0], text


def test_feature_noun_named_region_after_a_region_noun() -> None:
    # "الجزيرة" (the island) is no name alone, but "ولاية الجزيرة" is the Sudanese state
    assert _found("وصلوا إلى الجزيرة") == []
    found = geo.geoparse("اشتدت المعارك في ولاية الجزيرة وسط السودان.", lang="ar")
    assert found[["mention", "kind", "country_code"]].values.tolist()[0] == [
        "الجزيرة",
        "region",
        "SD",
    ]


def test_transliterated_name_after_a_settlement_noun_reaches_farther() -> None:
    # a word the gazetteer has in Latin letters only, after "مدينة", in the country of the
    # document but more than GEOPARSE_TRANSLIT_NEAR_KM from its other places
    text = "هاجمت القوات مدينة الفاشر ثم مدينة بابنوسة في السودان."
    found = geo.geoparse(text, lang="ar")
    assert ["بابنوسة", "SD"] in found[["mention", "country_code"]].values.tolist()
    # without a noun, the nearer limit stands: not the far town (a rare word after "إلى"
    # is at most an approximate place near the story's town)
    text = "هاجمت القوات مدينة الفاشر ثم وصلت إلى بابنوسة في السودان."
    found = geo.geoparse(text, lang="ar")
    assert not [
        g for m, g in found[["mention", "gazetteer_id"]].values if m == "بابنوسة" and g[:3] == "gn:"
    ]


def test_transliterated_name_written_again_without_a_cue() -> None:
    # a name known in Latin letters only, found after "مدينة", is the same place where the
    # document writes it again after no cue
    text = "هاجمت القوات مدينة الفاشر ثم مدينة المناقل في السودان. وقال شهود إن المناقل محاصرة."
    found = [(text[s.start : s.end], s.source) for s in _scan(text) if s.source == "translit"]
    assert found == [("المناقل", "translit"), ("المناقل", "translit")]
    # alone, after no cue, it is no name
    assert not [s for s in _scan("وقال شهود إن المناقل محاصرة.") if s.source == "translit"]


def test_adjectives_particles_and_function_words_are_no_names() -> None:
    # "المناطق الشرقية": the eastern areas (an adjective after a definite noun)
    assert _found("قصفت الطائرات المناطق الشرقية من المدينة") == []
    # "بأنه": ب + أنه (that he), a function word
    assert _found("وصف ذلك بأنه خطأ") == []
    # the word after a name particle belongs to a person's name
    assert _found("التقى الوفد أبو سالم أمس") == []
    # frequent nouns of news that GeoNames also records as hamlets
    assert _found("قال في كلمة متلفزة إن البلاد تحتاج إلى واردات الغذاء") == []


def test_frequent_words_named_like_places_are_left_out() -> None:
    # "المدينة" is "the city" far more often than Medina; "جديدة" is "new"
    assert _found("عادت الحياة إلى المدينة بعد أيام") == []
    assert _found("أنشئت قرية جديدة") == []
    # a settlement noun before it makes the word a name
    assert [(m, soft) for m, _, soft in _found("زار مدينة العين")] == [("العين", 0)]
    # "مالي" (financial) is Mali after a place preposition only
    assert _found("قدم دعم مالي للمزارعين") == []
    assert [m for m, _, _ in _found("انتشرت القوات في مالي")] == ["مالي"]
    # a stop word folded like a given name ("على" / "علي") is no person before a place
    assert [m for m, _, _ in _found("هجوم على مأرب")] == ["مأرب"]


def test_common_word_after_a_plural_settlement_noun_is_where_they_lie() -> None:
    # "مدن البلاد": the towns of the country; "بلدات X": the towns named X
    assert _found("تعد من أكبر مدن البلاد") == []
    assert [m for m, _, _ in _found("دخلت القوات بلدات البصرة")] == ["البصرة"]


def test_frequent_words_of_the_frequency_list_are_common() -> None:
    # "في إطار" (within the framework of); "آلات" (machines): words, not the small towns
    # abroad that GeoNames names so
    assert _found("جاء ذلك في إطار خطة لإصلاح الآلات الزراعية") == []


def test_ukrainian_towns_written_after_their_latin_names() -> None:
    # "-ivka" as "ـيفكا", "-ske" as "ـسكي": the skeleton of the Latin name (v and f alike)
    for text, name in (
        ("سيطرت القوات على بلدة كراسنوهوريفكا في أوكرانيا.", "Krasnohorivka"),
        ("قصفت المدفعية مدينة بيلوزيرسكي في أوكرانيا.", "Bilozerske"),
    ):
        found = geo.geoparse(text, lang="ar")
        assert [name, "UA"] in found[["name", "country_code"]].values.tolist(), text


def test_small_towns_of_countries_without_arabic_need_support() -> None:
    # "مرفأ" (a port) spells a small Ukrainian town too: a word, in a report that names
    # no other place of Ukraine, and after a facility's noun ("مرفأ أوديسا") too
    found = geo.geoparse("أعيد فتح مرفأ طرطوس بعد الإصلاحات.", lang="ar")
    assert "UA" not in found["country_code"].tolist()
    found = geo.geoparse("قصفت القوات الروسية مرفأ أوديسا في أوكرانيا ليلا.", lang="ar")
    assert found[["name", "country_code"]].values.tolist() == [
        ["Odesa", "UA"],
        ["Ukraine", "UA"],
    ]
    # a settlement noun names the town, and so does a report on its country
    found = geo.geoparse("قصف روسي جديد على خاركيف. وأصيب آخرون في بلدة ميريفا.", lang="ar")
    assert ["Merefa", "UA"] in found[["name", "country_code"]].values.tolist()


def test_settlement_noun_takes_a_town_bare() -> None:
    # an indefinite region noun in the construct state: "ناحية بعشيقة" (a subdistrict of Nineveh)
    # is no ب + a village; a region or a country after ب is where it lies
    found = geo.geoparse("تقع البلدة في ناحية بعشيقة شمال العراق.", lang="ar")
    assert found["name"].tolist() == ["Iraq"]
    found = geo.geoparse("قتل ثلاثة مدنيين في قرية بمصر.", lang="ar")
    assert found["name"].tolist() == ["Egypt"]


def test_institutions_people_and_media_are_not_places() -> None:
    assert _found("قال مجلس كربلاء في بيان") == []
    assert _found("أعلنت قوات سوريا الديمقراطية") == []
    assert _found("أعلن متحدث باسم لقوات سوريا الديمقراطية") == []
    assert _found("نقلت وكالة فرانس برس") == []
    text = "قصفت الطائرات بإدلب"
    toks = _tokens(text)
    assert _default().spans(text, toks, [False, False, True]) == []


def test_hospitals_and_universities_name_their_town() -> None:
    # a facility named after where it stands names that place (the convention of tests/eval)
    for text in ("قالت جامعة البصرة في بيان", "نقل الجرحى إلى مستشفى البصرة"):
        assert [(m, soft) for m, _, soft in _found(text)] == [("البصرة", 0)], text
    # ... a hospital named after a person ("خليفة", also a hamlet) is none
    assert _found("نقل الجرحى إلى مستشفى خليفة") == []


def test_feature_noun_after_lam_is_no_name_either() -> None:
    # "للجزيرة" (to the island, to Al Jazeera) is ل + "الجزيرة": no name alone
    assert _found("قال شهود عيان للجزيرة إن القصف استمر") == []


def test_province_names_need_no_cue() -> None:
    # a first-level region's name is no common word by accident ("ظفار": Dhofar, Oman)
    assert [(m, soft) for m, _, soft in _found("أعلنت سلطات ظفار حالة الطوارئ")] == [("ظفار", 0)]


def test_country_named_by_its_nisba() -> None:
    # "السعودية": Saudi Arabia after a verb, a preposition, in a list of places; Saudi
    # (an adjective) after the definite noun it describes or in a list of adjectives
    for text in ("قالت السعودية إنها", "وصل الوفد إلى السعودية", "زار الإمارات والسعودية"):
        found = _found(text)
        assert found[-1][:2] == ("السعودية", "السعودية"), text
    for text in ("أغلقت السلطات الحدود السعودية", "وصلت القوات الأمريكية والسعودية"):
        assert _found(text) == [], text
    best = Index.default().candidates("السعودية", variants=False)[0].place
    assert (best.kind, best.country_code) == ("country", "SA")


def test_big_town_named_by_a_common_word_needs_its_country() -> None:
    # "الأبيض" is "the white one" and El Obeid: after a place preposition, in a document
    # that names Sudan otherwise, a soft name (the recognition weighs the rest)
    assert _found("وقعت اشتباكات قرب الأبيض") == []
    assert _found("وقعت اشتباكات قرب الأبيض في السودان") == [
        ("الأبيض", "الابيض", 2),
        ("السودان", "السودان", 0),
    ]
    # a settlement noun is no name, whatever the gazetteer says ("المدينة": Medina)
    assert _found("عاد السكان إلى المدينة في السعودية")[:1] == [("السعودية", "السعودية", 0)]


def test_valley_named_after_its_region() -> None:
    # "وادي ظفار": the whole phrase, at the region's place
    assert _found("انتشرت القوات في وادي ظفار") == [("وادي ظفار", "ظفار", 0)]
    assert _found("وانتشرت القوات بوادي ظفار") == [("وادي ظفار", "ظفار", 0)]


def test_heads_and_titles_before_a_name() -> None:
    # an agreement, a university: not the town; an ambassador of a country names it
    assert _found("وقع الطرفان اتفاق جدة") == []
    assert [m for m, _, _ in _found("التقى سفير روسيا")] == ["روسيا"]
    # "الهند" is India, though "هند" is a woman's name; "الجزيرة" alone is an island
    assert [m for m, _, _ in _found("وصل الوفد إلى الهند")] == ["الهند"]
    assert _found("وصل الوفد إلى الجزيرة") == []


def test_conjunction_reading_continues_a_list() -> None:
    # "وجدة" is Oujda, but after "الرياض" it is و + جدة (Jeddah)
    assert [k for _, k, _ in _found("سقطت صواريخ على الرياض وجدة")] == ["الرياض", "جدة"]
    assert [k for _, k, _ in _found("وصل الوفد إلى وجدة")] == ["وجدة"]


def test_name_that_begins_with_waw_keeps_it() -> None:
    # "واسط" is Wasit, after a comma, at the start of a sentence and after و
    for text in ("قصفت الطائرات بغداد، واسط", "واسط شهدت هجمات", "قصفت الطائرات بغداد وواسط"):
        assert [k for _, k, _ in _found(text)][-1] == "واسط", text
    # both readings name places: the one in the country of the name before wins
    # (Rabat and Oujda; Riyadh and Jeddah), and after a comma a tie keeps the whole word
    assert [k for _, k, _ in _found("في الرباط، وجدة وفاس")] == ["الرباط", "وجدة", "فاس"]
    assert [k for _, k, _ in _found("سقطت صواريخ على الرياض، وجدة")] == ["الرياض", "جدة"]
    assert [k for _, k, _ in _found("في الرباط ووجدة")] == ["الرباط", "وجدة"]


def test_transliterated_name_that_begins_with_waw_keeps_it() -> None:
    # "ودمدني" is Wad Medani (known in Latin letters only), not و + "دمدني"
    for text in ("اشتباكات في الخرطوم، ودمدني", "اشتباكات في الخرطوم وودمدني"):
        found = _found(text)
        assert [m for m, _, _ in found] == ["الخرطوم", "ودمدني"], text
        assert found[1][1] == "ودمدني" + IN_COUNTRIES + "SD"


def test_no_arabic_no_work() -> None:
    assert _scan("Strikes hit Idlib and Aleppo") == []
    assert _scan("") == []


# --------------------------------------------------------------------------- properties

_VOCABULARY = [
    *("حلب", "بإدلب", "وحلب", "للخرطوم", "الخرطوم", "دير", "الزور", "خان", "شيخون"),
    *("في", "من", "إلى", "مدينة", "قرية", "محافظة", "ريف", "جامعة", "قوات", "سوريا"),
    *("المدينة", "جديدة", "قصفت", "الطائرات", "وقال", "إن", "الحكومة", "فلسطين", "وجدة"),
    *("لِلْخُرْطُوم", "حَمَاة", "ديـــر", "Aleppo", "hit", "٣", "Харків"),
]
_SEPARATORS = [" ", " ", " ", "، ", ". ", "-", "\n", " (", ") "]


_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B)) + "ةىأإآٱ"
_RANDOM = st.text(
    st.sampled_from(_LETTERS * 4 + "\u064e\u0650\u0652ـ" + "    ،.-\n" + "ab٣"), max_size=80
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.lists(
            st.tuples(st.sampled_from(_VOCABULARY), st.sampled_from(_SEPARATORS)),
            max_size=25,
        ).map(lambda parts: "".join(w + sep for w, sep in parts)),
        _RANDOM,
    )
)
def test_spans_slice_back_to_their_text_and_never_overlap(text: str) -> None:
    toks = _tokens(text)
    spans = _default().spans(text, toks, [False] * len(toks))
    previous_end, previous_last = -1, -1
    for s in spans:
        assert toks.starts[s.first] <= s.start < s.end == toks.ends[s.last]
        assert s.start >= previous_end and s.first > previous_last
        previous_end, previous_last = s.end, s.last
        # the text of the span is the key (maybe with the article, or after ل without
        # its alef): the same letters once folded; a name found through its transliteration
        # (geo.geoparse.translit), or a common word going on a list of a country's places,
        # has the countries of its places after its key; a key may name one of its places
        # (AS_PLACE: a home village a foreign namesake gives way to, a region's unit)
        base = s.key.partition(IN_COUNTRIES)[0].partition(AS_PLACE)[0]
        written = fold_key(normalize_name(text[s.start : s.end]))
        key = fold_key(base)
        assert written in (key, "ال" + key, key[1:], "ل" + key), (written, key)
        if s.source == "translit":
            assert Index.default().candidates(s.key)
        else:
            assert base in Index.default().gazetteer


# --------------------------------------------------------------------------- automaton


def test_key_script() -> None:
    assert is_arabic_key("دير الزور") and is_arabic_key("حي ٣")
    assert not is_arabic_key("idlib") and not is_arabic_key("حلب aleppo")


def test_matcher_folds_keys_and_adds_the_forms_after_lam() -> None:
    m = build_matcher(["الرقة", "الرقه", "حماة", "x", "ب"])
    keys = sorted(m.automaton.keys())
    assert keys == ["الرقه ", "حماه ", "لرقه "]  # a space after each: names end words
    rows = {k.strip(): (m.plain[m.automaton.get(k)], m.fused[m.automaton.get(k)]) for k in keys}
    assert rows == {
        "الرقه": (("الرقة", "الرقه"), ()),
        "لرقه": ((), ("الرقة", "الرقه")),  # after ل, the article's alef dropped
        "حماه": (("حماة",), ()),
    }


def _keys(matcher: Any) -> list[str]:
    return sorted(k.strip() for k in matcher.automaton)


class _FakeGazetteer:
    """A gazetteer with a few Arabic keys and an inputs key."""

    def __init__(self, keys: list[str], inputs_key: str) -> None:
        self.keys = keys
        self.meta = {"inputs_key": inputs_key}
        self.calls = 0

    def script_keys(self, script: str) -> list[str]:
        assert script == "arabic"
        self.calls += 1
        return list(self.keys)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    scan.clear_matchers()
    yield tmp_path
    scan.clear_matchers()


def test_automaton_is_saved_and_loaded(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = _FakeGazetteer(["حلب", "ادلب"], "a" * 64)
    first = matcher_for(gaz)
    assert gaz.calls == 1 and _keys(first) == ["ادلب", "حلب"]
    files = list(cache.glob("scan-ar-*.ac"))
    assert [f.name for f in files] == [f"scan-ar-v{scan.SCAN_VERSION}-gz-{'a' * 20}.ac"]
    assert matcher_for(gaz) is first  # once per process
    scan.clear_matchers()
    again = matcher_for(gaz)
    assert gaz.calls == 1  # read back, not rebuilt
    assert _keys(again) == ["ادلب", "حلب"] and (again.plain, again.fused) == (
        first.plain,
        first.fused,
    )


def test_stale_automaton_is_replaced(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    matcher_for(_FakeGazetteer(["حلب"], "a" * 64))
    scan.clear_matchers()
    newer = _FakeGazetteer(["حمص"], "b" * 64)
    assert _keys(matcher_for(newer)) == ["حمص"]
    assert [f.name for f in cache.glob("scan-ar-*.ac")] == [
        f"scan-ar-v{scan.SCAN_VERSION}-gz-{'b' * 20}.ac"
    ]


def test_damaged_automaton_is_rebuilt(
    cache: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    gaz = _FakeGazetteer(["حلب"], "c" * 64)
    matcher_for(gaz)
    (path,) = cache.glob("scan-ar-*.ac")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    scan.clear_matchers()
    with caplog.at_level(logging.WARNING, logger="geo.geoparse.scan"):
        assert _keys(matcher_for(gaz)) == ["حلب"]
    assert gaz.calls == 2 and "damaged" in caplog.text
    # saved again, whole
    scan.clear_matchers()
    assert _keys(matcher_for(gaz)) == ["حلب"] and gaz.calls == 2


class _Boom:
    def __reduce__(self) -> tuple[Any, ...]:
        return (exec, ("raise SystemExit('ran code from the cache')",))


def test_saved_automaton_cannot_run_code(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = _FakeGazetteer(["حلب"], "d" * 64)
    matcher_for(gaz)
    (path,) = cache.glob("scan-ar-*.ac")
    magic = path.read_bytes()[:8]  # then the SHA-256 of the pickle, then the pickle
    payload = pickle.dumps(_Boom())
    path.write_bytes(magic + hashlib.sha256(payload).digest() + payload)
    scan.clear_matchers()
    assert _keys(matcher_for(gaz)) == ["حلب"]
    assert gaz.calls == 2


def test_unwritable_cache_keeps_the_automaton_in_memory(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEO_CACHE_DIR", str(cache / "file"))
    (cache / "file").write_text("not a folder")
    gaz = _FakeGazetteer(["حلب"], "e" * 64)
    assert _keys(matcher_for(gaz)) == ["حلب"]


# --------------------------------------------------------------------------- end to end


def test_geoparse_arabic_end_to_end() -> None:
    text = (
        "قصفت الطائرات بإدلب وحلب. واندلعت اشتباكات في مدينة الفاشر بولاية شمال دارفور، "
        "ووصل وفد أممي للخرطوم. وأعلنت قوات سوريا الديمقراطية السيطرة على قرية شرق دير الزور."
    )
    df = geo.geoparse(text, lang="ar")
    got = [(m, n, cc) for m, n, cc in df[["mention", "name", "country_code"]].values.tolist()]
    assert got == [
        ("إدلب", "Idlib", "SY"),
        ("حلب", "Aleppo", "SY"),
        ("الفاشر", "El Fasher", "SD"),
        ("شمال دارفور", "North Darfur", "SD"),
        ("لخرطوم", "Khartoum", "SD"),
        ("دير الزور", "Deir ez-Zor", "SY"),
    ]
    for start, end, mention in df[["char_start", "char_end", "mention"]].values.tolist():
        assert text[start:end] == mention
    assert set(df["lang"]) == {"ar"}


def test_geoparse_arabic_names_in_english_text() -> None:
    df = geo.geoparse("Strikes hit إدلب and Aleppo on Monday.", lang="en")
    assert df[["mention", "name"]].values.tolist() == [["إدلب", "Idlib"], ["Aleppo", "Aleppo"]]


def test_geoparse_arabic_countries_and_capitals() -> None:
    df = geo.geoparse(
        "التقى وزير الخارجية المصري نظيره الأردني في القاهرة لبحث الأوضاع في غزة ورفح، "
        "ثم توجه إلى روسيا وإيران."
    )
    assert df[["mention", "name", "kind"]].values.tolist() == [
        ["القاهرة", "Cairo", "city"],
        ["غزة", "Gaza", "city"],
        ["رفح", "Rafaḩ", "city"],
        ["روسيا", "Russia", "country"],
        ["إيران", "Iran", "country"],
    ]


def test_geoparse_arabic_water_bodies_and_countryside() -> None:
    df = geo.geoparse(
        "هاجم الحوثيون سفينة في البحر الأحمر وأخرى في خليج عدن، وقتل ثلاثة قرب نهر الفرات. "
        "وقصفت الطائرات بلدات في ريف حلب الغربي وريف إدلب، وقتل مدني في مدينة حلب.",
        lang="ar",
    )
    assert df[["mention", "name", "kind"]].values.tolist() == [
        ["البحر الأحمر", "Red Sea", "region"],
        ["خليج عدن", "Gulf of Aden", "region"],
        ["نهر الفرات", "Euphrates", "region"],
        # "ريف X": the governorate, "مدينة X": the town
        ["حلب", "Aleppo", "region"],
        ["إدلب", "Idlib", "region"],
        ["حلب", "Aleppo", "city"],
    ]


def test_geoparse_arabic_numbers_camps_and_phrases_are_no_places() -> None:
    df = geo.geoparse(
        "قتل شخص واحد في معسكر التدريب قرب طرابلس، ودعت الأمم المتحدة إلى وقف فوري "
        "لإطلاق النار، ونزح الآلاف من مدينة الفاشر.",
        lang="ar",
    )
    assert df["mention"].tolist() == ["طرابلس", "الفاشر"]


def test_district_pair_in_a_longer_article() -> None:
    # a dual construct noun ("قضاءي": the districts of) is a region cue: the name after it
    # survives the context of a longer text
    text = (
        "شن الطيران غارات عنيفة على مدينة صور في جنوب لبنان.\n\n"
        "كما استهدفت غارات بلدات عدة في قضاءي النبطية وبنت جبيل."
    )
    names = geo.geoparse(text, lang="ar")["name"].tolist()
    assert "An Nabatiyah" in names
    # a name of several words found by the scan is no capitalised phrase that may be an
    # organisation's: no "multiword" penalty
    assert "Bent Jbaïl" in names


# --------------------------------------------------------------------------- common words


def test_inflected_words_are_no_names() -> None:
    lists = scan._lists()
    # a frequent noun with an attached pronoun, a past plural, an imperfect plural
    assert scan._inflected("جنوده", lists)  # his soldiers
    assert scan._inflected("قالوا", lists)  # they said
    assert scan._inflected("يقولون", lists)  # they say
    # names that end so after a rare stem, or in a ta marbuta, stay names
    assert not scan._inflected("عجلون", lists)
    assert not scan._inflected("بنها", lists)
    assert not scan._inflected("مأدبة", lists)
    assert not scan._inflected("ابو زبد", lists)


def test_shadda_the_places_lack() -> None:
    from geo.gazetteer import Place

    def town(name: str) -> Place:
        return Place("x", name, "city", 32.0, 35.0, "JO", None, None, 1000, "gn")

    assert scan._doubling_unmatched("يدمّر", [town("Yadmur")])
    assert not scan._doubling_unmatched("يدمّر", [town("Yammur"), town("Yadmur")])
    assert not scan._doubling_unmatched("يدمر", [town("Yadmur")])


def test_verbs_and_words_with_particles_are_no_places() -> None:
    # "لكنه" (but he) is no ل + a village's name; "وكتبوا" (and they wrote) no village
    # named by its Latin letters, though both follow a place in a list
    df = geo.geoparse("استهدفت غارة بلدة في قضاء جزين، لكنه قال إن الجيش لم يعلق.", lang="ar")
    assert df["name"].tolist() == ["Jezzine"]
    df = geo.geoparse("أحرق مستوطنون سيارات في بلدة عقربا وكتبوا شعارات على الجدران.", lang="ar")
    assert df["name"].tolist() == ["‘Aqrabā"]


def test_names_written_with_a_final_waw_alif_stay_names() -> None:
    # African names written after their Latin -oua, -oa ("Bertoua"): no past plural
    lists = scan._lists()
    assert not scan._inflected("بيرتوا", lists)
    assert not scan._inflected("اوتاوا", lists)
    assert scan._inflected("كتبوا", lists)  # they wrote


def test_a_foreign_town_takes_no_article() -> None:
    # "باليستي" (ballistic) reads as ب + ال + a Spanish town's Arabic name, which takes no
    # article; Arab towns keep theirs whether the gazetteer writes it or not
    for town in ("خاركيف", "الرمادي"):
        df = geo.geoparse(f"قصفت القوات مدينة {town} بصاروخ باليستي.", lang="ar")
        assert df["mention"].tolist() == [town]


def test_a_dam_takes_the_name_of_its_town() -> None:
    # "سد X": the dam of the town X, like "ميناء X" (the port of X)
    found = geo.geoparse("العراق: حذر خبراء من انهيار سد دوكان", lang="ar")
    assert found[["mention", "country_code"]].values.tolist()[-1] == ["دوكان", "IQ"]


def test_a_common_word_named_again_or_listed_after_a_name_is_that_name() -> None:
    # "العين" (the eye) is Al Ain after "مدينة"; written again without a cue, or next in a
    # list after a town of its country, it is the town again
    named_again = geo.geoparse(
        "الإمارات: أمطار غزيرة في مدينة العين. وقالت الشرطة إن الطريق الذي يربط العين بالمدن مغلق",
        lang="ar",
    )
    assert named_again["mention"].tolist().count("العين") == 2
    listed = geo.geoparse("الإمارات: أمطار غزيرة في الشارقة والعين", lang="ar")
    assert listed[["mention", "country_code"]].values.tolist()[-1] == ["العين", "AE"]
    # not an adjective after a definite noun, and not a word with no place in the country
    assert _found("وصلوا إلى البيت الأبيض") == []


def test_compound_names_written_glued_or_apart() -> None:
    # the gazetteer writes one apart and the other glued, the text the other way round (a
    # name of two words needs no cue)
    scanner = Scanner(Index.default(), keys=["كفر حمرة", "بيتونيا"])
    text = "قصفت الطائرات بلدة كفرحمرة ومحيط بيت ونيا"
    assert _found(text, scanner) == [("كفرحمرة", "كفر حمرة", 0), ("بيت ونيا", "بيتونيا", 0)]
    # the key as the gazetteer spells it still matches
    assert [k for _, k, _ in _found("قصفت الطائرات كفر حمرة", scanner)] == ["كفر حمرة"]


def test_compound_heads_need_a_long_enough_rest() -> None:
    # "عينه" (his eye) is no "عين ه"; a key spelt like the other form wins over it
    matcher = build_matcher(["عين ه", "تل ابيض", "تلابيض"], compound_heads=["عين", "تل"])
    strings = sorted(map(str.strip, matcher.automaton.keys()))
    assert strings == ["تل ابيض", "تلابيض", "عين ه"]
    assert matcher.plain[strings.index("تلابيض")] == ("تلابيض",)


def test_arabic_names_of_chad_s_regions() -> None:
    text = "نزح آلاف السكان إلى إقليم كانم ومنطقة شاري باقرمي"
    found = _found(text)
    assert [(w, k) for w, k, _ in found] == [("كانم", "كانم"), ("شاري باقرمي", "شاري باقرمي")]
    places = [Index.default().candidates(k, variants=False)[0].place for _, k, _ in found]
    assert [(p.country_code, p.kind) for p in places] == [("TD", "region"), ("TD", "region")]


def test_small_town_far_away_is_no_name_of_a_report_on_arab_countries() -> None:
    # تارنوف: only a town of Poland, not big; the report is on Syria
    assert [w for w, _, _ in _found("قصفت الطائرات تارنوف وإدلب وحلب")] == ["إدلب", "حلب"]
    # a report that names Poland keeps it, and so does one that names nothing else
    assert "تارنوف" in [w for w, _, _ in _found("زار الوفد تارنوف في بولندا")]
    assert [w for w, _, _ in _found("زار الوفد تارنوف")] == ["تارنوف"]


def test_geoparse_arabic_names_of_supplement_places() -> None:
    # places the supplement adds to cities500 carry their Arabic names too
    df = geo.geoparse(
        "انسحب الجيش من محور نتساريم، وعاد سكان إلى نير عوز، ونزحت عائلات من الغوطة الشرقية "
        "إلى دمشق.",
        lang="ar",
    )
    assert df[["mention", "gazetteer_id"]].values.tolist() == [
        ["محور نتساريم", "geo:netzarim"],
        ["نير عوز", "geo:nir-oz"],
        ["الغوطة الشرقية", "geo:ghouta"],
        ["دمشق", "gn:170654"],
    ]


def test_foreign_namesake_of_a_home_village_is_the_home_village() -> None:
    # "الحاجب": the gazetteer has the Arabic name of a village of Syria only; in a report on
    # Morocco it is El Hajeb, which its Latin name reaches; in a report on Syria the village
    def found(text: str) -> dict[str, str]:
        df = geo.geoparse(text, lang="ar")
        return dict(zip(df["mention"], df["gazetteer_id"], strict=True))

    morocco = found("ضرب زلزال مدينة مكناس، وانهارت منازل في الحاجب وإفران.")
    assert morocco["الحاجب"] == "gn:2550252"  # El Hajeb, by Meknes
    syria = found("سقطت قذائف على مدينة حلب، وانهارت منازل في الحاجب شرقها.")
    assert syria["الحاجب"] == "gn:173852"  # Al Hajib, Syria


def test_common_words_together_name_a_place_after_a_settlement_noun() -> None:
    # "منزل جميل" (a fine house) is a town of Tunisia after "مدينة", not without a cue
    df = geo.geoparse("خرجت مظاهرات في مدينة منزل جميل قرب بنزرت.", lang="ar")
    assert df[["mention", "gazetteer_id"]].values.tolist()[0] == ["منزل جميل", "gn:2469256"]
    df = geo.geoparse("اشترى التاجر منزل جميل في بنزرت.", lang="ar")
    assert "منزل جميل" not in df["mention"].tolist()


def test_dateline_credit_and_quoted_medium_are_no_places() -> None:
    text = (
        "بغداد - الشرق الأوسط\n"
        "قال مسؤول عراقي لـ«الشرق الأوسط» إن التوتر في الشرق الأوسط يهدد الموصل.\n"
        "عنب بلدي - حلب\n"
        "قصفت الطائرات أحياء حلب الشرقية."
    )
    df = geo.geoparse(text, lang="ar")
    got = [(text[s:e], s) for s, e in df[["char_start", "char_end"]].values.tolist()]
    middle_east = text.rindex("الشرق الأوسط")
    assert got == [
        ("بغداد", 0),  # the dateline's place, not its credit
        ("الشرق الأوسط", middle_east),  # the region, not the newspaper told
        ("الموصل", text.index("الموصل")),
        ("حلب", text.index("حلب")),  # after a medium's name, the place
        ("حلب", text.rindex("حلب")),
    ]


def test_dateline_with_a_colon_credits_only_a_quoted_name() -> None:
    text = "البصرة: «الشرق الأوسط»\nاقرأ أيضاً: غارات على الموصل"
    df = geo.geoparse(text, lang="ar")
    assert df["mention"].tolist() == ["البصرة", "الموصل"]


def test_name_after_a_region_noun_is_the_region() -> None:
    # after "ولاية" the River Nile is the state of Sudan; after "نهر" alone, the river
    df = geo.geoparse("وصلت قوافل إغاثة إلى ولاية نهر النيل في السودان.", lang="ar")
    assert dict(zip(df["mention"], df["gazetteer_id"], strict=True))["نهر النيل"] == "ne:SDN-877"
    df = geo.geoparse("غرق قارب في نهر النيل قرب الخرطوم.", lang="ar")
    assert (
        dict(zip(df["mention"], df["gazetteer_id"], strict=True))["نهر النيل"] == "geo:river-nile"
    )


def test_hospital_of_a_town_the_report_names() -> None:
    # "مستشفى X" is the town's hospital when the report names the town X (not a man's name)
    df = geo.geoparse("وقع انفجار في مدينة جرش، ونقل الجرحى إلى مستشفى جرش الحكومي.", lang="ar")
    assert df["gazetteer_id"].tolist() == ["gn:248875", "gn:248875"]
    df = geo.geoparse("أصيب شخص في الزرقاء ونقل إلى مستشفى ناصر.", lang="ar")
    assert df["mention"].tolist() == ["الزرقاء"]


def test_list_after_a_name_without_a_cue_of_the_report_s_country() -> None:
    text = "قالت مصادر في مدينة الرباط إن السيول غمرت إفران وصفرو ليلا."
    df = geo.geoparse(text, lang="ar")
    assert df[["mention", "gazetteer_id"]].values.tolist() == [
        ["الرباط", "gn:2538475"],
        ["إفران", "gn:2546917"],
        ["صفرو", "gn:2537545"],  # Sefrou, through its Latin name, on the list
    ]
    # no list ("ثم"): no cue
    df = geo.geoparse(text.replace("وصفرو", "ثم صفرو"), lang="ar")
    assert "صفرو" not in df["mention"].tolist()


def test_region_noun_inside_the_official_name() -> None:
    # "ريف دمشق" (Rif Dimashq) and "إقليم كردستان" (the Kurdistan Region) keep their noun:
    # the rest alone names another place; "ولاية الجزيرة" does not (the state is "الجزيرة")
    text = (
        "قصفت الطائرات بلدات في ريف دمشق، ووصل وفد حكومي إلى إقليم كردستان في العراق، "
        "ونزح سكان من ولاية الجزيرة."
    )
    df = geo.geoparse(text, lang="ar")
    assert df[["mention", "gazetteer_id"]].values.tolist() == [
        ["ريف دمشق", "ne:SYR-144"],
        ["إقليم كردستان", "geo:kurdistan-iraq"],
        ["العراق", "gn:99237"],
        ["الجزيرة", "ne:SDN-875"],
    ]


def test_common_words_named_again_are_the_same_place() -> None:
    # "سوق الخميس" (the Thursday market): a place after "بلدة", and so again later without a
    # settlement noun
    text = "وقعت مواجهات في بلدة سوق الخميس، وفر السكان من سوق الخميس إلى صنعاء."
    df = geo.geoparse(text, lang="ar")
    assert df["mention"].tolist() == ["سوق الخميس", "سوق الخميس", "صنعاء"]
    assert set(df["gazetteer_id"][:2]) == {"gn:7345827"}


def test_formal_arabic_names_of_countries() -> None:
    text = "أدانت الجمهورية العربية السورية الهجوم، ورحبت المملكة الأردنية الهاشمية بالاتفاق."
    df = geo.geoparse(text, lang="ar")
    assert df[["mention", "country_code", "kind"]].values.tolist() == [
        ["الجمهورية العربية السورية", "SY", "country"],
        ["المملكة الأردنية الهاشمية", "JO", "country"],
    ]


def test_short_skeleton_after_a_preposition_near_the_report_s_places() -> None:
    # "دوز" (Douz, 2 consonants d-z) after "في", about 30 km from Kebili: a place; the
    # same word without a cue is not looked up, nor far from the report's places
    text = "خرجت مظاهرات في مدينة قبلي، وقال ناشط في دوز إن الشرطة انسحبت."
    df = geo.geoparse(text, lang="ar")
    assert df[["mention", "gazetteer_id"]].values.tolist() == [
        ["قبلي", "gn:2468018"],
        ["دوز", "gn:2471287"],
    ]
    df = geo.geoparse(text.replace("ناشط في دوز", "ناشط اسمه دوز"), lang="ar")
    assert df["mention"].tolist() == ["قبلي"]
    df = geo.geoparse(text.replace("قبلي", "حلب"), lang="ar")
    assert df["mention"].tolist() == ["حلب"]


def test_somewhat_common_word_after_a_preposition_close_to_the_report_s_places() -> None:
    # "عبري" ("العبري": the Hebrew, a somewhat common word) is Ibri in Oman, 90 km from
    # Bahla; in a report on Mosul it names nothing
    df = geo.geoparse("ضربت عاصفة مدينة بهلاء، وانقطعت الكهرباء في عبري غربها.", lang="ar")
    assert df["gazetteer_id"].tolist() == ["gn:288899", "gn:287830"]
    df = geo.geoparse("ضربت عاصفة مدينة الموصل، وانقطعت الكهرباء في عبري غربها.", lang="ar")
    assert df["mention"].tolist() == ["الموصل"]


def test_common_word_keyed_with_its_article_needs_a_cue() -> None:
    # "المصدر" (the source) is a village's name keyed with its article; "مصدر" is common
    df = geo.geoparse("اجتاحت السيول مدينة إربد. وأكد المصدر نفسه أن الطرق أغلقت.", lang="ar")
    assert df["mention"].tolist() == ["إربد"]


def test_preposition_on_a_common_word_named_again_is_no_adjective() -> None:
    # "المدرسة الجديدة" (the new school): an adjective; "فرق الإنقاذ للجديدة": to El Jadida,
    # which the report names after "مدينة"
    text = "ضربت عاصفة مدينة الجديدة، ووصلت فرق الإنقاذ للجديدة وآسفي."
    df = geo.geoparse(text, lang="ar")
    assert df["mention"].tolist()[:2] == ["الجديدة", "لجديدة"]
    assert set(df["gazetteer_id"][:2]) == {"gn:2550078"}
    df = geo.geoparse("ضربت عاصفة مدينة الجديدة، وافتتح الوزير المدرسة الجديدة.", lang="ar")
    assert df["mention"].tolist() == ["الجديدة"]


def test_island_named_after_the_noun_island() -> None:
    # "جزيرة سقطرى": the island of Socotra; "جبل X" of a town stays no town
    df = geo.geoparse("وصلت سفينة إلى جزيرة سقطرى في اليمن.", lang="ar")
    assert df[["mention", "gazetteer_id"]].values.tolist() == [
        ["سقطرى", "geo:socotra"],
        ["اليمن", "gn:69543"],
    ]


def test_a_story_after_a_dateline_dash_is_no_credit() -> None:
    # invented: the dash of "دمشق -" opens the story, not a newspaper's name; a big town
    # of a neighbouring country stays itself in a report filed from Damascus
    df = geo.geoparse("دمشق - قتل أربعة أشخاص أمس في قصف مدفعي على صيدا.", lang="ar")
    assert list(df["name"]) == ["Damascus", "Sidon"]


def test_words_with_tanween_are_no_names() -> None:
    # "تصعيداً" (an escalation) and "وصولاً" (reaching): indefinite accusatives, which no
    # place's name is written as
    text = "شهدت المنطقة تصعيداً كبيراً وصولاً إلى مدينة حلب."
    found = geo.geoparse(text, lang="ar")["mention"].tolist()
    assert found == ["حلب"]


def test_compass_adjective_after_a_village_is_part_of_its_name() -> None:
    found = geo.geoparse("قصفت المدفعية قرية كفرنبل الشرقية أمس.", lang="ar")
    assert found["mention"].tolist() == ["كفرنبل الشرقية"]


def test_adjective_after_a_city_or_a_countryside_is_not_part_of_the_name() -> None:
    found = geo.geoparse("تقدمت القوات في حلب الشرقية ثم في ريف حماة الشمالي.", lang="ar")
    assert found["mention"].tolist() == ["حلب", "حماة"]


@pytest.mark.parametrize(
    ("text", "mention", "place_id"),
    [
        # a mountain or an island named by its noun and a common word ("مرة": once;
        # "الشيخ": the sheikh; "ميون"), a name together, like "البحر الأحمر"
        ("تجدد القصف على جبل مرة في دارفور.", "جبل مرة", "geo:jebel-marra"),
        ("قال الجيش إن الثلوج غطت جبل الشيخ.", "جبل الشيخ", "geo:mount-hermon"),
        ("رست سفينة قرب جزيرة ميون في مضيق باب المندب.", "جزيرة ميون", "geo:perim"),
    ],
)
def test_natural_feature_named_by_its_noun_and_a_common_word(
    text: str, mention: str, place_id: str
) -> None:
    df = geo.geoparse(text, lang="ar")
    assert dict(zip(df["mention"], df["gazetteer_id"], strict=True))[mention] == place_id


def test_common_words_after_a_mountain_noun_name_no_place() -> None:
    # "جبل من" (a mountain of): no place has the name, nothing is found
    df = geo.geoparse("واجهت الحكومة جبلا من الديون هذا العام.", lang="ar")
    assert df.empty
