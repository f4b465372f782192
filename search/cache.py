"""A small result cache for repeated searches (paging back, reloading a permalink, the API twin).

Keyed by the index version the backend sees (for Whoosh, the generation and document count) and
the request's canonical arguments, so a commit never serves a stale result: it changes the version.
Results are plain data; callers must treat a cached result as read-only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from search.engine import SearchResult
from search.request import SearchRequest

DEFAULT_SIZE = 256


class ResultCache:
    """Thread-safe LRU of :class:`SearchResult` by (index generation, request)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple, SearchResult] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, version: tuple, request: SearchRequest,
                       compute: Callable[[], SearchResult]) -> SearchResult:
        """The cached result for ``request`` on the index ``version`` (changed by every commit),
        else ``compute()``."""
        if self.size <= 0:
            return compute()
        key = (version, tuple(request.to_args()))
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        result = compute()  # outside the lock: searches run in parallel
        with self._lock:
            self._items[key] = result
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return result
