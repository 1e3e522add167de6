"""Events: dated, typed, geocoded records from articles or from ACLED / UCDP tables.

From text, :func:`extract_events` groups the place mentions of :mod:`geo.geoparse` into
records, one per place per reported incident: the sentence gives the ACLED event type (by
French and English cue words), the date ("jeudi 1er octobre", "on 8 November", "Thursday",
resolved against the document date) and the numbers of people killed and injured; a next
sentence that names no place but carries the toll ("Quatre civils ont été tués par ces
tirs") is folded into the incident. A word that says only that there was an attack or that
people were killed ("attaque", "killed") makes an incident when the sentence also dates it or
counts its victims; a wire dateline ("ADDIS-ABEBA (AFP) -") says where the story was filed,
so the incident goes to the other places of the sentence when it names some. Places named
where no incident is reported are kept with the type ``"Mention"``.

:func:`read_events` reads ACLED exports, UCDP GED tables and this module's own outputs into
the same columns; :func:`write_events` writes GeoJSON, CSV, GeoParquet, GeoPackage, an
ACLED-column CSV, or GeoJSON on standard output.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from geo import defaults
from geo.errors import InputError
from geo.io.documents import (
    Document,
    Problem,
    Progress,
    expand_inputs,
    iter_documents,
    make_document,
)
from geo.io.files import display_path

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.gazetteer import Place
    from geo.geoparse import Geoparser, Mention

from geo.events.merge import link_events, merge_events
from geo.io.tables import is_event_table, read_events
from geo.schema import ACLED_COLUMNS, EVENT_COLUMNS, MENTION_TYPE, events_to_frame

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_COLUMNS",
    "MENTION_TYPE",
    "classify_sentence",
    "count_casualties",
    "event_rows",
    "events_to_frame",
    "extract_events",
    "extract_events_from_inputs",
    "find_dates",
    "link_events",
    "merge_events",
    "parse_number",
]

# --------------------------------------------------------------------------- event types


def _rx(pattern: str) -> re.Pattern[str]:
    # every cue starts a word: testing that first spares the engine most positions
    return re.compile(r"\b(?:" + pattern + ")", re.IGNORECASE)


@dataclass(frozen=True)
class _TypeRule:
    event_type: str
    sub_event_type: str
    pattern: re.Pattern[str]
    also: re.Pattern[str] | None = None  # must also match the sentence
    unless: re.Pattern[str] | None = None  # must not match the sentence
    #: a word that says violence happened but not how ("attaque", "killed"): a specific cue
    #: nearly as close to the place is preferred to it
    generic: bool = False

    def applies(self, sentence: str, seen: dict[int, bool] | None = None) -> bool:
        """Whether the sentence meets the rule's conditions (its cue aside); ``seen`` caches
        the conditions' results for one sentence."""
        for pattern, wanted in ((self.also, True), (self.unless, False)):
            if pattern is None:
                continue
            found = seen.get(id(pattern)) if seen is not None else None
            if found is None:
                found = pattern.search(sentence) is not None
                if seen is not None:
                    seen[id(pattern)] = found
            if found is not wanted:
                return False
        return True


#: Victims who are civilians: violence against them is "Violence against civilians".
_CIVILIANS: Final = _rx(
    r"(civile?s\b|civilians?\b|villageois\b|villagers\b|habitants\b|residents\b|femmes\b|"
    r"women\b|enfants\b|children\b|fidèles\b|worshippers\b|passagers\b|passengers\b|"
    r"élèves\b|pupils\b|mourners\b|wedding|mariage|familles\b|families\b|déplacés\b|"
    r"displaced\b|réfugiés\b|refugees\b|communities\b|communautés\b)"
)
#: Armed men on both sides: the violence is a battle.
_ARMED: Final = _rx(
    r"(soldats?\b|militaires\b|policiers?\b|gendarmes?\b|combattants?\b|miliciens?\b|"
    r"soldiers?\b|troops\b|police\b|policem[ae]n\b|officers?\b|servicem[ae]n\b|"
    r"fighters\b|militiam[ae]n\b|militants\b|rebels?\b|rebelles?\b|jihadistes\b|"
    r"jihadists\b|insurgents\b|commandos?\b|guards?\b|gardes?\b|patrol\b|patrouilles?\b|"
    r"checkpoints?\b|base\b|posts?\b|postes?\b)"
)
#: Deaths that are no political violence.
_NOT_VIOLENCE: Final = _rx(
    r"(accidents?\b|crash(es|ed)?\b|collisions?\b|inondations?\b|floods?\b|séismes?\b|"
    r"earthquakes?\b|tremblements? de terre|landslides?\b|glissements? de terrain|"
    r"noy(é|és|ée|ées|ade)\b|drowned\b|maladies?\b|diseases?\b|épidémies?\b|choléra\b|"
    r"cholera\b)"
)
#: Words for an attack that do not say with what.
#: Plural nouns ("attacks", "raids") describe a campaign rather than an incident: left out.
_ATTACK_WORDS: Final = _rx(
    r"(attaqu(e|é|ée|és|ées|ent|aient|ait)\b|assaillants\b|pris[e]? d['’]assaut|"
    r"embuscade\b|attack(ed|ing)?\b|storm(ed|ing)\b|raid(ed)?\b|"
    r"assailants\b|attackers\b|ambush(ed)?\b)"
)
#: Casualties with no word for what caused them.
_CASUALTY_WORDS: Final = _rx(
    r"(tuée?s?\b|killed\b|assassinée?s?\b|abattue?s?\b|blessée?s?\b|"
    r"wounded\b|injured\b|massacred\b)"
)


# In priority order: the first rule that matches a sentence gives its type. Specific
# weapons come before generic words ("bombardé" is shelling unless an aircraft did it).
_TYPE_RULES: Final = (
    _TypeRule(
        "Strategic developments",
        "Disrupted weapons use",
        _rx(
            r"(\bintercept\w*|abattu (un|deux|trois|plusieurs|des) (drones?|avions?|hélicoptères?|"
            r"missiles?)|shot down|\bdésamorc\w*|\bdefused\b)"
        ),
    ),
    _TypeRule(
        "Explosions/Remote violence",
        "Chemical weapon",
        _rx(
            r"\b(armes? chimiques?|attaques? chimiques?|chemical (weapons?|attacks?)|"
            r"gaz (sarin|moutarde|toxiques?)|sarin|chlorine gas|gaz de chlore)\b"
        ),
    ),
    _TypeRule(
        "Explosions/Remote violence",
        "Suicide bomb",
        _rx(
            r"(attentats?[- ]suicides?|\bkamikazes?\b(?! drones?)|suicide (bomb\w*|attack\w*|"
            r"car bomb\w*)|s'est fait exploser|se sont fait exploser|"
            r"blew (him|her|them)sel(f|ves) up)"
        ),
    ),
    _TypeRule(
        "Explosions/Remote violence",
        "Air/drone strike",
        _rx(
            r"(frappes? (aériennes?|de drones?|par drones?|d'un drone|de l'aviation)|"
            r"raids? aériens?|bombardements? aériens?|attaques? (de|au|par|d'un) drones?|"
            r"attaques? aériennes?|"
            r"(avions?|aviation|hélicoptères?|chasseurs?|bombardiers?)( de combat| militaires?"
            r"| de guerre)? (a|ont|avait|avaient) (bombardé|frappé|visé|attaqué|pilonné)|"
            r"drones?( kamikazes?| armés?| d'attaque)? (a|ont|avait|avaient) (frappé|visé|"
            r"attaqué|touché|détruit)|frappée?s? par (un|des) drones?|"
            r"\bair ?strikes?|\bair[- ]raids?|drone (strikes?|attacks?)|airstrikes?|"
            r"(struck|hit|targeted) by (an? )?(drones?|aircraft|warplanes?|jets?|helicopters?)|"
            r"(warplanes?|jets|aircraft|helicopters?|drones?) (bombed|struck|hit|targeted|"
            r"attacked|pounded)|aerial (bombardments?|attacks?))"
        ),
    ),
    _TypeRule(
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        _rx(
            r"(engins? explosifs?|\bEEI\b|\bIEDs?\b|mines? (antipersonnel|antichars?|terrestres?)|"
            r"sauté sur une mine|voitures? piégées?|véhicules? piégés?|bombe artisanale|"
            r"\blandmines?|car bombs?|roadside bombs?|improvised explosive|booby[- ]trap\w*|"
            r"(hit|struck|stepped on) a (land)?mine|engins? (explosifs? )?(improvisés?|"
            r"artisana(l|ux))|\bbombings?\b|\ban? bombs?\b|\bbomb (blasts?|exploded|went off)|"
            r"\bdetonat(ed|ing)\b|(a|ont) fait exploser)"
        ),
    ),
    _TypeRule("Explosions/Remote violence", "Grenade", _rx(r"\bgrenades?\b")),
    _TypeRule(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        _rx(
            r"(\bbombard\w*|\bpilonn\w*|\btirs? (de roquettes?|d'artillerie|de missiles?|d'obus|"
            r"de mortiers?|de lance-roquettes)|\broquettes?\b|\bobus\b|\bmissiles?\b|"
            r"\bartillerie\b|\bmortiers?\b|lance-roquettes|\b(Grad|Smerch|Iskander|Totchka|"
            r"Tochka|Himars)\b|\bshell(s|ed|ing)\b|\brockets?\b|\bartillery\b|\bmortars?\b|"
            r"\bbombard(ed|ing|ment|ments)\b|(touchée?s?|visée?s?|frappée?s?) (jeudi |"
            r"vendredi |samedi |dimanche |lundi |mardi |mercredi )?par des tirs|"
            r"\bfrappée?s?\b|\bfrappes?\b|\bstruck\b|\bstrikes?\b|\bpound(s|ed|ing)?\b|"
            r"\b(was|were|been|being) hit\b)"
        ),
    ),
    _TypeRule(
        "Violence against civilians",
        "Sexual violence",
        _rx(
            r"(\bviols?\b|\bviolée?s\b|violences? sexuelles?|\braped?\b|sexual (violence|assault))"
        ),
    ),
    _TypeRule(
        "Violence against civilians",
        "Abduction/forced disappearance",
        _rx(
            r"(\benlev(é|ée|és|ées|ement|ements)\b|\bkidnapp\w*|pris en otages?|\botages?\b|"
            r"\babduct\w*|\bhostages?\b|forcibly disappeared|disparitions? forcées?)"
        ),
    ),
    _TypeRule(
        "Violence against civilians",
        "Attack",
        _rx(
            r"(\bmassacr\w*|\bexécut(é|ée|és|ées|ion|ions)\b|tuée?s? par balles?|\blynch\w*|"
            r"hommes armés|\bexecuted\b|\bexecutions?\b|shot dead|gunned down|\bgunmen\b|"
            r"killed by (unknown |armed )?(men|assailants|attackers))"
        ),
    ),
    _TypeRule(
        "Battles",
        "Government regains territory",
        _rx(
            # "ont repris Hadrout", "la reprise de Choucha" (a capital follows; not "les
            # combats ont repris", "la reprise des hostilités")
            r"(repris le contrôle|\b(a|ont|avait|avaient) repris (?-i:[A-ZÉÈÎ])|"
            r"\breprise (de |d['’])(?-i:[A-ZÉÈÎ])|\blibér(é|ée|és|ées)\b|"
            r"\blibération (de |d['’])(?-i:[A-ZÉÈÎ])|\brecaptur\w*|\bretook\b|regained control|"
            r"\bliberated\b)"
        ),
    ),
    _TypeRule(
        "Battles",
        "Non-state actor overtakes territory",
        _rx(
            r"(\bempar(é|ée|és|ées|er|ent|aient|ait)\b|pris le contrôle|tombée? aux mains|"
            r"seized control|took control|\bcaptured\b|\boverran\b|\bfell to\b)"
        ),
    ),
    _TypeRule(
        "Battles",
        "Armed clash",
        _rx(
            r"(\bcombats?\b|\baffrontements?\b|\baccrochages?\b|échanges? de tirs|\bheurts\b|"
            r"tirs (nourris|d'armes|sporadiques)|coups de feu|\bfusillades?\b|\bgunfire\b|"
            r"\bgunshots\b|heavy fire|opened fire|ouvert le feu|"
            r"se sont affrontés|\bassauts?\b|\bcontre-offensive\b|\bfighting\b|\bclash(es|ed)?\b|"
            r"\bfirefights?\b|gun ?battles?|\bfought\b|\bskirmish(es)?\b|exchanges? of fire|"
            r"\bcounter-?offensive\b|\bassaults?\b)"
        ),
    ),
    _TypeRule(
        "Riots",
        "Violent demonstration",
        _rx(r"(\bémeutes?\b|\bémeutiers\b|\briots?\b|\brioters\b|\brioting\b|violent protests?)"),
    ),
    _TypeRule("Riots", "Mob violence", _rx(r"(foule en colère|\bmob\b|lynchage)")),
    _TypeRule(
        "Protests",
        "Peaceful protest",
        _rx(
            r"(\bmanifest(ation|ations|ants|antes|é|és|ent|aient)\b|\brassemblements?\b|"
            r"\bprotestataires\b|\bprotests?\b|\bprotesters\b|\bprotested\b|"
            r"\bdemonstrat(ion|ions|ors)\b|\brall(y|ies)\b)"
        ),
    ),
    _TypeRule(
        "Strategic developments",
        "Arrests",
        _rx(
            r"(\barrêt(é|ée|és|ées)\b|\barrestations?\b|\binterpell(é|és|ée|ées)\b|\barrest(ed|s)\b|\bdetained\b)"
        ),
    ),
    _TypeRule(
        "Strategic developments",
        "Agreement",
        _rx(
            r"(cessez-le-feu|\btrêve\b|accord de paix|\bceasefire\b|cease-fire|\btruce\b|"
            r"peace (deal|agreement|accord))"
        ),
        also=_rx(
            r"(\bconclu|\bsigné|\baccepté|\binstauré|\bnégocié|entré en vigueur|entrée en vigueur|"
            r"\bnegotiated\b|"
            r"\bsigned\b|\bagreed\b|\baccepted\b|\bbrokered\b|took effect|came into force)"
        ),
    ),
    _TypeRule(
        "Strategic developments",
        "Change to group/activity",
        _rx(
            r"(\bdéploy\w*|\btransit(é|ée|és|ant)\b|\bacheminé\w*|\brecrut\w*|\bmercenaires\b|"
            r"en passant par|\brenforts\b|\bdeploy\w*|\btransit(ed|ing)?\b|\brecruit\w*|"
            r"\bmercenaries\b|\breinforcements\b)"
        ),
    ),
    _TypeRule(
        "Strategic developments",
        "Looting/property destruction",
        _rx(
            r"(\bpill(é|és|ée|ées|age|ages)\b|\bincendi(é|és|ée|ées)\b|\bloot(ed|ing)\b|"
            r"\btorched\b|burn(ed|t) down)"
        ),
    ),
    # an attack, or people killed, with no word for how: on civilians, violence against
    # civilians; otherwise a clash between armed men
    _TypeRule(
        "Violence against civilians",
        "Attack",
        _ATTACK_WORDS,
        also=_CIVILIANS,
        unless=_NOT_VIOLENCE,
        generic=True,
    ),
    _TypeRule(
        "Battles",
        "Armed clash",
        _ATTACK_WORDS,
        unless=_NOT_VIOLENCE,
        generic=True,
    ),
    _TypeRule(
        "Violence against civilians",
        "Attack",
        _CASUALTY_WORDS,
        also=_CIVILIANS,
        unless=_NOT_VIOLENCE,
        generic=True,
    ),
    _TypeRule(
        "Battles",
        "Armed clash",
        _CASUALTY_WORDS,
        also=_ARMED,
        unless=_NOT_VIOLENCE,
        generic=True,
    ),
)


def classify_sentence(sentence: str) -> tuple[str, str] | None:
    """Return the ACLED (event_type, sub_event_type) a sentence reports, or None.

    Examples
    --------
    >>> classify_sentence("Martouni a été touchée jeudi par des tirs de roquettes.")
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    >>> classify_sentence("A drone strike hit a convoy near Tartar.")
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> classify_sentence("Erevan a accueilli une conférence.") is None
    True
    """
    for rule in _TYPE_RULES:
        if rule.pattern.search(sentence) and rule.applies(sentence):
            return rule.event_type, rule.sub_event_type
    return None


# --------------------------------------------------------------------------- numbers

_UNITS: Final = {
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
_MULTIPLIERS: Final = {"cent": 100, "cents": 100, "mille": 1000, "hundred": 100, "thousand": 1000}
#: French approximate numbers: "une trentaine" is about 30, "deux centaines" about 200.
_APPROX: Final = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1000,
}  # fmt: skip
_VAGUE: Final = {
    "dizaines": defaults.DOZENS_COUNT,
    "dozens": defaults.DOZENS_COUNT,
    "centaines": defaults.HUNDREDS_COUNT,
    "hundreds": defaults.HUNDREDS_COUNT,
    "plusieurs": defaults.SEVERAL_COUNT,
    "several": defaults.SEVERAL_COUNT,
    "nombreux": defaults.SEVERAL_COUNT,
    "nombreuses": defaults.SEVERAL_COUNT,
    "many": defaults.SEVERAL_COUNT,
}


def parse_number(text: str) -> int | None:
    """Parse a count written in digits or in French or English words.

    Examples
    --------
    >>> parse_number("1 280"), parse_number("Quatre"), parse_number("vingt-deux")
    (1280, 4, 22)
    >>> parse_number("quatre-vingt-dix"), parse_number("twenty-one"), parse_number("two hundred")
    (90, 21, 200)
    >>> parse_number("des dizaines"), parse_number("soldiers") is None
    (12, True)
    >>> parse_number("une trentaine"), parse_number("deux centaines")
    (30, 200)
    """
    raw = text.strip().lower()
    digits = re.sub(r"[\s\u00a0\u202f,.']", "", raw)
    if digits.isdecimal():
        return int(digits)
    if raw in ("a", "an"):
        return 1  # "a police officer was killed"
    words = [w for w in re.split(r"[\s\-]+", raw) if w and w not in ("et", "and", "des", "de", "a")]
    if not words:
        return None
    approx = _APPROX.get(words[-1].removesuffix("s"))
    if approx is not None:
        # "une trentaine", "un millier", "deux centaines"; "des dizaines" is vague (below)
        head = words[:-1]
        if head in (["une"], ["un"]) or (not head and not words[-1].endswith("s")):
            return approx
        factor = parse_number(" ".join(head)) if head else None
        if factor:
            return factor * approx
        if words[-1] not in _VAGUE:
            return None
    if len(words) == 1 and words[0] in _VAGUE:
        return _VAGUE[words[0]]
    total = 0
    current = 0
    for w in words:
        if w in _VAGUE:
            return _VAGUE[w]
        value = _UNITS.get(w)
        if value is None:
            return None
        if w in _MULTIPLIERS:
            current = max(current, 1) * value
            if value >= 1000:
                total += current
                current = 0
        elif w.startswith("vingt") and current == 4:
            current = 80  # quatre-vingt(s)
        elif current >= 60 and current % 20 == 0 and value < 20 and current in (60, 80):
            current += value  # soixante-dix, quatre-vingt-dix
        else:
            current += value
    return total + current


_NUM_WORDS: Final = "|".join(
    sorted((w for w in (*_UNITS, *_APPROX) if w not in ("a",)), key=len, reverse=True)
)
#: People counted one by one: "a police officer", "an aid worker".
_ONE_PERSON: Final = (
    r"(?:\w+ ){0,2}(?:police officer|policeman|policewoman|officer|soldier|civilian|child|"
    r"boy|girl|woman|man|journalist|fighter|resident|member|student|worker|guard|"
    r"commander|doctor|nurse|farmer|teacher)\b"
)
_NUMBER_RE: Final = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f,]\d{3})+|\d+)(?![\w]|[.,]\d)"
    r"|\b((?:(?:" + _NUM_WORDS + r")(?:[\s\-]+(?:et[\s\-]+|and[\s\-]+)?)?)+)\b"
    r"|\b(dizaines|dozens|centaines|hundreds|plusieurs|several)\b"
    r"|\b(an?)\b(?= " + _ONE_PERSON + ")",
    re.IGNORECASE,
)

_KILLED: Final = re.compile(
    r"\b(tuée?s?|tue|tuent|tuant|morte?s?|décédée?s?|péri|killed|kills?|killing|dead|died|deaths?|"
    r"fatalities|lives)\b",
    re.IGNORECASE,
)
_INJURED: Final = re.compile(
    r"\b(blessée?s?|blessures|blessant|wounded|wounding|injured|injuring|injuries|hurt)\b",
    re.IGNORECASE,
)
_ACTIVE: Final = re.compile(
    r"\b(tuant|blessant|killing|wounding|injuring|(a|ont|avait|avaient) (tué|blessé)|"
    r"tue|tuent|blesse|blessent|kills?|wounds|injures|killed|wounded|injured|mort de|"
    r"morts de|la mort d[e']|deaths? of|death toll of|bilan de|"
    r"death toll\b[^.;:]{0,120}?\b(?:(?:has|have|had) )?(?:risen|rose|rises|climbed|climbs|"
    r"reached|reaches|jumped|increased|stands at|stood at)(?: to)?)\s+"
    r"(?:(?:at least|au moins|plus de|more than|some|about|environ|près de|"
    r"around|over|up to|jusqu'à)\s+)?",
    re.IGNORECASE,
)
_UNIT_AFTER: Final = re.compile(
    r"\s*(%|(?:pour ?cent|percent|km\b|kilomètres?|kilometres?|kilometers?|miles?|mètres?|"
    r"metres?|meters?|h\b|heures?|hours?|ans\b|years?|jours?|days?|semaines?|weeks?|mois\b|"
    r"months?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|euros?|dollars?)\b)",
    re.IGNORECASE,
)
_PERSON_OR_CUE: Final = re.compile(
    r"\s*(\w+\s+)?(civile?s?|soldats?|personnes?|enfants?|femmes?|hommes?|militaires?|"
    r"journalistes?|policiers?|combattants?|habitants?|secouristes?|membres?|villageois|"
    r"civilians?|soldiers?|persons?|people|child|children|wom[ae]n|m[ae]n|officers?|"
    r"fighters?|residents?|members?|journalists?|servicem[ae]n|troops?|tués?|tuée?s?|"
    r"morte?s?|blessée?s?|killed|dead|wounded|injured)\b",
    re.IGNORECASE,
)
_NEGATION: Final = re.compile(
    r"\b(pas|jamais|aucune?|sans|not|no|none|never|without)\b", re.IGNORECASE
)
#: An aside between commas right before a cue: ", dont des femmes et des enfants, ont été".
_ASIDE_BEFORE: Final = re.compile(
    r",\s*(?:dont|including|among them|parmi lesquels|parmi elles|parmi eux)\b[^,;.]{0,80},"
    r"\s*(?:(?:ont|avaient|sont|ont été|avaient été|have|had|were|have been|had been)\s+)*"
    r"(?:été\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_BREAK: Final = re.compile(
    r"[,;:()\[\]\"«»]|\b(dont|including|among them|parmi)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Casualty:
    """A count of people killed or injured found in a sentence."""

    kind: str  # "fatalities" or "injured"
    count: int
    start: int  # offset of the number in the sentence
    end: int


def count_casualties(sentence: str) -> list[Casualty]:
    """Find the numbers of people killed and injured in a sentence.

    A count is a number (digits, French or English words, "des dizaines", "dozens") joined to
    a cue word: before it in the same clause ("Quatre civils ont été tués", "11 personnes
    blessées", "104 soldats et 13 civils ont été tués") or after an active form ("killing
    12 people", "la mort de 19 civils"). Negated cues ("n'a pas été blessée") count nothing.

    Examples
    --------
    >>> s = "Quatre civils ont été tués par ces tirs, et 11 personnes blessées."
    >>> [(c.kind, c.count) for c in count_casualties(s)]
    [('fatalities', 4), ('injured', 11)]
    >>> [(c.kind, c.count) for c in count_casualties("A strike killed at least 12 people.")]
    [('fatalities', 12)]
    """
    numbers: list[tuple[int, int, int]] = []
    for m in _NUMBER_RE.finditer(sentence):
        value = parse_number(m.group())
        if value is not None and value > defaults.MAX_PEOPLE_COUNT:
            continue  # "10^23 killed" is no count of people
        if value and not _is_not_a_count(sentence, m.start(), m.end()):
            numbers.append((m.start(), m.end(), value))
    out: list[Casualty] = []
    used: set[int] = set()
    for kind, cue_re in (("fatalities", _KILLED), ("injured", _INJURED)):
        for cue in cue_re.finditer(sentence):
            found = _count_before(sentence, cue.start(), numbers, used)
            if not found:
                found = _count_after(sentence, cue, numbers, used)
            for s, e, v in found:
                used.add(s)
                out.append(Casualty(kind, v, s, e))
    out.sort(key=lambda c: c.start)
    return out


def _is_not_a_count(sentence: str, start: int, end: int) -> bool:
    after = sentence[end : end + 14].lower()
    if re.match(r"(er|ère|e|ème|st|nd|rd|th)\b", after):
        return True  # ordinal: 1er octobre, 2nd
    if _UNIT_AFTER.match(after):
        return True  # 25 kilomètres, 8 novembre, 10 %
    digits = sentence[start:end]
    return digits.isdecimal() and len(digits) == 4 and 1900 <= int(digits) <= 2100  # a year


def _count_before(
    sentence: str, cue_start: int, numbers: list[tuple[int, int, int]], used: set[int]
) -> list[tuple[int, int, int]]:
    window_start = max(0, cue_start - defaults.CASUALTY_WINDOW_CHARS)
    segment = sentence[window_start:cue_start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(segment)]
    clause_start = window_start + (breaks[-1] if breaks else 0)
    candidates = [
        (s, e, v) for s, e, v in numbers if clause_start <= s and e <= cue_start and s not in used
    ]
    if not candidates:
        # "Au moins vingt personnes, dont des femmes et des enfants, ont été tuées": the
        # count stands before an aside between commas
        aside = _ASIDE_BEFORE.search(sentence, 0, cue_start)
        if aside is None:
            return []
        head = sentence[: aside.start()]
        candidates = [
            (s, e, v)
            for s, e, v in numbers
            if e <= aside.start()
            and s not in used
            and len(head) - e < 30
            and _PERSON_OR_CUE.match(sentence, e)
        ]
        if not candidates:
            return []
        nearest = candidates[-1]
        return [nearest] if not _NEGATION.search(sentence, nearest[1], cue_start) else []
    # the nearest number, and numbers coordinated with it ("104 soldats et 13 civils")
    candidates.sort(key=lambda t: t[0])
    nearest = candidates[-1]
    between = sentence[nearest[1] : cue_start]
    if _NEGATION.search(between) or len(between) > defaults.CASUALTY_GAP_CHARS:
        return []
    if (
        nearest[2] == 1
        and not _PERSON_OR_CUE.match(between)
        and between.strip().lower() not in ("autre", "other")
    ):
        return []  # "un bombardement a tué": an article, not a count ("un autre blessé" is)
    chosen = [nearest]
    for s, e, v in reversed(candidates[:-1]):
        between = sentence[e : chosen[-1][0]].lower()
        if re.search(r"\b(et|and)\b", between) and len(between) < 40:
            chosen.append((s, e, v))
        else:
            break
    return chosen


def _count_after(
    sentence: str, cue: re.Match[str], numbers: list[tuple[int, int, int]], used: set[int]
) -> list[tuple[int, int, int]]:
    """A number right after an active form at the cue: "killing 12", "la mort de 19"."""
    for m in _ACTIVE.finditer(sentence, max(0, cue.start() - 12)):
        if m.start() > cue.start():
            break
        if m.start() <= cue.start() < m.end():
            for s, e, v in numbers:
                if s not in used and m.end() <= s <= m.end() + 3:
                    return [(s, e, v)]
            return []
    return []


# --------------------------------------------------------------------------- dates

_MONTHS: Final = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS: Final = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
_MONTH_RX: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RX: Final = "|".join(_WEEKDAYS)
_DAY_MONTH: Final = re.compile(
    rf"\b(?:(?P<wd1>{_WEEKDAY_RX})[\s,]+)?(?:the\s+)?(?P<d1>1er|\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s+of)?\s+(?P<m1>{_MONTH_RX})\.?(?:,?\s+(?P<y1>\d{{4}}))?\b"
    rf"|\b(?:(?P<wd2>{_WEEKDAY_RX})[\s,]+)?(?P<m2>{_MONTH_RX})\.?\s+(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
_ISO_DATE: Final = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY: Final = re.compile(rf"\b({_WEEKDAY_RX})\b", re.IGNORECASE)
_RELATIVE: Final = re.compile(
    r"\b(avant-hier|hier|aujourd'hui|aujourd’hui|ce matin|cette nuit|ce soir|"
    r"the day before yesterday|yesterday|today|this morning|tonight|last night)\b",
    re.IGNORECASE,
)
_RELATIVE_DAYS: Final = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "ce matin": 0,
    "cette nuit": 0, "ce soir": 0, "the day before yesterday": -2, "yesterday": -1,
    "today": 0, "this morning": 0, "tonight": 0, "last night": -1,
}  # fmt: skip
_NOT_EVENT_DATE: Final = re.compile(
    r"(depuis|since|jusqu'à|jusqu’à|until|till|dès|from|à partir de)\s*(le\s+|the\s+)?$",
    re.IGNORECASE,
)
_LAST_YEAR: Final = re.compile(
    r",?\s+(last year|(de )?l['’]an (dernier|passé)|(de )?l['’]année (dernière|passée))\b",
    re.IGNORECASE,
)
_LAST_BEFORE: Final = re.compile(r"\blast\s+$", re.IGNORECASE)
_LAST_AFTER: Final = re.compile(r"\s+derni(er|ère)\b", re.IGNORECASE)
_NEXT_BEFORE: Final = re.compile(r"\bnext\s+$", re.IGNORECASE)
_NEXT_AFTER: Final = re.compile(r"\s+prochain\b", re.IGNORECASE)
#: A month without a day: "en août 2022", "Fin mai", "In April", "in December".
_MONTH_ONLY: Final = re.compile(
    rf"\b(?:(?P<pre>en|in|fin|début|debut|mi|early|late|mid|depuis|since|from|until)"
    rf"[\s\-]+)?(?:(?:le |au )?mois d['e]\s*)?(?P<m>{_MONTH_RX})\b\.?"
    rf"(?:\s+(?P<y>\d{{4}})\b)?",
    re.IGNORECASE,
)
#: This month or the previous one: "earlier this month", "le mois dernier".
_RELATIVE_MONTH: Final = re.compile(
    r"\b(earlier this month|this month|ce mois-ci|plus tôt ce mois|last month|"
    r"le mois dernier|le mois précédent|the previous month)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a sentence: ``precision`` 1 (day) when resolved, else None date."""

    date: dt.date | None
    precision: int
    start: int
    end: int
    explicit: bool  # written with a day and month (not a weekday or "hier")


def _day_month(m: re.Match[str]) -> tuple[int, int, int | None]:
    day = m.group("d1") or m.group("d2")
    month = m.group("m1") or m.group("m2")
    year = m.group("y1") or m.group("y2")
    return (
        1 if day.lower() == "1er" else int(day),
        _MONTHS[month.lower().rstrip(".")],
        int(year) if year else None,
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day or geo cannot hold it (year 9999)."""
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if defaults.EARLIEST_DATE <= date <= defaults.LATEST_DATE else None


def find_dates(sentence: str, *, reference: dt.date | None) -> list[FoundDate]:
    """Find dates in a sentence, resolved against a reference date (the article's day).

    Weekdays resolve to the latest such day on or before ``reference``; a day and month
    without a year take the reference's year (the previous one if that would put it more
    than a week after the reference). Dates after "depuis"/"since" are not event dates and
    are skipped.

    Examples
    --------
    >>> ref = dt.date(2020, 10, 2)
    >>> [str(d.date) for d in find_dates("touchée jeudi par des tirs", reference=ref)]
    ['2020-10-01']
    >>> [str(d.date) for d in find_dates("on Sunday, 8 November", reference=dt.date(2020, 11, 9))]
    ['2020-11-08']
    >>> [(str(d.date), d.precision) for d in find_dates("Fin mai, des heurts", reference=ref)]
    [('2020-05-01', 3)]
    """
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for m in _ISO_DATE.finditer(sentence):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is not None:
            found.append(FoundDate(d, 1, m.start(), m.end(), True))
            taken.append(m.span())
    for m in _DAY_MONTH.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _NOT_EVENT_DATE.search(sentence[max(0, m.start() - 20) : m.start()]):
            taken.append(m.span())
            continue
        day, month, year = _day_month(m)
        if year is None and reference is not None:
            year = reference.year
            candidate = _safe_date(year, month, day)
            if (candidate is not None and candidate > reference + dt.timedelta(days=7)) or (
                _LAST_YEAR.match(sentence, m.end())
            ):
                year -= 1  # "on 7 October last year", "le 7 octobre de l'an dernier"
        d = _safe_date(year, month, day) if year is not None else None
        found.append(FoundDate(d, 1, m.start(), m.end(), True))
        taken.append(m.span())
    for m in _WEEKDAY.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        before = sentence[max(0, m.start() - 20) : m.start()]
        if _NOT_EVENT_DATE.search(before):
            continue
        if _NEXT_BEFORE.search(before) or _NEXT_AFTER.match(sentence, m.end()):
            continue  # "next Monday", "lundi prochain": no event yet
        d = None
        if reference is not None:
            back = (reference.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
            if back == 0 and (_LAST_BEFORE.search(before) or _LAST_AFTER.match(sentence, m.end())):
                back = 7  # "mardi dernier" in an article of a Tuesday
            d = reference - dt.timedelta(days=back)
        found.append(FoundDate(d, 1, m.start(), m.end(), False))
        taken.append(m.span())
    for m in _RELATIVE.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        d = None
        if reference is not None:
            d = reference + dt.timedelta(days=_RELATIVE_DAYS[m.group(1).lower()])
        found.append(FoundDate(d, 1, m.start(), m.end(), False))
        taken.append(m.span())
    found.extend(_month_dates(sentence, reference, taken))
    found.sort(key=lambda f: f.start)
    return found


def _month_dates(
    sentence: str, reference: dt.date | None, taken: list[tuple[int, int]]
) -> list[FoundDate]:
    """Months without a day ("en août 2022", "In April", "earlier this month"): the first
    day of the month, ACLED time precision 3."""
    found: list[FoundDate] = []
    for m in _MONTH_ONLY.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        pre, year_text = m.group("pre"), m.group("y")
        if pre is None and year_text is None:
            continue  # "mars", "may": a month only with a preposition or a year
        if pre is not None and pre.lower() in ("depuis", "since", "from", "until"):
            continue
        month = _MONTHS[m.group("m").lower().rstrip(".")]
        if year_text is not None:
            year: int | None = int(year_text)
        elif reference is not None:
            year = reference.year - (1 if month > reference.month else 0)
        else:
            year = None
        d = dt.date(year, month, 1) if year is not None else None
        found.append(FoundDate(d, 3, m.start(), m.end(), False))
    for m in _RELATIVE_MONTH.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken) or reference is None:
            continue
        first = reference.replace(day=1)
        if (
            "last" in m.group(1).lower()
            or "dernier" in m.group(1).lower()
            or ("précédent" in m.group(1).lower() or "previous" in m.group(1).lower())
        ):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        found.append(FoundDate(first, 3, m.start(), m.end(), False))
    return found


def _reference_date(doc: Document) -> dt.date | None:
    """The article's own day: its date, or the latest explicit date of its month in it."""
    if doc.date is None:
        return None
    if doc.date_precision == "day":
        return doc.date
    if doc.date_precision == "month":
        first = doc.date
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        best: dt.date | None = None
        for f in find_dates(doc.text[doc.body_start :], reference=last):
            if f.explicit and f.date is not None and first <= f.date <= last:
                best = f.date if best is None or f.date > best else best
        return best
    return None


# --------------------------------------------------------------------------- events


_CUMULATIVE: Final = re.compile(
    r"\b(au total|en tout|depuis|bilan (global|total)|in total|in all|so far|since|overall|"
    r"total of|cumulative)\b",
    re.IGNORECASE,
)
_CLAUSE_EDGE: Final = re.compile(r"[,;:()\[\]]")
#: A wire dateline: "PORT-AU-PRINCE (AFP) -", "MOGADISHU, Oct 30 (Reuters) -", "MAIDUGURI,
#: Nigeria (AP) —", "BAKU/YEREVAN, Oct 17 (Reuters) -".
_DATELINE: Final = re.compile(
    r"[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- /]{1,60}(?:,[^\n(),]{1,40})?[ \t]*"
    r"(?:\([^()\n]{1,40}\)[ \t]*)+(?:-|—|–)"
)


def _cumulative(sentence: str, start: int, end: int) -> bool:
    """Whether the count at ``start:end`` of a sentence is a running total ("40 000 morts
    depuis 1984", "Since the war began, 500 people were killed"), not an incident's toll."""

    def total_cue(s: int, e: int) -> bool:
        return _CUMULATIVE.search(sentence, s, e) is not None

    edges = [m.start() for m in _CLAUSE_EDGE.finditer(sentence)]
    clause_start = max((e + 1 for e in edges if e < start), default=0)
    clause_end = min((e for e in edges if e >= end), default=len(sentence))
    if total_cue(clause_start, clause_end):
        return True
    # an opening phrase sets the frame of the whole sentence: "Depuis 2017, ..."
    opener_end = edges[0] if edges and edges[0] < start else 0
    return opener_end > 0 and total_cue(0, opener_end)


_BORDER_CUE: Final = re.compile(
    r"(frontières? (avec|entre|du|de la|de l['’]|des)|borders? (with|between|of)|bordering|"
    r"(limitrophes?|frontali(er|ère|ers|ères)) (du|de la|de l['’]|des|avec)|"
    r"(près|proche|non loin) (du|de la|de l['’]|des)|\bnear|close to)\b",
    re.IGNORECASE,
)
#: A place in a compound adjective: "Britain-based", "Barbados-flagged", "Iran-aligned".
_COMPOUND_AFTER: Final = re.compile(
    r"[-‑](based|backed|led|aligned|allied|flagged|owned|registered|born|made|funded|"
    r"sponsored|linked|affiliated)\b",
    re.IGNORECASE,
)
#: A generic cue right after "since": a time reference ("since Hamas's attack on Israel").
_SINCE_BEFORE: Final = re.compile(r"\b(since|depuis)\b[^,.;]{0,20}$", re.IGNORECASE)
#: A coordinated clause between a generic cue and a place: ", and raids on ...".
_NEW_CLAUSE: Final = re.compile(
    r"(;|,\s*(and|et|while|but|mais|alors que|tandis que)\b)", re.IGNORECASE
)
_LIST_OF_NAMES: Final = re.compile(
    r"(?:\s|,|\bet\b|\band\b|\ble\b|\bla\b|\bles\b|\bl['’]|\bthe\b|\bdu\b|"
    r"\bde\b|[A-ZÀ-Þ][\w'’\-]*)*",
)


def _across_border(text: str, m: Mention) -> bool:
    """A country named as a neighbour: "près de la frontière avec le Niger", "near the borders
    with Mali and Burkina Faso", "près du Burkina Faso"; the incident is not in it. Nor is a
    place in a compound adjective ("a Britain-based monitor", "a Barbados-flagged ship")."""
    if _COMPOUND_AFTER.match(text, m.char_end):
        return True
    if m.place.kind != "country":
        return False
    window = text[max(0, m.char_start - 80) : m.char_start]
    cues = list(_BORDER_CUE.finditer(window))
    if not cues:
        return False
    between = window[cues[-1].end() :]
    return _LIST_OF_NAMES.fullmatch(between) is not None


def _generic_reaches(
    sentence: str, start: int, end: int, rule: int, cues: list[tuple[int, int, int]]
) -> bool:
    """Whether the nearest cue of a generic rule ("attack", "killed") reports on the place at
    ``start:end``: not a time reference ("since the attack on ...") and not across a new
    clause ("... were killed, and raids on army posts around Djibo")."""
    own = [(s, e) for s, e, idx in cues if idx == rule]
    s, e = min(own, key=lambda c: min(abs(c[0] - end), abs(start - c[1])))
    if _SINCE_BEFORE.search(sentence, max(0, s - 30), s):
        return False
    lo, hi = (e, start) if e <= start else (end, s)
    return _NEW_CLAUSE.search(sentence, lo, hi) is None


def _dateline_end(text: str, line_start: int) -> int:
    """End offset of the dateline that opens the line at ``line_start``, or -1."""
    m = _DATELINE.match(text, line_start)
    return m.end() if m is not None else -1


@dataclass(slots=True)
class _Incident:
    etype: str
    subtype: str
    sentence: int
    date: dt.date | None
    precision: int
    notes: list[str]
    places: dict[str, list[Mention]] = field(default_factory=dict)
    fatalities: dict[str, int] = field(default_factory=dict)
    injured: dict[str, int] = field(default_factory=dict)


def _cue_matches(sentence: str) -> list[tuple[int, int, int]]:
    """Every incident cue of a sentence: (start, end, index of its rule)."""
    out: list[tuple[int, int, int]] = []
    seen: dict[int, bool] = {}
    spans: dict[int, list[tuple[int, int]]] = {}  # rules that share a cue pattern scan once
    for idx, rule in enumerate(_TYPE_RULES):
        if not rule.applies(sentence, seen):
            continue
        found = spans.get(id(rule.pattern))
        if found is None:
            found = spans[id(rule.pattern)] = [m.span() for m in rule.pattern.finditer(sentence)]
        out.extend((s, e, idx) for s, e in found)
    if len(out) > 1:
        # a cue inside a longer one is part of it: "bombing" in "suicide bombing"
        out = [
            c
            for c in out
            if not any(o[0] <= c[0] and c[1] <= o[1] and o[1] - o[0] > c[1] - c[0] for o in out)
        ]
    return out


def _rule_for(start: int, end: int, cues: list[tuple[int, int, int]]) -> int | None:
    """The rule of the cue that reports on the place at ``start:end`` of the sentence.

    The nearest cue within reach wins, except that a weapon ("roquettes") almost as near as
    a word for fighting ("combats") is preferred to it.
    """
    reach = defaults.CUE_MAX_DISTANCE_CHARS
    scored = []
    for s, e, idx in cues:
        distance = 0 if (s < end and start < e) else (s - end if s >= end else start - e)
        if distance <= reach:
            scored.append((distance, idx))
    if not scored:
        return None
    nearest_distance, nearest = min(scored)
    if _TYPE_RULES[nearest].generic:
        specific = [
            (d, idx)
            for d, idx in scored
            if not _TYPE_RULES[idx].generic
            and d <= nearest_distance + defaults.CUE_PRIORITY_SLACK_CHARS
        ]
        if specific:
            nearest_distance, nearest = min(specific)
    if _TYPE_RULES[nearest].event_type == "Battles":
        weapons = [
            idx
            for d, idx in scored
            if d <= nearest_distance + defaults.CUE_PRIORITY_SLACK_CHARS
            and _TYPE_RULES[idx].event_type == "Explosions/Remote violence"
        ]
        if weapons:
            return min(weapons)
    return nearest


def _nearest_date(
    pos: int,
    dates: list[FoundDate],
    default: dt.date | None,
    default_precision: int,
    sentence: str = "",
) -> tuple[dt.date | None, int]:
    """The date nearest to a place; a date after the place and past a comma belongs to the
    next clause ("... a checkpoint in Bannu district, and in December fighters seized ...",
    "... la ville de Palma, dans le nord-est du Mozambique, ont annoncé dimanche")."""
    if not dates:
        return default, default_precision

    def cost(d: FoundDate) -> int:
        distance = min(abs(d.start - pos), abs(d.end - pos))
        if d.start > pos and _CLAUSE_EDGE.search(sentence, pos, d.start):
            distance += 1000
        return distance

    best = min(dates, key=cost)
    return best.date, best.precision


_ACTOR_AFTER: Final = re.compile(
    r"\s*(?:(?:et|and)\s+[^\W\d_][\w\-]*\s+)?(?:,[^,.]{0,50},\s*)?"
    r"(?:(?:a|ont|avait|avaient|aurait|auraient|has|have|had|would)\s+)?"
    r"(?:(?:également|aussi|déjà|pourtant|also|already|later|then|repeatedly)\s+)?"
    r"(?:s['’]|se\s+)?"
    r"(?:déclar|affirm|annon[cç]|indiqu|accus|dément|démenti|nie\b|nié|assur|estim|fourni|"
    r"form[ée]|soutien|dénon[cç]|condamn|réclam|exig|menac|rejet|reconn|confirm|revendiqu|"
    r"appel|répond|said|says|claim|accus|den(?:y|ied|ies)|announc|insist|warn|suppl|"
    r"provid|support|condemn|demand|threaten|reject|confirm|acknowledg|respond|call|"
    r"lanc[ée]|launch|men[ée]\b|carried out|conducted|fired)",
    re.IGNORECASE,
)
_ACTOR_BEFORE: Final = re.compile(
    r"(?:soutenue?s?|appuyée?s?|armée?s?|financée?s?|accusée?s?|condamnée?s?|backed|"
    r"supported|armed|funded|accused|condemned|sponsored)\s+(?:par|by)\s+(?:l['’]|la |le )?$",
    re.IGNORECASE,
)


def _is_actor(text: str, m: Mention) -> bool:
    """A place name used for its government ("Bakou et Erevan indiquant", "backed by Moscow");
    not when the verb's subject comes after it ("... la ville de Palma, dans le nord-est du
    Mozambique, ont annoncé dimanche les autorités", "..., said local officials")."""
    found = _ACTOR_AFTER.match(text, m.char_end, min(len(text), m.char_end + 90))
    if found is not None:
        verb_start = found.end()
        while verb_start > m.char_end and text[verb_start - 1].isalpha():
            verb_start -= 1
        aux = re.search(r"(?:\b(?:a|ont|avait|avaient|has|have|had)\s+)?$", text[:verb_start])
        before_verb = text[: aux.start() if aux else verb_start].rstrip()
        if not (before_verb.endswith(",") and _INVERTED_SUBJECT.match(text, found.end())):
            return True
    return bool(_ACTOR_BEFORE.search(text, max(0, m.char_start - 40), m.char_start))


#: A subject after its reporting verb: "(ont annoncé) dimanche les autorités", "(said) local
#: officials".
_INVERTED_SUBJECT: Final = re.compile(
    rf"\w*\s+(?:(?:{_WEEKDAY_RX}|hier|yesterday|mardi|soir|matin|night|morning|evening)\s+)*"
    r"(?:(?:les|le|la|l['’]|un|une|des|deux|trois|plusieurs|the|a|an|two|three|several|"
    r"local|police|officials|authorities|witnesses|residents|sources)\b)",
    re.IGNORECASE,
)


def _merge_repeats(
    records: list[tuple[_Incident | None, Mention, str]],
) -> list[tuple[_Incident | None, Mention, str]]:
    """One event per place per incident: a headline and the body often report the same one.

    Incidents of the same type at the same place on the same date are merged into the first
    (tolls: the largest reported; notes: all sentences).
    """
    first: dict[tuple[str, str, dt.date | None], _Incident] = {}
    out: list[tuple[_Incident | None, Mention, str]] = []
    for inc, m, note in records:
        if inc is None:
            out.append((inc, m, note))
            continue
        key = (m.place.id, inc.subtype, inc.date)
        kept = first.get(key)
        if kept is None:
            first[key] = inc
            out.append((inc, m, note))
            continue
        if kept is inc:
            continue
        pid = m.place.id
        for src, dst in ((inc.fatalities, kept.fatalities), (inc.injured, kept.injured)):
            if pid in src:
                dst[pid] = max(dst.get(pid, 0), src[pid])
        kept.notes.extend(n for n in inc.notes if n not in kept.notes)
        if inc.precision < kept.precision:
            kept.precision = inc.precision
    return out


def _event_id(doc_id: str, k: int) -> str:
    stem = Path(doc_id).stem if doc_id else "doc"
    stem = re.sub(r"[^\w\-]+", "-", stem).strip("-")[:40] or "doc"
    digest = hashlib.blake2b(doc_id.encode("utf-8"), digest_size=3).hexdigest()
    return f"{stem}-{digest}-{k:03d}"


def _clean(sentence: str) -> str:
    return " ".join(sentence.split())


def _container(p: Place, others: Sequence[Place]) -> bool:
    """Whether ``p`` (a country or region) contains another place named with it; a continent
    or another region of no country ("Horn of Africa", "Sahel") contains any."""
    from geo.geoparse import haversine_km as _haversine_km
    from geo.geoparse import is_water as _is_water

    if p.kind == "region" and not p.country_code and not _is_water(p):
        return any(q.id != p.id and q.country_code for q in others)
    for q in others:
        if q.id == p.id or q.kind == "country":
            continue
        if p.kind == "country" and q.country_code == p.country_code:
            return True
        if (
            p.kind == "region"
            and q.kind == "city"
            and _haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) < 120
        ):
            return True
    return False


def event_rows(document: Document, *, parser: Geoparser | None = None) -> list[dict[str, Any]]:
    """Return the event records of one document as dicts with :data:`EVENT_COLUMNS`.

    Examples
    --------
    >>> from geo.io.documents import make_document
    >>> doc = make_document("date 2020-10-04\\nGanja a été frappée par des missiles dimanche.")
    >>> [(r["location"], str(r["event_date"]), r["sub_event_type"]) for r in event_rows(doc)]
    [('Ganja', '2020-10-04', 'Shelling/artillery/missile attack')]
    """
    from geo.geoparse import get_geoparser

    parser = parser or get_geoparser()
    text = document.text
    mentions, starts = parser.parse_sentences(
        text,
        lang=document.lang if document.lang in ("fr", "en") else None,
        start=document.body_start,
        doc_id=document.doc_id,
    )
    if not mentions:
        return []
    reference = _reference_date(document)
    # the article's date stands for an event it does not date: ACLED's "week" precision when
    # the day is known, "month" otherwise
    doc_precision = 2 if document.date_precision == "day" else 3
    doc_date = reference or document.date
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)

    def sentence_text(k: int) -> tuple[int, str]:
        begin = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        return begin, text[begin:end]

    records: list[tuple[_Incident | None, Mention, str]] = []
    last_incident: _Incident | None = None
    follow = 0
    for k in range(len(starts)):
        begin, sentence = sentence_text(k)
        ms = by_sentence.get(k, [])
        if not ms:
            # a toll in the next sentence(s) belongs to the incident just reported
            if last_incident is not None and follow < defaults.FOLLOW_UP_SENTENCES:
                follow += 1
                tolls = [
                    c
                    for c in count_casualties(sentence)
                    if not _cumulative(sentence, c.start, c.end)
                ]
                if tolls:
                    first = next(iter(last_incident.places))
                    for c in tolls:
                        target = (
                            last_incident.fatalities
                            if c.kind == "fatalities"
                            else last_incident.injured
                        )
                        target[first] = max(target.get(first, 0), c.count)
                    last_incident.notes.append(_clean(sentence))
            continue
        follow = 0
        last_incident = None
        note = _clean(sentence)
        cues = _cue_matches(sentence)
        if not cues:  # no incident: each place once, as a mention
            named: set[str] = set()
            for m in ms:
                if m.place.id not in named:
                    named.add(m.place.id)
                    records.append((None, m, note))
            continue
        dates = [d for d in find_dates(sentence, reference=reference) if d.date is not None]
        # a dateline names where the story was filed: the incident is at another place of
        # the sentence, if it names one ("ADDIS-ABEBA (AFP) - ... à Finote Selam")
        line_start = text.rfind("\n", 0, ms[0].char_start) + 1
        dateline_end = _dateline_end(text, line_start) if line_start >= begin else -1
        body = [m for m in ms if m.char_start >= dateline_end]
        every = [m.place for m in ms]
        places = [m.place for m in (body or ms)]
        if len(body) < len(ms) and not any(
            not _container(m.place, every if m.place.kind == "country" else places)
            and not _is_actor(text, m)
            for m in body
        ):
            body, places = ms, every
        by_rule: dict[tuple[int, dt.date | None], _Incident] = {}
        plain_seen: set[str] = set()
        tolls = [c for c in count_casualties(sentence) if not _cumulative(sentence, c.start, c.end)]
        # a word that says only "attack" or "killed" reports an incident when the sentence
        # dates it or counts its victims ("The attack follows a massacre..." does not)
        anchored = bool(tolls or dates)
        for m in ms:
            rule = None
            if (
                cues
                and m in body
                # a country contains the dateline's town too ("KYIV (Reuters) - ... Ukraine")
                and not _container(m.place, every if m.place.kind == "country" else places)
                and not _is_actor(text, m)
                and not _across_border(text, m)
            ):
                rule = _rule_for(m.char_start - begin, m.char_end - begin, cues)
                if (
                    rule is not None
                    and _TYPE_RULES[rule].generic
                    and not (
                        anchored
                        and _generic_reaches(
                            sentence, m.char_start - begin, m.char_end - begin, rule, cues
                        )
                    )
                ):
                    rule = None
            if rule is None:
                if m.place.id not in plain_seen:
                    plain_seen.add(m.place.id)
                    records.append((None, m, note))
                continue
            date, precision = _nearest_date(
                m.char_start - begin, dates, doc_date, doc_precision, sentence
            )
            incident = by_rule.get((rule, date))
            if incident is None:
                r = _TYPE_RULES[rule]
                incident = _Incident(r.event_type, r.sub_event_type, k, date, precision, [note])
                by_rule[(rule, date)] = incident
            incident.places.setdefault(m.place.id, []).append(m)
        if not by_rule:
            continue
        located = [
            (m, inc) for inc in by_rule.values() for ms_p in inc.places.values() for m in ms_p
        ]
        # a toll goes to a town or region of the incident rather than to its country
        if any(m.place.kind != "country" for m, _ in located):
            located = [(m, inc) for m, inc in located if m.place.kind != "country"]
        for c in tolls:
            pos = begin + c.start
            m, inc = min(located, key=lambda t: abs(t[0].char_start - pos))
            target = inc.fatalities if c.kind == "fatalities" else inc.injured
            target[m.place.id] = target.get(m.place.id, 0) + c.count
        for inc in by_rule.values():
            for ms_p in inc.places.values():
                records.append((inc, ms_p[0], ""))
        last_incident = by_rule[min(by_rule, key=lambda key: key[0])]

    gaz = parser.gazetteer
    rows: list[dict[str, Any]] = []
    source = document.url or document.doc_id
    language = document.lang
    records.sort(key=lambda r: r[1].char_start)
    records = _merge_repeats(records)
    for n, (owner, m, note) in enumerate(records, start=1):
        p = m.place
        if owner is None:
            etype, subtype = MENTION_TYPE, MENTION_TYPE
            date, precision = doc_date, doc_precision
            fatalities = injured = 0
        else:
            etype, subtype = owner.etype, owner.subtype
            date, precision = owner.date, owner.precision
            fatalities = owner.fatalities.get(p.id, 0)
            injured = owner.injured.get(p.id, 0)
            note = " ".join(owner.notes)
        rows.append(
            {
                "event_id": _event_id(document.doc_id, n),
                "event_date": date,
                "time_precision": precision if date is not None else None,
                "event_type": etype,
                "sub_event_type": subtype,
                "location": p.name,
                "mention": m.mention,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "geo_precision": m.precision,
                "country": gaz.country_name(p.country_code) if p.country_code else None,
                "country_code": p.country_code,
                "admin1": p.name if p.kind == "region" and p.source != "supplement" else p.admin1,
                "fatalities": fatalities,
                "injured": injured,
                "notes": note,
                "source": source,
                "language": language,
                "gazetteer_id": p.id,
                "char_start": m.char_start,
                "char_end": m.char_end,
            }
        )
    return rows


def extract_events(
    source: str | Document | Iterable[Document],
    *,
    date: dt.date | str | None = None,
    lang: str | None = None,
    doc_id: str = "<text>",
    parser: Geoparser | None = None,
) -> gpd.GeoDataFrame:
    """Extract dated, typed, geocoded events from text.

    Parameters
    ----------
    source : str, Document or iterable of Document
        An article's text (a ``date`` header line is read), or documents from
        :func:`geo.io.documents.iter_documents`.
    date : datetime.date or str, optional
        Document date for a text without a header.
    lang : str, optional
        ``"fr"`` or ``"en"``; detected when None.
    doc_id : str
        Identifier of a text (``source`` column and event ids).
    parser : Geoparser, optional
        The process-wide parser by default.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`EVENT_COLUMNS` and point geometries, EPSG:4326.

    Examples
    --------
    >>> import geo
    >>> ev = geo.extract_events("date 2020-10-11\\nUn missile a frappé Ganja, tuant dix civils.")
    >>> ev[["location", "fatalities", "event_type"]].values.tolist()
    [['Ganja', 10, 'Explosions/Remote violence']]
    """
    if isinstance(source, str):
        docs: Iterable[Document] = [make_document(source, doc_id=doc_id, date=date, lang=lang)]
    elif isinstance(source, Document):
        docs = [source]
    else:
        docs = source
    rows: list[dict[str, Any]] = []
    for doc in docs:
        rows.extend(event_rows(doc, parser=parser))
    return events_to_frame(rows)


def extract_events_from_inputs(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    problems: list[Problem] | None = None,
    progress: Progress | None = None,
    parser: Geoparser | None = None,
    merge: bool = True,
    **read_options: Any,
) -> gpd.GeoDataFrame:
    """Events of files, folders, patterns or ``"-"`` (``geo events``).

    Event tables (ACLED or UCDP GED CSV, or geo's own ``.geojson``/``.gpkg``/``.parquet``
    outputs) are read with :func:`read_events`; everything else is read as articles with
    :func:`geo.io.documents.iter_documents` and goes through :func:`extract_events`.

    Parameters
    ----------
    inputs : path, pattern or iterable of them
        What to read.
    problems : list of Problem, optional
        Receives skipped inputs and rows; without it the first bad input raises.
    progress : Progress, optional
        Counter updated once per document or table.
    parser : Geoparser, optional
        The process-wide parser by default.
    merge : bool
        One row per event, the incidents several documents report merged
        (:func:`geo.events.merge.merge_events`); False: one row per incident per document.
    **read_options
        Passed to :func:`geo.io.documents.iter_documents`.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`EVENT_COLUMNS` and point geometries, EPSG:4326; when merged, also
        :data:`geo.events.merge.MERGE_COLUMNS`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("date 2020-10-04\\nDes roquettes ont frappé Ganja.")
    >>> extract_events_from_inputs(path)[["location", "event_type"]].values.tolist()
    [['Ganja', 'Explosions/Remote violence']]
    """
    import pandas as pd

    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    frames: list[gpd.GeoDataFrame] = []
    rows: list[dict[str, Any]] = []
    articles: list[str] = []
    for item in expand_inputs(inputs, problems):
        if item != "-" and is_event_table(item):
            try:
                frames.append(read_events(item, problems=problems))
            except InputError as err:
                if problems is None:
                    raise
                name = display_path(item)
                problems.append(
                    Problem(name, str(err).removeprefix(f"{display_path(Path(item))}: "))
                )
                continue
            if progress is not None:
                progress.update()  # tables read, like documents read: none means nothing read
        else:
            articles.append(item)
    if articles:
        for doc in iter_documents(articles, problems=problems, **read_options):
            rows.extend(event_rows(doc, parser=parser))
            if progress is not None:
                progress.update()
    if progress is not None:
        progress.close()
    if rows or not frames:
        frames.append(events_to_frame(rows))
    import geopandas as gpd

    events = frames[0]
    if len(frames) > 1:
        events = gpd.GeoDataFrame(
            pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326"
        )
    return merge_events(events) if merge else events
