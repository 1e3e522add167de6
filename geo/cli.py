"""Command line interface: ``geo SUBCOMMAND ...``.

A thin shell over the library: each subcommand parses its arguments, calls library
functions and prints or writes their results. Heavy modules (geopandas, folium) are imported
inside the subcommands that need them, so ``geo geocode`` starts fast.

Each subcommand is added by an ``_add_<name>(subparsers)`` function listed in
``_SUBCOMMANDS``; its handler returns the process exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from geo import defaults
from geo.errors import GeoError

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _add_geocode(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "geocode",
        help="geocode place names (offline by default)",
        description="Geocode place names as written in the press, in any of the supported "
        "languages. Exit status 1 if any name was not found.",
    )
    p.add_argument("names", nargs="+", metavar="NAME", help="place names to geocode")
    p.add_argument("--all", action="store_true", help="list every candidate, best first")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--geocoder",
        default=defaults.DEFAULT_GEOCODER,
        metavar="NAME",
        help="'offline' (default) or a geopy service name such as 'nominatim'",
    )
    p.add_argument(
        "--country",
        action="append",
        metavar="CC",
        help="restrict to these ISO 3166-1 alpha-2 country codes (repeatable)",
    )
    p.set_defaults(handler=_run_geocode)


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
    from geo.geocode import get_geocoder

    geocoder = get_geocoder(args.geocoder)
    rows: list[dict[str, Any]] = []
    missing: list[str] = []
    for query in args.names:
        kwargs: dict[str, Any] = {"exactly_one": not args.all}
        if args.country:
            kwargs["country_codes"] = args.country
        try:
            found = geocoder.geocode(query, **kwargs)
        except GeoError as err:
            print(f"geo geocode: {query!r}: {err}", file=sys.stderr)
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
        print(f"geo geocode: not found: {query!r}", file=sys.stderr)
    return 1 if missing else 0


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


_SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _add_geocode,
    _add_demo,
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
    """Entry point of the ``geo`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except GeoError as err:
        print(f"geo {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"geo {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
