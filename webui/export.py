"""``/api/export``: the whole result set of a search as a streamed CSV or JSON Lines download.

An export walks up to 10,000 hits and holds a server thread for as long as its client reads, so
only ``EXPORT_CONCURRENCY`` (app config, default 2) stream at once; past that the answer is a 429
with ``Retry-After`` and nothing is computed (:mod:`webui.admission`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from flask import Response, current_app, request, stream_with_context
from werkzeug.datastructures import MultiDict

from search.backend import BackendUnavailableError
from search.budget import SearchTimeout
from search.export import FORMATS, export_lines
from search.request import QueryError, SearchRequest
from webui.admission import admit
from webui.views import backend, bp

MIMETYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


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
    release = admit("export", "exports")
    try:
        lines = export_lines(backend(), search_request, fmt)
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
        except (SearchTimeout, BackendUnavailableError) as exc:
            # Headers are sent: record the failure in the file itself, in its own syntax (a
            # timeout, or a cluster that lost a node and could not resume the export).
            current_app.logger.warning("export stopped: %s", exc)
            message = getattr(exc, "public", None) or str(exc)  # hosts and folders stay in the log
            if fmt == "jsonl":
                yield json.dumps({"error": {"status": 503, "message": message}}) + "\n"
            else:
                yield f"# export incomplete: {message}\n"
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
