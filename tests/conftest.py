"""Test set-up shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under pytest-xdist (``make test`` runs ``-n auto``) the controller opens the gazetteer
    index once before its workers start, so that a fresh checkout builds it once, not once per
    worker at the same time."""
    numprocesses = getattr(session.config.option, "numprocesses", None)
    if numprocesses and "PYTEST_XDIST_WORKER" not in os.environ:
        from geo.gazetteer import open_index

        open_index()
