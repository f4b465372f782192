"""``search.engine``'s facet values as they were computed before issue 15's second round.

The engine now picks the top values by position with ``heapq.nsmallest`` for ties and reads the
counts of the top values directly; tests patch this back in and compare whole answers.
"""

from __future__ import annotations

import numpy as np

from search import engine
from search import schema as S
from search.names import name_key
from search.results import FacetValue


def facets(arrays, docs, masks, request, aliases, final=None):
    """The previous ``engine._facets`` (each kind counted by itself; ``final`` recomputed)."""
    result = {}
    for kind in S.FACET_KINDS:
        base = engine._apply(docs, masks, skip=kind) if kind in masks else engine._apply(docs, masks)
        ordinals, counts = arrays.count_nonzero(kind, base)
        selected_keys = {name_key(v, aliases) for v in request.filters.get(kind, ())}
        selected_ords = set(arrays.ordinals_for(kind, list(selected_keys)))
        top = top_ordinals(ordinals, counts, arrays.vocab[kind].keys, engine.FACET_LIMIT)
        chosen = set(top) | selected_ords
        found = engine._counts_of(ordinals, counts, chosen)
        display = arrays.display[kind]
        typed = kind == S.SPEAKER
        values = [FacetValue(display[o], found[o], o in selected_ords,
                             engine._speaker_type(o, arrays) if typed else None) for o in chosen]
        known = {v.value for v in values}
        for raw in request.filters.get(kind, ()):
            if name_key(raw, aliases) not in {name_key(k, aliases) for k in known}:
                values.append(FacetValue(raw, 0, True, "person" if typed else None))
        values.sort(key=lambda v: (v.type == "organization", -v.count, v.value.casefold()))
        result[kind] = values
    final = engine._apply(docs, masks)
    result["month"] = [FacetValue(m, c) for m, c in arrays.month_counts(final)]
    result["day"] = engine._day_counts(arrays, final)
    return result


def top_ordinals(ordinals: np.ndarray, counts: np.ndarray, keys: list[str], limit: int) -> list[int]:
    """The previous ``engine.top_ordinals``: every tied ordinal sorted by key."""
    if len(ordinals) <= limit:
        return ordinals.tolist()
    threshold = np.partition(counts, len(counts) - limit)[len(counts) - limit]
    above = ordinals[counts > threshold].tolist()
    tied = sorted(ordinals[counts == threshold].tolist(), key=lambda o: keys[o])
    return above + tied[: limit - len(above)]
