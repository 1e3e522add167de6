"""Russian word forms of place names (see :class:`geo.lang.Morphology`).

The rule tables below are general Russian grammar (the declensions of nouns, of adjectival
names such as "Грозный", and of relational adjectives "-ский"/"-цкий"); the engine is
:mod:`geo.lang._slavic`, with pymorphy3's Russian dictionary (OpenCorpora).

Examples
--------
>>> base_forms("харькове")[0]
'харьков'
>>> base_forms("ростове-на-дону")[0]
'ростов-на-дону'
>>> adjective_bases("донецкой")[0]
'донецк'
"""

from __future__ import annotations

import functools

from geo import config
from geo.lang import _slavic

__all__ = ["RULES", "adjective_bases", "base_forms", "is_adjective"]

#: Case endings of Russian place names and the nominative endings they come from.
RULES = _slavic.Rules(
    lang="ru",
    nouns=(
        # adjectival names: Грозный, Рубежное, Ясиноватая, Кропивницкий
        ("ого", ("ый", "ий", "ое", "ой")),
        ("его", ("ий", "ее")),
        ("ому", ("ый", "ий", "ое", "ой")),
        ("ему", ("ий", "ее")),
        ("ыми", ("ые",)),
        ("ими", ("ие",)),
        ("ых", ("ые",)),
        ("их", ("ие",)),
        ("ым", ("ый", "ое", "")),
        ("им", ("ий", "ое", "")),
        ("ую", ("ая",)),
        ("юю", ("яя",)),
        # nouns
        ("ом", ("", "о", "ий", "ый", "ое", "ой")),  # Харьковом, Ивановом, Грозном
        ("ем", ("ь", "й", "е", "ий", "ее")),  # Мариуполем, Гуляйполем
        ("ьем", ("ье",)),  # Запорожьем
        ("ой", ("а", "ая", "ый", "ой")),  # Одессой, Ясиноватой
        ("ою", ("а", "ая")),
        ("ей", ("а", "я", "ь", "яя")),  # Винницей, Балаклеей
        ("ею", ("а", "я", "ь")),
        ("ью", ("ь", "ье")),  # Керчью, Запорожью
        ("ья", ("ье",)),  # Запорожья
        ("ии", ("ия",)),  # Феодосии
        ("ию", ("ия",)),
        ("ией", ("ия",)),
        ("ами", ("ы", "и")),  # Сумами
        ("ями", ("и",)),
        ("ах", ("ы", "и")),  # Сумах, Пологах
        ("ях", ("и",)),
        ("ам", ("ы", "и")),
        ("ям", ("и",)),
        ("ов", ("ы", "и")),  # Броваров, Черновцов
        ("а", ("", "о")),  # Харькова, Шебекина
        ("я", ("ь", "й", "е")),  # Мариуполя, Джанкоя, Гуляйполя
        ("у", ("", "а", "о")),  # Харькову, Одессу
        ("ю", ("ь", "й", "я", "е")),  # Мариуполю, Балаклею
        ("е", ("", "а", "о", "ь", "я", "й")),  # Харькове, Одессе, Шебекине, Мариуполе
        ("ы", ("а",)),  # Одессы
        ("и", ("а", "я", "ь")),  # Авдеевки, Балаклеи, Керчи
        ("", ("ы", "и")),  # Сум, Черкасс, Полог
    ),
    adjective_endings="ий ый ой ого ому им ым ом ая ую ою ое ие ые их ых ими ыми",
    suffixes=(
        ("*", ("",)),  # Харьков, Белгород
        ("ц", ("а", "ы")),  # Винница (винницкая)
        ("с", ("са", "сы")),  # Одесса, Черкассы (одесская)
        ("-иц", ("цы",)),  # Черновцы (черновицкая)
        ("ж", ("ье",)),  # Запорожье
        ("-ж", ("га",)),  # Калуга
        ("-ен", ("а", "но", "ны", "ь")),  # Пенза, Ровно, towns in -ны and -ь (-енский)
        ("-ан", ("а", "ь")),  # Суджа, towns in -ь (-анский)
        ("-ян", ("я",)),  # Ичня (ичнянский)
        ("-ин", ("о", "а", "и")),  # Шебекино, towns in -и (-инский)
        ("-й", ("я",)),  # Феодосия (феодосийский)
        ("-лов", ("ел",)),  # Орёл
        ("-ов", ("и", "ы", "")),  # Пологи (пологовский), Мелеуз (мелеузовский)
        ("в", ("ль",)),  # Ярославль
        ("-ь", ("а", "я", "ье", "")),  # Тула (тульская), Краснополье, towns in -л
        ("-х", ("ха",)),  # Волноваха (волновахский)
        ("*", ("а", "ы", "ь", "ка", "и", "о", "е", "я", "ье")),
    ),
    rare_suffixes=(("*", ("ки",)),),  # towns in -ки (-ский), when no other is a place
    irregular={
        "московск": ("москва",),
        "николаевск": ("николаев",),  # not the town Николаевск
        "нижегородск": ("нижний новгород",),
        "вологодск": ("вологда",),
        "ленинградск": ("ленинград", "санкт-петербург"),
        "петербургск": ("санкт-петербург",),
    },
    prepositions=frozenset({"на", "над", "под"}),
    adjective_names=("ое", "ая", "ий"),
    # general Russian word formation: the first adjectives of towns of two words
    compounds={
        "велико": ("великая", "великий", "великое", "великие"),
        "мало": ("малая", "малый", "малое", "малые"),
        "ново": ("новая", "новый", "новое", "новые"),
        "старо": ("старая", "старый", "старое", "старые"),
        "верхне": ("верхняя", "верхний", "верхнее", "верхние"),
        "нижне": ("нижняя", "нижний", "нижнее", "нижние"),
        "красно": ("красная", "красный", "красное", "красные"),
    },
)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def base_forms(word: str) -> tuple[str, ...]:
    """Dictionary forms of a lower-case Russian word, most likely first, the word last.

    Examples
    --------
    >>> base_forms("авдеевкой")[0], base_forms("сумах")[0]
    ('авдеевка', 'сумы')
    """
    return _slavic.base_forms(word, RULES)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def adjective_bases(word: str) -> tuple[str, ...]:
    """Towns a Russian relational adjective may be built from (empty for other words).

    Examples
    --------
    >>> [b for b in adjective_bases("запорожской") if b.endswith("ье")]
    ['запорожье']
    >>> adjective_bases("новой")
    ()
    """
    return _slavic.adjective_bases(word, RULES)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def is_adjective(word: str) -> tuple[bool]:
    """Whether a lower-case Russian word reads first as an adjective (a one-item tuple,
    like the other morphology functions of a pack).

    Examples
    --------
    >>> is_adjective("городской"), is_adjective("заявил")
    ((True,), (False,))
    """
    return (_slavic.is_adjective(word, "ru"),)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def place_name(word: str) -> tuple[bool]:
    """Whether the Russian dictionary reads a lower-case word first as a geographical name
    (a one-item tuple, like the other morphology functions of a pack).

    Examples
    --------
    >>> place_name("кострома"), place_name("мир")
    ((True,), (False,))
    """
    return (_slavic.is_place_name(word, "ru"),)
