"""The scorer of the event engine on the notes of real ACLED exports (tests/eval/acled_notes.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _module(name: str) -> ModuleType:
    path = REPO / "tests" / "eval" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"geo_eval_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"geo_eval_{name}"] = module
    spec.loader.exec_module(module)
    return module


notes = _module("acled_notes")


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Military Forces of Ukraine (2014-2019)", "Military Forces of Ukraine", True),
        ("Police Forces of Bangladesh (2009-)", "Police Forces of Bangladesh", True),
        ("Rioters (Bangladesh)", "Rioters", True),
        ("Rioters (Bangladesh)", "Rioters (India)", False),
        ("Rioters (Bangladesh)", "Protesters (Bangladesh)", False),
        ("NAF: United Armed Forces of Novorossiya", "NAF", True),
        ("Unidentified Armed Group (Benin)", "unidentified armed group", True),
        ("Military Forces of Benin", None, False),
        (None, None, True),
    ],
)
def test_same_actor(gold: str | None, pred: str | None, same: bool) -> None:
    assert notes.same_actor(gold, pred) is same


def test_error_classes_of_dates_and_tolls() -> None:
    import datetime as dt

    day = dt.date(2022, 3, 5)
    later = day + dt.timedelta(days=notes.PUBLISHED_AFTER_DAYS)
    assert notes._error_class("date", day, later) == "document date (the note's date not read)"
    assert notes._error_class("date", day, day + dt.timedelta(days=1)) == "off by +1 days"
    assert notes._error_class("deaths", 2, 0) == "toll missed"
    assert notes._error_class("deaths", 0, 3) == "toll where none"


@pytest.mark.slow
def test_scores_a_sample_of_the_dev_notes() -> None:
    evaluate = _module("evaluate")
    folder = notes.realdata_dir(evaluate._shared())
    if not all((folder / spec.name).is_file() for spec in notes.DEV):
        pytest.skip(f"no real ACLED exports in {folder}")
    total, per_file = notes.score_files(folder, notes.DEV, limit=15)
    assert set(per_file) == {spec.name for spec in notes.DEV}
    assert total.rows == 30
    figures = total.figures()
    # most notes give an event; found ones are mostly dated and typed right
    assert figures["any"] >= 0.4
    assert figures["found"] >= 0.3
    assert figures["date"] >= 0.5 and figures["type"] >= 0.5
    lines = notes.report_classes(total)
    assert any(line.startswith("missed") for line in lines) or total.found == total.rows
