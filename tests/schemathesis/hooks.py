"""Schemathesis extension for tests/test_webui_schemathesis.py (loaded with SCHEMATHESIS_HOOKS).

``positive_data_acceptance`` wants every request the OpenAPI document allows to succeed.  Three
refusals cannot be written in JSON Schema, so the run's configuration lets 400 through and this
check allows exactly those three and nothing else:

- the query language (``q=*``, ``q=a~3``): the same request without ``q`` succeeds;
- ``from`` after ``to``;
- ``page * per_page`` past ``MAX_RESULT_WINDOW``.

Any other 400 for a request the document allows (``from=0000`` was one) fails the run.

A hook also sends some article requests to real articles of the sample archive: generated ids
alone only ever reach the 404.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import schemathesis
from hypothesis import strategies as st

from search.request import MAX_RESULT_WINDOW, QueryError, SearchRequest

#: per_page when a request leaves it out, by path prefix (the speaker page lists 20).
_DEFAULT_PER_PAGE = {"/api/speaker/": 20}
#: Ids of the sample archive's articles, as an index of ``examples/archive`` names them.
SAMPLE_IDS = sorted(f"archive/{p.name}" for p in (Path(__file__).resolve().parents[2] / "examples"
                                                  / "archive").glob("*.txt"))


@schemathesis.hook
def filter_query(ctx, query):
    """No objects as query values: a query string has no objects, and schemathesis serialises one
    as an empty value (``per_page=``), which the document allows, then reports the 200 as accepted
    negative data (schemathesis/schemathesis#4600).  Every other mutation is still sent."""
    return not query or not any(isinstance(value, dict) for value in query.values())


@schemathesis.hook
def flatmap_path_parameters(ctx, path_parameters):
    """Half of the article ids drawn are real ones."""
    if not path_parameters or "article_id" not in path_parameters:
        return st.just(path_parameters)
    return st.sampled_from([path_parameters["article_id"]] * len(SAMPLE_IDS) + SAMPLE_IDS).map(
        lambda article_id: {**path_parameters, "article_id": article_id})


def _status_without_q(url: str, query: dict) -> int:
    parts = urlsplit(url)
    rest = [(k, v) for k, values in query.items() if k != "q"
            for v in (values if isinstance(values, list) else [values])]
    try:
        with urllib.request.urlopen(urlunsplit(parts._replace(query=urlencode(rest))), timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _one(query: dict, name: str) -> str | None:
    value = query.get(name)
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    return None if value is None else str(value)


def _from_after_to(query: dict) -> bool:
    first, last = _one(query, "from"), _one(query, "to")
    if not first or not last:
        return False
    try:
        SearchRequest.from_args({"from": first, "to": last})
    except QueryError as exc:
        return "is after" in str(exc)
    return False


def _past_the_window(query: dict, path: str) -> bool:
    page, per_page = _one(query, "page"), _one(query, "per_page")
    default = next((n for prefix, n in _DEFAULT_PER_PAGE.items() if path.startswith(prefix)), 10)
    try:
        return int(page or 1) * int(per_page or default) > MAX_RESULT_WINDOW
    except ValueError:
        return False


@schemathesis.check
def only_documented_refusals(ctx, response, case):
    """A 400 for a schema-valid request must be one of the three refusals JSON Schema cannot say."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 400:
        return None
    query = dict(case.query or {})
    message = json.loads(response.content)["error"]["message"]
    path = urlsplit(response.request.url).path
    if "q" in query and 200 <= _status_without_q(response.request.url, query) < 300:
        return None  # refused by the query language
    if message.startswith("from (") and _from_after_to(query):
        return None
    if message.startswith("page * per_page") and _past_the_window(query, path):
        return None
    raise AssertionError(f"a request the OpenAPI document allows was refused: {message}")
