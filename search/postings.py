"""Whole postings lists of one index segment as numpy arrays.

Whoosh's matchers step through postings one document at a time, several method calls each; the
engine instead reads a term's postings block by block (document numbers, and when asked the
term weights or the positions) and works on arrays.  Two block formats are read this way:
Dateline's own (:mod:`search.whoosh_codec`: a whole term decoded as arrays, positions as one flat
array) and Whoosh's W3 blocks of older segments (block by block, positions kept encoded until a
phrase decodes the few it checks); anything else raises :class:`NoFastPath` and the caller uses
Whoosh's own matching.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh.formats import Positions

from search.whoosh_codec import DatelineLeafMatcher, positions_from_deltas
from search.whoosh_compat import leaf_blocks


class NoFastPath(Exception):
    """The postings are not in the block format read here."""


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of an integer array (document numbers, position keys), ascending.

    ``np.unique`` gives the same, but numpy 2.3 made its plain form (no counts, no indices) a
    hash table, which for arrays of document numbers is 30-50x slower than sorting: ~540 ms
    against ~10 ms for 1.7 million numbers, and the union of a word's title and body postings at
    300k articles spent ~20 ms of a ~50 ms query there.  Sorting and dropping repeats stays
    O(n log n) in C on every numpy version.
    """
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


#: Set operations over document numbers go through a mask over all documents when the operands
#: hold at least 1/DENSE_SETS of them: a pass over the mask is then cheaper than sorting.
DENSE_SETS = 16


def union(parts: list[np.ndarray], ndocs: int) -> np.ndarray:
    """The distinct document numbers of ``parts`` (each in [0, ``ndocs``)), ascending.

    A common word's title and body postings at 300k articles are ~200,000 numbers: sorting them
    took ~5 ms a query (cProfile), marking them in a mask of the 300,000 documents and reading it
    back ~2 ms.
    """
    if not parts:
        return np.zeros(0, dtype=np.int64)
    if sum(map(len, parts)) * DENSE_SETS < ndocs:
        return sorted_unique(np.concatenate(parts))
    mask = np.zeros(ndocs, dtype=bool)
    for part in parts:
        mask[part] = True
    return np.flatnonzero(mask)


def intersection(a: np.ndarray, b: np.ndarray, ndocs: int) -> np.ndarray:
    """The numbers in both ``a`` and ``b`` (ascending, distinct, in [0, ``ndocs``)), ascending:
    for large operands a mask of ``a`` read at ``b``, else :func:`sorted_intersection`."""
    if (len(a) + len(b)) * DENSE_SETS < ndocs:
        return sorted_intersection(a, b)
    mask = np.zeros(ndocs, dtype=bool)
    mask[a] = True
    return b[mask[b]]


#: :func:`sorted_intersection` searches the smaller operand in the larger one when the larger
#: holds at least this many times as many numbers.
SEARCH_RATIO = 8


def sorted_intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The numbers in both ``a`` and ``b`` (each ascending and distinct), ascending.

    ``np.intersect1d(a, b, assume_unique=True)`` sorts the two concatenated; when one is much
    smaller (a phrase's rarer word against "people"'s postings) one binary search per number of
    the smaller finds them, without reading the larger one whole.
    """
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) * SEARCH_RATIO > len(large) or len(small) == 0:
        return np.intersect1d(a, b, assume_unique=True)
    found, _where = sorted_lookup(large, small)
    return small[found]


def sorted_lookup(haystack: np.ndarray, needles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(which of ``needles`` are in ``haystack``, as a mask; where each found one is in it): one
    binary search per needle in an ascending, distinct ``haystack``."""
    where = haystack.searchsorted(needles)
    found = where < len(haystack)
    found[found] = haystack[where[found]] == needles[found]
    return found, where[found]


class PositionArrays:
    """Positions of a term's postings in one flat array (ascending within each posting), with
    each posting's count: what Dateline blocks hold.  Indexing gives a posting's value encoded as
    Whoosh's ``Positions`` format encodes it (for code written against encoded values).

    Made from the stored deltas (:meth:`from_deltas`), positions are summed only for the postings
    taken (:meth:`take`): a phrase checks the few postings of its candidate documents, and summing
    a common word's every position cost more than the check.
    """

    __slots__ = ("_positions", "deltas", "counts", "starts")

    def __init__(self, positions: np.ndarray, counts: np.ndarray) -> None:
        self._positions, self.deltas, self.counts = positions, None, counts
        self.starts = np.cumsum(counts) - counts

    @classmethod
    def from_deltas(cls, deltas: np.ndarray, counts: np.ndarray) -> PositionArrays:
        """The positions whose per-posting deltas are ``deltas`` (each posting's first counting
        from 0), summed when read."""
        found = cls(None, counts)
        found.deltas = deltas
        return found

    @property
    def positions(self) -> np.ndarray:
        """Every posting's positions in turn."""
        if self._positions is None:
            self._positions = positions_from_deltas(self.deltas, self.counts)
        return self._positions

    def __len__(self) -> int:
        return len(self.counts)

    def __getitem__(self, i: int) -> bytes:
        return Positions().encode(self.take(np.array([i]))[0].tolist())

    def take(self, where: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(flat positions, counts) of the postings at ``where`` (ascending indices)."""
        counts = self.counts[where]
        total = int(counts.sum())
        # Index of each wanted position: its posting's start, plus its rank within the posting.
        shift = np.repeat(self.starts[where] - (np.cumsum(counts) - counts), counts)
        at = shift + np.arange(total, dtype=np.int64)
        if self._positions is not None:
            return self._positions[at], counts
        return positions_from_deltas(self.deltas[at], counts), counts

    def subset(self, where: np.ndarray) -> PositionArrays:
        """The positions of the postings at ``where`` only."""
        return PositionArrays(*self.take(where))


@dataclass
class Postings:
    """One term's live postings in one segment: sorted document numbers and, if asked, per-document
    weights (float64) and values: positions as :class:`PositionArrays` (Dateline blocks) or a list
    of encoded values (W3 blocks, or a format other than positions)."""

    ids: np.ndarray
    weights: np.ndarray | None = None
    values: list | PositionArrays | None = None


def leaf_readers(searcher) -> list[tuple[object, int]]:
    """(segment reader, first document number) for each segment of ``searcher``."""
    reader = searcher.reader()
    return list(reader.leaf_readers()) if hasattr(reader, "leaf_readers") else [(reader, 0)]


def leaf_postings(leaf, fieldname: str, text, *, weights: bool = False,
                  values: bool = False) -> Postings | None:
    """The postings of ``fieldname:text`` in the segment ``leaf``; None when it lacks the term."""
    from whoosh.codec.whoosh3 import W3LeafMatcher
    from whoosh.matching.wrappers import FilterMatcher
    from whoosh.reading import TermNotFound

    try:
        matcher = leaf.postings(fieldname, text)
    except TermNotFound:
        return None
    deleted = None
    if isinstance(matcher, FilterMatcher):  # the segment has deletions
        matcher, deleted = matcher.child, leaf.deleted_docs_set
    if isinstance(matcher, DatelineLeafMatcher):
        found = _dateline_postings(matcher, weights, values)
    elif isinstance(matcher, W3LeafMatcher):
        found = _w3_postings(matcher, weights, values)
    else:
        raise NoFastPath()
    if deleted:
        live = np.flatnonzero(~np.isin(found.ids, np.fromiter(deleted, dtype=np.int64)))
        found.ids = found.ids[live]
        if weights:
            found.weights = found.weights[live]
        if isinstance(found.values, PositionArrays):
            found.values = found.values.subset(live)
        elif values:
            found.values = list(map(found.values.__getitem__, live.tolist()))
    return found


def _dateline_postings(matcher: DatelineLeafMatcher, weights: bool, values: bool) -> Postings:
    """A whole term of a Dateline segment, decoded as arrays."""
    arrays = matcher.term_arrays(weights=weights, positions=values)
    found = Postings(arrays.ids, arrays.weights if weights else None)
    if values:
        found.values = (PositionArrays.from_deltas(arrays.deltas, arrays.counts) if arrays.deltas is not None
                        else arrays.values)
    return found


def _w3_postings(matcher, weights: bool, values: bool) -> Postings:
    """A whole term of a W3 segment, read block by block."""
    id_blocks, weight_blocks, encoded = [], [], []
    for ids, block_weights, block_values in leaf_blocks(matcher, weights=weights, values=values):
        id_blocks.append(ids)
        if weights:
            weight_blocks.append(block_weights)
        if values:
            encoded.extend(block_values)
    empty = np.zeros(0, dtype=np.int64)
    return Postings(
        np.concatenate(id_blocks) if id_blocks else empty,
        (np.concatenate(weight_blocks) if weight_blocks else empty.astype(np.float64)) if weights else None,
        encoded if values else None,
    )


class PostingsCache:
    """The postings (with weights) one search reads, so matching and ranking decode each once."""

    def __init__(self, searcher) -> None:
        self.leaves = leaf_readers(searcher)
        #: Documents of all segments (the bound of document numbers for set operations).
        self.ndocs = sum(leaf.doc_count_all() for leaf, _offset in self.leaves)
        self._found: dict[tuple[int, str, object], Postings | None] = {}

    def get(self, index: int, fieldname: str, text, *, values: bool = False) -> Postings | None:
        """Postings of ``fieldname:text`` in the ``index``-th segment of ``leaves`` (with their
        encoded values too when ``values``: a phrase's positions)."""
        key = (index, fieldname, text)
        found = self._found.get(key, False)
        if found is False or (values and found is not None and found.values is None):
            found = leaf_postings(self.leaves[index][0], fieldname, text, weights=True, values=values)
            self._found[key] = found
        return found
