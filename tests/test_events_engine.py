"""Tests of the Events 2 engine: packs' rules, numbers, dates, tolls, actors, HTML pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import geo
from geo import config
from geo.events.actors import find_actors, state_forces
from geo.events.dates import find_dates
from geo.events.engine import classify_sentence
from geo.events.numbers import find_numbers, parse_number
from geo.events.rules import get_rules, languages_with_rules, related_headings
from geo.events.tolls import count_casualties, no_casualties
from geo.io.documents import read_documents
from geo.io.html import extract_html

# --------------------------------------------------------------------------- rules


def test_packs_with_rules_and_one_combined_pattern() -> None:
    assert {"en", "fr", "es"} <= set(languages_with_rules())
    rules = get_rules(("es",))
    assert rules.codes == ("es",)
    # one regular expression holds every cue list: one pass per sentence
    assert rules.cue_re is not None and rules.cue_re.groups >= len(rules.cue_rules)
    assert "lire (?:aussi|également)" in related_headings()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Un ataque con drones alcanzó la ciudad.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        ("Decenas de manifestantes marcharon.", ("Protests", "Peaceful protest")),
        ("Hombres armados asesinaron a siete personas.", ("Violence against civilians", "Attack")),
        ("Drones struck an air base.", ("Explosions/Remote violence", "Air/drone strike")),
    ],
)
def test_spanish_and_english_cues(sentence: str, expected: tuple[str, str]) -> None:
    assert classify_sentence(sentence) == expected


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("doce", 12),
        ("veintidós", 22),
        ("doscientos cincuenta", 250),
        ("dos mil", 2000),
        ("decenas", 12),
        ("cientos", 100),
        ("varios", 10),
        ("٩٣", 93),
        ("1.300", 1300),
        ("5-х", 5),
        ("a dozen", 12),
        ("tens", 12),
    ],
)
def test_numbers_in_more_languages(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_vague_numbers_are_marked() -> None:
    found = find_numbers("des dizaines de blessés et 93 morts")
    assert [(n.value, n.vague) for n in found] == [(12, True), (93, False)]


@given(st.text(max_size=60))
def test_find_numbers_never_crashes(text: str) -> None:
    for n in find_numbers(text):
        assert n.value >= 0 and 0 <= n.start < n.end <= len(text)


# --------------------------------------------------------------------------- tolls


def test_a_date_is_no_toll() -> None:
    assert count_casualties("On Sept. 27, 27 people were killed.")[0].count == 27
    assert [c.count for c in count_casualties("Depuis le 27 septembre, des morts.")] == []
    assert count_casualties("On Sept. 27 a strike killed three people.")[0].count == 3


def test_running_totals_are_marked() -> None:
    (c,) = count_casualties("More than 50 people have been killed since the fighting began.")
    assert c.cumulative and c.count == 50
    (c,) = count_casualties("Al menos 36 muertos en varias ciudades del país.")
    assert c.cumulative


def test_counts_after_a_cue_and_before_an_aside() -> None:
    assert [
        (c.kind, c.count)
        for c in count_casualties("Seventy-five people, 14 of them children, were wounded.")
    ] == [("injured", 75)]
    assert [
        (c.kind, c.count)
        for c in count_casualties("Doce personas murieron y otras veinte resultaron heridas.")
    ] == [
        ("fatalities", 12),
        ("injured", 20),
    ]
    assert [
        c.count
        for c in count_casualties(
            "The number of people killed when a missile hit the block rose to 40 on Monday."
        )
    ] == [40]


def test_no_casualties() -> None:
    assert no_casualties("No one was hurt, he said.")
    assert no_casualties("L'attaque n'a fait aucune victime.")
    assert no_casualties("El ataque no dejó víctimas.")
    assert no_casualties("El ataque dejó víctimas.") is False
    assert no_casualties("sin víctimas")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("uk", "Минулося без руйнувань та постраждалих."),
        ("ru", "Обошлось без разрушений и пострадавших."),
        ("fr", "Les débris sont tombés sans faire de dommages ni de blessés."),
        ("fr", "La frappe s'est produite sans faire ni victime ni dégât."),
        ("es", "El artefacto estalló sin causar daños ni heridos."),
        ("en", "The drone fell in a field without causing any casualties."),
        ("ar", "سقطت قذيفة قرب المدرسة دون أن يسفر ذلك عن إصابات."),
    ],
)
def test_no_casualties_after_damage_named_with_them(lang: str, sentence: str) -> None:
    # "without damage or casualties": the casualties are the second noun after the negation
    assert no_casualties(sentence, rules=get_rules((lang,)))


# --------------------------------------------------------------------------- dates


def test_relative_days_and_nights() -> None:
    wednesday = dt.date(2025, 6, 25)
    assert [f.date for f in find_dates("ayer por la noche", reference=wednesday)] == [
        dt.date(2025, 6, 24)
    ]
    assert [f.date for f in find_dates("la noche del martes", reference=wednesday)] == [
        dt.date(2025, 6, 24)
    ]
    sunday = dt.date(2025, 4, 13)
    assert [f.date for f in find_dates("dans la nuit de samedi à dimanche", reference=sunday)] == [
        sunday
    ]
    assert [f.date for f in find_dates("last night", reference=sunday)] == [dt.date(2025, 4, 12)]
    assert [f.date for f in find_dates("El pasado 28 de mayo", reference=wednesday)] == [
        dt.date(2025, 5, 28)
    ]


# --------------------------------------------------------------------------- actors


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Russian forces shelled the town.", "Military Forces of Russia"),
        ("The village was hit by a Russian drone.", "Military Forces of Russia"),
        ("Des frappes israéliennes ont visé le camp.", "Military Forces of Israel"),
        ("Un ataque masivo ruso alcanzó la ciudad.", "Military Forces of Russia"),
        ("Rebels of the M23 seized the town.", "M23"),
        ("Les autorités ont attribué l'attaque au groupe État islamique.", "Islamic State"),
        ("Gunmen opened fire on the crowd.", "Unidentified Armed Group"),
    ],
)
def test_actor_named_in_a_sentence(sentence: str, name: str) -> None:
    assert name in [a.actor.name for a in find_actors(sentence)]


def test_a_source_is_no_agent_and_acronyms_keep_their_case() -> None:
    (a,) = find_actors("The Sudanese military said the base was hit.")
    assert not a.agent
    assert find_actors("They told us nothing.") == []
    assert state_forces("US").name == "Military Forces of the United States"  # type: ignore[union-attr]
    # ACLED's names of countries the lexicon does not list, where the gazetteer's differ
    assert state_forces("CG").name == "Military Forces of the Republic of Congo"  # type: ignore[union-attr]
    assert state_forces("CF").name == "Military Forces of the Central African Republic"  # type: ignore[union-attr]


def test_actors_and_inter_codes_in_events() -> None:
    text = (
        "date 2024-07-08\nA Russian missile strike hit Kharkiv on Monday, killing 10 civilians "
        "and wounding 40."
    )
    ev = geo.extract_events(text)
    row = ev[ev["event_type"] != "Mention"].iloc[0]
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Russia", "State forces")
    assert (row["actor2"], row["inter2"]) == ("Civilians", "Civilians")
    assert (row["fatalities"], row["injured"]) == (10, 40)


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # people killed or hurt by a strike that counts no force among them: civilians
        ("Two were killed and five injured when a missile hit Ternopil on Monday.", "Civilians"),
        ("У понеділок ракета влучила в Тернопіль: двоє загиблих, п'ятеро поранених.", "Civilians"),
        (
            "Une frappe de missile a touché Ternopil lundi, faisant deux morts et cinq blessés.",
            "Civilians",
        ),
        # the forces counted are the target; no one hurt, no target
        (
            "Two soldiers were killed when a missile hit Ternopil on Monday.",
            "Military Forces of Ukraine",
        ),
        ("A missile hit Ternopil on Monday. No one was hurt.", None),
    ],
)
def test_a_strike_that_hurt_people_targets_civilians(text: str, actor2: str | None) -> None:
    ev = geo.extract_events(f"date 2025-03-04\n{text}")
    row = ev[ev["event_type"] != "Mention"].iloc[0]
    assert (row["event_type"], row["actor2"]) == ("Explosions/Remote violence", actor2)


def test_stated_toll_beats_a_vague_one_across_an_article() -> None:
    text = (
        "date 2024-08-10\nDozens were killed in an air strike on a school in Khan Younis on "
        "Saturday.\nThe air strike on Khan Younis on Saturday killed at least 93 people, "
        "officials said."
    )
    ev = geo.extract_events(text)
    rows = ev[ev["event_type"] != "Mention"]
    assert rows["fatalities"].tolist() == [93]


def test_unknown_tolls_are_empty_and_none_is_zero() -> None:
    text = "date 2025-05-04\nDrones struck an air base in Kassala on Saturday. No one was hurt."
    ev = geo.extract_events(text)
    row = ev[ev["event_type"] != "Mention"].iloc[0]
    assert (row["fatalities"], row["injured"]) == (0, 0)
    ev = geo.extract_events("date 2025-05-04\nDrones struck an air base in Kassala on Saturday.")
    row = ev[ev["event_type"] != "Mention"].iloc[0]
    assert pd.isna(row["fatalities"]) and str(row["event_date"].date()) == "2025-05-03"


# --------------------------------------------------------------------------- HTML pages

PAGE = """<!doctype html><html><head><title>Strike</title>
<meta property="article:published_time" content="2024-08-31T09:12:00+03:00">
</head><body>
<nav><a href="/">Home</a> <a>World</a></nav>
<div class="cookie-consent">We use cookies. Accept all.</div>
<article><h1>Glide bomb hits Kharkiv</h1>
<p>A Russian glide bomb hit a residential block in Kharkiv on Friday, killing seven people.</p>
<p>Related: Protests in Tbilisi</p>
<ul><li>Protests in Tbilisi turn violent</li></ul>
<p>Rescuers worked through the night.</p>
<aside class="related-stories"><a>Riots in Paris</a></aside>
</article>
<footer>© 2024 News</footer></body></html>"""


def test_html_main_text_and_published_date() -> None:
    text, title, date = extract_html(PAGE)
    assert title == "Strike"
    assert date == dt.date(2024, 8, 31)
    assert "Kharkiv on Friday" in text and "Rescuers" in text
    for boilerplate in ("Tbilisi", "cookies", "Home", "Riots", "©"):
        assert boilerplate not in text


def test_html_date_from_json_ld_and_time() -> None:
    ld = (
        '<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
        ' "datePublished": "2023-01-15T10:00:00Z"}]}</script></head><body><p>x</p></body></html>'
    )
    assert extract_html(ld)[2] == dt.date(2023, 1, 15)
    timed = '<html><body><time datetime="2022-04-08">8 April</time><p>y</p></body></html>'
    assert extract_html(timed)[2] == dt.date(2022, 4, 8)


def test_html_page_date_is_the_document_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read_documents([path])
    assert doc.date == dt.date(2024, 8, 31) and doc.date_precision == "day"
    ev = geo.extract_events(doc)
    rows = ev[ev["event_type"] != "Mention"]
    assert set(rows["event_type"]) == {"Explosions/Remote violence"}
    assert str(rows["event_date"].iloc[0].date()) == "2024-08-30"


@given(st.text(max_size=300))
def test_html_extractor_never_crashes(markup: str) -> None:
    text, _, _ = extract_html(markup)
    assert isinstance(text, str)


# --------------------------------------------------------------------------- outliers


def test_incident_far_from_every_other_place_is_a_mention() -> None:
    # a town far from all the others, in a country no other place is in: a homonym
    text = (
        "date 2024-10-16\nIsraeli drones struck Sidon and Tyre on Tuesday, killing four "
        "people. Shelling also hit Nabatieh. Rockets hit Maracaibo on Tuesday."
    )
    ev = geo.extract_events(text)
    types = dict(zip(ev["location"], ev["event_type"], strict=True))
    assert types["Maracaibo"] == "Mention"
    assert types["Sidon"] == types["Tyre"] == "Explosions/Remote violence"
    # another place of its country: the story is there too
    text = (
        "date 2024-10-16\nRockets hit Maracaibo on Tuesday. Venezuela blamed rebels. "
        "Officials in Caracas and Sidon spoke."
    )
    ev = geo.extract_events(text)
    types = dict(zip(ev["location"], ev["event_type"], strict=True))
    assert types["Maracaibo"] == "Explosions/Remote violence"


# --------------------------------------------------------------------------- weak evidence


_SHELLING = "Shelling/artillery/missile attack"


def _event_places(text: str) -> list[tuple[str, str, str, int | None, int | None]]:
    """Incidents of a text as (place, date, sub-type, fatalities, injured)."""
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [
        (r["location"], str(r["event_date"]), r["sub_event_type"], r["fatalities"], r["injured"])
        for r in event_rows(make_document(text))
        if r["event_type"] != "Mention"
    ]


def test_a_district_is_part_of_the_story_town() -> None:
    # a district word after the name ("в ... районі") or before it ("la colonia ..."): the
    # district is no incident of its own, what its sentence tells completes the town's
    uk = (
        "date 2025-02-10\nВночі російські дрони атакували Житомир. Унаслідок удару по будинку "
        "в Богунському районі поранено двох людей."
    )
    assert _event_places(uk) == [("Zhytomyr", "2025-02-10", "Air/drone strike", 0, 2)]
    es = (
        "date 2024-05-03\nHombres armados mataron a cuatro personas el jueves en Tampico. El "
        "ataque ocurrió en la colonia Nueva Hermosa, donde otras dos personas resultaron heridas."
    )
    assert _event_places(es) == [("Tampico", "2024-05-02", "Attack", 4, 2)]


def test_a_rural_part_of_a_municipality_is_placed_at_the_municipality() -> None:
    # "en la vereda X, zona rural de Y", "en la comunidad de X, municipio de Y": one
    # incident, at the municipality, not one at each place
    es = (
        "date 2025-05-07\nTres soldados murieron el martes en combates con el ELN en la vereda "
        "La Esperanza, zona rural del municipio de Tame."
    )
    assert _event_places(es) == [("Tame", "2025-05-06", "Armed clash", 3, None)]


def test_a_sentence_about_a_district_of_the_town_keeps_the_story_going() -> None:
    # a sentence that only places the incident in a part of its town tells no incident of
    # its own: the toll of the next sentence is still the incident's
    es = (
        "date 2024-05-03\nUn artefacto explosivo estalló el jueves al paso de un convoy "
        "militar en Tampico. El convoy circulaba por una avenida de la colonia Nueva Hermosa "
        "hacia el puerto. Más tarde, la fiscalía confirmó la muerte de tres soldados y otros "
        "cinco resultaron heridos."
    )
    assert _event_places(es) == [("Tampico", "2024-05-02", "Remote explosive/landmine/IED", 3, 5)]


def test_regions_listed_in_one_wave_are_no_incidents() -> None:
    text = "date 2025-02-10\nДрони також атакували Житомирську, Вінницьку та Рівненську області."
    assert _event_places(text) == []


def test_water_beside_a_town_is_no_incident() -> None:
    text = (
        "date 2024-03-02\nRebels shelled Kalemie on Saturday, killing three people. Shells "
        "also fell into Lake Tanganyika on Saturday."
    )
    assert _event_places(text) == [
        ("Kalemie", "2024-03-02", "Shelling/artillery/missile attack", 3, None)
    ]


def test_a_dateline_is_where_the_report_was_written() -> None:
    text = (
        "date 2024-05-04\nRIVNE, Ukraine, May 4 - Drones struck a fuel depot in Zhytomyr "
        "overnight, officials said."
    )
    assert [p for p, *_ in _event_places(text)] == ["Zhytomyr"]


def test_a_title_case_dateline_with_its_agency_is_where_the_report_was_written() -> None:
    text = (
        "date 2025-03-04\nDjenné (AFP) - Des hommes armés ont attaqué lundi le poste de "
        "Douentza, tuant trois soldats."
    )
    assert [p for p, *_ in _event_places(text)] == ["Douentza"]


def test_a_neighbourhood_of_another_town_is_that_town() -> None:
    # "several neighbourhoods of B": B is the town struck, not a district of the story's
    text = (
        "date 2025-03-04\nA drone hit a fuel depot in Atbara on Monday, killing two guards."
        "\n\nRockets also fell on Monday on several neighbourhoods of Shendi, killing three "
        "civilians."
    )
    assert _event_places(text) == [
        ("Atbara", "2025-03-03", "Air/drone strike", 2, None),
        ("Shendi", "2025-03-03", "Shelling/artillery/missile attack", 3, None),
    ]


def test_an_earlier_incident_with_its_own_day_at_the_town_just_named() -> None:
    text = (
        "date 2025-03-04\nA drone hit a fuel depot in Atbara on Monday, killing two guards."
        "\n\nRebels have shelled Atbara for weeks. On Feb. 3, a rocket struck the bus station "
        "there, wounding six passengers."
    )
    assert _event_places(text) == [
        ("Atbara", "2025-03-03", "Air/drone strike", 2, None),
        ("Atbara", "2025-02-03", "Shelling/artillery/missile attack", 0, 6),
    ]
    # a town named for something else before it: the day is no incident there (the
    # sentence may name a place the geoparser missed)
    other = (
        "date 2025-03-04\nA drone hit a fuel depot in Atbara on Monday, killing two guards."
        "\n\nTraders say the road to Shendi is no longer safe. On Feb. 3, a rocket struck the "
        "bus station, wounding six passengers."
    )
    assert [(p, d) for p, d, *_ in _event_places(other)] == [("Atbara", "2025-03-03")]
    # the day of a report is no day of another incident
    reported = (
        "date 2025-03-05\nRussian drones struck Sumy on Monday, killing one man. On Tuesday, "
        "the governor said that three more people had been killed in the drone attack."
    )
    assert [(p, d) for p, d, *_ in _event_places(reported)] == [("Sumy", "2025-03-03")]


@pytest.mark.parametrize(
    ("sentence", "destinations"),
    [
        (
            "قتل جنديان في هجوم على زنجبار صباح الاثنين، وجرى نقل الجرحى إلى مستشفى ميداني "
            "في مدينة لحج، ثم تحويل اثنين منهم إلى المكلا.",
            {"Laḩij", "Mukalla"},
        ),
        (
            "Un comando armado asesinó el lunes a tres comerciantes en Mirebalais; sus vecinos "
            "huyeron de noche hacia Hinche.",
            {"Hinche"},
        ),
        (
            "Через постійні обстріли Херсона влада евакуює мешканців до Кропивницького.",
            {"Kropyvnytskyi"},
        ),
    ],
)
def test_where_the_wounded_and_the_displaced_are_taken(
    sentence: str, destinations: set[str]
) -> None:
    places = {p for p, *_ in _event_places(f"date 2025-03-05\n{sentence}")}
    assert places and not places & destinations


def test_the_same_day_is_the_day_of_the_incident_told_before() -> None:
    en = (
        "date 2025-03-05\nA drone hit the bus station of Atbara on Sunday, killing six "
        "people.\n\nOn Monday, a drone struck a fuel depot in Ed Damer, killing two guards. "
        "The same day, artillery shells hit Shendi, killing three civilians, officials said "
        "on Wednesday."
    )
    assert [(p, d) for p, d, *_ in _event_places(en)] == [
        ("Atbara", "2025-03-02"),
        ("Ad-Damir", "2025-03-03"),
        ("Shendi", "2025-03-03"),
    ]
    # "اليوم نفسه" is the day told before, not today
    ar = (
        "date 2025-03-05\nقصفت مسيرة سوق عطبرة صباح الاثنين، ما أسفر عن مقتل ستة أشخاص.\n\n"
        "وفي شندي، قتل ثلاثة مدنيين بقذائف مدفعية في اليوم نفسه، وفق ما أعلنه مسؤول محلي "
        "أمس الثلاثاء."
    )
    assert [(p, d) for p, d, *_ in _event_places(ar)] == [
        ("Atbara", "2025-03-03"),
        ("Shendi", "2025-03-03"),
    ]


def test_a_neighbouring_region_named_as_one_is_no_town() -> None:
    # the region's incident is not at its namesake town when the text names it as the
    # region, after the story's first incident
    text = (
        "date 2025-03-05\nGunmen attacked the army post of Djenné on Saturday, killing four "
        "soldiers. In the neighbouring region of Sikasso, militants attacked a convoy on "
        "Friday, killing two soldiers."
    )
    assert [p for p, *_ in _event_places(text)] == ["Djenné"]


def test_capitals_that_negotiate_are_governments() -> None:
    text = (
        "date 2025-03-05\nUn drone a frappé samedi Djenné, tuant trois civils, alors que "
        "Paris et Bamako négocient un accord de défense."
    )
    assert [p for p, *_ in _event_places(text)] == ["Djenné"]


def test_a_sentence_naming_only_the_place_just_told_goes_on_about_it() -> None:
    # the day of the raid comes in a sentence that names its town again (a confirmation
    # on Friday is the report's day)
    text = (
        "date 2025-11-14\nUn bombardeo del Ejército contra un campamento guerrillero en las "
        "afueras de Mitú dejó 12 muertos, confirmó este viernes la Fiscalía.\n\nLa ofensiva "
        "comenzó en la madrugada del lunes cerca de Mitú."
    )
    assert [(p, d) for p, d, *_ in _event_places(text)] == [("Mitú", "2025-11-10")]


def test_a_drone_loaded_with_explosives_strikes() -> None:
    text = (
        "date 2025-11-14\nUn dron cargado de explosivos cayó el lunes sobre un retén militar "
        "en Popayán."
    )
    assert _event_places(text) == [("Popayán", "2025-11-10", "Air/drone strike", None, None)]


def test_a_list_of_regions_names_no_town() -> None:
    # region adjectives read as towns: the plural region word after the list says what
    # they are
    text = (
        "date 2025-03-05\nНочью средства ПВО сбили 15 дронов над Тульской, Калужской и "
        "Смоленской областями."
    )
    assert _event_places(text) == []


def test_a_list_of_states_names_no_town() -> None:
    text = (
        "date 2025-08-20\nGunmen killed four villagers in Gusau on Monday. Separately, bandits "
        "killed 12 people in Kano, Jigawa and Bauchi states on Sunday, police said."
    )
    assert [p for p, *_ in _event_places(text)] == ["Gusau"]


def test_the_far_end_of_a_route_from_the_town_told() -> None:
    text = (
        "date 2025-08-20\nOn Wednesday, traders protested in Gusau and closed the Kaura-Gusau "
        "highway until dusk."
    )
    assert [p for p, *_ in _event_places(text)] == ["Gusau"]


def test_a_visitor_who_brands_the_strike_names_no_incident_place() -> None:
    text = (
        "date 2024-04-08\nA missile hit a school in Zhytomyr on Friday, killing three. In "
        "Lviv, where he was meeting officials, the prime minister branded the strike a war "
        "crime."
    )
    assert [p for p, *_ in _event_places(text)] == ["Zhytomyr"]


def test_a_capitals_forces_are_its_government() -> None:
    text = "date 2024-04-08\nMinsk's forces shelled the village of Hrodna on Friday."
    assert [p for p, *_ in _event_places(text)] == ["Hrodna"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Aid groups pulled out of Izium on Friday, fearing an imminent assault by Russian troops.",
        "Les habitants de Kidal redoutent une éventuelle attaque des rebelles, a indiqué "
        "vendredi un élu.",
    ],
)
def test_an_incident_only_expected_is_none(sentence: str) -> None:
    assert _event_places(f"date 2024-04-08\n{sentence}") == []


def test_the_next_day_is_the_day_after_the_one_told() -> None:
    en = (
        "date 2026-03-09\nGunmen attacked Sévaré on Saturday. The next day, a bomb exploded "
        "in Bandiagara, killing four."
    )
    assert [(p, d) for p, d, *_ in _event_places(en)] == [
        ("Sévaré", "2026-03-07"),
        ("Bandiagara", "2026-03-08"),
    ]
    # a clause of its own day and incident word tells another incident there, with its
    # own toll
    fr = (
        "date 2026-03-09\nDeux gendarmes ont été tués vendredi dans une embuscade près de "
        "Sévaré, et trois civils ont été tués le lendemain par l'explosion d'un engin piégé."
    )
    assert [(p, d, f) for p, d, _, f, _ in _event_places(fr)] == [
        ("Sévaré", "2026-03-06", 2),
        ("Sévaré", "2026-03-07", 3),
    ]


def test_a_vehicle_hit_near_one_end_of_its_route() -> None:
    # the ends of the route say where the minibus went; the distance, near which end
    text = (
        "date 2026-03-09\nSamedi, un minibus parti de Djenné vers Sévaré a été détruit par un "
        "engin explosif à environ 20 km de Djenné."
    )
    assert [(p, d) for p, d, *_ in _event_places(text)] == [("Djenné", "2026-03-07")]


def test_a_place_in_the_name_of_a_group_that_speaks() -> None:
    text = (
        "date 2026-01-13\nTwo soldiers were killed near Taungoo on Monday, the Bago People's "
        "Defence Force said."
    )
    assert [p for p, *_ in _event_places(text)] == ["Taungoo"]


def test_a_camp_for_the_displaced_is_where_it_stands() -> None:
    text = (
        "date 2025-03-04\nUn drone a touché lundi un camp de déplacés à Djenné, tuant trois "
        "personnes."
    )
    assert _event_places(text) == [("Djenné", "2025-03-03", "Air/drone strike", 3, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces regularly shell Huliaipole.",
        "Since the war began, more than 300 civilians have been killed in Huliaipole.",
        "Всего, по данным ведомства, над Воронежской областью уничтожены 14 беспилотников.",
        "Les forces russes bombardent régulièrement Houliaïpole.",
    ],
)
def test_background_and_habit_are_no_incidents(sentence: str) -> None:
    assert _event_places(f"date 2024-05-04\n{sentence}") == []


def test_a_place_naming_an_office_is_no_incident_place() -> None:
    text = (
        "date 2024-05-04\nDrones struck a fuel depot in Korosten on Saturday. The Zhytomyr "
        "regional governor later put the toll at two dead."
    )
    assert [p for p, *_ in _event_places(text)] == ["Korosten"]


def test_a_count_after_an_injury_word_is_no_death() -> None:
    rules = get_rules(("en",))
    sentence = "A bomb went off at a bus stop, killing at least 9 people and wounding 23 others."
    got = [(c.kind, c.count) for c in count_casualties(sentence, rules=rules)]
    assert got == [("fatalities", 9), ("injured", 23)]
    both = "Gunmen opened fire, killing 4 soldiers and 2 civilians."
    assert [c.count for c in count_casualties(both, rules=rules)] == [4, 2]


def test_ages_joined_by_a_conjunction_are_no_counts() -> None:
    sentence = "Dos estudiantes de 16 y 19 años murieron por disparos."
    got = [(c.kind, c.count) for c in count_casualties(sentence, rules=get_rules(("es",)))]
    assert got == [("fatalities", 2)]


def test_clashes_of_protesters_with_the_police_are_a_protest() -> None:
    text = (
        "date 2023-03-10\nTres personas murieron el jueves en Huancayo durante "
        "enfrentamientos entre manifestantes y la policía."
    )
    assert _event_places(text) == [
        ("Huancayo", "2023-03-09", "Excessive force against protesters", 3, None)
    ]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("fr", "Deux gardes ont été tués par un drone près de la frontière.", "Air/drone strike"),
        (
            "es",
            "Un camión cargado de explosivos estalló frente a la alcaldía.",
            "Remote explosive/landmine/IED",
        ),
        ("en", "A truck bomb exploded outside the ministry.", "Remote explosive/landmine/IED"),
        ("ru", "Армия отразила наступление боевиков на посёлок.", "Armed clash"),
    ],
)
def test_weapons_named_in_a_casualty_sentence(lang: str, sentence: str, expected: str) -> None:
    got = classify_sentence(sentence, rules=get_rules((lang,)))
    assert got is not None and got[1] == expected


def test_a_bomb_among_gunmen_makes_remote_violence() -> None:
    # ACLED codes civilians killed by a bomb as remote violence, not as an attack
    text = (
        "date 2024-02-10\nAt least 9 people were killed when a suicide bomber and gunmen "
        "attacked a hotel in Jowhar on Friday."
    )
    assert [t for _, _, t, *_ in _event_places(text)] == ["Suicide bomb"]


def _actors_by_place(text: str) -> dict[str, str | None]:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return {
        r["location"]: r["actor1"]
        for r in event_rows(make_document(text))
        if r["event_type"] != "Mention"
    }


def test_an_unattributed_incident_takes_no_perpetrator_of_the_others() -> None:
    # events README: actor1 is null when the sentence names no perpetrator, even when the
    # article names one for its other incidents (another place, another day)
    text = (
        "date 2024-06-20\nA missile hit a school in Uman on Wednesday, killing three people."
        "\n\nOn 12 March, Russian forces shelled Borodianka, killing two."
    )
    assert _actors_by_place(text) == {"Uman": None, "Borodianka": "Military Forces of Russia"}


def test_an_unattributed_strike_of_the_same_wave_takes_no_perpetrator() -> None:
    text = (
        "date 2024-06-20\nRussian drones struck a depot in Boiarka on Wednesday, killing two "
        "people.\n\nOn Wednesday, a drone also hit a farm near Obukhiv, injuring one man."
    )
    assert _actors_by_place(text) == {
        "Boyarka": "Military Forces of Russia",
        "Obukhiv": None,
    }


def test_a_reference_point_of_a_distance_is_no_incident_place() -> None:
    text = (
        "date 2024-05-04\nDrones struck a fuel depot in Korosten on Saturday. The depot lies "
        "about 80 km north of Zhytomyr and burned all day after the drone attack."
    )
    assert [p for p, *_ in _event_places(text)] == ["Korosten"]


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-04\nRussian drones struck a fuel depot in Berdychiv, south of Zhytomyr, "
        "on Saturday, killing two people.",
        "date 2024-05-04\nDes drones ont frappé samedi un dépôt à Berdytchiv, au sud de "
        "Jytomyr, tuant deux personnes.",
        "date 2024-05-04\nUn ataque con drones mató el sábado a dos personas en Berdíchev, al "
        "sur de Zhitómir.",
        "date 2024-05-04\nУ суботу дрон атакував склад у Бердичеві, на південь від Житомира, "
        "загинули двоє людей.",
    ],
)
def test_a_town_named_relative_to_another_keeps_the_incident(text: str) -> None:
    # the town the first lies south of is a reference point
    assert [p for p, *_ in _event_places(text)] == ["Berdychiv"]


def test_a_town_named_as_another_towns_twin_city_keeps_the_incident() -> None:
    text = (
        "date 2024-05-04\nA bomb blast killed four people at a market in Rawalpindi, "
        "Islamabad's twin city, on Saturday."
    )
    assert [p for p, *_ in _event_places(text)] == ["Rawalpindi"]


def test_a_place_named_relative_to_nothing_else_stays_the_incident_place() -> None:
    text = "date 2024-05-04\nShelling killed two people south of Zhytomyr on Saturday."
    assert [p for p, *_ in _event_places(text)] == ["Zhytomyr"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike that names no weapon, by a state that strikes from the air
        (
            "date 2024-03-02\nAn Israeli strike on a house in Sidon killed four people on Friday.",
            "Air/drone strike",
        ),
        (
            "date 2024-03-02\nقتل أربعة أشخاص أمس في قصف إسرائيلي على منزل في صيدا.",
            "Air/drone strike",
        ),
        # the same strike said to be by artillery stays shelling
        (
            "date 2024-03-02\nIsraeli artillery shelled a house in Sidon on Friday, killing four.",
            "Shelling/artillery/missile attack",
        ),
        (
            "date 2024-03-02\nقتل أربعة أشخاص أمس في قصف مدفعي إسرائيلي على منزل في صيدا.",
            "Shelling/artillery/missile attack",
        ),
        # a state whose strikes are mostly missiles and guns: shelling
        (
            "date 2024-03-02\nA Russian strike on Uman killed four people on Friday.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_a_strike_without_a_weapon_by_an_air_power_is_an_air_strike(
    text: str, expected: str
) -> None:
    assert [t for _, _, t, *_ in _event_places(text)] == [expected]


def test_an_incident_told_only_at_a_region() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    # a province named after its town: the incident is told at the town, at the region's
    # precision
    text = "date 2024-03-02\nقتل أربعة أشخاص أمس في غارة على محافظة مأرب."
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["gazetteer_id"], r["geo_precision"]) for r in rows] == [("gn:72968", 3)]
    # a region no town is named after: a mention, not an event
    region = "date 2024-03-02\nRussian shelling in Zakarpattia killed four people on Friday."
    assert _event_places(region) == []


def test_an_arabic_dateline_is_where_the_report_was_written() -> None:
    text = "date 2024-03-02\nدمشق - قتل أربعة أشخاص أمس في قصف مدفعي على صيدا."
    assert [p for p, *_ in _event_places(text)] == ["Sidon"]


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-03-02\nGunmen killed 12 people in Mutwanga on Friday; the wounded were "
        "taken to hospital in Butembo.",
        "date 2024-03-02\nDes hommes armés ont tué 12 personnes à Mutwanga vendredi, et les "
        "blessés ont été évacués vers Butembo.",
        "date 2024-03-02\nDes hommes armés ont tué 12 personnes à Mutwanga vendredi, et les "
        "blessés ont été évacués par hélicoptère vers Butembo.",
        "date 2024-03-02\nGunmen killed 12 people in Mutwanga on Friday; two wounded were "
        "moved by road to the General Hospital in Butembo.",
        "date 2024-03-02\nHombres armados mataron a 12 personas en Mutwanga el viernes; dos "
        "heridos fueron trasladados en avión ambulancia a Butembo.",
        "date 2024-03-02\nВ пятницу боевики убили 12 человек в Мутванге, раненых доставили "
        "вертолётом в Бутембо.",
    ],
)
def test_where_the_wounded_were_taken_is_not_the_incident_place(text: str) -> None:
    assert "Butembo" not in [p for p, *_ in _event_places(text)]


@pytest.mark.parametrize(
    ("text", "away"),
    [
        (
            "Gunmen killed 12 people in Moba on Friday; nine injured troops were evacuated by "
            "road to the army hospital in Kabalo.",
            {"Kabalo"},
        ),
        (
            "Gunmen killed 12 people in Moba on Friday; two of the wounded later died at Kabalo "
            "General Hospital.",
            {"Kabalo"},
        ),
        (
            "Gunmen killed 12 people in Moba on Friday; two of the wounded died in hospital in "
            "Kabalo.",
            {"Kabalo"},
        ),
        (
            "Gunmen killed 12 people in Moba on Friday; the wounded were treated at Kabalo "
            "hospital.",
            {"Kabalo"},
        ),
        (
            "Des hommes armés ont tué 12 personnes à Moba vendredi. Plusieurs blessés ont été "
            "transférés vers l'hôpital général de Kabalo, puis vers Kongolo.",
            {"Kabalo", "Kongolo"},
        ),
        (
            "Hombres armados mataron a 12 personas en Moba el viernes; otros dos fallecieron "
            "horas después en el hospital de Kabalo.",
            {"Kabalo"},
        ),
        (
            "Hombres armados mataron a 12 personas en Moba el viernes; los heridos fueron "
            "trasladados al hospital de Kabalo.",
            {"Kabalo"},
        ),
        (
            "Hombres armados mataron a 12 personas en Moba el viernes; otros dos murieron en "
            "el transcurso de la noche en el Hospital General de Kabinda.",
            {"Kabinda"},
        ),
        (
            "قتل ثلاثة مدنيين أمس في قصف مدفعي على ضوران، وأسعف الجرحى إلى مستشفى ذمار العام.",
            {"Dhamār"},
        ),
    ],
)
def test_a_hospital_the_wounded_were_taken_to_or_died_in_is_not_the_incident_place(
    text: str, away: set[str]
) -> None:
    places = {p for p, *_ in _event_places("date 2024-03-02\n" + text)}
    assert places and not away & places


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        (
            "У вівторок ворог обстріляв Любешів. Поранено 70-річну пенсіонерку, її госпіталізували "
            "до Камінь-Каширського.",
            1,
        ),
        (
            "У вівторок ворог обстріляв Любешів. Двоє людей дістали травми, їх доправили до "
            "лікарні в Камінь-Каширському.",
            2,
        ),
        (
            "Во вторник противник обстрелял Любешов. Ранен хозяин участка, его госпитализировали "
            "в Камень-Каширский.",
            1,
        ),
    ],
)
def test_the_wounded_taken_to_a_town_count_for_the_incident_told_before(
    text: str, injured: int
) -> None:
    # the next sentence counts the wounded and names only the town of their hospital: the
    # toll is the incident's, the hospital town no incident
    assert _event_places("date 2027-06-10\n" + text) == [
        ("Liubeshiv", "2027-06-08", "Shelling/artillery/missile attack", 0, injured)
    ]


def test_a_hospital_struck_in_a_town_is_the_incident_place() -> None:
    text = "date 2024-03-02\nA drone struck a hospital in Kabalo on Friday, killing two people."
    assert [p for p, *_ in _event_places(text)] == ["Kabalo"]


@pytest.mark.parametrize(
    ("text", "away"),
    [
        (
            "date 2024-03-02\nDes hommes armés ont tué 12 personnes à Moba vendredi, selon "
            "des sources hospitalières à Kalemie.",
            {"Kalemie"},
        ),
        (
            "date 2024-03-02\nGunmen killed 12 people in Moba on Friday; the wounded were "
            "taken to Kalemie and Kongolo.",
            {"Kalemie", "Kongolo"},
        ),
        (
            "date 2024-03-02\nУ п'ятницю російський безпілотник влучив у Тульчин, є двоє загиблих. "
            "Ще 9 поранених лікуються у лікарнях району, а також у Бершаді та Немирові.",
            {"Bershad", "Nemyriv"},
        ),
        (
            "date 2024-03-02\nقتل أربعة أشخاص أمس في قصف مدفعي على رداع، وقال مصدر طبي في "
            "مستشفى الشفاء العام بمدينة ذمار إن المستشفى استقبل الجرحى.",
            {"Dhamar"},
        ),
    ],
)
def test_a_town_whose_hospitals_treat_the_wounded_is_not_the_incident_place(
    text: str, away: set[str]
) -> None:
    assert not away & {p for p, *_ in _event_places(text)}


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("date 2024-03-02\nقتل جنود شابين أمس في مدينة الخليل، وهما من بلدة دورا.", "Dūrā"),
        (
            "date 2024-03-02\nSoldiers shot dead two young men in Jaffna on Friday, both natives "
            "of Vavuniya.",
            "Vavuniya",
        ),
        (
            "date 2024-03-02\nDes hommes armés ont tué deux commerçants vendredi à Zinder, "
            "originaires de Maradi.",
            "Maradi",
        ),
        (
            "date 2024-03-02\nHombres armados mataron a dos comerciantes el viernes en Zinder, "
            "oriundos de Maradi.",
            "Maradi",
        ),
    ],
)
def test_where_the_victims_come_from_is_not_the_incident_place(text: str, home: str) -> None:
    places = [p for p, *_ in _event_places(text)]
    assert len(places) == 1 and home not in places


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-03-02\nThe monitors recorded 240 ceasefire violations on the Jaffna and "
        "Vavuniya fronts over the past week, including 17 drone attacks.",
        "date 2024-03-02\nرصدت القوات ٢٤٠ خرقا في جبهات ذمار ورداع خلال أسبوع واحد، بينها ١٧ "
        "هجوما بطائرات مسيرة.",
        "date 2024-03-02\nLos militares registraron 240 violaciones del alto el fuego en Zinder "
        "durante la última semana, entre ellas 17 ataques con drones.",
    ],
)
def test_a_tally_over_a_week_is_no_incident(text: str) -> None:
    assert _event_places(text) == []


def test_an_attack_told_against_the_past_week_is_an_incident() -> None:
    text = (
        "date 2024-03-02\nRussian forces shelled Dubno on Friday, killing two people, the "
        "second attack on the town in the past week."
    )
    assert [(p, t) for p, _, t, *_ in _event_places(text)] == [
        ("Dubno", "Shelling/artillery/missile attack")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-03-02\nLa marcha para exigir justicia por el asesinato del alcalde de Maradi "
        "terminó el sábado en enfrentamientos con la policía en Zinder.",
        "date 2024-03-02\nThousands marched in Zinder on Saturday demanding justice for the "
        "killing of a teacher in Maradi.",
        "date 2024-03-02\nDes milliers de personnes ont manifesté samedi à Zinder pour réclamer "
        "justice pour le meurtre d'un enseignant à Maradi.",
    ],
)
def test_the_killing_a_protest_demands_justice_for_is_its_cause(text: str) -> None:
    assert [p for p, *_ in _event_places(text)] == ["Zinder"]


def test_a_capital_that_agrees_is_its_government() -> None:
    text = "date 2024-03-02\nAnkara agreed on Monday to a ceasefire agreement."
    assert "Ankara" not in [p for p, *_ in _event_places(text)]


def test_a_protest_told_without_a_place_is_at_the_story_town() -> None:
    story = "date 2024-05-10\nGunmen killed 9 villagers in Butembo on Wednesday.\n\n"
    dated = story + "On Friday, hundreds of residents protested in the streets."
    assert [(p, d, t) for p, d, t, *_ in _event_places(dated)] == [
        ("Butembo", "2024-05-08", "Attack"),
        ("Butembo", "2024-05-10", "Peaceful protest"),
    ]
    # undated, right after the incident: not told as a protest of its own
    undated = story + "Hundreds of residents protested in the streets."
    assert [t for _, _, t, *_ in _event_places(undated)] == ["Attack"]


def test_a_dateline_with_a_country_in_brackets() -> None:
    text = (
        "date 2024-05-10\nUVIRA (RDC), 5 mai (AFP) - Des hommes armés ont tué 9 civils mardi "
        "à Butembo."
    )
    assert [p for p, *_ in _event_places(text)] == ["Butembo"]


@pytest.mark.parametrize(
    "text",
    [
        "A missile struck Uman on Friday. Officials first reported about 20 dead, then 31 dead.",
        "Un missile a frappé Uman vendredi. Les autorités ont fait état d'une vingtaine de "
        "morts, puis de 31 morts.",
    ],
)
def test_a_toll_that_replaced_another_is_not_added_to_it(text: str) -> None:
    assert [f for *_, f, _ in _event_places("date 2024-05-10\n" + text)] == [31]


@pytest.mark.parametrize(
    ("lang", "text", "name", "expected"),
    [
        ("fr", "une frappe sur Korosten, dans la région de Jytomyr.", "Jytomyr", True),
        ("es", "un bombardeo contra Lozova, en la región oriental de Poltava.", "Poltava", True),
        ("en", "shelling of Smila in the Cherkasy region on Friday.", "Cherkasy", True),
        ("ar", "قصف على جبلة في محافظة اللاذقية", "اللاذقية", True),
        ("fr", "une frappe sur Korosten, au nord de Jytomyr.", "Jytomyr", False),
    ],
)
def test_a_place_named_as_a_region(lang: str, text: str, name: str, expected: bool) -> None:
    from types import SimpleNamespace

    from geo.events.engine import _context, _named_as_region

    start = text.index(name)
    m = SimpleNamespace(char_start=start, char_end=start + len(name))
    got = _named_as_region(text, m, _context(get_rules((lang,))))  # type: ignore[arg-type]
    assert got is expected


# --------------------------------------------------------------------------- ACLED-style notes


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Villagers lynched a suspected thief.", ("Riots", "Mob violence")),
        ("A group of youths beat a suspected robber.", ("Riots", "Mob violence")),
        ("Farmers and herders clashed over a field.", ("Riots", "Mob violence")),
        ("Soldiers and militants clashed near the river.", ("Battles", "Armed clash")),
        ("Two crude bombs were blasted near the market.", None),
        ("Traders observed a dawn-to-dusk hartal.", ("Protests", "Peaceful protest")),
        ("Drivers went on an indefinite strike.", ("Protests", "Peaceful protest")),
        ("Rioters barricaded the highway.", ("Riots", "Violent demonstration")),
        ("A crowd tried to lynch a suspected thief.", ("Riots", "Mob violence")),
        (
            "A number of villagers with sticks and machetes killed a suspected robber.",
            ("Riots", "Mob violence"),
        ),
        (
            "Hundreds of nurses gathered to demonstrate against low pay.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Armed men were spotted near the park.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "A curfew was imposed in the town.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "Assailants burned a school at night.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        ("Rebels and soldiers exchanged fire at dawn.", None),
    ],
)
def test_english_cues_of_acled_notes(sentence: str, expected: tuple[str, str] | None) -> None:
    got = classify_sentence(sentence, rules=get_rules(("en",)))
    if expected is None:
        assert got is not None and got[0] in ("Explosions/Remote violence", "Battles")
    else:
        assert got == expected


def test_a_workers_strike_is_no_strike_from_the_air() -> None:
    got = classify_sentence("Bus owners began a general strike.", rules=get_rules(("en",)))
    assert got == ("Protests", "Peaceful protest")


def test_day_and_month_in_digits() -> None:
    ref = dt.date(2015, 2, 4)
    assert [d.date for d in find_dates("torched a bus (01/02).", reference=ref)] == [
        dt.date(2015, 2, 1)
    ]
    assert [d.date for d in find_dates("on 2/1 a bus", reference=ref)] == [dt.date(2015, 2, 1)]
    assert [d.date for d in find_dates("on 3/02/2015 a bus", reference=ref)] == [
        dt.date(2015, 2, 3)
    ]
    # too far back, or no date at all
    assert find_dates("a group of 20/25 people", reference=ref) == []
    assert find_dates("open 24/7", reference=ref) == []
    assert find_dates("on 12/02 a bus", reference=ref) == []


def test_forces_of_a_country_the_lexicon_does_not_list() -> None:
    rules = get_rules(("en",))
    found = find_actors("Togolese soldiers repelled the attackers.", rules=rules, country="TG")
    assert found[0].actor == state_forces("TG")
    assert found[0].actor.name == "Military Forces of Togo"
    police = find_actors("Ghanaian police arrested two men.", rules=rules, country="GH")
    assert police[0].actor.name == "Police Forces of Ghana"
    unknown = find_actors("An unidentified armed group attacked a farm.", rules=rules)
    assert unknown[0].actor.name == "Unidentified Armed Group"


@pytest.mark.parametrize(
    ("code", "sentence", "name", "inter"),
    [
        ("en", "Arakan Army fighters overran a police post.", "Arakan Army", "Rebel groups"),
        ("ru", "Армия Аракана захватила пост.", "Arakan Army", "Rebel groups"),
        (
            "es",
            "Combatientes del Ejército para la Independencia Kachin atacaron.",
            "KIA",
            "Rebel groups",
        ),
        (
            "fr",
            "Des colons israéliens ont incendié des vergers.",
            "Israeli Settlers",
            "Political militias",
        ),
        ("uk", "Ізраїльські поселенці підпалили сад.", "Israeli Settlers", "Political militias"),
        ("ar", "أحرق مستوطنون بستانا.", "Israeli Settlers", "Political militias"),
        ("en", "Wazalendo fighters ambushed a convoy.", "Wazalendo", "Political militias"),
        (
            "fr",
            "Des séparatistes ambazoniens ont attaqué un marché.",
            "Ambazonian Separatists",
            "Rebel groups",
        ),
        (
            "en",
            "Druze militias clashed with Bedouin tribesmen.",
            "Druze Ethnic Militia",
            "Identity militias",
        ),
        ("ar", "اشتبك مسلحون دروز مع مسلحي العشائر.", "Druze Ethnic Militia", "Identity militias"),
        ("en", "Bandits stormed a school.", "Unidentified Armed Group", "Political militias"),
        (
            "fr",
            "Des soldats de l'Africa Corps ont ouvert le feu.",
            "Military Forces of Russia",
            "State forces",
        ),
    ],
)
def test_groups_of_more_conflicts(code: str, sentence: str, name: str, inter: str) -> None:
    found = find_actors(sentence, rules=get_rules((code,)))
    assert (found[0].actor.name, found[0].actor.inter) == (name, inter)


def test_an_acronym_names_its_group_only_where_the_group_fights() -> None:
    fr = get_rules(("fr",))
    sahel = find_actors("Les FDS ont repoussé l'assaut.", rules=fr, country="NE")
    assert [(a.actor.name, a.generic) for a in sahel] == [("Military Forces of Niger", True)]
    syria = find_actors("Les FDS ont repoussé l'assaut.", rules=fr, country="SY")
    assert [a.actor.name for a in syria] == ["Syrian Democratic Forces"]
    press = find_actors("RSF dénonce la détention d'un reporter.", rules=fr, country="FR")
    assert press == []
    sudan = find_actors("Les RSF ont bombardé la ville.", rules=fr, country="SD")
    assert [a.actor.name for a in sudan] == ["Rapid Support Forces"]


def test_notes_in_acled_style() -> None:
    ev = geo.extract_events(
        "On 12 March 2021, an unidentified armed group shot and killed a farmer in Tamale. "
        "No casualties were reported in Kumasi.",
        date="2021-03-15",
        lang="en",
    )
    ev = ev[ev["event_type"] != "Mention"]
    row = ev[ev["location"] == "Tamale"].iloc[0]
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert str(row["event_date"])[:10] == "2021-03-12"
    assert row["actor1"] == "Unidentified Armed Group"
    assert row["fatalities"] == 1


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A trader was hacked to death by robbers.", 1),
        ("Two activists were beaten to death.", 2),
        ("A local leader was gunned down.", 1),
    ],
)
def test_tolls_of_acled_notes(sentence: str, killed: int) -> None:
    found = count_casualties(sentence, rules=get_rules(("en",)))
    assert sum(c.count for c in found if c.kind == "fatalities") == killed


def test_no_fatalities_reported() -> None:
    assert no_casualties("No fatalities were reported.", rules=get_rules(("en",)))
    assert no_casualties("There were no fatalities/casualties.", rules=get_rules(("en",)))


def test_a_protest_over_deaths_has_no_toll_of_its_own() -> None:
    ev = geo.extract_events(
        "Hundreds of residents protested in Tamale over the killing of two traders.",
        date="2021-03-15",
        lang="en",
    )
    row = ev[ev["location"] == "Tamale"].iloc[0]
    assert row["event_type"] == "Protests"
    assert pd.isna(row["fatalities"]) or row["fatalities"] == 0
    aged = geo.extract_events(
        "Residents protested in Tamale after a 58-year old man was found at work.",
        date="2021-03-15",
        lang="en",
    )
    assert pd.isna(aged[aged["location"] == "Tamale"].iloc[0]["fatalities"])


def test_a_protest_that_turns_violent_is_a_riot() -> None:
    ev = geo.extract_events(
        "On 12 March 2021, students demonstrated in Tamale against fees. "
        "They barricaded the main road and burned tyres.",
        date="2021-03-15",
        lang="en",
    )
    row = ev[ev["location"] == "Tamale"].iloc[0]
    assert (row["event_type"], row["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert row["actor1"] == "Rioters"


def test_an_ethnic_militia_as_acled_names_it() -> None:
    rules = get_rules(("en",))
    found = find_actors("Suspected Dogon militiamen attacked a village.", rules=rules)
    assert found[0].actor.name == "Dogon Ethnic Militia"
    assert found[0].actor.inter == "Identity militias"
    ev = geo.extract_events(
        "On 7 July 2018, Dogon herders and farmers clashed in Tamale.", date="2018-07-09", lang="en"
    )
    row = ev[ev["location"] == "Tamale"].iloc[0]
    assert (row["event_type"], row["actor1"]) == ("Riots", "Dogon Ethnic Militia")


def test_an_attack_on_people_is_violence_against_civilians() -> None:
    got = classify_sentence(
        "A local leader was attacked near the market and two people were injured.",
        rules=get_rules(("en",)),
    )
    assert got == ("Violence against civilians", "Attack")
    armed = classify_sentence(
        "Soldiers were attacked near the market and two were injured.", rules=get_rules(("en",))
    )
    assert armed == ("Battles", "Armed clash")


def test_a_date_after_the_attack_word_is_the_attack_s_before_rose_to() -> None:
    # "the toll of the attack on X on <day> rose to N": the date follows the word for the
    # attack, the reporting verb only follows the date (the word order of ru/uk)
    ru = (
        "date 2025-10-06\nЧисло погибших в результате ночной атаки на Харьков 3 октября "
        "выросло до 9 человек, сообщил губернатор."
    )
    assert _event_places(ru) == [("Kharkiv", "2025-10-03", "Armed clash", 9, None)]
    uk = (
        "date 2025-10-06\nКількість загиблих унаслідок удару по Одесі 4 жовтня зросла до 7, "
        "повідомив голова ОВА."
    )
    assert _event_places(uk) == [("Odesa", "2025-10-04", _SHELLING, 7, None)]
    # the date after the verb still dates the report
    report = (
        "date 2025-10-06\nЧисло погибших выросло до 9 человек 4 октября, сообщил губернатор "
        "после атаки на Харьков."
    )
    assert _event_places(report) == [("Kharkiv", "2025-10-06", "Armed clash", 9, None)]
    en = "date 2025-10-02\nThe toll from the attack on Kandahar rose to 12 on Wednesday."
    assert [p[1] for p in _event_places(en)] == ["2025-10-02"]


def test_a_day_opening_a_sentence_whose_toll_rises_dates_the_count() -> None:
    # a later report: the weekday dates the new count, not the strike (tolls.rise)
    ru = (
        "date 2025-10-06\nВ субботу число погибших при ракетном ударе по Одессе выросло до "
        "семи.\n\nУдар был нанесён 2 октября."
    )
    assert _event_places(ru) == [("Odesa", "2025-10-02", _SHELLING, 7, None)]
    en = "date 2025-10-06\nOn Saturday, the death toll from the missile strike on Odesa rose to 7."
    assert [p[1] for p in _event_places(en)] == ["2025-10-06"]
    uk = "date 2025-10-06\nУ суботу кількість загиблих унаслідок удару по Одесі зросла до семи."
    assert [p[1] for p in _event_places(uk)] == ["2025-10-06"]
    # the weekday right after the word for the strike still dates it; with no growing
    # toll, the opening weekday dates the strike
    noun = "date 2025-10-06\nThe death toll from the strike on Saturday on Odesa rose to 7."
    assert [p[1] for p in _event_places(noun)] == ["2025-10-04"]
    plain = "date 2025-10-06\nOn Saturday, a missile hit Odesa, killing 7 people."
    assert [p[1] for p in _event_places(plain)] == ["2025-10-04"]


def test_a_day_right_after_the_verb_of_a_rising_toll_dates_the_count() -> None:
    # "subió el lunes a nueve": the Monday of the new count, not of the strike, which the
    # next sentence dates
    es = (
        "date 2028-03-14\nLa cifra de fallecidos del ataque de un dron contra un bloque de "
        "Kineshma subió el lunes a nueve y los heridos son ya catorce.\n\n"
        "El aparato cayó el sábado por la noche sobre la azotea."
    )
    assert _event_places(es) == [("Kineshma", "2028-03-11", "Air/drone strike", 9, 14)]


@pytest.mark.parametrize(
    "text",
    [
        "В Кинешме от удара дрона погибла женщина. В Фурманове ранены двое мужчин.",
        "У Кінешмі від удару дрона загинула жінка. У Фурманові поранено двох чоловіків.",
        "Une femme a péri dans une frappe de drone sur Kineshma. À Fourmanov, deux hommes sont "
        "blessés.",
        "قتلت امرأة في غارة بطائرة مسيرة على كينيشما. وفي فورمانوف أصيب رجلان.",
        "A drone strike killed a woman in Kineshma. In Furmanov, two civilians were injured.",
    ],
)
def test_a_toll_alone_at_the_next_town_after_a_strike_is_that_strike(text: str) -> None:
    # a bulletin: the next sentence names another town and only its toll
    found = _event_places("date 2028-05-10\n" + text)
    assert [(p[2], p[3], p[4]) for p in found] == [
        ("Air/drone strike", 1, None),
        ("Air/drone strike", 0, 2),
    ]


def test_a_toll_alone_after_a_clash_is_not_its_wave() -> None:
    # only a strike told with its weapon passes its type to the next town's toll
    text = (
        "date 2028-05-10\nВ Кинешме в ходе боя погибли двое военных. В Фурманове ранены двое "
        "мирных жителей."
    )
    assert [p[2] for p in _event_places(text)][1] == "Attack"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # protesters killed by the forces (fr "tuées par balle par la police")
        (
            "Mardi à Makeni, deux manifestants ont été tués par balle par la police pendant un "
            "rassemblement.",
            "Excessive force against protesters",
        ),
        # es active verbs of arrest
        (
            "Militares detuvieron a 12 manifestantes en Makeni el martes.",
            "Protest with intervention",
        ),
        # a march as a noun (en lower case, fr after an article)
        ("Police dispersed a march in Makeni on Tuesday.", "Protest with intervention"),
        ("Mardi, à Makeni, les policiers ont dispersé une marche.", "Protest with intervention"),
        # fire opened on a market: on civilians
        (
            "Boko Haram opened fire at the cattle market of Makeni on Tuesday, killing nine.",
            "Attack",
        ),
    ],
)
def test_protests_met_by_force_and_fire_on_a_market(text: str, sub_type: str) -> None:
    assert [p[2] for p in _event_places("date 2028-05-10\n" + text)] == [sub_type]


def test_one_shell_that_struck_is_shelling() -> None:
    text = "date 2028-05-10\nA shell hit Makeni on Tuesday, injuring two."
    assert _event_places(text) == [
        ("Makeni", "2028-05-09", "Shelling/artillery/missile attack", 0, 2)
    ]
    # the oil company is no shell
    assert _event_places("date 2028-05-10\nShell said its depot in Makeni was closed.") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("La veille, trois civils ont été abattus par des inconnus armés à Makeni.", "2028-05-09"),
        ("The day before, gunmen killed three civilians in Makeni.", "2028-05-09"),
        ("Two days earlier, gunmen killed three civilians in Makeni.", "2028-05-08"),
    ],
)
def test_a_day_before_with_no_day_told_before_is_before_the_article_s(text: str, day: str) -> None:
    assert [p[1] for p in _event_places("date 2028-05-10\n" + text)] == [day]


def test_the_month_of_march_is_no_protest() -> None:
    text = "date 2028-05-10\nIn March, police in Makeni arrested two men."
    assert "Peaceful protest" not in [p[2] for p in _event_places(text)]


def test_a_month_after_since_is_background_of_what_precedes_it() -> None:
    # "..., the deadliest since the war began in <month year>": no date of the town's strike
    en = (
        "date 2025-10-02\nRussia pounded Kharkiv with missiles overnight, killing at least 9 "
        "people, officials said Thursday.\n\nBy evening, the head of the Kharkiv city military "
        "administration said 9 people had been killed, the highest toll in a single attack on "
        "the city since the invasion began in February 2022."
    )
    assert _event_places(en) == [("Kharkiv", "2025-10-02", _SHELLING, 9, None)]
    fr = (
        "date 2025-10-02\nUne frappe de drones a tué trois personnes à Kherson, la plus "
        "meurtrière depuis le début de l'offensive en mars 2024."
    )
    assert _event_places(fr) == [("Kherson", "2025-10-02", "Air/drone strike", 3, None)]
    # a town told inside the "since" clause is the background itself: no incident
    old = (
        "date 2025-10-02\nIt was the deadliest strike since a missile hit the market in "
        "Chernihiv in March last year."
    )
    assert _event_places(old) == []


def test_the_date_after_the_attack_word_beats_a_later_activity_s_date() -> None:
    # a funeral, a search or a curfew dated next to the town; the strike dated after its word
    uk = (
        "date 2025-10-05\nУ неділю, 5 жовтня, у Харкові прощаються з людьми, які загинули під "
        "час атаки Росії в ніч на 2 жовтня."
    )
    assert [p[:2] for p in _event_places(uk)] == [("Kharkiv", "2025-10-02")]
    fr = (
        "date 2025-10-03\nLes secouristes ont extrait dans la nuit de jeudi à vendredi six corps "
        "des décombres d'un immeuble de Kharkiv, portant à 12 morts le bilan de la frappe russe "
        "qui a touché la ville dans la nuit de mardi à mercredi."
    )
    assert _event_places(fr) == [("Kharkiv", "2025-10-01", _SHELLING, 12, None)]
    # a date after the word for another town's incident stays that town's
    two = (
        "date 2025-10-03\nRussian forces shelled Kharkiv on Monday, a day after a drone strike "
        "on Sumy on Sunday killed two people."
    )
    assert [p[:2] for p in _event_places(two)] == [
        ("Kharkiv", "2025-09-29"),
        ("Sumy", "2025-09-28"),
    ]


def test_generic_forces_belong_to_the_documents_country_over_a_lone_foreign_place() -> None:
    from geo.events.engine import _focus_country, _forces_country
    from geo.geoparse import get_geoparser

    ms = (
        get_geoparser()
        .parse_text("Los ministros se reunieron en Caracas y luego viajaron a Medellín.", lang="es")
        .mentions
    )
    assert [m.place.country_code for m in ms] == ["VE", "CO"]
    # "the army" of an article about Colombia is Colombia's, whatever the sentence names first
    assert _forces_country(ms, [], "CO") == "CO"
    # an article about neither: the first place of the sentence, as before
    assert _forces_country(ms, [], "PE") == "VE"
    assert _forces_country(ms, [], None) == "VE"
    assert _focus_country([*ms, ms[1]]) == "CO"
    # a country named often (an actor's) does not beat the country of the towns named
    named = (
        get_geoparser()
        .parse_text("Venezuela acusó a Venezuela. Perú habló con Venezuela sobre Medellín.")
        .mentions
    )
    assert [m.place.kind for m in named].count("country") == 4
    assert _focus_country(named) == "CO"


@pytest.mark.parametrize(
    ("text", "incident"),
    [
        (
            "date 2024-05-04\nA drone strike on a market in Bahir Dar killed two people on "
            "Saturday; the wounded were treated at hospitals in Gondar.",
            "Bahir Dar",
        ),
        (
            "date 2024-05-04\nGunmen attacked a village near Mopti on Saturday, killing five; "
            "survivors sought refuge in Sévaré.",
            "Mopti",
        ),
        (
            "date 2024-05-04\nUne frappe de drone a tué deux personnes samedi à Tillabéri ; les "
            "blessés ont été hospitalisés à Dosso.",
            "Tillabéri",
        ),
        (
            "date 2024-05-04\nقتل خمسة أشخاص السبت في غارة على بلدة سراقب، ونقلتهم فرق "
            "الإسعاف إلى مستشفى الشفاء في جبلة.",
            "Saraqib",
        ),
    ],
)
def test_a_place_the_wounded_were_treated_in_or_people_fled_to_is_no_incident(
    text: str, incident: str
) -> None:
    assert [p for p, *_ in _event_places(text)] == [incident]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2024-05-04\nThousands of people rallied in Eldoret on Saturday after the "
            "killing of two students in Kisumu.",
            ["Eldoret"],
        ),
        (
            "date 2024-05-04\nDes milliers de personnes ont manifesté samedi à Lyon en "
            "solidarité avec les habitants de Mopti.",
            ["Lyon"],
        ),
        # no other place before the cause: the protest stays where the sentence puts it
        (
            "date 2024-05-04\nThousands of people marched against the government in Mombasa "
            "on Saturday.",
            ["Mombasa"],
        ),
    ],
)
def test_a_place_a_protest_is_about_is_not_where_it_happened(
    text: str, expected: list[str]
) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


def test_a_place_naming_a_ministry_or_health_authorities_is_who_tells() -> None:
    text = (
        "date 2024-05-04\nAn air strike on a market in Saraqib killed 12 people on Saturday, "
        "according to Jableh health authorities."
    )
    assert [p for p, *_ in _event_places(text)] == ["Saraqib"]


def test_a_place_drones_were_launched_from_is_not_where_they_struck() -> None:
    text = (
        "date 2024-05-04\nDrones launched from Oryol struck a factory in Konotop on Saturday, "
        "killing two people."
    )
    assert [p for p, *_ in _event_places(text)] == ["Konotop"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2024-05-04\nUne frappe russe a tué deux personnes samedi à Konotop. Cette "
            "frappe intervient moins de deux semaines après celle qui a touché Berdytchiv.",
            ["Konotop"],
        ),
        (
            "date 2024-05-04\nA Russian missile strike killed two people in Konotop on "
            "Saturday. The strike came two days after officials met in Berdychiv for talks.",
            ["Konotop"],
        ),
        # the earlier incident with a day of its own stays an incident of that day
        (
            "date 2024-05-04\nA Russian missile strike killed two people in Konotop on "
            "Saturday. It came ten days after a missile hit Berdychiv on 24 April, killing five.",
            ["Konotop", "Berdychiv"],
        ),
    ],
)
def test_an_undated_incident_told_weeks_before_is_no_incident_of_the_day(
    text: str, expected: list[str]
) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-04\nSamedi, un véhicule militaire a sauté sur un engin explosif sur l'axe "
        "Koupéla-Tenkodogo, tuant quatre soldats.",
        "date 2024-05-04\nOn Saturday, a military vehicle hit a roadside bomb on the road "
        "between Koupéla and Tenkodogo, killing four soldiers.",
    ],
)
def test_an_incident_on_a_road_between_two_towns_is_one_incident(text: str) -> None:
    assert [p for p, *_ in _event_places(text)] == ["Koupéla"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2024-06-14\nSelon l'ONU, au moins 40 civils avaient été tués entre le 2 et le 9 "
            "juin dans une série d'attaques contre des villages du territoire de Walikale.",
            [],
        ),
        (
            "date 2024-06-14\nAt least 40 civilians were killed between 2 and 9 June in a series "
            "of attacks on villages near Walikale, the UN said.",
            [],
        ),
        # one day: one incident
        (
            "date 2024-06-14\nAt least 40 civilians were killed on 9 June in an attack on a "
            "village near Walikale, the UN said.",
            ["Walikale"],
        ),
        # a range of victims or of hours is no range of days
        (
            "date 2024-06-14\nOn 9 June, gunmen killed between 3 and 10 people in an attack on "
            "a village near Walikale.",
            ["Walikale"],
        ),
    ],
)
def test_a_toll_over_a_range_of_days_is_no_incident(text: str, expected: list[str]) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-04\nВ субботу беспилотники атаковали Нетешин, где расположена Хмельницкая "
        "АЭС, пострадали два человека.",
        "date 2024-05-04\nDrones attacked Netishyn, home to the Khmelnytskyi nuclear power "
        "plant, on Saturday, injuring two people.",
    ],
)
def test_a_place_naming_a_nuclear_plant_is_not_where_the_plant_is(text: str) -> None:
    assert [p for p, *_ in _event_places(text)] == ["Netishyn"]


def test_arabic_text_is_geoparsed_as_written() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    # "ينقّل" (it moves) is no Yanqul: its shadda doubles a consonant the town's name does
    # not; the rules read the text without its marks, the rows give the names as written
    text = "date 2025-03-02\nانفجار في صلالة ينقّل السكان إلى نَزْوَى، وقُتل ثلاثة مدنيين في صلالة."
    doc = make_document(text)
    rows = event_rows(doc)
    assert [r["location"] for r in rows] == ["Şalālah", "Nizwá"]
    assert [doc.text[r["char_start"] : r["char_end"]] for r in rows] == ["صلالة", "نَزْوَى"]
    assert [r["mention"] for r in rows] == ["صلالة", "نَزْوَى"]


# --------------------------------------------------------------------------- clause ties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the places in parentheses say where the town lies
        (
            "date 2025-03-06\nOn 3 March 2025, gunmen killed two herders in Tessaoua (Maradi, "
            "Niger).",
            ["Tessaoua"],
        ),
        # the ends of a road are no incident places when the sentence names where on it
        (
            "date 2025-03-06\nOn 3 March 2025, armed men ambushed a bus on the Niamey-Dosso road "
            "near Dogondoutchi, killing four.",
            ["Dogondoutchi"],
        ),
        (
            "date 2025-03-06\nOn 3 March 2025, protesters blocked the Kisumu-Busia highway at "
            "Maseno.",
            ["Maseno"],
        ),
    ],
)
def test_places_that_qualify_another_are_no_incidents(text: str, expected: list[str]) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


def test_a_cue_reaches_no_place_of_another_clause() -> None:
    # the cue of the first clause does not reach the place of a clause that names its own
    text = (
        "date 2025-03-12\nThree people were killed when a missile struck an apartment block in "
        "Kherson on Tuesday; in Lviv, the mayor held a press conference."
    )
    assert [p for p, *_ in _event_places(text)] == ["Kherson"]
    # a comma and "and" before the last name of a list join no new clause
    protests = (
        "date 2025-03-12\nOn Tuesday, police dispersed protesters in Mombasa, Kisumu, and Nakuru."
    )
    assert [p for p, *_ in _event_places(protests)] == ["Mombasa", "Kisumu", "Nakuru"]


def test_headlines_of_a_related_block_tell_no_incident() -> None:
    text = (
        "date 2025-03-12\nTwo people were killed when drones struck Kherson on Tuesday.\n\n"
        "Read also:\n- Drone strike kills three in Mykolaiv\n- Shelling wounds two in Nikopol\n\n"
        "Repairs began on Wednesday."
    )
    assert [p for p, *_ in _event_places(text)] == ["Kherson"]
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    # the places of the headlines are still named
    named = {r["location"] for r in event_rows(make_document(text))}
    assert {"Mykolayiv", "Nikopol"} <= named


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("In 2019, fierce battles broke out.", "en", [("2019-01-01", 3)]),
        ("Last year, an attack killed four.", "en", [("2024-01-01", 3)]),
        ("on 5 May last year", "en", [("2024-05-05", 1)]),  # the year of a date
        ("the worst attack since 2019", "en", []),  # a period's start
        ("in 2025 alone", "en", []),  # the article's year
        ("в 2022 году", "ru", [("2022-01-01", 3)]),
        ("торік у місті", "uk", [("2024-01-01", 3)]),
        ("وشهدت المدينة في عام 2019 معارك", "ar", [("2019-01-01", 3)]),
    ],
)
def test_past_years_are_dates_of_the_background(
    sentence: str, lang: str, expected: list[tuple[str, int]]
) -> None:
    found = find_dates(sentence, reference=dt.date(2025, 3, 12), rules=get_rules((lang,)))
    assert [(str(d.date), d.precision) for d in found] == expected


def test_an_incident_of_a_past_year_is_background() -> None:
    text = (
        "date 2025-03-12\nShelling killed five people in Mayadin on Tuesday. In 2019, fierce "
        "battles in Raqqa killed hundreds of fighters. Last year, an attack on Hajin killed "
        "four people."
    )
    assert [p for p, *_ in _event_places(text)] == ["Al Mayādīn"]
    # a year that dates another verb than the incident's leaves the incident the news
    other = (
        "date 2025-03-12\nVolunteers who were dismissed from their posts at the port last "
        "year held a sit-in protest outside the governor's office in Mombasa on Tuesday."
    )
    assert [p for p, *_ in _event_places(other)] == ["Mombasa"]


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-03-12\nA drone struck a market in Sumy on Tuesday, killing four people. In "
        "Kyiv, the foreign minister condemned the strike on Tuesday.",
        "date 2025-03-12\nUn drone a frappé un marché de Soumy mardi, tuant quatre personnes. À "
        "Kiev, le ministre a condamné mardi cette frappe.",
    ],
)
def test_where_a_reaction_was_voiced_is_no_incident(text: str) -> None:
    assert [p for p, *_ in _event_places(text)] == ["Sumy"]


def test_a_comma_and_a_conjunction_after_a_common_word_start_a_clause() -> None:
    text = (
        "date 2025-03-12\nShelling wounded two people in Sumy on Tuesday. Troops have pushed along "
        "the front near Pokrovsk for months, and Moscow says its forces captured a village on "
        "Monday."
    )
    assert [p for p, *_ in _event_places(text)] == ["Sumy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2025-03-12\nGunmen killed five villagers in Bokkos on Tuesday, according to a "
            "resident of Jos who spoke to reporters.",
            ["Bokkos"],
        ),
        (
            "date 2025-03-12\nA drone strike killed two people in Nikopol on Tuesday, said the "
            "head of the regional administration, speaking from Dnipro.",
            ["Nikopol"],
        ),
        # a place after "said" whose own incident word is nearer stays
        (
            "date 2025-03-12\nDrones struck Odesa on Tuesday, officials said, and a missile hit "
            "Izmail.",
            ["Odesa", "Izmayil"],
        ),
    ],
)
def test_the_place_of_a_reports_source_is_no_incident(text: str, expected: list[str]) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


def test_arabic_sources_reactions_and_background_are_no_incidents() -> None:
    text = (
        "date 2025-03-12\nاستشهد ثلاثة فلسطينيين، فجر الثلاثاء، في غارة إسرائيلية استهدفت منزلا "
        "في مخيم النصيرات، وفق ما أفاد مراسل في دير البلح.\n\nوأدانت وزارة الخارجية القطرية في "
        "الدوحة الغارة.\n\nوكانت إسرائيل قد شنت في العام الماضي هجوما واسعا على رفح أسفر عن "
        "مقتل العشرات."
    )
    assert [p for p, *_ in _event_places(text)] == ["An Nuşayrāt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2025-03-12\nУнаслідок удару дрона по Миколаєву у вівторок загинули двоє людей."
            "\n\nНагадаємо, минулого тижня внаслідок обстрілу Херсона загинули троє людей.",
            ["Mykolayiv"],
        ),
        # a recalled incident with its own day is one
        (
            "date 2025-03-12\nУнаслідок удару дрона по Миколаєву у вівторок загинули двоє людей."
            "\n\nНагадаємо, 2 березня ракета влучила в будинок у Херсоні. Тоді загинули троє "
            "людей.",
            ["Mykolayiv", "Kherson"],
        ),
    ],
)
def test_a_sentence_recalling_the_past_tells_no_incident_without_its_day(
    text: str, expected: list[str]
) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


def test_a_protest_after_an_attack_told_with_its_dead_at_its_town_is_its_own_incident() -> None:
    # the headline's attack (with its dead) and the body's march at the same town: two
    # incidents; a massacre the text dates years back is neither
    text = (
        "date 2024-03-13\nMali : au moins 12 civils tués dans l'attaque d'un village près de "
        "Banamba\n\nMercredi matin, des dizaines de femmes ont manifesté dans le calme devant "
        "la préfecture de Banamba pour réclamer la protection de l'armée.\n\nPlus de 160 "
        "civils avaient été tués le 23 mars 2019 dans un massacre près de Banamba."
    )
    kinds = [(p, d[:4], s, f) for p, d, s, f, _ in _event_places(text)]
    assert ("Banamba", "2024", "Peaceful protest", None) in kinds
    assert any(s == "Attack" and f == 12 for _, _, s, f in kinds)
    assert ("Banamba", "2019", "Attack", 160) in kinds


def test_a_recalled_incident_with_its_day_is_not_the_one_told_at_its_place() -> None:
    # "As a reminder, on 2 March ..." at the town of the day's incident: another incident,
    # each with its own toll
    text = (
        "date 2025-03-12\nУ ХЕРСОНІ ДРОН ВЛУЧИВ У МАРШРУТКУ\n\nХерсон: близько 07:30 дрон "
        "атакував маршрутку. Загинув водій, поранені троє пасажирів.\n\nДар'ївка: артобстріл, "
        "постраждалих немає.\n\nНагадаємо, 2 березня у Херсоні дрон влучив у легковий "
        "автомобіль, двоє людей загинули."
    )
    assert _event_places(text) == [
        ("Kherson", "2025-03-12", "Air/drone strike", 1, 3),
        ("Darivka", "2025-03-12", "Shelling/artillery/missile attack", 0, 0),
        ("Kherson", "2025-03-02", "Air/drone strike", 2, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2025-03-12\nA drone struck a market in Sumy on Tuesday, killing four. Dozens of "
            "people were killed in previous attacks on Okhtyrka.",
            ["Sumy"],
        ),
        (
            "date 2025-03-12\nA drone struck a market in Sumy on Tuesday, killing four. Okhtyrka "
            "has been hit repeatedly in recent weeks.",
            ["Sumy"],
        ),
        (
            "date 2025-03-12\nUn drone a frappé un marché de Soumy mardi, tuant quatre personnes. "
            "Une attaque similaire contre Okhtyrka avait fait six morts.",
            ["Sumy"],
        ),
        # an earlier incident with its own day is one
        (
            "date 2025-03-12\nA drone struck a market in Sumy on Tuesday, killing four. In a "
            "similar attack on Okhtyrka on 2 March, six people died.",
            ["Sumy", "Okhtyrka"],
        ),
        # similar protests are of the same day
        (
            "date 2025-03-12\nHundreds of people protested in Mombasa on Tuesday. Similar "
            "demonstrations were held in Kisumu.",
            ["Mombasa", "Kisumu"],
        ),
    ],
)
def test_earlier_and_repeated_incidents_are_background(text: str, expected: list[str]) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


def test_an_arabic_pluperfect_sentence_is_background_without_its_day() -> None:
    text = (
        "date 2025-03-12\nاستشهد ثلاثة فلسطينيين، فجر الثلاثاء، في غارة إسرائيلية استهدفت منزلا "
        "في مخيم النصيرات.\n\nوكانت قوات الاحتلال قد اقتحمت مدينة نابلس واعتقلت عشرة شبان."
    )
    assert [p for p, *_ in _event_places(text)] == ["An Nuşayrāt"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "date 2024-03-02\nUn coche bomba sacude Popayán y deja tres muertos\n\nRedacción\n"
            "2 de marzo de 2024\n\nUn coche bomba estalló el viernes en el centro de Popayán y "
            "dejó tres muertos.",
            "Popayán",
        ),
        (
            "date 2024-03-02\nСнаряд попал в дом в Конотопе, трое погибших\n\n«Вечерние новости», "
            "2 марта, 18:40\n\nВ пятницу вечером снаряд попал в жилой дом в Конотопе, погибли три "
            "человека.",
            "Konotop",
        ),
    ],
)
def test_a_byline_date_does_not_date_the_headline_incident(text: str, place: str) -> None:
    # the headline names no day; the date line under it is the article's, the body's
    # Friday is the incident's: one incident, of Friday
    assert [(p, d) for p, d, *_ in _event_places(text)] == [(place, "2024-03-01")]


def test_a_spanish_number_sign_ends_no_sentence() -> None:
    # "n.° 18": the period of the abbreviation of "número" is no end of the sentence
    text = (
        "date 2024-03-02\nUn coche bomba estalló el viernes frente al batallón n.° 18 "
        "Simón Bolívar, en Popayán."
    )
    assert [(p, d) for p, d, *_ in _event_places(text)] == [("Popayán", "2024-03-01")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "date 2024-03-02\nСпасатели в Сумах в субботу завершили разбор завалов дома, в "
            "который накануне попала ракета.",
            "Sumy",
        ),
        (
            "date 2024-03-02\nLos rescatistas terminaron el sábado en Popayán la búsqueda en el "
            "edificio que el viernes derrumbó un coche bomba.",
            "Popayán",
        ),
    ],
)
def test_a_day_right_before_the_word_for_the_incident_dates_it(text: str, place: str) -> None:
    # Saturday dates the end of the search; the day before the verb of the strike dates it
    assert [(p, d) for p, d, *_ in _event_places(text)] == [(place, "2024-03-01")]


def test_a_spanish_ambush_verb_is_a_clash_and_the_year_tally_no_incident() -> None:
    # "emboscaron": the verb of an ambush is a clash; the year's tally of police killed in the
    # town, its number two words before the cue, adds no incident of its own
    text = (
        "date 2024-03-02\nEn Uruapan, la mañana del viernes, sujetos armados emboscaron una "
        "patrulla de la Secretaría de Seguridad en la colonia Centro. Dos agentes murieron en el "
        "lugar. Con ellos, suman 14 policías municipales asesinados en Uruapan en lo que va del "
        "año, según el recuento de una organización civil."
    )
    assert [(p, d, s, f) for p, d, s, f, _ in _event_places(text)] == [
        ("Uruapan", "2024-03-01", "Armed clash", 2)
    ]


def test_a_tally_since_the_start_of_the_year_is_no_incident() -> None:
    text = (
        "date 2024-03-02\nGunmen ambushed a police patrol in Jos on Friday, killing two "
        "officers. So far this year, 14 local policemen killed in Jos have been counted by a "
        "civic group."
    )
    assert [(p, d, f) for p, d, _, f, _ in _event_places(text)] == [("Jos", "2024-03-01", 2)]


def test_a_date_that_opens_the_sentence_is_not_overridden_by_another_incident_day() -> None:
    # "the 1 March clashes" is the day of the clashes the attack avenged, not of the attack
    text = (
        "date 2024-03-05\nOn 2 March 2024, herders attacked Savalou, as a reprisal for the "
        "1 March clashes."
    )
    assert {d for _, d, *_ in _event_places(text)} == {"2024-03-02"}


def test_a_date_in_parentheses_after_a_sentence_is_no_byline() -> None:
    text = "date 2024-03-05\nPolice arrested 20 people in Khulna and Jessore.(02/03)"
    assert {d for _, d, *_ in _event_places(text)} == {"2024-03-02"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "date 2024-03-05\nLundi matin, à Bafoussam, plusieurs centaines d'enseignants ont "
            "défilé dans le calme jusqu'à la mairie pour réclamer le paiement de leurs salaires.",
            "Bafoussam",
        ),
        (
            "date 2024-03-05\nOn Monday, hundreds of farmers marched through the centre of Kano "
            "to demand fair prices for their crops.",
            "Kano",
        ),
    ],
)
def test_a_march_to_demand_something_is_a_protest(text: str, place: str) -> None:
    assert [(p, d, s) for p, d, s, *_ in _event_places(text)] == [
        (place, "2024-03-04", "Peaceful protest")
    ]


def test_drones_that_set_fire_to_a_building_are_a_drone_strike() -> None:
    # not the property destruction of "set fire to": the drones did it
    text = (
        "date 2024-03-05\nIn Konotop, drones overnight set fire to a warehouse, the mayor "
        "said on Monday."
    )
    assert [(p, s) for p, _, s, *_ in _event_places(text)] == [("Konotop", "Air/drone strike")]


def test_a_spanish_headline_in_the_present_tense_tells_an_incident() -> None:
    # "asesinan", "atacan": the present of headlines
    for text in (
        "date 2024-03-05\nEn Irapuato asesinan a dos policías",
        "date 2024-03-05\nHombres armados atacan una patrulla en Irapuato y matan a dos policías",
    ):
        assert [p for p, *_ in _event_places(text)] == ["Irapuato"]


def test_an_arabic_story_of_two_coordinated_incidents() -> None:
    # the headline's label is the region the story is filed under, not an incident; the
    # killing after "و" is its own incident, not the bomb's; a place in the source of a
    # sentence that opens with "وقال" is the source's; the hunt for those behind the
    # bombing is no new incident; "أصيب ثالث" and "إصابة ابنه" count one each
    text = (
        "date 2025-03-12\nإدلب: انفجار عبوة ناسفة قرب سراقب واغتيال موظف في معرة النعمان\n\n"
        "قتل جنديان من الجيش وأصيب ثالث بجروح، مساء أمس الثلاثاء، إثر انفجار عبوة ناسفة قرب "
        "مدينة سراقب.\n\nوقال مصدر أمني في إدلب، إن العبوة كانت مزروعة على جانب الطريق.\n\n"
        "وفجر اليوم الأربعاء، أقدم مسلحون مجهولون على إطلاق النار على موظف في مدينة معرة "
        "النعمان، ما أدى إلى إصابة ابنه بجروح.\n\nونفذت قوات الأمن، اليوم، حملة تفتيش في محيط "
        "سراقب بحثا عن المتورطين في التفجير."
    )
    assert _event_places(text) == [
        ("Maarat al-Numan", "2025-03-12", "Attack", 0, 1),
        ("Saraqib", "2025-03-11", "Remote explosive/landmine/IED", 2, 1),
    ]


def test_an_arabic_toll_that_replaced_the_first_and_the_reports_day() -> None:
    # "أعلنت الوزارة، اليوم الأربعاء، ارتفاع حصيلة ...": the verb first, its date the
    # report's; the first toll "بعد أن كانت الحصيلة الأولية" is replaced, not added
    text = (
        "date 2025-03-12\nأعلنت وزارة الصحة، اليوم الأربعاء، ارتفاع حصيلة الاشتباكات التي "
        "شهدتها مدينة الرستن إلى ستة قتلى و20 جريحا، بعد أن كانت الحصيلة الأولية المعلنة صباح "
        "الثلاثاء قتيلين وتسعة جرحى.\n\nواندلعت الاشتباكات مساء الاثنين بين مجموعتين مسلحتين."
    )
    assert _event_places(text) == [("Ar Rastan", "2025-03-10", "Armed clash", 6, 20)]


def test_arabic_fire_on_shepherds_is_an_attack_not_the_arrests() -> None:
    text = (
        "date 2025-03-12\nأطلقت دورية عسكرية النار باتجاه رعاة في بلدة القصير صباح أمس "
        "الثلاثاء، ما أدى إلى إصابة أحدهم، كما اعتقلت شابين."
    )
    assert _event_places(text) == [("Al Quşayr", "2025-03-11", "Attack", 0, 1)]


def test_an_arabic_tally_since_the_start_of_the_year_is_no_incident() -> None:
    text = (
        "date 2025-03-12\nقصفت طائرة مسيرة سيارة في حمص يوم الثلاثاء. ووثق المرصد مقتل 30 "
        "شخصا في عمليات اغتيال واستهداف في تدمر منذ بداية العام الحالي."
    )
    assert [p for p, *_ in _event_places(text)] == ["Homs"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # his killing, his son's wounding: one each, no number
        (
            "أطلق مسلحون النار على موظف، ما أدى إلى مقتله وإصابة ابنه بجروح.",
            [("fatalities", 1), ("injured", 1)],
        ),
        ("أسفر القصف عن إصابتها بجروح خطيرة.", [("injured", 1)]),
        ("قتل جنديان من الجيش وأصيب ثالث بجروح.", [("fatalities", 2), ("injured", 1)]),
        ("ما أدى إلى إصابة أحدهم.", [("injured", 1)]),
        ("لم يعلن الجيش مقتله.", []),
        # the verb first, a preposition and a noun, then the count
        ("وقتل في الهجوم أكثر من ٣٠ شخصا.", [("fatalities", 30)]),
        ("وأصيب خلال الاشتباكات ثلاثة جنود.", [("injured", 3)]),
    ],
)
def test_arabic_tolls_of_one_person_without_a_number(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    rules = get_rules(("ar",))
    assert [(c.kind, c.count) for c in count_casualties(sentence, rules=rules)] == expected


def test_an_arabic_killing_by_gunfire_with_its_day_is_an_attack() -> None:
    text = (
        "date 2025-05-22\nوكانت مدينة حماة شهدت في ١٤ نيسان الماضي مقتل قيادي سابق في "
        "إحدى الفصائل برصاص مجهولين أمام منزله."
    )
    assert _event_places(text) == [("Ḩamāh", "2025-04-14", "Attack", 1, None)]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a claim by the group's spokesman is the group's
        ("وتبنى المتحدث العسكري باسم الحوثيين الهجوم على السفينة.", "Houthis"),
        # "X announced that its fighters struck": X did it, it is no mere source
        ("أعلن حزب الله أن مقاتليه استهدفوا موقعا عسكريا قرب الحدود.", "Hezbollah"),
    ],
)
def test_arabic_claims_name_the_group_as_the_one_who_acted(sentence: str, name: str) -> None:
    found = find_actors(sentence, rules=get_rules(("ar",)))
    assert [(a.actor.name, a.agent, a.source) for a in found] == [(name, True, False)]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("هاجم مسلحون من الفولاني قرية في وسط مالي.", "Fulani Ethnic Militia"),
        ("اشتبكت القوات مع الجبهة الشعبية لتحرير تيغراي قرب مقلي.", "TPLF"),
        ("قتل ثلاثة مدنيين في هجوم لميليشيا فانو في إقليم أمهرة.", "Fano"),
    ],
)
def test_armed_groups_by_their_arabic_names(sentence: str, name: str) -> None:
    assert [a.actor.name for a in find_actors(sentence, rules=get_rules(("ar",)))] == [name]


def test_an_arabic_source_ends_where_what_it_reports_begins() -> None:
    # "أفادت الجمعية بأن ...": the place and the day after "بأن" are the incident's, not the
    # source's or the report's
    text = (
        "date 2025-03-12\nوأفادت جمعية الإغاثة بأن طواقمها تعاملت منذ فجر الاثنين مع ١٢ إصابة في "
        "بلدة القصير، معظمها جراء الاعتداء بالضرب خلال مداهمة المنازل."
    )
    assert [(p, d, s) for p, d, s, *_ in _event_places(text)] == [
        ("Al Quşayr", "2025-03-10", "Attack")
    ]


def test_an_arabic_place_north_of_the_city_is_part_of_the_town_told() -> None:
    # "في منطقة X شمالي المدينة": X is a part of the town the sentence named first
    text = (
        "date 2025-03-12\nوفي الموصل، قتل ثلاثة مدنيين مساء أمس الثلاثاء في غارة من طائرة "
        "مسيرة استهدفت منزلا في منطقة تلكيف شمالي المدينة."
    )
    assert _event_places(text) == [("Mosul", "2025-03-11", "Air/drone strike", 3, None)]


def test_the_toll_of_a_homonym_far_from_the_story_goes_to_its_sentences_town() -> None:
    from geo.events.engine import Toll, _hand_over_tolls, _Incident
    from geo.geoparse import get_geoparser

    ms = get_geoparser().parse_text("Lviv and Buffalo.", lang="en").mentions
    town, far = ms
    assert (town.place.name, far.place.country_code) == ("Lviv", "US")

    def incident(m: Any, **tolls: dict[str, Toll]) -> _Incident:
        return _Incident(
            "Explosions/Remote violence", "Shelling/artillery/missile attack", False, 3,
            None, 3, False, [], 0, places={m.place.id: [m]}, **tolls,
        )  # fmt: skip

    # a person's name read as a town abroad took the injured of the sentence's incident
    near = incident(town, fatalities={town.place.id: Toll(12)})
    lost = incident(far, injured={far.place.id: Toll(40)})
    _hand_over_tolls([near, lost], {far.place.id})
    assert near.injured == {town.place.id: Toll(40)} and not lost.injured
    assert near.fatalities == {town.place.id: Toll(12)}


def test_an_arabic_explosive_laden_drone_is_an_air_strike() -> None:
    # "بطائرة مسيرة مفخخة": the explosive is the drone's, not a roadside bomb
    text = (
        "date 2025-03-12\nقتل مدنيان، مساء أمس الثلاثاء، جراء استهداف بطائرة مسيرة مفخخة سوقا "
        "شعبيا وسط مدينة تعز."
    )
    assert [(p, s) for p, _, s, *_ in _event_places(text)] == [("Taiz", "Air/drone strike")]


def test_a_region_of_no_country_does_not_keep_a_homonym_near_the_story() -> None:
    # "الشرق الأوسط" (a newspaper's name read as the Middle East) lies near Iraq's Al Hillah;
    # the village "حلة ..." of a Sudanese story is still a homonym far from its towns
    text = (
        "date 2025-03-12\nقتل عشرات المدنيين في هجمات شنتها قوات الدعم السريع على قرى قرب "
        "مدينة عطبرة ومدينة شندي، وفق ما أفادت به مصادر محلية لـ«الشرق الأوسط».\n\nوفي اليوم "
        "التالي، أي الثلاثاء، هاجمت القوات نفسها قرية حلة موسى القريبة، ما أسفر عن مقتل ٢٠ "
        "شخصا على الأقل."
    )
    assert [p for p, *_ in _event_places(text)] == ["Atbara", "Shendi"]


# ----------------------------------------------------------------- who did it, and to whom


def _incidents(text: str) -> list[dict[str, Any]]:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]


def test_forces_a_toll_counts_are_the_side_attacked() -> None:
    text = (
        "date 2025-02-11\nSeven Nigerien soldiers were killed on Sunday in an attack on an "
        "army post in Ayorou. The Islamic State Sahel Province claimed the attack."
    )
    (row,) = _incidents(text)
    assert (row["location"], row["fatalities"]) == ("Ayorou", 7)
    assert (row["actor1"], row["actor2"]) == (
        "Islamic State Sahel Province",
        "Military Forces of Niger",
    )


def test_a_bare_force_that_fires_is_the_actor() -> None:
    text = (
        "date 2024-03-02\nJunta helicopters struck a market in Monywa on Friday, killing "
        "six people, residents said."
    )
    rows = _incidents(text)
    assert [r["actor1"] for r in rows] == ["Military Forces of Myanmar"]
    assert rows[0]["sub_event_type"] == "Air/drone strike"


def test_the_region_s_government_blames_the_incident_just_told() -> None:
    text = (
        "date 2025-03-04\nA drone strike hit the main market of El Obeid on Monday, killing "
        "9 people and wounding 20.\nThe North Kordofan government blamed the paramilitary "
        "Rapid Support Forces."
    )
    (row,) = _incidents(text)
    assert (row["location"], row["actor1"]) == ("El Obeid", "Rapid Support Forces")


def test_a_line_opening_with_a_place_heads_the_next_sentence() -> None:
    text = (
        "date 2025-06-11\nЗведення по області за 10 червня\n\n🔴 Костянтинівка. Учора "
        "ввечері росіяни скинули на місто дві авіабомби. Загинула одна людина, ще троє "
        "поранені.\n\n🔴 Дружківка. У ніч проти середи окупанти обстріляли місто з артилерії. "
        "Постраждалих немає.\n"
    )
    rows = {r["location"]: r for r in _incidents(text)}
    assert set(rows) == {"Kostyantynivka", "Druzhkivka"}
    assert rows["Kostyantynivka"]["actor1"] == "Military Forces of Russia"
    assert (rows["Kostyantynivka"]["fatalities"], rows["Kostyantynivka"]["injured"]) == (1, 3)
    assert rows["Druzhkivka"]["actor1"] == "Military Forces of Russia"
    assert str(rows["Druzhkivka"]["event_date"]) == "2025-06-11"


def test_drones_dropping_explosives_and_soldiers_attacked_in_spanish() -> None:
    text = (
        "date 2024-03-08\nDos mujeres resultaron heridas el jueves cuando un dron arrojó "
        "artefactos explosivos sobre viviendas de Aguililla.\n\nEl viernes, elementos del "
        "Ejército que patrullaban cerca de Apatzingán fueron agredidos a balazos por civiles "
        "armados. En el enfrentamiento murieron tres agresores."
    )
    rows = {r["location"]: r for r in _incidents(text)}
    assert rows["Aguililla"]["sub_event_type"] == "Air/drone strike"
    assert rows["Aguililla"]["injured"] == 2
    assert rows["Apatzingán"]["sub_event_type"] == "Armed clash"
    assert (rows["Apatzingán"]["actor1"], rows["Apatzingán"]["actor2"]) == (
        "Unidentified Armed Group",
        "Military Forces of Mexico",
    )


def test_a_toll_after_a_conjunction_is_the_next_place_s() -> None:
    text = (
        "date 2024-09-10\nAl menos cinco personas murieron el lunes en un ataque armado contra "
        "un bar de Uruapan, y dos policías fueron asesinados en una emboscada en Zamora."
    )
    rows = {r["location"].split()[0]: r["fatalities"] for r in _incidents(text)}
    assert rows == {"Uruapan": 5, "Zamora": 2}


def test_a_drone_is_no_period_and_a_later_toll_in_ukrainian() -> None:
    es = count_casualties(
        "Tres hombres murieron por explosivos lanzados desde un dron.", rules=get_rules(("es",))
    )
    assert [(c.count, c.cumulative) for c in es] == [(3, False)]
    uk = count_casualties("Отже, загиблих унаслідок удару вже четверо.", rules=get_rules(("uk",)))
    assert [(c.kind, c.count) for c in uk] == [("fatalities", 4)]


def test_a_blamed_lead_that_tells_the_last_incident_again_is_its_own() -> None:
    text = (
        "date 2025-03-04\nA drone strike hit the main market of El Obeid on Monday, killing 9 "
        "people.\nThe drone struck at around 10 a.m., witnesses said. The state government "
        "blamed the Rapid Support Forces.\nThe same day, shells fell on a residential "
        "district of Bara. Two civilians were killed, according to doctors, who blamed the "
        "Sudanese army."
    )
    rows = {r["location"]: r["actor1"] for r in _incidents(text)}
    assert rows == {"El Obeid": "Rapid Support Forces", "Bārah": "Military Forces of Sudan"}


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-04\nA missile hit the railway station of Obukhiv on Saturday, "
        "killing three people waiting for trains to Boiarka and Vinnytsia.",
        "date 2024-05-04\nUn missile a frappé samedi la gare d’Obukhiv, tuant trois "
        "personnes qui attendaient les trains pour Boiarka et Vinnytsia.",
        "date 2024-05-04\nUn misil impactó el sábado en la estación de Obukhiv y mató a "
        "tres personas que esperaban los trenes con destino a Boiarka y Vinnytsia.",
    ],
)
def test_where_a_train_or_bus_was_going_is_no_incident_place(text: str) -> None:
    # the destination of the trains the victims waited for is elsewhere
    assert [p for p, *_ in _event_places(text)] == ["Obukhiv"]


def test_a_corridor_towards_other_places_is_no_incident_place() -> None:
    text = (
        "date 2024-05-04\nUn ataque armado mató el sábado a dos policías en Juchipila, donde "
        "dos cárteles se disputan el corredor hacia Durango y Torreón."
    )
    assert [p for p, *_ in _event_places(text)] == ["Juchipila"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "date 2024-05-04\nDes drones ont frappé samedi un dépôt à Kamianske, ville au bord "
            "du réservoir de Dnipro, tuant deux personnes.",
            "Kamyanske",
        ),
        (
            "date 2024-05-04\nUn ataque con drones mató el sábado a dos personas en Berdíchev, "
            "a orillas del embalse de Zhitómir.",
            "Berdychiv",
        ),
    ],
)
def test_a_lake_named_after_another_town_keeps_the_incident_at_the_town(
    text: str, town: str
) -> None:
    # the water named after a town is a reference point of the town named before it
    assert [p for p, *_ in _event_places(text)] == [town]


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("date 2024-05-04\nThe army deployed troops to Maiduguri and Biu on Saturday.", False),
        ("date 2024-05-04\nAfter the ambush, the army deployed troops to Maiduguri and Biu.", True),
        ("date 2024-05-04\nL'armée a déployé samedi des renforts à Kaya et Dori.", False),
        ("date 2024-05-04\nAprès l'attaque, l'armée a déployé des renforts à Kaya et Dori.", True),
        (
            "date 2024-05-04\nEl Ejército desplegó el sábado a 300 soldados en Tepic y Compostela.",
            False,
        ),
        (
            "date 2024-05-04\nTras el ataque, el Ejército desplegó un operativo en Tepic y "
            "Compostela con apoyo de un helicóptero.",
            True,
        ),
    ],
)
def test_a_deployment_after_an_attack_is_a_response_not_an_event(text: str, response: bool) -> None:
    # forces sent after an attack answer it: no change of the group's activity of its own
    sub_types = {s for _, _, s, *_ in _event_places(text)}
    assert sub_types == (set() if response else {"Change to group/activity"})


# --------------------------------------------------------------------------- tolls and actors
# of text the rules were not written against (sentences written for these tests)


def _event_actors(text: str) -> list[tuple[str, str | None, int | None]]:
    """Incidents of a text as (place, actor1, fatalities)."""
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [
        (r["location"], r["actor1"], r["fatalities"])
        for r in event_rows(make_document(text))
        if r["event_type"] != "Mention"
    ]


def test_a_wounded_persons_later_death_adds_to_the_toll() -> None:
    text = (
        "date 2026-05-06\nRussian forces dropped two guided aerial bombs on Liubotyn "
        "on Monday. "
        "Three men were killed on the spot and a woman later died of her wounds in hospital."
    )
    assert [f for *_, f, _ in _event_places(text)] == [4]


def test_a_town_its_region_follows_and_a_toll_of_two_kinds_of_people() -> None:
    text = (
        "date 2026-03-12\nSuspected jihadists stormed a cattle market in Mubi, Adamawa State, "
        "on Tuesday, killing three traders and two vigilantes."
    )
    assert _event_places(text) == [("Mubi", "2026-03-10", "Attack", 5, None)]


def test_a_claim_names_the_headlines_gunmen_and_a_later_toll_revises() -> None:
    text = (
        "date 2026-03-12\nGunmen kill five at Mubi cattle market\n\nSuspected jihadists "
        "stormed a market in Mubi on Tuesday, killing three traders and two vigilantes. On "
        "Wednesday the body of a third vigilante was found near the market, bringing the toll "
        "to six. The attack was claimed by the Islamic State West Africa Province."
    )
    assert _event_actors(text) == [("Mubi", "Islamic State West Africa Province", 6)]


def test_an_attacker_of_another_day_or_period_is_not_the_incidents() -> None:
    # the next sentence's attacker, named only with its weapon, acts on another day or over
    # a period: another incident, not the one just told
    other_day = (
        "date 2026-05-14\nOn May 2, a drone hit a warehouse in Kovel. Russian drones struck "
        "a depot on Tuesday night, the governor said."
    )
    assert _event_actors(other_day) == [("Kovel", None, None)]
    period = (
        "date 2026-05-14\nOn May 2, a missile strike on Kovel killed three people. Since the "
        "start of the year, Russian attacks have killed 58 civilians in the region."
    )
    assert _event_actors(period) == [("Kovel", None, 3)]
    same_day = (
        "date 2026-05-14\nOn Tuesday night, a drone hit a warehouse in Kovel. Russian drones "
        "struck a depot on Tuesday night, the governor said."
    )
    assert _event_actors(same_day) == [("Kovel", "Military Forces of Russia", None)]


def test_the_group_that_attacked_an_army_position_is_actor1() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2026-05-14\nOn Tuesday, suspected JNIM militants attacked a Beninese army "
        "position in Bembèrèkè, killing two soldiers."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["actor1"], r["actor2"]) for r in rows] == [
        ("Bembèrèkè", "JNIM", "Military Forces of Benin")
    ]


@pytest.mark.parametrize(
    ("text", "place", "target"),
    [
        (
            "date 2026-08-25\nEl domingo, un dron con explosivos atacó "
            "la estación de Policía de Pereira. Dos uniformados quedaron heridos.",
            "Pereira",
            "Police Forces of Colombia",
        ),
        (
            "date 2026-08-25\nEl sábado, un artefacto explosivo detonó contra una "
            "patrulla del Ejército cerca de Riohacha. Dos militares resultaron heridos.",
            "Riohacha",
            "Military Forces of Colombia",
        ),
    ],
)
def test_the_forces_whose_station_or_patrol_is_struck_are_actor2(
    text: str, place: str, target: str
) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["actor2"]) for r in rows] == [(place, target)]


@pytest.mark.parametrize(
    ("second", "forces"),
    [
        ("Soldiers used tear gas against the crowd.", "Military Forces of Nigeria"),
        ("Tear gas was fired to disperse them.", "Police Forces of Nigeria"),
    ],
)
def test_the_forces_that_met_a_protest_are_its_actor2(second: str, forces: str) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2026-05-14\nOn Monday, hundreds of residents protested in Lokoja against power "
        f"cuts. {second}"
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["sub_event_type"], r["actor1"], r["actor2"]) for r in rows] == [
        ("Protest with intervention", "Protesters", forces)
    ]


def test_a_report_merged_into_another_keeps_its_own_attacker_and_two_sides() -> None:
    import datetime as dt_

    from geo.events.actors import state_forces
    from geo.events.engine import _absorb, _Incident

    army = state_forces("ML")
    group = find_actors("JNIM")[0].actor
    day = dt_.date(2026, 5, 11)

    def incident(actor1: Any, actor2: Any, *, inherited: bool) -> Any:
        return _Incident(
            "Battles", "Armed clash", False, 0, day, 1, True, [], 0,
            actor1=actor1, actor2=actor2, inherited=inherited,
        )  # fmt: skip

    # the headline's attacker came from the lead; the body's sentence names its own
    headline = incident(group, None, inherited=True)
    _absorb(headline, incident(army, group, inherited=False), "gn:1")
    assert (headline.actor1, headline.actor2) == (army, group)
    # no side is both
    told = incident(army, None, inherited=False)
    _absorb(told, incident(army, army, inherited=False), "gn:1")
    assert (told.actor1, told.actor2) == (army, None)


def test_the_owners_of_what_armed_men_loot_are_civilians() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = "date 2026-09-10\nOn Monday, gunmen looted shops and burned granaries in Lokoja."
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["sub_event_type"], r["actor1"], r["actor2"]) for r in rows] == [
        ("Looting/property destruction", "Unidentified Armed Group", "Civilians")
    ]


def test_an_incident_told_as_separate_takes_no_attacker_from_the_story() -> None:
    text = (
        "date 2026-04-22\nAl-Shabaab fighters attacked an army base in Garissa on Tuesday, "
        "killing three soldiers. In a separate incident, two civilians were killed on Monday "
        "when a roadside bomb exploded in Lamu."
    )
    assert _event_actors(text) == [("Garissa", "Al Shabaab", 3), ("Lamu", None, 2)]


def test_a_lead_names_no_attacker_of_an_incident_dated_after_it() -> None:
    text = (
        "date 2026-08-20\nAl menos diez personas murieron el martes cuando un carro bomba "
        "explotó en Guapí. Las autoridades atribuyeron el ataque a las disidencias de las "
        "FARC. El miércoles, hombres armados asesinaron a un líder comunal en Túquerres."
    )
    assert _event_actors(text) == [
        ("Guapí", "FARC Dissidents", 10),
        ("Túquerres", "Unidentified Armed Group", 1),
    ]


# --------------------------------------------------------------------------- spurious events
# An article's background, aftermath and threats are no incidents of their own (sentences
# written for these tests; the places are none of the evaluation articles' incidents).


def _told(text: str) -> list[tuple[str, str, str, Any, Any]]:
    ev = geo.extract_events(text)
    ev = ev[ev["event_type"] != "Mention"]
    return [
        (
            str(r["location"]),
            str(r["event_date"].date()),
            str(r["sub_event_type"]),
            None if pd.isna(r["fatalities"]) else int(r["fatalities"]),
            None if pd.isna(r["injured"]) else int(r["injured"]),
        )
        for _, r in ev.iterrows()
    ]


def test_a_threatened_strike_is_no_incident() -> None:
    text = (
        "date 2026-05-06\nDes drones russes ont frappé Malyn mardi, blessant deux personnes. "
        "Le ministère russe a menacé de viser les centres de décision à Berdytchiv si les "
        "frappes continuaient."
    )
    assert _told(text) == [("Malyn", "2026-05-05", "Air/drone strike", 0, 2)]


def test_arrests_and_deployments_after_an_attack_are_its_aftermath() -> None:
    text = (
        "date 2026-08-04\nHombres armados asesinaron a cinco personas en Timbiquí el domingo. "
        "El lunes, la Policía detuvo a tres sospechosos en Guapí. El Ejército desplegó un "
        "operativo en Guapí y El Charco el lunes."
    )
    assert _told(text) == [("Timbiquí", "2026-08-02", "Attack", 5, None)]


@pytest.mark.parametrize(
    ("arrest", "listed"),
    [
        (
            "Lundi, l'armée a interpellé à Atakpamé six personnes soupçonnées de ravitailler "
            "les assaillants en carburant.",
            True,
        ),
        ("Lundi, la police a interpellé à Atakpamé six suspects.", False),
    ],
)
def test_arrests_of_people_accused_of_helping_the_attackers_are_their_own(
    arrest: str, listed: bool
) -> None:
    # invented text (places checked absent from the evaluation articles): people accused of
    # supplying an armed group are arrested on their own account (the packs'
    # ``collaboration``); suspects of the attack are its aftermath
    text = (
        "date 2027-05-11\nDes hommes armés ont attaqué un poste de l'armée près de Sokodé "
        "dimanche, tuant trois soldats.\n\n" + arrest
    )
    places = [(p, d[:10], s) for p, d, s, *_ in _told(text)]
    assert (("Atakpamé", "2027-05-10", "Arrests") in places) is listed
    assert places[0][0] == "Sokodé"


def test_the_people_a_state_force_arrests_are_civilians() -> None:
    # invented text (a place checked absent from the evaluation articles)
    ev = geo.extract_events(
        "date 2027-05-11\nLundi, l'armée a interpellé à Atakpamé six personnes soupçonnées "
        "de ravitailler les rebelles en carburant."
    )
    ev = ev[ev["sub_event_type"] == "Arrests"]
    assert list(ev["actor2"]) == ["Civilians"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Zorgho, un drone a endommagé un entrepôt mardi, sans faire de victimes.",
        "Mardi, un entrepôt a été endommagé par un drone à Zorgho.",
    ],
)
def test_a_drone_that_damaged_a_building_is_a_drone_strike(sentence: str) -> None:
    # invented sentences (a place checked absent from the evaluation articles)
    assert [(d[:10], s) for _, d, s, *_ in _told("date 2026-03-11\n" + sentence)] == [
        ("2026-03-10", "Air/drone strike")
    ]


def test_people_captured_are_arrests_not_a_place_taken() -> None:
    text = "date 2026-08-04\nLa Policía capturó a dos sospechosos en Guapí el lunes."
    assert _told(text) == [("Guapí", "2026-08-03", "Arrests", None, None)]


def test_shops_burned_in_an_attack_are_part_of_it() -> None:
    text = (
        "date 2026-03-12\nMardi soir, des hommes armés ont tué huit civils à Yako. Les "
        "assaillants ont ensuite incendié des boutiques du marché de Yako mardi soir."
    )
    assert _told(text) == [("Yako", "2026-03-10", "Attack", 8, None)]


def test_victims_rescued_are_no_new_abduction() -> None:
    text = (
        "date 2026-10-15\nGunmen killed 11 villagers in Yako on Tuesday. Police said they had "
        "rescued 12 kidnapped victims near Yako on Wednesday."
    )
    assert _told(text) == [("Yako", "2026-10-13", "Attack", 11, None)]


def test_the_third_attack_of_a_series_is_background() -> None:
    text = (
        "date 2026-06-17\nDos policías resultaron heridos el lunes en un ataque con drones en "
        "Timbiquí. Se trata del tercer ataque con drones contra Guapí en lo que va del año."
    )
    assert _told(text) == [("Timbiquí", "2026-06-15", "Air/drone strike", 0, 2)]


def test_a_background_sentence_gives_no_toll_to_the_incident_before() -> None:
    text = (
        "date 2026-06-17\nHombres armados asesinaron a un comerciante en Guapí el martes. En "
        "abril pasado, un ataque similar en Guapí dejó tres muertos."
    )
    assert _told(text) == [("Guapí", "2026-06-16", "Attack", 1, None)]


def test_the_headline_and_the_body_tell_one_incident() -> None:
    text = (
        "date 2026-11-03\nDos soldados muertos en Guapí y masacre de cuatro personas en "
        "Timbiquí\n\nDos soldados murieron el sábado cuando un artefacto explosivo estalló al "
        "paso de una patrulla del Ejército en Guapí. El domingo, hombres armados asesinaron a "
        "cuatro personas en Timbiquí."
    )
    assert _told(text) == [
        ("Guapí", "2026-10-31", "Remote explosive/landmine/IED", 2, None),
        ("Timbiquí", "2026-11-01", "Attack", 4, None),
    ]


def test_drones_with_their_owner_and_an_adverb_before_the_verb() -> None:
    text = (
        "date 2026-05-06\nDes drones russes ont encore frappé Malyn dans la nuit de lundi à mardi."
    )
    assert _told(text) == [("Malyn", "2026-05-05", "Air/drone strike", None, None)]


def test_an_incident_told_at_a_region_then_at_a_town_of_it_is_the_towns() -> None:
    text = (
        "date 2026-02-25\nYAOUNDÉ, 25 février (AFP) - Au moins neuf civils ont été tués dans la "
        "nuit de lundi à mardi lors d'une attaque de jihadistes dans l'Extrême-Nord du "
        "Cameroun, a-t-on appris mercredi. Les assaillants ont fait irruption dans un quartier "
        "de Yagoua et ont tiré sur les habitants, selon un responsable local."
    )
    assert _told(text) == [("Yagoua", "2026-02-24", "Attack", 9, None)]


@pytest.mark.parametrize(
    ("text", "away"),
    [
        (
            "date 2024-03-02\nDes hommes armés ont attaqué vendredi à Mongo un convoi de "
            "camions qui se dirigeait vers Bitkine, tuant six chauffeurs.",
            "Bitkine",
        ),
        (
            "date 2024-03-02\nUn missile, tiré selon l'armée depuis la région de Belgorod, "
            "a tué trois personnes vendredi à Poltava.",
            "Belgorod",
        ),
        (
            "date 2024-03-02\nEl viernes, unos 400 campesinos de Huanta y Cangallo "
            "marcharon por el centro de Ayacucho para protestar contra los asesinatos.",
            "Huanta",
        ),
        (
            "date 2024-03-02\nEl viernes, unos 400 campesinos de Huanta y Cangallo "
            "marcharon por el centro de Ayacucho para protestar contra los asesinatos.",
            "Cangallo",
        ),
        (
            "date 2024-03-02\nBitkine, 1 mars 2024 – Des hommes armés ont tué 12 personnes "
            "vendredi à Mongo.",
            "Bitkine",
        ),
    ],
)
def test_a_place_with_another_role_is_no_incident(text: str, away: str) -> None:
    """A convoy's destination, a missile's launch region, the marchers' home villages (the
    next of a list too) and a dated dateline are no incident places."""
    places = [p for p, *_ in _event_places(text)]
    assert away not in places
    assert places


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        (
            "date 2026-03-10\nDans la nuit de lundi à mardi, un drone a frappé Dijon, tuant deux "
            "personnes.",
            "Dijon",
            "2026-03-10",
        ),
        (
            "date 2026-03-11\nLa nuit dernière, un drone a frappé Dijon, tuant deux personnes.",
            "Dijon",
            "2026-03-11",
        ),
        (
            "date 2026-03-10\nМинулої ночі російський дрон влучив у будинок в Ужгороді. "
            "Загинули двоє людей.",
            "Uzhhorod",
            "2026-03-10",
        ),
        (
            "date 2026-03-10\nУ ніч на 10.03 російський дрон влучив у будинок в Ужгороді. "
            "Загинули двоє людей.",
            "Uzhhorod",
            "2026-03-10",
        ),
        (
            "date 2026-03-10\nUn dron atacó anoche una vivienda en Cuenca y mató a dos personas.",
            "Cuenca",
            "2026-03-09",
        ),
        (
            "date 2026-03-10\nقصفت طائرة مسيرة الليلة الماضية منزلا في مدينة حمص ما أدى إلى "
            "مقتل شخصين.",
            "Homs",
            "2026-03-10",
        ),
        (
            "date 2026-03-10\nÉvacuée en partie le 2 mars, la ville de Dijon a été frappée mardi "
            "par un drone qui a tué deux personnes.",
            "Dijon",
            "2026-03-10",
        ),
    ],
)
def test_a_night_attack_takes_the_day_the_night_ends_on(text: str, place: str, day: str) -> None:
    # invented sentences; the night just gone ends on the article's day, "anoche" is the
    # evening before; a clause's earlier date (the evacuation) does not date the strike
    assert [(p, d) for p, d, *_ in _event_places(text)] == [(place, day)]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # ACLED codes the attack when the debris of a downed weapon hits something
        ("en", "Debris of a downed drone damaged two houses in Uman.", "Air/drone strike"),
        (
            "en",
            "Air defences shot down a missile and its debris hit a warehouse in Uman.",
            "Shelling/artillery/missile attack",
        ),
        (
            "fr",
            "Les débris d'un drone abattu sont tombés sur un entrepôt à Boiarka.",
            "Air/drone strike",
        ),
        (
            "es",
            "Los restos de un dron derribado cayeron sobre una bodega en Tumaco.",
            "Air/drone strike",
        ),
        ("ru", "Обломки сбитого беспилотника упали на крышу гаража в Ельце.", "Air/drone strike"),
        (
            "ru",
            "В Ельце обломки сбитой ракеты повредили склад.",
            "Shelling/artillery/missile attack",
        ),
        ("uk", "Уламки збитого дрона впали на подвір'я у Фастові.", "Air/drone strike"),
        ("ar", "أسقطت الدفاعات الجوية مسيرة وسقط حطامها على منزل في ربك.", "Air/drone strike"),
        # an interception with no debris told is its disruption (ACLED's "Interception:")
        ("en", "Air defences shot down two drones over Uman.", "Disrupted weapons use"),
        ("ru", "Над Ельцом сбиты два беспилотника.", "Disrupted weapons use"),
    ],
)
def test_debris_of_a_downed_weapon_is_the_attack(lang: str, sentence: str, expected: str) -> None:
    got = classify_sentence(sentence, rules=get_rules((lang,)))
    assert got is not None and got[1] == expected


def test_toppling_the_regime_is_no_downed_weapon() -> None:
    got = classify_sentence(
        "خرج المتظاهرون في ربك مطالبين بإسقاط النظام.", rules=get_rules(("ar",))
    )
    assert got == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text",
    [
        "The region is home to the Myrhorod air base, a frequent target of Russian strikes.",
        "La région abrite la base aérienne de Myrhorod, cible régulière des frappes russes.",
        "La base aérea de Myrhorod es un blanco frecuente de los ataques rusos.",
        "Аэродром в Миргороде стал частой целью российских ударов.",
        "Аеродром у Миргороді є частою ціллю російських ударів.",
        "يعد مطار مدينة الأبيض هدفا متكررا لهجمات المسيرات.",
    ],
)
def test_a_frequent_target_is_background_not_an_incident(text: str) -> None:
    # a place told as the habitual target of strikes, with no day or toll, is no incident
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-05-14\n" + text))
    assert rows and all(r["event_type"] == "Mention" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "В понедельник украинский беспилотник сбросил взрывное устройство на автомобиль в "
        "Рыльске, ранена женщина.",
        "У понеділок російський дрон скинув вибухівку на автомобіль у Бериславі, поранено жінку.",
        "On Monday a drone dropped an explosive device on a car in Beryslav, wounding a woman.",
        "Lundi, un drone a largué un engin explosif sur une voiture à Beryslav, blessant une "
        "femme.",
        "El lunes, un dron lanzó un artefacto explosivo contra una patrulla en Tame y dejó dos "
        "heridos.",
        "ألقت طائرة مسيرة يوم الاثنين قنبلة على سيارة في الفاشر ما أدى إلى إصابة امرأة.",
    ],
)
def test_a_munition_dropped_by_a_drone_is_an_air_strike(text: str) -> None:
    # ACLED: a drone dropping a munition is an air/drone strike, not a remote explosive
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-05-14\n" + text))
    assert [r["sub_event_type"] for r in rows if r["event_type"] != "Mention"] == [
        "Air/drone strike"
    ]


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        (
            "Russian drones hit a depot in Boiarka on Wednesday. There were no immediate reports "
            "of casualties.",
            (0, 0),
        ),
        ("Un dron atacó una estación de policía en Tame el miércoles, con saldo blanco.", (0, 0)),
        (
            "Des drones ont frappé un dépôt à Boiarka mercredi. Pas de blessés, selon la police.",
            (0, 0),
        ),
        (
            "Dos drones lanzaron explosivos contra una bodega en Tame el miércoles. No se "
            "reportaron personas fallecidas.",
            (0, None),
        ),
        (
            "ألقت طائرة مسيرة يوم الاثنين قنبلة على مستودع في الفاشر، ولم ترد أنباء عن وقوع "
            "إصابات.",
            (0, 0),
        ),
        # "no consequences (on the ground)", words between the noun and its verb; damage
        # named beside the victims
        (
            "В ночь на вторник над Кинешмой были сбиты три беспилотника. Последствий на земле "
            "нет, уточнили в администрации.",
            (0, 0),
        ),
        (
            "У понеділок над Туркою збили два безпілотники. Наслідків на землі немає, додали в "
            "громаді.",
            (0, 0),
        ),
        (
            "Tres drones fueron derribados el domingo sobre Kenema sin que se registraran daños "
            "ni víctimas.",
            (0, 0),
        ),
    ],
)
def test_no_casualties_stated_gives_zero(text: str, tolls: tuple[int | None, int | None]) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-05-14\n" + text))
    assert [(r["fatalities"], r["injured"]) for r in rows if r["event_type"] != "Mention"] == [
        tolls
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "dropping bombs from a drone" is a strike, not a drone shot down (إسقاط: both)
        (
            "قتل مدنيان جراء إسقاط قنابل من طائرة مسيرة على سوق في مدينة الفاشر.",
            ("Air/drone strike", None),
        ),
        # an attack "of" a named group is that group's, not an unidentified one's
        ("Un ataque armado del ELN dejó dos muertos en Cúcuta.", ("Armed clash", "ELN")),
        (
            "Un ataque armado dejó dos muertos en Cúcuta.",
            ("Armed clash", "Unidentified Armed Group"),
        ),
        # the debris of a drone after missiles named earlier in the sentence
        (
            "Air defence intercepted two missiles over Lviv and drone debris damaged a house "
            "in Lviv.",
            ("Air/drone strike", None),
        ),
    ],
)
def test_review_cases_of_types_and_actors(text: str, expected: tuple[str, str | None]) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-03-10\n" + text))
    assert [(r["sub_event_type"], r["actor1"]) for r in rows if r["event_type"] != "Mention"] == [
        expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # an undated incident keeps the publication day: a later paragraph's Monday is
            # another story's
            "date 2026-05-06\nA drone hit a warehouse in Obukhiv, injuring two people.\n\n"
            "The mayor said rescuers worked through the morning.\n\n"
            "On Monday, shelling hit Boiarka, killing one man.",
            [("Obukhiv", "2026-05-06"), ("Boyarka", "2026-05-04")],
        ),
        (
            # "the same morning": the day of the sentence that told the strike, though it
            # named no place and the story went on for sentences in between
            "date 2026-05-06\nУночі 4 травня ворожа ракета влучила у п'ятиповерхівку. "
            "Обвалилася частина даху.\n\nНа місці до обіду працювали пожежники. Сусіди чули "
            "два вибухи.\n\nТого ж ранку ударний безпілотник пошкодив елеватор у Сквирі.",
            [("Skvyra", "2026-05-04")],
        ),
        (
            # the next sentence names only the region the town lies in: it tells the strike
            # just reported, and its night dates it (the region, called after its capital,
            # is no incident at the capital)
            "date 2026-05-06\nLe bilan de l'attaque de drones russes contre une résidence de "
            "Skvyra s'est alourdi mercredi à quatre morts.\n\nLes drones ont touché dans la "
            "nuit de dimanche à lundi un bâtiment de cette localité de la région de Kiev.",
            [("Skvyra", "2026-05-04")],
        ),
        (
            "date 2026-05-06\nThe death toll from Russia's drone attack on an apartment building "
            "in Skvyra rose on Wednesday to four.\n\nThe drones hit the building in this town "
            "of the Kyiv region early on Monday.",
            [("Skvyra", "2026-05-04")],
        ),
    ],
)
def test_an_undated_incident_takes_the_day_of_its_own_story(
    text: str, expected: list[tuple[str, str]]
) -> None:
    # invented texts; places checked absent from the evaluation articles
    assert [(p, d[:10]) for p, d, *_ in _event_places(text)] == expected


@pytest.mark.parametrize(
    "speaker", ["the Nimroz health department", "the Nimroz governor's office"]
)
def test_a_place_named_only_as_who_speaks_keeps_the_follow_up(speaker: str) -> None:
    # invented text (places checked absent from the evaluation articles): the next sentence
    # names a place only as the office that gives the figures; it goes on about the strike
    # just told, whose day and wounded it gives
    text = (
        "date 2026-03-08\nSix people are now known to have died after a drone hit a bus depot "
        "in Zaranj, the capital of Afghanistan's Nimroz province, officials reported on "
        "Sunday.\n\nThe drone struck the depot on Friday morning and left 23 people wounded, "
        f"{speaker} said."
    )
    assert _event_places(text) == [("Zaranj", "2026-03-06", "Air/drone strike", 6, 23)]


def test_a_ukrainian_town_in_its_press_spelling_is_found() -> None:
    # invented sentence: "-sky" is the press's spelling of the national "-skyi"
    text = (
        "date 2026-04-08\nUn missile russe a frappé mardi un immeuble d'habitation à "
        "Kamin-Kashyrsky, faisant trois morts et 12 blessés."
    )
    assert _event_places(text) == [
        ("Kamin-Kashyrskyi", "2026-04-07", "Shelling/artillery/missile attack", 3, 12)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-03-12\nLe bilan des frappes contre Boiarka est passé mercredi à cinq morts.",
        "date 2026-03-12\nEl saldo de víctimas del bombardeo contra Obukhiv subió el miércoles "
        "a cinco muertos.",
    ],
)
def test_a_toll_updated_on_a_day_does_not_date_the_incident(text: str) -> None:
    # invented sentences: Wednesday is the day of the update; the incident keeps the
    # article's day (ACLED "week" precision 2)
    rows = [r for r in _event_places(text)]
    assert [(p, d[:10], f) for p, d, _, f, _ in rows] in (
        [("Boyarka", "2026-03-12", 5)],
        [("Obukhiv", "2026-03-12", 5)],
    )


def test_a_department_named_like_a_small_town_is_where_the_named_town_lies() -> None:
    # the department, not its small town of the same name, when a town of it is named
    text = (
        "date 2024-03-02\nEl viernes, un dron con explosivos impactó el comando de Policía de "
        "Sandoná, en el centro de Nariño, y dejó heridos a dos agentes."
    )
    assert [p for p, *_ in _event_places(text)] == ["Sandoná"]


def test_a_small_town_called_a_town_stays_the_town_beside_another_of_its_region() -> None:
    # invented: "la ciudad de Nariño" says the town, whatever town of the department is
    # named beside it
    text = (
        "date 2024-03-02\nEl viernes, un dron con explosivos impactó la ciudad de Nariño y dejó "
        "heridos a dos agentes; otro impactó en Sandoná."
    )
    assert "Nariño" in {p for p, *_ in _event_places(text)}


def test_a_regional_capital_named_with_a_town_of_its_region_stays_a_town() -> None:
    text = "date 2024-03-02\nRussian drones struck Kharkiv and Merefa on Friday, killing two."
    assert {p for p, *_ in _event_places(text)} == {"Kharkiv", "Merefa"}


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Air defence shot down six aerial targets over Haisyn on Friday; debris damaged a "
            "barn.",
            "Air/drone strike",
        ),
        (
            "Air defence shot down six aerial targets over Haisyn on Friday; no debris fell.",
            "Disrupted weapons use",
        ),
        (
            "La défense aérienne a abattu six missiles au-dessus de Haïssyn vendredi, aucun débris "
            "n'est tombé.",
            "Disrupted weapons use",
        ),
        (
            "La défense aérienne a abattu six missiles au-dessus de Haïssyn vendredi, des débris "
            "ont endommagé un hangar.",
            "Air/drone strike",
        ),
        (
            "У п'ятницю над Гайсином збили шість ракет, уламки зруйнували гараж.",
            "Air/drone strike",
        ),
        (
            "У п'ятницю над Гайсином збили шість ракет, уламки не впали на житлові будинки.",
            "Disrupted weapons use",
        ),
    ],
)
def test_debris_makes_a_strike_only_near_the_weapon_and_not_negated(
    text: str, sub_type: str
) -> None:
    assert [s for _, _, s, *_ in _event_places("date 2024-03-02\n" + text)] == [sub_type]


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops shelled Tulchyn on Friday, killing two. The missile, fired from the "
        "Vinnytsia region, hit a school.",
        "У п'ятницю окупанти обстріляли Тульчин з боку окупованого Немирова, є двоє загиблих.",
        "В пятницу оккупанты обстреляли Тульчин со стороны оккупированного Немирова, погибли два "
        "человека.",
    ],
)
def test_where_fire_came_from_is_not_the_incident_place(text: str) -> None:
    assert [p for p, *_ in _event_places("date 2024-03-02\n" + text)] == ["Tulchyn"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen killed six people in a village 20 km south of Tulchyn on Friday.", "Tulchyn"),
        (
            "A Russian missile struck a school in Nemyriv, a district centre on the main road "
            "south-east of Vinnytsia, on Friday, killing two.",
            "Nemyriv",
        ),
    ],
)
def test_a_reference_point_is_the_place_only_when_no_town_is_named_before_it(
    text: str, place: str
) -> None:
    assert [p for p, *_ in _event_places("date 2024-03-02\n" + text)] == [place]


def test_a_reference_point_beside_the_town_a_bus_came_from_is_the_place() -> None:
    # the town the bus came from is its origin, not a town of the incident: the reference
    # point of the distance is the place
    text = (
        "date 2024-03-04\nOn Sunday, three passengers were killed when a bus travelling from "
        "Gao ran over an improvised explosive device about 12 km from Bafoulabé."
    )
    assert [(p, d, f) for p, d, _, f, _ in _event_places(text)] == [("Bafoulabé", "2024-03-03", 3)]


def test_a_reference_point_of_a_sentence_with_its_own_day_is_its_incidents_place() -> None:
    # the story is about another town, but the sentence tells its own day and toll: the town
    # the distance is measured from is its incident's place
    text = (
        "date 2024-03-04\nInsurgents stormed an army base in Gao on Sunday, killing seven "
        "soldiers.\nAlso on Saturday, three passengers were killed when a bus ran over a "
        "landmine about 12 km from Bafoulabé."
    )
    assert [(p, d, f) for p, d, _, f, _ in _event_places(text)] == [
        ("Gao", "2024-03-03", 7),
        ("Bafoulabé", "2024-03-02", 3),
    ]


def test_residents_of_a_town_who_speak_leave_it_the_incident_place() -> None:
    # "residents of X said": the residents speak, not X's government
    text = (
        "date 2024-03-04\nResidents of Bunia said armed men attacked a displacement camp on "
        "Sunday night, killing nine people."
    )
    assert [(p, f) for p, _, _, f, _ in _event_places(text)] == [("Bunia", 9)]


def test_a_village_near_the_story_town_is_an_incident_at_that_town() -> None:
    text = (
        "date 2024-03-05\nDrones hit the power station in Tulchyn on Saturday, killing three "
        "workers.\nEarly on Monday, gunmen raided a hamlet some 20 kilometres north of "
        "Tulchyn, killing six civilians."
    )
    assert [(p, d, f) for p, d, _, f, _ in _event_places(text)] == [
        ("Tulchyn", "2024-03-02", 3),
        ("Tulchyn", "2024-03-04", 6),
    ]


def _types(text: str) -> list[tuple[str, str, str | None]]:
    """Incidents of a text as (place, sub-type, actor2)."""
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [
        (r["location"], r["sub_event_type"], r["actor2"])
        for r in event_rows(make_document("date 2026-05-20\n" + text))
        if r["event_type"] != "Mention"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # police killed in an ambush: ACLED's armed clash, not violence against civilians
        (
            "Dos policías fueron asesinados el lunes en una emboscada en Tulancingo.",
            [("Tulancingo", "Armed clash", "Police Forces of Mexico")],
        ),
        # people killed in an armed attack on a bar: an attack on civilians
        (
            "Cinco personas murieron el sábado en un ataque armado contra un bar de Tlaquepaque.",
            [("Tlaquepaque", "Attack", "Civilians")],
        ),
        # two young men shot during a raid: an attack on civilians, not a clash
        (
            "أصيب شابان برصاص حي مساء الاثنين أثناء اقتحام قوات الاحتلال لبلدة حلحول.",
            [("Ḩalḩūl", "Attack", "Civilians")],
        ),
        # a suicide attack with a car bomb is a suicide bomb, whichever word is nearer
        (
            "قتل أربعة جنود أمس الثلاثاء في هجوم انتحاري بسيارة مفخخة على حاجز عند مدخل مدينة "
            "مأرب.",
            [("Ma'rib", "Suicide bomb", "Military Forces of Yemen")],
        ),
    ],
)
def test_the_sub_type_follows_the_target_and_the_weapon(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    # invented sentences; places checked absent from the evaluation articles or common
    assert _types(text) == expected


def test_a_word_of_a_coordinated_phrase_with_its_own_place_is_not_the_first_places() -> None:
    # invented: "three wounded by settlers' fire in A on Tuesday and arrests in B"
    text = "أصيب ثلاثة مواطنين برصاص المستوطنين في حلحول أمس الثلاثاء واعتقالات في بيت لحم."
    assert _types(text)[0][:2] == ("Ḩalḩūl", "Attack")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gang members who kill and loot: an attack on civilians, not a riot
        (
            "El domingo, pandilleros irrumpieron en un barrio de Tulancingo, asesinaron a tres "
            "vecinos y saquearon tiendas.",
            [("Tulancingo", "Attack", "Civilians")],
        ),
        # marchers who storm a town hall: a violent demonstration, not the killing they
        # demand justice for
        (
            "Cientos de personas que marchaban para exigir justicia por el asesinato de un niño "
            "irrumpieron el jueves en la presidencia municipal de Tlaquepaque.",
            [("Tlaquepaque", "Violent demonstration", None)],
        ),
        (
            "El martes, manifestantes lanzaron piedras contra la policía en Tulancingo.",
            [("Tulancingo", "Violent demonstration", None)],
        ),
    ],
)
def test_spanish_riots_are_told_by_crowds(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    # invented sentences; places checked absent from the evaluation articles
    assert _types(text) == expected


def _event_sides(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    """Incidents of a text as (event type, actor1, actor2, fatalities)."""
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [
        (r["event_type"], r["actor1"], r["actor2"], r["fatalities"])
        for r in event_rows(make_document(text))
        if r["event_type"] != "Mention"
    ]


_REMOTE_EV = "Explosions/Remote violence"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dead are fighters: no civilians; their side when a rule names it
        (
            "date 2025-03-10\nAn airstrike killed two gunmen near Maiduguri on Sunday.",
            [(_REMOTE_EV, None, "Unidentified Armed Group", 2)],
        ),
        (
            "date 2025-03-10\nGunmen attacked a village near Maiduguri on Sunday; two fighters "
            "were killed.",
            [("Battles", "Unidentified Armed Group", None, 2)],
        ),
        (
            "date 2025-03-10\nDes individus armés ont attaqué un poste à Gao dimanche, tuant "
            "trois combattants.",
            [("Battles", "Unidentified Armed Group", None, 3)],
        ),
        (
            "date 2025-03-10\nDos guerrilleros murieron el domingo en un bombardeo de las "
            "Fuerzas Militares en Tumaco.",
            [(_REMOTE_EV, "Military Forces of Colombia", None, 2)],
        ),
        (
            "date 2025-03-10\nВ воскресенье в результате удара беспилотника по Донецку трое "
            "боевиков погибли.",
            [(_REMOTE_EV, None, None, None)],
        ),
        (
            "date 2025-03-10\nУ неділю внаслідок удару дрона по Херсону загинули двоє військових.",
            [(_REMOTE_EV, None, "Military Forces of Ukraine", 2)],
        ),
        (
            "date 2025-03-10\nأسفرت غارة إسرائيلية على بلدة بنت جبيل يوم الأحد عن مقتل عنصرين "
            "من حزب الله.",
            [(_REMOTE_EV, "Military Forces of Israel", "Hezbollah", 2)],
        ),
        (
            "date 2025-03-10\nأسفرت غارة إسرائيلية على بلدة بنت جبيل يوم الأحد عن مقتل عنصرين.",
            [(_REMOTE_EV, "Military Forces of Israel", None, 2)],
        ),
        # the forces a next sentence's toll counts
        (
            "date 2025-03-10\nIn Kismayo, a landmine hit an army truck on Sunday. Three soldiers "
            "died in the blast.",
            [(_REMOTE_EV, None, "Military Forces of Somalia", 3)],
        ),
        # people, or civilians and fighters: civilians
        (
            "date 2025-03-10\nأسفرت غارة إسرائيلية على بلدة بنت جبيل يوم الأحد عن مقتل شخصين.",
            [(_REMOTE_EV, "Military Forces of Israel", "Civilians", 2)],
        ),
        (
            "date 2025-03-10\nAn airstrike killed two civilians and three fighters near "
            "Maiduguri on Sunday.",
            [(_REMOTE_EV, None, "Civilians", 5)],
        ),
    ],
)
def test_actor2_is_civilians_only_when_the_victims_are(
    text: str, expected: list[tuple[str, str | None, str | None, int | None]]
) -> None:
    assert _event_sides(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2025-03-10\nShelling hit Kharkiv on Sunday, killing two people; 2,000 people "
            "were displaced.",
            [("Kharkiv", "2025-03-09", _SHELLING, 2, None)],
        ),
        (
            "date 2025-03-10\nDimanche, des bombardements sur Goma ont fait 10 000 personnes "
            "déplacées et trois blessés.",
            [("Goma", "2025-03-09", _SHELLING, 0, 3)],
        ),
        (
            "date 2025-03-10\nВ воскресенье обстрел Белгорода ранил двух человек, тысячи "
            "человек эвакуированы.",
            [("Belgorod", "2025-03-09", _SHELLING, 0, 2)],
        ),
        (
            "date 2025-03-10\nأدى قصف مدفعي على مدينة إدلب يوم الأحد إلى نزوح 500 عائلة.",
            [("Idlib", "2025-03-09", _SHELLING, None, None)],
        ),
    ],
)
def test_displaced_counts_are_no_toll_of_the_incident(
    text: str, expected: list[tuple[str, str, str, int | None, int | None]]
) -> None:
    assert _event_places(text) == expected


def test_a_sentence_naming_only_where_the_wounded_went_completes_the_incident() -> None:
    # "four soldiers were wounded and flown to X": X is where the wounded went, the sentence
    # (no incident word of its own) still gives the toll of the incident just told
    es = (
        "date 2025-03-10\nDron contra un cuartel en Popayán\n\nEl sábado, guerrilleros atacaron "
        "con un dron cargado de explosivos un cuartel militar de Popayán. Cuatro soldados quedaron "
        "heridos y fueron evacuados en avión a Bogotá. No se reportaron personas fallecidas."
    )
    assert _event_places(es) == [("Popayán", "2025-03-08", "Air/drone strike", 0, 4)]


def test_an_arabic_toll_rising_to_a_figure_replaces_the_counts_before_it() -> None:
    # "two bodies came in, then a third wounded man died, bringing the toll to three": 3, not 5
    ar = (
        "date 2025-03-10\nقصفت طائرة مسيرة سوقا شعبيا في مدينة إدلب مساء أمس الأحد. وقال مصدر "
        "طبي إن المستشفى استقبل جثتي قتيلين، قبل أن يفارق مصاب ثالث الحياة، لترتفع الحصيلة إلى "
        "ثلاثة قتلى و٩ جرحى."
    )
    assert _event_places(ar) == [("Idlib", "2025-03-09", "Air/drone strike", 3, 9)]


def test_the_dead_a_riot_is_about_are_not_its_toll() -> None:
    # "rioted over the killing of two students": the grievance's dead, not the riot's
    text = (
        "date 2025-03-11\nHundreds of protesters set fire to tyres and smashed windows at the "
        "governor’s office in Lagos on Monday over the killing of two students."
    )
    assert _event_places(text) == [("Lagos", "2025-03-10", "Violent demonstration", None, None)]


def test_a_spanish_tally_since_the_start_of_the_year_is_no_incident() -> None:
    # "en lo corrido del año" (Colombian "so far this year"): a tally, not an incident at
    # the region (nor at the town sharing its name)
    es = (
        "date 2025-03-11\nEl 2 de marzo, una bomba mató a un policía en Tumaco. En lo corrido "
        "del año van siete masacres en Antioquia, según Medicina Legal."
    )
    assert [p for p, *_ in _event_places(es)] == ["Tumaco"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hombres armados dispararon contra una patrulla de la Policía Municipal en Toluca.",
        "Sicarios abrieron fuego contra agentes estatales en Toluca.",
    ],
)
def test_spanish_gunmen_firing_on_a_police_patrol_is_an_armed_clash(sentence: str) -> None:
    from geo.events import classify_sentence
    from geo.events.rules import get_rules

    assert classify_sentence(sentence, rules=get_rules(("es",))) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "se concentraron frente a": a gathering in protest; the displaced of another
            # town came from it, the protest is where they gathered
            "date 2026-05-12\nEn Riohacha, cientos de desplazados de Maicao se concentraron "
            "este lunes frente a la gobernación para exigir protección. La Policía dispersó la "
            "protesta con gases lacrimógenos.",
            [("Riohacha", "2026-05-11", "Protest with intervention", None, None)],
        ),
        (
            "date 2026-05-12\nHundreds of displaced people from Swabi rallied in Mardan on "
            "Monday to demand protection.",
            [("Mardan", "2026-05-11", "Peaceful protest", None, None)],
        ),
        (
            "date 2026-05-12\nDes centaines de déplacés de Maicao ont manifesté lundi à "
            "Riohacha pour réclamer leur protection.",
            [("Riohacha", "2026-05-11", "Peaceful protest", None, None)],
        ),
    ],
)
def test_the_displaced_of_a_town_protest_where_they_gather(
    text: str, expected: list[tuple[str, str, str, int | None, int | None]]
) -> None:
    # invented sentences; places checked absent from the evaluation articles
    assert _event_places(text) == expected


def test_a_hospital_the_wounded_were_taken_to_next_is_no_incident_place() -> None:
    # invented sentences (places checked absent from the evaluation articles): "puis vers
    # l'hôpital de X", "y luego al hospital de X" is where the wounded went next
    fr = (
        "date 2026-05-12\nUn bus a sauté lundi sur une mine près de Maicao. Trois passagers "
        "ont été tués et cinq blessés, évacués vers le centre de santé de Maicao puis vers "
        "l'hôpital régional de Valledupar."
    )
    assert _event_places(fr) == [("Maicao", "2026-05-12", "Attack", 3, 5)]
    es = (
        "date 2026-05-12\nUn bus pisó el lunes una mina cerca de Maicao. Tres pasajeros "
        "murieron y cinco resultaron heridos, trasladados al centro de salud de Maicao y luego "
        "al hospital regional de Valledupar."
    )
    assert "Valledupar" not in {p for p, *_ in _event_places(es)}
    # a time of day between the death and the hospital (towns no evaluation text names)
    fr_night = (
        "date 2026-05-14\nLe bilan du tir de missile contre la gare d'Uribia, mardi, est passé "
        "jeudi à quatre morts et 12 blessés. Blessée dans l'explosion, une retraitée est morte "
        "tard dans la soirée de mercredi à l'hôpital de Fonseca, selon le gouverneur."
    )
    assert [p for p, *_ in _event_places(fr_night)] == ["Uribia"]


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-05-12\nUn ataque de pandilleros contra caseríos de Maicao deja seis muertos",
        "date 2026-05-12\nSeis muertos tras un ataque contra dos aldeas de Maicao",
    ],
)
def test_an_attack_on_villages_is_an_attack_on_their_people(text: str) -> None:
    # invented headlines (places checked absent from the evaluation articles): an attack
    # against villages or hamlets is violence against civilians, not a clash
    assert _event_places(text) == [("Maicao", "2026-05-12", "Attack", 6, None)]


def test_a_later_death_in_hospital_does_not_date_the_incident() -> None:
    # invented text (a place checked absent from the evaluation articles): the man who died
    # in intensive care on Thursday died of the strike told on Tuesday; the hospital is no
    # incident place and Thursday is no day of the strike
    text = (
        "date 2026-02-19\nУ Радомишлі зросла кількість загиблих унаслідок ракетного удару по "
        "п'ятиповерхівці. У четвер вранці в реанімації міської лікарні в Радомишлі помер "
        "40-річний чоловік. Загалом загинули шестеро людей, повідомив голова ОВА.\n\n"
        "Нагадаємо, у вівторок, 17 лютого, російська ракета влучила в житловий будинок."
    )
    assert [(p, d[:10]) for p, d, *_ in _event_places(text)] == [("Radomyshl", "2026-02-17")]


def test_a_later_placeless_sentence_dates_the_lead_incident_after_a_place_named() -> None:
    # invented text (places checked absent from the evaluation articles): the lead tells
    # the strike at a town undated (its toll rose), the next sentence names another town
    # (who reported it, with the report's day), and only then a sentence naming no place
    # tells the strike with its day: that day is the incident's
    text = (
        "date 2026-02-21\nУдар по Ладижину: кількість загиблих зросла до шести\n\n"
        "У лікарні помер ще один постраждалий унаслідок ракетного удару по "
        "п'ятиповерхівці в Ладижині. Відтак загиблих шестеро, повідомили в Гайсині "
        "в суботу, 21 лютого.\n\n"
        "Російська ракета влучила в житловий будинок у четвер, 19 лютого, близько 03:00."
    )
    assert [(p, d[:10]) for p, d, *_ in _event_places(text)] == [("Ladyzhyn", "2026-02-19")]


def test_a_placeless_day_told_after_a_dated_incident_does_not_redate_the_lead() -> None:
    # invented text: the lead's incident has its day; a later placeless sentence recalls
    # another attack with its own day, background that does not date the lead's incident
    text = (
        "date 2026-10-21\nAu moins dix morts dans une attaque près de Kabinda\n\n"
        "Au moins dix civils ont été tués dimanche dans une attaque de miliciens contre un "
        "site minier près de Kabinda, selon la société civile.\n\n"
        "Le 3 septembre dernier, une attaque contre un camp de déplacés avait fait 11 morts."
    )
    assert [(p, d[:10]) for p, d, *_ in _event_places(text)] == [("Kabinda", "2026-10-18")]


def test_a_placeless_recap_places_the_first_incident_at_the_headline_town() -> None:
    # invented text (a place checked absent from the evaluation articles): the headline
    # names the town, the lead only the rescue, and the recap naming no place tells the
    # strike with its day: the first incident, at the headline's town
    text = (
        "date 2026-03-05\nЛАДЫЖИН: ЧИСЛО ПОГИБШИХ ВОЗРОСЛО ДО ЧЕТЫРЁХ\n\n"
        "В Ладыжине спасатели закончили разбирать завалы. Под обломками нашли тело ещё "
        "одного мужчины.\n\n"
        "Напомним: российская ракета попала в жилой дом вчера около 03:00."
    )
    assert [(p, d[:10], s) for p, d, s, *_ in _event_places(text)] == [
        ("Ladyzhyn", "2026-03-04", "Shelling/artillery/missile attack")
    ]


def test_a_toll_told_before_the_recap_under_a_headline_is_the_incidents() -> None:
    # invented text: the toll sentences come before the placeless recap and name the story
    # by no word of its type ("in all, four died"); one more body found is the rise, not
    # the toll; the figure the morning gave is superseded
    text = (
        "date 2026-03-05\nЛАДЫЖИН: ЧИСЛО ПОГИБШИХ ВОЗРОСЛО ДО ЧЕТЫРЁХ\n\n"
        "Спасатели извлекли из-под плит ещё одного пострадавшего. В итоге погибли 4 "
        "человека, 15 госпитализированы с ранениями.\n\n"
        "Вечером мэр называл троих погибших.\n\n"
        "Напомним: российская ракета попала в жилой дом в Ладыжине вчера около 03:00."
    )
    frame = geo.extract_events(text)
    rows = frame[frame["event_type"] != "Mention"]
    assert [(r["location"], r["fatalities"], r["injured"]) for _, r in rows.iterrows()] == [
        ("Ladyzhyn", 4, 15)
    ]


def test_a_place_where_a_source_spoke_does_not_end_the_story() -> None:
    # invented text: the resident who speaks was reached in another town; the toll of the
    # next sentence is still the attack's
    text = (
        "date 2026-05-06\nDes hommes armés ont attaqué lundi la ville de Koudougou.\n\n"
        "« Ils tiraient partout », a raconté un commerçant joint par téléphone à Ziniaré.\n\n"
        "Selon une source sécuritaire, au moins 14 soldats ont été tués."
    )
    frame = geo.extract_events(text)
    rows = frame[frame["event_type"] != "Mention"]
    assert [(r["location"], r["fatalities"]) for _, r in rows.iterrows()] == [("Koudougou", 14)]


def test_a_first_sentence_with_an_end_stop_is_no_headline_for_a_placeless_recap() -> None:
    # invented text: a note's first sentence names a town but is no headline; the placeless
    # sentence after it is not placed there
    text = (
        "date 2026-03-05\nВ Ладыжине спасатели закончили разбирать завалы.\n"
        "Напомним: российская ракета попала в жилой дом вчера около 03:00."
    )
    assert _event_places(text) == []


def test_a_placeless_recap_needs_a_day_to_take_the_headline_town() -> None:
    # invented text: with no day, the recap is no incident of its own at the headline town
    text = (
        "date 2026-03-05\nЛАДЫЖИН: ЧИСЛО ПОГИБШИХ ВОЗРОСЛО ДО ЧЕТЫРЁХ\n\n"
        "В Ладыжине спасатели закончили разбирать завалы.\n\n"
        "Напомним: российская ракета попала в жилой дом."
    )
    assert _event_places(text) == []


@pytest.mark.parametrize("on", [False, True])
def test_a_village_the_gazetteer_lacks_in_a_named_region(
    on: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an invented village: with config.EVENTS_APPROXIMATE_IN_REGION, placed at its region
    # (geo_precision 3); else the region is only a mention
    monkeypatch.setattr(config, "EVENTS_APPROXIMATE_IN_REGION", on)
    frame = geo.extract_events(
        "date 2022-12-03\nOn 14 September 2022, gunmen kidnapped four farmers in the village "
        "of Tandoukolo in Alibori."
    )
    rows = frame[frame["event_type"] != "Mention"]
    found = [(r["location"], r["geo_precision"]) for _, r in rows.iterrows()]
    assert found == ([("Tandoukolo", 3)] if on else [])


_STORY = (
    "date 2025-03-04\nMissile strike hits bus station in Kassala\n\n"
    "A missile struck the bus station in Kassala on Monday morning, officials said.\n\n"
    "The army said the missile had been fired from positions near Sennar, a claim that "
    "officials in Port Sudan rejected.\n\n"
    "Officials in Gedaref called for calm.\n\n"
)


@pytest.mark.parametrize(
    ("tail", "deaths", "injured"),
    [
        # a toll of the story's incident after paragraphs about other places
        (
            "According to the latest figures, the strike killed at least 14 people and wounded 40.",
            14,
            40,
        ),
        # another day: another incident's toll
        ("A strike on Friday killed 3 people.", None, None),
    ],
)
def test_a_placeless_toll_far_after_the_lead_is_the_story_incidents(
    tail: str, deaths: int | None, injured: int | None
) -> None:
    ev = geo.extract_events(_STORY + tail + "\n")
    row = ev[(ev.event_type != "Mention") & (ev.location == "Kassala")].iloc[0]
    got = tuple(None if pd.isna(v) else int(v) for v in (row.fatalities, row.injured))
    assert got == (deaths, injured)


def test_a_toll_told_before_the_incident_is_the_first_incidents() -> None:
    text = (
        "date 2025-03-06\nToll of the strike rises\n\n"
        "Rescuers found another body under the rubble overnight. "
        "The death toll from the missile strike has risen to 11, and 35 were wounded, "
        "officials said.\n\n"
        "On Wednesday a missile struck an apartment block in Kassala.\n"
    )
    ev = geo.extract_events(text)
    row = ev[(ev.event_type != "Mention") & (ev.location == "Kassala")].iloc[0]
    assert (int(row.fatalities), int(row.injured)) == (11, 35)


def _actors_of(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """Incidents of a text as (place, sub-type, actor1, actor2)."""
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [
        (r["location"], r["sub_event_type"], r["actor1"], r["actor2"])
        for r in event_rows(make_document(text))
        if r["event_type"] != "Mention"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ACLED's "Interception:" rows: actor1 the side that shot the weapons down (the state
        # forces of the place's country when only "air defences" are named), actor2 the
        # attacker whose weapons they were
        (
            "date 2024-03-02\nAir defences shot down four Russian drones over Uman on Friday.",
            (
                "Uman",
                "Disrupted weapons use",
                "Military Forces of Ukraine",
                "Military Forces of Russia",
            ),
        ),
        (
            "date 2024-03-02\nНад Ельцом в пятницу силы ПВО сбили три беспилотника.",
            ("Yelets", "Disrupted weapons use", "Military Forces of Russia", None),
        ),
        # the side the sentence names as the one that shot them down
        (
            "date 2024-03-02\nThe Houthis said their air defences shot down a US drone over "
            "Sanaa on Friday.",
            ("Sanaa", "Disrupted weapons use", "Houthis", "Military Forces of the United States"),
        ),
        # a state's forces named before the interception are the attacker when the place lies
        # in another state: the defenders are that state's
        (
            "date 2024-03-02\nRussian forces launched drones at Uman on Friday; air defences "
            "shot down all of them.",
            (
                "Uman",
                "Disrupted weapons use",
                "Military Forces of Ukraine",
                "Military Forces of Russia",
            ),
        ),
    ],
)
def test_an_interception_names_the_side_that_shot_down_first(
    text: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    assert _actors_of(text) == [expected]


def test_an_interception_that_hurt_people_is_the_attack() -> None:
    # weapons shot down over a town, then their debris hurt someone there: the attack, its
    # attacker actor1 (events README: debris that hits something is the attack)
    text = (
        "date 2024-03-02\nRussian drones were shot down over Uman on Friday. Debris fell on a "
        "house there, and two people were injured."
    )
    got = _actors_of(text)
    assert [(p, s, a1) for p, s, a1, _ in got] == [
        ("Uman", "Air/drone strike", "Military Forces of Russia")
    ]


def test_a_cut_word_is_no_negation_of_the_debris() -> None:
    # "без" (without) is no negation at the start of "безпілотника" (drone)
    got = classify_sentence(
        "Уламки збитого безпілотника впали на подвір'я у Фастові.", rules=get_rules(("uk",))
    )
    assert got == ("Explosions/Remote violence", "Air/drone strike")


def test_an_interception_then_a_hit_at_the_place_is_one_attack() -> None:
    # drones shot down over a town, then the debris of one hit a shop there the same day:
    # one event at the town, the attack
    text = (
        "date 2024-03-02\nOn Friday air defences shot down drones over Uman. Debris of a drone "
        "damaged a shop in Uman on Friday."
    )
    assert [(p, s) for p, s, *_ in _actors_of(text)] == [("Uman", "Air/drone strike")]


def test_an_incident_added_to_the_story_takes_its_day() -> None:
    # a generic word of attack needs a day or a toll of its own, unless the sentence adds
    # an incident ("also") to a story just told with its day: that day is its day
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    def incidents(text: str) -> list[tuple[str, str]]:
        return [
            (r["location"], str(r["event_date"]))
            for r in event_rows(make_document(text))
            if r["event_type"] != "Mention"
        ]

    told = "date 2026-03-12\nOn Wednesday militants attacked Mopti. Militants also attacked Djenné."
    assert incidents(told) == [("Mopti", "2026-03-11"), ("Djenné", "2026-03-11")]
    # no story told before: a word of addition alone anchors nothing
    assert incidents("date 2026-03-12\nMilitants also attacked Djenné.") == []


def test_debris_that_damaged_something_told_next_makes_the_interception_the_attack() -> None:
    # the next sentence names no place: its debris damaged something there (the attack,
    # events README), or fell and damaged nothing (still the interception)
    hit = (
        "date 2027-11-12\nOn Friday air defences shot down drones over Uman. Debris of a drone "
        "damaged the roof of a school."
    )
    assert [p_s[:2] for p_s in _actors_of(hit)] == [("Uman", "Air/drone strike")]
    missed = (
        "date 2027-11-12\nOn Friday air defences shot down drones over Uman. Debris fell in a "
        "field and caused no damage."
    )
    assert [p_s[:2] for p_s in _actors_of(missed)] == [("Uman", "Disrupted weapons use")]
    uk = (
        "date 2027-11-12\nУночі сили ППО збивали дрони над Уманню. Уламки збитого дрона "
        "пошкодили дах школи. Постраждалих немає."
    )
    assert [p_s[:2] for p_s in _actors_of(uk)] == [("Uman", "Air/drone strike")]


def test_a_country_named_only_in_the_source_does_not_stop_the_toll() -> None:
    # "according to the Tanzania Red Cross": the country names the source, the sentence
    # goes on about the incident just told (its toll)
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2026-02-20\nGunmen attacked a market in Kigoma early on Thursday. Three civilians "
        "were killed and four wounded, according to the Tanzania Red Cross."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["fatalities"], r["injured"]) for r in rows] == [("Kigoma", 3, 4)]
    # a source before the count names a tally of the region, not the incident's toll
    tally = (
        "date 2026-02-20\nGunmen attacked a market in Kigoma early on Thursday, killing two. "
        "According to figures compiled by an institute, more than 180 people have been killed "
        "in the north-east since January."
    )
    rows = [r for r in event_rows(make_document(tally)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["fatalities"]) for r in rows] == [("Kigoma", 2)]


def test_french_weapons_shot_down_are_no_toll() -> None:
    # "a abattu" counts the dead before people ("ont abattu trois civils"), not the drones or
    # the "engins" (craft) that air defences shot down: an interception, no one hurt
    for sentence in (
        "Mardi, la défense antiaérienne a abattu deux drones au-dessus de Tcherkassy.",
        "Mardi, la défense antiaérienne a abattu plusieurs engins au-dessus de Tcherkassy.",
    ):
        got = _actors_of(f"date 2027-03-03\n{sentence}")
        assert [p_s[:2] for p_s in got] == [("Cherkasy", "Disrupted weapons use")], sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2024-05-04\nOn Friday a drone attack killed a guard in Konotop. The attack on "
            "Konotop came two weeks after a roadside bomb killed two soldiers in Berdychiv on "
            "20 April.",
            [("Konotop", "2024-05-03"), ("Berdychiv", "2024-04-20")],
        ),
    ],
)
def test_a_date_across_a_shift_in_time_is_the_other_incidents(
    text: str, expected: list[tuple[str, str]]
) -> None:
    # the day after "two weeks after" dates the earlier incident, not the place before it
    assert [(p, d[:10]) for p, d, *_ in _event_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wounded farmer taken to a Levantine "مشفى" of another town: no incident there
        (
            "date 2024-05-04\nأصيب مزارع بجروح خطيرة يوم السبت في هجوم مسلح على حقله في بلدة "
            "القصير، ثم نقل إلى مشفى ميداني في حمص.",
            ["Al Quşayr"],
        ),
        # demonstrators who close the road linking two towns, named in a third
        (
            "date 2024-05-04\nوفي جبيل، أغلق متظاهرون غاضبون صباح أمس الطريق التي تربط بيروت "
            "بطرابلس للمطالبة بتحسين الخدمات.",
            ["Byblos"],
        ),
        (
            "date 2024-05-04\nوفي جبيل، أغلق متظاهرون غاضبون صباح أمس الطريق بين بيروت وطرابلس "
            "للمطالبة بتحسين الخدمات.",
            ["Byblos"],
        ),
        # a road named by its two ends: the incident is placed at the first
        (
            "date 2024-05-04\nاستهدفت غارة بطائرة مسيرة صباح اليوم شاحنة عسكرية على طريق حمص – "
            "حماة، وقتل سائقها.",
            ["Homs"],
        ),
    ],
)
def test_arabic_hospital_town_and_route_ends_are_no_incident_places(
    text: str, expected: list[str]
) -> None:
    assert [p for p, *_ in _event_places(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-04\nSicarios emboscaron el sábado a una patrulla municipal en Uruapan, "
        "sobre la salida hacia Paracho; murieron dos agentes.",
        "date 2024-05-04\nUn grupo armado emboscó el sábado a dos soldados en Uruapan, por el "
        "camino hacia la comunidad de Paracho.",
    ],
)
def test_spanish_town_a_road_leads_to_is_no_incident_place(text: str) -> None:
    # the road out of the first town toward another: the incident is at the first
    assert [p for p, *_ in _event_places(text)] == ["Uruapan"]


def test_spanish_area_a_gang_moves_out_of_is_no_incident_place() -> None:
    text = (
        "date 2024-05-04\nHombres armados mataron a cuatro campesinos el lunes en Mirebalais. "
        "Según la policía, la banda avanza desde la zona de Hinche y busca controlar la "
        "carretera."
    )
    assert [p for p, *_ in _event_places(text)] == ["Mirebalais"]


def test_an_incident_word_read_as_a_place_is_no_incident_place() -> None:
    # the geoparser reads an incident noun with its prefix "and" as a village; the word
    # opens an incident's cue, it names no place
    text = "date 2026-11-02\nمقتل شاب في قباطية واعتداء على مزارعين قرب طوباس"
    assert "Al Ittiḩād" not in [p for p, *_ in _event_places(text)]


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-03-12\nKYIV, March 12 (Reuters) - A Russian missile struck an apartment "
        "block in the Kyiv region town of Skvyra on Wednesday, killing three people.",
        "date 2025-03-12\nKIEV, 12 mars (AFP) - Une frappe russe a touché un immeuble à "
        "Skvyra, dans la région de Kiev, mercredi, faisant trois morts.",
        # the story's town told by "this town" in the sentence naming the region
        "date 2025-03-12\nTrois habitants de Skvyra sont morts mardi quand un missile russe "
        "est tombé sur leur immeuble.\n\nLe bâtiment de cinq étages, au centre de cette "
        "localité de la région de Kiev, est en partie détruit.",
    ],
)
def test_a_region_called_after_its_capital_is_no_incident_at_the_capital(text: str) -> None:
    assert [(p, d) for p, _, _, d, _ in _event_places(text)] == [("Skvyra", 3)]


def test_a_state_after_its_town_is_no_incident_at_its_capital() -> None:
    text = (
        "date 2025-03-12\nUna balacera en un taller mecánico de Salamanca, "
        "Guanajuato, dejó el sábado más de una decena de muertos. La Fiscalía confirmó el "
        "domingo que 12 personas murieron."
    )
    assert [(p, d) for p, _, _, d, _ in _event_places(text)] == [("Salamanca", 12)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "date 2025-03-12\nEnfrentamientos entre disidencias de las FARC y el Ejército "
            "dejaron tres muertos el martes en Sandoná, Nariño. Unas 40 familias "
            "campesinas se desplazaron hacia Túquerres y Consacá por temor a nuevos ataques.",
            "Sandoná",
        ),
        (
            "date 2025-03-12\nПовітряні сили: ударні дрони рухаються з Чернігівщини у "
            "напрямку Києва. Вночі ворожий БпЛА влучив у житловий будинок у Борисполі, "
            "поранено двох людей.",
            "Boryspil",
        ),
        (
            "date 2025-03-12\nУвечері ворог атакував Гребінку FPV-дронами, загинув "
            "45-річний чоловік, уродженець Пирятина.",
            "Hrebinka",
        ),
        (
            "date 2025-03-12\nParis (AFP) - Un missile russe est tombé mardi sur la gare "
            "routière de Lokhvytsia, tuant quatre personnes qui montaient dans un autocar "
            "en direction de Chornukhy, Hrebinka ou Kiev.",
            "Lokhvytsya",
        ),
    ],
)
def test_places_people_went_to_or_came_from_are_no_incidents(text: str, place: str) -> None:
    assert [p for p, *_ in _event_places(text)] == [place]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "date 2025-03-12\nEste miércoles, unos 200 habitantes de Marquelia e Igualapa "
            "marcharon hasta la plaza principal de Ometepec para exigir seguridad.",
            ["Ometepec"],
        ),
        (
            "date 2025-03-12\nResidents of Okene and Kabba marched to Lokoja on Tuesday to "
            "demand the release of abducted students.",
            ["Lokoja"],
        ),
        # the place told after the protest's cause is no protest place: the residents' is
        (
            "date 2025-03-12\nHabitantes de Igualapa marcharon el martes para exigir justicia "
            "por el asesinato de un taxista en Ometepec.",
            ["Igualapa"],
        ),
    ],
)
def test_where_protesters_came_from_is_no_protest_place(text: str, places: list[str]) -> None:
    assert [p for p, *_ in _event_places(text)] == places


def test_a_colon_opens_the_details_of_the_places_hit_not_an_apposition() -> None:
    # "A and B were hit: in B, two hurt; in A, one killed": B after the colon is no
    # enclosing town of A, each clause's toll is its place's
    text = (
        "date 2025-03-12\nРосіяни атакували Херсон і Зеленівку: у Херсоні поранено двох людей, "
        "в Зеленівці загинула жінка."
    )
    # (Kherson's dead stay unknown: its sentence also tells of a death, Zelenivka's)
    assert [(p, d, i) for p, _, _, d, i in _event_places(text)] == [
        ("Kherson", None, 2),
        ("Zelenivka", 1, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the road's two ends, joined by a dash after a road noun, are no incident places;
        # the town the road passes near is
        (
            "date 2025-03-12\nВорожий дрон атакував автомобіль на трасі Київ — Житомир "
            "поблизу Брусилова, поранено водія.",
            [("Brusyliv", 1)],
        ),
        (
            "date 2025-03-12\nA drone hit a car on the road between Kyiv and Zhytomyr near "
            "Brusyliv, injuring two people.",
            [("Brusyliv", 2)],
        ),
        # alone, a route is placed at the end it is named from
        (
            "date 2025-03-12\nВорожий дрон атакував автобус на трасі Житомир — Київ, "
            "поранено водія.",
            [("Zhytomyr", 1)],
        ),
    ],
)
def test_a_road_between_two_towns_is_placed_at_the_town_near_it(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(p, i) for p, _, _, _, i in _event_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "A in the B region": B names A's region, it encloses no town A lies in
        (
            "date 2025-03-12\nMOSCOW, March 12 (Reuters) - A Ukrainian drone hit a residential "
            "building in Serpukhov in the Moscow region, injuring two people, the governor "
            "said.",
            [("Serpukhov", 2)],
        ),
        # "X Gov." names the official who speaks, not a place of the incident
        (
            "date 2025-03-12\nKHARKIV, Ukraine (AP) - Russian glide bombs struck Bohodukhiv in "
            "the Kharkiv region on Wednesday, wounding three people, Kharkiv Gov. Ivan "
            "Petrenko said.",
            [("Bohodukhiv", 3)],
        ),
    ],
)
def test_a_town_in_a_region_called_after_its_capital(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(p, i) for p, _, _, _, i in _event_places(text)] == expected


def test_a_road_from_a_town_to_a_community_is_placed_at_the_town() -> None:
    text = (
        "date 2025-03-12\nDos policías estatales resultaron heridos cuando una mina estalló al "
        "paso de su patrulla en la carretera que conduce de Huitzuco a la comunidad de Tlaxmalac "
        "el jueves."
    )
    assert [(p, i) for p, _, _, _, i in _event_places(text)] == [("Ciudad de Huitzuco", 2)]


@pytest.mark.parametrize(
    "text",
    [
        # the day of a report told in apposition before its verb ("Про це в четвер, 11
        # березня, повідомила ...") and the night the bodies were found date neither the strike
        "date 2027-03-11\nУ Тиврові зросла до чотирьох кількість жертв ракетної атаки на "
        "гуртожиток.\n\nЗ-під уламків надвечір дістали тіла подружжя. Про "
        "це в четвер, 11 березня, повідомила начальниця ОВА.\n\nРакета влучила в гуртожиток у "
        "вівторок, 9 березня, близько 03:00.",
        "date 2027-03-11\nЧисло жертв ракетной атаки на общежитие в Тывров "
        "выросло до четырёх.\n\nОб этом в четверг, 11 марта, сообщил глава ОВА.\n\nРакета "
        "попала в общежитие во вторник, 9 марта.",
        "date 2027-03-11\nThe death toll from the missile strike on a dormitory in Tyvriv has "
        "risen to four.\n\nOn Wednesday firefighters recovered a couple's bodies from the "
        "ruins.\n\nThe missile hit the building on Tuesday, March 9.",
        # the day an earlier count was given (a verb of putting a figure: "cifró")
        "date 2027-03-12\nYa son cuatro los fallecidos por el misil que cayó sobre un albergue "
        "en Tyvriv. El ayuntamiento cifraba el jueves en tres los muertos y en ocho los "
        "heridos.\n\nEl proyectil impactó en el edificio la madrugada del martes.",
        # a date in apposition before a toll's growth is the strike's
        "date 2027-03-11\nКількість загиблих унаслідок удару у вівторок, 9 березня, зросла до "
        "чотирьох у Тиврові.",
    ],
)
def test_days_of_reports_and_of_bodies_found_do_not_date_the_strike(text: str) -> None:
    # invented texts; the town is named by no evaluation article
    assert [(p, d) for p, d, *_ in _event_places(text)] == [("Tyvriv", "2027-03-09")]


def test_a_plain_date_before_an_inverted_attribution_dates_the_incident() -> None:
    text = (
        "date 2027-03-12\nUn enfrentamiento armado dejó cuatro muertos en Tyvriv la tarde de "
        "este martes, confirmó la policía."
    )
    assert [(p, d, k) for p, d, _, k, _ in _event_places(text)] == [("Tyvriv", "2027-03-09", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "date 2027-03-12\nA drone launched by the army slammed into a market in Tyvriv on "
        "Wednesday.",
        "date 2027-03-12\nA drone launched from the north hit a depot in Tyvriv on Wednesday.",
        "date 2027-03-12\nUn dron lanzado por el ejército alcanzó un mercado en Tyvriv el "
        "miércoles.",
    ],
)
def test_a_drone_launched_by_a_side_is_an_air_strike(text: str) -> None:
    # the participle and its agent between the drone and its verb (invented texts)
    assert [(p, d, k) for p, d, k, _, _ in _event_places(text)] == [
        ("Tyvriv", "2027-03-10", "Air/drone strike")
    ]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "date 2027-03-12\nUn dron atacó una casa en Abasolo el martes y obligó a decenas de "
            "familias a desplazarse hacia Celaya.",
            "Abasolo",
        ),
        (
            "date 2027-03-12\nУдары дронов по Тывров, из-за которых сотни семей были вынуждены "
            "бежать в Полтаву и Киев, продолжились во вторник.",
            "Tyvriv",
        ),
        (
            "date 2027-03-12\nУдари дронів по Тиврову, через які сотні родин були змушені тікати "
            "до Полтави та Києва, тривали у вівторок.",
            "Tyvriv",
        ),
    ],
)
def test_where_families_fled_to_is_no_incident_place(text: str, town: str) -> None:
    # the infinitive of fleeing or moving ("a desplazarse hacia", "бежать в", "тікати до")
    # names a destination (invented texts)
    assert [p for p, *_ in _event_places(text)] == [town]


@pytest.mark.parametrize(
    "text",
    [
        "date 2027-02-16\nارتفع عدد قتلى القصف المدفعي على سوق مدينة أبشة يوم الأحد إلى ١٢ "
        "قتيلاً إثر وفاة ثلاثة جرحى متأثرين بجراحهم في المستشفى.",
        "date 2027-02-16\nThe toll of Sunday's drone strike on the market of Sarh rose to "
        "12 after three of the wounded died of their wounds in hospital.",
    ],
)
def test_a_toll_risen_to_a_figure_is_the_whole_toll(text: str) -> None:
    # the wounded who died are in the figure the toll rose to (invented texts)
    assert [k for _, _, _, k, _ in _event_places(text)] == [12]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city's former name that is also its region's name is the city
        (
            "date 2027-03-12\nTwo guards were wounded when a grenade exploded at a market in "
            "Chittagong on Tuesday.",
            ("Chattogram", "Explosions/Remote violence"),
        ),
        # a place after an incident's word and "in", before a verb: where the incident is,
        # not a government that demands
        (
            "date 2027-03-12\nNurses held a protest in Indore demanding unpaid salaries.",
            ("Indore", "Protests"),
        ),
    ],
)
def test_incident_places_read_as_regions_or_governments(
    text: str, expected: tuple[str, str]
) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = [(r["location"], r["event_type"]) for r in event_rows(make_document(text))]
    assert rows == [expected]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("date 2027-03-12\nGunmen killed two farmers in Kaduna State on Tuesday.", "Kaduna"),
        ("date 2027-03-12\nShelling wounded two women in Kharkiv Oblast on Tuesday.", "Kharkiv"),
    ],
)
def test_a_region_named_with_its_noun_is_told_at_its_namesake_town(text: str, town: str) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = [
        (r["location"], r["geo_precision"])
        for r in event_rows(make_document(text))
        if r["event_type"] != "Mention"
    ]
    assert rows == [(town, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report that counts the wounded and tells of no dead: 0 dead (ACLED's "none reported")
        (
            "date 2027-06-10\nОбстріли Волині\n\nЛюбешів: увечері ворог обстріляв селище, "
            "поранено двох людей.",
            [("Liubeshiv", "2027-06-10", _SHELLING, 0, 2)],
        ),
        (
            "date 2027-06-10\nKenema's grain store was struck by a drone on Tuesday, injuring "
            "three workers.",
            [("Kenema", "2027-06-08", "Air/drone strike", 0, 3)],
        ),
        # a vague count of wounded is no count: the dead stay unknown
        (
            "date 2027-06-10\nKenema's grain store was struck by a drone on Tuesday, injuring "
            "several workers.",
            [("Kenema", "2027-06-08", "Air/drone strike", None, None)],
        ),
        # no toll at all: unknown, not 0
        (
            "date 2027-06-10\nKenema's grain store was struck by a drone on Tuesday.",
            [("Kenema", "2027-06-08", "Air/drone strike", None, None)],
        ),
        # the same sentence speaks of dead it gives no figure the engine reads: not 0
        (
            "date 2027-06-10\nУ четвер число загиблих після ракетного удару по "
            "Любешову зросло, ще 21 людина поранена.",
            [("Liubeshiv", "2027-06-10", _SHELLING, None, 21)],
        ),
    ],
)
def test_wounded_counted_and_no_dead_told_is_zero_dead(
    text: str, expected: list[tuple[str, str, str, int | None, int | None]]
) -> None:
    assert _event_places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "date 2027-03-09\nFour soldiers were killed by a mine near Kenema on Monday.",
        "date 2027-03-09\nA mine blast killed four herders near Makeni on Monday.",
        "date 2027-03-09\nLundi, quatre militaires tués par une mine à la sortie de Kenema.",
        "date 2027-03-09\nВ понедельник под Шепетовкой при взрыве мины погибли четыре человека.",
        "date 2027-03-09\nУ понеділок поблизу Любешова загинули четверо людей через вибух міни.",
    ],
)
def test_a_mine_that_kills_is_a_remote_explosive(text: str) -> None:
    # not a clash: nobody fought, a mine went off
    assert [(s, d) for _, _, s, d, _ in _event_places(text)] == [
        ("Remote explosive/landmine/IED", 4)
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Russia attacked Ukraine with drones in the night, officials said.\n\nIn Zhovkva, "
            "a drone struck a home, injuring a man.",
            "Zhovkva",
        ),
        (
            "Росія вночі запустила 80 дронів і дві ракети, за даними ППО.\n\n"
            "У Любешові уламки дрона пошкодили дах житлового будинку, травмовано чоловіка.",
            "Liubeshiv",
        ),
        (
            "Россия ночью атаковала 80 беспилотниками западные области, по данным ПВО.\n\n"
            "В Любешове обломки беспилотника повредили крышу жилого дома, ранен мужчина.",
            "Liubeshiv",
        ),
        (
            "La Russie a lancé 80 drones et deux missiles contre l'Ukraine pendant la nuit.\n\n"
            "À Zhovkva, des débris d'un drone sont tombés sur une maison, blessant un homme.",
            "Zhovkva",
        ),
        (
            "Rusia lanzó 80 drones y dos misiles sobre territorio ucraniano por la noche.\n\nEn "
            "Zhovkva, restos de un dron derribado cayeron sobre una casa e hirieron a un hombre.",
            "Zhovkva",
        ),
    ],
)
def test_a_country_that_attacks_is_the_attacker_of_the_strikes_told_next(
    text: str, place: str
) -> None:
    events = _event_actors(f"date 2027-09-15\n{text}")
    assert [(p, a) for p, a, _ in events] == [(place, "Military Forces of Russia")]


def test_a_country_struck_or_an_earlier_day_takes_no_attacker_from_it() -> None:
    # a passive headline names the country hit; a strike of another day is not that wave's
    passive = (
        "date 2027-09-15\nUkraine hit by drones overnight.\n\nIn Zhovkva, debris of a "
        "downed drone fell on a house, injuring a man."
    )
    assert _event_actors(passive) == [("Zhovkva", None, 0)]
    earlier = (
        "date 2027-09-15\nRussia launched 80 drones and two missiles overnight.\n\nOn Sept. 2, "
        "a drone struck a grain store in Zhovkva, injuring a man."
    )
    assert _event_actors(earlier) == [("Zhovkva", None, 0)]


def test_a_strike_by_the_country_s_own_military_names_it_as_the_attacker() -> None:
    # the state's name between "by the" and the force noun, the target after it
    text = (
        "date 2027-10-06\nAn air strike by the Myanmar military on a village near Myingyan "
        "killed 17 civilians on Saturday."
    )
    assert [(p, a) for p, a, _ in _event_actors(text)] == [
        ("Myingyan", "Military Forces of Myanmar")
    ]


def test_a_route_alone_is_one_incident_at_its_first_end() -> None:
    # no other place: the road's first end, as "on the road between A and B" reads
    text = (
        "date 2027-10-06\nGunmen fired on a truck on the Mongu-Senanga road on Sunday, "
        "killing two civilians."
    )
    assert [(p, d) for p, _, _, d, _ in _event_places(text)] == [("Mongu", 2)]


def test_a_route_beside_its_country_only_is_one_incident_at_its_first_end() -> None:
    # the country of the sentence is no incident place: the route is still alone
    text = (
        "date 2027-10-06\nIn Zambia, gunmen fired on a truck on the Mongu-Senanga "
        "road on Sunday, killing two civilians."
    )
    assert [(p, d) for p, _, _, d, _ in _event_places(text)] == [("Mongu", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "date 2027-10-06\nLes forces russes ont attaqué Kenema mardi, endommageant un bâtiment "
        "administratif et blessant quatre personnes.",
        "date 2027-10-06\nВорог атакував Любешів: пошкоджено адмінбудівлю, травмовано 4 людей.",
    ],
)
def test_a_state_force_that_wounds_people_in_a_town_attacks_civilians(text: str) -> None:
    # "people" ("personnes", "людей") are civilians, as in English: no armed clash
    assert [(s, i) for _, _, s, _, i in _event_places(text)] == [("Attack", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont attaqué mardi le village de Kenema, tuant quinze civils. « Ils "
        "ont ouvert le feu sur les habitants au marché », a raconté un habitant joint par "
        "téléphone depuis Makeni.",
        'Gunmen attacked the village of Kenema on Tuesday, killing 15 civilians. "They opened '
        'fire on people at the market," a resident reached by phone in Makeni said.',
        "Hombres armados atacaron el martes el pueblo de Kenema y mataron a 15 civiles. "
        '"Abrieron fuego contra la gente en el mercado", dijo un vecino contactado por '
        "teléfono desde Makeni.",
    ],
)
def test_where_a_witness_was_reached_by_phone_is_no_incident_place(text: str) -> None:
    assert [p for p, *_ in _event_places("date 2027-04-22\n" + text)] == ["Kenema"]


@pytest.mark.parametrize(
    "text",
    [
        # verb, subject, object: the army between "صد" and the attack it repelled
        "صد الجيش هجوما لمسلحين على مدينة كيفة.",
        "وتصدت القوات المسلحة لهجوم شنه مسلحون على مدينة كيفة.",
    ],
)
def test_an_arabic_attack_repelled_is_a_battle(text: str) -> None:
    assert [(p, s) for p, _, s, *_ in _event_places("date 2027-06-18\n" + text)] == [
        ("Kiffa", "Armed clash")
    ]


def test_an_arabic_town_the_displaced_fled_towards_is_no_incident_place() -> None:
    text = (
        "date 2027-06-18\nقتل ثلاثة مدنيين في قصف على مدينة كيفة أمس.\n\nوتشهد المنطقة معارك "
        "عنيفة منذ أشهر، أدت إلى نزوح آلاف الأسر نحو مدينة روصو."
    )
    assert [p for p, *_ in _event_places(text)] == ["Kiffa"]


@pytest.mark.parametrize(
    "text",
    [
        "Shelling killed three civilians in Kenema on Monday. Weeks of fighting have driven "
        "thousands of families towards Makeni.",
        "Des bombardements ont tué trois civils à Kenema lundi. Des semaines de combats ont "
        "poussé des milliers de familles vers Makeni.",
        "Un bombardeo mató a tres civiles en Kenema el lunes. Semanas de combates han "
        "empujado a miles de familias hacia Makeni.",
    ],
)
def test_a_town_the_fighting_drove_people_towards_is_no_incident_place(text: str) -> None:
    assert [p for p, *_ in _event_places("date 2027-06-18\n" + text)] == ["Kenema"]


@pytest.mark.parametrize(
    "text",
    [
        "Tres guerrilleros murieron el lunes en un combate con tropas del Ejército en Kenema."
        "\n\nEn el enfrentamiento también resultó herido un soldado, que fue evacuado en "
        "helicóptero a Makeni.",
        "Three rebels were killed on Monday in a clash with army troops in Kenema.\n\nIn the "
        "clash, a soldier was also wounded and flown by helicopter to Makeni.",
    ],
)
def test_the_wounded_of_the_clash_just_told_flown_elsewhere_count_for_it(text: str) -> None:
    # the next sentence names the clash again and the town the wounded were flown to
    assert _event_places("date 2027-03-09\n" + text) == [
        ("Kenema", "2027-03-08", "Armed clash", 3, 1)
    ]


def test_a_suspected_criminal_who_died_is_counted() -> None:
    text = (
        "date 2027-03-09\nHoras antes, en Kenema, elementos de la Guardia Nacional repelieron "
        "una agresión de civiles armados; un presunto delincuente murió y otro fue detenido."
    )
    assert [(p, d) for p, _, _, d, _ in _event_places(text)] == [("Kenema", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers opened fire on protesters in Myingyan on Tuesday, killing two.",
        "Police fired live rounds at protesters in Myingyan on Tuesday, killing two.",
        "Les policiers ont tiré à balles réelles sur les manifestants à Kenema mardi, tuant "
        "deux personnes.",
        "Dos manifestantes murieron el martes en Kenema cuando la policía abrió fuego contra "
        "la marcha.",
    ],
)
def test_protesters_killed_by_fire_is_excessive_force(text: str) -> None:
    ((_, _, sub, deaths, _),) = _event_places("date 2027-04-02\n" + text)
    assert (sub, deaths) == ("Excessive force against protesters", 2)


@pytest.mark.parametrize(
    "text",
    [
        "A Russian drone killed a man in Zhovkva on Monday.",
        "Un drone russe a tué un homme à Zhovkva lundi.",
        "Un dron ruso mató a un hombre en Zhovkva el lunes.",
        "قتلت طائرة مسيرة رجلا في مدينة كيفة يوم الاثنين.",
    ],
)
def test_a_drone_that_kills_a_man_is_a_drone_strike_with_one_dead(text: str) -> None:
    ((_, _, sub, deaths, _),) = _event_places("date 2027-06-18\n" + text)
    assert (sub, deaths) == ("Air/drone strike", 1)


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        (
            "A Russian drone killed a man in Zhovkva on Monday. Last year, more than 300 "
            "civilians were killed by drones in the region.",
            1,
        ),
        (
            "Russian shelling killed two people in Zhovkva on Monday. In total, 41 civilians "
            "have been killed in the city this month.",
            2,
        ),
    ],
)
def test_a_tally_of_last_year_or_this_month_is_no_toll(text: str, deaths: int) -> None:
    ((place, _, _, found, _),) = _event_places("date 2027-06-18\n" + text)
    assert (place, found) == ("Zhovkva", deaths)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian shelling wounded two people in Zhovkva on Monday. A day earlier, three "
            "people were injured by shelling in Liubeshiv.",
            [("Zhovkva", "2027-07-05"), ("Liubeshiv", "2027-07-04")],
        ),
        (
            "Des obus ont blessé deux personnes à Kenema lundi. La veille, trois personnes "
            "avaient été blessées à Makeni.",
            [("Kenema", "2027-07-05"), ("Makeni", "2027-07-04")],
        ),
        (
            "Herdsmen killed 52 people in Kenema on Sunday. Two weeks ago, gunmen killed 10 in "
            "Makeni.",
            [("Kenema", "2027-07-04"), ("Makeni", "2027-06-24")],
        ),
    ],
)
def test_a_day_before_the_one_told_and_weeks_ago(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(p, d) for p, d, *_ in _event_places("date 2027-07-08\n" + text)] == expected


def _territory(text: str) -> list[tuple[str, str | None, str | None]]:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return [
        (r["sub_event_type"], r["actor1"], r["actor2"])
        for r in event_rows(make_document("date 2027-06-18\n" + text))
        if r["event_type"] != "Mention"
    ]


def test_the_subject_of_a_recapture_is_actor1_and_the_side_it_was_taken_from_actor2() -> None:
    # "the army" (generic) took the town from the side named after the verb
    assert _territory("The army recaptured Zhovkva from Russian forces on Saturday.") == [
        ("Government regains territory", "Military Forces of Ukraine", "Military Forces of Russia")
    ]


def test_a_day_between_repris_and_le_controle_still_tells_a_recapture() -> None:
    assert _territory("Les forces ukrainiennes ont repris jeudi le contrôle de Zhovkva.") == [
        ("Government regains territory", "Military Forces of Ukraine", None)
    ]


def test_an_incident_of_a_past_year_named_before_its_noun_is_background() -> None:
    # "the 2024 massacre": a year of its own, not the day of the incident told before
    text = (
        "date 2027-06-18\nGunmen killed 12 civilians in Kenema on Monday. Many residents "
        "fled the 2024 massacre in Makeni."
    )
    assert [p for p, *_ in _event_places(text)] == ["Kenema"]


@pytest.mark.parametrize(
    "text",
    [
        "Eleven soldiers were killed on Sunday in an ambush by Islamic State Sahel Province "
        "near Kenema.",
        "Onze soldats ont été tués dimanche dans une embuscade tendue par l'État islamique au "
        "Sahel près de Kenema.",
    ],
)
def test_a_place_inside_a_group_name_takes_no_toll(text: str) -> None:
    # "Sahel" is part of the group's name: the toll is the incident's, at Kenema
    assert [(p, d) for p, _, _, d, _ in _event_places("date 2027-06-18\n" + text)] == [
        ("Kenema", 11)
    ]


def test_an_armed_group_named_like_a_town_is_no_incident_place() -> None:
    # the militia's name (in the actors' lexicon) is also a town's: no place preposition
    # before it, it is the group
    text = (
        "date 2027-03-05\nFano fighters attacked an army camp near Kitgum on Tuesday, killing "
        "four soldiers."
    )
    assert [(p, d) for p, _, _, d, _ in _event_places(text)] == [("Kitgum", 4)]


@pytest.mark.parametrize(
    "text",
    [
        # a dateline with the month first and the year after a slash
        "Gulu, March 5/2027 – A drone strike hit a market in Kitgum on Monday, killing two "
        "traders.",
        # a zone (Ethiopia's second-level unit) in apposition says where the town lies
        "A drone strike hit a bus in Kitgum, the capital of Gulu zone, on Monday, killing two "
        "passengers.",
    ],
)
def test_a_dateline_town_or_a_zone_named_beside_the_town_hit_is_no_incident_place(
    text: str,
) -> None:
    assert [(p, d, f) for p, d, _, f, _ in _event_places("date 2027-03-05\n" + text)] == [
        ("Kitgum", "2027-03-01", 2)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arrests with explosives seized from the suspects: the arrest, in three languages
        (
            "Police detained four suspects in a dawn raid in Kenema and seized explosive devices "
            "and detonators.",
            ("Arrests", "Police Forces of Sierra Leone"),
        ),
        (
            "La policía detuvo el martes a cinco presuntos miembros del grupo en Kenema y les "
            "incautó artefactos explosivos.",
            ("Arrests", "Police Forces of Sierra Leone"),
        ),
        (
            "أوقفت قوى الأمن الداخلي الثلاثاء أربعة مطلوبين في مدينة كيفة وصادرت بحوزتهم "
            "متفجرات وأسلحة.",
            ("Arrests", "Police Forces of Mauritania"),
        ),
        # a seizure alone is a disrupted weapons use (ACLED), not an explosion
        (
            "Soldiers seized a cache of explosives and detonators in a house in Kenema on Tuesday.",
            ("Disrupted weapons use", None),
        ),
    ],
)
def test_arrests_and_seizures_of_explosives_are_no_explosion(
    text: str, expected: tuple[str, str | None]
) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2028-05-10\n" + text))
    events = [r for r in rows if r["event_type"] != "Mention"]
    assert len(events) == 1
    assert events[0]["event_type"] == "Strategic developments"
    assert events[0]["sub_event_type"] == expected[0]
    if expected[1] is not None:
        assert events[0]["actor1"] == expected[1]


def test_a_raid_with_a_seizure_after_an_attack_is_an_event_of_its_own() -> None:
    # arrests after an attack are its aftermath, but not a raid that seizes explosives
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2028-05-10\nTwo policemen were shot dead on Tuesday night when gunmen stormed a "
        "checkpoint in Kenema.\nOn Monday, police detained four suspects in a dawn raid in "
        "Makeni and seized explosive devices."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["sub_event_type"], str(r["event_date"])[:10]) for r in rows] == [
        ("Kenema", "Armed clash", "2028-05-09"),
        ("Makeni", "Arrests", "2028-05-08"),
    ]


def test_arabic_yesterday_with_a_glued_conjunction_dates_the_day_before() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = "date 2028-05-10\nوأمس، قصفت طائرة مسيرة سوقا في روصو، ما أدى إلى مقتل ثلاثة أشخاص."
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(str(r["event_date"])[:10], r["fatalities"]) for r in rows] == [("2028-05-09", 3)]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # verb-subject-object: the bare police noun after the verb that opens the clause
        ("اعتقلت الشرطة الثلاثاء خمسة أشخاص في مدينة روصو.", "Police Forces of Mauritania"),
        # the subject before the verb: the patrol is the one attacked
        ("أصيب ثلاثة جنود بانفجار لغم أرضي استهدف دورية للجيش قرب روصو الثلاثاء.", None),
    ],
)
def test_arabic_verb_before_a_bare_state_force_makes_it_the_actor(
    text: str, actor1: str | None
) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2028-05-10\n" + text))
    assert [r["actor1"] for r in rows if r["event_type"] != "Mention"] == [actor1]


def test_volunteers_killed_are_civilians_attacked() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = "date 2025-05-06\nقتلت قوات الدعم السريع أمس تسعة متطوعين في مدينة روصو."
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["sub_event_type"], r["fatalities"], str(r["event_date"])[:10]) for r in rows] == [
        ("Attack", 9, "2025-05-05")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a guided bomb that struck: from the air, not shelling
        (
            "A Russian guided aerial bomb struck a residential building in Makeni on Monday, "
            "killing two people.",
            ("Makeni", "Air/drone strike", 2),
        ),
        # a route's first end is the place, though a dateline names another town
        (
            "KENEMA, Sierra Leone (AFP) - Three aid workers were shot dead by gunmen on Sunday "
            "on the road between Makeni and Kabala.",
            ("Makeni", "Attack", 3),
        ),
    ],
)
def test_guided_bombs_and_routes_under_a_dateline(
    text: str, expected: tuple[str, str, int]
) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2025-12-16\n" + text))
    assert [
        (r["location"], r["sub_event_type"], r["fatalities"])
        for r in rows
        if r["event_type"] != "Mention"
    ] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighters clashed with the army in Kenema on Friday. Two days later, a drone strike "
            "near Makeni killed four people.",
            [("Kenema", "2025-09-26"), ("Makeni", "2025-09-28")],
        ),
        (
            "Des jihadistes ont tué vendredi douze civils à Kenema. Deux jours plus tôt, un "
            "véhicule avait sauté sur un engin explosif près de Makeni.",
            [("Kenema", "2025-09-26"), ("Makeni", "2025-09-24")],
        ),
        # the active verb of killing, and a day counted after the day told
        (
            "В пятницу боевики убили двенадцать мирных жителей в Кинешме. Спустя три дня "
            "беспилотник атаковал автобус в Фурманове, погибли трое.",
            [("Kineshma", "2025-09-26"), ("Furmanov", "2025-09-29")],
        ),
    ],
)
def test_days_counted_from_a_day_told_before(text: str, expected: list[tuple[str, str]]) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2025-09-30\n" + text))
    assert [
        (r["location"], str(r["event_date"])[:10]) for r in rows if r["event_type"] != "Mention"
    ] == expected


@pytest.mark.parametrize(
    "dateline",
    [
        "Kenema, le 16 novembre 2027 –",
        "Kenema, 16 de noviembre de 2027 –",
        "Kenema, 16 novembre 2027 –",
    ],
)
def test_a_dateline_with_an_article_or_de_in_its_date(dateline: str) -> None:
    # the dateline's town is where the story was filed, not an incident place
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        f"date 2027-11-16\nTitre\n\n{dateline} Au moins quatorze civils ont été tués "
        "dimanche lors d'une attaque près de Makeni."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["fatalities"]) for r in rows] == [("Makeni", 14)]


def test_a_march_in_support_of_the_army_is_a_peaceful_protest() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2028-01-19\nMardi, à Kenema, des centaines de jeunes ont marché du grand marché "
        "jusqu'à la mairie pour témoigner leur soutien à l'armée."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["sub_event_type"], str(r["event_date"])[:10]) for r in rows] == [
        ("Kenema", "Peaceful protest", "2028-01-18")
    ]


def test_gangs_that_burn_a_police_station_are_the_attackers() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2025-08-05\nGangs stormed the town of Kenema overnight Sunday, setting fire to "
        "the police station. At least five people were killed."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["actor1"], r["fatalities"]) for r in rows] == [
        ("Kenema", "Unidentified Armed Group", 5)
    ]


def test_a_sentence_dated_before_the_incident_gives_it_no_toll() -> None:
    # a march, then an ambush of an earlier month told without a place the parser reads:
    # the ambush's dead are not the march's
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2027-07-08\nMercredi, des milliers de jeunes ont défilé dans les rues de Kenema "
        "pour apporter leur soutien à l'armée. Le 3 mai dernier, une embuscade avait fait douze "
        "morts parmi les soldats, d'après la gendarmerie."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] == "Protests"]
    assert [(r["location"], r["sub_event_type"], r["fatalities"]) for r in rows] == [
        ("Kenema", "Peaceful protest", None)
    ]


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # "دون خسائر": without losses, so no one killed or hurt
        (
            "أسقطت المضادات الأرضية مسيرة فوق مدينة روصو ليل السبت دون خسائر.",
            (0, 0),
        ),
        # a warehouse ("مستودعا") ends in the letters of "دعا" (called): no government speaks
        ("قصفت طائرة مسيرة مستودعا في روصو يوم السبت.", (None, None)),
    ],
)
def test_arabic_losses_and_word_ends(text: str, tolls: tuple[int | None, int | None]) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2027-02-16\n" + text))
    events = [r for r in rows if r["event_type"] != "Mention"]
    assert [(r["location"], r["fatalities"], r["injured"]) for r in events] == [("Rosso", *tolls)]


def test_a_crowd_that_dispersed_of_itself_met_no_intervention() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2027-05-11\nOn Tuesday, hundreds of students marched peacefully to the town hall "
        "in Kenema. They dispersed once the mayor had spoken to them."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [r["sub_event_type"] for r in rows] == ["Peaceful protest"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's administration that speaks names no incident place
        (
            "A ballistic missile hit a school in Makeni on Wednesday, killing three people. The "
            "blast tore through the gym shortly after sunrise, the Kenema regional administration "
            "said.",
            [("Makeni", 3)],
        ),
        # its building hit is one
        (
            "A missile hit the Kenema regional administration building on Wednesday, killing two.",
            [("Kenema", 2)],
        ),
    ],
)
def test_a_regional_administration_that_speaks_is_a_source(
    text: str, expected: list[tuple[str, int]]
) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2027-10-13\n" + text))
    assert [
        (r["location"], r["fatalities"]) for r in rows if r["event_type"] != "Mention"
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title-case label is where the story was filed when the line names another place
        (
            "Kenema : Trois soldats ont été blessés dans l'explosion d'un engin explosif "
            "improvisé à Makeni lundi.",
            [("Makeni", 0, 3)],
        ),
        ("Kenema: Gunmen abducted five traders in Makeni on Monday.", [("Makeni", None, None)]),
        # a label that is the line's only place stays the incident's place
        ("Kenema: gunmen abducted five traders on Monday.", [("Kenema", None, None)]),
    ],
)
def test_a_title_case_label_is_a_dateline_beside_another_place(
    text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-11-30\nTitle\n\n" + text))
    assert [
        (r["location"], r["fatalities"], r["injured"]) for r in rows if r["event_type"] != "Mention"
    ] == expected


@pytest.mark.parametrize(
    "source", ["according to the Makeni police command", "according to the Makeni governor"]
)
def test_a_town_named_in_the_source_of_a_toll_is_no_new_incident(source: str) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2026-11-16\nGunmen attacked a police station in Kenema on Sunday. Two "
        f"policemen were wounded, {source}."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["location"], r["injured"]) for r in rows] == [("Kenema", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Накануне вечером по Фурманову был нанесён авиаудар, погибла 80-летняя женщина.",
        "Напередодні ввечері по Турці було завдано авіаудару, загинула жінка.",
    ],
)
def test_the_day_before_with_no_day_told_is_the_day_before_the_article(text: str) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-11-28\n" + text))
    assert [
        (str(r["event_date"])[:10], r["fatalities"]) for r in rows if r["event_type"] != "Mention"
    ] == [("2026-11-27", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Deux personnes ont été blessées par des tirs de la police lors d'une manifestation à "
        "Kenema.",
        "Two protesters were wounded by police fire during a demonstration in Kenema.",
        "Dos manifestantes resultaron heridos por disparos de la policía durante una marcha en "
        "Kenema.",
    ],
)
def test_protesters_hurt_by_the_forces_fire_met_an_intervention(text: str) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-11-23\n" + text))
    assert [(r["sub_event_type"], r["injured"]) for r in rows if r["event_type"] != "Mention"] == [
        ("Protest with intervention", 2)
    ]


def test_comment_lines_inside_a_pattern_list_are_no_patterns() -> None:
    from geo.events.rules import get_rules

    rules = get_rules(("en",))
    assert not [p for p in rules.patterns("classes", "intervention") if p.startswith("#")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le JNIM a revendiqué une embuscade contre un convoi de l'armée près de Kenema, "
            "affirmant avoir tué onze soldats.",
            ("Kenema", "Armed clash", "JNIM"),
        ),
        (
            "Бойовики влаштували засідку на колону поблизу Бібрки у четвер.",
            ("Bibrka", "Armed clash", "Unidentified Armed Group"),
        ),
    ],
)
def test_an_ambush_is_an_armed_clash(text: str, expected: tuple[str, str, str | None]) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = event_rows(make_document("date 2026-11-15\n" + text))
    assert [
        (r["location"], r["sub_event_type"], r["actor1"])
        for r in rows
        if r["event_type"] != "Mention"
    ] == [expected]


def test_an_attack_launched_by_members_of_a_named_group_is_the_groups() -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    text = (
        "date 2026-11-20\nلقي ثلاثة جنود حتفهم في هجوم شنه عناصر من تنظيم داعش على موقع للجيش "
        "قرب بلدة روصو."
    )
    rows = [r for r in event_rows(make_document(text)) if r["event_type"] != "Mention"]
    assert [(r["actor1"], r["fatalities"]) for r in rows] == [("Islamic State", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the police named for riots do not make a protest a riot
        (
            "Hundreds marched in Kenema yesterday over fuel prices; riot police used tear gas "
            "to disperse them.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "Quelque deux cents manifestants ont défilé hier à Kenema ; la police anti-émeute a "
            "dispersé le cortège au gaz lacrymogène.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "تظاهر المئات أمس في كيفة احتجاجا على غلاء الأسعار، وفرقتهم قوات مكافحة الشغب "
            "بالغاز المسيل للدموع.",
            ("Protests", "Protest with intervention"),
        ),
        # a weapon named with a verb of striking is that weapon's attack
        (
            "An improvised explosive device struck a minibus of soldiers near Kenema on "
            "Tuesday, killing two officers.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        # aircraft with words of whose between them and the verb
        (
            "Des avions de l'armée ont bombardé mardi un marché de Kenema, tuant six civils.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Un avión de combate de la aviación militar bombardeó el martes un mercado de Kenema y "
            "mató a cuatro comerciantes.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        # shooting where people gather is an attack on civilians
        (
            "Gunmen opened fire at a wedding party in Kenema early Sunday, killing five guests.",
            ("Violence against civilians", "Attack"),
        ),
        # arrests told later in the sentence pursue the killing
        (
            "قُتل شرطي بنيران مسلحين مجهولين في مدينة كيفة أمس، واعتقلت الشرطة لاحقا ثلاثة "
            "مشتبه بهم.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_event_type_of_sentences_with_two_kinds_of_cue(
    text: str, expected: tuple[str, str]
) -> None:
    ev = geo.extract_events(f"date 2028-04-02\n{text}")
    rows = ev[ev.event_type != "Mention"]
    assert [(r.event_type, r.sub_event_type) for r in rows.itertuples()] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two protesters (a dual) killed by the forces' fire: excessive force
        (
            "قُتل متظاهران برصاص قوات الأمن خلال تظاهرات خرجت السبت في مدينة كيفة.",
            ("Protests", "Excessive force against protesters", 2, None),
        ),
        # a drone that fell on a house and killed
        (
            "Un dron cayó el sábado sobre una casa en Kenema y causó la muerte de un anciano.",
            ("Explosions/Remote violence", "Air/drone strike", 1, None),
        ),
        # one pupil ("un élève") is a count of one
        (
            "Samedi, des assaillants ont fait irruption dans une école de Kenema : un élève a "
            "été tué et deux enseignants blessés.",
            ("Violence against civilians", "Attack", 1, 2),
        ),
        # the checkpoint of an army is the side attacked, the group before the verb attacked
        (
            "Боевики ИГ в субботу атаковали блокпост сирийской армии под Кинешмой.",
            ("Battles", "Armed clash", None, None, "Islamic State"),
        ),
    ],
)
def test_type_toll_and_attacker_of_short_reports(text: str, expected: tuple[Any, ...]) -> None:
    ev = geo.extract_events(f"date 2028-04-02\n{text}")
    (row,) = ev[ev.event_type != "Mention"].itertuples()
    got = (
        row.event_type,
        row.sub_event_type,
        None if pd.isna(row.fatalities) else row.fatalities,
        None if pd.isna(row.injured) else row.injured,
        row.actor1,
    )
    assert got[: len(expected)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "أعلن الجيش الموريتاني، الأحد، استعادة السيطرة على كيفة بعد معارك مع مسلحين.",
        "The army of Sierra Leone announced that its troops retook Kenema after two days of "
        "fighting with rebels.",
    ],
)
def test_a_town_regained_after_battles_by_the_army_that_announces_it(text: str) -> None:
    ev = geo.extract_events(f"date 2028-05-30\n{text}")
    (row,) = ev[ev.event_type != "Mention"].itertuples()
    assert (row.sub_event_type, row.actor1.startswith("Military Forces of")) == (
        "Government regains territory",
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Накануне в посёлке Фурманов осколочные ранения получили две женщины.",
        "Учора в Турці осколкові поранення отримали шестеро людей.",
        "Two women suffered shrapnel wounds in Kenema on Monday.",
        "أصيب ثلاثة مدنيين بشظايا في بلدة كيفة أمس.",
    ],
)
def test_shrapnel_wounds_tell_a_strike(text: str) -> None:
    ev = geo.extract_events(f"date 2028-04-02\n{text}")
    (row,) = ev[ev.event_type != "Mention"].itertuples()
    assert row.sub_event_type == "Shelling/artillery/missile attack"


def test_a_wounded_man_taken_with_shrapnel_wounds_to_a_city_tells_no_strike_there() -> None:
    text = (
        "date 2028-04-02\nВчера дрон атаковал автомобиль в Фурманове. Пассажира с осколочными "
        "ранениями доставили в больницу в Кинешме."
    )
    ev = geo.extract_events(text)
    assert list(ev[ev.event_type != "Mention"].location) == ["Furmanov"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the press's epithet of a place held is no capture
        ("Вибухи пролунали у тимчасово окупованій Бібрці.", []),
        ("Жителі деокупованої Бібрки отримали гуманітарну допомогу.", []),
        # another state's forces that take a town overtake it; the country's own regain it
        ("У суботу російські війська окупували Бібрку.", ["Non-state actor overtakes territory"]),
        ("У суботу Сили оборони України звільнили Бібрку.", ["Government regains territory"]),
    ],
)
def test_captures_and_the_places_held(text: str, expected: list[str]) -> None:
    ev = geo.extract_events(f"date 2028-04-02\n{text}")
    assert list(ev[ev.event_type != "Mention"].sub_event_type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2028-03-10\nРосія вдарила ракетою по Бібрці. Ракета влучила в перон, де пасажири"
            " чекали на електричку до Радехова. Загинули троє людей.",
            "Bibrka",
        ),
        (
            "date 2028-03-10\nAtaque con drones contra Makeni. Un dron impactó contra la estación"
            " mientras los pasajeros subían al tren a Kenema. Murieron tres personas.",
            "Makeni",
        ),
    ],
)
def test_a_trains_destination_is_not_where_the_strike_fell(text: str, expected: str) -> None:
    # "поїзд до X", "el tren a X": where the passengers were going, not the incident place
    assert [(p, f) for p, _, _, f, _ in _event_places(text)] == [(expected, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "date 2028-03-10\nThe army targeted Makeni with drones overnight, killing two people.",
        "date 2028-03-10\nL'armée a attaqué Kenema avec des drones, tuant deux personnes.",
        "date 2028-03-10\nEl ejército atacó Makeni con drones y mató a dos personas.",
    ],
)
def test_a_strike_with_drones_named_after_the_target_is_an_air_strike(text: str) -> None:
    # "attacked X with drones": the weapon after the target still makes the type (the
    # Spanish case passed before; English gave no event, French an attack on civilians)
    assert [(s, f) for _, _, s, f, _ in _event_places(text)] == [("Air/drone strike", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2028-03-10\nУдар\nРосія атакувала Бібрку. Загинули двоє людей.",
            [("Bibrka", "Attack", 2)],
        ),
        (
            "date 2028-03-10\nAttack\nRussia attacked Bibrka. Two civilians were killed.",
            [("Bibrka", "Attack", 2)],
        ),
        (
            "date 2026-11-20\nУдар\nВСУ ночью обстреляли Кинешму. Погибли два человека.",
            [("Kineshma", "Shelling/artillery/missile attack", 2)],
        ),
        # a strike named without its attacker: the dead of the next sentence are no sign
        # that the sentence tells an incident there (the text may tell it later)
        (
            "date 2028-03-10\nУдар\nРятувальники розбирають наслідки удару по Бібрці. Вночі в"
            " лікарні помер чоловік.",
            [],
        ),
    ],
)
def test_an_attack_with_its_toll_in_the_next_sentence_is_an_incident(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    # "X attacked Y. Two were killed.": a generic word of attack with its attacker,
    # then the dead in a sentence that names no place
    assert [(p, s, f) for p, _, s, f, _ in _event_places(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-11-20\nTrois orpailleurs ont été kidnappés par des hommes armés à Kenema.",
        "date 2026-11-20\nDos ganaderos fueron secuestrados por unos hombres armados cerca de"
        " Makeni.",
        "date 2026-11-20\nThree traders were kidnapped by gunmen in Kenema.",
    ],
)
def test_people_kidnapped_by_armed_men_are_an_abduction_in_the_passive(text: str) -> None:
    # the armed men's noun stands nearer the place than the word of what they did
    assert [s for _, _, s, _, _ in _event_places(text)] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-11-22\nПолиция открыла огонь по протестующим в Кинешме, погиб один человек.",
        "date 2026-11-22\nПоліція відкрила вогонь по протестувальниках у Бібрці, загинула одна"
        " людина.",
    ],
)
def test_forces_firing_on_protesters_are_excessive_force_in_russian_and_ukrainian(
    text: str,
) -> None:
    # the protesters are a protest met by force, as in English, not civilians attacked
    assert [(s, f) for _, _, s, f, _ in _event_places(text)] == [
        ("Excessive force against protesters", 1)
    ]


def test_shots_fired_at_a_bar_in_spanish_are_an_attack() -> None:
    text = (
        "date 2026-11-18\nDos civiles murieron cuando hombres armados abrieron fuego contra un"
        " bar en Makeni."
    )
    assert [(s, f) for _, _, s, f, _ in _event_places(text)] == [("Attack", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-11-20\nУ Бібрці поховали воїна, який загинув у бою на фронті.",
        "date 2026-11-20\nResidents of Kenema buried a soldier who was killed in fighting near"
        " the border.",
        "date 2026-11-20\nEn Makeni dieron el último adiós a un policía asesinado en la sierra.",
    ],
)
def test_a_burial_is_told_where_it_was_held_not_where_the_dead_fell(text: str) -> None:
    assert _event_places(text) == []


def test_people_buried_under_rubble_are_still_the_strikes_dead() -> None:
    text = (
        "date 2026-11-20\nTwo residents were buried under the rubble after a missile struck Kenema."
    )
    assert [p for p, *_ in _event_places(text)] == ["Kenema"]


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-11-20\nEntrevista\nEl alcalde de Makeni, en entrevista con este diario,"
        " afirmó que los enfrentamientos armados han disminuido un 40% este año.",
        "date 2026-11-20\nInterview\nThe mayor of Kenema told reporters that armed clashes had"
        " fallen by 40% this year.",
    ],
)
def test_a_trend_told_by_a_percentage_is_no_incident(text: str) -> None:
    assert _event_places(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-11-20\nХерсон\nВчора ввечері росіяни обстріляли Бібрку з артилерії. Поранено"
        " чотирьох людей. Сьогодні вранці обстріл повторився, загинув чоловік.",
        "date 2026-11-20\nShelling\nRussian forces shelled Bibrka with artillery yesterday"
        " evening. Four people were injured. This morning the shelling resumed, killing a man.",
    ],
)
def test_the_same_attack_again_on_another_day_is_another_incident(text: str) -> None:
    # two sentences after the first attack, with a day of its own and no place named: the
    # first attack's town, its own toll, the same side
    assert [(d, f, i) for _, d, _, f, i in _event_places(text)] == [
        ("2026-11-19", 0, 4),
        ("2026-11-20", 1, None),
    ]


@pytest.mark.parametrize("town", ["Segbwema", "Segbwema, Kenema,"])
def test_a_headline_without_a_toll_sums_up_the_bodys_incident_of_its_kind(town: str) -> None:
    # "Kidnapping near X" over one abduction at a smaller town of X's region, the body
    # naming X again only as where that town lies
    text = (
        "date 2026-11-20\nKidnapping near Kenema\nGunmen abducted 30 farmers from a mosque in"
        f" {town} on Sunday."
    )
    assert [(p, s) for p, _, s, _, _ in _event_places(text)] == [
        ("Segbwema", "Abduction/forced disappearance")
    ]


def test_a_russian_grouping_that_takes_a_ukrainian_town_overtakes_it() -> None:
    text = (
        "date 2026-11-20\nОсвобождение\nПодразделения группировки войск «Запад» освободили"
        " населённый пункт Радехов во Львовской области, сообщило Минобороны России."
    )
    assert [(p, s) for p, _, s, _, _ in _event_places(text)] == [
        ("Radekhiv", "Non-state actor overtakes territory")
    ]


def test_a_generic_attack_then_the_debris_that_fell_is_a_drone_strike() -> None:
    text = (
        "date 2028-01-11\nАтака\nЭтой ночью Кинешма подверглась атаке. Обломки сбитого беспилотника"
        " упали на склад, ранен сторож."
    )
    assert [(p, s) for p, _, s, _, _ in _event_places(text)] == [("Kineshma", "Air/drone strike")]


def test_homes_damaged_by_shelling_are_the_shelling() -> None:
    text = (
        "date 2026-11-20\nShelling damages homes\nRussian shelling damaged homes in Bibrka on"
        " Thursday. No one was hurt."
    )
    assert [(p, s, f, i) for p, _, s, f, i in _event_places(text)] == [
        ("Bibrka", "Shelling/artillery/missile attack", 0, 0)
    ]


def test_villagers_who_were_killed_are_no_mob() -> None:
    # "villagers ... killed" is a mob's act; "villagers were killed" are its victims
    text = "date 2026-11-20\nAttack\nGunmen attacked Makeni overnight. Two villagers were killed."
    assert [(s, f) for _, _, s, f, _ in _event_places(text)] == [("Attack", 2)]
    assert classify_sentence("Two villagers were killed.", rules=get_rules(("en",))) == (
        "Violence against civilians",
        "Attack",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Des jeunes en colère ont incendié le commissariat de Makeni mardi.",
        "Jóvenes enfurecidos incendiaron la comisaría de Makeni el martes.",
    ],
)
def test_angry_youths_who_burnt_a_police_station_are_a_mob(text: str) -> None:
    assert [p[2] for p in _event_places("date 2028-05-10\n" + text)] == ["Mob violence"]


def test_men_counted_as_victims_are_civilians_not_attackers() -> None:
    text = "date 2028-05-10\nIn Furmanov, two men were injured on Tuesday."
    assert _event_places(text) == [("Furmanov", "2028-05-09", "Attack", 0, 2)]
    # armed men are the attackers
    text = "date 2028-05-10\nArmed men attacked Furmanov on Tuesday, killing a soldier."
    assert [p[2] for p in _event_places(text)] == ["Armed clash"]


def test_a_toll_before_a_comma_and_a_conjunction_is_not_the_next_clause_s_town() -> None:
    text = (
        "date 2028-05-10\nÀ Makeni, des inconnus armés ont abattu quatre villageois mardi, et à "
        "Kenema un bus a sauté sur une mine, tuant sept passagers."
    )
    assert [(p[0], p[3]) for p in _event_places(text)] == [("Makeni", 4), ("Kenema", 7)]


def test_a_river_named_only_as_where_goes_on_about_the_incident() -> None:
    # the strike's day, told in the next sentence that names only the river by the market
    text = (
        "date 2028-04-20\nTwenty people are now known to have died after warplanes struck a "
        "livestock market in Jarabulus.\n\nThe jets hit the market beside the Euphrates river on "
        "Thursday, April 13."
    )
    assert _told(text) == [("Jarābulus", "2028-04-13", "Air/drone strike", 20, None)]


@pytest.mark.parametrize(
    ("text", "place", "deaths"),
    [
        (
            "date 2024-08-21\nA car bomb killed one person in Makeni. A similar blast there last "
            "month killed six.",
            "Makeni",
            1,
        ),
        (
            "date 2024-04-29\nDes miliciens ont tué quinze villageois à Kenema. Un massacre en "
            "février avait fait 40 morts.",
            "Kenema",
            15,
        ),
        (
            "date 2024-08-21\nВ Кинешме при обстреле погиб один человек. В прошлом месяце при "
            "обстреле города погибли шесть человек.",
            "Kineshma",
            1,
        ),
    ],
)
def test_a_toll_of_an_earlier_month_is_not_the_incidents(
    text: str, place: str, deaths: int
) -> None:
    ((location, _, _, fatalities, _),) = _told(text)
    assert (location, fatalities) == (place, deaths)


@pytest.mark.parametrize(("first", "deaths"), [(11, 11), (9, 11)])
def test_a_toll_that_rose_in_the_same_sentence_is_told_once(first: int, deaths: int) -> None:
    text = f"date 2024-04-08\nAirstrike kills {first} in Makeni: toll rises to 11."
    ((_, _, subtype, fatalities, _),) = _told(text)
    assert (subtype, fatalities) == ("Air/drone strike", deaths)


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        (
            "date 2024-02-12\nGunmen killed 12 people in Makeni and five in Kenema.",
            {"Makeni": 12, "Kenema": 5},
        ),
        (
            "date 2024-02-12\nCinco personas murieron en Makeni, dos en Kenema durante los "
            "combates.",
            {"Makeni": 5, "Kenema": 2},
        ),
        (
            "date 2024-08-27\nРакетна атака: у Бібрці загинула одна людина, у Радехові — ще одна.",
            {"Bibrka": 1, "Radekhiv": 1},
        ),
    ],
)
def test_a_toll_elided_after_another_is_its_own_places(text: str, deaths: dict[str, int]) -> None:
    assert {place: fatalities for place, _, _, fatalities, _ in _told(text)} == deaths


def test_a_toll_with_no_noun_at_the_next_town_is_the_strikes_wave() -> None:
    text = (
        "date 2024-05-17\nВ Кинешме при обстреле погибли 2 человека, ещё 2 ранены. "
        "В Фурманове ранены 4."
    )
    assert _told(text) == [
        ("Kineshma", "2024-05-17", "Shelling/artillery/missile attack", 2, 2),
        ("Furmanov", "2024-05-17", "Shelling/artillery/missile attack", 0, 4),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-04-15\nAttack on an army post in Makeni: 20 soldiers killed. The attack took "
        "place the day before.",
        "date 2024-04-15\nAssaut contre une caserne à Kenema : 20 soldats tués. "
        "L'attaque s'est produite la veille.",
    ],
)
def test_the_day_before_in_a_next_sentence_dates_the_incident(text: str) -> None:
    ((_, day, _, fatalities, _),) = _told(text)
    assert (day, fatalities) == ("2024-04-14", 20)


def test_police_who_say_what_happened_are_the_source() -> None:
    text = (
        "date 2024-09-30\nColombian police say an ELN assault on an army outpost near "
        "Paz de Ariporo killed two soldiers."
    )
    rows = _incidents(text)
    assert [(r["location"], r["actor1"], r["actor2"], r["fatalities"]) for r in rows] == [
        ("Paz de Ariporo", "ELN", "Military Forces of Colombia", 2)
    ]


def test_a_groups_forces_are_the_group_not_the_state_of_the_place() -> None:
    text = "date 2025-01-26\nHouthi forces launched a missile toward Ashdod on Sunday."
    rows = _incidents(text)
    assert [(r["location"], r["actor1"]) for r in rows] == [("Ashdod", "Houthis")]


@pytest.mark.parametrize(
    "text",
    [
        # a count its casualty word follows counts no one named after it: the gunmen acted
        "date 2026-05-12\nEight traders were killed and three hurt as gunmen in two pickups "
        "raided the market of Tauramena on Monday, officials said.",
        # unidentified armed men who opened fire a few words after their name, in the next
        # sentence, are the perpetrators of the attack told before
        "date 2026-05-12\nNueve jornaleros murieron el martes en un ataque a una finca de "
        "Tauramena. Según el alcalde, una banda de hombres armados venidos en camionetas abrió "
        "fuego contra los trabajadores.",
    ],
)
def test_unidentified_men_who_acted_are_the_perpetrators(text: str) -> None:
    # invented texts; a town no evaluation text names
    rows = _incidents(text)
    assert [(r["location"], r["actor1"], r["actor2"]) for r in rows] == [
        ("Tauramena", "Unidentified Armed Group", "Civilians")
    ]


@pytest.mark.parametrize(
    ("text", "sub_event", "fatalities"),
    [
        # villagers carried off and others killed: an attack, not villagers who killed
        (
            "date 2026-05-12\nGunmen abducted 15 villagers and killed three others in "
            "Tauramena on Monday.",
            "Attack",
            3,
        ),
        ("date 2026-05-12\nGunmen abducted 15 villagers in Tauramena on Monday.", None, None),
    ],
)
def test_people_killed_beside_others_abducted_is_an_attack(
    text: str, sub_event: str | None, fatalities: int | None
) -> None:
    # invented texts; a town no evaluation text names
    (row,) = _incidents(text)
    assert row["location"] == "Tauramena"
    assert row["sub_event_type"] == (sub_event or "Abduction/forced disappearance")
    assert row["fatalities"] == fatalities or (fatalities is None and row["fatalities"] is None)
    assert (row["actor1"], row["actor2"]) == ("Unidentified Armed Group", "Civilians")


def test_the_side_that_arrests_is_a_states_forces() -> None:
    # invented text (a town no evaluation text names): the police arrested suspected members
    # of a group; the group is not who arrested them
    text = (
        "date 2028-11-14\nقالت مديرية شرطة واسط إن دورية من الشرطة ألقت القبض مساء الأحد على "
        "ثلاثة متهمين بالارتباط بتنظيم داعش في مدينة الكوت."
    )
    (row,) = _incidents(text)
    assert (row["sub_event_type"], row["actor1"], row["actor2"]) == (
        "Arrests",
        "Police Forces of Iraq",
        "Civilians",
    )


def _second_actors(text: str) -> dict[str, str | None]:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    return {
        r["location"]: r["actor2"]
        for r in event_rows(make_document(text))
        if r["event_type"] != "Mention"
    }


@pytest.mark.parametrize(
    ("sentence", "actor2"),
    [
        # the count is the soldiers' noun itself (dual, singular): they are the side attacked
        (
            "قتل جنديان بانفجار عبوة ناسفة قرب مدينة عين التمر مساء الاثنين.",
            "Military Forces of Iraq",
        ),
        (
            "قتل جندي وأصيب اثنان بانفجار عبوة ناسفة قرب مدينة عين التمر مساء الاثنين.",
            "Military Forces of Iraq",
        ),
        # (their force named right after them is theirs: the named force, not the country's)
        (
            "قتل جنديان من المجلس الانتقالي الجنوبي بانفجار لغم قرب جيشان.",
            "Southern Transitional Council",
        ),
    ],
)
def test_soldiers_counted_by_their_own_noun_are_the_side_attacked_in_arabic(
    sentence: str, actor2: str
) -> None:
    assert list(_second_actors("date 2027-04-20\n" + sentence).values()) == [actor2]


def test_soldiers_counted_for_one_incident_are_not_the_victims_of_the_next() -> None:
    # one headline, two incidents at two places: the soldiers are the mine's victims, the
    # farmers the abduction's
    text = "date 2027-04-20\nمقتل جنديين بلغم قرب جيشان واختطاف أربعة مزارعين في سرار\n"
    assert _second_actors(text) == {"Jayshān": "Military Forces of Yemen", "Sirār": "Civilians"}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted four farmers in Takaba on Monday, and a landmine exploded near Banissa.",
        "Quatre paysans ont été enlevés lundi à Takaba par des hommes armés, et une mine a "
        "explosé près de Banissa.",
        "Hombres armados raptaron el lunes a cuatro agricultores en Takaba, y un artefacto "
        "explosivo estalló cerca de Banissa.",
    ],
)
def test_each_clause_of_a_sentence_tells_its_own_place_incident(text: str) -> None:
    # a place after "near" in the next clause is no reference point of the town before it,
    # and the mine of that clause is not what happened at that town
    got = sorted((p, t) for p, _, t, *_ in _event_places("date 2027-04-20\n" + text))
    assert got == [
        ("Banissa", "Remote explosive/landmine/IED"),
        ("Takaba", "Abduction/forced disappearance"),
    ]


def test_the_soldiers_of_another_clause_are_not_the_victims_of_its_abduction() -> None:
    text = (
        "date 2027-04-20\nGunmen abducted four farmers in Takaba on Monday, and two soldiers "
        "were killed by a landmine near Banissa."
    )
    assert _second_actors(text) == {"Takaba": "Civilians", "Banissa": "Military Forces of Kenya"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Una mina explotó cerca de Banissa el lunes y mató a dos soldados.",
            [("Banissa", "Remote explosive/landmine/IED")],
        ),
        (
            "El lunes estalló una mina junto a un camión militar cerca de Banissa.",
            [("Banissa", "Remote explosive/landmine/IED")],
        ),
        # (a mine of a mineral: an explosion there is an accident)
        ("Una explosión en una mina de carbón cerca de Banissa mató a dos mineros.", []),
    ],
)
def test_a_mine_that_went_off_is_an_explosive_in_spanish(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    got = [(p, t) for p, _, t, *_ in _event_places("date 2027-04-20\n" + sentence)]
    assert got == expected


def test_the_side_named_in_another_incidents_clause_did_not_strike_this_one() -> None:
    text = (
        "date 2027-04-20\nA drone strike killed three people in Eldas on Sunday, while police "
        "arrested five suspects in Habaswein."
    )
    assert _actors_by_place(text)["Eldas"] is None


@pytest.mark.parametrize(
    ("blame", "actor1"),
    [
        ("La policía culpó del asalto a la banda Viv Ansanm.", "Viv Ansanm"),
        ('La policía culpó del asalto a "integrantes de Viv Ansanm".', "Viv Ansanm"),
        ("Officials blamed fighters of al-Shabaab.", "Al Shabaab"),
        ('Officials blamed "fighters of al-Shabaab".', "Al Shabaab"),
    ],
)
def test_a_group_blamed_through_its_band_or_in_quotes_did_it(blame: str, actor1: str) -> None:
    lead = (
        "Dos agentes perdieron la vida el martes en un ataque armado cerca de Takaba. "
        if blame.startswith("La ")
        else "Gunfire from a passing car killed two police officers near Takaba on Tuesday. "
    )
    assert _actors_by_place("date 2026-04-15\n" + lead + blame) == {"Takaba": actor1}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "Two youths were detained in Kineshma on Monday over an arson attack on a railway "
            "relay cabinet.",
            ("Police Forces of Russia", "Civilians"),
        ),
        (
            "В Кинешме в понедельник задержали двух мужчин, подозреваемых в поджоге релейного "
            "шкафа.",
            ("Police Forces of Russia", "Civilians"),
        ),
        (
            "Deux jeunes ont été interpellés lundi à Takaba, soupçonnés de complicité avec des "
            "insurgés.",
            ("Police Forces of Kenya", "Civilians"),
        ),
    ],
)
def test_an_arrest_by_no_named_force_is_the_polices(text: str, actors: tuple[str, str]) -> None:
    from geo.events.engine import event_rows
    from geo.io.documents import make_document

    rows = [
        (r["sub_event_type"], r["actor1"], r["actor2"])
        for r in event_rows(make_document("date 2027-04-20\n" + text))
        if r["event_type"] != "Mention"
    ]
    assert rows == [("Arrests", *actors)]


def test_two_persons_counted_by_a_dual_noun_are_civilians_in_arabic() -> None:
    # the gunmen after the dual are who shot, not the ones counted
    text = "date 2027-04-20\nقتل شخصان برصاص مسلحين قرب سرار ليل الأحد."
    assert _second_actors(text) == {"Sirār": "Civilians"}


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("Seven dead among the soldiers after an ambush near Takaba on Monday.", "Kenya"),
        (
            "Une embuscade tendue lundi près de Takaba a fait sept tués parmi les militaires.",
            "Kenya",
        ),
        ("Una emboscada cerca de Takaba dejó el lunes siete muertos entre los soldados.", "Kenya"),
        ("أسفر كمين قرب جيشان يوم الاثنين عن سقوط سبعة قتلى في صفوف الجيش.", "Yemen"),
    ],
)
def test_the_forces_the_dead_are_counted_among_were_attacked(text: str, actor2: str) -> None:
    assert list(_second_actors("date 2027-04-20\n" + text).values()) == [
        f"Military Forces of {actor2}"
    ]
