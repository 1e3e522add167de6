"""Tests of the Russian, Ukrainian and Arabic event rules (``geo/lang/{ru,uk,ar}/events.toml``)
and of the language-neutral engine changes they brought: number words in every case,
Arabic-Indic digits and glued particles, dates in every case and calendar, tolls and
running totals, actors in the three languages, and whole articles.

The sentences are written for these tests; none is taken from an evaluation text.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import geo
from geo.events.actors import find_actors
from geo.events.dates import find_dates
from geo.events.engine import classify_sentence, cue_matches
from geo.events.numbers import find_numbers, parse_number
from geo.events.rules import get_event_pack, get_rules, languages_with_rules, literal_alternation
from geo.events.tolls import casualty_free, count_casualties
from geo.io.documents import make_document
from geo.lang.ar.morph import strip_marks

RU, UK, AR = get_rules(("ru",)), get_rules(("uk",)), get_rules(("ar",))
RULES = {
    "ru": RU,
    "uk": UK,
    "ar": AR,
    "en": get_rules(("en",)),
    "fr": get_rules(("fr",)),
    "es": get_rules(("es",)),
}
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# --------------------------------------------------------------------------- packs


def test_every_language_has_event_rules() -> None:
    assert set(languages_with_rules()) == {"en", "fr", "es", "ru", "uk", "ar"}
    for code in ("ru", "uk", "ar"):
        pack = get_event_pack(code)
        assert pack is not None and pack.sources["cues"]
        assert RULES[code].cue_re is not None


def test_arabic_particles_are_tested_once_per_list() -> None:
    pack = get_event_pack("ar")
    assert pack is not None
    # one pattern (the particles, then every cue) rather than the particles before each cue
    assert len(pack.pattern_list("cues", "air_strike")) == 1
    assert classify_sentence("وبالغارات الإسرائيلية", rules=AR) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


@given(st.sets(st.text(alphabet="абвгде ابت", min_size=1, max_size=6), min_size=1, max_size=12))
def test_literal_alternation_matches_exactly_its_words(words: set[str]) -> None:
    rx = re.compile(literal_alternation(words))
    for w in words:
        assert rx.fullmatch(w) is not None
    assert rx.fullmatch("".join(sorted(words)) + "ж") is None


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("code", "text", "value"),
    [
        ("ru", "двое", 2),
        ("ru", "троих", 3),
        ("ru", "пятерых", 5),
        ("ru", "5-х", 5),
        ("ru", "10-ти", 10),
        ("ru", "двадцать пять", 25),
        ("ru", "сто двадцать", 120),
        ("ru", "две тысячи", 2000),
        ("ru", "две сотни", 200),
        ("ru", "7 тысяч", 7000),
        ("ru", "1,3 тыс.", 1300),
        ("uk", "двоє", 2),
        ("uk", "п'ятеро", 5),
        ("uk", "п’ятеро", 5),
        ("uk", "дванадцятеро", 12),
        ("uk", "сорок два", 42),
        ("ar", "ثلاثة", 3),
        ("ar", "خمسة وعشرين", 25),
        ("ar", "أحد عشر", 11),
        ("ar", "مئة وعشرون", 120),
        ("ar", "ثلاثمئة", 300),
        ("ar", "٣٢", 32),
        ("ar", "شخصين", 2),
        ("ar", "١١ ألفا", 11000),
    ],
)
def test_number_words_in_their_cases(code: str, text: str, value: int) -> None:
    assert parse_number(text, rules=RULES[code]) == value


@pytest.mark.parametrize(
    ("code", "text", "value"),
    [
        ("ru", "несколько", 10),
        ("ru", "десятки", 12),
        ("ru", "сотни", 100),
        ("uk", "кілька", 10),
        ("uk", "десятки", 12),
        ("ar", "عشرات", 12),
        ("ar", "مئات", 100),
        ("ar", "عدد من", 10),
    ],
)
def test_vague_counts_are_coded_as_acled_does(code: str, text: str, value: int) -> None:
    found = find_numbers(f"x {text} x", rules=RULES[code])
    assert [(n.value, n.vague) for n in found] == [(value, True)]


def test_french_eighty_is_still_four_twenties() -> None:
    assert parse_number("quatre-vingt-dix-neuf") == 99
    assert parse_number("خمسة وعشرين", rules=AR) == 25  # not five twenties


def test_a_noun_of_one_person_counts_one_unless_a_count_goes_with_it() -> None:
    assert [n.value for n in find_numbers("погиб мужчина", rules=RU)] == [1]
    # the noun a count counts is no second count
    assert [n.value for n in find_numbers("ранены двое мужчин и женщина", rules=RU)] == [2, 1]
    assert [n.value for n in find_numbers("один мирный житель", rules=RU)] == [1]


@given(st.integers(min_value=0, max_value=99_999))
def test_arabic_indic_digits_parse(n: int) -> None:
    assert parse_number(str(n).translate(ARABIC_DIGITS), rules=AR) == n


@given(st.integers(min_value=2, max_value=999), st.sampled_from(["-х", "-ти", "-ми", "х"]))
def test_digits_with_a_case_ending_parse(n: int, ending: str) -> None:
    assert parse_number(f"{n}{ending}", rules=RU) == n


@given(st.integers(min_value=1, max_value=9_999))
def test_a_count_glued_to_and_is_found(n: int) -> None:
    digits = str(n).translate(ARABIC_DIGITS)
    found = find_numbers(f"مقتل شخص و{digits} آخرين", rules=AR)
    assert [x.value for x in found][-1] == n


@given(st.text(max_size=80))
def test_find_numbers_never_crashes_in_the_three_languages(text: str) -> None:
    for rules in RULES.values():
        for n in find_numbers(text, rules=rules):
            assert 0 <= n.start < n.end <= len(text)


# --------------------------------------------------------------------------- tolls


@pytest.mark.parametrize(
    ("code", "sentence", "tolls"),
    [
        (
            "ru",
            "В результате ракетного удара погибли пятеро человек, еще 12 получили ранения.",
            [("fatalities", 5), ("injured", 12)],
        ),
        (
            "ru",
            "Погиб мужчина, ранены его жена и сын.",  # one and one more: the engine adds them
            [("fatalities", 1), ("injured", 1), ("injured", 1)],
        ),
        ("ru", "Число погибших выросло до 14 человек.", [("fatalities", 14)]),
        ("ru", "Ранения получили трое жителей, в том числе 15-летний подросток.", [("injured", 3)]),
        (
            "uk",
            "Унаслідок обстрілу загинули двоє людей, ще п'ятеро дістали поранень.",
            [("fatalities", 2), ("injured", 5)],
        ),
        (
            "uk",
            "Загинули 70-річний чоловік та його дружина.",
            [("fatalities", 1), ("fatalities", 1)],
        ),
        ("uk", "Поранено 56-річну жінку.", [("injured", 1)]),
        (
            "ar",
            "قتل خمسة أشخاص وأصيب ١٢ آخرون في غارة جوية.",
            [("fatalities", 5), ("injured", 12)],
        ),
        (
            "ar",
            "أسفر القصف عن مقتل شخصين وإصابة ثلاثة آخرين.",
            [("fatalities", 2), ("injured", 3)],
        ),
        ("ar", "ارتفعت حصيلة ضحايا الهجوم إلى ٤٥ قتيلا.", [("fatalities", 45)]),
        ("ar", "استشهد اليوم ثلاثة مواطنين، بينهم طفل.", [("fatalities", 3)]),
    ],
)
def test_tolls_in_the_three_languages(
    code: str, sentence: str, tolls: list[tuple[str, int]]
) -> None:
    found = count_casualties(sentence, rules=RULES[code])
    assert [(c.kind, c.count) for c in found] == tolls
    assert not any(c.cumulative for c in found)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("ru", "С начала войны в области погибли более 500 мирных жителей."),
        ("ru", "За сутки погибли 12 человек."),
        ("uk", "Від початку року в громаді загинули 27 цивільних."),
        ("ar", "وارتفعت الحصيلة منذ بداية الحرب إلى ٣٠٠٠ شهيد."),
        ("ar", "قتل ٤٥ شخصا خلال الساعات الـ24 الماضية."),
    ],
)
def test_running_totals_are_no_tolls(code: str, sentence: str) -> None:
    found = count_casualties(strip_marks(sentence)[0], rules=RULES[code])
    assert found and all(c.cumulative for c in found)


@pytest.mark.parametrize(
    ("code", "sentence", "kinds"),
    [
        ("ru", "Пострадавших нет, повреждены два дома.", {"fatalities", "injured"}),
        ("ru", "Погибших, по данным властей, нет; ранены трое.", {"fatalities"}),
        ("uk", "Постраждалих немає.", {"fatalities", "injured"}),
        ("uk", "Загиблих немає, поранено трьох людей.", {"fatalities"}),
        ("ar", "انفجرت عبوة ناسفة دون وقوع إصابات.", {"fatalities", "injured"}),
        ("ar", "أصيب عدد من المحتجين دون تسجيل وفيات.", {"fatalities"}),
        ("ru", "О пострадавших не сообщалось.", set()),
        (
            "es",
            "Tres guardias quedaron heridos, sin que se registraran víctimas fatales.",
            {"fatalities"},
        ),
        ("fr", "Une passante a été blessée, sans qu'aucun décès ne soit signalé.", {"fatalities"}),
    ],
)
def test_no_deaths_and_no_victims(code: str, sentence: str, kinds: set[str]) -> None:
    assert casualty_free(sentence, rules=RULES[code]) == kinds


# --------------------------------------------------------------------------- dates

WEDNESDAY = dt.date(2025, 3, 5)


@pytest.mark.parametrize(
    ("code", "text", "day"),
    [
        ("ru", "14 января", "2025-01-14"),
        ("ru", "4 апреля 2024 года", "2024-04-04"),
        ("ru", "в ночь на вторник", "2025-03-04"),
        ("ru", "в ночь с субботы на воскресенье", "2025-03-02"),
        ("ru", "вчера вечером", "2025-03-04"),
        ("ru", "накануне", "2025-03-04"),
        ("ru", "в пятницу", "2025-02-28"),
        ("uk", "у ніч проти понеділка", "2025-03-03"),
        # the night just gone ends on the article's day (tests/eval/events/README.md)
        ("uk", "минулої ночі", "2025-03-05"),
        ("uk", "у вівторок, 4 березня", "2025-03-04"),
        ("uk", "у п’ятницю", "2025-02-28"),
        ("uk", "учорашнього удару", "2025-03-04"),
        ("ar", "٢٩ حزيران/يونيو الماضي", "2024-06-29"),
        ("ar", "١٤ تشرين الأول", "2024-10-14"),
        ("ar", "٣ جويلية", "2024-07-03"),
        ("ar", "٥ غشت", "2024-08-05"),
        ("ar", "٢ مارس", "2025-03-02"),
        ("ar", "فجر اليوم", "2025-03-05"),
        ("ar", "ليلة أمس", "2025-03-04"),
        ("ar", "مساء الأحد", "2025-03-02"),
        # one month in both calendars' names: the year after the second name is the date's
        ("ar", "في 8 تشرين الثاني/نوفمبر 2022", "2022-11-08"),
        ("ar", "يوم 17 آب (أغسطس) 2021", "2021-08-17"),
        ("ar", "في 11 كانون الثاني يناير من عام 2023", "2023-01-11"),
        ("ar", "في أيلول/سبتمبر 2020", "2020-09-01"),
    ],
)
def test_dates_in_every_case_and_calendar(code: str, text: str, day: str) -> None:
    found = find_dates(text, reference=WEDNESDAY, rules=RULES[code])
    assert [str(d.date) for d in found] == [day]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ru", "с 16 по 18 января"),
        ("ru", "до понедельника"),
        ("ar", "منذ ٧ أكتوبر"),
        # a since-clause that ends at its date
        ("en", "since the outbreak of the insurgency in the east on 3 May 2021"),
        ("fr", "depuis le début de la rébellion le 3 mai 2021"),
        ("es", "desde el inicio del conflicto armado en mayo de 2021"),
        ("ru", "с начала наступления 3 мая 2021 года"),
        ("uk", "з початку наступу 3 травня 2021 року"),
        ("ar", "ومنذ اندلاع المعارك في الإقليم في الثالث من أيار/مايو 2021"),
    ],
)
def test_dates_after_since_or_until_are_no_event_days(code: str, text: str) -> None:
    assert find_dates(text, reference=WEDNESDAY, rules=get_rules((code,))) == []


def test_a_span_of_days_takes_its_first_day_and_a_night_its_last() -> None:
    monday = dt.date(2024, 12, 9)
    span = find_dates("entre el viernes y el sábado", reference=monday)
    night = find_dates("la noche del viernes al sábado", reference=monday)
    assert [str(d.date) for d in span] == ["2024-12-06"]
    assert [str(d.date) for d in night] == ["2024-12-07"]


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    ("code", "sentence", "sub_type"),
    [
        (
            "ru",
            "Российские войска обстреляли город из артиллерии.",
            "Shelling/artillery/missile attack",
        ),
        ("ru", "Беспилотник атаковал автомобиль.", "Air/drone strike"),
        ("ru", "Управляемая авиабомба попала в дом.", "Air/drone strike"),
        ("ru", "Идут ожесточенные бои за поселок.", "Armed clash"),
        ("ru", "Боевики похитили троих местных жителей.", "Abduction/forced disappearance"),
        ("ru", "Тысячи человек вышли на митинг.", "Peaceful protest"),
        ("ru", "Силовики ликвидировали трех боевиков.", "Armed clash"),
        ("en", "A drone slammed into an apartment block.", "Air/drone strike"),
        ("es", "La aviación siria bombardeó el mercado del pueblo.", "Air/drone strike"),
        ("es", "Tres muertos en un bombardeo de la Fuerza Aérea.", "Air/drone strike"),
        (
            "es",
            "Un bombardeo de la artillería alcanzó el barrio.",
            "Shelling/artillery/missile attack",
        ),
        ("en", "A fighter jet dropped two bombs on the school.", "Air/drone strike"),
        ("en", "Tank fire killed three men.", "Shelling/artillery/missile attack"),
        ("en", "Troops neutralised five militants.", "Armed clash"),
        ("en", "Their truck ran over a landmine.", "Remote explosive/landmine/IED"),
        ("en", "A car was hit by an FPV drone.", "Air/drone strike"),
        ("en", "After debris fell on the plant, a fire broke out.", "Air/drone strike"),
        ("ru", "После падения обломков на предприятии возник пожар.", "Air/drone strike"),
        ("ru", "Обломки ракеты упали на частный дом.", "Shelling/artillery/missile attack"),
        (
            "ru",
            "Мужчина подорвался на неразорвавшемся боеприпасе.",
            "Remote explosive/landmine/IED",
        ),
        ("uk", "Росіяни скинули на село дві керовані авіабомби.", "Air/drone strike"),
        ("uk", "На міні підірвався трактор.", "Remote explosive/landmine/IED"),
        ("uk", "Тисячі людей вийшли на протест.", "Peaceful protest"),
        ("ar", "دارت اشتباكات عنيفة بين الجيش والمسلحين.", "Armed clash"),
        ("ar", "انفجرت عبوة ناسفة على جانب الطريق.", "Remote explosive/landmine/IED"),
        ("ar", "خرج آلاف المتظاهرين في مظاهرة حاشدة.", "Peaceful protest"),
        ("ar", "اختطف مسلحون مجهولون ثلاثة مدنيين.", "Abduction/forced disappearance"),
        ("ar", "محتجون يقتحمون مبنى السفارة ويضرمون النار فيه.", "Violent demonstration"),
        ("es", "Disidentes hostigaron la estación de Policía durante dos horas.", "Armed clash"),
        ("es", "Tropas capturaron en la zona rural a dos sospechosos.", "Arrests"),
        ("es", "Alias el Flaco fue capturado por la Policía en su finca.", "Arrests"),
        ("es", "Cuatro agentes fueron emboscados sobre la carretera.", "Armed clash"),
        ("es", "Desconocidos dispararon contra un taxista en la terminal.", "Attack"),
        ("es", "Ultiman a comerciante en el mercado.", "Attack"),
        ("es", "Una asonada contra la tropa dejó tres soldados heridos.", "Mob violence"),
        ("es", "Un comando armado irrumpió en una cantina y abrió fuego.", "Attack"),
        ("es", "Un hombre murió tras ser atacado a balazos.", "Attack"),
        ("es", "Sujetos armados balearon a dos policías municipales.", "Armed clash"),
        ("es", "Hombres armados abrieron fuego contra una patrulla.", "Armed clash"),
        ("es", "Militares repelieron una agresión de civiles armados.", "Armed clash"),
        ("es", "Normalistas tomaron casetas de peaje en la autopista.", "Peaceful protest"),
        (
            "es",
            "La marcha acabó en enfrentamientos entre encapuchados y granaderos.",
            "Violent demonstration",
        ),
        (
            "es",
            "Un grupo de jóvenes lanzó piedras y petardos contra la alcaldía.",
            "Violent demonstration",
        ),
        ("es", "Luego de que un comando los emboscara en un camino vecinal.", "Armed clash"),
        ("es", "Dos hombres fueron ultimados a balazos frente a su casa.", "Attack"),
        ("es", "Un ataque armado contra un autobús de pasajeros.", "Attack"),
        (
            "es",
            "Comuneros bloquearon durante cinco horas la carretera federal.",
            "Peaceful protest",
        ),
        (
            "es",
            "Maestros mantienen un paro indefinido y un bloqueo en la autopista.",
            "Peaceful protest",
        ),
        (
            "es",
            "Denunció la privación ilegal de la libertad de un comerciante.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_cues_by_acled_sub_type(code: str, sentence: str, sub_type: str) -> None:
    found = classify_sentence(sentence, rules=RULES[code])
    assert found is not None and found[1] == sub_type


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("ru", "Пешеход сбит автомобилем на переходе."),
        ("ru", "Новую систему протестировали на полигоне."),
        ("ru", "С наступлением темноты движение закрыто."),
        ("uk", "Наступного дня рух відновили."),
        ("ar", "أوقفت شركات الطيران رحلاتها."),
    ],
)
def test_words_that_look_like_cues_are_none(code: str, sentence: str) -> None:
    assert classify_sentence(sentence, rules=RULES[code]) is None


@pytest.mark.parametrize(
    ("code", "sentence", "sub_type"),
    [
        # a march told with its auxiliary, the place between the verb and its purpose
        (
            "fr",
            "Des étudiants ont marché à Parakou jusqu'à la mairie pour réclamer des bourses.",
            "Peaceful protest",
        ),
        ("fr", "Des milliers de personnes sont descendues dans la rue à Lomé.", "Peaceful protest"),
        (
            "fr",
            "Une centaine de commerçants se sont rassemblés devant la préfecture de Kara.",
            "Peaceful protest",
        ),
        # an adverb between the drones' verb and its participle
        (
            "fr",
            "Des drones ont par ailleurs frappé un entrepôt à Soumy.",
            "Air/drone strike",
        ),
        ("fr", "Un drone s'est en outre abattu sur un garage à Soumy.", "Air/drone strike"),
        # a walk to a seat of authority
        (
            "es",
            "Unas 2 mil personas caminaron desde la plaza hasta el Palacio de Gobierno.",
            "Peaceful protest",
        ),
        # "abatidos" of drones: shot down, as "derribados"
        ("es", "Tres drones fueron abatidos sobre la ciudad.", "Disrupted weapons use"),
        ("es", "La defensa antiaérea abatió dos drones.", "Disrupted weapons use"),
        # an auxiliary and a day set off by commas between the aircraft and its verb
        ("en", "Its aircraft had, on Sunday, struck fighters near the lake.", "Air/drone strike"),
    ],
)
def test_more_cue_wordings(code: str, sentence: str, sub_type: str) -> None:
    found = classify_sentence(sentence, rules=RULES[code])
    assert found is not None and found[1] == sub_type


def test_air_defences_that_shot_down_drones_told_after_are_an_interception() -> None:
    # the weapons named after the verb of the air defences are theirs to shoot down: the
    # cue of the drones alone ("дронов", a drone strike) is no nearer to the place
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    for text in (
        "date 2027-03-04\nВо вторник силы ПВО сбили несколько дронов над Полтавой.",
        "date 2027-03-04\nУ вівторок сили ППО збили кілька дронів над Полтавою.",
    ):
        rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
        assert [(r["location"], r["sub_event_type"]) for r in rows] == [
            ("Poltava", "Disrupted weapons use")
        ], text


def test_interceptions_alone_are_disrupted_weapons_use() -> None:
    # ACLED codes an interception with nothing hit as Strategic developments / Disrupted
    # weapons use, as it does a bomb defused
    disrupted = "Disrupted weapons use"
    for code, sentence, sub_type in (
        ("ru", "Средства ПВО сбили над регионом 12 беспилотников.", disrupted),
        ("uk", "Сили оборони знищили 20 шахедів.", disrupted),
        ("ar", "اعترضت الدفاعات الجوية صاروخا.", disrupted),
        ("fr", "La défense aérienne a intercepté deux missiles.", disrupted),
        ("es", "La defensa antiaérea derribó tres drones.", disrupted),
        ("en", "Sappers defused a roadside bomb.", disrupted),
    ):
        found = classify_sentence(sentence, rules=get_rules((code,)))
        assert found is not None and found[1] == sub_type, (code, sentence)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("ar", "أسقطت الدفاعات الأرضية ثلاث طائرات مسيرة فوق المدينة فجر الأحد."),
        ("en", "Air defences shot down three drones over the town on Sunday."),
        ("fr", "La défense aérienne a intercepté trois drones au-dessus de la ville."),
        ("ru", "Силы ПВО сбили над городом три беспилотника."),
    ],
)
def test_downed_drones_alone_are_disrupted_weapons_use(code: str, sentence: str) -> None:
    # ACLED's "Interception:" events: nothing hit, no attack coded
    assert classify_sentence(sentence, rules=RULES[code]) == (
        "Strategic developments",
        "Disrupted weapons use",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "وتجمع العشرات من سكان أربيل ظهر اليوم أمام مبنى المحافظة للتنديد بالقصف.",
        "تجمع مئات الأهالي في الساحة الرئيسية في مدينة أربيل احتجاجا على الغارات التركية.",
    ],
)
def test_arabic_gathering_against_a_strike_is_a_protest(sentence: str) -> None:
    # what a protest is against (للتنديد ب، احتجاجا على) is its cause, not an incident
    [ev] = _events("date 2026-03-02\n" + sentence)
    assert (ev["location"], ev["sub_type"], ev["actor1"]) == (
        "Erbil",
        "Peaceful protest",
        "Protesters",
    )


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        # incursion verb forms, fire at a shepherd, a noun of wounding with its pronoun
        ("توغلت قوة عسكرية في أطراف البلدة.", "Armed clash"),
        ("أطلق الجنود النار باتجاه راع في المنطقة.", "Attack"),
        ("أطلقت دورية النار على شاب قرب الحاجز.", "Attack"),
    ],
)
def test_arabic_incursions_and_fire_at_a_person(sentence: str, sub_type: str) -> None:
    found = classify_sentence(sentence, rules=AR)
    assert found is not None and found[1] == sub_type


@pytest.mark.parametrize(
    "sentence",
    [
        "وحلق الطيران المسير على علو منخفض فوق القرى.",
        "بدأت العملية فجرا بمشاركة طائرات مروحية وجرافات.",
        "وسط تحليق للطيران الحربي في أجواء المنطقة.",
    ],
)
def test_arabic_aircraft_flying_over_strike_nothing(sentence: str) -> None:
    assert classify_sentence(sentence, rules=AR) is None


def test_arabic_raid_with_arrests_is_arrests() -> None:
    sentence = "داهمت قوة أمنية منازل في القرية واعتقلت ثلاثة شبان."
    assert classify_sentence(sentence, rules=AR) == ("Strategic developments", "Arrests")


@pytest.mark.parametrize(
    ("code", "sentence", "sub_type"),
    [
        # unidentified gunmen who abduct: the abduction, not an attack
        (
            "fr",
            "Des hommes armés non identifiés ont enlevé samedi un commerçant.",
            "Abduction/forced disappearance",
        ),
        (
            "es",
            "Hombres armados secuestraron a un comerciante en la vereda.",
            "Abduction/forced disappearance",
        ),
        ("fr", "Des hommes armés ont tué trois civils au marché.", "Attack"),
        # gas cylinders launched as improvised mortars: shelling; one placed: an explosive
        (
            "es",
            "Un cilindro bomba lanzado desde una loma cayó sobre una vivienda.",
            "Shelling/artillery/missile attack",
        ),
        (
            "es",
            "Los disidentes lanzaron cilindros contra la estación de policía.",
            "Shelling/artillery/missile attack",
        ),
        ("es", "Hallaron un cilindro bomba junto a la carretera.", "Remote explosive/landmine/IED"),
    ],
)
def test_gunmen_who_abduct_and_launched_cylinders(code: str, sentence: str, sub_type: str) -> None:
    found = classify_sentence(sentence, rules=get_rules((code,)))
    assert found is not None and found[1] == sub_type


def test_french_army_auxiliaries_are_no_civilians() -> None:
    fr = get_rules(("fr",))
    sentence = "Onze militaires et supplétifs civils de l'armée ont été tués dans une attaque."
    assert "civilians" not in fr.classes_in(sentence)
    assert "civilians" in fr.classes_in("Onze civils ont été tués dans une attaque.")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("هاجم تنظيم القاعدة في جزيرة العرب معسكرا للجيش.", "AQAP"),
        ("هاجم تنظيم القاعدة معسكرا للجيش.", "Al Qaeda"),
        ("قصفت الحركة الشعبية لتحرير السودان شمال أحياء المدينة.", "SPLM-N"),
        ("قصفت الحركة الشعبية جناح الحلو أحياء المدينة.", "SPLM-N"),
    ],
)
def test_arabic_regional_branches_and_movements(sentence: str, name: str) -> None:
    assert [a.actor.name for a in find_actors(sentence, rules=AR)] == [name]


def test_english_and_french_names_of_aqap_and_splm_n() -> None:
    en, fr = get_rules(("en",)), get_rules(("fr",))
    assert [a.actor.name for a in find_actors("AQAP fighters attacked a camp.", rules=en)] == [
        "AQAP"
    ]
    found = find_actors("Le SPLM-N a bombardé la ville.", rules=fr)
    assert [a.actor.name for a in found] == ["SPLM-N"]


@pytest.mark.parametrize(
    ("sentence", "tolls"),
    [
        ("ما أدى إلى سقوط شهيد وجريح.", {"fatalities": 1, "injured": 1}),
        ("قتل راعيان شقيقان مساء أمس بغارة.", {"fatalities": 2}),
        ("قتل جنديان اثنان في الهجوم.", {"fatalities": 2}),
        ("أسفر القصف عن سقوط شهيدين وثلاثة جرحى.", {"fatalities": 2, "injured": 3}),
    ],
)
def test_arabic_singular_and_dual_tolls(sentence: str, tolls: dict[str, int]) -> None:
    found = {c.kind: c.count for c in count_casualties(sentence, rules=AR)}
    assert found == tolls


@pytest.mark.parametrize(
    ("sentence", "tolls"),
    [
        # verb-subject-object order: the armed men between the verb and the count did it
        ("قتل مسلحون مجهولون ثلاثة تجار في السوق.", {"fatalities": 3}),
        ("أعدمت قوات الدعم السريع ميدانيا عشرة مدنيين.", {"fatalities": 10}),
        ("ما أدى إلى مصرع ثلاثة أشخاص.", {"fatalities": 3}),
        ("قتل ثلاثة مسلحين في الاشتباك.", {"fatalities": 3}),
    ],
)
def test_arabic_tolls_after_the_subject_and_words_of_death(
    sentence: str, tolls: dict[str, int]
) -> None:
    found = {c.kind: c.count for c in count_casualties(sentence, rules=AR)}
    assert found == tolls


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # an interception alone: the weapon's own word is no nearer cue of a strike
        (
            "اعترضت الدفاعات الجوية ثلاث طائرات مسيرة فوق المدينة دون وقوع أضرار.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "تصدت المضادات الأرضية لهجوم بطائرات مسيرة استهدف المدينة فجرا.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "أسقطت الدفاعات الجوية صاروخين باليستيين فوق العاصمة.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        # gunmen who stop a truck intercept no weapon
        (
            "قتل ثلاثة مدنيين برصاص مسلحين اعترضوا شاحنة على الطريق.",
            ("Violence against civilians", "Attack"),
        ),
        # the masculine adjective of artillery and the remnants of war
        (
            "تعرضت المدينة لقصف مدفعي عنيف.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "قتل طفلان بانفجار جسم من مخلفات الحرب قرب منزلهما.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        # a post of the army attacked (the passive order): a battle
        (
            "تعرضت نقطة عسكرية للجيش لهجوم من مسلحين ليلا.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_arabic_interceptions_artillery_and_attacked_posts(
    sentence: str, found: tuple[str, str]
) -> None:
    assert classify_sentence(sentence, rules=AR) == found


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال إن المنطقة ما تزال تحتاج إلى تعزيزات أمنية.",
        "وتصدت قوات الجيش لمرتزقة العدوان.",
    ],
)
def test_arabic_reinforcements_asked_for_and_epithets_are_no_change(sentence: str) -> None:
    found = classify_sentence(sentence, rules=AR)
    assert found is None or found[1] != "Change to group/activity"


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        # drones and the missiles they fire, drones launched, strikes by aircraft
        ("قصفت مسيرات المتمردين البلدة بصواريخ موجهة.", "Air/drone strike"),
        ("أطلقت الميليشيا مسيرات على المدينة ليلا.", "Air/drone strike"),
        ("قتل أربعة أشخاص في قصف بالطيران على السوق.", "Air/drone strike"),
        # a march dispersed with gas grenades is no strike (the engine adds the intervention)
        ("فرقت الشرطة مسيرة احتجاجية بقنابل الغاز.", "Peaceful protest"),
    ],
)
def test_arabic_drones_and_their_missiles(sentence: str, sub_type: str) -> None:
    found = classify_sentence(sentence, rules=AR)
    assert found is not None and found[1] == sub_type


def test_arabic_forces_who_fired_are_not_the_wounded() -> None:
    text = "date 2026-05-10\nأصيب شاب برصاص الجيش الإسرائيلي في مدينة نابلس يوم الأحد."
    [ev] = _events(text)
    assert (ev["actor1"], ev["injured"]) == ("Military Forces of Israel", 1)


@pytest.mark.parametrize(
    "background",
    [
        "ويأتي ذلك بعد أسبوعين من هجوم بطائرات مسيرة على مدينة كوستي أدى إلى مقتل عشرة أشخاص.",
        "ومنذ منتصف العام الماضي، قتل آلاف المدنيين في مدينة كوستي.",
        "وسبق لقوات المتمردين أن قصفت مدينة كوستي بالمسيرات.",
    ],
)
def test_arabic_background_sentences_tell_no_incident(background: str) -> None:
    text = (
        "date 2026-05-10\nقصفت قوات المتمردين مدينة الأبيض يوم السبت، ما أسفر عن مقتل خمسة "
        "مدنيين. " + background
    )
    assert [ev["location"] for ev in _events(text)] == ["El Obeid"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # goods seized are looted, a fire brought under control is no territory
        (
            "استولى المسلحون على مواشي المواطنين في القرية.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        ("سيطرت فرق الإطفاء على الحريق بعد ساعات.", None),
        (
            "سيطر المتمردون على البلدة بعد معارك.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
    ],
)
def test_arabic_seizing_goods_and_controlling_a_fire(
    sentence: str, found: tuple[str, str] | None
) -> None:
    assert classify_sentence(sentence, rules=AR) == found


def test_a_state_that_takes_a_town_regains_territory() -> None:
    text = "date 2026-05-10\nسيطر الجيش السوداني على مدينة ود مدني يوم الجمعة."
    [ev] = _events(text)
    assert (ev["sub_type"], ev["actor1"]) == (
        "Government regains territory",
        "Military Forces of Sudan",
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("قصفت مليشيا الجنجويد أحياء المدينة.", "Rapid Support Forces"),
        ("أعلنت المقاومة الإسلامية في لبنان استهداف موقع عسكري.", "Hezbollah"),
        ("هاجم مسلحو الشباب المجاهدين قاعدة للجيش.", "Al Shabaab"),
    ],
)
def test_arabic_other_names_of_groups(sentence: str, name: str) -> None:
    assert name in [a.actor.name for a in find_actors(sentence, rules=AR)]


def test_arabic_dual_with_a_pronoun_counts_two() -> None:
    text = "date 2026-05-10\nقتل رجل ونجلاه برصاص مسلحين في مدينة الدلنج يوم الإثنين."
    assert [ev["deaths"] for ev in _events(text)] == [3]


def test_arabic_shelling_that_came_with_the_fighting_is_the_clash() -> None:
    sentence = "اندلعت اشتباكات عنيفة بين الطرفين في البلدة، تخللها قصف مدفعي متبادل."
    assert classify_sentence(sentence, rules=AR) == ("Battles", "Armed clash")


def test_arabic_a_youth_shot_by_gunmen_is_a_civilian() -> None:
    text = "date 2026-05-10\nقتل شاب برصاص مسلحين مجهولين في مدينة درعا يوم السبت."
    frame = geo.extract_events(text)
    assert frame["actor2"].tolist() == ["Civilians"]


def test_arabic_a_coordinated_shelling_leaves_the_drone_strike_its_place() -> None:
    text = (
        "date 2026-05-10\nقتل شخص بغارة مسيرة إسرائيلية على سيارة في بلدة حاصبيا وقصف "
        "مدفعي على أطراف بلدة الخيام يوم الأربعاء."
    )
    [ev] = [e for e in _events(text) if e["location"] == "Hasbaya"]
    assert (ev["sub_type"], ev["deaths"], ev["actor1"]) == (
        "Air/drone strike",
        1,
        "Military Forces of Israel",
    )


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "date 2026-05-10\nخرجت مسيرات جماهيرية في مدينة صنعاء يوم الجمعة.",
            "Peaceful protest",
        ),
        (
            "date 2026-05-10\nنفذ عمال الموانئ إضرابا عن العمل في مدينة بورتسودان يوم الأحد.",
            "Peaceful protest",
        ),
        (
            "date 2026-05-10\nأطلقت قوات الأمن النار على المتظاهرين في مدينة الناصرية يوم "
            "الأحد، ما أدى إلى مقتل ثلاثة محتجين.",
            "Excessive force against protesters",
        ),
    ],
)
def test_arabic_rallies_strikes_and_fire_on_protesters(text: str, sub_type: str) -> None:
    assert [ev["sub_type"] for ev in _events(text)] == [sub_type]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # confrontations where youths suffocate from tear gas: a crowd met by force
        (
            "date 2026-05-10\nأصيب عشرات الشبان بالاختناق خلال مواجهات مع قوات الأمن في "
            "مدينة نابلس يوم الجمعة.",
            "Protest with intervention",
        ),
        # arrests with people suffocating, no confrontation: still the arrests
        (
            "date 2026-05-10\nاعتقلت قوات الأمن ثلاثة شبان وأصيب آخرون بالاختناق في مدينة "
            "نابلس يوم الجمعة.",
            "Arrests",
        ),
    ],
)
def test_arabic_confrontations_with_tear_gas(text: str, sub_type: str) -> None:
    assert [ev["sub_type"] for ev in _events(text)] == [sub_type]


@pytest.mark.parametrize(
    ("sentence", "tolls"),
    [
        # the dead and the wounded counted together: neither toll
        ("أسفر القصف عن مقتل وإصابة ١٠ أشخاص.", {}),
        ("أسفر القصف عن مصرع وإصابة أكثر من ٢٠ شخصا.", {}),
        ("أسفر القصف عن مقتل ٣ وإصابة ١٠ أشخاص.", {"fatalities": 3, "injured": 10}),
    ],
)
def test_arabic_dead_and_wounded_counted_together(sentence: str, tolls: dict[str, int]) -> None:
    found = {c.kind: c.count for c in count_casualties(sentence, rules=AR)}
    assert found == tolls


def test_arabic_wounded_who_died_are_no_wounded() -> None:
    sentence = "ارتفعت حصيلة الغارة إلى ١٢ قتيلا، بعد وفاة جريحين متأثرين بإصابتهما."
    found = {c.kind: c.count for c in count_casualties(sentence, rules=AR)}
    assert found == {"fatalities": 12}


def test_arabic_the_group_that_claimed_it_after_the_incident() -> None:
    # "وتبناه التنظيم" (and the group claimed it) after the incident's word: the group the
    # text named last did it
    text = (
        "date 2026-09-17\nهاجم مسلحون من تنظيم القاعدة في جزيرة العرب معسكرا للجيش في "
        "مديرية مودية يوم الاثنين، ما أسفر عن مقتل خمسة جنود. وفي ٢٧ آب الماضي، استهدف "
        "هجوم انتحاري بسيارة مفخخة نقطة تفتيش عند مدخل مدينة زنجبار، وأسفر عن مقتل ستة "
        "جنود، وتبناه التنظيم."
    )
    bombs = [ev for ev in _events(text) if ev["sub_type"] == "Suicide bomb"]
    assert [ev["actor1"] for ev in bombs] == ["AQAP"]


def test_arabic_wounding_noun_with_its_pronoun_is_a_cue() -> None:
    for word in ("إصابته", "مقتله", "استشهادها"):
        assert AR.cue_scan is not None
        found = AR.cue_scan.search(f"ما أدى إلى {word} في المنطقة.")
        assert found is not None and found.group() == word


def test_a_strike_that_says_no_weapon_is_generic() -> None:
    # "удары" alone reports no incident without a day or a toll; a weapon nearby wins
    cues = {RU.rules[i].key for _, _, i in cue_matches("удары по гражданским объектам", RU)}
    assert cues == {"strike"} and RU.rules[[r.key for r in RU.rules].index("strike")].generic
    found = classify_sentence("Росіяни вдарили по селищу керованою авіабомбою.", rules=UK)
    assert found == ("Explosions/Remote violence", "Air/drone strike")


# --------------------------------------------------------------------------- actors


@pytest.mark.parametrize(
    ("code", "sentence", "name"),
    [
        ("ru", "Российские войска нанесли удар по городу.", "Military Forces of Russia"),
        ("ru", "Атака украинского FPV-дрона на автомобиль.", "Military Forces of Ukraine"),
        ("ru", "ВСУ обстреляли город.", "Military Forces of Ukraine"),
        ("ru", "Дроны, запущенные Силами быстрого реагирования.", "Rapid Support Forces"),
        ("uk", "Окупанти вдарили по селу.", "Military Forces of Russia"),
        ("uk", "Росіяни атакували місто дронами.", "Military Forces of Russia"),
        ("ar", "غارة إسرائيلية على منزل.", "Military Forces of Israel"),
        ("ar", "استشهد شاب برصاص قوات الاحتلال.", "Military Forces of Israel"),
        ("ar", "قصفت قوات الدعم السريع الحي.", "Rapid Support Forces"),
        ("ar", "أطلق حزب الله صواريخ.", "Hezbollah"),
        ("ar", "هاجمت جماعة الحوثي سفينة.", "Houthis"),
    ],
)
def test_actors_in_the_three_languages(code: str, sentence: str, name: str) -> None:
    assert name in [a.actor.name for a in find_actors(sentence, rules=RULES[code])]


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("ru", "Ракеты выпустили по Украине."),
        ("uk", "Удари по Росії тривають."),
        ("ar", "أطلقت صواريخ على إسرائيل."),
    ],
)
def test_a_country_after_a_preposition_is_a_place_not_an_actor(code: str, sentence: str) -> None:
    assert find_actors(sentence, rules=RULES[code]) == []


def test_the_source_of_a_report_is_no_perpetrator() -> None:
    found = find_actors(
        "сообщил представитель суданской армии, дроны запустили Силы быстрого реагирования",
        rules=RU,
    )
    by_name = {a.actor.name: a for a in found}
    assert by_name["Military Forces of Sudan"].source
    assert not by_name["Rapid Support Forces"].source


# --------------------------------------------------------------------------- articles


def _events(text: str) -> list[dict[str, object]]:
    frame = geo.extract_events(text)
    rows = frame[frame["event_type"] != "Mention"]
    return [
        {
            "location": r["location"],
            "date": str(r["event_date"].date()),
            "sub_type": r["sub_event_type"],
            "deaths": None if pd.isna(r["fatalities"]) else int(r["fatalities"]),
            "injured": None if pd.isna(r["injured"]) else int(r["injured"]),
            "actor1": r["actor1"],
            "mention": r["mention"],
            "start": int(r["char_start"]),
            "end": int(r["char_end"]),
        }
        for _, r in rows.iterrows()
    ]


def test_russian_article_with_the_day_in_a_later_sentence() -> None:
    text = (
        "date 2024-03-23\nВ Харькове в результате ракетного удара погибли пятеро человек, "
        "еще 12 получили ранения. Удар был нанесен вчера около полудня, сообщил губернатор."
    )
    [ev] = _events(text)
    assert (ev["location"], ev["date"], ev["deaths"], ev["injured"]) == (
        "Kharkiv",
        "2024-03-22",
        5,
        12,
    )
    assert ev["sub_type"] == "Shelling/artillery/missile attack"


def test_a_town_named_after_its_region_incident_takes_its_day_and_type() -> None:
    text = (
        "date 2025-04-14\nВ ночь на понедельник российские войска атаковали Сумскую область "
        "беспилотниками. В селе Степановка пострадали двое мужчин."
    )
    [ev] = _events(text)  # the region's incident is where the village is
    assert (ev["location"], ev["date"], ev["sub_type"], ev["injured"], ev["actor1"]) == (
        "Stepanivka",
        "2025-04-14",
        "Air/drone strike",
        2,
        "Military Forces of Russia",
    )


def test_ukrainian_article_with_a_running_total() -> None:
    text = (
        "date 2025-03-05\nУ вівторок, 4 березня, російські війська обстріляли Харків з "
        "артилерії. Загинули двоє цивільних, ще троє людей поранені. Від початку року в місті "
        "загинули понад 100 цивільних."
    )
    [ev] = _events(text)
    assert (ev["location"], ev["date"], ev["deaths"], ev["injured"], ev["actor1"]) == (
        "Kharkiv",
        "2025-03-04",
        2,
        3,
        "Military Forces of Russia",
    )


def test_arabic_article_with_vowel_marks_keeps_the_text_as_written() -> None:
    text = (
        "date 2024-10-17\nقُتل ثلاثة أشخاص وأُصيب ثمانية آخرون في غارة إسرائيلية استهدفت "
        "منزلاً في مدينة غزة مساء أمس، بحسب الوكالة الوطنية للإعلام."
    )
    [ev] = _events(text)
    assert (ev["location"], ev["date"], ev["sub_type"], ev["deaths"], ev["injured"]) == (
        "Gaza",
        "2024-10-16",
        "Air/drone strike",
        3,
        8,
    )
    assert ev["actor1"] == "Military Forces of Israel"
    start, end = int(str(ev["start"])), int(str(ev["end"]))
    assert make_document(text).text[start:end] == ev["mention"] == "غزة"


def test_arabic_riot_without_deaths() -> None:
    text = (
        "date 2023-07-20\nاقتحم مئات المحتجين فجر اليوم الخميس مبنى السفارة في بغداد "
        "وأضرموا النار فيه، دون تسجيل وفيات."
    )
    [ev] = _events(text)
    assert (ev["location"], ev["date"], ev["sub_type"], ev["deaths"], ev["injured"]) == (
        "Baghdad",
        "2023-07-20",
        "Violent demonstration",
        0,
        None,
    )
    assert ev["actor1"] == "Rioters"


def test_a_town_named_with_the_town_it_lies_in_is_one_event() -> None:
    text = (
        "date 2024-12-09\nAl menos 30 personas fueron asesinadas entre el viernes y el sábado "
        "en Cité Soleil, en Puerto Príncipe, por miembros de una banda."
    )
    [ev] = _events(text)
    assert (ev["location"], ev["date"], ev["deaths"]) == ("Cité Soleil", "2024-12-06", 30)


def test_a_district_named_after_a_town_is_no_event_of_its_own() -> None:
    [ev] = _events(
        "date 2024-10-17\nThree civilians were killed in Qana, in the district of Tyre, on "
        "Wednesday."
    )
    assert (ev["mention"], ev["date"], ev["deaths"]) == ("Qana", "2024-10-16", 3)


def test_a_countrys_sum_is_no_toll_of_its_capital() -> None:
    [ev] = _events(
        "date 2024-07-08\nRussian missiles struck Kyiv on Monday, killing at least 36 in Ukraine."
    )
    assert (ev["location"], ev["deaths"]) == ("Kyiv", None)


def test_french_hit_by_an_attack_says_not_how() -> None:
    # "frappée par une attaque" is hit by an attack (a fight), not a strike by artillery
    fr = get_rules(("fr",))
    keys = {
        fr.rules[i].key
        for _, _, i in cue_matches("Douentza frappée par une attaque d'envergure", fr)
    }
    assert "shelling" not in keys and "attack_generic" in keys
    heart = cue_matches("Le groupe frappe au cœur de Bandiagara", fr)
    keys = {fr.rules[i].key for _, _, i in heart}
    assert "shelling" not in keys
    found = classify_sentence("Des frappes ont visé Koutiala dans la nuit.", rules=fr)
    assert found == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    found = classify_sentence("Un obus a frappé une maison de Yorosso.", rules=fr)
    assert found == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


@pytest.mark.parametrize(
    ("code", "sentence", "name", "said"),
    [
        ("en", "Ukraine says Russian drones hit Rivne overnight.", "Russia", "Russian drones"),
        ("en", "Ukraine said Russia attacked Uzhhorod.", "Russia", "Russia attacked"),
        (
            "fr",
            "Une frappe iranienne sur Israël a blessé deux personnes.",
            "Iran",
            "frappe iranienne",
        ),
        (
            "es",
            "Un ataque ruso contra Ucrania dejó tres muertos en Chernivtsi.",
            "Russia",
            "ataque ruso",
        ),
        (
            "fr",
            "Des frappes aériennes israéliennes ont visé Batroun.",
            "Israel",
            "frappes aériennes israéliennes",
        ),
    ],
)
def test_the_state_next_to_the_weapon_is_whose_forces(
    code: str, sentence: str, name: str, said: str
) -> None:
    # another state named between a state and a weapon is the one that used it
    found = find_actors(sentence, rules=get_rules((code,)))
    assert found and found[0].actor.name == f"Military Forces of {name}" and found[0].agent
    assert sentence[found[0].start : found[0].end].startswith(said)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("es", "Tres guardias murieron en Sogamoso, informó este lunes la Policía."),
        ("es", "Según el Ejército, dos civiles murieron en Sogamoso."),
        ("fr", "Deux civils ont été tués à Kindia, a indiqué mardi l'armée."),
        ("fr", "Selon la police, deux personnes ont été tuées à Labé."),
        ("en", "Two people died in Mbale, according to the police."),
    ],
)
def test_the_force_that_reports_is_the_source_not_the_actor(code: str, sentence: str) -> None:
    found = find_actors(sentence, rules=get_rules((code,)), country="CO")
    assert found and all(a.source and not a.agent for a in found)


def test_an_actor_after_said_is_still_the_actor() -> None:
    # "officials said militants attacked": the militants are not the source
    found = find_actors(
        "Officials said Boko Haram fighters attacked Mbale.", rules=get_rules(("en",))
    )
    assert [(a.actor.name, a.source) for a in found] == [("Boko Haram", False)]


@pytest.mark.parametrize(
    ("code", "sentence", "stopped"),
    [
        ("es", "Hombres armados interceptaron su camioneta a la salida de Toluca.", False),
        ("es", "Los manifestantes derribaron las vallas frente al palacio de Puebla.", False),
        ("es", "La defensa antiaérea interceptó 14 drones sobre Toluca.", True),
        ("es", "Los militares desactivaron un artefacto explosivo en Puebla.", True),
        ("fr", "Les gendarmes ont intercepté un véhicule volé près de Lyon.", False),
        ("fr", "Le ministre veut désamorcer la crise à Lyon.", False),
        ("fr", "La défense aérienne a intercepté trois missiles au-dessus de Lyon.", True),
        ("en", "Police intercepted a stolen truck outside Leeds.", False),
        ("en", "Talks defused tensions in Leeds.", False),
        ("en", "Air defences intercepted 20 drones over Leeds.", True),
        ("en", "Soldiers defused a roadside bomb near Leeds.", True),
    ],
)
def test_a_weapon_is_stopped_only_when_named(code: str, sentence: str, stopped: bool) -> None:
    rules = get_rules((code,))
    found = {rules.rules[i].key for _, _, i in cue_matches(sentence, rules)}
    stops = {"disrupted_weapons", "weapon_intercepted"}
    assert bool(found & stops) is stopped


def test_an_english_toll_put_at_a_number() -> None:
    en = get_rules(("en",))
    for sentence, count in (
        ("Officials put the death toll at 14 in Kenema.", 14),
        ("Medics placed the toll at 9 after the raid on Makeni.", 9),
    ):
        found = count_casualties(sentence, rules=en)
        assert [(c.kind, c.count) for c in found] == [("fatalities", count)]


@pytest.mark.parametrize(
    ("code", "sentence", "tolls"),
    [
        ("en", "Gunmen burned two trucks near Funtua and injured a driver.", [("injured", 1)]),
        (
            "es",
            "Quemaron cuatro camionetas en Apatzingán y mataron a un hombre.",
            [("fatalities", 1)],
        ),
        ("ru", "Сгорели три машины, погибли двое.", [("fatalities", 2)]),
        ("ar", "أحرقوا ثلاث سيارات وقتل شخصان.", [("fatalities", 2)]),
        # an active plural with its conjunction, a toll brought to a figure
        ("ar", "هاجموا القرية وقتلوا أربعة رعاة.", [("fatalities", 4)]),
        ("en", "A second blast hit the market, bringing the death toll to 9.", [("fatalities", 9)]),
    ],
)
def test_things_counted_are_no_people(
    code: str, sentence: str, tolls: list[tuple[str, int]]
) -> None:
    found = count_casualties(sentence, rules=get_rules((code,)))
    assert [(c.kind, c.count) for c in found] == tolls


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("en", "Gunmen stormed a police station in Funtua overnight."),
        ("fr", "Des hommes armés ont attaqué un poste militaire près de Dori."),
        ("es", "Hombres armados atacaron una base militar en Tumaco."),
        ("ru", "Боевики атаковали военную базу под Гао."),
        ("uk", "Бойовики атакували військову базу біля Гао."),
        ("ar", "هاجم مسلحون قاعدة عسكرية قرب دوري."),
    ],
)
def test_an_attack_on_a_post_of_the_forces_is_a_clash(code: str, sentence: str) -> None:
    assert classify_sentence(sentence, rules=get_rules((code,))) == ("Battles", "Armed clash")


def test_demonstrators_who_attack_a_police_station_riot() -> None:
    rules = get_rules(("en",))
    found = classify_sentence("Demonstrators attacked the police station in Kandi.", rules=rules)
    assert found is not None and found[0] == "Riots"


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("en", "Gunmen opened fire on diners at a restaurant in Owerri."),
        (
            "es",
            "Un grupo armado irrumpió en una cantina de Irapuato y disparó contra los clientes.",
        ),
        ("fr", "Des hommes armés ont ouvert le feu sur des clients d'un bar de Kaya."),
        ("ru", "Неизвестные открыли огонь по посетителям кафе в Дербенте."),
        ("ar", "أطلق مسلحون النار على رواد مقهى في كركوك."),
    ],
)
def test_shooting_at_the_people_of_a_bar_is_an_attack(code: str, sentence: str) -> None:
    assert classify_sentence(sentence, rules=get_rules((code,))) == (
        "Violence against civilians",
        "Attack",
    )


@pytest.mark.parametrize(
    ("sentence", "tolls"),
    [
        ("Unknown assailants shot dead a shopkeeper in Mardan.", [("fatalities", 1)]),
        ("A mob beat to death a suspected thief in Kisumu.", [("fatalities", 1)]),
        ("There was 1 fatality and 7 people were arrested.", [("fatalities", 1)]),
        ("Villagers lynched a suspected thief in Kano.", [("fatalities", 1)]),
    ],
)
def test_one_victim_after_the_verb(sentence: str, tolls: list[tuple[str, int]]) -> None:
    found = count_casualties(sentence, rules=get_rules(("en",)))
    assert [(c.kind, c.count) for c in found] == tolls


@pytest.mark.parametrize(
    ("code", "sentence", "tolls"),
    [
        ("fr", "Des hommes armés ont abattu un commerçant à Dori.", [("fatalities", 1)]),
        ("fr", "Un enseignant a été assassiné par des inconnus.", [("fatalities", 1)]),
        ("fr", "L'armée a abattu trois drones et deux hélicoptères.", []),
        ("es", "Sicarios asesinaron a un taxista en Uruapan.", [("fatalities", 1)]),
        ("uk", "Окупанти вбили цивільного в Нікополі.", [("fatalities", 1)]),
        ("ru", "Боевики убили полицейского в Назрани.", [("fatalities", 1)]),
    ],
)
def test_one_named_victim_in_more_packs(
    code: str, sentence: str, tolls: list[tuple[str, int]]
) -> None:
    found = count_casualties(sentence, rules=get_rules((code,)))
    assert [(c.kind, c.count) for c in found] == tolls


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-03-11\nНовости\nВ воскресенье дроны атаковали жилой дом в Харькове, "
        "погибли два человека, сообщил губернатор.",
        "date 2024-03-11\nНовости\nВ воскресенье дроны атаковали жилой дом в Харькове, "
        "погибли два человека, сообщает ТАСС.",
        "date 2024-03-11\nНовини\nУ неділю дрони атакували житловий будинок у Харкові, "
        "загинули двоє людей, повідомив голова ОВА.",
    ],
)
def test_a_subject_after_its_verb_of_saying_leaves_the_place_an_event_place(text: str) -> None:
    # "..., сообщил губернатор": the governor speaks, not Kharkiv (no place used for its
    # government)
    [ev] = _events(text)
    assert (ev["location"], ev["date"], ev["deaths"]) == ("Kharkiv", "2024-03-10", 2)


def test_a_day_after_an_opening_attribution_closed_by_a_comma_is_the_incidents() -> None:
    # "По данным властей, в воскресенье ...": the source ends at the comma, the day is the
    # incident's, not the report's
    text = (
        "date 2024-03-12\nНовости\nПо данным властей, в воскресенье в Харькове погибли "
        "два человека при атаке дрона."
    )
    [ev] = _events(text)
    assert (ev["location"], ev["date"]) == ("Kharkiv", "2024-03-10")


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-02-18\nMissile hits Vinnytsia\nA Russian missile struck an apartment block in "
        "Vinnytsia on Tuesday, killing four people.\nRescue workers searched the rubble "
        "through the night.\nOn Jan. 29, a Russian drone struck a warehouse on the city's "
        "outskirts, wounding two loaders.",
        "date 2024-02-18\nУдар по Виннице\nВо вторник российская ракета попала в жилой дом в "
        "Виннице, погибли четыре человека.\nСпасатели всю ночь разбирали завалы.\n29 января "
        "российский дрон ударил по складу на окраине города, пострадали двое грузчиков.",
    ],
)
def test_an_earlier_incident_at_the_city_unnamed_is_the_story_towns(text: str) -> None:
    # "on the city's outskirts", "на окраине города": the town the story is about
    evs = _events(text)
    assert [(e["location"], e["date"]) for e in evs] == [
        ("Vinnytsya", "2024-02-13"),
        ("Vinnytsya", "2024-01-29"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2024-05-14\nEl domingo, pobladores de Barbacoas denunciaron que drones "
            "arrojaron explosivos sobre viviendas.",
            [("Barbacoas", "2024-05-12")],
        ),
        (
            "date 2024-05-14\nEl lunes, pobladores de la comunidad de Barbacoas denunciaron "
            "que un dron arrojó explosivos sobre un cafetal. La Fiscalía de Pasto abrió una "
            "investigación.",
            [("Barbacoas", "2024-05-13")],
        ),
    ],
)
def test_residents_who_report_that_tell_an_incident_at_their_place(
    text: str, expected: list[tuple[str, str]]
) -> None:
    # "denunciaron que": a report of what happened, not a reaction to it, and the residents
    # of the place tell what happened there, they are not people from it gone elsewhere
    assert [(e["mention"], e["date"]) for e in _events(text)] == expected


def test_residents_who_condemn_an_incident_elsewhere_are_no_incident() -> None:
    text = (
        "date 2024-05-14\nPobladores de Barbacoas marcharon en Pasto el domingo para "
        "denunciar el asesinato de un líder."
    )
    assert "Barbacoas" not in [e["mention"] for e in _events(text)]


def test_where_the_place_of_reporting_residents_lies_is_no_incident_place() -> None:
    text = (
        "date 2024-05-14\nEl domingo, habitantes de Barbacoas, en el departamento de Nariño, "
        "Pasto, denunciaron que drones arrojaron explosivos sobre viviendas."
    )
    assert [e["mention"] for e in _events(text)] == ["Barbacoas"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "date 2024-05-14\nRussia attacked Ukraine with missiles on Monday night. Among the "
            "cities hit were Odesa, Dnipro and Kharkiv.",
            "2024-05-13",
        ),
        (
            "date 2024-05-14\nРоссия атаковала Украину ракетами в ночь на вторник. Под ударом "
            "оказались Одесса, Днепр и Харьков.",
            "2024-05-14",
        ),
        (
            "date 2024-05-14\nРосія атакувала Україну ракетами в ніч на вівторок. Під ударом "
            "опинилися Одеса, Дніпро та Харків.",
            "2024-05-14",
        ),
        (
            "date 2024-05-14\nRusia atacó Ucrania con misiles el lunes. Fueron alcanzadas "
            "Odesa, Dnipró y Járkov.",
            "2024-05-13",
        ),
    ],
)
def test_towns_listed_as_hit_after_a_strike_on_a_country_take_its_day(text: str, day: str) -> None:
    evs = _events(text)
    assert len(evs) == 3
    assert {(e["sub_type"], e["date"]) for e in evs} == {("Shelling/artillery/missile attack", day)}


@pytest.mark.parametrize(
    "text",
    [
        # no strike in the sentence that names the countries
        "date 2024-05-14\nRussia and Ukraine held talks on Monday. Hit were Odesa, Dnipro and "
        "Kharkiv.",
        # no list of the places hit in the next one
        "date 2024-05-14\nRussia attacked Ukraine overnight with dozens of drones. Officials "
        "in Odesa and Dnipro said repairs were under way.",
    ],
)
def test_no_strike_or_no_list_of_places_hit_is_no_incident(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-14\nThe death toll from Saturday's missile strike on Kharkiv has risen to "
        "12, officials said on Tuesday.",
        "date 2024-05-14\nThe death toll from the attack on Saturday in Kismayo rose to 12 on "
        "Tuesday.",
        "date 2024-05-14\nارتفعت حصيلة قتلى غارة السبت على مدينة خان يونس إلى 12 قتيلا، بحسب "
        "ما أعلنت وزارة الصحة الثلاثاء.",
        "date 2024-05-14\nأعلنت وزارة الصحة الثلاثاء ارتفاع حصيلة قتلى هجوم السبت على مدينة خان "
        "يونس إلى 12 قتيلا.",
        "date 2024-05-14\nMardi, le bilan de la frappe de samedi sur Kharkiv s'est alourdi à 12 "
        "morts.",
        "date 2024-05-14\nEl martes, el balance del bombardeo del sábado en Járkov subió a 12 "
        "muertos.",
        "date 2024-05-14\nВо вторник число погибших от удара в субботу по Харькову выросло до 12.",
    ],
)
def test_a_weekday_in_the_incidents_noun_phrase_dates_the_incident(text: str) -> None:
    # "the strike on Saturday", "Saturday's strike", "هجوم السبت": the incident's day, not
    # the day of the report that gives its new toll
    assert [(e["date"], e["deaths"]) for e in _events(text)] == [("2024-05-11", 12)]


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("ru", "Ночью военные самолёты, по словам очевидцев, бомбили предместья."),
        ("uk", "Уночі військові літаки, за словами очевидців, завдали ударів по околицях."),
    ],
)
def test_aircraft_that_struck_after_an_aside_is_an_air_strike(code: str, sentence: str) -> None:
    assert classify_sentence(sentence, rules=RULES[code]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


@pytest.mark.parametrize(
    ("code", "sentence", "none"),
    [
        ("ru", "О пострадавших сведений пока нет.", False),
        ("ru", "Данных об убитых пока нет.", False),
        ("ru", "Пострадавших, как сообщают спасатели, нет.", True),
        ("uk", "Відомостей про постраждалих немає.", False),
        ("uk", "Інформації про поранених поки немає.", False),
        ("uk", "Постраждалих, за попередніми даними, немає.", True),
    ],
)
def test_no_word_about_the_victims_is_no_zero_toll(code: str, sentence: str, none: bool) -> None:
    from geo.events.tolls import no_casualties

    assert no_casualties(sentence, rules=RULES[code]) is none


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        (
            "date 2024-08-02\nБоевики напали на пост полиции в Кинешме. Пять полицейских убиты.",
            "Kineshma",
            "Russia",
        ),
        (
            "date 2024-08-02\nБойовики напали на пост поліції в Бібрці. Загинули 5 поліцейських.",
            "Bibrka",
            "Ukraine",
        ),
        (
            "date 2024-08-02\nهاجم مسلحون مركزا للشرطة في مدينة كيفة الموريتانية. وقتل خمسة من "
            "رجال الشرطة.",
            "Kiffa",
            "Mauritania",
        ),
    ],
)
def test_gunmen_who_attacked_a_police_post_fought_the_police(
    text: str, place: str, country: str
) -> None:
    ev = geo.extract_events(text)
    (row,) = ev[ev["event_type"] != "Mention"].to_dict("records")
    assert (row["location"], row["sub_event_type"], row["fatalities"]) == (
        place,
        "Armed clash",
        5,
    )
    assert (row["actor1"], row["actor2"]) == (
        "Unidentified Armed Group",
        f"Police Forces of {country}",
    )
