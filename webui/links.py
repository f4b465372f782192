"""URLs that carry the whole search state: permalinks, facet toggles, date narrowing, chips.

Every link on the search page is built here from a :class:`SearchRequest`, so templates hold no
URL logic and the query string always has one canonical form (``SearchRequest.to_args``).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

from flask import url_for

from search.request import SearchRequest


def page_url(endpoint: str, search_request: SearchRequest, **changes) -> str:
    """A permalink to ``search_request`` with ``changes`` applied, served by ``endpoint``.

    The search page collapses copies unless told otherwise, so its own links leave
    ``collapse=copies`` out (and keep ``collapse=none``).
    """
    pairs = search_request.with_(**changes).to_args()
    if endpoint.endswith("search_page"):
        pairs = [pair for pair in pairs if pair != ("collapse", "copies")]
    query = urlencode(pairs)
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
    return page_url("dateline.search_page", search_request, filters=filters, page=1)


def range_url(search_request: SearchRequest, first: date | None, last: date | None) -> str:
    """Link narrowing (or, with None, widening) the date range, back on page 1."""
    return page_url("dateline.search_page", search_request, date_from=first, date_to=last, page=1)


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of ``YYYY-MM``."""
    first = date.fromisoformat(f"{month}-01")
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def month_url(search_request: SearchRequest, month: str) -> str:
    """Link narrowing the date range to one month (``YYYY-MM``)."""
    return range_url(search_request, *month_bounds(month))


def filter_url(kind: str, value: str) -> str:
    """A fresh search filtered on one value (links from the article and speaker pages)."""
    return page_url("dateline.search_page", SearchRequest(), filters={kind: (value,)})


def add_params(url: str, pairs: list[tuple[str, str]]) -> str:
    """``url`` with ``pairs`` appended to its query string."""
    if not pairs:
        return url
    return url + ("&" if "?" in url else "?") + urlencode(pairs)


def speaker_url(name: str, search_request: SearchRequest | None = None, **changes) -> str:
    """The speaker page of ``name``, optionally keeping the q/outlet/date/page state of a request."""
    url = url_for("dateline.speaker_page", name=name)
    if search_request is None:
        return url
    changed = search_request.with_(**changes)
    # The speaker page fixes its own sort and page size; the speaker is the path.
    pairs = [(k, v) for k, v in changed.to_args() if k not in ("sort", "per_page", "speaker")]
    return add_params(url, pairs)


def chips(search_request: SearchRequest, titles: dict[str, str]) -> list[dict]:
    """Selected filters as removable chips: ``{"label", "value", "remove_url"}``."""
    found = [
        {"label": titles[kind], "value": value, "remove_url": toggle_url(search_request, kind, value)}
        for kind, values in search_request.filters.items()
        for value in values
    ]
    if search_request.date_from or search_request.date_to:
        label = f"{search_request.date_from or '…'} – {search_request.date_to or '…'}"
        found.append({"label": "Dates", "value": label, "remove_url": range_url(search_request, None, None)})
    return found


def article_url(article_id: str, q: str = "") -> str:
    """The article page, carrying the query so its words are highlighted there."""
    url = url_for("dateline.article_page", article_id=article_id)
    return url + (f"?q={quote(q)}" if q else "")
