from datetime import date

from index.storage import open_index
from search.cache import ResultCache
from search.engine import search
from search.facets import FacetCache
from search.request import SearchRequest

RECORDS = [{"id": "a", "title": "Idlib", "body": "Idlib talks.", "published": date(2020, 1, 1)}]


def test_repeats_hit_the_cache_and_a_commit_misses(make_index):
    ix = open_index(make_index(RECORDS))
    cache, facets = ResultCache(size=2), FacetCache()
    calls = []

    def run(searcher, q):
        request = SearchRequest.from_args({"q": q})

        def compute():
            calls.append(q)
            return search(searcher, request, facet_cache=facets)

        return cache.get_or_compute(searcher, request, compute)

    searcher = ix.searcher()
    first = run(searcher, "idlib")
    assert run(searcher, "idlib") is first
    assert (cache.hits, cache.misses, calls) == (1, 1, ["idlib"])

    writer = ix.writer()
    writer.add_document(id="b", title="More", body="More idlib talks.")
    writer.commit()
    searcher = searcher.refresh()
    assert run(searcher, "idlib").total == 2
    assert calls == ["idlib", "idlib"]

    run(searcher, "talks")
    run(searcher, "more")  # evicts the least recently used entry
    assert len(cache._items) == 2
