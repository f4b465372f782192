"""Exact phrases (Whoosh ``Phrase`` with slop 1) matched over whole postings arrays.

The candidates are the documents holding every word (numpy intersection of the words' postings);
their positions are then decoded and checked with array operations.  The positions of one word
in one segment are decoded with a single ``pickle.loads`` (see
:func:`search.whoosh_compat.decode_positions`) instead
of one call per document, and the check is one binary search per word over ``candidate << 32 |
position`` keys instead of Python sets per document.  The words' postings are read through the
search's :class:`~search.postings.PostingsCache` with their weights, so ranking the phrase (by its
words) reads no block a second time.

Semantics are Whoosh's: the words at consecutive positions, stop words taking no position
(the analyzer numbers positions that way), a phrase within one field, never across fields.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from search.budget import Deadline
from search.postings import PositionArrays, PostingsCache, sorted_intersection, sorted_unique
from search.whoosh_compat import decode_positions

#: Bits of a check key below the candidate's index: positions are below 2**32.
_POSITION_BITS = 32
_EMPTY = np.zeros(0, dtype=np.int64)


def phrase_docs(searcher, fieldname: str, words: Sequence[str], postings: PostingsCache,
                deadline: Deadline) -> np.ndarray:
    """Sorted document numbers of ``searcher`` holding ``words`` at consecutive positions of
    ``fieldname`` (an exact phrase, as Whoosh's ``Phrase`` with slop 1 matches it)."""
    words = list(words)
    if not words or fieldname not in searcher.schema:
        return _EMPTY
    fmt = searcher.schema[fieldname].format
    parts = []
    for index, (_leaf, offset) in enumerate(postings.leaves):
        found = []
        for word in words:  # a word the segment lacks: the others need not be decoded
            found.append(postings.get(index, fieldname, word, values=True))
            if found[-1] is None:
                break
        if found[-1] is None:
            continue
        deadline.check()
        docs = segment_phrase_docs([(p.ids, p.values) for p in found], fmt)
        if len(docs):
            parts.append(docs + offset)
    return np.concatenate(parts) if parts else _EMPTY


def segment_phrase_docs(words: list[tuple[np.ndarray, list | PositionArrays]], fmt) -> np.ndarray:
    """Document numbers of one segment where the words follow each other.

    ``words``: per word of the phrase, its sorted document numbers and their positions (encoded
    values, or :class:`~search.postings.PositionArrays`).
    """
    candidates = words[0][0]
    for ids, _values in words[1:]:
        candidates = sorted_intersection(candidates, ids)
    if len(candidates) == 0:
        return _EMPTY
    alive = np.arange(len(candidates), dtype=np.int64)
    ends = None
    for ids, values in words:
        keys = _position_keys(candidates[alive], alive, ids, values, fmt)
        # A word continues the phrase where the previous word stands one position before it.
        ends = keys if ends is None else keys[_members(keys - 1, ends)]
        if len(ends) == 0:
            return _EMPTY
        # Later words are decoded only in the candidates where the phrase so far was found.
        alive = sorted_unique(ends >> _POSITION_BITS)
    return candidates[alive]


def _members(wanted: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of ``wanted`` are in ``keys`` (non-empty), by binary search: both arrays are sorted
    already, which ``np.isin`` would not use (it sorts their concatenation, 3x slower here)."""
    if np.any(keys[1:] <= keys[:-1]):  # positions are stored ascending; guard a format that is not
        keys = sorted_unique(keys)
    where = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return keys[where] == wanted


def _position_keys(docs: np.ndarray, numbers: np.ndarray, ids: np.ndarray,
                   values: list | PositionArrays, fmt) -> np.ndarray:
    """``number << 32 | position`` for every position of the word in each of ``docs`` (a subset
    of ``ids``), ``numbers`` being the documents' candidate numbers (ascending)."""
    where = np.searchsorted(ids, docs)
    if isinstance(values, PositionArrays):  # Dateline blocks: positions are arrays already
        positions, counts = values.take(where)
    else:
        positions, counts = decode_positions(list(map(values.__getitem__, where.tolist())), fmt)
    return (np.repeat(numbers, counts) << _POSITION_BITS) | positions
