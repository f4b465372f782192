"""``/api/export``: the whole result set of a search as a streamed CSV or JSON Lines download.

An export walks up to 10,000 hits and holds a server thread for as long as its client reads, so
only ``EXPORT_CONCURRENCY`` (app config, default 2) stream at once; past that the answer is a 429
with ``Retry-After`` and nothing is computed.  With ``dateline serve --threads 4`` that leaves
two threads to searches however many exports are asked for.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

from flask import Flask, Response, current_app, request, stream_with_context
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import TooManyRequests

from search.budget import SearchTimeout
from search.export import FORMATS, export_lines
from search.request import QueryError, SearchRequest
from webui.views import _search_kwargs, _store, bp

MIMETYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


class ExportSlots:
    """At most ``size`` exports at once: :meth:`take` a slot (False when none is free), :meth:`give`
    it back."""

    def __init__(self, size: int) -> None:
        self._free = threading.BoundedSemaphore(size)

    def take(self) -> bool:
        """Take a slot if one is free right now (never waits: a waiting export would hold a thread)."""
        return self._free.acquire(blocking=False)

    def give(self) -> None:
        self._free.release()


def _slots(app: Flask) -> ExportSlots:
    slots = app.extensions.get("dateline_exports")
    if slots is None:
        slots = app.extensions.setdefault("dateline_exports", ExportSlots(app.config["EXPORT_CONCURRENCY"]))
    return slots


class _Release:
    """Gives an export's slot back once, whichever comes first: an error or the response's close."""

    def __init__(self, slots: ExportSlots) -> None:
        self._slots = slots
        self._lock = threading.Lock()
        self._done = False

    def __call__(self) -> None:
        with self._lock:
            if self._done:
                return
            self._done = True
        self._slots.give()


@bp.get("/api/export")
def api_export() -> Response:
    """Stream every hit of the search (up to search.export.EXPORT_CAP) as ``format``."""
    formats = request.args.getlist("format") or ["csv"]
    if len(formats) > 1 or formats[0] not in FORMATS:
        raise QueryError(f"format must be one of {', '.join(FORMATS)}", "format")
    fmt = formats[0]
    # page and per_page do not apply: the export walks every page itself.
    args = MultiDict([(k, v) for k, v in request.args.items(multi=True) if k not in ("page", "per_page")])
    search_request = SearchRequest.from_args(args, allow=("format",))
    slots = _slots(current_app)
    if not slots.take():
        retry = int(current_app.config["EXPORT_RETRY_AFTER"])
        raise TooManyRequests(
            f"{current_app.config['EXPORT_CONCURRENCY']} exports are already running; "
            f"try again in {retry} s",
            retry_after=retry,
        )
    release = _Release(slots)
    try:
        lines = export_lines(_store().searcher(), search_request, fmt, **_search_kwargs())
        # The first chunk runs the first search, so a bad query is still a 400 with the error shape
        # rather than a broken download.
        first = next(lines)
    except BaseException:
        release()
        raise

    def generate() -> Iterator[str]:
        try:
            yield first
            yield from lines
        except SearchTimeout as exc:
            # Headers are sent: record the failure in the file itself, in its own syntax.
            current_app.logger.warning("export stopped: %s", exc)
            if fmt == "jsonl":
                yield json.dumps({"error": {"status": 503, "message": str(exc)}}) + "\n"
            else:
                yield f"# export incomplete: {exc}\n"
        finally:
            release()  # the last row is computed: the slot is free even if the client reads slowly

    response = Response(
        stream_with_context(generate()),
        content_type=MIMETYPES[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="dateline-export.{fmt}"',
            "Cache-Control": "no-store",
        },
    )
    # The WSGI server closes the body when it is sent or the client has gone, even one never read.
    response.call_on_close(release)
    return response
