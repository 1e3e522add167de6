"""Transliteration benchmark (geo.geoparse.translit): cost, speed and precision.

Prints:

- the cost of one Cyrillic name's Latin keys and of one Arabic name's skeletons (not
  memoised), and of the first :meth:`Index.transliterated` lookup of a name;
- the skeleton index: how long building it from the gazetteer's inputs, saving it and
  reading it back take, and its size;
- ``Geoparser.parse_text`` on a mixed corpus (the development articles of
  ``tests/eval/dev`` in six languages when present, and the sentences below), documents/s
  with the transliteration lookups and without them (``Index.transliterated`` answering
  nothing), after a first pass that fills the memos;
- recall and precision of the names found through a transliteration on sentences written
  for this benchmark (general knowledge, not the evaluation texts): villages and towns that
  the gazetteer knows in Latin letters only, and news prose whose capitalised words and
  words after place cues are no places.
"""

from __future__ import annotations

import math
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench._timing import median_seconds

REPEAT = 5
REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "eval" / "dev" / "src"
_MARKUP = re.compile(r"\[([^\]]+)\]\([^)]+\)|\{([^}]+)\}")

#: Sentences naming places that the gazetteer knows in Latin letters only, and the ids of
#: those places (found right when the place chosen lies within 25 km).
POSITIVE: list[tuple[str, dict[str, str]]] = [
    ("قصفت قوات الدعم السريع مدينة الفولة في ولاية غرب كردفان بالسودان.", {"الفولة": "gn:379535"}),
    ("فر آلاف المدنيين من شمال دارفور إلى مليط في السودان.", {"مليط": "gn:370181"}),
    ("أعلن الجيش السوداني استعادة مدينة الدلنج في جنوب كردفان.", {"الدلنج": "gn:376450"}),
    ("وصلت تعزيزات عسكرية إلى مدينة أبو زبد في السودان.", {"أبو زبد": "gn:380348"}),
    ("سقطت قذائف على بلدة السوكي في ولاية سنار السودانية.", {"السوكي": "gn:378271"}),
    ("اندلعت اشتباكات في مدينة ترهونة جنوب شرق العاصمة الليبية طرابلس.", {"ترهونة": "gn:2210221"}),
    (
        "تجددت الاشتباكات بين مجموعات مسلحة في تاجوراء شرق طرابلس في ليبيا.",
        {"تاجوراء": "gn:2210394"},
    ),
    ("وصل وفد حكومي إلى بلدة جالو في شرق ليبيا.", {"جالو": "gn:86049"}),
    ("استهدفت غارة منزلا في بلدة بريتال في البقاع شرقي لبنان.", {"بريتال": "gn:276380"}),
    ("وصلت قافلة مساعدات إلى بلدة عيناتا في جنوب لبنان.", {"عيناتا": "gn:277534"}),
    ("قتل ثلاثة مدنيين في قصف على بلدة التريمسة بريف حماة في سوريا.", {"التريمسة": "gn:9847679"}),
    (
        "نزح آلاف السكان من مدينتي المناقل والحصاحيصا في ولاية الجزيرة وسط السودان.",
        {"المناقل": "gn:379149", "الحصاحيصا": "gn:379427"},
    ),
    (
        "سيطرت قوات الدعم السريع على مدينة كبكابية في شمال دارفور غربي السودان.",
        {"كبكابية": "gn:373198"},
    ),
    (
        "وصل مئات النازحين إلى مدينة تندلتي في ولاية النيل الأبيض في السودان.",
        {"تندلتي": "gn:366426"},
    ),
    (
        "هاجمت قوات الدعم السريع مدينة بابنوسة في ولاية غرب كردفان بالسودان.",
        {"بابنوسة": "gn:377962"},
    ),
    ("انفجرت سيارة مفخخة في قضاء الدجيل جنوب سامراء في العراق.", {"الدجيل": "gn:99759"}),
    (
        "ВСУ обстреляли Озеряновку и Настасиевку, сообщил губернатор.",
        {"Озеряновку": "gn:698088", "Настасиевку": "gn:700436"},
    ),
    ("В Матвеевке Запорожской области повреждены жилые дома.", {"Матвеевке": "gn:701588"}),
    (
        "Сирийская армия отошла из Растана и Тальбисы к северу от Хомса.",
        {"Растана": "gn:172946", "Тальбисы": "gn:163779"},
    ),
    (
        "Боевики атаковали Мхарду и Саламию в провинции Хама.",
        {"Мхарду": "gn:166742", "Саламию": "gn:164947"},
    ),
    (
        "Сирійська армія залишила Растан і Тальбісу на півночі провінції Хомс.",
        {"Растан": "gn:172946", "Тальбісу": "gn:163779"},
    ),
]

#: News prose with place cues before common words and capitalised names of people and
#: organisations: no name here is found through a transliteration.
NEGATIVE: list[str] = [
    "قالت الأمم المتحدة إن الوضع في السودان يزداد سوءا، وإن المنظمات تعمل في ظروف صعبة.",
    "وصلت المساعدات إلى مخيمات النازحين في بلدة حدودية قريبة من تشاد.",
    "أكد الوزير أن الحكومة ماضية في خطتها لإعادة الإعمار في المناطق المنكوبة في ليبيا.",
    "قتل مدنيان في قرية نائية جنوب مدينة حماة السورية، بحسب المرصد.",
    "أعلن الجيش اللبناني انتشاره في مواقع جديدة في الجنوب، فيما تستمر الاتصالات في باريس.",
    "دعا المبعوث الأممي إلى وقف إطلاق النار في اليمن، مشيرا إلى معاناة المدنيين في المحافظات.",
    "تعرضت مدينة منكوبة أصلا لقصف جديد في ليبيا، وفر الأهالي نحو مناطق أكثر أمانا.",
    "وأوضح المتحدث في مؤتمر صحفي عقده في مقر الوزارة ببغداد أن التحقيقات جارية.",
    "يعيش السكان في بلدة محاصرة منذ أشهر في سوريا، ويعانون من نقص حاد في الغذاء والدواء.",
    "وأشار التقرير إلى تدهور الأوضاع في مستشفيات مدينة الفاشر في السودان.",
    "وقال محافظ عدن إن السلطة المحلية بادرت بفتح الطرق، داعيا إلى رفع الحصار عن تعز.",
    "التقى رئيس الوزراء في الخرطوم وفدا من الوسطاء، وبحث معهم سبل تعزيز الهدنة في دارفور.",
    "Как сообщил Сырский, бригады отошли на новые позиции. По данным Буданова, противник "
    "готовит наступление. Шмыгаль заявил, что правительство выделит средства.",
    "Зеленский провёл совещание со Ставкой. Кадыров и Пригожин обменялись заявлениями. "
    "Пушилин заявил о потерях в Донецке.",
    "Як повідомив Сирський, бригади відійшли на нові позиції. Стефанчук підписав закон, а "
    "Кулеба провів переговори в Брюсселі.",
    "Взрыв произошёл у Антоновского моста в Херсоне, сообщил Сальдо.",
    "Пресс-служба Укрэнерго сообщила об отключениях в Киеве. Нафтогаз и Ощадбанк "
    "опубликовали отчёты.",
    "Уряд Шмигаля затвердив програму. Міністр Умєров відвідав позиції поблизу Харкова.",
]


def _corpus() -> list[str]:
    docs: list[str] = []
    if DEV.is_dir():
        for path in sorted(DEV.glob("*.md")):
            text = path.read_text(encoding="utf-8")
            docs.append(_MARKUP.sub(lambda m: m.group(1) or m.group(2), text))
    docs += [text for text, _ in POSITIVE] + NEGATIVE
    return docs


def _km(a: object, b: object) -> float:
    from geo.geoparse.candidates import haversine_km

    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[attr-defined]


def main() -> None:
    from geo.geoparse import Geoparser, get_geoparser, translit
    from geo.geoparse.candidates import Index
    from geo.geoparse.resolve import Trace

    parser = get_geoparser()
    index = parser.index
    gazetteer = index.gazetteer

    names = [
        f"{stem}{end}"
        for stem in ("орлов", "петров", "андреев", "новосел")
        for end in ("ка", "ское", "о", "ичи")
    ]
    raw = translit.cyrillic_latin_keys.__wrapped__
    per = median_seconds(lambda: [raw(n) for n in names], repeat=5) / len(names)
    print(
        f"Cyrillic Latin keys: {per * 1e6:.0f} µs a name ({len(raw('орловка'))} keys for 'орловка')"
    )
    arabic = ["الحصاحيصا", "ترهونة", "كبكابية", "التريمسة", "بريتال", "المناقل", "تندلتي", "عيناتا"]
    skel = translit.arabic_skeletons.__wrapped__
    per = median_seconds(lambda: [skel(n) for n in arabic], repeat=5) / len(arabic)
    print(f"Arabic skeletons: {per * 1e6:.0f} µs a name")

    countries = translit.arabic_countries()
    start = time.perf_counter()
    latin = translit.latin_names(gazetteer, countries)
    listed = time.perf_counter() - start
    start = time.perf_counter()
    built = translit.build_skeleton_index(latin)
    build = time.perf_counter() - start
    print(
        f"skeleton index: {len(latin):,} Latin keys of {len(countries)} countries listed in "
        f"{listed:.2f} s, indexed in {build:.2f} s: {built.size:,} skeletons"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "translit.json"
        meta = {"bench": True}
        start = time.perf_counter()
        translit.save_skeleton_index(path, meta, built)
        saved = time.perf_counter() - start
        loaded = median_seconds(lambda: translit.load_skeleton_index(path, meta), repeat=3)
        print(
            f"  saved in {saved:.2f} s ({path.stat().st_size / 2**20:.1f} MiB), "
            f"read back in {loaded:.3f} s"
        )

    fresh = Index(gazetteer)
    cyr = ["озеряновка", "настасиевка", "матвеевка", "растан", "тальбиса", "ласточкино"]
    start = time.perf_counter()
    for k in cyr:
        fresh.transliterated(k)
    cyr_cost = (time.perf_counter() - start) / len(cyr)
    fresh.transliterated("حلب")  # the skeleton index, read once
    start = time.perf_counter()
    for k in arabic:
        fresh.transliterated(k)
    ar_cost = (time.perf_counter() - start) / len(arabic)
    print(
        f"first Index.transliterated of a name: Cyrillic {cyr_cost * 1e3:.2f} ms, "
        f"Arabic {ar_cost * 1e3:.2f} ms (then memoised)"
    )

    docs = _corpus()
    size = sum(len(d.encode("utf-8")) for d in docs)
    off_parser = Geoparser(Index(gazetteer), parser.model)
    off_parser.index.transliterated = lambda key: ()  # type: ignore[method-assign]
    timings: dict[str, list[float]] = {"on": [], "off": []}
    for p in (parser, off_parser):
        for d in docs:
            p.parse_text(d)  # memos filled
    for _ in range(REPEAT):  # alternated: the machine's load changes under both alike
        for name, p in (("on", parser), ("off", off_parser)):
            start = time.perf_counter()
            for d in docs:
                p.parse_text(d)
            timings[name].append(time.perf_counter() - start)
    on, off = statistics.median(timings["on"]), statistics.median(timings["off"])
    print(
        f"parse_text on {len(docs)} documents ({size / 1e3:.0f} KB, six languages): "
        f"{len(docs) / on:.0f} documents/s with transliteration, {len(docs) / off:.0f} "
        f"without (median of {REPEAT})"
    )

    found = right = expected = 0
    for text, gold in POSITIVE:
        mentions = {m.mention: m for m in parser.parse(text)}
        for surface, ref in gold.items():
            expected += 1
            m = mentions.get(surface)
            place = gazetteer.get(ref)
            if m is not None:
                found += 1
                right += place is not None and _km(m.place, place) <= 25.0
    spurious = 0
    for text in NEGATIVE:
        trace = Trace()
        parsed = parser.parse_text(text, trace=trace)
        kept = {(m.char_start, m.char_end) for m in parsed.mentions}
        spurious += sum(
            1
            for group, _, _ in trace.spans
            for s in group
            if s.source == "translit" and (s.start, s.end) in kept
        )
    recall = right / expected if expected else math.nan
    print(
        f"written sentences: {right}/{expected} names found and placed within 25 km "
        f"({recall:.2f}), {found - right} found wrong; {spurious} names found through a "
        f"transliteration in {len(NEGATIVE)} texts without any"
    )
