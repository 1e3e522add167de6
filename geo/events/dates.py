"""Dates in sentences, resolved against the article's date, from the packs' words.

Month and weekday names, relative days ("yesterday", "hier", "ayer", "la nuit dernière"),
and the words around them ("since", "last", "next") come from ``[dates]`` of the packs'
``events.toml``; the resolution is language-neutral: a weekday is the latest such day on or
before the reference ("last Monday" in an article of a Monday is a week back), a day and
month without a year take the reference's year (the previous one when that would put them
more than a week after it), a day and month in digits ("(21/01)", "10.03", "12/02/2015")
the reading that falls on or before the reference (day first or month first, as the pack
writes them), a night across two days ("la nuit de samedi à dimanche") and the night just
gone ("минулої ночі", "la nuit dernière") take the day the night ends on, as ACLED codes a
night attack (each pack says which of its words mean that night: English "last night" and
Spanish "anoche" are the evening before), and a date after "since"/"depuis" is no event's
date.

Examples
--------
>>> ref = dt.date(2020, 10, 2)
>>> [str(d.date) for d in find_dates("touchée jeudi par des tirs", reference=ref)]
['2020-10-01']
>>> [str(d.date) for d in find_dates("el 28 de mayo", reference=dt.date(2025, 6, 25))]
['2025-05-28']
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from geo import config
from geo.events.prefilter import Prefiltered
from geo.events.rules import Rules, get_rules, literal_alternation

if TYPE_CHECKING:
    from geo.io.documents import Document

__all__ = ["FoundDate", "find_dates", "reference_date"]


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a sentence: ``precision`` 1 (day) or 3 (month, ACLED's codes).

    ``explicit``: written with a day and month (not a weekday or "yesterday"). ``year``: a
    year without a month ("in 2019", "last year").
    """

    date: dt.date | None
    precision: int
    start: int
    end: int
    explicit: bool
    year: bool = False


def _alt(words: Iterable[str]) -> str:
    return literal_alternation(words, spaces=True) or r"(?!x)x"


def _fragments(rules: Rules, name: str) -> str:
    return "|".join(f"(?:{p})" for p in rules.patterns("dates", name)) or r"(?!x)x"


def possessive_pattern(rules: Rules) -> str:
    """The pattern of the packs' possessive after a weekday (``dates.possessive``:
    "Saturday's strike"), matched right after the weekday; the caller compiles it with the
    flags it needs.

    Examples
    --------
    >>> import re
    >>> rules = get_rules(("en",))
    >>> re.compile(possessive_pattern(rules)).match("Saturday's strike", 8) is not None
    True
    """
    return rf"(?:{_fragments(rules, 'possessive')})(?!\w)"


@dataclass(frozen=True)
class _DateRules:
    months: dict[str, int]
    day_words: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    relative_months: dict[str, int]
    iso: re.Pattern[str]
    # day first in digits ("16.12.2025"); the separators of a day and month in digits
    # without a year ("21/01", "10.03")
    day_first: bool
    short_separators: frozenset[str]
    day_month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_re: re.Pattern[str]
    month_only: re.Pattern[str]
    relative_month_re: re.Pattern[str]
    not_event_before: re.Pattern[str]
    # a possessive right after a weekday ("Saturday's strike"): the weekday dates the noun
    # after it, and "from" or "since" before it belongs to that noun's phrase ("the toll
    # from Saturday's strike"), not to the date (the packs' ``possessive``)
    possessive: re.Pattern[str] | None
    # a clock time written like a day and month ("в 09.03", "о 21.40", "10.15 утра"): the
    # words before it and after it that make it a time (the packs' ``clock_before``,
    # ``clock_after``)
    clock_before: re.Pattern[str] | None
    clock_after: re.Pattern[str] | None
    # a word joining two dates ("yesterday and on Friday"): a time of day before it is not
    # the time of the date after it (the packs' ``conjunctions``)
    conjunction: re.Pattern[str]
    last_before: re.Pattern[str]
    last_after: re.Pattern[str]
    next_before: re.Pattern[str]
    next_after: re.Pattern[str]
    last_year: re.Pattern[str]
    years: Prefiltered | None  # a past year: "in 2019", "last year", "في عام 2019"
    night_span: re.Pattern[str] | None
    day_span: re.Pattern[str] | None
    since_prefixes: frozenset[str]
    # the patterns run over a whole sentence, with a keyword prefilter
    scan: Mapping[str, Prefiltered]
    # a word that every date but an ISO one has (a month, a weekday, "yesterday", "last
    # month"): most sentences have none, and the scans are left out
    gate: Prefiltered


@functools.cache
def _date_rules(rules: Rules) -> _DateRules:
    months = {k.rstrip("."): int(v) for k, v in rules.table("dates", "months").items()}
    day_words = {" ".join(k.split()): int(v) for k, v in rules.table("dates", "day_words").items()}
    weekdays = {k: int(v) for k, v in rules.table("dates", "weekdays").items()}
    relative = {k: int(v) for k, v in rules.table("dates", "relative").items()}
    relative_months = {k: int(v) for k, v in rules.table("dates", "relative_months").items()}
    month, wd = _alt(months), _alt(weekdays)
    prefix = _alt(rules.words("dates", "day_prefixes"))
    suffix = _alt(rules.words("dates", "day_suffixes"))
    joiner = _alt(rules.words("dates", "month_joiners"))
    # days written as ordinal words ("التاسع من مارس"), where a pack lists them
    words = f"|{literal_alternation(day_words, spaces=True)}" if day_words else ""
    # a month named twice, in two calendars' names ("تشرين الأول/أكتوبر", "شباط (فبراير)")
    twice = rf"(?:\s*/\s*|\s*\(\s*|\s+)(?:{month})(?!\w)\.?\)?"
    day_month = re.compile(
        rf"(?<!\w)(?:(?P<wd1>{wd})[\s,]+)?(?:(?:{prefix})\s+)?(?P<d1>\d{{1,2}}{words})(?:{suffix})?"
        rf"(?:\s+(?:{joiner}))?\s+(?P<m1>{month})(?!\w)\.?(?:{twice})?"
        rf"(?:,?\s+(?:(?:{joiner})\s+){{0,2}}(?P<y1>\d{{4}})(?!\w))?"
        rf"|(?<!\w)(?:(?P<wd2>{wd})[\s,]+)?(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}})(?:{suffix})?"
        rf"(?!\w)(?:,?\s+(?P<y2>\d{{4}})(?!\w))?",
        re.IGNORECASE,
    )

    # a weekday in a span may have its day of the month ("du lundi 15 au mardi 16 décembre")
    span_day = rf"(?:{wd})(?:\s+\d{{1,2}}(?:{suffix})?)?"

    def spans(name: str) -> re.Pattern[str] | None:
        found = rules.patterns("dates", name)
        if not found:
            return None
        body = "|".join(f"(?:{n.replace('{weekday}', span_day)})" for n in found)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    night_span, day_span = spans("night_spans"), spans("day_spans")

    def tail(name: str) -> re.Pattern[str]:
        return re.compile(rf"\s+(?:{_fragments(rules, name)})(?!\w)", re.IGNORECASE)

    def head(name: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{_fragments(rules, name)})\s+$", re.IGNORECASE)

    def optional(name: str, build: Callable[[str], re.Pattern[str]]) -> re.Pattern[str] | None:
        return build(name) if rules.patterns("dates", name) else None

    month_prefixes = _fragments(rules, "month_prefixes")
    since = rules.patterns("dates", "not_event_before")
    weekday = re.compile(rf"(?<!\w)({wd})(?!\w)", re.IGNORECASE)
    relative_re = re.compile(rf"(?<!\w)({_alt(relative)})(?!\w)", re.IGNORECASE)
    month_only = re.compile(
        rf"(?<!\w)(?:(?P<pre>{month_prefixes}|{_fragments(rules, 'not_event_before')})"
        rf"[\s\-]+)?(?P<m>{month})(?!\w)\.?(?:{twice})?"
        rf"(?:\s+(?:(?:{joiner})\s+){{0,2}}(?P<y>\d{{4}})(?!\w))?",
        re.IGNORECASE,
    )
    relative_month_re = re.compile(rf"(?<!\w)({_alt(relative_months)})(?!\w)", re.IGNORECASE)
    scan = _scanners(
        day_month=day_month,
        weekday=weekday,
        relative_re=relative_re,
        month_only=month_only,
        relative_month_re=relative_month_re,
        night_span=night_span,
        day_span=day_span,
    )
    return _DateRules(
        months=months,
        day_words=day_words,
        weekdays=weekdays,
        relative=relative,
        relative_months=relative_months,
        iso=re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
        day_first="dmy" in rules.words("dates", "numeric_order"),
        short_separators=frozenset(["/", *rules.words("dates", "short_numeric_separators")]),
        day_month=day_month,
        weekday=weekday,
        relative_re=relative_re,
        month_only=month_only,
        relative_month_re=relative_month_re,
        not_event_before=re.compile(
            rf"(?<!\w)(?:{_fragments(rules, 'not_event_before')})\s*(?:(?:{prefix})\s+)?$",
            re.IGNORECASE,
        ),
        possessive=optional(
            "possessive", lambda name: re.compile(possessive_pattern(rules), re.IGNORECASE)
        ),
        clock_before=optional("clock_before", head),
        clock_after=optional("clock_after", tail),
        conjunction=re.compile(
            rf"(?<!\w)(?:{_fragments(rules, 'conjunctions')})(?!\w)", re.IGNORECASE
        ),
        last_before=head("last_before"),
        last_after=tail("last_after"),
        next_before=head("next_before"),
        next_after=tail("next_after"),
        last_year=re.compile(rf",?\s+(?:{_fragments(rules, 'last_year')})(?!\w)", re.IGNORECASE),
        years=Prefiltered(years) if (years := _years_re(rules)) is not None else None,
        night_span=night_span,
        day_span=day_span,
        since_prefixes=frozenset(s.lower() for s in since),
        scan=scan,
        gate=Prefiltered(
            re.compile(
                "|".join(f"(?:{_alt(w)})" for w in (months, weekdays, relative, relative_months)),
                re.IGNORECASE,
            )
        ),
    )


#: What stands between a word for a time of day ("ночью", "вночі", "dans la nuit") and the
#: date it is the time of: spaces and up to three short words ("ночью на", "dans la nuit du
#: 3 au 4 mars", "en la madrugada de este martes").
_TIME_OF_DAY_GAP: Final = re.compile(r"\s+(?:\w{1,5}\s+){0,3}")


def _scanners(**patterns: re.Pattern[str] | None) -> dict[str, Prefiltered]:
    return {name: Prefiltered(p) for name, p in patterns.items() if p is not None}


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day or geo cannot hold it (year 9999)."""
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if config.EARLIEST_DATE <= date <= config.LATEST_DATE else None


#: A day and month in digits, with an optional year: "21/01", "4/02", "10.03",
#: "12/02/2015", "16.12.2025", "16-12-25". Which separators count without a year, and
#: whether the day comes first, is the packs' (``short_numeric_separators``,
#: ``numeric_order``).
_NUMERIC: Final = re.compile(
    r"(?<![\w.,/\-])(\d{1,2})([./\-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\w/\-]|[.,]\d)"
)


#: Two digits around a slash or a dot: where a date in digits may be, in a language that
#: reads only those ("21/01", "04.02.2015"; a dash is a range there).
_DIGITS_SEPARATED: Final = re.compile(r"\d[./]\d")


def _numeric_date(
    m: re.Match[str], reference: dt.date | None, *, day_first: bool
) -> dt.date | None:
    """The date of "21/01", "10.03" or "12/02/2015": of its readings (day first, and month
    first unless ``day_first``), one on or before the reference; with no year, one at most
    :data:`geo.config.NUMERIC_DATE_MAX_DAYS` before it; the nearer when both fit."""
    a, b = int(m.group(1)), int(m.group(3))
    year_text = m.group(4)
    year = None
    if year_text is not None:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    readings: list[dt.date] = []
    for day, month in ((a, b),) if day_first else ((a, b), (b, a)):
        if year is not None:
            d = _safe_date(year, month, day)
        elif reference is not None:
            d = _safe_date(reference.year, month, day)
            if d is not None and d > reference + dt.timedelta(days=1):
                d = _safe_date(reference.year - 1, month, day)
        else:
            d = None
        if d is not None and d not in readings:
            readings.append(d)
    if reference is None:
        return readings[0] if len(readings) == 1 else None
    fits = [d for d in readings if d <= reference + dt.timedelta(days=1)]
    if year is None:
        fits = [d for d in fits if (reference - d).days <= config.NUMERIC_DATE_MAX_DAYS]
    if not fits:
        return None
    return min(fits, key=lambda d: abs((reference - d).days))


def _clock_time(sentence: str, m: re.Match[str], t: _DateRules) -> bool:
    """Whether a day and month in digits without a year is a time of day written with a
    dot ("в 09.03", "о 21.40", "около 04.15", "23.10 за київським часом"): an hour and
    minutes after a word for "at"/"about" or before a word for hours, a time of day or a
    time zone (the packs' ``clock_before`` and ``clock_after``)."""
    if int(m.group(1)) > 23 or int(m.group(3)) > 59:
        return False
    before = sentence[max(0, m.start() - config.DATE_SINCE_WINDOW) : m.start()]
    return bool(
        (t.clock_before is not None and t.clock_before.search(before))
        or (t.clock_after is not None and t.clock_after.match(sentence, m.end()))
    )


def find_dates(
    sentence: str, *, reference: dt.date | None, rules: Rules | None = None
) -> list[FoundDate]:
    """Find dates in a sentence, resolved against a reference date (the article's day).

    Examples
    --------
    >>> ref = dt.date(2020, 10, 2)
    >>> [str(d.date) for d in find_dates("on Sunday, 8 November", reference=dt.date(2020, 11, 9))]
    ['2020-11-08']
    >>> [(str(d.date), d.precision) for d in find_dates("Fin mai, des heurts", reference=ref)]
    [('2020-05-01', 3)]
    >>> [str(d.date) for d in find_dates("la nuit de samedi à dimanche", reference=ref)]
    ['2020-09-27']
    """
    t = _date_rules(rules or get_rules(()))
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int) -> bool:
        return not any(s <= start < e for s, e in taken)

    for m in t.iso.finditer(sentence):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is not None:
            found.append(FoundDate(d, 1, m.start(), m.end(), True))
            taken.append(m.span())
    if t.day_first or _DIGITS_SEPARATED.search(sentence) is not None:
        for m in _NUMERIC.finditer(sentence):
            sep, year_text = m.group(2), m.group(4)
            if not free(m.start()):
                continue
            if year_text is None:
                if not t.day_first and sep != "/":
                    continue
                if sep not in t.short_separators or (sep != "/" and len(m.group(3)) != 2):
                    continue  # "10-12" is a range, "1.5" a number; "10.03" a date
            elif sep == "-" and not t.day_first:
                continue
            if t.not_event_before.search(
                sentence, max(0, m.start() - config.DATE_SINCE_WINDOW), m.start()
            ) or (year_text is None and sep != "/" and _clock_time(sentence, m, t)):
                taken.append(m.span())
                continue
            # a dotted date with its year is day first in every language that writes one
            # ("04.02.2015", as English text from most of the world writes it too)
            first = (t.day_first and (year_text is not None or sep != "/")) or (
                sep == "." and year_text is not None and len(year_text) == 4
            )
            d = _numeric_date(m, reference, day_first=first)
            if d is not None:
                found.append(FoundDate(d, 1, m.start(), m.end(), True))
                taken.append(m.span())
    if t.gate.search(sentence) is None:
        found.extend(_year_dates(sentence, reference, [*taken, *_spans(found)], t))
        found.sort(key=lambda f: f.start)
        return found  # a night or a span of days only matters with a weekday
    for m in t.scan["day_month"].finditer(sentence):
        if not free(m.start()):
            continue
        if t.not_event_before.search(
            sentence, max(0, m.start() - config.DATE_SINCE_WINDOW), m.start()
        ):
            taken.append(m.span())
            continue
        day_text = m.group("d1") or m.group("d2")
        month = t.months[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        year_text = m.group("y1") or m.group("y2")
        year = int(year_text) if year_text else None
        day = (
            int(day_text)
            if day_text.isdecimal()
            else t.day_words[" ".join(day_text.lower().split())]
        )
        if year is None and reference is not None:
            year = reference.year
            candidate = _safe_date(year, month, day)
            if (candidate is not None and candidate > reference + dt.timedelta(days=7)) or (
                t.last_year.match(sentence, m.end())
            ):
                year -= 1  # "on 7 October last year"; late December read in January
        d = _safe_date(year, month, day) if year is not None else None
        found.append(FoundDate(d, 1, m.start(), m.end(), True))
        taken.append(m.span())
    # a night across two days: the later one; a span of days: the first one
    skipped: set[int] = set()
    nights: list[tuple[int, int]] = []
    if t.night_span is not None:
        for m in t.scan["night_span"].finditer(sentence):
            nights.append(m.span())
            days = list(t.weekday.finditer(sentence, m.start(), m.end()))
            skipped.update(w.start() for w in days[:-1])
    if t.day_span is not None:
        for m in t.scan["day_span"].finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in nights):
                continue
            days = list(t.weekday.finditer(sentence, m.start(), m.end()))
            skipped.update(w.start() for w in days[1:])
    for m in t.scan["weekday"].finditer(sentence):
        if not free(m.start()) or m.start() in skipped:
            continue
        before = sentence[max(0, m.start() - config.DATE_SINCE_WINDOW) : m.start()]
        if t.not_event_before.search(before) and not (
            t.possessive is not None and t.possessive.match(sentence, m.end())
        ):
            continue
        if t.next_before.search(before) or t.next_after.match(sentence, m.end()):
            continue  # "next Monday", "lundi prochain": no event yet
        d = None
        if reference is not None:
            back = (reference.weekday() - t.weekdays[m.group(1).lower()]) % 7
            if back == 0 and (
                t.last_before.search(before) or t.last_after.match(sentence, m.end())
            ):
                back = 7  # "mardi dernier" in an article of a Tuesday
            d = reference - dt.timedelta(days=back)
        found.append(FoundDate(d, 1, m.start(), m.end(), False))
        taken.append(m.span())
    today_words: set[int] = set()
    for m in t.scan["relative_re"].finditer(sentence):
        if not free(m.start()):
            continue
        if any(s <= m.start() < e for s, e in nights) or any(
            _TIME_OF_DAY_GAP.fullmatch(sentence, m.end(), f.start)
            and not t.conjunction.search(sentence, m.end(), f.start)
            for f in found
        ):
            # "ночью в понедельник": the time of day of the date after it; not across a
            # conjunction ("yesterday and on Friday" are two days)
            continue
        offset = t.relative[" ".join(m.group(1).lower().split())]
        if offset == 0 and any(_time_of_date_before(sentence, f, m.start()) for f in found):
            continue  # "в понедельник ночью", "вчора вночі": the time of day of the date before
        d = None
        if reference is not None:
            d = reference + dt.timedelta(days=offset)
        if offset == 0:
            today_words.add(m.start())
        found.append(FoundDate(d, 1, m.start(), m.end(), False))
        taken.append(m.span())
    found.extend(_month_dates(sentence, reference, taken, t))
    found.extend(_year_dates(sentence, reference, [*taken, *_spans(found)], t))
    if today_words:
        # "On 5 April, residents demonstrated overnight": the night of the date written
        # before it, not the article's (a date after it may be another incident's)
        found = [
            f
            for f in found
            if f.start not in today_words or not any(e.explicit and e.end <= f.start for e in found)
        ]
    found.sort(key=lambda f: f.start)
    return found


def _time_of_date_before(sentence: str, f: FoundDate, start: int) -> bool:
    """Whether a word of the day just gone or of this day (offset 0: "overnight", "ночью",
    "cette nuit") at ``start`` is the time of day of the date ``f`` right before it: only
    spaces between them ("в понедельник ночью"), or a comma after a date that opens the
    sentence ("On Tuesday, overnight strikes hit X"; at most one word before it)."""
    gap = sentence[f.end : start]
    if f.end > start or gap.strip(" ,"):
        return False
    return gap.isspace() or len(sentence[: f.start].split()) <= 1


def _spans(found: Iterable[FoundDate]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in found]


def _years_re(rules: Rules) -> re.Pattern[str] | None:
    """The packs' ``year_dates`` ("in {year}", "last year"), ``{year}`` standing for four
    digits, as one pattern."""
    found = rules.patterns("dates", "year_dates")
    if not found:
        return None
    body = "|".join(f"(?:{p.replace('{year}', _YEAR)})" for p in found)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


#: The four digits of a year in a pack's ``year_dates`` pattern (any script's digits).
_YEAR: Final = r"\d{4}"


def _year_dates(
    sentence: str, reference: dt.date | None, taken: list[tuple[int, int]], t: _DateRules
) -> list[FoundDate]:
    """Years before the reference's, without a month ("in 2019", "last year", "في عام
    2019", "в 2019 году"): the first of January of the year, ACLED time precision 3; an
    incident so dated is background (:data:`geo.config.EVENTS_MONTH_INCIDENTS`). A year of
    the reference, the year of a date found (``taken``: in it or right after it) or a year
    after "since" dates nothing."""
    if t.years is None or reference is None:
        return []
    found: list[FoundDate] = []
    for m in t.years.finditer(sentence):
        if any(
            (s < m.end() and m.start() < e)
            or (e <= m.start() and not sentence[e : m.start()].strip(" ,"))
            for s, e in taken
        ):
            continue  # in a date, or its year ("on 5 May last year")
        if t.not_event_before.search(sentence, max(0, m.start() - 25), m.start()):
            continue
        digits = re.search(_YEAR, m.group())
        year = int(digits.group()) if digits is not None else reference.year - 1
        if not config.EVENTS_FIRST_YEAR <= year < reference.year:
            continue
        found.append(FoundDate(dt.date(year, 1, 1), 3, m.start(), m.end(), False, year=True))
    return found


def _month_dates(
    sentence: str, reference: dt.date | None, taken: list[tuple[int, int]], t: _DateRules
) -> list[FoundDate]:
    """Months without a day ("en août 2022", "In April", "earlier this month"): the first
    day of the month, ACLED time precision 3."""
    found: list[FoundDate] = []
    for m in t.scan["month_only"].finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        pre, year_text = m.group("pre"), m.group("y")
        if pre is None and year_text is None:
            continue  # "mars", "may": a month only with a preposition or a year
        if pre is not None and t.not_event_before.search(pre + " "):
            continue
        month = t.months[m.group("m").lower().rstrip(".")]
        if year_text is not None:
            year: int | None = int(year_text)
        elif reference is not None:
            year = reference.year - (1 if month > reference.month else 0)
        else:
            year = None
        d = _safe_date(year, month, 1) if year is not None else None
        found.append(FoundDate(d, 3, m.start(), m.end(), False))
    for m in t.scan["relative_month_re"].finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken) or reference is None:
            continue
        first = reference.replace(day=1)
        for _ in range(-t.relative_months[" ".join(m.group(1).lower().split())]):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        found.append(FoundDate(first, 3, m.start(), m.end(), False))
    return found


def reference_date(doc: Document, *, rules: Rules | None = None) -> dt.date | None:
    """The article's own day: its date, or the latest explicit date of its month in it."""
    if doc.date is None:
        return None
    if doc.date_precision == "day":
        return doc.date
    if doc.date_precision == "month":
        first = doc.date
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        best: dt.date | None = None
        for f in find_dates(doc.text[doc.body_start :], reference=last, rules=rules):
            if f.explicit and f.date is not None and first <= f.date <= last:
                best = f.date if best is None or f.date > best else best
        return best
    return None
