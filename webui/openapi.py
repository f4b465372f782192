"""``/api/openapi.json``: an OpenAPI 3.0 description of every JSON endpoint.

Built from the same constants the code validates with (limits, sorts, filter names), and
checked against ``app.url_map`` and ``search.request.PARAMS`` by tests/test_webui_pages.py, so
the document cannot silently fall behind the routes.
"""

from __future__ import annotations

from flask import jsonify

from search import request as R
from search.export import EXPORT_CAP, FORMATS
from webui.views import FACET_TITLES, SPEAKER_PER_PAGE, bp


def _param(
    name: str,
    description: str,
    schema: dict,
    *,
    where: str = "query",
    many: bool = False,
    required: bool = False,
) -> dict:
    if many:
        schema = {"type": "array", "items": schema, "maxItems": R.MAX_FILTER_VALUES}
    param = {"name": name, "in": where, "description": description, "schema": schema, "required": required}
    if many:
        param.update(style="form", explode=True)
    return param


def search_parameters() -> list[dict]:
    """One entry per parameter of :class:`search.request.SearchRequest` (``PARAMS``)."""
    # The validator's own pattern: empty, YYYY, YYYY-MM or a real YYYY-MM-DD date.
    date = {"type": "string", "pattern": R.DATE_PATTERN}
    params = [
        _param(
            "q",
            'Query text: words, "phrases", AND/OR/NOT, field:value (title, outlet, speaker, '
            "person, organization, place), trailing wildcards (syri*), date:[2020-01 TO 2020-03]. "
            f"At most {R.MAX_QUERY_CHARS} characters and {R.MAX_QUERY_TERMS} terms.",
            {"type": "string", "maxLength": R.MAX_QUERY_CHARS},
        ),
    ]
    for kind in R.FILTER_PARAMS:
        params.append(
            _param(
                kind,
                f"{FACET_TITLES[kind]} filter; repeat for OR within the facet (AND across facets). "
                f"At most {R.MAX_FILTER_VALUES} values of {R.MAX_FILTER_CHARS} characters.",
                {"type": "string", "maxLength": R.MAX_FILTER_CHARS},
                many=True,
            )
        )
    params += [
        _param(
            "from",
            "First publication date (YYYY-MM-DD; YYYY-MM or YYYY mean its start; empty: no "
            "bound). Undated articles never match a date range.",
            date,
        ),
        _param("to", "Last publication date (YYYY-MM-DD; YYYY-MM or YYYY mean its end; empty: no bound).",
               date),
        _param(
            "since",
            "Only articles that entered the index at or after this time: a duration back from now "
            "(90m, 12h, 7d, 2w) or a date or date and time, UTC unless an offset is given "
            "(2026-12-01, 2026-12-01T08:00Z). Articles indexed before Dateline kept the time never match.",
            {"type": "string", "pattern": R.SINCE_PATTERN},
        ),
        _param(
            "sort",
            "Order of hits; undated articles come last by date; indexed: newest first by the time "
            "the article entered the index.",
            {"type": "string", "enum": list(R.SORTS), "default": "relevance"},
        ),
        _param(
            "collapse",
            "copies: one hit per copy cluster (syndicated and duplicate copies of one text), the "
            "earliest matching member, with its copies listed; total counts clusters. none (the "
            "API's default): every copy is a hit. Exports always keep every copy.",
            {"type": "string", "enum": list(R.COLLAPSE)},
        ),
        _param(
            "count",
            "originals: facet and timeline counts count only each copy cluster's original (its "
            "earliest-dated member), so copies do not inflate counts by outlet, speaker or month.",
            {"type": "string", "enum": list(R.COUNTS), "default": "all"},
        ),
        _param(
            "page",
            f"Page number; page * per_page is at most {R.MAX_RESULT_WINDOW}.",
            {"type": "integer", "minimum": 1, "maximum": R.MAX_RESULT_WINDOW, "default": 1},
        ),
        _param(
            "per_page",
            "Hits per page.",
            {"type": "integer", "minimum": 1, "maximum": R.MAX_PER_PAGE, "default": R.DEFAULT_PER_PAGE},
        ),
    ]
    for param in params:
        if param["name"] in _EMPTY_MEANS_DEFAULT:
            _allow_empty(param)
    return params


#: Single-valued parameters for which an empty value (``sort=``, as HTML forms send) is the default.
_EMPTY_MEANS_DEFAULT = ("sort", "collapse", "count", "page", "per_page")


def _allow_empty(param: dict) -> None:
    """Document that ``name=`` (empty) means the default, as the validator treats it."""
    schema = param["schema"]
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], ""]
    else:
        default = schema.pop("default", None)
        param["schema"] = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
        if default is not None:
            param["schema"]["default"] = default
    param["description"] += " Empty: the default."


def _errors(*statuses: int) -> dict:
    text = {
        400: "Invalid query or parameter (the message names it).",
        404: "Not found.",
        503: "No index yet (the message names the command that builds it), or the search ran past "
        "its time budget.",
        500: "Unexpected server error (details only in the server log).",
        429: "Too many expensive requests at once: exports, or searches with wildcard or fuzzy "
        "terms (a few of each run at a time). Retry after the seconds in Retry-After.",
    }
    responses = {
        str(s): {
            "description": text[s],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for s in statuses
    }
    if 429 in statuses:
        responses["429"]["headers"] = {
            "Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}
        }
    return responses


def _ok(description: str, ref: str) -> dict:
    return {
        "200": {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
        }
    }


_STR_OR_NULL = {"type": "string", "nullable": True}
_URL_OR_NULL = {"type": "string", "nullable": True, "pattern": "^[hH][tT][tT][pP][sS]?://",
                "description": "The original article's address: http or https only, else null."}
_DATE_OR_NULL = {"type": "string", "format": "date", "nullable": True}
_COPY = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "outlet": _STR_OR_NULL,
        "published": _DATE_OR_NULL,
        "original": {"type": "boolean", "description": "The cluster's original (earliest dated)."},
    },
}
_CLUSTER = {"type": "string", "description": "Id of the article's copy-cluster original (its own id "
            "when it is the original or has no copies)."}
_INDEXED = {"type": "string", "format": "date-time", "nullable": True,
            "description": "When the article entered the index (UTC); null in indexes built before "
            "it was kept."}

SCHEMAS: dict = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
            }
        },
    },
    "FacetValue": {
        "type": "object",
        "required": ["value", "count", "selected"],
        "properties": {
            "value": {"type": "string"},
            "count": {"type": "integer"},
            "selected": {"type": "boolean"},
            "type": {"type": "string", "enum": ["person", "organization"],
                     "description": "Speaker facet values only (people are listed first)."},
        },
    },
    "Hit": {
        "type": "object",
        "required": ["id", "title", "outlet", "published", "speakers", "url", "snippet"],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "outlet": _STR_OR_NULL,
            "published": _DATE_OR_NULL,
            "speakers": {"type": "array", "items": {"type": "string"}},
            "url": _URL_OR_NULL,
            "indexed": _INDEXED,
            "cluster": _CLUSTER,
            "copies": {"type": "array", "items": _COPY,
                       "description": "Other members of the copy cluster, earliest first (at most 20)."},
            "copies_total": {"type": "integer", "description": "Number of other members."},
            "also_published_by": {"type": "array", "items": {"type": "string"},
                                  "description": "Outlets of the copies other than the hit's own."},
            "snippet": {
                "type": "string",
                "description": "HTML whose only tag is <mark>, sanitised; with a "
                "speaker filter, that speaker's best-matching quote.",
            },
        },
    },
    "SearchResult": {
        "type": "object",
        "properties": {
            "query": {"type": "string"},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "pages": {"type": "integer"},
            "sort": {"type": "string", "enum": list(R.SORTS)},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {
                "type": "object",
                "description": "Disjunctive counts per facet (outlet, speaker, person, "
                "organization, place: top 20 plus selected values); month (YYYY-MM) and day "
                "(YYYY-MM-DD, only when the dated matches span at most 62 days) of the matches.",
                "additionalProperties": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/FacetValue"},
                },
            },
            "filters": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
            "from": _DATE_OR_NULL,
            "to": _DATE_OR_NULL,
            "since": {"type": "string", "format": "date-time", "nullable": True},
            "took_ms": {"type": "number"},
            "suggestion": {**_STR_OR_NULL, "description": '"Did you mean" query when few articles matched.'},
        },
    },
    "Quote": {
        "type": "object",
        "properties": {
            "text": {"type": "string"},
            "speaker": {"type": "string"},
            "cue": {"type": "string"},
            "start": {"type": "integer", "description": "Offset into body; -1 for a headline quote."},
            "end": {"type": "integer"},
            "kind": {"type": "string", "enum": ["direct", "reported", "headline"]},
        },
    },
    "Similar": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "outlet": _STR_OR_NULL,
            "published": _DATE_OR_NULL,
        },
    },
    "Article": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "outlet": _STR_OR_NULL,
            "published": _DATE_OR_NULL,
            "url": _URL_OR_NULL,
            "indexed": _INDEXED,
            "authors": {"type": "array", "items": {"type": "string"}},
            "body": {"type": "string"},
            "speakers": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "type": {"type": "string", "enum": ["person", "organization"]},
                        "quotes": {"type": "array", "items": {"$ref": "#/components/schemas/Quote"}},
                    },
                },
            },
            "entities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "type": {"type": "string", "enum": ["person", "organization", "place"]},
                        "count": {"type": "integer"},
                    },
                },
            },
            "provenance": {"type": "object", "additionalProperties": _STR_OR_NULL},
            "cluster": _CLUSTER,
            "copies": {"type": "array", "items": _COPY,
                       "description": "Every other member of the article's copy cluster, earliest first."},
            "similar": {"type": "array", "items": {"$ref": "#/components/schemas/Similar"}},
        },
    },
    "SpeakerQuotes": {
        "type": "object",
        "properties": {
            "speaker": {"type": "string"},
            "query": {"type": "string"},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "pages": {"type": "integer"},
            "articles": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "outlet": _STR_OR_NULL,
                        "published": _DATE_OR_NULL,
                        "url": _URL_OR_NULL,
                        "quotes": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "html": {
                                        "type": "string",
                                        "description": "Quote text, sanitised HTML with <mark> only",
                                    },
                                    "cue": {"type": "string"},
                                    "kind": {"type": "string"},
                                    "matched": {"type": "boolean"},
                                },
                            },
                        },
                    },
                },
            },
            "outlets": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
        },
    },
    "Outlets": {
        "type": "object",
        "properties": {
            "outlets": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {**_STR_OR_NULL, "description": "null: articles whose outlet is unknown"},
                        "articles": {"type": "integer"},
                        "undated": {"type": "integer"},
                        "first": _DATE_OR_NULL,
                        "last": _DATE_OR_NULL,
                    },
                },
            }
        },
    },
}


def openapi_document() -> dict:
    """The OpenAPI 3.0.3 document of the JSON API."""
    search_params = search_parameters()
    by_name = {p["name"]: p for p in search_params}
    article_id = _param(
        "article_id",
        "Article id (its path in the archive; may contain slashes).",
        {"type": "string"},
        where="path",
        required=True,
    )
    highlight = _param("q", "Query whose words are highlighted (article page only).", {"type": "string"})
    speaker_params = [
        _param(
            "name",
            "Speaker name as shown in facets (every spelling of a name finds it).",
            # Not only whitespace (the view strips the name; Python's \s is str.isspace, as there).
            {"type": "string", "minLength": 1, "maxLength": R.MAX_FILTER_CHARS, "pattern": r"\S"},
            where="path",
            required=True,
        ),
        by_name["q"],
        by_name["outlet"],
        by_name["from"],
        by_name["to"],
        by_name["page"],
        {**by_name["per_page"], "schema": {**by_name["per_page"]["schema"], "default": SPEAKER_PER_PAGE}},
    ]
    export_params = [p for p in search_params if p["name"] not in ("page", "per_page")] + [
        _param(
            "format",
            f"File format. The first line records query, filters, index version and time "
            f"(CSV: a '#' comment line; JSONL: a {{\"meta\": …}} object). At most {EXPORT_CAP} hits.",
            {"type": "string", "enum": list(FORMATS), "default": "csv"},
        ),
    ]
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Dateline JSON API",
            "version": "1",
            "description": "Full-text search over a news archive: outlets, dates, speakers, quotes "
            'and entities. Every error has the shape {"error": {"status", "message"}}.',
        },
        "paths": {
            "/api/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Search articles with facets, timeline counts and paging.",
                    "parameters": search_params,
                    "responses": {**_ok("Search result", "SearchResult"), **_errors(400, 429, 503, 500)},
                }
            },
            "/api/search.atom": {
                "get": {
                    "operationId": "feed",
                    "summary": "The search as an Atom feed (RFC 4287): the articles that entered the "
                    "index last, newest first. Follow it in a feed reader to hear of new matches.",
                    "description": "Same parameters as /api/search; sort and page do not apply, and "
                    "per_page (default 20) is the number of entries. Entry ids are urn:uuid URIs, "
                    "stable per article; updated is when the article entered the index, published "
                    "its publication date; the author is the outlet; the summary is the sanitised "
                    "snippet. Errors are JSON, as for /api/search.",
                    "parameters": search_params,
                    "responses": {
                        "200": {
                            "description": "Atom feed",
                            "content": {"application/atom+xml": {"schema": {"type": "string"}}},
                        },
                        **_errors(400, 429, 503, 500),
                    },
                }
            },
            "/api/export": {
                "get": {
                    "operationId": "export",
                    "summary": "Download every hit of a search as CSV or JSON Lines (streamed).",
                    "parameters": export_params,
                    "responses": {
                        "200": {
                            "description": "The export file (attachment).",
                            "content": {
                                "text/csv": {"schema": {"type": "string"}},
                                "application/x-ndjson": {"schema": {"type": "string"}},
                            },
                        },
                        **_errors(400, 429, 503, 500),
                    },
                }
            },
            "/api/article/{article_id}": {
                "get": {
                    "operationId": "article",
                    "summary": "One article with speakers, quotes, entities and similar articles.",
                    "parameters": [article_id, highlight],
                    "responses": {**_ok("The article", "Article"), **_errors(404, 429, 503, 500)},
                }
            },
            "/api/speaker/{name}": {
                "get": {
                    "operationId": "speaker",
                    "summary": "A speaker's quotes across the archive, newest first.",
                    "parameters": speaker_params,
                    "responses": {
                        **_ok("Articles quoting the speaker", "SpeakerQuotes"),
                        **_errors(400, 429, 503, 500),
                    },
                }
            },
            "/api/outlets": {
                "get": {
                    "operationId": "outlets",
                    "summary": "Article counts and date coverage per outlet.",
                    "parameters": [],
                    "responses": {**_ok("Every outlet", "Outlets"), **_errors(503, 500)},
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document.",
                    "parameters": [],
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3 document",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Liveness check.",
                    "parameters": [],
                    "responses": {
                        "200": {
                            "description": "Alive",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"status": {"type": "string", "enum": ["ok"]}},
                                    }
                                }
                            },
                        }
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }


@bp.get("/api/openapi.json")
def api_openapi():
    return jsonify(openapi_document())
