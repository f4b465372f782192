"""The one seam between Dateline and a search engine: what the web app and the CLI may ask.

The web app and the CLI hold a :class:`SearchBackend` and call only its methods, with plain data
in (a validated :class:`~search.request.SearchRequest`, an article id, a speaker name) and plain
data out (:class:`~search.engine.SearchResult`, dicts, dataclasses).  They never see a searcher,
a reader, a schema object or a client, so they do not care which engine runs:

- ``whoosh`` (:class:`search.whoosh_backend.WhooshBackend`): the embedded default, an index folder
  on this machine;
- ``opensearch``: an OpenSearch cluster, for archives that outgrow one machine.

Every backend raises the same errors: :class:`~search.request.QueryError` for a bad query (a 400
naming the problem), :class:`~search.budget.SearchTimeout` past the time budget (503), and
:class:`BackendUnavailableError` (503) when there is no index to search yet or the engine cannot
be reached.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from search.engine import Hit, SearchResult
    from search.outlets import OutletSummary
    from search.quotes import QuoteItem
    from search.request import SearchRequest

#: Backends ``open_backend`` knows, the default first.
BACKENDS = ("whoosh", "opensearch")


class BackendUnavailableError(Exception):
    """No index to search yet, or the engine cannot be reached (HTTP 503).

    ``missing`` is True when nothing has been indexed yet (the page then says how to build it);
    ``public`` is what a visitor may be told instead of the generic message (the exception's own
    text names folders and hosts, which are the operator's business).
    """

    missing: bool = False
    public: str | None = None


@runtime_checkable
class SearchBackend(Protocol):
    """What the web app and the CLI need from an index."""

    #: "whoosh" or "opensearch".
    name: str

    def search(self, request: SearchRequest) -> SearchResult:
        """Matches of ``request``: the page of hits with snippets, exact total, facets, suggestion."""
        ...

    def article(self, article_id: str) -> dict | None:
        """The stored article as plain data (with its copy cluster), or None."""
        ...

    def similar(self, article_id: str, top: int = 5) -> list[dict]:
        """Up to ``top`` articles like ``article_id``: dicts with id, title, outlet, published."""
        ...

    def query_words(self, q: str) -> set[str]:
        """The analysed words ``q`` looks for (expanded), for highlighting; empty when it does not parse."""
        ...

    def speaker_quotes(self, request: SearchRequest, speaker: str) -> tuple[SearchResult, list[QuoteItem]]:
        """Articles quoting ``speaker`` matching ``request``, newest first, with that speaker's quotes."""
        ...

    def outlets(self) -> list[OutletSummary]:
        """Every outlet with article counts and date coverage, most articles first."""
        ...

    def iter_hits(self, request: SearchRequest, limit: int) -> Iterator[tuple[int, list[Hit]]]:
        """(total, hits) batches of every hit of ``request`` in its order, at most ``limit`` in all.

        Copies are never collapsed: exports keep every copy.
        """
        ...

    def version(self) -> str:
        """What an export records about the index it was made from (generation, extraction)."""
        ...

    def warm(self) -> bool:
        """Open the index and read what the first search needs; False when there is none yet."""
        ...

    def close(self) -> None:
        """Release what this thread holds (searchers, connections)."""
        ...


def open_backend(kind: str = "whoosh", **options) -> SearchBackend:
    """A backend by name: ``whoosh`` (``index_dir=…``) or ``opensearch`` (``url=…``).

    ``options`` are the backend's own (``aliases``, ``time_budget``, ``result_cache_size`` are
    understood by both).
    """
    if kind == "whoosh":
        from search.whoosh_backend import WhooshBackend

        return WhooshBackend(**options)
    if kind == "opensearch":
        from search.opensearch_backend import OpenSearchBackend

        return OpenSearchBackend(**options)
    raise ValueError(f"unknown backend {kind!r}; choose one of {', '.join(BACKENDS)}")
