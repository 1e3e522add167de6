"""Tests of geo.events: event types, dates, tolls, ACLED/UCDP tables, writers, CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import geo
from geo.cli import main as geo_main
from geo.events import (
    classify_sentence,
    count_casualties,
    extract_events,
    find_dates,
    parse_number,
)
from geo.io.documents import InputWarning, Problem, read_documents
from geo.schema import ACLED_COLUMNS, EVENT_COLUMNS

REPO = Path(__file__).resolve().parent.parent
SHARED_ARTICLE = REPO.parent / "shared" / "corpus" / "karabakh-2020-10-02.fr.txt"
SAMPLES = REPO / "data" / "samples"
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


# --------------------------------------------------------------------------- event types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Martouni a été touchée jeudi par des tirs de roquettes.", SHELLING),
        ("Stepanakert was shelled overnight.", SHELLING),
        ("Ganja a été frappée par des missiles.", SHELLING),
        (
            "Une frappe de drone a détruit un camion près de Tartar.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        ("Russian warplanes bombed Idlib.", ("Explosions/Remote violence", "Air/drone strike")),
        (
            "Un engin explosif improvisé a tué deux soldats.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "A suicide bomber blew himself up at a checkpoint.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        ("De violents combats se poursuivent autour de Hadrout.", ("Battles", "Armed clash")),
        ("Clashes erupted near Horadiz.", ("Battles", "Armed clash")),
        ("L'armée a repris le contrôle de Hadrout.", ("Battles", "Government regains territory")),
        ("Des hommes armés ont massacré des villageois.", ("Violence against civilians", "Attack")),
        (
            "Gunmen abducted 12 students.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("Des milliers de manifestants ont défilé à Erevan.", ("Protests", "Peaceful protest")),
        ("Des émeutes ont éclaté.", ("Riots", "Violent demonstration")),
        (
            "Des combattants syriens auraient été déployés.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "Un cessez-le-feu humanitaire a été conclu à Moscou.",
            ("Strategic developments", "Agreement"),
        ),
        (
            "Air defences intercepted two missiles.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "Sappers defused a roadside bomb.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        # a missile, rocket or bomb fired from a drone or an aircraft: a strike from the air
        (
            "An armed drone fired a missile at a pickup truck.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Un drone a tiré un missile sur une camionnette.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Un dron disparó un misil contra una camioneta.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Une bombe aérienne guidée est tombée sur un hangar.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        # forces that engaged armed men fought them (not "engaged in talks")
        ("Troops engaged a band of gunmen near the river.", ("Battles", "Armed clash")),
        # a road blocked, the means and the road's name between the verb and the road
        (
            "Cientos de campesinos bloquearon con troncos y neumáticos la ruta 5 para exigir agua.",
            ("Protests", "Peaceful protest"),
        ),
        # the forces and the time between the verb of stopping and the drones
        (
            "تصدت الدفاعات الأرضية للجيش فجر اليوم لمسيرات معادية فوق المدينة.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
    ],
)
def test_classify_sentence(sentence: str, expected: tuple[str, str]) -> None:
    assert classify_sentence(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Erevan a accueilli une conférence.",
        "Les appels au cessez-le-feu n'ont pas donné de résultats.",
        "The president visited Baku.",
        "The governor said he was engaged in talks with the bandits.",
    ],
)
def test_no_incident(sentence: str) -> None:
    assert classify_sentence(sentence) is None


# --------------------------------------------------------------------------- numbers and tolls


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11", 11),
        ("1 280", 1280),
        ("2\u202f700", 2700),
        ("1,280", 1280),
        ("Quatre", 4),
        ("onze", 11),
        ("dix-sept", 17),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("deux cents", 200),
        ("trois mille", 3000),
        ("twenty-one", 21),
        ("one hundred and five", 105),
        ("des dizaines", 12),
        ("dozens", 12),
        ("hundreds", 100),
        ("several", 10),
        ("soldats", None),
        ("une dizaine", 10),
        ("une trentaine", 30),
        ("deux centaines", 200),
        ("un millier", 1000),
        ("a", 1),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@given(st.text(max_size=40))
def test_parse_number_never_crashes(text: str) -> None:
    value = parse_number(text)
    assert value is None or value >= 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Quatre civils ont été tués par ces tirs, selon les séparatistes, et 11 personnes "
            "blessées, dont au moins deux journalistes français.",
            [("fatalities", 4), ("injured", 11)],
        ),
        (
            "L'Arménie a annoncé que 104 soldats et 13 civils ont été tués.",
            [("fatalities", 104), ("fatalities", 13)],
        ),
        ("1 280 soldats ont été tués et 2 700 blessés.", [("fatalities", 1280), ("injured", 2700)]),
        ("Bakou a annoncé la mort de 19 civils.", [("fatalities", 19)]),
        (
            "A strike killed at least 12 people and wounded dozens more.",
            [("fatalities", 12), ("injured", 12)],
        ),
        ("Ten civilians were killed and 34 were wounded.", [("fatalities", 10), ("injured", 34)]),
        ("Un civil a été tué.", [("fatalities", 1)]),
        ("Une équipe de l'AFP qui n'a pas été blessée.", []),
        ("Un bombardement a tué trois enfants.", [("fatalities", 3)]),
        ("La ville, à 25 kilomètres du front, a été touchée le 1er octobre.", []),
        ("Depuis 2020, aucun mort.", []),
    ],
)
def test_count_casualties(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.count) for c in count_casualties(sentence)] == expected


@given(st.text(max_size=200))
def test_count_casualties_never_crashes(text: str) -> None:
    for c in count_casualties(text):
        assert c.count > 0 and 0 <= c.start < c.end <= len(text)


# --------------------------------------------------------------------------- dates


def test_weekday_and_day_month_resolution() -> None:
    friday = dt.date(2020, 10, 2)
    assert [f.date for f in find_dates("touchée jeudi par des tirs", reference=friday)] == [
        dt.date(2020, 10, 1)
    ]
    assert [f.date for f in find_dates("jeudi 1er octobre", reference=friday)] == [
        dt.date(2020, 10, 1)
    ]
    assert [
        f.date for f in find_dates("on Sunday, 8 November", reference=dt.date(2020, 11, 9))
    ] == [dt.date(2020, 11, 8)]
    assert [f.date for f in find_dates("on November 8", reference=dt.date(2020, 11, 9))] == [
        dt.date(2020, 11, 8)
    ]
    # a late-December date read in January belongs to the previous year
    assert [f.date for f in find_dates("le 28 décembre", reference=dt.date(2021, 1, 3))] == [
        dt.date(2020, 12, 28)
    ]
    assert [f.date for f in find_dates("hier soir", reference=friday)] == [dt.date(2020, 10, 1)]
    assert [f.date for f in find_dates("yesterday", reference=friday)] == [dt.date(2020, 10, 1)]
    assert find_dates("Depuis dimanche, les combats continuent", reference=friday) == []
    assert [f.date for f in find_dates("le 4 octobre 2020", reference=None)] == [
        dt.date(2020, 10, 4)
    ]
    assert [f.date for f in find_dates("jeudi", reference=None)] == [None]


@given(st.text(max_size=80), st.dates())
def test_find_dates_never_crashes(text: str, ref: dt.date) -> None:
    for f in find_dates(text, reference=ref):
        assert 0 <= f.start < f.end <= len(text)


# --------------------------------------------------------------------------- events from text


@pytest.fixture(scope="module")
def shared_events() -> gpd.GeoDataFrame:
    if not SHARED_ARTICLE.is_file():
        pytest.skip(f"shared article {SHARED_ARTICLE} is absent (it is not part of the repo)")
    return extract_events(read_documents(SHARED_ARTICLE))


def test_martouni_rocket_fire_event(shared_events: gpd.GeoDataFrame) -> None:
    rows = shared_events[shared_events["mention"] == "Martouni"]
    assert len(rows) == 1
    ev = rows.iloc[0]
    assert ev["event_date"] == pd.Timestamp("2020-10-01")
    assert ev["time_precision"] == 1
    assert (ev["event_type"], ev["sub_event_type"]) == SHELLING
    assert (ev["fatalities"], ev["injured"]) == (4, 11)
    assert ev["gazetteer_id"] == "gn:146969"
    assert (ev["country"], ev["country_code"], ev["language"]) == ("Azerbaijan", "AZ", "fr")
    assert "Quatre civils ont été tués" in ev["notes"]
    text = SHARED_ARTICLE.read_text(encoding="utf-8")
    assert text[ev["char_start"] : ev["char_end"]] == "Martouni"


def test_shared_article_event_table(shared_events: gpd.GeoDataFrame) -> None:
    assert list(shared_events.columns) == [*EVENT_COLUMNS, "geometry"]
    assert shared_events.crs.to_epsg() == 4326
    assert shared_events["event_id"].is_unique
    agdam = shared_events[shared_events["mention"] == "Agdam"].iloc[0]
    assert (agdam["event_type"], agdam["event_date"]) == (SHELLING[0], pd.Timestamp("2020-10-01"))
    # sentences without an incident are kept as mentions
    assert (shared_events["event_type"] == "Mention").sum() >= 15
    # Bakou and Erevan "indiquant que les affrontements se poursuivent" speak; no clash there
    speakers = shared_events[shared_events["char_start"].isin([3076, 3085])]
    assert set(speakers["event_type"]) == {"Mention"}


def test_sample_articles() -> None:
    events = extract_events(read_documents(SAMPLES))
    incidents = events[events["event_type"] != "Mention"]
    ganja = incidents[(incidents["location"] == "Ganja") & (incidents["fatalities"] > 0)]
    by_date = {str(r.event_date.date()): (r.fatalities, r.injured) for r in ganja.itertuples()}
    assert by_date == {"2020-10-04": (1, 30), "2020-10-11": (10, 34)}
    martouni = incidents[incidents["mention"] == "Martouni"].iloc[0]
    assert (martouni["fatalities"], martouni["injured"]) == (4, 11)
    hadrut = incidents[incidents["location"] == "Hadrut"].iloc[0]
    assert hadrut["sub_event_type"] == "Government regains territory"
    shusha = incidents[incidents["location"] == "Shusha"].iloc[0]
    assert (shusha["event_date"], shusha["injured"]) == (pd.Timestamp("2020-10-08"), 2)
    tartar = incidents[incidents["location"] == "Tartar"]
    assert pd.Timestamp("2020-10-10") in set(tartar["event_date"])
    assert {"Khankendi", "Horadiz"} <= set(incidents["location"])


def test_extract_events_from_text_and_api_export() -> None:
    ev = geo.extract_events("date 2020-10-11\nUn missile a frappé Ganja, tuant dix civils.")
    assert ev[["location", "fatalities", "event_date"]].values.tolist() == [
        ["Ganja", 10, pd.Timestamp("2020-10-11")]
    ]
    assert len(geo.extract_events("")) == 0


# --------------------------------------------------------------------------- command line


def test_cli_parse_and_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mentions.geojson"
    assert geo_main(["parse", str(SAMPLES), "-o", str(out), "--no-progress"]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    props = features[0]["properties"]
    assert list(props) == [
        "doc_id",
        "mention",
        "char_start",
        "char_end",
        "name",
        "kind",
        "country_code",
        "gazetteer_id",
        "latitude",
        "longitude",
        "score",
        "lang",
        "why",
    ]
    for f in features:
        p = f["properties"]
        text = Path(p["doc_id"]).read_text(encoding="utf-8")
        assert text[p["char_start"] : p["char_end"]] == p["mention"]
    acled = tmp_path / "acled.csv"
    assert geo_main(["events", str(SAMPLES), "-o", str(acled), "--format", "acled"]) == 0
    assert list(pd.read_csv(acled).columns) == list(ACLED_COLUMNS)


def test_cli_bad_inputs_do_not_stop_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Tirs sur Bakou à l'aube.".encode("cp1252"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "rows.jsonl").write_text('{"text": "Ganja."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    status = geo_main(["parse", str(tmp_path), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert "empty.txt: empty file" in err
    assert "bin.txt: binary file" in err
    assert "rows.jsonl, row 2: malformed JSON" in err
    assert "latin.txt: invalid UTF-8" in err and "warning" in err
    assert set(pd.read_csv(out)["mention"]) == {"Bakou", "Ganja"}


def test_cli_stdin_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo.cli", "parse", "-", "-o", "-"],
        input="date 2020-10-04\nRockets hit Ganja.",
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr
    features = json.loads(proc.stdout)["features"]
    assert [f["properties"]["mention"] for f in features] == ["Ganja"]
    assert features[0]["properties"]["doc_id"] == "<stdin>"


# --------------------------------------------------------------------------- held-out set 5


def _count(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[call-overload]


def _incidents(text: str) -> list[tuple[str, str, str, int | None, int | None]]:
    """Incidents as (mention, date, sub-type, fatalities, injured); None: no figure given."""
    ev = extract_events(text)
    ev = ev[ev["event_type"] != "Mention"]
    return [
        (
            r.mention,
            str(r.event_date.date()),
            r.sub_event_type,
            _count(r.fatalities),
            _count(r.injured),
        )
        for r in ev.itertuples()
    ]


def test_dateline_is_where_the_story_was_filed() -> None:
    text = (
        "date 2023-08-15\nADDIS-ABEBA (AFP) - Au moins 26 personnes ont été tuées et 55 "
        "blessées dimanche par une frappe aérienne dans la ville de Finote Selam, dans le "
        "nord-ouest de l'Éthiopie."
    )
    assert _incidents(text) == [("Finote Selam", "2023-08-13", "Air/drone strike", 26, 55)]
    alone = "date 2022-10-10\nKYIV (Reuters) - Russian missiles struck the capital on Monday."
    assert _incidents(alone) == [("KYIV", "2022-10-10", SHELLING[1], None, None)]


def test_words_for_an_attack_or_killings_need_a_date_or_a_toll() -> None:
    text = (
        "date 2025-01-20\nFive soldiers were killed on Sunday when rebels attacked a patrol "
        "near Tibu, Colombia. Fighters attacked villagers near Cucuta on Thursday. The attacks "
        "have forced thousands to flee to Ocana. Ten people died in a bus crash near Tibu on "
        "Saturday. A Britain-based monitor said 54 people had been killed."
    )
    assert _incidents(text) == [
        ("Tibu", "2025-01-19", "Armed clash", 5, None),
        ("Cucuta", "2025-01-16", "Attack", None, None),
    ]
    assert classify_sentence("Trois civils ont été tués à Mamfe.") == (
        "Violence against civilians",
        "Attack",
    )


def test_country_across_the_border_and_toll_of_a_town() -> None:
    text = (
        "date 2024-03-21\nVingt-trois soldats ont été tués mercredi dans une embuscade près de "
        "Téra, près de la frontière avec le Mali."
    )
    assert _incidents(text) == [("Téra", "2024-03-20", "Armed clash", 23, None)]


def test_subject_after_the_verb_is_no_actor() -> None:
    text = (
        "date 2021-03-29\nDes dizaines de civils ont été tués dans l'attaque lancée mercredi par "
        "des jihadistes contre la ville de Palma, dans le nord-est du Mozambique, ont annoncé "
        "dimanche les autorités."
    )
    # "des dizaines": a vague toll, recorded as none (config.EVENTS_VAGUE_TOLLS)
    assert _incidents(text) == [("Palma", "2021-03-24", "Attack", None, None)]


def test_a_vague_toll_is_recorded_as_acleds_count_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from geo import config

    monkeypatch.setattr(config, "EVENTS_VAGUE_TOLLS", True)
    text = "date 2021-03-29\nDes dizaines de civils ont été tués mercredi à Palma."
    assert _incidents(text) == [("Palma", "2021-03-24", "Attack", 12, None)]


def test_one_sentence_two_dates_two_incidents() -> None:
    text = (
        "date 2023-01-31\nEarlier this month, a police officer was killed in an attack on a "
        "checkpoint in Bannu, and in December fighters seized a centre in Bannu before "
        "commandos killed 33 of them."
    )
    # incidents dated only to a month are background, not news: kept as mentions
    assert _incidents(text) == []
    ev = extract_events(text)
    assert set(ev["event_type"]) == {"Mention"} and set(ev["location"]) == {"Bannu"}


def test_months_last_weekdays_and_last_year() -> None:
    tuesday = dt.date(2023, 8, 15)
    found = find_dates("Fin août 2022, des combats; en mai, des heurts", reference=tuesday)
    assert [(f.date, f.precision) for f in found] == [
        (dt.date(2022, 8, 1), 3),
        (dt.date(2023, 5, 1), 3),
    ]
    assert [f.date for f in find_dates("In December", reference=tuesday)] == [dt.date(2022, 12, 1)]
    assert [f.date for f in find_dates("earlier this month", reference=tuesday)] == [
        dt.date(2023, 8, 1)
    ]
    assert [f.date for f in find_dates("le mois dernier", reference=tuesday)] == [
        dt.date(2023, 7, 1)
    ]
    assert find_dates("the army may attack; depuis mars", reference=tuesday) == []
    assert [f.date for f in find_dates("des tirs mardi dernier", reference=tuesday)] == [
        dt.date(2023, 8, 8)
    ]
    assert [f.date for f in find_dates("last Tuesday", reference=tuesday)] == [dt.date(2023, 8, 8)]
    assert find_dates("lundi prochain et next Monday", reference=tuesday) == []
    assert [f.date for f in find_dates("on 7 October last year", reference=tuesday)] == [
        dt.date(2022, 10, 7)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Une trentaine de soldats ont été blessés.", [("injured", 30)]),
        (
            "Au moins vingt personnes, dont des femmes et des enfants, ont été tuées.",
            [("fatalities", 20)],
        ),
        ("A police officer was killed at a checkpoint.", [("fatalities", 1)]),
        ("Un policier a été tué et un autre blessé.", [("fatalities", 1), ("injured", 1)]),
        ("The death toll from the bombing has risen to 100, officials say.", [("fatalities", 100)]),
    ],
)
def test_more_ways_to_count(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.count) for c in count_casualties(sentence)] == expected


def test_running_total_is_judged_by_clause() -> None:
    text = (
        "date 2022-10-30\nAt least 100 people were killed when two car bombs exploded in "
        "Mogadishu on Saturday, the deadliest attack since a truck bomb killed 500 people."
    )
    assert _incidents(text) == [
        ("Mogadishu", "2022-10-29", "Remote explosive/landmine/IED", 100, None)
    ]
    total = "date 2023-11-08\nDepuis 2017, les combats ont fait 6 000 morts à Bamenda."
    # a sentence opening with a frame of background ("Depuis 2017, ...") is no incident
    assert _incidents(total) == []


def test_an_article_dated_year_1_or_9999_is_read_without_the_date(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-good.txt").write_text(
        "date 2020-10-04\nDes roquettes ont frappé Ganja.", encoding="utf-8"
    )
    (folder / "b-old.txt").write_text(
        "date 0001-01-01\nDes roquettes ont frappé Barda.", encoding="utf-8"
    )
    (folder / "c-far.txt").write_text(
        "date 9999-12-31\nDes roquettes ont frappé la ville de Tartar, en Azerbaïdjan, "
        "le 3 janvier 9999.",
        encoding="utf-8",
    )
    (folder / "d-text.txt").write_text(
        "date 2020-10-04\nLe 3 janvier 9999, des roquettes ont frappé la ville de Terter, "
        "en Azerbaïdjan: "
        "100000000000000000000000 civils ont été tués.",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        events = geo.events.extract_events_from_inputs(folder, problems=problems)
    sources = [Path(source).name for source in events["source"]]
    by_file = dict(zip(sources, events["event_date"], strict=True))
    assert set(by_file) == {"a-good.txt", "b-old.txt", "c-far.txt", "d-text.txt"}
    assert str(by_file["a-good.txt"].date()) == str(by_file["d-text.txt"].date()) == "2020-10-04"
    assert pd.isna(by_file["b-old.txt"]) and pd.isna(by_file["c-far.txt"])
    assert events["fatalities"].fillna(0).max() < 10**10
    assert [(Path(p.source).name, p.level) for p in problems] == [
        ("b-old.txt", "warning"),
        ("c-far.txt", "warning"),
    ]
    assert "date header '0001-01-01' is outside the dates geo handles" in problems[0].message
    assert "'9999-12-31'" in problems[1].message
    # with a default date, that one is used
    problems = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        dated = geo.events.extract_events_from_inputs(
            folder / "b-old.txt", problems=problems, date="2020-10-01"
        )
    assert [str(d.date()) for d in dated["event_date"]] == ["2020-10-01"]


def test_a_sentence_opening_on_since_tells_a_period_not_an_incident() -> None:
    period = (
        "date 2024-06-20\nSince the start of the war in the north on 3 May 2021, the rebels "
        "have shelled Kidal and its villages dozens of times."
    )
    assert _incidents(period) == []
    dated = (
        "date 2024-06-20\nSince the start of the war in the north on 3 May 2021, the rebels "
        "have shelled Kidal many times. On Tuesday, a shell killed three people in Kidal."
    )
    assert [(m, d) for m, d, *_ in _incidents(dated)] == [("Kidal", "2024-06-18")]


def test_a_toll_told_four_sentences_after_its_incident() -> None:
    text = (
        "date 2024-06-20\nA car bomb exploded in Kismayo on Tuesday. The blast went off near a "
        "hotel. Police cordoned off the area. Ambulances rushed to the scene. Officials said "
        "12 people were killed."
    )
    assert _incidents(text) == [
        ("Kismayo", "2024-06-18", "Remote explosive/landmine/IED", 12, None)
    ]


def test_the_cue_before_a_shift_in_time_is_another_incidents() -> None:
    text = (
        "date 2024-06-20\nThe bombing came two days after rebels attacked an army base in "
        "Damasak on Monday, killing four soldiers."
    )
    assert _incidents(text) == [("Damasak", "2024-06-17", "Armed clash", 4, None)]


def test_property_destroyed_with_people_hurt_is_an_attack() -> None:
    hurt = "date 2024-06-20\nGunmen torched houses in Bokkos on Tuesday, killing three villagers."
    assert _incidents(hurt) == [("Bokkos", "2024-06-18", "Attack", 3, None)]
    unhurt = "date 2024-06-20\nGunmen torched houses in Bokkos on Tuesday."
    assert [s for _, _, s, *_ in _incidents(unhurt)] == ["Looting/property destruction"]


def test_a_claim_names_the_attacker_of_a_clash_with_the_army() -> None:
    text = (
        "date 2024-06-20\nGunmen attacked an army base in Damasak on Monday, sparking hours of "
        "fighting with soldiers. The attack was claimed by ISWAP."
    )
    ev = extract_events(text)
    ev = ev[ev["event_type"] != "Mention"]
    assert list(ev["sub_event_type"]) == ["Armed clash"]
    assert list(ev["actor1"]) == ["Islamic State West Africa Province"]
    assert list(ev["actor2"]) == ["Military Forces of Nigeria"]


def test_a_protest_that_turns_into_a_riot_keeps_the_lead_date() -> None:
    text = (
        "date 2021-03-15\nOn 9 March 2021, hundreds of traders demonstrated against a new tax. "
        "The demonstrators stormed the town hall in Kandi and set fire to a car."
    )
    assert [(m, d, s) for m, d, s, *_ in _incidents(text)] == [
        ("Kandi", "2021-03-09", "Violent demonstration")
    ]
