"""Relevance ranking of a known match set: Whoosh's BM25F scores, computed over arrays.

The engine knows the exact matched set before it ranks (:mod:`search.engine`).  Asking Whoosh
for the top hits would walk the query's postings again through its matcher tree, one document
and several method calls at a time, and with a filter (facets, dates, phrases) it walks every
document of the terms to keep the few in the set.  Here each positive term's postings are read
as arrays (:mod:`search.postings`) and scored with the same BM25F formula, parameters, global
statistics and boosts Whoosh uses, and combined the way Whoosh's And, Or, AndMaybe, AndNot and
Not matchers combine them.  Tests compare the scores with Whoosh's.

Queries with other leaves (prefixes, ranges, fuzzy terms, phrases under NOT) or another weighting
model return None, and the engine lets Whoosh rank them.
"""

from __future__ import annotations

import threading

import numpy as np
from whoosh import query as Q
from whoosh import scoring

from search.postings import NoFastPath, PostingsCache, leaf_readers, sorted_lookup
from search.whoosh_compat import bm25_parameters

#: Per-segment field-length arrays kept (segment id, field) -> lengths; dropped wholesale when full.
_LENGTHS_LIMIT = 512
_LENGTHS: dict[tuple[str, str], np.ndarray] = {}
_LENGTHS_LOCK = threading.Lock()
#: A term's postings are looked up in the ranked documents through a table of all documents
#: when they number at least 1/DENSE_LOOKUPS of the documents (``_Scorer._places``).
DENSE_LOOKUPS = 32
#: A segment's ranked documents are looked up in a term's postings (instead of the postings in
#: the documents) when the postings outnumber them by at least this factor (``_Scorer._rows``).
FEW_RANKED = 4


def for_ranking(node: Q.Query) -> Q.Query:
    """``node`` with each positive exact phrase replaced by the AND of its words.

    The engine ranks documents already known to contain the phrase, so positions need not be
    verified again; the words carry the phrase's boost.  Phrases under NOT stay as they are.
    """
    if isinstance(node, Q.Phrase) and node.slop == 1:
        return Q.And([Q.Term(node.fieldname, word, boost=node.boost) for word in node.words])
    if isinstance(node, Q.AndNot):
        return Q.AndNot(for_ranking(node.a), node.b)
    if isinstance(node, Q.Not):
        return node
    return node.apply(for_ranking)


def rank(searcher, query: Q.Query, docs: np.ndarray, limit: int,
         postings: PostingsCache | None = None, days: np.ndarray | None = None,
         ids: list | None = None) -> list[int] | None:
    """The ``limit`` best of ``docs`` (sorted document numbers that match ``query``), best first.

    Equal scores go newest first (``days``: publication day per document number, the facet
    arrays' encoding), then by article id (``ids``), then by document number: the order both
    backends use, so ties do not depend on the engine.  None when this query cannot be scored here.
    """
    if type(searcher.weighting) is not scoring.BM25F:
        return None
    try:
        _mask, scores = _Scorer(searcher, docs, postings or PostingsCache(searcher)).evaluate(query)
    except (_Unscorable, NoFastPath):
        return None
    return [int(d) for d in docs[best_first(scores, docs, limit, _newest_first(docs, days), ids)]]


def best_first(primary: np.ndarray, docs: np.ndarray, limit: int, secondary: np.ndarray | None = None,
               ids: list | None = None, *, ids_descending: bool = False) -> np.ndarray:
    """Positions of the ``limit`` best of ``docs``, in order: ``primary`` descending, then
    ``secondary`` ascending, then article id (ascending unless ``ids_descending``), then document
    number.  Only the page's worth is ordered, and only ties at the cut look at the later keys."""
    sign = -1 if ids_descending else 1
    best = top_positions(primary, docs, limit, secondary, ids, ids_sign=sign)
    second = secondary[best] if secondary is not None else np.zeros(len(best), dtype=np.int64)
    return best[np.lexsort((docs[best], sign * id_ranks(docs[best], ids), second, -primary[best]))]


def _newest_first(docs: np.ndarray, days: np.ndarray | None) -> np.ndarray:
    """A key ascending from the newest publication day to the oldest, undated last."""
    if days is None:
        return np.zeros(len(docs), dtype=np.int64)
    return -days[docs].astype(np.int64)  # undated (int32 min) becomes the largest key


#: Ids up to which :func:`id_ranks` sorts them in Python: a page's ten take ~3 us there against ~10
#: through a numpy string array, whose sort wins only for tens of thousands of tied documents.
FEW_IDS = 4096


def id_ranks(docs: np.ndarray, ids: list | None) -> np.ndarray:
    """Rank of each document's article id among ``docs`` (zeros without ids)."""
    if not ids or len(docs) == 0:
        return np.zeros(len(docs), dtype=np.int64)
    keys = [ids[d] or "" for d in docs.tolist()]
    if len(keys) > FEW_IDS:
        return np.unique(np.array(keys, dtype=str), return_inverse=True)[1]
    ranks = {key: rank for rank, key in enumerate(sorted(set(keys)))}  # code point order, as numpy's
    return np.array([ranks[key] for key in keys], dtype=np.int64)


def _best(keys: np.ndarray, positions: np.ndarray, wanted: int) -> tuple[np.ndarray, np.ndarray]:
    """Of ``positions``, those whose key is below the ``wanted``-th smallest, and those equal to it."""
    values = keys[positions]
    cut = np.partition(values, wanted - 1)[wanted - 1]
    return positions[values < cut], positions[values == cut]


def top_positions(scores: np.ndarray, docs: np.ndarray, limit: int, newest: np.ndarray | None = None,
                  ids: list | None = None, ids_sign: int = 1) -> np.ndarray:
    """Positions of the ``limit`` best ``scores``, ties at the cut broken as :func:`rank` orders.

    ``argpartition`` alone picks arbitrarily among equal scores at the cut, and differently for
    different limits: page 2 (the best 20, second half) then repeated a hit of page 1 (the best
    10) and never showed another, in searches and in exports, whenever scores tied.  Only the
    tied group is ordered by date, and only those also tied on date by id.
    """
    if limit >= len(scores):
        return np.arange(len(scores))
    better, tied = _best(-scores, np.arange(len(scores)), limit)
    wanted = limit - len(better)
    if newest is not None and len(tied) > wanted:
        newer, tied = _best(newest, tied, wanted)
        better, wanted = np.concatenate([better, newer]), wanted - len(newer)
    tied = tied[np.lexsort((docs[tied], ids_sign * id_ranks(docs[tied], ids)))][:wanted]
    return np.concatenate([better, tied])


class _Unscorable(Exception):
    """The query has a node this module does not score (the caller lets Whoosh rank it)."""


class _Scorer:
    """Evaluates a query tree over ``docs``: per node, which of them match and their scores.

    The combination rules are those of Whoosh's matchers: And and Or add their matching
    children's scores, AndMaybe adds the optional part where the required part matches, AndNot
    and Not contribute no score, and a boosted node multiplies its score.
    """

    def __init__(self, searcher, docs: np.ndarray, postings: PostingsCache) -> None:
        self.searcher = searcher
        self.docs = docs
        self.postings = postings
        self._slots: np.ndarray | None = None

    def _places(self, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in ``docs``, mask over ``numbers``) of the sorted document ``numbers`` that
        are in ``docs``.

        Few numbers are looked up by binary search; many (a common word's postings, ~150,000 at
        300k articles) in a table of every document's position in ``docs``, built once per
        query: in cProfile of the common words there, the binary searches took ~5 ms a query,
        the table lookups ~2 ms.
        """
        docs = self.docs
        ndocs = self.postings.ndocs
        if len(numbers) * DENSE_LOOKUPS < ndocs:
            where = np.searchsorted(docs, numbers)
            inside = where < len(docs)
            inside[inside] = docs[where[inside]] == numbers[inside]
            return where[inside], inside
        if self._slots is None:
            self._slots = np.full(ndocs, -1, dtype=np.int64)
            self._slots[docs] = np.arange(len(docs))
        where = self._slots[numbers]
        inside = where >= 0
        return where[inside], inside

    def _matches(self, reader, offset: int, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in ``docs``, positions in ``ids``) of the documents of one segment (first
        document number ``offset``) that are both ranked and in a term's postings ``ids``
        (segment-local, ascending), ascending.

        The smaller side is looked up in the larger: a phrase's or a filtered query's few ranked
        documents in a common word's postings (at 300k articles, ~2,700 documents against
        ~100,000 postings of "people") by binary search (:meth:`_rows`), or else the postings
        among the documents (:meth:`_places`).
        """
        first, last = self.docs.searchsorted((offset, offset + reader.doc_count_all())).tolist()
        if (last - first) * FEW_RANKED <= len(ids):
            return self._rows(first, last, offset, ids)
        where, inside = self._places(ids + offset)
        return where, np.flatnonzero(inside)

    def _rows(self, first: int, last: int, offset: int, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`_matches` by one binary search per ranked document of the segment
        (``docs[first:last]``) in the postings."""
        found, rows = sorted_lookup(ids, self.docs[first:last] - offset)
        return first + np.flatnonzero(found), rows

    def evaluate(self, node: Q.Query) -> tuple[np.ndarray, np.ndarray]:
        kind = type(node)
        if kind is Q.Term:
            return self._term(node)
        if kind in (Q.And, Q.Or) and node.subqueries and not getattr(node, "scale", None):
            parts = [self.evaluate(child) for child in node.subqueries]
            combine = np.logical_and if kind is Q.And else np.logical_or
            mask = combine.reduce([m for m, _s in parts])
            score = np.sum([s for _m, s in parts], axis=0) * mask
        elif kind is Q.AndMaybe:
            (mask, required), (_m, optional) = self.evaluate(node.a), self.evaluate(node.b)
            score = (required + optional) * mask
        elif kind is Q.AndNot:
            (positive, score), (negative, _s) = self.evaluate(node.a), self.evaluate(node.b)
            mask = positive & ~negative
            score = score * mask
        elif kind is Q.Not:
            mask, _s = self.evaluate(node.query)
            return ~mask, np.zeros(len(self.docs))
        else:
            raise _Unscorable(kind.__name__)
        return mask, score * node.boost

    def _term(self, term: Q.Term) -> tuple[np.ndarray, np.ndarray]:
        searcher, docs = self.searcher, self.docs
        field = term.fieldname
        if field not in searcher.schema or not searcher.schema[field].scorable:
            raise _Unscorable(f"field {field}")
        weighting = searcher.weighting
        b, k1 = bm25_parameters(weighting, field)
        idf = searcher.idf(field, term.text)
        average = searcher.avg_field_length(field) or 1
        mask = np.zeros(len(docs), dtype=bool)
        score = np.zeros(len(docs))
        for index, (reader, offset) in enumerate(self.postings.leaves):
            postings = self.postings.get(index, field, term.text)
            if postings is None or len(postings.ids) == 0:
                continue
            where, rows = self._matches(reader, offset, postings.ids)
            tf = postings.weights[rows]
            lengths = _field_lengths(reader, field)[postings.ids[rows]]
            mask[where] = True
            bm25 = idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths / average)))
            score[where] = term.boost * bm25
        return mask, score


def warm(searcher, fieldnames) -> None:
    """Read the field-length arrays of ``searcher``'s segments now (once per segment)."""
    for reader, _offset in leaf_readers(searcher):
        for fieldname in fieldnames:
            _field_lengths(reader, fieldname)


def _field_lengths(reader, fieldname: str) -> np.ndarray:
    """Every document's length of ``fieldname`` in one segment (cached per segment)."""
    key = (reader.segment().segment_id(), fieldname)
    lengths = _LENGTHS.get(key)
    if lengths is None:
        count = reader.doc_count_all()
        lengths = np.fromiter((reader.doc_field_length(d, fieldname, 0) or 0 for d in range(count)),
                              dtype=np.float64, count=count)
        with _LENGTHS_LOCK:
            if len(_LENGTHS) >= _LENGTHS_LIMIT:
                _LENGTHS.clear()
            _LENGTHS[key] = lengths
    return lengths
