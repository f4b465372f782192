"""Array helpers of search/postings.py."""

from __future__ import annotations

import numpy as np
import pytest

from search import postings
from search.postings import intersection, sorted_intersection, sorted_unique, union


@pytest.mark.parametrize("dtype", [np.int32, np.int64, np.uint32])
def test_sorted_unique_equals_numpy_unique(dtype) -> None:
    rng = np.random.default_rng(15)
    for size in (0, 1, 2, 3, 17, 1_000, 50_000):
        values = rng.integers(0, max(size // 3, 1), size=size).astype(dtype)
        got = sorted_unique(values)
        assert got.dtype == dtype
        assert got.tolist() == np.unique(values).tolist()


def test_sorted_unique_keeps_its_input() -> None:
    values = np.array([5, 1, 5, 3, 1], dtype=np.int64)
    assert sorted_unique(values).tolist() == [1, 3, 5]
    assert values.tolist() == [5, 1, 5, 3, 1]


def test_sorted_unique_of_a_union_of_sorted_postings() -> None:
    title = np.array([2, 9, 40], dtype=np.int64)
    body = np.array([0, 2, 3, 9, 41], dtype=np.int64)
    assert sorted_unique(np.concatenate([title, body])).tolist() == [0, 2, 3, 9, 40, 41]


@pytest.mark.parametrize("dense", [1, 10**9], ids=["sorting", "mask"])
@pytest.mark.parametrize("search", [1, 10**9], ids=["binary-search", "merge"])
def test_union_and_intersection_equal_numpys(dense, search, monkeypatch) -> None:
    """Every way (sorting, binary search, a mask over all documents) gives numpy's union and
    intersection."""
    monkeypatch.setattr(postings, "DENSE_SETS", dense)
    monkeypatch.setattr(postings, "SEARCH_RATIO", search)
    rng = np.random.default_rng(16)
    ndocs = 5_000
    for sizes in ((0, 0), (1, 0), (3, 2_000), (2_500, 2_500), (4_990, 17), (5_000, 1), (1, 5_000), (7, 9)):
        a, b = (np.sort(rng.choice(ndocs, size, replace=False)).astype(np.int64) for size in sizes)
        got = union([a, b], ndocs)
        assert (got.dtype, got.tolist()) == (np.dtype(np.int64), np.union1d(a, b).tolist())
        got = intersection(a, b, ndocs)
        assert (got.dtype, got.tolist()) == (np.dtype(np.int64), np.intersect1d(a, b).tolist())
    assert union([], ndocs).tolist() == []


def test_large_sets_go_through_a_mask(monkeypatch) -> None:
    """Operands of at least 1/DENSE_SETS of the documents are never sorted."""
    def refuse(*args, **kwargs):
        raise AssertionError("sorted")

    monkeypatch.setattr(postings, "sorted_unique", refuse)
    monkeypatch.setattr(postings.np, "intersect1d", refuse)
    ndocs = 16 * 100
    a, b = np.arange(0, 200, 2), np.arange(0, 300, 3)
    assert union([a, b], ndocs).tolist() == sorted(set(a.tolist()) | set(b.tolist()))
    assert intersection(a, b, ndocs).tolist() == list(range(0, 200, 6))


def test_sorted_intersection_searches_the_smaller_set(monkeypatch) -> None:
    """A set SEARCH_RATIO times smaller than the other is searched in it (never sorted with it),
    with numpy's answer on random sets; sets of similar sizes are merged by numpy."""
    rng = np.random.default_rng(8)
    cases = []
    for _ in range(200):
        small, large = (np.unique(rng.integers(0, 3_000, n)).astype(np.int64)
                        for n in (rng.integers(1, 40), rng.integers(400, 2_000)))
        cases.append((small, large, np.intersect1d(small, large).tolist()))
    merged = []
    intersect1d = np.intersect1d
    monkeypatch.setattr(postings.np, "intersect1d", lambda *a, **k: merged.append(1) or intersect1d(*a, **k))
    for small, large, expected in cases:
        for a, b in ((small, large), (large, small)):
            got = sorted_intersection(a, b)
            assert (got.dtype, got.tolist()) == (np.dtype(np.int64), expected)
    assert merged == []
    assert sorted_intersection(np.arange(10), np.arange(5, 20)).tolist() == [5, 6, 7, 8, 9]
    assert merged == [1]
