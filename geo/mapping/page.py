"""The page of a map: folium elements whose parts are literal text, inlined assets, JSON.

Text is data, never template source: see :class:`LiteralElement` and :func:`freeze_rendered`.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from geo.errors import DataError, InputError

if TYPE_CHECKING:
    from geo.mapping.core import MapSummary


class EventMap(folium.Map):  # type: ignore[misc]
    """A :class:`folium.Map` that knows its :class:`MapSummary` and can inline its assets.

    With ``offline`` true, rendering inlines every JavaScript and CSS file the page needs
    (see :func:`inline_assets`), so the page requests nothing from the network.
    """

    def __init__(self, *args: Any, offline: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offline = offline
        self.summary: MapSummary | None = None

    def render(self, **kwargs: Any) -> Any:
        if self.offline:
            inline_assets(self)
        result = super().render(**kwargs)  # type: ignore[no-untyped-call]
        freeze_rendered(self)
        return result


# ------------------------------------------------------------------------------ literal text


class LiteralElement(Element):  # type: ignore[misc]
    """Text added to a page as it is: never parsed nor rendered as a Jinja2 template.

    A plain ``branca.element.Element(text)`` compiles ``text`` as a template and renders it
    when the page is saved, so ``{{ ... }}`` in it would run and a stray ``{%`` would crash.
    The caller is responsible for the text being safe HTML (escaped, or JSON made inert by
    :func:`script_json`).

    Examples
    --------
    >>> LiteralElement("{{ 7*7 }} {% stays %}").render()
    '{{ 7*7 }} {% stays %}'
    """

    def __init__(self, text: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "LiteralElement"
        self.text = str(text)

    def render(self, **kwargs: Any) -> str:
        return self.text


def freeze_rendered(m: Element) -> None:
    """Turn what the elements of ``m`` added to the page into literal text.

    branca's ``MacroElement.render`` (and folium's popups and class includes) put the
    *output* of their Jinja2 macros into the figure's header, html and script parts as a
    plain ``Element(output)``, which is rendered once more as a template when the page is
    saved. That output is final HTML: rendering it again can only do harm (run or choke on
    ``{{``, ``{%`` or ``{#`` that came from data). Called after ``m`` rendered, this replaces
    each such part, found by the name of the element of ``m`` that added it, by a
    :class:`LiteralElement` of the same text, in place. Parts added by anything else (the
    figure's own ``<meta>``, elements outside ``m``) are left alone.

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> _ = m.get_root().render()
    >>> freeze_rendered(m)
    >>> figure = m.get_root()
    >>> type(figure.script._children[m.get_name()]).__name__
    'LiteralElement'
    """
    figure = m.get_root()
    if not isinstance(figure, Figure):
        return
    names: set[str] = set()
    for element in _walk(m):
        names.add(element.get_name())
        if getattr(type(element), "includes", None):
            names.add(f"{element._name}_includes")  # folium.map.Class.render
    for part in (figure.header, figure.html, figure.script):
        children = part._children
        for key, child in list(children.items()):
            source = getattr(child, "_template_str", None)
            if type(child) is Element and key in names and source is not None:
                literal = LiteralElement(source)
                literal._parent = part
                children[key] = literal  # same key: same place in the page


# ------------------------------------------------------------------------------ assets


def static_text(name: str) -> str:
    text = resources.files("geo.mapping").joinpath("static", name).read_text(encoding="utf-8")
    low = text.lower()
    if "</script" in low or "</style" in low or "<!--" in low:
        raise DataError(f"geo/mapping/static/{name} contains an HTML end tag and cannot be inlined")
    return text


def _walk(element: Element) -> Iterable[Element]:
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def inline_assets(m: folium.Map) -> None:
    """Make a folium map self-contained: inline every script and stylesheet it links.

    Every resource that folium's elements declare (``default_js``/``default_css``) is
    replaced by the file fetched from npm at install time (:mod:`geo.assets`); folium's
    jQuery, Bootstrap and Font Awesome, which the maps of :mod:`geo` do not use, are left
    out. Call it after the last element was added (:class:`EventMap` does, at render).

    Raises
    ------
    DataError
        If a needed asset was not fetched, or an element links a resource that has no
        offline copy (a folium plugin :mod:`geo.assets` does not know).

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> inline_assets(m)  # doctest: +SKIP
    >>> "<script src=" in m.get_root().render()  # doctest: +SKIP
    False
    """
    from geo.mapping import assets

    figure = m.get_root()
    if not isinstance(figure, Figure):
        raise InputError("inline_assets() needs a map inside a folium Figure")
    done: dict[str, str] = getattr(figure, "_geo_inlined", None) or {}
    for element in _walk(figure):
        for attr in ("default_js", "default_css"):
            declared: Sequence[tuple[str, str]] = getattr(element, attr, None) or ()
            for name, url in declared:
                if name in done:
                    continue
                if name in assets.UNUSED_RESOURCES:
                    done[name] = ""
                elif name in assets.RESOURCES:
                    kind = assets.RESOURCES[name].kind
                    done[name] = assets.inline_js(name) if kind == "js" else assets.inline_css(name)
                else:
                    raise DataError(
                        f"{type(element).__name__} links {url}, which has no offline copy; "
                        "leave that element out of offline maps or use offline=False"
                    )
            if declared:
                setattr(element, attr, [])
    figure._geo_inlined = done  # type: ignore[attr-defined]
    for name, code in done.items():
        # named children: rendering again replaces instead of adding twice
        figure.header.add_child(LiteralElement(code), name=f"geo_inline_{name}")


# ------------------------------------------------------------------------------ elements


def _figure_of(element: Element) -> Figure:
    figure = element.get_root()
    if not isinstance(figure, Figure):
        raise InputError(f"{type(element).__name__} can only be rendered inside a folium Figure")
    return figure


class EventLayers(JSCSSMixin):  # type: ignore[misc]
    """The data and the script that draws them; its layers are exposed by :class:`GeoLayer`.

    Its parts are built here, in Python, and added as :class:`LiteralElement`: the data (and
    the title in the options) never go through a template.
    """

    _template = Template("")  # no macros: see render()

    def __init__(
        self,
        payload: str,
        encoding: str | None,
        options: Mapping[str, Any],
        heat: bool,
        *,
        blobs: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GeoEventMap"
        self.payload = payload
        self.encoding = encoding
        self.options = script_json({**options, "blobPrefix": f"{self.get_name()}_"})
        self.css = static_text("eventmap.css")
        self.js = static_text("eventmap.js")
        # base64 text (inert in a <script> element): a PMTiles base map
        self.blobs = dict(blobs or {})
        for key, value in self.blobs.items():
            if not re.fullmatch(r"[A-Za-z0-9_]+", key) or not re.fullmatch(
                r"[A-Za-z0-9+/=]*", value
            ):
                raise InputError(f"blob {key!r} of a map page must be base64 text")
        from geo.mapping.assets import CDN_URLS

        scripts = ["html-to-image"]
        if "pmtiles" in self.blobs:
            scripts += ["pmtiles", "protomaps-leaflet"]
        self.default_js = [(name, CDN_URLS[name]) for name in scripts]
        if heat:
            from folium.plugins import HeatMap

            # The same leaflet.heat folium's HeatMap plugin links (inlined when offline).
            self.default_js += list(HeatMap.default_js)

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        super().render(**kwargs)  # type: ignore[no-untyped-call]  # links first, as before
        figure = _figure_of(self)
        name = self.get_name()
        parent = self._parent.get_name() if self._parent is not None else "null"
        data_id = f"{name}_data"
        encoding = f' data-encoding="{html.escape(self.encoding)}"' if self.encoding else ""
        blobs = "".join(
            f'<script type="application/octet-stream" id="{name}_{key}">{value}</script>'
            for key, value in self.blobs.items()
        )
        parts = (
            (figure.header, f"<style>{self.css}</style>\n<script>{self.js}</script>"),
            (figure.html, blobs),
            (
                figure.html,
                f'<script type="application/json" id="{data_id}"{encoding}>{self.payload}</script>',
            ),
            (
                figure.script,
                f"var {name} = new GeoEventMap({parent}, {self.options});\n"
                f"{name}.load(document.getElementById({script_json(data_id)}));",
            ),
        )
        for k, (part, text) in enumerate(parts):
            # one named child per part: rendering again replaces instead of adding twice
            part.add_child(LiteralElement(text), name=name if k != 1 else f"{name}_blobs")


class GeoLayer(Layer):  # type: ignore[misc]
    """One of the layers of :class:`EventLayers`, listed in folium's layer control."""

    _template = Template("")  # no macros: see render()

    def __init__(
        self, owner: EventLayers, key: str, name: str, *, overlay: bool = True, show: bool = True
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "GeoLayer"
        self.owner = owner
        self.key = key

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        # before folium's Layer.render, whose child adds "<this layer>.addTo(map)" after it
        key = script_json(self.key)
        script = f"var {self.get_name()} = {self.owner.get_name()}.layers[{key}];"
        _figure_of(self).script.add_child(LiteralElement(script), name=self.get_name())
        super().render(**kwargs)  # type: ignore[no-untyped-call]


# ------------------------------------------------------------------------------ JSON


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element and as a JavaScript literal."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def encode_payload(payload: Mapping[str, Any], *, compress_min_bytes: int) -> tuple[str, str]:
    text = script_json(payload)
    raw = text.encode("utf-8")
    if len(raw) < compress_min_bytes:
        return text, ""
    packed = gzip.compress(raw, compresslevel=6, mtime=0)
    return base64.b64encode(packed).decode("ascii"), "gzip+base64"
