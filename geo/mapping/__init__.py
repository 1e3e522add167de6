"""Interactive maps of events: a folium map whose events are drawn in the browser.

folium draws one marker object per event, built in Python and written into the page one by
one: a few thousand make the page stall, and every popup is raw HTML. Here the events go
into the page once, as compact column-wise JSON (gzip-compressed when large), and a small
script of this package (``geo/mapping/static/eventmap.js``) clusters and draws them in the browser,
on a pixel grid recomputed at each move, so only what is in view becomes map objects. Text
reaches the page only as JSON (with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped) and is put
into the document with ``textContent``: an article cannot inject markup or script.

Text is data, never template source. folium and branca build a page by rendering each
element's Jinja2 macros and wrapping the output in a new ``branca.element.Element``, whose
template is rendered again when the page is saved: any ``{{ ... }}`` in an article would then
run as (unsandboxed) Jinja2. The elements of this module therefore add their parts to the
page as :class:`LiteralElement` (text that is never parsed as a template), with the data built
in Python, and :class:`EventMap` turns the macro outputs of every element of the map into
literal text after its own render (see :func:`freeze_rendered`).

The map shows the events (coloured by type in a colour-blind-safe palette, sized by
fatalities, clustered into pies of their types), a heat map, the front line valid on the last
day shown with its distance bands (earlier fronts as a faded trail), a choropleth of events
per admin-1 region, a legend, a date range by day, week or month with a timeline chart,
filters (type, actor, admin-1, distance band, fatalities), a search box, CSV/GeoJSON/PNG
export, layer control, scale, measure tool and full screen. Maps work with no network: every
script and stylesheet is inlined (from the npm packages fetched at install time by
:mod:`geo.mapping.assets`) and the base map is embedded: countries, admin-1 borders, lakes
and wide rivers, and towns (:mod:`geo.mapping.basemap`), or a PMTiles file. ``cdn=True``
links the scripts on a CDN instead (with Subresource Integrity hashes, and a message in the
page when they cannot load); ``online_tiles=True`` offers web tiles as a second base layer.
Every source of the data shown is credited on the map. The notebook's map (``_repr_html_``)
is the same self-contained page.

The package's modules: :mod:`~geo.mapping.core` (``map_events``, ``save_map``,
``write_map``), :mod:`~geo.mapping.payload` (frames into the page's data),
:mod:`~geo.mapping.basemap`, :mod:`~geo.mapping.page` (folium elements, literal text),
:mod:`~geo.mapping.assets` and :mod:`~geo.mapping.pipeline` (``build_events``).

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import Point
>>> events = gpd.GeoDataFrame(
...     {"event_type": ["Battles"], "location": ["Aghdam"], "fatalities": [3]},
...     geometry=[Point(46.92736, 39.99096)], crs="EPSG:4326")
>>> m = map_events(events, front=None, boundaries=None)
>>> m.summary.n_mapped
1
"""

from __future__ import annotations

from geo.frontline import distance_band_polygons
from geo.mapping.core import (
    MapReport,
    MapSummary,
    check_output,
    demo_map,
    map_events,
    save_map,
    write_map,
)
from geo.mapping.page import (
    EventMap,
    LiteralElement,
    freeze_rendered,
    inline_assets,
    link_assets,
)
from geo.mapping.pipeline import build_events

__all__ = [
    "EventMap",
    "LiteralElement",
    "MapReport",
    "MapSummary",
    "build_events",
    "check_output",
    "demo_map",
    "distance_band_polygons",
    "freeze_rendered",
    "inline_assets",
    "link_assets",
    "map_events",
    "save_map",
    "write_map",
]
