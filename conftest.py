"""Pytest set-up of the doctests: the examples of the package ``geo/`` run with the tests
(``--doctest-modules`` in pyproject.toml), and only those."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Generator
from pathlib import Path

import pytest
from _pytest.doctest import DoctestModule

REPO = Path(__file__).resolve().parent
PACKAGE = REPO / "geo"

# the gazetteer index of the checkout, as in tests/conftest.py (also when only doctests run)
os.environ.setdefault("GEO_CACHE_DIR", str(REPO / ".cache" / "geo"))


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> Generator[None, list[pytest.Collector], list[pytest.Collector]]:
    """Doctests are collected from ``geo/`` alone: the other modules (the scripts of tests/,
    the evaluation's above all) are never imported for their docstrings."""
    found = yield
    if PACKAGE in file_path.parents:
        return found
    return [c for c in found if not isinstance(c, DoctestModule)]


@pytest.fixture(autouse=True)
def _doctest_temp_dir(request: pytest.FixtureRequest) -> None:
    """A doctest's temporary files (``tempfile.mkdtemp()`` in the examples) go to its own
    ``tmp_path``, which pytest removes with its old runs."""
    if isinstance(request.node, pytest.DoctestItem):
        monkeypatch = request.getfixturevalue("monkeypatch")
        monkeypatch.setattr(tempfile, "tempdir", str(request.getfixturevalue("tmp_path")))
