"""One error shape: ``{"error": {"status", "message"}}`` for the API, an error page for HTML.

User input never produces a 500: QueryError is a 400, a missing or damaged index a 503 naming the
command that fixes it, a search past its time budget a 503.  Unexpected exceptions are logged
with their traceback and answered with a generic 500 body (never the traceback).

What a client sees never includes server internals: index problems are answered with a fixed
message naming the command (the index directory and the underlying exception go to the server
log only, where the operator who can run the command reads them), and HTTP errors keep the
headers their status requires (``Allow`` on a 405, ``Retry-After`` on a 429).
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask, Response, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from search.backend import BackendUnavailableError
from search.budget import SearchTimeout
from search.request import QueryError


def wants_json() -> bool:
    return request.path.startswith("/api/")


#: What a client is told about an index it cannot use.  The server's own message names the index
#: directory and the exception, which are the operator's business, not a visitor's.
NO_INDEX_MESSAGE = (
    "no search index has been built yet; build one with: dateline index ARCHIVE_PATH... "
    "(the server log names the index directory)"
)
BROKEN_INDEX_MESSAGE = (
    "the search index cannot be read; rebuild it from your archive with: dateline index --rebuild "
    "ARCHIVE_PATH... (the server log names the index directory and the error)"
)


def error_response(status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> Response:
    """The error as JSON (``/api/...``) or as the HTML error page, with extra ``headers``."""
    if wants_json():
        response = jsonify({"error": {"status": status, "message": message}})
    else:
        response = make_response(render_template("error.html", status=status, message=message))
    response.status_code = status
    response.headers.extend(headers)
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(QueryError)
    def bad_query(exc: QueryError):
        return error_response(400, str(exc))

    @app.errorhandler(BackendUnavailableError)
    def no_index(exc: BackendUnavailableError):
        app.logger.error("503 on %s: %s", request.path, exc)
        generic = NO_INDEX_MESSAGE if exc.missing else BROKEN_INDEX_MESSAGE
        return error_response(503, exc.public or generic)

    @app.errorhandler(SearchTimeout)
    def too_slow(exc: SearchTimeout):
        return error_response(503, str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        # Keep the headers the status needs (Allow, Retry-After, WWW-Authenticate); the body is ours.
        headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
        return error_response(exc.code or 500, exc.description or exc.name, headers)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(500, "internal error; the server log has the details")
