"""The outlets overview: article counts and date coverage per outlet, from the facet arrays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as whoosh_query

from search import schema as S
from search.facets import NO_DAY, FacetCache


@dataclass
class OutletSummary:
    """One outlet: how many articles, how many undated, and the first and last publication date."""

    name: str | None  # None: articles whose outlet is unknown
    articles: int
    undated: int
    first: str | None
    last: str | None


def outlet_summaries(searcher, facet_cache: FacetCache) -> list[OutletSummary]:
    """Every outlet with its counts and coverage, most articles first; unknown outlet last."""
    arrays = facet_cache.arrays(searcher)
    docs = np.fromiter(searcher.docs_for_query(whoosh_query.Every()), dtype=np.int64)
    indptr, ords = arrays.indptr[S.OUTLET], arrays.ords[S.OUTLET]
    starts, lengths = indptr[docs], indptr[docs + 1] - indptr[docs]
    # One (document, outlet ordinal) pair per value, without a Python loop over documents.
    pair_docs = np.repeat(docs, lengths)
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    pair_ords = ords[offsets + np.arange(int(lengths.sum()), dtype=np.int64)]
    size = len(arrays.display[S.OUTLET])
    counts = np.bincount(pair_ords, minlength=size)[:size]
    days = arrays.day[pair_docs].astype(np.int64)
    dated = days != NO_DAY
    undated = np.bincount(pair_ords[~dated], minlength=size)[:size]
    first = np.full(size, np.iinfo(np.int64).max)
    last = np.full(size, np.iinfo(np.int64).min)
    np.minimum.at(first, pair_ords[dated], days[dated])
    np.maximum.at(last, pair_ords[dated], days[dated])

    def iso(day: int, empty: int) -> str | None:
        return None if day == empty else S.day_to_date(day).isoformat()

    summaries = [
        OutletSummary(
            arrays.display[S.OUTLET][o], int(counts[o]), int(undated[o]),
            iso(int(first[o]), np.iinfo(np.int64).max), iso(int(last[o]), np.iinfo(np.int64).min),
        )
        for o in np.flatnonzero(counts)
    ]
    summaries.sort(key=lambda s: (-s.articles, (s.name or "").casefold()))
    unknown_docs = docs[lengths == 0]
    if len(unknown_docs):
        unknown_days = arrays.day[unknown_docs].astype(np.int64)
        unknown_days = unknown_days[unknown_days != NO_DAY]
        summaries.append(OutletSummary(
            None, len(unknown_docs), int(len(unknown_docs) - len(unknown_days)),
            S.day_to_date(int(unknown_days.min())).isoformat() if len(unknown_days) else None,
            S.day_to_date(int(unknown_days.max())).isoformat() if len(unknown_days) else None,
        ))
    return summaries
