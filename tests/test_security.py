"""Nothing in an input runs: template-like and hostile text reach a map as inert data.

branca renders the output of folium's macros once more as a Jinja2 template when a page is
saved, so text that reached a macro used to run (issue 8): an article holding
``{{ cycler.__init__.__globals__.os.system('touch PWNED') }}`` created a file. Each vector
of the issue (table columns, a row without coordinates, an article's text and file name, a
corpus' text and url, front-line and boundary files, the title, Jupyter's ``_repr_html_``)
is fed template-like text and the XSS payloads of the browser tests, through the command
line (in process, and once as a real process) and the library, for small (plain JSON) and
large (gzip) maps, with scripts inlined or linked on a CDN. Each run must succeed, create no
proof file, and show every text verbatim, inside the page's JSON only.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
from branca.element import CssLink, Element, Figure, JavascriptLink
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

import geo
from geo.cli import main
from geo.mapping import EventMap, LiteralElement, map_events, save_map
from tests.test_browser import HOSTILE

#: Where the code-execution payload would leave its proof: the working directory of the run
#: (a relative name, so that it fits into a file name too).
PROOF = "PWNED"
RCE = f"{{{{ cycler.__init__.__globals__.os.system('touch {PROOF}') }}}}"
TEMPLATE_LIKE = [
    RCE,
    "{{7*7}}",
    "{% if 1 %}x{% endif %}",
    "{#",
    "{%",
    '{{ "x" }}',
    "{{cite web|url=https://example.org/a|title=A}}",
]
#: Every text fed through every vector.
TEXTS = [*TEMPLATE_LIKE, *HOSTILE]
LIVE_MARKUP = ("<script>window.__pwned", "<img src=x", "<svg onload")

# Places of the table rows: one per text, along a parallel near Tartar (Azerbaijan).
LAT = 40.3
LON0, STEP = 46.5, 0.05
CELL = 0.02  # half the side of the admin-1 box drawn around each row
ARTICLE = "date 2020-10-04\nArtillery shelled Ganja on Sunday, {text} the ministry said.\n"

_DATA = re.compile(
    r'<script type="application/json" id="[^"]+_data"( data-encoding="gzip\+base64")?>'
    r"(.*?)</script>",
    re.S,
)
_OPTIONS = re.compile(r"new GeoEventMap\(\w+, (\{.*\})\);$", re.M)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


# ------------------------------------------------------------------------------ the page


@dataclass
class Page:
    """A map page taken apart: its data, its options, its title and everything else."""

    text: str
    compressed: bool
    data: dict[str, Any]
    options: dict[str, Any]
    title: str
    rest: str = field(repr=False)

    def strings(self) -> list[str]:
        found: list[str] = []

        def walk(value: Any) -> None:
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(key)
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(self.data)
        walk(self.options)
        return found


def read_page(text: str) -> Page:
    """Decode the data and options JSON of a map page and keep the rest of the page."""
    data = _DATA.findall(text)
    assert len(data) == 1, "expected one data element"
    encoding, body = data[0]
    raw = gzip.decompress(base64.b64decode(body)).decode("utf-8") if encoding else body
    options = _OPTIONS.findall(text)
    assert len(options) == 1, "expected one GeoEventMap(...) call"
    titles = _TITLE.findall(text)
    assert len(titles) == 1
    rest = _TITLE.sub("<title></title>", _OPTIONS.sub("", _DATA.sub("", text)))
    return Page(
        text=text,
        compressed=bool(encoding),
        data=json.loads(raw),
        options=json.loads(options[0]),
        title=titles[0],
        rest=rest,
    )


def check_page(page: Page, texts: list[str], *, large: bool) -> None:
    """Every text verbatim in the JSON, and nowhere else; no live markup anywhere."""
    assert page.compressed is large
    strings = page.strings()
    for text in texts:
        assert any(text in s for s in strings), f"{text!r} is not in the page's data"
        assert text not in page.rest, f"{text!r} is in the page outside its JSON"
    for raw in LIVE_MARKUP:
        assert raw not in page.text


def proof_in(folder: Path) -> bool:
    return (folder / PROOF).exists()


# ------------------------------------------------------------------------------ inputs


def acled_frame(
    n: int, *, column: str | None = None, texts: list[str] | None = None
) -> pd.DataFrame:
    """An ACLED-like table of ``n`` rows near Tartar; ``column`` holds ``texts`` if given."""
    frame = pd.DataFrame(
        {
            "event_id_cnty": [f"AZE{k}" for k in range(n)],
            "event_date": ["2020-10-04"] * n,
            "event_type": ["Explosions/Remote violence"] * n,
            "sub_event_type": ["Shelling/artillery/missile attack"] * n,
            "country": ["Azerbaijan"] * n,
            "admin1": ["Tartar"] * n,
            "location": ["Tartar"] * n,
            "latitude": [LAT] * n,
            "longitude": [round(LON0 + STEP * k, 5) for k in range(n)],
            "fatalities": [1] * n,
            "notes": [f"Shelling near Tartar, row {k}." for k in range(n)],
            "source": ["Test wire"] * n,
        }
    )
    if column is not None and texts is not None:
        frame[column] = texts
    return frame


def write_geojson(path: Path, features: list[dict[str, Any]]) -> Path:
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def front_features(name: list[str], source: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "type": "Feature",
            "properties": {
                "name": n,
                "source": s,
                "valid_from": f"2020-09-{k + 1:02d}",
                "valid_to": f"2020-10-{k + 4:02d}",  # the events' day (10-04): drawn
            },
            "geometry": {
                "type": "LineString",
                "coordinates": [[46.6 + 0.01 * k, 39.9], [46.7 + 0.01 * k, 40.2]],
            },
        }
        for k, (n, s) in enumerate(zip(name, source, strict=True))
    ]


def boundary_features(admin1: list[str], country: list[str]) -> list[dict[str, Any]]:
    features = []
    for k, (a, c) in enumerate(zip(admin1, country, strict=True)):
        lon = LON0 + STEP * k
        cell = box(lon - CELL, LAT - CELL, lon + CELL, LAT + CELL)
        features.append(
            {
                "type": "Feature",
                "properties": {"admin1": a, "country": c},
                "geometry": json.loads(gpd.GeoSeries([cell]).to_json())["features"][0]["geometry"],
            }
        )
    return features


def _table_vector(column: str) -> Callable[[Path, list[str]], list[str]]:
    def build(folder: Path, texts: list[str]) -> list[str]:
        path = folder / "acled.csv"
        acled_frame(len(texts), column=column, texts=texts).to_csv(path, index=False)
        return [str(path), "--front", "none", "--boundaries", "none"]

    return build


def _no_coordinates(folder: Path, texts: list[str]) -> list[str]:
    frame = acled_frame(len(texts), column="location", texts=texts)
    frame["latitude"] = None
    frame["longitude"] = None
    path = folder / "acled.csv"
    # one placed row, so that the map is not empty
    pd.concat([frame, acled_frame(1)], ignore_index=True).to_csv(path, index=False)
    return [str(path), "--front", "none", "--boundaries", "none"]


def write_articles(folder: Path, texts: list[str]) -> list[str]:
    """One plain-text article per text, the text in the sentence of the event."""
    paths = []
    for k, text in enumerate(texts):
        path = folder / f"article-{k}.txt"
        path.write_text(ARTICLE.format(text=text), encoding="utf-8")
        paths.append(str(path))
    return paths


def file_name_texts(texts: list[str]) -> list[str]:
    return [t for t in texts if "/" not in t]  # a file name cannot hold a slash


def write_named_articles(folder: Path, texts: list[str]) -> list[str]:
    """One article per text, named after the text."""
    paths = []
    for text in file_name_texts(texts):
        path = folder / f"{text}.txt"
        path.write_text(ARTICLE.format(text="and"), encoding="utf-8")
        paths.append(str(path))
    return paths


def _article_text(folder: Path, texts: list[str]) -> list[str]:
    return [*write_articles(folder, texts), "--front", "none", "--boundaries", "none"]


def _article_name(folder: Path, texts: list[str]) -> list[str]:
    return [*write_named_articles(folder, texts), "--front", "none", "--boundaries", "none"]


def _jsonl(key: str) -> Callable[[Path, list[str]], list[str]]:
    def build(folder: Path, texts: list[str]) -> list[str]:
        path = folder / "corpus.jsonl"
        lines = []
        for k, text in enumerate(texts):
            record = {"id": f"doc{k}", "date": "2020-10-04", "url": f"https://example.org/{k}"}
            record["text"] = ARTICLE.format(text="and").split("\n")[1]
            record[key] = ARTICLE.format(text=text).split("\n")[1] if key == "text" else text
            lines.append(json.dumps(record, ensure_ascii=False))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [str(path), "--front", "none", "--boundaries", "none"]

    return build


def _front(key: str) -> Callable[[Path, list[str]], list[str]]:
    def build(folder: Path, texts: list[str]) -> list[str]:
        plain = [f"Line {k}" for k in range(len(texts))]
        name, source = (texts, plain) if key == "name" else (plain, texts)
        front = write_geojson(folder / "front.geojson", front_features(name, source))
        table = folder / "acled.csv"
        acled_frame(1).to_csv(table, index=False)
        return [str(table), "--front", str(front), "--boundaries", "none"]

    return build


def _boundaries(key: str) -> Callable[[Path, list[str]], list[str]]:
    def build(folder: Path, texts: list[str]) -> list[str]:
        plain = [f"Region {k}" for k in range(len(texts))]
        countries = ["Azerbaijan"] * len(texts)
        admin1, country = (texts, countries) if key == "admin1" else (plain, texts)
        path = write_geojson(folder / "admin1.geojson", boundary_features(admin1, country))
        table = folder / "acled.csv"
        acled_frame(len(texts)).to_csv(table, index=False)
        return [str(table), "--boundaries", str(path), "--front", "none"]

    return build


def _title(folder: Path, texts: list[str]) -> list[str]:
    table = folder / "acled.csv"
    acled_frame(1).to_csv(table, index=False)
    return [str(table), "--title", " ".join(texts), "--front", "none", "--boundaries", "none"]


#: name -> builder(folder, texts) returning the inputs and options of ``geo map``.
VECTORS: dict[str, Callable[[Path, list[str]], list[str]]] = {
    "acled-notes": _table_vector("notes"),
    "acled-location": _table_vector("location"),
    "acled-source": _table_vector("source"),
    "acled-event_type": _table_vector("event_type"),
    "acled-sub_event_type": _table_vector("sub_event_type"),
    "acled-event_id_cnty": _table_vector("event_id_cnty"),
    "acled-location-without-coordinates": _no_coordinates,
    "article-text": _article_text,
    "article-file-name": _article_name,
    "jsonl-text": _jsonl("text"),
    "jsonl-url": _jsonl("url"),
    "front-name": _front("name"),
    "front-source": _front("source"),
    "boundaries-admin1": _boundaries("admin1"),
    "boundaries-country": _boundaries("country"),
    "title": _title,
}
#: (large, cdn) of the maps of the library tests: plain JSON or gzip, scripts inlined or
#: linked on a CDN.
VARIANTS = {
    "small-inline": (False, False),
    "small-cdn": (False, True),
    "large-inline": (True, False),
    "large-cdn": (True, True),
}
#: The same for ``geo map``, whose maps are always compressed: the embedded countries of
#: their base map alone weigh more than MAP_COMPRESS_MIN_BYTES.
CLI_VARIANTS = {
    "inline": (True, False),
    "cdn": (True, True),
}


def expected_texts(vector: str) -> list[str]:
    if vector == "title":
        return [" ".join(TEXTS)]
    if vector == "article-file-name":
        return file_name_texts(TEXTS)
    return TEXTS


# ------------------------------------------------------------------------------ tests


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty working directory: where the payload would ``touch`` its proof."""
    folder = tmp_path / "run"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder
    assert not proof_in(folder)


def test_the_payload_runs_when_rendered_as_a_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The probe works: a plain branca Element renders its text as a template."""
    monkeypatch.chdir(tmp_path)
    Element(f"<p>{RCE}</p>").render()
    assert proof_in(tmp_path)
    assert Element("{{7*7}}").render() == "49"


@pytest.mark.slow
@pytest.mark.parametrize("variant", list(CLI_VARIANTS))
@pytest.mark.parametrize("vector", list(VECTORS))
def test_command_line_vectors(
    vector: str, variant: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    large, cdn = CLI_VARIANTS[variant]
    inputs = workdir / "inputs"
    inputs.mkdir()
    argv = VECTORS[vector](inputs, TEXTS)
    out = workdir / "map.html"
    status = main(["map", *argv, "-o", str(out), *(["--cdn"] if cdn else [])])
    err = capsys.readouterr().err
    assert status in (0, 1), err
    assert not proof_in(workdir)
    page = read_page(out.read_text(encoding="utf-8"))
    check_page(page, expected_texts(vector), large=large)
    if vector == "title":
        assert page.options["title"] == " ".join(TEXTS)
        assert page.title == html.escape(" ".join(TEXTS))


def hostile_layers(texts: list[str]) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Events, front lines and regions whose every text column holds one of ``texts``."""
    n = len(texts)
    events = gpd.GeoDataFrame(
        acled_frame(n).rename(columns={"event_id_cnty": "event_id"}),
        geometry=[Point(LON0 + STEP * k, LAT) for k in range(n)],
        crs="EPSG:4326",
    ).drop(columns=["latitude", "longitude"])
    for name in (
        "event_id",
        "event_type",
        "sub_event_type",
        "location",
        "notes",
        "source",
        "country",
        "admin1",
    ):
        events[name] = texts
    events["mention"] = texts
    lost = events.iloc[:n].copy()
    lost["geometry"] = None
    events = gpd.GeoDataFrame(pd.concat([events, lost], ignore_index=True), crs="EPSG:4326")
    front = gpd.GeoDataFrame.from_features(front_features(texts, texts), crs="EPSG:4326")
    regions = gpd.GeoDataFrame.from_features(boundary_features(texts, texts), crs="EPSG:4326")
    return events, front, regions


@pytest.mark.slow
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_library_and_jupyter(variant: str, workdir: Path) -> None:
    large, cdn = VARIANTS[variant]
    events, front, regions = hostile_layers(TEXTS)
    title = " ".join(TEXTS)
    options: dict[str, Any] = {
        "front": front,
        "boundaries": regions,
        "title": title,
        "cdn": cdn,
        "compress_min_bytes": 1000 if large else 10**9,
    }
    m = geo.map_events(events, **options)
    # Jupyter shows _repr_html_: the page, HTML-escaped into an iframe's srcdoc
    frame = m._repr_html_()
    assert not proof_in(workdir)
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None
    page = read_page(html.unescape(srcdoc.group(1)))
    check_page(page, TEXTS, large=large)
    assert page.options["title"] == title
    # shown twice (a notebook re-displays), then saved
    m._repr_html_()
    out = save_map(m, workdir / "map.html")
    assert not proof_in(workdir)
    check_page(read_page(out.read_text(encoding="utf-8")), TEXTS, large=large)
    # a fresh map straight to a file
    fresh = map_events(events, **options)
    out = save_map(fresh, workdir / "fresh.html")
    assert not proof_in(workdir)
    check_page(read_page(out.read_text(encoding="utf-8")), TEXTS, large=large)
    assert fresh.summary is not None and len(fresh.summary.missing) == len(TEXTS)


@pytest.mark.slow
def test_every_vector_at_once_in_a_real_process(tmp_path: Path) -> None:
    """``geo map`` as a user runs it, every vector in one run."""
    work = tmp_path / "run"
    inputs = tmp_path / "inputs"
    work.mkdir()
    inputs.mkdir()
    frame = acled_frame(len(TEXTS))
    for name in ("notes", "location", "source", "event_type", "sub_event_type", "event_id_cnty"):
        frame[name] = TEXTS
    lost = acled_frame(len(TEXTS), column="location", texts=TEXTS)
    lost["latitude"] = lost["longitude"] = None
    table = inputs / "acled.csv"
    pd.concat([frame, lost], ignore_index=True).to_csv(table, index=False)
    articles = write_articles(inputs, TEXTS)
    named = write_named_articles(inputs, TEXTS)
    corpus = inputs / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"text": f"Artillery shelled Ganja on Sunday, {t}.", "url": t}) + "\n"
            for t in TEXTS
        ),
        encoding="utf-8",
    )
    front = write_geojson(inputs / "front.geojson", front_features(TEXTS, TEXTS))
    regions = write_geojson(inputs / "admin1.geojson", boundary_features(TEXTS, TEXTS))
    out = work / "map.html"
    argv = [table, *articles, *named, corpus, "-o", out, "--front", front]
    argv += ["--boundaries", regions, "--title", RCE, "--date", "2020-10-04"]
    done = subprocess.run(
        [sys.executable, "-m", "geo.cli", "map", *map(str, argv)],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert not proof_in(work) and not proof_in(inputs)
    page = read_page(out.read_text(encoding="utf-8"))
    check_page(page, TEXTS, large=True)  # the embedded base map alone is large
    assert page.options["title"] == RCE
    assert "{{" in page.title


def test_no_rendered_part_is_left_a_template() -> None:
    """After a render, what the map's elements added to the page is literal text."""
    events, front, regions = hostile_layers(TEXTS[:3])
    m = map_events(events, front=front, boundaries=regions, title=RCE, compress_min_bytes=10**9)
    figure = m.get_root()
    assert isinstance(figure, Figure)
    figure.render()
    for part in (figure.header, figure.html, figure.script):
        for key, child in part._children.items():
            if key == "meta_http":  # folium's fixed <meta charset>
                continue
            # literal text, or links whose template renders their url as a value (online)
            assert isinstance(child, LiteralElement | JavascriptLink | CssLink), key


def test_literal_element_is_verbatim() -> None:
    for text in TEXTS:
        assert LiteralElement(text).render() == text
    assert LiteralElement(RCE).to_dict()["name"] == "LiteralElement"


@given(
    st.text(alphabet=st.sampled_from(list("{}%#-+~()'\"|=<>/ ._abcxyz0123456789\n")), max_size=60)
)
@settings(max_examples=100, deadline=None)
def test_any_text_is_data(text: str) -> None:
    frame = pd.DataFrame(
        {"latitude": [40.0], "longitude": [46.0], "notes": [text], "location": [text]}
    )
    # without the base layers (no text of the input goes there; the tests above render
    # them): a map in milliseconds, so many more texts are tried
    m = map_events(
        frame, front=None, boundaries=None, base=None, towns=None, lakes=None, title=text or None
    )
    page = read_page(m.get_root().render())
    shown = text.strip()
    if shown:
        assert page.data["cols"]["notes"] == [shown]
        assert page.options["title"] == text
    assert isinstance(m, EventMap)


def test_folium_elements_added_to_a_map_are_frozen(workdir: Path) -> None:
    """Defence in depth: text in a folium element added to our map does not run either."""
    import folium

    m = map_events(None, front=None, boundaries=None)
    folium.Marker([40, 46], popup=folium.Popup(f"{RCE} {{{{7*7}}}}"), tooltip="{{7*7}}").add_to(m)
    page = m.get_root().render()
    assert not proof_in(workdir)
    assert page.count("{{7*7}}") == 2
    assert "{{ cycler.__init__.__globals__.os.system(" in page  # shown, not run
