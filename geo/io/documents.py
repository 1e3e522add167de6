"""Reading articles: text, Markdown, HTML, JSON Lines and CSV corpora, folders, globs, stdin.

Every input becomes one or more :class:`Document` objects whose ``text`` is what the
toponym offsets index: the decoded file as a whole for text and Markdown files (the ``date``
header line included), the visible text for HTML, the text cell of a JSONL/CSV row.

A text file may begin with a header line ``date YYYY-MM`` or ``date YYYY-MM-DD`` (leading
white space allowed; the article may go on after the date on the same line); it sets the
document date. The language is detected from stop-word frequencies (French or English) unless
given.

Bad input never stops a batch: :func:`iter_documents` records a :class:`Problem` for each
skipped file or row (and for recoverable ones, such as invalid UTF-8, a warning) and goes on.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import fnmatch
import html
import io
import json
import os
import re
import stat
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Literal

from geo import config
from geo.errors import GeoWarning, InputError
from geo.io.files import display_path

__all__ = [
    "Document",
    "InputWarning",
    "Problem",
    "Progress",
    "check_date",
    "csv_file_rows",
    "csv_rows",
    "csv_table",
    "decode_bytes",
    "detect_language",
    "expand_inputs",
    "hold_input",
    "hold_pipe",
    "is_held",
    "iter_documents",
    "make_document",
    "parse_date",
    "parse_date_header",
    "peek_text",
    "read_documents",
    "read_text",
    "streamable",
    "take_held",
]

DatePrecision = Literal["day", "month", "year"]


class InputWarning(GeoWarning):
    """Input that was used with a repair (e.g. invalid UTF-8 decoded with a fallback)."""


@dataclass(frozen=True, slots=True)
class Document:
    """One article.

    Attributes
    ----------
    doc_id : str
        Where it comes from: a path, ``path:row`` for a corpus row, ``<stdin>``, or a given id.
    text : str
        The text that offsets index (header line included for text files).
    date : datetime.date or None
        Document date (from the header, a date column or the caller).
    date_precision : {"day", "month", "year"} or None
        How much of ``date`` is known; ``date`` is the first day of the month/year otherwise.
    lang : str
        ``"fr"``, ``"en"`` or ``"und"`` (undetermined).
    title, url : str or None
        From corpus columns when present.
    body_start : int
        Offset where the article starts (after the ``date`` header, 0 without one).
    """

    doc_id: str
    text: str
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    lang: str = "und"
    title: str | None = None
    url: str | None = None
    body_start: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input: ``level`` "error" (skipped) or "warning" (repaired)."""

    source: str
    message: str
    level: Literal["error", "warning"] = "error"
    row: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}, row {self.row}" if self.row is not None else self.source
        return f"{where}: {self.message}"


# --------------------------------------------------------------------------- dates

_HEADER_RE = re.compile(
    r"\A[ \t\ufeff]*date[ \t]*:?[ \t]+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=[\s]|\Z)",
    re.IGNORECASE,
)
_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")
_DMY_RE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def parse_date(value: str) -> tuple[dt.date, DatePrecision]:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (ISO time allowed) or ``DD/MM/YYYY``.

    Parameters
    ----------
    value : str
        The date as written.

    Returns
    -------
    (datetime.date, str)
        The date (first day of the month or year when less is known) and its precision.

    Raises
    ------
    InputError
        If ``value`` is not such a date.

    Examples
    --------
    >>> parse_date("2020-10")
    (datetime.date(2020, 10, 1), 'month')
    >>> parse_date("2020-10-04T08:00:00Z")
    (datetime.date(2020, 10, 4), 'day')
    """
    m = _DATE_RE.match(value)
    found: tuple[dt.date, DatePrecision] | None = None
    try:
        if m:
            year, month, day = m.group(1), m.group(2), m.group(3)
            if day is not None:
                found = dt.date(int(year), int(month), int(day)), "day"
            elif month is not None:
                found = dt.date(int(year), int(month), 1), "month"
            else:
                found = dt.date(int(year), 1, 1), "year"
        else:
            m = _DMY_RE.match(value)
            if m:
                found = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))), "day"
    except ValueError as err:
        raise InputError(f"invalid date {_clip(value)!r}: {err}; write it as YYYY-MM-DD") from err
    if found is None:
        raise InputError(f"invalid date {_clip(value)!r}; write it as YYYY-MM-DD or YYYY-MM")
    check_date(found[0], value)
    return found


def check_date(date: dt.date, written: str | None = None) -> dt.date:
    """Return ``date`` if geo can hold it (see :data:`geo.config.EARLIEST_DATE`).

    Raises
    ------
    InputError
        For a date such as 0001-01-01 or 9999-12-31.

    Examples
    --------
    >>> check_date(dt.date(9999, 12, 31))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    geo.errors.InputError: date '9999-12-31' is outside the dates geo handles (1678-01-01 to ...
    """
    if config.EARLIEST_DATE <= date <= config.LATEST_DATE:
        return date
    shown = _clip(written.strip() if written is not None else date.isoformat())
    raise InputError(
        f"date {shown!r} is outside the dates geo handles ({config.EARLIEST_DATE} to "
        f"{config.LATEST_DATE})"
    )


def _clip(text: str, limit: int = 80) -> str:
    """A value for a message, cut to ``limit`` characters."""
    return text if len(text) <= limit else f"{text[: limit - 1]}\u2026"


def parse_date_header(text: str) -> tuple[dt.date, DatePrecision, int] | None:
    """Read a leading ``date YYYY-MM[-DD]`` header.

    Returns
    -------
    (datetime.date, str, int) or None
        The date, its precision and the offset just after the date; None without a header
        (or with an impossible date such as month 13). A date geo cannot hold (year 1 or
        9999) is returned as it is: see :func:`check_date`.

    Examples
    --------
    >>> parse_date_header(" date 2020-10 L'impact de tirs")
    (datetime.date(2020, 10, 1), 'month', 13)
    >>> parse_date_header("No header") is None
    True
    """
    m = _HEADER_RE.match(text)
    if m is None:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        if day is None:
            return dt.date(year, month, 1), "month", m.end()
        return dt.date(year, month, int(day)), "day", m.end()
    except ValueError:
        return None


# --------------------------------------------------------------------------- language


def detect_language(text: str, *, sample_chars: int | None = None) -> str:
    """The language of ``text`` among the language packs (``"und"`` without evidence):
    :func:`geo.lang.detect_language`.

    Examples
    --------
    >>> detect_language("Les combats ont repris dans la région, selon le ministère.")
    'fr'
    """
    from geo.lang import detect_language as detect

    return detect(text, sample_chars=sample_chars)


def make_document(
    text: str,
    *,
    doc_id: str = "<text>",
    date: dt.date | str | None = None,
    lang: str | None = None,
    title: str | None = None,
    url: str | None = None,
    header: bool = True,
) -> Document:
    """Build a :class:`Document` from text, reading a ``date`` header and the language.

    Parameters
    ----------
    text : str
        The article.
    doc_id : str
        Identifier reported with its mentions.
    date : datetime.date or str, optional
        Document date; a ``date`` header in ``text`` wins over it.
    lang : str, optional
        A language of :data:`geo.lang.LANGUAGES`; detected when None.
    title, url : str, optional
        Metadata carried along.
    header : bool
        Whether to look for a ``date`` header line.

    Raises
    ------
    InputError
        If ``date`` is not a date geo can hold.

    Warns
    -----
    InputWarning
        A ``date`` header geo cannot hold (0001-01-01, 9999-12-31): it is left out and
        ``date`` is used instead.

    Examples
    --------
    >>> doc = make_document(" date 2020-10-02 Bakou et Erevan s'accusent.")
    >>> doc.date, doc.date_precision, doc.body_start
    (datetime.date(2020, 10, 2), 'day', 16)
    """

    def report(message: str) -> None:
        warnings.warn(f"{doc_id}: {message}", InputWarning, stacklevel=3)

    return _make_document(
        text, doc_id=doc_id, date=date, lang=lang, title=title, url=url, header=header,
        report=report,
    )  # fmt: skip


def _make_document(
    text: str,
    *,
    doc_id: str,
    date: dt.date | str | None,
    lang: str | None,
    title: str | None,
    url: str | None,
    header: bool,
    report: Callable[[str], None],
) -> Document:
    precision: DatePrecision | None = None
    the_date: dt.date | None = None
    if isinstance(date, str) and date.strip():
        the_date, precision = parse_date(date)
    elif isinstance(date, dt.datetime):
        the_date, precision = check_date(date.date()), "day"
    elif isinstance(date, dt.date):
        the_date, precision = check_date(date), "day"
    body_start = 0
    if header:
        found = parse_date_header(text)
        if found is not None:
            day, day_precision, body_start = found
            if config.EARLIEST_DATE <= day <= config.LATEST_DATE:
                the_date, precision = day, day_precision
            else:
                report(
                    f"date header {day.isoformat()!r} is outside the dates geo handles "
                    f"({config.EARLIEST_DATE} to {config.LATEST_DATE}); the document is "
                    "read without it (fix the header)"
                )
    language = lang or detect_language(text[body_start:])
    return Document(
        doc_id=doc_id,
        text=text,
        date=the_date,
        date_precision=precision,
        lang=language,
        title=title,
        url=url,
        body_start=body_start,
    )


# --------------------------------------------------------------------------- decoding

#: Leading bytes of common binary formats, with what to tell the user.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF file; extract its text first (e.g. pdftotext)"),
    (b"\x1f\x8b", "binary file (gzip-compressed); decompress it first (gunzip)"),
    *(
        (b"BZh" + bytes([d]), "binary file (bzip2-compressed); decompress it first")
        for d in b"123456789"
    ),
    (b"\xfd7zXZ\x00", "binary file (xz-compressed); decompress it first (unxz)"),
    (b"PK\x03\x04", "binary file (ZIP archive or Office document); extract its text first"),
    (b"\x89PNG\r\n\x1a\n", "binary file (PNG image); give a text file"),
    (b"\xff\xd8\xff", "binary file (JPEG image); give a text file"),
    (b"GIF8", "binary file (GIF image); give a text file"),
    (b"SQLite format 3\x00", "binary file (SQLite database or GeoPackage); give articles as text"),
)
#: Byte-order marks, longest first (the UTF-32 LE mark starts like the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when every other byte is NUL (text in UTF-16 without a BOM)."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode(data: bytes, source: str, problems: list[Problem] | None) -> str | None:
    """Decode bytes as UTF-8, else with a fallback; None (and an error) for binary data.

    UTF-16 and UTF-32 with a byte-order mark are decoded as such (the mark is not part of
    the text); UTF-16 without a mark is recognised from its NUL bytes and decoded with a
    warning; common binary formats (PDF, gzip, ZIP, images) are named in the error.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                text = data.decode(codec, errors="replace")
                message = f"invalid {codec.upper()} at byte {err.start}; replaced by U+FFFD"
                _warn(problems, source, message)
            if not text.strip():
                _problem(problems, source, "empty file (nothing to read)")
                return None
            return text
    if not data.strip():
        _problem(problems, source, "empty file (nothing to read)")
        return None
    head = data[:8192]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            _problem(problems, source, what)
            return None
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            _problem(problems, source, "binary file (contains NUL bytes); give a text file")
            return None
        codec = utf16
        text = data.decode(codec, errors="replace")
        if not text.strip():
            _problem(problems, source, "empty file (nothing to read)")
            return None
        message = f"no byte-order mark; decoded as {codec.upper()} (convert it to UTF-8)"
        _warn(problems, source, message)
        return text
    controls = sum(1 for b in head if b < 0x20 and b not in (9, 10, 12, 13, 27))
    if controls > 0.1 * len(head):
        _problem(problems, source, "binary file (control bytes); give a text file")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        good = sum(1 for c in text if c > "\x7f") - bad
        if good > bad:
            # mostly UTF-8 with a few broken bytes: keep it, with replacement characters
            encoding = "UTF-8, invalid bytes replaced by U+FFFD"
        else:
            # no valid multi-byte sequence: a single-byte Western encoding
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "Latin-1"
        message = (
            f"invalid UTF-8 at byte {err.start}; decoded as {encoding} "
            "(convert the file to UTF-8 to silence this)"
        )
        _warn(problems, source, message)
        return text


def _warn(
    problems: list[Problem] | None, source: str, message: str, *, row: int | None = None
) -> None:
    """Record a repaired input as a warning problem and an :class:`InputWarning`."""
    problem = Problem(source=source, message=message, level="warning", row=row)
    if problems is not None:
        problems.append(problem)
    warnings.warn(str(problem), InputWarning, stacklevel=4)


def _problem(
    problems: list[Problem] | None,
    source: str,
    message: str,
    *,
    level: Literal["error", "warning"] = "error",
    row: int | None = None,
) -> None:
    problem = Problem(source=source, message=message, level=level, row=row)
    if problems is None:
        if level == "error":
            raise InputError(str(problem))
        return
    problems.append(problem)


# --------------------------------------------------------------------------- HTML


class _TextExtractor(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
    _BLOCK = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "figcaption",
            "figure",
            "pre",
            "hr",
            "dd",
            "dt",
            "aside",
            "nav",
            "main",
            "title",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return the visible text of an HTML page (one paragraph per line) and its title.

    Examples
    --------
    >>> html_to_text("<html><head><title>T</title></head><body><p>A &amp; B</p></body>")
    ('A & B', 'T')
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts)
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in raw.split("\n"))
    text = "\n".join(line for line in lines if line)
    title = html.unescape(" ".join("".join(parser.title).split())) or None
    return text, title


# --------------------------------------------------------------------------- corpora

#: Column names tried, in order, when the caller does not name the column.
COLUMN_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "texte", "contenu", "notes"),
    "date": ("date", "published", "publish_date", "published_at", "pubdate", "event_date"),
    "title": ("title", "headline", "titre"),
    "url": ("url", "link", "source_url"),
    "id": ("id", "doc_id", "uid", "guid"),
}


@dataclass
class _Columns:
    text: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = None

    def resolve(self, available: Sequence[str]) -> dict[str, str | None]:
        lower = {c.lower(): c for c in available}
        out: dict[str, str | None] = {}
        for role, candidates in COLUMN_CANDIDATES.items():
            given = getattr(self, role)
            if given is not None:
                out[role] = given if given in available else lower.get(given.lower())
            else:
                out[role] = next((lower[c] for c in candidates if c in lower), None)
        return out


@dataclass
class _Reader:
    columns: _Columns
    lang: str | None
    date: dt.date | str | None
    max_chars: int
    problems: list[Problem] | None
    count: dict[str, int] = field(default_factory=lambda: {"rows": 0})

    # ---- rows
    def row_document(self, source: str, row: int, record: Mapping[str, object]) -> Document | None:
        cols = self.columns.resolve(list(record))
        text_col = cols["text"]
        if text_col is None:
            wanted = self.columns.text or "/".join(COLUMN_CANDIDATES["text"])
            _problem(
                self.problems,
                source,
                f"no text column {wanted!r} (columns: {', '.join(map(str, record))}); "
                "name it with --text-column",
                row=row,
            )
            return None
        text = record.get(text_col)
        if not isinstance(text, str) or not text.strip():
            _problem(
                self.problems, source, f"empty or missing text in column {text_col!r}", row=row
            )
            return None
        if len(text) > self.max_chars:
            _problem(self.problems, source, self.too_long(len(text)), row=row)
            return None
        date: dt.date | str | None = self.date
        date_col = cols["date"]
        if date_col is not None and isinstance(record.get(date_col), str | int):
            raw = str(record[date_col]).strip()
            if raw:
                try:
                    date = _row_date(raw)
                except InputError as err:
                    _problem(
                        self.problems,
                        source,
                        f"{err} in column {date_col!r}; using no date",
                        level="warning",
                        row=row,
                    )
        doc_id = f"{source}:{row}"
        id_col = cols["id"]
        if id_col is not None and record.get(id_col) not in (None, ""):
            doc_id = str(record[id_col])
        return _make_document(
            text,
            doc_id=doc_id,
            date=date,
            lang=self.lang,
            title=_str_or_none(record.get(cols["title"] or "")),
            url=_str_or_none(record.get(cols["url"] or "")),
            header=True,
            report=lambda message: _warn(self.problems, source, message, row=row),
        )

    def too_long(self, n: int, *, unit: str = "characters") -> str:
        what = "document" if unit == "characters" else "file"
        return (
            f"{what} of {n:,} {unit} is longer than the limit of {self.max_chars:,} "
            "characters; split it or raise max_chars (--max-chars)"
        )

    # ---- files
    def jsonl(self, source: str, text: str) -> Iterator[Document]:
        # Lines end at "\n" only: str.splitlines() would also cut at U+2028, U+2029 and
        # other characters that JSON strings may hold unescaped.
        yield from self.jsonl_lines(source, enumerate(text.split("\n"), start=1))

    def jsonl_lines(self, source: str, lines: Iterable[tuple[int, str]]) -> Iterator[Document]:
        for lineno, line in lines:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                _problem(self.problems, source, f"malformed JSON ({err})", row=lineno)
                continue
            except RecursionError:
                _problem(
                    self.problems,
                    source,
                    "JSON nested too deeply to read (thousands of levels); fix or remove it",
                    row=lineno,
                )
                continue
            if not isinstance(record, dict):
                _problem(self.problems, source, "row is not a JSON object", row=lineno)
                continue
            doc = self.row_document(source, lineno, record)
            if doc is not None:
                yield doc

    def csv(self, source: str, text: str) -> Iterator[Document]:
        yield from self.csv_table(source, csv_table(source, text, self.problems))

    def csv_table(
        self, source: str, table: tuple[list[str], Iterator[tuple[int, dict[str, str]]]] | None
    ) -> Iterator[Document]:
        if table is None:
            return
        header, rows = table
        if self.columns.resolve(header)["text"] is None:
            _problem(self.problems, source, self._no_text_column(header))
            return
        for row, record in rows:
            doc = self.row_document(source, row, record)
            if doc is not None:
                yield doc

    def _no_text_column(self, header: Sequence[str]) -> str:
        wanted = self.columns.text or "/".join(COLUMN_CANDIDATES["text"])
        message = (
            f"no text column {wanted!r} (columns: {', '.join(map(str, header))}); "
            "name it with --text-column"
        )
        if len(header) == 1 and re.search(r"[:;,|\t]", header[0]):
            message += " or separate the columns with commas"
        return message

    def text_file(self, source: str, text: str, *, is_html: bool) -> Iterator[Document]:
        if len(text) > self.max_chars:
            _problem(self.problems, source, self.too_long(len(text)))
            return
        title = None
        date = self.date
        if is_html:
            from geo.io.html import extract_html

            text, title, published = extract_html(text)
            if not text.strip():
                _problem(self.problems, source, "HTML page without visible text")
                return
            date = date or published  # the page's metadata, unless a date was given
        yield _make_document(
            text,
            doc_id=source,
            date=date,
            lang=self.lang,
            title=title,
            url=None,
            header=True,
            report=lambda message: _warn(self.problems, source, message),
        )


def read_text(path: str | os.PathLike[str], problems: list[Problem] | None = None) -> str | None:
    """Read and decode a text file as :func:`iter_documents` does (BOMs, UTF-16, fallbacks).

    Returns None, after recording a problem (or raising :class:`InputError` without a
    ``problems`` list), for an unreadable, empty or binary file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = path.write_bytes("a,b\\n1,2\\n".encode("utf-16"))
    >>> read_text(path)
    'a,b\\n1,2\\n'
    """
    source = display_path(path)
    data = _read_file(os.fspath(path), source, problems)
    if data is None:
        return None
    return _decode(data, source, problems)


#: Bytes of pipes already read (to tell an event table from articles), by path: the reader
#: of the path takes them from here (a pipe cannot be read twice).
_HELD: dict[str, bytes] = {}


def hold_input(path: str, data: bytes) -> None:
    """Keep the bytes read from a pipe for the next reader of ``path``.

    Standard input or a FIFO read once to see what it holds (an event table or articles)
    is then read by :func:`read_text`, :func:`peek_text` and :func:`iter_documents` from
    these bytes, as if it were read for the first time.

    Examples
    --------
    >>> hold_input("/dev/stdin", b"a,b\\n1,2\\n")
    >>> read_text("/dev/stdin")
    'a,b\\n1,2\\n'
    """
    _HELD[path] = data


def hold_pipe(path: str) -> bool:
    """Read a FIFO (``<(cat table.csv)``) whole and hold its bytes for its reader, so that
    what it holds can be looked at first; False if it is no FIFO or cannot be read."""
    if path in _HELD:
        return True
    if not _is_fifo(path):
        return False
    try:
        data = _read_bytes(path)
    except OSError:
        return False
    if not data:  # nothing writes to it: its reader says so
        return False
    _HELD[path] = data
    return True


def take_held(path: str) -> bytes | None:
    """Take back the bytes :func:`hold_input` keeps for ``path`` (None if none)."""
    return _HELD.pop(path, None)


def is_held(path: str) -> bool:
    """Whether :func:`hold_input` keeps bytes for ``path`` (not read yet)."""
    return path in _HELD


def decode_bytes(data: bytes, source: str, problems: list[Problem] | None = None) -> str | None:
    """Decode an input's bytes as files are decoded (BOMs, UTF-16, Windows-1252 fallback).

    Returns None, after recording a problem, for empty or binary data.

    Examples
    --------
    >>> decode_bytes("Bakou à l'aube".encode("utf-16"), "x.txt")
    "Bakou à l'aube"
    """
    return _decode(data, source, problems)


def _read_file(path: str, source: str, problems: list[Problem] | None) -> bytes | None:
    """The bytes of an input; None (and a problem) when unreadable or a FIFO without writer."""
    held = _HELD.pop(path, None)
    if held is not None:
        return held
    try:
        data = _read_bytes(path)
    except OSError as err:
        _problem(problems, source, f"cannot read ({err.strerror or err})")
        return None
    if not data and _is_fifo(path):
        _problem(
            problems,
            source,
            "a named pipe (FIFO) that nothing writes to; skipped (write to it while geo runs, "
            "or give the data on standard input)",
        )
        return None
    return data


def peek_text(path: str | os.PathLike[str], n_bytes: int = 65536) -> str:
    """The decoded beginning of a regular file (for sniffing headers); "" when unreadable
    or not a regular file (reading a pipe would consume what it holds), unless its bytes
    are held (:func:`hold_input`)."""
    head = _HELD.get(os.fspath(path), b"")[:n_bytes]
    if head:
        return _decode_head(head)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        with open(fd, "rb", closefd=False) as fh:
            head = fh.read(n_bytes)
    except OSError:
        return ""
    finally:
        os.close(fd)
    return _decode_head(head)


def _decode_head(head: bytes) -> str:
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head.decode(codec, errors="ignore")
    utf16 = _utf16_without_bom(head) if b"\x00" in head else None
    return head.decode(utf16 or "utf-8-sig", errors="replace")


def csv_table(
    source: str, text: str, problems: list[Problem] | None = None
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]] | None:
    """The header and the rows (``(line, {column: value})``) of a CSV text.

    As :func:`csv_rows`, with each row as a mapping from column name to value.

    Examples
    --------
    >>> problems = []
    >>> header, rows = csv_table("t.csv", "a;b\\n1;2\\n3\\n4;5\\n", problems)
    >>> header, [row for row, _ in rows], str(problems[0])
    (['a', 'b'], [2, 4], 't.csv, row 3: 1 fields where the header has 2')
    """
    table = csv_rows(source, text, problems)
    if table is None:
        return None
    header, rows = table
    return header, ((row, dict(zip(header, values, strict=True))) for row, values in rows)


def csv_rows(
    source: str, text: str, problems: list[Problem] | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]] | None:
    """The header and the rows (``(line, values)``) of a CSV text.

    The CSV is read with the standard dialect (double quotes, ``""`` inside quoted cells);
    only the delimiter is detected: ``,``, ``;``, tab or ``|``, whichever the header line
    holds most often outside quotes (a first line ``sep=;``, as Excel writes it, says it and
    is skipped). Rows with the wrong number of fields, unreadable rows and a quote that is
    never closed are recorded as problems (with their line) and left out; None (and a
    problem) for a file without a header.

    Examples
    --------
    >>> header, rows = csv_rows("t.csv", 'a\\tb\\n"x\\ty"\\t2\\n')
    >>> header, list(rows)
    (['a', 'b'], [(2, ['x\\ty', '2'])])
    """
    return _csv_rows_of(
        source,
        io.StringIO(text, newline=""),
        head=text[:65536],
        size=len(text),
        rest_from=lambda row: _from_line(text, row),
        problems=problems,
    )


def _from_line(text: str, row: int) -> str:
    """``text`` from the start of line ``row`` (1-based; "" past the end), lines counted as
    the csv module counts them (a line ends at ``\\r\\n``, ``\\r`` or ``\\n``, also in quotes).

    Examples
    --------
    >>> _from_line('a\\n"x\\ry"\\nb\\n', 3), _from_line("a\\n", 5)
    ('y"\\nb\\n', '')
    """
    return _rest_of(io.StringIO(text, newline=""), row)


def _rest_of(stream: IO[str], row: int) -> str:
    """What a text stream opened with ``newline=""`` holds from line ``row`` on."""
    for _ in range(row - 1):
        if not stream.readline():
            return ""
    return stream.read()


def _csv_rows_of(
    source: str,
    stream: Iterable[str],
    *,
    head: str,
    size: int,
    rest_from: Callable[[int], str],
    problems: list[Problem] | None,
) -> tuple[list[str], Iterator[tuple[int, list[str]]]] | None:
    """:func:`csv_rows` over a text stream whose beginning is ``head`` and length at most
    ``size``; ``rest_from(row)`` gives the text from line ``row`` on (read again only for a
    quote never closed)."""
    text = head
    dialect, skip = _dialect(text)
    with _field_limit(size + 1):
        reader = csv.reader(stream, dialect)
        try:
            for _ in range(skip):
                next(reader)
            header = next(reader)
        except StopIteration:
            _problem(problems, source, "empty CSV file")
            return None
        except csv.Error as err:
            _problem(problems, source, f"unreadable CSV header ({err})")
            return None
    if not any(h.strip() for h in header):
        _problem(
            problems, source, "the first line of the CSV file is empty; it must name the columns"
        )
        return None

    def rows() -> Iterator[tuple[int, list[str]]]:
        width = len(header)
        with _field_limit(size + 1):
            for row, last, values, error in _csv_rows(reader, rest_from, dialect):
                if error is None and len(values) != width:
                    error = f"{len(values)} fields where the header has {width}"
                    if last > row:
                        error += f" (lines {row} to {last} were read as one row: check quotes)"
                if error is not None:
                    _problem(problems, source, error, row=row)
                    continue
                yield row, values

    return header, rows()


#: Delimiters a CSV table may use, in the order that breaks ties.
_DELIMITERS = (",", ";", "\t", "|")
_SEP_LINE = re.compile(r"\A\ufeff?sep=(.)\r?\n")


def _dialect(text: str) -> tuple[type[csv.Dialect], int]:
    """The CSV dialect of ``text`` (standard quoting, its delimiter) and how many lines
    to skip before the header (1 after Excel's ``sep=;`` line).

    Only the delimiter is guessed: :class:`csv.Sniffer` also guesses quoting, and gets it
    wrong on real tables (``doublequote=False`` for notes holding ``""``, ``'`` as the quote
    of a table whose cells start with ``'``).
    """
    sep = _SEP_LINE.match(text)
    if sep is not None and sep.group(1) in _DELIMITERS:
        return _with_delimiter(sep.group(1)), 1
    return _with_delimiter(_header_delimiter(text)), 0


def _header_delimiter(text: str) -> str:
    """The delimiter the header line holds most often outside quotes ("," if none)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in text[:65536]:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            break
        elif ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # the first of equals wins
    return best if counts[best] else ","


def _with_delimiter(delimiter: str) -> type[csv.Dialect]:
    if delimiter == ",":
        return csv.excel
    return type("_Delimited", (csv.excel,), {"delimiter": delimiter})


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Let the csv module read fields of up to ``limit`` characters (the default is 128 KiB)."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, min(limit, 2**31 - 1)))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _csv_rows(
    reader: Iterator[list[str]], rest_from: Callable[[int], str], dialect: type[csv.Dialect]
) -> Iterator[tuple[int, int, list[str], str | None]]:
    """``(first line, last line, values, error)`` of each non-empty CSV row.

    A quote that is never closed makes the csv module read the rest of the file as one
    field of the last row: that row is reported (as an error) instead of being used.
    """
    line_num: int = getattr(reader, "line_num", 0)  # the header was read
    pending: tuple[int, int, list[str]] | None = None
    while True:
        row = line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            line_num = getattr(reader, "line_num", line_num + 1)
            if pending is not None:
                yield (*pending, None)
                pending = None
            yield row, line_num, [], f"malformed CSV ({err})"
            continue
        line_num = getattr(reader, "line_num", line_num + 1)
        if not values:
            continue
        if pending is not None:
            yield (*pending, None)
        pending = (row, line_num, values)
    if pending is None:
        return
    row, last, values = pending
    if last > row and _unclosed_quote(rest_from(row), dialect):
        yield (
            row,
            last,
            values,
            (
                f"a quote opened in this row is never closed: lines {row} to {last} (the end "
                "of the file) were read as one row; fix the quotes"
            ),
        )
        return
    yield row, last, values, None


def _unclosed_quote(rest: str, dialect: type[csv.Dialect]) -> bool:
    """Whether the CSV row at the start of ``rest`` runs into its end in quotes."""
    if not rest:
        return False
    strict = csv.reader(io.StringIO(rest, newline=""), dialect, strict=True)
    while True:
        try:
            next(strict)
        except StopIteration:
            return False
        except csv.Error as err:
            if "unexpected end of data" in str(err):
                return True


def _too_big(path: str, max_chars: int) -> bool:
    """Whether a file is surely longer than ``max_chars`` (UTF-8: at most 4 bytes a character).

    Checked before reading, so a huge file is skipped without being loaded.
    """
    try:
        return os.path.getsize(path) > 4 * max_chars
    except OSError:
        return False


def _row_date(raw: str) -> dt.date | str:
    try:
        parse_date(raw)
    except InputError:
        if _DATE_RE.match(raw) or _DMY_RE.match(raw):
            raise  # a date geo cannot hold, or no such day
        for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%a, %d %b %Y %H:%M:%S %z"):
            try:
                day = dt.datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
            return check_date(day, raw)
        raise
    return raw


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


_HTML_EXT = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(r"\s*(<!doctype html|<html[\s>])", re.IGNORECASE)
_JSONL_EXT = frozenset({".jsonl", ".ndjson", ".json"})
_CSV_EXT = frozenset({".csv", ".tsv"})
_TEXT_EXT = frozenset({".txt", ".md", ".markdown", ".text", ""})


def expand_inputs(
    inputs: Iterable[str | os.PathLike[str]], problems: list[Problem] | None = None
) -> list[str]:
    """Expand folders (recursively) and glob patterns into file paths; ``"-"`` is kept.

    Folders are walked and ``**`` patterns matched without ever entering the same folder
    twice, so a symbolic link that loops (``a/loop -> ..``) ends the walk instead of running
    it forever. Missing paths, empty patterns, special files (devices, sockets) and folders
    that cannot be read become problems (or raise without ``problems``); a FIFO is kept (it
    is read only if something writes to it: see :func:`iter_documents`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.md", ".hidden.txt"):
    ...     _ = (folder / name).write_text("Bakou")
    >>> [pathlib.Path(p).name for p in expand_inputs([folder, "-"])]
    ['a.md', 'b.txt', '-']
    """
    paths: list[str] = []
    for raw in inputs:
        item = os.fspath(raw)
        if item == "-" or item in _HELD:  # standard input, or a pipe already read
            paths.append(item)
            continue
        if any(ch in item for ch in "*?["):
            walker = _Walker(problems)
            try:
                files = sorted(set(walker.glob(item)))
            except RecursionError:
                _problem(problems, display_path(item), "folders too deeply nested to match")
                continue
            if not files and not walker.unreadable:
                _problem(problems, display_path(item), "no file matches this pattern")
            paths.extend(files)
            continue
        if os.path.isdir(item):
            walker = _Walker(problems)
            files = sorted(walker.folder(item))
            if not files and not walker.unreadable:
                _problem(
                    problems,
                    display_path(item),
                    "folder holds no readable file (.txt, .md, .html...)",
                )
            paths.extend(files)
        elif os.path.lexists(item):
            kind = _special_kind(item)
            if kind is None:
                paths.append(item)
            else:
                _problem(problems, display_path(item), f"{kind}; give a file")
        else:
            _problem(problems, display_path(item), "no such file or folder")
    return paths


#: Extensions read in folders (any file given by name or pattern is read).
_FOLDER_EXT = _HTML_EXT | _JSONL_EXT | _CSV_EXT | _TEXT_EXT


class _Walker:
    """Walks folders and matches glob patterns, entering each real folder at most once."""

    def __init__(self, problems: list[Problem] | None) -> None:
        self.problems = problems
        self.seen: set[tuple[int, int, int]] = set()
        self.failed: set[str] = set()  # folders already reported unreadable
        self.unreadable = False

    def _entries(self, folder: str, walk: int) -> list[os.DirEntry[str]] | None:
        """The entries of a folder entered by a recursive walk (``walk`` tells which: a
        folder, or one ``**`` of a pattern); None when that walk has been there already."""
        try:
            st = os.stat(folder or ".")
        except OSError:
            return self._listing(folder)
        key = (walk, st.st_dev, st.st_ino)
        if key in self.seen:
            return None  # a link back to a folder this walk has entered already
        self.seen.add(key)
        return self._listing(folder)

    def folder(self, root: str) -> Iterator[str]:
        """Files of ``root`` and its subfolders with a readable extension, hidden ones aside."""
        pending = [root]  # a stack, not recursion: a tree may be thousands of folders deep
        while pending:
            folder = pending.pop()
            for entry in self._entries(folder, -1) or []:
                if entry.name.startswith("."):
                    continue
                if _is_dir(entry):
                    pending.append(os.path.join(folder, entry.name))
                elif _is_file(entry) and Path(entry.name).suffix.lower() in _FOLDER_EXT:
                    yield os.path.join(folder, entry.name)

    def glob(self, pattern: str) -> Iterator[str]:
        """Files matching ``pattern`` (``*``, ``?``, ``[...]``, and ``**`` for any depth)."""
        parts = pattern.split(os.sep)
        first = next(i for i, part in enumerate(parts) if _MAGIC_RE.search(part))
        root = os.sep.join(parts[:first])
        if not root and pattern.startswith(os.sep):
            root = os.sep
        if root and not os.path.isdir(root):
            return
        yield from self._match(root, [p for p in parts[first:] if p])

    def _match(self, folder: str, parts: list[str]) -> Iterator[str]:
        part, rest = parts[0], parts[1:]
        if part == "**":
            entries = self._entries(folder, len(parts))
            if entries is None:
                return
            if rest:
                yield from self._match(folder, rest)  # ** matches no folder too
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if _is_dir(entry):
                    yield from self._match(os.path.join(folder, entry.name), parts)
                elif not rest and _is_file(entry):
                    yield os.path.join(folder, entry.name)
            return
        if not _MAGIC_RE.search(part):
            path = os.path.join(folder, part)
            if not rest:
                if os.path.isfile(path):
                    yield path
            elif os.path.isdir(path):
                yield from self._match(path, rest)
            return
        for entry in self._listing(folder):
            if entry.name.startswith(".") and not part.startswith("."):
                continue
            if not fnmatch.fnmatchcase(entry.name, part):
                continue
            if rest:
                if _is_dir(entry):
                    yield from self._match(os.path.join(folder, entry.name), rest)
            elif _is_file(entry):
                yield os.path.join(folder, entry.name)

    def _listing(self, folder: str) -> list[os.DirEntry[str]]:
        """The entries of a folder, by name; [] (and a problem) when it cannot be read."""
        if folder in self.failed:
            return []
        try:
            with os.scandir(folder or ".") as it:
                return sorted(it, key=lambda e: e.name)
        except OSError as err:
            self.unreadable = True
            self.failed.add(folder)
            _problem(
                self.problems,
                display_path(folder or "."),
                f"cannot read this folder ({err.strerror or type(err).__name__}); the files "
                "in it are skipped",
            )
            return []


_MAGIC_RE = re.compile(r"[*?\[]")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file (through a link too); FIFOs, devices and sockets in folders are not."""
    try:
        return entry.is_file()
    except OSError:
        return False


def _special_kind(path: str) -> str | None:
    """What a path given by name is when it cannot be read as a file; None for a file or a
    pipe (``<(...)``, ``/dev/stdin``, a FIFO)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reported when it is read
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode):
        return None
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device or socket)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a device or socket)"
    return "not a regular file"


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file, never blocking on a FIFO that nothing writes to.

    The file is opened without waiting for a writer; a FIFO without one reads as empty.
    Devices and sockets are refused before anything is read.

    Raises
    ------
    OSError
        If the file cannot be opened or read, or is a device or a folder.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise OSError(errno.EINVAL, "not a regular file (a device, socket or folder)")
        os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def _is_fifo(path: str) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def iter_documents(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    lang: str | None = None,
    date: dt.date | str | None = None,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    url_column: str | None = None,
    id_column: str | None = None,
    max_chars: int = config.MAX_DOCUMENT_CHARS,
    problems: list[Problem] | None = None,
    stdin: io.TextIOBase | None = None,
) -> Iterator[Document]:
    """Yield the documents of files, folders, glob patterns or ``"-"`` (standard input).

    The format follows the extension: ``.jsonl``/``.ndjson``/``.json`` one JSON object per
    line, ``.csv``/``.tsv`` one article per row, ``.html``/``.htm`` the page's visible text,
    anything else plain text or Markdown. Folders are read recursively (hidden files skipped).

    Parameters
    ----------
    inputs : path, pattern or iterable of them
        What to read; ``"-"`` reads plain text from standard input.
    lang : str, optional
        Force the language (``"fr"``, ``"en"``) instead of detecting it per document.
    date : datetime.date or str, optional
        Default document date when a document has no header or date column.
    text_column, date_column, title_column, url_column, id_column : str, optional
        Column (CSV) or key (JSONL) names; common names are tried when None.
    max_chars : int
        Longer documents are skipped (reported as problems).
    problems : list of Problem, optional
        Receives every problem; the batch goes on. Without it the first error raises.
    stdin : text stream, optional
        Stream read for ``"-"`` (``sys.stdin`` by default).

    Yields
    ------
    Document

    Raises
    ------
    InputError
        On the first bad input when ``problems`` is None.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("date 2020-10-04\\nGanja was shelled.")
    >>> [(d.doc_id.endswith("a.txt"), str(d.date)) for d in iter_documents(folder)]
    [(True, '2020-10-04')]
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    reader = _Reader(
        columns=_Columns(text_column, date_column, title_column, url_column, id_column),
        lang=lang,
        date=date,
        max_chars=max_chars,
        problems=problems,
    )
    for item in expand_inputs(inputs, problems):
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin
            raw = getattr(stream, "buffer", None)
            if raw is not None:  # bytes: decoded (and checked) like a file
                data = raw.read()
                if not data.strip():
                    _problem(problems, "<stdin>", "standard input is empty")
                    continue
                decoded = _decode(data, "<stdin>", problems)
                if decoded is None:
                    continue
                text = decoded
            else:
                text = stream.read()
                if not text.strip():
                    _problem(problems, "<stdin>", "standard input is empty")
                    continue
            yield from reader.text_file("<stdin>", text, is_html=False)
            continue
        # the path opens the file; its name as text (U+FFFD for bytes that are not UTF-8)
        # names it in documents, outputs and messages
        source = display_path(item)
        if source != item:
            _warn(problems, source, "the file name is not valid UTF-8; shown with U+FFFD")
        suffix = Path(item).suffix.lower()
        if suffix in _JSONL_EXT | _CSV_EXT and streamable(item):
            if suffix in _JSONL_EXT:
                yield from reader.jsonl_lines(source, _utf8_lines(item, source, problems))
            else:
                yield from reader.csv_table(source, _csv_stream(item, source, problems))
            continue
        if suffix not in _JSONL_EXT | _CSV_EXT and _too_big(item, max_chars):
            _problem(problems, source, reader.too_long(os.path.getsize(item), unit="bytes"))
            continue
        data = _read_file(item, source, problems)
        if data is None:
            continue
        decoded = _decode(data, source, problems)
        if decoded is None:
            continue
        text = decoded
        if suffix in _JSONL_EXT:
            yield from reader.jsonl(source, text)
        elif suffix in _CSV_EXT:
            yield from reader.csv(source, text)
        else:
            is_html = suffix in _HTML_EXT or _HTML_START.match(text[:1024]) is not None
            yield from reader.text_file(source, text, is_html=is_html)


def streamable(path: str) -> bool:
    """Whether a corpus or a table is read row by row: a regular file of at least
    :data:`geo.config.STREAM_FILE_BYTES` whose beginning is UTF-8 text (anything else, e.g.
    UTF-16, is decoded whole, with its checks and fallbacks)."""
    if is_held(path):
        return False
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size < config.STREAM_FILE_BYTES:
            return False
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    if b"\x00" in head or any(head.startswith(m) for m, _ in _MAGIC):
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS if bom != b"\xef\xbb\xbf"):
        return False
    cut = head.rfind(b"\n")
    try:
        head[: cut if cut > 0 else len(head)].decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_lines(
    path: str, source: str, problems: list[Problem] | None
) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of a UTF-8 file read line by line (lines end at ``"\\n"``
    only); a line with invalid bytes gets U+FFFD for them and a warning."""
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                line = raw.decode("utf-8", errors="replace")
                message = f"invalid UTF-8 at byte {err.start} of the row; replaced by U+FFFD"
                _warn(problems, source, message, row=lineno)
            yield lineno, line.removesuffix("\n")


def csv_file_rows(
    path: str, source: str, problems: list[Problem] | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]] | None:
    """:func:`csv_rows` of a UTF-8 file read row by row (invalid bytes become U+FFFD): the
    file is never held whole (see :func:`streamable`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_text("a;b\\n1;2\\n")
    >>> header, rows = csv_file_rows(str(path), "t.csv")
    >>> header, list(rows)
    (['a', 'b'], [(2, ['1', '2'])])
    """
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        head = fh.read(65536).decode("utf-8-sig", errors="replace")

    def rest_from(row: int) -> str:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            return _rest_of(fh, row)

    def lines() -> Iterator[str]:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            yield from fh

    return _csv_rows_of(
        source, lines(), head=head, size=size, rest_from=rest_from, problems=problems
    )


def _csv_stream(
    path: str, source: str, problems: list[Problem] | None
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]] | None:
    """:func:`csv_table` of a UTF-8 file read row by row (invalid bytes become U+FFFD)."""
    table = csv_file_rows(path, source, problems)
    if table is None:
        return None
    header, rows = table
    return header, ((row, dict(zip(header, values, strict=True))) for row, values in rows)


def read_documents(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    **options: object,
) -> list[Document]:
    """Return every document of ``inputs`` as a list; see :func:`iter_documents`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "c.jsonl"
    >>> _ = path.write_text('{"text": "Bombing in Aleppo.", "date": "2016-12-01"}\\n')
    >>> [d.lang for d in read_documents(path)], read_documents(path)[0].date.year
    (['und'], 2016)
    """
    return list(iter_documents(inputs, **options))  # type: ignore[arg-type]


class Progress:
    """A one-line progress counter on standard error, shown for runs longer than a second.

    Parameters
    ----------
    label : str
        What is counted ("documents").
    enabled : bool or None
        None: only when standard error is a terminal.
    stream : text stream, optional
        ``sys.stderr`` by default.

    Examples
    --------
    >>> import io
    >>> progress = Progress("documents", enabled=False, stream=io.StringIO())
    >>> progress.update(3); progress.close(); progress.count
    3
    """

    def __init__(
        self, label: str, *, enabled: bool | None = None, stream: io.TextIOBase | None = None
    ) -> None:
        import time

        self._time = time.perf_counter
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.count = 0
        self.start = self._time()
        self._last = self.start
        self._shown = False

    def update(self, n: int = 1) -> None:
        """Count ``n`` more items; redraw at most five times a second."""
        self.count += n
        if not self.enabled:
            return
        now = self._time()
        if now - self.start >= config.PROGRESS_DELAY_SECONDS and now - self._last >= 0.2:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.count / max(now - self.start, 1e-9)
        self.stream.write(f"\r{self.count:,} {self.label} ({rate:,.0f}/s)")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        """Finish the line if anything was drawn."""
        if self._shown:
            self._draw(self._time())
            self.stream.write("\n")
            self.stream.flush()
