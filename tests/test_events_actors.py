"""Tests of geo.events.actors: the lexicon's names in several languages and agency past a
group's members (sentences written for these tests)."""

from __future__ import annotations

import pytest

import geo
from geo.events.actors import find_actors
from geo.events.rules import get_rules


@pytest.mark.parametrize(
    ("lang", "sentence", "name"),
    [
        (
            "en",
            "Five soldiers were killed by militants of the Islamic State West Africa Province.",
            "Islamic State West Africa Province",
        ),
        (
            "fr",
            "Six civils ont été tués par des combattants de l'État islamique au Sahel.",
            "Islamic State Sahel Province",
        ),
        ("ar", "قتل خمسة مدنيين على يد مسلحي حركة الشباب.", "Al Shabaab"),
        (
            "es",
            "Tres campesinos fueron asesinados por integrantes del Clan del Golfo.",
            "Clan del Golfo",
        ),
    ],
)
def test_agency_reaches_past_the_groups_members(lang: str, sentence: str, name: str) -> None:
    found = [(a.actor.name, a.agent) for a in find_actors(sentence, rules=get_rules((lang,)))]
    assert (name, True) in found


@pytest.mark.parametrize(
    ("lang", "sentence", "name"),
    [
        ("es", "El CJNG atacó a la policía.", "Jalisco New Generation Cartel"),
        ("es", "Lanzaron el ataque disidencias de las Farc.", "FARC Dissidents"),
        # a group's acronym in Latin capitals, in a text of another script
        ("ru", "Ответственность взяла на себя группировка (JNIM).", "JNIM"),
        ("uk", "Відповідальність за напад взяло на себе угруповання M23.", "M23"),
        ("ru", "Нападение совершила группировка «Джамаат нусрат аль-ислам валь-муслимин».", "JNIM"),
        # Russia's groupings of forces, by the names its defence ministry gives them
        ("ru", "Подразделения группировки войск «Запад» заняли село.", "Military Forces of Russia"),
        ("uk", "Угруповання військ «Центр» атакувало позиції.", "Military Forces of Russia"),
        # fighter jets (مقاتلات) of a state, as its aircraft (طائرات)
        (
            "ar",
            "شنت مقاتلات أمريكية ثلاث غارات على المدينة.",
            "Military Forces of the United States",
        ),
    ],
)
def test_groups_and_their_names_in_each_language(lang: str, sentence: str, name: str) -> None:
    assert name in [a.actor.name for a in find_actors(sentence, rules=get_rules((lang,)))]


@pytest.mark.parametrize(
    "sentence",
    [
        # the accuser may be several words long, and "and" glued before the verb
        "واتهمت حكومة ولاية شمال دارفور قوات الدعم السريع بتنفيذ القصف.",
        "واتهمت السلطات المحلية قوات الدعم السريع بتنفيذ الهجوم.",
        "اتهم الجيش قوات الدعم السريع بقصف السوق.",
        # held responsible, launched by, waged by, an attack of (the article glued: للدعم)
        "وحمّلت الحكومة قوات الدعم السريع مسؤولية القصف.",
        "ضربت مسيّرات أطلقتها قوات الدعم السريع سوق المدينة.",
        "قتل خمسة مدنيين في قصف مدفعي شنته قوات الدعم السريع على أحياء المدينة.",
        "وجاء ذلك بعد هجوم للدعم السريع على بلدة صغيرة.",
    ],
)
def test_the_accused_group_is_the_agent_in_arabic(sentence: str) -> None:
    found = [
        (a.actor.name, a.agent)
        for a in find_actors(sentence, rules=get_rules(("ar",)), country="SD")
    ]
    assert ("Rapid Support Forces", True) in found
    assert ("Military Forces of Sudan", True) not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Cuatro personas murieron en un ataque armado contra un bar de Tumaco.",
        "Un comando armado irrumpió en una fiesta en Tlaquepaque.",
        "Los agresores huyeron en una motocicleta.",
    ],
)
def test_an_armed_attack_names_unidentified_gunmen_in_spanish(sentence: str) -> None:
    found = [a.actor.name for a in find_actors(sentence, rules=get_rules(("es",)))]
    assert "Unidentified Armed Group" in found


@pytest.mark.parametrize(
    ("lang", "sentence", "country", "actor1", "target"),
    [
        # a group named as what was struck is the side attacked, never the one who acted
        (
            "en",
            "Nigerian warplanes carried out airstrikes on positions of Boko Haram.",
            "NG",
            "Military Forces of Nigeria",
            "Boko Haram",
        ),
        (
            "fr",
            "L'armée malienne a conduit des frappes aériennes contre des bases du JNIM.",
            "ML",
            "Military Forces of Mali",
            "JNIM",
        ),
        # the army's aircraft with a verb after them ("طيران الجيش شن"), a group glued to
        # its preposition after the target noun ("على مقرات للدعم السريع")
        (
            "ar",
            "وذكر مواطنون أن طيران الجيش شن ضربات على مقرات للدعم السريع.",
            "SD",
            "Military Forces of Sudan",
            "Rapid Support Forces",
        ),
        # an aircraft's model between the noun and the demonym
        (
            "ar",
            'شنت طائرات L-159 العراقية غارات جوية على مخابئ لـ"داعش".',
            "IQ",
            "Military Forces of Iraq",
            "Islamic State",
        ),
    ],
)
def test_a_group_named_as_the_target_is_attacked(
    lang: str, sentence: str, country: str, actor1: str, target: str
) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)), country=country)
    assert [a.actor.name for a in found if a.victim] == [target]
    assert actor1 in [a.actor.name for a in found if a.agent and not a.victim]


_RU, _UA, _SY = (
    "Military Forces of Russia",
    "Military Forces of Ukraine",
    "Military Forces of Syria",
)


@pytest.mark.parametrize(
    ("lang", "country", "sentence", "expected"),
    [
        # a state's forces after a word of what is struck are the side attacked
        (
            "ru",
            "UA",
            "Российские войска нанесли удар по позициям ВСУ под Харьковом.",
            [(_RU, True, False), (_UA, False, True)],
        ),
        (
            "ru",
            "UA",
            "Российская армия атаковала украинские позиции под Харьковом.",
            [(_RU, True, False), (_UA, False, True)],
        ),
        (
            "uk",
            "UA",
            "Росіяни продовжують обстріл позицій ЗСУ біля Харкова.",
            [(_RU, True, False), (_UA, False, True)],
        ),
        (
            "uk",
            "UA",
            "ЗСУ вдарили по російських позиціях біля Харкова.",
            [(_UA, True, False), (_RU, False, True)],
        ),
        (
            "en",
            "UA",
            "Russian forces struck Ukrainian positions near Kharkiv with drones.",
            [(_RU, True, False), (_UA, False, True)],
        ),
        (
            "en",
            "UA",
            "Russian troops shelled positions of the Ukrainian army near Kharkiv.",
            [(_RU, True, False), (_UA, False, True)],
        ),
        (
            "fr",
            "UA",
            "Les forces russes ont frappé des positions ukrainiennes près de Kharkiv.",
            [(_RU, True, False), (_UA, False, True)],
        ),
        (
            "es",
            "UA",
            "Las tropas rusas bombardearon posiciones del ejército ucraniano.",
            [(_RU, True, False), (_UA, False, True)],
        ),
        (
            "ar",
            "SY",
            "شنت الطائرات الروسية غارات على مواقع الجيش السوري في ريف حلب.",
            [(_RU, True, False), (_SY, False, True)],
        ),
        # fire from positions: the forces fired
        (
            "ar",
            "SY",
            "قصف الجيش السوري من مواقعه بلدة في ريف حلب.",
            [(_SY, True, False)],
        ),
        (
            "ru",
            "UA",
            "Российская армия обстреляла Харьков с позиций под Белгородом.",
            [(_RU, True, False)],
        ),
    ],
)
def test_state_forces_after_a_target_word_are_the_side_attacked(
    lang: str, country: str, sentence: str, expected: list[tuple[str, bool, bool]]
) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)), country=country)
    assert [(a.actor.name, a.agent, a.victim) for a in found] == expected


def test_a_strike_on_positions_names_their_forces_actor2() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2025-03-10\nВ воскресенье российская армия нанесла удар по позициям ВСУ под "
        "Купянском."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["actor1"], r["actor2"]) for r in rows] == [("Kupyansk", _RU, _UA)]


def _actors(text: str) -> list[tuple[str, object, object]]:
    frame = geo.extract_events(text)
    rows = frame[frame["event_type"] != "Mention"]
    return [(r["location"], r["actor1"], r["actor2"]) for _, r in rows.iterrows()]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Four people were killed in Maiduguri on Monday. "
            "A group of gunmen opened fire on worshippers.",
            "Maiduguri",
        ),
        (
            "Cuatro personas fueron asesinadas el lunes en Celaya. "
            "Un grupo de hombres armados disparó contra los asistentes.",
            "Celaya",
        ),
        ("قتل أربعة أشخاص يوم الاثنين في درعا. وأطلق مسلحون مجهولون النار على المارة.", "Dar‘ā"),
    ],
)
def test_gunmen_of_the_next_sentence_are_actor1(text: str, place: str) -> None:
    assert (place, "Unidentified Armed Group", "Civilians") in _actors(text)


def test_gunmen_a_next_sentence_counts_dead_are_not_actor1() -> None:
    found = _actors("Four people were killed in Maiduguri on Monday. Two gunmen were also killed.")
    assert found == [("Maiduguri", None, "Civilians")]


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "date 2025-03-14\n12 березня окупанти атакували Херсонщину дронами. "
            "Херсон: 12 березня FPV-дрон атакував автомобіль, загинув водій.",
            "Kherson",
            "Military Forces of Russia",
        ),
        (
            "date 2025-03-14\n12 марта ВСУ атаковали Курскую область. "
            "В Курске 12 марта обломки дрона повредили дом, ранен один человек.",
            "Kursk",
            "Military Forces of Ukraine",
        ),
    ],
)
def test_a_towns_strike_takes_the_attacker_of_its_regions_strike_that_day(
    text: str, place: str, actor: str
) -> None:
    assert [a for p, a, _ in _actors(text) if p == place] == [actor]


def test_a_towns_strike_of_another_day_keeps_no_attacker() -> None:
    text = (
        "date 2025-03-14\nRussian forces attacked the Kharkiv region with drones on 12 March. "
        "In Krasnohrad, a drone hit a car on 3 March, killing the driver."
    )
    # Krasnohrad, renamed Berestyn
    assert [a for p, a, _ in _actors(text) if p == "Berestyn"] == [None]


@pytest.mark.parametrize(
    ("lang", "sentence", "name"),
    [
        ("en", "Boko Haram gunmen killed five villagers near Maiduguri.", "Boko Haram"),
        ("en", "Gunmen of Boko Haram killed five villagers near Maiduguri.", "Boko Haram"),
        ("fr", "Des hommes armés du JNIM ont tué cinq villageois près de Djibo.", "JNIM"),
        ("ru", "Вооружённые люди из ИГИЛ напали на пост.", "Islamic State"),
    ],
)
def test_gunmen_of_a_named_group_are_that_group(lang: str, sentence: str, name: str) -> None:
    found = [a.actor.name for a in find_actors(sentence, rules=get_rules((lang,)))]
    assert name in found
    assert "Unidentified Armed Group" not in found


def test_gunmen_who_attack_a_group_stay_unidentified() -> None:
    found = [
        a.actor.name
        for a in find_actors("Gunmen attacked Boko Haram fighters.", rules=get_rules(("en",)))
    ]
    assert found == ["Unidentified Armed Group", "Boko Haram"]


@pytest.mark.parametrize(
    ("lang", "sentence", "name"),
    [
        (
            "en",
            "The Nigerian army said it had carried out airstrikes near Damaturu.",
            "Military Forces of Nigeria",
        ),
        (
            "fr",
            "L'armée malienne a affirmé avoir mené une frappe aérienne près de Mopti.",
            "Military Forces of Mali",
        ),
        (
            "es",
            "El ejército colombiano aseguró haber bombardeado un campamento cerca de Tumaco.",
            "Military Forces of Colombia",
        ),
        (
            "ar",
            "وقال الجيش السوداني إنه شن غارات جوية على مواقع قرب الفاشر.",
            "Military Forces of Sudan",
        ),
    ],
)
def test_forces_that_say_they_struck_acted(lang: str, sentence: str, name: str) -> None:
    found = [
        (a.actor.name, a.agent, a.source) for a in find_actors(sentence, rules=get_rules((lang,)))
    ]
    assert found == [(name, True, False)]


def test_forces_that_say_in_a_statement_their_aircraft_struck_acted() -> None:
    sentence = (
        "The Chadian Air Force said in a statement that its aircraft had, on Monday, struck "
        "Boko Haram fighters near Bol."
    )
    found = [
        (a.actor.name, a.agent)
        for a in find_actors(sentence, rules=get_rules(("en",)), country="TD")
    ]
    assert ("Military Forces of Chad", True) in found


def test_forces_that_say_they_were_attacked_did_not_act() -> None:
    for sentence in (
        "The Nigerian army said it had been attacked near Damaturu.",
        "The Nigerian army said its troops had been ambushed near Damaturu.",
    ):
        found = [(a.actor.name, a.agent) for a in find_actors(sentence, rules=get_rules(("en",)))]
        assert ("Military Forces of Nigeria", True) not in found


def test_a_strike_the_forces_say_they_carried_out_is_theirs() -> None:
    text = (
        "date 2025-03-12\nThe Nigerian army said it had carried out airstrikes near Damaturu on "
        "Monday, killing several fighters."
    )
    assert [a for p, a, _ in _actors(text) if p == "Damaturu"] == ["Military Forces of Nigeria"]


@pytest.mark.parametrize(
    ("text", "place", "actors"),
    [
        (
            "date 2025-03-12\nBoko Haram fighters killed five villagers in Potiskum on Sunday. "
            "On Monday, the group ambushed a military patrol near Damaturu, killing two soldiers.",
            "Damaturu",
            ("Boko Haram", "Military Forces of Nigeria"),
        ),
        (
            "date 2025-03-12\nLe JNIM a attaqué dimanche un poste à Djibo. Lundi, le groupe a "
            "tendu une embuscade à une patrouille près de Dori, tuant deux soldats.",
            "Dori",
            ("JNIM", "Military Forces of Burkina Faso"),
        ),
        (
            # its fighters named with the definite article, after the group's name
            "date 2025-03-12\nBoko Haram fighters killed five villagers in Potiskum on Sunday. "
            "On Monday, the militants ambushed a military patrol near Damaturu, killing two "
            "soldiers.",
            "Damaturu",
            ("Boko Haram", "Military Forces of Nigeria"),
        ),
        (
            # the group named only by a sentence that claims the attacks
            "date 2025-03-12\nThe attacks were claimed by Boko Haram. On Monday, the militants "
            "ambushed a military patrol near Damaturu, killing two soldiers.",
            "Damaturu",
            ("Boko Haram", "Military Forces of Nigeria"),
        ),
        (
            "date 2025-03-12\nLe JNIM a attaqué dimanche un poste à Djibo. Lundi, les jihadistes "
            "ont tendu une embuscade à une patrouille près de Dori, tuant deux soldats.",
            "Dori",
            ("JNIM", "Military Forces of Burkina Faso"),
        ),
        (
            "date 2025-03-12\nБойовики «Ісламської держави» в неділю атакували пост у Гао. У "
            "вівторок бойовики атакували військовий табір у Мопті.",
            "Mopti",
            ("Islamic State", "Military Forces of Mali"),
        ),
        (
            # a claim before the group's name; its fighters in the next sentence (no place)
            "date 2025-03-12\nОтветственность за нападения взяла на себя группировка «Исламское "
            "государство». Во вторник шли бои в Мопти. Боевики на мотоциклах атаковали "
            "военный лагерь.",
            "Mopti",
            ("Islamic State", None),
        ),
        (
            "date 2025-03-12\nThe attacks were claimed by Boko Haram. Heavy fighting was reported "
            "in Damaturu on Monday. The militants attacked the army base.",
            "Damaturu",
            ("Boko Haram", None),
        ),
        (
            # no group named before: no one to refer back to, unidentified men (ACLED)
            "date 2025-03-12\nOn Monday, the militants ambushed a military patrol near "
            "Damaturu, killing two soldiers.",
            "Damaturu",
            ("Unidentified Armed Group", "Military Forces of Nigeria"),
        ),
        (
            # the group attacked: the soldiers acted, against the group
            "date 2025-03-12\nBoko Haram fighters killed five villagers in Potiskum on Sunday. "
            "On Monday, soldiers attacked the group near Damaturu, killing two fighters.",
            "Damaturu",
            ("Military Forces of Nigeria", "Boko Haram"),
        ),
    ],
)
def test_the_group_is_the_armed_group_named_before(
    text: str, place: str, actors: tuple[str, str | None]
) -> None:
    assert [(a1, a2) for p, a1, a2 in _actors(text) if p == place] == [actors]


@pytest.mark.parametrize(
    ("lang", "sentence", "name"),
    [
        (
            "ru",
            "Ответственность за нападения взяла на себя группировка «Исламское государство».",
            "Islamic State",
        ),
        (
            "ru",
            "Взяла на себя ответственность за обстрел группировка «Исламское государство».",
            "Islamic State",
        ),
        (
            "uk",
            "Відповідальність за напади взяло на себе угруповання «Ісламська держава».",
            "Islamic State",
        ),
    ],
)
def test_a_claim_before_the_groups_name_makes_it_the_agent(
    lang: str, sentence: str, name: str
) -> None:
    found = [(a.actor.name, a.agent) for a in find_actors(sentence, rules=get_rules((lang,)))]
    assert (name, True) in found


@pytest.mark.parametrize(
    ("text", "place", "actor1"),
    [
        (
            "date 2022-12-03\nOn 10 October 2022, police arrested five men in Kandi.",
            "Kandi",
            "Police Forces of Benin",
        ),
        (
            "date 2022-12-03\nOn 8 October 2022, soldiers shot and killed a herder in Kandi.",
            "Kandi",
            "Military Forces of Benin",
        ),
        (
            "date 2022-12-03\nDimanche, la police a arrêté cinq personnes à Kandi.",
            "Kandi",
            "Police Forces of Benin",
        ),
        (
            "date 2022-12-03\nEl domingo, militares mataron a dos campesinos en Tibú.",
            "Tibú",
            "Military Forces of Colombia",
        ),
    ],
)
def test_bare_forces_before_a_verb_of_force_acted(text: str, place: str, actor1: str) -> None:
    assert [a1 for p, a1, _ in _actors(text) if p == place] == [actor1]


def test_forces_killed_in_an_attack_did_not_act() -> None:
    text = (
        "date 2022-12-03\nGunmen ambushed a patrol near Kandi. "
        "Soldiers killed in the attack were buried."
    )
    assert "Military Forces of Benin" not in [a1 for _, a1, _ in _actors(text)]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # a state's forces named by their ministry, which says it struck
        ("en", "The Russian Defence Ministry said its forces struck a fuel depot."),
        ("en", "Russia's defence ministry said it had struck a fuel depot."),
        ("ru", "Минобороны РФ заявило об ударе по складу горючего."),
    ],
)
def test_the_ministry_of_defence_that_claims_a_strike(lang: str, sentence: str) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)))
    assert ("Military Forces of Russia", True) in [(a.actor.name, a.agent) for a in found]


def test_the_russian_federation_after_a_preposition_is_a_place() -> None:
    assert find_actors("Группировка запрещена в РФ.", rules=get_rules(("ru",))) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # jihadists or militants no group of the text owns: an unidentified armed group
        ("date 2025-03-12\nJihadists attacked Djibo, killing two soldiers.", "Djibo"),
        ("date 2025-03-12\nDes jihadistes ont attaqué Djibo, tuant deux soldats.", "Djibo"),
        ("date 2025-03-12\nYihadistas atacaron Djibo y mataron a dos soldados.", "Djibo"),
    ],
)
def test_unnamed_jihadists_are_an_unidentified_armed_group(text: str, place: str) -> None:
    assert [a1 for p, a1, _ in _actors(text) if p == place] == ["Unidentified Armed Group"]


def test_jihadists_said_to_have_been_killed_are_no_actor() -> None:
    sentence = "The command said that several jihadists had been killed in the strike."
    assert find_actors(sentence, rules=get_rules(("en",))) == []


_MX = "Military Forces of Mexico"


@pytest.mark.parametrize(
    ("lang", "country", "sentence", "expected"),
    [
        # the object of a verb of attack, and a passive verb of attack after the forces
        (
            "es",
            "MX",
            "Sujetos armados atacaron a efectivos de la Guardia Nacional cerca del puente.",
            _MX,
        ),
        ("es", "MX", "Tres agentes de la policía municipal fueron atacados a tiros.", None),
        ("fr", "ML", "Des hommes armés ont attaqué une patrouille de la gendarmerie.", None),
        ("fr", "ML", "Des gendarmes ont été pris en embuscade près du village.", None),
        ("en", "KE", "Police officers on patrol were ambushed near the border.", None),
    ],
)
def test_forces_attacked_are_the_victim(
    lang: str, country: str, sentence: str, expected: str | None
) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)), country=country)
    forces = [a for a in found if a.actor.inter == "State forces"]
    assert forces and all(a.victim and not a.agent for a in forces)
    if expected is not None:
        assert forces[0].actor.name == expected


def test_a_gendarmerie_is_the_military() -> None:
    found = find_actors(
        "Les gendarmes ont arrêté trois suspects.", rules=get_rules(("fr",)), country="TG"
    )
    assert [a.actor.name for a in found] == ["Military Forces of Togo"]


def test_an_attack_on_national_guard_members_is_a_clash_with_them() -> None:
    text = (
        "date 2026-03-11\nEl martes, tres efectivos de la Guardia Nacional perdieron la vida "
        "en Pátzcuaro al ser atacados por un grupo armado."
    )
    frame = geo.extract_events(text)
    rows = frame[frame["event_type"] != "Mention"]
    fields = ["location", "sub_event_type", "fatalities", "actor1", "actor2"]
    assert [tuple(r[f] for f in fields) for _, r in rows.iterrows()] == [
        ("Pátzcuaro", "Armed clash", 3, "Unidentified Armed Group", _MX)
    ]


def test_forces_fighting_the_same_group_fight_the_group_named_before() -> None:
    text = (
        "date 2026-05-06\nEl ELN atacó el lunes un puesto de control en Puerto Lleras.\n\n"
        "Al día siguiente, una unidad del ejército libró un combate en Puerto Gaitán contra "
        "guerrilleros de esa misma columna."
    )
    assert _actors(text) == [
        ("Puerto Lleras", "ELN", None),
        ("Puerto Gaitán", "Military Forces of Colombia", "ELN"),
    ]


def test_forces_hurt_in_another_clause_of_a_headline_are_not_the_victims() -> None:
    # invented headline: the police of the clause past the semicolon were hurt elsewhere
    text = (
        "date 2026-05-06\nTiroteo en una cantina de Sahuayo deja cuatro muertos; atacan a "
        "policías municipales en Zitácuaro\n\nCuatro personas murieron el lunes por la noche "
        "en un ataque armado contra una cantina de Sahuayo."
    )
    assert [a2 for p, _, a2 in _actors(text) if p == "Sahuayo de Morelos"] == ["Civilians"]


def test_an_incident_said_to_be_unclaimed_keeps_no_perpetrator_of_the_story() -> None:
    # invented text: the claim of the attack told before does not pass to the blast the
    # text says no one claimed
    text = (
        "date 2026-06-23\nDes hommes armés ont attaqué dimanche un poste militaire à "
        "Koudougou.\n\nL'attaque a été revendiquée lundi par le JNIM.\n\nLundi matin, un car "
        "a sauté sur un engin explosif près de Réo. L'explosion n'a pas été revendiquée."
    )
    assert [(p, a1) for p, a1, _ in _actors(text)] == [("Koudougou", "JNIM"), ("Réo", None)]


def test_a_group_that_mourns_the_dead_is_the_side_attacked() -> None:
    # invented text: the group that mourns two of its fighters is who was struck
    text = (
        "date 2026-04-08\nA drone strike on a car killed two men near Jezzine on Tuesday.\n\n"
        "Hezbollah later mourned two of its fighters."
    )
    assert [(p, a2) for p, _, a2 in _actors(text)] == [("Jezzine", "Hezbollah")]


@pytest.mark.parametrize(
    ("lang", "sentence", "fired"),
    [
        # named with its weapon or an attack verb, or after "by": the one who fired
        ("en", "Air defences shot down four Russian drones.", {"Military Forces of Russia": True}),
        ("en", "Houthi drones were shot down over the sea.", {"Houthis": True}),
        ("en", "Drones launched by the Houthis were shot down.", {"Houthis": True}),
        # named as the one who speaks or shoots down: no weapon of its own
        (
            "en",
            "The Houthis said their air defences shot down a drone.",
            {"Houthis": False},
        ),
        (
            "ru",
            "Российские военные сообщили, что сбили беспилотник.",
            {"Military Forces of Russia": False},
        ),
    ],
)
def test_the_actor_named_with_its_weapon_fired(
    lang: str, sentence: str, fired: dict[str, bool]
) -> None:
    got = {a.actor.name: a.fired for a in find_actors(sentence, rules=get_rules((lang,)))}
    assert {k: got.get(k) for k in fired} == fired


@pytest.mark.parametrize(
    ("sentence", "code", "name"),
    [
        ("توغلت قوة إسرائيلية عند أطراف البلدة.", "LB", "Military Forces of Israel"),
        ("أطلقت دورية روسية النار قرب المدينة.", "SY", "Military Forces of Russia"),
    ],
)
def test_a_force_or_a_patrol_of_a_state_acts_in_arabic(sentence: str, code: str, name: str) -> None:
    found = find_actors(sentence, rules=get_rules(("ar",)), country=code)
    assert [(a.actor.name, a.agent) for a in found] == [(name, True)]


def test_acled_names_the_ivory_coast_forces() -> None:
    from geo.events.actors import state_forces

    forces = state_forces("CI")
    assert forces is not None and forces.name == "Military Forces of Ivory Coast"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ru", "Утром российский «Шахед» врезался в склад у вокзала."),
        ("uk", "Зранку російський «шахед» уразив склад біля вокзалу."),
    ],
)
def test_a_weapon_named_by_its_name_after_a_demonym_is_that_states(
    lang: str, sentence: str
) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)), country="UA")
    assert [(a.actor.name, a.agent) for a in found] == [("Military Forces of Russia", True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Suspected militants of Boko Haram attacked a Nigerian army position near Lokoja.",
        "Boko Haram fighters ambushed Nigerian troops near Lokoja.",
    ],
)
def test_forces_right_after_an_active_verb_of_attack_are_attacked(sentence: str) -> None:
    found = find_actors(sentence, country="NG")
    assert [(a.actor.name, a.victim) for a in found] == [
        ("Boko Haram", False),
        ("Military Forces of Nigeria", True),
    ]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Two men on a motorcycle shot dead a trader in Lokoja."),
        ("fr", "Un commerçant a été enlevé par des coupeurs de route près de Kaolack."),
        ("es", "Un tendero murió baleado por dos sicarios que se movilizaban en una motocicleta."),
        ("es", "Unos pandilleros incendiaron tres casas en las afueras de Les Cayes."),
    ],
)
def test_unnamed_attackers_are_unidentified_armed_men(lang: str, sentence: str) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)))
    assert [a.actor.name for a in found] == ["Unidentified Armed Group"]


@pytest.mark.parametrize(
    "sentence",
    [
        "El sábado, disidentes del frente 18 atacaron con drones un puesto de Policía.",
        "El atentado fue obra del frente Carlos Patiño, según la Gobernación.",
        "Hombres de la columna móvil Dagoberto Ramos hostigaron una base militar.",
    ],
)
def test_the_fronts_of_the_farc_dissidents_name_them(sentence: str) -> None:
    found = find_actors(sentence, rules=get_rules(("es",)), country="CO")
    assert found[0].actor.name == "FARC Dissidents"


@pytest.mark.parametrize(
    ("lang", "sentence", "code", "name"),
    [
        (
            "es",
            "Drones de La Familia Michoacana cayeron en una ranchería.",
            "MX",
            "La Familia Michoacana",
        ),
        (
            "en",
            "The Islamic State Mozambique Province claimed it.",
            "MZ",
            "Islamic State Mozambique Province",
        ),
        ("en", "The Islamic State claimed the raid.", "IQ", "Islamic State"),
        ("es", "Los Chapitos atacaron un rancho en la sierra.", "MX", "Sinaloa Cartel"),
        ("fr", "Dan Na Ambassagou a revendiqué l'embuscade.", "ML", "Dan Na Ambassagou"),
    ],
)
def test_more_groups_of_the_lexicon(lang: str, sentence: str, code: str, name: str) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)), country=code)
    assert found[0].actor.name == name


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ar", "هاجم مسلحون موقعاً للقوات الجنوبية في المحافظة."),
        ("ar", "أعلنت القوات المسلحة الجنوبية صد هجوم على الجبهة."),
        ("en", "Gunmen attacked a post of the Southern Forces near the coast."),
    ],
)
def test_yemens_southern_forces_are_the_southern_transitional_council(
    lang: str, sentence: str
) -> None:
    found = find_actors(sentence, rules=get_rules((lang,)), country="YE")
    assert "Southern Transitional Council" in [a.actor.name for a in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "AFRICOM said it conducted an airstrike near Kenema on Tuesday.",
        "CENTCOM forces carried out a raid on a compound near Kiffa.",
    ],
)
def test_the_commands_of_the_us_forces_are_its_forces(sentence: str) -> None:
    assert "Military Forces of the United States" in [a.actor.name for a in find_actors(sentence)]


@pytest.mark.parametrize(
    ("lang", "sentence", "name"),
    [
        ("ru", "ВСУ нанесли удары по окраинам Кинешмы.", "Military Forces of Ukraine"),
        ("uk", "ЗСУ атакували позиції біля Кинешми.", "Military Forces of Ukraine"),
    ],
)
def test_forces_named_by_their_name_with_an_attack_verb_acted(
    lang: str, sentence: str, name: str
) -> None:
    # a name of a state's forces ("ВСУ") before an attack verb is the side that acted, as
    # a demonym's forces are ("российские войска нанесли")
    found = [(a.actor.name, a.agent) for a in find_actors(sentence, rules=get_rules((lang,)))]
    assert (name, True) in found


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Gunmen kidnapped three engineers in Kineshma on Tuesday. The ELN later claimed "
            "responsibility.",
            "ELN",
        ),
        (
            "Trois ingénieurs ont été enlevés mardi à Kineshma par des inconnus armés. Le JNIM a "
            "ensuite revendiqué le rapt.",
            "JNIM",
        ),
    ],
)
def test_a_claim_with_an_adverb_after_the_group_names_the_kidnappers(text: str, group: str) -> None:
    # "later", "ensuite" between the group and its claim (the packs' claim_after)
    assert _actors(text) == [("Kineshma", group, "Civilians")]


@pytest.mark.parametrize(
    "text",
    [
        "Бойовики напали на військову базу в Кінешмі. Загинули 11 військових.",
        "Боевики напали на военную базу в Кинешме. Погибли 11 военных.",
    ],
)
def test_militants_of_no_group_named_are_unidentified(text: str) -> None:
    # no armed group named before: "бойовики" are unidentified men, the forces the side hit
    assert _actors(text) == [("Kineshma", "Unidentified Armed Group", "Military Forces of Russia")]


def test_the_tren_de_aragua_is_an_actor() -> None:
    text = "Pistoleros del Tren de Aragua mataron el martes a dos comerciantes en Makeni."
    assert _actors(text) == [("Makeni", "Tren de Aragua", "Civilians")]


@pytest.mark.parametrize(
    ("lang", "sentence", "actor"),
    [
        ("en", "Fighters of the ADF, an Islamic State affiliate, stormed a police station.", "ADF"),
        ("en", "The Islamic State-affiliated ADF stormed a police station.", "ADF"),
        ("en", "The ADF, which is tied to the Islamic State, stormed a police station.", "ADF"),
        (
            "fr",
            "Des combattants des ADF, liés à l'État islamique, ont attaqué un poste de police.",
            "ADF",
        ),
        (
            "es",
            "Milicianos de las ADF, vinculados al Estado Islámico, atacaron una comisaría.",
            "ADF",
        ),
        ("ru", "Боевики группировки ADF, связанной с ИГ, атаковали полицейский участок.", "ADF"),
        (
            "uk",
            "Бойовики угруповання ADF, пов'язаного з ІД, атакували поліцейську дільницю.",
            "ADF",
        ),
        ("ar", "هاجم مسلحو حركة الشباب، الموالية لتنظيم القاعدة، مركزا للشرطة.", "Al Shabaab"),
        # (no other group named: the branch's parent is all the text says)
        ("en", "The Islamic State's branch in the Sahel claimed the attack.", "Islamic State"),
    ],
)
def test_the_group_another_is_affiliated_to_is_no_side(
    lang: str, sentence: str, actor: str
) -> None:
    found = [a.actor.name for a in find_actors(sentence, rules=get_rules((lang,)))]
    assert found == [actor]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Hizballah", "Hezbollah"),
        ("al-Qaida", "Al Qaeda"),
        ("Al-Qaida", "Al Qaeda"),
        ("the Gulf Clan", "Clan del Golfo"),
        ("al-Shabaab", "Al Shabaab"),
        ("Al-Shabab", "Al Shabaab"),
    ],
)
def test_common_english_spellings_of_groups(written: str, name: str) -> None:
    sentence = f"The attack was claimed by {written} on Monday."
    assert [a.actor.name for a in find_actors(sentence, rules=get_rules(("en",)))] == [name]


def test_gunmen_in_the_other_case_glued_to_and_are_unidentified_in_arabic() -> None:
    found = find_actors(
        "اشتباكات عنيفة بين الجيش ومسلحين في محيط البلدة.", rules=get_rules(("ar",)), country="YE"
    )
    assert [a.actor.name for a in found] == ["Military Forces of Yemen", "Unidentified Armed Group"]
