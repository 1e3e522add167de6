"""Fake online services for tests: a Nominatim server on 127.0.0.1, in a thread.

No test reaches the network: online geocoders are pointed at :class:`FakeNominatim` with
``domain=server.domain, scheme="http"``. The server records when each request arrived (its
own monotonic clock), so tests can measure the spacing of requests, including those of
other processes.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

#: A scripted reply: an HTTP status (200: answer the query), ``(status, headers)``, or
#: ``"drop"`` (close the connection without answering).
Reply = int | tuple[int, dict[str, str]] | str

#: Places the fake knows: name -> (latitude, longitude).
PLACES = {
    "Bakou": (40.3755885, 49.8328009),
    "Stepanakert": (39.8152, 46.7519),
    "Martouni": (39.7948, 47.1127),
    "Gandja": (40.6828, 46.3606),
    "Choucha": (39.7581, 46.7485),
    "Agdam": (39.9931, 46.9304),
}


@dataclass(frozen=True)
class Request:
    """A request the fake received."""

    arrived: float  # time.monotonic() of the server
    path: str
    query: str | None
    headers: dict[str, str]


def closed_port() -> int:
    """A port of 127.0.0.1 nobody listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


class _Server(ThreadingHTTPServer):
    # Handler threads are joined when the server closes: no thread outlives a test.
    daemon_threads = False
    block_on_close = True

    def __init__(self, fake: FakeNominatim, port: int) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.fake = fake

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (time-out) before the answer: nothing to report


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        arrived = time.monotonic()
        fake = self.server.fake
        url = urlsplit(self.path)
        query = parse_qs(url.query).get("q", [None])[0]
        with fake.lock:
            fake.requests.append(Request(arrived, url.path, query, dict(self.headers)))
            reply = fake.script.pop(0) if fake.script else fake.then
        if fake.delay:
            time.sleep(fake.delay)
        if reply == "drop":
            self.close_connection = True
            return
        status, headers = reply if isinstance(reply, tuple) else (int(reply), {})
        body = b"[]"
        if status == 200:
            found = fake.places.get(query or "")
            if found is not None:
                body = json.dumps([_place(query or "", *found)]).encode()
        else:
            body = json.dumps({"error": f"HTTP {status}"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _place(name: str, lat: float, lon: float) -> dict[str, Any]:
    return {
        "place_id": sum(map(ord, name)),
        "lat": str(lat),
        "lon": str(lon),
        "display_name": f"{name}, Fakeland",
        "class": "place",
        "type": "city",
        "importance": 0.5,
    }


class FakeNominatim:
    """A Nominatim ``/search`` endpoint on 127.0.0.1 (a free port), as a context manager.

    Parameters
    ----------
    script : replies
        The first replies, one per request in order of arrival, whatever the query.
    then : reply
        The reply to every later request (200 by default: the place, or ``[]``).
    delay : float
        Seconds to wait before each reply (to make clients time out).
    places : dict
        Names the fake knows (:data:`PLACES` by default).
    port : int
        The port to listen on (a free one by default).
    """

    def __init__(
        self,
        *,
        script: Iterable[Reply] = (),
        then: Reply = 200,
        delay: float = 0.0,
        places: dict[str, tuple[float, float]] | None = None,
        port: int = 0,
    ) -> None:
        self.port = port
        self.script = list(script)
        self.then = then
        self.delay = delay
        self.places = PLACES if places is None else places
        self.lock = threading.Lock()
        self.requests: list[Request] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def domain(self) -> str:
        """``127.0.0.1:PORT``: the ``domain`` option of geopy's Nominatim."""
        assert self._server is not None, "the server is not running"
        return f"127.0.0.1:{self._server.server_address[1]}"

    @property
    def queries(self) -> list[str | None]:
        """The ``q`` of every request, in order of arrival."""
        with self.lock:
            return [r.query for r in self.requests]

    @property
    def gaps(self) -> list[float]:
        """Seconds between each request's arrival and the previous one's."""
        with self.lock:
            times = sorted(r.arrived for r in self.requests)
        return [b - a for a, b in itertools.pairwise(times)]

    def __enter__(self) -> FakeNominatim:
        self._server = _Server(self, self.port)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None and self._thread is not None
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        assert not self._thread.is_alive(), "the fake server's thread did not stop"
