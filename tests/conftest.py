"""Test set-up shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# One gazetteer index per checkout, built on first use and reused by later runs; tests of the
# cache itself point GEO_CACHE_DIR at a temporary folder.
os.environ.setdefault("GEO_CACHE_DIR", str(REPO / ".cache" / "geo"))
