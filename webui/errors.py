"""One error shape: ``{"error": {"status", "message"}}`` for the API, an error page for HTML.

User input never produces a 500: QueryError is a 400, a missing or damaged index a 503 naming the
command that fixes it, a search past its time budget a 503.  Unexpected exceptions are logged
with their traceback and answered with a generic 500 body (never the traceback).
"""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from index.storage import IndexUnavailableError
from search.engine import SearchTimeout
from search.request import QueryError


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str):
    if wants_json():
        response = jsonify({"error": {"status": status, "message": message}})
        response.status_code = status
        return response
    return render_template("error.html", status=status, message=message), status


def init_app(app: Flask) -> None:
    @app.errorhandler(QueryError)
    def bad_query(exc: QueryError):
        return error_response(400, str(exc))

    @app.errorhandler(IndexUnavailableError)
    def no_index(exc: IndexUnavailableError):
        return error_response(503, str(exc))

    @app.errorhandler(SearchTimeout)
    def too_slow(exc: SearchTimeout):
        return error_response(503, str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return error_response(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(500, "internal error; the server log has the details")
