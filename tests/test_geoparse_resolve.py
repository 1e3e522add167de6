"""Resolution of same-named places: the document's country and region focus, the candidates
the prior prunes, and regions named with a region noun (invented places and sentences)."""

from __future__ import annotations

import dataclasses
import math

import pytest

from geo import config
from geo.gazetteer import Place
from geo.geoparse.candidates import ANY_OF, Index, approx_km
from geo.geoparse.features import (
    Context,
    cooccurrence,
    cooccurrence_features,
    name_features,
    static_features,
)
from geo.geoparse.resolve import (
    Centre,
    _adrift,
    _capital_astray,
    _centre,
    _namesake_near,
    _off_centre,
    _second_round_context,
    country_contested,
    focus_candidates,
)
from geo.model import Candidate


def _town(pid: str, cc: str, admin1: str, lat: float, lon: float, population: int) -> Place:
    return Place(pid, "Testville", "city", lat, lon, cc, admin1, None, population, "test", True)


def _features(cs: list[Candidate], ctx: Context) -> list[dict[str, float]]:
    return name_features(
        cs,
        ctx=ctx,
        own={},
        sentences=(),
        region_cue_level=0,
        apposition=(),
        twins=[c.place for c in cs],
        foreign=False,
    )


BIG_ABROAD = Candidate(_town("t:fr", "FR", "11", 48.8, 2.3, 2_000_000), 7.3)
US_TX = Candidate(_town("t:tx", "US", "TX", 33.6, -95.5, 25_000), 5.4)
US_TN = Candidate(_town("t:tn", "US", "TN", 36.3, -88.3, 10_000), 5.0)


def test_off_focus_marks_namesakes_outside_the_countries_of_the_story() -> None:
    ctx = Context(focus={"US": 4.0}, focus_total=4.0)
    abroad, tx, tn = _features([BIG_ABROAD, US_TX, US_TN], ctx)
    assert tx["focus"] == 1.0 and tn["focus"] == 1.0
    assert abroad["off_focus"] == 1.0 and "focus" not in abroad
    assert "off_focus" not in tx


def test_admin1_focus_top_follows_the_region_of_the_story() -> None:
    ctx = Context(
        focus={"US": 3.0},
        focus_total=3.0,
        admin_focus={"US.TN": 2.0, "US.TX": 1.0},
        admin_total=3.0,
    )
    _, tx, tn = _features([BIG_ABROAD, US_TX, US_TN], ctx)
    assert tn["admin1_focus_top"] == 2.0 / 3.0
    assert tx["admin1_focus_top"] == 1.0 / 3.0


def test_no_off_focus_without_enough_other_places() -> None:
    ctx = Context(focus={"US": 1.0}, focus_total=1.0)
    assert config.GEOPARSE_FOCUS_MIN > 1.0
    abroad, _, _ = _features([BIG_ABROAD, US_TX, US_TN], ctx)
    assert "off_focus" not in abroad


def test_a_capital_named_as_its_country_has_no_distance_terms() -> None:
    # an invented country and its capital of the same name, and a town of that name abroad
    country = Candidate(
        Place("t:zz", "Testland", "country", 10.0, 10.0, "ZZ", None, None, 0, "test", True), 8.0
    )
    capital = Candidate(_town("t:zz-c", "ZZ", "01", 10.1, 10.1, 900_000), 6.0)
    abroad = Candidate(_town("t:yy-c", "YY", "01", 10.2, 10.2, 9_000), 4.0)
    cs = [country, capital, abroad]
    ctx = Context(focus={"ZZ": 3.0}, focus_total=3.0, points=[(10.15, 10.15, "t:zz-x")])
    _, fcap, fab = _features(cs, ctx)
    assert "proximity_mass" not in fcap and "proximity" not in fcap
    assert fab["proximity_mass"] > 0.0
    statics = [static_features(c, cs, frozenset({"t:zz-c"})) for c in cs]
    assert statics[1]["country_namesake"] == 1.0 and statics[1]["capital"] == 1.0
    assert "country_namesake" not in statics[0] and "country_namesake" not in statics[2]


def test_focus_candidates_bring_back_pruned_namesakes_of_the_focus() -> None:
    small_ky = Candidate(_town("t:ky", "US", "KY", 37.1, -84.1, 8_000), 4.9)
    small_ky2 = Candidate(_town("t:ky2", "US", "KY", 37.5, -85.1, 900), 3.9)
    small_gb = Candidate(_town("t:gb", "GB", "ENG", 51.0, -1.0, 5_000), 4.7)
    alternate = Place("t:alt", "Othertown", "city", 38.0, -84.0, "US", "KY", None, 9_000, "test")
    cs = [BIG_ABROAD, Candidate(alternate, 5.0, "alternate"), small_ky, small_ky2, small_gb]
    ctx = Context(focus={"US": 2.0}, focus_total=2.0, admin_focus={"US.KY": 2.0})
    assert focus_candidates(cs, cs[:1], ctx) == (small_ky,)
    assert focus_candidates(cs, cs, ctx) == ()
    assert focus_candidates(cs, cs[:1], Context()) == ()


def test_regions_with_noun_reach_counties_named_by_their_name_alone() -> None:
    index = Index.default()
    found = index.regions_with_noun("jefferson", ["county", "nosuchnoun"])
    assert found and all(c.place.kind == "region" for c in found)
    assert all(c.place.name.lower().startswith("jefferson") for c in found)
    assert {c.match for c in found} == {"variant"}
    assert index.regions_with_noun("qqqzzz", ["county"]) == ()


def _county(pid: str, cc: str, admin1: str, lat: float, lon: float) -> Candidate:
    region = Place(pid, "Test County", "region", lat, lon, cc, admin1, None, 0, "test", True)
    return Candidate(region, 3.0)


def test_a_county_of_a_state_the_text_names_is_admin1_named() -> None:
    def county(pid: str, admin1: str, feature: str) -> Candidate:
        region = dataclasses.replace(_county(pid, "US", admin1, 37.0, -84.0).place, feature=feature)
        return Candidate(region, 3.0)

    ky, al = county("c:ky", "KY", "admin2"), county("c:al", "AL", "admin2")
    ctx = Context(named_regions={"US.KY"})
    f_ky, f_al = _features([ky, al], ctx)
    assert f_ky["admin1_named"] == 1.0 and "admin1_named" not in f_al
    # not a first-level region itself (its own name is what the text names)
    (f_state,) = _features([county("s:ky", "KY", "admin1")], ctx)
    assert "admin1_named" not in f_state


def test_a_county_chosen_names_no_state_for_the_second_round() -> None:
    state = Place("s:ky", "Kentucky", "region", 37.5, -85.0, "US", "KY", None, 0, "test", True)
    state = dataclasses.replace(state, feature="admin1")
    county = dataclasses.replace(_county("c:al", "US", "AL", 34.7, -86.5).place, feature="admin2")
    chosen = {
        "kentucky": (Candidate(state, 6.0), 1.0, {}, 1.0),
        "test county": (Candidate(county, 3.0), 1.0, {}, 1.0),
    }
    ctx = _second_round_context(Context(), chosen, {"kentucky": {0}, "test county": {1}})
    assert ctx.named_regions == {"US.KY"}


def test_cooccurrence_favours_the_namesake_beside_the_other_names_candidates() -> None:
    # "Testville" beside "Test County": one county lies next to the Tennessee town, the other
    # in Georgia; a third name has candidates in Tennessee only
    county = (_county("c:tn", "US", "TN", 36.33, -88.32), _county("c:ga", "US", "GA", 33.4, -84.1))
    other = (Candidate(_town("o:tn", "US", "TN", 35.9, -86.8, 5_000), 4.0),)
    cands = {"testville": (BIG_ABROAD, US_TX, US_TN), "test county": county, "other": other}
    co = cooccurrence(cands)
    assert co.names == 3
    abroad, tx, tn = cooccurrence_features("testville", cands["testville"], co)
    assert abroad == {} and tx == {}
    # the Tennessee county lies ~4 km away and counts by exp(-km / GEOPARSE_COOCCUR_KM);
    # the other name's town, ~140 km away and two map cells east, does not count
    near = math.exp(-approx_km(36.3, -88.3, 36.33, -88.32) / config.GEOPARSE_COOCCUR_KM)
    assert abs(tn["cooccur"] - near / 2) < 1e-3
    assert 0.4 < tn["cooccur"] < 0.5
    assert tn["cooccur_admin1"] == 1.0  # both other names have a candidate in Tennessee
    # at the scale of a few counties (GEOPARSE_COOCCUR_WIDE_KM), the town ~140 km away
    # counts too, within the wider cells around the candidate
    wide = (
        math.exp(-approx_km(36.3, -88.3, 36.33, -88.32) / config.GEOPARSE_COOCCUR_WIDE_KM)
        + math.exp(-approx_km(36.3, -88.3, 35.9, -86.8) / config.GEOPARSE_COOCCUR_WIDE_KM)
    ) / 2
    assert abs(tn["cooccur_wide"] - wide) < 1e-3
    assert 0.5 < tn["cooccur_wide"] < 0.6
    ga = cooccurrence_features("test county", county, co)[1]
    assert "cooccur" not in ga and ga["cooccur_wide"] < 0.01  # ~370 km from the town


def test_a_town_and_a_county_of_its_state_around_it_are_a_county_pair() -> None:
    # "Testville" beside "Test County": the Tennessee county's centre lies ~4 km from the
    # Tennessee town; the Georgia county is far from every town; a county of another state
    # as near as the Tennessee one does not pair with the town
    def admin2(pid: str, admin1: str, lat: float, lon: float) -> Candidate:
        region = Place(
            pid,
            "Test County",
            "region",
            lat,
            lon,
            "US",
            admin1,
            None,
            0,
            "test",
            True,
            feature="admin2",
        )
        return Candidate(region, 3.0)

    county = (admin2("c:tn", "TN", 36.33, -88.32), admin2("c:ga", "GA", 33.4, -84.1))
    cands = {"testville": (BIG_ABROAD, US_TX, US_TN), "test county": county}
    co = cooccurrence(cands)
    abroad, tx, tn = cooccurrence_features("testville", cands["testville"], co)
    assert tn["county_pair"] == 1.0
    assert "county_pair" not in abroad and "county_pair" not in tx
    tn_county, ga_county = cooccurrence_features("test county", county, co)
    assert tn_county["county_pair"] == 1.0 and "county_pair" not in ga_county
    across = {"testville": (US_TN,), "test county": (admin2("c:ky", "KY", 36.33, -88.32),)}
    assert (
        "county_pair" not in cooccurrence_features("testville", (US_TN,), cooccurrence(across))[0]
    )


def test_county_paired_names_the_towns_beside_a_county_of_another_name() -> None:
    from geo.geoparse.features import county_paired

    county = Place(
        "c:tn",
        "Test County",
        "region",
        36.33,
        -88.32,
        "US",
        "TN",
        None,
        0,
        "test",
        True,
        feature="admin2",
    )
    cands = {"testville": (BIG_ABROAD, US_TX, US_TN), "test county": (Candidate(county, 3.0),)}
    co = cooccurrence(cands)
    assert county_paired("testville", cands["testville"], co) == (US_TN,)
    assert county_paired("test county", cands["test county"], co) == cands["test county"]
    assert county_paired("testville", cands["testville"], cooccurrence({})) == ()


def test_a_town_beside_its_county_is_no_country_of_its_name() -> None:
    # the country's prior prunes the small towns of its name; the county named beside one
    # of them brings it back
    found = _mentions(
        "Jim Doe, 52, of Cuba, was arrested on Friday by Cuba Police and held in the "
        "Crawford County Jail."
    )
    assert ("Cuba", "city", "MO") in found  # Cuba, Missouri, in Crawford County
    assert ("Crawford County", "region", "MO") in found


@pytest.mark.xfail(
    strict=False,
    reason="fitted weights: with batch t21 in the fit (ce45ef4) 'Georgia' beside 'officials' stays "
    "the country in both rounds, so the third round never runs here; with 'state officials' "
    "the first round already reads the state",
)
def test_towns_scored_before_a_state_read_first_as_a_country_follow_the_state() -> None:
    # "Georgia" is read as the country in the first round and as the state in the second:
    # "Carrollton" (the largest one lies in Texas), scored before it, is the Georgia town
    # once a third round sees the state
    found = _mentions(
        "Police said a Carrollton man was arrested. Carrollton police and Georgia officials "
        "searched the house."
    )
    assert ("Georgia", "region", "GA") in found
    assert [a for m, _, a in found if m == "Carrollton"] == ["GA", "GA"]


def test_a_name_listed_with_states_is_the_state_not_the_town() -> None:
    found = _mentions("Wildfires burned in Idaho, Montana and Washington this week.")
    assert ("Washington", "region", "WA") in found


def test_a_state_written_after_its_town_is_the_state_there_only() -> None:
    found = _mentions(
        "The storm closed schools in Ithaca, New York, and in Scranton. Later it reached "
        "Staten Island, New York."
    )
    # after a town of the state: the state; after a part of the city of that name: the city
    assert [(k, a) for m, k, a in found if m == "New York"] == [("region", "NY"), ("city", "NY")]


def test_a_country_listed_with_countries_after_articles_is_the_country() -> None:
    from geo.geoparse import get_geoparser

    text = (
        "Des commerçants de Maiduguri et de Kano ont quitté Sokoto. Ils sont partis vers le "
        "Bénin, le Niger et le Togo."
    )
    found = [m.place for m in get_geoparser().parse(text, lang="fr") if m.mention == "Niger"]
    # the country, not the Nigerian state the towns of the story point to
    assert [(p.kind, p.country_code) for p in found] == [("country", "NE")]


def test_the_capital_of_a_named_country_is_marked() -> None:
    # a story that names France: its capital is "capital_named", a French town is not, and
    # neither is the capital when France is not named
    town = Candidate(_town("t:fr2", "FR", "44", 48.6, 7.7, 280_000), 6.4)
    ctx = Context(named_countries={"FR"})
    features = name_features(
        [BIG_ABROAD, town],
        ctx=ctx,
        own={},
        sentences=set(),
        region_cue_level=0,
        apposition=[],
        twins=[BIG_ABROAD.place, town.place],
        foreign=False,
        capitals=frozenset({BIG_ABROAD.place.id}),
    )
    assert features[0]["capital_named"] == 1.0 and features[0]["focus_named"] == 1.0
    assert "capital_named" not in features[1] and features[1]["focus_named"] == 1.0
    assert "capital_named" not in _features([BIG_ABROAD, town], Context())[0]


def test_cooccurrence_of_a_lone_name_is_empty() -> None:
    cands = {"testville": (BIG_ABROAD, US_TX)}
    assert cooccurrence_features("testville", cands["testville"], cooccurrence(cands)) == [{}, {}]


def test_a_town_named_like_its_own_region_is_a_region_seat() -> None:
    from geo.geoparse.candidates import is_region_seat

    seat = Place("t:s", "Testville", "city", 1.0, 1.0, "XX", "01", "Testville", 900, "test", True)
    other = Place("t:o", "Testville", "city", 1.0, 1.0, "XX", "02", "Otherland", 900, "test", True)
    region = Place("t:r", "Testville", "region", 1.0, 1.0, "XX", "01", "Testville", 0, "test", True)
    assert [is_region_seat(p) for p in (seat, other, region)] == [True, False, False]


def test_a_region_seat_alone_in_a_short_sentence_is_kept() -> None:
    import geo

    # a regional centre whose recorded population is small and whose name is a frequent
    # word of the language is still the place of a one-place sentence
    for text in ("Ракети влучили в Херсон.", "Ракеты попали в Херсон."):
        assert geo.geoparse(text)["name"].tolist() == ["Kherson"]


def test_an_arabic_name_with_the_article_reaches_the_places_named_without_it() -> None:
    index = Index.default()
    kinds = {(c.place.name, c.place.kind) for c in index.candidates("الخرطوم")}
    assert ("Khartoum", "city") in kinds and ("Khartoum", "region") in kinds


def _mentions(text: str) -> list[tuple[str, str, str | None]]:
    from geo.geoparse import get_geoparser

    return [
        (m.mention, m.place.kind, m.place.admin1_code)
        for m in get_geoparser().parse(text, lang="en")
    ]


def test_a_state_abbreviation_in_apposition_is_the_state_with_its_period() -> None:
    found = _mentions("The plant moved from Terre Haute, Ind., to Houma, La., in May.")
    assert ("Ind.", "region", "IN") in found
    assert ("La.", "region", "LA") in found


def test_a_canadian_province_abbreviation_in_apposition_is_the_province() -> None:
    found = _mentions("The plant moved from London, Ont., to Brandon, Man., in May.")
    assert ("London", "city", "08") in found  # London, Ontario
    assert ("Ont.", "region", "08") in found
    assert ("Man.", "region", "03") in found  # Manitoba
    assert _mentions("The Man. was tired.") == []


def test_a_region_named_with_its_noun_before_is_the_unit_of_that_full_name() -> None:
    from geo.geoparse.candidates import Index
    from geo.geoparse.filters import words_for
    from geo.geoparse.resolve import _regions_with_noun_before
    from geo.geoparse.tokenize import tokenize
    from geo.model import Span

    w = words_for(("fr",))
    index = Index.default()

    def regions(text: str, word: str) -> set[str | None]:
        toks = tokenize(
            text,
            0,
            None,
            elisions=w["elisions"],
            abbreviations=w["abbreviations"],
            connectors=w["connectors"],
        )
        start = text.index(word)
        first = toks.starts.index(start)
        span = Span(start, start + len(word), first, first, toks.keys[first])
        return {c.place.country_code for c in _regions_with_noun_before([span], toks, w, index)}

    # "province du Ziro" is the full name of a province of Burkina Faso
    assert regions("Des renforts sont arrivés dans la province du Ziro mardi.", "Ziro") == {"BF"}
    # no region noun before the name: nothing
    assert regions("Des renforts sont arrivés à Ziro mardi.", "Ziro") == set()


def test_a_short_form_defined_in_brackets_is_its_place_throughout() -> None:
    found = _mentions("Roads closed across Kentucky (KY) overnight, and KY police said three died.")
    assert found.count(("KY", "region", "KY")) == 2
    # undefined, the bare postal code is no place
    assert not any(m == "KY" for m, _, _ in _mentions("At dawn KY police said three died."))


def test_a_dotted_abbreviation_stands_alone_but_not_as_initials_or_an_era() -> None:
    from geo.geoparse.filters import words_for
    from geo.geoparse.resolve import _dotted_alone
    from geo.geoparse.tokenize import tokenize
    from geo.model import Span

    w = words_for(("en",))

    def alone(text: str, word: str) -> bool:
        toks = tokenize(
            text,
            0,
            None,
            elisions=w["elisions"],
            abbreviations=w["abbreviations"],
            connectors=w["connectors"],
        )
        start = text.index(word)
        first = toks.starts.index(start)
        last = max(j for j in range(len(toks)) if toks.ends[j] <= start + len(word))
        span = Span(start, toks.ends[last], first, last, "key")
        return _dotted_alone(text, toks, span, w)

    assert alone("The N.J. transit board met on Friday.", "N.J")
    assert not alone("The vase dates from 300 B.C. and is intact.", "B.C")
    assert not alone("A letter from W.V. Smith arrived.", "W.V")
    assert not alone("The Ky. board met.", "Ky")


def test_a_state_abbreviation_written_with_a_space_names_the_state_in_apposition() -> None:
    from geo.geoparse import get_geoparser

    parse = get_geoparser().parse
    found = {m.mention: m.place for m in parse("He was held in Greenwood, W. Va., on Monday.")}
    assert found["W. Va."].iso_3166_2 == "US-WV"
    found = {m.mention: m.place for m in parse("Officials in Trenton, N. J., said so.")}
    assert found["N. J."].iso_3166_2 == "US-NJ"
    # a person's initial before a surname is no name's first word
    assert "J. Smith" not in {m.mention for m in parse("J. Smith spoke in Boston.")}


def test_names_listed_before_a_plural_region_noun_are_all_regions() -> None:
    found = _mentions("Schools closed in Ashtabula, Trumbull and Mahoning counties on Monday.")
    assert [(m, k) for m, k, _ in found] == [
        ("Ashtabula", "region"),
        ("Trumbull", "region"),
        ("Mahoning", "region"),
    ]
    assert {a for _, _, a in found} == {"OH"}


def test_town_comma_state_picks_the_town_of_that_state() -> None:
    found = _mentions("She was born in Naples, Florida, and later moved away.")
    assert ("Naples", "city", "FL") in found


def test_shared_areas_bring_back_pruned_namesakes_where_other_names_point() -> None:
    from geo.geoparse.resolve import _shared_areas

    small_ky = Candidate(_town("t:ky", "US", "KY", 37.1, -84.1, 8_000), 4.9)
    cands = {
        "testville": (BIG_ABROAD, US_TX, small_ky),
        "a": (Candidate(_town("a:ky", "US", "KY", 37.0, -84.0, 900), 3.0),),
        "b": (_county("b:ky", "US", "KY", 37.2, -84.2), _county("b:ga", "US", "GA", 33.0, -84.0)),
    }
    co = cooccurrence(cands)
    shared = _shared_areas("testville", cands["testville"], co)
    assert shared == {"US.KY": 2.0}
    top = cands["testville"][:2]
    assert focus_candidates(cands["testville"], top, Context(), shared=shared) == (small_ky,)


_WORLD_CITIES_TEXT = (
    "TOPEKA, Kansas (Reuters) - A nurse waited for news.\n\n"
    "She came to Topeka in 2020. Her lawyers work in Houston, Phoenix, Atlanta and Toronto."
)


def test_a_world_city_is_not_lost_to_a_doubtful_namesake_of_the_story() -> None:
    import geo

    # a story datelined in Kansas: the towns named like world cities that its focus favours
    # are small and frequent words, so recognition would drop them; the name stays a place
    frame = geo.geoparse(_WORLD_CITIES_TEXT, lang="en").set_index("mention")
    assert frame.loc["Atlanta", "gazetteer_id"] == "gn:4180439"  # Atlanta, Georgia


def test_a_world_city_abroad_is_not_lost_to_a_doubtful_namesake_of_the_story() -> None:
    import geo

    frame = geo.geoparse(_WORLD_CITIES_TEXT, lang="en").set_index("mention")
    assert frame.loc["Toronto", "country_code"] == "CA"


def test_a_river_the_gazetteer_lacks_is_not_its_namesake_region() -> None:
    import geo

    text = "Floods along the Ouémé River reached Bonou. Ouémé was the hardest hit department."
    found = geo.geoparse(text, lang="en")[["mention", "char_start"]].values.tolist()
    assert ["Ouémé", 17] not in found  # the river: the department's point would mislead
    assert ["Ouémé", 44] in found


def _town_span_features(
    *, capital: bool = False, seat: bool = False, off_focus: bool = False, far: bool = False
) -> dict[str, float]:
    # a town whose name is also a common surname
    from geo.geoparse.features import span_features

    town = _town("t:1", "XX", "01", 10.0, 10.0, 90_000)
    return span_features(
        soft=0,
        multiword=False,
        preposition=False,
        lower_elsewhere=False,
        common=False,
        all_caps=False,
        source="caps",
        short=False,
        best=Candidate(place=town, match="alternate", prior=1.0),
        supported=False,
        spread_km=0.0,
        margin=1.0,
        surname=True,
        capital=capital,
        seat=seat,
        off_focus=off_focus,
        far=far,
    )


def test_span_features_of_a_town_off_the_story() -> None:
    plain = _town_span_features()
    assert "best_off_focus" not in plain and "best_far" not in plain
    assert _town_span_features(off_focus=True)["best_off_focus"] == 1.0
    assert _town_span_features(far=True)["best_far"] == 1.0
    # a capital is named from afar
    assert "best_far" not in _town_span_features(far=True, capital=True)


def test_span_features_of_a_capital_and_of_a_town_named_as_its_region() -> None:
    plain = _town_span_features()
    assert plain["unsupported_small"] == 1.0
    assert plain["surname"] == 1.0
    # a national capital's name is a place whatever else the word is
    assert "surname" not in _town_span_features(capital=True)
    assert "unsupported_small" not in _town_span_features(seat=True)


def test_a_town_named_as_its_own_region() -> None:
    from geo.geoparse.resolve import _named_as_region

    town = Place("t:2", "Luzern", "city", 47.05, 8.3, "CH", "LU", "Lucerne", 80_000, "test", True)
    assert _named_as_region("lucerne", town)
    assert not _named_as_region("luzern", town)


def test_votes_point_to_the_state_that_most_names_share() -> None:
    from geo.geoparse.features import vote_features, voted_area, votes

    # "testville" is borne in Texas, Tennessee and abroad; "a" only in Tennessee, "b" in
    # Tennessee and Georgia: Tennessee has 1 + 1/2 votes of the others, Georgia 1/2
    cands = {
        "testville": (BIG_ABROAD, US_TX, US_TN),
        "a": (Candidate(_town("a:tn", "US", "TN", 36.0, -87.0, 900), 3.0),),
        "b": (_county("b:tn", "US", "TN", 36.2, -88.2), _county("b:ga", "US", "GA", 33.0, -84.0)),
    }
    v = votes(cands)
    assert v.admins["US.TN"] == 1.0 + 0.5 + 1.0 / 3.0
    assert voted_area("testville", v) == "US.TN"
    abroad, tx, tn = vote_features("testville", cands["testville"], v)
    assert tn == {"vote_country": 1.0, "vote_admin1": 1.0, "vote_admin1_top": 1.0}
    assert "vote_admin1" not in tx and tx["vote_country"] == 1.0
    assert abroad == {}
    # for "b": Tennessee has the others' 1 + 1/3 votes, Georgia none
    tn_county, ga_county = vote_features("b", cands["b"], v)
    assert tn_county["vote_admin1"] == 1.0 and "vote_admin1" not in ga_county
    assert voted_area("b", v) == "US.TN"


def test_a_state_name_votes_for_the_state_not_for_its_namesake_towns() -> None:
    from geo.geoparse.features import votes

    state = Place(
        "s:or",
        "Testregion",
        "region",
        44.0,
        -120.0,
        "US",
        "OR",
        None,
        0,
        "test",
        True,
        feature="admin1",
    )
    town = _town("s:pa", "US", "PA", 40.0, -78.0, 300)
    v = votes({"testregion": (Candidate(state, 6.0), Candidate(town, 2.0))})
    assert v.admins == {"US.OR": 1.0}
    assert v.countries == {"US": 1.0}


def test_a_name_written_with_another_state_is_the_place_of_that_state() -> None:
    # a story about Kansas towns: the town written with Colorado's abbreviation is
    # Colorado's, whatever the focus of the story, and so is its other occurrence
    found = _mentions(
        "Crews from Wichita, Salina and Topeka came to Aurora. The plant in Aurora, Colo., "
        "is larger."
    )
    assert [a for m, _, a in found if m == "Aurora"] == ["CO", "CO"]
    # each occurrence written with its own state is the town of that state
    found = _mentions("Crews from Aurora, Ill., and Aurora, Colo., met on Monday.")
    assert [a for m, _, a in found if m == "Aurora"] == ["IL", "CO"]


def test_a_key_of_several_towns_has_the_candidates_of_each() -> None:
    index = Index.default()
    both = {c.place.id for c in index.candidates(f"борщів{ANY_OF}борщівка")}
    one = {c.place.id for c in index.candidates("борщів")}
    other = {c.place.id for c in index.candidates("борщівка")}
    assert both == one | other
    assert {"gn:711587", "gn:711585"} <= both


def test_a_transliteration_never_reaches_a_country() -> None:
    # "мали" (they had) transliterates to Mali: the gazetteer knows the countries' Cyrillic
    # names, so a country reached through the Latin names is a false friend
    found = Index.default().transliterated("мали")
    assert found
    assert all(c.place.kind != "country" for c in found)


def _named(pid: str, kind: str, cc: str, prior: float) -> Candidate:
    return Candidate(
        Place(pid, "Ruritania", kind, 0.0, 0.0, cc, None, None, 0, "test", True), prior
    )


def test_a_foreign_region_contests_a_country_name_only_where_its_country_leads() -> None:
    cs = [_named("t:c", "country", "AT", 13.0), _named("t:r", "region", "HU", 6.0)]
    # the story's other names are in the country: the name is the country
    assert not country_contested(cs, focus={"AT": 9.0, "HU": 3.0}, own_mentions=4.0)
    # they are in the region's country as much: scored like any name
    assert country_contested(cs, focus={"AT": 7.0, "HU": 3.0}, own_mentions=4.0)
    # a region of the country itself, or a town of note, always contests it
    home = [cs[0], _named("t:h", "region", "AT", 6.0)]
    assert country_contested(home, focus={"AT": 9.0}, own_mentions=4.0)
    town = [cs[0], _named("t:t", "city", "HU", config.GEOPARSE_NOTABLE_PRIOR)]
    assert country_contested(town, focus={"AT": 9.0, "HU": 1.0}, own_mentions=4.0)


def test_a_small_town_off_the_story_is_adrift() -> None:
    small = _town("t:small", "FR", "11", 48.0, 2.0, 300)
    off = {"off_focus": 1.0, "far": 1.0}
    assert _adrift(small, off, frozenset())
    # not when the text ties it to the story, nor a capital, a large town or a near one
    assert not _adrift(small, {**off, "sentence_country": 1.0}, frozenset())
    assert not _adrift(small, {**off, "apposition": 1.0}, frozenset())
    assert not _adrift(small, off, frozenset({"t:small"}))
    big = _town("t:big", "FR", "11", 48.0, 2.0, config.GEOPARSE_ADRIFT_POPULATION)
    assert not _adrift(big, {"focus": 0.05, "far": 1.0}, frozenset())
    # in a country none of the story's places lies in, a larger town is adrift too, up to
    # GEOPARSE_ADRIFT_OFF_FOCUS_POPULATION
    assert _adrift(big, off, frozenset())
    town = _town("t:town", "FR", "11", 48.0, 2.0, config.GEOPARSE_ADRIFT_OFF_FOCUS_POPULATION)
    assert not _adrift(town, off, frozenset())
    # reached through a spelling variant only, a larger town off the story is adrift too
    assert _adrift(big, off, frozenset(), match="variant")
    metropolis = _town("t:m", "FR", "11", 48.0, 2.0, config.GEOPARSE_ADRIFT_VARIANT_POPULATION)
    assert not _adrift(metropolis, off, frozenset(), match="variant")
    assert not _adrift(small, {"off_focus": 1.0}, frozenset())
    # a country that holds a small share of the story's places is as good as off it
    assert _adrift(small, {"focus": 0.05, "far": 1.0}, frozenset())
    assert not _adrift(small, {"focus": 0.5, "far": 1.0}, frozenset())


def test_a_town_reached_by_another_name_is_adrift_up_to_a_larger_population() -> None:
    mid = _town("t:mid", "PL", "11", 53.0, 16.7, 75_000)
    off = {"off_focus": 1.0, "far": 1.0}
    # in a country that holds a small share of the story's places (not none of them)
    share = {"focus": 0.05, "far": 1.0}
    assert not _adrift(mid, share, frozenset())
    assert _adrift(mid, share, frozenset(), match="alternate")
    assert _adrift(mid, share, frozenset(), match="variant")
    # an exonym of a city of note stays ("Genève" far from a story of Sudan)
    city = _town("t:city", "CH", "11", 46.2, 6.1, config.GEOPARSE_ADRIFT_ALTERNATE_POPULATION)
    assert not _adrift(city, off, frozenset(), match="alternate")
    assert not _adrift(mid, {**off, "sentence_country": 1.0}, frozenset(), match="alternate")


class _Rivers:
    """An index stub that knows one river, "Quito River", in the country "XX"."""

    def candidates_in(self, key: str, countries: tuple[str, ...]) -> tuple[Candidate, ...]:
        river = Place("t:river", "Quito River", "region", 1.0, 40.0, "XX", None, None, 0, "test")
        river = dataclasses.replace(river, feature="river")
        if key == "quito river" and "XX" in countries:
            return (Candidate(river, 7.0, "primary"),)
        return ()


def test_a_capital_far_from_a_story_of_another_country_is_a_namesake() -> None:
    from geo.geoparse.filters import words_for

    w = words_for(("en",))
    cap = Place("t:cap", "Quito", "city", -0.2, -78.5, "EC", None, None, 1_600_000, "test", True)
    caps = frozenset({"t:cap"})
    far = {"off_focus": 1.0, "far": 1.0}
    centre = Centre(1.0, 40.0, 50.0, "XX")
    index = _Rivers()

    def astray(key: str, match: str, written: str, **kw: object) -> bool:
        args: dict[str, object] = {"f": far, "named": (), "centre": centre, **kw}
        return _capital_astray(
            key,
            Candidate(cap, 6.0, match),
            args["f"],  # type: ignore[arg-type]
            caps,
            args["centre"],  # type: ignore[arg-type]
            named=args["named"],  # type: ignore[arg-type]
            written=written,
            index=index,  # type: ignore[arg-type]
            w=w,
        )

    # another spelling two letters off, a word of no language: a village of the story
    assert astray("kwito", "alternate", "Kwito")
    # the capital's own name, when a river of the story's country bears it
    assert astray("quito", "primary", "Quito")
    # not when its country is named, the text ties it, it is near, or no story centre
    assert not astray("kwito", "alternate", "Kwito", named=("EC",))
    assert not astray("kwito", "alternate", "Kwito", f={**far, "sentence_country": 1.0})
    assert not astray("kwito", "alternate", "Kwito", f={"off_focus": 1.0})
    assert not astray("kwito", "alternate", "Kwito", centre=None)
    # nor in a story of its own country, nor an exonym that is a word of the language
    assert not astray("kwito", "alternate", "Kwito", centre=Centre(0.0, -78.0, 50.0, "EC"))
    assert not astray("paris", "alternate", "Paris")


def test_a_famous_town_near_the_story_beats_a_far_namesake() -> None:
    from geo.geoparse import get_geoparser

    # a province of another continent named like the famous city next to the story
    text = "Армия Израиля продолжает операцию в Газе."
    found = {m.mention: m for m in get_geoparser().parse(text, lang="ru")}
    assert found["Газе"].place.country_code == "PS"


def test_a_world_city_far_off_the_story_gives_way_to_a_town_of_its_name_among_its_places() -> None:
    # a story of towns of one state, a world capital abroad chosen for a name that a town of
    # that state also bears
    capital = Candidate(_town("t:capital", "FR", "11", 48.8, 2.3, 2_000_000), 7.3)
    local = Candidate(_town("t:local", "US", "TX", 33.6, -95.5, 25_000), 5.4)
    elsewhere = Candidate(_town("t:other", "US", "TN", 36.3, -88.3, 10_000), 5.0)
    neighbour = Candidate(_town("t:next", "US", "TX", 32.8, -96.8, 1_000_000), 6.5)
    chosen = {"next": (neighbour, 1.0, {}, 1.0)}
    abroad_f = {"off_focus": 1.0, "far": 1.0}
    scored = [
        (3.0, capital, {"capital": 1.0}, abroad_f),
        (1.0, elsewhere, {}, {"focus": 1.0, "far": 1.0}),
        (0.5, local, {}, {"focus": 1.0}),
    ]
    better = _namesake_near("testville", scored, chosen, {"t:capital"})
    assert better is not None and better[1] is local
    # not when the text ties the capital to itself (its country named, its sentence's)
    for tie in ("focus_named", "sentence_country", "apposition", "dateline_city"):
        tied = [(3.0, capital, {"capital": 1.0}, {**abroad_f, tie: 1.0}), *scored[1:]]
        assert _namesake_near("testville", tied, chosen, {"t:capital"}) is None
    # nor when the story's places lie in the capital's country too
    near = [(3.0, capital, {"capital": 1.0}, {"focus": 0.5}), *scored[1:]]
    assert _namesake_near("testville", near, chosen, {"t:capital"}) is None
    # nor with no town of the name near the story's places
    assert _namesake_near("testville", scored[:2], chosen, {"t:capital"}) is None
    # nor for a village of the story's country that bears the capital's name
    village = Candidate(_town("t:village", "US", "TX", 33.6, -95.5, 0), 1.0)
    tiny = [*scored[:2], (0.5, village, {}, {"focus": 1.0})]
    assert _namesake_near("testville", tiny, chosen, {"t:capital"}) is None
    # nor for a small town abroad (no world city)
    small = Candidate(_town("t:small", "FR", "11", 48.8, 2.3, 2_000), 4.0)
    assert (
        _namesake_near("testville", [(3.0, small, {}, abroad_f), *scored[1:]], chosen, ()) is None
    )


def test_a_doubted_town_in_a_list_beside_towns_of_its_region_is_kept() -> None:
    from geo.geoparse import get_geoparser

    # a town named like a surname, doubted alone, between two towns of its department
    text = "Hubo cortes de luz en Chinácota, Toledo y Labateca."
    found = {m.mention: m for m in get_geoparser().parse(text, lang="es")}
    assert set(found) == {"Chinácota", "Toledo", "Labateca"}
    assert found["Toledo"].place.country_code == "CO"
    assert found["Toledo"].why["listed"] == 1.0
    assert found["Toledo"].why["recognised"] < get_geoparser().model.threshold


def test_a_doubted_name_outside_a_list_is_not_listed() -> None:
    from geo.geoparse import get_geoparser

    text = "Toledo habló ayer con los alcaldes de Chinácota y de Labateca."
    found = {m.mention: m for m in get_geoparser().parse(text, lang="es")}
    assert "listed" not in (found["Toledo"].why if "Toledo" in found else {})


def test_a_short_name_of_a_town_written_in_full_elsewhere_is_that_town() -> None:
    from geo.geoparse import get_geoparser

    text = (
        "Las familias llegaron a Santa Rosa el lunes. La alcaldía de Santa Rosa de Osos "
        "abrió un albergue."
    )
    found = {m.mention: m for m in get_geoparser().parse(text, lang="es")}
    assert found["Santa Rosa"].place.id == found["Santa Rosa de Osos"].place.id
    assert found["Santa Rosa"].place.country_code == "CO"
    assert "short_name" in found["Santa Rosa"].why


def test_the_centre_of_a_story_is_the_median_of_its_places() -> None:
    # three villages of one district and the capital named in passing
    story = [
        (_town("t:a", "XX", "05", 50.0, 37.0, 900), 3),
        (_town("t:b", "XX", "05", 50.2, 37.2, 700), 2),
        (_town("t:c", "XX", "05", 49.9, 37.1, 500), 1),
        (_town("t:capital", "XX", "01", 50.4, 30.5, 2_000_000), 1),
    ]
    centre = _centre(story)
    assert centre is not None
    assert (centre.latitude, centre.longitude, centre.country) == (50.0, 37.0, "XX")
    assert 10 < centre.spread < 20
    # too few places to tell where the story happens
    assert _centre(story[:2]) is None


def test_a_village_of_the_story_country_far_off_its_centre_is_off_centre() -> None:
    story = [
        (_town("t:a", "XX", "05", 50.0, 37.0, 900), 3),
        (_town("t:b", "XX", "05", 50.2, 37.2, 700), 2),
        (_town("t:c", "XX", "05", 49.9, 37.1, 500), 1),
    ]
    centre = _centre(story)
    far = Candidate(_town("t:far", "XX", "09", 49.0, 32.1, 4_000), 3.6)
    other = Candidate(_town("t:other", "XX", "12", 46.8, 31.7, 1_400), 3.2)
    near = Candidate(_town("t:near", "XX", "05", 50.1, 37.3, 800), 2.9)
    assert _off_centre(far.place, {}, frozenset(), centre, [far, other])
    # not near the story, nor tied to it by the text, nor the only place of the name in
    # its country, nor a town of note
    assert not _off_centre(near.place, {}, frozenset(), centre, [near, far])
    assert not _off_centre(far.place, {"admin1_named": 1.0}, frozenset(), centre, [far, other])
    assert not _off_centre(far.place, {"apposition": 1.0}, frozenset(), centre, [far, other])
    assert not _off_centre(far.place, {}, frozenset(), centre, [far])
    # ... unless the text names that lone town once: a hamlet named in passing (of the
    # story's country only: a lone town of another is the unnamed-country rule's)
    assert _off_centre(far.place, {}, frozenset(), centre, [far], mentions=1)
    lone_abroad = Candidate(_town("t:lone", "YY", "03", 45.0, 30.0, 900), 3.0)
    assert not _off_centre(lone_abroad.place, {}, frozenset(), centre, [lone_abroad], mentions=1)
    big = Candidate(_town("t:big", "XX", "09", 49.0, 32.1, config.GEOPARSE_ADRIFT_POPULATION), 5)
    assert not _off_centre(big.place, {}, frozenset(), centre, [big, other])
    # a village of another country that the story names much is no namesake of its own
    abroad = Candidate(_town("t:abroad", "YY", "03", 45.0, 30.0, 900), 3.0)
    abroad2 = Candidate(_town("t:abroad2", "YY", "04", 44.0, 29.0, 900), 3.0)
    assert _off_centre(abroad.place, {"focus": 0.1}, frozenset(), centre, [abroad, abroad2])
    assert not _off_centre(abroad.place, {"focus": 0.4}, frozenset(), centre, [abroad, abroad2])


def test_a_name_listed_with_countries_is_the_country_not_the_state_of_the_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from geo.geoparse import get_geoparser

    text = (
        "Gunmen attacked farmers near Minna and Bida on Tuesday, police in Kaduna said. "
        "Traders from Kano and Zaria said the roads to Sokoto were closed. "
        "Many fled across the border into Niger and Chad, officials said."
    )

    def niger() -> str:
        found = [m for m in get_geoparser().parse(text, lang="en") if m.mention == "Niger"]
        assert len(found) == 1
        return found[0].place.kind

    assert niger() == "country"
    # without the list, the story's towns make it the state they lie in
    monkeypatch.setattr(config, "GEOPARSE_COUNTRY_LISTED", False)
    assert niger() == "region"


def test_a_name_after_a_word_of_countries_is_the_country_not_the_state_of_the_story() -> None:
    from geo.geoparse import get_geoparser

    story = (
        "Gunmen attacked farmers near Minna and Bida on Tuesday, police in Kaduna said. "
        "Traders from Kano and Zaria said the roads to Sokoto were closed. "
    )
    for end in (
        "Many fled across the border into Niger, officials said.",
        "The gunmen came from neighbouring Niger, officials said.",
    ):
        found = [m for m in get_geoparser().parse(story + end, lang="en") if m.mention == "Niger"]
        assert [m.place.kind for m in found] == ["country"], end


def test_another_languages_spelling_of_a_far_city_is_no_village_of_the_story() -> None:
    import geo

    # "Kazani" is an alternate spelling of Kazan, one letter off: in a story of Congolese
    # places and a country Russia never named, a village the gazetteer lacks
    text = (
        "Des miliciens ont attaqué mardi Kazani, près de Basoko, dans la Tshopo. Les habitants "
        "ont fui vers Kisangani et Isangi, a indiqué la Monusco en RD Congo."
    )
    frame = geo.geoparse(text, lang="fr")
    assert "RU" not in set(frame["country_code"])


def test_a_french_exonym_of_a_far_city_stays_that_city() -> None:
    import geo

    text = (
        "Des miliciens ont attaqué mardi Kindu et Basoko, dans la Tshopo, et l'ONU a réuni "
        "les donateurs à Séville."
    )
    frame = geo.geoparse(text, lang="fr").set_index("mention")
    assert frame.loc["Séville", "country_code"] == "ES"


def test_a_lone_province_of_a_far_country_is_no_commune_of_the_story() -> None:
    import geo

    # "Couffo" is a department of Benin, the only name of Benin in a story of Congolese
    # towns: the commune of that name is one the gazetteer lacks
    text = (
        "Des miliciens ont attaqué mardi Kisangani et Isangi, dans la Tshopo. Les habitants "
        "ont fui vers la commune de Couffo, près de Basoko, en RD Congo."
    )
    frame = geo.geoparse(text, lang="fr")
    assert "BJ" not in set(frame["country_code"])


def test_a_province_of_a_country_the_story_names_stays() -> None:
    import geo

    frame = geo.geoparse(
        "Des miliciens ont attaqué mardi Lokossa, au Bénin, dans le Couffo.", lang="fr"
    ).set_index("mention")
    assert frame.loc["Couffo", "gazetteer_id"].startswith("ne:BEN")


def _cue_of(text: str, name: str, *, units: bool = False) -> bool:
    """Whether _settlement_cued reads ``name`` in ``text`` (Spanish) as cued."""
    from geo.geoparse.filters import words_for
    from geo.geoparse.resolve import _settlement_cued
    from geo.geoparse.tokenize import tokenize
    from geo.model import Span

    w = words_for(("es",))
    toks = tokenize(
        text,
        0,
        None,
        elisions=w["elisions"],
        abbreviations=w["abbreviations"],
        connectors=w["connectors"],
    )
    start = text.index(name)
    first = toks.starts.index(start)
    last = first + len(name.split()) - 1
    span = Span(start, start + len(name), first, last, name.lower(), "es")
    return _settlement_cued(text, span, toks, w, units=units)


@pytest.mark.parametrize(
    ("text", "name", "units", "cued"),
    [
        ("Hubo combates en la vereda Las Palmas.", "Las Palmas", False, True),
        ("Hubo combates en la comunidad de Las Palmas.", "Las Palmas", False, True),
        # a plural noun cues its list; a singular one only its own name
        (
            "Hubo combates en los caseríos Alto Bonito, Las Palmas y El Roble.",
            "El Roble",
            False,
            True,
        ),
        (
            "Hubo combates en la vereda Alto Bonito, Las Palmas y El Roble.",
            "El Roble",
            False,
            False,
        ),
        # "X, una comunidad de Y": the noun describes X; Y is its town
        ("Llegaron a Alto Bonito, una comunidad de Las Palmas.", "Las Palmas", False, False),
        # a unit's noun only when asked (a municipality's is also a settlement's)
        (
            "Hubo combates en los departamentos de Alto Bonito y Las Palmas.",
            "Las Palmas",
            False,
            False,
        ),
        (
            "Hubo combates en los departamentos de Alto Bonito y Las Palmas.",
            "Las Palmas",
            True,
            True,
        ),
        ("Hubo combates en los municipios de Alto Bonito y Las Palmas.", "Las Palmas", False, True),
    ],
)
def test_settlement_cues_of_a_spanish_name(text: str, name: str, units: bool, cued: bool) -> None:
    assert _cue_of(text, name, units=units) is cued


def test_a_large_city_named_with_an_abbreviated_first_word_competes_as_its_own_name() -> None:
    # "St Petersburg" shortens Saint Petersburg's own name and is the own name of the
    # Florida town: both are primary, and the larger city ranks first
    index = Index.default()
    found = [(c.place.country_code, c.match) for c in index.candidates("st petersburg")]
    assert found[:2] == [("RU", "primary"), ("US", "primary")]
    # a small town's shortened name stays an alternate name (a person "St. Clair" is no
    # more often a town for it)
    small = [c for c in index.candidates("st clair") if c.place.country_code == "US"]
    assert small and all(
        c.match == "alternate" for c in small if c.place.name.lower().startswith("saint")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out in Kenema, eastern Sierra Leone.",
        "Des affrontements ont éclaté à Kenema, dans l'est de la Sierra Leone.",
        "Бои вспыхнули в Кенеме на востоке Сьерра-Леоне.",
        "اندلعت اشتباكات في كينيما في شرق سيراليون.",
    ],
)
def test_a_compass_word_before_the_country_puts_the_town_in_it(text: str) -> None:
    # "X, eastern Y", "X на востоке Y": Y places X as "X, Y" does (an apposition)
    from geo.geoparse import get_geoparser
    from geo.geoparse.resolve import Trace

    trace = Trace()
    get_geoparser().parse_text(text, trace=trace)
    apposed = [
        f.get("apposition", 0.0)
        for _, cands in trace.candidates
        for place, f in cands
        if place.country_code == "SL" and place.kind == "city"
    ]
    assert apposed == [1.0]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a country's abbreviation in capitals written otherwise is another word
        ("Des familles se sont réfugiées à Fond-d'Eau mardi.", []),
        ("Les EAU ont condamné l'attaque.", ["AE"]),
        ("Tell us what happened in Kenema.", ["SL"]),
        ("The US said its forces were not involved.", ["US"]),
    ],
)
def test_a_country_abbreviation_only_in_capitals(text: str, found: list[str]) -> None:
    import geo

    frame = geo.geoparse(text)
    assert [cc for cc in frame.country_code if cc in ("AE", "US", "SL")] == found


@pytest.mark.parametrize(
    "text", ["У Кремлі заявили про нові вимоги.", "Речник Кремля відмовився від коментарів."]
)
def test_a_word_that_is_never_a_place_has_no_case_form_of_one(text: str) -> None:
    # the Kremlin (the government) in its cases is no reading of a village's name
    import geo

    assert geo.geoparse(text, lang="uk").empty
