"""The index as the web app sees it: opened lazily, one searcher per worker thread, refreshed.

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
from pathlib import Path

from index.extract.names import AliasTable
from index.storage import IndexUnavailableError, corrupt_error, open_index, refresh_searcher
from search import schema as S
from search.cache import ResultCache
from search.engine import prepare
from search.facets import FacetCache
from search.vocabulary import TermVocabulary

#: Tries to open the newest generation when its files vanish under us (a concurrent commit).
_OPEN_ATTEMPTS = 5


class IndexStore:
    """Lazily opened index plus per-thread searchers and the shared facet, word and result caches."""

    def __init__(
        self, index_dir: str | Path, alias_path: str | None = None, result_cache_size: int = 256
    ) -> None:
        self.index_dir = Path(index_dir)
        self.alias_path = alias_path
        self.facet_cache = FacetCache()
        self.result_cache = ResultCache(result_cache_size)
        self.vocabulary = TermVocabulary()
        self._ix = None
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
        return fresh

    def warm(self) -> bool:
        """Open the index and read its per-segment arrays now, so the first search is fast.

        Also reads the words of the default search fields, so the first fuzzy term (``lavrof~``)
        spends its budget on matching, not on reading the term lists.  Returns False (and
        changes nothing) when there is no readable index yet.
        """
        try:
            searcher = self.searcher()
            prepare(searcher, self.facet_cache)
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
