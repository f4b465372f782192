"""Pages and their JSON twins.  Each pair calls the same library function."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, url_for

from search import schema as S
from search.engine import SearchResult, get_article, search
from search.request import FILTER_PARAMS, SearchRequest

bp = Blueprint("dateline", __name__)

FACET_TITLES = {
    S.OUTLET: "Outlet",
    S.SPEAKER: "Speaker",
    S.PERSON: "Person",
    S.ORGANIZATION: "Organisation",
    S.PLACE: "Place",
}


def _store():
    return current_app.extensions["dateline"]


def run_search(args) -> tuple[SearchRequest, SearchResult]:
    """Validate ``args`` and search: the one code path of ``/`` and ``/api/search``."""
    search_request = SearchRequest.from_args(args)
    store = _store()
    result = search(
        store.searcher(),
        search_request,
        facet_cache=store.facet_cache,
        aliases=store.aliases,
        time_budget=current_app.config["TIME_BUDGET"],
    )
    return search_request, result


def page_url(endpoint: str, search_request: SearchRequest, **changes) -> str:
    """A permalink to ``search_request`` with ``changes`` applied."""
    query = urlencode(search_request.with_(**changes).to_args())
    return url_for(endpoint) + (f"?{query}" if query else "")


def toggle_url(search_request: SearchRequest, kind: str, value: str) -> str:
    """Link that adds ``value`` to (or removes it from) the ``kind`` filter, back on page 1."""
    filters = {k: list(v) for k, v in search_request.filters.items()}
    values = filters.setdefault(kind, [])
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    filters = {k: tuple(v) for k, v in filters.items() if v}
    return page_url(".search_page", search_request, filters=filters, page=1)


def month_url(search_request: SearchRequest, month: str) -> str:
    """Link narrowing the date range to one month (``YYYY-MM``)."""
    first = date.fromisoformat(f"{month}-01")
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    last = date.fromordinal(following.toordinal() - 1)
    return page_url(".search_page", search_request, date_from=first, date_to=last, page=1)


@bp.get("/")
def search_page():
    search_request, result = run_search(request.args)
    facets = {
        kind: [
            {**vars(v), "toggle_url": toggle_url(search_request, kind, v.value)}
            for v in result.facets.get(kind, [])
        ]
        for kind in FILTER_PARAMS
    }
    months = [
        {"value": m.value, "count": m.count, "url": month_url(search_request, m.value)}
        for m in result.facets.get("month", [])
    ]
    return render_template(
        "search.html",
        req=search_request,
        result=result,
        facets=facets,
        months=months,
        facet_titles=FACET_TITLES,
        page_url=lambda **changes: page_url(".search_page", search_request, **changes),
        api_url=page_url(".api_search", search_request),
    )


@bp.get("/api/search")
def api_search():
    _search_request, result = run_search(request.args)
    return jsonify(result.to_dict())


def _article_or_404(article_id: str) -> dict:
    article = get_article(_store().searcher(), article_id, request.args.get("q", ""))
    if article is None:
        abort(404, description=f"no article with id {article_id!r}")
    return article


@bp.get("/article/<path:article_id>")
def article_page(article_id: str):
    article = _article_or_404(article_id)
    return render_template(
        "article.html",
        article=article,
        q=request.args.get("q", ""),
        api_url=url_for(".api_article", article_id=article_id),
        filter_url=lambda kind, value: page_url(
            ".search_page", SearchRequest(), filters={kind: (value,)}
        ),
    )


@bp.get("/api/article/<path:article_id>")
def api_article(article_id: str):
    article = _article_or_404(article_id)
    article.pop("body_html", None)
    return jsonify(article)


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok"})
