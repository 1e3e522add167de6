"""``geo demo`` (what ``make demo`` runs): the sample articles through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo import demo


def test_demo_prints_the_events_and_writes_the_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo-map.html"
    assert demo.run(out) == 0
    printed = capsys.readouterr().out
    lines = printed.splitlines()
    assert lines[0].split()[:3] == ["date", "place", "type"]
    assert any(line.startswith("2020-10-01") for line in lines)
    assert "map written:" in printed
    assert out.stat().st_size > 100_000
    # tolls that no source states (pandas' NA) print as empty cells, not as an error
    assert "boolean value of NA" not in printed
