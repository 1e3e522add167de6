"""Write the common pack's name lists from the US Census lists and the hand-kept given names.

Sources:

- the PyPI package ``names==0.3.0`` (MIT), which ships the US Census Bureau's 1990 frequency
  lists of given names (``dist.male.first``, ``dist.female.first``) and surnames
  (``dist.all.last``), public domain (a work of the US government); each line holds a name,
  its share of the population in percent, the cumulative share and the rank;
- ``data/names/given_names.toml``: French, Spanish and international given names written in
  the Latin script, kept by hand.

What is written into ``geo/lang/common/pack.toml`` (three lists, replaced whole; people are
named alike whatever the language of the document):

- ``first_names``: census given names of at least :data:`FIRST_MIN_PERCENT` percent of men or
  of women and the hand-kept names, less the words of :data:`NOT_NAMES` (English words that
  open sentences and headlines, "Will", "May", "Hope"; names of things and ranks) and every
  word of the packs' function-word lists (stop words, months, titles, connectors, saints...);
- ``place_first_names``: those that are the main name of a place of note in the gazetteer (a
  country, a first-level region or a city of :data:`PLACE_MIN_POPULATION` people or more): "Jordan",
  "Florence", "Santiago". The geoparser takes the word after one of them for a surname only
  when it is no place of note ("Jordan Bardella", not "Jordan Valley");
- ``surnames``: census surnames of at least :data:`SURNAME_MIN_PERCENT` percent of people,
  less the packs' function words and the names of countries and first-level regions.

Run from the repository root (needs ``pip`` and the gazetteer, built at first use)::

    python scripts/build_name_lists.py                 # fetches names==0.3.0 with pip
    python scripts/build_name_lists.py --names DIR     # DIR holds dist.male.first...
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import tomllib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.geoparse.candidates import Index  # noqa: E402
from geo.lang import WORD_LISTS, normalize_word  # noqa: E402

PACKAGE = "names==0.3.0"
PACK = ROOT / "geo" / "lang" / "common" / "pack.toml"
GIVEN = ROOT / "data" / "names" / "given_names.toml"
#: Packs whose word lists keep words out of the name lists (the Latin-script languages).
PACKS = ("common", "en", "fr", "es")
#: Given names shared by at least this percentage of men or of women (about 2,400 names).
FIRST_MIN_PERCENT = 0.005
#: Surnames shared by at least this percentage of people (about 7,500 names).
SURNAME_MIN_PERCENT = 0.002
#: A given name that is the name of a city this large (or of a country or a first-level
#: region) is in ``place_first_names``.
PLACE_MIN_POPULATION = 300_000
GENERATED = ("first_names", "place_first_names", "surnames")
#: Lists whose words are never taken for given names or surnames.
FUNCTION_LISTS = (
    "stopwords",
    "always_common",
    "months",
    "weekdays",
    "titles",
    "connectors",
    "name_particles",
    "chain_connectors",
    "list_words",
    "after_list",
    "elisions",
    "abbreviations",
    "arabic_articles",
    "saints",
    "determiners",
    "plural_determiners",
    "byline_words",
)
#: Lists whose words are never taken for given names either.
NOT_FIRST_LISTS = (
    *FUNCTION_LISTS,
    "demonyms",
    "org_heads",
    "region_before",
    "region_after",
    "water",
    "natural",
    "vessel_cues",
    "club_heads",
)
#: Census given names that are English words opening sentences and headlines ("Will Kyiv
#: fall?", "Hope fades", "Young Gazans"), names of things (colours, plants, gems, seasons),
#: ranks, nationality words or parts of place names ("Mae" of Thai places): a capitalised
#: word after one of them is no surname.
_NOT_NAMES = """
    alpha amber angel art august aura autumn barb basil beau belle berry beryl bill birdie
    blanca blanche
    brain brandy brooks bud buddy candy carmine chance charity chase chastity cherry chi
    christen christian chuck clay cliff coy cruz crystal daisy dale dawn dean destiny dick
    dirk don drew dusty earl earnest easter ebony ed eve faith fanny fern flora forest foster
    freeman gale garland gay german ginger glen grace grant guy hank hazel heath heather
    holly hope hung hunter iris ivory ivy jade jasmine jewel joy junior king kitty lacy lance
    lane laurel lily ma mae major margarita marina mark marquis may melody merry mi miles misty
    myrtle noble norman numbers olive opal pansy pearl penny precious prince princess queen
    raven reed rich rocky rod roman rose rosemary royal ruby rusty sandy sang santa sherry
    sierra sol son sonny sterling summer sun sung sunny tad tanner tiara una valentine van
    viola violet wade walker ward will young
"""
NOT_NAMES = frozenset(_NOT_NAMES.split())


_PIP_DOWNLOAD: tuple[str, ...] = (sys.executable, "-m", "pip", "download", "--quiet")
_PIP_DOWNLOAD += ("--no-deps", "--no-binary", ":all:")


def fetch(workdir: Path) -> Path:
    """Download and unpack ``names`` with pip; return the folder of its data files."""
    subprocess.run(
        [*_PIP_DOWNLOAD, PACKAGE, "-d", str(workdir)],
        check=True,
    )
    archive = next(workdir.glob("names-*.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(workdir, filter="data")
    return next(workdir.glob("names-*/names"))


def read_census(path: Path, min_percent: float) -> list[str]:
    """Names of a census file with at least ``min_percent`` percent, most frequent first."""
    out: list[str] = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4 and float(parts[1]) >= min_percent:
            out.append(normalize_word(parts[0]))
    return out


def read_given() -> list[str]:
    """The hand-kept given names of every group, normalised."""
    data = tomllib.loads(GIVEN.read_text(encoding="utf-8"))
    return [
        k
        for text in data["given_names"].values()
        for k in (normalize_word(w) for w in text.split())
        if k
    ]


def pack_words(lists: Iterable[str]) -> set[str]:
    """Every normalised word of the named lists in the Latin-script packs."""
    words: set[str] = set()
    for code in PACKS:
        data = tomllib.loads((ROOT / "geo" / "lang" / code / "pack.toml").read_text("utf-8"))
        for name in lists:
            if name in GENERATED:
                continue
            text = data.get("words", {}).get(name, "")
            words.update(k for k in (normalize_word(w) for w in text.split()) if k)
    return words


def place_of_note(index: Index, name: str) -> bool:
    """Whether a name is the main name of a country, a region or a big city (not an alternate
    name such as an airport code: "Mia" is no name of Miami)."""
    for c in index.candidates(name, variants=False):
        p = c.place
        if p.kind == "country" or (
            c.match == "primary" and (p.kind == "region" or p.population >= PLACE_MIN_POPULATION)
        ):
            return True
    return False


def area(index: Index, name: str) -> bool:
    """Whether a name's best gazetteer place is a country or a first-level region."""
    cs = index.candidates(name, variants=False)
    return bool(cs) and cs[0].place.kind in ("country", "region")


def build(folder: Path, index: Index) -> dict[str, list[str]]:
    """The three generated lists, sorted."""
    given = read_census(folder / "dist.male.first", FIRST_MIN_PERCENT)
    given += read_census(folder / "dist.female.first", FIRST_MIN_PERCENT)
    given += read_given()
    excluded = pack_words(NOT_FIRST_LISTS) | NOT_NAMES
    first: set[str] = set()
    place: set[str] = set()
    for name in given:
        if len(name) < 2 or " " in name or name in excluded:
            continue
        (place if place_of_note(index, name) else first).add(name)
    function = pack_words(FUNCTION_LISTS)
    surnames = {
        name
        for name in read_census(folder / "dist.all.last", SURNAME_MIN_PERCENT)
        if len(name) >= 2 and name not in function and not area(index, name)
    }
    return {
        "first_names": sorted(first),
        "place_first_names": sorted(place),
        "surnames": sorted(surnames),
    }


def write(lists: dict[str, list[str]], pack: Path = PACK) -> None:
    """Replace the values of the generated lists in the pack file."""
    text = pack.read_text(encoding="utf-8")
    for name, words in lists.items():
        body = "\n".join(textwrap.wrap(" ".join(words), 95))
        pattern = re.compile(rf'^{name} = """\n.*?"""$', re.MULTILINE | re.DOTALL)
        match = pattern.search(text)
        if match is None:
            raise SystemExit(f"{pack}: no list {name!r} to replace")
        text = f'{text[: match.start()]}{name} = """\n{body}\n"""{text[match.end() :]}'
    tomllib.loads(text)  # still valid TOML
    pack.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--names", type=Path, help="folder with the census files of `names`")
    args = parser.parse_args(argv)
    if not set(GENERATED) <= set(WORD_LISTS):
        raise SystemExit(f"geo.lang.WORD_LISTS lacks one of {GENERATED}")
    index = Index.default()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.names or fetch(Path(tmp))
        lists = build(folder, index)
    write(lists)
    for name, words in lists.items():
        print(f"{name}: {len(words)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
