"""Tests of the Russian and Ukrainian packs: word forms (geo.lang.ru.morph,
geo.lang.uk.morph, geo.lang._slavic), pack lists, language detection and the geoparser on
Russian and Ukrainian sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo
from geo.gazetteer import normalize_name
from geo.lang import MAPS, PHRASE_LISTS, WORD_LISTS, _slavic, detect_language, get_pack
from geo.lang.ru import morph as ru
from geo.lang.uk import morph as uk

REPO = Path(__file__).resolve().parent.parent
FORMS = REPO / "bench" / "morph_forms.tsv"

# ------------------------------------------------------------------------- base forms

RU_FORMS = [
    ("харькове", "харьков"),
    ("бахмута", "бахмут"),
    ("степанакерте", "степанакерт"),
    ("авдеевкой", "авдеевка"),
    ("сумах", "сумы"),
    ("ростове-на-дону", "ростов-на-дону"),
    ("запорожья", "запорожье"),
    ("мариуполем", "мариуполь"),
    ("одессу", "одесса"),
    ("черкассах", "черкассы"),
    ("балаклее", "балаклея"),
    ("керчью", "керчь"),
    ("грозного", "грозный"),
    ("ясиноватой", "ясиноватая"),
    ("новой каховке", "новая каховка"),
    ("кривом роге", "кривой рог"),
    ("марганца", "марганец"),
    ("шебекине", "шебекино"),
    ("харьковщине", "харьковщина"),
]
UK_FORMS = [
    ("харкові", "харків"),
    ("запоріжжя", "запоріжжя"),
    ("запоріжжі", "запоріжжя"),
    ("авдіївці", "авдіївка"),
    ("києва", "київ"),
    ("миколаєва", "миколаїв"),
    ("тернополя", "тернопіль"),
    ("кременчуці", "кременчук"),
    ("чернівцях", "чернівці"),
    ("сумах", "суми"),
    ("одесою", "одеса"),
    ("вінницею", "вінниця"),
    ("рівного", "рівне"),
    ("кривому розі", "кривий ріг"),
    ("новій каховці", "нова каховка"),
    ("донеччині", "донеччина"),
    ("харківщиною", "харківщина"),
    ("мар'їнці", "мар'їнка"),
    ("уманню", "умань"),
]


@pytest.mark.parametrize(("word", "base"), RU_FORMS)
def test_ru_base_forms(word: str, base: str) -> None:
    forms = ru.base_forms(word)
    assert forms[0] == base
    assert word in forms


@pytest.mark.parametrize(("word", "base"), UK_FORMS)
def test_uk_base_forms(word: str, base: str) -> None:
    forms = uk.base_forms(word)
    assert forms[0] == base
    assert word in forms


def test_word_itself_first_when_a_dictionary_form() -> None:
    # genitive and nominative of Запоріжжя are written alike
    assert uk.base_forms("запоріжжя") == ("запоріжжя", "запоріжже")
    assert ru.base_forms("харькове")[-1] == "харькове"


@pytest.mark.parametrize(
    ("word", "town"),
    [
        ("донецкой", "донецк"),
        ("харьковской", "харьков"),
        ("запорожской", "запорожье"),
        ("сумской", "сумы"),
        ("курской", "курск"),
        ("белгородской", "белгород"),
        ("одесской", "одесса"),
        ("николаевской", "николаев"),
        ("киевской", "киев"),
        ("винницкой", "винница"),
        ("хмельницкой", "хмельницкий"),
        ("луганскую", "луганск"),
        ("бахмутского", "бахмут"),
        ("покровском", "покровск"),
    ],
)
def test_ru_adjective_bases(word: str, town: str) -> None:
    assert ru.adjective_bases(word)[0] == town


@pytest.mark.parametrize(
    ("word", "town"),
    [
        ("херсонській", "херсон"),
        ("луганської", "луганськ"),
        ("донецької", "донецьк"),
        ("харківській", "харків"),
        ("запорізької", "запоріжжя"),
        ("вінницької", "вінниця"),
        ("одеської", "одеса"),
        ("черкаської", "черкаси"),
        ("рівненської", "рівне"),
        ("чернівецької", "чернівці"),
        ("миколаївської", "миколаїв"),
        ("криворізького", "кривий ріг"),
    ],
)
def test_uk_adjective_bases(word: str, town: str) -> None:
    assert uk.adjective_bases(word)[0] == town


def test_adjective_bases_of_other_words_are_empty() -> None:
    assert ru.adjective_bases("новой") == ()
    assert ru.adjective_bases("большой") == ()
    assert uk.adjective_bases("нової") == ()
    # several candidates: the caller keeps the first that is a gazetteer name
    assert "сумы" in ru.adjective_bases("сумской")
    assert "суми" in uk.adjective_bases("сумської")


def test_adjective_bases_of_towns_in_field_and_plain_words() -> None:
    # "-пілля", "-полье": the soft sign of the adjective's stem is the town's "-лля", "-лье"
    assert "зеленопілля" in uk.adjective_bases("зеленопільської")
    assert "зеленополье" in ru.adjective_bases("зеленопольского")


def test_rules_alone_find_the_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    # without pymorphy3 (not installed, or a dictionary missing) the rules answer alone
    monkeypatch.setattr(_slavic, "analyzer", lambda lang: None)
    assert _slavic.base_forms("харькове", ru.RULES)[0] == "харьков"
    assert _slavic.base_forms("харкова", uk.RULES)[0] == "харків"
    assert _slavic.base_forms("авдіївці", uk.RULES)[0] == "авдіївка"
    assert "сумы" in _slavic.base_forms("сумах", ru.RULES)
    assert _slavic.adjective_bases("одесской", ru.RULES)[0] == "одесск"
    assert "одесса" in _slavic.adjective_bases("одесской", ru.RULES)


def test_ukrainian_vowel_alternation() -> None:
    assert _slavic.rule_forms("харкова", uk.RULES)[:2] == ("харків", "харков")
    assert "київ" in _slavic.rule_forms("києвом", uk.RULES)
    assert "бориспіль" in _slavic.rule_forms("борисполя", uk.RULES)
    assert "ріг" in _slavic.rule_forms("розі", uk.RULES)


def _forms_table() -> list[tuple[str, str, str, list[str]]]:
    rows = []
    for line in FORMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, kind, base, forms = line.split("\t")
            rows.append((lang, kind, base, [f.replace("_", " ").lower() for f in forms.split()]))
    return rows


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_benchmark_forms_found(lang: str) -> None:
    # bench/morph_forms.tsv: 790 forms of towns, villages and oblast adjectives
    morph = ru if lang == "ru" else uk
    found = total = 0
    for code, kind, base, forms in _forms_table():
        if code != lang:
            continue
        want = normalize_name(base)
        for form in forms:
            fn = morph.base_forms if kind == "noun" else morph.adjective_bases
            total += 1
            found += want in {normalize_name(f) for f in fn(form)}
    assert total >= 300
    assert found / total >= 0.98


cyrillic = st.text(
    alphabet=st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ'- "), max_size=30
)


@settings(max_examples=300, deadline=None)
@given(cyrillic)
def test_base_forms_never_fail(word: str) -> None:
    for morph in (ru, uk):
        forms = morph.base_forms(word)
        assert isinstance(forms, tuple)
        assert word in forms
        assert all(isinstance(f, str) for f in forms)
        bases = morph.adjective_bases(word)
        assert isinstance(bases, tuple)
        assert all(isinstance(b, str) and b for b in bases)


# ------------------------------------------------------------------------- packs


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_pack_loads(code: str) -> None:
    pack = get_pack(code)
    assert pack.scripts == frozenset({"cyrillic"})
    assert pack.morph("base_forms") is not None
    assert pack.morph("adjective_bases") is not None
    assert len(pack.words["stopwords"]) >= 140
    assert not pack.words["first_names"]  # given names live in the common pack
    assert {"александр", "олександр"} <= get_pack("common").words["first_names"]
    for name in ("titles", "months", "weekdays", "region_after", "near", "water", "demonyms"):
        assert pack.words[name], name
    assert pack.phrases["media"]
    # every list it fills says where it comes from
    filled = [n for n in WORD_LISTS if pack.words[n]] + [n for n in PHRASE_LISTS if pack.phrases[n]]
    filled += [n for n in MAPS if pack.maps[n]]
    assert sorted(set(filled) - set(pack.sources)) == []


def test_pack_values() -> None:
    ru_pack, uk_pack = get_pack("ru"), get_pack("uk")
    assert "области" in ru_pack.words["region_after"]
    assert "області" in uk_pack.words["region_after"]
    assert normalize_name("сентября") in ru_pack.words["months"]
    assert normalize_name("вересня") in uk_pack.words["months"]
    assert uk_pack.maps["region_names"]["донеччина"] == "донецьк"
    assert uk_pack.maps["region_names"][normalize_name("Київщина")] == normalize_name("Київ")
    assert ru_pack.maps["region_names"]["подмосковье"] == "москва"
    assert "мэр" in ru_pack.words["titles"]
    assert "мер" in uk_pack.words["titles"]


def test_region_names_lead_to_gazetteer_towns() -> None:
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for code in ("ru", "uk"):
        for region, town in get_pack(code).maps["region_names"].items():
            assert town in gaz, (code, region, town)


RU_TEXTS = [
    "Ночью в городе прогремели взрывы, сообщил мэр. Он добавил, что пострадавших нет.",
    "Правительство заявило, что переговоры будут продолжены уже на следующей неделе.",
    "По словам губернатора, после обстрела без света остались несколько тысяч домов.",
]
UK_TEXTS = [
    "Вночі в місті пролунали вибухи, повідомив мер. Він додав, що постраждалих немає.",
    "Уряд заявив, що переговори буде продовжено вже наступного тижня.",
    "За словами голови області, після обстрілу без світла залишилися кілька тисяч будинків.",
]


@pytest.mark.parametrize("text", RU_TEXTS)
def test_detects_russian(text: str) -> None:
    assert detect_language(text) == "ru"


@pytest.mark.parametrize("text", UK_TEXTS)
def test_detects_ukrainian(text: str) -> None:
    assert detect_language(text) == "uk"


# ------------------------------------------------------------------------- geoparser


def found(text: str, lang: str | None) -> list[tuple[str, str, str]]:
    df = geo.geoparse(text, lang=lang)
    return [(m, n, k) for m, n, k in df[["mention", "name", "kind"]].itertuples(index=False)]


def test_geoparse_russian_cases() -> None:
    assert found("Удары по Харькову", "ru") == [("Харькову", "Kharkiv", "city")]
    assert found("В Бахмуте и под Авдеевкой продолжаются бои.", "ru") == [
        ("Бахмуте", "Bakhmut", "city"),
        ("Авдеевкой", "Avdiyivka", "city"),
    ]
    assert found("Взрывы прогремели в Ростове-на-Дону и Белгороде.", "ru") == [
        ("Ростове-на-Дону", "Rostov-on-Don", "city"),
        ("Белгороде", "Belgorod", "city"),
    ]
    assert found("В Новой Каховке и Кривом Роге объявлена тревога.", "ru") == [
        ("Новой Каховке", "Nova Kakhovka", "city"),
        ("Кривом Роге", "Kryvyy Rih", "city"),
    ]


def test_geoparse_regions() -> None:
    assert found("Обстрел в Донецкой области: пострадали жители Горловки.", "ru") == [
        ("Донецкой области", "Donets'k", "region"),
        ("Горловки", "Horlivka", "city"),
    ]
    assert found("Вибухи пролунали на Харківщині та в Одесі.", "uk") == [
        ("Харківщині", "Kharkiv", "region"),
        ("Одесі", "Odesa", "city"),
    ]
    assert found("На Донеччині тривають бої біля Бахмута й Авдіївки.", "uk") == [
        ("Донеччині", "Donets'k", "region"),
        ("Бахмута", "Bakhmut", "city"),
        ("Авдіївки", "Avdiyivka", "city"),
    ]


def test_adjectives_listed_before_one_region_noun() -> None:
    assert found("Тревога объявлена в Харьковской, Сумской и Черниговской областях.", "ru") == [
        ("Харьковской", "Kharkiv", "region"),
        ("Сумской", "Sumy", "region"),
        ("Черниговской", "Chernihiv", "region"),
    ]
    # a region not named after a town, under its own name; the oblast, not the city of Kyiv
    assert found("Вибухи у Київській та Волинській областях.", "uk") == [
        ("Київській", "Kiev", "region"),
        ("Волинській", "Volyn", "region"),
    ]
    assert geo.geoparse("Удар по Киевской области.", lang="ru")["gazetteer_id"].tolist() == [
        "ne:UKR-321"
    ]
    # a name before the list is no adjective of the list ("в Харькове, Сумской области")
    assert found("Взрывы в Харькове и Сумской области.", "ru") == [
        ("Харькове", "Kharkiv", "city"),
        ("Сумской области", "Sumy", "region"),
    ]


def test_hyphenated_region_adjectives() -> None:
    assert found("Удары по Одесской и Ивано-Франковской областям.", "ru") == [
        ("Одесской", "Odessa", "region"),
        ("Ивано-Франковской", "Ivano-Frankivs'k", "region"),
    ]


def test_geoparse_detects_the_language() -> None:
    assert [n for _, n, _ in found("Ракети влучили в Кривому Розі, повідомив мер.", None)] == [
        "Kryvyy Rih"
    ]


def test_place_after_a_title() -> None:
    assert found("Мэр Харькова Игорь Терехов открыл укрытие.", "ru") == [
        ("Харькова", "Kharkiv", "city")
    ]


def test_town_and_its_oblast_in_one_sentence() -> None:
    assert found("У Харкові та Харківській області оголошено тривогу.", "uk") == [
        ("Харкові", "Kharkiv", "city"),
        ("Харківській області", "Kharkiv", "region"),
    ]


def test_district_named_after_its_centre_is_the_town() -> None:
    # a district the gazetteer lacks is its centre town; adjectives listed share the noun
    assert found("Бои идут в Суджанском районе, жители уезжают.", "ru") == [
        ("Суджанском районе", "Sudzha", "city"),
    ]
    assert found("Обстріляли громади Покровського району.", "uk") == [
        ("Покровського району", "Pokrovsk", "city"),
    ]
    assert found("Бои идут в Суджанском и Кореневском районах.", "ru") == [
        ("Суджанском", "Sudzha", "city"),
        ("Кореневском", "Korenevo", "city"),
    ]


def test_institution_adjective_after_a_title_is_no_surname() -> None:
    # "очільник Сумської міської ... адміністрації": an institution, not a person whose
    # surname would block the town's forms all over the document
    text = (
        "Про це заявив очільник Сумської міської військової адміністрації Олег Петренко. "
        "Евакуація з Сум триває, у Сумах лунали вибухи."
    )
    assert found(text, "uk") == [("Сум", "Sumy", "city"), ("Сумах", "Sumy", "city")]


def test_two_word_country_after_a_title() -> None:
    assert found("Посол Великої Британії Джон Сміт відвідав Київ.", "uk") == [
        ("Великої Британії", "United Kingdom", "country"),
        ("Київ", "Kyiv", "city"),
    ]


def test_sentence_initial_adjective_before_its_noun_is_no_town() -> None:
    # "Українські військові": Ukrainian soldiers, not a form of the town Українськ
    assert found("Українські військові знищили міст.", "uk") == []
    assert found("Евакуація з Українська триває.", "uk") == [("Українська", "Ukrayinsk", "city")]


def test_ukrainian_spelling_of_a_russian_village_through_its_russian_spelling() -> None:
    # -іне is -ино, ьо is ё: "Тьоткіне" is the village GeoNames names Tëtkino
    assert ("Тьоткіного", "Tëtkino", "city") in found(
        "Бої точаться в Курській області, зокрема біля Тьоткіного.", "uk"
    )


def test_regions_named_with_a_suffix_from_their_adjective() -> None:
    # the oblast named by the adjective and its noun, whatever the town is called today
    assert found("Уночі дрони атакували Дніпропетровщину та Запоріжчину.", "uk") == [
        ("Дніпропетровщину", "Dnipropetrovs'k", "region"),
        ("Запоріжчину", "Zaporizhzhya", "region"),
    ]
    assert found("Тревога объявлена на Белгородчине и Донетчине.", "ru") == [
        ("Белгородчине", "Belgorod", "region"),
        ("Донетчине", "Donets'k", "region"),
    ]
    # a district around a town that names no region is the town
    assert found("Обстріли тривають на Ізюмщині.", "uk") == [("Ізюмщині", "Izyum", "city")]
    # common words and names of their own keep their sense
    assert found("Женщина получила ранения. Причина неизвестна.", "ru") == []
    assert found("Кораблі прямують до Туреччини.", "uk") == [("Туреччини", "Turkey", "country")]


def test_arabic_article_belongs_to_the_name_after_it() -> None:
    assert found("Бои идут у Эль-Фашера и Эр-Рияда.", "ru") == [
        ("Эль-Фашера", "El Fasher", "city"),
        ("Эр-Рияда", "Riyadh", "city"),
    ]
    # a name the gazetteer knows without its article keeps the article in its span
    assert [m for m, _, _ in found("Бої тривають біля Аль-Хасаки.", "uk")] == ["Аль-Хасаки"]


def test_hyphenated_arabic_name_declines_its_last_word() -> None:
    # the Arabic article is no preposition: the last word is the head, not the first
    assert "рас-эль-хайма" in ru.base_forms("рас-эль-хайме")
    assert ru.base_forms("ростове-на-дону")[0] == "ростов-на-дону"


@pytest.mark.parametrize(
    ("lang", "adjective", "town"),
    [
        ("uk", "попільнянської", "попільня"),
        ("uk", "теплицького", "теплик"),
        ("uk", "чкалівської", "чкалове"),
        ("uk", "роменського", "ромни"),
        ("uk", "новоодеської", "нова одеса"),
        ("uk", "великоолександрівській", "велика олександрівка"),
        ("uk", "новотроїцької", "новотроїцьке"),
        ("ru", "мурашинском", "мураши"),
        ("ru", "александрийской", "александрия"),
        ("ru", "каневского", "каневская"),
        ("ru", "красносулинского", "красный сулин"),
        ("ru", "мелеузовском", "мелеуз"),
        ("ru", "обоянском", "обоянь"),
    ],
)
def test_adjective_bases_of_district_centres(lang: str, adjective: str, town: str) -> None:
    bases = get_pack(lang).morph("adjective_bases")
    assert bases is not None
    assert town in bases(adjective)


def test_rare_derivation_only_without_a_known_place() -> None:
    # a town in -ки named by an adjective in -ский only when no other town is: "раменский" is
    # the town Раменское's, not the Moscow district Раменки's
    bases = get_pack("ru").morph("adjective_bases")
    assert bases is not None
    assert "раменское" in bases("раменском")
    assert "раменки" not in bases("раменском")


def test_names_of_several_words_before_their_words_alone() -> None:
    # the whole name under its dictionary form, not a word of it that is a place alone
    assert found("Колонна техники прошла мимо Великой Александровки к Новому Осколу.", "ru") == [
        ("Великой Александровки", "Velyka Oleksandrivka", "city"),
        ("Новому Осколу", "Novy Oskol", "city"),
    ]
    assert found("Вибухи пролунали в Нижніх Сірогозах та Новому Розділі.", "uk") == [
        ("Нижніх Сірогозах", "Nyzhni Sirohozy", "city"),
        ("Новому Розділі", "Novyi Rozdil", "city"),
    ]


def test_country_in_the_name_of_a_state_body_is_no_place() -> None:
    assert found("Минобороны Беларуси заявило, что самолеты поднимались над Гомелем.", "ru") == [
        ("Гомелем", "Homyel'", "city")
    ]
    assert found("У МЗС Франції повідомили про евакуацію з Бейрута.", "uk") == [
        ("Бейрута", "Beirut", "city")
    ]


def test_districts_named_after_centres_with_other_suffixes() -> None:
    # -овский after a consonant
    assert found("Тревога объявлена в Мелеузовском районе.", "ru") == [
        ("Мелеузовском районе", "Meleuz", "city"),
    ]


def test_a_surname_blocks_its_own_forms_only() -> None:
    # "Бахмутов" and "Бахмута" share a dictionary guess, not a stem: the town stays
    assert found("Политолог Андрей Бахмутов считает, что бои у Бахмута продолжатся.", "ru") == [
        ("Бахмута", "Bakhmut", "city")
    ]
    # "официальный Минск" is the government of the town, which is no surname
    assert found("Официальный Минск промолчал. В Минске прошла встреча.", "ru") == [
        ("Минск", "Minsk", "city"),
        ("Минске", "Minsk", "city"),
    ]


def test_names_inside_named_things_are_no_places() -> None:
    # a train's route in quotes, a unit named after a region, a regional branch of the
    # public broadcaster, a Telegram channel and an administration written with its acronym
    assert found("Поезд «Львов — Одесса» задержан у Винницы.", "ru") == [
        ("Винницы", "Vinnytsya", "city")
    ]
    assert found("Командование группировки войск «Кавказ» сообщило о боях у Изюма.", "ru") == [
        ("Изюма", "Izyum", "city")
    ]
    assert found("Як повідомляє Суспільне Одеса, в Болграді чули вибухи.", "uk") == [
        ("Болграді", "Bolhrad", "city")
    ]
    assert found("Канал «Брянск Оперативный» сообщил о взрывах в Новозыбкове.", "ru") == [
        ("Новозыбкове", "Novozybkov", "city")
    ]
    assert found("За даними Сумської ОВА, у Гадячі вибухи.", "uk") == [
        ("Гадячі", "Hadyach", "city")
    ]


def test_a_surname_form_written_after_a_settlement_noun_is_the_place() -> None:
    text = (
        "Староста Олег Вишняк сказав, що у селищі Вишняки на Полтавщині вибухи. "
        "ВИШНЯКИ. Ще одна атака біля Хоролу."
    )
    assert [m for m, _, _ in found(text, "uk")] == ["Вишняки", "Полтавщині", "ВИШНЯКИ", "Хоролу"]


def test_water_body_named_after_a_town_the_gazetteer_lacks_is_the_town() -> None:
    assert found("Рибалки вийшли на Ладижинське водосховище.", "uk") == [
        ("Ладижинське водосховище", "Ladyzhyn", "city")
    ]
    assert found("Катер перевернулся на Цимлянском водохранилище.", "ru") == [
        ("Цимлянском водохранилище", "Tsimlyansk", "city")
    ]


def test_common_names_of_first_level_regions() -> None:
    assert found("Дрони долетіли до Закарпаття, у Закарпатті тривога.", "uk") == [
        ("Закарпаття", "Transcarpathia", "region"),
        ("Закарпатті", "Transcarpathia", "region"),
    ]
    # a region's name that is also a town's: the region where the document says nothing else
    assert found("Дроны атаковали Кубань, на Кубани горит НПЗ.", "ru") == [
        ("Кубань", "Krasnodar", "region"),
        ("Кубани", "Krasnodar", "region"),
    ]


def test_region_adjective_whose_noun_is_left_out() -> None:
    text = "Над Курской областью сбили 20 дронов, над Орловской — 12, над Брянской — 3."
    assert found(text, "ru") == [
        ("Курской областью", "Kursk", "region"),
        ("Орловской", "Orel", "region"),
        ("Брянской", "Bryansk", "region"),
    ]


def test_national_capital_before_the_region_of_its_name() -> None:
    # the state of Washington outranks the capital under the Russian name by its towns'
    # people; the name alone is the capital
    df = geo.geoparse("Переговоры о перемирии продолжатся в Вашингтоне.", lang="ru")
    assert df[["mention", "gazetteer_id"]].values.tolist() == [["Вашингтоне", "gn:4140963"]]
    assert found("Губернатор штата Вашингтон приехал в Сиэтл.", "ru")[0][2] == "region"


def test_adjective_of_a_town_before_its_noun_is_no_place() -> None:
    # a fleet, a power plant and a road named after places; the town alone stays one
    text = "Корабли Азовского флота стоят у Запорожской АЭС, Харьковское шоссе перекрыто."
    assert found(text, "ru") == []
    assert found("В Рубежном прошли обыски.", "ru") == [("Рубежном", "Rubizhne", "city")]


def test_russian_possessive_adjectives_keep_their_soft_sign_in_the_nominative() -> None:
    # "казачий" declines with a soft sign: an oblique feminine form goes back to "-ья", not
    # "-ая" (a town of two words such as "Казачья X" in the accusative, "в Казачью X")
    assert _slavic.pymorphy_forms("лисью", "ru")[0] == "лисья"
    assert _slavic.pymorphy_forms("медвежьей", "ru")[0] == "медвежья"
    assert _slavic.pymorphy_forms("птичье", "ru")[0] == "птичье"
    # an ordinary adjective is unchanged: "горячую" -> "горячая"
    assert _slavic.pymorphy_forms("горячую", "ru")[0] == "горячая"
