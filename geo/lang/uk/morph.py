"""Ukrainian word forms of place names (see :class:`geo.lang.Morphology`).

The rule tables below are general Ukrainian grammar (noun declensions with the ``і``/``о``
alternation and the ``к``/``ц``, ``г``/``з``, ``х``/``с`` changes before ``-і``, adjectival
names such as "Рівне", relational adjectives "-ський"/"-цький"/"-зький"); the engine is
:mod:`geo.lang._slavic`, with pymorphy3's Ukrainian dictionary.

Examples
--------
>>> base_forms("харкові")[0]
'харків'
>>> adjective_bases("луганської")[0]
'луганськ'
"""

from __future__ import annotations

import functools
from typing import Final

from geo import config
from geo.lang import _slavic

__all__ = ["RULES", "adjective_bases", "base_forms", "is_adjective"]

#: Case endings of Ukrainian place names and the nominative endings they come from.
RULES = _slavic.Rules(
    lang="uk",
    nouns=(
        # adjectival names: Рівне, Очеретине, Кропивницький, Ясинувата
        ("ого", ("ий", "е")),
        ("ому", ("ий", "е")),
        ("ього", ("ій", "є")),
        ("ьому", ("ій", "є")),
        ("ими", ("і",)),
        ("их", ("і",)),
        ("им", ("ий", "е")),
        ("ім", ("ий", "е", "і")),
        ("ої", ("а",)),  # Ясинуватої
        ("ій", ("а",)),  # Ясинуватій, Новій (Каховці)
        # nouns
        ("ом", ("", "о")),  # Харковом, Дніпром
        ("ем", ("ь", "е")),  # Маріуполем, Гуляйполем
        ("єм", ("й", "є")),
        ("ою", ("а",)),  # Одесою
        ("ею", ("я", "а")),  # Вінницею
        ("єю", ("я",)),  # Балаклією
        ("ям", ("я", "і")),  # Запоріжжям, Чернівцям
        ("ами", ("и",)),
        ("ями", ("і",)),
        ("ах", ("и", "і")),  # Сумах, Броварах
        ("ях", ("і",)),  # Чернівцях
        ("ам", ("и",)),
        ("ів", ("и", "і")),  # Броварів, Чернівців
        ("нню", ("нь",)),  # Уманню
        ("ці", ("ка", "ця", "к", "ці")),  # Авдіївці, Вінниці, Кременчуці
        ("зі", ("га", "г")),  # (Кривому) Розі
        ("сі", ("ха", "х")),  # Волновасі
        ("ю", ("ь", "я", "й", "е")),  # Маріуполю, Вінницю, Запоріжжю
        ("я", ("ь", "й", "е")),  # Маріуполя, Джанкоя, Гуляйполя
        ("ї", ("я", "й")),  # Балаклії, Джанкої
        ("і", ("", "а", "я", "ь", "о", "е")),  # Харкові, Одесі, Маріуполі, Дніпрі
        ("и", ("а",)),  # Одеси
        ("у", ("", "а", "о")),  # Харкову, Одесу, Донецьку
        ("а", ("", "о")),  # Харкова, Дніпра
        ("", ("и", "і")),  # Сум, Черкас, Прилук
    ),
    adjective_endings="ий ій ого ому им ім а ої у ою е і их ими",
    suffixes=(
        ("*", ("",)),  # Харків, Херсон
        ("ц", ("я",)),  # Вінниця (вінницька)
        ("-ец", ("ці",)),  # Чернівці (чернівецька)
        ("-з", ("жжя", "га", "г", "ги")),  # Запоріжжя (запорізька), Прага, (Новий) Буг, -ги
        ("-ен", ("е", "ни")),  # Рівне (рівненська), towns in -ни (-енська)
        ("-ан", ("а",)),  # Буча (бучанський)
        ("-ян", ("я",)),  # Попільня (попільнянський)
        ("-ин", ("а", "е", "и")),  # Шостка (шосткинський), towns in -ки (-кинський)
        ("-ів", ("и", "ова", "ове", "еве", "ево")),  # Пологи, Лозова, Петрове, towns in -еве
        ("-й", ("я",)),  # Феодосія (феодосійська)
        ("-ц", ("к", "ки")),  # Теплик (теплицький), towns in -ки
        ("-ь", ("ля", "")),  # Білопілля, Добропілля (білопільська), towns in -л (-льська)
        ("V", ("са", "си", "ха")),  # Одеса, Черкаси, Волноваха (одеська, волноваський)
        ("*", ("а", "и", "ь", "ка", "о", "е", "я", "і", "ці")),  # ..., towns in -ці
    ),
    irregular={
        "криворізьк": ("кривий ріг",),
        "московськ": ("москва",),
        "миколаївськ": ("миколаїв",),
        "петербурзьк": ("санкт-петербург",),
    },
    alternation=True,
    prepositions=frozenset({"на", "над", "під"}),
    adjective_names=("е", "а", "ий"),
    # general Ukrainian word formation: the first adjectives of towns of two words
    compounds={
        "велико": ("велика", "великий", "велике", "великі"),
        "мало": ("мала", "малий", "мале", "малі"),
        "ново": ("нова", "новий", "нове", "нові"),
        "старо": ("стара", "старий", "старе", "старі"),
        "верхньо": ("верхня", "верхній", "верхнє", "верхні"),
        "нижньо": ("нижня", "нижній", "нижнє", "нижні"),
    },
)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def base_forms(word: str) -> tuple[str, ...]:
    """Dictionary forms of a lower-case Ukrainian word, most likely first, the word last.

    Examples
    --------
    >>> base_forms("авдіївці")[0], base_forms("запоріжжям")[0]
    ('авдіївка', 'запоріжжя')
    """
    return _slavic.base_forms(word, RULES)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def adjective_bases(word: str) -> tuple[str, ...]:
    """Towns a Ukrainian relational adjective may be built from (empty for other words).

    Examples
    --------
    >>> adjective_bases("херсонській")[0]
    'херсон'
    >>> [b for b in adjective_bases("запорізької") if b.endswith("жжя")]
    ['запоріжжя']
    """
    return _slavic.adjective_bases(word, RULES)


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def is_adjective(word: str) -> tuple[bool]:
    """Whether a lower-case Ukrainian word reads first as an adjective (a one-item tuple,
    like the other morphology functions of a pack).

    Examples
    --------
    >>> is_adjective("міської"), is_adjective("заявив")
    ((True,), (False,))
    """
    return (_slavic.is_adjective(word, "uk"),)


#: Ukrainian letters as Russian spells them in place names (і as и, є as е, ґ as г).
_AS_RUSSIAN: Final = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "ъ", "’": "ъ"})


@functools.lru_cache(maxsize=config.GEOPARSE_CACHE_SIZE)
def place_name(word: str) -> tuple[bool]:
    """Whether a lower-case Ukrainian word, spelt as Russian spells it, is read first as a
    geographical name by the Russian dictionary (the Ukrainian one tags none): a tuple of
    one, like the other morphology functions of a pack.

    Examples
    --------
    >>> place_name("кострома"), place_name("мир")
    ((True,), (False,))
    """
    return (_slavic.is_place_name(word.translate(_AS_RUSSIAN), "ru"),)
