"""Command line interface: ``geo SUBCOMMAND ...``.

A thin shell over the library: each subcommand parses its arguments, calls library
functions and prints or writes their results. Heavy modules (geopandas, folium) are imported
inside the subcommands that need them, so ``geo geocode`` starts fast.

Each subcommand is added by an ``_add_<name>(subparsers)`` function listed in
``_SUBCOMMANDS``; its handler returns the process exit status.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import re
import signal
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from geo import config
from geo.errors import GeoError, InputError, OutputError

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _add_geocode(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "geocode",
        help="geocode place names (offline by default)",
        description="Geocode place names as written in the press, in any of the supported "
        "languages. Exit status 1 if any name was not found (or not valid UTF-8).",
    )
    p.add_argument("names", nargs="+", metavar="NAME", help="place names to geocode")
    p.add_argument("--all", action="store_true", help="list every candidate, best first")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--geocoder",
        default=config.DEFAULT_GEOCODER,
        metavar="NAME",
        help="'offline' (default) or a geopy service name such as 'nominatim'",
    )
    _add_geocoder_option(p)
    p.add_argument(
        "--country",
        action="append",
        metavar="CC",
        help="restrict to these ISO 3166-1 alpha-2 country codes (repeatable)",
    )
    p.set_defaults(handler=_run_geocode)


def _add_geocoder_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--geocoder-option",
        action="append",
        default=[],
        dest="geocoder_options",
        metavar="KEY=VALUE",
        help="option of the geocoder (repeatable), e.g. domain=127.0.0.1:8080 scheme=http "
        "for a self-hosted Nominatim, min_delay_seconds=0, timeout=5, user_agent=..., "
        "cache=FILE; an unknown key lists the accepted ones",
    )


def _geocoder(args: argparse.Namespace) -> Any:
    """The geocoder named by ``--geocoder``, with its ``--geocoder-option``s (checked now)."""
    from geo.geocode import get_geocoder, parse_geocoder_options

    return get_geocoder(args.geocoder, **parse_geocoder_options(args.geocoder_options))


_RESULT_FIELDS = (
    "query",
    "name",
    "kind",
    "latitude",
    "longitude",
    "country_code",
    "population",
    "id",
)


def _location_row(query: str, location: Any) -> dict[str, Any]:
    if location is None:
        return dict.fromkeys(_RESULT_FIELDS) | {"query": query}
    raw = location.raw if isinstance(location.raw, dict) else {}
    return {
        "query": query,
        "name": raw.get("name", location.address),
        "kind": raw.get("kind"),
        "latitude": location.latitude,
        "longitude": location.longitude,
        "country_code": raw.get("country_code"),
        "population": raw.get("population"),
        "id": raw.get("id"),
    }


def _run_geocode(args: argparse.Namespace) -> int:
    geocoder = _geocoder(args)
    rows: list[dict[str, Any]] = []
    missing: list[str] = []
    unreadable = 0
    for query in args.names:
        if not _is_utf8(query):
            # bytes that are not UTF-8 (a Latin-1 terminal): said for this name, the rest goes on
            shown = os.fsencode(query).decode("utf-8", errors="replace")
            print(
                f"geo geocode: {_short(shown)!r}: not valid UTF-8 (bytes "
                f"{_short(repr(os.fsencode(query)))}); give names in UTF-8",
                file=sys.stderr,
            )
            unreadable += 1
            rows.append(_location_row(shown, None))
            continue
        kwargs: dict[str, Any] = {"exactly_one": not args.all}
        if args.country:
            kwargs["country_codes"] = args.country
        try:
            found = geocoder.geocode(query, **kwargs)
        except GeoError as err:
            print(f"geo geocode: {_short(query)!r}: {err}", file=sys.stderr)
            found = None
        if found is None or found == []:
            missing.append(query)
            rows.append(_location_row(query, None))
            continue
        for location in found if isinstance(found, list) else [found]:
            rows.append(_location_row(query, location))

    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(rows)
    for query in missing:
        print(f"geo geocode: not found: {_short(query)!r}", file=sys.stderr)
    return 1 if missing or unreadable else 0


def _is_utf8(text: str) -> bool:
    """Whether a command-line argument was valid UTF-8 (Python keeps bad bytes as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _print_table(rows: Sequence[dict[str, Any]]) -> None:
    header = ("query", "name", "kind", "lat", "lon", "cc", "population", "id")
    table = [header]
    for r in rows:
        if r["name"] is None:
            table.append((r["query"], "(not found)", "", "", "", "", "", ""))
            continue
        table.append(
            (
                r["query"],
                r["name"],
                r["kind"] or "",
                f"{r['latitude']:.5f}",
                f"{r['longitude']:.5f}",
                r["country_code"] or "",
                str(r["population"] or ""),
                str(r["id"]),
            )
        )
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _add_demo(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="run the main job on the embedded sample data")
    p.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from geo.demo import run

    return run()


def _add_front(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("front", help="front lines: derive them from areas of control")
    front = p.add_subparsers(dest="front_command", required=True, metavar="ACTION")
    d = front.add_parser(
        "derive",
        help="derive dated front lines from areas of control",
        description="Write the front line of each area of control (one polygon per date): "
        "the part of its outline that is neither an international border nor a coastline.",
    )
    d.add_argument(
        "control",
        nargs="+",
        metavar="CONTROL",
        help="areas of control: files, folders or glob patterns (dates from a date column "
        "or the file names: YYYY-MM-DD, YYYYMMDD or a Unix time)",
    )
    d.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="GeoJSON to write (- for stdout)"
    )
    d.add_argument(
        "--boundaries",
        metavar="FILE",
        help="country polygons whose outlines are borders and coasts (default: embedded)",
    )
    d.add_argument(
        "--tolerance-km",
        type=_distance_km,
        default=config.FRONT_BORDER_TOLERANCE_KM,
        metavar="KM",
        help="edges within this distance of a border or coast are not front, nor strips of "
        f"land narrower than twice it (default {config.FRONT_BORDER_TOLERANCE_KM:g})",
    )
    d.add_argument(
        "--min-length-km",
        type=_distance_km,
        default=config.FRONT_MIN_LENGTH_KM,
        metavar="KM",
        help=f"drop pieces of front shorter than this (default {config.FRONT_MIN_LENGTH_KM:g})",
    )
    d.add_argument(
        "--layer",
        action="append",
        metavar="TEXT",
        help="keep only rows whose layer name holds TEXT, any case (repeatable), e.g. "
        "--layer occupied --layer CADR --layer crimea for DeepStateMap snapshots",
    )
    d.add_argument(
        "--layer-column",
        metavar="NAME",
        help="column naming the layers (default: name, layer, type...)",
    )
    d.add_argument(
        "--area",
        type=_area,
        metavar="AREA",
        help="cut the areas to this area of interest first: ISO country codes (UA or UA,RU), "
        "a box WEST,SOUTH,EAST,NORTH in degrees, or a polygon file",
    )
    d.add_argument(
        "--source", metavar="TEXT", help="who drew the areas (e.g. DeepStateMap), for credits"
    )
    d.set_defaults(handler=_run_front_derive)


def _run_front_derive(args: argparse.Namespace) -> int:
    from geo.frontline import derive_front_lines
    from geo.io.files import check_writable, is_stream, open_output

    if args.output != "-":
        if not args.output.lower().endswith((".geojson", ".json")) and not is_stream(args.output):
            raise OutputError(
                f"cannot write {args.output}: front lines are written as GeoJSON; give a "
                ".geojson file name (or - for standard output)"
            )
        check_writable(args.output)
        area_file = args.area if isinstance(args.area, str) else None
        _check_not_input(args.output, [*args.control, args.boundaries, area_file])
    lines = derive_front_lines(
        args.control,
        boundaries=args.boundaries,
        tolerance_km=args.tolerance_km,
        min_length_km=args.min_length_km,
        layers=args.layer,
        layer_column=args.layer_column,
        area=args.area,
        source=args.source,
    )
    for column in ("valid_from", "valid_to"):
        lines[column] = lines[column].dt.strftime("%Y-%m-%d").astype(object)
        lines[column] = lines[column].where(lines[column].notna(), None)
    text = lines.to_json(drop_id=True, ensure_ascii=False) + "\n"
    with open_output(args.output) as fh:
        fh.write(text)
    empty = int(lines.geometry.is_empty.sum())
    print(f"geo front derive: {len(lines)} line(s) written to {args.output}", file=sys.stderr)
    if empty:
        print(
            f"geo front derive: {empty} area(s) have no front (all border or coast, or left "
            "out: see the warnings above)",
            file=sys.stderr,
        )
    return 0


def _add_reading_options(p: argparse.ArgumentParser, *, what: str) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="text/Markdown/HTML files, JSONL or CSV corpora, folders, glob patterns, "
        "or - for standard input",
    )
    p.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUT",
        help=f"{what} file: .geojson, .csv, .parquet or .gpkg (format from the extension), "
        "or - for GeoJSON on standard output (default)",
    )
    p.add_argument(
        "--format",
        choices=("geojson", "geojsonl", "geojsonseq", "csv", "parquet", "gpkg", "acled"),
        help="output format when the extension does not say it; 'acled' writes a CSV with "
        "ACLED's columns (incidents only)",
    )
    p.add_argument(
        "--lang",
        choices=_languages(),
        help="language of every input (default: detected per document, and per sentence "
        "in mixed text)",
    )
    p.add_argument(
        "--date", type=_date, metavar="DATE", help="date of inputs that give none (YYYY-MM[-DD])"
    )
    for role in ("text", "date", "title", "url", "id"):
        p.add_argument(
            f"--{role}-column",
            metavar="NAME",
            help=f"{role} column of CSV/JSONL corpora (default: common names)",
        )
    p.add_argument(
        "--max-chars",
        type=_positive_int,
        default=config.MAX_DOCUMENT_CHARS,
        metavar="N",
        help=f"skip longer documents (default {config.MAX_DOCUMENT_CHARS:,})",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress line on standard error (default: when it is a terminal)",
    )


def _add_table_options(p: argparse.ArgumentParser) -> None:
    """Options of ``geo events`` and ``geo map`` for event tables and areas of control."""
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        default=None,
        help="read numeric dates of tables that can be read both ways (05/02/2014) day first",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read them month first (default: as the column's other dates show, else day "
        "first with a warning)",
    )
    p.add_argument(
        "--control",
        action="append",
        metavar="FILE",
        help="areas of control (polygons dated like front lines; files, folders or patterns; "
        "repeatable): fills which side of the front each event is on and, unless --front is "
        "given, measures distances to the fronts derived from them",
    )


def _stdin_inputs(inputs: Sequence[str]) -> tuple[list[str], dict[str, Any]]:
    """Standard input read once: an event table on it is read as a table (through
    :data:`geo.io.tables.STDIN_PATH`), anything else as articles (from the same bytes)."""
    import io

    items = list(inputs)
    if "-" not in items:
        return items, {}
    from geo.io.documents import take_held
    from geo.io.tables import STDIN_PATH, hold_stdin

    if hold_stdin():
        return [STDIN_PATH if item == "-" else item for item in items], {}
    data = take_held(STDIN_PATH) or b""
    return items, {"stdin": io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")}


def _reading_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "lang": args.lang,
        "date": args.date,
        "text_column": args.text_column,
        "date_column": args.date_column,
        "title_column": args.title_column,
        "url_column": args.url_column,
        "id_column": args.id_column,
        "max_chars": args.max_chars,
    }


def _report_problems(command: str, problems: Sequence[Any]) -> int:
    """Print input problems to standard error; 1 if anything was skipped, else 0.

    At most :data:`geo.config.CLI_PROBLEMS_PER_SOURCE` lines per file, then a count, so
    that a table with thousands of bad rows does not bury the rest.
    """
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in problems:
        n = shown.get(problem.source, 0)
        if n >= config.CLI_PROBLEMS_PER_SOURCE:
            hidden[problem.source] = hidden.get(problem.source, 0) + 1
            continue
        shown[problem.source] = n + 1
        level = "warning" if problem.level == "warning" else "skipped"
        print(f"geo {command}: {level}: {_short(str(problem), 500)}", file=sys.stderr)
    for source, n in hidden.items():
        print(f"geo {command}: ... and {n:,} more problem(s) in {source}", file=sys.stderr)
    skipped = [p for p in problems if p.level == "error"]
    if skipped:
        print(f"geo {command}: {_skipped_summary(skipped)}", file=sys.stderr)
    return 1 if skipped else 0


def _skipped_summary(skipped: Sequence[Any]) -> str:
    """The last line of a run that skipped something: how many rows (per file) and files.

    Examples
    --------
    >>> from geo.io.documents import Problem
    >>> _skipped_summary([Problem("a.csv", "x", row=3), Problem("a.csv", "y", row=9),
    ...                   Problem("b.txt", "empty file")])
    'skipped 2 row(s) (2 in a.csv) and 1 file(s); every other row and file was read'
    """
    rows: dict[str, int] = {}
    for problem in skipped:
        if problem.row is not None:
            rows[problem.source] = rows.get(problem.source, 0) + 1
    files = sum(1 for p in skipped if p.row is None)
    parts = []
    if rows:
        where = ", ".join(f"{n:,} in {_short(source)}" for source, n in list(rows.items())[:5])
        more = f", {len(rows) - 5} more file(s)" if len(rows) > 5 else ""
        parts.append(f"{sum(rows.values()):,} row(s) ({where}{more})")
    if files:
        parts.append(f"{files:,} file(s)")
    return f"skipped {' and '.join(parts)}; every other row and file was read"


def _nothing_read(command: str, problems: Sequence[Any], n_read: int) -> bool:
    """Whether every input was skipped (then no output is written; exit status 2)."""
    if n_read or not any(p.level == "error" for p in problems):
        return False
    _report_problems(command, problems)
    print(
        f"geo {command}: error: nothing could be read (every input was skipped, see above); "
        "no output written",
        file=sys.stderr,
    )
    return True


def _check_output(path: str, fmt: str | None, inputs: Sequence[str]) -> None:
    """Fail before any work if the output cannot be written (format, folder) or is one of
    the inputs (given by name, or found in a folder or by a pattern)."""
    from geo.io.files import check_writable
    from geo.io.writers import output_format

    output_format(path, format=fmt)
    if path != "-":
        check_writable(path)
        _check_not_input(path, inputs)


def _check_not_input(path: str, inputs: Sequence[str | None]) -> None:
    from geo.io.documents import expand_inputs
    from geo.io.files import check_not_input

    given = [i for i in inputs if i]
    check_not_input(path, [*given, *expand_inputs(given, [])])


def _add_parallel_options(p: argparse.ArgumentParser) -> None:
    """``--workers``, ``--dask-scheduler`` and ``--dask-local`` (geo.pipeline.run)."""
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--workers",
        type=_positive_int,
        metavar="N",
        help="processes that read the articles (default: every core; 1: this process only)",
    )
    group.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help="run on a dask.distributed cluster through its scheduler (tcp://host:8786)",
    )
    group.add_argument(
        "--dask-local",
        type=_positive_int,
        metavar="N",
        help="run on a Dask LocalCluster of N worker processes started for this run",
    )


@contextlib.contextmanager
def _parallel(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """The ``workers``/``executor`` arguments of geo.pipeline for the options given."""
    if args.dask_scheduler is None and args.dask_local is None:
        yield {"workers": args.workers, "executor": None}
        return
    from geo.pipeline import dask_client

    with dask_client(scheduler=args.dask_scheduler, local=args.dask_local) as client:
        yield {"workers": None, "executor": client}


def _add_parse(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "parse",
        help="find and geocode every place name in articles",
        description="Write every place-name occurrence of the inputs with its offsets in the "
        "input text and its gazetteer place. Exit status 1 if an input was skipped.",
    )
    _add_reading_options(p, what="mentions")
    _add_parallel_options(p)
    p.add_argument(
        "--explain",
        action="store_true",
        help="print on standard error why each place was chosen: the terms of its score "
        "(also in the 'why' column of the output)",
    )
    p.set_defaults(handler=_run_parse)


def _languages() -> tuple[str, ...]:
    from geo.lang import LANGUAGES

    return LANGUAGES


def _explain(frame: Any) -> None:
    """Print why each place was chosen (``geo parse --explain``), one line per mention."""
    for row in frame.itertuples(index=False):
        where = f"{_short(str(row.doc_id), 60)}:{row.char_start}"
        place = f"{row.name} ({row.kind}, {row.country_code or '-'}, {row.gazetteer_id})"
        print(f"{where}  {_short(str(row.mention), 60)} -> {place}", file=sys.stderr)
        if row.why:
            print(f"    {_short(str(row.why), 500)}", file=sys.stderr)


def _run_parse(args: argparse.Namespace) -> int:
    from geo.io.documents import InputWarning, Problem, Progress
    from geo.pipeline import write

    _check_output(args.output, args.format, args.inputs)
    problems: list[Problem] = []
    progress = Progress("documents", enabled=args.progress)

    def explain(frame: Any) -> Any:
        _explain(frame)
        return frame

    with warnings.catch_warnings(), _parallel(args) as parallel:
        warnings.simplefilter("ignore", InputWarning)  # reported from `problems` below
        written = write(
            args.inputs,
            args.output,
            task="mentions",
            format=args.format,
            post=explain if args.explain else None,
            before_write=lambda: not _nothing_read("parse", problems, progress.count),
            problems=problems,
            progress=progress,
            **parallel,
            **_reading_options(args),
        )
    if written < 0:
        return 2
    return _report_problems("parse", problems)


def _add_events(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "events",
        help="dated, typed, geocoded events from articles or ACLED/UCDP tables",
        description="Write one event per place per reported incident (ACLED columns), from "
        "articles, or read ACLED / UCDP GED CSV tables into the same columns. Exit status 1 "
        "if an input was skipped.",
    )
    _add_reading_options(p, what="events")
    _add_table_options(p)
    p.add_argument(
        "--boundaries",
        nargs="?",
        const="",
        metavar="FILE",
        help="add the country/subdivision/disputed area of each event from these polygons "
        "(no FILE: the embedded boundaries)",
    )
    p.add_argument(
        "--front",
        nargs="?",
        const="",
        metavar="FILE",
        help="add the distance to the front line of each event's date from these dated lines "
        "(no FILE: the embedded 1994 ceasefire line)",
    )
    _add_merge_option(p)
    _add_parallel_options(p)
    p.set_defaults(handler=_run_events)


def _add_merge_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-merge",
        dest="merge",
        action="store_false",
        help="one event per incident per article; by default the incidents several articles "
        "report (same or nearby place, same or next day, compatible type) are one event with "
        "its sources listed",
    )


def _run_events(args: argparse.Namespace) -> int:
    from geo.io.documents import InputWarning, Problem, Progress
    from geo.io.tables import date_order
    from geo.pipeline import write

    control = args.control or None
    _check_output(
        args.output, args.format, [*args.inputs, args.boundaries, args.front, *(control or [])]
    )
    # Read the layers first: a bad file fails now, not after every article was parsed
    # (they are cached, so join_regions/distance_to_front below do not read them again).
    if args.boundaries:
        from geo.regions import load_boundaries

        load_boundaries(path=args.boundaries)
    if args.front or control:
        from geo.frontline import front_lines

        front_lines(front=args.front or None, control=control)

    def post(frame: Any) -> Any:
        if args.boundaries is not None:
            from geo.regions import join_regions

            frame = join_regions(frame, boundaries=args.boundaries or None)
        if args.front is not None or control:
            from geo.frontline import distance_to_front

            frame = distance_to_front(frame, front=args.front or None, control=control)
        return frame

    inputs, stdin = _stdin_inputs(args.inputs)
    problems: list[Problem] = []
    progress = Progress("documents", enabled=args.progress)
    with warnings.catch_warnings(), date_order(args.dayfirst), _parallel(args) as parallel:
        warnings.simplefilter("ignore", InputWarning)  # reported from `problems` below
        written = write(
            inputs,
            args.output,
            task="events",
            format=args.format,
            merge=args.merge,
            post=post,
            before_write=lambda: not _nothing_read("events", problems, progress.count),
            problems=problems,
            progress=progress,
            **parallel,
            **_reading_options(args),
            **stdin,
        )
    if written < 0:
        return 2
    return _report_problems("events", problems)


def _add_map(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "map",
        help="interactive HTML map of events from articles or event tables",
        description="Run the whole pipeline (read, geoparse, events, regions, distance to the "
        "front) and write one self-contained HTML map: clustered events, heat map, front lines "
        "with distance bands, events per admin-1 region, a time slider by day. Exit status 1 if "
        "an input was skipped.",
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="articles (text, Markdown, HTML), JSONL/CSV corpora, folders, glob patterns, "
        "event tables (ACLED or UCDP GED CSV) or geo's GeoJSON/GeoPackage/Parquet outputs",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="HTML",
        help="map file to write (- for standard output)",
    )
    p.add_argument(
        "--front",
        metavar="FILE",
        help="dated front lines (GeoJSON, GeoPackage...); 'none' for no front "
        "(default: the embedded 1994 ceasefire line, for events in Armenia and Azerbaijan, "
        "and the fronts derived from --control)",
    )
    _add_table_options(p)
    p.add_argument(
        "--boundaries",
        metavar="FILE",
        help="admin-1 polygons for regions and the choropleth; 'none' for no choropleth "
        "(default: the embedded Natural Earth subdivisions)",
    )
    p.add_argument(
        "--since", type=_day, metavar="DATE", help="map events of this day or later (YYYY-MM-DD)"
    )
    p.add_argument("--until", type=_day, metavar="DATE", help="map events of this day or earlier")
    p.add_argument(
        "--geocoder",
        default=config.DEFAULT_GEOCODER,
        metavar="NAME",
        help="geocoder for events with a place name but no coordinates: 'offline' (default) "
        "or a geopy service name such as 'nominatim'",
    )
    _add_geocoder_option(p)
    p.add_argument("--title", help=f"title of the map (default: {config.MAP_TITLE!r})")
    assets = p.add_mutually_exclusive_group()
    assets.add_argument(
        "--cdn",
        action="store_true",
        help="link Leaflet and its plugins on a CDN (with integrity hashes) instead of inlining "
        "them: a smaller file that needs the network, and says so when it has none (default: "
        "every script inlined, the map works offline)",
    )
    assets.add_argument(
        "--offline",
        action="store_true",
        help="no effect, kept for compatibility: maps are offline unless --cdn",
    )
    p.add_argument(
        "--online-tiles",
        action="store_true",
        help="offer OpenStreetMap's web tiles as a second base layer in the layer control "
        "(hidden at first; needs the network when picked); the offline base map stays",
    )
    p.add_argument(
        "--credit",
        action="append",
        default=[],
        metavar="TEXT",
        help="credit shown on the map, for data of your own (--front, --boundaries, "
        "--basemap); repeatable. ACLED, UCDP, GeoNames, Natural Earth and the fronts' "
        "sources are credited from the data",
    )
    p.add_argument(
        "--basemap",
        metavar="PMTILES",
        help="a PMTiles file (e.g. a Protomaps extract) embedded as the base map, for full "
        "detail offline",
    )
    p.add_argument(
        "--lang",
        choices=_languages(),
        help="language of every input (default: detected per document, and per sentence "
        "in mixed text)",
    )
    p.add_argument(
        "--date", type=_date, metavar="DATE", help="date of inputs that give none (YYYY-MM[-DD])"
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress on standard error (default: when it is a terminal)",
    )
    _add_merge_option(p)
    _add_parallel_options(p)
    p.set_defaults(handler=_run_map)


def _run_map(args: argparse.Namespace) -> int:
    import time

    from geo.frontline import distance_to_front, front_lines, load_front_lines
    from geo.io.documents import InputWarning, Problem, Progress
    from geo.io.files import display_path, is_stream
    from geo.io.tables import date_order
    from geo.mapping import check_output, write_map
    from geo.pipeline import build_events
    from geo.regions import load_boundaries

    start = time.perf_counter()
    tell = sys.stderr.isatty() if args.progress is None else args.progress

    def stage(text: str) -> None:
        if tell:
            print(f"geo map: {text} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)

    if args.since and args.until and args.since > args.until:
        raise InputError(
            f"--since {args.since} is after --until {args.until}: no event can be in between; "
            "swap them"
        )
    to_stdout = args.output == "-"
    if to_stdout:
        args.output = "/dev/fd/1"  # the descriptor itself is written (see geo.io.files)
    check_output(args.output)
    if args.basemap:
        from geo.mapping.basemap import read_pmtiles

        read_pmtiles(args.basemap)  # a bad base map fails before the pipeline runs
    off = ("none", "")
    control = args.control or None
    layers = [None if layer in off else layer for layer in (args.front, args.boundaries)]
    _check_not_input(args.output, [*args.inputs, *layers, *(control or [])])
    # the lines drawn are those distances are measured to: the embedded line (and the
    # fronts derived from --control) unless --front says otherwise
    front = (
        None
        if args.front in off
        else front_lines(front=args.front, control=control)
        if args.front is not None or control
        else load_front_lines()
    )
    boundaries = None if args.boundaries in off else load_boundaries(path=args.boundaries)
    if control:
        stage("areas of control read")
    inputs, stdin = _stdin_inputs(args.inputs)
    problems: list[Problem] = []
    progress = Progress("documents", enabled=args.progress)
    with warnings.catch_warnings(), date_order(args.dayfirst), _parallel(args) as parallel:
        warnings.simplefilter("ignore", InputWarning)  # reported from `problems` below
        events = build_events(
            inputs,
            geocoder=_geocoder(args),
            front=None,  # measured below, with the control areas
            boundaries=boundaries,
            problems=problems,
            progress=progress,
            lang=args.lang,
            date=args.date,
            merge=args.merge,
            **parallel,
            **stdin,
        )
    if _nothing_read("map", problems, progress.count):
        return 2
    if front is not None:
        events = distance_to_front(
            events, front=args.front if args.front is not None else None, control=control
        )
    stage(f"{len(events):,} events read")
    report = write_map(
        events,
        args.output,
        front=front,
        boundaries=boundaries,
        title=args.title,
        cdn=args.cdn,
        online_tiles=args.online_tiles,
        attribution=args.credit,
        since=args.since,
        until=args.until,
        basemap=args.basemap,
    )
    summary = report.summary
    parts = [f"{summary.n_mapped:,} events on the map"]
    if summary.n_outside_dates:
        parts.append(f"{summary.n_outside_dates:,} outside the dates")
    if summary.n_missing_coordinates:
        parts.append(f"{summary.n_missing_coordinates:,} without coordinates (listed in the map)")
    print(f"geo map: {'; '.join(parts)}", file=sys.stderr)
    for row in summary.missing.head(20).itertuples(index=False):
        where = _short(str(row.location or row.mention or "(no place name)"))
        print(
            f"geo map: no coordinates: {where} ({row.event_date}, {_short(str(row.source))})",
            file=sys.stderr,
        )
    if summary.n_missing_coordinates > 20:
        print(f"geo map: ... and {summary.n_missing_coordinates - 20} more", file=sys.stderr)
    for note in summary.notes:
        print(f"geo map: note: {note}", file=sys.stderr)
    # the page's path on standard output, unless the page itself went there
    page_note = sys.stderr if is_stream(args.output) else sys.stdout
    shown = "standard output" if to_stdout else display_path(report.path)
    print(f"{shown} ({report.size_bytes / 1e6:.1f} MB)", file=page_note)
    stage("done")
    return _report_problems("map", problems)  # last: what was skipped, if anything


def _add_gazetteer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "gazetteer",
        help="import GeoNames dumps into the offline gazetteer, list or remove them",
        description="Import a GeoNames country or allCountries dump that you downloaded "
        "(download.geonames.org, .txt or .zip), so its villages, districts, water bodies and "
        "camps resolve offline. The import is kept in the user cache folder and loaded with "
        "the embedded gazetteer; it is rebuilt when the dump changes.",
    )
    actions = p.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="import a GeoNames dump (streamed: allCountries fits)")
    add.add_argument("file", metavar="FILE", help="XX.txt, allCountries.txt or their .zip")
    add.add_argument(
        "--alternates",
        metavar="FILE",
        help="alternateNamesV2.txt (or a country's alternate names file): names in other languages",
    )
    add.add_argument("--name", help="name to list and remove it by (default: the file's name)")
    add.set_defaults(handler=_run_gazetteer_add)
    lst = actions.add_parser("list", help="list the imported dumps")
    lst.set_defaults(handler=_run_gazetteer_list)
    rm = actions.add_parser("remove", help="remove an imported dump")
    rm.add_argument("name", metavar="NAME", help="its name, as `geo gazetteer list` shows it")
    rm.set_defaults(handler=_run_gazetteer_remove)


def _run_gazetteer_add(args: argparse.Namespace) -> int:
    from geo.gazetteer import add_extension

    shown: dict[str, int] = {}

    def progress(what: str, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent >= shown.get(what, -10) + 10 or done >= total:
            shown[what] = percent
            print(f"geo gazetteer add: {_short(what)}: {percent}%", file=sys.stderr)

    ext = add_extension(args.file, alternates=args.alternates, name=args.name, progress=progress)
    for line in ext.report.splitlines():
        print(f"geo gazetteer add: {_short(line, 2000)}", file=sys.stderr)
    print(f"{ext.name}: {ext.places:,} places, {ext.names:,} names ({ext.file})")
    return 1 if "malformed" in ext.report else 0


def _run_gazetteer_list(args: argparse.Namespace) -> int:
    from geo.gazetteer import list_extensions

    for ext in list_extensions():
        alternates = f" + {ext.alternates}" if ext.alternates else ""
        print(f"{ext.name}\t{ext.places}\t{ext.names}\t{ext.state}\t{ext.source}{alternates}")
    return 0


def _run_gazetteer_remove(args: argparse.Namespace) -> int:
    from geo.gazetteer import remove_extension

    ext = remove_extension(args.name)
    print(f"removed {ext.name} ({ext.source})")
    return 0


_SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _add_geocode,
    _add_demo,
    _add_front,
    _add_parse,
    _add_events,
    _add_map,
    _add_gazetteer,
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``geo`` command."""
    from geo import __version__

    parser = argparse.ArgumentParser(
        prog="geo", description="Turn conflict reporting into geocoded events and maps."
    )
    parser.add_argument("--version", action="version", version=f"geo {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in _SUBCOMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geo`` console script; returns the exit status.

    0: done; 1: done, but some input was skipped; 2: nothing done (bad arguments, unreadable
    layer, unwritable output...); 130: interrupted (Ctrl-C); 143: terminated (SIGTERM, as
    sent by ``kill`` or a job scheduler), after the same clean-up as Ctrl-C (no temporary
    file left, a previous output unchanged). Every failure is one line on standard error,
    never a traceback (``GEO_DEBUG=1`` shows the traceback of unexpected errors).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    command = args.command
    if getattr(args, "front_command", None):
        command = f"{command} {args.front_command}"
    if getattr(args, "gazetteer_command", None):
        command = f"{command} {args.gazetteer_command}"
    with _terminate_like_ctrl_c():
        return _run(handler, args, command)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it unwinds like Ctrl-C."""


@contextlib.contextmanager
def _terminate_like_ctrl_c() -> Iterator[None]:
    """Turn SIGTERM into :class:`_Terminated` while a command runs (main thread only)."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(handler: Handler, args: argparse.Namespace, command: str) -> int:
    with warnings.catch_warnings():
        # A command line tells of repairs (no CRS, invalid polygons...) in one line each.
        from geo.errors import GeoWarning

        warnings.filterwarnings("always", category=GeoWarning)
        warnings.showwarning = _warning_printer(command)
        try:
            return handler(args)
        except GeoError as err:
            print(f"geo {command}: error: {_short(str(err), 2000)}", file=sys.stderr)
            return 2
        except _Terminated:
            print(f"geo {command}: terminated; no output written", file=sys.stderr)
            return 143
        except KeyboardInterrupt:
            print(f"geo {command}: interrupted; no output written", file=sys.stderr)
            return 130
        except BrokenPipeError:
            _silence_stdout()
            return 0
        except MemoryError:
            print(
                f"geo {command}: error: out of memory; give fewer or smaller inputs at a time",
                file=sys.stderr,
            )
            return 2
        except OSError as err:
            where = f"{err.filename}: " if err.filename else ""
            print(f"geo {command}: error: {where}{err.strerror or err}", file=sys.stderr)
            return 2
        except Exception as err:
            if os.environ.get("GEO_DEBUG"):
                raise
            print(
                f"geo {command}: error: unexpected {type(err).__name__}: {_short(str(err))} "
                "(a bug in geo: run again with GEO_DEBUG=1 for the traceback and report it)",
                file=sys.stderr,
            )
            return 2


# ------------------------------------------------------------------------------ helpers


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _short(text: str, limit: int = 120) -> str:
    """``text`` for a message: cut to ``limit`` characters (a query can be megabytes), and
    with control characters shown as escapes, so that text from an article cannot move the
    cursor or recolour the terminal (ANSI escape sequences, bidirectional overrides)."""
    text = text if len(text) <= limit else f"{text[: limit - 1]}\u2026"
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _warning_printer(command: str) -> Callable[..., None]:
    def show(message: Warning | str, category: type[Warning], *args: Any, **kw: Any) -> None:
        print(f"geo {command}: warning: {_short(str(message), 500)}", file=sys.stderr)

    return show


def _silence_stdout() -> None:
    """After a broken pipe (``geo ... | head``), let the interpreter exit without a message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _date(value: str) -> str:
    """``--date``: YYYY, YYYY-MM or YYYY-MM-DD (checked now, not after the work)."""
    from geo.io.documents import parse_date

    try:
        parse_date(value)
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(value: str) -> str:
    """``--since``/``--until``: a day, YYYY-MM-DD."""
    import datetime as dt

    try:
        if not _DAY.match(value.strip()):
            raise ValueError
        dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid day {value!r}; write it as YYYY-MM-DD (e.g. 2020-10-04)"
        ) from None
    return value.strip()


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def _area(value: str) -> str | list[str] | tuple[float, float, float, float]:
    """``--area``: country codes (``UA`` or ``UA,RU``), a box ``W,S,E,N``, or a file."""
    parts = [p.strip() for p in value.split(",")]
    if all(re.fullmatch(r"[A-Za-z]{2}", p) for p in parts):
        return [p.upper() for p in parts]
    if len(parts) == 4:
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            pass
        else:
            if not (west < east and south < north):
                raise argparse.ArgumentTypeError(
                    f"box {value!r}: give WEST,SOUTH,EAST,NORTH with west < east, south < north"
                )
            return (west, south, east, north)
    if not os.path.exists(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} is no country code (UA), box (W,S,E,N) or existing file"
        )
    return value


def _distance_km(value: str) -> float:
    try:
        km = float(value)
    except ValueError:
        km = -1.0
    if not math.isfinite(km) or km < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a distance in km (0 or more)")
    return km


if __name__ == "__main__":
    sys.exit(main())
