"""Test set-up shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# One gazetteer index per checkout, built on first use and reused by later runs; tests of the
# cache itself point GEO_CACHE_DIR at a temporary folder.
os.environ.setdefault("GEO_CACHE_DIR", str(REPO / ".cache" / "geo"))

# Hypothesis: no per-example deadline (CI has 2 busy cores; a deadline is a timing assert).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "geo", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("geo")
