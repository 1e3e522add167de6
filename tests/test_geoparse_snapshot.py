"""The geoparser's results stay those of the stored snapshot (see tests/geoparse_snapshot.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests import geoparse_snapshot


@pytest.fixture(scope="module")
def computed() -> dict[str, Any]:
    return geoparse_snapshot.compute()


@pytest.fixture(scope="module")
def stored() -> dict[str, Any]:
    return geoparse_snapshot.load()


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out = [f"{k}: missing" for k in old if k not in new]
    out += [f"{k}: new" for k in new if k not in old]
    out += [f"{k}:\n  was {old[k]}\n  now {new[k]}" for k in old if k in new and old[k] != new[k]]
    return out


@pytest.mark.slow
@pytest.mark.parametrize("section", ["dev", "bench", "call", "batch", "batch_columns"])
def test_results_unchanged(section: str, computed: dict[str, Any], stored: dict[str, Any]) -> None:
    old, new = stored[section], computed[section]
    if isinstance(old, list):
        assert new == old
        return
    assert len(old) >= 90 if section == "dev" else len(old) > 250
    diff = _differences(old, new)
    assert not diff, f"{len(diff)} document(s) differ; first ones:\n" + "\n".join(diff[:5])


def test_snapshot_counts_real_mentions(stored: dict[str, Any]) -> None:
    """The snapshot is not empty: the dev articles and the corpus name places."""
    assert sum(len(rows) for rows in stored["dev"].values()) > 500
    assert sum(len(rows) for rows in stored["bench"].values()) > 2000
    first = next(iter(stored["bench"].values()))[0]
    assert first[2].startswith(("gn:", "ne:", "geo:", "cc:"))
