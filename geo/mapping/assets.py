"""Third-party JavaScript/CSS for offline maps, fetched from npm at install time.

Nothing third-party is kept in the repository. ``python -m geo.mapping.assets fetch`` (run by
``make``) asks the ``npm`` client for each pinned package tarball (``npm pack NAME@VERSION``,
through whatever registry npm is configured with), checks the tarball against the pinned
SHA-512 integrity, and extracts the few files a map needs into the asset directory
(``$GEO_ASSETS_DIR``, or ``share/geo/assets`` under the Python environment). Every file
is checked again against its pinned SHA-256 when a map inlines it.

A map inlines these files by default (:func:`inline_js`, :func:`inline_css`): the page then
requests nothing. With ``cdn=True`` it links the same versions on a CDN instead
(:func:`cdn_js`, :func:`cdn_css`), each with a Subresource Integrity hash computed from the
local copy, so a browser runs only the very bytes that were checked here.

Examples
--------
>>> from geo.mapping.assets import RESOURCES
>>> RESOURCES["leaflet"].package.name
'leaflet'
"""

from __future__ import annotations

import argparse
import base64
import functools
import hashlib
import html
import io
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from geo import config
from geo.errors import DataError

__all__ = [
    "PACKAGES",
    "RESOURCES",
    "NpmPackage",
    "Resource",
    "assets_dir",
    "cdn_css",
    "cdn_js",
    "cdn_url",
    "check_assets",
    "fetch_assets",
    "inline_css",
    "inline_js",
    "read_asset",
    "subresource_integrity",
]


@dataclass(frozen=True)
class NpmPackage:
    """A pinned npm package and the files taken from it (path -> SHA-256 hex digest)."""

    name: str
    version: str
    integrity: str
    license: str
    files: dict[str, str]

    @property
    def spec(self) -> str:
        """``name@version`` as given to ``npm pack``."""
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class Resource:
    """One JS or CSS file a page needs, by the name folium gives it (``default_js``)."""

    package: NpmPackage
    path: str
    kind: Literal["js", "css"]


LEAFLET = NpmPackage(
    name="leaflet",
    version="1.9.4",
    integrity="sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
    license="BSD-2-Clause",
    files={
        "dist/leaflet.js": "db49d009c841f5ca34a888c96511ae936fd9f5533e90d8b2c4d57596f4e5641a",
        "dist/leaflet.css": "a7837102824184820dfa198d1ebcd109ff6d0ff9a2672a074b9a1b4d147d04c6",
        "dist/images/layers.png": (
            "1dbbe9d028e292f36fcba8f8b3a28d5e8932754fc2215b9ac69e4cdecf5107c6"
        ),
        "dist/images/layers-2x.png": (
            "066daca850d8ffbef007af00b06eac0015728dee279c51f3cb6c716df7c42edf"
        ),
        "dist/images/marker-icon.png": (
            "574c3a5cca85f4114085b6841596d62f00d7c892c7b03f28cbfa301deb1dc437"
        ),
        "LICENSE": "53e8dc25862014e4324741ca18fbe3611e11d42ef69f59f86ea8c5389647d4cb",
    },
)

LEAFLET_HEAT = NpmPackage(
    name="leaflet.heat",
    version="0.2.0",
    integrity="sha512-Cd5PbAA/rX3X3XKxfDoUGi9qp78FyhWYurFg3nsfhntcM/MCNK08pRkf4iEenO1KNqwVPKCmkyktjW3UD+h9bQ==",
    license="BSD-2-Clause",
    files={
        "dist/leaflet-heat.js": "eb952aae5806a1102729f291bab887dde783ace859819a354827a776e73e486a",
        "LICENSE": "9010b843aad8e450890fc18dae2dfec00e68c10da775515801c42878afbb0da1",
    },
)

# Only the benchmark's plain-folium baseline uses it (folium's MarkerCluster plugin).
LEAFLET_MARKERCLUSTER = NpmPackage(
    name="leaflet.markercluster",
    version="1.5.3",
    integrity="sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA==",
    license="MIT",
    files={
        "dist/leaflet.markercluster.js": (
            "1e4e1d22972a3926f48598e0caf14e3fe7049835d428a344fed4f9e3665b3508"
        ),
        "dist/MarkerCluster.css": (
            "614dea0a98ff3f4ead74f04918f6b1d1b9ba435c25b5fc23b21a394d1e3e4d87"
        ),
        "dist/MarkerCluster.Default.css": (
            "61258232d98d64dc2a7b1e02130d67421bc5b9bda5994eef70228ff97570c170"
        ),
        "MIT-LICENCE.txt": "3133dacd38250bd1f524d8166cc60a016a382522e062fce143691c65bf5e4b3d",
    },
)

# folium's popups and some plugins call jQuery; geo's own maps do not need it.
JQUERY = NpmPackage(
    name="jquery",
    version="3.7.1",
    integrity="sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
    license="MIT",
    files={
        "dist/jquery.min.js": "fc9a93dd241f6b045cbff0481cf4e1901becd0e12fb45166a8f17f95823f0b1a",
        "LICENSE.txt": "d4db9ebe6f29f5168eac45ad713f055623ac5d0dcd5ba92da23d650ae012020d",
    },
)

# A user's PMTiles base map (``--basemap``): vector tiles drawn on canvas; it bundles the
# PMTiles reader but does not export it, hence the ``pmtiles`` package below.
PROTOMAPS_LEAFLET = NpmPackage(
    name="protomaps-leaflet",
    version="5.1.0",
    integrity="sha512-N0YY1Gbw5nZ9n8VUOvwHKm/w3zhTTuaZEeMZl8doHemeM4ujGPp2otI6t4Sgqrz8iM4svx2rpG1Q17rHkOWSaA==",
    license="BSD-3-Clause",
    files={
        "dist/protomaps-leaflet.js": (
            "26af014f7b1af308ec120b791cff76657bb9c3383633b52033e6edf9e5e4cdb5"
        ),
        "LICENSE": "a2ada548aa25012e833b71364a402d6924f2afcf5f8f146e2989a377290ab3ad",
    },
)

# Reads a PMTiles archive held in the page (the package ships no LICENSE file: BSD-3-Clause
# per its package.json).
PMTILES = NpmPackage(
    name="pmtiles",
    version="4.5.0",
    integrity="sha512-CBeD4SoUluFziGdy/8k7FOjQxQy486n+929W/tWophauvMICpkZ26vGBWhDt/6b1FZQWNaf4jFdT/5+q0Wii5w==",
    license="BSD-3-Clause",
    files={
        "dist/pmtiles.js": "caf981bc46f6327ee7e65d5dc964d89d38a69f60edca2bd4c5c890c21b554c6c",
    },
)

# The PNG export of the current view (the map's DOM drawn into a canvas).
HTML_TO_IMAGE = NpmPackage(
    name="html-to-image",
    version="1.11.13",
    integrity="sha512-cuOPoI7WApyhBElTTb9oqsawRvZ0rHhaHwghRLlTuffoD1B2aDemlCruLeZrUIIdvG7gs9xeELEPm6PhuASqrg==",
    license="MIT",
    files={
        "dist/html-to-image.js": (
            "a90b42909d80964269ef6d5f3d1e4a5a7e2a4c263a5d2a76a9e7151901343262"
        ),
        "LICENSE": "9fe73723f7a9e91057f73aafc9b6a3c3b2174db2b3ddc0a3a6a8ddf2bad68e37",
    },
)

#: Every package fetched at install time.
PACKAGES: tuple[NpmPackage, ...] = (
    LEAFLET,
    LEAFLET_HEAT,
    LEAFLET_MARKERCLUSTER,
    JQUERY,
    PROTOMAPS_LEAFLET,
    PMTILES,
    HTML_TO_IMAGE,
)

#: Resource names as folium's elements declare them (``default_js``/``default_css``), with
#: the file that replaces each in an offline page.
RESOURCES: dict[str, Resource] = {
    "leaflet": Resource(LEAFLET, "dist/leaflet.js", "js"),
    "leaflet_css": Resource(LEAFLET, "dist/leaflet.css", "css"),
    "leaflet-heat.js": Resource(LEAFLET_HEAT, "dist/leaflet-heat.js", "js"),
    "jquery": Resource(JQUERY, "dist/jquery.min.js", "js"),
    "markerclusterjs": Resource(LEAFLET_MARKERCLUSTER, "dist/leaflet.markercluster.js", "js"),
    "markerclustercss": Resource(LEAFLET_MARKERCLUSTER, "dist/MarkerCluster.css", "css"),
    "markerclusterdefaultcss": Resource(
        LEAFLET_MARKERCLUSTER, "dist/MarkerCluster.Default.css", "css"
    ),
    "protomaps-leaflet": Resource(PROTOMAPS_LEAFLET, "dist/protomaps-leaflet.js", "js"),
    "pmtiles": Resource(PMTILES, "dist/pmtiles.js", "js"),
    "html-to-image": Resource(HTML_TO_IMAGE, "dist/html-to-image.js", "js"),
}

#: Where pages made with ``cdn=True`` load each resource: the pinned version, on the CDN.
CDN_URLS: dict[str, str] = {
    name: f"{config.MAP_CDN_BASE_URL}/{res.package.spec}/{res.path}"
    for name, res in RESOURCES.items()
}

#: folium's default resources that the maps of :mod:`geo` never use (Bootstrap, Font
#: Awesome, awesome-markers); an offline page leaves them out.
UNUSED_RESOURCES: frozenset[str] = frozenset(
    {
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)

_MEDIA_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}
_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def assets_dir() -> Path:
    """Return the asset directory: ``$GEO_ASSETS_DIR`` or ``<sys.prefix>/share/geo/assets``.

    Examples
    --------
    >>> assets_dir().name in {"assets", os.environ.get("GEO_ASSETS_DIR", "assets")}
    True
    """
    env = os.environ.get(config.ASSETS_DIR_ENV)
    if env:
        return Path(env)
    return Path(sys.prefix) / "share" / config.APP_NAME / "assets"


def _package_dir(package: NpmPackage, root: Path | None = None) -> Path:
    return (root or assets_dir()) / package.spec


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fetch_hint() -> str:
    return (
        f"run `make` or `python -m geo.mapping.assets fetch` once (needs the npm client), or set "
        f"${config.ASSETS_DIR_ENV} to a folder where they were fetched"
    )


@functools.lru_cache(maxsize=64)
def _read_checked(root: str, spec: str, path: str, digest: str) -> bytes:
    file = Path(root) / spec / path
    try:
        data = file.read_bytes()
    except OSError as err:
        raise DataError(
            f"offline map asset {spec}/{path} is missing ({file}); {_fetch_hint()}"
        ) from err
    if _sha256(data) != digest:
        raise DataError(
            f"offline map asset {file} does not match its pinned SHA-256 (corrupted or "
            f"altered); delete {Path(root) / spec} and {_fetch_hint()}"
        )
    return data


def read_asset(package: NpmPackage, path: str) -> bytes:
    """Return the bytes of one fetched file, after checking its pinned SHA-256.

    Raises
    ------
    DataError
        If the file was not fetched or does not match its digest.

    Examples
    --------
    >>> read_asset(LEAFLET, "dist/leaflet.js")[:3]  # doctest: +SKIP
    b'/* '
    """
    digest = package.files.get(path)
    if digest is None:
        raise DataError(f"{path} is not one of the pinned files of {package.spec}")
    return _read_checked(str(assets_dir()), package.spec, path, digest)


def _check_script(text: str, where: str, closing: str) -> str:
    # A literal end tag (or comment opener) inside inlined code would end the element early.
    low = text.lower()
    if closing in low or "<!--" in low:
        raise DataError(f"{where} contains {closing!r} or '<!--' and cannot be inlined as is")
    return text


def inline_js(name: str) -> str:
    """Return the ``<script>`` element that inlines JavaScript resource ``name``.

    Examples
    --------
    >>> inline_js("leaflet").startswith("<script>")  # doctest: +SKIP
    True
    """
    res = RESOURCES[name]
    text = read_asset(res.package, res.path).decode("utf-8")
    text = _SOURCE_MAP.sub("\n", text)
    where = f"{res.package.spec}/{res.path}"
    _check_script(text, where, "</script")
    return f"<script>/* {where} ({res.package.license}) */\n{text}\n</script>"


def inline_css(name: str) -> str:
    """Return the ``<style>`` element that inlines CSS resource ``name``.

    Relative ``url(...)`` references (images) become ``data:`` URIs; any other external
    reference is an error, since an offline page must not request anything.

    Examples
    --------
    >>> "data:image/png;base64," in inline_css("leaflet_css")  # doctest: +SKIP
    True
    """
    res = RESOURCES[name]
    where = f"{res.package.spec}/{res.path}"
    text = read_asset(res.package, res.path).decode("utf-8")
    base = posixpath.dirname(res.path)

    def to_data_uri(match: re.Match[str]) -> str:
        ref = match.group(2).strip()
        if ref.startswith(("#", "data:")):
            return match.group(0)
        if "://" in ref or ref.startswith("//"):
            raise DataError(f"{where} refers to an external file {ref!r}")
        path = posixpath.normpath(posixpath.join(base, ref))
        media = _MEDIA_TYPES.get(posixpath.splitext(path)[1].lower())
        if media is None or path not in res.package.files:
            raise DataError(f"{where} refers to {ref!r}, which is not among the pinned files")
        encoded = base64.b64encode(read_asset(res.package, path)).decode("ascii")
        return f'url("data:{media};base64,{encoded}")'

    text = _CSS_URL.sub(to_data_uri, text)
    if "@import" in text:
        raise DataError(f"{where} imports another stylesheet and cannot be inlined")
    _check_script(text, where, "</style")
    return f"<style>/* {where} ({res.package.license}) */\n{text}\n</style>"


def cdn_url(name: str) -> str:
    """Return the CDN address of resource ``name`` (its pinned version).

    Examples
    --------
    >>> cdn_url("leaflet")
    'https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js'
    """
    return CDN_URLS[name]


def subresource_integrity(name: str) -> str:
    """Return the ``integrity`` value (``sha384-...``) of resource ``name``.

    Computed from the local copy (checked against its pinned SHA-256 first), so it is the
    hash of exactly the version the CDN address names.

    Raises
    ------
    DataError
        If the file was not fetched or does not match its digest.

    Examples
    --------
    >>> subresource_integrity("leaflet").startswith("sha384-")  # doctest: +SKIP
    True
    """
    res = RESOURCES[name]
    digest = hashlib.sha384(read_asset(res.package, res.path)).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def _cdn_attributes(name: str, url_attribute: str) -> str:
    url = html.escape(cdn_url(name), quote=True)
    sri = html.escape(subresource_integrity(name), quote=True)
    return f'{url_attribute}="{url}" integrity="{sri}" crossorigin="anonymous"'


def cdn_js(name: str) -> str:
    """Return the ``<script src=...>`` element that links JavaScript resource ``name``.

    Examples
    --------
    >>> 'crossorigin="anonymous"' in cdn_js("leaflet")  # doctest: +SKIP
    True
    """
    return f"<script {_cdn_attributes(name, 'src')}></script>"


def cdn_css(name: str) -> str:
    """Return the ``<link rel="stylesheet">`` element that links CSS resource ``name``.

    Examples
    --------
    >>> cdn_css("leaflet_css").startswith('<link rel="stylesheet"')  # doctest: +SKIP
    True
    """
    return f'<link rel="stylesheet" {_cdn_attributes(name, "href")}>'


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _npm_pack(package: NpmPackage, workdir: Path) -> bytes:
    npm = shutil.which("npm")
    if npm is None:
        raise DataError(
            f"the npm client is needed once to fetch {package.spec} for offline maps; install "
            "it (Debian: apt-get install -y npm) or set "
            f"${config.ASSETS_DIR_ENV} to a folder where the assets were fetched"
        )
    cmd = [npm, "pack", package.spec, "--silent", "--pack-destination", str(workdir)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise DataError(f"`npm pack {package.spec}` failed: {err}") from err
    tarballs = sorted(workdir.glob("*.tgz"))
    if done.returncode != 0 or len(tarballs) != 1:
        raise DataError(
            f"`npm pack {package.spec}` failed (exit {done.returncode}): "
            f"{done.stderr.strip()[-500:] or 'no tarball written'}"
        )
    return tarballs[0].read_bytes()


def _extract(package: NpmPackage, tarball: bytes, target: Path) -> None:
    got = _integrity(tarball)
    if got != package.integrity:
        raise DataError(
            f"the tarball of {package.spec} does not match its pinned integrity "
            f"(expected {package.integrity}, got {got}); the registry served other content"
        )
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}
        for path, digest in package.files.items():
            member = members.get(f"package/{path}")
            if member is None:
                raise DataError(f"{package.spec} has no file {path}")
            handle = tar.extractfile(member)
            data = handle.read() if handle is not None else b""
            if _sha256(data) != digest:
                raise DataError(f"{package.spec}/{path} does not match its pinned SHA-256")
            out = target / path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)


def check_assets(root: Path | None = None) -> list[str]:
    """Return the ``name@version/path`` of every pinned file missing or altered under ``root``.

    Examples
    --------
    >>> import tempfile
    >>> len(check_assets(Path(tempfile.mkdtemp()))) > 0
    True
    """
    bad = []
    for package in PACKAGES:
        pdir = _package_dir(package, root)
        for path, digest in package.files.items():
            file = pdir / path
            if not file.is_file() or _sha256(file.read_bytes()) != digest:
                bad.append(f"{package.spec}/{path}")
    return bad


def fetch_assets(root: Path | None = None, *, force: bool = False) -> list[str]:
    """Fetch every pinned package with ``npm pack`` and extract its files under ``root``.

    Packages already present and intact are skipped unless ``force``. Returns the specs
    fetched.

    Raises
    ------
    DataError
        If npm is missing or fails, or a tarball or file does not match its pinned digest.

    Examples
    --------
    >>> fetch_assets()  # doctest: +SKIP
    ['leaflet@1.9.4', 'leaflet.heat@0.2.0', 'leaflet.markercluster@1.5.3', 'jquery@3.7.1']
    """
    root = root or assets_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DataError(
            f"cannot create the asset folder {root}: {err.strerror}; set "
            f"${config.ASSETS_DIR_ENV} to a writable folder"
        ) from err
    fetched = []
    for package in PACKAGES:
        final = _package_dir(package, root)
        complete = all(
            (final / p).is_file() and _sha256((final / p).read_bytes()) == d
            for p, d in package.files.items()
        )
        if complete and not force:
            continue
        with tempfile.TemporaryDirectory(dir=root, prefix=".fetch-") as tmp:
            tmpdir = Path(tmp)
            (tmpdir / "pack").mkdir()
            tarball = _npm_pack(package, tmpdir / "pack")
            staged = tmpdir / "files"
            _extract(package, tarball, staged)
            if final.exists():
                shutil.rmtree(final)
            staged.rename(final)
        fetched.append(package.spec)
    _read_checked.cache_clear()
    return fetched


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m geo.mapping.assets fetch|check``: fetch or verify the offline map assets."""
    parser = argparse.ArgumentParser(prog="python -m geo.mapping.assets", description=__doc__)
    parser.add_argument("action", choices=["fetch", "check", "where"])
    parser.add_argument("--force", action="store_true", help="fetch again even if present")
    args = parser.parse_args(argv)
    if args.action == "where":
        print(assets_dir())
        return 0
    if args.action == "check":
        bad = check_assets()
        for item in bad:
            print(f"missing or altered: {item}", file=sys.stderr)
        return 1 if bad else 0
    try:
        fetched = fetch_assets(force=args.force)
    except DataError as err:
        print(f"geo.mapping.assets: error: {err}", file=sys.stderr)
        return 2
    done = ", ".join(fetched) if fetched else "nothing to do"
    print(f"offline map assets in {assets_dir()}: {done}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
