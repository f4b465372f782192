"""Whole postings lists of one index segment as numpy arrays.

Whoosh's matchers step through postings one document at a time, several method calls each; the
engine instead reads a term's postings block by block (document numbers, and when asked the
term weights or the encoded positions) and works on arrays.  Only Whoosh's standard block format
(``W3LeafMatcher``) is read this way; anything else raises :class:`NoFastPath` and the caller
uses Whoosh's own matching.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from search.whoosh_compat import leaf_blocks


class NoFastPath(Exception):
    """The postings are not in the block format read here."""


@dataclass
class Postings:
    """One term's live postings in one segment: sorted document numbers and, if asked, per-document
    weights (float64) and encoded values (e.g. positions)."""

    ids: np.ndarray
    weights: np.ndarray | None = None
    values: list | None = None


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
    if not isinstance(matcher, W3LeafMatcher):
        raise NoFastPath()
    id_blocks, weight_blocks, encoded = [], [], []
    for ids, block_weights, block_values in leaf_blocks(matcher, weights=weights, values=values):
        id_blocks.append(ids)
        if weights:
            weight_blocks.append(block_weights)
        if values:
            encoded.extend(block_values)
    empty = np.zeros(0, dtype=np.int64)
    found = Postings(
        np.concatenate(id_blocks) if id_blocks else empty,
        (np.concatenate(weight_blocks) if weight_blocks else empty.astype(np.float64)) if weights else None,
        encoded if values else None,
    )
    if deleted:
        live = ~np.isin(found.ids, np.fromiter(deleted, dtype=np.int64))
        found.ids = found.ids[live]
        if weights:
            found.weights = found.weights[live]
        if values:
            found.values = [v for v, keep in zip(encoded, live.tolist(), strict=True) if keep]
    return found


class PostingsCache:
    """The postings (with weights) one search reads, so matching and ranking decode each once."""

    def __init__(self, searcher) -> None:
        self.leaves = leaf_readers(searcher)
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
