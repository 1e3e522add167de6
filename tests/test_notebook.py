"""notebooks/explore.ipynb: stored without outputs, and runs from top to bottom."""

from __future__ import annotations

import os
import re
from html import unescape
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_notebook_is_stored_without_outputs() -> None:
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "the notebook has no code cell"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.slow
def test_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import nbformat
    from nbclient import NotebookClient

    # jupyter_core warns about its path migration unless told which layout to use
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [
        out["data"]["text/html"]
        for out in outputs
        if out.output_type == "execute_result" and "text/html" in out.get("data", {})
    ]
    maps = [h for h in html if "GeoEventMap" in h]
    assert maps, "the map was not displayed"
    # offline: every script inlined into the iframe's page, nothing linked from the network
    page = unescape(maps[0])
    assert "leaflet@1.9.4/dist/leaflet.js" in page
    assert not re.search(r"<(script|link|img)\b[^>]*\b(src|href)=[\"']?(https?:)?//", page, re.I)
    images = [out for out in outputs if "image/png" in out.get("data", {})]
    assert len(images) == 1, "the histogram was not drawn"
    assert os.environ["JUPYTER_PLATFORM_DIRS"] == "1"
