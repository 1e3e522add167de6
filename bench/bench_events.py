"""Benchmark of ``geo events`` on a generated mixed-language corpus: documents/s and CPU ms
per article, with the share of the event engine (the rest is the geoparser).

The corpus is generated from sentence templates written for this benchmark in English,
French and Spanish (the languages with event rules) and short Russian, Ukrainian and Arabic
reports, with places, dates, tolls, actors, running totals and quotes. Documents are built
in memory and read with :func:`geo.io.documents.make_document`; the gazetteer and the rules
are loaded before timing; each figure is the best of three runs.
"""

from __future__ import annotations

import datetime as dt
import random
import time

N_ARTICLES = 300
REPEAT = 3
SEED = 20250413

PLACES = {
    "en": ["Kharkiv", "Kherson", "Aleppo", "Idlib", "Gaza City", "Khan Younis", "El Fasher",
           "Omdurman", "Goma", "Mogadishu", "Sanaa", "Hodeidah", "Zaporizhzhia", "Odesa"],
    "fr": ["Kharkiv", "Kherson", "Alep", "Idlib", "Gaza", "Khan Younès", "El-Fasher",
           "Omdourman", "Goma", "Mogadiscio", "Bamako", "Gao", "Zaporijjia", "Odessa"],
    "es": ["Járkov", "Jersón", "Alepo", "Idlib", "Gaza", "Jan Yunis", "El Fasher",
           "Omdurmán", "Goma", "Mogadiscio", "Culiacán", "Puerto Príncipe", "Odesa", "Kiev"],
    "ru": ["Харьков", "Херсон", "Белгород", "Одесса", "Днепр"],
    "uk": ["Харків", "Херсон", "Одеса", "Дніпро", "Суми"],
    "ar": ["غزة", "خان يونس", "حلب", "الخرطوم", "صنعاء"],
}  # fmt: skip
SENTENCES = {
    "en": [
        "A Russian missile strike hit {p} on {wd}, killing {n} civilians and wounding {m}.",
        "Drones struck an air base near {p} on {wd}, the army said. No one was hurt.",
        "Clashes broke out in {p} between troops and rebels, leaving {n} fighters dead.",
        "Hundreds of protesters rallied in {p} on {wd}; police used tear gas.",
        "More than {big} people have been killed since the war began, the U.N. says.",
        "The minister said on {wd} that talks would resume in {p} next month.",
        "Gunmen killed {n} villagers near {p} late on {wd}, officials said.",
        "Residents of {p} said they heard loud explosions overnight.",
    ],
    "fr": [
        "Une frappe russe a touché {p} {wd}, tuant {n} civils et en blessant {m}.",
        "Des combats ont opposé l'armée aux rebelles près de {p}, faisant {n} morts.",
        "Des milliers de manifestants se sont rassemblés à {p} {wd}.",
        "Depuis le début de la guerre, plus de {big} personnes ont été tuées.",
        "Le ministre a annoncé {wd} la reprise des pourparlers à {p}.",
        "Des hommes armés ont tué une trentaine de villageois près de {p} {wd} soir.",
        "Des dizaines d'habitants de {p} ont fui vers le sud, selon des témoins.",
    ],
    "es": [
        "Un ataque con misiles alcanzó {p} el {wd}, con al menos {n} muertos y {m} heridos.",
        "Hombres armados asesinaron a {n} personas en {p} la noche del {wd}.",
        "Miles de manifestantes marcharon en {p} el {wd} para exigir justicia.",
        "En lo que va de año, más de {big} personas han muerto en la región.",
        "El gobierno anunció el {wd} un alto el fuego en {p}, según la agencia.",
        "Decenas de vecinos de {p} resultaron heridos en los enfrentamientos.",
    ],
    "ru": [
        "В {p} в результате обстрела погибли {n} человек, ещё {m} получили ранения.",
        "Губернатор сообщил о ракетном ударе по {p}.",
    ],
    "uk": [
        "Унаслідок обстрілу {p} загинули {n} людей, ще {m} поранені.",
        "Голова ОВА повідомив про атаку дронів на {p}.",
    ],
    "ar": [
        "قتل {n} أشخاص وأصيب {m} آخرون في غارة على {p}.",
        "أعلنت السلطات عن قصف استهدف {p} فجر اليوم.",
    ],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}
MIX = ("en", "en", "en", "fr", "fr", "es", "es", "ru", "uk", "ar")


def make_corpus(n: int = N_ARTICLES, *, seed: int = SEED) -> list[str]:
    """``n`` articles of 8-20 sentences, each with a ``date`` header, languages mixed."""
    rng = random.Random(seed)
    out = []
    start = dt.date(2023, 1, 1)
    for _ in range(n):
        lang = rng.choice(MIX)
        day = start + dt.timedelta(days=rng.randrange(900))
        lines = []
        for _ in range(rng.randint(8, 20)):
            lines.append(
                rng.choice(SENTENCES[lang]).format(
                    p=rng.choice(PLACES[lang]),
                    wd=rng.choice(WEEKDAYS.get(lang, ["x"])),
                    n=rng.randint(2, 40),
                    m=rng.randint(2, 90),
                    big=rng.randint(1000, 50000),
                )
            )
        out.append(f"date {day.isoformat()}\n" + " ".join(lines))
    return out


def _best(fn: object, repeat: int = REPEAT) -> tuple[float, float]:
    """Best wall and CPU seconds of ``repeat`` runs of ``fn()``."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main() -> None:
    from geo.events import event_rows
    from geo.geoparse import get_geoparser
    from geo.io.documents import make_document

    texts = make_corpus()
    docs = [make_document(t, doc_id=f"bench-{i}") for i, t in enumerate(texts)]
    parser = get_geoparser()
    for d in docs[:20]:  # load the gazetteer, the packs and the rules before timing
        event_rows(d, parser=parser)

    def parse_only() -> None:
        for d in docs:
            lang = d.lang if d.lang != "und" else None
            parser.parse_text(d.text, lang=lang, start=d.body_start, doc_id=d.doc_id)

    def events() -> None:
        for d in docs:
            event_rows(d, parser=parser)

    n = len(docs)
    kb = sum(len(t.encode("utf-8")) for t in texts) / n / 1024
    wall_p, cpu_p = _best(parse_only)
    wall_e, cpu_e = _best(events)
    rows = sum(len(event_rows(d, parser=parser)) for d in docs)
    print(f"corpus: {n} articles ({kb:.1f} KB each), languages {'/'.join(sorted(set(MIX)))}")
    print(f"geo events: {n / wall_e:8.1f} documents/s  {1000 * cpu_e / n:6.2f} ms CPU/article")
    print(f"  geoparse:  {n / wall_p:8.1f} documents/s  {1000 * cpu_p / n:6.2f} ms CPU/article")
    print(f"  engine:    {1000 * (cpu_e - cpu_p) / n:6.2f} ms CPU/article (events minus parsing)")
    print(f"  rows: {rows} ({rows / n:.1f} per article)")


if __name__ == "__main__":
    main()
