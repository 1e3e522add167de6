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
from typing import TYPE_CHECKING, Any, Literal

import folium
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from geo.errors import DataError, InputError

if TYPE_CHECKING:
    from geo.mapping.core import MapSummary


#: How a page gets Leaflet and its plugins: inlined (the default: no network needed) or
#: linked on a CDN with Subresource Integrity (a smaller file that needs the network).
AssetMode = Literal["inline", "cdn"]

#: Shown in a page made with ``cdn=True`` when a linked script or stylesheet cannot load.
CDN_FAILED_MESSAGE = (
    "The map libraries could not be loaded: no network? Re-run without --cdn "
    "(or with cdn=False) to write a map that works offline."
)


class EventMap(folium.Map):  # type: ignore[misc]
    """A :class:`folium.Map` that knows its :class:`MapSummary` and embeds its assets.

    Rendering inlines every JavaScript and CSS file the page needs (see
    :func:`inline_assets`), so the page requests nothing from the network; with
    ``asset_mode="cdn"`` it links them on a CDN instead, with integrity hashes and a
    message shown in the page if they cannot load (see :func:`link_assets`).
    """

    def __init__(self, *args: Any, asset_mode: AssetMode = "inline", **kwargs: Any) -> None:
        if asset_mode not in ("inline", "cdn"):
            raise InputError(f"asset_mode must be 'inline' or 'cdn', not {asset_mode!r}")
        super().__init__(*args, **kwargs)
        self.asset_mode: AssetMode = asset_mode
        self.summary: MapSummary | None = None

    def render(self, **kwargs: Any) -> Any:
        if self.asset_mode == "cdn":
            link_assets(self)
        else:
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
    replaced by the file fetched from npm at install time (:mod:`geo.mapping.assets`);
    folium's Bootstrap and Font Awesome, which the maps of :mod:`geo` do not use, are left
    out. Call it after the last element was added (:class:`EventMap` does, at render).

    Raises
    ------
    DataError
        If a needed asset was not fetched, or an element links a resource that has no
        local copy (a folium plugin :mod:`geo.mapping.assets` does not know).

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> inline_assets(m)  # doctest: +SKIP
    >>> "<script src=" in m.get_root().render()  # doctest: +SKIP
    False
    """
    _embed_assets(m, cdn=False)


def link_assets(m: folium.Map) -> None:
    """Link every script and stylesheet of a folium map on the CDN, with integrity hashes.

    Like :func:`inline_assets`, but each resource becomes a ``<script src>`` or ``<link>``
    to its pinned version on :data:`geo.config.MAP_CDN_BASE_URL`, with the ``integrity``
    (SHA-384) of the local copy and ``crossorigin="anonymous"``. A small inline script,
    first in the page, shows :data:`CDN_FAILED_MESSAGE` in the page when one of them cannot
    load (no network, or a CDN serving other bytes), instead of a blank page.

    Raises
    ------
    DataError
        As :func:`inline_assets`: the hashes are computed from the local copies.

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> link_assets(m)  # doctest: +SKIP
    >>> 'integrity="sha384-' in m.get_root().render()  # doctest: +SKIP
    True
    """
    _embed_assets(m, cdn=True)


def cdn_fallback_script() -> str:
    """The inline ``<script>`` that tells the reader when the CDN's files could not load.

    It listens (capturing) for the ``error`` event of any ``<script>`` or ``<link>`` element,
    and checks at ``load`` that Leaflet and the map's own script are there; either way it
    puts :data:`CDN_FAILED_MESSAGE` at the top of the page (inline styles: the stylesheets
    may be missing too).
    """
    message = script_json(CDN_FAILED_MESSAGE)
    return (
        "<script>(function () {\n"
        "  var shown = false;\n"
        "  function show() {\n"
        "    if (shown) return;\n"
        "    shown = true;\n"
        "    function put() {\n"
        '      var box = document.createElement("div");\n'
        '      box.className = "geo-cdn-failed";\n'
        '      box.setAttribute("role", "alert");\n'
        '      box.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:100000;" +\n'
        '        "padding:12px 16px;background:#fff3cd;color:#5c3c00;" +\n'
        '        "border-bottom:2px solid #c58a00;font:15px/1.4 sans-serif";\n'
        f"      box.textContent = {message};\n"
        "      document.body.appendChild(box);\n"
        "    }\n"
        '    if (document.body) put(); else document.addEventListener("DOMContentLoaded", put);\n'
        "  }\n"
        '  window.addEventListener("error", function (e) {\n'
        "    var t = e.target;\n"
        '    if (t && (t.tagName === "SCRIPT" || t.tagName === "LINK")) show();\n'
        "  }, true);\n"
        '  window.addEventListener("load", function () {\n'
        '    if (typeof window.L === "undefined" || typeof window.GeoEventMap === "undefined") {\n'
        "      show();\n"
        "    }\n"
        "  });\n"
        "})();</script>"
    )


def _embed_assets(m: folium.Map, *, cdn: bool) -> None:
    from geo.mapping import assets

    figure = m.get_root()
    if not isinstance(figure, Figure):
        raise InputError("inline_assets() and link_assets() need a map inside a folium Figure")
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
                    js = assets.RESOURCES[name].kind == "js"
                    if cdn:
                        done[name] = assets.cdn_js(name) if js else assets.cdn_css(name)
                    else:
                        done[name] = assets.inline_js(name) if js else assets.inline_css(name)
                else:
                    raise DataError(
                        f"{type(element).__name__} links {url}, which has no local copy (see "
                        "geo.mapping.assets); leave that element out of the map"
                    )
            if declared:
                setattr(element, attr, [])
    figure._geo_inlined = done  # type: ignore[attr-defined]
    # named children: rendering again replaces instead of adding twice
    if cdn:
        figure.header.add_child(LiteralElement(cdn_fallback_script()), name="geo_cdn_fallback")
    for name, code in done.items():
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

            # The same leaflet.heat folium's HeatMap plugin links (inlined, or linked with
            # its integrity hash).
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
