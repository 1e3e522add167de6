"""Tests of geo.events.tolls and geo.events.numbers: claims, ranges, joiners, duals, asides.

The sentences are written for these tests (places and people of their own).
"""

from __future__ import annotations

import pytest

from geo.events import extract_events
from geo.events.numbers import find_numbers
from geo.events.rules import get_rules
from geo.events.tolls import count_casualties


def _counts(lang: str, sentence: str) -> list[tuple[str, int, bool]]:
    return [(c.kind, c.count, c.toll) for c in count_casualties(sentence, rules=get_rules((lang,)))]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # one side's claim of enemy losses is never a toll
        (
            "fr",
            "Deux soldats ont été tués. L'armée affirme avoir neutralisé une vingtaine "
            "d'assaillants.",
            [("fatalities", 2, True), ("fatalities", 20, False)],
        ),
        (
            "es",
            "El Ejército aseguró haber abatido a doce guerrilleros cerca de Guapí.",
            [("fatalities", 12, False)],
        ),
        (
            "ar",
            "وزعمت الحركة أنها قتلت أكثر من عشرين جنديا.",
            [("fatalities", 20, False)],
        ),
        (
            "en",
            "The army said it killed 14 militants near Gombi.",
            [("fatalities", 14, False)],
        ),
        # attackers counted apart from their victims
        (
            "en",
            "Police said five attackers were killed and 12 civilians died.",
            [("fatalities", 5, False), ("fatalities", 12, True)],
        ),
        # a group's claim of the attack is no claim of losses
        (
            "en",
            "ISWAP claimed the attack, which killed 12 people.",
            [("fatalities", 12, True)],
        ),
    ],
)
def test_claims_and_attackers_are_no_toll(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Between 10 and 15 people were killed near Gombe.", [("fatalities", 10, True)]),
        ("fr", "Entre trois et cinq autres personnes ont été blessées.", [("injured", 3, True)]),
        ("es", "Entre 8 y 12 personas murieron en Túquerres.", [("fatalities", 8, True)]),
        # not a range: two counts of two kinds of people
        (
            "es",
            "Murieron tres policías y dos civiles en Guapí.",
            [("fatalities", 3, True), ("fatalities", 2, True)],
        ),
    ],
)
def test_a_range_counts_its_lower_bound(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("fr", "entre trois et cinq", [3, 5]),
        ("fr", "vingt et un morts", [21]),
        ("en", "one hundred and five", [105]),
        ("es", "treinta y dos muertos", [32]),
        ("ru", "пятеро и двое", [5, 2]),
    ],
)
def test_a_joiner_never_joins_two_small_numbers(lang: str, text: str, values: list[int]) -> None:
    assert [n.value for n in find_numbers(text, rules=get_rules((lang,)))] == values


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("سقط قتيلان وثلاثة جرحى في قصف على مدينة كوستي", [("fatalities", 2), ("injured", 3)]),
        ("أسفر القصف عن مقتل ثلاثة أشخاص وإصابة جريحين", [("fatalities", 3), ("injured", 2)]),
        ("قتل فيها ٤ من أفراد الجيش وأصيب ٩.", [("fatalities", 4), ("injured", 9)]),
    ],
)
def test_arabic_duals_and_a_pronoun_before_the_count(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(k, n) for k, n, _ in _counts("ar", sentence)] == expected


def test_a_count_before_an_aside_with_other_numbers() -> None:
    s = "Cinq passagers, dont une femme et son bébé, ont été tués près de Zinder."
    assert _counts("fr", s) == [("fatalities", 5, True)]
    # a long verb after the aside ("resultaron")
    s = "Cuatro jornaleros, entre ellos un menor de 15 años, resultaron heridos en Yungas."
    assert _counts("es", s) == [("injured", 4, True)]


@pytest.mark.parametrize(
    ("lang", "sentence", "count"),
    [
        ("es", "Tras los disparos, la Fiscalía localizó seis cuerpos en un paraje.", 6),
        ("fr", "L'attaque avait déjà coûté la vie à neuf soldats.", 9),
        ("es", "Hombres armados asesinaron a un líder comunal en Túquerres.", 1),
        ("es", "Vecinos hallaron sin vida a tres jornaleros junto al río.", 3),
        ("es", "Cuatro hombres fueron ultimados en una brecha.", 4),
        ("es", "Luego de que sicarios mataran a dos taxistas en la terminal.", 2),
        ("es", "Pistoleros privaron de la vida a cuatro albañiles en una obra.", 4),
        ("es", "El número de muertos asciende ya a 14.", 14),
        ("es", "La riña en el penal dejó un muerto.", 1),
        ("en", "Five policemen were martyred in the attack.", 5),
        ("en", "Militants beheaded three farmers near the town.", 3),
        ("ar", "قتل مسلحون من عصابة مجهولة ثلاثة رعاة.", 3),
    ],
)
def test_more_ways_to_tell_the_dead(lang: str, sentence: str, count: int) -> None:
    assert _counts(lang, sentence) == [("fatalities", count, True)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Un policía murió y otro resultó herido en la emboscada.",
            [("fatalities", 1), ("injured", 1)],
        ),
        (
            "El saldo fue de dos personas sin vida y tres heridos.",
            [("fatalities", 2), ("injured", 3)],
        ),
        (
            "Dos murieron y otras cinco permanecen hospitalizadas.",
            [("fatalities", 2), ("injured", 5)],
        ),
        ("Le dispararon a quemarropa. La mujer murió en el lugar.", [("fatalities", 1)]),
        ("Un campesino perdió una pierna al activar un explosivo.", [("injured", 1)]),
        ("Se confirmó el deceso de dos mineros.", [("fatalities", 2)]),
        ("Dos escoltas resultaron con lesiones leves.", [("injured", 2)]),
        (
            "La explosión mató a un vigilante y lesionó a dos obreros.",
            [("fatalities", 1), ("injured", 2)],
        ),
        # "otros"/"otras" between the verb and its count
        (
            "Los atacantes asesinaron a tres jornaleros e hirieron a otras dos personas.",
            [("fatalities", 3), ("injured", 2)],
        ),
    ],
)
def test_spanish_wordings_of_the_dead_and_the_wounded(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(k, n) for k, n, _ in _counts("es", sentence)] == expected


def test_unconfirmed_reports_of_the_dead_are_no_toll_in_spanish() -> None:
    s = "En redes sociales se habló de cinco muertos, cifra que nadie confirmó."
    assert _counts("es", s) == [("fatalities", 5, False)]
    s = "Versiones extraoficiales hablan de ocho muertos."
    assert _counts("es", s) == [("fatalities", 8, False)]


def test_what_an_incident_adds_to_is_no_running_total_in_spanish() -> None:
    # "se suman a" (add to an earlier killing) is no sum; "suman 40" is
    s = "Estos crímenes se suman al asesinato de tres comerciantes en Tarija."
    assert _counts("es", s) == [("fatalities", 3, True)]
    assert _counts("es", "Con ellos suman 40 policías asesinados.") == [("fatalities", 40, False)]


def test_a_running_total_of_the_year_in_spanish() -> None:
    s = "En lo que va del año, 87 líderes sociales han sido asesinados en el país."
    assert _counts("es", s) == [("fatalities", 87, False)]


@pytest.mark.parametrize(
    ("lang", "sentence", "armed"),
    [
        ("en", "Two gunmen were killed near Kano.", [True]),
        ("en", "An airstrike killed three more Malian soldiers.", [True]),
        ("en", "Two civilians and three soldiers were killed.", [False, True]),
        ("fr", "Quatre gendarmes ont été blessés à Dori.", [True]),
        ("es", "Dos policías murieron en Cúcuta.", [True]),
        ("ru", "В Горловке погибли двое военнослужащих.", [True]),
        ("uk", "Під Херсоном загинули троє військових.", [True]),
        ("ar", "أسفرت الغارة عن مقتل عنصرين من الشرطة.", [True]),
        ("ar", "أسفرت الغارة عن مقتل ثلاثة من الجنود.", [True]),
        ("ar", "أسفرت الغارة عن مقتل شخصين.", [False]),
        ("en", "Five people were wounded in Kano.", [False]),
    ],
)
def test_a_count_of_fighters_or_soldiers_is_marked_armed(
    lang: str, sentence: str, armed: list[bool]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [c.armed for c in found] == armed


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # the count before an active verb counts who did it, the one after it the dead
        ("en", "Two gunmen killed three villagers near Kano.", [("fatalities", 3, True)]),
        # a count after a conjunction belongs to another verb
        (
            "es",
            "Cuatro campesinos murieron y una mujer quedó herida en Tumaco.",
            [("fatalities", 4, True), ("injured", 1, True)],
        ),
    ],
)
def test_the_count_after_an_active_verb_is_its_toll(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # the displaced and evacuated are never a toll, after or before their count
        (
            "en",
            "The strike killed three people and 2,000 people were displaced.",
            [("fatalities", 3, True)],
        ),
        ("en", "The fighting killed 12 and displaced 2,000 people.", [("fatalities", 12, True)]),
        ("en", "2,000 people were displaced and 4 were injured.", [("injured", 4, True)]),
        (
            "fr",
            "L'attaque a fait deux blessés, et 10 000 habitants ont été déplacés.",
            [("injured", 2, True)],
        ),
        (
            "fr",
            "Les combats ont tué trois civils et 10 000 habitants déplacés.",
            [("fatalities", 3, True)],
        ),
        (
            "es",
            "Dos personas murieron y 500 familias fueron evacuadas.",
            [("fatalities", 2, True)],
        ),
        (
            "ru",
            "Два человека погибли, тысячи человек эвакуированы.",
            [("fatalities", 2, True)],
        ),
        ("ru", "Погибли двое, эвакуированы 300 человек.", [("fatalities", 2, True)]),
        ("uk", "Загинули двоє людей, евакуйовано 300 мешканців.", [("fatalities", 2, True)]),
        (
            "ar",
            "أدى القصف إلى نزوح 500 عائلة وإصابة ثلاثة أشخاص.",
            [("injured", 3, True)],
        ),
        ("ar", "قتل شخصان وتم إجلاء 300 شخص.", [("fatalities", 2, True)]),
        # displaced people killed, and the wounded taken to hospital, are counted
        ("en", "A strike on a camp killed 12 displaced people.", [("fatalities", 12, True)]),
        ("en", "Five people were evacuated to hospital with injuries.", [("injured", 5, True)]),
        ("ru", "Трое раненых эвакуированы в больницу.", [("injured", 3, True)]),
    ],
)
def test_the_displaced_and_evacuated_are_no_toll(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("No hubo víctimas mortales.", ["fatalities"]),
        ("El ataque no dejó víctimas fatales, según la Alcaldía.", ["fatalities"]),
        ("No hubo personas fallecidas, informó Protección Civil.", ["fatalities"]),
        ("No hubo víctimas.", ["fatalities", "injured"]),
        ("No se reportaron personas lesionadas ni fallecidas.", ["fatalities", "injured"]),
    ],
)
def test_no_deaths_in_spanish_says_nothing_of_the_wounded(
    sentence: str, expected: list[str]
) -> None:
    from geo.events.tolls import casualty_free

    assert sorted(casualty_free(sentence, rules=get_rules(("es",)))) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one official or officer counted by "un" before a noun of people
        ("Un alcalde fue asesinado el martes en Puebla.", [("fatalities", 1, True)]),
        ("Un elemento de la Policía Municipal quedó herido.", [("injured", 1, True)]),
        # "el asesinato de N" counts the dead
        (
            "Vecinos recordaron el asesinato de cuatro comerciantes en Morelia.",
            [("fatalities", 4, True)],
        ),
        # a count after "murieron y" is the next clause's, with its own word
        (
            "Tres sicarios murieron y un policía resultó herido.",
            [("fatalities", 3, True), ("injured", 1, True)],
        ),
        (
            "En la balacera murieron dos vecinos y un policía resultó herido.",
            [("fatalities", 2, True), ("injured", 1, True)],
        ),
    ],
)
def test_spanish_single_victims_and_the_clause_after_a_death_verb(
    sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts("es", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Un soldado del Batallón de Infantería n.º 12 murió en una emboscada.",
            [("fatalities", 1, True)],
        ),
        ("Un sargento de la Brigada 7 quedó herido en la emboscada.", [("injured", 1, True)]),
    ],
)
def test_a_spanish_number_that_names_a_unit_is_no_count(
    sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts("es", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the dual of the passive verb counts two ("they two were wounded")
        ("وكان طفلان قد أصيبا بشظايا القذيفة يوم الجمعة.", [("injured", 2, True)]),
        # nouns of one person with no number: an old man, a driver ("its driver")
        ("سقطت قذيفة على سوق المدينة، ما أدى إلى إصابة مسن بكسور في يده.", [("injured", 1, True)]),
        (
            "أصابت غارة شاحنة على الطريق الدولي، ما أدى إلى مقتل سائقها.",
            [("fatalities", 1, True)],
        ),
        # a word restating the count adds no victims
        ("وأصيب طفلان في القصف، وقد أصيبا بجروح طفيفة.", [("injured", 2, True)]),
    ],
)
def test_arabic_duals_and_single_victims(
    sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts("ar", sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "earlier"),
    [
        ("en", "Officials had put the toll at four before noon.", [True]),
        ("en", "The death toll has risen to nine, up from six.", [False]),
        ("en", "Earlier on Sunday, a strike killed six people.", [False]),
        ("fr", "Le bilan précédent faisait état de quatre morts.", [True]),
        ("fr", "La préfecture avait annoncé deux morts dans la nuit.", [True]),
        ("fr", "Les secours avaient d'abord fait état de trois morts.", [True]),
        ("es", "Un balance anterior daba cuenta de cuatro muertos.", [True]),
        ("es", "Las autoridades habían informado de dos muertos.", [True]),
        ("ru", "Ранее сообщалось о трёх погибших.", [True]),
        ("ru", "По первоначальным данным, погибли трое.", [False]),
        ("uk", "Раніше повідомлялося про трьох загиблих.", [True]),
        ("ar", "ارتفعت حصيلة القتلى إلى تسعة بعد أن كانت ستة قتلى.", [False, True]),
    ],
)
def test_an_earlier_toll_is_marked(lang: str, sentence: str, earlier: list[bool]) -> None:
    # a figure the text says a later one superseded (the packs' ``earlier``)
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [c.earlier for c in found if c.kind == "fatalities"] == earlier


def test_the_current_toll_beats_an_earlier_one_in_either_order() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    for text in (
        "date 2025-06-02\nA drone strike hit Uman on Sunday, killing nine people. The "
        "governor had earlier put the toll at twelve.",
        "date 2025-06-02\nThe governor had earlier put the toll at four after a drone strike hit "
        "Uman on Sunday. Nine people were killed in the strike on Uman.",
    ):
        rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
        assert [r["fatalities"] for r in rows] == [9], text


def test_a_toll_that_rose_past_a_long_aside_and_a_part_of_the_dead() -> None:
    rules = get_rules(("en",))
    s = (
        "The death toll from a drone attack on a depot in Kassala, in the country's east, has "
        "risen to nine, with 15 people wounded."
    )
    assert [(c.kind, c.count) for c in count_casualties(s, rules=rules)] == [
        ("fatalities", 9),
        ("injured", 15),
    ]
    # "four of the dead" counts a part of the dead already counted, no new toll
    assert count_casualties("Four of the dead were children.", rules=rules) == []


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # one victim named by a noun, no number: a toll of one (past words that describe him)
        ("ru", "Вечером в селе погиб 61-летний местный житель.", [("fatalities", 1)]),
        ("ru", "При атаке беспилотника пострадал рабочий.", [("injured", 1)]),
        ("uk", "Поранено літнього чоловіка.", [("injured", 1)]),
        ("uk", "Постраждав тракторист.", [("injured", 1)]),
        ("fr", "Un obus a touché un hangar, blessant un gardien.", [("injured", 1)]),
        ("fr", "Le drone a touché une ferme et blessé un homme de 47 ans.", [("injured", 1)]),
        (
            "fr",
            "Les assaillants ont incendié des cases et tué deux bergers.",
            [("fatalities", 2)],
        ),
        (
            "en",
            "Gunmen fired on a minibus, killing its driver and wounding three passengers.",
            [("fatalities", 1), ("injured", 3)],
        ),
        (
            "es",
            "Dos soldados murieron y uno más resultó herido en la emboscada.",
            [("fatalities", 2), ("injured", 1)],
        ),
        (
            "es",
            "Dos escoltas murieron y un tercero resultó herido.",
            [("fatalities", 2), ("injured", 1)],
        ),
        ("es", "Otro policía resultó herido.", [("injured", 1)]),
        ("fr", "Un bombardement a tué trois civils.", [("fatalities", 3)]),
        (
            "ar",
            "قصفت مسيرة سيارة، ما أدى إلى سقوط شهيد وجريح.",
            [("fatalities", 1), ("injured", 1)],
        ),
    ],
)
def test_a_single_victim_named_by_a_noun(
    lang: str, sentence: str, expected: list[tuple[str, int]]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [(c.kind, c.count) for c in found] == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "No one was injured in the strike."),
        ("en", "Not one person was killed."),
        ("ru", "Ни один человек не пострадал."),
    ],
)
def test_a_negated_pronoun_counts_no_one(lang: str, sentence: str) -> None:
    assert count_casualties(sentence, rules=get_rules((lang,))) == []


def test_an_arabic_toll_that_rose_past_a_long_clause_and_a_later_death() -> None:
    rules = get_rules(("ar",))
    s = (
        "ارتفع عدد قتلى الهجوم الذي شنه مسلحون فجر الثلاثاء على معسكر للجيش في مديرية بعيدة "
        "بمحافظة جنوبية، جنوبي البلاد، إلى ستة جنود، بعد وفاة جندي متأثرا بجراحه."
    )
    found = count_casualties(s, rules=rules)
    assert (found[0].kind, found[0].count) == ("fatalities", 6)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a part of a group already counted is no new count of that group's word
        ("ru", "Одного из пострадавших позднее перевели в областную больницу.", []),
        ("fr", "Deux des blessés sont dans un état grave.", []),
        ("uk", "Двоє з числа поранених перебувають у важкому стані.", []),
        # ... but their later death counts as deaths
        ("es", "Dos de los heridos fallecieron el lunes.", [("fatalities", 2)]),
        ("en", "Two of the wounded died in hospital.", [("fatalities", 2)]),
    ],
)
def test_a_part_of_the_victims_is_no_new_count(
    lang: str, sentence: str, expected: list[tuple[str, int]]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [(c.kind, c.count) for c in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hombres armados asesinaron a Rosa Quintero en su finca.", [("fatalities", 1, True)]),
        ("Desconocidos mataron al tesorero de la cooperativa.", [("fatalities", 1, True)]),
        ("Anselmo Ruiz, de 52 años, murió camino del hospital.", [("fatalities", 1, True)]),
        ("El dirigente Tomás Arbeláez fue asesinado frente a su casa.", [("fatalities", 1, True)]),
        ("Una vecina, de 61 años, resultó herida por la metralla.", [("injured", 1, True)]),
        ("Dos hombres asesinaron a tiros al comerciante.", [("fatalities", 1, True)]),
        (
            "Desconocidos asesinaron en Pueblo Nuevo a Rosa Quintero, maestra rural.",
            [("fatalities", 1, True)],
        ),
        # a count stays the count, the capitals of a place are no name of a victim
        ("Pistoleros mataron a tres taxistas en Villa Nueva.", [("fatalities", 3, True)]),
        ("Los sicarios mataron al menos a cinco personas.", [("fatalities", 5, True)]),
        # a group after a bare passive is no single victim
        ("Una familia de cuatro integrantes fue asesinada.", [("fatalities", 4, True)]),
    ],
)
def test_spanish_one_victim_without_a_number(
    sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts("es", sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "es",
            "OAXACA, Oax.- Tres presuntos integrantes de una banda dedicada al robo de ganado "
            "murieron durante la persecución.",
            [("fatalities", 3, True)],
        ),
        (
            "en",
            "Seven workers of the state-owned cement company in the north were killed.",
            [("fatalities", 7, True)],
        ),
        # the count far before a word with its agent before it is who killed
        (
            "es",
            "Dos hombres que se movilizaban en una motocicleta roja asesinaron a tiros al "
            "comerciante.",
            [("fatalities", 1, True)],
        ),
        (
            "en",
            "Two gunmen riding a motorcycle through the crowded market killed a trader.",
            [("fatalities", 1, True)],
        ),
    ],
)
def test_a_count_that_opens_its_clause_is_the_subject_of_a_far_death_word(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("ar", "قتل تاجران شقيقان في السوق", [2]),  # a dual noun, then a dual in apposition
        ("ar", "أسفر القصف عن مقتل طبيبين", [2]),
        ("fr", "soixante-dix-sept", [77]),
        ("es", "treinta y dos", [32]),
        ("ru", "двадцать два", [22]),
    ],
)
def test_a_unit_after_a_unit_restates_it(lang: str, text: str, values: list[int]) -> None:
    assert [n.value for n in find_numbers(text, rules=get_rules((lang,)))] == values


def test_an_arabic_dual_of_people_after_a_death_verb_counts_two() -> None:
    assert _counts("ar", "قتل راعيان شقيقان في غارة على أطراف القرية.") == [("fatalities", 2, True)]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "ru",
            "Теперь жертв удара уже 12, ранены 30 человек, сообщил губернатор.",
            [("fatalities", 12, True), ("injured", 30, True)],
        ),
        ("ru", "Теперь погибших пятеро, сообщили спасатели.", [("fatalities", 5, True)]),
        ("uk", "Тепер загиблих шестеро, повідомив голова ОВА.", [("fatalities", 6, True)]),
    ],
)
def test_the_dead_before_their_count_in_russian_and_ukrainian(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "in_all"),
    [
        ("uk", "Загалом загинули 7 людей, ще 23 поранені.", True),
        ("en", "In all, seven people were killed, police said.", True),
        # a period or a start frames a running total, whatever else the clause says
        ("uk", "Загалом за добу загинули 7 людей.", False),
        ("ru", "С начала года всего погибли 70 человек.", False),
    ],
)
def test_a_sum_in_all_is_told_from_a_running_total(lang: str, sentence: str, in_all: bool) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert found and all(c.cumulative and c.in_all == in_all for c in found)


def test_a_sum_in_all_after_one_incident_is_its_toll() -> None:
    text = (
        "date 2026-01-24\nРосійська ракета влучила у будинок у Чернівцях у четвер, загинули "
        "шестеро людей. Загалом загинули 7 людей, ще 23 поранені, повідомили в ОВА."
    )
    ev = extract_events(text)
    row = ev[ev["location"] == "Chernivtsi"].iloc[0]
    assert (row["fatalities"], row["injured"]) == (7, 23)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # the figure a toll rose to replaces the deaths told before it in the sentence
        (
            "es",
            "Dos de los heridos murieron en el hospital, por lo que la cifra se elevó a nueve.",
            [("fatalities", 2), ("fatalities", 9)],
        ),
        (
            "es",
            "El número de muertos por el ataque contra el mercado de Kosti, en el sur de Sudán, "
            "ascendió a doce.",
            [("fatalities", 12)],
        ),
    ],
)
def test_a_toll_that_rose_to_a_figure(
    lang: str, sentence: str, expected: list[tuple[str, int]]
) -> None:
    from geo.events.engine import _summable

    rules = get_rules((lang,))
    found = count_casualties(sentence, rules=rules)
    assert [(c.kind, c.count) for c in found] == expected
    assert len(found) == 1 or not _summable(sentence, found, rules)


def test_a_running_total_framed_in_the_clause_of_its_verb() -> None:
    sentence = (
        "Plus de 150 personnes, civils et militaires, ont été tuées dans la région depuis le "
        "début des attaques."
    )
    found = count_casualties(sentence, rules=get_rules(("fr",)))
    assert [(c.count, c.cumulative) for c in found] == [(150, True)]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Dans un premier temps, les autorités ont parlé d'une trentaine de morts."),
        ("es", "En un primer momento, vecinos hablaron de veinte muertos."),
    ],
)
def test_an_opening_phrase_makes_a_figure_an_earlier_one(lang: str, sentence: str) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert found and all(c.earlier for c in found)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "uk",
            "Загинув чоловік, ще троє людей — працівники магазину, двоє чоловіків і жінка, — "
            "поранені.",
            ("injured", 3),
        ),
        ("ru", "Погибли три человека — жители соседнего дома — в Белгороде.", ("fatalities", 3)),
    ],
)
def test_a_count_before_an_aside_between_dashes(
    lang: str, sentence: str, expected: tuple[str, int]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert expected in [(c.kind, c.count) for c in found]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("uk", "Загиблих двоє, ще одна людина в лікарні.", ("fatalities", 2)),
        ("uk", "Поранених троє.", ("injured", 3)),
        ("uk", "Водій дістав поранення.", ("injured", 1)),
        ("ru", "Число раненых, по данным спасателей, — 16 человек.", ("injured", 16)),
        # the figure the count rose to, not an age after a dash
        (
            "uk",
            "Кількість поранених зросла до чотирьох — звернулася 72-річна жінка.",
            ("injured", 4),
        ),
    ],
)
def test_a_count_after_its_noun_of_the_dead_or_wounded(
    lang: str, sentence: str, expected: tuple[str, int]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [(c.kind, c.count) for c in found] == [expected]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # "nobody" in one word, and "no damage or casualties" with the damage first
        ("en", "Nobody was hurt, the mayor said.", ["fatalities", "injured"]),
        ("en", "No damage or casualties were reported in the town.", ["fatalities", "injured"]),
        # "il n'y a pas eu de" (there were no), and no damage nor wounded
        ("fr", "Il n'y a pas eu de victimes, selon la mairie.", ["fatalities", "injured"]),
        ("fr", "Deux drones ont été abattus, sans dégâts ni blessés.", ["fatalities", "injured"]),
        # "il n'y a pas eu de mort": no one died, the wounded are left to be counted
        ("fr", "Un homme a été blessé. Il n'y a pas eu de mort.", ["fatalities"]),
        # "no consequences" of an air attack: nothing hit, nobody hurt
        ("ru", "Над городом сбит беспилотник — без последствий.", ["fatalities", "injured"]),
        ("uk", "Над містом збили два дрони. Наслідків немає.", ["fatalities", "injured"]),
        # a threat that a crime will not go unpunished says nothing of casualties
        ("ru", "Это преступление не останется без последствий, заявил министр.", []),
    ],
)
def test_no_victims_in_more_wordings(lang: str, sentence: str, expected: list[str]) -> None:
    from geo.events.tolls import casualty_free

    assert sorted(casualty_free(sentence, rules=get_rules((lang,)))) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "rough"),
    [
        ("es", "Hallaron más de veinte cuerpos enterrados cerca de Silao.", [True]),
        ("es", "Al menos una docena de personas murieron en el ataque.", [True]),
        ("uk", "Загинули понад десять людей, повідомили в мережах.", [True]),
        ("fr", "Une vingtaine de personnes ont été tuées.", [True]),
        # "at least N" is the lower bound ACLED codes: a stated figure
        ("en", "At least 12 people were killed in the blast.", [False]),
        ("ru", "Погибли 8 человек, ещё 14 ранены.", [False, False]),
    ],
)
def test_an_estimate_is_marked_rough(lang: str, sentence: str, rough: list[bool]) -> None:
    assert [c.rough for c in count_casualties(sentence, rules=get_rules((lang,)))] == rough


@pytest.mark.parametrize(
    ("lang", "text", "town", "deaths"),
    [
        (
            "es",
            "date 2025-03-12\nAl menos una docena de personas murieron en un ataque armado en "
            "Silao el viernes, según medios locales. La Secretaría de Seguridad informó "
            "oficialmente de nueve fallecidos y cuatro heridos.",
            "Silao",
            9,
        ),
        (
            "uk",
            "date 2025-03-12\nВорог скинув КАБ на Сквиру, загинули понад десять людей. Згодом "
            "голова ОВА уточнив: загинули 8 людей, 14 поранені.",
            "Skvyra",
            8,
        ),
        # a stated figure far below the estimate is a part of the dead: the estimate stays
        (
            "en",
            "date 2025-03-12\nMore than 20 people were killed in a strike on Uzhhorod on "
            "Tuesday. Three children were killed, officials said.",
            "Uzhhorod",
            20,
        ),
    ],
)
def test_a_stated_figure_replaces_an_estimate_above_it(
    lang: str, text: str, town: str, deaths: int
) -> None:
    ev = extract_events(text)
    assert ev[ev["location"] == town].iloc[0]["fatalities"] == deaths


@pytest.mark.parametrize(
    ("lang", "sentence", "earlier"),
    [
        ("fr", "Dans la matinée, la préfecture faisait état de deux morts et 8 blessés.", [1, 1]),
        ("en", "The ministry had earlier reported three dead and 14 hurt.", [1, 1]),
        ("ru", "Утром в мэрии города говорили о 4 погибших и 9 раненых.", [1, 1]),
        ("en", "Three people were killed and 14 hurt, the ministry said.", [0, 0]),
    ],
)
def test_counts_joined_under_an_earlier_word_are_earlier(
    lang: str, sentence: str, earlier: list[int]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [int(c.earlier) for c in found] == earlier


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Two nurses were among those hurt, the mayor said."),
        ("es", "Tres agentes estaban también entre los heridos."),
        ("uk", "Троє рятувальників серед травмованих."),
        ("fr", "Trois pompiers figurent parmi les blessés."),
    ],
)
def test_a_part_of_the_counted_is_no_new_count(lang: str, sentence: str) -> None:
    assert count_casualties(sentence, rules=get_rules((lang,))) == []


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a count after a verb of its own is not of the dead before it
        ("en", "Gunmen killed 12 people and abducted 30 others.", [12]),
        ("fr", "Les assaillants ont tué 12 personnes et enlevé 30 autres.", [12]),
        # counts joined under one verb add up, past words of approximation
        ("en", "The raid killed 12 soldiers and at least 3 children.", [12, 3]),
    ],
)
def test_a_count_with_its_own_verb_is_not_joined_to_the_dead(
    lang: str, sentence: str, expected: list[int]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [c.count for c in found if c.kind == "fatalities"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # verb, subject, object: the weapon or the armed men between the verb and the count
        ("قتلت الغارة 12 شخصا وأصابت 20 آخرين.", [("fatalities", 12), ("injured", 20)]),
        ("قتلت الغارة الجوية ثلاثة مدنيين.", [("fatalities", 3)]),
        ("قتل المسلحون 12 شخصا واختطفوا 30 آخرين.", [("fatalities", 12)]),
        ("أصابت الغارة الإسرائيلية 20 شخصا.", [("injured", 20)]),
    ],
)
def test_an_arabic_verb_counts_past_its_subject(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    found = count_casualties(sentence, rules=get_rules(("ar",)))
    assert [(c.kind, c.count) for c in found] == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Drones struck a depot on Tuesday, injuring a fisherman."),
        ("en", "The shelling wounded two shepherds."),
        ("ru", "Ранен хозяин участка."),
        ("uk", "Поранено власника будинку."),
        ("uk", "Травмовано двох водіїв."),
    ],
)
def test_people_named_by_their_work_or_home_are_counted(lang: str, sentence: str) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [(c.kind, c.count) for c in found] == [
        ("injured", 2 if "two" in sentence or "двох" in sentence else 1)
    ]


@pytest.mark.parametrize(
    ("lang", "sentence", "count"),
    [
        ("fr", "Des jihadistes ont tué mardi neuf civils près du marché.", 9),
        ("fr", "Des jihadistes ont tué mardi soir neuf civils.", 9),
        ("en", "Gunmen killed on Tuesday nine civilians.", 9),
        ("en", "The strike killed on Tuesday at least 12 people.", 12),
        ("ru", "Боевики убили во вторник девять мирных жителей.", 9),
    ],
)
def test_a_day_between_the_verb_and_its_count_is_passed(
    lang: str, sentence: str, count: int
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [(c.kind, c.count) for c in found] == [("fatalities", count)]


def test_the_day_a_toll_rose_is_passed_to_its_count() -> None:
    # "subió el jueves a siete": the count is the toll; the day dates the count, not the
    # incident (engine._dates_the_rise)
    sentence = "La cifra de fallecidos subió el jueves a siete."
    found = count_casualties(sentence, rules=get_rules(("es",)))
    assert [(c.kind, c.count) for c in found] == [("fatalities", 7)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A drone hit a car on Monday, killing the driver.", [("fatalities", 1)]),
        (
            "The driver was killed and six passengers were wounded.",
            [("fatalities", 1), ("injured", 6)],
        ),
        ("The mayor of the town was shot dead on Saturday.", [("fatalities", 1)]),
        ("A drone dropped explosives on a man on Monday, killing him.", [("fatalities", 1)]),
        # no count: the driver is not among the dead
        ("The soldiers were killed when the driver lost control.", []),
    ],
)
def test_one_person_named_by_role_or_pronoun_counts_one(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    found = count_casualties(sentence, rules=get_rules(("en",)))
    assert [(c.kind, c.count) for c in found] == expected


def test_a_group_that_claims_its_fighters_killed_gives_no_toll() -> None:
    sentence = 'A rebel commander claimed his fighters had "killed more than 50 soldiers".'
    ((found,),) = [count_casualties(sentence, rules=get_rules(("en",)))]
    assert (found.count, found.claimed, found.toll) == (50, True, False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trois soldats sont tombés au combat près de Kenema.", [("fatalities", 3, True)]),
        ("Deux gendarmes tombés lundi ont été inhumés à Makeni.", [("fatalities", 2, True)]),
        # things that fell, and people who fell into something, are no dead
        ("Trois obus sont tombés sur le quartier.", []),
        ("Deux personnes sont tombées dans le fleuve.", []),
        ("Quatre hommes sont tombés dans une embuscade, sans gravité.", []),
    ],
)
def test_french_fallen_soldiers_are_dead(
    sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts("fr", sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # two people joined, the second with an age: the age is no count, both are hurt
        (
            "uk",
            "У Турці поранено 47-річну жінку та 70-річного чоловіка.",
            [("injured", 1, True), ("injured", 1, True)],
        ),
        (
            "ru",
            "В Кинешме ранены 47-летняя женщина и 70-летний мужчина.",
            [("injured", 1, True), ("injured", 1, True)],
        ),
        # a count in words right before an aside counts people by itself
        (
            "ru",
            "Погиб мужчина, еще пятеро, включая двоих детей, получили ранения.",
            [("fatalities", 1, True), ("injured", 5, True)],
        ),
        (
            "uk",
            "Ще п’ятеро, серед них двоє дітей, отримали поранення.",
            [("injured", 5, True)],
        ),
        # but not a number in digits before an aside
        ("en", "At 5, including the bus, were damaged.", []),
    ],
)
def test_people_joined_with_ages_and_counts_before_asides(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("uk", "Бойовики вбили дванадцятьох мирних жителів у Турці.", [("fatalities", 12, True)]),
        ("uk", "Поранено п’ятнадцятьох людей.", [("injured", 15, True)]),
    ],
)
def test_ukrainian_animate_forms_of_teens(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a list of people joined by commas and a last conjunction, with possessives
        ("en", "Gunmen killed a man, his wife and their two children.", [1, 1, 2]),
        ("fr", "Des hommes armés ont tué un homme, sa femme et leurs deux enfants.", [1, 1, 2]),
        ("es", "Sicarios mataron a un hombre, su esposa y sus dos hijos.", [1, 1, 2]),
        # a possessive before a count is no count of one; an article before an age is
        ("en", "A woman and her three children were killed.", [1, 3]),
        ("en", "A 70-year-old woman was killed.", [1]),
        # a list cut by a verb of its own is no list
        ("en", "Gunmen killed a man, wounded his wife and abducted their two children.", [1]),
    ],
)
def test_families_listed_are_counted_whole(lang: str, sentence: str, expected: list[int]) -> None:
    assert [c[1] for c in _counts(lang, sentence) if c[0] == "fatalities"] == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a model's number after its letters is no count; a missile that crashed down kills
        # no one by that word
        ("fr", "Un missile Kh-101 s’est abattu jeudi sur une école.", []),
        ("en", "A S-300 missile hit the town, killing 3.", [("fatalities", 3, True)]),
        # the comma of "9,000" closes no clause: "since January" frames the count
        (
            "en",
            "Over 250 people have died and more than 7,000 fled in the region since March, a "
            "rights group said.",
            [("fatalities", 250, False)],
        ),
    ],
)
def test_model_numbers_crashes_and_grouped_digits(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [(c.kind, c.count, not c.cumulative) for c in found] == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a short phrase of means or place between the verb and its count
        ("fr", "Des combattants ont tué à la machette au moins 18 personnes à Kenema.", [18]),
        ("fr", "Des combattants ont tué à Kenema au moins 18 personnes.", [18]),
        ("en", "Gunmen killed with machetes at least 18 villagers.", [18]),
        # not the English article "a"
        ("en", "A drone hit a farm, killing a man and his young daughter.", [1, 1]),
    ],
)
def test_counts_past_a_phrase_of_means_or_place(
    lang: str, sentence: str, expected: list[int]
) -> None:
    assert [c[1] for c in _counts(lang, sentence) if c[0] == "fatalities"] == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a dash that describes the one person just counted restates them
        (
            "ru",
            "В Кинешме в результате атаки БПЛА пострадал один человек — мужчина 35 лет с "
            "осколочными ранениями.",
            [("injured", 1, True)],
        ),
        (
            "en",
            "One person was injured - a 35-year-old man with shrapnel wounds.",
            [("injured", 1, True)],
        ),
        # "one of them" after a count is none more
        (
            "ar",
            "أصيب ثلاثة مواطنين، أحدهم بجروح خطيرة، برصاص مسلحين في بلدة روصو.",
            [("injured", 3, True)],
        ),
        # two kinds are no restatement
        (
            "en",
            "Two people were killed and one was injured.",
            [("fatalities", 2, True), ("injured", 1, True)],
        ),
    ],
)
def test_restated_victims_are_counted_once(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2028-06-15\nВночі безпілотник влучив у склад на околиці Бібрки. "
            "Людей не травмовано.",
            (0, 0),
        ),
        (
            "date 2028-06-15\nНочью беспилотник атаковал склад в Кинешме. Жители не пострадали.",
            (0, 0),
        ),
        # two wounded "without dead falling": no dead
        (
            "date 2028-06-15\nاستهدفت طائرة مسيّرة فجر اليوم معسكرا للجيش في كيفة، ما أدى إلى "
            "إصابة جنديين بجروح، دون سقوط أي قتلى.",
            (0, 2),
        ),
    ],
)
def test_nobody_hurt_said_of_the_people(text: str, expected: tuple[int, int]) -> None:
    (row,) = extract_events(text).query("event_type != 'Mention'").itertuples()
    assert (row.fatalities, row.injured) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "en",
            "Four police officers, two guards and a driver died in the ambush.",
            [4, 2, 1],
        ),
        ("fr", "Cinq gendarmes, trois miliciens et un berger ont été tués.", [5, 3, 1]),
        ("es", "Murieron cuatro policías, dos milicianos y un civil.", [4, 2, 1]),
        ("ru", "Погибли четверо военных, двое боевиков и один мирный житель.", [4, 2, 1]),
        # a comma with no conjunction after it ends no list: the aside is not counted
        ("en", "Five people, among them three boys, were killed.", [5]),
    ],
)
def test_lists_of_the_dead_joined_by_commas_count_every_item(
    lang: str, sentence: str, expected: list[int]
) -> None:
    assert [c[1] for c in _counts(lang, sentence) if c[0] == "fatalities"] == expected


def test_a_noun_of_wounding_after_a_conjunction_takes_the_count_after_it() -> None:
    # "five killed, a child among them, and seven wounded"
    sentence = "ما أسفر عن مقتل خمسة أشخاص بينهم امرأة وإصابة سبعة"
    assert [(c[0], c[1]) for c in _counts("ar", sentence)] == [("fatalities", 5), ("injured", 7)]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "uk",
            "У Турці внаслідок обстрілу поранень зазнали двоє людей, у Фурманові — троє.",
            [("injured", 2), ("injured", 3)],
        ),
        (
            "ru",
            "В Кинешме ранены двое, в Фурманове — один человек.",
            [("injured", 2), ("injured", 1)],
        ),
        (
            "en",
            "Shelling killed two people in Kenema, in Makeni - four.",
            [("fatalities", 2), ("fatalities", 4)],
        ),
        # a dash that opens an aside is no elided clause
        (
            "en",
            "Two people were hurt by shelling in Kenema, police said - one of them a child.",
            [("injured", 2)],
        ),
        # nor one after "among them": a part of the toll before, not more of it
        ("ru", "В Кинешме ранены четыре человека, среди них — две пенсионерки.", [("injured", 4)]),
        (
            "uk",
            "У Бібрці травмовано четверо мешканців, серед них — двоє студентів.",
            [("injured", 4)],
        ),
        (
            "en",
            "Shelling wounded four residents of Makeni, among them - two teenagers.",
            [("injured", 4)],
        ),
    ],
)
def test_a_clause_that_elides_its_casualty_word_takes_the_kind_before(
    lang: str, sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c[0], c[1]) for c in _counts(lang, sentence)] == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # Spanish: the means between the verb and its victims, and nouns of family
        ("es", "Unos pistoleros asesinaron a tiros a tres personas.", [("fatalities", 3)]),
        ("es", "Sicarios hirieron a balazos a dos policías.", [("injured", 2)]),
        (
            "es",
            "Un comando mató a machetazos a un padre y a sus dos hijos.",
            [("fatalities", 1), ("fatalities", 2)],
        ),
        # Arabic: a dual with a possessive pronoun is a noun of two people
        ("ar", "أسفر القصف عن مقتل امرأة وطفليها.", [("fatalities", 1), ("fatalities", 2)]),
        ("ar", "أصيب رجل وابناه بجروح.", [("injured", 1), ("injured", 2)]),
        # Russian and Ukrainian: health workers counted one each
        ("ru", "Ранены фельдшер и водитель.", [("injured", 1), ("injured", 1)]),
        ("uk", "Поранено фельдшера і водія.", [("injured", 1), ("injured", 1)]),
        # Arabic: a noun of one person after a glued conjunction is one more item
        ("ar", "أصيبت امرأتان وطفل.", [("injured", 2), ("injured", 1)]),
        ("ar", "أسفر القصف عن مقتل رجل وامرأة.", [("fatalities", 1), ("fatalities", 1)]),
        ("ar", "قتل متظاهر في المدينة.", [("fatalities", 1)]),
        # Spanish: wounds caused to people
        ("es", "El ataque causó heridas a otras cuatro personas.", [("injured", 4)]),
        # a married couple: two people
        ("uk", "Внаслідок удару загинуло подружжя.", [("fatalities", 2)]),
        ("ru", "Ранены супруги и их сын.", [("injured", 2), ("injured", 1)]),
        ("en", "A married couple was injured when the drone hit their home.", [("injured", 2)]),
        ("en", "The shell landed in a yard, wounding a couple.", [("injured", 2)]),
        # the injured named by their state or trade, reflexive verbs of injury
        ("uk", "Під час атаки травмувалася 54-річна жителька села.", [("injured", 1)]),
        ("uk", "Потерпілий отримав поранення рук.", [("injured", 1)]),
        ("ru", "Ранение получил электромонтёр, работавший на линии.", [("injured", 1)]),
        ("ru", "Травмировалась пожилая женщина.", [("injured", 1)]),
        # a massacre is a killing
        ("fr", "Les assaillants ont massacré douze villageois.", [("fatalities", 12)]),
        # bodies counted after the word, a killing told in the pluperfect or with an adverb
        ("en", "Relatives collected the bodies of three guards.", [("fatalities", 3)]),
        (
            "es",
            "La víspera, los mismos hombres habían matado a tres campesinos.",
            [("fatalities", 3)],
        ),
        ("fr", "Jeudi, des tirs avaient déjà tué trois bergers.", [("fatalities", 3)]),
        # the army's word in quotation marks, in a clash
        (
            "fr",
            "Les soldats ont affronté des miliciens. Deux miliciens ont été « neutralisés ».",
            [("fatalities", 2)],
        ),
        # a toll that has grown, "now" after its noun
        ("ru", "Погибших теперь семь.", [("fatalities", 7)]),
        ("uk", "Загиблих тепер восьмеро.", [("fatalities", 8)]),
    ],
)
def test_victims_named_by_nouns_and_after_the_means_are_counted(
    lang: str, sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c[0], c[1]) for c in _counts(lang, sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the toll's verb past a day ("subió ayer a"), the wounded "son ya"
        (
            "La cifra de fallecidos del coche bomba de Balanbale subió ayer a doce y los heridos "
            "son ya cuarenta.",
            [("fatalities", 12, False), ("injured", 40, False)],
        ),
        ("Los heridos son ya dieciséis, dijo la Cruz Roja.", [("injured", 16, False)]),
        # a figure the authorities gave before ("que ... cifraba en") is an earlier one
        (
            "Los heridos son ya 31, informó la alcaldía, que horas antes cifraba en dos los "
            "fallecidos y en 26 los heridos.",
            [("injured", 31, False), ("fatalities", 2, True), ("injured", 26, True)],
        ),
    ],
)
def test_spanish_toll_updates(sentence: str, expected: list[tuple[str, int, bool]]) -> None:
    found = count_casualties(sentence, rules=get_rules(("es",)))
    assert [(c.kind, c.count, c.earlier) for c in found] == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("uk", "У Кінешмі від удару дрона загинув комунальник."),
        ("uk", "Офіцер загинув у Кінешмі."),
        ("ru", "В Кинешме при ударе дрона погиб коммунальщик."),
        ("ru", "В Кинешме ранен электрик."),
    ],
)
def test_one_worker_named_by_trade_counts_one(lang: str, sentence: str) -> None:
    found = count_casualties(sentence, rules=get_rules((lang,)))
    assert [c.count for c in found] == [1]


@pytest.mark.parametrize(
    ("lang", "sentence", "count"),
    [
        ("en", "One of them later died in hospital.", 1),
        ("en", "Two of them later died, officials said.", 2),
        ("ru", "Один из них скончался по дороге в госпиталь.", 1),
        ("uk", "Один з них помер у лікарні.", 1),
        ("es", "Uno de ellos falleció horas después.", 1),
    ],
)
def test_a_count_of_them_that_opens_the_sentence_is_a_toll(
    lang: str, sentence: str, count: int
) -> None:
    assert [(c.kind, c.count) for c in count_casualties(sentence, rules=get_rules((lang,)))] == [
        ("fatalities", count)
    ]


def test_a_part_of_a_count_told_before_is_no_toll_of_its_own() -> None:
    sentence = "Пострадали 31 человек, 12 из них доставлены в больницы."
    found = count_casualties(sentence, rules=get_rules(("ru",)))
    assert [(c.kind, c.count) for c in found] == [("injured", 31)]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a clash: the attackers' dead beside the forces' are its dead too
        (
            "fr",
            "Un gendarme et quatre assaillants sont morts dans l'échange de tirs.",
            [("fatalities", 1, True), ("fatalities", 4, True)],
        ),
        # attackers killed beside their victims, civilians, stay out of the toll
        (
            "en",
            "Gunmen killed 12 villagers; vigilantes later killed three attackers.",
            [("fatalities", 12, True), ("fatalities", 3, False)],
        ),
        # a side's claim stays a claim
        (
            "en",
            "A soldier died; the army says it killed 20 attackers.",
            [("fatalities", 1, True), ("fatalities", 20, False)],
        ),
    ],
)
def test_the_attackers_dead_count_in_a_clash_only(
    lang: str, sentence: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert _counts(lang, sentence) == expected
