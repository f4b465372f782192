"""Array helpers of search/postings.py."""

from __future__ import annotations

import numpy as np
import pytest

from search import postings
from search.postings import intersection, sorted_unique, union


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
def test_union_and_intersection_equal_numpys(dense, monkeypatch) -> None:
    """Both ways (sorting, a mask over all documents) give numpy's union and intersection."""
    monkeypatch.setattr(postings, "DENSE_SETS", dense)
    rng = np.random.default_rng(16)
    ndocs = 5_000
    for sizes in ((0, 0), (1, 0), (3, 2_000), (2_500, 2_500), (4_990, 17)):
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
