"""The offline base map: countries, admin-1 borders, towns, rivers and lakes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from geo import defaults

if TYPE_CHECKING:
    import geopandas as gpd
from geo.mapping.payload import first_column, make_feature, text_of, to_wgs84


def countries_payload(
    countries: gpd.GeoDataFrame, view: tuple[float, float, float, float] | None
) -> dict[str, Any] | None:
    import shapely

    countries = to_wgs84(countries, "base map countries")
    geoms = countries.geometry.to_numpy()
    names = first_column(countries, ("country", "name"))
    near = np.zeros(len(geoms), dtype=bool)
    if view is not None:
        m = defaults.MAP_BASE_NEAR_MARGIN_DEG
        box = shapely.box(view[0] - m, view[1] - m, view[2] + m, view[3] + m)
        near = shapely.intersects(geoms, box)
    near_tol, far_tol = defaults.MAP_BASE_NEAR_TOLERANCE_DEG, defaults.MAP_BASE_FAR_TOLERANCE_DEG
    features = []
    for pos, geom in enumerate(geoms):
        if geom is None or shapely.is_empty(geom):
            continue
        if near[pos]:
            simple = shapely.simplify(geom, near_tol, preserve_topology=True)
            decimals = defaults.MAP_BASE_DECIMALS
        else:
            # far away, small islands are noise: keep the larger parts, coarser
            parts = shapely.get_parts(geom)
            areas = shapely.area(parts)
            big = parts[areas >= defaults.MAP_BASE_FAR_MIN_AREA_DEG2]
            if len(big) == 0:
                big = parts[[int(np.argmax(areas))]]
            simple = shapely.simplify(shapely.union_all(big), far_tol, preserve_topology=True)
            decimals = defaults.MAP_BASE_DECIMALS - 1
        props: dict[str, Any] = {"name": text_of(names.iloc[pos]) if names is not None else None}
        if near[pos] and props["name"]:
            # a label inside the largest part (the mainland, not an island or exclave)
            parts = shapely.get_parts(geom)
            main = parts[np.argmax(shapely.area(parts))]
            spot = shapely.point_on_surface(main)
            props["label"] = [round(spot.y, 3), round(spot.x, 3)]
        feature = make_feature(simple, props, decimals)
        if feature is not None:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features} if features else None
