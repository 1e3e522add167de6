"""Reading and writing: articles, event tables, vector layers, atomic outputs.

- :mod:`geo.io.documents`: articles (text, Markdown, HTML, JSON Lines and CSV corpora,
  folders, globs, standard input) as :class:`~geo.io.documents.Document` objects;
- :mod:`geo.io.tables`: ACLED, UCDP GED and geo's own event tables;
- :mod:`geo.io.vector`: polygon and line layers (GeoJSON, GeoPackage, GeoParquet...);
- :mod:`geo.io.writers`: events and mentions to GeoJSON, CSV, GeoParquet, GeoPackage;
- :mod:`geo.io.files`: where data and caches live, atomic writes, output checks.

Examples
--------
>>> from geo.io import make_document
>>> make_document("date 2020-10-02\\nBakou.").date.isoformat()
'2020-10-02'
"""

from __future__ import annotations

from geo.io.documents import (
    Document,
    InputWarning,
    Problem,
    Progress,
    expand_inputs,
    iter_documents,
    make_document,
    parse_date,
    read_documents,
)
from geo.io.files import atomic_write, cache_dir, check_writable, data_dir
from geo.io.tables import is_event_table, read_events
from geo.io.writers import output_format, write_events

__all__ = [
    "Document",
    "InputWarning",
    "Problem",
    "Progress",
    "atomic_write",
    "cache_dir",
    "check_writable",
    "data_dir",
    "expand_inputs",
    "is_event_table",
    "iter_documents",
    "make_document",
    "output_format",
    "parse_date",
    "read_documents",
    "read_events",
    "write_events",
]
