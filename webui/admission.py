"""Admission control: the expensive requests run a few at a time, the rest get 429 + Retry-After.

Two kinds of request can keep a server thread busy for seconds: an export (it walks up to 10,000
hits and streams for as long as its client reads) and a search whose wildcard or fuzzy terms must
be expanded over the term dictionary (bounded by the time budget, but still up to its 2 s).  Left
alone, a handful of either fills every thread of ``dateline serve`` and ordinary searches queue
behind them.  Each kind therefore has a small pool of slots (app config ``EXPORT_CONCURRENCY``,
``EXPANDING_CONCURRENCY``); a request that finds its pool full is answered at once with 429 and
``Retry-After`` (``*_RETRY_AFTER`` seconds) in the one JSON error shape, and never waits (a waiting
request would hold a thread, which is what the pools are there to prevent).  With the default 8
threads, at most 2 + 2 are ever busy with expensive work.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from flask import Flask, current_app, g, request
from werkzeug.exceptions import TooManyRequests

#: Query syntax that makes a search expand terms over the dictionary: ``*``/``?`` wildcards and
#: ``~`` fuzzy terms (and proximity, which costs little but is rare enough not to matter).
EXPANDING = re.compile(r"[*?~]")
#: Endpoints that manage their own slot (the export holds its slot while it streams).
_OWN_SLOTS = {"dateline.api_export"}


class Slots:
    """A pool of ``size`` slots: :meth:`take` one without waiting (False when none is free)."""

    def __init__(self, size: int) -> None:
        self._free = threading.BoundedSemaphore(size)

    def take(self) -> bool:
        return self._free.acquire(blocking=False)

    def give(self) -> None:
        self._free.release()


class Release:
    """Gives a slot back exactly once, whichever path gets there first (error, end, close)."""

    def __init__(self, slots: Slots) -> None:
        self._slots = slots
        self._lock = threading.Lock()
        self._done = False

    def __call__(self) -> None:
        with self._lock:
            if self._done:
                return
            self._done = True
        self._slots.give()


def admit(kind: str, what: str) -> Release:
    """Take a slot of pool ``kind`` (``export`` or ``expanding``) or raise 429 naming ``what``.

    The caller must call the returned :class:`Release` when the work is done.
    """
    config = current_app.config
    slots: Slots = current_app.extensions["dateline_slots"][kind]
    if not slots.take():
        prefix = kind.upper()
        retry = int(config[f"{prefix}_RETRY_AFTER"])
        raise TooManyRequests(
            f"{config[f'{prefix}_CONCURRENCY']} {what} are already running; try again in {retry} s",
            retry_after=retry,
        )
    return Release(slots)


def expands(queries: list[str]) -> bool:
    """True when any of ``queries`` has wildcard or fuzzy terms."""
    return any(EXPANDING.search(q) for q in queries)


def init_app(app: Flask) -> None:
    """Create the pools and hold an ``expanding`` slot for every request whose ``q`` expands."""
    app.extensions["dateline_slots"] = {
        "export": Slots(app.config["EXPORT_CONCURRENCY"]),
        "expanding": Slots(app.config["EXPANDING_CONCURRENCY"]),
    }

    @app.before_request
    def admit_expanding_searches() -> None:
        if request.endpoint in _OWN_SLOTS or not expands(request.args.getlist("q")):
            return
        g.dateline_release = admit("expanding", "searches with wildcard or fuzzy terms")

    @app.teardown_request
    def release_slot(exc: BaseException | None) -> None:
        release: Callable[[], None] | None = g.pop("dateline_release", None)
        if release is not None:
            release()
