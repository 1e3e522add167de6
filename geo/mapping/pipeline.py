"""The pipeline behind ``geo map``, kept importable from here: it lives in :mod:`geo.pipeline`
(the one place that assembles read, parse, events, merge, regions and front distance)."""

from __future__ import annotations

from geo.pipeline import build_events, fill_coordinates

__all__ = ["build_events", "fill_coordinates"]
