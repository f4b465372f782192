from datetime import date

from index.storage import open_index
from search.request import SearchRequest
from search.whoosh_backend import WhooshBackend

RECORDS = [{"id": "a", "title": "Idlib", "body": "Idlib talks.", "published": date(2020, 1, 1)}]


def test_repeats_hit_the_cache_and_a_commit_misses(make_index):
    index_dir = make_index(RECORDS)
    backend = WhooshBackend(index_dir, result_cache_size=2)
    cache = backend.result_cache

    def run(q):
        return backend.search(SearchRequest.from_args({"q": q}))

    first = run("idlib")
    assert run("idlib") is first
    assert (cache.hits, cache.misses) == (1, 1)

    writer = open_index(index_dir).writer()
    writer.add_document(id="b", title="More", body="More idlib talks.")
    writer.commit()
    assert run("idlib").total == 2  # the commit changed the version: computed again
    assert (cache.hits, cache.misses) == (1, 2)

    run("talks")
    run("more")  # evicts the least recently used entry
    assert len(cache._items) == 2
    backend.close()
