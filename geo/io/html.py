"""The main text of a news page, and its publication date from the page's metadata.

A compact extractor on the standard library's HTML parser (no network, no model): it drops
what is never the article (scripts, styles, navigation, headers and footers of the page,
forms, asides, figures' credits) and elements whose class or id names boilerplate
("related", "share", "cookie", "newsletter", "comments", "breadcrumb", "promo"...). When
the page has an ``<article>`` (or ``<main>``), only its text is kept. A block whose first
line is a "related" heading of one of the packs' languages ("Related", "Lire aussi",
"Leer más", "Читайте также", "Читайте також", "اقرأ أيضا") is dropped with the links
after it.

The date comes from ``<meta property="article:published_time">`` (and the usual other
names: ``og:published_time``, ``datePublished``, ``pubdate``, ``date``, ``DC.date.issued``),
JSON-LD ``datePublished``, or the first ``<time datetime>``.

trafilatura was considered: it is not among the packages this project installs from the
index here, and its extraction (lxml, justext, dateparser) costs tens of milliseconds per
page, several times geo's whole budget per article.

Examples
--------
>>> page = ('<html><head><meta property="article:published_time" content="2024-08-31T10:00">'
...         '</head><body><nav>Home</nav><article><p>Shelling hit Kharkiv.</p>'
...         '<aside class="related"><p>Protests in Tbilisi</p></aside></article></body></html>')
>>> extract_html(page)
('Shelling hit Kharkiv.', None, datetime.date(2024, 8, 31))
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from typing import Final

__all__ = ["extract_html", "page_date", "related_blocks"]

_SKIP: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "nav",
        "footer",
        "form",
        "aside",
        "button",
        "select",
        "figcaption",
    }
)
_BLOCK: Final = frozenset(
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
_VOID: Final = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
#: class or id words of boilerplate blocks
_BOILERPLATE: Final = re.compile(
    r"(?:^|[\s_\-])(?:related|relacionad\w*|similaires?|share|sharing|social|cookie\w*|"
    r"consent|newsletter|subscribe|subscription|comments?|breadcrumbs?|promo\w*|advert\w*|"
    r"ads?|banner|sidebar|menu|navigation|navbar|footer|masthead|popup|modal|paywall|"
    r"read-?more|more-?stories|recommend\w*|trending|most-?read|tags?|author-?bio|"
    r"lire-?aussi|see-?also|also-?read)(?:$|[\s_\-])",
    re.IGNORECASE,
)
_META_NAMES: Final = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
)
_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # all visible text
        self.main: list[str] | None = None  # text of <article>/<main>, when there is one
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.ld: list[str] = []
        self.time: str | None = None
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self._skip = 0
        self._main_depth = 0
        self._main_tag: str | None = None
        self._in_title = False
        self._in_ld = False

    def _out(self, text: str) -> None:
        self.parts.append(text)
        if self._main_depth and self.main is not None:
            self.main.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
            return
        if tag == "time" and self.time is None and a.get("datetime"):
            self.time = a["datetime"]
        if tag == "script" and "ld+json" in a.get("type", ""):
            self._in_ld = True
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag == "br" and not self._skip:
                self._out("\n")
            return
        marks = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        skipped = tag in _SKIP or bool(_BOILERPLATE.search(marks))
        if tag == "header" and self._main_depth:
            skipped = False  # an article's own header holds its headline
        self._stack.append((tag, skipped))
        if skipped:
            self._skip += 1
        if (
            tag in ("article", "main")
            and not self._skip
            and (self._main_tag is None or self._main_tag == tag)
        ):
            if self.main is None:
                self.main = []
                self._main_tag = tag
            self._main_depth += 1
        if tag in _BLOCK and not self._skip:
            self._out("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_ld = False
        if tag in _VOID:
            return
        # close up to the matching open tag (HTML in the wild leaves tags open)
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                for t, skipped in self._stack[i:]:
                    if skipped:
                        self._skip -= 1
                    if t == self._main_tag and self._main_depth and not skipped:
                        self._main_depth -= 1
                del self._stack[i:]
                break
        if tag in _BLOCK and not self._skip:
            self._out("\n")

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.ld.append(data)
        elif self._in_title:
            self.title.append(data)
        elif not self._skip:
            self._out(data)


def _related_headings() -> re.Pattern[str]:
    from geo.events.rules import related_headings

    lines = related_headings()
    body = "|".join(f"(?:{p})" for p in lines) or r"(?!x)x"
    return re.compile(rf"^\s*(?:{body})\s*[:：.…»\-–—]*\s*", re.IGNORECASE)


_RELATED: re.Pattern[str] | None = None


def _lines(raw: str) -> list[str]:
    global _RELATED
    if _RELATED is None:
        _RELATED = _related_headings()
    out: list[str] = []
    skipping = False
    for line in raw.split("\n"):
        line = re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip()
        if not line:
            continue
        if _RELATED.match(line) is not None:
            skipping = True  # "Lire aussi : ..." and the headlines listed after it
            continue
        if skipping and (len(line.split()) > _HEADLINE_WORDS or line.endswith((".", "»", '"'))):
            skipping = False  # a paragraph again: the list of headlines is over
        if not skipping:
            out.append(line)
    return out


#: A line of more words than this (or one that ends a sentence) is no linked headline.
_HEADLINE_WORDS: Final = 14


def related_blocks(text: str) -> list[tuple[int, int]]:
    """The "related stories" blocks of a plain text (an article copied from its page), as
    (start, end) offsets: a line that is a heading of the packs' ``related_headings``
    ("Read also:", "Lea también", "Читайте також:", "اقرأ أيضا:"; a line of at most
    :data:`_HEADLINE_WORDS` words that ends no sentence) and the linked headlines after it,
    up to the next paragraph (a longer line, or one that ends a sentence).

    Examples
    --------
    >>> text = "Shelling hit Kharkiv.\\n\\nRead also:\\n- Protests in Tbilisi\\n\\nIt went on."
    >>> [text[a:b] for a, b in related_blocks(text)]
    ['Read also:\\n- Protests in Tbilisi\\n\\n']
    """
    global _RELATED
    if _RELATED is None:
        _RELATED = _related_headings()
    out: list[tuple[int, int]] = []
    start: int | None = None
    pos = 0
    for raw in text.split("\n"):
        line = raw.strip()
        end = pos + len(raw) + 1
        if line:
            headline = len(line.split()) <= _HEADLINE_WORDS and not line.endswith(_SENTENCE_ENDS)
            if start is None and headline and _RELATED.match(line) is not None:
                start = pos
            elif start is not None and not headline:
                out.append((start, pos))
                start = None
        pos = end
    if start is not None:
        out.append((start, len(text)))
    return out


#: What ends a sentence (a paragraph's line), not a linked headline.
_SENTENCE_ENDS: Final = (".", "»", '"', "。")


def page_date(meta: dict[str, str], ld: str, time: str | None) -> dt.date | None:
    """The publication date of a page from its metadata (meta tags, JSON-LD, <time>).

    Examples
    --------
    >>> page_date({"article:published_time": "2023-01-15T18:30:00+02:00"}, "", None)
    datetime.date(2023, 1, 15)
    """
    values = [meta[k] for k in _META_NAMES if k in meta]
    if ld:
        try:
            data = json.loads(ld)
        except ValueError:
            found = re.search(r'"datePublished"\s*:\s*"([^"]+)"', ld)
            if found:
                values.append(found.group(1))
        else:
            values.extend(_ld_dates(data))
    if time:
        values.append(time)
    for value in values:
        m = _DATE.search(value)
        if m is not None:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def _ld_dates(data: object, depth: int = 0) -> list[str]:
    if depth > 6:
        return []
    if isinstance(data, dict):
        out = [str(data["datePublished"])] if "datePublished" in data else []
        for v in data.values():
            if isinstance(v, dict | list):
                out.extend(_ld_dates(v, depth + 1))
        return out
    if isinstance(data, list):
        return [d for item in data for d in _ld_dates(item, depth + 1)]
    return []


def extract_html(markup: str) -> tuple[str, str | None, dt.date | None]:
    """The main text of an HTML page (one paragraph per line), its title and its date.

    Examples
    --------
    >>> extract_html("<html><head><title>T</title></head><body><p>A &amp; B</p></body>")
    ('A & B', 'T', None)
    """
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.main if parser.main and "".join(parser.main).strip() else parser.parts)
    text = "\n".join(_lines(raw))
    title = html.unescape(" ".join("".join(parser.title).split())) or None
    return text, title, page_date(parser.meta, "".join(parser.ld), parser.time)
