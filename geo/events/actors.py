"""Actors: who did what to whom, from the actor lexicon and the packs' patterns.

The lexicon (``geo/lang/common/actors.toml``) names each state (its demonyms, names and
capital in six languages, and names of its forces) and the main non-state armed groups. A
sentence names an actor by:

- a group's name ("Hamas", "les ADF", "قوات الدعم السريع");
- a state's forces: a demonym or name with a noun of the packs' ``[actors]`` templates
  ("Russian forces", "a Russian missile", "frappes israéliennes", "ataque masivo ruso"), a
  state's name before an attack verb ("Rusia lanzó"), or a name of its forces ("FARDC");
- unidentified armed men ("gunmen", "hombres armados"): ACLED's "Unidentified Armed Group";
- protesters or rioters.

An actor right after a passive or blaming cue ("hit by a Russian drone", "attribué à l'État
islamique", "blamed the RSF") is marked as the one who acted (``agent``); a group or a
state's forces after a word of what is struck ("strikes on positions of X", "удар по позициям
ВСУ") or named with one ("Ukrainian positions") as the side attacked (``victim``).

Examples
--------
>>> [(a.actor.name, a.agent) for a in find_actors("X was hit by a Russian drone.")]
[('Military Forces of Russia', True)]
>>> [a.actor.name for a in find_actors("Des frappes israéliennes ont visé Gaza.")]
['Military Forces of Israel']
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from geo import config
from geo.errors import DataError
from geo.events.prefilter import Prefiltered
from geo.events.rules import Rules, get_rules

__all__ = [
    "CIVILIANS",
    "PROTESTERS",
    "RIOTERS",
    "UNIDENTIFIED",
    "Actor",
    "ActorMention",
    "find_actors",
    "group_spans",
    "state_forces",
]


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as ACLED names it, with its ACLED actor type (``inter``)."""

    name: str
    inter: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a sentence at ``start:end``; ``agent`` when the sentence says it
    acted (after "by", "blamed", or a state's forces with a weapon or an attack verb)."""

    actor: Actor
    start: int
    end: int
    agent: bool = False
    generic: bool = False  # "the army", "police": forces of the incident's country
    source: bool = False  # the one who tells ("the army said", "a spokesman for the army")
    victim: bool = False  # counted among the dead or hurt ("five soldiers were killed")
    # said to have acted in so many words: after "by", "blamed" or before "claimed"
    explicit: bool = False
    # named as the one who fired: with its weapon or an attack verb ("Russian drones", "army
    # drones", "RSF drones", "Russia launched") or after "by": the attacker, never the side
    # that shot the weapons down (an interception's actor1)
    fired: bool = False


CIVILIANS: Final = Actor("Civilians", "Civilians")
PROTESTERS: Final = Actor("Protesters", "Protesters")
RIOTERS: Final = Actor("Rioters", "Rioters")
UNIDENTIFIED: Final = Actor("Unidentified Armed Group", "Political militias")
_STATE: Final = "State forces"


@dataclass(frozen=True)
class _State:
    code: str
    acled: str
    names: tuple[str, ...]
    forces: tuple[str, ...]


@functools.cache
def _lexicon_data() -> dict[str, Any]:
    where = "geo/lang/common/actors.toml"
    try:
        raw = resources.files("geo.lang").joinpath("common", "actors.toml").read_text("utf-8")
        data: dict[str, Any] = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise DataError(f"cannot read {where}: {err}; reinstall geo") from err
    return data


@functools.cache
def _lexicon() -> tuple[tuple[_State, ...], tuple[Actor, ...], tuple[tuple[str, ...], ...]]:
    data = _lexicon_data()

    def lines(text: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in text.splitlines() if x.strip())

    states = tuple(
        _State(s["code"], s["acled"], lines(s.get("names", "")), lines(s.get("forces", "")))
        for s in data.get("states", [])
    )
    groups = tuple(Actor(g["name"], g["inter"]) for g in data.get("groups", []))
    names = tuple(lines(g.get("names", "")) for g in data.get("groups", []))
    return states, groups, names


@functools.cache
def _group_countries() -> tuple[frozenset[str], ...]:
    """For each group of the lexicon, the countries (ISO codes) of its ``where``: where its
    acronyms name it ("FDS" is the SDF in Syria, a state's forces in the Sahel; "ADF" an
    army elsewhere than in the Congo); empty: everywhere."""
    return tuple(frozenset(g.get("where", "").split()) for g in _lexicon_data().get("groups", []))


def _elsewhere(text: str, countries: frozenset[str], country: str | None) -> bool:
    """Whether a group's name as written is an acronym ("SDF", "ADF") of a group that fights
    only in other countries than the incident's."""
    return (
        bool(countries)
        and country is not None
        and country not in countries
        and len(text) <= config.ACTOR_ACRONYM_MAX_CHARS
        and text.isupper()
    )


def state_forces(code: str | None, *, police: bool = False) -> Actor | None:
    """ACLED's name of a state's military (or police) forces.

    Examples
    --------
    >>> state_forces("CD").name
    'Military Forces of the Democratic Republic of Congo'
    >>> state_forces("IL", police=True).name
    'Police Forces of Israel'
    >>> state_forces("PH").name
    'Military Forces of the Philippines'
    """
    if not code:
        return None
    states, _, _ = _lexicon()
    name = next((s.acled for s in states if s.code == code), None)
    if name is None:
        name = _lexicon_data().get("acled_countries", {}).get(code)
    if name is None:
        from geo.gazetteer import load_gazetteer

        name = load_gazetteer().country_name(code)
        if name is None:
            return None
    kind = "Police Forces" if police else "Military Forces"
    return Actor(f"{kind} of {name}", _STATE, code)


#: A word right before a point of a sentence (searched with that point as the end).
_NAME_BEFORE: Final = re.compile(r"([^\W\d_][\w'’\-]*)\s+$")


@functools.cache
def _country_words() -> dict[str, str]:
    """Country names and nationality words, lower case, of the countries the lexicon does
    not list, to their ISO code: the English names of the gazetteer ("Benin", "Sri Lanka")
    and the demonyms the English pack builds from them or lists ("Beninese", "Nepali"). A
    word two countries share ("Nigerian" from Niger and Nigeria) is left out."""
    from geo.gazetteer import load_gazetteer, normalize_name
    from geo.lang import demonym_forms, get_pack

    states, _, _ = _lexicon()
    known = {st.code for st in states}
    pack = get_pack("en")
    endings = [(k, tuple(v.split())) for k, v in pack.maps.get("demonym_endings", {}).items()]
    listed = pack.words.get("demonyms", frozenset())
    owners: dict[str, set[str]] = {}
    for code, by_lang in load_gazetteer().country_names.items():
        name = by_lang.get("en")
        if not name or len(code) != 2:
            continue
        key = normalize_name(name)
        owners.setdefault(key, set()).add(code)
        for suffix, word in demonym_forms(key, endings):
            if word in listed or suffix in ("ese", "i", "an", "ian"):
                owners.setdefault(word, set()).add(code)
    return {w: next(iter(c)) for w, c in owners.items() if len(c) == 1 and not c & known}


def _fragment(f: str) -> str:
    # an acronym (no lower-case letter) is matched as written: "US" is not "us"
    return f"(?-i:{f})" if not any(ch.islower() for ch in f) else f"(?:{f})"


def _group_re(names: list[tuple[str, ...]], prefix: str, *, case: bool) -> str:
    parts = []
    for i, frags in enumerate(names):
        if frags:
            body = "|".join(_fragment(f) if not case else f"(?:{f})" for f in frags)
            parts.append(f"(?P<{prefix}{i}>{body})")
    return "|".join(parts)


@dataclass(frozen=True)
class _ActorRules:
    # the long lists of names, with a keyword prefilter (:mod:`geo.events.prefilter`)
    groups: Prefiltered | None
    templates: tuple[Prefiltered, ...]
    # a state's name with a noun of what is struck ("Ukrainian positions", "positions
    # ukrainiennes"): its forces are the side attacked
    targets: tuple[Prefiltered, ...]
    # a state's name or demonym: a template that matches names a state (else it is not
    # read), so a sentence without one needs no template scan
    states: Prefiltered | None
    state_words: re.Pattern[str] | None  # a state's name or demonym as a whole word
    forces: Prefiltered | None
    bare_forces: Prefiltered | None
    # a capitalised name or two before a noun of forces ("Togolese soldiers", "the Benin
    # army"): the forces of the countries the lexicon does not list (:func:`_country_words`)
    other_states: re.Pattern[str] | None
    agent: re.Pattern[str] | None
    claim_after: re.Pattern[str] | None  # matched at the end of an armed group's name
    unidentified: Prefiltered | None
    # what lies between unidentified men and a group's name that makes them its men
    # ("gunmen of X", "X gunmen"): matched in full between the two
    members_link: re.Pattern[str]
    protesters: Prefiltered | None
    rioters: Prefiltered | None
    report_after: re.Pattern[str] | None
    # the actor says it acted itself ("said it had carried out"): not a source
    self_claim: re.Pattern[str] | None
    source_before: re.Pattern[str] | None
    target_before: re.Pattern[str] | None
    # a passive verb of attack right after the actor ("police officers were ambushed",
    # "tres agentes ... fueron atacados"): the side attacked
    target_after: re.Pattern[str] | None
    # what a state's forces fire or do, right after a bare noun of them ("the army shelled",
    # "regime helicopters struck") or right before it ("une frappe de l'armée"; a verb
    # whose subject follows it, "اعتقلت الشرطة"): those forces acted, though no demonym
    # says whose they are
    weapon_after: re.Pattern[str] | None
    weapon_before: re.Pattern[str] | None
    # a verb of attack a few more words after unidentified armed men ("gunmen in two pickups
    # raided", "des hommes armés à bord de pick-up ont attaqué"): the men acted
    acts_after: re.Pattern[str] | None = None
    # words of dying or being hurt: a verb of attack that is one ("gunmen were also killed")
    # tells what befell the men, not what they did
    hurt_words: re.Pattern[str] | None = None
    # what stands between a group and the group it is affiliated to ("X, linked to Y",
    # "X, lié à Y"), matched in full, and what follows an affiliated-to group ("a Y
    # affiliate", "the Y-linked X"): Y is no side of the incident
    affiliation: re.Pattern[str] | None = None
    affiliate_after: re.Pattern[str] | None = None


def _scripts(codes: tuple[str, ...]) -> frozenset[str]:
    """The scripts of some languages (every script when none is known)."""
    from geo.lang import LANGUAGES, get_pack

    found: set[str] = set()
    for code in codes:
        if code in LANGUAGES:
            found |= get_pack(code).scripts
    return frozenset(found) if found else frozenset(("latin", "cyrillic", "arabic", "other"))


def _script_of(fragment: str) -> str:
    """The script of a pattern's first letter ("other" for none)."""
    for ch in fragment:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            for script in ("LATIN", "CYRILLIC", "ARABIC"):
                if name.startswith(script):
                    return script.lower()
            return "other"
    return "other"


#: An opening quotation mark glued to the word after it.
_OPENING_QUOTE: Final = '["«“„]'
#: A group's acronym in Latin capitals and digits ("JNIM", "M23", "ISWAP").
_LATIN_ACRONYM: Final = re.compile(r"[A-Z][A-Z0-9]{1,7}")


@functools.cache
def _actor_rules(rules: Rules) -> _ActorRules:
    states, _, group_names = _lexicon()
    # only the names written in the languages' scripts: an English text names Russia in
    # Latin letters (fewer alternatives to try at each word)
    scripts = _scripts(rules.codes)

    def written(names: tuple[str, ...]) -> tuple[str, ...]:
        # a group's acronym in Latin capitals is written so in every script ("(JNIM)")
        return tuple(n for n in names if _script_of(n) in scripts or _LATIN_ACRONYM.fullmatch(n))

    groups_body = _group_re([written(g) for g in group_names], "a", case=True)
    groups = Prefiltered(re.compile(rf"(?<!\w)(?:{groups_body})(?!\w)")) if groups_body else None
    demonym = _group_re([written(s.names) for s in states], "s", case=False)

    def alt(name: str) -> str:
        return "|".join(f"(?:{p})" for p in rules.patterns("actors", name))

    force, police, attack, verbs, subject_after = (
        alt("force_nouns"),
        alt("police_nouns"),
        alt("attack_nouns"),
        alt("attack_verbs"),
        alt("verbs_before_subject"),
    )
    noun_parts = [
        f"(?P<{k}>{v})" for k, v in (("police", police), ("force", force), ("attack", attack)) if v
    ]
    templates: list[Prefiltered] = []
    if demonym and noun_parts:
        noun = "(?:" + "|".join(noun_parts) + ")"
        for t in rules.patterns("actors", "templates"):
            body = t.replace("{demonym}", f"(?:{demonym})").replace("{noun}", noun)
            templates.append(Prefiltered(re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)))
    if demonym and verbs:
        templates.append(
            Prefiltered(
                re.compile(
                    rf"(?<!\w)(?:{demonym})\s+(?:\w+\s+){{0,2}}(?P<verb>{verbs})(?!\w)",
                    re.IGNORECASE,
                )
            )
        )
    targets: list[Prefiltered] = []
    if demonym and (target_nouns := alt("target_nouns")):
        for t in rules.patterns("actors", "target_templates"):
            body = t.replace("{demonym}", f"(?:{demonym})").replace(
                "{target}", f"(?:{target_nouns})"
            )
            targets.append(Prefiltered(re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)))
    others = (
        re.compile(
            r"(?<![\w-])(?P<country>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s)?\s+(?:\w+\s+){0,2}$"
        )
        if "en" in rules.codes
        else None
    )
    forces_body = _group_re([written(s.forces) for s in states], "s", case=False)
    bare = "|".join(p for p in (force, police) if p)
    return _ActorRules(
        groups=groups,
        templates=tuple(templates),
        targets=tuple(targets),
        states=Prefiltered(re.compile(demonym, re.IGNORECASE)) if demonym else None,
        state_words=re.compile(rf"(?<!\w)(?:{demonym})(?!\w)", re.IGNORECASE) if demonym else None,
        forces=Prefiltered(re.compile(rf"(?<!\w)(?:{forces_body})(?!\w)", re.IGNORECASE))
        if forces_body
        else None,
        bare_forces=Prefiltered(
            re.compile(
                rf"(?<!\w)(?:(?P<police>{police})|(?:{force}))(?!\w)"
                if police
                else rf"(?:{force})",
                re.IGNORECASE,
            )
        )
        if bare
        else None,
        other_states=others,
        # a word of agency, maybe followed by the group's members ("by militants of X")
        agent=re.compile(
            rf"(?<!\w)(?:{alt('agent')})\s+"
            + (
                rf"(?:(?:\S{{1,4}}\s+)?{_OPENING_QUOTE}?(?:{alt('members')})\s+(?:\S{{1,3}}\s+)?)?"
                if alt("members")
                else ""
            )
            # (the name, or the members before it, may open a quotation: 'blamed "bandits of X"')
            + f"{_OPENING_QUOTE}?$",
            re.IGNORECASE,
        )
        if alt("agent")
        else None,
        claim_after=re.compile(
            rf"[»”\"']?\s*(?:\([^()]{{0,60}}\)\s*)?"
            rf"(?:,\s*|[,—–-][^,.;:—–]{{0,60}}[,—–-]\s*)?"
            rf"(?:{alt('claim_after')})(?!\w)",
            re.IGNORECASE,
        )
        if alt("claim_after")
        else None,
        unidentified=_prefiltered(rules.words_re("actors", "unidentified")),
        members_link=re.compile(
            rf"[\s\u00a0]*(?:(?:{alt('members_link')})[\s\u00a0]*)?"
            if alt("members_link")
            else r"[\s\u00a0]*",
            re.IGNORECASE,
        ),
        protesters=_prefiltered(rules.words_re("actors", "protesters")),
        rioters=_prefiltered(rules.words_re("actors", "rioters")),
        report_after=re.compile(rf"\s+(?:\w+\s+){{0,2}}?(?:{alt_report})(?!\w)", re.IGNORECASE)
        if (alt_report := "|".join(f"(?:{p})" for p in rules.patterns("tolls", "report")))
        else None,
        self_claim=re.compile(
            rf"[\s,]*(?:[^\s,.;:]+[\s,]+){{0,{config.ACTOR_SELF_CLAIM_GAP_WORDS}}}?"
            rf"(?:{alt('self_claim')})(?!\w)",
            re.IGNORECASE,
        )
        if alt("self_claim")
        else None,
        source_before=re.compile(rf"(?<!\w)(?:{alt('source_before')})\s+$", re.IGNORECASE)
        if alt("source_before")
        else None,
        target_before=re.compile(rf"(?<!\w)(?:{alt('target_before')})\s*$", re.IGNORECASE)
        if alt("target_before")
        else None,
        target_after=re.compile(
            rf"[\s,]*(?:[^\s,.;:]+[\s,]+){{0,{config.ACTOR_TARGET_AFTER_GAP_WORDS}}}?"
            rf"(?:{alt('target_after')})(?!\w)",
            re.IGNORECASE,
        )
        if alt("target_after")
        else None,
        # a weapon right after the noun ("army drones", "a military gunship"), a verb of
        # attack a few words after it ("regime helicopters struck")
        weapon_after=re.compile(
            rf"(?:['’]s)?\s+(?:(?:{attack or '(?!)'})|"
            rf"(?:[\w\-]+\s+){{0,{config.ACTOR_WEAPON_GAP_WORDS}}}?(?:{verbs or '(?!)'}))(?!\w)",
            re.IGNORECASE,
        )
        if attack or verbs
        else None,
        acts_after=re.compile(
            rf"(?:\s+[^\s.;:!?]+){{0,{config.ACTOR_ACT_GAP_WORDS}}}?\s+(?P<verb>{verbs})(?!\w)",
            re.IGNORECASE,
        )
        if verbs
        else None,
        hurt_words=rules.words_re("tolls", "killed"),
        affiliation=re.compile(
            rf"[\s\u00a0,،()—–-]*(?:{alt('affiliation')})[\s\u00a0]*", re.IGNORECASE
        )
        if alt("affiliation")
        else None,
        affiliate_after=re.compile(rf"(?:{alt('affiliate_after')})(?!\w)", re.IGNORECASE)
        if alt("affiliate_after")
        else None,
        weapon_before=re.compile(
            "|".join(
                part
                for part in (
                    attack
                    and rf"(?<!\w)(?:{attack})\s+(?:(?:of|de|del|du|des)\s+)?"
                    rf"(?:(?:the|la|le|l['’]|el|los|las|les)\s*)?$",
                    # the verb opens its clause: "عبوة استهدفت دورية" has its subject first
                    subject_after and rf"(?:^|[,.:;،؛«\"\n])\s*(?:{subject_after})\s+$",
                )
                if part
            ),
            re.IGNORECASE,
        )
        if attack or subject_after
        else None,
    )


def _prefiltered(pattern: re.Pattern[str] | None) -> Prefiltered | None:
    return Prefiltered(pattern) if pattern is not None else None


def _state_of(m: re.Match[str]) -> _State | None:
    states, _, _ = _lexicon()
    for name, value in m.groupdict().items():
        if value is not None and name.startswith("s") and name[1:].isdigit():
            return states[int(name[1:])]
    return None


def _nearer_state(
    sentence: str, m: re.Match[str], words: re.Pattern[str] | None
) -> tuple[_State, int, int] | None:
    """Another state named between a template's state and its noun ("Ukraine says Russian
    drones", "une frappe russe sur Kiev"): the one next to the noun is whose forces they
    are; with the span from that name to the noun."""
    groups = m.groupdict()
    noun = next(
        (k for k in ("police", "force", "attack", "verb") if groups.get(k) is not None), None
    )
    name = next(
        (k for k, v in groups.items() if v is not None and k[0] == "s" and k[1:].isdigit()), None
    )
    if words is None or noun is None or name is None:
        return None
    n_start, n_end = m.span(noun)
    d_start, d_end = m.span(name)
    lo, hi = (d_end, n_start) if d_end <= n_start else (n_end, d_start)
    between = list(words.finditer(sentence, lo, hi))
    if not between:
        return None
    other = between[-1] if d_end <= n_start else between[0]
    state = _state_of(other)
    if state is None:
        return None
    return (state, other.start(), n_end) if d_end <= n_start else (state, n_start, other.end())


_ARTICLES: Final = re.compile(
    r"(?:(?<!\w)(?:the|a|an|le|la|les|l['’]|un|une|des|du|de|d['’]|el|los|las|del|al|au|aux)"
    r"\s*)*$",
    re.IGNORECASE,
)


def _group_of_men(
    sentence: str, men: re.Match[str], groups: list[ActorMention], link: re.Pattern[str]
) -> ActorMention | None:
    """The armed group whose men unidentified armed men are, told right before them ("X
    gunmen", "X's gunmen") or after them and a word of the pack's ``members_link`` ("gunmen
    of X", "hommes armés du X", "مسلحون من X"): not unidentified, that group."""
    for g in groups:
        if g.end <= men.start() and _NAME_BEFORE_MEN.fullmatch(sentence, g.end, men.start()):
            return g
        if men.end() <= g.start and link.fullmatch(sentence, men.end(), g.start):
            return g
    return None


#: What stands between a group's name and its men named after it ("X gunmen", "X-linked
#: gunmen", "X's gunmen"): blanks, a hyphenated word or a possessive.
_NAME_BEFORE_MEN: Final = re.compile(r"(?:['’]s|-\w+)?[\s\u00a0]+")


def find_actors(
    sentence: str, *, rules: Rules | None = None, country: str | None = None
) -> list[ActorMention]:
    """The actors a sentence names, in order.

    ``country`` (ISO code of the incident's place) names the forces of "the army" or "the
    police" when no demonym says whose they are.

    Those of the last sentences read are kept (:data:`_FOUND`): the engine asks for the
    actors of a sentence again (its incident, then the follow-ups and agents of the next).
    """
    r = rules or get_rules(())
    key = (id(r), sentence, country)
    kept = _FOUND.get(key)
    if kept is not None and kept[0] is r:
        return list(kept[1])
    found = _find_actors(sentence, r, country)
    if len(_FOUND) >= config.EVENTS_ACTORS_MEMORY:
        _FOUND.clear()
    _FOUND[key] = (r, tuple(found))
    return found


def group_spans(sentence: str, *, rules: Rules | None = None) -> list[tuple[int, int]]:
    """Where a sentence names an armed group of the actors' lexicon (start, end): the names
    alone, without reading who did what (:func:`find_actors` reads that).

    Examples
    --------
    >>> text = "Fighters of the Islamic State attacked a post."
    >>> [text[s:e] for s, e in group_spans(text, rules=get_rules(("en",)))]
    ['Islamic State']
    """
    t = _actor_rules(rules or get_rules(()))
    return [] if t.groups is None else [m.span() for m in t.groups.finditer(sentence)]


#: The actors of the last sentences read (:func:`find_actors`), by rules (their id, the
#: rules kept to tell a reused id), sentence and country; cleared when full.
_FOUND: dict[tuple[int, str, str | None], tuple[Rules, tuple[ActorMention, ...]]] = {}


def _find_actors(sentence: str, r: Rules, country: str | None) -> list[ActorMention]:
    """:func:`find_actors`, without the memo."""
    t = _actor_rules(r)
    _, groups, _ = _lexicon()
    found: list[ActorMention] = []

    def source(start: int) -> bool:
        """The actor is the source of the report ("a spokesman for the army")."""
        if t.source_before is None:
            return False
        head = _ARTICLES.sub("", sentence[max(0, start - 40) : start].rstrip() + " ")
        return t.source_before.search(head.rstrip() + " ") is not None

    def agent_before(start: int) -> bool:
        if t.agent is None:
            return False
        head = _ARTICLES.sub("", sentence[max(0, start - 60) : start].rstrip() + " ")
        return t.agent.search(head.rstrip() + " ") is not None

    def agent_before_name(start: int) -> bool:
        """:func:`agent_before`, or the same with a name of one or two capitalised words
        between ("an air strike by the X military on a village": its own state's
        forces, the country left to the context)."""
        if agent_before(start):
            return True
        k = start
        for _ in range(2):
            named = _NAME_BEFORE.search(sentence, 0, k)
            if named is None or not named.group(1)[:1].isupper():
                return False
            k = named.start(1)
            if agent_before(k):
                return True
        return False

    def target(start: int) -> bool:
        """The actor is what was struck ("strikes on positions of X", "удар по позициям X",
        "غارات على تجمعات لـX"): the side attacked, never the one who acted."""
        if t.target_before is None:
            return False
        head = sentence[max(0, start - 60) : start]
        return t.target_before.search(head) is not None

    def struck_after(end: int) -> bool:
        """A passive verb of attack follows the actor ("soldiers were ambushed"): the
        side attacked."""
        return t.target_after is not None and t.target_after.match(sentence, end) is not None

    def attacked(start: int, end: int) -> bool:
        """The actor named at ``start:end`` is the side attacked: after a word of what is
        struck or before a passive verb of attack."""
        return target(start) or struck_after(end)

    def says_it_acted(end: int) -> bool:
        """The actor says it acted itself ("said it had carried out airstrikes")."""
        return t.self_claim is not None and t.self_claim.match(sentence, end) is not None

    def named_state(actor: Actor, start: int, end: int, *, fired: bool = False) -> ActorMention:
        """A state's forces named at ``start:end``: the one who acted when it says so itself,
        a source when a reporting verb follows or a source's words precede, the side
        attacked after a word of what is struck, else the one who acted (``fired``: named
        with its weapon or an attack verb)."""
        if says_it_acted(end):
            return ActorMention(actor, start, end, True, explicit=True, fired=fired)
        reporter = (t.report_after is not None and t.report_after.match(sentence, end)) or source(
            start
        )
        hit = not reporter and attacked(start, end)
        return ActorMention(
            actor,
            start,
            end,
            not reporter and not hit,
            source=bool(reporter),
            victim=hit,
            fired=fired and not reporter and not hit,
        )

    def armed_with(start: int, end: int) -> bool:
        """A weapon or an attack verb right after the actor ("RSF drones", "the army
        shelled") or a weapon right before it ("une frappe de l'armée")."""
        return (t.weapon_after is not None and t.weapon_after.match(sentence, end) is not None) or (
            t.weapon_before is not None
            and t.weapon_before.search(sentence, max(0, start - 40), start) is not None
        )

    def claimed(end: int) -> bool:
        """A claim follows the group's name ("X (Y), linked to Z, claimed the attack")."""
        return t.claim_after is not None and t.claim_after.match(sentence, end) is not None

    group_names: list[ActorMention] = []  # the armed groups named
    if t.groups is not None:
        where = _group_countries()
        for m in t.groups.finditer(sentence):
            i = int((m.lastgroup or "a0")[1:])
            if _elsewhere(m.group(0), where[i], country):
                continue
            claim = claimed(m.end())
            after_by = agent_before(m.start())
            by = after_by or claim
            hit = not by and target(m.start())
            found.append(
                ActorMention(
                    groups[i],
                    m.start(),
                    m.end(),
                    by,
                    explicit=by,
                    # a group that says it did it is no mere source ("أعلن X أن مقاتليه")
                    source=source(m.start()) and not claim,
                    victim=hit,
                    fired=after_by or (not hit and armed_with(m.start(), m.end())),
                )
            )
        group_names = list(found)
    stated = t.states is None or t.states.search(sentence) is not None
    struck: list[ActorMention] = []  # "Ukrainian positions": the forces attacked
    for tpl in t.targets if stated else ():
        for m in tpl.finditer(sentence):
            state = _state_of(m)
            actor = state_forces(state.code) if state is not None else None
            if actor is not None:
                struck.append(ActorMention(actor, m.start(), m.end(), victim=True))
    found.extend(struck)
    for tpl in t.templates if stated else ():
        for m in tpl.finditer(sentence):
            state = _state_of(m)
            if state is None:
                continue
            start, end = m.start(), m.end()
            nearer = _nearer_state(sentence, m, t.state_words)
            if nearer is not None:  # "Kyiv said Russian drones": Russia's drones
                state, start, end = nearer
            groups_found = m.groupdict()
            police = groups_found.get("police") is not None
            actor = state_forces(state.code, police=police)
            if actor is None or any(
                a.actor == actor and a.start < end and start < a.end for a in struck
            ):
                continue  # "Ukrainian positions with drones": the positions were struck
            weapon = groups_found.get("attack") is not None or groups_found.get("verb") is not None
            found.append(named_state(actor, start, end, fired=weapon))
    if t.other_states is not None and t.bare_forces is not None:
        words = _country_words()
        for noun in t.bare_forces.finditer(sentence):
            head = sentence[max(0, noun.start() - 50) : noun.start()]
            named = t.other_states.search(head)
            code = words.get(named.group("country").lower()) if named else None
            if named is None or code is None:
                continue
            actor = state_forces(code, police=noun.groupdict().get("police") is not None)
            start = noun.start() - len(head) + named.start()
            if actor is not None:
                found.append(
                    named_state(actor, start, noun.end(), fired=armed_with(start, noun.end()))
                )
    if t.forces is not None:
        for m in t.forces.finditer(sentence):
            state = _state_of(m)
            actor = state_forces(state.code) if state else None
            if actor is not None:
                after_by = agent_before(m.start())
                by = after_by or says_it_acted(m.end())
                hit = not by and attacked(m.start(), m.end())
                wielded = not hit and armed_with(m.start(), m.end())
                spoke = source(m.start()) and not by
                found.append(
                    ActorMention(
                        actor,
                        m.start(),
                        m.end(),
                        # named with its weapon or an attack verb, the forces acted ("ВСУ
                        # нанесли удар", "the FARDC shelled"), as a demonym's forces do
                        by or (wielded and not spoke),
                        source=spoke,
                        explicit=by,
                        victim=hit,
                        fired=after_by or wielded,
                    )
                )
    for pattern, actor in ((t.unidentified, UNIDENTIFIED), (t.protesters, PROTESTERS)):
        if pattern is not None:
            for m in pattern.finditer(sentence):
                by = agent_before(m.start())
                group = (
                    _group_of_men(sentence, m, group_names, t.members_link)
                    if actor == UNIDENTIFIED
                    else None
                )
                if group is not None:  # "Boko Haram gunmen", "hommes armés du JNIM"
                    if by and not group.agent:
                        found[found.index(group)] = dataclasses.replace(
                            group, agent=True, explicit=True, victim=False
                        )
                    continue
                acts = (
                    t.acts_after.match(sentence, m.end())
                    if actor == UNIDENTIFIED and t.acts_after is not None
                    else None
                )
                acted = by or (
                    acts is not None
                    and (t.hurt_words is None or not t.hurt_words.search(acts.group("verb")))
                )
                found.append(
                    ActorMention(actor, m.start(), m.end(), acted, explicit=by, fired=acted)
                )
    if t.rioters is not None:
        for m in t.rioters.finditer(sentence):
            found.append(ActorMention(RIOTERS, m.start(), m.end()))
    if country and t.bare_forces is not None:
        for m in t.bare_forces.finditer(sentence):
            if any(a.start <= m.start() < a.end for a in found):
                continue
            if any(
                not a.generic and a.end <= m.start() and not sentence[a.end : m.start()].strip()
                for a in found
            ):
                continue  # a group's own forces ("Houthi forces fired"), no state's
            police = m.groupdict().get("police") is not None
            actor = state_forces(country, police=police)
            if actor is not None and says_it_acted(m.end()):
                found.append(
                    ActorMention(actor, m.start(), m.end(), True, generic=True, explicit=True)
                )
                continue
            if actor is not None:
                told = source(m.start()) or (
                    t.report_after is not None and t.report_after.match(sentence, m.end())
                )
                armed = not told and (
                    (t.weapon_after is not None and t.weapon_after.match(sentence, m.end()))
                    or (
                        t.weapon_before is not None
                        and t.weapon_before.search(sentence, max(0, m.start() - 40), m.start())
                    )
                )
                by = agent_before_name(m.start())
                hit = not by and attacked(m.start(), m.end())
                fired = by or (bool(armed) and not hit)
                found.append(
                    ActorMention(
                        actor,
                        m.start(),
                        m.end(),
                        fired,
                        generic=True,
                        source=source(m.start()),
                        explicit=by,
                        victim=hit,
                        fired=fired,
                    )
                )
    # a longer mention that covers another wins ("Russian forces" over "Russian")
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[ActorMention] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return _without_affiliations(out, sentence, t)


def _without_affiliations(
    found: list[ActorMention], sentence: str, t: _ActorRules
) -> list[ActorMention]:
    """The actors less the groups named only as what another named one is affiliated to,
    within :data:`geo.config.ACTOR_AFFILIATE_CHARS` of it: after it and a word of
    affiliation ("the ADF, tied to the Islamic State", "les ADF, liées à l'État islamique";
    the packs' ``affiliation``), or before a word of affiliation (``affiliate_after``: "the
    ADF, an Islamic State affiliate", "the Islamic State-affiliated ADF").

    Examples
    --------
    >>> from geo.events.rules import get_rules
    >>> s = "Fighters of the ADF, tied to the Islamic State, raided a post."
    >>> [a.actor.name for a in find_actors(s, rules=get_rules(("en",)))]
    ['ADF']
    """
    if t.affiliation is None and t.affiliate_after is None:
        return found
    named = [a for a in found if not a.generic]
    if len(named) < 2:
        return found
    reach = config.ACTOR_AFFILIATE_CHARS

    def affiliated(b: ActorMention) -> bool:
        if b.generic:
            return False
        if t.affiliation is not None and any(
            a is not b
            and a.end <= b.start
            and b.start - a.end <= reach
            and t.affiliation.fullmatch(sentence, a.end, b.start) is not None
            for a in named
        ):
            return True
        return (
            t.affiliate_after is not None
            and t.affiliate_after.match(sentence, b.end) is not None
            and any(
                a is not b and (0 <= a.start - b.end <= reach or 0 <= b.start - a.end <= reach)
                for a in named
            )
        )

    return [b for b in found if not affiliated(b)]
