"""Benchmark of ``geo parse`` and ``geo events``: documents/s, MB/s and peak memory.

The corpus is generated from templates written for this benchmark: French and English
conflict reports (Nagorno-Karabakh, Syria, Ukraine, the Sahel) of 3-6 KB each, built from
sentences with place names, organisations, people, dates and tolls, so the parser meets the
same traps as in real news. Both commands run in this process on a folder of text files;
the gazetteer is loaded before timing.
"""

from __future__ import annotations

import contextlib
import io
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

N_ARTICLES = 400
REPEAT = 3
SEED = 20201002

# (French, English) names per conflict
PLACES: dict[str, list[tuple[str, str]]] = {
    "karabakh": [
        ("Stepanakert", "Stepanakert"),
        ("Martouni", "Martuni"),
        ("Agdam", "Aghdam"),
        ("Hadrout", "Hadrut"),
        ("Choucha", "Shusha"),
        ("Tartar", "Tartar"),
        ("Ganja", "Ganja"),
        ("Horadiz", "Horadiz"),
        ("Fizouli", "Fuzuli"),
        ("Barda", "Barda"),
    ],
    "syria": [
        ("Alep", "Aleppo"),
        ("Idlib", "Idlib"),
        ("Saraqeb", "Saraqib"),
        ("Homs", "Homs"),
        ("Manbij", "Manbij"),
        ("Afrin", "Afrin"),
        ("Deir ez-Zor", "Deir ez-Zor"),
        ("Raqqa", "Raqqa"),
    ],
    "ukraine": [
        ("Kharkiv", "Kharkiv"),
        ("Marioupol", "Mariupol"),
        ("Bakhmout", "Bakhmut"),
        ("Kramatorsk", "Kramatorsk"),
        ("Kherson", "Kherson"),
        ("Zaporijjia", "Zaporizhzhia"),
        ("Soledar", "Soledar"),
        ("Izioum", "Izium"),
    ],
    "sahel": [
        ("Ménaka", "Menaka"),
        ("Gao", "Gao"),
        ("Mopti", "Mopti"),
        ("Djibo", "Djibo"),
        ("Dori", "Dori"),
        ("Tillabéri", "Tillaberi"),
        ("Diffa", "Diffa"),
        ("Kidal", "Kidal"),
    ],
}
COUNTRIES: dict[str, list[tuple[str, str]]] = {
    "karabakh": [("l'Azerbaïdjan", "Azerbaijan"), ("l'Arménie", "Armenia")],
    "syria": [("la Syrie", "Syria"), ("la Turquie", "Turkey")],
    "ukraine": [("l'Ukraine", "Ukraine"), ("la Russie", "Russia")],
    "sahel": [("le Mali", "Mali"), ("le Burkina Faso", "Burkina Faso"), ("le Niger", "Niger")],
}
CAPITALS: dict[str, list[tuple[str, str]]] = {
    "karabakh": [("Bakou", "Baku"), ("Erevan", "Yerevan")],
    "syria": [("Damas", "Damascus"), ("Ankara", "Ankara")],
    "ukraine": [("Kiev", "Kyiv"), ("Moscou", "Moscow")],
    "sahel": [("Bamako", "Bamako"), ("Niamey", "Niamey"), ("Ouagadougou", "Ouagadougou")],
}
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FR_NUMBERS = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "dix", "douze"]
EN_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve"]

FR = [
    "La ville de {p} a été visée {day} par des tirs d'artillerie, selon les autorités locales.",
    "{N} civils ont été tués et {n} personnes blessées lors du bombardement de {p}.",
    "Selon le ministère de la Défense, de violents combats se poursuivent autour de {p}.",
    "Une frappe de drone a détruit un dépôt de munitions près de {p} dans la nuit de {day}.",
    "{C} accuse les forces adverses d'avoir pilonné {p} et {q}, ce que {K} dément.",
    "Le {org} a appelé à un cessez-le-feu immédiat, sans effet sur le terrain.",
    "Dans un entretien au quotidien {media}, le président {person} a dénoncé une escalade.",
    "Des milliers d'habitants de {p} ont fui vers {q}, a indiqué l'agence {agency}.",
    "L'{otan} suit la situation avec inquiétude, a déclaré un porte-parole à {K}.",
    "Les journalistes de {media} présents à {p} ont décrit des immeubles éventrés.",
    "Depuis le début du conflit, {C} affirme avoir perdu {n} soldats.",
    "Au sud de {p}, un convoi humanitaire a été bloqué pendant trois jours.",
    "Nord, sud, est : aucun secteur du front n'a été épargné {day}.",
    "Ville après ville, les destructions s'accumulent, constate un envoyé spécial de {agency}.",
]
EN = [
    "Artillery fire hit {p} on {day}, local officials said.",
    "{N} civilians were killed and {n} people wounded in the shelling of {p}.",
    "Heavy fighting continued around {p}, the defence ministry in {K} said.",
    "A drone strike destroyed an ammunition depot near {p} overnight on {day}.",
    "{C} accused enemy forces of pounding {p} and {q}, which {K} denied.",
    "The {org} called for an immediate ceasefire, to no effect on the ground.",
    "In an interview with {media}, President {person} condemned the escalation.",
    "Thousands of residents of {p} fled towards {q}, {agency} reported.",
    "{otan} is following the situation closely, a spokesman said in {K}.",
    "Reporters from {media} in {p} described apartment blocks torn open.",
    "Since the start of the conflict, {C} says it has lost {n} soldiers.",
    "South of {p}, an aid convoy was blocked for three days.",
    "Front-line towns such as {p} have been shelled almost daily since {day}.",
]
ORGS_FR = ["groupe de Minsk", "Conseil de sécurité", "Comité international de la Croix-Rouge"]
ORGS_EN = ["Minsk Group", "UN Security Council", "International Committee of the Red Cross"]
MEDIA_FR = ["Le Monde", "Le Figaro", "Libération", "La Croix"]
MEDIA_EN = ["the Kyiv Independent", "The Guardian", "the New York Times", "Al Jazeera"]
PEOPLE = ["Emmanuel Macron", "Recep Tayyip Erdogan", "Ilham Aliyev", "Volodymyr Zelensky"]
AGENCIES = ["AFP", "Reuters", "Interfax", "Anadolu"]


def _fill(template: str, rng: random.Random, conflict: str, fr: bool) -> str:
    i = 0 if fr else 1
    places = rng.sample(PLACES[conflict], 2)
    country = rng.choice(COUNTRIES[conflict])[i]
    capital = rng.choice(CAPITALS[conflict])[i]
    numbers = FR_NUMBERS if fr else EN_NUMBERS
    sentence = template.format(
        p=places[0][i],
        q=places[1][i],
        C=country[0].upper() + country[1:],
        K=capital,
        day=rng.choice(FR_DAYS if fr else EN_DAYS),
        N=rng.choice(numbers).capitalize(),
        n=rng.randint(2, 140),
        org=rng.choice(ORGS_FR if fr else ORGS_EN),
        media=rng.choice(MEDIA_FR if fr else MEDIA_EN),
        person=rng.choice(PEOPLE),
        agency=rng.choice(AGENCIES),
        otan="Otan" if fr else "NATO",
    )
    return sentence[0].upper() + sentence[1:]


def make_corpus(n: int = N_ARTICLES, *, seed: int = SEED) -> list[str]:
    """Return ``n`` generated articles, each starting with a ``date`` header line."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        conflict = rng.choice(sorted(PLACES))
        fr = k % 2 == 0
        templates = FR if fr else EN
        day = rng.randint(1, 28)
        paragraphs = []
        for _ in range(rng.randint(9, 13)):
            sentences = [_fill(rng.choice(templates), rng, conflict, fr) for _ in range(4)]
            paragraphs.append(" ".join(sentences))
        out.append(f"date 2020-10-{day:02d}\n" + "\n\n".join(paragraphs) + "\n")
    return out


def _run(argv: list[str]) -> float:
    from geo.cli import main as geo_main

    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        status = geo_main(argv)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"geo {' '.join(argv)} exited with {status}")
    return elapsed


# A new process runs `geo parse` over the corpus and reports its own peak RSS (VmHWM): the
# benchmark process's peak would include the corpus generation and any index build.
_RSS_PROBE = """
import contextlib, io, sys
from geo.cli import main
with contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
with open("/proc/self/status") as fh:
    print(next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")))
"""


def _peak_rss_mb_of_fresh_run(argv: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE, *argv], capture_output=True, text=True, check=True
    ).stdout
    return int(out.split()[-1]) / 1024


def main() -> None:
    from geo.geoparse import get_geoparser

    corpus = make_corpus()
    size_mb = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    get_geoparser().parse("Bakou et Erevan.")  # load the gazetteer before timing
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for k, text in enumerate(corpus):
            (folder / f"article-{k:04d}.txt").write_text(text, encoding="utf-8")
        out = Path(tmp) / "out.geojson"
        parse_args = ["parse", str(folder), "-o", str(out), "--no-progress"]
        times = [_run(parse_args) for _ in range(REPEAT)]
        parse_s = statistics.median(times)
        mentions = out.read_text(encoding="utf-8").count('"type": "Feature"')
        events_out = Path(tmp) / "events.csv"
        events_s = statistics.median(
            _run(["events", str(folder), "-o", str(events_out), "--no-progress"])
            for _ in range(REPEAT)
        )
        tracemalloc.start()
        _run(parse_args)
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_mb = _peak_rss_mb_of_fresh_run(parse_args)
    print(f"corpus: {len(corpus)} articles, {size_mb:.2f} MB, {mentions} mentions found")
    print(
        f"geo parse:  median {parse_s:.2f} s over {REPEAT} runs = "
        f"{len(corpus) / parse_s:,.0f} documents/s, {size_mb / parse_s:.2f} MB/s"
    )
    print(
        f"geo events: median {events_s:.2f} s = {len(corpus) / events_s:,.0f} documents/s, "
        f"{size_mb / events_s:.2f} MB/s"
    )
    print(
        f"peak memory: {rss_mb:,.0f} MB RSS for a new `geo parse` process over the corpus; "
        f"Python heap during one geo parse run {heap_peak / 1e6:,.1f} MB"
    )


if __name__ == "__main__":
    main()
