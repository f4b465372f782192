"""Pages and their JSON twins.  Each pair calls the same library function.

``/`` and ``/api/search``, ``/article/<id>`` and ``/api/article/<id>``, ``/speaker/<name>`` and
``/api/speaker/<name>``, ``/outlets`` and ``/api/outlets``.  URL building lives in
:mod:`webui.links`, the timeline in :mod:`webui.timeline`, exports in :mod:`webui.export` and
the OpenAPI document in :mod:`webui.openapi`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from search import schema as S
from search.backend import SearchBackend
from search.engine import SearchResult
from search.quotes import body_segments
from search.request import DEFAULT_PER_PAGE, FILTER_PARAMS, QueryError, SearchRequest
from webui import links
from webui.links import page_url, toggle_url
from webui.timeline import build_timeline

bp = Blueprint("dateline", __name__)

FACET_TITLES = {
    S.OUTLET: "Outlet",
    S.SPEAKER: "Speaker",
    S.PERSON: "Person",
    S.ORGANIZATION: "Organisation",
    S.PLACE: "Place",
}
#: Facet values shown before "show more" (the engine returns up to FACET_LIMIT).
FACET_VISIBLE = 8
#: Quote-list articles per page on the speaker page.
SPEAKER_PER_PAGE = 20


@bp.app_context_processor
def _template_helpers() -> dict:
    return {"static_url": static_url}


@lru_cache(maxsize=32)
def _static_version(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def static_url(filename: str) -> str:
    """URL of a static file with a content hash (``?v=…``): browsers may cache it, and a changed
    file gets a new URL, so no one sees a stale stylesheet after an upgrade."""
    folder = current_app.static_folder or ""
    return url_for("static", filename=filename, v=_static_version(str(Path(folder) / filename)))


@bp.after_app_request
def _cache_static(response: Response) -> Response:
    """Versioned static URLs (``?v=<hash>``) never change: cache them for a year.  Unversioned
    ones must be revalidated (cheap: Flask answers a matching ETag with 304)."""
    if request.endpoint == "static" and response.status_code == 200:
        if request.args.get("v"):
            response.cache_control.public = True
            response.cache_control.max_age = 31_536_000
            response.cache_control.immutable = True
        else:
            response.cache_control.no_cache = True
            response.cache_control.public = False
            response.cache_control.max_age = None
    return response


def backend() -> SearchBackend:
    """The app's search backend (:mod:`search.backend`): the only way views reach the index."""
    return current_app.extensions["dateline"]


def run_search(args, *, allow: tuple[str, ...] = ()) -> tuple[SearchRequest, SearchResult]:
    """Validate ``args`` and search: the one code path of ``/`` and ``/api/search``."""
    search_request = SearchRequest.from_args(args, allow=allow)
    return search_request, backend().search(search_request)


@bp.get("/")
def search_page():
    args = request.args
    if "collapse" not in args:  # the page collapses copies unless told otherwise (the API does not)
        args = args.copy()
        args["collapse"] = "copies"
    search_request, result = run_search(args)
    facets = {}
    for kind in FILTER_PARAMS:
        values = [
            {**asdict(v), "toggle_url": toggle_url(search_request, kind, v.value)}
            for v in result.facets.get(kind, [])
        ]
        # Selected values always stay visible, above the fold of "show more".
        values.sort(key=lambda v: not v["selected"])
        facets[kind] = values
    return render_template(
        "search.html",
        req=search_request,
        result=result,
        facets=facets,
        facet_visible=FACET_VISIBLE,
        facet_titles=FACET_TITLES,
        chips=links.chips(search_request, FACET_TITLES),
        timeline=build_timeline(search_request, result.facets),
        page_url=lambda **changes: page_url(".search_page", search_request, **changes),
        suggestion_url=(page_url(".search_page", search_request, q=result.suggestion, page=1)
                        if result.suggestion else None),
        api_url=page_url(".api_search", search_request),
        # The feed follows the search, not this page of it: newest indexed first, 20 entries.
        # Feeds list every new copy: the page's collapsing is not carried over.
        feed_url=page_url(".api_feed", search_request, sort="relevance", page=1, per_page=DEFAULT_PER_PAGE,
                          collapse=None),
        # Exports keep every copy: no collapse parameter.
        export_urls={fmt: links.add_params(page_url("dateline.api_export", search_request, page=1,
                                                    collapse=None), [("format", fmt)])
                     for fmt in ("csv", "jsonl")},
        clear_url=page_url(".search_page", SearchRequest(q=search_request.q, sort=search_request.sort)),
        article_url=lambda article_id: links.article_url(article_id, search_request.q),
        speaker_url=links.speaker_url,
        pages=_page_window(search_request.page, result.pages),
    )


def _page_window(page: int, pages: int, radius: int = 2) -> list[int | None]:
    """Page numbers to link: first, last and ``radius`` around ``page``; None marks a gap."""
    wanted = sorted({1, pages, *range(max(1, page - radius), min(pages, page + radius) + 1)})
    window: list[int | None] = []
    for n in wanted:
        if window and n - (window[-1] or 0) > 1:
            window.append(None)
        window.append(n)
    return window


@bp.get("/api/search")
def api_search():
    _search_request, result = run_search(request.args)
    return jsonify(result.to_dict())


def _article_or_404(article_id: str) -> dict:
    article = backend().article(article_id)
    if article is None:
        abort(404, description=f"no article with id {article_id!r}")
    return article


@bp.get("/article/<path:article_id>")
def article_page(article_id: str):
    article = _article_or_404(article_id)
    q = request.args.get("q", "")
    entities: dict[str, list[str]] = {}
    for entity in article["entities"]:
        entities.setdefault(entity["type"], []).append(entity["name"])
    return render_template(
        "article.html",
        article=article,
        q=q,
        req=SearchRequest(q=q),
        segments=body_segments(article["body"], article["speakers"], backend().query_words(q)),
        entities=entities,
        entity_titles={"person": "People", "organization": "Organisations", "place": "Places"},
        similar=backend().similar(article["id"]),
        api_url=url_for(".api_article", article_id=article_id),
        back_url=page_url(".search_page", SearchRequest(q=q)) if q else url_for(".search_page"),
        filter_url=links.filter_url,
        day_url=lambda day: links.range_url(SearchRequest(), *(2 * [date.fromisoformat(day)])),
        speaker_url=links.speaker_url,
        article_url=links.article_url,
    )


@bp.get("/api/article/<path:article_id>")
def api_article(article_id: str):
    article = _article_or_404(article_id)
    article["similar"] = backend().similar(article["id"])
    return jsonify(article)


def _speaker_request(name: str) -> SearchRequest:
    """The speaker page's own parameters (q, outlet, from, to, page) validated like a search."""
    args = MultiDict(request.args)
    if args.get("speaker") is not None:
        raise QueryError("the speaker is part of the path, not a parameter", "speaker")
    if not name.strip() or len(name) > 300:
        raise QueryError("a speaker name is 1 to 300 characters", "speaker")
    args.setdefault("per_page", str(SPEAKER_PER_PAGE))
    return SearchRequest.from_args(args)


def _speaker_data(name: str):
    search_request = _speaker_request(name)
    result, items = backend().speaker_quotes(search_request, name)
    return search_request, result, items


@bp.get("/speaker/<path:name>")
def speaker_page(name: str):
    search_request, result, items = _speaker_data(name)
    return render_template(
        "speaker.html",
        name=name,
        req=search_request,
        result=result,
        items=items,
        outlets=result.facets.get(S.OUTLET, []),
        selected_outlets=search_request.filters.get(S.OUTLET, ()),
        speaker_page_url=lambda **changes: links.speaker_url(name, search_request, **changes),
        article_url=links.article_url,
        filter_url=links.filter_url,
        api_url=links.add_params(url_for(".api_speaker", name=name), list(request.args.items(multi=True))),
    )


@bp.get("/api/speaker/<path:name>")
def api_speaker(name: str):
    search_request, result, items = _speaker_data(name)
    return jsonify({
        "speaker": name,
        "query": search_request.q,
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "pages": result.pages,
        "articles": [asdict(item) for item in items],
        "outlets": [v.to_dict() for v in result.facets.get(S.OUTLET, [])],
    })


@bp.get("/outlets")
def outlets_page():
    summaries = backend().outlets()
    return render_template(
        "outlets.html",
        outlets=summaries,
        total=sum(s.articles for s in summaries),
        filter_url=links.filter_url,
        api_url=url_for(".api_outlets"),
    )


@bp.get("/api/outlets")
def api_outlets():
    summaries = backend().outlets()
    return jsonify({"outlets": [asdict(s) for s in summaries]})


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok"})


# Routes defined in their own modules on the same blueprint (imported last: they import bp).
from webui import export, feed, openapi  # noqa: E402,F401
