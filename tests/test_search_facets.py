"""Facet counts and month counts of search/facets.py, against counting each value directly."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from search import engine, facets
from search import schema as S
from search.engine import DAY_FACET_MAX_SPAN
from search.facets import FEW_DOCS, NO_DAY, FacetArrays, _Vocab, month_text

KIND = "person"


def _arrays(rng: np.random.Generator, ndocs: int, size: int) -> tuple[FacetArrays, list[list[int]]]:
    """Facet arrays of one kind: each document 0-4 values (a value may repeat in a document),
    every value of ``size`` used; and each document's values as lists."""
    per_doc = [rng.integers(0, size, rng.integers(0, 5)).tolist() for _ in range(ndocs)]
    per_doc[0] = list(range(size))
    indptr = np.concatenate([[0], np.cumsum([len(v) for v in per_doc])]).astype(np.int64)
    ords = np.array([o for values in per_doc for o in values], dtype=np.int32)
    vocab = _Vocab([f"k{i}" for i in range(size)], {f"k{i}": i for i in range(size)})
    day = np.full(ndocs, NO_DAY, dtype=np.int32)
    arrays = FacetArrays(ndocs, day, {KIND: indptr}, {KIND: ords}, {KIND: vocab},
                         {KIND: [f"K{i}" for i in range(size)]})
    return arrays, per_doc


def _expected(per_doc: list[list[int]], docs: np.ndarray) -> tuple[list[int], list[int]]:
    counted = Counter(o for d in docs.tolist() for o in per_doc[d])
    ordinals = sorted(counted)
    return ordinals, [counted[o] for o in ordinals]


@pytest.mark.parametrize("size", [3, 500, 20_000])
def test_counts_equal_counting_each_value(size):
    """Few, many and most of the documents (counted from all documents' counts less the others'),
    small and large vocabularies (sorted or counted into an array)."""
    rng = np.random.default_rng(size)
    arrays, per_doc = _arrays(rng, 3_000, size)
    for share in (0, 0.001, 0.1, 0.5, 0.51, 0.9, 1.0):
        docs = np.sort(rng.choice(3_000, int(share * 3_000), replace=False)).astype(np.int64)
        ordinals, counts = arrays.count_nonzero(KIND, docs)
        assert ordinals.dtype == counts.dtype == np.int64
        assert (ordinals.tolist(), counts.tolist()) == _expected(per_doc, docs)


def test_most_documents_are_counted_from_the_others(monkeypatch):
    """Counting 90 % of the documents reads the values of the other 10 % only."""
    arrays, per_doc = _arrays(np.random.default_rng(3), 1_000, 50)
    read = []
    values = FacetArrays._values

    def recording(self, kind, docs):
        read.append(len(docs))
        return values(self, kind, docs)

    monkeypatch.setattr(FacetArrays, "_values", recording)
    docs = np.arange(100, 1_000)
    ordinals, counts = arrays.count_nonzero(KIND, docs)
    assert read == [100]
    assert (ordinals.tolist(), counts.tolist()) == _expected(per_doc, docs)


def test_month_counts_are_the_days_months():
    """Months of dated documents (before and after 1970), undated ones left out, in date order."""
    rng = np.random.default_rng(4)
    day = rng.integers(-800, 20_000, 2_000).astype(np.int32)
    day[rng.choice(2_000, 300, replace=False)] = NO_DAY
    arrays = FacetArrays(2_000, day, {}, {}, {}, {})
    few = [np.sort(rng.choice(2_000, n, replace=False)) for n in (1, 5, FEW_DOCS)]  # counted in Python
    for docs in (np.arange(2_000), np.sort(rng.choice(2_000, 50, replace=False)), np.zeros(0, dtype=np.int64),
                 np.flatnonzero(day == NO_DAY), np.flatnonzero(day == NO_DAY)[:3], *few):
        days = day[docs]
        months = days[days != NO_DAY].astype("datetime64[D]").astype("datetime64[M]")
        values, counts = np.unique(months, return_counts=True)
        assert arrays.month_counts(docs) == [(str(v), int(c)) for v, c in zip(values, counts, strict=True)]


@pytest.mark.parametrize("month", [0, -1, -12, -13, 11, 12, 659, -23_641, -23_640, 96_587, 96_588,
                                   10**6, -10**6])
def test_month_text_is_numpys_spelling(month):
    """Months since 1970 written as numpy writes them: 1969-12, year 1, 9999-12 and far years."""
    assert month_text(month) == str(np.datetime64(month, "M"))


def _one_each(rng: np.random.Generator, ndocs: int, size: int) -> tuple[FacetArrays, list[list[int]]]:
    """Facet arrays of one kind where every document has exactly one value (as outlets)."""
    per_doc = [[int(o)] for o in rng.integers(0, size, ndocs)]
    indptr = np.arange(ndocs + 1, dtype=np.int64)
    ords = np.array([values[0] for values in per_doc], dtype=np.int32)
    vocab = _Vocab([f"k{i}" for i in range(size)], {f"k{i}": i for i in range(size)})
    arrays = FacetArrays(ndocs, np.full(ndocs, NO_DAY, dtype=np.int32), {KIND: indptr}, {KIND: ords},
                         {KIND: vocab}, {KIND: [f"K{i}" for i in range(size)]})
    return arrays, per_doc


@pytest.mark.parametrize("size", [3, 500, 20_000])
def test_one_value_each_is_read_at_the_documents(size, monkeypatch):
    """A kind with exactly one value per document is counted without gathering value positions
    (no ``np.repeat``, which the lists' path needs), with the same counts; lists are not."""
    rng = np.random.default_rng(size + 1)
    arrays, per_doc = _one_each(rng, 3_000, size)
    assert arrays.one_value_each(KIND)
    assert not _arrays(rng, 300, size)[0].one_value_each(KIND)
    monkeypatch.setattr(np, "repeat", None)  # the lists' path would fail
    for share in (0.001, 0.1, 0.5, 0.9, 1.0):
        docs = np.sort(rng.choice(3_000, int(share * 3_000), replace=False)).astype(np.int64)
        ordinals, counts = arrays.count_nonzero(KIND, docs)
        assert (ordinals.tolist(), counts.tolist()) == _expected(per_doc, docs)


def test_one_value_each_needs_every_document_to_have_one():
    """As many values as documents is not enough: one document without a value and another with
    two is a list."""
    per_doc = [[0], [], [1, 2], [0]]
    indptr = np.array([0, 1, 1, 3, 4], dtype=np.int64)
    ords = np.array([0, 1, 2, 0], dtype=np.int32)
    vocab = _Vocab(["a", "b", "c"], {"a": 0, "b": 1, "c": 2})
    arrays = FacetArrays(4, np.full(4, NO_DAY, dtype=np.int32), {KIND: indptr}, {KIND: ords},
                         {KIND: vocab}, {KIND: ["A", "B", "C"]})
    assert not arrays.one_value_each(KIND)
    assert arrays.count_nonzero(KIND, np.arange(4))[1].tolist() == [2, 1, 1]
    assert _expected(per_doc, np.arange(4)) == ([0, 1, 2], [2, 1, 1])


def _all_kinds(rng: np.random.Generator, ndocs: int) -> FacetArrays:
    """Facet arrays of every kind (outlets one per document, the others lists of 0-6 values)."""
    from search import schema as S

    indptr, ords, vocab, display = {}, {}, {}, {}
    for n, kind in enumerate(S.FACET_KINDS):
        size = 40 if kind == S.OUTLET else 50 + 400 * n
        if kind == S.OUTLET:
            lists = [[int(o)] for o in rng.integers(0, size, ndocs)]
        else:
            lists = [rng.integers(0, size, rng.integers(0, 7)).tolist() for _ in range(ndocs)]
        indptr[kind] = np.concatenate([[0], np.cumsum([len(v) for v in lists])]).astype(np.int64)
        ords[kind] = np.array([o for values in lists for o in values], dtype=np.int32)
        vocab[kind] = _Vocab([f"k{i}" for i in range(size)], {f"k{i}": i for i in range(size)})
        display[kind] = [f"K{i}" for i in range(size)]
    return FacetArrays(ndocs, np.full(ndocs, NO_DAY, dtype=np.int32), indptr, ords, vocab, display)


@pytest.mark.parametrize("chunk", [7, 1 << 15])
def test_kinds_counted_together_equal_each_kind_counted(chunk, monkeypatch):
    """Counting several kinds over the same documents in one pass gives each kind's own counts
    (and does count them in one pass: the kind-by-kind count is not called), in one array; the
    combined lists built in one step or in steps of 7 documents."""
    from search import facets
    from search import schema as S

    rng = np.random.default_rng(9)
    arrays = _all_kinds(rng, 2_000)
    monkeypatch.setattr(facets, "_BUILD_CHUNK", chunk)
    assert arrays.all_kinds() is not None
    monkeypatch.undo()
    count_nonzero = FacetArrays.count_nonzero
    for docs in (np.arange(0, 2_000, 400), np.arange(0, 2_000, 2)):  # ~15 values, ~3,000
        expected = {kind: count_nonzero(arrays, kind, docs) for kind in S.FACET_KINDS}
        monkeypatch.setattr(np, "unique", None)  # counted in an array, never sorted
        got = arrays.count_kinds(list(S.FACET_KINDS), docs)
        monkeypatch.undo()
        assert {k: [a.tolist() for a in v] for k, v in got.items()} == {
            k: [a.tolist() for a in v] for k, v in expected.items()}
    for share in (0.002, 0.05, 0.3, 0.5):
        docs = np.sort(rng.choice(2_000, int(share * 2_000), replace=False)).astype(np.int64)
        expected = {kind: count_nonzero(arrays, kind, docs) for kind in S.FACET_KINDS}
        for kinds in (list(S.FACET_KINDS), list(S.FACET_KINDS[1:]), [S.PLACE, S.SPEAKER]):
            monkeypatch.setattr(FacetArrays, "count_nonzero", None)  # the kind-by-kind count fails
            got = arrays.count_kinds(kinds, docs)
            monkeypatch.undo()
            assert list(got) == kinds
            for kind in kinds:
                assert got[kind][0].dtype == got[kind][1].dtype == np.int64
                assert [a.tolist() for a in got[kind]] == [a.tolist() for a in expected[kind]]


def test_kinds_are_counted_one_by_one_when_they_cannot_be_combined():
    """Most of the documents, one kind, or ordinals past a kind's values: each kind by itself."""
    from search import schema as S

    rng = np.random.default_rng(10)
    arrays = _all_kinds(rng, 500)
    docs = np.arange(400)
    assert {k: [a.tolist() for a in v] for k, v in arrays.count_kinds(list(S.FACET_KINDS), docs).items()} == {
        k: [a.tolist() for a in arrays.count_nonzero(k, docs)] for k in S.FACET_KINDS}
    assert arrays.count_kinds([S.PLACE], docs[:5])[S.PLACE][1].tolist() == \
        arrays.count_nonzero(S.PLACE, docs[:5])[1].tolist()
    broken = _all_kinds(rng, 500)
    broken.display[S.PERSON] = broken.display[S.PERSON][:10]  # ordinals reach past the values
    assert broken.all_kinds() is None
    assert broken.count_kinds(list(S.FACET_KINDS), docs[:50])[S.PERSON] is not None


@pytest.mark.parametrize("span", [0, 30, DAY_FACET_MAX_SPAN, DAY_FACET_MAX_SPAN + 1, 5_000])
def test_day_counts_of_few_documents_are_the_general_paths(span, monkeypatch):
    """Pages of a rare word (at most FEW_DOCS matches, counted in Python) list the days the numpy
    path lists: none when the dated matches span more than DAY_FACET_MAX_SPAN days."""
    rng = np.random.default_rng(span)
    day = (18_000 + rng.integers(0, span + 1, 200)).astype(np.int32)
    day[0], day[1] = 18_000, 18_000 + span
    day[rng.choice(np.arange(2, 200), 40, replace=False)] = NO_DAY
    arrays = FacetArrays(200, day, {}, {}, {}, {})
    undated = np.flatnonzero(day == NO_DAY)[:4]
    for docs in (np.array([0, 1]), np.arange(FEW_DOCS), undated, np.zeros(0, dtype=np.int64)):
        few = engine._day_counts(arrays, docs)
        monkeypatch.setattr(facets, "FEW_DOCS", -1)
        assert few == engine._day_counts(arrays, docs)
        monkeypatch.undo()
    assert [v.value for v in engine._day_counts(arrays, np.array([0, 1]))] == (
        [] if span > DAY_FACET_MAX_SPAN else sorted({"2019-04-14", S.day_to_date(18_000 + span).isoformat()}))


def test_top_counts_are_each_kinds_top_values_by_count_then_key():
    """For few values, every kind's top values come from one sort: the same values and counts as
    counting the kind and choosing its top values (ties by key: "k10" before "k2"), listed by
    count, then key."""
    from search import schema as S
    from search.engine import top_ordinals

    rng = np.random.default_rng(11)
    arrays = _all_kinds(rng, 3_000)
    for size in (0, 1, 3, 12, 30):  # up to ~400 values of ~4,200: few
        docs = np.sort(rng.choice(3_000, size, replace=False)).astype(np.int64)
        for kinds in (list(S.FACET_KINDS), [S.PLACE, S.SPEAKER]):
            for limit in (1, 5, 20):
                got = arrays.top_counts(kinds, docs, limit)
                assert list(got) == kinds
                for kind in kinds:
                    ordinals, counts = arrays.count_nonzero(kind, docs)
                    top = top_ordinals(ordinals, counts, arrays.key_ranks(kind), limit)
                    count_of = dict(zip(ordinals.tolist(), counts.tolist(), strict=True))
                    ranks = arrays.key_ranks(kind)
                    in_order = sorted(top, key=lambda o: (-count_of[o], ranks[o]))
                    assert got[kind] == (in_order, [count_of[o] for o in in_order])


def test_top_counts_decline_many_values_and_uncombined_kinds(monkeypatch):
    from search import facets
    from search import schema as S

    rng = np.random.default_rng(12)
    arrays = _all_kinds(rng, 500)
    assert arrays.top_counts(list(S.FACET_KINDS), np.arange(400), 20) is None  # many: count instead
    # Declined before the values are gathered: by the documents' number, then by their values'.
    gather = facets._gathered
    monkeypatch.setattr(facets, "_gathered", None)
    assert arrays.top_counts(list(S.FACET_KINDS), np.arange(300), 20) is None  # ~3,900 values
    monkeypatch.setattr(facets, "_gathered", lambda *args: gathered.append(1) or gather(*args))
    gathered: list = []
    assert arrays.top_counts(list(S.FACET_KINDS), np.arange(5), 20) is not None and gathered == [1]
    assert arrays.top_counts([], np.arange(3), 20) is None
    broken = _all_kinds(rng, 500)
    broken.display[S.PERSON] = broken.display[S.PERSON][:10]  # ordinals reach past the values
    assert broken.top_counts(list(S.FACET_KINDS), np.arange(3), 20) is None


def test_an_all_caps_transcript_label_is_shown_only_when_nothing_else_is(monkeypatch):
    """Issue 12, twentieth round: the speaker facet reads as a list of people, so "AMY GOODMAN" (the
    transcripts' label, in most documents) shows as the one other spelling, or in name case."""
    from types import SimpleNamespace

    cache = facets.FacetCache()
    kind = S.SPEAKER
    for key in ("amy goodman", "juan gonzalez"):
        cache._vocab[kind].ordinal(key)
    displays = Counter({(0, "AMY GOODMAN"): 5, (0, "Amy Goodman"): 1, (1, "JUAN GONZÁLEZ"): 3})
    part = SimpleNamespace(displays={kind: displays})
    assert cache._displays(kind, [part]) == ["Amy Goodman", "Juan González"]


def test_both_backends_choose_the_same_spelling():
    """The OpenSearch backend picks a facet's shown spelling from its (key, spelling) buckets with
    the same rule (``search.names.shown_spelling``), so the facet reads the same on either."""
    from search import opensearch_schema as O
    from search.opensearch_backend import spellings

    sep = O.PAIR_SEPARATOR
    buckets = [
        {"key": f"amy goodman{sep}AMY GOODMAN", "doc_count": 5},
        {"key": f"amy goodman{sep}Amy Goodman", "doc_count": 1},
        {"key": f"juan gonzalez{sep}JUAN GONZÁLEZ", "doc_count": 3},
        {"key": f"sergey lavrov{sep}Sergei Lavrov", "doc_count": 2},
        {"key": f"sergey lavrov{sep}Sergey Lavrov", "doc_count": 2},
    ]
    assert spellings(buckets) == {
        "amy goodman": "Amy Goodman",
        "juan gonzalez": "Juan González",
        "sergey lavrov": "Sergei Lavrov",  # a tie: alphabetical, as before
    }
