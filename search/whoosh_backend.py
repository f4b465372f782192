"""The Whoosh backend: an index folder on this machine, behind :class:`search.backend.SearchBackend`.

Opened lazily, one searcher per worker thread, refreshed.

Whoosh searchers are not safe to share between threads (docs/source/threads.rst), and opening one
per request re-reads every segment's metadata.  Each server thread therefore keeps its own
searcher and refreshes it at the start of every request (:func:`index.storage.refresh_searcher`,
not Whoosh's ``refresh()``, which keeps merged-away segments): a cheap generation check that
returns the same searcher when nothing was committed, and a new one (sharing unchanged segments)
after ``dateline index`` commits, so new articles appear without restarting the server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

from index.storage import IndexUnavailableError, corrupt_error, open_index, refresh_searcher
from search import engine
from search import schema as S
from search.budget import DEFAULT_TIME_BUDGET, Deadline, SearchTimeout
from search.cache import ResultCache
from search.expand import expand_terms
from search.facets import FacetCache
from search.names import AliasTable
from search.outlets import OutletSummary, outlet_summaries
from search.query import parse, query_terms, to_whoosh
from search.quotes import QuoteItem
from search.quotes import speaker_quotes as _speaker_quotes
from search.request import QueryError, SearchRequest
from search.similar import similar as _similar
from search.suggest import suggest
from search.vocabulary import TermVocabulary
from search.whoosh_compat import resident_terms

#: Tries to open the newest generation when its files vanish under us (a concurrent commit).
_OPEN_ATTEMPTS = 5


class WhooshBackend:
    """Lazily opened index plus per-thread searchers and the shared facet, word and result caches.

    ``time_budget`` (seconds, None for none) bounds each search (:mod:`search.budget`);
    ``result_cache_size`` searches are remembered until the next commit.
    """

    name = "whoosh"

    def __init__(
        self, index_dir: str | Path, aliases: str | None = None, result_cache_size: int = 256,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.alias_path = aliases
        self.time_budget = time_budget
        self.facet_cache = FacetCache()
        self.result_cache = ResultCache(result_cache_size)
        self.vocabulary = TermVocabulary()
        self._ix = None
        #: Set by :meth:`warm` (a server): every searcher's term tables are kept in memory.
        self._resident_terms = False
        self._lock = threading.Lock()
        self._local = threading.local()
        self._aliases: AliasTable | None = None

    @property
    def aliases(self) -> AliasTable:
        if self._aliases is None:
            self._aliases = AliasTable.load(self.alias_path) if self.alias_path else AliasTable.default()
        return self._aliases

    def _index(self):
        # Not cached on failure: an index built after the server started is picked up.
        with self._lock:
            if self._ix is None:
                # Plain reads: a server's mapped pages would count in its RSS (see open_index).
                self._ix = open_index(self.index_dir, memory_map=False)
            return self._ix

    def searcher(self):
        """This thread's searcher, refreshed to the latest commit.  Raises IndexUnavailableError.

        A failure to open the newest generation is damage (a truncated or missing segment file)
        and becomes IndexCorruptError (HTTP 503 naming the rebuild command), never a 500.  A
        missing file is first retried: a commit in another process may have just replaced the
        generation this thread was opening and deleted its files.
        """
        current = getattr(self._local, "searcher", None)
        for attempt in range(1, _OPEN_ATTEMPTS + 1):
            try:
                ix = self._index()
                fresh = ix.searcher() if current is None else refresh_searcher(ix, current)
                break
            except IndexUnavailableError:
                raise
            except FileNotFoundError as exc:
                if attempt == _OPEN_ATTEMPTS:
                    raise corrupt_error(self.index_dir, exc) from exc
                time.sleep(0.01 * attempt)
            except Exception as exc:  # whatever Whoosh raises for unreadable files
                raise corrupt_error(self.index_dir, exc) from exc
        self._local.searcher = fresh
        if fresh is not current and self._resident_terms:
            self._keep_terms_resident(fresh)  # new segments only: the others are shared already
        return fresh

    def _keep_terms_resident(self, searcher) -> None:
        """:func:`~search.whoosh_compat.resident_terms` for ``searcher``; a segment file that
        cannot be read is damage (IndexCorruptError, HTTP 503), as when it is opened."""
        try:
            resident_terms(searcher.reader())
        except OSError as exc:
            raise corrupt_error(self.index_dir, exc) from exc

    def warm(self) -> bool:
        """Open the index and read its per-segment arrays now, so the first search is fast.

        Also reads the words of the default search fields, so the first fuzzy term (``lavrof~``)
        spends its budget on matching, not on reading the term lists, and from now on keeps every
        searcher's term tables in memory (:func:`~search.whoosh_compat.resident_terms`: a long-lived
        server looks words up without disk reads; a one-off command does not read whole tables).
        Returns False when there is no readable index yet.
        """
        self._resident_terms = True
        try:
            searcher = self.searcher()
            self._keep_terms_resident(searcher)  # this thread's searcher may predate the warm-up
            engine.prepare(searcher, self.facet_cache)
            for fieldname in S.DEFAULT_FIELDS:
                self.vocabulary.load(searcher.reader(), fieldname)
        except IndexUnavailableError:
            return False
        return True

    def close(self) -> None:
        current = getattr(self._local, "searcher", None)
        if current is not None:
            current.close()
            self._local.searcher = None

    # -- the backend protocol -------------------------------------------------------------------
    def _search_kwargs(self) -> dict:
        return {"facet_cache": self.facet_cache, "aliases": self.aliases, "time_budget": self.time_budget,
                "vocabulary": self.vocabulary}

    @staticmethod
    def _version_key(searcher) -> tuple:
        reader = searcher.reader()
        return reader.generation(), reader.doc_count()

    def search(self, request: SearchRequest) -> engine.SearchResult:
        """Run ``request`` on the latest commit (remembered until the next one), with a suggestion."""
        searcher = self.searcher()

        def compute() -> engine.SearchResult:
            result = engine.search(searcher, request, **self._search_kwargs())
            # What is left of the budget: a suggestion never makes the request slower than it.
            budget = self.time_budget
            remaining = None if budget is None else max(0.0, budget - result.took_ms / 1000)
            result.suggestion = suggest(searcher, request.q, result.total, self.vocabulary,
                                        Deadline(remaining))
            return result

        return self.result_cache.get_or_compute(self._version_key(searcher), request, compute)

    def article(self, article_id: str) -> dict | None:
        return engine.get_article(self.searcher(), article_id, self.facet_cache)

    def similar(self, article_id: str, top: int = 5) -> list[dict]:
        return _similar(self.searcher(), article_id, top)

    def query_words(self, q: str) -> set[str]:
        if not q.strip():
            return set()
        searcher = self.searcher()
        try:
            parsed = to_whoosh(parse(q))
            return query_terms(expand_terms(parsed, searcher.reader(), self.vocabulary,
                                            Deadline(self.time_budget)))
        except (QueryError, SearchTimeout):
            return set()

    def speaker_quotes(self, request: SearchRequest,
                       speaker: str) -> tuple[engine.SearchResult, list[QuoteItem]]:
        return _speaker_quotes(self.searcher(), request, speaker, words=self.query_words(request.q),
                               **self._search_kwargs())

    def outlets(self) -> list[OutletSummary]:
        return outlet_summaries(self.searcher(), self.facet_cache)

    def iter_hits(self, request: SearchRequest, limit: int) -> Iterator[tuple[int, list[engine.Hit]]]:
        """Pages of the largest size, one search each, on one searcher (one commit) throughout."""
        searcher = self.searcher()
        return engine.iter_pages(searcher, request, limit, **self._search_kwargs())

    def version(self) -> str:
        return f"generation {self.searcher().reader().generation()}, extraction {S.EXTRACTION_VERSION}"
