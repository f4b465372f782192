"""What every backend returns: a search result, its hits and facet values, as plain data.

Nothing here knows a search engine.  :meth:`search.backend.SearchBackend.search` returns a
:class:`SearchResult`; templates, the JSON API, feeds and exports read only these classes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from search.copies import Copy
from search.names import AliasTable, name_key


@dataclass(slots=True)  # ~100 on a page: half the construction time of a dict-backed instance
class FacetValue:
    value: str
    count: int
    selected: bool = False
    #: Speaker facet only: "person" or "organization" (people are listed first); None elsewhere
    #: (and then left out of the JSON).
    type: str | None = None

    def to_dict(self) -> dict:
        """The JSON shape of one facet value (``type`` only where it is set)."""
        # Written out: ``dataclasses.asdict`` deep-copies field by field, and a page has ~100
        # facet values (1.8-5 ms of a query's serving time together with the hits).
        data = {"value": self.value, "count": self.count, "selected": self.selected}
        if self.type is not None:
            data["type"] = self.type
        return data


def facet_order(value: FacetValue) -> tuple:
    """How a facet's values are listed, on every backend: people before organisations (speakers),
    then by count, then alphabetically; the spelling itself last, so values whose case-folded
    spellings tie keep one order."""
    return value.type == "organization", -value.count, value.value.casefold(), value.value


@dataclass(slots=True)
class Hit:
    id: str
    title: str
    outlet: str | None
    published: str | None
    speakers: list[str]
    url: str | None
    snippet: str
    #: When the article entered the index (RFC 3339 UTC), or None for indexes built before it was kept.
    indexed: str | None = None
    #: Id of the article's copy-cluster original (its own id when it is the original or has no copies).
    cluster: str | None = None
    #: The other members of its copy cluster, earliest first (at most COPIES_LISTED; see copies_total).
    copies: list[Copy] = field(default_factory=list)
    copies_total: int = 0
    #: Outlets of those copies other than this hit's own, first publication first ("also published by").
    also_published_by: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape of one hit: every field, in declaration order."""
        return {
            "id": self.id, "title": self.title, "outlet": self.outlet, "published": self.published,
            "speakers": list(self.speakers), "url": self.url, "snippet": self.snippet,
            "indexed": self.indexed, "cluster": self.cluster,
            "copies": [asdict(c) for c in self.copies],
            "copies_total": self.copies_total, "also_published_by": list(self.also_published_by),
        }


@dataclass
class SearchResult:
    """Everything a results page needs, as plain data."""

    query: str
    total: int
    page: int
    per_page: int
    sort: str
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str | None = None
    date_to: str | None = None
    #: The ``since`` bound (RFC 3339 UTC) of the request, or None.
    since: str | None = None
    took_ms: float = 0.0
    #: "Did you mean" query (set by the web layer, :func:`search.suggest.suggest`), or None.
    suggestion: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict:
        """The JSON shape of ``/api/search`` and ``dateline search --json``."""
        return {
            "query": self.query, "total": self.total, "page": self.page, "per_page": self.per_page,
            "sort": self.sort, "hits": [hit.to_dict() for hit in self.hits],
            "facets": {kind: [v.to_dict() for v in values] for kind, values in self.facets.items()},
            "filters": {kind: list(values) for kind, values in self.filters.items()},
            "since": self.since, "took_ms": round(self.took_ms, 2), "suggestion": self.suggestion,
            "pages": self.pages, "from": self.date_from, "to": self.date_to,
        }


def best_quote(speakers: list[dict], words: set[str], speaker_keys: set[str] | frozenset[str],
               aliases: AliasTable) -> str | None:
    """With a speaker filter, what to show of a hit: the filtered speakers' quote with the most
    query words (the first on ties), or None when they have no quote or there is no filter."""
    if not speaker_keys:
        return None
    quotes = [q["text"] for s in speakers if name_key(s["name"], aliases) in speaker_keys
              for q in s.get("quotes", [])]
    if not quotes:
        return None
    return max(quotes, key=lambda quote: sum(w in quote.lower() for w in words))
