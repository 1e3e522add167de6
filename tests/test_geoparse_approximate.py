"""Names the gazetteer lacks, placed approximately (geo.geoparse.approximate).

The sentences are written for these tests; the villages' names are made up (the gazetteer
has none of them), the anchors are real towns and regions.
"""

from __future__ import annotations

import pytest

import geo
from geo import config
from geo.geoparse import get_geoparser
from geo.geoparse.approximate import offset_point
from geo.geoparse.candidates import haversine_km
from geo.lang import get_pack
from geo.model import Mention

#: Sambir (Lviv oblast, Ukraine) as the gazetteer places it.
SAMBIR = (49.516, 23.201)


def _parse(text: str, lang: str | None = None) -> list[Mention]:
    return get_geoparser().parse(text, lang=lang)


def _only(mentions: list[Mention], written: str) -> Mention:
    found = [m for m in mentions if m.mention == written]
    assert len(found) == 1, [(m.mention, m.place.id) for m in mentions]
    return found[0]


def _approximate(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if "approximate" in m.why]


def test_offset_point_moves_along_the_bearing() -> None:
    lat, lon = offset_point(*SAMBIR, bearing=0.0, km=20.0)
    assert lat == pytest.approx(49.696, abs=0.001)
    assert lon == pytest.approx(SAMBIR[1], abs=1e-9)
    lat, lon = offset_point(*SAMBIR, bearing=90.0, km=20.0)
    assert haversine_km(SAMBIR[0], SAMBIR[1], lat, lon) == pytest.approx(20.0, abs=0.1)
    assert lon > SAMBIR[1]


def test_english_village_offset_from_a_town() -> None:
    text = "Drones struck the village of Ostrivka Nyzhnia, 20 km north-east of Sambir, overnight."
    m = _only(_parse(text), "Ostrivka Nyzhnia")
    assert m.precision == config.GEOPARSE_APPROX_PRECISION_TOWN == 2
    assert m.place.name == "Ostrivka Nyzhnia"
    assert m.place.country_code == "UA"
    assert (m.place.latitude, m.place.longitude) == pytest.approx((49.643, 23.397), abs=0.002)
    assert haversine_km(*SAMBIR, m.place.latitude, m.place.longitude) == pytest.approx(20, abs=0.2)
    assert m.why["anchor offset 45: Sambir (gn:694864)"] == 20.0
    assert text[m.char_start : m.char_end] == m.mention


def test_english_apposition_makes_a_name_a_place() -> None:
    text = "Farmers left Holubivka, a small village 15 km south of Sambir, on Monday."
    m = _only(_parse(text), "Holubivka")
    assert m.precision == 2
    assert (m.place.latitude, m.place.longitude) == pytest.approx((49.381, 23.201), abs=0.002)


def test_french_hamlet_near_a_town() -> None:
    text = "Des hommes armés ont attaqué le hameau de Kouraboungou, près de Zinder."
    m = _only(_parse(text), "Kouraboungou")
    assert m.precision == 2
    assert m.place.country_code == "NE"
    assert (m.place.latitude, m.place.longitude) == pytest.approx((13.807, 8.988), abs=0.01)
    assert any(k.startswith("anchor near: Zinder") for k in m.why)


def test_spanish_vereda_in_a_department_takes_the_region() -> None:
    text = "Los combates llegaron a la vereda Quebradón Seco, en el departamento del Vichada."
    m = _only(_parse(text), "Quebradón Seco")
    assert m.precision == config.GEOPARSE_APPROX_PRECISION_REGION == 3
    assert m.place.country_code == "CO"
    assert (m.place.latitude, m.place.longitude) == pytest.approx((4.892, -69.241), abs=0.01)


def test_russian_inflected_village_and_its_other_occurrences() -> None:
    text = (
        "В деревне Кривоозерке Вологодской области загорелся склад. "
        "Жители Кривоозерки эвакуированы."
    )
    ms = _approximate(_parse(text))
    assert [m.mention for m in ms] == ["Кривоозерке", "Кривоозерки"]
    assert ms[0].place is not ms[1].place and ms[0].place.id == ms[1].place.id
    assert {m.precision for m in ms} == {3}
    assert (ms[0].place.latitude, ms[0].place.longitude) == pytest.approx((59.64, 40.93), abs=0.01)


def test_ukrainian_village_near_a_town() -> None:
    text = "Уламки впали у селі Вербичанах поблизу Самбора."
    m = _only(_parse(text, "uk"), "Вербичанах")
    assert m.precision == 2
    assert (m.place.latitude, m.place.longitude) == pytest.approx(SAMBIR, abs=0.01)


def test_arabic_village_north_of_a_town() -> None:
    text = "قصفت المدفعية قرية الزعفرانة شمال تدمر."
    m = _only(_parse(text, "ar"), "الزعفرانة")
    assert m.precision == 2
    assert m.place.country_code == "SY"
    assert (m.place.latitude, m.place.longitude) == pytest.approx((34.56, 38.28), abs=0.01)


def test_arabic_dual_settlement_noun_takes_two_villages() -> None:
    # "قريتي X وY": the villages of X and Y (the dual in the construct state)
    text = "قصفت المدفعية قريتي زرنوقة وبرقيطة شمال تدمر."
    found = _parse(text, "ar")
    for name in ("زرنوقة", "برقيطة"):
        m = _only(found, name)
        assert m.place.id == f"approx:gn:163808:{name}"
        assert (m.place.latitude, m.place.longitude) == pytest.approx((34.56, 38.28), abs=0.01)


def test_arabic_name_after_its_particles_covers_its_word() -> None:
    # "وتدمر" is found after its و: no approximate second mention of the same word
    found = _parse("قصفت المدفعية مدينتي حمص وتدمر.", "ar")
    assert [(m.mention, m.place.id) for m in found] == [("حمص", "gn:169577"), ("تدمر", "gn:163808")]


def test_arabic_adjective_after_the_noun_is_no_village() -> None:
    text = "قصفت المدفعية قرية صغيرة شمال تدمر."
    assert _approximate(_parse(text, "ar")) == []


@pytest.mark.parametrize(
    "text",
    [
        # a given name after the noun
        "Officials from the village of Marie met near Sambir.",
        # no anchor anywhere in the text
        "The village of Ostrivka Nyzhnia was quiet.",
        # an acronym
        "Aid reached the town of UNHCR staff near Sambir.",
        # a person's name ending after a particle
        "Anna van der Horst, the town hall said, visited Sambir.",
        # the noun names a thing after a possessive
        "Crowds gathered near St. Andrew's Church in Sambir.",
        # facilities named with frequent words, a road, a river
        "Protesters gathered near City Hall in Sambir.",
        "A truck overturned near Interstate 70 outside Sambir.",
        "Police searched near Sambir and the Tysmenytsia River.",
    ],
)
def test_words_after_a_cue_that_are_no_places(text: str) -> None:
    assert _approximate(_parse(text, "en")) == []


def test_the_frame_and_its_why_say_approximate() -> None:
    df = geo.geoparse("Shells hit the hamlet of Kvitkove Pole near Sambir.", lang="en", doc_id="t")
    row = df[df["mention"] == "Kvitkove Pole"].iloc[0]
    assert row["gazetteer_id"] == "approx:gn:694864:kvitkove pole"
    assert row["kind"] == "city"
    assert "approximate +2.00" in row["why"] and "anchor near: Sambir" in row["why"]
    assert row.geometry.y == pytest.approx(SAMBIR[0], abs=0.01)


def test_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "GEOPARSE_APPROXIMATE", False)
    text = "Shells hit the hamlet of Kvitkove Pole near Sambir."
    assert [m.mention for m in _parse(text, "en")] == ["Sambir"]


def test_english_names_after_a_locative_preposition_and_in_its_list() -> None:
    text = "Shelling hit Sambir on Monday, and families fled to Ostrivka, Holubivka and Turka."
    ms = _approximate(_parse(text, "en"))
    assert [m.mention for m in ms] == ["Ostrivka", "Holubivka"]
    for m in ms:
        assert m.precision == config.GEOPARSE_APPROX_PRECISION_TOWN
        assert m.place.id == f"approx:gn:694864:{m.mention.lower()}"
        assert (m.place.latitude, m.place.longitude) == pytest.approx(SAMBIR, abs=0.01)
        assert any(k.startswith("anchor preceding: Sambir") for k in m.why)


def test_a_list_after_a_known_town_goes_on() -> None:
    text = "Drones struck Sambir. Fires broke out in Sambir, Ostrivka and Zhuvantsi overnight."
    ms = _approximate(_parse(text, "en"))
    assert [m.mention for m in ms] == ["Ostrivka", "Zhuvantsi"]


def test_french_de_after_a_noun_is_a_weak_cue() -> None:
    text = "À Zinder, les habitants de Kouraboungou ont fui vers la ville."
    m = _only(_parse(text, "fr"), "Kouraboungou")
    assert m.place.country_code == "NE"
    assert (m.place.latitude, m.place.longitude) == pytest.approx((13.807, 8.988), abs=0.01)


def test_the_focus_anchors_a_name_with_no_town_before_it() -> None:
    text = (
        "Fighting reached Sambir on Monday. Sambir's mayor asked for help.\n\n"
        "Later, residents fled from Ostrivka on foot."
    )
    m = _only(_parse(text, "en"), "Ostrivka")
    assert m.precision == config.GEOPARSE_APPROX_PRECISION_REGION
    assert any(k.startswith("anchor focus: Sambir") for k in m.why)


def test_a_unit_written_after_a_later_occurrence_anchors_the_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Fighting reached Sambir on Monday. Sambir's mayor asked for help.\n\n"
        "Later, residents fled from Ostrivka on foot.\n\n"
        "The army said Ostrivka, in Zakarpattia oblast, was calm."
    )
    found = [m for m in _parse(text, "en") if m.mention == "Ostrivka"]
    assert len(found) == 2
    assert all(m.place.id == "approx:ne:UKR-293:ostrivka" for m in found)
    assert all(any(k.startswith("anchor admin:") for k in m.why) for m in found)
    monkeypatch.setattr(config, "GEOPARSE_APPROX_OTHER_OCCURRENCE_UNIT", False)
    m = next(m for m in _parse(text, "en") if m.mention == "Ostrivka")
    assert any(k.startswith("anchor focus: Sambir") for k in m.why)


def test_a_weakly_cued_name_listed_after_a_place_counts_as_cued(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Fighting reached Sambir on Monday. Sambir's mayor asked for help.\n\n"
        "Gunmen raided Sambir and Ostrivka at night. In Ostrivka, a school burned. "
        "Police confirmed the attacks on Sambir and Ostrivka."
    )
    found = [m for m in _parse(text, "en") if m.mention == "Ostrivka"]
    assert len(found) == 3
    assert all("approximate" in m.why for m in found)
    monkeypatch.setattr(config, "GEOPARSE_APPROX_LISTED_IS_CUED", False)
    assert not [m for m in _parse(text, "en") if m.mention == "Ostrivka"]


def test_a_rare_name_before_a_feature_noun_is_a_place_without_the_noun(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Gunmen struck Sambir on Monday and fled into the Ostrivka forest with cattle."
    m = _only(_parse(text, "en"), "Ostrivka")
    assert "approximate" in m.why
    assert not _approximate(_parse("Gunmen fled from Sambir into the nearby forest.", "en"))
    monkeypatch.setattr(config, "GEOPARSE_APPROX_FEATURE_AFTER", False)
    assert not _approximate(_parse(text, "en"))


def test_a_capitalised_arabic_article_is_no_given_name_in_a_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Shelling hit Sambir overnight, and people were wounded in Ostrivka, Holubka "
        "and Al-Zorvanka."
    )
    assert "approximate" in _only(_parse(text, "en"), "Al-Zorvanka").why
    monkeypatch.setattr(config, "GEOPARSE_APPROX_CAPITAL_ARTICLE", False)
    assert not [m for m in _parse(text, "en") if m.mention == "Al-Zorvanka"]


@pytest.mark.parametrize(
    "text",
    [
        # frequent words, a month, a given name, a title
        "Talks in Sambir moved to Parliament on Monday.",
        "Fighting in Sambir resumed in March.",
        "Shelling hit Sambir, said a doctor from Marie Curie hospital.",
        # shapes that are no village's: an initial, capitals inside, an acronym, a digit
        "Shelling hit Sambir, and a convoy drove towards J. Ostrivka.",
        "Shelling hit Sambir; aid came from DeepRiver and NATO.",
        "Shelling hit Sambir, then moved from M07 to A14.",
        # English "of" is no cue: doses of a drug
        "In Sambir, doctors ran out of Zorvantil.",
        # named more often without a cue than with one: a club, not a place
        "Sambir drew with Zorvana. Zorvana scored first; Zorvana's coach praised Zorvana fans "
        "who travelled in Zorvana colours.",
    ],
)
def test_weak_cues_that_make_no_place(text: str) -> None:
    assert _approximate(_parse(text, "en")) == []


def test_a_weakly_cued_name_is_not_anchored_far_from_the_story() -> None:
    # the story is in the Lviv region; a town of another continent named once anchors nothing:
    # the name is placed at the document's focus instead
    text = (
        "Shelling hit Sambir and Turka. Sambir and Turka lost power. A delegation from Osaka "
        "then went to Ostrivka."
    )
    m = _only(_parse(text, "en"), "Ostrivka")
    assert m.place.country_code == "UA"
    assert any(k.startswith("anchor focus: Sambir") for k in m.why)


def test_a_weakly_cued_name_far_off_the_story_is_left_out_when_switched_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(config, "GEOPARSE_APPROX_FAR_TO_FOCUS", False)
    text = (
        "Shelling hit Sambir and Turka. Sambir and Turka lost power. A delegation from Osaka "
        "then went to Ostrivka."
    )
    assert _approximate(_parse(text, "en")) == []


def test_weak_cues_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "GEOPARSE_APPROX_WEAK", False)
    text = "Shelling hit Sambir on Monday, and families fled to Ostrivka and Holubivka."
    assert _approximate(_parse(text, "en")) == []


def test_arabic_list_after_a_plural_settlement_noun() -> None:
    text = "دخلت القوات قرى تلعيسوم وخربقاوة، وسرمدانة شمال تدمر."
    found = _approximate(_parse(text, "ar"))
    assert [m.mention for m in found] == ["تلعيسوم", "خربقاوة", "سرمدانة"]
    assert all(text[m.char_start : m.char_end] == m.mention for m in found)
    assert {m.place.country_code for m in found} == {"SY"}
    assert found[1].place.id.endswith(":خربقاوة")


def test_arabic_list_goes_on_after_a_known_name() -> None:
    text = "دخلت القوات بلدات تدمر وخربقاوة أمس."
    m = _only(_parse(text, "ar"), "خربقاوة")
    assert "approximate" in m.why
    assert m.place.country_code == "SY"


def test_arabic_district_noun_is_a_cue() -> None:
    text = "قصفت المدفعية ناحية خربقاوة شمال تدمر."
    m = _only(_parse(text, "ar"), "خربقاوة")
    assert m.precision == 2
    assert m.place.country_code == "SY"


def test_a_name_handed_over_uncued_is_placed_at_the_town_before_it() -> None:
    from geo.geoparse.approximate import approximate_mentions
    from geo.geoparse.filters import blocked, words_for

    parser = get_geoparser()
    text = "Shelling hit Sambir on Monday. Zoriany Yar burned by night."
    parsed = parser.parse_text(text, lang="en")
    w = words_for(("en",))
    toks = parsed.tokens
    out = blocked(text, toks, w, parser.index)
    a = next(k for k, key in enumerate(toks.keys) if key == "zoriany")
    without = approximate_mentions(text, toks, out, parsed.mentions, w)
    assert [m.mention for m in without] == ["Sambir"]
    found = approximate_mentions(text, toks, out, parsed.mentions, w, uncued=[(a, a + 1)])
    m = _only(found, "Zoriany Yar")
    assert m.place.id == "approx:gn:694864:zoriany yar"
    assert m.precision == config.GEOPARSE_APPROX_PRECISION_TOWN
    assert (m.place.latitude, m.place.longitude) == pytest.approx(SAMBIR, abs=0.002)


def test_a_slavic_adjective_in_zk_is_no_village_after_a_weak_cue() -> None:
    # "Ладозьке озеро": the adjective of a lake (-зьк-, like -ськ- and -цьк-)
    text = "У Полтаві сьогодні тихо. Рибалки з Полтави поїхали в Ладозьке озеро."
    assert _approximate(_parse(text, "uk")) == []


def test_unit_noun_after_rare_names_and_their_list() -> None:
    text = (
        "Gunmen attacked Kaduna on Monday. Youths from Kaduna, Mbarota and Kelvudi counties "
        "joined them. Elders from Zaria and neighbouring Sarunga district met."
    )
    found = {m.mention: m for m in _approximate(_parse(text, "en"))}
    assert sorted(found) == ["Kelvudi", "Mbarota", "Sarunga"]
    assert found["Sarunga"].precision == config.GEOPARSE_APPROX_PRECISION_REGION


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # a function word capitalised at the sentence's start is no word of the name
        ("In Sarunga district, youths protested.", ["Sarunga"]),
        ("The Sarunga district was calm.", ["Sarunga"]),
        # after an indefinite article, an adjective
        ("A Mbarota district official was killed.", []),
        ("An Ombelazi district court met.", []),
        # before the unit noun and an office's noun, a person's name
        ("The Mbarota LGA chairman condemned it.", []),
        ("Mbarota district officials said nothing.", []),
        ("Mbarota county commissioner Ann Ward spoke.", []),
    ],
)
def test_unit_noun_cue_takes_no_function_word_adjective_or_office_holder(
    second: str, expected: list[str]
) -> None:
    text = f"Gunmen attacked Kaduna on Monday. {second}"
    assert [m.mention for m in _approximate(_parse(text, "en"))] == expected


def test_residents_of_and_compass_cues_take_rare_names() -> None:
    text = (
        "Troops entered Kaduna on Monday. Residents of Tivokame and Ombelazi fled north of "
        "Kelvudi. A resident, Musa Tivokame, said the Himalayan region was calm."
    )
    found = [m.mention for m in _approximate(_parse(text, "en"))]
    assert found == ["Tivokame", "Ombelazi", "Kelvudi"]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru", "uk", "ar"])
def test_every_pack_lists_unit_nouns_said_after_adjectives(lang: str) -> None:
    assert get_pack(lang).words["not_unit_cues"]


def test_a_unit_noun_said_after_adjectives_is_no_cue_in_any_language() -> None:
    # "the Sahelian region", "the Gulf states": the word before is an adjective; the English
    # nouns read alike in a text of another language (the common pack's)
    for text, lang in [
        ("Gunmen attacked Kaduna on Monday. The Mbarota region was calm.", "en"),
        ("Des hommes armés ont attaqué Kaduna lundi, dans la Mbarota region.", "fr"),
    ]:
        assert _approximate(_parse(text, lang)) == []
    text = "Gunmen attacked Kaduna on Monday. The Mbarota district was calm."
    assert [m.mention for m in _approximate(_parse(text, "en"))] == ["Mbarota"]


def test_residents_of_an_organisation_named_elsewhere_is_no_place() -> None:
    # an aid agency's name after "residents of", written as the subject everywhere else,
    # is an organisation; a village named again with a cue stays a place
    text = (
        "Relieforce said on Monday that food ran short in Kaduna. Relieforce staff handed out "
        "rice, residents of Relieforce told reporters, and Relieforce asked for more."
    )
    assert _approximate(_parse(text, "en")) == []
    text = (
        "Gunmen attacked Kaduna on Monday. Residents of Tivokame fled, and families from "
        "Tivokame reached Zaria. Tivokame was calm later."
    )
    found = [m.mention for m in _approximate(_parse(text, "en"))]
    assert found == ["Tivokame", "Tivokame", "Tivokame"]


def test_arabic_names_listed_after_a_known_town_are_approximate() -> None:
    # made-up villages listed with a glued و after towns the gazetteer has
    text = "قصفت المدفعية مدينة حرض وقرزالوت، ونزحت الأسر من حرض وقرزالوت نحو عبس."
    m = [x for x in _parse(text, "ar") if x.mention == "قرزالوت"]
    assert m and all("approximate" in x.why and x.place.country_code == "YE" for x in m)
    # a verb or a frequent word glued to و after a town is no name
    text = "سيطرت القوات على حرض وريفها ويعتدون على المزارعين."
    assert [x.mention for x in _parse(text, "ar")] == ["حرض"]


def test_a_village_noun_keeps_a_far_namesake_out() -> None:
    # "Tori" is an alternate name of Turin: after "le village de", among Malian towns, it is
    # a village the gazetteer lacks, placed near the towns of the story
    text = (
        "Des hommes armés ont attaqué le village de Tori, près de Bankass, dans le cercle "
        "de Bandiagara. Les habitants ont fui vers Mopti et Bankass."
    )
    m = _only(_parse(text, "fr"), "Tori")
    assert m.place.country_code == "ML"
    assert "approximate" in m.why


def test_no_anchor_at_a_namesake_far_off_the_story() -> None:
    # a Kenyan story: "Tura" is read as the Indian town (far, off the focus); the made-up
    # village after it is placed after the last Kenyan town, not in India
    text = (
        "Bandits attacked Isiolo on Monday. Police in Isiolo said the gunmen fled toward "
        "Marsabit. Residents of Isiolo and Meru fled. Later the group moved to Tura and then "
        "to the village of Dabaso Hulle, officials said."
    )
    m = _only(_parse(text, "en"), "Dabaso Hulle")
    assert m.place.country_code == "KE"
    assert not any(k.startswith("anchor preceding: Tura") for k in m.why)


def test_no_anchor_at_a_town_far_from_the_story_centre() -> None:
    # a story of Isiolo county: Lodwar (some 400 km off) is named for an official's trip; the
    # made-up village after it is placed after the last town near the story, not at Lodwar
    text = (
        "Bandits attacked Isiolo on Monday. Police in Isiolo said the gunmen fled toward "
        "Marsabit. Residents of Isiolo and Meru fled. An official who had flown in from Lodwar "
        "said homes were burnt in the village of Dabaso Hulle."
    )
    m = _only(_parse(text, "en"), "Dabaso Hulle")
    assert m.place.country_code == "KE"
    assert not any(k.startswith("anchor preceding: Lodwar") for k in m.why)


def test_arabic_feature_names_keep_their_noun_and_are_placed_near() -> None:
    # invented: a valley and a mountain the gazetteer lacks, near a town it has
    text = "اشتبكت القوات قرب مدينة الرقة في وادي الزهيرات ثم انسحبت إلى جبل الحمامات."
    found = {m.mention: m for m in get_geoparser().parse(text, lang="ar")}
    assert "وادي الزهيرات" in found and "جبل الحمامات" in found
    assert found["وادي الزهيرات"].place.id.startswith("approx:")
    raqqa = found["الرقة"].place
    assert found["جبل الحمامات"].place.latitude == raqqa.latitude


def test_arabic_feature_nouns_before_common_words_are_no_names() -> None:
    # "سلسلة غارات" (a series of raids), "نهر كبير" (a big river): no names
    text = "شنت الطائرات سلسلة غارات على مدينة الرقة قرب نهر كبير."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["الرقة"]


def test_arabic_village_names_that_begin_with_a_particle_or_a_noun_are_whole() -> None:
    # invented: "قرى أبو X وأبو Y" and "مخيم عين X", names the gazetteer lacks
    text = "نزحت عائلات من قرى أبو زرنيخة وود زرنيخة ومن مخيم عين الطرطوشة قرب مدينة الرقة."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["أبو زرنيخة", "ود زرنيخة", "عين الطرطوشة", "الرقة"]


def test_arabic_word_with_the_article_after_a_settlement_noun_may_be_common() -> None:
    # invented: "قرية البرتقال" (the orange village) is a name; "قرية صغيرة" (a small
    # village) and "مخيمات النزوح" (displacement camps) are not
    text = "سقطت قذائف على قرية البرتقال وعلى قرية صغيرة ومخيمات النزوح قرب مدينة الرقة."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["البرتقال", "الرقة"]


def test_arabic_name_after_a_facility_noun_is_a_place() -> None:
    # invented: "معبر X" (the crossing of X) and "حقل X" (the oil field of X)
    text = "أغلقت السلطات معبر زرنيخة قرب مدينة الرقة بعد قصف حقل طرطوشة."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["زرنيخة", "الرقة", "طرطوشة"]


def test_rare_arabic_words_after_a_preposition_of_place_are_weakly_cued_names() -> None:
    # invented: "نحو X وY" (towards X and Y) with rare words the gazetteer lacks, near a
    # town of the story; "في المنطقتين" (in the two areas) is a dual, no name
    text = "تقدمت القوات من مدينة الرقة نحو زرنيخة وطرطوشة، وتستمر الاشتباكات في المنطقتين."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["الرقة", "زرنيخة", "طرطوشة"]


def test_arabic_name_of_two_words_after_a_settlement_noun() -> None:
    # invented: "بلدة X الـY", the second word with the article; not a participle
    text = "قتل مسلحون قياديا في بلدة زرنيخة القرطوش قرب مدينة الرقة."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["زرنيخة القرطوش", "الرقة"]
    text = "قتل مسلحون قياديا في بلدة زرنيخة المحاصرة قرب مدينة الرقة."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["زرنيخة", "الرقة"]


def test_arabic_list_after_a_singular_settlement_noun_goes_on_with_rare_words() -> None:
    # invented: "بلدة X وY" and "بلدة X وريفها" (and its countryside: no name)
    text = "قصفت المدفعية بلدة زرنيخة وطرطوشة قرب مدينة الرقة."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["زرنيخة", "طرطوشة", "الرقة"]
    text = "قصفت المدفعية بلدة زرنيخة وريفها قرب مدينة الرقة."
    found = [m.mention for m in get_geoparser().parse(text, lang="ar")]
    assert found == ["زرنيخة", "الرقة"]


def test_an_occurrence_the_resolver_left_is_the_place_of_its_name_elsewhere() -> None:
    from geo.geoparse import words_for
    from geo.geoparse.approximate import approximate_mentions
    from geo.geoparse.filters import blocked
    from geo.geoparse.tokenize import tokenize
    from geo.lang import LANGUAGES

    text = (
        "Drones struck Lviv overnight. Shelling hit Sambir on Monday. "
        "Residents of Sambir said the market was shut."
    )
    parser = get_geoparser()
    w0 = words_for(LANGUAGES)
    toks = tokenize(
        text,
        0,
        None,
        elisions=w0["elisions"],
        abbreviations=w0["abbreviations"],
        connectors=w0["connectors"],
    )
    toks.sentence_lang = ["en"] * len(toks)
    w = words_for(("en",))
    mentions = parser.parse(text, lang="en")
    sambir = [m for m in mentions if m.mention == "Sambir"]
    assert len(sambir) == 2 and sambir[0].place.id == sambir[1].place.id
    # the resolver has left the first occurrence to the approximate stage (a name it found
    # in one sentence only): it is the place the name has in the rest of the document, not
    # an approximate place at the town named before it
    first = toks.starts.index(sambir[0].char_start)
    out = approximate_mentions(
        text,
        toks,
        blocked(text, toks, w, parser.index),
        [m for m in mentions if m is not sambir[0]],
        w,
        uncued=[(first, first)],
    )
    found = _only([m for m in out if m.char_start == sambir[0].char_start], "Sambir")
    assert found.place.id == sambir[0].place.id
    assert found.why["same_name"] == 1.0 and "approximate" not in found.why


def test_spanish_feature_names_keep_their_noun_and_are_placed_near() -> None:
    # invented: a river and a range the gazetteer lacks, near a town it has
    text = (
        "Los desplazados salieron de Tumaco por el río Quelambí y llegaron a la serranía de "
        "Los Guatacos."
    )
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert "río Quelambí" in found and "serranía de Los Guatacos" in found
    assert found["río Quelambí"].place.id.startswith("approx:")
    tumaco = found["Tumaco"].place
    assert found["serranía de Los Guatacos"].place.latitude == tumaco.latitude


def test_spanish_feature_noun_before_a_lower_case_word_is_no_name() -> None:
    text = "Los desplazados salieron de Tumaco por el río y llegaron a la sierra cercana."
    assert [m.mention for m in _parse(text, lang="es")] == ["Tumaco"]


def test_spanish_village_in_the_countryside_of_a_town_after_it() -> None:
    # invented village; "en zona rural de Y": the town after it anchors it
    text = "Hombres armados atacaron la vereda Los Quingos, en zona rural de Tumaco."
    found = {m.mention: m for m in _parse(text, lang="es")}
    village = found["Los Quingos"]
    assert village.precision == config.GEOPARSE_APPROX_PRECISION_TOWN == 2
    assert village.place.latitude == found["Tumaco"].place.latitude
    assert dict(village.why)["approximate"] == 2.0


def test_a_cued_name_with_no_town_before_it_takes_the_town_after_it() -> None:
    text = "En el caserío Las Quimbas hubo combates, informó la alcaldía de Tumaco."
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert found["Las Quimbas"].place.id == f"approx:{found['Tumaco'].place.id}:las quimbas"


def test_spanish_name_of_common_words_after_a_settlement_noun() -> None:
    text = "Los combates se dieron en el corregimiento de Puerto Nuevo, del municipio de Tibú."
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert found["Puerto Nuevo"].place.id == f"approx:{found['Tibú'].place.id}:puerto nuevo"


@pytest.mark.parametrize(
    "text",
    [
        # a common word alone, an adjective, a name that does not begin as places do
        "La comunidad Internacional condenó el ataque en Tumaco.",
        "Hubo combates en la vereda Centro y en Tumaco.",
        "Hubo combates en el caserío Gran Ejército y en Tumaco.",
    ],
)
def test_spanish_common_words_after_a_settlement_noun_that_are_no_names(text: str) -> None:
    assert [m.mention for m in _parse(text, lang="es")] == ["Tumaco"]


def test_spanish_names_with_de_after_a_settlement_noun_and_their_list() -> None:
    text = (
        "Los combates en Tumaco se extendieron a las rancherías de Mesa de San Quirino, El "
        "Tulito y Santa Quelita."
    )
    found = [m.mention for m in _approximate(_parse(text, lang="es"))]
    assert found == ["Mesa de San Quirino", "El Tulito", "Santa Quelita"]
    # "X de Y", Y a known town: X alone is the village
    text = "Hubo combates en la vereda Los Quingos de Tumaco."
    assert [m.mention for m in _approximate(_parse(text, lang="es"))] == ["Los Quingos"]


def test_a_list_after_a_settlement_noun_goes_on_after_a_known_town() -> None:
    text = "Quedaron incomunicadas las comunidades de Tumaco, Nansalqui y La Lomita."
    found = [m.mention for m in _approximate(_parse(text, lang="es"))]
    assert found == ["Nansalqui", "La Lomita"]


def test_a_name_before_a_comma_and_a_first_level_region_is_a_town_of_it() -> None:
    text = "Hubo combates en Quelambitla, Gro., y en San Quelito, Guerrero, dijo la fiscalía."
    found = {m.mention: m for m in _approximate(_parse(text, lang="es"))}
    assert set(found) == {"Quelambitla", "San Quelito"}
    assert found["San Quelito"].precision == config.GEOPARSE_APPROX_PRECISION_REGION
    assert found["San Quelito"].place.country_code == "MX"


def test_a_dateline_town_in_capitals_before_its_region() -> None:
    text = "SAN QUELAMBÍ, Cauca (EFE). Un ataque con drones dejó dos heridos."
    found = [m.mention for m in _approximate(_parse(text, lang="es"))]
    assert found == ["SAN QUELAMBÍ"]
    # a heading of frequent words, a region that goes on the sentence: no town
    assert not _approximate(_parse("ÚLTIMA HORA, Cauca. Un ataque dejó heridos.", lang="es"))
    assert not _approximate(_parse("Según Quelambí, Cauca es peligroso.", lang="es"))


def test_spanish_names_listed_after_a_plural_feature_noun_leave_it_out() -> None:
    text = (
        "La minería ilegal cerca de Tumaco y de Barbacoas contamina los ríos Quelambí y Tapajito."
    )
    found = [m.mention for m in _approximate(_parse(text, lang="es"))]
    assert found == ["Quelambí", "Tapajito"]


def test_spanish_comunidad_is_a_cue_before_de_only() -> None:
    text = "La comunidad de Puerto Quelito y la comunidad Wayuu de Tumaco pidieron ayuda."
    assert [m.mention for m in _approximate(_parse(text, lang="es"))] == ["Puerto Quelito"]


def test_the_towns_of_a_road_named_by_its_ends_are_places() -> None:
    # after a road's noun, the hyphenated words are the road's towns: the known one stays
    # a place, the one the gazetteer lacks is placed approximately
    text = "Des miliciens ont attaqué un car sur l'axe Basoko-Zabolo, dans la Tshopo, en RD Congo."
    mentions = _parse(text, lang="fr")
    assert [m.mention for m in mentions][:2] == ["Basoko", "Zabolo"]
    assert [m.mention for m in _approximate(mentions)] == ["Zabolo"]
    dashed = "Des miliciens ont attaqué un car sur l'axe Basoko–Zabolo, dans la Tshopo."
    assert "Zabolo" in [m.mention for m in _approximate(_parse(dashed, lang="fr"))]


#: A made-up story in Baja California (Mexico): four of its towns, then a hamlet.
_STORY = (
    "La Fiscalía alertó sobre balaceras en Ensenada, Tecate, Mexicali y Rosarito, "
    "en Baja California. En Tecate, {}"
)


def test_spanish_communities_named_like_a_far_department_are_hamlets_of_the_story() -> None:
    # "las comunidades de Campeche": hamlets of Tecate, not the state 3,000 km away
    text = _STORY.format("las comunidades de Campeche y Pueblo Viejo quedaron aisladas.")
    found = {m.mention: m for m in _parse(text, lang="es")}
    tecate = found["Tecate"].place
    assert found["Campeche"].place.id == f"approx:{tecate.id}:campeche"
    assert found["Campeche"].place.latitude == tecate.latitude


def test_spanish_cue_off_leaves_a_far_department_after_a_settlement_noun(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(config, "GEOPARSE_CUED_OFF_CENTRE", False)
    text = _STORY.format("las comunidades de Campeche y Pueblo Viejo quedaron aisladas.")
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert "approximate" not in found["Campeche"].why
    assert found["Campeche"].place.longitude > -95.0  # (the state or its town, far east)


def test_spanish_hamlet_on_a_river_named_like_a_department_takes_the_town() -> None:
    # "sobre el río Meta": the river, not the department, is named after the hamlet
    text = (
        "Hubo disparos en Puerto Carreño, Vichada. Las familias de la vereda Las Brisas Altas, "
        "sobre el río Meta, huyeron a Puerto Carreño."
    )
    found = {m.mention: m for m in _parse(text, lang="es")}
    hamlet = found["Las Brisas Altas"]
    assert hamlet.place.id == f"approx:{found['Puerto Carreño'].place.id}:las brisas altas"
    assert hamlet.precision == config.GEOPARSE_APPROX_PRECISION_TOWN


@pytest.mark.parametrize("cued", [True, False])
def test_spanish_community_named_like_a_far_village_is_a_hamlet_of_the_story(
    cued: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "la comunidad de X" (a noun before "de") and the names of a list after a plural noun,
    # taken by a namesake 1,500 km away, are hamlets of the town named before them
    monkeypatch.setattr(config, "GEOPARSE_CUED_OFF_CENTRE", cued)
    text = (
        "Hubo balaceras en Tecate y Rosarito. En Tecate, unas 40 familias abandonaron {} y "
        "buscaron refugio en Rosarito."
    )
    hamlets_written = ["la comunidad de La Ventana"]
    if cued:
        hamlets_written.append("las comunidades de Las Tunas y La Ventana")
    for hamlets in hamlets_written:
        found = {m.mention: m for m in _parse(text.format(hamlets), lang="es")}
        tecate = found["Tecate"].place
        ventana = found["La Ventana"]
        assert (ventana.place.id == f"approx:{tecate.id}:la ventana") is cued
        assert (abs(ventana.place.latitude - tecate.latitude) < 0.01) is cued


def test_spanish_country_name_described_as_a_community_is_a_hamlet() -> None:
    text = "Los líderes de Bolivia, una comunidad del municipio de Tumaco, denunciaron amenazas."
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert found["Bolivia"].place.id == f"approx:{found['Tumaco'].place.id}:bolivia"
    # a country described as one is the country
    text = "Los líderes de Bolivia, un país vecino, denunciaron amenazas en Tumaco."
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert found["Bolivia"].place.kind == "country"


def test_spanish_name_with_a_inside_is_one_name() -> None:
    # "a" joins the words of a name as "de" and "y" do (Gracias a Dios, Honduras)
    found = _parse("Llegaron al departamento de Gracias a Dios, en Honduras.", lang="es")
    assert [m.mention for m in found] == ["Gracias a Dios", "Honduras"]
    assert found[0].place.country_code == "HN"
    # "de X a Y": two places
    found = _parse("Viajaron de Comayagua a Choluteca.", lang="es")
    assert [m.mention for m in found] == ["Comayagua", "Choluteca"]


def test_spanish_hamlet_after_a_river_named_like_a_department_takes_the_town() -> None:
    # "por el río Meta ... la vereda X": the river before it is no unit either
    text = (
        "Hubo disparos en Puerto Carreño, Vichada. Los combates siguieron por el río Meta y "
        "llegaron a la vereda Las Brisas Altas."
    )
    found = {m.mention: m for m in _parse(text, lang="es")}
    hamlet = found["Las Brisas Altas"]
    assert hamlet.place.id == f"approx:{found['Puerto Carreño'].place.id}:las brisas altas"


@pytest.mark.parametrize(
    ("written", "hamlet"),
    [
        ("Pampa Quemada, una comunidad del municipio de Tumaco", "Pampa Quemada"),
        ("El Plan de los Pinos, comunidad de Tumaco", "El Plan de los Pinos"),
    ],
)
def test_spanish_name_before_an_apposed_community_noun(written: str, hamlet: str) -> None:
    # "X, (una) comunidad de Y": X is a hamlet, whole with the links inside its name
    found = {m.mention: m for m in _parse(f"Hubo enfrentamientos en {written}.", lang="es")}
    tumaco = found["Tumaco"].place
    assert found[hamlet].place.id == f"approx:{tumaco.id}:{hamlet.lower()}"
    assert found[hamlet].precision == config.GEOPARSE_APPROX_PRECISION_TOWN


def test_spanish_community_noun_before_a_headed_name_without_de() -> None:
    # "la comunidad Paso X": a name that begins as place names do; not "la comunidad
    # Internacional"
    text = "Hubo un ataque cerca de la comunidad Paso Hondo, en Tumaco."
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert found["Paso Hondo"].place.id == f"approx:{found['Tumaco'].place.id}:paso hondo"
    text = "La comunidad Internacional condenó el ataque en Tumaco."
    assert [m.mention for m in _parse(text, lang="es")] == ["Tumaco"]


def test_spanish_desert_named_after_a_place_takes_the_noun_into_its_span() -> None:
    # "la bahía de X": the bay's name; "la sierra de X" stays X (either way in press)
    found = _parse("Los pescadores salen de la bahía de Ensenada hacia Rosarito.", lang="es")
    assert [m.mention for m in found] == ["bahía de Ensenada", "Rosarito"]
    assert found[0].place.country_code == "MX"
    found = _parse("Hubo combates en la sierra de Tecate.", lang="es")
    assert [m.mention for m in found] == ["Tecate"]


def test_english_village_in_the_region_its_sentence_names_keeps_its_place() -> None:
    # far from the story's towns, but its sentence names the region that holds it
    text = (
        "Russian drones struck Haisyn, Bershad and Illintsi on Monday, and Haisyn was hit "
        "again at night. Separately, shelling killed a man in the village of Zachepylivka "
        "in the Kharkiv region."
    )
    found = {m.mention: m for m in _parse(text, lang="en")}
    assert "approximate" not in found["Zachepylivka"].why
    assert found["Zachepylivka"].place.id.startswith("gn:")


def test_river_named_with_a_town_takes_the_town_stretch() -> None:
    # the Niger's one point lies in Mali: a story in Niamey is about the stretch there
    found = {
        m.mention: m
        for m in _parse("Des pirogues ont chaviré sur le fleuve Niger à Niamey.", lang="fr")
    }
    river, town = found["fleuve Niger"].place, found["Niamey"].place
    assert river.feature == "river"
    assert (river.latitude, river.longitude) == (town.latitude, town.longitude)
    assert found["fleuve Niger"].precision == config.GEOPARSE_APPROX_PRECISION_TOWN
    # a town near the river's own point leaves it there
    found = {
        m.mention: m for m in _parse("Des tirs ont visé les rives du Dniepr à Kherson.", lang="fr")
    }
    assert found["Dniepr"].place.id == "geo:river-dnieper"


def test_town_of_a_third_country_anchors_no_river() -> None:
    # invented: a Moldovan story; the sentence naming the river names a Romanian city only
    # for officials there, so the river takes the last Moldovan town before it
    text = (
        "Fighting was reported in Soroca and Drochia on Sunday. In Bălți, the police closed "
        "the market. Officials in Iași said barges on the Dniester River were stopped."
    )
    found = {m.mention: m for m in _parse(text, lang="en")}
    river, balti = found["Dniester River"].place, found["Bălți"].place
    assert river.feature == "river"
    assert river.id == f"geo:river-dniester@{balti.id}"
    assert (river.latitude, river.longitude) == (balti.latitude, balti.longitude)
    # the Romanian city is the story's own: it anchors the river
    text = "Officials in Iași said barges on the Dniester River were stopped."
    found = {m.mention: m for m in _parse(text, lang="en")}
    assert found["Dniester River"].place.id == f"geo:river-dniester@{found['Iași'].place.id}"


@pytest.mark.parametrize(
    "noun", ["el municipio de", "la parroquia", "el distrito de", "la zona de"]
)
def test_spanish_municipality_noun_makes_a_name_a_place(noun: str) -> None:
    # a municipality or parish the gazetteer lacks, named with its noun, beside a known town
    text = f"Hubo combates en Tumaco y luego en {noun} Villa Esmeraldina."
    found = {m.mention: m for m in _parse(text, lang="es")}
    tumaco = found["Tumaco"].place
    assert found["Villa Esmeraldina"].place.id == f"approx:{tumaco.id}:villa esmeraldina"


def test_name_anchored_at_a_unit_takes_the_units_town_of_its_paragraph() -> None:
    # the village is near the towns its paragraph tells of, not at the oblast's centre
    text = (
        "Shelling hit the village of Brovarnytsia-Druha, Kharkiv region, on Monday. Drones "
        "also struck Kupiansk and Izium."
    )
    found = {m.mention: m for m in _parse(text, lang="en")}
    village = found["Brovarnytsia-Druha"]
    assert village.place.id == f"approx:{found['Kupiansk'].place.id}:brovarnytsia druha"
    assert village.precision == config.GEOPARSE_APPROX_PRECISION_REGION
    # no town of the unit in its paragraph: the unit's centre
    found = {m.mention: m for m in _parse(text.replace(" Drones", "\n\nDrones"), lang="en")}
    village = found["Brovarnytsia-Druha"]
    assert village.place.id == f"approx:{found['Kharkiv'].place.id}:brovarnytsia druha"


def test_spanish_article_headed_name_after_a_weak_cue_is_a_place() -> None:
    # "hacia El X": the capitalised article makes a proper name of a frequent word
    text = "Los combates comenzaron en Tumaco y se extendieron hacia El Tesoro."
    found = {m.mention: m for m in _parse(text, lang="es")}
    assert found["El Tesoro"].place.id == f"approx:{found['Tumaco'].place.id}:el tesoro"
    # a plural ("Los Xs") names a group of people as often: left alone
    text = "Los combates comenzaron en Tumaco y se extendieron hacia Los Tesoros."
    assert [m.mention for m in _parse(text, lang="es")] == ["Tumaco"]


def test_town_far_from_the_story_anchors_no_village() -> None:
    # the town written with the village lies hundreds of km from every other place of the
    # story (mostly a namesake read for a local name): the story's focus places it
    text = (
        "Los combates en Tumaco dejaron dos muertos. En Tumaco hubo heridos. "
        "Los disparos llegaron a la vereda Loma del Cedro, Sevilla."
    )
    found = {m.mention: m for m in _parse(text, lang="es")}
    sevilla, tumaco = found["Sevilla"].place, found["Tumaco"].place
    assert (
        haversine_km(sevilla.latitude, sevilla.longitude, tumaco.latitude, tumaco.longitude)
        > config.GEOPARSE_APPROX_ANCHOR_FAR_KM
    )
    assert found["Loma del Cedro"].place.id == f"approx:{tumaco.id}:loma del cedro"


def test_cued_name_written_with_single_letters_is_the_town_spelt_double() -> None:
    # the gazetteer writes the town with two doubled vowels; the cue makes the name a place,
    # and the town of that spelling lies in the story's country, near its other town
    text = "Clan militias in Balanbale said raiders had struck the village of Celbur."
    m = _only(_parse(text, lang="en"), "Celbur")
    assert (m.place.id, m.place.name, m.precision) == ("gn:62821", "Ceelbuur", 1)
    assert dict(m.why) == {"spelling_of_cued_name": 1.0}


def test_cued_name_respelt_keeps_its_anchor_when_the_town_lies_far_from_it() -> None:
    # a unit written beside the name ties it to its anchor: a town of the other spelling
    # farther than GEOPARSE_APPROX_MAX_OFFSET_KM from it is not the place
    text = "Raiders struck the village of Celbur, 10 km north of Cabudwaaq, on Sunday."
    m = _only(_parse(text, lang="en"), "Celbur")
    assert m.place.id.startswith("approx:") and m.precision == 2


def test_doubled_spellings_of_a_name() -> None:
    from geo.geoparse.approximate import _doubled_spellings

    found = _doubled_spellings("celbur")
    assert "ceelbuur" in found and "celbur" not in found
    assert _doubled_spellings("buulo")[0] == "bulo"
    assert _doubled_spellings("харків") == []


def test_cued_name_the_resolver_turned_down_is_its_town_near_the_anchor() -> None:
    import dataclasses

    from geo.geoparse.approximate import respelled_approximations
    from geo.geoparse.candidates import Index

    (sure,) = _parse("Clan militias in Balanbale said they drove the raiders off.", lang="en")
    at_anchor = dataclasses.replace(
        sure.place, id=f"approx:{sure.place.id}:cabudwaaq", name="Cabudwaaq", population=0
    )
    why = {"approximate": 2.0, f"anchor near: Balanbale ({sure.place.id})": 0.0}
    cued = dataclasses.replace(sure, mention="Cabudwaaq", place=at_anchor, precision=2, why=why)
    out = respelled_approximations([sure, cued], Index.default())
    # the gazetteer's Cabudwaaq lies within GEOPARSE_APPROX_KNOWN_KM of the anchor, in Somalia
    assert (out[1].place.id, out[1].place.name, out[1].precision) == ("gn:63400", "Cabudwaaq", 1)
    assert dict(out[1].why) == {"town_of_cued_name": 1.0}
    # no town of the story's countries near the anchor: the point at the anchor stays
    far = dataclasses.replace(
        cued, place=dataclasses.replace(at_anchor, latitude=2.0, longitude=45.3)
    )
    assert respelled_approximations([sure, far], Index.default())[1] == far


def test_cued_inflected_name_is_the_town_its_written_form_transliterates() -> None:
    # "Гванду" read as a form of "Гванда" (a Zimbabwean town): the word as written,
    # transliterated, is the Nigerian town near the anchor
    text = (
        "Армия Нигерии обстреляла окрестности города Калго. В воскресенье у города Гванду "
        "дрон ударил по складу."
    )
    m = _only(_parse(text, lang="ru"), "Гванду")
    assert (m.place.id, m.place.name, m.precision) == ("gn:2339811", "Gwandu", 1)
    assert dict(m.why) == {"town_of_cued_name": 1.0}
