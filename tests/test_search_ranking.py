"""Ranking over arrays gives Whoosh's BM25F scores, with and without filters and phrases."""

import numpy as np
import pytest
from whoosh import query as Q

from index.storage import create_index
from search import ranking as ranking_module
from search import schema as S
from search.query import parse_query
from search.ranking import for_ranking, rank


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    ix = create_index(tmp_path_factory.mktemp("ix"))
    for part in range(2):  # two segments, and a deletion in the first
        with ix.writer() as writer:
            if part:
                writer.delete_by_term(S.ID, "d0-3")
            for i in range(14):
                words = ["talks"] * (i % 4 + 1) + ["continue"] * (i % 3) + ["in Idlib"] * (i % 2)
                writer.add_document(**{S.ID: f"d{part}-{i}", S.TITLE: "Idlib talks" if i % 5 == 0 else "News",
                                       S.BODY: " ".join(words) + " today" * i})
    with ix.searcher() as s:
        yield s


QUERIES = ["talks", "talks continue", "talks OR idlib", "talks ANDMAYBE idlib", "talks NOT idlib",
           "title:idlib talks", '"talks continue"', "talks^3 continue", "(talks OR idlib)^2 continue",
           "talks NOT (idlib OR continue)"]


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("subset", [False, True])
@pytest.mark.parametrize("lookups", [1, 10**9], ids=["binary-search", "table"])
@pytest.mark.parametrize("few", [0, 10**9], ids=["docs-in-postings", "postings-in-docs"])
def test_scores_and_order_are_whooshs(searcher, q, subset, lookups, few, monkeypatch):
    """Postings are found among the ranked documents by binary search (few) or through a table of
    all documents (many), or the ranked documents in the postings: all give Whoosh's scores and
    order."""
    monkeypatch.setattr(ranking_module, "DENSE_LOOKUPS", lookups)
    monkeypatch.setattr(ranking_module, "FEW_RANKED", few)
    parsed = parse_query(q, searcher.schema)
    matched = sorted(searcher.docs_for_query(parsed))
    docs = np.asarray(matched[::2] if subset else matched, dtype=np.int64)
    ranking = for_ranking(parsed)
    whoosh = searcher.search(ranking, limit=None, filter=set(docs.tolist()))
    expected = {hit.docnum: hit.score for hit in whoosh}
    ours = rank(searcher, ranking, docs, len(docs))
    assert sorted(ours) == sorted(expected) == docs.tolist()
    scores = [expected[d] for d in ours]
    assert scores == sorted(scores, reverse=True)
    assert scores == pytest.approx(sorted(expected.values(), reverse=True), rel=1e-9)
    top3 = rank(searcher, ranking, docs, 3)
    assert [round(expected[d], 9) for d in top3] == [round(s, 9) for s in scores[:3]]


def test_queries_it_cannot_score_are_left_to_whoosh(searcher):
    for q in ("talk*", "date:2020", 'talks NOT "continue today"'):
        parsed = parse_query(q, searcher.schema)
        assert rank(searcher, parsed, np.arange(3), 3) is None


def test_phrases_rank_as_their_words_except_under_not():
    phrase = Q.Phrase(S.BODY, ["talks", "continue"], boost=2.0)
    words = [Q.Term(S.BODY, "talks", boost=2.0), Q.Term(S.BODY, "continue", boost=2.0)]
    assert for_ranking(phrase) == Q.And(words)
    negated = Q.AndNot(Q.Term(S.BODY, "idlib"), phrase)
    assert for_ranking(negated) == negated


def test_pages_of_tied_scores_never_repeat_or_skip_a_hit(make_index):
    """Equal scores at a page's edge: every hit on exactly one page, in the export's order too."""
    from search.export import export_lines
    from search.request import SearchRequest
    from search.whoosh_backend import WhooshBackend

    # Three score levels (body lengths), 40 equal scores each: most page edges cut through ties.
    records = [{"id": f"a{n:03d}", "title": "Report", "body": "Idlib talks resumed" + " today" * (n % 3)}
               for n in range(120)]
    backend = WhooshBackend(make_index(records), result_cache_size=0)
    request = SearchRequest.from_args({"q": "idlib"})
    pages = [[h.id for h in backend.search(request.with_(page=p, per_page=7)).hits] for p in range(1, 19)]
    flat = [hit for page in pages for hit in page]
    assert len(flat) == len(set(flat)) == 120
    lines = "".join(export_lines(backend, request, "csv")).splitlines()[2:]
    assert [line.split(",")[0] for line in lines] == flat


def test_top_positions_breaks_ties_by_document_number():
    from search.ranking import top_positions

    scores = np.array([1.0, 2.0, 2.0, 2.0, 0.5])
    docs = np.array([10, 14, 12, 13, 11])
    assert sorted(docs[top_positions(scores, docs, 2)].tolist()) == [12, 13]
    assert sorted(top_positions(scores, docs, 9).tolist()) == [0, 1, 2, 3, 4]


def test_many_postings_are_looked_up_in_a_table(searcher, monkeypatch):
    """The table lookup is taken for postings of at least 1/DENSE_LOOKUPS of the documents (no
    binary search left)."""
    docs = np.asarray(sorted(searcher.docs_for_query(parse_query("talks", searcher.schema))), dtype=np.int64)
    monkeypatch.setattr(ranking_module, "DENSE_LOOKUPS", 10**9)
    monkeypatch.setattr(ranking_module.np, "searchsorted", None)  # any binary search would fail
    assert rank(searcher, parse_query("talks", searcher.schema), docs, 5) is not None


def test_few_ranked_documents_are_looked_up_in_the_postings(searcher, monkeypatch):
    """Two ranked documents against the many postings of body:talks: each segment's ranked documents
    are searched in the postings (one lookup per segment and term) and the postings are never
    searched in the documents or marked in a table; the ranking is the one the other way gives."""
    parsed = parse_query("body:talks", searcher.schema)
    docs = np.asarray(sorted(searcher.docs_for_query(parsed))[3:5], dtype=np.int64)
    expected = rank(searcher, parsed, docs, 2)
    calls = []
    rows = ranking_module._Scorer._rows
    monkeypatch.setattr(ranking_module._Scorer, "_rows", lambda self, *a: calls.append(a) or rows(self, *a))
    monkeypatch.setattr(ranking_module._Scorer, "_places", None)  # the other way would fail
    assert rank(searcher, parsed, docs, 2) == expected
    assert len(calls) == 2  # two segments


def test_few_ranked_matches_random_postings():
    """The two ways of matching ranked documents with postings agree on random sets."""
    rng = np.random.default_rng(5)

    class Leaf:
        def doc_count_all(self):
            return 500

    for _ in range(50):
        ids = np.unique(rng.integers(0, 500, rng.integers(1, 400)))
        docs = np.unique(rng.integers(0, 1500, rng.integers(1, 300)))
        scorer = ranking_module._Scorer(None, docs, type("P", (), {"ndocs": 1500})())
        results = []
        for few in (0, 10**9):
            ranking_module.FEW_RANKED, saved = few, ranking_module.FEW_RANKED
            try:
                results.append([a.tolist() for a in scorer._matches(Leaf(), 500, ids)])
            finally:
                ranking_module.FEW_RANKED = saved
        inside = np.flatnonzero(np.isin(docs, ids + 500))
        assert results[0] == results[1] == [inside.tolist(), ids.searchsorted(docs[inside] - 500).tolist()]


def test_id_ranks_in_python_and_through_numpy_agree(monkeypatch):
    ids = ["b-2", "a-10", "a-2", None, "Zeta", "ärger", "a-10", "é", "ab", ""]
    docs = np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    in_python = ranking_module.id_ranks(docs, ids)
    assert in_python.tolist() == [5, 2, 3, 0, 1, 6, 2, 7, 4, 0]  # code point order; None as ""
    monkeypatch.setattr(ranking_module, "FEW_IDS", 0)
    assert ranking_module.id_ranks(docs, ids).tolist() == in_python.tolist()
    assert ranking_module.id_ranks(docs[:0], ids).tolist() == []
