"""Exact phrases (search/phrases.py) match exactly what the matcher before it and Whoosh match.

The reference is the set-based matcher that ``search.engine`` used before (copied below,
unchanged), and Whoosh's own ``Phrase`` matcher where it is affordable: on hand-made indexes with
repeated words, stop words, deletions and several segments; on the generated archive
(tests/archive_gen.py, built through the real readers and extraction) with 2- to 4-word phrases
taken from its text, absent phrases and words that occur apart; and on the benchmark's AllSides
index with the benchmark workload's phrase queries when that index has been built.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np
import pytest
from archive_gen import write_archive
from whoosh import formats
from whoosh import query as Q

from index.storage import create_index, open_index
from search import schema as S
from search.analysis import WORD_PATTERN
from search.budget import Deadline
from search.engine import search
from search.facets import FacetCache
from search.phrases import phrase_docs
from search.postings import PostingsCache, leaf_postings, leaf_readers
from search.query import parse, to_whoosh
from search.request import SearchRequest
from search.whoosh_compat import decode_positions

BENCH = Path("/tmp/dateline-bench")


def reference_phrase_docs(searcher, fieldname: str, words: list[str]) -> list[int]:
    """The matcher of ``search.engine._phrase_docs`` before search/phrases.py (commit cc41fa7)."""
    if not words or fieldname not in searcher.schema:
        return []
    decode = searcher.schema[fieldname].format.decode_positions
    parts = []
    for leaf, offset in leaf_readers(searcher):
        postings = [leaf_postings(leaf, fieldname, word, values=True) for word in words]
        if any(p is None for p in postings):
            continue
        candidates = postings[0].ids
        for later in postings[1:]:
            candidates = np.intersect1d(candidates, later.ids, assume_unique=True)
        where = [np.searchsorted(p.ids, candidates).tolist() for p in postings]
        for j, docnum in enumerate(candidates.tolist()):
            ends = set(decode(postings[0].values[where[0][j]]))
            for k in range(1, len(words)):
                ends = {p for p in decode(postings[k].values[where[k][j]]) if p - 1 in ends}
            if ends:
                parts.append(docnum + offset)
    return parts


def phrases_of(query_text: str) -> list[Q.Phrase]:
    """The exact-phrase nodes the engine's parser makes of ``query_text`` (one per field)."""
    found: list[Q.Phrase] = []

    def walk(node) -> None:
        if type(node) is Q.Phrase and node.slop == 1:
            found.append(node)
        for child in node.children():
            walk(child)

    walk(to_whoosh(parse(query_text)))
    return found


def ours(searcher, node: Q.Phrase) -> list[int]:
    return phrase_docs(searcher, node.fieldname, node.words, PostingsCache(searcher), Deadline(None)).tolist()


def candidates(searcher, node: Q.Phrase) -> set[int]:
    """Documents holding every word of ``node`` anywhere in its field."""
    sets = [set(searcher.docs_for_query(Q.Term(node.fieldname, w))) for w in node.words]
    return set.intersection(*sets) if sets else set()


def assert_same(searcher, query_text: str, *, whoosh: bool = True,
                facet_cache: FacetCache | None = None) -> tuple[int, int]:
    """Every phrase node of ``query_text`` matches what the reference (and Whoosh) match, and the
    search total is Whoosh's (``whoosh``) or the phrase nodes' union's size.  Returns (matches,
    candidates; counted only with ``whoosh``) summed over the nodes
    ((0, 0) for a quoted text that leaves one word or none after stop words: no phrase node)."""
    nodes = phrases_of(query_text)
    if not nodes:
        return 0, 0
    union: set[int] = set()
    matched = candidate_count = 0
    for node in nodes:
        got = ours(searcher, node)
        assert got == reference_phrase_docs(searcher, node.fieldname, list(node.words)), (query_text, node)
        if whoosh:
            assert got == sorted(searcher.docs_for_query(node)), (query_text, node)
        union.update(got)
        matched += len(got)
        if whoosh:  # (Whoosh's matcher is too slow for this on the 37.5k index)
            candidate_count += len(candidates(searcher, node))
    request = SearchRequest.from_args({"q": query_text})
    result = search(searcher, request, facet_cache=facet_cache or FacetCache(), time_budget=None)
    # The whole query's total: Whoosh's own count of it (NOT, OR), or for a bare phrase the union
    # of its fields' matches.
    expected = set(searcher.docs_for_query(to_whoosh(parse(query_text)))) if whoosh else union
    assert result.total == len(expected)
    return matched, candidate_count


# -- hand-made indexes -------------------------------------------------------------------------
BODIES = [
    "Very very good news today.",                     # repeated word, adjacent
    "Very good, very bad, good very.",                # the words apart and in the other order
    "The talks of the peace continue.",               # stop words between words take no position
    "Peace talks continue; talks, peace, continue.",  # a three-word phrase once, then its words apart
    "Nothing to see here.",
    "very very very good",                            # a repeated word three times
]


@pytest.fixture
def small(tmp_path):
    """Two segments, with a deletion in the first; titles hold phrases too."""
    ix = create_index(tmp_path / "ix")
    with ix.writer() as writer:
        for i, body in enumerate(BODIES):
            writer.add_document(**{S.ID: f"d{i}", S.TITLE: "Peace talks" if i % 2 else "News", S.BODY: body})
    with ix.writer() as writer:
        writer.delete_by_term(S.ID, "d3")
        writer.add_document(**{S.ID: "d9", S.TITLE: "Very good", S.BODY: "Peace talks continue very very."})
    return ix


@pytest.mark.parametrize("phrase", [
    '"very very"', '"very very very"', '"very very good"', '"good very"', '"very good"',
    '"talks of peace"', '"talks of the peace"', '"peace talks continue"',
    '"talks continue"', '"continue talks"', '"nothing here"', '"absent words"', 'title:"peace talks"',
    '"peace talks" NOT "talks continue"', '"very very" OR "peace talks"',
])
def test_small_index_phrases_equal_reference_and_whoosh(small, phrase):
    with small.searcher() as searcher:
        assert_same(searcher, phrase)


def test_small_index_exact_documents(small):
    """The expected ids, spelled out, for the cases the comparisons above cover."""
    with small.searcher() as searcher:
        def ids(text: str) -> list[str]:
            got = set()
            for node in phrases_of(text):
                got.update(ours(searcher, node))
            return sorted(searcher.stored_fields(d)[S.ID] for d in got)

        assert ids('"very very"') == ["d0", "d5", "d9"]
        assert ids('"very very very"') == ["d5"]
        assert ids('"good very"') == ["d1"]
        assert ids('"talks of the peace"') == ["d2"]   # "of the" are stop words: "talks peace"
        assert ids('"peace talks continue"') == ["d9"]  # d3 is deleted
        assert ids('"talks continue"') == ["d9"]        # d3 (deleted) had it too; d1, d5 are titles only
        assert ids('"nothing here"') == []              # "to see" are stop words: not adjacent kept words
        assert ids('"absent words"') == []


def test_a_phrase_reads_each_words_postings_once_for_matching_and_ranking(small, monkeypatch):
    """Matching and ranking share one read of each (segment, field, word): 2 segments x 2 fields
    x 2 words = 8 reads.  Before, ranking read them all again (16)."""
    import search.postings as P

    calls: list[tuple[str, str]] = []

    def counting(leaf, fieldname, text, **kwargs):
        calls.append((fieldname, text))
        return leaf_postings(leaf, fieldname, text, **kwargs)

    monkeypatch.setattr(P, "leaf_postings", counting)
    with small.searcher() as searcher:
        result = search(searcher, SearchRequest.from_args({"q": '"peace talks"'}), facet_cache=FacetCache(),
                        time_budget=None)
    assert result.total == 3  # d1 and d5 (titles), d9 (title and body)
    assert sorted(calls) == sorted([(f, w) for f in (S.BODY, S.TITLE) for w in ("peac", "talk")] * 2)


def test_later_words_are_decoded_only_where_the_phrase_so_far_was_found(tmp_path, monkeypatch):
    """Of "peace talks continue", "continue" is decoded only in the 2 documents holding "peace
    talks", not in all 6 holding the three words."""
    import search.phrases as P

    ix = create_index(tmp_path / "ix")
    with ix.writer() as writer:
        for i in range(6):
            body = "Peace talks continue." if i < 2 else "Talks continue in peace."
            writer.add_document(**{S.ID: f"d{i}", S.TITLE: "x", S.BODY: body})
    decoded: list[int] = []
    whole = P.decode_positions

    def counting(values, fmt):
        decoded.append(len(values))
        return whole(values, fmt)

    monkeypatch.setattr(P, "decode_positions", counting)
    (body,) = [node for node in phrases_of('"peace talks continue"') if node.fieldname == S.BODY]
    with ix.searcher() as searcher:
        assert ours(searcher, body) == [0, 1]
    assert decoded == [6, 6, 2]


# -- position decoding -------------------------------------------------------------------------
def test_decode_positions_equals_whooshs_decoding():
    rng = random.Random(5)
    fmt = formats.Positions()
    lists = [[], [0], [7], [70_000], list(range(1500)), [3, 4, 300, 65_536, 2**31 - 1]]
    lists += [sorted(rng.sample(range(5000), rng.randint(1, 40))) for _ in range(200)]
    values = [fmt.encode(x) for x in lists]
    flat, counts = decode_positions(values, fmt)
    assert counts.tolist() == [len(x) for x in lists]
    assert flat.tolist() == [p for x in lists for p in x]
    assert flat.tolist() == [p for v in values for p in fmt.decode_positions(v)]


def test_decode_positions_falls_back_for_values_not_in_the_spliced_shape():
    """A value without its trailing STOP (Whoosh's decoder accepts it) is decoded one by one."""
    fmt = formats.Positions()
    values = [fmt.encode([1, 5]), fmt.encode([2])[:-1], fmt.encode([4, 9, 10])]
    flat, counts = decode_positions(values, fmt)
    assert (flat.tolist(), counts.tolist()) == ([1, 5, 2, 4, 9, 10], [2, 1, 3])


def test_decode_positions_falls_back_when_a_count_disagrees_with_its_list():
    """A value whose stored count is not its list's length is not trusted to the spliced load:
    every value is then decoded by the format itself."""
    fmt = formats.Positions()
    decoded = []
    whooshs = fmt.decode_positions
    fmt.decode_positions = lambda value: decoded.append(value) or whooshs(value)
    good, wrong = fmt.encode([1]), b"\x00\x00\x00\x05" + fmt.encode([3, 4])[4:]
    flat, counts = decode_positions([good, wrong], fmt)
    assert (flat.tolist(), counts.tolist()) == ([1, 3, 4], [1, 2])
    assert decoded == [good, wrong]
    decoded.clear()
    decode_positions([good, fmt.encode([3, 4])], fmt)
    assert decoded == []  # well-formed values take the spliced load


# -- the generated archive ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """(records, open index) of the generated archive, through the real readers and extraction."""
    from archive_gen import records

    from index.writer import index_paths

    where = tmp_path_factory.mktemp("phrases")
    archive = write_archive(where / "archive", count=200)
    index_paths([archive], where / "ix", jobs=1, progress=False)
    return records(200), open_index(where / "ix")


def _generated_phrases(records: list[dict], seed: int = 3) -> list[str]:
    """2-, 3- and 4-word phrases cut from the archive's own text (stop words included), plus
    phrases of words that occur in the archive but never in that order, or at all."""
    rng = random.Random(seed)
    words = [re.findall(WORD_PATTERN, f"{r['title']}\n{r['body']}") for r in records]
    phrases = []
    for size in (2, 3, 4):
        for _ in range(12):
            text = rng.choice(words)
            start = rng.randrange(len(text) - size)
            phrases.append('"' + " ".join(text[start:start + size]) + '"')
    phrases += ['"idlib lavrov"', '"memorandum sochi"', '"talks talks"', '"monday said"',
                '"ceasefire ankara moscow"', '"quantum gravity"', '"the the"']
    return phrases


def test_generated_archive_phrases_equal_reference_and_whoosh(generated):
    records, ix = generated
    matched = candidate_total = 0
    with ix.searcher() as searcher:
        for phrase in _generated_phrases(records):
            found, held = assert_same(searcher, phrase)
            matched += found
            candidate_total += held
    # The sample is not vacuous: phrases match, and many documents hold the words apart.
    assert matched > 100
    assert candidate_total > matched + 100


# -- the benchmark's AllSides index ------------------------------------------------------------
def _bench_phrase_queries() -> list[str]:
    """Phrase queries of the last full 1x benchmark workload saved next to its index."""
    for path in sorted(BENCH.glob("bench-1x*.json")):
        saved = json.loads(path.read_text())
        if saved.get("scale") == 1 and not saved.get("limit") and saved.get("workload"):
            return [q["q"] for q in saved["workload"] if q["type"] == "phrase"]
    return []


@pytest.mark.corpora
def test_allsides_workload_phrases_equal_reference(corpora):
    """The benchmark's phrase queries on its 37.5k-article index: same documents and totals."""
    index_dir = BENCH / "1x" / "dateline-index"
    queries = _bench_phrase_queries()
    if not (index_dir / "manifest.sqlite").exists() or not queries:
        pytest.skip("run scripts/bench.py first to build the AllSides index and its workload")
    shared = FacetCache()
    with open_index(index_dir).searcher() as searcher:
        matched = 0
        for query_text in queries:
            found, _held = assert_same(searcher, query_text, whoosh=False, facet_cache=shared)
            matched += found
    assert matched > 0
