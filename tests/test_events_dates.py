"""Tests of geo.events.dates: how the press of each language dates an incident, relative to
the article's day and weekday (nights, weekdays, "yesterday", datelines, digits, calendars).

The sentences are invented for these tests. A night attack takes the day the night ends on
(the convention of tests/eval/events/README.md, as ACLED codes it).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.events.dates import find_dates
from geo.events.rules import get_rules

#: A Tuesday.
TUESDAY = dt.date(2026, 3, 10)
#: A Friday, two days after New Year.
NEW_YEAR = dt.date(2026, 1, 2)
LANGS = ("en", "fr", "es", "ru", "uk", "ar")


def _first(lang: str, sentence: str, reference: dt.date) -> str | None:
    found = find_dates(sentence, reference=reference, rules=get_rules((lang,)))
    return str(found[0].date) if found else None


# the night: across two days, just gone, of a named day
NIGHTS = [
    ("fr", "Dans la nuit de lundi à mardi, des drones ont visé Valmont.", "2026-03-10"),
    ("fr", "Dans la nuit du lundi au mardi, Valmont a été visée.", "2026-03-10"),
    ("fr", "Dans la nuit du 3 au 4 mars, un drone a frappé Valmont.", "2026-03-04"),
    ("fr", "Dans la nuit du dimanche 8 au lundi 9 mars, Valmont a été visée.", "2026-03-09"),
    ("fr", "Cette nuit, un drone a frappé Valmont.", "2026-03-10"),
    ("fr", "La nuit dernière, un drone a frappé Valmont.", "2026-03-10"),
    ("fr", "Hier soir, un drone a frappé Valmont.", "2026-03-09"),
    ("fr", "Dans la nuit, un drone a frappé Valmont.", "2026-03-10"),
    ("fr", "Dans la nuit de samedi 7 à dimanche 8 mars, Valmont a été visée.", "2026-03-08"),
    ("en", "Overnight, drones struck Brackton.", "2026-03-10"),
    ("en", "Overnight Monday into Tuesday, drones struck Brackton.", "2026-03-10"),
    ("en", "On the night of Monday to Tuesday, drones struck Brackton.", "2026-03-10"),
    ("es", "En la madrugada de este martes, un dron atacó Villaseca.", "2026-03-10"),
    ("es", "Esta madrugada, un dron atacó Villaseca.", "2026-03-10"),
    ("es", "En la madrugada, un dron atacó Villaseca.", "2026-03-10"),
    ("es", "En la madrugada del lunes al martes, un dron atacó Villaseca.", "2026-03-10"),
    ("es", "La noche del sábado, un dron atacó Villaseca.", "2026-03-07"),
    ("es", "Anoche, un dron atacó Villaseca.", "2026-03-09"),
    ("ru", "В ночь на 10 марта дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "В ночь с 9 на 10 марта дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "В ночь на вторник дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "В ночь с понедельника на вторник дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "Ночью дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "Минувшей ночью дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "Прошлой ночью дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "Ночью 9 марта дроны атаковали Озерск.", "2026-03-09"),
    ("ru", "Ночью с 9 на 10 марта дроны атаковали Озерск.", "2026-03-10"),
    ("uk", "Вночі проти 10 березня дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "У ніч на вівторок дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "У ніч з понеділка на вівторок дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "Минулої ночі дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "Цієї ночі дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "Вночі дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "Увечері 9 березня дрони атакували Яблунівку.", "2026-03-09"),
    ("ar", "ليلة الاثنين شنت طائرات غارات على بلدة الزيتونة.", "2026-03-09"),
    ("ar", "ليل الأحد الاثنين شنت طائرات غارات على الزيتونة.", "2026-03-09"),
    ("ar", "فجر اليوم شنت طائرات غارات على الزيتونة.", "2026-03-10"),
    ("ar", "مساء أمس شنت طائرات غارات على الزيتونة.", "2026-03-09"),
    ("ar", "الليلة الماضية شنت طائرات غارات على الزيتونة.", "2026-03-10"),
]

# weekdays against the article's weekday, yesterday and the day before
DAYS = [
    ("fr", "Mardi, un drone a frappé Valmont.", "2026-03-10"),
    ("fr", "Ce mardi, un drone a frappé Valmont.", "2026-03-10"),
    ("fr", "Mardi dernier, un drone a frappé Valmont.", "2026-03-03"),
    ("fr", "Lundi soir, un drone a frappé Valmont.", "2026-03-09"),
    ("fr", "Avant-hier, un drone a frappé Valmont.", "2026-03-08"),
    ("en", "Last Tuesday, drones struck Brackton.", "2026-03-03"),
    ("en", "This past Tuesday, drones struck Brackton.", "2026-03-03"),
    ("fr", "Mardi passé, un drone a frappé Valmont.", "2026-03-03"),
    ("ar", "بالأمس شنت طائرات غارات على الزيتونة.", "2026-03-09"),
    ("ru", "В минувшую ночь дроны атаковали Озерск.", "2026-03-10"),
    ("en", "The day before yesterday, drones struck Brackton.", "2026-03-08"),
    ("en", "Two days ago, drones struck Brackton.", "2026-03-08"),
    ("en", "3 days ago, drones struck Brackton.", "2026-03-07"),
    ("es", "El martes pasado, un dron atacó Villaseca.", "2026-03-03"),
    ("es", "Ayer lunes, un dron atacó Villaseca.", "2026-03-09"),
    ("es", "Antier, un dron atacó Villaseca.", "2026-03-08"),
    ("ru", "Во вторник дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "В прошлый вторник дроны атаковали Озерск.", "2026-03-03"),
    ("ru", "В понедельник вечером дроны атаковали Озерск.", "2026-03-09"),
    ("ru", "Позавчера дроны атаковали Озерск.", "2026-03-08"),
    ("uk", "У вівторок дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "Минулого вівторка дрони атакували Яблунівку.", "2026-03-03"),
    ("uk", "Минулої середи дрони атакували Яблунівку.", "2026-03-04"),
    ("uk", "Вчора ввечері дрони атакували Яблунівку.", "2026-03-09"),
    ("uk", "Позавчора дрони атакували Яблунівку.", "2026-03-08"),
    ("ar", "الثلاثاء الماضي شنت طائرات غارات على الزيتونة.", "2026-03-03"),
    ("ar", "فجر الثلاثاء شنت طائرات غارات على الزيتونة.", "2026-03-10"),
    ("ar", "أمس الاثنين شنت طائرات غارات على الزيتونة.", "2026-03-09"),
    ("ar", "أول أمس شنت طائرات غارات على الزيتونة.", "2026-03-08"),
]

# datelines, digits, calendars
WRITTEN = [
    ("en", "BRACKTON, March 10 (Reuters) - Drones struck the port.", "2026-03-10"),
    ("fr", "Valmont, 10 mars (AFP) - Un drone a frappé le port.", "2026-03-10"),
    ("ru", "ОЗЕРСК, 10 мар — РИА Новости. Дроны атаковали порт.", "2026-03-10"),
    ("uk", "ЯБЛУНІВКА, 10 березня /Укрінформ/. Дрони атакували порт.", "2026-03-10"),
    ("ru", "10.03 дроны атаковали Озерск.", "2026-03-10"),
    ("ru", "10.03.2026 дроны атаковали Озерск.", "2026-03-10"),
    ("uk", "10.03 дрони атакували Яблунівку.", "2026-03-10"),
    ("uk", "09.03.26 дрони атакували Яблунівку.", "2026-03-09"),
    ("fr", "Le 09.03.2026, un drone a frappé Valmont.", "2026-03-09"),
    ("en", "On 09/03/2026 drones struck Brackton.", "2026-03-09"),
    # a dotted date with its year is day first in English text too
    ("en", "On 09.03.2026 drones struck Brackton.", "2026-03-09"),
    ("ar", "في ١٠/٣/٢٠٢٦ شنت طائرات غارات على الزيتونة.", "2026-03-10"),
    ("ar", "في ١٠ آذار شنت طائرات غارات على الزيتونة.", "2026-03-10"),
    ("ar", "في ٩ مارس (آذار) شنت طائرات غارات على الزيتونة.", "2026-03-09"),
    ("ar", "في 9 ديسمبر/كانون الأول شنت طائرات غارات على الزيتونة.", "2025-12-09"),
    ("ar", "في 9 جانفي شنت طائرات غارات على الزيتونة.", "2026-01-09"),
    # days in ordinal words (dates.day_words)
    ("ru", "Девятого марта дроны атаковали Озерск.", "2026-03-09"),
    ("ru", "Дроны атаковали Озерск двадцать первого февраля.", "2026-02-21"),
    ("uk", "Дрони атакували Яблунівку дев’ятого березня.", "2026-03-09"),
    ("uk", "Тридцять перше січня: дрони атакували Яблунівку.", "2026-01-31"),
]

# no date: a time of day in digits, a day after "since", digits in English
NONE = [
    ("ru", "В 10.30 дроны атаковали Озерск."),
    ("ru", "С 01.03 дроны атакуют Озерск."),
    ("fr", "Depuis le 01.03.2026, des drones frappent Valmont."),
    ("en", "Prices rose 10.03 points in Brackton."),
    ("en", "Drones struck Brackton at 10.03 local time."),
    ("uk", "Рахунок 3-2 на користь Яблунівки."),
]


@pytest.mark.parametrize(("lang", "sentence", "day"), NIGHTS + DAYS + WRITTEN)
def test_the_day_an_incident_takes(lang: str, sentence: str, day: str) -> None:
    assert _first(lang, sentence, TUESDAY) == day


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Dans la nuit du 3 au 4 mars, un drone a frappé Valmont."),
        ("fr", "Dans la nuit de samedi à dimanche, un drone a frappé Valmont."),
        ("es", "En la madrugada de este martes, un dron atacó Villaseca."),
        ("ru", "Ночью с 9 на 10 марта дроны атаковали Озерск."),
    ],
)
def test_a_time_of_day_before_its_date_is_no_date_of_its_own(lang: str, sentence: str) -> None:
    assert len(find_dates(sentence, reference=TUESDAY, rules=get_rules((lang,)))) == 1


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("uk", "У понеділок вночі дрони атакували Яблунівку."),
        ("uk", "Вчора вночі дрони атакували Яблунівку."),
        ("ru", "9 марта ночью дроны атаковали Озерск."),
        ("ru", "Вчера ночью дроны атаковали Озерск."),
        ("fr", "Lundi dans la nuit, un drone a frappé Valmont."),
        ("es", "El lunes en la madrugada, un dron atacó Villaseca."),
        ("en", "On Monday overnight, drones struck Brackton."),
    ],
)
def test_a_time_of_day_after_its_date_is_no_date_of_its_own(lang: str, sentence: str) -> None:
    # the named day (Monday, yesterday, 9 March) stands; "at night" adds no article's day
    found = find_dates(sentence, reference=TUESDAY, rules=get_rules((lang,)))
    assert [str(d.date) for d in found] == ["2026-03-09"]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "On 9 March, residents of Brackton protested overnight against the curfew."),
        ("fr", "Le 9 mars, des drones ont frappé Valmont dans la nuit, selon la mairie."),
        ("ru", "9 марта дроны атаковали Озерск, ночью были слышны взрывы."),
    ],
)
def test_the_night_of_a_written_date_is_that_date_s(lang: str, sentence: str) -> None:
    # a word for the night just gone, several words away from a written date, is the night
    # of that date (ACLED's notes write "On 5 April, ... demonstrated overnight ...")
    found = find_dates(sentence, reference=TUESDAY, rules=get_rules((lang,)))
    assert [str(d.date) for d in found] == ["2026-03-09"]


def test_a_written_date_after_the_night_word_leaves_the_night_to_the_article() -> None:
    # the date written later is another incident's ("a week after the strike of 3 March")
    sentence = "Минувшей ночью дроны атаковали Озерск, через неделю после удара 3 марта."
    found = find_dates(sentence, reference=TUESDAY, rules=get_rules(("ru",)))
    assert [str(d.date) for d in found] == [str(TUESDAY), "2026-03-03"]


@pytest.mark.parametrize(("lang", "sentence"), NONE)
def test_no_event_day(lang: str, sentence: str) -> None:
    assert _first(lang, sentence, TUESDAY) is None


@pytest.mark.parametrize(
    ("lang", "sentence", "day"),
    [
        ("fr", "Le 30 décembre, un drone a frappé Valmont.", "2025-12-30"),
        ("fr", "Mardi, un drone a frappé Valmont.", "2025-12-30"),
        ("en", "On Dec. 31 drones struck Brackton.", "2025-12-31"),
        ("ru", "30.12 дроны атаковали Озерск.", "2025-12-30"),
        ("uk", "30 грудня дрони атакували Яблунівку.", "2025-12-30"),
        ("uk", "Позавчора дрони атакували Яблунівку.", "2025-12-31"),
        ("ar", "في ٣١ كانون الأول/ديسمبر شنت طائرات غارات.", "2025-12-31"),
    ],
)
def test_a_date_without_a_year_after_new_year_is_last_year_s(
    lang: str, sentence: str, day: str
) -> None:
    assert _first(lang, sentence, NEW_YEAR) == day


def test_each_date_of_a_sentence_is_found_where_it_is_written() -> None:
    # the engine dates an incident by its own clause: every date keeps its place
    sentence = "Le 2 mars, Valmont a été évacuée; le 5 mars, un drone y a frappé l'école."
    found = find_dates(sentence, reference=TUESDAY, rules=get_rules(("fr",)))
    assert [(str(d.date), sentence[d.start : d.end]) for d in found] == [
        ("2026-03-02", "Le 2 mars"),
        ("2026-03-05", "le 5 mars"),
    ]


# --------------------------------------------------------------------------- properties

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "ru": ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
    "uk": ("понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}
#: "On {weekday}" and "the night of {weekday} to {next}" in each language.
ON = {"en": "on {}", "fr": "{}", "es": "el {}", "ru": "в {}", "uk": "у {}", "ar": "يوم {}"}
NIGHT = {
    "en": "the night of {} to {}",
    "fr": "dans la nuit de {} à {}",
    "es": "la noche del {} al {}",
    "ru": "в ночь с {} на {}",
    "uk": "у ніч з {} на {}",
    "ar": "ليل {} {}",
}
#: The weekday a Russian or Ukrainian night starts on is in the genitive.
GENITIVE = {
    "ru": ("понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"),
    "uk": ("понеділка", "вівторка", "середи", "четверга", "п'ятниці", "суботи", "неділі"),
}
YESTERDAY = {
    "en": "yesterday",
    "fr": "hier",
    "es": "ayer",
    "ru": "вчера",
    "uk": "вчора",
    "ar": "أمس",
}
days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2030, 12, 31))


@given(ref=days, lang=st.sampled_from(LANGS), weekday=st.integers(0, 6))
def test_a_weekday_is_the_latest_such_day_on_or_before_the_article(
    ref: dt.date, lang: str, weekday: int
) -> None:
    got = _first(lang, ON[lang].format(WEEKDAYS[lang][weekday]), ref)
    assert got is not None
    day = dt.date.fromisoformat(got)
    assert day.weekday() == weekday
    assert 0 <= (ref - day).days <= 6


@given(ref=days, lang=st.sampled_from(LANGS), weekday=st.integers(0, 6))
def test_a_night_takes_the_day_it_ends_on(ref: dt.date, lang: str, weekday: int) -> None:
    start = GENITIVE.get(lang, WEEKDAYS[lang])[weekday]
    end = WEEKDAYS[lang][(weekday + 1) % 7]
    got = _first(lang, NIGHT[lang].format(start, end), ref)
    assert got is not None
    day = dt.date.fromisoformat(got)
    assert day.weekday() == (weekday + 1) % 7
    assert 0 <= (ref - day).days <= 6


@given(ref=days, lang=st.sampled_from(LANGS))
def test_yesterday_is_the_day_before_the_article(ref: dt.date, lang: str) -> None:
    assert _first(lang, YESTERDAY[lang], ref) == str(ref - dt.timedelta(days=1))


@given(ref=days, back=st.integers(0, 40), lang=st.sampled_from(("ru", "uk")))
def test_a_day_and_month_with_a_dot_are_read_day_first(ref: dt.date, back: int, lang: str) -> None:
    day = ref - dt.timedelta(days=back)
    assert _first(lang, f"{day:%d.%m}", ref) == str(day)
    assert _first(lang, f"{day:%d.%m.%Y}", ref) == str(day)


@given(ref=days, back=st.integers(0, 300))
def test_arabic_indic_digits_read_as_their_western_digits(ref: dt.date, back: int) -> None:
    day = ref - dt.timedelta(days=back)
    western = f"في {day.day} مارس {day.year}"
    eastern = western.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert _first("ar", eastern, ref) == _first("ar", western, ref)


# a time of day written with a dot like a day and month, and a real date so written
CLOCK_TIMES = [
    ("ru", "В 09.03 дроны атаковали Озерск.", None),
    ("ru", "Около 04.15 дрон упал на окраине Озерска.", None),
    ("ru", "Примерно в 10.02 прогремели взрывы в Озерске.", None),
    ("ru", "Взрывы в Озерске прогремели 10.03 утра.", None),
    ("ru", "Взрывы в Озерске прогремели 07.03 по местному времени.", None),
    ("ru", "Дроны атаковали Озерск 09.03, сообщили власти.", "2026-03-09"),
    ("ru", "Дроны атаковали Озерск в 09.03.2026.", "2026-03-09"),
    ("uk", "О 21.40 дрони атакували Яблунівку.", None),
    ("uk", "Близько 23.10 дрони атакували Яблунівку.", None),
    ("uk", "Приблизно о 08.05 дрони атакували Яблунівку.", None),
    ("uk", "Вибухи в Яблунівці пролунали 06.03 за київським часом.", None),
    ("uk", "Дрони атакували Яблунівку 08.03 о 21.40.", "2026-03-08"),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), CLOCK_TIMES)
def test_a_dotted_clock_time_is_no_date(lang: str, sentence: str, expected: str | None) -> None:
    assert _first(lang, sentence, TUESDAY) == expected


# a word for the time of day joins the date it stands next to, not one across a conjunction
#: The article's own day (TUESDAY) as written.
TODAY = "2026-03-10"
TIMES_OF_DAY = [
    ("en", "Gunmen raided Brackton yesterday and on Saturday.", ["2026-03-09", "2026-03-07"]),
    ("fr", "Des hommes armés ont attaqué Valmont hier et samedi.", ["2026-03-09", "2026-03-07"]),
    ("es", "Hombres armados atacaron Villaseca ayer y el sábado.", ["2026-03-09", "2026-03-07"]),
    ("ru", "Озерск обстреляли вчера и в субботу.", ["2026-03-09", "2026-03-07"]),
    ("uk", "Яблунівку обстріляли вчора та в суботу.", ["2026-03-09", "2026-03-07"]),
    ("ar", "قصفت الطائرات الزيتونة أمس ويوم السبت.", ["2026-03-09", "2026-03-07"]),
    ("en", "Drones struck Brackton overnight and on Saturday.", ["2026-03-10", "2026-03-07"]),
    ("ru", "Ночью в воскресенье дроны атаковали Озерск.", ["2026-03-08"]),
    ("en", "On Sunday, overnight strikes hit Brackton.", ["2026-03-08"]),
    ("en", "Drones struck Brackton on Sunday overnight.", ["2026-03-08"]),
    ("fr", "Dimanche à l'aube, des hommes armés ont attaqué Valmont.", ["2026-03-08"]),
    ("es", "La tarde del sábado, hombres armados atacaron Villaseca.", ["2026-03-07"]),
    ("en", "Officials said on Sunday, overnight strikes hit Brackton.", ["2026-03-08", TODAY]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), TIMES_OF_DAY)
def test_a_time_of_day_joins_its_own_date(lang: str, sentence: str, expected: list[str]) -> None:
    found = find_dates(sentence, reference=TUESDAY, rules=get_rules((lang,)))
    assert [str(f.date) for f in found] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Dos jóvenes fueron asesinados en el barrio 20 de Julio de Quibdó.",
        "El bloqueo se mantuvo en la avenida 10 de Agosto.",
        "Hallaron un cuerpo en la colonia 16 de Septiembre.",
    ],
)
def test_a_date_that_names_a_street_or_a_neighbourhood_is_no_day(sentence: str) -> None:
    assert find_dates(sentence, reference=dt.date(2025, 3, 12), rules=get_rules(("es",))) == []


def test_a_weekday_after_the_streets_is_still_a_day() -> None:
    found = find_dates(
        "Miles salieron a las calles el sábado.",
        reference=dt.date(2025, 3, 12),
        rules=get_rules(("es",)),
    )
    assert [str(f.date) for f in found] == ["2025-03-08"]


def test_a_day_after_an_earlier_incident_is_not_the_next_day_in_spanish() -> None:
    # "un día después de una masacre": the later day is told by another incident, not "the
    # next day" of the one told before
    nxt = get_rules(("es",)).patterns("context", "next_day")
    rx = re.compile("|".join(f"(?:{p})" for p in nxt), re.IGNORECASE)
    assert rx.search("El ataque ocurrió un día después de una masacre.") is None
    assert rx.search("Un día después, hubo otro ataque.") is not None
