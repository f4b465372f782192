"""Array helpers of search/postings.py."""

from __future__ import annotations

import numpy as np
import pytest

from search.postings import sorted_unique


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
