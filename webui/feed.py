"""``/api/search.atom``: every search as an Atom feed (RFC 4287), newest indexed articles first.

A feed reader (or a chat tool) that follows the feed of ``speaker:Zakharova idlib`` learns of each
new matching article when ``dateline index`` adds it: entries are ordered by the time the article
entered the index (``sort=indexed``), not by publication date, so an old article indexed today
still shows up.  Ids are ``urn:uuid`` URIs derived from the article id (stable across runs and
rebuilds); the summary is the search's sanitised snippet, sent as escaped HTML.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from flask import Response, request, url_for
from werkzeug.datastructures import MultiDict

from search.engine import SearchResult
from search.request import DEFAULT_PER_PAGE, FILTER_PARAMS, SearchRequest
from webui import links
from webui.views import backend, bp

ATOM = "http://www.w3.org/2005/Atom"
#: Entries per feed unless ``per_page`` says otherwise (at most search.request.MAX_PER_PAGE).
FEED_ENTRIES = 20
#: Namespace of the feed's and entries' uuid5 ids.  Never change it: ids must stay stable.
ID_NAMESPACE = uuid.UUID("5b0a3f0e-3c57-4d55-9a5e-5c0d6f1e2a77")
#: Characters XML 1.0 cannot carry (form feeds and other controls survive text cleaning).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: Parameters that do not change which articles a feed follows (left out of its id).
_NOT_IDENTITY = ("sort", "page", "per_page", "since")

ET.register_namespace("", ATOM)


def feed_request(args) -> SearchRequest:
    """The search behind a feed: the same parameters as ``/api/search``, newest indexed first.

    ``sort`` and ``page`` do not apply (a feed is the latest ``per_page`` articles, default
    FEED_ENTRIES); they are still validated like a search's.
    """
    search_request = SearchRequest.from_args(args)
    per_page = search_request.per_page if "per_page" in args else FEED_ENTRIES
    return search_request.with_(sort="indexed", page=1, per_page=per_page)


def article_uri(article_id: str) -> str:
    """The Atom id of an article: a ``urn:uuid`` URI, the same for the article in every feed."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'article:' + article_id)}"


def feed_uri(search_request: SearchRequest) -> str:
    """The Atom id of a feed: derived from its query and filters, so it survives restarts."""
    identity = [pair for pair in search_request.to_args() if pair[0] not in _NOT_IDENTITY]
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed:' + repr(identity))}"


def feed_title(search_request: SearchRequest) -> str:
    """``Dateline: idlib (speaker: Maria Zakharova)``: what the feed follows, in words."""
    parts = [f"{kind}: {', '.join(values)}" for kind in FILTER_PARAMS
             if (values := search_request.filters.get(kind))]
    if search_request.date_from or search_request.date_to:
        parts.append(f"published {search_request.date_from or '…'} to {search_request.date_to or '…'}")
    what = search_request.q or "all articles"
    return f"Dateline: {what}" + (f" ({'; '.join(parts)})" if parts else "")


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = _NOT_XML.sub("", text)
    return element


def _link(parent: ET.Element, href: str, rel: str, type_: str | None = None) -> None:
    attrs = {"href": _NOT_XML.sub("", href), "rel": rel}
    if type_:
        attrs["type"] = type_
    ET.SubElement(parent, f"{{{ATOM}}}link", attrs)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_feed(search_request: SearchRequest, result: SearchResult, *, self_url: str,
                page_url: str, article_url) -> bytes:
    """The Atom document of ``result`` (UTF-8 bytes).  ``article_url(id)`` gives an absolute URL."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_uri(search_request))
    _text(feed, "title", feed_title(search_request))
    _text(feed, "subtitle", "Articles matching this search, newest first by when Dateline indexed them.")
    times = [hit.indexed for hit in result.hits if hit.indexed]
    # The newest entry's time; an empty feed says when it was generated.
    _text(feed, "updated", max(times) if times else _now())
    _link(feed, self_url, "self", "application/atom+xml")
    _link(feed, page_url, "alternate", "text/html")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")  # for entries whose outlet is unknown
    _text(author, "name", "Dateline")
    _text(feed, "generator", "Dateline")
    for hit in result.hits:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", article_uri(hit.id))
        _text(entry, "title", hit.title or hit.id)
        published = f"{hit.published}T00:00:00Z" if hit.published else None
        _text(entry, "updated", hit.indexed or published or "1970-01-01T00:00:00Z")
        if published:
            _text(entry, "published", published)
        _link(entry, article_url(hit.id), "alternate", "text/html")
        if hit.url:
            _link(entry, hit.url, "related")
        if hit.outlet:
            outlet = ET.SubElement(entry, f"{{{ATOM}}}author")
            _text(outlet, "name", hit.outlet)
        for speaker in hit.speakers:
            ET.SubElement(entry, f"{{{ATOM}}}category",
                          {"term": _NOT_XML.sub("", speaker), "label": f"quotes {_NOT_XML.sub('', speaker)}"})
        # The snippet is already sanitised HTML (only <mark>); ElementTree escapes it once more,
        # as type="html" requires.
        _text(entry, "summary", hit.snippet, type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


@bp.get("/api/search.atom")
def api_feed() -> Response:
    """The Atom feed of a search (same parameters as ``/api/search``; errors as JSON, status 400)."""
    search_request = feed_request(MultiDict(request.args))
    result = backend().search(search_request)
    page = links.page_url("dateline.search_page", search_request, sort="relevance", per_page=DEFAULT_PER_PAGE)
    body = render_feed(
        search_request,
        result,
        self_url=request.url,
        page_url=request.host_url.rstrip("/") + page,
        article_url=lambda article_id: url_for("dateline.article_page", article_id=article_id,
                                               _external=True),
    )
    response = Response(body, content_type="application/atom+xml; charset=utf-8")
    # Feed readers poll: an unchanged feed is answered "304 Not Modified" to If-None-Match.
    response.add_etag()
    return response.make_conditional(request)
